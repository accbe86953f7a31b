"""CSV for tools and for Dutch Excel (tarieven.csvformaat), on every command that writes CSV."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import tarieven
from tarieven.afronding import op_centen
from tarieven.cli import main
from tarieven.csvformaat import csv_tekst, nl_cel, records_tekst, schrijf_dataframe

from .analyse._hulp import G1

PEIL = "2027-01-01"


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [
        (90.47723456, "90,47723456"),
        (1234567.5, "1234567,5"),  # no thousands separator: Excel would read 1.234.567,5 as text
        (1e-05, "0,00001"),  # no exponent
        (-0.125, "-0,125"),
        (3.0, "3"),
        (7, "7"),
        (np.float64(0.1), "0,1"),
        (np.int64(12), "12"),
        (Decimal("100.97"), "100,97"),
        (True, "ja"),
        (False, "nee"),
        (None, ""),
        (float("nan"), ""),
        ("a;b", "a;b"),
    ],
)
def test_nl_cel(waarde: object, tekst: str) -> None:
    assert nl_cel(waarde) == tekst


def test_csv_nl_is_puntkomma_decimale_komma_en_bom() -> None:
    tekst = csv_tekst([["naam", "waarde"], ["tarief; per cliënt", 90.5]], "csv-nl")
    assert tekst == '\ufeffnaam;waarde\r\n"tarief; per cliënt";90,5\r\n'
    assert csv_tekst([["naam", "waarde"], ["tarief", 90.5]], "csv") == "naam,waarde\ntarief,90.5\n"


def test_records_in_volgorde_van_eerste_voorkomen() -> None:
    assert records_tekst([{"a": 1}, {"b": 2.5, "a": 3}], "csv-nl") == "\ufeffa;b\r\n1;\r\n3;2,5\r\n"


def test_dataframe_in_blokken_met_een_kop() -> None:
    df = pd.DataFrame({"x": [0.5, 1e-7], "s": ["a", "b"]}, index=pd.Index([1, 2], name="rij"))
    f = io.StringIO()
    schrijf_dataframe(df.iloc[:1], f, "csv-nl", kop=True)
    schrijf_dataframe(df.iloc[1:], f, "csv-nl", kop=False)
    assert f.getvalue() == "\ufeffrij;x;s\r\n1;0,5;a\r\n2;0,0000001;b\r\n"


def test_onbekend_formaat() -> None:
    with pytest.raises(ValueError, match="kies uit csv, csv-nl"):
        csv_tekst([["a"]], "xlsx")


def _lees_nl(tekst: str) -> list[dict[str, str]]:
    assert tekst.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(tekst.removeprefix("\ufeff")), delimiter=";"))


def test_bereken_csv_nl_gelijk_aan_csv(capsys: pytest.CaptureFixture[str]) -> None:
    """Every value of the Dutch CSV is the plain CSV's value with a decimal comma."""
    assert main(["bereken", "41A22", "--peildatum", PEIL, "--formaat", "csv"]) == 0
    gewoon = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert main(["bereken", "41A22", "--peildatum", PEIL, "--formaat", "csv-nl"]) == 0
    nl = _lees_nl(capsys.readouterr().out)
    assert [r["naam"] for r in nl] == [r["naam"] for r in gewoon]
    for a, b in zip(gewoon, nl, strict=True):
        assert float(b["waarde"].replace(",", ".")) == float(a["waarde"])
        assert b["afgerond"] == a["afgerond"].replace(".", ",")
    tarief = next(r for r in nl if r["naam"] == "tarief_per_client")
    assert tarief["afgerond"] == str(op_centen(tarieven.bereken("41A22", PEIL).tarief)).replace(".", ",")
    assert float(tarief["waarde"].replace(",", ".")) == tarieven.bereken("41A22", PEIL).tarief


@pytest.mark.parametrize(
    "opdracht", [["producten"], ["parameters", "salaris"], ["indexeer", "100", "--van", "2024", "--naar", "2025"]]
)
def test_lijsten_in_csv_nl(opdracht: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*opdracht, "--formaat", "csv"]) == 0
    gewoon = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert main([*opdracht, "--formaat", "csv-nl"]) == 0
    nl = _lees_nl(capsys.readouterr().out)
    assert len(nl) == len(gewoon) > 0
    assert list(nl[0]) == list(gewoon[0])


def test_scenario_csv_nl(tmp_path: Path) -> None:
    pad = tmp_path / "analyse.toml"
    pad.write_text(f'scenario = "{G1.as_posix()}"\nuitvoer = "uit"\n[rooster]\n"product.groepsgrootte" = [8, 10]\n')
    assert main(["scenario", str(pad), "--formaat", "csv-nl"]) == 0
    tekst = (tmp_path / "uit" / "rooster.csv").read_bytes().decode("utf-8")
    df = pd.read_csv(io.StringIO(tekst.removeprefix("\ufeff")), sep=";", decimal=",")
    s = tarieven.lees_scenario(G1)
    assert df["tarief_per_client"].iloc[0] == tarieven.bereken(s.met(**{"product.groepsgrootte": 8})).tarief
    assert tekst.startswith("\ufeffproduct.groepsgrootte;")
