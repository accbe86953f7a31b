"""``tarieven test``: files of cases with expected lines, passed or failed per line."""

from __future__ import annotations

import json
import textwrap
import tomllib
from pathlib import Path

import pytest

import tarieven
from tarieven import InvoerFout
from tarieven.afronding import op_centen
from tarieven.cli import main
from tarieven.controles import lees_controles, voer_controles_uit
from tarieven.weergave import euro

from .conftest import GOLDEN

REKENVOORBEELDEN = Path(__file__).parents[1] / "voorbeelden" / "controles" / "rekenvoorbeelden.toml"


def _plat(d: dict[str, object], prefix: str = "") -> dict[str, object]:
    uit: dict[str, object] = {}
    for k, v in d.items():
        uit |= _plat(v, f"{prefix}{k}.") if isinstance(v, dict) else {f"{prefix}{k}": v}  # type: ignore[arg-type]
    return uit


def test_de_meegeleverde_rekenvoorbeelden_zijn_de_voorbeelden_van_de_tests() -> None:
    """The shipped checks file holds the worked examples verbatim: same inputs, same expected cents."""
    gevallen = tomllib.loads(REKENVOORBEELDEN.read_text(encoding="utf-8"))["geval"]
    voorbeelden = sorted(p for p in GOLDEN.glob("g[1-5]*.json"))
    assert len(gevallen) == len(voorbeelden) == 6
    for geval, pad in zip(gevallen, voorbeelden, strict=True):
        d = json.loads(pad.read_text(encoding="utf-8"))
        verwacht = d.pop("verwacht")
        assert geval["scenario"] == d, pad.name
        assert _plat(geval["verwacht"]) == _plat(verwacht), pad.name


def test_tarieven_test_op_de_rekenvoorbeelden_slaagt(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", str(REKENVOORBEELDEN)]) == 0
    uit = capsys.readouterr().out
    assert "6 van 6 gevallen geslaagd (74 regels gecontroleerd)" in uit
    assert "MISLUKT" not in uit


def _bestand(tmp_path: Path, tekst: str) -> Path:
    pad = tmp_path / "controles.toml"
    pad.write_text(textwrap.dedent(tekst), encoding="utf-8")
    return pad


def test_een_afwijkende_regel_mislukt_met_beide_bedragen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """41A22 on 2025-06-01 with a group of 8; the expected tariff is stated 1 cent too high."""
    echt = tarieven.bereken("41A22", "2025-06-01", met={"product.groepsgrootte": 8})
    te_hoog = float(op_centen(echt.tarief)) + 0.01
    pad = _bestand(
        tmp_path,
        f"""
        [[geval]]
        naam = "groep van 8"
        scenario = "41A22"
        peildatum = 2025-06-01
        met = {{ "product.groepsgrootte" = 8 }}
        verwacht = {{ tarief_per_client = {te_hoog}, bestaat_niet = 1 }}

        [[geval]]
        naam = "met tolerantie"
        scenario = "41A22"
        peildatum = 2025-06-01
        tolerantie = 0.02
        met = {{ "product.groepsgrootte" = 8 }}
        verwacht = {{ tarief_per_client = {te_hoog} }}
        """,
    )
    uitslagen = voer_controles_uit(pad)
    assert [g.geslaagd for g in uitslagen] == [False, True]
    assert [r.geslaagd for r in uitslagen[0].regels] == [False, False]
    assert main(["test", str(pad)]) == 1
    uit = capsys.readouterr().out
    assert f"mislukt  tarief_per_client = {euro(echt.tarief)} (verwacht {euro(te_hoog)})" in uit
    assert "mislukt  bestaat_niet: deze regel bestaat niet in de opbouw" in uit
    assert "1 van 2 gevallen geslaagd" in uit


def test_een_ongeldig_scenario_laat_alleen_dat_geval_mislukken(tmp_path: Path) -> None:
    pad = _bestand(
        tmp_path,
        """
        [[geval]]
        naam = "kapot"
        scenario = "41A22"
        met = { "product.bezettingsgraad" = 1.5 }
        verwacht = { tarief_per_client = 90 }
        """,
    )
    (g,) = voer_controles_uit(pad)
    assert not g.geslaagd
    assert g.fout is not None
    assert "product.bezettingsgraad (opgegeven bij de berekening) = 1.5" in g.fout


def test_een_ongeldig_controlebestand_noemt_geval_en_sleutel(tmp_path: Path) -> None:
    pad = _bestand(
        tmp_path,
        """
        [[geval]]
        scenario = 5
        peildatum = "morgen"
        verwacht = { tarief_per_client = "veel" }
        extra = 1
        """,
    )
    with pytest.raises(InvoerFout) as e:
        lees_controles(pad)
    bericht = str(e.value)
    assert "geval[0].naam ontbreekt: verwacht de naam van het geval" in bericht
    assert "geval[0].scenario = 5: verwacht een productcode, een scenariobestand" in bericht
    assert "geval[0].peildatum = 'morgen': verwacht een TOML-datum" in bericht
    assert "geval[0].verwacht.tarief_per_client = 'veel': verwacht een eindig getal" in bericht
    assert "geval[0].extra = 1: verwacht een bekende sleutel" in bericht
    assert main(["test", str(_bestand(tmp_path, "beschrijving = 'leeg'\n"))]) == 2


def test_het_voorbeeld_in_de_readme_slaagt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's checks example, copied into a file, passes as shown: the README cannot drift."""
    import re

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    _, sectie = readme.split("**Cijfers vastleggen met `tarieven test`.**", 1)
    blok = re.search(r"^```toml\n(.*?)^```$", sectie, flags=re.MULTILINE | re.DOTALL)
    assert blok is not None
    assert "peildatum = " in blok.group(1)  # pinned: the same figures whatever today is
    pad = tmp_path / "controles.toml"
    pad.write_text(blok.group(1), encoding="utf-8")
    assert main(["test", str(pad)]) == 0
    uit = capsys.readouterr().out
    assert "1 van 1 gevallen geslaagd (2 regels gecontroleerd)" in uit


def test_het_voorbeeld_in_de_docstring_slaagt(tmp_path: Path) -> None:
    """The format shown in the module docstring of tarieven.controles passes as written."""
    import tarieven.controles

    docstring = tarieven.controles.__doc__ or ""
    blok = docstring.split("::\n", 1)[1].split("\nIn plaats van", 1)[0]
    pad = tmp_path / "controles.toml"
    pad.write_text(textwrap.dedent(blok), encoding="utf-8")
    uitslagen = voer_controles_uit(pad)
    assert len(uitslagen) == 1
    assert uitslagen[0].geslaagd, uitslagen[0]
