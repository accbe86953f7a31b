"""Reading a filled template (``tarieven sjabloon``): values only, strictly, in bounded time.

A provider fills in the workbook that :mod:`tarieven.sjabloon` writes and hands it back;
:func:`lees_sjabloon` turns it into scenario data that then travels the one input path
(flatten, complete from the product, validate) like a TOML or JSON scenario. Every message
names the sheet and cell: ``Invoer!C7 (maandsalaris mbo) = 'veel': verwacht een getal ...``.

What it refuses before reading a cell, each with a message: a workbook with macros
(``.xlsm``, or an ``.xlsx`` that holds a VBA project), an encrypted workbook, an old
``.xls``, a file that is no workbook or a truncated one, a part with a DTD or entities
(``<!DOCTYPE``, ``<!ENTITY``: openpyxl also refuses them, through defusedxml), a table of
texts of more than :data:`MAX_TEKSTEN` entries or parts larger than a template has (bounded
time and memory), a workbook that is not a template of tarieven, a template of a version
this version cannot read, and a sheet larger than a template can be (:data:`MAX_RIJEN`
rows, :data:`MAX_BLAD_BYTES` unpacked: a sheet of a million rows is refused from its size
and its stated dimension, without parsing it). The file is read once, as bytes, and every
check and the parse work on those bytes.

How it reads: openpyxl in read-only mode, values as stored (no macros run, no formula
evaluated: a formula in an input cell is an error), exactly the cells the template defines
(:meth:`Sjabloon.lees`, given the layout of :mod:`tarieven.sjabloonindeling`): the hidden key
of each row and its value. A row that was deleted, added, moved or hidden, a changed hidden
key, a value where a section header stands, or anything below the last row is an error
naming the cell; so is a number whose cell format shows another number (``"0,85"`` as text
around 0.6), a value that is no finite number, and a stored value that is no number at all.
A value equal to the product's on the template's date is *inherited* (as a TOML scenario
would inherit it); a changed value is the provider's *own*. An emptied prefilled cell is an
error (the message suggests 0 only where 0 is allowed); an empty optional cell (staff
counts, the provider's name and volume) is not given.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tarieven.fouten import INSTALLEER_EXCEL, ZONDER_WAARDE, InvoerFout, Probleem, TarievenFout
from tarieven.lezen import lees_bytes
from tarieven.weergave import aantal

__all__ = [
    "BLAD_INVOER",
    "BLAD_META",
    "EERSTE_RIJ",
    "Rij",
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
KOLOMMEN = {
    "sleutel": 1,
    "omschrijving": 2,
    "waarde": 3,
    "eenheid": 4,
    "toelichting": 5,
    "herkomst": 6,
    "origineel": 7,
    "verplicht": 8,
}
"""The columns of the input sheet (1 = A); ``sleutel``, ``origineel`` and ``verplicht`` are hidden."""
PRODUCTCEL = "C4"
"""The cell of the input sheet that names the product (locked)."""
EERSTE_RIJ = 7
"""The first row of inputs on the input sheet (1-based); row 6 is the header."""
META = {
    "versie": "B1",
    "product": "B2",
    "peildatum": "B3",
    "tariefjaar": "B4",
    "tarieven_versie": "B5",
    "aannames": "B6",
}
"""Where the template keeps its version, product and date (sheet :data:`BLAD_META`, hidden)."""
MAX_RIJEN = 1000
"""Most rows an input sheet may have (a template has about 100)."""
MAX_BLAD_BYTES = 5_000_000
"""Largest unpacked sheet read (a template's input sheet is about 50 kB)."""
MAX_UITGEPAKT = 50_000_000
"""Largest unpacked workbook (all parts together): a zip bomb is refused before it is read."""
MAX_DEEL = 2_000_000
"""Largest unpacked part other than a worksheet (the table of texts, the styles): a template's are ~30 kB."""
MAX_DELEN = 200
"""Most parts in a workbook (a template has 13)."""
MAX_TEKSTEN = 20_000
"""Most entries in the table of texts (a template has about 400): parsing is bounded in time and memory."""

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
    """A filled template, read safely but not yet interpreted.

    Attributes
    ----------
    pad
        The file.
    product, versie
        The template's product code and layout version (its hidden sheet).
    peildatum, tariefjaar
        The date the template was written for (or the tariff year).
    rijen
        Every row of the input sheet from :data:`EERSTE_RIJ` down, as stored: the hidden
        key, the value, whether the row is hidden (:class:`Rij`).
    aannames
        The assumption set the template was prefilled at (None: not kept, centraal).
    """

    pad: Path
    product: str
    versie: int
    peildatum: dt.date | None
    tariefjaar: int | None
    rijen: tuple[Rij, ...]
    aannames: str | None = None


def is_werkmap(pad: str | os.PathLike[str]) -> bool:
    """Whether a path names a workbook (by its extension): ``.xlsx``, ``.xlsm``, ``.xls``."""
    return Path(pad).suffix.lower() in (".xlsx", ".xlsm", ".xls", ".xltx", ".xltm")


def _fout(pad: Path, sleutel: str, waarde: Any, verwacht: str) -> InvoerFout:
    return InvoerFout([Probleem(sleutel, waarde, verwacht)], str(pad))


def _controleer_bestand(pad: Path) -> bytes:
    """The file itself, read once: small enough, a zip without macros or DTDs, not encrypted,
    parts within bounds. Returns its bytes, which everything after reads."""
    ruw = lees_bytes(pad, soort="ingevuld sjabloon (.xlsx)")
    if ruw.startswith(_OLE):
        if _versleuteld(ruw):
            raise _fout(
                pad,
                "(bestand)",
                ZONDER_WAARDE,
                "een werkmap zonder wachtwoord; deze is versleuteld: "
                "sla hem in Excel op zonder wachtwoord (Bestand > Info > Werkmap beveiligen)",
            )
        raise _fout(pad, "(bestand)", ZONDER_WAARDE, "een sjabloon als .xlsx; dit is een oud Excel-bestand (.xls)")
    if pad.suffix.lower() in (".xlsm", ".xltm"):
        raise _fout(
            pad,
            "(bestand)",
            ZONDER_WAARDE,
            "een sjabloon als .xlsx zonder macro's; tarieven leest geen "
            "werkmap met macro's (.xlsm): sla het op als 'Excel-werkmap (.xlsx)'",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(ruw)) as z:
            infos = z.infolist()
            _controleer_delen(pad, infos)
            for info in infos:
                _zonder_dtd(pad, z, info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError, OSError) as e:
        raise _fout(
            pad,
            "(bestand)",
            ZONDER_WAARDE,
            f"een Excel-werkmap (.xlsx); dit bestand is geen werkmap of is "
            f"beschadigd ({type(e).__name__}: {str(e)[:200]})",
        ) from None
    return ruw


def _controleer_delen(pad: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Macros, the number and size of the parts and the table of texts: before anything is parsed."""
    if any(i.filename.lower().endswith("vbaproject.bin") for i in infos):
        raise _fout(
            pad,
            "(bestand)",
            ZONDER_WAARDE,
            "een sjabloon zonder macro's; deze werkmap bevat een VBA-project: sla het op als 'Excel-werkmap (.xlsx)'",
        )
    if len(infos) > MAX_DELEN:
        raise _fout(
            pad,
            "(bestand)",
            ZONDER_WAARDE,
            f"een sjabloon van hoogstens {MAX_DELEN} delen; deze werkmap heeft er {aantal(len(infos))}",
        )
    totaal = sum(i.file_size for i in infos)
    if totaal > MAX_UITGEPAKT:
        raise _fout(
            pad,
            "(bestand)",
            ZONDER_WAARDE,
            f"een sjabloon van hoogstens {MAX_UITGEPAKT // 1_000_000} MB "
            f"uitgepakt; deze werkmap is {aantal(totaal // 1_000_000)} MB",
        )
    for i in infos:  # a worksheet is checked on its own, naming its rows (_controleer_blad)
        if not i.filename.startswith("xl/worksheets/") and i.file_size > MAX_DEEL:
            raise _fout(
                pad,
                "(bestand)",
                ZONDER_WAARDE,
                f"een sjabloon waarvan elk deel hoogstens "
                f"{MAX_DEEL // 1_000_000} MB is; {i.filename} is {aantal(i.file_size)} bytes",
            )


_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_TEKST = re.compile(rb"<(?:\w+:)?si[ >/]")


def _zonder_dtd(pad: Path, z: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """A part read in blocks (bounded memory, every byte checked against its CRC): no DTD, no
    entity; the table of texts no longer than :data:`MAX_TEKSTEN` entries."""
    teksten, vorige = 0, b""
    with z.open(info) as f:
        while blok := f.read(1 << 20):
            stuk = vorige + blok
            if _DTD.search(stuk):
                raise _fout(
                    pad,
                    "(bestand)",
                    ZONDER_WAARDE,
                    f"een werkmap zonder DTD of entiteiten; {info.filename} "
                    "heeft een <!DOCTYPE> of <!ENTITY> (Excel schrijft die niet): sla het sjabloon opnieuw op "
                    "in Excel",
                )
            if info.filename.lower().endswith("sharedstrings.xml"):
                teksten += len(_TEKST.findall(stuk)) - len(_TEKST.findall(vorige))
                if teksten > MAX_TEKSTEN:
                    raise _fout(
                        pad,
                        "(bestand)",
                        ZONDER_WAARDE,
                        f"een sjabloon met hoogstens {aantal(MAX_TEKSTEN)} "
                        "verschillende teksten; deze werkmap heeft er meer",
                    )
            vorige = blok[-16:]


def _controleer_blad(pad: Path, ruw: bytes, ws: Any, naam: str) -> bytes:
    """A sheet that is too large for a template is refused from its size and stated dimension;
    returns the sheet's XML (at most :data:`MAX_BLAD_BYTES`)."""
    deel = getattr(ws, "_worksheet_path", None)
    if not isinstance(deel, str):
        raise _fout(pad, f"{naam}!A1", ZONDER_WAARDE, "een blad van een sjabloon; dit blad is geen gewoon werkblad")
    with zipfile.ZipFile(io.BytesIO(ruw)) as z:
        grootte = z.getinfo(deel).file_size
        with z.open(deel) as f:
            begin = f.read(4096)
        m = re.search(rb'<dimension ref="[A-Z]+\d+:([A-Z]+)(\d+)"', begin)
        laatste = int(m.group(2)) if m else 0
        if laatste > MAX_RIJEN or grootte > MAX_BLAD_BYTES:
            cel = f"{naam}!{m.group(1).decode()}{laatste}" if m else f"{naam}!A{MAX_RIJEN + 1}"
            tot = f"dit blad loopt tot rij {aantal(laatste)}" if laatste else f"dit blad is {aantal(grootte)} bytes"
            raise _fout(pad, cel, ZONDER_WAARDE, f"een sjabloon met hoogstens {aantal(MAX_RIJEN)} rijen; {tot}")
        return z.read(deel)


_RIJ = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_CEL_MET_WAARDE = re.compile(rb"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_GETAL = re.compile(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*")


def _verborgen_rijen(xml: bytes) -> set[int]:
    """The rows of a sheet that are hidden (``hidden="1"``, or a height of 0)."""
    uit = set()
    for m in _RIJ.finditer(xml):
        attr = m.group(1)
        r = re.search(rb'\br="(\d+)"', attr)
        verborgen = re.search(rb'\bhidden="(1|true)"', attr) or re.search(rb'\bht="0+(\.0*)?"', attr)
        if r and verborgen:
            uit.add(int(r.group(1)))
    return uit


def _ongeldige_getallen(pad: Path, xml: bytes, naam: str) -> None:
    """A cell stored as a number whose stored text is no number (``NaN``): an error naming the cell."""
    for m in _CEL_MET_WAARDE.finditer(xml):
        attr, waarde = m.group(1), m.group(2).decode("utf-8", "replace")
        soort = re.search(rb'\bt="(\w+)"', attr)
        if (soort is None or soort.group(1) == b"n") and not _GETAL.fullmatch(waarde):
            r = re.search(rb'\br="([A-Z]+\d+)"', attr)
            cel = f"{naam}!{r.group(1).decode() if r else '?'}"
            raise _fout(pad, cel, waarde, "een getal; de werkmap bewaart hier als getal iets dat geen getal is")


def _metadata(pad: Path, wb: Any) -> dict[str, Any]:
    if BLAD_META not in wb.sheetnames or BLAD_INVOER not in wb.sheetnames:
        verwacht = (
            f"een sjabloon van tarieven (met de bladen {BLAD_INVOER} en {BLAD_META}); maak er een met "
            "'tarieven sjabloon PRODUCT -o bestand.xlsx'"
        )
        raise _fout(pad, f"{BLAD_META}!{META['versie']}", ZONDER_WAARDE, verwacht)
    ws = wb[BLAD_META]
    kolom_b = [
        rij[0] if rij else None for rij in ws.iter_rows(min_row=1, max_row=6, min_col=2, max_col=2, values_only=True)
    ]
    kolom_b += [None] * (6 - len(kolom_b))
    meta = {k: kolom_b[int(cel[1:]) - 1] for k, cel in META.items()}
    versie = meta["versie"]
    if versie not in LEESBARE_VERSIES:
        raise _fout(
            pad,
            f"{BLAD_META}!{META['versie']} (sjabloonversie)",
            versie,
            f"sjabloonversie {', '.join(map(str, LEESBARE_VERSIES))}: deze versie van tarieven leest "
            f"sjabloonversie {versie!r} niet; maak een nieuw sjabloon met 'tarieven sjabloon "
            f"{meta['product'] or 'PRODUCT'} -o bestand.xlsx' en neem de cijfers over",
        )
    if not isinstance(meta["product"], str) or not meta["product"]:
        raise _fout(pad, f"{BLAD_META}!{META['product']} (product)", meta["product"], "de productcode van het sjabloon")
    return meta


@dataclass(frozen=True)
class Rij:
    """One row of the input sheet as stored: its number, its hidden key (column A), its value
    (column C) and that cell's number format, whether the row is hidden, whether anything at
    all stands in it (columns A to H)."""

    rij: int
    sleutel: Any
    waarde: Any
    opmaak: str
    verborgen: bool
    gevuld: bool

    @property
    def cel(self) -> str:
        """The value's cell: ``Invoer!C12``."""
        return f"{BLAD_INVOER}!C{self.rij}"


def _rijen(pad: Path, ruw: bytes, wb: Any, product: str) -> tuple[Rij, ...]:
    ws = wb[BLAD_INVOER]
    xml = _controleer_blad(pad, ruw, ws, BLAD_INVOER)
    _ongeldige_getallen(pad, xml, BLAD_INVOER)
    verborgen = _verborgen_rijen(xml)
    uit: list[Rij] = []
    k = KOLOMMEN
    for rij in ws.iter_rows(min_row=1, max_row=MAX_RIJEN, max_col=len(k)):
        cellen = list(rij) + [None] * (len(k) - len(rij))
        nummer = next((c.row for c in cellen if c is not None and getattr(c, "row", None)), None)
        if nummer is None:
            continue
        waarden = [getattr(c, "value", None) for c in cellen]
        if nummer == 4 and waarden[k["waarde"] - 1] != product:
            raise _fout(
                pad,
                f"{BLAD_INVOER}!{PRODUCTCEL} (product)",
                waarden[k["waarde"] - 1],
                f"het product van dit sjabloon ({product}, {BLAD_META}!{META['product']})",
            )
        if nummer < EERSTE_RIJ:
            continue
        waarde = cellen[k["waarde"] - 1]
        opmaak = str(getattr(waarde, "number_format", "General") or "General")
        gevuld = any(w is not None and w != "" for w in waarden)
        uit.append(
            Rij(nummer, waarden[k["sleutel"] - 1], waarden[k["waarde"] - 1], opmaak, nummer in verborgen, gevuld)
        )
    bekend = {r.rij for r in uit}
    uit += [Rij(n, None, None, "General", True, False) for n in sorted(verborgen - bekend) if n >= EERSTE_RIJ]
    return tuple(sorted(uit, key=lambda r: r.rij))


def lees_sjabloon(pad: str | os.PathLike[str]) -> Sjabloon:
    """Read a filled template safely: its identity (version, product, date) and every row of its
    input sheet as stored (:class:`Rij`). What the rows mean, against the template's layout, is
    :func:`tarieven.sjabloonindeling.lees_ingevuld`.

    Raises
    ------
    InvoerFout
        Naming what is wrong with the workbook (or the sheet and cell), whatever it holds:
        never another exception, in bounded time and memory.
    """
    pad = Path(pad)
    ruw = _controleer_bestand(pad)
    try:
        import openpyxl
        import openpyxl.xml
    except ImportError:
        raise TarievenFout(f"een sjabloon lezen vraagt het pakket openpyxl: {INSTALLEER_EXCEL}") from None
    if not openpyxl.xml.DEFUSEDXML:  # without it openpyxl reads a DTD and its entities
        raise TarievenFout(f"een sjabloon lezen vraagt het pakket defusedxml: {INSTALLEER_EXCEL}")
    try:
        wb = openpyxl.load_workbook(io.BytesIO(ruw), read_only=True, data_only=False, keep_vba=False, keep_links=False)
    except Exception as e:  # whatever the parts hold: a clear message, never a traceback
        raise _fout(pad, "(bestand)", ZONDER_WAARDE, f"een Excel-werkmap die te lezen is ({_kort(e)})") from None
    try:
        meta = _metadata(pad, wb)
        rijen = _rijen(pad, ruw, wb, meta["product"])
    except InvoerFout:
        raise
    except Exception as e:
        raise _fout(pad, f"{BLAD_INVOER}!A1", ZONDER_WAARDE, f"een blad dat te lezen is ({_kort(e)})") from None
    finally:
        wb.close()
    peildatum, tariefjaar = _wanneer(pad, meta)
    aannames = meta["aannames"] if isinstance(meta["aannames"], str) and meta["aannames"] else None
    return Sjabloon(pad, str(meta["product"]), int(meta["versie"]), peildatum, tariefjaar, rijen, aannames)


def _kort(e: Exception) -> str:
    """An exception from a library as a short text: its kind and the first line of its message."""
    regel = (str(e).strip().splitlines() or [""])[0]
    return f"{type(e).__name__}: {regel[:160]}"


def _wanneer(pad: Path, meta: Mapping[str, Any]) -> tuple[dt.date | None, int | None]:
    """The template's date or tariff year (as the writer keeps them, on the hidden sheet)."""
    jaar = meta["tariefjaar"]
    if jaar not in (None, ""):
        if isinstance(jaar, bool) or not isinstance(jaar, (int, float, str)) or not str(jaar).split(".")[0].isdigit():
            raise _fout(pad, f"{BLAD_META}!{META['tariefjaar']} (tariefjaar)", jaar, "een jaartal, zoals 2025")
        return None, int(float(jaar))
    datum = meta["peildatum"]
    if datum in (None, ""):
        return None, None
    try:
        return (
            datum.date()
            if isinstance(datum, dt.datetime)
            else datum
            if isinstance(datum, dt.date)
            else dt.date.fromisoformat(str(datum)[:10])
        ), None
    except ValueError:
        raise _fout(pad, f"{BLAD_META}!{META['peildatum']} (peildatum)", datum, "een datum, zoals 2027-01-01") from None
