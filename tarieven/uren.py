"""Step 2 of the method: productive hours per FTE per year and the cost per productive hour.

Described in ``docs/methode.md#stap-2-productieve-uren-en-kosten-per-productief-uur``.

Pure functions over floats or numpy arrays (they broadcast); each is the one definition of
its breakdown line (see :mod:`tarieven.personeel`).
"""

from __future__ import annotations

from typing import Any

__all__ = ["beschikbare_uren", "contracturen", "productieve_uren", "uurkosten"]


def contracturen(uren_per_week: Any, weken_per_jaar: Any) -> Any:
    """Contract hours of one FTE per year [uur/jaar].

    Parameters
    ----------
    uren_per_week : [uur/week]
        Full-time working week (CAO Jeugdzorg: 36).
    weken_per_jaar : [week/jaar]
        Weeks in a year (52,143 = 365 / 7).
    """
    return uren_per_week * weken_per_jaar


def beschikbare_uren(contracturen: Any, verlofuren: Any, verzuim: Any, scholingsuren: Any) -> Any:
    """Hours available for work after leave, sickness and training [uur/jaar].

    The non-productive hours of the Wmo list (Uitvoeringsbesluit Wmo 2015 art. 5.4) that
    are not attributable to any product.

    Parameters
    ----------
    contracturen : [uur/jaar]
    verlofuren : [uur/jaar]
        Holiday plus public-holiday hours the CAO grants.
    verzuim : [-]
        Sickness absence as a fraction of the contract hours.
    scholingsuren : [uur/jaar]
    """
    return contracturen - verlofuren - verzuim * contracturen - scholingsuren


def productieve_uren(beschikbare_uren: Any, productiviteit: Any) -> Any:
    """Hours attributable to products [uur/jaar].

    Parameters
    ----------
    beschikbare_uren : [uur/jaar]
    productiviteit : [-]
        Share of the available hours attributable to products; the rest is team meetings,
        intervision and general administration. Time attributable to one unit is priced
        with the unit (``extra_uur``), never here, so nothing counts twice.
    """
    return beschikbare_uren * productiviteit


def uurkosten(personeelskosten: Any, productieve_uren: Any) -> Any:
    """Cost per productive hour [EUR/uur].

    Parameters
    ----------
    personeelskosten : [EUR/jaar]
    productieve_uren : [uur/jaar]
    """
    return personeelskosten / productieve_uren
