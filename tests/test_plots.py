"""Plots: each draws on the given axes, returns them, uses Dutch labels and euro axes, and renders to PNG.

Every plot is also written to /tmp/tarieven-plots/ to look at by eye.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes

import tarieven
from tarieven import analyse, plots

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
    assert ax.get_ylabel() == "bezettingsgraad"
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
    assert ax.get_ylabel() == "tarief per cliënt per dagdeel"
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
