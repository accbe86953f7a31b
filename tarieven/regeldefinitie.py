"""How a breakdown line is defined: a core function, its arguments, and what follows from them.

A :class:`RegelDefinitie` names one line of a result, its unit and description, the core
function that is its one definition (``personeel.jaarloon``) and the inputs and earlier
lines it is called with. Its value is that function on numbers or arrays
(:meth:`RegelDefinitie.reken`); its formula in words, its formula over the names of a
scenario, the names it reads and a spreadsheet formula are the same function traced with
symbols (:mod:`tarieven.formule`). The lines themselves are listed in :mod:`tarieven.regels_functie`
and :mod:`tarieven.regels_groep`, put in order by :mod:`tarieven.model`.
"""

from __future__ import annotations

import inspect
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from tarieven.formule import EXCEL, EXPRESSIE, FORMULE, Getal, Naam, Uitdrukking, excel_naam, namen, volg

__all__ = [
    "ELEMENTEN",
    "KOPPEN",
    "METHODE",
    "STAPPEN",
    "Argument",
    "Element",
    "Lijst",
    "RegelDefinitie",
    "Structuur",
    "Vast",
    "anker",
    "regel",
    "verwijzing",
    "woordnaam",
]

METHODE = "docs/methode.md"
"""The document that describes the method, in the project; explanations refer to its sections."""

KOPPEN: dict[str, str] = {
    "1": "Stap 1: Personeelskosten per fte per jaar",
    "2": "Stap 2: Productieve uren en kosten per productief uur",
    "3": "Stap 3: De kosten van een eenheid voor de groep",
    "4": "Stap 4: Opslagen voor overhead en risico",
    "5": "Stap 5: Het tarief in andere eenheden",
    "6": "Stap 6: Sessieproducten en trajecten",
    "7": "Stap 7: Indexatie naar een later jaar",
    "8": "Stap 8: Vervoer, categorie en bedrag per dag",
    "aannames": "Aannames en hun status",
    "aannamesets": "Aannamesets: laag, centraal, hoog",
}
"""The one mapping from a step (by number) or a topic to its heading in :data:`METHODE`;
every reference to the document (:func:`verwijzing`) and every step title (:data:`STAPPEN`)
is derived from it."""

STAPPEN: dict[str, str] = {k: kop.split(": ", 1)[1] for k, kop in KOPPEN.items() if k.isdigit()}
"""The steps of the method (``docs/methode.md``), by number, with their Dutch titles."""


@dataclass(frozen=True)
class Element:
    """A cost element the law names (or, for the risk surcharge, this method's own choice).

    Attributes
    ----------
    omschrijving
        The element in the words of the law, in Dutch.
    artikel
        Where the law names it: article, paragraph and letter.
    """

    omschrijving: str
    artikel: str

    def __str__(self) -> str:
        return f"{self.omschrijving} ({self.artikel})"


_JW, _WMO = "Besluit Jeugdwet art. 2.3 lid 1 onder", "Uitvoeringsbesluit Wmo 2015 art. 5.4 lid 3 onder"

ELEMENTEN: dict[str, Element] = {
    "beroepskracht": Element("kosten van de beroepskracht", f"{_JW} a; {_WMO} a"),
    "clientgebonden_tijd": Element("cliëntgebonden tijd van beroepskrachten", f"{_JW} a"),
    "niet_clientgebonden_tijd": Element("niet-cliëntgebonden tijd van beroepskrachten", f"{_JW} a"),
    "niet_productieve_uren": Element("niet-productieve uren: verlof, ziekte, scholing, werkoverleg", f"{_WMO} c"),
    "reis_en_opleiding": Element("reis- en opleidingskosten", f"{_WMO} d"),
    "clientgebonden_kosten": Element("cliëntgebonden kosten anders dan van beroepskrachten", f"{_JW} b"),
    "overhead": Element("overheadkosten", f"{_JW} c; {_WMO} b en f"),
    "risico": Element("risico-opslag", "geen wettelijk kostprijselement; een aanname van deze methode"),
}
"""The cost elements of Besluit Jeugdwet art. 2.3 lid 1 and Uitvoeringsbesluit Wmo 2015 art. 5.4
lid 3 that the lines price, by key; every line names the elements it rests on
(:attr:`RegelDefinitie.elementen`), and the method's table of cost elements is checked against
them. Indexation (Jeugdwet 2.3 d) is no line: it is step 7, :func:`tarieven.indexeer`."""


def anker(kop: str) -> str:
    """The anchor of a Markdown heading as GitHub and most renderers make it: lower case,
    punctuation dropped, spaces as hyphens (``"Stap 1: Personeelskosten"`` ->
    ``"stap-1-personeelskosten"``)."""
    tekst = "".join(c for c in kop.strip().lower() if c.isalnum() or c in " -_")
    return tekst.replace(" ", "-")


def verwijzing(sleutel: str) -> str:
    """Where a step or topic is described: ``docs/methode.md#stap-3-de-kosten-van-een-eenheid-voor-de-groep``."""
    return f"{METHODE}#{anker(KOPPEN[sleutel])}"


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
        The step of the method (:data:`STAPPEN`); :attr:`sectie` is where it is described.
    elementen
        The cost elements the line prices (keys of :data:`ELEMENTEN`); :attr:`grondslag` names
        them with their article.
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
    elementen: tuple[str, ...]
    functie: Callable[..., Any] = field(repr=False)
    argumenten: tuple[tuple[str, Argument], ...]

    @property
    def sectie(self) -> str:
        """Where the method describes this line, as :func:`verwijzing` gives it for the step."""
        return verwijzing(self.stap)

    @property
    def grondslag(self) -> str:
        """The cost elements of the line with their articles, in Dutch: elements under the same
        article named together before it, articles separated by semicolons."""
        per_artikel: dict[str, list[str]] = {}
        for e in self.elementen:
            per_artikel.setdefault(ELEMENTEN[e].artikel, []).append(ELEMENTEN[e].omschrijving)
        return "; ".join(f"{', '.join(namen)} ({artikel})" for artikel, namen in per_artikel.items())

    def reken(self, waarden: Mapping[str, Any]) -> Any:
        """The line's value from the values of its inputs and earlier lines."""
        uit = self.functie(**{k: haal(waarden) for k, haal in self._ophalers})
        return uit if isinstance(uit, np.ndarray) else np.float64(uit)

    @cached_property
    def _ophalers(self) -> tuple[tuple[str, Callable[[Mapping[str, Any]], Any]], ...]:
        """Per argument, how to fetch its value: decided once, not on every call (a grid calls often)."""

        def ophaler(a: Argument) -> Callable[[Mapping[str, Any]], Any]:
            if isinstance(a, str):
                return operator.itemgetter(a)
            if isinstance(a, Vast):
                return lambda _w: a.waarde
            if isinstance(a, Lijst):
                return lambda w: [w[x] for x in a.namen]
            if isinstance(a, tuple):
                delen = [ophaler(x) for x in a]
                return lambda w: [d(w) for d in delen]
            return lambda _w: a

        return tuple((k, ophaler(a)) for k, a in self.argumenten)

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
        """The formula in words, over the names of the lines and inputs it uses without their
        function (:func:`woordnaam`; ``Σ_f`` for a sum over functions). A sum whose terms come
        from different places (client time given per session for one function, derived from
        the trajectory for another) is named by the quantity it sums, the parameter's name."""
        eigen = self.naam.partition(".")[2]
        args: dict[str, Any] = {}
        for k, a in self.argumenten:
            if isinstance(a, Vast):
                args[k] = a.waarde
            elif isinstance(a, Lijst):
                args[k] = [Naam(n.rsplit(".", 1)[-1]) for n in a.namen]
            elif isinstance(a, tuple):
                woorden = {woordnaam(x, per_functie=True) for x in a if isinstance(x, str)}
                args[k] = [Naam(woorden.pop() if len(woorden) == 1 else k)]
            else:
                args[k] = Naam(woordnaam(a, functie=eigen) if isinstance(a, str) else k)
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


_INVOER = ("functies", "product", "opslagen", "werkgeverslasten")
"""The sections of a scenario's inputs; any other name is a line."""


def woordnaam(naam: str, *, functie: str = "", per_functie: bool = False) -> str:
    """How the formula in words names an input or an earlier line: a line by its name without
    the function (``jaarloon.mbo`` -> ``jaarloon``), an input by its key in its section
    without the function (``functies.mbo.verzuim`` -> ``verzuim``, ``product.ratio.mix.mbo``
    -> ``ratio.mix``, ``werkgeverslasten.pensioen.premie`` -> ``pensioen.premie``).

    ``functie`` is the function of the line being described (its last part is dropped when it
    is that function); ``per_functie`` drops the last part of a product key always (an element
    of a sum over functions).
    """
    deel, _, rest = naam.partition(".")
    if deel not in _INVOER:
        return deel
    if deel == "functies":
        return rest.partition(".")[2]
    kop, _, staart = rest.rpartition(".")
    if deel == "product" and kop and (per_functie or (functie and staart == functie)):
        return kop
    return rest


def regel(
    naam: str,
    *,
    eenheid: str,
    omschrijving: str,
    label: str,
    stap: str,
    elementen: tuple[str, ...],
    functie: Callable[..., Any],
    argumenten: Mapping[str, Argument],
) -> RegelDefinitie:
    """Define one line; the checks here catch a mistake in a definition when the package loads.

    Parameters
    ----------
    naam, eenheid, omschrijving, label, stap, elementen, functie
        As the attributes of :class:`RegelDefinitie`; ``stap`` must be a step of the method
        and every element a key of :data:`ELEMENTEN`.
    argumenten
        The function's arguments by parameter name (see :data:`Argument`); every parameter
        without a default must be given, and no other.
    """
    parameters = inspect.signature(functie).parameters
    onbekend = set(argumenten) - set(parameters)
    if onbekend:  # a typo in a definition is a programming error, caught when the line is defined
        raise TypeError(f"{functie.__name__} heeft geen parameter(s) {sorted(onbekend)}")
    ontbrekend = [k for k, p in parameters.items() if p.default is inspect.Parameter.empty and k not in argumenten]
    if ontbrekend:
        raise TypeError(f"{functie.__name__} mist argument(en) {ontbrekend}")
    if stap not in STAPPEN:
        raise TypeError(f"regel {naam}: stap {stap!r} is geen stap van de methode ({', '.join(STAPPEN)})")
    if not elementen or set(elementen) - set(ELEMENTEN):
        raise TypeError(f"regel {naam}: kostprijselementen {elementen!r}; verwacht een of meer uit {sorted(ELEMENTEN)}")
    return RegelDefinitie(
        naam, eenheid, omschrijving, label, stap, tuple(elementen), functie, tuple(argumenten.items())
    )
