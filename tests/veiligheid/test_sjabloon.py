"""Issue 18, class 4 (and 2 for workbooks): the template reader reads exactly the cells the template defines.

Each attack is built here on a real template (openpyxl as Excel would save it, or the zip's
XML edited directly): a hidden row that overrides a visible value, a deleted, added, moved or
hidden row, a changed hidden key, a cell format that shows another number, NaN, infinity, a
boolean or an error in a cell, a truncated part, a table of a million texts. Each ends in an
error (exit 2 on the command line) naming the cell, or what is wrong with the workbook.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import tarieven
from tarieven import InvoerFout
from tarieven.sjabloon import schrijf_sjabloon

PEIL = "2025-06-01"


@pytest.fixture(scope="module")
def leeg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return schrijf_sjabloon("41A22", tmp_path_factory.mktemp("sjabloon") / "41A22.xlsx", PEIL)


def _rij(ws: Any, sleutel: str) -> int:
    return next(c.row for c in ws["A"] if c.value == sleutel)


def _bewerk(bron: Path, doel: Path, wijzig: Callable[[Any], None]) -> Path:
    """A copy of ``bron`` changed the way a provider would in Excel (openpyxl, saved)."""
    shutil.copy(bron, doel)
    wb = openpyxl.load_workbook(doel)
    wijzig(wb["Invoer"])
    wb.save(doel)
    return doel


def _xml(bron: Path, doel: Path, wijzig: Callable[[str, bytes], bytes]) -> Path:
    """A copy of ``bron`` with its parts' bytes changed (``wijzig(name, data)``), CRCs right."""
    with zipfile.ZipFile(bron) as zin, zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as zuit:
        for info in zin.infolist():
            zuit.writestr(info.filename, wijzig(info.filename, zin.read(info)))
    return doel


def _fout(pad: Path) -> str:
    start = time.perf_counter()
    with pytest.raises(InvoerFout) as e:
        tarieven.bereken(pad)
    assert time.perf_counter() - start < 5
    return str(e.value)


def test_verborgen_rij_overschrijft_geen_zichtbare_waarde(leeg: Path, tmp_path: Path) -> None:
    """0,85 shown, a hidden row below with 0,6: used to give 134,27 instead of 96,10 without a word."""

    def wijzig(ws: Any) -> None:
        extra = ws.max_row + 1
        ws.cell(extra, 1, "product.bezettingsgraad")
        ws.cell(extra, 3, 0.6)
        ws.row_dimensions[extra].hidden = True

    pad = _bewerk(leeg, tmp_path / "verborgen.xlsx", wijzig)
    wb = openpyxl.load_workbook(pad)
    extra = wb["Invoer"].max_row
    assert f"Invoer!A{extra} = 'product.bezettingsgraad': verwacht niets onder de laatste rij" in _fout(pad)


def test_verborgen_rij_in_het_sjabloon(leeg: Path, tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(leeg)["Invoer"]
    rij = _rij(ws, "product.bezettingsgraad")
    pad = _bewerk(leeg, tmp_path / "v.xlsx", lambda ws: setattr(ws.row_dimensions[rij], "hidden", True))
    assert f"Invoer!{rij}:{rij} (bezettingsgraad) ontbreekt: verwacht een zichtbare rij; deze rij is verborgen" in (
        _fout(pad)
    )


def test_verwijderde_rij(leeg: Path, tmp_path: Path) -> None:
    """0,80 typed, then its row deleted: used to fall back to the product's 0,85 (exit 0)."""
    ws = openpyxl.load_workbook(leeg)["Invoer"]
    rij = _rij(ws, "product.bezettingsgraad")

    def wijzig(ws: Any) -> None:
        ws.cell(rij, 3, 0.80)
        ws.delete_rows(rij)

    bericht = _fout(_bewerk(leeg, tmp_path / "weg.xlsx", wijzig))
    assert f"Invoer!A{rij} = " in bericht
    assert "verwacht de sleutel 'product.bezettingsgraad' (bezettingsgraad) op deze rij" in bericht
    assert "een rij is verwijderd, ingevoegd of verplaatst" in bericht
    from tarieven.cli import main

    assert main(["bereken", str(tmp_path / "weg.xlsx")]) == 2


@pytest.mark.parametrize("soort", ["sleutel", "verplaatst", "ingevoegd", "onder"])
def test_indeling_gewijzigd(leeg: Path, tmp_path: Path, soort: str) -> None:
    ws = openpyxl.load_workbook(leeg)["Invoer"]
    rij = _rij(ws, "product.bezettingsgraad")
    groep = _rij(ws, "product.groepsgrootte")

    def wijzig(ws: Any) -> None:
        if soort == "sleutel":  # the hidden key of the occupancy row now names the group size
            ws.cell(rij, 1, "product.groepsgrootte")
        elif soort == "verplaatst":
            for k in range(1, 9):
                a, b = ws.cell(rij, k).value, ws.cell(groep, k).value
                ws.cell(rij, k, b)
                ws.cell(groep, k, a)
        elif soort == "ingevoegd":
            ws.insert_rows(rij)
        else:
            ws.cell(ws.max_row + 3, 3, 0.5)

    bericht = _fout(_bewerk(leeg, tmp_path / f"{soort}.xlsx", wijzig))
    assert re.search(r"Invoer!A\d+", bericht), bericht
    assert "verwacht" in bericht


def test_notatie_die_een_ander_getal_toont(leeg: Path, tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(leeg)["Invoer"]
    rij = _rij(ws, "product.bezettingsgraad")

    def wijzig(ws: Any) -> None:
        ws.cell(rij, 3, 0.6)
        ws.cell(rij, 3).number_format = '"0,85"'

    bericht = _fout(_bewerk(leeg, tmp_path / "notatie.xlsx", wijzig))
    assert f"Invoer!C{rij} (bezettingsgraad) = 0,6: verwacht een getal met een gewone getalnotatie" in bericht


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        (b"NaN", "= 'NaN': verwacht een getal; de werkmap bewaart hier als getal iets dat geen getal is"),
        (b"1e999", "= oneindig: verwacht een eindig getal"),
        (b"abc", "= 'abc': verwacht een getal"),
    ],
)
def test_getal_dat_geen_getal_is(leeg: Path, tmp_path: Path, waarde: bytes, melding: str) -> None:
    ws = openpyxl.load_workbook(leeg)["Invoer"]
    rij = _rij(ws, "product.bezettingsgraad")
    cel = f"C{rij}".encode()

    def wijzig(naam: str, data: bytes) -> bytes:
        if naam == "xl/worksheets/sheet2.xml":
            data, n = re.subn(rb'(<c r="' + cel + rb'"[^>]*>)<v>[^<]*</v>', rb"\1<v>" + waarde + b"</v>", data)
            assert n == 1
        return data

    bericht = _fout(_xml(leeg, tmp_path / "getal.xlsx", wijzig))
    assert f"Invoer!C{rij}" in bericht
    assert melding.replace("oneindig", "inf") in bericht or melding in bericht


@pytest.mark.parametrize(("waarde", "melding"), [(True, "= True: verwacht"), ("#DIV/0!", "= '#DIV/0!': verwacht een")])
def test_waar_of_fout_in_een_getalcel(leeg: Path, tmp_path: Path, waarde: Any, melding: str) -> None:
    ws = openpyxl.load_workbook(leeg)["Invoer"]
    rij = _rij(ws, "product.groepsgrootte")
    pad = _bewerk(leeg, tmp_path / "w.xlsx", lambda ws: ws.cell(rij, 3, waarde))
    bericht = _fout(pad)
    assert f"Invoer!C{rij} (groepsgrootte (plaatsen)) {melding}" in bericht


def test_afgekapt_deel(leeg: Path, tmp_path: Path) -> None:
    pad = _xml(leeg, tmp_path / "kort.xlsx", lambda n, d: d[: len(d) // 2] if n == "xl/worksheets/sheet2.xml" else d)
    assert "verwacht een blad dat te lezen is" in _fout(pad) or "een Excel-werkmap die te lezen is" in _fout(pad)


def test_ander_blad_of_ontbrekend_blad(leeg: Path, tmp_path: Path) -> None:
    pad = tmp_path / "hernoemd.xlsx"
    shutil.copy(leeg, pad)
    wb = openpyxl.load_workbook(pad)
    wb["Invoer"].title = "Gegevens"
    wb.save(pad)
    assert "een sjabloon van tarieven (met de bladen Invoer en Sjabloon)" in _fout(pad)


def test_lege_cel_met_een_hint_die_kan(leeg: Path, tmp_path: Path) -> None:
    """'vul 0 in' only where 0 is valid; the product's value with a decimal comma, as the template shows it."""
    ws = openpyxl.load_workbook(leeg)["Invoer"]
    groep, bezet, wo = (
        _rij(ws, k) for k in ("product.groepsgrootte", "product.bezettingsgraad", "product.indirect_uur.wo")
    )

    def wijzig(ws: Any) -> None:
        for rij in (groep, bezet, wo):
            ws.cell(rij, 3).value = None

    bericht = _fout(_bewerk(leeg, tmp_path / "leeg.xlsx", wijzig))
    regels = {r.split()[1]: r for r in bericht.splitlines() if r.startswith("  - ")}
    assert "het sjabloon had 10." in regels[f"Invoer!C{groep}"]
    assert "vul 0 in" not in regels[f"Invoer!C{groep}"]
    assert "het sjabloon had 0,85" in regels[f"Invoer!C{bezet}"]
    assert "vul 0 in" not in regels[f"Invoer!C{bezet}"]  # an occupancy of 0 is no valid value
    assert "(vul 0 in als uw aanbod dit niet heeft)" in regels[f"Invoer!C{wo}"]


def test_melding_over_een_cel_met_decimale_komma(leeg: Path, tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(leeg)["Invoer"]
    rij = _rij(ws, "product.bezettingsgraad")
    bericht = _fout(_bewerk(leeg, tmp_path / "k.xlsx", lambda ws: ws.cell(rij, 3, 1.5)))
    assert f"Invoer!C{rij} (bezettingsgraad) = 1,5: verwacht" in bericht
    assert "1.5" not in bericht


_TEKSTEN = textwrap.dedent(
    """
    import json, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (500 * 2**20, 500 * 2**20))
    import tarieven
    start = time.perf_counter()
    try:
        tarieven.bereken(sys.argv[1])
        uit = None
    except tarieven.InvoerFout as e:
        uit = str(e)
    print(json.dumps({"tijd": time.perf_counter() - start, "melding": uit,
                      "geheugen": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
    """
)


def test_tekstentabel_van_een_miljoen(leeg: Path, tmp_path: Path) -> None:
    """A shared-strings table of a million entries (30 s and 900 MB before): refused from its count,
    within 2 s, in a process limited to 500 MB of address space."""
    import json

    tabel = b"".join(b"<si><t>" + str(i).encode() + b"</t></si>" for i in range(1_000_000))

    def wijzig(naam: str, data: bytes) -> bytes:
        if naam == "xl/sharedStrings.xml":
            return re.sub(rb"(<sst[^>]*>)", rb"\1" + tabel.replace(b"\\", b"\\\\"), data, count=1)
        return data

    pad = _xml(leeg, tmp_path / "teksten.xlsx", wijzig)
    assert pad.stat().st_size < 10_000_000  # compressed: it passes the file size, the count stops it
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    r = subprocess.run([sys.executable, "-c", _TEKSTEN, str(pad)], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    uit = json.loads(r.stdout)
    assert uit["melding"] is not None
    assert "teksten" in uit["melding"] or "hoogstens" in uit["melding"]
    assert uit["tijd"] < 2.0  # and it ran under 500 MB of address space: parsing the table would not fit
