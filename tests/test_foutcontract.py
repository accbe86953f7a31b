"""The error contract a program reads: every problem with its path, code, value, expectation and message.

A web service that validates a scenario answers 422 with the problems, never 500: ``to_dict()``
gives JSON-safe problems (a missing value is None, never Ellipsis), each with a path of keys and
indices and a code from a small documented set. The service example in docs/api.md is run here as
written there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import tarieven
from tarieven.fouten import CODES, InvoerFout, Probleem, Waarschuwing

ROOT = Path(__file__).parents[1]
GOLDEN = ROOT / "tests" / "golden" / "g1-dagbesteding-licht.json"
VELDEN = {"pad", "code", "waarde", "verwacht", "melding", "rij"}


def _fout(scenario: Any, **kw: Any) -> InvoerFout:
    with pytest.raises(InvoerFout) as e:
        tarieven.bereken(scenario, **kw)
    return e.value


def test_leeg_scenario_geeft_elk_probleem_als_json() -> None:
    d = json.loads(json.dumps(_fout({}).to_dict()))  # strict JSON: no Ellipsis, no NaN
    assert set(d) == {"melding", "bestand", "problemen", "waarschuwingen"}
    assert d["bestand"] == "<dict>"
    assert len(d["problemen"]) > 5
    for p in d["problemen"]:
        assert set(p) == VELDEN
        assert p["code"] in CODES
        assert isinstance(p["pad"], list)
        assert p["melding"] in d["melding"]
    ontbrekend = [p for p in d["problemen"] if p["code"] == "ontbreekt"]
    assert ontbrekend
    assert all(p["waarde"] is None for p in ontbrekend)
    assert ["product", "groepsgrootte"] in [p["pad"] for p in ontbrekend]


@pytest.mark.parametrize(
    ("sleutel", "waarde", "code"),
    [
        ("product.groepsgrootte", -3, "buiten_bereik"),
        ("product.bezettingsgraad", "veel", "type"),
        ("product.duur_uur", "3 EUR", "eenheid"),
        ("opslagen.overhead_grondslag", "half", "keuze"),
        ("product.groepsgrootte", True, "type"),
    ],
)
def test_code_per_soort_probleem(sleutel: str, waarde: Any, code: str) -> None:
    (p,) = _fout("41A22", met={sleutel: waarde}).problemen
    assert p.code == code
    assert p.pad == tuple(sleutel.split("."))
    assert p.to_dict()["waarde"] == waarde


def test_onbekende_sleutel_en_pad_met_index() -> None:
    g = json.loads(GOLDEN.read_text(encoding="utf-8"))
    g["product"]["groepsgrote"] = 8  # a typo
    (p,) = _fout(g).problemen
    assert (p.code, p.pad) == ("onbekend", ("product", "groepsgrote"))
    g = json.loads(GOLDEN.read_text(encoding="utf-8"))
    del g["product"]["ratio"]
    g["product"]["personeel"] = [{"functie": "mbo", "aantal": 1}, {"functie": "hbo", "aantal": "twee"}]
    problemen = _fout(g).problemen
    assert ("product", "personeel", 1, "aantal") in [p.pad for p in problemen]


def test_een_onbekende_code_is_een_programmeerfout() -> None:
    with pytest.raises(ValueError, match="onbekende code"):
        Probleem("x", 1, "iets", "verkeerd")


def test_waarschuwing_heeft_dezelfde_vorm() -> None:
    u = tarieven.bereken("41A22", "2025-06-01", met={"product.bezettingsgraad": 0.3})
    (w,) = u.waarschuwingen
    d = w.to_dict()
    assert set(d) == VELDEN
    assert d["code"] == "ongebruikelijk" == Waarschuwing.code
    assert d["pad"] == ["product", "bezettingsgraad"]
    assert d["waarde"] == 0.3


def test_de_dienst_uit_de_documentatie() -> None:
    """The example of docs/api.md as written there: 422 with every problem for an empty scenario,
    200 with the result and its warnings for a valid one."""
    tekst = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    (code,) = [b for b in re.findall(r"```python\n(.*?)```", tekst, re.DOTALL) if "def antwoord" in b]
    ruimte: dict[str, Any] = {}
    exec(compile(code, "docs/api.md", "exec"), ruimte)  # the documented code, not a copy of it
    status, lijf = ruimte["antwoord"]("{}")
    assert status == 422
    assert all(p["code"] in CODES for p in json.loads(lijf)["problemen"])
    status, lijf = ruimte["antwoord"](GOLDEN.read_text(encoding="utf-8"))
    assert status == 200
    d = json.loads(lijf)
    assert (
        d["tarief_per_client"]
        == tarieven.bereken(json.loads(GOLDEN.read_text(encoding="utf-8"))).to_dict()["tarief_per_client"]
    )
    assert d["waarschuwingen"] == []


# -- types and misuse ------------------------------------------------------------------------------


def test_verkeerd_argument_noemt_het_argument() -> None:
    with pytest.raises(tarieven.TypeFout, match=r"scenario = 5 \(int\): verwacht een productcode"):
        tarieven.bereken(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"met = \[\('product.groepsgrootte', 8\)\]"):  # a TypeError too
        tarieven.bereken("41A22", met=[("product.groepsgrootte", 8)])  # type: ignore[arg-type]
    with pytest.raises(tarieven.TarievenFout, match=r"params = 3"):
        tarieven.lees_scenario("41A22", params=3)  # type: ignore[arg-type]


def test_gevalideerd_scenario_verandert_niet() -> None:
    """Occupancy -0,5 written into a validated scenario used to be priced: now the numbers are fixed;
    a changed scenario goes through the validator (Scenario.met). It still pickles (another process)."""
    import pickle

    s = tarieven.lees_scenario("41A22", "2025-06-01")
    with pytest.raises(TypeError, match=r"Scenario\.met"):
        s.waarden["product.bezettingsgraad"] = -0.5  # type: ignore[index]
    with pytest.raises(TypeError):
        s.waarden.update({"product.bezettingsgraad": -0.5})  # type: ignore[attr-defined]
    with pytest.raises(InvoerFout, match="bezettingsgraad"):
        s.met(**{"product.bezettingsgraad": -0.5})
    assert pickle.loads(pickle.dumps(s)).waarden == s.waarden


def test_mypy_kent_alleen_bestaande_namen(tmp_path: Path) -> None:
    """The lazy top-level import keeps its speed, but a type checker sees the real names: a typo is
    an error, not Any. mypy is in the test extra: this check runs wherever the tests run."""
    from mypy import api

    bestand = tmp_path / "gebruik.py"
    bestand.write_text("from tarieven import bereken_tabl\nfrom tarieven import bereken_tabel\n", encoding="utf-8")
    # the package's own modules are read for their types, their own findings are the typing session's job
    uit, _, status = api.run(["--strict", "--no-incremental", "--follow-imports=silent", str(bestand)])
    assert status == 1
    assert 'has no attribute "bereken_tabl"' in uit
    assert "bereken_tabel" not in uit.replace('maybe "bereken_tabel"', "")
