"""The uncertainty band, ``tarieven.analyse.onzekerheid``: which inputs, over which range, drawn how."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import tarieven
from tarieven import analyse
from tarieven.analyse.onzekerheid import MARGES, ONTWERP

from ._hulp import G1, B, G

PRODUCT = tarieven.lees_scenario("41A22", "2027-01-01")


def test_banden_alleen_onzekere_invoer_buiten_het_ontwerp() -> None:
    banden = analyse.onzekerheidsbanden(PRODUCT)
    assert set(banden["status"]) == {"indicatief", "aanname"}
    for k in banden.index:
        assert PRODUCT.herkomst[k].status in ("indicatief", "aanname")
    for k in (G, "product.ratio.kinderen_per_medewerker", "product.ratio.mix.mbo", "product.duur_uur"):
        assert k not in banden.index  # the product's design stays fixed
    # definitief values stay fixed: the CAO's working week
    assert PRODUCT.herkomst["functies.mbo.uren_per_week"].status == "definitief"
    assert "functies.mbo.uren_per_week" not in banden.index
    assert B in banden.index


def test_banden_met_de_hand() -> None:
    b = analyse.onzekerheidsbanden(PRODUCT)
    # an assumption: ± 20 %
    assert b.loc["opslagen.overhead", ["laag", "hoog"]].tolist() == pytest.approx([0.16, 0.24])
    # an indicative value: ± 10 %
    sal = PRODUCT.waarden["functies.mbo.maandsalaris"]
    assert b.loc["functies.mbo.maandsalaris", ["laag", "hoog"]].tolist() == pytest.approx([0.9 * sal, 1.1 * sal])
    # stopped at the plausible range: productivity 0,9 + 20 % passes 100 %
    assert b.loc["functies.mbo.productiviteit", ["laag", "hoog"]].tolist() == pytest.approx([0.72, 1.0])
    assert "begrensd op het gebruikelijke bereik 50 % – 100 %" in b.loc["functies.mbo.productiviteit", "grens"]
    # a CAO fact that is an assumption (leave hours) takes the margin of indicatief
    assert PRODUCT.veld("functies.mbo.verlofuren").vast
    assert PRODUCT.herkomst["functies.mbo.verlofuren"].status == "aanname"
    assert b.loc["functies.mbo.verlofuren", ["laag", "hoog"]].tolist() == pytest.approx([0.9 * 194.4, 1.1 * 194.4])


def test_een_norm_een_trekking() -> None:
    b = analyse.onzekerheidsbanden(PRODUCT)
    assert b.loc["functies.hbo.verzuim", "gekoppeld_aan"] == "functies.mbo.verzuim"
    assert b.loc["functies.wo.verzuim", "gekoppeld_aan"] == "functies.mbo.verzuim"
    assert b.loc["functies.mbo.verzuim", "gekoppeld_aan"] == ""
    # different parameters (salary scales 8 and 9) are drawn independently
    assert b.loc["functies.hbo.maandsalaris", "gekoppeld_aan"] == ""
    # productivity of the behavioural scientist is its own norm
    assert b.loc["functies.wo.productiviteit", "gekoppeld_aan"] == ""
    assert b.loc["functies.hbo.productiviteit", "gekoppeld_aan"] == "functies.mbo.productiviteit"


def test_onzekerheid_trekt_binnen_de_banden() -> None:
    mc = analyse.onzekerheid(PRODUCT, 4000, seed=3)
    banden = mc.trekkingen.attrs["banden"]
    t = mc.trekkingen
    for k, rij in banden.iterrows():
        assert t[k].between(rij["laag"], rij["hoog"]).all(), k
        if rij["gekoppeld_aan"]:
            assert (t[k] == t[rij["gekoppeld_aan"]]).all()
    for k in PRODUCT.waarden:
        if k not in banden.index:
            assert k not in t.columns  # every other input keeps its value
    # each row is the single-scenario API on the drawn inputs
    rij = t.iloc[17]
    enkel = tarieven.bereken(PRODUCT.met(**{k: float(rij[k]) for k in banden.index}))
    assert rij["tarief_per_client"] == pytest.approx(enkel.tarief, rel=1e-12)
    p5, p50, p95 = (mc.percentiel(p) for p in (5, 50, 95))
    assert p5 < tarieven.bereken(PRODUCT).tarief < p95
    assert p5 < p50 < p95


def test_onzekerheid_reproduceerbaar() -> None:
    a = analyse.onzekerheid(PRODUCT, 1000, seed=9)
    b = analyse.onzekerheid(PRODUCT, 1000, seed=9)
    pd.testing.assert_frame_equal(a.trekkingen, b.trekkingen)


def test_ontwerp_mag_meedoen_en_invoer_mag_vast() -> None:
    b = analyse.onzekerheidsbanden(PRODUCT, ontwerp_vast=False, vast=["opslagen.overhead"])
    assert G in b.index
    assert "opslagen.overhead" not in b.index
    mc = analyse.onzekerheid(PRODUCT, 500, ontwerp_vast=False)
    assert np.all(np.mod(mc.trekkingen[G], 1) == 0)  # whole places
    t = mc.trekkingen
    assert "product.ratio.mix.mbo" in t.columns  # the first share is drawn, the other is the rest
    assert "product.ratio.mix.hbo" not in b.index
    assert np.allclose(t["product.ratio.mix.mbo"] + t["product.ratio.mix.hbo"], 1.0)
    assert set(ONTWERP) >= {G}


def test_eigen_marges() -> None:
    b = analyse.onzekerheidsbanden(PRODUCT, marges={"aanname": 0.05})
    assert set(b["status"]) == {"aanname"}
    assert b.loc["opslagen.overhead", "hoog"] == pytest.approx(0.21)
    assert MARGES == {"indicatief": 0.10, "aanname": 0.20}
    with pytest.raises(tarieven.InvoerFout, match=r"marges\.aanname"):
        analyse.onzekerheidsbanden(PRODUCT, marges={"aanname": 1.5})
    with pytest.raises(tarieven.InvoerFout, match=r"marges\.definitief"):
        analyse.onzekerheidsbanden(PRODUCT, marges={"definitief": 0.1})
    with pytest.raises(tarieven.InvoerFout, match=r"vast\.bestaat\.niet"):
        analyse.onzekerheidsbanden(PRODUCT, vast=["bestaat.niet"])


def test_niets_onzeker_is_een_fout() -> None:
    """A scenario of the user's own values has no status: nothing to draw."""
    assert analyse.onzekerheidsbanden(G1).empty
    with pytest.raises(tarieven.InvoerFout, match="ten minste één invoer met status"):
        analyse.onzekerheid(G1, 100)
