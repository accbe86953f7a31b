"""Parameter health over every bundled file, and every catalogue product priced.

These tests read the parameters shipped in ``params/`` (and so in the wheel): they must
all load under the strict loader, carry the metadata the format requires, and price.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest

import tarieven
from tarieven.cli import main
from tarieven.eenheden import ureg
from tarieven.inlezen import scenario_uit_product
from tarieven.parameterbestanden import standaard_parameters
from tarieven.parameters import STATUSSEN

PARAMS = standaard_parameters()
ALLE = list(PARAMS)
VERVOER = "42A03"
CODES = sorted(c for c in PARAMS.producten if c != VERVOER)  # group products; transport is priced by distance
PEILDATA = [dt.date(2026, 1, 1), dt.date(2027, 1, 1)]
VERPLICHTE_BESTANDEN = [
    "cao-jeugdzorg",
    "werkgeverslasten",
    "pensioen-pfzw",
    "normen-haaglanden",
    "functies",
    "indexatie-vng",
    "gepubliceerde-tarieven",
]
VERWACHTE_PRODUCTEN = [
    "41A22",
    "41A23",
    "41A24",
    "41A00-1",
    "41A00-2",
    "41A00-3",
    "41A03-1",
    "41A03-2",
    "41A03-3",
    "ZOA-1",
    "ZOA-2",
    "ZOA-3",
    "GGZ-groep",
]


def test_alle_bestanden_en_producten_aanwezig() -> None:
    assert set(VERPLICHTE_BESTANDEN) <= set(PARAMS.bestanden)
    assert {*VERWACHTE_PRODUCTEN, VERVOER} <= set(PARAMS.producten)


@pytest.mark.parametrize("par", ALLE, ids=[f"{p.bestand.rsplit('/', 1)[-1]}:{p.naam}" for p in ALLE])
def test_parameter_gezond(par: Any) -> None:
    assert par.label
    if par.soort not in ("tekst", "trede"):
        ureg.Unit(par.eenheid)  # parses
    datums = [w.vanaf for w in par.waarden]
    assert datums == sorted(datums)
    for w in par.waarden:
        assert w.status in STATUSSEN
        assert w.bron.titel.strip()
        if w.status in ("afgeleid", "aanname"):
            assert w.toelichting
            assert w.toelichting.strip()
        if par.soort == "fractie":
            getallen = w.waarde if isinstance(w.waarde, tuple) else (w.waarde,)
            assert all(0 <= x <= 1 for x in getallen)  # type: ignore[operator]


def test_salaristabellen_stijgen_per_trede_en_schaal() -> None:
    cao = PARAMS.bestand("cao-jeugdzorg")
    schalen = sorted(
        (int(n.rsplit("_", 1)[1]), p) for n, p in cao.parameters.items() if n.startswith("salaris.schaal_")
    )
    assert [s for s, _ in schalen][:5] == [7, 8, 9, 10, 11]
    for peildatum in PEILDATA:
        vorige_max = 0.0
        for _, par in schalen:
            tabel = par.op(peildatum).waarde
            assert isinstance(tabel, tuple)
            assert list(tabel) == sorted(tabel)
            assert tabel[-1] > vorige_max
            vorige_max = tabel[-1]


@pytest.mark.parametrize("peildatum", PEILDATA, ids=str)
@pytest.mark.parametrize("code", CODES)
def test_elk_product_krijgt_een_tarief(code: str, peildatum: dt.date) -> None:
    u = tarieven.bereken(scenario_uit_product(code, peildatum))
    assert math.isfinite(u.tarief)
    assert u.tarief > 0
    assert u.scenario.product_code == code
    # every input that came from a parameter file names its status
    assert all(h.status is not None for k, h in u.scenario.herkomst.items() if "params" in str(h) or ".toml" in str(h))


def test_cli_producten(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["producten", "--peildatum", "2027-01-01"]) == 0
    uit = capsys.readouterr().out
    for code in [*VERWACHTE_PRODUCTEN, "42A03"]:
        assert f"\n{code} " in uit


def test_cli_bereken_productcode_met_waarschuwing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bereken", "41A22", "--peildatum", "2027-01-01", "--formaat", "json"]) == 0
    gevangen = capsys.readouterr()
    assert '"tarief_per_client"' in gevangen.out
    assert gevangen.err.startswith("tarieven: Let op: dit tarief rust op ")
    assert "aanname" in gevangen.err


def test_cli_parameters(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parameters", "vakantietoeslag", "--peildatum", "2025-06-01"]) == 0
    uit = capsys.readouterr().out
    assert "cao-jeugdzorg.toml: vakantietoeslag = 0,08  [definitief, vanaf 2024-01-01]" in uit
    assert "bron: " in uit
    # after the CAO 2024-2025 (until 31 December 2025) the value is carried forward, and says so
    assert main(["parameters", "vakantietoeslag", "--peildatum", "2026-01-01"]) == 0
    uit = capsys.readouterr().out
    assert "cao-jeugdzorg.toml: vakantietoeslag = 0,08  [aanname, geprojecteerd, vanaf 2026-01-01]" in uit
    assert "geprojecteerd: de bron geldt tot en met 2025-12-31" in uit
    assert main(["parameters", "vakantietoeslag", "--peildatum", "2028-01-01"]) == 0
    assert "geen waarde op 2028-01-01: verwacht een peildatum tot en met 2027-12-31" in capsys.readouterr().out
    assert main(["parameters", "bestaat_niet_xyz"]) == 2


def test_cli_vervoer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bereken", "42A03", "--afstand", "7.5", "--vorm", "groep_rolstoel"]) == 0
    assert "categorie 3" in capsys.readouterr().out  # golden g7: 7.5 km, wheelchair group -> 3
    assert main(["bereken", "42A03", "--afstand", "31", "--vorm", "groep"]) == 2
    assert "boven 30 km" in capsys.readouterr().err


def test_peildatum_ongeldig(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["bereken", "41A22", "--peildatum", "1-1-2027"])
    assert "'1-1-2027' is geen datum" in capsys.readouterr().err


def test_readme_tabel_klopt_met_de_berekening() -> None:
    """The README's table of bundled products shows what the package computes (no drift): the
    central tariff, its band (every assumption at its low and at its high reading) and the
    central hourly tariff."""
    import re
    from pathlib import Path

    from tarieven.weergave import euro

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    rijen = re.findall(
        r"^\| (\S+) \| [^|]+ \| [^|]+ \| (€ [\d.,]+) \| (€ [\d.,]+ – € [\d.,]+|geen spreiding) \| (€ [\d.,]+)? ?\|",
        readme,
        flags=re.MULTILINE,
    )
    gevonden = {code: (tarief, band, uur) for code, tarief, band, uur in rijen if code in PARAMS.producten}
    assert set(gevonden) == set(PARAMS.producten)
    peildatum = dt.date(2027, 1, 1)
    vervoer, band, _ = gevonden.pop(VERVOER)  # one placeholder amount for every category, without readings
    assert band == "geen spreiding"
    for aannames in ("laag", "centraal", "hoog"):
        bedragen = tarieven.vervoersbedragen(peildatum, aannames=aannames)[VERVOER].values()
        assert {euro(b) for b, _ in bedragen} == {vervoer}, aannames
    for code, (tarief, band, uur) in gevonden.items():
        u = tarieven.bereken(scenario_uit_product(code, peildatum))
        assert euro(u.tarief) == tarief, code
        assert euro(u["tarief_per_uur"]) == uur, code
        assert tarieven.bereken(code, peildatum, aannames="centraal").tarief == u.tarief, code
        laag = tarieven.bereken(code, peildatum, aannames="laag").tarief
        hoog = tarieven.bereken(code, peildatum, aannames="hoog").tarief
        assert band == f"{euro(laag)} – {euro(hoog)}", code


def test_cli_parameters_controle(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parameters", "--controle", "--peildatum", "2025-06-01"]) == 0
    uit = capsys.readouterr().out
    assert f"{len(PARAMS.bestanden)} parameterbestanden en {len(PARAMS.producten)} producten geladen" in uit
    assert "Indicatieve waarden (te vervangen" in uit
    assert "cao-jeugdzorg.toml: salaris.schaal_8" in uit  # the reconstructed table is indicatief
    assert "geprojecteerd" not in uit  # in 2025 every value is within the term of its source
    assert main(["parameters", "--controle", "--peildatum", "2027-01-01"]) == 0
    assert "waarvan geprojecteerd (na het einde van hun bron):" in capsys.readouterr().out


def test_indexatie_uit_meegeleverde_cijfers_geeft_g6(capsys: pytest.CaptureFixture[str]) -> None:
    """The bundled VNG figures reproduce golden g6: 2024 -> 2025, 4.957 %, published 4.96 %, 100 -> 104.96."""
    import json
    from decimal import Decimal
    from pathlib import Path

    from tarieven.indexcijfers import vng_indexaties

    g6 = json.loads((Path(__file__).parent / "golden" / "g6-indexatie-vng-2025.json").read_text(encoding="utf-8"))
    (ix,) = vng_indexaties(2024, 2025)
    assert ix.geprojecteerd
    assert Decimal(repr(round(ix.index, 5))) == Decimal(g6["verwacht"]["index_2025"])
    assert Decimal(repr(round(ix.nacalculatie, 5))) == Decimal(g6["verwacht"]["nacalculatie_2024"])
    assert f"{ix.gepubliceerd}%" == g6["verwacht"]["indexatie_gepubliceerd"]
    assert main(["indexeer", "100", "--van", "2024", "--naar", "2025"]) == 0
    uit = capsys.readouterr().out
    assert "€ 104,96  geprojecteerd" in uit
    assert "4,96 %" in uit


def test_indexatie_zonder_cijfers_noemt_bestand_en_ontbrekende_cijfers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["indexeer", "100", "--van", "2025", "--naar", "2026"]) == 2
    fout = capsys.readouterr().err
    assert "indexatie-vng.toml" in fout
    assert "ova.voorlopig.2026 ontbreekt" in fout
    assert "pcc.definitief.2025 ontbreekt" in fout


def test_catalogus_als_tabel() -> None:
    from tarieven.overzicht import productoverzicht as tabel

    peildatum = dt.date(2027, 1, 1)
    df = tabel(peildatum)
    assert list(df.index) == CODES
    assert df.attrs["peildatum"] == peildatum
    for code in CODES:  # every row is what the single-product route gives
        u = tarieven.bereken(code, peildatum)
        assert df.loc[code, "tarief"] == u.tarief
        assert df.loc[code, "tarief_per_uur"] == u["tarief_per_uur"]
        assert df.loc[code, "eenheid"] == u.eenheid


def test_peildatum_bij_een_opgezocht_scenario_is_een_fout() -> None:
    s = tarieven.lees_scenario("41A22", dt.date(2027, 1, 1))
    with pytest.raises(
        tarieven.InvoerFout, match=r"geen peildatum, tariefjaar, aannames of parameters bij een Scenario"
    ):
        tarieven.bereken(s, dt.date(2025, 1, 1))
    with pytest.raises(
        tarieven.InvoerFout, match=r"geen peildatum, tariefjaar, aannames of parameters bij een Scenario"
    ):
        tarieven.bereken(s, tariefjaar=2025)


def test_alleen_premiekeuzes_zijn_aannames() -> None:
    """AWf laag/hoog and Aof laag/hoog are choices (aanname); Ufo applies to every employer."""
    s = tarieven.lees_scenario("41A22", dt.date(2025, 6, 1))
    assert s.herkomst["werkgeverslasten.premies.awf"].status == "aanname"
    assert (
        "awf_laag (keuze: normen-haaglanden.toml: premiekeuze.awf)"
        in s.herkomst["werkgeverslasten.premies.awf"].oorsprong
    )
    assert s.herkomst["werkgeverslasten.premies.awf"].lezing == "centraal"
    assert s.herkomst["werkgeverslasten.premies.ufo"].status == "definitief"  # published rate 2025
    assert "keuze" not in s.herkomst["werkgeverslasten.premies.ufo"].oorsprong


def test_cli_parameters_toont_de_toelichting_van_de_parameter(capsys: pytest.CaptureFixture[str]) -> None:
    """A value's explanation may refer to its parameter's ('zie de toelichting van de parameter'):
    the listing shows both, so the reference can be followed."""
    assert main(["parameters", "salaris.schaal_8", "--peildatum", "2025-06-01"]) == 0
    uit = capsys.readouterr().out
    par = PARAMS.parameter("cao-jeugdzorg", "salaris.schaal_8")
    w = par.op(dt.date(2025, 6, 1))
    assert par.toelichting
    assert w.toelichting
    assert " ".join(par.toelichting.split()) in uit
    assert " ".join(w.toelichting.split()) in uit


@pytest.mark.parametrize("par", ALLE, ids=[f"{p.bestand.rsplit('/', 1)[-1]}:{p.naam}" for p in ALLE])
def test_elke_aanname_heeft_haar_lezingen(par: Any) -> None:
    """Every value with status aanname carries a laag and a hoog reading, each with its reason
    (the wage development it is projected with included): what the band of a tariff rests on."""
    for w in par.waarden:
        if w.status != "aanname":
            continue
        for lezing in ("laag", "hoog"):
            gevonden = w.heeft(lezing)
            assert gevonden is not None, f"{par.naam} vanaf {w.vanaf}: geen lezing {lezing}"
            assert gevonden.toelichting.strip()


def test_lezingen_verschillen_waar_de_praktijk_verschilt() -> None:
    """The salary step and the reconstructed tables are read differently in public practice: their
    laag and hoog differ (not a spread in name only)."""
    for functie in ("pedagogisch_medewerker", "jeugd_en_gezinsprofessional", "gedragswetenschapper", "gz_psycholoog"):
        (w,) = PARAMS.parameter("functies", f"{functie}.trede").waarden
        laag, hoog = w.heeft("laag"), w.heeft("hoog")
        assert laag is not None
        assert hoog is not None
        assert len({laag.waarde, w.waarde, hoog.waarde}) == 3
    for schaal in (7, 8, 9, 10, 11, 12):
        for w in PARAMS.parameter("cao-jeugdzorg", f"salaris.schaal_{schaal}").waarden:
            laag, hoog = w.heeft("laag"), w.heeft("hoog")
            assert laag is not None
            assert hoog is not None
            assert isinstance(w.waarde, tuple)
            assert laag.waarde[-1] < w.waarde[-1] < hoog.waarde[-1]  # type: ignore[index]
            assert laag.waarde[0] == w.waarde[0] == hoog.waarde[0]  # type: ignore[index]  # the span, not the start
