"""Group size questions: what staff shortage does, and when a group beats individual treatment.

:func:`personeelstekort`
    Fewer staff means smaller groups. For a series of group sizes, the tariff per client
    **at fixed staff** (the staff of the scenario stays on a smaller group: fewer clients
    share the same cost) and **at fixed ratio** (staff follows the group by the
    scenario's own rule: 1 per at most *k* children rounded up, or the staff counts scaled
    with the group and rounded up to whole people).

:func:`indirect_per_week`
    Indirect time of one function (the behavioural scientist at a distance) in hours per
    group per week, as a region states it, against the tariff. The model prices it per
    unit: ``indirect_uur = uren_per_week × weken_per_jaar / eenheden_per_jaar`` (48 weeks
    and 480 dagdelen a year: a tenth of the weekly hours per dagdeel).

:func:`groep_of_individueel`
    A session product (GGZ groep) against individual treatment at the same therapist
    cost. *Individual* is defined as: one therapist of the lead function with one client
    (group of 1, occupancy 1); every time input of the other functions (staff, extra,
    indirect and client-bound time) is 0; the lead function keeps its own extra and
    client-bound time, and session length, housing and material per session, overhead
    and risk stay the scenario's. The cost per client-hour is the tariff per client per
    hour of session (``tarief_per_uur``); the smallest economic group is the smallest
    group size from which on the group is cheaper per client than individual treatment.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from tarieven.analyse._gemeen import ScenarioInvoer, als_scenario, bereken_met, kolom_attrs, label
from tarieven.analyse._invoer import als_getal, als_getallen, controleer_regels, lees_waarden
from tarieven.fouten import InvoerFout, Probleem
from tarieven.overzicht import personeel_tekst
from tarieven.scenario import Scenario
from tarieven.uitkomst import Uitkomst, bereken
from tarieven.velden import Veld
from tarieven.weergave import getal

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "WEKEN_PER_JAAR_GROEP",
    "GroepOfIndividueel",
    "groep_of_individueel",
    "indirect_per_week",
    "personeelstekort",
]

WEKEN_PER_JAAR_GROEP = 48.0
"""Weeks a group runs per year: the product descriptions of the region allow at most 48
(Jeugdhulp Haaglanden, Segment 3 Dagbesteding - Dagbehandeling: productbeschrijvingen)."""

_G = "product.groepsgrootte"
_B = "product.bezettingsgraad"
_K = "product.ratio.kinderen_per_medewerker"


def _heel(x: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Whole staff members, rounded up, with the core's guard against float noise (4.0000000001 is 4)."""
    return np.ceil(np.round(np.asarray(x, dtype=float), 9))


def _groottes(s: Scenario, groottes: Any, standaard: npt.ArrayLike) -> npt.NDArray[np.float64]:
    g = als_getallen(s, _G, standaard if groottes is None else groottes, "groottes: ")
    return np.unique(g)


def personeelstekort(
    scenario: ScenarioInvoer,
    groottes: Sequence[float] | npt.ArrayLike | None = None,
    *,
    regel: str = "tarief_per_client",
) -> pd.DataFrame:
    """The tariff per client as the group shrinks, at fixed staff and at fixed ratio.

    Parameters
    ----------
    scenario
        The base scenario (a :class:`~tarieven.Scenario`, a dict, a file or a product code).
    groottes
        Group sizes (whole places); default from half the scenario's group up to it.
    regel
        The breakdown line to report (default the tariff per client per unit).

    Returns
    -------
    pandas.DataFrame
        One row per group size, ascending: ``groepsgrootte``; ``medewerkers_vast`` and
        ``vast_personeel`` (the line with the scenario's own staff on the group);
        ``medewerkers_ratio`` and ``vaste_ratio`` (staff by the scenario's ratio, or its
        counts scaled with the group and rounded up). ``attrs`` holds labels, units and
        ``onderwerp``; ``attrs["basis"]`` the scenario's group size, staff and line value.
    """
    s = als_scenario(scenario)
    controleer_regels(s, [regel])
    g0 = float(s.waarden[_G])
    g = _groottes(s, groottes, np.arange(max(1.0, math.ceil(g0 / 2)), g0 + 1))
    if s.structuur.uit_ratio:
        basis = bereken_met(s, {}, ["medewerkers_totaal"])
        n0 = float(basis["medewerkers_totaal"])
        ratio = bereken_met(s, {_G: g}, [regel, "medewerkers_totaal"])
        vast = bereken_met(s, {_G: g, _K: g / n0}, [regel, "medewerkers_totaal"])  # ceil(g / (g / n0)) = n0
        n_ratio = np.broadcast_to(ratio["medewerkers_totaal"], g.shape)
        n_vast = np.broadcast_to(vast["medewerkers_totaal"], g.shape)
        k = float(s.waarden[_K])
        uitleg_ratio = f"vaste ratio (1 op {getal(k, 0) if k == round(k) else getal(k, 1)})"
    else:
        direct = [f"product.personeel.{f}" for f in s.structuur.direct]
        n0 = sum(float(s.waarden[k]) for k in direct)
        geschaald = {k: _heel(float(s.waarden[k]) * g / g0) for k in direct}
        vast = bereken_met(s, {_G: g}, [regel])
        ratio = bereken_met(s, {_G: g, **geschaald}, [regel])
        n_vast = np.full(g.shape, n0)
        n_ratio = sum((geschaald[k] for k in direct), np.zeros(g.shape))
        uitleg_ratio = "personeel meegeschaald met de groep"
    import pandas as pd

    df = pd.DataFrame(
        {
            "groepsgrootte": g,
            "medewerkers_vast": n_vast,
            "vast_personeel": np.broadcast_to(vast[regel], g.shape),
            "medewerkers_ratio": n_ratio,
            "vaste_ratio": np.broadcast_to(ratio[regel], g.shape),
        }
    )
    attrs = kolom_attrs(s, [regel])
    regel_label = label(s, regel)
    attrs.update(
        labels={
            "groepsgrootte": label(s, _G),
            "medewerkers_vast": "medewerkers (vast personeel)",
            "vast_personeel": f"vast personeel ({getal(n0, 0) if n0 == round(n0) else getal(n0, 2)} medewerkers)",
            "medewerkers_ratio": "medewerkers (vaste ratio)",
            "vaste_ratio": uitleg_ratio,
        },
        geld=["vast_personeel", "vaste_ratio"] if regel in attrs["geld"] else [],
        eenheden={"groepsgrootte": s.veld(_G).eenheid, "vast_personeel": attrs["eenheden"][regel]},
        ylabel=regel_label,
        regel=regel,
        titel="Kleinere groepen door personeelstekort",
        basis={"groepsgrootte": g0, "medewerkers": n0, regel: float(bereken_met(s, {}, [regel])[regel])},
    )
    df.attrs.update(attrs)
    return df


@dataclass(frozen=True)
class GroepOfIndividueel:
    """Group treatment against individual treatment (see the module docstring for the definition).

    Attributes
    ----------
    groep, individueel
        The scenario's result, and the result of individual treatment by one therapist
        of ``hoofdfunctie`` (a full :class:`~tarieven.Uitkomst`, with its explanation).
    hoofdfunctie
        The lead function (default: the direct function with the highest cost per
        productive hour, the regiebehandelaar).
    tabel
        Per group size: ``groepsgrootte``, ``groep_per_uur`` and ``individueel_per_uur``
        (tariff per client-hour [EUR/uur]), ``groep_per_sessie``, ``individueel_per_sessie``,
        ``groep_per_traject`` and ``individueel_per_traject`` (where the product has
        trajectories), and ``groep_goedkoper`` (bool).
    kleinste_groep
        The smallest group size in ``tabel`` from which on every larger one is cheaper per
        client than individual treatment; None when no group size in the table is.
    """

    groep: Uitkomst
    individueel: Uitkomst
    hoofdfunctie: str
    tabel: pd.DataFrame
    kleinste_groep: int | None


def _hoofdfunctie(s: Scenario, hoofdfunctie: str | None) -> str:
    direct = s.structuur.direct
    if hoofdfunctie is not None:
        if hoofdfunctie not in direct:
            raise InvoerFout(
                [Probleem("hoofdfunctie", hoofdfunctie, f"een functie van het directe personeel ({', '.join(direct)})")]
            )
        return hoofdfunctie
    kosten = bereken_met(s, {}, [f"uurkosten.{f}" for f in direct])
    return max(direct, key=lambda f: float(kosten[f"uurkosten.{f}"]))


def individueel_scenario(s: Scenario, hoofdfunctie: str) -> Scenario:
    """The scenario of individual treatment: one therapist of ``hoofdfunctie``, one client."""
    wijz: dict[str, Any] = {_G: 1, _B: 1.0}
    for f in s.structuur.direct:
        wijz[f"product.personeel.{f}"] = 1 if f == hoofdfunctie else 0
    for k in s.waarden:
        soort, _, functie = k.rpartition(".")
        if functie != hoofdfunctie and soort in (
            "product.indirect_uur",
            "product.client_uur",
            "product.client_uur_per_traject",
            "product.extra_uur",
        ):
            wijz[k] = 0.0
    return s.met(**wijz)


def groep_of_individueel(
    scenario: ScenarioInvoer,
    groottes: Sequence[float] | npt.ArrayLike | None = None,
    *,
    hoofdfunctie: str | None = None,
) -> GroepOfIndividueel:
    """Cost per client of group treatment by group size, beside individual treatment.

    Parameters
    ----------
    scenario
        A group product with explicit staff counts per function (``product.personeel``),
        such as GGZ groep.
    groottes
        Group sizes to compare (whole places); default 1 up to twice the scenario's group.
    hoofdfunctie
        The function of the individual therapist (default: the direct function with the
        highest cost per productive hour).

    Raises
    ------
    InvoerFout
        For a scenario with staff from a ratio (individual treatment is one therapist, a
        count), or an unknown function.
    """
    s = als_scenario(scenario)
    if s.structuur.uit_ratio:
        raise InvoerFout(
            [
                Probleem(
                    "product.ratio",
                    "een ratio",
                    "personeel als aantallen per functie (product.personeel), "
                    "zoals bij GGZ groep: individueel is één behandelaar met één cliënt",
                )
            ]
        )
    hoofd = _hoofdfunctie(s, hoofdfunctie)
    g = _groottes(s, groottes, np.arange(1.0, 2 * float(s.waarden[_G]) + 1))
    individueel = bereken(individueel_scenario(s, hoofd))
    regels = ["tarief_per_uur", "tarief_per_client", *(["tarief_per_traject"] if s.structuur.sessies else [])]
    groep = bereken_met(s, {_G: g}, regels)
    import pandas as pd

    df = pd.DataFrame({"groepsgrootte": g})
    namen = {"tarief_per_uur": "per_uur", "tarief_per_client": "per_sessie", "tarief_per_traject": "per_traject"}
    for regel in regels:
        df[f"groep_{namen[regel]}"] = np.broadcast_to(groep[regel], g.shape)
        df[f"individueel_{namen[regel]}"] = individueel[regel]
    df["groep_goedkoper"] = df["groep_per_uur"] < df["individueel_per_uur"]
    goedkoper = df["groep_goedkoper"].to_numpy()
    # the smallest size from which on every larger one in the table is cheaper
    vanaf = [i for i in range(len(g)) if goedkoper[i:].all()]
    kleinste = int(g[vanaf[0]]) if vanaf else None
    eenheid = s.structuur.eenheid
    attrs = kolom_attrs(s, ["tarief_per_uur"])
    attrs.update(
        labels={
            "groepsgrootte": label(s, _G),
            "groep_per_uur": f"groep ({personeel_tekst(s)}, bezetting {getal(100 * float(s.waarden[_B]), 0)} %)",
            "individueel_per_uur": f"individueel (1 {hoofd}, 1 cliënt)",
            "groep_per_sessie": f"groep, per cliënt per {eenheid}",
            "individueel_per_sessie": f"individueel, per cliënt per {eenheid}",
            "groep_per_traject": "groep, per cliënt per traject",
            "individueel_per_traject": "individueel, per cliënt per traject",
        },
        geld=[k for k in df.columns if k.startswith(("groep_per", "individueel_per"))],
        ylabel="tarief per cliënt per uur",
        titel="Groep of individueel: kosten per cliënt-uur",
        kleinste_groep=kleinste,
        hoofdfunctie=hoofd,
    )
    df.attrs.update(attrs)
    return GroepOfIndividueel(bereken(s), individueel, hoofd, df, kleinste)


def _per_week(veld: Veld, functie: str, factor: float) -> Veld:
    """The field of indirect time in hours per group per week, which has no field of its own: the
    per-unit field (``product.indirect_uur.*``) with its ranges times ``factor`` (units per year
    / weeks per year), so a value given per week is read and refused as given."""
    b, p = veld.bereik, veld.plausibel
    return replace(
        veld,
        sleutel="uren_per_week",
        eenheid="uur/week",
        bereik=None if b is None else replace(b, laag=b.laag * factor, hoog=b.hoog * factor),
        plausibel=None if p is None else (p[0] * factor, p[1] * factor),
        omschrijving=f"indirecte tijd van {functie} per groep per week",
        label="",
    )


def indirect_per_week(
    scenario: ScenarioInvoer,
    functie: str,
    uren_per_week: Sequence[float] | npt.ArrayLike,
    *,
    weken_per_jaar: float = WEKEN_PER_JAAR_GROEP,
) -> pd.DataFrame:
    """The tariff per client for indirect time of ``functie`` given in hours per group per week.

    Parameters
    ----------
    scenario
        The base scenario; ``functie`` must be one of its functions.
    functie
        The function giving indirect time (``wo``: the behavioural scientist at a distance).
    uren_per_week
        Hours per group per week [uur/week], or texts with their unit (``"2 uur/week"``); read
        and refused as given (``uren_per_week = -1``), then counted per unit.
    weken_per_jaar
        Weeks the group runs per year (default 48, the most the product descriptions allow).

    Returns
    -------
    pandas.DataFrame
        ``uren_per_week``, ``indirect_uur`` (per unit), ``opbouw.personeel_indirect`` and
        ``tarief_per_client``; ``attrs["basis_per_week"]`` the scenario's own hours per week.
    """
    s = als_scenario(scenario)
    if functie not in s.structuur.functies:
        raise InvoerFout(
            [Probleem("functie", functie, f"een functie van dit scenario ({', '.join(s.structuur.functies)})")]
        )
    sleutel = f"product.indirect_uur.{functie}"
    e = float(s.waarden["product.eenheden_per_jaar"])
    weken = als_getal("weken_per_jaar", weken_per_jaar, "een aantal weken van meer dan 0 tot 53")
    if not 0 < weken <= 53:
        raise InvoerFout([Probleem("weken_per_jaar", weken_per_jaar, "een aantal weken van meer dan 0 tot 53")])
    per_week = lees_waarden(
        _per_week(s.veld(sleutel), functie, e / weken), "uren_per_week", "uren_per_week", uren_per_week
    )
    with np.errstate(over="ignore"):
        per_eenheid = per_week * weken / e
    if not np.isfinite(per_eenheid).all():  # a finite number of hours per week too large to count per unit
        te_groot = float(per_week[np.argmin(np.isfinite(per_eenheid))])
        verwacht = f"een aantal uren dat omgerekend (× {weken:g} weken / {e:g} eenheden per jaar) eindig blijft"
        raise InvoerFout([Probleem("uren_per_week", te_groot, verwacht, "buiten_bereik")])
    if sleutel in s.waarden:
        r = bereken_met(s, {sleutel: per_eenheid}, ["tarief_per_client", "opbouw.personeel_indirect"])
    else:  # a function without indirect time yet: the structure gains it
        indirect = s.met(**{sleutel: 0.0})
        r = bereken_met(indirect, {sleutel: per_eenheid}, ["tarief_per_client", "opbouw.personeel_indirect"])
    import pandas as pd

    df = pd.DataFrame(
        {
            "uren_per_week": per_week,
            "indirect_uur": per_eenheid,
            "opbouw.personeel_indirect": np.broadcast_to(r["opbouw.personeel_indirect"], per_week.shape),
            "tarief_per_client": np.broadcast_to(r["tarief_per_client"], per_week.shape),
        }
    )
    attrs = kolom_attrs(s, ["tarief_per_client", "opbouw.personeel_indirect"])
    naam = str(s.invoer.get(f"functies.{functie}.naam", functie))
    attrs["labels"]["uren_per_week"] = f"indirecte tijd {functie} (uur per groep per week)"
    attrs["labels"]["indirect_uur"] = label(s, sleutel)
    attrs.update(
        titel=f"Indirecte tijd per groep per week: {naam[:1].lower() + naam[1:]}",
        basis_per_week=float(s.waarden.get(sleutel, 0.0)) * e / weken,
    )
    df.attrs.update(attrs)
    return df
