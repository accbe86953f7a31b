"""Step 3, the cost of one unit of one group (tarieven.groep): by hand, the ratio's rounding, arrays, symbols."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from tarieven import groep
from tarieven.formule import EXPRESSIE, Naam, volg

REL = 1e-12


def _formule(functie: Callable[..., Any], **anders: Any) -> str:
    args = {p: Naam(p) for p in inspect.signature(functie).parameters}
    return volg(functie, {**args, **anders}).tekst(EXPRESSIE)


# -- staff from a ratio ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("groepsgrootte", "k", "verwacht"),
    [
        (10, 5, 2),  # exact
        (5, 4, 2),  # 1,25 people: a second person is needed
        (9, 3, 3),
        (8, 3, 3),  # 2,67 -> 3
        (1, 4, 1),
        (12, 1, 12),
    ],
)
def test_medewerkers_uit_ratio_naar_boven_op_hele_medewerkers(groepsgrootte: int, k: int, verwacht: int) -> None:
    assert groep.medewerkers_uit_ratio(groepsgrootte, k) == verwacht


def test_medewerkers_uit_ratio_rondt_floatruis_niet_naar_boven() -> None:
    assert groep.medewerkers_uit_ratio(0.3 * 10, 1.0) == 3
    # 0.1 * 3 * 10 is 3.0000000000000004 in floating point: a bare ceil would give 4 people
    assert np.ceil(0.1 * 3 * 10 / 1.0) == 4
    assert groep.medewerkers_uit_ratio(0.1 * 3 * 10, 1.0) == 3
    # a real group: 21 places at 1 per 0,7 children is 30.000000000000004 in floating point
    assert np.ceil(21 / 0.7) == 31
    assert groep.medewerkers_uit_ratio(21, 0.7) == 30


def test_medewerkers_uit_ratio_een_echte_breuk_gaat_wel_naar_boven() -> None:
    # 3.00001 is a real fraction (above the 9-decimal guard): 4 people
    assert groep.medewerkers_uit_ratio(3.00001, 1.0) == 4


def test_medewerkers_uit_ratio_exact_houdt_de_breuk() -> None:
    assert groep.medewerkers_uit_ratio(5, 4, naar_boven=False) == pytest.approx(1.25, rel=REL)
    assert groep.medewerkers_uit_ratio(10, 3, naar_boven=False) == pytest.approx(10 / 3, rel=REL)


def test_medewerkers_uit_ratio_met_een_bool_array_per_element() -> None:
    g, k = np.array([5.0, 5.0, 21.0, 21.0]), np.array([4.0, 4.0, 0.7, 0.7])
    uit = groep.medewerkers_uit_ratio(g, k, np.array([True, False, True, False]))
    np.testing.assert_allclose(uit, [2.0, 1.25, 30.0, 21 / 0.7], rtol=REL)
    assert uit[2] == 30  # the guard holds per element too


def test_medewerkers_uit_ratio_broadcast_zoals_element_voor_element() -> None:
    g = np.array([4.0, 5.0, 8.0, 10.0, 21.0])
    k = np.array([2.0, 4.0, 3.0, 5.0, 0.7])
    for naar_boven in (True, False):
        samen = groep.medewerkers_uit_ratio(g, k, naar_boven)
        los = [groep.medewerkers_uit_ratio(float(a), float(b), naar_boven) for a, b in zip(g, k, strict=True)]
        np.testing.assert_allclose(samen, los, rtol=REL)
    np.testing.assert_allclose(groep.medewerkers_uit_ratio(g, k), [2.0, 2.0, 3.0, 2.0, 30.0], rtol=REL)


def test_medewerkers_uit_mix_met_de_hand() -> None:
    assert groep.medewerkers_uit_mix(2.0, 0.5) == pytest.approx(1.0, rel=REL)
    assert groep.medewerkers_uit_mix(3.0, 0.4) == pytest.approx(1.2, rel=REL)


# -- staff cost ---------------------------------------------------------------------------------


def test_personeel_direct_met_de_hand() -> None:
    # 1 mbo'er at 45 an hour with 0,5 h extra, 2 hbo'ers at 55 without extra, a 4-hour dagdeel
    uit = groep.personeel_direct([1.0, 2.0], 4.0, [0.5, 0.0], [45.0, 55.0])
    assert uit == pytest.approx(1 * (4 + 0.5) * 45 + 2 * (4 + 0) * 55, rel=REL)


def test_personeel_direct_zonder_functies_is_nul() -> None:
    assert groep.personeel_direct([], 4.0, [], []) == 0


def test_personeel_direct_weigert_lijsten_van_ongelijke_lengte() -> None:
    with pytest.raises(ValueError, match="zip"):
        groep.personeel_direct([1.0, 2.0], 4.0, [0.5], [45.0, 55.0])


def test_personeel_indirect_met_de_hand() -> None:
    assert groep.personeel_indirect([0.25, 0.5], [60.0, 80.0]) == pytest.approx(0.25 * 60 + 0.5 * 80, rel=REL)
    assert groep.personeel_indirect([], []) == 0


def test_clientkosten_met_de_hand() -> None:
    assert groep.clientkosten([0.1, 0.2], [45.0, 55.0]) == pytest.approx(0.1 * 45 + 0.2 * 55, rel=REL)
    assert groep.clientkosten([], []) == 0


def test_client_uur_uit_traject_met_de_hand() -> None:
    # 6 hours intake and reports over a trajectory of 12 sessions: half an hour a session
    assert groep.client_uur_uit_traject(6.0, 12.0) == pytest.approx(0.5, rel=REL)


# -- housing, material, the group's total -----------------------------------------------------------


def test_huisvesting_eenheid_met_de_hand() -> None:
    assert groep.huisvesting_eenheid(24_000.0, 480.0) == pytest.approx(50.0, rel=REL)


def test_materieel_voor_de_aanwezige_clienten() -> None:
    # 2,50 per client present; 10 places at 85 % occupancy is 8,5 clients
    assert groep.materieel(2.5, 10.0, 0.85) == pytest.approx(2.5 * 10 * 0.85, rel=REL)


def test_groepskosten_telt_de_vier_delen_op() -> None:
    assert groep.groepskosten(400.0, 30.0, 50.0, 21.25) == pytest.approx(400 + 30 + 50 + 21.25, rel=REL)


# -- arrays ----------------------------------------------------------------------------------------


def test_per_functie_lijsten_broadcasten_zoals_element_voor_element() -> None:
    n_mbo, n_hbo = np.array([1.0, 2.0, 0.5]), np.array([1.0, 0.0, 1.5])
    duur = np.array([4.0, 3.0, 1.5])
    v_mbo, v_hbo = np.array([0.5, 0.0, 0.25]), np.array([0.25, 1.0, 0.0])
    k_mbo, k_hbo = np.array([45.0, 50.0, 48.0]), np.array([55.0, 60.0, 58.0])

    samen = groep.personeel_direct([n_mbo, n_hbo], duur, [v_mbo, v_hbo], [k_mbo, k_hbo])
    los = [
        groep.personeel_direct(
            [float(n_mbo[i]), float(n_hbo[i])],
            float(duur[i]),
            [float(v_mbo[i]), float(v_hbo[i])],
            [float(k_mbo[i]), float(k_hbo[i])],
        )
        for i in range(3)
    ]
    np.testing.assert_allclose(samen, los, rtol=REL)
    assert samen[0] == pytest.approx(1 * (4 + 0.5) * 45 + 1 * (4 + 0.25) * 55, rel=REL)

    for functie in (groep.personeel_indirect, groep.clientkosten):
        samen = functie([v_mbo, v_hbo], [k_mbo, k_hbo])
        los = [functie([float(v_mbo[i]), float(v_hbo[i])], [float(k_mbo[i]), float(k_hbo[i])]) for i in range(3)]
        np.testing.assert_allclose(samen, los, rtol=REL, err_msg=functie.__name__)


def test_enkelvoudige_functies_broadcasten_zoals_element_voor_element() -> None:
    a = np.array([24_000.0, 12_000.0, 0.0])
    b = np.array([480.0, 250.0, 100.0])
    c = np.array([0.85, 1.0, 0.5])
    d = np.array([21.25, 0.0, 3.0])
    gevallen: list[tuple[Callable[..., Any], tuple[Any, ...]]] = [
        (groep.medewerkers_uit_mix, (b, c)),
        (groep.huisvesting_eenheid, (a, b)),
        (groep.materieel, (d, b, c)),
        (groep.groepskosten, (a, b, c, d)),
        (groep.client_uur_uit_traject, (d, b)),
    ]
    for functie, args in gevallen:
        samen = functie(*args)
        los = [functie(*(float(x[i]) for x in args)) for i in range(3)]
        assert samen.shape == (3,), functie.__name__
        np.testing.assert_allclose(samen, los, rtol=REL, err_msg=functie.__name__)


# -- symbols ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("functie", "verwacht"),
    [
        (groep.medewerkers_uit_mix, "medewerkers_totaal * aandeel"),
        (groep.huisvesting_eenheid, "huisvesting_jaar / eenheden_per_jaar"),
        (groep.materieel, "materieel_per_client * groepsgrootte * bezettingsgraad"),
        (groep.groepskosten, "personeel_direct + personeel_indirect + huisvesting_eenheid + materieel"),
        (groep.client_uur_uit_traject, "client_uur_per_traject / sessies_per_traject"),
    ],
    ids=lambda x: getattr(x, "__name__", ""),
)
def test_met_symbolen_volgt_de_formule(functie: Callable[..., Any], verwacht: str) -> None:
    assert _formule(functie) == verwacht


def test_ratio_met_symbolen_draagt_de_afrondingswacht_mee() -> None:
    assert _formule(groep.medewerkers_uit_ratio, naar_boven=True) == (
        "ceil(round(groepsgrootte / kinderen_per_medewerker, 9))"
    )
    assert _formule(groep.medewerkers_uit_ratio, naar_boven=False) == "groepsgrootte / kinderen_per_medewerker"


def test_per_functie_met_symbolen_een_term_per_functie() -> None:
    tekst = _formule(
        groep.personeel_direct,
        aantal=[Naam("n.mbo"), Naam("n.hbo")],
        extra_uur=[Naam("v.mbo"), 0.0],  # hbo without extra time: the + 0 is left out
        uurkosten=[Naam("k.mbo"), Naam("k.hbo")],
    )
    assert tekst == "n.mbo * (duur_uur + v.mbo) * k.mbo + n.hbo * duur_uur * k.hbo"
    assert _formule(groep.clientkosten, client_uur=[Naam("c.mbo")], uurkosten=[Naam("k.mbo")]) == "c.mbo * k.mbo"
    assert _formule(groep.personeel_indirect, indirect_uur=[], uurkosten=[]) == "0"
