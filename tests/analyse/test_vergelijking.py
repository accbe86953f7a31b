"""Products side by side, ``tarieven.analyse.vergelijking``."""

from __future__ import annotations

import pytest

import tarieven
from tarieven import analyse
from tarieven.analyse.vergelijking import OPBOUW

from ..conftest import GOLDEN
from ._hulp import G1

D = "2027-01-01"


def test_licht_middel_zwaar() -> None:
    v = analyse.productvergelijking(["41A22", "41A23", "41A24"], peildatum=D, basis="41A22")
    assert v.attrs["kolommen"] == ["41A22", "41A23", "41A24"]
    assert list(v.columns) == ["label", "41A22", "41A23", "41A24", "41A23 / 41A22", "41A24 / 41A22"]
    for code in v.attrs["kolommen"]:
        u = tarieven.bereken(code, D)
        k = v[code]
        assert k["tarief_per_client"] == u.tarief
        # the parts add up to the tariff
        assert sum(k[r] for r in OPBOUW) == pytest.approx(u.tarief, rel=1e-12)
        # direct staff per client = hours × average cost per hour / billed clients
        assert k["opbouw.personeel_direct"] == pytest.approx(k["uren_direct"] * k["uurkosten_direct"] / k["clienten"])
        assert k["clienten"] == pytest.approx(k["groepsgrootte"] * k["bezettingsgraad"])
    licht = v["41A22"]
    assert licht["medewerkers"] == 2  # 10 places at 1 per 5
    assert licht["uren_direct"] == pytest.approx(2 * (4 + 0.0))  # preparation inside the dagdeel
    assert licht["clienten_per_medewerker"] == pytest.approx(8.5 / 2)
    assert licht["uren_indirect"] == 0.25
    assert v.loc["tarief_per_client", "41A24 / 41A22"] == pytest.approx(
        v.loc["tarief_per_client", "41A24"] / licht["tarief_per_client"]
    )


def test_expliciet_personeel_en_namen() -> None:
    v = analyse.productvergelijking({"eigen": GOLDEN / "g5-ggz-groep.json", "licht": G1})
    assert v.attrs["kolommen"] == ["eigen", "licht"]
    assert v.loc["medewerkers", "eigen"] == 2  # 1 gz_psycholoog + 1 hbo
    assert v.loc["uren_direct", "eigen"] == pytest.approx(2 * (1.5 + 0.5))
    assert v.loc["opbouw.clientkosten", "eigen"] > 0
    assert v.loc["bezettingsgraad", "label"] == "bezettingsgraad"
    assert v.attrs["soort"]["bezettingsgraad"] == "fractie"


def test_vergelijking_fouten() -> None:
    with pytest.raises(tarieven.InvoerFout, match="elke kolomnaam"):
        analyse.productvergelijking(["41A22", "41A22"], peildatum=D)
    with pytest.raises(tarieven.InvoerFout, match="basis"):
        analyse.productvergelijking(["41A22"], peildatum=D, basis="41A24")
