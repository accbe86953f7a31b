"""Everything a user reads cites public documents, never material a user does not have.

A tariff from ``tarieven`` is laid on a negotiating table: each figure must be traceable with
only the package and the public documents. So no user-facing text may cite the project's
working material: the region's meeting documents by their working names ("seed 004", their
file names), worked examples kept for the tests ("gouden voorbeeld", "golden"), files outside
the package (``shared/``, ``MODEL.md``, ``DESIGN.md``) or the reference overview it was
gathered in. A document of the region is cited by its own title and date (see
``params/BRONNEN.md``). A Monte Carlo run's random ``seed`` is a number, not a citation.

Scanned: the README and CHANGELOG, ``docs/``, ``notebooks/``, ``params/``, ``voorbeelden/``,
every file of the package (strings, docstrings and comments alike), the help of every
command, and the listings and explanations the command line prints.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import tarieven
from tarieven.catalogus import producten
from tarieven.cli import _parser, main

ROOT = Path(__file__).parents[1]

VERBODEN = re.compile(
    r"\bseeds?[\s_-]*0\d\d\b"  # seed 004, seed-002, seeds 000
    r"|\bseed\s+[0-4]\b"  # seed 4 (a document number, not a random seed such as 2027)
    r"|\bseed-(?!\d)"  # seed-documenten, seed-stuk
    r"|\bseeds/"
    r"|\b\d{3}_[0-9a-f]{16}\b"  # the file names of the region's documents
    r"|\bgouden\b|\bgolden\b"
    r"|\bshared/"
    r"|\bMODEL\.md\b|\bDESIGN\.md\b"
    r"|referentie-?overzicht|parameterreferentie|\breference/README",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "tekst",
    [
        "(seed 004, lid 13a)",
        "Seed 000: de codes",
        "seed-004",
        "zie seeds/README.md",
        "004_41af6dd76185ade5.txt",
        "Gelijk aan gouden voorbeeld g1.",
        "golden example g6",
        "shared/reference/README.md van het project",
        "de formules van MODEL.md",
        "via het referentie-overzicht",
        "via de parameterreferentie van tarieven",
        "uit `reference/README.md` van het project",
        "(seed 2)",
    ],
)
def test_patroon_vindt_een_verwijzing(tekst: str) -> None:
    assert VERBODEN.search(tekst)


@pytest.mark.parametrize(
    "tekst",
    [
        "seed = 2027",
        "seed=2027",
        "monte_carlo(s, v, 100_000, seed=2027)",
        "(seed 2027)",
        "(seed {mc.seed})",
        "dezelfde seed geeft dezelfde trekkingen",
        '"montecarlo.seed", m["seed"]',
        "Jeugdhulp Haaglanden, Ontwikkeltafel 21 augustus 2025",
        "de gouda-kaas",  # a word that merely starts alike
    ],
)
def test_patroon_laat_een_monte_carlo_seed_met_rust(tekst: str) -> None:
    assert not VERBODEN.search(tekst)


def _bestanden() -> Iterator[Path]:
    yield ROOT / "README.md"
    yield ROOT / "CHANGELOG.md"
    yield ROOT / "pyproject.toml"
    for patroon in ("docs/**/*", "notebooks/**/*", "params/**/*", "voorbeelden/**/*", "tarieven/**/*"):
        for p in sorted(ROOT.glob(patroon)):
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc":
                yield p


BESTANDEN = list(_bestanden())


def _treffers(tekst: str) -> list[str]:
    return [
        f"regel {i}: {regel.strip()[:160]}"
        for i, regel in enumerate(tekst.splitlines(), start=1)
        if VERBODEN.search(regel)
    ]


def test_de_scan_ziet_alles_wat_een_gebruiker_leest() -> None:
    namen = {p.relative_to(ROOT).as_posix() for p in BESTANDEN}
    for nodig in (
        "README.md",
        "docs/methode.md",
        "params/BRONNEN.md",
        "params/producten/41A22.toml",
        "tarieven/uitkomst.py",
        "notebooks/01_eerste_berekening.py",
        "voorbeelden/dagbesteding-licht.toml",
    ):
        assert nodig in namen


@pytest.mark.parametrize("pad", BESTANDEN, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_bestand_noemt_alleen_openbare_bronnen(pad: Path) -> None:
    treffers = _treffers(pad.read_text(encoding="utf-8"))
    assert not treffers, f"{pad.relative_to(ROOT)} verwijst naar materiaal dat een gebruiker niet heeft: {treffers}"


def _subparsers(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    for actie in parser._actions:
        if isinstance(actie, argparse._SubParsersAction):
            yield from actie.choices.items()


def test_hulp_van_elke_opdracht() -> None:
    parser = _parser()
    opdrachten = dict(_subparsers(parser))
    assert {"bereken", "uitleg", "producten", "parameters", "indexeer", "scenario"} <= set(opdrachten)
    for naam, sub in {"tarieven": parser, **opdrachten}.items():
        tekst = sub.format_help()
        assert tekst.strip()
        assert not _treffers(tekst), (naam, _treffers(tekst))


@pytest.mark.parametrize(
    "argv",
    [
        ["producten", "--peildatum", "2027-01-01"],
        ["producten", "--peildatum", "2025-06-01", "--formaat", "json"],
        ["parameters", "--peildatum", "2025-06-01"],
        ["parameters", "--peildatum", "2027-01-01", "--formaat", "json"],
        ["parameters", "--controle", "--peildatum", "2027-01-01"],
        ["indexeer", "100", "--van", "2024", "--naar", "2025"],
    ],
    ids=" ".join,
)
def test_lijsten_op_de_opdrachtregel(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 0
    uit = capsys.readouterr()
    assert uit.out.strip()
    assert not _treffers(uit.out + uit.err)


@pytest.mark.parametrize("peildatum", [dt.date(2025, 6, 1), dt.date(2027, 1, 1)], ids=str)
@pytest.mark.parametrize("code", producten())
def test_uitleg_van_elk_product(code: str, peildatum: dt.date) -> None:
    met = {"product.afstand_km": 12, "product.vorm": "groep"} if code == "42A03" else None
    u = tarieven.bereken(code, peildatum, met=met)
    tekst = u.uitleg() + u.to_json() + u._repr_html_()
    assert not _treffers(tekst), _treffers(tekst)
