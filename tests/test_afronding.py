"""Rounding only on display, half up via Decimal; published rounding rules (golden g8)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tarieven import opslagen
from tarieven.afronding import op_centen, rond_af
from tarieven.weergave import euro

from .conftest import lees_golden

G8 = lees_golden("g8-afronding-gepubliceerd.json")["gevallen"]


@pytest.mark.parametrize("geval", G8, ids=[str(g["uurkosten"]) for g in G8])
def test_g8_gepubliceerd_rekenvoorbeeld(geval: dict[str, object]) -> None:
    """uurkosten / productiviteit × (1 + overhead), published rounded up to whole euros."""
    uurkosten, productiviteit, overhead = (float(geval[k]) for k in ("uurkosten", "productiviteit", "overhead"))  # type: ignore[arg-type]
    aandeel = geval["overhead_grondslag"] == "aandeel_integrale_kostprijs"
    onafgerond = float(opslagen.met_overhead(uurkosten / productiviteit, overhead, aandeel))
    assert op_centen(onafgerond) == Decimal(str(geval["verwacht_onafgerond"]))
    assert rond_af(onafgerond, str(geval["afronding"])) == Decimal(str(geval["verwacht"]))


def test_half_naar_boven_zoals_decimaal_gerekend() -> None:
    # 2.675 is 2.67499999... as a binary float; the intended decimal value rounds up
    assert op_centen(2.675) == Decimal("2.68")
    assert op_centen(0.125) == Decimal("0.13")
    assert op_centen(-0.125) == Decimal("-0.13")
    assert op_centen(44.975668) == Decimal("44.98")


def test_naar_boven_hele_euro_niet_door_ruis() -> None:
    assert rond_af(37.000000000001, "naar_boven_hele_euro") == Decimal("37.00")
    assert rond_af(37.006, "naar_boven_hele_euro") == Decimal("38.00")


def test_per_minuut_hele_centen() -> None:
    # 78.75 / 60 = 1.3125 per minute -> 1.31 -> 78.60 an hour, divisible by 60 cents
    assert rond_af(78.75, "per_minuut_hele_centen") == Decimal("78.60")
    assert rond_af(78.75, "per_minuut_hele_centen") % Decimal("0.60") == 0


def test_onbekende_afrondingsregel() -> None:
    with pytest.raises(ValueError, match="onbekende afrondingsregel 'bankers'"):
        rond_af(1.0, "bankers")


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [
        (1234.5, "€ 1.234,50"),
        (0.005, "€ 0,01"),
        (1_234_567.891, "€ 1.234.567,89"),
        (-12.3, "€ -12,30"),
    ],
)
def test_nederlandse_notatie(waarde: float, tekst: str) -> None:
    assert euro(waarde) == tekst
