"""Reading a scenario in (tarieven.inlezen): flattening, completing from the catalogue, the merge rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import tarieven
from tarieven.inlezen import lees_scenario, plat
from tarieven.velden import LEEG

PEIL = dt.date(2027, 1, 1)


def test_plat_maakt_gepunte_sleutels(g3: dict[str, Any]) -> None:
    invoer, geschreven, problemen = plat({**g3, "verwacht": {"x": 1}})
    assert problemen == []
    assert invoer["product.groepsgrootte"] == g3["product"]["groepsgrootte"]
    assert invoer["functies.mbo.maandsalaris"] == g3["functies"]["mbo"]["maandsalaris"]
    # the list of staff becomes one key per function, written as the user wrote it
    assert invoer["product.personeel.hbo"] == 2.0  # g3: 1 mbo, 2 hbo
    assert geschreven["product.personeel.hbo"] == "product.personeel[1].functie"
    assert not any(k.startswith("verwacht") for k in invoer)  # a golden example's answers are read past


def test_plat_meldt_onbekend_en_verkeerde_vorm() -> None:
    _, _, problemen = plat({"product": {"groepsgrote": 8, "ratio": 5, "duur_uur": {"uur": 4}}, "opslag": {}})
    tekst = [str(p) for p in problemen]
    assert any(
        t.startswith("product.groepsgrote = 8: verwacht een bekende sleutel (code, naam, eenheid") for t in tekst
    )
    assert any(t.startswith("product.ratio = 5: verwacht een tabel") for t in tekst)
    assert any(
        t.startswith("product.duur_uur = {'uur': 4}: verwacht een getal groter dan 0 en hoogstens 24") for t in tekst
    )
    assert any(t.startswith("opslag = {}: verwacht een bekende sleutel") for t in tekst)


def test_lege_tabel_blijft_bewaard() -> None:
    invoer, _, _ = plat({"product": {"extra_uur": {}}})
    assert invoer["product.extra_uur"] is LEEG


def test_personeel_vervangt_de_ratio_van_de_basis() -> None:
    """A provider's own staff replaces the product's ratio; it is never added to it."""
    s = lees_scenario(
        {
            "basis": "41A22",
            "product": {"personeel": [{"functie": "mbo", "aantal": 1}, {"functie": "hbo", "aantal": 1}]},
        },
        PEIL,
    )
    assert not s.structuur.uit_ratio
    assert s.structuur.direct == ("mbo", "hbo")
    assert not any(k.startswith("product.ratio.") for k in s.invoer)


def test_weglaten_haalt_invoer_van_de_basis_weg() -> None:
    met = lees_scenario({"basis": "41A22"}, PEIL)
    zonder = lees_scenario({"basis": "41A22", "weglaten": ["product.indirect_uur.wo"]}, PEIL)
    assert "product.indirect_uur.wo" in met.waarden
    assert "product.indirect_uur.wo" not in zonder.waarden
    assert tarieven.bereken(zonder)["personeel_indirect"] == 0.0
    assert tarieven.bereken(zonder).tarief < tarieven.bereken(met).tarief


def test_eigen_waarde_wint_en_heeft_geen_status() -> None:
    s = lees_scenario({"basis": "41A22", "product": {"bezettingsgraad": 0.9}}, PEIL, naam="mijn.toml")
    assert s.waarden["product.bezettingsgraad"] == 0.9
    assert str(s.herkomst["product.bezettingsgraad"]) == "scenario mijn.toml"
    assert s.herkomst["product.groepsgrootte"].status == "aanname"


def test_met_en_peildatum_als_tekst() -> None:
    s = lees_scenario("41A22", "2027-01-01", met={"product.groepsgrootte": 8})
    assert s.peildatum == PEIL
    assert s.waarden["product.groepsgrootte"] == 8.0
    assert str(s.herkomst["product.groepsgrootte"]) == "opgegeven bij de berekening"


@pytest.mark.parametrize(
    ("peildatum", "melding"),
    [("1-1-2027", "een datum zoals 2027-01-01"), (dt.datetime(2027, 1, 1, 12), "een tijdstip hoort er niet bij")],
)
def test_peildatum_wordt_gecontroleerd(peildatum: Any, melding: str) -> None:
    with pytest.raises(tarieven.InvoerFout, match=melding):
        lees_scenario({"basis": "41A22", "peildatum": peildatum})


def test_onbekende_productcode_of_bestand() -> None:
    with pytest.raises(
        tarieven.InvoerFout, match=r"een bestaand \.json- of \.toml-bestand, of een productcode \(41A00-1"
    ):
        lees_scenario("41A99")


def test_eigen_personeel_neemt_de_extra_tijd_van_een_functie_zonder_medewerkers_niet_over() -> None:
    """Three MBO and no HBO on 41A00-1 (0,5 uur extra per staff member of each): the basis's extra
    time per HBO staff member goes with the HBO (no HBO on the group, so no extra time for one);
    the MBO's stays."""
    s = lees_scenario({"basis": "41A00-1", "product": {"personeel": [{"functie": "mbo", "aantal": 3}]}}, PEIL)
    assert s.structuur.direct == ("mbo",)
    assert "product.extra_uur.hbo" not in s.invoer
    assert s.waarden["product.extra_uur.mbo"] == 0.5


def test_uitleg_zegt_eigen_of_overgenomen() -> None:
    u = tarieven.bereken(
        {"basis": "41A22", "peildatum": PEIL, "product": {"groepsgrootte": 8}, "functies": {"hbo": {"trede": "midden"}}}
    )
    tekst = u.uitleg()
    assert "Eigen invoer (2): functies.hbo.maandsalaris, product.groepsgrootte;" in tekst
    assert "product.groepsgrootte = 8  [scenario (dict)]" in tekst
    assert "product.bezettingsgraad = 0,85  [overgenomen van 41A22: 41A22.toml: product.bezettingsgraad" in tekst
    assert "functies.hbo.maandsalaris = 4.071,75 EUR/maand  [eigen keuze: cao-jeugdzorg.toml" in tekst
    assert "trede 5 (midden)" in tekst
    assert "Eigen invoer" not in tarieven.bereken("41A22", PEIL).uitleg()  # a product alone: nothing to tell apart


def test_een_premie_wijzigen_vult_de_rest_aan() -> None:
    """'What if the Aof is the small employer's': one premium given, the rest of the bundled charges stay;
    a block with a premium of its own name replaces the bundled one whole (no premium counted twice)."""
    basis = lees_scenario("41A22", PEIL)
    s = lees_scenario("41A22", PEIL, met={"werkgeverslasten.premies.aof": 0.0628})
    assert s.waarden["werkgeverslasten.premies.aof"] == 0.0628
    for k, v in basis.waarden.items():
        if k.startswith("werkgeverslasten.") and k != "werkgeverslasten.premies.aof":
            assert s.waarden[k] == v, k
    eigen = {k: v for k, v in basis.waarden.items() if k.startswith("werkgeverslasten.") and ".premies." not in k}
    eigen["werkgeverslasten.premies.alles"] = 0.18  # one premium of its own name for all of them
    s = lees_scenario("41A22", PEIL, met=eigen)
    assert [k for k in s.waarden if k.startswith("werkgeverslasten.premies.")] == ["werkgeverslasten.premies.alles"]
