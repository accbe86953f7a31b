"""Shared type aliases."""

from __future__ import annotations

from typing import TypeAlias

import numpy as np
import numpy.typing as npt

Getal: TypeAlias = "float | npt.NDArray[np.float64]"
"""A float or a float64 array; every core function broadcasts over it."""

GetalInvoer: TypeAlias = "npt.ArrayLike"
