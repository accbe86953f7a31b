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

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tarieven.eenheden import EenheidFout, eenheid_bekend, naar_eenheid, omrekenfactor
from tarieven.fouten import ZONDER_WAARDE, InvoerFout, Probleem, onbekende_sleutels
from tarieven.leescache import lees_parameterbestand
from tarieven.parameters import (
    STATUSSEN,
    Parameter,
    ParameterBestand,
    ParameterSet,
    Waarde,
)
from tarieven.termijnen import Termijn, koppel_loonontwikkeling, lees_bron, lees_datum, lees_termijn
from tarieven.velden import Veld, kinderen, veld_of_none

__all__ = ["SOORTEN", "laad_bestand", "laad_map", "params_pad", "standaard_parameters"]

SOORTEN = ("fractie", "positief", "niet_negatief", "getal", "tekst")
"""Kinds of a parameter in a general parameter file (a product file takes them from the registry)."""
STATUS_MET_TOELICHTING = ("afgeleid", "aanname")
_PARAMETER_SLEUTELS = {
    "label", "eenheid", "soort", "toelichting", "waarden", "waarde", "vanaf", "tot", "status", "bron", "eerste_trede",
    "geldig_tot", "projectie",
}  # fmt: skip
_WAARDE_SLEUTELS = {"vanaf", "tot", "waarde", "status", "bron", "toelichting", "eerste_trede", "eenheid"}
_ERFBAAR = {"vanaf", "bron"}  # a grouping table may set these for the parameters below it
_SOORT_VERWACHT = {
    "fractie": "een fractie van 0 tot en met 1",
    "positief": "een getal groter dan 0",
    "niet_negatief": "een getal van 0 of meer",
    "getal": "een getal",
}


@dataclass(frozen=True)
class _Soort:
    """What a parameter's values must be: its kind, unit and, for a product input, its field."""

    soort: str
    eenheid: str | None
    veld: Veld | None = None

    def getal(self, ruw: Any, sleutel: str, eenheid: str | None, p: list[Probleem]) -> float | None:
        """One number, converted to the parameter's unit and checked against its kind."""
        if isinstance(ruw, bool) or not isinstance(ruw, (int, float, str)):
            p.append(Probleem(sleutel, ruw, self.verwacht()))
            return None
        try:
            x = naar_eenheid(ruw, self.eenheid or "1")
            if eenheid is not None and eenheid != self.eenheid and not isinstance(ruw, str):
                x = float(ruw) * omrekenfactor(eenheid, self.eenheid or "1")
        except EenheidFout as e:
            p.append(Probleem(sleutel, ruw, f"{self.verwacht()}; {e}"))
            return None
        ok = self.veld.past(x) if self.veld is not None else _past(self.soort, x)
        if not ok:
            p.append(Probleem(sleutel, ruw, self.verwacht()))
            return None
        return x

    def verwacht(self) -> str:
        if self.veld is not None:
            return self.veld.verwacht()
        return _SOORT_VERWACHT.get(self.soort, "tekst")


def _past(soort: str, x: float) -> bool:
    return {"fractie": 0 <= x <= 1, "positief": x > 0, "niet_negatief": x >= 0, "getal": True}.get(soort, False)


def _soort(naam: str, obj: Mapping[str, Any], product: bool, p: list[Probleem]) -> _Soort | None:
    """The kind and unit of a parameter: from the registry in a product file, else from the file."""
    eenheid = obj.get("eenheid")
    if product:
        if not naam.startswith("product.") or (v := veld_of_none(naam)) is None or v.soort != "getal":
            p.append(
                Probleem(
                    naam,
                    ZONDER_WAARDE,
                    f"een invoer van een product onder [product] ({', '.join(kinderen('product'))})",
                )
            )
            return None
        if "soort" in obj:
            p.append(Probleem(f"{naam}.soort", obj["soort"], "geen soort: die staat in het veldenregister"))
        if eenheid is not None:
            try:
                omrekenfactor(str(eenheid), v.eenheid)
            except EenheidFout as e:
                p.append(Probleem(f"{naam}.eenheid", eenheid, f"een eenheid die past bij {v.eenheid}; {e}"))
                return None
        return _Soort("getal", v.eenheid, v)
    soort = obj.get("soort", "tekst" if isinstance(obj.get("waarde"), str) else "getal")
    if soort not in SOORTEN:
        p.append(Probleem(f"{naam}.soort", soort, f"een van {', '.join(SOORTEN)}"))
        return None
    if soort == "tekst":
        if eenheid is not None:
            p.append(Probleem(f"{naam}.eenheid", eenheid, "geen eenheid bij een tekstparameter"))
        return _Soort("tekst", None)
    if not isinstance(eenheid, str):
        verwacht = 'een eenheid zoals "1", "EUR/maand" of "uur/jaar"'
        p.append(Probleem(f"{naam}.eenheid", eenheid if eenheid is not None else ..., verwacht))
        return None
    if not eenheid_bekend(eenheid):
        p.append(Probleem(f"{naam}.eenheid", eenheid, 'een eenheid uit tarieven/eenheden.txt, zoals "EUR/maand"'))
        return _Soort(str(soort), None)  # go on: the values may have problems of their own
    return _Soort(str(soort), eenheid)


def _waarde_van(s: _Soort, ruw: Any, sleutel: str, eenheid: str | None, p: list[Probleem]) -> Any:
    """The value of one dated entry: text, a number, or a table of numbers per step."""
    if s.soort == "tekst":
        if isinstance(ruw, str):
            return ruw
        p.append(Probleem(sleutel, ruw, "tekst"))
        return None
    if isinstance(ruw, list):
        if not ruw:
            p.append(Probleem(sleutel, ruw, "een niet-lege lijst van getallen (een tabel per trede)"))
            return None
        getallen = [s.getal(x, sleutel, eenheid, p) for x in ruw]
        return None if None in getallen else tuple(x for x in getallen if x is not None)
    return s.getal(ruw, sleutel, eenheid, p)


def _een_waarde(
    sleutel: str, w: Mapping[str, Any], s: _Soort, erf: Mapping[str, Any], reeks: bool, obj: Mapping[str, Any],
    p: list[Probleem],
) -> Waarde | None:  # fmt: skip
    """One dated entry of a parameter, checked."""
    start = len(p)
    if reeks:
        onbekende_sleutels(f"{sleutel}.", w, _WAARDE_SLEUTELS, p, " van een waarde")
    eenheid = w.get("eenheid", obj.get("eenheid")) if reeks else obj.get("eenheid")
    if reeks and not s.veld and eenheid != obj.get("eenheid"):
        p.append(Probleem(f"{sleutel}.eenheid", eenheid, f"dezelfde eenheid als de rest van de reeks ({s.eenheid})"))
    vanaf_obj = w.get("vanaf", erf.get("vanaf", ...))
    if vanaf_obj is ...:
        p.append(Probleem(f"{sleutel}.vanaf", ..., "de datum vanaf wanneer de waarde geldt (2025-01-01)"))
    vanaf = lees_datum(vanaf_obj, f"{sleutel}.vanaf", p) if vanaf_obj is not ... else None
    tot = lees_datum(w["tot"], f"{sleutel}.tot", p) if "tot" in w else None
    if vanaf is not None and tot is not None and tot <= vanaf:
        p.append(Probleem(f"{sleutel}.tot", str(tot), f"een datum na vanaf ({vanaf})"))
    status = w.get("status", ...)
    if status not in STATUSSEN:
        p.append(Probleem(f"{sleutel}.status", status, f"een van {', '.join(STATUSSEN)}"))
    bron_obj = w.get("bron", obj.get("bron", erf.get("bron", ...)) if reeks else erf.get("bron", ...))
    if bron_obj is ...:
        p.append(Probleem(f"{sleutel}.bron", ..., "een bron met ten minste een titel"))
    bron = lees_bron(bron_obj, f"{sleutel}.bron", p) if bron_obj is not ... else None
    toelichting = w.get("toelichting") if reeks else obj.get("toelichting")
    if status in STATUS_MET_TOELICHTING and not (isinstance(toelichting, str) and toelichting.strip()):
        p.append(Probleem(f"{sleutel}.toelichting", ..., f"bij status '{status}' de afleiding of redenering"))
    eerste_trede = w.get("eerste_trede", obj.get("eerste_trede", 0))
    if not isinstance(eerste_trede, int) or isinstance(eerste_trede, bool):
        p.append(Probleem(f"{sleutel}.eerste_trede", eerste_trede, "een geheel getal (meestal 0)"))
    waarde = _waarde_van(s, w.get("waarde", ...), f"{sleutel}.waarde", eenheid, p)
    if len(p) > start or waarde is None or bron is None or vanaf is None:
        return None
    uitleg = toelichting if isinstance(toelichting, str) else None
    return Waarde(vanaf, waarde, str(status), bron, tot, uitleg, eerste_trede)


def _op_volgorde(naam: str, waarden: list[Waarde], p: list[Probleem]) -> bool:
    for a, b in itertools.pairwise(waarden):
        if b.vanaf <= a.vanaf:
            verwacht = "waarden oplopend op datum, elke datum één keer"
            p.append(Probleem(f"{naam}.waarden", f"{a.vanaf} gevolgd door {b.vanaf}", verwacht))
            return False
        if a.tot is not None and a.tot > b.vanaf:
            verwacht = "waarden die elkaar niet overlappen"
            p.append(Probleem(f"{naam}.waarden", f"tot {a.tot} overlapt vanaf {b.vanaf}", verwacht))
            return False
    return True


def _parameter(
    naam: str,
    obj: Mapping[str, Any],
    bestand: str,
    erf: Mapping[str, Any],
    product: bool,
    termijn: Termijn | None,
    p: list[Probleem],
) -> Parameter | None:
    start = len(p)
    onbekende_sleutels(f"{naam}.", obj, _PARAMETER_SLEUTELS, p, " van een parameter")
    if "waarde" in obj and "waarden" in obj:
        p.append(Probleem(naam, "waarde en waarden", "óf 'waarde' (één waarde) óf 'waarden' (een reeks), niet beide"))
        return None
    s = _soort(naam, obj, product, p)
    label = obj.get("label", naam)
    if not isinstance(label, str):
        p.append(Probleem(f"{naam}.label", label, "tekst"))
    toelichting = obj.get("toelichting")
    if toelichting is not None and not isinstance(toelichting, str):
        p.append(Probleem(f"{naam}.toelichting", toelichting, "tekst"))
    if s is None:
        return None
    reeks = "waarden" in obj
    if reeks:
        lijst = obj["waarden"]
        if not isinstance(lijst, list) or not lijst or not all(isinstance(w, Mapping) for w in lijst):
            verwacht = "een lijst van tabellen ([[...waarden]]) met vanaf, waarde, status, bron"
            p.append(Probleem(f"{naam}.waarden", lijst, verwacht))
            return None
        items = [(f"{naam}.waarden[{i}]", w) for i, w in enumerate(lijst)]
    else:
        items = [(naam, {k: v for k, v in obj.items() if k in _WAARDE_SLEUTELS})]
    waarden = [_een_waarde(sleutel, w, s, erf, reeks, obj, p) for sleutel, w in items]
    eigen = lees_termijn(obj, f"{naam}.", termijn, p) if termijn is not None or "geldig_tot" in obj else None
    if len(p) > start or not _op_volgorde(naam, [w for w in waarden if w is not None], p):
        return None
    geldig_tot = eigen.geldig_tot if eigen is not None else None
    for w in waarden:
        if w is not None and geldig_tot is not None and w.vanaf > geldig_tot:
            verwacht = (
                f"een waarde binnen de looptijd van de bron (geldig_tot = {geldig_tot}); of een latere geldig_tot"
            )
            p.append(Probleem(f"{naam}.vanaf", str(w.vanaf), verwacht))
            return None
    uitleg = toelichting if isinstance(toelichting, str) else None
    projectie = eigen.projectie if eigen is not None else None
    if projectie is not None and projectie.regel == "loonontwikkeling" and s.soort == "tekst":
        p.append(Probleem(f"{naam}.projectie.regel", projectie.regel, "ongewijzigd: een tekst verhoog je niet"))
        return None
    return Parameter(
        naam, bestand, str(label), s.eenheid, s.soort, tuple(w for w in waarden if w is not None), uitleg,
        geldig_tot, projectie,
    )  # fmt: skip


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
        eigen_erf = {**erf, **{k: obj[k] for k in _ERFBAAR if k in obj}}
        if prefix:
            erf_per_tabel[prefix] = {k: obj[k] for k in _ERFBAAR if k in obj}
        for k, v in obj.items():
            naam = f"{prefix}.{k}" if prefix else k
            if naam == "bestand":
                continue
            if k in _ERFBAAR and prefix:
                lees_datum(v, naam, p) if k == "vanaf" else lees_bron(v, naam, p)
                tekst[naam] = v
            elif _is_parameter(v):
                if erft is not None and naam in erft.parameters and not product:  # kind and unit as bundled
                    b = erft.parameters[naam]
                    v = {"soort": b.soort, **({"eenheid": b.eenheid} if b.eenheid else {}), **v}
                if (par := _parameter(naam, v, str(pad), eigen_erf, product, termijn_van(naam), p)) is not None:
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
        if deel[-1] in _ERFBAAR:
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
