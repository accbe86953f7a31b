"""The result object: explanation, DataFrame, HTML, dict/JSON, version and input hash."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import tarieven

from .conftest import GOLDEN

VOORBEELD = Path(__file__).parents[1] / "voorbeelden" / "dagbesteding-licht.toml"


def test_uitleg_toont_waarde_formule_en_herkomst(g1: dict[str, Any]) -> None:
    tekst = tarieven.bereken(GOLDEN / "g1-dagbesteding-licht.json").uitleg()
    assert "Tarief per cliënt per dagdeel: € 90,48 (per uur € 22,62)" in tekst
    # the formula in words, over this scenario's names, and with the values filled in (g1: 1:5, 10 places)
    assert "= Σ_f medewerkers × (duur_uur + extra_uur) × uurkosten" in tekst  # the lines it sums, by name
    element = "cliëntgebonden tijd van beroepskrachten (Besluit Jeugdwet art. 2.3 lid 1 onder a)"
    assert f"kostprijselement: {element}" in tekst
    assert (
        "= huisvesting_jaar / eenheden_per_jaar\n      = product.huisvesting_jaar / product.eenheden_per_jaar" in tekst
    )
    assert "= 24.000,00 / 480\n" in tekst
    assert "functies.mbo.maandsalaris = 3.250 EUR/maand  [scenario g1-dagbesteding-licht.json]" in tekst
    assert "product.ratio.kinderen_per_medewerker = 5" in tekst
    # every step of the method that applies is there, in order
    koppen = [r for r in tekst.splitlines() if r[:2] in {"1.", "2.", "3.", "4.", "5."}]
    assert [k[:2] for k in koppen] == ["1.", "2.", "3.", "4.", "5."]


def test_explain_is_uitleg(g1: dict[str, Any]) -> None:
    u = tarieven.bereken(g1)
    assert u.explain() == u.uitleg()


def test_to_frame(g1: dict[str, Any]) -> None:
    df = tarieven.bereken(g1).to_frame()
    assert isinstance(df, pd.DataFrame)
    assert df.loc["tarief_per_client", "afgerond"] == Decimal("90.48")
    assert df.loc["uurkosten.hbo", "eenheid"] == "EUR/uur"
    assert df.loc["medewerkers_totaal", "waarde"] == 2.0
    assert df.loc["huisvesting_eenheid", "expressie"] == "product.huisvesting_jaar / product.eenheden_per_jaar"
    assert df["waarde"].dtype == "float64"
    assert df.attrs["invoer_hash"] == tarieven.bereken(g1).invoer_hash


def test_html(g1: dict[str, Any]) -> None:
    html = tarieven.bereken(g1)._repr_html_()
    assert "<table>" in html
    assert "€ 90,48" in html
    assert "<code>personeel_direct</code>" in html


def test_to_dict_en_json(g1: dict[str, Any]) -> None:
    d = tarieven.bereken(g1).to_dict()
    assert d["tarief_per_client"] == "90.48"
    assert d["uurkosten"] == {"mbo": "44.98", "hbo": "57.43", "wo": "77.66"}
    assert d["tarieven_versie"] == tarieven.__version__
    assert d["eenheid"] == "dagdeel"
    assert json.loads(tarieven.bereken(g1).to_json()) == d


def test_invoer_hash_volgt_de_invoer_niet_de_vorm(g1: dict[str, Any]) -> None:
    uit_bestand = tarieven.bereken(GOLDEN / "g1-dagbesteding-licht.json")
    uit_dict = tarieven.bereken(g1)
    assert uit_bestand.invoer_hash == uit_dict.invoer_hash
    assert len(uit_dict.invoer_hash) == 64
    g1["functies"]["mbo"]["maandsalaris"] = "39000 EUR/jaar"  # the same number in other units
    assert tarieven.bereken(g1).invoer_hash == uit_dict.invoer_hash
    g1["functies"]["mbo"]["maandsalaris"] = 3250.01
    assert tarieven.bereken(g1).invoer_hash != uit_dict.invoer_hash


def test_met_wijzigt_een_invoer_en_noteert_de_herkomst(g1: dict[str, Any]) -> None:
    s = tarieven.lees_scenario(g1)
    acht = s.met(**{"product.groepsgrootte": 8})
    assert acht.waarden["product.groepsgrootte"] == 8.0
    assert s.waarden["product.groepsgrootte"] == 10.0
    assert str(acht.herkomst["product.groepsgrootte"]) == "opgegeven bij de berekening"
    # 8 children at 1:5 still need 2 staff: same group cost, spread over fewer clients
    u10, u8 = tarieven.bereken(s), tarieven.bereken(acht)
    assert u8["personeel_direct"] == u10["personeel_direct"]
    assert u8["kostprijs_per_client"] > u10["kostprijs_per_client"]


def test_toml_voorbeeld_met_eenheden_geeft_g1() -> None:
    """The bundled TOML example is g1 in other units (EUR/maand, minutes, %): same tariff."""
    u = tarieven.bereken(VOORBEELD)
    g1 = tarieven.bereken(GOLDEN / "g1-dagbesteding-licht.json")
    assert u.regel("tarief_per_client").afgerond == Decimal("90.48")
    assert u.tarief == g1.tarief
    # 4 dagdelen a week, 48 weeks: the per-week and per-year lines
    assert u["tarief_per_week"] == 4 * u.tarief
    assert u["tarief_per_jaar"] == 48 * 4 * u.tarief


def test_werkgeverslasten_uit_componenten_met_de_hand(g1: dict[str, Any]) -> None:
    """MODEL.md 1, the component form, computed by hand for the g1 MBO function.

    jaarloon = 3250 × 12 × (1 + 0.08 + 0.0833) = 45,368.70
    premies 0.10 + 0.08 = 0.18 on min(45,368.70, 40,000) = 40,000       -> 7,200.00
    pension P = min(45,368.70, 137,800) = 45,368.70
      OP 0.25 × (45,368.70 − 15,000) = 7,592.175, employer half          -> 3,796.0875
      AP 0.005 × (45,368.70 − 25,000) = 101.8435, employer alone        ->   101.8435
    werkgeverslasten_bedrag = 11,097.931; loonkosten = 56,466.631
    """
    g1["functies"]["mbo"]["werkgeverslasten"] = "componenten"
    g1["werkgeverslasten"] = {
        "premies": {"awf": 0.10, "zvw": 0.08},
        "maximum_premieloon": 40_000,
        "pensioen": {
            "premie": 0.25,
            "premie_ap": 0.005,
            "franchise": 15_000,
            "franchise_ap": 25_000,
            "maximum_pensioengevend_salaris": 137_800,
            "werkgeversdeel": 0.5,
        },
    }
    u = tarieven.bereken(g1)
    assert u["werkgeverslasten_bedrag.mbo"] == pytest.approx(11_097.931, abs=1e-9)
    assert u["loonkosten.mbo"] == pytest.approx(56_466.631, abs=1e-9)
    assert u["werkgeverslasten.mbo"] == pytest.approx(11_097.931 / 45_368.70, rel=1e-12)
    # the other functions keep their one fraction
    assert u["loonkosten.hbo"] == tarieven.bereken(GOLDEN / "g1-dagbesteding-licht.json")["loonkosten.hbo"]


def test_componenten_zonder_sectie_is_een_fout(g1: dict[str, Any]) -> None:
    g1["functies"]["mbo"]["werkgeverslasten"] = "componenten"
    with pytest.raises(tarieven.InvoerFout, match=r"werkgeverslasten ontbreekt: verwacht een sectie met premies"):
        tarieven.bereken(g1)


def test_minimum_vakantietoeslag_met_de_hand(g1: dict[str, Any]) -> None:
    """8 % of 28,800 = 2,304 is below the minimum 211.13 × 12 = 2,533.56, which then applies:
    jaarloon = 28,800 × 1.0833 + 2,533.56 = 33,732.60. At 3,250 a month the 8 % (3,120) is higher.
    (2,400 a month: above the statutory minimum wage at 36 hours, below the allowance's break-even.)"""
    g1["functies"]["mbo"]["maandsalaris"] = 2400
    g1["functies"]["mbo"]["vakantietoeslag_minimum"] = 211.13
    g1["functies"]["hbo"]["vakantietoeslag_minimum"] = 211.13
    u = tarieven.bereken(g1)
    assert u["jaarloon.mbo"] == pytest.approx(33_732.60, abs=1e-9)
    assert u["jaarloon.hbo"] == pytest.approx(49_800 * (1 + 0.08 + 0.0833), abs=1e-9)


def test_uitleg_noemt_de_bron_van_elke_meegeleverde_waarde() -> None:
    """Each bundled value can be traced to its public source from the explanation alone."""
    u = tarieven.bereken("41A22", "2027-01-01")
    _, _, bronnen = u.uitleg().partition("\nBronnen van de meegeleverde waarden:\n")
    meegeleverd = {k: h for k, h in u.scenario.herkomst.items() if h.bron}
    assert len(meegeleverd) > 20
    for sleutel, h in meegeleverd.items():
        assert f"  - {h.bron}\n" in bronnen, sleutel
        regel = bronnen.split(f"  - {h.bron}\n", 1)[1].splitlines()[0]
        assert sleutel in [x.strip() for x in regel.split(",")], sleutel
    assert "Jeugdhulp Haaglanden, Segment 3 Dagbesteding - Dagbehandeling" in bronnen


def test_uitleg_zonder_meegeleverde_waarden_heeft_geen_bronnenlijst() -> None:
    assert "Bronnen van de meegeleverde waarden" not in tarieven.bereken(VOORBEELD).uitleg()
