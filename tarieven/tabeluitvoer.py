"""What a run over a table found per row, and the table it returns.

:mod:`tarieven.batch` reads and computes the rows of a table; it records every problem and
warning per row in a :class:`Verslag`, and :func:`uitvoer` puts the lines and the verdicts
together: one error naming every bad row (``bij_fout="stop"``), or every row marked
(``"markeer"``). Each problem or warning is described once, however many rows have it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from tarieven.fouten import InvoerFout, Probleem, Waarschuwing
from tarieven.herkomst import OPGEGEVEN
from tarieven.model import regeldefinities
from tarieven.scenario import Scenario

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BRON", "Berekend", "Verslag", "uitvoer"]

BRON = "<tabel>"
"""The source named in a message about a row of the table."""
_OPGEGEVEN = f" ({OPGEGEVEN})"

Arr = npt.NDArray[np.float64]
Masker = npt.NDArray[np.bool_]
Rijen = npt.NDArray[np.intp]
"""Positions of rows in the table."""


# -- what is found, per row --------------------------------------------------------------------


class Verslag:
    """Every problem and warning of a table, per row position."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.problemen: dict[int, list[Probleem]] = {}
        self.telling = np.zeros(n, dtype=np.int32)
        self.waarschuwingen: list[tuple[npt.NDArray[np.intp], Waarschuwing]] = []
        self._kaal: dict[int, tuple[Probleem, Probleem]] = {}  # the original kept, so its id stays its own

    def probleem(self, positie: int, p: Probleem) -> None:
        if p.sleutel.endswith(_OPGEGEVEN):  # in a table, every value is given: the row says where
            if id(p) not in self._kaal:  # one problem for many rows stays one object (described once)
                self._kaal[id(p)] = (p, replace(p, sleutel=p.sleutel.removesuffix(_OPGEGEVEN)))
            p = self._kaal[id(p)][1]
        self.problemen.setdefault(int(positie), []).append(p)

    def waarschuwing(self, posities: npt.NDArray[np.intp], w: Waarschuwing) -> None:
        if posities.size:
            self.telling[posities] += 1
            self.waarschuwingen.append((posities, w))

    def fout(self) -> Masker:
        """Rows with a problem so far."""
        uit = np.zeros(self.n, dtype=bool)
        uit[list(self.problemen)] = True
        return uit


Berekend = Sequence[tuple[Scenario, Rijen, dict[str, Any]]]
"""Rows computed together: their scenario (one structure), their positions, their lines."""


def uitvoer(
    labels: pd.Index, berekend: Berekend, verslag: Verslag, bij_fout: str, producten: Sequence[Scenario]
) -> pd.DataFrame:
    """The table :func:`tarieven.bereken_tabel` returns, or with ``bij_fout="stop"`` the one error
    naming every bad row.

    ``labels`` is the index of the table; ``producten`` the products read, whose lines are
    columns even where no row is valid."""
    import pandas as pd

    n = len(labels)
    if bij_fout == "stop" and verslag.problemen:
        problemen = [replace(p, rij=labels[i]) for i in sorted(verslag.problemen) for p in verslag.problemen[i]]
        alle = [replace(w, rij=labels[int(i)]) for posities, w in verslag.waarschuwingen for i in posities]
        raise InvoerFout(problemen, BRON, alle)
    namen: list[str] = []
    for s in [*producten, *(s for s, _, _ in berekend)]:
        namen += [d.naam for d in regeldefinities(s.structuur) if d.naam not in namen]
    fout = verslag.fout()
    gevonden = [(np.asarray([i]), p) for i, lijst in verslag.problemen.items() for p in lijst]
    beschreven = _beschrijf([*gevonden, *verslag.waarschuwingen])
    if bij_fout == "stop":
        uit = pd.DataFrame(_blok(namen, berekend, n).T, index=labels, columns=namen, copy=False)
    else:
        teksten = np.full(n, "", dtype=object)
        for i, lijst in verslag.problemen.items():  # found without a row: the row is this one
            teksten[i] = " ".join(beschreven[id(p)][2] for p in lijst)
        kop = {"geldig": ~fout, "problemen": teksten, "waarschuwingen": verslag.telling}
        heel = _heel(namen, berekend, n)
        lijnen = _lijnen(namen, berekend[0][2], fout, n) if heel else _lijnen_met_gaten(namen, berekend, fout, n)
        uit = pd.DataFrame({**kop, **lijnen}, index=labels, copy=False)
    uit.attrs["structuren"] = len(berekend)
    uit.attrs["problemen"] = _tabel(labels, gevonden, beschreven)
    uit.attrs["waarschuwingen"] = _tabel(labels, verslag.waarschuwingen, beschreven)
    return uit


def _heel(namen: list[str], berekend: Berekend, n: int) -> bool:
    """Whether one group fills the table: every row, every line (the common case)."""
    return len(berekend) == 1 and berekend[0][1].size == n and len(berekend[0][2]) == len(namen)


def _blok(namen: list[str], berekend: Berekend, n: int) -> Arr:
    """Every line of every row as one block, a row per line; NaN where a row's structure has no
    such line (NaN first, unless one group fills it all)."""
    plek = {k: j for j, k in enumerate(namen)}
    waarden = np.empty((len(namen), n)) if _heel(namen, berekend, n) else np.full((len(namen), n), np.nan)
    for _, posities, r in berekend:
        rijen: slice | Rijen = posities
        if posities.size == n:  # every row in one group: no scatter
            rijen = slice(None)
        for k, x in r.items():
            waarden[plek[k], rijen] = x
    return waarden


def _lijnen(namen: list[str], regels: dict[str, Any], fout: Masker, n: int) -> dict[str, pd.arrays.FloatingArray]:
    """The lines of one group that fills the table, as nullable floats: <NA> in an invalid row.

    A line that varies per row is the kernel's own array, not copied (a valid row has only
    finite lines: that was checked). The lines the rows share are written out together, as rows
    of one block: one large allocation instead of many of a row's length (which cost the time)."""
    import pandas as pd

    eigen: dict[str, Arr] = {}
    gezien: set[int] = set()
    for k in namen:
        rij = np.asarray(regels[k], dtype=float)
        if rij.shape == (n,) and rij.base is None and rij.flags.writeable and id(rij) not in gezien:
            eigen[k] = rij
            gezien.add(id(rij))
    gedeeld = [k for k in namen if k not in eigen]  # shared by every row, a view, or an array two lines return
    blok = np.empty((len(gedeeld), n))
    for j, k in enumerate(gedeeld):
        blok[j] = regels[k]
    eigen.update(zip(gedeeld, blok, strict=True))
    maskers = np.empty((len(namen), n), dtype=bool)
    maskers[:] = fout
    return {k: pd.arrays.FloatingArray(eigen[k], maskers[j]) for j, k in enumerate(namen)}


def _lijnen_met_gaten(namen: list[str], berekend: Berekend, fout: Masker, n: int) -> dict[str, pd.arrays.FloatingArray]:
    """The lines of several groups as nullable floats: <NA> in an invalid row, and where a row's
    structure has no such line."""
    import pandas as pd

    waarden = _blok(namen, berekend, n)
    masker = np.isnan(waarden) | fout
    return {k: pd.arrays.FloatingArray(waarden[j], masker[j]) for j, k in enumerate(namen)}


_Gevonden = Sequence[tuple[npt.NDArray[np.intp], Probleem | Waarschuwing]]
_Beschreven = Mapping[int, tuple[tuple[str | int, ...], str, str]]


def _beschrijf(gevonden: _Gevonden) -> _Beschreven:
    """Each problem or warning described once (path, code, message), however many rows have it: a
    value found invalid is one problem for every row that has it."""
    uit: dict[int, tuple[tuple[str | int, ...], str, str]] = {}
    for _, x in gevonden:
        if id(x) not in uit:
            uit[id(x)] = (x.pad, x.code, str(x))  # found without a row: the row is a column
    return uit


def _tabel(labels: pd.Index, gevonden: _Gevonden, beschreven: _Beschreven) -> pd.DataFrame:
    """Problems or warnings as a table (rij, pad, code, melding), in the order of the rows; the
    message without its row, which is a column of its own."""
    import pandas as pd

    posities = np.concatenate([p for p, _ in gevonden]) if gevonden else np.zeros(0, dtype=np.intp)
    volgorde = np.argsort(posities, kind="stable")
    welke = np.repeat(np.arange(len(gevonden)), [len(p) for p, _ in gevonden])[volgorde]  # per row: its finding

    def kolom(deel: int) -> npt.NDArray[Any]:
        per_bevinding = np.empty(len(gevonden), dtype=object)
        for j, (_, x) in enumerate(gevonden):  # one by one: a path (a tuple) must not become a dimension
            per_bevinding[j] = beschreven[id(x)][deel]
        return per_bevinding[welke]

    return pd.DataFrame(
        {"rij": labels.take(posities[volgorde]), "pad": kolom(0), "code": kolom(1), "melding": kolom(2)}
    )
