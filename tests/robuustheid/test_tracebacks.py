"""Issue 11, class 2: inputs that used to end in a traceback now give one clear message.

Each case goes through the public API (``tarieven.bereken``, ``lees_scenario``,
``indexeer``, the result's methods) or the command line, and asserts the message: the key,
the value shown, what was expected. On the command line: exit code 2, one line starting
with ``tarieven: `` and no traceback.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import tarieven
from tarieven import InvoerFout, OnbekendeNaam, analyse
from tarieven.afronding import op_centen, rond_af
from tarieven.weergave import euro

from ._hulp import fout_van_opdracht, gewijzigd, schrijf

B, G = "product.bezettingsgraad", "product.groepsgrootte"


def fout(invoer: Any, **kwargs: Any) -> str:
    with pytest.raises(InvoerFout) as e:
        tarieven.bereken(invoer, **kwargs)
    return str(e.value)


# -- numbers too large -----------------------------------------------------------------------


def test_geheel_getal_met_meer_cijfers_dan_python_als_tekst_toont(g1: dict[str, Any]) -> None:
    """An int of 5,000 digits cannot even be printed by Python (limit 4,300): described, not shown."""
    bericht = fout(gewijzigd(g1, product__groepsgrootte=10**5000))
    assert "product.groepsgrootte = (een geheel getal van duizenden cijfers): verwacht een geheel getal" in bericht
    bericht = fout(gewijzigd(g1, onbekend=[10**5000]))
    assert "onbekend = (een waarde met een geheel getal van duizenden cijfers): verwacht een bekende sleutel" in bericht
    bericht = fout({"basis": "41A22", "peildatum": "2027-01-01", "tariefjaar": 10**5000})
    assert "peildatum en tariefjaar = " in bericht
    assert "óf een peildatum (waarden op die dag) óf een tariefjaar" in bericht


@pytest.mark.parametrize(
    ("geschreven", "gelezen"), [("1.234.567", 1234567.0), ("0.000.000", 0.0), ("24.000,50", 24000.5)]
)
def test_getal_met_twee_duizendtallen(g1: dict[str, Any], geschreven: str, gelezen: float) -> None:
    """'1.234.567' (found by the fuzz) raised a bare ValueError: two points can only be thousands."""
    s = tarieven.lees_scenario(gewijzigd(g1, product__huisvesting_jaar=geschreven))
    assert s.waarden["product.huisvesting_jaar"] == gelezen


# -- enormous or infinite tariffs: the cent rounding, repr and the notebook display -----------


def test_afronden_op_centen_van_enorme_bedragen() -> None:
    """Decimal's default 28 digits could not hold 1e30 in cents; every finite float can be rounded now."""
    assert op_centen(1e30) == Decimal("1000000000000000000000000000000.00")
    # per minute: 1e30 / 60 = 16.666...666,666... -> ...666,67 a minute, times 60 = 1e30 + 0,20
    assert rond_af(1e30, "per_minuut_hele_centen") == Decimal("1000000000000000000000000000000.20")
    assert rond_af(1e30, "naar_boven_hele_euro") == Decimal("1000000000000000000000000000000.00")
    assert euro(1e30) == "€ 1.000.000.000.000.000.000.000.000.000.000,00"
    assert len(str(op_centen(1.7e308))) == 309 + 3  # 309 digits, the point and two cents
    assert euro(float("inf")) == "€ oneindig"


@pytest.mark.parametrize(
    ("pad", "waarde"),
    [
        ("product__bezettingsgraad", 1e-300),
        ("product__eenheden_per_jaar", 1e-300),
        ("functies__mbo__productiviteit", 1e-300),
        ("product__huisvesting_jaar", 1e300),
    ],
)
def test_enorm_tarief_is_een_fout_die_zich_laat_tonen(g1: dict[str, Any], pad: str, waarde: float) -> None:
    """Each input allowed, together an absurd tariff: an error naming the tariff and the ceiling."""
    bericht = fout(gewijzigd(g1, **{pad: waarde}))
    assert bericht.startswith("Ongeldige invoer in <dict>: tarief_per_client = '€ ")
    assert "verwacht een tarief van hoogstens € 10.000,00 per cliënt per dagdeel" in bericht
    assert "de invoer is elk toegestaan, maar samen niet aannemelijk" in bericht


def test_oneindig_tarief_is_een_fout(g1: dict[str, Any]) -> None:
    bericht = fout(gewijzigd(g1, product__materieel_per_client=1e308))  # 1e308 × 10 × 0.85 overflows
    assert "materieel = inf: verwacht een eindige uitkomst" in bericht
    assert "controleer de invoer op extreme waarden" in bericht


def test_enorme_regel_buiten_het_tarief_laat_zich_tonen(g1: dict[str, Any]) -> None:
    """A function that is not on the group, with a salary of 1e300: its own lines are enormous but
    finite, the tariff is g1's; the explanation, JSON, HTML and repr show it without raising."""
    d = gewijzigd(g1, functies__extra={**g1["functies"]["wo"], "maandsalaris": 1e300})
    u = tarieven.bereken(d)
    assert str(op_centen(u.tarief)) == "90.48"  # golden g1: the extra function is in no line of the tariff
    assert u["bruto_jaarsalaris.extra"] == 12e300
    assert "functies.extra.maandsalaris = 1e+300: ongebruikelijk" in u.uitleg()
    assert json.loads(u.to_json())["bruto_jaarsalaris"]["extra"].startswith("12000000000000000")
    assert "€ 90,48" in u._repr_html_()
    assert repr(u).endswith("tarief € 90,48 per cliënt per dagdeel>")


# -- empty tables ------------------------------------------------------------------------------


# -- function names that are not identifiers --------------------------------------------------


# -- files that are not UTF-8 text ------------------------------------------------------------


# -- dates and years ---------------------------------------------------------------------------


# -- a line that does not exist ----------------------------------------------------------------


def test_onbekende_regel_van_een_uitkomst() -> None:
    u = tarieven.bereken("41A22", "2027-01-01")
    with pytest.raises(OnbekendeNaam) as e:
        u["tarief_per_klant"]
    assert isinstance(e.value, KeyError)  # `except KeyError` keeps working
    bericht = str(e.value)
    assert bericht.startswith("onbekende regel 'tarief_per_klant'; bekend zijn: bruto_jaarsalaris.mbo")
    assert bericht.endswith("; bedoelt u 'tarief_per_client'?")  # 53 lines: the list alone stops at 40
    with pytest.raises(KeyError, match="onbekende regel 'x'"):
        u.regel("x")


# -- wrong types in an analysis file ------------------------------------------------------------


@pytest.mark.parametrize(
    ("doe", "melding"),
    [
        (lambda s: analyse.rooster(s, [G]), "variaties = ['product.groepsgrootte']: verwacht een dict"),
        (lambda s: analyse.rooster(s, {G: [8]}, regels="tarief_per_client"),
         "regels = 'tarief_per_client': verwacht een lijst van regelnamen, zoals ['tarief_per_client']"),
        (lambda s: analyse.monte_carlo(s, [B], 10), "verdelingen = ['product.bezettingsgraad']: verwacht een dict"),
        (lambda s: analyse.monte_carlo(s, {B: analyse.Uniform(0.7, 0.9)}, 10, percentielen=50),
         "percentielen = 50: verwacht een lijst van percentielen, zoals [5, 50, 95]"),
        (lambda s: analyse.monte_carlo(s, {B: analyse.Uniform(0.7, 0.9)}, 10, percentielen=["P5"]),
         "percentielen = 'P5': verwacht percentielen van 0 tot en met 100; 'P5' is geen getal"),
        (lambda s: analyse.gevoeligheid(s, G),
         "sleutels = 'product.groepsgrootte': verwacht een lijst van invoersleutels"),
        (lambda s: analyse.gevoeligheid(s, [G], procent="tien"),
         "procent = 'tien': verwacht een percentage groter dan 0 en kleiner dan 100; 'tien' is geen getal"),
        (lambda s: analyse.gevoeligheid(s, [G], bereiken={G: "8-10"}),
         "bereiken.product.groepsgrootte = '8-10': verwacht (laag, hoog), twee getallen"),
        (lambda s: analyse.doelzoek(s, B, 95.0, bereik="0-1"),
         "bereik = '0-1': verwacht (laag, hoog) met laag kleiner"),
        (lambda s: analyse.doelzoek_rooster(s, B, 95.0, [G]),
         "variaties = ['product.groepsgrootte']: verwacht een dict"),
        (lambda s: analyse.bekostiging(s, risico_opslag="veel"),
         "risico_opslag = 'veel': verwacht een fractie van 0 tot 1"),
    ],
)  # fmt: skip
def test_verkeerde_typen_in_de_analyse_api(g1: dict[str, Any], doe: Any, melding: str) -> None:
    """Wrong types ended in a TypeError or ValueError from inside numpy, or a string was split into one-letter
    keys (21 problems 'p ontbreekt', 'r ontbreekt', ...): one message naming the argument now."""
    s = tarieven.lees_scenario(g1)
    with pytest.raises(InvoerFout) as e:
        doe(s)
    assert str(e.value).startswith("Ongeldige invoer in <dict>: " + melding)


def test_cli_zonder_traceback_als_proces(tmp_path: Path) -> None:
    """The same through a real process: what a user sees on stderr."""
    import subprocess
    import sys

    pad = schrijf(tmp_path / "s.json", json.dumps({"basis": "41A22", "product": {"bezettingsgraad": 1e-300}}))
    r = subprocess.run([sys.executable, "-m", "tarieven", "bereken", str(pad)], capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.startswith(f"tarieven: Ongeldige invoer in {pad}: tarief_per_client = '€ ")
    assert "Traceback" not in r.stderr
    assert "Warning" not in r.stderr  # numpy's overflow warnings stay inside
    assert r.stdout == ""
