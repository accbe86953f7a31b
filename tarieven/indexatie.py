"""Step 7 of the method: indexation of a tariff from one price year to the next.

Described in ``docs/methode.md#stap-7-indexatie-naar-een-later-jaar``.

The customary method (VNG, Contractstandaarden Jeugd; "Indexatie bij inkoop jeugdhulp en
Wmo-ondersteuning 2025", VNG, corrected table of 2 October 2024) moves a tariff one year
with::

    indexatie_Z = w * OVA_Z + (1 - w) * PCC_Z + nacalculatie_(Z-1)
    nacalculatie_(Z-1) = [w * OVA_(Z-1),def + (1 - w) * PCC_(Z-1),def]
                       - [w * OVA_(Z-1),vl  + (1 - w) * PCC_(Z-1),vl]
    tarief_Z = tarief_(Z-1) * (1 + indexatie_Z)

OVA is the wage index (overheidsbijdrage in de arbeidskostenontwikkeling), PCC the price
index of private consumption, w the wage weight (0.9 in the VNG method, or the personnel
share of the breakdown itself: :func:`loonaandeel`). All figures are fractions
(0.0418 for 4.18 %).

The core functions are pure numpy and broadcast over arrays. Everything is computed in
float64; only the published percentage (:func:`gepubliceerd_percentage`) is rounded, via
:class:`decimal.Decimal`, half up. The chained API (:class:`Indexcijfers`,
:func:`indexatie_vng`, :func:`indexeer_jaren`) returns dataclasses that mark every indexed
value as projected (indexation is for years whose CAO tables are not yet known).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from tarieven._typing import Getal, GetalInvoer
from tarieven.fouten import InvoerFout, Probleem

__all__ = [
    "GEWICHT_LOON_VNG",
    "Geindexeerd",
    "Indexatie",
    "Indexcijfers",
    "gepubliceerd_percentage",
    "indexatie",
    "indexatie_vng",
    "indexcijfer",
    "indexeer",
    "indexeer_jaren",
    "loonaandeel",
    "nacalculatie",
]

GEWICHT_LOON_VNG = 0.9
"""Wage weight w of the VNG method: 90 % OVA, 10 % PCC (VNG, indexatie 2024 and 2025)."""

# A percentage computed in float64 from figures with two decimals carries noise in the
# 15th digit (4.555 may come out as 4.55499999...). Rounding the percentage to 9 decimals
# first removes that noise, so the half-up rounding sees the value a decimal calculation
# gives.
_DECIMALEN_VOOR_AFRONDEN = 9


# -- core functions (numpy, broadcasting) ------------------------------------------------


def indexcijfer(gewicht_loon: GetalInvoer, ova: GetalInvoer, pcc: GetalInvoer) -> Getal:
    """Weighted index of one year.

    Parameters
    ----------
    gewicht_loon : [-]
        Wage weight w, 0 <= w <= 1 (0.9 in the VNG method).
    ova : [-]
        Wage index OVA as a fraction (0.0418 for 4.18 %).
    pcc : [-]
        Price index PCC as a fraction.

    Returns
    -------
    [-] ``w * OVA + (1 - w) * PCC`` (VNG, Contractstandaarden Jeugd; VNG, "Indexatie bij inkoop
    jeugdhulp en Wmo-ondersteuning 2025").
    """
    w = np.asarray(gewicht_loon, dtype=float)
    uit: Getal = w * np.asarray(ova, dtype=float) + (1.0 - w) * np.asarray(pcc, dtype=float)
    return uit


def nacalculatie(
    gewicht_loon: GetalInvoer,
    ova_definitief: GetalInvoer,
    pcc_definitief: GetalInvoer,
    ova_voorlopig: GetalInvoer,
    pcc_voorlopig: GetalInvoer,
    *,
    relatief: bool = False,
) -> Getal:
    """Correction for last year's provisional figures (nacalculatie of year Z-1).

    Parameters
    ----------
    gewicht_loon : [-]
        Wage weight w.
    ova_definitief, pcc_definitief : [-]
        Final indices of year Z-1.
    ova_voorlopig, pcc_voorlopig : [-]
        Provisional indices of year Z-1, with which the tariff of Z-1 was indexed.
    relatief : bool
        False (default; the VNG table for 2025 as corrected on 2 October
        2024): the difference of the weighted indices,
        ``indexcijfer(w, OVA_def, PCC_def) - indexcijfer(w, OVA_vl, PCC_vl)``.
        True (the VNG table for 2024): the weighted ratio,
        ``w * ((1 + OVA_def) / (1 + OVA_vl) - 1) + (1 - w) * ((1 + PCC_def) / (1 + PCC_vl) - 1)``.

    Returns
    -------
    [-] The correction, added to the index of year Z.
    """
    if relatief:
        w = np.asarray(gewicht_loon, dtype=float)
        ova = np.divide(np.add(1.0, ova_definitief), np.add(1.0, ova_voorlopig)) - 1.0
        pcc = np.divide(np.add(1.0, pcc_definitief), np.add(1.0, pcc_voorlopig)) - 1.0
        return w * ova + (1.0 - w) * pcc
    return indexcijfer(gewicht_loon, ova_definitief, pcc_definitief) - indexcijfer(
        gewicht_loon, ova_voorlopig, pcc_voorlopig
    )


def indexatie(
    gewicht_loon: GetalInvoer,
    ova: GetalInvoer,
    pcc: GetalInvoer,
    ova_definitief_vorig: GetalInvoer,
    pcc_definitief_vorig: GetalInvoer,
    ova_voorlopig_vorig: GetalInvoer,
    pcc_voorlopig_vorig: GetalInvoer,
    *,
    relatief: bool = False,
) -> Getal:
    """Indexation of year Z: the index of Z plus the correction of Z-1.

    Parameters
    ----------
    gewicht_loon : [-]
        Wage weight w.
    ova, pcc : [-]
        Provisional indices of year Z.
    ova_definitief_vorig, pcc_definitief_vorig : [-]
        Final indices of year Z-1.
    ova_voorlopig_vorig, pcc_voorlopig_vorig : [-]
        Provisional indices of year Z-1.
    relatief : bool
        How the correction is computed; see :func:`nacalculatie`.

    Returns
    -------
    [-] ``indexcijfer_Z + nacalculatie_(Z-1)``.
    """
    return indexcijfer(gewicht_loon, ova, pcc) + nacalculatie(
        gewicht_loon,
        ova_definitief_vorig,
        pcc_definitief_vorig,
        ova_voorlopig_vorig,
        pcc_voorlopig_vorig,
        relatief=relatief,
    )


def indexeer(tarief: GetalInvoer, indexaties: Sequence[GetalInvoer]) -> Getal:
    """A tariff moved through one or more years of indexation.

    Parameters
    ----------
    tarief : [EUR]
        The tariff of the base year.
    indexaties : sequence of [-]
        The indexation of each following year, in order; each entry broadcasts against
        ``tarief``. An empty sequence returns the tariff unchanged.

    Returns
    -------
    [EUR] ``tarief * prod_Z (1 + indexatie_Z)`` (several years chain).
    """
    uit: Getal = np.asarray(tarief, dtype=float)
    for i in indexaties:
        uit = uit * np.add(1.0, i)
    return uit


def loonaandeel(
    personeel_direct: GetalInvoer,
    personeel_indirect: GetalInvoer,
    clientkosten: GetalInvoer,
    kostprijs_per_client: GetalInvoer,
) -> Getal:
    """The personnel share of the cost price, as wage weight w (the alternative to the VNG's 0.9).

    Pass the per-client lines of a result (:class:`tarieven.Uitkomst`):
    ``u["opbouw.personeel_direct"]``, ``u["opbouw.personeel_indirect"]``,
    ``u["opbouw.clientkosten"]`` and ``u["kostprijs_per_client"]``.

    What counts as personnel: direct and indirect staff on the group and client-bound
    staff, each at its full personnel cost per productive hour (salary, holiday pay,
    year-end bonus, employer charges and the other personnel costs such as training and
    travel: steps 1 and 2 of the method); all of it follows wage development. Not personnel: housing and
    material (they follow prices, PCC). Overhead and the risk surcharge are outside the
    cost price; using the share of the cost price for the whole tariff assumes they have
    the same wage/price mix as the cost price.

    Parameters
    ----------
    personeel_direct : [EUR]
        Direct staff per billed client per unit (``opbouw.personeel_direct``).
    personeel_indirect : [EUR]
        Indirect staff per billed client per unit (``opbouw.personeel_indirect``).
    clientkosten : [EUR]
        Client-bound staff per client per unit.
    kostprijs_per_client : [EUR]
        Cost price per billed client per unit (before overhead and risk).

    Returns
    -------
    [-] ``(personeel_direct + personeel_indirect + clientkosten) / kostprijs_per_client``.
    """
    personeel = np.add(np.add(personeel_direct, personeel_indirect), clientkosten)
    return np.divide(personeel, kostprijs_per_client)


def gepubliceerd_percentage(fractie: float, decimalen: int = 2) -> Decimal:
    """The indexation as published: a percentage rounded half up (VNG: 4.957 % -> 4.96 %).

    Parameters
    ----------
    fractie : [-]
        The indexation in full precision (0.04957).
    decimalen : int
        Decimals of the published percentage (VNG publishes 2).

    Returns
    -------
    Decimal
        The percentage, e.g. ``Decimal("4.96")``; format it as ``f"{p}%"``.
    """
    procent = round(float(fractie) * 100.0, _DECIMALEN_VOOR_AFRONDEN)
    return Decimal(repr(procent)).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)


# -- chained API: published series by year, results marked as projected ----------------


@dataclass(frozen=True)
class Indexcijfers:
    """One published index series (OVA or PCC) by year, as fractions.

    Attributes
    ----------
    naam
        Name used in error messages, e.g. ``"ova"`` or ``"pcc"``.
    voorlopig
        Provisional figure per year (published before the year, used for indexing it).
    definitief
        Final figure per year (known a year later, used for the correction).
    """

    naam: str
    voorlopig: Mapping[int, float]
    definitief: Mapping[int, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Indexatie:
    """The indexation of one year, its parts, and the percentage as published.

    Attributes
    ----------
    jaar
        The year Z the tariff is indexed to.
    gewicht_loon
        Wage weight w used.
    index
        ``w * OVA_Z + (1 - w) * PCC_Z`` [-].
    nacalculatie
        Correction of year Z-1 [-].
    totaal
        ``index + nacalculatie`` [-], full precision.
    gepubliceerd
        ``totaal`` as a percentage rounded half up to 2 decimals (``Decimal("4.96")``).
    geprojecteerd
        True: a tariff indexed with this is a projection, not a recomputation on the
        CAO tables of year Z. Always True when computed from index figures.
    """

    jaar: int
    gewicht_loon: float
    index: float
    nacalculatie: float
    totaal: float
    gepubliceerd: Decimal
    geprojecteerd: bool = True

    @property
    def factor(self) -> float:
        """``1 + totaal`` in full precision."""
        return 1.0 + self.totaal

    @property
    def factor_gepubliceerd(self) -> float:
        """``1 + gepubliceerd / 100``: the factor a contract applying the published percentage uses."""
        return float(1 + self.gepubliceerd / 100)


@dataclass(frozen=True)
class Geindexeerd:
    """A tariff in one year of a chain.

    Attributes
    ----------
    jaar
        The price year.
    tarief
        The tariff [EUR] in full precision (float, or an array when the base was one).
    geprojecteerd
        True when the tariff rests on at least one projected indexation.
    indexatie
        The indexation that led to this year; None for the base year.
    """

    jaar: int
    tarief: Getal
    geprojecteerd: bool
    indexatie: Indexatie | None = None


def _cijfer(cijfers: Indexcijfers, soort: str, jaar: int, doel: str, problemen: list[Probleem]) -> float:
    reeks = cijfers.voorlopig if soort == "voorlopig" else cijfers.definitief
    if jaar not in reeks:
        problemen.append(
            Probleem(f"{cijfers.naam}.{soort}.{jaar}", ..., f"het indexcijfer van {jaar} ({soort}, {doel})")
        )
        return float("nan")
    return float(reeks[jaar])


def indexatie_vng(
    jaar: int,
    ova: Indexcijfers,
    pcc: Indexcijfers,
    gewicht_loon: float = GEWICHT_LOON_VNG,
    *,
    relatief: bool = False,
) -> Indexatie:
    """The indexation of ``jaar`` by the VNG method from published series.

    Parameters
    ----------
    jaar
        Year Z the tariff is indexed to.
    ova, pcc
        The series; needed are the provisional figures of Z and of Z-1 and the final
        figures of Z-1.
    gewicht_loon : [-]
        Wage weight w (VNG: 0.9; or :func:`loonaandeel` of the breakdown).
    relatief
        How the correction is computed; see :func:`nacalculatie`.

    Returns
    -------
    Indexatie
        Marked as projected.

    Raises
    ------
    InvoerFout
        When a figure is missing (never a silent zero); lists every missing figure.
    """
    vorig = jaar - 1
    problemen: list[Probleem] = []
    doel = f"voor de indexatie {jaar}"
    ova_z = _cijfer(ova, "voorlopig", jaar, doel, problemen)
    pcc_z = _cijfer(pcc, "voorlopig", jaar, doel, problemen)
    doel = f"voor de nacalculatie in de indexatie {jaar}"
    ova_def = _cijfer(ova, "definitief", vorig, doel, problemen)
    pcc_def = _cijfer(pcc, "definitief", vorig, doel, problemen)
    ova_vl = _cijfer(ova, "voorlopig", vorig, doel, problemen)
    pcc_vl = _cijfer(pcc, "voorlopig", vorig, doel, problemen)
    if not 0.0 <= gewicht_loon <= 1.0:
        problemen.append(Probleem("gewicht_loon", gewicht_loon, "een fractie van 0 tot en met 1"))
    if problemen:
        raise InvoerFout(problemen)
    index = float(indexcijfer(gewicht_loon, ova_z, pcc_z))
    correctie = float(nacalculatie(gewicht_loon, ova_def, pcc_def, ova_vl, pcc_vl, relatief=relatief))
    totaal = index + correctie
    return Indexatie(
        jaar=jaar,
        gewicht_loon=float(gewicht_loon),
        index=index,
        nacalculatie=correctie,
        totaal=totaal,
        gepubliceerd=gepubliceerd_percentage(totaal),
        geprojecteerd=True,
    )


def indexeer_jaren(
    tarief: GetalInvoer,
    basisjaar: int,
    indexaties: Sequence[Indexatie],
    *,
    gepubliceerd: bool = False,
    basis_geprojecteerd: bool = False,
) -> list[Geindexeerd]:
    """A tariff chained through consecutive years of indexation.

    Parameters
    ----------
    tarief : [EUR]
        The tariff of ``basisjaar`` (float or array).
    basisjaar
        Its price year.
    indexaties
        The indexations of ``basisjaar + 1``, ``basisjaar + 2``, ... in order.
    gepubliceerd
        False (default): multiply by ``1 + totaal`` in full precision.
        True: by ``1 + gepubliceerd / 100``, as a contract that applies the published
        percentage does. The VNG indexation 2025 (4.957 %, published 4.96 %) takes 100.00 to
        104.96 either way.
    basis_geprojecteerd
        Whether the base tariff is itself a projection.

    Returns
    -------
    list of Geindexeerd
        The base year first, then one entry per indexation; every indexed entry is
        marked as projected when its indexation or an earlier one is.

    Raises
    ------
    InvoerFout
        When the years do not follow on from ``basisjaar`` one by one.
    """
    problemen = [
        Probleem(f"indexaties[{i}].jaar", ix.jaar, f"{basisjaar + i + 1} (aansluitende jaren na {basisjaar})")
        for i, ix in enumerate(indexaties)
        if ix.jaar != basisjaar + i + 1
    ]
    if problemen:
        raise InvoerFout(problemen)
    huidig: Getal = np.asarray(tarief, dtype=float)
    geprojecteerd = basis_geprojecteerd
    uit = [Geindexeerd(basisjaar, _als_float(huidig), geprojecteerd)]
    for ix in indexaties:
        huidig = huidig * (ix.factor_gepubliceerd if gepubliceerd else ix.factor)
        geprojecteerd = geprojecteerd or ix.geprojecteerd
        uit.append(Geindexeerd(ix.jaar, _als_float(huidig), geprojecteerd, ix))
    return uit


def _als_float(x: Getal) -> Getal:
    """A 0-d array as a plain float, an array unchanged."""
    return float(x) if np.ndim(x) == 0 else x
