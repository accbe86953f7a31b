"""Many scenarios in one table (tarieven.batch.bereken_tabel)."""

from __future__ import annotations

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
