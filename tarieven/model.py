"""The breakdown: which core function computes which line, from which inputs.

The lines of a scenario's structure, step by step, each one :func:`~tarieven.regeldefinitie.regel`
call naming the line, its unit and description, the core function that is its one
definition and the inputs and earlier lines it reads. :func:`regeldefinities` lists them for
a structure; :func:`bereken` walks that list once over plain floats or numpy arrays, so one
call prices one scenario or a million.

Where a new line goes: write its function in the core module of its step, then add one
``regel(...)`` call in the section below that lists that step's lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from tarieven import groep, opslagen, personeel, tarief, uren, vervoer
from tarieven.regeldefinitie import STAPPEN, Lijst, RegelDefinitie, Structuur, Vast, regel, verwijzing

__all__ = [
    "ALLE_STRUCTUREN",
    "STAPPEN",
    "RegelDefinitie",
    "Structuur",
    "benodigd",
    "bereken",
    "regeldefinities",
    "verwijzing",
]


# -- step 1 and 2: per function ---------------------------------------------------------


def _personeel(s: Structuur, f: str) -> Iterator[RegelDefinitie]:
    p = f"functies.{f}."
    yield regel(
        f"bruto_jaarsalaris.{f}", "EUR/jaar", f"bruto jaarsalaris {f}", f"bruto jaarsalaris {f}", "1",
        personeel.bruto_jaarsalaris, maandsalaris=p + "maandsalaris",
    )  # fmt: skip
    if f in s.vakantietoeslag_minimum:
        yield regel(
            f"jaarloon.{f}", "EUR/jaar", f"jaarloon {f} (met vakantietoeslag met minimum en eindejaarsuitkering)",
            f"jaarloon {f}", "1", personeel.jaarloon_met_minimum, bruto_jaarsalaris=f"bruto_jaarsalaris.{f}",
            vakantietoeslag=p + "vakantietoeslag", vakantietoeslag_minimum=p + "vakantietoeslag_minimum",
            eindejaarsuitkering=p + "eindejaarsuitkering",
        )  # fmt: skip
    else:
        yield regel(
            f"jaarloon.{f}", "EUR/jaar", f"jaarloon {f} (met vakantietoeslag en eindejaarsuitkering)",
            f"jaarloon {f}", "1", personeel.jaarloon, bruto_jaarsalaris=f"bruto_jaarsalaris.{f}",
            vakantietoeslag=p + "vakantietoeslag", eindejaarsuitkering=p + "eindejaarsuitkering",
        )  # fmt: skip
    if f in s.componenten:
        wl = "werkgeverslasten."
        yield regel(
            f"werkgeverslasten_bedrag.{f}", "EUR/jaar", f"werkgeverslasten {f} uit premies en pensioen",
            f"werkgeverslasten {f}", "1", personeel.werkgeverslasten_bedrag, jaarloon=f"jaarloon.{f}",
            premies=Lijst(tuple(f"{wl}premies.{q}" for q in s.premies)), maximum_premieloon=wl + "maximum_premieloon",
            pensioenpremie=wl + "pensioen.premie", premie_ap=wl + "pensioen.premie_ap",
            franchise=wl + "pensioen.franchise", franchise_ap=wl + "pensioen.franchise_ap",
            maximum_pensioengevend_salaris=wl + "pensioen.maximum_pensioengevend_salaris",
            werkgeversdeel=wl + "pensioen.werkgeversdeel",
        )  # fmt: skip
        yield regel(
            f"werkgeverslasten.{f}", "1", f"werkgeverslasten {f} als fractie van het jaarloon (ter vergelijking)",
            f"werkgeverslasten {f} (fractie)", "1", personeel.werkgeverslasten_fractie,
            werkgeverslasten_bedrag=f"werkgeverslasten_bedrag.{f}", jaarloon=f"jaarloon.{f}",
        )  # fmt: skip
        yield regel(
            f"loonkosten.{f}", "EUR/jaar", f"loonkosten {f} (met werkgeverslasten)", f"loonkosten {f}", "1",
            personeel.loonkosten_uit_bedrag, jaarloon=f"jaarloon.{f}",
            werkgeverslasten_bedrag=f"werkgeverslasten_bedrag.{f}",
        )  # fmt: skip
    else:
        yield regel(
            f"loonkosten.{f}", "EUR/jaar", f"loonkosten {f} (met werkgeverslasten)", f"loonkosten {f}", "1",
            personeel.loonkosten, jaarloon=f"jaarloon.{f}", werkgeverslasten=p + "werkgeverslasten",
        )  # fmt: skip
    yield regel(
        f"personeelskosten.{f}", "EUR/jaar", f"personeelskosten per fte {f}", f"personeelskosten {f}", "1",
        personeel.personeelskosten, loonkosten=f"loonkosten.{f}",
        overige_personeelskosten=p + "overige_personeelskosten",
    )  # fmt: skip


def _uren(f: str) -> Iterator[RegelDefinitie]:
    p = f"functies.{f}."
    yield regel(
        f"contracturen.{f}", "uur/jaar", f"contracturen per fte {f}", f"contracturen {f}", "2",
        uren.contracturen, uren_per_week=p + "uren_per_week", weken_per_jaar=p + "weken_per_jaar",
    )  # fmt: skip
    yield regel(
        f"beschikbare_uren.{f}", "uur/jaar", f"beschikbare uren {f} (na verlof, verzuim, scholing)",
        f"beschikbare uren {f}", "2", uren.beschikbare_uren, contracturen=f"contracturen.{f}",
        verlofuren=p + "verlofuren", verzuim=p + "verzuim", scholingsuren=p + "scholingsuren",
    )  # fmt: skip
    yield regel(
        f"productieve_uren.{f}", "uur/jaar", f"productieve uren {f}", f"productieve uren {f}", "2",
        uren.productieve_uren, beschikbare_uren=f"beschikbare_uren.{f}", productiviteit=p + "productiviteit",
    )  # fmt: skip
    yield regel(
        f"uurkosten.{f}", "EUR/uur", f"kosten per productief uur {f}", f"uurkosten {f}", "2",
        uren.uurkosten, personeelskosten=f"personeelskosten.{f}", productieve_uren=f"productieve_uren.{f}",
    )  # fmt: skip


# -- step 3: one unit of one group ------------------------------------------------------

_P = "product."
_G, _B = _P + "groepsgrootte", _P + "bezettingsgraad"


def _personeel_op_de_groep(s: Structuur) -> Iterator[RegelDefinitie]:
    if s.uit_ratio:
        yield regel(
            "medewerkers_totaal", "1", "direct personeel op de groep uit de ratio", "medewerkers op de groep", "3",
            groep.medewerkers_uit_ratio, groepsgrootte=_G,
            kinderen_per_medewerker=_P + "ratio.kinderen_per_medewerker", naar_boven=Vast(s.naar_boven),
        )  # fmt: skip
        for f in s.direct:
            yield regel(
                f"medewerkers.{f}", "1", f"direct personeel {f} (aandeel in de mix)", f"medewerkers {f}", "3",
                groep.medewerkers_uit_mix, medewerkers_totaal="medewerkers_totaal", aandeel=f"{_P}ratio.mix.{f}",
            )  # fmt: skip
    aantal = tuple(f"medewerkers.{f}" if s.uit_ratio else f"{_P}personeel.{f}" for f in s.direct)
    yield regel(
        "personeel_direct", "EUR", "direct personeel per eenheid voor de groep", "direct personeel", "3",
        groep.personeel_direct, aantal=aantal, duur_uur=_P + "duur_uur",
        extra_uur=tuple(f"{_P}extra_uur.{f}" if f in s.extra else 0.0 for f in s.direct),
        uurkosten=tuple(f"uurkosten.{f}" for f in s.direct),
    )  # fmt: skip
    yield regel(
        "personeel_indirect", "EUR", "indirect personeel per eenheid voor de groep", "indirect personeel", "3",
        groep.personeel_indirect, indirect_uur=tuple(f"{_P}indirect_uur.{f}" for f in s.indirect),
        uurkosten=tuple(f"uurkosten.{f}" for f in s.indirect),
    )  # fmt: skip


def _groep(s: Structuur) -> Iterator[RegelDefinitie]:
    yield from _personeel_op_de_groep(s)
    yield regel(
        "huisvesting_eenheid", "EUR", "huisvesting per eenheid", "huisvesting", "3", groep.huisvesting_eenheid,
        huisvesting_jaar=_P + "huisvesting_jaar", eenheden_per_jaar=_P + "eenheden_per_jaar",
    )  # fmt: skip
    yield regel(
        "materieel", "EUR", "materieel en activiteiten per eenheid voor de aanwezige cliënten",
        "materieel en activiteiten", "3", groep.materieel, materieel_per_client=_P + "materieel_per_client",
        groepsgrootte=_G, bezettingsgraad=_B,
    )  # fmt: skip
    yield regel(
        "groepskosten", "EUR", "kosten van één eenheid voor de hele groep", "groepskosten", "3", groep.groepskosten,
        personeel_direct="personeel_direct", personeel_indirect="personeel_indirect",
        huisvesting_eenheid="huisvesting_eenheid", materieel="materieel",
    )  # fmt: skip
    for f in s.traject:
        yield regel(
            f"client_uur_traject.{f}", "uur", f"cliëntgebonden tijd {f} per sessie uit het traject",
            f"cliënttijd {f} per sessie", "3", groep.client_uur_uit_traject,
            client_uur_per_traject=f"{_P}client_uur_per_traject.{f}", sessies_per_traject=_P + "sessies_per_traject",
        )  # fmt: skip
    client = [(f"{_P}client_uur.{f}", f) for f in s.client] + [(f"client_uur_traject.{f}", f) for f in s.traject]
    yield regel(
        "clientkosten", "EUR", "cliëntgebonden personeel per cliënt per eenheid", "cliëntgebonden tijd", "3",
        groep.clientkosten, client_uur=tuple(c for c, _ in client),
        uurkosten=tuple(f"uurkosten.{f}" for _, f in client),
    )  # fmt: skip


# -- step 4: surcharges, and the tariff per client built up part by part --------------

_OP = "opslagen."


def _opslagen(s: Structuur) -> Iterator[RegelDefinitie]:
    yield regel(
        "kostprijs_per_client", "EUR", "kostprijs per gedeclareerde cliënt per eenheid", "kostprijs per cliënt", "4",
        opslagen.kostprijs_per_client, groepskosten="groepskosten", groepsgrootte=_G, bezettingsgraad=_B,
        clientkosten="clientkosten",
    )  # fmt: skip
    conventie = "als aandeel van de integrale kostprijs" if s.overhead_aandeel else "als opslag op de kostprijs"
    yield regel(
        "met_overhead", "EUR", f"kostprijs met overhead (overhead {conventie})", "kostprijs met overhead", "4",
        opslagen.met_overhead, kostprijs="kostprijs_per_client", overhead=_OP + "overhead",
        aandeel_integrale_kostprijs=Vast(s.overhead_aandeel),
    )  # fmt: skip
    yield regel(
        "tarief_per_client", "EUR", f"tarief per cliënt per {s.eenheid}", "tarief per cliënt", "4", opslagen.tarief,
        met_overhead="met_overhead", risico_opslag=_OP + "risico_opslag",
    )  # fmt: skip


_OPBOUW_GROEP = (
    ("personeel_direct", "direct personeel"),
    ("personeel_indirect", "indirect personeel"),
    ("huisvesting_eenheid", "huisvesting"),
    ("materieel", "materieel en activiteiten"),
)


def _opbouw() -> Iterator[RegelDefinitie]:
    for deel, label in _OPBOUW_GROEP:
        yield regel(
            f"opbouw.{deel}", "EUR", f"{label} per cliënt (deel van het tarief, vóór opslagen)", label, "4",
            opslagen.per_client, bedrag=deel, groepsgrootte=_G, bezettingsgraad=_B,
        )  # fmt: skip
    yield regel(
        "opbouw.clientkosten", "EUR", "cliëntgebonden personeel per cliënt (deel van het tarief)",
        "cliëntgebonden tijd", "4", opslagen.clientdeel, clientkosten="clientkosten",
    )  # fmt: skip
    yield regel(
        "opbouw.overhead", "EUR", "overhead per cliënt (deel van het tarief)", "overhead", "4", opslagen.opslag,
        met="met_overhead", zonder="kostprijs_per_client",
    )  # fmt: skip
    yield regel(
        "opbouw.risico", "EUR", "risico-opslag per cliënt (deel van het tarief)", "risico-opslag", "4",
        opslagen.opslag, met="tarief_per_client", zonder="met_overhead",
    )  # fmt: skip


# -- steps 5 and 6: the tariff in other units ----------------------------------------


def _andere_eenheden(s: Structuur) -> Iterator[RegelDefinitie]:
    t = "tarief_per_client"
    yield regel(
        "tarief_per_uur", "EUR/uur", "tarief per cliënt per uur", "per uur", "5", tarief.per_uur,
        tarief=t, duur_uur=_P + "duur_uur",
    )  # fmt: skip
    yield regel(
        "tarief_per_minuut", "EUR/minuut", "tarief per cliënt per minuut", "per minuut", "5", tarief.per_minuut,
        tarief=t, duur_uur=_P + "duur_uur",
    )  # fmt: skip
    if s.per_week:
        yield regel(
            "tarief_per_week", "EUR/week", "tarief per cliënt per week bij de geplande eenheden", "per week", "5",
            tarief.per_week, tarief=t, eenheden_per_week=_P + "eenheden_per_week",
        )  # fmt: skip
        yield regel(
            "tarief_per_jaar", "EUR/jaar", "tarief per cliënt per jaar bij de geplande weken", "per jaar", "5",
            tarief.per_jaar, tarief_per_week="tarief_per_week", weken_per_jaar=_P + "weken_per_jaar",
        )  # fmt: skip
    if s.sessies:
        yield regel(
            "tarief_per_traject", "EUR", "tarief per cliënt per traject", "per traject", "6", tarief.per_traject,
            tarief=t, sessies_per_traject=_P + "sessies_per_traject",
        )  # fmt: skip


# -- transport (42A03) -------------------------------------------------------------------


def _vervoer(s: Structuur) -> Iterator[RegelDefinitie]:
    assert s.vervoersvorm is not None
    yield regel(
        "vervoerscategorie", "1", f"vervoerscategorie uit de enkele-reisafstand ({s.vervoersvorm})",
        "vervoerscategorie", "8", vervoer.categorie, afstand_km=_P + "afstand_km", vorm=Vast(s.vervoersvorm),
    )  # fmt: skip
    yield regel(
        "tarief_per_client", "EUR", f"tarief per cliënt per {s.eenheid} (bedrag van de categorie)",
        "tarief per cliënt", "8", vervoer.tarief_per_dag, categorie="vervoerscategorie",
        bedragen=Lijst(tuple(f"{_P}bedrag.{c}" for c in s.categorieen)),
    )  # fmt: skip


@lru_cache(maxsize=256)
def regeldefinities(s: Structuur) -> tuple[RegelDefinitie, ...]:
    """The ordered breakdown lines for a scenario structure."""
    if s.vervoersvorm is not None:
        return tuple(_vervoer(s))
    regels: list[RegelDefinitie] = []
    for f in s.functies:
        regels += [*_personeel(s, f), *_uren(f)]
    regels += [*_groep(s), *_opslagen(s), *_andere_eenheden(s), *_opbouw()]
    return tuple(regels)


ALLE_STRUCTUREN = (
    Structuur(
        functies=("f",), direct=("f",), uit_ratio=True, extra=("f",), indirect=("f",), client=("f",),
        traject=("f",), sessies=True, per_week=True, componenten=("f",), premies=("p",),
        vakantietoeslag_minimum=("f",),
    ),
    Structuur(functies=("f",), direct=("f",), extra=("f",), indirect=("f",)),
    Structuur(eenheid="dag", vervoersvorm="groep", categorieen=("categorie_1",)),
)  # fmt: skip
"""Structures (one function ``f``) that together have every line the model can produce: for what
lists all lines, such as the result schema and the method's coverage check."""


def benodigd(definities: tuple[RegelDefinitie, ...], namen: Iterable[str]) -> tuple[RegelDefinitie, ...]:
    """The lines needed for ``namen``: those lines and every earlier line they rest on, in order.

    A grid of the tariff alone then skips the build-up and the tariff in other units.
    """
    per_naam = {d.naam: d for d in definities}
    nodig: set[str] = set()
    stapel = [n for n in namen if n in per_naam]
    while stapel:
        naam = stapel.pop()
        if naam not in nodig:
            nodig.add(naam)
            stapel += [n for n in per_naam[naam].invoer if n in per_naam]
    return tuple(d for d in definities if d.naam in nodig)


def bereken(
    s: Structuur, waarden: Mapping[str, Any], definities: tuple[RegelDefinitie, ...] | None = None
) -> dict[str, Any]:
    """Compute every breakdown line.

    Parameters
    ----------
    s
        The scenario structure.
    waarden
        Dotted input names (``functies.mbo.maandsalaris``, ``product.groepsgrootte``...)
        to floats or arrays in the documented units; arrays broadcast.
    definities
        The lines to compute (default: :func:`regeldefinities` of ``s``).

    Returns
    -------
    dict
        Line name to value (float64 array or numpy scalar).
    """
    w: dict[str, Any] = dict(waarden)
    uit: dict[str, Any] = {}
    for d in definities if definities is not None else regeldefinities(s):
        w[d.naam] = uit[d.naam] = d.reken(w)
    return uit
