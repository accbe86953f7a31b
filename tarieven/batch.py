"""Many unrelated scenarios at once: a table in, a table of breakdown lines out.

For tools that price many scenarios (a provider's list of groups, a region's set of
submissions): one row per scenario, columns named by field path
(``product.groepsgrootte``, ``functies.mbo.maandsalaris``); a ``basis`` column names the
product each row starts from, and what a row leaves empty comes from that product. Rows
that share a structure (the same product, the same functions, the same conventions) are
validated and computed together in one vectorised pass.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

import numpy as np

from tarieven.fouten import InvoerFout, Probleem
from tarieven.inlezen import lees_scenario
from tarieven.model import bereken as bereken_regels
from tarieven.model import regeldefinities
from tarieven.parameters import ParameterSet
from tarieven.scenario import Scenario

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["bereken_tabel"]


def _leeg(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def bereken_tabel(
    tabel: pd.DataFrame,
    *,
    basis: str | None = None,
    peildatum: dt.date | str | None = None,
    tariefjaar: int | None = None,
    params: ParameterSet | None = None,
) -> pd.DataFrame:
    """Price every row of ``tabel``; returns one row of breakdown lines per input row.

    Parameters
    ----------
    tabel
        One scenario per row; columns are dotted input keys, plus optionally ``basis``
        (a product code per row). An empty cell (NaN, None) means "as in the basis
        product". Numbers are in the unit of their field, or text with a unit.
    basis
        The product for rows without a ``basis`` column or cell.
    peildatum, tariefjaar
        When the bundled parameters are looked up (as in :func:`tarieven.bereken`).
    params
        The parameter set (default: the bundled one).

    Returns
    -------
    pandas.DataFrame
        Same index as ``tabel``; one float64 column per breakdown line (a line a row's
        structure does not have is missing, ``NaN``, in that row only).

    Raises
    ------
    InvoerFout
        For the first invalid row, naming its index, key, value and expectation.
    """
    import pandas as pd

    groepen: dict[Hashable, tuple[Scenario, list[Any]]] = {}
    waarden: dict[Any, dict[str, Any]] = {}
    for index, rij in tabel.iterrows():
        invoer = {str(k): v for k, v in rij.items() if not _leeg(v) and k != "basis"}
        code = rij.get("basis", basis) if not _leeg(rij.get("basis")) else basis
        data = {"basis": code} if code is not None else {}
        try:
            s = lees_scenario(data, peildatum, tariefjaar=tariefjaar, params=params, met=invoer)
        except InvoerFout as e:
            problemen = [Probleem(f"rij {index}: {p.sleutel}", p.waarde, p.verwacht) for p in e.problemen]
            raise InvoerFout(problemen, e.bestand) from None
        groepen.setdefault((s.structuur, code), (s, []))[1].append(index)
        waarden[index] = dict(s.waarden)
    delen = []
    for s, indices in groepen.values():
        sleutels = sorted(set().union(*(waarden[i] for i in indices)))
        kolommen = {k: np.array([waarden[i].get(k, s.waarden.get(k, np.nan)) for i in indices]) for k in sleutels}
        regels = bereken_regels(s.structuur, kolommen)
        namen = [d.naam for d in regeldefinities(s.structuur)]
        n = len(indices)
        delen.append(
            pd.DataFrame({k: np.broadcast_to(np.asarray(regels[k], dtype=float), (n,)) for k in namen}, index=indices)
        )
    uit = pd.concat(delen).reindex(tabel.index)
    uit.attrs["structuren"] = len(groepen)
    return uit
