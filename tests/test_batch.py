"""Many scenarios in one table (tarieven.batch.bereken_tabel)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import tarieven

PEIL = "2027-01-01"


def test_elke_rij_is_wat_bereken_geeft() -> None:
    tabel = pd.DataFrame(
        {
            "basis": ["41A22", "41A22", "41A24", "GGZ-groep"],
            "product.groepsgrootte": [8, 10, np.nan, 6],
            "product.bezettingsgraad": [0.8, np.nan, 0.9, np.nan],
        },
        index=["a", "b", "c", "d"],
    )
    uit = tarieven.bereken_tabel(tabel, peildatum=PEIL)
    assert list(uit.index) == ["a", "b", "c", "d"]
    for index, rij in tabel.iterrows():
        met = {k: v for k, v in rij.items() if k != "basis" and not pd.isna(v)}
        u = tarieven.bereken(rij["basis"], PEIL, met=met)
        for r in u:
            assert uit.loc[index, r.naam] == pytest.approx(r.waarde, rel=1e-14, abs=1e-12), (index, r.naam)
    assert uit.attrs["structuren"] == 3  # 41A22 twice with one structure, 41A24, GGZ-groep
    assert pd.isna(uit.loc["a", "tarief_per_traject"])  # a line only the session product has
    assert uit.loc["d", "tarief_per_traject"] > 0


def test_basis_als_argument_en_eenheden() -> None:
    tabel = pd.DataFrame({"functies.mbo.maandsalaris": ["3000 EUR/maand", "36000 EUR/jaar"]})
    uit = tarieven.bereken_tabel(tabel, basis="41A22", peildatum=PEIL)
    assert uit["bruto_jaarsalaris.mbo"].tolist() == [36000.0, 36000.0]
    assert uit["tarief_per_client"].iloc[0] == uit["tarief_per_client"].iloc[1]


def test_foute_rij_wordt_genoemd() -> None:
    tabel = pd.DataFrame({"product.bezettingsgraad": [0.9, 1.5]}, index=["goed", "fout"])
    with pytest.raises(tarieven.InvoerFout, match=r"rij fout: product\.bezettingsgraad = 1\.5"):
        tarieven.bereken_tabel(tabel, basis="41A22", peildatum=PEIL)


# -- one validator: a row of a table is checked as bereken checks that row ----------------------

from typing import Any  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PEIL_2025 = "2025-06-01"

# per column: usual values, unusual ones (a warning), invalid ones (an error), texts with a unit,
# and empty (the product's own value)
_WAARDEN: dict[str, list[Any]] = {
    "product.bezettingsgraad": [0.85, 0.6, 1.0, 0.3, 1e-7, 0.0, 1.5, -0.5, np.inf, "85 %", "acht", np.nan],
    "product.groepsgrootte": [10, 8, 1, 40, 0, -3, 8.5, "12", "1e4", 20000, np.nan],
    "functies.mbo.maandsalaris": [
        3400.0,
        3000,
        2000,
        100,
        1e9,
        -1,
        "3250 EUR/maand",
        "36000 EUR/jaar",
        "3.250",
        "40 EUR/uur",
        np.nan,
    ],
    "functies.mbo.verlofuren": [200.0, 1800.0, 1900.0, np.nan],
    "opslagen.overhead_grondslag": ["opslag_op_kostprijs", "aandeel_integrale_kostprijs", "anders", np.nan],
}

_rij = st.fixed_dictionaries({k: st.sampled_from(v) for k, v in _WAARDEN.items()})


def _per_rij(basis: str, rij: dict[str, Any]) -> tuple[bool, set[tuple[str, tuple[Any, ...]]], list[Any], Any]:
    """What bereken says of one row: valid, the problems (code and path), the warnings, the tariff."""
    met = {k: v for k, v in rij.items() if not (isinstance(v, float) and np.isnan(v))}
    try:
        u = tarieven.bereken(basis, PEIL_2025, met=met)
    except tarieven.InvoerFout as e:
        return False, {(p.code, p.pad) for p in e.problemen}, sorted(w.pad for w in e.waarschuwingen), None
    return True, set(), sorted(w.pad for w in u.waarschuwingen), u.tarief


@given(st.lists(_rij, min_size=1, max_size=6), st.booleans())
def test_markeer_geeft_per_rij_wat_bereken_geeft(rijen: list[dict[str, Any]], als_tekst: bool) -> None:
    """Valid, warned and invalid rows, in numeric and in text columns, through both paths of the
    table (columns as arrays; a structural text per row): per row the same verdict as bereken."""
    tabel = pd.DataFrame(rijen, index=[f"R{i}" for i in range(len(rijen))])
    if als_tekst:
        tabel = tabel.astype(object)
    uit = tarieven.bereken_tabel(tabel, basis="41A22", peildatum=PEIL_2025, bij_fout="markeer")
    problemen = uit.attrs["problemen"]
    waarschuwingen = uit.attrs["waarschuwingen"]
    for label, rij in zip(tabel.index, rijen, strict=True):
        geldig, verwacht, verwachte_waarschuwingen, tarief = _per_rij("41A22", rij)
        assert bool(uit.loc[label, "geldig"]) is geldig, (label, rij, uit.loc[label, "problemen"])
        gevonden = {
            (c, p) for c, p in problemen.loc[problemen["rij"] == label, ["code", "pad"]].itertuples(index=False)
        }
        assert gevonden == verwacht, (label, rij)
        assert sorted(waarschuwingen.loc[waarschuwingen["rij"] == label, "pad"]) == verwachte_waarschuwingen
        assert uit.loc[label, "waarschuwingen"] == len(verwachte_waarschuwingen)
        if geldig:
            assert uit.loc[label, "tarief_per_client"] == pytest.approx(tarief, rel=1e-9)
            assert uit.loc[label, "problemen"] == ""
        else:
            assert pd.isna(uit.loc[label, "tarief_per_client"])
            assert uit.loc[label, "problemen"] != ""


def test_de_bevindingen_van_het_issue() -> None:
    """Occupancy 1e-7 with a group of 1 was priced at about 4,3 billion without a word: now refused
    as bereken refuses it, named by its row, with the unusual input named."""
    tabel = pd.DataFrame(
        {"product.bezettingsgraad": [1e-7, 0.85], "product.groepsgrootte": [1, 10]}, index=["A0003", "A0004"]
    )
    with pytest.raises(tarieven.InvoerFout) as e:
        tarieven.bereken_tabel(tabel, basis="41A22", peildatum=PEIL_2025)
    (p,) = e.value.problemen
    assert p.rij == "A0003"
    assert p.code == "combinatie"
    assert p.pad == ("tarief_per_client",)
    # both inputs are unusual (a group of one place is no group): the ceiling names both
    assert "ongebruikelijk: product.bezettingsgraad = 1e-07; product.groepsgrootte = 1" in p.verwacht
    assert str(e.value).startswith("Ongeldige invoer in <tabel>: rij A0003: tarief_per_client = ")
    assert [w.rij for w in e.value.waarschuwingen] == ["A0003", "A0003"]


def test_stop_noemt_elke_foute_rij() -> None:
    tabel = pd.DataFrame({"product.bezettingsgraad": [0.9, 1.5, 0.8, -1.0]}, index=["a", "b", "c", "d"])
    with pytest.raises(tarieven.InvoerFout) as e:
        tarieven.bereken_tabel(tabel, basis="41A22", peildatum=PEIL)
    assert [p.rij for p in e.value.problemen] == ["b", "d"]
    assert "2 problemen" in str(e.value)
    json.dumps(e.value.to_dict())


def test_markeer_vorm_van_de_uitkomst() -> None:
    tabel = pd.DataFrame({"product.groepsgrootte": [8, "acht", 12]}, index=[10, 20, 30])
    uit = tarieven.bereken_tabel(tabel, basis="41A22", peildatum=PEIL, bij_fout="markeer")
    assert list(uit.columns[:3]) == ["geldig", "problemen", "waarschuwingen"]
    assert uit["geldig"].tolist() == [True, False, True]
    assert str(uit["tarief_per_client"].dtype) == "Float64"
    assert uit["tarief_per_client"].isna().tolist() == [False, True, False]
    assert not np.isnan(uit["tarief_per_client"].dropna().to_numpy(dtype=float)).any()
    assert list(uit.attrs["problemen"].columns) == ["rij", "pad", "code", "melding"]
    assert uit.attrs["problemen"]["rij"].tolist() == [20]
    assert uit.attrs["problemen"]["code"].tolist() == ["type"]
    # the valid rows: as bereken gives them
    for label, g in ((10, 8), (30, 12)):
        assert uit.loc[label, "tarief_per_client"] == pytest.approx(
            tarieven.bereken("41A22", PEIL, met={"product.groepsgrootte": g}).tarief, rel=1e-12
        )


def test_aannames_per_tabel() -> None:
    tabel = pd.DataFrame({"product.groepsgrootte": [8, 10]})
    for set_ in ("laag", "centraal", "hoog"):
        uit = tarieven.bereken_tabel(tabel, basis="41A22", peildatum=PEIL, aannames=set_)
        for i, g in enumerate((8, 10)):
            verwacht = tarieven.bereken("41A22", PEIL, met={"product.groepsgrootte": g}, aannames=set_).tarief
            assert uit["tarief_per_client"].iloc[i] == pytest.approx(verwacht, rel=1e-12)


def test_argumenten() -> None:
    with pytest.raises(tarieven.TypeFout, match=r"tabel = .*verwacht een pandas\.DataFrame"):
        tarieven.bereken_tabel([{"product.groepsgrootte": 8}], basis="41A22")  # type: ignore[arg-type]
    tabel = pd.DataFrame({"product.groepsgrootte": [8]})
    with pytest.raises(tarieven.InvoerFout, match="bij_fout = 'overslaan': verwacht een van 'stop', 'markeer'"):
        tarieven.bereken_tabel(tabel, basis="41A22", bij_fout="overslaan")  # type: ignore[arg-type]
    with pytest.raises(tarieven.InvoerFout, match="unieke rijlabels"):
        tarieven.bereken_tabel(pd.DataFrame({"product.groepsgrootte": [8, 9]}, index=["x", "x"]), basis="41A22")
    with pytest.raises(tarieven.InvoerFout, match="basis = '41A99'"):  # an argument: one error, not one per row
        tarieven.bereken_tabel(tabel, basis="41A99", peildatum=PEIL)


def test_onbekende_basis_in_een_cel_en_een_lege_tabel() -> None:
    tabel = pd.DataFrame({"basis": ["41A22", "41A99", 7]}, index=["a", "b", "c"])
    uit = tarieven.bereken_tabel(tabel, peildatum=PEIL, bij_fout="markeer")
    assert uit["geldig"].tolist() == [True, False, False]
    assert uit.attrs["problemen"][["rij", "code"]].values.tolist() == [["b", "onbekend"], ["c", "type"]]
    leeg = tarieven.bereken_tabel(pd.DataFrame({"product.groepsgrootte": []}), basis="41A22", peildatum=PEIL)
    assert len(leeg) == 0


def test_blok_vervangt_het_blok_van_het_product() -> None:
    """A mix share in a row replaces the product's whole mix, as with bereken(met=...): a row with
    only mbo 0.6 is invalid (the shares sum to 0.6), one with mbo and hbo is priced."""
    tabel = pd.DataFrame({"product.ratio.mix.mbo": [0.6, 0.6], "product.ratio.mix.hbo": [np.nan, 0.4]})
    uit = tarieven.bereken_tabel(tabel, basis="41A22", peildatum=PEIL, bij_fout="markeer")
    assert uit["geldig"].tolist() == [False, True]
    assert uit.attrs["problemen"]["pad"].tolist() == [("product", "ratio", "mix")]
    verwacht = tarieven.bereken("41A22", PEIL, met={"product.ratio.mix.mbo": 0.6, "product.ratio.mix.hbo": 0.4})
    assert uit["tarief_per_client"].iloc[1] == pytest.approx(verwacht.tarief, rel=1e-12)


def test_het_voorbeeld_uit_de_documentatie() -> None:
    """The table example of docs/api.md runs as written (its asserts are the check)."""
    import re
    from pathlib import Path

    tekst = (Path(__file__).parents[1] / "docs" / "api.md").read_text(encoding="utf-8")
    (code,) = [b for b in re.findall(r"```python\n(.*?)```", tekst, re.DOTALL) if "bereken_tabel" in b]
    assert "assert uit[" in code
    exec(compile(code, "docs/api.md", "exec"), {})


def test_kolommen_van_markeer_delen_geen_geheugen() -> None:
    """The lines are returned without copying the kernel's arrays, and the shared lines as rows of
    one block: changing one cell (or making it <NA>) changes that cell only, in no other column
    and in no second call."""
    tabel = pd.DataFrame({"product.groepsgrootte": [8.0, 10.0, 12.0]}, index=["a", "b", "c"])
    uit = tarieven.bereken_tabel(tabel, basis="41A22", peildatum="2025-06-01", bij_fout="markeer")
    nogmaals = tarieven.bereken_tabel(tabel, basis="41A22", peildatum="2025-06-01", bij_fout="markeer")
    lijnen = [k for k in uit.columns if k not in ("geldig", "problemen", "waarschuwingen")]
    voor = uit[lijnen].copy()
    gedeeld = "bruto_jaarsalaris.mbo"  # the same in every row: one row of the shared block
    assert uit[gedeeld].nunique() == 1
    uit.loc["a", "tarief_per_client"] = -1.0
    uit.loc["b", gedeeld] = pd.NA
    veranderd = uit[lijnen].fillna(-9.0).to_numpy(dtype=float) != voor.to_numpy(dtype=float)
    assert veranderd.sum() == 2
    assert uit.loc["a", "tarief_per_client"] == -1.0
    assert pd.isna(uit.loc["b", gedeeld])
    pd.testing.assert_frame_equal(nogmaals[lijnen], voor)
