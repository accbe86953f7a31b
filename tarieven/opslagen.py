"""Step 4 of the method: from the group's cost to the tariff per client per unit (opslagen).

Described in ``docs/methode.md#stap-4-opslagen-voor-overhead-en-risico``.

Pure functions over floats or numpy arrays (they broadcast); each is the one definition of
its breakdown line (see :mod:`tarieven.personeel`). The build-up of the tariff per client
(the waterfall) is defined here too: its parts add up to the tariff.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = [
    "AANDEEL_INTEGRALE_KOSTPRIJS",
    "GRONDSLAGEN",
    "clientdeel",
    "OPSLAG_OP_KOSTPRIJS",
    "kostprijs_per_client",
    "met_overhead",
    "opslag",
    "per_client",
    "tarief",
]

AANDEEL_INTEGRALE_KOSTPRIJS = "aandeel_integrale_kostprijs"
OPSLAG_OP_KOSTPRIJS = "opslag_op_kostprijs"
GRONDSLAGEN = (AANDEEL_INTEGRALE_KOSTPRIJS, OPSLAG_OP_KOSTPRIJS)
"""The two overhead conventions; a scenario must name one (there is no silent default)."""


def kostprijs_per_client(groepskosten: Any, groepsgrootte: Any, bezettingsgraad: Any, clientkosten: Any) -> Any:
    """Cost price per billed client per unit [EUR].

    The group's cost is carried by the clients actually billed (places times occupancy),
    plus each client's own client-bound time.

    Parameters
    ----------
    groepskosten : [EUR]
    groepsgrootte : [-]
    bezettingsgraad : [-]
        Average billed clients per place, 0 < b <= 1.
    clientkosten : [EUR]
    """
    return groepskosten / (groepsgrootte * bezettingsgraad) + clientkosten


def met_overhead(kostprijs: Any, overhead: Any, aandeel_integrale_kostprijs: Any) -> Any:
    """Cost price including overhead [EUR], in either convention.

    Parameters
    ----------
    kostprijs : [EUR]
    overhead : [-]
    aandeel_integrale_kostprijs : bool or bool array
        True: overhead is a share of the integral cost price (requires overhead < 1).
        False: a mark-up on the cost price. 25 % as a share equals a 33.3 % mark-up.
    """
    if np.ndim(aandeel_integrale_kostprijs) == 0:
        return kostprijs / (1 - overhead) if aandeel_integrale_kostprijs else kostprijs * (1 + overhead)
    k, o = np.asarray(kostprijs, dtype=float), np.asarray(overhead, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):  # o >= 1 only in rows not taken
        return np.where(aandeel_integrale_kostprijs, k / (1.0 - o), k * (1.0 + o))


def tarief(met_overhead: Any, risico_opslag: Any) -> Any:
    """Tariff per client per unit [EUR]: the cost price with overhead and the risk surcharge.

    Parameters
    ----------
    met_overhead : [EUR]
    risico_opslag : [-]
        A mark-up.
    """
    return met_overhead * (1 + risico_opslag)


def per_client(bedrag: Any, groepsgrootte: Any, bezettingsgraad: Any) -> Any:
    """A group cost per billed client [EUR]: its part of the tariff before surcharges."""
    return bedrag / (groepsgrootte * bezettingsgraad)


def clientdeel(clientkosten: Any) -> Any:
    """The client-bound cost as its own part of the tariff [EUR] (already per client)."""
    return clientkosten


def opslag(met: Any, zonder: Any) -> Any:
    """A surcharge as an amount per client [EUR]: the price with it minus the price without."""
    return met - zonder
