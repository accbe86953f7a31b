"""An analysis file: a grid, sensitivity, Monte Carlo ... over one scenario, described in TOML.

:func:`lees_analyse` reads and checks the file, :func:`voer_uit` runs every analysis it asks
for and returns the tables; ``tarieven scenario BESTAND`` (:mod:`tarieven.cli.scenario`)
writes them as CSV and plots.

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

import datetime as dt
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tarieven import weergave
from tarieven.analyse._gemeen import Voortgang
from tarieven.analyse.bekostiging import Bekostiging, bekostiging
from tarieven.analyse.doelzoeken import doelzoek
from tarieven.analyse.gevoeligheid import gevoeligheid
from tarieven.analyse.montecarlo import MonteCarlo, Verdeling, monte_carlo, verdeling_uit_dict
from tarieven.analyse.rooster import rooster
from tarieven.fouten import InvoerFout, Probleem
from tarieven.inlezen import lees_scenario
from tarieven.lezen import lees_bestand
from tarieven.scenario import Scenario

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Analyseplan", "Analyseresultaten", "SECTIES", "lees_analyse", "voer_uit"]

SECTIES = ("rooster", "gevoeligheid", "montecarlo", "doelzoeken", "bekostiging")
TOP = {"scenario", "peildatum", "uitvoer", "regels", *SECTIES}
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


def _bekende(sectie: str, tabel: Mapping[str, Any], bekend: set[str], p: list[Probleem]) -> None:
    for k in tabel:
        if k not in bekend:
            p.append(Probleem(f"{sectie}.{k}", tabel[k], f"een bekende sleutel ({', '.join(sorted(bekend))})"))


def _rooster(r: Mapping[str, Any], p: list[Probleem]) -> dict[str, Any]:
    variaties = {}
    for k, v in _plat(r, lambda d: "van" in d or "tot" in d).items():
        if isinstance(v, Mapping):
            v = _bereik_waarden(f"rooster.{k}", v, p)
        elif not isinstance(v, list):
            v = [v]
        if v is not None:
            variaties[k] = v
    if not variaties:
        p.append(Probleem("rooster", dict(r), "ten minste één invoer met waarden"))
    return variaties


def _gevoeligheid(g: dict[str, Any], p: list[Probleem]) -> dict[str, Any]:
    _bekende("gevoeligheid", g, {"procent", "sleutels", "bereiken"}, p)
    bereiken = _plat(g.get("bereiken", {}), lambda d: False)
    for k, v in bereiken.items():
        if not (isinstance(v, list) and len(v) == 2 and all(isinstance(x, (int, float)) for x in v)):
            p.append(Probleem(f"gevoeligheid.bereiken.{k}", v, "[laag, hoog]"))
    g["bereiken"] = {k: tuple(v) for k, v in bereiken.items()}
    return g


def _montecarlo(m: dict[str, Any], plan: Analyseplan, p: list[Probleem]) -> dict[str, Any]:
    _bekende("montecarlo", m, {"n", "seed", "percentielen", "verdelingen"}, p)
    verdelingen = _plat(m.pop("verdelingen", {}), lambda d: "verdeling" in d)
    if not verdelingen:
        p.append(Probleem("montecarlo.verdelingen", ..., "ten minste één invoer met een verdeling"))
    for k, v in verdelingen.items():
        try:
            plan.verdelingen[k] = verdeling_uit_dict(v if isinstance(v, Mapping) else {})
        except ValueError as e:
            p.append(Probleem(f"montecarlo.verdelingen.{k}", v, str(e)))
    return m


def _doelzoeken(doelen: Any, p: list[Probleem]) -> list[dict[str, Any]]:
    if not isinstance(doelen, list) or not all(isinstance(d, Mapping) for d in doelen):
        p.append(Probleem("doelzoeken", doelen, "een lijst van tabellen ([[doelzoeken]])"))
        return []
    for i, d in enumerate(doelen):
        _bekende(f"doelzoeken[{i}]", d, {"sleutel", "doel", "regel", "bereik", "geheel", "kies", "voorwaarde"}, p)
        if not isinstance(d.get("sleutel"), str) or not isinstance(d.get("doel"), (int, float)):
            p.append(Probleem(f"doelzoeken[{i}]", dict(d), "sleutel (een invoer) en doel (een getal)"))
    return [dict(d) for d in doelen]


def _kop(data: Mapping[str, Any], pad: Path, bron: str) -> Analyseplan:
    """The scenario and the output folder of an analysis file."""
    p: list[Probleem] = []
    for k in data:
        if k not in TOP:
            p.append(Probleem(k, data[k], f"een bekende sleutel ({', '.join(sorted(TOP))})"))
    if not any(s in data for s in SECTIES):
        p.append(Probleem("(bestand)", "geen analyse", f"ten minste één van de secties {', '.join(SECTIES)}"))
    scen = data.get("scenario", ...)
    if not isinstance(scen, str):
        verwacht = "het pad van het scenario (.toml of .json), relatief aan dit bestand, of een productcode"
        p.append(Probleem("scenario", scen, verwacht))
    peildatum = data.get("peildatum")
    if peildatum is not None and (isinstance(peildatum, dt.datetime) or not isinstance(peildatum, dt.date)):
        p.append(Probleem("peildatum", peildatum, "een TOML-datum zoals 2027-01-01"))
    uitvoer = data.get("uitvoer", f"{pad.stem}-uitvoer")
    if not isinstance(uitvoer, str):
        p.append(Probleem("uitvoer", uitvoer, "het pad van een map (tekst)"))
    if p:
        raise InvoerFout(p, bron)
    # a file next to the analysis file, else a catalogue product code ("41A22")
    scenario_pad = pad.parent / str(scen)
    scenario = lees_scenario(scenario_pad if scenario_pad.exists() else str(scen), peildatum)
    return Analyseplan(bestand=pad, scenario=scenario, uitvoer=pad.parent / str(uitvoer))


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
    data = lees_bestand(pad, soort="analysebestand")
    plan = _kop(data, pad, bron)
    p: list[Probleem] = []

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
        plan.rooster = _rooster(r, p)
    if (g := tabel("gevoeligheid")) is not None:
        plan.gevoeligheid = _gevoeligheid(g, p)
    if (m := tabel("montecarlo")) is not None:
        plan.montecarlo = _montecarlo(m, plan, p)
    plan.doelzoeken = _doelzoeken(data.get("doelzoeken", []), p)
    if (b := tabel("bekostiging")) is not None:
        _bekende("bekostiging", b, {"risico_opslag"}, p)
        plan.bekostiging = b
    if p:
        raise InvoerFout(p, bron)
    return plan


@dataclass
class Analyseresultaten:
    """The tables an analysis file asked for (None where it did not ask)."""

    rooster: pd.DataFrame | None = None
    gevoeligheid: pd.DataFrame | None = None
    montecarlo: MonteCarlo | None = None
    doelzoeken: pd.DataFrame | None = None
    bekostiging: Bekostiging | None = None
    bekostiging_tabel: pd.DataFrame | None = None


def _doelen(plan: Analyseplan) -> pd.DataFrame:
    import pandas as pd

    rijen = []
    for d in plan.doelzoeken:
        regel = d.get("regel", "tarief_per_client")
        bereik = (float(d["bereik"][0]), float(d["bereik"][1])) if "bereik" in d else None
        x = doelzoek(
            plan.scenario, d["sleutel"], float(d["doel"]), regel=regel, bereik=bereik, geheel=d.get("geheel"),
            kies=d.get("kies", "kleinste"), voorwaarde=d.get("voorwaarde", "hoogstens"),
        )  # fmt: skip
        rijen.append({"sleutel": d["sleutel"], "regel": regel, "doel": float(d["doel"]), "waarde": x})
    return pd.DataFrame(rijen)


def voer_uit(plan: Analyseplan, voortgang: Callable[[str], Voortgang | None] | None = None) -> Analyseresultaten:
    """Run every analysis of the plan and return the tables.

    ``voortgang(label)`` may give a progress callback for each long run (grid, Monte Carlo).
    """
    s = plan.scenario
    vg = voortgang or (lambda _label: None)
    uit = Analyseresultaten()
    if plan.rooster is not None:
        uit.rooster = rooster(s, plan.rooster, regels=plan.regels, voortgang=vg("rooster"))
    if (g := plan.gevoeligheid) is not None:
        uit.gevoeligheid = gevoeligheid(
            s, g.get("sleutels"), procent=float(g.get("procent", 10.0)), bereiken=g["bereiken"]
        )
    if (m := plan.montecarlo) is not None:
        uit.montecarlo = monte_carlo(
            s, plan.verdelingen, m.get("n", 10_000), seed=m.get("seed", 2027), regels=plan.regels,
            percentielen=m.get("percentielen", (5, 50, 95)), voortgang=vg("Monte Carlo"),
        )  # fmt: skip
    if plan.doelzoeken:
        uit.doelzoeken = _doelen(plan)
    if plan.bekostiging is not None:
        uit.bekostiging = bekostiging(s, risico_opslag=plan.bekostiging.get("risico_opslag"))
        uit.bekostiging_tabel = uit.bekostiging.naar_bezetting(np.round(np.linspace(0.5, 1.0, 51), 12))
    return uit
