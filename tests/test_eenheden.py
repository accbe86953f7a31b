"""Units at the boundary (pint): conversion, bare numbers and refusals."""

from __future__ import annotations

import pint
import pytest

from tarieven.eenheden import Q_, EenheidFout, naar_eenheid, ureg


@pytest.mark.parametrize(
    ("waarde", "eenheid", "verwacht"),
    [
        ("3250 EUR/maand", "EUR/maand", 3250.0),
        ("39000 EUR/jaar", "EUR/maand", 3250.0),  # 39000 / 12
        ("3250 €/maand", "EUR/maand", 3250.0),  # the euro sign is read, not dropped
        ("2000 EUR/maand", "EUR/jaar", 24000.0),
        ("8 %", "dimensionless", 0.08),
        ("90 minuut", "uur", 1.5),
        ("30 min", "uur", 0.5),
        ("2160 minuut/week", "uur/week", 36.0),
        ("3250", "EUR/maand", 3250.0),  # a bare number as text: the field's unit
        (3250, "EUR/maand", 3250.0),
        (0.25, "dimensionless", 0.25),
    ],
)
def test_omrekenen(waarde: object, eenheid: str, verwacht: float) -> None:
    assert naar_eenheid(waarde, eenheid) == pytest.approx(verwacht, rel=1e-15)


def test_quantity_als_invoer() -> None:
    assert naar_eenheid(Q_(4.0, "uur"), "minuut") == pytest.approx(240.0)


@pytest.mark.parametrize(
    ("waarde", "eenheid", "melding"),
    [
        ("20 EUR/uur", "EUR/maand", "werktijd in uren of minuten is niet om te rekenen naar kalendertijd"),
        ("36 uur", "uur/week", "past niet bij uur/week"),
        ("8 %", "EUR/maand", "past niet bij EUR/maand"),
        ("4 dagdelen", "uur", "onbekende eenheid"),
        ("3.250,00 EUR", "EUR", "gebruik een punt als decimaalteken"),
        ("((", "uur", "geen getal met eenheid"),
        (True, "uur", "waar/onwaar"),
        (None, "uur", "geen getal"),
        (float("nan"), "uur", "geen eindig getal"),
        ("inf uur", "uur", "geen eindig getal"),
    ],
)
def test_weigeren(waarde: object, eenheid: str, melding: str) -> None:
    with pytest.raises(EenheidFout, match=melding):
        naar_eenheid(waarde, eenheid)


def test_eigen_register_laat_het_globale_register_met_rust() -> None:
    assert ureg is not pint.get_application_registry()
    with pytest.raises(pint.errors.UndefinedUnitError):
        pint.get_application_registry().Unit("dagdeel")  # nothing of ours leaked in
    assert "uur" not in dir(pint.get_application_registry())
