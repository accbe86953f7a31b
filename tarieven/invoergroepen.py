"""The groups of inputs a difference in the tariff is split over: salary per function, staff,
occupancy, hours, housing, overhead, risk, the CAO's terms, transport.

:func:`groep_van` says which group an input key belongs to (None for an input that does not
enter the tariff per client); :func:`groeplabel` its Dutch label. The comparison
(:mod:`tarieven.vergelijking`) and the level check (:mod:`tarieven.analyse.niveau`) split by
these groups.
"""

from __future__ import annotations

__all__ = ["GROEPEN", "groep_van", "groeplabel"]


GROEPEN: dict[str, str] = {
    "salaris": "salaris {f}",
    "personeel": "personeel en ratio",
    "groepsgrootte": "groepsgrootte",
    "bezetting": "bezettingsgraad",
    "uren": "uren per eenheid (duur, extra, indirect, cliënttijd)",
    "huisvesting": "huisvesting en materieel",
    "overhead": "overhead",
    "risico": "risico-opslag",
    "cao": "CAO-factoren (toeslagen, werkgeverslasten, arbeidsduur, verlof, overige personeelskosten)",
    "productiviteit": "verzuim, scholing en productiviteit",
    "vervoer": "afstand en vervoersvorm",
    "bedragen": "bedragen per vervoerscategorie",
}
"""The groups of inputs a difference is split over, with their Dutch labels (``{f}``: the
function of a salary)."""

_PRODUCT = {
    "groepsgrootte": "groepsgrootte",
    "bezettingsgraad": "bezetting",
    "duur_uur": "uren",
    "extra_uur": "uren",
    "indirect_uur": "uren",
    "client_uur": "uren",
    "client_uur_per_traject": "uren",
    "sessies_per_traject": "uren",
    "huisvesting_jaar": "huisvesting",
    "eenheden_per_jaar": "huisvesting",
    "materieel_per_client": "huisvesting",
    "personeel": "personeel",
    "ratio": "personeel",
    "afstand_km": "vervoer",
    "vorm": "vervoer",
    "bedrag": "bedragen",
}
_FUNCTIE = {
    "maandsalaris": "salaris",
    "verzuim": "productiviteit",
    "scholingsuren": "productiviteit",
    "productiviteit": "productiviteit",
}
_FUNCTIE_CAO = frozenset(
    {
        "vakantietoeslag",
        "vakantietoeslag_minimum",
        "eindejaarsuitkering",
        "werkgeverslasten",
        "uren_per_week",
        "weken_per_jaar",
        "verlofuren",
        "overige_personeelskosten",
    }
)


def groep_van(sleutel: str) -> str | None:
    """The group of an input key (``salaris.mbo``, ``personeel``, ...), or None for an input
    that does not enter the tariff per client (a name, a description, the planned units per
    week that only the tariff per week uses)."""
    delen = sleutel.split(".")
    if delen[0] == "functies" and len(delen) == 3:
        if delen[2] in _FUNCTIE:
            groep = _FUNCTIE[delen[2]]
            return f"salaris.{delen[1]}" if groep == "salaris" else groep
        return "cao" if delen[2] in _FUNCTIE_CAO else None
    if delen[0] == "werkgeverslasten":
        return "cao"
    if delen[0] == "product" and len(delen) >= 2:
        return _PRODUCT.get(delen[1])
    if sleutel == "opslagen.risico_opslag":
        return "risico"
    if sleutel in ("opslagen.overhead", "opslagen.overhead_grondslag"):
        return "overhead"
    return None


def groeplabel(groep: str) -> str:
    """The Dutch label of a group: ``salaris.mbo`` -> ``salaris mbo``."""
    soort, _, f = groep.partition(".")
    return GROEPEN[soort].format(f=f)
