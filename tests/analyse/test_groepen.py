"""Group size analyses, ``tarieven.analyse.groepen``: staff shortage, group against individual.

Each figure is checked against the single-scenario API and against a hand calculation from
the lines of the base result.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tarieven
from tarieven import analyse

from ..conftest import GOLDEN
from ._hulp import G1, B, G

K = "product.ratio.kinderen_per_medewerker"
G5 = GOLDEN / "g5-ggz-groep.json"


def test_personeelstekort_bij_ratio() -> None:
    s = tarieven.lees_scenario(G1)  # 10 places, 1 per 5, staff 2
    df = analyse.personeelstekort(s, range(5, 11))
    assert df["groepsgrootte"].tolist() == [5, 6, 7, 8, 9, 10]
    assert df["medewerkers_vast"].tolist() == [2] * 6
    assert df["medewerkers_ratio"].tolist() == [1, 2, 2, 2, 2, 2]  # ceil(G / 5)
    for _, rij in df.iterrows():
        g = rij["groepsgrootte"]
        assert rij["vaste_ratio"] == tarieven.bereken(s.met(**{G: g})).tarief
        assert rij["vast_personeel"] == pytest.approx(tarieven.bereken(s.met(**{G: g, K: g / 2})).tarief, rel=1e-12)
    basis = tarieven.bereken(s).tarief
    assert df["vast_personeel"].iloc[-1] == df["vaste_ratio"].iloc[-1] == pytest.approx(basis, rel=1e-12)
    assert df.attrs["basis"]["medewerkers"] == 2
    assert df.attrs["labels"]["vaste_ratio"] == "vaste ratio (1 op 5)"
    assert df.attrs["onderwerp"].startswith("Dagbesteding licht")


def test_vast_personeel_met_de_hand() -> None:
    """At fixed staff only the number of clients sharing the group's cost changes."""
    u = tarieven.bereken(G1)
    w = u.scenario.waarden
    o, r, b = w["opslagen.overhead"], w["opslagen.risico_opslag"], w[B]
    vast = u["personeel_direct"] + u["personeel_indirect"] + u["huisvesting_eenheid"]
    df = analyse.personeelstekort(G1, [6, 8])
    for g, t in zip(df["groepsgrootte"], df["vast_personeel"], strict=True):
        groepskosten = vast + w["product.materieel_per_client"] * g * b
        # g1 has overhead as a share of the integral cost price
        assert u.scenario.structuur.overhead_aandeel is True
        verwacht = (groepskosten / (g * b) + u["clientkosten"]) / (1 - o) * (1 + r)
        assert t == pytest.approx(verwacht, rel=1e-12)


@given(st.lists(st.integers(1, 30), min_size=2, max_size=8, unique=True))
def test_vast_personeel_daalt_met_de_groep(groottes: list[int]) -> None:
    df = analyse.personeelstekort(G1, groottes)
    assert df["groepsgrootte"].is_monotonic_increasing
    assert df["vast_personeel"].is_monotonic_decreasing
    assert (np.diff(df["vast_personeel"]) < 0).all()
    # fewer (or as many) staff at the ratio: never dearer than the fixed staff
    minder = df["medewerkers_ratio"] <= df["medewerkers_vast"]
    assert (df.loc[minder, "vaste_ratio"] <= df.loc[minder, "vast_personeel"] * (1 + 1e-12)).all()


def test_personeelstekort_bij_aantallen() -> None:
    s = tarieven.lees_scenario(G5)  # 1 gz_psycholoog + 1 hbo on 8 places
    df = analyse.personeelstekort(s)
    assert df["groepsgrootte"].tolist() == [4, 5, 6, 7, 8]  # half the group up to it
    assert df["medewerkers_vast"].tolist() == [2] * 5
    # each count scaled with the group and rounded up: ceil(1 × g / 8) = 1 each
    assert df["medewerkers_ratio"].tolist() == [2] * 5
    assert df["vaste_ratio"].tolist() == df["vast_personeel"].tolist()
    groot = analyse.personeelstekort(s, [12, 16])
    assert groot["medewerkers_ratio"].tolist() == [4, 4]  # ceil(1.5) + ceil(1.5), 2 + 2
    assert (
        groot["vaste_ratio"].iloc[0]
        == tarieven.bereken(s.met(**{G: 12, "product.personeel.gz_psycholoog": 2, "product.personeel.hbo": 2})).tarief
    )
    assert df.attrs["labels"]["vaste_ratio"] == "personeel meegeschaald met de groep"


def test_personeelstekort_fouten() -> None:
    with pytest.raises(tarieven.InvoerFout, match=r"groottes: product\.groepsgrootte"):
        analyse.personeelstekort(G1, [4.5])
    with pytest.raises(tarieven.InvoerFout, match="regels"):
        analyse.personeelstekort(G1, regel="bestaat_niet")


def test_individueel_met_de_hand() -> None:
    s = tarieven.lees_scenario(G5)
    res = analyse.groep_of_individueel(s)
    assert res.hoofdfunctie == "gz_psycholoog"  # the highest cost per productive hour
    u = res.groep
    w = s.waarden
    uk = u["uurkosten.gz_psycholoog"]
    d, v = w["product.duur_uur"], w["product.extra_uur.gz_psycholoog"]
    c = w["product.client_uur_per_traject.gz_psycholoog"] / w["product.sessies_per_traject"]
    kosten = (d + v) * uk + w["product.huisvesting_jaar"] / w["product.eenheden_per_jaar"]
    kosten += w["product.materieel_per_client"] + c * uk
    assert s.structuur.overhead_aandeel is False  # g5: a mark-up on the cost price
    verwacht = kosten * (1 + w["opslagen.overhead"]) * (1 + w["opslagen.risico_opslag"])
    assert res.individueel.tarief == pytest.approx(verwacht, rel=1e-12)
    assert res.individueel["tarief_per_uur"] == pytest.approx(verwacht / d, rel=1e-12)
    iw = res.individueel.scenario.waarden
    assert (iw[G], iw[B], iw["product.personeel.hbo"], iw["product.personeel.gz_psycholoog"]) == (1, 1, 0, 1)
    assert iw.get("product.client_uur_per_traject.hbo", 0.0) == 0.0
    assert iw.get("product.extra_uur.hbo", 0.0) == 0.0


def test_groep_of_individueel_tabel_en_kleinste_groep() -> None:
    s = tarieven.lees_scenario(G5)
    res = analyse.groep_of_individueel(s)
    t = res.tabel
    assert t["groepsgrootte"].tolist() == list(range(1, 17))  # 1 up to twice the group
    acht = t[t["groepsgrootte"] == 8].iloc[0]
    assert acht["groep_per_uur"] == pytest.approx(res.groep["tarief_per_uur"], rel=1e-12)
    assert acht["groep_per_traject"] == pytest.approx(res.groep["tarief_per_traject"], rel=1e-12)
    assert (t["individueel_per_uur"] == res.individueel["tarief_per_uur"]).all()
    assert t["groep_per_uur"].is_monotonic_decreasing
    k = res.kleinste_groep
    assert k is not None
    assert t.loc[t["groepsgrootte"] >= k, "groep_goedkoper"].all()
    assert not t.loc[t["groepsgrootte"] == k - 1, "groep_goedkoper"].any()
    # a group of 1 with two therapists is never cheaper than one therapist alone
    assert not t["groep_goedkoper"].iloc[0]
    assert res.tabel.attrs["kleinste_groep"] == k


def test_geen_goedkopere_groep_in_het_bereik() -> None:
    res = analyse.groep_of_individueel(G5, [1])
    assert res.kleinste_groep is None


def test_groep_of_individueel_fouten() -> None:
    with pytest.raises(tarieven.InvoerFout, match="personeel als aantallen"):
        analyse.groep_of_individueel(G1)
    with pytest.raises(tarieven.InvoerFout, match="hoofdfunctie"):
        analyse.groep_of_individueel(G5, hoofdfunctie="wo")
    met_hbo = analyse.groep_of_individueel(G5, hoofdfunctie="hbo")
    assert met_hbo.individueel.tarief < analyse.groep_of_individueel(G5).individueel.tarief
    assert math.isfinite(met_hbo.individueel.tarief)


def test_individueel_zonder_tijd_van_andere_functies() -> None:
    """The bundled GGZ groep gives the co-therapist client-bound time per trajectory: individual drops it."""
    s = tarieven.lees_scenario("GGZ-groep", "2027-01-01")
    assert s.waarden["product.client_uur_per_traject.hbo"] > 0
    res = analyse.groep_of_individueel(s)
    iw = res.individueel.scenario.waarden
    assert iw["product.client_uur_per_traject.hbo"] == 0
    assert iw["product.extra_uur.hbo"] == 0
    assert (
        iw["product.client_uur_per_traject.gz_psycholoog"] == s.waarden["product.client_uur_per_traject.gz_psycholoog"]
    )
    assert res.individueel["opbouw.clientkosten"] == pytest.approx(
        iw["product.client_uur_per_traject.gz_psycholoog"]
        / iw["product.sessies_per_traject"]
        * res.groep["uurkosten.gz_psycholoog"],
        rel=1e-12,
    )


def test_indirect_per_week_met_de_hand() -> None:
    s = tarieven.lees_scenario("41A22", "2027-01-01")  # 480 dagdelen a year, 0,25 hour wo per dagdeel
    df = analyse.indirect_per_week(s, "wo", [0, 2.5, 10])
    assert df["indirect_uur"].tolist() == pytest.approx([0.0, 0.25, 1.0])  # 48 weeks / 480 dagdelen: a tenth
    assert df.attrs["basis_per_week"] == pytest.approx(2.5)
    basis = tarieven.bereken(s)
    assert df["tarief_per_client"].iloc[1] == pytest.approx(basis.tarief, rel=1e-12)
    # linear: each hour per week adds uurkosten.wo / 10 per group per dagdeel, per billed client, with surcharges
    w = s.waarden
    per_uur = (
        basis["uurkosten.wo"] / 10 / (w[G] * w[B]) / (1 - w["opslagen.overhead"]) * (1 + w["opslagen.risico_opslag"])
    )
    assert df["tarief_per_client"].iloc[2] - df["tarief_per_client"].iloc[0] == pytest.approx(10 * per_uur, rel=1e-12)


def test_indirect_per_week_voor_een_functie_zonder_indirecte_tijd() -> None:
    s = tarieven.lees_scenario(G5)
    df = analyse.indirect_per_week(s, "gz_psycholoog", [0, 1])
    assert df["tarief_per_client"].iloc[0] == pytest.approx(tarieven.bereken(s).tarief, rel=1e-12)
    assert df["tarief_per_client"].iloc[1] > df["tarief_per_client"].iloc[0]
    with pytest.raises(tarieven.InvoerFout, match="functie"):
        analyse.indirect_per_week(s, "bestaat_niet", [1])
    with pytest.raises(tarieven.InvoerFout, match="uren_per_week"):
        analyse.indirect_per_week(s, "hbo", [-1])
