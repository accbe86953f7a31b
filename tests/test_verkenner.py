"""The explorer (tarieven.verken): a control moved through ipywidgets' own observers prices the
scenario again, to the same tariff as tarieven.bereken with that value; the button writes a
scenario that bereken reads back to the same tariff."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import tarieven
from tarieven.weergave import euro

PEIL = "2025-06-01"


@pytest.mark.parametrize(
    ("sleutel", "waarde"),
    [
        ("product.groepsgrootte", 8),
        ("product.bezettingsgraad", 0.9),
        ("product.ratio.kinderen_per_medewerker", 4.0),
        ("opslagen.overhead", 0.1),
        ("opslagen.risico_opslag", 0.0),
        ("functies.mbo.trede", "midden"),
        ("functies.hbo.trede", 3),
    ],
)
def test_een_control_rekent_als_bereken(sleutel: str, waarde: Any) -> None:
    v = tarieven.verken("41A22", peildatum=PEIL)
    voor = v.uitkomst.tarief
    v.widgets[sleutel].value = waarde  # ipywidgets calls the explorer's observer
    verwacht = tarieven.bereken("41A22", PEIL, met={sleutel: waarde}).tarief
    assert v.uitkomst.tarief == verwacht
    assert v.uitkomst.tarief != voor
    assert v.met() == {sleutel: waarde}


def test_de_mix_telt_op_tot_een() -> None:
    v = tarieven.verken("41A22", peildatum=PEIL)
    v.widgets["product.ratio.mix.mbo"].value = 0.7
    assert v.widgets["product.ratio.mix.hbo"].value == pytest.approx(0.3)
    met = {"product.ratio.mix.mbo": 0.7, "product.ratio.mix.hbo": v.widgets["product.ratio.mix.hbo"].value}
    assert v.uitkomst.tarief == tarieven.bereken("41A22", PEIL, met=met).tarief


def test_aannameset_en_band() -> None:
    v = tarieven.verken("41A22", peildatum=PEIL)
    v.widgets["aannames"].value = "hoog"
    assert v.uitkomst.tarief == tarieven.bereken("41A22", PEIL, aannames="hoog").tarief
    laag = tarieven.bereken("41A22", PEIL, aannames="laag").tarief
    assert v.uitkomst.tarief > laag
    assert "band" in v.tarief.value


def test_personeel_in_aantallen() -> None:
    v = tarieven.verken("GGZ-groep", peildatum=PEIL)
    assert "product.ratio.kinderen_per_medewerker" not in v.widgets
    v.widgets["product.personeel.hbo"].value = 2.0
    assert v.uitkomst.tarief == tarieven.bereken("GGZ-groep", PEIL, met={"product.personeel.hbo": 2.0}).tarief


def test_waterval_volgt() -> None:
    v = tarieven.verken("41A22", peildatum=PEIL)
    voor = v.waterval.value
    assert '<svg style="max-width:100%' in voor  # it fits its column in JupyterLab
    v.widgets["product.groepsgrootte"].value = 12
    assert "<svg" in v.waterval.value
    assert v.waterval.value != voor
    assert euro(v.uitkomst.tarief) in v.tarief.value


def test_bewaar_en_lees_terug(tmp_path: Path) -> None:
    v = tarieven.verken("41A22", peildatum=PEIL)
    v.widgets["product.groepsgrootte"].value = 8
    v.widgets["functies.wo.trede"].value = "midden"
    v.widgets["aannames"].value = "laag"
    v.bestandsnaam.value = str(tmp_path / "groep8.toml")
    v.knop.click()
    assert "bewaard" in v.melding.value
    assert tarieven.bereken(tmp_path / "groep8.toml").tarief == v.uitkomst.tarief
    v.knop.click()  # never over an existing file: the message, not an exception
    assert "bestaat al" in v.melding.value


def test_scenariobestand_als_bron(tmp_path: Path) -> None:
    voorbeeld = tarieven.voorbeeld("dagbesteding-licht")
    v = tarieven.verken(voorbeeld, peildatum=PEIL)
    v.widgets["product.bezettingsgraad"].value = 0.95
    assert v.uitkomst.tarief == tarieven.bereken(voorbeeld, PEIL, met={"product.bezettingsgraad": 0.95}).tarief
    pad = v.bewaar(tmp_path / "eigen.toml")
    assert tarieven.bereken(pad).tarief == pytest.approx(v.uitkomst.tarief, rel=1e-12)


def test_een_opgezocht_scenario_als_bron() -> None:
    """A Scenario looked up already: a control as with met=, the assumption set read again (herlees)."""
    s = tarieven.lees_scenario("41A22", PEIL)
    v = tarieven.verken(s)
    v.widgets["product.groepsgrootte"].value = 9
    assert v.uitkomst.tarief == tarieven.bereken("41A22", PEIL, met={"product.groepsgrootte": 9}).tarief
    v.widgets["aannames"].value = "laag"
    verwacht = tarieven.bereken("41A22", PEIL, met={"product.groepsgrootte": 9}, aannames="laag").tarief
    assert v.uitkomst.tarief == verwacht
