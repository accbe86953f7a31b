"""The Shapley decomposition and cents that add up (tarieven.shapley), against hand calculations."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tarieven.shapley import centen_die_optellen, shapley_delen


def test_twee_groepen_met_de_hand() -> None:
    """T(∅)=10, T(a)=14, T(b)=13, T(ab)=20: a = ½(4) + ½(7) = 5.5, b = ½(3) + ½(6) = 4.5."""
    assert shapley_delen([10.0, 14.0, 13.0, 20.0]) == [5.5, 4.5]


def test_drie_groepen_met_de_hand() -> None:
    """T = a·b·c over {1, 2} per factor (1 from the one side, 2 from the other): symmetric, so
    each part is a third of 8 − 1 = 7."""
    t = [float((1 + (m & 1)) * (1 + (m >> 1 & 1)) * (1 + (m >> 2 & 1))) for m in range(8)]
    assert shapley_delen(t) == pytest.approx([7 / 3] * 3, abs=1e-12)


def test_geen_groepen() -> None:
    assert shapley_delen([5.0]) == []


def test_additief_geeft_de_eigen_bijdrage() -> None:
    """Without interaction each part is the group's own change, whatever the others do."""
    bijdrage = [3.0, -1.25, 0.5]
    t = [sum(b for i, b in enumerate(bijdrage) if m >> i & 1) for m in range(8)]
    assert shapley_delen(t) == pytest.approx(bijdrage, abs=1e-12)


@given(st.lists(st.floats(-1e4, 1e4, allow_nan=False), min_size=16, max_size=16))
def test_delen_tellen_op_en_omdraaien_negeert(waarden: list[float]) -> None:
    """Any values: the parts sum to T(G) − T(∅); reversing the sides (T'(S) = T(G \\ S)) negates every part exactly."""
    delen = shapley_delen(waarden)
    assert math.fsum(delen) == pytest.approx(waarden[-1] - waarden[0], abs=1e-8)
    omgekeerd = shapley_delen([waarden[15 ^ m] for m in range(16)])
    assert omgekeerd == [-d for d in delen]


def test_centen_tellen_op() -> None:
    """1/3 three times to a shown total of 1.00: 0.33 + 0.33 + 0.34 (the remainder to one part)."""
    assert sum(centen_die_optellen([1 / 3, 1 / 3, 1 / 3], Decimal("1.00"))) == Decimal("1.00")
    assert sorted(centen_die_optellen([1 / 3, 1 / 3, 1 / 3], Decimal("1.00"))) == [
        Decimal("0.33"),
        Decimal("0.33"),
        Decimal("0.34"),
    ]


def test_centen_negatief() -> None:
    """-0.335 and -0.335 shown as -0.67 in total: -0.34 and -0.33."""
    assert sorted(centen_die_optellen([-0.335, -0.335], Decimal("-0.67"))) == [Decimal("-0.34"), Decimal("-0.33")]


@given(
    st.lists(st.floats(-500, 500, allow_nan=False), min_size=1, max_size=12),
    st.floats(-0.0049, 0.0049),
)
def test_centen_tellen_altijd_op_tot_het_getoonde_totaal(bedragen: list[float], afwijking: float) -> None:
    """Whatever the parts, the cents add up to the shown total, and each moves by less than a cent."""
    totaal = (Decimal(repr(math.fsum(bedragen) + afwijking))).quantize(Decimal("0.01"))
    centen = centen_die_optellen(bedragen, totaal)
    assert sum(centen) == totaal
    for b, c in zip(bedragen, centen, strict=True):
        assert abs(Decimal(repr(b)) - c) <= Decimal("0.01")
