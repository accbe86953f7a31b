"""Structural choices as analysis inputs: the ratio rounding and the overhead convention.

Almost every input is a number that broadcasts. Two inputs are choices that change the
*structure* of the calculation (:class:`tarieven.model.Structuur`) instead:

- ``product.ratio.afronding``: ``naar_boven`` or ``exact`` (``Structuur.naar_boven``),
  only for a scenario with staff from a ratio;
- ``opslagen.overhead_grondslag``: ``aandeel_integrale_kostprijs`` or
  ``opslag_op_kostprijs`` (``Structuur.overhead_aandeel``).

An analysis that varies them splits its scenarios into structure groups, computes each
group with one vectorised call of the core per chunk, and puts the rows back in place.
Under another overhead convention the overhead has another allowed range (a share must
stay below 1): :func:`controleer_rooster` checks every group with the group's own
:meth:`Scenario.veld <tarieven.Scenario.veld>` and names the first offending row.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from tarieven.analyse._gemeen import Arr
from tarieven.analyse._invoer import als_getallen, naar_getallen, opgegeven_naam, waardenlijst
from tarieven.fouten import InvoerFout, Probleem
from tarieven.opslagen import AANDEEL_INTEGRALE_KOSTPRIJS, GRONDSLAGEN
from tarieven.scenario import Scenario
from tarieven.velden import AFRONDINGEN_RATIO

__all__ = [
    "AFRONDING",
    "GRONDSLAG",
    "KEUZES",
    "Structuurgroep",
    "basiskeuze",
    "controleer_rooster",
    "controleer_trekkingen",
    "is_keuze",
    "lees_assen",
    "lees_keuzes",
    "met_keuzes",
    "structuurgroepen",
]

AFRONDING = "product.ratio.afronding"
GRONDSLAG = "opslagen.overhead_grondslag"
KEUZES: dict[str, tuple[str, ...]] = {AFRONDING: AFRONDINGEN_RATIO, GRONDSLAG: GRONDSLAGEN}
"""Structural input key to its allowed values, in the order the scenario format lists them."""


def is_keuze(sleutel: str) -> bool:
    """Whether ``sleutel`` is a structural choice rather than a numeric input."""
    return sleutel in KEUZES


def _toegestaan(sleutel: str) -> str:
    return "een van " + ", ".join(repr(w) for w in KEUZES[sleutel])


def lees_keuzes(s: Scenario, sleutel: str, waarden: Any, waar: str = "") -> tuple[str, ...]:
    """The values of a structural key as a tuple of strings, checked.

    A single string counts as one value; anything that is no list of values (bytes, a dict, a
    set, None) is refused as for a numeric axis (:func:`~tarieven.analyse._invoer.waardenlijst`).
    Raises :class:`InvoerFout` naming the key, the value and the allowed values, or saying that
    the key does not apply to this scenario.
    """
    naam = f"{waar}{sleutel}" if waar else sleutel
    if sleutel == AFRONDING and not s.structuur.uit_ratio:
        raise InvoerFout(
            [
                Probleem(
                    naam,
                    waarden,
                    "deze keuze alleen bij een scenario met personeel uit een ratio (product.ratio); dit scenario "
                    "geeft het personeel als aantallen per functie (product.personeel), daar valt niets af te ronden",
                )
            ]
        )
    lijst = waardenlijst(naam, waarden, _toegestaan(sleutel)).tolist()  # bytes, a dict, a set, None: refused
    for w in lijst:
        if not isinstance(w, str) or w not in KEUZES[sleutel]:
            raise InvoerFout([Probleem(naam, w, _toegestaan(sleutel))])
    return tuple(lijst)


def basiskeuze(s: Scenario, sleutel: str) -> str:
    """The choice the scenario itself makes for a structural key."""
    if sleutel == AFRONDING:
        return AFRONDINGEN_RATIO[0] if s.structuur.naar_boven else AFRONDINGEN_RATIO[1]
    return GRONDSLAGEN[0] if s.structuur.overhead_aandeel else GRONDSLAGEN[1]


def met_keuzes(s: Scenario, keuzes: Mapping[str, str]) -> Scenario:
    """The scenario with its structure changed by the given choices; every number stays."""
    if not keuzes:
        return s
    st = s.structuur
    naar_boven = keuzes[AFRONDING] == AFRONDINGEN_RATIO[0] if AFRONDING in keuzes else st.naar_boven
    aandeel = keuzes[GRONDSLAG] == AANDEEL_INTEGRALE_KOSTPRIJS if GRONDSLAG in keuzes else st.overhead_aandeel
    return replace(s, structuur=replace(st, naar_boven=naar_boven, overhead_aandeel=aandeel))


@dataclass(frozen=True)
class Structuurgroep:
    """Scenarios of an analysis that share one structure.

    Attributes
    ----------
    scenario
        The base scenario with this group's structure.
    keuzes
        Structural key to the choice of this group.
    posities
        Every combination of indices into the structural value lists that gives this
        structure, in cartesian order (more than one when a value is listed twice).
    """

    scenario: Scenario
    keuzes: Mapping[str, str]
    posities: tuple[tuple[int, ...], ...]


def structuurgroepen(s: Scenario, keuzes: Mapping[str, Sequence[str]]) -> list[Structuurgroep]:
    """The structure groups of the cartesian product of the structural value lists.

    In order of first occurrence; without structural keys, one group: the scenario itself.
    """
    gevonden: dict[Any, tuple[Scenario, dict[str, str], list[tuple[int, ...]]]] = {}
    for posities in itertools.product(*(range(len(v)) for v in keuzes.values())):
        keuze = {k: v[i] for (k, v), i in zip(keuzes.items(), posities, strict=True)}
        variant = met_keuzes(s, keuze)
        gevonden.setdefault(variant.structuur, (variant, keuze, []))[2].append(posities)
    return [Structuurgroep(v, k, tuple(p)) for v, k, p in gevonden.values()]


def _toon(x: Any) -> str:
    return repr(x) if isinstance(x, str) else f"{float(x):g}"


def _fout(
    g: Structuurgroep, sleutel: str, waarde: float, naam: str, rij: str, combinatie: str, code: str
) -> InvoerFout:
    """The first value outside its range under a structure of the analysis. The structural choice
    is an argument of the analysis, not the scenario's file: no file is named."""
    keuzes = ", ".join(f"{k} = {v!r}" for k, v in g.keuzes.items())
    verwacht = g.scenario.veld(sleutel).verwacht()
    return InvoerFout([Probleem(naam, waarde, f"{verwacht} bij {keuzes}; eerste ongeldige {rij} ({combinatie})", code)])


def _vast(sleutel: str, waar: str) -> tuple[str, str]:
    """Name and code of an input that does not vary: the scenario's own value, allowed under its own
    structure but not under a structure of the analysis (values that may each, but not together)."""
    return (f"{waar}{sleutel}" if waar else sleutel), "combinatie"


def lees_assen(
    s: Scenario, groepen: Sequence[Structuurgroep], numeriek: Mapping[str, Any], waar: str = ""
) -> dict[str, Arr]:
    """The numeric axes of a grid with structural keys, as given with the call.

    An axis whose field is the same under every structure of the grid is read by the field
    reader (:func:`~tarieven.analyse._invoer.als_getallen`: every invalid value named); one whose
    range depends on the structure (the overhead) only has its units converted here, every value
    that is no number named, and its range is checked per group by :func:`controleer_rooster`.
    """
    assen = {}
    for k, v in numeriek.items():
        zelfde = all(g.scenario.veld(k) == s.veld(k) for g in groepen)
        assen[k] = als_getallen(s, k, v, waar) if zelfde else naar_getallen(s, k, v, waar)
    return assen


def controleer_rooster(
    s: Scenario,
    groepen: Sequence[Structuurgroep],
    keuzes: Mapping[str, Sequence[str]],
    assen: Mapping[str, Arr],
    volgorde: Sequence[str],
    waar: str = "",
) -> None:
    """Check a grid's numbers under the structure of every group; raise for the first offending row.

    ``assen`` holds the numeric axes (units converted, not yet range-checked), ``volgorde``
    every varied key in grid order (first slowest). Inputs that do not vary are checked
    again only where a group's structure gives them another range than the base scenario
    (the overhead under another convention). The error names the key, the value, the
    range under that structure and the first row of the grid (``df.index``) with it.
    """
    vorm = tuple(len(keuzes[k]) if k in keuzes else assen[k].size for k in volgorde)
    stappen = {k: int(np.prod(vorm[i + 1 :], dtype=np.int64)) for i, k in enumerate(volgorde)}
    eerste: tuple[int, Structuurgroep, str, float] | None = None
    for g in groepen:
        rij0 = sum(i * stappen[k] for k, i in zip(keuzes, g.posities[0], strict=True))
        for k in s.waarden:
            veld = g.scenario.veld(k)
            if k in assen:
                ok = np.asarray(veld.past(assen[k]), dtype=bool)
                if ok.all():
                    continue
                j = int(np.argmin(ok))
                kandidaat = (rij0 + j * stappen[k], g, k, float(assen[k][j]))
            elif veld != s.veld(k) and not veld.past(s.waarden[k]):
                kandidaat = (rij0, g, k, float(s.waarden[k]))
            else:
                continue
            if eerste is None or kandidaat[0] < eerste[0]:
                eerste = kandidaat
    if eerste is None:
        return
    rij, g, k, waarde = eerste
    indices = [int(i) for i in np.unravel_index(rij, vorm)]
    combinatie = ", ".join(
        f"{v} = {_toon(keuzes[v][i] if v in keuzes else assen[v][i])}" for v, i in zip(volgorde, indices, strict=True)
    )
    naam, code = (opgegeven_naam(k, waar), "") if k in assen else _vast(k, waar)
    raise _fout(g, k, waarde, naam, f"rij van het rooster: index {rij}", combinatie, code)


def controleer_trekkingen(
    s: Scenario,
    groepen: Sequence[Structuurgroep],
    groep_per_trekking: npt.NDArray[np.intp],
    getrokken: Mapping[str, Arr],
    waar: str = "",
) -> None:
    """Like :func:`controleer_rooster` for Monte Carlo draws; names the first offending draw.

    ``groep_per_trekking`` holds, per draw, the index of its group in ``groepen``.
    """
    eerste: tuple[int, Structuurgroep, str, float] | None = None
    for gi, g in enumerate(groepen):
        in_groep = groep_per_trekking == gi
        if not in_groep.any():
            continue
        for k in s.waarden:
            veld = g.scenario.veld(k)
            if k in getrokken:
                fout = in_groep & ~np.asarray(veld.past(getrokken[k]), dtype=bool)
                if not fout.any():
                    continue
                i = int(np.argmax(fout))
                kandidaat = (i, g, k, float(getrokken[k][i]))
            elif veld != s.veld(k) and not veld.past(s.waarden[k]):
                kandidaat = (int(np.argmax(in_groep)), g, k, float(s.waarden[k]))
            else:
                continue
            if eerste is None or kandidaat[0] < eerste[0]:
                eerste = kandidaat
    if eerste is None:
        return
    i, g, k, waarde = eerste
    combinatie = ", ".join(f"{v} = {_toon(x)}" for v, x in g.keuzes.items())
    naam, code = (f"{waar}{k}" if waar else k, "") if k in getrokken else _vast(k, waar)  # a draw: not given as is
    if k in getrokken:
        combinatie += f", {k} = {_toon(waarde)}"
    raise _fout(g, k, waarde, naam, f"trekking: nummer {i} (vanaf 0)", combinatie, code)
