"""The uncertainty band of a tariff: Monte Carlo over the inputs that are not yet sure.

Every input of a scenario carries the status of where it came from (``params/README.md``):
``definitief`` and ``afgeleid`` values are taken as known, ``indicatief`` values (a
secondary or rounded source) and ``aanname`` values (a choice, argued in the parameter
file) are not. :func:`onzekerheid` draws every such input, the others stay fixed, and
reports the band of the tariff. The range of each input is a documented rule, not a
judgement per number:

- **between its own readings**: an input whose bundled value carries a ``laag`` and a
  ``hoog`` reading (:mod:`tarieven.waarden`; the salary step, the span of a reconstructed
  scale, occupancy, overhead, ...) is drawn from a triangular distribution from the lower to
  the higher of its two readings, with its own value as the most likely one. The readings
  come from re-reading the scenario at the sets ``laag`` and ``hoog``, so a salary ranges
  over what its step, its table and its wage development give together. An input whose
  readings are all equal (a group size that is the product's maximum) stays fixed;
- **otherwise around its value**: a triangular distribution with the value itself as the
  most likely one, from ``value × (1 − m)`` to ``value × (1 + m)``, with the margin ``m`` by
  status (:data:`MARGES`: 10 % for ``indicatief``, 20 % for ``aanname``): for uncertain
  values without readings (a premium quoted by a payroll site, an aanname in a user's own
  parameter file);
- **a fact is not a choice**: a fact that neither region nor provider chooses (``Veld.vast``:
  the CAO's leave hours, a statutory premium) whose value is an assumption is uncertain in
  its reading only, and takes the margin of ``indicatief``;
- **a projected value keeps the margin of what it was projected from**, widened by the
  projection itself (:func:`projectiemarge`). Past the term of its source a value is carried
  forward by a declared rule and gets status ``aanname`` (``tarieven.parameters.Projectie``),
  but it is not a choice of a fifth more or less: a salary of 2027 is the reconstructed
  (``indicatief``) table of 2025 times the expected wage raises. Its uncertainty is that of
  the table (± 10 %) and that of the raise, whose own range is taken as the raise itself
  (+3.7 % and +2.6 %, together +6.4 %: anywhere from no raise to twice as much). The two are
  independent and combine as ``√(m² + r²)``: a triangle of that half-width has the spread of
  the two drawn apart (± 11.9 % for a salary of 2027, against ± 20 % for an ``aanname``). The
  raise counts only when ``aanname`` values are drawn (it is one), the table only when its
  own status is. A value carried forward unchanged (a CAO term, a premium of 2026) has no
  raise and keeps the margin of its source's status: the 36-hour week of a ``definitief``
  CAO stays fixed, and so does a ``definitief`` premium of 2026 carried into 2027, although
  next year's premium will differ a little: the band does not guess at that. The raise is
  drawn with each scale's table, not once for all scales, which makes the band of a product
  with several scales a little narrower than one common raise would. A stored result does
  not carry the status before projection; there a projected value takes the margin of its
  status, ``aanname``;
- **within the plausible range** of its field (``tarieven.velden``, each with its reason),
  and within the field's hard range: a margin that would pass either stops there;
- **one norm, one draw**: inputs that come from the very same parameter (the sickness
  absence of MBO and HBO staff both from the region's norm) take the same draw
  (``gekoppeld`` in :func:`~tarieven.analyse.monte_carlo`), since it is the norm that is
  uncertain, not each function's copy of it;
- **the product's design stays fixed** (``ontwerp_vast``): group size, the staff ratio or
  counts, the education mix, the length of a unit and the sessions per trajectory
  (:data:`ONTWERP`). A region sets these in its product description; vary them in a grid
  (:func:`~tarieven.analyse.rooster`), where a jump at a whole staff member shows as a jump
  rather than as noise in a band.

Inputs without a status (the user's own values) and ``vast`` facts with a sure status stay
as they are. When the design is drawn too (``ontwerp_vast=False``), of a mix of two
functions only the first share is drawn (the other is the rest), of a larger mix none.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING

from tarieven.analyse._gemeen import ScenarioInvoer, als_scenario, label, mixsleutels, onderwerp
from tarieven.analyse.montecarlo import Driehoek, MonteCarlo, monte_carlo
from tarieven.fouten import InvoerFout, Probleem
from tarieven.inlezen import herlees
from tarieven.parameters import Herkomst
from tarieven.scenario import Scenario
from tarieven.weergave import procent

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MARGES", "ONTWERP", "onzekerheid", "onzekerheidsbanden", "projectiemarge"]

MARGES: Mapping[str, float] = {"indicatief": 0.10, "aanname": 0.20}
"""Half-width of the range around an uncertain value, as a share of it, by status.

An ``indicatief`` value was found in a secondary or rounded source (the reconstructed CAO
salary table, a premium quoted by a payroll site): its level is known roughly, to within
about a tenth. An ``aanname`` is a choice this package made and argued (occupancy 85 %,
productivity 90 %, overhead 20 %): a region or provider may well choose a fifth more or
less."""

ONTWERP: tuple[str, ...] = (
    "product.groepsgrootte",
    "product.ratio.kinderen_per_medewerker",
    "product.ratio.mix.*",
    "product.personeel.*",
    "product.duur_uur",
    "product.sessies_per_traject",
    "product.eenheden_per_week",
    "product.weken_per_jaar",
)
"""The product's design: fixed in the product description, held fixed by default."""

_ONZEKER = ("indicatief", "aanname")


def _is_ontwerp(sleutel: str) -> bool:
    return any(fnmatchcase(sleutel, p) for p in ONTWERP)


def projectiemarge(bronmarge: float, projectiefactor: float) -> float:
    """The half-width of a projected value: its source's margin and the projection's own, combined.

    ``bronmarge`` is the margin of the status of the value it was projected from;
    ``projectiefactor`` the factor the projection applied (1.0640 for +3,7 % and then +2,6 %).
    The projection's own range is the change it made (from none to twice as much); both are
    independent, so the half-width is ``√(bronmarge² + (factor − 1)²)``: a triangle of that
    half-width has the variance of the two triangles drawn apart. A value carried forward
    unchanged (factor 1) keeps its source's margin.

    >>> round(projectiemarge(0.10, 1.037 * 1.026), 4)
    0.1187
    >>> projectiemarge(0.10, 1.0)
    0.1
    """
    return math.hypot(bronmarge, projectiefactor - 1.0)


def _marge(s: Scenario, sleutel: str, h: Herkomst, marges: Mapping[str, float]) -> tuple[float, str] | None:
    """The half-width for one input and the rule that set it, or None when it stays fixed."""
    indicatief = marges.get("indicatief", MARGES["indicatief"])

    def van(status: str | None) -> tuple[float, str]:
        m = marges.get(status, 0.0) if status is not None else 0.0
        # a fact nobody chooses (Veld.vast) is uncertain only in its source, never a choice
        if s.veld(sleutel).vast and m > indicatief:
            return indicatief, f"{status}, een feit: ± {indicatief * 100:g} %"
        return m, f"{status} ± {m * 100:g} %"

    if h.geprojecteerd and h.bronstatus is not None:
        bron, uitleg = van(h.bronstatus)
        # the projection is an assumption: drawn when assumptions are, over the change it made
        verhoging = h.projectiefactor - 1.0 if "aanname" in marges else 0.0
        marge = projectiemarge(bron, 1.0 + verhoging)
        if marge == 0.0:
            return None
        if verhoging == 0.0:
            return marge, f"± {marge * 100:g} % (geprojecteerd, ongewijzigd: {uitleg})"
        v = procent(verhoging, 1)
        return marge, f"± {procent(marge, 1)} (geprojecteerd: {uitleg} en loonontwikkeling +{v} ± {v}, als √(a² + b²))"
    if h.status is None or h.status not in marges:
        return None
    marge, _ = van(h.status)
    return marge, f"± {marge * 100:g} %"


def _band(s: Scenario, sleutel: str, marge: float, grens: str) -> tuple[float, float, str] | None:
    """(low, high, what bounds it) around the value, or None when there is no spread."""
    basis = float(s.waarden[sleutel])
    if basis == 0.0:
        return None
    veld = s.veld(sleutel)
    laag, hoog = sorted((basis * (1 - marge), basis * (1 + marge)))
    p = veld.plausibel
    if p is not None and p[0] <= basis <= p[1]:
        if laag < p[0] or hoog > p[1]:
            grens += f", begrensd op het gebruikelijke bereik {veld.toon(p[0])} – {veld.toon(p[1])}"
        laag, hoog = max(laag, p[0]), min(hoog, p[1])
    b = veld.bereik
    if b is not None:  # stay inside the hard range; an open bound is approached halfway from the value
        if laag < b.laag or (laag == b.laag and not b.laag_mee):
            laag = b.laag if b.laag_mee else (b.laag + basis) / 2
        if hoog > b.hoog or (hoog == b.hoog and not b.hoog_mee):
            hoog = b.hoog if b.hoog_mee else (b.hoog + basis) / 2
    if not laag < hoog:
        return None
    return laag, hoog, grens


def _lezingen(s: Scenario) -> dict[str, tuple[float, float]]:
    """Per input read at an assumption set: its value at ``laag`` and at ``hoog``.

    The scenario is read again from what the user gave (:attr:`~tarieven.Scenario.eigen`) on
    the same date and parameters at both sets; empty when no input carries readings.
    """
    if not any(h.lezing for h in s.herkomst.values()):
        return {}
    laag, hoog = herlees(s, "laag"), herlees(s, "hoog")
    return {
        k: (laag.waarden[k], hoog.waarden[k])
        for k, h in s.herkomst.items()
        if h.lezing and k in s.waarden and k in laag.waarden and k in hoog.waarden
    }


def _leesband(s: Scenario, sleutel: str, lezingen: tuple[float, float]) -> tuple[float, float, str] | None:
    """(low, high, rule) between an input's own readings and its value; None when they are all equal."""
    basis = float(s.waarden[sleutel])
    laag, hoog = min(*lezingen, basis), max(*lezingen, basis)
    if not laag < hoog:
        return None
    veld = s.veld(sleutel)
    return laag, hoog, f"lezingen laag {veld.toon(lezingen[0])} en hoog {veld.toon(lezingen[1])}"


def onzekerheidsbanden(
    scenario: ScenarioInvoer,
    *,
    marges: Mapping[str, float] = MARGES,
    ontwerp_vast: bool = True,
    vast: Sequence[str] = (),
) -> pd.DataFrame:
    """The range over which :func:`onzekerheid` draws each uncertain input (see the module docstring).

    Parameters
    ----------
    scenario
        The scenario (a :class:`~tarieven.Scenario`, a dict, a file or a product code).
    marges
        Half-width per status as a share of the value (default :data:`MARGES`).
    ontwerp_vast
        Hold the product's design (:data:`ONTWERP`) fixed (default True).
    vast
        Further input keys to hold fixed.

    Returns
    -------
    pandas.DataFrame
        One row per drawn input (index: the key), with ``label``, ``status``, ``basis``,
        ``laag``, ``hoog`` (in the field's unit), ``grens`` (the rule that set the range),
        ``bron`` (the parameter it comes from) and ``gekoppeld_aan`` (the key whose draw it
        takes, or empty). ``attrs["onderwerp"]`` names product and scenario.
    """
    import pandas as pd

    s = als_scenario(scenario)
    for naam, m in marges.items():
        if naam not in _ONZEKER or not 0 < m < 1:
            raise InvoerFout(
                [
                    Probleem(
                        f"marges.{naam}",
                        m,
                        "een marge groter dan 0 en kleiner dan 1 per status 'indicatief' of 'aanname'",
                    )
                ]
            )
    onbekend = [k for k in vast if k not in s.waarden]
    if onbekend:
        raise InvoerFout([Probleem(f"vast.{k}", ..., "een invoer van dit scenario") for k in onbekend])
    rijen = []
    eerste_per_bron: dict[tuple[str, float], str] = {}
    mix = mixsleutels(s)
    # a mix must keep summing to 1: of two shares only the first is drawn (the other follows), of more none
    buiten_mix = set(mix[1:]) if len(mix) == 2 else set(mix)
    lezingen = _lezingen(s)
    for k, h in s.herkomst.items():
        if k in buiten_mix:
            continue
        status = h.status
        if status is None or k in vast or (ontwerp_vast and _is_ontwerp(k)) or k not in s.waarden:
            continue
        if k in lezingen:  # between its own readings, when its status is among those drawn
            band = _leesband(s, k, lezingen[k]) if status in marges else None
        else:
            regel = _marge(s, k, h, marges)
            band = None if regel is None else _band(s, k, *regel)
        if band is None:
            continue
        sleutel_bron = (h.oorsprong, float(s.waarden[k]))
        gekoppeld = eerste_per_bron.setdefault(sleutel_bron, k)
        rijen.append(
            {
                "sleutel": k,
                "label": label(s, k),
                "status": status,
                "basis": float(s.waarden[k]),
                "laag": band[0],
                "hoog": band[1],
                "grens": band[2],
                "bron": h.oorsprong,
                "gekoppeld_aan": "" if gekoppeld == k else gekoppeld,
            }
        )
    kolommen = ["label", "status", "basis", "laag", "hoog", "grens", "bron", "gekoppeld_aan"]
    df = pd.DataFrame(rijen, columns=["sleutel", *kolommen]).set_index("sleutel")
    df.attrs.update(onderwerp=onderwerp(s), marges=dict(marges), bron=s.bron)
    return df


def onzekerheid(
    scenario: ScenarioInvoer,
    n: int = 20_000,
    *,
    seed: int = 2027,
    marges: Mapping[str, float] = MARGES,
    ontwerp_vast: bool = True,
    vast: Sequence[str] = (),
    regels: Sequence[str] | None = None,
    percentielen: Sequence[float] = (5, 50, 95),
) -> MonteCarlo:
    """Monte Carlo over every ``indicatief`` or ``aanname`` input, each over its documented range.

    The ranges are :func:`onzekerheidsbanden` (see the module docstring for the rule); each
    input is drawn from a triangular distribution with its own value as the mode, linked
    inputs take the same draw, every other input keeps its value. Reproducible: the same
    scenario, ``n`` and ``seed`` give the same draws.

    Returns
    -------
    MonteCarlo
        As :func:`~tarieven.analyse.monte_carlo`; ``trekkingen.attrs["banden"]`` holds the
        table of ranges.

    Raises
    ------
    InvoerFout
        When no input of the scenario is uncertain (nothing to draw), or for a bad margin
        or key.
    """
    s = als_scenario(scenario)
    banden = onzekerheidsbanden(s, marges=marges, ontwerp_vast=ontwerp_vast, vast=vast)
    eigen = banden[banden["gekoppeld_aan"] == ""]
    if eigen.empty:
        raise InvoerFout(
            [Probleem("scenario", s.bron, "ten minste één invoer met status 'indicatief' of 'aanname' om te variëren")]
        )
    verdelingen = {str(k): Driehoek(r["laag"], r["basis"], r["hoog"]) for k, r in eigen.iterrows()}
    gekoppeld: dict[str, list[str]] = {}
    for k, r in banden[banden["gekoppeld_aan"] != ""].iterrows():
        gekoppeld.setdefault(str(r["gekoppeld_aan"]), []).append(str(k))
    mc = monte_carlo(s, verdelingen, n, seed=seed, regels=regels, percentielen=percentielen, gekoppeld=gekoppeld)
    for df in (mc.trekkingen, mc.percentielen):
        df.attrs["banden"] = banden
    return mc
