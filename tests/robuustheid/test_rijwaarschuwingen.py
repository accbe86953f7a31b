"""The ``waarschuwingen`` column of a grid (and of Monte Carlo draws) agrees with single calculations.

A grid does not stop for what a single calculation warns about or refuses; it counts it per
row. The rule: each varied value that a single calculation warns about (outside its
plausible range) or refuses (a salary under the minimum wage) counts once, and a tariff
above the ceiling counts once. A salary under the minimum wage used to count twice (as
unusual and as refused): a single calculation names it once, as refused.

The grid is g1 on 2027-01-01 (minimum wage € 14,71 an hour, at 36 hours a week € 2.301,07
a month) over occupancy 0,3 / 0,85 / 0,000001 and the MBO salary 2.000 / 3.250 / 20.000:

- occupancy 0,3 and 0,000001 are unusual (plausible 50-100 %), 0,85 is not;
- 2.000 is under the minimum wage (refused), 20.000 above three times the CAO's top (unusual);
- at 0,000001 the tariff is above the ceiling of € 10.000: the housing alone, 24.000 / 480 =
  € 50 a unit, over 10 × 0,000001 clients is € 5.000.000, / 0,75 × 1,03 = € 6.866.667 even
  with the lowest salary; at 0,3 the tariff stays far below it (g1's € 90,48 at 0,85, at
  most 0,85 / 0,3 × 20.000 / 3.250 × 90,48 = € 1.578 with every cost scaled up).
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest

import tarieven
from tarieven import InvoerFout, analyse

B, MBO = "product.bezettingsgraad", "functies.mbo.maandsalaris"
BEZETTING = [0.3, 0.85, 1e-6]
SALARIS = [2000.0, 3250.0, 20000.0]

# by hand, per row: what a single calculation would say about it
HAND: dict[tuple[float, float], set[str]] = {
    (0.3, 2000.0): {B, MBO},
    (0.3, 3250.0): {B},
    (0.3, 20000.0): {B, MBO},
    (0.85, 2000.0): {MBO},
    (0.85, 3250.0): set(),
    (0.85, 20000.0): {MBO},
    (1e-6, 2000.0): {B, MBO, "plafond"},
    (1e-6, 3250.0): {B, "plafond"},
    (1e-6, 20000.0): {B, MBO, "plafond"},
}
PLAFOND_ONDERGRENS = 24_000 / 480 / (10 * 1e-6) / (1 - 0.25) * 1.03  # the housing alone at b = 0.000001


@pytest.fixture
def basis(g1: dict[str, Any]) -> dict[str, Any]:
    return {**g1, "peildatum": "2027-01-01"}


def met(d: dict[str, Any], b: float, salaris: float) -> dict[str, Any]:
    uit = {**d, "product": {**d["product"], "bezettingsgraad": b}}
    uit["functies"] = {**d["functies"], "mbo": {**d["functies"]["mbo"], "maandsalaris": salaris}}
    return uit


def wat_een_berekening_zegt(d: dict[str, Any], sleutel: str) -> bool:
    """Whether a single calculation with only this value changed warns about it or refuses it."""
    try:
        s = tarieven.lees_scenario(d)
    except InvoerFout as e:
        return any(p.sleutel == sleutel for p in e.problemen)
    return any(w.sleutel == sleutel for w in s.waarschuwingen)


def enkel(d: dict[str, Any]) -> tuple[tarieven.Uitkomst | None, str, set[str]]:
    """A single calculation: the result, or the message and the keys it names."""
    try:
        return tarieven.bereken(d), "", set()
    except InvoerFout as e:
        return None, str(e), {p.sleutel for p in e.problemen}


def test_de_hand_tabel_klopt_met_enkele_berekeningen(basis: dict[str, Any]) -> None:
    """Each cell of the table above, checked against the single-scenario API."""
    assert PLAFOND_ONDERGRENS > 10_000
    for (b, salaris), verwacht in HAND.items():
        assert wat_een_berekening_zegt(met(basis, b, 3250.0), B) == (B in verwacht)
        assert wat_een_berekening_zegt(met(basis, 0.85, salaris), MBO) == (MBO in verwacht)
        u, melding, sleutels = enkel(met(basis, b, salaris))
        if u is not None:
            assert "plafond" not in verwacht
            assert {w.sleutel for w in u.waarschuwingen} == verwacht  # a full calculation: the same warnings
        elif "tarief_per_client" in sleutels:
            assert "plafond" in verwacht
            assert "hoogstens € 10.000,00 per cliënt" in melding
        else:  # refused before a tariff exists (the minimum wage): the ceiling by the bound above
            assert sleutels == {MBO}
            assert "wettelijk minimumloon" in melding
            assert ("plafond" in verwacht) == (b == 1e-6)


def test_rooster_telt_wat_enkele_berekeningen_zeggen(basis: dict[str, Any]) -> None:
    df = analyse.rooster(basis, {B: BEZETTING, MBO: SALARIS})
    assert list(zip(df[B], df[MBO], strict=True)) == list(itertools.product(BEZETTING, SALARIS))
    assert df["waarschuwingen"].tolist() == [len(HAND[k]) for k in itertools.product(BEZETTING, SALARIS)]
    # per reason, the rows: 6 with an unusual occupancy, 3 with 20.000, 3 under the minimum wage, 3 above the ceiling
    assert df.attrs["waarschuwingen"] == {
        "product.bezettingsgraad buiten 50 % – 100 % (ongebruikelijk)": 6,
        "functies.mbo.maandsalaris buiten € 2.650,00 /maand – € 17.500,00 /maand (ongebruikelijk)": 3,
        "functies.mbo: uurloon onder het wettelijk minimumloon": 3,
        "tarief_per_client boven het plafond van € 10.000,00": 3,
    }


def test_rooster_zonder_tarief_telt_het_plafond_niet(basis: dict[str, Any]) -> None:
    """Without the tariff line in the grid, the ceiling cannot be counted; the rest is."""
    df = analyse.rooster(basis, {B: BEZETTING, MBO: SALARIS}, regels=["uurkosten.mbo"])
    verwacht = [len(HAND[k] - {"plafond"}) for k in itertools.product(BEZETTING, SALARIS)]
    assert df["waarschuwingen"].tolist() == verwacht


def test_monte_carlo_telt_hetzelfde(basis: dict[str, Any]) -> None:
    mc = analyse.monte_carlo(
        basis, {B: analyse.Keuze(BEZETTING), MBO: analyse.Keuze(SALARIS)}, 200, seed=11, regels=["tarief_per_client"]
    )
    t = mc.trekkingen
    verwacht = [len(HAND[(b, s)]) for b, s in zip(t[B], t[MBO], strict=True)]
    assert t["waarschuwingen"].tolist() == verwacht
    assert set(zip(t[B], t[MBO], strict=True)) == set(HAND)  # every combination drawn at least once
    assert np.isfinite(t["tarief_per_client"]).all()
