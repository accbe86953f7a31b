"""``tarieven bereken`` and ``tarieven uitleg``, and the output formats every command shares.

Formats: ``tekst`` (Dutch, for people), ``json`` and ``csv`` (machine formats: full
precision or whole-cent strings with a decimal point), ``csv-nl`` (for Dutch Excel).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import Any

from tarieven.catalogus import is_vervoer
from tarieven.cli.opties import schrijf_csv
from tarieven.eigenparameters import laad_parameters
from tarieven.fouten import InvoerFout, Probleem
from tarieven.herkomst import OPGEGEVEN
from tarieven.lezen import is_uitkomst
from tarieven.uitkomst import ANDERE_EENHEDEN, OPBOUW, Uitkomst
from tarieven.uitkomst import bereken as _bereken
from tarieven.velden import VORMEN
from tarieven.weergave import band_tekst, euro, is_geld

__all__ = ["OPBOUW", "als_csv", "als_tekst", "bereken", "bereken_uitkomst", "uitleg"]


def als_tekst(u: Uitkomst) -> str:
    """A short Dutch summary: the tariff in its units and the build-up per client."""
    s = u.scenario
    e = u.eenheid
    regels = [s.titel, ""]
    regels.append(f"Tarief per cliënt per {e}:".ljust(36) + euro(u.tarief).rjust(14))
    laag, hoog = u.band()
    if euro(laag) != euro(hoog):
        tekst = band_tekst(laag, hoog)
        regels.append("  band (aannames laag – hoog)".ljust(50 - len(tekst)) + tekst)
    namen = {r.naam for r in u}
    for naam in ANDERE_EENHEDEN:
        if naam in namen:
            regels.append(f"  {u.regel(naam).definitie.label}".ljust(36) + euro(u[naam]).rjust(14))
    if "vervoerscategorie" in namen:
        regels.append(f"  vervoerscategorie {u['vervoerscategorie']:g}")
    if OPBOUW[0] in namen:
        regels += ["", f"Opbouw per cliënt per {e}:"]
        for naam in OPBOUW:
            regels.append(f"  {u.regel(naam).definitie.label}".ljust(36) + euro(u[naam]).rjust(14))
    peil = f"parameters op peildatum {s.peildatum}, aannames {s.aannames}; " if s.peildatum else ""
    if s.tariefjaar is not None:
        peil = f"parameters tijdgewogen over {s.tariefjaar}, aannames {s.aannames}; "
    regels += [
        "",
        f"(tarieven {u.versie}, {peil}invoer-hash {u.invoer_hash[:12]}; afgerond op centen"
        + ("; de opbouw telt onafgerond op tot het tarief)" if OPBOUW[0] in namen else ")"),
    ]
    return "\n".join(regels)


def als_csv(u: Uitkomst, formaat: str = "csv") -> str:
    """One row per breakdown line: naam, waarde (full precision), afgerond, eenheid, formule.

    ``formaat``: ``csv`` for tools, ``csv-nl`` for Dutch Excel (:mod:`tarieven.csvformaat`)."""
    from tarieven.csvformaat import csv_tekst  # the csv module only for CSV output, not on every start

    rijen: list[list[object]] = [["naam", "waarde", "afgerond", "eenheid", "formule"]]
    for r in u:
        rijen.append([r.naam, r.waarde, r.afgerond if is_geld(r.eenheid) else None, r.eenheid, r.definitie.expressie])
    return csv_tekst(rijen, formaat)


def _vervoer(args: argparse.Namespace) -> dict[str, Any] | None:
    if args.afstand is None and args.vorm is None:
        return None
    return {"product.afstand_km": args.afstand, "product.vorm": args.vorm}


_NIET_MET = frozenset({"basis", "peildatum", "tariefjaar", "weglaten", "aannames"})
"""Keys that say how a scenario is read, not inputs ``--met`` changes."""


def met_waarden(paren: list[str]) -> dict[str, Any]:
    """``--met SLEUTEL=WAARDE`` as inputs: the value read as a TOML value (8, 0.9, "tekst",
    2027-01-01), else as text, such as ``3600 EUR/maand``; the scenario's validator checks it."""
    import tomllib

    uit: dict[str, Any] = {}
    for paar in paren:
        sleutel, is_, waarde = paar.partition("=")
        if not is_ or not sleutel.strip():
            verwacht = "SLEUTEL=WAARDE, bijvoorbeeld product.groepsgrootte=8"
            raise InvoerFout([Probleem("--met", paar, verwacht)])
        if sleutel.strip() in _NIET_MET:
            verwacht = (
                "een invoer van het scenario; basis, peildatum, tariefjaar, weglaten en aannames bepalen hoe het "
                "gelezen wordt (geef ze in het scenario of als eigen optie)"
            )
            raise InvoerFout([Probleem("--met", paar, verwacht)])
        waarde = waarde.strip()
        try:
            uit[sleutel.strip()] = tomllib.loads(f"w = {waarde}")["w"] if "\n" not in waarde else waarde
        except (tomllib.TOMLDecodeError, ValueError):  # not TOML, or an integer of thousands of digits
            uit[sleutel.strip()] = waarde
    return uit


def bereken_uitkomst(args: argparse.Namespace) -> Uitkomst | None:
    """The result of the scenario the arguments name (as `bereken` reads it), its warnings on stderr;
    None for transport without a distance and form (its amounts are printed instead)."""
    met = _vervoer(args)
    if getattr(args, "met", None):
        met = {**(met or {}), **met_waarden(args.met)}
    if met is None and is_vervoer(args.bestand):
        from tarieven.overzicht import vervoersbedragen  # only the transport product lists its amounts

        bedragen = vervoersbedragen(args.peildatum, tariefjaar=args.tariefjaar, params=laad_parameters(args.parameters))
        print(f"Vervoer {args.bestand}: vergoeding per aanwezigheidsdag per kind")
        for categorie, (bedrag, status) in bedragen[args.bestand].items():
            print(f"  {categorie.replace('_', ' ')}: {euro(bedrag):>10}   [{status}]")
        print(f"Geef --afstand KM en --vorm ({', '.join(VORMEN)}) voor de categorie en het tarief van een kind.")
        return None
    if met is not None:
        met = {k: v for k, v in met.items() if v is not None}
    try:
        u = _bereken(
            args.bestand,
            args.peildatum,
            tariefjaar=args.tariefjaar,
            met=met,
            params=args.parameters,
            aannames=args.aannames,
        )
    except InvoerFout as e:  # a value given with --met is named as such, not as the scenario file's
        gegeven = set(met or {})
        hernoemd = [
            replace(q, sleutel=f"{q.sleutel} ({OPGEGEVEN})") if q.sleutel in gegeven else q for q in e.problemen
        ]
        raise InvoerFout(hernoemd, e.bestand) from None
    for w in u.waarschuwingen:
        print(f"tarieven: waarschuwing: {w}", file=sys.stderr)
    if (waarschuwing := u.waarschuwing()) is not None:
        print(f"tarieven: {waarschuwing}", file=sys.stderr)
    return u


def _herbereken(args: argparse.Namespace) -> int:
    """A stored result: recomputed from its own inputs and from today's parameters; 1 if not identical."""
    from tarieven.herberekenen import herbereken  # only for a stored result, not on every start

    h = herbereken(args.bestand)
    if args.formaat == "json":
        print(h.eigen.to_json())
        print(h.tekst(), file=sys.stderr)
    elif args.formaat in ("csv", "csv-nl"):
        schrijf_csv(als_csv(h.eigen, args.formaat))
        print(h.tekst(), file=sys.stderr)
    else:
        print(als_tekst(h.eigen) + "\n\n" + h.tekst())
    return 0 if h.identiek else 1


def bereken(args: argparse.Namespace) -> int:
    """``tarieven bereken``: the tariff in text, JSON or CSV; a stored result is recomputed."""
    if is_uitkomst(args.bestand):
        return _herbereken(args)
    u = bereken_uitkomst(args)
    if u is None:
        return 0
    if args.formaat == "json":
        print(u.to_json())
    elif args.formaat in ("csv", "csv-nl"):
        schrijf_csv(als_csv(u, args.formaat))
    else:
        print(als_tekst(u))
    if getattr(args, "excel", None):
        print(f"geschreven: {u.naar_excel(args.excel)}", file=sys.stderr)
    return 0


def uitleg(args: argparse.Namespace) -> int:
    """``tarieven uitleg``: every line with its formula, values and inputs."""
    u = bereken_uitkomst(args)
    if u is not None:
        print(u.uitleg())
    return 0
