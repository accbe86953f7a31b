"""Recompute a stored result: from the inputs it carries, and from today's parameters.

A result written by ``tarieven bereken ... --formaat json`` (or :meth:`Uitkomst.to_json`)
carries every resolved input with its source, the user's own inputs, the package version,
the peildatum and a hash of the parameter files. :func:`herbereken` computes it again two
ways and says whether each gives the same figures to the cent:

1. **from its own inputs**: the stored, resolved values validated and computed again;
   this must reproduce the result exactly (a different version of the method would show
   here);
2. **from today's bundled parameters** at the stored peildatum: the user's own inputs
   completed from the catalogue anew; every input whose value has changed since is named,
   with its old and new value and where the new one comes from.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tarieven._versie import __version__
from tarieven.fouten import InvoerFout, Probleem
from tarieven.lezen import is_uitkomst, lees_bestand  # is_uitkomst: defined with the readers, named here too
from tarieven.parameterbestanden import standaard_parameters
from tarieven.uitkomst import Uitkomst, bereken
from tarieven.velden import LEEG
from tarieven.weergave import euro, invoer

__all__ = ["Herberekening", "Verschil", "herbereken", "is_uitkomst"]


@dataclass(frozen=True)
class Verschil:
    """One line or input that is not what was stored."""

    naam: str
    opgeslagen: Any
    nieuw: Any
    herkomst: str = ""

    def __str__(self) -> str:
        waar = f"  [{self.herkomst}]" if self.herkomst else ""
        return f"{self.naam}: {_toon(self.opgeslagen)} -> {_toon(self.nieuw)}{waar}"


def _toon(x: Any) -> str:
    """A stored value the Dutch way: an amount in cents (``"114.30"``) as euros, a number as entered."""
    if isinstance(x, str):
        try:
            return euro(float(x))
        except ValueError:
            return x
    return invoer(x) if isinstance(x, (int, float)) else "(ontbreekt)" if x is None else str(x)


@dataclass(frozen=True)
class Herberekening:
    """A stored result computed again (see the module docstring)."""

    bestand: str
    opgeslagen: Mapping[str, Any]
    eigen: Uitkomst
    regels_eigen: tuple[Verschil, ...]
    nu: Uitkomst | None
    regels_nu: tuple[Verschil, ...]
    invoer_nu: tuple[Verschil, ...]
    fout_nu: str | None = None

    @property
    def identiek(self) -> bool:
        """Recomputed from its own inputs, every line equal to the cent."""
        return not self.regels_eigen

    @property
    def identiek_nu(self) -> bool:
        return self.nu is not None and not self.regels_nu

    def tekst(self) -> str:
        """The report in Dutch."""
        o = self.opgeslagen
        wanneer = f"peildatum {o.get('peildatum')}" if o.get("peildatum") else f"tariefjaar {o.get('tariefjaar')}"
        eerste = (
            "identiek, elke regel op de cent." if self.identiek else f"{len(self.regels_eigen)} regels verschillen:"
        )
        regels = [
            f"Herberekening van {self.bestand} (tarieven {o.get('tarieven_versie')}, nu {__version__}; {wanneer})",
            f"1. Uit de eigen invoer van de uitkomst: {eerste}",
        ]
        regels += [f"     {v}" for v in self.regels_eigen]
        tweede = "2. Met de meegeleverde parameters van nu, op dezelfde peildatum: "
        if self.nu is None:
            regels.append(tweede + f"niet te berekenen: {self.fout_nu}")
        elif self.identiek_nu:
            regels.append(tweede + "identiek, elke regel op de cent.")
        else:
            regels.append(tweede + f"{len(self.regels_nu)} regels verschillen, onder meer het tarief:")
            regels += [f"     {v}" for v in self.regels_nu[:5]]
        if self.invoer_nu:
            regels.append(f"   Sindsdien gewijzigd ({len(self.invoer_nu)} invoerwaarden):")
            regels += [f"     {v}" for v in self.invoer_nu]
        if o.get("parameterset_hash") and o.get("parameterset_hash") != standaard_parameters().hash:
            regels.append("   De parameterbestanden van de uitkomst zijn niet die van nu (andere parameterset-hash).")
        return "\n".join(regels)


def _regels(d: Mapping[str, Any], namen: list[str]) -> dict[str, Any]:
    """The values of breakdown lines in a result dict (nested by the dots of their names)."""
    uit: dict[str, Any] = {}
    for naam in namen:
        x: Any = d
        for deel in naam.split("."):
            x = x.get(deel) if isinstance(x, Mapping) else None
        uit[naam] = x
    return uit


def _verschillen(opgeslagen: Mapping[str, Any], u: Uitkomst) -> tuple[Verschil, ...]:
    namen = [r.naam for r in u]
    oud, nieuw = _regels(opgeslagen, namen), _regels(u.to_dict(), namen)
    return tuple(Verschil(n, oud[n], nieuw[n]) for n in namen if oud[n] != nieuw[n])


def _met_parameters_van_nu(d: Mapping[str, Any], bron: str) -> Uitkomst:
    """The user's own inputs completed anew from today's bundled parameters, at the stored date."""
    eigen = {
        k: LEEG if v == {} else v  # an explicitly empty table
        for k, v in (d.get("eigen_invoer") or {}).items()
        if k not in ("peildatum", "tariefjaar", "aannames")
    }
    if not eigen:  # no own inputs recorded: only the stored ones can be used
        return bereken(bron)
    peildatum = dt.date.fromisoformat(d["peildatum"]) if d.get("peildatum") else None
    aannames = d.get("aannames") if isinstance(d.get("aannames"), str) else None
    return bereken({}, peildatum, tariefjaar=d.get("tariefjaar"), met=eigen, aannames=aannames)


def herbereken(pad: str | os.PathLike[str]) -> Herberekening:
    """Compute a stored result again, from its own inputs and from today's parameters.

    Raises
    ------
    InvoerFout
        When the file is not a result of tarieven, or its inputs are not valid.
    """
    bron = str(pad)
    d = lees_bestand(pad)
    if "tarieven_versie" not in d:
        raise InvoerFout([Probleem("tarieven_versie", ..., "een uitkomst van tarieven (JSON met invoer)")], bron)
    eigen = bereken(pad)
    regels_eigen = _verschillen(d, eigen)
    try:
        nu: Uitkomst | None = _met_parameters_van_nu(d, bron)
        fout = None
    except InvoerFout as e:
        nu, fout = None, str(e)
    regels_nu: tuple[Verschil, ...] = ()
    invoer_nu: list[Verschil] = []
    if nu is not None:
        regels_nu = _verschillen(d, nu)
        oud = d.get("invoer") or {}
        for k, v in nu.scenario.waarden.items():
            vorig = oud.get(k, {}).get("waarde") if isinstance(oud.get(k), Mapping) else None
            if vorig != v:
                h = nu.scenario.herkomst.get(k)
                invoer_nu.append(Verschil(k, vorig, v, str(h) if h is not None else ""))
    return Herberekening(bron, d, eigen, regels_eigen, nu, regels_nu, tuple(invoer_nu), fout)
