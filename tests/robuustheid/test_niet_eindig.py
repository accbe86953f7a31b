"""Issue 11, class 3: no NaN or infinity reaches a user, a CSV or a JSON.

A single calculation, a grid, a Monte Carlo run, a sensitivity analysis and an indexation
either give finite numbers or one error that names the line and the inputs that broke it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import tarieven
from tarieven import InvoerFout, analyse

from ._hulp import fout_van_opdracht, gewijzigd, opdracht, schrijf


def strikte_json(tekst: str) -> Any:
    """JSON that refuses NaN and Infinity, as a strict consumer (a browser, a database) would."""

    def weiger(letterlijk: str) -> Any:
        raise AssertionError(f"{letterlijk} in de JSON")

    return json.loads(tekst, parse_constant=weiger)


# -- a single calculation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pad", "waarde", "regel"),
    [
        ("product__materieel_per_client", 1e308, "materieel"),  # 1e308 × 10 × 0,85 overflows
        ("functies__mbo__vakantietoeslag_minimum", 1e308, "jaarloon.mbo"),
    ],
)
def test_overloop_is_een_fout_die_de_regel_noemt(
    g1: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str], pad: str, waarde: float, regel: str
) -> None:
    bestand = schrijf(tmp_path / "s.json", json.dumps(gewijzigd(g1, **{pad: waarde})))
    code, uit, err = opdracht(capsys, "bereken", str(bestand), "--formaat", "json")
    assert code == 2
    assert uit == ""  # nothing half written, no "Infinity"
    assert f"{regel} = inf: verwacht een eindige uitkomst; de invoer geeft geen getal in" in err
    assert "Warning" not in err


# -- indexation -------------------------------------------------------------------------------


@pytest.mark.parametrize(("tarief", "getoond"), [("nan", "nan"), ("inf", "inf"), ("-100", "-100.0"), ("0", "0.0")])
def test_indexeren_van_een_tarief_dat_geen_tarief_is(
    capsys: pytest.CaptureFixture[str], tarief: str, getoond: str
) -> None:
    """``tarieven indexeer nan`` used to print '€ geen getal' with exit 0 (and a traceback in JSON)."""
    bericht = fout_van_opdracht(capsys, "indexeer", tarief, "--van", "2024", "--naar", "2025", "--formaat", "json")
    assert bericht.startswith(
        f"tarieven: Ongeldige invoer: tarief = {getoond}: verwacht een tarief in euro groter dan 0"
    )


def test_indexeren_in_de_api() -> None:
    with pytest.raises(InvoerFout, match=r"tarief = 'veel': verwacht een tarief in euro groter dan 0; 'veel' is geen"):
        tarieven.indexeer("veel", 2024, 2025)  # type: ignore[arg-type]
    # text with a unit is read like any amount; g6-like: 100 in 2024 is 104,957 in 2025 (4,957 %)
    assert tarieven.indexeer("100 EUR", 2024, 2025)[1].tarief == pytest.approx(104.957, abs=1e-9)  # type: ignore[arg-type]


# -- grids, Monte Carlo, sensitivity -------------------------------------------------------------


def test_rooster_met_een_overloop_noemt_het_scenario(g1: dict[str, Any]) -> None:
    with pytest.raises(InvoerFout) as e:
        analyse.rooster(g1, {"product.groepsgrootte": [8, 10], "product.materieel_per_client": [3.5, 1e308]})
    bericht = str(e.value)
    assert "materieel = inf: verwacht een eindige uitkomst in elk scenario" in bericht
    # the first scenario without a number: group of 8 with 1e308 material per client
    assert "geen getal bij product.groepsgrootte = 8; product.materieel_per_client = 1e+308" in bericht


def test_rooster_met_nan_noemt_het_scenario(g1: dict[str, Any]) -> None:
    """An overhead mark-up of 1e308 makes the tariff infinite and its share inf − inf = NaN."""
    d = gewijzigd(g1, opslagen__overhead_grondslag="opslag_op_kostprijs")
    with pytest.raises(InvoerFout, match=r"met_overhead = inf: .* geen getal bij opslagen\.overhead = 1e\+308"):
        analyse.rooster(d, {"opslagen.overhead": [0.25, 1e308]})


def test_monte_carlo_met_een_overloop(g1: dict[str, Any]) -> None:
    with pytest.raises(InvoerFout) as e:
        analyse.monte_carlo(g1, {"product.materieel_per_client": analyse.Uniform(1e307, 1e308)}, 50, seed=1)
    assert "materieel = inf: verwacht een eindige uitkomst in elk scenario; geen getal bij" in str(e.value)
    assert "product.materieel_per_client = " in str(e.value)


def test_gevoeligheid_met_een_overloop(g1: dict[str, Any]) -> None:
    with pytest.raises(InvoerFout, match=r"eindige uitkomst in elk scenario; geen getal bij product\.materieel_per"):
        analyse.gevoeligheid(
            g1, ["product.materieel_per_client"], bereiken={"product.materieel_per_client": (0.0, 1e308)}
        )


