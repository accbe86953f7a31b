"""The building blocks of a report page: one stylesheet, escaped text, tables, figures as inline SVG.

Every report (:mod:`tarieven.rapport.tariefrapport`, :mod:`tarieven.rapport.normeringsrapport`)
is one HTML document made of these pieces, so that the HTML and the PDF (the same document
printed by WeasyPrint, :mod:`tarieven.rapport.schrijven`) look alike and every text passes
through :func:`e` once: nothing a scenario or a submission says can become markup.

The document is self-contained: styles inline in one ``<style>``, plots as inline SVG
(matplotlib's own SVG, with its text drawn as paths, its comments and metadata removed and
its ids made unique per figure), no script, and nothing that a browser or printer would load
from elsewhere. The only addresses are the sources of the inputs, as links a reader may follow.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["CSS", "document", "e", "figuur", "legenda_onder", "link", "nieuwe_figuur", "sleutel", "tabel", "tekenen"]

BREEDTE_MM = 184.0
"""The width of the text on an A4 page between the margins (210 − 2 × 13 mm)."""

CSS = """
@page { size: A4; margin: 12mm 13mm 13mm 13mm;
  @bottom-left { content: element(voet); }
  @bottom-right { content: "pagina " counter(page) " van " counter(pages); font-size: 7pt; color: #555; } }
html { font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; font-size: 8.5pt; line-height: 1.25;
  color: #111; }
body { margin: 0; }
h1 { font-size: 14pt; margin: 0 0 1.2mm 0; color: #1c2f4f; }
h2 { font-size: 10.5pt; color: #1c2f4f; border-bottom: 0.7pt solid #1c2f4f; margin: 3mm 0 1.2mm 0;
  padding-bottom: 0.3mm; break-after: avoid; }
h3 { font-size: 8.8pt; margin: 2mm 0 0.6mm 0; break-after: avoid; }
p { margin: 0.7mm 0; }
ul { margin: 0.7mm 0; padding-left: 4.5mm; }
table { border-collapse: collapse; width: 100%; margin: 0.6mm 0; table-layout: fixed; }
th, td { padding: 0.1mm 1mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { border-bottom: 0.6pt solid #444; font-weight: bold; background: #eef1f6; }
tbody tr { break-inside: avoid; }
tr.kop, tr.kop + tr { break-after: avoid; }
tbody tr:nth-last-child(-n+2) { break-before: avoid; }
tbody tr:nth-child(even) td { background: #f6f7f9; }
tr.kop td { font-weight: bold; background: #e3e8f0 !important; padding-top: 0.4mm; }
tr.kop td .methode { font-weight: normal; color: #444; font-size: 7pt; }
tr.totaal td { font-weight: bold; border-top: 0.6pt solid #444; }
.getal { text-align: right; white-space: nowrap; overflow-wrap: normal; }
.getal .tekst { white-space: normal; overflow-wrap: anywhere; }
.klein, .klein td, .klein th { font-family: "Liberation Sans Narrow", "Arial Narrow", "DejaVu Sans Condensed",
  "Liberation Sans", sans-serif; font-size: 7.2pt; line-height: 1.12; }
.sleutel { color: #3d4f6e; overflow-wrap: normal; }
.hash { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 7pt; }
.grijs { color: #555; }
.waarschuwing { color: #8c1c13; }
.deel { break-before: page; }
.bronnen { columns: 2; column-gap: 5mm; }
.bronnen p { margin: 0 0 0.2mm 0; font-size: 7pt; line-height: 1.15; break-inside: avoid; }
table.paren td:nth-child(5), table.paren th:nth-child(5) { border-left: 0.6pt solid #bbb; }
.samen { break-inside: avoid; }
figure { margin: 0.8mm 0; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
.tarief { font-size: 20pt; font-weight: bold; color: #1c2f4f; margin: 0.5mm 0; }
.band { font-size: 10pt; margin-bottom: 1mm; }
table.gegevens th { font-weight: normal; color: #444; background: none; border: 0; }
table.gegevens td, table.gegevens th { padding: 0.15mm 1mm; background: none !important; }
table.naast > tbody > tr > td { padding: 0 2mm 0 0; background: none !important; }
a { color: inherit; text-decoration: none; }
.voet { position: running(voet); font-size: 7pt; color: #555; }
@media screen {
  body { max-width: 184mm; margin: 8mm auto; padding: 0 6mm; }
  .deel, .vervolg { border-top: 1pt dashed #999; margin-top: 8mm; padding-top: 2mm; }
  .voet { display: none; }
  html { zoom: 1.2; }
}
"""
"""The one stylesheet of every report: A4, page breaks between the parts (a ``deel``; a ``vervolg`` follows on
on the same page), numbers right-aligned, no text under 7pt; tables dense (a provider's report fits three pages)
and broken between pages where a reader can follow: a step's heading with at least two rows under it, never a
table's last row or two alone on a page."""


def e(tekst: object) -> str:
    """Any text as HTML text: ``<``, ``>``, ``&`` and both quotes escaped (safe inside attributes too)."""
    return html.escape(str(tekst), quote=True)


_BREEKT = re.compile(r"[._]")


def sleutel(naam: str, staart: str = "") -> str:
    """A key (``werkgeverslasten.pensioen.maximum_pensioengevend_salaris``) in the colour of keys, breakable
    after each ``.`` and ``_`` (``<wbr>``), and only there, so that a narrow column wraps it between its words,
    not inside one; ``staart``: HTML that follows the key inside its colour."""
    tekst = _BREEKT.sub(lambda m: m.group() + "<wbr>", e(naam))
    return f"<span class='sleutel'>{tekst}{staart}</span>"


def link(adres: str) -> str:
    """A source address as a link a reader may follow (never loaded); anything but http(s) stays plain text."""
    if re.fullmatch(r"https?://[^\s<>\"']+", adres):
        return f'<a href="{e(adres)}">{e(adres)}</a>'
    return e(adres)


def tabel(
    koppen: Sequence[str],
    rijen: Iterable[Sequence[str]],
    *,
    getallen: Iterable[int] = (),
    klasse: str = "",
    breedtes: Sequence[str] | None = None,
) -> str:
    """A table; every cell is HTML already (escape text with :func:`e`). ``getallen``: the
    columns aligned right; a row whose first cell starts with ``<kop>`` is a sub-heading."""
    rechts = set(getallen)
    kol = "".join(f'<col style="width:{b}">' for b in breedtes) if breedtes else ""
    kop = "".join(f'<th class="getal">{e(k)}</th>' if i in rechts else f"<th>{e(k)}</th>" for i, k in enumerate(koppen))
    lijnen = []
    for rij in rijen:
        if rij and rij[0].startswith("<kop>"):
            lijnen.append(f'<tr class="kop"><td colspan="{len(koppen)}">{rij[0].removeprefix("<kop>")}</td></tr>')
            continue
        klas = ""
        if rij and rij[0].startswith("<totaal>"):
            klas, rij = ' class="totaal"', [rij[0].removeprefix("<totaal>"), *rij[1:]]
        cellen = "".join(f'<td class="getal">{c}</td>' if i in rechts else f"<td>{c}</td>" for i, c in enumerate(rij))
        lijnen.append(f"<tr{klas}>{cellen}</tr>")
    klas = f' class="{klasse}"' if klasse else ""
    return f"<table{klas}>{kol}<thead><tr>{kop}</tr></thead><tbody>{''.join(lijnen)}</tbody></table>"


# -- figures ----------------------------------------------------------------------------------

_RC: dict[str, Any] = {
    "svg.hashsalt": "tarieven",  # ids from a fixed salt: the same figure gives the same bytes
    "svg.fonttype": "path",  # glyphs as paths: no font is needed to show the figure
    "font.family": "DejaVu Sans",
    "font.size": 8.5,  # the labels of an axis as large as the text beside the figure
}


@contextmanager
def tekenen() -> Iterator[None]:
    """Matplotlib's defaults and the report's settings, whatever style the caller has set."""
    import matplotlib
    import matplotlib.style

    with matplotlib.style.context("default"), matplotlib.rc_context(cast(Any, _RC)):
        yield


def nieuwe_figuur(hoogte_mm: float, breedte_mm: float = BREEDTE_MM) -> tuple[Figure, Axes]:
    """A figure of the size it is shown at (so its text keeps its point size), without pyplot."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(breedte_mm / 25.4, hoogte_mm / 25.4), layout="constrained")
    return fig, fig.subplots()


def legenda_onder(fig: Figure, ax: Axes) -> None:
    """A plot's legend below the figure, beside each other, where the layout leaves room for it (a legend
    placed under the axes would cover the axis label in a figure as low as a report's)."""
    legenda = ax.get_legend()
    if legenda is None:
        return
    handles: list[Any] = list(legenda.legend_handles)
    labels = [t.get_text() for t in legenda.get_texts()]
    legenda.remove()
    fig.legend(handles, labels, loc="outside lower center", ncols=min(len(labels), 4), frameon=False, fontsize=8)


_WEG = re.compile(r"<\?xml.*?\?>|<!DOCTYPE.*?>|<!--.*?-->|<metadata>.*?</metadata>", re.DOTALL)
_VERWIJZING = re.compile(r'(\bid="|href="#|url\(#)')


def figuur(fig: Figure, nummer: int, onderschrift: str = "", *, passend: bool = False) -> str:
    """``fig`` as an inline ``<svg>`` in a ``<figure>``; ``nummer`` makes its ids unique in the page;
    ``passend`` scales it to its column by itself, where no stylesheet of the report does (a widget)."""
    buf = io.StringIO()
    with tekenen():
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    svg = _WEG.sub("", buf.getvalue()).strip()
    svg = _VERWIJZING.sub(lambda m: f"{m.group(1)}f{nummer}-", svg)
    if passend:  # outside the report's stylesheet (a notebook): never wider than its column
        svg = svg.replace("<svg ", '<svg style="max-width:100%;height:auto" ', 1)
    bijschrift = f"<figcaption class='klein grijs'>{e(onderschrift)}</figcaption>" if onderschrift else ""
    return f"<figure>{svg}{bijschrift}</figure>"


def document(titel: str, voet: str, inhoud: str, *, gemaakt: str) -> str:
    """The whole page: one ``<style>``, the running foot for print, the content; no script."""
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>{e(titel)}</title>"
        '<meta name="generator" content="tarieven">'
        f'<meta name="dcterms.created" content="{e(gemaakt)}">'
        f"<style>{CSS}</style></head><body>"
        f'<div class="voet">{e(voet)}</div>{inhoud}</body></html>\n'
    )
