"""The chain of MODEL.md sections 1-6 as an ordered list of breakdown lines.

Each :class:`RegelDefinitie` names one line of the breakdown (MODEL.md's names), its
unit, a human formula, a machine expression over dotted names (see
:mod:`tarieven.formule`), and how the core computes it. :func:`bereken` walks the list
once over plain floats or numpy arrays, so one call prices one scenario or a million.

The *structure* of a scenario (which functions exist, which are on the group, staff from
counts or from a ratio, the overhead convention, ...) fixes the list of lines; the
*values* (every number) may be arrays that broadcast against each other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from tarieven import groep, opslagen, personeel, tarief, uren
from tarieven._typing import Getal
from tarieven.formule import namen

__all__ = ["EENHEDEN", "FUNCTIE_VELDEN", "RegelDefinitie", "Structuur", "bereken", "regeldefinities"]

FUNCTIE_VELDEN: tuple[str, ...] = (
    "maandsalaris",
    "vakantietoeslag",
    "eindejaarsuitkering",
    "werkgeverslasten",
    "overige_personeelskosten",
    "uren_per_week",
    "weken_per_jaar",
    "verlofuren",
    "verzuim",
    "scholingsuren",
    "productiviteit",
)
"""The numbers of one function (MODEL.md 1-2), all required."""

EENHEDEN: tuple[str, ...] = ("dagdeel", "sessie", "uur", "dag")
"""Billing units (eenheid) a product may have."""


@dataclass(frozen=True)
class Structuur:
    """What fixes the shape of the calculation; every number lives elsewhere.

    Attributes
    ----------
    functies
        All functions of the scenario, in order; each gets its ``uurkosten``.
    direct
        Functions on the group as direct staff (from counts or from the mix).
    uit_ratio
        Staff from a ratio "1 per k children" (True) or explicit counts (False).
    naar_boven
        With a ratio: round the total up to whole staff members.
    overhead_aandeel
        Overhead as a share of the integral cost price (True) or as a mark-up (False).
    eenheid
        The billing unit.
    extra, indirect, client, traject
        Functions with extra time per staff member, indirect time per group, client time
        per unit and client time per trajectory.
    sessies
        ``sessies_per_traject`` is given (tariff per trajectory).
    per_week
        ``eenheden_per_week`` and ``weken_per_jaar`` are given (tariff per week, year).
    componenten
        Functions whose employer charges are built from premiums and pension
        (``werkgeverslasten = "componenten"``) instead of one fraction.
    premies
        Names of the statutory premiums in ``werkgeverslasten.premies``.
    vakantietoeslag_minimum
        Functions with a monthly minimum holiday allowance.
    """

    functies: tuple[str, ...]
    direct: tuple[str, ...]
    uit_ratio: bool
    naar_boven: bool
    overhead_aandeel: bool
    eenheid: str
    extra: tuple[str, ...] = ()
    indirect: tuple[str, ...] = ()
    client: tuple[str, ...] = ()
    traject: tuple[str, ...] = ()
    sessies: bool = False
    per_week: bool = False
    componenten: tuple[str, ...] = ()
    premies: tuple[str, ...] = ()
    vakantietoeslag_minimum: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegelDefinitie:
    """One line of the breakdown.

    Attributes
    ----------
    naam
        MODEL.md's name, dotted per function: ``uurkosten.mbo``.
    eenheid
        Unit of the value, e.g. ``EUR/jaar``, ``uur/jaar``, ``EUR``.
    omschrijving
        What the line is, in Dutch.
    formule
        The general formula as MODEL.md writes it.
    expressie
        The formula for this scenario over dotted names of inputs and earlier lines.
    stap
        MODEL.md section.
    reken
        Computes the line from a mapping of names to values (the core functions).
    """

    naam: str
    eenheid: str
    omschrijving: str
    formule: str
    expressie: str
    stap: str
    # Callable[..., Any]: the closures bind their function name as a default argument,
    # which mypy cannot infer against Callable[[Mapping[str, Any]], Getal].
    reken: Callable[..., Any] = field(repr=False, compare=False)

    @property
    def invoer(self) -> tuple[str, ...]:
        """Names the expression reads."""
        return namen(self.expressie)


def _som(termen: list[str]) -> str:
    return " + ".join(termen) if termen else "0"


@lru_cache(maxsize=256)
def regeldefinities(s: Structuur) -> tuple[RegelDefinitie, ...]:
    """The ordered breakdown lines for a scenario structure."""
    r: list[RegelDefinitie] = []

    def regel(
        naam: str,
        eenheid: str,
        omschrijving: str,
        formule: str,
        expressie: str,
        stap: str,
        reken: Callable[..., Any],
    ) -> None:
        r.append(RegelDefinitie(naam, eenheid, omschrijving, formule, expressie, stap, reken))

    # -- 1 and 2: per function ------------------------------------------------------------
    for f in s.functies:
        p = f"functies.{f}."
        regel(
            f"bruto_jaarsalaris.{f}",
            "EUR/jaar",
            f"bruto jaarsalaris {f}",
            "maandsalaris × 12",
            f"{p}maandsalaris * 12",
            "1",
            lambda w, p=p: personeel.bruto_jaarsalaris(w[p + "maandsalaris"]),
        )
        if f in s.vakantietoeslag_minimum:
            regel(
                f"jaarloon.{f}",
                "EUR/jaar",
                f"jaarloon {f} (met vakantietoeslag met minimum en eindejaarsuitkering)",
                "bruto × (1 + eindejaarsuitkering) + max(vakantietoeslag × bruto, minimum × 12)",
                f"bruto_jaarsalaris.{f} * (1 + {p}eindejaarsuitkering)"
                f" + max({p}vakantietoeslag * bruto_jaarsalaris.{f}, {p}vakantietoeslag_minimum * 12)",
                "1",
                lambda w, f=f, p=p: personeel.jaarloon_met_minimum(
                    w[f"bruto_jaarsalaris.{f}"],
                    w[p + "vakantietoeslag"],
                    w[p + "vakantietoeslag_minimum"],
                    w[p + "eindejaarsuitkering"],
                ),
            )
        else:
            regel(
                f"jaarloon.{f}",
                "EUR/jaar",
                f"jaarloon {f} (met vakantietoeslag en eindejaarsuitkering)",
                "bruto_jaarsalaris × (1 + vakantietoeslag + eindejaarsuitkering)",
                f"bruto_jaarsalaris.{f} * (1 + {p}vakantietoeslag + {p}eindejaarsuitkering)",
                "1",
                lambda w, f=f, p=p: personeel.jaarloon(
                    w[f"bruto_jaarsalaris.{f}"], w[p + "vakantietoeslag"], w[p + "eindejaarsuitkering"]
                ),
            )
        if f in s.componenten:
            wl = "werkgeverslasten."
            premies = " + ".join(f"{wl}premies.{q}" for q in s.premies) or "0"
            pg = f"min(jaarloon.{f}, {wl}pensioen.maximum_pensioengevend_salaris)"
            regel(
                f"werkgeverslasten_bedrag.{f}",
                "EUR/jaar",
                f"werkgeverslasten {f} uit premies en pensioen",
                "Σ premies × min(jaarloon, max. premieloon) + werkgeversdeel × (pensioenpremie × max(0, P − franchise)"
                " + premie_ap × max(0, P − franchise_ap)), P = min(jaarloon, max. pensioengevend salaris)",
                f"({premies}) * min(jaarloon.{f}, {wl}maximum_premieloon) + {wl}pensioen.werkgeversdeel"
                f" * ({wl}pensioen.premie * max(0, {pg} - {wl}pensioen.franchise)"
                f" + {wl}pensioen.premie_ap * max(0, {pg} - {wl}pensioen.franchise_ap))",
                "1",
                lambda w, f=f, wl=wl: personeel.werkgeverslasten_bedrag(
                    w[f"jaarloon.{f}"],
                    sum((np.asarray(w[f"{wl}premies.{q}"]) for q in s.premies), np.asarray(0.0)),
                    w[wl + "maximum_premieloon"],
                    w[wl + "pensioen.premie"],
                    w[wl + "pensioen.premie_ap"],
                    w[wl + "pensioen.franchise"],
                    w[wl + "pensioen.franchise_ap"],
                    w[wl + "pensioen.maximum_pensioengevend_salaris"],
                    w[wl + "pensioen.werkgeversdeel"],
                ),
            )
            regel(
                f"werkgeverslasten.{f}",
                "1",
                f"werkgeverslasten {f} als fractie van het jaarloon (ter vergelijking)",
                "werkgeverslasten_bedrag / jaarloon",
                f"werkgeverslasten_bedrag.{f} / jaarloon.{f}",
                "1",
                lambda w, f=f: np.divide(w[f"werkgeverslasten_bedrag.{f}"], w[f"jaarloon.{f}"]),
            )
            regel(
                f"loonkosten.{f}",
                "EUR/jaar",
                f"loonkosten {f} (met werkgeverslasten)",
                "jaarloon + werkgeverslasten_bedrag",
                f"jaarloon.{f} + werkgeverslasten_bedrag.{f}",
                "1",
                lambda w, f=f: np.add(w[f"jaarloon.{f}"], w[f"werkgeverslasten_bedrag.{f}"]),
            )
        else:
            regel(
                f"loonkosten.{f}",
                "EUR/jaar",
                f"loonkosten {f} (met werkgeverslasten)",
                "jaarloon × (1 + werkgeverslasten)",
                f"jaarloon.{f} * (1 + {p}werkgeverslasten)",
                "1",
                lambda w, f=f, p=p: personeel.loonkosten(w[f"jaarloon.{f}"], w[p + "werkgeverslasten"]),
            )
        regel(
            f"personeelskosten.{f}",
            "EUR/jaar",
            f"personeelskosten per fte {f}",
            "loonkosten × (1 + overige_personeelskosten)",
            f"loonkosten.{f} * (1 + {p}overige_personeelskosten)",
            "1",
            lambda w, f=f, p=p: personeel.personeelskosten(w[f"loonkosten.{f}"], w[p + "overige_personeelskosten"]),
        )
        regel(
            f"contracturen.{f}",
            "uur/jaar",
            f"contracturen per fte {f}",
            "uren_per_week × weken_per_jaar",
            f"{p}uren_per_week * {p}weken_per_jaar",
            "2",
            lambda w, p=p: uren.contracturen(w[p + "uren_per_week"], w[p + "weken_per_jaar"]),
        )
        regel(
            f"beschikbare_uren.{f}",
            "uur/jaar",
            f"beschikbare uren {f} (na verlof, verzuim, scholing)",
            "contracturen − verlofuren − verzuim × contracturen − scholingsuren",
            f"contracturen.{f} - {p}verlofuren - {p}verzuim * contracturen.{f} - {p}scholingsuren",
            "2",
            lambda w, f=f, p=p: uren.beschikbare_uren(
                w[f"contracturen.{f}"], w[p + "verlofuren"], w[p + "verzuim"], w[p + "scholingsuren"]
            ),
        )
        regel(
            f"productieve_uren.{f}",
            "uur/jaar",
            f"productieve uren {f}",
            "beschikbare_uren × productiviteit",
            f"beschikbare_uren.{f} * {p}productiviteit",
            "2",
            lambda w, f=f, p=p: uren.productieve_uren(w[f"beschikbare_uren.{f}"], w[p + "productiviteit"]),
        )
        regel(
            f"uurkosten.{f}",
            "EUR/uur",
            f"kosten per productief uur {f}",
            "personeelskosten / productieve_uren",
            f"personeelskosten.{f} / productieve_uren.{f}",
            "2",
            lambda w, f=f: uren.uurkosten(w[f"personeelskosten.{f}"], w[f"productieve_uren.{f}"]),
        )

    # -- 3: one unit of one group -------------------------------------------------------
    pr = "product."
    if s.uit_ratio:
        if s.naar_boven:
            expr_totaal = f"ceil(round({pr}groepsgrootte / {pr}ratio.kinderen_per_medewerker, 9))"
            formule_totaal = "⌈G / k⌉ (naar boven op hele medewerkers)"
        else:
            expr_totaal = f"{pr}groepsgrootte / {pr}ratio.kinderen_per_medewerker"
            formule_totaal = "G / k (exact)"
        regel(
            "medewerkers_totaal",
            "1",
            "direct personeel op de groep uit de ratio",
            formule_totaal,
            expr_totaal,
            "3",
            lambda w: groep.medewerkers_uit_ratio(
                w[pr + "groepsgrootte"], w[pr + "ratio.kinderen_per_medewerker"], s.naar_boven
            ),
        )
        for f in s.direct:
            regel(
                f"medewerkers.{f}",
                "1",
                f"direct personeel {f} (aandeel in de mix)",
                "medewerkers_totaal × mix_f",
                f"medewerkers_totaal * {pr}ratio.mix.{f}",
                "3",
                lambda w, f=f: np.multiply(w["medewerkers_totaal"], w[f"{pr}ratio.mix.{f}"]),
            )
        aantal = {f: f"medewerkers.{f}" for f in s.direct}
    else:
        aantal = {f: f"{pr}personeel.{f}" for f in s.direct}

    def extra(f: str) -> str | None:
        return f"{pr}extra_uur.{f}" if f in s.extra else None

    termen = []
    for f in s.direct:
        v = extra(f)
        tijd = f"({pr}duur_uur + {v})" if v else f"{pr}duur_uur"
        termen.append(f"{aantal[f]} * {tijd} * uurkosten.{f}")
    regel(
        "personeel_direct",
        "EUR",
        "direct personeel per eenheid voor de groep",
        "Σ_f n_f × (d + v_f) × uurkosten_f",
        _som(termen),
        "3",
        lambda w: groep.personeel_direct(
            [w[aantal[f]] for f in s.direct],
            w[pr + "duur_uur"],
            [w[e] if (e := extra(f)) else 0.0 for f in s.direct],
            [w[f"uurkosten.{f}"] for f in s.direct],
        ),
    )
    regel(
        "personeel_indirect",
        "EUR",
        "indirect personeel per eenheid voor de groep",
        "Σ_f u_f × uurkosten_f",
        _som([f"{pr}indirect_uur.{f} * uurkosten.{f}" for f in s.indirect]),
        "3",
        lambda w: groep.personeel_indirect(
            [w[f"{pr}indirect_uur.{f}"] for f in s.indirect], [w[f"uurkosten.{f}"] for f in s.indirect]
        ),
    )
    regel(
        "huisvesting_eenheid",
        "EUR",
        "huisvesting per eenheid",
        "H / E",
        f"{pr}huisvesting_jaar / {pr}eenheden_per_jaar",
        "3",
        lambda w: groep.huisvesting_eenheid(w[pr + "huisvesting_jaar"], w[pr + "eenheden_per_jaar"]),
    )
    regel(
        "materieel",
        "EUR",
        "materieel en activiteiten per eenheid voor de aanwezige cliënten",
        "m × G × b",
        f"{pr}materieel_per_client * {pr}groepsgrootte * {pr}bezettingsgraad",
        "3",
        lambda w: groep.materieel(w[pr + "materieel_per_client"], w[pr + "groepsgrootte"], w[pr + "bezettingsgraad"]),
    )
    regel(
        "groepskosten",
        "EUR",
        "kosten van één eenheid voor de hele groep",
        "personeel_direct + personeel_indirect + huisvesting_eenheid + materieel",
        "personeel_direct + personeel_indirect + huisvesting_eenheid + materieel",
        "3",
        lambda w: groep.groepskosten(
            w["personeel_direct"], w["personeel_indirect"], w["huisvesting_eenheid"], w["materieel"]
        ),
    )
    for f in s.traject:
        regel(
            f"client_uur_traject.{f}",
            "uur",
            f"cliëntgebonden tijd {f} per sessie uit het traject",
            "client_uur_per_traject / sessies_per_traject",
            f"{pr}client_uur_per_traject.{f} / {pr}sessies_per_traject",
            "3",
            lambda w, f=f: groep.client_uur_uit_traject(
                w[f"{pr}client_uur_per_traject.{f}"], w[pr + "sessies_per_traject"]
            ),
        )
    client_termen = [(f"{pr}client_uur.{f}", f) for f in s.client] + [(f"client_uur_traject.{f}", f) for f in s.traject]
    regel(
        "clientkosten",
        "EUR",
        "cliëntgebonden personeel per cliënt per eenheid",
        "Σ_f c_f × uurkosten_f",
        _som([f"{c} * uurkosten.{f}" for c, f in client_termen]),
        "3",
        lambda w: groep.clientkosten([w[c] for c, _ in client_termen], [w[f"uurkosten.{f}"] for _, f in client_termen]),
    )

    # -- 4: opslagen --------------------------------------------------------------------
    op = "opslagen."
    regel(
        "kostprijs_per_client",
        "EUR",
        "kostprijs per gedeclareerde cliënt per eenheid",
        "groepskosten / (G × b) + clientkosten",
        f"groepskosten / ({pr}groepsgrootte * {pr}bezettingsgraad) + clientkosten",
        "4",
        lambda w: opslagen.kostprijs_per_client(
            w["groepskosten"], w[pr + "groepsgrootte"], w[pr + "bezettingsgraad"], w["clientkosten"]
        ),
    )
    if s.overhead_aandeel:
        formule_oh, expr_oh = "kostprijs / (1 − overhead)", f"kostprijs_per_client / (1 - {op}overhead)"
        oms_oh = "kostprijs met overhead (overhead als aandeel van de integrale kostprijs)"
    else:
        formule_oh, expr_oh = "kostprijs × (1 + overhead)", f"kostprijs_per_client * (1 + {op}overhead)"
        oms_oh = "kostprijs met overhead (overhead als opslag op de kostprijs)"
    regel(
        "met_overhead",
        "EUR",
        oms_oh,
        formule_oh,
        expr_oh,
        "4",
        lambda w: opslagen.met_overhead(w["kostprijs_per_client"], w[op + "overhead"], s.overhead_aandeel),
    )
    regel(
        "tarief_per_client",
        "EUR",
        f"tarief per cliënt per {s.eenheid}",
        "met_overhead × (1 + risico_opslag)",
        f"met_overhead * (1 + {op}risico_opslag)",
        "4",
        lambda w: opslagen.tarief(w["met_overhead"], w[op + "risico_opslag"]),
    )

    # -- 5 and 6: the tariff in other units -----------------------------------------------
    regel(
        "tarief_per_uur",
        "EUR/uur",
        "tarief per cliënt per uur",
        "tarief / d",
        f"tarief_per_client / {pr}duur_uur",
        "5",
        lambda w: tarief.per_uur(w["tarief_per_client"], w[pr + "duur_uur"]),
    )
    regel(
        "tarief_per_minuut",
        "EUR/minuut",
        "tarief per cliënt per minuut",
        "tarief / (d × 60)",
        f"tarief_per_client / ({pr}duur_uur * 60)",
        "5",
        lambda w: tarief.per_minuut(w["tarief_per_client"], w[pr + "duur_uur"]),
    )
    if s.per_week:
        regel(
            "tarief_per_week",
            "EUR/week",
            "tarief per cliënt per week bij de geplande eenheden",
            "tarief × eenheden_per_week",
            f"tarief_per_client * {pr}eenheden_per_week",
            "5",
            lambda w: tarief.per_week(w["tarief_per_client"], w[pr + "eenheden_per_week"]),
        )
        regel(
            "tarief_per_jaar",
            "EUR/jaar",
            "tarief per cliënt per jaar bij de geplande weken",
            "tarief_per_week × weken_per_jaar",
            f"tarief_per_week * {pr}weken_per_jaar",
            "5",
            lambda w: tarief.per_jaar(w["tarief_per_week"], w[pr + "weken_per_jaar"]),
        )
    if s.sessies:
        regel(
            "tarief_per_traject",
            "EUR",
            "tarief per cliënt per traject",
            "tarief × sessies_per_traject",
            f"tarief_per_client * {pr}sessies_per_traject",
            "6",
            lambda w: tarief.per_traject(w["tarief_per_client"], w[pr + "sessies_per_traject"]),
        )

    # -- the tariff decomposed per client, for the waterfall (sums to tarief_per_client) --
    gb = f"({pr}groepsgrootte * {pr}bezettingsgraad)"
    for deel, oms in (
        ("personeel_direct", "direct personeel"),
        ("personeel_indirect", "indirect personeel"),
        ("huisvesting_eenheid", "huisvesting"),
        ("materieel", "materieel"),
    ):
        regel(
            f"opbouw.{deel}",
            "EUR",
            f"{oms} per cliënt (deel van het tarief, vóór opslagen)",
            f"{deel} / (G × b)",
            f"{deel} / {gb}",
            "4",
            lambda w, deel=deel: np.divide(w[deel], np.multiply(w[pr + "groepsgrootte"], w[pr + "bezettingsgraad"])),
        )
    regel(
        "opbouw.clientkosten",
        "EUR",
        "cliëntgebonden personeel per cliënt (deel van het tarief)",
        "clientkosten",
        "clientkosten",
        "4",
        lambda w: np.asarray(w["clientkosten"], dtype=float),
    )
    regel(
        "opbouw.overhead",
        "EUR",
        "overhead per cliënt (deel van het tarief)",
        "met_overhead − kostprijs_per_client",
        "met_overhead - kostprijs_per_client",
        "4",
        lambda w: np.subtract(w["met_overhead"], w["kostprijs_per_client"]),
    )
    regel(
        "opbouw.risico",
        "EUR",
        "risico-opslag per cliënt (deel van het tarief)",
        "tarief − met_overhead",
        "tarief_per_client - met_overhead",
        "4",
        lambda w: np.subtract(w["tarief_per_client"], w["met_overhead"]),
    )
    return tuple(r)


def bereken(s: Structuur, waarden: Mapping[str, Any]) -> dict[str, Getal]:
    """Compute every breakdown line.

    Parameters
    ----------
    s
        The scenario structure.
    waarden
        Dotted input names (``functies.mbo.maandsalaris``, ``product.groepsgrootte``...)
        to floats or arrays in the documented units; arrays broadcast.

    Returns
    -------
    dict
        Line name to value (float64 array, 0-d for a single scenario).
    """
    w: dict[str, Any] = dict(waarden)
    uit: dict[str, Getal] = {}
    for d in regeldefinities(s):
        waarde = d.reken(w)
        w[d.naam] = waarde
        uit[d.naam] = waarde
    return uit
