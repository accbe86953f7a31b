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


# -- the schema says what a schema can; the validator refuses at least that ---------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@pytest.mark.parametrize(
    "wijzig",
    [
        lambda d: d.clear(),  # {}: nothing to build on and nothing given
        lambda d: d["opslagen"].pop("overhead_grondslag"),
        lambda d: d["product"].update(groepsgrootte="acht"),
        lambda d: d["product"].pop("ratio"),  # neither ratio nor personeel
        lambda d: d["functies"]["mbo"].pop("maandsalaris"),  # no salary, no functie or cao to find one
    ],
    ids=["leeg", "geen-grondslag", "acht", "geen-personeel", "geen-salaris"],
)
def test_schema_weigert_een_onvolledig_scenario(g1: dict[str, Any], wijzig: Any) -> None:
    wijzig(g1)
    assert not jsonschema.Draft202012Validator(scenario_schema()).is_valid(g1)
    with pytest.raises(tarieven.InvoerFout):
        tarieven.bereken(g1)


def test_met_basis_hoeft_niets() -> None:
    assert jsonschema.Draft202012Validator(scenario_schema()).is_valid({"basis": "41A22"})


_SLEUTELS = [
    ("product", "groepsgrootte"),
    ("product", "bezettingsgraad"),
    ("product", "eenheid"),
    ("product", "ratio"),
    ("opslagen", "overhead"),
    ("opslagen", "overhead_grondslag"),
    ("functies", "mbo"),
    ("functies",),
    ("product",),
    ("opslagen",),
]
_WAARDEN = ["acht", "12", "85 %", "3250 EUR/maand", -1, 0, 1.5, 8.5, 1e308, None, [], {}, True, "", "dagdeel"]


@given(
    st.lists(
        st.tuples(st.sampled_from(_SLEUTELS), st.one_of(st.just("weg"), st.sampled_from(_WAARDEN))),
        min_size=1,
        max_size=3,
    )
)
def test_de_lezer_weigert_alles_wat_het_schema_weigert(wijzigingen: list[tuple[tuple[str, ...], Any]]) -> None:
    """Random changes to a complete scenario: whenever the schema refuses it, so does the reader (the
    reader checks more; never less)."""
    d = lees_golden("g1-dagbesteding-licht.json")
    d.pop("verwacht")
    for pad, waarde in wijzigingen:
        doel = d
        for deel in pad[:-1]:
            doel = doel.setdefault(deel, {}) if isinstance(doel, dict) else {}
        if not isinstance(doel, dict):
            continue
        if waarde == "weg":
            doel.pop(pad[-1], None)
        else:
            doel[pad[-1]] = waarde
    if jsonschema.Draft202012Validator(scenario_schema()).is_valid(d):
        return
    with pytest.raises(tarieven.InvoerFout):
        tarieven.bereken(d)
