"""Step 3 of the method: the cost of one billing unit (dagdeel, sessie, uur, dag) of one group.

Described in ``docs/methode.md#stap-3-de-kosten-van-een-eenheid-voor-de-groep``.

Pure functions over floats or numpy arrays (they broadcast); each is the one definition of
its breakdown line (see :mod:`tarieven.personeel`). Per-function inputs come as sequences
with one entry per function, each entry broadcasting over the scenarios.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = [
    "client_uur_uit_traject",
    "clientkosten",
    "groepskosten",
    "huisvesting_eenheid",
    "materieel",
    "medewerkers_uit_mix",
    "medewerkers_uit_ratio",
    "personeel_direct",
    "personeel_indirect",
]

DECIMALEN_VOOR_AFRONDEN = 9
"""G / k is computed in floating point; 9 / 3 is exact, but 0.3 * 10 / 3 is not. The
quotient is rounded to 9 decimals before it is rounded up, so an exact whole number of
staff is never rounded up to the next person. A workbook formula carries the same guard."""


def medewerkers_uit_ratio(groepsgrootte: Any, kinderen_per_medewerker: Any, naar_boven: Any = True) -> Any:
    """Direct staff on the group from a ratio "1 staff member per at most k children" [-].

    Parameters
    ----------
    groepsgrootte : [-]
        Places in the group (G).
    kinderen_per_medewerker : [-]
        Children per staff member at most (k).
    naar_boven : bool or bool array
        True: whole staff members, rounded up (a group of 5 at 1:4 needs 2 people).
        False: the fraction (an average over a week of varying groups).
    """
    exact = groepsgrootte / kinderen_per_medewerker
    if np.ndim(naar_boven) == 0:
        return np.ceil(np.round(exact, DECIMALEN_VOOR_AFRONDEN)) if naar_boven else exact
    return np.where(naar_boven, np.ceil(np.round(exact, DECIMALEN_VOOR_AFRONDEN)), exact)


def medewerkers_uit_mix(medewerkers_totaal: Any, aandeel: Any) -> Any:
    """Direct staff of one function from the total and its share in the education mix [-]."""
    return medewerkers_totaal * aandeel


def personeel_direct(aantal: Sequence[Any], duur_uur: Any, extra_uur: Sequence[Any], uurkosten: Sequence[Any]) -> Any:
    """Direct staff cost of one unit for the whole group [EUR].

    Each staff member is on the group for the whole unit plus the extra time attributable
    to it.

    Parameters
    ----------
    aantal : sequence of [-]
        Staff of each function on the group during the unit (n_f).
    duur_uur : [uur]
        Hours the group meets per unit (d).
    extra_uur : sequence of [uur]
        Extra time per staff member per unit (v_f): preparation, reporting, parent contact.
    uurkosten : sequence of [EUR/uur]
    """
    return sum(n * (duur_uur + v) * k for n, v, k in zip(aantal, extra_uur, uurkosten, strict=True))


def personeel_indirect(indirect_uur: Sequence[Any], uurkosten: Sequence[Any]) -> Any:
    """Indirect staff cost per group per unit [EUR] (e.g. a behavioural scientist at a distance).

    Parameters
    ----------
    indirect_uur : sequence of [uur]
        Hours of each function per group per unit (u_f).
    uurkosten : sequence of [EUR/uur]
    """
    return sum(u * k for u, k in zip(indirect_uur, uurkosten, strict=True))


def huisvesting_eenheid(huisvesting_jaar: Any, eenheden_per_jaar: Any) -> Any:
    """Housing cost per unit [EUR]: the group's yearly housing spread over its units.

    Parameters
    ----------
    huisvesting_jaar : [EUR/jaar]
        Housing cost per group per year (H).
    eenheden_per_jaar : [1/jaar]
        Units the group runs per year (E).
    """
    return huisvesting_jaar / eenheden_per_jaar


def materieel(materieel_per_client: Any, groepsgrootte: Any, bezettingsgraad: Any) -> Any:
    """Material and activity cost per unit for the clients present [EUR].

    Parameters
    ----------
    materieel_per_client : [EUR]
        Per present client per unit (m).
    groepsgrootte : [-]
    bezettingsgraad : [-]
    """
    return materieel_per_client * (groepsgrootte * bezettingsgraad)


def groepskosten(personeel_direct: Any, personeel_indirect: Any, huisvesting_eenheid: Any, materieel: Any) -> Any:
    """Cost of one unit for the whole group [EUR]: staff, housing and material together."""
    return (personeel_direct + personeel_indirect) + (huisvesting_eenheid + materieel)


def client_uur_uit_traject(client_uur_per_traject: Any, sessies_per_traject: Any) -> Any:
    """Client-bound time per session [uur] from the time per trajectory (session products).

    Parameters
    ----------
    client_uur_per_traject : [uur]
        Intake, diagnostics, evaluation, reports and parent contact per client per trajectory.
    sessies_per_traject : [-]
    """
    return client_uur_per_traject / sessies_per_traject


def clientkosten(client_uur: Sequence[Any], uurkosten: Sequence[Any]) -> Any:
    """Client-bound staff cost per client per unit [EUR].

    Parameters
    ----------
    client_uur : sequence of [uur]
        Client-bound time of each function per client per unit (c_f).
    uurkosten : sequence of [EUR/uur]
    """
    return sum(c * k for c, k in zip(client_uur, uurkosten, strict=True))
