"""Grid: the cartesian product of varied inputs, computed in one vectorised pass.

Each varied input becomes one axis of a broadcast grid (``indexing="ij"``): the values of
the first key vary slowest, as in :func:`itertools.product`. The core
(:func:`tarieven.model.bereken`) is called once per chunk on these broadcast arrays, so a
line that depends on one axis only (``uurkosten.mbo`` when the MBO salary varies) stays
as small as that axis; lines are expanded to full length only when the table is filled.

The structural choices ``product.ratio.afronding`` and ``opslagen.overhead_grondslag`` may
be grid keys too. They change the structure of the calculation, not a number: the grid is
split into structure groups, each computed with one vectorised call of the core per chunk
over the numeric axes, and every group's block is written into its place in the
cartesian order (see :mod:`tarieven.analyse._keuzes`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from tarieven._versie import __version__
from tarieven.analyse._gemeen import (
    BLOKGROOTTE,
    MAX_GEHEUGEN_GB,
    MAX_SCENARIOS,
    ScenarioInvoer,
    Voortgang,
    als_scenario,
    bereken_met,
    controleer_omvang,
    kolom_attrs,
    reserveer,
    rijwaarschuwingen,
    vul_mix_aan,
)
from tarieven.analyse._invoer import (
    als_blokgrootte,
    als_getallen,
    als_lijst,
    als_tabel,
    controleer_regels,
    controleer_sleutels,
)
from tarieven.analyse._keuzes import controleer_rooster, is_keuze, lees_assen, lees_keuzes, structuurgroepen
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
    max_scenarios: int = MAX_SCENARIOS,
    max_geheugen_gb: float = MAX_GEHEUGEN_GB,
) -> pd.DataFrame:
    """Every combination of the varied inputs with the full breakdown, as a DataFrame.

    Parameters
    ----------
    scenario
        The base scenario (a :class:`~tarieven.Scenario`, a dict or a file path); every
        input not varied keeps its value.
    variaties
        Dotted input key (``product.groepsgrootte``, ``functies.mbo.maandsalaris``) to
        its values: a list, a range or a 1-d numpy array (one value alone is a list of
        one; bytes, a dict, a set or a table are refused), in the documented unit of the
        field, or strings with a unit (``"3400 EUR/maand"``). With a mix of two functions,
        varying one share sets the other to the rest (``hbo = 1 − mbo``). The structural
        choices take strings: ``"product.ratio.afronding": ["naar_boven", "exact"]`` (only
        with staff from a ratio) and ``"opslagen.overhead_grondslag":
        ["aandeel_integrale_kostprijs", "opslag_op_kostprijs"]``.
    regels
        Breakdown lines to keep (default: all of them). Fewer lines, less memory.
    blokgrootte
        Scenarios per chunk (a whole number of 1 or more; the grid is split along its
        first axis); bounds the memory of the intermediate arrays. The result is the same
        for any chunk size.
    voortgang
        Called after each chunk with (scenarios done, total), e.g. a
        :class:`~tarieven.analyse.VoortgangRegel`.
    max_scenarios, max_geheugen_gb
        Limits checked before anything is computed: the number of combinations and an
        estimate of the result's memory (default 10 million and 4 GiB). A larger grid is
        an error naming the limit; raise it deliberately.

    Returns
    -------
    pandas.DataFrame
        One row per combination (first key slowest), columns: the varied inputs (and a
        mix share that follows), then the breakdown lines, all float64 in full precision;
        a structural choice is a categorical column (categories in the order given).
        The last column, ``waarschuwingen``, counts per row what a single calculation
        would warn about or refuse (see :func:`~tarieven.analyse._gemeen.rijwaarschuwingen`);
        the grid never stops for them. ``df.attrs``: ``eenheden``, ``labels``,
        ``variaties``, ``vaste_invoer``, ``waarschuwingen`` (rows per reason),
        ``invoer_hash`` and ``versie``.

    Raises
    ------
    InvoerFout
        For an unknown key or line, or a value outside the field's range (the first one
        per key is named), a grid above the limits, or a combination without available hours; for an unknown
        structural choice or one that does not apply to the scenario; for an overhead
        outside its range under a convention in the grid (the first such row is named).

    Examples
    --------
    >>> df = rooster("scenario.toml", {"product.groepsgrootte": [8, 10],
    ...                                "product.bezettingsgraad": np.arange(0.7, 0.96, 0.05)})
    """
    s = als_scenario(scenario)
    blokgrootte = als_blokgrootte(blokgrootte)
    voorbeeld = "invoersleutels naar waarden, zoals {'product.groepsgrootte': [8, 10]}"
    variaties = als_tabel("variaties", variaties, voorbeeld)
    keuzes = {k: lees_keuzes(s, k, v) for k, v in variaties.items() if is_keuze(k)}
    numeriek = {k: v for k, v in variaties.items() if k not in keuzes}
    controleer_sleutels(s, numeriek)
    namen = [d.naam for d in regeldefinities(s.structuur)]
    if regels is not None:
        regels = als_lijst("regels", regels, "regelnamen, zoals ['tarief_per_client']")
        controleer_regels(s, regels)
        namen = [n for n in namen if n in set(regels)]
    volgorde = list(variaties)
    groepen = structuurgroepen(s, keuzes)
    if keuzes:  # the range of a number may depend on the structure: check per group
        assen = lees_assen(s, groepen, numeriek)
        controleer_rooster(s, groepen, keuzes, assen, volgorde)
    else:
        assen = {k: als_getallen(s, k, v) for k, v in numeriek.items()}
    vorm = tuple(len(v) for v in assen.values())  # the numeric axes
    volle_vorm = tuple(len(keuzes[k]) if k in keuzes else assen[k].size for k in volgorde)
    n = int(np.prod(volle_vorm, dtype=np.int64))
    per_structuur = int(np.prod(vorm, dtype=np.int64))  # rows of one combination of choices
    breedte = len(numeriek) + len(namen) + len(keuzes) + 1
    controleer_omvang("rooster", n, breedte, max_scenarios=max_scenarios, max_geheugen_gb=max_geheugen_gb)

    def gevormd(k: int, v: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        sh = [1] * len(vorm)
        sh[k] = v.size
        return v.reshape(sh)

    # the complement of a mix share is an input too: it becomes a column
    volledig = vul_mix_aan(s, {k: gevormd(i, v) for i, (k, v) in enumerate(assen.items())})
    invoerkolommen = volgorde + [k for k in volledig if k not in variaties]
    getalkolommen = [k for k in invoerkolommen if k not in keuzes] + namen
    uit = reserveer("rooster", (len(getalkolommen), n))

    per_rij = per_structuur // vorm[0] if vorm else 1  # rows per value of the first numeric axis
    stukken = _stukken(vorm, per_rij, blokgrootte)
    # where a chunk of a group lands in the full grid: an index per structural axis, the
    # chunk's slice on the first numeric axis, everything on the other numeric axes
    structuuras = [volgorde.index(k) for k in keuzes]
    eerste_as = next((i for i, k in enumerate(volgorde) if k not in keuzes), None)
    gedaan = 0
    for groep in groepen:
        for a, b in stukken:
            stuk = {k: gevormd(i, v[a:b] if i == 0 else v) for i, (k, v) in enumerate(assen.items())}
            wijz = vul_mix_aan(s, stuk) if vorm else {}
            berekend = bereken_met(groep.scenario, wijz, namen if regels is not None else None)
            for posities in groep.posities:
                plek = _plek(len(volle_vorm), dict(zip(structuuras, posities, strict=True)), eerste_as, (a, b))
                for j, k in enumerate(getalkolommen):
                    uit[j].reshape(volle_vorm)[plek] = wijz[k] if k in wijz else berekend[k]
                gedaan += (b - a) * per_rij
                if voortgang is not None:
                    voortgang(gedaan, n)

    df = _tabel(uit, getalkolommen, keuzes, volgorde, volle_vorm, invoerkolommen)
    telling, redenen = rijwaarschuwingen(s, {k: uit[j] for j, k in enumerate(getalkolommen)}, n)
    df["waarschuwingen"] = telling
    kolommen = invoerkolommen + namen
    df.attrs.update(kolom_attrs(s, kolommen))
    df.attrs.update(
        waarschuwingen=redenen,
        variaties=invoerkolommen,
        vaste_invoer={k: v for k, v in s.waarden.items() if k not in volledig},
        versie=__version__,
    )
    return df


def _plek(
    dimensies: int, structuur: dict[int, int], eerste_as: int | None, stuk: tuple[int, int]
) -> tuple[int | slice, ...]:
    """Where a chunk of a structure group lands in the full grid: the group's index on each
    structural axis, the chunk's slice on the first numeric axis, all of the other axes."""
    plek: list[int | slice] = [structuur.get(i, slice(None)) for i in range(dimensies)]
    if eerste_as is not None:
        plek[eerste_as] = slice(*stuk)
    return tuple(plek)


def _stukken(vorm: tuple[int, ...], per_rij: int, blokgrootte: int) -> list[tuple[int, int]]:
    """The chunks along the first numeric axis, each about ``blokgrootte`` scenarios."""
    if not vorm:  # no numeric axis: one scenario per combination of choices
        return [(0, 1)]
    stap = max(1, blokgrootte // max(per_rij, 1))
    return [(a, min(a + stap, vorm[0])) for a in range(0, vorm[0], stap)]


def _tabel(
    uit: np.ndarray[Any, Any],
    getalkolommen: list[str],
    keuzes: Mapping[str, Sequence[str]],
    volgorde: list[str],
    volle_vorm: tuple[int, ...],
    invoerkolommen: list[str],
) -> pd.DataFrame:
    """The grid as a DataFrame; a structural choice as a categorical column in its place."""
    import pandas as pd

    # (n, columns) view on the (columns, n) block: pandas keeps it as one block, no copy
    df = pd.DataFrame(uit.T, columns=getalkolommen, copy=False)
    for k, waarden in keuzes.items():  # the choices as categorical columns, in the order given
        categorieen = list(dict.fromkeys(waarden))
        codes = np.asarray([categorieen.index(w) for w in waarden], dtype=np.int8)
        sh = [1] * len(volle_vorm)
        sh[volgorde.index(k)] = codes.size
        alle_codes = np.broadcast_to(codes.reshape(sh), volle_vorm).reshape(-1)
        kolom = pd.Categorical.from_codes(alle_codes, categories=pd.Index(categorieen))
        df.insert(invoerkolommen.index(k), k, pd.Series(kolom, index=df.index))
    return df
