"""Break-even occupancy against stated tariffs, reachable or not.

The bundled tariff is priced at the bundled occupancy, so it breaks even there by
construction. The question a municipality asks is the other way round: *at the tariff we
pay (or a published level), what occupancy does a provider need to cover its cost?* The
tariff per client falls as occupancy rises (group costs are shared by more billed
clients), so a stated tariff below the tariff at full occupancy cannot be covered at any
occupancy: :func:`break_even_bezetting` says so in its row, with the shortfall, instead of
raising as :func:`~tarieven.analyse.doelzoek` does for a single target.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import numpy as np

from tarieven.analyse._gemeen import ScenarioInvoer, als_scenario, bereken_met, kolom_attrs
from tarieven.analyse.doelzoeken import doelzoek
from tarieven.fouten import InvoerFout, Probleem
from tarieven.weergave import euro

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["break_even_bezetting"]

_B = "product.bezettingsgraad"


def _als_doelen(doelen: object) -> dict[str, float]:
    """Stated tariffs by label: a mapping as given, a number or a list of numbers labelled by amount."""
    fout = InvoerFout([Probleem("doelen", doelen, "een tarief in euro (95.0), een lijst tarieven of {naam: tarief}")])
    if isinstance(doelen, bool):
        raise fout
    if isinstance(doelen, Mapping):
        paren = list(doelen.items())
    elif isinstance(doelen, numbers.Real):
        paren = [(euro(float(doelen)), doelen)]
    elif isinstance(doelen, Iterable) and not isinstance(doelen, (str, bytes)):
        lijst = list(doelen)
        paren = [(euro(float(x)) if isinstance(x, numbers.Real) else str(x), x) for x in lijst]
    else:
        raise fout
    if any(isinstance(x, bool) or not isinstance(x, numbers.Real) for _, x in paren):
        raise fout
    return {str(k): float(x) for k, x in paren}


def break_even_bezetting(
    scenario: ScenarioInvoer, doelen: Mapping[str, float] | Iterable[float] | float
) -> pd.DataFrame:
    """The occupancy at which the tariff per client equals each stated tariff.

    Parameters
    ----------
    scenario
        The product or scenario (a :class:`~tarieven.Scenario`, a dict, a file or a code).
    doelen
        The stated tariffs per client per unit [EUR]: the tariff a municipality pays, a
        published level, a tariff under consideration. A mapping ``{label: tariff}``, or
        one number or a list of numbers (each then labelled by its amount, "€ 95,00").

    Returns
    -------
    pandas.DataFrame
        One row per target, in the order given, indexed by label: ``tarief`` (the stated
        tariff), ``bezettingsgraad`` (the break-even occupancy, NaN where none),
        ``haalbaar`` (bool), ``tarief_vol`` (the tariff at full occupancy, the lowest the
        cost allows), ``tekort_vol`` (by how much the stated tariff falls short of it,
        0 where reachable) and ``melding`` (why not, in Dutch; empty where reachable).
    """
    s = als_scenario(scenario)
    doel = _als_doelen(doelen)
    namen = list(doel)
    bedragen = np.array([doel[k] for k in namen], dtype=float)
    if not namen or not np.all(np.isfinite(bedragen) & (bedragen > 0)):
        raise InvoerFout([Probleem("doelen", doel, "ten minste één tarief groter dan 0")])
    vol = float(bereken_met(s, {_B: np.array(1.0)}, ["tarief_per_client"])["tarief_per_client"])
    haalbaar = bedragen >= vol
    b = np.full(bedragen.shape, np.nan)
    if haalbaar.any():
        b[haalbaar] = doelzoek(s, _B, bedragen[haalbaar])
    import pandas as pd

    df = pd.DataFrame(
        {
            "tarief": bedragen,
            "bezettingsgraad": b,
            "haalbaar": haalbaar,
            "tarief_vol": vol,
            "tekort_vol": np.where(haalbaar, 0.0, vol - bedragen),
            "melding": [
                "" if h else f"niet te halen: ook bij volle bezetting is het tarief {euro(vol)}, {euro(vol - t)} meer"
                for h, t in zip(haalbaar, bedragen, strict=True)
            ],
        },
        index=pd.Index(namen, name="doel"),
    )
    attrs = kolom_attrs(s, [_B, "tarief_per_client"])
    attrs["geld"] = ["tarief", "tarief_vol", "tekort_vol"]
    df.attrs.update(attrs)
    return df
