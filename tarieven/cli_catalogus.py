"""Command line for the bundled parameters: ``tarieven producten``, ``tarieven parameters``,
and transport (``tarieven bereken 42A03 --afstand 7.5 --vorm groep``)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from tarieven.catalogus import Opgezocht, tabel
from tarieven.fouten import InvoerFout, Probleem
from tarieven.parameters import Parameter, ParameterSet, Waarde, standaard_parameters
from tarieven.weergave import euro, getal, invoer, procent

__all__ = [
    "peildatum_argument",
    "tariefjaar_argument",
    "voeg_parsers_toe",
    "producten",
    "parameters",
    "vervoer",
    "VERVOER_CODE",
]

VERVOER_CODE = "42A03"
VERVOER_BESTAND = "vervoer-42A03"


def peildatum_argument(tekst: str) -> dt.date:
    """argparse type for ``--peildatum``: an ISO date, with a Dutch message otherwise."""
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{tekst!r} is geen datum; verwacht bijvoorbeeld 2027-01-01") from None


def _jaar(tekst: str) -> int:
    """argparse type for ``--tariefjaar``: a year, with a Dutch message otherwise."""
    if not (tekst.isdigit() and 1900 <= int(tekst) <= 2999):
        raise argparse.ArgumentTypeError(f"{tekst!r} is geen jaartal; verwacht bijvoorbeeld 2025")
    return int(tekst)


def tariefjaar_argument(groep: Any) -> None:
    """Add ``--tariefjaar`` to a (mutually exclusive) group next to ``--peildatum``."""
    groep.add_argument(
        "--tariefjaar",
        type=_jaar,
        metavar="JAAR",
        help="in plaats van een peildatum: elke parameter tijdgewogen over dit kalenderjaar "
        "(naar het aantal dagen dat elke waarde gold)",
    )


def voeg_parsers_toe(sub: Any) -> None:
    """Register ``producten``, ``parameters`` and ``indexeer``."""
    i = sub.add_parser(
        "indexeer", help="indexeer een tarief naar een later jaar volgens de VNG-methode (OVA, PCC, nacalculatie)"
    )
    i.add_argument("tarief", type=float, help="het tarief in het basisjaar, in euro")
    i.add_argument("--van", type=int, required=True, help="het prijsjaar van het tarief")
    i.add_argument("--naar", type=int, required=True, help="het jaar waarnaar geïndexeerd wordt")
    i.add_argument(
        "--gepubliceerd",
        action="store_true",
        help="vermenigvuldig met het gepubliceerde (afgeronde) percentage in plaats van in volle precisie",
    )
    p = sub.add_parser("producten", help="toon de productcatalogus met eenheid, kerngetallen en tarief")
    wanneer = p.add_mutually_exclusive_group()
    wanneer.add_argument(
        "--peildatum", type=peildatum_argument, help="datum van de parameterwaarden (standaard: vandaag)"
    )
    tariefjaar_argument(wanneer)
    q = sub.add_parser("parameters", help="toon parameters met waarde, bron, datum en status")
    q.add_argument(
        "naam", nargs="?", help="(deel van) een parameter- of bestandsnaam, bijvoorbeeld 'salaris' of 'pfzw'"
    )
    q.add_argument("--peildatum", type=peildatum_argument, help="datum van de waarden (standaard: vandaag)")
    q.add_argument(
        "--controle",
        action="store_true",
        help="controleer alle meegeleverde bestanden en toon per status hoeveel waarden er gelden, "
        "met de indicatieve waarden die vervangen moeten worden",
    )


def _toon_waarde(par: Parameter, w: Waarde) -> str:
    if isinstance(w.waarde, str):
        return w.waarde
    eenheid = par.eenheid or ""
    if isinstance(w.waarde, tuple):
        getallen = ", ".join(invoer(x, "1") for x in w.waarde)
        eenheid = "" if eenheid == "1" else f" {eenheid}"
        treden = (
            f" (trede {w.eerste_trede} tot en met {w.eerste_trede + len(w.waarde) - 1})"
            if par.naam.startswith("salaris.")
            else ""
        )
        return f"[{getallen}]{eenheid}{treden}"
    return invoer(w.waarde, eenheid)


def producten(peildatum: dt.date | None, params: ParameterSet | None = None, *, tariefjaar: int | None = None) -> int:
    """Print the catalogue: code, name, unit, key figures and the tariff on the bundled defaults
    (on a peildatum, or time-weighted over a ``tariefjaar``)."""
    params = params or standaard_parameters()
    datum = None if tariefjaar is not None else peildatum or dt.date.today()
    wanneer = f"tijdgewogen over {tariefjaar}" if tariefjaar is not None else f"op peildatum {datum}"
    print(f"Productcatalogus ({len(params.producten)} producten), parameters {wanneer}\n")
    kop = f"{'code':<10} {'product':<40} {'eenheid':<8} {'groep':>5} {'bezet':>6} {'personeel':<22} {'tarief':>12}"
    print(kop)
    print("-" * len(kop))
    df = tabel(datum, tariefjaar=tariefjaar, params=params)
    for code, rij in df.iterrows():
        print(
            f"{code:<10} {str(rij['naam'] or '')[:40]:<40} {rij['eenheid']:<8} {rij['groepsgrootte']:>5g} "
            f"{rij['bezettingsgraad']:>6.0%} {rij['personeel'][:22]:<22} {euro(rij['tarief']):>12}"
        )
    if VERVOER_CODE not in params.producten and VERVOER_BESTAND in params.bestanden:
        bedragen = _vervoer_bedragen(params, datum, tariefjaar)
        tekst = ", ".join(f"cat {c} {euro(b)}" for c, (b, _) in sorted(bedragen.items()))
        print(f"{VERVOER_CODE:<10} {'Vervoer (per dag per kind)':<40} {'dag':<8} {tekst}")
    print("\nTarief per cliënt per eenheid op de meegeleverde standaardwaarden; zie 'tarieven uitleg CODE'.")
    return 0


def _vervoer_bedragen(
    params: ParameterSet, datum: dt.date | None, tariefjaar: int | None = None
) -> dict[int, tuple[float, Opgezocht]]:
    bestand = params.bestand(VERVOER_BESTAND)
    uit: dict[int, tuple[float, Opgezocht]] = {}
    for naam, par in bestand.parameters.items():
        if naam.startswith("bedrag.categorie_"):
            w = par.gewogen(tariefjaar) if tariefjaar is not None else par.op(datum or dt.date.today())
            if not isinstance(w.waarde, float):
                raise InvoerFout([Probleem(naam, w.waarde, "een bedrag in EUR")], bestand.pad)
            uit[int(naam.removeprefix("bedrag.categorie_"))] = (w.waarde, w)
    return uit


def vervoer(
    afstand: float | None, vorm: str | None, peildatum: dt.date | None, *, tariefjaar: int | None = None
) -> int:
    """Transport 42A03: the category and amount per day for a distance and mode, or the table."""
    from tarieven.vervoer import VORMEN, vervoerscategorie

    params = standaard_parameters()
    datum = peildatum or dt.date.today()
    bedragen = _vervoer_bedragen(params, datum, tariefjaar)
    wanneer = f"tijdgewogen over {tariefjaar}" if tariefjaar is not None else f"peildatum {datum}"
    pad = Path(params.bestand(VERVOER_BESTAND).pad).name
    if afstand is None or vorm is None:
        if (afstand is None) != (vorm is None):
            raise InvoerFout(
                [
                    Probleem(
                        "--afstand/--vorm",
                        afstand if vorm is None else vorm,
                        "beide: de enkele-reisafstand in km en de vervoersvorm",
                    )
                ]
            )
        print(f"Vervoer {VERVOER_CODE}: vergoeding per aanwezigheidsdag per kind ({wanneer}, {pad})")
        for c, (b, w) in sorted(bedragen.items()):
            print(f"  categorie {c}: {euro(b):>10}   [{w.status}]")
        print(f"Geef --afstand KM en --vorm ({', '.join(VORMEN)}) voor de categorie van een kind.")
    else:
        categorie = int(vervoerscategorie(afstand, vorm))
        bedrag, w = bedragen[categorie]
        print(
            f"Vervoer {VERVOER_CODE}: {afstand:g} km enkele reis, {vorm}: categorie {categorie}, "
            f"{euro(bedrag)} per dag per kind [{w.status}]"
        )
    statussen = {w.status for _, w in bedragen.values()}
    if statussen & {"indicatief", "aanname"}:
        print(
            "Let op: de bedragen per categorie zijn geen vastgestelde tarieven (status "
            f"{', '.join(sorted(statussen))}); zie 'tarieven parameters vervoer'.",
            file=sys.stderr,
        )
    return 0


def controle(peildatum: dt.date | None) -> int:
    """Health report of the bundled parameters: every file loads (strictly), values per status,
    and the indicatief values in force that are due for replacement (oldest first)."""
    params = standaard_parameters()  # raises on any broken file
    datum = peildatum or dt.date.today()
    print(f"{len(params.bestanden)} parameterbestanden en {len(params.producten)} producten geladen uit {params.map}")
    print(f"parameterset-hash {params.hash[:12]}; waarden geldig op {datum}:")
    geldig: list[tuple[Parameter, Waarde]] = []
    for par in params:
        try:
            geldig.append((par, par.op(datum)))
        except InvoerFout:
            continue
    for status in ("definitief", "afgeleid", "indicatief", "aanname"):
        print(f"  {status:<11} {sum(w.status == status for _, w in geldig):>4}")
    te_vervangen = sorted(((p, w) for p, w in geldig if w.status == "indicatief"), key=lambda pw: pw[1].vanaf)
    if te_vervangen:
        print("\nIndicatieve waarden (te vervangen zodra de primaire bron er is), oudste eerst:")
        for par, w in te_vervangen:
            leeftijd = (datum - w.vanaf).days // 365
            print(f"  {Path(par.bestand).name}: {par.naam} (vanaf {w.vanaf}, {leeftijd} jaar oud) - {w.bron.titel}")
    return 0


def indexeer(tarief: float, van: int, naar: int, gepubliceerd: bool) -> int:
    """Print a tariff indexed year by year (MODEL.md 7), every indexed year marked as projected."""
    from tarieven.catalogus import vng_indexaties
    from tarieven.indexatie import indexeer_jaren

    reeks = indexeer_jaren(tarief, van, vng_indexaties(van, naar), gepubliceerd=gepubliceerd)
    print(
        f"Indexatie volgens de VNG-methode van {van} naar {naar}"
        f" ({'gepubliceerd percentage' if gepubliceerd else 'volle precisie'}):"
    )
    print(f"  {'jaar':<6}{'index':>10}{'nacalc.':>10}{'totaal':>10}{'gepubl.':>10}{'tarief':>14}")
    for stap in reeks:
        ix = stap.indexatie
        bedrag = euro(float(stap.tarief))
        if ix is None:
            print(f"  {stap.jaar:<6}{'':>40}{bedrag:>14}  (basis)")
        else:
            delen = [procent(ix.index, 3), procent(ix.nacalculatie, 3), procent(ix.totaal, 3)]
            gepubl = getal(float(ix.gepubliceerd), 2) + " %"
            print(f"  {stap.jaar:<6}{''.join(f'{d:>10}' for d in delen)}{gepubl:>10}{bedrag:>14}  geprojecteerd")
    print("Geprojecteerd: geïndexeerd met indexcijfers, niet herberekend op de CAO-tabellen van dat jaar.")
    return 0


def parameters(naam: str | None, peildatum: dt.date | None) -> int:
    """Print parameters (filtered by a name fragment) with value on the peildatum, status and source."""
    params = standaard_parameters()
    datum = peildatum or dt.date.today()
    gevonden = 0
    for bestand in (*params.bestanden.values(), *params.producten.values()):
        bestandsnaam = Path(bestand.pad).relative_to(Path(params.map)).as_posix()
        for par in bestand.parameters.values():
            if naam and naam.lower() not in f"{bestandsnaam} {par.naam}".lower():
                continue
            gevonden += 1
            try:
                w = par.op(datum)
                waarde = _toon_waarde(par, w)
                regel = f"{waarde}  [{w.status}, vanaf {w.vanaf}]"
            except InvoerFout:
                w = par.laatste
                regel = f"geen waarde op {datum} (eerste vanaf {par.waarden[0].vanaf})"
            print(f"{bestandsnaam}: {par.naam} = {regel}")
            print(f"    {par.label}; bron: {w.bron}")
            if w.toelichting:
                print(f"    {w.toelichting.strip()}")
    if not gevonden:
        print(f"tarieven: geen parameter gevonden met {naam!r}", file=sys.stderr)
        return 2
    return 0
