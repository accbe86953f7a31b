"""Issue 11, class 5: an error names the right thing.

The file the user wrote and the key in it (an analysis file and ``rooster.<key>``, not the
scenario file it points to; ``functies.mbo.trede``, not a key inside a bundled file), never
a path inside the installed package; and an unreachable goal-seek target is one row's
message, not the end of the run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import tarieven
from tarieven import InvoerFout
from tarieven.parameterbestanden import params_pad

from ._hulp import G1, fout_van_opdracht, gewijzigd, opdracht, schrijf

PAKKET = str(Path(tarieven.__file__).resolve().parent)
PARAMS = str(params_pad().resolve())


def fout(invoer: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(InvoerFout) as e:
        tarieven.bereken(invoer, *args, **kwargs)
    bericht = str(e.value)
    assert PAKKET not in bericht
    assert PARAMS not in bericht
    return bericht


# -- the analysis file, not the scenario it names ------------------------------------------------


# -- the user's date, not a line of a bundled file -----------------------------------------------


@pytest.mark.parametrize(
    ("functie", "melding"),
    [
        ({"cao": "cao-jeugdzorg", "schaal": "7", "trede": "x"},
         "functies.mbo.trede = 'x': verwacht 'max', 'midden' of een trede van 0 tot en met 10 in schaal 7"),
        ({"cao": "cao-jeugdzorg", "schaal": "70", "trede": 3},
         "functies.mbo.schaal = '70': verwacht een schaal uit params/cao-jeugdzorg.toml (10, 11, 12, 7, 8, 9)"),
        ({"cao": "jeugdzorg", "schaal": "7", "trede": 3},
         "functies.mbo.cao = 'jeugdzorg': verwacht een cao uit params/"),
        ({"cao": 5, "schaal": "7", "trede": 3}, "functies.mbo.cao = 5: verwacht een cao uit params/"),
        ({"cao": "normen-haaglanden", "schaal": "7", "trede": 3},
         "functies.mbo.cao = 'normen-haaglanden': verwacht een cao"),
        ({"functie": "pedagogisch medewerker"},
         "functies.mbo.functie = 'pedagogisch medewerker': verwacht een functie"),
    ],
)  # fmt: skip
def test_cao_schaal_en_trede_noemen_de_sleutel_van_de_gebruiker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], functie: dict[str, Any], melding: str
) -> None:
    """A step or scale that does not exist was reported as 'trede' in params/cao-jeugdzorg.toml."""
    pad = schrijf(
        tmp_path / "s.json", json.dumps({"basis": "41A22", "peildatum": "2027-01-01", "functies": {"mbo": functie}})
    )
    bericht = fout_van_opdracht(capsys, "bereken", str(pad))
    assert bericht.startswith(f"tarieven: Ongeldige invoer in {pad}: {melding}")


def test_basis_die_geen_product_is() -> None:
    """It named 'product'; the user wrote 'basis'."""
    bericht = fout({"basis": "41A99"})
    assert bericht.startswith(
        "Ongeldige invoer in <dict>: basis = '41A99': verwacht een productcode uit de catalogus ("
    )
    assert "41A22" in bericht


# -- an unreachable target is one row's message ---------------------------------------------------


