"""tarieven: transparent, tested calculation of reële tarieven for youth-care group products.

The method (personnel cost per FTE, productive hours, one unit of a group, overhead and
risk, the tariff; indexation; transport) as vectorised numpy functions, fed by validated
scenarios and returning results that explain every euro.

Quick start::

    import tarieven
    u = tarieven.bereken("41A22")             # a product, a scenario file, or a dict
    u.tarief                                  # float, EUR per client per unit
    print(u.uitleg())                         # every line, formula and input
    u.to_frame()                              # pandas
    u.rapport("rapport.pdf")                  # the report for the negotiating table (or .html)
    tarieven.verken("41A22")                  # in JupyterLab: controls, the tariff and its waterfall

Names are loaded when first used, so ``import tarieven`` stays light (no pandas, no pint,
no matplotlib until something needs them).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from tarieven._versie import __version__

if TYPE_CHECKING:
    from tarieven import analyse
    from tarieven.batch import bereken_tabel
    from tarieven.catalogus import producten
    from tarieven.eigenparameters import laad_parameters
    from tarieven.fouten import CODES, InvoerFout, OnbekendeNaam, Probleem, TarievenFout, TypeFout, Waarschuwing
    from tarieven.gepubliceerd import gepubliceerd_tarief, gepubliceerde_tarieven
    from tarieven.indexcijfers import indexeer, vng_indexaties
    from tarieven.inlezen import lees_scenario
    from tarieven.model import RegelDefinitie, Structuur, regeldefinities
    from tarieven.model import bereken as bereken_regels
    from tarieven.overzicht import productoverzicht, vervoersbedragen
    from tarieven.parameterbestanden import laad_map, standaard_parameters
    from tarieven.parameters import Herkomst, ParameterSet
    from tarieven.scenario import Scenario
    from tarieven.sjabloon import schrijf_sjabloon
    from tarieven.uitkomst import Regel, Uitkomst, bereken
    from tarieven.vergelijking import Vergelijking, vergelijk
    from tarieven.verkenner import Verkenner, verken
    from tarieven.vervoer import vervoerscategorie
    from tarieven.voorbeeldmap import voorbeeld, voorbeelden

__all__ = [
    # compute
    "bereken",
    "lees_scenario",
    "Scenario",
    "Uitkomst",
    "Regel",
    "Herkomst",
    "bereken_tabel",
    "vergelijk",
    "Vergelijking",
    "schrijf_sjabloon",
    "verken",
    "Verkenner",
    # the catalogue and parameters
    "producten",
    "productoverzicht",
    "vervoersbedragen",
    "vervoerscategorie",
    "standaard_parameters",
    "laad_parameters",
    "laad_map",
    "ParameterSet",
    "indexeer",
    "vng_indexaties",
    "gepubliceerd_tarief",
    "gepubliceerde_tarieven",
    "voorbeeld",
    "voorbeelden",
    # analyses
    "analyse",
    # the vectorised core, for integrators
    "bereken_regels",
    "regeldefinities",
    "RegelDefinitie",
    "Structuur",
    # errors
    "TarievenFout",
    "InvoerFout",
    "OnbekendeNaam",
    "Probleem",
    "Waarschuwing",
    "TypeFout",
    "CODES",
    "__version__",
]

_WAAR: dict[str, tuple[str, str]] = {
    "bereken": ("tarieven.uitkomst", "bereken"),
    "Uitkomst": ("tarieven.uitkomst", "Uitkomst"),
    "Regel": ("tarieven.uitkomst", "Regel"),
    "lees_scenario": ("tarieven.inlezen", "lees_scenario"),
    "Scenario": ("tarieven.scenario", "Scenario"),
    "Herkomst": ("tarieven.parameters", "Herkomst"),
    "ParameterSet": ("tarieven.parameters", "ParameterSet"),
    "bereken_tabel": ("tarieven.batch", "bereken_tabel"),
    "vergelijk": ("tarieven.vergelijking", "vergelijk"),
    "Vergelijking": ("tarieven.vergelijking", "Vergelijking"),
    "schrijf_sjabloon": ("tarieven.sjabloon", "schrijf_sjabloon"),
    "verken": ("tarieven.verkenner", "verken"),
    "Verkenner": ("tarieven.verkenner", "Verkenner"),
    "producten": ("tarieven.catalogus", "producten"),
    "productoverzicht": ("tarieven.overzicht", "productoverzicht"),
    "vervoersbedragen": ("tarieven.overzicht", "vervoersbedragen"),
    "vervoerscategorie": ("tarieven.vervoer", "vervoerscategorie"),
    "standaard_parameters": ("tarieven.parameterbestanden", "standaard_parameters"),
    "laad_parameters": ("tarieven.eigenparameters", "laad_parameters"),
    "laad_map": ("tarieven.parameterbestanden", "laad_map"),
    "indexeer": ("tarieven.indexcijfers", "indexeer"),
    "vng_indexaties": ("tarieven.indexcijfers", "vng_indexaties"),
    "gepubliceerd_tarief": ("tarieven.gepubliceerd", "gepubliceerd_tarief"),
    "gepubliceerde_tarieven": ("tarieven.gepubliceerd", "gepubliceerde_tarieven"),
    "voorbeeld": ("tarieven.voorbeeldmap", "voorbeeld"),
    "voorbeelden": ("tarieven.voorbeeldmap", "voorbeelden"),
    "bereken_regels": ("tarieven.model", "bereken"),
    "regeldefinities": ("tarieven.model", "regeldefinities"),
    "RegelDefinitie": ("tarieven.model", "RegelDefinitie"),
    "Structuur": ("tarieven.model", "Structuur"),
    "TarievenFout": ("tarieven.fouten", "TarievenFout"),
    "InvoerFout": ("tarieven.fouten", "InvoerFout"),
    "OnbekendeNaam": ("tarieven.fouten", "OnbekendeNaam"),
    "Probleem": ("tarieven.fouten", "Probleem"),
    "Waarschuwing": ("tarieven.fouten", "Waarschuwing"),
    "TypeFout": ("tarieven.fouten", "TypeFout"),
    "CODES": ("tarieven.fouten", "CODES"),
}


if not TYPE_CHECKING:  # a type checker sees the names imported above, never a catch-all

    def __getattr__(naam: str) -> Any:
        if naam == "analyse":
            return importlib.import_module("tarieven.analyse")
        if naam in _WAAR:
            module, attribuut = _WAAR[naam]
            waarde = getattr(importlib.import_module(module), attribuut)
            globals()[naam] = waarde  # once loaded, a plain attribute
            return waarde
        raise AttributeError(f"module 'tarieven' has no attribute {naam!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
