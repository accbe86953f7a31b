"""Loading parameter files strictly: the bundled ``params/`` folder, or a user's own.

A parameter file (TOML, format in ``params/README.md``) groups the parameters of one
source document. The loader refuses, each with the file and the key: unknown or duplicate
keys, bad dates, a unit that changes within a series or that the package does not know,
a value outside its kind's range, values out of date order, a missing source, a missing
explanation for a derived value or an assumption, a file without the term of its source
(``geldig_tot``), a value dated after that term, a projection rule that is not declared
in full.

Product files (``producten/*.toml``) hold inputs of the field registry
(:mod:`tarieven.velden`): their kind, range and unit come from there and are not repeated
in the file. A unit may still be written, with the value (``waarde = "4 uur"``) or as
``eenheid``; it is converted to the field's unit on loading, so ``"240 minuut"`` is four
hours, never 240.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from tarieven.fouten import InvoerFout, Probleem
from tarieven.leescache import lees_parameterbestand
from tarieven.parameters import (
    Parameter,
    ParameterBestand,
    ParameterSet,
)
from tarieven.parameterwaarden import ERFBAAR, SOORTEN, lees_parameter
from tarieven.termijnen import Termijn, koppel_loonontwikkeling, lees_bron, lees_datum, lees_termijn
from tarieven.velden import kinderen, veld_of_none

__all__ = ["SOORTEN", "laad_bestand", "laad_map", "params_pad", "standaard_parameters"]


def _is_parameter(obj: Any) -> bool:
    return isinstance(obj, Mapping) and ("waarde" in obj or "waarden" in obj)


def _kop(
    data: Mapping[str, Any], product: bool, erft: ParameterBestand | None, p: list[Probleem]
) -> tuple[str, str, Termijn | None]:
    """Title, description and the term of the source; a product holds until it is changed, a
    user's file that adds to a bundled one takes that file's term unless it declares its own."""
    kop = data.get("bestand")
    if not isinstance(kop, Mapping) or not isinstance(kop.get("titel"), str):
        p.append(Probleem("bestand", kop if kop is not None else ..., "een tabel [bestand] met ten minste 'titel'"))
        return "", "", None
    for k in kop:
        if k not in {"titel", "omschrijving", "geldig_tot", "projectie"}:
            p.append(Probleem(f"bestand.{k}", kop[k], "titel, omschrijving, geldig_tot of projectie"))
    standaard = Termijn(None, None) if product else None
    if erft is not None:
        standaard = Termijn(erft.geldig_tot, erft.projectie)
    return kop["titel"], str(kop.get("omschrijving", "")), lees_termijn(kop, "bestand.", standaard, p)


def laad_bestand(
    pad: str | Path, *, product: bool | None = None, erft: ParameterBestand | None = None
) -> ParameterBestand:
    """Load and validate one parameter file.

    ``product``: the file is a product file (inputs of the field registry under
    ``[product]``); by default, when it lies in a folder named ``producten``.
    ``erft``: the bundled file a user's own file adds to; a parameter that does not declare
    its term takes that of the bundled parameter of the same name (or of the bundled file),
    and the projection rules are linked after merging (:mod:`tarieven.eigenparameters`).

    Raises
    ------
    InvoerFout
        Listing every problem with the file and the key.
    """
    pad = Path(pad)
    product = pad.parent.name == "producten" if product is None else product
    data = lees_parameterbestand(pad)
    p: list[Probleem] = []
    titel, omschrijving, termijn = _kop(data, product, erft, p)
    eigen_kop = isinstance(data.get("bestand"), Mapping) and "geldig_tot" in data["bestand"]

    def termijn_van(naam: str) -> Termijn | None:
        if erft is None or eigen_kop or naam not in erft.parameters:
            return termijn
        return Termijn(erft.parameters[naam].geldig_tot, erft.parameters[naam].projectie)

    parameters: dict[str, Parameter] = {}
    tekst: dict[str, Any] = {}
    erf_per_tabel: dict[str, Mapping[str, Any]] = {}

    def loop(prefix: str, obj: Mapping[str, Any], erf: Mapping[str, Any]) -> None:
        eigen_erf = {**erf, **{k: obj[k] for k in ERFBAAR if k in obj}}
        if prefix:
            erf_per_tabel[prefix] = {k: obj[k] for k in ERFBAAR if k in obj}
        for k, v in obj.items():
            naam = f"{prefix}.{k}" if prefix else k
            if naam == "bestand":
                continue
            if k in ERFBAAR and prefix:
                lees_datum(v, naam, p) if k == "vanaf" else lees_bron(v, naam, p)
                tekst[naam] = v
            elif _is_parameter(v):
                if erft is not None and naam in erft.parameters and not product:  # kind and unit as bundled
                    b = erft.parameters[naam]
                    v = {"soort": b.soort, **({"eenheid": b.eenheid} if b.eenheid else {}), **v}
                if (par := lees_parameter(naam, v, str(pad), eigen_erf, product, termijn_van(naam), p)) is not None:
                    parameters[naam] = par
            elif isinstance(v, Mapping):
                loop(naam, v, eigen_erf)
            else:
                tekst[naam] = v

    loop("", data, {})
    if erft is None:
        koppel_loonontwikkeling(parameters, p)
    if product:
        _producttekst(tekst, p)
    if p:
        raise InvoerFout(p, str(pad))
    geldig_tot, projectie = (termijn.geldig_tot, termijn.projectie) if termijn is not None else (None, None)
    return ParameterBestand(
        pad.stem, str(pad), titel, omschrijving, parameters, tekst, erf_per_tabel, geldig_tot, projectie
    )


def _producttekst(tekst: Mapping[str, Any], p: list[Probleem]) -> None:
    """The texts of a product file: registry text fields under [product], a function per role."""
    for sleutel, waarde in tekst.items():
        deel = sleutel.split(".")
        if deel[0] == "functies" and len(deel) == 2 and isinstance(waarde, str):
            continue
        if deel[-1] in ERFBAAR:
            continue
        v = veld_of_none(sleutel) if deel[0] == "product" else None
        if v is None or v.soort != "tekst":
            bekend = ", ".join(
                k for k in kinderen("product") if (w := veld_of_none(f"product.{k}")) and w.soort == "tekst"
            )
            p.append(
                Probleem(
                    sleutel,
                    waarde,
                    f"een tekst van een product ({bekend}, ratio.afronding) of een rol onder [functies]",
                )
            )
        elif v.keuzes and waarde not in v.keuzes:
            p.append(Probleem(sleutel, waarde, v.verwacht()))


def params_pad() -> Path:
    """The bundled ``params`` folder: inside the installed wheel, or the repository's."""
    in_pakket = Path(__file__).parent / "params"
    if in_pakket.is_dir():
        return in_pakket
    return Path(__file__).resolve().parents[1] / "params"


def _product_code(bestand: ParameterBestand, naam: str, producten: Mapping[str, ParameterBestand]) -> Probleem | None:
    code = bestand.tekst.get("product.code")
    if not isinstance(code, str):
        return Probleem(f"producten/{naam}: product.code", code if code is not None else ..., "de productcode (tekst)")
    if code in producten:
        return Probleem(
            f"producten/{naam}: product.code", code, f"een unieke code (ook in {Path(producten[code].pad).name})"
        )
    if code != Path(naam).stem:
        return Probleem(
            f"producten/{naam}: product.code", code, f"de code die de bestandsnaam draagt ({Path(naam).stem})"
        )
    return None


class _LuiBestanden(Mapping[str, ParameterBestand]):
    """Parameter files by name, each loaded (strictly) the first time it is asked for."""

    def __init__(self, paden: Mapping[str, Path], product: bool) -> None:
        self._paden = dict(paden)
        self._product = product
        self._geladen: dict[str, ParameterBestand] = {}

    def __getitem__(self, naam: str) -> ParameterBestand:
        if naam not in self._geladen:
            pad = self._paden[naam]  # KeyError for an unknown name, as a Mapping should
            bestand = laad_bestand(pad, product=self._product)
            if self._product and bestand.tekst.get("product.code") != naam:
                verwacht = f"de productcode gelijk aan de bestandsnaam ({naam})"
                raise InvoerFout([Probleem("product.code", bestand.tekst.get("product.code", ...), verwacht)], str(pad))
            self._geladen[naam] = bestand
        return self._geladen[naam]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paden)

    def __len__(self) -> int:
        return len(self._paden)


def laad_map(pad: str | Path | None = None, *, lui: bool = False) -> ParameterSet:
    """Load every ``*.toml`` in a folder (default: the bundled parameters) and ``producten/``.

    All problems of all files are collected and raised together. ``lui=True``: each file is
    loaded (just as strictly) only when first asked for, and a product is found by its file
    name (``producten/41A22.toml`` holds product ``41A22``); for a folder that is known to
    load cleanly, such as the bundled one, checked in CI.
    """
    map_ = Path(pad) if pad is not None else params_pad()
    algemeen, product = sorted(map_.glob("*.toml")), sorted((map_ / "producten").glob("*.toml"))
    paden = tuple(str(p) for p in (*algemeen, *product))
    if lui:
        return ParameterSet(
            str(map_),
            _LuiBestanden({p.stem: p for p in algemeen}, product=False),
            _LuiBestanden({p.stem: p for p in product}, product=True),
            paden,
        )
    problemen: list[Probleem] = []
    bestanden: dict[str, ParameterBestand] = {}
    producten: dict[str, ParameterBestand] = {}
    for bestand in algemeen:
        try:
            bestanden[bestand.stem] = laad_bestand(bestand, product=False)
        except InvoerFout as e:
            problemen += [Probleem(f"{bestand.name}: {q.sleutel}", q.waarde, q.verwacht) for q in e.problemen]
    for bestand in product:
        try:
            b = laad_bestand(bestand, product=True)
        except InvoerFout as e:
            problemen += [Probleem(f"producten/{bestand.name}: {q.sleutel}", q.waarde, q.verwacht) for q in e.problemen]
            continue
        if (fout := _product_code(b, bestand.name, producten)) is not None:
            problemen.append(fout)
        else:
            producten[str(b.tekst["product.code"])] = b
    if problemen:
        raise InvoerFout(problemen, str(map_))
    return ParameterSet(str(map_), bestanden, producten, paden)


@lru_cache(maxsize=1)
def standaard_parameters() -> ParameterSet:
    """The bundled parameter set; each file loaded when first needed (the whole set is
    checked strictly in CI: ``nox -s params``)."""
    return laad_map(lui=True)
