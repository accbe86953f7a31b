"""Products side by side: what makes one product cost what it costs beside another.

:func:`productvergelijking` puts a few products (or scenarios) in one table, one column
each: the group (places, occupancy, billed clients), the staff on the group (people,
billed clients per staff member, staff hours per unit including extra time, their average
cost per hour, indirect hours), then the tariff per client split into its parts (the
``opbouw.*`` lines, which add up to the tariff) and the tariff per hour. With ``basis``,
each other column gets a column with its ratio to the basis: "zwaar costs 2,5 times licht;
its direct staff per client is 3,2 times".

The staff hours per unit are ``Σ_f n_f × (d + v_f)`` (step 3 of the method), so
``personeel_direct = uren_direct × uurkosten_direct``: the direct staff cost of a group
is hours times the average cost of an hour, and per client it is that divided by the
billed clients ``G × b``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from tarieven.analyse._gemeen import ScenarioInvoer, als_scenario, bereken_met, onderwerp
from tarieven.fouten import InvoerFout, Probleem
from tarieven.inlezen import lees_scenario
from tarieven.scenario import Scenario

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["OPBOUW", "productvergelijking"]

OPBOUW: dict[str, str] = {
    "opbouw.personeel_direct": "direct personeel",
    "opbouw.personeel_indirect": "indirect personeel",
    "opbouw.huisvesting_eenheid": "huisvesting",
    "opbouw.materieel": "materieel",
    "opbouw.clientkosten": "cliëntgebonden tijd",
    "opbouw.overhead": "overhead",
    "opbouw.risico": "risico-opslag",
}
"""The parts of the tariff per client (they add up to it), with a short Dutch label."""

_RIJEN: dict[str, tuple[str, str]] = {
    "groepsgrootte": ("groepsgrootte (plaatsen)", "getal"),
    "bezettingsgraad": ("bezettingsgraad", "fractie"),
    "clienten": ("gedeclareerde cliënten per eenheid (G × b)", "getal"),
    "medewerkers": ("direct personeel op de groep", "getal"),
    "clienten_per_medewerker": ("gedeclareerde cliënten per medewerker", "getal"),
    "uren_direct": ("uren direct personeel per eenheid, met extra tijd", "getal"),
    "uurkosten_direct": ("gemiddelde kosten per uur direct personeel", "geld"),
    "uren_indirect": ("uren indirect personeel per eenheid", "getal"),
    **{k: (f"{v} per cliënt", "geld") for k, v in OPBOUW.items()},
    "tarief_per_client": ("tarief per cliënt per eenheid", "geld"),
    "tarief_per_uur": ("tarief per cliënt per uur", "geld"),
}


def _kolom(s: Scenario) -> dict[str, float]:
    """The rows of one product."""
    w = s.waarden
    direct = s.structuur.direct
    lijnen = [*(f"opbouw.{k.split('.', 1)[1]}" for k in OPBOUW), "tarief_per_client", "tarief_per_uur"]
    if s.structuur.uit_ratio:
        r = bereken_met(s, {}, [*lijnen, *(f"medewerkers.{f}" for f in direct)])
        n = {f: float(r[f"medewerkers.{f}"]) for f in direct}
    else:
        r = bereken_met(s, {}, lijnen)
        n = {f: float(w[f"product.personeel.{f}"]) for f in direct}
    d = float(w["product.duur_uur"])
    uren = sum(n[f] * (d + float(w.get(f"product.extra_uur.{f}", 0.0))) for f in direct)
    g, b = float(w["product.groepsgrootte"]), float(w["product.bezettingsgraad"])
    medewerkers = sum(n.values())
    personeel_direct = float(r["opbouw.personeel_direct"]) * g * b  # per group per unit
    uit = {
        "groepsgrootte": g,
        "bezettingsgraad": b,
        "clienten": g * b,
        "medewerkers": medewerkers,
        "clienten_per_medewerker": g * b / medewerkers if medewerkers else float("nan"),
        "uren_direct": uren,
        "uurkosten_direct": personeel_direct / uren if uren else float("nan"),
        "uren_indirect": sum(float(v) for k, v in w.items() if k.startswith("product.indirect_uur.")),
    }
    uit.update({k: float(r[k]) for k in lijnen})
    return uit


def productvergelijking(
    scenarios: Sequence[ScenarioInvoer] | Mapping[str, ScenarioInvoer],
    *,
    peildatum: dt.date | str | None = None,
    basis: str | None = None,
) -> pd.DataFrame:
    """Products or scenarios side by side: group, staff, the parts of the tariff per client.

    Parameters
    ----------
    scenarios
        Product codes, scenario files, dicts or :class:`~tarieven.Scenario` objects; a
        mapping gives each its column name (default: the product code, or the position).
    peildatum
        The peildatum for codes, files and dicts (a Scenario keeps its own).
    basis
        A column name: every other column gets a column ``"<naam> / <basis>"`` with its
        ratio to the basis.

    Returns
    -------
    pandas.DataFrame
        Rows (see the module docstring) indexed by a short key, with a ``label`` column;
        one column per product. ``attrs``: ``soort`` per row (geld, fractie, getal),
        ``onderwerpen`` (product and scenario) and ``weergave`` (the given name, or the
        product's name) per column, ``opbouw`` (the rows that add up to the tariff).
    """
    import pandas as pd

    items = list(scenarios.items()) if isinstance(scenarios, Mapping) else [(None, x) for x in scenarios]
    kolommen: dict[str, dict[str, float]] = {}
    onderwerpen: dict[str, str] = {}
    weergave: dict[str, str] = {}
    for i, (naam, x) in enumerate(items):
        s = x if isinstance(x, Scenario) else (lees_scenario(x, peildatum) if peildatum else als_scenario(x))
        kolom = str(naam) if naam is not None else (s.product_code or f"scenario {i + 1}")
        if kolom in kolommen:
            raise InvoerFout([Probleem("scenarios", kolom, "elke kolomnaam één keer (geef een dict met namen)")])
        kolommen[kolom] = _kolom(s)
        onderwerpen[kolom] = onderwerp(s)
        weergave[kolom] = kolom if naam is not None else onderwerpen[kolom].split(" · ")[0]
    if basis is not None and basis not in kolommen:
        raise InvoerFout([Probleem("basis", basis, f"een van de kolommen ({', '.join(kolommen)})")])
    df = pd.DataFrame(kolommen).reindex(list(_RIJEN))
    if basis is not None:
        for k in list(kolommen):
            if k != basis:
                with np.errstate(divide="ignore", invalid="ignore"):
                    df[f"{k} / {basis}"] = df[k] / df[basis]
    df.insert(0, "label", [_RIJEN[r][0] for r in df.index])
    df.attrs.update(
        soort={r: v[1] for r, v in _RIJEN.items()},
        onderwerpen=onderwerpen,
        weergave=weergave,
        opbouw=list(OPBOUW),
        kolommen=list(kolommen),
    )
    return df
