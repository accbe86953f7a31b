"""Comparing two calculations: a provider's own cost price against the region's tariff.

:func:`vergelijk` prices two scenarios of the same product (the provider's own, ``eigen``,
and the one it is held against, ``tegen``: by default the product its scenario builds
on) and returns a :class:`Vergelijking`:

- every breakdown line side by side, with the difference in euros and percent;
- every input that differs, with where each side's value came from;
- the difference in the tariff per client split over groups of inputs (salaries per
  function, staff and ratio, group size, occupancy, hours per unit, housing and material,
  overhead, risk, CAO factors, absence and productivity) by the Shapley decomposition
  (:mod:`tarieven.shapley`): the parts add up to the whole difference and do not depend on
  an order; shown in cents that add up too.

``T(S)``, the tariff with the groups in ``S`` taken from ``eigen`` and the rest from
``tegen``, is a real scenario: the flat inputs of both sides mixed group by group,
validated by the one validator for its structure and computed by the one model. Groups
that change only numbers vary as arrays within one vectorised call of the model; groups
that change the structure (staff from counts instead of a ratio, an input removed) give
one validated structure per combination. Two couplings are made explicit rather than
refused: a function that one side does not have is added, unused, to the other (it
changes nothing there), and the extra time of a function that is not on the group is
left out of a mixed scenario (no staff of that function, so no extra time for it:
``n_f × (d + v_f)`` is 0 either way). Bounds that hold for a user's input (the statutory
minimum wage) are not applied to a mixed scenario: it is a step of the decomposition,
not an input.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from tarieven.fouten import InvoerFout, Probleem
from tarieven.lezen import bestaat, lees_bestand
from tarieven.model import benodigd, regeldefinities
from tarieven.model import bereken as bereken_regels
from tarieven.parameters import ParameterSet
from tarieven.scenario import Scenario, valideer
from tarieven.shapley import MAX_GROEPEN, shapley_delen
from tarieven.sjabloonlezen import BLAD_INVOER, PRODUCTCEL, is_werkmap
from tarieven.uitkomst import Uitkomst, bereken
from tarieven.velden import COMPONENTEN, LEEG
from tarieven.vergelijkingsuitvoer import (
    GROEPEN,
    Deel,
    InvoerVerschil,
    RegelVerschil,
    Vergelijking,
    groep_van,
    groeplabel,
)

__all__ = ["GROEPEN", "Deel", "InvoerVerschil", "RegelVerschil", "Vergelijking", "groep_van", "vergelijk"]

# -- mixing the two sides --------------------------------------------------------------------


def _functies(invoer: Mapping[str, Any]) -> list[str]:
    return list(dict.fromkeys(k.split(".")[1] for k in invoer if k.startswith("functies.")))


def _vul_functies_aan(doel: dict[str, Any], bron: Mapping[str, Any]) -> None:
    """Add to ``doel`` the functions only ``bron`` has (unused in ``doel``, so its tariff stays)."""
    for f in _functies(bron):
        if f in _functies(doel):
            continue
        doel.update({k: v for k, v in bron.items() if k.startswith(f"functies.{f}.")})
        heeft_sectie = any(k.startswith("werkgeverslasten.") for k in doel)
        if bron.get(f"functies.{f}.werkgeverslasten") == COMPONENTEN and not heeft_sectie:
            doel.update({k: v for k, v in bron.items() if k.startswith("werkgeverslasten.")})


def _direct(invoer: Mapping[str, Any]) -> set[str]:
    tellen = {k.split(".")[2] for k in invoer if k.startswith("product.personeel.")}
    return tellen or {k.split(".")[3] for k in invoer if k.startswith("product.ratio.mix.")}


def _mix(a: Mapping[str, Any], b: Mapping[str, Any], uit_b: frozenset[str]) -> dict[str, Any]:
    """The flat inputs with the groups in ``uit_b`` from ``b`` and everything else from ``a``."""
    uit: dict[str, Any] = {}
    for k in sorted(set(a) | set(b)):  # one order for both directions: the same sums in the same order
        bron = b if groep_van(k) in uit_b else a
        if k in bron:
            uit[k] = bron[k]
    direct = _direct(uit)
    for k in [k for k in uit if k.startswith("product.extra_uur.") and k.split(".")[2] not in direct]:
        del uit[k]
    if "product.extra_uur" not in uit and not any(k.startswith("product.extra_uur.") for k in uit):
        uit["product.extra_uur"] = LEEG
    return uit


def _groep_sleutels(invoer: Mapping[str, Any], groep: str) -> dict[str, Any]:
    return {k: v for k, v in invoer.items() if groep_van(k) == groep}


def _verschillende_groepen(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[list[str], set[str]]:
    """The groups whose inputs differ, in a fixed order, and those among them that change the
    structure (keys present on one side only, or a text that differs)."""
    groepen = sorted({g for k in (*a, *b) if (g := groep_van(k)) is not None})
    verschillend: list[str] = []
    structureel: set[str] = set()
    for g in groepen:
        ga, gb = _groep_sleutels(a, g), _groep_sleutels(b, g)
        if ga == gb:
            continue
        verschillend.append(g)
        getallen = all(isinstance(v, float) for v in (*ga.values(), *gb.values()))
        if set(ga) != set(gb) or not getallen:
            structureel.add(g)
    return verschillend, structureel


def _tarieven_per_deelverzameling(
    a: Mapping[str, Any], b: Mapping[str, Any], groepen: list[str], structureel: set[str], bron: str
) -> np.ndarray:
    """``T(S)`` for every subset ``S`` of ``groepen`` (bit ``i``: group ``i`` from ``b``)."""
    k = len(groepen)
    t = np.full(1 << k, np.nan)
    s_bits = [i for i, g in enumerate(groepen) if g in structureel]
    n_bits = [i for i, g in enumerate(groepen) if g not in structureel]
    combinaties = np.arange(1 << len(n_bits))
    for sm in range(1 << len(s_bits)):
        uit_b = frozenset(groepen[i] for j, i in enumerate(s_bits) if sm >> j & 1)
        sjabloon = _mix(a, b, uit_b)
        try:
            s = valideer(sjabloon, bron=bron)
        except InvoerFout as e:
            raise InvoerFout(
                [
                    Probleem(
                        f"vergelijking ({', '.join(sorted(uit_b)) or 'niets'} van het eigen scenario)",
                        p.sleutel,
                        p.verwacht,
                    )
                    for p in e.problemen
                ],
                bron,
            ) from None
        waarden: dict[str, Any] = dict(s.waarden)
        for j, i in enumerate(n_bits):
            kies_b = (combinaties >> j & 1).astype(bool)
            for sleutel in _groep_sleutels(b, groepen[i]):
                if sleutel in waarden:
                    waarden[sleutel] = np.where(kies_b, b[sleutel], a[sleutel])
        definities = benodigd(regeldefinities(s.structuur), ["tarief_per_client"])
        tarief = np.broadcast_to(
            bereken_regels(s.structuur, waarden, definities)["tarief_per_client"], combinaties.shape
        )
        maskers = np.full(combinaties.shape, sum(1 << i for j, i in enumerate(s_bits) if sm >> j & 1))
        for j, i in enumerate(n_bits):
            maskers |= (combinaties >> j & 1) << i
        t[maskers] = tarief
    if not np.all(np.isfinite(t)):
        raise InvoerFout([Probleem("vergelijking", "geen getal", "een eindig tarief bij elke tussenstap")], bron)
    return t


def _ontleed(tegen: Scenario, eigen: Scenario) -> tuple[list[str], list[float], float]:
    """The groups that differ, their Shapley parts, and ``T(eigen) − T(tegen)`` computed the same way."""
    a, b = dict(tegen.invoer), dict(eigen.invoer)
    _vul_functies_aan(a, b)
    _vul_functies_aan(b, a)
    groepen, structureel = _verschillende_groepen(a, b)
    if len(groepen) > MAX_GROEPEN:
        raise InvoerFout([Probleem("vergelijking", len(groepen), f"hoogstens {MAX_GROEPEN} verschillende groepen")])
    t = _tarieven_per_deelverzameling(a, b, groepen, structureel, eigen.bron)
    return groepen, shapley_delen(t), float(t[-1] - t[0])


# -- the comparison ----------------------------------------------------------------------------


def _basis(s: Scenario) -> str | None:
    basis = s.eigen.get("basis")
    return basis if isinstance(basis, str) else None


def _uitkomst(
    x: Uitkomst | Scenario | Mapping[str, Any] | str | os.PathLike[str],
    peildatum: dt.date | str | None,
    tariefjaar: int | None,
    params: ParameterSet | str | os.PathLike[str] | None,
    aannames: str | None,
) -> Uitkomst:
    if isinstance(x, Uitkomst):
        return x
    if isinstance(x, Scenario):
        return bereken(x)
    return bereken(x, peildatum, tariefjaar=tariefjaar, params=params, aannames=aannames)


def _eigen_datum(x: Any) -> bool:
    """Whether a scenario (a dict, a file, a filled template) names a peildatum or tariff year of its own."""
    if isinstance(x, Mapping):
        return "peildatum" in x or "tariefjaar" in x
    if isinstance(x, (str, os.PathLike)) and is_werkmap(x):
        return True  # a template keeps the date it was made for
    if isinstance(x, (str, os.PathLike)) and Path(x).suffix.lower() in (".toml", ".json") and bestaat(x, bestand=True):
        try:
            return _eigen_datum(lees_bestand(x))
        except InvoerFout:
            return False  # pricing it says what is wrong
    return False


def _tegen(
    tegen: Uitkomst | Scenario | Mapping[str, Any] | str | os.PathLike[str],
    basis: str | None,
    peildatum: dt.date | str | None,
    tariefjaar: int | None,
    se: Scenario,
    params: ParameterSet | str | os.PathLike[str] | None,
    aannames: str | None,
) -> Uitkomst:
    """TEGEN priced on its own date: a date given with the call holds for both sides; else a
    scenario with a date of its own keeps it, and the basis product (or a scenario without a
    date) takes the date of EIGEN. So each side is priced as it is alone, and swapping the two
    gives the same two calculations."""
    if peildatum is not None or tariefjaar is not None or isinstance(tegen, (Uitkomst, Scenario)):
        return _uitkomst(tegen, peildatum, tariefjaar, params, aannames)
    if not (isinstance(tegen, str) and tegen == basis) and _eigen_datum(tegen):
        return _uitkomst(tegen, None, None, params, aannames)
    return _uitkomst(tegen, se.peildatum, se.tariefjaar, params, aannames)


def vergelijk(
    eigen: Uitkomst | Scenario | Mapping[str, Any] | str | os.PathLike[str],
    tegen: Uitkomst | Scenario | Mapping[str, Any] | str | os.PathLike[str] | None = None,
    peildatum: dt.date | str | None = None,
    *,
    tariefjaar: int | None = None,
    params: ParameterSet | str | os.PathLike[str] | None = None,
    aannames: str | None = None,
) -> Vergelijking:
    """Compare a provider's own calculation with the one it is held against, line by line.

    Parameters
    ----------
    eigen
        The provider's scenario (a file, a filled template, a dict, a :class:`Scenario`
        or an :class:`Uitkomst`), usually building on a product (``basis = "41A22"``).
    tegen
        What it is compared with: another scenario or result of the same product, or the
        code of the product ``eigen`` builds on (the default). Another product's code is
        refused: lines are compared and the difference decomposed within one product.
    peildatum, tariefjaar
        When bundled parameters are looked up, for both sides. Default: each side on its own
        date (a scenario's ``peildatum`` or ``tariefjaar``, a template's date); the basis
        product, or a scenario without a date, on the date of ``eigen``. When the two dates
        differ, the comparison says so (part of the difference then comes from the date), and
        swapping ``eigen`` and ``tegen`` negates every part.
    params
        The parameter set or the user's own parameter file or folder (as in
        :func:`tarieven.bereken`).
    aannames
        The assumption set both sides read their bundled assumptions at (default: that of
        ``eigen``, else centraal), so both rest on the same readings.

    Returns
    -------
    Vergelijking
        Lines and inputs side by side, and the difference ``eigen − tegen`` split over groups
        of inputs.

    Raises
    ------
    InvoerFout
        When either side is not valid, when ``tegen`` is missing and ``eigen`` names no
        product, or when the two do not price the same kind of product (unit, transport).
    """
    ue = _uitkomst(eigen, peildatum, tariefjaar, params, aannames)
    se = ue.scenario
    basis = _basis(se)
    if tegen is None:
        if basis is None:
            verwacht = 'een scenario dat op een product voortbouwt (basis = "41A22"), of geef TEGEN'
            raise InvoerFout([Probleem("basis", ..., verwacht)], se.bron)
        tegen = basis
    lezing = aannames or se.aannames  # both sides on the same readings
    ut = _tegen(tegen, basis, peildatum, tariefjaar, se, params if params is not None else se.parameters, lezing)
    st = ut.scenario
    if (se.structuur.vervoersvorm is None) != (st.structuur.vervoersvorm is None) or ue.eenheid != ut.eenheid:
        raise InvoerFout(
            [Probleem("product.eenheid", ue.eenheid, f"hetzelfde soort product als {st.bron} (eenheid {ut.eenheid})")],
            se.bron,
        )
    if basis is not None and (basis_tegen := _basis(st)) is not None and basis_tegen != basis:
        verwacht = f"hetzelfde product als waartegen vergeleken wordt ({basis_tegen} in {st.bron})"
        waar = f"{BLAD_INVOER}!{PRODUCTCEL} (product)" if is_werkmap(se.bron) else "basis"
        raise InvoerFout([Probleem(waar, basis, verwacht)], se.bron)
    groepen, delen, totaal = _ontleed(st, se)
    return Vergelijking.maak(ue, ut, [(g, groeplabel(g), d) for g, d in zip(groepen, delen, strict=True)], totaal)
