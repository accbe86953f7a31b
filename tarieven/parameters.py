"""Parameters: dated values with unit, source and status, and their lookup in time.

Each parameter is a series of dated values; a lookup on a peildatum returns the value in
force and fails loudly before the first date or after an end (never a silent None or
zero); a lookup over a tariff year weights each value by the days it was in force. Each
value carries a status: ``definitief``, ``afgeleid``, ``indicatief`` or ``aanname``, and a
source. Loading the files is :mod:`tarieven.parameterbestanden`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tarieven.fouten import InvoerFout, Probleem

__all__ = [
    "STATUSSEN",
    "Bron",
    "Herkomst",
    "kort",
    "Waarde",
    "GewogenWaarde",
    "Parameter",
    "ParameterBestand",
    "ParameterSet",
]

STATUSSEN = ("definitief", "afgeleid", "indicatief", "aanname")
"""From most to least certain; see ``params/README.md``."""


_MEEGELEVERD = (Path(__file__).resolve().parent / "params", Path(__file__).resolve().parents[1] / "params")


def kort(pad: str | Path) -> str:
    """A parameter file as a message names it: ``params/producten/41A22.toml`` for a bundled
    file (never the path inside the installed package), the path as given for a user's own."""
    volledig = Path(pad).resolve()
    for map_ in _MEEGELEVERD:
        if volledig.is_relative_to(map_):
            return "params/" + volledig.relative_to(map_).as_posix()
    return str(pad)


@dataclass(frozen=True)
class Herkomst:
    """Where an input value came from: the user's scenario, or a bundled parameter with its status.

    Attributes
    ----------
    oorsprong
        Human-readable origin: ``scenario dagbesteding-licht.toml`` or
        ``cao-jeugdzorg.toml: salaris.schaal_8, trede 10``.
    status
        The parameter's status (definitief, afgeleid, indicatief, aanname); None for a value
        the user gave.
    bron
        The source (title, article, link) of a parameter value.
    vanaf
        The date from which the parameter value holds.
    toelichting
        Derivation or reasoning (for afgeleid and aanname values).
    """

    oorsprong: str
    status: str | None = None
    bron: str | None = None
    vanaf: dt.date | None = None
    toelichting: str | None = None

    def __str__(self) -> str:
        delen = [self.oorsprong]
        if self.status:
            delen.append(self.status)
        if self.vanaf:
            delen.append(f"vanaf {self.vanaf}")
        return ", ".join(delen)


@dataclass(frozen=True)
class Bron:
    """Where a value comes from."""

    titel: str
    artikel: str | None = None
    url: str | None = None
    datum: str | None = None
    document: str | None = None

    def __str__(self) -> str:
        delen = [self.titel]
        if self.artikel:
            delen.append(self.artikel)
        if self.document:
            delen.append(self.document)
        if self.datum:
            delen.append(self.datum)
        tekst = ", ".join(delen)
        return f"{tekst} ({self.url})" if self.url else tekst


@dataclass(frozen=True)
class Waarde:
    """One dated value of a parameter."""

    vanaf: dt.date
    waarde: float | tuple[float, ...] | str
    status: str
    bron: Bron
    tot: dt.date | None = None
    toelichting: str | None = None
    eerste_trede: int = 0

    def geldt_op(self, peildatum: dt.date) -> bool:
        return self.vanaf <= peildatum and (self.tot is None or peildatum < self.tot)


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

    def op(self, peildatum: dt.date) -> Waarde:
        """The value in force on ``peildatum``; an error outside the dated range."""
        geldig = [w for w in self.waarden if w.vanaf <= peildatum]
        if not geldig:
            raise InvoerFout(
                [
                    Probleem(
                        self.naam,
                        str(peildatum),
                        f"een peildatum op of na {self.waarden[0].vanaf}: de eerste waarde geldt vanaf die datum",
                    )
                ],
                kort(self.bestand),
            )
        w = geldig[-1]
        if w.tot is not None and peildatum >= w.tot:
            raise InvoerFout(
                [Probleem(self.naam, str(peildatum), f"een peildatum vóór {w.tot}: daarna is geen waarde bekend")],
                kort(self.bestand),
            )
        return w

    def gewogen(self, jaar: int) -> GewogenWaarde:
        """The time-weighted value over the calendar year ``jaar``.

        Each value in force during the year counts with the number of days it was in
        force (a salary table step by step). The year must be covered from 1 January to
        31 December without gaps. A text value, or a table whose number of steps changes
        within the year, cannot be averaged: an error. One value for the whole year is
        returned exactly.
        """
        begin, einde = dt.date(jaar, 1, 1), dt.date(jaar + 1, 1, 1)
        delen: list[tuple[Waarde, int]] = []
        gedekt_tot = begin  # the first day not yet covered
        for i, w in enumerate(self.waarden):
            volgende = self.waarden[i + 1].vanaf if i + 1 < len(self.waarden) else None
            eind_w = min((d for d in (w.tot, volgende) if d is not None), default=einde)
            van, tot = max(w.vanaf, begin), min(eind_w, einde)
            if tot <= van:
                continue
            if van > gedekt_tot:
                break  # a gap: reported below
            delen.append((w, (tot - van).days))
            gedekt_tot = tot
        if gedekt_tot < einde:
            if gedekt_tot < self.waarden[0].vanaf:
                reden = f"de eerste waarde geldt pas vanaf {self.waarden[0].vanaf}"
            else:
                reden = f"vanaf {gedekt_tot} is geen waarde bekend"
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
        return self.waarden[-1]


@dataclass(frozen=True)
class GewogenWaarde:
    """The time-weighted value of a parameter over a calendar year (``Parameter.gewogen``).

    Offers the attributes of :class:`Waarde` that a lookup uses (``waarde``, ``status``,
    ``vanaf``, ``bron``, ``toelichting``, ``eerste_trede``), so either can be used where a
    value in force is needed.

    Attributes
    ----------
    jaar
        The tariff year.
    waarde
        The day-weighted mean (elementwise for a table); exactly the value itself when
        one value covers the whole year.
    delen
        Each value in force during the year with its number of days in the year.
    status
        The least certain status of the parts.
    """

    jaar: int
    waarde: float | tuple[float, ...] | str
    delen: tuple[tuple[Waarde, int], ...]
    status: str

    @property
    def vanaf(self) -> dt.date:
        """The start of the year: the weighted value holds for the whole year."""
        return dt.date(self.jaar, 1, 1)

    @property
    def eerste_trede(self) -> int:
        return self.delen[0][0].eerste_trede

    @property
    def bron(self) -> str:
        """The distinct sources of the parts, joined with ``; ``."""
        return "; ".join(dict.fromkeys(str(w.bron) for w, _ in self.delen))

    @property
    def toelichting(self) -> str | None:
        """The distinct explanations of the parts, joined; None if there are none."""
        teksten = dict.fromkeys(w.toelichting for w, _ in self.delen if w.toelichting)
        return "\n".join(teksten) if teksten else None


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


@dataclass(frozen=True)
class ParameterSet:
    """All parameter files of a folder, by file stem; products by code."""

    map: str
    bestanden: Mapping[str, ParameterBestand]
    producten: Mapping[str, ParameterBestand]

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

    @property
    def hash(self) -> str:
        """SHA-256 over the contents of every file: same hash, same parameters."""
        h = hashlib.sha256()
        for b in sorted((*self.bestanden.values(), *self.producten.values()), key=lambda b: b.pad):
            h.update(Path(b.pad).name.encode())
            h.update(Path(b.pad).read_bytes())
        return h.hexdigest()
