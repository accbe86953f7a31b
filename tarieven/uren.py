"""MODEL.md step 2: productive hours per FTE per year and the cost per productive hour.

Pure numpy functions; every argument may be a float or an array (broadcast).
"""

from __future__ import annotations

import numpy as np

from tarieven._typing import Getal, GetalInvoer

__all__ = ["beschikbare_uren", "contracturen", "productieve_uren", "uurkosten"]


def contracturen(uren_per_week: GetalInvoer, weken_per_jaar: GetalInvoer) -> Getal:
    """Contract hours of one FTE per year.

    Parameters
    ----------
    uren_per_week : [uur/week]
        Full-time working week (CAO Jeugdzorg: 36).
    weken_per_jaar : [week/jaar]
        Weeks in a year (52.143 = 365 / 7).

    Returns
    -------
    [uur/jaar] ``uren_per_week * weken_per_jaar``.
    """
    return np.multiply(uren_per_week, weken_per_jaar)


def beschikbare_uren(
    contracturen: GetalInvoer,
    verlofuren: GetalInvoer,
    verzuim: GetalInvoer,
    scholingsuren: GetalInvoer,
) -> Getal:
    """Hours available for work after leave, sickness and training.

    Parameters
    ----------
    contracturen : [uur/jaar]
    verlofuren : [uur/jaar]
        Holiday plus public-holiday hours the CAO grants.
    verzuim : [-]
        Sickness absence as a fraction of ``contracturen``.
    scholingsuren : [uur/jaar]
        Training hours.

    Returns
    -------
    [uur/jaar] ``contracturen - verlofuren - verzuim * contracturen - scholingsuren``.
    """
    c = np.asarray(contracturen, dtype=float)
    uit: Getal = c - np.asarray(verlofuren) - np.multiply(verzuim, c) - np.asarray(scholingsuren)
    return uit


def productieve_uren(beschikbare_uren: GetalInvoer, productiviteit: GetalInvoer) -> Getal:
    """Hours attributable to products.

    Parameters
    ----------
    beschikbare_uren : [uur/jaar]
    productiviteit : [-]
        Share of available hours attributable to products; the rest is team meetings,
        intervision, general administration. Time attributable to a unit is priced in
        step 3 (``extra_uur``), never here.

    Returns
    -------
    [uur/jaar] ``beschikbare_uren * productiviteit``.
    """
    return np.multiply(beschikbare_uren, productiviteit)


def uurkosten(personeelskosten: GetalInvoer, productieve_uren: GetalInvoer) -> Getal:
    """Cost per productive hour.

    Parameters
    ----------
    personeelskosten : [EUR/jaar]
    productieve_uren : [uur/jaar]

    Returns
    -------
    [EUR/uur] ``personeelskosten / productieve_uren``.
    """
    return np.divide(personeelskosten, productieve_uren)
