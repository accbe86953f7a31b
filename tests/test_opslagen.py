"""Step 4, from the group's cost to the tariff per client (tarieven.opslagen): by hand, both
overhead conventions, the waterfall, arrays, symbols."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from tarieven import opslagen
from tarieven.formule import EXPRESSIE, Naam, volg

REL = 1e-12


def _formule(functie: Callable[..., Any], **anders: Any) -> str:
    args = {p: Naam(p) for p in inspect.signature(functie).parameters}
    return volg(functie, {**args, **anders}).tekst(EXPRESSIE)


def test_grondslagen() -> None:
    assert opslagen.GRONDSLAGEN == ("aandeel_integrale_kostprijs", "opslag_op_kostprijs")
    assert opslagen.AANDEEL_INTEGRALE_KOSTPRIJS in opslagen.GRONDSLAGEN
    assert opslagen.OPSLAG_OP_KOSTPRIJS in opslagen.GRONDSLAGEN


def test_kostprijs_per_client_met_de_hand() -> None:
    # 850 for the group, 10 places at 85 % is 8,5 billed clients, plus 4 client-bound cost
    assert opslagen.kostprijs_per_client(850.0, 10.0, 0.85, 4.0) == pytest.approx(850 / 8.5 + 4, rel=REL)
    assert opslagen.kostprijs_per_client(850.0, 10.0, 0.85, 4.0) == pytest.approx(104.0, rel=REL)


def test_met_overhead_als_aandeel_van_de_integrale_kostprijs() -> None:
    assert opslagen.met_overhead(80.0, 0.2, True) == pytest.approx(80 / (1 - 0.2), rel=REL)
    assert opslagen.met_overhead(80.0, 0.2, True) == pytest.approx(100.0, rel=REL)


def test_met_overhead_als_opslag_op_de_kostprijs() -> None:
    assert opslagen.met_overhead(80.0, 0.2, False) == pytest.approx(80 * 1.2, rel=REL)
    assert opslagen.met_overhead(80.0, 0.2, False) == pytest.approx(96.0, rel=REL)


def test_25_procent_aandeel_is_33_procent_opslag() -> None:
    assert opslagen.met_overhead(100.0, 0.25, True) == pytest.approx(
        opslagen.met_overhead(100.0, 1 / 3, False), rel=REL
    )


def test_met_overhead_geen_overhead_in_beide_grondslagen() -> None:
    assert opslagen.met_overhead(80.0, 0.0, True) == pytest.approx(80.0, rel=REL)
    assert opslagen.met_overhead(80.0, 0.0, False) == pytest.approx(80.0, rel=REL)


def test_met_overhead_bool_array_kiest_per_element() -> None:
    kostprijs = np.array([80.0, 80.0, 100.0, 100.0])
    overhead = np.array([0.2, 0.2, 0.25, 1.5])  # 1.5 is no share, but is a valid mark-up
    aandeel = np.array([True, False, True, False])
    uit = opslagen.met_overhead(kostprijs, overhead, aandeel)  # no division warning for o >= 1 not taken
    np.testing.assert_allclose(uit, [80 / 0.8, 80 * 1.2, 100 / 0.75, 100 * 2.5], rtol=REL)


def test_met_overhead_bool_array_met_scalaire_kostprijs() -> None:
    uit = opslagen.met_overhead(80.0, 0.2, np.array([True, False]))
    np.testing.assert_allclose(uit, [100.0, 96.0], rtol=REL)


def test_met_overhead_numpy_bool_scalar_is_een_keuze_geen_array() -> None:
    assert opslagen.met_overhead(80.0, 0.2, np.True_) == pytest.approx(100.0, rel=REL)
    assert opslagen.met_overhead(80.0, 0.2, np.False_) == pytest.approx(96.0, rel=REL)


def test_tarief_met_de_hand() -> None:
    assert opslagen.tarief(100.0, 0.03) == pytest.approx(103.0, rel=REL)


def test_per_client_clientdeel_en_opslag_met_de_hand() -> None:
    assert opslagen.per_client(850.0, 10.0, 0.85) == pytest.approx(100.0, rel=REL)
    assert opslagen.clientdeel(4.0) == 4.0
    assert opslagen.opslag(103.0, 100.0) == pytest.approx(3.0, rel=REL)


def test_de_waterval_telt_op_tot_het_tarief() -> None:
    """Each group cost per client, the client part and both surcharges add up to the tariff."""
    delen_groep = {"direct": 600.0, "indirect": 60.0, "huisvesting": 50.0, "materieel": 21.25}
    g, b, client, o, r = 10.0, 0.85, 4.0, 0.2, 0.03
    kostprijs = opslagen.kostprijs_per_client(sum(delen_groep.values()), g, b, client)
    met = opslagen.met_overhead(kostprijs, o, True)
    tarief = opslagen.tarief(met, r)
    delen = [opslagen.per_client(x, g, b) for x in delen_groep.values()]
    delen += [opslagen.clientdeel(client), opslagen.opslag(met, kostprijs), opslagen.opslag(tarief, met)]
    assert sum(delen) == pytest.approx(tarief, rel=REL)
    assert tarief == pytest.approx((731.25 / 8.5 + 4) / 0.8 * 1.03, rel=REL)


def test_alle_functies_broadcasten_zoals_element_voor_element() -> None:
    groepskosten = np.array([500.0, 850.0, 1200.0])
    g = np.array([4.0, 10.0, 8.0])
    b = np.array([0.9, 0.85, 1.0])
    client = np.array([0.0, 4.0, 12.5])
    o = np.array([0.1, 0.2, 0.25])
    aandeel = np.array([True, False, True])
    gevallen: list[tuple[Callable[..., Any], tuple[Any, ...]]] = [
        (opslagen.kostprijs_per_client, (groepskosten, g, b, client)),
        (opslagen.met_overhead, (groepskosten, o, aandeel)),
        (opslagen.tarief, (groepskosten, o)),
        (opslagen.per_client, (groepskosten, g, b)),
        (opslagen.opslag, (groepskosten, client)),
    ]
    for functie, args in gevallen:
        samen = functie(*args)
        los = [functie(*(a[i].item() for a in args)) for i in range(3)]
        assert samen.shape == (3,), functie.__name__
        np.testing.assert_allclose(samen, los, rtol=REL, err_msg=functie.__name__)


@pytest.mark.parametrize(
    ("functie", "verwacht"),
    [
        (opslagen.kostprijs_per_client, "groepskosten / (groepsgrootte * bezettingsgraad) + clientkosten"),
        (opslagen.tarief, "met_overhead * (1 + risico_opslag)"),
        (opslagen.per_client, "bedrag / (groepsgrootte * bezettingsgraad)"),
        (opslagen.clientdeel, "clientkosten"),
        (opslagen.opslag, "met - zonder"),
    ],
    ids=lambda x: getattr(x, "__name__", ""),
)
def test_met_symbolen_volgt_de_formule(functie: Callable[..., Any], verwacht: str) -> None:
    assert _formule(functie) == verwacht


def test_met_overhead_met_symbolen_per_grondslag() -> None:
    assert _formule(opslagen.met_overhead, aandeel_integrale_kostprijs=True) == "kostprijs / (1 - overhead)"
    assert _formule(opslagen.met_overhead, aandeel_integrale_kostprijs=False) == "kostprijs * (1 + overhead)"
