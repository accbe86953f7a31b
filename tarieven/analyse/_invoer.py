"""The arguments of the analyses, read where they enter: lists, dicts, numbers, input keys,
breakdown lines, and the value lists of a varied input.

A value list of an input key is read as a column of a table is read
(:func:`~tarieven.kolomlezer.lees_kolom`): the field reader of :func:`tarieven.bereken`, units
converted, every invalid value named at once. A value given as an argument is not in the
scenario's file: its :class:`~tarieven.fouten.InvoerFout` names no file (``bestand`` None) and
the key as given with the call.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sized
from collections.abc import Set as AbstractSet
from numbers import Number
from typing import Any

import numpy as np
import numpy.typing as npt

from tarieven.eenheden import EenheidFout, Gegeven, naar_eenheid
from tarieven.fouten import ZONDER_WAARDE, InvoerFout, Probleem, bedoeld, gewoon, opsomming
from tarieven.herkomst import OPGEGEVEN
from tarieven.kolomlezer import lees_kolom
from tarieven.model import regeldefinities
from tarieven.scenario import Scenario
from tarieven.velden import Veld

Arr = npt.NDArray[np.float64]


def als_lijst(naam: str, waarde: Any, wat: str) -> list[Any]:
    """An argument that is a list (``regels``, ``sleutels``, ``percentielen``): one text alone is
    refused, not split into one-letter names."""
    if isinstance(waarde, (str, bytes, Mapping)) or not isinstance(waarde, Iterable):
        raise InvoerFout([Probleem(naam, waarde, f"een lijst van {wat}")])
    return list(waarde)


def als_tabel(naam: str, waarde: Any, wat: str) -> Mapping[str, Any]:
    """An argument that is a dict (``variaties``, ``verdelingen``, ``bereiken``)."""
    if not isinstance(waarde, Mapping):
        raise InvoerFout([Probleem(naam, waarde, f"een dict van {wat}")])
    return waarde


def als_getal(naam: str, waarde: Any, verwacht: str) -> float:
    """A number argument (``procent``, ``risico_opslag``; also a number as text), finite."""
    try:
        return naar_eenheid(waarde, "1")
    except EenheidFout as e:
        raise InvoerFout([Probleem(naam, waarde, f"{verwacht}; {e}")], None) from None


def als_paar(naam: str, waarde: Any, verwacht: str) -> tuple[float, float]:
    """A (low, high) argument: two numbers."""
    if isinstance(waarde, (str, bytes, Mapping)) or not isinstance(waarde, Iterable) or len(w := list(waarde)) != 2:
        raise InvoerFout([Probleem(naam, waarde, verwacht)])
    return als_getal(naam, w[0], verwacht), als_getal(naam, w[1], verwacht)


def controleer_sleutels(
    s: Scenario, sleutels: Iterable[str] | Mapping[str, Any], waar: str = "", *, argument: str | None = None
) -> None:
    """Every key must be a numeric input of this scenario; an unknown one is named as given.

    ``sleutels`` given as a dict (``variaties``: key to values) names each unknown key with its
    value; as a list that is the value of ``argument`` (``sleutel``, ``sleutels``) names that
    argument with the key as its value; otherwise the key alone. The code is ``onbekend``: the
    key was given, nothing is missing.
    """
    onbekend = [k for k in sleutels if k not in s.waarden]
    if not onbekend:
        return
    verwacht = f"een bekende invoer van dit scenario ({opsomming(sorted(s.waarden))})"

    def probleem(k: str) -> Probleem:
        if argument is not None:
            return Probleem(argument, k, verwacht + bedoeld(k, s.waarden), "onbekend")
        waarde = sleutels[k] if isinstance(sleutels, Mapping) else ZONDER_WAARDE
        return Probleem(f"{waar}{k}", waarde, verwacht + bedoeld(k, s.waarden), "onbekend")

    raise InvoerFout([probleem(k) for k in onbekend])


def controleer_regels(s: Scenario, regels: Iterable[str]) -> None:
    """Every name must be a breakdown line of this scenario's structure."""
    bekend = [d.naam for d in regeldefinities(s.structuur)]
    onbekend = [r for r in regels if r not in bekend]
    if onbekend:
        raise InvoerFout(
            [Probleem("regels", r, f"een regel van de opbouw ({opsomming(bekend, 60)})") for r in onbekend]
        )


def als_getallen(s: Scenario, sleutel: str, waarden: Any, waar: str = "") -> Arr:
    """A value list for an input key as a 1-d float array, read as a column of a table is read
    (:func:`~tarieven.kolomlezer.lees_kolom`): units converted, each value checked as
    :func:`tarieven.bereken` checks it, and every invalid value named at once.

    Numbers are in the documented unit of the field; strings with a unit
    (``"3250 EUR/maand"``) are converted like in a scenario file. One value alone stands for
    a list of one (:func:`waardenlijst`). A problem names the key as given with the call
    (``waar`` before it, such as ``"groottes: "``), not the scenario's file.
    """
    return lees_waarden(s.veld(sleutel), sleutel, opgegeven_naam(sleutel, waar), waarden)


def lees_waarden(veld: Veld, sleutel: str, naam: str, waarden: Any) -> Arr:
    """The values of ``veld`` in a value list (:func:`waardenlijst`), read by the field reader
    (:func:`~tarieven.kolomlezer.lees_kolom`); a problem names ``naam`` and the value as given."""
    cellen = waardenlijst(naam, waarden, veld.verwacht(sleutel))
    k = lees_kolom(cellen, veld, sleutel, naam=naam)
    if k.problemen:
        raise InvoerFout([p for _, p in k.problemen])
    return k.getallen


def opgegeven_naam(sleutel: str, waar: str) -> str:
    """How a problem names a key given with the call: ``waar`` before it, or ``(opgegeven bij de berekening)``."""
    return f"{waar}{sleutel}" if waar else f"{sleutel} ({OPGEGEVEN})"


_GEEN_LIJST = (bytes, bytearray, memoryview, Mapping, AbstractSet)
"""Iterable, but no list of values: bytes would give their byte codes, a dict its keys, a set
no order."""


def is_lijst(w: Any) -> bool:
    """Whether ``w`` is a list of values as an argument may hold one (a list, a tuple, a range, a
    1-d array or Series): of known length, in one dimension, no text, bytes, dict or set."""
    geen = isinstance(w, (str, *_GEEN_LIJST))
    return isinstance(w, Sized) and isinstance(w, Iterable) and not geen and getattr(w, "ndim", 1) == 1


def _is_een_waarde(w: Any) -> bool:
    """A single value, that stands for a list of one: a number (numpy's, a Decimal too), a text,
    a number with its unit."""
    if isinstance(w, (str, Number, np.generic, Gegeven)):
        return True
    return hasattr(w, "magnitude") and hasattr(w, "units") and np.ndim(w.magnitude) == 0  # a pint Quantity


def waardenlijst(naam: str, waarden: Any, verwacht: str) -> npt.NDArray[Any]:
    """A value list as a 1-d array: numbers as they are, anything else as objects, one per value.

    A list, tuple, range, 1-d array or Series; one value alone stands for a list of one.
    Bytes, a dict, a set, None, a table of more dimensions or anything else that is not a
    list of values raises :class:`InvoerFout` naming ``naam`` and the value; a value in the list
    is left to the field reader (``[b"8"]`` is "geen getal" there). ``verwacht`` is what each
    value should be.
    """
    lijst: list[Any] | None = None
    dims = getattr(waarden, "ndim", 1)  # a numpy array, a Series, a DataFrame: their own dimensions
    if isinstance(waarden, np.ndarray) and dims <= 1:
        if waarden.dtype.kind in "iuf":
            x = waarden.reshape(-1)
        else:
            lijst = waarden.reshape(-1).tolist()
    elif _is_een_waarde(waarden):
        lijst = [waarden]
    elif isinstance(waarden, Iterable) and not isinstance(waarden, _GEEN_LIJST) and dims <= 1:
        lijst = list(waarden)
    else:
        vorm = f" in één dimensie (niet {' × '.join(str(d) for d in np.shape(waarden))})" if dims > 1 else ""
        raise InvoerFout(
            [Probleem(naam, waarden, f"een lijst van waarden{vorm} of één waarde, elk {verwacht}", "type")]
        )
    if lijst is not None:
        x = np.empty(len(lijst), dtype=object)
        x[:] = [gewoon(w) for w in lijst]
    if x.size == 0:
        raise InvoerFout([Probleem(naam, [], f"ten minste één waarde: {verwacht}")])
    return x


def naar_getallen(s: Scenario, sleutel: str, waarden: Any, waar: str = "") -> Arr:
    """Like :func:`als_getallen` without the range check (for a range that depends on the
    structure, checked per structure by the caller): units converted only. Every value that
    is no number in the field's unit is named, each once."""
    veld = s.veld(sleutel)
    naam = opgegeven_naam(sleutel, waar)
    cellen = waardenlijst(naam, waarden, veld.verwacht())
    if cellen.dtype != object:
        return np.asarray(cellen, dtype=float)
    getallen = np.empty(cellen.size)
    problemen: dict[str, Probleem] = {}
    for i, w in enumerate(cellen):
        try:
            getallen[i] = naar_eenheid(w, veld.eenheid)
        except EenheidFout as e:
            p = Probleem(naam, w, f"{veld.verwacht()}; {e}", e.code)
            problemen.setdefault(str(p), p)  # each value once, as the field reader names it
    if problemen:
        raise InvoerFout(list(problemen.values()))
    return getallen


def als_blokgrootte(waarde: Any) -> int:
    """``blokgrootte``: a whole number of scenarios per chunk, 1 or more."""
    geheel = isinstance(waarde, (int, np.integer)) and not isinstance(waarde, (bool, np.bool_))
    if not geheel or waarde < 1:
        verwacht = "een geheel aantal scenario's per blok van 1 of meer, zoals 100000"
        raise InvoerFout([Probleem("blokgrootte", waarde, verwacht, "buiten_bereik" if geheel else "type")])
    return int(waarde)


def controleer_bereik(s: Scenario, sleutel: str, x: Arr, waar: str = "", toelichting: str = "") -> None:
    """Raise for the first value of ``x`` outside the field's range."""
    veld = s.veld(sleutel)
    ok = np.asarray(veld.past(x), dtype=bool)
    if not ok.all():
        eerste = float(np.asarray(x).reshape(-1)[int(np.argmin(ok.reshape(-1)))])
        naam = f"{waar}{sleutel}" if waar else sleutel
        raise InvoerFout([Probleem(naam, eerste, veld.verwacht() + toelichting)])
