"""Checks an analyst writes: cases with expected lines, run by ``tarieven test BESTAND.toml``.

A region that agreed on figures pins them in a file of cases, the way OpenFisca's YAML
tests pin a tax-benefit rule: each case a product or scenario with its changes, and the
breakdown lines it must give. A change of parameters or method that moves a pinned
figure then fails visibly.

Het controlebestand (TOML)
--------------------------

::

    [[geval]]
    naam = "Dagbesteding licht, groep van 8"      # verplicht
    scenario = "41A22"                            # een productcode of een scenariobestand (relatief aan dit bestand)
    peildatum = 2025-06-01                        # optioneel (of tariefjaar = 2026)
    aannames = "centraal"                         # optioneel: laag, centraal (standaard) of hoog
    tolerantie = 0.01                             # optioneel (standaard: een bedrag op de cent gelijk)

    [geval.met]                                   # optioneel: invoer die afwijkt
    "product.groepsgrootte" = 8

    [geval.verwacht]                              # verplicht: regels met de verwachte waarde
    tarief_per_client = 101.32                    # euro (of "101.32")
    "uurkosten.mbo" = 54.01

In plaats van ``scenario = "..."`` mag een geval het scenario zelf bevatten, als tabel
``[geval.scenario]`` (met ``functies``, ``product``, ``opslagen``, zoals een
scenariobestand). Een geldregel slaagt als hij binnen de tolerantie ligt; een andere
regel (een fractie, een aantal) binnen een miljoenste. Zonder tolerantie moet een bedrag op
de cent gelijk zijn (afgerond half naar boven, zoals tarieven het toont).
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from tarieven.afronding import op_centen
from tarieven.catalogus import AANNAMES_VERWACHT
from tarieven.fouten import InvoerFout, Probleem, onbekende_sleutels
from tarieven.lezen import bestaat, lees_bestand
from tarieven.parameters import AANNAMESETS
from tarieven.uitkomst import Uitkomst, bereken
from tarieven.weergave import euro, invoer, is_geld

__all__ = ["Geval", "Gevaluitslag", "Regeluitslag", "lees_controles", "voer_controles_uit"]

TOLERANTIE_ANDERS = 1e-6
"""Default largest difference of a line that is not money."""
_SLEUTELS = {"naam", "scenario", "peildatum", "tariefjaar", "aannames", "tolerantie", "met", "verwacht"}


@dataclass(frozen=True)
class Geval:
    """One case: what to compute and the lines it must give."""

    naam: str
    scenario: str | Mapping[str, Any]
    verwacht: Mapping[str, float]
    peildatum: dt.date | None = None
    tariefjaar: int | None = None
    met: Mapping[str, Any] | None = None
    tolerantie: float | None = None
    aannames: str | None = None


@dataclass(frozen=True)
class Regeluitslag:
    """One expected line against the computed one."""

    regel: str
    verwacht: float
    berekend: float | None
    tolerantie: float | None
    """Largest difference; None: equal to the cent (a money line without a stated tolerance)."""
    eenheid: str = ""

    @property
    def geslaagd(self) -> bool:
        if self.berekend is None:
            return False
        if self.tolerantie is None:
            return op_centen(self.berekend) == Decimal(repr(self.verwacht)).quantize(Decimal("0.01"))
        return abs(self.berekend - self.verwacht) <= self.tolerantie

    def __str__(self) -> str:
        def toon(x: float) -> str:
            return euro(x) if is_geld(self.eenheid) else invoer(x)

        if self.berekend is None:
            return f"mislukt  {self.regel}: deze regel bestaat niet in de opbouw"
        teken = "geslaagd" if self.geslaagd else "mislukt "
        return f"{teken} {self.regel} = {toon(self.berekend)} (verwacht {toon(self.verwacht)})"


@dataclass(frozen=True)
class Gevaluitslag:
    """A case run: each line's outcome, or the error that stopped it."""

    naam: str
    regels: tuple[Regeluitslag, ...]
    fout: str | None = None

    @property
    def geslaagd(self) -> bool:
        return self.fout is None and all(r.geslaagd for r in self.regels)


def _plat(d: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    uit: dict[str, Any] = {}
    for k, v in d.items():
        uit |= _plat(v, f"{prefix}{k}.") if isinstance(v, Mapping) else {f"{prefix}{k}": v}
    return uit


def _getal(x: Any) -> float | None:
    if isinstance(x, bool):
        return None
    try:
        y = float(x)
    except (TypeError, ValueError):
        return None
    return y if math.isfinite(y) else None


def _geval(i: int, g: Any, map_: Path, p: list[Probleem]) -> Geval | None:
    waar = f"geval[{i}]"
    if not isinstance(g, Mapping):
        p.append(Probleem(waar, g, "een tabel [[geval]]"))
        return None
    start = len(p)
    onbekende_sleutels(f"{waar}.", g, _SLEUTELS, p)
    naam = g.get("naam")
    if not isinstance(naam, str) or not naam.strip():
        p.append(Probleem(f"{waar}.naam", naam if naam is not None else ..., "de naam van het geval (tekst)"))
    scen = g.get("scenario", ...)
    if isinstance(scen, str):
        scen = str(map_ / scen) if bestaat(map_ / scen, bestand=True) else scen
    elif not isinstance(scen, Mapping):
        p.append(
            Probleem(f"{waar}.scenario", scen, "een productcode, een scenariobestand of een tabel [geval.scenario]")
        )
    verwacht = _plat(g.get("verwacht", {})) if isinstance(g.get("verwacht"), Mapping) else None
    if not verwacht:
        p.append(Probleem(f"{waar}.verwacht", g.get("verwacht", ...), "een tabel met ten minste één regel en waarde"))
    getallen = {k: _getal(v) for k, v in (verwacht or {}).items()}
    for k, v in getallen.items():
        if v is None:
            p.append(Probleem(f"{waar}.verwacht.{k}", (verwacht or {})[k], "een eindig getal (euro voor een bedrag)"))
    peildatum = g.get("peildatum")
    if peildatum is not None and (isinstance(peildatum, dt.datetime) or not isinstance(peildatum, dt.date)):
        p.append(Probleem(f"{waar}.peildatum", peildatum, "een TOML-datum zoals 2027-01-01"))
    tolerantie = g.get("tolerantie")
    if tolerantie is not None and not ((t := _getal(tolerantie)) is not None and t >= 0):
        p.append(Probleem(f"{waar}.tolerantie", tolerantie, "een getal van 0 of meer"))
    aannames = g.get("aannames")
    if aannames is not None and aannames not in AANNAMESETS:
        p.append(Probleem(f"{waar}.aannames", aannames, AANNAMES_VERWACHT))
    met = g.get("met")
    if met is not None and not isinstance(met, Mapping):
        p.append(Probleem(f"{waar}.met", met, "een tabel met invoer die afwijkt"))
    if len(p) > start:
        return None
    return Geval(
        str(naam),
        scen,
        {k: float(v) for k, v in getallen.items() if v is not None},
        peildatum,
        g.get("tariefjaar"),
        _plat(met) if met else None,
        None if tolerantie is None else float(tolerantie),
        aannames,
    )


def lees_controles(pad: str | os.PathLike[str]) -> list[Geval]:
    """Read and check a file of cases (format: see the module docstring).

    Raises
    ------
    InvoerFout
        Naming the file, the case and the key.
    """
    pad = Path(pad)
    data = lees_bestand(pad, soort="controlebestand")
    p: list[Probleem] = []
    onbekende_sleutels("", data, {"geval", "beschrijving"}, p)
    gevallen = data.get("geval")
    if not isinstance(gevallen, list) or not gevallen:
        p.append(Probleem("geval", gevallen if gevallen is not None else ..., "ten minste één [[geval]]"))
        gevallen = []
    uit = [g for i, ruw in enumerate(gevallen) if (g := _geval(i, ruw, pad.parent, p)) is not None]
    if p:
        raise InvoerFout(p, str(pad))
    return uit


def _uitslag(g: Geval, u: Uitkomst) -> Gevaluitslag:
    regels = []
    for naam, verwacht in g.verwacht.items():
        try:
            r = u.regel(naam)
        except KeyError:
            regels.append(Regeluitslag(naam, verwacht, None, 0.0))
            continue
        standaard = None if is_geld(r.eenheid) else TOLERANTIE_ANDERS
        tol = g.tolerantie if g.tolerantie is not None else standaard
        regels.append(Regeluitslag(naam, verwacht, r.waarde, tol, r.eenheid))
    return Gevaluitslag(g.naam, tuple(regels))


def voer_controles_uit(pad: str | os.PathLike[str], *, aannames: str | None = None) -> list[Gevaluitslag]:
    """Run every case of a file; a case whose scenario is not valid fails with its error.

    ``aannames``: the assumption set for every case (``--aannames``); it wins over a case's own."""
    uitslagen = []
    for g in lees_controles(pad):
        try:
            u = bereken(g.scenario, g.peildatum, tariefjaar=g.tariefjaar, met=g.met, aannames=aannames or g.aannames)
        except InvoerFout as e:
            uitslagen.append(Gevaluitslag(g.naam, (), str(e)))
            continue
        uitslagen.append(_uitslag(g, u))
    return uitslagen
