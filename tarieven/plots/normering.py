"""Plots of a cost study: the providers' tariffs of one product with the band, and where they differ."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from matplotlib.ticker import MaxNLocator

from tarieven.plots._basis import (
    KLEUR_KOSTEN,
    KLEUR_LAAG,
    KLEUR_OPSLAG,
    Referentie,
    _as,
    _legenda,
    _teken_referenties,
    _titel,
    euro_opmaak,
)
from tarieven.weergave import euro

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from tarieven.normering import Productnorm

__all__ = ["band", "spreiding"]


def band(
    norm: Productnorm,
    *,
    referentie: Referentie | None = None,
    ax: Axes | None = None,
    titel: str | None = None,
) -> Axes:
    """Each provider's tariff (a dot per submission, as submitted and, where norms changed any, on
    the common basis), the quartiles, the proposed band (shaded) and the outliers (marked), with
    ``referentie`` (the region's tariff, a published level) as a dashed line."""
    ax = _as(ax, (9, 4.5))
    rng = np.random.default_rng(0)  # a fixed jitter, so the same study always draws the same
    rijen = [("zoals ingediend", norm.tarieven, KLEUR_KOSTEN)]
    basis = not np.array_equal(norm.tarieven, norm.op_basis)  # without norms both rows would be the same
    if basis:
        rijen.append(("op gemeenschappelijke basis", norm.op_basis, KLEUR_OPSLAG))
    for y, (naam, x, kleur) in enumerate(rijen):
        k = norm.kengetallen(op_basis=y == 1)
        uit = set(k["uitschieters"])
        binnen = np.array([c not in uit for c in norm.codes])
        jitter = y + rng.uniform(-0.15, 0.15, x.size)
        ax.scatter(x[binnen], jitter[binnen], s=16, color=kleur, alpha=0.7, label=f"inzending ({naam})")
        if (~binnen).any():
            ax.scatter(
                x[~binnen], jitter[~binnen], s=40, marker="x", color="black", label="uitschieter" if y == 0 else None
            )
        ax.fill_betweenx([y - 0.3, y + 0.3], *k["band"], color=KLEUR_LAAG, alpha=0.18, label="band" if y == 0 else None)
        ax.vlines(k["mediaan"], y - 0.3, y + 0.3, color=kleur, linewidth=2.2)
        ax.annotate(f"mediaan {euro(k['mediaan'])}", (k["mediaan"], y + 0.32), ha="center", fontsize=8.5)
    _teken_referenties(ax, referentie, verticaal=True)
    ax.set_yticks([0, 1][: len(rijen)], ["zoals ingediend", "op gemeenschappelijke\nbasis"][: len(rijen)])
    ax.set_ylim(-0.6, len(rijen) - 0.4)
    ax.xaxis.set_major_formatter(euro_opmaak(0))
    ax.set_xlabel("tarief per cliënt per eenheid (€)")
    k = norm.kengetallen()
    wat = f"Kostprijzen van {k['n']} inzendingen, {norm.product}: band {euro(k['band'][0])} tot {euro(k['band'][1])}"
    if basis:
        b = norm.kengetallen(op_basis=True)["band"]
        wat += f"\nop gemeenschappelijke basis: band {euro(b[0])} tot {euro(b[1])}"
    _titel(ax, wat, k["bandregel"], titel)
    _legenda(ax, onder=True)
    return ax


def spreiding(norm: Productnorm, *, aantal: int = 8, ax: Axes | None = None, titel: str | None = None) -> Axes:
    """Per line of the breakdown, where the providers differ: the interquartile range, widest on top."""
    ax = _as(ax, (8, 4.5))
    rijen = norm.spreiding()[:aantal][::-1]
    namen = [n.removeprefix("opbouw.").replace("_", " ") for n, _, _ in rijen]
    iqr = [r[2] for r in rijen]
    ax.barh(namen, iqr, color=KLEUR_KOSTEN)
    for i, (_, med, breed) in enumerate(rijen):
        ax.annotate(
            f"{euro(breed)} (mediaan {euro(med)})",
            (breed, i),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=8.5,
        )
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    ax.xaxis.set_major_formatter(euro_opmaak(0))
    ax.set_xlabel("interkwartielafstand over de aanbieders (€ per cliënt per eenheid)")
    ax.set_xlim(0, max(iqr, default=1) * 1.45)
    _titel(ax, f"Waar de aanbieders verschillen: de regels van de opbouw, {norm.product}", None, titel)
    return ax
