"""Plots of one breakdown: the waterfall, products side by side, the catalogue, the bridge between two, the band."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.transforms import ScaledTranslation

from tarieven.plots._basis import (
    KLEUR_HOOG,
    KLEUR_KOSTEN,
    KLEUR_LAAG,
    KLEUR_OPBOUW,
    KLEUR_OPSLAG,
    KLEUR_REFERENTIE,
    KLEUR_TOTAAL,
    OPBOUW_LABELS,
    Referentie,
    _as,
    _legenda,
    _referenties,
    _teken_referenties,
    _titel,
    euro_opmaak,
)
from tarieven.weergave import datum, euro

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from tarieven.uitkomst import Uitkomst
    from tarieven.vergelijkingsuitvoer import Vergelijking


__all__ = ["brug", "catalogus", "opbouw_vergelijking", "tariefband", "waterval"]


def waterval(
    uitkomst: Uitkomst,
    *,
    ax: Axes | None = None,
    nul_tonen: bool = False,
    referentie: Referentie | Sequence[Referentie] | None = None,
    titel: str | None = None,
) -> Axes:
    """Waterfall of the tariff: from direct staff through the surcharges to the tariff per client.

    Parameters
    ----------
    uitkomst
        A result of :func:`tarieven.bereken`; its ``opbouw.*`` lines sum to the tariff.
    nul_tonen
        Also draw parts that are 0 (default: left out).
    referentie
        A reference level (an amount, ``(amount, label)``, a published tariff, or a list):
        a dashed horizontal line with its label in the legend.
    titel
        The title (default: the tariff, product and scenario).
    """
    from tarieven.analyse import onderwerp

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
    ax.set_ylabel(f"bedrag per cliënt per {uitkomst.eenheid} (€)")
    refs = _teken_referenties(ax, referentie)
    ax.set_ylim(0, max([uitkomst.tarief, *(r for r, _ in refs)]) * 1.12)
    if refs:
        _legenda(ax, onder=True)
    _titel(
        ax,
        f"Opbouw van het tarief: {euro(uitkomst.tarief)} per cliënt per {uitkomst.eenheid}",
        onderwerp(uitkomst.scenario),
        titel,
    )
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
    ax.annotate(
        euro(v.tegen.tarief),
        (0, v.tegen.tarief),
        xytext=(0, 3),
        textcoords="offset points",
        ha="center",
        fontsize=9,
        fontweight="bold",
    )
    bodem = v.tegen.tarief
    for i, d in enumerate(delen, start=1):
        kleur = KLEUR_HOOG if d.bedrag > 0 else KLEUR_LAAG
        ax.bar(i, d.bedrag, bottom=bodem, color=kleur, width=0.7)
        ax.plot([i - 1.35, i - 0.35], [bodem, bodem], color="0.5", linewidth=0.8)
        top = max(bodem, bodem + d.bedrag)
        tekst = euro(d.centen).replace("€ ", "€ +") if d.centen > 0 else euro(d.centen)
        ax.annotate(tekst, (i, top), xytext=(0, 3), textcoords="offset points", ha="center", fontsize=8.5)
        bodem += d.bedrag
    n = len(delen) + 1
    ax.bar(n, v.eigen.tarief, color=KLEUR_TOTAAL, width=0.7)
    ax.plot([n - 1.35, n - 0.35], [bodem, bodem], color="0.5", linewidth=0.8)
    ax.annotate(
        euro(v.eigen.tarief),
        (n, v.eigen.tarief),
        xytext=(0, 3),
        textcoords="offset points",
        ha="center",
        fontsize=9,
        fontweight="bold",
    )
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
    ax.set_title(
        f"Van {euro(v.tegen.tarief)} naar {euro(v.eigen.tarief)} per cliënt per {v.eigen.eenheid} "
        f"(verschil {euro(verschil)}): wat het verschil verklaart"
    )
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    return ax


def opbouw_vergelijking(
    vergelijking: pd.DataFrame,
    *,
    kolommen: Sequence[str] | None = None,
    ax: Axes | None = None,
    referenties: Mapping[str, Referentie] | None = None,
    titel: str | None = None,
) -> Axes:
    """Stacked bars of the tariff per client, part by part, per product (:func:`tarieven.analyse.productvergelijking`).

    ``referenties``: per column, a reference level drawn as a short dashed line over its bar.
    """
    attrs = vergelijking.attrs
    kolommen = list(kolommen or attrs.get("kolommen", [c for c in vergelijking.columns if c != "label"]))
    ax = _as(ax, (max(8.0, 1.9 * len(kolommen) + 5.0), 5.5))
    x = np.arange(len(kolommen))
    bodem = np.zeros(len(kolommen))
    for rij in attrs.get("opbouw", []):
        hoogte = vergelijking.loc[rij, kolommen].to_numpy(dtype=float)
        if not np.any(hoogte):
            continue
        ax.bar(x, hoogte, 0.6, bottom=bodem, color=KLEUR_OPBOUW.get(rij), label=str(vergelijking.loc[rij, "label"]))
        bodem += hoogte
    totaal = vergelijking.loc["tarief_per_client", kolommen].to_numpy(dtype=float)
    for xi, t in zip(x, totaal, strict=True):
        ax.annotate(euro(t), (xi, t), xytext=(0, 3), textcoords="offset points", ha="center", fontweight="bold")
    for naam, ref in (referenties or {}).items():
        for bedrag, tekst in _referenties(ref)[:1]:
            plek = kolommen.index(naam)
            ax.hlines(
                bedrag,
                plek - 0.42,
                plek + 0.42,
                color=KLEUR_REFERENTIE,
                linestyles="--",
                linewidth=1.6,
                label=textwrap.fill(tekst, 48),
            )
    namen = [textwrap.fill(str(attrs.get("weergave", {}).get(k, k)), 16) for k in kolommen]
    ax.set_xticks(x, namen, fontsize=8.5)
    ax.yaxis.set_major_formatter(euro_opmaak())
    ax.set_ylabel("tarief per cliënt per eenheid (€)")
    ax.set_ylim(0, float(np.nanmax(totaal)) * 1.15)
    onderwerpen = [str(attrs.get("onderwerpen", {}).get(k, "")) for k in kolommen]
    producten = {o.split(" · ")[0] for o in onderwerpen}
    scenarios = "; ".join(dict.fromkeys(o.split(" · ", 1)[-1] for o in onderwerpen))
    onder = f"{producten.pop()} · {scenarios}" if len(producten) == 1 else scenarios
    _titel(ax, "Opbouw van het tarief per cliënt, naast elkaar", onder, titel)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    return ax


def catalogus(overzicht: pd.DataFrame, *, titel: str | None = None) -> Axes:
    """The catalogue (:func:`tarieven.productoverzicht`) as bars: the tariff per unit and per hour.

    Two panels side by side, one bar per product with its amount; per hour the products
    compare best (a GGZ session lasts an hour and a half, a dagdeel four hours). Returns the
    left axes; the right one is ``ax.figure.axes[1]``.
    """
    labels = [
        f"{code}  {rij['naam']}" + ("" if rij["eenheid"] == "dagdeel" else f" (per {rij['eenheid']})")
        for code, rij in overzicht.iterrows()
    ]
    y = np.arange(len(overzicht))
    fig, assen = plt.subplots(1, 2, figsize=(12, 0.4 * len(overzicht) + 2), sharey=True, layout="constrained")
    links: Axes = assen[0]
    rechts: Axes = assen[1]
    peildatum, tariefjaar = overzicht.attrs.get("peildatum"), overzicht.attrs.get("tariefjaar")
    wanneer = ""
    if tariefjaar is not None:
        wanneer = f", tariefjaar {tariefjaar}"
    elif peildatum is not None:
        wanneer = f", peildatum {datum(peildatum)}"
    fig.suptitle(titel or f"Meegeleverde producten op de standaardwaarden{wanneer}")
    panelen = ((links, "tarief", "per cliënt per eenheid"), (rechts, "tarief_per_uur", "per cliënt per uur"))
    for ax, kolom, wat in panelen:
        balken = ax.barh(y, overzicht[kolom], color=KLEUR_KOSTEN)
        ax.bar_label(balken, labels=[euro(x) for x in overzicht[kolom]], padding=3, fontsize=8)
        ax.set_title(f"Tarief {wat}", fontsize=10.5)
        ax.set_xlabel(f"tarief {wat} (€)")
        ax.xaxis.set_major_formatter(euro_opmaak(0))
        ax.set_xlim(0, float(overzicht[kolom].max()) * 1.25)  # room for the amounts
        ax.grid(axis="x", alpha=0.3)
        ax.set_axisbelow(True)
    links.set_yticks(y, labels, fontsize=8.5)
    links.invert_yaxis()  # the first code on top
    return links


_BANDKOLOMMEN = (("laag", "centraal", "hoog"), ("tarief_laag", "tarief", "tarief_hoog"))


def tariefband(
    band: pd.DataFrame,
    *,
    referentie: Referentie | Sequence[Referentie] | None = None,
    ax: Axes | None = None,
    titel: str | None = None,
) -> Axes:
    """The band of a tariff per row: from its low to its high assumption set, with the central tariff.

    Parameters
    ----------
    band
        One row per tariff (the index labels the rows, top to bottom), with the columns
        ``laag``, ``centraal`` and ``hoog`` (:attr:`tarieven.analyse.Niveaucheck.band`) or
        ``tarief_laag``, ``tarief`` and ``tarief_hoog`` (:func:`tarieven.productoverzicht`).
        With a column ``gepubliceerd`` each row also shows its published level (a diamond).
    referentie
        Levels that hold for every row (a published tariff, a tariff a municipality pays):
        dashed vertical lines with their label in the legend.

    The band is a shaded bar with its two ends written below it, the central tariff a dot with
    its amount above it; a row without spread is only the dot. The x axis starts at € 0, so
    the widths compare.
    """
    kolommen = next((k for k in _BANDKOLOMMEN if set(k) <= set(band.columns)), None)
    if kolommen is None:
        raise ValueError(f"een tabel met de kolommen {' of '.join(', '.join(k) for k in _BANDKOLOMMEN)}")
    laag, centraal, hoog = (band[k].astype(float).to_numpy() for k in kolommen)
    ax = _as(ax, (9, 0.8 * len(band) + 2.4))
    y = np.arange(len(band))
    dikte = 0.36
    handvatten = [
        ax.barh(
            y,
            hoog - laag,
            left=laag,
            height=dikte,
            color=KLEUR_KOSTEN,
            alpha=0.25,
            edgecolor=KLEUR_KOSTEN,
            label="band: alle aannames tegelijk op hun lage, en op hun hoge lezing",
        ),
        ax.plot(
            centraal,
            y,
            "o",
            color=KLEUR_TOTAAL,
            markersize=8,
            linestyle="none",
            label="centraal: elke aanname op haar centrale lezing",
        )[0],
    ]
    wit = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"}  # legible over a line
    tekst: dict[str, Any] = {"textcoords": "offset points", "ha": "center", "fontsize": 8.5, "bbox": wit}
    for i in y:
        ax.annotate(
            euro(centraal[i]),
            (centraal[i], i - dikte / 2),
            xytext=(0, 3),
            va="bottom",
            fontweight="bold",
            color=KLEUR_TOTAAL,
            **tekst,
        )
        if hoog[i] > laag[i]:
            for x in (laag[i], hoog[i]):
                ax.annotate(euro(x), (x, i + dikte / 2), xytext=(0, -2), va="top", **tekst)
    rechts = [*hoog]
    if "gepubliceerd" in band.columns:
        g = band["gepubliceerd"].astype(float).to_numpy()
        handvatten += ax.plot(
            g, y, "D", color=KLEUR_REFERENTIE, markersize=7, linestyle="none", label="gepubliceerd niveau"
        )
        rechts += list(g)
    refs = _teken_referenties(ax, referentie, verticaal=True)
    handvatten += ax.get_lines()[-len(refs) :] if refs else []
    rechts += [b for b, _ in refs]
    ax.set_yticks(y, [str(i) for i in band.index])
    ax.set_ylim(len(band) - 0.45, -0.7)  # the first row on top, room above it for the central amount
    ax.set_xlim(0, max(rechts) * 1.08)
    ax.xaxis.set_major_formatter(euro_opmaak(0))
    ax.set_xlabel("tarief per cliënt per eenheid (€)")
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)
    _titel(ax, "Tarief op de centrale aannames en de band van laag tot hoog", None, titel)
    onder = ax.transAxes + ScaledTranslation(0, -0.5, ax.figure.dpi_scale_trans)  # below the axis label
    ax.legend(
        handles=handvatten,
        loc="upper center",
        bbox_to_anchor=(0.5, 0),
        bbox_transform=onder,
        frameon=False,
        fontsize=8.5,
    )
    return ax
