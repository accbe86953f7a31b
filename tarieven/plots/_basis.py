"""Shared pieces of the plots: colours, Dutch number formats, titles, legends, reference lines."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

from tarieven.weergave import euro, getal, procent

if TYPE_CHECKING:
    from matplotlib.axes import Axes


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
    "euro_opmaak",
    "getal_opmaak",
    "procent_opmaak",
    "toon_waarde",
]

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
KLEUR_REFERENTIE = "#8C1C13"
KLEUR_OMLIJNING = "#FF8C00"
STIJLEN = (("o", "-"), ("s", "--"), ("^", "-."), ("D", ":"))
"""Marker and line style per series, so lines that coincide stay distinguishable."""
KLEUR_OPBOUW = {
    "opbouw.personeel_direct": "#4C72B0",
    "opbouw.personeel_indirect": "#8172B3",
    "opbouw.huisvesting_eenheid": "#64B5CD",
    "opbouw.materieel": "#55A868",
    "opbouw.clientkosten": "#937860",
    "opbouw.overhead": "#DD8452",
    "opbouw.risico": "#C44E52",
}


class _MetBedrag(Protocol):
    """A published tariff (:class:`tarieven.gepubliceerd.GepubliceerdTarief`) or anything like it."""

    @property
    def bedrag(self) -> float: ...

    def kort(self) -> str: ...


Referentie = float | tuple[float, str] | _MetBedrag
"""A reference level for a plot: an amount, an amount with a label, or a published tariff
(:func:`tarieven.gepubliceerd_tarief`, drawn with its label and price year)."""


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


_EENHEID_TEKST = {
    "uur": "uur",
    "EUR": "€",
    "EUR/jaar": "€ per jaar",
    "EUR/maand": "€ per maand",
    "EUR/uur": "€ per uur",
}


def _aslabel(attrs: Mapping[Any, Any], kolom: str) -> str:
    """An axis label with its unit: ``tarief per cliënt per dagdeel (€)``, ``bezettingsgraad (%)``.

    A label that already names its unit in brackets (``groepsgrootte (plaatsen)``) is left as is.
    """
    tekst = _label(attrs, kolom)
    if tekst.endswith(")"):
        return tekst
    soort = _soort(attrs, kolom)
    if soort == "geld":
        return f"{tekst} (€)"
    if soort == "fractie":
        return f"{tekst} (%)"
    eenheid = attrs.get("eenheden", {}).get(kolom, "")
    return f"{tekst} ({_EENHEID_TEKST.get(eenheid, eenheid)})" if eenheid not in ("", "1", "dimensionless") else tekst


def _titel(ax: Axes, wat: str, onderwerp: str | None, titel: str | None) -> None:
    """The title: ``titel`` when given, else what the plot shows and, below it, product and scenario."""
    if titel is not None:
        ax.set_title(titel, fontsize=11)
        return
    wat = wat[:1].upper() + wat[1:]
    ax.set_title(f"{wat}\n{onderwerp}" if onderwerp else wat, fontsize=10.5)


def _referenties(referentie: Any) -> list[tuple[float, str]]:
    """Reference levels as (amount, label) pairs: from an amount, a pair, a published tariff, or a list."""
    if referentie is None:
        return []
    if isinstance(referentie, (int, float)):
        return [(float(referentie), f"referentie: {euro(float(referentie))}")]
    if isinstance(referentie, tuple) and len(referentie) == 2 and isinstance(referentie[1], str):
        bedrag, tekst = referentie
        return [(float(bedrag), f"{tekst}: {euro(float(bedrag))}")]
    if isinstance(referentie, (list, tuple)):
        return [r for x in referentie for r in _referenties(x)]
    bedrag = float(referentie.bedrag)
    return [(bedrag, f"{referentie.kort()}: {euro(bedrag)}")]


def _legenda(ax: Axes, *, onder: bool, handles: list[Any] | None = None) -> None:
    """The legend: inside the axes, or below them (for long labels of reference levels, so no data is covered)."""
    kw: dict[str, Any] = {"fontsize": 8.5}
    if handles is not None:
        kw["handles"] = handles
    if onder:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), frameon=False, **kw)
    else:
        ax.legend(**kw)


def _teken_referenties(ax: Axes, referentie: Any, *, verticaal: bool = False) -> list[tuple[float, str]]:
    """Dashed lines at the reference levels (horizontal, or vertical for an x axis in euros)."""
    refs = _referenties(referentie)
    stijlen = ("--", "-.", ":")
    for i, (bedrag, tekst) in enumerate(refs):
        lijnstuk = ax.axvline if verticaal else ax.axhline
        lijnstuk(bedrag, color=KLEUR_REFERENTIE, linestyle=stijlen[i % 3], linewidth=1.4, label=tekst)
    return refs


def _as(ax: Axes | None, figsize: tuple[float, float] = (8, 4.5)) -> Axes:
    if ax is not None:
        return ax
    _, nieuw = plt.subplots(figsize=figsize, layout="constrained")
    return nieuw


# -- plots --------------------------------------------------------------------------------
