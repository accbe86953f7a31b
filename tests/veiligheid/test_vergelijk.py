"""Issue 18, new-user finding: `vergelijk EIGEN TEGEN` priced TEGEN on EIGEN's peildatum without a word,
and swapping the two did not negate the parts. Each side is now priced on its own date, the
comparison says when the dates differ, and swapping negates every part."""

from __future__ import annotations

from pathlib import Path

import pytest

import tarieven
from tarieven.cli import main

from ._hulp import inzending


@pytest.fixture
def twee(tmp_path: Path) -> tuple[Path, Path]:
    eigen = inzending(tmp_path, "eigen.toml", 'basis = "41A22"\npeildatum = 2025-06-01\n[product]\ngroepsgrootte = 8\n')
    tegen = inzending(tmp_path, "tegen.toml", 'basis = "41A22"\npeildatum = 2027-01-01\n[opslagen]\noverhead = 0.15\n')
    return eigen, tegen


def test_elke_kant_op_haar_eigen_datum(twee: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    eigen, tegen = twee
    v = tarieven.vergelijk(eigen, tegen)
    assert v.tegen.tarief == tarieven.bereken(tegen).tarief  # TEGEN as it is alone
    assert v.eigen.tarief == tarieven.bereken(eigen).tarief
    assert str(v.tegen.scenario.peildatum) == "2027-01-01"
    assert main(["vergelijk", str(eigen), str(tegen)]) == 0
    uit = capsys.readouterr().out
    assert "parameters: eigen op 2025-06-01, tegen op 2027-01-01 (elke kant op haar eigen datum" in uit


def test_omwisselen_keert_elk_deel_om(twee: tuple[Path, Path]) -> None:
    eigen, tegen = twee
    heen, terug = tarieven.vergelijk(eigen, tegen), tarieven.vergelijk(tegen, eigen)
    assert [d.groep for d in heen.delen] == [d.groep for d in terug.delen]
    assert [d.bedrag for d in heen.delen] == [-d.bedrag for d in terug.delen]
    assert [d.centen for d in heen.delen] == [-d.centen for d in terug.delen]
    assert heen.totaal == -terug.totaal


def test_een_datum_bij_de_aanroep_geldt_voor_beide(twee: tuple[Path, Path]) -> None:
    eigen, tegen = twee
    v = tarieven.vergelijk(eigen, tegen, "2026-06-01")
    assert str(v.eigen.scenario.peildatum) == str(v.tegen.scenario.peildatum) == "2026-06-01"
    assert "parameters op 2026-06-01" in v.als_tekst()


def test_basis_rekent_op_de_datum_van_eigen(twee: tuple[Path, Path]) -> None:
    eigen, _ = twee
    v = tarieven.vergelijk(eigen)
    assert str(v.tegen.scenario.peildatum) == "2025-06-01"
    assert v.tegen.tarief == tarieven.bereken("41A22", "2025-06-01").tarief
