"""Command line: ``tarieven bereken``, ``uitleg``, ``producten``, ``parameters``, ``scenario``."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from tarieven import bereken, cli_catalogus
from tarieven._versie import __version__
from tarieven.analyse import bestand as scenario_analyse
from tarieven.fouten import TarievenFout
from tarieven.uitkomst import Uitkomst
from tarieven.weergave import euro, is_geld

__all__ = ["main"]

OPBOUW = {
    "opbouw.personeel_direct": "direct personeel",
    "opbouw.personeel_indirect": "indirect personeel",
    "opbouw.huisvesting_eenheid": "huisvesting",
    "opbouw.materieel": "materieel en activiteiten",
    "opbouw.clientkosten": "cliëntgebonden tijd",
    "opbouw.overhead": "overhead",
    "opbouw.risico": "risico-opslag",
}


def als_tekst(u: Uitkomst) -> str:
    """A short Dutch summary: the tariff in its units and the build-up per client."""
    s = u.scenario
    e = u.eenheid
    regels = [s.beschrijving or s.product_naam or s.bron, ""]
    regels.append(f"Tarief per cliënt per {e}:".ljust(36) + euro(u.tarief).rjust(14))
    extra = [
        ("tarief_per_uur", "per uur"),
        ("tarief_per_minuut", "per minuut"),
        ("tarief_per_week", "per week"),
        ("tarief_per_jaar", "per jaar"),
        ("tarief_per_traject", "per traject"),
    ]
    for naam, label in extra:
        try:
            regels.append(f"  {label}".ljust(36) + euro(u[naam]).rjust(14))
        except KeyError:
            continue
    regels += ["", f"Opbouw per cliënt per {e}:"]
    for naam, label in OPBOUW.items():
        regels.append(f"  {label}".ljust(36) + euro(u[naam]).rjust(14))
    peil = f"parameters op peildatum {s.peildatum}; " if s.peildatum else ""
    if s.tariefjaar is not None:
        peil = f"parameters tijdgewogen over {s.tariefjaar}; "
    regels += [
        "",
        f"(tarieven {u.versie}, {peil}invoer-hash {u.invoer_hash[:12]}; afgerond op centen, "
        "de opbouw telt onafgerond op tot het tarief)",
    ]
    return "\n".join(regels)


def als_csv(u: Uitkomst) -> str:
    """One row per breakdown line: naam, waarde (full precision), afgerond, eenheid, formule."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["naam", "waarde", "afgerond", "eenheid", "formule"])
    for r in u:
        w.writerow(
            [r.naam, repr(r.waarde), str(r.afgerond) if is_geld(r.eenheid) else "", r.eenheid, r.definitie.expressie]
        )
    return buf.getvalue()


class _NlHulpopmaak(argparse.HelpFormatter):
    """argparse's help with a Dutch usage line."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


# argparse's own messages, in the order they are tried; without touching argparse's
# module-level gettext (that would change every other argparse user in the process)
_VERTALING = (
    ("the following arguments are required:", "deze argumenten ontbreken:"),
    ("invalid choice:", "ongeldige keuze:"),
    ("(choose from", "(kies uit"),
    ("not allowed with argument", "gaat niet samen met"),
    ("unrecognized arguments:", "onbekende argumenten:"),
    ("expected one argument", "verwacht één waarde"),
    ("invalid float value:", "geen getal:"),
    ("invalid int value:", "geen geheel getal:"),
    ("ambiguous option:", "dubbelzinnige optie:"),
    ("could match", "kan zijn"),
)


class _NlParser(argparse.ArgumentParser):
    """ArgumentParser with Dutch help and error messages (the users are Dutch analysts)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _NlHulpopmaak)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        for engels, nederlands in _VERTALING:
            message = message.replace(engels, nederlands)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _NlParser(
        prog="tarieven",
        description="Reële tarieven voor jeugdhulp-groepsproducten: transparant en reproduceerbaar berekend.",
    )
    p.add_argument("--versie", action="version", version=f"tarieven {__version__}", help="toon de versie en stop")
    sub = p.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT")
    b = sub.add_parser("bereken", help="bereken het tarief en de opbouw van een scenario")
    u = sub.add_parser("uitleg", help="toon de volledige uitleg: elke regel met formule en invoer")
    for opdracht in (b, u):
        opdracht.add_argument(
            "bestand", metavar="BESTAND", help="scenario als .json of .toml, of een productcode (41A22)"
        )
        wanneer = opdracht.add_mutually_exclusive_group()
        wanneer.add_argument(
            "--peildatum",
            type=cli_catalogus.peildatum_argument,
            help="datum van de meegeleverde parameters (standaard: die van het scenario, anders vandaag)",
        )
        cli_catalogus.tariefjaar_argument(wanneer)
    b.add_argument(
        "--formaat", choices=("tekst", "json", "csv"), default="tekst", help="uitvoerformaat (standaard: tekst)"
    )
    b.add_argument("--afstand", type=float, help="alleen vervoer 42A03: enkele-reisafstand in km")
    b.add_argument("--vorm", help="alleen vervoer 42A03: groep, groep_rolstoel of individueel")
    cli_catalogus.voeg_parsers_toe(sub)
    scenario_analyse.voeg_parser_toe(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (0 success, 2 bad input)."""
    try:
        return _main(argv)
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        sys.stderr.close()
        return 0


def _main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.opdracht == "scenario":
        return scenario_analyse.main(args)
    try:
        if args.opdracht == "producten":
            return cli_catalogus.producten(args.peildatum, tariefjaar=args.tariefjaar)
        if args.opdracht == "indexeer":
            return cli_catalogus.indexeer(args.tarief, args.van, args.naar, args.gepubliceerd)
        if args.opdracht == "parameters":
            if args.controle:
                return cli_catalogus.controle(args.peildatum)
            return cli_catalogus.parameters(args.naam, args.peildatum)
        if args.opdracht == "bereken" and args.bestand == cli_catalogus.VERVOER_CODE:
            return cli_catalogus.vervoer(args.afstand, args.vorm, args.peildatum, tariefjaar=args.tariefjaar)
        uitkomst = bereken(args.bestand, args.peildatum, tariefjaar=args.tariefjaar)
    except TarievenFout as e:
        print(f"tarieven: {e}", file=sys.stderr)
        return 2
    if (waarschuwing := uitkomst.waarschuwing()) is not None:
        print(f"tarieven: {waarschuwing}", file=sys.stderr)
    if args.opdracht == "uitleg":
        print(uitkomst.uitleg())
    elif args.formaat == "json":
        print(uitkomst.to_json())
    elif args.formaat == "csv":
        sys.stdout.write(als_csv(uitkomst))
    else:
        print(als_tekst(uitkomst))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
