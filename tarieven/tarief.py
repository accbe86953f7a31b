"""Steps 5 and 6 of the method: the tariff per client per unit in other units.

Described in ``docs/methode.md#stap-5-het-tarief-in-andere-eenheden`` and
``docs/methode.md#stap-6-sessieproducten-en-trajecten``.

Pure functions over floats or numpy arrays (they broadcast); each is the one definition of
its breakdown line (see :mod:`tarieven.personeel`).
"""

from __future__ import annotations

from typing import Any

__all__ = ["per_jaar", "per_minuut", "per_traject", "per_uur", "per_week"]

MINUTEN_PER_UUR = 60


def per_uur(tarief: Any, duur_uur: Any) -> Any:
    """Tariff per client-hour [EUR/uur] over the hours the group meets per unit."""
    return tarief / duur_uur


def per_minuut(tarief: Any, duur_uur: Any) -> Any:
    """Tariff per client-minute [EUR/minuut]."""
    return tarief / (duur_uur * MINUTEN_PER_UUR)


def per_week(tarief: Any, eenheden_per_week: Any) -> Any:
    """Tariff per client per week [EUR/week] at the client's planned units per week."""
    return tarief * eenheden_per_week


def per_jaar(tarief_per_week: Any, weken_per_jaar: Any) -> Any:
    """Tariff per client per year [EUR/jaar] at the planned weeks per year (at most 48)."""
    return tarief_per_week * weken_per_jaar


def per_traject(tarief: Any, sessies_per_traject: Any) -> Any:
    """Tariff per trajectory [EUR] for session products.

    The unrounded session tariff is multiplied; round the product, not the factor.
    """
    return tarief * sessies_per_traject
