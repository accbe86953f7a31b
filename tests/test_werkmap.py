"""The workbook with live formulas (tarieven.werkmap, Uitkomst.naar_excel), read back with openpyxl.

Whether the formulas compute what the library computes is checked by a real spreadsheet
engine in ``test_werkmap_libreoffice.py``; here: every line is a named formula derived from
its definition, with its value cached, the money format, the input and names sheets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

import tarieven
from tarieven.cli import main
from tarieven.formule import excel_naam
from tarieven.werkmap import GELDFORMAAT

PEIL = "2027-01-01"


def _naar_cel(wb: Any, naam: str) -> Any:
    (blad, ref), *_ = wb.defined_names[naam].destinations
    return wb[blad][ref.replace("$", "")]


def _json_regels(d: dict[str, Any], pad: str = "") -> list[str]:
    """The dotted paths of the breakdown lines in a result's JSON (nested per function)."""
    meta = {
        "tarieven_versie",
        "invoer_hash",
        "bron",
        "eenheid",
        "peildatum",
        "tariefjaar",
        "aannames",
        "onzekere_invoer",
        "geprojecteerde_invoer",
        "waarschuwingen",
        "parameterset_hash",
        "eigen_invoer",
        "invoer",
    }
    uit = []
    for k, v in d.items():
        if not pad and k in meta:
            continue
        uit += _json_regels(v, f"{pad}{k}.") if isinstance(v, dict) else [f"{pad}{k}"]
    return uit


@pytest.fixture(scope="module")
def werkmap(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any, Any]:
    u = tarieven.bereken("41A22", PEIL)
    pad = u.naar_excel(tmp_path_factory.mktemp("werkmap") / "41A22.xlsx")
    return u, openpyxl.load_workbook(pad), openpyxl.load_workbook(pad, data_only=True)


def test_elke_json_regel_is_een_naam_met_de_formule_uit_haar_definitie(werkmap: tuple[Any, Any, Any]) -> None:
    u, wb, waarden = werkmap
    regels = _json_regels(u.to_dict())
    assert len(regels) == len(u) > 40
    for pad in regels:
        naam = pad.replace(".", "_")
        assert naam == excel_naam(pad)  # no key of 41A22 needs the escape
        cel = _naar_cel(wb, naam)
        assert cel.value == u.regel(pad).definitie.excel()  # the traced definition, not a second copy
        assert _naar_cel(waarden, naam).value == pytest.approx(u[pad], rel=1e-15)  # the cached value


def test_formules_lezen_benoemde_invoer(werkmap: tuple[Any, Any, Any]) -> None:
    u, wb, _ = werkmap
    assert _naar_cel(wb, "bruto_jaarsalaris_mbo").value == "=functies_mbo_maandsalaris*12"
    assert _naar_cel(wb, "medewerkers_totaal").value == (
        "=CEILING(ROUND(product_groepsgrootte/product_ratio_kinderen_per_medewerker,9),1)"
    )  # whole staff, with the library's guard against float noise
    salaris = _naar_cel(wb, "functies_mbo_maandsalaris")
    assert salaris.value == u.scenario.waarden["functies.mbo.maandsalaris"]
    assert salaris.parent.title == "Invoer"
    assert salaris.fill.fgColor.rgb.endswith("FFFFCC")  # styled as an input


def test_geldformaat_en_uitleg_ernaast(werkmap: tuple[Any, Any, Any]) -> None:
    _, wb, _ = werkmap
    tarief = _naar_cel(wb, "tarief_per_client")
    assert tarief.number_format == GELDFORMAAT == "[$€-413] #,##0.00"
    rij = tarief.row
    blad = tarief.parent
    assert blad.cell(rij, 1).value == "tarief_per_client"
    assert blad.cell(rij, 2).value == "tarief per cliënt per dagdeel"
    assert blad.cell(rij, 5).value == "met_overhead × (1 + risico_opslag)"
    assert blad.cell(rij, 7).value.startswith(
        "cliëntgebonden tijd van beroepskrachten, niet-cliëntgebonden tijd van beroepskrachten "
        "(Besluit Jeugdwet art. 2.3 lid 1 onder a); cliëntgebonden kosten anders dan van beroepskrachten "
        "(Besluit Jeugdwet art. 2.3 lid 1 onder b); overheadkosten (Besluit"
    )
    assert "risico-opslag (geen wettelijk kostprijselement" in blad.cell(rij, 7).value
    assert _naar_cel(wb, "contracturen_mbo").number_format != GELDFORMAAT


def test_invoerblad_met_bron_datum_en_status(werkmap: tuple[Any, Any, Any]) -> None:
    _, wb, _ = werkmap
    ws = wb["Invoer"]
    rijen = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=6) if r[0].value}
    g = rijen["product.groepsgrootte"]
    assert g[2] == 10
    assert g[4] == "41A22.toml: product.groepsgrootte"
    assert g[5] == "aanname"
    assert "Segment 3 Dagbesteding" in g[6]
    assert g[7].date().isoformat() == "2025-01-01"
    assert rijen["opslagen.overhead_grondslag"][2] == "aandeel_integrale_kostprijs"  # a structural text, shown


def test_namenblad(werkmap: tuple[Any, Any, Any]) -> None:
    u, wb, _ = werkmap
    ws = wb["Namen"]
    rijen = {r[0].value: r[1].value for r in ws.iter_rows(min_row=6) if r[0].value}
    assert rijen["uurkosten_mbo"] == "uurkosten.mbo"
    assert rijen["functies_mbo_maandsalaris"] == 'invoer["functies.mbo.maandsalaris"].waarde'
    assert set(rijen) == set(wb.defined_names)
    assert len(rijen) == len(u) + len(u.scenario.waarden)


def test_schildwacht_vervangt_elke_gecachete_waarde(tmp_path: Path) -> None:
    u = tarieven.bereken("41A22", PEIL)
    wb = openpyxl.load_workbook(u.naar_excel(tmp_path / "s.xlsx", schildwacht=-1.0), data_only=True)
    assert {_naar_cel(wb, excel_naam(r.naam)).value for r in u} == {-1}


def test_vervoer_en_sessie_exporteren(tmp_path: Path) -> None:
    v = tarieven.bereken("42A03", PEIL, met={"product.afstand_km": 12, "product.vorm": "groep"})
    wb = openpyxl.load_workbook(v.naar_excel(tmp_path / "v.xlsx"))
    assert _naar_cel(wb, "vervoerscategorie").value == "=LOOKUP(product_afstand_km,{0,5,10,20},{1,2,3,4})"
    assert _naar_cel(wb, "tarief_per_client").value.startswith("=CHOOSE(vervoerscategorie,")
    g = tarieven.bereken("GGZ-groep", PEIL)
    wb = openpyxl.load_workbook(g.naar_excel(tmp_path / "g.xlsx"))
    assert _naar_cel(wb, "tarief_per_traject").value == "=tarief_per_client*product_sessies_per_traject"


def test_cli_bereken_excel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "uit.xlsx"
    assert main(["bereken", "41A22", "--peildatum", PEIL, "--excel", str(pad)]) == 0
    assert f"geschreven: {pad}" in capsys.readouterr().err
    assert "tarief_per_client" in openpyxl.load_workbook(pad).defined_names
    assert main(["bereken", "41A22", "--excel", str(tmp_path / "uit.xls")]) == 2
    assert "een bestandsnaam met de extensie .xlsx" in capsys.readouterr().err
    assert main(["bereken", "41A22", "--excel", str(tmp_path / "geen-map" / "uit.xlsx")]) == 2
    assert "verwacht een bestand in een bestaande map waarin geschreven kan worden" in capsys.readouterr().err
