"""A table and a scenario as an adversary fills them: each case was a silent wrong number, a raw
traceback or a wrong verdict, found by a review that compared bereken_tabel with bereken row by row."""

from __future__ import annotations

import decimal
import json

import numpy as np
import pandas as pd
import pytest

import tarieven

PEIL = "2025-06-01"
G = "product.groepsgrootte"


def _markeer(tabel: pd.DataFrame, basis: str | None = "41A22") -> pd.DataFrame:
    return tarieven.bereken_tabel(tabel, basis=basis, peildatum=PEIL, bij_fout="markeer")


def test_vervoer_in_een_tabel() -> None:
    """42A03 on its own lacks the mode and the distance; the rows give them. Refused every row."""
    uit = _markeer(pd.DataFrame({"product.vorm": ["groep", "raket"], "product.afstand_km": [5, 50]}), "42A03")
    enkel = tarieven.bereken({"basis": "42A03", "product": {"vorm": "groep", "afstand_km": 5}}, PEIL)
    assert uit["geldig"].tolist() == [True, False]
    assert uit.loc[0, "tarief_per_client"] == enkel.tarief
    assert "product.vorm = 'raket'" in uit.loc[1, "problemen"]
    assert "product.afstand_km = 50" in uit.loc[1, "problemen"]


def test_trede_en_schaal_als_getallenkolom() -> None:
    """An int column gave numpy scalars, refused with 'verwacht ... een trede van 0 tot en met 10' for 3."""
    uit = _markeer(pd.DataFrame({"functies.mbo.trede": [0, 3], "functies.hbo.schaal": [8, 9]}))
    assert uit["geldig"].all()
    for rij, (trede, schaal) in enumerate(((0, 8), (3, 9))):
        enkel = tarieven.bereken("41A22", PEIL, met={"functies.mbo.trede": trede, "functies.hbo.schaal": schaal})
        assert uit.loc[rij, "tarief_per_client"] == pytest.approx(enkel.tarief, rel=1e-12)
    # a nullable column with an empty cell: that row keeps the product's own step
    leeg = _markeer(pd.DataFrame({"functies.mbo.trede": pd.array([3, None], dtype="Int64")}))
    assert leeg["geldig"].all()
    assert leeg.loc[1, "tarief_per_client"] == pytest.approx(tarieven.bereken("41A22", PEIL).tarief, rel=1e-12)


def test_een_rij_zonder_product_zegt_wat_ontbreekt() -> None:
    """A row without a product and without cells was valid, with every line <NA>."""
    uit = _markeer(pd.DataFrame({"basis": ["41A22", None]}), basis=None)
    assert uit["geldig"].tolist() == [True, False]
    assert "functies ontbreekt" in uit.loc[1, "problemen"]
    with pytest.raises(tarieven.InvoerFout, match="rij 1: functies ontbreekt"):
        tarieven.bereken_tabel(pd.DataFrame({"basis": ["41A22", None]}), peildatum=PEIL)


def test_dubbele_kolommen() -> None:
    with pytest.raises(tarieven.InvoerFout, match=r"tabel\.columns = \['product\.groepsgrootte'\]: verwacht unieke"):
        tarieven.bereken_tabel(pd.DataFrame([[8, 10]], columns=[G, G]), basis="41A22", peildatum=PEIL)


@pytest.mark.parametrize(
    ("cel", "melding"),
    [
        (8 + 5j, "(8+5j) is geen getal (type complex)"),  # was: the real part, 8, priced
        (decimal.Decimal("sNaN"), "sNaN is geen getal (type Decimal)"),  # was: decimal.InvalidOperation
    ],
)
def test_een_cel_die_geen_getal_is(cel: object, melding: str) -> None:
    kolom = pd.Series([cel], dtype=complex if isinstance(cel, complex) else object)
    uit = _markeer(pd.DataFrame({G: kolom}))
    assert not uit.loc[0, "geldig"]
    assert melding in uit.loc[0, "problemen"]
    assert pd.isna(uit.loc[0, "tarief_per_client"])


def test_een_geheel_getal_zoals_geschreven() -> None:
    """An int column was shown as floats: -1.0, and 2**53 + 1 as 9007199254740992.0 (another number)."""
    uit = _markeer(pd.DataFrame({G: [-1, 2**53 + 1]}))
    assert uit.loc[0, "problemen"].startswith("product.groepsgrootte = -1: ")
    assert uit.loc[1, "problemen"].startswith("product.groepsgrootte = 9007199254740993: ")


def test_rij_als_getal_in_json_en_zonder_numpy_in_de_tekst() -> None:
    tabel = pd.DataFrame({G: [-1]}, index=pd.MultiIndex.from_tuples([("b", 2)]))
    with pytest.raises(tarieven.InvoerFout) as e:
        tarieven.bereken_tabel(tabel, basis="41A22", peildatum=PEIL)
    assert "rij ('b', 2): " in str(e.value)
    assert json.loads(json.dumps(e.value.to_dict()))["problemen"][0]["rij"] == ["b", 2]
    with pytest.raises(tarieven.InvoerFout) as e:
        tarieven.bereken_tabel(pd.DataFrame({G: [-1]}, index=np.array([7])), basis="41A22", peildatum=PEIL)
    assert e.value.to_dict()["problemen"][0]["rij"] == 7


def test_scenario_met_een_trede_wordt_niet_stil_genegeerd() -> None:
    """Scenario.met changed the step's label, not the salary: the base tariff for every step."""
    s = tarieven.lees_scenario("41A22", PEIL)
    with pytest.raises(tarieven.InvoerFout) as e:
        tarieven.bereken(s, met={"functies.mbo.trede": 3})
    (p,) = e.value.problemen
    assert p.pad == ("functies", "mbo", "trede")
    assert "lees_scenario(bron, met={...})" in p.verwacht
    assert e.value.bestand is None
    # the same step again changes nothing; read anew, the step chooses the salary
    assert tarieven.bereken(s, met={"functies.mbo.trede": s.invoer["functies.mbo.trede"]}).tarief == pytest.approx(
        tarieven.bereken(s).tarief, rel=1e-12
    )
    assert tarieven.bereken("41A22", PEIL, met={"functies.mbo.trede": np.int64(3)}).tarief < tarieven.bereken(s).tarief


def test_een_voorwaarde_door_een_opgegeven_waarde_noemt_die_waarde() -> None:
    """80 hours a week given with met= put the product's salary under the minimum wage: the message
    blamed the product's file and did not name the 80 hours."""
    s = tarieven.lees_scenario("41A22", PEIL)
    with pytest.raises(tarieven.InvoerFout) as e:
        tarieven.bereken(s, met={"functies.mbo.uren_per_week": 80})
    assert e.value.bestand is None
    assert "bij functies.mbo.uren_per_week (opgegeven bij de berekening) = 80" in str(e.value)


def test_duizendtallen_in_een_groepsgrootte() -> None:
    """'1.000' was read as a group of 1 (one place is no group): now both readings are unusual, so
    it is ambiguous and refused; a group of one place gets a warning."""
    with pytest.raises(tarieven.InvoerFout, match=r"'1\.000' is dubbelzinnig: 1 of 1000"):
        tarieven.bereken("41A22", PEIL, met={G: "1.000"})
    u = tarieven.bereken("41A22", PEIL, met={G: 1})
    assert any(w.sleutel == G for w in u.waarschuwingen)
