"""Transport 42A03 (MODEL.md 8): every golden g7 case, band edges, arrays, clear errors,
the amounts per category and the parameter file."""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import tarieven
from tarieven.fouten import InvoerFout
from tarieven.vervoer import CATEGORIETABEL, VORMEN, vervoerscategorie, vervoerstarief

from .conftest import lees_golden

G7 = lees_golden("g7-vervoer-categorie.json")["gevallen"]
PARAMS = Path(__file__).parents[1] / "params"


def _id(geval: dict[str, Any]) -> str:
    return f"{geval['afstand_km']}km-{geval['vorm']}-{geval['verwacht']}"


@pytest.mark.parametrize("geval", G7, ids=[_id(g) for g in G7])
def test_g7(geval: dict[str, Any]) -> None:
    afstand, vorm, verwacht = geval["afstand_km"], geval["vorm"], geval["verwacht"]
    if verwacht == "fout":
        with pytest.raises(InvoerFout) as fout:
            vervoerscategorie(afstand, vorm)
        tekst = str(fout.value)
        assert f"afstand_km = {afstand}" in tekst  # names the value
        assert "0 tot en met 30 km" in tekst  # and the allowed range
    else:
        assert int(vervoerscategorie(afstand, vorm)) == verwacht


def test_g7_fout_boven_30_km_zegt_waarom() -> None:
    with pytest.raises(InvoerFout, match="boven 30 km is voor vervoer 42A03 geen categorie gedefinieerd"):
        vervoerscategorie(31.0, "groep")


def test_g7_fout_negatief_zegt_waarom() -> None:
    with pytest.raises(InvoerFout, match="een negatieve afstand bestaat niet"):
        vervoerscategorie(-1.0, "groep")


def test_g7_als_array() -> None:
    """The valid g7 cases of one mode at once give the same categories as one by one."""
    for vorm in VORMEN:
        gevallen = [g for g in G7 if g["verwacht"] != "fout"]
        afstanden = np.array([g["afstand_km"] for g in gevallen])
        los = [int(vervoerscategorie(a, vorm)) for a in afstanden]
        np.testing.assert_array_equal(vervoerscategorie(afstanden, vorm), los)


# Band edges, per seed 004: < 5 | 5-10 | 10-20 | 20-30 km, lower bound inclusive, 30 in the last band.
RANDEN = [0.0, 4.999, 5.0, 9.999, 10.0, 19.999, 20.0, 29.999, 30.0]
BAND_VAN_RAND = [0, 0, 1, 1, 2, 2, 3, 3, 3]


@pytest.mark.parametrize(
    ("vorm", "verwacht"),
    [
        # seed 004 table: groep 1 2 3 4; groep_rolstoel 2 3 4 5; individueel 3 3 4 5
        ("groep", [1, 1, 2, 2, 3, 3, 4, 4, 4]),
        ("groep_rolstoel", [2, 2, 3, 3, 4, 4, 5, 5, 5]),
        ("individueel", [3, 3, 3, 3, 4, 4, 5, 5, 5]),
    ],
)
def test_bandranden(vorm: str, verwacht: list[int]) -> None:
    assert vervoerscategorie(RANDEN, vorm).tolist() == verwacht
    assert verwacht == [CATEGORIETABEL[vorm][b] for b in BAND_VAN_RAND]


def test_vorm_van_de_uitkomst() -> None:
    c = vervoerscategorie([[3.0, 12.0], [25.0, 0.0]], "groep")
    assert c.shape == (2, 2)
    assert c.tolist() == [[1, 3], [4, 1]]
    assert np.ndim(vervoerscategorie(3.0, "groep")) == 0


def test_array_fout_noemt_eerste_waarde_en_index() -> None:
    with pytest.raises(InvoerFout) as fout:
        vervoerscategorie([3.0, 12.0, 45.5, -2.0], "groep")
    tekst = str(fout.value)
    assert "afstand_km[2] = 45.5" in tekst
    assert "nog 1 andere" in tekst


def test_array_fout_in_twee_dimensies() -> None:
    with pytest.raises(InvoerFout, match=r"afstand_km\[1, 0\] = 31.0"):
        vervoerscategorie([[1.0, 2.0], [31.0, 4.0]], "individueel")


@pytest.mark.parametrize("afstand", [math.nan, math.inf, -math.inf])
def test_geen_getal(afstand: float) -> None:
    with pytest.raises(InvoerFout, match="0 tot en met 30 km"):
        vervoerscategorie(afstand, "groep")


def test_nan_in_array() -> None:
    with pytest.raises(InvoerFout, match=r"afstand_km\[1\] = nan: .*geen getal \(NaN\)"):
        vervoerscategorie([1.0, math.nan], "groep")


def test_onbekende_vorm() -> None:
    with pytest.raises(InvoerFout) as fout:
        vervoerscategorie(3.0, "taxi")
    tekst = str(fout.value)
    assert "vorm = 'taxi'" in tekst
    for vorm in VORMEN:
        assert repr(vorm) in tekst


# -- amounts per category -------------------------------------------------------------------

BEDRAGEN = {1: 10.0, 2: 11.5, 3: 13.0, 4: 15.25, 5: 18.0}  # test amounts, not real tariffs


def test_vervoerstarief_per_categorie() -> None:
    assert float(vervoerstarief(4, BEDRAGEN)) == 15.25
    # 3 km groep -> 1 (10.00), 12 km rolstoel -> 4 (15.25), 25 km individueel -> 5 (18.00)
    categorie = np.array(
        [int(vervoerscategorie(3.0, "groep")), int(vervoerscategorie(12.0, "groep_rolstoel")), 5],
    )
    np.testing.assert_array_equal(vervoerstarief(categorie, BEDRAGEN), [10.0, 15.25, 18.0])


def test_vervoerstarief_ontbrekend_bedrag() -> None:
    with pytest.raises(InvoerFout, match=r"bedrag\.categorie_3 ontbreekt"):
        vervoerstarief([1, 3], {1: 10.0})


@pytest.mark.parametrize("categorie", [0, 6, 2.5])
def test_vervoerstarief_ongeldige_categorie(categorie: float) -> None:
    with pytest.raises(InvoerFout, match="categorie"):
        vervoerstarief(categorie, BEDRAGEN)


# -- the product file and the product as a whole ------------------------------------------------


@pytest.fixture(scope="module")
def params_vervoer() -> dict[str, Any]:
    return tomllib.loads((PARAMS / "producten" / "42A03.toml").read_text(encoding="utf-8"))


def test_productbestand_bedragen_met_bron_en_status(params_vervoer: dict[str, Any]) -> None:
    bedragen = params_vervoer["product"]["bedrag"]
    assert sorted(bedragen) == [f"categorie_{c}" for c in range(1, 6)]
    for p in bedragen.values():
        assert p["status"] == "indicatief"
        assert "CVDR637937" in p["bron"]["document"]
    # usable as they are
    uit_bestand = {int(k.removeprefix("categorie_")): p["waarde"] for k, p in bedragen.items()}
    assert float(vervoerstarief(vervoerscategorie(12.0, "groep"), uit_bestand)) == bedragen["categorie_3"]["waarde"]


@pytest.mark.parametrize("geval", [g for g in G7 if g["verwacht"] != "fout"], ids=_id)
def test_vervoer_als_product_zoals_g7(geval: dict[str, Any]) -> None:
    """The product 42A03 through the same path as every product: category and amount per g7 case."""
    u = tarieven.bereken(
        "42A03", "2027-01-01", met={"product.afstand_km": geval["afstand_km"], "product.vorm": geval["vorm"]}
    )
    assert u["vervoerscategorie"] == geval["verwacht"]
    bedragen = tarieven.vervoersbedragen("2027-01-01")["42A03"]
    assert u.tarief == bedragen[f"categorie_{geval['verwacht']}"][0]
    assert u.eenheid == "dag"


def test_vervoer_uitleg_en_excelformule() -> None:
    u = tarieven.bereken("42A03", "2027-01-01", met={"product.afstand_km": "12 km", "product.vorm": "groep"})
    tekst = u.uitleg()
    assert "vervoerscategorie" in tekst
    assert "= opzoeken(afstand_km; [0; 5; 10; 20]; [1; 2; 3; 4])\n" in tekst
    assert "\n      = opzoeken(product.afstand_km, [0, 5, 10, 20], [1, 2, 3, 4])\n" in tekst
    assert "= opzoeken(12; [0; 5; 10; 20]; [1; 2; 3; 4])" in tekst
    assert "= kies(vervoerscategorie; categorie_1; categorie_2; categorie_3; categorie_4; categorie_5)" in tekst
    assert "product.afstand_km = 12 km  [opgegeven bij de berekening]" in tekst
    assert u.regel("vervoerscategorie").definitie.excel() == "=LOOKUP(product_afstand_km,{0,5,10,20},{1,2,3,4})"
    assert u.regel("tarief_per_client").definitie.excel().startswith("=CHOOSE(vervoerscategorie,product_bedrag_")


@pytest.mark.parametrize(
    ("met", "melding"),
    [
        ({"product.afstand_km": 31, "product.vorm": "groep"}, "boven 30 km is voor vervoer 42A03 geen categorie"),
        (
            {"product.afstand_km": -1, "product.vorm": "groep"},
            r"product\.afstand_km \(opgegeven bij de berekening\) = -1",
        ),
        (
            {"product.afstand_km": 5, "product.vorm": "fiets"},
            r"product\.vorm \(opgegeven bij de berekening\) = 'fiets': verwacht een van 'groep'",
        ),
        ({"product.vorm": "groep"}, "product.afstand_km ontbreekt"),
    ],
)
def test_vervoer_fouten(met: dict[str, Any], melding: str) -> None:
    with pytest.raises(InvoerFout, match=melding):
        tarieven.bereken("42A03", "2027-01-01", met=met)


def test_bedragen_vervoer_een_niveau_uit_een_bron() -> None:
    """No source gives amounts per category: one sourced level for all five, never an invented split.
    It is Den Haag's 2020 pgb transport tariff in kind (26.25 / 0.75 = 35.00), indexed to price
    level 2025 with the yearly index, as tarieven.gepubliceerd_tarief computes it (to the cent),
    indicatief; after 2025 carried forward and marked geprojecteerd."""
    from decimal import Decimal

    import tarieven
    from tarieven.afronding import op_centen

    niveau = tarieven.gepubliceerd_tarief("den_haag_2020.pgb.vervoer", 2025)
    assert niveau.natura == pytest.approx(26.25 / 0.75, rel=1e-12)
    bedragen_2025 = tarieven.vervoersbedragen(dt.date(2025, 6, 1))["42A03"]
    assert len(bedragen_2025) == 5
    assert {op_centen(b) for b, _ in bedragen_2025.values()} == {op_centen(niveau.bedrag)} == {Decimal("43.04")}
    assert {s for _, s in bedragen_2025.values()} == {"indicatief"}
    assert {s for _, s in tarieven.vervoersbedragen(dt.date(2027, 1, 1))["42A03"].values()} == {"aanname"}
    u = tarieven.bereken("42A03", "2027-01-01", met={"product.afstand_km": 12.0, "product.vorm": "groep"})
    assert u.scenario.herkomst["product.bedrag.categorie_3"].geprojecteerd
    with pytest.raises(tarieven.InvoerFout, match="tot en met 2027-12-31"):
        tarieven.bereken("42A03", "2028-01-01", met={"product.afstand_km": 12.0, "product.vorm": "groep"})
