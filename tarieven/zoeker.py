"""Looking bundled parameters up for a scenario: on a peildatum or over a tariff year, at an assumption set.

A :class:`Zoeker` finds the value of a parameter in force on a peildatum (or its
time-weighted mean over a tariff year), read at the assumption set (``laag``, ``centraal``,
``hoog``), and writes it as a flat input with its origin (:class:`~tarieven.herkomst.Herkomst`:
file, key, status, source, date, reading, projection). :mod:`tarieven.catalogus` uses it to
complete a scenario from the catalogue.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

from tarieven import weergave
from tarieven.eenheden import Gegeven
from tarieven.fouten import InvoerFout, Probleem
from tarieven.parameters import (
    AANNAMESETS,
    CENTRAAL,
    STATUSSEN,
    GewogenWaarde,
    Herkomst,
    Parameter,
    ParameterSet,
    Waarde,
    kort,
)

__all__ = ["AANNAMES_VERWACHT", "Opgezocht", "Zoeker", "bronstatus", "delen_tekst", "slechtste"]

AANNAMES_VERWACHT = "laag, centraal of hoog: elke aanname op haar lage, centrale of hoge lezing (standaard centraal)"

Opgezocht = Waarde | GewogenWaarde
"""A looked-up value: in force on a peildatum, or time-weighted over a tariff year."""


def slechtste(*statussen: str | None) -> str | None:
    bekend = [s for s in statussen if s in STATUSSEN]
    return max(bekend, key=STATUSSEN.index) if bekend else None


def _getal_nl(x: float, eenheid: str | None) -> str:
    """A number in Dutch notation: amounts in euro with two decimals (3.100,00)."""
    return weergave.getal(x) if eenheid is not None and eenheid.startswith("EUR") else weergave.invoer(x)


def delen_tekst(par: Parameter, w: GewogenWaarde, index: int | None = None) -> str:
    """The parts of a time-weighted value: ``59 dagen 3.100,00 + 306 dagen 3.200,00``."""
    delen = []
    for deel, dagen in w.delen:
        x = deel.waarde
        if isinstance(x, tuple):
            tekst = _getal_nl(x[index], par.eenheid) if index is not None else f"{len(x)} treden"
        elif isinstance(x, str):
            tekst = x
        else:
            tekst = _getal_nl(x, par.eenheid)
        delen.append(f"{dagen} dagen {tekst}")
    return " + ".join(delen)


@dataclass
class Zoeker:
    """Looks parameters up on a peildatum, or time-weighted over a tariff year (exactly one),
    and records where each input came from."""

    params: ParameterSet
    peildatum: dt.date | str | None = None
    tariefjaar: int | None = None
    aannames: str = CENTRAAL
    """The assumption set every value with readings is looked up at (:data:`AANNAMESETS`)."""

    def __post_init__(self) -> None:
        if self.aannames not in AANNAMESETS:
            raise InvoerFout([Probleem("aannames", self.aannames, AANNAMES_VERWACHT)])
        if isinstance(self.peildatum, str):
            try:
                self.peildatum = dt.date.fromisoformat(self.peildatum)
            except ValueError:
                raise InvoerFout([Probleem("peildatum", self.peildatum, "een datum zoals 2027-01-01")]) from None
        if (self.peildatum is None) == (self.tariefjaar is None):
            raise InvoerFout(
                [
                    Probleem(
                        "peildatum/tariefjaar",
                        f"{self.peildatum} en {self.tariefjaar}",
                        "óf een peildatum óf een tariefjaar (tijdgewogen), precies één van de twee",
                    )
                ]
            )

    def op(self, par: Parameter) -> Opgezocht:
        """The value in force on the peildatum, or the time-weighted value over the tariff year.

        A date the parameter has no value for is the user's peildatum (or tariff year) that
        is out of range: the error names that, and the parameter that has no value then.
        """
        par = par.bij(self.aannames)
        try:
            return par.gewogen(self.tariefjaar) if self.tariefjaar is not None else par.op(self.peildatum)  # type: ignore[arg-type]
        except InvoerFout as e:
            wat, waarde = (
                ("tariefjaar", self.tariefjaar) if self.tariefjaar is not None else ("peildatum", self.peildatum)
            )
            raise InvoerFout(
                [
                    Probleem(wat, str(waarde), f"{p.verwacht} (voor {par.naam} in {kort(par.bestand)})")
                    for p in e.problemen
                ]
            ) from None

    def herkomst(self, par: Parameter, w: Opgezocht, extra: str = "", index: int | None = None) -> Herkomst:
        """The origin of a looked-up value; for a time-weighted one with its parts."""
        bestand = f"eigen parameters {w.bestand}" if w.bestand else os.path.basename(par.bestand)
        oorsprong = f"{bestand}: {par.naam}{extra}"
        if isinstance(w, GewogenWaarde):
            oorsprong += f", tijdgewogen {w.jaar}: {delen_tekst(par, w, index)}"
        centraal = w.centraal if isinstance(w, Waarde) else None
        if isinstance(centraal, tuple):
            centraal = centraal[index] if index is not None else None
        return Herkomst(
            oorsprong,
            w.status,
            str(w.bron),
            w.vanaf,
            w.toelichting,
            w.geprojecteerd,
            bronstatus=w.bronstatus,
            projectiefactor=w.projectiefactor,
            lezing=w.lezing,
            centraal=centraal,
        )

    def vul(
        self, invoer: MutableMapping[str, Any], herkomst: MutableMapping[str, Herkomst], sleutel: str, par: Parameter
    ) -> None:
        """Set ``sleutel`` to the parameter's value unless the input already has it."""
        if sleutel in invoer:
            return
        w = self.op(par)
        invoer[sleutel] = Gegeven(w.waarde, par.eenheid or "1") if isinstance(w.waarde, float) else w.waarde
        herkomst[sleutel] = self.herkomst(par, w)


def bronstatus(*delen: Opgezocht) -> str | None:
    """The least certain status before projection of values combined into one input; None if none was projected."""
    if not any(w.geprojecteerd for w in delen):
        return None
    return slechtste(*((w.bronstatus or w.status) if w.geprojecteerd else w.status for w in delen))
