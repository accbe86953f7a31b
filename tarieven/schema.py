"""JSON Schemas of the scenario file and the result file, generated from the definitions.

For tools that write scenarios or read results: :func:`scenario_schema` follows the field
registry (:mod:`tarieven.velden`: every key, its unit, range and choices) and
:func:`uitkomst_schema` the breakdown lines (:mod:`tarieven.model`). Nothing here lists a
field or a line by hand, so the schemas cannot drift from what the package reads and
writes. The generated files are published as ``docs/schema/*.schema.json`` (a test keeps
them current)::

    python -m tarieven.schema docs/schema
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

from tarieven._versie import __version__
from tarieven.model import ALLE_STRUCTUREN, regeldefinities
from tarieven.parameters import STATUSSEN
from tarieven.velden import VELDEN, Veld, veld
from tarieven.weergave import is_geld

__all__ = ["scenario_schema", "schrijf", "uitkomst_schema"]

_ID = "https://github.com/tarieven/tarieven/docs/schema"

GETAL_MET_EENHEID = r"^\s*[-+]?(\d[\d.,]*|[.,]\d+)([eE][-+]?\d+)?(\s*\S.*)?\s*$"
"""A number written as text starts with a number (``"3250 EUR/maand"``, ``"85 %"``, ``"12"``):
``"acht"`` is refused by the schema already; whether the unit fits the field only the reader can
tell (:mod:`tarieven.eenheden`)."""


def _getal(v: Veld) -> dict[str, Any]:
    getal: dict[str, Any] = {"type": "integer" if v.geheel else "number"}
    if v.bereik is not None:
        if math.isfinite(v.bereik.laag):
            getal["minimum" if v.bereik.laag_mee else "exclusiveMinimum"] = v.bereik.laag
        if math.isfinite(v.bereik.hoog):
            getal["maximum" if v.bereik.hoog_mee else "exclusiveMaximum"] = v.bereik.hoog
    met_eenheid = {
        "type": "string",
        "pattern": GETAL_MET_EENHEID,
        "description": f"een getal met eenheid, omgerekend naar {v.eenheid}",
    }
    keuzes = [{"const": k} for k in v.keuzes]
    return {"anyOf": [getal, met_eenheid, *keuzes]}


def _veld(v: Veld) -> dict[str, Any]:
    if v.soort == "getal":
        uit = _getal(v)
    elif v.soort == "tekst" and v.keuzes:
        uit = {"enum": list(v.keuzes)}
    elif v.soort == "datum":
        uit = {"type": "string", "format": "date"}
    elif v.soort == "jaar":
        uit = {"type": "integer", "minimum": 1900, "maximum": 2999}
    elif v.soort == "lijst":
        uit = {"type": "array", "items": {"type": "string"}}
    elif v.sleutel.endswith((".schaal", ".trede")):
        uit = {"type": ["string", "integer"]}
    else:
        uit = {"type": "string"}
    uit["description"] = v.omschrijving.replace("{f}", "<naam>")
    if v.soort == "getal" and v.eenheid not in ("", "1"):
        uit["x-eenheid"] = v.eenheid
    return uit


_PERSONEEL = {
    "type": "array",
    "minItems": 1,
    "description": "direct personeel per functie: [{functie, aantal}, ...]; óf dit óf ratio",
    "items": {
        "type": "object",
        "required": ["functie", "aantal"],
        "additionalProperties": False,
        "properties": {"functie": {"type": "string"}, "aantal": {"type": "number", "minimum": 0}},
    },
}


def _tabel() -> dict[str, Any]:
    return {"type": "object", "properties": {}, "additionalProperties": False}


def _knoop(doel: dict[str, Any], deel: str) -> dict[str, Any]:
    """The sub-table ``deel`` of a table; ``*`` is a table of names the user chooses."""
    if deel == "*":
        if not isinstance(doel.get("additionalProperties"), dict):
            doel["additionalProperties"] = _tabel()
        knoop: dict[str, Any] = doel["additionalProperties"]
        return knoop
    knoop = doel["properties"].setdefault(deel, _tabel())
    return knoop


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a scenario file, from the field registry."""
    wortel = _tabel()
    for sleutel, v in VELDEN.items():
        *pad, blad = sleutel.split(".")
        doel = wortel
        for deel in pad:
            doel = _knoop(doel, deel)
        if blad == "*":
            doel["additionalProperties"] = _veld(v)
        else:
            doel["properties"][blad] = _veld(v)
    wortel["properties"]["product"]["properties"]["personeel"] = _PERSONEEL
    wortel["properties"]["verwacht"] = {"type": "object", "description": "verwachte uitkomsten (wordt overgeslagen)"}
    wortel["if"] = {"not": {"required": ["basis"]}}  # without a product to build on, the scenario is complete
    wortel["then"] = {"anyOf": [_compleet_groep(), _compleet_vervoer()]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{_ID}/scenario.schema.json",
        "title": f"Scenario voor tarieven {__version__}",
        "description": "Een scenario: functies, product en opslagen, of een basisproduct met wijzigingen. "
        "Getallen kaal in de eenheid van het veld (x-eenheid) of als tekst met eenheid.",
        **wortel,
    }


def _verplicht(prefix: str) -> list[str]:
    """The keys directly under ``prefix`` that a complete scenario must give (the registry's ``verplicht``)."""
    return [
        k.removeprefix(prefix)
        for k, v in VELDEN.items()
        if v.verplicht and k.startswith(prefix) and "." not in k.removeprefix(prefix)
    ]


def _compleet_groep() -> dict[str, Any]:
    """A group product without ``basis``: functions, product and mark-ups, each with its required keys.
    A function given by ``functie`` or by ``cao`` (scale and step) takes its numbers from the tables."""
    functie = {"anyOf": [{"required": _verplicht("functies.*.")}, {"required": ["functie"]}, {"required": ["cao"]}]}
    return {
        "required": ["functies", "product", "opslagen"],
        "properties": {
            "functies": {"minProperties": 1, "additionalProperties": functie},
            "product": {
                "required": _verplicht("product."),
                "oneOf": [{"required": ["ratio"]}, {"required": ["personeel"]}],
            },
            "opslagen": {"required": _verplicht("opslagen.")},
        },
    }


def _compleet_vervoer() -> dict[str, Any]:
    """Transport without ``basis``: the mode, the distance and the amount of every category."""
    return {
        "required": ["product"],
        "properties": {"product": {"required": ["vorm", "afstand_km", "bedrag"]}},
    }


_GELD = {"type": "string", "pattern": r"^-?\d+\.\d{2}$", "description": "bedrag in hele centen, half naar boven"}


def uitkomst_schema() -> dict[str, Any]:
    """The JSON Schema of a result file (``tarieven bereken --formaat json``), from the line definitions."""
    regels: dict[str, Any] = {}
    for s in ALLE_STRUCTUREN:
        for d in regeldefinities(s):
            waarde = dict(_GELD) if is_geld(d.eenheid) else {"type": "number"}
            wortel, _, rest = d.naam.partition(".")
            if rest:  # per function (uurkosten.mbo) or a group (opbouw.materieel)
                groep = regels.setdefault(wortel, {"type": "object", "properties": {}})
                if wortel == "opbouw":
                    groep["properties"][rest] = {**waarde, "description": d.omschrijving}
                    groep["additionalProperties"] = False
                else:
                    per_functie = f"{d.omschrijving.rsplit(' ', 1)[0]} per functie"
                    groep["additionalProperties"] = {**waarde, "description": per_functie}
            else:
                regels.setdefault(
                    wortel, {**waarde, "description": d.omschrijving.replace(" per dagdeel", " per eenheid")}
                )
    for groep in regels.values():
        if groep.get("type") == "object" and not groep["properties"]:
            del groep["properties"]
    meta = {
        "tarieven_versie": {"type": "string"},
        "invoer_hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "bron": {"type": "string"},
        "eenheid": {"type": "string"},
        "peildatum": {"type": ["string", "null"], "format": "date"},
        "tariefjaar": {"type": ["integer", "null"]},
        "aannames": {
            "enum": list(veld("aannames").keuzes),
            "description": "de set waarop elke aanname met lezingen is gelezen (laag, centraal of hoog)",
        },
        "onzekere_invoer": {"type": "object", "additionalProperties": {"enum": ["indicatief", "aanname"]}},
        "waarschuwingen": {"type": "array", "items": {"type": "string"}},
        "geprojecteerde_invoer": {"type": "array", "items": {"type": "string"}},
        "parameterset_hash": {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$"},
        "eigen_invoer": {"type": "object", "description": "de eigen invoer van de gebruiker, zoals opgegeven"},
        "invoer": {
            "type": "object",
            "description": "elke invoer zoals gebruikt: waarde in de eenheid van het veld, met herkomst, "
            "status, bron en datum",
            "additionalProperties": {
                "type": "object",
                "required": ["waarde"],
                "properties": {
                    "waarde": {"type": ["number", "string", "object", "boolean", "null"]},
                    "eenheid": {"type": "string"},
                    "herkomst": {"type": "string"},
                    "status": {"enum": [*STATUSSEN, None]},
                    "bron": {"type": ["string", "null"]},
                    "vanaf": {"type": ["string", "null"], "format": "date"},
                    "geprojecteerd": {"type": "boolean"},
                    "lezing": {
                        "enum": list(veld("aannames").keuzes),
                        "description": "de lezing van een aanname met lezingen (laag, centraal of hoog)",
                    },
                },
                "additionalProperties": False,
            },
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{_ID}/uitkomst.schema.json",
        "title": f"Uitkomst van tarieven {__version__}",
        "description": "Het tarief en elke regel van de opbouw; bedragen als tekst in hele centen, andere regels "
        "als getal.",
        "type": "object",
        "required": [*meta, "tarief_per_client"],
        "properties": {**meta, **regels},
        "additionalProperties": False,
    }


def schrijf(map_: str | Path) -> list[Path]:
    """Write both schemas into a folder; returns the files."""
    map_ = Path(map_)
    map_.mkdir(parents=True, exist_ok=True)
    uit = []
    for naam, schema in (("scenario", scenario_schema()), ("uitkomst", uitkomst_schema())):
        pad = map_ / f"{naam}.schema.json"
        pad.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        uit.append(pad)
    return uit


if __name__ == "__main__":  # pragma: no cover
    for pad in schrijf(sys.argv[1] if len(sys.argv) > 1 else "docs/schema"):
        print(pad)
