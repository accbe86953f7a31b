"""The catalogue at a glance: every bundled product priced on its default values.

One row per group product with its key figures and tariff (:func:`productoverzicht`), and
the transport amounts per category (:func:`vervoersbedragen`), on a peildatum or
time-weighted over a tariff year. Used by ``tarieven producten`` and the notebooks.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from tarieven.catalogus import Zoeker, is_vervoer, producten
from tarieven.inlezen import lees_scenario
from tarieven.model import bereken
from tarieven.parameterbestanden import standaard_parameters
from tarieven.parameters import CENTRAAL, ParameterSet
from tarieven.scenario import Scenario
from tarieven.velden import veld
from tarieven.weergave import invoer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["personeel_tekst", "productoverzicht", "vervoersbedragen"]


def personeel_tekst(s: Scenario) -> str:
    """The staff of a group in a few words: ``1:5 mbo 0,5/hbo 0,5`` or ``1 gz_psycholoog + 1 hbo``."""
    w = s.waarden
    if s.structuur.uit_ratio:
        mix = "/".join(f"{f} {invoer(w[f'product.ratio.mix.{f}'])}" for f in s.structuur.direct)
        return f"1:{invoer(w['product.ratio.kinderen_per_medewerker'])} {mix}"
    return " + ".join(f"{invoer(w[f'product.personeel.{f}'])} {f}" for f in s.structuur.direct)


def _tarief(code: str, peildatum: dt.date | None, tariefjaar: int | None, params: ParameterSet, aannames: str) -> float:
    s = lees_scenario(code, peildatum, tariefjaar=tariefjaar, params=params, aannames=aannames)
    return float(bereken(s.structuur, s.waarden)["tarief_per_client"])


def productoverzicht(
    peildatum: dt.date | None = None,
    *,
    tariefjaar: int | None = None,
    params: ParameterSet | None = None,
    aannames: str = CENTRAAL,
) -> pd.DataFrame:
    """The catalogue's group products as a DataFrame: key figures, tariff and band on the defaults.

    Columns: ``naam``, ``eenheid``, ``groepsgrootte``, ``bezettingsgraad``, ``duur_uur``
    [uur], ``personeel`` (text), ``tarief`` [EUR per client per unit] and ``tarief_per_uur`` [EUR/uur]
    at the assumption set ``aannames`` (default centraal), and the band: ``tarief_laag`` and
    ``tarief_hoog``, every assumption at its low and its high reading. Full precision, on a
    peildatum (default today) or time-weighted over a ``tariefjaar``. Index: the product code.
    Transport (priced by distance) is :func:`vervoersbedragen`. ``df.attrs`` holds the
    peildatum or tariefjaar and the assumption set.
    """
    import pandas as pd

    params = params or standaard_parameters()
    if tariefjaar is None:
        peildatum = peildatum or dt.date.today()
    rijen = []
    for code in producten(params):
        if is_vervoer(code, params):
            continue
        s = lees_scenario(code, peildatum, tariefjaar=tariefjaar, params=params, aannames=aannames)
        r = bereken(s.structuur, s.waarden)
        rijen.append(
            {
                "code": code,
                "naam": s.product_naam,
                "eenheid": s.structuur.eenheid,
                "groepsgrootte": s.waarden["product.groepsgrootte"],
                "bezettingsgraad": s.waarden["product.bezettingsgraad"],
                "duur_uur": s.waarden["product.duur_uur"],
                "personeel": personeel_tekst(s),
                "tarief": float(r["tarief_per_client"]),
                "tarief_per_uur": float(r["tarief_per_uur"]),
                "tarief_laag": _tarief(code, peildatum, tariefjaar, params, "laag"),
                "tarief_hoog": _tarief(code, peildatum, tariefjaar, params, "hoog"),
            }
        )
    df = pd.DataFrame(rijen).set_index("code")
    df.attrs.update(peildatum=peildatum, tariefjaar=tariefjaar, aannames=aannames)
    return df


def vervoersbedragen(
    peildatum: dt.date | None = None,
    *,
    tariefjaar: int | None = None,
    params: ParameterSet | None = None,
    aannames: str = CENTRAAL,
) -> dict[str, dict[str, tuple[float, str]]]:
    """Per transport product, per category: the amount per day [EUR] at the assumption set, and its status."""
    params = params or standaard_parameters()
    z = Zoeker(params, peildatum or (None if tariefjaar is not None else dt.date.today()), tariefjaar, aannames)
    uit: dict[str, dict[str, tuple[float, str]]] = {}
    for code in producten(params):
        if not is_vervoer(code, params):
            continue
        bedragen = {}
        for naam, par in params.product(code).parameters.items():
            if naam.startswith("product.bedrag."):
                w = z.op(par)
                assert isinstance(w.waarde, float), veld(naam).verwacht()
                bedragen[naam.removeprefix("product.bedrag.")] = (w.waarde, w.status)
        uit[code] = bedragen
    return uit
