"""Running an analysis file: every analysis it asks for, on its scenario, as tables.

The file is read and checked by :func:`tarieven.analyse.bestand.lees_analyse`; :func:`voer_uit`
runs the plan. An error names the analysis file and the key in it, not the scenario's file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from tarieven.analyse._gemeen import Voortgang
from tarieven.analyse.bekostiging import Bekostiging, bekostiging
from tarieven.analyse.bestand import Analyseplan
from tarieven.analyse.doelzoeken import doelzoek
from tarieven.analyse.gevoeligheid import gevoeligheid
from tarieven.analyse.montecarlo import MonteCarlo, monte_carlo
from tarieven.analyse.rooster import rooster
from tarieven.fouten import InvoerFout
from tarieven.herkomst import OPGEGEVEN

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Analyseresultaten", "voer_uit"]


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
    """One row per target; a target that cannot be met gets its reason (``melding``) and the run goes on."""
    import pandas as pd

    rijen = []
    for i, d in enumerate(plan.doelzoeken):
        regel = d.get("regel", "tarief_per_client")
        bereik = (float(d["bereik"][0]), float(d["bereik"][1])) if "bereik" in d else None
        rij: dict[str, Any] = {"sleutel": d["sleutel"], "regel": regel, "doel": float(d["doel"])}
        try:
            with _in_sectie(plan, f"doelzoeken[{i}]"):
                x = doelzoek(
                    plan.scenario,
                    d["sleutel"],
                    float(d["doel"]),
                    regel=regel,
                    bereik=bereik,
                    geheel=d.get("geheel"),
                    kies=d.get("kies", "kleinste"),
                    voorwaarde=d.get("voorwaarde", "hoogstens"),
                )
            rij |= {"waarde": x, "melding": ""}
        except InvoerFout as e:
            if not all(p.sleutel == f"doelzoeken[{i}].doel" for p in e.problemen):
                raise  # a wrong key, line or range in the file: an error, not a result
            rij |= {"waarde": None, "melding": "niet te halen: verwacht " + e.problemen[0].verwacht}
        rijen.append(rij)
    df = pd.DataFrame(rijen)
    df["waarde"] = df["waarde"].astype("Float64")  # an unreachable target: <NA> (an empty CSV cell), never NaN
    return df


@contextmanager
def _in_sectie(plan: Analyseplan, sectie: str) -> Iterator[None]:
    """An error in an analysis names the analysis file and the key in it (``rooster.product.groepsgrootte``)."""
    try:
        yield
    except InvoerFout as e:
        kaal = f" ({OPGEGEVEN})"  # given in the analysis file, not with a call
        problemen = [replace(p, sleutel=f"{sectie}.{p.sleutel.removesuffix(kaal)}") for p in e.problemen]
        raise InvoerFout(problemen, str(plan.bestand), e.waarschuwingen) from None


def voer_uit(plan: Analyseplan, voortgang: Callable[[str], Voortgang | None] | None = None) -> Analyseresultaten:
    """Run every analysis of the plan and return the tables.

    ``voortgang(label)`` may give a progress callback for each long run (grid, Monte
    Carlo). An error names the analysis file and the section's key; an unreachable goal
    seek target is reported in its row (``melding``) and the other analyses run on.
    """
    s = plan.scenario
    vg = voortgang or (lambda _label: None)
    uit = Analyseresultaten()
    if plan.rooster is not None:
        with _in_sectie(plan, "rooster"):
            uit.rooster = rooster(s, plan.rooster, regels=plan.regels, voortgang=vg("rooster"), **plan.grenzen)
    if (g := plan.gevoeligheid) is not None:
        with _in_sectie(plan, "gevoeligheid"):
            uit.gevoeligheid = gevoeligheid(
                s, g.get("sleutels"), procent=float(g.get("procent", 10.0)), bereiken=g["bereiken"]
            )
    if (m := plan.montecarlo) is not None:
        with _in_sectie(plan, "montecarlo"):
            uit.montecarlo = monte_carlo(
                s,
                plan.verdelingen,
                m.get("n", 10_000),
                seed=m.get("seed", 2027),
                regels=plan.regels,
                percentielen=m.get("percentielen", (5, 50, 95)),
                voortgang=vg("Monte Carlo"),
                **plan.grenzen,
            )
    if plan.doelzoeken:
        uit.doelzoeken = _doelen(plan)
    if plan.bekostiging is not None:
        with _in_sectie(plan, "bekostiging"):
            uit.bekostiging = bekostiging(s, risico_opslag=plan.bekostiging.get("risico_opslag"))
        uit.bekostiging_tabel = uit.bekostiging.naar_bezetting(np.round(np.linspace(0.5, 1.0, 51), 12))
    return uit
