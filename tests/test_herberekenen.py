"""A stored result recomputes: from the inputs it carries, and from today's parameters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tarieven
from tarieven import InvoerFout
from tarieven.catalogus import is_vervoer
from tarieven.cli import main
from tarieven.herberekenen import herbereken
from tarieven.weergave import euro

VERVOER = {"product.afstand_km": 12.0, "product.vorm": "groep"}


def _regels(d: dict[str, object], u: tarieven.Uitkomst) -> dict[str, object]:
    uit = {}
    for r in u:
        x: object = d
        for deel in r.naam.split("."):
            x = x[deel]  # type: ignore[index]
        uit[r.naam] = x
    return uit


@pytest.mark.parametrize("code", tarieven.producten())
def test_bereken_op_de_eigen_uitkomst_geeft_die_op_de_cent(code: str, tmp_path: Path) -> None:
    u = tarieven.bereken(code, "2027-01-01", met=VERVOER if is_vervoer(code) else None)
    pad = tmp_path / "uitkomst.json"
    pad.write_text(u.to_json(), encoding="utf-8")
    opgeslagen = json.loads(pad.read_text(encoding="utf-8"))
    opnieuw = tarieven.bereken(pad)  # from the inputs the result carries, nothing looked up
    assert _regels(opnieuw.to_dict(), opnieuw) == _regels(opgeslagen, u)  # every line, to the cent
    assert opnieuw.tarief == u.tarief  # and in full precision
    h = herbereken(pad)
    assert h.identiek
    assert h.identiek_nu  # today's bundled parameters at the stored peildatum: the same
    assert not h.invoer_nu


def test_de_uitkomst_draagt_alles_om_haar_na_te_rekenen() -> None:
    u = tarieven.bereken("41A22", "2027-01-01", met={"product.groepsgrootte": 8})
    d = u.to_dict()
    assert d["tarieven_versie"] == tarieven.__version__
    assert d["peildatum"] == "2027-01-01"
    assert d["parameterset_hash"] == tarieven.standaard_parameters().hash
    assert d["eigen_invoer"] == {"basis": "41A22", "product.groepsgrootte": 8.0}
    invoer = d["invoer"]
    assert set(invoer) == set(u.scenario.invoer)
    salaris = invoer["functies.mbo.maandsalaris"]
    assert salaris["waarde"] == u.scenario.waarden["functies.mbo.maandsalaris"]
    assert salaris["eenheid"] == "EUR/maand"
    assert salaris["herkomst"].startswith("cao-jeugdzorg.toml: salaris.schaal_8")
    assert salaris["status"] == "aanname"
    assert salaris["geprojecteerd"] is True
    assert invoer["product.groepsgrootte"] == {
        "waarde": 8.0,
        "eenheid": "1",
        "herkomst": "opgegeven bij de berekening",
        "status": None,
        "bron": None,
        "vanaf": None,
        "geprojecteerd": False,
    }


def test_een_gewijzigde_uitkomst_wordt_gemeld(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    echt = tarieven.bereken("41A22", "2025-06-01")
    d = echt.to_dict()
    d["tarief_per_client"] = "80.00"  # edited by hand
    pad = tmp_path / "u.json"
    pad.write_text(json.dumps(d), encoding="utf-8")
    h = herbereken(pad)
    assert not h.identiek
    assert [v.naam for v in h.regels_eigen] == ["tarief_per_client"]
    assert main(["bereken", str(pad)]) == 1
    uit = capsys.readouterr().out
    assert "1. Uit de eigen invoer van de uitkomst: 1 regels verschillen:" in uit
    assert f"tarief_per_client: € 80,00 -> {euro(echt.tarief)}" in uit


def test_gewijzigde_parameters_worden_bij_naam_genoemd(tmp_path: Path) -> None:
    """A result computed with the user's own overhead (15 %) against today's bundled norm (20 %)."""
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / "normen-haaglanden.toml").write_text(
        '[bestand]\ntitel = "E"\n[overhead]\nwaarde = 0.15\nvanaf = 2025-01-01\nstatus = "definitief"\n'
        'bron = "eigen"\n',
        encoding="utf-8",
    )
    u = tarieven.bereken("41A22", "2025-06-01", params=eigen)
    pad = tmp_path / "u.json"
    pad.write_text(u.to_json(), encoding="utf-8")
    h = herbereken(pad)
    assert h.identiek  # its own inputs give it exactly
    assert not h.identiek_nu
    assert [(v.naam, v.opgeslagen, v.nieuw) for v in h.invoer_nu] == [("opslagen.overhead", 0.15, 0.2)]
    assert "normen-haaglanden.toml: overhead" in h.invoer_nu[0].herkomst
    tekst = h.tekst()
    assert "Sindsdien gewijzigd (1 invoerwaarden):" in tekst
    assert "opslagen.overhead: 0,15 -> 0,2" in tekst
    assert "andere parameterset-hash" in tekst


def test_cli_bereken_op_een_uitkomst(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "u.json"
    assert main(["bereken", "GGZ-groep", "--peildatum", "2027-01-01", "--formaat", "json"]) == 0
    pad.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["bereken", str(pad)]) == 0
    uit = capsys.readouterr().out
    assert "1. Uit de eigen invoer van de uitkomst: identiek, elke regel op de cent." in uit
    assert "2. Met de meegeleverde parameters van nu, op dezelfde peildatum: identiek" in uit


def test_uitkomst_zonder_invoer_is_een_heldere_fout(tmp_path: Path) -> None:
    pad = tmp_path / "oud.json"
    pad.write_text(json.dumps({"tarieven_versie": "0.0.1", "tarief_per_client": "90.00"}), encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"invoer: verwacht de invoer van de uitkomst"):
        tarieven.bereken(pad)
