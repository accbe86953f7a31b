"""Sphinx configuration of the documentation site (``nox -s docs``).

Sphinx with myst-nb: the Dutch user guide (the README and the pages in ``docs/``), the
notebooks as the ``notebooks`` session executed them (copied into ``docs/notebooks/`` by the
``docs`` session, never executed again here: ``nb_execution_mode = "off"``), and the API
reference from the numpydoc docstrings. Warnings are errors (``sphinx-build -W``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import jupytext
import nbformat
from sphinx.util import logging

import tarieven

project = "tarieven"
author = "tarieven developers"
copyright = f"{dt.date.today().year}, {author}"
release = version = tarieven.__version__
language = "nl"

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "schema", "notebooks/.ipynb_checkpoints", "**/README.md"]

# the notebooks arrive executed from the notebooks session: never run them a second time
nb_execution_mode = "off"
nb_execution_raise_on_error = True
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
# The table of contents (index.md) ends with a glob: the background pages in docs/
# (architectuur.md, and pages added later) join by themselves instead of failing the build
# as "not in any toctree".

# API reference from numpydoc docstrings
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_rtype = False
autodoc_member_order = "bysource"
autodoc_typehints = "none"  # the signatures keep their annotations as written; no forward refs resolved
autodoc_default_options = {"members": True, "show-inheritance": False}

html_theme = "pydata_sphinx_theme"
html_title = f"tarieven {version}"
html_theme_options = {"navigation_with_keys": False, "show_toc_level": 2}
html_show_sourcelink = False


# The README links into the repository; on the site those files are pages of their own
# (parameters, bronnen, wijzigingen, the pages in docs/) or downloads (the JSON Schemas, the
# example scenario). Rewritten when the README is included (gebruik.md), nowhere else.
# params/BRONNEN.md is a working list for maintainers, not a page of the site: its name stays
# as text.
PAGINAS: dict[str, str | None] = {
    "params/README.md": "parameters.md",
    "params/BRONNEN.md": None,
    "CHANGELOG.md": "wijzigingen.md",
    "notebooks/README.md": "notebooks.md",
}


def _koppelingen(app: Any, pad: Path, ouder: str, inhoud: list[str]) -> None:
    if Path(pad).as_posix() != "../README.md":
        return
    tekst = inhoud[0]
    for van, naar in PAGINAS.items():
        if naar is None:
            tekst = re.sub(rf"\[([^\]]*)\]\({re.escape(van)}\)", r"\1", tekst)
        else:
            tekst = tekst.replace(f"]({van})", f"]({naar})")
    tekst = re.sub(r"\]\(docs/schema/([^)]+)\)", r"](path:schema/\1)", tekst)
    tekst = re.sub(r"\]\(docs/([^)#]+\.md(?:#[^)]*)?)\)", r"](\1)", tekst)  # an anchor after the name is kept
    tekst = re.sub(r"\]\((voorbeelden/[^)]+)\)", r"](path:../\1)", tekst)
    inhoud[0] = tekst


def _paginakoppelingen(app: Any, docname: str, inhoud: list[str]) -> None:
    """The pages in docs/ link to the repository's Markdown files as ``../params/README.md``
    (right on GitHub and in the package); on the site those are pages of their own or text,
    as for the README (:data:`PAGINAS`). An anchor after the name is kept."""
    tekst = inhoud[0]
    for van, naar in PAGINAS.items():
        patroon = rf"\[([^\]]*)\]\(\.\./{re.escape(van)}(#[^)]*)?\)"
        if naar is None:
            tekst = re.sub(patroon, r"\1", tekst)
        else:
            tekst = re.sub(patroon, lambda m, naar=naar: f"[{m.group(1)}]({naar}{m.group(2) or ''})", tekst)
    inhoud[0] = tekst


HIER = Path(__file__).parent
BRON = HIER.parent / "notebooks"
UITGEVOERD = HIER / "notebooks"


def controleer_notebooks() -> None:
    """Every notebook is here as executed by the notebooks session, from its current source.

    The site shows what the tests ran; a missing or stale executed notebook (its source
    changed since) stops the build instead of showing old figures.
    """
    problemen = []
    for pad in sorted(BRON.glob("*.py")):
        uitgevoerd = UITGEVOERD / f"{pad.stem}.ipynb"
        if not uitgevoerd.exists():
            problemen.append(f"{pad.name}: niet uitgevoerd")
            continue
        nb = nbformat.read(uitgevoerd, as_version=4)
        if [c.source for c in nb.cells] != [c.source for c in jupytext.read(pad).cells]:
            problemen.append(f"{pad.name}: gewijzigd sinds het werd uitgevoerd")
    if problemen:
        logging.getLogger(__name__).error(
            "De site toont de notebooks zoals 'nox -s notebooks' ze uitvoerde; draai eerst 'nox -s notebooks' "
            "en dan 'nox -s docs'. " + "; ".join(problemen)
        )


def setup(app: Any) -> None:
    app.connect("include-read", _koppelingen)
    app.connect("source-read", _paginakoppelingen)
    app.connect("builder-inited", lambda _app: controleer_notebooks())
