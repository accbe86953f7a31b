"""The command line (tarieven.cli): every command, every format, Dutch messages, exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import tarieven
from tarieven.cli import main
from tarieven.weergave import euro

from .conftest import GOLDEN

VOORBEELD = Path(__file__).parents[1] / "voorbeelden" / "dagbesteding-licht.toml"


@pytest.mark.parametrize(
    "opdracht", [["producten"], ["parameters", "salaris"], ["indexeer", "100", "--van", "2024", "--naar", "2025"]]
)
def test_lijsten_in_json_en_csv(opdracht: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Every listing command takes --formaat like bereken does; JSON parses, CSV has a header."""
    assert main([*opdracht, "--formaat", "json"]) == 0
    rijen = json.loads(capsys.readouterr().out)
    assert isinstance(rijen, list)
    assert rijen
    assert main([*opdracht, "--formaat", "csv"]) == 0
    gelezen = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(gelezen) == len(rijen)


def test_producten_json_bevat_elk_product(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["producten", "--peildatum", "2027-01-01", "--formaat", "json"]) == 0
    rijen = json.loads(capsys.readouterr().out)
    assert {r["code"] for r in rijen} == set(tarieven.producten())
    u = tarieven.bereken("41A22", "2027-01-01")
    assert next(r for r in rijen if r["code"] == "41A22")["tarief"] == u.tarief


def test_indexeer_json_met_de_hand(capsys: pytest.CaptureFixture[str]) -> None:
    """VNG 2025 (golden g6): 100 -> 104.96 with the published percentage 4.96 %."""
    assert main(["indexeer", "100", "--van", "2024", "--naar", "2025", "--gepubliceerd", "--formaat", "json"]) == 0
    basis, jaar = json.loads(capsys.readouterr().out)
    assert basis == {"jaar": 2024, "tarief": 100.0, "geprojecteerd": False}
    assert jaar["gepubliceerd_procent"] == "4.96"
    assert jaar["tarief"] == pytest.approx(104.96, abs=1e-9)
    assert jaar["geprojecteerd"] is True


def test_uitleg_vervoer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["uitleg", "42A03", "--afstand", "12", "--vorm", "groep", "--peildatum", "2027-01-01"]) == 0
    uit = capsys.readouterr().out
    assert "vervoerscategorie" in uit
    assert "= opzoeken(12; [0; 5; 10; 20]; [1; 2; 3; 4])" in uit  # 12 km, group: band 10-20 km -> category 3
    bedrag = tarieven.vervoersbedragen("2027-01-01")["42A03"]["categorie_3"][0]
    assert f"Tarief per cliënt per dag: {euro(bedrag)}" in uit


def test_vervoer_zonder_afstand_toont_de_bedragen(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bereken", "42A03", "--peildatum", "2027-01-01"]) == 0
    uit = capsys.readouterr().out
    bedrag = tarieven.vervoersbedragen("2027-01-01")["42A03"]["categorie_1"][0]
    assert f"categorie 1:    {euro(bedrag)}   [aanname]" in uit  # projected past 2025: an assumption
    assert "Geef --afstand KM en --vorm" in uit


def test_onbekende_parameter_is_een_fout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parameters", "bestaat-niet"]) == 2
    assert "naam = 'bestaat-niet'" in capsys.readouterr().err


def test_bereken_json_is_het_resultaat(capsys: Any) -> None:
    assert main(["bereken", str(GOLDEN / "g1-dagbesteding-licht.json"), "--formaat", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["tarief_per_client"] == "90.48"  # golden g1
    assert d["uurkosten"]["mbo"] == "44.98"


def test_een_eigen_berekening_noemt_bestand_en_aanbieder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A provider's calculation on a product must not read as the region's tariff: its heading
    names the file and the provider; the product itself is headed by its catalogue entry alone."""
    eigen = tmp_path / "eigen.toml"
    eigen.write_text(
        'basis = "41A22"\npeildatum = 2027-01-01\n[aanbieder]\nnaam = "Zorg BV"\n[product]\ngroepsgrootte = 8\n',
        encoding="utf-8",
    )
    assert main(["bereken", str(eigen)]) == 0
    kop = capsys.readouterr().out.splitlines()[0]
    assert kop == f"Dagbesteding licht (41A22), catalogus 41A22.toml; aanbieder Zorg BV ({eigen})"
    assert main(["bereken", "41A22", "--peildatum", "2027-01-01"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Dagbesteding licht (41A22), catalogus 41A22.toml"


def test_wat_als_met_sleutel_is_waarde(capsys: pytest.CaptureFixture[str]) -> None:
    """``--met`` changes one input from the command line: 41A22 with a group of 8 on 2025-06-01 is
    € 101,32 (the worked case in the README: two staff still needed at 1:5, now over 6,8 clients
    present instead of 8,5, so everything but the material per present client costs 10/8 as much
    per client; the material part is 3,50 / (1 − 0,20) × 1,015 = 4,440625:
    (81,945150 − 4,440625) × 10/8 + 4,440625 = 101,3213), and the heading says what was given."""
    centraal = tarieven.bereken("41A22", "2025-06-01").tarief
    assert round(centraal, 2) == 81.95  # the central tariff the hand calculation starts from
    assert round((centraal - 3.5 / 0.8 * 1.015) * 10 / 8 + 3.5 / 0.8 * 1.015, 2) == 101.32
    assert main(["bereken", "41A22", "--peildatum", "2025-06-01", "--met", "product.groepsgrootte=8"]) == 0
    uit = capsys.readouterr().out.splitlines()
    assert uit[0].endswith("; opgegeven bij de berekening: product.groepsgrootte = 8")
    assert "€ 101,32" in uit[2]
    # a text value with its unit, and more than one --met
    args = ["bereken", "41A22", "--peildatum", "2025-06-01", "--formaat", "json"]
    met = ["--met", "functies.mbo.maandsalaris=3600 EUR/maand", "--met", "product.bezettingsgraad=0.9"]
    assert main([*args, *met]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["invoer"]["functies.mbo.maandsalaris"]["waarde"] == 3600
    assert d["invoer"]["product.bezettingsgraad"]["herkomst"] == "opgegeven bij de berekening"


@pytest.mark.parametrize(
    ("met", "melding"),
    [
        ("product.groepsgrootte", "--met = 'product.groepsgrootte': verwacht SLEUTEL=WAARDE, bijvoorbeeld"),
        ("=8", "--met = '=8': verwacht SLEUTEL=WAARDE"),
        ("groep=8", "groep (opgegeven bij de berekening) = 8: verwacht een bekende invoer"),
        ("product.groepsgrootte=-3", "product.groepsgrootte (opgegeven bij de berekening) = -3: verwacht een geheel"),
        ("product.bezettingsgraad=veel", "product.bezettingsgraad (opgegeven bij de berekening) = 'veel': verwacht"),
        ("product.groepsgrootte=" + "9" * 5000, "product.groepsgrootte (opgegeven bij de berekening) = '999"),
        ('basis="41A24"', "--met = 'basis=\"41A24\"': verwacht een invoer van het scenario; basis, peildatum,"),
        ("peildatum=2026-01-01", "--met = 'peildatum=2026-01-01': verwacht een invoer van het scenario;"),
    ],
)
def test_wat_als_fout(met: str, melding: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bereken", "41A22", "--peildatum", "2025-06-01", "--met", met]) == 2
    fout = capsys.readouterr().err
    assert melding in fout
    assert "Traceback" not in fout


NIET_BIJ_BEREKENEN = (
    # other commands and what only they need
    "tarieven.cli.lijsten",
    "tarieven.cli.scenario",
    "tarieven.cli.vergelijk",
    "tarieven.cli.sjabloon",
    "tarieven.analyse",
    "tarieven.herberekenen",
    "tarieven.overzicht",
    "tarieven.csvformaat",
    "csv",
    # bundled parameter files come parsed with the wheel; a suggestion for a typo only on an error
    "tomllib",
    "difflib",
    # the heavy libraries
    "pandas",
    "pint",
    "matplotlib",
)


def test_bereken_laadt_alleen_wat_het_nodig_heeft(tmp_path: Path, wielkopie: Path) -> None:
    """`tarieven bereken 41A22` imports none of the modules that only other commands, other
    formats or errors need (start-up time); a behavioural guard, not a timing. Run as installed
    from the wheel, whose parameter files come parsed (in a checkout they are parsed)."""
    code = (
        "import contextlib, io, sys\n"
        "from tarieven.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    assert main(['bereken', '41A22', '--peildatum', '2027-01-01']) == 0\n"
        "print('\\n'.join(sys.modules))\n"
        "import pathlib, tarieven; print('tarieven-uit:' + str(pathlib.Path(tarieven.__file__).parents[1]))\n"
    )
    omgeving = {**os.environ, "PYTHONPATH": str(wielkopie)}
    r = subprocess.run(
        [sys.executable, "-c", code], env=omgeving, capture_output=True, text=True, check=True, cwd=tmp_path
    )
    geladen = set(r.stdout.split())
    assert "tarieven.uitkomst" in geladen  # the command did run
    assert f"tarieven-uit:{wielkopie}" in geladen  # the copy laid out as the wheel, with its parsed twins
    assert sorted(m for m in NIET_BIJ_BEREKENEN if m in geladen) == []
