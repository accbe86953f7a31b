"""The breakdown's line definitions (tarieven.model): one definition per line, all else derived."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import numpy as np
import pytest

import tarieven
from tarieven.model import STAPPEN, Structuur, bereken, regeldefinities
from tarieven.uitkomst import Uitkomst

from .conftest import GOLDEN


def _jaarloon_zonder_eindejaarsuitkering(bruto_jaarsalaris: Any, vakantietoeslag: Any, eindejaarsuitkering: Any) -> Any:
    return bruto_jaarsalaris * (1 + vakantietoeslag)


def test_een_gewijzigde_definitie_verandert_waarde_uitleg_en_excel() -> None:
    """Change one line's definition in a copy: its value, the explanation and the workbook
    formula all follow, because all three come from that one definition."""
    s = tarieven.lees_scenario(GOLDEN / "g1-dagbesteding-licht.json")
    origineel = regeldefinities(s.structuur)
    i = next(i for i, d in enumerate(origineel) if d.naam == "jaarloon.mbo")
    gewijzigd = dataclasses.replace(origineel[i], functie=_jaarloon_zonder_eindejaarsuitkering)
    kopie = (*origineel[:i], gewijzigd, *origineel[i + 1 :])

    voor, na = bereken(s.structuur, s.waarden), bereken(s.structuur, s.waarden, kopie)
    # g1: maandsalaris 3250, vakantietoeslag 8 %, eindejaarsuitkering 8,33 %
    assert float(voor["jaarloon.mbo"]) == pytest.approx(3250 * 12 * (1 + 0.08 + 0.0833))
    assert float(na["jaarloon.mbo"]) == pytest.approx(3250 * 12 * 1.08)
    assert float(na["tarief_per_client"]) < float(voor["tarief_per_client"])  # and it carries through

    uitleg_voor = Uitkomst(s, voor).uitleg()
    uitleg_na = Uitkomst(s, na, kopie).uitleg()
    assert (
        "= bruto_jaarsalaris.mbo * (1 + functies.mbo.vakantietoeslag + functies.mbo.eindejaarsuitkering)" in uitleg_voor
    )
    assert "= bruto_jaarsalaris.mbo * (1 + functies.mbo.vakantietoeslag)\n" in uitleg_na
    assert "= 39.000,00 × (1 + 0,08)\n" in uitleg_na

    assert (
        origineel[i].excel()
        == "=bruto_jaarsalaris_mbo*(1+functies_mbo_vakantietoeslag+functies_mbo_eindejaarsuitkering)"
    )
    assert gewijzigd.excel() == "=bruto_jaarsalaris_mbo*(1+functies_mbo_vakantietoeslag)"
    assert gewijzigd.invoer == ("bruto_jaarsalaris.mbo", "functies.mbo.vakantietoeslag")


def test_elke_regel_heeft_een_stap_een_label_en_een_excelformule() -> None:
    s = tarieven.lees_scenario(GOLDEN / "g5-ggz-groep.json")
    for d in regeldefinities(s.structuur):
        assert d.stap in STAPPEN
        assert d.label
        assert d.omschrijving
        assert d.excel().startswith("=")
        assert not re.search(r"[A-Za-z_]\.[A-Za-z_]", d.excel()), d.excel()  # every name a defined name


def test_een_tikfout_in_een_definitie_is_direct_een_fout() -> None:
    from tarieven import personeel
    from tarieven.regeldefinitie import regel

    with pytest.raises(TypeError, match="geen parameter"):
        regel(
            "x",
            eenheid="EUR",
            omschrijving="x",
            label="x",
            stap="1",
            elementen=("beroepskracht",),
            functie=personeel.jaarloon,
            argumenten={"bruto": "a"},
        )


def test_regels_volgen_de_structuur() -> None:
    basis = Structuur(functies=("mbo",), direct=("mbo",), uit_ratio=False, eenheid="dagdeel")
    namen = [d.naam for d in regeldefinities(basis)]
    assert "medewerkers_totaal" not in namen
    assert "tarief_per_traject" not in namen
    met_ratio = [d.naam for d in regeldefinities(dataclasses.replace(basis, uit_ratio=True, sessies=True))]
    assert "medewerkers_totaal" in met_ratio
    assert "medewerkers.mbo" in met_ratio
    assert "tarief_per_traject" in met_ratio
    vervoer = regeldefinities(Structuur(eenheid="dag", vervoersvorm="groep", categorieen=("categorie_1",)))
    assert [d.naam for d in vervoer] == ["vervoerscategorie", "tarief_per_client"]


def test_bereken_broadcast_over_arrays() -> None:
    s = tarieven.lees_scenario(GOLDEN / "g1-dagbesteding-licht.json")
    w = dict(s.waarden)
    w["product.groepsgrootte"] = np.array([[8.0], [10.0]])
    w["product.bezettingsgraad"] = np.array([0.75, 0.85, 0.95])
    uit = bereken(s.structuur, w)
    assert np.shape(uit["tarief_per_client"]) == (2, 3)
    assert float(uit["tarief_per_client"][1, 1]) == pytest.approx(tarieven.bereken(s).tarief, rel=1e-15)


def test_benodigd_rekent_alleen_wat_een_regel_nodig_heeft() -> None:
    from tarieven.model import benodigd

    s = tarieven.lees_scenario(GOLDEN / "g1-dagbesteding-licht.json")
    alle = regeldefinities(s.structuur)
    namen = [d.naam for d in benodigd(alle, ["tarief_per_client"])]
    assert namen[-1] == "tarief_per_client"
    assert "uurkosten.wo" in namen  # the behavioural scientist's hour cost feeds indirect staff
    assert not [n for n in namen if n.startswith(("opbouw.", "tarief_per_uur", "tarief_per_minuut"))]
    assert namen == [d.naam for d in alle if d.naam in set(namen)]  # in the order of computation
    deel = bereken(s.structuur, s.waarden, benodigd(alle, ["tarief_per_client"]))
    assert float(deel["tarief_per_client"]) == float(bereken(s.structuur, s.waarden)["tarief_per_client"])
