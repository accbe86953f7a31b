"""Step 1, personnel cost per FTE per year (tarieven.personeel): hand calculations, arrays, symbols."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from tarieven import personeel
from tarieven.formule import EXPRESSIE, Naam, volg

REL = 1e-12


def _formule(functie: Callable[..., Any], **anders: Any) -> str:
    """The function traced with a symbol per parameter (named after the parameter)."""
    args = {p: Naam(p) for p in inspect.signature(functie).parameters}
    return volg(functie, {**args, **anders}).tekst(EXPRESSIE)


# -- hand calculations --------------------------------------------------------------------


def test_bruto_jaarsalaris_met_de_hand() -> None:
    assert personeel.bruto_jaarsalaris(3250.0) == pytest.approx(39_000.0, rel=REL)
    assert personeel.bruto_jaarsalaris(4150.0) == pytest.approx(4150 * 12, rel=REL)


def test_jaarloon_met_de_hand() -> None:
    # 8 % vakantietoeslag and 8,33 % eindejaarsuitkering on 12 months of 3.250
    assert personeel.jaarloon(3250 * 12, 0.08, 0.0833) == pytest.approx(3250 * 12 * (1 + 0.08 + 0.0833), rel=REL)
    assert personeel.jaarloon(39_000.0, 0.08, 0.0833) == pytest.approx(45_368.7, rel=REL)


def test_jaarloon_zonder_toeslagen_is_het_bruto_jaarsalaris() -> None:
    assert personeel.jaarloon(39_000.0, 0.0, 0.0) == pytest.approx(39_000.0, rel=REL)


def test_jaarloon_met_minimum_het_minimum_geldt() -> None:
    # 8 % of 24.000 is 1.920 a year, less than the minimum 200 a month for 12 months (2.400)
    uit = personeel.jaarloon_met_minimum(24_000.0, 0.08, 200.0, 0.0833)
    assert uit == pytest.approx(24_000 * (1 + 0.0833) + 200 * 12, rel=REL)


def test_jaarloon_met_minimum_het_percentage_geldt() -> None:
    # 8 % of 60.000 is 4.800 a year, more than the minimum 2.400
    uit = personeel.jaarloon_met_minimum(60_000.0, 0.08, 200.0, 0.0833)
    assert uit == pytest.approx(60_000 * (1 + 0.0833) + 0.08 * 60_000, rel=REL)
    # above the minimum it equals the plain jaarloon
    assert uit == pytest.approx(personeel.jaarloon(60_000.0, 0.08, 0.0833), rel=REL)


def _wgl(jaarloon: Any, premies: list[Any] | None = None, **kw: Any) -> Any:
    args: dict[str, Any] = {
        "premies": [0.05, 0.07] if premies is None else premies,
        "maximum_premieloon": 70_000.0,
        "pensioenpremie": 0.2,
        "premie_ap": 0.01,
        "franchise": 18_000.0,
        "franchise_ap": 0.0,
        "maximum_pensioengevend_salaris": 130_000.0,
        "werkgeversdeel": 0.5,
    }
    args.update(kw)
    return personeel.werkgeverslasten_bedrag(jaarloon, **args)


def test_werkgeverslasten_bedrag_onder_alle_maxima() -> None:
    # the employer's half of the retirement premium; the disability premium at 100 %
    sociaal = (0.05 + 0.07) * 50_000
    pensioen = 0.5 * 0.2 * (50_000 - 18_000) + 0.01 * (50_000 - 0)
    assert _wgl(50_000.0) == pytest.approx(sociaal + pensioen, rel=REL)


def test_werkgeverslasten_bedrag_boven_het_maximum_premieloon() -> None:
    # premiums on at most 70.000; the pension still on the whole 100.000 (below 130.000)
    sociaal = (0.05 + 0.07) * 70_000
    pensioen = 0.5 * 0.2 * (100_000 - 18_000) + 0.01 * 100_000
    assert _wgl(100_000.0) == pytest.approx(sociaal + pensioen, rel=REL)


def test_werkgeverslasten_bedrag_boven_het_maximum_pensioengevend_salaris() -> None:
    sociaal = (0.05 + 0.07) * 70_000
    pensioen = 0.5 * 0.2 * (130_000 - 18_000) + 0.01 * 130_000
    assert _wgl(150_000.0) == pytest.approx(sociaal + pensioen, rel=REL)


def test_werkgeverslasten_bedrag_onder_de_franchise_geen_negatieve_pensioenpremie() -> None:
    # 15.000 is below the franchise of 18.000: the OP/PP part is 0, not negative
    sociaal = (0.05 + 0.07) * 15_000
    pensioen = 0.5 * 0.2 * 0 + 0.01 * (15_000 - 0)
    assert _wgl(15_000.0) == pytest.approx(sociaal + pensioen, rel=REL)


def test_werkgeverslasten_bedrag_zonder_premies() -> None:
    assert _wgl(50_000.0, premies=[]) == pytest.approx(0.5 * 0.2 * 32_000 + 0.01 * 50_000, rel=REL)


def test_werkgeverslasten_fractie_met_de_hand() -> None:
    assert personeel.werkgeverslasten_fractie(12_500.0, 50_000.0) == pytest.approx(0.25, rel=REL)


def test_loonkosten_met_de_hand() -> None:
    assert personeel.loonkosten(45_368.7, 0.27) == pytest.approx(45_368.7 * 1.27, rel=REL)
    assert personeel.loonkosten_uit_bedrag(45_368.7, 12_000.0) == pytest.approx(57_368.7, rel=REL)


def test_beide_vormen_van_werkgeverslasten_geven_dezelfde_loonkosten() -> None:
    jaarloon = 45_368.7
    bedrag = _wgl(jaarloon)
    fractie = personeel.werkgeverslasten_fractie(bedrag, jaarloon)
    assert personeel.loonkosten(jaarloon, fractie) == pytest.approx(
        personeel.loonkosten_uit_bedrag(jaarloon, bedrag), rel=REL
    )


def test_personeelskosten_met_de_hand() -> None:
    assert personeel.personeelskosten(57_618.249, 0.03) == pytest.approx(57_618.249 * 1.03, rel=REL)


def test_de_keten_van_stap_1_met_de_hand() -> None:
    # golden g1, mbo: 3.250 a month, 8 % + 8,33 %, 27 % employer charges, 3 % other costs
    bruto = personeel.bruto_jaarsalaris(3250.0)
    loon = personeel.jaarloon(bruto, 0.08, 0.0833)
    kosten = personeel.personeelskosten(personeel.loonkosten(loon, 0.27), 0.03)
    assert kosten == pytest.approx(3250 * 12 * (1 + 0.08 + 0.0833) * (1 + 0.27) * (1 + 0.03), rel=REL)


# -- arrays ---------------------------------------------------------------------------------


def test_alle_functies_broadcasten_zoals_element_voor_element() -> None:
    salaris = np.array([2500.0, 3250.0, 4150.0, 5300.0])
    vt = np.array([0.08, 0.08, 0.09, 0.1])
    ej = np.array([0.0833, 0.0, 0.05, 0.0833])
    minimum = np.array([200.0, 250.0, 0.0, 300.0])
    wg = np.array([0.25, 0.27, 0.3, 0.2])
    overig = np.array([0.0, 0.03, 0.05, 0.1])

    bruto = personeel.bruto_jaarsalaris(salaris)
    gevallen: list[tuple[Callable[..., Any], tuple[Any, ...]]] = [
        (personeel.bruto_jaarsalaris, (salaris,)),
        (personeel.jaarloon, (bruto, vt, ej)),
        (personeel.jaarloon_met_minimum, (bruto, vt, minimum, ej)),
        (personeel.werkgeverslasten_fractie, (bruto * wg, bruto)),
        (personeel.loonkosten_uit_bedrag, (bruto, bruto * wg)),
        (personeel.loonkosten, (bruto, wg)),
        (personeel.personeelskosten, (bruto, overig)),
    ]
    for functie, args in gevallen:
        samen = functie(*args)
        los = [functie(*(float(a[i]) for a in args)) for i in range(len(salaris))]
        assert samen.shape == salaris.shape, functie.__name__
        np.testing.assert_allclose(samen, los, rtol=REL, err_msg=functie.__name__)


def test_werkgeverslasten_bedrag_broadcast_over_jaarloon_en_premies() -> None:
    # one scenario under the franchise, one between, one above both maxima
    jaarloon = np.array([15_000.0, 50_000.0, 150_000.0])
    awf = np.array([0.05, 0.06, 0.07])
    zvw = np.array([0.07, 0.065, 0.06])
    samen = _wgl(jaarloon, premies=[awf, zvw])
    los = [_wgl(float(jaarloon[i]), premies=[float(awf[i]), float(zvw[i])]) for i in range(3)]
    np.testing.assert_allclose(samen, los, rtol=REL)
    assert samen[0] == pytest.approx((0.05 + 0.07) * 15_000 + 0.01 * 15_000, rel=REL)


def test_scalar_tegen_array_broadcast() -> None:
    uit = personeel.jaarloon(np.array([30_000.0, 40_000.0]), 0.08, 0.0833)
    np.testing.assert_allclose(uit, [30_000 * 1.1633, 40_000 * 1.1633], rtol=REL)


# -- symbols --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("functie", "verwacht"),
    [
        (personeel.bruto_jaarsalaris, "maandsalaris * 12"),
        (personeel.jaarloon, "bruto_jaarsalaris * (1 + vakantietoeslag + eindejaarsuitkering)"),
        (
            personeel.jaarloon_met_minimum,
            "bruto_jaarsalaris * (1 + eindejaarsuitkering)"
            " + max(vakantietoeslag * bruto_jaarsalaris, vakantietoeslag_minimum * 12)",
        ),
        (personeel.werkgeverslasten_fractie, "werkgeverslasten_bedrag / jaarloon"),
        (personeel.loonkosten_uit_bedrag, "jaarloon + werkgeverslasten_bedrag"),
        (personeel.loonkosten, "jaarloon * (1 + werkgeverslasten)"),
        (personeel.personeelskosten, "loonkosten * (1 + overige_personeelskosten)"),
    ],
    ids=lambda x: getattr(x, "__name__", ""),
)
def test_met_symbolen_volgt_de_formule(functie: Callable[..., Any], verwacht: str) -> None:
    assert _formule(functie) == verwacht


def test_werkgeverslasten_bedrag_met_symbolen() -> None:
    tekst = _formule(personeel.werkgeverslasten_bedrag, premies=[Naam("awf"), Naam("zvw")])
    pensioengevend = "min(jaarloon, maximum_pensioengevend_salaris)"
    assert tekst == (
        "(awf + zvw) * min(jaarloon, maximum_premieloon) + werkgeversdeel * "
        f"pensioenpremie * max(0, {pensioengevend} - franchise) + premie_ap * max(0, {pensioengevend} - franchise_ap)"
    )
