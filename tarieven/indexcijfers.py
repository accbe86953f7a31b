"""The VNG index figures from a parameter set, assembled into indexations year by year.

The method itself (step 7: the weighted index, the correction of last year's provisional
figures, the chain) is :mod:`tarieven.indexatie`; this module looks the published figures
up in ``indexatie-vng.toml`` (or a user's own file of that name) and names every figure
that is missing, never a silent zero.
"""

from __future__ import annotations

import datetime as dt
import math
import os

from tarieven.eenheden import EenheidFout, naar_eenheid
from tarieven.eigenparameters import laad_parameters
from tarieven.fouten import InvoerFout, Probleem
from tarieven.indexatie import Geindexeerd, Indexatie, Indexcijfers, indexatie_vng, indexeer_jaren
from tarieven.parameters import ParameterSet, kort

__all__ = ["INDEXATIE", "indexeer", "vng_indexaties"]

INDEXATIE = "indexatie-vng"
"""The parameter file (stem) with the VNG index figures."""


def _reeks(params: ParameterSet, naam: str) -> dict[int, float]:
    par = params.parameter(INDEXATIE, naam)
    return {w.vanaf.year: float(w.waarde) for w in par.reeks if isinstance(w.waarde, float)}


def vng_indexaties(van: int, naar: int, params: ParameterSet | str | os.PathLike[str] | None = None) -> list[Indexatie]:
    """The VNG indexations of the years ``van + 1`` .. ``naar`` from the index figures.

    The wage weight and the correction method (``nacalculatie_methode``: ``absoluut`` or
    ``relatief``) are looked up per year. A missing figure is an error naming it (OVA/PCC of
    a year not yet published) and the file it belongs in. ``params``: a parameter set, or
    the user's own file or folder with figures the package does not have yet (laid over
    the bundled ones).
    """
    params = params if isinstance(params, ParameterSet) else laad_parameters(params)
    for naam, jaar in (("van", van), ("naar", naar)):
        if isinstance(jaar, bool) or not isinstance(jaar, int) or not 1900 <= jaar <= 2999:
            raise InvoerFout([Probleem(naam, jaar, "een jaartal zoals 2025")])
    if naar <= van:
        raise InvoerFout([Probleem("naar", naar, f"een jaar na {van}")])
    bestand = params.bestand(INDEXATIE)
    ova = Indexcijfers("ova", _reeks(params, "ova.voorlopig"), _reeks(params, "ova.definitief"))
    pcc = Indexcijfers("pcc", _reeks(params, "pcc.voorlopig"), _reeks(params, "pcc.definitief"))
    uit = []
    for jaar in range(van + 1, naar + 1):
        peil = dt.date(jaar, 1, 1)
        w = params.parameter(INDEXATIE, "gewicht_loon").op(peil).waarde
        methode = params.parameter(INDEXATIE, "nacalculatie_methode").op(peil).waarde
        assert isinstance(w, float)
        try:
            uit.append(indexatie_vng(jaar, ova, pcc, w, relatief=methode == "relatief"))
        except InvoerFout as e:  # name the file the missing figures belong in
            raise InvoerFout(e.problemen, kort(bestand.pad)) from None
    return uit


def indexeer(
    tarief: float,
    van: int,
    naar: int,
    *,
    gepubliceerd: bool = False,
    params: ParameterSet | str | os.PathLike[str] | None = None,
) -> list[Geindexeerd]:
    """A tariff of price year ``van`` indexed year by year to ``naar`` by the VNG method.

    Every indexed year is marked ``geprojecteerd``. ``gepubliceerd``: multiply by the
    published (rounded) percentage instead of in full precision. ``tarief`` is an amount
    in euro greater than 0 (a number, or text such as ``"95 EUR"``); an amount that does
    not stay finite when indexed is an error, never an infinite or NaN tariff.
    """
    verwacht = "een tarief in euro groter dan 0"
    try:
        bedrag = naar_eenheid(tarief, "EUR")
    except EenheidFout as e:
        raise InvoerFout([Probleem("tarief", tarief, f"{verwacht}; {e}")]) from None
    if not bedrag > 0:
        raise InvoerFout([Probleem("tarief", tarief, verwacht)])
    reeks = indexeer_jaren(bedrag, van, vng_indexaties(van, naar, params), gepubliceerd=gepubliceerd)
    if not all(math.isfinite(float(stap.tarief)) for stap in reeks):
        raise InvoerFout([Probleem("tarief", tarief, f"{verwacht} dat geïndexeerd een eindig bedrag blijft")])
    return reeks
