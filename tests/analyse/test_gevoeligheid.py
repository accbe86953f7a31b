"""Sensitivity (tornado), ``tarieven.analyse.gevoeligheid``.

Expected numbers come from a hand calculation written out here or from the single-scenario
API (``tarieven.bereken``).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

import tarieven
from tarieven import analyse
from tarieven.afronding import op_centen

from ..conftest import scenarios
from ._hulp import G1, MBO, B, enkel


def test_gevoeligheid_huisvesting_met_de_hand() -> None:
    """g1: housing 24,000 ± 10 % is ± 2,400 a year, / 480 units = ± 5.00 a unit for the group,
    / (10 × 0.85) clients = ± 0.588235, / (1 − 0.25) overhead = ± 0.784314, × 1.03 risk = ± 0.807843."""
    df = analyse.gevoeligheid(G1, ["product.huisvesting_jaar", B], procent=10)
    rij = df.loc["product.huisvesting_jaar"]
    hand = 2400 / 480 / (10 * 0.85) / (1 - 0.25) * 1.03
    assert rij["effect_hoog"] == pytest.approx(hand, rel=1e-12)
    assert rij["effect_laag"] == pytest.approx(-hand, rel=1e-12)
    assert (rij["invoer_laag"], rij["invoer_hoog"]) == (pytest.approx(21600), pytest.approx(26400))
    assert str(op_centen(rij["uitkomst_basis"])) == "90.48"
    # occupancy ±10 % (0.765, 0.935) moves the tariff more than housing: it sorts first
    assert list(df.index) == [B, "product.huisvesting_jaar"]


def test_gevoeligheid_bereiken_en_grens_van_een_fractie() -> None:
    s = tarieven.lees_scenario(G1).met(**{B: 0.95})
    df = analyse.gevoeligheid(s, [B, MBO], bereiken={MBO: (3000, 3500)})
    assert df.loc[B, "invoer_hoog"] == 1.0  # 0.95 + 10 % stops at 1
    assert df.loc[B, "uitkomst_hoog"] == enkel(s, **{B: 1.0}).tarief
    assert df.loc[MBO, "uitkomst_laag"] == enkel(s, **{MBO: 3000}).tarief
    assert df["bereik"].is_monotonic_decreasing


def test_gevoeligheid_fouten() -> None:
    with pytest.raises(tarieven.InvoerFout, match="procent = 150"):
        analyse.gevoeligheid(G1, procent=150)
    with pytest.raises(tarieven.InvoerFout, match=r"bereiken\.product\.bezettingsgraad = 1\.3"):
        analyse.gevoeligheid(G1, bereiken={B: (0.5, 1.3)})


@given(scenarios())
def test_gevoeligheid_tekens_volgen_de_eigenschappen(d: dict[str, Any]) -> None:
    """The signs of the tornado agree with the properties in test_eigenschappen.py."""
    s = tarieven.lees_scenario(d)
    stijgend = ["functies.mbo.maandsalaris", "functies.hbo.maandsalaris", "functies.wo.maandsalaris"]
    stijgend += ["opslagen.overhead", "product.huisvesting_jaar"]
    bereiken = {"product.huisvesting_jaar": (0.0, 100_000.0), "opslagen.overhead": (0.0, 0.5)}
    df = analyse.gevoeligheid(s, [*stijgend, B], procent=20, bereiken=bereiken)
    eps = 1e-12 * df["uitkomst_basis"].iloc[0]
    for k in stijgend:  # more wage, overhead, housing: never a lower tariff
        assert df.loc[k, "uitkomst_hoog"] >= df.loc[k, "uitkomst_laag"] - eps, k
    assert df.loc[B, "effect_hoog"] <= eps  # higher occupancy: never a higher tariff
    assert df.loc[B, "effect_laag"] >= -eps
    if d["product"].get("ratio"):
        k = analyse.gevoeligheid(s, ["product.ratio.kinderen_per_medewerker"])
        # more children per staff member: never a higher tariff
        assert k["uitkomst_hoog"].iloc[0] <= k["uitkomst_laag"].iloc[0] + eps


def test_standaard_alleen_keuzes_en_een_mixaandeel() -> None:
    """The default tornado varies what a region or provider chooses: no CAO facts, one share of a 2-mix."""
    s = tarieven.lees_scenario("41A22", "2027-01-01")
    gv = analyse.gevoeligheid(s)
    assert not any(s.veld(k).vast for k in gv.index)
    cao = (".uren_per_week", ".weken_per_jaar", ".verlofuren", ".vakantietoeslag")
    assert not any(k.startswith("functies.") and k.endswith(cao) for k in gv.index)
    assert "product.ratio.mix.mbo" in gv.index
    assert "product.ratio.mix.hbo" not in gv.index
    # the hbo share still moves with the mbo share: more mbo is cheaper
    assert gv.loc["product.ratio.mix.mbo", "effect_hoog"] < 0


def test_hele_getallen_naar_hele_getallen() -> None:
    """A group of 4 ± 10 % is 3 and 5 places: a group of 3,6 does not exist."""
    s = tarieven.lees_scenario("41A24", "2027-01-01")
    gv = analyse.gevoeligheid(s)
    assert gv.loc["product.groepsgrootte", ["invoer_laag", "invoer_hoog"]].tolist() == [3.0, 5.0]
    laag = tarieven.bereken(s.met(**{"product.groepsgrootte": 3})).tarief
    assert gv.loc["product.groepsgrootte", "uitkomst_laag"] == pytest.approx(laag, rel=1e-12)
    # exact multiples stay exact: 10 ± 10 % is 9 and 11 (no float noise to 12)
    licht = analyse.gevoeligheid(tarieven.lees_scenario("41A22", "2027-01-01"))
    assert licht.loc["product.groepsgrootte", ["invoer_laag", "invoer_hoog"]].tolist() == [9.0, 11.0]


def test_mix_van_een_functie_varieert_niet() -> None:
    """41A24 has only hbo in its mix: 90 % hbo would be 10 % fewer staff, not another mix."""
    s = tarieven.lees_scenario("41A24", "2027-01-01")
    assert analyse.gevoeligheid(s).index.str.startswith("product.ratio.mix.").sum() == 0
    with pytest.raises(tarieven.InvoerFout, match="mix van één functie"):
        analyse.gevoeligheid(s, ["product.ratio.mix.hbo"])
