"""Plots of analyses: grid (heatmap, line), sensitivity (tornado), Monte Carlo, funding, group vs individual."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from tarieven.plots._basis import (
    KLEUR_HOOG,
    KLEUR_KOSTEN,
    KLEUR_LAAG,
    KLEUR_OMLIJNING,
    KLEUR_REFERENTIE,
    STIJLEN,
    Referentie,
    _as,
    _aslabel,
    _label,
    _legenda,
    _opmaak,
    _referenties,
    _soort,
    _teken_referenties,
    _titel,
    euro_opmaak,
    getal_opmaak,
    toon_waarde,
)
from tarieven.weergave import euro, getal, procent

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from tarieven.analyse import Bekostiging, GroepOfIndividueel, MonteCarlo


__all__ = ["bekostiging", "groep_of_individueel", "heatmap", "histogram", "lijn", "tornado"]


def heatmap(
    df: pd.DataFrame,
    x: str,
    y: str,
    waarde: str = "tarief_per_client",
    *,
    ax: Axes | None = None,
    annoteren: bool | None = None,
    cmap: str = "viridis",
    referentie: Referentie | None = None,
    titel: str | None = None,
) -> Axes:
    """Heatmap of a 2-D grid (from :func:`tarieven.analyse.rooster`): ``waarde`` over ``x`` and ``y``.

    Parameters
    ----------
    df
        A grid with columns ``x``, ``y`` and ``waarde``; each (x, y) pair once.
    annoteren
        Write the value in each cell (default: when the grid has at most 12 × 12 cells).
    referentie
        A reference level: cells at or below it are outlined, so the combinations that
        stay within a published tariff stand out.
    titel
        The title (default: what is shown, product and scenario).
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
    balk.set_label(_aslabel(attrs, waarde))
    ny, nx = tabel.shape
    for asw, soort_as, zet in (
        (tabel.columns.to_numpy(dtype=float), _soort(attrs, x), ax.set_xticks),
        (tabel.index.to_numpy(dtype=float), _soort(attrs, y), ax.set_yticks),
    ):
        posities = np.arange(0, asw.size, max(1, int(np.ceil(asw.size / 12))))
        zet(posities + 0.5, [toon_waarde(float(asw[i]), soort_as) for i in posities])
    ax.set_xlabel(_aslabel(attrs, x))
    ax.set_ylabel(_aslabel(attrs, y))
    waarden = tabel.to_numpy(dtype=float)
    if annoteren is None:
        annoteren = nx <= 12 and ny <= 12
    if annoteren:
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
    for bedrag, tekst in _referenties(referentie)[:1]:
        binnen = waarden <= bedrag
        for i, j in zip(*np.nonzero(binnen), strict=True):
            ax.add_patch(
                Rectangle((j + 0.04, i + 0.06), 0.92, 0.88, fill=False, edgecolor=KLEUR_OMLIJNING, linewidth=2.4)
            )
        ax.legend(
            handles=[Patch(facecolor="none", edgecolor=KLEUR_OMLIJNING, linewidth=2, label=f"hoogstens {tekst}")],
            fontsize=8,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.12),
            frameon=False,
        )
    _titel(ax, f"{_label(attrs, waarde)} naar {_label(attrs, x)} en {_label(attrs, y)}", attrs.get("onderwerp"), titel)
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
    referentie: Referentie | Sequence[Referentie] | None = None,
    punten: Sequence[tuple[float, float, str]] | None = None,
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
    markers
        Mark every point (default: when a line has at most 25 points).
    ylabel, titel
        Axis label and title (default: the column's label with its unit; what is shown,
        product and scenario).
    referentie
        A reference level (an amount, ``(amount, label)``, a published tariff, or a
        list): a dashed horizontal line with its label in the legend (then below the plot).
    punten
        Points to mark, each ``(x, y, text)``: a circle with the text beside it (a
        break-even point, the scenario's own value).
    """
    attrs = df.attrs
    ys = [y] if isinstance(y, str) else list(y)
    ax = _as(ax)
    if markers is None:
        markers = df[x].nunique() <= 25
    reeksen: list[tuple[pd.DataFrame, str, str]] = []
    if groep is not None:
        for waarde in sorted(df[groep].unique()):
            deel = df[df[groep] == waarde].sort_values(x)
            for kolom in ys:
                extra = f" ({_label(attrs, kolom)})" if len(ys) > 1 else ""
                reeksen.append(
                    (deel, kolom, f"{_label(attrs, groep)}: {toon_waarde(float(waarde), _soort(attrs, groep))}{extra}")
                )
    else:
        deel = df.sort_values(x)
        reeksen = [(deel, kolom, _label(attrs, kolom)) for kolom in ys]
    for i, (deel, kolom, tekst) in enumerate(reeksen):
        marker, stijl = STIJLEN[i % len(STIJLEN)]
        ax.plot(
            deel[x],
            deel[kolom],
            label=tekst,
            marker=marker if markers else "",
            markersize=4.5,
            linestyle=stijl if len(ys) > 1 else "-",
        )
    refs = _teken_referenties(ax, referentie)
    eerste_x, eerste_y = reeksen[0][0][x].to_numpy(dtype=float), reeksen[0][0][reeksen[0][1]].to_numpy(dtype=float)
    for px, py, tekst in punten or ():
        ax.plot([px], [py], "o", markersize=10, markerfacecolor="none", color=KLEUR_REFERENTIE)
        # the text on the side of the curve that stays free: above a falling curve, below a rising one
        stijgend = eerste_x.size > 1 and np.interp(px + 1e-6, eerste_x, eerste_y) > np.interp(px, eerste_x, eerste_y)
        ax.annotate(
            tekst,
            (px, py),
            xytext=(9, -9 if stijgend else 9),
            textcoords="offset points",
            fontsize=8.5,
            va="top" if stijgend else "bottom",
        )
    ax.xaxis.set_major_formatter(_opmaak(_soort(attrs, x)))
    if np.all(np.mod(df[x].to_numpy(dtype=float), 1.0) == 0):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(_opmaak(_soort(attrs, ys[0])))
    ax.set_xlabel(_aslabel(attrs, x))
    standaard = str(attrs.get("ylabel") or (_label(attrs, ys[0]) if len(ys) == 1 else "euro"))
    if _soort(attrs, ys[0]) == "geld" and not standaard.endswith(")"):
        standaard += " (€)" if not standaard.startswith("euro") else ""
    ax.set_ylabel(ylabel or standaard)
    wat = attrs.get("titel") or f"{_label(attrs, ys[0]) if len(ys) == 1 else standaard} naar {_label(attrs, x)}"
    _titel(ax, str(wat), attrs.get("onderwerp"), titel)
    if groep is not None or len(ys) > 1 or refs:
        _legenda(ax, onder=bool(refs))
    ax.grid(alpha=0.3)
    return ax


def tornado(
    gevoeligheid: pd.DataFrame,
    *,
    aantal: int = 12,
    ax: Axes | None = None,
    referentie: Referentie | Sequence[Referentie] | None = None,
    titel: str | None = None,
) -> Axes:
    """Tornado of a sensitivity analysis (:func:`tarieven.analyse.gevoeligheid`): largest effect on top.

    Each input gets a bar from the base value of the line to its value with the input
    low (green) and high (red); the label gives the input's low and high values.
    ``referentie`` draws a dashed vertical line at a reference level.
    """
    attrs = gevoeligheid.attrs
    df = gevoeligheid.head(aantal).iloc[::-1]
    ax = _as(ax, (8.5, 0.42 * len(df) + 1.9))
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
    regel = str(attrs.get("regel_label", attrs.get("regel", "tarief")))
    procent = attrs.get("procent")
    ax.set_xlabel(f"{regel} (€)")
    wat = f"Gevoeligheid van het {regel}\nbasis {euro(basis)}"
    if procent is not None:
        wat += f", elke invoer {getal(float(procent), 0)} % lager en hoger"
    _titel(ax, wat, attrs.get("onderwerp"), titel)
    refs = _teken_referenties(ax, referentie, verticaal=True)
    handvatten: list[Any] = [
        Patch(color=KLEUR_LAAG, label="invoer laag"),
        Patch(color=KLEUR_HOOG, label="invoer hoog"),
    ]
    handvatten += [h for h in ax.get_lines() if not str(h.get_label()).startswith("_")][: len(refs)]
    if refs:
        _legenda(ax, onder=True, handles=handvatten)
    else:
        ax.legend(handles=handvatten, fontsize=8, loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)
    return ax


def histogram(
    mc: MonteCarlo,
    regel: str = "tarief_per_client",
    *,
    bins: int = 60,
    ax: Axes | None = None,
    referentie: Referentie | Sequence[Referentie] | None = None,
    titel: str | None = None,
) -> Axes:
    """Histogram of a Monte Carlo run (:func:`tarieven.analyse.monte_carlo`) with P5, P50 and P95.

    ``referentie`` draws a dashed vertical line at a reference level (a published tariff).
    """
    ax = _as(ax)
    attrs = mc.trekkingen.attrs
    x = mc.trekkingen[regel].to_numpy()
    soort = _soort(attrs, regel)
    ax.hist(x, bins=bins, color=KLEUR_KOSTEN, alpha=0.8)
    for p, stijl in ((5, ":"), (50, "-"), (95, ":")):
        kolom = f"P{p}"
        waarde = mc.percentiel(p, regel)
        ax.axvline(waarde, color="0.15", linestyle=stijl, linewidth=1.3, label=f"{kolom}: {toon_waarde(waarde, soort)}")
    _teken_referenties(ax, referentie, verticaal=True)
    ax.xaxis.set_major_formatter(_opmaak(soort))
    ax.yaxis.set_major_formatter(getal_opmaak(0))
    if referentie is None:
        ax.margins(y=0.25)  # room for the legend above the bars
    ax.set_xlabel(_aslabel(attrs, regel))
    ax.set_ylabel("aantal trekkingen")
    p5, p95 = mc.percentiel(5, regel), mc.percentiel(95, regel)
    wat = (
        f"Onzekerheid van het {_label(attrs, regel)}\n90 % van {getal_opmaak(0)(mc.n)} trekkingen tussen "
        f"{toon_waarde(p5, soort)} en {toon_waarde(p95, soort)} (seed {mc.seed})"
    )
    _titel(ax, wat, attrs.get("onderwerp"), titel)
    _legenda(ax, onder=referentie is not None)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    return ax


def bekostiging(
    bk: Bekostiging,
    bezettingsgraden: Sequence[float] | None = None,
    *,
    ax: Axes | None = None,
    titel: str | None = None,
) -> Axes:
    """Capacity funding beside P × Q per place per year, over the actual occupancy.

    Three lines (with markers): capacity funding (flat), P × Q at the tariff priced at the
    scenario's occupancy, and the cost at each occupancy; the occupancy where capacity
    funding and P × Q pay the same (:attr:`Bekostiging.gelijke_bezetting`) is marked.
    ``bezettingsgraden`` default 50 % to 100 % in steps of 5 %.
    """
    b = np.round(np.arange(0.5, 1.0001, 0.05), 10) if bezettingsgraden is None else np.asarray(bezettingsgraden)
    tabel = bk.naar_bezetting(b)
    kolommen = ["capaciteit_per_plaats_jaar", "pxq_per_plaats_jaar", "kosten_per_plaats_jaar"]
    gelijk = (bk.gelijke_bezetting, bk.capaciteit_per_plaats_jaar, f"gelijk bij {procent(bk.gelijke_bezetting, 1)}")
    ax = lijn(
        tabel,
        "bezettingsgraad",
        kolommen,
        ax=ax,
        markers=True,
        titel=titel,
        ylabel="euro per plaats per jaar (€)",
        punten=[gelijk],
    )
    if titel is None:
        _titel(ax, "Capaciteitsbekostiging of P × Q: bedrag per plaats per jaar", tabel.attrs.get("onderwerp"), None)
    ax.set_xlabel("werkelijke bezettingsgraad (%)")
    return ax


def groep_of_individueel(
    vergelijking: GroepOfIndividueel,
    *,
    ax: Axes | None = None,
    referentie: Referentie | Sequence[Referentie] | None = None,
    titel: str | None = None,
) -> Axes:
    """Cost per client-hour of group treatment by group size, beside individual treatment.

    The group's tariff per client per hour (markers) and the individual tariff (a flat
    line); the smallest group size from which the group is cheaper is marked.
    """
    tabel = vergelijking.tabel
    ax = lijn(tabel, "groepsgrootte", ["groep_per_uur", "individueel_per_uur"], ax=ax, markers=True, titel=titel)
    ax.lines[1].set_marker("")
    ax.lines[1].set_linestyle("--")
    _teken_referenties(ax, referentie)
    if vergelijking.kleinste_groep is not None:
        k = vergelijking.kleinste_groep
        rij = tabel[tabel["groepsgrootte"] == k].iloc[0]
        ax.plot([k], [rij["groep_per_uur"]], "o", markersize=11, markerfacecolor="none", color=KLEUR_REFERENTIE)
        ax.annotate(
            f"vanaf {k} plaatsen goedkoper\n({euro(rij['groep_per_uur'])} tegen {euro(rij['individueel_per_uur'])})",
            (k, rij["groep_per_uur"]),
            xytext=(12, 18),
            textcoords="offset points",
            fontsize=8.5,
        )
    ax.set_ylim(0, None)
    _legenda(ax, onder=referentie is not None)
    return ax
