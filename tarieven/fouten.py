"""Errors with a clear Dutch message: which file, which key, which value, what was expected."""

from __future__ import annotations

import re
import sys
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "CODES",
    "INSTALLEER_EXCEL",
    "bedoeld",
    "gewoon",
    "ZONDER_WAARDE",
    "InvoerFout",
    "OnbekendeNaam",
    "Probleem",
    "TarievenFout",
    "TypeFout",
    "Waarschuwing",
    "json_veilig",
    "pad_van",
    "onbekende_sleutels",
    "opsomming",
    "toon",
    "veilig",
]


class _ZonderWaarde:
    def __repr__(self) -> str:
        return "ZONDER_WAARDE"


ZONDER_WAARDE = _ZonderWaarde()
"""The value of a problem that has none to show (a file that does not parse): the message
names the key and what was expected, and does not claim that anything is missing."""


CODES: Mapping[str, str] = {
    "ontbreekt": "een waarde die nodig is, ontbreekt",
    "type": "een waarde van de verkeerde soort: tekst waar een getal hoort, een lijst waar een tabel hoort",
    "buiten_bereik": "een getal buiten het toegestane bereik van zijn veld",
    "keuze": "een tekst die geen van de toegestane keuzes is",
    "onbekend": "een sleutel, naam, code of regel die niet bestaat",
    "eenheid": "een eenheid die niet bij het veld past of niet bekend is",
    "combinatie": "waarden die elk mogen, maar samen niet (aandelen die niet tot 1 optellen, een tarief boven het "
    "plafond, een datum buiten de looptijd)",
    "bestand": "een bestand dat niet te lezen is, of niet is wat het zegt te zijn",
    "ongebruikelijk": "een waarde die mag, maar ongebruikelijk is (een waarschuwing, geen fout)",
}
"""The codes of a problem (:attr:`Probleem.code`) and of a warning, for a program that reads them."""

_ACHTERVOEGSEL = re.compile(r"\s+\(.*\)$")
_INDEX = re.compile(r"^(.*?)\[(\d+)\]$")


def pad_van(sleutel: str) -> tuple[str | int, ...]:
    """The path of a key as a tuple of keys and indices: ``product.personeel[2].aantal`` ->
    ``("product", "personeel", 2, "aantal")``; a note in brackets (``(opgegeven bij de
    berekening)``) is not part of it; a cell of a workbook (``Invoer!C12``) is one element."""
    kaal = _ACHTERVOEGSEL.sub("", str(sleutel)).strip()
    if "!" in kaal:
        return (kaal,)
    uit: list[str | int] = []
    for deel in kaal.split("."):
        m = _INDEX.match(deel)
        uit += [m.group(1), int(m.group(2))] if m else [deel]
    return tuple(d for d in uit if d != "")


def json_veilig(waarde: Any) -> Any:
    """A value as JSON can hold it: None for a missing value, numbers and texts as they are (a
    non-finite number as its text), lists and tables element by element, anything else as text."""
    if waarde is ... or waarde is ZONDER_WAARDE or waarde is None:
        return None
    waarde = gewoon(waarde)
    if isinstance(waarde, bool | str):
        return waarde
    if isinstance(waarde, int):
        return waarde if abs(waarde) < 2**53 else toon(waarde)
    if isinstance(waarde, float):
        return waarde if waarde == waarde and abs(waarde) != float("inf") else repr(waarde)
    if isinstance(waarde, Mapping):
        return {str(k): json_veilig(v) for k, v in waarde.items()}
    if isinstance(waarde, list | tuple):
        return [json_veilig(v) for v in waarde]
    return toon(waarde)


def _code(waarde: Any, verwacht: str) -> str:
    """The code of a problem from what it says, where the place that found it did not give one."""
    tekst = verwacht.casefold()
    if waarde is ...:
        return "ontbreekt"
    if any(w in tekst for w in ("bekende", "bestaande", "uit de catalogus", "een productcode", "een functie uit")):
        return "onbekend"
    if "eenheid" in tekst:
        return "eenheid"
    if waarde is ZONDER_WAARDE or any(w in tekst for w in ("toml", "json", "utf-8", "een bestand", "werkmap")):
        return "bestand"
    if tekst.startswith("een van ") or "keuze" in tekst:
        return "keuze"
    getal = isinstance(waarde, int | float) and not isinstance(waarde, bool)
    if getal and any(w in tekst for w in ("getal", "fractie", "groter", "kleiner", "hoogstens", "tot en met")):
        return "buiten_bereik"
    if any(w in tekst for w in ("een getal", "tekst", "een tabel", "een lijst", "een datum", "een jaartal")):
        return "type"
    return "combinatie"


@dataclass(frozen=True)
class Waarschuwing:
    """A value that is allowed but unusual: shown with the result, never silently passed.

    Attributes
    ----------
    sleutel
        The input key, e.g. ``product.bezettingsgraad``.
    waarde
        The value as read.
    tekst
        What is unusual about it, in Dutch.
    """

    sleutel: str
    waarde: Any
    tekst: str
    rij: Any = None
    """The row of a table (its index label) the value is in; None for a single scenario."""

    code = "ongebruikelijk"

    def __str__(self) -> str:
        punt = "" if self.tekst.endswith((".", "?", "!")) else "."
        return f"{_rij(self.rij)}{self.sleutel} = {toon(self.waarde)}: {self.tekst}{punt}"

    @property
    def pad(self) -> tuple[str | int, ...]:
        return pad_van(self.sleutel)

    @property
    def verwacht(self) -> str:
        return self.tekst

    @property
    def melding(self) -> str:
        return str(self)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, the same shape as a problem (:meth:`Probleem.to_dict`)."""
        return _als_dict(self)


INSTALLEER_EXCEL = (
    "het hoort bij tarieven, maar ontbreekt in deze omgeving: installeer tarieven opnieuw vanuit de map van het "
    "project met pip install . (het pakket staat niet op PyPI)"
)
"""What to do when a package of the base install (openpyxl, XlsxWriter, defusedxml) is missing:
install again as the README says (from the project's folder; the package is not on PyPI)."""


class TarievenFout(Exception):
    """Base class of every error tarieven raises on purpose."""


@dataclass(frozen=True)
class Probleem:
    """One thing wrong with the input. About a cell of a workbook (``Invoer!C12 ...``) the value
    and the expectation are shown with decimal commas, as the workbook shows them.

    Attributes
    ----------
    sleutel
        Dotted key in the scenario or parameter file, e.g. ``product.groepsgrootte``.
    waarde
        The value found (``...`` when the key is missing, :data:`ZONDER_WAARDE` when there
        is no single value to show).
    verwacht
        What was expected, in Dutch, e.g. "een getal groter dan 0".
    """

    sleutel: str
    waarde: Any
    verwacht: str
    code: str = ""
    """One of :data:`CODES`; when the place that found the problem does not say, it follows from
    the value and the expectation."""
    rij: Any = None
    """The row of a table (its index label) the problem is in; None for a single scenario."""

    def __post_init__(self) -> None:
        if not self.code:
            object.__setattr__(self, "code", _code(self.waarde, str(self.verwacht)))
        elif self.code not in CODES:
            raise ValueError(f"onbekende code {self.code!r}; bekend: {', '.join(CODES)}")

    @property
    def pad(self) -> tuple[str | int, ...]:
        """The key as a tuple of keys and indices (:func:`pad_van`)."""
        return pad_van(self.sleutel)

    @property
    def melding(self) -> str:
        """The problem in one Dutch sentence, as every message shows it."""
        return str(self)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``pad`` (a list), ``code``, ``waarde`` (None when missing), ``verwacht``,
        ``melding`` and ``rij``."""
        return _als_dict(self)

    def __str__(self) -> str:
        sleutel, verwacht = veilig(str(self.sleutel)), veilig(self.verwacht)  # a key may come from a file
        punt = "" if verwacht.endswith("?") else "."
        werkmap = _CEL.match(sleutel) is not None  # a cell of a workbook: its decimals as the workbook shows them
        if werkmap:
            verwacht = _komma(verwacht)
        rij = _rij(self.rij)
        if self.waarde is ...:
            return f"{rij}{sleutel} ontbreekt: verwacht {verwacht}{punt}"
        if self.waarde is ZONDER_WAARDE:
            return f"{rij}{sleutel}: verwacht {verwacht}{punt}"
        waarde = veilig(toon(self.waarde))
        if werkmap and isinstance(self.waarde, float):
            waarde = _komma(waarde)
        return f"{rij}{sleutel} = {waarde}: verwacht {verwacht}{punt}"


def _rij(rij: Any) -> str:
    """``rij A0003: ``, the start of a message about one row of a table; empty for one scenario."""
    if rij is None:
        return ""
    label = tuple(gewoon(x) for x in rij) if isinstance(rij, tuple) else gewoon(rij)
    return f"rij {veilig(str(label))[:40]}: "


def gewoon(waarde: Any) -> Any:
    """A numpy scalar (a row label, a cell, an element of a list) as the Python value it holds:
    ``2``, not ``np.int64(2)``, so a message and a reader see what the user wrote; anything else
    as it is. Without numpy loaded there is no numpy scalar (this module does not load it)."""
    np = sys.modules.get("numpy")
    return waarde.item() if np is not None and isinstance(waarde, np.generic) else waarde


def _als_dict(p: Probleem | Waarschuwing) -> dict[str, Any]:
    return {
        "pad": list(p.pad),
        "code": p.code,
        "waarde": json_veilig(p.waarde),
        "verwacht": p.verwacht,
        "melding": p.melding,
        "rij": json_veilig(p.rij),
    }


def bedoeld(naam: Any, bekend: Iterable[str]) -> str:
    """``"; bedoelt u 41A22?"`` when a known name differs from ``naam`` only in case or surrounding
    spaces (``41a22``), else ``""``: a hint for a message that suggests only what exists."""
    if not isinstance(naam, str):
        return ""
    gelijk = [b for b in bekend if b.casefold() == naam.strip().casefold()]
    return f"; bedoelt u {gelijk[0]}?" if gelijk else ""


def opsomming(items: Iterable[str], max_aantal: int = 12) -> str:
    """A list for an error message: ``a, b, c, ...`` after ``max_aantal`` items, ``geen`` when empty."""
    lijst = list(items)
    if not lijst:
        return "geen"
    return ", ".join(lijst[:max_aantal]) + (", ..." if len(lijst) > max_aantal else "")


def onbekende_sleutels(
    prefix: str, obj: Mapping[str, Any], bekend: Collection[str], problemen: list[Probleem], soort: str = ""
) -> None:
    """Append a :class:`Probleem` for every key of ``obj`` not in ``bekend`` (strict input)."""
    for k in obj:
        if k not in bekend:
            tekst = opsomming(sorted(bekend), 15)
            problemen.append(Probleem(f"{prefix}{k}", obj[k], f"een bekende sleutel{soort} ({tekst})", "onbekend"))


_STUURTEKENS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_ONVEILIG = re.compile(f"[\t\n{_STUURTEKENS}]")
_ONVEILIG_IN_REGELS = re.compile(f"[{_STUURTEKENS}]")


_CEL = re.compile(r"[A-Za-z][\w ]*![A-Z]{1,3}\d+")
_DECIMAAL = re.compile(r"(?<![\w.])(-?\d+)\.(\d+)(?![\w.])")


def _komma(tekst: str) -> str:
    """Decimal points as decimal commas (``0.85`` -> ``0,85``): how a Dutch workbook shows a number.
    A version or a file name (``0.1.0``, ``41A22.toml``) and a Dutch thousands separator
    (``1.000``: three digits after a head that does not start with 0) are left as they are."""

    def komma(m: re.Match[str]) -> str:
        kop, staart = m.group(1), m.group(2)
        if len(staart) == 3 and not kop.lstrip("-").startswith("0"):
            return m.group(0)
        return f"{kop},{staart}"

    return _DECIMAAL.sub(komma, tekst)


def veilig(tekst: str, *, regels: bool = False) -> str:
    """Text for a terminal with every control character and bidirectional override made visible.

    The one function through which text read from a file (a description, a code, a file
    name, a key) reaches a terminal: an escape sequence (``\\x1b[...``), a carriage return, a
    C1 control, a right-to-left override or isolate, or a line separator becomes its code,
    ``\\u001b``, ``\\u202e``, so it can neither move the cursor, forge a line nor hide text.
    For one field (``regels=False``) tabs and newlines are escaped too; for a whole report
    (``regels=True``) they are kept. The ``\\uXXXX`` form is also a valid escape inside a JSON
    string, so escaping JSON text keeps its data.
    """
    patroon = _ONVEILIG_IN_REGELS if regels else _ONVEILIG
    return patroon.sub(lambda m: f"\\u{ord(m.group()):04x}", tekst)


def toon(waarde: Any, lengte: int = 80) -> str:
    """A value as a message shows it: a text quoted, anything else as it prints, cut at ``lengte``.

    Never raises: an integer of more digits than Python turns into text
    (``sys.get_int_max_str_digits()``), alone or inside a list, is described instead.
    """
    try:
        tekst = repr(waarde) if isinstance(waarde, str) else str(waarde)
    except ValueError:
        tekst = f"({'' if isinstance(waarde, int) else 'een waarde met '}een geheel getal van duizenden cijfers)"
    return tekst if len(tekst) <= lengte else tekst[: lengte - 3] + "..."


class TypeFout(TarievenFout, TypeError):
    """An argument of a public function of the wrong kind (a number where a scenario belongs),
    named with what was expected; a ``TypeError`` too.

    Attributes
    ----------
    argument
        The argument's name.
    waarde
        The value given.
    verwacht
        What was expected, in Dutch.
    """

    def __init__(self, argument: str, waarde: Any, verwacht: str) -> None:
        self.argument, self.waarde, self.verwacht = argument, waarde, verwacht
        super().__init__(f"{argument} = {toon(waarde)} ({type(waarde).__name__}): verwacht {verwacht}")


class InvoerFout(TarievenFout, ValueError):
    """The input (scenario, parameter file) is not valid; lists every problem found.

    Attributes
    ----------
    problemen
        Each problem with key, value and expectation.
    bestand
        The file (or ``<dict>``) the input came from.
    """

    def __init__(
        self, problemen: list[Probleem], bestand: str | None = None, waarschuwingen: Iterable[Waarschuwing] = ()
    ) -> None:
        self.problemen = list(problemen)
        self.bestand = bestand
        self.waarschuwingen = tuple(waarschuwingen)
        super().__init__(self._bericht())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"melding", "bestand", "problemen": [...], "waarschuwingen": [...]}``, each
        problem as :meth:`Probleem.to_dict` and each warning in the same shape (for a service that
        answers 422 with the problems)."""
        return {
            "melding": str(self),
            "bestand": self.bestand,
            "problemen": [p.to_dict() for p in self.problemen],
            "waarschuwingen": [w.to_dict() for w in self.waarschuwingen],
        }

    def _bericht(self) -> str:
        waar = f" in {veilig(self.bestand)}" if self.bestand else ""
        if len(self.problemen) == 1:
            return f"Ongeldige invoer{waar}: {self.problemen[0]}"
        regels = "\n".join(f"  - {p}" for p in self.problemen[:MAX_IN_BERICHT])
        if (meer := len(self.problemen) - MAX_IN_BERICHT) > 0:
            regels += f"\n  ... en nog {meer} (alle problemen staan in .problemen en in to_dict())"
        return f"Ongeldige invoer{waar} ({len(self.problemen)} problemen):\n{regels}"


MAX_IN_BERICHT = 50
"""Most problems a message lists one by one (a table of 100,000 bad rows is not one message);
every problem stays in :attr:`InvoerFout.problemen`."""


class OnbekendeNaam(TarievenFout, KeyError):
    """A name that does not exist (a breakdown line, an input key, a product), listing the
    names that do. A ``KeyError``, so ``except KeyError`` keeps working.

    Attributes
    ----------
    naam
        The name asked for.
    soort
        What kind of name (``regel``, ``invoer``, ``product``), in Dutch.
    bekend
        The names that exist.
    """

    def __init__(self, naam: str, soort: str, bekend: Iterable[str]) -> None:
        self.naam = naam
        self.soort = soort
        self.bekend = list(bekend)
        super().__init__(naam)

    def __str__(self) -> str:
        tekst = f"onbekende {self.soort} {self.naam!r}; bekend zijn: {opsomming(self.bekend, 40)}"
        if len(self.bekend) <= 40 or not isinstance(self.naam, str):
            return tekst
        import difflib  # only for this message, not on every start

        lijkt = difflib.get_close_matches(self.naam, self.bekend, n=1)  # the list is cut: the nearest name
        return tekst + (f"; bedoelt u {lijkt[0]!r}?" if lijkt else "")
