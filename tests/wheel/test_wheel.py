"""The built wheel works on its own: installed in a fresh venv, from an empty folder,
every catalogue product prices with the bundled parameters.

Slow (builds and installs): run by ``nox -s build``, not by ``nox -s tests``.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
CODES = sorted(
    tomllib.loads(p.read_text(encoding="utf-8"))["product"]["code"]
    for p in (ROOT / "params" / "producten").glob("*.toml")
)


@pytest.fixture(scope="module")
def tarieven_exe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("wiel")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp), str(ROOT)], check=True)
    wiel = next(tmp.glob("tarieven-*.whl"))
    omgeving = tmp / "venv"
    venv.create(omgeving, with_pip=True)
    subprocess.run([str(omgeving / "bin" / "pip"), "install", "--quiet", str(wiel)], check=True)
    return omgeving / "bin" / "tarieven"


def _draai(exe: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], cwd=cwd, capture_output=True, text=True, check=False)


def test_wiel_bevat_parameters(tarieven_exe: Path, tmp_path: Path) -> None:
    r = _draai(tarieven_exe, "producten", "--peildatum", "2027-01-01", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    for code in CODES:
        assert f"\n{code} " in r.stdout


@pytest.mark.parametrize("code", CODES)
def test_elk_product_vanuit_een_lege_map(tarieven_exe: Path, tmp_path: Path, code: str) -> None:
    assert not any(tmp_path.iterdir())
    r = _draai(tarieven_exe, "bereken", code, "--peildatum", "2027-01-01", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    # transport without a distance lists its amounts per category; every other product its tariff
    assert ("vergoeding per aanwezigheidsdag" if code == "42A03" else "Tarief per cliënt per ") in r.stdout
    assert "Traceback" not in r.stderr


def test_wiel_levert_typen_mee(tarieven_exe: Path, tmp_path: Path) -> None:
    """PEP 561: tools that import tarieven get its type hints (py.typed in the package)."""
    python = tarieven_exe.parent / "python"
    code = "import pathlib, tarieven; print(pathlib.Path(tarieven.__file__).with_name('py.typed').is_file())"
    r = subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "True"


def test_vervoer_vanuit_een_lege_map(tarieven_exe: Path, tmp_path: Path) -> None:
    r = _draai(tarieven_exe, "bereken", "42A03", "--afstand", "3", "--vorm", "groep", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "categorie 1" in r.stdout


def test_wiel_bevat_de_methode(tarieven_exe: Path, tmp_path: Path) -> None:
    """Every explanation refers to docs/methode.md: it ships with the package (as tarieven/docs)."""
    python = tarieven_exe.parent / "python"
    code = (
        "import pathlib, tarieven; d = pathlib.Path(tarieven.__file__).with_name('docs'); "
        "print(sorted(p.name for p in d.glob('*.md')))"
    )
    r = subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert "methode.md" in r.stdout
    assert "scenario.md" in r.stdout


def test_voorbeelden_in_het_wiel(tarieven_exe: Path, tmp_path: Path) -> None:
    """The examples ship in the wheel and are read as package resources, from any folder."""
    python = tarieven_exe.parent / "python"
    code = (
        "import pathlib, tarieven; p = tarieven.voorbeeld('dagbesteding-licht'); "
        "print(p.is_relative_to(pathlib.Path(tarieven.__file__).parent)); "
        "print(tarieven.bereken(p).regel('tarief_per_client').toon())"
    )
    r = subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert r.stdout.split("\n")[:2] == ["True", "€ 90,48"]


def test_normenvoorbeeld_in_het_wiel(tarieven_exe: Path, tmp_path: Path) -> None:
    """The README's norms example ships in the wheel: normeer on it runs from any folder."""
    python = tarieven_exe.parent / "python"
    code = "from tarieven.voorbeeldmap import voorbeelden_pad; print(voorbeelden_pad() / 'normering')"
    uit = subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    map_ = Path(uit.strip())
    assert map_.is_relative_to(tarieven_exe.parents[1])  # in the installed package, not the repository
    r = _draai(
        tarieven_exe,
        "normeer",
        str(map_ / "inzendingen"),
        "--normen",
        str(map_ / "normen.toml"),
        "--peildatum",
        "2027-01-01",
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert "41A22: 4 inzendingen" in r.stdout


def test_tweelingen_gelijk_aan_hun_toml(tarieven_exe: Path, tmp_path: Path) -> None:
    """Every bundled parameter file has its parsed twin in the wheel, equal to what the strict
    reader makes of the TOML, with the TOML's hash; and the installed package parses no TOML."""
    python = tarieven_exe.parent / "python"
    code = (
        "import contextlib, hashlib, io, json, pathlib, sys, tarieven\n"
        "from tarieven.leescache import _datum_json\n"
        "from tarieven.lezen import lees_bestand\n"
        "params = pathlib.Path(tarieven.__file__).with_name('params')\n"
        "tomls = sorted(params.rglob('*.toml'))\n"
        "for toml in tomls:\n"
        "    tekst = toml.with_name(toml.name + '.json').read_text(encoding='utf-8')\n"
        "    twin = json.loads(tekst, object_hook=_datum_json)\n"
        "    assert twin['sha256'] == hashlib.sha256(toml.read_bytes()).hexdigest(), toml\n"
        "    assert twin['data'] == lees_bestand(toml, soort='parameterbestand'), toml\n"
        "del sys.modules['tomllib']\n"
        "from tarieven.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    assert main(['bereken', '41A22', '--peildatum', '2027-01-01']) == 0\n"
        "print(len(tomls), 'tomllib' in sys.modules)\n"
    )
    r = subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    aantal, toml_geladen = r.stdout.split()
    assert int(aantal) == len(list((ROOT / "params").rglob("*.toml")))
    assert toml_geladen == "False"
