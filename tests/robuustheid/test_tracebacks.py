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


def test_geheel_getal_te_groot_voor_een_float(g1: dict[str, Any]) -> None:
    bericht = fout(gewijzigd(g1, functies__mbo__maandsalaris=10**400))
    assert bericht.startswith("Ongeldige invoer in <dict>: functies.mbo.maandsalaris = 1000000")
    assert "verwacht een getal groter dan 0 in EUR/maand (bruto maandsalaris)" in bericht
    assert "is te groot voor een getal" in bericht


def test_geheel_getal_met_meer_cijfers_dan_python_als_tekst_toont(g1: dict[str, Any]) -> None:
    """An int of 5,000 digits cannot even be printed by Python (limit 4,300): described, not shown."""
    bericht = fout(gewijzigd(g1, product__groepsgrootte=10**5000))
    assert "product.groepsgrootte = (een geheel getal van duizenden cijfers): verwacht een geheel getal" in bericht
    bericht = fout(gewijzigd(g1, onbekend=[10**5000]))
    assert "onbekend = (een waarde met een geheel getal van duizenden cijfers): verwacht een bekende sleutel" in bericht
    bericht = fout({"basis": "41A22", "peildatum": "2027-01-01", "tariefjaar": 10**5000})
    assert "peildatum en tariefjaar = " in bericht
    assert "óf een peildatum (waarden op die dag) óf een tariefjaar" in bericht


def test_json_getal_van_duizenden_cijfers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    geheel = schrijf(tmp_path / "geheel.json", '{"product": {"groepsgrootte": ' + "9" * 5000 + "}}")
    bericht = fout_van_opdracht(capsys, "bereken", str(geheel))
    assert f"in {geheel}: (bestand): verwacht geldige JSON; een geheel getal van 5000 cijfers is te groot" in bericht
    # a decimal number of 5,000 digits overflows to infinity: refused as not finite, under its key
    komma = schrijf(
        tmp_path / "komma.json", '{"basis": "41A22", "product": {"huisvesting_jaar": 1' + "0" * 5000 + ".5}}"
    )
    bericht = fout_van_opdracht(capsys, "bereken", str(komma))
    assert "product.huisvesting_jaar = inf: verwacht een getal van 0 of meer in EUR/jaar" in bericht
    assert "inf is geen eindig getal" in bericht


@pytest.mark.parametrize(
    ("geschreven", "gelezen"), [("1.234.567", 1234567.0), ("0.000.000", 0.0), ("24.000,50", 24000.5)]
)
def test_getal_met_twee_duizendtallen(g1: dict[str, Any], geschreven: str, gelezen: float) -> None:
    """'1.234.567' (found by the fuzz) raised a bare ValueError: two points can only be thousands."""
    s = tarieven.lees_scenario(gewijzigd(g1, product__huisvesting_jaar=geschreven))
    assert s.waarden["product.huisvesting_jaar"] == gelezen


# -- enormous or infinite tariffs: the cent rounding, repr and the notebook display -----------


def test_afronden_op_centen_van_enorme_bedragen() -> None:
    """Decimal's default 28 digits could not hold 1e30 in cents; every finite float can be rounded now."""
    assert op_centen(1e30) == Decimal("1000000000000000000000000000000.00")
    # per minute: 1e30 / 60 = 16.666...666,666... -> ...666,67 a minute, times 60 = 1e30 + 0,20
    assert rond_af(1e30, "per_minuut_hele_centen") == Decimal("1000000000000000000000000000000.20")
    assert rond_af(1e30, "naar_boven_hele_euro") == Decimal("1000000000000000000000000000000.00")
    assert euro(1e30) == "€ 1.000.000.000.000.000.000.000.000.000.000,00"
    assert len(str(op_centen(1.7e308))) == 309 + 3  # 309 digits, the point and two cents
    assert euro(float("inf")) == "€ oneindig"


@pytest.mark.parametrize(
    ("pad", "waarde"),
    [
        ("product__bezettingsgraad", 1e-300),
        ("product__eenheden_per_jaar", 1e-300),
        ("functies__mbo__productiviteit", 1e-300),
        ("product__huisvesting_jaar", 1e300),
    ],
)
def test_enorm_tarief_is_een_fout_die_zich_laat_tonen(g1: dict[str, Any], pad: str, waarde: float) -> None:
    """Each input allowed, together an absurd tariff: an error naming the tariff and the ceiling."""
    bericht = fout(gewijzigd(g1, **{pad: waarde}))
    assert bericht.startswith("Ongeldige invoer in <dict>: tarief_per_client = '€ ")
    assert "verwacht een tarief van hoogstens € 10.000,00 per cliënt per dagdeel" in bericht
    assert "de invoer is elk toegestaan, maar samen niet aannemelijk" in bericht


def test_oneindig_tarief_is_een_fout(g1: dict[str, Any]) -> None:
    bericht = fout(gewijzigd(g1, product__materieel_per_client=1e308))  # 1e308 × 10 × 0.85 overflows
    assert "materieel = inf: verwacht een eindige uitkomst" in bericht
    assert "controleer de invoer op extreme waarden" in bericht


def test_enorme_regel_buiten_het_tarief_laat_zich_tonen(g1: dict[str, Any]) -> None:
    """A function that is not on the group, with a salary of 1e300: its own lines are enormous but
    finite, the tariff is g1's; the explanation, JSON, HTML and repr show it without raising."""
    d = gewijzigd(g1, functies__extra={**g1["functies"]["wo"], "maandsalaris": 1e300})
    u = tarieven.bereken(d)
    assert str(op_centen(u.tarief)) == "90.48"  # golden g1: the extra function is in no line of the tariff
    assert u["bruto_jaarsalaris.extra"] == 12e300
    assert "functies.extra.maandsalaris = 1e+300: ongebruikelijk" in u.uitleg()
    assert json.loads(u.to_json())["bruto_jaarsalaris"]["extra"].startswith("12000000000000000")
    assert "€ 90,48" in u._repr_html_()
    assert repr(u).endswith("tarief € 90,48 per cliënt per dagdeel>")


# -- empty tables ------------------------------------------------------------------------------


def test_lege_functietabel(g1: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bericht = fout(gewijzigd(g1, functies={}))
    assert "functies ontbreekt: verwacht ten minste één functie (een tabel [functies.mbo]" in bericht
    assert "product.ratio.mix.mbo = 'mbo': verwacht een functie uit 'functies' (geen)" in bericht
    pad = schrijf(tmp_path / "leeg.json", json.dumps(gewijzigd(g1, functies={})))
    assert "functies ontbreekt" in fout_van_opdracht(capsys, "bereken", str(pad))


def test_lege_opslagen(g1: dict[str, Any]) -> None:
    bericht = fout(gewijzigd(g1, opslagen={}))
    assert bericht.startswith("Ongeldige invoer in <dict> (3 problemen):")
    assert "opslagen.overhead_grondslag ontbreekt: verwacht een van 'aandeel_integrale_kostprijs'" in bericht
    assert "opslagen.overhead ontbreekt: verwacht een fractie van 0 tot 1" in bericht
    assert "opslagen.risico_opslag ontbreekt" in bericht


# -- function names that are not identifiers --------------------------------------------------


@pytest.mark.parametrize("naam", ["mbo 4-1", "1", "pedagogisch-medewerker (mbo)", "é", "__class__", "{f}", "%s"])
def test_functienaam_die_geen_identifier_is(g1: dict[str, Any], naam: str) -> None:
    d = gewijzigd(g1)
    d["functies"] = {naam: d["functies"].pop("mbo"), **d["functies"]}
    d["product"]["ratio"]["mix"] = {naam: 0.5, "hbo": 0.5}
    d["product"]["extra_uur"] = {naam: 0.5, "hbo": 0.5}
    u = tarieven.bereken(d)
    assert str(op_centen(u.tarief)) == "90.48"  # golden g1: a name changes nothing
    tekst = u.uitleg()
    assert f"uurkosten.{naam}" in tekst
    assert f"functies.{naam}.maandsalaris = 3.250 EUR/maand" in tekst
    assert f"uurkosten.{naam}" in u._repr_html_() or naam in ("{f}",)  # HTML-escaped names aside
    assert json.loads(u.to_json())["uurkosten"][naam] == "44.98"  # golden g1: uurkosten.mbo


# -- files that are not UTF-8 text ------------------------------------------------------------


def test_excel_werkmap_aan_bereken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # named .xlsx it is read as a filled template, and this one is no workbook at all
    pad = tmp_path / "tarieven.xlsx"
    pad.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(200))
    bericht = fout_van_opdracht(capsys, "bereken", str(pad))
    assert bericht.startswith(f"tarieven: Ongeldige invoer in {pad}: (bestand): verwacht een Excel-werkmap (.xlsx)")
    assert "dit bestand is geen werkmap" in bericht
    # named .json, it is recognised for what it is
    pad = tmp_path / "scenario.json"
    pad.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(200))
    bericht = fout_van_opdracht(capsys, "bereken", str(pad))
    assert bericht.startswith(f"tarieven: Ongeldige invoer in {pad}: (bestand): verwacht een scenario als tekst")
    assert "dit is een Excel-werkmap (.xlsx) of een ander zip-bestand" in bericht


def test_ander_tekstformaat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes('beschrijving = "café"\n'.encode("latin-1"))
    bericht = fout_van_opdracht(capsys, "uitleg", str(latin1))
    assert "verwacht tekst in UTF-8; byte 0xe9 op regel 1 is geen UTF-8" in bericht
    assert "sla het bestand op als 'UTF-8'" in bericht
    utf16 = tmp_path / "utf16.json"
    utf16.write_bytes('{"basis": "41A22"}'.encode("utf-16"))
    assert "dit is UTF-16 ('Unicode' in Kladblok): sla het op als UTF-8" in fout_van_opdracht(
        capsys, "bereken", str(utf16)
    )
    binair = schrijf(tmp_path / "binair.toml", "a = 1\n\x00\x01\x02")
    assert "dit is een binair bestand" in fout_van_opdracht(capsys, "bereken", str(binair))


def test_diep_geneste_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lijsten = schrijf(tmp_path / "lijsten.json", "[" * 100_000 + "]" * 100_000)
    assert "verwacht JSON die hoogstens 32 niveaus diep genest is" in fout_van_opdracht(capsys, "bereken", str(lijsten))
    objecten = schrijf(tmp_path / "objecten.json", '{"a": ' * 40 + "1" + "}" * 40)
    bericht = fout_van_opdracht(capsys, "bereken", str(objecten))
    assert "verwacht hoogstens 32 niveaus van geneste tabellen en lijsten" in bericht


def test_diep_geneste_toml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A TOML list nested 1,000 deep: a clear error, not a RecursionError from inside tomllib."""
    lijsten = schrijf(tmp_path / "lijsten.toml", 'basis = "41A22"\nweglaten = ' + "[" * 1000 + "]" * 1000 + "\n")
    assert "verwacht TOML die hoogstens 32 niveaus diep genest is" in fout_van_opdracht(capsys, "bereken", str(lijsten))
    tabellen = schrijf(tmp_path / "tabellen.toml", "a = " + "{b = " * 1000 + "1" + "}" * 1000 + "\n")
    assert "32 niveaus" in fout_van_opdracht(capsys, "bereken", str(tabellen))


def test_naam_te_lang_voor_het_bestandssysteem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A name of 300 characters made the system refuse even to look (OSError: File name too long,
    found by the fuzz of analysis files): it is a file that does not exist."""
    lang = "x" * 300 + ".json"
    with pytest.raises(InvoerFout, match=r"^Ongeldige invoer: bestand = 'xxxxx.*verwacht een bestaand \.json- of"):
        tarieven.bereken(lang)
    assert "verwacht een bestaand .json- of .toml-bestand, of een productcode" in fout_van_opdracht(
        capsys, "bereken", lang
    )
    analysebestand = schrijf(tmp_path / "a.toml", f'scenario = "{lang}"\n[bekostiging]\n')
    bericht = fout_van_opdracht(capsys, "scenario", str(analysebestand))
    assert f"in {analysebestand}: scenario = 'xxxxx" in bericht
    assert "dat bestand of die productcode bestaat niet" in bericht
    analysebestand = schrijf(tmp_path / "b.toml", f'scenario = "41A22"\nuitvoer = "{"u" * 300}"\n[bekostiging]\n')
    bericht = fout_van_opdracht(capsys, "scenario", str(analysebestand))
    assert f"in {analysebestand}: uitvoer = '" in bericht
    assert "verwacht een map waarin tarieven kan schrijven (File name too long)" in bericht


# -- dates and years ---------------------------------------------------------------------------


def test_toml_datum_tijd_waar_een_datum_hoort(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = schrijf(tmp_path / "s.toml", 'basis = "41A22"\npeildatum = 2027-01-01T10:00:00\n')
    bericht = fout_van_opdracht(capsys, "bereken", str(pad))
    assert bericht == (
        f"tarieven: Ongeldige invoer in {pad}: peildatum = 2027-01-01 10:00:00: verwacht een datum zoals 2027-01-01; "
        "een tijdstip hoort er niet bij.\n"
    )
    analyse = schrijf(tmp_path / "a.toml", 'scenario = "41A22"\npeildatum = 2027-01-01T00:00:00\n[bekostiging]\n')
    bericht = fout_van_opdracht(capsys, "scenario", str(analyse))
    assert f"in {analyse}: peildatum = 2027-01-01 00:00:00: verwacht een TOML-datum zoals 2027-01-01" in bericht


def test_negatief_jaar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert fout("41A22", tariefjaar=-5) == "Ongeldige invoer: tariefjaar = -5: verwacht een jaartal zoals 2025."
    pad = schrijf(tmp_path / "s.toml", 'basis = "41A22"\ntariefjaar = -5\n')
    assert f"in {pad}: tariefjaar = -5: verwacht een jaartal zoals 2025" in fout_van_opdracht(
        capsys, "bereken", str(pad)
    )
    with pytest.raises(InvoerFout, match=r"^Ongeldige invoer: van = -5: verwacht een jaartal zoals 2025\.$"):
        tarieven.indexeer(100.0, -5, 2025)
    assert "van = -5: verwacht een jaartal zoals 2025" in fout_van_opdracht(
        capsys, "indexeer", "100", "--van", "-5", "--naar", "2025"
    )


def test_datum_als_tekst_in_de_api() -> None:
    """The signature promises a date or its ISO text: both give the same result."""
    als_tekst = tarieven.bereken("41A22", "2027-01-01")
    als_datum = tarieven.bereken("41A22", dt.date(2027, 1, 1))
    assert als_tekst.scenario.peildatum == dt.date(2027, 1, 1)
    assert als_tekst.tarief == als_datum.tarief
    assert tarieven.lees_scenario("41A22", "2027-01-01").peildatum == dt.date(2027, 1, 1)
    assert (
        fout("41A22", peildatum="1-1-2027")
        == "Ongeldige invoer: peildatum = '1-1-2027': verwacht een datum zoals 2027-01-01."
    )
    assert "peildatum = 20270101: verwacht een datum" in fout("41A22", peildatum=20270101)


# -- a line that does not exist ----------------------------------------------------------------


def test_onbekende_regel_van_een_uitkomst() -> None:
    u = tarieven.bereken("41A22", "2027-01-01")
    with pytest.raises(OnbekendeNaam) as e:
        u["tarief_per_klant"]
    assert isinstance(e.value, KeyError)  # `except KeyError` keeps working
    bericht = str(e.value)
    assert bericht.startswith("onbekende regel 'tarief_per_klant'; bekend zijn: bruto_jaarsalaris.mbo")
    assert bericht.endswith("; bedoelt u 'tarief_per_client'?")  # 53 lines: the list alone stops at 40
    with pytest.raises(KeyError, match="onbekende regel 'x'"):
        u.regel("x")


# -- wrong types in an analysis file ------------------------------------------------------------


@pytest.mark.parametrize(
    ("doe", "melding"),
    [
        (lambda s: analyse.rooster(s, [G]), "variaties = ['product.groepsgrootte']: verwacht een dict"),
        (
            lambda s: analyse.rooster(s, {G: [8]}, regels="tarief_per_client"),
            "regels = 'tarief_per_client': verwacht een lijst van regelnamen, zoals ['tarief_per_client']",
        ),
        (lambda s: analyse.monte_carlo(s, [B], 10), "verdelingen = ['product.bezettingsgraad']: verwacht een dict"),
        (
            lambda s: analyse.monte_carlo(s, {B: analyse.Uniform(0.7, 0.9)}, 10, percentielen=50),
            "percentielen = 50: verwacht een lijst van percentielen, zoals [5, 50, 95]",
        ),
        (
            lambda s: analyse.monte_carlo(s, {B: analyse.Uniform(0.7, 0.9)}, 10, percentielen=["P5"]),
            "percentielen = 'P5': verwacht percentielen van 0 tot en met 100; 'P5' is geen getal",
        ),
        (
            lambda s: analyse.gevoeligheid(s, G),
            "sleutels = 'product.groepsgrootte': verwacht een lijst van invoersleutels",
        ),
        (
            lambda s: analyse.gevoeligheid(s, [G], procent="tien"),
            "procent = 'tien': verwacht een percentage groter dan 0 en kleiner dan 100; 'tien' is geen getal",
        ),
        (
            lambda s: analyse.gevoeligheid(s, [G], bereiken={G: "8-10"}),
            "bereiken.product.groepsgrootte = '8-10': verwacht (laag, hoog), twee getallen",
        ),
        (
            lambda s: analyse.doelzoek(s, B, 95.0, bereik="0-1"),
            "bereik = '0-1': verwacht (laag, hoog) met laag kleiner",
        ),
        (
            lambda s: analyse.doelzoek_rooster(s, B, 95.0, [G]),
            "variaties = ['product.groepsgrootte']: verwacht een dict",
        ),
        (
            lambda s: analyse.bekostiging(s, risico_opslag="veel"),
            "risico_opslag = 'veel': verwacht een fractie van 0 tot 1",
        ),
    ],
)
def test_verkeerde_typen_in_de_analyse_api(g1: dict[str, Any], doe: Any, melding: str) -> None:
    """Wrong types ended in a TypeError or ValueError from inside numpy, or a string was split into one-letter
    keys (21 problems 'p ontbreekt', 'r ontbreekt', ...): one message naming the argument now."""
    s = tarieven.lees_scenario(g1)
    with pytest.raises(InvoerFout) as e:
        doe(s)
    assert str(e.value).startswith("Ongeldige invoer: " + melding)  # an argument, not a value in the scenario
    assert e.value.bestand is None


@pytest.mark.parametrize(
    ("inhoud", "meldingen"),
    [
        (
            'scenario = 5\nuitvoer = ["x"]\nmax_scenarios = "veel"\n[bekostiging]\n',
            [
                "scenario = 5: verwacht het pad van een scenariobestand",
                "uitvoer = ['x']: verwacht het pad van een map",
                "max_scenarios = 'veel': verwacht een geheel aantal scenario's van 1 of meer",
            ],
        ),
        (
            'scenario = "41A22"\n[montecarlo]\nn = "veel"\nseed = -1\npercentielen = 50\ntrekkingen = "ja"\n'
            '[montecarlo.verdelingen]\n"product.bezettingsgraad" = { verdeling = "uniform", laag = "a", hoog = 0.9 }\n',
            [
                "montecarlo.n = 'veel': verwacht een geheel aantal trekkingen",
                "montecarlo.seed = -1: verwacht een geheel getal",
                "montecarlo.percentielen = 50: verwacht een lijst van percentielen",
                "montecarlo.trekkingen = 'ja'",
                "montecarlo.verdelingen.product.bezettingsgraad = {'verdeling': 'uniform', 'laag': 'a', 'hoog': 0.9}: "
                "verwacht getallen voor hoog, laag",
            ],
        ),
        (
            'scenario = "41A22"\nregels = "tarief_per_client"\n[gevoeligheid]\nprocent = "10"\n'
            'bereiken = { "product.groepsgrootte" = "8-10" }\n'
            '[[doelzoeken]]\nsleutel = 5\ndoel = "x"\nbereik = "0-1"\n',
            [
                "regels = 'tarief_per_client': verwacht een lijst van regelnamen",
                "gevoeligheid.procent = '10': verwacht een percentage groter dan 0 en kleiner dan 100",
                "gevoeligheid.bereiken.product.groepsgrootte = '8-10': verwacht [laag, hoog]",
                "doelzoeken[0] = {'sleutel': 5, 'doel': 'x', 'bereik': '0-1'}: verwacht sleutel (een invoer) en doel",
                "doelzoeken[0].bereik = '0-1': verwacht [laag, hoog], twee getallen",
            ],
        ),
        (
            'scenario = "41A22"\n[montecarlo]\nverdelingen = false\n[gevoeligheid]\nbereiken = 5\n',
            [
                "montecarlo.verdelingen = False: verwacht een tabel ([montecarlo.verdelingen])",
                "gevoeligheid.bereiken = 5: verwacht een tabel ([gevoeligheid.bereiken])",
            ],
        ),
        (
            'scenario = "41A22"\nrooster = [1, 2]\nbekostiging = "ja"\n',
            [
                "rooster = [1, 2]: verwacht een tabel ([rooster])",
                "bekostiging = 'ja': verwacht een tabel ([bekostiging])",
            ],
        ),
        (
            'scenario = "41A22"\n[rooster]\n"product.groepsgrootte" = [[8], { a = 1 }]\n',
            ["rooster.product.groepsgrootte = [8]: verwacht een geheel getal groter dan 0 en hoogstens 10000"],
        ),
    ],
)
def test_verkeerde_typen_in_een_analysebestand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], inhoud: str, meldingen: list[str]
) -> None:
    pad = schrijf(tmp_path / "analyse.toml", inhoud)
    bericht = fout_van_opdracht(capsys, "scenario", str(pad))
    assert bericht.startswith(f"tarieven: Ongeldige invoer in {pad}")
    for melding in meldingen:
        assert melding in bericht
    assert not (tmp_path / "analyse-uitvoer").exists()


def test_cli_zonder_traceback_als_proces(tmp_path: Path) -> None:
    """The same through a real process: what a user sees on stderr."""
    import subprocess
    import sys

    pad = schrijf(tmp_path / "s.json", json.dumps({"basis": "41A22", "product": {"bezettingsgraad": 1e-300}}))
    r = subprocess.run([sys.executable, "-m", "tarieven", "bereken", str(pad)], capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.startswith(f"tarieven: Ongeldige invoer in {pad}: tarief_per_client = '€ ")
    assert "Traceback" not in r.stderr
    assert "Warning" not in r.stderr  # numpy's overflow warnings stay inside
    assert r.stdout == ""
