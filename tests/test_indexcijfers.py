"""The VNG index figures from the parameters (tarieven.indexcijfers)."""

from __future__ import annotations

import pytest

import tarieven
from tarieven.indexcijfers import indexeer, vng_indexaties


def test_indexeer_2025_zoals_golden_g6() -> None:
    """VNG 2025: 4.957 % before rounding, published 4.96 %; 100 -> 104.96 either way (golden g6)."""
    basis, jaar = indexeer(100.0, 2024, 2025, gepubliceerd=True)
    assert (basis.jaar, basis.tarief, basis.geprojecteerd) == (2024, 100.0, False)
    assert jaar.jaar == 2025
    assert jaar.geprojecteerd
    assert str(jaar.indexatie.gepubliceerd) == "4.96"  # type: ignore[union-attr]
    assert float(jaar.tarief) == pytest.approx(104.96, abs=1e-9)


def test_ontbrekend_cijfer_noemt_cijfer_en_bestand() -> None:
    with pytest.raises(tarieven.InvoerFout) as e:
        vng_indexaties(2024, 2030)
    assert "indexatie-vng.toml" in str(e.value)
    assert "ontbreekt" in str(e.value)


@pytest.mark.parametrize(("van", "naar", "melding"), [(2025, 2025, "een jaar na 2025"), (-5, 2025, "een jaartal")])
def test_jaren_worden_gecontroleerd(van: int, naar: int, melding: str) -> None:
    with pytest.raises(tarieven.InvoerFout, match=melding):
        vng_indexaties(van, naar)
