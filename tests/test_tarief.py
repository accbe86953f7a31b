"""Steps 5 and 6, the tariff in other units (tarieven.tarief): by hand, arrays, symbols."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np
import pytest

from tarieven import tarief
from tarieven.afronding import op_centen
from tarieven.formule import EXPRESSIE, Naam, volg

REL = 1e-12


def _formule(functie: Callable[..., Any]) -> str:
    return volg(functie, {p: Naam(p) for p in inspect.signature(functie).parameters}).tekst(EXPRESSIE)


def test_per_uur_met_de_hand() -> None:
    assert tarief.per_uur(90.48, 4.0) == pytest.approx(22.62, rel=REL)
    assert tarief.per_uur(120.8, 1.5) == pytest.approx(120.8 / 1.5, rel=REL)


def test_per_minuut_met_de_hand() -> None:
    assert tarief.per_minuut(90.0, 1.5) == pytest.approx(1.0, rel=REL)
    assert tarief.per_minuut(90.48, 4.0) == pytest.approx(90.48 / 240, rel=REL)


def test_per_minuut_is_per_uur_gedeeld_door_60() -> None:
    assert tarief.per_minuut(90.48, 4.0) * 60 == pytest.approx(tarief.per_uur(90.48, 4.0), rel=REL)


def test_per_week_en_per_jaar_met_de_hand() -> None:
    week = tarief.per_week(90.48, 2.5)
    assert week == pytest.approx(226.2, rel=REL)
    assert tarief.per_jaar(week, 48.0) == pytest.approx(90.48 * 2.5 * 48, rel=REL)


def test_per_traject_met_de_hand() -> None:
    assert tarief.per_traject(120.8, 10.0) == pytest.approx(1208.0, rel=REL)


def test_per_traject_rondt_het_product_af_niet_de_factor() -> None:
    # a session tariff of 100/3 over 3 sessions is 100,00; rounding the session first gives 99,99
    assert op_centen(tarief.per_traject(100 / 3, 3)) == Decimal("100.00")
    assert op_centen(100 / 3) * 3 == Decimal("99.99")


def test_alle_functies_broadcasten_zoals_element_voor_element() -> None:
    t = np.array([90.48, 120.8, 234.07])
    n = np.array([4.0, 1.5, 2.5])
    gevallen: list[Callable[..., Any]] = [
        tarief.per_uur,
        tarief.per_minuut,
        tarief.per_week,
        tarief.per_jaar,
        tarief.per_traject,
    ]
    for functie in gevallen:
        samen = functie(t, n)
        los = [functie(float(a), float(b)) for a, b in zip(t, n, strict=True)]
        assert samen.shape == (3,), functie.__name__
        np.testing.assert_allclose(samen, los, rtol=REL, err_msg=functie.__name__)


def test_scalar_tegen_array_broadcast() -> None:
    np.testing.assert_allclose(tarief.per_uur(np.array([90.0, 120.0]), 4.0), [22.5, 30.0], rtol=REL)


@pytest.mark.parametrize(
    ("functie", "verwacht"),
    [
        (tarief.per_uur, "tarief / duur_uur"),
        (tarief.per_minuut, "tarief / (duur_uur * 60)"),
        (tarief.per_week, "tarief * eenheden_per_week"),
        (tarief.per_jaar, "tarief_per_week * weken_per_jaar"),
        (tarief.per_traject, "tarief * sessies_per_traject"),
    ],
    ids=lambda x: getattr(x, "__name__", ""),
)
def test_met_symbolen_volgt_de_formule(functie: Callable[..., Any], verwacht: str) -> None:
    assert _formule(functie) == verwacht
