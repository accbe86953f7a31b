"""The command line's subcommands and their options, and the output formats they share.

Only argparse and the registry's choices are imported here, so building the parser is
cheap; each command's implementation is imported when that command runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from tarieven.velden import VORMEN, veld

__all__ = [
    "FORMATEN",
    "aannames_argument",
    "formaat_argument",
    "peildatum_argumenten",
    "scenario_argumenten",
    "schrijf_csv",
    "schrijf_rijen",
    "voeg_toe",
]

FORMATEN = ("tekst", "json", "csv", "csv-nl")
"""Output formats: ``csv`` for tools, ``csv-nl`` for Dutch Excel (see :mod:`tarieven.csvformaat`)."""


def _peildatum(tekst: str) -> dt.date:
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


def peildatum_argumenten(opdracht: argparse.ArgumentParser, *, tariefjaar: bool = True, scenario: bool = True) -> None:
    """``--peildatum`` and, exclusive with it, ``--tariefjaar``; ``scenario``: the command reads a
    scenario, whose own peildatum is the default."""
    wanneer = opdracht.add_mutually_exclusive_group()
    wanneer.add_argument(
        "--peildatum",
        type=_peildatum,
        help="datum van de meegeleverde parameters (standaard: "
        + (
            "die van het scenario, anders vandaag)"
            if scenario
            else "vandaag; geef voor een tariefjaar een datum in dat jaar, bijvoorbeeld 2027-01-01)"
        ),
    )
    if tariefjaar:
        wanneer.add_argument(
            "--tariefjaar",
            type=_jaar,
            metavar="JAAR",
            help="in plaats van een peildatum: elke parameter tijdgewogen over dit kalenderjaar "
            "(naar het aantal dagen dat elke waarde gold)",
        )


def parameters_argument(opdracht: argparse.ArgumentParser) -> None:
    """``--parameters PAD``: the user's own parameter file or folder over the bundled ones."""
    opdracht.add_argument(
        "--parameters",
        metavar="PAD",
        help="eigen parameterbestand of -map, over de meegeleverde parameters heen: dezelfde naam en datum "
        "vervangt, een nieuwe datum vult aan (formaat: params/README.md)",
    )


def aannames_argument(opdracht: argparse.ArgumentParser, *, scenario: bool = True) -> None:
    """``--aannames laag|centraal|hoog``: the assumption set every value with readings is read at."""
    opdracht.add_argument(
        "--aannames",
        choices=veld("aannames").keuzes,
        help="lees elke aanname op haar lage, centrale of hoge lezing; laag en hoog geven samen de band van het "
        "tarief (standaard: " + ("die van het scenario, anders centraal)" if scenario else "centraal)"),
    )


def scenario_argumenten(opdracht: argparse.ArgumentParser) -> None:
    """What reads one scenario as ``bereken`` does: ``--peildatum``/``--tariefjaar``, ``--aannames``,
    ``--parameters``, ``--afstand`` and ``--vorm`` (transport) and ``--met``."""
    peildatum_argumenten(opdracht)
    aannames_argument(opdracht)
    parameters_argument(opdracht)
    opdracht.add_argument("--afstand", type=float, metavar="KM", help="vervoer 42A03: enkele-reisafstand in km")
    opdracht.add_argument("--vorm", choices=VORMEN, help="vervoer 42A03: de vervoersvorm")
    opdracht.add_argument(
        "--met",
        action="append",
        default=[],
        metavar="SLEUTEL=WAARDE",
        help="wat als: vervang één invoer, bijvoorbeeld --met product.groepsgrootte=8 of "
        "--met 'functies.mbo.maandsalaris=3600 EUR/maand' (mag vaker; de uitleg noemt de waarde "
        "'opgegeven bij de berekening')",
    )


def formaat_argument(opdracht: argparse.ArgumentParser) -> None:
    opdracht.add_argument(
        "--formaat",
        choices=FORMATEN,
        default="tekst",
        help="uitvoerformaat (standaard: tekst); csv-nl: puntkomma en decimale komma, voor Nederlandse Excel",
    )


def _bereken_en_uitleg(sub: Any) -> None:
    """Register ``bereken`` and ``uitleg``."""
    b = sub.add_parser("bereken", help="bereken het tarief en de opbouw van een scenario of product")
    u = sub.add_parser("uitleg", help="toon de volledige uitleg: elke regel met formule en invoer")
    for opdracht in (b, u):
        opdracht.add_argument(
            "bestand",
            metavar="BESTAND",
            help="scenario als .json, .toml of ingevuld sjabloon (.xlsx), of een productcode",
        )
        scenario_argumenten(opdracht)
    formaat_argument(b)
    b.add_argument(
        "--excel",
        metavar="XLSX",
        help="schrijf ook de hele berekening als werkmap met levende formules (.xlsx): wijzig een invoercel en "
        "het tarief rekent mee",
    )


def _lijsten(sub: Any) -> None:
    """Register ``producten``, ``parameters`` and ``indexeer``."""
    p = sub.add_parser("producten", help="toon de productcatalogus met eenheid, kerngetallen en tarief")
    peildatum_argumenten(p, scenario=False)
    aannames_argument(p, scenario=False)
    parameters_argument(p)
    formaat_argument(p)
    q = sub.add_parser("parameters", help="toon parameters met waarde, bron, datum en status")
    q.add_argument(
        "naam", nargs="?", help="(deel van) een parameter- of bestandsnaam, bijvoorbeeld 'salaris' of 'pfzw'"
    )
    peildatum_argumenten(q, tariefjaar=False, scenario=False)
    parameters_argument(q)
    q.add_argument(
        "--controle",
        action="store_true",
        help="controleer alle meegeleverde bestanden en toon per status hoeveel waarden er gelden, "
        "met de indicatieve waarden die vervangen moeten worden",
    )
    formaat_argument(q)
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
    parameters_argument(i)
    formaat_argument(i)


def _scenario(sub: Any) -> None:
    """Register ``tarieven scenario``."""
    a = sub.add_parser(
        "scenario",
        help="voer een rooster, gevoeligheid, Monte Carlo of doelzoeking uit een analysebestand uit",
        description="Voer de analyses uit een analysebestand (TOML) uit en schrijf CSV (en plots). "
        "Het formaat staat in de README onder 'Scenario-analyse'.",
    )
    a.add_argument("bestand", metavar="BESTAND", help="analysebestand (.toml)")
    a.add_argument("--uitvoer", metavar="MAP", help="map voor de uitvoer (standaard: uit het bestand)")
    a.add_argument("--plots", action="store_true", help="schrijf ook de plots als PNG")
    aannames_argument(a)
    parameters_argument(a)
    a.add_argument(
        "--overschrijf", action="store_true", help="vervang bestanden die al in de uitvoermap staan (standaard: weiger)"
    )
    a.add_argument(
        "--formaat",
        choices=("csv", "csv-nl"),
        default="csv",
        help="csv (standaard, voor programma's) of csv-nl (puntkomma en decimale komma, voor Nederlandse Excel)",
    )


def _test(sub: Any) -> None:
    """Register ``tarieven test``."""
    t = sub.add_parser(
        "test",
        help="controleer vastgelegde cijfers: geval voor geval de verwachte regels (geslaagd of mislukt)",
        description="Voer de gevallen uit een controlebestand (TOML) uit en vergelijk elke verwachte regel met "
        "de berekening. Exitcode 0 als alles slaagt, 1 als iets mislukt, 2 bij een ongeldig bestand.",
    )
    t.add_argument("bestand", metavar="BESTAND", help="controlebestand (.toml) met [[geval]]-tabellen")
    aannames_argument(t)
    formaat_argument(t)
    n = sub.add_parser(
        "normeer",
        help="van de inzendingen van veel aanbieders naar een tariefband per product (kostprijsonderzoek)",
        description="Prijs elke inzending (een scenariobestand met basis en [aanbieder], of een ingevuld sjabloon) "
        "en toon per product n, mediaan, kwartielen, gewogen mediaan, uitschieters en een voorgestelde band, zoals "
        "ingediend en op een gemeenschappelijke basis. Een inzending die niet te lezen is, een symbolische koppeling "
        "of een dubbele code staat onder 'weggelaten'; de rest telt mee. Aanbieders alleen met een code (of een "
        "nummer); --sleutel koppelt die aan aanbieder en bestand.",
    )
    n.add_argument("map", metavar="MAP", help="map met inzendingen (.toml, .json of een ingevuld sjabloon .xlsx)")
    n.add_argument("--normen", metavar="PAD", help="normenbestand voor de gemeenschappelijke basis")
    n.add_argument(
        "--band",
        nargs=2,
        type=float,
        metavar=("LAAG", "HOOG"),
        default=(25.0, 75.0),
        help="percentielen van de voorgestelde band (standaard 25 75: Q1 tot Q3)",
    )
    n.add_argument("--iqr", type=float, default=1.5, help="uitschieter buiten Q1/Q3 ± zoveel IQR (standaard 1,5)")
    n.add_argument(
        "--sleutel",
        metavar="PAD",
        help="schrijf de koppeling van code of nummer naar aanbieder en bestand apart naar dit nieuwe CSV-bestand "
        "(alleen voor u leesbaar)",
    )
    n.add_argument("--excel", metavar="PAD", help="schrijf ook het verslag als Excel-werkmap (.xlsx)")
    n.add_argument(
        "--plots", metavar="MAP", help="schrijf per product de band en de spreiding per regel als PNG in deze map"
    )
    n.add_argument(
        "--rapport",
        metavar="PAD",
        help="schrijf ook het verslag als rapport: verslag.html (één bestand) of verslag.pdf (A4); per product de "
        "kengetallen, de band, de spreiding en de inzendingen, aanbieders alleen met een code",
    )
    peildatum_argumenten(n, tariefjaar=False)
    aannames_argument(n)
    parameters_argument(n)
    formaat_argument(n)


def schrijf_rijen(rijen: Sequence[Mapping[str, Any]], formaat: str, tekst: str) -> None:
    """A listing in the chosen format: ``tekst`` as given, ``json`` a list of objects, ``csv`` or ``csv-nl`` a table."""
    if formaat == "json":
        print(json.dumps(list(rijen), ensure_ascii=False, indent=2, default=str, allow_nan=False))
    elif formaat in ("csv", "csv-nl"):
        from tarieven.csvformaat import records_tekst

        schrijf_csv(records_tekst(rijen, formaat))
    else:
        print(tekst)


def schrijf_csv(tekst: str) -> None:
    """CSV text to standard output as UTF-8 (with its byte-order mark, if any), whatever the console's encoding."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (redirected in a test): its own encoding
        sys.stdout.write(tekst)
        return
    sys.stdout.flush()
    buffer.write(tekst.encode("utf-8"))
    buffer.flush()


def _vergelijk(sub: Any) -> None:
    """Register ``tarieven vergelijk``."""
    v = sub.add_parser(
        "vergelijk",
        help="zet een eigen berekening regel voor regel naast die van de regio, met wat het verschil verklaart",
        description="Vergelijk een eigen scenario (TOML, JSON of een ingevuld sjabloon) met het product waarop het "
        "voortbouwt, of met TEGEN, een ander scenario van hetzelfde product: elke regel naast elkaar, de invoer die "
        "verschilt, en het verschil in het tarief verdeeld over groepen invoer (Shapley-decompositie; de delen tellen "
        "op tot het verschil). Elke kant rekent op haar eigen peildatum (de basis op die van EIGEN); met --peildatum "
        "rekenen beide kanten op die datum. Een ander product als TEGEN wordt "
        "geweigerd: regel voor regel vergelijken en het verschil ontleden gaat binnen één product.",
    )
    v.add_argument("eigen", metavar="EIGEN", help="het eigen scenario (.toml, .json of .xlsx)")
    v.add_argument(
        "tegen",
        metavar="TEGEN",
        nargs="?",
        help="een ander scenario van hetzelfde product (.toml, .json of .xlsx), of de productcode van de basis "
        "van EIGEN (standaard: die basis)",
    )
    peildatum_argumenten(v)
    aannames_argument(v)
    parameters_argument(v)
    formaat_argument(v)
    v.add_argument("--plot", metavar="PNG", help="schrijf ook de brug van het ene tarief naar het andere als PNG")


def _sjabloon(sub: Any) -> None:
    """Register ``tarieven sjabloon``."""
    t = sub.add_parser(
        "sjabloon",
        help="schrijf een Excel-sjabloon waarin een aanbieder zijn eigen kostprijs op een product invult",
        description="Schrijf een werkmap met de invoer van het product, vooraf ingevuld, met invoercontrole en "
        "bronnen. Lees het ingevulde sjabloon met 'tarieven bereken' of 'tarieven vergelijk'.",
    )
    t.add_argument("product", metavar="PRODUCT", help="productcode, bijvoorbeeld 41A22")
    t.add_argument("-o", "--uitvoer", metavar="XLSX", required=True, help="het sjabloon om te schrijven (.xlsx)")
    peildatum_argumenten(t, scenario=False)
    aannames_argument(t, scenario=False)
    parameters_argument(t)
    t.add_argument("--overschrijf", action="store_true", help="vervang een bestaand bestand (standaard: weiger)")


def _niveau(sub: Any) -> None:
    """Register ``tarieven niveau``."""
    n = sub.add_parser(
        "niveau",
        help="zet elk product met zijn band naast een gepubliceerd niveau, en wat centraal en laag scheidt",
        description="Prijs elk product met een gepubliceerd vergelijkingsniveau over een prijsjaar op de aannames "
        "laag, centraal en hoog, zet het gepubliceerde niveau (in natura, geïndexeerd naar het prijsjaar) ernaast, "
        "verdeel het verschil tussen centraal en laag over groepen aannames (Shapley, in centen die optellen) en "
        "zeg waarom een niveau buiten de band valt.",
    )
    n.add_argument(
        "--prijsjaar",
        type=_jaar,
        metavar="JAAR",
        help="het tariefjaar en prijspeil (standaard: het laatste jaar met een gepubliceerde jaarindex)",
    )
    n.add_argument(
        "--index-aanname",
        type=float,
        metavar="FRACTIE",
        help="aangenomen jaarindex voor jaren na de laatste gepubliceerde, bijvoorbeeld 0.04 (uitdrukkelijk genoemd)",
    )
    parameters_argument(n)
    formaat_argument(n)


def _rapport(sub: Any) -> None:
    """Register ``tarieven rapport``."""
    r = sub.add_parser(
        "rapport",
        help="schrijf het rapport voor de onderhandelingstafel: tarief, band, opbouw, invoer en bronnen (HTML of PDF)",
        description="Schrijf het tarief van een product, scenario of ingevuld sjabloon als rapport: het tarief met "
        "zijn band, de waterval, elke regel met haar formule, elke invoer met waarde, status en bron, de "
        "waarschuwingen, het gepubliceerde vergelijkbare niveau en de methode; bij een eigen scenario op een product "
        "ook de vergelijking met dat product. De extensie kiest het formaat: .html (één bestand dat niets van "
        "elders laadt) of .pdf (A4). SOURCE_DATE_EPOCH zet de datum 'gemaakt', zodat een rapport byte voor byte "
        "te herhalen is.",
    )
    r.add_argument("bestand", metavar="BRON", help="productcode, scenario (.toml, .json) of ingevuld sjabloon (.xlsx)")
    r.add_argument("-o", "--uitvoer", metavar="PAD", required=True, help="het rapport: rapport.html of rapport.pdf")
    scenario_argumenten(r)
    r.add_argument("--overschrijf", action="store_true", help="vervang een bestaand bestand (standaard: weiger)")


_REGISTRATIES = {
    "bereken": _bereken_en_uitleg,
    "uitleg": _bereken_en_uitleg,
    "producten": _lijsten,
    "parameters": _lijsten,
    "indexeer": _lijsten,
    "scenario": _scenario,
    "test": _test,
    "normeer": _test,
    "vergelijk": _vergelijk,
    "sjabloon": _sjabloon,
    "niveau": _niveau,
    "rapport": _rapport,
}
"""Each subcommand and the function that registers it (some register two or three together)."""


def voeg_toe(sub: Any, opdracht: str | None = None) -> None:
    """Register every subcommand; with a known ``opdracht`` only that one (and those registered
    with it): each subparser costs start-up time, and the others cannot be reached."""
    registraties = [_REGISTRATIES[opdracht]] if opdracht in _REGISTRATIES else dict.fromkeys(_REGISTRATIES.values())
    for registreer in registraties:
        registreer(sub)
