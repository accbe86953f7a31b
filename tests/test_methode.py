"""docs/methode.md, the method in the project: its anchors exist, it names the real functions,
its worked example is what the package computes, and it lists every assumption.

The explanation (``tarieven uitleg``) refers to the document's sections through one mapping
(:data:`tarieven.regeldefinitie.KOPPEN`); these tests fail when a referenced section is
missing, when the document names a function that does not exist or leaves out one that
computes a line, or when a bundled assumption has no row in the document.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from pathlib import Path

import pytest

import tarieven
from tarieven.catalogus import producten
from tarieven.model import ALLE_STRUCTUREN, regeldefinities
from tarieven.parameterbestanden import standaard_parameters
from tarieven.regeldefinitie import ELEMENTEN, KOPPEN, METHODE, STAPPEN, anker, verwijzing
from tarieven.velden import veld

ROOT = Path(__file__).parents[1]
DOC = ROOT / METHODE
TEKST = DOC.read_text(encoding="utf-8")
KOPREGELS = re.findall(r"^#{1,6} (.+?)\s*$", TEKST, flags=re.MULTILINE)
ANKERS = {anker(k) for k in KOPREGELS}
VOORBEELD = ROOT / "voorbeelden" / "dagbesteding-licht.toml"
VERWIJZING = re.compile(r"methode\.md#([A-Za-z0-9_-]+)")


def _sectie(kop: str) -> str:
    """The text under one heading, up to the next heading of the same or a higher level."""
    m = re.search(rf"^(#+) {re.escape(kop)}\s*$", TEKST, flags=re.MULTILINE)
    assert m, kop
    niveau = len(m.group(1))
    rest = TEKST[m.end() :]
    einde = re.search(rf"^#{{1,{niveau}}} ", rest, flags=re.MULTILINE)
    return rest[: einde.start()] if einde else rest


def test_anker_zoals_github_het_maakt() -> None:
    assert anker("Stap 8: Vervoer, categorie en bedrag per dag") == "stap-8-vervoer-categorie-en-bedrag-per-dag"
    assert anker("Bekostiging: capaciteit naast P × Q") == "bekostiging-capaciteit-naast-p--q"


@pytest.mark.parametrize("sleutel", list(KOPPEN))
def test_elke_kop_uit_de_mapping_staat_in_het_document(sleutel: str) -> None:
    assert KOPPEN[sleutel] in KOPREGELS, f"'## {KOPPEN[sleutel]}' ontbreekt in {METHODE}"
    assert verwijzing(sleutel).split("#", 1)[1] in ANKERS


def test_elke_stap_van_de_opbouw_heeft_een_kop() -> None:
    """Every step a line can belong to has a section; the titles the explanation prints are the headings."""
    stappen = {d.stap for s in ALLE_STRUCTUREN for d in regeldefinities(s)}
    assert stappen <= set(STAPPEN)
    for stap in STAPPEN:
        assert f"Stap {stap}: {STAPPEN[stap]}" in KOPREGELS


def test_interne_links_bestaan() -> None:
    for doel in re.findall(r"\]\(#([^)]+)\)", TEKST):
        assert doel in ANKERS, f"link naar #{doel} in {METHODE} wijst nergens heen"


def _tekstbestanden() -> list[Path]:
    paden = [ROOT / "README.md", *ROOT.glob("docs/**/*.md"), *ROOT.glob("params/**/*.toml"), *ROOT.glob("params/*.md")]
    paden += [*ROOT.glob("tarieven/**/*.py"), *ROOT.glob("notebooks/*.py"), *ROOT.glob("voorbeelden/*")]
    return [p for p in paden if p.is_file()]


def test_elke_verwijzing_naar_de_methode_bestaat() -> None:
    """Every ``methode.md#anker`` anywhere a user reads it points to a heading that exists."""
    gevonden = 0
    for pad in _tekstbestanden():
        for doel in VERWIJZING.findall(pad.read_text(encoding="utf-8")):
            gevonden += 1
            assert doel in ANKERS, f"{pad.relative_to(ROOT)} verwijst naar {METHODE}#{doel}, dat niet bestaat"
    assert gevonden  # the README and the package do refer to sections


@pytest.mark.parametrize("code", [c for c in producten() if c != "42A03"])
def test_uitleg_verwijst_per_blok_naar_een_bestaande_sectie(code: str) -> None:
    tekst = tarieven.bereken(code, dt.date(2027, 1, 1)).uitleg()
    koppen = [r for r in tekst.splitlines() if re.match(r"^\d\. ", r)]
    assert koppen
    for kop in koppen:
        stap = kop[0]
        assert kop == f"{stap}. {STAPPEN[stap]} (zie {verwijzing(stap)})"
    doelen = VERWIJZING.findall(tekst)
    assert anker(KOPPEN["aannames"]) in doelen  # the list of assumptions names its section
    assert set(doelen) <= ANKERS


def test_uitleg_van_vervoer_verwijst_naar_stap_8() -> None:
    tekst = tarieven.bereken("42A03", met={"product.afstand_km": 7.5, "product.vorm": "groep"}).uitleg()
    assert f"8. {STAPPEN['8']} (zie {verwijzing('8')})" in tekst


# -- the functions the document names -------------------------------------------------------


def test_elke_genoemde_functie_bestaat() -> None:
    namen = set(re.findall(r"`(tarieven(?:\.[a-z_]+)+)`", TEKST))
    assert len(namen) > 30
    for naam in sorted(namen):
        module, _, attr = naam.rpartition(".")
        try:
            obj = getattr(importlib.import_module(module), attr)
        except ModuleNotFoundError:  # a module named on its own, or a method of a class
            modnaam, _, klasse = module.rpartition(".")
            obj = getattr(getattr(importlib.import_module(modnaam), klasse), attr)
        assert callable(obj) or isinstance(obj, type), naam


def test_elke_functie_achter_een_regel_staat_in_het_document() -> None:
    """Each core function that computes a line is named where its step is described."""
    for s in ALLE_STRUCTUREN:
        for d in regeldefinities(s):
            naam = f"{d.functie.__module__}.{d.functie.__name__}"
            sectie = _sectie(KOPPEN[d.stap])
            assert f"`{naam}`" in sectie, f"{naam} (regel {d.naam}) ontbreekt bij {KOPPEN[d.stap]}"


def test_indexatiefuncties_staan_in_stap_7() -> None:
    from tarieven import indexatie, indexcijfers

    sectie = _sectie(KOPPEN["7"])
    for module in (indexatie, indexcijfers):
        for naam in ("indexcijfer", "nacalculatie", "indexatie", "indexatie_vng", "indexeer", "indexeer_jaren"):
            if naam in module.__all__:
                assert f"`{module.__name__}.{naam}`" in sectie


def test_tabel_van_kostprijselementen_volgt_de_regels() -> None:
    """The method's table of cost elements and the element each line names say the same: every
    element has a row, and every line a row lists carries that row's element."""
    regels: dict[str, set[str]] = {}
    for s in ALLE_STRUCTUREN:
        for d in regeldefinities(s):
            regels.setdefault(d.naam.removesuffix(".f"), set()).update(d.elementen)
    rijen = re.findall(r"^\| ([^|]+?) \| [^|]+ \| ([^|]+) \|$", _sectie("Wettelijk kader"), flags=re.MULTILINE)
    gezien = set()
    for element, namen in rijen:
        sleutel = next((k for k, e in ELEMENTEN.items() if element.startswith(e.omschrijving + " (")), None)
        if sleutel is None:
            assert element.startswith(("kostprijselement", "indexering", "---")), element  # header; step 7
            continue
        gezien.add(sleutel)
        genoemd = [n for n in re.findall(r"`([a-z_.]+)`", namen) if n in regels]
        assert genoemd, element
        for naam in genoemd:
            assert sleutel in regels[naam], f"{naam} staat bij '{element}' maar noemt {sorted(regels[naam])}"
    assert gezien == set(ELEMENTEN) - {"risico"}
    assert "risico-opslag (stap 4) staat in geen van beide lijsten" in _sectie("Wettelijk kader")


# -- the worked example ---------------------------------------------------------------------


def test_rekenvoorbeeld_is_wat_het_pakket_berekent() -> None:
    rijen = re.findall(r"^\| (\d) \| `([^`]+)` \| ([^|]+?) \|$", _sectie("Rekenvoorbeeld"), flags=re.MULTILINE)
    assert len(rijen) >= 10
    u = tarieven.bereken(VOORBEELD)
    for stap, naam, waarde in rijen:
        r = u.regel(naam)
        assert r.definitie.stap == stap, naam
        assert r.toon() == waarde, (naam, r.toon(), waarde)


# -- every assumption has a row --------------------------------------------------------------

ONZEKER = ("afgeleid", "indicatief", "aanname")


def test_elke_onzekere_parameter_staat_bij_de_aannames() -> None:
    params = standaard_parameters()
    tabel = _sectie("Parameters")
    ontbreekt = [
        f"{b.naam}: {par.naam}"
        for b in params.bestanden.values()
        for par in b.parameters.values()
        if any(w.status in ONZEKER for w in par.waarden) and f"`{par.naam}`" not in tabel
    ]
    assert not ontbreekt, f"zonder rij in {METHODE}#{anker('Parameters')}: {ontbreekt}"


def test_elk_onzeker_productveld_staat_bij_de_producten() -> None:
    params = standaard_parameters()
    tabel = _sectie("Producten")
    ontbreekt = sorted(
        {
            veld(par.naam).sleutel.removeprefix("product.")
            for b in params.producten.values()
            for par in b.parameters.values()
            if any(w.status in ONZEKER for w in par.waarden)
        }
        - set(re.findall(r"`([^`]+)`", tabel))
    )
    assert not ontbreekt, f"zonder rij in {METHODE}#{anker('Producten')}: {ontbreekt}"


def test_readme_linkt_de_methode() -> None:
    assert "(docs/methode.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
