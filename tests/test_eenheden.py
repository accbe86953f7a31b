"""Units at the boundary (tarieven.eenheden): conversion, bare numbers, refusals, and the
small table agreeing with pint."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pint
import pytest

from tarieven.eenheden import MAX_LENGTE, EenheidFout, Gegeven, eenheid_bekend, naar_eenheid, omrekenfactor


@pytest.mark.parametrize(
    ("waarde", "eenheid", "verwacht"),
    [
        ("3250 EUR/maand", "EUR/maand", 3250.0),
        ("39000 EUR/jaar", "EUR/maand", 3250.0),  # 39000 / 12
        ("3250 €/maand", "EUR/maand", 3250.0),  # the euro sign is read, not dropped
        ("3250€/maand", "EUR/maand", 3250.0),
        ("2000 EUR/maand", "EUR/jaar", 24000.0),
        ("8 %", "dimensionless", 0.08),
        ("8%", "1", 0.08),
        ("90 minuut", "uur", 1.5),
        ("30 min", "uur", 0.5),
        ("2160 minuut/week", "uur/week", 36.0),
        ("480 /jaar", "1/jaar", 480.0),
        ("40 1/maand", "1/jaar", 480.0),
        ("3250", "EUR/maand", 3250.0),  # a bare number as text: the field's unit
        ("1e3 EUR", "EUR", 1000.0),
        (3250, "EUR/maand", 3250.0),
        (0.25, "dimensionless", 0.25),
        # Dutch notation where it is unambiguous
        ("3.250,50 EUR/maand", "EUR/maand", 3250.5),
        ("3,5 uur", "uur", 3.5),
        ("1,234,567 EUR", "EUR", 1234567.0),
        (Gegeven(2000.0, "EUR/maand"), "EUR/jaar", 24000.0),
    ],
)
def test_omrekenen(waarde: object, eenheid: str, verwacht: float) -> None:
    assert naar_eenheid(waarde, eenheid) == pytest.approx(verwacht, rel=1e-15)


def test_quantity_als_invoer() -> None:
    from tarieven.eenheden import Q_

    assert naar_eenheid(Q_(4.0, "uur"), "minuut") == pytest.approx(240.0)
    assert naar_eenheid(Q_(3000.0, "EUR/maand"), "EUR/jaar") == pytest.approx(36000.0)


@pytest.mark.parametrize(
    ("waarde", "eenheid", "melding"),
    [
        ("20 EUR/uur", "EUR/maand", "werktijd in uren of minuten is niet om te rekenen naar kalendertijd"),
        ("36 uur", "uur/week", "past niet bij uur/week"),
        ("8 %", "EUR/maand", "past niet bij EUR/maand"),
        ("4 dagdelen", "uur", "onbekende eenheid 'dagdelen'"),
        ("((", "uur", "geen getal met eenheid"),
        ("2*3", "1", "geen eenheid"),  # no arithmetic in a value
        ("2 uur^99999", "uur", "geen eenheid"),  # no exponent towers
        ("2 uur**2**2", "uur", "geen eenheid"),
        ("3 " + "uur*" * 40 + "uur", "uur", "te lang"),
        (True, "uur", "waar/onwaar"),
        (None, "uur", "geen getal"),
        (float("nan"), "uur", "geen eindig getal"),
        (10**400, "uur", "te groot"),
        ("inf uur", "uur", "geen getal met eenheid"),
        ("1e999 uur", "uur", "geen eindig getal"),
    ],
)
def test_weigeren(waarde: object, eenheid: str, melding: str) -> None:
    with pytest.raises(EenheidFout, match=melding):
        naar_eenheid(waarde, eenheid)


def test_dubbelzinnig_getal_nooit_stil_als_decimaal() -> None:
    """'3.250' can mean 3.25 or 3250: refused with a hint, or the caller picks the plausible one."""
    with pytest.raises(EenheidFout, match=r"dubbelzinnig: 3\.25 of 3250"):
        naar_eenheid("3.250 EUR/maand", "EUR/maand")
    with pytest.raises(EenheidFout, match="dubbelzinnig"):
        naar_eenheid("3,250", "EUR/maand")
    assert naar_eenheid("3.250 EUR/maand", "EUR/maand", kies=lambda xs: max(xs)) == 3250.0
    assert naar_eenheid("52.143 week/jaar", "week/jaar", kies=lambda xs: min(xs)) == 52.143
    assert naar_eenheid(52.143, "week/jaar") == 52.143  # a TOML/JSON number is never ambiguous


def test_maximale_lengte_is_ruim_voor_gewone_waarden() -> None:
    assert len("1234567.89 EUR/maand") < MAX_LENGTE


EENHEDEN = [
    "1",
    "EUR",
    "EUR/maand",
    "EUR/jaar",
    "EUR/uur",
    "EUR/week",
    "uur",
    "minuut",
    "uur/week",
    "uur/jaar",
    "week/jaar",
    "1/jaar",
    "%",
    "ct",
    "maand",
    "jaar",
    "week",
    "uur/maand",
    "EUR/minuut",
]


@pytest.mark.parametrize("van", EENHEDEN)
@pytest.mark.parametrize("naar", EENHEDEN)
def test_tabel_gelijk_aan_pint(van: str, naar: str) -> None:
    """The small run-time table and pint, both from eenheden.txt, agree on every pair."""
    from tarieven.eenheden import ureg

    try:
        pint_factor = ureg.Quantity(1.0, van if van != "%" else "procent").to(naar if naar != "%" else "procent")
    except pint.errors.DimensionalityError:
        with pytest.raises(EenheidFout, match="past niet"):
            omrekenfactor(van, naar)
        return
    assert omrekenfactor(van, naar) == pytest.approx(float(pint_factor.magnitude), rel=1e-15)


def test_meegeleverde_eenheden_zijn_bekend() -> None:
    """Every unit written in a bundled parameter file is in the table (and so also in pint)."""
    import tomllib

    from tarieven.eenheden import ureg

    gevonden: set[str] = set()

    def zoek(obj: object) -> None:
        if isinstance(obj, dict):
            for k, v in obj.items():
                if k == "eenheid" and isinstance(v, str) and v not in ("dagdeel", "sessie", "uur", "dag"):
                    gevonden.add(v)
                zoek(v)
        elif isinstance(obj, list):
            for v in obj:
                zoek(v)

    for pad in (Path(__file__).parents[1] / "params").rglob("*.toml"):
        zoek(tomllib.loads(pad.read_text(encoding="utf-8")))
    assert gevonden
    for e in gevonden:
        assert eenheid_bekend(e), e
        ureg.Unit(e)  # pint reads it too


def test_eigen_register_laat_het_globale_register_met_rust() -> None:
    from tarieven.eenheden import ureg

    assert ureg is not pint.get_application_registry()
    with pytest.raises(pint.errors.UndefinedUnitError):
        pint.get_application_registry().Unit("dagdeel")  # nothing of ours leaked in
    assert "uur" not in dir(pint.get_application_registry())


def test_pint_wordt_pas_geladen_als_erom_gevraagd_wordt() -> None:
    code = (
        "import sys; from tarieven.eenheden import naar_eenheid; "
        "naar_eenheid('3250 EUR/maand', 'EUR/jaar'); print('pint' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
