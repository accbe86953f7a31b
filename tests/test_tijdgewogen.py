"""Time-weighted parameters over a tariff year (``Parameter.gewogen``, ``tariefjaar``).

The hand calculations use the small made-up set tests/params_voorbeeld; where a mid-year
change is needed, a copy in tmp_path gets one extra dated value (the files in the
repository stay as they are: other tests rely on them).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest

import tarieven
from tarieven.catalogus import maandsalaris
from tarieven.cli import main
from tarieven.inlezen import scenario_met_parameters, scenario_uit_product
from tarieven.parameterbestanden import laad_bestand, laad_map, standaard_parameters
from tarieven.parameters import GewogenWaarde, ParameterSet

VOORBEELD = Path(__file__).parent / "params_voorbeeld"

# A raise on 1 March 2025 for the copy of the test CAO: each step of scale 8 plus 100 euro.
VERHOGING_MAART = """
  [[salaris.schaal_8.waarden]]
  vanaf = 2025-03-01
  waarde = [3100.0, 3200.0, 3300.0, 3400.0]
  status = "indicatief"

"""


@pytest.fixture(scope="module")
def params() -> ParameterSet:
    return laad_map(VOORBEELD)


@pytest.fixture
def params_maart(tmp_path: Path) -> ParameterSet:
    """tests/params_voorbeeld with the scale 8 raise of 1 March 2025 added."""
    map_ = tmp_path / "params"
    shutil.copytree(VOORBEELD, map_)
    cao = map_ / "cao-jeugdzorg.toml"
    tekst = cao.read_text(encoding="utf-8")
    assert tekst.count("[salaris.schaal_11]") == 1
    cao.write_text(tekst.replace("[salaris.schaal_11]", VERHOGING_MAART + "[salaris.schaal_11]"), encoding="utf-8")
    return laad_map(map_)


def schrijf(tmp_path: Path, tekst: str) -> Path:
    pad = tmp_path / "p.toml"
    pad.write_text(textwrap.dedent(tekst), encoding="utf-8")
    return pad


# -- Parameter.gewogen ---------------------------------------------------------------------


def test_tabel_met_de_hand(params_maart: ParameterSet) -> None:
    """Scale 8 in 2025, by hand (2025 is not a leap year: 365 days):

    1 Jan - 28 Feb: 31 + 28 = 59 days of the 2025-01-01 table [3000, 3100, 3200, 3300]
    1 Mar - 31 Dec: 365 - 59 = 306 days of the 2025-03-01 table [3100, 3200, 3300, 3400]
    step by step: (59 × old + 306 × new) / 365 = old + 100 × 306 / 365 = old + 83.835616...
    step 3 (max): (59 × 3300 + 306 × 3400) / 365 = (194,700 + 1,040,400) / 365 = 1,235,100 / 365
    status: afgeleid and indicatief -> the least certain, indicatief
    """
    g = params_maart.parameter("cao-jeugdzorg", "salaris.schaal_8").gewogen(2025)
    assert isinstance(g, GewogenWaarde)
    assert [(w.vanaf, dagen) for w, dagen in g.delen] == [(dt.date(2025, 1, 1), 59), (dt.date(2025, 3, 1), 306)]
    assert g.waarde == pytest.approx(
        (3083.835616438356, 3183.835616438356, 3283.835616438356, 3383.835616438356), rel=1e-14
    )
    assert isinstance(g.waarde, tuple)
    assert g.waarde[3] == pytest.approx(1_235_100 / 365, rel=1e-15)
    assert g.status == "indicatief"
    assert g.vanaf == dt.date(2025, 1, 1)
    assert g.bron == "Test-CAO bijlage 1"  # the same source for both parts, named once
    assert g.toelichting == "tabel 2024 plus 100 euro per trede, met een trede erbij"


def test_schrikkeljaar_met_de_hand(tmp_path: Path) -> None:
    """36 hours until 30 June 2024, 38 from 1 July; 2024 is a leap year (366 days):

    1 Jan - 30 Jun: 31 + 29 + 31 + 30 + 31 + 30 = 182 days at 36
    1 Jul - 31 Dec: 31 + 31 + 30 + 31 + 30 + 31 = 184 days at 38
    (182 × 36 + 184 × 38) / 366 = (6,552 + 6,992) / 366 = 13,544 / 366 = 37.005464...
    """
    par = laad_bestand(
        schrijf(
            tmp_path,
            """
            [bestand]
            titel = "Test"
            geldig_tot = "tot wijziging"
            [uren_per_week]
            eenheid = "uur/week"
            soort = "positief"
            bron = { titel = "CAO" }
              [[uren_per_week.waarden]]
              vanaf = 2023-01-01
              waarde = 36
              status = "definitief"
              [[uren_per_week.waarden]]
              vanaf = 2024-07-01
              waarde = 38
              status = "definitief"
            """,
        )
    ).parameters["uren_per_week"]
    g = par.gewogen(2024)
    assert [d for _, d in g.delen] == [182, 184]
    assert g.waarde == pytest.approx(13_544 / 366, rel=1e-15)
    assert g.waarde == pytest.approx(37.005464480874316, rel=1e-14)
    assert g.status == "definitief"


def test_een_waarde_het_hele_jaar_is_precies_op(params: ParameterSet) -> None:
    """Every parameter of the test set has one value covering 2025: exactly the value of op()."""
    for par in params:
        g = par.gewogen(2025)
        w = par.op(dt.date(2025, 6, 1))
        assert g.waarde == w.waarde  # exact, no arithmetic on a single value
        assert g.delen == ((w, 365),)
        assert g.status == w.status


def test_jaargrens_mag_de_tabel_wisselen(params: ParameterSet) -> None:
    """The test CAO's scale 8 gets a fourth step on 1 January 2025: each year has one table."""
    par = params.parameter("cao-jeugdzorg", "salaris.schaal_8")
    assert par.gewogen(2024).waarde == (2900.0, 3000.0, 3100.0)
    assert par.gewogen(2025).waarde == (3000.0, 3100.0, 3200.0, 3300.0)


# -- errors --------------------------------------------------------------------------------

REEKS = """
[bestand]
titel = "Test"
geldig_tot = "tot wijziging"
[uren_per_week]
eenheid = "uur/week"
soort = "positief"
bron = {{ titel = "CAO" }}
  [[uren_per_week.waarden]]
  vanaf = 2024-01-01
  {tot}
  waarde = 36
  status = "definitief"
{volgende}
"""


def test_jaar_voor_de_eerste_waarde(params: ParameterSet, tmp_path: Path) -> None:
    par = params.parameter("cao-jeugdzorg", "salaris.schaal_8")
    with pytest.raises(tarieven.InvoerFout) as e:
        par.gewogen(2023)
    assert str(e.value) == (
        f"Ongeldige invoer in {par.bestand}: salaris.schaal_8 = 2023: verwacht een tariefjaar dat van 1 januari "
        "tot en met 31 december door waarden gedekt is; de eerste waarde geldt pas vanaf 2024-01-01."
    )
    # a series that starts mid-year does not cover that year either
    pad = schrijf(tmp_path, REEKS.format(tot="", volgende="").replace("2024-01-01", "2024-04-01"))
    with pytest.raises(
        tarieven.InvoerFout, match=r"uren_per_week = 2024: .*; de eerste waarde geldt pas vanaf 2024-04-01"
    ):
        laad_bestand(pad).parameters["uren_per_week"].gewogen(2024)


@pytest.mark.parametrize(
    ("tot", "volgende", "jaar", "geen_waarde_vanaf"),
    [
        ("tot = 2025-01-01", "", 2025, "2025-01-01"),  # the series ends before the year
        ("tot = 2025-07-01", "", 2025, "2025-07-01"),  # the series ends within the year
        (  # a gap from 1 April to 1 June
            "tot = 2025-04-01",
            '  [[uren_per_week.waarden]]\n  vanaf = 2025-06-01\n  waarde = 38\n  status = "definitief"',
            2025,
            "2025-04-01",
        ),
    ],
)
def test_jaar_na_tot_of_met_een_gat(tmp_path: Path, tot: str, volgende: str, jaar: int, geen_waarde_vanaf: str) -> None:
    pad = schrijf(tmp_path, REEKS.format(tot=tot, volgende=volgende))
    par = laad_bestand(pad).parameters["uren_per_week"]
    with pytest.raises(tarieven.InvoerFout) as e:
        par.gewogen(jaar)
    assert str(e.value) == (
        f"Ongeldige invoer in {pad}: uren_per_week = {jaar}: verwacht een tariefjaar dat van 1 januari tot en met "
        f"31 december door waarden gedekt is; vanaf {geen_waarde_vanaf} is geen waarde bekend."
    )


def test_aantal_treden_verandert_binnen_het_jaar(tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path,
        """
        [bestand]
        titel = "Test"
        geldig_tot = "tot wijziging"
        [salaris.schaal_8]
        eenheid = "EUR/maand"
        soort = "positief"
        bron = { titel = "CAO" }
          [[salaris.schaal_8.waarden]]
          vanaf = 2024-01-01
          waarde = [2900.0, 3000.0, 3100.0]
          status = "definitief"
          [[salaris.schaal_8.waarden]]
          vanaf = 2024-07-01
          waarde = [3000.0, 3100.0, 3200.0, 3300.0]
          status = "definitief"
        """,
    )
    par = laad_bestand(pad).parameters["salaris.schaal_8"]
    with pytest.raises(tarieven.InvoerFout) as e:
        par.gewogen(2024)
    assert str(e.value) == (
        f"Ongeldige invoer in {pad}: salaris.schaal_8 = 2024: verwacht tabellen met dezelfde treden in heel 2024, "
        "maar het aantal treden verandert binnen het jaar (vanaf 2024-01-01: 3 treden vanaf trede 0; "
        "vanaf 2024-07-01: 4 treden vanaf trede 0): trede voor trede middelen kan dan niet; kies een peildatum."
    )
    assert par.gewogen(2025).waarde == (3000.0, 3100.0, 3200.0, 3300.0)  # the next year is fine


def test_tekst_verandert_binnen_het_jaar(tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path,
        """
        [bestand]
        titel = "Test"
        geldig_tot = "tot wijziging"
        [overhead_grondslag]
        soort = "tekst"
        bron = { titel = "Norm" }
          [[overhead_grondslag.waarden]]
          vanaf = 2024-01-01
          waarde = "opslag_op_kostprijs"
          status = "definitief"
          [[overhead_grondslag.waarden]]
          vanaf = 2024-10-01
          waarde = "aandeel_integrale_kostprijs"
          status = "definitief"
        """,
    )
    par = laad_bestand(pad).parameters["overhead_grondslag"]
    with pytest.raises(tarieven.InvoerFout) as e:
        par.gewogen(2024)
    assert str(e.value) == (
        f"Ongeldige invoer in {pad}: overhead_grondslag = 2024: verwacht één tekstwaarde in heel 2024, maar "
        "'opslag_op_kostprijs' vanaf 2024-01-01 en 'aandeel_integrale_kostprijs' vanaf 2024-10-01: een tekst kan "
        "niet tijdgewogen worden; kies een peildatum."
    )
    assert par.gewogen(2025).waarde == "aandeel_integrale_kostprijs"


# -- scenarios on a tariff year --------------------------------------------------------------


def test_product_op_tariefjaar_met_de_hand(params_maart: ParameterSet) -> None:
    """T1 over 2025 with the 1 March raise, by hand (the chain of test_catalogus, with S for 3,300):

    S = 1,235,100 / 365 = 3,383.835616... (test_tabel_met_de_hand)
    jaarloon J = 12 × S × 1.08 = 43,854.509589...
    charges: premiums 0.11 × J + pension 0.5 × 0.2 × (J − 10,000) = 0.21 × J − 1,000 = 8,209.447014...
    personeelskosten = J + charges = 1.21 × J − 1,000 = 52,063.956603...
    uurkosten = personeelskosten / 1,650 = 31.553913...
    tarief = 1.2 × (2 × 4 × uurkosten + 10,000 / 500) / 10 = 32.691757... -> 32.69
    """
    s = scenario_uit_product("T1", params=params_maart, tariefjaar=2025)
    assert s.tariefjaar == 2025
    assert s.peildatum is None
    salaris = 1_235_100 / 365
    assert s.waarden["functies.mbo.maandsalaris"] == pytest.approx(salaris, rel=1e-15)
    u = tarieven.bereken(s)
    jaarloon = 12 * salaris * 1.08
    assert u["werkgeverslasten_bedrag.mbo"] == pytest.approx(0.21 * jaarloon - 1_000, rel=1e-13)
    assert u["werkgeverslasten_bedrag.mbo"] == pytest.approx(8_209.44701369863, rel=1e-12)
    assert u["uurkosten.mbo"] == pytest.approx((1.21 * jaarloon - 1_000) / 1_650, rel=1e-13)
    assert u["uurkosten.mbo"] == pytest.approx(31.55391309256953, rel=1e-12)
    assert u.tarief == pytest.approx(32.69175656886675, rel=1e-12)
    assert str(u.regel("tarief_per_client").afgerond) == "32.69"

    h = s.herkomst["functies.mbo.maandsalaris"]
    assert h.oorsprong == (
        "cao-jeugdzorg.toml: salaris.schaal_8, schaal 8 trede 3 (max), "
        "tijdgewogen 2025: 59 dagen 3.300,00 + 306 dagen 3.400,00"
    )
    assert h.status == "indicatief"  # afgeleid (Jan-Feb) and indicatief (Mar-Dec)
    assert h.vanaf == dt.date(2025, 1, 1)
    assert str(s.herkomst["functies.mbo.vakantietoeslag"]) == (
        "cao-jeugdzorg.toml: vakantietoeslag, tijdgewogen 2025: 365 dagen 0,08, definitief, vanaf 2025-01-01"
    )
    assert s.herkomst["functies.mbo.verlofuren"].oorsprong == (
        "cao-jeugdzorg.toml: vakantieuren + feestdaguren (100 uur + 50 uur), "
        "tijdgewogen 2025: vakantieuren 365 dagen 100; feestdaguren 365 dagen 50"
    )


def test_maandsalaris_op_tariefjaar(params_maart: ParameterSet) -> None:
    """Step 1 of scale 8 over 2025: (59 × 3,100 + 306 × 3,200) / 365 = (182,900 + 979,200) / 365
    = 1,162,100 / 365 = 3,183.835616..."""
    bedrag, beschrijving, _, w = maandsalaris(params_maart, "cao-jeugdzorg", 8, 1, tariefjaar=2025)
    assert bedrag == pytest.approx(1_162_100 / 365, rel=1e-15)
    assert bedrag == pytest.approx(3_183.835616438356, rel=1e-14)
    assert beschrijving == "schaal 8 trede 1"
    assert isinstance(w, GewogenWaarde)
    with pytest.raises(tarieven.InvoerFout, match=r"óf een peildatum óf een tariefjaar"):
        maandsalaris(params_maart, "cao-jeugdzorg", 8, 1, dt.date(2025, 6, 1), tariefjaar=2025)


def test_een_waarde_per_parameter_geeft_het_scenario_van_de_peildatum(params: ParameterSet) -> None:
    """Without a change within 2025, the tariff year gives exactly the numbers of any day in 2025."""
    jaar = scenario_uit_product("T1", params=params, tariefjaar=2025)
    dag = scenario_uit_product("T1", dt.date(2025, 6, 1), params)
    assert jaar.waarden == dag.waarden
    assert jaar.invoer_hash == dag.invoer_hash
    assert {k: h.status for k, h in jaar.herkomst.items()} == {k: h.status for k, h in dag.herkomst.items()}


def test_tariefjaar_in_het_scenario(params_maart: ParameterSet) -> None:
    s = scenario_met_parameters({"basis": "T1", "tariefjaar": 2025}, params=params_maart)
    assert s.tariefjaar == 2025
    assert s.waarden["functies.mbo.maandsalaris"] == pytest.approx(1_235_100 / 365, rel=1e-15)
    # an explicit choice of the caller (API argument, --peildatum/--tariefjaar) wins over the scenario's own
    s = scenario_met_parameters(
        {"basis": "T1", "tariefjaar": 2025}, peildatum=dt.date(2025, 1, 15), params=params_maart
    )
    assert (s.peildatum, s.tariefjaar) == (dt.date(2025, 1, 15), None)
    assert s.waarden["functies.mbo.maandsalaris"] == 3300.0  # the table before March
    s = scenario_met_parameters(
        {"basis": "T1", "peildatum": dt.date(2025, 1, 15)}, tariefjaar=2025, params=params_maart
    )
    assert (s.peildatum, s.tariefjaar) == (None, 2025)
    assert s.waarden["functies.mbo.maandsalaris"] == pytest.approx(1_235_100 / 365, rel=1e-15)


def test_peildatum_en_tariefjaar_samen_is_een_fout(params: ParameterSet) -> None:
    with pytest.raises(tarieven.InvoerFout) as e:
        scenario_met_parameters(
            {"basis": "T1", "peildatum": dt.date(2025, 1, 1), "tariefjaar": 2025}, bron="s.toml", params=params
        )
    assert str(e.value) == (
        "Ongeldige invoer in s.toml: peildatum en tariefjaar = '2025-01-01 en 2025': verwacht óf een peildatum "
        "(waarden op die dag) óf een tariefjaar (tijdgewogen over het jaar), niet beide."
    )
    with pytest.raises(tarieven.InvoerFout, match=r"peildatum en tariefjaar = '2025-01-01 en 2025'"):
        scenario_uit_product("T1", dt.date(2025, 1, 1), params, tariefjaar=2025)


@pytest.mark.parametrize("jaar", ["twintig", 25, True, 2025.5])
def test_ongeldig_tariefjaar(params: ParameterSet, jaar: Any) -> None:
    with pytest.raises(tarieven.InvoerFout, match=r"tariefjaar = .*: verwacht een jaartal zoals 2025"):
        scenario_met_parameters({"basis": "T1", "tariefjaar": jaar}, bron="s.toml", params=params)


def test_tariefjaar_buiten_de_reeks_noemt_bestand_en_sleutel(params: ParameterSet) -> None:
    """The error is about the user's tariff year, and says which parameter in which file has no value then."""
    with pytest.raises(tarieven.InvoerFout) as e:
        scenario_uit_product("T1", params=params, tariefjaar=2023)
    assert (
        "tariefjaar (opgegeven bij de berekening) = '2023': verwacht een tariefjaar dat van 1 januari tot en met "
        "31 december" in str(e.value)
    )
    assert "(voor product.groepsgrootte in " in str(e.value)
    assert "producten/T1.toml)" in str(e.value)


# -- the bundled parameters, the API and the command line ---------------------------------


def _trede(datum: dt.date) -> float:
    """The central salary of the bundled mbo function on a date: scale 8 at its central step."""
    trede = standaard_parameters().parameter("functies", "pedagogisch_medewerker.trede").op(dt.date(2025, 6, 1)).waarde
    tabel = standaard_parameters().parameter("cao-jeugdzorg", "salaris.schaal_8").op(datum).waarde
    assert isinstance(tabel, tuple)
    assert isinstance(trede, str)
    return tabel[int(trede)]


def test_meegeleverd_41A22_over_2025(capsys: pytest.CaptureFixture[str]) -> None:
    """The bundled CAO raises its tables on 2025-03-01; in 2025 the table of 2024-07-01 holds
    59 days (January 31 + February 28) and the new one 306 days."""
    assert main(["bereken", "41A22", "--tariefjaar", "2025", "--formaat", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["tariefjaar"] == 2025
    assert d["peildatum"] is None
    s = tarieven.lees_scenario("41A22", tariefjaar=2025)
    oud, nieuw = _trede(dt.date(2024, 7, 1)), _trede(dt.date(2025, 3, 1))
    assert oud < s.waarden["functies.mbo.maandsalaris"] < nieuw
    assert s.waarden["functies.mbo.maandsalaris"] == pytest.approx((59 * oud + 306 * nieuw) / 365, rel=1e-14)
    assert "tijdgewogen 2025: 59 dagen" in s.herkomst["functies.mbo.maandsalaris"].oorsprong
    u = tarieven.bereken("41A22", tariefjaar=2025)
    assert u.invoer_hash == d["invoer_hash"]
    voor, na = tarieven.bereken("41A22", dt.date(2025, 2, 1)), tarieven.bereken("41A22", dt.date(2025, 3, 1))
    assert voor.tarief < u.tarief < na.tarief


def test_tekst_en_uitleg_noemen_het_tariefjaar(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bereken", "41A22", "--tariefjaar", "2025"]) == 0
    assert "parameters tijdgewogen over 2025, aannames centraal; invoer-hash" in capsys.readouterr().out
    assert main(["uitleg", "41A22", "--tariefjaar", "2025"]) == 0
    uitleg = capsys.readouterr().out
    assert "Parameters tijdgewogen over tariefjaar 2025 (naar dagen in werking)." in uitleg
    assert "Parameters op peildatum" not in uitleg
    assert "schaal 8 trede 7, tijdgewogen 2025: 59 dagen " in uitleg
    assert main(["producten", "--tariefjaar", "2025"]) == 0
    assert "parameters tijdgewogen over 2025" in capsys.readouterr().out


def test_scenariobestand_met_tariefjaar(tmp_path: Path) -> None:
    pad = tmp_path / "s.toml"
    pad.write_text('basis = "41A22"\ntariefjaar = 2025\n[product]\ngroepsgrootte = 8\n', encoding="utf-8")
    s = tarieven.lees_scenario(pad)
    assert s.tariefjaar == 2025
    verwacht = scenario_uit_product("41A22", tariefjaar=2025).met(**{"product.groepsgrootte": 8})
    assert s.waarden == verwacht.waarden


@pytest.mark.parametrize("opdracht", [["bereken", "41A22"], ["uitleg", "41A22"], ["producten"]])
def test_peildatum_en_tariefjaar_sluiten_elkaar_uit(opdracht: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main([*opdracht, "--peildatum", "2025-01-01", "--tariefjaar", "2025"])
    assert e.value.code == 2
    assert "--tariefjaar: gaat niet samen met --peildatum" in capsys.readouterr().err


def test_cli_ongeldig_jaar(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["bereken", "41A22", "--tariefjaar", "25"])
    assert "'25' is geen jaartal; verwacht bijvoorbeeld 2025" in capsys.readouterr().err


def test_cli_jaar_zonder_waarden(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bereken", "41A22", "--tariefjaar", "2020"]) == 2
    assert "door waarden gedekt is; de eerste waarde geldt pas vanaf" in capsys.readouterr().err
