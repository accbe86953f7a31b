"""The layout of a template's input sheet: the one definition its writer and its reader share.

:func:`indeling` lists, for a product on a date, every row of the sheet ``Invoer`` from
:data:`tarieven.sjabloonlezen.EERSTE_RIJ` down: a section header (no key) or an input with
its key, label, prefilled value, whether it must be filled, its choices and its origin.
:mod:`tarieven.sjabloon` writes exactly these rows; :meth:`tarieven.sjabloonlezen.Sjabloon.lees`
reads exactly these cells back, so a row that a provider deleted, added, hid or moved, or a
hidden key it changed, is an error naming the cell, and a value counts as the provider's own
when it differs from the product's as this layout has it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tarieven.catalogus import Zoeker, cao_schalen, producten
from tarieven.fouten import InvoerFout, Probleem, bedoeld
from tarieven.parameterbestanden import standaard_parameters
from tarieven.parameters import ParameterSet
from tarieven.scenario import Scenario
from tarieven.sjabloonlezen import BLAD_INVOER, BLAD_META, EERSTE_RIJ, META, Rij, Sjabloon
from tarieven.velden import VELDEN, veld

__all__ = ["Indelingsrij", "indeling", "lees_ingevuld", "product_van"]


@dataclass(frozen=True)
class Indelingsrij:
    """One row of the input sheet as the template defines it (a section header when ``sleutel``
    is empty): the key, its label, the product's value, whether it must be filled, its choices,
    what it says about it and where the value comes from, and whether 0 is a valid value."""

    sleutel: str
    label: str
    waarde: Any = None
    verplicht: bool = True
    keuzes: tuple[str, ...] = ()
    toelichting: str = ""
    herkomst: str = ""
    nul_mag: bool = False


_FUNCTIEVELDEN = tuple(
    k.removeprefix("functies.*.") for k, v in VELDEN.items() if k.startswith("functies.*.") and v.soort == "getal"
)
"""The numbers of a function on the template, in registry order: one row each."""


def _kop(tekst: str) -> Indelingsrij:
    return Indelingsrij("", tekst)


def _rij(s: Scenario, k: str, *, keuzes: tuple[str, ...] = (), toelichting: str = "") -> Indelingsrij:
    v = s.veld(k)
    waarde = s.waarden.get(k, s.invoer.get(k))
    if not toelichting and v.plausibel is not None and v.soort == "getal":
        toelichting = f"gebruikelijk {v.toon(v.plausibel[0])} tot {v.toon(v.plausibel[1])}"
    return Indelingsrij(
        k,
        v.label_voor(k) if v.label else v.omschrijving_voor(k),
        waarde,
        True,
        keuzes or v.keuzes,
        toelichting,
        str(s.herkomst.get(k, "")),
        v.soort == "getal" and bool(v.past(0.0)),
    )


def _functie_rijen(s: Scenario, params: ParameterSet, z: Zoeker, f: str) -> Iterator[Indelingsrij]:
    p = f"functies.{f}."
    functies = params.bestand("functies").tekst
    ref = s.invoer.get(p + "functie")
    yield _kop(f"Functie {f}: {s.invoer.get(p + 'naam', ref or f)}")
    if isinstance(ref, str):
        refs = tuple(sorted({k.split(".", 1)[0] for k in functies}))
        yield Indelingsrij(
            p + "functie",
            f"functie {f} (uit de meegeleverde functies)",
            ref,
            True,
            refs,
            "bepaalt schaal, trede en productiviteitsnorm",
            "catalogus van het product",
        )
        cao = str(functies[f"{ref}.cao"])
        schalen = cao_schalen(params, cao)
        schaal = str(functies[f"{ref}.schaal"])
        w = z.op(params.bestand(cao).parameters[f"salaris.schaal_{schaal}"])
        n = len(w.waarde) if isinstance(w.waarde, tuple) else 0
        treden = ("max", "midden", *(str(w.eerste_trede + i) for i in range(n)))
        yield Indelingsrij(
            p + "schaal", f"salarisschaal {f} ({cao})", schaal, True, tuple(schalen), "", "functies.toml"
        )
        trede = str(s.invoer.get(p + "trede", functies.get(f"{ref}.trede", "max")))
        yield Indelingsrij(
            p + "trede",
            f"trede {f}",
            trede,
            True,
            treden,
            "max, midden of een tredenummer",
            str(s.herkomst.get(p + "trede", "functies.toml")),
        )
    for naam in _FUNCTIEVELDEN:
        if p + naam in s.invoer:
            extra = "een eigen gemiddeld salaris gaat voor schaal en trede" if naam == "maandsalaris" else ""
            yield _rij(s, p + naam, toelichting=extra, keuzes=("componenten",) if naam == "werkgeverslasten" else ())


def _rijen(s: Scenario, params: ParameterSet, z: Zoeker) -> list[Indelingsrij]:
    rijen = [_kop("Aanbieder (voor de regio)")]
    rijen += [
        Indelingsrij(k, veld(k).label, None, False, (), "optioneel") for k in ("aanbieder.naam", "aanbieder.code")
    ]
    rijen.append(
        Indelingsrij(
            "aanbieder.volume",
            veld("aanbieder.volume").label,
            None,
            False,
            (),
            "optioneel; weegt mee in de band die de regio uit alle aanbieders bepaalt",
        )
    )
    staf = ("product.ratio.", "product.personeel.")
    product = [k for k in s.waarden if k.startswith("product.") and not k.startswith(staf)]
    rijen += [_kop("Groep en eenheid"), *(_rij(s, k) for k in product)]
    rijen.append(_kop("Personeel op de groep: aantallen per functie vervangen de ratio (laat de ratio dan staan)"))
    rijen += [_rij(s, k) for k in s.invoer if k.startswith("product.ratio.")]
    for f in s.structuur.functies:
        k = f"product.personeel.{f}"
        if k in s.waarden:
            rijen.append(_rij(s, k))
        else:
            rijen.append(Indelingsrij(k, veld(k).label_voor(k), None, False, (), "optioneel: vervangt de ratio"))
    for f in s.structuur.functies:
        rijen += list(_functie_rijen(s, params, z, f))
    rijen += [_kop("Opslagen"), *(_rij(s, k) for k in s.invoer if k.startswith("opslagen."))]
    werkgever = [k for k in s.waarden if k.startswith("werkgeverslasten.")]
    if werkgever:
        rijen += [_kop("Werkgeverslasten: premies en pensioen (bij werkgeverslasten = componenten)")]
        rijen += [_rij(s, k) for k in werkgever]
    return rijen


def indeling(s: Scenario) -> list[Indelingsrij]:
    """The rows of the input sheet of the template of the product ``s`` (completed on its date)."""
    params = s.parameters if isinstance(s.parameters, ParameterSet) else standaard_parameters()
    return _rijen(s, params, Zoeker(params, s.peildatum, s.tariefjaar, s.aannames))


def product_van(sjabloon: Sjabloon, params: ParameterSet | None) -> tuple[str, dt.date | None, int | None, str | None]:
    """The template's identity: its product (one of the catalogue), its date or tariff year and
    the assumption set it was prefilled at."""
    codes = producten(params)
    if sjabloon.product not in codes:
        verwacht = f"de productcode van het sjabloon, een van {', '.join(codes)}{bedoeld(sjabloon.product, codes)}"
        raise InvoerFout(
            [Probleem(f"{BLAD_META}!{META['product']} (product)", sjabloon.product, verwacht)], str(sjabloon.pad)
        )
    return sjabloon.product, sjabloon.peildatum, sjabloon.tariefjaar, sjabloon.aannames


# -- reading a filled template against its layout -------------------------------------------------


@dataclass(frozen=True)
class _Cel:
    sleutel: str
    waarde: Any
    cel: str


def _indeling_klopt(sjabloon: Sjabloon, verwacht: Sequence[Indelingsrij]) -> list[Probleem]:
    """Exactly the rows the template defines: each key where it was written, no row hidden, a
    section header without a value, nothing below the last row."""
    gelezen = {r.rij: r for r in sjabloon.rijen}
    laatste = EERSTE_RIJ + len(verwacht) - 1
    maak = f"maak een nieuw sjabloon met 'tarieven sjabloon {sjabloon.product} -o bestand.xlsx' en neem de cijfers over"
    for i, v in enumerate(verwacht):
        rij = EERSTE_RIJ + i
        g = gelezen.get(rij)
        sleutel = g.sleutel if g is not None and g.sleutel not in (None, "") else None
        if sleutel != (v.sleutel or None):
            wat = f"de sleutel {v.sleutel!r} ({v.label})" if v.sleutel else f"de kopregel {v.label!r} zonder sleutel"
            return [
                Probleem(
                    f"{BLAD_INVOER}!A{rij}",
                    sleutel if sleutel is not None else ...,
                    f"{wat} op deze rij, "
                    "zoals het sjabloon haar schreef: een rij is verwijderd, ingevoegd of verplaatst, of de "
                    f"verborgen sleutel is gewijzigd; {maak}",
                )
            ]
        if g is not None and g.verborgen:
            return [
                Probleem(
                    f"{BLAD_INVOER}!{rij}:{rij} ({v.label or v.sleutel})",
                    ...,
                    "een zichtbare rij; deze rij "
                    "is verborgen (een verborgen rij telt niet; maak haar zichtbaar of zet de waarde terug)",
                )
            ]
        if not v.sleutel and g is not None and g.waarde not in (None, ""):
            return [Probleem(g.cel, g.waarde, f"een lege cel: deze rij is de kopregel {v.label!r}")]
    for g in sjabloon.rijen:
        if g.rij > laatste and (g.gevuld or (g.verborgen and g.sleutel)):
            return [
                Probleem(
                    f"{BLAD_INVOER}!A{g.rij}",
                    g.sleutel if g.sleutel not in (None, "") else g.waarde,
                    f"niets onder de laatste rij van het sjabloon (rij {laatste}): een toegevoegde rij telt "
                    "niet; zet de waarde in de rij van haar invoer",
                )
            ]
    return []


_LETTERLIJK = re.compile(r'"[^"]*\d[^"]*"|\\\d|(?<![#0?.,%Ee+\-\\])[1-9]')


def _toont_ander_getal(opmaak: str) -> bool:
    """Whether a number format can show digits that are not the cell's number (``"0,85"``, ``\\8``)."""
    zonder = re.sub(r"\[[^\]]*\]", "", opmaak)  # colours, conditions and locales: no digits shown
    return bool(_LETTERLIJK.search(zonder))


def _gelijk(a: Any, b: Any) -> bool:
    """Whether a cell still holds the product's value (a step written as text, read as a number: the same)."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)
    return bool(a == b) or (isinstance(a, int) and str(a) == str(b))


def _waarde(c: _Cel, opmaak: str, problemen: list[Probleem]) -> Any:
    """The value of a cell as a scenario holds it; a formula, a date, a count that is no number, a
    number that is not finite or shown as another number is refused."""
    x = c.waarde
    if isinstance(x, str) and x.startswith("="):
        problemen.append(Probleem(c.cel, x, "een waarde, geen formule (een sjabloon wordt niet doorgerekend)"))
        return None
    if isinstance(x, (dt.date, dt.datetime, dt.time)):
        problemen.append(Probleem(c.cel, str(x), "een getal of tekst; de cel is als datum opgemaakt"))
        return None
    if isinstance(x, float) and not math.isfinite(x):
        problemen.append(Probleem(c.cel, x, "een eindig getal"))
        return None
    if isinstance(x, (int, float)) and not isinstance(x, bool) and _toont_ander_getal(opmaak):
        problemen.append(
            Probleem(
                c.cel,
                x,
                f"een getal met een gewone getalnotatie; de notatie van de cel "
                f"({opmaak!r}) toont een ander getal dan er staat",
            )
        )
        return None
    if isinstance(x, str):
        x = x.strip()
    if c.sleutel.endswith((".trede", ".schaal")) and not isinstance(x, bool):  # 9, 9.0 and '9' are scale 9
        if isinstance(x, int) or (isinstance(x, float) and x.is_integer()):
            return int(x)
        if isinstance(x, str) and re.fullmatch(r"\d+(\.0+)?", x):
            return int(float(x))
        return x  # anything else ('abc', 99.5) as typed: the catalogue names what it expects
    if c.sleutel.startswith("aanbieder.") and c.sleutel != "aanbieder.volume" and isinstance(x, (int, float)):
        return str(int(x)) if float(x).is_integer() else str(x)
    if c.sleutel.startswith("product.personeel.") and (isinstance(x, bool) or not isinstance(x, (int, float))):
        problemen.append(Probleem(c.cel, x, "een aantal medewerkers: een getal, bijvoorbeeld 1 (of laat de cel leeg)"))
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


def _bereik(cellen: Sequence[_Cel], prefix: str) -> str | None:
    gevonden = [c.cel.split(" ")[0] for c in cellen if c.sleutel.startswith(prefix)]
    if not gevonden:
        return None
    return gevonden[0] if len(gevonden) == 1 else f"{gevonden[0]}:{gevonden[-1].split('!')[1]}"


def _cellen(cellen: Sequence[_Cel]) -> dict[str, str]:
    uit = {c.sleutel: c.cel for c in cellen}
    mix, personeel = _bereik(cellen, "product.ratio.mix."), _bereik(cellen, "product.personeel.")
    if mix:
        uit["product.ratio.mix"] = f"{mix} (aandelen in de mix)"
    if personeel:
        uit["product.personeel"] = f"{personeel} (personeel per functie)"
        if ratio := _bereik(cellen, "product.ratio."):
            uit["product.personeel/product.ratio"] = f"{personeel} (personeel) en {ratio} (ratio)"
    return uit


def _leeg(x: Any) -> bool:
    return x is None or (isinstance(x, str) and not x.strip())


def lees_ingevuld(sjabloon: Sjabloon, verwacht: Sequence[Indelingsrij]) -> tuple[dict[str, Any], dict[str, str]]:
    """A filled template as scenario data, read against its layout (:func:`indeling` of its product
    on its date): the values the provider changed, and each key's cell for messages.

    Raises
    ------
    InvoerFout
        Naming the cell: a row deleted, added, moved or hidden, a changed hidden key, a
        formula, an emptied prefilled cell, a value that is no (finite) number where one
        belongs. The values are validated afterwards, by the one validator.
    """
    problemen = _indeling_klopt(sjabloon, verwacht)
    if problemen:
        raise InvoerFout(problemen, str(sjabloon.pad))
    rijen: dict[int, Rij] = {r.rij: r for r in sjabloon.rijen}
    cellen: list[_Cel] = []
    eigen: dict[str, Any] = {}
    for i, v in enumerate(verwacht):
        if not v.sleutel:
            continue
        g = rijen.get(EERSTE_RIJ + i)
        c = _Cel(v.sleutel, g.waarde if g else None, f"{BLAD_INVOER}!C{EERSTE_RIJ + i} ({v.label})")
        cellen.append(c)
        if _leeg(c.waarde):
            if v.verplicht:
                hint = " (vul 0 in als uw aanbod dit niet heeft)" if v.nul_mag else ""
                had = int(v.waarde) if isinstance(v.waarde, float) and v.waarde.is_integer() else v.waarde
                problemen.append(Probleem(c.cel, ..., f"een waarde; het sjabloon had {had!r}{hint}"))
            continue
        waarde = _waarde(c, g.opmaak if g else "General", problemen)
        if waarde is not None and not _gelijk(waarde, v.waarde):
            eigen[v.sleutel] = waarde
    if problemen:
        raise InvoerFout(problemen, str(sjabloon.pad))
    for tabel in ("product.personeel.", "product.ratio.mix."):  # replaced whole: a changed one brings the others
        if any(k.startswith(tabel) for k in eigen):
            eigen |= {
                c.sleutel: _waarde(c, "General", problemen)
                for c in cellen
                if c.sleutel.startswith(tabel) and not _leeg(c.waarde) and c.sleutel not in eigen
            }
    data: dict[str, Any] = {"basis": sjabloon.product, **_nest(eigen)}
    if sjabloon.tariefjaar is not None:
        data["tariefjaar"] = sjabloon.tariefjaar
    elif sjabloon.peildatum is not None:
        data["peildatum"] = sjabloon.peildatum.isoformat()
    if sjabloon.aannames is not None:  # the set the template was made with: unchanged values keep it
        data["aannames"] = sjabloon.aannames
    return data, _cellen(cellen)
