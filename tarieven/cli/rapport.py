"""``tarieven rapport``: the report of one tariff, for the negotiating table, as HTML or PDF."""

from __future__ import annotations

import argparse
import sys

from tarieven.catalogus import is_vervoer
from tarieven.fouten import InvoerFout, Probleem
from tarieven.velden import VORMEN
from tarieven.weergave import telling

__all__ = ["rapport"]


def rapport(args: argparse.Namespace) -> int:
    """Read the scenario as ``bereken`` does, then write its report; the path is checked first."""
    from tarieven.cli.uitvoer import bereken_uitkomst
    from tarieven.rapport import schrijf_rapport
    from tarieven.rapport.schrijven import controleer_pad

    controleer_pad(args.uitvoer, overschrijven=args.overschrijf, optie="-o")
    if is_vervoer(args.bestand) and (args.afstand is None or args.vorm is None):
        verwacht = f"voor het rapport van een kind dat vervoerd wordt: --afstand KM en --vorm ({', '.join(VORMEN)})"
        raise InvoerFout([Probleem("--afstand/--vorm", args.bestand, verwacht)])
    u = bereken_uitkomst(args)
    assert u is not None  # only transport without a distance and form gives none, refused above
    pad, paginas = schrijf_rapport(u, args.uitvoer, overschrijven=args.overschrijf, optie="-o")
    omvang = "" if paginas is None else " (" + telling(paginas, "pagina", "pagina's") + " A4)"  # 1 pagina, 3 pagina's
    print(f"geschreven: {pad}{omvang}", file=sys.stderr)
    return 0
