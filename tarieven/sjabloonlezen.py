"""Reading a filled template (``tarieven sjabloon``): values only, strictly, in bounded time.

A provider fills in the workbook that :mod:`tarieven.sjabloon` writes and hands it back;
:func:`lees_sjabloon` turns it into scenario data that then travels the one input path
(flatten, complete from the product, validate) like a TOML or JSON scenario. Every message
names the sheet and cell: ``Invoer!C7 (maandsalaris mbo) = 'veel': verwacht een getal ...``.

What it refuses before reading a cell, each with a message: a workbook with macros
(``.xlsm``, or an ``.xlsx`` that holds a VBA project), an encrypted workbook, an old
``.xls``, a file that is no workbook, a workbook that is not a template of tarieven, a
template of a version this version cannot read, and a sheet larger than a template can be
(:data:`MAX_RIJEN` rows, :data:`MAX_BLAD_BYTES` unpacked: a sheet of a million rows is
refused from its size and its stated dimension, without parsing it).

How it reads: openpyxl in read-only mode, values as stored (no macros run, no formula
evaluated: a formula in an input cell is an error), the template's own layout. A value
equal to what the template was filled with is *inherited* (taken from the product on the
template's date, as a TOML scenario would inherit it); a changed value is the provider's
*own*. An emptied prefilled cell is an error; an empty optional cell (staff counts, the
provider's name and volume) is not given.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tarieven.fouten import INSTALLEER_EXCEL, ZONDER_WAARDE, InvoerFout, Probleem, TarievenFout
from tarieven.lezen import MAX_BYTES
from tarieven.weergave import aantal

__all__ = [
    "BLAD_INVOER",
    "BLAD_META",
    "EERSTE_RIJ",
    "KOLOMMEN",
    "LEESBARE_VERSIES",
    "MAX_RIJEN",
    "PRODUCTCEL",
    "SJABLOON_VERSIE",
    "Sjabloon",
    "is_werkmap",
    "lees_sjabloon",
]

SJABLOON_VERSIE = 1
"""The layout version written into every template (``Sjabloon!B1``)."""
LEESBARE_VERSIES = (1,)
"""The template versions this version of tarieven reads; any other is refused, naming its version."""
BLAD_INVOER, BLAD_META, BLAD_INSTRUCTIE, BLAD_BRONNEN = "Invoer", "Sjabloon", "Instructie", "Bronnen"
KOLOMMEN = {"sleutel": 1, "omschrijving": 2, "waarde": 3, "eenheid": 4, "toelichting": 5, "herkomst": 6,
            "origineel": 7, "verplicht": 8}  # fmt: skip
"""The columns of the input sheet (1 = A); ``sleutel``, ``origineel`` and ``verplicht`` are hidden."""
PRODUCTCEL = "C4"
"""The cell of the input sheet that names the product (locked)."""
EERSTE_RIJ = 7
"""The first row of inputs on the input sheet (1-based); row 6 is the header."""
META = {
    "versie": "B1", "product": "B2", "peildatum": "B3", "tariefjaar": "B4", "tarieven_versie": "B5", "aannames": "B6",
}  # fmt: skip
"""Where the template keeps its version, product and date (sheet :data:`BLAD_META`, hidden)."""
MAX_RIJEN = 1000
"""Most rows an input sheet may have (a template has about 100)."""
MAX_BLAD_BYTES = 5_000_000
"""Largest unpacked sheet read (a template's input sheet is about 50 kB)."""
MAX_UITGEPAKT = 50_000_000
"""Largest unpacked workbook (all parts together): a zip bomb is refused before it is read."""

_OLE = b"\xd0\xcf\x11\xe0"
_VERSLEUTELD = "EncryptionInfo".encode("utf-16-le")


def _versleuteld(inhoud: bytes) -> bool:
    """Whether an OLE container (Compound File Binary) has a stream named ``EncryptionInfo``.

    Excel, LibreOffice and msoffcrypto-tool save a password-protected .xlsx as such a
    container: the encrypted package in the stream ``EncryptedPackage``, the key's description
    in ``EncryptionInfo`` ([MS-OFFCRYPTO] 2.3.4.1). The directory may lie in any sector of the
    file, so the whole file is searched, but only for a directory entry ([MS-CFB] 2.6.1): 128
    bytes at a multiple of 128 from the start (the header is one 512- or 4096-byte sector),
    the name in UTF-16LE, its length in bytes with the closing NUL at offset 64, and type 2
    (a stream) at offset 66. Text that merely reads "EncryptionInfo" (in a cell of an old
    .xls) is no such entry.
    """
    lengte = (len(_VERSLEUTELD) + 2).to_bytes(2, "little")
    i = inhoud.find(_VERSLEUTELD, 512)
    while i != -1:
        if i % 128 == 0 and inhoud[i + 64 : i + 66] == lengte and inhoud[i + 66 : i + 67] == b"\x02":
            return True
        i = inhoud.find(_VERSLEUTELD, i + 1)
    return False


@dataclass(frozen=True)
class Sjabloon:
    """A filled template, read: scenario data and where each key came from.

    Attributes
    ----------
    data
        Nested scenario data (``basis``, ``peildatum`` or ``tariefjaar``, and the values the
        provider changed or added), as a TOML scenario would hold them.
    cellen
        Dotted key to its cell, for messages: ``Invoer!C12 (groepsgrootte (plaatsen))``.
    product, versie
        The template's product code and layout version.
    """

    data: dict[str, Any]
    cellen: dict[str, str] = field(default_factory=dict)
    product: str = ""
    versie: int = SJABLOON_VERSIE


def is_werkmap(pad: str | os.PathLike[str]) -> bool:
    """Whether a path names a workbook (by its extension): ``.xlsx``, ``.xlsm``, ``.xls``."""
    return Path(pad).suffix.lower() in (".xlsx", ".xlsm", ".xls", ".xltx", ".xltm")


def _fout(pad: Path, sleutel: str, waarde: Any, verwacht: str) -> InvoerFout:
    return InvoerFout([Probleem(sleutel, waarde, verwacht)], str(pad))


def _controleer_bestand(pad: Path) -> None:
    """The file itself: there, small enough, a zip without macros, not encrypted."""
    if not pad.is_file():
        raise _fout(pad, "bestand", str(pad), "een bestaand ingevuld sjabloon (.xlsx)")
    if pad.stat().st_size > MAX_BYTES:
        raise _fout(pad, "(bestand)", ZONDER_WAARDE, f"een sjabloon van hoogstens {MAX_BYTES // 1_000_000} MB")
    with pad.open("rb") as f:
        kop = f.read(8)
    if kop.startswith(_OLE):
        if _versleuteld(pad.read_bytes()):  # at most MAX_BYTES, checked above
            raise _fout(pad, "(bestand)", ZONDER_WAARDE, "een werkmap zonder wachtwoord; deze is versleuteld: "
                        "sla hem in Excel op zonder wachtwoord (Bestand > Info > Werkmap beveiligen)")  # fmt: skip
        raise _fout(pad, "(bestand)", ZONDER_WAARDE, "een sjabloon als .xlsx; dit is een oud Excel-bestand (.xls)")
    if pad.suffix.lower() in (".xlsm", ".xltm"):
        raise _fout(pad, "(bestand)", ZONDER_WAARDE, "een sjabloon als .xlsx zonder macro's; tarieven leest geen "
                    "werkmap met macro's (.xlsm): sla het op als 'Excel-werkmap (.xlsx)'")  # fmt: skip
    if not zipfile.is_zipfile(pad):
        raise _fout(pad, "(bestand)", ZONDER_WAARDE, "een Excel-werkmap (.xlsx); dit bestand is geen werkmap")
    with zipfile.ZipFile(pad) as z:
        infos = z.infolist()
    if any(i.filename.lower().endswith("vbaproject.bin") for i in infos):
        raise _fout(pad, "(bestand)", ZONDER_WAARDE, "een sjabloon zonder macro's; deze werkmap bevat een "
                    "VBA-project: sla het op als 'Excel-werkmap (.xlsx)'")  # fmt: skip
    if sum(i.file_size for i in infos) > MAX_UITGEPAKT:
        totaal = sum(i.file_size for i in infos)
        raise _fout(pad, "(bestand)", ZONDER_WAARDE, f"een sjabloon van hoogstens {MAX_UITGEPAKT // 1_000_000} MB "
                    f"uitgepakt; deze werkmap is {aantal(totaal // 1_000_000)} MB")  # fmt: skip


def _controleer_blad(pad: Path, ws: Any, naam: str) -> None:
    """A sheet that is too large for a template is refused from its size and stated dimension."""
    deel = getattr(ws, "_worksheet_path", None)
    grootte, begin = 0, b""
    if isinstance(deel, str):
        with zipfile.ZipFile(pad) as z:
            grootte = z.getinfo(deel).file_size
            with z.open(deel) as f:
                begin = f.read(4096)
    m = re.search(rb'<dimension ref="[A-Z]+\d+:([A-Z]+)(\d+)"', begin)
    laatste = int(m.group(2)) if m else 0
    if laatste > MAX_RIJEN or grootte > MAX_BLAD_BYTES:
        cel = f"{naam}!{m.group(1).decode()}{laatste}" if m else f"{naam}!A{MAX_RIJEN + 1}"
        tot = f"dit blad loopt tot rij {aantal(laatste)}" if laatste else f"dit blad is {aantal(grootte)} bytes"
        raise _fout(pad, cel, ZONDER_WAARDE, f"een sjabloon met hoogstens {aantal(MAX_RIJEN)} rijen; {tot}")


def _cel(naam: str, rij: int, kolom: int, label: str = "") -> str:
    return f"{naam}!{'ABCDEFGH'[kolom - 1]}{rij}" + (f" ({label})" if label else "")


def _metadata(pad: Path, wb: Any) -> dict[str, Any]:
    if BLAD_META not in wb.sheetnames or BLAD_INVOER not in wb.sheetnames:
        verwacht = (f"een sjabloon van tarieven (met de bladen {BLAD_INVOER} en {BLAD_META}); maak er een met "
                    "'tarieven sjabloon PRODUCT -o bestand.xlsx'")  # fmt: skip
        raise _fout(pad, f"{BLAD_META}!{META['versie']}", ZONDER_WAARDE, verwacht)
    ws = wb[BLAD_META]
    kolom_b = [rij[0] if rij else None for rij in ws.iter_rows(min_row=1, max_row=6, min_col=2, max_col=2,
                                                                values_only=True)]  # fmt: skip
    kolom_b += [None] * (6 - len(kolom_b))
    meta = {k: kolom_b[int(cel[1:]) - 1] for k, cel in META.items()}
    versie = meta["versie"]
    if versie not in LEESBARE_VERSIES:
        raise _fout(pad, f"{BLAD_META}!{META['versie']} (sjabloonversie)", versie,
                    f"sjabloonversie {', '.join(map(str, LEESBARE_VERSIES))}: deze versie van tarieven leest "
                    f"sjabloonversie {versie!r} niet; maak een nieuw sjabloon met 'tarieven sjabloon "
                    f"{meta['product'] or 'PRODUCT'} -o bestand.xlsx' en neem de cijfers over")  # fmt: skip
    if not isinstance(meta["product"], str) or not meta["product"]:
        raise _fout(pad, f"{BLAD_META}!{META['product']} (product)", meta["product"], "de productcode van het sjabloon")
    return meta


@dataclass
class _Rij:
    sleutel: str
    label: str
    waarde: Any
    origineel: Any
    verplicht: bool
    cel: str


def _rijen(pad: Path, wb: Any, product: str) -> list[_Rij]:
    ws = wb[BLAD_INVOER]
    _controleer_blad(pad, ws, BLAD_INVOER)
    uit: list[_Rij] = []
    k = KOLOMMEN
    for r, rij in enumerate(ws.iter_rows(min_row=1, max_row=MAX_RIJEN, max_col=len(k), values_only=True), start=1):
        cellen = list(rij) + [None] * (len(k) - len(rij))
        if r == 4 and cellen[k["waarde"] - 1] != product:
            raise _fout(pad, f"{BLAD_INVOER}!{PRODUCTCEL} (product)", cellen[k["waarde"] - 1],
                        f"het product van dit sjabloon ({product}, {BLAD_META}!{META['product']})")  # fmt: skip
        sleutel = cellen[k["sleutel"] - 1]
        if r < EERSTE_RIJ or not isinstance(sleutel, str) or not sleutel:
            continue
        label = str(cellen[k["omschrijving"] - 1] or sleutel)
        uit.append(_Rij(sleutel, label, cellen[k["waarde"] - 1], cellen[k["origineel"] - 1],
                        cellen[k["verplicht"] - 1] == "ja", _cel(BLAD_INVOER, r, k["waarde"], label)))  # fmt: skip
    return uit


def _gelijk(a: Any, b: Any) -> bool:
    """Whether a cell still holds what the template wrote (a step written as text, read as a number: the same)."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)
    return bool(a == b) or (isinstance(a, int) and str(a) == str(b))


def _waarde(rij: _Rij, problemen: list[Probleem]) -> Any:
    """The value of a cell as a scenario holds it; a formula, a date or a count that is no number is refused."""
    x = rij.waarde
    if isinstance(x, str) and x.startswith("="):
        problemen.append(Probleem(rij.cel, x, "een waarde, geen formule (een sjabloon wordt niet doorgerekend)"))
        return None
    if isinstance(x, (dt.date, dt.datetime, dt.time)):
        problemen.append(Probleem(rij.cel, str(x), "een getal of tekst; de cel is als datum opgemaakt"))
        return None
    if isinstance(x, str):
        x = x.strip()
    if rij.sleutel.endswith((".trede", ".schaal")) and not isinstance(x, bool):  # 9, 9.0 and '9' are scale 9
        if isinstance(x, int) or (isinstance(x, float) and x.is_integer()):
            return int(x)
        if isinstance(x, str) and re.fullmatch(r"\d+(\.0+)?", x):
            return int(float(x))
        return x  # anything else ('abc', 99.5) as typed: the catalogue names what it expects
    if rij.sleutel.startswith("aanbieder.") and rij.sleutel != "aanbieder.volume" and isinstance(x, (int, float)):
        return str(int(x)) if float(x).is_integer() else str(x)
    if rij.sleutel.startswith("product.personeel.") and not isinstance(x, (int, float)):
        problemen.append(
            Probleem(rij.cel, x, "een aantal medewerkers: een getal, bijvoorbeeld 1 (of laat de cel leeg)")
        )
        return None
    return float(x) if isinstance(x, int) and not isinstance(x, bool) else x


def _nest(plat: Mapping[str, Any]) -> dict[str, Any]:
    """Dotted keys as nested tables; staff counts as the ``personeel`` list a scenario holds."""
    uit: dict[str, Any] = {}
    for sleutel, v in plat.items():
        if sleutel.startswith("product.personeel."):
            lijst = uit.setdefault("product", {}).setdefault("personeel", [])
            lijst.append({"functie": sleutel.rsplit(".", 1)[1], "aantal": v})
            continue
        *pad, blad = sleutel.split(".")
        doel = uit
        for deel in pad:
            doel = doel.setdefault(deel, {})
        doel[blad] = v
    return uit


def _bereik(rijen: list[_Rij], prefix: str) -> str | None:
    cellen = [r.cel.split(" ")[0] for r in rijen if r.sleutel.startswith(prefix)]
    if not cellen:
        return None
    return cellen[0] if len(cellen) == 1 else f"{cellen[0]}:{cellen[-1].split('!')[1]}"


def _cellen(rijen: list[_Rij]) -> dict[str, str]:
    cellen = {r.sleutel: r.cel for r in rijen}
    mix, personeel = _bereik(rijen, "product.ratio.mix."), _bereik(rijen, "product.personeel.")
    if mix:
        cellen["product.ratio.mix"] = f"{mix} (aandelen in de mix)"
    if personeel:
        cellen["product.personeel"] = f"{personeel} (personeel per functie)"
        if ratio := _bereik(rijen, "product.ratio."):
            cellen["product.personeel/product.ratio"] = f"{personeel} (personeel) en {ratio} (ratio)"
    return cellen


def lees_sjabloon(pad: str | os.PathLike[str]) -> Sjabloon:
    """Read a filled template: its product and date, and the values the provider gave.

    Raises
    ------
    InvoerFout
        Naming the sheet and cell of every problem found in the cells (a formula, an
        emptied prefilled cell, a count that is not a number), or what is wrong with the
        workbook itself. The values are validated afterwards, by the one validator.
    """
    pad = Path(pad)
    _controleer_bestand(pad)
    try:
        import openpyxl
    except ImportError:
        raise TarievenFout(f"een sjabloon lezen vraagt het pakket openpyxl: {INSTALLEER_EXCEL}") from None
    try:
        wb = openpyxl.load_workbook(pad, read_only=True, data_only=False, keep_vba=False, keep_links=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise _fout(pad, "(bestand)", ZONDER_WAARDE, f"een Excel-werkmap die te lezen is ({e})") from None
    try:
        meta = _metadata(pad, wb)
        rijen = _rijen(pad, wb, meta["product"])
    finally:
        wb.close()
    problemen: list[Probleem] = []
    eigen: dict[str, Any] = {}
    for r in rijen:
        if r.waarde is None or (isinstance(r.waarde, str) and not r.waarde.strip()):
            if r.verplicht:
                problemen.append(Probleem(r.cel, ..., f"een waarde; het sjabloon had {r.origineel!r} (vul 0 in als "
                                          "uw aanbod dit niet heeft)"))  # fmt: skip
            continue
        waarde = _waarde(r, problemen)
        if waarde is not None and not _gelijk(waarde, r.origineel):
            eigen[r.sleutel] = waarde
    if problemen:
        raise InvoerFout(problemen, str(pad))
    for tabel in ("product.personeel.", "product.ratio.mix."):  # replaced whole: a changed one brings the others
        if any(k.startswith(tabel) for k in eigen):
            eigen |= {r.sleutel: _waarde(r, problemen) for r in rijen if r.sleutel.startswith(tabel)
                      and r.waarde not in (None, "") and r.sleutel not in eigen}  # fmt: skip
    data: dict[str, Any] = {"basis": meta["product"], **_nest(eigen)}
    if meta["tariefjaar"] not in (None, ""):
        data["tariefjaar"] = meta["tariefjaar"]
    elif meta["peildatum"]:
        data["peildatum"] = str(meta["peildatum"])[:10]
    if meta["aannames"] not in (None, ""):  # the set the template was made with: unchanged values keep it
        data["aannames"] = meta["aannames"]
    return Sjabloon(data, _cellen(rijen), meta["product"], meta["versie"])
