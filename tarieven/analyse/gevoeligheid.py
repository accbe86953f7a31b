"""Sensitivity: vary one input at a time and see how the tariff responds (the tornado).

All variations are computed in one vectorised call: row ``2i`` holds input ``i`` at its
low value, row ``2i + 1`` at its high value, every other input at its base value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from tarieven.analyse._gemeen import (
    Arr,
    ScenarioInvoer,
    als_scenario,
    bereken_met,
    is_fractie,
    label,
    mixsleutels,
    onderwerp,
)
from tarieven.analyse._invoer import (
    als_getal,
    als_lijst,
    als_paar,
    als_tabel,
    controleer_bereik,
    controleer_regels,
    controleer_sleutels,
)
from tarieven.fouten import InvoerFout, Probleem
from tarieven.scenario import Scenario
from tarieven.weergave import is_geld

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["gevoeligheid"]


def _sleutels(s: Scenario, sleutels: Sequence[str] | None, bereiken: Mapping[str, Any]) -> list[str]:
    """The inputs to vary: the given ones, or every chosen input with a value other than 0."""
    if sleutels is None:
        gekozen = [k for k, v in s.waarden.items() if (v != 0 and not s.veld(k).vast) or k in bereiken]
        mix2 = mixsleutels(s)
        if len(mix2) == 2 and mix2[0] in gekozen and mix2[1] not in bereiken:
            gekozen.remove(mix2[1])  # the second share of a two-function mix is the first one mirrored
        if len(mix2) == 1 and mix2[0] not in bereiken:
            gekozen.remove(mix2[0])  # a mix of one function is 1, nothing to trade
    else:
        controleer_sleutels(s, sleutels, argument="sleutels")
        gekozen = list(dict.fromkeys([*sleutels, *(k for k in bereiken if k not in sleutels)]))
    mix = mixsleutels(s)
    if len(mix) != 2 and any(k in mix for k in gekozen):
        eerste = next(k for k in gekozen if k in mix)
        raise InvoerFout(
            [
                Probleem(
                    eerste,
                    s.waarden[eerste],
                    "geen mixaandeel bij een mix van één functie of van meer dan twee functies (de mix "
                    "moet samen 1 blijven); varieer de aandelen samen in een rooster",
                )
            ]
        )
    return gekozen


def _grenzen(
    s: Scenario,
    sleutels: Sequence[str],
    basis: Arr,
    procent: float,
    bereiken: Mapping[str, Any],
    mix: Sequence[str],
) -> tuple[Arr, Arr]:
    """Low and high value of each input: its own range, or the percentage (stopped at the field's top).

    A whole-number input (a group of 4 places) goes to the whole numbers just outside the
    percentage (3 and 5, not 3,6 and 4,4), never below 1.
    """
    laag, hoog = basis * (1 - procent / 100), basis * (1 + procent / 100)
    for i, k in enumerate(sleutels):
        if k in bereiken:
            laag[i], hoog[i] = (float(x) for x in bereiken[k])
        elif s.veld(k).geheel:
            laag[i] = max(1.0, float(np.floor(np.round(laag[i], 9))))
            hoog[i] = float(np.ceil(np.round(hoog[i], 9)))
        elif k in mix:
            hoog[i] = min(hoog[i], 1.0)
        elif (b := s.veld(k).bereik) is not None and b.hoog_mee:
            hoog[i] = min(hoog[i], b.hoog)
        controleer_bereik(s, k, np.array([laag[i], hoog[i]]), "bereiken." if k in bereiken else "")
    return laag, hoog


def gevoeligheid(
    scenario: ScenarioInvoer,
    sleutels: Sequence[str] | None = None,
    *,
    procent: float = 10.0,
    bereiken: Mapping[str, tuple[float, float]] | None = None,
    regel: str = "tarief_per_client",
) -> pd.DataFrame:
    """One-at-a-time sensitivity of a breakdown line to each input, sorted by effect.

    Parameters
    ----------
    scenario
        The base scenario (a :class:`~tarieven.Scenario`, a dict or a file path).
    sleutels
        Inputs to vary (default: every input a region or provider chooses, with a base
        value other than 0, plus those in ``bereiken``; facts that nobody chooses, such as
        the weeks in a year or the CAO's working week, are left out: ``Veld.vast``; of a
        mix of two functions only the first share, since the other follows from it, and
        no share of a mix of one function, which is always 1).
    procent
        Each input goes ``procent`` % down and up from its base value. A value that would
        pass the top of its field's range (bezettingsgraad 0,95 + 10 %) stops there; a
        whole number goes to the whole numbers around it (a group of 4: 3 and 5).
    bereiken
        Input key to (low, high) in the field's unit, instead of the percentage.
    regel
        The breakdown line whose response is measured (default the tariff per client).

    Returns
    -------
    pandas.DataFrame
        Indexed by input key, sorted by ``bereik`` (largest first), with columns
        ``label``, ``eenheid``, ``soort`` (geld, fractie, getal), ``invoer_basis``, ``invoer_laag``, ``invoer_hoog``,
        ``uitkomst_basis``, ``uitkomst_laag``, ``uitkomst_hoog``, ``effect_laag``,
        ``effect_hoog`` (line minus base) and ``bereik`` (largest minus smallest of the
        three). ``attrs["regel"]`` names the line.

    Raises
    ------
    InvoerFout
        For an unknown key or line, a range outside the field, a negative percentage,
        or a mix share of a mix of more than two functions.
    """
    s = als_scenario(scenario)
    controleer_regels(s, [regel])
    bereiken = {
        k: als_paar(f"bereiken.{k}", v, "(laag, hoog), twee getallen")
        for k, v in als_tabel("bereiken", bereiken or {}, "invoersleutels naar (laag, hoog)").items()
    }
    controleer_sleutels(s, bereiken, "bereiken.")
    verwacht = "een percentage groter dan 0 en kleiner dan 100"
    procent = als_getal("procent", procent, verwacht)
    if not 0 < procent < 100:
        raise InvoerFout([Probleem("procent", procent, verwacht)])
    if sleutels is not None:
        sleutels = als_lijst("sleutels", sleutels, "invoersleutels, zoals ['product.bezettingsgraad']")
    sleutels = _sleutels(s, sleutels, bereiken)
    mix = mixsleutels(s)
    basis = np.array([s.waarden[k] for k in sleutels], dtype=float)
    laag, hoog = _grenzen(s, sleutels, basis, procent, bereiken, mix)

    n = 2 * len(sleutels)
    wijzigingen: dict[str, Arr] = {}
    for i, k in enumerate(sleutels):
        w = wijzigingen.setdefault(k, np.full(n, s.waarden[k]))
        w[2 * i], w[2 * i + 1] = laag[i], hoog[i]
    if len(mix) == 2:
        # the other share of a two-function mix follows: only where a share was varied
        for i, k in enumerate(sleutels):
            if k in mix:
                ander = mix[1] if k == mix[0] else mix[0]
                w = wijzigingen.setdefault(ander, np.full(n, s.waarden[ander]))
                w[2 * i : 2 * i + 2] = 1.0 - np.array([laag[i], hoog[i]])
    uitkomst = np.broadcast_to(bereken_met(s, wijzigingen, [regel])[regel], (n,))
    basis_uitkomst = float(bereken_met(s, {}, [regel])[regel])

    import pandas as pd

    df = pd.DataFrame(
        {
            "label": [label(s, k) for k in sleutels],
            "eenheid": [s.veld(k).eenheid for k in sleutels],
            "soort": [
                "fractie" if is_fractie(s, k) else "geld" if is_geld(s.veld(k).eenheid) else "getal" for k in sleutels
            ],
            "invoer_basis": basis,
            "invoer_laag": laag,
            "invoer_hoog": hoog,
            "uitkomst_basis": basis_uitkomst,
            "uitkomst_laag": uitkomst[0::2],
            "uitkomst_hoog": uitkomst[1::2],
        },
        index=pd.Index(sleutels, name="sleutel"),
    )
    df["effect_laag"] = df["uitkomst_laag"] - basis_uitkomst
    df["effect_hoog"] = df["uitkomst_hoog"] - basis_uitkomst
    drie = df[["uitkomst_basis", "uitkomst_laag", "uitkomst_hoog"]]
    df["bereik"] = drie.max(axis=1) - drie.min(axis=1)
    df = df.sort_values("bereik", ascending=False, kind="stable")
    df.attrs.update(
        regel=regel,
        regel_label=label(s, regel),
        procent=procent,
        eenheid=s.structuur.eenheid,
        bron=s.bron,
        onderwerp=onderwerp(s),
    )
    return df
