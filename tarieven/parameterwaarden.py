"""One parameter from its table in a parameter file: its kind, its dated values and their readings.

A parameter's table gives a label, a unit (or a kind without one: text, a salary step), and
its values: one (``waarde``, ``vanaf``, ``status``, ``bron``) or a dated series
(``[[naam.waarden]]``). Each value is checked against its kind (a fraction, a positive
number, a table per step, a text, a step) or, in a product file, against its field in the
registry; a unit written with the value is converted. An uncertain value (status
``aanname`` or ``indicatief``) may carry its ``laag`` and ``hoog`` readings beside its
central ``waarde``: both or neither, each with its value (checked like the central one,
of the same shape), its reason and optionally its source. Every problem is collected with
its key; :mod:`tarieven.parameterbestanden` reads whole files and folders.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tarieven.eenheden import EenheidFout, eenheid_bekend, naar_eenheid, omrekenfactor
from tarieven.fouten import ZONDER_WAARDE, Probleem, onbekende_sleutels
from tarieven.parameters import LEZINGEN, STATUSSEN, Lezing, Parameter, Waarde
from tarieven.termijnen import Termijn, lees_bron, lees_datum, lees_termijn
from tarieven.velden import Veld, kinderen, veld_of_none

__all__ = ["ERFBAAR", "SOORTEN", "STATUS_MET_LEZINGEN", "TREDEN", "lees_parameter"]

SOORTEN = ("fractie", "positief", "niet_negatief", "getal", "tekst", "trede")
"""Kinds of a parameter in a general parameter file (a product file takes them from the registry)."""
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
    "geldig_tot",
    "projectie",
    "laag",
    "hoog",
}
_WAARDE_SLEUTELS = {
    "vanaf",
    "tot",
    "waarde",
    "status",
    "bron",
    "toelichting",
    "eerste_trede",
    "eenheid",
    "laag",
    "hoog",
}
_LEZING_SLEUTELS = {"waarde", "toelichting", "bron"}
STATUS_MET_LEZINGEN = ("aanname", "indicatief")
"""Only an uncertain value has other readings; a definitive or derived one is fixed by its source."""
TREDEN = ("max", "midden")
"""Named salary steps: the scale's last step and its middle step (rounded down)."""
ERFBAAR = {"vanaf", "bron"}
"""What a grouping table may set for the parameters below it."""
_SOORT_VERWACHT = {
    "fractie": "een fractie van 0 tot en met 1",
    "positief": "een getal groter dan 0",
    "niet_negatief": "een getal van 0 of meer",
    "getal": "een getal",
    "trede": "een tredenummer (0, 1, 2, ...), 'max' (de laatste trede) of 'midden' (de middelste)",
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
    if soort in ("tekst", "trede"):
        if eenheid is not None:
            p.append(Probleem(f"{naam}.eenheid", eenheid, f"geen eenheid bij een parameter van soort {soort}"))
        return _Soort(str(soort), None)
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
    if s.soort == "trede":
        if isinstance(ruw, int) and not isinstance(ruw, bool) and 0 <= ruw < 1000:
            return str(ruw)
        if isinstance(ruw, str) and (ruw in TREDEN or (ruw.isascii() and ruw.isdigit() and len(ruw) <= 3)):
            return ruw if ruw in TREDEN else str(int(ruw))
        p.append(Probleem(sleutel, ruw, _SOORT_VERWACHT["trede"]))
        return None
    if isinstance(ruw, list):
        if not ruw:
            p.append(Probleem(sleutel, ruw, "een niet-lege lijst van getallen (een tabel per trede)"))
            return None
        getallen = [s.getal(x, sleutel, eenheid, p) for x in ruw]
        return None if None in getallen else tuple(x for x in getallen if x is not None)
    return s.getal(ruw, sleutel, eenheid, p)


def _een_waarde(
    sleutel: str,
    w: Mapping[str, Any],
    s: _Soort,
    erf: Mapping[str, Any],
    reeks: bool,
    obj: Mapping[str, Any],
    p: list[Probleem],
) -> Waarde | None:
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
    lezingen = _lezingen(s, w, sleutel, eenheid, status, waarde, p)
    if len(p) > start or waarde is None or bron is None or vanaf is None:
        return None
    uitleg = toelichting if isinstance(toelichting, str) else None
    return Waarde(vanaf, waarde, str(status), bron, tot, uitleg, eerste_trede, lezingen=lezingen)


def _lezingen(
    s: _Soort, w: Mapping[str, Any], sleutel: str, eenheid: str | None, status: Any, waarde: Any, p: list[Probleem]
) -> tuple[tuple[str, Lezing], ...]:
    """The ``laag`` and ``hoog`` readings of a value: both or neither, each a table with the
    value (checked like the central one, same shape), its reason and optionally its source."""
    namen = [n for n in LEZINGEN if n in w]
    if not namen:
        return ()
    if status not in STATUS_MET_LEZINGEN:
        verwacht = "lezingen (laag, hoog) alleen bij status aanname of indicatief: deze waarde ligt vast"
        p.append(Probleem(f"{sleutel}.{namen[0]}", w[namen[0]], verwacht))
        return ()
    for ontbreekt in (n for n in LEZINGEN if n not in w):
        p.append(
            Probleem(
                f"{sleutel}.{ontbreekt}",
                ZONDER_WAARDE,
                "laag en hoog samen (een lezing aan één kant zegt niet hoe ver de andere gaat)",
            )
        )
    uit: list[tuple[str, Lezing]] = []
    for naam in namen:
        k, obj = f"{sleutel}.{naam}", w[naam]
        if not isinstance(obj, Mapping):
            p.append(Probleem(k, obj, 'een tabel: { waarde = ..., toelichting = "waarom", bron = { titel = "..." } }'))
            continue
        onbekende_sleutels(f"{k}.", obj, _LEZING_SLEUTELS, p, " van een lezing")
        reden = obj.get("toelichting")
        if not (isinstance(reden, str) and reden.strip()):
            p.append(
                Probleem(
                    f"{k}.toelichting",
                    reden if reden is not None else ZONDER_WAARDE,
                    "de reden van deze lezing (tekst)",
                )
            )
        bron = lees_bron(obj["bron"], f"{k}.bron", p) if "bron" in obj else None
        x = _waarde_van(s, obj.get("waarde", ZONDER_WAARDE), f"{k}.waarde", eenheid, p)
        if x is None or not isinstance(reden, str):
            continue
        if isinstance(waarde, tuple) != isinstance(x, tuple) or (isinstance(x, tuple) and len(x) != len(waarde)):
            vorm = f"een tabel van {len(waarde)} treden" if isinstance(waarde, tuple) else "één waarde"
            p.append(Probleem(f"{k}.waarde", obj.get("waarde"), f"{vorm}, zoals de centrale waarde"))
            continue
        uit.append((naam, Lezing(x, " ".join(reden.split()), bron)))
    return tuple(uit)


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


def lees_parameter(
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
        naam,
        bestand,
        str(label),
        s.eenheid,
        s.soort,
        tuple(w for w in waarden if w is not None),
        uitleg,
        geldig_tot,
        projectie,
    )
