"""MODEL.md step 3: the cost of one billing unit (dagdeel, sessie, uur, dag) of one group.

Pure numpy functions; every argument may be a float or an array (broadcast). Per-function
inputs are passed as sequences with one entry per function, each entry broadcasting over
the scenarios.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from tarieven._typing import Getal, GetalInvoer

__all__ = [
    "client_uur_uit_traject",
    "clientkosten",
    "groepskosten",
    "huisvesting_eenheid",
    "materieel",
    "medewerkers_uit_ratio",
    "personeel_direct",
    "personeel_indirect",
]

# G / k is computed in floating point; 9 / 3 is exact, but a ratio such as
# 0.3 * 10 / 3 is not. Rounding the quotient to 9 decimals before ceil keeps an exact
# whole number from being rounded up to the next person.
_DECIMALEN_VOOR_AFRONDEN = 9


def medewerkers_uit_ratio(
    groepsgrootte: GetalInvoer,
    kinderen_per_medewerker: GetalInvoer,
    naar_boven: GetalInvoer = True,
) -> Getal:
    """Direct staff on the group from a ratio "1 staff member per at most k children".

    Parameters
    ----------
    groepsgrootte : [-]
        Places in the group (G).
    kinderen_per_medewerker : [-]
        Children per staff member at most (k).
    naar_boven : bool or bool array
        True: round up to whole staff members (a group of 5 at 1:4 needs 2 people).
        False: keep the fraction (an average over a week of varying groups).

    Returns
    -------
    [-] ``ceil(G / k)`` or ``G / k`` (MODEL.md 3).
    """
    exact = np.divide(groepsgrootte, kinderen_per_medewerker)
    return np.where(naar_boven, np.ceil(np.round(exact, _DECIMALEN_VOOR_AFRONDEN)), exact)


def personeel_direct(
    aantal: Sequence[GetalInvoer],
    duur_uur: GetalInvoer,
    extra_uur: Sequence[GetalInvoer],
    uurkosten: Sequence[GetalInvoer],
) -> Getal:
    """Direct staff cost of one unit for the whole group.

    Parameters
    ----------
    aantal : sequence of [-]
        Staff of each function on the group during the unit (n_f).
    duur_uur : [uur]
        Hours the group meets per unit (d).
    extra_uur : sequence of [uur]
        Attributable extra time per staff member per unit (v_f): preparation,
        reporting, parent contact.
    uurkosten : sequence of [EUR/uur]

    Returns
    -------
    [EUR] ``sum_f n_f * (d + v_f) * uurkosten_f``.
    """
    totaal: Getal = np.zeros(np.shape(duur_uur))
    for n, v, k in zip(aantal, extra_uur, uurkosten, strict=True):
        totaal = totaal + np.multiply(n, np.add(duur_uur, v)) * np.asarray(k)
    return totaal


def personeel_indirect(indirect_uur: Sequence[GetalInvoer], uurkosten: Sequence[GetalInvoer]) -> Getal:
    """Indirect staff cost per group per unit (e.g. a behavioural scientist at a distance).

    Parameters
    ----------
    indirect_uur : sequence of [uur]
        Hours of each function per group per unit (u_f).
    uurkosten : sequence of [EUR/uur]

    Returns
    -------
    [EUR] ``sum_f u_f * uurkosten_f``.
    """
    return _som_producten(indirect_uur, uurkosten)


def huisvesting_eenheid(huisvesting_jaar: GetalInvoer, eenheden_per_jaar: GetalInvoer) -> Getal:
    """Housing cost per unit.

    Parameters
    ----------
    huisvesting_jaar : [EUR/jaar]
        Housing cost per group per year (H).
    eenheden_per_jaar : [1/jaar]
        Units the group runs per year (E).

    Returns
    -------
    [EUR] ``H / E``.
    """
    return np.divide(huisvesting_jaar, eenheden_per_jaar)


def materieel(materieel_per_client: GetalInvoer, groepsgrootte: GetalInvoer, bezettingsgraad: GetalInvoer) -> Getal:
    """Material and activity cost per unit for the clients present.

    Parameters
    ----------
    materieel_per_client : [EUR]
        Cost per present client per unit (m).
    groepsgrootte : [-]
    bezettingsgraad : [-]

    Returns
    -------
    [EUR] ``m * G * b``.
    """
    return np.multiply(materieel_per_client, np.multiply(groepsgrootte, bezettingsgraad))


def groepskosten(
    personeel_direct: GetalInvoer,
    personeel_indirect: GetalInvoer,
    huisvesting_eenheid: GetalInvoer,
    materieel: GetalInvoer,
) -> Getal:
    """Cost of one unit for the whole group.

    Returns
    -------
    [EUR] ``personeel_direct + personeel_indirect + huisvesting_eenheid + materieel``.
    """
    return np.add(np.add(personeel_direct, personeel_indirect), np.add(huisvesting_eenheid, materieel))


def client_uur_uit_traject(client_uur_per_traject: GetalInvoer, sessies_per_traject: GetalInvoer) -> Getal:
    """Client-bound time per session from the time per trajectory (MODEL.md 6).

    Parameters
    ----------
    client_uur_per_traject : [uur]
        Intake, diagnostics, evaluation, reports, parent contact per client per trajectory.
    sessies_per_traject : [-]

    Returns
    -------
    [uur] ``client_uur_per_traject / sessies_per_traject``.
    """
    return np.divide(client_uur_per_traject, sessies_per_traject)


def clientkosten(client_uur: Sequence[GetalInvoer], uurkosten: Sequence[GetalInvoer]) -> Getal:
    """Client-bound staff cost per client per unit.

    Parameters
    ----------
    client_uur : sequence of [uur]
        Client-bound time of each function per client per unit (c_f).
    uurkosten : sequence of [EUR/uur]

    Returns
    -------
    [EUR] ``sum_f c_f * uurkosten_f``.
    """
    return _som_producten(client_uur, uurkosten)


def _som_producten(a: Sequence[GetalInvoer], b: Sequence[GetalInvoer]) -> Getal:
    totaal: Getal = 0.0
    for x, y in zip(a, b, strict=True):
        totaal = totaal + np.multiply(x, y)
    return np.asarray(totaal, dtype=float)
