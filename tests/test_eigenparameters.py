"""The user's own parameter files over the bundled ones (``--parameters PAD``, ``params=PAD``)."""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

import tarieven
from tarieven import InvoerFout
from tarieven.cli import main
from tarieven.eigenparameters import laad_parameters

BRON = 'bron = { titel = "Eigen cijfers (test)" }'


def _schrijf(map_: Path, naam: str, tekst: str) -> Path:
    pad = map_ / naam
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(textwrap.dedent(tekst), encoding="utf-8")
    return pad


def _reeks(naam: str, waarden: dict[int, float]) -> str:
    delen = [f"[{naam}]\n{BRON}\n"]
    for jaar, x in waarden.items():
        delen.append(
            f"  [[{naam}.waarden]]\n  vanaf = {jaar}-01-01\n  tot = {jaar + 1}-01-01\n  waarde = {x}\n"
            '  status = "indicatief"\n'
        )
    return "\n".join(delen)


OVA_VL = {2026: 0.040, 2027: 0.030}
OVA_DEF = {2025: 0.045, 2026: 0.041}
PCC_VL = {2026: 0.020, 2027: 0.022}
PCC_DEF = {2025: 0.019, 2026: 0.021}


@pytest.fixture
def indexmap(tmp_path: Path) -> Path:
    """A folder with only the index figures the package does not have: 2026 and 2027."""
    kop = '[bestand]\ntitel = "Eigen indexcijfers"\n\n'
    tekst = kop + "\n".join(
        _reeks(n, w)
        for n, w in (
            ("ova.voorlopig", OVA_VL),
            ("ova.definitief", OVA_DEF),
            ("pcc.voorlopig", PCC_VL),
            ("pcc.definitief", PCC_DEF),
        )
    )
    _schrijf(tmp_path / "eigen", "indexatie-vng.toml", tekst)
    return tmp_path / "eigen"


def test_eigen_ova_en_pcc_indexeren_een_tarief_naar_2027(indexmap: Path) -> None:
    """By hand (VNG method, w = 0.9, correction 'absoluut' from 2025 on, as bundled):
    2026: 0.9 x 4.0 % + 0.1 x 2.0 % = 3.800 %; correction over 2025: (0.9 x 4.5 + 0.1 x 1.9)
    - (0.9 x 4.18 + 0.1 x 1.82) = 4.240 - 3.944 = 0.296 %; total 4.096 %.
    2027: 0.9 x 3.0 + 0.1 x 2.2 = 2.920 %; correction over 2026: (0.9 x 4.1 + 0.1 x 2.1) - 3.800
    = 3.900 - 3.800 = 0.100 %; total 3.020 %. 100 euro -> 100 x 1.04096 x 1.03020 = 107.2397..."""
    with pytest.raises(InvoerFout, match="2026"):  # the package alone does not know 2026
        tarieven.indexeer(100.0, 2025, 2027)
    reeks = tarieven.indexeer(100.0, 2025, 2027, params=indexmap)
    totaal = [s.indexatie.totaal for s in reeks if s.indexatie is not None]
    assert totaal == pytest.approx([0.04096, 0.03020], abs=1e-12)
    assert float(reeks[-1].tarief) == pytest.approx(100 * 1.04096 * 1.03020, rel=1e-12)
    assert all(s.geprojecteerd for s in reeks[1:])


def test_cli_indexeer_met_eigen_parameters(indexmap: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["indexeer", "100", "--van", "2025", "--naar", "2027", "--parameters", str(indexmap)]) == 0
    assert "€ 107,24" in capsys.readouterr().out
    assert main(["indexeer", "100", "--van", "2025", "--naar", "2027"]) == 2
    assert "2026" in capsys.readouterr().err


def test_eigen_loonontwikkeling_vervangt_het_eindbod(tmp_path: Path) -> None:
    """A provider expects +5 % in 2026 instead of +3.7 %: the 2026 table is the 2025 one x 1.05."""
    _schrijf(
        tmp_path,
        "cao-jeugdzorg.toml",
        f"""
        [bestand]
        titel = "Eigen verwachting cao 2026"

        [loonontwikkeling]
        {BRON}
          [[loonontwikkeling.waarden]]
          vanaf = 2026-01-01
          waarde = 0.05
          status = "aanname"
          toelichting = "eigen verwachting"
        """,
    )
    params = laad_parameters(tmp_path / "cao-jeugdzorg.toml")
    par = params.parameter("cao-jeugdzorg", "salaris.schaal_8")
    basis = par.waarden[-1].waarde  # the last table of the CAO 2024-2025
    assert isinstance(basis, tuple)
    w = par.op(dt.date(2026, 6, 1))
    assert isinstance(w.waarde, tuple)
    verwacht = Decimal(repr(basis[10])) * Decimal("1.05")
    assert Decimal(repr(w.waarde[10])) == verwacht.quantize(Decimal("0.01"), ROUND_HALF_UP)
    # 2027 keeps the bundled +2.6 % (the same name and date replaces, the rest stays)
    w27 = par.op(dt.date(2027, 6, 1))
    assert isinstance(w27.waarde, tuple)
    assert w27.waarde[10] == float((Decimal(repr(w.waarde[10])) * Decimal("1.026")).quantize(Decimal("0.01")))
    u = tarieven.bereken("41A22", "2026-06-01", params=tmp_path / "cao-jeugdzorg.toml")
    assert u.scenario.waarden["functies.mbo.maandsalaris"] == w.waarde[7]  # the central step of functies.toml
    assert u.tarief > tarieven.bereken("41A22", "2026-06-01").tarief


def test_een_nieuwe_cao_met_eigen_looptijd(tmp_path: Path) -> None:
    """A new table from 2026 in the user's file: its own term; 2026 from the user (not projected),
    2027 projected from the user's table with the bundled expected raise."""
    tabel = ", ".join(str(3000 + 100 * i) for i in range(11))
    _schrijf(
        tmp_path,
        "cao-jeugdzorg.toml",
        f"""
        [bestand]
        titel = "CAO Jeugdzorg 2026 (eigen invoer)"
        geldig_tot = 2026-12-31

        [salaris.schaal_8]
        eenheid = "EUR/maand"
        {BRON}
          [[salaris.schaal_8.waarden]]
          vanaf = 2026-01-01
          waarde = [{tabel}]
          status = "definitief"
        """,
    )
    u = tarieven.bereken("41A22", "2026-06-01", params=tmp_path)
    assert u.scenario.waarden["functies.mbo.maandsalaris"] == 3700.0  # step 7, the central step of functies.toml
    h = u.scenario.herkomst["functies.mbo.maandsalaris"]
    assert h.oorsprong.startswith(f"eigen parameters {tmp_path / 'cao-jeugdzorg.toml'}: salaris.schaal_8")
    assert not h.geprojecteerd
    assert f"eigen parameters {tmp_path / 'cao-jeugdzorg.toml'}" in u.uitleg()
    u27 = tarieven.bereken("41A22", "2027-06-01", params=tmp_path)
    assert u27.scenario.waarden["functies.mbo.maandsalaris"] == 3796.2  # 3700 x 1.026
    assert u27.scenario.herkomst["functies.mbo.maandsalaris"].geprojecteerd


def test_eenheden_in_een_eigen_bestand_worden_omgerekend(tmp_path: Path) -> None:
    """Housing given per month in the user's norms file: 2,500 EUR/maand is 30,000 EUR/jaar."""
    _schrijf(
        tmp_path,
        "normen-haaglanden.toml",
        f"""
        [bestand]
        titel = "Eigen huisvesting"

        [huisvesting_per_groep]
        eenheid = "EUR/maand"
        waarde = 2500
        vanaf = 2025-01-01
        status = "definitief"
        {BRON}
        """,
    )
    u = tarieven.bereken("41A22", "2025-06-01", params=tmp_path)
    assert u.scenario.waarden["product.huisvesting_jaar"] == 30_000.0
    assert u.scenario.herkomst["product.huisvesting_jaar"].oorsprong.startswith("eigen parameters")


def test_fouten_in_eigen_parameters_noemen_bestand_en_sleutel(tmp_path: Path) -> None:
    pad = _schrijf(
        tmp_path,
        "normen-haaglanden.toml",
        f"""
        [bestand]
        titel = "Eigen"
        [huisvesting_per_groep]
        eenheid = "uur/jaar"
        waarde = 10
        vanaf = 2025-01-01
        status = "definitief"
        {BRON}
        """,
    )
    with pytest.raises(InvoerFout) as e:
        laad_parameters(tmp_path)
    assert str(pad) in str(e.value)
    assert "huisvesting_per_groep.eenheid = 'uur/jaar': verwacht een eenheid die past bij EUR/jaar" in str(e.value)
    with pytest.raises(InvoerFout, match=r"--parameters = '.*bestaat-niet': verwacht een bestaand parameterbestand"):
        laad_parameters(tmp_path / "bestaat-niet")
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    with pytest.raises(InvoerFout, match="een map met ten minste één parameterbestand"):
        laad_parameters(leeg)


def test_cli_bereken_met_eigen_parameters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _schrijf(
        tmp_path,
        "normen-haaglanden.toml",
        f"""
        [bestand]
        titel = "Eigen overhead"
        [overhead]
        eenheid = "1"
        soort = "fractie"
        waarde = 0.15
        vanaf = 2025-01-01
        status = "definitief"
        {BRON}
        """,
    )
    assert main(["uitleg", "41A22", "--peildatum", "2025-06-01", "--parameters", str(tmp_path)]) == 0
    uit = capsys.readouterr().out
    assert "opslagen.overhead = 0,15" in uit
    assert "eigen parameters" in uit
    eigen = tarieven.bereken("41A22", "2025-06-01", params=tmp_path)
    assert eigen.scenario.waarden["opslagen.overhead"] == 0.15
    assert eigen.tarief < tarieven.bereken("41A22", "2025-06-01").tarief  # less overhead, lower tariff
