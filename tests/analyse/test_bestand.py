"""The analysis file, ``tarieven.analyse.bestand``: reading it and running it end to end
through the command ``tarieven scenario``.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import tarieven
from tarieven.afronding import op_centen
from tarieven.cli import main

from ._hulp import AFR, G1, OPSLAG, B, G, enkel, met_keuzes

ANALYSE_TOML = """
scenario = "{scenario}"
uitvoer = "uit"

[rooster]
"product.groepsgrootte" = [8, 10]
product.bezettingsgraad = {{ van = 0.7, tot = 1.0, stap = 0.1 }}

[gevoeligheid]
procent = 10
sleutels = ["product.bezettingsgraad", "product.huisvesting_jaar"]

[montecarlo]
n = 500
seed = 5
[montecarlo.verdelingen]
"product.bezettingsgraad" = {{ verdeling = "uniform", laag = 0.7, hoog = 0.9 }}

[[doelzoeken]]
sleutel = "product.bezettingsgraad"
doel = 95.0

[bekostiging]
"""


def test_cli_scenario_schrijft_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "analyse.toml"
    pad.write_text(ANALYSE_TOML.format(scenario=G1.as_posix()), encoding="utf-8")
    assert main(["scenario", str(pad), "--plots"]) == 0
    uit = tmp_path / "uit"
    df = pd.read_csv(uit / "rooster.csv")
    assert df[B].tolist() == [0.7, 0.8, 0.9, 1.0] * 2
    s = tarieven.lees_scenario(G1)
    assert df["tarief_per_client"].iloc[6] == enkel(s, **{G: 10, B: 0.9}).tarief  # full precision in the CSV
    assert list(pd.read_csv(uit / "gevoeligheid.csv")["sleutel"]) == [B, "product.huisvesting_jaar"]
    assert not (uit / "montecarlo.csv").exists()  # the draws only on request
    assert list(pd.read_csv(uit / "montecarlo-percentielen.csv").columns[:4]) == ["naam", "P5", "P50", "P95"]
    doel = pd.read_csv(uit / "doelzoeken.csv")
    assert op_centen(enkel(s, **{B: float(doel["waarde"].iloc[0])}).tarief) == Decimal("95.00")
    for png in ("opbouw", "rooster", "tornado", "montecarlo", "bekostiging"):
        assert (uit / f"{png}.png").stat().st_size > 10_000
    fout = capsys.readouterr().err
    assert "geschreven:" in fout
    assert "gelijk bij een bezettingsgraad van" in fout
    # the goal seek on the screen too, the value as in its CSV (shown to 6 decimals)
    gevonden = f"{float(doel['waarde'].iloc[0]):.6f}".rstrip("0").replace(".", ",")
    assert f"  product.bezettingsgraad waarbij tarief_per_client = € 95,00: {gevonden}\n" in fout


def test_cli_scenario_overschrijft_alleen_op_verzoek(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "analyse.toml"
    tekst = ANALYSE_TOML.format(scenario=G1.as_posix()).replace("seed = 5", "seed = 5\ntrekkingen = true")
    pad.write_text(tekst, encoding="utf-8")
    assert main(["scenario", str(pad)]) == 0
    assert len(pd.read_csv(tmp_path / "uit" / "montecarlo.csv")) == 500
    voor = (tmp_path / "uit" / "rooster.csv").read_bytes()
    capsys.readouterr()
    assert main(["scenario", str(pad)]) == 2
    fout = capsys.readouterr().err
    assert "er staan al rooster.csv, gevoeligheid.csv, montecarlo.csv" in fout
    assert "--overschrijf" in fout
    assert (tmp_path / "uit" / "rooster.csv").read_bytes() == voor
    assert main(["scenario", str(pad), "--overschrijf"]) == 0


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        ('scenario = "{s}"\n', "ten minste één van de secties"),
        ('scenario = "{s}"\n[rooster]\n"product.bezettingsgraad" = [0.5, 1.5]\n', "product.bezettingsgraad = 1.5"),
        ('scenario = "{s}"\n[rooster]\n"x.y" = {{ van = 1, tot = 0, stap = 1 }}\n', "rooster.x.y = "),
        (
            'scenario = "{s}"\n[montecarlo.verdelingen]\n"product.bezettingsgraad" = {{ verdeling = "beta" }}\n',
            "verdeling = 'uniform' | 'driehoek'",
        ),
        ('scenario = "{s}"\nonbekend = 1\n[bekostiging]\n', "onbekend = 1: verwacht een bekende sleutel"),
    ],
)
def test_cli_scenario_fouten_geven_exitcode_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], inhoud: str, melding: str
) -> None:
    pad = tmp_path / "analyse.toml"
    pad.write_text(inhoud.format(s=G1.as_posix()), encoding="utf-8")
    assert main(["scenario", str(pad)]) == 2
    fout = capsys.readouterr().err
    assert fout.startswith("tarieven: Ongeldige invoer")
    assert melding in fout
    assert "Traceback" not in fout


def test_bereik_in_het_bestand_raakt_de_grens_precies(tmp_path: Path) -> None:
    """{van = 0.6, tot = 1.0, stap = 0.05} ends at exactly 1.0, not 1.0000000000000002."""
    from tarieven.analyse.bestand import lees_analyse

    pad = tmp_path / "a.toml"
    pad.write_text(
        f'scenario = "{G1.as_posix()}"\n[rooster]\n'
        '"product.bezettingsgraad" = { van = 0.6, tot = 1.0, stap = 0.05 }\n',
        encoding="utf-8",
    )
    plan = lees_analyse(pad)
    assert plan.rooster is not None
    waarden = list(plan.rooster[B])
    assert len(waarden) == 9
    assert waarden[-1] == 1.0
    assert waarden[1] == 0.65


def test_analysebestand_met_productcode_en_peildatum(tmp_path: Path) -> None:
    """An analysis file may name a catalogue product instead of a scenario file, with a peildatum."""
    from tarieven.analyse.bestand import lees_analyse

    pad = tmp_path / "a.toml"
    pad.write_text(
        'scenario = "41A22"\npeildatum = 2027-01-01\n[rooster]\n"product.groepsgrootte" = [8, 10]\n', encoding="utf-8"
    )
    plan = lees_analyse(pad)
    assert plan.scenario.product_code == "41A22"
    assert str(plan.scenario.peildatum) == "2027-01-01"
    pad.write_text(
        'scenario = "41A22"\npeildatum = "1-1-2027"\n[rooster]\n"product.groepsgrootte" = [8]\n', encoding="utf-8"
    )
    with pytest.raises(tarieven.InvoerFout, match=r"peildatum = '1-1-2027': verwacht een TOML-datum"):
        lees_analyse(pad)


# -- structural choices in the analysis file ------------------------------------------------


def test_analysebestand_met_structuurkeuzes(tmp_path: Path, g1: dict[str, Any]) -> None:
    pad = tmp_path / "a.toml"
    pad.write_text(
        f'scenario = "{G1.as_posix()}"\nuitvoer = "uit"\nregels = ["tarief_per_client"]\n[rooster]\n'
        '"product.groepsgrootte" = [8, 10]\n"product.ratio.afronding" = ["naar_boven", "exact"]\n'
        "[montecarlo]\nn = 50\ntrekkingen = true\n[montecarlo.verdelingen]\n"
        '"opslagen.overhead_grondslag" = { verdeling = "keuze", waarden = ["opslag_op_kostprijs"] }\n',
        encoding="utf-8",
    )
    assert main(["scenario", str(pad)]) == 0
    df = pd.read_csv(tmp_path / "uit" / "rooster.csv")
    assert df[AFR].tolist() == ["naar_boven", "exact"] * 2
    for i, (g, a) in enumerate(itertools.product([8, 10], ["naar_boven", "exact"])):
        assert df["tarief_per_client"].iloc[i] == tarieven.bereken(met_keuzes(g1, a, **{G: g})).tarief
    mc = pd.read_csv(tmp_path / "uit" / "montecarlo.csv")
    assert set(mc["tarief_per_client"]) == {tarieven.bereken(met_keuzes(g1, grondslag=OPSLAG)).tarief}
    pad.write_text(f'scenario = "{G1.as_posix()}"\n[rooster]\n"product.ratio.afronding" = ["half"]\n', encoding="utf-8")
    assert main(["scenario", str(pad)]) == 2
