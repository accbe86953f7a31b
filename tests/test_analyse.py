"""Scenario analysis: grid, sensitivity, Monte Carlo, goal seek, funding views, the scenario file.

Expected numbers come from the golden examples, from a hand calculation written out
here, or from the single-scenario API (``tarieven.bereken``), which the vectorised
analyses must reproduce exactly.
"""

from __future__ import annotations

import copy
import io
import itertools
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tarieven
from tarieven import analyse
from tarieven.afronding import op_centen
from tarieven.analyse import Driehoek, Keuze, Normaal, Uniform
from tarieven.cli import main

from .conftest import GOLDEN, SCENARIO_GOLDENS, lees_golden, scenarios

G1 = GOLDEN / "g1-dagbesteding-licht.json"
G3 = GOLDEN / "g3-dagbehandeling-b-cat3.json"
G5 = GOLDEN / "g5-ggz-groep.json"
B = "product.bezettingsgraad"
G = "product.groepsgrootte"
MBO = "functies.mbo.maandsalaris"


def enkel(s: tarieven.Scenario, **wijzigingen: float) -> tarieven.Uitkomst:
    """The single-scenario API with some inputs replaced (dotted keys via a dict)."""
    return tarieven.bereken(s.met(**wijzigingen))


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
    assert list(df.columns) == [G, B, "groepskosten", "tarief_per_client"]
    for i, (g, b) in enumerate(itertools.product(groottes, bezetting)):
        u = enkel(s, **{G: g, B: b})
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


def test_rooster_fouten_noemen_sleutel_en_eerste_foute_waarde() -> None:
    with pytest.raises(
        tarieven.InvoerFout, match=r"product\.bezettingsgraad = 1\.2: verwacht een fractie groter dan 0"
    ):
        analyse.rooster(G1, {B: [0.8, 1.2, 1.5]})
    with pytest.raises(tarieven.InvoerFout, match=r"product\.groepgrootte ontbreekt: verwacht een bestaande invoer"):
        analyse.rooster(G1, {"product.groepgrootte": [8]})
    with pytest.raises(tarieven.InvoerFout, match=r"regels = 'tarief': verwacht een regel van de opbouw"):
        analyse.rooster(G1, {B: [0.8]}, regels=["tarief"])
    with pytest.raises(tarieven.InvoerFout, match=r"functies\.mbo\.maandsalaris = '20 EUR/uur'"):
        analyse.rooster(G1, {MBO: ["20 EUR/uur"]})
    with pytest.raises(tarieven.InvoerFout, match=r"ten minste één waarde"):
        analyse.rooster(G1, {B: []})
    with pytest.raises(tarieven.InvoerFout, match=r"functies\.hbo = '-[0-9.]+ beschikbare uren': verwacht meer dan 0"):
        analyse.rooster(G1, {"functies.hbo.verlofuren": [100.0, 1900.0]})
    with pytest.raises(tarieven.InvoerFout, match=r"product\.ratio\.mix = 'samen 1\.2': verwacht aandelen"):
        analyse.rooster(G1, {"product.ratio.mix.mbo": [0.7], "product.ratio.mix.hbo": [0.5]})


# -- sensitivity --------------------------------------------------------------------------


def test_gevoeligheid_huisvesting_met_de_hand() -> None:
    """g1: housing 24,000 ± 10 % is ± 2,400 a year, / 480 units = ± 5.00 a unit for the group,
    / (10 × 0.85) clients = ± 0.588235, / (1 − 0.25) overhead = ± 0.784314, × 1.03 risk = ± 0.807843."""
    df = analyse.gevoeligheid(G1, ["product.huisvesting_jaar", B], procent=10)
    rij = df.loc["product.huisvesting_jaar"]
    hand = 2400 / 480 / (10 * 0.85) / (1 - 0.25) * 1.03
    assert rij["effect_hoog"] == pytest.approx(hand, rel=1e-12)
    assert rij["effect_laag"] == pytest.approx(-hand, rel=1e-12)
    assert (rij["invoer_laag"], rij["invoer_hoog"]) == (pytest.approx(21600), pytest.approx(26400))
    assert str(op_centen(rij["uitkomst_basis"])) == "90.48"
    # occupancy ±10 % (0.765, 0.935) moves the tariff more than housing: it sorts first
    assert list(df.index) == [B, "product.huisvesting_jaar"]


def test_gevoeligheid_bereiken_en_grens_van_een_fractie() -> None:
    s = tarieven.lees_scenario(G1).met(**{B: 0.95})
    df = analyse.gevoeligheid(s, [B, MBO], bereiken={MBO: (3000, 3500)})
    assert df.loc[B, "invoer_hoog"] == 1.0  # 0.95 + 10 % stops at 1
    assert df.loc[B, "uitkomst_hoog"] == enkel(s, **{B: 1.0}).tarief
    assert df.loc[MBO, "uitkomst_laag"] == enkel(s, **{MBO: 3000}).tarief
    assert df["bereik"].is_monotonic_decreasing


def test_gevoeligheid_fouten() -> None:
    with pytest.raises(tarieven.InvoerFout, match="procent = 150"):
        analyse.gevoeligheid(G1, procent=150)
    with pytest.raises(tarieven.InvoerFout, match=r"bereiken\.product\.bezettingsgraad = 1\.3"):
        analyse.gevoeligheid(G1, bereiken={B: (0.5, 1.3)})


@given(scenarios())
def test_gevoeligheid_tekens_volgen_de_eigenschappen(d: dict[str, Any]) -> None:
    """The signs of the tornado agree with the properties in test_eigenschappen.py."""
    s = tarieven.lees_scenario(d)
    stijgend = ["functies.mbo.maandsalaris", "functies.hbo.maandsalaris", "functies.wo.maandsalaris"]
    stijgend += ["opslagen.overhead", "product.huisvesting_jaar"]
    bereiken = {"product.huisvesting_jaar": (0.0, 100_000.0), "opslagen.overhead": (0.0, 0.5)}
    df = analyse.gevoeligheid(s, [*stijgend, B], procent=20, bereiken=bereiken)
    eps = 1e-12 * df["uitkomst_basis"].iloc[0]
    for k in stijgend:  # more wage, overhead, housing: never a lower tariff
        assert df.loc[k, "uitkomst_hoog"] >= df.loc[k, "uitkomst_laag"] - eps, k
    assert df.loc[B, "effect_hoog"] <= eps  # higher occupancy: never a higher tariff
    assert df.loc[B, "effect_laag"] >= -eps
    if d["product"].get("ratio"):
        k = analyse.gevoeligheid(s, ["product.ratio.kinderen_per_medewerker"])
        # more children per staff member: never a higher tariff
        assert k["uitkomst_hoog"].iloc[0] <= k["uitkomst_laag"].iloc[0] + eps


# -- Monte Carlo ----------------------------------------------------------------------------

VERDELINGEN = {
    B: Driehoek(0.7, 0.85, 0.95),
    MBO: Normaal(3250, 150, laag=3000, hoog=3600),
    "opslagen.overhead": Uniform(0.2, 0.3),
}


def test_monte_carlo_reproduceerbaar_met_seed() -> None:
    a = analyse.monte_carlo(G1, VERDELINGEN, 5000, seed=11)
    b = analyse.monte_carlo(G1, VERDELINGEN, 5000, seed=11, blokgrootte=777)
    c = analyse.monte_carlo(G1, VERDELINGEN, 5000, seed=12)
    pd.testing.assert_frame_equal(a.trekkingen, b.trekkingen)
    pd.testing.assert_frame_equal(a.percentielen, b.percentielen)
    assert not np.array_equal(a.trekkingen[B], c.trekkingen[B])
    # the draws are those of numpy's Generator with this seed, in this order
    rng = np.random.default_rng(11)
    assert np.array_equal(a.trekkingen[B].to_numpy(), rng.triangular(0.7, 0.85, 0.95, 5000))


def test_monte_carlo_percentielen_en_grenzen() -> None:
    mc = analyse.monte_carlo(G1, VERDELINGEN, 20_000, seed=3)
    t = mc.trekkingen
    assert t[MBO].between(3000, 3600).all()
    assert t["opslagen.overhead"].between(0.2, 0.3).all()
    assert t[B].between(0.7, 0.95).all()
    for p in (5, 50, 95):
        assert mc.percentielen.loc["tarief_per_client", f"P{p}"] == np.percentile(t["tarief_per_client"], p)
    assert list(mc.percentielen.columns) == ["P5", "P50", "P95", "gemiddelde"]
    # a symmetric bounded normal keeps its mean (3250 ± 3 standard errors of 150/sqrt(n))
    assert abs(t[MBO].mean() - 3250 - (3600 - 3250 - (3250 - 3000)) * 0) < 30
    # rows are single scenarios
    s = tarieven.lees_scenario(G1)
    for i in (0, 1234, 19_999):
        wijz = {k: float(t[k].iloc[i]) for k in VERDELINGEN}
        assert t["tarief_per_client"].iloc[i] == enkel(s, **wijz).tarief


def test_monte_carlo_keuze_geeft_precies_de_tarieven_van_de_groepen() -> None:
    s = tarieven.lees_scenario(G1)
    mc = analyse.monte_carlo(s, {G: Keuze([9, 10], [0.25, 0.75])}, 4000, seed=1, regels=["tarief_per_client"])
    waarden = set(mc.trekkingen["tarief_per_client"].unique())
    assert waarden == {enkel(s, **{G: 9}).tarief, enkel(s, **{G: 10}).tarief}
    assert mc.trekkingen[G].eq(10).mean() == pytest.approx(0.75, abs=0.03)
    assert list(mc.trekkingen.columns) == [G, "tarief_per_client"]


def test_monte_carlo_fouten() -> None:
    with pytest.raises(tarieven.InvoerFout, match=r"product\.bezettingsgraad = 1\.0\d*: .*begrens haar"):
        analyse.monte_carlo(G1, {B: Normaal(0.9, 0.1)}, 1000)
    with pytest.raises(tarieven.InvoerFout, match=r"laag ≤ modus ≤ hoog"):
        analyse.monte_carlo(G1, {B: Driehoek(0.9, 0.8, 0.95)})
    with pytest.raises(tarieven.InvoerFout, match=r"grenzen die een redelijk deel"):
        analyse.monte_carlo(G1, {MBO: Normaal(3000, 10, laag=4000, hoog=5000)})
    with pytest.raises(tarieven.InvoerFout, match=r"n = 0: verwacht een geheel aantal"):
        analyse.monte_carlo(G1, {B: Uniform(0.7, 0.9)}, 0)


# -- goal seek -----------------------------------------------------------------------------


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
    assert list(df.columns) == [G, MBO, B, "tarief_per_client"]
    assert len(df) == 4
    for rij in df.itertuples(index=False):
        g, w, b = rij[0], rij[1], rij[2]
        assert op_centen(enkel(s, **{G: g, MBO: w, B: b}).tarief) == Decimal("120.00")


# -- funding views ---------------------------------------------------------------------------


def test_bekostiging_g1_met_de_hand() -> None:
    """g1 at full occupancy: group cost 460.83 + 19.41 + 50.00 + 3.50 × 10 = 565.24 per dagdeel
    (golden lines, rounded), / 10 places / 0.75 × 1.03 = 77.63 per place per dagdeel; × 480 dagdelen
    = € 37,260 per place per year (to within the rounding of the golden lines)."""
    bk = analyse.bekostiging(G1)
    assert bk.capaciteit_per_plaats_jaar == pytest.approx(565.24 / 10 / 0.75 * 1.03 * 480, abs=1.0)
    assert bk.capaciteit_per_groep_jaar == pytest.approx(10 * bk.capaciteit_per_plaats_jaar)
    assert str(op_centen(bk.tarief_pxq)) == "90.48"
    assert bk.pxq_per_plaats_jaar == pytest.approx(bk.tarief_pxq * 480 * 0.85, rel=1e-15)
    # at the break-even occupancy, P × Q pays what capacity pays
    assert bk.tarief_pxq * 480 * bk.gelijke_bezetting == pytest.approx(bk.capaciteit_per_plaats_jaar, rel=1e-12)
    # material and client time scale with occupancy, so break-even lies just above b0 = 0.85
    assert 0.85 < bk.gelijke_bezetting < 0.87
    assert "capaciteit per plaats per jaar" in str(bk)
    assert "€ 37.2" in str(bk)


def test_bekostiging_naar_bezetting_en_risico() -> None:
    s = tarieven.lees_scenario(G1)
    bk = analyse.bekostiging(s)
    tabel = bk.naar_bezetting([0.7, 0.85, 1.0])
    assert tabel["capaciteit_per_plaats_jaar"].nunique() == 1
    # cost at actual occupancy: that occupancy's tariff × E × b (single-scenario API)
    for b, kosten in zip([0.7, 0.85, 1.0], tabel["kosten_per_plaats_jaar"], strict=True):
        assert kosten == pytest.approx(enkel(s, **{B: b}).tarief * 480 * b, rel=1e-14)
    assert tabel["kosten_per_plaats_jaar"].iloc[-1] == pytest.approx(bk.capaciteit_per_plaats_jaar, rel=1e-14)
    zonder_risico = analyse.bekostiging(s, risico_opslag=0.0)
    assert zonder_risico.capaciteit_per_plaats_jaar == pytest.approx(bk.capaciteit_per_plaats_jaar / 1.03)
    with pytest.raises(tarieven.InvoerFout, match="risico_opslag"):
        analyse.bekostiging(s, risico_opslag=1.5)


# -- scenario file and CLI ---------------------------------------------------------------------

ANALYSE_TOML = """
scenario = "{scenario}"
uitvoer = "uit"

[rooster]
"product.groepsgrootte" = [8, 10]
product.bezettingsgraad = {{ van = 0.7, tot = 1.0, stap = 0.1 }}

[gevoeligheid]
procent = 10
sleutels = ["product.bezettingsgraad", "product.huisvesting_jaar"]

[montecarlo]
n = 500
seed = 5
[montecarlo.verdelingen]
"product.bezettingsgraad" = {{ verdeling = "uniform", laag = 0.7, hoog = 0.9 }}

[[doelzoeken]]
sleutel = "product.bezettingsgraad"
doel = 95.0

[bekostiging]
"""


def test_cli_scenario_schrijft_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "analyse.toml"
    pad.write_text(ANALYSE_TOML.format(scenario=G1.as_posix()), encoding="utf-8")
    assert main(["scenario", str(pad), "--plots"]) == 0
    uit = tmp_path / "uit"
    df = pd.read_csv(uit / "rooster.csv")
    assert df[B].tolist() == [0.7, 0.8, 0.9, 1.0] * 2
    s = tarieven.lees_scenario(G1)
    assert df["tarief_per_client"].iloc[6] == enkel(s, **{G: 10, B: 0.9}).tarief  # full precision in the CSV
    assert list(pd.read_csv(uit / "gevoeligheid.csv")["sleutel"]) == [B, "product.huisvesting_jaar"]
    assert len(pd.read_csv(uit / "montecarlo.csv")) == 500
    assert list(pd.read_csv(uit / "montecarlo-percentielen.csv").columns[:4]) == ["naam", "P5", "P50", "P95"]
    doel = pd.read_csv(uit / "doelzoeken.csv")
    assert op_centen(enkel(s, **{B: float(doel["waarde"].iloc[0])}).tarief) == Decimal("95.00")
    for png in ("opbouw", "rooster", "tornado", "montecarlo", "bekostiging"):
        assert (uit / f"{png}.png").stat().st_size > 10_000
    fout = capsys.readouterr().err
    assert "geschreven:" in fout
    assert "gelijk bij een bezettingsgraad van" in fout


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        ('scenario = "{s}"\n', "ten minste één van de secties"),
        ('scenario = "{s}"\n[rooster]\n"product.bezettingsgraad" = [0.5, 1.5]\n', "product.bezettingsgraad = 1.5"),
        ('scenario = "{s}"\n[rooster]\n"x.y" = {{ van = 1, tot = 0, stap = 1 }}\n', "rooster.x.y = "),
        (
            'scenario = "{s}"\n[montecarlo.verdelingen]\n"product.bezettingsgraad" = {{ verdeling = "beta" }}\n',
            "verdeling = 'uniform' | 'driehoek'",
        ),
        ('scenario = "{s}"\nonbekend = 1\n[bekostiging]\n', "onbekend = 1: verwacht een bekende sleutel"),
    ],
)
def test_cli_scenario_fouten_geven_exitcode_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], inhoud: str, melding: str
) -> None:
    pad = tmp_path / "analyse.toml"
    pad.write_text(inhoud.format(s=G1.as_posix()), encoding="utf-8")
    assert main(["scenario", str(pad)]) == 2
    fout = capsys.readouterr().err
    assert fout.startswith("tarieven: Ongeldige invoer")
    assert melding in fout
    assert "Traceback" not in fout


def test_bereik_in_het_bestand_raakt_de_grens_precies(tmp_path: Path) -> None:
    """{van = 0.6, tot = 1.0, stap = 0.05} ends at exactly 1.0, not 1.0000000000000002."""
    from tarieven.analyse.bestand import lees_analyse

    pad = tmp_path / "a.toml"
    pad.write_text(
        f'scenario = "{G1.as_posix()}"\n[rooster]\n'
        '"product.bezettingsgraad" = { van = 0.6, tot = 1.0, stap = 0.05 }\n',
        encoding="utf-8",
    )
    plan = lees_analyse(pad)
    assert plan.rooster is not None
    waarden = list(plan.rooster[B])
    assert len(waarden) == 9
    assert waarden[-1] == 1.0
    assert waarden[1] == 0.65


def test_voortgangregel() -> None:
    stroom = io.StringIO()
    stil = analyse.VoortgangRegel("rooster", na=60, stroom=stroom)
    stil(1, 2)
    stil(2, 2)
    stil.klaar()
    assert stroom.getvalue() == ""
    luid = analyse.VoortgangRegel("rooster", na=0, stroom=stroom)
    luid(500_000, 1_000_000)
    luid.klaar()
    assert "rooster: 500.000 van 1.000.000 (50 %)" in stroom.getvalue()
    assert stroom.getvalue().endswith("\n")


def test_verdeling_uit_dict() -> None:
    from tarieven.analyse.montecarlo import verdeling_uit_dict

    assert verdeling_uit_dict({"verdeling": "normaal", "gemiddelde": 1, "sd": 2, "hoog": 3}) == Normaal(1, 2, hoog=3)
    assert verdeling_uit_dict({"verdeling": "keuze", "waarden": [8, 10]}) == Keuze([8.0, 10.0])
    with pytest.raises(ValueError, match="laag, modus, hoog"):
        verdeling_uit_dict({"verdeling": "driehoek", "laag": 1})
    assert math.isinf(Normaal(0, 1).hoog)


def test_analysebestand_met_productcode_en_peildatum(tmp_path: Path) -> None:
    """An analysis file may name a catalogue product instead of a scenario file, with a peildatum."""
    from tarieven.analyse.bestand import lees_analyse

    pad = tmp_path / "a.toml"
    pad.write_text(
        'scenario = "41A22"\npeildatum = 2027-01-01\n[rooster]\n"product.groepsgrootte" = [8, 10]\n', encoding="utf-8"
    )
    plan = lees_analyse(pad)
    assert plan.scenario.product_code == "41A22"
    assert str(plan.scenario.peildatum) == "2027-01-01"
    pad.write_text(
        'scenario = "41A22"\npeildatum = "1-1-2027"\n[rooster]\n"product.groepsgrootte" = [8]\n', encoding="utf-8"
    )
    with pytest.raises(tarieven.InvoerFout, match=r"peildatum = '1-1-2027': verwacht een TOML-datum"):
        lees_analyse(pad)


# -- structural choices in grid, Monte Carlo and analysis file ----------------------------------

AFR = "product.ratio.afronding"
GRS = "opslagen.overhead_grondslag"
AANDEEL, OPSLAG = "aandeel_integrale_kostprijs", "opslag_op_kostprijs"


def met_keuzes(d: dict[str, Any], afronding: str | None = None, grondslag: str | None = None, **getallen: float) -> Any:
    """A copy of a golden scenario dict with structural choices and some numbers set (dotted keys)."""
    uit = copy.deepcopy(d)
    if afronding is not None:
        uit["product"]["ratio"]["afronding"] = afronding
    if grondslag is not None:
        uit["opslagen"]["overhead_grondslag"] = grondslag
    for sleutel, waarde in getallen.items():
        sectie, veld = sleutel.split(".")
        uit[sectie][veld] = waarde
    return uit


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
    assert "opslagen.overhead = 1.2: verwacht " + verwacht in tekst
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


def test_monte_carlo_keuze_tussen_structuren(g1: dict[str, Any]) -> None:
    verdelingen = {
        GRS: Keuze([OPSLAG, AANDEEL], [0.25, 0.75]),
        B: Uniform(0.7, 0.95),
        AFR: Keuze(["naar_boven", "exact"]),
    }
    mc = analyse.monte_carlo(g1, verdelingen, 3000, seed=8)
    t = mc.trekkingen
    assert list(t.columns[:3]) == [GRS, B, AFR]
    assert isinstance(t[AFR].dtype, pd.CategoricalDtype)
    assert t[GRS].eq(AANDEEL).mean() == pytest.approx(0.75, abs=0.03)
    assert GRS not in mc.percentielen.index
    for i in (0, 1, 2, 1500, 2999):
        d = met_keuzes(g1, t[AFR].iloc[i], t[GRS].iloc[i], **{B: float(t[B].iloc[i])})
        assert t["tarief_per_client"].iloc[i] == tarieven.bereken(d).tarief
    # the choices are drawn from the same generator in the order given: the same seed, the same draws
    rng = np.random.default_rng(8)
    eerste = rng.choice(2, size=3000, p=[0.25, 0.75])
    assert np.array_equal(t[GRS].cat.codes.to_numpy(), eerste)
    in_blokken = analyse.monte_carlo(g1, verdelingen, 3000, seed=8, blokgrootte=701)
    pd.testing.assert_frame_equal(t, in_blokken.trekkingen)
    with pytest.raises(tarieven.InvoerFout, match=r"opslagen\.overhead = 1\.\d+: .*eerste ongeldige trekking"):
        analyse.monte_carlo(g1, {"opslagen.overhead": Uniform(0.5, 1.5), GRS: Keuze([OPSLAG, AANDEEL])}, 200)
    with pytest.raises(tarieven.InvoerFout, match=r"product\.ratio\.afronding = 'halverwege': verwacht een van"):
        analyse.monte_carlo(g1, {AFR: Keuze(["halverwege"])}, 10)
    with pytest.raises(tarieven.InvoerFout, match=r"verwacht een Keuze tussen de mogelijke teksten"):
        analyse.monte_carlo(g1, {AFR: Uniform(0, 1)}, 10)


def test_analysebestand_met_structuurkeuzes(tmp_path: Path, g1: dict[str, Any]) -> None:
    pad = tmp_path / "a.toml"
    pad.write_text(
        f'scenario = "{G1.as_posix()}"\nuitvoer = "uit"\nregels = ["tarief_per_client"]\n[rooster]\n'
        '"product.groepsgrootte" = [8, 10]\n"product.ratio.afronding" = ["naar_boven", "exact"]\n'
        "[montecarlo]\nn = 50\n[montecarlo.verdelingen]\n"
        '"opslagen.overhead_grondslag" = { verdeling = "keuze", waarden = ["opslag_op_kostprijs"] }\n',
        encoding="utf-8",
    )
    assert main(["scenario", str(pad)]) == 0
    df = pd.read_csv(tmp_path / "uit" / "rooster.csv")
    assert df[AFR].tolist() == ["naar_boven", "exact"] * 2
    for i, (g, a) in enumerate(itertools.product([8, 10], ["naar_boven", "exact"])):
        assert df["tarief_per_client"].iloc[i] == tarieven.bereken(met_keuzes(g1, a, **{G: g})).tarief
    mc = pd.read_csv(tmp_path / "uit" / "montecarlo.csv")
    assert set(mc["tarief_per_client"]) == {tarieven.bereken(met_keuzes(g1, grondslag=OPSLAG)).tarief}
    pad.write_text(f'scenario = "{G1.as_posix()}"\n[rooster]\n"product.ratio.afronding" = ["half"]\n', encoding="utf-8")
    assert main(["scenario", str(pad)]) == 2
