"""``tarieven niveau``: every product with a published comparable, its band beside that level."""

from __future__ import annotations

import argparse
import json
from typing import Any

from tarieven.analyse.niveau import Niveaucheck, niveaucheck
from tarieven.cli.opties import schrijf_csv
from tarieven.eigenparameters import laad_parameters
from tarieven.weergave import band_tekst, euro

__all__ = ["niveau", "niveau_tekst"]


def niveau_tekst(c: Niveaucheck) -> str:
    """The level check in Dutch: per product the central tariff, the band, the published level;
    what separates central and low; and why a level lies outside the band."""
    kop = f"{'code':<10} {'centraal':>10}  {'band (laag – hoog)':<23} {'gepubliceerd':>12}  binnen de band"
    regels = [
        f"Niveau van de tarieven, prijsjaar {c.prijsjaar}: elk product tijdgewogen over {c.prijsjaar}, op de "
        "aannames laag, centraal en hoog; het gepubliceerde niveau in natura waar het pgb-aandeel bekend is, "
        f"geïndexeerd naar {c.prijsjaar}.",
        "",
        kop,
        "-" * len(kop),
    ]
    for code, r in c.band.iterrows():
        ja = (
            "ja"
            if r["binnen_band"]
            else f"nee ({euro(abs(r['rest_bedrag']))} {'onder' if r['rest_bedrag'] < 0 else 'boven'})"
        )
        regels.append(
            f"{code!s:<10} {euro(r['centraal']):>10}  {band_tekst(r['laag'], r['hoog']):<23} "
            f"{euro(r['gepubliceerd']):>12}  {ja}"
        )
    regels += ["", "Vergeleken met:"]
    for bron in dict.fromkeys(c.band["gepubliceerd_bron"]):
        regels.append(f"  - {bron}")
    regels += ["", "Wat centraal en laag scheidt (Shapley-decompositie; de delen tellen op tot laag − centraal):"]
    for code, r in c.band.iterrows():
        delen = c.delen[c.delen["product"] == code]
        if delen.empty:
            regels.append(f"  {code}: geen aanname met een andere lage lezing")
            continue
        regels.append(f"  {code}: {euro(r['laag'] - r['centraal'])}")
        regels += [f"      {euro(b):>10}  {label}" for label, b in zip(delen["label"], delen["bedrag"], strict=True)]
    buiten = c.band[~c.band["binnen_band"].astype(bool)]
    if not buiten.empty:
        regels += ["", "Buiten de band:"]
        for code, r in buiten.iterrows():
            rand = "laag" if r["rest_bedrag"] < 0 else "hoog"
            regels.append(f"  {code}: {euro(abs(r['rest_bedrag']))} voorbij {rand}: {r['rest_reden']}")
    if c.index_aanname is not None:
        regels += [
            "",
            f"Let op: een aangenomen jaarindex van {c.index_aanname:.2%} voor de jaren zonder gepubliceerde.",
        ]
    return "\n".join(regels)


def _rijen(c: Niveaucheck) -> list[dict[str, Any]]:
    """One row per product for CSV: the figures, and each part as a column ``delen.<groep>``."""
    rijen = []
    for p in c.naar_dict()["producten"]:
        rij = {k: v for k, v in p.items() if k not in ("delen", "rest")}
        rij |= {f"delen.{g}": b for g, b in p["delen"].items()}
        rij |= {"rest_bedrag": (p["rest"] or {}).get("bedrag"), "rest_reden": (p["rest"] or {}).get("reden")}
        rijen.append(rij)
    return rijen


def niveau(args: argparse.Namespace) -> int:
    """``tarieven niveau``: text, JSON or CSV."""
    params = laad_parameters(args.parameters)
    c = niveaucheck(prijsjaar=args.prijsjaar, index_aanname=args.index_aanname, params=params)
    if args.formaat == "json":
        print(json.dumps(c.naar_dict(), ensure_ascii=False, indent=2, allow_nan=False))
    elif args.formaat in ("csv", "csv-nl"):
        from tarieven.csvformaat import records_tekst

        schrijf_csv(records_tekst(_rijen(c), args.formaat))
    else:
        print(niveau_tekst(c))
    return 0
