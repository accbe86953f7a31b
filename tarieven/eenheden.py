"""Units at the boundary: one pint registry for the package.

Quantities enter here (from scenario files, dicts, parameter files), are checked and
converted to the documented unit of each field, and leave as plain floats. The core
never sees pint.

The registry is the package's own (``tarieven.eenheden.ureg``), built from
``eenheden.txt``; pint's application registry is left alone. To combine with
pint-pandas, pass ``tarieven.eenheden.ureg`` to ``pint_pandas.PintType.ureg``.
"""

from __future__ import annotations

import math
import re
from importlib import resources
from numbers import Real
from typing import Any

import pint

__all__ = ["Q_", "EenheidFout", "naar_eenheid", "ureg"]

with resources.as_file(resources.files("tarieven") / "eenheden.txt") as _pad:
    ureg: pint.UnitRegistry[Any] = pint.UnitRegistry(str(_pad), autoconvert_offset_to_baseunit=False)
Q_ = ureg.Quantity

# pint's tokenizer drops a bare "€" silently ("3250 €/maand" would read as 3250/maand),
# so the sign is rewritten before parsing.
_EURO = re.compile(r"€")


class EenheidFout(ValueError):
    """A value that cannot be read in the expected unit (message in Dutch)."""


def _tekst_naar_quantity(tekst: str) -> Any:
    if "," in tekst:
        raise EenheidFout(f"{tekst!r}: gebruik een punt als decimaalteken en geen duizendtallen")
    try:
        q: Any = Q_(_EURO.sub(" EUR ", tekst))
    except pint.errors.UndefinedUnitError as e:
        raise EenheidFout(f"onbekende eenheid in {tekst!r} ({e.unit_names})") from None
    except Exception:  # pint's tokenizer raises assorted errors on garbage
        raise EenheidFout(f"{tekst!r} is geen getal met eenheid") from None
    if not isinstance(q, pint.Quantity):  # a bare number as text: "3250"
        q = Q_(float(q), "dimensionless")
    return q


def _past_niet(q: Any, eenheid: str) -> str:
    bericht = f"eenheid {q.units} past niet bij {eenheid}"
    tijden = {"[werktijd]", "[kalenderjaar]", "[kalenderweek]"}
    van, naar = set(q.dimensionality), set(ureg.Unit(eenheid).dimensionality)
    if van & tijden and naar & tijden and van != naar:
        bericht += (
            " (werktijd in uren of minuten is niet om te rekenen naar kalendertijd in jaren, maanden"
            " of weken zonder een contract: geef de waarde in de eenheid van het veld)"
        )
    return bericht


def naar_eenheid(waarde: Any, eenheid: str) -> float:
    """Read ``waarde`` as a magnitude in ``eenheid``.

    A bare number is taken to be in ``eenheid`` already (the documented unit of the
    field). A string such as ``"3250 EUR/maand"`` or a pint Quantity is converted.
    Raises :class:`EenheidFout` for a non-number, NaN/inf, or a unit of another
    dimension.
    """
    if isinstance(waarde, bool):
        raise EenheidFout(f"{waarde!r} is een waar/onwaar-waarde, geen getal")
    if isinstance(waarde, Real):
        getal = float(waarde)
    elif isinstance(waarde, (str, pint.Quantity)):
        q = _tekst_naar_quantity(waarde) if isinstance(waarde, str) else waarde
        if q.units == ureg.dimensionless:
            # "3250" as text: a bare number in the documented unit
            getal = float(q.magnitude)
        else:
            try:
                getal = float(q.to(eenheid).magnitude)
            except pint.errors.DimensionalityError:
                raise EenheidFout(_past_niet(q, eenheid)) from None
    else:
        raise EenheidFout(f"{waarde!r} is geen getal (type {type(waarde).__name__})")
    if not math.isfinite(getal):
        raise EenheidFout(f"{waarde!r} is geen eindig getal")
    return getal
