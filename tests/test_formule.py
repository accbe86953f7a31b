"""Formula trees traced from the core functions (tarieven.formule).

Two kinds of checks: the machinery itself (what tracing builds, how each style writes
it, the table functions, defined names), and its fidelity over real scenarios: for every
breakdown line the traced tree, and the machine-readable text of it evaluated by Python,
give exactly what the core computed. That makes the formula in an explanation or a
workbook the calculation itself, not a description of it.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest
from hypothesis import given

import tarieven
from tarieven import formule, groep, opslagen, personeel
from tarieven.formule import (
    EXCEL,
    EXPRESSIE,
    FORMULE,
    Bewerking,
    Getal,
    Naam,
    excel_naam,
    kies,
    namen,
    opzoeken,
    volg,
)

from .conftest import GOLDEN, SCENARIO_GOLDENS, scenarios

a, b, c = Naam("a"), Naam("b"), Naam("c.d")


# -- the machinery -----------------------------------------------------------------------


def test_operatoren_bouwen_een_boom() -> None:
    boom = a * (1 + b) - c / 2
    assert boom.tekst(EXPRESSIE) == "a * (1 + b) - c.d / 2"
    assert boom.tekst(FORMULE) == "a × (1 + b) − c.d / 2"
    assert boom.tekst(EXCEL, excel_naam) == "a*(1+b)-c_d/2"
    assert boom.evalueer({"a": 3.0, "b": 1.0, "c.d": 4.0}) == 3.0 * 2.0 - 2.0


def test_haakjes_alleen_waar_nodig() -> None:
    assert (a - (b + c)).tekst(EXPRESSIE) == "a - (b + c.d)"
    assert (a - b + c).tekst(EXPRESSIE) == "a - b + c.d"
    assert (a / (b * c)).tekst(EXPRESSIE) == "a / (b * c.d)"
    assert (a / b * c).tekst(EXPRESSIE) == "a / b * c.d"
    assert ((a + b) * c).tekst(EXPRESSIE) == "(a + b) * c.d"
    assert (a + (b + c)).tekst(EXPRESSIE) == "a + b + c.d"
    assert (a * Getal(-2.0)).tekst(EXPRESSIE) == "a * (-2)"


def test_niets_dat_de_waarde_niet_verandert() -> None:
    """x + 0, 0 + x, x * 1, 1 * x, x / 1 and a sum() starting at 0 leave no trace."""
    assert (a + 0).tekst(EXPRESSIE) == "a"
    assert (0 + a).tekst(EXPRESSIE) == "a"
    assert (a * 1).tekst(EXPRESSIE) == "a"
    assert (1 * a).tekst(EXPRESSIE) == "a"
    assert (a / 1).tekst(EXPRESSIE) == "a"
    assert sum([a, b]).tekst(EXPRESSIE) == "a + b"  # type: ignore[union-attr]
    assert isinstance(Getal(2.0) + Getal(3.0), Getal)


def test_numpy_functies_worden_knopen() -> None:
    boom = np.ceil(np.round(np.maximum(a, 0) / np.minimum(b, c), 9))
    assert boom.tekst(EXPRESSIE) == "ceil(round(max(a, 0) / min(b, c.d), 9))"
    assert boom.tekst(FORMULE) == "⌈afgerond(max(a; 0) / min(b; c.d); 9)⌉"
    assert boom.tekst(EXCEL, excel_naam) == "CEILING(ROUND(MAX(a,0)/MIN(b,c_d),9),1)"
    assert boom.evalueer({"a": 7.0, "b": 3.0, "c.d": 2.0}) == 4.0
    assert namen(boom) == ("a", "b", "c.d")


def test_een_formule_heeft_geen_waarheidswaarde() -> None:
    with pytest.raises(TypeError, match="waarheidswaarde"):
        bool(a)


def test_opzoeken_en_kies_met_getallen_en_symbolen() -> None:
    x = np.array([0.0, 4.999, 5.0, 19.9, 20.0, 30.0])
    np.testing.assert_array_equal(opzoeken(x, (0, 5, 10, 20), (1, 2, 3, 4)), [1, 1, 2, 3, 4, 4])
    np.testing.assert_array_equal(kies(np.array([1, 3]), [10.0, 20.0, 30.0]), [10.0, 30.0])
    boom = kies(opzoeken(a, (0, 5), (1, 2)), [b, c])
    assert boom.tekst(EXCEL, excel_naam) == "CHOOSE(LOOKUP(a,{0,5},{1,2}),b,c_d)"
    assert boom.evalueer({"a": 7.0, "b": 10.0, "c.d": 20.0}) == 20.0


def test_getraceerde_kernfunctie() -> None:
    boom = volg(personeel.jaarloon, {"bruto_jaarsalaris": a, "vakantietoeslag": b, "eindejaarsuitkering": c})
    assert isinstance(boom, Bewerking)
    assert boom.tekst(FORMULE) == "a × (1 + b + c.d)"
    boom = volg(opslagen.met_overhead, {"kostprijs": a, "overhead": b, "aandeel_integrale_kostprijs": True})
    assert boom.tekst(EXPRESSIE) == "a / (1 - b)"
    boom = volg(groep.personeel_direct, {"aantal": [a, b], "duur_uur": c, "extra_uur": [0.0, 0.5], "uurkosten": [a, b]})
    assert boom.tekst(EXPRESSIE) == "a * c.d * a + b * (c.d + 0.5) * b"


@pytest.mark.parametrize(
    ("sleutel", "naam"),
    [
        ("tarief_per_client", "tarief_per_client"),
        ("uurkosten.mbo", "uurkosten_mbo"),
        ("product.ratio.mix.hbo", "product_ratio_mix_hbo"),
        ("ab12", "n_ab12"),  # would be cell AB12
        ("r1c1", "n_r1c1"),  # R1C1 reference
        ("r", "n_r"),
        ("1e", "n_1e"),
        ("functies.wo-2.maandsalaris", "functies_wo_2_maandsalaris"),
    ],
)
def test_excel_naam(sleutel: str, naam: str) -> None:
    assert excel_naam(sleutel) == naam


# -- fidelity over real scenarios ---------------------------------------------------------

_NAAM = re.compile(r"[A-Za-z_][\w]*(?:\.[\w]+)+|[A-Za-z_]\w*")
_FUNCTIES = {
    "max": np.maximum,
    "min": np.minimum,
    "ceil": np.ceil,
    "round": np.round,
    "opzoeken": opzoeken,
    "kies": lambda i, *o: kies(i, o),
}


def _python(expressie: str, waarden: dict[str, Any]) -> Any:
    """The machine-readable text evaluated by Python itself: checks the printer's brackets."""
    omgeving: dict[str, Any] = dict(_FUNCTIES)

    def vervang(m: re.Match[str]) -> str:
        naam = m.group(0)
        if naam in _FUNCTIES:
            return naam
        veilig = "v_" + naam.replace(".", "__")
        omgeving[veilig] = waarden[naam]
        return veilig

    return eval(_NAAM.sub(vervang, expressie), {"__builtins__": {}}, omgeving)


def _controleer(u: tarieven.Uitkomst) -> None:
    waarden: dict[str, Any] = dict(u.scenario.waarden)
    for r in u:
        d = r.definitie
        for naam in d.invoer:
            assert naam in waarden, f"{r.naam} leest {naam}, dat (nog) niet bestaat"
        assert float(d.boom.evalueer(waarden)) == pytest.approx(r.waarde, rel=1e-13, abs=1e-12), r.naam
        assert float(_python(d.expressie, waarden)) == pytest.approx(r.waarde, rel=1e-13, abs=1e-12), r.naam
        waarden[r.naam] = r.waarde


@pytest.mark.parametrize("bestand", SCENARIO_GOLDENS)
def test_formules_golden(bestand: str) -> None:
    _controleer(tarieven.bereken(GOLDEN / bestand))


@given(scenarios())
def test_formules_willekeurig(d: dict[str, Any]) -> None:
    _controleer(tarieven.bereken(d))


@given(scenarios(componenten=True))
def test_formules_met_premies_en_pensioen(d: dict[str, Any]) -> None:
    _controleer(tarieven.bereken(d))


# -- what a traced value refuses, and the one table of numpy functions ----------------------------


@pytest.mark.parametrize(
    "functie",
    [
        lambda a: 0.0 if a == 0 else 1 / a,  # traced as 1/a before: == compared identity
        lambda a: a if a != 1 else 2 * a,
        lambda a: a if a > 0 else -a,
        lambda a: min(a, 3.0),  # Python's min compares
        lambda a: a if a else 1.0,
    ],
)
def test_vergelijken_van_een_symbool_is_een_fout(functie: Any) -> None:
    """A core function may not branch on a number: traced, the branch would be fixed silently."""
    with pytest.raises(TypeError, match=r"kan niet|waarheidswaarde"):
        volg(functie, {"a": Naam("a")})


def test_elke_numpy_functie_is_een_regel_van_de_tabel() -> None:
    """Every function of FUNCTIES traces, evaluates like numpy and is written in each style."""
    from tarieven.formule import EXCEL, EXPRESSIE, FORMULE, FUNCTIES

    a = np.array([0.4, 1.6, 2.5])
    for naam, f in FUNCTIES.items():
        args = (a, 2) if naam in ("max", "min", "round") else (a,)
        symbolen = [Naam("a"), 2][: len(args)]
        boom = f.numpy(*symbolen)
        assert isinstance(boom, formule.Functie)
        assert boom.naam == naam
        assert np.array_equal(boom.evalueer({"a": a}), f.numpy(*args))
        for stijl in (EXPRESSIE, FORMULE, EXCEL):
            tekst = boom.tekst(stijl)
            assert "a" in tekst
            assert "{" not in tekst
