"""``tarieven producten``, ``tarieven parameters`` and ``tarieven indexeer``: listings in text, JSON or CSV."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from tarieven.cli.opties import schrijf_csv, schrijf_rijen
from tarieven.eigenparameters import laad_parameters
from tarieven.fouten import InvoerFout, Probleem
from tarieven.indexcijfers import indexeer as _indexeer
from tarieven.overzicht import productoverzicht, vervoersbedragen
from tarieven.parameterbestanden import laad_map
from tarieven.parameters import CENTRAAL, LEZINGEN, STATUSSEN, Parameter, Waarde
from tarieven.uitvoerbestand import atomair, schrijf_bytes
from tarieven.weergave import LEZING, band_tekst, euro, getal, ingekort, invoer, procent, telling

__all__ = ["indexeer", "parameters", "producten", "test"]


def producten(args: argparse.Namespace) -> int:
    """The catalogue: code, name, unit, key figures and the tariff on the bundled defaults."""
    tariefjaar = args.tariefjaar
    datum = None if tariefjaar is not None else args.peildatum or dt.date.today()
    params = laad_parameters(args.parameters)
    aannames = args.aannames or CENTRAAL
    df = productoverzicht(datum, tariefjaar=tariefjaar, params=params, aannames=aannames)
    bedragen = {
        s: vervoersbedragen(datum, tariefjaar=tariefjaar, params=params, aannames=s)
        for s in dict.fromkeys((aannames, "laag", "hoog"))
    }
    rijen: list[dict[str, Any]] = [{"code": str(code), **df.loc[code].to_dict()} for code in df.index]
    for code, per_categorie in bedragen[aannames].items():
        for categorie, (bedrag, status) in per_categorie.items():
            rijen.append(
                {
                    "code": code,
                    "naam": f"Vervoer, {categorie.replace('_', ' ')}",
                    "eenheid": "dag",
                    "tarief": bedrag,
                    "tarief_laag": bedragen["laag"][code][categorie][0],
                    "tarief_hoog": bedragen["hoog"][code][categorie][0],
                    "status": status,
                }
            )
    wanneer = f"tijdgewogen over {tariefjaar}" if tariefjaar is not None else f"op peildatum {datum}"
    kop = (
        f"{'code':<10} {'product':<40} {'eenheid':<8} {'groep':>5} {'bezet':>6} {'personeel':<22} {'tarief':>12}"
        "  band (laag – hoog)"
    )
    regels = [
        f"Productcatalogus ({len(df) + len(bedragen[aannames])} producten), parameters {wanneer}, aannames {aannames}",
        "",
        kop,
        "-" * len(kop),
    ]
    for code in df.index:
        rij = df.loc[code]
        regels.append(
            f"{code!s:<10} {ingekort(str(rij['naam'] or ''), 40):<40} {rij['eenheid']:<8} {rij['groepsgrootte']:>5g} "
            f"{procent(rij['bezettingsgraad']):>6} {ingekort(rij['personeel'], 22):<22} {euro(rij['tarief']):>12}"
            f"  {band_tekst(rij['tarief_laag'], rij['tarief_hoog'])}"
        )
    for code, per_categorie in bedragen[aannames].items():
        tekst = ", ".join(f"{c.replace('categorie_', 'cat ')} {euro(b)}" for c, (b, _) in per_categorie.items())
        regels.append(f"{code:<10} {'Vervoer (per dag per kind)':<40} {'dag':<8} {tekst}")
        statussen = ", ".join(sorted({s for _, s in per_categorie.values()}))
        if len({b for b, _ in per_categorie.values()}) == 1:
            regels.append(
                f"{'':<10} let op: één niveau voor alle categorieën (geen bron geeft bedragen per categorie; "
                f"status {statussen}); zie 'tarieven uitleg {code} --afstand KM --vorm VORM'"
            )
        elif set(statussen.split(", ")) & {"indicatief", "aanname"}:
            regels.append(f"{'':<10} let op: status van de bedragen: {statussen}")
    regels += [
        "",
        f"Tarief per cliënt per eenheid op de meegeleverde standaardwaarden, elke aanname op haar {LEZING[aannames]} "
        "lezing; de band: elke aanname op haar lage en op haar hoge lezing. Zie 'tarieven uitleg CODE'.",
    ]
    schrijf_rijen(rijen, args.formaat, "\n".join(regels))
    return 0


def _toon_waarde(par: Parameter, w: Waarde) -> str:
    if isinstance(w.waarde, str):
        return w.waarde
    eenheid = par.eenheid or ""
    if isinstance(w.waarde, tuple):
        getallen = ", ".join(invoer(x) for x in w.waarde)
        eenheid = "" if eenheid == "1" else f" {eenheid}"
        treden = (
            f" (trede {w.eerste_trede} tot en met {w.eerste_trede + len(w.waarde) - 1})"
            if par.naam.startswith("salaris.")
            else ""
        )
        return f"[{getallen}]{eenheid}{treden}"
    return invoer(w.waarde, eenheid)


def _controle(args: argparse.Namespace) -> int:
    """Health report: every file loads (strictly), values per status, and the indicatief
    values in force that are due for replacement (oldest first)."""
    params = laad_map()  # every file, strictly: raises on any broken file
    datum = args.peildatum or dt.date.today()
    geldig: list[tuple[Parameter, Waarde]] = []
    for par in params:
        try:
            geldig.append((par, par.op(datum)))
        except InvoerFout:
            continue
    regels = [
        f"{len(params.bestanden)} parameterbestanden en {len(params.producten)} producten geladen uit {params.map}",
        f"parameterset-hash {params.hash[:12]}; waarden geldig op {datum}:",
    ]
    regels += [f"  {status:<11} {sum(w.status == status for _, w in geldig):>4}" for status in STATUSSEN]
    geprojecteerd = [(p, w) for p, w in geldig if w.geprojecteerd]
    if geprojecteerd:
        regels.append(f"  waarvan geprojecteerd (na het einde van hun bron): {len(geprojecteerd)}")
    te_vervangen = sorted(((p, w) for p, w in geldig if w.status == "indicatief"), key=lambda pw: pw[1].vanaf)
    rijen = []
    if te_vervangen:
        regels.append("\nIndicatieve waarden (te vervangen zodra de primaire bron er is), oudste eerst:")
    for par, w in te_vervangen:
        leeftijd = (datum - w.vanaf).days // 365
        regels.append(f"  {Path(par.bestand).name}: {par.naam} (vanaf {w.vanaf}, {leeftijd} jaar oud) - {w.bron.titel}")
        rijen.append({"bestand": Path(par.bestand).name, "parameter": par.naam, "vanaf": w.vanaf, "bron": w.bron.titel})
    schrijf_rijen(rijen, args.formaat, "\n".join(regels))
    return 0


def parameters(args: argparse.Namespace) -> int:
    """Parameters (filtered by a name fragment) with their value on the peildatum, status and source."""
    if args.controle:
        return _controle(args)
    params = laad_parameters(args.parameters)
    datum = args.peildatum or dt.date.today()
    naam = args.naam
    regels: list[str] = []
    rijen: list[dict[str, Any]] = []
    for bestand in (*params.bestanden.values(), *params.producten.values()):
        pad = Path(bestand.pad)
        bestandsnaam = pad.relative_to(params.map).as_posix() if pad.is_relative_to(params.map) else str(pad)
        for par in bestand.parameters.values():
            if naam and naam.lower() not in f"{bestandsnaam} {par.naam}".lower():
                continue
            try:
                w = par.op(datum)
                markering = (", geprojecteerd" if w.geprojecteerd else "") + (
                    f", eigen parameters {w.bestand}" if w.bestand else ""
                )
                regel = f"{_toon_waarde(par, w)}  [{w.status}{markering}, vanaf {w.vanaf}]"
                waarde: Any = w.waarde
            except InvoerFout as e:
                w, waarde = par.laatste, None
                regel = f"geen waarde op {datum}: verwacht {e.problemen[0].verwacht}"
            regels += [f"{bestandsnaam}: {par.naam} = {regel}", f"    {par.label}; bron: {w.bron}"]
            for toelichting in dict.fromkeys(t for t in (par.toelichting, w.toelichting) if t):
                regels.append(f"    {' '.join(toelichting.split())}")
            rij = {
                "bestand": bestandsnaam,
                "parameter": par.naam,
                "waarde": waarde,
                "eenheid": par.eenheid,
                "status": w.status,
                "geprojecteerd": w.geprojecteerd,
                "vanaf": w.vanaf,
                "bron": str(w.bron),
            }
            if waarde is not None and par.heeft_lezingen:
                for lezing in LEZINGEN:
                    rij[lezing] = _lezing(par, lezing, datum)
                    regels.append(f"    {lezing}: {_toon_waarde(par, par.bij(lezing).op(datum))}")
            elif waarde is not None and w.status == "aanname" and w.geprojecteerd:  # carried forward, no readings
                rij |= dict.fromkeys(LEZINGEN, _zonder_lezingen(w))
            rijen.append(rij)
    if not rijen:
        raise InvoerFout([Probleem("naam", naam, "(een deel van) de naam van een meegeleverde parameter of bestand")])
    if args.formaat in ("csv", "csv-nl"):  # a table: each reading as its value and its reason in columns
        rijen = [_plat_lezingen(r) for r in rijen]
    schrijf_rijen(rijen, args.formaat, "\n".join(regels))
    return 0


def _lezing(par: Parameter, lezing: str, datum: dt.date) -> dict[str, Any]:
    """One reading of a parameter on a date, as a table: its value, its reason and its source."""
    w = par.bij(lezing).op(datum)
    toelichting = " ".join((w.toelichting or "").split()).removeprefix(f"lezing {lezing}: ")
    return {"waarde": w.waarde, "toelichting": toelichting, "bron": str(w.bron)}


def _zonder_lezingen(w: Waarde) -> dict[str, Any]:
    """The readings of a value carried past its source without readings of its own: the value itself."""
    toelichting = (
        f"Geen eigen lezingen: de waarde is na het einde van haar bron doorgetrokken uit een waarde met status "
        f"{w.bronstatus}; in de aannamesets zijn laag, centraal en hoog gelijk (de onzekerheidsband geeft haar "
        "de marge van haar bron)."
    )
    return {"waarde": w.waarde, "toelichting": toelichting, "bron": str(w.bron)}


def _plat_lezingen(rij: dict[str, Any]) -> dict[str, Any]:
    uit = {k: v for k, v in rij.items() if k not in LEZINGEN}
    for lezing in LEZINGEN:
        tabel = rij.get(lezing) or {}
        uit[lezing], uit[f"{lezing}_toelichting"] = tabel.get("waarde"), tabel.get("toelichting")
    return uit


def indexeer(args: argparse.Namespace) -> int:
    """A tariff indexed year by year (the VNG method); every indexed year marked as projected."""
    reeks = _indexeer(args.tarief, args.van, args.naar, gepubliceerd=args.gepubliceerd, params=args.parameters)
    wijze = "gepubliceerd percentage" if args.gepubliceerd else "volle precisie"
    regels = [
        f"Indexatie volgens de VNG-methode van {args.van} naar {args.naar} ({wijze}):",
        f"  {'jaar':<6}{'index':>10}{'nacalc.':>10}{'totaal':>10}{'gepubl.':>10}{'tarief':>14}",
    ]
    rijen: list[dict[str, Any]] = []
    for stap in reeks:
        ix = stap.indexatie
        bedrag = euro(float(stap.tarief))
        rij: dict[str, Any] = {"jaar": stap.jaar, "tarief": float(stap.tarief), "geprojecteerd": stap.geprojecteerd}
        if ix is None:
            regels.append(f"  {stap.jaar:<6}{'':>40}{bedrag:>14}  (basis)")
        else:
            delen = [procent(ix.index, 3), procent(ix.nacalculatie, 3), procent(ix.totaal, 3)]
            gepubl = getal(float(ix.gepubliceerd), 2) + " %"
            regels.append(
                f"  {stap.jaar:<6}{''.join(f'{d:>10}' for d in delen)}{gepubl:>10}{bedrag:>14}  geprojecteerd"
            )
            rij |= {
                "index": ix.index,
                "nacalculatie": ix.nacalculatie,
                "totaal": ix.totaal,
                "gepubliceerd_procent": str(ix.gepubliceerd),
            }
        rijen.append(rij)
    regels.append("Geprojecteerd: geïndexeerd met indexcijfers, niet herberekend op de CAO-tabellen van dat jaar.")
    schrijf_rijen(rijen, args.formaat, "\n".join(regels))
    return 0


def test(args: argparse.Namespace) -> int:
    """``tarieven test``: every case of a checks file, passed or failed per line; 1 if any fails."""
    from tarieven.controles import voer_controles_uit

    uitslagen = voer_controles_uit(args.bestand, aannames=args.aannames)
    regels: list[str] = []
    rijen: list[dict[str, Any]] = []
    for g in uitslagen:
        regels.append(f"{'geslaagd' if g.geslaagd else 'MISLUKT '} {g.naam}")
        if g.fout is not None:
            regels.append(f"    {g.fout}")
            rijen.append({"geval": g.naam, "regel": None, "geslaagd": False, "fout": g.fout})
        for r in g.regels:
            if not r.geslaagd or args.formaat != "tekst":
                regels.append(f"    {r}")
            rijen.append(
                {
                    "geval": g.naam,
                    "regel": r.regel,
                    "verwacht": r.verwacht,
                    "berekend": r.berekend,
                    "tolerantie": r.tolerantie,
                    "geslaagd": r.geslaagd,
                }
            )
    n_regels = sum(len(g.regels) for g in uitslagen)
    mislukt = [g for g in uitslagen if not g.geslaagd]
    regels.append(
        f"\n{len(uitslagen) - len(mislukt)} van {len(uitslagen)} gevallen geslaagd ({n_regels} regels gecontroleerd)"
    )
    schrijf_rijen(rijen, args.formaat, "\n".join(regels))
    return 1 if mislukt else 0


def _normeringsplots(uitkomst: Any, map_: Path) -> None:
    """Per product ``band-<product>.png`` and ``spreiding-<product>.png``; never over an existing file."""
    import matplotlib.pyplot as plt

    from tarieven import plots

    map_.mkdir(parents=True, exist_ok=True)
    namen = [f"{naam}-{p}.png" for p in uitkomst.producten for naam in ("band", "spreiding")]
    if bestaand := [n for n in namen if (map_ / n).exists() or (map_ / n).is_symlink()]:
        lijst = ", ".join(bestaand)
        verwacht = f"een map zonder de plots die geschreven worden; er staan al {lijst}: kies een andere map"
        raise InvoerFout([Probleem("--plots", str(map_), verwacht)])
    for product, pn in uitkomst.producten.items():
        for naam, teken in (("band", plots.band), ("spreiding", plots.spreiding)):
            fig, ax = plt.subplots(figsize=(9, 5), layout="constrained")
            teken(pn, ax=ax)
            with atomair(map_ / f"{naam}-{product}.png", overschrijven=False, optie="--plots") as tijdelijk:
                fig.savefig(tijdelijk, dpi=110, format="png")
            plt.close(fig)
            print(f"geschreven: {map_ / f'{naam}-{product}.png'}", file=sys.stderr)


def normeer(args: argparse.Namespace) -> int:
    """``tarieven normeer``: per product the figures and the band; providers by code only."""
    from tarieven.csvformaat import csv_tekst, records_tekst
    from tarieven.normering import normeer as _normeer

    if args.rapport:  # checked before the study is priced
        from tarieven.rapport.schrijven import controleer_pad

        controleer_pad(args.rapport, overschrijven=False, optie="--rapport")
    uitkomst = _normeer(
        args.map,
        normen=args.normen,
        peildatum=args.peildatum,
        band=tuple(args.band),
        iqr_factor=args.iqr,
        params=args.parameters,
        aannames=args.aannames,
    )
    for i in uitkomst.fouten:  # for the analyst, on stderr: which file; the report names the code or number only
        print(f"tarieven: weggelaten: {i.code} ({i.bestand}): {i.fout}", file=sys.stderr)
    if args.sleutel:  # never over an existing file; readable by the user only
        tekst = csv_tekst(uitkomst.sleutelrijen(), "csv")
        schrijf_bytes(args.sleutel, tekst.encode("utf-8"), overschrijven=False, prive=True, optie="--sleutel")
        print(f"geschreven: {args.sleutel}", file=sys.stderr)
    if args.plots:
        _normeringsplots(uitkomst, Path(args.plots))
    if args.excel:
        from tarieven.normeringsverslag import schrijf_normeringsverslag

        print(f"geschreven: {schrijf_normeringsverslag(uitkomst, args.excel)}", file=sys.stderr)
    if args.rapport:
        from tarieven.rapport import schrijf_normeringsrapport

        pad, paginas = schrijf_normeringsrapport(uitkomst, args.rapport, overschrijven=False, optie="--rapport")
        omvang = "" if not paginas else " (" + telling(paginas, "pagina", "pagina's") + " A4)"  # 1 pagina, 3 pagina's
        print(f"geschreven: {pad}{omvang}", file=sys.stderr)
    if args.formaat == "json":
        import json

        print(json.dumps(uitkomst.naar_dict(), ensure_ascii=False, indent=2, allow_nan=False))
    elif args.formaat in ("csv", "csv-nl"):
        schrijf_csv(
            records_tekst(
                [{str(k): v for k, v in r.items()} for r in uitkomst.tabel().to_dict("records")], args.formaat
            )
        )
    else:
        print(uitkomst.tekst())
    return 0
