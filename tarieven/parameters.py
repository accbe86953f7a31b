"""Parameters: dated values with unit, source and status, and their lookup in time.

Each parameter is a series of dated values; a lookup on a peildatum returns the value in
force and fails loudly before the first date or after an end (never a silent None or
zero); a lookup over a tariff year weights each value by the days it was in force. Each
value carries a status: ``definitief``, ``afgeleid``, ``indicatief`` or ``aanname``, and a
source. Loading the files is :mod:`tarieven.parameterbestanden`.

A parameter knows the term of its source (``geldig_tot``). Past it a value is carried
forward by a declared rule (:class:`Projectie`: ``ongewijzigd``, or ``loonontwikkeling``,
raised by each expected wage raise, to cents as a CAO raises a table) and marked
``geprojecteerd`` with status ``aanname`` and the rule's source; or a lookup is an error.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

from tarieven.fouten import InvoerFout, Probleem
from tarieven.herkomst import Bron, Herkomst, kort
from tarieven.waarden import AANNAMESETS, CENTRAAL, LEZINGEN, STATUSSEN, GewogenWaarde, Lezing, Waarde
from tarieven.weergave import procent

__all__ = [
    "AANNAMESETS",
    "CENTRAAL",
    "LEZINGEN",
    "PROJECTIEREGELS",
    "STATUSSEN",
    "Lezing",
    "Bron",
    "Projectie",
    "Herkomst",
    "kort",
    "Waarde",
    "GewogenWaarde",
    "Parameter",
    "ParameterBestand",
    "ParameterSet",
]

PROJECTIEREGELS = ("ongewijzigd", "loonontwikkeling")
"""How a value is carried past the term of its source (see the module docstring)."""
_DAG = dt.timedelta(days=1)


@dataclass(frozen=True)
class Projectie:
    """A declared rule that carries a parameter past the term of its source.

    Attributes
    ----------
    regel
        ``ongewijzigd`` or ``loonontwikkeling`` (:data:`PROJECTIEREGELS`).
    tot
        The last day (inclusive) the rule carries the parameter; later is an error.
    bron
        Why the rule may be applied: the source of the expected raises, or the reasoning.
    toelichting
        The rule in words, shown with every projected value.
    verhogingen
        For ``loonontwikkeling``: the expected wage raises (fractions, by date).
    """

    regel: str
    tot: dt.date
    bron: Bron
    toelichting: str
    verhogingen: Parameter | None = None


def _slechtste(a: str, b: str) -> str:
    return max(a, b, key=STATUSSEN.index)


def _verhoog(x: float | tuple[float, ...] | str, factor: float, centen: bool) -> float | tuple[float, ...] | str:
    """A value raised by ``factor``; money rounded to cents (half up), as the CAO raises a table."""

    def een(v: float) -> float:
        y = v * factor
        return float(Decimal(repr(y)).quantize(Decimal("0.01"), ROUND_HALF_UP)) if centen else y

    if isinstance(x, str):
        return x
    return tuple(een(v) for v in x) if isinstance(x, tuple) else een(x)


@dataclass(frozen=True)
class Parameter:
    """A named series of dated values with one unit."""

    naam: str
    bestand: str
    label: str
    eenheid: str | None
    soort: str
    waarden: tuple[Waarde, ...]
    toelichting: str | None = None
    geldig_tot: dt.date | None = None
    """The last day (inclusive) the source holds; None: until it is changed (a norm, a product)."""
    projectie: Projectie | None = None

    @property
    def heeft_lezingen(self) -> bool:
        """Whether any value (or the wage development it is projected with) carries readings."""
        verhogingen = self.projectie.verhogingen if self.projectie is not None else None
        return any(w.lezingen for w in self.waarden) or (verhogingen is not None and verhogingen.heeft_lezingen)

    def bij(self, aannames: str) -> Parameter:
        """The parameter read at an assumption set (:data:`AANNAMESETS`): each value at its
        reading, the projection with the wage development at the same reading. Itself when
        nothing carries readings."""
        if not self.heeft_lezingen:
            return self
        projectie = self.projectie
        if projectie is not None and projectie.verhogingen is not None:
            projectie = replace(projectie, verhogingen=projectie.verhogingen.bij(aannames))
        return replace(self, waarden=tuple(w.bij(aannames) for w in self.waarden), projectie=projectie)

    @cached_property
    def reeks(self) -> tuple[Waarde, ...]:
        """The values in time: the source's own, ended at :attr:`geldig_tot`, then the projected ones."""
        if self.geldig_tot is None:
            return self.waarden
        eind = self.geldig_tot + _DAG
        eigen = [w for w in self.waarden if w.vanaf < eind]
        if eigen and (eigen[-1].tot is None or eigen[-1].tot > eind):
            eigen[-1] = replace(eigen[-1], tot=eind)
        if self.projectie is None or not eigen or eigen[-1].tot != eind:
            return tuple(eigen)
        return (*eigen, *self._geprojecteerd(eigen[-1], eind))

    def _geprojecteerd(self, laatste: Waarde, eind: dt.date) -> list[Waarde]:
        pr = self.projectie
        assert pr is not None
        einde = pr.tot + _DAG
        verhogingen = [] if pr.verhogingen is None else [w for w in pr.verhogingen.waarden if eind <= w.vanaf < einde]
        starts = [eind, *(w.vanaf for w in verhogingen if w.vanaf > eind)]
        uit: list[Waarde] = []
        waarde, status, bron = laatste.waarde, _slechtste(laatste.status, "aanname"), pr.bron
        lezing = laatste.lezing or next((v.lezing for v in verhogingen if v.lezing), None)
        factor = 1.0
        uitleg = f"{self.naam} vanaf {laatste.vanaf}"
        for i, vanaf in enumerate(starts):
            for v in (v for v in verhogingen if v.vanaf == vanaf and isinstance(v.waarde, float)):
                assert isinstance(v.waarde, float)
                waarde = _verhoog(waarde, 1.0 + v.waarde, (self.eenheid or "").startswith("EUR"))
                factor *= 1.0 + v.waarde
                status, bron = _slechtste(status, v.status), v.bron
                uitleg += f" × (1 + {procent(v.waarde, 2)} per {v.vanaf})"
            tot = starts[i + 1] if i + 1 < len(starts) else einde
            toelichting = (
                f"geprojecteerd: de bron geldt tot en met {self.geldig_tot}; {uitleg} ({pr.regel}: {pr.toelichting})"
            )
            if laatste.lezing not in (None, CENTRAAL) and laatste.toelichting:
                toelichting += f"; {laatste.toelichting}"
            uit.append(
                Waarde(
                    vanaf,
                    waarde,
                    status,
                    bron,
                    tot,
                    toelichting,
                    laatste.eerste_trede,
                    True,
                    bronstatus=laatste.status,
                    projectiefactor=factor,
                    lezing=lezing,
                )
            )
        return uit

    def _termijn(self) -> str:
        """Why the parameter has no later values (for a message)."""
        if self.geldig_tot is None:
            return "daarna is geen waarde bekend"
        tekst = f"de bron geldt tot en met {self.geldig_tot}"
        if self.projectie is not None:
            tekst += f" en wordt tot en met {self.projectie.tot} geprojecteerd ({self.projectie.regel})"
        return tekst + "; voor later: eigen parameters (--parameters) met een nieuwere bron of projectie"

    def op(self, peildatum: dt.date) -> Waarde:
        """The value in force on ``peildatum``; an error outside the dated range."""
        reeks = self.reeks
        geldig = [w for w in reeks if w.vanaf <= peildatum]
        if not geldig:
            raise InvoerFout(
                [
                    Probleem(
                        self.naam,
                        str(peildatum),
                        f"een peildatum op of na {reeks[0].vanaf}: de eerste waarde geldt vanaf die datum",
                    )
                ],
                kort(self.bestand),
            )
        w = geldig[-1]
        if w.tot is not None and peildatum >= w.tot:
            laatste = w.tot - _DAG
            raise InvoerFout(
                [Probleem(self.naam, str(peildatum), f"een peildatum tot en met {laatste}: {self._termijn()}")],
                kort(self.bestand),
            )
        return w

    def _delen(self, jaar: int) -> list[tuple[Waarde, int]]:
        """Each value in force during ``jaar`` with its days; an error when the year is not covered."""
        begin, einde = dt.date(jaar, 1, 1), dt.date(jaar + 1, 1, 1)
        delen: list[tuple[Waarde, int]] = []
        gedekt_tot = begin  # the first day not yet covered
        reeks = self.reeks
        for i, w in enumerate(reeks):
            volgende = reeks[i + 1].vanaf if i + 1 < len(reeks) else None
            eind_w = min((d for d in (w.tot, volgende) if d is not None), default=einde)
            van, tot = max(w.vanaf, begin), min(eind_w, einde)
            if tot <= van:
                continue
            if van > gedekt_tot:
                break  # a gap: reported below
            delen.append((w, (tot - van).days))
            gedekt_tot = tot
        if gedekt_tot < einde:
            if gedekt_tot < reeks[0].vanaf:
                reden = f"de eerste waarde geldt pas vanaf {reeks[0].vanaf}"
            else:
                reden = f"vanaf {gedekt_tot} is geen waarde bekend"
                reden += f": {self._termijn()}" if self.geldig_tot is not None else ""
            raise InvoerFout(
                [
                    Probleem(
                        self.naam,
                        jaar,
                        f"een tariefjaar dat van 1 januari tot en met 31 december door waarden gedekt is; {reden}",
                    )
                ],
                kort(self.bestand),
            )
        return delen

    def gewogen(self, jaar: int) -> GewogenWaarde:
        """The time-weighted value over the calendar year ``jaar``.

        Each value in force during the year counts with the number of days it was in
        force (a salary table step by step). The year must be covered from 1 January to
        31 December without gaps. A text value, or a table whose number of steps changes
        within the year, cannot be averaged: an error. One value for the whole year is
        returned exactly.
        """
        delen = self._delen(jaar)
        status = max((w.status for w, _ in delen), key=STATUSSEN.index)
        eerste = delen[0][0]
        if len(delen) == 1:
            return GewogenWaarde(jaar, eerste.waarde, tuple(delen), status)
        waarden = [w.waarde for w, _ in delen]
        tekst = " en ".join(f"{w.waarde!r} vanaf {w.vanaf}" for w, _ in delen)
        if any(isinstance(x, str) for x in waarden):
            if len(set(waarden)) > 1:
                raise InvoerFout(
                    [
                        Probleem(
                            self.naam,
                            jaar,
                            f"één tekstwaarde in heel {jaar}, maar {tekst}: een tekst kan niet tijdgewogen "
                            "worden; kies een peildatum",
                        )
                    ],
                    kort(self.bestand),
                )
            return GewogenWaarde(jaar, eerste.waarde, tuple(delen), status)
        dagen = sum(d for _, d in delen)
        if any(isinstance(x, tuple) for x in waarden):
            vormen = {(len(w.waarde), w.eerste_trede) if isinstance(w.waarde, tuple) else None for w, _ in delen}
            if len(vormen) > 1:
                treden = "; ".join(
                    f"vanaf {w.vanaf}: "
                    + (
                        f"{len(w.waarde)} treden vanaf trede {w.eerste_trede}"
                        if isinstance(w.waarde, tuple)
                        else "één getal"
                    )
                    for w, _ in delen
                )
                raise InvoerFout(
                    [
                        Probleem(
                            self.naam,
                            jaar,
                            f"tabellen met dezelfde treden in heel {jaar}, maar het aantal treden verandert binnen "
                            f"het jaar ({treden}): trede voor trede middelen kan dan niet; kies een peildatum",
                        )
                    ],
                    kort(self.bestand),
                )
            lengte = len(eerste.waarde) if isinstance(eerste.waarde, tuple) else 0
            tabel = tuple(
                sum(d * w.waarde[j] for w, d in delen if isinstance(w.waarde, tuple)) / dagen for j in range(lengte)
            )
            return GewogenWaarde(jaar, tabel, tuple(delen), status)
        getal = sum(d * w.waarde for w, d in delen if isinstance(w.waarde, float)) / dagen
        return GewogenWaarde(jaar, getal, tuple(delen), status)

    @property
    def laatste(self) -> Waarde:
        return self.reeks[-1]


@dataclass(frozen=True)
class ParameterBestand:
    """One parameter file: its parameters and its text metadata (e.g. a product's code)."""

    naam: str
    pad: str
    titel: str
    omschrijving: str
    parameters: Mapping[str, Parameter]
    tekst: Mapping[str, Any] = field(default_factory=dict)
    """Dotted key -> text leaf (for function definitions, product structure...)."""
    erf: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Grouping table -> its inheritable ``vanaf`` and ``bron`` (as read)."""
    geldig_tot: dt.date | None = None
    """The file's declared term (each parameter may have its own)."""
    projectie: Projectie | None = None
    """The file's declared rule past its term."""


@dataclass(frozen=True)
class ParameterSet:
    """All parameter files of a folder, by file stem; products by code."""

    map: str
    bestanden: Mapping[str, ParameterBestand]
    producten: Mapping[str, ParameterBestand]
    paden: tuple[str, ...] = ()
    """Every file the set was read from (the bundled folder, then a user's own files)."""

    def bestand(self, naam: str) -> ParameterBestand:
        try:
            return self.bestanden[naam]
        except KeyError:
            raise InvoerFout(
                [
                    Probleem(
                        "bestand",
                        naam,
                        f"een parameterbestand uit {kort(self.map)} ({', '.join(sorted(self.bestanden))})",
                    )
                ]
            ) from None

    def parameter(self, bestand: str, naam: str) -> Parameter:
        b = self.bestand(bestand)
        try:
            return b.parameters[naam]
        except KeyError:
            raise InvoerFout(
                [Probleem(naam, ..., f"een parameter in {kort(b.pad)} ({', '.join(sorted(b.parameters)[:15])}, ...)")]
            ) from None

    def product(self, code: str) -> ParameterBestand:
        try:
            return self.producten[code]
        except KeyError:
            raise InvoerFout(
                [Probleem("product", code, f"een productcode uit de catalogus ({', '.join(sorted(self.producten))})")]
            ) from None

    def __iter__(self) -> Iterator[Parameter]:
        for b in (*self.bestanden.values(), *self.producten.values()):
            yield from b.parameters.values()

    @cached_property
    def hash(self) -> str:
        """SHA-256 over the contents of every file it was read from: same hash, same parameters."""
        h = hashlib.sha256()
        paden = self.paden or tuple(sorted(b.pad for b in (*self.bestanden.values(), *self.producten.values())))
        for pad in paden:
            h.update(Path(pad).name.encode())
            h.update(Path(pad).read_bytes())
        return h.hexdigest()
