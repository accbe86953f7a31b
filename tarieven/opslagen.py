"""MODEL.md step 4: from group cost to the tariff per client per unit (opslagen).

Pure numpy functions; every argument may be a float or an array (broadcast).
"""

from __future__ import annotations

import numpy as np

from tarieven._typing import Getal, GetalInvoer

__all__ = ["GRONDSLAGEN", "kostprijs_per_client", "met_overhead", "tarief"]

AANDEEL_INTEGRALE_KOSTPRIJS = "aandeel_integrale_kostprijs"
OPSLAG_OP_KOSTPRIJS = "opslag_op_kostprijs"
GRONDSLAGEN = (AANDEEL_INTEGRALE_KOSTPRIJS, OPSLAG_OP_KOSTPRIJS)
"""The two overhead conventions; a scenario must name one (MODEL.md 4)."""


def kostprijs_per_client(
    groepskosten: GetalInvoer,
    groepsgrootte: GetalInvoer,
    bezettingsgraad: GetalInvoer,
    clientkosten: GetalInvoer,
) -> Getal:
    """Cost price per billed client per unit.

    Parameters
    ----------
    groepskosten : [EUR]
    groepsgrootte : [-]
    bezettingsgraad : [-]
        Average billed clients per place, 0 < b <= 1.
    clientkosten : [EUR]

    Returns
    -------
    [EUR] ``groepskosten / (G * b) + clientkosten``.
    """
    per_client: Getal = np.divide(groepskosten, np.multiply(groepsgrootte, bezettingsgraad))
    return per_client + np.asarray(clientkosten)


def met_overhead(kostprijs: GetalInvoer, overhead: GetalInvoer, aandeel_integrale_kostprijs: GetalInvoer) -> Getal:
    """Cost price including overhead, in either convention.

    Parameters
    ----------
    kostprijs : [EUR]
    overhead : [-]
    aandeel_integrale_kostprijs : bool or bool array
        True: overhead is a share of the integral cost price, ``k / (1 - o)``
        (requires o < 1). False: a mark-up on the cost price, ``k * (1 + o)``.
        25 % as a share equals a 33.3 % mark-up.

    Returns
    -------
    [EUR]
    """
    k = np.asarray(kostprijs, dtype=float)
    o = np.asarray(overhead, dtype=float)
    if np.ndim(aandeel_integrale_kostprijs) == 0:
        # the common case: one convention for all scenarios, no wasted branch
        return k / (1.0 - o) if aandeel_integrale_kostprijs else k * (1.0 + o)
    with np.errstate(divide="ignore", invalid="ignore"):  # o >= 1 only in rows not taken
        return np.where(aandeel_integrale_kostprijs, k / (1.0 - o), k * (1.0 + o))


def tarief(met_overhead: GetalInvoer, risico_opslag: GetalInvoer) -> Getal:
    """Tariff per client per unit.

    Parameters
    ----------
    met_overhead : [EUR]
    risico_opslag : [-]
        Risk surcharge as a mark-up.

    Returns
    -------
    [EUR] ``met_overhead * (1 + risico_opslag)``.
    """
    return np.multiply(met_overhead, np.add(1.0, risico_opslag))
