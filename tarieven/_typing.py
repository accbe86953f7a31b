"""Shared type aliases."""

from __future__ import annotations

from typing import Any, NoReturn, TypeAlias

import numpy as np
import numpy.typing as npt

Getal: TypeAlias = "float | npt.NDArray[np.float64]"
"""A float or a float64 array; every core function broadcasts over it."""

GetalInvoer: TypeAlias = "npt.ArrayLike"


class Bevroren(dict[Any, Any]):
    """A dict that cannot be changed after it is made: the validated numbers of a scenario.

    Unlike ``types.MappingProxyType`` it pickles and copies (a scenario can go to another
    process); every method that would change it raises ``TypeError``.
    """

    def _vast(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("een gevalideerd scenario verandert niet; maak een nieuw met Scenario.met(...)")

    __setitem__ = __delitem__ = _vast
    clear = pop = popitem = setdefault = update = _vast

    def __ior__(self, other: Any) -> NoReturn:  # type: ignore[misc]
        self._vast()

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (dict(self),))
