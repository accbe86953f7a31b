"""Break-even occupancy against stated tariffs, ``tarieven.analyse.breakeven``."""

from __future__ import annotations

import math

import pytest

import tarieven
from tarieven import analyse

from ._hulp import G1, B


def test_haalbaar_en_niet_haalbaar() -> None:
    s = tarieven.lees_scenario(G1)
    vol = tarieven.bereken(s.met(**{B: 1.0})).tarief
    df = analyse.break_even_bezetting(s, {"gesteld": 95.0, "te laag": vol - 5.0, "precies vol": vol})
    assert list(df.index) == ["gesteld", "te laag", "precies vol"]
    assert df["haalbaar"].tolist() == [True, False, True]
    # solve, then compute: the tariff at the break-even occupancy is the stated one
    b = df.loc["gesteld", "bezettingsgraad"]
    assert tarieven.bereken(s.met(**{B: b})).tarief == pytest.approx(95.0, abs=1e-6)
    assert df.loc["precies vol", "bezettingsgraad"] == pytest.approx(1.0)
    assert math.isnan(df.loc["te laag", "bezettingsgraad"])
    assert df.loc["te laag", "tekort_vol"] == pytest.approx(5.0)
    assert df.loc["gesteld", "tekort_vol"] == 0.0
    assert (df["tarief_vol"] == vol).all()
    assert df.loc["te laag", "melding"].startswith("niet te halen: ook bij volle bezetting is het tarief")
    assert df.loc["gesteld", "melding"] == ""


def test_het_eigen_tarief_is_break_even_bij_de_eigen_bezetting() -> None:
    """By construction: the bundled tariff breaks even at the bundled occupancy."""
    s = tarieven.lees_scenario("41A22", "2027-01-01")
    t = tarieven.bereken(s).tarief
    df = analyse.break_even_bezetting(s, {"eigen": t})
    assert df.loc["eigen", "bezettingsgraad"] == pytest.approx(s.waarden[B], abs=1e-9)


def test_hoger_tarief_lagere_bezetting() -> None:
    df = analyse.break_even_bezetting(G1, {str(t): float(t) for t in (90, 100, 120, 150)})
    assert df["bezettingsgraad"].is_monotonic_decreasing


@pytest.mark.parametrize("doelen", [{}, {"nul": 0.0}, {"nan": float("nan")}])
def test_ongeldige_doelen(doelen: dict[str, float]) -> None:
    with pytest.raises(tarieven.InvoerFout, match="doelen"):
        analyse.break_even_bezetting(G1, doelen)


def test_een_getal_of_een_lijst_tarieven() -> None:
    """One stated tariff as a number, or several as a list: labelled by their amount, the same
    occupancy as the mapping gives (a float used to raise "'float' object is not iterable")."""
    verwacht = analyse.break_even_bezetting(G1, {"gesteld": 95.0}).loc["gesteld", "bezettingsgraad"]
    los = analyse.break_even_bezetting(G1, 95.0)
    assert list(los.index) == ["€ 95,00"]
    assert los.loc["€ 95,00", "bezettingsgraad"] == verwacht
    lijst = analyse.break_even_bezetting(G1, [95, 120.0])
    assert list(lijst.index) == ["€ 95,00", "€ 120,00"]
    assert lijst.loc["€ 95,00", "bezettingsgraad"] == verwacht


@pytest.mark.parametrize("doelen", ["95", None, True, ["veel"], {"a": "95"}, [[95.0]]])
def test_doelen_van_de_verkeerde_soort(doelen: object) -> None:
    with pytest.raises(tarieven.InvoerFout) as e:
        analyse.break_even_bezetting(G1, doelen)  # type: ignore[arg-type]
    assert "doelen" in str(e.value)
    assert "een tarief in euro (95.0), een lijst tarieven of {naam: tarief}" in str(e.value)
