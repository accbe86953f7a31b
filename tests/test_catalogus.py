"""Products and functions from parameter files, on a small made-up parameter set whose
numbers make a hand calculation easy (tests/params_voorbeeld)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import tarieven
from tarieven.catalogus import maandsalaris
from tarieven.inlezen import scenario_met_parameters, scenario_uit_product
from tarieven.parameterbestanden import laad_map

VOORBEELD = Path(__file__).parent / "params_voorbeeld"
JUNI_2025 = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def params() -> Any:
    return laad_map(VOORBEELD)


def test_product_met_de_hand(params: Any) -> None:
    """T1 on 2025-06-01, by hand:

    salary scale 8, step 'max' of the 2025 table = 3,300 -> bruto 39,600
    jaarloon = 39,600 × 1.08 = 42,768 (8 % = 3,168 is above the minimum 0)
    premiums awf_laag 0.05 + aof_hoog 0.05 + whk 0.01 = 0.11 × 42,768 = 4,704.48
    pension 0.5 × 0.2 × (42,768 − 10,000) = 3,276.80           -> charges 7,981.28
    personeelskosten = 50,749.28 (other costs 0)
    hours 36 × 50 = 1,800 − 100 holiday − 50 public holidays = 1,650, all productive
    uurkosten = 50,749.28 / 1,650 = 30.757139...
    staff ceil(10 / 5) = 2: direct 2 × 4 × 30.757139 = 246.057115; housing 10,000 / 500 = 20
    per client (10 × 1.0) 26.605712; overhead as a 20 % mark-up: 31.926854 -> 31.93
    """
    u = tarieven.bereken(scenario_uit_product("T1", JUNI_2025, params))
    assert u.scenario.waarden["functies.mbo.maandsalaris"] == 3300.0
    assert u["werkgeverslasten_bedrag.mbo"] == pytest.approx(7_981.28, abs=1e-9)
    assert u["uurkosten.mbo"] == pytest.approx(50_749.28 / 1_650, rel=1e-14)
    assert u["huisvesting_eenheid"] == 20.0
    assert str(u.regel("tarief_per_client").afgerond) == "31.93"


def test_peildatum_kiest_de_tabel(params: Any) -> None:
    s2024 = scenario_uit_product("T1", dt.date(2024, 6, 1), params)
    assert s2024.waarden["functies.mbo.maandsalaris"] == 3100.0  # max of the 2024 table
    assert "trede 2 (max)" in s2024.herkomst["functies.mbo.maandsalaris"].oorsprong
    s2025 = scenario_uit_product("T1", JUNI_2025, params)
    h = s2025.herkomst["functies.mbo.maandsalaris"]
    assert h.status == "afgeleid"
    assert h.vanaf == dt.date(2025, 1, 1)
    assert h.oorsprong == "cao-jeugdzorg.toml: salaris.schaal_8, schaal 8 trede 3 (max)"


def test_peildatum_voor_de_eerste_waarde_is_een_fout(params: Any) -> None:
    with pytest.raises(tarieven.InvoerFout, match=r"peildatum op of na 2024-01-01"):
        scenario_uit_product("T1", dt.date(2023, 12, 31), params)


@pytest.mark.parametrize(("trede", "bedrag"), [("max", 3300.0), ("midden", 3100.0), (0, 3000.0), (3, 3300.0)])
def test_trederegels(params: Any, trede: Any, bedrag: float) -> None:
    assert maandsalaris(params, "cao-jeugdzorg", 8, trede, JUNI_2025)[0] == bedrag


def test_eerste_trede_telt_mee(params: Any) -> None:
    """Scale 11 starts at step 1: step 1 is the first amount, step 3 the last."""
    assert maandsalaris(params, "cao-jeugdzorg", 11, 1, JUNI_2025)[0] == 4000.0
    assert maandsalaris(params, "cao-jeugdzorg", 11, 3, JUNI_2025)[0] == 5000.0
    with pytest.raises(
        tarieven.InvoerFout, match=r"trede = 0: verwacht 'max', 'midden' of een trede van 1 tot en met 3"
    ):
        maandsalaris(params, "cao-jeugdzorg", 11, 0, JUNI_2025)


def test_onbekende_schaal_en_product(params: Any) -> None:
    with pytest.raises(tarieven.InvoerFout, match=r"schaal = 99: verwacht een schaal uit .*\(8, 11\)"):
        maandsalaris(params, "cao-jeugdzorg", 99, "max", JUNI_2025)
    with pytest.raises(tarieven.InvoerFout, match=r"product = 'X9': verwacht een productcode uit de catalogus \(T1\)"):
        scenario_uit_product("X9", JUNI_2025, params)


def test_basis_met_wijzigingen(params: Any) -> None:
    """A scenario that starts from T1 and changes the group size and the step."""
    s = scenario_met_parameters(
        {"basis": "T1", "product": {"groepsgrootte": 8}, "functies": {"mbo": {"trede": 1}}},
        peildatum=JUNI_2025,
        params=params,
    )
    assert s.waarden["product.groepsgrootte"] == 8.0
    assert str(s.herkomst["product.groepsgrootte"]) == "scenario (dict)"
    assert s.waarden["functies.mbo.maandsalaris"] == 3100.0  # step 1 of the 2025 table
    assert s.herkomst["product.duur_uur"].status == "aanname"


def test_functie_als_cao_schaal_trede(params: Any, g1: dict[str, Any]) -> None:
    """In a standalone scenario, one function given by CAO, scale and step instead of a salary."""
    mbo = g1["functies"]["mbo"]
    del mbo["maandsalaris"]
    mbo.update(cao="cao-jeugdzorg", schaal=8, trede="midden", werkgeverslasten=0.3)
    s = scenario_met_parameters(g1, peildatum=JUNI_2025, params=params)
    assert s.waarden["functies.mbo.maandsalaris"] == 3100.0
    # CAO factors are looked up, but what the scenario says itself wins
    assert s.waarden["functies.mbo.weken_per_jaar"] == 52.143
    assert s.waarden["functies.mbo.werkgeverslasten"] == 0.3


def test_statussen_in_de_uitleg(params: Any) -> None:
    u = tarieven.bereken(scenario_uit_product("T1", JUNI_2025, params))
    tekst = u.uitleg()
    assert "functies.mbo.maandsalaris = 3.300 EUR/maand  [cao-jeugdzorg.toml: salaris.schaal_8" in tekst
    assert "afgeleid, vanaf 2025-01-01]" in tekst
    onzeker = u.onzekere_invoer()
    assert {"product.bezettingsgraad", "opslagen.overhead", "functies.mbo.verlofuren"} <= set(onzeker)
    assert "product.groepsgrootte" not in onzeker  # definitief
    assert onzeker["functies.mbo.verlofuren"].status == "aanname"  # the less certain of its two parts


def test_json_noemt_peildatum_en_onzekere_invoer(params: Any) -> None:
    d = tarieven.bereken(scenario_uit_product("T1", JUNI_2025, params)).to_dict()
    assert d["peildatum"] == "2025-06-01"
    assert d["onzekere_invoer"]["product.bezettingsgraad"] == "aanname"
    assert "product.groepsgrootte" not in d["onzekere_invoer"]  # definitief
    g1 = tarieven.bereken(VOORBEELD.parent / "golden" / "g1-dagbesteding-licht.json").to_dict()
    assert g1["onzekere_invoer"] == {}  # a standalone scenario: every value is the user's own
    assert g1["peildatum"] is None


def test_onbekende_sleutel_in_een_functie_is_een_fout(tmp_path: Path) -> None:
    """A typo in functies.toml (schaaal) must not silently fall back to nothing."""
    import shutil

    map_ = tmp_path / "params"
    shutil.copytree(VOORBEELD, map_)
    functies = map_ / "functies.toml"
    functies.write_text(functies.read_text(encoding="utf-8").replace("schaal = 8", "schaaal = 8"), encoding="utf-8")
    with pytest.raises(
        tarieven.InvoerFout, match=r"begeleider\.schaaal = 8: verwacht een bekende sleutel van een functie"
    ):
        scenario_uit_product("T1", JUNI_2025, laad_map(map_))
