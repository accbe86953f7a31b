"""Helpers shared by the analyses, ``tarieven.analyse._gemeen``."""

from __future__ import annotations

import io

from tarieven import analyse


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
