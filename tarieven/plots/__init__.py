"""Plots of results and analyses (matplotlib), with Dutch labels and euro axes.

Each function draws on ``ax`` (a new figure when None) and returns it, so plots compose
in a notebook::

    fig, (links, rechts) = plt.subplots(1, 2, figsize=(12, 4))
    plots.waterval(tarieven.bereken("scenario.toml"), ax=links)
    plots.tornado(analyse.gevoeligheid("scenario.toml"), ax=rechts)

Amounts are shown the Dutch way: ``€ 1.234`` or ``€ 12,50``, percentages as ``85 %``.
"""

from __future__ import annotations

from tarieven.plots._basis import (
    KLEUR_HOOG,
    KLEUR_KOSTEN,
    KLEUR_LAAG,
    KLEUR_OMLIJNING,
    KLEUR_OPBOUW,
    KLEUR_OPSLAG,
    KLEUR_REFERENTIE,
    KLEUR_TOTAAL,
    OPBOUW_LABELS,
    STIJLEN,
    Referentie,
    euro_opmaak,
    getal_opmaak,
    procent_opmaak,
    toon_waarde,
)
from tarieven.plots.analyses import bekostiging, groep_of_individueel, heatmap, histogram, lijn, tornado
from tarieven.plots.normering import band, spreiding
from tarieven.plots.opbouw import brug, catalogus, opbouw_vergelijking, tariefband, waterval

__all__ = [
    "KLEUR_HOOG",
    "KLEUR_KOSTEN",
    "KLEUR_LAAG",
    "KLEUR_OMLIJNING",
    "KLEUR_OPBOUW",
    "KLEUR_OPSLAG",
    "KLEUR_REFERENTIE",
    "KLEUR_TOTAAL",
    "OPBOUW_LABELS",
    "Referentie",
    "STIJLEN",
    "band",
    "bekostiging",
    "brug",
    "catalogus",
    "euro_opmaak",
    "getal_opmaak",
    "groep_of_individueel",
    "heatmap",
    "histogram",
    "lijn",
    "opbouw_vergelijking",
    "procent_opmaak",
    "spreiding",
    "tariefband",
    "toon_waarde",
    "tornado",
    "waterval",
]
