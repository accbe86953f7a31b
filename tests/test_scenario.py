"""The validated scenario and the one validator (tarieven.scenario)."""

from __future__ import annotations

from typing import Any

import pytest

import tarieven
from tarieven.inlezen import plat
from tarieven.scenario import valideer


def test_valideer_platte_invoer_geeft_hetzelfde_als_het_bestand(g1: dict[str, Any]) -> None:
    invoer, _, _ = plat(g1)
    s = valideer(invoer)
    assert s.waarden == tarieven.lees_scenario(g1).waarden
    assert tarieven.bereken(s).tarief == tarieven.bereken(g1).tarief


def test_invoer_bevat_alles_om_opnieuw_te_valideren(g1: dict[str, Any]) -> None:
    s = tarieven.lees_scenario(g1)
    opnieuw = valideer(s.invoer)
    assert opnieuw.waarden == s.waarden
    assert opnieuw.structuur == s.structuur


def test_met_mag_een_structuurkeuze_wijzigen(g1: dict[str, Any]) -> None:
    """Overhead 25 % as a share of the integral cost price is a 33.3 % mark-up (g1: 90.48)."""
    s = tarieven.lees_scenario(g1)
    opslag = s.met(**{"opslagen.overhead_grondslag": "opslag_op_kostprijs", "opslagen.overhead": 1 / 3})
    assert not opslag.structuur.overhead_aandeel
    assert tarieven.bereken(opslag).tarief == pytest.approx(tarieven.bereken(s).tarief, rel=1e-12)


def test_met_valideert_kruislings(g1: dict[str, Any]) -> None:
    s = tarieven.lees_scenario(g1)
    with pytest.raises(tarieven.InvoerFout, match="meer dan 0 beschikbare uren"):
        s.met(**{"functies.mbo.verlofuren": 5000})


def test_groepsgrootte_moet_geheel_zijn(g1: dict[str, Any]) -> None:
    g1["product"]["groepsgrootte"] = 8.5
    with pytest.raises(tarieven.InvoerFout, match=r"product\.groepsgrootte = 8\.5: verwacht een geheel getal"):
        tarieven.bereken(g1)


def test_geen_personeel_op_de_groep(g3: dict[str, Any]) -> None:
    for item in g3["product"]["personeel"]:
        item["aantal"] = 0
    with pytest.raises(tarieven.InvoerFout, match="ten minste één medewerker op de groep"):
        tarieven.bereken(g3)


def test_dubbelzinnig_getal_kiest_de_aannemelijke_lezing(g1: dict[str, Any]) -> None:
    """'3.250' as a monthly salary can only be 3250 (3.25 euro is no salary); '52.143' weeks only 52.143."""
    g1["functies"]["mbo"]["maandsalaris"] = "3.250 EUR/maand"
    g1["functies"]["mbo"]["weken_per_jaar"] = "52.143"
    s = tarieven.lees_scenario(g1)
    assert s.waarden["functies.mbo.maandsalaris"] == 3250.0
    assert s.waarden["functies.mbo.weken_per_jaar"] == 52.143
