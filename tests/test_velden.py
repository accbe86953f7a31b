"""The field registry (tarieven.velden): lookup, ranges, the Dutch expectation texts, tables and labels."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tarieven.fouten import OnbekendeNaam, TarievenFout
from tarieven.velden import FUNCTIE_GETALLEN, VELDEN, Bereik, Veld, is_tabel, kinderen, label, veld, velden

# -- veld() ---------------------------------------------------------------------------------


def test_veld_vult_de_ster_met_elke_naam() -> None:
    assert veld("functies.mbo.maandsalaris") is VELDEN["functies.*.maandsalaris"]
    assert veld("functies.gz_psycholoog.maandsalaris") is VELDEN["functies.*.maandsalaris"]
    assert veld("product.personeel.hbo") is VELDEN["product.personeel.*"]
    assert veld("werkgeverslasten.premies.zvw") is VELDEN["werkgeverslasten.premies.*"]
    assert veld("product.groepsgrootte") is VELDEN["product.groepsgrootte"]


def test_veld_eenheid_en_bereik() -> None:
    salaris = veld("functies.mbo.maandsalaris")
    assert salaris.eenheid == "EUR/maand"
    assert salaris.verplicht
    assert veld("product.duur_uur").eenheid == "uur"
    assert veld("product.groepsgrootte").geheel
    assert veld("product.eenheid").keuzes == ("dagdeel", "sessie", "uur", "dag")


@pytest.mark.parametrize("sleutel", ["product.groepsgrote", "functies.mbo", "functies.mbo.maandsalaris.extra", ""])
def test_onbekende_sleutel_is_een_keyerror_die_de_namen_noemt(sleutel: str) -> None:
    with pytest.raises(KeyError) as fout:
        veld(sleutel)
    assert isinstance(fout.value, OnbekendeNaam)
    assert isinstance(fout.value, TarievenFout)
    assert fout.value.naam == sleutel
    assert fout.value.soort == "invoer"
    assert "product.groepsgrootte" in fout.value.bekend
    tekst = str(fout.value)
    assert tekst.startswith(f"onbekende invoer {sleutel!r}; bekend zijn: ")
    assert "functies.*.maandsalaris" in tekst
    assert "product.groepsgrootte" in tekst


def test_onbekende_sleutel_lijst_wordt_afgekapt() -> None:
    with pytest.raises(OnbekendeNaam) as fout:
        veld("bestaat.niet")
    assert len(fout.value.bekend) == len(VELDEN) > 40
    assert str(fout.value).endswith(", ...")  # at most 40 names in the message


def test_overhead_als_aandeel_stopt_onder_1() -> None:
    opslag = veld("opslagen.overhead")
    aandeel = veld("opslagen.overhead", overhead_aandeel=True)
    assert opslag.past(1.5)  # 150 % mark-up is allowed
    assert not aandeel.past(1.0)  # a share of 100 % divides by zero
    assert aandeel.past(0.999)
    assert aandeel.past(0.0)
    assert not aandeel.past(-0.1)
    assert aandeel.omschrijving == "overhead als deel van de integrale kostprijs"
    assert aandeel.verwacht() == (
        "een fractie van 0 tot 1, 1 niet inbegrepen (0.08 voor 8 %) (overhead als deel van de integrale kostprijs)"
    )
    assert opslag.verwacht() == "een getal van 0 of meer (overhead als opslag op de kostprijs)"
    # the same key, label and other attributes
    assert (aandeel.sleutel, aandeel.label, aandeel.verplicht) == (opslag.sleutel, opslag.label, opslag.verplicht)


def test_overhead_aandeel_verandert_andere_velden_niet() -> None:
    assert veld("opslagen.risico_opslag", overhead_aandeel=True) is veld("opslagen.risico_opslag")


# -- Bereik.past -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bereik", "binnen", "buiten"),
    [
        (Bereik(0.0, 1.0), [0.0, 0.5, 1.0], [-0.001, 1.001]),
        (Bereik(0.0, 1.0, hoog_mee=False), [0.0, 0.999], [1.0, -0.1]),
        (Bereik(0.0, 1.0, laag_mee=False), [1e-9, 1.0], [0.0, 1.5]),
        (Bereik(0.0, laag_mee=False), [1e-9, 1e12], [0.0, -1.0]),
        (Bereik(0.0, 24.0, laag_mee=False), [24.0, 0.5], [0.0, 24.5]),
    ],
)
def test_bereik_past(bereik: Bereik, binnen: list[float], buiten: list[float]) -> None:
    for x in binnen:
        assert bereik.past(x) is True, x
    for x in buiten:
        assert bereik.past(x) is False, x


@pytest.mark.parametrize("x", [math.nan, math.inf, -math.inf])
def test_bereik_past_niet_voor_nan_en_oneindig(x: float) -> None:
    assert Bereik(-math.inf).past(x) is False  # not even an unbounded range takes them


def test_bereik_past_per_element() -> None:
    uit = Bereik(0.0, 1.0, hoog_mee=False).past(np.array([0.0, 0.5, 1.0, np.nan, -0.1, np.inf]))
    assert isinstance(uit, np.ndarray)
    np.testing.assert_array_equal(uit, [True, True, False, False, False, False])


def test_veld_past_een_geheel_getal() -> None:
    groep = veld("product.groepsgrootte")
    assert groep.past(8) is True
    assert groep.past(8.0) is True
    assert groep.past(8.5) is False
    assert groep.past(0) is False
    np.testing.assert_array_equal(
        groep.past(np.array([8.0, 8.5, 0.0, -1.0, np.nan])), [True, False, False, False, False]
    )


def test_veld_zonder_bereik_past_elk_eindig_getal() -> None:
    vrij = Veld("x")
    assert vrij.past(-1e9)
    assert not vrij.past(math.nan)


def test_is_plausibel() -> None:
    salaris = veld("functies.mbo.maandsalaris")
    assert salaris.is_plausibel(3250.0)
    assert not salaris.is_plausibel(1000.0)  # allowed (> 0) but implausible
    assert salaris.past(1000.0)
    assert veld("beschrijving").is_plausibel(1e9)  # no plausible range: anything


# -- Veld.verwacht -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sleutel", "tekst"),
    [
        ("functies.mbo.maandsalaris", "een getal groter dan 0 in EUR/maand (bruto maandsalaris)"),
        (
            "functies.mbo.vakantietoeslag",
            "een fractie van 0 tot 1, 1 niet inbegrepen (0.08 voor 8 %) (vakantietoeslag als deel van het bruto "
            "jaarsalaris)",
        ),
        ("product.groepsgrootte", "een geheel getal groter dan 0 en hoogstens 10000 (aantal plaatsen in de groep, G)"),
        (
            "product.bezettingsgraad",
            "een fractie groter dan 0 en hoogstens 1 (0.85 voor 85 %) (gemiddeld gedeclareerde cliënten per plaats, b)",
        ),
        (
            "product.duur_uur",
            "een getal groter dan 0 en hoogstens 24 in uur (uren per eenheid dat de groep bijeen is, d)",
        ),
        (
            "functies.hbo.werkgeverslasten",
            "een fractie van 0 tot en met 1 (0.08 voor 8 %) (werkgeverslasten als "
            "deel van het jaarloon, of 'componenten')",
        ),
        ("product.eenheid", "een van 'dagdeel', 'sessie', 'uur', 'dag' (declaratie-eenheid)"),
        ("peildatum", "een datum zoals 2027-01-01"),
        ("tariefjaar", "een jaartal zoals 2027"),
        ("beschrijving", "tekst"),
        ("weglaten", "een lijst"),
        ("product.personeel.mbo", "een getal van 0 tot en met 1000 (aantal medewerkers van deze functie op de groep)"),
    ],
)
def test_verwacht(sleutel: str, tekst: str) -> None:
    assert veld(sleutel).verwacht(sleutel) == tekst


def test_verwacht_vult_de_naam_op_de_ster_in() -> None:
    premie = veld("werkgeverslasten.premies.awf")
    assert premie.verwacht("werkgeverslasten.premies.awf").endswith(
        "(werkgeverspremie awf als deel van het premieloon)"
    )
    assert premie.verwacht("werkgeverslasten.premies.zvw").endswith(
        "(werkgeverspremie zvw als deel van het premieloon)"
    )


@pytest.mark.parametrize(
    ("bereik", "fractie", "tekst"),
    [
        (Bereik(0.0), False, "een getal van 0 of meer"),
        (Bereik(0.0, laag_mee=False), False, "een getal groter dan 0"),
        (Bereik(2.0, 5.0), False, "een getal van 2 tot en met 5"),
        (Bereik(0.0, 24.0, laag_mee=False), False, "een getal groter dan 0 en hoogstens 24"),
        (Bereik(0.0, 5.0, hoog_mee=False), False, "een getal van 0 tot 5"),
        (Bereik(0.0, 5.0, laag_mee=False, hoog_mee=False), False, "een getal groter dan 0 en kleiner dan 5"),
        (Bereik(0.0, 1.0), True, "een fractie van 0 tot en met 1 (0.08 voor 8 %)"),
        (Bereik(0.0, 1.0, hoog_mee=False), True, "een fractie van 0 tot 1, 1 niet inbegrepen (0.08 voor 8 %)"),
        (Bereik(0.0, 1.0, laag_mee=False), True, "een fractie groter dan 0 en hoogstens 1 (0.85 voor 85 %)"),
        (Bereik(0.0, 1.0), False, "een getal van 0 tot en met 1"),
    ],
)
def test_bereik_tekst(bereik: Bereik, fractie: bool, tekst: str) -> None:
    assert bereik.tekst(fractie) == tekst


def test_bereik_tekst_open_fractie() -> None:
    tekst = Bereik(0.0, 1.0, laag_mee=False, hoog_mee=False).tekst(True)
    assert "hoogstens 1" not in tekst
    assert tekst.startswith("een fractie groter dan 0 en kleiner dan 1")


# -- tables, children, labels --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pad",
    [
        "",
        "functies",
        "functies.mbo",
        "product",
        "product.ratio",
        "product.ratio.mix",
        "product.personeel",
        "opslagen",
        "werkgeverslasten",
        "werkgeverslasten.pensioen",
        "werkgeverslasten.premies",
    ],
)
def test_is_tabel(pad: str) -> None:
    assert is_tabel(pad)


@pytest.mark.parametrize(
    "pad", ["product.groepsgrootte", "functies.mbo.maandsalaris", "product.personeel.mbo", "onzin", "functies.mbo.x.y"]
)
def test_is_geen_tabel(pad: str) -> None:
    assert not is_tabel(pad)


def test_kinderen() -> None:
    assert kinderen("functies") == ["*"]
    assert kinderen("product.ratio") == ["kinderen_per_medewerker", "afronding", "mix"]
    assert kinderen("opslagen") == ["overhead", "overhead_grondslag", "risico_opslag"]
    assert kinderen("werkgeverslasten") == ["maximum_premieloon", "premies", "pensioen"]
    assert kinderen("product.groepsgrootte") == []
    bovenaan = kinderen("")
    assert bovenaan[:5] == ["beschrijving", "basis", "peildatum", "tariefjaar", "weglaten"]
    assert set(bovenaan) == {k.split(".")[0] for k in VELDEN}
    onder_functie = kinderen("functies.mbo")
    assert "maandsalaris" in onder_functie
    assert len(onder_functie) == len(set(onder_functie))  # each once


@pytest.mark.parametrize(
    ("sleutel", "tekst"),
    [
        ("functies.mbo.maandsalaris", "maandsalaris mbo"),
        ("product.personeel.hbo", "aantal hbo op de groep"),
        ("werkgeverslasten.premies.awf", "premie awf"),
        ("product.ratio.mix.mbo", "aandeel mbo in de mix"),
        ("product.groepsgrootte", "groepsgrootte (plaatsen)"),
        ("opslagen.overhead", "overhead"),
        ("werkgeverslasten.maximum_premieloon", "maximum premieloon"),  # no label: the description
        ("onbekend_veld", "onbekend veld"),  # unknown: the key, readable
    ],
)
def test_label(sleutel: str, tekst: str) -> None:
    assert label(sleutel) == tekst


def test_velden_onder_een_prefix_in_volgorde() -> None:
    assert [v.sleutel for v in velden("opslagen.")] == [
        "opslagen.overhead",
        "opslagen.overhead_grondslag",
        "opslagen.risico_opslag",
    ]
    assert len(list(velden())) == len(VELDEN)


def test_functie_getallen() -> None:
    assert FUNCTIE_GETALLEN == (
        "maandsalaris",
        "vakantietoeslag",
        "eindejaarsuitkering",
        "werkgeverslasten",
        "overige_personeelskosten",
        "uren_per_week",
        "weken_per_jaar",
        "verlofuren",
        "verzuim",
        "scholingsuren",
        "productiviteit",
    )
    # the optional minimum holiday allowance and the texts are no required numbers
    assert "vakantietoeslag_minimum" not in FUNCTIE_GETALLEN
    assert "naam" not in FUNCTIE_GETALLEN
    for naam in FUNCTIE_GETALLEN:
        assert veld(f"functies.x.{naam}").soort == "getal"


def test_vaste_feiten() -> None:
    assert veld("functies.mbo.uren_per_week").vast
    assert veld("werkgeverslasten.premies.awf").vast
    assert not veld("functies.mbo.maandsalaris").vast
    assert not veld("product.bezettingsgraad").vast


def test_elk_getalveld_met_plausibel_bereik_ligt_binnen_het_harde_bereik() -> None:
    for v in VELDEN.values():
        if v.plausibel is not None and v.bereik is not None:
            laag, hoog = v.plausibel
            assert laag <= hoog, v.sleutel
            assert v.bereik.laag <= laag, v.sleutel
            assert hoog <= v.bereik.hoog, v.sleutel
