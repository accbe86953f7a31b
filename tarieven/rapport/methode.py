"""The sections of the method a result rests on, as a report shows them: title, address and gist.

The headings come from the one mapping :data:`tarieven.regeldefinitie.KOPPEN` (what every
explanation refers to); the gist is read from ``docs/methode.md`` itself, which the wheel
ships as ``tarieven/docs`` (``pyproject.toml``): the sentence under the heading that says
what the step does, and its **Kostprijselement** (the cost element of Besluit Jeugdwet art.
2.3 and Uitvoeringsbesluit Wmo 2015 art. 5.4 the step covers). Without the document (an
unusual install) a section is shown by its title and address alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from tarieven.model import verwijzing
from tarieven.regeldefinitie import KOPPEN

__all__ = ["Sectie", "sectie"]


@dataclass(frozen=True)
class Sectie:
    """One section of the method: its heading, its address in the project, what it says."""

    kop: str
    adres: str
    wat: str
    kostprijselement: str


def _pad() -> Path | None:
    in_pakket = files("tarieven") / "docs" / "methode.md"
    if isinstance(in_pakket, Path) and in_pakket.is_file():
        return in_pakket
    in_bron = Path(__file__).resolve().parents[2] / "docs" / "methode.md"
    return in_bron if in_bron.is_file() else None


def _platte_tekst(markdown: str) -> str:
    """Markdown of one paragraph as plain text: links by their text, no emphasis or code marks."""
    tekst = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    tekst = re.sub(r"<(https?://[^>]+)>", r"\1", tekst)
    tekst = tekst.replace("**", "").replace("`", "")
    tekst = re.sub(r"(?<![\w*])\*([^*]+)\*(?![\w*])", r"\1", tekst)
    return " ".join(tekst.split())


@cache
def _alinea_s() -> dict[str, list[str]]:
    """Per heading the paragraphs under it (tables and lists left out)."""
    pad = _pad()
    if pad is None:
        return {}
    uit: dict[str, list[str]] = {}
    kop: str | None = None
    for blok in re.split(r"\n\s*\n", pad.read_text(encoding="utf-8")):
        regels = blok.strip().splitlines()
        if not regels:
            continue
        if (m := re.match(r"#{1,6} (.+?)\s*$", regels[0])) is not None:
            kop = m.group(1)
            uit[kop] = []
            regels = regels[1:]
            if not regels:
                continue
        if kop is not None and not regels[0].lstrip().startswith(("|", "- ", "* ", "```", "1.")):
            uit[kop].append(_platte_tekst(" ".join(regels)))
    return uit


def sectie(sleutel: str) -> Sectie:
    """The section of step ``sleutel`` (``"3"``) or topic (``"aannamesets"``) of :data:`KOPPEN`."""
    kop = KOPPEN[sleutel]
    alinea_s = _alinea_s().get(kop, [])
    element = next((a for a in alinea_s if a.startswith("Kostprijselement:")), "")
    wat = next((a for a in alinea_s if not a.startswith("Kostprijselement:")), "")
    return Sectie(kop, verwijzing(sleutel), wat, element.removeprefix("Kostprijselement:").strip())
