"""A real spreadsheet engine recalculates every exported workbook: each named line equals the library.

Each workbook is written with a sentinel (-1) as the cached value of every formula, then
LibreOffice Calc (headless, through its UNO bridge: ``tests/libreoffice_herbereken.py``,
run by the system ``python3`` with ``python3-uno``) loads all of them in one batch, forces
``calculateAll()`` and stores them. Read back with openpyxl, every named line must equal
the library's unrounded value within 1e-6 euro, and no sentinel may survive (LibreOffice
keeps the cached values of an ``.xlsx`` on load unless told to recalculate).

Scenarios: every worked example (g1-g5), every bundled product (transport in each mode at
several distances) and a seeded sample of 24 provider scenarios on the products.

Without LibreOffice the test is skipped with the reason; in CI (``CI=true``) that is a
failure: ``.ci/run`` installs ``libreoffice-calc-nogui`` and ``python3-uno`` when missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pytest

import tarieven
from tarieven.formule import excel_naam

from .conftest import SCENARIO_GOLDENS, lees_golden

PEIL = "2027-01-01"
SCHILDWACHT = -1.0
SYSTEEM_PYTHON = "/usr/bin/python3"
HULP = Path(__file__).with_name("libreoffice_herbereken.py")


def _libreoffice() -> str | None:
    """None when LibreOffice with its Python bridge can be used, else why not."""
    if shutil.which("soffice") is None:
        return "soffice (LibreOffice Calc) staat niet op het pad"
    probeer = subprocess.run([SYSTEEM_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    if probeer.returncode != 0:
        return f"{SYSTEEM_PYTHON} kan 'uno' niet importeren (python3-uno)"
    return None


def _steekproef(n: int, seed: int = 2027) -> list[tuple[str, Any]]:
    """Provider scenarios on the bundled group products: own group size, occupancy, salaries,
    overhead (either basis), risk, staff counts or an exact ratio; some time-weighted."""
    rng = np.random.default_rng(seed)
    groep = [c for c in tarieven.producten() if c != "42A03"]
    uit: list[tuple[str, Any]] = []
    for i in range(n):
        code = str(rng.choice(groep))
        product: dict[str, Any] = {
            "groepsgrootte": int(rng.integers(4, 13)),
            "bezettingsgraad": round(float(rng.uniform(0.6, 1.0)), 4),
        }
        data: dict[str, Any] = {"basis": code, "product": product}
        data["functies"] = {"hbo": {"maandsalaris": round(float(rng.uniform(3500, 6000)), 2)}}
        data["opslagen"] = {
            "overhead": round(float(rng.uniform(0.05, 0.3)), 3),
            "risico_opslag": round(float(rng.uniform(0, 0.05)), 3),
        }
        if i % 3 == 0:
            data["opslagen"]["overhead_grondslag"] = "opslag_op_kostprijs"
        if i % 4 == 1 and code != "GGZ-groep":
            direct = tarieven.lees_scenario(code, PEIL).structuur.direct
            product["personeel"] = [{"functie": f, "aantal": int(rng.integers(1, 3))} for f in direct]
        elif i % 4 == 2 and code != "GGZ-groep":
            product["ratio"] = {"afronding": "exact"}
        if i % 5 == 4:
            data["tariefjaar"] = 2025
        else:
            data["peildatum"] = PEIL
        uit.append((f"steekproef-{i:02d}-{code}", data))
    return uit


def _gevallen() -> list[tuple[str, tarieven.Uitkomst]]:
    gevallen: list[tuple[str, Any]] = [(naam.removesuffix(".json"), _golden(naam)) for naam in SCENARIO_GOLDENS]
    for code in tarieven.producten():
        if code == "42A03":
            for vorm in ("groep", "groep_rolstoel", "individueel"):
                for km in (0, 7.5, 30):
                    gevallen.append(
                        (
                            f"{code}-{vorm}-{km}",
                            tarieven.bereken(code, PEIL, met={"product.afstand_km": km, "product.vorm": vorm}),
                        )
                    )
        else:
            gevallen.append((code, code))
    gevallen += _steekproef(24)
    uit = []
    for naam, s in gevallen:
        if isinstance(s, tarieven.Uitkomst):
            uit.append((naam, s))
        else:
            uit.append((naam, tarieven.bereken(s, PEIL if isinstance(s, str) else None)))
    return uit


def _golden(naam: str) -> dict[str, Any]:
    d = lees_golden(naam)
    d.pop("verwacht")
    return d


def _waarde(wb: Any, naam: str) -> Any:
    (blad, ref), *_ = wb.defined_names[naam].destinations
    return wb[blad][ref.replace("$", "")].value


def test_libreoffice_rekent_elke_werkmap_na(tmp_path: Path) -> None:
    reden = _libreoffice()
    if reden is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"LibreOffice ontbreekt in CI ({reden}); .ci/run installeert libreoffice-calc-nogui")
        pytest.skip(f"LibreOffice niet beschikbaar: {reden} (apt-get install libreoffice-calc-nogui python3-uno)")
    gevallen = _gevallen()
    assert len(gevallen) >= 5 + 13 + 9 + 20
    (tmp_path / "in").mkdir()
    (tmp_path / "uit").mkdir()
    for naam, u in gevallen:
        u.naar_excel(tmp_path / "in" / f"{naam}.xlsx", schildwacht=SCHILDWACHT)
    start = time.perf_counter()
    proces = subprocess.run(
        [SYSTEEM_PYTHON, str(HULP), str(tmp_path / "uit"), *sorted(str(p) for p in (tmp_path / "in").iterdir())],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    duur = time.perf_counter() - start
    assert proces.returncode == 0, proces.stderr
    print(f"{proces.stdout.splitlines()[0]}: {len(gevallen)} werkmappen herberekend in {duur:.1f} s", file=sys.stderr)
    fouten = []
    for naam, u in gevallen:
        wb = openpyxl.load_workbook(tmp_path / "uit" / f"{naam}.xlsx", data_only=True)
        for r in u:
            x = _waarde(wb, excel_naam(r.naam))
            if x == SCHILDWACHT or not isinstance(x, (int, float)) or abs(x - r.waarde) > 1e-6:
                fouten.append(f"{naam}: {r.naam} = {x!r}, de bibliotheek geeft {r.waarde!r}")
    assert not fouten, "\n".join(fouten[:20])
