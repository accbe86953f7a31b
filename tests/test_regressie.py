"""Regression: every bundled product and every example scenario gives the pinned results.

The fixtures in ``tests/regressie/`` were written by ``tests/regressie/maak.py`` before the
rebuild around one definition per formula; they pin every breakdown line to the cent
(and the full-precision float to 1e-12 relative), so a refactoring cannot move a tariff
unnoticed. A deliberate change of parameters or method re-pins them by running the script
and says so in its commit.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pytest

import tarieven

MAP = Path(__file__).parent / "regressie"
VOORBEELDEN = Path(__file__).parents[1] / "voorbeelden"
FIXTURES = sorted(MAP.glob("*.json"))


def _bereken(naam: str) -> tarieven.Uitkomst:
    if naam.startswith("voorbeeld-"):
        return tarieven.bereken(VOORBEELDEN / f"{naam.removeprefix('voorbeeld-')}.toml")
    code, datum = naam.removeprefix("product-").rsplit("-", 3)[0], naam[-10:]
    return tarieven.bereken(code, dt.date.fromisoformat(datum))


def test_alle_fixtures_aanwezig() -> None:
    """13 products at two dates plus the example scenarios: nothing silently unpinned."""
    assert len([p for p in FIXTURES if p.name.startswith("product-")]) == 2 * 13
    assert {p.stem.removeprefix("voorbeeld-") for p in FIXTURES if p.name.startswith("voorbeeld-")} == {
        p.stem for p in VOORBEELDEN.glob("*.toml")
    }


@pytest.mark.parametrize("pad", FIXTURES, ids=lambda p: p.stem)
def test_regels_gelijk_aan_vastgelegd(pad: Path) -> None:
    verwacht: dict[str, Any] = json.loads(pad.read_text(encoding="utf-8"))
    u = _bereken(pad.stem)
    assert u.eenheid == verwacht["eenheid"]
    namen = [r.naam for r in u]
    assert namen == list(verwacht["getoond"]), "dezelfde regels in dezelfde volgorde"
    for r in u:
        getoond = verwacht["getoond"][r.naam]
        if isinstance(getoond, str):
            assert str(r.afgerond) == getoond, r.naam
        else:
            assert round(r.waarde, 6) == pytest.approx(getoond, abs=1e-6), r.naam
        vol = float(verwacht["volle_precisie"][r.naam])
        assert math.isclose(r.waarde, vol, rel_tol=1e-12, abs_tol=1e-12), (r.naam, r.waarde, vol)
