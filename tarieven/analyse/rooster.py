"""Grid: the cartesian product of varied inputs, computed in one vectorised pass.

Each varied input becomes one axis of a broadcast grid (``indexing="ij"``): the values of
the first key vary slowest, as in :func:`itertools.product`. The core
(:func:`tarieven.model.bereken`) is called once per chunk on these broadcast arrays, so a
line that depends on one axis only (``uurkosten.mbo`` when the MBO salary varies) stays
as small as that axis; lines are expanded to full length only when the table is filled.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from tarieven._versie import __version__
from tarieven.analyse._gemeen import (
    BLOKGROOTTE,
    ScenarioInvoer,
    Voortgang,
    als_getallen,
    als_scenario,
    bereken_met,
    controleer_regels,
    controleer_sleutels,
    kolom_attrs,
    vul_mix_aan,
)
from tarieven.model import regeldefinities

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["rooster"]


def rooster(
    scenario: ScenarioInvoer,
    variaties: Mapping[str, Any],
    *,
    regels: Sequence[str] | None = None,
    blokgrootte: int = BLOKGROOTTE,
    voortgang: Voortgang | None = None,
) -> pd.DataFrame:
    """Every combination of the varied inputs with the full breakdown, as a DataFrame.

    Parameters
    ----------
    scenario
        The base scenario (a :class:`~tarieven.Scenario`, a dict or a file path); every
        input not varied keeps its value.
    variaties
        Dotted input key (``product.groepsgrootte``, ``functies.mbo.maandsalaris``) to
        its values: a list, a range or a numpy array, in the documented unit of the field,
        or strings with a unit (``"3400 EUR/maand"``). With a mix of two functions,
        varying one share sets the other to the rest (``hbo = 1 − mbo``).
    regels
        Breakdown lines to keep (default: all of them). Fewer lines, less memory.
    blokgrootte
        Scenarios per chunk (the grid is split along its first axis); bounds the memory
        of the intermediate arrays. The result is the same for any chunk size.
    voortgang
        Called after each chunk with (scenarios done, total), e.g. a
        :class:`~tarieven.analyse.VoortgangRegel`.

    Returns
    -------
    pandas.DataFrame
        One row per combination (first key slowest), columns: the varied inputs (and a
        mix share that follows), then the breakdown lines, all float64 in full precision.
        ``df.attrs`` holds ``eenheden``, ``labels``, ``variaties``, ``vaste_invoer`` (the
        inputs that do not vary), ``invoer_hash`` of the base scenario and ``versie``.

    Raises
    ------
    InvoerFout
        For an unknown key or line, or a value outside the field's range (the first one
        per key is named), or a combination without available hours.

    Examples
    --------
    >>> df = rooster("scenario.toml", {"product.groepsgrootte": [8, 10],
    ...                                "product.bezettingsgraad": np.arange(0.7, 0.96, 0.05)})
    """
    import pandas as pd

    s = als_scenario(scenario)
    controleer_sleutels(s, variaties)
    namen = [d.naam for d in regeldefinities(s.structuur)]
    if regels is not None:
        controleer_regels(s, regels)
        namen = [n for n in namen if n in set(regels)]
    assen = {k: als_getallen(s, k, v) for k, v in variaties.items()}
    vorm = tuple(len(v) for v in assen.values())
    n = int(np.prod(vorm, dtype=np.int64))

    def gevormd(k: int, v: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        sh = [1] * len(vorm)
        sh[k] = v.size
        return v.reshape(sh)

    # the complement of a mix share is an input too: it becomes a column
    volledig = vul_mix_aan(s, {k: gevormd(i, v) for i, (k, v) in enumerate(assen.items())})
    invoerkolommen = list(volledig)
    kolommen = invoerkolommen + namen
    uit = np.empty((len(kolommen), n), dtype=np.float64)

    if not vorm:  # nothing varied: the base scenario as one row
        stukken = [(0, 1)]
    else:
        per_rij = n // vorm[0] if vorm[0] else 0
        stap = max(1, blokgrootte // max(per_rij, 1))
        stukken = [(a, min(a + stap, vorm[0])) for a in range(0, vorm[0], stap)]
    for a, b in stukken:
        if vorm:
            wijz = vul_mix_aan(s, {k: gevormd(i, v[a:b] if i == 0 else v) for i, (k, v) in enumerate(assen.items())})
            blokvorm = (b - a, *vorm[1:])
            r0, r1 = a * (n // vorm[0]), b * (n // vorm[0])
        else:
            wijz, blokvorm, r0, r1 = {}, (), 0, 1
        berekend = bereken_met(s, wijz)
        for j, k in enumerate(kolommen):
            uit[j, r0:r1].reshape(blokvorm)[...] = wijz[k] if k in wijz else berekend[k]
        if voortgang is not None:
            voortgang(r1, n)

    # (n, columns) view on the (columns, n) block: pandas keeps it as one block, no copy
    df = pd.DataFrame(uit.T, columns=kolommen, copy=False)
    df.attrs.update(kolom_attrs(s, kolommen))
    df.attrs.update(
        variaties=invoerkolommen,
        vaste_invoer={k: v for k, v in s.waarden.items() if k not in volledig},
        versie=__version__,
    )
    return df
