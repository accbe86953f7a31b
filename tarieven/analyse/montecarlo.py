"""Uncertainty: Monte Carlo over inputs given as distributions, seeded and reproducible.

All draws are made first, from one :class:`numpy.random.Generator` seeded with ``seed``,
in the order the distributions are given; the breakdown is then computed in chunks. The
draws, and so every result, depend only on the distributions, their order, ``n`` and
``seed``: not on the chunk size.

The bounded normal distribution is drawn by resampling: every draw outside the bounds is
drawn again until all are inside (exact for a truncated normal, no scipy needed).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

from tarieven._versie import __version__
from tarieven.analyse._gemeen import (
    BLOKGROOTTE,
    MAX_GEHEUGEN_GB,
    MAX_SCENARIOS,
    Arr,
    ScenarioInvoer,
    Voortgang,
    als_scenario,
    bereken_met,
    controleer_omvang,
    kolom_attrs,
    reserveer,
    rijwaarschuwingen,
    vul_mix_aan,
)
from tarieven.analyse._invoer import (
    als_blokgrootte,
    als_getal,
    als_lijst,
    als_tabel,
    controleer_bereik,
    controleer_regels,
    controleer_sleutels,
    is_lijst,
)
from tarieven.analyse._keuzes import (
    Structuurgroep,
    controleer_trekkingen,
    is_keuze,
    lees_keuzes,
    structuurgroepen,
)
from tarieven.fouten import InvoerFout, Probleem
from tarieven.model import regeldefinities
from tarieven.scenario import Scenario

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Driehoek", "Keuze", "MonteCarlo", "Normaal", "Uniform", "Verdeling", "monte_carlo"]

MIN_KANS_BINNEN_GRENZEN = 1e-3
"""A bounded normal whose bounds hold less than this share of the mass is refused."""


def _fout(tekst: str) -> ValueError:
    return ValueError(tekst)


@dataclass(frozen=True)
class Uniform:
    """Uniform between ``laag`` and ``hoog`` (in the field's unit)."""

    laag: float
    hoog: float

    def controleer(self) -> str | None:
        if not (math.isfinite(self.laag) and math.isfinite(self.hoog) and self.laag < self.hoog):
            return "een uniforme verdeling met eindige grenzen, laag kleiner dan hoog"
        return None

    def trek(self, rng: np.random.Generator, n: int) -> Arr:
        return rng.uniform(self.laag, self.hoog, n)


@dataclass(frozen=True)
class Driehoek:
    """Triangular with ``laag`` <= ``modus`` (most likely) <= ``hoog``."""

    laag: float
    modus: float
    hoog: float

    def controleer(self) -> str | None:
        getallen = (self.laag, self.modus, self.hoog)
        if not (all(math.isfinite(x) for x in getallen) and self.laag <= self.modus <= self.hoog):
            return "een driehoeksverdeling met laag ≤ modus ≤ hoog, eindig"
        if self.laag == self.hoog:
            return "een driehoeksverdeling met laag kleiner dan hoog"
        return None

    def trek(self, rng: np.random.Generator, n: int) -> Arr:
        return rng.triangular(self.laag, self.modus, self.hoog, n)


@dataclass(frozen=True)
class Normaal:
    """Normal with ``gemiddelde`` and standard deviation ``sd``, optionally bounded to [laag, hoog]."""

    gemiddelde: float
    sd: float
    laag: float = -math.inf
    hoog: float = math.inf

    def kans_binnen_grenzen(self) -> float:
        """The share of the unbounded normal's mass within [laag, hoog]."""

        def phi(x: float) -> float:
            return 0.5 * (1.0 + math.erf((x - self.gemiddelde) / (self.sd * math.sqrt(2.0))))

        return phi(self.hoog) - phi(self.laag)

    def controleer(self) -> str | None:
        if not (math.isfinite(self.gemiddelde) and math.isfinite(self.sd) and self.sd > 0):
            return "een normale verdeling met een eindig gemiddelde en een standaardafwijking groter dan 0"
        if not self.laag < self.hoog:
            return "een normale verdeling met ondergrens kleiner dan bovengrens"
        if self.kans_binnen_grenzen() < MIN_KANS_BINNEN_GRENZEN:
            return (
                f"grenzen die een redelijk deel van de normale verdeling bevatten (nu "
                f"{self.kans_binnen_grenzen():.2g}, minstens {MIN_KANS_BINNEN_GRENZEN:g})"
            )
        return None

    def trek(self, rng: np.random.Generator, n: int) -> Arr:
        x = rng.normal(self.gemiddelde, self.sd, n)
        buiten = (x < self.laag) | (x > self.hoog)
        while buiten.any():
            x[buiten] = rng.normal(self.gemiddelde, self.sd, int(buiten.sum()))
            buiten = (x < self.laag) | (x > self.hoog)
        return x


def _eindig(x: Any) -> bool:
    """A finite number: no text, no True or False, nothing too large for a float."""
    try:
        return not isinstance(x, (str, bool, np.bool_)) and math.isfinite(float(x))
    except (TypeError, ValueError, OverflowError):
        return False


@dataclass(frozen=True)
class Keuze:
    """Discrete: one of ``waarden``, with ``kansen`` (default: equally likely).

    For a structural choice (``product.ratio.afronding``, ``opslagen.overhead_grondslag``)
    the values are its strings: ``Keuze(["naar_boven", "exact"], [0.8, 0.2])``.
    """

    waarden: Sequence[float] | Sequence[str]
    kansen: Sequence[float] | None = None

    def controleer(self) -> str | None:
        if not is_lijst(self.waarden):  # a text would be its letters, bytes their codes, a dict its keys
            return "een Keuze met een lijst van waarden, zoals Keuze([0.8, 0.9]) of Keuze(['naar_boven', 'exact'])"
        tekst = len(self.waarden) > 0 and all(isinstance(x, str) for x in self.waarden)
        if not tekst and (len(self.waarden) == 0 or not all(_eindig(x) for x in self.waarden)):
            return "een keuze uit ten minste één eindige waarde (of, bij een structuurkeuze, uit teksten)"
        if self.kansen is not None:
            if not is_lijst(self.kansen) or not all(_eindig(x) for x in self.kansen):
                return "kansen, één per waarde, niet negatief, samen 1"
            k = [float(x) for x in self.kansen]
            if len(k) != len(self.waarden) or any(not x >= 0 for x in k) or not math.isclose(sum(k), 1.0):
                return "kansen, één per waarde, niet negatief, samen 1"
        return None

    def trek(self, rng: np.random.Generator, n: int) -> Arr:
        p = None if self.kansen is None else np.asarray(self.kansen, dtype=float)
        return rng.choice(np.asarray(self.waarden, dtype=float), size=n, p=p)

    def trek_index(self, rng: np.random.Generator, n: int) -> npt.NDArray[np.intp]:
        """Draw positions in ``waarden`` (for a choice between strings); same stream as :meth:`trek`."""
        p = None if self.kansen is None else np.asarray(self.kansen, dtype=float)
        return rng.choice(len(self.waarden), size=n, p=p)


Verdeling = Uniform | Driehoek | Normaal | Keuze
"""A distribution of one input, in the field's unit."""


@dataclass(frozen=True)
class MonteCarlo:
    """The result of a Monte Carlo run.

    Attributes
    ----------
    trekkingen
        One row per draw: the drawn inputs, then the breakdown lines (float64).
    percentielen
        One row per column of ``trekkingen``; columns ``P5``, ``P50``, ``P95`` (or the
        percentiles asked for) and ``gemiddelde``.
    n, seed
        Number of draws and the seed: the same (with the same distributions) gives the
        same draws.
    verdelingen
        The distributions, by input key.
    """

    trekkingen: pd.DataFrame = field(repr=False)
    percentielen: pd.DataFrame = field(repr=False)
    n: int
    seed: int
    verdelingen: Mapping[str, Verdeling]

    def percentiel(self, p: float, regel: str = "tarief_per_client") -> float:
        """The ``p``-th percentile of a line (or drawn input) over the draws."""
        return float(np.percentile(self.trekkingen[regel].to_numpy(), p))


def monte_carlo(
    scenario: ScenarioInvoer,
    verdelingen: Mapping[str, Verdeling],
    n: int = 10_000,
    *,
    seed: int = 2027,
    regels: Sequence[str] | None = None,
    percentielen: Sequence[float] = (5, 50, 95),
    blokgrootte: int = BLOKGROOTTE,
    voortgang: Voortgang | None = None,
    max_scenarios: int = MAX_SCENARIOS,
    max_geheugen_gb: float = MAX_GEHEUGEN_GB,
    gekoppeld: Mapping[str, Sequence[str]] | None = None,
) -> MonteCarlo:
    """Draw inputs from distributions and compute the breakdown for every draw.

    Parameters
    ----------
    scenario
        The base scenario (a :class:`~tarieven.Scenario`, a dict or a file path); inputs
        without a distribution keep their value.
    verdelingen
        Input key to a distribution (:class:`Uniform`, :class:`Driehoek`,
        :class:`Normaal` with optional bounds, :class:`Keuze`) in the field's unit. With
        a mix of two functions, a distribution of one share sets the other to the rest.
        The structural choices ``product.ratio.afronding`` and
        ``opslagen.overhead_grondslag`` take a :class:`Keuze` between their strings; the
        draws are then split by structure, each group computed in one vectorised call
        per chunk, and the choice is a categorical column of ``trekkingen`` (not in
        ``percentielen``).
    n
        Number of draws.
    seed
        Seed of the random generator; the default is fixed, so a run is reproducible
        unless you choose another seed.
    regels
        Breakdown lines to keep (default all).
    percentielen
        Percentiles to report (default P5, P50, P95).
    blokgrootte, voortgang
        Draws per chunk of the computation, and a progress callback (see
        :func:`tarieven.analyse.rooster`).
    max_scenarios, max_geheugen_gb
        Limits on ``n`` and on the estimated memory of the draws and their percentiles,
        checked before anything is drawn (default 10 million and 4 GiB).
    gekoppeld
        Input key (with a distribution) to other input keys that take the very same
        draw. One norm read by several functions (the sickness absence of MBO and HBO
        staff) is uncertain once, not independently per function. The linked keys are
        columns of ``trekkingen`` like the drawn ones.

    Notes
    -----
    A whole-number input (``product.groepsgrootte``) drawn from a continuous
    distribution is rounded to the nearest whole number. ``trekkingen`` ends with a
    column ``waarschuwingen``: per draw, how many things a single calculation would warn
    about or refuse (see :func:`tarieven.analyse.rooster`); its ``attrs`` hold the rows
    per reason.

    Raises
    ------
    InvoerFout
        For an unknown key or line, an invalid distribution, or a draw outside the
        field's range (bound the distribution: ``Normaal(..., laag=..., hoog=...)``).
    """
    s = als_scenario(scenario)
    verdelingen = als_tabel("verdelingen", verdelingen, "invoersleutels naar verdelingen (Uniform, Normaal, ...)")
    blokgrootte = als_blokgrootte(blokgrootte)
    controleer_sleutels(s, {k: v for k, v in verdelingen.items() if not is_keuze(k)})
    gekoppeld = _controleer_koppeling(s, verdelingen, gekoppeld or {})
    namen = [d.naam for d in regeldefinities(s.structuur)]
    percentielen = [
        als_getal("percentielen", p, "percentielen van 0 tot en met 100")
        for p in als_lijst("percentielen", percentielen, "percentielen, zoals [5, 50, 95]")
    ]
    if regels is not None:
        regels = als_lijst("regels", regels, "regelnamen, zoals ['tarief_per_client']")
        controleer_regels(s, regels)
        namen = [r for r in namen if r in set(regels)]
    _controleer(verdelingen, n, seed, percentielen)
    aantal_kolommen = len(verdelingen) + sum(len(v) for v in gekoppeld.values()) + len(namen) + 2
    controleer_omvang(
        "n", int(n), aantal_kolommen, max_scenarios=max_scenarios, max_geheugen_gb=max_geheugen_gb, kopieen=2
    )
    keuzes = {k: lees_keuzes(s, k, v.waarden) for k, v in verdelingen.items() if isinstance(v, Keuze) and is_keuze(k)}
    getrokken, posities, groepen, groep_per_trekking = _trek(s, verdelingen, keuzes, int(n), int(seed), gekoppeld)
    invoer = [*verdelingen, *(k for k in getrokken if k not in verdelingen)]
    kolommen = [k for k in invoer if k not in keuzes] + namen
    uit = reserveer("n", (len(kolommen), int(n)))
    nodig = namen if regels is not None else None
    for a in range(0, int(n), blokgrootte):
        b = min(a + blokgrootte, int(n))
        blok = {k: v[a:b] for k, v in getrokken.items()}
        if groep_per_trekking is None:
            berekend = bereken_met(s, blok, nodig)
            for j, k in enumerate(kolommen):
                uit[j, a:b] = blok[k] if k in blok else berekend[k]
        else:  # one vectorised call per structure group, rows scattered back in place
            for gi, g in enumerate(groepen):
                rijen = np.flatnonzero(groep_per_trekking[a:b] == gi)
                if rijen.size == 0:
                    continue
                deel = {k: v[rijen] for k, v in blok.items()}
                berekend = bereken_met(g.scenario, deel, nodig)
                for j, k in enumerate(kolommen):
                    uit[j, a + rijen] = deel[k] if k in deel else berekend[k]
        if voortgang is not None:
            voortgang(b, int(n))
    return _uitkomst(s, uit, kolommen, invoer, namen, keuzes, posities, verdelingen, int(n), int(seed), percentielen)


def _controleer(verdelingen: Mapping[str, Verdeling], n: Any, seed: Any, percentielen: Sequence[float]) -> None:
    problemen = []
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        problemen.append(Probleem("n", n, "een geheel aantal trekkingen van 1 of meer"))
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        problemen.append(Probleem("seed", seed, "een geheel getal van 0 of meer"))
    for p in percentielen:
        if not 0 <= p <= 100:
            problemen.append(Probleem("percentielen", p, "percentielen van 0 tot en met 100"))
    for k, v in verdelingen.items():
        if not isinstance(v, (Uniform, Driehoek, Normaal, Keuze)):  # a dict from a user who skipped the types
            problemen.append(Probleem(k, v, "een verdeling: Uniform, Driehoek, Normaal of Keuze"))  # type: ignore[unreachable]
        elif (fout := v.controleer()) is not None:
            problemen.append(Probleem(k, v, fout))
        elif is_keuze(k) and not isinstance(v, Keuze):
            problemen.append(Probleem(k, v, "een Keuze tussen de mogelijke teksten (structuurkeuze)"))
        elif not is_keuze(k) and isinstance(v, Keuze) and not all(_eindig(x) for x in v.waarden):
            problemen.append(Probleem(k, v, "een keuze uit getallen"))
    if problemen:
        raise InvoerFout(problemen)


def _controleer_koppeling(
    s: Scenario, verdelingen: Mapping[str, Verdeling], gekoppeld: Mapping[str, Sequence[str]]
) -> dict[str, tuple[str, ...]]:
    """Linked keys: each from a numeric input with a distribution, to inputs without one, once."""
    problemen = []
    gezien: set[str] = set()
    for bron, doelen in gekoppeld.items():
        if bron not in verdelingen or is_keuze(bron):
            problemen.append(Probleem(f"gekoppeld.{bron}", ..., "een invoer met een verdeling (een getal)"))
        for k in doelen:
            if k in verdelingen or k in gezien or is_keuze(k):
                problemen.append(
                    Probleem(f"gekoppeld.{bron}", k, "een getal zonder eigen verdeling, één keer gekoppeld")
                )
            gezien.add(k)
    if problemen:
        raise InvoerFout(problemen)
    controleer_sleutels(s, gezien, "gekoppeld.")
    return {k: tuple(v) for k, v in gekoppeld.items()}


def _trek(
    s: Scenario,
    verdelingen: Mapping[str, Verdeling],
    keuzes: Mapping[str, Sequence[str]],
    n: int,
    seed: int,
    gekoppeld: Mapping[str, Sequence[str]],
) -> tuple[dict[str, Arr], dict[str, npt.NDArray[np.intp]], list[Structuurgroep], npt.NDArray[np.intp] | None]:
    """Every draw, in the order the distributions are given, checked against its field."""
    rng = np.random.default_rng(seed)
    getrokken: dict[str, Arr] = {}
    posities: dict[str, npt.NDArray[np.intp]] = {}
    for k, v in verdelingen.items():
        if k in keuzes:
            posities[k] = cast(Keuze, v).trek_index(rng, n)
        else:
            x = v.trek(rng, n)
            getrokken[k] = np.rint(x) if s.veld(k).geheel and not isinstance(v, Keuze) else x
    for bron, doelen in gekoppeld.items():
        for k in doelen:
            getrokken[k] = np.rint(getrokken[bron]) if s.veld(k).geheel else getrokken[bron]
    groepen = structuurgroepen(s, keuzes)
    groep_per_trekking: npt.NDArray[np.intp] | None = None
    if keuzes:  # the range of a number may depend on the structure: check per group
        groepnummer = np.empty(tuple(len(w) for w in keuzes.values()), dtype=np.intp)
        for gi, g in enumerate(groepen):
            for pos in g.posities:
                groepnummer[pos] = gi
        groep_per_trekking = groepnummer[tuple(posities.values())]
        controleer_trekkingen(s, groepen, groep_per_trekking, getrokken)
    else:
        for k, x in getrokken.items():
            controleer_bereik(s, k, x, toelichting="; de verdeling geeft zulke waarden: begrens haar (laag/hoog)")
    return vul_mix_aan(s, getrokken), posities, groepen, groep_per_trekking


def _uitkomst(
    s: Scenario,
    uit: Arr,
    kolommen: list[str],
    invoer: list[str],
    namen: list[str],
    keuzes: Mapping[str, Sequence[str]],
    posities: Mapping[str, npt.NDArray[np.intp]],
    verdelingen: Mapping[str, Verdeling],
    n: int,
    seed: int,
    percentielen: Sequence[float],
) -> MonteCarlo:
    """The draws and the percentiles as DataFrames (structural choices as categorical columns)."""
    import pandas as pd

    trekkingen = pd.DataFrame(uit.T, columns=kolommen, copy=False)
    telling, redenen = rijwaarschuwingen(s, {k: uit[j] for j, k in enumerate(kolommen)}, n)
    trekkingen["waarschuwingen"] = telling
    for k, waarden in keuzes.items():  # the choices as categorical columns, categories in the order given
        categorieen = list(dict.fromkeys(waarden))
        codes = np.asarray([categorieen.index(w) for w in waarden], dtype=np.int8)[posities[k]]
        kolom = pd.Categorical.from_codes(codes, categories=pd.Index(categorieen))
        trekkingen.insert(invoer.index(k), k, pd.Series(kolom, index=trekkingen.index))
    attrs = kolom_attrs(s, [*invoer, *namen])
    attrs.update(seed=seed, n=n, versie=__version__, waarschuwingen=redenen)
    trekkingen.attrs.update(attrs)
    q = np.percentile(uit, list(percentielen), axis=1)  # (percentiles, columns)
    pct = pd.DataFrame(
        {f"P{p:g}": q[i] for i, p in enumerate(percentielen)} | {"gemiddelde": uit.mean(axis=1)},
        index=pd.Index(kolommen, name="naam"),
    )
    pct.attrs.update(attrs)
    return MonteCarlo(trekkingen, pct, n, seed, dict(verdelingen))


def verdeling_uit_dict(d: Mapping[str, Any]) -> Verdeling:
    """A distribution from a scenario file's table: ``{verdeling = "driehoek", laag = ..., ...}``.

    Raises ``ValueError`` with a Dutch message for an unknown kind or wrong fields.
    """
    soorten: dict[str, tuple[type[Any], tuple[str, ...], tuple[str, ...]]] = {
        "uniform": (Uniform, ("laag", "hoog"), ()),
        "driehoek": (Driehoek, ("laag", "modus", "hoog"), ()),
        "normaal": (Normaal, ("gemiddelde", "sd"), ("laag", "hoog")),
        "keuze": (Keuze, ("waarden",), ("kansen",)),
    }
    soort = d.get("verdeling")
    if soort not in soorten:
        raise _fout(f"een tabel met verdeling = {' | '.join(repr(k) for k in soorten)}")
    klasse, verplicht, optioneel = soorten[str(soort)]
    velden = set(d) - {"verdeling"}
    if not set(verplicht) <= velden or not velden <= set(verplicht) | set(optioneel):
        alle = ", ".join([*verplicht, *(f"{o} (optioneel)" for o in optioneel)])
        raise _fout(f"bij verdeling = {soort!r} de velden {alle}")
    try:
        if klasse is Keuze:
            kansen = None if d.get("kansen") is None else [float(x) for x in d["kansen"]]
            if isinstance(d["waarden"], list) and d["waarden"] and all(isinstance(x, str) for x in d["waarden"]):
                return Keuze(list(d["waarden"]), kansen)  # a structural choice: checked by monte_carlo
            return Keuze([float(x) for x in d["waarden"]], kansen)
        return klasse(**{k: float(d[k]) for k in velden})  # type: ignore[no-any-return]
    except (TypeError, ValueError):
        raise _fout(f"getallen voor {', '.join(sorted(velden))}") from None
