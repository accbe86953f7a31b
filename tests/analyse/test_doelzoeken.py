"""Goal seek, ``tarieven.analyse.doelzoeken``.

A value found must give the target back to the cent through the single-scenario API
(``tarieven.bereken``), or agree with a hand calculation written out here.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

import tarieven
from tarieven import analyse, weergave
from tarieven.afronding import op_centen

from ..conftest import GOLDEN
from ._hulp import G1, MBO, B, G, enkel

G3 = GOLDEN / "g3-dagbehandeling-b-cat3.json"
G5 = GOLDEN / "g5-ggz-groep.json"


@pytest.mark.parametrize("bestand", [G1, G3, G5])
@pytest.mark.parametrize("sleutel", [B, "opslagen.overhead", "product.huisvesting_jaar"])
def test_doelzoek_heen_en_terug_op_de_cent(bestand: Path, sleutel: str) -> None:
    s = tarieven.lees_scenario(bestand)
    basis = tarieven.bereken(s).tarief
    for doel in (round(basis * 0.97, 2), round(basis * 1.1, 2)):
        x = analyse.doelzoek(s, sleutel, doel)
        terug = enkel(s, **{sleutel: x}).tarief
        assert op_centen(terug) == Decimal(str(doel))
        assert abs(terug - doel) <= 1e-6


def test_doelzoek_loon_dat_een_tarief_betaalt() -> None:
    """g3 has 1 MBO on the group; solving for the MBO wage that gives € 160.00 round-trips."""
    s = tarieven.lees_scenario(G3)
    loon = analyse.doelzoek(s, MBO, 160.0)
    assert loon > s.waarden[MBO]  # golden tariff is 151.40 < 160: a higher wage
    assert op_centen(enkel(s, **{MBO: loon}).tarief) == Decimal("160.00")


def test_doelzoek_break_even_bezetting_met_de_hand() -> None:
    """Tariff T(b) = (F / (G b) + m) × (1 + r) / (1 − o) with F the group cost without material,
    so b* = F / (G (T / ((1 + r) / (1 − o)) − m)); g1: m = 3.5, G = 10, o = 0.25, r = 0.03."""
    s = tarieven.lees_scenario(G1)
    u = tarieven.bereken(s)
    f = u["personeel_direct"] + u["personeel_indirect"] + u["huisvesting_eenheid"]
    doelen = np.array([80.0, 90.0, 100.0])
    hand = f / (10 * (doelen / (1.03 / 0.75) - 3.5))
    gevonden = analyse.doelzoek(s, B, doelen)
    assert isinstance(gevonden, np.ndarray)
    np.testing.assert_allclose(gevonden, hand, rtol=1e-10)


def test_doelzoek_groepsgrootte_in_hele_plaatsen() -> None:
    """g1 at 1:5, rounded up: 10 places is 2 staff (90.48, golden), 9 places also 2 staff but dearer."""
    s = tarieven.lees_scenario(G1)
    kleinste = analyse.doelzoek(s, G, 95.0)
    assert kleinste == 10.0
    assert enkel(s, **{G: 9}).tarief > 95 >= enkel(s, **{G: 10}).tarief
    grootste = analyse.doelzoek(s, G, 95.0, kies="grootste", bereik=(5, 14))
    assert enkel(s, **{G: grootste}).tarief <= 95
    assert all(enkel(s, **{G: g}).tarief > 95 for g in range(int(grootste) + 1, 15))


def test_doelzoek_fouten_zijn_duidelijk() -> None:
    s = tarieven.lees_scenario(G1)
    with pytest.raises(tarieven.InvoerFout, match=r"doel = 50\.0: .* loopt daar van € 77,63 tot"):
        analyse.doelzoek(s, B, 50.0)
    # between 10 and 11 places the staff jumps from 2 to 3: 100.00 is not reachable exactly
    with pytest.raises(tarieven.InvoerFout, match=r"springt het van € 90,48 naar"):
        analyse.doelzoek(s, G, 100.0, geheel=False, bereik=(10, 11))
    with pytest.raises(tarieven.InvoerFout, match=r"hangt niet af van deze invoer"):
        analyse.doelzoek(s, "functies.wo.maandsalaris", 95.0, regel="uurkosten.mbo")
    with pytest.raises(tarieven.InvoerFout, match=r"doel = 60\.0: .*gehele waarden"):
        analyse.doelzoek(s, G, 60.0)


def test_doelzoek_rooster_per_groepsgrootte_en_loon() -> None:
    s = tarieven.lees_scenario(G1)
    df = analyse.doelzoek_rooster(s, B, 120.0, {G: [8, 10], MBO: [3000, 3500]})
    assert list(df.columns) == [G, MBO, B, "tarief_per_client", "melding"]
    assert len(df) == 4
    assert (df["melding"] == "").all()
    for rij in df.itertuples(index=False):
        g, w, b = rij[0], rij[1], rij[2]
        assert op_centen(enkel(s, **{G: g, MBO: w, B: b}).tarief) == Decimal("120.00")


def test_doelzoek_rooster_meldt_een_onbereikbaar_doel_per_rij_en_gaat_door() -> None:
    """At occupancy 1 the tariff for a group of 4 is above 100 euro and for 12 under it:
    the group of 4 cannot reach 100 and says what it can reach; the group of 12 is solved."""
    s = tarieven.lees_scenario(G1)
    bij_vol = {g: enkel(s, **{G: g, B: 1.0}).tarief for g in (4, 12)}
    assert bij_vol[4] > 100.0 > bij_vol[12]
    df = analyse.doelzoek_rooster(s, B, 100.0, {G: [4, 12]})
    assert df[B].isna().tolist() == [True, False]
    assert df["tarief_per_client"].isna().tolist() == [True, False]
    assert df["melding"].iloc[0].startswith("niet te halen: verwacht een doel dat met product.bezettingsgraad tussen")
    assert weergave.euro(bij_vol[4]) in df["melding"].iloc[0]  # the reachable range, lower end at occupancy 1
    assert df["melding"].iloc[1] == ""
    assert op_centen(enkel(s, **{G: 12, B: float(df[B].iloc[1])}).tarief) == Decimal("100.00")
    assert "NaN" not in df.to_csv()  # a missing solution is an empty cell, never NaN
