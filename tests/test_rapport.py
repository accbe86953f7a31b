"""The report for the negotiating table (tarieven rapport, Uitkomst.rapport, normeer --rapport).

Every figure is checked against another way to the same number: the tariff, its band and its
other units against ``tarieven bereken --formaat json`` (at each assumption set), the inputs,
their statuses and every source address against that JSON's ``invoer``, the parts of a bridge
against ``tarieven vergelijk --formaat json``, the figures of a cost study against ``tarieven
normeer --formaat json``. The PDF is read back by pypdf (page count, text that can be selected),
the HTML by the standard library's parser (what a reader sees, and what a browser would load).
"""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

import tarieven
from tarieven.cli import main

PEIL = "2025-06-01"
EPOCH = "1767225600"  # 2026-01-01 00:00:00 UTC
KWAADAARDIG = "Aanbieder <script>alert(1)</script> & <b>vet</b> --> test"
AANBIEDER = f"""\
beschrijving = {json.dumps(KWAADAARDIG)}
basis = "41A22"
peildatum = {PEIL}

[aanbieder]
code = "A017"

[product]
groepsgrootte = 8
bezettingsgraad = 0.80

[functies.mbo]
maandsalaris = 3400

[opslagen]
overhead = 0.15
"""


class _Pagina(HTMLParser):
    """What a reader sees (text; each table as rows of cell texts, tables inside tables apart) and every
    tag with its attributes."""

    _BLOK = frozenset({"div", "p", "h1", "h2", "h3", "tr", "td", "th", "li", "br", "section", "figure", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tekst: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.tabellen: list[list[list[str]]] = []
        self._open: list[tuple[list[list[str]], list[str] | None, list[str] | None]] = []  # table, row, cell
        self._stijl = False
        self.stijl = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self._BLOK:  # a block starts on a line of its own for a reader
            self.tekst.append(" ")
        if tag == "table":
            self._open.append(([], None, None))
        elif tag == "tr" and self._open:
            self._open[-1] = (self._open[-1][0], [], None)
        elif tag in ("td", "th") and self._open:
            self._open[-1] = (self._open[-1][0], self._open[-1][1], [])
        elif tag == "style":
            self._stijl = True

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOK:
            self.tekst.append(" ")
        if tag == "table" and self._open:
            self.tabellen.append(self._open.pop()[0])
        elif tag in ("td", "th") and self._open and self._open[-1][2] is not None:
            tabel, rij, cel = self._open[-1]
            if rij is not None and cel is not None:
                rij.append(" ".join("".join(cel).split()))
            self._open[-1] = (tabel, rij, None)
        elif tag == "tr" and self._open and self._open[-1][1] is not None:
            tabel, rij, _ = self._open[-1]
            tabel.append(rij or [])
            self._open[-1] = (tabel, None, None)
        elif tag == "style":
            self._stijl = False

    def handle_data(self, data: str) -> None:
        if self._stijl:
            self.stijl += data
            return
        self.tekst.append(data)
        for _, _, cel in self._open:
            if cel is not None:
                cel.append(data)

    @property
    def zichtbaar(self) -> str:
        return " ".join("".join(self.tekst).split())


def _weasyprint() -> str | None:
    """None when WeasyPrint can print (it finds Pango), else why not."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as fout:
        return f"WeasyPrint kan geen PDF maken ({fout}); Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0"
    return None


PDF_NIET = _weasyprint()


def _vereis_pdf() -> None:
    """Skip a PDF check where Pango is missing (a developer's machine); in CI (CI=true) that is a failure:
    .ci/run installs it."""
    if PDF_NIET is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(PDF_NIET)
        pytest.skip(PDF_NIET)


def _lees(html: str) -> _Pagina:
    p = _Pagina()
    p.feed(html)
    return p


def _json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def _euro(bedrag: str) -> str:
    """A JSON amount of whole cents ("1234.5" style, a decimal point) the Dutch way: € 1.234,50."""
    d = Decimal(bedrag)
    heel, _, centen = f"{abs(d):.2f}".partition(".")
    groepen = f"{int(heel):,}".replace(",", ".")
    return f"€ {'-' if d < 0 else ''}{groepen},{centen}"


def _urls(invoer: dict[str, Any]) -> set[str]:
    return {u for v in invoer.values() for u in re.findall(r"https?://[^\s)]+", v.get("bron") or "")}


@pytest.fixture(scope="module")
def map_(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("rapport")


@pytest.fixture(scope="module")
def rapporten(map_: Path) -> dict[str, Path]:
    """41A22 (HTML and PDF) and a provider's scenario on it (HTML and PDF), each written once."""
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
    scenario = map_ / "aanbieder.toml"
    scenario.write_text(AANBIEDER, encoding="utf-8")
    uit = {}
    try:
        for naam, bron in (("product", "41A22"), ("aanbieder", str(scenario))):
            for ext in ("html", "pdf") if PDF_NIET is None else ("html",):
                pad = map_ / f"{naam}.{ext}"
                assert main(["rapport", bron, "--peildatum", PEIL, "-o", str(pad)]) == 0
                uit[f"{naam}.{ext}"] = pad
    finally:
        mp.undo()
    uit["scenario"] = scenario
    return uit


def _pdf_tekst(pad: Path) -> str:
    _vereis_pdf()
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(pad).pages).split())


def test_tarief_band_en_eenheden_gelijk_aan_bereken(
    rapporten: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """The tariff, the band ends and the tariff in other units are bereken's, to the cent, in HTML and PDF."""
    centraal = _json(["bereken", "41A22", "--peildatum", PEIL, "--formaat", "json"], capsys)
    laag, hoog = (
        _json(["bereken", "41A22", "--peildatum", PEIL, "--aannames", a, "--formaat", "json"], capsys)
        for a in ("laag", "hoog")
    )
    pagina = _lees(rapporten["product.html"].read_text(encoding="utf-8"))
    tarief = _euro(centraal["tarief_per_client"])
    assert f"Tarief per cliënt per dagdeel {tarief}" in pagina.zichtbaar
    band = f"band {_euro(laag['tarief_per_client'])} – {_euro(hoog['tarief_per_client'])}"
    assert band in pagina.zichtbaar
    eenheden = next(t for t in pagina.tabellen if t[0] == ["in andere eenheden", "tarief"])
    verwacht = {
        f"per {n.removeprefix('tarief_per_')}": _euro(centraal[n])
        for n in ("tarief_per_uur", "tarief_per_week", "tarief_per_jaar")
    }
    assert {r[0]: r[1] for r in eenheden[1:]}.items() >= verwacht.items()
    opbouw = next(t for t in pagina.tabellen if t[0][0].startswith("opbouw per cliënt"))
    assert [r[1] for r in opbouw[1:-1]] == [_euro(v) for v in centraal["opbouw"].values()]
    assert opbouw[-1][1] == tarief
    pdf = _pdf_tekst(rapporten["product.pdf"])
    assert tarief in pdf
    assert band in pdf


def _status(v: dict[str, Any]) -> str:
    status = "geprojecteerd" if v.get("geprojecteerd") else v["status"]
    return status + (f" ({v['lezing']})" if v.get("lezing") else "")


def test_elke_invoer_met_status_en_elk_bronadres(
    rapporten: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Every input of bereken's JSON has its row with its value and status; every source address appears."""
    from tarieven.weergave import invoer as toon

    uitkomst = _json(["bereken", "41A22", "--peildatum", PEIL, "--formaat", "json"], capsys)
    pagina = _lees(rapporten["product.html"].read_text(encoding="utf-8"))
    matrix = next(t for t in pagina.tabellen if t[0][0] == "veld")
    functies = matrix[0][1:-2]
    per_veld = {r[0]: dict(zip(functies, r[1:-2], strict=True)) | {"status": r[-2]} for r in matrix[1:]}
    paren = next(t for t in pagina.tabellen if t[0][:4] == ["invoer", "waarde", "status (lezing)", "bron"])
    anders = {r[i]: (r[i + 1], r[i + 2]) for r in paren[1:] for i in (0, 4) if r[i]}
    gecontroleerd = 0
    for sleutel, v in uitkomst["invoer"].items():
        verwacht = toon(v["waarde"], v["eenheid"]) if "eenheid" in v else str(v["waarde"])
        if "status" not in v:  # a name or a choice: in the paragraph of names and choices
            assert f"{sleutel} = {verwacht}" in pagina.zichtbaar, sleutel
            continue
        delen = sleutel.split(".")
        if delen[0] == "functies" and len(delen) == 3 and delen[1] in functies:
            assert per_veld[delen[2]][delen[1]] == verwacht, sleutel
            assert per_veld[delen[2]]["status"] == _status(v), sleutel
        else:
            assert anders[sleutel] == (verwacht, _status(v)), sleutel
        gecontroleerd += 1
    assert gecontroleerd >= 60
    adressen = _urls(uitkomst["invoer"])
    assert len(adressen) >= 10
    for adres in adressen:
        assert adres in pagina.zichtbaar, adres
    pdf = _pdf_tekst(rapporten["product.pdf"]).replace(" ", "")
    for adres in adressen:
        assert adres in pdf, adres


def test_beschrijving_met_opmaak_komt_er_als_tekst_uit(rapporten: dict[str, Path]) -> None:
    """A description holding <script> and <b> is shown as written, and is no markup."""
    html = rapporten["aanbieder.html"].read_text(encoding="utf-8")
    pagina = _lees(html)
    assert KWAADAARDIG in pagina.zichtbaar
    assert "script" not in {t for t, _ in pagina.tags}
    kop = re.search(r"<h1>(.*?)</h1>", html)
    assert kop is not None
    assert "<" not in kop.group(1)  # the description is text in the heading, not markup inside it
    assert unescape(kop.group(1)) == f"Tariefberekening: {KWAADAARDIG}"
    assert "<script" not in html.lower()
    assert KWAADAARDIG in _pdf_tekst(rapporten["aanbieder.pdf"])


def test_delen_van_de_brug_in_euro(rapporten: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """For a provider's scenario, every part of the bridge (vergelijk's, in cents) stands in its table."""
    v = _json(["vergelijk", str(rapporten["scenario"]), "--formaat", "json"], capsys)
    pagina = _lees(rapporten["aanbieder.html"].read_text(encoding="utf-8"))
    delen = next(t for t in pagina.tabellen if t[0][:2] == ["groep invoer", "deel"])
    getoond = {r[0]: r[1] for r in delen[1:]}
    assert len(v["decompositie"]) >= 3
    for d in v["decompositie"]:
        assert getoond[d["label"]] == _euro(d["bedrag"])
    assert getoond["totaal (eigen − basis)"] == _euro(v["verschil"])
    assert "Vergelijking met 41A22" in _pdf_tekst(rapporten["aanbieder.pdf"])


def test_paginas_en_selecteerbare_tekst(rapporten: dict[str, Path]) -> None:
    """A product, and a provider's scenario with its comparison, each on at most 3 pages of A4; text can be read."""
    _vereis_pdf()
    product = PdfReader(rapporten["product.pdf"])
    assert 2 <= len(product.pages) <= 3
    assert len(PdfReader(rapporten["aanbieder.pdf"]).pages) <= 3
    breedte, hoogte = (float(x) for x in product.pages[0].mediabox.upper_right)
    assert (round(breedte / 72 * 25.4), round(hoogte / 72 * 25.4)) == (210, 297)
    assert "Opbouw regel voor regel" in _pdf_tekst(rapporten["product.pdf"])


@pytest.mark.parametrize(
    ("bron", "extra"), [("GGZ-groep", []), ("41A24", []), ("42A03", ["--afstand", "12", "--vorm", "groep"])]
)
def test_andere_producten_op_hoogstens_drie_paginas(bron: str, extra: list[str], map_: Path) -> None:
    _vereis_pdf()
    pad = map_ / f"{bron}.pdf"
    assert main(["rapport", bron, "--peildatum", PEIL, *extra, "-o", str(pad)]) == 0
    assert len(PdfReader(pad).pages) <= 3


def test_html_verwijst_naar_niets_buiten_zichzelf(
    rapporten: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """No script, no stylesheet, image, frame or font from elsewhere; the only links are the sources' addresses."""
    uitkomst = _json(["bereken", "41A22", "--peildatum", PEIL, "--formaat", "json"], capsys)
    for naam in ("product.html", "aanbieder.html"):
        html = rapporten[naam].read_text(encoding="utf-8")
        pagina = _lees(html)
        tags = {t for t, _ in pagina.tags}
        assert not tags & {
            "script",
            "link",
            "iframe",
            "frame",
            "object",
            "embed",
            "img",
            "image",
            "base",
            "audio",
            "video",
            "source",
            "form",
            "foreignobject",
        }
        for tag, attrs in pagina.tags:
            for attr, waarde in attrs.items():
                assert attr not in ("src", "srcset", "data", "action", "poster", "background"), (tag, attr)
                assert not attr.startswith("on"), (tag, attr)
                if attr in ("href", "xlink:href"):
                    assert waarde is not None
                    assert waarde.startswith("#") or (tag == "a" and waarde in _urls(uitkomst["invoer"])), waarde
                if attr == "style" or tag == "style":
                    assert "url(" not in (waarde or "")
        assert "@import" not in pagina.stijl
        assert not re.search(r"url\((?!#)", html), "url() to anything but an id in this page"
        assert "<svg" in html  # the plots are in the page itself


def test_zelfde_invoer_zelfde_bytes(map_: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With SOURCE_DATE_EPOCH the report says that date and is byte for byte the same when made again."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    u = tarieven.bereken("41A24", peildatum=PEIL)
    a, b = u.rapport(map_ / "een.html"), u.rapport(map_ / "twee.html")
    assert a.read_bytes() == b.read_bytes()
    assert "Gemaakt 1 januari 2026, 00:00 UTC" in _lees((map_ / "een.html").read_text(encoding="utf-8")).zichtbaar
    _vereis_pdf()
    a, b = u.rapport(map_ / "een.pdf"), u.rapport(map_ / "twee.pdf")
    assert a.read_bytes() == b.read_bytes()
    gemaakt = PdfReader(map_ / "een.pdf").metadata
    assert gemaakt is not None
    assert gemaakt.creation_date is not None
    assert gemaakt.creation_date.isoformat().startswith("2026-01-01T00:00:00")


def test_uitkomst_rapport_in_python(map_: Path) -> None:
    u = tarieven.bereken("41A22", peildatum=PEIL, met={"product.groepsgrootte": 8})
    pad = u.rapport(map_ / "python.html")
    assert pad == map_ / "python.html"
    pagina = _lees(pad.read_text(encoding="utf-8"))
    assert "Vergelijking met 41A22" in pagina.zichtbaar  # a value of its own: compared with the product
    assert "opgegeven" in pagina.zichtbaar


@pytest.mark.parametrize(
    ("argv", "melding"),
    [
        (["-o", "{map}/rapport.docx"], "een bestandsnaam op .html of .pdf"),
        (["-o", "{map}/bestaat-niet/rapport.html"], "een bestand in een bestaande map"),
        (["-o", "{map}/al-er.html"], "dit bestaat al (geef --overschrijf)"),
        (["-o", "{map}"], ".html of .pdf"),
    ],
)
def test_foute_uitvoer_exit_2(
    argv: list[str], melding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "al-er.html").write_text("van iemand anders", encoding="utf-8")
    code = main(["rapport", "41A22", *(a.format(map=tmp_path) for a in argv)])
    assert code == 2
    assert melding in capsys.readouterr().err
    assert (tmp_path / "al-er.html").read_text(encoding="utf-8") == "van iemand anders"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["al-er.html"]  # nothing half-written left behind


def test_overschrijf_vervangt(tmp_path: Path) -> None:
    pad = tmp_path / "r.html"
    pad.write_text("oud", encoding="utf-8")
    assert main(["rapport", "41A22", "-o", str(pad), "--overschrijf"]) == 0
    assert pad.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_slechte_bron_datum_en_vervoer_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rapport", "42A03", "-o", str(tmp_path / "v.html")]) == 2
    assert "--afstand KM en --vorm" in capsys.readouterr().err
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gisteren")
    assert main(["rapport", "41A22", "-o", str(tmp_path / "r.html")]) == 2
    assert "SOURCE_DATE_EPOCH" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_normeer_rapport(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Per product n, quartiles, median and band as normeer's JSON has them; a left-out submission by code only."""
    inzendingen = Path(__file__).parents[1] / "voorbeelden" / "normering" / "inzendingen"
    normen = inzendingen.parent / "normen.toml"
    map_ = tmp_path / "in"
    map_.mkdir()
    for p in inzendingen.iterdir():
        (map_ / p.name).write_bytes(p.read_bytes())
    (map_ / "Zorgboerderij De Vrolijke Haan.toml").write_text(
        'basis = "41A22"\n[aanbieder]\ncode = "X999"\n[product]\ngroepsgrootte = -3\n', encoding="utf-8"
    )
    args = ["normeer", str(map_), "--normen", str(normen), "--peildatum", "2027-01-01"]
    verwacht = _json([*args, "--formaat", "json"], capsys)
    assert main([*args, "--rapport", str(tmp_path / "verslag.html")]) == 0
    pagina = _lees((tmp_path / "verslag.html").read_text(encoding="utf-8"))
    kengetallen = next(t for t in pagina.tabellen if t[0][:2] == ["reeks", "n"])
    product = verwacht["producten"]["41A22"]
    for rij, k in zip(kengetallen[1:], (product, product["op_gemeenschappelijke_basis"]), strict=True):
        assert rij[1] == str(k["n"])
        assert rij[2:5] == [_euro(f"{k[c]:.2f}") for c in ("kwartiel_1", "mediaan", "kwartiel_3")]
        laag, hoog = (_euro(f"{x:.2f}") for x in k["band"])
        assert rij[6] == f"{laag} – {hoog}"
    weg = next(t for t in pagina.tabellen if t[0] == ["code", "reden"])
    assert [r[0] for r in weg[1:]] == ["X999"]
    assert "Vrolijke Haan" not in pagina.zichtbaar
    assert main([*args, "--rapport", str(tmp_path / "verslag.html")]) == 2  # never over an existing file
    assert "dit bestaat al" in capsys.readouterr().err


def test_elke_stap_noemt_haar_sectie_en_kostprijselement(rapporten: dict[str, Path]) -> None:
    """Each step's heading in the build-up names its section of docs/methode.md (an anchor that exists)
    and the cost element that section states."""
    from tarieven.model import STAPPEN
    from tarieven.rapport.methode import sectie

    methode = (Path(__file__).parents[1] / "docs" / "methode.md").read_text(encoding="utf-8")
    pagina = _lees(rapporten["product.html"].read_text(encoding="utf-8"))
    opbouw = next(t for t in pagina.tabellen if t[0][0] == "regel" and t[0][-1] == "formule in woorden")
    koppen = [r[0] for t in pagina.tabellen for r in t if r and r[0].startswith("Stap ")]
    assert {k.split(".")[0] for k in koppen} >= {"Stap 1", "Stap 2", "Stap 3", "Stap 4", "Stap 5"}
    assert opbouw
    for stap in ("1", "2", "3", "4", "5"):
        s = sectie(stap)
        assert f"## {STAPPEN[stap]}" in methode or f": {STAPPEN[stap]}" in methode
        assert s.kostprijselement, stap
        assert s.kostprijselement in " ".join(methode.replace("`", "").replace("**", "").split()), stap
        kop = next(k for k in koppen if k.startswith(f"Stap {stap}."))
        assert s.adres in kop
        assert s.kostprijselement in kop
