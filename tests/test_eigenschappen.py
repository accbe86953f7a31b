"""Properties that must always hold (hypothesis): the economics of MODEL.md.

Run with the heavy profile: ``HYPOTHESIS_PROFILE=fuzz pytest tests/test_eigenschappen.py``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tarieven
from tarieven import groep, opslagen, personeel, uren
from tarieven.model import bereken

from .conftest import kopie, scenarios

REL = 1e-12  # float noise allowed in a monotonicity comparison


def tarief(d: dict[str, Any]) -> float:
    return tarieven.bereken(d).tarief


def niet_lager(nieuw: float, oud: float) -> bool:
    return nieuw >= oud * (1 - REL)


@given(scenarios(ratio=False), st.sampled_from(["mbo", "hbo"]), st.integers(1, 3))
def test_meer_personeel_nooit_lager_tarief(d: dict[str, Any], functie: str, extra: int) -> None:
    meer = kopie(d)
    meer["product"]["personeel"].append({"functie": functie, "aantal": extra})
    assert niet_lager(tarief(meer), tarief(d))


@given(scenarios(ratio=True), st.integers(1, 9))
def test_krappere_ratio_nooit_lager_tarief(d: dict[str, Any], minder: int) -> None:
    """Fewer children per staff member means more staff: never a lower tariff."""
    k = d["product"]["ratio"]["kinderen_per_medewerker"]
    krapper = kopie(d)
    krapper["product"]["ratio"]["kinderen_per_medewerker"] = max(1, k - minder)
    assert niet_lager(tarief(krapper), tarief(d))


@given(scenarios(), st.sampled_from(["mbo", "hbo", "wo"]), st.floats(0, 3000))
def test_hoger_loon_nooit_lager_tarief(d: dict[str, Any], functie: str, erbij: float) -> None:
    hoger = kopie(d)
    hoger["functies"][functie]["maandsalaris"] += erbij
    assert niet_lager(tarief(hoger), tarief(d))


@given(scenarios(componenten=True), st.sampled_from(["mbo", "hbo", "wo"]), st.floats(0, 5000))
def test_hoger_loon_nooit_lager_tarief_met_premies_en_pensioen(d: dict[str, Any], functie: str, erbij: float) -> None:
    """With charges from components (caps and franchises: not linear) a higher wage still never lowers
    the tariff, and the charges stay between 0 and the sum of all premium rates on the whole pay (the
    employer's share of the retirement premium, the disability premium at 100 %)."""
    hoger = kopie(d)
    hoger["functies"][functie]["maandsalaris"] += erbij
    assert niet_lager(tarief(hoger), tarief(d))
    u = tarieven.bereken(d)
    wl = d["werkgeverslasten"]
    p = wl["pensioen"]
    bovengrens = sum(wl["premies"].values()) + p["werkgeversdeel"] * p["premie"] + p["premie_ap"]
    assert 0 <= u[f"werkgeverslasten.{functie}"] <= bovengrens * (1 + REL)


@given(scenarios(), st.floats(0, 0.4))
def test_meer_overhead_nooit_lager_tarief(d: dict[str, Any], erbij: float) -> None:
    meer = kopie(d)
    meer["opslagen"]["overhead"] = min(0.95, d["opslagen"]["overhead"] + erbij)
    assert niet_lager(tarief(meer), tarief(d))


@given(scenarios(), st.floats(0, 50_000))
def test_meer_huisvesting_nooit_lager_tarief(d: dict[str, Any], erbij: float) -> None:
    meer = kopie(d)
    meer["product"]["huisvesting_jaar"] += erbij
    assert niet_lager(tarief(meer), tarief(d))


@given(scenarios(), st.floats(0.3, 1.0))
def test_hogere_bezetting_nooit_hoger_tarief(d: dict[str, Any], b: float) -> None:
    laag, hoog = sorted([d["product"]["bezettingsgraad"], b])
    d_laag, d_hoog = kopie(d), kopie(d)
    d_laag["product"]["bezettingsgraad"] = laag
    d_hoog["product"]["bezettingsgraad"] = hoog
    assert niet_lager(tarief(d_laag), tarief(d_hoog))


@given(scenarios(ratio=False), st.integers(1, 10))
def test_grotere_groep_bij_vast_personeel_nooit_hoger_tarief(d: dict[str, Any], erbij: int) -> None:
    groter = kopie(d)
    groter["product"]["groepsgrootte"] += erbij
    assert niet_lager(tarief(d), tarief(groter))


@given(scenarios(), st.floats(0.1, 10))
def test_personeelsregels_lineair_in_lonen(d: dict[str, Any], x: float) -> None:
    """Scaling every wage by x scales every personnel line by x and leaves the rest.

    On the calculation itself (the validator would refuse a wage scaled below the
    statutory minimum wage, which says nothing about linearity)."""
    s = tarieven.lees_scenario(d)
    geschaald = dict(s.waarden)
    for f in s.structuur.functies:
        geschaald[f"functies.{f}.maandsalaris"] *= x
    a, b = bereken(s.structuur, s.waarden), bereken(s.structuur, geschaald)
    for naam in ("personeel_direct", "personeel_indirect", "clientkosten", "uurkosten.mbo", "uurkosten.wo"):
        assert b[naam] == pytest.approx(x * a[naam], rel=1e-12, abs=1e-12)
    for naam in ("huisvesting_eenheid", "materieel"):
        assert b[naam] == a[naam]


@given(scenarios())
def test_onderdelen_tellen_op_tot_het_totaal(d: dict[str, Any]) -> None:
    u = tarieven.bereken(d)
    delen = ["personeel_direct", "personeel_indirect", "huisvesting_eenheid", "materieel"]
    assert u["groepskosten"] == pytest.approx(sum(u[n] for n in delen), rel=1e-12)
    opbouw = [r.waarde for r in u if r.naam.startswith("opbouw.")]
    assert len(opbouw) == 7
    assert sum(opbouw) == pytest.approx(u.tarief, rel=1e-12)


@given(scenarios())
def test_tarief_in_uren_of_minuten_gelijk(d: dict[str, Any]) -> None:
    """The same scenario with every hour given in minutes gives the same tariff."""
    m = kopie(d)
    p = m["product"]
    p["duur_uur"] = f"{d['product']['duur_uur'] * 60!r} minuut"
    for tabel in ("extra_uur", "indirect_uur"):
        p[tabel] = {f: f"{v * 60!r} minuut" for f, v in d["product"][tabel].items()}
    for f in m["functies"].values():
        f["uren_per_week"] = f"{f['uren_per_week'] * 60!r} minuut/week"
        f["verlofuren"] = f"{f['verlofuren'] * 60!r} minuut/jaar"
    assert tarief(m) == pytest.approx(tarief(d), rel=1e-12)


@given(scenarios(), st.integers(2, 6))
def test_scalair_array_en_series_geven_hetzelfde(d: dict[str, Any], n: int) -> None:
    """The vectorised core gives, row for row, what the single-scenario API gives."""
    s = tarieven.lees_scenario(d)
    groottes = np.arange(1, n + 1, dtype=float) * s.waarden["product.groepsgrootte"]
    waarden = dict(s.waarden)
    als_array = bereken(s.structuur, {**waarden, "product.groepsgrootte": groottes})
    als_series = bereken(s.structuur, {**waarden, "product.groepsgrootte": pd.Series(groottes)})
    for i, g in enumerate(groottes):
        enkel = tarieven.bereken(s.met(**{"product.groepsgrootte": float(g)}))
        assert np.asarray(als_array["tarief_per_client"])[i] == enkel.tarief
        assert np.asarray(als_series["tarief_per_client"])[i] == enkel.tarief


def test_kernfuncties_broadcasten_over_series_en_arrays() -> None:
    lonen = pd.Series([3000.0, 3500.0, 4000.0])
    als_series = personeel.bruto_jaarsalaris(lonen)
    als_array = personeel.bruto_jaarsalaris(lonen.to_numpy())
    assert list(np.asarray(als_series)) == list(als_array) == [36000.0, 42000.0, 48000.0]
    assert uren.uurkosten(np.array([100.0, 200.0]), 50.0).tolist() == [2.0, 4.0]
    assert groep.medewerkers_uit_ratio(np.array([5, 8, 9]), 4, True).tolist() == [2.0, 2.0, 3.0]
    assert groep.medewerkers_uit_ratio(np.array([5, 8]), 4, np.array([True, False])).tolist() == [2.0, 2.0]
    # 25 % of the integral cost price is a 33.3 % mark-up (MODEL.md 4)
    assert opslagen.met_overhead(75.0, 0.25, True) == pytest.approx(opslagen.met_overhead(75.0, 1 / 3, False))
