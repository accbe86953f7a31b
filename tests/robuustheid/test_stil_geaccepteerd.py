"""Issue 11, class 4: nothing absurd passes silently.

An impossible value is an error naming key, value and what was expected; a merely
implausible one is accepted with a warning the user sees: in ``Uitkomst.waarschuwingen``,
in ``uitleg``, in the HTML display, in the JSON (``waarschuwingen``) and on the command
line's stderr (``tarieven: waarschuwing: ...``). Analysis files read only scenario files,
write only where they may and never over a file unasked.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import tarieven
from tarieven import InvoerFout, analyse
from tarieven.afronding import op_centen
from tarieven.parameterbestanden import params_pad

from ._hulp import G1, WEG, fout_van_opdracht, gewijzigd, opdracht, schrijf

PEIL = "2027-01-01"
"""Scenarios carry this peildatum, so the minimum wage in force is fixed: € 14,71 an hour from
2026-01-01 (params/minimumloon.toml)."""


@pytest.fixture
def s1(g1: dict[str, Any]) -> dict[str, Any]:
    """Golden g1 on :data:`PEIL`."""
    return {**g1, "peildatum": PEIL}


def fout(d: Any, **kwargs: Any) -> str:
    with pytest.raises(InvoerFout) as e:
        tarieven.bereken(d, **kwargs)
    return str(e.value)


def zichtbaar(u: tarieven.Uitkomst, tekst: str) -> None:
    """The warning ``tekst`` is shown everywhere a result is shown."""
    assert tekst in [str(w) for w in u.waarschuwingen]
    assert f"  - {tekst}" in u.uitleg()
    assert tekst in json.loads(u.to_json())["waarschuwingen"]
    assert "<b>Waarschuwingen</b>" in u._repr_html_()


def cli_waarschuwing(d: dict[str, Any], tekst: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = schrijf(tmp_path / "scenario.json", json.dumps(d))
    code, uit, err = opdracht(capsys, "bereken", str(pad), "--formaat", "json")
    assert code == 0, err
    assert f"tarieven: waarschuwing: {tekst}\n" in err
    assert tekst in json.loads(uit)["waarschuwingen"]


# -- salaries ----------------------------------------------------------------------------------


def test_maandsalaris_van_20_euro(s1: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Below the statutory minimum wage: an error. By hand: 20 × 12 / (36 × 52,143) = € 0,13 an hour;
    the minimum at 36 hours a week is 14,71 × 36 × 52,143 / 12 = € 2.301,07 a month."""
    d = gewijzigd(s1, functies__mbo__maandsalaris=20)
    bericht = fout(d)
    assert (
        "functies.mbo.maandsalaris = 20: verwacht een salaris van ten minste het wettelijk minimumloon: "
        "€ 14,71 per uur sinds 2026-01-01, bij 36 uur per week € 2.301,07 per maand (nu € 0,13 per uur)"
    ) in bericht
    pad = schrijf(tmp_path / "s.json", json.dumps(d))
    assert "functies.mbo.maandsalaris = 20: verwacht een salaris van ten minste het wettelijk minimumloon" in (
        fout_van_opdracht(capsys, "bereken", str(pad))
    )


def test_salaris_boven_het_gebruikelijke_is_een_waarschuwing(
    s1: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = gewijzigd(s1, functies__hbo__maandsalaris=20_000)
    tekst = (
        "functies.hbo.maandsalaris = 20000: ongebruikelijk: gewoonlijk van € 2.650,00 /maand tot en met "
        "€ 17.500,00 /maand; klopt deze waarde?"
    )
    zichtbaar(tarieven.bereken(d), tekst)
    cli_waarschuwing(d, tekst, tmp_path, capsys)


@pytest.mark.parametrize("geschreven", ["3.250 EUR/maand", "3,250 EUR/maand", "3.250,00 EUR/maand", "3250 EUR/maand"])
def test_salaris_op_zijn_nederlands(
    s1: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str], geschreven: str
) -> None:
    """'3.250 EUR/maand' was read as € 3,25 (tariff € 57,81). Now 3.250 euro: g1's own salary, so
    g1's tariff (€ 90,48, golden); where the reading is a choice, a warning says which."""
    u = tarieven.bereken(gewijzigd(s1, functies__mbo__maandsalaris=geschreven))
    assert u.scenario.waarden["functies.mbo.maandsalaris"] == 3250.0
    assert str(op_centen(u.tarief)) == "90.48"
    if geschreven in ("3.250 EUR/maand", "3,250 EUR/maand"):
        tekst = (
            f"functies.mbo.maandsalaris = '{geschreven}': dubbelzinnig geschreven; gelezen als € 3.250,00 /maand "
            "(niet € 3,25 /maand, dat ongebruikelijk is)."
        )
        zichtbaar(u, tekst)
        cli_waarschuwing(gewijzigd(s1, functies__mbo__maandsalaris=geschreven), tekst, tmp_path, capsys)
    else:
        assert not u.waarschuwingen


def test_dubbelzinnig_getal_zonder_keuze_wordt_geweigerd(s1: dict[str, Any]) -> None:
    """'24.000' housing a year: 24 and 24.000 euro are both plausible: refused, with a hint."""
    bericht = fout(gewijzigd(s1, product__huisvesting_jaar="24.000"))
    assert "product.huisvesting_jaar = '24.000': verwacht een getal van 0 of meer in EUR/jaar" in bericht
    assert "'24.000' is dubbelzinnig: 24 of 24000? Schrijf getallen zonder duizendtallen" in bericht


# -- the group ---------------------------------------------------------------------------------


def test_groep_van_8_5_kinderen(s1: dict[str, Any], g1: dict[str, Any]) -> None:
    assert "product.groepsgrootte = 8.5: verwacht een geheel getal groter dan 0 en hoogstens 10000" in fout(
        gewijzigd(s1, product__groepsgrootte=8.5)
    )
    with pytest.raises(
        InvoerFout, match=r"product\.groepsgrootte \(opgegeven bij de berekening\) = 8\.5: verwacht een"
    ):
        analyse.rooster(g1, {"product.groepsgrootte": [8, 8.5]})
    # Monte Carlo draws whole groups from a continuous distribution
    mc = analyse.monte_carlo(g1, {"product.groepsgrootte": analyse.Uniform(6, 12)}, 200, seed=3)
    groepen = mc.trekkingen["product.groepsgrootte"].to_numpy()
    assert (groepen == np.round(groepen)).all()
    assert set(groepen) <= set(range(6, 13))


def test_bezetting_van_een_op_een_miljard(s1: dict[str, Any]) -> None:
    bericht = fout(gewijzigd(s1, product__bezettingsgraad=1e-9))
    assert bericht.startswith("Ongeldige invoer in <dict>: tarief_per_client = '€ 72.820.0")
    assert "verwacht een tarief van hoogstens € 10.000,00 per cliënt per dagdeel" in bericht
    # the input outside its plausible range is named, not every usual suspect
    assert "niet aannemelijk (ongebruikelijk: product.bezettingsgraad = 1e-09)." in bericht


def test_plafond_noemt_de_oorzaak_niet_de_groep(s1: dict[str, Any]) -> None:
    """A salary of a billion a month is allowed by its field but unusual: the ceiling names it,
    not occupancy and group size that are as usual."""
    bericht = fout(gewijzigd(s1, functies__mbo__maandsalaris=1e9))
    assert "verwacht een tarief van hoogstens € 10.000,00" in bericht
    assert "(ongebruikelijk: functies.mbo.maandsalaris = 1e+09)" in bericht
    assert "bezettingsgraad" not in bericht


def test_bezetting_onder_de_helft_is_een_waarschuwing(
    s1: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """By hand from g1's lines (golden): groepskosten = 460,83 + 19,41 + 50,00 + 3,5 × 10 × 0,3 = 540,74;
    per client 540,74 / 3 = 180,25; / (1 − 0,25) × 1,03 = 247,54."""
    d = gewijzigd(s1, product__bezettingsgraad=0.3)
    u = tarieven.bereken(d)
    assert u.tarief == pytest.approx(247.54, abs=0.01)
    tekst = "product.bezettingsgraad = 0.3: ongebruikelijk: gewoonlijk van 50 % tot en met 100 %; klopt deze waarde?"
    zichtbaar(u, tekst)
    cli_waarschuwing(d, tekst, tmp_path, capsys)


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"product__ratio__mix": {}}, "product.ratio.mix ontbreekt: verwacht aandelen per functie die samen 1 zijn"),
        (
            {"product__ratio__mix": {"mbo": 0, "hbo": 0}},
            "product.ratio.mix = {'mbo': 0, 'hbo': 0}: verwacht aandelen die samen 1 zijn (nu samen 0)",
        ),
        (
            {
                "product__ratio": WEG,
                "product__personeel": [{"functie": "mbo", "aantal": 0}, {"functie": "hbo", "aantal": 0}],
            },
            "product.personeel = 'samen 0': verwacht ten minste één medewerker op de groep (een tarief zonder "
            "personeel)",
        ),
        (
            {"product__ratio__kinderen_per_medewerker": 1e308},
            "product.ratio.kinderen_per_medewerker = 1e+308: verwacht een getal groter dan 0 en hoogstens 100",
        ),
        ({"product__ratio": WEG}, "product.personeel/product.ratio ontbreekt: verwacht óf 'personeel'"),
    ],
)
def test_geen_personeel(s1: dict[str, Any], wijziging: dict[str, Any], melding: str) -> None:
    assert melding in fout(gewijzigd(s1, **wijziging))


def test_een_op_honderd_is_de_grens(s1: dict[str, Any]) -> None:
    """At the limit of 1 on 100 a group of 10 still has one staff member (10 / 100 rounded up)."""
    u = tarieven.bereken(gewijzigd(s1, product__ratio__kinderen_per_medewerker=100))
    assert u["medewerkers_totaal"] == 1.0
    assert "product.ratio.kinderen_per_medewerker = 100: ongebruikelijk" in str(u.waarschuwingen[0])


# -- the files ----------------------------------------------------------------------------------


def test_dubbele_sleutel_in_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = schrijf(tmp_path / "s.json", '{"basis": "41A22", "product": {"groepsgrootte": 8, "groepsgrootte": 12}}')
    bericht = fout_van_opdracht(capsys, "bereken", str(pad))
    assert bericht == (
        f"tarieven: Ongeldige invoer in {pad}: (bestand): verwacht geldige JSON; de sleutel 'groepsgrootte' "
        "staat twee keer in hetzelfde object.\n"
    )


@pytest.mark.parametrize("waarde", ["2*3", "2*3 uur", "2^3 uur", "(6) uur", "6 uur + 0"])
def test_rekenen_in_een_waarde(s1: dict[str, Any], waarde: str) -> None:
    bericht = fout(gewijzigd(s1, product__duur_uur=waarde))
    assert f"product.duur_uur = '{waarde}': verwacht een getal groter dan 0 en hoogstens 24 in uur" in bericht


@pytest.mark.parametrize(("waarde", "eenheid"), [('"240 minuut"', None), ("240", '"minuut"')])
def test_eenheden_in_een_eigen_parameterbestand(tmp_path: Path, waarde: str, eenheid: str | None) -> None:
    """A user's own parameter folder: 240 minutes is 4 hours (it was read as 240 hours)."""
    eigen = tmp_path / "params"
    shutil.copytree(params_pad(), eigen)
    product = eigen / "producten" / "41A22.toml"
    tekst = product.read_text(encoding="utf-8")
    oud = '[product.duur_uur]\nwaarde = 4.0\neenheid = "uur"\n'
    assert oud in tekst
    nieuw = f"[product.duur_uur]\nwaarde = {waarde}\n" + (f"eenheid = {eenheid}\n" if eenheid else "")
    product.write_text(tekst.replace(oud, nieuw), encoding="utf-8")
    s = tarieven.lees_scenario("41A22", PEIL, params=tarieven.laad_parameters(eigen))
    assert s.waarden["product.duur_uur"] == 4.0  # 240 / 60
    assert tarieven.bereken(s).tarief == tarieven.bereken("41A22", PEIL).tarief


def test_scenario_met_valideert_opnieuw(s1: dict[str, Any]) -> None:
    s = tarieven.lees_scenario(s1)
    # a value given with the call is named so: it is not in the scenario's file
    gegeven = r"\(opgegeven bij de berekening\)"
    with pytest.raises(
        InvoerFout, match=rf"^Ongeldige invoer: product\.groepsgrootte {gegeven} = 8\.5: verwacht een geheel"
    ):
        s.met(**{"product.groepsgrootte": 8.5})
    with pytest.raises(
        InvoerFout,
        match=r"functies\.mbo\.maandsalaris \(opgegeven bij de berekening\) = 20: verwacht een salaris van ten minste",
    ):
        s.met(functies__mbo__maandsalaris=20)
    with pytest.raises(InvoerFout, match=r"tarief_per_client = '€ 72\.820\.0"):
        tarieven.bereken(s, met={"product.bezettingsgraad": 1e-9})
    lager = s.met(**{"product.bezettingsgraad": 0.3})
    assert [w.sleutel for w in lager.waarschuwingen] == ["product.bezettingsgraad"]


@pytest.mark.parametrize(
    ("weglaten", "melding"),
    [
        ('"product.indirect_uur"', "weglaten = 'product.indirect_uur': verwacht een lijst van invoer of tabellen"),
        (
            '["product.indirect_uur.w0"]',
            "weglaten = 'product.indirect_uur.w0': verwacht een lijst van invoer of "
            'tabellen van het basisproduct, zoals ["product.indirect_uur.wo"]; '
            "41A22 heeft geen product.indirect_uur.w0",
        ),
        ("[1, 2]", "weglaten = [1, 2]: verwacht een lijst van invoer of tabellen"),
    ],
)
def test_weglaten_is_een_lijst_van_bestaande_invoer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], weglaten: str, melding: str
) -> None:
    """A single string where a list is expected was split into one-letter keys (and removed nothing)."""
    pad = schrijf(tmp_path / "s.toml", f'basis = "41A22"\npeildatum = {PEIL}\nweglaten = {weglaten}\n')
    assert f"in {pad}: {melding}" in fout_van_opdracht(capsys, "bereken", str(pad))


def test_weglaten_zonder_basis(s1: dict[str, Any]) -> None:
    assert "weglaten = ['product.indirect_uur.wo']: verwacht een lijst" in fout(
        {**s1, "weglaten": ["product.indirect_uur.wo"]}
    )


# -- analysis files -----------------------------------------------------------------------------


GEHEIM = "hunter2-GEHEIM"


@pytest.mark.parametrize(
    ("naam", "inhoud", "reden"),
    [
        ("geheim.toml", f'wachtwoord = "{GEHEIM}"\n', "dit bestand is geen scenario"),
        ("geheim.json", json.dumps({"token": GEHEIM}), "dit bestand is geen scenario"),
        ("pyproject.toml", f'[project]\nname = "{GEHEIM}"\n', "dit bestand is geen scenario"),
        ("geheim.txt", f"{GEHEIM}\n", "geheim.txt is geen .toml of .json"),
        ("kapot.toml", f"{GEHEIM} = = \n", "dit bestand is niet te lezen als scenario"),
        ("ssh_key", f"-----BEGIN {GEHEIM}-----\n", "ssh_key is geen .toml of .json"),
    ],
)
def test_analysebestand_leest_alleen_een_scenario(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], naam: str, inhoud: str, reden: str
) -> None:
    schrijf(tmp_path / naam, inhoud)
    analysebestand = schrijf(tmp_path / "a.toml", f'scenario = "{naam}"\n[bekostiging]\n')
    bericht = fout_van_opdracht(capsys, "scenario", str(analysebestand))
    assert bericht.startswith(f"tarieven: Ongeldige invoer in {analysebestand}: scenario = '{naam}': verwacht het pad")
    assert reden in bericht
    assert GEHEIM not in bericht
    assert not (tmp_path / "a-uitvoer").exists()


def test_analysebestand_met_een_scenario_elders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A scenario file outside the folder is fine when it is one (relative to the analysis file)."""
    (tmp_path / "a").mkdir()
    analysebestand = schrijf(
        tmp_path / "a" / "a.toml", f'scenario = "{os.path.relpath(G1, tmp_path / "a")}"\n[bekostiging]\n'
    )
    code, _, err = opdracht(capsys, "scenario", str(analysebestand))
    assert code == 0, err


@pytest.mark.parametrize("uitvoer", ["../../elders", "/tmp/elders", "../naast"])
def test_uitvoer_alleen_binnen_de_map(tmp_path: Path, capsys: pytest.CaptureFixture[str], uitvoer: str) -> None:
    (tmp_path / "a").mkdir()
    analysebestand = schrijf(
        tmp_path / "a" / "a.toml", f'scenario = "{G1.as_posix()}"\nuitvoer = "{uitvoer}"\n[bekostiging]\n'
    )
    bericht = fout_van_opdracht(capsys, "scenario", str(analysebestand))
    assert f"uitvoer = '{uitvoer}': verwacht een map binnen de map van het analysebestand of de werkmap" in bericht
    assert "tarieven scenario BESTAND --uitvoer MAP" in bericht
    # the user may choose on the command line
    code, _, err = opdracht(capsys, "scenario", str(analysebestand), "--uitvoer", str(tmp_path / "gekozen"))
    assert code == 0, err
    assert (tmp_path / "gekozen" / "bekostiging.csv").is_file()


def test_uitvoer_niet_via_een_symbolische_koppeling(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elders = tmp_path / "elders"
    elders.mkdir()
    (tmp_path / "koppeling").symlink_to(elders, target_is_directory=True)
    analysebestand = schrijf(
        tmp_path / "a.toml", f'scenario = "{G1.as_posix()}"\nuitvoer = "koppeling"\n[bekostiging]\n'
    )
    bericht = fout_van_opdracht(capsys, "scenario", str(analysebestand))
    assert "verwacht een gewone map: tarieven schrijft niet via een symbolische koppeling" in bericht
    assert list(elders.iterdir()) == []
    # a link in place of one of the files, pointing at a file elsewhere: refused, the target untouched
    (tmp_path / "uit").mkdir()
    doel = schrijf(elders / "doel.csv", "van iemand anders\n")
    (tmp_path / "uit" / "bekostiging.csv").symlink_to(doel)
    analysebestand = schrijf(tmp_path / "a.toml", f'scenario = "{G1.as_posix()}"\nuitvoer = "uit"\n[bekostiging]\n')
    bericht = fout_van_opdracht(capsys, "scenario", str(analysebestand), "--overschrijf")
    assert "verwacht geen symbolische koppelingen in de uitvoermap (bekostiging.csv)" in bericht
    assert doel.read_text(encoding="utf-8") == "van iemand anders\n"


def test_bestaand_bestand_alleen_met_overschrijf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Refused before anything is written: the rooster.csv that would come first is not written either."""
    (tmp_path / "uit").mkdir()
    schrijf(tmp_path / "uit" / "bekostiging.csv", "oud\n")
    analysebestand = schrijf(
        tmp_path / "a.toml",
        f'scenario = "{G1.as_posix()}"\nuitvoer = "uit"\n[rooster]\n"product.groepsgrootte" = [8, 10]\n[bekostiging]\n',
    )
    bericht = fout_van_opdracht(capsys, "scenario", str(analysebestand))
    assert "er staan al bekostiging.csv: kies een andere map (--uitvoer) of vervang ze met --overschrijf" in bericht
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == ["bekostiging.csv"]
    assert (tmp_path / "uit" / "bekostiging.csv").read_text(encoding="utf-8") == "oud\n"
    code, _, err = opdracht(capsys, "scenario", str(analysebestand), "--overschrijf")
    assert code == 0, err
    assert (tmp_path / "uit" / "bekostiging.csv").read_text(encoding="utf-8").startswith("bezettingsgraad,")
    assert (tmp_path / "uit" / "rooster.csv").is_file()


@pytest.mark.parametrize(
    ("sectie", "melding"),
    [
        (
            '[gevoeligheid]\nsleutels = "product.groepsgrootte"\n',
            "gevoeligheid.sleutels = 'product.groepsgrootte': "
            'verwacht een lijst van invoersleutels, zoals ["product.bezettingsgraad"]',
        ),
        (
            'regels = "tarief_per_client"\n[bekostiging]\n',
            "regels = 'tarief_per_client': verwacht een lijst van regelnamen",
        ),
        (
            "[montecarlo]\npercentielen = 50\n[montecarlo.verdelingen]\n"
            '"product.bezettingsgraad" = { verdeling = "uniform", laag = 0.7, hoog = 0.9 }\n',
            "montecarlo.percentielen = 50: verwacht een lijst van percentielen",
        ),
    ],
)
def test_een_tekst_waar_een_lijst_hoort(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sectie: str, melding: str
) -> None:
    analysebestand = schrijf(tmp_path / "a.toml", f'scenario = "{G1.as_posix()}"\n{sectie}')
    assert f"in {analysebestand}: {melding}" in fout_van_opdracht(capsys, "scenario", str(analysebestand))
    with pytest.raises(InvoerFout, match=r"sleutels = 'product\.groepsgrootte': verwacht een lijst"):
        analyse.gevoeligheid(G1, "product.groepsgrootte")  # type: ignore[arg-type]
