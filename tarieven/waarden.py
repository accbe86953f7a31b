"""One dated value of a parameter, its readings, and its time-weighted mean over a year.

A :class:`Waarde` holds from a date, with its status (``definitief``, ``afgeleid``,
``indicatief``, ``aanname``) and source. An uncertain value may carry other readings
(:class:`Lezing`: ``laag`` and ``hoog``) beside its central one; :meth:`Waarde.bij` reads
it at an assumption set (:data:`AANNAMESETS`). A :class:`GewogenWaarde` is the mean of the
values in force during a calendar year, weighted by their days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from tarieven.herkomst import Bron

__all__ = ["AANNAMESETS", "CENTRAAL", "LEZINGEN", "STATUSSEN", "GewogenWaarde", "Lezing", "Waarde"]

STATUSSEN = ("definitief", "afgeleid", "indicatief", "aanname")
"""From most to least certain; see ``params/README.md``."""
AANNAMESETS = ("laag", "centraal", "hoog")
"""The assumption sets: every assumption priced at its ``laag``, central or ``hoog`` reading."""
CENTRAAL = "centraal"
"""The default set: each assumption at its central reading (its ``waarde``)."""
LEZINGEN = ("laag", "hoog")
"""The readings a value may carry beside its central ``waarde``."""


@dataclass(frozen=True)
class Lezing:
    """Another reading of an uncertain value: the lowest or highest still defensible.

    ``laag`` is the reading that lowers the tariff, ``hoog`` the one that raises it (for
    occupancy ``laag`` is the higher occupancy). Each carries its reason and, where one
    exists, its public source.
    """

    waarde: float | tuple[float, ...] | str
    toelichting: str
    bron: Bron | None = None


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
    geprojecteerd: bool = False
    """Carried past the term of its source by a :class:`Projectie` (not in any source)."""
    bestand: str | None = None
    """The file the value came from, where it differs from its parameter's (a user's own file)."""
    bronstatus: str | None = None
    """For a projected value: the status of the source's last value it was projected from."""
    projectiefactor: float = 1.0
    """For a projected value: the factor applied by the projection (1 when carried forward unchanged)."""
    lezingen: tuple[tuple[str, Lezing], ...] = ()
    """The value's other readings (``laag``, ``hoog``) beside its central ``waarde``; empty when
    public practice gives no spread (or the value is fixed by its source)."""
    lezing: str | None = None
    """The assumption set this value was read at (:meth:`bij`); None when it has no readings."""
    centraal: float | tuple[float, ...] | str | None = None
    """For a value read at ``laag`` or ``hoog``: its central value, for the explanation."""

    def geldt_op(self, peildatum: dt.date) -> bool:
        return self.vanaf <= peildatum and (self.tot is None or peildatum < self.tot)

    def heeft(self, lezing: str) -> Lezing | None:
        """The reading of that name, or None."""
        return dict(self.lezingen).get(lezing)

    def bij(self, aannames: str) -> Waarde:
        """This value read at an assumption set: its ``laag`` or ``hoog`` reading, or its central
        ``waarde``; unchanged (``lezing`` None) when it carries no readings."""
        if not self.lezingen:
            return self
        if aannames == CENTRAAL or (lz := self.heeft(aannames)) is None:
            return replace(self, lezing=CENTRAAL)
        toelichting = f"lezing {aannames}: {lz.toelichting}"
        return replace(
            self,
            waarde=lz.waarde,
            bron=lz.bron or self.bron,
            toelichting=toelichting,
            lezing=aannames,
            centraal=self.waarde,
        )


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
    def geprojecteerd(self) -> bool:
        """Whether any part was carried past the term of its source."""
        return any(w.geprojecteerd for w, _ in self.delen)

    @property
    def bronstatus(self) -> str | None:
        """For a projected value: the least certain status the parts had before projection
        (a part in its source's term counts with its own status); None when nothing was projected."""
        if not self.geprojecteerd:
            return None
        return max(
            ((w.bronstatus or w.status) if w.geprojecteerd else w.status for w, _ in self.delen), key=STATUSSEN.index
        )

    @property
    def projectiefactor(self) -> float:
        """The factor of the part whose projection changed it most (1 when nothing was raised)."""
        return max((w.projectiefactor for w, _ in self.delen), key=lambda f: abs(f - 1.0))

    @property
    def lezing(self) -> str | None:
        """The assumption set the parts were read at; None when none carries readings."""
        return next((w.lezing for w, _ in self.delen if w.lezing), None)

    @property
    def bestand(self) -> str | None:
        """The user's file of the parts, if any came from one."""
        return next((w.bestand for w, _ in self.delen if w.bestand), None)

    @property
    def bron(self) -> str:
        """The distinct sources of the parts, joined with ``; ``."""
        return "; ".join(dict.fromkeys(str(w.bron) for w, _ in self.delen))

    @property
    def toelichting(self) -> str | None:
        """The distinct explanations of the parts, joined; None if there are none."""
        teksten = dict.fromkeys(w.toelichting for w, _ in self.delen if w.toelichting)
        return "\n".join(teksten) if teksten else None
