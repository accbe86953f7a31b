"""The bundled example scenarios are found by name from any working directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import tarieven
from tarieven.voorbeeldmap import voorbeelden_pad

ROOT = Path(__file__).parents[1]


def test_elk_bestand_in_voorbeelden_is_een_voorbeeld() -> None:
    namen = sorted(p.stem for p in (ROOT / "voorbeelden").glob("*.toml"))
    assert namen
    assert tarieven.voorbeelden() == namen
    for naam in namen:
        assert tarieven.voorbeeld(naam) == voorbeelden_pad() / f"{naam}.toml"
        assert tarieven.voorbeeld(f"{naam}.toml") == tarieven.voorbeeld(naam)


def test_voorbeeld_rekent_als_het_bestand() -> None:
    pad = tarieven.voorbeeld("dagbesteding-licht")
    assert pad.samefile(ROOT / "voorbeelden" / "dagbesteding-licht.toml")
    assert str(tarieven.bereken(pad).regel("tarief_per_client").afgerond) == "90.48"  # golden g1


@pytest.mark.parametrize("naam", ["bestaat-niet", "../params/functies", "/etc/passwd", ""])
def test_onbekend_voorbeeld_noemt_de_bekende(naam: str) -> None:
    with pytest.raises(tarieven.OnbekendeNaam, match="dagbesteding-licht") as fout:
        tarieven.voorbeeld(naam)
    assert isinstance(fout.value, KeyError)
    assert "onbekende voorbeeld" in str(fout.value)


def test_gevonden_vanuit_een_andere_map(tmp_path: Path) -> None:
    """A kernel started in another folder finds the example the same way (no cwd involved)."""
    code = (
        "import tarieven; u = tarieven.bereken(tarieven.voorbeeld('dagbesteding-licht')); "
        "print(u.regel('tarief_per_client').toon())"
    )
    omgeving = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=omgeving, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "€ 90,48"
