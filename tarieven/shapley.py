"""The Shapley decomposition of a difference, and amounts in cents that add up.

Given the value ``T(S)`` of every subset ``S`` of ``k`` groups (a subset as a bit mask:
bit ``i`` set means group ``i`` is switched from the one side to the other), the part of
group ``g`` is the average over all orders of switching the groups of what switching
``g`` adds, given the groups switched before it::

    part(g) = Σ_{S ⊆ G \\ {g}} |S|! (k − |S| − 1)! / k! · [T(S ∪ {g}) − T(S)]

The parts add up to ``T(G) − T(∅)`` and do not depend on an order (sequential
substitution does: the first group switched takes the interaction). Swapping the two
sides negates every part: the terms are the same terms negated, and they are summed here
with :func:`math.fsum` (correctly rounded), so the negation is exact in floating point.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction

import numpy as np
import numpy.typing as npt

__all__ = ["MAX_GROEPEN", "centen_die_optellen", "shapley_delen"]

MAX_GROEPEN = 20
"""Most groups decomposed over: 2^20 evaluations (about a million) is still one vectorised pass."""


def _gewichten(k: int) -> list[float]:
    """The Shapley weight ``s! (k − s − 1)! / k!`` for each coalition size ``s``, exact then rounded once."""
    return [float(Fraction(math.factorial(s) * math.factorial(k - s - 1), math.factorial(k))) for s in range(k)]


def shapley_delen(waarden: npt.ArrayLike) -> list[float]:
    """The Shapley part of each group from the values of all ``2^k`` subsets.

    Parameters
    ----------
    waarden
        ``waarden[m]`` is ``T`` of the subset whose bit mask is ``m`` (length ``2^k``).

    Returns
    -------
    list of float
        One part per group (bit ``i`` -> part ``i``); they sum to ``waarden[-1] − waarden[0]``
        up to rounding in the last bits.
    """
    t = np.asarray(waarden, dtype=float)
    n = t.shape[0]
    k = n.bit_length() - 1
    if n != 1 << k:
        raise ValueError(f"verwacht 2^k waarden, niet {n}")
    if k == 0:
        return []
    maskers = np.arange(n)
    grootte = np.array([bin(m).count("1") for m in range(n)])
    gewicht = np.array(_gewichten(k))
    delen = []
    for i in range(k):
        bit = 1 << i
        zonder = maskers[(maskers & bit) == 0]
        termen = gewicht[grootte[zonder]] * (t[zonder | bit] - t[zonder])
        delen.append(math.fsum(termen.tolist()))
    return delen


def centen_die_optellen(bedragen: Sequence[float], totaal: Decimal) -> list[Decimal]:
    """Amounts rounded to whole cents such that they add up to ``totaal`` exactly.

    Largest remainder (Hamilton): every amount is rounded down to cents, and the cents still
    missing go one by one to the amounts that lost the most by rounding down (ties: the
    larger amount, then the first). ``totaal`` is the difference as it is shown (the rounded
    tariff of one side minus the rounded tariff of the other), which differs from the sum of
    the unrounded amounts by less than a cent, so each amount moves by less than a cent.
    """
    if not bedragen:
        return []
    cent = Decimal("0.01")
    exact = [Decimal(repr(float(b))) for b in bedragen]
    omlaag = [e.quantize(cent, rounding=ROUND_FLOOR) for e in exact]
    rest = int(((totaal - sum(omlaag, Decimal(0))) / cent).to_integral_value())
    volgorde = sorted(range(len(exact)), key=lambda i: (-(exact[i] - omlaag[i]), -abs(exact[i]), i))
    uit = list(omlaag)
    stap = cent if rest >= 0 else -cent
    if rest < 0:  # more cents than the total: take them back where rounding down lost the least
        volgorde.reverse()
    for j in range(abs(rest)):
        uit[volgorde[j % len(volgorde)]] += stap
    return uit
