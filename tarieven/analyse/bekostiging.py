"""Funding views: capacity funding beside P × Q for one product.

The method (``docs/methode.md``) prices a unit per billed client (P × Q,
*inspanningsgericht*: the municipality pays the tariff for every unit a client attends).
Region Haaglanden weighs capacity funding (*capaciteitsbekostiging*, a yearly amount per
place whether it is used or not) for the classic KDCs in 2027 (Jeugdhulp Haaglanden,
Ontwikkeltafel 21 augustus 2025). The method does not define capacity funding; tarieven
defines it as follows (E = units per year, G = places, b0 = the scenario's
occupancy, β = an actual occupancy):

``capaciteit_per_plaats_jaar = tarief_per_client(b = 1) × E``
    The annual cost of the group at full staffing, with material and client-bound
    time for every place (occupancy 1), with overhead and risk surcharge, divided by
    G. Staff follows from G (counts or ratio), never from occupancy, so this is the
    cost of keeping every place open. The risk surcharge may be set apart
    (``risico_opslag``), since capacity funding moves the occupancy risk to the
    municipality.

``pxq_per_plaats_jaar(β) = tarief_per_client(b = b0) × E × β``
    What P × Q pays per place per year when the tariff is priced at occupancy b0 and the
    places are actually filled at β.

``gelijke_bezetting = capaciteit_per_plaats_jaar / (tarief_per_client(b0) × E)``
    The actual occupancy β at which both pay the same per year.

``kosten_per_plaats_jaar(β) = tarief_per_client(b = β) × E × β``
    The integral cost (with surcharges) per place per year at actual occupancy β: what
    covering the cost would take.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from tarieven.analyse._gemeen import ScenarioInvoer, als_scenario, bereken_met, onderwerp
from tarieven.analyse._invoer import als_getal, als_getallen
from tarieven.fouten import InvoerFout, Probleem
from tarieven.scenario import Scenario
from tarieven.weergave import euro, procent

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Bekostiging", "bekostiging"]

_B = "product.bezettingsgraad"
MEERVOUD = {"dagdeel": "dagdelen", "sessie": "sessies", "uur": "uren", "dag": "dagen"}


@dataclass(frozen=True)
class Bekostiging:
    """Capacity funding and P × Q for one product (see the module docstring for the formulas).

    Attributes
    ----------
    scenario
        The scenario (its occupancy is the one the P × Q tariff is priced at).
    tarief_pxq
        Tariff per client per unit at the scenario's occupancy [EUR].
    tarief_vol
        Tariff per client per unit at occupancy 1, with the capacity risk surcharge [EUR].
    eenheden_per_jaar, groepsgrootte, bezettingsgraad
        E, G and b0.
    capaciteit_per_plaats_jaar, capaciteit_per_groep_jaar
        Capacity funding per place and per group per year [EUR/jaar].
    pxq_per_plaats_jaar
        P × Q per place per year at occupancy b0 [EUR/jaar].
    gelijke_bezetting
        The occupancy at which P × Q pays what capacity funding pays [-].
    """

    scenario: Scenario
    tarief_pxq: float
    tarief_vol: float
    eenheden_per_jaar: float
    groepsgrootte: float
    bezettingsgraad: float
    capaciteit_per_plaats_jaar: float
    capaciteit_per_groep_jaar: float
    pxq_per_plaats_jaar: float
    gelijke_bezetting: float

    def naar_bezetting(self, bezettingsgraden: npt.ArrayLike) -> pd.DataFrame:
        """Both funding forms, and the cost, per place per year for actual occupancies.

        ``bezettingsgraden`` is read as a value list of :func:`~tarieven.analyse.rooster`:
        fractions (``0.85``) or texts with a unit (``"85 %"``), each checked as
        :func:`tarieven.bereken` checks ``product.bezettingsgraad``.

        Returns
        -------
        pandas.DataFrame
            Columns ``bezettingsgraad``, ``capaciteit_per_plaats_jaar``,
            ``pxq_per_plaats_jaar``, ``kosten_per_plaats_jaar`` [EUR/jaar].
        """
        s = self.scenario
        b = als_getallen(s, _B, bezettingsgraden, "bezettingsgraden: ")  # as given: "85 %" too, each value checked
        e = self.eenheden_per_jaar
        kosten = np.broadcast_to(bereken_met(s, {_B: b}, ["tarief_per_client"])["tarief_per_client"], b.shape) * e * b
        import pandas as pd

        df = pd.DataFrame(
            {
                "bezettingsgraad": b,
                "capaciteit_per_plaats_jaar": np.full(b.shape, self.capaciteit_per_plaats_jaar),
                "pxq_per_plaats_jaar": self.tarief_pxq * e * b,
                "kosten_per_plaats_jaar": kosten,
            }
        )
        df.attrs.update(
            labels={
                "bezettingsgraad": "werkelijke bezettingsgraad",
                "capaciteit_per_plaats_jaar": "capaciteitsbekostiging",
                "pxq_per_plaats_jaar": f"P × Q (tarief bij {procent(self.bezettingsgraad, 0)} bezetting)",
                "kosten_per_plaats_jaar": "kosten bij deze bezetting",
            },
            geld=["capaciteit_per_plaats_jaar", "pxq_per_plaats_jaar", "kosten_per_plaats_jaar"],
            fracties=["bezettingsgraad"],
            ylabel="euro per plaats per jaar",
            onderwerp=onderwerp(s),
            eenheden={"bezettingsgraad": "dimensionless"} | dict.fromkeys(list(df.columns)[1:], "EUR/jaar"),
        )
        return df

    def __str__(self) -> str:
        s = self.scenario
        e = s.structuur.eenheid
        regels = [
            f"Bekostiging van {s.product_naam or s.beschrijving or s.bron}",
            f"  capaciteit per plaats per jaar:     {euro(self.capaciteit_per_plaats_jaar):>14}"
            f"  (tarief bij volle bezetting {euro(self.tarief_vol)} × "
            f"{self.eenheden_per_jaar:g} {MEERVOUD.get(e, e)})",
            f"  capaciteit per groep per jaar:      {euro(self.capaciteit_per_groep_jaar):>14}",
            f"  P × Q per plaats per jaar:          {euro(self.pxq_per_plaats_jaar):>14}"
            f"  (tarief {euro(self.tarief_pxq)} × {self.eenheden_per_jaar:g} × "
            f"{procent(self.bezettingsgraad, 0)} bezetting)",
            f"  gelijk bij een bezettingsgraad van  {procent(self.gelijke_bezetting, 1):>14}",
        ]
        return "\n".join(regels)


def bekostiging(scenario: ScenarioInvoer, *, risico_opslag: float | None = None) -> Bekostiging:
    """Capacity funding per place per year beside the P × Q tariff, and where they meet.

    Parameters
    ----------
    scenario
        The product (a :class:`~tarieven.Scenario`, a dict or a file path). Its
        ``bezettingsgraad`` is the occupancy the P × Q tariff is priced at.
    risico_opslag
        Risk surcharge for capacity funding (default: the scenario's own).

    Returns
    -------
    Bekostiging
        With ``capaciteit_per_plaats_jaar``, ``pxq_per_plaats_jaar``,
        ``gelijke_bezetting`` and :meth:`Bekostiging.naar_bezetting` for a curve.
    """
    s = als_scenario(scenario)
    r = s.waarden["opslagen.risico_opslag"]
    if risico_opslag is not None:
        veld = s.veld("opslagen.risico_opslag")
        verwacht = veld.verwacht().replace("(risico-opslag)", "(risico-opslag bij capaciteitsbekostiging)")
        r = als_getal("risico_opslag", risico_opslag, verwacht)
        if not veld.past(r):
            raise InvoerFout([Probleem("risico_opslag", risico_opslag, verwacht)])
    b0 = float(s.waarden[_B])
    e = float(s.waarden["product.eenheden_per_jaar"])
    g = float(s.waarden["product.groepsgrootte"])
    # one call: row 0 is the P × Q tariff at b0, row 1 full occupancy with the capacity risk surcharge
    wijz = {_B: np.array([b0, 1.0]), "opslagen.risico_opslag": np.array([s.waarden["opslagen.risico_opslag"], r])}
    tarieven_ = np.asarray(bereken_met(s, wijz, ["tarief_per_client"])["tarief_per_client"])
    pxq, vol = float(tarieven_[0]), float(tarieven_[1])
    capaciteit = vol * e
    return Bekostiging(
        scenario=s,
        tarief_pxq=pxq,
        tarief_vol=vol,
        eenheden_per_jaar=e,
        groepsgrootte=g,
        bezettingsgraad=b0,
        capaciteit_per_plaats_jaar=capaciteit,
        capaciteit_per_groep_jaar=capaciteit * g,
        pxq_per_plaats_jaar=pxq * e * b0,
        gelijke_bezetting=capaciteit / (pxq * e),
    )
