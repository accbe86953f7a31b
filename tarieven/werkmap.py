"""A result as a workbook with live formulas: change an input in Excel and see the tariff move.

:func:`schrijf_werkmap` writes one calculation as an ``.xlsx`` workbook (XlsxWriter):

- **Berekening**: every breakdown line, step by step, as a formula over defined names,
  with its computed value cached (a reader that does not recalculate still sees the
  numbers), its unit, its description and its formula in words. Each formula is the
  line's own traced tree written in spreadsheet syntax (:meth:`RegelDefinitie.excel`):
  never a second, hand-written copy. Whole-staff rounding carries the library's guard
  against float noise (``CEILING(ROUND(G/k, 9), 1)``).
- **Invoer**: every input with its value (a defined name, styled as an input cell), unit,
  origin, status, source, date and explanation.
- **Namen**: every defined name beside its JSON path, so any tool can find a line.

**Names.** Every line of the JSON output (:meth:`Uitkomst.to_dict`) is a defined name: its
key path joined with underscores (``tarief_per_client``, ``uurkosten.mbo`` ->
``uurkosten_mbo``); an input is named by its dotted key the same way
(``functies.mbo.maandsalaris`` -> ``functies_mbo_maandsalaris``). A key that is not a valid
Excel name is escaped by :func:`tarieven.formule.excel_naam`: a character a name cannot
hold becomes ``_``, and a name that starts with a digit or reads as a cell reference
(``r1c1``, ``abc12``) gets the prefix ``n_``.

**Money format.** Amounts carry the number format ``[$€-413] #,##0.00``: number formats are
stored in en-US notation in the file, and Dutch Excel shows them as ``€ 1.234,56``.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tarieven.formule import excel_naam
from tarieven.fouten import INSTALLEER_EXCEL, InvoerFout, Probleem, TarievenFout
from tarieven.regeldefinitie import STAPPEN, RegelDefinitie
from tarieven.scenario import Scenario
from tarieven.uitvoerbestand import atomair, gemaakt
from tarieven.weergave import is_geld

__all__ = ["GELDFORMAAT", "Naam", "hoogte", "namen", "nieuwe_werkmap", "schrijf_werkmap", "sluit", "xlsxwriter_module"]

GELDFORMAAT = "[$€-413] #,##0.00"
"""Money as Dutch Excel shows it (``€ 1.234,56``), stored in en-US notation."""
GETALFORMAAT = "#,##0.00##"
INVOERFORMAAT = "#,##0.00######"
_BLAD_REGELS, _BLAD_INVOER, _BLAD_NAMEN = "Berekening", "Invoer", "Namen"
_EERSTE_RIJ = 5  # rows above: title, provenance, instruction, blank, header
_UITLEG_REGELS = (
    "Wijzig een gele invoercel op het blad Invoer: elke regel hieronder rekent mee. Bedragen in euro, gerekend in "
    "volle precisie; elke regel is een gedefinieerde naam (blad Namen)."
)
_UITLEG_INVOER = (
    "Gele cellen zijn invoer: een gewijzigde waarde rekent door op het blad Berekening. Grijze tekst ligt vast in de "
    "formules (de structuur van de berekening); die wijzig je in het scenario."
)
_UITLEG_NAMEN = (
    "Elke regel van de JSON-uitvoer (tarieven bereken --formaat json) heet hier naar zijn JSON-pad met underscores: "
    "uurkosten.mbo -> uurkosten_mbo; een invoer naar zijn sleutel: functies.mbo.maandsalaris -> "
    "functies_mbo_maandsalaris.",
    "Wat geen geldige Excel-naam is, wordt aangepast: een teken dat niet mag wordt _, en een naam die met een cijfer "
    "begint of op een celverwijzing lijkt (r1c1, abc12) krijgt n_ ervoor.",
)


@dataclass(frozen=True)
class Naam:
    """A defined name of the workbook: what it is called, the JSON path it stands for, where it points."""

    naam: str
    json_pad: str
    blad: str
    cel: str
    soort: str
    eenheid: str

    @property
    def verwijzing(self) -> str:
        return f"={self.blad}!{self.cel}"


def _cel(rij: int, kolom: int = 2) -> str:
    return f"${'ABCDEFGHIJ'[kolom]}${rij + 1}"


def _getal_invoer(scenario: Scenario) -> list[str]:
    return [k for k in scenario.invoer if k in scenario.waarden]


def namen(scenario: Scenario, definities: Sequence[RegelDefinitie]) -> list[Naam]:
    """The defined names of a result's workbook, inputs first, then the lines in the order written.

    Raises ``ValueError`` when two keys would get the same name (a programming error:
    the registry and the line names keep them apart).
    """
    uit = [
        Naam(
            excel_naam(k),
            f'invoer["{k}"].waarde',
            _BLAD_INVOER,
            _cel(_EERSTE_RIJ + i),
            "invoer",
            scenario.veld(k).eenheid,
        )
        for i, k in enumerate(_getal_invoer(scenario))
    ]
    for rij, d in _regelrijen(definities):
        uit.append(Naam(excel_naam(d.naam), d.naam, _BLAD_REGELS, _cel(rij), "regel", d.eenheid))
    gezien: dict[str, str] = {}
    for n in uit:
        if n.naam.lower() in gezien:
            raise ValueError(f"{n.json_pad} en {gezien[n.naam.lower()]} krijgen dezelfde naam {n.naam}")
        gezien[n.naam.lower()] = n.json_pad
    return uit


def _regelrijen(definities: Sequence[RegelDefinitie]) -> list[tuple[int, RegelDefinitie]]:
    """Each line's row on the sheet: grouped by step, a header row before each step."""
    rij = _EERSTE_RIJ
    stap = None
    uit = []
    for d in sorted(definities, key=lambda d: d.stap):
        if d.stap != stap:
            stap = d.stap
            rij += 1
        uit.append((rij, d))
        rij += 1
    return uit


def _toelichting(scenario: Scenario) -> str:
    delen = [f"peildatum {scenario.peildatum}"] if scenario.peildatum else []
    if scenario.tariefjaar is not None:
        delen.append(f"tijdgewogen over tariefjaar {scenario.tariefjaar}")
    return "; ".join(delen)


class _Opmaak:
    """The cell formats of one workbook."""

    def __init__(self, wb: Any) -> None:
        self.titel = wb.add_format({"bold": True, "font_size": 14})
        self.klein = wb.add_format({"italic": True, "font_color": "#555555"})
        self.kop = wb.add_format({"bold": True, "bottom": 1, "bg_color": "#DDE4EE", "text_wrap": True})
        self.stap = wb.add_format({"bold": True, "bg_color": "#EEF1F6"})
        self.tekst = wb.add_format({"valign": "top"})
        self.eenheid = wb.add_format({"valign": "top", "align": "left", "indent": 1})
        self.omloop = wb.add_format({"text_wrap": True, "valign": "top"})
        self.geld = wb.add_format({"num_format": GELDFORMAAT, "valign": "top"})
        self.getal = wb.add_format({"num_format": GETALFORMAAT, "valign": "top"})
        self.tarief = wb.add_format(
            {"num_format": GELDFORMAAT, "bold": True, "bg_color": "#FFF2CC", "top": 1, "bottom": 1, "valign": "top"}
        )
        invoer = {
            "bg_color": "#FFFFCC",
            "font_color": "#1F3F9F",
            "border": 1,
            "border_color": "#B7B7B7",
            "valign": "top",
        }
        self.invoer_geld = wb.add_format({**invoer, "num_format": GELDFORMAAT})
        self.invoer_getal = wb.add_format({**invoer, "num_format": INVOERFORMAAT})
        self.vast = wb.add_format({"font_color": "#555555", "italic": True, "valign": "top"})
        self.datum = wb.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})


def _blad_regels(
    wb: Any,
    op: _Opmaak,
    scenario: Scenario,
    definities: Sequence[RegelDefinitie],
    waarden: Mapping[str, float],
    schildwacht: float | None,
    kop: Sequence[str],
) -> None:
    ws = wb.add_worksheet(_BLAD_REGELS)
    ws.write(0, 0, kop[0], op.titel)
    ws.write(1, 0, kop[1], op.klein)
    ws.write(2, 0, _UITLEG_REGELS, op.klein)
    koppen = ("Regel", "Omschrijving", "Waarde", "Eenheid", "Formule in woorden", "Naam", "Kostprijselement")
    for k, tekst in enumerate(koppen):
        ws.write(_EERSTE_RIJ - 1, k, tekst, op.kop)
    stap = None
    for rij, d in _regelrijen(definities):
        if d.stap != stap:
            stap = d.stap
            ws.merge_range(rij - 1, 0, rij - 1, 6, f"{stap}. {STAPPEN[stap]} (methode, stap {stap})", op.stap)
        formaat = op.tarief if d.naam == "tarief_per_client" else op.geld if is_geld(d.eenheid) else op.getal
        waarde = waarden[d.naam] if schildwacht is None else schildwacht
        ws.write_string(rij, 0, d.naam, op.tekst)
        ws.write_string(rij, 1, d.omschrijving, op.omloop)
        ws.write_formula(rij, 2, d.excel(), formaat, float(waarde))
        ws.write_string(rij, 3, "" if d.eenheid == "1" else d.eenheid, op.eenheid)
        ws.write_string(rij, 4, d.formule, op.omloop)
        ws.write_string(rij, 5, excel_naam(d.naam), op.tekst)
        ws.write_string(rij, 6, d.grondslag, op.omloop)
        teksten = ((d.omschrijving, _BREEDTES_REGELS[1]), (d.formule, _BREEDTES_REGELS[4]))
        ws.set_row(rij, hoogte(*teksten, (d.grondslag, _BREEDTES_REGELS[6])))
    for k, breedte in enumerate(_BREEDTES_REGELS):
        ws.set_column(k, k, breedte)
    ws.freeze_panes(_EERSTE_RIJ, 1)
    _afdruk(ws)


_BREEDTES_REGELS = (28, 46, 16, 10, 70, 26, 60)
_BREEDTES_INVOER = (40, 36, 16, 11, 44, 24, 48, 11, 100)


def hoogte(*teksten: tuple[str, float]) -> float:
    """A row height that shows wrapped text whole (a spreadsheet does not grow a written row by itself)."""
    regels = max(1, *(math.ceil(len(t) / max(breedte - 2, 1)) for t, breedte in teksten))
    return 15.0 * regels


def _herkomst(scenario: Scenario, k: str) -> list[Any]:
    h = scenario.herkomst.get(k)
    if h is None:
        return ["", "", "", None, ""]
    toelichting = " ".join((h.toelichting or "").split())
    return [
        h.oorsprong,
        (h.status or "eigen invoer") + (", geprojecteerd" if h.geprojecteerd else ""),
        h.bron or "",
        h.vanaf,
        toelichting,
    ]


def _blad_invoer(wb: Any, op: _Opmaak, scenario: Scenario, kop: Sequence[str]) -> None:
    ws = wb.add_worksheet(_BLAD_INVOER)
    ws.write(0, 0, f"Invoer: {kop[0].removeprefix('Tariefberekening: ')}", op.titel)
    ws.write(1, 0, kop[1], op.klein)
    ws.write(2, 0, _UITLEG_INVOER, op.klein)
    koppen = ("Sleutel", "Omschrijving", "Waarde", "Eenheid", "Herkomst", "Status", "Bron", "Vanaf", "Toelichting")
    for kolom, tekst in enumerate(koppen):
        ws.write(_EERSTE_RIJ - 1, kolom, tekst, op.kop)
    getallen = _getal_invoer(scenario)
    teksten = [k for k in scenario.invoer if k not in scenario.waarden and isinstance(scenario.invoer[k], str)]
    for i, k in enumerate([*getallen, *teksten]):
        rij = _EERSTE_RIJ + i
        v = scenario.veld(k)
        ws.write_string(rij, 0, k, op.tekst)
        ws.write_string(rij, 1, v.label_voor(k) if v.label else v.omschrijving_voor(k), op.omloop)
        if k in scenario.waarden:
            ws.write_number(rij, 2, scenario.waarden[k], op.invoer_geld if is_geld(v.eenheid) else op.invoer_getal)
            ws.write_string(rij, 3, "" if v.eenheid == "1" else v.eenheid, op.eenheid)
        else:
            ws.write_string(rij, 2, str(scenario.invoer[k]), op.vast)
        oorsprong, status, bron, vanaf, toelichting = _herkomst(scenario, k)
        ws.write_string(rij, 4, oorsprong, op.omloop)
        ws.write_string(rij, 5, status if k in scenario.waarden else "", op.tekst)
        ws.write_string(rij, 6, bron, op.omloop)
        if isinstance(vanaf, dt.date):
            ws.write_datetime(rij, 7, dt.datetime.combine(vanaf, dt.time()), op.datum)
        ws.write_string(rij, 8, toelichting, op.omloop)
        label = v.label_voor(k) if v.label else v.omschrijving_voor(k)
        ws.set_row(
            rij,
            hoogte(
                (label, _BREEDTES_INVOER[1]),
                (oorsprong, _BREEDTES_INVOER[4]),
                (bron, _BREEDTES_INVOER[6]),
                (toelichting, _BREEDTES_INVOER[8]),
            ),
        )
    for kolom, breedte in enumerate(_BREEDTES_INVOER):
        ws.set_column(kolom, kolom, breedte)
    ws.freeze_panes(_EERSTE_RIJ, 1)
    _afdruk(ws)


def _blad_namen(wb: Any, op: _Opmaak, alle: Sequence[Naam]) -> None:
    ws = wb.add_worksheet(_BLAD_NAMEN)
    ws.write(0, 0, "Gedefinieerde namen en hun JSON-pad", op.titel)
    ws.write(1, 0, _UITLEG_NAMEN[0], op.klein)
    ws.write(2, 0, _UITLEG_NAMEN[1], op.klein)
    for k, tekst in enumerate(("Naam", "JSON-pad", "Verwijst naar", "Soort", "Eenheid")):
        ws.write(_EERSTE_RIJ - 1, k, tekst, op.kop)
    for i, n in enumerate(alle):
        for k, tekst in enumerate((n.naam, n.json_pad, f"{n.blad}!{n.cel}", n.soort, n.eenheid)):
            ws.write_string(_EERSTE_RIJ + i, k, tekst, op.tekst)
    for k, breedte in enumerate((42, 52, 18, 8, 12)):
        ws.set_column(k, k, breedte)
    ws.freeze_panes(_EERSTE_RIJ, 0)
    _afdruk(ws)


def _afdruk(ws: Any) -> None:
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(_EERSTE_RIJ - 1)


def schrijf_werkmap(
    pad: str | os.PathLike[str],
    scenario: Scenario,
    definities: Sequence[RegelDefinitie],
    waarden: Mapping[str, float],
    *,
    titel: str,
    herkomst: str,
    schildwacht: float | None = None,
) -> Path:
    """Write one calculation as a workbook with live formulas; returns the path.

    Parameters
    ----------
    pad
        The ``.xlsx`` file to write (replaced if it exists).
    scenario, definities, waarden
        The validated inputs, the lines of its structure and their computed values.
    titel, herkomst
        The title and the provenance line (version, date, hash) shown at the top.
    schildwacht
        For a test of a spreadsheet engine: cache this value for every formula instead of
        the computed one, so a value that was not recalculated is recognised.
    """
    pad = Path(pad)
    if pad.suffix.lower() != ".xlsx":
        raise InvoerFout([Probleem("werkmap", str(pad), "een bestandsnaam met de extensie .xlsx")])
    alle = namen(scenario, definities)
    with nieuwe_werkmap(pad) as wb:
        op = _Opmaak(wb)
        kop = [titel, herkomst + (f"; {_toelichting(scenario)}" if _toelichting(scenario) else "")]
        _blad_regels(wb, op, scenario, definities, waarden, schildwacht, kop)
        _blad_invoer(wb, op, scenario, kop)
        _blad_namen(wb, op, alle)
        for n in alle:
            wb.define_name(n.naam, n.verwijzing)
        wb.set_properties({"title": titel, "subject": "Reële tarieven jeugdhulp", "comments": herkomst})
    return pad


@contextmanager
def nieuwe_werkmap(pad: Path, *, overschrijven: bool = True, optie: str = "werkmap") -> Iterator[Any]:
    """A new XlsxWriter workbook that becomes ``pad`` in one step when the block ends.

    The one way the package makes a workbook: text is written as text (never read as a
    formula, a number or a link), nothing is written to a temporary folder (``in_memory``),
    the file appears atomically (:func:`tarieven.uitvoerbestand.atomair`; ``overschrijven``
    as there), and the same inputs give the same bytes (the date made is
    :func:`tarieven.uitvoerbestand.gemaakt`; document properties set in the block are kept).
    """
    xlsxwriter = xlsxwriter_module()
    datum = gemaakt()
    with atomair(pad, overschrijven=overschrijven, optie=optie) as tijdelijk:
        wb = xlsxwriter.Workbook(
            str(tijdelijk),
            {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False},
        )
        try:
            yield wb
        except BaseException:
            wb.fileclosed = True  # nothing to write: the temporary file is removed
            raise
        wb.set_properties({**(wb.doc_properties or {}), "created": datum})
        sluit(wb, pad)


def xlsxwriter_module() -> Any:
    """XlsxWriter, or a clear message how to install it (it is in the ``excel`` extra)."""
    try:
        import xlsxwriter
    except ImportError:
        raise TarievenFout(f"een werkmap schrijven vraagt het pakket XlsxWriter: {INSTALLEER_EXCEL}") from None
    return xlsxwriter


def sluit(wb: Any, pad: Path) -> None:
    """Close (write) a workbook; a file that cannot be written is an error naming it."""
    try:
        wb.close()
    except Exception as e:  # xlsxwriter wraps an OSError in its own FileCreateError
        raise InvoerFout([Probleem("werkmap", str(pad), f"een bestand dat geschreven kan worden ({e})")]) from None
