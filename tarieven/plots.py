"""Plots of results and analyses (matplotlib), with Dutch labels and euro axes.

Each function draws on ``ax`` (a new figure when None) and returns it, so plots compose
in a notebook::

    fig, (links, rechts) = plt.subplots(1, 2, figsize=(12, 4))
    plots.waterval(tarieven.bereken("scenario.toml"), ax=links)
    plots.tornado(analyse.gevoeligheid("scenario.toml"), ax=rechts)

Amounts are shown the Dutch way: ``€ 1.234`` or ``€ 12,50``, percentages as ``85 %``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from tarieven.weergave import euro, getal, procent

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from tarieven.analyse import MonteCarlo
    from tarieven.uitkomst import Uitkomst
    from tarieven.vergelijkingsuitvoer import Vergelijking

__all__ = ["brug", "euro_opmaak", "heatmap", "histogram", "lijn", "procent_opmaak", "tornado", "waterval"]

OPBOUW_LABELS = {
    "opbouw.personeel_direct": "direct\npersoneel",
    "opbouw.personeel_indirect": "indirect\npersoneel",
    "opbouw.huisvesting_eenheid": "huisvesting",
    "opbouw.materieel": "materieel",
    "opbouw.clientkosten": "cliënt-\ngebonden tijd",
    "opbouw.overhead": "overhead",
    "opbouw.risico": "risico-\nopslag",
}
KLEUR_KOSTEN = "#4C72B0"
KLEUR_OPSLAG = "#DD8452"
KLEUR_TOTAAL = "#2F4B7C"
KLEUR_LAAG = "#55A868"
KLEUR_HOOG = "#C44E52"


# -- number formats ----------------------------------------------------------------------


def euro_opmaak(decimalen: int | None = None) -> FuncFormatter:
    """Tick formatter for euro axes; ``None`` picks whole euros unless the ticks need cents."""

    def opmaak(x: float, _pos: Any = None) -> str:
        d = decimalen if decimalen is not None else (0 if abs(x - round(x)) < 1e-9 else 2)
        return euro(x, d)

    return FuncFormatter(opmaak)


def procent_opmaak(decimalen: int | None = None) -> FuncFormatter:
    """Tick formatter for fractions as percentages: 0.85 -> ``85 %``."""

    def opmaak(x: float, _pos: Any = None) -> str:
        return procent(x, decimalen)

    return FuncFormatter(opmaak)


def getal_opmaak(decimalen: int | None = None) -> FuncFormatter:
    """Tick formatter for plain numbers, Dutch: 1.234,5."""

    def opmaak(x: float, _pos: Any = None) -> str:
        d = decimalen if decimalen is not None else (0 if abs(x - round(x)) < 1e-9 else 2)
        return getal(x, d)

    return FuncFormatter(opmaak)


def _soort(attrs: Mapping[Any, Any], kolom: str) -> str:
    """'geld', 'fractie' or 'getal' for a column, from the result's attrs or its name."""
    if kolom in attrs.get("geld", ()):
        return "geld"
    if kolom in attrs.get("fracties", ()):
        return "fractie"
    if kolom.startswith(("tarief", "opbouw.", "kostprijs", "groepskosten", "personeel_", "capaciteit", "pxq")):
        return "geld"
    if kolom.endswith(("bezettingsgraad", "overhead", "risico_opslag")):
        return "fractie"
    return "getal"


def _opmaak(soort: str) -> FuncFormatter:
    return {"geld": euro_opmaak, "fractie": procent_opmaak, "getal": getal_opmaak}[soort]()


def toon_waarde(x: float, soort: str) -> str:
    """A value for a label: ``€ 3.250``, ``85 %``, ``4,5``."""
    if soort == "geld":
        return euro(x, 0 if abs(x) >= 1000 else 2)
    if soort == "fractie":
        return procent(x)
    return getal_opmaak()(x)


def _label(attrs: Mapping[Any, Any], kolom: str) -> str:
    return str(attrs.get("labels", {}).get(kolom, kolom.replace("_", " ")))


def _as(ax: Axes | None, figsize: tuple[float, float] = (8, 4.5)) -> Axes:
    if ax is not None:
        return ax
    _, nieuw = plt.subplots(figsize=figsize, layout="constrained")
    return nieuw


# -- plots --------------------------------------------------------------------------------


def waterval(uitkomst: Uitkomst, *, ax: Axes | None = None, nul_tonen: bool = False) -> Axes:
    """Waterfall of the tariff: from direct staff through the surcharges to the tariff per client.

    Parameters
    ----------
    uitkomst
        A result of :func:`tarieven.bereken`; its ``opbouw.*`` lines sum to the tariff.
    nul_tonen
        Also draw parts that are 0 (default: left out).
    """
    ax = _as(ax)
    delen = [(n, uitkomst[n]) for n in OPBOUW_LABELS if nul_tonen or uitkomst[n] != 0]
    bodem = 0.0
    for i, (naam, waarde) in enumerate(delen):
        kleur = KLEUR_OPSLAG if naam in ("opbouw.overhead", "opbouw.risico") else KLEUR_KOSTEN
        ax.bar(i, waarde, bottom=bodem, color=kleur, width=0.7)
        if i:
            ax.plot([i - 1.35, i - 0.35], [bodem, bodem], color="0.5", linewidth=0.8)
        ax.annotate(
            euro(waarde), (i, bodem + waarde), xytext=(0, 3), textcoords="offset points", ha="center", fontsize=8.5
        )
        bodem += waarde
    n = len(delen)
    ax.bar(n, uitkomst.tarief, color=KLEUR_TOTAAL, width=0.7)
    ax.plot([n - 1.35, n - 0.35], [bodem, bodem], color="0.5", linewidth=0.8)
    ax.annotate(
        euro(uitkomst.tarief),
        (n, uitkomst.tarief),
        xytext=(0, 3),
        textcoords="offset points",
        ha="center",
        fontsize=9,
        fontweight="bold",
    )
    ax.set_xticks(range(n + 1), [OPBOUW_LABELS[d] for d, _ in delen] + ["tarief"], fontsize=8.5)
    ax.yaxis.set_major_formatter(euro_opmaak())
    ax.set_ylabel(f"euro per cliënt per {uitkomst.eenheid}")
    ax.set_ylim(0, uitkomst.tarief * 1.1)
    ax.set_title(f"Opbouw van het tarief: {euro(uitkomst.tarief)} per cliënt per {uitkomst.eenheid}")
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    return ax


def heatmap(
    df: pd.DataFrame,
    x: str,
    y: str,
    waarde: str = "tarief_per_client",
    *,
    ax: Axes | None = None,
    annoteren: bool | None = None,
    cmap: str = "viridis",
) -> Axes:
    """Heatmap of a 2-D grid (from :func:`tarieven.analyse.rooster`): ``waarde`` over ``x`` and ``y``.

    Parameters
    ----------
    df
        A grid with columns ``x``, ``y`` and ``waarde``; each (x, y) pair once.
    annoteren
        Write the value in each cell (default: when the grid has at most 12 × 12 cells).
    """
    attrs = df.attrs
    if df.duplicated([x, y]).any():
        raise ValueError(
            f"Elke combinatie van {x} en {y} mag maar één keer voorkomen; het rooster varieert meer invoer: "
            "filter eerst op de andere invoer (df[df[...] == ...])."
        )
    tabel = df.pivot(index=y, columns=x, values=waarde).sort_index().sort_index(axis=1)
    ax = _as(ax, (8, 5.5))
    soort = _soort(attrs, waarde)
    beeld = ax.pcolormesh(tabel.to_numpy(), cmap=cmap, shading="flat")
    balk = ax.figure.colorbar(beeld, ax=ax)
    balk.ax.yaxis.set_major_formatter(_opmaak(soort))
    balk.set_label(_label(attrs, waarde))
    ny, nx = tabel.shape
    for asw, soort_as, zet in (
        (tabel.columns.to_numpy(dtype=float), _soort(attrs, x), ax.set_xticks),
        (tabel.index.to_numpy(dtype=float), _soort(attrs, y), ax.set_yticks),
    ):
        posities = np.arange(0, asw.size, max(1, int(np.ceil(asw.size / 12))))
        zet(posities + 0.5, [toon_waarde(float(asw[i]), soort_as) for i in posities])
    ax.set_xlabel(_label(attrs, x))
    ax.set_ylabel(_label(attrs, y))
    if annoteren is None:
        annoteren = nx <= 12 and ny <= 12
    if annoteren:
        waarden = tabel.to_numpy(dtype=float)
        midden = (np.nanmax(waarden) + np.nanmin(waarden)) / 2
        for i in range(ny):
            for j in range(nx):
                v = float(waarden[i, j])
                ax.text(
                    j + 0.5,
                    i + 0.5,
                    toon_waarde(v, soort) if soort != "geld" else euro(v, 0 if v >= 1000 else 2),
                    ha="center",
                    va="center",
                    fontsize=7.5,
                    color="white" if v < midden else "black",
                )
    titel = _label(attrs, waarde)
    ax.set_title(titel[:1].upper() + titel[1:])
    return ax


def lijn(
    df: pd.DataFrame,
    x: str,
    y: str | Sequence[str] = "tarief_per_client",
    *,
    groep: str | None = None,
    ax: Axes | None = None,
    markers: bool | None = None,
    ylabel: str | None = None,
    titel: str | None = None,
) -> Axes:
    """Line plot of one or more columns over one input, optionally one line per value of ``groep``.

    Parameters
    ----------
    df
        A grid (from :func:`tarieven.analyse.rooster`) or any table with the columns.
    y
        One column or several (each its own line, with its label in the legend).
    groep
        A varied input: one line per value (e.g. group size), the others fixed.
    ylabel, titel
        Axis label and title (default: the column's label, no title).
    """
    attrs = df.attrs
    ys = [y] if isinstance(y, str) else list(y)
    ax = _as(ax)
    if markers is None:
        markers = df[x].nunique() <= 25
    marker, grootte = ("o", 3.5) if markers else ("", 0.0)
    if groep is not None:
        for waarde in sorted(df[groep].unique()):
            deel = df[df[groep] == waarde].sort_values(x)
            for kolom in ys:
                extra = f" ({_label(attrs, kolom)})" if len(ys) > 1 else ""
                tekst = f"{_label(attrs, groep)}: {toon_waarde(float(waarde), _soort(attrs, groep))}{extra}"
                ax.plot(deel[x], deel[kolom], label=tekst, marker=marker, markersize=grootte)
    else:
        deel = df.sort_values(x)
        for kolom in ys:
            ax.plot(deel[x], deel[kolom], label=_label(attrs, kolom), marker=marker, markersize=grootte)
    ax.xaxis.set_major_formatter(_opmaak(_soort(attrs, x)))
    ax.yaxis.set_major_formatter(_opmaak(_soort(attrs, ys[0])))
    ax.set_xlabel(_label(attrs, x))
    ax.set_ylabel(ylabel or attrs.get("ylabel") or (_label(attrs, ys[0]) if len(ys) == 1 else "euro"))
    if titel:
        ax.set_title(titel)
    if groep is not None or len(ys) > 1:
        ax.legend(fontsize=8.5)
    ax.grid(alpha=0.3)
    return ax


def tornado(gevoeligheid: pd.DataFrame, *, aantal: int = 12, ax: Axes | None = None) -> Axes:
    """Tornado of a sensitivity analysis (:func:`tarieven.analyse.gevoeligheid`): largest effect on top.

    Each input gets a bar from the base value of the line to its value with the input
    low (green) and high (red); the label gives the input's low and high values.
    """
    attrs = gevoeligheid.attrs
    df = gevoeligheid.head(aantal).iloc[::-1]
    ax = _as(ax, (8.5, 0.42 * len(df) + 1.6))
    basis = float(df["uitkomst_basis"].iloc[0]) if len(df) else 0.0
    y = np.arange(len(df))
    laag = df["uitkomst_laag"].to_numpy() - basis
    hoog = df["uitkomst_hoog"].to_numpy() - basis
    # the longer bar first, so a shorter one on the same side stays visible on top of it
    laag_eerst = np.abs(laag) >= np.abs(hoog)
    for eerst in (True, False):
        kies = laag_eerst == eerst
        ax.barh(y[kies], laag[kies], left=basis, color=KLEUR_LAAG, height=0.7)
        kies_h = ~kies
        ax.barh(y[kies_h], hoog[kies_h], left=basis, color=KLEUR_HOOG, height=0.7)
    ax.axvline(basis, color="0.2", linewidth=1)
    labels = [
        f"{lab}  ({toon_waarde(float(laag), str(soort))} – {toon_waarde(float(hoog), str(soort))})"
        for lab, laag, hoog, soort in zip(df["label"], df["invoer_laag"], df["invoer_hoog"], df["soort"], strict=True)
    ]
    ax.set_yticks(y, labels, fontsize=8.5)
    ax.xaxis.set_major_formatter(euro_opmaak())
    ax.xaxis.set_major_locator(MaxNLocator(nbins=7))
    regel = attrs.get("regel_label", attrs.get("regel", "tarief"))
    procent = attrs.get("procent")
    ax.set_xlabel(f"{regel}")
    titel = f"Gevoeligheid: basis {euro(basis)}"
    if procent is not None:
        titel += f", invoer ± {getal(float(procent), 0)} %"
    ax.set_title(titel)
    ax.legend(
        handles=[Patch(color=KLEUR_LAAG, label="invoer laag"), Patch(color=KLEUR_HOOG, label="invoer hoog")],
        fontsize=8,
        loc="lower right",
    )
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)
    return ax


def histogram(mc: MonteCarlo, regel: str = "tarief_per_client", *, bins: int = 60, ax: Axes | None = None) -> Axes:
    """Histogram of a Monte Carlo run (:func:`tarieven.analyse.monte_carlo`) with P5, P50 and P95."""
    ax = _as(ax)
    attrs = mc.trekkingen.attrs
    x = mc.trekkingen[regel].to_numpy()
    soort = _soort(attrs, regel)
    ax.hist(x, bins=bins, color=KLEUR_KOSTEN, alpha=0.8)
    for p, stijl in ((5, ":"), (50, "-"), (95, ":")):
        kolom = f"P{p}"
        waarde = mc.percentiel(p, regel)
        ax.axvline(waarde, color="0.15", linestyle=stijl, linewidth=1.3, label=f"{kolom}: {toon_waarde(waarde, soort)}")
    ax.xaxis.set_major_formatter(_opmaak(soort))
    ax.yaxis.set_major_formatter(getal_opmaak(0))
    ax.set_xlabel(_label(attrs, regel))
    ax.set_ylabel("aantal trekkingen")
    ax.set_title(f"Onzekerheid: {getal_opmaak(0)(mc.n)} trekkingen (seed {mc.seed})")
    ax.legend(fontsize=8.5)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    return ax


def brug(vergelijking: Vergelijking, *, ax: Axes | None = None, nul_tonen: bool = False) -> Axes:
    """Bridge from the tariff compared against to the provider's own: one bar per group of inputs.

    Parameters
    ----------
    vergelijking
        A result of :func:`tarieven.vergelijk`; its parts (Shapley, largest first) add up to
        the difference, so the last bar ends where the provider's tariff is.
    nul_tonen
        Also draw groups whose part is 0 (default: left out).
    """
    import textwrap

    ax = _as(ax, (10, 5.5))
    v = vergelijking
    delen = [d for d in v.delen if nul_tonen or d.centen != 0]
    ax.bar(0, v.tegen.tarief, color=KLEUR_TOTAAL, width=0.7)
    ax.annotate(euro(v.tegen.tarief), (0, v.tegen.tarief), xytext=(0, 3), textcoords="offset points", ha="center",
                fontsize=9, fontweight="bold")  # fmt: skip
    bodem = v.tegen.tarief
    for i, d in enumerate(delen, start=1):
        kleur = KLEUR_HOOG if d.bedrag > 0 else KLEUR_LAAG
        ax.bar(i, d.bedrag, bottom=bodem, color=kleur, width=0.7)
        ax.plot([i - 1.35, i - 0.35], [bodem, bodem], color="0.5", linewidth=0.8)
        top = max(bodem, bodem + d.bedrag)
        tekst = euro(d.centen).replace("€ ", "€ +") if d.centen > 0 else euro(d.centen)
        ax.annotate(tekst, (i, top), xytext=(0, 3), textcoords="offset points", ha="center",
                    fontsize=8.5)  # fmt: skip
        bodem += d.bedrag
    n = len(delen) + 1
    ax.bar(n, v.eigen.tarief, color=KLEUR_TOTAAL, width=0.7)
    ax.plot([n - 1.35, n - 0.35], [bodem, bodem], color="0.5", linewidth=0.8)
    ax.annotate(euro(v.eigen.tarief), (n, v.eigen.tarief), xytext=(0, 3), textcoords="offset points", ha="center",
                fontsize=9, fontweight="bold")  # fmt: skip
    labels = [
        "tarief\ntegen",
        *(textwrap.fill(d.label.split(" (")[0], 15, break_long_words=False) for d in delen),
        "tarief\neigen",
    ]
    ax.set_xticks(range(n + 1), labels, fontsize=8)
    ax.yaxis.set_major_formatter(euro_opmaak())
    ax.set_ylabel(f"euro per cliënt per {v.eigen.eenheid}")
    hoogste = max(v.tegen.tarief, v.eigen.tarief, *(np.cumsum([d.bedrag for d in delen]) + v.tegen.tarief))
    ax.set_ylim(0, hoogste * 1.12)
    verschil = v.eigen.tarief - v.tegen.tarief
    ax.set_title(f"Van {euro(v.tegen.tarief)} naar {euro(v.eigen.tarief)} per cliënt per {v.eigen.eenheid} "
                 f"(verschil {euro(verschil)}): wat het verschil verklaart")  # fmt: skip
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    return ax
