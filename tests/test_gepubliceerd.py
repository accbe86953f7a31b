"""Published tariffs made comparable: pgb to in kind, indexed to a price year, by hand."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tarieven
from tarieven.gepubliceerd import gepubliceerd_tarief, jaarindex
from tarieven.indexatie import gepubliceerd_percentage
from tarieven.indexcijfers import vng_indexaties

DH1 = "den_haag_2020.pgb.dagbesteding_categorie_1"
HR_WO = "holland_rijnland_2024.pgb.jeugd_ggz_wo_per_uur"


def test_den_haag_met_de_hand() -> None:
    t = tarieven.gepubliceerd_tarief(DH1)
    assert (t.jaar, t.gepubliceerd, t.pgb, t.pgb_aandeel) == (2020, 43.99, True, 0.75)
    assert t.natura == pytest.approx(58.653333, abs=1e-6)  # 43,99 / 0,75
    assert t.prijsjaar == 2025
    assert list(t.indexen) == [2021, 2022, 2023, 2024, 2025]
    factor = 1.015 * 1.03666 * 1.04753 * 1.063 * 1.0496
    assert t.indexfactor == pytest.approx(factor, rel=1e-12)
    assert t.bedrag == pytest.approx(43.99 / 0.75 * factor, rel=1e-12)
    assert str(tarieven.weergave.euro(t.bedrag)) == "€ 72,13"
    assert t.status == "indicatief"  # the least certain part
    assert t.in_natura
    uitleg = t.uitleg()
    assert "€ 43,99 / 0,75 = € 58,65" in uitleg
    assert "× 1,2298 = € 72,13" in uitleg
    assert "CVDR637937" in uitleg
    assert t.kort() == "Den Haag 2020: dagbesteding per dagdeel, categorie 1, in natura, prijspeil 2025"


def test_pgb_zonder_bekend_aandeel_blijft_pgb() -> None:
    t = gepubliceerd_tarief(HR_WO)
    assert t.pgb
    assert t.pgb_aandeel is None
    assert not t.in_natura
    assert t.natura == t.gepubliceerd == 111.60
    assert t.bedrag == pytest.approx(111.60 * 1.0496, rel=1e-12)
    assert t.eenheid == "EUR/uur"
    assert "niet omgerekend" in t.uitleg()
    assert t.kort().endswith(", pgb, prijspeil 2025")


def test_in_het_jaar_zelf_niet_geindexeerd() -> None:
    t = gepubliceerd_tarief(DH1, 2020)
    assert t.indexen == {}
    assert t.indexfactor == 1.0
    assert t.bedrag == t.natura


def test_de_jaarindex_2025_is_die_van_de_vng_methode() -> None:
    index = jaarindex()
    assert index[2025][0] == pytest.approx(float(vng_indexaties(2024, 2025)[0].gepubliceerd) / 100, abs=1e-12)
    # 2024: the VNG published 6,30 % as the sum of rounded parts; unrounded it is 6,294 %
    onafgerond = vng_indexaties(2023, 2024)[0].totaal
    assert float(gepubliceerd_percentage(onafgerond)) == pytest.approx(6.29)
    assert abs(index[2024][0] - onafgerond) < 1e-4
    assert {index[j][1] for j in (2024, 2025)} == {"definitief"}


@given(st.integers(2020, 2025), st.integers(2020, 2025))
def test_later_prijsjaar_hoger_bedrag(a: int, b: int) -> None:
    vroeg, laat = sorted((a, b))
    tv, tl = gepubliceerd_tarief(DH1, vroeg), gepubliceerd_tarief(DH1, laat)
    assert tv.bedrag < tl.bedrag or vroeg == laat
    assert math.isclose(tl.bedrag / tv.bedrag, math.prod(1 + jaarindex()[j][0] for j in range(vroeg + 1, laat + 1)))


def test_prijsjaar_voor_het_jaar_van_publicatie() -> None:
    with pytest.raises(tarieven.InvoerFout, match="een jaar van 2020 of later"):
        gepubliceerd_tarief(DH1, 2019)


def test_ontbrekende_jaarindex_wordt_genoemd() -> None:
    with pytest.raises(tarieven.InvoerFout) as fout:
        gepubliceerd_tarief(DH1, 2027)
    assert {p.sleutel for p in fout.value.problemen} == {
        "gepubliceerde-tarieven: vng_jaarindex.2026",
        "gepubliceerde-tarieven: vng_jaarindex.2027",
    }


def test_onbekende_naam_noemt_de_bekende() -> None:
    with pytest.raises(tarieven.OnbekendeNaam, match=DH1):
        gepubliceerd_tarief("den_haag_2020.pgb_aandeel")  # a share, not an amount


def test_tabel_van_alle_bedragen() -> None:
    df = tarieven.gepubliceerde_tarieven()
    assert DH1 in df.index
    assert HR_WO in df.index
    assert "vng_jaarindex" not in df.index
    assert df.attrs["prijsjaar"] == 2025
    for naam, rij in df.iterrows():
        assert rij["bedrag"] == gepubliceerd_tarief(str(naam)).bedrag
    assert not df.loc[DH1, "pgb"]  # converted to in kind
    assert df.loc[HR_WO, "pgb"]
