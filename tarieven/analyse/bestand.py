"""An analysis file: a grid, sensitivity, Monte Carlo ... over one scenario, described in TOML.

:func:`lees_analyse` reads and checks the file; :func:`tarieven.analyse.uitvoeren.voer_uit`
runs every analysis it asks for and returns the tables; ``tarieven scenario BESTAND`` (:mod:`tarieven.cli.scenario`)
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
    aannames = "centraal"                  # optioneel: laag, centraal (standaard) of hoog
    uitvoer = "analyse-uitvoer"            # map voor CSV en plots (standaard: <naam>-uitvoer)
    regels = ["tarief_per_client"]         # optioneel: alleen deze regels in rooster en Monte Carlo
    max_scenarios = 10_000_000             # optioneel: grens van rooster en Monte Carlo (standaard 10 miljoen)
    max_geheugen_gb = 4                    # optioneel: grens van het geheugen van hun uitkomst (standaard 4 GiB)

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
    trekkingen = false                     # true: ook alle trekkingen als montecarlo.csv

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

Het scenario is een scenariobestand (of een productcode); een ander bestand wordt
geweigerd zonder iets van de inhoud te tonen. De uitvoermap ligt binnen de map van het
analysebestand of de werkmap; elders schrijven kan alleen met ``--uitvoer`` op de
opdrachtregel. Er wordt nooit via een symbolische koppeling geschreven en nooit over
een bestaand bestand heen, tenzij met ``--overschrijf``. Rooster en Monte Carlo houden
zich aan ``max_scenarios`` en ``max_geheugen_gb``; ze tellen per rij wat één
berekening als waarschuwing of fout zou melden (kolom ``waarschuwingen``) en gaan door.
Een doel dat niet te halen is, krijgt in ``doelzoeken.csv`` een lege waarde en een
``melding`` met het bereik dat wel te halen is.

Uitvoer in de map: ``rooster.csv``, ``gevoeligheid.csv``, ``montecarlo-percentielen.csv``
(met ``trekkingen = true`` ook ``montecarlo.csv``, alle trekkingen), ``doelzoeken.csv``,
``bekostiging.csv``, in volle precisie; met ``--plots`` ook ``opbouw.png``, ``rooster.png`` (heatmap bij twee
gevarieerde invoeren, lijn bij één), ``tornado.png``, ``montecarlo.png`` en
``bekostiging.png``.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tarieven import weergave
from tarieven.analyse.montecarlo import Verdeling, verdeling_uit_dict
from tarieven.catalogus import AANNAMES_VERWACHT, producten
from tarieven.fouten import InvoerFout, Probleem
from tarieven.inlezen import lees_scenario
from tarieven.lezen import bestaat, lees_bestand
from tarieven.parameters import AANNAMESETS, ParameterSet
from tarieven.scenario import Scenario
from tarieven.velden import kinderen

if TYPE_CHECKING:
    pass

__all__ = ["Analyseplan", "SECTIES", "lees_analyse"]

SECTIES = ("rooster", "gevoeligheid", "montecarlo", "doelzoeken", "bekostiging")
TOP = {"scenario", "peildatum", "aannames", "uitvoer", "regels", "max_scenarios", "max_geheugen_gb", *SECTIES}
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
    grenzen: dict[str, Any] = field(default_factory=dict)


def _is_getal(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def _is_geheel(x: Any, minimum: int = 0) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) and x >= minimum


def _is_teksten(x: Any) -> bool:
    return isinstance(x, list) and all(isinstance(v, str) for v in x)


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


def _subtabel(sleutel: str, waarde: Any, p: list[Probleem]) -> Mapping[str, Any]:
    """A table inside a section (``[montecarlo.verdelingen]``, ``gevoeligheid.bereiken``)."""
    if isinstance(waarde, Mapping):
        return waarde
    p.append(Probleem(sleutel, waarde, f"een tabel ([{sleutel}])"))
    return {}


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
    gegeven = _plat(r, lambda d: "van" in d or "tot" in d)
    for k, v in gegeven.items():
        if isinstance(v, Mapping):
            v = _bereik_waarden(f"rooster.{k}", v, p)
        elif not isinstance(v, list):
            v = [v]
        if v is not None:
            variaties[k] = v
    if not gegeven:
        p.append(Probleem("rooster", dict(r), "ten minste één invoer met waarden"))
    return variaties


def _gevoeligheid(g: dict[str, Any], p: list[Probleem]) -> dict[str, Any]:
    _bekende("gevoeligheid", g, {"procent", "sleutels", "bereiken"}, p)
    if "procent" in g and not (_is_getal(g["procent"]) and 0 < g["procent"] < 100):
        p.append(Probleem("gevoeligheid.procent", g["procent"], "een percentage groter dan 0 en kleiner dan 100"))
    if "sleutels" in g and not (_is_teksten(g["sleutels"]) and g["sleutels"]):
        verwacht = 'een lijst van invoersleutels, zoals ["product.bezettingsgraad"]'
        p.append(Probleem("gevoeligheid.sleutels", g["sleutels"], verwacht))
    bereiken = _plat(_subtabel("gevoeligheid.bereiken", g.get("bereiken", {}), p), lambda d: False)
    for k, v in bereiken.items():
        if not (isinstance(v, list) and len(v) == 2 and all(isinstance(x, (int, float)) for x in v)):
            p.append(Probleem(f"gevoeligheid.bereiken.{k}", v, "[laag, hoog]"))
    g["bereiken"] = {k: tuple(v) for k, v in bereiken.items()}
    return g


def _montecarlo(m: dict[str, Any], plan: Analyseplan, p: list[Probleem]) -> dict[str, Any]:
    _bekende("montecarlo", m, {"n", "seed", "percentielen", "verdelingen", "trekkingen"}, p)
    if "n" in m and not _is_geheel(m["n"], 1):
        p.append(Probleem("montecarlo.n", m["n"], "een geheel aantal trekkingen van 1 of meer"))
    if "seed" in m and not _is_geheel(m["seed"]):
        p.append(Probleem("montecarlo.seed", m["seed"], "een geheel getal van 0 of meer"))
    pct = m.get("percentielen", [5, 50, 95])
    if not (isinstance(pct, list) and pct and all(_is_getal(x) and 0 <= x <= 100 for x in pct)):
        verwacht = "een lijst van percentielen van 0 tot en met 100, zoals [5, 50, 95]"
        p.append(Probleem("montecarlo.percentielen", pct, verwacht))
    if not isinstance(m.get("trekkingen", False), bool):
        p.append(Probleem("montecarlo.trekkingen", m["trekkingen"], "true (ook alle trekkingen als CSV) of false"))
    ruw = m.pop("verdelingen", {})
    verdelingen = _plat(_subtabel("montecarlo.verdelingen", ruw, p), lambda d: "verdeling" in d)
    if not verdelingen and isinstance(ruw, Mapping):
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
        waar = f"doelzoeken[{i}]"
        _bekende(waar, d, {"sleutel", "doel", "regel", "bereik", "geheel", "kies", "voorwaarde"}, p)
        if not isinstance(d.get("sleutel"), str) or not _is_getal(d.get("doel")):
            p.append(Probleem(waar, dict(d), "sleutel (een invoer) en doel (een eindig getal)"))
        if "regel" in d and not isinstance(d["regel"], str):
            p.append(Probleem(f"{waar}.regel", d["regel"], 'de naam van een regel, zoals "tarief_per_client"'))
        b = d.get("bereik", [0, 1])
        if not (isinstance(b, list) and len(b) == 2 and all(map(_is_getal, b))):
            p.append(Probleem(f"{waar}.bereik", d["bereik"], "[laag, hoog], twee getallen"))
        if "geheel" in d and not isinstance(d["geheel"], bool):
            p.append(Probleem(f"{waar}.geheel", d["geheel"], "true of false"))
    return [dict(d) for d in doelen]


def _kop(
    data: Mapping[str, Any], pad: Path, bron: str, gekozen: str | Path | None, params: Any, aannames: str | None
) -> Analyseplan:
    """The scenario, the output folder (``gekozen`` on the command line wins) and the limits of an analysis file."""
    p: list[Probleem] = []
    for k in data:
        if k not in TOP:
            p.append(Probleem(k, data[k], f"een bekende sleutel ({', '.join(sorted(TOP))})"))
    if not any(s in data for s in SECTIES):
        p.append(Probleem("(bestand)", "geen analyse", f"ten minste één van de secties {', '.join(SECTIES)}"))
    scen = data.get("scenario", ...)
    if not isinstance(scen, str) or not scen.strip():
        p.append(Probleem("scenario", scen, _SCENARIO))
    peildatum = data.get("peildatum")
    if peildatum is not None and (isinstance(peildatum, dt.datetime) or not isinstance(peildatum, dt.date)):
        p.append(Probleem("peildatum", peildatum, "een TOML-datum zoals 2027-01-01"))
    uitvoer = Path(gekozen) if gekozen is not None else _uitvoer(data.get("uitvoer", f"{pad.stem}-uitvoer"), pad, p)
    grenzen = {k: data[k] for k in ("max_scenarios", "max_geheugen_gb") if k in data}
    if "max_scenarios" in grenzen and not _is_geheel(grenzen["max_scenarios"], 1):
        p.append(Probleem("max_scenarios", grenzen["max_scenarios"], "een geheel aantal scenario's van 1 of meer"))
    if "max_geheugen_gb" in grenzen and not (_is_getal(grenzen["max_geheugen_gb"]) and grenzen["max_geheugen_gb"] > 0):
        p.append(Probleem("max_geheugen_gb", grenzen["max_geheugen_gb"], "een aantal GiB groter dan 0"))
    eigen_set = data.get("aannames")
    if eigen_set is not None and eigen_set not in AANNAMESETS:
        p.append(Probleem("aannames", eigen_set, AANNAMES_VERWACHT))
    if p:
        raise InvoerFout(p, bron)
    assert uitvoer is not None
    scenario = _scenario(str(scen), pad, peildatum, bron, params, aannames or eigen_set)
    return Analyseplan(bestand=pad, scenario=scenario, uitvoer=uitvoer, grenzen=grenzen)


_SCENARIO = "het pad van een scenariobestand (.toml of .json), relatief aan dit bestand, of een productcode"


def _scenario(
    scen: str, pad: Path, peildatum: dt.date | None, bron: str, params: Any, aannames: str | None
) -> Scenario:
    """The scenario an analysis file names: a scenario file (relative to the analysis file) or a product code.

    A file that is not a scenario is refused without showing any of its content: the
    analysis file must not become a way to read other files.
    """
    scenario_pad = pad.parent / scen
    if not bestaat(scenario_pad, bestand=True):
        if scen in producten():
            return lees_scenario(scen, peildatum, params=params, aannames=aannames)
        geen = f"; dat bestand of die productcode bestaat niet (productcodes: {', '.join(producten())})"
        raise InvoerFout([Probleem("scenario", scen, _SCENARIO + geen)], bron)
    if scenario_pad.suffix.lower() not in (".toml", ".json"):
        fout = Probleem("scenario", scen, _SCENARIO + f"; {scenario_pad.name} is geen .toml of .json")
        raise InvoerFout([fout], bron)
    try:
        data = lees_bestand(scenario_pad, soort="scenario")
    except InvoerFout:
        fout = Probleem("scenario", scen, _SCENARIO + "; dit bestand is niet te lezen als scenario")
        raise InvoerFout([fout], bron) from None
    bovenste = set(kinderen("")) | {"verwacht"}
    if not data or not set(data) <= bovenste:
        sleutels = ", ".join(sorted(bovenste))
        verwacht = f"{_SCENARIO}; dit bestand is geen scenario (een scenario heeft alleen de sleutels {sleutels})"
        raise InvoerFout([Probleem("scenario", scen, verwacht)], bron)
    return lees_scenario(data, peildatum, naam=str(scenario_pad), params=params, aannames=aannames)


def _uitvoer(uitvoer: Any, pad: Path, p: list[Probleem]) -> Path | None:
    """The output folder: relative to the analysis file, inside its folder or the working folder."""
    if not isinstance(uitvoer, str) or not uitvoer.strip():
        p.append(Probleem("uitvoer", uitvoer, "het pad van een map (tekst)"))
        return None
    map_ = pad.parent / uitvoer
    echt = map_.resolve()
    if not any(echt.is_relative_to(basis.resolve()) for basis in (pad.parent, Path.cwd())):
        p.append(
            Probleem(
                "uitvoer",
                uitvoer,
                "een map binnen de map van het analysebestand of de werkmap; wie elders wil schrijven, "
                "geeft dat op de opdrachtregel: tarieven scenario BESTAND --uitvoer MAP",
            )
        )
        return None
    return map_


def lees_analyse(
    pad: str | Path,
    *,
    uitvoer: str | Path | None = None,
    params: ParameterSet | str | os.PathLike[str] | None = None,
    aannames: str | None = None,
) -> Analyseplan:
    """Read and check an analysis file (format: see the module docstring).

    ``uitvoer``: an output folder the user chose explicitly (``--uitvoer`` on the command
    line); it replaces the file's ``uitvoer``, which is then not checked. ``params``: the
    parameter set for the scenario, or the user's own parameter file or folder laid over
    the bundled one (``tarieven scenario ... --parameters PAD``). ``aannames``: the assumption
    set the scenario is read at (``--aannames``); it wins over the file's own ``aannames``.

    Raises
    ------
    InvoerFout
        Naming the analysis file, key, value and what was expected; a problem in the
        scenario itself names the scenario file.
    """
    pad = Path(pad)
    bron = str(pad)
    data = lees_bestand(pad, soort="analysebestand")
    plan = _kop(data, pad, bron, uitvoer, params, aannames)
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
