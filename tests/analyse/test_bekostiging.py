"""Funding views (capacity versus P × Q), ``tarieven.analyse.bekostiging``.

Expected numbers come from the golden example g1, a hand calculation written out here, or
the single-scenario API (``tarieven.bereken``).
"""

from __future__ import annotations

import pytest

import tarieven
from tarieven import analyse
from tarieven.afronding import op_centen

from ._hulp import G1, B, enkel


def test_bekostiging_g1_met_de_hand() -> None:
    """g1 at full occupancy: group cost 460.83 + 19.41 + 50.00 + 3.50 × 10 = 565.24 per dagdeel
    (golden lines, rounded), / 10 places / 0.75 × 1.03 = 77.63 per place per dagdeel; × 480 dagdelen
    = € 37,260 per place per year (to within the rounding of the golden lines)."""
    bk = analyse.bekostiging(G1)
    assert bk.capaciteit_per_plaats_jaar == pytest.approx(565.24 / 10 / 0.75 * 1.03 * 480, abs=1.0)
    assert bk.capaciteit_per_groep_jaar == pytest.approx(10 * bk.capaciteit_per_plaats_jaar)
    assert str(op_centen(bk.tarief_pxq)) == "90.48"
    assert bk.pxq_per_plaats_jaar == pytest.approx(bk.tarief_pxq * 480 * 0.85, rel=1e-15)
    # at the break-even occupancy, P × Q pays what capacity pays
    assert bk.tarief_pxq * 480 * bk.gelijke_bezetting == pytest.approx(bk.capaciteit_per_plaats_jaar, rel=1e-12)
    # material and client time scale with occupancy, so break-even lies just above b0 = 0.85
    assert 0.85 < bk.gelijke_bezetting < 0.87
    assert "capaciteit per plaats per jaar" in str(bk)
    assert "€ 37.2" in str(bk)


def test_bekostiging_naar_bezetting_en_risico() -> None:
    s = tarieven.lees_scenario(G1)
    bk = analyse.bekostiging(s)
    tabel = bk.naar_bezetting([0.7, 0.85, 1.0])
    assert tabel["capaciteit_per_plaats_jaar"].nunique() == 1
    # cost at actual occupancy: that occupancy's tariff × E × b (single-scenario API)
    for b, kosten in zip([0.7, 0.85, 1.0], tabel["kosten_per_plaats_jaar"], strict=True):
        assert kosten == pytest.approx(enkel(s, **{B: b}).tarief * 480 * b, rel=1e-14)
    assert tabel["kosten_per_plaats_jaar"].iloc[-1] == pytest.approx(bk.capaciteit_per_plaats_jaar, rel=1e-14)
    zonder_risico = analyse.bekostiging(s, risico_opslag=0.0)
    assert zonder_risico.capaciteit_per_plaats_jaar == pytest.approx(bk.capaciteit_per_plaats_jaar / 1.03)
    with pytest.raises(tarieven.InvoerFout, match="risico_opslag"):
        analyse.bekostiging(s, risico_opslag=1.5)
