"""tarieven: transparent, tested calculation of reële tarieven for youth-care group products.

The chain of MODEL.md (personnel cost per FTE, productive hours, one unit of a group,
overhead and risk, the tariff) as vectorised numpy functions, fed by validated scenarios
and returning results that explain every euro.

Quick start::

    import tarieven
    u = tarieven.bereken("scenario.json")     # or a dict in the same schema
    u.tarief                                  # float, EUR per client per unit
    print(u.uitleg())                         # every line, formula and input
    u.to_frame()                              # pandas
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from typing import Any

from tarieven import analyse
from tarieven._versie import __version__
from tarieven.fouten import InvoerFout, Probleem, TarievenFout
from tarieven.model import Structuur, regeldefinities
from tarieven.model import bereken as bereken_regels
from tarieven.scenario import Scenario, lees_scenario
from tarieven.uitkomst import Regel, Uitkomst

__all__ = [
    "InvoerFout",
    "Probleem",
    "Regel",
    "Scenario",
    "Structuur",
    "TarievenFout",
    "Uitkomst",
    "__version__",
    "analyse",
    "bereken",
    "bereken_regels",
    "lees_scenario",
    "regeldefinities",
]


def bereken(
    scenario: Scenario | Mapping[str, Any] | str | os.PathLike[str],
    peildatum: datetime.date | None = None,
    *,
    tariefjaar: int | None = None,
) -> Uitkomst:
    """Compute the tariff and its breakdown for one scenario.

    Parameters
    ----------
    scenario
        A :class:`Scenario`, a dict in the scenario schema, the path of a JSON or
        TOML scenario file, or the code of a catalogue product (``"41A22"``).
    peildatum
        Date on which bundled parameters are looked up (default: the scenario's own,
        else today). Ignored for a :class:`Scenario`, which is already resolved.
    tariefjaar
        Instead of a peildatum: every bundled parameter time-weighted over this calendar
        year (by the days each value was in force). Ignored for a :class:`Scenario`.

    Returns
    -------
    Uitkomst
        The tariff with every breakdown line, its formula and the inputs it used.

    Raises
    ------
    InvoerFout
        When the scenario is not valid; the message names file, key, value and
        expectation.
    """
    if isinstance(scenario, Scenario):
        if peildatum is not None or tariefjaar is not None:
            raise InvoerFout(
                [
                    Probleem(
                        "peildatum/tariefjaar",
                        peildatum or tariefjaar,
                        "geen peildatum of tariefjaar bij een Scenario (dat is al opgezocht); "
                        "geef ze aan lees_scenario()",
                    )
                ]
            )
        s = scenario
    else:
        s = lees_scenario(scenario, peildatum, tariefjaar=tariefjaar)
    return Uitkomst(s, bereken_regels(s.structuur, s.waarden))
