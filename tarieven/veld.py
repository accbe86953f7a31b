"""What a field is: one input of a scenario, a product file or a workbook, with its unit, kind,
ranges, choices and meaning (:class:`Veld`); and the fixed choices some fields have.

Which fields exist is the registry (:mod:`tarieven.veldregister`); looking a key up is
:mod:`tarieven.velden`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from tarieven.bereik import Bereik
from tarieven.weergave import invoer, is_geld, met_eenheid, procent

__all__ = ["AFRONDINGEN_RATIO", "COMPONENTEN", "EENHEDEN", "GRONDSLAGEN", "LEEG", "VORMEN", "Soort", "Veld"]

EENHEDEN: tuple[str, ...] = ("dagdeel", "sessie", "uur", "dag")
"""Billing units (eenheid) a product may have."""
AFRONDINGEN_RATIO = ("naar_boven", "exact")
GRONDSLAGEN = ("aandeel_integrale_kostprijs", "opslag_op_kostprijs")
VORMEN: tuple[str, ...] = ("groep", "groep_rolstoel", "individueel")
"""Modes of transport: group (child without wheelchair), group with wheelchair, individual."""
COMPONENTEN = "componenten"
"""``werkgeverslasten = "componenten"``: the charges built from premiums and pension."""


class _Leeg:
    """The value of a table that is given and empty (``extra_uur = {}``) in flat inputs."""

    def __repr__(self) -> str:
        return "{}"


LEEG = _Leeg()
"""A table given explicitly empty: a product without extra time says so, it is not forgotten."""


Soort = Literal["getal", "tekst", "datum", "jaar", "lijst"]


@dataclass(frozen=True)
class Veld:
    """One input field.

    Attributes
    ----------
    sleutel
        The dotted key, ``*`` for a name the user chooses.
    soort
        ``getal``, ``tekst``, ``datum`` (a peildatum), ``jaar`` or ``lijst``.
    eenheid
        The unit a bare number is in (``"1"`` for a pure number or fraction).
    bereik
        The hard range: a value outside is an error.
    plausibel
        The plausible range: a value outside gives a warning (not an error).
    geheel
        The value must be a whole number (a group of 8.5 children does not exist).
    keuzes
        The allowed texts of a text field.
    omschrijving, label
        A Dutch description and a short label (``{f}`` stands for the name at ``*``).
    verplicht
        A complete scenario of a group product must give it.
    standaard
        Where a bundled product takes the value from when its product file does not give
        it (for the documentation and the template).
    vast
        A fact that neither a region nor a provider chooses (the weeks in a year, the CAO's
        working week and allowances, statutory premiums): left out of a default
        sensitivity analysis.
    reden
        Why the ranges are what they are.
    """

    sleutel: str
    soort: Soort = "getal"
    eenheid: str = "1"
    bereik: Bereik | None = None
    plausibel: tuple[float, float] | None = None
    geheel: bool = False
    keuzes: tuple[str, ...] = ()
    omschrijving: str = ""
    label: str = ""
    verplicht: bool = False
    standaard: str | None = None
    vast: bool = False
    reden: str = field(default="", repr=False)

    @property
    def is_fractie(self) -> bool:
        return self.soort == "getal" and self.eenheid == "1" and self.bereik is not None and self.bereik.hoog == 1.0

    def past(self, x: Any) -> Any:
        """Whether ``x`` is allowed (hard range, whole number); elementwise for an array."""
        ok = self.bereik.past(x) if self.bereik is not None else np.isfinite(np.asarray(x, dtype=float))
        if self.geheel and isinstance(x, (int, float)):
            return bool(ok) and float(x) % 1.0 == 0.0
        if self.geheel:
            a = np.asarray(x, dtype=float)
            with np.errstate(invalid="ignore"):
                ok = ok & (np.mod(a, 1.0) == 0.0)
            ok = bool(ok) if np.ndim(ok) == 0 else ok
        return ok

    def is_plausibel(self, x: float) -> bool:
        return self.plausibel is None or self.plausibel[0] <= x <= self.plausibel[1]

    def ongebruikelijk(self, x: float) -> str | None:
        """The warning text for a value outside the plausible range, or None."""
        if self.is_plausibel(x):
            return None
        assert self.plausibel is not None
        laag, hoog = (self.toon(g) for g in self.plausibel)
        return f"ongebruikelijk: gewoonlijk van {laag} tot en met {hoog}; klopt deze waarde?"

    def toon(self, x: float) -> str:
        """A value of this field, Dutch: a fraction as a percentage, money in euros."""
        if self.is_fractie:
            return procent(x)
        if is_geld(self.eenheid):
            return met_eenheid(x, self.eenheid)
        return invoer(x, self.eenheid)

    def verwacht(self, sleutel: str | None = None) -> str:
        """What a valid value looks like, in Dutch, for an error message."""
        if self.soort != "getal":
            if self.keuzes:
                return (
                    "een van "
                    + ", ".join(repr(k) for k in self.keuzes)
                    + f" ({self.omschrijving_voor(sleutel or self.sleutel)})"
                )
            return {"tekst": "tekst", "datum": "een datum zoals 2027-01-01", "jaar": "een jaartal zoals 2027"}.get(
                self.soort, "een lijst"
            )
        bereik = self.bereik.tekst(self.is_fractie) if self.bereik is not None else "een getal"
        if self.geheel:
            bereik = bereik.replace("een getal", "een geheel getal")
        eenheid = "" if self.eenheid in ("1", "") or self.is_fractie else f" in {self.eenheid}"
        return f"{bereik}{eenheid} ({self.omschrijving_voor(sleutel or self.sleutel)})"

    def omschrijving_voor(self, sleutel: str) -> str:
        return self.omschrijving.format(f=_naam_op_ster(self.sleutel, sleutel))

    def label_voor(self, sleutel: str) -> str:
        return (self.label or self.omschrijving).format(f=_naam_op_ster(self.sleutel, sleutel))


def _naam_op_ster(patroon: str, sleutel: str) -> str:
    for p, s in zip(patroon.split("."), sleutel.split("."), strict=False):
        if p == "*":
            return s
    return ""
