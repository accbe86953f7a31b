"""The user's own parameter files on top of the bundled ones.

A provider has its own salary figures, a region its own norms, an analyst next year's
index figures that the package does not know yet. They go in parameter files of the same
format as the bundled ones (``params/README.md``), read by the same strict loader (units
honoured), in a folder or as one file:

- a file named like a bundled one (``cao-jeugdzorg.toml``, ``indexatie-vng.toml``,
  ``producten/41A22.toml``) adds to it, value by value: the same parameter and the same
  ``vanaf`` replaces the bundled value, a new ``vanaf`` extends the series, a new
  parameter is added. Its parameters keep the term (``geldig_tot``) and projection of the
  bundled ones unless the file declares its own;
- any other file is added as it is.

Every value that came from the user carries its file, and every explanation names it
(``eigen parameters mijn-map/cao-jeugdzorg.toml: salaris.schaal_8``).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from tarieven.eenheden import EenheidFout, omrekenfactor
from tarieven.fouten import InvoerFout, Probleem
from tarieven.parameterbestanden import laad_bestand, standaard_parameters
from tarieven.parameters import Parameter, ParameterBestand, ParameterSet, Waarde
from tarieven.termijnen import koppel_loonontwikkeling

__all__ = ["laad_parameters", "met_eigen"]


class _Samen(Mapping[str, ParameterBestand]):
    """The bundled files by name, with the user's merged or added files in their place."""

    def __init__(self, basis: Mapping[str, ParameterBestand], eigen: Mapping[str, ParameterBestand]) -> None:
        self._basis = basis
        self._eigen = dict(eigen)

    def __getitem__(self, naam: str) -> ParameterBestand:
        return self._eigen[naam] if naam in self._eigen else self._basis[naam]

    def __iter__(self) -> Iterator[str]:
        yield from self._basis
        yield from (k for k in self._eigen if k not in self._basis)

    def __len__(self) -> int:
        return len(self._basis) + sum(k not in self._basis for k in self._eigen)


def _waarden(basis: Parameter, eigen: Parameter, p: list[Probleem]) -> tuple[Waarde, ...]:
    """The bundled values with the user's on top, converted to the bundled unit."""
    factor = 1.0
    if basis.soort == "tekst" or eigen.soort == "tekst":
        if basis.soort != eigen.soort:
            p.append(Probleem(eigen.naam, eigen.soort, f"{basis.soort}, zoals de meegeleverde parameter"))
    elif eigen.eenheid != basis.eenheid:
        try:
            factor = omrekenfactor(eigen.eenheid or "1", basis.eenheid or "1")
        except EenheidFout:
            p.append(Probleem(f"{eigen.naam}.eenheid", eigen.eenheid, f"een eenheid die past bij {basis.eenheid}"))
    per_datum = {w.vanaf: w for w in basis.waarden}
    for w in eigen.waarden:
        x = w.waarde
        if factor != 1.0 and not isinstance(x, str):
            x = tuple(v * factor for v in x) if isinstance(x, tuple) else x * factor
        per_datum[w.vanaf] = replace(w, waarde=x, bestand=eigen.bestand)
    reeks = [per_datum[d] for d in sorted(per_datum)]
    for a, b in itertools.pairwise(reeks):
        if a.tot is not None and a.tot > b.vanaf:
            p.append(
                Probleem(
                    f"{eigen.naam}.waarden",
                    f"tot {a.tot} overlapt vanaf {b.vanaf}",
                    "waarden die elkaar niet overlappen",
                )
            )
    return tuple(reeks)


def _samengevoegd(basis: ParameterBestand, eigen: ParameterBestand, p: list[Probleem]) -> ParameterBestand:
    parameters = dict(basis.parameters)
    for naam, par in eigen.parameters.items():
        if naam not in basis.parameters:
            parameters[naam] = replace(par, waarden=tuple(replace(w, bestand=par.bestand) for w in par.waarden))
            continue
        b = basis.parameters[naam]
        parameters[naam] = replace(
            b, waarden=_waarden(b, par, p), geldig_tot=par.geldig_tot, projectie=par.projectie or b.projectie
        )
    koppel_loonontwikkeling(parameters, p)  # a user's own raises carry the bundled tables
    return replace(basis, parameters=parameters, tekst={**basis.tekst, **eigen.tekst})


def _eigen_bestanden(pad: Path) -> list[tuple[Path, bool]]:
    if pad.is_file():
        return [(pad, pad.parent.name == "producten")]
    if pad.is_dir():
        algemeen = [(p, False) for p in sorted(pad.glob("*.toml"))]
        return algemeen + [(p, True) for p in sorted((pad / "producten").glob("*.toml"))]
    raise InvoerFout([Probleem("--parameters", str(pad), "een bestaand parameterbestand (.toml) of een map daarmee")])


def met_eigen(basis: ParameterSet, pad: str | os.PathLike[str]) -> ParameterSet:
    """``basis`` with the user's own parameter file or folder on top (see the module docstring).

    Raises
    ------
    InvoerFout
        Naming the user's file and key: anything the strict loader refuses, a unit that
        does not fit the bundled parameter, values that overlap.
    """
    pad = Path(pad)
    bestanden = _eigen_bestanden(pad)
    if not bestanden:
        raise InvoerFout([Probleem("--parameters", str(pad), "een map met ten minste één parameterbestand (.toml)")])
    eigen: dict[bool, dict[str, ParameterBestand]] = {False: {}, True: {}}
    for bestand, product in bestanden:
        soort = basis.producten if product else basis.bestanden
        erft = soort.get(bestand.stem)
        b = laad_bestand(bestand, product=product, erft=erft)
        p: list[Probleem] = []
        b = _samengevoegd(erft, b, p) if erft is not None else b
        if p:
            raise InvoerFout(p, str(bestand))
        eigen[product][bestand.stem] = b
    return ParameterSet(
        basis.map,
        _Samen(basis.bestanden, eigen[False]),
        _Samen(basis.producten, eigen[True]),
        (*basis.paden, *(str(b) for b, _ in bestanden)),
    )


def laad_parameters(pad: str | os.PathLike[str] | None = None) -> ParameterSet:
    """The bundled parameters, with the user's own file or folder on top when ``pad`` is given."""
    basis = standaard_parameters()
    return basis if pad is None else met_eigen(basis, pad)
