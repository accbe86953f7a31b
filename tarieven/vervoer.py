"""Transport (vervoer, 42A03), priced per attendance day per child.

The category 1-5 follows from the one-way postcode distance and the mode of transport,
per the table "Tarief per aanwezigheidsdag op basis van postcode-afstand" of product
42A03 (Vervoer inspanningsgericht) in Jeugdhulp Haaglanden, *Segment 3 Dagbesteding -
Dagbehandeling: effectketen en productbeschrijvingen* (contractperiode 2022-2025); step 8
of the method (``docs/methode.md#stap-8-vervoer-categorie-en-bedrag-per-dag``)::

                                < 5 km   5-10 km   10-20 km   20-30 km
    groep         (kind)          1         2          3          4
    groep_rolstoel(kind rolstoel) 2         3          4          5
    individueel   (met/zonder)    3         3          4          5

A band includes its lower bound and excludes its upper bound; 30 km itself is in the last
band. Beyond 30 km no category is defined: an error, never a guess. The euro amount per
category is a parameter (``params/producten/42A03.toml``).

:func:`categorie` and :func:`tarief_per_dag` are the breakdown lines of a transport
result (pure, traceable like every line, see :mod:`tarieven.personeel`);
:func:`vervoerscategorie` and :func:`vervoerstarief` check their input and raise a clear
error, for direct use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from tarieven._typing import Getal, GetalInvoer
from tarieven.formule import kies, opzoeken
from tarieven.fouten import InvoerFout, Probleem

__all__ = [
    "AFSTANDSGRENZEN_KM",
    "CATEGORIEEN",
    "CATEGORIETABEL",
    "MAXIMALE_AFSTAND_KM",
    "VORMEN",
    "BANDGRENZEN_KM",
    "afstandsband",
    "categorie",
    "tarief_per_dag",
    "vervoerscategorie",
    "vervoerstarief",
]

VORMEN: tuple[str, ...] = ("groep", "groep_rolstoel", "individueel")
"""Modes of transport: group (child without wheelchair), group with wheelchair, individual."""

AFSTANDSGRENZEN_KM: tuple[float, ...] = (5.0, 10.0, 20.0)
"""Inner band edges [km]: bands [0, 5), [5, 10), [10, 20), [20, 30]."""

BANDGRENZEN_KM: tuple[float, ...] = (0.0, *AFSTANDSGRENZEN_KM)
"""Lower edge of each band [km], the first one the shortest distance allowed."""

MAXIMALE_AFSTAND_KM = 30.0
"""Largest one-way distance with a category [km]; it belongs to the last band."""

CATEGORIETABEL: dict[str, tuple[int, int, int, int]] = {
    "groep": (1, 2, 3, 4),
    "groep_rolstoel": (2, 3, 4, 5),
    "individueel": (3, 3, 4, 5),
}
"""Category per mode and distance band (product 42A03)."""

CATEGORIEEN: tuple[int, ...] = (1, 2, 3, 4, 5)

_BEREIK = f"een enkele-reisafstand van 0 tot en met {MAXIMALE_AFSTAND_KM:g} km"


def categorie(afstand_km: Any, vorm: str) -> Any:
    """Transport category [-] from the one-way distance and the mode (the band's entry in
    :data:`CATEGORIETABEL`). No range check: the scenario's validation refuses a distance
    outside 0-30 km before anything is computed; see :func:`vervoerscategorie`."""
    return opzoeken(afstand_km, BANDGRENZEN_KM, CATEGORIETABEL[vorm])


def tarief_per_dag(categorie: Any, bedragen: Sequence[Any]) -> Any:
    """Tariff per attendance day per child [EUR]: the amount of the category (1 = the first)."""
    return kies(categorie, bedragen)


def afstandsband(afstand_km: GetalInvoer) -> npt.NDArray[np.intp]:
    """Distance band 0-3 of a one-way distance (no range check; see :func:`vervoerscategorie`).

    Parameters
    ----------
    afstand_km : [km]

    Returns
    -------
    [-] 0 for < 5 km, 1 for 5-10, 2 for 10-20, 3 for 20 km and more.
    """
    # side="right": a distance equal to an edge belongs to the band above it
    return np.searchsorted(AFSTANDSGRENZEN_KM, np.asarray(afstand_km, dtype=float), side="right")


def _controleer_afstand(a: npt.NDArray[np.float64]) -> None:
    fout = ~np.isfinite(a) | (a < 0.0) | (a > MAXIMALE_AFSTAND_KM)
    if not fout.any():
        return
    if a.ndim == 0:
        sleutel, waarde = "afstand_km", float(a)
    else:
        plek = np.unravel_index(int(np.argmax(fout)), a.shape)
        sleutel = f"afstand_km[{', '.join(str(int(i)) for i in plek)}]"
        waarde = float(a[plek])
    if np.isnan(waarde):
        reden = "geen getal (NaN)"
    elif waarde < 0.0:
        reden = "een negatieve afstand bestaat niet"
    else:
        reden = f"boven {MAXIMALE_AFSTAND_KM:g} km is voor vervoer 42A03 geen categorie gedefinieerd"
    verwacht = f"{_BEREIK}; {reden}"
    aantal = int(fout.sum())
    if aantal > 1:
        verwacht += f" (nog {aantal - 1} andere afstand(en) buiten dit bereik)"
    raise InvoerFout([Probleem(sleutel, waarde, verwacht)])


def vervoerscategorie(afstand_km: GetalInvoer, vorm: str) -> npt.NDArray[np.int64]:
    """Transport category 1-5 from the one-way postcode distance and the mode.

    Parameters
    ----------
    afstand_km : [km]
        One-way distance from the postcode of the child's home to the postcode of the
        day-care location, shortest route (product 42A03). Float or array.
    vorm : {"groep", "groep_rolstoel", "individueel"}
        Group transport, group transport of a child in a wheelchair, or individual
        transport (with or without wheelchair).

    Returns
    -------
    [-] The category per distance, same shape as ``afstand_km`` (0-d for a scalar).

    Raises
    ------
    InvoerFout
        For an unknown ``vorm`` (listing the allowed ones) or a distance that is
        negative, NaN or above 30 km (naming the first such value and, for an array,
        its index).
    """
    if vorm not in CATEGORIETABEL:
        raise InvoerFout([Probleem("vorm", vorm, f"een van {', '.join(repr(v) for v in VORMEN)}")])
    a = np.asarray(afstand_km, dtype=float)
    _controleer_afstand(a)
    tabel = np.asarray(CATEGORIETABEL[vorm], dtype=np.int64)
    return tabel[afstandsband(a)]


def vervoerstarief(categorie: npt.ArrayLike, bedragen: Mapping[int, float]) -> Getal:
    """Tariff per attendance day per child for a transport category.

    Parameters
    ----------
    categorie : [-]
        Category 1-5 (int or int array), e.g. from :func:`vervoerscategorie`.
    bedragen : mapping of category to [EUR]
        Amount per attendance day per child for each category, from a parameter set
        (``bedrag.categorie_1`` ... ``bedrag.categorie_5``). Only the categories that
        occur need an amount.

    Returns
    -------
    [EUR] The amount per element of ``categorie``.

    Raises
    ------
    InvoerFout
        For a category outside 1-5 or one without an amount.
    """
    c = np.asarray(categorie)
    problemen: list[Probleem] = []
    geheel = np.issubdtype(c.dtype, np.integer) or bool(np.all(np.isfinite(c)) and np.all(np.mod(c, 1) == 0))
    if not geheel:
        problemen.append(Probleem("categorie", c.tolist(), "een geheel getal 1 tot en met 5"))
    if not problemen:
        c = c.astype(np.int64)
        for waarde in np.unique(c).tolist():
            if waarde not in CATEGORIEEN:
                problemen.append(Probleem("categorie", waarde, "een vervoerscategorie 1 tot en met 5"))
            elif waarde not in bedragen:
                problemen.append(
                    Probleem(f"bedrag.categorie_{waarde}", ..., "een bedrag in EUR per aanwezigheidsdag per kind")
                )
    if problemen:
        raise InvoerFout(problemen)
    opzoek = np.full(len(CATEGORIEEN) + 1, np.nan)
    for k, bedrag in bedragen.items():
        if k in CATEGORIEEN:
            opzoek[k] = float(bedrag)
    uit: Getal = opzoek[c]
    return uit
