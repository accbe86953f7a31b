"""Issue 18, classes 2 and 4: one submission never stops a cost study, and none chooses where it lands.

Each test builds its submissions here, beside ordinary ones: a missing optional field, a
broken file, a product code that contradicts the basis, a code given twice, a code equal to
one that would be assigned, a symbolic link to a secret, a file name that names the provider.
The study goes on; the bad one is listed under ``weggelaten`` by its code or number.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tarieven.cli import main
from tarieven.normering import normeer
from tarieven.synthetisch import schrijf_inzendingen, synthetische_inzendingen

from ..robuustheid._hulp import opdracht
from ._hulp import inzending

PEIL = "2027-01-01"


@pytest.fixture
def map_(tmp_path: Path) -> Path:
    """Four ordinary submissions of 41A22, each with a volume."""
    m = tmp_path / "inzendingen"
    m.mkdir()
    schrijf_inzendingen(m, synthetische_inzendingen(4, producten=["41A22"], seed=5))
    return m


def _alles(n: object, tmp_path: Path) -> str:
    """Every report of a study as text: the text, JSON, CSV and the workbook's cells."""
    from tarieven.normeringsverslag import schrijf_normeringsverslag

    pad = schrijf_normeringsverslag(n, tmp_path / "verslag.xlsx")  # type: ignore[arg-type]
    wb = openpyxl.load_workbook(pad)
    cellen = [str(c) for ws in wb.worksheets for rij in ws.iter_rows(values_only=True) for c in rij if c is not None]
    return "\n".join([n.tekst(), json.dumps(n.naar_dict()), n.tabel().to_csv(), *cellen])  # type: ignore[attr-defined]


def test_zonder_volume_telt_mee(map_: Path) -> None:
    """Beside four with a volume, one without: counted, and the weighted median says over how many."""
    inzending(map_, "zonder.toml", 'basis = "41A22"\n[aanbieder]\ncode = "Z1"\n[product]\ngroepsgrootte = 9\n')
    n = normeer(map_, peildatum=PEIL)
    assert not n.fouten
    k = n.producten["41A22"].kengetallen()
    assert k["n"] == 5
    assert k["gewogen_over"] == 4
    met_volume = normeer(sorted(p for p in map_.iterdir() if p.name != "zonder.toml"), peildatum=PEIL)
    assert k["gewogen_mediaan"] == met_volume.producten["41A22"].kengetallen()["gewogen_mediaan"]
    assert "(over de 4 met volume)" in n.tekst()


@pytest.mark.parametrize(
    ("naam", "tekst", "melding"),
    [
        ("kapot.toml", 'basis = "41A22"\n[aanbieder\n', "geldige TOML"),
        ("leeg.json", "", "geldige JSON"),
        ("nan.json", '{"basis": "41A22", "product": {"bezettingsgraad": NaN}}', "NaN is geen eindig getal"),
        ("waar.toml", 'basis = "41A22"\n[product]\ngroepsgrootte = true\n', "product.groepsgrootte = True"),
        ("geen-basis.toml", "[aanbieder]\ncode = 'Q1'\n[product]\ngroepsgrootte = 8\n", "basis ontbreekt"),
        ("volume.toml", 'basis = "41A22"\n[aanbieder]\nvolume = "veel"\n', "aanbieder.volume = 'veel'"),
    ],
)
def test_kapotte_inzending_tussen_goede(map_: Path, naam: str, tekst: str, melding: str) -> None:
    inzending(map_, naam, tekst)
    n = normeer(map_, peildatum=PEIL)
    assert n.producten["41A22"].kengetallen()["n"] == 4
    [weg] = n.fouten
    assert melding in str(weg.fout)
    assert naam not in str(weg.fout)  # its file's name stays out of the report


def test_geen_traceback_wat_een_bestand_ook_is(map_: Path, tmp_path: Path) -> None:
    """A folder named like a submission, a binary file, a zip that is no workbook, a truncated
    workbook: each listed, the study goes on."""
    (map_ / "map.toml").mkdir()
    (map_ / "binair.json").write_bytes(b"\x00\x01\x02" * 100)
    (map_ / "geen.xlsx").write_bytes(b"PK\x03\x04 dit is geen werkmap")
    import tarieven

    sjabloon = tarieven.schrijf_sjabloon("41A22", tmp_path / "s.xlsx", PEIL)
    inhoud = sjabloon.read_bytes()
    (map_ / "afgekapt.xlsx").write_bytes(inhoud[: len(inhoud) // 2])
    n = normeer(map_, peildatum=PEIL)
    assert n.producten["41A22"].kengetallen()["n"] == 4
    assert len(n.fouten) == 4
    assert all(i.code.startswith("#") for i in n.fouten)


def test_productcode_kiest_de_band_niet(map_: Path) -> None:
    """basis = 41A22 with product.code = 41A24 would have filed a 41A22 calculation in the 41A24 band."""
    inzending(map_, "x.toml", 'basis = "41A22"\n[aanbieder]\ncode = "X9"\n[product]\ncode = "41A24"\n')
    n = normeer(map_, peildatum=PEIL)
    assert set(n.producten) == {"41A22"}
    [weg] = n.fouten
    assert weg.code == "X9"
    assert "product.code = '41A24': verwacht de code van de basis (41A22)" in str(weg.fout)


def test_dubbele_code(map_: Path) -> None:
    for i in (1, 2):
        inzending(
            map_, f"d{i}.toml", f'basis = "41A22"\n[aanbieder]\ncode = "D17"\n[product]\ngroepsgrootte = {7 + i}\n'
        )
    inzending(map_, "d3.toml", 'basis = "41A24"\n[aanbieder]\ncode = "D17"\n')  # the same provider, another product
    n = normeer(map_, peildatum=PEIL)
    assert n.producten["41A22"].kengetallen()["n"] == 4
    assert n.producten["41A24"].codes == ["D17"]
    assert [i.code for i in n.fouten] == ["D17", "D17"]
    for i in n.fouten:
        assert "dubbele code D17 voor 41A22" in str(i.fout)
    assert "dubbele code D17" in n.tekst()


def test_toegekende_code_botst_nooit_met_een_gegeven_code(map_: Path) -> None:
    inzending(map_, "a.toml", 'basis = "41A22"\n[aanbieder]\ncode = "A001"\n')
    inzending(map_, "b.toml", 'basis = "41A22"\n[aanbieder]\nnaam = "Zorg Oost"\n')
    n = normeer(map_, peildatum=PEIL)
    assert not n.fouten
    assert n.sleutel == {"A002": "Zorg Oost"}
    assert sorted(n.producten["41A22"].codes).count("A001") == 1


@pytest.mark.parametrize("code", ["=1+1", "A 1", "a" * 41, "-5", "\x1b[2J", ""])
def test_code_die_geen_code_is(map_: Path, code: str) -> None:
    inzending(map_, "c.toml", f'basis = "41A22"\n[aanbieder]\ncode = {json.dumps(code)}\n')
    n = normeer(map_, peildatum=PEIL)
    [weg] = n.fouten
    assert weg.code.startswith("#")
    assert "aanbieder.code" in str(weg.fout)
    assert "\x1b" not in n.tekst()


def test_koppeling_in_de_map_wordt_niet_gevolgd(map_: Path, tmp_path: Path) -> None:
    geheim = tmp_path / "geheim.toml"
    geheim.write_text('[aanbieder]\ncode = "TOKEN-8f3a"\nwachtwoord = "hunter2"\n', encoding="utf-8")
    (map_ / "x.toml").symlink_to(geheim)
    n = normeer(map_, peildatum=PEIL)
    [weg] = n.fouten
    assert "symbolische koppeling" in str(weg.fout)
    alles = _alles(n, tmp_path)
    assert "hunter2" not in alles
    assert "TOKEN-8f3a" not in alles


def test_verslagen_noemen_geen_bestand_of_naam(map_: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inzending(map_, "Zorggroep Duinrand.toml", 'basis = "41A22"\n[product]\ngroepsgrootte = -4\n')
    inzending(map_, "Stichting Veen.toml", 'basis = "41A22"\n[aanbieder]\nnaam = "Stichting Veen"\n')
    n = normeer(map_, peildatum=PEIL)
    alles = _alles(n, tmp_path)
    for naam in ("Duinrand", "Veen"):
        assert naam not in alles
    sleutel = tmp_path / "sleutel.csv"
    code, uit, err = opdracht(capsys, "normeer", str(map_), "--peildatum", PEIL, "--sleutel", str(sleutel))
    assert code == 0
    assert "Duinrand" not in uit
    assert "Zorggroep Duinrand.toml" in err  # stderr names the file for the analyst
    rijen = sleutel.read_text(encoding="utf-8").splitlines()
    assert rijen[0] == "code,nummer,product,aanbieder,bestand,telt_mee"
    assert any("Stichting Veen" in r and r.startswith("A001,") for r in rijen)
    assert any("Zorggroep Duinrand.toml" in r and r.startswith("#") and r.endswith(",nee") for r in rijen)


@pytest.mark.parametrize("soort", ["leeg", "ontbreekt", "alleen-andere-bestanden"])
def test_lege_of_ontbrekende_map(tmp_path: Path, capsys: pytest.CaptureFixture[str], soort: str) -> None:
    m = tmp_path / "inzendingen"
    if soort != "ontbreekt":
        m.mkdir()
    if soort == "alleen-andere-bestanden":
        (m / "lees-mij.txt").write_text("geen inzending", encoding="utf-8")
    code, uit, err = opdracht(capsys, "normeer", str(m))
    assert code == 2
    assert uit == ""
    assert f"MAP = '{m}': verwacht een" in err
    assert "Traceback" not in err


def test_csv_nl(map_: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["normeer", str(map_), "--peildatum", PEIL, "--formaat", "csv-nl"]) == 0
    tekst = capsysbinary.readouterr().out.decode("utf-8")
    assert tekst.startswith("\ufeffcode;product;tarief;tarief_op_basis\r\n")
    assert len(tekst.splitlines()) == 5
    assert "Normering op peildatum" not in tekst


def test_werkmap_met_dtd_in_elke_installatie(map_: Path, tmp_path: Path) -> None:
    """openpyxl refuses a DTD only with defusedxml, which is now a dependency; a workbook whose
    parts declare an entity is listed, not read."""
    import tarieven

    bron = tarieven.schrijf_sjabloon("41A22", tmp_path / "s.xlsx", PEIL)
    doel = map_ / "dtd.xlsx"
    with zipfile.ZipFile(bron) as zin, zipfile.ZipFile(doel, "w") as zuit:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/workbook.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', 1)
            zuit.writestr(info, data)
    n = normeer(map_, peildatum=PEIL)
    assert n.producten["41A22"].kengetallen()["n"] == 4
    [weg] = n.fouten
    assert "DTD" in str(weg.fout) or "DOCTYPE" in str(weg.fout)
