"""Plots: each draws on the given axes, returns them, uses Dutch labels and euro axes, and renders to PNG.

Every plot is also written to /tmp/tarieven-plots/ to look at by eye.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes

import tarieven
from tarieven import analyse, plots
from tarieven.weergave import euro

from .conftest import GOLDEN

G1 = GOLDEN / "g1-dagbesteding-licht.json"
B = "product.bezettingsgraad"
G = "product.groepsgrootte"
BEKIJK = Path("/tmp/tarieven-plots")


@pytest.fixture(autouse=True)
def _sluit_figuren() -> None:
    yield
    plt.close("all")


def bewaar(ax: Axes, naam: str, tmp_path: Path) -> Path:
    pad = tmp_path / f"{naam}.png"
    ax.figure.savefig(pad, dpi=80)
    BEKIJK.mkdir(parents=True, exist_ok=True)
    ax.figure.savefig(BEKIJK / f"{naam}.png", dpi=90)
    assert pad.stat().st_size > 5_000
    return pad


def ticklabels(ax: Axes, as_: str = "y") -> list[str]:
    ax.figure.canvas.draw()
    labels = ax.get_yticklabels() if as_ == "y" else ax.get_xticklabels()
    return [t.get_text() for t in labels if t.get_text()]


def test_opmaak_is_nederlands() -> None:
    assert plots.euro_opmaak()(1234.0) == "€ 1.234"
    assert plots.euro_opmaak()(1234.5) == "€ 1.234,50"
    assert plots.euro_opmaak(2)(90.477) == "€ 90,48"
    assert plots.euro_opmaak(0)(-1500) == "€ -1.500"
    assert plots.procent_opmaak()(0.85) == "85 %"
    assert plots.procent_opmaak()(0.855) == "85,5 %"


def test_waterval(tmp_path: Path) -> None:
    u = tarieven.bereken(G1)
    _, ax = plt.subplots()
    assert plots.waterval(u, ax=ax) is ax
    bewaar(ax, "waterval", tmp_path)
    # six parts (cliëntgebonden tijd is 0 in g1 and left out) plus the tariff bar
    staven = ax.patches
    assert len(staven) == 7
    assert sum(p.get_height() for p in staven[:-1]) == pytest.approx(u.tarief, rel=1e-12)
    assert staven[-1].get_height() == u.tarief
    assert [t.get_text() for t in ax.get_xticklabels()][-1] == "tarief"
    assert "€ 90,48" in ax.get_title()
    assert all(t.startswith("€ ") for t in ticklabels(ax))
    assert "€ 21,96" in [t.get_text() for t in ax.texts]  # overhead: 25 % of the integral cost price


def test_heatmap(tmp_path: Path) -> None:
    df = analyse.rooster(G1, {G: np.arange(6, 13), B: np.linspace(0.7, 1.0, 7)})
    ax = plots.heatmap(df, G, B)
    bewaar(ax, "heatmap", tmp_path)
    assert ax.get_xlabel() == "groepsgrootte (plaatsen)"
    assert ax.get_ylabel() == "bezettingsgraad (%)"
    assert ax.figure.axes[-1].get_ylabel() == "tarief per cliënt per dagdeel (€)"  # the colour bar
    assert ax.get_title().startswith("Tarief per cliënt per dagdeel naar groepsgrootte (plaatsen) en bezettingsgraad\n")
    assert ticklabels(ax, "x") == ["6", "7", "8", "9", "10", "11", "12"]
    assert ticklabels(ax)[0] == "70 %"
    assert ticklabels(ax)[-1] == "100 %"
    teksten = [t.get_text() for t in ax.texts]
    assert len(teksten) == 49
    # the cell of 10 places at 85 % is golden g1
    assert "€ 90,48" in teksten
    with pytest.raises(ValueError, match="filter eerst"):
        plots.heatmap(analyse.rooster(G1, {G: [8, 10], B: [0.8, 0.9], "opslagen.overhead": [0.2, 0.3]}), G, B)


def test_lijn(tmp_path: Path) -> None:
    df = analyse.rooster(G1, {G: [8, 10, 12], B: np.linspace(0.6, 1.0, 41)})
    ax = plots.lijn(df, B, groep=G)
    bewaar(ax, "lijn", tmp_path)
    assert len(ax.get_lines()) == 3
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "groepsgrootte (plaatsen): 8",
        "groepsgrootte (plaatsen): 10",
        "groepsgrootte (plaatsen): 12",
    ]
    assert ax.get_ylabel() == "tarief per cliënt per dagdeel (€)"
    assert ax.get_xlabel() == "bezettingsgraad (%)"
    assert ax.get_title().startswith("Tarief per cliënt per dagdeel naar bezettingsgraad\n")
    assert all(t.endswith(" %") for t in ticklabels(ax, "x"))
    assert all(t.startswith("€ ") for t in ticklabels(ax))


def test_lijn_bekostiging(tmp_path: Path) -> None:
    tabel = analyse.bekostiging(G1).naar_bezetting(np.linspace(0.5, 1.0, 51))
    kolommen = ["capaciteit_per_plaats_jaar", "pxq_per_plaats_jaar", "kosten_per_plaats_jaar"]
    ax = plots.lijn(tabel, "bezettingsgraad", kolommen, titel="Capaciteit of P × Q")
    bewaar(ax, "bekostiging", tmp_path)
    assert len(ax.get_lines()) == 3
    assert ax.get_ylabel() == "euro per plaats per jaar"
    assert "€ 35.000" in ticklabels(ax)


def test_tornado(tmp_path: Path) -> None:
    gv = analyse.gevoeligheid(G1)
    ax = plots.tornado(gv, aantal=10)
    bewaar(ax, "tornado", tmp_path)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 10
    assert labels[-1].startswith(gv["label"].iloc[0])  # largest effect on top
    assert "bezettingsgraad  (76,5 % – 93,5 %)" in labels
    assert "€ 90,48" in ax.get_title()
    assert all(t.startswith("€ ") for t in ticklabels(ax, "x"))


def test_histogram(tmp_path: Path) -> None:
    mc = analyse.monte_carlo(G1, {B: analyse.Driehoek(0.7, 0.85, 0.95)}, 20_000, seed=4)
    ax = plots.histogram(mc)
    bewaar(ax, "histogram", tmp_path)
    legenda = [t.get_text() for t in ax.get_legend().get_texts()]
    assert [t.split(":")[0] for t in legenda] == ["P5", "P50", "P95"]
    p50 = mc.percentielen.loc["tarief_per_client", "P50"]
    assert legenda[1] == f"P50: {tarieven.weergave.euro(p50)}"
    assert "20.000 trekkingen" in ax.get_title()
    assert all(t.startswith("€ ") for t in ticklabels(ax, "x"))


def test_elke_plot_maakt_zonder_ax_een_figuur() -> None:
    u = tarieven.bereken(G1)
    ax = plots.waterval(u)
    assert isinstance(ax, Axes)


# -- titles, units and reference levels ---------------------------------------------------------

PRODUCT = tarieven.lees_scenario("41A22", "2027-01-01")
ONDERWERP = "Dagbesteding licht (41A22) · standaardwaarden, peildatum 1 januari 2027"
DEN_HAAG = tarieven.gepubliceerd_tarief("den_haag_2020.pgb.dagbesteding_categorie_1")


def legenda(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]


def referentielijnen(ax: Axes) -> list[float]:
    """The levels of the dashed reference lines (horizontal or vertical)."""
    uit = []
    for lijn in ax.get_lines():
        if lijn.get_color() == plots.KLEUR_REFERENTIE and lijn.get_linestyle() in ("--", "-."):
            x, y = lijn.get_xdata(), lijn.get_ydata()
            uit.append(float(y[0]) if y[0] == y[-1] else float(x[0]))
    return uit


def test_titels_noemen_product_en_scenario(tmp_path: Path) -> None:
    u = tarieven.bereken(PRODUCT)
    bedrag = euro(u.tarief)
    assert plots.waterval(u).get_title() == f"Opbouw van het tarief: {bedrag} per cliënt per dagdeel\n{ONDERWERP}"
    gv = analyse.gevoeligheid(PRODUCT)
    ax = plots.tornado(gv)
    bewaar(ax, "tornado-product", tmp_path)
    assert ax.get_title() == (
        f"Gevoeligheid van het tarief per cliënt per dagdeel\nbasis {bedrag}, elke invoer 10 % lager en hoger\n"
        + ONDERWERP
    )
    assert ax.get_xlabel() == "tarief per cliënt per dagdeel (€)"
    df = analyse.rooster(PRODUCT, {G: [8, 10]})
    assert plots.lijn(df, G).get_title().endswith(f"\n{ONDERWERP}")
    assert plots.lijn(df, G, titel="Eigen titel").get_title() == "Eigen titel"


def test_geen_vaste_cao_feiten_in_de_tornado() -> None:
    gv = analyse.gevoeligheid(PRODUCT)
    ax = plots.tornado(gv, aantal=len(gv))
    labels = " ".join(t.get_text() for t in ax.get_yticklabels())
    for feit in ("uren per week", "weken per jaar mbo", "verlofuren", "vakantietoeslag"):
        assert feit not in labels


def test_referentie_als_lijn(tmp_path: Path) -> None:
    df = analyse.rooster(PRODUCT, {B: np.round(np.arange(0.6, 1.0001, 0.05), 2)})
    ax = plots.lijn(df, B, referentie=[DEN_HAAG, (90.0, "gesteld tarief")], punten=[(0.9, 90.4, "break-even")])
    bewaar(ax, "lijn-referentie", tmp_path)
    assert referentielijnen(ax) == pytest.approx([DEN_HAAG.bedrag, 90.0])
    teksten = legenda(ax)
    assert teksten[1] == f"{DEN_HAAG.kort()}: € 72,13"
    assert teksten[2] == "gesteld tarief: € 90,00"
    assert "break-even" in [t.get_text() for t in ax.texts]
    assert ax.get_lines()[0].get_marker() == "o"  # 9 points: marked


def test_referentie_in_waterval_histogram_en_tornado(tmp_path: Path) -> None:
    ax = plots.waterval(tarieven.bereken(PRODUCT), referentie=DEN_HAAG)
    bewaar(ax, "waterval-referentie", tmp_path)
    assert referentielijnen(ax) == pytest.approx([DEN_HAAG.bedrag])
    mc = analyse.onzekerheid(PRODUCT, 3000, seed=1)
    ax = plots.histogram(mc, referentie=(80.0, "gesteld"))
    bewaar(ax, "histogram-referentie", tmp_path)
    assert referentielijnen(ax) == [80.0]
    assert "gesteld: € 80,00" in legenda(ax)
    assert "90 % van 3.000 trekkingen tussen" in ax.get_title()
    ax = plots.tornado(analyse.gevoeligheid(PRODUCT), referentie=100.0)
    assert referentielijnen(ax) == [100.0]


def test_heatmap_omlijnt_wat_onder_de_referentie_blijft(tmp_path: Path) -> None:
    df = analyse.rooster(PRODUCT, {G: np.arange(5, 11), B: np.round(np.arange(0.6, 1.0001, 0.05), 2)})
    ax = plots.heatmap(df, G, B, referentie=(100.0, "gesteld"))
    bewaar(ax, "heatmap-referentie", tmp_path)
    omlijnd = [p for p in ax.patches if p.get_edgecolor()[:3] == matplotlib.colors.to_rgb(plots.KLEUR_OMLIJNING)]
    assert len(omlijnd) == int((df["tarief_per_client"] <= 100.0).sum()) > 0
    assert legenda(ax) == ["hoogstens gesteld: € 100,00"]


def test_bekostiging(tmp_path: Path) -> None:
    bk = analyse.bekostiging(PRODUCT)
    ax = plots.bekostiging(bk)
    bewaar(ax, "bekostiging-product", tmp_path)
    assert ax.get_title() == f"Capaciteitsbekostiging of P × Q: bedrag per plaats per jaar\n{ONDERWERP}"
    lijnen = ax.get_lines()[:3]
    assert [len(lijn.get_xdata()) for lijn in lijnen] == [11, 11, 11]  # 50 % to 100 % by 5 %
    assert all(lijn.get_marker() not in ("", "None") for lijn in lijnen)
    assert ax.get_xlabel() == "werkelijke bezettingsgraad (%)"
    assert ax.get_ylabel() == "euro per plaats per jaar (€)"
    assert f"gelijk bij {tarieven.weergave.procent(bk.gelijke_bezetting, 1)}" in [t.get_text() for t in ax.texts]


def test_personeelstekort_als_lijn(tmp_path: Path) -> None:
    df = analyse.personeelstekort(PRODUCT, range(5, 11))
    ax = plots.lijn(df, "groepsgrootte", ["vast_personeel", "vaste_ratio"])
    bewaar(ax, "personeelstekort", tmp_path)
    assert ax.get_title() == f"Kleinere groepen door personeelstekort\n{ONDERWERP}"
    assert legenda(ax) == ["vast personeel (2 medewerkers)", "vaste ratio (1 op 5)"]
    # the lines coincide from 6 places on: different markers and line styles keep both visible
    assert ax.get_lines()[0].get_marker() != ax.get_lines()[1].get_marker()
    assert ax.get_lines()[0].get_linestyle() != ax.get_lines()[1].get_linestyle()
    assert all(t.isdigit() for t in ticklabels(ax, "x"))  # whole places: no 5,5


def test_personeelstekort_bij_een_exacte_ratio() -> None:
    """41A24 prices 1 staff member per 3 children exactly: 1,33 on a group of 4, shown as such."""
    df = analyse.personeelstekort(tarieven.lees_scenario("41A24", "2027-01-01"), range(1, 5))
    assert df.attrs["labels"]["vast_personeel"] == "vast personeel (1,33 medewerkers)"


def test_opbouw_vergelijking(tmp_path: Path) -> None:
    v = analyse.productvergelijking(["41A22", "41A23", "41A24"], peildatum="2027-01-01")
    ax = plots.opbouw_vergelijking(v, referenties={"41A22": DEN_HAAG})
    bewaar(ax, "opbouw-vergelijking", tmp_path)
    staven = [p for p in ax.patches if p.get_width() == pytest.approx(0.6)]
    for i, code in enumerate(["41A22", "41A23", "41A24"]):
        hoogte = sum(p.get_height() for p in staven if p.get_x() + 0.3 == pytest.approx(i))
        assert hoogte == pytest.approx(v.loc["tarief_per_client", code], rel=1e-12)
    assert next(t.get_text() for t in ax.get_xticklabels()) == "Dagbesteding\nlicht (41A22)"
    assert (
        ax.get_title() == "Opbouw van het tarief per cliënt, naast elkaar\nstandaardwaarden, peildatum 1 januari 2027"
    )
    assert euro(v.loc["tarief_per_client", "41A24"]) in [t.get_text() for t in ax.texts]


def test_groep_of_individueel(tmp_path: Path) -> None:
    res = analyse.groep_of_individueel(tarieven.lees_scenario("GGZ-groep", "2027-01-01"))
    ax = plots.groep_of_individueel(res)
    bewaar(ax, "groep-of-individueel", tmp_path)
    assert (
        ax.get_title()
        == "Groep of individueel: kosten per cliënt-uur\nGGZ groep · standaardwaarden, peildatum 1 januari 2027"
    )
    assert ax.get_ylabel() == "tarief per cliënt per uur (€)"
    assert legenda(ax)[1] == "individueel (1 gz_psycholoog, 1 cliënt)"
    assert any(t.get_text().startswith(f"vanaf {res.kleinste_groep} plaatsen goedkoper") for t in ax.texts)


def test_opbouw_vergelijking_van_scenarios_van_een_product() -> None:
    twee_hbo = PRODUCT.met(**{"product.ratio.mix.mbo": 0.0, "product.ratio.mix.hbo": 1.0})
    v = analyse.productvergelijking({"mbo + hbo": PRODUCT, "2 hbo": twee_hbo})
    ax = plots.opbouw_vergelijking(v)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["mbo + hbo", "2 hbo"]
    assert ax.get_title().split("\n")[1] == (
        "Dagbesteding licht (41A22) · standaardwaarden, peildatum 1 januari 2027; "
        "eigen scenario, peildatum 1 januari 2027"
    )


def test_catalogus(tmp_path: Path) -> None:
    overzicht = tarieven.productoverzicht(dt.date(2027, 1, 1))
    ax = plots.catalogus(overzicht)
    bewaar(ax, "catalogus", tmp_path)
    rechts = ax.figure.axes[1]
    assert [p.get_width() for p in ax.patches] == overzicht["tarief"].tolist()
    assert [p.get_width() for p in rechts.patches] == overzicht["tarief_per_uur"].tolist()
    assert ax.figure.get_suptitle() == "Meegeleverde producten op de standaardwaarden, peildatum 1 januari 2027"
    assert ax.get_xlabel() == "tarief per cliënt per eenheid (€)"
    assert rechts.get_xlabel() == "tarief per cliënt per uur (€)"
    assert next(t.get_text() for t in ax.get_yticklabels()).startswith(overzicht.index[0])


def test_tariefband(tmp_path: Path) -> None:
    overzicht = tarieven.productoverzicht(dt.date(2027, 1, 1)).loc[["41A22", "41A24"]]
    ax = plots.tariefband(overzicht, referentie=DEN_HAAG)
    bewaar(ax, "tariefband", tmp_path)
    balk = ax.patches
    assert [p.get_x() for p in balk] == overzicht["tarief_laag"].tolist()
    assert [p.get_x() + p.get_width() for p in balk] == pytest.approx(overzicht["tarief_hoog"].tolist())
    teksten = [t.get_text() for t in ax.texts]
    for code in overzicht.index:
        assert {euro(overzicht.loc[code, k]) for k in ("tarief", "tarief_laag", "tarief_hoog")} <= set(teksten)
    assert ticklabels(ax) == ["41A22", "41A24"]
    assert ax.get_xlim()[0] == 0
    assert referentielijnen(ax) == [DEN_HAAG.bedrag]
    assert legenda(ax)[-1].startswith("Den Haag 2020")


def test_tariefband_van_de_niveaucheck(tmp_path: Path) -> None:
    band = analyse.niveaucheck(prijsjaar=2025).band
    ax = plots.tariefband(band)
    bewaar(ax, "tariefband_niveaucheck", tmp_path)
    ruit = next(lijn for lijn in ax.get_lines() if lijn.get_marker() == "D")
    assert list(ruit.get_xdata()) == band["gepubliceerd"].tolist()
    assert "gepubliceerd niveau" in legenda(ax)
    zonder_spreiding = band.index.get_loc("42A03")  # transport: one amount, only the dot
    assert ax.patches[zonder_spreiding].get_width() == 0
    assert sum(t.get_text() == euro(43.04) for t in ax.texts) == 1
    with pytest.raises(ValueError, match="laag, centraal, hoog"):
        plots.tariefband(band[["laag", "hoog"]])
