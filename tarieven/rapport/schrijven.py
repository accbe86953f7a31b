"""A report to a file: HTML as it is made, PDF printed from the same HTML by WeasyPrint.

Why WeasyPrint: it is made for this job (HTML and CSS for paged media to PDF: ``@page``,
page breaks, running footers, page counters), is well kept, is Python from PyPI (the base
install), draws inline SVG itself, embeds subsets of real fonts (so the text of a PDF can be
selected and searched) and writes the same bytes for the same document. It needs one
system library, Pango (Debian: ``libpango-1.0-0`` and ``libpangoft2-1.0-0``), loaded only
when a PDF is written. The report is written once, as HTML; the PDF is that HTML printed,
so the two cannot say different things.

A report says when it was made: ``SOURCE_DATE_EPOCH`` (reproducible-builds.org) when set,
so that the same inputs give the same bytes, else now. The file appears whole in one step
(written next to it, then moved into place), and an existing file is replaced only when
asked.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from tarieven import uitvoerbestand
from tarieven.fouten import InvoerFout, Probleem
from tarieven.uitvoerbestand import BRONDATUM

__all__ = ["BRONDATUM", "FORMATEN", "controleer_pad", "gemaakt", "pdf", "schrijf"]

FORMATEN = {".html": "html", ".htm": "html", ".pdf": "pdf"}
"""The file name's extension chooses the format."""

PANGO = "libpango-1.0-0 libpangoft2-1.0-0"
"""The Debian packages WeasyPrint needs (the README names them; .ci/run installs them)."""


def gemaakt() -> dt.datetime:
    """When a report says it was made: ``SOURCE_DATE_EPOCH`` when set, else now (UTC, whole seconds);
    the one rule of every output (:func:`tarieven.uitvoerbestand.gemaakt`)."""
    return uitvoerbestand.gemaakt(zonder=None)


def controleer_pad(pad: str | os.PathLike[str], *, overschrijven: bool, optie: str = "-o") -> tuple[Path, str]:
    """The path and format (``html`` or ``pdf``) to write to, checked before anything is computed."""
    pad = Path(pad)
    formaat = FORMATEN.get(pad.suffix.lower())
    if formaat is None:
        raise InvoerFout([Probleem(optie, str(pad), "een bestandsnaam op .html of .pdf")])
    map_ = pad.parent
    if not map_.is_dir():
        raise InvoerFout([Probleem(optie, str(pad), f"een bestand in een bestaande map (er is geen map {map_})")])
    if pad.is_dir():
        raise InvoerFout([Probleem(optie, str(pad), "een bestandsnaam; dit is een map")])
    if not overschrijven and (pad.exists() or pad.is_symlink()):
        raise InvoerFout([Probleem(optie, str(pad), "een nieuw bestand; dit bestaat al (geef --overschrijf)")])
    if not os.access(map_, os.W_OK | os.X_OK):
        raise InvoerFout([Probleem(optie, str(pad), f"een map waarin geschreven kan worden ({map_} is dat niet)")])
    return pad, formaat


def pdf(html: str, *, optie: str = "-o") -> tuple[bytes, int]:
    """``html`` printed on A4 by WeasyPrint: the PDF and its number of pages. Nothing is fetched."""
    try:
        import weasyprint
    except (ImportError, OSError) as fout:  # OSError: Pango not found by cffi
        verwacht = (
            f"een PDF; daarvoor is WeasyPrint nodig met de systeembibliotheek Pango (Debian: apt-get install {PANGO}); "
            f"of schrijf .html ({fout})"
        )
        raise InvoerFout([Probleem(optie, "pdf", verwacht)]) from None
    ophalen = weasyprint.URLFetcher(allowed_protocols=())  # a report loads nothing from elsewhere
    logboek = logging.getLogger("weasyprint")
    niveau = logboek.level
    logboek.setLevel(logging.ERROR)  # not every SVG style property a plot has is a CSS property it knows
    try:
        document = weasyprint.HTML(string=html, url_fetcher=ophalen).render()
        inhoud = document.write_pdf()
    finally:
        logboek.setLevel(niveau)
    assert isinstance(inhoud, bytes)
    return inhoud, len(document.pages)


def schrijf(pad: Path, inhoud: bytes, *, overschrijven: bool, optie: str = "-o") -> Path:
    """``inhoud`` to ``pad`` in one step, as every output is written (:func:`tarieven.uitvoerbestand.atomair`)."""
    return uitvoerbestand.schrijf_bytes(pad, inhoud, overschrijven=overschrijven, optie=optie)
