"""What the README promises about the files beside it: every notebook in its table."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_readme_noemt_elk_notebook() -> None:
    """The README's notebook table has a row for every notebook in notebooks/ (it stopped at 06)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tabel = readme[readme.index("| notebook | over |") :].split("\n\n", 1)[0]
    rijen = re.findall(r"^\| (\d\d) \|", tabel, flags=re.M)
    notebooks = sorted(p.name[:2] for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.py"))
    assert len(notebooks) >= 8
    assert rijen == notebooks
    lijst = (ROOT / "notebooks" / "README.md").read_text(encoding="utf-8")
    for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.py"):
        assert f"]({p.name})" in lijst
