"""The catalogue at a glance (tarieven.overzicht)."""

from __future__ import annotations

import datetime as dt

import tarieven
from tarieven.overzicht import personeel_tekst, productoverzicht, vervoersbedragen

PEIL = dt.date(2027, 1, 1)


def test_elke_rij_is_wat_bereken_geeft() -> None:
    df = productoverzicht(PEIL)
    assert "42A03" not in df.index  # transport is priced by distance
    for code in df.index:
        u = tarieven.bereken(str(code), PEIL)
        assert df.loc[code, "tarief"] == u.tarief
        assert (
            df.loc[code, "duur_uur"] * df.loc[code, "tarief_per_uur"] == u.tarief
            or abs(df.loc[code, "duur_uur"] * df.loc[code, "tarief_per_uur"] - u.tarief) < 1e-9
        )


def test_personeel_in_woorden() -> None:
    assert personeel_tekst(tarieven.lees_scenario("41A22", PEIL)) == "1:5 mbo 0,5/hbo 0,5"
    assert personeel_tekst(tarieven.lees_scenario("GGZ-groep", PEIL)) == "1 gz_psycholoog + 1 hbo"


def test_vervoersbedragen_met_status() -> None:
    bedragen = vervoersbedragen(PEIL)
    assert set(bedragen) == {"42A03"}
    assert sorted(bedragen["42A03"]) == [f"categorie_{i}" for i in range(1, 6)]
    assert all(status == "aanname" for _, status in bedragen["42A03"].values())
