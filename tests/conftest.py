"""Shared fixtures and hypothesis profiles.

Profiles: ``ci`` (default; derandomised, so CI is reproducible) and ``fuzz`` (10,000
examples per test, random): ``HYPOTHESIS_PROFILE=fuzz pytest tests/test_eigenschappen.py``
or ``tests/robuustheid/test_fuzz.py``.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

settings.register_profile(
    "ci", derandomize=True, max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fuzz", max_examples=10_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

GOLDEN = Path(__file__).parent / "golden"
ROOT = Path(__file__).parents[1]
SCENARIO_GOLDENS = sorted(p.name for p in GOLDEN.glob("g[1-5]-*.json"))


def lees_golden(naam: str) -> dict[str, Any]:
    return json.loads((GOLDEN / naam).read_text(encoding="utf-8"))


@pytest.fixture
def g1() -> dict[str, Any]:
    """Golden g1 (dagbesteding licht, staff from a ratio with a mix) as a fresh dict."""
    d = lees_golden("g1-dagbesteding-licht.json")
    d.pop("verwacht")
    return d


@pytest.fixture
def g3() -> dict[str, Any]:
    """Golden g3 (dagbehandeling B cat. 3, explicit staff counts) as a fresh dict."""
    d = lees_golden("g3-dagbehandeling-b-cat3.json")
    d.pop("verwacht")
    return d


fracties = st.floats(0.0, 0.5, allow_nan=False)


def functie_strategie() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "maandsalaris": st.floats(2600, 9000),  # above the statutory minimum wage at 40 h a week
            "vakantietoeslag": st.floats(0, 0.1),
            "eindejaarsuitkering": st.floats(0, 0.1),
            "werkgeverslasten": st.floats(0, 0.4),
            "overige_personeelskosten": st.floats(0, 0.1),
            "uren_per_week": st.floats(20, 40),
            "weken_per_jaar": st.just(52.143),
            "verlofuren": st.floats(0, 250),
            "verzuim": st.floats(0, 0.15),
            "scholingsuren": st.floats(0, 80),
            "productiviteit": st.floats(0.5, 1.0),
        }
    )


@st.composite
def scenarios(draw: st.DrawFn, ratio: bool | None = None, componenten: bool = False) -> dict[str, Any]:
    """Valid scenario dicts in the golden schema, with staff from a ratio or from counts.

    ``componenten=True``: employer charges built from premiums and pension (MODEL.md 1)."""
    functies = {"mbo": draw(functie_strategie()), "hbo": draw(functie_strategie()), "wo": draw(functie_strategie())}
    gebruik_ratio = draw(st.booleans()) if ratio is None else ratio
    product: dict[str, Any] = {
        "eenheid": "dagdeel",
        "groepsgrootte": draw(st.integers(4, 20)),  # a group: with 1 child and 4 staff the tariff leaves the sane range
        "bezettingsgraad": draw(st.floats(0.5, 1.0)),
        "duur_uur": draw(st.floats(0.5, 8)),
        "extra_uur": {"mbo": draw(st.floats(0, 2)), "hbo": draw(st.floats(0, 2))},
        "indirect_uur": {"wo": draw(st.floats(0, 2))},
        "huisvesting_jaar": draw(st.floats(0, 60_000)),
        "eenheden_per_jaar": draw(st.floats(200, 1000)),
        "materieel_per_client": draw(st.floats(0, 20)),
    }
    if gebruik_ratio:
        mbo = draw(st.floats(0, 1))
        product["ratio"] = {
            "kinderen_per_medewerker": draw(st.integers(1, 10)),
            "afronding": draw(st.sampled_from(["naar_boven", "exact"])),
            "mix": {"mbo": mbo, "hbo": 1 - mbo},
        }
    else:
        product["personeel"] = [
            {"functie": "mbo", "aantal": draw(st.integers(0, 4))},
            {"functie": "hbo", "aantal": draw(st.integers(1, 4))},
        ]
    grondslag = draw(st.sampled_from(["aandeel_integrale_kostprijs", "opslag_op_kostprijs"]))
    uit: dict[str, Any] = {
        "functies": functies,
        "product": product,
        "opslagen": {
            "overhead": draw(fracties),
            "overhead_grondslag": grondslag,
            "risico_opslag": draw(st.floats(0, 0.1)),
        },
    }
    if componenten:
        for f in functies.values():
            f["werkgeverslasten"] = "componenten"
        uit["werkgeverslasten"] = {
            "premies": {
                "awf": draw(st.floats(0, 0.08)),
                "aof": draw(st.floats(0, 0.08)),
                "zvw": draw(st.floats(0, 0.07)),
            },
            "maximum_premieloon": draw(st.floats(30_000, 90_000)),
            "pensioen": {
                "premie": draw(st.floats(0, 0.3)),
                "premie_ap": draw(st.floats(0, 0.05)),
                "franchise": draw(st.floats(0, 30_000)),
                "franchise_ap": draw(st.floats(0, 90_000)),
                "maximum_pensioengevend_salaris": draw(st.floats(60_000, 150_000)),
                "werkgeversdeel": draw(st.floats(0, 1)),
            },
        }
    return uit


def kopie(d: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(d)


@pytest.fixture(scope="session")
def wielkopie(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder laid out as the installed wheel (``tarieven/`` with ``params/`` inside and the
    parsed twins the build hook writes, by the same function); put it on ``PYTHONPATH``.
    Cheaper than building the wheel (``tests/wheel`` does that)."""
    import shutil

    from tarieven.leescache import schrijf_tweelingen

    site = tmp_path_factory.mktemp("wiel")
    shutil.copytree(ROOT / "tarieven", site / "tarieven", ignore=shutil.ignore_patterns("__pycache__"))
    for naam in ("params", "docs", "voorbeelden"):
        shutil.copytree(ROOT / naam, site / "tarieven" / naam, ignore=shutil.ignore_patterns("__pycache__", "_build"))
    list(schrijf_tweelingen(ROOT / "params", site / "tarieven" / "params"))
    return site
