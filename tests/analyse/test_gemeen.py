"""Helpers shared by the analyses, ``tarieven.analyse._gemeen``."""

from __future__ import annotations

import io

import tarieven
from tarieven import analyse
from tarieven.analyse import onderwerp


def test_voortgangregel() -> None:
    stroom = io.StringIO()
    stil = analyse.VoortgangRegel("rooster", na=60, stroom=stroom)
    stil(1, 2)
    stil(2, 2)
    stil.klaar()
    assert stroom.getvalue() == ""
    luid = analyse.VoortgangRegel("rooster", na=0, stroom=stroom)
    luid(500_000, 1_000_000)
    luid.klaar()
    assert "rooster: 500.000 van 1.000.000 (50 %)" in stroom.getvalue()
    assert stroom.getvalue().endswith("\n")


def test_onderwerp_noemt_product_en_scenario() -> None:
    s = tarieven.lees_scenario("41A22", "2027-01-01")
    assert onderwerp(s) == "Dagbesteding licht (41A22) · standaardwaarden, peildatum 1 januari 2027"
    assert onderwerp(s.met(**{"product.groepsgrootte": 8})).endswith("· eigen scenario, peildatum 1 januari 2027")
    assert (
        onderwerp(tarieven.lees_scenario("GGZ-groep", tariefjaar=2025))
        == "GGZ groep · standaardwaarden, tariefjaar 2025"
    )
    v = tarieven.lees_scenario(tarieven.voorbeeld("dagbesteding-licht"))
    assert onderwerp(v) == "Dagbesteding licht (41A22) · scenario dagbesteding-licht.toml"
