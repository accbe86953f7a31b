"""Step 2, productive hours and the cost per productive hour (tarieven.uren): by hand, arrays, symbols."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from tarieven import uren
from tarieven.formule import EXPRESSIE, Naam, volg

REL = 1e-12


def _formule(functie: Callable[..., Any]) -> str:
    return volg(functie, {p: Naam(p) for p in inspect.signature(functie).parameters}).tekst(EXPRESSIE)


def test_contracturen_met_de_hand() -> None:
    assert uren.contracturen(36.0, 52.143) == pytest.approx(1877.148, rel=REL)
    assert uren.contracturen(40.0, 52.0) == pytest.approx(2080.0, rel=REL)


def test_beschikbare_uren_met_de_hand() -> None:
    # 1.877,148 contract hours, 216 leave, 6 % sickness of the contract hours, 36 training
    verwacht = 1877.148 - 216 - 0.06 * 1877.148 - 36
    assert uren.beschikbare_uren(1877.148, 216.0, 0.06, 36.0) == pytest.approx(verwacht, rel=REL)


def test_verzuim_is_een_deel_van_de_contracturen_niet_van_de_rest() -> None:
    # 10 % of 2.000 is 200, regardless of the leave and training taken off as well
    assert uren.beschikbare_uren(2000.0, 200.0, 0.1, 100.0) == pytest.approx(2000 - 200 - 200 - 100, rel=REL)


def test_productieve_uren_met_de_hand() -> None:
    assert uren.productieve_uren(1500.0, 0.85) == pytest.approx(1275.0, rel=REL)
    assert uren.productieve_uren(1500.0, 1.0) == pytest.approx(1500.0, rel=REL)


def test_uurkosten_met_de_hand() -> None:
    assert uren.uurkosten(61_000.0, 1250.0) == pytest.approx(48.8, rel=REL)


def test_de_keten_van_stap_2_met_de_hand() -> None:
    contract = uren.contracturen(36.0, 52.143)
    productief = uren.productieve_uren(uren.beschikbare_uren(contract, 216.0, 0.06, 36.0), 0.85)
    verwacht_uren = (36 * 52.143 * (1 - 0.06) - 216 - 36) * 0.85
    assert productief == pytest.approx(verwacht_uren, rel=REL)
    assert uren.uurkosten(60_000.0, productief) == pytest.approx(60_000 / verwacht_uren, rel=REL)


def test_alle_functies_broadcasten_zoals_element_voor_element() -> None:
    per_week = np.array([32.0, 36.0, 38.0, 40.0])
    weken = np.array([52.143, 52.143, 52.0, 52.2])
    verlof = np.array([150.0, 216.0, 250.0, 300.0])
    verzuim = np.array([0.0, 0.06, 0.1, 0.15])
    scholing = np.array([0.0, 36.0, 40.0, 80.0])
    productiviteit = np.array([0.5, 0.85, 0.9, 1.0])
    kosten = np.array([40_000.0, 60_000.0, 75_000.0, 90_000.0])

    contract = uren.contracturen(per_week, weken)
    beschikbaar = uren.beschikbare_uren(contract, verlof, verzuim, scholing)
    productief = uren.productieve_uren(beschikbaar, productiviteit)
    gevallen: list[tuple[Callable[..., Any], tuple[Any, ...]]] = [
        (uren.contracturen, (per_week, weken)),
        (uren.beschikbare_uren, (contract, verlof, verzuim, scholing)),
        (uren.productieve_uren, (beschikbaar, productiviteit)),
        (uren.uurkosten, (kosten, productief)),
    ]
    for functie, args in gevallen:
        samen = functie(*args)
        los = [functie(*(float(a[i]) for a in args)) for i in range(len(per_week))]
        assert samen.shape == per_week.shape, functie.__name__
        np.testing.assert_allclose(samen, los, rtol=REL, err_msg=functie.__name__)


def test_scalar_tegen_array_broadcast() -> None:
    np.testing.assert_allclose(uren.contracturen(np.array([32.0, 36.0]), 52.0), [32 * 52, 36 * 52], rtol=REL)


@pytest.mark.parametrize(
    ("functie", "verwacht"),
    [
        (uren.contracturen, "uren_per_week * weken_per_jaar"),
        (uren.beschikbare_uren, "contracturen - verlofuren - verzuim * contracturen - scholingsuren"),
        (uren.productieve_uren, "beschikbare_uren * productiviteit"),
        (uren.uurkosten, "personeelskosten / productieve_uren"),
    ],
    ids=lambda x: getattr(x, "__name__", ""),
)
def test_met_symbolen_volgt_de_formule(functie: Callable[..., Any], verwacht: str) -> None:
    assert _formule(functie) == verwacht
