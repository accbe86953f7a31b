"""``tarieven scenario BESTAND``: run an analysis file and write its tables as CSV (and plots).

What an analysis file holds and what it computes is :mod:`tarieven.analyse.bestand`; this
module only writes: CSV in full precision, in blocks with a progress line for large
tables, and with ``--plots`` the PNGs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tarieven.analyse._gemeen import VoortgangRegel
from tarieven.analyse._keuzes import is_keuze
from tarieven.analyse.bestand import Analyseplan, Analyseresultaten, lees_analyse
from tarieven.analyse.bestand import voer_uit as _voer_uit
from tarieven.uitkomst import bereken

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CSV_BLOK", "schrijf", "voer_uit"]

CSV_BLOK = 100_000


def _schrijf_csv(df: pd.DataFrame, pad: Path, label: str, stroom: IO[str]) -> None:
    """CSV in full precision, written in blocks with progress for large tables."""
    voortgang = VoortgangRegel(f"{label} schrijven", stroom=stroom)
    with pad.open("w", encoding="utf-8", newline="") as f:
        for a in range(0, max(len(df), 1), CSV_BLOK):
            blok = df.iloc[a : a + CSV_BLOK]
            blok.to_csv(f, header=a == 0, index=df.index.name is not None, lineterminator="\n")
            voortgang(min(a + CSV_BLOK, len(df)), len(df))
    voortgang.klaar()


def _tabellen(r: Analyseresultaten) -> dict[str, pd.DataFrame]:
    tabellen = {"rooster.csv": r.rooster, "gevoeligheid.csv": r.gevoeligheid}
    if r.montecarlo is not None:
        tabellen |= {
            "montecarlo.csv": r.montecarlo.trekkingen,
            "montecarlo-percentielen.csv": r.montecarlo.percentielen,
        }
    tabellen |= {"doelzoeken.csv": r.doelzoeken, "bekostiging.csv": r.bekostiging_tabel}
    return {k: v for k, v in tabellen.items() if v is not None}


def _figuren(plan: Analyseplan, r: Analyseresultaten, stroom: IO[str]) -> dict[str, Callable[..., Any]]:
    from tarieven import plots as pl

    figuren: dict[str, Callable[..., Any]] = {"opbouw.png": partial(pl.waterval, bereken(plan.scenario))}
    if r.rooster is not None and plan.rooster is not None:
        gevarieerd = [k for k in plan.rooster if r.rooster[k].nunique() > 1]
        if any(is_keuze(k) for k in gevarieerd):  # a heatmap or line needs numeric axes
            stroom.write("rooster.png overgeslagen: het rooster varieert een structuurkeuze\n")
        elif "tarief_per_client" in r.rooster and len(gevarieerd) == 2:
            figuren["rooster.png"] = partial(pl.heatmap, r.rooster, gevarieerd[0], gevarieerd[1])
        elif "tarief_per_client" in r.rooster and len(gevarieerd) == 1:
            figuren["rooster.png"] = partial(pl.lijn, r.rooster, gevarieerd[0])
    if r.gevoeligheid is not None:
        figuren["tornado.png"] = partial(pl.tornado, r.gevoeligheid)
    if r.montecarlo is not None and "tarief_per_client" in r.montecarlo.trekkingen:
        figuren["montecarlo.png"] = partial(pl.histogram, r.montecarlo)
    if r.bekostiging_tabel is not None:
        kolommen = ["capaciteit_per_plaats_jaar", "pxq_per_plaats_jaar", "kosten_per_plaats_jaar"]
        figuren["bekostiging.png"] = partial(pl.lijn, r.bekostiging_tabel, "bezettingsgraad", kolommen)
    return figuren


def schrijf(
    plan: Analyseplan, r: Analyseresultaten, *, plots: bool = False, stroom: IO[str] | None = None
) -> list[Path]:
    """Write the results as CSV (and PNG with ``plots``) in ``plan.uitvoer``; returns the files."""
    stroom = stroom if stroom is not None else sys.stderr
    plan.uitvoer.mkdir(parents=True, exist_ok=True)
    geschreven: list[Path] = []
    for naam, df in _tabellen(r).items():
        _schrijf_csv(df, plan.uitvoer / naam, naam, stroom)
        geschreven.append(plan.uitvoer / naam)
    if r.bekostiging is not None:
        stroom.write(str(r.bekostiging) + "\n")
    if plots:
        import matplotlib.pyplot as plt

        for naam, teken in _figuren(plan, r, stroom).items():
            fig, ax = plt.subplots(figsize=(9, 5.5), layout="constrained")
            teken(ax=ax)
            fig.savefig(plan.uitvoer / naam, dpi=110)
            plt.close(fig)
            geschreven.append(plan.uitvoer / naam)
    for pad in geschreven:
        stroom.write(f"geschreven: {pad}\n")
    return geschreven


def voer_uit(args: argparse.Namespace) -> int:
    """``tarieven scenario``: read, run, write; 0 on success (bad input raises, exit 2)."""
    plan = lees_analyse(args.bestand)
    if args.uitvoer:
        plan.uitvoer = Path(args.uitvoer)
    regels: list[VoortgangRegel] = []

    def voortgang(label: str) -> VoortgangRegel:
        regels.append(VoortgangRegel(label))
        return regels[-1]

    resultaten = _voer_uit(plan, voortgang)
    for vg in regels:
        vg.klaar()
    schrijf(plan, resultaten, plots=args.plots)
    return 0
