"""How a breakdown line is defined (tarieven.regeldefinitie): one function, its value and every formula."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from tarieven import groep, opslagen, personeel
from tarieven.regeldefinitie import ELEMENTEN, STAPPEN, Lijst, RegelDefinitie, Vast, regel, verwijzing, woordnaam

REL = 1e-12


def _jaarloon() -> RegelDefinitie:
    return regel(
        "jaarloon.mbo",
        eenheid="EUR/jaar",
        omschrijving="jaarloon inclusief toeslagen",
        label="jaarloon mbo",
        stap="1",
        elementen=("beroepskracht",),
        functie=personeel.jaarloon,
        argumenten={
            "bruto_jaarsalaris": "bruto_jaarsalaris.mbo",
            "vakantietoeslag": "functies.mbo.vakantietoeslag",
            "eindejaarsuitkering": "functies.mbo.eindejaarsuitkering",
        },
    )


JAARLOON_WAARDEN = {
    "bruto_jaarsalaris.mbo": 39_000.0,
    "functies.mbo.vakantietoeslag": 0.08,
    "functies.mbo.eindejaarsuitkering": 0.0833,
}


def _personeel_direct() -> RegelDefinitie:
    """Two functions; hbo has no extra time (the constant 0)."""
    return regel(
        "personeel_direct",
        eenheid="EUR",
        omschrijving="direct personeel",
        label="direct personeel",
        stap="3",
        elementen=("beroepskracht",),
        functie=groep.personeel_direct,
        argumenten={
            "aantal": ("aantal.mbo", "aantal.hbo"),
            "duur_uur": "product.duur_uur",
            "extra_uur": ("product.extra_uur.mbo", 0.0),
            "uurkosten": ("uurkosten.mbo", "uurkosten.hbo"),
        },
    )


def _met_overhead(aandeel: bool) -> RegelDefinitie:
    return regel(
        "met_overhead",
        eenheid="EUR",
        omschrijving="kostprijs met overhead",
        label="met overhead",
        stap="4",
        elementen=("beroepskracht",),
        functie=opslagen.met_overhead,
        argumenten={
            "kostprijs": "kostprijs_per_client",
            "overhead": "opslagen.overhead",
            "aandeel_integrale_kostprijs": Vast(aandeel),
        },
    )


def _werkgeverslasten() -> RegelDefinitie:
    p = "werkgeverslasten.pensioen."
    return regel(
        "werkgeverslasten_bedrag.mbo",
        eenheid="EUR/jaar",
        omschrijving="werkgeverslasten",
        label="werkgeverslasten mbo",
        stap="1",
        elementen=("beroepskracht",),
        functie=personeel.werkgeverslasten_bedrag,
        argumenten={
            "jaarloon": "jaarloon.mbo",
            "premies": Lijst(("werkgeverslasten.premies.awf", "werkgeverslasten.premies.zvw")),
            "maximum_premieloon": "werkgeverslasten.maximum_premieloon",
            "pensioenpremie": p + "premie",
            "premie_ap": p + "premie_ap",
            "franchise": p + "franchise",
            "franchise_ap": p + "franchise_ap",
            "maximum_pensioengevend_salaris": p + "maximum_pensioengevend_salaris",
            "werkgeversdeel": p + "werkgeversdeel",
        },
    )


# -- regel() ---------------------------------------------------------------------------------------


def test_regel_bewaart_naam_eenheid_en_argumenten() -> None:
    d = _jaarloon()
    assert (d.naam, d.eenheid, d.label, d.stap) == ("jaarloon.mbo", "EUR/jaar", "jaarloon mbo", "1")
    assert d.functie is personeel.jaarloon
    assert d.argumenten == (
        ("bruto_jaarsalaris", "bruto_jaarsalaris.mbo"),
        ("vakantietoeslag", "functies.mbo.vakantietoeslag"),
        ("eindejaarsuitkering", "functies.mbo.eindejaarsuitkering"),
    )
    assert d.stap in STAPPEN


def test_regel_weigert_een_onbekende_parameter() -> None:
    with pytest.raises(TypeError, match=r"jaarloon heeft geen parameter\(s\) \['vakantietoesla'\]"):
        regel(
            "x",
            eenheid="1",
            omschrijving="x",
            label="x",
            stap="1",
            elementen=("beroepskracht",),
            functie=personeel.jaarloon,
            argumenten={"bruto_jaarsalaris": "a", "vakantietoesla": "b"},
        )


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"stap": "9"}, r"stap '9' is geen stap van de methode"),
        ({"elementen": ("kosten",)}, r"kostprijselementen \('kosten',\)"),
        ({"elementen": ()}, r"kostprijselementen \(\); verwacht een of meer"),
    ],
)
def test_regel_weigert_een_onbekende_stap_of_een_element(wijziging: dict[str, Any], melding: str) -> None:
    velden: dict[str, Any] = {
        "eenheid": "EUR/jaar",
        "omschrijving": "x",
        "label": "x",
        "stap": "1",
        "elementen": ("beroepskracht",),
        "functie": personeel.bruto_jaarsalaris,
        "argumenten": {"maandsalaris": "functies.mbo.maandsalaris"},
    }
    with pytest.raises(TypeError, match=melding):
        regel("x", **{**velden, **wijziging})


def test_verwijzing_per_regel_sectie_en_wettelijk_element() -> None:
    d = _jaarloon()
    assert d.sectie == verwijzing("1") == "docs/methode.md#stap-1-personeelskosten-per-fte-per-jaar"
    assert d.grondslag == (
        "kosten van de beroepskracht (Besluit Jeugdwet art. 2.3 lid 1 onder a; "
        "Uitvoeringsbesluit Wmo 2015 art. 5.4 lid 3 onder a)"
    )
    assert set(ELEMENTEN) >= {"beroepskracht", "clientgebonden_kosten", "overhead"}


# -- reken ---------------------------------------------------------------------------------------------


def test_reken_met_de_hand() -> None:
    uit = _jaarloon().reken(JAARLOON_WAARDEN)
    assert isinstance(uit, np.float64)
    assert uit == pytest.approx(39_000 * (1 + 0.08 + 0.0833), rel=REL)


def test_reken_per_functie_en_constante() -> None:
    waarden = {
        "aantal.mbo": 1.0,
        "aantal.hbo": 2.0,
        "product.duur_uur": 4.0,
        "product.extra_uur.mbo": 0.5,
        "uurkosten.mbo": 50.0,
        "uurkosten.hbo": 60.0,
    }
    assert _personeel_direct().reken(waarden) == pytest.approx(1 * (4 + 0.5) * 50 + 2 * (4 + 0) * 60, rel=REL)


def test_reken_met_vast_en_lijst() -> None:
    assert _met_overhead(True).reken({"kostprijs_per_client": 80.0, "opslagen.overhead": 0.2}) == pytest.approx(
        80 / (1 - 0.2), rel=REL
    )
    assert _met_overhead(False).reken({"kostprijs_per_client": 80.0, "opslagen.overhead": 0.2}) == pytest.approx(
        80 * 1.2, rel=REL
    )
    p = "werkgeverslasten.pensioen."
    waarden = {
        "jaarloon.mbo": 50_000.0,
        "werkgeverslasten.premies.awf": 0.05,
        "werkgeverslasten.premies.zvw": 0.07,
        "werkgeverslasten.maximum_premieloon": 70_000.0,
        p + "premie": 0.2,
        p + "premie_ap": 0.01,
        p + "franchise": 18_000.0,
        p + "franchise_ap": 0.0,
        p + "maximum_pensioengevend_salaris": 130_000.0,
        p + "werkgeversdeel": 0.5,
    }
    verwacht = (0.05 + 0.07) * 50_000 + 0.5 * 0.2 * (50_000 - 18_000) + 0.01 * 50_000
    assert _werkgeverslasten().reken(waarden) == pytest.approx(verwacht, rel=REL)


def test_reken_over_arrays() -> None:
    waarden = {**JAARLOON_WAARDEN, "bruto_jaarsalaris.mbo": np.array([30_000.0, 39_000.0])}
    uit = _jaarloon().reken(waarden)
    assert isinstance(uit, np.ndarray)
    np.testing.assert_allclose(uit, [30_000 * 1.1633, 39_000 * 1.1633], rtol=REL)


def test_reken_mist_een_waarde() -> None:
    with pytest.raises(KeyError, match=r"functies\.mbo\.eindejaarsuitkering"):
        _jaarloon().reken({"bruto_jaarsalaris.mbo": 1.0, "functies.mbo.vakantietoeslag": 0.08})


# -- the formulas ---------------------------------------------------------------------------------------


def test_formule_in_woorden_noemt_de_regels_en_invoer_zonder_functie() -> None:
    assert _jaarloon().formule == "bruto_jaarsalaris × (1 + vakantietoeslag + eindejaarsuitkering)"


def test_formule_in_woorden_noemt_de_regel_niet_de_parameter() -> None:
    """opslagen.opslag(met, zonder): the words name the lines it is called with."""
    d = regel(
        "opbouw.overhead",
        eenheid="EUR",
        omschrijving="overhead per cliënt",
        label="overhead",
        stap="4",
        elementen=("overhead",),
        functie=opslagen.opslag,
        argumenten={"met": "met_overhead", "zonder": "kostprijs_per_client"},
    )
    assert d.formule == "met_overhead − kostprijs_per_client"


@pytest.mark.parametrize(
    ("naam", "functie", "per_functie", "woord"),
    [
        ("jaarloon.mbo", "mbo", False, "jaarloon"),
        ("medewerkers_totaal", "", False, "medewerkers_totaal"),
        ("functies.mbo.verzuim", "mbo", False, "verzuim"),
        ("product.groepsgrootte", "", False, "groepsgrootte"),
        ("product.ratio.mix.hbo", "hbo", False, "ratio.mix"),
        ("product.ratio.kinderen_per_medewerker", "", False, "ratio.kinderen_per_medewerker"),
        ("product.personeel.mbo", "", True, "personeel"),
        ("opslagen.overhead", "", False, "overhead"),
        ("werkgeverslasten.pensioen.premie", "mbo", False, "pensioen.premie"),
    ],
)
def test_woordnaam(naam: str, functie: str, per_functie: bool, woord: str) -> None:
    assert woordnaam(naam, functie=functie, per_functie=per_functie) == woord


def test_per_functie_geeft_een_som_over_de_functies() -> None:
    assert _personeel_direct().formule == "Σ_f aantal × (duur_uur + extra_uur) × uurkosten"


def test_formule_volgt_de_vaste_keuze() -> None:
    assert _met_overhead(True).formule == "kostprijs_per_client / (1 − overhead)"
    assert _met_overhead(False).formule == "kostprijs_per_client × (1 + overhead)"
    assert _met_overhead(True).expressie == "kostprijs_per_client / (1 - opslagen.overhead)"
    assert _met_overhead(False).expressie == "kostprijs_per_client * (1 + opslagen.overhead)"


def test_lijst_noemt_elk_element_bij_het_laatste_deel_van_zijn_naam() -> None:
    formule = _werkgeverslasten().formule
    assert formule.startswith(
        "(awf + zvw) × min(jaarloon; maximum_premieloon) + pensioen.werkgeversdeel × pensioen.premie × "
    )
    assert "Σ_f" not in formule  # a Lijst is no sum over functions
    assert _werkgeverslasten().expressie.startswith(
        "(werkgeverslasten.premies.awf + werkgeverslasten.premies.zvw) * min(jaarloon.mbo, "
        "werkgeverslasten.maximum_premieloon)"
    )


def test_ratio_formule_met_de_afrondingswacht() -> None:
    def ratio(naar_boven: bool) -> RegelDefinitie:
        return regel(
            "medewerkers_totaal",
            eenheid="1",
            omschrijving="medewerkers",
            label="medewerkers",
            stap="3",
            elementen=("beroepskracht",),
            functie=groep.medewerkers_uit_ratio,
            argumenten={
                "groepsgrootte": "product.groepsgrootte",
                "kinderen_per_medewerker": "product.ratio.kinderen_per_medewerker",
                "naar_boven": Vast(naar_boven),
            },
        )

    assert ratio(True).formule == "⌈afgerond(groepsgrootte / ratio.kinderen_per_medewerker; 9)⌉"
    assert ratio(True).excel() == "=CEILING(ROUND(product_groepsgrootte/product_ratio_kinderen_per_medewerker,9),1)"
    assert ratio(False).formule == "groepsgrootte / ratio.kinderen_per_medewerker"
    assert ratio(True).reken({"product.groepsgrootte": 21.0, "product.ratio.kinderen_per_medewerker": 0.7}) == 30


def test_expressie_over_de_namen_van_het_scenario() -> None:
    assert _jaarloon().expressie == (
        "bruto_jaarsalaris.mbo * (1 + functies.mbo.vakantietoeslag + functies.mbo.eindejaarsuitkering)"
    )
    # one term per function; the constant 0 extra time of hbo drops out
    assert _personeel_direct().expressie == (
        "aantal.mbo * (product.duur_uur + product.extra_uur.mbo) * uurkosten.mbo"
        " + aantal.hbo * product.duur_uur * uurkosten.hbo"
    )


def test_expressie_rekent_hetzelfde_als_reken() -> None:
    d = _personeel_direct()
    waarden = {
        "aantal.mbo": 1.5,
        "aantal.hbo": 0.5,
        "product.duur_uur": 3.0,
        "product.extra_uur.mbo": 0.25,
        "uurkosten.mbo": 47.0,
        "uurkosten.hbo": 61.0,
    }
    namen = {k.replace(".", "_"): v for k, v in waarden.items()}
    assert eval(d.expressie.replace(".", "_"), {}, namen) == pytest.approx(float(d.reken(waarden)), rel=REL)


def test_invoer_in_volgorde_van_eerste_voorkomen() -> None:
    assert _jaarloon().invoer == (
        "bruto_jaarsalaris.mbo",
        "functies.mbo.vakantietoeslag",
        "functies.mbo.eindejaarsuitkering",
    )
    # the constant is no input; duur_uur appears once
    assert _personeel_direct().invoer == (
        "aantal.mbo",
        "product.duur_uur",
        "product.extra_uur.mbo",
        "uurkosten.mbo",
        "aantal.hbo",
        "uurkosten.hbo",
    )
    assert _met_overhead(True).invoer == ("kostprijs_per_client", "opslagen.overhead")


def test_excel_met_gedefinieerde_namen() -> None:
    assert (
        _jaarloon().excel()
        == "=bruto_jaarsalaris_mbo*(1+functies_mbo_vakantietoeslag+functies_mbo_eindejaarsuitkering)"
    )
    assert _met_overhead(True).excel() == "=kostprijs_per_client/(1-opslagen_overhead)"
    assert _personeel_direct().excel() == (
        "=aantal_mbo*(product_duur_uur+product_extra_uur_mbo)*uurkosten_mbo+aantal_hbo*product_duur_uur*uurkosten_hbo"
    )


def test_excel_met_eigen_namen() -> None:
    cellen = {
        "bruto_jaarsalaris.mbo": "B2",
        "functies.mbo.vakantietoeslag": "B3",
        "functies.mbo.eindejaarsuitkering": "B4",
    }
    assert _jaarloon().excel(cellen.__getitem__) == "=B2*(1+B3+B4)"


def test_met_waarden() -> None:
    def toon(naam: str, waarde: Any) -> str:
        return f"{waarde:g}"

    assert _jaarloon().met_waarden(JAARLOON_WAARDEN, toon) == "39000 × (1 + 0.08 + 0.0833)"
    assert (
        _met_overhead(True).met_waarden(
            {"kostprijs_per_client": 80.0, "opslagen.overhead": 0.2}, lambda n, w: f"{n}={w:g}"
        )
        == "kostprijs_per_client=80 / (1 − opslagen.overhead=0.2)"
    )


def test_een_constante_als_argument() -> None:
    d = regel(
        "materieel",
        eenheid="EUR",
        omschrijving="materieel",
        label="materieel",
        stap="3",
        elementen=("beroepskracht",),
        functie=groep.materieel,
        argumenten={"materieel_per_client": 2.5, "groepsgrootte": "product.groepsgrootte", "bezettingsgraad": 1.0},
    )
    assert d.expressie == "2.5 * product.groepsgrootte"  # × 1 is left out
    assert d.invoer == ("product.groepsgrootte",)
    assert d.reken({"product.groepsgrootte": 8.0}) == pytest.approx(2.5 * 8, rel=REL)


def test_geen_functies_geeft_nul() -> None:
    d = regel(
        "clientkosten",
        eenheid="EUR",
        omschrijving="cliëntkosten",
        label="cliëntkosten",
        stap="3",
        elementen=("beroepskracht",),
        functie=groep.clientkosten,
        argumenten={"client_uur": (), "uurkosten": ()},
    )
    assert d.reken({}) == 0
    assert d.expressie == "0"
    assert d.invoer == ()
    assert d.formule == "Σ_f client_uur × uurkosten"


def test_de_woorden_van_elke_regel_zijn_eenduidig() -> None:
    """In every line the model defines, two different inputs or lines never get the same word in
    the formula in words, and the formula names each of them; only a sum over functions whose
    terms come from different places (client time given per session for one function, derived
    from the trajectory for another) names the quantity, the function's parameter."""
    from tarieven.model import ALLE_STRUCTUREN, regeldefinities

    for s in ALLE_STRUCTUREN:
        for d in regeldefinities(s):
            eigen = d.naam.partition(".")[2]
            woorden: dict[str, set[str]] = {}
            for k, a in d.argumenten:
                if isinstance(a, str):
                    woorden.setdefault(woordnaam(a, functie=eigen), set()).add(a)
                elif isinstance(a, tuple):
                    per_term = {woordnaam(x, per_functie=True) for x in a if isinstance(x, str)}
                    woord = per_term.pop() if len(per_term) == 1 else k
                    woorden.setdefault(woord, set()).add(k)
            dubbel = {w: n for w, n in woorden.items() if len(n) > 1}
            assert not dubbel, (d.naam, dubbel)
            for w in woorden:
                assert w in d.formule, (d.naam, w, d.formule)
