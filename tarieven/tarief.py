"""MODEL.md steps 5 and 6: the tariff per client per unit in other units.

Pure numpy functions; every argument may be a float or an array (broadcast).
"""

from __future__ import annotations

import numpy as np

from tarieven._typing import Getal, GetalInvoer

__all__ = ["per_jaar", "per_minuut", "per_traject", "per_uur", "per_week"]

MINUTEN_PER_UUR = 60.0


def per_uur(tarief: GetalInvoer, duur_uur: GetalInvoer) -> Getal:
    """[EUR/uur] Tariff per client-hour: ``tarief / d``."""
    return np.divide(tarief, duur_uur)


def per_minuut(tarief: GetalInvoer, duur_uur: GetalInvoer) -> Getal:
    """[EUR/minuut] Tariff per client-minute: ``tarief / (d * 60)``."""
    return np.divide(tarief, np.multiply(duur_uur, MINUTEN_PER_UUR))


def per_week(tarief: GetalInvoer, eenheden_per_week: GetalInvoer) -> Getal:
    """[EUR/week] Tariff per client per week at the planned units per week."""
    return np.multiply(tarief, eenheden_per_week)


def per_jaar(tarief_per_week: GetalInvoer, weken_per_jaar: GetalInvoer) -> Getal:
    """[EUR/jaar] Tariff per client per year at the planned weeks per year (at most 48)."""
    return np.multiply(tarief_per_week, weken_per_jaar)


def per_traject(tarief: GetalInvoer, sessies_per_traject: GetalInvoer) -> Getal:
    """[EUR] Tariff per trajectory for session products: ``tarief * sessies_per_traject``.

    The unrounded session tariff is multiplied; round the product, not the factor.
    """
    return np.multiply(tarief, sessies_per_traject)
