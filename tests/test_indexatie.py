"""Indexation (MODEL.md 7): golden g6 to the last digit, chaining written out by hand,
the published rounding, the parameter file, and properties."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tarieven
from tarieven.afronding import op_centen
from tarieven.fouten import InvoerFout
from tarieven.indexatie import (
    GEWICHT_LOON_VNG,
    Indexatie,
    Indexcijfers,
    gepubliceerd_percentage,
    indexatie,
    indexatie_vng,
    indexcijfer,
    indexeer,
    indexeer_jaren,
    loonaandeel,
    nacalculatie,
)

from .conftest import GOLDEN, lees_golden

G6 = lees_golden("g6-indexatie-vng-2025.json")
PARAMS = Path(__file__).parents[1] / "params"


def _reeksen(invoer: dict[str, Any]) -> tuple[Indexcijfers, Indexcijfers]:
    """The golden's ``{"2024_voorlopig": x, ...}`` as two series."""

    def reeks(naam: str) -> Indexcijfers:
        vl: dict[int, float] = {}
        df: dict[int, float] = {}
        for sleutel, waarde in invoer[naam].items():
            jaar, soort = sleutel.split("_")
            (vl if soort == "voorlopig" else df)[int(jaar)] = float(waarde)
        return Indexcijfers(naam, vl, df)

    return reeks("ova"), reeks("pcc")


@pytest.fixture(scope="module")
def g6() -> Indexatie:
    ova, pcc = _reeksen(G6["invoer"])
    return indexatie_vng(2025, ova, pcc, gewicht_loon=G6["invoer"]["gewicht_loon"])


def _vijf_decimalen(x: float) -> Decimal:
    return Decimal(repr(x)).quantize(Decimal("0.00001"))


# -- golden g6, each expected value its own test --------------------------------------------


def test_g6_index_2025(g6: Indexatie) -> None:
    assert _vijf_decimalen(g6.index) == Decimal(G6["verwacht"]["index_2025"])


def test_g6_nacalculatie_2024(g6: Indexatie) -> None:
    assert _vijf_decimalen(g6.nacalculatie) == Decimal(G6["verwacht"]["nacalculatie_2024"])


def test_g6_indexatie_totaal(g6: Indexatie) -> None:
    assert _vijf_decimalen(g6.totaal) == Decimal(G6["verwacht"]["indexatie_totaal"])


def test_g6_indexatie_gepubliceerd(g6: Indexatie) -> None:
    assert f"{g6.gepubliceerd}%" == G6["verwacht"]["indexatie_gepubliceerd"]


def test_g6_tarief_2025(g6: Indexatie) -> None:
    keten = indexeer_jaren(G6["invoer"]["tarief"], 2024, [g6])
    assert keten[-1].jaar == 2025
    assert op_centen(float(keten[-1].tarief)) == Decimal(G6["verwacht"]["tarief_2025"])


def test_g6_tarief_2025_met_gepubliceerd_percentage(g6: Indexatie) -> None:
    # the contract variant (100 x 1.0496) gives the same cents here
    keten = indexeer_jaren(G6["invoer"]["tarief"], 2024, [g6], gepubliceerd=True)
    assert op_centen(float(keten[-1].tarief)) == Decimal(G6["verwacht"]["tarief_2025"])


def test_g6_met_de_kernfuncties() -> None:
    i = G6["invoer"]
    ova, pcc = i["ova"], i["pcc"]
    totaal = indexatie(
        i["gewicht_loon"],
        ova["2025_voorlopig"],
        pcc["2025_voorlopig"],
        ova["2024_definitief"],
        pcc["2024_definitief"],
        ova["2024_voorlopig"],
        pcc["2024_voorlopig"],
    )
    assert _vijf_decimalen(float(totaal)) == Decimal(G6["verwacht"]["indexatie_totaal"])
    assert op_centen(float(indexeer(i["tarief"], [totaal]))) == Decimal(G6["verwacht"]["tarief_2025"])


def test_g6_geprojecteerd(g6: Indexatie) -> None:
    assert g6.geprojecteerd
    basis, volgend = indexeer_jaren(100.0, 2024, [g6])
    assert not basis.geprojecteerd
    assert basis.indexatie is None
    assert volgend.geprojecteerd
    assert volgend.indexatie is g6


# -- chaining two years, by hand ---------------------------------------------------------


def test_twee_jaren_keten_met_de_hand() -> None:
    # 2025: the g6 figures. 2026: HYPOTHETICAL figures for the test only (not published):
    # OVA 2025 definitief 5.00 %, PCC 2025 definitief 2.50 %, OVA 2026 voorlopig 4.00 %,
    # PCC 2026 voorlopig 2.00 %.
    ova = Indexcijfers("ova", {2024: 0.0494, 2025: 0.0418, 2026: 0.04}, {2024: 0.06, 2025: 0.05})
    pcc = Indexcijfers("pcc", {2024: 0.0251, 2025: 0.0182, 2026: 0.02}, {2024: 0.031, 2025: 0.025})
    i2025 = indexatie_vng(2025, ova, pcc)
    i2026 = indexatie_vng(2026, ova, pcc)
    # index 2026       = 0.9 x 0.04 + 0.1 x 0.02                     = 0.036 + 0.002    = 0.038
    # nacalculatie 2025 = (0.9 x 0.05 + 0.1 x 0.025) - (0.9 x 0.0418 + 0.1 x 0.0182)
    #                  = 0.0475 - 0.03944                                                = 0.00806
    # totaal 2026      = 0.038 + 0.00806                                                 = 0.04606
    assert i2026.index == pytest.approx(0.038, abs=1e-15)
    assert i2026.nacalculatie == pytest.approx(0.00806, abs=1e-15)
    assert i2026.totaal == pytest.approx(0.04606, abs=1e-15)
    assert i2026.gepubliceerd == Decimal("4.61")  # 4.606 % half up
    # full precision: 100 x 1.04957 x 1.04606 = 104.957 x 1.04606
    #               = 104.957 + 104.957 x 0.04606 = 104.957 + 4.83431942 = 109.79131942
    keten = indexeer_jaren(100.0, 2024, [i2025, i2026])
    assert [k.jaar for k in keten] == [2024, 2025, 2026]
    assert float(keten[-1].tarief) == pytest.approx(109.79131942, abs=1e-9)
    assert op_centen(float(keten[-1].tarief)) == Decimal("109.79")
    assert keten[-1].geprojecteerd
    # published percentages: 100 x 1.0496 x 1.0461 = 104.96 x 1.0461 = 109.798656 -> 109.80
    gepubliceerd = indexeer_jaren(100.0, 2024, [i2025, i2026], gepubliceerd=True)
    assert float(gepubliceerd[-1].tarief) == pytest.approx(109.798656, abs=1e-9)
    assert op_centen(float(gepubliceerd[-1].tarief)) == Decimal("109.80")
    # the core function gives the same chain
    assert float(indexeer(100.0, [i2025.totaal, i2026.totaal])) == pytest.approx(109.79131942, abs=1e-9)


def test_keten_eist_aansluitende_jaren(g6: Indexatie) -> None:
    with pytest.raises(InvoerFout, match=r"indexaties\[0\]\.jaar = 2025: verwacht 2024"):
        indexeer_jaren(100.0, 2023, [g6])


def test_keten_over_een_array_van_tarieven(g6: Indexatie) -> None:
    keten = indexeer_jaren(np.array([100.0, 200.0]), 2024, [g6])
    np.testing.assert_allclose(keten[-1].tarief, [104.957, 209.914], rtol=0, atol=1e-9)


def test_indexeer_zonder_jaren_laat_het_tarief() -> None:
    assert float(indexeer(123.45, [])) == 123.45


# -- nacalculatie: the relative variant (VNG table for 2024) --------------------------------


def test_nacalculatie_relatief_vng_2024() -> None:
    # VNG 2024 table: OVA 2023 voorlopig 4.74 %, definitief 6.36 %; PCC 4.87 %, 7.02 %.
    # OVA: 1.0636 / 1.0474 - 1 = 0.01546687...  (VNG: 1.55 %)
    # PCC: 1.0702 / 1.0487 - 1 = 0.02050157...  (VNG: 2.05 %)
    # weighted: 0.9 x 0.01546687 + 0.1 x 0.02050157 = 0.01392018 + 0.00205016 = 0.01597034 (VNG: 1.60 %)
    n = float(nacalculatie(0.9, 0.0636, 0.0702, 0.0474, 0.0487, relatief=True))
    assert n == pytest.approx(0.01597034, abs=1e-8)
    assert gepubliceerd_percentage(n) == Decimal("1.60")
    # absolute variant for comparison: (0.9 x 6.36 + 0.1 x 7.02) - (0.9 x 4.74 + 0.1 x 4.87)
    #                                = 6.426 - 4.753 = 1.673 %
    assert float(nacalculatie(0.9, 0.0636, 0.0702, 0.0474, 0.0487)) == pytest.approx(0.01673, abs=1e-15)


# -- the published percentage --------------------------------------------------------------


@pytest.mark.parametrize(
    ("fractie", "verwacht"),
    [
        (0.04957, "4.96"),
        (0.04955, "4.96"),  # half up
        (0.049549, "4.95"),
        (0.0, "0.00"),
        (-0.01235, "-1.24"),  # half away from zero, as Decimal ROUND_HALF_UP does
    ],
)
def test_gepubliceerd_percentage(fractie: float, verwacht: str) -> None:
    assert gepubliceerd_percentage(fractie) == Decimal(verwacht)


def test_gepubliceerd_percentage_niet_door_ruis() -> None:
    # 0.9 x 4.01 % + 0.1 x 1.56 % = 3.609 + 0.156 = 3.765 %; in float64 it is 3.7649999...
    fractie = float(indexcijfer(0.9, 0.0401, 0.0156))
    assert fractie * 100 < 3.765  # the noise this test is about
    assert gepubliceerd_percentage(fractie) == Decimal("3.77")


def test_gepubliceerd_percentage_meer_decimalen() -> None:
    assert gepubliceerd_percentage(0.04957, decimalen=3) == Decimal("4.957")


# -- errors -------------------------------------------------------------------------------


def test_ontbrekend_cijfer_is_een_fout_geen_nul() -> None:
    ova = Indexcijfers("ova", {2024: 0.0494, 2025: 0.0418}, {2024: 0.06})
    pcc = Indexcijfers("pcc", {2024: 0.0251, 2025: 0.0182}, {2024: 0.031})
    with pytest.raises(InvoerFout) as fout:
        indexatie_vng(2026, ova, pcc)
    tekst = str(fout.value)
    assert "ova.voorlopig.2026 ontbreekt" in tekst
    assert "ova.definitief.2025 ontbreekt" in tekst
    assert "pcc.definitief.2025 ontbreekt" in tekst
    assert "4 problemen" in tekst


def test_gewicht_buiten_0_1() -> None:
    ova, pcc = _reeksen(G6["invoer"])
    with pytest.raises(InvoerFout, match=r"gewicht_loon = 1\.5: verwacht een fractie van 0 tot en met 1"):
        indexatie_vng(2025, ova, pcc, gewicht_loon=1.5)


# -- w from the breakdown -------------------------------------------------------------------


def test_loonaandeel_uit_de_opbouw() -> None:
    u = tarieven.bereken(GOLDEN / "g1-dagbesteding-licht.json")
    w = float(
        loonaandeel(
            u["opbouw.personeel_direct"],
            u["opbouw.personeel_indirect"],
            u["opbouw.clientkosten"],
            u["kostprijs_per_client"],
        )
    )
    # the rest of the cost price is housing and material
    rest = (u["opbouw.huisvesting_eenheid"] + u["opbouw.materieel"]) / u["kostprijs_per_client"]
    assert 0.0 < w < 1.0
    assert w == pytest.approx(1.0 - rest, rel=1e-12)


def test_loonaandeel_met_de_hand() -> None:
    # 60 + 10 + 20 = 90 personnel out of a cost price of 100
    assert float(loonaandeel(60.0, 10.0, 20.0, 100.0)) == pytest.approx(0.9, abs=1e-15)


# -- the parameter file ----------------------------------------------------------------------


def _waarden(param: dict[str, Any]) -> dict[int, float]:
    return {w["vanaf"].year: w["waarde"] for w in param["waarden"]}


@pytest.fixture(scope="module")
def params_vng() -> dict[str, Any]:
    return tomllib.loads((PARAMS / "indexatie-vng.toml").read_text(encoding="utf-8"))


def test_parameterbestand_bevat_de_g6_cijfers(params_vng: dict[str, Any]) -> None:
    i = G6["invoer"]
    for naam in ("ova", "pcc"):
        for sleutel, waarde in i[naam].items():
            jaar, soort = sleutel.split("_")
            assert _waarden(params_vng[naam][soort])[int(jaar)] == waarde, f"{naam}.{soort}.{jaar}"
    assert {w["waarde"] for w in params_vng["gewicht_loon"]["waarden"]} == {GEWICHT_LOON_VNG}


def test_indexatie_2025_uit_het_parameterbestand(params_vng: dict[str, Any]) -> None:
    ova = Indexcijfers("ova", _waarden(params_vng["ova"]["voorlopig"]), _waarden(params_vng["ova"]["definitief"]))
    pcc = Indexcijfers("pcc", _waarden(params_vng["pcc"]["voorlopig"]), _waarden(params_vng["pcc"]["definitief"]))
    assert f"{indexatie_vng(2025, ova, pcc).gepubliceerd}%" == G6["verwacht"]["indexatie_gepubliceerd"]
    # 2026 is not in the file (not found in the sources): a clear error
    with pytest.raises(InvoerFout, match=r"ova\.voorlopig\.2026 ontbreekt"):
        indexatie_vng(2026, ova, pcc)


def test_parameterbestand_reeksen_eindigen(params_vng: dict[str, Any]) -> None:
    for naam in ("ova", "pcc"):
        for soort in ("voorlopig", "definitief"):
            waarden = params_vng[naam][soort]["waarden"]
            jaren = [w["vanaf"].year for w in waarden]
            assert jaren == sorted(jaren)
            assert "tot" in waarden[-1], f"{naam}.{soort}: laatste waarde zonder tot"
            assert all(w["status"] in ("definitief", "afgeleid", "indicatief", "aanname") for w in waarden)


# -- properties -----------------------------------------------------------------------------

fractie_index = st.floats(-0.05, 0.15, allow_nan=False)
gewicht = st.floats(0.0, 1.0, allow_nan=False)


@given(gewicht, fractie_index, fractie_index, fractie_index, fractie_index, fractie_index, fractie_index)
def test_monotoon_in_ova_en_pcc(
    w: float, ova: float, pcc: float, ova_def: float, pcc_def: float, ova_vl: float, pcc_vl: float
) -> None:
    basis = float(indexatie(w, ova, pcc, ova_def, pcc_def, ova_vl, pcc_vl))
    stap = 0.01
    assert float(indexatie(w, ova + stap, pcc, ova_def, pcc_def, ova_vl, pcc_vl)) >= basis - 1e-15
    assert float(indexatie(w, ova, pcc + stap, ova_def, pcc_def, ova_vl, pcc_vl)) >= basis - 1e-15
    assert float(indexatie(w, ova, pcc, ova_def + stap, pcc_def, ova_vl, pcc_vl)) >= basis - 1e-15
    assert float(indexatie(w, ova, pcc, ova_def, pcc_def + stap, ova_vl, pcc_vl)) >= basis - 1e-15
    # a higher provisional figure last year means a smaller correction now
    assert float(indexatie(w, ova, pcc, ova_def, pcc_def, ova_vl + stap, pcc_vl)) <= basis + 1e-15
    # and the indexed tariff follows
    assert (
        float(indexeer(100.0, [indexatie(w, ova + stap, pcc, ova_def, pcc_def, ova_vl, pcc_vl)]))
        >= float(indexeer(100.0, [basis])) - 1e-12
    )


@given(fractie_index, fractie_index, fractie_index, fractie_index, fractie_index, fractie_index)
def test_gewicht_1_is_zuiver_ova(
    ova: float, pcc: float, ova_def: float, pcc_def: float, ova_vl: float, pcc_vl: float
) -> None:
    assert float(indexcijfer(1.0, ova, pcc)) == ova
    totaal = float(indexatie(1.0, ova, pcc, ova_def, pcc_def, ova_vl, pcc_vl))
    assert totaal == pytest.approx(ova + (ova_def - ova_vl), abs=1e-15)
    # and w = 0 is pure PCC
    assert float(indexcijfer(0.0, ova, pcc)) == pcc


@given(st.lists(st.tuples(gewicht, *[fractie_index] * 6), min_size=1, max_size=8))
def test_scalair_en_array_gelijk(rijen: list[tuple[float, ...]]) -> None:
    w, ova, pcc, ova_def, pcc_def, ova_vl, pcc_vl = (np.array(k) for k in zip(*rijen, strict=True))
    als_array = indexatie(w, ova, pcc, ova_def, pcc_def, ova_vl, pcc_vl)
    als_scalair = [float(indexatie(r[0], r[1], r[2], r[3], r[4], r[5], r[6])) for r in rijen]
    np.testing.assert_array_equal(als_array, als_scalair)
    relatief_array = nacalculatie(w, ova_def, pcc_def, ova_vl, pcc_vl, relatief=True)
    relatief_scalair = [float(nacalculatie(r[0], r[3], r[4], r[5], r[6], relatief=True)) for r in rijen]
    np.testing.assert_array_equal(relatief_array, relatief_scalair)
