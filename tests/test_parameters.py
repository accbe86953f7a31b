"""The strict parameter loader: dated lookup and one clear error per kind of broken file."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from tarieven import InvoerFout
from tarieven.parameterbestanden import laad_bestand, laad_map

GOED = """
[bestand]
titel = "Test"
geldig_tot = "tot wijziging"

[uren_per_week]
eenheid = "uur/week"
soort = "positief"
bron = { titel = "CAO" }

  [[uren_per_week.waarden]]
  vanaf = 2024-01-01
  waarde = 36
  status = "definitief"

  [[uren_per_week.waarden]]
  vanaf = 2025-01-01
  tot = 2026-01-01
  waarde = 38
  status = "indicatief"
"""


def schrijf(tmp_path: Path, tekst: str, naam: str = "p.toml") -> Path:
    pad = tmp_path / naam
    pad.write_text(textwrap.dedent(tekst), encoding="utf-8")
    return pad


def fout(tmp_path: Path, tekst: str) -> str:
    pad = schrijf(tmp_path, tekst)
    with pytest.raises(InvoerFout) as e:
        laad_bestand(pad)
    assert str(pad) in str(e.value)  # every error names the file
    return str(e.value)


def test_opzoeken_op_peildatum(tmp_path: Path) -> None:
    par = laad_bestand(schrijf(tmp_path, GOED)).parameters["uren_per_week"]
    assert par.op(dt.date(2024, 1, 1)).waarde == 36.0
    assert par.op(dt.date(2024, 12, 31)).waarde == 36.0
    assert par.op(dt.date(2025, 6, 1)).waarde == 38.0
    assert par.op(dt.date(2025, 6, 1)).status == "indicatief"
    assert par.op(dt.date(2025, 6, 1)).bron.titel == "CAO"  # shared source of the series


def test_voor_de_eerste_en_na_de_laatste_datum_een_fout(tmp_path: Path) -> None:
    par = laad_bestand(schrijf(tmp_path, GOED)).parameters["uren_per_week"]
    with pytest.raises(InvoerFout, match=r"uren_per_week = '2023-12-31': verwacht een peildatum op of na 2024-01-01"):
        par.op(dt.date(2023, 12, 31))
    verwacht = "verwacht een peildatum tot en met 2025-12-31: daarna is geen waarde bekend"
    with pytest.raises(InvoerFout, match=rf"uren_per_week = '2026-01-01': {verwacht}"):
        par.op(dt.date(2026, 1, 1))


def test_dubbele_sleutel(tmp_path: Path) -> None:
    bericht = fout(tmp_path, GOED.replace('soort = "positief"', 'soort = "positief"\nsoort = "getal"'))
    assert "dubbele sleutels" in bericht
    assert "regel 9: soort" in bericht


def test_onbekende_sleutel(tmp_path: Path) -> None:
    bericht = fout(tmp_path, GOED.replace("  waarde = 36\n", "  waarde = 36\n  statuss = 'x'\n"))
    assert "uren_per_week.waarden[0].statuss = 'x': verwacht een bekende sleutel van een waarde" in bericht


def test_datum_als_tekst(tmp_path: Path) -> None:
    bericht = fout(tmp_path, GOED.replace("vanaf = 2024-01-01", 'vanaf = "2024-01-01"'))
    assert "uren_per_week.waarden[0].vanaf = '2024-01-01': verwacht een TOML-datum" in bericht


def test_onmogelijke_datum(tmp_path: Path) -> None:
    assert "geldige TOML" in fout(tmp_path, GOED.replace("vanaf = 2024-01-01", "vanaf = 2024-02-30"))


def test_eenheid_verandert_binnen_een_reeks(tmp_path: Path) -> None:
    bericht = fout(tmp_path, GOED.replace("  waarde = 38\n", '  waarde = 38\n  eenheid = "uur/jaar"\n'))
    assert (
        "uren_per_week.waarden[1].eenheid = 'uur/jaar': verwacht dezelfde eenheid als de rest van de reeks (uur/week)"
        in bericht
    )


def test_fractie_buiten_bereik(tmp_path: Path) -> None:
    bericht = fout(
        tmp_path,
        """
        [bestand]
        titel = "T"
        geldig_tot = "tot wijziging"
        [verzuim]
        eenheid = "1"
        soort = "fractie"
        waarde = 7
        vanaf = 2025-01-01
        status = "aanname"
        toelichting = "procent in plaats van fractie"
        bron = { titel = "norm" }
    """,
    )
    assert "verzuim.waarde = 7: verwacht een fractie van 0 tot en met 1" in bericht


def test_niet_op_datum_gesorteerd(tmp_path: Path) -> None:
    tekst = GOED.replace("vanaf = 2024-01-01", "vanaf = 2025-06-01")
    assert "waarden oplopend op datum" in fout(tmp_path, tekst)


def test_onbekende_status_en_eenheid(tmp_path: Path) -> None:
    bericht = fout(
        tmp_path, GOED.replace('status = "definitief"', 'status = "zeker"').replace('"uur/week"', '"uur/weekk"')
    )
    assert "status = 'zeker': verwacht een van definitief, afgeleid, indicatief, aanname" in bericht
    assert "uren_per_week.eenheid = 'uur/weekk'" in bericht


def test_aanname_zonder_toelichting_en_waarde_zonder_bron(tmp_path: Path) -> None:
    bericht = fout(
        tmp_path,
        """
        [bestand]
        titel = "T"
        geldig_tot = "tot wijziging"
        [verzuim]
        eenheid = "1"
        soort = "fractie"
        waarde = 0.07
        vanaf = 2025-01-01
        status = "aanname"
    """,
    )
    assert "verzuim.toelichting ontbreekt: verwacht bij status 'aanname' de afleiding of redenering" in bericht
    assert "verzuim.bron ontbreekt" in bericht


def test_bestand_zonder_kop(tmp_path: Path) -> None:
    assert "bestand ontbreekt: verwacht een tabel [bestand]" in fout(
        tmp_path, GOED.replace('[bestand]\ntitel = "Test"\ngeldig_tot = "tot wijziging"', "")
    )


def test_tekst_in_plaats_van_getal(tmp_path: Path) -> None:
    assert "waarden[0].waarde = 'veel': verwacht een getal groter dan 0" in fout(
        tmp_path, GOED.replace("waarde = 36", 'waarde = "veel"')
    )


@pytest.mark.parametrize("waarde", ['"36"', '"36 uur/week"', '"2160 minuut/week"'])
def test_waarde_met_eenheid_wordt_omgerekend(tmp_path: Path, waarde: str) -> None:
    """Units written with a value are honoured, as in a scenario: 2160 minutes a week is 36 hours."""
    pad = tmp_path / "p.toml"
    pad.write_text(GOED.replace("waarde = 36", f"waarde = {waarde}"), encoding="utf-8")
    par = laad_bestand(pad).parameters["uren_per_week"]
    assert par.waarden[0].waarde == 36.0


def test_eenheid_die_niet_past_is_een_fout(tmp_path: Path) -> None:
    assert "past niet bij uur/week" in fout(tmp_path, GOED.replace("waarde = 36", 'waarde = "36 EUR"'))


def test_productcode_is_de_bestandsnaam(tmp_path: Path) -> None:
    """A product is found by its file name, so two files can never claim the same code."""
    (tmp_path / "producten").mkdir()
    product = '[bestand]\ntitel = "P"\n[product]\ncode = "X1"\n'
    (tmp_path / "producten" / "X1.toml").write_text(product, encoding="utf-8")
    (tmp_path / "producten" / "b.toml").write_text(product, encoding="utf-8")
    with pytest.raises(InvoerFout) as e:
        laad_map(tmp_path)
    assert "producten/b.toml: product.code = 'X1': verwacht een unieke code (ook in X1.toml)" in str(e.value)
    with pytest.raises(InvoerFout, match=r"product.code = 'X1': verwacht de productcode gelijk aan de bestandsnaam"):
        laad_map(tmp_path, lui=True).product("b")
