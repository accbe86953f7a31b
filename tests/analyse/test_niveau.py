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
