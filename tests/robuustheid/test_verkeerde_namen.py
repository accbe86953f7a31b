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
        (
            '[rooster]\n"product.bezettingsgraad" = [0.5, 1.5]\n',
            "rooster.product.bezettingsgraad = 1.5: verwacht een fractie groter dan 0 en hoogstens 1",
        ),
        (
            '[rooster]\n"product.groepsgroote" = [8]\n',
            "rooster.product.groepsgroote = [8]: verwacht een bekende invoer van dit scenario",
        ),
        (
            "[rooster]\nproduct.groepsgrootte = { van = 1, tot = 10, stap = 0 }\n",
            "rooster.product.groepsgrootte = "
            "{'van': 1, 'tot': 10, 'stap': 0}: verwacht { van = ..., tot = ..., stap = ... }",
        ),
        ("[gevoeligheid]\nprocent = 150\n", "gevoeligheid.procent = 150: verwacht een percentage groter dan 0"),
        (
            '[gevoeligheid]\nbereiken = { "product.bezettingsgraad" = [0.5, 2.0] }\n',
            "gevoeligheid.bereiken.product.bezettingsgraad = 2.0: verwacht een fractie groter dan 0 en hoogstens 1",
        ),
        (
            '[montecarlo.verdelingen]\n"product.bezettingsgraad" = { verdeling = "uniform", laag = 0.5, hoog = 1.5 }\n',
            "montecarlo.product.bezettingsgraad = ",
        ),
        (
            '[[doelzoeken]]\nsleutel = "product.groepsgroote"\ndoel = 95.0\n',
            "doelzoeken[0].sleutel = 'product.groepsgroote': verwacht een bekende invoer",
        ),
        (
            "[bekostiging]\nrisico_opslag = 1.5\n",
            "bekostiging.risico_opslag = 1.5: verwacht een fractie van 0 tot 1, 1 niet "
            "inbegrepen (0.08 voor 8 %) (risico-opslag bij capaciteitsbekostiging)",
        ),
    ],
)
def test_fout_in_een_analyse_noemt_het_analysebestand_en_de_sleutel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sectie: str, sleutel: str
) -> None:
    analysebestand = schrijf(tmp_path / "analyse.toml", f'scenario = "{G1.as_posix()}"\nuitvoer = "uit"\n{sectie}')
    bericht = fout_van_opdracht(capsys, "scenario", str(analysebestand))
    assert bericht.startswith(f"tarieven: Ongeldige invoer in {analysebestand}: {sleutel}")
    assert G1.name not in bericht  # the scenario file is fine: not named
    assert not (tmp_path / "uit").exists()  # nothing written


def test_fout_in_het_scenario_zelf_noemt_het_scenariobestand(
    tmp_path: Path, g1: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """The other way round: a problem in the scenario file is that file's, with its own key."""
    scenario = schrijf(tmp_path / "scenario.json", json.dumps(gewijzigd(g1, product__groepsgrootte=8.5)))
    analysebestand = schrijf(tmp_path / "analyse.toml", 'scenario = "scenario.json"\n[bekostiging]\n')
    bericht = fout_van_opdracht(capsys, "scenario", str(analysebestand))
    assert bericht.startswith(
        f"tarieven: Ongeldige invoer in {scenario}: product.groepsgrootte = 8.5: verwacht een geheel"
    )


# -- the user's date, not a line of a bundled file -----------------------------------------------


def test_peildatum_buiten_de_parameters(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """It named groepsgrootte and the installed path; now the peildatum first, bundled files as params/...

    A date given with the call is not the product file's: no file is blamed for it."""
    bericht = fout("41A22", "1850-01-01")
    assert bericht.startswith(
        "Ongeldige invoer: peildatum (opgegeven bij de berekening) = '1850-01-01': verwacht een peildatum op of na "
        "2025-01-01"
    )
    bericht = fout_van_opdracht(capsys, "bereken", "41A22", "--peildatum", "1850-01-01")
    assert bericht.startswith(
        "tarieven: Ongeldige invoer: peildatum (opgegeven bij de berekening) = '1850-01-01': verwacht een peildatum "
        "op of na 2025-01-01"
    )
    assert PAKKET not in bericht
    eigen = schrijf(tmp_path / "mijn.toml", 'basis = "41A22"\npeildatum = 1850-01-01\n')
    bericht = fout_van_opdracht(capsys, "bereken", str(eigen))
    assert bericht.startswith(
        f"tarieven: Ongeldige invoer in {eigen}: peildatum = '1850-01-01': verwacht een peildatum"
    )
    bericht = fout("41A22", tariefjaar=1950)
    assert (
        "tariefjaar (opgegeven bij de berekening) = '1950': verwacht een tariefjaar dat van 1 januari tot en met "
        "31 december door waarden" in bericht
    )


@pytest.mark.parametrize(
    ("functie", "melding"),
    [
        (
            {"cao": "cao-jeugdzorg", "schaal": "7", "trede": "x"},
            "functies.mbo.trede = 'x': verwacht 'max', 'midden' of een trede van 0 tot en met 10 in schaal 7",
        ),
        (
            {"cao": "cao-jeugdzorg", "schaal": "70", "trede": 3},
            "functies.mbo.schaal = '70': verwacht een schaal uit params/cao-jeugdzorg.toml (7, 8, 9, 10, 11, 12)",
        ),
        (
            {"cao": "jeugdzorg", "schaal": "7", "trede": 3},
            "functies.mbo.cao = 'jeugdzorg': verwacht een cao uit params/",
        ),
        ({"cao": 5, "schaal": "7", "trede": 3}, "functies.mbo.cao = 5: verwacht een cao uit params/"),
        (
            {"cao": "normen-haaglanden", "schaal": "7", "trede": 3},
            "functies.mbo.cao = 'normen-haaglanden': verwacht een cao",
        ),
        (
            {"functie": "pedagogisch medewerker"},
            "functies.mbo.functie = 'pedagogisch medewerker': verwacht een functie",
        ),
    ],
)
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


def test_onhaalbaar_doel_in_een_analysebestand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Three targets, the middle one unreachable (a tariff of € 1 at any occupancy): its row gets an
    empty value and the reason; the other targets, the grid and the funding view are written."""
    analysebestand = schrijf(
        tmp_path / "analyse.toml",
        f'scenario = "{G1.as_posix()}"\nuitvoer = "uit"\n'
        '[rooster]\n"product.groepsgrootte" = [8, 10]\n'
        '[[doelzoeken]]\nsleutel = "product.bezettingsgraad"\ndoel = 95.0\n'
        '[[doelzoeken]]\nsleutel = "product.bezettingsgraad"\ndoel = 1.0\n'
        '[[doelzoeken]]\nsleutel = "product.groepsgrootte"\ndoel = 95.0\n'
        "[bekostiging]\n",
    )
    code, _, err = opdracht(capsys, "scenario", str(analysebestand))
    assert code == 0, err
    uit = tmp_path / "uit"
    assert sorted(p.name for p in uit.iterdir()) == ["bekostiging.csv", "doelzoeken.csv", "rooster.csv"]
    doelen = pd.read_csv(uit / "doelzoeken.csv", keep_default_na=False)
    assert doelen["doel"].tolist() == [95.0, 1.0, 95.0]
    assert doelen["melding"].iloc[0] == ""
    assert doelen["melding"].iloc[2] == ""
    assert doelen["waarde"].iloc[1] == ""  # an empty cell, never NaN
    melding = doelen["melding"].iloc[1]
    assert melding.startswith(
        "niet te halen: verwacht een doel dat met product.bezettingsgraad tussen 0,000001 en 1 te bereiken is: "
        "tarief per cliënt per dagdeel (tarief_per_client) loopt daar van € 77,63 tot "
    )
    # g1 at full occupancy (by hand from the golden lines): (460,83 + 19,41 + 50,00 + 35,00) / 10 / 0,75 × 1,03 = 77,63
    b = float(doelen["waarde"].iloc[0])
    u = tarieven.bereken(tarieven.lees_scenario(G1).met(**{"product.bezettingsgraad": b}))
    assert round(u.tarief, 6) == 95.0
    # a whole group size: the smallest group whose tariff stays at or under 95 (g1: 10 places gives 90,48)
    assert int(float(doelen["waarde"].iloc[2])) <= 10


def test_fout_in_de_sleutel_van_een_doel_is_wel_een_fout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A wrong key or line in the file is the file's error, not a row's message."""
    analysebestand = schrijf(
        tmp_path / "analyse.toml",
        f'scenario = "{G1.as_posix()}"\n[[doelzoeken]]\nsleutel = "product.bezettingsgraad"\ndoel = 95.0\n'
        'regel = "tarief_per_klant"\n',
    )
    bericht = fout_van_opdracht(capsys, "scenario", str(analysebestand))
    assert (
        f"in {analysebestand}: doelzoeken[0].regels = 'tarief_per_klant': verwacht een regel van de opbouw" in bericht
    )
