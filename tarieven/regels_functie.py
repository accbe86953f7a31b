"""The lines of steps 1 and 2, per function: from a monthly salary to the cost of a productive hour.

Each :func:`~tarieven.regeldefinitie.regel` call names one line, its unit, its description, the
step of the method and the cost elements it prices, the core function that is its one
definition and the inputs and earlier lines it reads. :func:`regels_per_functie` lists them for
one function; :mod:`tarieven.model` puts the steps together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from tarieven import personeel, uren
from tarieven.regeldefinitie import Lijst, RegelDefinitie, Structuur, regel

__all__ = ["regels_per_functie"]

_BEROEPSKRACHT = ("beroepskracht",)
_NIET_PRODUCTIEF = ("beroepskracht", "niet_productieve_uren")


def _jaarloon(s: Structuur, f: str) -> RegelDefinitie:
    p = f"functies.{f}."
    argumenten = {
        "bruto_jaarsalaris": f"bruto_jaarsalaris.{f}",
        "vakantietoeslag": p + "vakantietoeslag",
        "eindejaarsuitkering": p + "eindejaarsuitkering",
    }
    functie: Callable[..., Any] = personeel.jaarloon
    toeslag = "vakantietoeslag"
    if f in s.vakantietoeslag_minimum:
        functie = personeel.jaarloon_met_minimum
        argumenten["vakantietoeslag_minimum"] = p + "vakantietoeslag_minimum"
        toeslag = "vakantietoeslag met minimum"
    return regel(
        f"jaarloon.{f}",
        eenheid="EUR/jaar",
        omschrijving=f"jaarloon {f} (met {toeslag} en eindejaarsuitkering)",
        label=f"jaarloon {f}",
        stap="1",
        elementen=_BEROEPSKRACHT,
        functie=functie,
        argumenten=argumenten,
    )


def _werkgeverslasten(s: Structuur, f: str) -> Iterator[RegelDefinitie]:
    wl, pensioen = "werkgeverslasten.", "werkgeverslasten.pensioen."
    yield regel(
        f"werkgeverslasten_bedrag.{f}",
        eenheid="EUR/jaar",
        omschrijving=f"werkgeverslasten {f} uit premies en pensioen",
        label=f"werkgeverslasten {f}",
        stap="1",
        elementen=_BEROEPSKRACHT,
        functie=personeel.werkgeverslasten_bedrag,
        argumenten={
            "jaarloon": f"jaarloon.{f}",
            "premies": Lijst(tuple(f"{wl}premies.{q}" for q in s.premies)),
            "maximum_premieloon": wl + "maximum_premieloon",
            "pensioenpremie": pensioen + "premie",
            "premie_ap": pensioen + "premie_ap",
            "franchise": pensioen + "franchise",
            "franchise_ap": pensioen + "franchise_ap",
            "maximum_pensioengevend_salaris": pensioen + "maximum_pensioengevend_salaris",
            "werkgeversdeel": pensioen + "werkgeversdeel",
        },
    )
    yield regel(
        f"werkgeverslasten.{f}",
        eenheid="1",
        omschrijving=f"werkgeverslasten {f} als fractie van het jaarloon (ter vergelijking)",
        label=f"werkgeverslasten {f} (fractie)",
        stap="1",
        elementen=_BEROEPSKRACHT,
        functie=personeel.werkgeverslasten_fractie,
        argumenten={"werkgeverslasten_bedrag": f"werkgeverslasten_bedrag.{f}", "jaarloon": f"jaarloon.{f}"},
    )


def _loonkosten(s: Structuur, f: str) -> RegelDefinitie:
    functie: Callable[..., Any]
    if f in s.componenten:
        functie = personeel.loonkosten_uit_bedrag
        argumenten = {"jaarloon": f"jaarloon.{f}", "werkgeverslasten_bedrag": f"werkgeverslasten_bedrag.{f}"}
    else:
        functie = personeel.loonkosten
        argumenten = {"jaarloon": f"jaarloon.{f}", "werkgeverslasten": f"functies.{f}.werkgeverslasten"}
    return regel(
        f"loonkosten.{f}",
        eenheid="EUR/jaar",
        omschrijving=f"loonkosten {f} (met werkgeverslasten)",
        label=f"loonkosten {f}",
        stap="1",
        elementen=_BEROEPSKRACHT,
        functie=functie,
        argumenten=argumenten,
    )


def _personeel(s: Structuur, f: str) -> Iterator[RegelDefinitie]:
    yield regel(
        f"bruto_jaarsalaris.{f}",
        eenheid="EUR/jaar",
        omschrijving=f"bruto jaarsalaris {f}",
        label=f"bruto jaarsalaris {f}",
        stap="1",
        elementen=_BEROEPSKRACHT,
        functie=personeel.bruto_jaarsalaris,
        argumenten={"maandsalaris": f"functies.{f}.maandsalaris"},
    )
    yield _jaarloon(s, f)
    if f in s.componenten:
        yield from _werkgeverslasten(s, f)
    yield _loonkosten(s, f)
    yield regel(
        f"personeelskosten.{f}",
        eenheid="EUR/jaar",
        omschrijving=f"personeelskosten per fte {f}",
        label=f"personeelskosten {f}",
        stap="1",
        elementen=("beroepskracht", "reis_en_opleiding"),
        functie=personeel.personeelskosten,
        argumenten={
            "loonkosten": f"loonkosten.{f}",
            "overige_personeelskosten": f"functies.{f}.overige_personeelskosten",
        },
    )


def _uren(f: str) -> Iterator[RegelDefinitie]:
    p = f"functies.{f}."
    yield regel(
        f"contracturen.{f}",
        eenheid="uur/jaar",
        omschrijving=f"contracturen per fte {f}",
        label=f"contracturen {f}",
        stap="2",
        elementen=_BEROEPSKRACHT,
        functie=uren.contracturen,
        argumenten={"uren_per_week": p + "uren_per_week", "weken_per_jaar": p + "weken_per_jaar"},
    )
    yield regel(
        f"beschikbare_uren.{f}",
        eenheid="uur/jaar",
        omschrijving=f"beschikbare uren {f} (na verlof, verzuim, scholing)",
        label=f"beschikbare uren {f}",
        stap="2",
        elementen=_NIET_PRODUCTIEF,
        functie=uren.beschikbare_uren,
        argumenten={
            "contracturen": f"contracturen.{f}",
            "verlofuren": p + "verlofuren",
            "verzuim": p + "verzuim",
            "scholingsuren": p + "scholingsuren",
        },
    )
    yield regel(
        f"productieve_uren.{f}",
        eenheid="uur/jaar",
        omschrijving=f"productieve uren {f}",
        label=f"productieve uren {f}",
        stap="2",
        elementen=_NIET_PRODUCTIEF,
        functie=uren.productieve_uren,
        argumenten={"beschikbare_uren": f"beschikbare_uren.{f}", "productiviteit": p + "productiviteit"},
    )
    yield regel(
        f"uurkosten.{f}",
        eenheid="EUR/uur",
        omschrijving=f"kosten per productief uur {f}",
        label=f"uurkosten {f}",
        stap="2",
        elementen=_NIET_PRODUCTIEF,
        functie=uren.uurkosten,
        argumenten={"personeelskosten": f"personeelskosten.{f}", "productieve_uren": f"productieve_uren.{f}"},
    )


def regels_per_functie(s: Structuur, f: str) -> Iterator[RegelDefinitie]:
    """The lines of function ``f``: its staff costs per fte (step 1), then its hours and the cost
    of a productive hour (step 2)."""
    yield from _personeel(s, f)
    yield from _uren(f)
