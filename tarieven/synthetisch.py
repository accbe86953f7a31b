"""Synthetic submissions for a cost study: plainly labelled, drawn within plausible ranges.

For tests, benchmarks and the notebook on regional norms: no real provider's figures.
Every submission says it is synthetic (``beschrijving`` and a code ``SYN-…``). Each starts
from a bundled product and varies the inputs a provider would state itself (group size,
occupancy, salaries, housing, overhead), drawn uniformly within ±20 % of the product's
value and within the field's plausible range from the registry; a whole-number field
(group size) is drawn whole.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from tarieven.inlezen import lees_scenario
from tarieven.velden import veld

__all__ = ["schrijf_inzendingen", "synthetische_inzendingen"]

LABEL = "SYNTHETISCH: gegenereerde inzending voor tests en voorbeelden, geen echte aanbieder"
_GEVARIEERD = (
    "product.groepsgrootte",
    "product.bezettingsgraad",
    "product.huisvesting_jaar",
    "opslagen.overhead",
    "functies.{rol}.maandsalaris",
)
_SPREIDING = 0.2


def _trek(rng: np.random.Generator, sleutel: str, basis: float) -> float:
    v = veld(sleutel)
    laag, hoog = basis * (1 - _SPREIDING), basis * (1 + _SPREIDING)
    if v.plausibel is not None:
        laag, hoog = max(laag, v.plausibel[0]), min(hoog, v.plausibel[1])
    if v.is_fractie:
        hoog = min(hoog, 0.95)
    x = float(rng.uniform(laag, hoog))
    return float(round(x)) if v.geheel else round(x, 2 if x > 10 else 4)


def _nest(plat: Mapping[str, Any]) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    for k, v in plat.items():
        *pad, blad = k.split(".")
        doel = uit
        for deel in pad:
            doel = doel.setdefault(deel, {})
        doel[blad] = v
    return uit


def synthetische_inzendingen(
    n: int,
    *,
    producten: Sequence[str] = ("41A22", "41A23", "41A24"),
    seed: int = 2027,
    peildatum: dt.date | str = "2027-01-01",
) -> list[dict[str, Any]]:
    """``n`` synthetic submissions, spread over ``producten`` in turn, reproducible by ``seed``."""
    rng = np.random.default_rng(seed)
    basis = {p: lees_scenario(p, peildatum) for p in producten}
    uit = []
    for i in range(n):
        product = producten[i % len(producten)]
        s = basis[product]
        rollen = [r for r in s.structuur.direct]
        sleutels = [k.format(rol=r) for k in _GEVARIEERD for r in (rollen if "{rol}" in k else [""])]
        waarden = {k: _trek(rng, k, s.waarden[k]) for k in sleutels if k in s.waarden}
        volume = float(round(rng.uniform(200, 5000)))
        uit.append(
            {
                "beschrijving": LABEL,
                "basis": product,
                "aanbieder": {"code": f"SYN-{i + 1:05d}", "volume": volume},
                **_nest(waarden),
            }
        )
    return uit


def _toml(d: Mapping[str, Any], pad: str = "") -> list[str]:
    """A small TOML writer for these files: scalars first, then one table per nested dict."""
    regels = [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in d.items() if not isinstance(v, Mapping)]
    for k, v in d.items():
        if isinstance(v, Mapping):
            naam = f"{pad}.{k}" if pad else k
            regels += ["", f"[{naam}]", *_toml(v, naam)]
    return regels


def schrijf_inzendingen(map_: str | os.PathLike[str], inzendingen: Sequence[Mapping[str, Any]]) -> list[Path]:
    """Write each submission as ``<code>.toml`` in ``map_``; returns the files."""
    doel = Path(map_)
    doel.mkdir(parents=True, exist_ok=True)
    paden = []
    for d in inzendingen:
        pad = doel / f"{d['aanbieder']['code']}.toml"
        pad.write_text("\n".join(_toml(d)) + "\n", encoding="utf-8")
        paden.append(pad)
    return paden
