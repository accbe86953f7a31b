"""The breakdown: which core function computes which line, from which inputs.

Each :class:`RegelDefinitie` names one line of a result, its unit and description, the
core function that is its one definition (``personeel.jaarloon``) and the inputs and
earlier lines that function is called with. Everything else about a line is derived:

- its value: the function called on numbers or numpy arrays (:meth:`RegelDefinitie.reken`),
  so :func:`bereken` prices one scenario or a million in one pass;
- its formula in words, its formula over the names of this scenario, the names it reads
  and a spreadsheet formula: the function called on symbols (:mod:`tarieven.formule`).

The *structure* of a scenario (which functions exist, which are on the group, staff from
counts or a ratio, the overhead convention, a transport product, ...) fixes the list of
lines; the *values* may be arrays that broadcast against each other.

Where a new line goes: write its function in the core module of its step, then add one
``_regel(...)`` call in the section below that lists that step's lines.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import numpy as np

from tarieven import groep, opslagen, personeel, tarief, uren, vervoer
from tarieven.formule import EXCEL, EXPRESSIE, FORMULE, Getal, Naam, Uitdrukking, excel_naam, namen, volg

__all__ = [
    "EENHEDEN",
    "FUNCTIE_VELDEN",
    "STAPPEN",
    "RegelDefinitie",
    "Lijst",
    "Structuur",
    "Vast",
    "bereken",
    "regeldefinities",
]

FUNCTIE_VELDEN: tuple[str, ...] = (
    "maandsalaris",
    "vakantietoeslag",
    "eindejaarsuitkering",
    "werkgeverslasten",
    "overige_personeelskosten",
    "uren_per_week",
    "weken_per_jaar",
    "verlofuren",
    "verzuim",
    "scholingsuren",
    "productiviteit",
)
"""The numbers of one function (steps 1 and 2), all required."""

EENHEDEN: tuple[str, ...] = ("dagdeel", "sessie", "uur", "dag")
"""Billing units (eenheid) a product may have."""

STAPPEN: dict[str, str] = {
    "1": "Personeelskosten per fte per jaar",
    "2": "Productieve uren en kosten per productief uur",
    "3": "Eén eenheid van één groep",
    "4": "Opslagen: overhead en risico",
    "5": "Het tarief in andere eenheden",
    "6": "Sessieproducten: traject",
    "8": "Vervoer: categorie en bedrag per dag",
}
"""The steps of the method (``docs/methode.md``), by number, with their Dutch titles."""


@dataclass(frozen=True)
class Structuur:
    """What fixes the shape of the calculation; every number lives elsewhere.

    Attributes
    ----------
    functies
        All functions of the scenario, in order; each gets its ``uurkosten``.
    direct
        Functions on the group as direct staff (from counts or from the mix).
    uit_ratio
        Staff from a ratio "1 per k children" (True) or explicit counts (False).
    naar_boven
        With a ratio: round the total up to whole staff members.
    overhead_aandeel
        Overhead as a share of the integral cost price (True) or as a mark-up (False).
    eenheid
        The billing unit.
    extra, indirect, client, traject
        Functions with extra time per staff member, indirect time per group, client time
        per unit and client time per trajectory.
    sessies
        ``sessies_per_traject`` is given (tariff per trajectory).
    per_week
        ``eenheden_per_week`` and ``weken_per_jaar`` are given (tariff per week, year).
    componenten
        Functions whose employer charges are built from premiums and pension
        (``werkgeverslasten = "componenten"``) instead of one fraction.
    premies
        Names of the statutory premiums in ``werkgeverslasten.premies``.
    vakantietoeslag_minimum
        Functions with a monthly minimum holiday allowance.
    vervoersvorm
        For a transport product (42A03): the mode of transport; None for a group product.
    categorieen
        For a transport product: the categories with an amount, in order (1 to 5).
    """

    functies: tuple[str, ...] = ()
    direct: tuple[str, ...] = ()
    uit_ratio: bool = False
    naar_boven: bool = True
    overhead_aandeel: bool = True
    eenheid: str = "dagdeel"
    extra: tuple[str, ...] = ()
    indirect: tuple[str, ...] = ()
    client: tuple[str, ...] = ()
    traject: tuple[str, ...] = ()
    sessies: bool = False
    per_week: bool = False
    componenten: tuple[str, ...] = ()
    premies: tuple[str, ...] = ()
    vakantietoeslag_minimum: tuple[str, ...] = ()
    vervoersvorm: str | None = None
    categorieen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vast:
    """A structural argument of a core function (a convention, a mode): not a number, never
    a symbol; the formula is traced with it as it is."""

    waarde: Any


@dataclass(frozen=True)
class Lijst:
    """A list argument that is not per function (the premiums, the amounts per category):
    in the formula in words each element is named by the last part of its name."""

    namen: tuple[str, ...]


Argument = str | float | Vast | Lijst | tuple[str | float, ...]
"""How a line's function gets each argument: a dotted name (an input or an earlier line),
a numeric constant (0 for a time that is absent), a :class:`Vast` structural choice, a
:class:`Lijst`, or a tuple of names or constants for a per-function sequence (the line
sums over the functions: ``Σ_f`` in the formula in words)."""


def _symbool(a: str | float) -> Uitdrukking:
    return Naam(a) if isinstance(a, str) else Getal(float(a))


@dataclass(frozen=True)
class RegelDefinitie:
    """One line of the breakdown: its name, unit and meaning, and the function that computes it.

    Attributes
    ----------
    naam
        The line's name, dotted per function: ``uurkosten.mbo``.
    eenheid
        Unit of the value, e.g. ``EUR/jaar``, ``uur/jaar``, ``EUR``.
    omschrijving
        What the line is, in Dutch.
    label
        A short Dutch label for tables, the command line and plots.
    stap
        The step of the method (:data:`STAPPEN`).
    functie
        The core function: the one definition of the line.
    argumenten
        The function's arguments by parameter name (see :data:`Argument`).
    """

    naam: str
    eenheid: str
    omschrijving: str
    label: str
    stap: str
    functie: Callable[..., Any] = field(repr=False)
    argumenten: tuple[tuple[str, Argument], ...]

    def reken(self, waarden: Mapping[str, Any]) -> Any:
        """The line's value from the values of its inputs and earlier lines."""

        def waarde(a: Argument) -> Any:
            if isinstance(a, str):
                return waarden[a]
            if isinstance(a, Vast):
                return a.waarde
            if isinstance(a, Lijst):
                return [waarden[x] for x in a.namen]
            if isinstance(a, tuple):
                return [waarde(x) for x in a]
            return a

        uit = self.functie(**{k: waarde(a) for k, a in self.argumenten})
        return uit if isinstance(uit, np.ndarray) else np.float64(uit)

    @cached_property
    def boom(self) -> Uitdrukking:
        """The formula over this scenario's names, traced from the function."""

        def symbool(a: Argument) -> Any:
            if isinstance(a, Vast):
                return a.waarde
            if isinstance(a, Lijst):
                return [Naam(x) for x in a.namen]
            if isinstance(a, tuple):
                return [_symbool(x) for x in a]
            return _symbool(a)

        return volg(self.functie, {k: symbool(a) for k, a in self.argumenten})

    @cached_property
    def formule(self) -> str:
        """The formula in words, over the function's parameter names (``Σ_f`` for a sum
        over functions)."""
        args: dict[str, Any] = {}
        for k, a in self.argumenten:
            if isinstance(a, Vast):
                args[k] = a.waarde
            elif isinstance(a, Lijst):
                args[k] = [Naam(n.rsplit(".", 1)[-1]) for n in a.namen]
            else:
                args[k] = [Naam(k)] if isinstance(a, tuple) else Naam(k)
        tekst = volg(self.functie, args).tekst(FORMULE)
        return f"Σ_f {tekst}" if any(isinstance(a, tuple) for _, a in self.argumenten) else tekst

    @cached_property
    def expressie(self) -> str:
        """The formula over this scenario's dotted names, machine-readable."""
        return self.boom.tekst(EXPRESSIE)

    @cached_property
    def invoer(self) -> tuple[str, ...]:
        """The names (inputs and earlier lines) the line reads."""
        return namen(self.boom)

    def excel(self, naam: Callable[[str], str] = excel_naam) -> str:
        """A spreadsheet formula (with ``=``) over defined names, ``naam`` giving each name."""
        return "=" + self.boom.tekst(EXCEL, naam)

    def met_waarden(self, waarden: Mapping[str, Any], toon: Callable[[str, Any], str]) -> str:
        """The formula with the values filled in; ``toon(name, value)`` shows each value."""
        return self.boom.tekst(FORMULE, lambda n: toon(n, waarden[n]))


def _regel(
    naam: str, eenheid: str, omschrijving: str, label: str, stap: str, functie: Callable[..., Any], **args: Argument
) -> RegelDefinitie:
    onbekend = set(args) - set(inspect.signature(functie).parameters)
    if onbekend:  # a typo in a definition is a programming error, caught at import of the line
        raise TypeError(f"{functie.__name__} heeft geen parameter(s) {sorted(onbekend)}")
    return RegelDefinitie(naam, eenheid, omschrijving, label, stap, functie, tuple(args.items()))


# -- step 1 and 2: per function ---------------------------------------------------------


def _personeel(s: Structuur, f: str) -> Iterator[RegelDefinitie]:
    p = f"functies.{f}."
    yield _regel(
        f"bruto_jaarsalaris.{f}", "EUR/jaar", f"bruto jaarsalaris {f}", f"bruto jaarsalaris {f}", "1",
        personeel.bruto_jaarsalaris, maandsalaris=p + "maandsalaris",
    )  # fmt: skip
    if f in s.vakantietoeslag_minimum:
        yield _regel(
            f"jaarloon.{f}", "EUR/jaar", f"jaarloon {f} (met vakantietoeslag met minimum en eindejaarsuitkering)",
            f"jaarloon {f}", "1", personeel.jaarloon_met_minimum, bruto_jaarsalaris=f"bruto_jaarsalaris.{f}",
            vakantietoeslag=p + "vakantietoeslag", vakantietoeslag_minimum=p + "vakantietoeslag_minimum",
            eindejaarsuitkering=p + "eindejaarsuitkering",
        )  # fmt: skip
    else:
        yield _regel(
            f"jaarloon.{f}", "EUR/jaar", f"jaarloon {f} (met vakantietoeslag en eindejaarsuitkering)",
            f"jaarloon {f}", "1", personeel.jaarloon, bruto_jaarsalaris=f"bruto_jaarsalaris.{f}",
            vakantietoeslag=p + "vakantietoeslag", eindejaarsuitkering=p + "eindejaarsuitkering",
        )  # fmt: skip
    if f in s.componenten:
        wl = "werkgeverslasten."
        yield _regel(
            f"werkgeverslasten_bedrag.{f}", "EUR/jaar", f"werkgeverslasten {f} uit premies en pensioen",
            f"werkgeverslasten {f}", "1", personeel.werkgeverslasten_bedrag, jaarloon=f"jaarloon.{f}",
            premies=Lijst(tuple(f"{wl}premies.{q}" for q in s.premies)), maximum_premieloon=wl + "maximum_premieloon",
            pensioenpremie=wl + "pensioen.premie", premie_ap=wl + "pensioen.premie_ap",
            franchise=wl + "pensioen.franchise", franchise_ap=wl + "pensioen.franchise_ap",
            maximum_pensioengevend_salaris=wl + "pensioen.maximum_pensioengevend_salaris",
            werkgeversdeel=wl + "pensioen.werkgeversdeel",
        )  # fmt: skip
        yield _regel(
            f"werkgeverslasten.{f}", "1", f"werkgeverslasten {f} als fractie van het jaarloon (ter vergelijking)",
            f"werkgeverslasten {f} (fractie)", "1", personeel.werkgeverslasten_fractie,
            werkgeverslasten_bedrag=f"werkgeverslasten_bedrag.{f}", jaarloon=f"jaarloon.{f}",
        )  # fmt: skip
        yield _regel(
            f"loonkosten.{f}", "EUR/jaar", f"loonkosten {f} (met werkgeverslasten)", f"loonkosten {f}", "1",
            personeel.loonkosten_uit_bedrag, jaarloon=f"jaarloon.{f}",
            werkgeverslasten_bedrag=f"werkgeverslasten_bedrag.{f}",
        )  # fmt: skip
    else:
        yield _regel(
            f"loonkosten.{f}", "EUR/jaar", f"loonkosten {f} (met werkgeverslasten)", f"loonkosten {f}", "1",
            personeel.loonkosten, jaarloon=f"jaarloon.{f}", werkgeverslasten=p + "werkgeverslasten",
        )  # fmt: skip
    yield _regel(
        f"personeelskosten.{f}", "EUR/jaar", f"personeelskosten per fte {f}", f"personeelskosten {f}", "1",
        personeel.personeelskosten, loonkosten=f"loonkosten.{f}",
        overige_personeelskosten=p + "overige_personeelskosten",
    )  # fmt: skip


def _uren(f: str) -> Iterator[RegelDefinitie]:
    p = f"functies.{f}."
    yield _regel(
        f"contracturen.{f}", "uur/jaar", f"contracturen per fte {f}", f"contracturen {f}", "2",
        uren.contracturen, uren_per_week=p + "uren_per_week", weken_per_jaar=p + "weken_per_jaar",
    )  # fmt: skip
    yield _regel(
        f"beschikbare_uren.{f}", "uur/jaar", f"beschikbare uren {f} (na verlof, verzuim, scholing)",
        f"beschikbare uren {f}", "2", uren.beschikbare_uren, contracturen=f"contracturen.{f}",
        verlofuren=p + "verlofuren", verzuim=p + "verzuim", scholingsuren=p + "scholingsuren",
    )  # fmt: skip
    yield _regel(
        f"productieve_uren.{f}", "uur/jaar", f"productieve uren {f}", f"productieve uren {f}", "2",
        uren.productieve_uren, beschikbare_uren=f"beschikbare_uren.{f}", productiviteit=p + "productiviteit",
    )  # fmt: skip
    yield _regel(
        f"uurkosten.{f}", "EUR/uur", f"kosten per productief uur {f}", f"uurkosten {f}", "2",
        uren.uurkosten, personeelskosten=f"personeelskosten.{f}", productieve_uren=f"productieve_uren.{f}",
    )  # fmt: skip


# -- step 3: one unit of one group ------------------------------------------------------

_P = "product."
_G, _B = _P + "groepsgrootte", _P + "bezettingsgraad"


def _personeel_op_de_groep(s: Structuur) -> Iterator[RegelDefinitie]:
    if s.uit_ratio:
        yield _regel(
            "medewerkers_totaal", "1", "direct personeel op de groep uit de ratio", "medewerkers op de groep", "3",
            groep.medewerkers_uit_ratio, groepsgrootte=_G,
            kinderen_per_medewerker=_P + "ratio.kinderen_per_medewerker", naar_boven=Vast(s.naar_boven),
        )  # fmt: skip
        for f in s.direct:
            yield _regel(
                f"medewerkers.{f}", "1", f"direct personeel {f} (aandeel in de mix)", f"medewerkers {f}", "3",
                groep.medewerkers_uit_mix, medewerkers_totaal="medewerkers_totaal", aandeel=f"{_P}ratio.mix.{f}",
            )  # fmt: skip
    aantal = tuple(f"medewerkers.{f}" if s.uit_ratio else f"{_P}personeel.{f}" for f in s.direct)
    yield _regel(
        "personeel_direct", "EUR", "direct personeel per eenheid voor de groep", "direct personeel", "3",
        groep.personeel_direct, aantal=aantal, duur_uur=_P + "duur_uur",
        extra_uur=tuple(f"{_P}extra_uur.{f}" if f in s.extra else 0.0 for f in s.direct),
        uurkosten=tuple(f"uurkosten.{f}" for f in s.direct),
    )  # fmt: skip
    yield _regel(
        "personeel_indirect", "EUR", "indirect personeel per eenheid voor de groep", "indirect personeel", "3",
        groep.personeel_indirect, indirect_uur=tuple(f"{_P}indirect_uur.{f}" for f in s.indirect),
        uurkosten=tuple(f"uurkosten.{f}" for f in s.indirect),
    )  # fmt: skip


def _groep(s: Structuur) -> Iterator[RegelDefinitie]:
    yield from _personeel_op_de_groep(s)
    yield _regel(
        "huisvesting_eenheid", "EUR", "huisvesting per eenheid", "huisvesting", "3", groep.huisvesting_eenheid,
        huisvesting_jaar=_P + "huisvesting_jaar", eenheden_per_jaar=_P + "eenheden_per_jaar",
    )  # fmt: skip
    yield _regel(
        "materieel", "EUR", "materieel en activiteiten per eenheid voor de aanwezige cliënten",
        "materieel en activiteiten", "3", groep.materieel, materieel_per_client=_P + "materieel_per_client",
        groepsgrootte=_G, bezettingsgraad=_B,
    )  # fmt: skip
    yield _regel(
        "groepskosten", "EUR", "kosten van één eenheid voor de hele groep", "groepskosten", "3", groep.groepskosten,
        personeel_direct="personeel_direct", personeel_indirect="personeel_indirect",
        huisvesting_eenheid="huisvesting_eenheid", materieel="materieel",
    )  # fmt: skip
    for f in s.traject:
        yield _regel(
            f"client_uur_traject.{f}", "uur", f"cliëntgebonden tijd {f} per sessie uit het traject",
            f"cliënttijd {f} per sessie", "3", groep.client_uur_uit_traject,
            client_uur_per_traject=f"{_P}client_uur_per_traject.{f}", sessies_per_traject=_P + "sessies_per_traject",
        )  # fmt: skip
    client = [(f"{_P}client_uur.{f}", f) for f in s.client] + [(f"client_uur_traject.{f}", f) for f in s.traject]
    yield _regel(
        "clientkosten", "EUR", "cliëntgebonden personeel per cliënt per eenheid", "cliëntgebonden tijd", "3",
        groep.clientkosten, client_uur=tuple(c for c, _ in client),
        uurkosten=tuple(f"uurkosten.{f}" for _, f in client),
    )  # fmt: skip


# -- step 4: surcharges, and the tariff per client built up part by part --------------

_OP = "opslagen."


def _opslagen(s: Structuur) -> Iterator[RegelDefinitie]:
    yield _regel(
        "kostprijs_per_client", "EUR", "kostprijs per gedeclareerde cliënt per eenheid", "kostprijs per cliënt", "4",
        opslagen.kostprijs_per_client, groepskosten="groepskosten", groepsgrootte=_G, bezettingsgraad=_B,
        clientkosten="clientkosten",
    )  # fmt: skip
    conventie = "als aandeel van de integrale kostprijs" if s.overhead_aandeel else "als opslag op de kostprijs"
    yield _regel(
        "met_overhead", "EUR", f"kostprijs met overhead (overhead {conventie})", "kostprijs met overhead", "4",
        opslagen.met_overhead, kostprijs="kostprijs_per_client", overhead=_OP + "overhead",
        aandeel_integrale_kostprijs=Vast(s.overhead_aandeel),
    )  # fmt: skip
    yield _regel(
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
        yield _regel(
            f"opbouw.{deel}", "EUR", f"{label} per cliënt (deel van het tarief, vóór opslagen)", label, "4",
            opslagen.per_client, bedrag=deel, groepsgrootte=_G, bezettingsgraad=_B,
        )  # fmt: skip
    yield _regel(
        "opbouw.clientkosten", "EUR", "cliëntgebonden personeel per cliënt (deel van het tarief)",
        "cliëntgebonden tijd", "4", opslagen.clientdeel, clientkosten="clientkosten",
    )  # fmt: skip
    yield _regel(
        "opbouw.overhead", "EUR", "overhead per cliënt (deel van het tarief)", "overhead", "4", opslagen.opslag,
        met="met_overhead", zonder="kostprijs_per_client",
    )  # fmt: skip
    yield _regel(
        "opbouw.risico", "EUR", "risico-opslag per cliënt (deel van het tarief)", "risico-opslag", "4",
        opslagen.opslag, met="tarief_per_client", zonder="met_overhead",
    )  # fmt: skip


# -- steps 5 and 6: the tariff in other units ----------------------------------------


def _andere_eenheden(s: Structuur) -> Iterator[RegelDefinitie]:
    t = "tarief_per_client"
    yield _regel(
        "tarief_per_uur", "EUR/uur", "tarief per cliënt per uur", "per uur", "5", tarief.per_uur,
        tarief=t, duur_uur=_P + "duur_uur",
    )  # fmt: skip
    yield _regel(
        "tarief_per_minuut", "EUR/minuut", "tarief per cliënt per minuut", "per minuut", "5", tarief.per_minuut,
        tarief=t, duur_uur=_P + "duur_uur",
    )  # fmt: skip
    if s.per_week:
        yield _regel(
            "tarief_per_week", "EUR/week", "tarief per cliënt per week bij de geplande eenheden", "per week", "5",
            tarief.per_week, tarief=t, eenheden_per_week=_P + "eenheden_per_week",
        )  # fmt: skip
        yield _regel(
            "tarief_per_jaar", "EUR/jaar", "tarief per cliënt per jaar bij de geplande weken", "per jaar", "5",
            tarief.per_jaar, tarief_per_week="tarief_per_week", weken_per_jaar=_P + "weken_per_jaar",
        )  # fmt: skip
    if s.sessies:
        yield _regel(
            "tarief_per_traject", "EUR", "tarief per cliënt per traject", "per traject", "6", tarief.per_traject,
            tarief=t, sessies_per_traject=_P + "sessies_per_traject",
        )  # fmt: skip


# -- transport (42A03) -------------------------------------------------------------------


def _vervoer(s: Structuur) -> Iterator[RegelDefinitie]:
    assert s.vervoersvorm is not None
    yield _regel(
        "vervoerscategorie", "1", f"vervoerscategorie uit de enkele-reisafstand ({s.vervoersvorm})",
        "vervoerscategorie", "8", vervoer.categorie, afstand_km=_P + "afstand_km", vorm=Vast(s.vervoersvorm),
    )  # fmt: skip
    yield _regel(
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
