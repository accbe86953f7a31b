"""Golden examples g1-g5 reproduced to the cent, each expected value its own test item,
via the Python API and via the command line's JSON."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

import tarieven
from tarieven.afronding import op_centen
from tarieven.cli import main

from .conftest import GOLDEN, SCENARIO_GOLDENS, lees_golden


def _verwachtingen() -> list[Any]:
    uit = []
    for naam in SCENARIO_GOLDENS:
        for sleutel, waarde in lees_golden(naam)["verwacht"].items():
            if isinstance(waarde, dict):
                for functie, w in waarde.items():
                    uit.append(pytest.param(naam, f"{sleutel}.{functie}", w, id=f"{naam[:2]}-{sleutel}.{functie}"))
            else:
                uit.append(pytest.param(naam, sleutel, waarde, id=f"{naam[:2]}-{sleutel}"))
    return uit


VERWACHT = _verwachtingen()


@pytest.fixture(scope="module")
def uitkomsten() -> dict[str, tarieven.Uitkomst]:
    return {naam: tarieven.bereken(GOLDEN / naam) for naam in SCENARIO_GOLDENS}


def test_alle_goldens_gevonden() -> None:
    assert len(SCENARIO_GOLDENS) == 6  # g1, g2, g3, g4 (twice), g5
    assert len(VERWACHT) >= 60


@pytest.mark.parametrize(("bestand", "sleutel", "verwacht"), VERWACHT)
def test_golden_api(uitkomsten: dict[str, tarieven.Uitkomst], bestand: str, sleutel: str, verwacht: str) -> None:
    assert op_centen(uitkomsten[bestand][sleutel]) == Decimal(verwacht)


_CLI_CACHE: dict[str, dict[str, Any]] = {}


def _cli(bestand: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    if bestand not in _CLI_CACHE:
        assert main(["bereken", str(GOLDEN / bestand), "--formaat", "json"]) == 0
        _CLI_CACHE[bestand] = json.loads(capsys.readouterr().out)
    return _CLI_CACHE[bestand]


@pytest.mark.parametrize(("bestand", "sleutel", "verwacht"), VERWACHT)
def test_golden_cli_json(capsys: pytest.CaptureFixture[str], bestand: str, sleutel: str, verwacht: str) -> None:
    waarde: Any = _cli(bestand, capsys)
    for deel in sleutel.split("."):
        waarde = waarde[deel]
    assert waarde == verwacht


def test_g4_naar_boven_en_exact_verschillen_alleen_in_personeel() -> None:
    """The two g4 files differ only in the rounding of 5 / 4 = 1.25 staff members."""
    boven = tarieven.bereken(GOLDEN / "g4-ratio-afronding-naar_boven.json")
    exact = tarieven.bereken(GOLDEN / "g4-ratio-afronding-exact.json")
    assert boven["medewerkers_totaal"] == 2
    assert exact["medewerkers_totaal"] == 1.25
    assert boven["personeel_direct"] / exact["personeel_direct"] == pytest.approx(2 / 1.25, rel=1e-15)
