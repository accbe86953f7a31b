"""The arguments of the analyses enter through the field reader: a value list of an input key, a
target, a chunk size. Nothing odd is iterated, silently converted or passed to numpy raw: one
value stands for a list of one, anything that is no list of values is an ``InvoerFout`` naming
the argument and the value, and a value in a list is read as :func:`tarieven.bereken` reads it.

A value given with the call is not in the scenario's file: the scenarios here are read from a
file, and no error names it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
import pytest

import tarieven
from tarieven import InvoerFout, analyse
from tarieven.analyse.groepen import indirect_per_week, personeelstekort

G = "product.groepsgrootte"
B = "product.bezettingsgraad"
GEGEVEN = f"{G} (opgegeven bij de berekening)"


@pytest.fixture(scope="module")
def s() -> tarieven.Scenario:
    """A bundled product, read from its file (``bron`` is that file)."""
    scenario = tarieven.lees_scenario("41A22", "2025-06-01")
    assert scenario.bron.endswith(".toml")
    return scenario


def fout(doe: Any) -> InvoerFout:
    with pytest.raises(InvoerFout) as e:
        doe()
    assert e.value.bestand is None  # an argument, not a value in the scenario's file
    return e.value


# -- one value, and what is no list of values ------------------------------------------


@pytest.mark.parametrize("waarde", [np.int64(8), np.float64(8.0), np.array(8), 8, 8.0, "8"])
def test_een_waarde_staat_voor_een_lijst_van_een(s: tarieven.Scenario, waarde: Any) -> None:
    """A numpy integer gave 'numpy.int64 object is not iterable' (a raw TypeError)."""
    assert analyse.rooster(s, {G: waarde})[G].tolist() == [8.0]
    assert analyse.doelzoek_rooster(s, B, 100, {G: waarde})[G].tolist() == [8.0]
    assert personeelstekort(s, waarde)["groepsgrootte"].tolist() == [8.0]


def test_een_decimal_leest_de_veldlezer_zoals_bereken(s: tarieven.Scenario) -> None:
    """``Decimal("8")`` gave a raw TypeError; now it is one value, read as ``bereken`` reads it: a
    number (an amount kept exactly is still an amount); a Decimal that is no number is refused alike."""
    assert analyse.rooster(s, {G: Decimal("8")})[G].tolist() == [8.0]
    assert analyse.rooster(s, {G: [Decimal("8")]})["tarief_per_client"].iloc[0] == pytest.approx(
        tarieven.bereken(s, met={G: Decimal("8")}).tarief, rel=1e-12
    )
    e = fout(lambda: analyse.rooster(s, {G: Decimal("sNaN")}))
    with pytest.raises(InvoerFout) as enkel:
        tarieven.bereken(s, met={G: Decimal("sNaN")})
    assert [str(p) for p in e.problemen] == [str(p) for p in enkel.value.problemen]
    assert "sNaN is geen getal (type Decimal)" in str(e)


GEEN_LIJST = [
    b"8",  # iterated: groepsgrootte 56, the byte code of "8"
    bytearray(b"8"),
    memoryview(b"ab"),  # groepsgroottes 97 and 98
    {8: "x"},  # its keys were taken
    {8, 9},
    None,  # a raw TypeError
    np.array([[8, 9]]),  # silently flattened
    pd.DataFrame({"a": [8, 9]}),  # its column names
]


@pytest.mark.parametrize("waarde", GEEN_LIJST, ids=lambda w: type(w).__name__)
def test_wat_geen_lijst_van_waarden_is_wordt_geweigerd(s: tarieven.Scenario, waarde: Any) -> None:
    pogingen = [
        (lambda: analyse.rooster(s, {G: waarde}), GEGEVEN),
        (lambda: analyse.doelzoek_rooster(s, B, 100, {G: waarde}), GEGEVEN),
    ]
    if waarde is not None:  # groottes=None: the default sizes
        pogingen.append((lambda: personeelstekort(s, waarde), f"groottes: {G}"))
    for doe, naam in pogingen:
        e = fout(doe)
        [p] = e.problemen
        assert (p.sleutel, p.waarde is waarde, p.code) == (naam, True, "type")
        assert p.verwacht.startswith("een lijst van waarden")
        assert "geheel getal groter dan 0" in p.verwacht  # and what each value should be


def test_een_tabel_noemt_haar_vorm(s: tarieven.Scenario) -> None:
    [p] = fout(lambda: analyse.rooster(s, {G: np.array([[8, 9], [10, 11]])})).problemen
    assert p.verwacht.startswith("een lijst van waarden in één dimensie (niet 2 × 2)")


def test_een_waarde_in_de_lijst_leest_de_veldlezer(s: tarieven.Scenario) -> None:
    """Bytes inside a list are one value, refused as ``bereken`` refuses them; never their byte codes."""
    e = fout(lambda: analyse.rooster(s, {G: [8, b"8", [9]]}))
    assert [(p.waarde, p.code) for p in e.problemen] == [(b"8", "type"), ([9], "type")]
    assert "b'8' is geen getal" in str(e)


@pytest.mark.parametrize("waarde", [b"ab", None, {"opslag_op_kostprijs": 1}, {"opslag_op_kostprijs"}], ids=repr)
def test_een_structuurkeuze_is_een_lijst_van_teksten(s: tarieven.Scenario, waarde: Any) -> None:
    """Bytes were iterated (the choice 97), None gave a raw TypeError, a dict or set was taken for its keys."""
    [p] = fout(lambda: analyse.rooster(s, {"opslagen.overhead_grondslag": waarde})).problemen
    assert (p.sleutel, p.waarde is waarde, p.code) == ("opslagen.overhead_grondslag", True, "type")
    assert p.verwacht.startswith("een lijst van waarden")
    assert "een van 'aandeel_integrale_kostprijs', 'opslag_op_kostprijs'" in p.verwacht


# -- the funding curve and indirect time per week read the values as given ----------------


def test_naar_bezetting_leest_zoals_het_rooster(s: tarieven.Scenario) -> None:
    """``"85 %"`` was a raw ValueError (the grid accepts it): the values went through numpy first."""
    b = analyse.bekostiging(s)
    df = b.naar_bezetting(["85 %", 0.9])
    assert df["bezettingsgraad"].tolist() == [0.85, 0.9]
    assert df["kosten_per_plaats_jaar"].tolist() == b.naar_bezetting([0.85, 0.9])["kosten_per_plaats_jaar"].tolist()


@pytest.mark.parametrize(
    "waarde",
    [
        {},  # a raw TypeError
        0.8 + 1j,  # a raw TypeError
        10**400,  # an OverflowError
        [0.9, 1],  # ragged, with [0.8] beside it: a raw ValueError
        True,  # silently occupancy 1.0
        None,  # reported as "= nan"
    ],
    ids=lambda w: repr(w)[:20],
)
def test_naar_bezetting_noemt_de_gegeven_waarde(s: tarieven.Scenario, waarde: Any) -> None:
    b = analyse.bekostiging(s)
    e = fout(lambda: b.naar_bezetting([0.8, waarde] if isinstance(waarde, list) else [waarde]))
    [p] = e.problemen
    assert p.sleutel == f"bezettingsgraden: {B}"
    assert (p.waarde, type(p.waarde)) == (waarde, type(waarde))  # the value given, not a float made of it
    assert p.code in ("type", "buiten_bereik")
    with pytest.raises(InvoerFout) as enkel:  # refused as bereken refuses it
        tarieven.bereken(s, met={B: waarde})
    assert p.verwacht == enkel.value.problemen[0].verwacht


def test_indirect_per_week_leest_uren_per_week_met_eenheid(s: tarieven.Scenario) -> None:
    """``"2 uur/week"`` was a raw ValueError; a per-week number has no field, its unit is uur/week."""
    df = indirect_per_week(s, "wo", ["2 uur/week", 2])
    assert df["uren_per_week"].tolist() == [2.0, 2.0]
    assert df["indirect_uur"].tolist() == pytest.approx([2 * 48 / 480] * 2)
    [p] = fout(lambda: indirect_per_week(s, "wo", ["2 uur"])).problemen  # work time, not per week
    assert (p.sleutel, p.waarde, p.code) == ("uren_per_week", "2 uur", "eenheid")


@pytest.mark.parametrize("waarde", [-1, {}, 1j, 10**400, True, None, "veel"], ids=lambda w: repr(w)[:20])
def test_indirect_per_week_noemt_het_argument_en_de_gegeven_waarde(s: tarieven.Scenario, waarde: Any) -> None:
    """It named ``product.indirect_uur.wo = -0.1``, a value derived per unit the user never gave, or
    ended in a raw TypeError or OverflowError."""
    e = fout(lambda: indirect_per_week(s, "wo", [1, waarde]))
    [p] = e.problemen
    assert (p.sleutel, p.waarde, type(p.waarde)) == ("uren_per_week", waarde, type(waarde))
    assert p.verwacht.startswith("een getal van 0 of meer in uur/week (indirecte tijd van wo per groep per week)")
    assert "product.indirect_uur" not in str(e)


def test_indirect_per_week_weken_per_jaar(s: tarieven.Scenario) -> None:
    """``weken_per_jaar="48"`` gave a raw TypeError from numpy; a number as text is read as elsewhere."""
    assert indirect_per_week(s, "wo", [2], weken_per_jaar="48")["indirect_uur"].tolist() == [0.2]
    for waarde in ("veel", True, 60):
        [p] = fout(lambda: indirect_per_week(s, "wo", [2], weken_per_jaar=waarde)).problemen  # noqa: B023
        assert (p.sleutel, p.waarde) == ("weken_per_jaar", waarde)


# -- the target, the keys of a goal seek grid, the chunk size ---------------------------


def test_doel_met_een_eenheid(s: tarieven.Scenario) -> None:
    """``"100 EUR"`` was a raw ValueError from numpy; the target is read in the line's unit."""
    assert analyse.doelzoek(s, B, "100 EUR") == analyse.doelzoek(s, B, 100.0)
    assert analyse.doelzoek(s, B, ["100 EUR", 110]).tolist() == analyse.doelzoek(s, B, [100.0, 110.0]).tolist()
    df = analyse.doelzoek_rooster(s, B, "100 EUR", {G: [8]})
    pd.testing.assert_frame_equal(df, analyse.doelzoek_rooster(s, B, 100.0, {G: [8]}))
    assert df.attrs["doel"] == 100.0


@pytest.mark.parametrize(
    ("doel", "code"),
    [("100 EUR/maand", "eenheid"), ("veel", "type"), (True, "type"), (b"100", "type"), (None, "type")],
    ids=repr,
)
def test_doel_dat_geen_bedrag_is(s: tarieven.Scenario, doel: Any, code: str) -> None:
    for doe in (lambda: analyse.doelzoek(s, B, doel), lambda: analyse.doelzoek_rooster(s, B, doel, {G: [8]})):
        [p] = fout(doe).problemen
        assert (p.sleutel, p.waarde, p.code) == ("doel", doel, code)
        assert "een eindig getal in EUR (het doel voor tarief_per_client)" in p.verwacht


def test_doelzoek_rooster_weigert_een_structuurkeuze(s: tarieven.Scenario) -> None:
    """It said 'opslagen.overhead_grondslag ontbreekt: verwacht een bestaande invoer', while the
    docstring promised variaties 'as in rooster'."""
    keuze = {"opslagen.overhead_grondslag": ["opslag_op_kostprijs"]}
    [p] = fout(lambda: analyse.doelzoek_rooster(s, B, 100, {**keuze, G: [8]})).problemen
    assert (p.sleutel, p.waarde, p.code) == ("opslagen.overhead_grondslag", ["opslag_op_kostprijs"], "combinatie")
    assert "doelzoek_rooster varieert geen structuurkeuze" in p.verwacht
    doc = " ".join((analyse.doelzoek_rooster.__doc__ or "").split())
    assert "numeric inputs only: a structural choice (``product.ratio.afronding``," in doc  # the docs say so too


def test_een_onbekende_sleutel_is_onbekend_niet_ontbrekend(s: tarieven.Scenario) -> None:
    """A key that was given is not missing: code onbekend, with its value (or as the value of its argument)."""
    verwacht = "verwacht een bekende invoer van dit scenario ("
    for doe, naam, waarde in [
        (lambda: analyse.rooster(s, {"product.xx": [1]}), "product.xx", [1]),
        (lambda: analyse.doelzoek_rooster(s, B, 100, {"product.xx": [1]}), "product.xx", [1]),
        (lambda: analyse.doelzoek(s, "product.xx", 100), "sleutel", "product.xx"),
        (lambda: analyse.gevoeligheid(s, ["product.xx"]), "sleutels", "product.xx"),
    ]:
        [p] = fout(doe).problemen
        assert (p.sleutel, p.waarde, p.code) == (naam, waarde, "onbekend")
        assert str(p).startswith(f"{naam} = {waarde!r}: {verwacht}")
    [p] = fout(lambda: analyse.monte_carlo(s, {"product.xx": analyse.Uniform(0, 1)}, 10)).problemen
    assert (p.sleutel, p.code) == ("product.xx", "onbekend")
    assert "ontbreekt" not in str(p)


def test_de_gezochte_invoer_varieren(s: tarieven.Scenario) -> None:
    """It said 'variaties.product.bezettingsgraad ontbreekt: verwacht niet de invoer waarnaar gezocht wordt'."""
    [p] = fout(lambda: analyse.doelzoek_rooster(s, B, 100, {B: [0.8]})).problemen
    assert (p.sleutel, p.waarde, p.code) == (f"variaties.{B}", [0.8], "combinatie")
    assert "ontbreekt" not in str(p)
    assert p.verwacht.startswith(f"een andere invoer dan {B}, de invoer waarnaar gezocht wordt (sleutel)")


@pytest.mark.parametrize(
    ("waarde", "code"), [("2", "type"), (2.5, "type"), (True, "type"), (0, "buiten_bereik"), (-1, "buiten_bereik")]
)
def test_blokgrootte(s: tarieven.Scenario, waarde: Any, code: str) -> None:
    """``"2"`` gave a raw TypeError; 0 and -1 were accepted silently."""
    for doe in (
        lambda: analyse.rooster(s, {G: [8, 9]}, blokgrootte=waarde),
        lambda: analyse.monte_carlo(s, {B: analyse.Uniform(0.7, 0.9)}, 10, blokgrootte=waarde),
    ):
        [p] = fout(doe).problemen
        assert (p.sleutel, p.waarde, p.code) == ("blokgrootte", waarde, code)
        assert p.verwacht.startswith("een geheel aantal scenario's per blok van 1 of meer")
    assert len(analyse.rooster(s, {G: [8, 9]}, blokgrootte=np.int64(1))) == 2


@pytest.mark.parametrize(
    ("sleutel", "keuze"),
    [
        ("product.ratio.afronding", analyse.Keuze("exact")),  # its letters: an IndexError
        (B, analyse.Keuze(b"ab")),  # its byte codes, then a raw ValueError
        (B, analyse.Keuze({0.8: 1})),  # a raw TypeError
        (B, analyse.Keuze({0.8, 0.9})),  # a raw TypeError
        (B, analyse.Keuze(x for x in [0.8])),  # no len(): a raw TypeError
        (B, analyse.Keuze([True])),  # silently occupancy 1.0
        (B, analyse.Keuze([10**400])),  # an OverflowError
        (B, analyse.Keuze([0.8], "a")),  # kansen as letters: a raw ValueError
    ],
    ids=lambda w: repr(w)[:30],
)
def test_een_keuze_is_een_lijst_van_waarden(s: tarieven.Scenario, sleutel: str, keuze: Any) -> None:
    [p] = fout(lambda: analyse.monte_carlo(s, {sleutel: keuze}, 10)).problemen
    assert (p.sleutel, p.waarde) == (sleutel, keuze)
    assert p.verwacht.startswith(("een Keuze met een lijst van waarden", "een keuze uit ten minste één", "kansen"))
