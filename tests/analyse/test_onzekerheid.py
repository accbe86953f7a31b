"""The uncertainty band, ``tarieven.analyse.onzekerheid``: which inputs, over which range, drawn how."""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import tarieven
from tarieven import analyse
from tarieven.analyse.onzekerheid import MARGES, ONTWERP, projectiemarge
from tarieven.herkomst import Herkomst

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


def _cent(x: float) -> float:
    """Rounded to whole cents, half up: as a CAO raises a table."""
    return float(Decimal(repr(x)).quantize(Decimal("0.01"), ROUND_HALF_UP))


def _zonder_lezing(s: tarieven.Scenario, sleutel: str, status: str) -> tarieven.Scenario:
    """The scenario with one input's origin an uncertain value without readings (a user's own norm)."""
    return replace(s, herkomst={**s.herkomst, sleutel: Herkomst("eigen norm (test)", status)})


def test_geprojecteerd_zonder_lezingen_houdt_de_marge_van_zijn_bron() -> None:
    """Past the CAO's term every CAO value is an ``aanname``, but a value without readings keeps the
    margin of what it was projected from: a definitief term carried forward unchanged stays fixed,
    an indicatief one keeps ± 10 %, the same as within the term."""
    banden, binnen = analyse.onzekerheidsbanden(PRODUCT), analyse.onzekerheidsbanden(IN_DE_CAO)
    assert set(banden["status"]) == {"aanname"}
    week = PRODUCT.herkomst["functies.mbo.uren_per_week"]
    assert (week.status, week.geprojecteerd, week.bronstatus, week.projectiefactor) == (
        "aanname",
        True,
        "definitief",
        1.0,
    )
    for k in ("functies.mbo.uren_per_week", "functies.mbo.vakantietoeslag"):
        assert k not in banden.index  # definitief in the CAO, carried forward: still fixed
    k = "functies.mbo.eindejaarsuitkering"  # indicatief, no readings, carried forward unchanged
    assert PRODUCT.herkomst[k].lezing is None
    assert PRODUCT.herkomst[k].projectiefactor == 1.0
    assert banden.loc[k, ["laag", "hoog"]].tolist() == pytest.approx(binnen.loc[k, ["laag", "hoog"]].tolist())
    assert banden.loc[k, ["laag", "hoog"]].tolist() == pytest.approx([0.9 * 0.0833, 1.1 * 0.0833])
    assert "geprojecteerd, ongewijzigd" in banden.loc[k, "grens"]


def test_banden_tussen_de_eigen_lezingen() -> None:
    """An input with readings ranges from its low to its high reading (as written in the parameter
    files), with its own value in between; not a blanket margin."""
    b = analyse.onzekerheidsbanden(PRODUCT)
    assert b.loc["opslagen.overhead", ["laag", "hoog"]].tolist() == pytest.approx([0.15, 0.25])
    assert b.loc["opslagen.risico_opslag", ["laag", "hoog"]].tolist() == pytest.approx([0.0, 0.03])
    assert b.loc[B, ["laag", "hoog"]].tolist() == pytest.approx([0.80, 0.90])  # occupancy: laag is the higher one
    assert b.loc["functies.mbo.productiviteit", ["laag", "hoog"]].tolist() == pytest.approx([0.85, 0.92])
    assert b.loc["opslagen.overhead", "grens"] == "lezingen laag 15 % en hoog 25 %"
    # leave: 144 holiday + 6 public holidays of 7,2 h in 2027 + 56 leave budget + a share of 79 vitality hours
    # (0 at laag, 0,1 central, 0,2 at hoog)
    verlof = b.loc["functies.mbo.verlofuren", ["basis", "laag", "hoog"]].tolist()
    assert verlof == pytest.approx([144 + 43.2 + 56 + 7.9, 144 + 43.2 + 56, 144 + 43.2 + 56 + 15.8])


def test_zonder_lezingen_de_marge_en_het_gebruikelijke_bereik() -> None:
    """A value without readings (here productivity given as an aanname of the user's own, no readings):
    ± 20 %, stopped at the plausible range (0,9 + 20 % passes 100 %)."""
    s = _zonder_lezing(PRODUCT, "functies.mbo.productiviteit", "aanname")
    b = analyse.onzekerheidsbanden(s)
    assert b.loc["functies.mbo.productiviteit", ["laag", "hoog"]].tolist() == pytest.approx([0.72, 1.0])
    assert "begrensd op het gebruikelijke bereik 50 % – 100 %" in b.loc["functies.mbo.productiviteit", "grens"]


def test_salaris_in_de_cao_tussen_zijn_lezingen() -> None:
    """On 2025-06-01 the mbo salary is scale 8 of 1 March 2025 (step 0: 2.942,98) at the central step 7
    of a table spanning 40 %: 2.942,98 × 1,28 = 3.767,01. Its low reading is the middle step (5) of a
    table spanning 30 %: × 1,15 = 3.384,43; its high the top of a table spanning 45 %: × 1,45 = 4.267,32."""
    b = analyse.onzekerheidsbanden(IN_DE_CAO)
    k = "functies.mbo.maandsalaris"
    assert IN_DE_CAO.waarden[k] == _cent(2942.98 * 1.28)
    assert b.loc[k, ["laag", "hoog"]].tolist() == [_cent(2942.98 * 1.15), _cent(2942.98 * 1.45)]
    assert b.loc[k, "grens"] == "lezingen laag € 3.384,43 /maand en hoog € 4.267,32 /maand"


def test_salaris_geprojecteerd_tussen_zijn_lezingen() -> None:
    """On 2027-01-01 each reading of the table is raised by the reading of the wage development, to
    cents at every raise: low 3.384,43 × 1,037 × 1,026 (the employers' offer), high 4.267,32 × 1,04
    × 1,029 (the 7 % the unions asked)."""
    b = analyse.onzekerheidsbanden(PRODUCT)
    k = "functies.mbo.maandsalaris"
    laag = _cent(_cent(_cent(2942.98 * 1.15) * 1.037) * 1.026)
    hoog = _cent(_cent(_cent(2942.98 * 1.45) * 1.04) * 1.029)
    assert b.loc[k, ["laag", "hoog"]].tolist() == [laag, hoog]
    assert PRODUCT.waarden[k] == _cent(_cent(_cent(2942.98 * 1.28) * 1.037) * 1.026)
    assert projectiemarge(0.10, 1.0) == 0.10  # the rule for values without readings still holds


def test_tariefjaar_en_eigen_marges() -> None:
    """Tariff year 2026: every reading time-weighted as the value itself (one raise on 1 January).
    Own margins choose the statuses drawn: only indicatief leaves the assumptions out."""
    jaar = tarieven.lees_scenario({"basis": "41A22", "tariefjaar": 2026})
    b = analyse.onzekerheidsbanden(jaar)
    k = "functies.mbo.maandsalaris"
    assert b.loc[k, ["laag", "hoog"]].tolist() == [
        _cent(_cent(2942.98 * 1.15) * 1.037),
        _cent(_cent(2942.98 * 1.45) * 1.04),
    ]
    alleen_indicatief = analyse.onzekerheidsbanden(PRODUCT, marges={"indicatief": 0.10})
    assert "opslagen.overhead" not in alleen_indicatief.index
    assert k not in alleen_indicatief.index  # an aanname in 2027 (projected), drawn only with the assumptions


def test_uitkomst_uit_json_tussen_dezelfde_lezingen(tmp_path: Path) -> None:
    """A stored result carries each input's reading: read back, it is drawn between the same readings,
    re-read from its own inputs on its own date."""
    pad = tmp_path / "uitkomst.json"
    pad.write_text(tarieven.bereken(PRODUCT).to_json(), encoding="utf-8")
    terug = tarieven.lees_scenario(pad)
    assert terug.herkomst["functies.mbo.maandsalaris"].lezing == "centraal"
    k = "functies.mbo.maandsalaris"
    terug_b, b = analyse.onzekerheidsbanden(terug), analyse.onzekerheidsbanden(PRODUCT)
    assert terug_b.loc[k, ["laag", "hoog"]].tolist() == b.loc[k, ["laag", "hoog"]].tolist()


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
    """With the design drawn too, the ratio and the mix range between their readings (the mix still
    sums to 1); the group size, whose readings are all the product's maximum, stays."""
    b = analyse.onzekerheidsbanden(PRODUCT, ontwerp_vast=False, vast=["opslagen.overhead"])
    assert "opslagen.overhead" not in b.index
    assert G not in b.index
    assert b.loc["product.ratio.kinderen_per_medewerker", ["laag", "hoog"]].tolist() == [5.0, 6.0]
    mc = analyse.onzekerheid(PRODUCT, 500, ontwerp_vast=False)
    t = mc.trekkingen
    assert "product.ratio.mix.mbo" in t.columns  # the first share is drawn, the other is the rest
    assert "product.ratio.mix.hbo" not in b.index
    assert t["product.ratio.mix.mbo"].between(0.5, 0.75).all()
    assert np.allclose(t["product.ratio.mix.mbo"] + t["product.ratio.mix.hbo"], 1.0)
    assert set(ONTWERP) >= {G}


def test_eigen_marges() -> None:
    s = _zonder_lezing(PRODUCT, "functies.mbo.productiviteit", "aanname")
    b = analyse.onzekerheidsbanden(s, marges={"aanname": 0.05})
    assert set(b["status"]) == {"aanname"}
    assert b.loc["functies.mbo.productiviteit", ["laag", "hoog"]].tolist() == pytest.approx([0.855, 0.945])
    assert b.loc["opslagen.overhead", "hoog"] == pytest.approx(0.25)  # readings, whatever the margin
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
