"""Looking up the field of an input key: :func:`veld`, :func:`veld_of_none`, the tables and
names under a key, the label of a key.

The scenario reader, the product and parameter files, the command line, the analyses and the
workbook template all ask here; the fields themselves are the registry
(:data:`~tarieven.veldregister.VELDEN`), and what one field is, :class:`~tarieven.veld.Veld`.
Nothing else lists the fields.

Keys are dotted paths; ``*`` stands for a name the user chooses (a function such as
``mbo``, a premium, a transport category): ``functies.*.maandsalaris``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from tarieven.bereik import Bereik
from tarieven.fouten import OnbekendeNaam, opsomming
from tarieven.veld import AFRONDINGEN_RATIO, COMPONENTEN, EENHEDEN, GRONDSLAGEN, LEEG, VORMEN, Veld
from tarieven.veldregister import FUNCTIE_GETALLEN, OVERHEAD_AANDEEL, VELDEN

__all__ = [
    "AFRONDINGEN_RATIO",
    "COMPONENTEN",
    "EENHEDEN",
    "FUNCTIE_GETALLEN",
    "GRONDSLAGEN",
    "LEEG",
    "VELDEN",
    "VORMEN",
    "Bereik",
    "Veld",
    "is_tabel",
    "kinderen",
    "label",
    "veld",
    "veld_of_none",
    "velden",
    "verwacht_sleutel",
]

_TABELLEN: frozenset[str] = frozenset(".".join(k.split(".")[:i]) for k in VELDEN for i in range(1, k.count(".") + 1))


def _past(patroon: str, delen: list[str]) -> bool:
    """Whether a dotted key, split in parts, matches a pattern (``*`` matches any one part)."""
    pd = patroon.split(".")
    return len(pd) == len(delen) and all(a == "*" or a == b for a, b in zip(pd, delen, strict=True))


@lru_cache(maxsize=4096)
def _patroon(sleutel: str) -> str | None:
    """The registry key a dotted key matches (a name in a ``*`` position replaced), or None.

    Cached: the registry is fixed, and validation asks for the same keys again and again
    (a batch of ten thousand submissions would otherwise spend most of its time here)."""
    if sleutel in VELDEN:
        return sleutel
    delen = sleutel.split(".")
    return next((p for p in VELDEN if _past(p, delen)), None)


def veld(sleutel: str, *, overhead_aandeel: bool = False) -> Veld:
    """The field of a dotted key (``functies.mbo.maandsalaris``).

    ``overhead_aandeel``: the overhead is a share of the integral cost price (its range
    then stops below 1). Raises :class:`~tarieven.fouten.OnbekendeNaam` (a ``KeyError``)
    listing the known keys.
    """
    p = _patroon(sleutel)
    if p is None:
        raise OnbekendeNaam(sleutel, "invoer", [*VELDEN])
    if p == "opslagen.overhead" and overhead_aandeel:
        return OVERHEAD_AANDEEL
    return VELDEN[p]


def veld_of_none(sleutel: str) -> Veld | None:
    """The field of a dotted key, or None when the registry has no such field."""
    p = _patroon(sleutel)
    return None if p is None else VELDEN[p]


@lru_cache(maxsize=4096)
def is_tabel(pad: str) -> bool:
    """Whether a dotted path is a table (holds fields) rather than a field."""
    delen = pad.split(".")
    return pad == "" or any(_past(t, delen) for t in _TABELLEN)


def kinderen(pad: str) -> list[str]:
    """The known names directly under a table (``*`` where the user chooses), for messages."""
    diepte = 0 if pad == "" else pad.count(".") + 1
    delen = pad.split(".") if pad else []
    uit: dict[str, None] = {}
    for k in VELDEN:
        kd = k.split(".")
        if len(kd) > diepte and all(a == "*" or a == b for a, b in zip(kd[:diepte], delen, strict=True)):
            uit.setdefault(kd[diepte], None)
    return list(uit)


def velden(prefix: str = "") -> Iterator[Veld]:
    """The fields under a prefix, in registry order."""
    return (v for k, v in VELDEN.items() if k.startswith(prefix))


def label(sleutel: str) -> str:
    """The short Dutch label of an input key (for tables and plots)."""
    try:
        return veld(sleutel).label_voor(sleutel)
    except KeyError:
        return sleutel.replace("_", " ")


def verwacht_sleutel(pad: str) -> str:
    """What keys a table holds, for an unknown-key message."""
    return f"een bekende sleutel ({opsomming(kinderen(pad), 30)})"
