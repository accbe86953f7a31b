"""Many unrelated scenarios at once: a table in, a table of breakdown lines out.

For tools that price many scenarios (a provider's list of groups, a region's set of
submissions): one row per scenario, columns named by field path
(``product.groepsgrootte``, ``functies.mbo.maandsalaris``); a ``basis`` column names the
product each row starts from, and what a row leaves empty comes from that product.

Every row is checked exactly as :func:`tarieven.bereken` checks one scenario, with the same
field checks (:mod:`tarieven.invoerlezer`) and the same conditions across fields
(:mod:`tarieven.voorwaarden`), on arrays; what it finds per row, and the table it returns, are
:mod:`tarieven.tabeluitvoer`:

- a row that only changes numbers of its product (the common case) is read column by
  column: a numeric column is checked against its field as one array, a column of texts
  (``"3250 EUR/maand"``) once per distinct text; the rows of one product are then computed
  together in one vectorised pass;
- a row that changes the structure (a text such as ``opslagen.overhead_grondslag``, a CAO
  step, a function of its own, a key its product does not have) is read as a scenario of
  its own (:func:`tarieven.lees_scenario`); rows that end up with one structure are
  computed together.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt

from tarieven.fouten import InvoerFout, Probleem, TypeFout, gewoon
from tarieven.inlezen import lees_scenario
from tarieven.kolomlezer import lees_kolom
from tarieven.model import bereken as bereken_regels
from tarieven.parameters import ParameterSet
from tarieven.scenario import Scenario
from tarieven.tabeluitvoer import Verslag, uitvoer
from tarieven.velden import Veld
from tarieven.voorwaarden import invoervoorwaarden, uitkomstproblemen

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BIJ_FOUT", "bereken_tabel"]

BIJ_FOUT = ("stop", "markeer")
"""What :func:`bereken_tabel` does with an invalid row: ``stop`` raises one
:class:`~tarieven.fouten.InvoerFout` naming every bad row; ``markeer`` returns every row with
``geldig``, ``problemen`` and ``waarschuwingen``."""

Arr = npt.NDArray[np.float64]
Masker = npt.NDArray[np.bool_]


@dataclass
class _Groep:
    """Rows computed together: one structure, their positions in the table, their numbers."""

    scenario: Scenario
    posities: npt.NDArray[np.intp]
    waarden: dict[str, Any] = field(default_factory=dict)
    """Inputs that differ from ``scenario``'s: one value per row."""
    ongebruikelijk: dict[str, Masker] = field(default_factory=dict)
    """Per input key: the rows where it is outside its plausible range (for the ceiling's message)."""
    ongeldig: dict[str, Masker] = field(default_factory=dict)
    """Per input key: the rows where its cell is invalid (a condition over it is not judged there)."""


# -- the public function -----------------------------------------------------------------------


def bereken_tabel(
    tabel: pd.DataFrame,
    *,
    basis: str | None = None,
    peildatum: dt.date | str | None = None,
    tariefjaar: int | None = None,
    params: ParameterSet | str | os.PathLike[str] | None = None,
    aannames: str | None = None,
    bij_fout: Literal["stop", "markeer"] = "stop",
) -> pd.DataFrame:
    """Price every row of ``tabel``; returns one row of breakdown lines per input row.

    Parameters
    ----------
    tabel
        One scenario per row; columns are dotted input keys, plus optionally ``basis``
        (a product code per row). An empty cell (NaN, None) means "as in the basis
        product". Numbers are in the unit of their field, or text with a unit.
    basis
        The product for rows without a ``basis`` column or cell.
    peildatum, tariefjaar, params, aannames
        As in :func:`tarieven.bereken`: when and in which parameter set the bundled values
        are looked up, and at which assumption set (``laag``, ``centraal``, ``hoog``).
    bij_fout
        ``"stop"`` (default): raise one :class:`~tarieven.fouten.InvoerFout` naming every bad
        row (each :class:`~tarieven.fouten.Probleem` has its row's index label as ``rij``).
        ``"markeer"``: price the valid rows and mark the others.

    Returns
    -------
    pandas.DataFrame
        Same index as ``tabel``. With ``"stop"``: one float64 column per breakdown line (a
        line a row's structure does not have is ``NaN`` in that row only). With
        ``"markeer"``: first ``geldig`` (bool), ``problemen`` (text, empty for a valid row)
        and ``waarschuwingen`` (how many), then the lines as nullable floats (``Float64``:
        ``<NA>`` for an invalid row and for a line the row's structure does not have).
        ``attrs["problemen"]`` and ``attrs["waarschuwingen"]`` are tables with columns
        ``rij``, ``pad``, ``code`` and ``melding``; ``attrs["structuren"]`` counts the
        structures computed.

    Raises
    ------
    InvoerFout
        With ``"stop"``, for every invalid row at once; and for arguments that hold for
        every row (an unknown ``basis``, a bad ``peildatum``).
    TypeFout
        When ``tabel`` is not a DataFrame.
    """
    import pandas as pd

    from tarieven.eigenparameters import laad_parameters

    if not isinstance(tabel, pd.DataFrame):
        raise TypeFout("tabel", tabel, "een pandas.DataFrame met één scenario per rij")
    if bij_fout not in BIJ_FOUT:
        raise InvoerFout([Probleem("bij_fout", bij_fout, "een van 'stop', 'markeer'", "keuze")])
    if not tabel.index.is_unique:
        dubbel = [str(x) for x in tabel.index[tabel.index.duplicated()].unique()[:5]]
        raise InvoerFout(
            [Probleem("tabel.index", dubbel, "unieke rijlabels: een probleem noemt zijn rij", "combinatie")]
        )
    if not tabel.columns.is_unique:
        dubbel = [str(x) for x in tabel.columns[tabel.columns.duplicated()].unique()[:5]]
        raise InvoerFout([Probleem("tabel.columns", dubbel, "unieke kolomnamen: één kolom per invoer", "combinatie")])
    if params is not None and not isinstance(params, ParameterSet):
        params = laad_parameters(params)
    lees = _Lezen(tabel, peildatum, tariefjaar, params, aannames)
    verslag = Verslag(len(tabel))
    berekend = [(g.scenario, g.posities, _reken(g, verslag)) for g in lees.groepen(basis, verslag)]
    return uitvoer(tabel.index, berekend, verslag, bij_fout, lees.producten)


# -- reading the rows --------------------------------------------------------------------------


_BLOKKEN = ("product.personeel.", "product.ratio.mix.")
"""Keys that replace their whole block of the product (:func:`tarieven.catalogus.vul_aan`): a row
giving one is read as a scenario of its own, never as a number over the product's."""


class _Lezen:
    """Reads the rows of a table, grouped by product, column by column where they can be."""

    def __init__(
        self,
        tabel: pd.DataFrame,
        peildatum: dt.date | str | None,
        tariefjaar: int | None,
        params: ParameterSet | None,
        aannames: str | None,
    ) -> None:
        self.tabel = tabel
        self.peildatum = peildatum
        self.tariefjaar = tariefjaar
        self.params = params
        self.aannames = aannames
        self.kolommen = [k for k in tabel.columns if k != "basis"]
        self.producten: list[Scenario] = []  # each product read: its lines are columns, even with no valid row
        self.gegeven = {k: ~_leeg(tabel[k]) for k in self.kolommen}

    def scenario(self, code: str | None, met: dict[str, Any] | None = None) -> Scenario:
        data = {"basis": code} if code is not None else {}
        return lees_scenario(
            data, self.peildatum, tariefjaar=self.tariefjaar, params=self.params, met=met, aannames=self.aannames
        )

    def groepen(self, basis: str | None, verslag: Verslag) -> list[_Groep]:
        """Every row in a group of rows computed together; a row that cannot be read is in none."""
        uit: list[_Groep] = []
        traag: list[tuple[int, str | None]] = []
        for code, posities in self._codes(basis, verslag).items():
            try:
                s = self.scenario(code) if code is not None else None
                self.producten += [s] if s is not None else []
            except InvoerFout as e:
                if all(p.code == "ontbreekt" for p in e.problemen):  # a product the rows complete (transport)
                    traag += [(int(i), code) for i in posities]
                    continue
                if code == basis:
                    raise  # an argument for every row: one error, not one per row
                for i in posities:
                    for p in e.problemen:
                        verslag.probleem(int(i), p)
                continue
            if s is None:  # no product: each row is a scenario of its own, and an empty one says what it lacks
                traag += [(int(i), code) for i in posities]
                continue
            snel = [k for k in self.kolommen if _is_getal_van(k, s)]
            anders = np.zeros(posities.size, dtype=bool)
            for k in self.kolommen:
                if k not in snel:
                    anders |= self.gegeven[k][posities]
            traag += [(int(i), code) for i in posities[anders]]
            if (~anders).any():
                uit.append(self._per_kolom(s, posities[~anders], snel, verslag))
        return uit + self._per_rij(sorted(traag, key=lambda x: x[0]), verslag)

    def _codes(self, basis: str | None, verslag: Verslag) -> dict[str | None, npt.NDArray[np.intp]]:
        """The rows per product code: the ``basis`` cell, else the ``basis`` argument."""
        n = len(self.tabel)
        if "basis" not in self.tabel.columns:
            return {basis: np.arange(n, dtype=np.intp)}
        kolom = self.tabel["basis"].to_numpy(dtype=object)
        leeg = _leeg(self.tabel["basis"])
        per_code: dict[str | None, list[int]] = {}
        for i, (c, weg) in enumerate(zip(kolom, leeg, strict=True)):
            if weg or isinstance(c, str):
                per_code.setdefault(basis if weg else c, []).append(i)
            else:
                verslag.probleem(i, Probleem("basis", c, "een productcode als tekst, zoals '41A22'", "type"))
        return {c: np.asarray(p, dtype=np.intp) for c, p in per_code.items()}

    def _per_kolom(self, s: Scenario, posities: npt.NDArray[np.intp], snel: list[str], verslag: Verslag) -> _Groep:
        """Rows that only change numbers of their product ``s``: each column checked as an array."""
        g = _Groep(s, posities)
        for k in snel:
            gegeven = self.gegeven[k][posities]
            if gegeven.any():
                g.waarden[k], g.ongebruikelijk[k], g.ongeldig[k] = _kolom(
                    self.tabel[k].iloc[posities], gegeven, s.veld(k), k, float(s.waarden[k]), posities, verslag
                )
        for w in s.waarschuwingen:  # the product's own unusual values, where a row keeps them
            blijft = ~self.gegeven[w.sleutel][posities] if w.sleutel in self.gegeven else np.ones(posities.size, bool)
            verslag.waarschuwing(posities[blijft], w)
            g.ongebruikelijk[w.sleutel] = g.ongebruikelijk.get(w.sleutel, np.zeros(posities.size, bool)) | blijft
        _voorwaarden(g, verslag)
        return g

    def _per_rij(self, rijen: list[tuple[int, str | None]], verslag: Verslag) -> list[_Groep]:
        """Rows that change the structure: each read as a scenario of its own, then grouped."""
        per_structuur: dict[Hashable, list[tuple[int, Scenario]]] = {}
        for i, code in rijen:
            met = {str(k): gewoon(self.tabel[k].iat[i]) for k in self.kolommen if self.gegeven[k][i]}
            een = np.asarray([i], dtype=np.intp)
            try:
                r = self.scenario(code, met)
            except InvoerFout as e:
                for p in e.problemen:
                    verslag.probleem(i, p)
                for w in e.waarschuwingen:
                    verslag.waarschuwing(een, w)
                continue
            for w in r.waarschuwingen:
                verslag.waarschuwing(een, w)
            per_structuur.setdefault((r.structuur, code), []).append((i, r))
        uit = []
        for leden in per_structuur.values():
            scenarios = [r for _, r in leden]
            g = _Groep(scenarios[0], np.asarray([i for i, _ in leden], dtype=np.intp))
            for k in set().union(*(r.waarden for r in scenarios)):
                g.waarden[k] = np.array([r.waarden.get(k, np.nan) for r in scenarios])
            for k in {w.sleutel for r in scenarios for w in r.waarschuwingen}:
                g.ongebruikelijk[k] = np.array([any(w.sleutel == k for w in r.waarschuwingen) for r in scenarios])
            uit.append(g)
        return uit


def _leeg(reeks: pd.Series) -> Masker:
    """The empty cells of a column (NaN, None, <NA>): "as in the basis product". A cell that cannot
    say whether it is empty (``Decimal("sNaN")``) counts as given, so the field reader refuses it."""
    import pandas as pd

    try:
        return np.asarray(pd.isna(reeks), dtype=bool)
    except (TypeError, ValueError, ArithmeticError):
        uit = np.zeros(len(reeks), dtype=bool)
        for i, x in enumerate(reeks.to_numpy(dtype=object)):
            try:
                uit[i] = bool(pd.isna(x))
            except (TypeError, ValueError, ArithmeticError):
                uit[i] = False
        return uit


def _is_getal_van(k: Any, s: Scenario) -> bool:
    """A column that only changes a number of product ``s``: read as an array over its rows."""
    return isinstance(k, str) and k in s.waarden and not k.startswith(_BLOKKEN)


def _kolom(
    reeks: pd.Series,
    gegeven: Masker,
    v: Veld,
    sleutel: str,
    basiswaarde: float,
    posities: npt.NDArray[np.intp],
    verslag: Verslag,
) -> tuple[Arr, Masker, Masker]:
    """One column for one field, read by :func:`~tarieven.kolomlezer.lees_kolom`: the numbers (the
    product's own where the cell is empty or invalid), where they are unusual and where invalid.
    What it finds goes to ``verslag`` for every row that has it."""
    import pandas as pd

    soort = reeks.dtype
    getallen = pd.api.types.is_numeric_dtype(soort) and not (
        pd.api.types.is_bool_dtype(soort) or pd.api.types.is_complex_dtype(soort)
    )  # a truth value or a complex number is no number of a field: read per value, and refused
    cellen = reeks.to_numpy(dtype=object) if not getallen else reeks.to_numpy()
    if getallen and not (soort.kind in "iu" and cellen.dtype.kind in "iu"):  # whole numbers stay as written
        cellen = reeks.to_numpy(dtype=float, na_value=np.nan)
    k = lees_kolom(cellen, v, sleutel, basiswaarde=basiswaarde, gegeven=gegeven)
    for rijen, p in k.problemen:
        for i in posities[rijen]:
            verslag.probleem(int(i), p)
    for rijen, w in k.waarschuwingen:
        verslag.waarschuwing(posities[rijen], w)
    return k.getallen, k.ongebruikelijk, k.ongeldig


def _voorwaarden(g: _Groep, verslag: Verslag) -> None:
    """The conditions across fields, on the rows' arrays; not judged where an input is invalid."""
    s = g.scenario
    for v in invoervoorwaarden(s.structuur, s.minimumuurloon):
        gevarieerd = [k for k in v.invoer if k in g.waarden]
        if not gevarieerd:
            continue  # only the product's own numbers: checked when it was read
        waarden = {k: g.waarden.get(k, s.waarden[k]) for k in v.invoer}
        mis = np.broadcast_to(v.geschonden(waarden), g.posities.shape).copy()
        for k in gevarieerd:
            mis &= ~g.ongeldig[k]
        for j in np.flatnonzero(mis):
            verslag.probleem(int(g.posities[j]), v.probleem(waarden, (int(j),)))


# -- computing and putting together -------------------------------------------------------------


def _reken(g: _Groep, verslag: Verslag) -> dict[str, Any]:
    """The lines of a group's rows, and the conditions on them (finite, under the ceiling)."""
    s = g.scenario
    with np.errstate(all="ignore"):  # a non-finite line is reported below, naming the row
        regels = bereken_regels(s.structuur, {**s.waarden, **g.waarden})  # a line the rows share stays one number
    nog_goed = ~verslag.fout()[g.posities]
    invoer = {**s.waarden, **g.waarden}
    for j, p in uitkomstproblemen(regels, s.structuur.eenheid, invoer, g.ongebruikelijk, nog_goed).items():
        verslag.probleem(int(g.posities[j]), p)
    return regels
