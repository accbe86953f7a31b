"""The arguments of the analyses, read where they enter: lists, dicts, numbers, input keys,
breakdown lines, and the value lists of a varied input.

A value list of an input key is read as a column of a table is read
(:func:`~tarieven.kolomlezer.lees_kolom`): the field reader of :func:`tarieven.bereken`, units
converted, every invalid value named at once. A value given as an argument is not in the
scenario's file: its :class:`~tarieven.fouten.InvoerFout` names no file (``bestand`` None) and
the key as given with the call.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from tarieven.eenheden import EenheidFout, naar_eenheid
from tarieven.fouten import InvoerFout, Probleem, opsomming
from tarieven.herkomst import OPGEGEVEN
from tarieven.kolomlezer import lees_kolom
from tarieven.model import regeldefinities
from tarieven.scenario import Scenario

Arr = npt.NDArray[np.float64]


def als_lijst(s: Scenario, naam: str, waarde: Any, wat: str) -> list[Any]:
    """An argument that is a list (``regels``, ``sleutels``, ``percentielen``): one text alone is
    refused, not split into one-letter names."""
    if isinstance(waarde, (str, bytes, Mapping)) or not isinstance(waarde, Iterable):
        raise InvoerFout([Probleem(naam, waarde, f"een lijst van {wat}")])
    return list(waarde)


def als_tabel(s: Scenario, naam: str, waarde: Any, wat: str) -> Mapping[str, Any]:
    """An argument that is a dict (``variaties``, ``verdelingen``, ``bereiken``)."""
    if not isinstance(waarde, Mapping):
        raise InvoerFout([Probleem(naam, waarde, f"een dict van {wat}")])
    return waarde


def als_getal(s: Scenario, naam: str, waarde: Any, verwacht: str) -> float:
    """A number argument (``procent``, ``risico_opslag``; also a number as text), finite."""
    try:
        return naar_eenheid(waarde, "1")
    except EenheidFout as e:
        raise InvoerFout([Probleem(naam, waarde, f"{verwacht}; {e}")], None) from None


def als_paar(s: Scenario, naam: str, waarde: Any, verwacht: str) -> tuple[float, float]:
    """A (low, high) argument: two numbers."""
    if isinstance(waarde, (str, bytes, Mapping)) or not isinstance(waarde, Iterable) or len(w := list(waarde)) != 2:
        raise InvoerFout([Probleem(naam, waarde, verwacht)])
    return als_getal(s, naam, w[0], verwacht), als_getal(s, naam, w[1], verwacht)


def controleer_sleutels(s: Scenario, sleutels: Iterable[str], waar: str = "") -> None:
    """Every key must be a numeric input of this scenario."""
    onbekend = [k for k in sleutels if k not in s.waarden]
    if onbekend:
        verwacht = f"een bestaande invoer van dit scenario ({opsomming(sorted(s.waarden))})"
        raise InvoerFout([Probleem(f"{waar}{k}" if waar else k, ..., verwacht) for k in onbekend])


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
    (``"3250 EUR/maand"``) are converted like in a scenario file. A problem names the key as
    given with the call (``waar`` before it, such as ``"groottes: "``), not the scenario's file.
    """
    cellen = _cellen(s, sleutel, waarden, waar)
    naam = f"{waar}{sleutel}" if waar else f"{sleutel} ({OPGEGEVEN})"
    k = lees_kolom(cellen, s.veld(sleutel), sleutel, naam=naam)
    if k.problemen:
        raise InvoerFout([p for _, p in k.problemen])
    return k.getallen


def _cellen(s: Scenario, sleutel: str, waarden: Any, waar: str) -> npt.NDArray[Any]:
    """A value list as a 1-d array: numbers as they are, anything else as objects, one per value."""
    if isinstance(waarden, np.ndarray) and waarden.dtype.kind in "iuf":
        x: npt.NDArray[Any] = waarden.reshape(-1)
    else:
        lijst = [waarden] if isinstance(waarden, (str, int, float)) else list(waarden)
        x = np.empty(len(lijst), dtype=object)
        x[:] = [w.item() if isinstance(w, np.generic) else w for w in lijst]
    if x.size == 0:
        naam = f"{waar}{sleutel}" if waar else sleutel
        raise InvoerFout([Probleem(naam, [], f"ten minste één waarde: {s.veld(sleutel).verwacht()}")])
    return x


def naar_getallen(s: Scenario, sleutel: str, waarden: Any, waar: str = "") -> Arr:
    """Like :func:`als_getallen` without the range check (for a range that depends on the
    structure, checked per structure by the caller): units converted only."""
    veld = s.veld(sleutel)
    naam = f"{waar}{sleutel}" if waar else f"{sleutel} ({OPGEGEVEN})"
    cellen = _cellen(s, sleutel, waarden, waar)
    if cellen.dtype != object:
        return np.asarray(cellen, dtype=float)
    getallen = []
    for w in cellen:
        try:
            getallen.append(naar_eenheid(w, veld.eenheid))
        except EenheidFout as e:
            raise InvoerFout([Probleem(naam, w, f"{veld.verwacht()}; {e}", e.code)]) from None
    return np.asarray(getallen, dtype=float)


def controleer_bereik(s: Scenario, sleutel: str, x: Arr, waar: str = "", toelichting: str = "") -> None:
    """Raise for the first value of ``x`` outside the field's range."""
    veld = s.veld(sleutel)
    ok = np.asarray(veld.past(x), dtype=bool)
    if not ok.all():
        eerste = float(np.asarray(x).reshape(-1)[int(np.argmin(ok.reshape(-1)))])
        naam = f"{waar}{sleutel}" if waar else sleutel
        raise InvoerFout([Probleem(naam, eerste, veld.verwacht() + toelichting)])
