"""The VNG index figures from the parameters (tarieven.indexcijfers)."""

from __future__ import annotations

import datetime as dt

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


def _waarde(naam: str, jaar: int) -> tuple[float, str]:
    from tarieven.indexcijfers import INDEXATIE
    from tarieven.parameterbestanden import standaard_parameters

    w = standaard_parameters().parameter(INDEXATIE, naam).op(dt.date(jaar, 1, 1))
    assert isinstance(w.waarde, float)
    return w.waarde, w.status


def test_indexcijfers_2021_tot_en_met_2025() -> None:
    """The provisional figures as published (VNG, NZa), older years marked indicatief."""
    verwacht = {  # year: (OVA, PCC or None), in percent as published
        2021: (1.5, None),
        2022: (3.87, 1.83),
        2023: (4.74, 4.87),
        2024: (4.94, 2.51),
        2025: (4.18, 1.82),
    }
    for jaar, (ova, pcc) in verwacht.items():
        waarde, status = _waarde("ova.voorlopig", jaar)
        assert waarde == pytest.approx(ova / 100, abs=1e-12), jaar
        assert status == ("indicatief" if jaar < 2023 else "definitief"), jaar
        if pcc is None:
            with pytest.raises(tarieven.InvoerFout):
                _waarde("pcc.voorlopig", jaar)
        else:
            assert _waarde("pcc.voorlopig", jaar)[0] == pytest.approx(pcc / 100, abs=1e-12), jaar


def test_index_2022_en_2023_voor_nacalculatie() -> None:
    """0,9 × 3,87 + 0,1 × 1,83 = 3,666 % (2022) and 0,9 × 4,74 + 0,1 × 4,87 = 4,753 % (2023)."""
    from tarieven.indexatie import indexcijfer

    for jaar, verwacht in ((2022, 0.03666), (2023, 0.04753)):
        w = _waarde("gewicht_loon", jaar)[0]
        index = indexcijfer(w, _waarde("ova.voorlopig", jaar)[0], _waarde("pcc.voorlopig", jaar)[0])
        assert float(index) == pytest.approx(verwacht, abs=1e-12)


def test_oudere_jaren_noemen_de_ontbrekende_definitieve_cijfers() -> None:
    """The final figures of 2022 are not published as such: indexing 2022 -> 2023 names them, never a zero."""
    with pytest.raises(tarieven.InvoerFout) as e:
        vng_indexaties(2022, 2023)
    tekst = str(e.value)
    assert "ova.definitief.2022 ontbreekt" in tekst
    assert "pcc.definitief.2022 ontbreekt" in tekst
    assert "gewicht_loon" not in tekst
    assert "nacalculatie_methode" not in tekst
