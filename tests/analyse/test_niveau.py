"""The level check: bundled tariffs beside Den Haag's published level, and what closes each gap."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import tarieven
from tarieven import analyse
from tarieven.analyse.niveau import SALARISNIVEAU
from tarieven.fouten import InvoerFout


@pytest.fixture(scope="module")
def check() -> analyse.Niveaucheck:
    return analyse.niveaucheck()


def test_niveaus_zijn_het_tarief_en_het_geindexeerde_gepubliceerde_bedrag(check: analyse.Niveaucheck) -> None:
    for code, naam in analyse.niveau.DEN_HAAG_DAGBESTEDING.items():
        rij = check.niveaus.loc[code]
        assert rij["tarief"] == tarieven.bereken(tarieven.lees_scenario(code, tariefjaar=2025)).tarief
        ref = tarieven.gepubliceerd_tarief(naam, 2025)
        assert rij["gepubliceerd"] == ref.bedrag
        # Den Haag 2020, in kind (pgb = 75 %) and indexed 2021-2025
        assert ref.bedrag == pytest.approx(ref.gepubliceerd / 0.75 * math.prod(1 + i for i in ref.indexen.values()))
        assert rij["verschil"] == pytest.approx(rij["tarief"] - rij["gepubliceerd"], rel=1e-12)


def test_het_salarisniveau_dat_het_verschil_sluit(check: analyse.Niveaucheck) -> None:
    """The factor on every salary found by the check gives the published level when priced again."""
    sl = check.sluiters[check.sluiters["invoer"] == SALARISNIVEAU].set_index("product")
    for code in ("41A22", "41A23", "41A24"):
        factor = float(sl.loc[code, "nodig"])
        assert 0.25 < factor < 1.0  # the bundled tariffs lie above Den Haag's: lower salaries close the gap
        s = tarieven.lees_scenario(code, tariefjaar=2025)
        lager = {k: v * factor for k, v in s.waarden.items() if k.endswith(".maandsalaris")}
        gepubliceerd = check.niveaus.loc[code, "gepubliceerd"]
        assert tarieven.bereken(s.met(**lager)).tarief == pytest.approx(gepubliceerd, abs=1e-6)
    # zwaar against category 1 would need salaries under the statutory minimum wage: not reachable, and it says so
    ver = analyse.niveaucheck({"41A24": "den_haag_2020.pgb.dagbesteding_categorie_1"}).sluiters
    ver = ver[ver["invoer"] == SALARISNIVEAU].set_index("product")
    assert pd.isna(ver.loc["41A24", "nodig"])
    assert "het laagste salaris op het wettelijk minimumloon" in ver.loc["41A24", "melding"]


def test_een_aanname_die_het_verschil_sluit_en_een_die_het_niet_kan() -> None:
    """41A22 against Den Haag category 3 (a higher level): a lower occupancy closes the gap, exactly;
    41A24 against category 1 (far lower): no overhead from 0 to 1 reaches it, and it says so."""
    c = analyse.niveaucheck({"41A22": "den_haag_2020.pgb.dagbesteding_categorie_3"})
    sl = c.sluiters.set_index("invoer")
    b = float(sl.loc["product.bezettingsgraad", "nodig"])
    assert 0.3 < b < 0.85
    s = tarieven.lees_scenario("41A22", tariefjaar=2025)
    assert tarieven.bereken(s.met(**{"product.bezettingsgraad": b})).tarief == pytest.approx(
        c.niveaus.loc["41A22", "gepubliceerd"], abs=1e-6
    )
    niet = analyse.niveaucheck({"41A24": "den_haag_2020.pgb.dagbesteding_categorie_1"}).sluiters
    niet = niet.set_index(["product", "invoer"])
    melding = niet.loc[("41A24", "opslagen.overhead"), "melding"]
    assert melding.startswith("een doel dat met opslagen.overhead tussen 0 en 1 te bereiken is")
    assert pd.isna(niet.loc[("41A24", "opslagen.overhead"), "nodig"])  # unreachable: <NA>, never a number


def test_een_prijsjaar_zonder_index_vraagt_een_uitdrukkelijke_aanname() -> None:
    with pytest.raises(InvoerFout) as e:
        analyse.niveaucheck(prijsjaar=2027)
    assert "een prijsjaar tot en met 2025" in str(e.value)
    assert "2026, 2027" in str(e.value)
    assert "index_aanname" in str(e.value)
    c = analyse.niveaucheck(prijsjaar=2027, index_aanname=0.04)
    ref25 = tarieven.gepubliceerd_tarief("den_haag_2020.pgb.dagbesteding_categorie_1", 2025)
    assert c.niveaus.loc["41A22", "gepubliceerd"] == pytest.approx(ref25.bedrag * 1.04**2, rel=1e-12)
    assert c.niveaus.loc["41A22", "status"] == "aanname"
    assert any("aanname: jaarindex 4 % voor 2026, 2027" in b for b in c.referenties["41A22"].bronnen)
    assert c.niveaus.loc["41A22", "tarief"] == tarieven.bereken(tarieven.lees_scenario("41A22", tariefjaar=2027)).tarief
    assert not np.isnan(c.niveaus["verschil"]).any()


# -- the band beside the published level (tarieven niveau) ---------------------------------------


def test_niveau_json_per_product(capsys: pytest.CaptureFixture[str]) -> None:
    """Every product with a comparable: the fields, laag <= centraal <= hoog, at least five groups, and
    the parts adding up to laag - centraal to the cent."""
    import json

    from tarieven.cli import main

    assert main(["niveau", "--formaat", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["prijsjaar"] == 2025  # the last year with a published index
    producten = {p["code"]: p for p in d["producten"]}
    assert {"41A22", "41A23", "41A24", "41A00-1", "41A03-1", "42A03"} <= set(producten)
    assert "GGZ-groep" not in producten  # no published comparable per group session
    for code, p in producten.items():
        assert set(p) == {
            "code",
            "centraal",
            "laag",
            "hoog",
            "gepubliceerd",
            "gepubliceerd_bron",
            "binnen_band",
            "delen",
            "rest",
        }
        assert p["laag"] <= p["centraal"] <= p["hoog"]
        assert round(sum(round(b * 100) for b in p["delen"].values())) == round(p["laag"] * 100) - round(
            p["centraal"] * 100
        )
        if code != "42A03":
            assert len(p["delen"]) >= 5
        assert (p["rest"] is None) == p["binnen_band"]
        if p["rest"] is not None:
            rand = p["laag"] if p["gepubliceerd"] < p["laag"] else p["hoog"]
            assert p["rest"]["bedrag"] == pytest.approx(p["gepubliceerd"] - rand, abs=0.011)
            assert p["rest"]["reden"]


def test_niveau_41A22_met_de_hand() -> None:
    """One row recomputed by its own route: the three tariffs by bereken at each set, the published
    level by hand (Den Haag 2020 pgb 43,99 / 0,75, times the published yearly indices 2021-2025), and
    every Shapley part from its definition over all 2^k coalitions of groups, each priced anew."""
    import itertools
    from math import factorial

    from tarieven.analyse.niveau import aannamegroep

    c = analyse.niveaucheck({"41A22": "den_haag_2020.pgb.dagbesteding_categorie_1"})
    r = c.band.loc["41A22"]
    for aannames in ("laag", "centraal", "hoog"):
        assert r[aannames] == tarieven.bereken("41A22", tariefjaar=2025, aannames=aannames).tarief
    assert r["gepubliceerd"] == pytest.approx(43.99 / 0.75 * 1.015 * 1.0367 * 1.0475 * 1.063 * 1.0496, rel=1e-4)
    assert r["binnen_band"]
    centraal = tarieven.lees_scenario("41A22", tariefjaar=2025)
    laag = tarieven.lees_scenario("41A22", tariefjaar=2025, aannames="laag")
    per_groep: dict[str, dict[str, float]] = {}
    for k, v in laag.waarden.items():
        if v != centraal.waarden[k] and (g := aannamegroep(k)) is not None:
            per_groep.setdefault(g, {})[k] = v
    groepen = sorted(per_groep)
    n = len(groepen)

    def t(s: frozenset[str]) -> float:
        return tarieven.bereken(centraal.met(**{k: v for g in s for k, v in per_groep[g].items()})).tarief

    tarief = {frozenset(s): t(frozenset(s)) for m in range(n + 1) for s in itertools.combinations(groepen, m)}
    delen = c.delen[c.delen["product"] == "41A22"].set_index("groep")["bedrag"]
    assert set(delen.index) == set(groepen)
    for g in groepen:
        anderen = [x for x in groepen if x != g]
        deel = sum(
            factorial(m) * factorial(n - m - 1) / factorial(n) * (tarief[frozenset(s) | {g}] - tarief[frozenset(s)])
            for m in range(n)
            for s in itertools.combinations(anderen, m)
        )
        assert float(delen[g]) == pytest.approx(deel, abs=0.01)  # whole cents, within a cent of the exact part


def test_niveau_tekst_en_csv(capsys: pytest.CaptureFixture[str]) -> None:
    from tarieven.cli import main

    assert main(["niveau"]) == 0
    uit = capsys.readouterr().out
    assert "Niveau van de tarieven, prijsjaar 2025" in uit
    assert "41A22 " in uit
    assert "Wat centraal en laag scheidt" in uit
    assert "salaristrede en schaal" in uit
    assert main(["niveau", "--formaat", "csv"]) == 0
    kop = capsys.readouterr().out.lstrip("\ufeff").splitlines()[0].split(",")
    assert kop[:5] == ["code", "centraal", "laag", "hoog", "gepubliceerd"]
    assert "delen.salaristrede_en_schaal" in kop
    assert main(["niveau", "--prijsjaar", "2027"]) == 2  # no published index for 2026 and 2027
    assert "index_aanname" in capsys.readouterr().err
