"""Conditions across fields: what no single field can tell, written once, checked on arrays.

A field's own checks (type, whole number, hard and plausible range, choice, unit) live with
the field (:mod:`tarieven.velden`, read by :mod:`tarieven.invoerlezer`). What needs several
inputs or a computed line lives here, as a condition over arrays that broadcast:

- every function keeps more than 0 available hours a year;
- a salary is at least the statutory minimum wage;
- the shares of an education mix sum to 1; explicit staff counts are together more than 0;
- every breakdown line is a finite number, and the tariff stays under :data:`MAX_TARIEF`.

Every path uses the same conditions: :func:`tarieven.scenario.valideer` (one scenario, a
0-d array), :func:`tarieven.bereken` (the lines of one result), :func:`tarieven.bereken_tabel`
(each row of a table, as one array) and the grid and Monte Carlo analyses (which count a
violated condition per scenario, or refuse the run, instead of pricing it silently).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from tarieven import uren
from tarieven.fouten import Probleem
from tarieven.regeldefinitie import Structuur
from tarieven.weergave import euro, invoer

__all__ = [
    "MAX_TARIEF",
    "SOM_TOLERANTIE",
    "Voorwaarde",
    "boven_plafond",
    "eindig_probleem",
    "invoervoorwaarden",
    "niet_eindig",
    "op_plek",
    "plafond_probleem",
    "uitkomstproblemen",
]

Masker = npt.NDArray[np.bool_]

MAX_TARIEF = 10_000.0
"""Highest tariff per client per unit [EUR] taken as a result: far above any youth-care group
product (a dagdeel costs about 50-250 euro, a GGZ session about 120). Above it, inputs
that are each allowed combine into nonsense (an occupancy of one in a billion): an error."""

SOM_TOLERANTIE = 1e-9
"""How close the shares of a mix must sum to 1."""

_UREN = ("uren_per_week", "weken_per_jaar", "verlofuren", "verzuim", "scholingsuren")
_LOON = ("maandsalaris", "uren_per_week", "weken_per_jaar")


@dataclass(frozen=True)
class Voorwaarde:
    """One condition across inputs: where it is violated, and the problem that names it.

    Attributes
    ----------
    sleutel
        The key a problem names (``functies.mbo``, ``product.ratio.mix``).
    invoer
        The inputs it reads; where one of them is itself invalid, the condition is not judged.
    schendt
        From the inputs' arrays (in the order of ``invoer``): True where violated.
    uitleg
        From the inputs' numbers of one scenario: the value to show and what was expected.
    reden
        A short Dutch reason, for a count of scenarios in a run over many
        (:func:`tarieven.analyse._gemeen.rijwaarschuwingen`).
    soort
        What it is about: ``uren`` (available hours of a function), ``minimumloon``, ``mix``
        or ``personeel``; a run over many scenarios treats the kinds differently.
    """

    sleutel: str
    invoer: tuple[str, ...]
    schendt: Callable[..., Any]
    uitleg: Callable[..., tuple[Any, str]]
    reden: str
    soort: Literal["uren", "minimumloon", "mix", "personeel"]
    code: str = "combinatie"

    def geschonden(self, waarden: Mapping[str, Any]) -> Masker:
        """Where the condition is violated (broadcast over the inputs' arrays)."""
        with np.errstate(all="ignore"):
            return np.asarray(self.schendt(*(np.asarray(waarden[k], dtype=float) for k in self.invoer)), dtype=bool)

    def probleem(self, waarden: Mapping[str, Any], plek: tuple[int, ...] = (), **kwargs: Any) -> Probleem:
        """The problem at one position of the broadcast arrays (``()`` for one scenario).

        ``kwargs`` go to :class:`~tarieven.fouten.Probleem` (``rij``, or ``sleutel`` as the user wrote it)."""
        getallen = [op_plek(waarden[k], plek) for k in self.invoer]
        waarde, verwacht = self.uitleg(*getallen)
        return Probleem(kwargs.pop("sleutel", self.sleutel), waarde, verwacht, self.code, **kwargs)


def op_plek(waarde: Any, plek: tuple[int, ...]) -> float:
    """The element of a broadcast input at a position of the (broadcast) result."""
    w = np.asarray(waarde, dtype=float)
    n = max(w.ndim, len(plek))
    volledig = (0,) * (n - len(plek)) + plek
    return float(w[tuple(i if d > 1 else 0 for i, d in zip(volledig[n - w.ndim :], w.shape, strict=True))])


def invoervoorwaarden(s: Structuur, minimumuurloon: tuple[float, dt.date] | None = None) -> tuple[Voorwaarde, ...]:
    """The conditions across the inputs of a scenario of this structure.

    ``minimumuurloon`` (the statutory minimum hourly wage and the date it holds from): None
    leaves the wage unchecked (a scenario without a date)."""
    uit: list[Voorwaarde] = []
    if s.uit_ratio and s.direct:
        uit.append(_mix(s.direct))
    elif s.direct:
        uit.append(_personeel(s.direct))
    for f in s.functies:
        uit.append(_beschikbaar(f))
        if minimumuurloon is not None:
            uit.append(_minimumloon(f, *minimumuurloon))
    return tuple(uit)


def _beschikbaar(f: str) -> Voorwaarde:
    def schendt(week: Any, weken: Any, verlof: Any, verzuim: Any, scholing: Any) -> Any:
        return ~(uren.beschikbare_uren(uren.contracturen(week, weken), verlof, verzuim, scholing) > 0)

    def uitleg(week: float, weken: float, verlof: float, verzuim: float, scholing: float) -> tuple[Any, str]:
        contract = uren.contracturen(week, weken)
        beschikbaar = uren.beschikbare_uren(contract, verlof, verzuim, scholing)
        return f"{beschikbaar:.1f} beschikbare uren", (
            f"meer dan 0 beschikbare uren per jaar: contracturen {contract:.1f} min verlofuren {verlof:g}, "
            f"verzuim {verzuim:g} × contracturen en scholingsuren {scholing:g}"
        )

    invoer = tuple(f"functies.{f}.{n}" for n in _UREN)
    return Voorwaarde(f"functies.{f}", invoer, schendt, uitleg, f"functies.{f}: 0 of minder beschikbare uren", "uren")


def _minimumloon(f: str, bedrag: float, vanaf: dt.date) -> Voorwaarde:
    def schendt(salaris: Any, week: Any, weken: Any) -> Any:
        return salaris * 12 < bedrag * uren.contracturen(week, weken)

    def uitleg(salaris: float, week: float, weken: float) -> tuple[Any, str]:
        per_uur = salaris * 12 / uren.contracturen(week, weken)
        return salaris, (
            f"een salaris van ten minste het wettelijk minimumloon: {euro(bedrag)} per uur sinds {vanaf}, bij "
            f"{invoer(week)} uur per week {euro(bedrag * uren.contracturen(week, weken) / 12)} per maand "
            f"(nu {euro(per_uur)} per uur)"
        )

    sleutels = tuple(f"functies.{f}.{n}" for n in _LOON)
    reden = f"functies.{f}: uurloon onder het wettelijk minimumloon"
    return Voorwaarde(sleutels[0], sleutels, schendt, uitleg, reden, "minimumloon")


def _som(*aandelen: Any) -> Any:
    som = aandelen[0]
    for a in aandelen[1:]:
        som = som + a
    return som


def _mix(direct: Sequence[str]) -> Voorwaarde:
    def schendt(*aandelen: Any) -> Any:
        return ~(np.abs(_som(*aandelen) - 1.0) <= SOM_TOLERANTIE)

    def uitleg(*aandelen: float) -> tuple[Any, str]:
        som = math.fsum(aandelen)
        return dict(zip(direct, aandelen, strict=True)), (
            f"aandelen die samen 1 zijn (nu samen {som:.6g}); bijvoorbeeld mbo 0.5 en hbo 0.5"
        )

    invoer = tuple(f"product.ratio.mix.{f}" for f in direct)
    return Voorwaarde("product.ratio.mix", invoer, schendt, uitleg, "product.ratio.mix: aandelen niet samen 1", "mix")


def _personeel(direct: Sequence[str]) -> Voorwaarde:
    def schendt(*aantallen: Any) -> Any:
        return ~(_som(*aantallen) > 0)

    def uitleg(*aantallen: float) -> tuple[Any, str]:
        return "samen 0", "ten minste één medewerker op de groep (een tarief zonder personeel)"

    invoer = tuple(f"product.personeel.{f}" for f in direct)
    return Voorwaarde(
        "product.personeel", invoer, schendt, uitleg, "product.personeel: samen 0 medewerkers", "personeel"
    )


# -- conditions on the computed lines ---------------------------------------------------------


def niet_eindig(regels: Mapping[str, Any]) -> Masker:
    """Where any line is not a finite number (inputs each allowed can overflow together)."""
    vorm = np.broadcast_shapes(*(np.shape(x) for x in regels.values())) if regels else ()
    uit = np.zeros(vorm, dtype=bool)
    for x in regels.values():
        a = np.asarray(x, dtype=float)
        with np.errstate(all="ignore"):  # a NaN or an infinity makes the sum one: only then look per element
            if a.ndim and np.isfinite(np.add.reduce(a, axis=None)):
                continue
        uit |= ~np.isfinite(a)
    return uit


def eindig_probleem(regels: Mapping[str, Any], plek: tuple[int, ...] = (), bij: str = "", **kwargs: Any) -> Probleem:
    """The problem of a scenario without a finite line: the first such line, how many there are.

    ``bij``: what identifies the scenario in a run over many (``product.bezettingsgraad = 1e-300``)."""
    slecht = [k for k, x in regels.items() if not math.isfinite(op_plek(x, plek))]
    namen = ", ".join(slecht[:5]) + (", ..." if len(slecht) > 5 else "")
    verwacht = f"een eindige uitkomst; de invoer geeft geen getal in {len(slecht)} regel(s) ({namen})"
    verwacht += f" bij {bij}" if bij else ""
    verwacht += ": controleer de invoer op extreme waarden"
    return Probleem(slecht[0], op_plek(regels[slecht[0]], plek), verwacht, "combinatie", **kwargs)


def boven_plafond(tarief: Any) -> Masker:
    """Where the tariff per client is above :data:`MAX_TARIEF`."""
    return np.asarray(np.asarray(tarief, dtype=float) > MAX_TARIEF, dtype=bool)


_MEEST_VERDACHT = ("product.bezettingsgraad", "product.groepsgrootte")


def plafond_probleem(
    tarief: float, eenheid: str, waarden: Mapping[str, float], ongebruikelijk: Sequence[str] = (), **kwargs: Any
) -> Probleem:
    """The problem of a tariff above the ceiling, naming the inputs that most likely caused it.

    Those are the inputs outside their plausible range (``ongebruikelijk``: the keys a scenario
    warned about); without any, occupancy and group size, the usual suspects."""
    namen = [k for k in ongebruikelijk if k in waarden] or [k for k in _MEEST_VERDACHT if k in waarden]
    wat = "ongebruikelijk: " if any(k in waarden for k in ongebruikelijk) else ""
    genoemd = "; ".join(f"{k} = {waarden[k]:g}" for k in namen)
    return Probleem(
        "tarief_per_client",
        euro(tarief),
        f"een tarief van hoogstens {euro(MAX_TARIEF)} per cliënt per {eenheid}: de invoer is elk toegestaan, "
        f"maar samen niet aannemelijk ({wat}{genoemd})",
        "combinatie",
        **kwargs,
    )


def uitkomstproblemen(
    regels: Mapping[str, Any],
    eenheid: str,
    invoer: Mapping[str, Any],
    ongebruikelijk: Mapping[str, Any],
    te_beoordelen: Masker,
) -> dict[int, Probleem]:
    """The conditions on the computed lines, per scenario: the first line that is not a finite
    number, else a tariff above the ceiling. One scenario is the case of length 1.

    ``regels`` and ``invoer`` hold numbers or arrays that broadcast to the length of
    ``te_beoordelen`` (the scenarios to judge: those still without a problem); ``ongebruikelijk``
    per input key where it is outside its plausible range (named by the ceiling's message).
    Returns the problem per position."""
    n = te_beoordelen.size
    slecht = np.broadcast_to(niet_eindig(regels), (n,)) & te_beoordelen
    uit = {int(j): eindig_probleem(regels, (int(j),)) for j in np.flatnonzero(slecht)}
    tarief = np.broadcast_to(np.asarray(regels["tarief_per_client"], dtype=float), (n,))
    for j in np.flatnonzero(boven_plafond(tarief) & te_beoordelen & ~slecht):
        plek = (int(j),)
        waarden = {k: op_plek(w, plek) for k, w in invoer.items()}
        raar = [k for k, m in ongebruikelijk.items() if op_plek(m, plek)]
        uit[int(j)] = plafond_probleem(float(tarief[j]), eenheid, waarden, raar)
    return uit
