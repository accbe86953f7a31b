"""``tarieven vergelijk EIGEN [TEGEN]``: a provider's own calculation beside the region's, line by line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tarieven.cli.opties import schrijf_csv
from tarieven.csvformaat import csv_tekst
from tarieven.vergelijking import vergelijk as _vergelijk

__all__ = ["vergelijk"]


def vergelijk(args: argparse.Namespace) -> int:
    """Both tariffs, what explains the difference, every line and every input that differs."""
    v = _vergelijk(
        args.eigen,
        args.tegen,
        args.peildatum,
        tariefjaar=args.tariefjaar,
        params=args.parameters,
        aannames=args.aannames,
    )
    for w in (*v.eigen.waarschuwingen, *v.tegen.waarschuwingen):
        print(f"tarieven: waarschuwing: {w}", file=sys.stderr)
    for kant, u in (("eigen", v.eigen), ("tegen", v.tegen)):  # as bereken says it, per side
        if (waarschuwing := u.waarschuwing()) is not None:
            print(f"tarieven: {kant}: {waarschuwing}", file=sys.stderr)
    if args.formaat == "json":
        print(v.to_json())
    elif args.formaat in ("csv", "csv-nl"):
        schrijf_csv(csv_tekst(v.rijen(), args.formaat))
    else:
        print(v.als_tekst())
    if args.plot:
        import matplotlib.pyplot as plt

        from tarieven.plots import brug
        from tarieven.uitvoerbestand import atomair

        fig, ax = plt.subplots(figsize=(10, 5.5), layout="constrained")
        brug(v, ax=ax)
        with atomair(Path(args.plot), optie="--plot") as tijdelijk:
            fig.savefig(tijdelijk, dpi=110, format=Path(args.plot).suffix.lstrip(".").lower() or "png")
        plt.close(fig)
        print(f"geschreven: {args.plot}", file=sys.stderr)
    return 0
