"""Issue 11, class 1: no input makes tarieven run for minutes or ask for all the memory there is.

Unit strings are read by a short grammar with a length limit; grids and Monte Carlo runs are
refused above 10 million scenarios or an estimated 4 GiB before anything is allocated (the
limits test runs in a subprocess under an address-space limit of 1.5 GiB, so an attempt to
allocate would fail there instead of passing by luck); the default Monte Carlo output holds
percentiles, the draws only on request; a CSV of more than 100 MB is announced.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import tarieven
from tarieven import InvoerFout, analyse
from tarieven.cli import scenario as cli_scenario

from ._hulp import G1, fout_van_opdracht, gewijzigd, opdracht, schrijf

SNEL = 1.0
"""Seconds within which a refused input must be refused (they take milliseconds)."""


def snel_geweigerd(doe: Any) -> str:
    start = time.perf_counter()
    with pytest.raises(InvoerFout) as e:
        doe()
    assert time.perf_counter() - start < SNEL
    return str(e.value)


# -- unit strings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("waarde", "reden"),
    [
        ("3250 EUR/maand" + "^2" * 10, "'EUR/maand^2^2^2^2^2^2^2^2^2^2' is geen eenheid"),  # an exponent tower
        ("3250 EUR/maand" + "**9" * 10, "is geen eenheid"),
        ("3250 EUR/maand" + "^2" * 30, "een tekst van 74 tekens is te lang voor een getal met eenheid"),
        ("2" + "^2" * 5000, "een tekst van 10001 tekens is te lang"),
        ("3250 " + "EUR*" * 25_000 + "maand", "een tekst van 100010 tekens is te lang voor een getal met eenheid"),
        ("9" * 100_000 + " EUR/maand", "een tekst van 100010 tekens is te lang voor een getal met eenheid"),
        ("3250 EUR/maand^99999", "is geen eenheid"),
    ],
)
def test_eenheid_met_machtstoren_of_erg_lang(g1: dict[str, Any], waarde: str, reden: str) -> None:
    bericht = snel_geweigerd(lambda: tarieven.bereken(gewijzigd(g1, functies__mbo__maandsalaris=waarde)))
    assert bericht.startswith(f"Ongeldige invoer in <dict>: functies.mbo.maandsalaris = {waarde[:20]!r}"[:60])
    assert "verwacht een getal groter dan 0 in EUR/maand (bruto maandsalaris)" in bericht
    assert reden in bericht
    assert len(bericht) < 500  # the value is shortened, not echoed whole


def test_json_met_enorme_getallen_en_nesting_is_snel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for naam, tekst in [
        ("getal.json", '{"product": {"groepsgrootte": ' + "7" * 1_000_000 + "}}"),
        ("nesting.json", "[" * 1_000_000 + "]" * 1_000_000),
    ]:
        pad = schrijf(tmp_path / naam, tekst)
        start = time.perf_counter()
        fout_van_opdracht(capsys, "bereken", str(pad))
        assert time.perf_counter() - start < SNEL


# -- grids and Monte Carlo: the limits, under an address-space limit ------------------------------

GRENZEN_SCRIPT = textwrap.dedent(
    """
    import contextlib, io, json, resource, sys, time
    limiet = 1536 * 2**20  # 1.5 GiB of address space: a run that tried to allocate would fail here
    resource.setrlimit(resource.RLIMIT_AS, (limiet, limiet))
    import numpy as np
    import tarieven
    from tarieven import InvoerFout, analyse
    from tarieven.cli import main

    s = tarieven.lees_scenario("41A22", "2027-01-01")
    gevallen = {
        "rooster": lambda: analyse.rooster(s, {
            "product.groepsgrootte": np.arange(1, 1001),
            "product.bezettingsgraad": np.linspace(0.5, 1.0, 1000),
            "product.duur_uur": np.linspace(1.0, 8.0, 1000),
        }),
        "monte_carlo": lambda: analyse.monte_carlo(s, {"product.bezettingsgraad": analyse.Uniform(0.7, 0.9)}, 10**9),
        "geheugen": lambda: analyse.rooster(s, {
            "product.groepsgrootte": np.arange(1, 101),
            "product.bezettingsgraad": np.linspace(0.5, 1.0, 1000),
            "product.duur_uur": np.linspace(1.0, 8.0, 100),
        }),
        "geheugen_mc": lambda: analyse.monte_carlo(
            s, {"product.bezettingsgraad": analyse.Uniform(0.7, 0.9)}, 10_000_000
        ),
    }
    uit = {}
    for naam, doe in gevallen.items():
        start = time.perf_counter()
        try:
            doe()
            uit[naam] = {"tijd": time.perf_counter() - start, "melding": None}
        except InvoerFout as e:
            uit[naam] = {"tijd": time.perf_counter() - start, "melding": str(e)}
    err = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stderr(err):
        code = main(["scenario", sys.argv[1]])
    uit["opdrachtregel"] = {"tijd": time.perf_counter() - start, "melding": err.getvalue(), "code": code}
    print(json.dumps(uit))
    """
)


@pytest.fixture(scope="module")
def grenzen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Each oversized request, timed inside a subprocess with at most 1.5 GiB of address space."""
    map_ = tmp_path_factory.mktemp("grenzen")
    analysebestand = schrijf(
        map_ / "groot.toml",
        f'scenario = "{G1.as_posix()}"\n[rooster]\n'
        '"product.groepsgrootte" = { van = 1, tot = 1000, aantal = 1000 }\n'
        '"product.bezettingsgraad" = { van = 0.5, tot = 1.0, aantal = 100000 }\n'
        '"product.duur_uur" = { van = 1.0, tot = 8.0, aantal = 100000 }\n',
    )
    omgeving = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    r = subprocess.run(
        [sys.executable, "-c", GRENZEN_SCRIPT, str(analysebestand)],
        capture_output=True,
        text=True,
        env=omgeving,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    uitkomst: dict[str, Any] = json.loads(r.stdout)
    uitkomst["bestand"] = str(analysebestand)
    print({k: round(v["tijd"], 4) for k, v in uitkomst.items() if isinstance(v, dict)})  # shown with pytest -s
    return uitkomst


VERHOGEN = "of verhoog de grens: het argument {0} van rooster()/monte_carlo(), of de sleutel {0} in het analysebestand"


def test_rooster_van_een_miljard(grenzen: dict[str, Any]) -> None:
    g = grenzen["rooster"]
    assert g["tijd"] < SNEL
    assert g["melding"] == (
        'Ongeldige invoer: rooster = "1.000.000.000 scenario\'s": verwacht hoogstens '
        "10.000.000 scenario's (max_scenarios); verklein de vraag (minder waarden, minder regels met regels=[...]) "
        + VERHOGEN.format("max_scenarios")
        + "."
    )


def test_monte_carlo_van_een_miljard(grenzen: dict[str, Any]) -> None:
    g = grenzen["monte_carlo"]
    assert g["tijd"] < SNEL
    assert "n = \"1.000.000.000 scenario's\": verwacht hoogstens 10.000.000 scenario's (max_scenarios)" in g["melding"]
    assert VERHOGEN.format("max_scenarios") in g["melding"]


def test_rooster_onder_de_grens_maar_te_groot_voor_het_geheugen(grenzen: dict[str, Any]) -> None:
    """100 × 1000 × 100 = 10 million scenarios (the limit, allowed), but 41A22 has 53 lines: with the
    3 inputs and the warnings column 57 columns of 8 bytes, plus a 4-byte count, per scenario:
    10^7 × (57 × 8 + 4) = 4,6e9 bytes = 4,28 GiB, above the 4 GiB default."""
    assert len(tarieven.regeldefinities(tarieven.lees_scenario("41A22", "2027-01-01").structuur)) == 53
    g = grenzen["geheugen"]
    assert g["tijd"] < SNEL
    assert 'rooster = "10.000.000 scenario\'s × 57 kolommen, ongeveer 4,3 GiB"' in g["melding"]
    assert "verwacht een uitkomst van hoogstens 4 GiB geheugen (max_geheugen_gb)" in g["melding"]
    assert VERHOGEN.format("max_geheugen_gb") in g["melding"]


def test_monte_carlo_onder_de_grens_maar_te_groot_voor_het_geheugen(grenzen: dict[str, Any]) -> None:
    """10 million draws of 1 input: 1 + 53 lines + 2 columns, kept twice (draws and percentiles):
    10^7 × (56 × 8 × 2 + 4) = 8,96e9 bytes = 8,35 GiB."""
    g = grenzen["geheugen_mc"]
    assert g["tijd"] < SNEL
    assert 'n = "10.000.000 scenario\'s × 56 kolommen, ongeveer 8,4 GiB"' in g["melding"]
    assert "(max_geheugen_gb)" in g["melding"]


def test_analysebestand_met_een_enorm_rooster(grenzen: dict[str, Any]) -> None:
    """1000 × 100.000 × 100.000 = 10^13 scenarios from three ranges in the file: exit 2 at once."""
    g = grenzen["opdrachtregel"]
    assert g["code"] == 2
    assert g["tijd"] < SNEL
    assert g["melding"].startswith(
        f'tarieven: Ongeldige invoer in {grenzen["bestand"]}: rooster.rooster = "10.000.000.000.000 scenario\'s": '
        "verwacht hoogstens 10.000.000 scenario's (max_scenarios)"
    )
    assert "de sleutel max_scenarios in het analysebestand" in g["melding"]
    assert "Traceback" not in g["melding"]


def test_grens_verhogen_werkt(g1: dict[str, Any]) -> None:
    """The limits are the user's to raise (or lower): the same request under a lower limit is refused."""
    variaties = {"product.groepsgrootte": [8, 10], "product.bezettingsgraad": [0.8, 0.9]}
    assert len(analyse.rooster(g1, variaties, regels=["tarief_per_client"])) == 4
    bericht = snel_geweigerd(lambda: analyse.rooster(g1, variaties, max_scenarios=3))
    assert "rooster = \"4 scenario's\": verwacht hoogstens 3 scenario's (max_scenarios)" in bericht
    bericht = snel_geweigerd(lambda: analyse.rooster(g1, variaties, max_scenarios=10**9, max_geheugen_gb=1e-9))
    assert "(max_geheugen_gb)" in bericht
    assert "max_scenarios = 'veel': verwacht een getal groter dan 0" in snel_geweigerd(
        lambda: analyse.rooster(g1, variaties, max_scenarios="veel")  # type: ignore[arg-type]
    )


# -- output files ----------------------------------------------------------------------------------


def test_standaarduitvoer_van_monte_carlo_is_klein(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """100.000 draws used to be written whole (86 MB); now the percentiles, the draws only on request.

    By hand: one row per drawn input and line (1 input + g1's 45 lines), 3 percentiles and
    the mean: 46 rows of some 100 bytes, well under 20 kB."""
    pad = schrijf(
        tmp_path / "a.toml",
        f'scenario = "{G1.as_posix()}"\nuitvoer = "uit"\n[montecarlo]\nn = 100000\n[montecarlo.verdelingen]\n'
        '"product.bezettingsgraad" = { verdeling = "uniform", laag = 0.7, hoog = 0.9 }\n',
    )
    code, _, err = opdracht(capsys, "scenario", str(pad))
    assert code == 0, err
    bestanden = {p.name: p.stat().st_size for p in (tmp_path / "uit").iterdir()}
    assert list(bestanden) == ["montecarlo-percentielen.csv"]
    assert bestanden["montecarlo-percentielen.csv"] < 20_000
    percentielen = pd.read_csv(tmp_path / "uit" / "montecarlo-percentielen.csv")
    assert list(percentielen.columns) == ["naam", "P5", "P50", "P95", "gemiddelde"]
    assert len(percentielen) == 1 + 45


def test_groot_csv_wordt_eerst_aangekondigd(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warning before a large CSV, shown with the limit lowered from 100 MB to 1 MB: a grid of
    30 × 100 = 3000 rows of 2 inputs + 45 lines + warnings (+ the index) = 49 cells of about 20
    bytes is estimated at 3000 × 49 × 20 = 2,94 MB (shown rounded down: 2 MB)."""
    monkeypatch.setattr(cli_scenario, "GROOT_BESTAND", 1_000_000)
    pad = schrijf(
        tmp_path / "a.toml",
        f'scenario = "{G1.as_posix()}"\nuitvoer = "uit"\n[rooster]\n'
        '"product.groepsgrootte" = { van = 1, tot = 30, aantal = 30 }\n'
        '"product.bezettingsgraad" = { van = 0.5, tot = 1.0, aantal = 100 }\n',
    )
    code, _, err = opdracht(capsys, "scenario", str(pad))
    assert code == 0, err
    assert err.index("tarieven: waarschuwing: rooster.csv wordt ongeveer 2 MB\n") < err.index("geschreven:")
    assert (tmp_path / "uit" / "rooster.csv").stat().st_size > 1_000_000  # the warning was warranted
