"""Every class of bad input gives a clear Dutch error naming key, value and expectation (the error suite)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import tarieven
from tarieven import InvoerFout
from tarieven.cli import main


def fout(d: dict[str, Any]) -> str:
    with pytest.raises(InvoerFout) as e:
        tarieven.bereken(d)
    return str(e.value)


@pytest.mark.parametrize("g", [0, -3])
def test_groepsgrootte_niet_positief(g1: dict[str, Any], g: int) -> None:
    g1["product"]["groepsgrootte"] = g
    bericht = fout(g1)
    assert f"product.groepsgrootte = {g}" in bericht
    assert "groter dan 0" in bericht
    assert "aantal plaatsen in de groep" in bericht


@pytest.mark.parametrize("b", [0, 1.2, -0.5])
def test_bezettingsgraad_buiten_bereik(g1: dict[str, Any], b: float) -> None:
    g1["product"]["bezettingsgraad"] = b
    bericht = fout(g1)
    assert f"product.bezettingsgraad = {b}" in bericht
    assert "groter dan 0 en hoogstens 1" in bericht


def test_mix_telt_niet_op_tot_1(g1: dict[str, Any]) -> None:
    g1["product"]["ratio"]["mix"] = {"mbo": 0.5, "hbo": 0.6}
    bericht = fout(g1)
    assert "product.ratio.mix" in bericht
    assert "samen 1" in bericht
    assert "nu samen 1.1" in bericht


def test_onbekende_functie_in_personeel(g3: dict[str, Any]) -> None:
    g3["product"]["personeel"].append({"functie": "sociotherapeut", "aantal": 1})
    bericht = fout(g3)
    assert "product.personeel[2].functie = 'sociotherapeut'" in bericht
    assert "een functie uit 'functies' (mbo, hbo, wo)" in bericht


def test_onbekende_functie_in_mix(g1: dict[str, Any]) -> None:
    g1["product"]["ratio"]["mix"] = {"mbo": 0.5, "hb0": 0.5}
    bericht = fout(g1)
    assert "product.ratio.mix.hb0" in bericht
    assert "een functie uit 'functies'" in bericht


def test_overhead_grondslag_ontbreekt(g1: dict[str, Any]) -> None:
    del g1["opslagen"]["overhead_grondslag"]
    bericht = fout(g1)
    assert "opslagen.overhead_grondslag ontbreekt" in bericht
    assert "aandeel_integrale_kostprijs" in bericht
    assert "opslag_op_kostprijs" in bericht
    assert "geen standaard" in bericht


def test_overhead_grondslag_onbekend(g1: dict[str, Any]) -> None:
    g1["opslagen"]["overhead_grondslag"] = "percentage"
    assert "opslagen.overhead_grondslag = 'percentage'" in fout(g1)


@pytest.mark.parametrize("o", [1.0, 1.5])
def test_overhead_als_aandeel_van_1_of_meer(g1: dict[str, Any], o: float) -> None:
    g1["opslagen"]["overhead"] = o
    bericht = fout(g1)
    assert f"opslagen.overhead = {o}" in bericht
    assert "1 niet inbegrepen" in bericht
    assert "overhead als deel van de integrale kostprijs" in bericht


def test_overhead_als_opslag_mag_boven_1(g1: dict[str, Any]) -> None:
    """A mark-up of more than 100 % is unusual but meaningful; only a share must stay < 1."""
    g1["opslagen"].update(overhead=1.5, overhead_grondslag="opslag_op_kostprijs")
    assert tarieven.bereken(g1).tarief > 0


@pytest.mark.parametrize("waarde", ["veel", None, [3250], True])
def test_bedrag_geen_getal(g1: dict[str, Any], waarde: Any) -> None:
    g1["functies"]["mbo"]["maandsalaris"] = waarde
    bericht = fout(g1)
    assert "functies.mbo.maandsalaris" in bericht
    assert "groter dan 0 in EUR/maand (bruto maandsalaris)" in bericht


@pytest.mark.parametrize(
    ("sleutel", "pad"),
    [
        ("maandsalaris", ("functies", "hbo")),
        ("huisvesting_jaar", ("product",)),
        ("materieel_per_client", ("product",)),
    ],
)
def test_negatief_bedrag(g1: dict[str, Any], sleutel: str, pad: tuple[str, ...]) -> None:
    doel = g1
    for p in pad:
        doel = doel[p]
    doel[sleutel] = -100
    bericht = fout(g1)
    assert f"{'.'.join(pad)}.{sleutel} = -100" in bericht


def test_nan_en_oneindig_geweigerd(g1: dict[str, Any]) -> None:
    g1["product"]["huisvesting_jaar"] = float("nan")
    g1["product"]["materieel_per_client"] = float("inf")
    bericht = fout(g1)
    assert "product.huisvesting_jaar = nan" in bericht
    assert "product.materieel_per_client = inf" in bericht
    assert "geen eindig getal" in bericht


def test_productiviteit_nul(g1: dict[str, Any]) -> None:
    g1["functies"]["wo"]["productiviteit"] = 0
    bericht = fout(g1)
    assert "functies.wo.productiviteit = 0" in bericht
    assert "groter dan 0 en hoogstens 1" in bericht


def test_ratio_nul_kinderen_per_medewerker(g1: dict[str, Any]) -> None:
    g1["product"]["ratio"]["kinderen_per_medewerker"] = 0
    bericht = fout(g1)
    assert "product.ratio.kinderen_per_medewerker = 0" in bericht
    assert "kinderen per medewerker" in bericht


def test_eenheid_past_niet(g1: dict[str, Any]) -> None:
    """Euro per hour where euro per month was meant: an error, not a silent conversion."""
    g1["functies"]["mbo"]["maandsalaris"] = "20 EUR/uur"
    bericht = fout(g1)
    assert "functies.mbo.maandsalaris = '20 EUR/uur'" in bericht
    assert "eenheid EUR/uur past niet bij EUR/maand" in bericht  # the unit as the user wrote it


def test_onbekende_eenheid(g1: dict[str, Any]) -> None:
    g1["product"]["duur_uur"] = "4 dagdelen"
    bericht = fout(g1)
    assert "product.duur_uur = '4 dagdelen'" in bericht
    assert "onbekende eenheid" in bericht


def test_onbekende_sleutel_is_een_fout(g1: dict[str, Any]) -> None:
    """A typo must not silently drop a number that changes the tariff."""
    g1["product"]["huisvestings_jaar"] = 1000
    bericht = fout(g1)
    assert "product.huisvestings_jaar = 1000" in bericht
    assert "een bekende sleutel" in bericht


def test_ontbrekend_verplicht_veld(g1: dict[str, Any]) -> None:
    del g1["functies"]["hbo"]["verzuim"]
    assert "functies.hbo.verzuim ontbreekt: verwacht een fractie" in fout(g1)


def test_personeel_en_ratio_samen(g1: dict[str, Any]) -> None:
    g1["product"]["personeel"] = [{"functie": "mbo", "aantal": 1}]
    assert "óf 'personeel'" in fout(g1)


def test_alle_problemen_tegelijk(g1: dict[str, Any]) -> None:
    g1["product"]["groepsgrootte"] = -1
    g1["product"]["bezettingsgraad"] = 2
    with pytest.raises(InvoerFout) as e:
        tarieven.bereken(g1)
    assert [p.sleutel for p in e.value.problemen] == ["product.groepsgrootte", "product.bezettingsgraad"]
    assert "(2 problemen)" in str(e.value)


def test_geen_beschikbare_uren(g1: dict[str, Any]) -> None:
    g1["functies"]["mbo"]["verlofuren"] = 2000
    bericht = fout(g1)
    assert "functies.mbo = '-" in bericht
    assert "meer dan 0 beschikbare uren per jaar" in bericht


def test_kapotte_json(tmp_path: Path) -> None:
    pad = tmp_path / "kapot.json"
    pad.write_text('{"functies": {"mbo": }', encoding="utf-8")
    with pytest.raises(InvoerFout) as e:
        tarieven.lees_scenario(pad)
    assert str(pad) in str(e.value)
    assert "geldige JSON" in str(e.value)
    assert "regel 1, kolom 22" in str(e.value)


def test_kapotte_toml(tmp_path: Path) -> None:
    pad = tmp_path / "kapot.toml"
    pad.write_text("[product]\ngroepsgrootte = = 10\n", encoding="utf-8")
    with pytest.raises(InvoerFout) as e:
        tarieven.lees_scenario(pad)
    assert "geldige TOML" in str(e.value)
    assert "line 2" in str(e.value)


def test_onbekende_extensie_en_ontbrekend_bestand(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text("a: 1", encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"extensie \.json of \.toml"):
        tarieven.lees_scenario(tmp_path / "s.yaml")
    with pytest.raises(InvoerFout, match=r"een bestaand \.json- of \.toml-bestand"):
        tarieven.lees_scenario(tmp_path / "bestaat-niet.json")


def test_met_controleert_ook(g1: dict[str, Any]) -> None:
    s = tarieven.lees_scenario(g1)
    with pytest.raises(InvoerFout, match=r"product\.bezettingsgraad \(opgegeven bij de berekening\) = 1\.5"):
        s.met(**{"product.bezettingsgraad": 1.5})
    with pytest.raises(InvoerFout, match=r"product.groepsgroote = 8: verwacht een bestaande invoer"):
        s.met(**{"product.groepsgroote": 8})
    with pytest.raises(InvoerFout, match=r"opslagen\.overhead \(opgegeven bij de berekening\) = 1\.0"):
        s.met(**{"opslagen.overhead": 1.0})


def test_cli_fout_geeft_exitcode_2_en_nederlandse_melding(
    tmp_path: Path, g1: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    g1["product"]["groepsgrootte"] = -3
    pad = tmp_path / "fout.json"
    pad.write_text(json.dumps(g1), encoding="utf-8")
    assert main(["bereken", str(pad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"tarieven: Ongeldige invoer in {pad}: product.groepsgrootte = -3")
    assert "Traceback" not in err


def test_cli_als_proces_zonder_traceback(tmp_path: Path) -> None:
    pad = tmp_path / "kapot.json"
    pad.write_text("{", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "tarieven", "uitleg", str(pad)], capture_output=True, text=True)
    assert r.returncode == 2
    assert "geldige JSON" in r.stderr
    assert "Traceback" not in r.stderr
    assert r.stdout == ""


@pytest.mark.parametrize(
    ("argv", "melding"),
    [
        (["bereken"], "tarieven bereken: fout: deze argumenten ontbreken: BESTAND"),
        (["bereken", "x.json", "--formaat", "xml"], "ongeldige keuze: 'xml' (kies uit 'tekst', 'json', 'csv', 'csv-"),
        (["bereken", "41A22", "--peildatum", "2027-01-01", "--tariefjaar", "2025"], "gaat niet samen met --peildatum"),
        (["bereken", "42A03", "--afstand", "veel"], "argument --afstand: geen getal: 'veel'"),
        (["rekenen"], "ongeldige keuze: 'rekenen'"),
    ],
)
def test_opdrachtregel_fouten_in_het_nederlands(
    argv: list[str], melding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: tarieven")
    assert melding in err


def test_hulp_in_het_nederlands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["bereken", "--help"])
    uit = capsys.readouterr().out
    assert uit.startswith("gebruik: tarieven bereken")
    assert "opties:" in uit
    assert "toon deze hulp en stop" in uit
