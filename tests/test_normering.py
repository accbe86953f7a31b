"""From many providers' submissions to a band per product (tarieven.normering)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tarieven
from tarieven.cli import main
from tarieven.inlezen import lees_scenario
from tarieven.lezen import lees_bestand
from tarieven.normering import _gewogen_mediaan, lees_inzendingen, normeer
from tarieven.synthetisch import LABEL, schrijf_inzendingen, synthetische_inzendingen

PEIL = "2027-01-01"


@pytest.fixture(scope="module")
def map59(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """59 synthetic submissions, as many as the region's market consultation drew."""
    map_ = tmp_path_factory.mktemp("inzendingen")
    schrijf_inzendingen(map_, synthetische_inzendingen(59, seed=7))
    return map_


def test_kengetallen_gelijk_aan_pandas_en_aan_elke_inzending_apart(map59: Path) -> None:
    n = normeer(map59, peildatum=PEIL)
    assert not n.fouten
    tabel = n.tabel()
    assert len(tabel) == 59
    for rij in tabel.itertuples(index=False):  # each submission priced alone through bereken
        assert rij.tarief == pytest.approx(tarieven.bereken(map59 / f"{rij.code}.toml", PEIL).tarief, rel=1e-12)
    for product, pn in n.producten.items():
        k = pn.kengetallen()
        reeks = tabel.loc[tabel["product"] == product, "tarief"]
        q = reeks.quantile([0.25, 0.5, 0.75])
        assert (k["kwartiel_1"], k["mediaan"], k["kwartiel_3"]) == pytest.approx(tuple(q), rel=1e-12)
        assert k["n"] == len(reeks)
        assert k["band"] == pytest.approx([q[0.25], q[0.75]], rel=1e-12)


def test_gewogen_mediaan_met_de_hand() -> None:
    """The smallest value at which the cumulative volume reaches half the total."""
    x = np.array([30.0, 10.0, 20.0])
    assert _gewogen_mediaan(x, np.array([3.0, 1.0, 1.0])) == 30.0  # 1, 2, 5 -> 2.5 reached at 30
    assert _gewogen_mediaan(x, np.array([1.0, 2.0, 1.0])) == 10.0  # 2, 3, 4 -> 2 reached at 10
    assert _gewogen_mediaan(x, np.ones(3)) == 20.0  # 1, 2, 3 -> 1.5 reached at 20


@given(st.lists(st.floats(1, 1000), min_size=1, max_size=30), st.data())
@settings(max_examples=50)
def test_gewogen_mediaan_met_gelijke_gewichten_is_een_waarde_uit_de_reeks(xs: list[float], data: st.DataObject) -> None:
    x = np.array(xs)
    w = np.array(data.draw(st.lists(st.floats(0.1, 100), min_size=len(xs), max_size=len(xs))))
    m = _gewogen_mediaan(x, w)
    assert m in xs
    assert w[x <= m].sum() >= w.sum() / 2 - 1e-9


def _inzending(map_: Path, naam: str, tekst: str) -> None:
    (map_ / naam).write_text(textwrap.dedent(tekst), encoding="utf-8")


def test_foute_inzendingen_worden_gemeld_en_de_rest_telt(tmp_path: Path) -> None:
    schrijf_inzendingen(tmp_path, synthetische_inzendingen(6, producten=["41A22"], seed=1))
    _inzending(tmp_path, "kapot.toml", 'basis = "41A22"\n[aanbieder\ncode = "X1"\n')
    _inzending(tmp_path, "onbekend.toml", 'basis = "99Z99"\n[aanbieder]\ncode = "X3"\n')
    (tmp_path / "negatief.toml").write_text(
        'basis = "41A22"\n[aanbieder]\ncode = "X2"\n[functies.mbo]\nmaandsalaris = -3000\n', encoding="utf-8"
    )
    n = normeer(tmp_path, peildatum=PEIL)
    assert n.producten["41A22"].kengetallen()["n"] == 6
    fouten = {i.code: i.fout for i in n.fouten}
    kapot = 1 + sorted(p.name for p in tmp_path.iterdir()).index("kapot.toml")  # no code could be read: its number
    assert set(fouten) == {f"#{kapot}", "X2", "X3"}
    assert "geldige TOML" in str(fouten[f"#{kapot}"])
    assert "functies.mbo.maandsalaris = -3000" in str(fouten["X2"])
    assert "99Z99" in str(fouten["X3"])
    tekst = n.tekst()
    assert "Weggelaten (3 inzendingen, niet in de cijfers):" in tekst
    assert [w["code"] for w in n.naar_dict()["weggelaten"]] == [f"#{kapot}", "X2", "X3"]
    assert "kapot" not in tekst + json.dumps(n.naar_dict())  # a file's name may name the provider


def test_uitschieter_bij_code(tmp_path: Path) -> None:
    """Five ordinary providers and one with housing eight times the norm: it is the outlier."""
    for i, huis in enumerate([24_000, 25_000, 23_000, 24_500, 23_500, 190_000]):
        _inzending(
            tmp_path,
            f"p{i}.toml",
            f'basis = "41A22"\n[aanbieder]\ncode = "P{i}"\n[product]\nhuisvesting_jaar = {huis}\n',
        )
    k = normeer(tmp_path, peildatum=PEIL).producten["41A22"].kengetallen()
    assert k["uitschieters"] == ["P5"]


def test_gemeenschappelijke_basis_vervangt_en_begrenst(tmp_path: Path, map59: Path) -> None:
    normen = tmp_path / "normen.toml"
    normen.write_text(
        textwrap.dedent(
            """
            [bestand]
            titel = "Normen kostprijsonderzoek (test)"
            geldig_tot = "tot wijziging"
            [product.bezettingsgraad]
            eenheid = "1"
            waarde = 0.85
            vanaf = 2025-01-01
            status = "aanname"
            bron = "Regionale norm (test)"
            toelichting = "gelijke bezetting voor iedereen"
            [opslagen.overhead]
            eenheid = "1"
            waarde = 0.2
            vanaf = 2025-01-01
            status = "aanname"
            bron = "Regionale norm (test)"
            toelichting = "overhead ten hoogste 20 %"
            [toepassing."opslagen.overhead"]
            waarde = "maximum"
            vanaf = 2025-01-01
            status = "aanname"
            bron = "Regionale norm (test)"
            toelichting = "begrenzen, niet vervangen"
            """
        ),
        encoding="utf-8",
    )
    n = normeer(map59, normen=normen, peildatum=PEIL)
    tabel = n.tabel()
    for rij in tabel.head(6).itertuples(index=False):
        data = lees_bestand(map59 / f"{rij.code}.toml")
        overhead = data.get("opslagen", {}).get("overhead")
        met = {"product.bezettingsgraad": 0.85}
        if overhead is not None and overhead > 0.2:
            met["opslagen.overhead"] = 0.2
        verwacht = tarieven.bereken(data, PEIL, met=met).tarief
        assert rij.tarief_op_basis == pytest.approx(verwacht, rel=1e-12)


def test_aanbieders_alleen_met_een_code(tmp_path: Path) -> None:
    """A provider with a name gets a code, the same for each of its products; the name and the
    file's name appear in no report, only in the key."""
    for i, (naam, basis) in enumerate(
        [("Zorg Zuid B.V.", "41A22"), ("Stichting Noord", "41A22"), ("Zorg Zuid B.V.", "41A24")]
    ):
        _inzending(tmp_path, f"Zorg-{i}.toml", f'basis = "{basis}"\n[aanbieder]\nnaam = "{naam}"\n')
    n = normeer(tmp_path, peildatum=PEIL)
    assert n.sleutel == {"A001": "Zorg Zuid B.V.", "A002": "Stichting Noord"}
    uit = n.tekst() + json.dumps(n.naar_dict()) + n.tabel().to_csv()
    assert "Zorg" not in uit
    assert "Stichting Noord" not in uit
    assert sorted(n.tabel()["code"]) == ["A001", "A001", "A002"]
    sleutel = n.sleutelrijen()
    assert [r[0] for r in sleutel[1:]] == ["A001", "A002", "A001"]
    assert [r[3] for r in sleutel[1:]] == ["Zorg Zuid B.V.", "Stichting Noord", "Zorg Zuid B.V."]
    assert [Path(r[4]).name for r in sleutel[1:]] == ["Zorg-0.toml", "Zorg-1.toml", "Zorg-2.toml"]


def test_snelle_weg_geeft_hetzelfde_scenario_als_lees_scenario(map59: Path) -> None:
    """A submission with plain changes is validated on top of the completed product: the same
    numbers as reading it the ordinary way."""
    inzendingen, _ = lees_inzendingen(sorted(map59.glob("*.toml"))[:12], peildatum=PEIL)
    for i in inzendingen:
        gewoon = lees_scenario(i.bestand, PEIL)
        assert i.scenario is not None
        assert i.scenario.waarden == gewoon.waarden
        assert i.scenario.structuur == gewoon.structuur


def test_synthetisch_is_als_zodanig_gemarkeerd_en_binnen_aannemelijke_grenzen() -> None:
    for d in synthetische_inzendingen(30, seed=3):
        assert d["beschrijving"] == LABEL
        assert d["aanbieder"]["code"].startswith("SYN-")
        s = lees_scenario(d, PEIL)
        assert not s.waarschuwingen  # every drawn value within its plausible range


def test_cli_normeer(map59: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normeer", str(map59), "--peildatum", PEIL, "--formaat", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    for p in ("41A22", "41A23", "41A24"):
        assert {"n", "mediaan", "kwartiel_1", "kwartiel_3", "uitschieters", "band"} <= set(d["producten"][p])
    assert main(["normeer", str(map59), "--peildatum", PEIL, "--formaat", "csv"]) == 0
    csv = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out))
    assert list(csv.columns) == ["code", "product", "tarief", "tarief_op_basis"]
    assert len(csv) == 59


def test_verslag_als_werkmap(map59: Path, tmp_path: Path) -> None:
    import openpyxl

    from tarieven.normeringsverslag import schrijf_normeringsverslag

    n = normeer(map59, peildatum=PEIL)
    pad = schrijf_normeringsverslag(n, tmp_path / "verslag.xlsx")
    wb = openpyxl.load_workbook(pad)
    assert wb.sheetnames == ["Samenvatting", "Inzendingen", "Spreiding", "Normen", "Weggelaten"]
    samen = wb["Samenvatting"]
    rij = next(r for r in samen.iter_rows(min_row=2, values_only=True) if r[0] == "41A22" and r[1] == "zoals ingediend")
    k = n.producten["41A22"].kengetallen()
    verwacht = (k["n"], k["kwartiel_1"], k["mediaan"], k["kwartiel_3"], k["gewogen_mediaan"])
    assert rij[2:7] == pytest.approx(verwacht, rel=1e-14)  # Excel keeps 15 significant digits
    assert samen["E2"].number_format == "[$€-413] #,##0.00"
    codes = [r[0] for r in wb["Inzendingen"].iter_rows(min_row=2, values_only=True)]
    assert sorted(codes) == sorted(n.tabel()["code"])
    with pytest.raises(tarieven.InvoerFout, match=r"extensie \.xlsx"):
        schrijf_normeringsverslag(n, tmp_path / "verslag.csv")


def test_een_kapot_sjabloon_wordt_gemeld(tmp_path: Path) -> None:
    schrijf_inzendingen(tmp_path, synthetische_inzendingen(3, producten=["41A22"], seed=2))
    (tmp_path / "kapot.xlsx").write_bytes(b"PK\x03\x04 dit is geen werkmap")
    n = normeer(tmp_path, peildatum=PEIL)
    assert n.producten["41A22"].kengetallen()["n"] == 3
    assert [i.code for i in n.fouten] == ["#4"]  # after the three SYN-... files
    assert "geen werkmap" in str(n.fouten[0].fout)
    assert "kapot" not in str(n.fouten[0].fout)
    assert n.fouten[0].bestand == str(tmp_path / "kapot.xlsx")  # for the key


def test_cli_normeer_schrijft_plots_en_werkmap(map59: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = tmp_path / "plots"
    verslag = tmp_path / "verslag.xlsx"
    assert main(["normeer", str(map59), "--peildatum", PEIL, "--plots", str(uit), "--excel", str(verslag)]) == 0
    for p in ("41A22", "41A23", "41A24"):
        for naam in ("band", "spreiding"):
            assert (uit / f"{naam}-{p}.png").read_bytes().startswith(b"\x89PNG")
    assert verslag.stat().st_size > 5_000
    capsys.readouterr()
    assert main(["normeer", str(map59), "--peildatum", PEIL, "--plots", str(uit)]) == 2  # never over a file
    assert "band-41A22.png" in capsys.readouterr().err


VOORBEELD_NORMERING = Path(__file__).parents[1] / "voorbeelden" / "normering"


def test_het_meegeleverde_normenbestand_werkt_zoals_de_readme_zegt(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's command on the shipped norms file and submissions: exit 0, the norms applied,
    every submission counted; and the README gives that command in full."""
    normen, inzendingen = VOORBEELD_NORMERING / "normen.toml", VOORBEELD_NORMERING / "inzendingen"
    commando = f"tarieven normeer {inzendingen.relative_to(Path(__file__).parents[1]).as_posix()}/ --normen "
    commando += f"{normen.relative_to(Path(__file__).parents[1]).as_posix()} --peildatum {PEIL}"
    assert f"$ {commando}\n" in (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert main(["normeer", f"{inzendingen}/", "--normen", str(normen), "--peildatum", PEIL]) == 0
    uit = capsys.readouterr().out
    assert "Gemeenschappelijke basis: product.bezettingsgraad vervang 0,85; opslagen.overhead maximum 0,2" in uit
    assert "41A22: 4 inzendingen" in uit
    assert "Weggelaten" not in uit
    n = normeer(inzendingen, normen=normen, peildatum=PEIL)
    for rij in n.tabel().itertuples(index=False):  # on the common basis, by hand: occupancy 0.85, overhead at most 0.2
        data = lees_bestand(inzendingen / f"{rij.code}.toml")
        assert data["beschrijving"].startswith("SYNTHETISCH")
        overhead = min(data.get("opslagen", {}).get("overhead", 0.2), 0.2)
        met = {"product.bezettingsgraad": 0.85, "opslagen.overhead": overhead}
        assert rij.tarief_op_basis == pytest.approx(tarieven.bereken(data, PEIL, met=met).tarief, rel=1e-12)


def test_band_toont_de_gemeenschappelijke_basis_alleen_als_er_normen_zijn(map59: Path) -> None:
    """Without norms the common basis equals the submissions: one row, not the same row twice; with
    the shipped norms file two rows, and the title gives both bands."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from tarieven import plots
    from tarieven.voorbeeldmap import voorbeelden_pad
    from tarieven.weergave import euro

    zonder = normeer(map59, peildatum=PEIL).producten["41A22"]
    ax = plots.band(zonder)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["zoals ingediend"]
    assert "gemeenschappelijke basis" not in ax.get_title()
    plt.close("all")
    met = normeer(map59, peildatum=PEIL, normen=voorbeelden_pad() / "normering" / "normen.toml").producten["41A22"]
    ax = plots.band(met)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["zoals ingediend", "op gemeenschappelijke\nbasis"]
    b = met.kengetallen(op_basis=True)["band"]
    assert f"\nop gemeenschappelijke basis: band {euro(b[0])} tot {euro(b[1])}\n" in ax.get_title()
    plt.close("all")
