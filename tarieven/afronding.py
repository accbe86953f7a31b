"""Rounding of money for display and export (``docs/methode.md#afronding``).

Everything is computed in float64; only what is shown or exported is rounded, via
:class:`decimal.Decimal`, half up. A published tariff may follow another rule; the rules
are named so that a parameter set or scenario can choose one.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Context, Decimal

__all__ = ["AFRONDINGEN", "RUIM", "naar_decimal", "op_centen", "rond_af"]

AFRONDINGEN: tuple[str, ...] = ("cent", "naar_boven_hele_euro", "per_minuut_hele_centen")

CENT = Decimal("0.01")
EURO = Decimal("1")
RUIM = Context(prec=400)
"""Decimal arithmetic with room for every finite float in cents: the largest has 309 digits
before the point, more than the default 28 (with which 1e30 could not be rounded at all)."""


def naar_decimal(waarde: float) -> Decimal:
    """The float as the decimal number it prints as (shortest round-trip repr).

    ``Decimal(2.675)`` is 2.67499999...; ``Decimal(repr(2.675))`` is 2.675, the value
    the computation meant. Rounding that half up gives what a decimal calculation gives.
    """
    return Decimal(repr(float(waarde)))


def op_centen(waarde: float) -> Decimal:
    """Round to whole cents, half up."""
    return naar_decimal(waarde).quantize(CENT, rounding=ROUND_HALF_UP, context=RUIM)


def rond_af(waarde: float, regel: str = "cent") -> Decimal:
    """Round a tariff by a named rule.

    ``cent``
        whole cents, half up (the default for every line).
    ``naar_boven_hele_euro``
        up to whole euros, as some published tariffs do (38.00 for 37.02). The value is
        first rounded to cents, so float noise (37.000000001) does not add a euro.
    ``per_minuut_hele_centen``
        for an hourly tariff billed per minute: the minute tariff rounded half up to whole
        cents, times 60, so the hourly tariff is divisible by 60 cents.
    """
    if regel == "cent":
        return op_centen(waarde)
    if regel == "naar_boven_hele_euro":
        return op_centen(waarde).quantize(EURO, rounding=ROUND_CEILING, context=RUIM).quantize(CENT, context=RUIM)
    if regel == "per_minuut_hele_centen":
        minuut = RUIM.divide(naar_decimal(waarde), 60).quantize(CENT, rounding=ROUND_HALF_UP, context=RUIM)
        return RUIM.multiply(minuut, 60).quantize(CENT, context=RUIM)
    raise ValueError(f"onbekende afrondingsregel {regel!r}; kies uit {', '.join(AFRONDINGEN)}")
