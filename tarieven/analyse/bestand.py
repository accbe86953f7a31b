"""``tarieven scenario BESTAND``: a grid, sensitivity, Monte Carlo ... described in a TOML file.

Het analysebestand (TOML)
-------------------------

Een analysebestand beschrijft welke "wat als"-vragen over één scenario gesteld worden.
Elke sectie is optioneel, maar er moet er ten minste één zijn. Sleutels van invoer zijn
de gepunte namen uit het scenario (``product.groepsgrootte``,
``functies.mbo.maandsalaris``); zet ze tussen aanhalingstekens, of schrijf ze als
geneste tabel (``[rooster.product]`` met ``groepsgrootte = [...]``). Getallen zijn in de
eenheid van het veld, of tekst met eenheid (``"3400 EUR/maand"``)::

    scenario = "dagbesteding-licht.toml"   # verplicht; pad relatief aan dit bestand, of een productcode
    peildatum = 2027-01-01                 # optioneel: datum van de meegeleverde parameters
    uitvoer = "analyse-uitvoer"            # map voor CSV en plots (standaard: <naam>-uitvoer)
    regels = ["tarief_per_client"]         # optioneel: alleen deze regels in rooster en Monte Carlo

    [rooster]                              # alle combinaties (cartesisch product)
    "product.groepsgrootte" = [6, 8, 10, 12]
    "product.bezettingsgraad" = { van = 0.6, tot = 1.0, stap = 0.05 }   # of { van, tot, aantal }
    "functies.mbo.maandsalaris" = ["3250 EUR/maand", "3400 EUR/maand"]
    "opslagen.overhead_grondslag" = ["aandeel_integrale_kostprijs", "opslag_op_kostprijs"]   # structuurkeuze
    "product.ratio.afronding" = ["naar_boven", "exact"]   # structuurkeuze, alleen bij een ratio

    [gevoeligheid]                         # één invoer tegelijk, de tornado
    procent = 10                           # standaard 10
    sleutels = ["product.bezettingsgraad"] # optioneel; standaard alle invoer
    bereiken = { "product.bezettingsgraad" = [0.7, 1.0] }   # optioneel, in plaats van het percentage

    [montecarlo]                           # onzekerheid
    n = 100000
    seed = 2027                            # zelfde seed, zelfde trekkingen
    percentielen = [5, 50, 95]

    [montecarlo.verdelingen]
    "product.bezettingsgraad" = { verdeling = "driehoek", laag = 0.7, modus = 0.85, hoog = 0.95 }
    "functies.mbo.maandsalaris" = { verdeling = "normaal", gemiddelde = 3250, sd = 150, laag = 3000, hoog = 3600 }
    "opslagen.overhead" = { verdeling = "uniform", laag = 0.2, hoog = 0.3 }
    "product.groepsgrootte" = { verdeling = "keuze", waarden = [8, 10], kansen = [0.3, 0.7] }
    "product.ratio.afronding" = { verdeling = "keuze", waarden = ["naar_boven", "exact"], kansen = [0.8, 0.2] }

    [[doelzoeken]]                         # welke invoer geeft dit tarief?
    sleutel = "product.bezettingsgraad"
    doel = 95.0                            # in euro (of de eenheid van de regel)
    regel = "tarief_per_client"            # optioneel
    bereik = [0.5, 1.0]                    # optioneel

    [bekostiging]                          # capaciteit naast P × Q
    risico_opslag = 0.0                    # optioneel; standaard die van het scenario

De structuurkeuzes ``product.ratio.afronding`` en ``opslagen.overhead_grondslag`` krijgen
in ``[rooster]`` een lijst van teksten (of één tekst) en in ``[montecarlo.verdelingen]``
een keuze tussen teksten; in de CSV staan ze als tekst. Een rooster dat een structuurkeuze
varieert, krijgt geen ``rooster.png``.

Uitvoer in de map: ``rooster.csv``, ``gevoeligheid.csv``, ``montecarlo.csv`` (alle
trekkingen), ``montecarlo-percentielen.csv``, ``doelzoeken.csv``, ``bekostiging.csv``, in
volle precisie; met ``--plots`` ook ``opbouw.png``, ``rooster.png`` (heatmap bij twee
gevarieerde invoeren, lijn bij één), ``tornado.png``, ``montecarlo.png`` en
``bekostiging.png``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import numpy as np

from tarieven import weergave
from tarieven.analyse._gemeen import VoortgangRegel
from tarieven.analyse._keuzes import is_keuze
from tarieven.analyse.bekostiging import bekostiging
from tarieven.analyse.doelzoeken import doelzoek
from tarieven.analyse.gevoeligheid import gevoeligheid
from tarieven.analyse.montecarlo import Verdeling, monte_carlo, verdeling_uit_dict
from tarieven.analyse.rooster import rooster
from tarieven.fouten import InvoerFout, Probleem, TarievenFout
from tarieven.scenario import Scenario, lees_scenario

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Analyseplan", "lees_analyse", "main", "voeg_parser_toe", "voer_uit"]

SECTIES = ("rooster", "gevoeligheid", "montecarlo", "doelzoeken", "bekostiging")
TOP = {"scenario", "peildatum", "uitvoer", "regels", *SECTIES}
CSV_BLOK = 100_000
MAX_BEREIK_WAARDEN = 100_000


@dataclass
class Analyseplan:
    """An analysis file, read and checked: what to compute and where to write it."""

    bestand: Path
    scenario: Scenario
    uitvoer: Path
    regels: list[str] | None = None
    rooster: dict[str, Any] | None = None
    gevoeligheid: dict[str, Any] | None = None
    montecarlo: dict[str, Any] | None = None
    verdelingen: dict[str, Verdeling] = field(default_factory=dict)
    doelzoeken: list[dict[str, Any]] = field(default_factory=list)
    bekostiging: dict[str, Any] | None = None


def _plat(d: Mapping[str, Any], blad: Callable[[Any], bool], prefix: str = "") -> dict[str, Any]:
    """Nested tables to dotted keys; ``blad`` says which dict values are leaves."""
    uit: dict[str, Any] = {}
    for k, v in d.items():
        sleutel = f"{prefix}{k}"
        if isinstance(v, Mapping) and not blad(v):
            uit.update(_plat(v, blad, sleutel + "."))
        else:
            uit[sleutel] = v
    return uit


def _bereik_waarden(sleutel: str, spec: Mapping[str, Any], p: list[Probleem]) -> Any:
    """``{van, tot, stap}`` or ``{van, tot, aantal}`` to a list of values, end points exact."""
    verwacht = "{ van = ..., tot = ..., stap = ... } of { van = ..., tot = ..., aantal = ... }, met van ≤ tot"
    velden = set(spec)
    if velden not in ({"van", "tot", "stap"}, {"van", "tot", "aantal"}):
        p.append(Probleem(sleutel, dict(spec), verwacht))
        return None
    try:
        van, tot = float(spec["van"]), float(spec["tot"])
        if "aantal" in spec:
            aantal = spec["aantal"]
            if isinstance(aantal, bool) or not isinstance(aantal, int) or aantal < 1:
                raise ValueError
        else:
            stap = float(spec["stap"])
            if not stap > 0:
                raise ValueError
            aantal = math.floor((tot - van) / stap * (1 + 1e-12) + 1e-9) + 1
    except (TypeError, ValueError):
        p.append(Probleem(sleutel, dict(spec), verwacht + "; stap groter dan 0, aantal een geheel getal ≥ 1"))
        return None
    if not (math.isfinite(van) and math.isfinite(tot) and van <= tot) or aantal > MAX_BEREIK_WAARDEN:
        p.append(Probleem(sleutel, dict(spec), verwacht + f"; hoogstens {weergave.aantal(MAX_BEREIK_WAARDEN)} waarden"))
        return None
    if "stap" in spec:
        # van + i * stap, with the last value exactly `tot` when the steps land on it
        waarden = van + float(spec["stap"]) * np.arange(aantal)
        if math.isclose(waarden[-1], tot, rel_tol=1e-9, abs_tol=1e-12):
            waarden[-1] = tot
        return np.round(waarden, 12)
    return np.linspace(van, tot, aantal)


def lees_analyse(pad: str | Path) -> Analyseplan:
    """Read and check an analysis file (format: see the module docstring).

    Raises
    ------
    InvoerFout
        Naming the analysis file, key, value and what was expected; a problem in the
        scenario itself names the scenario file.
    """
    pad = Path(pad)
    bron = str(pad)
    if not pad.is_file():
        raise InvoerFout([Probleem("bestand", bron, "een bestaand .toml-analysebestand")])
    try:
        data = tomllib.loads(pad.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise InvoerFout([Probleem("(bestand)", "...", f"geldige TOML; {e}")], bron) from None
    p: list[Probleem] = []
    for k in data:
        if k not in TOP:
            p.append(Probleem(k, data[k], f"een bekende sleutel ({', '.join(sorted(TOP))})"))
    if not any(s in data for s in SECTIES):
        p.append(Probleem("(bestand)", "geen analyse", f"ten minste één van de secties {', '.join(SECTIES)}"))
    scen = data.get("scenario", ...)
    if not isinstance(scen, str):
        p.append(
            Probleem(
                "scenario",
                scen,
                "het pad van het scenario (.toml of .json), relatief aan dit bestand, of een productcode",
            )
        )
    if p:
        raise InvoerFout(p, bron)
    peildatum = data.get("peildatum")
    if peildatum is not None and not isinstance(peildatum, dt.date):
        raise InvoerFout([Probleem("peildatum", peildatum, "een TOML-datum zoals 2027-01-01")], bron)
    # a file next to the analysis file, else a catalogue product code ("41A22")
    scenario_pad = pad.parent / str(scen)
    scenario = lees_scenario(scenario_pad if scenario_pad.exists() else str(scen), peildatum)
    uitvoer = data.get("uitvoer", f"{pad.stem}-uitvoer")
    if not isinstance(uitvoer, str):
        raise InvoerFout([Probleem("uitvoer", uitvoer, "het pad van een map (tekst)")], bron)
    plan = Analyseplan(bestand=pad, scenario=scenario, uitvoer=pad.parent / uitvoer)

    def tabel(naam: str) -> dict[str, Any] | None:
        if naam not in data:
            return None
        if not isinstance(data[naam], Mapping):
            p.append(Probleem(naam, data[naam], "een tabel ([" + naam + "])"))
            return None
        return dict(data[naam])

    regels = data.get("regels")
    if regels is not None:
        if not isinstance(regels, list) or not all(isinstance(r, str) for r in regels):
            p.append(Probleem("regels", regels, "een lijst van regelnamen"))
        else:
            plan.regels = regels

    if (r := tabel("rooster")) is not None:
        variaties = {}
        for k, v in _plat(r, lambda d: "van" in d or "tot" in d).items():
            if isinstance(v, Mapping):
                v = _bereik_waarden(f"rooster.{k}", v, p)
            elif not isinstance(v, list):
                v = [v]
            if v is not None:
                variaties[k] = v
        if not variaties:
            p.append(Probleem("rooster", r, "ten minste één invoer met waarden"))
        plan.rooster = variaties

    if (g := tabel("gevoeligheid")) is not None:
        bekend = {"procent", "sleutels", "bereiken"}
        for k in g:
            if k not in bekend:
                p.append(Probleem(f"gevoeligheid.{k}", g[k], f"een bekende sleutel ({', '.join(sorted(bekend))})"))
        bereiken = _plat(g.get("bereiken", {}), lambda d: False)
        for k, v in bereiken.items():
            if not (isinstance(v, list) and len(v) == 2 and all(isinstance(x, (int, float)) for x in v)):
                p.append(Probleem(f"gevoeligheid.bereiken.{k}", v, "[laag, hoog]"))
        g["bereiken"] = {k: tuple(v) for k, v in bereiken.items()}
        plan.gevoeligheid = g

    if (m := tabel("montecarlo")) is not None:
        bekend = {"n", "seed", "percentielen", "verdelingen"}
        for k in m:
            if k not in bekend:
                p.append(Probleem(f"montecarlo.{k}", m[k], f"een bekende sleutel ({', '.join(sorted(bekend))})"))
        verdelingen = _plat(m.pop("verdelingen", {}), lambda d: "verdeling" in d)
        if not verdelingen:
            p.append(Probleem("montecarlo.verdelingen", ..., "ten minste één invoer met een verdeling"))
        for k, v in verdelingen.items():
            try:
                plan.verdelingen[k] = verdeling_uit_dict(v if isinstance(v, Mapping) else {})
            except ValueError as e:
                p.append(Probleem(f"montecarlo.verdelingen.{k}", v, str(e)))
        plan.montecarlo = m

    doelen = data.get("doelzoeken", [])
    if not isinstance(doelen, list) or not all(isinstance(d, Mapping) for d in doelen):
        p.append(Probleem("doelzoeken", doelen, "een lijst van tabellen ([[doelzoeken]])"))
    else:
        bekend = {"sleutel", "doel", "regel", "bereik", "geheel", "kies", "voorwaarde"}
        for i, d in enumerate(doelen):
            for k in d:
                if k not in bekend:
                    p.append(
                        Probleem(f"doelzoeken[{i}].{k}", d[k], f"een bekende sleutel ({', '.join(sorted(bekend))})")
                    )
            if not isinstance(d.get("sleutel"), str) or not isinstance(d.get("doel"), (int, float)):
                p.append(Probleem(f"doelzoeken[{i}]", dict(d), "sleutel (een invoer) en doel (een getal)"))
        plan.doelzoeken = [dict(d) for d in doelen]

    if (b := tabel("bekostiging")) is not None:
        for k in b:
            if k != "risico_opslag":
                p.append(Probleem(f"bekostiging.{k}", b[k], "alleen risico_opslag (optioneel)"))
        plan.bekostiging = b
    if p:
        raise InvoerFout(p, bron)
    return plan


def _schrijf_csv(df: pd.DataFrame, pad: Path, label: str, stroom: IO[str]) -> None:
    """CSV in full precision, written in blocks with progress for large tables."""
    voortgang = VoortgangRegel(f"{label} schrijven", stroom=stroom)
    with pad.open("w", encoding="utf-8", newline="") as f:
        for a in range(0, max(len(df), 1), CSV_BLOK):
            blok = df.iloc[a : a + CSV_BLOK]
            blok.to_csv(f, header=a == 0, index=df.index.name is not None, lineterminator="\n")
            voortgang(min(a + CSV_BLOK, len(df)), len(df))
    voortgang.klaar()


def voer_uit(plan: Analyseplan, *, plots: bool = False, stroom: IO[str] | None = None) -> list[Path]:
    """Run every analysis of the plan, write CSV (and PNG with ``plots``); returns the files written.

    Progress of long runs (over 2 s) and a line per file go to ``stroom`` (stderr).
    """
    stroom = stroom if stroom is not None else sys.stderr
    s = plan.scenario
    plan.uitvoer.mkdir(parents=True, exist_ok=True)
    geschreven: list[Path] = []
    figuren: dict[str, Callable[..., Any]] = {}

    def schrijf(naam: str, df: pd.DataFrame, label: str) -> None:
        pad = plan.uitvoer / naam
        _schrijf_csv(df, pad, label, stroom)
        geschreven.append(pad)

    if plan.rooster is not None:
        vg = VoortgangRegel("rooster", stroom=stroom)
        df = rooster(s, plan.rooster, regels=plan.regels, voortgang=vg)
        vg.klaar()
        schrijf("rooster.csv", df, "rooster.csv")
        gevarieerd = [k for k in plan.rooster if df[k].nunique() > 1]
        if plots and any(is_keuze(k) for k in gevarieerd):  # a heatmap or line needs numeric axes
            stroom.write("rooster.png overgeslagen: het rooster varieert een structuurkeuze\n")
        elif plots and "tarief_per_client" in df:
            from tarieven import plots as pl

            if len(gevarieerd) == 2:
                figuren["rooster.png"] = partial(pl.heatmap, df, gevarieerd[0], gevarieerd[1])
            elif len(gevarieerd) == 1:
                figuren["rooster.png"] = partial(pl.lijn, df, gevarieerd[0])
    if plan.gevoeligheid is not None:
        g = plan.gevoeligheid
        tornado = gevoeligheid(s, g.get("sleutels"), procent=float(g.get("procent", 10.0)), bereiken=g["bereiken"])
        schrijf("gevoeligheid.csv", tornado, "gevoeligheid.csv")
        if plots:
            from tarieven import plots as pl

            figuren["tornado.png"] = partial(pl.tornado, tornado)
    if plan.montecarlo is not None:
        m = plan.montecarlo
        vg = VoortgangRegel("Monte Carlo", stroom=stroom)
        mc = monte_carlo(
            s,
            plan.verdelingen,
            m.get("n", 10_000),
            seed=m.get("seed", 2027),
            regels=plan.regels,
            percentielen=m.get("percentielen", (5, 50, 95)),
            voortgang=vg,
        )
        vg.klaar()
        schrijf("montecarlo.csv", mc.trekkingen, "montecarlo.csv")
        schrijf("montecarlo-percentielen.csv", mc.percentielen, "montecarlo-percentielen.csv")
        if plots and "tarief_per_client" in mc.trekkingen:
            from tarieven import plots as pl

            figuren["montecarlo.png"] = partial(pl.histogram, mc)
    if plan.doelzoeken:
        rijen = []
        for d in plan.doelzoeken:
            regel = d.get("regel", "tarief_per_client")
            bereik = (float(d["bereik"][0]), float(d["bereik"][1])) if "bereik" in d else None
            x = doelzoek(
                s,
                d["sleutel"],
                float(d["doel"]),
                regel=regel,
                bereik=bereik,
                geheel=d.get("geheel"),
                kies=d.get("kies", "kleinste"),
                voorwaarde=d.get("voorwaarde", "hoogstens"),
            )
            rijen.append({"sleutel": d["sleutel"], "regel": regel, "doel": float(d["doel"]), "waarde": x})
        import pandas as pd

        schrijf("doelzoeken.csv", pd.DataFrame(rijen), "doelzoeken.csv")
    if plan.bekostiging is not None:
        bk = bekostiging(s, risico_opslag=plan.bekostiging.get("risico_opslag"))
        tabel = bk.naar_bezetting(np.round(np.linspace(0.5, 1.0, 51), 12))
        schrijf("bekostiging.csv", tabel, "bekostiging.csv")
        stroom.write(str(bk) + "\n")
        if plots:
            from tarieven import plots as pl

            kolommen = ["capaciteit_per_plaats_jaar", "pxq_per_plaats_jaar", "kosten_per_plaats_jaar"]
            figuren["bekostiging.png"] = partial(pl.lijn, tabel, "bezettingsgraad", kolommen)
    if plots:
        import matplotlib.pyplot as plt

        from tarieven import bereken
        from tarieven import plots as pl

        figuren = {"opbouw.png": partial(pl.waterval, bereken(s)), **figuren}
        for naam, teken in figuren.items():
            fig, ax = plt.subplots(figsize=(9, 5.5), layout="constrained")
            teken(ax=ax)
            pad = plan.uitvoer / naam
            fig.savefig(pad, dpi=110)
            plt.close(fig)
            geschreven.append(pad)
    for pad in geschreven:
        stroom.write(f"geschreven: {pad}\n")
    return geschreven


def voeg_parser_toe(sub: Any) -> None:
    """Register ``tarieven scenario`` on the CLI's subparsers."""
    a = sub.add_parser(
        "scenario",
        help="voer een rooster, gevoeligheid, Monte Carlo of doelzoeking uit een analysebestand uit",
        description="Voer de analyses uit een analysebestand (TOML) uit en schrijf CSV (en plots). "
        "Het formaat staat in de README onder 'Scenario-analyse'.",
    )
    a.add_argument("bestand", metavar="BESTAND", help="analysebestand (.toml)")
    a.add_argument("--uitvoer", metavar="MAP", help="map voor de uitvoer (standaard: uit het bestand)")
    a.add_argument("--plots", action="store_true", help="schrijf ook de plots als PNG")


def main(args: argparse.Namespace) -> int:
    """Run ``tarieven scenario``; 0 on success, 2 on bad input (message on stderr)."""
    try:
        plan = lees_analyse(args.bestand)
        if args.uitvoer:
            plan.uitvoer = Path(args.uitvoer)
        voer_uit(plan, plots=args.plots)
    except TarievenFout as e:
        print(f"tarieven: {e}", file=sys.stderr)
        return 2
    return 0
