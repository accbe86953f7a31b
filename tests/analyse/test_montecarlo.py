"""Monte Carlo, ``tarieven.analyse.montecarlo``: distributions, draws, structural choices.

Every drawn row must be exactly what the single-scenario API (``tarieven.bereken``) gives.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pytest

import tarieven
from tarieven import analyse
from tarieven.analyse import Driehoek, Keuze, Normaal, Uniform

from ._hulp import AANDEEL, AFR, G1, GRS, MBO, OPSLAG, B, G, enkel, met_keuzes

VERDELINGEN = {
    B: Driehoek(0.7, 0.85, 0.95),
    MBO: Normaal(3250, 150, laag=3000, hoog=3600),
    "opslagen.overhead": Uniform(0.2, 0.3),
}


def test_monte_carlo_reproduceerbaar_met_seed() -> None:
    a = analyse.monte_carlo(G1, VERDELINGEN, 5000, seed=11)
    b = analyse.monte_carlo(G1, VERDELINGEN, 5000, seed=11, blokgrootte=777)
    c = analyse.monte_carlo(G1, VERDELINGEN, 5000, seed=12)
    pd.testing.assert_frame_equal(a.trekkingen, b.trekkingen)
    pd.testing.assert_frame_equal(a.percentielen, b.percentielen)
    assert not np.array_equal(a.trekkingen[B], c.trekkingen[B])
    # the draws are those of numpy's Generator with this seed, in this order
    rng = np.random.default_rng(11)
    assert np.array_equal(a.trekkingen[B].to_numpy(), rng.triangular(0.7, 0.85, 0.95, 5000))


def test_monte_carlo_percentielen_en_grenzen() -> None:
    mc = analyse.monte_carlo(G1, VERDELINGEN, 20_000, seed=3)
    t = mc.trekkingen
    assert t[MBO].between(3000, 3600).all()
    assert t["opslagen.overhead"].between(0.2, 0.3).all()
    assert t[B].between(0.7, 0.95).all()
    for p in (5, 50, 95):
        assert mc.percentielen.loc["tarief_per_client", f"P{p}"] == np.percentile(t["tarief_per_client"], p)
    assert list(mc.percentielen.columns) == ["P5", "P50", "P95", "gemiddelde"]
    # a symmetric bounded normal keeps its mean (3250 ± 3 standard errors of 150/sqrt(n))
    assert abs(t[MBO].mean() - 3250 - (3600 - 3250 - (3250 - 3000)) * 0) < 30
    # rows are single scenarios
    s = tarieven.lees_scenario(G1)
    for i in (0, 1234, 19_999):
        wijz = {k: float(t[k].iloc[i]) for k in VERDELINGEN}
        assert t["tarief_per_client"].iloc[i] == enkel(s, **wijz).tarief


def test_monte_carlo_keuze_geeft_precies_de_tarieven_van_de_groepen() -> None:
    s = tarieven.lees_scenario(G1)
    mc = analyse.monte_carlo(s, {G: Keuze([9, 10], [0.25, 0.75])}, 4000, seed=1, regels=["tarief_per_client"])
    waarden = set(mc.trekkingen["tarief_per_client"].unique())
    assert waarden == {enkel(s, **{G: 9}).tarief, enkel(s, **{G: 10}).tarief}
    assert mc.trekkingen[G].eq(10).mean() == pytest.approx(0.75, abs=0.03)
    assert list(mc.trekkingen.columns) == [G, "tarief_per_client", "waarschuwingen"]


def test_monte_carlo_fouten() -> None:
    with pytest.raises(tarieven.InvoerFout, match=r"product\.bezettingsgraad = 1\.0\d*: .*begrens haar"):
        analyse.monte_carlo(G1, {B: Normaal(0.9, 0.1)}, 1000)
    with pytest.raises(tarieven.InvoerFout, match=r"laag ≤ modus ≤ hoog"):
        analyse.monte_carlo(G1, {B: Driehoek(0.9, 0.8, 0.95)})
    with pytest.raises(tarieven.InvoerFout, match=r"grenzen die een redelijk deel"):
        analyse.monte_carlo(G1, {MBO: Normaal(3000, 10, laag=4000, hoog=5000)})
    with pytest.raises(tarieven.InvoerFout, match=r"n = 0: verwacht een geheel aantal"):
        analyse.monte_carlo(G1, {B: Uniform(0.7, 0.9)}, 0)


def test_verdeling_uit_dict() -> None:
    from tarieven.analyse.montecarlo import verdeling_uit_dict

    assert verdeling_uit_dict({"verdeling": "normaal", "gemiddelde": 1, "sd": 2, "hoog": 3}) == Normaal(1, 2, hoog=3)
    assert verdeling_uit_dict({"verdeling": "keuze", "waarden": [8, 10]}) == Keuze([8.0, 10.0])
    with pytest.raises(ValueError, match="laag, modus, hoog"):
        verdeling_uit_dict({"verdeling": "driehoek", "laag": 1})
    assert math.isinf(Normaal(0, 1).hoog)


# -- structural choices in Monte Carlo ------------------------------------------------------


def test_monte_carlo_keuze_tussen_structuren(g1: dict[str, Any]) -> None:
    verdelingen = {
        GRS: Keuze([OPSLAG, AANDEEL], [0.25, 0.75]),
        B: Uniform(0.7, 0.95),
        AFR: Keuze(["naar_boven", "exact"]),
    }
    mc = analyse.monte_carlo(g1, verdelingen, 3000, seed=8)
    t = mc.trekkingen
    assert list(t.columns[:3]) == [GRS, B, AFR]
    assert isinstance(t[AFR].dtype, pd.CategoricalDtype)
    assert t[GRS].eq(AANDEEL).mean() == pytest.approx(0.75, abs=0.03)
    assert GRS not in mc.percentielen.index
    for i in (0, 1, 2, 1500, 2999):
        d = met_keuzes(g1, t[AFR].iloc[i], t[GRS].iloc[i], **{B: float(t[B].iloc[i])})
        assert t["tarief_per_client"].iloc[i] == tarieven.bereken(d).tarief
    # the choices are drawn from the same generator in the order given: the same seed, the same draws
    rng = np.random.default_rng(8)
    eerste = rng.choice(2, size=3000, p=[0.25, 0.75])
    assert np.array_equal(t[GRS].cat.codes.to_numpy(), eerste)
    in_blokken = analyse.monte_carlo(g1, verdelingen, 3000, seed=8, blokgrootte=701)
    pd.testing.assert_frame_equal(t, in_blokken.trekkingen)
    with pytest.raises(tarieven.InvoerFout, match=r"opslagen\.overhead = 1\.\d+: .*eerste ongeldige trekking"):
        analyse.monte_carlo(g1, {"opslagen.overhead": Uniform(0.5, 1.5), GRS: Keuze([OPSLAG, AANDEEL])}, 200)
    with pytest.raises(tarieven.InvoerFout, match=r"product\.ratio\.afronding = 'halverwege': verwacht een van"):
        analyse.monte_carlo(g1, {AFR: Keuze(["halverwege"])}, 10)
    with pytest.raises(tarieven.InvoerFout, match=r"verwacht een Keuze tussen de mogelijke teksten"):
        analyse.monte_carlo(g1, {AFR: Uniform(0, 1)}, 10)


def test_gekoppelde_invoer_krijgt_dezelfde_trekking() -> None:
    """One norm read by several functions is one uncertainty, not one per function."""
    verzuim = {"functies.mbo.verzuim": Uniform(0.05, 0.09)}
    mc = analyse.monte_carlo(G1, verzuim, 2000, seed=5, gekoppeld={"functies.mbo.verzuim": ["functies.hbo.verzuim"]})
    t = mc.trekkingen
    assert (t["functies.hbo.verzuim"] == t["functies.mbo.verzuim"]).all()
    assert "functies.hbo.verzuim" in mc.percentielen.index
    rij = t.iloc[3]
    v = float(rij["functies.mbo.verzuim"])
    assert (
        rij["tarief_per_client"]
        == enkel(tarieven.lees_scenario(G1), **{"functies.mbo.verzuim": v, "functies.hbo.verzuim": v}).tarief
    )
    # the same seed without the link draws the same mbo values
    los = analyse.monte_carlo(G1, verzuim, 2000, seed=5)
    assert (los.trekkingen["functies.mbo.verzuim"] == t["functies.mbo.verzuim"]).all()


@pytest.mark.parametrize(
    ("gekoppeld", "fout"),
    [
        ({"functies.wo.verzuim": ["functies.hbo.verzuim"]}, "een invoer met een verdeling"),
        ({"functies.mbo.verzuim": ["functies.mbo.verzuim"]}, "zonder eigen verdeling"),
        ({"functies.mbo.verzuim": ["bestaat.niet"]}, "gekoppeld.bestaat.niet"),
    ],
)
def test_koppeling_fouten(gekoppeld: dict[str, list[str]], fout: str) -> None:
    with pytest.raises(tarieven.InvoerFout, match=fout):
        analyse.monte_carlo(G1, {"functies.mbo.verzuim": Uniform(0.05, 0.09)}, 10, gekoppeld=gekoppeld)
