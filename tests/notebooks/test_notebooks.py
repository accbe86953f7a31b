"""Every notebook executes from a clean kernel; a notebook that no longer runs fails here.

Notebooks are jupytext percent-format .py files under ``notebooks/``; they assert the
figures they show. Run with ``nox -s notebooks`` (needs the ``notebooks`` extra).
"""

from __future__ import annotations

from pathlib import Path

import jupytext
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).parents[2] / "notebooks").glob("*.py"))


def test_er_zijn_notebooks() -> None:
    assert NOTEBOOKS


@pytest.mark.parametrize("pad", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_draait(pad: Path, tmp_path: Path) -> None:
    """Run from an empty temporary folder: a notebook may not depend on the working directory."""
    nb = jupytext.read(pad)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
