"""The uncertainty band, ``tarieven.analyse.onzekerheid``: which inputs, over which range, drawn how."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import tarieven
from tarieven import analyse
from tarieven.analyse.onzekerheid import MARGES, ONTWERP, projectiemarge

from ._hulp import G1, B, G

PRODUCT = tarieven.lees_scenario("41A22", "2027-01-01")
"""On 2027-01-01, past the term of the CAO 2024-2025: salaries projected, other terms carried forward."""
IN_DE_CAO = tarieven.lees_scenario("41A22", "2025-06-01")
"""On 2025-06-01, within the CAO's term: nothing projected."""
VERHOGING = 1.037 * 1.026 - 1  # the expected wage raises of 2026 and 2027 together


def test_banden_alleen_onzekere_invoer_buiten_het_ontwerp() -> None:
    banden = analyse.onzekerheidsbanden(IN_DE_CAO)
    assert set(banden["status"]) == {"indicatief", "aanname"}
    for k in banden.index:
        assert IN_DE_CAO.herkomst[k].status in ("indicatief", "aanname")
    for k in (G, "product.ratio.kinderen_per_medewerker", "product.ratio.mix.mbo", "product.duur_uur"):
        assert k not in banden.index  # the product's design stays fixed
    # definitief values stay fixed: the CAO's working week
    assert IN_DE_CAO.herkomst["functies.mbo.uren_per_week"].status == "definitief"
    assert "functies.mbo.uren_per_week" not in banden.index
    assert B in banden.index


def test_geprojecteerd_houdt_de_marge_van_zijn_bron() -> None:
    """Past the CAO's term every CAO value is an ``aanname``, but the band follows what it was
    projected from: a definitief term carried forward unchanged stays fixed, an indicatief one
    keeps ± 10 %, the same as within the term."""
    banden, binnen = analyse.onzekerheidsbanden(PRODUCT), analyse.onzekerheidsbanden(IN_DE_CAO)
    assert set(banden["status"]) == {"aanname"}
    week = PRODUCT.herkomst["functies.mbo.uren_per_week"]
    assert (week.status, week.geprojecteerd, week.bronstatus, week.projectiefactor) == (
        "aanname", True, "definitief", 1.0
    )  # fmt: skip
    for k in ("functies.mbo.uren_per_week", "functies.mbo.vakantietoeslag"):
        assert k not in banden.index  # definitief in the CAO, carried forward: still fixed
    for k in ("functies.mbo.eindejaarsuitkering", "functies.mbo.verlofuren"):
        assert PRODUCT.herkomst[k].projectiefactor == 1.0  # carried forward unchanged
        # the same margin around its value (the leave hours differ by the calendar: 6 public holidays on a
        # weekday in 2027, 7 in 2025)
        marge = (banden.loc[k, ["laag", "hoog"]] / PRODUCT.waarden[k]).tolist()
        assert marge == pytest.approx((binnen.loc[k, ["laag", "hoog"]] / IN_DE_CAO.waarden[k]).tolist())
        assert "geprojecteerd, ongewijzigd" in banden.loc[k, "grens"]
    # the only inputs drawn now and not in 2025: premiums that are indicatief in 2026 (definitief in 2025)
    nieuw = {"werkgeverslasten.premies.ufo", "werkgeverslasten.premies.kinderopvang"}
    assert set(banden.index) - set(binnen.index) == nieuw
    assert all(PRODUCT.herkomst[k].bronstatus == "indicatief" for k in nieuw)


def test_banden_met_de_hand() -> None:
    b = analyse.onzekerheidsbanden(PRODUCT)
    # an assumption: ± 20 %
    assert b.loc["opslagen.overhead", ["laag", "hoog"]].tolist() == pytest.approx([0.16, 0.24])
    # stopped at the plausible range: productivity 0,9 + 20 % passes 100 %
    assert b.loc["functies.mbo.productiviteit", ["laag", "hoog"]].tolist() == pytest.approx([0.72, 1.0])
    assert "begrensd op het gebruikelijke bereik 50 % – 100 %" in b.loc["functies.mbo.productiviteit", "grens"]
    # a CAO fact that is an assumption (leave hours) takes the margin of indicatief
    assert PRODUCT.veld("functies.mbo.verlofuren").vast
    assert PRODUCT.herkomst["functies.mbo.verlofuren"].bronstatus == "aanname"
    verlof = 144 + 43.2 + 56 + 0.1 * 79  # holiday, 6 public holidays in 2027, leave budget, vitality budget
    assert b.loc["functies.mbo.verlofuren", ["laag", "hoog"]].tolist() == pytest.approx([0.9 * verlof, 1.1 * verlof])


def test_salaris_in_de_cao_indicatief_tien_procent() -> None:
    """On 2025-06-01 the salary is the reconstructed table itself: indicatief, ± 10 %."""
    b = analyse.onzekerheidsbanden(IN_DE_CAO)
    h = IN_DE_CAO.herkomst["functies.mbo.maandsalaris"]
    assert (h.status, h.geprojecteerd, h.bronstatus) == ("indicatief", False, None)
    sal = IN_DE_CAO.waarden["functies.mbo.maandsalaris"]
    assert b.loc["functies.mbo.maandsalaris", ["laag", "hoog"]].tolist() == pytest.approx([0.9 * sal, 1.1 * sal])
    assert b.loc["functies.mbo.maandsalaris", "grens"] == "± 10 %"


def test_salaris_geprojecteerd_tabel_en_verhoging_samen() -> None:
    """On 2027-01-01 the salary is that table times the expected raises (+6,4 %): status aanname,
    but not a choice of ± 20 %. The table keeps its ± 10 %; the raise ranges over itself (from
    none to twice as much); independent, they combine as √(0,10² + 0,064²) ≈ ± 11,9 %."""
    b = analyse.onzekerheidsbanden(PRODUCT)
    h = PRODUCT.herkomst["functies.mbo.maandsalaris"]
    assert (h.status, h.geprojecteerd, h.bronstatus) == ("aanname", True, "indicatief")
    assert h.projectiefactor == pytest.approx(1 + VERHOGING)
    sal = PRODUCT.waarden["functies.mbo.maandsalaris"]
    assert sal == pytest.approx(IN_DE_CAO.waarden["functies.mbo.maandsalaris"] * (1 + VERHOGING), abs=0.01)
    m = (0.10**2 + VERHOGING**2) ** 0.5
    assert 0.118 < m < 0.119
    for functie in ("mbo", "hbo", "wo"):
        k = f"functies.{functie}.maandsalaris"
        s = PRODUCT.waarden[k]
        assert b.loc[k, ["laag", "hoog"]].tolist() == pytest.approx([(1 - m) * s, (1 + m) * s])
        assert b.loc[k, "grens"].startswith("± 11,9 % (geprojecteerd: indicatief ± 10 % en loonontwikkeling +6,4 %")
    # the same value as an assumption of its own (no status before projection) would take ± 20 %
    assert b.loc["functies.mbo.maandsalaris", "hoog"] < 1.2 * sal
    assert projectiemarge(0.10, 1.0) == 0.10


def test_geprojecteerd_in_een_tariefjaar_en_met_eigen_marges() -> None:
    """Tariff year 2026: the table times +3,7 % only. Own margins: the raise is an assumption,
    drawn only when assumptions are; the table only when indicatief values are."""
    jaar = tarieven.lees_scenario({"basis": "41A22", "tariefjaar": 2026})
    h = jaar.herkomst["functies.hbo.maandsalaris"]
    assert (h.bronstatus, h.projectiefactor) == ("indicatief", pytest.approx(1.037))
    m = (0.10**2 + 0.037**2) ** 0.5
    sal = jaar.waarden["functies.hbo.maandsalaris"]
    b = analyse.onzekerheidsbanden(jaar)
    assert b.loc["functies.hbo.maandsalaris", "hoog"] == pytest.approx((1 + m) * sal)
    alleen_indicatief = analyse.onzekerheidsbanden(PRODUCT, marges={"indicatief": 0.10})
    s27 = PRODUCT.waarden["functies.hbo.maandsalaris"]
    assert alleen_indicatief.loc["functies.hbo.maandsalaris", "hoog"] == pytest.approx(1.1 * s27)
    assert "opslagen.overhead" not in alleen_indicatief.index
    alleen_aanname = analyse.onzekerheidsbanden(PRODUCT, marges={"aanname": 0.05})
    assert alleen_aanname.loc["functies.hbo.maandsalaris", "hoog"] == pytest.approx((1 + VERHOGING) * s27)


def test_uitkomst_uit_json_zonder_bronstatus_valt_terug_op_aanname(tmp_path: Path) -> None:
    """A stored result carries status and the mark geprojecteerd, not the status before
    projection: read back, a projected salary takes the margin of its status, ± 20 %."""
    pad = tmp_path / "uitkomst.json"
    pad.write_text(tarieven.bereken(PRODUCT).to_json(), encoding="utf-8")
    terug = tarieven.lees_scenario(pad)
    h = terug.herkomst["functies.mbo.maandsalaris"]
    assert (h.status, h.geprojecteerd, h.bronstatus) == ("aanname", True, None)
    s = terug.waarden["functies.mbo.maandsalaris"]
    assert analyse.onzekerheidsbanden(terug).loc["functies.mbo.maandsalaris", "hoog"] == pytest.approx(1.2 * s)


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
