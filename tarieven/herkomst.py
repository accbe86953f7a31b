"""Where a value comes from: the source of a parameter, the origin of an input, a file's short name.

:class:`Bron` is a public document (title, article, date, link); :class:`Herkomst` says of
one input of a scenario whether the user gave it or which parameter it was looked up in,
with that parameter's status, source and date; :func:`kort` names a bundled parameter file
as ``params/...``, never by its path inside the installed package.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tarieven.fouten import veilig

__all__ = ["OPGEGEVEN", "Bron", "Herkomst", "kort"]

OPGEGEVEN = "opgegeven bij de berekening"
"""The origin of a value given with the call (``met=``, ``--met``), not written in a file."""

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
    geprojecteerd
        Carried past the term of its source by a :class:`Projectie`.
    bronstatus
        For a projected value: the status of the value it was projected from (its own
        ``status`` is then ``aanname``); None when not projected or not known (a stored result).
    projectiefactor
        For a projected value: the factor the projection applied to it (the expected wage
        raises multiplied; 1 for a value carried forward unchanged).
    lezing
        For a value with readings: the assumption set it was read at (``laag``, ``centraal``
        or ``hoog``); None when the value has no readings (or the user gave it).
    centraal
        For a value read at ``laag`` or ``hoog``: its central value, in the parameter's unit
        (a number, or a text such as a salary step); None otherwise.
    """

    oorsprong: str
    status: str | None = None
    bron: str | None = None
    vanaf: dt.date | None = None
    toelichting: str | None = None
    geprojecteerd: bool = False
    bronstatus: str | None = None
    projectiefactor: float = 1.0
    lezing: str | None = None
    centraal: float | str | None = None

    def __str__(self) -> str:
        delen = [veilig(self.oorsprong)]  # it may name a file
        if self.status:
            delen.append(self.status)
        if self.lezing:
            delen.append(f"lezing {self.lezing}")
        if self.geprojecteerd:
            delen.append("geprojecteerd")
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
        return veilig(f"{tekst} ({self.url})" if self.url else tekst)  # a user's own parameter file may hold it
