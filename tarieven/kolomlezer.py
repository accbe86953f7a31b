"""One field's values over many scenarios, checked as the validator checks one value.

A table's column (:func:`tarieven.bereken_tabel`) and an axis of a grid, a goal seek or a
funding run (:mod:`tarieven.analyse`) are values of one field for many scenarios. They are read
here, once: a column of numbers is checked against the field as one array (its hard range,
whole numbers, finite values, its plausible range); a value found invalid or unusual is
described by the field reader itself (:class:`~tarieven.invoerlezer.Lezer`), once for every
position that has it, so a message is the same as :func:`tarieven.bereken` gives for that
value. A column of texts (``"3250 EUR/maand"``) or of mixed values is read once per distinct
value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from tarieven.fouten import Probleem, Waarschuwing, gewoon
from tarieven.invoerlezer import Lezer
from tarieven.velden import Veld

__all__ = ["Kolom", "lees_kolom"]

Arr = npt.NDArray[np.float64]
Masker = npt.NDArray[np.bool_]
Posities = npt.NDArray[np.intp]


@dataclass(frozen=True)
class Kolom:
    """What one field's values gave.

    Attributes
    ----------
    getallen
        The number at each position in the field's unit; ``basiswaarde`` where the value was
        not given or is invalid.
    ongeldig, ongebruikelijk
        Where the value is invalid, and where it is valid but outside the plausible range.
    problemen, waarschuwingen
        Each problem and warning once, with the positions that have it.
    """

    getallen: Arr
    ongeldig: Masker
    ongebruikelijk: Masker
    problemen: tuple[tuple[Posities, Probleem], ...]
    waarschuwingen: tuple[tuple[Posities, Waarschuwing], ...]


def lees_kolom(
    cellen: npt.NDArray[Any],
    v: Veld,
    sleutel: str,
    *,
    basiswaarde: float = np.nan,
    gegeven: Masker | None = None,
    naam: str | None = None,
) -> Kolom:
    """Read the values of field ``v`` (key ``sleutel``) at every position of ``cellen``.

    ``cellen`` is a 1-d array: of numbers (integers or floats, read as one array), or of objects
    (texts with a unit, numbers, anything a user may put in a cell: each distinct value read
    once). ``gegeven`` marks the positions that hold a value (default: all). ``naam`` is how a
    problem names the key where that says more than the key itself (``product.groepsgrootte
    (opgegeven bij de berekening)``).
    """
    n = cellen.shape[0]
    gegeven = np.ones(n, dtype=bool) if gegeven is None else gegeven
    if cellen.dtype.kind in "iuf":
        return _getallen(cellen, v, sleutel, basiswaarde, gegeven, naam)
    return _per_waarde(cellen, v, sleutel, basiswaarde, gegeven, naam)


class _Bevindingen:
    """Problems and warnings, each with the positions that have it."""

    def __init__(self) -> None:
        self.problemen: list[tuple[Posities, Probleem]] = []
        self.waarschuwingen: list[tuple[Posities, Waarschuwing]] = []

    def een_waarde(self, waarde: Any, v: Veld, sleutel: str, naam: str | None, posities: Posities) -> float | None:
        """One value read by the field reader; what it finds holds for every position that has it."""
        lz = Lezer({sleutel: waarde}, {}, {sleutel: naam} if naam else None)
        getal = lz.getal(sleutel, v)
        self.problemen += [(posities, p) for p in lz.p]
        self.waarschuwingen += [(posities, w) for w in lz.waarschuwingen]
        return getal


def _getallen(
    cellen: npt.NDArray[Any], v: Veld, sleutel: str, basiswaarde: float, gegeven: Masker, naam: str | None
) -> Kolom:
    """A column of numbers: checked as one array; each distinct invalid or unusual value read once,
    as the user wrote it (an integer as an integer: ``-1``, not ``-1.0``)."""
    ruw = cellen.astype(float, copy=False)
    x = np.full(ruw.shape[0], basiswaarde)
    goed = gegeven & np.asarray(v.past(ruw), dtype=bool)
    x[goed] = ruw[goed]
    twijfel = gegeven & ~goed
    if v.plausibel is not None:
        with np.errstate(invalid="ignore"):
            twijfel |= goed & ((ruw < v.plausibel[0]) | (ruw > v.plausibel[1]))
    ongebruikelijk = np.zeros(ruw.shape[0], dtype=bool)
    b = _Bevindingen()
    waarden, terug = np.unique(cellen[twijfel], return_inverse=True)  # every NaN is one value
    rijen = np.flatnonzero(twijfel)
    for j, waarde in enumerate(waarden):
        bij = rijen[terug.reshape(-1) == j]
        getal = b.een_waarde(waarde.item(), v, sleutel, naam, bij)
        ongebruikelijk[bij] = getal is not None and not v.is_plausibel(getal)
    return Kolom(x, gegeven & ~goed, ongebruikelijk, tuple(b.problemen), tuple(b.waarschuwingen))


def _per_waarde(
    cellen: npt.NDArray[Any], v: Veld, sleutel: str, basiswaarde: float, gegeven: Masker, naam: str | None
) -> Kolom:
    """A column of texts or mixed values: each distinct value read once, for all its positions."""
    n = cellen.shape[0]
    x = np.full(n, basiswaarde)
    ongeldig = np.zeros(n, dtype=bool)
    ongebruikelijk = np.zeros(n, dtype=bool)
    per_waarde: dict[tuple[type, Any], list[int]] = {}
    los: list[list[int]] = []
    for i in np.flatnonzero(gegeven):
        try:
            per_waarde.setdefault((type(cellen[i]), cellen[i]), []).append(int(i))
        except TypeError:  # a list or a dict in a cell: read on its own
            los.append([int(i)])
    b = _Bevindingen()
    for rijen in [*per_waarde.values(), *los]:
        getal = b.een_waarde(gewoon(cellen[rijen[0]]), v, sleutel, naam, np.asarray(rijen, dtype=np.intp))
        if getal is not None:
            x[rijen] = getal
        ongebruikelijk[rijen] = getal is not None and not v.is_plausibel(getal)
        ongeldig[rijen] = getal is None
    return Kolom(x, ongeldig, ongebruikelijk, tuple(b.problemen), tuple(b.waarschuwingen))
