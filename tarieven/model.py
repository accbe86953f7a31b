"""The breakdown: which core function computes which line, from which inputs.

The lines themselves are defined, one :func:`~tarieven.regeldefinitie.regel` call each, in
:mod:`tarieven.regels_functie` (steps 1 and 2, per function) and :mod:`tarieven.regels_groep`
(steps 3 to 6, and transport). :func:`regeldefinities` puts them in order for a structure;
:func:`bereken` walks that list once over plain floats or numpy arrays, so one call prices one
scenario or a million.

Where a new line goes: write its function in the core module of its step, then add one
``regel(...)`` call, with its step and cost elements, where that step's lines are listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from tarieven.regeldefinitie import STAPPEN, RegelDefinitie, Structuur, verwijzing
from tarieven.regels_functie import regels_per_functie
from tarieven.regels_groep import regels_vervoer, regels_voor_de_groep

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


@lru_cache(maxsize=256)
def regeldefinities(s: Structuur) -> tuple[RegelDefinitie, ...]:
    """The ordered breakdown lines for a scenario structure."""
    if s.vervoersvorm is not None:
        return tuple(regels_vervoer(s))
    regels = [d for f in s.functies for d in regels_per_functie(s, f)]
    return (*regels, *regels_voor_de_groep(s))


ALLE_STRUCTUREN = (
    Structuur(
        functies=("f",),
        direct=("f",),
        uit_ratio=True,
        extra=("f",),
        indirect=("f",),
        client=("f",),
        traject=("f",),
        sessies=True,
        per_week=True,
        componenten=("f",),
        premies=("p",),
        vakantietoeslag_minimum=("f",),
    ),
    Structuur(functies=("f",), direct=("f",), extra=("f",), indirect=("f",)),
    Structuur(eenheid="dag", vervoersvorm="groep", categorieen=("categorie_1",)),
)
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
