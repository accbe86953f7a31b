"""Dutch display of money, numbers and percentages (tarieven.weergave)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from decimal import Decimal

import numpy as np
import pytest

from tarieven.weergave import aantal, datum, euro, getal, invoer, is_geld, met_eenheid, procent

# -- euro -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bedrag", "tekst"),
    [
        (1234.56, "€ 1.234,56"),
        (0.0, "€ 0,00"),
        (5.0, "€ 5,00"),
        (90.475, "€ 90,48"),  # half up
        (2.675, "€ 2,68"),  # 2.67499999... as a binary float; meant is 2.675
        (0.125, "€ 0,13"),
        (1_000_000.0, "€ 1.000.000,00"),
        (-1234.565, "€ -1.234,57"),
        (-0.004, "€ 0,00"),  # rounds to zero: no minus sign
        (np.float64(45_368.7), "€ 45.368,70"),
    ],
)
def test_euro(bedrag: float, tekst: str) -> None:
    assert euro(bedrag) == tekst


def test_euro_uit_een_decimal() -> None:
    assert euro(Decimal("1234.50")) == "€ 1.234,50"
    assert euro(Decimal("-7")) == "€ -7,00"


def test_euro_zonder_centen() -> None:
    assert euro(1234.56, 0) == "€ 1.235"
    assert euro(1_000_000.4, 0) == "€ 1.000.000"
    assert euro(-1234.56, 0) == "€ -1.235"


def test_euro_zonder_centen_rondt_half_naar_boven() -> None:
    assert euro(2.5, 0) == "€ 3"
    assert euro(1234.5, 0) == "€ 1.235"


def test_euro_uit_een_decimal_rondt_half_naar_boven_zoals_een_float() -> None:
    assert euro(Decimal("0.125")) == euro(0.125) == "€ 0,13"
    assert euro(Decimal("-0.004")) == "€ 0,00"


def test_euro_decimal_nan_en_oneindig_als_tekst() -> None:
    assert euro(Decimal("NaN")) == "€ geen getal"
    assert euro(Decimal("Infinity")) == "€ oneindig"


# -- getal ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "decimalen", "tekst"),
    [
        (1877.148, 2, "1.877,15"),
        (1_000_000.0, 0, "1.000.000"),
        (0.5, 3, "0,500"),
        (-1234.5, 2, "-1.234,50"),
        (12.0, 1, "12,0"),
        (999.0, 2, "999,00"),
    ],
)
def test_getal(x: float, decimalen: int, tekst: str) -> None:
    assert getal(x, decimalen) == tekst


def test_getal_geen_min_voor_nul() -> None:
    assert getal(-0.001) == "0,00"


# -- procent -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fractie", "tekst"),
    [
        (0.85, "85 %"),
        (0.08, "8 %"),
        (0.07, "7 %"),  # 7.000000000000001 after * 100: still whole
        (0.085, "8,5 %"),
        (1 / 3, "33,3 %"),
        (0.0, "0 %"),
        (1.0, "100 %"),
        (1.5, "150 %"),
        (0.125, "12,5 %"),
    ],
)
def test_procent(fractie: float, tekst: str) -> None:
    assert procent(fractie) == tekst


def test_procent_met_vaste_decimalen() -> None:
    assert procent(0.2, 2) == "20,00 %"
    assert procent(0.0833, 0) == "8 %"
    assert procent(0.0833, 2) == "8,33 %"


# -- aantal -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "tekst"),
    [(1_000_000, "1.000.000"), (999, "999"), (1000, "1.000"), (0, "0"), (-1234, "-1.234")],
)
def test_aantal(n: int, tekst: str) -> None:
    assert aantal(n) == tekst


# -- invoer -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "eenheid", "tekst"),
    [
        (3250.0, "EUR/maand", "3.250 EUR/maand"),
        (0.085, "1", "0,085"),
        (0.085, "", "0,085"),
        (0.085, "dimensionless", "0,085"),
        (52.143, "1/jaar", "52,143 /jaar"),
        (36.0, "uur/week", "36 uur/week"),
        (1_234_567.1234567, "1", "1.234.567,123457"),  # at most 6 decimals
        (-0.5, "1", "-0,5"),
        (-1234.5, "EUR", "-1.234,50 EUR"),  # money shows its cents
        (232.5, "EUR/maand", "232,50 EUR/maand"),
        (4097.658164, "EUR/maand", "4.097,658164 EUR/maand"),  # a computed amount keeps its precision
        (3.5, "1", "3,5"),
        (0.0, "1", "0"),
    ],
)
def test_invoer(x: float, eenheid: str, tekst: str) -> None:
    assert invoer(x, eenheid) == tekst


# -- met_eenheid, is_geld ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "eenheid", "tekst"),
    [
        (45_368.7, "EUR/jaar", "€ 45.368,70 /jaar"),
        (12.5, "EUR", "€ 12,50"),
        (1877.148, "uur/jaar", "1.877,15 uur/jaar"),
        (3.0, "1", "3"),  # a whole count as a count: 2 staff, vervoerscategorie 3
        (3.0, "", "3"),
        (1.6, "1", "1,60"),
        (0.2882138, "1", "0,29"),
    ],
)
def test_met_eenheid(x: float, eenheid: str, tekst: str) -> None:
    assert met_eenheid(x, eenheid) == tekst


@pytest.mark.parametrize(("eenheid", "geld"), [("EUR", True), ("EUR/uur", True), ("EUR/jaar", True)])
def test_is_geld(eenheid: str, geld: bool) -> None:
    assert is_geld(eenheid) is geld


@pytest.mark.parametrize("eenheid", ["EURO", "uur", "1", "", "1/jaar", "eur"])
def test_is_geen_geld(eenheid: str) -> None:
    assert is_geld(eenheid) is False


# -- never raising on NaN and infinity -----------------------------------------------------------------


NIET_EINDIG = [(math.nan, "geen getal"), (math.inf, "oneindig"), (-math.inf, "min oneindig")]
TONERS: list[tuple[str, Callable[[float], str]]] = [
    ("getal", getal),
    ("euro", euro),
    ("euro0", lambda x: euro(x, 0)),
    ("procent", procent),
    ("invoer", invoer),
    ("invoer_eur", lambda x: invoer(x, "EUR")),
    ("met_eenheid_geld", lambda x: met_eenheid(x, "EUR/uur")),
    ("met_eenheid", lambda x: met_eenheid(x, "uur")),
]


@pytest.mark.parametrize(("x", "woord"), NIET_EINDIG, ids=["nan", "inf", "-inf"])
@pytest.mark.parametrize("toon", [t for _, t in TONERS], ids=[n for n, _ in TONERS])
def test_nan_en_oneindig_als_tekst(toon: Callable[[float], str], x: float, woord: str) -> None:
    tekst = toon(x)
    assert woord in tekst
    assert "nan" not in tekst.lower().replace("geen getal", "")
    assert "inf" not in tekst.lower()
    if woord == "oneindig":
        assert "min oneindig" not in tekst


def test_nan_en_oneindig_precies() -> None:
    assert euro(math.nan) == "€ geen getal"
    assert euro(-math.inf) == "€ min oneindig"
    assert procent(math.inf) == "oneindig"
    assert getal(np.float64("nan")) == "geen getal"
    assert met_eenheid(math.nan, "EUR/uur") == "€ geen getal /uur"


def test_datum_nederlands() -> None:
    assert datum(dt.date(2027, 1, 1)) == "1 januari 2027"
    assert datum(dt.date(2025, 3, 31)) == "31 maart 2025"
    assert datum(dt.date(2026, 12, 9)) == "9 december 2026"


def test_ingekort_laat_zien_dat_er_is_afgekapt() -> None:
    from tarieven.weergave import ingekort

    assert ingekort("CAO-factoren (toeslagen, verlof)", 40) == "CAO-factoren (toeslagen, verlof)"
    assert ingekort("1 gz_psycholoog + 1 hbo", 22) == "1 gz_psycholoog + 1 h…"
    assert len(ingekort("x" * 100, 22)) == 22


def test_catalogus_toont_een_halve_procent_en_kapt_zichtbaar_af(capsys: pytest.CaptureFixture[str]) -> None:
    """41A23 is priced at 87,5 % occupancy: the listing said "88 %"; a cut text ends in "…"."""
    from tarieven.cli import main

    assert main(["producten", "--peildatum", "2027-01-01"]) == 0
    uit = capsys.readouterr().out
    regel_41a23 = next(r for r in uit.splitlines() if r.startswith("41A23"))
    assert " 87,5 % " in regel_41a23
    regel_ggz = next(r for r in uit.splitlines() if r.startswith("GGZ-groep"))
    assert "…" in regel_ggz


@pytest.mark.parametrize(
    ("n", "tekst"), [(0, "0 inzendingen"), (1, "1 inzending"), (2, "2 inzendingen"), (10_000, "10.000 inzendingen")]
)
def test_telling(n: int, tekst: str) -> None:
    from tarieven.weergave import telling

    assert telling(n, "inzending", "inzendingen") == tekst
