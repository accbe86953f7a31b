"""Loading parameter files (tarieven.parameterbestanden): lazy loading and the parse cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tarieven.fouten import InvoerFout
from tarieven.parameterbestanden import CACHE_OMGEVING, laad_bestand, laad_map

VOORBEELD = Path(__file__).parent / "params_voorbeeld"


def test_cache_geeft_hetzelfde_en_wordt_gebruikt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_OMGEVING, str(tmp_path / "cache"))
    pad = VOORBEELD / "cao-jeugdzorg.toml"
    eerst = laad_bestand(pad)
    bestanden = list((tmp_path / "cache").glob("*.json"))
    assert len(bestanden) == 1  # written on the first read
    tweede = laad_bestand(pad)  # read from the cache
    assert tweede.parameters == eerst.parameters
    assert tweede.tekst == eerst.tekst


def test_kapotte_cache_wordt_genegeerd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_OMGEVING, str(tmp_path / "cache"))
    pad = VOORBEELD / "cao-jeugdzorg.toml"
    eerst = laad_bestand(pad)
    for f in (tmp_path / "cache").glob("*.json"):
        f.write_text("{kapot", encoding="utf-8")
    assert laad_bestand(pad).parameters == eerst.parameters


def test_cache_volgt_de_inhoud(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edited file is parsed again: the cache is keyed by the file's bytes, not its name."""
    monkeypatch.setenv(CACHE_OMGEVING, str(tmp_path / "cache"))
    map_ = tmp_path / "params"
    shutil.copytree(VOORBEELD, map_)
    pad = map_ / "cao-jeugdzorg.toml"
    laad_bestand(pad)
    inhoud = pad.read_text(encoding="utf-8")
    pad.write_text(inhoud.replace('status = "definitief"', 'status = "zeker"', 1), encoding="utf-8")
    with pytest.raises(InvoerFout, match="status = 'zeker'"):
        laad_bestand(pad)


def test_cache_uit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_OMGEVING, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    laad_bestand(VOORBEELD / "functies.toml")
    assert not list(tmp_path.rglob("*.json"))


def test_lui_laden_laadt_alleen_wat_gevraagd_wordt(tmp_path: Path) -> None:
    map_ = tmp_path / "params"
    shutil.copytree(VOORBEELD, map_)
    (map_ / "kapot.toml").write_text("dit is geen toml =", encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"kapot\.toml"):
        laad_map(map_)  # strict: every file
    lui = laad_map(map_, lui=True)
    assert lui.bestand("functies").titel  # the broken file is not touched
    with pytest.raises(InvoerFout, match="geldige TOML"):
        lui.bestand("kapot")


def test_producttekst_wordt_gecontroleerd(tmp_path: Path) -> None:
    """A typo in a product's text (afrondig) or a unit that is no choice is an error when loading."""
    map_ = tmp_path / "params"
    shutil.copytree(VOORBEELD, map_)
    pad = map_ / "producten" / "T1.toml"
    tekst = pad.read_text(encoding="utf-8")
    assert 'eenheid = "dagdeel"' in tekst
    pad.write_text(tekst.replace('eenheid = "dagdeel"', 'eenheid = "week"'), encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"product\.eenheid = 'week': verwacht een van 'dagdeel'"):
        laad_map(map_)
    pad.write_text(tekst.replace('eenheid = "dagdeel"', 'eenheid = "dagdeel"\nsoortje = "x"'), encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"product\.soortje = 'x': verwacht een tekst van een product"):
        laad_map(map_)
