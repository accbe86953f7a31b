"""Pin the results of every bundled product and every example scenario as regression fixtures.

Run by hand, only to re-pin on purpose (after a deliberate change of parameters or of the
method), never to make a failing test pass::

    python tests/regressie/maak.py

The fixtures were first written before the rebuild around one definition per formula
(issue "One formula, one input path"), so that the rebuild is shown to change no cent.
Each file holds, per breakdown line, the value rounded as the JSON output shows it and
the full-precision float.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import tarieven
from tarieven.catalogus import is_vervoer, producten

MAP = Path(__file__).parent
VOORBEELDEN = MAP.parents[1] / "voorbeelden"
PEILDATA = (dt.date(2025, 6, 1), dt.date(2027, 1, 1))


def vastleggen(naam: str, u: tarieven.Uitkomst) -> None:
    data = u.to_dict()
    inhoud = {
        "eenheid": data["eenheid"],
        "peildatum": data["peildatum"],
        "getoond": {r.naam: (str(r.afgerond) if r.eenheid.startswith("EUR") else round(r.waarde, 6)) for r in u},
        "volle_precisie": {r.naam: repr(r.waarde) for r in u},
    }
    (MAP / f"{naam}.json").write_text(json.dumps(inhoud, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    for code in producten():
        if is_vervoer(code):  # priced by distance and mode, pinned by its own tests
            continue
        for peildatum in PEILDATA:
            vastleggen(f"product-{code}-{peildatum}", tarieven.bereken(code, peildatum))
    for pad in sorted(VOORBEELDEN.glob("*.toml")):
        vastleggen(f"voorbeeld-{pad.stem}", tarieven.bereken(pad))


if __name__ == "__main__":
    main()
