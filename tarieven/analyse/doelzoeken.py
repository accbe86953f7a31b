"""Goal seek: the value of one input that gives a target tariff (or any breakdown line).

Two methods, both vectorised over many targets (and over a grid of other inputs):

- **bisection** for a continuous input on which the line depends monotonically
  (bezettingsgraad, maandsalaris, overhead, huisvesting ...): the search interval is
  halved until it is as narrow as float64 allows, every target at once;
- **whole numbers** for a group size (with staff rounded up to whole people the tariff
  jumps): every whole value in the range is computed, and the smallest (or largest) one
  whose line stays at or under (or at or over) the target is returned.

A target the range cannot reach, or one that falls in a jump of the line, is a clear
:class:`~tarieven.fouten.InvoerFout`, never a NaN.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, Literal, overload

import numpy as np
import numpy.typing as npt

from tarieven.analyse._gemeen import (
    Arr,
    ScenarioInvoer,
    als_scenario,
    bereken_met,
    eenheid,
    kolom_attrs,
    label,
    standaard_bereik,
    vul_mix_aan,
)
from tarieven.analyse._invoer import (
    als_getallen,
    als_paar,
    als_tabel,
    controleer_bereik,
    controleer_regels,
    controleer_sleutels,
)
from tarieven.analyse._keuzes import is_keuze
from tarieven.eenheden import EenheidFout, naar_eenheid
from tarieven.fouten import InvoerFout, Probleem, gewoon
from tarieven.scenario import Scenario
from tarieven.weergave import euro, getal, invoer, is_geld

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["doelzoek", "doelzoek_rooster"]

TOLERANTIE = 1e-6
"""A bisection result must give the target within this (EUR for money lines): far under a cent."""

_MAX_STAPPEN = 200
_MAX_GEHELE_WAARDEN = 100_000
_GEHEEL_STANDAARD = ("product.groepsgrootte",)

Kies = Literal["kleinste", "grootste"]
Voorwaarde = Literal["hoogstens", "minstens"]


def _toon(s: Scenario, regel: str, x: float) -> str:
    return euro(x) if is_geld(eenheid(s, regel)) else getal(x, 4)


class _Meldingen:
    """Where a target cannot be met: raise for the first (one search) or note it per row (a grid)."""

    def __init__(self, s: Scenario, vorm: tuple[int, ...], per_rij: bool) -> None:
        self.s = s
        self.teksten: npt.NDArray[np.object_] | None = np.full(vorm, "", dtype=object) if per_rij else None

    def meld(self, mis: npt.NDArray[np.bool_], doel: Arr, tekst: Callable[[int], str]) -> None:
        """``tekst(i)`` explains row ``i`` (flat index) of the rows in ``mis``."""
        if not mis.any():
            return
        rijen = np.flatnonzero(mis.reshape(-1))
        if self.teksten is None:
            i = int(rijen[0])
            raise InvoerFout([Probleem("doel", float(doel.reshape(-1)[i]), tekst(i))])
        plat = self.teksten.reshape(-1)
        for j in rijen.tolist():
            if not plat[j]:
                plat[j] = "niet te halen: verwacht " + tekst(j)


def _zoek(
    s: Scenario,
    sleutel: str,
    doel: Arr,
    andere: Mapping[str, Any],
    regel: str,
    bereik: tuple[float, float],
    geheel: bool,
    kies: Kies,
    voorwaarde: Voorwaarde,
    tolerantie: float,
    per_rij: bool = False,
) -> tuple[Arr, npt.NDArray[np.object_] | None]:
    """Solve for ``sleutel``; ``doel`` and the arrays in ``andere`` broadcast together.

    Returns the solutions and, with ``per_rij``, per row the reason a target cannot be
    met ("" where it can; the solution there is meaningless). Without ``per_rij`` the
    first such target raises.
    """
    vorm = np.broadcast_shapes(np.shape(doel), *(np.shape(v) for v in andere.values()))
    doel = np.broadcast_to(doel, vorm)
    meldingen = _Meldingen(s, vorm, per_rij)
    if geheel:
        x = _zoek_geheel(s, sleutel, doel, andere, regel, bereik, kies, voorwaarde, meldingen)
        return x, meldingen.teksten

    def f(x: Any) -> Arr:
        wijz = vul_mix_aan(s, {**andere, sleutel: x})
        return np.broadcast_to(np.asarray(bereken_met(s, wijz, [regel])[regel], dtype=float), vorm)

    a, b = bereik
    lo_x, hi_x = np.full(vorm, a, dtype=float), np.full(vorm, b, dtype=float)
    f_lo, f_hi = f(lo_x), f(hi_x)
    buiten = _binnen_bereik(s, sleutel, regel, doel, bereik, f_lo, f_hi, tolerantie, meldingen)
    doel = np.where(buiten, f_lo, doel)  # a row that cannot be met searches a reachable target instead
    stijgend = f_hi >= f_lo
    for _ in range(_MAX_STAPPEN):
        mid = lo_x + (hi_x - lo_x) / 2
        hoger = (f(mid) < doel) == stijgend  # the solution lies above mid
        lo_x = np.where(hoger, mid, lo_x)
        hi_x = np.where(hoger, hi_x, mid)
        if np.all(hi_x - lo_x <= 4 * np.spacing(np.maximum(np.abs(lo_x), np.abs(hi_x)))):
            break
    f_lo, f_hi = f(lo_x), f(hi_x)
    x = np.where(np.abs(f_lo - doel) <= np.abs(f_hi - doel), lo_x, hi_x)
    rest = np.abs(f(x) - doel)

    def sprong(i: int) -> str:
        xi, onder_x, boven_x = (float(v.reshape(-1)[i]) for v in (x, f_lo, f_hi))
        return (
            f"een doel dat {_wat(s, regel)} precies kan halen; bij {sleutel} = "
            f"{invoer(xi, s.veld(sleutel).eenheid)} springt het van {_toon(s, regel, onder_x)} naar "
            f"{_toon(s, regel, boven_x)} (bijvoorbeeld door afronding op hele medewerkers); zoek in gehele "
            "waarden (geheel=True) of kies een ander doel"
        )

    meldingen.meld(rest > tolerantie, doel, sprong)
    return np.asarray(x, dtype=float), meldingen.teksten


def _wat(s: Scenario, regel: str) -> str:
    return f"{label(s, regel)} ({regel})"


def _binnen_bereik(
    s: Scenario,
    sleutel: str,
    regel: str,
    doel: Arr,
    bereik: tuple[float, float],
    f_lo: Arr,
    f_hi: Arr,
    tol: float,
    meldingen: _Meldingen,
) -> npt.NDArray[np.bool_]:
    """The target must lie between the line's values at the ends of the range; returns where it does not."""
    onder, boven = np.minimum(f_lo, f_hi), np.maximum(f_lo, f_hi)
    buiten = (doel < onder - tol) | (doel > boven + tol)
    e = s.veld(sleutel).eenheid

    def tekst(i: int) -> str:
        o, bo = float(onder.reshape(-1)[i]), float(boven.reshape(-1)[i])
        vlak = " (de regel hangt niet af van deze invoer)" if o == bo else ""
        return (
            f"een doel dat met {sleutel} tussen {invoer(bereik[0], e)} en {invoer(bereik[1], e)} te bereiken "
            f"is: {_wat(s, regel)} loopt daar van {_toon(s, regel, o)} tot {_toon(s, regel, bo)}{vlak}"
        )

    meldingen.meld(buiten, doel, tekst)
    return np.asarray(buiten, dtype=bool)


def _zoek_geheel(
    s: Scenario,
    sleutel: str,
    doel: Arr,
    andere: Mapping[str, Any],
    regel: str,
    bereik: tuple[float, float],
    kies: Kies,
    voorwaarde: Voorwaarde,
    meldingen: _Meldingen,
) -> Arr:
    """Whole values: try them all at once and take the smallest (or largest) that meets the target."""
    lo, hi = math.ceil(bereik[0]), math.floor(bereik[1])
    if hi < lo or hi - lo + 1 > _MAX_GEHELE_WAARDEN:
        raise InvoerFout([Probleem("bereik", bereik, f"een bereik met 1 tot {_MAX_GEHELE_WAARDEN} gehele waarden")])
    kandidaten = np.arange(lo, hi + 1, dtype=float)
    andere_x = {k: np.expand_dims(np.asarray(v, dtype=float), -1) for k, v in andere.items()}
    wijz = vul_mix_aan(s, {**andere_x, sleutel: kandidaten})
    waarden = np.broadcast_to(np.asarray(bereken_met(s, wijz, [regel])[regel]), (*doel.shape, kandidaten.size))
    d = doel[..., None]
    ok = waarden <= d if voorwaarde == "hoogstens" else waarden >= d

    def tekst(i: int) -> str:
        rij = waarden.reshape(-1, kandidaten.size)[i]
        return (
            f"een doel dat met {sleutel} van {lo} tot en met {hi} (gehele waarden) te halen is: "
            f"{_wat(s, regel)} {voorwaarde} het doel; in dit bereik loopt het van "
            f"{_toon(s, regel, float(rij.min()))} tot {_toon(s, regel, float(rij.max()))}"
        )

    meldingen.meld(np.asarray(~ok.any(axis=-1), dtype=bool), doel, tekst)
    index = ok.argmax(axis=-1) if kies == "kleinste" else kandidaten.size - 1 - ok[..., ::-1].argmax(axis=-1)
    return np.asarray(kandidaten[index], dtype=float)


def _voorbereid(
    s: Scenario,
    sleutel: str,
    regel: str,
    bereik: tuple[float, float] | None,
    geheel: bool | None,
    kies: str,
    voorwaarde: str,
) -> tuple[tuple[float, float], bool]:
    controleer_sleutels(s, [sleutel], argument="sleutel")
    controleer_regels(s, [regel])
    problemen = []
    if kies not in ("kleinste", "grootste"):
        problemen.append(Probleem("kies", kies, "'kleinste' of 'grootste'"))
    if voorwaarde not in ("hoogstens", "minstens"):
        problemen.append(Probleem("voorwaarde", voorwaarde, "'hoogstens' of 'minstens'"))
    if problemen:
        raise InvoerFout(problemen)
    if geheel is None:
        geheel = sleutel in _GEHEEL_STANDAARD
    if bereik is None:
        bereik = (1.0, max(100.0, math.ceil(10 * s.waarden[sleutel]))) if geheel else standaard_bereik(s, sleutel)
    a, b = als_paar("bereik", bereik, "(laag, hoog) met laag kleiner dan hoog, eindig")
    if not a < b:
        raise InvoerFout([Probleem("bereik", bereik, "(laag, hoog) met laag kleiner dan hoog, eindig")])
    controleer_bereik(s, sleutel, np.array([a, b]), "bereik van ")
    return (a, b), geheel


_GEEN_DOEL = (bytes, bytearray, memoryview, Mapping, AbstractSet)


def _doel_array(s: Scenario, regel: str, doel: Any) -> Arr:
    """The target(s) in the unit of ``regel``: a number, an array of numbers (any shape) or texts
    with the unit (``"100 EUR"``), each read as a value of a field is read; every invalid one named."""
    e = eenheid(s, regel)
    verwacht = f"een eindig getal{'' if e in ('', '1') else f' in {e}'} (het doel voor {regel})"
    if doel is None or isinstance(doel, _GEEN_DOEL):
        raise InvoerFout([Probleem("doel", doel, f"een getal of een array van getallen: {verwacht}", "type")])
    try:
        d = np.asarray(doel)
    except (ValueError, TypeError):  # ragged lists: each element is one value (and no number)
        d = np.asarray(doel, dtype=object)
    if d.dtype.kind in "iuf":
        d = d.astype(float)
        if not np.isfinite(d).all():
            raise InvoerFout([Probleem("doel", float(d.reshape(-1)[np.argmin(np.isfinite(d).reshape(-1))]), verwacht)])
        return d
    uit = np.empty(d.shape)
    problemen: dict[str, Probleem] = {}
    for plek, w in np.ndenumerate(d.astype(object)):
        w = gewoon(w)
        try:
            uit[plek] = naar_eenheid(w, e)
        except EenheidFout as fout:
            p = Probleem("doel", w, f"{verwacht}; {fout}", fout.code)
            problemen.setdefault(str(p), p)  # each value once
    if problemen:
        raise InvoerFout(list(problemen.values()))
    return uit


@overload
def doelzoek(
    scenario: ScenarioInvoer,
    sleutel: str,
    doel: float,
    *,
    regel: str = ...,
    bereik: tuple[float, float] | None = ...,
    geheel: bool | None = ...,
    kies: Kies = ...,
    voorwaarde: Voorwaarde = ...,
    tolerantie: float = ...,
) -> float: ...


@overload
def doelzoek(
    scenario: ScenarioInvoer,
    sleutel: str,
    doel: npt.ArrayLike,
    *,
    regel: str = ...,
    bereik: tuple[float, float] | None = ...,
    geheel: bool | None = ...,
    kies: Kies = ...,
    voorwaarde: Voorwaarde = ...,
    tolerantie: float = ...,
) -> float | Arr: ...


def doelzoek(
    scenario: ScenarioInvoer,
    sleutel: str,
    doel: npt.ArrayLike,
    *,
    regel: str = "tarief_per_client",
    bereik: tuple[float, float] | None = None,
    geheel: bool | None = None,
    kies: Kies = "kleinste",
    voorwaarde: Voorwaarde = "hoogstens",
    tolerantie: float = TOLERANTIE,
) -> float | Arr:
    """The value of one input at which a breakdown line reaches a target.

    Parameters
    ----------
    scenario
        The base scenario (a :class:`~tarieven.Scenario`, a dict or a file path).
    sleutel
        The input to solve for, e.g. ``product.bezettingsgraad`` (the break-even
        occupancy), ``functies.mbo.maandsalaris`` (the wage a tariff pays for),
        ``product.groepsgrootte``.
    doel
        The target value of ``regel`` (EUR for the tariff); a number or an array of
        targets, solved all at once. A text with the line's unit (``"100 EUR"``) is read
        too; a wrong unit or no number is an error naming ``doel``.
    regel
        The breakdown line to match (default the tariff per client per unit).
    bereik
        (low, high) to search in, in the field's unit. Default: the field's allowed range
        for fractions; basis/1000 to basis×1000 for other inputs; 1 to
        max(100, 10 × basis) for whole numbers.
    geheel
        Search whole numbers (default: only for ``product.groepsgrootte``). Then the
        result is the ``kies`` (``"kleinste"``, smallest, or ``"grootste"``, largest)
        whole value for which the line is ``voorwaarde`` (``"hoogstens"``: at most,
        ``"minstens"``: at least) the target: the smallest group whose tariff stays at
        or under a price, or with ``kies="grootste"`` the largest.
    tolerantie
        Bisection: how close the line must come to the target (default 1e-6, far under a
        cent); farther means the target falls in a jump of the line: an error.

    Returns
    -------
    float or numpy.ndarray
        The input value(s), with the shape of ``doel``. With bisection the line at the
        result equals the target within ``tolerantie``.

    Raises
    ------
    InvoerFout
        When a target cannot be reached within ``bereik`` (the message gives what the
        range can reach), falls in a jump, or the input is unknown.
    """
    s = als_scenario(scenario)
    (a, b), geheel = _voorbereid(s, sleutel, regel, bereik, geheel, kies, voorwaarde)
    d = _doel_array(s, regel, doel)
    x, _ = _zoek(s, sleutel, d, {}, regel, (a, b), geheel, kies, voorwaarde, tolerantie)
    return float(x) if x.ndim == 0 else x


_GEEN_KEUZE = (
    "een invoer met getallen: doelzoek_rooster varieert geen structuurkeuze (product.ratio.afronding, "
    "opslagen.overhead_grondslag); zoek per keuze met een scenario dat haar maakt (Scenario.met), of vergelijk de "
    "keuzes met rooster"
)


def doelzoek_rooster(
    scenario: ScenarioInvoer,
    sleutel: str,
    doel: float,
    variaties: Mapping[str, Any],
    *,
    regel: str = "tarief_per_client",
    bereik: tuple[float, float] | None = None,
    geheel: bool | None = None,
    kies: Kies = "kleinste",
    voorwaarde: Voorwaarde = "hoogstens",
    tolerantie: float = TOLERANTIE,
) -> pd.DataFrame:
    """Goal seek for every combination of other inputs (a grid), in one vectorised search.

    For example the break-even occupancy for each group size and MBO salary. Parameters
    as in :func:`doelzoek` (one target); ``variaties`` as in :func:`tarieven.analyse.rooster`,
    numeric inputs only: a structural choice (``product.ratio.afronding``,
    ``opslagen.overhead_grondslag``) is refused; search per choice with a scenario that makes
    it (:meth:`Scenario.met <tarieven.Scenario.met>`). ``variaties`` may not hold ``sleutel``.

    Returns
    -------
    pandas.DataFrame
        One row per combination (first key slowest): the varied inputs, then a column
        named ``sleutel`` with the solution and ``regel`` with the line at the solution,
        and ``melding``: empty, or why the target cannot be met in this row (with the
        range the line covers). Such a row has no solution (``<NA>``, nullable
        ``Float64`` columns); the other rows are solved all the same.
    """
    s = als_scenario(scenario)
    (a, b), geheel = _voorbereid(s, sleutel, regel, bereik, geheel, kies, voorwaarde)
    voorbeeld = "invoersleutels naar waarden, zoals {'product.groepsgrootte': [8, 10]}"
    variaties = als_tabel("variaties", variaties, voorbeeld)
    if keuzes := [k for k in variaties if is_keuze(k)]:
        raise InvoerFout([Probleem(k, variaties[k], _GEEN_KEUZE, "combinatie") for k in keuzes])
    controleer_sleutels(s, variaties)
    if sleutel in variaties:
        gezocht = (
            f"een andere invoer dan {sleutel}, de invoer waarnaar gezocht wordt (sleutel): zijn waarde volgt per rij"
        )
        raise InvoerFout([Probleem(f"variaties.{sleutel}", variaties[sleutel], gezocht, "combinatie")])
    assen = {k: als_getallen(s, k, v) for k, v in variaties.items()}
    vorm = tuple(v.size for v in assen.values())
    gevormd = {
        k: v.reshape([v.size if j == i else 1 for j in range(len(vorm))]) for i, (k, v) in enumerate(assen.items())
    }
    d = _doel_array(s, regel, doel)
    if d.ndim != 0:
        raise InvoerFout([Probleem("doel", doel, "één getal (voor meer doelen: doelzoek met een array)")])
    x, meldingen = _zoek(s, sleutel, d, gevormd, regel, (a, b), geheel, kies, voorwaarde, tolerantie, per_rij=True)
    x = np.broadcast_to(x, vorm)
    assert meldingen is not None
    mis = np.broadcast_to(meldingen != "", vorm).reshape(-1)
    controleer_bereik(s, sleutel, x.reshape(-1)[~mis])
    uitkomst = np.broadcast_to(bereken_met(s, vul_mix_aan(s, {**gevormd, sleutel: x}), [regel])[regel], vorm)
    rijen = {k: np.broadcast_to(v, vorm).reshape(-1) for k, v in gevormd.items()}
    import pandas as pd

    def ontbrekend(v: Arr) -> Any:  # a target that cannot be met has no solution: <NA>, never a NaN
        return pd.arrays.FloatingArray(np.where(mis, 0.0, v.reshape(-1)), mis.copy())

    df = pd.DataFrame({**rijen, sleutel: ontbrekend(x), regel: ontbrekend(uitkomst)})
    df["melding"] = np.broadcast_to(meldingen, vorm).reshape(-1)
    df.attrs.update(kolom_attrs(s, df.columns), doel=float(d), gezocht=sleutel, regel=regel)
    return df
