"""Bundled parameters: dated values with unit, source and status, loaded strictly.

A parameter file (TOML, format in ``params/README.md``) groups the parameters of one
source document. Each parameter is a series of dated values; a lookup on a peildatum
returns the value in force and fails loudly before the first date or after an end
(never a silent None or zero). Each value carries a status: ``definitief``, ``afgeleid``,
``indicatief`` or ``aanname``, and a source.

The loader is strict: unknown or duplicate keys, bad dates, a unit that changes within a
series, a fraction outside [0, 1], values out of date order, a missing source or a
missing explanation for a derived value or an assumption: each an :class:`InvoerFout`
naming the file and the key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pint

from tarieven.eenheden import ureg
from tarieven.fouten import InvoerFout, Probleem, onbekende_sleutels

__all__ = [
    "STATUSSEN",
    "SOORTEN",
    "Bron",
    "Waarde",
    "GewogenWaarde",
    "Parameter",
    "ParameterBestand",
    "ParameterSet",
    "laad_bestand",
    "laad_map",
    "standaard_parameters",
    "params_pad",
]

STATUSSEN = ("definitief", "afgeleid", "indicatief", "aanname")
"""From most to least certain; see ``params/README.md``."""
SOORTEN = ("fractie", "positief", "niet_negatief", "getal", "tekst")
STATUS_MET_TOELICHTING = ("afgeleid", "aanname")

_PARAMETER_SLEUTELS = {
    "label",
    "eenheid",
    "soort",
    "toelichting",
    "waarden",
    "waarde",
    "vanaf",
    "tot",
    "status",
    "bron",
    "eerste_trede",
}
_WAARDE_SLEUTELS = {"vanaf", "tot", "waarde", "status", "bron", "toelichting", "eerste_trede", "eenheid"}
_BRON_SLEUTELS = {"titel", "artikel", "url", "datum", "document"}
_ERFBAAR = {"vanaf", "bron"}  # a grouping table may set these for the parameters below it


@dataclass(frozen=True)
class Bron:
    """Where a value comes from."""

    titel: str
    artikel: str | None = None
    url: str | None = None
    datum: str | None = None
    document: str | None = None

    def __str__(self) -> str:
        delen = [self.titel]
        if self.artikel:
            delen.append(self.artikel)
        if self.document:
            delen.append(self.document)
        if self.datum:
            delen.append(self.datum)
        tekst = ", ".join(delen)
        return f"{tekst} ({self.url})" if self.url else tekst


@dataclass(frozen=True)
class Waarde:
    """One dated value of a parameter."""

    vanaf: dt.date
    waarde: float | tuple[float, ...] | str
    status: str
    bron: Bron
    tot: dt.date | None = None
    toelichting: str | None = None
    eerste_trede: int = 0

    def geldt_op(self, peildatum: dt.date) -> bool:
        return self.vanaf <= peildatum and (self.tot is None or peildatum < self.tot)


@dataclass(frozen=True)
class Parameter:
    """A named series of dated values with one unit."""

    naam: str
    bestand: str
    label: str
    eenheid: str | None
    soort: str
    waarden: tuple[Waarde, ...]
    toelichting: str | None = None

    def op(self, peildatum: dt.date) -> Waarde:
        """The value in force on ``peildatum``; an error outside the dated range."""
        geldig = [w for w in self.waarden if w.vanaf <= peildatum]
        if not geldig:
            raise InvoerFout(
                [
                    Probleem(
                        self.naam,
                        str(peildatum),
                        f"een peildatum op of na {self.waarden[0].vanaf}: de eerste waarde geldt vanaf die datum",
                    )
                ],
                self.bestand,
            )
        w = geldig[-1]
        if w.tot is not None and peildatum >= w.tot:
            raise InvoerFout(
                [Probleem(self.naam, str(peildatum), f"een peildatum vóór {w.tot}: daarna is geen waarde bekend")],
                self.bestand,
            )
        return w

    def gewogen(self, jaar: int) -> GewogenWaarde:
        """The time-weighted value over the calendar year ``jaar``.

        Each value in force during the year counts with the number of days it was in
        force (a salary table step by step). The year must be covered from 1 January to
        31 December without gaps. A text value, or a table whose number of steps changes
        within the year, cannot be averaged: an error. One value for the whole year is
        returned exactly.
        """
        begin, einde = dt.date(jaar, 1, 1), dt.date(jaar + 1, 1, 1)
        delen: list[tuple[Waarde, int]] = []
        gedekt_tot = begin  # the first day not yet covered
        for i, w in enumerate(self.waarden):
            volgende = self.waarden[i + 1].vanaf if i + 1 < len(self.waarden) else None
            eind_w = min((d for d in (w.tot, volgende) if d is not None), default=einde)
            van, tot = max(w.vanaf, begin), min(eind_w, einde)
            if tot <= van:
                continue
            if van > gedekt_tot:
                break  # a gap: reported below
            delen.append((w, (tot - van).days))
            gedekt_tot = tot
        if gedekt_tot < einde:
            if gedekt_tot < self.waarden[0].vanaf:
                reden = f"de eerste waarde geldt pas vanaf {self.waarden[0].vanaf}"
            else:
                reden = f"vanaf {gedekt_tot} is geen waarde bekend"
            raise InvoerFout(
                [
                    Probleem(
                        self.naam,
                        jaar,
                        f"een tariefjaar dat van 1 januari tot en met 31 december door waarden gedekt is; {reden}",
                    )
                ],
                self.bestand,
            )
        status = max((w.status for w, _ in delen), key=STATUSSEN.index)
        eerste = delen[0][0]
        if len(delen) == 1:
            return GewogenWaarde(jaar, eerste.waarde, tuple(delen), status)
        waarden = [w.waarde for w, _ in delen]
        tekst = " en ".join(f"{w.waarde!r} vanaf {w.vanaf}" for w, _ in delen)
        if any(isinstance(x, str) for x in waarden):
            if len(set(waarden)) > 1:
                raise InvoerFout(
                    [
                        Probleem(
                            self.naam,
                            jaar,
                            f"één tekstwaarde in heel {jaar}, maar {tekst}: een tekst kan niet tijdgewogen "
                            "worden; kies een peildatum",
                        )
                    ],
                    self.bestand,
                )
            return GewogenWaarde(jaar, eerste.waarde, tuple(delen), status)
        dagen = sum(d for _, d in delen)
        if any(isinstance(x, tuple) for x in waarden):
            vormen = {(len(w.waarde), w.eerste_trede) if isinstance(w.waarde, tuple) else None for w, _ in delen}
            if len(vormen) > 1:
                treden = "; ".join(
                    f"vanaf {w.vanaf}: "
                    + (
                        f"{len(w.waarde)} treden vanaf trede {w.eerste_trede}"
                        if isinstance(w.waarde, tuple)
                        else "één getal"
                    )
                    for w, _ in delen
                )
                raise InvoerFout(
                    [
                        Probleem(
                            self.naam,
                            jaar,
                            f"tabellen met dezelfde treden in heel {jaar}, maar het aantal treden verandert binnen "
                            f"het jaar ({treden}): trede voor trede middelen kan dan niet; kies een peildatum",
                        )
                    ],
                    self.bestand,
                )
            lengte = len(eerste.waarde) if isinstance(eerste.waarde, tuple) else 0
            tabel = tuple(
                sum(d * w.waarde[j] for w, d in delen if isinstance(w.waarde, tuple)) / dagen for j in range(lengte)
            )
            return GewogenWaarde(jaar, tabel, tuple(delen), status)
        getal = sum(d * w.waarde for w, d in delen if isinstance(w.waarde, float)) / dagen
        return GewogenWaarde(jaar, getal, tuple(delen), status)

    @property
    def laatste(self) -> Waarde:
        return self.waarden[-1]


@dataclass(frozen=True)
class GewogenWaarde:
    """The time-weighted value of a parameter over a calendar year (``Parameter.gewogen``).

    Offers the attributes of :class:`Waarde` that a lookup uses (``waarde``, ``status``,
    ``vanaf``, ``bron``, ``toelichting``, ``eerste_trede``), so either can be used where a
    value in force is needed.

    Attributes
    ----------
    jaar
        The tariff year.
    waarde
        The day-weighted mean (elementwise for a table); exactly the value itself when
        one value covers the whole year.
    delen
        Each value in force during the year with its number of days in the year.
    status
        The least certain status of the parts.
    """

    jaar: int
    waarde: float | tuple[float, ...] | str
    delen: tuple[tuple[Waarde, int], ...]
    status: str

    @property
    def vanaf(self) -> dt.date:
        """The start of the year: the weighted value holds for the whole year."""
        return dt.date(self.jaar, 1, 1)

    @property
    def eerste_trede(self) -> int:
        return self.delen[0][0].eerste_trede

    @property
    def bron(self) -> str:
        """The distinct sources of the parts, joined with ``; ``."""
        return "; ".join(dict.fromkeys(str(w.bron) for w, _ in self.delen))

    @property
    def toelichting(self) -> str | None:
        """The distinct explanations of the parts, joined; None if there are none."""
        teksten = dict.fromkeys(w.toelichting for w, _ in self.delen if w.toelichting)
        return "\n".join(teksten) if teksten else None


@dataclass(frozen=True)
class ParameterBestand:
    """One parameter file: its parameters and its text metadata (e.g. a product's code)."""

    naam: str
    pad: str
    titel: str
    omschrijving: str
    parameters: Mapping[str, Parameter]
    tekst: Mapping[str, Any] = field(default_factory=dict)
    """Dotted key -> text leaf (for function definitions, product structure...)."""
    erf: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Grouping table -> its inheritable ``vanaf`` and ``bron`` (as read)."""


def _bron(obj: Any, sleutel: str, p: list[Probleem]) -> Bron | None:
    if isinstance(obj, str):
        return Bron(titel=obj)
    if not isinstance(obj, Mapping):
        p.append(Probleem(sleutel, obj, "een bron: tekst of een tabel met ten minste 'titel'"))
        return None
    onbekende_sleutels(f"{sleutel}.", obj, _BRON_SLEUTELS, p, " van een bron")
    titel = obj.get("titel")
    if not isinstance(titel, str) or not titel.strip():
        p.append(Probleem(f"{sleutel}.titel", titel if titel is not None else ..., "de titel van de bron (tekst)"))
        return None
    velden = {k: (str(v) if v is not None else None) for k, v in obj.items() if k != "titel" and k in _BRON_SLEUTELS}
    return Bron(titel=titel, **velden)


def _datum(obj: Any, sleutel: str, p: list[Probleem]) -> dt.date | None:
    if isinstance(obj, dt.datetime) or not isinstance(obj, dt.date):
        p.append(Probleem(sleutel, obj, "een TOML-datum zoals 2025-01-01 (zonder aanhalingstekens)"))
        return None
    return obj


def _getal_past(soort: str, x: float) -> bool:
    return {
        "fractie": 0 <= x <= 1,
        "positief": x > 0,
        "niet_negatief": x >= 0,
        "getal": True,
    }[soort]


_SOORT_VERWACHT = {
    "fractie": "een fractie van 0 tot en met 1",
    "positief": "een getal groter dan 0",
    "niet_negatief": "een getal van 0 of meer",
    "getal": "een getal",
}


def _is_getal(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and x == x and abs(x) != float("inf")


def _parameter(
    naam: str, obj: Mapping[str, Any], bestand: str, erf: Mapping[str, Any], p: list[Probleem]
) -> Parameter | None:
    start = len(p)
    onbekende_sleutels(f"{naam}.", obj, _PARAMETER_SLEUTELS, p, " van een parameter")
    if "waarde" in obj and "waarden" in obj:
        p.append(Probleem(naam, "waarde en waarden", "óf 'waarde' (één waarde) óf 'waarden' (een reeks), niet beide"))
        return None
    soort = obj.get("soort", "tekst" if isinstance(obj.get("waarde"), str) else "getal")
    if soort not in SOORTEN:
        p.append(Probleem(f"{naam}.soort", soort, f"een van {', '.join(SOORTEN)}"))
        return None
    eenheid = obj.get("eenheid")
    if soort == "tekst":
        if eenheid is not None:
            p.append(Probleem(f"{naam}.eenheid", eenheid, "geen eenheid bij een tekstparameter"))
    elif not isinstance(eenheid, str):
        p.append(
            Probleem(
                f"{naam}.eenheid",
                eenheid if eenheid is not None else ...,
                'een eenheid zoals "1", "EUR/maand" of "uur/jaar"',
            )
        )
        eenheid = None
    else:
        try:
            ureg.Unit(eenheid)
        except (pint.errors.UndefinedUnitError, ValueError, AttributeError, TypeError):
            p.append(Probleem(f"{naam}.eenheid", eenheid, 'een eenheid uit tarieven/eenheden.txt, zoals "EUR/maand"'))
            eenheid = None
    label = obj.get("label", naam)
    if not isinstance(label, str):
        p.append(Probleem(f"{naam}.label", label, "tekst"))
        label = naam
    toelichting_param = obj.get("toelichting")
    if toelichting_param is not None and not isinstance(toelichting_param, str):
        p.append(Probleem(f"{naam}.toelichting", toelichting_param, "tekst"))

    if "waarden" in obj:
        reeks = obj["waarden"]
        if not isinstance(reeks, list) or not reeks or not all(isinstance(w, Mapping) for w in reeks):
            p.append(
                Probleem(
                    f"{naam}.waarden", reeks, "een lijst van tabellen ([[...waarden]]) met vanaf, waarde, status, bron"
                )
            )
            return None
        items = [(f"{naam}.waarden[{i}]", w) for i, w in enumerate(reeks)]
        gedeeld = {k: obj[k] for k in ("bron",) if k in obj}
    else:
        items = [(naam, {k: v for k, v in obj.items() if k in _WAARDE_SLEUTELS})]
        gedeeld = {}

    waarden: list[Waarde] = []
    for sleutel, w in items:
        if "waarden" in obj:
            onbekende_sleutels(f"{sleutel}.", w, _WAARDE_SLEUTELS, p, " van een waarde")
        eigen_eenheid = w.get("eenheid", eenheid) if "waarden" in obj else eenheid
        if eigen_eenheid != eenheid:
            p.append(
                Probleem(f"{sleutel}.eenheid", eigen_eenheid, f"dezelfde eenheid als de rest van de reeks ({eenheid})")
            )
        vanaf_obj = w.get("vanaf", erf.get("vanaf", ...))
        vanaf = _datum(vanaf_obj, f"{sleutel}.vanaf", p) if vanaf_obj is not ... else None
        if vanaf_obj is ...:
            p.append(Probleem(f"{sleutel}.vanaf", ..., "de datum vanaf wanneer de waarde geldt (2025-01-01)"))
        tot = _datum(w["tot"], f"{sleutel}.tot", p) if "tot" in w else None
        if vanaf is not None and tot is not None and tot <= vanaf:
            p.append(Probleem(f"{sleutel}.tot", str(tot), f"een datum na vanaf ({vanaf})"))
        status = w.get("status", ...)
        if status not in STATUSSEN:
            p.append(Probleem(f"{sleutel}.status", status, f"een van {', '.join(STATUSSEN)}"))
        bron_obj = w.get("bron", gedeeld.get("bron", erf.get("bron", ...)))
        bron = _bron(bron_obj, f"{sleutel}.bron", p) if bron_obj is not ... else None
        if bron_obj is ...:
            p.append(Probleem(f"{sleutel}.bron", ..., "een bron met ten minste een titel"))
        toelichting = w.get("toelichting") if "waarden" in obj else toelichting_param
        if status in STATUS_MET_TOELICHTING and not (isinstance(toelichting, str) and toelichting.strip()):
            p.append(Probleem(f"{sleutel}.toelichting", ..., f"bij status '{status}' de afleiding of redenering"))
        eerste_trede = w.get("eerste_trede", obj.get("eerste_trede", 0))
        if not isinstance(eerste_trede, int) or isinstance(eerste_trede, bool):
            p.append(Probleem(f"{sleutel}.eerste_trede", eerste_trede, "een geheel getal (meestal 0)"))
            eerste_trede = 0
        ruw = w.get("waarde", ...)
        waarde: float | tuple[float, ...] | str | None = None
        if soort == "tekst":
            if isinstance(ruw, str):
                waarde = ruw
            else:
                p.append(Probleem(f"{sleutel}.waarde", ruw, "tekst"))
        elif isinstance(ruw, list):
            if ruw and all(_is_getal(x) for x in ruw):
                slecht = [x for x in ruw if not _getal_past(soort, float(x))]
                if slecht:
                    p.append(Probleem(f"{sleutel}.waarde", slecht[0], _SOORT_VERWACHT[soort]))
                waarde = tuple(float(x) for x in ruw)
            else:
                p.append(Probleem(f"{sleutel}.waarde", ruw, "een niet-lege lijst van getallen (een tabel per trede)"))
        elif _is_getal(ruw):
            if not _getal_past(soort, float(ruw)):
                p.append(Probleem(f"{sleutel}.waarde", ruw, _SOORT_VERWACHT[soort]))
            waarde = float(ruw)
        else:
            p.append(Probleem(f"{sleutel}.waarde", ruw, _SOORT_VERWACHT.get(soort, "tekst")))
        if vanaf is not None and waarde is not None and status in STATUSSEN and bron is not None:
            waarden.append(
                Waarde(
                    vanaf,
                    waarde,
                    str(status),
                    bron,
                    tot,
                    toelichting if isinstance(toelichting, str) else None,
                    eerste_trede,
                )
            )
    if len(p) > start:
        return None
    for a, b in itertools.pairwise(waarden):
        if b.vanaf <= a.vanaf:
            p.append(
                Probleem(
                    f"{naam}.waarden",
                    f"{a.vanaf} gevolgd door {b.vanaf}",
                    "waarden oplopend op datum, elke datum één keer",
                )
            )
            return None
        if a.tot is not None and a.tot > b.vanaf:
            p.append(
                Probleem(
                    f"{naam}.waarden", f"tot {a.tot} overlapt vanaf {b.vanaf}", "waarden die elkaar niet overlappen"
                )
            )
            return None
    return Parameter(
        naam,
        bestand,
        label,
        eenheid,
        str(soort),
        tuple(waarden),
        toelichting_param if isinstance(toelichting_param, str) else None,
    )


def _is_parameter(obj: Any) -> bool:
    return isinstance(obj, Mapping) and ("waarde" in obj or "waarden" in obj)


def laad_bestand(pad: str | Path) -> ParameterBestand:
    """Load and validate one parameter file.

    Raises
    ------
    InvoerFout
        Listing every problem with the file and the key.
    """
    pad = Path(pad)
    try:
        inhoud = pad.read_text(encoding="utf-8")
        data = tomllib.loads(inhoud)
    except tomllib.TOMLDecodeError as e:
        # duplicate keys are reported here too ("Cannot overwrite a value"); name the line's key
        sleutel = "(bestand)"
        regels = inhoud.splitlines()
        if (m := re.search(r"line (\d+)", str(e))) and int(m.group(1)) <= len(regels):
            regel = regels[int(m.group(1)) - 1]
            if "=" in regel:
                sleutel = f"regel {m.group(1)}: {regel.split('=', 1)[0].strip()}"
        raise InvoerFout([Probleem(sleutel, "...", f"geldige TOML zonder dubbele sleutels; {e}")], str(pad)) from None
    except OSError as e:
        raise InvoerFout([Probleem("(bestand)", str(pad), f"een leesbaar bestand ({e.strerror})")]) from None
    p: list[Probleem] = []
    kop = data.get("bestand")
    titel, omschrijving = "", ""
    if not isinstance(kop, Mapping) or not isinstance(kop.get("titel"), str):
        p.append(Probleem("bestand", kop if kop is not None else ..., "een tabel [bestand] met ten minste 'titel'"))
    else:
        titel = kop["titel"]
        omschrijving = str(kop.get("omschrijving", ""))
        for k in kop:
            if k not in {"titel", "omschrijving"}:
                p.append(Probleem(f"bestand.{k}", kop[k], "titel of omschrijving"))
    parameters: dict[str, Parameter] = {}
    tekst: dict[str, Any] = {}
    erf_per_tabel: dict[str, Mapping[str, Any]] = {}

    def loop(prefix: str, obj: Mapping[str, Any], erf: Mapping[str, Any]) -> None:
        eigen_erf = dict(erf)
        for k in _ERFBAAR:
            if k in obj:
                eigen_erf[k] = obj[k]
        if prefix:
            erf_per_tabel[prefix] = {k: obj[k] for k in _ERFBAAR if k in obj}
        for k, v in obj.items():
            if not prefix and k == "bestand":
                continue
            naam = f"{prefix}.{k}" if prefix else k
            if k in _ERFBAAR and prefix:
                if k == "vanaf":
                    _datum(v, naam, p)
                else:
                    _bron(v, naam, p)
                tekst[naam] = v
            elif _is_parameter(v):
                par = _parameter(naam, v, str(pad), eigen_erf, p)
                if par is not None:
                    parameters[naam] = par
            elif isinstance(v, Mapping):
                loop(naam, v, eigen_erf)
            else:
                tekst[naam] = v

    loop("", data, {})
    if p:
        raise InvoerFout(p, str(pad))
    return ParameterBestand(pad.stem, str(pad), titel, omschrijving, parameters, tekst, erf_per_tabel)


def params_pad() -> Path:
    """The bundled ``params`` folder: inside the installed wheel, or the repository's."""
    in_pakket = Path(str(resources.files("tarieven"))) / "params"
    if in_pakket.is_dir():
        return in_pakket
    return Path(__file__).resolve().parents[1] / "params"


@dataclass(frozen=True)
class ParameterSet:
    """All parameter files of a folder, by file stem; products by code."""

    map: str
    bestanden: Mapping[str, ParameterBestand]
    producten: Mapping[str, ParameterBestand]

    def bestand(self, naam: str) -> ParameterBestand:
        try:
            return self.bestanden[naam]
        except KeyError:
            raise InvoerFout(
                [
                    Probleem(
                        "bestand", naam, f"een parameterbestand uit {self.map} ({', '.join(sorted(self.bestanden))})"
                    )
                ]
            ) from None

    def parameter(self, bestand: str, naam: str) -> Parameter:
        b = self.bestand(bestand)
        try:
            return b.parameters[naam]
        except KeyError:
            raise InvoerFout(
                [Probleem(naam, ..., f"een parameter in {b.pad} ({', '.join(sorted(b.parameters)[:15])}, ...)")]
            ) from None

    def product(self, code: str) -> ParameterBestand:
        try:
            return self.producten[code]
        except KeyError:
            raise InvoerFout(
                [Probleem("product", code, f"een productcode uit de catalogus ({', '.join(sorted(self.producten))})")]
            ) from None

    def __iter__(self) -> Iterator[Parameter]:
        for b in (*self.bestanden.values(), *self.producten.values()):
            yield from b.parameters.values()

    @property
    def hash(self) -> str:
        """SHA-256 over the contents of every file: same hash, same parameters."""
        h = hashlib.sha256()
        for b in sorted((*self.bestanden.values(), *self.producten.values()), key=lambda b: b.pad):
            h.update(Path(b.pad).name.encode())
            h.update(Path(b.pad).read_bytes())
        return h.hexdigest()


def laad_map(pad: str | Path | None = None) -> ParameterSet:
    """Load every ``*.toml`` in a folder (default: the bundled parameters) and ``producten/``.

    All problems of all files are collected and raised together.
    """
    map_ = Path(pad) if pad is not None else params_pad()
    problemen: list[Probleem] = []
    bestanden: dict[str, ParameterBestand] = {}
    producten: dict[str, ParameterBestand] = {}
    for bestand in sorted(map_.glob("*.toml")):
        try:
            bestanden[bestand.stem] = laad_bestand(bestand)
        except InvoerFout as e:
            problemen += [Probleem(f"{bestand.name}: {q.sleutel}", q.waarde, q.verwacht) for q in e.problemen]
    for bestand in sorted((map_ / "producten").glob("*.toml")):
        try:
            b = laad_bestand(bestand)
        except InvoerFout as e:
            problemen += [Probleem(f"producten/{bestand.name}: {q.sleutel}", q.waarde, q.verwacht) for q in e.problemen]
            continue
        code = b.tekst.get("product.code")
        if not isinstance(code, str):
            problemen.append(
                Probleem(
                    f"producten/{bestand.name}: product.code",
                    code if code is not None else ...,
                    "de productcode (tekst)",
                )
            )
        elif code in producten:
            problemen.append(
                Probleem(
                    f"producten/{bestand.name}: product.code",
                    code,
                    f"een unieke code (ook in {Path(producten[code].pad).name})",
                )
            )
        else:
            producten[code] = b
    if problemen:
        raise InvoerFout(problemen, str(map_))
    return ParameterSet(str(map_), bestanden, producten)


@lru_cache(maxsize=1)
def standaard_parameters() -> ParameterSet:
    """The bundled parameter set (loaded once)."""
    return laad_map()
