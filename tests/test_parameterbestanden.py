"""Loading parameter files (tarieven.parameterbestanden): lazy loading, strictness.

The parsed twins of the bundled files: tests/veiligheid/test_cache.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tarieven.fouten import InvoerFout
from tarieven.parameterbestanden import laad_map

VOORBEELD = Path(__file__).parent / "params_voorbeeld"


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
