"""Strict reading of JSON and TOML files (tarieven.lezen).

Every refusal is an :class:`InvoerFout` whose message names the file and says what was
expected; the tests read the message, not only the type.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from tarieven.fouten import InvoerFout
from tarieven.lezen import MAX_BYTES, MAX_CIJFERS, MAX_DIEPTE, lees_bestand, lees_tekst


def _schrijf(map_: Path, naam: str, inhoud: bytes | str) -> Path:
    pad = map_ / naam
    if isinstance(inhoud, str):
        pad.write_text(inhoud, encoding="utf-8")
    else:
        pad.write_bytes(inhoud)
    return pad


def _melding(pad: Path, soort: str = "scenario") -> str:
    """The message of the refusal of ``pad``, after checking that it names the file."""
    with pytest.raises(InvoerFout) as fout:
        lees_bestand(pad, soort=soort)
    assert isinstance(fout.value, ValueError)
    assert fout.value.bestand == str(pad)
    tekst = str(fout.value)
    assert tekst.startswith(f"Ongeldige invoer in {pad}: ")
    assert "verwacht " in tekst
    return tekst


# -- what is read --------------------------------------------------------------------------------


def test_json_en_toml_worden_gelezen(tmp_path: Path) -> None:
    json_pad = _schrijf(tmp_path, "s.json", '{"product": {"groepsgrootte": 10, "bezettingsgraad": 0.85}}')
    toml_pad = _schrijf(tmp_path, "s.toml", "peildatum = 2027-01-01\n[product]\ngroepsgrootte = 10\n")
    assert lees_bestand(json_pad) == {"product": {"groepsgrootte": 10, "bezettingsgraad": 0.85}}
    assert lees_bestand(toml_pad) == {"peildatum": datetime.date(2027, 1, 1), "product": {"groepsgrootte": 10}}


@pytest.mark.parametrize("naam", ["s.json", "s.toml"])
def test_utf8_met_bom_wordt_gelezen(tmp_path: Path, naam: str) -> None:
    inhoud = '{"naam": "café"}' if naam.endswith(".json") else 'naam = "café"\n'
    pad = _schrijf(tmp_path, naam, b"\xef\xbb\xbf" + inhoud.encode("utf-8"))
    assert lees_bestand(pad) == {"naam": "café"}


def test_extensie_in_hoofdletters(tmp_path: Path) -> None:
    assert lees_bestand(_schrijf(tmp_path, "S.JSON", '{"a": 1}')) == {"a": 1}


def test_dezelfde_sleutel_in_verschillende_objecten_mag(tmp_path: Path) -> None:
    pad = _schrijf(tmp_path, "s.json", '{"a": {"x": 1}, "b": {"x": 2}}')
    assert lees_bestand(pad) == {"a": {"x": 1}, "b": {"x": 2}}


def test_grootste_gehele_getal_en_diepste_nesting_worden_gelezen(tmp_path: Path) -> None:
    getal = "9" * MAX_CIJFERS
    assert lees_bestand(_schrijf(tmp_path, "g.json", f'{{"a": {getal}}}')) == {"a": int(getal)}
    # the top object is level 1: 31 nested lists under it reach level 32
    n = MAX_DIEPTE - 1
    assert lees_bestand(_schrijf(tmp_path, "d.json", '{"a": ' + "[" * n + "]" * n + "}"))["a"]


# -- JSON refused -----------------------------------------------------------------------------------


def test_json_dubbele_sleutel(tmp_path: Path) -> None:
    tekst = _melding(_schrijf(tmp_path, "s.json", '{"a": 1,\n "a": 2}'))
    assert "verwacht geldige JSON; de sleutel 'a' staat twee keer in hetzelfde object" in tekst


def test_json_dubbele_sleutel_dieper(tmp_path: Path) -> None:
    tekst = _melding(_schrijf(tmp_path, "s.json", '{"product": {"groepsgrootte": 8, "groepsgrootte": 10}}'))
    assert "de sleutel 'groepsgrootte' staat twee keer" in tekst


@pytest.mark.parametrize("letterlijk", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_en_oneindig(tmp_path: Path, letterlijk: str) -> None:
    tekst = _melding(_schrijf(tmp_path, "s.json", f'{{"overhead": {letterlijk}}}'))
    assert f"verwacht geldige JSON; {letterlijk} is geen eindig getal" in tekst


def test_json_geheel_getal_van_400_cijfers(tmp_path: Path) -> None:
    tekst = _melding(_schrijf(tmp_path, "s.json", '{"a": ' + "1" * 400 + "}"))
    assert "verwacht geldige JSON; een geheel getal van 400 cijfers is te groot" in tekst


def test_json_een_cijfer_te_veel(tmp_path: Path) -> None:
    tekst = _melding(_schrijf(tmp_path, "s.json", '{"a": ' + "9" * (MAX_CIJFERS + 1) + "}"))
    assert f"een geheel getal van {MAX_CIJFERS + 1} cijfers is te groot" in tekst


def test_json_negatief_geheel_getal_telt_het_minteken_niet(tmp_path: Path) -> None:
    tekst = _melding(_schrijf(tmp_path, "s.json", '{"a": -' + "1" * 31 + "}"))
    assert "een geheel getal van 31 cijfers is te groot" in tekst


def test_json_200_geneste_lijsten(tmp_path: Path) -> None:
    tekst = _melding(_schrijf(tmp_path, "s.json", '{"a": ' + "[" * 200 + "]" * 200 + "}"))
    assert f"verwacht hoogstens {MAX_DIEPTE} niveaus van geneste tabellen en lijsten" in tekst


def test_json_een_niveau_te_diep(tmp_path: Path) -> None:
    n = MAX_DIEPTE
    tekst = _melding(_schrijf(tmp_path, "s.json", '{"a": ' + "[" * n + "]" * n + "}"))
    assert f"hoogstens {MAX_DIEPTE} niveaus" in tekst


def test_json_zo_diep_dat_de_parser_opgeeft(tmp_path: Path) -> None:
    n = 100_000  # beyond Python's recursion limit: refused, no RecursionError
    tekst = _melding(_schrijf(tmp_path, "s.json", '{"a": ' + "[" * n + "]" * n + "}"))
    assert f"verwacht JSON die hoogstens {MAX_DIEPTE} niveaus diep genest is" in tekst


def test_json_kapot_noemt_regel_en_kolom(tmp_path: Path) -> None:
    tekst = _melding(_schrijf(tmp_path, "s.json", '{\n"a": 1,,\n}'))
    assert "verwacht geldige JSON; " in tekst
    assert "op regel 2, kolom 8" in tekst


def test_json_geen_object_bovenaan(tmp_path: Path) -> None:
    tekst = _melding(_schrijf(tmp_path, "s.json", "[1, 2]"))
    assert "= 'list': verwacht een object met sleutels ({ ... }) op het hoogste niveau" in tekst


# -- not text -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("naam", ["werkmap.xlsx", "werkmap.json"])
def test_excel_werkmap(tmp_path: Path, naam: str) -> None:
    # recognised by its zip signature, whatever its extension
    tekst = _melding(_schrijf(tmp_path, naam, b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 30))
    assert "verwacht een scenario als tekst (.json of .toml); dit is een Excel-werkmap (.xlsx)" in tekst


@pytest.mark.parametrize(
    ("kop", "wat"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "een oud Excel- of Office-bestand (.xls)"),
        (b"%PDF-1.7\n", "een PDF-bestand"),
    ],
)
def test_andere_bekende_bestanden(tmp_path: Path, kop: bytes, wat: str) -> None:
    tekst = _melding(_schrijf(tmp_path, "s.json", kop + b"rest"))
    assert f"dit is {wat}" in tekst


def test_binair_bestand_met_nul_bytes(tmp_path: Path) -> None:
    tekst = _melding(_schrijf(tmp_path, "s.toml", b'naam = "x"\n\x00\x00\x01\x02'))
    assert "verwacht een scenario als tekst (.json of .toml); dit is een binair bestand" in tekst


@pytest.mark.parametrize("naam", ["s.json", "s.toml"])
def test_latin1_is_geen_utf8(tmp_path: Path, naam: str) -> None:
    inhoud = '{\n"naam": "café"}' if naam.endswith(".json") else 'a = 1\nnaam = "café"\n'
    tekst = _melding(_schrijf(tmp_path, naam, inhoud.encode("latin-1")))
    assert "verwacht tekst in UTF-8; byte 0xe9 op regel 2 is geen UTF-8" in tekst
    assert "sla het bestand op als 'UTF-8'" in tekst


# -- TOML refused --------------------------------------------------------------------------------------


@pytest.mark.parametrize("waarde", ["nan", "+nan", "-nan", "inf", "+inf", "-inf"])
def test_toml_nan_en_oneindig(tmp_path: Path, waarde: str) -> None:
    tekst = _melding(_schrijf(tmp_path, "s.toml", f"a = 1\noverhead = {waarde}\n"))
    assert "verwacht geldige TOML" in tekst
    assert f"{waarde} is geen eindig getal" in tekst


def test_toml_dubbele_sleutel_noemt_regel_en_sleutel(tmp_path: Path) -> None:
    pad = _schrijf(tmp_path, "s.toml", "[product]\ngroepsgrootte = 8\ngroepsgrootte = 10\n")
    tekst = _melding(pad)
    assert f"Ongeldige invoer in {pad}: regel 3: groepsgrootte: verwacht geldige TOML" in tekst
    assert "verwacht geldige TOML zonder dubbele sleutels" in tekst


def test_toml_tabel_twee_keer(tmp_path: Path) -> None:
    tekst = _melding(_schrijf(tmp_path, "s.toml", "[product]\na = 1\n[product]\nb = 2\n"))
    assert "verwacht geldige TOML zonder dubbele sleutels" in tekst
    assert "line 3" in tekst


def test_toml_te_diep(tmp_path: Path) -> None:
    tekst = _melding(_schrijf(tmp_path, "s.toml", "a = " + "[" * 40 + "]" * 40 + "\n"))
    assert f"hoogstens {MAX_DIEPTE} niveaus" in tekst


# -- the file itself ----------------------------------------------------------------------------------


def test_ontbrekend_bestand(tmp_path: Path) -> None:
    pad = tmp_path / "bestaat-niet.json"
    tekst = _melding(pad)
    assert f"bestand = '{pad}': verwacht een bestaand scenario (.json of .toml)" in tekst


def test_een_map_is_geen_bestand(tmp_path: Path) -> None:
    pad = tmp_path / "map.json"
    pad.mkdir()
    assert f"bestand = '{pad}': verwacht een scenario als gewoon bestand; dit is een map" in _melding(pad)


@pytest.mark.parametrize("naam", ["s.txt", "s.yaml", "s.csv", "s"])
def test_verkeerde_extensie(tmp_path: Path, naam: str) -> None:
    tekst = _melding(_schrijf(tmp_path, naam, '{"a": 1}'))
    assert "verwacht een scenario met extensie .json of .toml" in tekst


def test_soort_staat_in_de_melding(tmp_path: Path) -> None:
    tekst = _melding(tmp_path / "p.toml", soort="parameterbestand")
    assert "verwacht een bestaand parameterbestand (.json of .toml)" in tekst
    tekst = _melding(_schrijf(tmp_path, "p.xlsx", b"PK\x03\x04"), soort="analysebestand")
    assert "verwacht een analysebestand als tekst" in tekst


def test_te_groot_bestand(tmp_path: Path) -> None:
    pad = tmp_path / "groot.json"
    with pad.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: no 10 MB written
    tekst = _melding(pad)
    assert "verwacht een scenario van hoogstens 10 MB" in tekst


def test_te_groot_bestand_noemt_de_grootte_in_het_nederlands(tmp_path: Path) -> None:
    pad = tmp_path / "groot.json"
    with pad.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    assert "(dit is 10.000.001 bytes)" in _melding(pad)


def test_een_bestaand_bestand_ontbreekt_niet(tmp_path: Path) -> None:
    assert "ontbreekt" not in _melding(_schrijf(tmp_path, "s.json", '{"a": 1, "a": 2}'))
    assert "ontbreekt" not in _melding(_schrijf(tmp_path, "s.toml", "groepsgrootte = 8\ngroepsgrootte = 10\n"))


# -- lees_tekst ------------------------------------------------------------------------------------------


def test_lees_tekst_noemt_de_bron() -> None:
    assert lees_tekst('{"a": 1}', "json") == {"a": 1}
    assert lees_tekst("a = 1", "toml") == {"a": 1}
    with pytest.raises(InvoerFout) as fout:
        lees_tekst('{"a": 1', "json", "mijn.json")
    assert str(fout.value).startswith("Ongeldige invoer in mijn.json: ")
    assert "verwacht geldige JSON; " in str(fout.value)
    with pytest.raises(InvoerFout, match=r"^Ongeldige invoer in <tekst>: .*geen eindig getal"):
        lees_tekst("a = nan", "toml")
