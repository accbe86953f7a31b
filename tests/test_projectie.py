"""Values past the term of their source: carried forward by a declared rule and marked, or an error.

The CAO Jeugdzorg 2024-2025 holds until 31 December 2025. The bundled parameters carry its
salary tables forward with the expected wage development (the employers' offer: +3.7 % on
1 January 2026, +2.6 % on 1 January 2027, an assumption) and its other terms unchanged,
until 31 December 2027; later is an error.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

import tarieven
from tarieven import InvoerFout
from tarieven.cli import main
from tarieven.parameterbestanden import laad_bestand, standaard_parameters

CAO = "cao-jeugdzorg"


def _cent(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), ROUND_HALF_UP)


def test_salaristabel_geprojecteerd_met_de_hand() -> None:
    """Schaal 8, trede 10: the table of 1 March 2025 (the last of the CAO) x 1.037, to cents,
    then x 1.026, to cents, as the CAO applies a raise to the table before."""
    par = standaard_parameters().parameter(CAO, "salaris.schaal_8")
    laatste = par.waarden[-1]  # the source's own last value
    assert laatste.vanaf == dt.date(2025, 3, 1)
    assert isinstance(laatste.waarde, tuple)
    basis = Decimal(repr(laatste.waarde[10]))
    in_2026 = _cent(basis * Decimal("1.037"))
    in_2027 = _cent(in_2026 * Decimal("1.026"))
    w26, w27 = par.op(dt.date(2026, 6, 1)), par.op(dt.date(2027, 1, 1))
    assert isinstance(w26.waarde, tuple)
    assert isinstance(w27.waarde, tuple)
    assert Decimal(repr(w26.waarde[10])) == in_2026
    assert Decimal(repr(w27.waarde[10])) == in_2027
    assert (w26.geprojecteerd, w27.geprojecteerd) == (True, True)
    assert (w26.status, w27.status) == ("aanname", "aanname")
    binnen = par.op(dt.date(2025, 12, 31))  # within the term: the source itself, not projected
    assert (binnen.vanaf, binnen.waarde, binnen.geprojecteerd) == (laatste.vanaf, laatste.waarde, False)
    assert "3,70 % per 2026-01-01" in str(w27.toelichting)
    assert "2,60 % per 2027-01-01" in str(w27.toelichting)


def test_andere_cao_bepalingen_ongewijzigd_doorgetrokken() -> None:
    par = standaard_parameters().parameter(CAO, "vakantietoeslag")
    w = par.op(dt.date(2027, 6, 1))
    assert w.waarde == par.op(dt.date(2025, 6, 1)).waarde == 0.08
    assert w.geprojecteerd
    assert w.status == "aanname"
    assert "ongewijzigd" in str(w.toelichting)
    # the calendar does not expire
    weken = standaard_parameters().parameter(CAO, "weken_per_jaar").op(dt.date(2030, 1, 1))
    assert not weken.geprojecteerd


def test_na_de_projectie_een_fout_die_de_termijn_noemt() -> None:
    with pytest.raises(InvoerFout) as e:
        tarieven.bereken("41A22", "2028-01-01")
    bericht = str(e.value)
    assert "peildatum (opgegeven bij de berekening) = '2028-01-01'" in bericht
    assert "een peildatum tot en met 2027-12-31" in bericht
    assert "de bron geldt tot en met 2025-12-31 en wordt tot en met 2027-12-31 geprojecteerd" in bericht
    assert "--parameters" in bericht


def test_41a22_in_2027_verschilt_van_2025_door_wat_de_uitleg_noemt() -> None:
    """The 2027 tariff differs from the 2025 one. Every input that differs is marked projected:
    a salary amount raised by the expected wage development, or a premium of 2026 carried
    forward unchanged; and the 2025 scenario with just those inputs replaced gives the 2027
    result line for line: the explanation accounts for the whole difference."""
    u25 = tarieven.bereken("41A22", "2025-06-01")
    u27 = tarieven.bereken("41A22", "2027-01-01")
    assert u27.tarief > u25.tarief
    verschillend = {k for k, v in u27.scenario.waarden.items() if v != u25.scenario.waarden.get(k)}
    assert all(u27.scenario.herkomst[k].geprojecteerd for k in verschillend), verschillend
    loon = {k for k in verschillend if k.endswith(("maandsalaris", "vakantietoeslag_minimum"))}
    assert {k.split(".")[1] for k in loon} == {"mbo", "hbo", "wo"}
    # the calendar: 7 public holidays on a weekday in 2025, 6 in 2027 (cao art. 9.7): 7,2 hours less leave
    kalender = {k for k in verschillend if k.endswith(".verlofuren")}
    assert {k.split(".")[1] for k in kalender} == {"mbo", "hbo", "wo"}
    for k in kalender:
        assert u25.scenario.waarden[k] - u27.scenario.waarden[k] == pytest.approx(7.2, abs=1e-9)
    u26 = tarieven.bereken("41A22", "2026-06-01")
    for k in verschillend - loon - kalender:  # premiums: the values of 2026, unchanged
        assert k.startswith("werkgeverslasten."), k
        assert u27.scenario.waarden[k] == u26.scenario.waarden[k], k
    # own employer charges replace the bundled block whole, so give the block (its other keys are equal)
    blok = {k for k in u27.scenario.waarden if k.startswith("werkgeverslasten.")}
    nagebootst = tarieven.bereken("41A22", "2025-06-01", met={k: u27.scenario.waarden[k] for k in verschillend | blok})
    for regel in u27:
        assert nagebootst[regel.naam] == pytest.approx(regel.waarde, rel=1e-12), regel.naam
    # salaries rise by (1.037 x 1.026 - 1) = 6.4 % at most (cent rounding); the tariff by less
    # (housing and material are not wages)
    assert 1.0 < u27.tarief / u25.tarief < 1.037 * 1.026
    uitleg = u27.uitleg()
    assert "Geprojecteerd na het einde van hun bron (status aanname): " in uitleg
    assert "Er is geen VNG-indexatie toegepast" in uitleg
    assert "geprojecteerd, vanaf 2027-01-01]" in uitleg  # each projected value marked
    assert "geprojecteerd" not in u25.uitleg()
    assert "functies.mbo.maandsalaris" in u27.to_dict()["geprojecteerde_invoer"]


def test_tariefjaar_2026_weegt_de_geprojecteerde_tabel_het_hele_jaar() -> None:
    par = standaard_parameters().parameter(CAO, "salaris.schaal_7")
    gewogen = par.gewogen(2026)
    assert gewogen.waarde == par.op(dt.date(2026, 1, 1)).waarde  # one projected value all year
    assert gewogen.geprojecteerd
    gemengd = par.gewogen(2025)  # Jan-Feb the 2024 table, from March the 2025 one: within the term
    assert not gemengd.geprojecteerd


def test_cli_bereken_2027_markeert_de_projectie(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["uitleg", "41A22", "--peildatum", "2027-01-01"]) == 0
    assert "salaris.schaal_8, schaal 8 trede 7, aanname, lezing centraal, geprojecteerd" in capsys.readouterr().out
    assert main(["bereken", "41A22", "--peildatum", "2028-06-01"]) == 2
    assert "een peildatum tot en met 2027-12-31" in capsys.readouterr().err


# -- the loader: a term and its rule declared in full ----------------------------------------

KOP = '[bestand]\ntitel = "T"\n'
REEKS = """
[uren]
eenheid = "uur/week"
soort = "positief"
bron = "Test"
  [[uren.waarden]]
  vanaf = 2024-01-01
  waarde = 36
  status = "definitief"
"""
REGEL = 'projectie = { regel = "ongewijzigd", tot = 2026-12-31, bron = "Test", toelichting = "blijft" }\n'


def _fout(tmp_path: Path, tekst: str) -> str:
    pad = tmp_path / "p.toml"
    pad.write_text(tekst, encoding="utf-8")
    with pytest.raises(InvoerFout) as e:
        laad_bestand(pad, product=False)
    return str(e.value)


def test_bestand_zonder_termijn_is_een_fout(tmp_path: Path) -> None:
    bericht = _fout(tmp_path, KOP + REEKS)
    assert "bestand.geldig_tot ontbreekt: verwacht de laatste dag waarop de bron geldt" in bericht
    assert '"tot wijziging"' in bericht


def test_waarde_na_de_termijn_is_een_fout(tmp_path: Path) -> None:
    tekst = KOP + "geldig_tot = 2023-12-31\n" + REEKS
    assert "uren.vanaf = '2024-01-01': verwacht een waarde binnen de looptijd van de bron" in _fout(tmp_path, tekst)


def test_projectie_moet_volledig_zijn(tmp_path: Path) -> None:
    tekst = KOP + 'geldig_tot = 2025-12-31\nprojectie = { regel = "raden", tot = 2025-06-01 }\n' + REEKS
    bericht = _fout(tmp_path, tekst)
    assert "bestand.projectie.regel = 'raden': verwacht een van ongewijzigd, loonontwikkeling" in bericht
    assert "bestand.projectie.tot = '2025-06-01': verwacht een datum na geldig_tot (2025-12-31)" in bericht
    assert "bestand.projectie.bron ontbreekt" in bericht
    assert "bestand.projectie.toelichting ontbreekt" in bericht


def test_loonontwikkeling_vraagt_een_reeks_verhogingen(tmp_path: Path) -> None:
    regel = 'projectie = { regel = "loonontwikkeling", tot = 2026-12-31, bron = "T", toelichting = "t" }\n'
    bericht = _fout(tmp_path, KOP + "geldig_tot = 2025-12-31\n" + regel + REEKS)
    assert "uren.projectie = 'loonontwikkeling': verwacht een parameter [loonontwikkeling]" in bericht


def test_ongewijzigd_doorgetrokken_en_daarna_een_fout(tmp_path: Path) -> None:
    pad = tmp_path / "p.toml"
    pad.write_text(KOP + "geldig_tot = 2025-12-31\n" + REGEL + REEKS, encoding="utf-8")
    par = laad_bestand(pad, product=False).parameters["uren"]
    assert par.op(dt.date(2025, 12, 31)).geprojecteerd is False
    w = par.op(dt.date(2026, 12, 31))
    assert (w.waarde, w.geprojecteerd, w.status) == (36.0, True, "aanname")
    with pytest.raises(InvoerFout, match=r"een peildatum tot en met 2026-12-31: de bron geldt tot en met 2025-12-31"):
        par.op(dt.date(2027, 1, 1))
    # "tot wijziging": no term, no end
    pad.write_text(KOP + 'geldig_tot = "tot wijziging"\n' + REEKS, encoding="utf-8")
    assert laad_bestand(pad, product=False).parameters["uren"].op(dt.date(2040, 1, 1)).waarde == 36.0
