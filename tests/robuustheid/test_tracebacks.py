"""Issue 11, class 2: inputs that used to end in a traceback now give one clear message.

Each case goes through the public API (``tarieven.bereken``, ``lees_scenario``,
``indexeer``, the result's methods) or the command line, and asserts the message: the key,
the value shown, what was expected. On the command line: exit code 2, one line starting
with ``tarieven: `` and no traceback.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import tarieven
from tarieven import InvoerFout, OnbekendeNaam, analyse
from tarieven.afronding import op_centen, rond_af
from tarieven.weergave import euro

from ._hulp import fout_van_opdracht, gewijzigd, schrijf

B, G = "product.bezettingsgraad", "product.groepsgrootte"


def fout(invoer: Any, **kwargs: Any) -> str:
    with pytest.raises(InvoerFout) as e:
        tarieven.bereken(invoer, **kwargs)
    return str(e.value)


# -- numbers too large -----------------------------------------------------------------------


def test_geheel_getal_met_meer_cijfers_dan_python_als_tekst_toont(g1: dict[str, Any]) -> None:
    """An int of 5,000 digits cannot even be printed by Python (limit 4,300): described, not shown."""
    bericht = fout(gewijzigd(g1, product__groepsgrootte=10**5000))
    assert "product.groepsgrootte = (een geheel getal van duizenden cijfers): verwacht een geheel getal" in bericht
    bericht = fout(gewijzigd(g1, onbekend=[10**5000]))
    assert "onbekend = (een waarde met een geheel getal van duizenden cijfers): verwacht een bekende sleutel" in bericht
    bericht = fout({"basis": "41A22", "peildatum": "2027-01-01", "tariefjaar": 10**5000})
    assert "peildatum en tariefjaar = " in bericht
    assert "óf een peildatum (waarden op die dag) óf een tariefjaar" in bericht


# -- enormous or infinite tariffs: the cent rounding, repr and the notebook display -----------


# -- empty tables ------------------------------------------------------------------------------


# -- function names that are not identifiers --------------------------------------------------


# -- files that are not UTF-8 text ------------------------------------------------------------


# -- dates and years ---------------------------------------------------------------------------


# -- a line that does not exist ----------------------------------------------------------------


# -- wrong types in an analysis file ------------------------------------------------------------


