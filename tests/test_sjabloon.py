"""The template a provider fills in (tarieven.sjabloon) and reading it back (tarieven.sjabloonlezen).

Round trip: a template filled by the test with a provider's figures gives the same cost
price as the same scenario written as TOML; an untouched one gives the region's tariff.
Bad templates: each a clear error naming sheet and cell, in under a second.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import tarieven
from tarieven.afronding import op_centen
from tarieven.cli import main
from tarieven.sjabloon import schrijf_sjabloon
from tarieven.sjabloonindeling import indeling, lees_ingevuld
from tarieven.sjabloonlezen import lees_sjabloon

PEIL = "2027-01-01"
VERSLEUTELD = Path(__file__).parent / "data" / "versleuteld-sjabloon.xlsx"
"""The template of 41A22 encrypted with a password (how it was made: tests/data/README.md)."""
CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The signature of an OLE container (Compound File Binary), as an encrypted workbook and an .xls are."""


@pytest.fixture(scope="module")
def leeg_41a22(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return schrijf_sjabloon("41A22", tmp_path_factory.mktemp("sjabloon") / "41A22.xlsx", PEIL)


def _kopie(bron: Path, doel: Path) -> Path:
    shutil.copy(bron, doel)
    return doel


def _rij(ws: Any, sleutel: str) -> int:
    return next(c.row for c in ws["A"] if c.value == sleutel)


def vul_in(pad: Path, waarden: dict[str, Any]) -> dict[str, str]:
    """Fill a template like a provider does (openpyxl, as Excel would save it); returns key -> cell."""
    wb = openpyxl.load_workbook(pad)
    ws = wb["Invoer"]
    cellen = {}
    for sleutel, waarde in waarden.items():
        cel = ws.cell(_rij(ws, sleutel), 3)
        cel.value = waarde
        cellen[sleutel] = cel.coordinate
    wb.save(pad)
    return cellen


AANBIEDER = {
    "aanbieder.naam": "Zorgboerderij De Linde",
    "aanbieder.code": 12345678,  # an AGB code typed as a number
    "aanbieder.volume": 1200,
    "product.groepsgrootte": 8,
    "product.bezettingsgraad": 0.9,
    "product.huisvesting_jaar": 18000,
    "product.indirect_uur.wo": 0,
    "product.personeel.mbo": 2,
    "product.personeel.hbo": 1,
    "functies.mbo.maandsalaris": 3600,
    "functies.hbo.trede": "midden",
    "opslagen.overhead": 0.15,
}
AANBIEDER_TOML = """
basis = "41A22"
peildatum = 2027-01-01
[aanbieder]
naam = "Zorgboerderij De Linde"
code = "12345678"
volume = 1200
[product]
groepsgrootte = 8
bezettingsgraad = 0.9
huisvesting_jaar = 18000
indirect_uur = { wo = 0 }
personeel = [{ functie = "mbo", aantal = 2 }, { functie = "hbo", aantal = 1 }]
[functies.mbo]
maandsalaris = 3600
[functies.hbo]
trede = "midden"
[opslagen]
overhead = 0.15
"""


def test_onaangeroerd_sjabloon_geeft_het_tarief_van_de_regio(leeg_41a22: Path) -> None:
    u = tarieven.bereken(leeg_41a22)
    assert u.tarief == tarieven.bereken("41A22", PEIL).tarief
    assert u.scenario.eigen == {"basis": "41A22", "peildatum": PEIL, "aannames": "centraal"}  # nothing of its own


def test_ingevuld_sjabloon_gelijk_aan_dezelfde_toml(leeg_41a22: Path, tmp_path: Path) -> None:
    pad = _kopie(leeg_41a22, tmp_path / "ingevuld.xlsx")
    vul_in(pad, AANBIEDER)
    toml = tmp_path / "aanbieder.toml"
    toml.write_text(AANBIEDER_TOML, encoding="utf-8")
    uit_sjabloon, uit_toml = tarieven.bereken(pad), tarieven.bereken(toml)
    for regel in ("kostprijs_per_client", "tarief_per_client", "personeel_direct", "uurkosten.hbo"):
        assert op_centen(uit_sjabloon[regel]) == op_centen(uit_toml[regel])
    assert uit_sjabloon.tarief == uit_toml.tarief
    assert uit_sjabloon.scenario.invoer["aanbieder.naam"] == "Zorgboerderij De Linde"
    assert uit_sjabloon.scenario.invoer["aanbieder.code"] == "12345678"
    assert "product.groepsgrootte = 8  [scenario ingevuld.xlsx]" in uit_sjabloon.uitleg()
    v = tarieven.vergelijk(pad)
    assert v.tegen.tarief == tarieven.bereken("41A22", PEIL).tarief
    assert {d.groep for d in v.delen} >= {"groepsgrootte", "personeel", "salaris.mbo", "salaris.hbo", "overhead"}


def test_sessieproduct_een_aantal_wijzigen_houdt_het_andere(tmp_path: Path) -> None:
    """GGZ groep has staff counts: changing one keeps the other (the counts replace the product's whole)."""
    pad = schrijf_sjabloon("GGZ-groep", tmp_path / "ggz.xlsx", PEIL)
    vul_in(pad, {"product.personeel.hbo": 2})
    s = tarieven.lees_scenario(pad)
    assert (s.waarden["product.personeel.gz_psycholoog"], s.waarden["product.personeel.hbo"]) == (1.0, 2.0)


def test_sjabloon_van_vorig_jaar_rekent_op_zijn_eigen_datum(tmp_path: Path) -> None:
    pad = schrijf_sjabloon("41A22", tmp_path / "2026.xlsx", "2026-06-01")
    u = tarieven.bereken(pad)
    assert str(u.scenario.peildatum) == "2026-06-01"
    assert u.tarief == tarieven.bereken("41A22", "2026-06-01").tarief
    assert u.tarief != tarieven.bereken("41A22", PEIL).tarief  # its own date, not this year's


def test_opbouw_van_het_sjabloon(leeg_41a22: Path) -> None:
    wb = openpyxl.load_workbook(leeg_41a22)
    assert wb.sheetnames == ["Instructie", "Invoer", "Bronnen", "Sjabloon"]
    assert wb["Sjabloon"].sheet_state == "hidden"
    assert (wb["Sjabloon"]["B1"].value, wb["Sjabloon"]["B2"].value) == (1, "41A22")
    ws = wb["Invoer"]
    assert ws.protection.sheet
    assert ws["C4"].value == "41A22"
    assert ws["C4"].protection.locked
    g = ws.cell(_rij(ws, "product.groepsgrootte"), 3)
    assert g.value == 10
    assert not g.protection.locked
    assert ws.cell(g.row, 2).protection.locked
    assert ws.column_dimensions["A"].hidden
    validaties = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert validaties[g.coordinate].type == "whole"  # whole places
    schaal = ws.cell(_rij(ws, "functies.mbo.schaal"), 3).coordinate
    assert validaties[schaal].type == "list"
    assert validaties[schaal].formula1 == '"7,8,9,10,11,12"'
    trede = ws.cell(_rij(ws, "functies.mbo.trede"), 3).coordinate
    assert validaties[trede].formula1 == '"max,midden,0,1,2,3,4,5,6,7,8,9,10"'  # the CAO table's steps 0-10
    salaris = ws.cell(_rij(ws, "functies.mbo.maandsalaris"), 3)
    assert salaris.number_format == "[$€-413] #,##0.00"
    assert any(c.value == "41A22.toml: product.groepsgrootte" for c in wb["Bronnen"]["C"])


# -- bad templates: each a clear error naming sheet and cell, in under a second ----------------


def _fout(pad: Path) -> str:
    start = time.perf_counter()
    with pytest.raises(tarieven.InvoerFout) as e:
        tarieven.bereken(pad)
    assert time.perf_counter() - start < 1.0
    return str(e.value)


def test_tekst_in_een_getalcel(leeg_41a22: Path, tmp_path: Path) -> None:
    pad = _kopie(leeg_41a22, tmp_path / "t.xlsx")
    cel = vul_in(pad, {"functies.mbo.maandsalaris": "veel"})["functies.mbo.maandsalaris"]
    assert f"Invoer!{cel} (maandsalaris mbo) = 'veel': verwacht een getal groter dan 0 in EUR/maand" in _fout(pad)


def test_de_melding_in_de_readme_is_die_van_het_sjabloon(leeg_41a22: Path, tmp_path: Path) -> None:
    """The README quotes the error for 'veel' as the mbo salary as the reader gives it, cell and all."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    gevonden = re.search(r"^`(Invoer!C\d+ \(maandsalaris mbo\) = 'veel': [^`]+)`$", readme, flags=re.MULTILINE)
    assert gevonden is not None
    pad = _kopie(leeg_41a22, tmp_path / "t.xlsx")
    cel = vul_in(pad, {"functies.mbo.maandsalaris": "veel"})["functies.mbo.maandsalaris"]
    assert gevonden.group(1).startswith(f"Invoer!{cel} ")
    assert _fout(pad).endswith(f": {gevonden.group(1)}")


def test_lege_verplichte_cel(leeg_41a22: Path, tmp_path: Path) -> None:
    pad = _kopie(leeg_41a22, tmp_path / "t.xlsx")
    cel = vul_in(pad, {"product.groepsgrootte": None})["product.groepsgrootte"]
    assert f"Invoer!{cel} (groepsgrootte (plaatsen)) ontbreekt: verwacht een waarde; het sjabloon had 10" in _fout(pad)


def test_aandelen_niet_samen_1(leeg_41a22: Path, tmp_path: Path) -> None:
    pad = _kopie(leeg_41a22, tmp_path / "t.xlsx")
    cellen = vul_in(pad, {"product.ratio.mix.mbo": 0.6})
    hbo = cellen["product.ratio.mix.mbo"][0] + str(int(cellen["product.ratio.mix.mbo"][1:]) + 1)
    melding = _fout(pad)
    assert f"Invoer!{cellen['product.ratio.mix.mbo']}:{hbo} (aandelen in de mix)" in melding
    assert "verwacht aandelen die samen 1 zijn (nu samen 1,1)" in melding


def test_formule_in_een_invoercel(leeg_41a22: Path, tmp_path: Path) -> None:
    pad = _kopie(leeg_41a22, tmp_path / "t.xlsx")
    cel = vul_in(pad, {"product.bezettingsgraad": "=0.8+0.1"})["product.bezettingsgraad"]
    assert f"Invoer!{cel} (bezettingsgraad) = '=0.8+0.1': verwacht een waarde, geen formule" in _fout(pad)


SCHAAL_HBO = "Invoer!{cel} (salarisschaal hbo (cao-jeugdzorg))"
SCHALEN = "verwacht een schaal uit params/cao-jeugdzorg.toml (7, 8, 9, 10, 11, 12)."
TREDEN = "verwacht 'max', 'midden' of een trede van 0 tot en met 10 in schaal 9."


@pytest.mark.parametrize(
    ("sleutel", "getypt", "verwacht"),
    [
        ("functies.hbo.schaal", 99, f"{SCHAAL_HBO} = 99: {SCHALEN}"),
        ("functies.hbo.schaal", "abc", f"{SCHAAL_HBO} = 'abc': {SCHALEN}"),
        ("functies.hbo.trede", 11, f"Invoer!{{cel}} (trede hbo) = 11: {TREDEN}"),
        ("functies.hbo.trede", "abc", f"Invoer!{{cel}} (trede hbo) = 'abc': {TREDEN}"),
    ],
)
def test_schaal_of_trede_buiten_de_keuzelijst(
    leeg_41a22: Path, tmp_path: Path, sleutel: str, getypt: Any, verwacht: str
) -> None:
    """A scale or step typed past the cell's dropdown is checked against the CAO's table when the scenario is
    completed; the message names the cell where it was typed, not the dotted key."""
    pad = _kopie(leeg_41a22, tmp_path / "t.xlsx")
    cel = vul_in(pad, {sleutel: getypt})[sleutel]
    melding = _fout(pad)
    assert melding == f"Ongeldige invoer in {pad}: " + verwacht.format(cel=cel)
    assert "functies.hbo" not in melding


def test_sjabloon_van_een_ander_product(tmp_path: Path) -> None:
    pad = schrijf_sjabloon("41A23", tmp_path / "41A23.xlsx", PEIL)
    start = time.perf_counter()
    with pytest.raises(
        tarieven.InvoerFout, match=r"Invoer!C4 \(product\) = '41A23': verwacht hetzelfde product .*41A22"
    ):
        tarieven.vergelijk(pad, "41A22")
    assert time.perf_counter() - start < 2.0
    wb = openpyxl.load_workbook(pad)
    wb["Invoer"]["C4"].value = "41A22"  # the product cell changed by hand: the template is still of 41A23
    wb.save(pad)
    assert "Invoer!C4 (product) = '41A22': verwacht het product van dit sjabloon (41A23, Sjabloon!B2)" in _fout(pad)


def test_andere_sjabloonversie_wordt_geweigerd_met_haar_versie(leeg_41a22: Path, tmp_path: Path) -> None:
    pad = _kopie(leeg_41a22, tmp_path / "oud.xlsx")
    wb = openpyxl.load_workbook(pad)
    wb["Sjabloon"]["B1"].value = 0
    wb.save(pad)
    assert "Sjabloon!B1 (sjabloonversie) = 0: verwacht sjabloonversie 1: deze versie van tarieven leest " in _fout(pad)


@pytest.mark.parametrize(
    ("module", "doe", "melding"),
    [
        ("xlsxwriter", lambda pad: schrijf_sjabloon("41A22", pad.parent / "nieuw.xlsx", PEIL), "XlsxWriter"),
        ("openpyxl", lambda pad: lees_sjabloon(pad), "openpyxl"),
    ],
    ids=["schrijven", "lezen"],
)
def test_zonder_excel_pakket_zegt_de_fout_hoe_te_installeren(
    leeg_41a22: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, doe: Any, melding: str
) -> None:
    """The Excel packages are in the base install; in an environment that lost one, the message
    gives the README's install from the project's folder (the package is not on PyPI)."""
    pad = _kopie(leeg_41a22, tmp_path / "t.xlsx")
    monkeypatch.setitem(sys.modules, module, None)  # import raises ImportError
    with pytest.raises(tarieven.TarievenFout) as e:
        doe(pad)
    assert str(e.value) == (
        f"een {'werkmap schrijven' if module == 'xlsxwriter' else 'sjabloon lezen'} vraagt het pakket {melding}: "
        "het hoort bij tarieven, maar ontbreekt in deze omgeving: installeer tarieven opnieuw vanuit de map van het "
        "project met pip install . (het pakket staat niet op PyPI)"
    )
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/pip install ." in readme  # the install the message names
    assert "niet op PyPI" in readme


def test_xlsm_wordt_geweigerd(leeg_41a22: Path, tmp_path: Path) -> None:
    assert "tarieven leest geen werkmap met macro's (.xlsm)" in _fout(_kopie(leeg_41a22, tmp_path / "m.xlsm"))


def test_werkmap_met_vba_project_wordt_geweigerd(leeg_41a22: Path, tmp_path: Path) -> None:
    pad = _kopie(leeg_41a22, tmp_path / "vba.xlsx")
    with zipfile.ZipFile(pad, "a") as z:
        z.writestr("xl/vbaProject.bin", b"\x00" * 16)
    assert "deze werkmap bevat een VBA-project" in _fout(pad)


def test_versleutelde_werkmap_wordt_geweigerd(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A real password-protected template (tests/data/README.md says how it was made): refused by name, in
    the API and on the command line, in under a second, without a trace of zipfile or openpyxl."""
    assert VERSLEUTELD.read_bytes()[:8] == CFB  # the real thing: an OLE container, no zip
    assert not zipfile.is_zipfile(VERSLEUTELD)
    pad = _kopie(VERSLEUTELD, tmp_path / "geheim.xlsx")
    verwacht = (
        f"Ongeldige invoer in {pad}: (bestand): verwacht een werkmap zonder wachtwoord; deze is versleuteld: "
        "sla hem in Excel op zonder wachtwoord (Bestand > Info > Werkmap beveiligen)."
    )
    assert _fout(pad) == verwacht
    with pytest.raises(tarieven.InvoerFout) as e:
        lees_sjabloon(pad)
    assert str(e.value) == verwacht
    assert e.value.__context__ is None  # no zipfile error behind it
    assert e.value.__cause__ is None
    for commando in ("bereken", "vergelijk"):
        start = time.perf_counter()
        assert main([commando, str(pad)]) == 2
        assert time.perf_counter() - start < 1.0
        uit = capsys.readouterr()
        assert uit.err == f"tarieven: {verwacht}\n"
        assert uit.out == ""


def test_oud_bestand_met_de_tekst_encryptioninfo_is_niet_versleuteld(tmp_path: Path) -> None:
    """Only a directory entry named EncryptionInfo makes an OLE file encrypted, not those letters in a cell."""
    pad = tmp_path / "oud.xlsx"
    pad.write_bytes(CFB + b"\x00" * 507 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100)
    melding = _fout(pad)
    assert "verwacht een sjabloon als .xlsx; dit is een oud Excel-bestand (.xls)" in melding
    assert "versleuteld" not in melding


def test_werkmap_die_geen_sjabloon_is(tmp_path: Path) -> None:
    pad = tmp_path / "iets.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "kosten"
    wb.save(pad)
    assert "Sjabloon!B1: verwacht een sjabloon van tarieven (met de bladen Invoer en Sjabloon)" in _fout(pad)


def test_geen_werkmap(tmp_path: Path) -> None:
    pad = tmp_path / "tekst.xlsx"
    pad.write_text("basis = '41A22'", encoding="utf-8")
    assert "een Excel-werkmap (.xlsx); dit bestand is geen werkmap" in _fout(pad)


def test_blad_tot_rij_een_miljoen(leeg_41a22: Path, tmp_path: Path) -> None:
    pad = _kopie(leeg_41a22, tmp_path / "ver.xlsx")
    wb = openpyxl.load_workbook(pad)
    wb["Invoer"]["H1000000"] = "x"
    wb.save(pad)
    assert "Invoer!H1000000: verwacht een sjabloon met hoogstens 1.000 rijen; dit blad loopt tot rij 1.000.000" in (
        _fout(pad)
    )


def test_blad_met_een_miljoen_gevulde_rijen(leeg_41a22: Path, tmp_path: Path) -> None:
    """A million filled rows (40 MB of sheet XML): refused from its size and dimension, without parsing it."""
    pad = tmp_path / "miljoen.xlsx"
    lezer = openpyxl.load_workbook(leeg_41a22, read_only=True)
    deel = lezer["Invoer"]._worksheet_path
    lezer.close()
    with zipfile.ZipFile(leeg_41a22) as bron, zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            data = bron.read(info)
            if info.filename == deel:
                tekst = data.decode()
                rijen = "".join(f'<row r="{i}"><c r="B{i}"><v>1</v></c></row>' for i in range(1000, 1_000_001))
                tekst = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:H1000000"/>', tekst)
                data = tekst.replace("</sheetData>", rijen + "</sheetData>").encode()
            doel.writestr(info, data)
    assert "Invoer!H1000000: verwacht een sjabloon met hoogstens 1.000 rijen" in _fout(pad)


def test_lezen_geeft_cellen_voor_meldingen(leeg_41a22: Path) -> None:
    s = lees_sjabloon(leeg_41a22)
    assert (s.product, s.peildatum, s.tariefjaar) == ("41A22", dt.date.fromisoformat(PEIL), None)
    data, cellen = lees_ingevuld(s, indeling(tarieven.lees_scenario("41A22", PEIL)))
    assert data == {"basis": "41A22", "peildatum": PEIL, "aannames": "centraal"}
    assert re.fullmatch(r"Invoer!C\d+ \(groepsgrootte \(plaatsen\)\)", cellen["product.groepsgrootte"])


# -- the command line ----------------------------------------------------------------------------


def test_cli_sjabloon_bereken_en_vergelijk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "mijn.xlsx"
    assert main(["sjabloon", "41A22", "-o", str(pad), "--peildatum", PEIL]) == 0
    assert "geschreven" in capsys.readouterr().err
    assert main(["sjabloon", "41A22", "-o", str(pad)]) == 2
    assert "dit bestaat al (vervang het met --overschrijf)" in capsys.readouterr().err
    vul_in(pad, {"product.groepsgrootte": 8})
    assert main(["bereken", str(pad)]) == 0
    assert main(["vergelijk", str(pad)]) == 0
    assert "groepsgrootte" in capsys.readouterr().out
    vul_in(pad, {"product.groepsgrootte": "acht"})
    assert main(["bereken", str(pad)]) == 2
    assert "(groepsgrootte (plaatsen)) = 'acht'" in capsys.readouterr().err
    assert main(["sjabloon", "42A03", "-o", str(tmp_path / "v.xlsx")]) == 2
    assert "vervoer heeft bedragen per categorie" in capsys.readouterr().err


def test_elk_zichtbaar_blad_wordt_op_paginabreedte_afgedrukt(leeg_41a22: Path) -> None:
    """A controller prints the template: every visible sheet landscape A4, one page wide, the
    sources sheet with its header on every page (before, the sources sheet printed over 22 pages
    cut mid-word, and the instructions ran past the right margin)."""
    wb = openpyxl.load_workbook(leeg_41a22)
    zichtbaar = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert {ws.title for ws in zichtbaar} >= {"Instructie", "Invoer", "Bronnen"}
    for ws in zichtbaar:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.paperSize == 9, ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) in ((1, 0), (None, 0)), ws.title
    assert wb["Bronnen"].print_title_rows == "$1:$1"
    # The instructions' one column fits the printable width of landscape A4 at 100 %.
    assert wb["Instructie"].column_dimensions["A"].width <= 100


def test_overhead_volgt_de_grondslag_van_het_product(leeg_41a22: Path) -> None:
    """41A22 prices overhead as a share of the integral cost price: the template's overhead cell says
    so (its check said "opslag op de kostprijs" and its unit cell was empty), in Dutch decimals."""
    wb = openpyxl.load_workbook(leeg_41a22)
    ws = wb["Invoer"]
    rij = _rij(ws, "opslagen.overhead")
    assert ws.cell(rij, 4).value == "fractie (0,08 = 8 %)"
    assert ws.cell(_rij(ws, "opslagen.overhead_grondslag"), 3).value == "aandeel_integrale_kostprijs"
    (dv,) = [d for d in ws.data_validations.dataValidation if str(d.sqref) == f"C{rij}"]
    assert dv.error == (
        "Verwacht een fractie van 0 tot 1, 1 niet inbegrepen (0,08 voor 8 %) (overhead als deel van de integrale "
        "kostprijs)"
    )
