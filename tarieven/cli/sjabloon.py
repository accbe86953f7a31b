"""``tarieven sjabloon PRODUCT -o bestand.xlsx``: the workbook a provider fills in with its own figures."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tarieven.fouten import InvoerFout, Probleem
from tarieven.sjabloon import schrijf_sjabloon

__all__ = ["sjabloon"]


def sjabloon(args: argparse.Namespace) -> int:
    """Write the template of a product on a date; refuses to replace a file unless asked."""
    pad = Path(args.uitvoer)
    if pad.exists() and not args.overschrijf:
        raise InvoerFout(
            [Probleem("-o", str(pad), "een nieuw bestand; dit bestaat al (vervang het met --overschrijf)")]
        )
    schrijf_sjabloon(
        args.product,
        pad,
        args.peildatum,
        tariefjaar=args.tariefjaar,
        params=args.parameters,
        aannames=args.aannames,
        overschrijven=args.overschrijf,
    )
    print(f"geschreven: {pad}", file=sys.stderr)
    print(f"Vul het blad Invoer in en reken uit met: tarieven vergelijk {pad}", file=sys.stderr)
    return 0
