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


@pytest.mark.parametrize(
    ("sectie", "sleutel"),
    [
        ('[rooster]\n"product.bezettingsgraad" = [0.5, 1.5]\n', "rooster.product.bezettingsgraad = 1.5: verwacht een "
         "fractie groter dan 0 en hoogstens 1"),
        ('[rooster]\n"product.groepsgroote" = [8]\n', "rooster.product.groepsgroote ontbreekt: verwacht een bestaande "
         "invoer van dit scenario"),
        ('[rooster]\nproduct.groepsgrootte = { van = 1, tot = 10, stap = 0 }\n', "rooster.product.groepsgrootte = "
         "{'van': 1, 'tot': 10, 'stap': 0}: verwacht { van = ..., tot = ..., stap = ... }"),
        ("[gevoeligheid]\nprocent = 150\n", "gevoeligheid.procent = 150: verwacht een percentage groter dan 0"),
        ('[gevoeligheid]\nbereiken = { "product.bezettingsgraad" = [0.5, 2.0] }\n', "gevoeligheid.bereiken.product."
         "bezettingsgraad = 2.0: verwacht een fractie groter dan 0 en hoogstens 1"),
        ("[montecarlo.verdelingen]\n"
         '"product.bezettingsgraad" = { verdeling = "uniform", laag = 0.5, hoog = 1.5 }\n',
         "montecarlo.product.bezettingsgraad = "),
        ('[[doelzoeken]]\nsleutel = "product.groepsgroote"\ndoel = 95.0\n', "doelzoeken[0].product.groepsgroote "
         "ontbreekt: verwacht een bestaande invoer"),
        ("[bekostiging]\nrisico_opslag = 1.5\n",
         "bekostiging.risico_opslag = 1.5: verwacht een fractie van 0 tot 1, 1 niet "
         "inbegrepen (0.08 voor 8 %) (risico-opslag bij capaciteitsbekostiging)"),
    ],
)  # fmt: skip
def test_fout_in_een_analyse_noemt_het_analysebestand_en_de_sleutel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sectie: str, sleutel: str
) -> None:
    analysebestand = schrijf(tmp_path / "analyse.toml", f'scenario = "{G1.as_posix()}"\nuitvoer = "uit"\n{sectie}')
    bericht = fout_van_opdracht(capsys, "scenario", str(analysebestand))
    assert bericht.startswith(f"tarieven: Ongeldige invoer in {analysebestand}: {sleutel}")
    assert G1.name not in bericht  # the scenario file is fine: not named
    assert not (tmp_path / "uit").exists()  # nothing written


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


def test_onbekende_regel_noemt_de_dichtstbijzijnde() -> None:
    with pytest.raises(KeyError) as e:
        tarieven.bereken("41A22", "2027-01-01")["tarief_per_klient"]
    assert str(e.value).endswith("; bedoelt u 'tarief_per_client'?")


# -- an unreachable target is one row's message ---------------------------------------------------


