"""Units at the boundary: numbers enter here with their unit and leave as plain floats.

The package's units are defined once, in ``eenheden.txt`` (pint's definition syntax): euro,
working time (uur, minuut), calendar time (jaar, maand, week) and procent. Working time and
calendar time are different dimensions on purpose, so ``"20 EUR/uur"`` where a monthly
salary is meant is an error, not a conversion through 730 calendar hours.

Reading a value does not need pint: this module reads the same definitions file into a
small table and checks every string against a short grammar first (a number, then a unit
built from the table's names with ``*``, ``/`` and small whole powers; at most
:data:`MAX_LENGTE` characters). There is no arithmetic in a value, so no string can make
the parser work for long. pint itself is loaded only when asked for: ``tarieven.eenheden.ureg``
(the package's own registry, built from the same file; pint's application registry is left
alone) and ``Q_``, or when a pint Quantity is handed in. To combine with pint-pandas,
pass ``tarieven.eenheden.ureg`` to ``pint_pandas.PintType.ureg``.

Numbers written the Dutch way are read when they are unambiguous (``3.250,50`` is
3250.50); ``3.250`` and ``3,250`` can mean 3.25 or 3250: the caller decides between the two
(a field knows which is plausible) or the value is refused with a hint, never silently
read as 3.25.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from numbers import Real
from pathlib import Path
from typing import Any

from tarieven.fouten import toon

__all__ = [
    "MAX_LENGTE",
    "EenheidFout",
    "Gegeven",
    "eenheid_bekend",
    "naar_eenheid",
    "omrekenfactor",
]
# also: ``ureg`` and ``Q_``, pint's registry and Quantity, built on first use (module __getattr__)

MAX_LENGTE = 64
"""Longest value with a unit that is read (``"3250 EUR/maand"`` is 14)."""

_DEFINITIES = Path(__file__).with_name("eenheden.txt")


class EenheidFout(ValueError):
    """A value that cannot be read in the expected unit (message in Dutch).

    ``code``: ``eenheid`` for a unit that does not fit or is not known, ``type`` for a value
    that is no number at all, ``buiten_bereik`` for one too large for a float
    (:data:`tarieven.fouten.CODES`)."""

    def __init__(self, tekst: str, code: str = "eenheid") -> None:
        super().__init__(tekst)
        self.code = code


@dataclass(frozen=True)
class Gegeven:
    """A number with the unit it was recorded in (a parameter file's value)."""

    waarde: float
    eenheid: str


# -- the table, from eenheden.txt ------------------------------------------------------

Dimensie = tuple[tuple[str, int], ...]
"""Base dimensions with their powers, sorted: (('[valuta]', 1), ('[kalenderjaar]', -1))."""


def _dimensie(d: dict[str, int]) -> Dimensie:
    return tuple(sorted((k, v) for k, v in d.items() if v))


def _vermenigvuldig(a: tuple[float, Dimensie], b: tuple[float, Dimensie], macht: int = 1) -> tuple[float, Dimensie]:
    d = dict(a[1])
    for k, v in b[1]:
        d[k] = d.get(k, 0) + macht * v
    return a[0] * b[0] ** macht, _dimensie(d)


@lru_cache(maxsize=1)
def _tabel() -> dict[str, tuple[float, Dimensie]]:
    """Unit name (and every alias) -> (factor to the base unit, dimension)."""
    tekst = _DEFINITIES.read_text(encoding="utf-8")
    tabel: dict[str, tuple[float, Dimensie]] = {}
    for regel in tekst.splitlines():
        regel = regel.split("#", 1)[0].strip()
        if not regel:
            continue
        naam, definitie, *aliassen = (d.strip() for d in regel.split("="))
        if definitie.startswith("["):
            waarde: tuple[float, Dimensie] = (1.0, ((definitie, 1),))
        else:
            # pint multiplies a number and a name written side by side: "0.01 euro"
            definitie = re.sub(r"(?<=[\d.])\s+(?=[^\s\d*/])", " * ", definitie)
            waarde = _ontleed_eenheid(definitie, tabel, getallen=True)
        for n in (naam, *aliassen):
            tabel[n] = waarde
    return tabel


_TOKEN = re.compile(r"\s*(\*\*|[*/^]|[0-9.]+|[^\s*/^0-9.]+)")


def _ontleed_eenheid(
    tekst: str, tabel: dict[str, tuple[float, Dimensie]], *, getallen: bool = False
) -> tuple[float, Dimensie]:
    """A unit expression: names from ``tabel`` joined by ``*`` and ``/``, each with an
    optional whole power (``^2``, ``**-1``); ``1/jaar`` allowed. Raises KeyError for an
    unknown name, ValueError for anything else."""
    tokens = _TOKEN.findall(tekst)
    if "".join(tokens).replace(" ", "") != tekst.replace(" ", ""):
        raise ValueError(tekst)
    resultaat: tuple[float, Dimensie] = (1.0, ())
    teken, i, verwacht_naam = 1, 0, True
    while i < len(tokens):
        t = tokens[i]
        if verwacht_naam:
            if t in tabel:
                factor = tabel[t]
            elif re.fullmatch(r"\d+(\.\d+)?", t) and (getallen or t == "1"):
                factor = (float(t), ())
            elif re.fullmatch(r"[\w%€]+", t):
                raise KeyError(t)
            else:
                raise ValueError(tekst)
            macht = 1
            if i + 2 < len(tokens) and tokens[i + 1] in ("^", "**") and re.fullmatch(r"-?[1-3]", tokens[i + 2]):
                macht, i = int(tokens[i + 2]), i + 2
            resultaat = _vermenigvuldig(resultaat, factor, teken * macht)
            verwacht_naam = False
        elif t in ("*", "/"):
            teken, verwacht_naam = (1 if t == "*" else -1), True
        else:
            raise ValueError(tekst)
        i += 1
    if verwacht_naam:
        raise ValueError(tekst)
    return resultaat


@lru_cache(maxsize=256)
def _eenheid(tekst: str) -> tuple[float, Dimensie]:
    tekst = tekst.strip()
    if tekst in ("", "1", "dimensionless"):
        return (1.0, ())
    if tekst.startswith("/"):  # "480 /jaar", as a result shows it
        tekst = "1" + tekst
    return _ontleed_eenheid(tekst.replace("€", "EUR"), _tabel())


def eenheid_bekend(eenheid: str) -> bool:
    """Whether ``eenheid`` is a unit expression over the package's units."""
    try:
        _eenheid(eenheid)
    except (KeyError, ValueError):
        return False
    return True


_NAMEN_DIMENSIE = {
    "[valuta]": "geld",
    "[werktijd]": "werktijd",
    "[kalenderjaar]": "kalendertijd",
    "[kalenderweek]": "kalendertijd",
    "[afstand]": "afstand",
}


def _past_niet(van: str, naar: str) -> str:
    bericht = f"eenheid {van} past niet bij {naar}"
    tijden = {"werktijd", "kalendertijd"}
    dv = {_NAMEN_DIMENSIE[k] for k, _ in _eenheid(van)[1]}
    dn = {_NAMEN_DIMENSIE[k] for k, _ in _eenheid(naar)[1]}
    if dv & tijden and dn & tijden and _eenheid(van)[1] != _eenheid(naar)[1]:
        bericht += (
            " (werktijd in uren of minuten is niet om te rekenen naar kalendertijd in jaren, maanden"
            " of weken zonder een contract: geef de waarde in de eenheid van het veld)"
        )
    return bericht


def omrekenfactor(van: str, naar: str) -> float:
    """The factor that converts a number in unit ``van`` to unit ``naar``.

    Raises :class:`EenheidFout` for an unknown unit or units of different dimensions.
    """
    try:
        a, b = _eenheid(van), _eenheid(naar)
    except KeyError as e:
        raise EenheidFout(f"onbekende eenheid {e.args[0]!r} in {van!r}") from None
    except ValueError:
        raise EenheidFout(f"{van!r} is geen eenheid") from None
    if a[1] != b[1]:
        raise EenheidFout(_past_niet(van, naar))
    return a[0] / b[0]


# -- reading a value ---------------------------------------------------------------------

# Patterns as text: re compiles (and caches) each when a number is first read from text,
# not on every import (most commands read only numbers).
_GETAL = r"\s*([+-]?(?:\d[\d.,]*|\.\d+)(?:[eE][+-]?\d{1,3})?)\s*(.*?)\s*"
_NL_VOLLEDIG = r"[+-]?\d{1,3}(\.\d{3})+,\d+"  # 3.250,50
_NL_KOMMA = r"[+-]?\d+,(\d{1,2}|\d{4,})"  # 3,5  3,25
_EN_DUIZEND = r"[+-]?\d{1,3}(,\d{3})+\.\d+|[+-]?\d{1,3}(,\d{3}){2,}"  # 3,250.50  1,234,567
_DUBBEL_PUNT = r"[+-]?\d{1,3}(\.\d{3})+"  # 3.250: 3.25 or 3250; 1.234.567
_DUBBEL_KOMMA = r"[+-]?\d{1,3},\d{3}"  # 3,250: 3.25 or 3250
_GEWOON = r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?"

Kiezer = Callable[[Sequence[float]], float | None]
"""Given both readings of an ambiguous number (in the field's unit), returns the one to
take, or None when it cannot tell."""


def _lees_getal(tekst: str) -> list[float]:
    """The readings of a number as text: one, or two when it is ambiguous."""
    if re.fullmatch(_GEWOON, tekst) and not re.fullmatch(_DUBBEL_PUNT, tekst):
        return [float(tekst)]
    if re.fullmatch(_NL_VOLLEDIG, tekst) or re.fullmatch(_NL_KOMMA, tekst):
        return [float(tekst.replace(".", "").replace(",", "."))]
    if re.fullmatch(_EN_DUIZEND, tekst):
        return [float(tekst.replace(",", ""))]
    if re.fullmatch(_DUBBEL_PUNT, tekst):  # 3.250: 3.25 or 3250; 1.234.567 can only be thousands
        duizendtallen = float(tekst.replace(".", ""))
        return [float(tekst), duizendtallen] if tekst.count(".") == 1 else [duizendtallen]
    if re.fullmatch(_DUBBEL_KOMMA, tekst):
        return [float(tekst.replace(",", ".")), float(tekst.replace(",", ""))]
    raise EenheidFout(f"{tekst!r} is geen getal", "type")


def _uit_tekst(tekst: str, eenheid: str, kies: Kiezer | None) -> float:
    if len(tekst) > MAX_LENGTE:
        raise EenheidFout(f"een tekst van {len(tekst)} tekens is te lang voor een getal met eenheid", "type")
    m = re.fullmatch(_GETAL, tekst, re.DOTALL)
    if m is None:
        raise EenheidFout(f"{tekst!r} is geen getal met eenheid, zoals '3250 EUR/maand'", "type")
    getal_tekst, eenheid_tekst = m.group(1), m.group(2) or "1"
    lezingen = _lees_getal(getal_tekst)
    factor = omrekenfactor(eenheid_tekst, eenheid) if eenheid_tekst != "1" else 1.0
    waarden = [x * factor for x in lezingen]
    if len(waarden) == 1:
        return waarden[0]
    gekozen = kies(waarden) if kies is not None else None
    if gekozen is None:
        raise EenheidFout(
            f"{getal_tekst!r} is dubbelzinnig: {waarden[0]:g} of {waarden[1]:g}? Schrijf getallen zonder "
            "duizendtallen en met een punt als decimaalteken (3250 of 3.25), of als TOML/JSON-getal "
            "zonder aanhalingstekens",
            "type",
        )
    return gekozen


def naar_eenheid(waarde: Any, eenheid: str, kies: Kiezer | None = None) -> float:
    """Read ``waarde`` as a finite number in ``eenheid``.

    A bare number (an int, a float, a Fraction, a numpy number, a Decimal) is taken to be in
    ``eenheid`` already (the documented unit of the field). A string such as ``"3250 EUR/maand"``,
    a :class:`Gegeven` or a pint Quantity is converted. ``kies`` decides between the two readings
    of an ambiguous number such as ``"3.250"``; without it such a value is refused.

    Raises
    ------
    EenheidFout
        For a non-number, NaN or infinity, a number too large for a float, an unknown
        unit, a unit of another dimension, or an ambiguous number.
    """
    if isinstance(waarde, bool):
        raise EenheidFout(f"{waarde!r} is een waar/onwaar-waarde, geen getal", "type")
    try:
        if isinstance(waarde, Real):
            getal = float(waarde)
        elif isinstance(waarde, Decimal):  # an amount kept exactly (money): its value as a float
            if waarde.is_nan():
                raise EenheidFout(f"{toon(waarde, 40)} is geen getal (type Decimal)", "type")
            getal = float(waarde)
            if waarde.is_finite() and not math.isfinite(getal):
                raise OverflowError
        elif isinstance(waarde, str):
            getal = _uit_tekst(waarde, eenheid, kies)
        elif isinstance(waarde, Gegeven):
            getal = waarde.waarde * omrekenfactor(waarde.eenheid, eenheid)
        elif hasattr(waarde, "magnitude") and hasattr(waarde, "units"):  # a pint Quantity
            van = str(waarde.units)
            getal = float(waarde.magnitude) * (omrekenfactor(van, eenheid) if van != "dimensionless" else 1.0)
        else:
            raise EenheidFout(f"{toon(waarde, 40)} is geen getal (type {type(waarde).__name__})", "type")
    except OverflowError:
        raise EenheidFout(f"{toon(waarde, 40)} is te groot voor een getal", "buiten_bereik") from None
    if not math.isfinite(getal):
        raise EenheidFout(f"{toon(waarde, 40)} is geen eindig getal", "type")
    return getal


# -- pint, only when asked for ---------------------------------------------------------


@lru_cache(maxsize=1)
def _pint_register() -> Any:
    import pint

    return pint.UnitRegistry(str(_DEFINITIES), autoconvert_offset_to_baseunit=False)


def __getattr__(naam: str) -> Any:
    if naam == "ureg":
        return _pint_register()
    if naam == "Q_":
        return _pint_register().Quantity
    raise AttributeError(f"module 'tarieven.eenheden' has no attribute {naam!r}")
