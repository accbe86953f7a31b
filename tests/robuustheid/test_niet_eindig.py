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


@pytest.mark.parametrize(("uren", "beschikbaar"), [(1e-300, "-230.4"), (1e-3, "-230.4"), (4.0, "-36.4")])
def test_absurde_uren_per_week_geven_een_fout_geen_nan(
    g1: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str], uren: float, beschikbaar: str
) -> None:
    """Hours per week so low that leave, sickness and training exceed the contract: no hours left
    (it used to be a NaN tariff with exit code 0).

    By hand (g1, mbo): contracturen = uren × 52,143; beschikbaar = contracturen − 194,4 − 0,07 ×
    contracturen − 36. At 4 hours a week: 208,572 − 194,4 − 14,600 − 36 = −36,428; near 0 hours:
    −194,4 − 36 = −230,4.
    """
    pad = schrijf(tmp_path / "s.json", json.dumps(gewijzigd(g1, functies__mbo__uren_per_week=uren)))
    code, uit, err = opdracht(capsys, "bereken", str(pad), "--formaat", "json")
    assert code == 2
    assert uit == ""
    assert f"functies.mbo = '{beschikbaar} beschikbare uren': verwacht meer dan 0 beschikbare uren" in err


def test_uren_per_week_boven_een_week(g1: dict[str, Any]) -> None:
    with pytest.raises(InvoerFout) as e:
        tarieven.bereken(gewijzigd(g1, functies__mbo__uren_per_week=169))
    assert "functies.mbo.uren_per_week = 169: verwacht een getal groter dan 0 en hoogstens 168 in uur/week" in str(
        e.value
    )


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


def test_json_van_een_uitkomst_is_strikt(capsys: pytest.CaptureFixture[str]) -> None:
    code, uit, _ = opdracht(capsys, "bereken", "41A22", "--peildatum", "2027-01-01", "--formaat", "json")
    assert code == 0
    d = strikte_json(uit)
    assert d["tarief_per_client"].count(".") == 1  # whole cents as text
    assert isinstance(d["waarschuwingen"], list)


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
    assert "materieel = inf: verwacht een eindige uitkomst; de invoer geeft geen getal in" in bericht
    # the first scenario without a number: group of 8 with 1e308 material per client
    assert ") bij product.groepsgrootte = 8; product.materieel_per_client = 1e+308: controleer" in bericht


def test_rooster_met_nan_noemt_het_scenario(g1: dict[str, Any]) -> None:
    """An overhead mark-up of 1e308 makes the tariff infinite and its share inf − inf = NaN."""
    d = gewijzigd(g1, opslagen__overhead_grondslag="opslag_op_kostprijs")
    with pytest.raises(InvoerFout, match=r"met_overhead = inf: .* geen getal in .* bij opslagen\.overhead = 1e\+308"):
        analyse.rooster(d, {"opslagen.overhead": [0.25, 1e308]})


def test_rooster_met_enorme_maar_eindige_waarden_telt_ze(g1: dict[str, Any]) -> None:
    """Finite but absurd: the grid goes on and counts; nothing in it is NaN or infinite."""
    df = analyse.rooster(g1, {"product.bezettingsgraad": [0.85, 1e-300]}, regels=["tarief_per_client"])
    assert np.isfinite(df["tarief_per_client"]).all()
    assert df["tarief_per_client"].iloc[1] > 1e300
    # b = 1e-300: unusual (below 50 %) and a tariff above the ceiling
    assert df["waarschuwingen"].tolist() == [0, 2]
    assert "nan" not in df.to_csv().lower()
    assert "inf" not in df.to_csv().lower()


def test_monte_carlo_met_een_overloop(g1: dict[str, Any]) -> None:
    with pytest.raises(InvoerFout) as e:
        analyse.monte_carlo(g1, {"product.materieel_per_client": analyse.Uniform(1e307, 1e308)}, 50, seed=1)
    assert "materieel = inf: verwacht een eindige uitkomst; de invoer geeft geen getal in" in str(e.value)
    assert ") bij product.materieel_per_client = " in str(e.value)


def test_gevoeligheid_met_een_overloop(g1: dict[str, Any]) -> None:
    with pytest.raises(
        InvoerFout, match=r"eindige uitkomst; de invoer geeft geen getal in .* bij product\.materieel_per"
    ):
        analyse.gevoeligheid(
            g1, ["product.materieel_per_client"], bereiken={"product.materieel_per_client": (0.0, 1e308)}
        )


def test_geen_nan_in_de_csv_van_een_onhaalbaar_doel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unreachable goal-seek target: an empty cell, never 'nan'."""
    pad = schrijf(
        tmp_path / "a.toml",
        'scenario = "41A22"\npeildatum = 2027-01-01\nuitvoer = "uit"\n'
        '[[doelzoeken]]\nsleutel = "product.bezettingsgraad"\ndoel = 1.0\n',
    )
    code, _, err = opdracht(capsys, "scenario", str(pad))
    assert code == 0, err
    tekst = (tmp_path / "uit" / "doelzoeken.csv").read_text(encoding="utf-8")
    assert tekst.splitlines()[1].startswith("product.bezettingsgraad,tarief_per_client,1.0,,")
    assert "nan" not in tekst.lower()
