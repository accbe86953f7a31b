"""Issue 11, class 4: nothing absurd passes silently.

An impossible value is an error naming key, value and what was expected; a merely
implausible one is accepted with a warning the user sees: in ``Uitkomst.waarschuwingen``,
in ``uitleg``, in the HTML display, in the JSON (``waarschuwingen``) and on the command
line's stderr (``tarieven: waarschuwing: ...``). Analysis files read only scenario files,
write only where they may and never over a file unasked.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import tarieven
from tarieven import InvoerFout, analyse
from tarieven.afronding import op_centen
from tarieven.parameterbestanden import params_pad

from ._hulp import G1, WEG, fout_van_opdracht, gewijzigd, opdracht, schrijf

PEIL = "2027-01-01"
"""Scenarios carry this peildatum, so the minimum wage in force is fixed: € 14,71 an hour from
2026-01-01 (params/minimumloon.toml)."""


@pytest.fixture
def s1(g1: dict[str, Any]) -> dict[str, Any]:
    """Golden g1 on :data:`PEIL`."""
    return {**g1, "peildatum": PEIL}


def fout(d: Any, **kwargs: Any) -> str:
    with pytest.raises(InvoerFout) as e:
        tarieven.bereken(d, **kwargs)
    return str(e.value)


def zichtbaar(u: tarieven.Uitkomst, tekst: str) -> None:
    """The warning ``tekst`` is shown everywhere a result is shown."""
    assert tekst in [str(w) for w in u.waarschuwingen]
    assert f"  - {tekst}" in u.uitleg()
    assert tekst in json.loads(u.to_json())["waarschuwingen"]
    assert "<b>Waarschuwingen</b>" in u._repr_html_()


def cli_waarschuwing(d: dict[str, Any], tekst: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = schrijf(tmp_path / "scenario.json", json.dumps(d))
    code, uit, err = opdracht(capsys, "bereken", str(pad), "--formaat", "json")
    assert code == 0, err
    assert f"tarieven: waarschuwing: {tekst}\n" in err
    assert tekst in json.loads(uit)["waarschuwingen"]


# -- salaries ----------------------------------------------------------------------------------


def test_salaris_boven_het_gebruikelijke_is_een_waarschuwing(
    s1: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = gewijzigd(s1, functies__hbo__maandsalaris=20_000)
    tekst = (
        "functies.hbo.maandsalaris = 20000: ongebruikelijk: gewoonlijk van € 2.650,00 /maand tot en met "
        "€ 17.500,00 /maand; klopt deze waarde?"
    )
    zichtbaar(tarieven.bereken(d), tekst)
    cli_waarschuwing(d, tekst, tmp_path, capsys)


# -- the group ---------------------------------------------------------------------------------


def test_bezetting_onder_de_helft_is_een_waarschuwing(
    s1: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """By hand from g1's lines (golden): groepskosten = 460,83 + 19,41 + 50,00 + 3,5 × 10 × 0,3 = 540,74;
    per client 540,74 / 3 = 180,25; / (1 − 0,25) × 1,03 = 247,54."""
    d = gewijzigd(s1, product__bezettingsgraad=0.3)
    u = tarieven.bereken(d)
    assert u.tarief == pytest.approx(247.54, abs=0.01)
    tekst = "product.bezettingsgraad = 0.3: ongebruikelijk: gewoonlijk van 50 % tot en met 100 %; klopt deze waarde?"
    zichtbaar(u, tekst)
    cli_waarschuwing(d, tekst, tmp_path, capsys)


# -- the files ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("weglaten", "melding"),
    [
        ('"product.indirect_uur"', "weglaten = 'product.indirect_uur': verwacht een lijst van invoer of tabellen"),
        ('["product.indirect_uur.w0"]', "weglaten = 'product.indirect_uur.w0': verwacht een lijst van invoer of "
         'tabellen van het basisproduct, zoals ["product.indirect_uur.wo"]; 41A22 heeft geen product.indirect_uur.w0'),
        ("[1, 2]", "weglaten = [1, 2]: verwacht een lijst van invoer of tabellen"),
    ],
)  # fmt: skip
def test_weglaten_is_een_lijst_van_bestaande_invoer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], weglaten: str, melding: str
) -> None:
    """A single string where a list is expected was split into one-letter keys (and removed nothing)."""
    pad = schrijf(tmp_path / "s.toml", f'basis = "41A22"\npeildatum = {PEIL}\nweglaten = {weglaten}\n')
    assert f"in {pad}: {melding}" in fout_van_opdracht(capsys, "bereken", str(pad))


def test_weglaten_zonder_basis(s1: dict[str, Any]) -> None:
    assert "weglaten = ['product.indirect_uur.wo']: verwacht een lijst" in fout(
        {**s1, "weglaten": ["product.indirect_uur.wo"]}
    )


# -- analysis files -----------------------------------------------------------------------------


GEHEIM = "hunter2-GEHEIM"


@pytest.mark.parametrize("uitvoer", ["../../elders", "/tmp/elders", "../naast"])
def test_uitvoer_alleen_binnen_de_map(tmp_path: Path, capsys: pytest.CaptureFixture[str], uitvoer: str) -> None:
    (tmp_path / "a").mkdir()
    analysebestand = schrijf(
        tmp_path / "a" / "a.toml", f'scenario = "{G1.as_posix()}"\nuitvoer = "{uitvoer}"\n[bekostiging]\n'
    )
    bericht = fout_van_opdracht(capsys, "scenario", str(analysebestand))
    assert f"uitvoer = '{uitvoer}': verwacht een map binnen de map van het analysebestand of de werkmap" in bericht
    assert "tarieven scenario BESTAND --uitvoer MAP" in bericht
    # the user may choose on the command line
    code, _, err = opdracht(capsys, "scenario", str(analysebestand), "--uitvoer", str(tmp_path / "gekozen"))
    assert code == 0, err
    assert (tmp_path / "gekozen" / "bekostiging.csv").is_file()


@pytest.mark.parametrize(
    ("sectie", "melding"),
    [
        ('[gevoeligheid]\nsleutels = "product.groepsgrootte"\n', "gevoeligheid.sleutels = 'product.groepsgrootte': "
         'verwacht een lijst van invoersleutels, zoals ["product.bezettingsgraad"]'),
        ('regels = "tarief_per_client"\n[bekostiging]\n',
         "regels = 'tarief_per_client': verwacht een lijst van regelnamen"),
        ("[montecarlo]\npercentielen = 50\n[montecarlo.verdelingen]\n"
         '"product.bezettingsgraad" = { verdeling = "uniform", laag = 0.7, hoog = 0.9 }\n',
         "montecarlo.percentielen = 50: verwacht een lijst van percentielen"),
    ],
)  # fmt: skip
def test_een_tekst_waar_een_lijst_hoort(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sectie: str, melding: str
) -> None:
    analysebestand = schrijf(tmp_path / "a.toml", f'scenario = "{G1.as_posix()}"\n{sectie}')
    assert f"in {analysebestand}: {melding}" in fout_van_opdracht(capsys, "scenario", str(analysebestand))
    with pytest.raises(InvoerFout, match=r"sleutels = 'product\.groepsgrootte': verwacht een lijst"):
        analyse.gevoeligheid(G1, "product.groepsgrootte")  # type: ignore[arg-type]
