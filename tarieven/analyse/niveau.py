"""Level check: each product's central tariff and its band beside a published level, and what the gap rests on.

A bundled tariff rests on assumptions, each with a central, a low and a high reading
(:mod:`tarieven.waarden`). :func:`niveaucheck` prices every product with a published
comparable on a tariff year (time-weighted) at the three assumption sets, and puts the
published level (in kind where the pgb share is known, indexed to the price year) beside
its band:

- ``delen``: the gap between the central and the low tariff split over groups of
  assumptions (salary step and scale, staffing, occupancy, hours per unit and preparation,
  productive hours, leave and other staff costs, housing and materials, overhead, risk) by
  the Shapley decomposition (:mod:`tarieven.shapley`), in cents that add up exactly;
- ``binnen_band``: whether the published level lies between the low and the high tariff;
- ``rest``: where it does not, the remainder beyond the nearest end of the band and its
  reason (a pgb level below the tariff in kind, another product definition, a level from
  the period in which courts found the region's tariffs no reële prijs).

Beside it, per product and assumption, the value at which the central tariff alone would
equal the published level (goal seek), or why none in the field's range does.

The published level is brought to the price year by chaining the published yearly index
(:func:`tarieven.gepubliceerd_tarief`). A year without a published index is an error,
unless the caller states an assumption for it (``index_aanname``), which the result then
names; or the user gives the year's index in their own parameters.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import numpy as np

from tarieven.afronding import op_centen
from tarieven.analyse._gemeen import bereken_met
from tarieven.analyse.doelzoeken import doelzoek
from tarieven.catalogus import is_vervoer
from tarieven.fouten import InvoerFout, Probleem
from tarieven.gepubliceerd import GepubliceerdTarief, gepubliceerd_tarief, jaarindex
from tarieven.inlezen import lees_scenario
from tarieven.overzicht import vervoersbedragen
from tarieven.parameters import AANNAMESETS, ParameterSet
from tarieven.scenario import Scenario
from tarieven.shapley import centen_die_optellen, shapley_delen
from tarieven.uitkomst import bereken
from tarieven.vergelijkingsuitvoer import groep_van
from tarieven.weergave import euro, getal, invoer

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "AANNAMEGROEPEN",
    "DEN_HAAG_DAGBESTEDING",
    "SLUITERS",
    "VERGELIJKINGEN",
    "Niveaucheck",
    "aannamegroep",
    "niveaucheck",
]

DEN_HAAG_DAGBESTEDING: Mapping[str, str] = {
    "41A22": "den_haag_2020.pgb.dagbesteding_categorie_1",
    "41A23": "den_haag_2020.pgb.dagbesteding_categorie_2",
    "41A24": "den_haag_2020.pgb.dagbesteding_categorie_3",
}
"""The published level each dagbesteding product is compared with. That Den Haag's categories
1 to 3 match licht, middel and zwaar is an assumption: the product descriptions differ."""

VERGELIJKINGEN: Mapping[str, str] = {
    **DEN_HAAG_DAGBESTEDING,
    **{f"41A00-{c}": "holland_rijnland_2024.pgb.dagbehandeling_a" for c in (1, 2, 3)},
    **{f"41A03-{c}": "holland_rijnland_2024.pgb.dagbehandeling_b" for c in (1, 2, 3)},
    "42A03": "den_haag_2020.pgb.vervoer",
}
"""Every product with a published comparable. GGZ groep has none: the published jeugd-GGZ
levels are per hour of individual treatment, not per client per group session."""

_RECHTER = (
    "een niveau uit de periode waarin de rechter de tarieven van de regio geen reële prijs vond "
    "(Rechtbank Den Haag 22 oktober 2019, ECLI:NL:RBDHA:2019:11096; Hof Den Haag 7 juli 2020, "
    "ECLI:NL:GHDHA:2020:1120)"
)
REDENEN: Mapping[str, str] = {
    "den_haag_2020": (
        "Den Haag 2020 is een pgb-tarief, hier teruggerekend naar natura (75 %) en geïndexeerd; de "
        "categorieën 1 tot en met 3 vallen niet samen met licht, middel en zwaar (een aanname), en het is " + _RECHTER
    ),
    "holland_rijnland_2024": (
        "een pgb-maximum van een andere regio, zonder categorie: het ligt onder het tarief in natura, maar "
        "het aandeel is niet gepubliceerd (elders 75 % tot 90 %), dus niet teruggerekend"
    ),
}
"""Why a published level can lie outside the band, per region and year of publication."""

AANNAMEGROEPEN: Mapping[str, str] = {
    "salaristrede_en_schaal": "salaristrede en schaal",
    "personeel": "personeel (ratio en mix)",
    "groepsgrootte": "groepsgrootte",
    "bezettingsgraad": "bezettingsgraad",
    "uren_en_voorbereiding": "uren per eenheid en voorbereiding",
    "productieve_uren": "productieve uren (verzuim, scholing, productiviteit)",
    "verlof_en_personeelskosten": "verlof en overige personeelskosten",
    "huisvesting_en_materieel": "huisvesting en materieel",
    "overhead": "overhead",
    "risico": "risico-opslag",
    "bedragen_vervoer": "bedragen vervoer",
}
"""The groups of assumptions the gap between the central and the low tariff is split over,
with their Dutch labels."""
_UIT_VERGELIJKING = {
    "salaris": "salaristrede_en_schaal",
    "personeel": "personeel",
    "groepsgrootte": "groepsgrootte",
    "bezetting": "bezettingsgraad",
    "uren": "uren_en_voorbereiding",
    "productiviteit": "productieve_uren",
    "cao": "verlof_en_personeelskosten",
    "huisvesting": "huisvesting_en_materieel",
    "overhead": "overhead",
    "risico": "risico",
    "bedragen": "bedragen_vervoer",
}


def aannamegroep(sleutel: str) -> str | None:
    """The assumption group of an input key (:data:`AANNAMEGROEPEN`): the groups of a comparison
    (:func:`tarieven.vergelijkingsuitvoer.groep_van`), with every function's salary in one group;
    None for an input that does not enter the tariff per client."""
    groep = groep_van(sleutel)
    return None if groep is None else _UIT_VERGELIJKING.get(groep.split(".", 1)[0])


SLUITERS: tuple[str, ...] = (
    "product.bezettingsgraad",
    "product.groepsgrootte",
    "product.ratio.kinderen_per_medewerker",
    "opslagen.overhead",
)
"""The assumptions solved for, one at a time (the others stay at their central value)."""


@dataclass(frozen=True)
class Niveaucheck:
    """The outcome of :func:`niveaucheck`.

    Attributes
    ----------
    prijsjaar
        The tariff year the products are priced on and the published levels indexed to.
    band
        One row per product (index: the code): ``centraal``, ``laag``, ``hoog`` (the tariff
        at each assumption set), ``gepubliceerd`` (the published level, in kind where the pgb
        share is known, at the price year), ``gepubliceerd_bron`` (its name and source),
        ``binnen_band`` (the published level between laag and hoog, in cents),
        ``rest_bedrag`` (outside the band: the published level minus the nearest end, else
        ``<NA>``) and ``rest_reden``.
    delen
        One row per product and assumption group: ``groep``, ``label`` and ``bedrag``, the
        Shapley part of ``laag − centraal`` in euros with whole cents that add up exactly to
        the difference of the rounded tariffs.
    niveaus
        One row per product: ``tarief`` (central), ``gepubliceerd``, ``verschil`` and
        ``verschil_relatief`` (central minus published), ``status`` (of the published level)
        and ``referentie`` (its name).
    sluiters
        One row per product and assumption: ``huidig`` (the central value), ``nodig`` (the
        value at which the central tariff alone equals the published level; ``<NA>`` when none
        in the allowed range does) and ``melding`` (why not, with the range that can be
        reached). The last row per product is the salary level: the factor on every monthly
        salary that closes the gap.
    referenties
        The published levels, each with :meth:`~tarieven.GepubliceerdTarief.uitleg`.
    index_aanname
        The assumed yearly index for years without a published one (None if none was used).
    """

    prijsjaar: int
    band: pd.DataFrame
    delen: pd.DataFrame
    niveaus: pd.DataFrame
    sluiters: pd.DataFrame
    referenties: Mapping[str, GepubliceerdTarief]
    index_aanname: float | None

    def naar_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"prijsjaar": ..., "producten": [...]}``, per product ``code``, ``centraal``,
        ``laag``, ``hoog``, ``gepubliceerd`` (euros rounded to cents, as numbers),
        ``gepubliceerd_bron``, ``binnen_band``, ``delen`` (group to euros) and ``rest`` (None, or
        ``{"bedrag": ..., "reden": "..."}``)."""
        producten = []
        for code, r in self.band.iterrows():
            delen = self.delen[self.delen["product"] == code]
            rest = None if r["binnen_band"] else {"bedrag": _geld(r["rest_bedrag"]), "reden": r["rest_reden"]}
            producten.append(
                {
                    "code": code,
                    **{k: _geld(r[k]) for k in ("centraal", "laag", "hoog", "gepubliceerd")},
                    "gepubliceerd_bron": r["gepubliceerd_bron"],
                    "binnen_band": bool(r["binnen_band"]),
                    "delen": {g: float(b) for g, b in zip(delen["groep"], delen["bedrag"], strict=True)},
                    "rest": rest,
                }
            )
        return {"prijsjaar": self.prijsjaar, "index_aanname": self.index_aanname, "producten": producten}


def _geld(x: Any) -> float:
    """An amount as a number of whole cents (half up), as a float for JSON."""
    return float(op_centen(float(x)))


def _referentie(naam: str, prijsjaar: int, index_aanname: float | None, params: Any) -> tuple[GepubliceerdTarief, str]:
    """The published level at the price year; missing index years filled by the stated assumption."""
    bekend = jaarindex(params)
    laatste = max(bekend)
    ontbrekend = [j for j in range(laatste + 1, prijsjaar + 1)]
    if not ontbrekend:
        g = gepubliceerd_tarief(naam, prijsjaar, params=params)
        return g, g.status
    if index_aanname is None:
        raise InvoerFout(
            [
                Probleem(
                    "prijsjaar",
                    prijsjaar,
                    f"een prijsjaar tot en met {laatste} (de laatste gepubliceerde jaarindex), of een jaarindex voor "
                    f"{', '.join(map(str, ontbrekend))}: in eigen parameters (vng_jaarindex in "
                    "gepubliceerde-tarieven.toml) of als uitdrukkelijke aanname (index_aanname=...)",
                )
            ]
        )
    g = gepubliceerd_tarief(naam, laatste, params=params)
    factor = (1.0 + index_aanname) ** len(ontbrekend)
    indexen = {**g.indexen, **dict.fromkeys(ontbrekend, index_aanname)}
    bedrag = g.bedrag * factor
    aanname = f"aanname: jaarindex {invoer(100 * index_aanname)} % voor {', '.join(map(str, ontbrekend))}"
    nieuw = GepubliceerdTarief(
        g.naam,
        g.label,
        g.eenheid,
        g.jaar,
        g.gepubliceerd,
        g.pgb,
        g.pgb_aandeel,
        g.natura,
        prijsjaar,
        indexen,
        g.indexfactor * factor,
        bedrag,
        "aanname",
        (*g.bronnen, aanname),
    )
    return nieuw, "aanname"


SALARISNIVEAU = "salarisniveau (alle maandsalarissen × factor)"
_FACTOREN = (0.25, 1.5)


def _salarisniveau(s: Scenario, code: str, doel: float) -> dict[str, Any]:
    """The factor on every monthly salary at which the tariff equals ``doel`` (bisection; the
    tariff rises with salaries), or why none from the statutory minimum wage (or 0,25) to 1,5 does."""
    sleutels = [k for k in s.waarden if k.endswith(".maandsalaris")]
    lo, hi = _FACTOREN
    if s.minimumuurloon is not None:  # no salary below the statutory minimum wage
        for k in sleutels:
            f = k.removesuffix(".maandsalaris")
            minimum = s.minimumuurloon[0] * s.waarden[f"{f}.uren_per_week"] * s.waarden[f"{f}.weken_per_jaar"] / 12
            lo = max(lo, minimum / s.waarden[k])

    def tarief(factor: float) -> float:
        regels = bereken_met(s, {k: s.waarden[k] * factor for k in sleutels}, ["tarief_per_client"])
        return float(regels["tarief_per_client"])

    t_lo, t_hi = tarief(lo), tarief(hi)
    rij: dict[str, Any] = {"product": code, "invoer": SALARISNIVEAU, "huidig": 1.0}
    if not t_lo <= doel <= t_hi:
        tekst = (
            f"een factor van {getal(lo, 3)} (het laagste salaris op het wettelijk minimumloon, of 0,25) tot "
            f"{getal(hi, 3)}; het tarief loopt daar van {euro(t_lo)} tot {euro(t_hi)}"
        )
        return rij | {"nodig": math.nan, "melding": tekst}
    for _ in range(100):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if tarief(mid) < doel else (lo, mid)
        if hi - lo < 1e-12:
            break
    return rij | {"nodig": (lo + hi) / 2, "melding": ""}


def _tarieven_vervoer(code: str, prijsjaar: int, params: Any) -> dict[str, float]:
    """The transport amount per assumption set: the mean over its categories (one level for all today)."""
    uit = {}
    for aannames in AANNAMESETS:
        bedragen = vervoersbedragen(tariefjaar=prijsjaar, params=params, aannames=aannames)[code]
        uit[aannames] = float(np.mean([b for b, _ in bedragen.values()]))
    return uit


def _delen(centraal: Scenario, laag: Scenario, tarief_laag: float) -> list[tuple[str, Decimal]]:
    """The Shapley parts of ``T(laag) − T(centraal)`` over the assumption groups whose inputs differ.

    Every coalition of groups is one scenario: the central inputs with the groups in it at their
    low reading. Both sides share their structure (the readings move numbers, never the shape of
    the calculation), so all ``2^k`` coalitions are one vectorised call of the model.
    """
    if centraal.structuur != laag.structuur:
        raise InvoerFout([Probleem("aannames", "laag", "lezingen die alleen getallen veranderen, niet de opbouw")])
    sleutels = {k: g for k in centraal.waarden if laag.waarden[k] != centraal.waarden[k] and (g := aannamegroep(k))}
    groepen = sorted(set(sleutels.values()))
    if not groepen:
        return []
    coalities = np.arange(1 << len(groepen))
    wissel = {
        k: np.where((coalities >> groepen.index(g)) & 1, laag.waarden[k], centraal.waarden[k])
        for k, g in sleutels.items()
    }
    t = np.broadcast_to(bereken_met(centraal, wissel, ["tarief_per_client"])["tarief_per_client"], coalities.shape)
    if not math.isclose(float(t[-1]), tarief_laag, rel_tol=1e-9):  # every reading that moves the tariff is in a group
        raise InvoerFout([Probleem("aannames", "laag", "een verdeling die optelt tot het tarief op de lage lezingen")])
    totaal = op_centen(tarief_laag) - op_centen(float(t[0]))
    delen = zip(groepen, centen_die_optellen(shapley_delen(t), totaal), strict=True)
    return sorted(delen, key=lambda d: (-abs(d[1]), d[0]))  # largest first


def _rest(laag: float, hoog: float, gepubliceerd: float, naam: str) -> tuple[bool, float | None, str]:
    """Inside the band (in cents), or the remainder beyond the nearest end and why."""
    g = op_centen(gepubliceerd)
    if op_centen(laag) <= g <= op_centen(hoog):
        return True, None, ""
    rand = laag if g < op_centen(laag) else hoog
    return False, gepubliceerd - rand, REDENEN.get(naam.split(".", 1)[0], "een niveau van een ander jaar en product")


def _band(
    code: str, ref: GepubliceerdTarief, prijsjaar: int, params: Any
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One product's row of the band and its parts."""
    if is_vervoer(code, params):
        t = _tarieven_vervoer(code, prijsjaar, params)
        delen: list[tuple[str, Decimal]] = []
    else:
        s = {a: lees_scenario(code, tariefjaar=prijsjaar, params=params, aannames=a) for a in AANNAMESETS}
        t = {a: bereken(s[a]).tarief for a in AANNAMESETS}
        delen = _delen(s["centraal"], s["laag"], t["laag"])
    binnen, rest, reden = _rest(t["laag"], t["hoog"], ref.bedrag, ref.naam)
    bron = f"{ref.kort()}; {ref.bronnen[0]}"
    rij = {
        "product": code,
        **t,
        "gepubliceerd": ref.bedrag,
        "gepubliceerd_bron": bron,
        "binnen_band": binnen,
        "rest_bedrag": rest,
        "rest_reden": reden,
    }
    return rij, [{"product": code, "groep": g, "label": AANNAMEGROEPEN[g], "bedrag": b} for g, b in delen]


def _sluiters(s: Scenario, code: str, ref: GepubliceerdTarief, sluiters: Sequence[str]) -> list[dict[str, Any]]:
    """Per assumption, the value at which the central tariff alone equals the published level."""
    rijen = []
    for sleutel in sluiters:
        if sleutel not in s.waarden:
            continue
        rij: dict[str, Any] = {"product": code, "invoer": sleutel, "huidig": s.waarden[sleutel]}
        try:
            x = doelzoek(s, sleutel, ref.bedrag, kies="kleinste", voorwaarde="hoogstens")
            rij |= {"nodig": float(x), "melding": ""}
        except InvoerFout as e:
            rij |= {"nodig": math.nan, "melding": e.problemen[0].verwacht}
        rijen.append(rij)
    return [*rijen, _salarisniveau(s, code, ref.bedrag)]


def niveaucheck(
    producten: Mapping[str, str] = VERGELIJKINGEN,
    *,
    prijsjaar: int | None = None,
    index_aanname: float | None = None,
    sluiters: Sequence[str] = SLUITERS,
    params: ParameterSet | None = None,
) -> Niveaucheck:
    """Each product's central tariff and band beside its published level (see the module docstring).

    Parameters
    ----------
    producten
        Product code to the published amount it is compared with (default: every product
        with a published comparable, :data:`VERGELIJKINGEN`).
    prijsjaar
        The tariff year: each tariff is time-weighted over it (``tariefjaar``), the published
        level indexed to it. Default: the last year with a published index.
    index_aanname
        The yearly index assumed for years after the last published one (a fraction, say
        0.04); without it a later price year is an error naming the missing years.
    sluiters
        The assumptions to solve for one at a time (default :data:`SLUITERS`).
    """
    import pandas as pd

    prijsjaar = max(jaarindex(params)) if prijsjaar is None else prijsjaar
    banden, delen, niveaus, rijen, refs = [], [], [], [], {}
    for code, naam in producten.items():
        ref, status = _referentie(naam, prijsjaar, index_aanname, params)
        refs[code] = ref
        rij, d = _band(code, ref, prijsjaar, params)
        banden.append(rij)
        delen += d
        tarief = rij["centraal"]
        niveaus.append(
            {
                "product": code,
                "tarief": tarief,
                "gepubliceerd": ref.bedrag,
                "verschil": tarief - ref.bedrag,
                "verschil_relatief": tarief / ref.bedrag - 1.0,
                "status": status,
                "referentie": naam,
            }
        )
        if not is_vervoer(code, params):
            rijen += _sluiters(lees_scenario(code, tariefjaar=prijsjaar, params=params), code, ref, sluiters)
    sl = pd.DataFrame(rijen, columns=["product", "invoer", "huidig", "nodig", "melding"])
    sl["nodig"] = sl["nodig"].astype("Float64").mask(sl["nodig"].isna())  # not reachable: <NA>, never NaN
    band = pd.DataFrame(banden).set_index("product")
    band["rest_bedrag"] = band["rest_bedrag"].astype("Float64")
    return Niveaucheck(
        prijsjaar,
        band,
        pd.DataFrame(delen, columns=["product", "groep", "label", "bedrag"]),
        pd.DataFrame(niveaus).set_index("product"),
        sl,
        refs,
        index_aanname,
    )
