"""Constants and helpers shared by the tests of ``tarieven.analyse``."""

from __future__ import annotations

import copy
from typing import Any

import tarieven

from ..conftest import GOLDEN

G1 = GOLDEN / "g1-dagbesteding-licht.json"
B = "product.bezettingsgraad"
G = "product.groepsgrootte"
MBO = "functies.mbo.maandsalaris"


def enkel(s: tarieven.Scenario, **wijzigingen: float) -> tarieven.Uitkomst:
    """The single-scenario API with some inputs replaced (dotted keys via a dict)."""
    return tarieven.bereken(s.met(**wijzigingen))


# -- structural choices ---------------------------------------------------------------------

AFR = "product.ratio.afronding"
GRS = "opslagen.overhead_grondslag"
AANDEEL, OPSLAG = "aandeel_integrale_kostprijs", "opslag_op_kostprijs"


def met_keuzes(d: dict[str, Any], afronding: str | None = None, grondslag: str | None = None, **getallen: float) -> Any:
    """A copy of a golden scenario dict with structural choices and some numbers set (dotted keys)."""
    uit = copy.deepcopy(d)
    if afronding is not None:
        uit["product"]["ratio"]["afronding"] = afronding
    if grondslag is not None:
        uit["opslagen"]["overhead_grondslag"] = grondslag
    for sleutel, waarde in getallen.items():
        sectie, veld = sleutel.split(".")
        uit[sectie][veld] = waarde
    return uit
