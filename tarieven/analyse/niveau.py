"""Level check: the bundled tariffs beside a published level, and which assumption carries the gap.

A bundled tariff rests on assumptions (occupancy, group size, staff ratio, overhead). Put
beside the nearest published level for the region (Den Haag 2020: dagbesteding categories
1 to 3, in kind, indexed to the price year), the question is not only how large the gap
is, but which single assumption would close it: :func:`niveaucheck` solves, per product and
per assumption, the value at which the bundled tariff equals the published level (goal
seek), and says when no value in the field's allowed range reaches it.

The published level is brought to the price year by chaining the published yearly index
(:func:`tarieven.gepubliceerd_tarief`). A year without a published index is an error,
unless the caller states an assumption for it (``index_aanname``), which the result then
names; or the user gives the year's index in their own parameters.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tarieven.analyse._gemeen import bereken_met
from tarieven.analyse.doelzoeken import doelzoek
from tarieven.fouten import InvoerFout, Probleem
from tarieven.gepubliceerd import GepubliceerdTarief, gepubliceerd_tarief, jaarindex
from tarieven.inlezen import lees_scenario
from tarieven.parameters import ParameterSet
from tarieven.scenario import Scenario
from tarieven.uitkomst import bereken
from tarieven.weergave import euro, getal, invoer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DEN_HAAG_DAGBESTEDING", "SLUITERS", "Niveaucheck", "niveaucheck"]

DEN_HAAG_DAGBESTEDING: Mapping[str, str] = {
    "41A22": "den_haag_2020.pgb.dagbesteding_categorie_1",
    "41A23": "den_haag_2020.pgb.dagbesteding_categorie_2",
    "41A24": "den_haag_2020.pgb.dagbesteding_categorie_3",
}
"""The published level each dagbesteding product is compared with. That Den Haag's categories
1 to 3 match licht, middel and zwaar is an assumption: the product descriptions differ."""

SLUITERS: tuple[str, ...] = (
    "product.bezettingsgraad",
    "product.groepsgrootte",
    "product.ratio.kinderen_per_medewerker",
    "opslagen.overhead",
)
"""The assumptions solved for, one at a time (the others stay at their bundled value)."""


@dataclass(frozen=True)
class Niveaucheck:
    """The outcome of :func:`niveaucheck`.

    Attributes
    ----------
    niveaus
        One row per product: ``tarief`` (bundled), ``gepubliceerd`` (the published level in
        kind at the price year), ``verschil`` and ``verschil_relatief`` (bundled minus published),
        ``status`` (of the published level) and ``referentie`` (its name).
    sluiters
        One row per product and assumption: ``huidig`` (the bundled value), ``nodig`` (the
        value at which the bundled tariff equals the published level; ``<NA>`` when none in the
        allowed range does) and ``melding`` (why not, with the range that can be reached).
        The last row per product is the salary level: the factor on every monthly salary
        (the bundled ones are the top step of their scale) that closes the gap.
    referenties
        The published levels, each with :meth:`~tarieven.GepubliceerdTarief.uitleg`.
    index_aanname
        The assumed yearly index for years without a published one (None if none was used).
    """

    niveaus: pd.DataFrame
    sluiters: pd.DataFrame
    referenties: Mapping[str, GepubliceerdTarief]
    index_aanname: float | None


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
        g.naam, g.label, g.eenheid, g.jaar, g.gepubliceerd, g.pgb, g.pgb_aandeel, g.natura, prijsjaar, indexen,
        g.indexfactor * factor, bedrag, "aanname", (*g.bronnen, aanname),
    )  # fmt: skip
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


def niveaucheck(
    producten: Mapping[str, str] = DEN_HAAG_DAGBESTEDING,
    *,
    prijsjaar: int = 2025,
    index_aanname: float | None = None,
    sluiters: Sequence[str] = SLUITERS,
    params: ParameterSet | None = None,
) -> Niveaucheck:
    """The bundled tariffs of ``producten`` beside their published level, and what closes each gap.

    Parameters
    ----------
    producten
        Product code to the published amount it is compared with (default: dagbesteding
        licht, middel, zwaar against Den Haag 2020 categories 1, 2, 3).
    prijsjaar
        The tariff year: the bundled tariff is time-weighted over it (``tariefjaar``), the
        published level indexed to it. Default 2025, the last year with a published index.
    index_aanname
        The yearly index assumed for years after the last published one (a fraction, say
        0.04); without it a later price year is an error naming the missing years.
    sluiters
        The assumptions to solve for (default :data:`SLUITERS`).
    """
    import pandas as pd

    niveaus, rijen, refs = [], [], {}
    for code, naam in producten.items():
        ref, status = _referentie(naam, prijsjaar, index_aanname, params)
        refs[code] = ref
        s = lees_scenario(code, tariefjaar=prijsjaar, params=params)
        tarief = bereken(s).tarief
        niveaus.append({"product": code, "tarief": tarief, "gepubliceerd": ref.bedrag, "verschil": tarief - ref.bedrag,
                        "verschil_relatief": tarief / ref.bedrag - 1.0, "status": status,
                        "referentie": naam})  # fmt: skip
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
        rijen.append(_salarisniveau(s, code, ref.bedrag))
    sl = pd.DataFrame(rijen, columns=["product", "invoer", "huidig", "nodig", "melding"])
    sl["nodig"] = sl["nodig"].astype("Float64").mask(sl["nodig"].isna())  # not reachable: <NA>, never NaN
    return Niveaucheck(pd.DataFrame(niveaus).set_index("product"), sl, refs, index_aanname)
