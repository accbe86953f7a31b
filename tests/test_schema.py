"""The published JSON Schemas (tarieven.schema): current, and true to what the package reads and writes."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import tarieven
from tarieven.schema import scenario_schema, uitkomst_schema

from .conftest import GOLDEN, SCENARIO_GOLDENS, lees_golden

DOCS = Path(__file__).parents[1] / "docs" / "schema"
VOORBEELDEN = sorted((Path(__file__).parents[1] / "voorbeelden").glob("*.toml"))


@pytest.mark.parametrize(("naam", "maak"), [("scenario", scenario_schema), ("uitkomst", uitkomst_schema)])
def test_gepubliceerd_schema_is_actueel(naam: str, maak: Any) -> None:
    """docs/schema holds exactly what the definitions generate (python -m tarieven.schema docs/schema)."""
    gepubliceerd = json.loads((DOCS / f"{naam}.schema.json").read_text(encoding="utf-8"))
    assert gepubliceerd == json.loads(json.dumps(maak()))
    jsonschema.Draft202012Validator.check_schema(gepubliceerd)


@pytest.mark.parametrize("bestand", SCENARIO_GOLDENS)
def test_golden_scenarios_passen_in_het_schema(bestand: str) -> None:
    jsonschema.validate(lees_golden(bestand), scenario_schema())


@pytest.mark.parametrize("pad", VOORBEELDEN, ids=lambda p: p.stem)
def test_voorbeelden_passen_in_het_schema(pad: Path) -> None:
    jsonschema.validate(tomllib.loads(pad.read_text(encoding="utf-8")), scenario_schema())


def test_scenario_met_basis_past_in_het_schema() -> None:
    jsonschema.validate(
        {"basis": "41A22", "product": {"groepsgrootte": 8}, "peildatum": "2027-01-01"}, scenario_schema()
    )


@pytest.mark.parametrize(
    ("wijzig", "pad"),
    [
        (lambda d: d["product"].update(huisvestings_jaar=1000), "huisvestings_jaar"),  # unknown key
        (lambda d: d["product"].update(bezettingsgraad=1.5), "bezettingsgraad"),  # out of range
        (lambda d: d["product"].update(eenheid="week"), "eenheid"),  # not a choice
        (lambda d: d["opslagen"].update(overhead_grondslag="percentage"), "overhead_grondslag"),
    ],
)
def test_schema_weigert_wat_de_lezer_weigert(g1: dict[str, Any], wijzig: Any, pad: str) -> None:
    wijzig(g1)
    with pytest.raises(jsonschema.ValidationError) as schema_fout:
        jsonschema.validate(g1, scenario_schema())
    plek = "/".join(str(x) for x in schema_fout.value.absolute_path)
    assert pad in plek or pad in schema_fout.value.message  # the key named, by path or in the message
    with pytest.raises(tarieven.InvoerFout, match=pad):  # and the reader says the same
        tarieven.bereken(g1)


@pytest.mark.parametrize("bestand", SCENARIO_GOLDENS)
def test_uitkomst_van_golden_past_in_het_schema(bestand: str) -> None:
    jsonschema.validate(json.loads(tarieven.bereken(GOLDEN / bestand).to_json()), uitkomst_schema())


@pytest.mark.parametrize("code", tarieven.producten())
def test_uitkomst_van_elk_product_past_in_het_schema(code: str) -> None:
    met = {"product.afstand_km": 12, "product.vorm": "groep"} if code == "42A03" else None
    u = tarieven.bereken(code, "2027-01-01", met=met)
    jsonschema.validate(json.loads(u.to_json()), uitkomst_schema())


def test_elk_veld_staat_in_docs_scenario() -> None:
    """The scenario format is documented in the project's own docs: every registry key has a row."""
    from tarieven.velden import VELDEN

    tekst = (Path(__file__).parents[1] / "docs" / "scenario.md").read_text(encoding="utf-8")
    ontbreekt = [k for k in VELDEN if f"| `{k}` |" not in tekst]
    assert not ontbreekt, f"zonder rij in docs/scenario.md: {ontbreekt}"
