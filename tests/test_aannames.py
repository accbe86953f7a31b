"""Assumption sets: the readings laag / centraal / hoog of an assumption, from file to tariff.

A parameter file gives an uncertain value its ``laag`` and ``hoog`` readings beside its
central ``waarde``; the loader checks them like the value itself; a lookup at an assumption
set takes the reading; a projection carries it; what the user gives always wins.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import tarieven
from tarieven.catalogus import Zoeker
from tarieven.cli import main
from tarieven.fouten import InvoerFout
from tarieven.parameterbestanden import laad_bestand, standaard_parameters

PEIL = dt.date(2025, 6, 1)

KOP = """
[bestand]
titel = "Normen (test)"
geldig_tot = "tot wijziging"
"""


def _bestand(tmp_path: Path, tekst: str) -> Path:
    pad = tmp_path / "normen.toml"
    pad.write_text(KOP + tekst, encoding="utf-8")
    return pad


VERZUIM = """
[verzuim]
label = "Verzuim"
eenheid = "1"
soort = "fractie"
waarde = 0.075
vanaf = 2025-01-01
status = "aanname"
bron = { titel = "Bron" }
toelichting = "Centraal: het gemiddelde."
laag = { waarde = 0.05, toelichting = "Een laag verzuim.", bron = { titel = "Lage bron", url = "https://x.nl" } }
hoog = { waarde = "9 %", toelichting = "Een hoog verzuim." }
"""


# -- the loader --------------------------------------------------------------------------------


def test_lezingen_worden_gelezen_en_omgerekend(tmp_path: Path) -> None:
    par = laad_bestand(_bestand(tmp_path, VERZUIM)).parameters["verzuim"]
    (w,) = par.waarden
    laag, hoog = w.heeft("laag"), w.heeft("hoog")
    assert laag is not None
    assert hoog is not None
    assert laag.waarde == 0.05
    assert laag.bron is not None
    assert laag.bron.url == "https://x.nl"
    assert hoog.waarde == pytest.approx(0.09)  # "9 %" converted to the parameter's unit (a fraction)
    assert hoog.bron is None  # a reading without a source of its own keeps the value's


@pytest.mark.parametrize(
    ("vervang", "nieuw", "melding"),
    [
        ('status = "aanname"', 'status = "definitief"', r"verzuim\.laag .*alleen bij status aanname of indicatief"),
        (
            '\nhoog = { waarde = "9 %", toelichting = "Een hoog verzuim." }',
            "",
            r"verzuim\.hoog: verwacht laag en hoog samen",
        ),
        (
            'toelichting = "Een hoog verzuim."',
            'toelichting = " "',
            r"verzuim\.hoog\.toelichting.*de reden van deze lezing",
        ),
        ("waarde = 0.05", "waarde = 1.5", r"verzuim\.laag\.waarde = 1\.5: verwacht een fractie van 0 tot en met 1"),
        ("waarde = 0.05", 'waarde = "5 uur"', r"verzuim\.laag\.waarde"),
        ("waarde = 0.05,", "waarde = 0.05, reden = 'x',", r"verzuim\.laag\.reden"),
        ("laag = {", "laag = 0.05 #", r"verzuim\.laag = 0\.05: verwacht een tabel"),
    ],
)
def test_foute_lezing_is_een_fout_met_sleutel(tmp_path: Path, vervang: str, nieuw: str, melding: str) -> None:
    assert vervang in VERZUIM
    with pytest.raises(InvoerFout, match=melding):
        laad_bestand(_bestand(tmp_path, VERZUIM.replace(vervang, nieuw, 1)))


def test_lezing_van_een_tabel_heeft_evenveel_treden(tmp_path: Path) -> None:
    tekst = """
[salaris.schaal_1]
label = "Schaal 1"
eenheid = "EUR/maand"
soort = "positief"
bron = { titel = "Bron" }
  [[salaris.schaal_1.waarden]]
  vanaf = 2025-01-01
  waarde = [3000.0, 3100.0, 3200.0]
  status = "indicatief"
  laag = { waarde = [3000.0, 3050.0], toelichting = "Smaller." }
  hoog = { waarde = [3000.0, 3150.0, 3300.0], toelichting = "Wider." }
"""
    with pytest.raises(InvoerFout, match=r"laag\.waarde .*verwacht een tabel van 3 treden"):
        laad_bestand(_bestand(tmp_path, tekst))


@pytest.mark.parametrize("trede", ["-1", '"top"', "2.5", "true"])
def test_trede_parameter_kent_alleen_treden(tmp_path: Path, trede: str) -> None:
    tekst = f"""
[f.trede]
soort = "trede"
waarde = {trede}
vanaf = 2025-01-01
status = "aanname"
bron = {{ titel = "Bron" }}
toelichting = "Waarom."
"""
    with pytest.raises(InvoerFout, match=r"f\.trede\.waarde.*'max' \(de laatste trede\) of 'midden'"):
        laad_bestand(_bestand(tmp_path, tekst))


# -- reading at a set ----------------------------------------------------------------------------


def test_parameter_op_een_set(tmp_path: Path) -> None:
    par = laad_bestand(_bestand(tmp_path, VERZUIM)).parameters["verzuim"]
    assert par.bij("centraal").op(PEIL).waarde == 0.075
    laag = par.bij("laag").op(PEIL)
    assert laag.waarde == 0.05
    assert laag.lezing == "laag"
    assert laag.centraal == 0.075
    assert laag.toelichting == "lezing laag: Een laag verzuim."
    assert str(laag.bron).startswith("Lage bron")
    assert par.bij("hoog").op(PEIL).waarde == pytest.approx(0.09)
    assert par.op(PEIL).lezing is None  # unread: the value itself


def test_projectie_neemt_de_lezing_mee(tmp_path: Path) -> None:
    """A table projected past its source's term: the laag reading of the table raised by the laag
    reading of the wage development, rounded to cents like the central one."""
    tekst = """
[bestand]
titel = "CAO (test)"
geldig_tot = 2025-12-31
projectie = { regel = "ongewijzigd", tot = 2027-12-31, bron = { titel = "Aanname" }, toelichting = "doorgetrokken" }

[loonontwikkeling]
label = "Loonontwikkeling"
eenheid = "1"
soort = "fractie"
geldig_tot = 2027-12-31
projectie = "geen"
bron = { titel = "Eindbod" }
toelichting = "Verwacht."
  [[loonontwikkeling.waarden]]
  vanaf = 2026-01-01
  waarde = 0.04
  status = "aanname"
  toelichting = "Het eindbod."
  laag = { waarde = 0.02, toelichting = "Minder." }
  hoog = { waarde = 0.06, toelichting = "Meer." }

[salaris.schaal_1]
label = "Schaal 1"
eenheid = "EUR/maand"
soort = "positief"
projectie = { regel = "loonontwikkeling", tot = 2027-12-31, bron = { titel = "Eindbod" }, toelichting = "verhoogd" }
bron = { titel = "Bron" }
  [[salaris.schaal_1.waarden]]
  vanaf = 2025-01-01
  waarde = [3000.0, 3333.33]
  status = "indicatief"
  laag = { waarde = [2900.0, 3100.0], toelichting = "Smaller." }
  hoog = { waarde = [3000.0, 3500.0], toelichting = "Wider." }
"""
    pad = tmp_path / "cao.toml"
    pad.write_text(tekst, encoding="utf-8")
    par = laad_bestand(pad).parameters["salaris.schaal_1"]
    d = dt.date(2026, 6, 1)
    centraal, laag, hoog = (par.bij(s).op(d) for s in ("centraal", "laag", "hoog"))
    # by hand: 3333.33 x 1.04 = 3466.6632 -> 3466.66; 2900 x 1.02 = 2958.00, 3100 x 1.02 = 3162.00; 3500 x 1.06 = 3710
    assert centraal.waarde == (3120.0, 3466.66)
    assert laag.waarde == (2958.0, 3162.0)
    assert hoog.waarde == (3180.0, 3710.0)
    assert laag.geprojecteerd
    assert laag.lezing == "laag"
    assert laag.toelichting is not None
    assert "lezing laag: Smaller." in laag.toelichting


def test_onbekende_set_is_een_fout() -> None:
    with pytest.raises(InvoerFout, match=r"aannames = 'midden': verwacht laag, centraal of hoog"):
        Zoeker(standaard_parameters(), PEIL, aannames="midden")
    with pytest.raises(InvoerFout, match=r"aannames \(opgegeven bij de berekening\) = 'gemiddeld'"):
        tarieven.bereken("41A22", PEIL, aannames="gemiddeld")


# -- the salary step -----------------------------------------------------------------------------


def test_trede_is_een_aanname_die_het_salaris_bereikt() -> None:
    """The step is looked up per function at the set, and the salary follows from it."""
    laag = tarieven.lees_scenario("41A22", PEIL, aannames="laag")
    hoog = tarieven.lees_scenario("41A22", PEIL, aannames="hoog")
    for rol, schaal in (("mbo", 8), ("hbo", 9), ("wo", 11)):
        h = laag.herkomst[f"functies.{rol}.trede"]
        assert h.status == "aanname"
        assert h.lezing == "laag"
        assert laag.invoer[f"functies.{rol}.trede"] == "midden"
        par = standaard_parameters().parameter("cao-jeugdzorg", f"salaris.schaal_{schaal}")
        tabel_laag, tabel_hoog = par.bij("laag").op(PEIL).waarde, par.bij("hoog").op(PEIL).waarde
        assert isinstance(tabel_laag, tuple)
        assert isinstance(tabel_hoog, tuple)
        assert tabel_laag != tabel_hoog  # the table's own readings (its span) reach the salary too
        assert laag.waarden[f"functies.{rol}.maandsalaris"] == tabel_laag[(len(tabel_laag) - 1) // 2]
        assert hoog.waarden[f"functies.{rol}.maandsalaris"] == tabel_hoog[-1]


def test_eigen_waarde_gaat_voor() -> None:
    """What the user gives wins over every reading: the step given, the salary given."""
    s = tarieven.lees_scenario("41A22", PEIL, aannames="laag", met={"functies.mbo.trede": "max"})
    tabel = standaard_parameters().parameter("cao-jeugdzorg", "salaris.schaal_8").bij("laag").op(PEIL).waarde
    assert isinstance(tabel, tuple)
    assert s.waarden["functies.mbo.maandsalaris"] == tabel[-1]  # the given step, in the table read at the set
    assert s.herkomst["functies.mbo.trede"].lezing is None
    s = tarieven.lees_scenario("41A22", PEIL, aannames="laag", met={"functies.hbo.maandsalaris": 4000})
    assert s.waarden["functies.hbo.maandsalaris"] == 4000
    assert "functies.hbo.trede" not in s.invoer  # no step looked up for a salary that is given


def test_set_uit_het_scenario_en_de_aanroep_gaat_voor(tmp_path: Path) -> None:
    pad = tmp_path / "s.toml"
    pad.write_text('basis = "41A22"\npeildatum = 2025-06-01\naannames = "laag"\n', encoding="utf-8")
    laag = tarieven.bereken(pad)
    assert laag.scenario.aannames == "laag"
    assert laag.tarief == tarieven.bereken("41A22", PEIL, aannames="laag").tarief
    assert tarieven.bereken(pad, aannames="centraal").tarief == tarieven.bereken("41A22", PEIL).tarief
    pad.write_text('basis = "41A22"\naannames = "zeer laag"\n', encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"s\.toml: aannames = 'zeer laag': verwacht laag, centraal of hoog"):
        tarieven.bereken(pad)


# -- what a result says --------------------------------------------------------------------------


def test_json_en_uitleg_noemen_de_set(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bereken", "41A22", "--peildatum", str(PEIL), "--aannames", "laag", "--formaat", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["aannames"] == "laag"
    assert d["invoer"]["functies.mbo.trede"]["lezing"] == "laag"
    assert d["invoer"]["functies.mbo.trede"]["waarde"] == "midden"
    assert main(["bereken", "41A22", "--peildatum", str(PEIL), "--formaat", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["aannames"] == "centraal"
    assert main(["uitleg", "41A22", "--peildatum", str(PEIL), "--aannames", "laag"]) == 0
    uit = capsys.readouterr().out
    assert "functies.mbo.trede = midden  [functies.toml: pedagogisch_medewerker.trede, aanname, lezing laag," in uit


def test_set_is_geen_met_invoer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bereken", "41A22", "--met", "aannames=laag"]) == 2
    assert "aannames bepalen hoe het gelezen wordt" in capsys.readouterr().err


def test_opgeslagen_uitkomst_herberekend_op_haar_set(tmp_path: Path) -> None:
    u = tarieven.bereken("41A22", PEIL, aannames="laag")
    pad = tmp_path / "u.json"
    pad.write_text(u.to_json(), encoding="utf-8")
    from tarieven.herberekenen import herbereken

    h = herbereken(pad)
    assert h.identiek
    assert h.nu is not None
    assert h.nu.scenario.aannames == "laag"
    assert h.nu.tarief == u.tarief


# -- the band of every product ---------------------------------------------------------------------

GROEPSPRODUCTEN = sorted(c for c in standaard_parameters().producten if c != "42A03")


@pytest.mark.parametrize("peildatum", [PEIL, dt.date(2027, 1, 1)], ids=str)
@pytest.mark.parametrize("code", GROEPSPRODUCTEN)
def test_elke_lezing_wijst_haar_kant_op(code: str, peildatum: dt.date) -> None:
    """laag lowers the tariff and hoog raises it, for every input on its own: each input whose laag
    (hoog) value differs from the central one, switched alone, never raises (lowers) the tariff."""
    centraal = tarieven.lees_scenario(code, peildatum)
    t = tarieven.bereken(centraal).tarief
    for kant, teken in (("laag", -1), ("hoog", 1)):
        anders = tarieven.lees_scenario(code, peildatum, aannames=kant)
        verschillend = [k for k, v in anders.waarden.items() if v != centraal.waarden[k]]
        # the shares of a mix switch together (they sum to 1); every other input alone
        groepen = {k: ("mix" if k.startswith("product.ratio.mix.") else k) for k in verschillend}
        for groep in dict.fromkeys(groepen.values()):
            wissel = {k: anders.waarden[k] for k, g in groepen.items() if g == groep}
            alleen = tarieven.bereken(centraal.met(**wissel)).tarief
            assert teken * (alleen - t) >= -1e-9, f"{code}: {groep} op {kant} gaat de verkeerde kant op"
        band = tarieven.bereken(anders).tarief
        assert teken * (band - t) >= 0


def test_producten_geeft_de_band(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["producten", "--peildatum", str(PEIL), "--formaat", "json"]) == 0
    rijen = json.loads(capsys.readouterr().out)
    assert {r["code"] for r in rijen} >= {*GROEPSPRODUCTEN, "42A03"}
    for r in rijen:
        assert r["tarief_laag"] <= r["tarief"] <= r["tarief_hoog"]
        if r["code"] == "41A22":  # each end is the product priced at that set
            assert r["tarief_laag"] == tarieven.bereken("41A22", PEIL, aannames="laag").tarief
            assert r["tarief_hoog"] == tarieven.bereken("41A22", PEIL, aannames="hoog").tarief
    assert main(["producten", "--peildatum", str(PEIL), "--aannames", "hoog", "--formaat", "json"]) == 0
    hoog = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert hoog["41A22"]["tarief"] == hoog["41A22"]["tarief_hoog"]


def test_sjabloon_onthoudt_zijn_set(tmp_path: Path) -> None:
    """A template made at laag and returned unchanged gives the laag tariff, not the central one."""
    pytest.importorskip("xlsxwriter")
    pad = tmp_path / "s.xlsx"
    assert main(["sjabloon", "41A22", "-o", str(pad), "--peildatum", str(PEIL), "--aannames", "laag"]) == 0
    assert tarieven.bereken(pad).tarief == tarieven.bereken("41A22", PEIL, aannames="laag").tarief


def test_analysebestand_en_controles_kennen_de_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    laag = tarieven.bereken("41A22", PEIL, aannames="laag").tarief
    controle = tmp_path / "c.toml"
    controle.write_text(
        f'[[geval]]\nnaam = "laag"\nscenario = "41A22"\npeildatum = {PEIL}\naannames = "laag"\n'
        f"[geval.verwacht]\ntarief_per_client = {laag:.2f}\n",
        encoding="utf-8",
    )
    assert main(["test", str(controle)]) == 0
    assert main(["test", str(controle), "--aannames", "hoog"]) == 1  # the command line's set wins
    capsys.readouterr()
    from tarieven.analyse.bestand import lees_analyse

    analyse = tmp_path / "a.toml"
    analyse.write_text(
        f'scenario = "41A22"\npeildatum = {PEIL}\naannames = "laag"\n[rooster]\n"product.groepsgrootte" = [8]\n',
        encoding="utf-8",
    )
    assert tarieven.bereken(lees_analyse(analyse).scenario).tarief == laag
    assert lees_analyse(analyse, aannames="centraal").scenario.aannames == "centraal"
    analyse.write_text(analyse.read_text(encoding="utf-8").replace('"laag"', '"lage"'), encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"a\.toml: aannames = 'lage': verwacht laag, centraal of hoog"):
        lees_analyse(analyse)


def test_vergelijk_leest_beide_kanten_op_dezelfde_set(tmp_path: Path) -> None:
    pad = tmp_path / "eigen.toml"
    pad.write_text(f'basis = "41A22"\npeildatum = {PEIL}\n[product]\ngroepsgrootte = 8\n', encoding="utf-8")
    v = tarieven.vergelijk(pad, aannames="laag")
    assert v.tegen.tarief == tarieven.bereken("41A22", PEIL, aannames="laag").tarief
    assert v.eigen.scenario.aannames == v.tegen.scenario.aannames == "laag"


def test_normeer_leest_elke_inzending_op_de_set() -> None:
    """What a provider left to the product (here its staffing, productivity, overhead...) is read at
    the study's set; what it gave itself (its salaries, its group size) stays."""
    from tarieven.normering import lees_inzendingen
    from tarieven.voorbeeldmap import voorbeelden_pad

    map_ = voorbeelden_pad() / "normering" / "inzendingen"
    centraal, _ = lees_inzendingen(map_, peildatum=PEIL)
    laag, _ = lees_inzendingen(map_, peildatum=PEIL, aannames="laag")
    assert len(centraal) == len(laag) == 4
    for c, la in zip(centraal, laag, strict=True):
        assert c.scenario is not None
        assert la.scenario is not None
        assert la.scenario.aannames == "laag"
        eigen = [k for k in c.scenario.eigen if k in c.scenario.waarden]
        assert eigen  # every example submission gives some figures of its own
        for k in eigen:
            assert la.scenario.waarden[k] == c.scenario.waarden[k]
        assert tarieven.bereken(la.scenario).tarief <= tarieven.bereken(c.scenario).tarief


def test_bereken_en_uitleg_tonen_de_band(capsys: pytest.CaptureFixture[str]) -> None:
    """The text of bereken and the explanation show the band beside the tariff: each end is the product
    priced at that set; a scenario of the user's own values (no readings) shows none."""
    laag = tarieven.bereken("41A22", PEIL, aannames="laag").tarief
    hoog = tarieven.bereken("41A22", PEIL, aannames="hoog").tarief
    assert tarieven.bereken("41A22", PEIL).band() == (laag, hoog)
    from tarieven.weergave import euro

    assert main(["bereken", "41A22", "--peildatum", str(PEIL)]) == 0
    uit = capsys.readouterr().out
    assert f"band (aannames laag – hoog)   {euro(laag)} – {euro(hoog)}" in uit
    assert "aannames centraal; invoer-hash" in uit
    assert main(["uitleg", "41A22", "--peildatum", str(PEIL), "--aannames", "hoog"]) == 0
    uit = capsys.readouterr().out
    assert "Aannames: hoog, elke aanname met lezingen op haar hoge lezing" in uit
    assert f"Band (elke aanname op haar lage en op haar hoge lezing): {euro(laag)} – {euro(hoog)}." in uit
    eigen = tarieven.bereken({"basis": "41A22", "peildatum": str(PEIL)}, met={"product.groepsgrootte": 8})
    assert eigen.band()[0] < eigen.tarief < eigen.band()[1]  # the group given, the rest still at its readings


# -- what issue "A central tariff and its band" must show, on the command line ----------------------


def test_drie_tarieven_uit_de_opdrachtregel(capsys: pytest.CaptureFixture[str]) -> None:
    """laag < centraal < hoog; without --aannames the central one; the JSON says the set; the laag set
    prices other salary amounts than centraal (the step reading reaches the salary)."""
    uit: dict[str, dict[str, Any]] = {}
    for kant in ("laag", "centraal", "hoog", None):
        args = ["bereken", "41A22", "--peildatum", "2025-06-01", "--formaat", "json"]
        assert main([*args, "--aannames", kant] if kant else args) == 0
        uit[kant or "standaard"] = json.loads(capsys.readouterr().out)
    tarief = {k: float(d["tarief_per_client"]) for k, d in uit.items()}
    assert tarief["laag"] < tarief["centraal"] < tarief["hoog"]
    assert tarief["standaard"] == tarief["centraal"]
    assert {k: d["aannames"] for k, d in uit.items()} == {
        "laag": "laag",
        "centraal": "centraal",
        "hoog": "hoog",
        "standaard": "centraal",
    }
    for rol in ("mbo", "hbo", "wo"):
        k = f"functies.{rol}.maandsalaris"
        assert uit["laag"]["invoer"][k]["waarde"] < uit["centraal"]["invoer"][k]["waarde"]


@pytest.mark.parametrize("peildatum", ["2025-06-01", "2027-01-01"])
def test_parameters_json_heeft_lezingen_bij_elke_aanname(capsys: pytest.CaptureFixture[str], peildatum: str) -> None:
    assert main(["parameters", "--peildatum", peildatum, "--formaat", "json"]) == 0
    rijen = json.loads(capsys.readouterr().out)
    aannames = [r for r in rijen if r["status"] == "aanname" and r["waarde"] is not None]  # a value on the date
    assert aannames
    for r in aannames:
        for lezing in ("laag", "hoog"):
            assert isinstance(r.get(lezing), dict), (r["parameter"], lezing)
            assert r[lezing]["toelichting"].strip(), (r["parameter"], lezing)
    treden = {r["parameter"]: r for r in aannames if r["parameter"].endswith(".trede")}
    assert len(treden) == 4  # the salary step of every function is among them, and its readings differ
    assert all(r["laag"]["waarde"] != r["hoog"]["waarde"] for r in treden.values())
