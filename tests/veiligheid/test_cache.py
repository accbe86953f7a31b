"""Issue 18, class 1: no state outside the installed package and the user's own files changes a result.

The parse cache under ``~/.cache/tarieven`` is gone: every attack on it is built here (poisoned
and corrupt entries where the old cache looked, a FIFO, a symbolic link to /dev/zero, a 3 GB
file) and none changes a number or stops a command. What remains are the parsed twins built
into the wheel (:mod:`tarieven.leescache`), read only from the package's own folder and only
when their hash matches the TOML beside them; the tests below point the package's folder at a
copy laid out as the wheel.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tarieven import leescache
from tarieven._versie import __version__
from tarieven.lezen import lees_bestand
from tarieven.parameterbestanden import params_pad

from ._hulp import draai, fout

ROOT = Path(__file__).parents[2]
PEIL = "2025-06-01"


def _tarief(r: Any) -> str:
    assert r.returncode == 0, r.stderr
    return str(json.loads(r.stdout)["tarief_per_client"])


def _met_datums(x: Any) -> Any:
    """JSON for data with dates, as the old cache wrote it."""
    import datetime as dt

    if isinstance(x, dict):
        return {k: _met_datums(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_met_datums(v) for v in x]
    if isinstance(x, dt.date):
        return {"__datum__": x.isoformat()}
    return x


def _vergiftigd(data: Any) -> Any:
    """The data with every salary table (a list of numbers under ``waarde``) raised by 20 %."""
    if isinstance(data, dict):
        return {
            k: [x * 1.2 for x in v] if k == "waarde" and isinstance(v, list) else _vergiftigd(v)
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [_vergiftigd(v) for v in data]
    return data


def _oude_cachesleutel(pad: Path) -> str:
    """The name under which the old cache kept a file: a hash of the version and the file's bytes."""
    return hashlib.sha256(__version__.encode() + b"\0" + pad.read_bytes()).hexdigest()[:40] + ".json"


def test_vergiftigde_cache_verandert_geen_tarief(tmp_path: Path) -> None:
    """Rewritten salaries where the old cache looked (its variable, XDG, ~/.cache) move nothing."""
    thuis, xdg, eigen = tmp_path / "thuis", tmp_path / "xdg", tmp_path / "cache"
    for map_ in (thuis / ".cache" / "tarieven", xdg / "tarieven", eigen):
        map_.mkdir(parents=True)
        for toml in sorted(params_pad().rglob("*.toml")):
            data = _vergiftigd(lees_bestand(toml, soort="parameterbestand"))
            (map_ / _oude_cachesleutel(toml)).write_text(json.dumps(_met_datums(data)), encoding="utf-8")
    argv = ("bereken", "41A22", "--peildatum", PEIL, "--formaat", "json")
    schoon = _tarief(draai(*argv, cwd=tmp_path, omgeving={"HOME": str(tmp_path / "leeg")}))
    vergiftigd = draai(
        *argv, cwd=tmp_path, omgeving={"HOME": str(thuis), "XDG_CACHE_HOME": str(xdg), "TARIEVEN_CACHE": str(eigen)}
    )
    assert _tarief(vergiftigd) == schoon
    controle = draai(
        "parameters", "--controle", cwd=tmp_path, omgeving={"HOME": str(thuis), "XDG_CACHE_HOME": str(xdg)}
    )
    assert controle.returncode == 0, controle.stderr


@pytest.mark.parametrize("inhoud", ["{kapot", "", "\x00\x01", "[" * 100_000])
def test_kapotte_cache_geeft_geen_traceback(tmp_path: Path, inhoud: str) -> None:
    thuis = tmp_path / "thuis"
    map_ = thuis / ".cache" / "tarieven"
    map_.mkdir(parents=True)
    for toml in params_pad().rglob("*.toml"):
        (map_ / _oude_cachesleutel(toml)).write_text(inhoud, encoding="utf-8")
    r = draai("bereken", "41A22", "--peildatum", PEIL, cwd=tmp_path, omgeving={"HOME": str(thuis)})
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr


def test_niets_buiten_de_eigen_bestanden_geschreven(tmp_path: Path) -> None:
    """A confidential --parameters file is read and nothing is kept of it: HOME, the cache
    folders and the temporary folder stay empty."""
    thuis, xdg, tmp = tmp_path / "thuis", tmp_path / "xdg", tmp_path / "tmp"
    for map_ in (thuis, xdg, tmp):
        map_.mkdir()
    geheim = tmp_path / "werk" / "cao-jeugdzorg.toml"
    geheim.parent.mkdir()
    shutil.copy(ROOT / "tests" / "params_voorbeeld" / "cao-jeugdzorg.toml", geheim)
    omgeving = {"HOME": str(thuis), "XDG_CACHE_HOME": str(xdg), "TMPDIR": str(tmp)}
    r = draai(
        "bereken", "41A22", "--peildatum", PEIL, "--parameters", str(geheim), cwd=geheim.parent, omgeving=omgeving
    )
    assert r.returncode == 0, r.stderr
    assert [p for m in (thuis, xdg, tmp) for p in m.rglob("*")] == []
    assert sorted(p.name for p in geheim.parent.iterdir()) == ["cao-jeugdzorg.toml"]


# -- a parameter file that is no file --------------------------------------------------------------


def _fifo(pad: Path) -> Path:
    os.mkfifo(pad)
    return pad


def _nul(pad: Path) -> Path:
    pad.symlink_to("/dev/zero")
    return pad


def _drie_gb(pad: Path) -> Path:
    with pad.open("wb") as f:  # sparse: takes no disk, but reads as 3 GB of zeros
        f.truncate(3 * 10**9)
    return pad


@pytest.mark.parametrize(
    ("maak", "melding"),
    [
        (_fifo, "verwacht een parameterbestand als gewoon bestand; dit is geen gewoon bestand (een pijp"),
        (_nul, "verwacht een parameterbestand als gewoon bestand; dit is geen gewoon bestand (een pijp"),
        (_drie_gb, "verwacht een parameterbestand van hoogstens 10 MB (dit is 3.000.000.000 bytes)"),
    ],
)
def test_parameterbestand_dat_geen_bestand_is(tmp_path: Path, maak: Any, melding: str) -> None:
    """In a --parameters folder: refused at once, without waiting on a FIFO or reading 3 GB
    (under a 500 MB limit), naming the file."""
    (tmp_path / "eigen").mkdir()
    pad = maak(tmp_path / "eigen" / "cao-jeugdzorg.toml")
    r = draai("bereken", "41A22", "--peildatum", PEIL, "--parameters", str(pad.parent), cwd=tmp_path, tijd=30)
    bericht = fout(r)
    assert str(pad) in bericht
    assert melding in bericht


# -- the parsed twins built into the wheel ------------------------------------------------------


@pytest.fixture
def pakket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The package's own parameter folder, pointed at a copy with the twins the wheel carries."""
    map_ = tmp_path / "pakket" / "params"
    shutil.copytree(params_pad(), map_)
    list(leescache.schrijf_tweelingen(map_, map_))
    monkeypatch.setattr(leescache, "_EIGEN_MAP", map_)
    return map_


@pytest.fixture
def geparseerd(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files whose TOML was parsed (not taken from a twin)."""
    paden: list[Path] = []
    echt = leescache.ontleed_bestand

    def ontleed(ruw: bytes, pad: Any, **kw: Any) -> dict[str, Any]:
        paden.append(Path(pad))
        return echt(ruw, pad, **kw)

    monkeypatch.setattr(leescache, "ontleed_bestand", ontleed)
    return paden


def test_tweeling_in_het_pakket_wordt_gebruikt_en_is_gelijk(pakket: Path, geparseerd: list[Path]) -> None:
    for toml in sorted(pakket.rglob("*.toml")):
        assert leescache.lees_parameterbestand(toml) == lees_bestand(toml, soort="parameterbestand")
    assert geparseerd == []


def _vergiftig_tweeling(toml: Path) -> Path:
    """A twin beside ``toml`` with the right hash of its bytes and raised salaries."""
    data = _vergiftigd(lees_bestand(toml, soort="parameterbestand"))
    twin = toml.with_name(toml.name + ".json")
    inhoud = {"sha256": hashlib.sha256(toml.read_bytes()).hexdigest(), "data": _met_datums(data)}
    twin.write_text(json.dumps(inhoud), encoding="utf-8")
    return twin


def test_tweeling_naast_een_eigen_bestand_wordt_niet_gelezen(tmp_path: Path, geparseerd: list[Path]) -> None:
    """A user's folder (``--parameters``) with a poisoned twin of matching hash: the TOML counts."""
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    toml = eigen / "cao-jeugdzorg.toml"
    shutil.copy(params_pad() / "cao-jeugdzorg.toml", toml)
    _vergiftig_tweeling(toml)
    assert leescache.lees_parameterbestand(toml) == lees_bestand(toml, soort="parameterbestand")
    assert geparseerd == [toml]
    argv = ("bereken", "41A22", "--peildatum", PEIL, "--formaat", "json", "--parameters", str(eigen))
    met_tweeling = _tarief(draai(*argv, cwd=tmp_path))
    (eigen / "cao-jeugdzorg.toml.json").unlink()
    assert _tarief(draai(*argv, cwd=tmp_path)) == met_tweeling


def test_verouderde_tweeling_wordt_niet_gelezen(pakket: Path, geparseerd: list[Path]) -> None:
    """A TOML edited after the wheel was built: its twin's hash no longer matches, the TOML counts."""
    toml = pakket / "minimumloon.toml"
    tekst = toml.read_text(encoding="utf-8")
    assert 'status = "indicatief"' in tekst
    toml.write_text(tekst.replace('status = "indicatief"', 'status = "zeker"', 1), encoding="utf-8")
    data = leescache.lees_parameterbestand(toml)
    assert geparseerd == [toml]
    assert "zeker" in json.dumps(_met_datums(data))


@pytest.mark.parametrize(
    "inhoud",
    [
        "{kapot",
        "",
        "[]",
        '{"sha256": 5, "data": {}}',
        "[" * 100_000 + "]" * 100_000,
        "SLEUTEL",  # replaced by the right hash, with a date that is no date
    ],
)
def test_kapotte_tweeling_wordt_niet_gelezen(pakket: Path, geparseerd: list[Path], inhoud: str) -> None:
    toml = pakket / "minimumloon.toml"
    if inhoud == "SLEUTEL":
        sleutel = hashlib.sha256(toml.read_bytes()).hexdigest()
        inhoud = json.dumps({"sha256": sleutel, "data": {"bestand": {"__datum__": 5}}})
    toml.with_name(toml.name + ".json").write_text(inhoud, encoding="utf-8")
    assert leescache.lees_parameterbestand(toml) == lees_bestand(toml, soort="parameterbestand")
    assert geparseerd == [toml]


def test_tweeling_als_koppeling_pijp_of_reus_wordt_niet_gelezen(
    pakket: Path, geparseerd: list[Path], tmp_path: Path
) -> None:
    tomls = [pakket / "minimumloon.toml", pakket / "functies.toml", pakket / "indexatie-vng.toml"]
    vergiftigd = _vergiftig_tweeling(tomls[0]).rename(tmp_path / "elders.json")
    tomls[0].with_name(tomls[0].name + ".json").symlink_to(vergiftigd)  # a link to a twin of matching hash
    twin = tomls[1].with_name(tomls[1].name + ".json")
    twin.unlink()
    os.mkfifo(twin)  # opened without waiting, then refused
    twin = tomls[2].with_name(tomls[2].name + ".json")
    with twin.open("r+b") as f:
        f.truncate(leescache.MAX_TWEELING + 1)  # refused from its size, never read
    for toml in tomls:
        assert leescache.lees_parameterbestand(toml) == lees_bestand(toml, soort="parameterbestand")
    assert geparseerd == tomls
