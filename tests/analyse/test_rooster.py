"""The grid, ``tarieven.analyse.rooster``: numeric inputs and structural choices.

Expected numbers come from the golden examples or from the single-scenario API
(``tarieven.bereken``), which the vectorised grid must reproduce exactly.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tarieven
from tarieven import analyse
from tarieven.afronding import op_centen

from ..conftest import GOLDEN, SCENARIO_GOLDENS, lees_golden, scenarios
from ._hulp import AANDEEL, AFR, G1, GRS, MBO, OPSLAG, B, G, enkel, met_keuzes

# -- grid -----------------------------------------------------------------------------------


@pytest.mark.parametrize("naam", SCENARIO_GOLDENS)
def test_rooster_rijen_gelijk_aan_enkel_scenario(naam: str) -> None:
    """Every row, every line: exactly what the single-scenario API gives."""
    s = tarieven.lees_scenario(GOLDEN / naam)
    zout = next(k for k in s.waarden if k.endswith(".maandsalaris"))
    variaties = {G: [4, 9, 11], B: [0.5, 0.85, 1.0], zout: [2800.0, "4100 EUR/maand"]}
    df = analyse.rooster(s, variaties)
    assert len(df) == 3 * 3 * 2
    for i, (g, b, w) in enumerate(itertools.product([4, 9, 11], [0.5, 0.85, 1.0], [2800.0, 4100.0])):
        u = enkel(s, **{G: g, B: b, zout: w})
        assert (df[G].iloc[i], df[B].iloc[i], df[zout].iloc[i]) == (g, b, w)
        for r in u:
            assert df[r.naam].iloc[i] == r.waarde, (i, r.naam)


def test_rooster_golden_g1_op_de_cent() -> None:
    df = analyse.rooster(G1, {B: [0.85], G: [10]})
    verwacht = lees_golden("g1-dagbesteding-licht.json")["verwacht"]
    for naam in ("personeel_direct", "groepskosten", "kostprijs_per_client", "tarief_per_client", "tarief_per_uur"):
        assert str(op_centen(df[naam].iloc[0])) == verwacht[naam]


def test_rooster_mix_van_twee_functies_volgt_vanzelf() -> None:
    """Varying the MBO share sets the HBO share to the rest, as a column of its own."""
    s = tarieven.lees_scenario(G1)
    df = analyse.rooster(s, {"product.ratio.mix.mbo": [0.0, 0.25, 1.0]})
    assert df["product.ratio.mix.hbo"].tolist() == [1.0, 0.75, 0.0]
    for i, m in enumerate([0.0, 0.25, 1.0]):
        u = enkel(s, **{"product.ratio.mix.mbo": m, "product.ratio.mix.hbo": 1 - m})
        assert df["tarief_per_client"].iloc[i] == u.tarief
    # all MBO (2 staff at 44.98/h) is cheaper than all HBO (at 57.43/h)
    assert df["tarief_per_client"].iloc[2] < df["tarief_per_client"].iloc[0]


@settings(max_examples=25)
@given(scenarios(), st.lists(st.integers(1, 20), min_size=1, max_size=4), st.lists(st.floats(0.3, 1.0), max_size=3))
def test_rooster_eigenschap_gelijk_aan_enkel(d: dict[str, Any], groottes: list[int], bezetting: list[float]) -> None:
    s = tarieven.lees_scenario(d)
    bezetting = bezetting or [s.waarden[B]]
    df = analyse.rooster(s, {G: groottes, B: bezetting}, regels=["tarief_per_client", "groepskosten"])
    assert list(df.columns) == [G, B, "groepskosten", "tarief_per_client", "waarschuwingen"]
    for i, (g, b) in enumerate(itertools.product(groottes, bezetting)):
        try:
            u = enkel(s, **{G: g, B: b})
        except tarieven.InvoerFout:
            # a single calculation refuses an absurd tariff (a group of 1 at low occupancy); the grid
            # computes the row and counts what the single calculation would have stopped at
            assert df["waarschuwingen"].iloc[i] > 0
            continue
        assert df["tarief_per_client"].iloc[i] == u.tarief
        assert df["groepskosten"].iloc[i] == u["groepskosten"]


def test_rooster_blokken_geven_hetzelfde_en_melden_voortgang() -> None:
    variaties = {G: np.arange(5, 16), B: np.linspace(0.5, 1, 7), MBO: [3000, 3250, 3500]}
    heel = analyse.rooster(G1, variaties)
    gemeld: list[tuple[int, int]] = []
    in_blokken = analyse.rooster(G1, variaties, blokgrootte=40, voortgang=lambda a, b: gemeld.append((a, b)))
    pd.testing.assert_frame_equal(heel, in_blokken)
    # 21 rows per group size, 40 per chunk -> chunks of 1 group size (21 rows) each
    assert gemeld[-1] == (11 * 7 * 3, 11 * 7 * 3)
    assert len(gemeld) == 11
    assert [a for a, _ in gemeld] == sorted(a for a, _ in gemeld)


def test_rooster_attrs_en_zonder_variatie() -> None:
    df = analyse.rooster(G1, {B: [0.8, 0.9]})
    assert df.attrs["eenheden"]["tarief_per_client"] == "EUR"
    assert df.attrs["eenheden"]["uurkosten.mbo"] == "EUR/uur"
    assert df.attrs["variaties"] == [B]
    assert df.attrs["vaste_invoer"][G] == 10
    assert B not in df.attrs["vaste_invoer"]
    een = analyse.rooster(G1, {})
    assert len(een) == 1
    assert str(op_centen(een["tarief_per_client"].iloc[0])) == "90.48"


def test_rooster_fouten_noemen_sleutel_en_elke_foute_waarde() -> None:
    with pytest.raises(tarieven.InvoerFout) as fout:
        analyse.rooster(G1, {B: [0.8, 1.2, 1.5, 1.2]})
    # each invalid value once, as bereken names it; given with the call, not in the scenario's file
    assert [(p.pad, p.waarde, p.code) for p in fout.value.problemen] == [
        (("product", "bezettingsgraad"), 1.2, "buiten_bereik"),
        (("product", "bezettingsgraad"), 1.5, "buiten_bereik"),
    ]
    assert fout.value.bestand is None
    enkel = tarieven.lees_scenario(G1)
    with pytest.raises(tarieven.InvoerFout) as een:
        tarieven.bereken(enkel, met={B: 1.2})
    assert str(fout.value.problemen[0]) == str(een.value.problemen[0])
    with pytest.raises(tarieven.InvoerFout) as onbekend:  # given, so not missing: unknown
        analyse.rooster(G1, {"product.groepgrootte": [8]})
    [p] = onbekend.value.problemen
    assert (p.sleutel, p.waarde, p.code) == ("product.groepgrootte", [8], "onbekend")
    assert str(p).startswith("product.groepgrootte = [8]: verwacht een bekende invoer van dit scenario (")
    with pytest.raises(tarieven.InvoerFout, match=r"regels = 'tarief': verwacht een regel van de opbouw"):
        analyse.rooster(G1, {B: [0.8]}, regels=["tarief"])
    with pytest.raises(
        tarieven.InvoerFout, match=r"functies\.mbo\.maandsalaris \(opgegeven bij de berekening\) = '20 EUR/uur'"
    ):
        analyse.rooster(G1, {MBO: ["20 EUR/uur"]})
    with pytest.raises(tarieven.InvoerFout, match=r"ten minste één waarde"):
        analyse.rooster(G1, {B: []})
    with pytest.raises(tarieven.InvoerFout, match=r"functies\.hbo = '-[0-9.]+ beschikbare uren': verwacht meer dan 0"):
        analyse.rooster(G1, {"functies.hbo.verlofuren": [100.0, 1900.0]})
    with pytest.raises(tarieven.InvoerFout, match=r"product\.ratio\.mix = 'samen 1\.2': verwacht aandelen"):
        analyse.rooster(G1, {"product.ratio.mix.mbo": [0.7], "product.ratio.mix.hbo": [0.5]})


# -- structural choices in the grid ---------------------------------------------------------


def test_rooster_structuurkeuzes_gelijk_aan_enkel_scenario(g1: dict[str, Any]) -> None:
    """Every row, every line, structural keys interleaved with numeric ones: exactly the
    single-scenario API on a dict with that choice written into the scenario itself."""
    groottes, afrondingen, bezetting, grondslagen = [9, 11], ["naar_boven", "exact"], [0.8, 1.0], [OPSLAG, AANDEEL]
    df = analyse.rooster(g1, {G: groottes, AFR: afrondingen, B: bezetting, GRS: grondslagen})
    assert len(df) == 16
    assert list(df.columns[:4]) == [G, AFR, B, GRS]
    for i, (g, a, b, o) in enumerate(itertools.product(groottes, afrondingen, bezetting, grondslagen)):
        assert (df[G].iloc[i], df[AFR].iloc[i], df[B].iloc[i], df[GRS].iloc[i]) == (g, a, b, o)
        u = tarieven.bereken(met_keuzes(g1, a, o, **{G: g, B: b}))
        for r in u:
            assert df[r.naam].iloc[i] == r.waarde, (i, r.naam)
    # 9 places at 1:5 is 1.8 staff exactly, 2 rounded up; the mark-up 0.25 is cheaper than the share 0.25
    assert df["medewerkers_totaal"].iloc[:4].tolist() == [2.0] * 4
    assert df["medewerkers_totaal"].iloc[4:8].tolist() == pytest.approx([1.8] * 4, rel=1e-15)
    assert df["tarief_per_client"].iloc[0] < df["tarief_per_client"].iloc[1]


@pytest.mark.parametrize("basis", ["g4-ratio-afronding-exact.json", "g4-ratio-afronding-naar_boven.json"])
def test_rooster_afronding_volgens_golden_g4(basis: str) -> None:
    """From either g4 file, the grid over the rounding gives both goldens to the cent."""
    d = lees_golden(basis)
    d.pop("verwacht")
    df = analyse.rooster(d, {AFR: ["naar_boven", "exact"]})
    for i, naam in enumerate(["g4-ratio-afronding-naar_boven.json", "g4-ratio-afronding-exact.json"]):
        verwacht = lees_golden(naam)["verwacht"]
        for regel in ("personeel_direct", "kostprijs_per_client", "tarief_per_client", "tarief_per_uur"):
            assert str(op_centen(df[regel].iloc[i])) == verwacht[regel], (naam, regel)


def test_rooster_structuurkeuze_kolommen_volgorde_en_blokken(g1: dict[str, Any]) -> None:
    s = tarieven.lees_scenario(g1)
    df = analyse.rooster(s, {GRS: [OPSLAG, AANDEEL, OPSLAG], G: [8, 10, 12]})
    assert isinstance(df[GRS].dtype, pd.CategoricalDtype)
    assert list(df[GRS].cat.categories) == [OPSLAG, AANDEEL]  # in the order given
    assert df[GRS].astype(str).tolist() == [OPSLAG] * 3 + [AANDEEL] * 3 + [OPSLAG] * 3  # first key slowest
    assert df[G].tolist() == [8, 10, 12] * 3
    assert df.attrs["variaties"] == [GRS, G]
    assert df.attrs["labels"][GRS] == "grondslag van de overhead"
    for i, (o, g) in enumerate(itertools.product([OPSLAG, AANDEEL, OPSLAG], [8, 10, 12])):
        assert df["tarief_per_client"].iloc[i] == tarieven.bereken(met_keuzes(g1, grondslag=o, **{G: g})).tarief
    gemeld: list[tuple[int, int]] = []
    in_blokken = analyse.rooster(
        s, {GRS: [OPSLAG, AANDEEL, OPSLAG], G: [8, 10, 12]}, blokgrootte=1, voortgang=lambda a, b: gemeld.append((a, b))
    )
    pd.testing.assert_frame_equal(df, in_blokken)
    assert gemeld[-1] == (9, 9)
    # only structural keys: one row per combination of choices
    alleen = analyse.rooster(s, {AFR: ["exact"], GRS: [OPSLAG, AANDEEL]})
    assert len(alleen) == 2
    for i, o in enumerate([OPSLAG, AANDEEL]):
        assert alleen["tarief_per_client"].iloc[i] == tarieven.bereken(met_keuzes(g1, "exact", o)).tarief


def test_rooster_structuurkeuze_fouten(g1: dict[str, Any], g3: dict[str, Any]) -> None:
    with pytest.raises(
        tarieven.InvoerFout, match=r"product\.ratio\.afronding = 'omhoog': verwacht een van 'naar_boven', 'exact'"
    ):
        analyse.rooster(g1, {AFR: ["naar_boven", "omhoog"]})
    with pytest.raises(
        tarieven.InvoerFout,
        match=r"opslagen\.overhead_grondslag = 'opslag': verwacht een van 'aandeel_integrale_kostprijs', "
        r"'opslag_op_kostprijs'",
    ):
        analyse.rooster(g1, {GRS: "opslag"})
    with pytest.raises(tarieven.InvoerFout, match=r"product\.ratio\.afronding = \[\]: verwacht ten minste één waarde"):
        analyse.rooster(g1, {AFR: []})
    # g3 gives explicit staff counts: nothing to round
    with pytest.raises(tarieven.InvoerFout, match=r"product\.ratio\.afronding = \['exact'\]: .*alleen bij .*ratio"):
        analyse.rooster(g3, {AFR: ["exact"]})


def test_rooster_andere_overheadgrondslag_valideert_opnieuw(g1: dict[str, Any]) -> None:
    """An overhead of 1.2 is a fine mark-up but no share of the integral cost price: the grid
    refuses it exactly where the scenario itself would, naming the first such row."""
    with pytest.raises(tarieven.InvoerFout) as enkel_fout:
        tarieven.lees_scenario(met_keuzes(g1, grondslag=AANDEEL, **{"opslagen.overhead": 1.2}))
    verwacht = enkel_fout.value.problemen[0].verwacht  # the scenario's own validation
    # rows: (0.5, opslag), (0.5, aandeel), (1.2, opslag), (1.2, aandeel) -> index 3
    with pytest.raises(tarieven.InvoerFout) as fout:
        analyse.rooster(g1, {"opslagen.overhead": [0.5, 1.2], GRS: [OPSLAG, AANDEEL]})
    tekst = str(fout.value)
    assert "opslagen.overhead (opgegeven bij de berekening) = 1.2: verwacht " + verwacht in tekst
    assert f"bij {GRS} = '{AANDEEL}'; eerste ongeldige rij van het rooster: index 3" in tekst
    # as a mark-up only, 1.2 is valid and the row is the single scenario's
    df = analyse.rooster(g1, {"opslagen.overhead": [1.2], GRS: [OPSLAG]})
    u = tarieven.bereken(met_keuzes(g1, grondslag=OPSLAG, **{"opslagen.overhead": 1.2}))
    assert df["tarief_per_client"].iloc[0] == u.tarief
    # a base scenario with a mark-up of 1.5, not varied: every 'aandeel' row is wrong, the first is index 1
    basis = met_keuzes(g1, grondslag=OPSLAG, **{"opslagen.overhead": 1.5})
    with pytest.raises(
        tarieven.InvoerFout, match=r"opslagen\.overhead = 1\.5: .*eerste ongeldige rij van het rooster: index 1 \("
    ):
        analyse.rooster(basis, {G: [8, 10], GRS: [OPSLAG, AANDEEL]})


# -- a structural axis: the arguments are the call's, not the scenario file's ------------------


@pytest.fixture(scope="module")
def uit_bestand() -> tarieven.Scenario:
    """A bundled product read from its file: an error about an argument must not name that file."""
    s = tarieven.lees_scenario("41A22", "2025-06-01")
    assert s.bron.endswith("41A22.toml")
    return s


def test_rooster_met_structuuras_noemt_het_scenariobestand_niet(uit_bestand: tarieven.Scenario) -> None:
    """It said 'Ongeldige invoer in .../41A22.toml' for a group size given with the call."""
    with pytest.raises(tarieven.InvoerFout) as fout:
        analyse.rooster(uit_bestand, {GRS: [OPSLAG], G: [8.5]})
    with pytest.raises(tarieven.InvoerFout) as enkel:
        tarieven.bereken(uit_bestand, met={G: 8.5})
    assert fout.value.bestand is None
    # named as given with the call, and as bereken names it
    assert [str(p) for p in fout.value.problemen] == [str(p) for p in enkel.value.problemen]
    assert fout.value.problemen[0].sleutel == f"{G} (opgegeven bij de berekening)"
    # a value whose range depends on the structure: named per group, still no file
    with pytest.raises(tarieven.InvoerFout) as per_groep:
        analyse.rooster(uit_bestand, {"opslagen.overhead": [0.5, 1.2], GRS: [OPSLAG, AANDEEL]})
    [p] = per_groep.value.problemen
    assert (p.sleutel, p.waarde, p.code) == ("opslagen.overhead (opgegeven bij de berekening)", 1.2, "buiten_bereik")
    assert per_groep.value.bestand is None
    assert not str(per_groep.value).startswith("Ongeldige invoer in")


def test_vaste_invoer_die_niet_past_bij_een_structuurkeuze(uit_bestand: tarieven.Scenario) -> None:
    """The scenario's own mark-up of 1.5 is allowed, but not as a share: each may, together not
    (code combinatie); the choice is the call's, so no file is named."""
    basis = uit_bestand.met(**{GRS: OPSLAG, "opslagen.overhead": 1.5})
    with pytest.raises(tarieven.InvoerFout) as fout:
        analyse.rooster(basis, {GRS: [AANDEEL]})
    [p] = fout.value.problemen
    assert (p.sleutel, p.waarde, p.code) == ("opslagen.overhead", 1.5, "combinatie")
    assert fout.value.bestand is None
    with pytest.raises(tarieven.InvoerFout) as trekking:
        analyse.monte_carlo(basis, {GRS: analyse.Keuze([AANDEEL]), B: analyse.Uniform(0.7, 0.9)}, 10)
    [p] = trekking.value.problemen
    assert (p.sleutel, p.code) == ("opslagen.overhead", "combinatie")
    assert trekking.value.bestand is None


def test_structuuras_noemt_elke_waarde_die_geen_getal_is(uit_bestand: tarieven.Scenario) -> None:
    """The reader of a structural grid stopped at the first value it could not convert."""
    with pytest.raises(tarieven.InvoerFout) as fout:
        analyse.rooster(uit_bestand, {"opslagen.overhead": [b"x", "y", 0.5, b"x"], GRS: [OPSLAG, AANDEEL]})
    assert [(p.waarde, p.code) for p in fout.value.problemen] == [(b"x", "type"), ("y", "type")]
    # a field that is the same under every structure: read by the field reader, every invalid value named
    with pytest.raises(tarieven.InvoerFout) as beide:
        analyse.rooster(uit_bestand, {GRS: [OPSLAG], G: [-1, b"8"]})
    assert [(p.waarde, p.code) for p in beide.value.problemen] == [(-1, "buiten_bereik"), (b"8", "type")]
