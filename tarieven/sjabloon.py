"""The template a provider fills in: ``tarieven sjabloon PRODUCT -o bestand.xlsx``.

:func:`schrijf_sjabloon` writes a workbook (XlsxWriter) with

- **Instructie**: what to do, in Dutch, with the product, the date and the region's tariff;
- **Invoer**: every input of the product, prefilled with the product's value (so an
  untouched template gives the region's tariff), its unit, what is usual, and data
  validation from the field registry (:mod:`tarieven.velden`): lists for the functions,
  CAO scales and steps and the conventions, ranges for the numbers. Input cells are
  styled as inputs and unlocked; everything else is locked. On top: the provider's name
  or code and, optionally, its contract volume;
- **Bronnen**: the source, date, status and explanation of every prefilled value;
- **Sjabloon** (hidden): the template's version, product and date, so that a template of
  another year is read on its own date, and one of another layout is refused, naming its
  version.

The filled template is read by :mod:`tarieven.sjabloonlezen` and validated through the
one input path, like a TOML or JSON scenario.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from tarieven._versie import __version__
from tarieven.bereik import INF
from tarieven.catalogus import is_vervoer, producten
from tarieven.eigenparameters import laad_parameters
from tarieven.fouten import InvoerFout, Probleem
from tarieven.inlezen import lees_scenario
from tarieven.parameters import ParameterSet
from tarieven.scenario import Scenario
from tarieven.sjabloonindeling import Indelingsrij, indeling
from tarieven.sjabloonlezen import (
    BLAD_BRONNEN,
    BLAD_INSTRUCTIE,
    BLAD_INVOER,
    BLAD_META,
    EERSTE_RIJ,
    META,
    SJABLOON_VERSIE,
)
from tarieven.uitkomst import bereken
from tarieven.weergave import euro, is_geld
from tarieven.werkmap import GELDFORMAAT, nieuwe_werkmap
from tarieven.werkmap import hoogte as _hoogte

__all__ = ["schrijf_sjabloon"]


class _Opmaak:
    def __init__(self, wb: Any) -> None:
        self.titel = wb.add_format({"bold": True, "font_size": 14})
        self.klein = wb.add_format({"italic": True, "font_color": "#555555"})
        self.tekst = wb.add_format({"text_wrap": True, "valign": "top"})
        self.kop = wb.add_format({"bold": True, "bottom": 1, "bg_color": "#DDE4EE", "text_wrap": True})
        self.sectie = wb.add_format({"bold": True, "bg_color": "#EEF1F6"})
        self.vast = wb.add_format({"bold": True, "bg_color": "#EEEEEE", "border": 1, "border_color": "#B7B7B7"})
        invoer = {
            "locked": False,
            "bg_color": "#FFFFCC",
            "font_color": "#1F3F9F",
            "border": 1,
            "border_color": "#B7B7B7",
            "valign": "top",
        }
        self.invoer_geld = wb.add_format({**invoer, "num_format": GELDFORMAAT})
        self.invoer_getal = wb.add_format({**invoer, "num_format": "#,##0.########"})
        self.invoer_tekst = wb.add_format(invoer)
        self.verborgen = wb.add_format({"num_format": "@"})
        self.getal = wb.add_format({"num_format": "#,##0.########", "valign": "top"})


def _validatie(s: Scenario, r: Indelingsrij) -> dict[str, Any] | None:
    """Data validation of an input cell from the field registry: a list, or the hard range."""
    titel = r.label[:32]
    if r.keuzes and r.sleutel.rsplit(".", 1)[-1] != "werkgeverslasten":
        lijst = list(r.keuzes)
        return {
            "validate": "list",
            "source": lijst,
            "input_title": titel,
            "input_message": "kies uit de lijst"[:255],
            "error_title": "Ongeldige keuze",
            "error_message": f"Kies uit: {', '.join(lijst)}"[:255],
        }
    v = s.veld(r.sleutel)  # the product's own overhead basis: a share stops below 1, as the reader checks
    if v.soort != "getal" or v.bereik is None or v.keuzes:
        return None
    b = v.bereik
    soort = "integer" if v.geheel else "decimal"
    regel: dict[str, Any] = {"validate": soort}
    if b.hoog != INF:
        regel |= {"criteria": "between", "minimum": b.laag, "maximum": b.hoog}
    else:
        regel |= {"criteria": ">=" if b.laag_mee else ">", "value": b.laag}
    verwacht = re.sub(r"(\d)\.(\d)", r"\1,\2", v.verwacht(r.sleutel))  # Excel in Dutch: 0,08, not 0.08
    return regel | {
        "input_title": titel,
        "input_message": (r.toelichting or verwacht)[:255],
        "error_title": "Ongeldige waarde",
        "error_message": f"Verwacht {verwacht}"[:255],
    }


def _blad_invoer(wb: Any, op: _Opmaak, s: Scenario, code: str, rijen: list[Indelingsrij], kop: str) -> None:
    ws = wb.add_worksheet(BLAD_INVOER)
    ws.write(0, 1, f"Eigen kostprijs {s.product_naam or code} ({code})", op.titel)
    ws.write(1, 1, kop, op.klein)
    ws.write(
        2,
        1,
        "Vul de gele cellen in; laat staan wat voor u klopt (dat blijft de waarde van het product). "
        "Zie het blad Instructie.",
        op.klein,
    )
    ws.write(3, 1, "Product", op.sectie)
    ws.write(3, 2, code, op.vast)
    for k, tekst in enumerate(
        (
            "sleutel",
            "Invoer",
            "Waarde",
            "Eenheid",
            "Toelichting",
            "Waarde van het product: herkomst",
            "origineel",
            "verplicht",
        )
    ):
        ws.write(EERSTE_RIJ - 2, k, tekst, op.kop)
    for i, r in enumerate(rijen):
        rij = EERSTE_RIJ - 1 + i
        if not r.sleutel:
            ws.merge_range(rij, 1, rij, 5, r.label, op.sectie)
            continue
        v = s.veld(r.sleutel)
        opmaak = op.invoer_geld if is_geld(v.eenheid) else op.invoer_getal if v.soort == "getal" else op.invoer_tekst
        ws.write_string(rij, 0, r.sleutel)
        ws.write_string(rij, 1, r.label, op.tekst)
        if r.waarde is None:
            ws.write_blank(rij, 2, None, opmaak)
        elif isinstance(r.waarde, (int, float)):
            ws.write_number(rij, 2, float(r.waarde), opmaak)
            ws.write_number(rij, 6, float(r.waarde))
        else:
            ws.write_string(rij, 2, str(r.waarde), op.invoer_tekst)
            ws.write_string(rij, 6, str(r.waarde), op.verborgen)
        eenheid = "fractie (0,08 = 8 %)" if v.is_fractie else "" if v.eenheid == "1" else v.eenheid
        eenheid = eenheid.replace("1/jaar", "per jaar")
        if v.keuzes and v.soort == "getal":  # 'componenten' or a fraction
            eenheid = f"'{v.keuzes[0]}' of een fractie"
        ws.write_string(rij, 3, eenheid if v.soort == "getal" else "", op.tekst)
        ws.write_string(rij, 4, r.toelichting, op.tekst)
        ws.write_string(rij, 5, r.herkomst, op.tekst)
        ws.write_string(rij, 7, "ja" if r.verplicht else "nee")
        ws.set_row(rij, _hoogte((r.label, 44), (eenheid, 18), (r.toelichting, 42), (r.herkomst, 60)))
        if (regel := _validatie(s, r)) is not None:
            ws.data_validation(rij, 2, rij, 2, regel)
    ws.set_column(0, 0, 30, None, {"hidden": True})
    for kolom, breedte in ((1, 44), (2, 24), (3, 18), (4, 42), (5, 60)):
        ws.set_column(kolom, kolom, breedte)
    ws.set_column(6, 7, 12, None, {"hidden": True})
    ws.freeze_panes(EERSTE_RIJ - 1, 2)
    ws.protect("", {"format_columns": True, "format_rows": True})
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)


def _blad_instructie(wb: Any, op: _Opmaak, s: Scenario, code: str, tarief: float, kop: str) -> None:
    ws = wb.add_worksheet(BLAD_INSTRUCTIE)
    regels = [
        (f"Sjabloon eigen kostprijs: {s.product_naam or code} ({code})", op.titel),
        (kop, op.klein),
        ("", None),
        (
            f"Tarief van de regio op de waarden van dit sjabloon: {euro(tarief)} per cliënt per {s.structuur.eenheid}.",
            None,
        ),
        ("", None),
        ("Zo vult u het in", op.sectie),
        ("1. Vul op het blad Invoer uw naam of code in, en als u wilt uw contractvolume.", None),
        (
            "2. Elke gele cel is vooraf gevuld met de waarde van het product. Pas aan wat voor uw aanbod anders is: "
            "uw salarissen (een eigen gemiddeld maandsalaris, of schaal en trede), uw personeel, groepsgrootte, "
            "bezetting, huisvesting en overhead. Wat u laat staan, blijft de waarde van het product.",
            None,
        ),
        (
            "3. Personeel: vult u aantallen medewerkers per functie in, dan vervangen die de ratio (ze komen er nooit "
            "bij). Laat de ratio dan staan.",
            None,
        ),
        (
            "4. Heeft uw aanbod iets niet, zoals een gedragswetenschapper op afstand: vul 0 uur in. Laat geen gevulde "
            "cel leeg.",
            None,
        ),
        ("5. Getallen zonder eenheid zijn in de eenheid van de kolom Eenheid; fracties als 0,08 voor 8 %.", None),
        ("6. Sla het bestand op als Excel-werkmap (.xlsx), zonder macro's en zonder wachtwoord.", None),
        ("", None),
        ("Zo rekent u het uit", op.sectie),
        ("tarieven bereken bestand.xlsx        uw tarief en de opbouw", None),
        (
            "tarieven vergelijk bestand.xlsx      regel voor regel naast het tarief van de regio, met wat het verschil "
            "verklaart",
            None,
        ),
        ("", None),
        (
            "Elke waarde wordt gecontroleerd zoals in een scenariobestand; een fout noemt blad en cel "
            "(bijvoorbeeld Invoer!C20). De bron van elke vooraf gevulde waarde staat op het blad Bronnen.",
            None,
        ),
        (f"Sjabloonversie {SJABLOON_VERSIE}, tarieven {__version__}.", op.klein),
    ]
    for i, (tekst, opmaak) in enumerate(regels):
        if opmaak is None:
            ws.write_string(i, 0, tekst, op.tekst)
        else:
            ws.write_string(i, 0, tekst, opmaak)
    ws.set_column(0, 0, 95)
    for i, (tekst, _) in enumerate(regels):
        ws.set_row(i, _hoogte((tekst, 88)))
    ws.protect()
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)


_BRONNEN_BREEDTE = (40, 14, 40, 16, 50, 11, 70)  # characters per column of the sources sheet


def _blad_bronnen(wb: Any, op: _Opmaak, s: Scenario) -> None:
    ws = wb.add_worksheet(BLAD_BRONNEN)
    for kolom, kop in enumerate(("Invoer", "Waarde", "Herkomst", "Status", "Bron", "Vanaf", "Toelichting")):
        ws.write(0, kolom, kop, op.kop)
    for i, k in enumerate(s.waarden, start=1):
        h = s.herkomst.get(k)
        ws.write_string(i, 0, k, op.tekst)
        ws.write_number(i, 1, s.waarden[k], op.getal)
        if h is not None:
            status = (h.status or "") + (", geprojecteerd" if h.geprojecteerd else "")
            teksten = (h.oorsprong, status, h.bron or "", str(h.vanaf or ""), " ".join((h.toelichting or "").split()))
            for kolom, tekst in enumerate(teksten, start=2):
                ws.write_string(i, kolom, tekst, op.tekst)
            ws.set_row(i, _hoogte(*zip(teksten, _BRONNEN_BREEDTE[2:], strict=True)))
    for kolom, breedte in enumerate(_BRONNEN_BREEDTE):
        ws.set_column(kolom, kolom, breedte)
    ws.freeze_panes(1, 1)
    ws.protect()
    # Printed as a controller reads it: landscape A4, one page wide, the header on every page.
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)


def _blad_meta(wb: Any, code: str, s: Scenario) -> None:
    ws = wb.add_worksheet(BLAD_META)
    waarden = {
        "versie": SJABLOON_VERSIE,
        "product": code,
        "peildatum": str(s.peildatum or ""),
        "tariefjaar": s.tariefjaar or "",
        "tarieven_versie": __version__,
        "aannames": s.aannames,
    }
    for naam, cel in META.items():
        rij = int(cel[1:]) - 1
        ws.write_string(rij, 0, naam)
        x = waarden[naam]
        ws.write_number(rij, 1, x) if isinstance(x, int) else ws.write_string(rij, 1, str(x))
    wb.define_name("sjabloon_versie", f"={BLAD_META}!$B$1")
    wb.define_name("sjabloon_product", f"={BLAD_META}!$B$2")
    ws.protect()
    ws.hide()


def schrijf_sjabloon(
    product: str,
    pad: str | os.PathLike[str],
    peildatum: dt.date | str | None = None,
    *,
    tariefjaar: int | None = None,
    params: ParameterSet | str | os.PathLike[str] | None = None,
    aannames: str | None = None,
    overschrijven: bool = True,
) -> Path:
    """Write the template of a group product, prefilled with its values on a date; returns the path.

    Parameters
    ----------
    product
        A product code of the catalogue (``"41A22"``); transport (42A03) has no template.
    pad
        The ``.xlsx`` file to write.
    peildatum, tariefjaar
        When the product's values are looked up (default: today); kept in the template, so
        a filled template is read on the same date.
    params
        The parameter set or the user's own parameter file or folder.
    aannames
        The assumption set the product's assumptions are prefilled at (default centraal); kept
        in the template, so a value left unchanged is read at the same set.
    overschrijven
        Whether an existing file at ``pad`` is replaced (default); the file appears in one step.
    """
    pad = Path(pad)
    if pad.suffix.lower() != ".xlsx":
        raise InvoerFout([Probleem("sjabloon", str(pad), "een bestandsnaam met de extensie .xlsx")])
    if isinstance(params, (str, os.PathLike)):
        params = laad_parameters(params)
    if is_vervoer(product, params):
        groep = [c for c in producten(params) if not is_vervoer(c, params)]
        raise InvoerFout(
            [
                Probleem(
                    "product",
                    product,
                    f"een groepsproduct ({', '.join(groep)}); vervoer heeft "
                    "bedragen per categorie en geen eigen kostprijs",
                )
            ]
        )
    s = lees_scenario(
        product,
        peildatum if peildatum or tariefjaar else dt.date.today(),
        tariefjaar=tariefjaar,
        params=params,
        aannames=aannames,
    )
    rijen = indeling(s)
    tarief = bereken(s).tarief
    wanneer = f"peildatum {s.peildatum}" if s.peildatum else f"tijdgewogen over {s.tariefjaar}"
    wanneer += f", aannames {s.aannames}"
    kop = f"Waarden van het product op {wanneer}; sjabloonversie {SJABLOON_VERSIE}, tarieven {__version__}"
    with nieuwe_werkmap(pad, overschrijven=overschrijven, optie="sjabloon") as wb:
        op = _Opmaak(wb)
        _blad_instructie(wb, op, s, product, tarief, kop)
        _blad_invoer(wb, op, s, product, rijen, kop)
        _blad_bronnen(wb, op, s)
        _blad_meta(wb, product, s)
        wb.set_properties({"title": f"Sjabloon eigen kostprijs {product}", "comments": kop})
    return pad
