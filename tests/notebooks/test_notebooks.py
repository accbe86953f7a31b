"""Every notebook executes from a clean kernel in an empty folder; a notebook that no longer runs fails here.

Notebooks are jupytext percent-format .py files under ``notebooks/``; they assert the
conclusions their prose states. Run with ``nox -s notebooks`` (needs the ``notebooks``
extra), which also keeps the executed notebooks (``TARIEVEN_NOTEBOOKS_UIT``) for the
documentation site, so the site shows exactly what was run here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).parents[2] / "notebooks").glob("*.py"))
UIT = os.environ.get("TARIEVEN_NOTEBOOKS_UIT")

# What a reader of a notebook never sees: the project's internal material (its specification,
# its copies of the source documents and their file names, its worked test examples). The
# documents themselves are cited by their public titles.
NIET_TONEN = re.compile(r"seed 0\d\d|seeds/|[0-9]{3}_[0-9a-f]{16}|golden|gouden voorbeeld|MODEL\.md|shared/", re.I)


PLOT = re.compile(r"\bplots\.[a-z_]+\(")


def test_er_zijn_notebooks() -> None:
    assert NOTEBOOKS


def _teksten(nb: nbformat.NotebookNode) -> list[str]:
    """Every source and every text output of a notebook (what a reader sees)."""
    uit = []
    for cel in nb.cells:
        uit.append(cel.source)
        for o in cel.get("outputs", []):
            uit.append(o.get("text", ""))
            uit.extend(str(v) for k, v in o.get("data", {}).items() if k.startswith("text/"))
            uit.extend(o.get("traceback", []))
    return uit


@pytest.mark.parametrize("pad", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_draait(pad: Path, tmp_path: Path) -> None:
    """Run from an empty temporary folder: a notebook may not depend on the working directory."""
    nb = jupytext.read(pad)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert not any(tmp_path.iterdir()), "een notebook schrijft niets in de map waarin het draait"
    gevonden = [m.group(0) for t in _teksten(nb) for m in NIET_TONEN.finditer(t)]
    assert not gevonden, f"{pad.name} toont interne verwijzingen: {sorted(set(gevonden))}"
    # every plot is in the executed notebook as a PNG (%matplotlib inline), for the documentation site
    figuren = sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
    aanroepen = sum(len(PLOT.findall(c.source)) for c in nb.cells if c.cell_type == "code")
    assert figuren == aanroepen > 0, f"{pad.name}: {aanroepen} plots getekend, {figuren} als PNG"
    if UIT:
        Path(UIT).mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, Path(UIT) / f"{pad.stem}.ipynb")
