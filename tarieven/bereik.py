"""An interval of allowed values, and its description in Dutch for an error message.

The hard range of a field (:class:`tarieven.velden.Veld`): closed, open or half-open, checked on
one number or elementwise on an array, never letting a NaN or an infinity through.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["FRACTIE", "FRACTIE_ONDER_1", "FRACTIE_POSITIEF", "INF", "NIET_NEGATIEF", "POSITIEF", "Bereik"]

INF = math.inf


@dataclass(frozen=True)
class Bereik:
    """A closed, open or half-open interval of allowed values."""

    laag: float
    hoog: float = INF
    laag_mee: bool = True
    hoog_mee: bool = True

    def past(self, x: Any) -> Any:
        """Whether ``x`` lies in the interval (and is finite); elementwise for an array."""
        if isinstance(x, (int, float)):  # one number (the common case when validating): no numpy
            y = float(x)
            return (
                math.isfinite(y)
                and (y >= self.laag if self.laag_mee else y > self.laag)
                and (y <= self.hoog if self.hoog_mee else y < self.hoog)
            )
        a = np.asarray(x, dtype=float)
        with np.errstate(invalid="ignore"):
            ok = np.isfinite(a) & (a >= self.laag if self.laag_mee else a > self.laag)
            ok &= a <= self.hoog if self.hoog_mee else a < self.hoog
        return bool(ok) if ok.ndim == 0 else ok

    def tekst(self, fractie: bool) -> str:
        if fractie and (self.laag, self.hoog) == (0.0, 1.0):
            if not self.laag_mee:
                tot = "hoogstens 1" if self.hoog_mee else "kleiner dan 1"
                return f"een fractie groter dan 0 en {tot} (0.85 voor 85 %)"
            tot = "tot en met 1" if self.hoog_mee else "tot 1, 1 niet inbegrepen"
            return f"een fractie van 0 {tot} (0.08 voor 8 %)"
        if self.hoog == INF:
            return f"een getal {'van' if self.laag_mee else 'groter dan'} {self.laag:g}{' of meer' * self.laag_mee}"
        laag, hoog = f"{self.laag:g}", f"{self.hoog:g}"
        if self.laag_mee:
            return f"een getal van {laag} tot en met {hoog}" if self.hoog_mee else f"een getal van {laag} tot {hoog}"
        return f"een getal groter dan {laag} en {'hoogstens' if self.hoog_mee else 'kleiner dan'} {hoog}"


POSITIEF = Bereik(0.0, laag_mee=False)
NIET_NEGATIEF = Bereik(0.0)
FRACTIE = Bereik(0.0, 1.0)
FRACTIE_ONDER_1 = Bereik(0.0, 1.0, hoog_mee=False)
FRACTIE_POSITIEF = Bereik(0.0, 1.0, laag_mee=False)
