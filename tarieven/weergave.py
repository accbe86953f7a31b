"""Dutch display of numbers: the one place where money, percentages and numbers get their form.

Every front end (the explanation, the command line, the HTML display, the plots, the
Dutch CSV) formats through these functions, so ``€ 1.234,56``, ``85 %`` and ``1.877,15``
look the same everywhere. Money is rounded to whole cents half up (:mod:`tarieven.afronding`)
before it is shown; nothing here changes a value that is computed with. No locale is
touched (``locale.setlocale`` would change the whole process).

Machine formats (JSON, plain CSV) do not come here: they keep full precision or
whole-cent strings with a decimal point.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

from tarieven.afronding import RUIM, naar_decimal

__all__ = [
    "LEZING",
    "aantal",
    "band_tekst",
    "datum",
    "euro",
    "getal",
    "ingekort",
    "invoer",
    "is_geld",
    "met_eenheid",
    "procent",
    "telling",
]

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def _nl(tekst: str) -> str:
    """English grouping (1,234.5) to Dutch (1.234,5)."""
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def _niet_eindig(x: float) -> str | None:
    """The text for NaN or an infinity, so that showing a value never raises."""
    if math.isnan(x):
        return "geen getal"
    if math.isinf(x):
        return "oneindig" if x > 0 else "min oneindig"
    return None


def is_geld(eenheid: str) -> bool:
    """True for a money unit (``EUR``, ``EUR/uur``, ...): shown in euros and cents."""
    return eenheid == "EUR" or eenheid.startswith("EUR/")


def _afgerond(x: float | Decimal, decimalen: int) -> Decimal:
    """``x`` rounded half up to ``decimalen`` decimals, as the decimal number it prints as."""
    d = x if isinstance(x, Decimal) else naar_decimal(float(x))
    return d.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP, context=RUIM)


def _teken_en_getal(d: Decimal, decimalen: int) -> str:
    """A rounded number Dutch, with a minus sign only when it is not zero (never ``-0,00``)."""
    return ("-" if d < 0 else "") + _nl(f"{abs(d):,.{decimalen}f}")


def getal(x: float | Decimal, decimalen: int = 2) -> str:
    """A number with a fixed number of decimals, rounded half up, Dutch: ``1.877,15``."""
    if (tekst := _niet_eindig(float(x))) is not None:
        return tekst
    return _teken_en_getal(_afgerond(x, decimalen), decimalen)


def euro(x: float | Decimal, decimalen: int = 2) -> str:
    """An amount: ``€ 1.234,56`` (cents, rounded half up) or ``€ 1.235`` (``decimalen=0``)."""
    if (tekst := _niet_eindig(float(x))) is not None:
        return f"€ {tekst}"
    return f"€ {_teken_en_getal(_afgerond(x, decimalen), decimalen)}"


def procent(fractie: float, decimalen: int | None = None) -> str:
    """A fraction as a percentage: 0.85 -> ``85 %``; ``None`` shows a decimal only where needed."""
    p = float(fractie) * 100.0
    if (tekst := _niet_eindig(p)) is not None:
        return tekst
    if decimalen is None:
        decimalen = 0 if abs(p - round(p)) < 1e-6 else 1
    return f"{getal(p, decimalen)} %"


def telling(n: int, enkelvoud: str, meervoud: str) -> str:
    """A count with its noun, Dutch: ``1 inzending``, ``3 inzendingen``, ``0 aannames``."""
    return f"{aantal(n)} {enkelvoud if n == 1 else meervoud}"


def ingekort(tekst: str, breedte: int) -> str:
    """A text within ``breedte`` characters for a table column, cut with "…" so a reader sees it was cut."""
    return tekst if len(tekst) <= breedte else tekst[: max(breedte - 1, 0)] + "…"


def aantal(n: int) -> str:
    """A count with thousands separators: ``1.000.000``."""
    if (tekst := _niet_eindig(float(n))) is not None:
        return tekst
    return f"{int(n):,}".replace(",", ".")


def invoer(x: float, eenheid: str = "1") -> str:
    """An input value as entered, up to 6 decimals, with its unit: ``3.250 EUR/maand``, ``0,085``.

    A money amount with a fraction shows at least its cents (``232,50 EUR/maand``, not ``232,5``).
    """
    x = float(x)
    if (tekst := _niet_eindig(x)) is not None:
        return tekst
    heel, _, fractie = f"{x:.6f}".rstrip("0").rstrip(".").partition(".")
    if fractie and is_geld(eenheid):
        fractie = fractie.ljust(2, "0")
    teken = "-" if heel.startswith("-") else ""
    tekst = teken + aantal(int(heel.lstrip("-"))) + ("," + fractie if fractie else "")
    if eenheid in ("dimensionless", "1", ""):
        return tekst
    if eenheid.startswith("1/"):
        return f"{tekst} /{eenheid[2:]}"
    return f"{tekst} {eenheid}"


def met_eenheid(x: float, eenheid: str) -> str:
    """A computed value as a result shows it: ``€ 45.368,70 /jaar`` for money, ``1.877,15 uur/jaar`` else;
    a whole count without decimals (``2`` staff, ``vervoerscategorie 3``), as a count is read."""
    if is_geld(eenheid):
        rest = eenheid[4:]
        return euro(x) + (f" /{rest}" if rest else "")
    geheel = math.isfinite(float(x)) and float(x) == round(float(x)) and abs(float(x)) < 1e15
    return getal(x, 0 if geheel else 2) + ("" if eenheid in ("1", "") else f" {eenheid}")


def datum(d: dt.date) -> str:
    """A date, Dutch: ``1 januari 2027``."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


LEZING = {"laag": "lage", "centraal": "centrale", "hoog": "hoge"}
"""An assumption set as an adjective: ``elke aanname op haar lage lezing``."""


def band_tekst(laag: float, hoog: float) -> str:
    """The band of a tariff: ``€ 83,73 – € 96,10``, or ``geen spreiding`` when both ends are the same cent."""
    if euro(laag) == euro(hoog):
        return "geen spreiding"
    return f"{euro(laag)} – {euro(hoog)}"
