"""Every breakdown line's expression, evaluated on its own, gives what the core computed.

The expressions are what the explanation shows and what a spreadsheet export will turn
into live formulas; this test makes sure they are the calculation, not a description.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

import tarieven
from tarieven.formule import evalueer, namen

from .conftest import GOLDEN, SCENARIO_GOLDENS, scenarios


def _controleer(u: tarieven.Uitkomst) -> None:
    waarden: dict[str, Any] = dict(u.scenario.waarden)
    for r in u:
        for naam in r.definitie.invoer:
            assert naam in waarden, f"{r.naam} leest {naam}, dat (nog) niet bestaat"
        assert evalueer(r.definitie.expressie, waarden) == pytest.approx(r.waarde, rel=1e-13, abs=1e-12), r.naam
        waarden[r.naam] = r.waarde


@pytest.mark.parametrize("bestand", SCENARIO_GOLDENS)
def test_expressies_golden(bestand: str) -> None:
    _controleer(tarieven.bereken(GOLDEN / bestand))


@given(scenarios())
def test_expressies_willekeurig(d: dict[str, Any]) -> None:
    _controleer(tarieven.bereken(d))


@given(scenarios(componenten=True))
def test_expressies_met_premies_en_pensioen(d: dict[str, Any]) -> None:
    _controleer(tarieven.bereken(d))


def test_namen_en_grammatica() -> None:
    assert namen("ceil(round(product.g / product.ratio.k, 9)) * uurkosten.mbo") == (
        "product.g",
        "product.ratio.k",
        "uurkosten.mbo",
    )
    assert evalueer("-a.b + 2 * (c - 1) / 4", {"a.b": 1.0, "c": 3.0}) == 0.0
    with pytest.raises(ValueError, match="niet toegestaan"):
        evalueer("a ** 2", {"a": 1.0})
    with pytest.raises(ValueError, match="onbekende functie"):
        evalueer("__import__('os')", {})
