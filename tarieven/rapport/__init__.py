"""Reports for the negotiating table: one tariff, or a cost study, as HTML or as PDF on A4.

::

    import tarieven
    u = tarieven.bereken("41A22", peildatum="2025-06-01")
    u.rapport("rapport.pdf")                     # or .html; the same as tarieven.rapport.schrijf_rapport(u, ...)

    from tarieven.normering import normeer
    tarieven.rapport.schrijf_normeringsrapport(normeer("inzendingen/"), "verslag.html")

What a report carries: :mod:`tarieven.rapport.tariefrapport` and
:mod:`tarieven.rapport.normeringsrapport`; how it is written (and why WeasyPrint prints the
PDF): :mod:`tarieven.rapport.schrijven`. An HTML report is one file that needs nothing else
(styles inline, plots as inline SVG, no script); the PDF is the same document on A4.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from tarieven.rapport.schrijven import controleer_pad, gemaakt, pdf, schrijf

if TYPE_CHECKING:
    from tarieven.normering import Normering
    from tarieven.uitkomst import Uitkomst
    from tarieven.vergelijkingsuitvoer import Vergelijking

__all__ = [
    "normeringsrapport_html",
    "rapport_html",
    "schrijf_normeringsrapport",
    "schrijf_rapport",
]


def _vergelijking(u: Uitkomst) -> Vergelijking | None:
    """For a scenario that builds on a product with inputs of its own (a provider's, or given with
    ``--met``), its comparison with that product on the same date and assumptions. Not for transport:
    the product prices no child without a distance and a form."""
    s = u.scenario
    if not isinstance(s.eigen.get("basis"), str) or not u.eigen_invoer() or s.structuur.vervoersvorm is not None:
        return None
    from tarieven.vergelijking import vergelijk

    return vergelijk(u)


def rapport_html(uitkomst: Uitkomst) -> str:
    """The report of one result as a self-contained HTML document (:mod:`tarieven.rapport.tariefrapport`)."""
    from tarieven.rapport.tariefrapport import tariefrapport

    return tariefrapport(uitkomst, gemaakt=gemaakt(), vergelijking=_vergelijking(uitkomst))


def normeringsrapport_html(normering: Normering) -> str:
    """The report of a cost study as a self-contained HTML document (:mod:`tarieven.rapport.normeringsrapport`)."""
    from tarieven.rapport.normeringsrapport import normeringsrapport

    return normeringsrapport(normering, gemaakt=gemaakt())


def _schrijf(html: str, pad: Path, formaat: str, overschrijven: bool, optie: str) -> tuple[Path, int | None]:
    if formaat == "pdf":
        inhoud, paginas = pdf(html, optie=optie)
        return schrijf(pad, inhoud, overschrijven=overschrijven, optie=optie), paginas
    return schrijf(pad, html.encode("utf-8"), overschrijven=overschrijven, optie=optie), None


def schrijf_rapport(
    uitkomst: Uitkomst, pad: str | os.PathLike[str], *, overschrijven: bool = True, optie: str = "pad"
) -> tuple[Path, int | None]:
    """Write the report of ``uitkomst`` to ``pad`` (``.html`` or ``.pdf``); returns the path and, for a
    PDF, its number of pages. ``overschrijven=False`` refuses an existing file."""
    doel, formaat = controleer_pad(pad, overschrijven=overschrijven, optie=optie)
    return _schrijf(rapport_html(uitkomst), doel, formaat, overschrijven, optie)


def schrijf_normeringsrapport(
    normering: Normering, pad: str | os.PathLike[str], *, overschrijven: bool = True, optie: str = "pad"
) -> tuple[Path, int | None]:
    """Write the report of a cost study to ``pad`` (``.html`` or ``.pdf``), as :func:`schrijf_rapport` does."""
    doel, formaat = controleer_pad(pad, overschrijven=overschrijven, optie=optie)
    return _schrijf(normeringsrapport_html(normering), doel, formaat, overschrijven, optie)
