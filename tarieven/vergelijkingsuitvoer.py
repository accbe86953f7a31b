"""A comparison of two calculations as a result: its parts, and its text, JSON and CSV forms.

:class:`Vergelijking` holds what :func:`tarieven.vergelijk` found: both results, every line
and every input side by side, and the Shapley parts of the difference in the tariff. The
computation is :mod:`tarieven.vergelijking`; this module only gathers and shows.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tarieven.afronding import op_centen
from tarieven.invoergroepen import GROEPEN, groep_van, groeplabel
from tarieven.shapley import centen_die_optellen
from tarieven.uitkomst import Uitkomst
from tarieven.velden import label as veldlabel
from tarieven.velden import veld
from tarieven.weergave import euro, getal, ingekort, invoer, is_geld, procent

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["GROEPEN", "Deel", "InvoerVerschil", "RegelVerschil", "Vergelijking", "groep_van", "groeplabel"]


@dataclass(frozen=True)
class Deel:
    """The part of one group of inputs in the difference of the tariff per client.

    Attributes
    ----------
    groep, label
        The group (``salaris.mbo``, ``personeel``, ...) and its Dutch label.
    bedrag
        The Shapley part in euros, full precision.
    centen
        The part in whole cents, balanced so that the parts add up to the difference shown.
    aandeel
        The part as a share of the whole difference (None when the difference is 0).
    invoer
        The inputs of this group that differ.
    """

    groep: str
    label: str
    bedrag: float
    centen: Decimal
    aandeel: float | None
    invoer: tuple[str, ...]


@dataclass(frozen=True)
class RegelVerschil:
    """One breakdown line on both sides (None where a side does not have the line)."""

    naam: str
    label: str
    eenheid: str
    tegen: float | None
    eigen: float | None

    @property
    def verschil(self) -> float | None:
        """``eigen − tegen``."""
        return None if self.tegen is None or self.eigen is None else self.eigen - self.tegen

    @property
    def relatief(self) -> float | None:
        """``(eigen − tegen) / tegen`` (None when ``tegen`` is 0 or absent)."""
        v = self.verschil
        return None if v is None or not self.tegen else v / self.tegen


def _wanneer(u: Uitkomst) -> str:
    """A side's date as the text says it: ``2027-01-01``, ``tariefjaar 2025``, or empty."""
    s = u.scenario
    return str(s.peildatum) if s.peildatum else (f"tariefjaar {s.tariefjaar}" if s.tariefjaar is not None else "")


@dataclass(frozen=True)
class InvoerVerschil:
    """One input that differs: its value on each side (None where a side does not have it)
    and where each value came from; ``eigen_invoer``: the provider gave it itself (not
    inherited from the product it builds on)."""

    sleutel: str
    label: str
    groep: str | None
    tegen: Any
    eigen: Any
    herkomst_tegen: str | None
    herkomst_eigen: str | None
    eigen_invoer: bool


def _waarde_tekst(sleutel: str, x: Any) -> str:
    if x is None:
        return "(niet in dit scenario)"
    if isinstance(x, float):
        try:
            return veld(sleutel).toon(x)
        except KeyError:
            return invoer(x)
    return str(x)


def _json_getal(x: float | None, eenheid: str) -> Any:
    if x is None:
        return None
    return str(op_centen(x)) if is_geld(eenheid) else round(x, 6)


class Vergelijking:
    """Two calculations of the same product side by side, and what explains the difference.

    Attributes
    ----------
    eigen, tegen
        The two results (the provider's own, and the one it is held against).
    delen
        The Shapley parts of ``eigen.tarief − tegen.tarief`` per group, largest first.
    regels
        Every breakdown line on both sides.
    invoer
        Every input that differs.
    totaal
        ``eigen.tarief − tegen.tarief`` as the decomposition computed it (full precision).
    """

    def __init__(
        self,
        eigen: Uitkomst,
        tegen: Uitkomst,
        delen: Sequence[Deel],
        regels: Sequence[RegelVerschil],
        invoer: Sequence[InvoerVerschil],
        totaal: float,
    ) -> None:
        self.eigen = eigen
        self.tegen = tegen
        self.delen = tuple(delen)
        self.regels = tuple(regels)
        self.invoer = tuple(invoer)
        self.totaal = totaal

    @classmethod
    def maak(
        cls, eigen: Uitkomst, tegen: Uitkomst, delen: Sequence[tuple[str, str, float]], totaal: float
    ) -> Vergelijking:
        """Gather lines and inputs side by side, and balance the parts in cents."""
        getoond = op_centen(eigen.tarief) - op_centen(tegen.tarief)
        centen = centen_die_optellen([d for _, _, d in delen], getoond)
        invoer = _invoerverschillen(eigen, tegen)
        per_groep: dict[str | None, list[str]] = {}
        for iv in invoer:
            per_groep.setdefault(iv.groep, []).append(iv.sleutel)
        onderdelen = [
            Deel(g, label, d, c, d / totaal if totaal else None, tuple(per_groep.get(g, ())))
            for (g, label, d), c in zip(delen, centen, strict=True)
        ]
        onderdelen.sort(key=lambda x: (-abs(x.bedrag), x.groep))
        return cls(eigen, tegen, onderdelen, _regelverschillen(eigen, tegen), invoer, totaal)

    @property
    def verschil(self) -> float:
        """``eigen.tarief − tegen.tarief`` in euros, full precision."""
        return self.eigen.tarief - self.tegen.tarief

    def __repr__(self) -> str:
        return (
            f"<Vergelijking {self.eigen.scenario.bron} tegen {self.tegen.scenario.bron}: "
            f"{euro(self.tegen.tarief)} -> {euro(self.eigen.tarief)}>"
        )

    # -- text ----------------------------------------------------------------------------
    def als_tekst(self) -> str:
        """The comparison in Dutch: the tariffs, what explains the difference, every line and input."""
        e, t = self.eigen, self.tegen
        verschil = op_centen(e.tarief) - op_centen(t.tarief)
        relatief = f" ({_procent_teken(self.verschil / t.tarief)})" if t.tarief else ""
        regels = [
            f"Vergelijking per cliënt per {e.eenheid}",
            f"  eigen: {_naam(e)}",
            f"  tegen: {_naam(t)}",
        ]
        we, wt = _wanneer(e), _wanneer(t)
        if we == wt and we:
            regels.append(f"  parameters op {we}")
        elif we != wt:
            regels.append(
                f"  parameters: eigen op {we or 'geen datum'}, tegen op {wt or 'geen datum'} (elke kant op "
                "haar eigen datum: een deel van het verschil komt van de datum)"
            )
        regels += [
            "",
            f"{'Tarief tegen:':<28}{euro(t.tarief):>14}",
            f"{'Tarief eigen:':<28}{euro(e.tarief):>14}",
            f"{'Verschil (eigen − tegen):':<28}{euro(verschil):>14}{relatief}",
            "",
            "Wat het verschil verklaart (Shapley-decompositie over groepen invoer: het gemiddelde",
            "effect van elke groep over alle volgorden; de delen tellen op tot het verschil):",
        ]
        breed = min(max([60, *(len(d.label) + 1 for d in self.delen)]), 100)
        for d in self.delen:
            aandeel = procent(d.aandeel, 1) if d.aandeel is not None else ""
            regels.append(f"  {ingekort(d.label, breed - 1):<{breed}}{euro(d.centen):>12}{aandeel:>10}")
        if not self.delen:
            regels.append("  (geen verschil in de invoer)")
        regels.append(f"  {'totaal':<{breed}}{euro(verschil):>12}")
        regels += ["", "Opbouw regel voor regel:", f"  {'regel':<34}{'tegen':>16}{'eigen':>16}{'verschil':>14}{'%':>9}"]
        for r in self.regels:
            regels.append(_regel_tekst(r))
        regels += ["", f"Invoer die verschilt ({len(self.invoer)}):"]
        for iv in self.invoer:
            soort = "eigen invoer" if iv.eigen_invoer else "overgenomen"
            regels += [
                f"  {iv.sleutel} ({iv.label}):",
                f"      tegen {_waarde_tekst(iv.sleutel, iv.tegen)}{_herkomst_tekst(iv.tegen, iv.herkomst_tegen)}",
                f"      eigen {_waarde_tekst(iv.sleutel, iv.eigen)}"
                + _herkomst_tekst(iv.eigen, iv.herkomst_eigen, soort),
            ]
        regels += ["", "Bedragen op centen afgerond (half naar boven); gerekend in volle precisie."]
        return "\n".join(regels)

    __str__ = als_tekst

    # -- machine formats -----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: money as strings of whole cents, the parts balanced, fractions as floats."""

        def kant(u: Uitkomst) -> dict[str, Any]:
            s = u.scenario
            return {
                "bron": s.bron,
                "beschrijving": s.beschrijving,
                "product": s.product_code,
                "tarief_per_client": str(op_centen(u.tarief)),
                "invoer_hash": u.invoer_hash,
            }

        return {
            "eenheid": self.eigen.eenheid,
            "peildatum": str(self.eigen.scenario.peildatum) if self.eigen.scenario.peildatum else None,
            "tariefjaar": self.eigen.scenario.tariefjaar,
            "peildatum_tegen": str(self.tegen.scenario.peildatum) if self.tegen.scenario.peildatum else None,
            "tariefjaar_tegen": self.tegen.scenario.tariefjaar,
            "eigen": kant(self.eigen),
            "tegen": kant(self.tegen),
            "verschil": str(op_centen(self.eigen.tarief) - op_centen(self.tegen.tarief)),
            "verschil_relatief": round(self.verschil / self.tegen.tarief, 6) if self.tegen.tarief else None,
            "decompositie": [
                {
                    "groep": d.groep,
                    "label": d.label,
                    "bedrag": str(d.centen),
                    "bedrag_onafgerond": d.bedrag,
                    "aandeel": None if d.aandeel is None else round(d.aandeel, 6),
                    "invoer": list(d.invoer),
                }
                for d in self.delen
            ],
            "regels": [
                {
                    "naam": r.naam,
                    "eenheid": r.eenheid,
                    "tegen": _json_getal(r.tegen, r.eenheid),
                    "eigen": _json_getal(r.eigen, r.eenheid),
                    "verschil": _json_getal(r.verschil, r.eenheid),
                    "verschil_relatief": None if r.relatief is None else round(r.relatief, 6),
                }
                for r in self.regels
            ],
            "invoer": [
                {
                    "sleutel": iv.sleutel,
                    "groep": iv.groep,
                    "tegen": _json_invoer(iv.tegen),
                    "eigen": _json_invoer(iv.eigen),
                    "herkomst_tegen": iv.herkomst_tegen,
                    "herkomst_eigen": iv.herkomst_eigen,
                    "eigen_invoer": iv.eigen_invoer,
                }
                for iv in self.invoer
            ],
        }

    def to_json(self, **kwargs: Any) -> str:
        """:meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=kwargs.pop("indent", 2), allow_nan=False, **kwargs)

    def rijen(self) -> list[list[Any]]:
        """One table for CSV (header first): the parts, every line and every input that differs,
        told apart by ``soort`` (``deel``, ``regel``, ``invoer``); lines in full precision, the
        parts in balanced cents."""
        uit: list[list[Any]] = [
            ["soort", "naam", "omschrijving", "eenheid", "tegen", "eigen", "verschil", "verschil_relatief"]
        ]
        for d in self.delen:
            uit.append(["deel", d.groep, d.label, "EUR", None, None, d.centen, d.aandeel])
        for r in self.regels:
            uit.append(["regel", r.naam, r.label, r.eenheid, r.tegen, r.eigen, r.verschil, r.relatief])
        for iv in self.invoer:
            a, b = iv.tegen, iv.eigen
            verschil = b - a if isinstance(a, float) and isinstance(b, float) else None
            eenheid = _veld_eenheid(iv.sleutel)
            uit.append(["invoer", iv.sleutel, iv.label, eenheid, _json_invoer(a), _json_invoer(b), verschil, None])
        return uit

    def to_frame(self) -> pd.DataFrame:
        """The lines side by side as a DataFrame (index: line name; columns tegen, eigen, verschil, relatief)."""
        import pandas as pd

        df = pd.DataFrame(
            [
                {
                    "naam": r.naam,
                    "label": r.label,
                    "eenheid": r.eenheid,
                    "tegen": r.tegen,
                    "eigen": r.eigen,
                    "verschil": r.verschil,
                    "relatief": r.relatief,
                }
                for r in self.regels
            ]
        ).set_index("naam")
        return df

    def delen_frame(self) -> pd.DataFrame:
        """The parts of the difference as a DataFrame, largest first (index: group)."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "groep": d.groep,
                    "label": d.label,
                    "bedrag": d.bedrag,
                    "centen": float(d.centen),
                    "aandeel": d.aandeel,
                }
                for d in self.delen
            ]
        ).set_index("groep")


def _veld_eenheid(sleutel: str) -> str:
    try:
        return veld(sleutel).eenheid
    except KeyError:
        return ""


def _json_invoer(x: Any) -> Any:
    return x if x is None or isinstance(x, (bool, int, float, str)) else str(x)


def _procent_teken(x: float) -> str:
    return ("+" if x > 0 else "") + procent(x, 1)


def _herkomst_tekst(x: Any, herkomst: str | None, soort: str = "") -> str:
    if x is None:
        return ""
    tekst = ": ".join(d for d in (soort, herkomst) if d)
    return f"  [{tekst}]" if tekst else ""


def _naam(u: Uitkomst) -> str:
    return u.scenario.titel


def _regel_tekst(r: RegelVerschil) -> str:
    def toon(x: float | None) -> str:
        if x is None:
            return "-"
        return euro(x) if is_geld(r.eenheid) else getal(x)

    rel = _procent_teken(r.relatief) if r.relatief is not None else ""
    return f"  {ingekort(r.naam, 34):<34}{toon(r.tegen):>16}{toon(r.eigen):>16}{toon(r.verschil):>14}{rel:>9}"


def _regelverschillen(eigen: Uitkomst, tegen: Uitkomst) -> list[RegelVerschil]:
    namen = list(dict.fromkeys([*(r.naam for r in tegen), *(r.naam for r in eigen)]))
    e = {r.naam: r for r in eigen}
    t = {r.naam: r for r in tegen}
    uit = []
    for n in namen:
        d = (t.get(n) or e[n]).definitie
        uit.append(
            RegelVerschil(n, d.label, d.eenheid, t[n].waarde if n in t else None, e[n].waarde if n in e else None)
        )
    return uit


def _invoerverschillen(eigen: Uitkomst, tegen: Uitkomst) -> list[InvoerVerschil]:
    se, st = eigen.scenario, tegen.scenario
    uit = []
    for k in dict.fromkeys([*st.invoer, *se.invoer]):
        a, b = st.invoer.get(k), se.invoer.get(k)
        if k in ("beschrijving",) or (a == b and (k in st.invoer) == (k in se.invoer)):
            continue
        a = None if str(a) == "{}" else a
        b = None if str(b) == "{}" else b
        if a == b:
            continue
        ha, hb = st.herkomst.get(k), se.herkomst.get(k)
        uit.append(
            InvoerVerschil(
                k,
                veldlabel(k),
                groep_van(k),
                a,
                b,
                str(ha) if ha else None,
                str(hb) if hb else None,
                eigen.is_eigen_invoer(k),
            )
        )
    return uit
