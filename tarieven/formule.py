"""Expression trees traced from the core functions: one definition, every rendering.

A breakdown line is computed by a plain numpy function of the core (``personeel.jaarloon``
and so on). Called with numbers or arrays, that function computes. Called with the
symbols of this module (:class:`Naam`), the same function *builds the tree of its own
formula*: the operators ``+ - * /`` and the numpy functions it uses (``np.maximum``,
``np.minimum``, ``np.ceil``, ``np.round``) return tree nodes instead of numbers, through
Python's operator methods and numpy's ``__array_ufunc__`` / ``__array_function__``
protocols. From that tree come the formula in words, the formula with the values filled
in, the names a line reads and a spreadsheet formula, so none of them is written by hand
a second time.

Why a traced tree and not a formula language of our own: the function stays the one
definition a reader of the code sees, the hot path (a grid of a million scenarios) calls
that function on arrays with no interpreter in between, and the tree cannot drift from
what is computed because it is what the function does. See ``docs/architectuur.md``.

Two table operations that arithmetic cannot express have their own functions here,
usable on numbers and on symbols alike: :func:`opzoeken` (a band table, ``LOOKUP`` in a
spreadsheet) and :func:`kies` (the n-th of several values, ``CHOOSE``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = [
    "FUNCTIES",
    "NumpyFunctie",
    "Functie",
    "Getal",
    "Naam",
    "Uitdrukking",
    "Bewerking",
    "Stijl",
    "EXCEL",
    "EXPRESSIE",
    "FORMULE",
    "als_uitdrukking",
    "excel_naam",
    "kies",
    "namen",
    "opzoeken",
    "volg",
]


class Uitdrukking:
    """A node of a formula tree. Arithmetic on it builds a larger tree."""

    __slots__ = ()
    __array_priority__ = 1000  # ndarray (op) Uitdrukking defers to us

    def __add__(self, ander: Any) -> Uitdrukking:
        return _bewerking("+", self, ander)

    def __radd__(self, ander: Any) -> Uitdrukking:
        return _bewerking("+", ander, self)

    def __sub__(self, ander: Any) -> Uitdrukking:
        return _bewerking("-", self, ander)

    def __rsub__(self, ander: Any) -> Uitdrukking:
        return _bewerking("-", ander, self)

    def __mul__(self, ander: Any) -> Uitdrukking:
        return _bewerking("*", self, ander)

    def __rmul__(self, ander: Any) -> Uitdrukking:
        return _bewerking("*", ander, self)

    def __truediv__(self, ander: Any) -> Uitdrukking:
        return _bewerking("/", self, ander)

    def __rtruediv__(self, ander: Any) -> Uitdrukking:
        return _bewerking("/", ander, self)

    def __neg__(self) -> Uitdrukking:
        return _bewerking("-", Getal(0.0), self)

    def __bool__(self) -> bool:
        raise TypeError("een formule heeft geen waarheidswaarde: reken met getallen, niet met symbolen")

    def _vergelijk(self, ander: Any) -> bool:
        raise TypeError(
            "een formule vergelijken (==, !=, <, >) kan niet: het resultaat hangt van de getallen af. Schrijf "
            "een keuze als rekenkunde of met np.maximum/np.minimum, of geef haar als structuurkeuze mee"
        )

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _vergelijk
    __hash__ = object.__hash__

    def __array_ufunc__(self, ufunc: Any, method: str, *invoer: Any, **kwargs: Any) -> Any:
        maak = _UFUNCS.get(ufunc)
        if method != "__call__" or kwargs or maak is None:
            return NotImplemented
        return maak(*invoer)

    def __array_function__(self, func: Any, types: Any, args: Any, kwargs: Any) -> Any:
        definitie = _PER_NUMPY.get(func)
        if definitie is None:
            return NotImplemented
        argumenten = [*args, *(kwargs[k] for k in definitie.trefwoorden if k in kwargs)]
        return Functie(definitie.naam, tuple(als_uitdrukking(a) for a in argumenten))

    # -- reading the tree -----------------------------------------------------------------
    def kinderen(self) -> tuple[Uitdrukking, ...]:
        return ()

    def evalueer(self, waarden: Mapping[str, Any]) -> Any:
        """The value of the tree over ``waarden`` (name -> number or array), with numpy."""
        raise NotImplementedError

    def tekst(self, stijl: Stijl, naam: Callable[[str], str] = str) -> str:
        """The tree as text in a :class:`Stijl`; ``naam`` renders each name (or its value)."""
        return _tekst(self, stijl, naam, 0)


@dataclass(frozen=True, eq=False)
class Naam(Uitdrukking):
    """An input or an earlier line, by its dotted name."""

    naam: str

    def evalueer(self, waarden: Mapping[str, Any]) -> Any:
        return waarden[self.naam]


@dataclass(frozen=True, eq=False)
class Getal(Uitdrukking):
    """A constant."""

    waarde: float

    def evalueer(self, waarden: Mapping[str, Any]) -> Any:
        return self.waarde


@dataclass(frozen=True, eq=False)
class Bewerking(Uitdrukking):
    """``links op rechts`` with ``op`` one of ``+ - * /``."""

    op: str
    links: Uitdrukking
    rechts: Uitdrukking

    def kinderen(self) -> tuple[Uitdrukking, ...]:
        return (self.links, self.rechts)

    def evalueer(self, waarden: Mapping[str, Any]) -> Any:
        return _OPERATOREN[self.op](self.links.evalueer(waarden), self.rechts.evalueer(waarden))


@dataclass(frozen=True, eq=False)
class Functie(Uitdrukking):
    """A function of :data:`FUNCTIES` applied to arguments; ``tabel`` holds the constant
    lists of a lookup (band edges and values)."""

    naam: str
    argumenten: tuple[Uitdrukking, ...]
    tabel: tuple[tuple[float, ...], ...] = ()

    def kinderen(self) -> tuple[Uitdrukking, ...]:
        return self.argumenten

    def evalueer(self, waarden: Mapping[str, Any]) -> Any:
        args = [a.evalueer(waarden) for a in self.argumenten]
        if self.naam == "opzoeken":
            return opzoeken(args[0], self.tabel[0], self.tabel[1])
        if self.naam == "kies":
            return kies(args[0], args[1:])
        return FUNCTIES[self.naam].bereken(*args)


_OPERATOREN: dict[str, Callable[[Any, Any], Any]] = {
    "+": np.add,
    "-": np.subtract,
    "*": np.multiply,
    "/": np.divide,
}


@dataclass(frozen=True)
class NumpyFunctie:
    """One numpy function a core function may use, and everything that follows from it.

    ``numpy`` is what a core function calls (a ufunc such as ``np.maximum``, traced through
    ``__array_ufunc__``, or a function such as ``np.round``, traced through
    ``__array_function__``); ``reken`` computes the node's value (default: ``numpy``);
    ``expressie``, ``formule`` and ``excel`` write it, ``{}`` standing for the arguments
    joined by the style's separator; ``trefwoorden`` are keyword arguments (``decimals``)
    taken as further arguments. Adding a function is one entry of :data:`FUNCTIES`.
    """

    naam: str
    numpy: Any
    expressie: str
    formule: str
    excel: str
    reken: Callable[..., Any] | None = None
    trefwoorden: tuple[str, ...] = ()

    def bereken(self, *args: Any) -> Any:
        """The value of the function on numbers or arrays."""
        return (self.reken or self.numpy)(*args)


FUNCTIES: Mapping[str, NumpyFunctie] = {
    f.naam: f
    for f in (
        NumpyFunctie("max", np.maximum, "max({})", "max({})", "MAX({})"),
        NumpyFunctie("min", np.minimum, "min({})", "min({})", "MIN({})"),
        NumpyFunctie("ceil", np.ceil, "ceil({})", "⌈{}⌉", "CEILING({},1)"),
        NumpyFunctie(
            "round",
            np.round,
            "round({})",
            "afgerond({})",
            "ROUND({})",
            reken=lambda x, d=0: np.round(x, int(d)),
            trefwoorden=("decimals",),
        ),
    )
}
"""Every numpy function a core function may use, by its name in the tree."""
_PER_NUMPY = {f.numpy: f for f in FUNCTIES.values()} | {np.around: FUNCTIES["round"]}


def als_uitdrukking(x: Any) -> Uitdrukking:
    """A tree node for ``x``: a node as is, a number (Python or numpy scalar) as a constant."""
    if isinstance(x, Uitdrukking):
        return x
    if isinstance(x, (int, float, np.integer, np.floating)) and not isinstance(x, bool):
        return Getal(float(x))
    raise TypeError(f"kan {x!r} niet in een formule opnemen (alleen getallen en symbolen)")


def _is(x: Uitdrukking, waarde: float) -> bool:
    return isinstance(x, Getal) and x.waarde == waarde


def _bewerking(op: str, a: Any, b: Any) -> Uitdrukking:
    """A node ``a op b``, leaving out what does not change the value (``x + 0``, ``1 × x``)."""
    x, y = als_uitdrukking(a), als_uitdrukking(b)
    if isinstance(x, Getal) and isinstance(y, Getal):
        return Getal(float(_OPERATOREN[op](x.waarde, y.waarde)))
    if op == "+" and _is(x, 0.0):
        return y
    if op in "+-" and _is(y, 0.0):
        return x
    if op == "*" and _is(x, 1.0):
        return y
    if op in "*/" and _is(y, 1.0):
        return x
    return Bewerking(op, x, y)


def _functie(definitie: NumpyFunctie) -> Callable[..., Uitdrukking]:
    return lambda *args: Functie(definitie.naam, tuple(als_uitdrukking(a) for a in args))


_UFUNCS: dict[Any, Callable[..., Uitdrukking]] = {
    np.add: lambda a, b: _bewerking("+", a, b),
    np.subtract: lambda a, b: _bewerking("-", a, b),
    np.multiply: lambda a, b: _bewerking("*", a, b),
    np.divide: lambda a, b: _bewerking("/", a, b),
    np.negative: lambda a: _bewerking("-", 0.0, a),
    **{f.numpy: _functie(f) for f in FUNCTIES.values() if isinstance(f.numpy, np.ufunc)},
}


def opzoeken(x: Any, grenzen: Sequence[float], waarden: Sequence[float]) -> Any:
    """The value of the band that ``x`` falls in: ``waarden[i]`` for ``grenzen[i] <= x < grenzen[i+1]``.

    ``grenzen`` are the lower edges, ascending, the first one the lowest value allowed; a
    value on an edge belongs to the band above it. Works on numbers and arrays (numpy) and
    on symbols (a ``LOOKUP`` in a spreadsheet). ``x`` below the first edge is the caller's
    to refuse: the validator checks ranges before anything is computed.
    """
    if isinstance(x, Uitdrukking):
        return Functie("opzoeken", (x,), (tuple(map(float, grenzen)), tuple(map(float, waarden))))
    index = np.searchsorted(np.asarray(grenzen, dtype=float), np.asarray(x, dtype=float), side="right") - 1
    return np.asarray(waarden, dtype=float)[np.clip(index, 0, len(waarden) - 1)]


def kies(index: Any, opties: Sequence[Any]) -> Any:
    """The ``index``-th of ``opties``, counting from 1 (``CHOOSE`` in a spreadsheet)."""
    if isinstance(index, Uitdrukking) or any(isinstance(o, Uitdrukking) for o in opties):
        return Functie("kies", (als_uitdrukking(index), *(als_uitdrukking(o) for o in opties)))
    i = np.asarray(index, dtype=np.int64) - 1
    return np.choose(np.clip(i, 0, len(opties) - 1), [np.asarray(o, dtype=float) for o in opties])


def volg(functie: Callable[..., Any], argumenten: Mapping[str, Any]) -> Uitdrukking:
    """The tree of ``functie(**argumenten)`` where the arguments are symbols (or constants)."""
    return als_uitdrukking(functie(**argumenten))


def namen(boom: Uitdrukking) -> tuple[str, ...]:
    """The names a tree reads, in order of first appearance."""
    gezien: dict[str, None] = {}

    def bezoek(knoop: Uitdrukking) -> None:
        if isinstance(knoop, Naam):
            gezien.setdefault(knoop.naam, None)
        for kind in knoop.kinderen():
            bezoek(kind)

    bezoek(boom)
    return tuple(gezien)


# -- rendering -------------------------------------------------------------------------


@dataclass(frozen=True)
class Stijl:
    """How a tree is written: operator signs, function names, separators and numbers."""

    operatoren: Mapping[str, str]
    soort: str
    """Which writing of a function of :data:`FUNCTIES` it uses: ``expressie``, ``formule`` or ``excel``."""
    tabelfuncties: Mapping[str, str]
    """How the two table operations are written (``opzoeken``, ``kies``)."""
    scheiding: str
    getal: Callable[[float], str]
    tabel: Callable[[Sequence[float]], str]


def _getal_machine(x: float) -> str:
    return str(int(x)) if x == int(x) and abs(x) < 1e15 else repr(x)


def _getal_nl(x: float) -> str:
    tekst = _getal_machine(x)
    return tekst.replace(".", ",") if "e" not in tekst else tekst


EXPRESSIE = Stijl(
    operatoren={"+": " + ", "-": " - ", "*": " * ", "/": " / "},
    soort="expressie",
    tabelfuncties={"opzoeken": "opzoeken", "kies": "kies"},
    scheiding=", ",
    getal=_getal_machine,
    tabel=lambda t: "[" + ", ".join(_getal_machine(x) for x in t) + "]",
)
"""Machine-readable, Python-like: ``functies.mbo.maandsalaris * 12``."""

FORMULE = Stijl(
    operatoren={"+": " + ", "-": " − ", "*": " × ", "/": " / "},
    soort="formule",
    tabelfuncties={"opzoeken": "opzoeken", "kies": "kies"},
    scheiding="; ",
    getal=_getal_nl,
    tabel=lambda t: "[" + "; ".join(_getal_nl(x) for x in t) + "]",
)
"""For people, Dutch: ``bruto_jaarsalaris × (1 + vakantietoeslag + eindejaarsuitkering)``."""

EXCEL = Stijl(
    operatoren={"+": "+", "-": "-", "*": "*", "/": "/"},
    soort="excel",
    tabelfuncties={"opzoeken": "LOOKUP", "kies": "CHOOSE"},
    scheiding=",",
    getal=_getal_machine,
    tabel=lambda t: "{" + ",".join(_getal_machine(x) for x in t) + "}",
)
"""A spreadsheet formula (without the leading ``=``), en-US notation as stored in a file."""

_VOORRANG = {"+": 1, "-": 1, "*": 2, "/": 2}


def _tekst(knoop: Uitdrukking, stijl: Stijl, naam: Callable[[str], str], ouder: int) -> str:
    if isinstance(knoop, Naam):
        return naam(knoop.naam)
    if isinstance(knoop, Getal):
        tekst = stijl.getal(knoop.waarde)
        return f"({tekst})" if knoop.waarde < 0 and ouder > 0 else tekst
    if isinstance(knoop, Bewerking):
        eigen = _VOORRANG[knoop.op]
        links = _tekst(knoop.links, stijl, naam, eigen)
        # a - (b + c) and a / (b * c) need their brackets; a + (b + c) does not
        rechts = _tekst(knoop.rechts, stijl, naam, eigen + (knoop.op in "-/"))
        tekst = f"{links}{stijl.operatoren[knoop.op]}{rechts}"
        return f"({tekst})" if eigen < ouder else tekst
    assert isinstance(knoop, Functie)
    args = [_tekst(a, stijl, naam, 0) for a in knoop.argumenten]
    if knoop.naam == "opzoeken":
        args += [stijl.tabel(knoop.tabel[0]), stijl.tabel(knoop.tabel[1])]
    if knoop.naam in stijl.tabelfuncties:
        return f"{stijl.tabelfuncties[knoop.naam]}({stijl.scheiding.join(args)})"
    sjabloon: str = getattr(FUNCTIES[knoop.naam], stijl.soort)
    return sjabloon.format(stijl.scheiding.join(args))


def excel_naam(sleutel: str) -> str:
    """The defined name of a line or input in a workbook: its dotted key with underscores.

    ``uurkosten.mbo`` -> ``uurkosten_mbo``. A character that a defined name cannot hold
    becomes ``_``; a name that Excel would read as a cell reference or that starts with a
    digit gets the prefix ``n_`` (``r1c1`` -> ``n_r1c1``).
    """
    naam = "".join(c if c.isalnum() or c == "_" else "_" for c in sleutel.replace(".", "_"))
    kop = naam.rstrip("0123456789")
    lijkt_cel = naam != kop and kop.isalpha() and len(kop) <= 3 and kop.isascii()
    if not naam or naam[0].isdigit() or lijkt_cel or naam.lower() in ("r", "c") or _is_r1c1(naam):
        naam = "n_" + naam
    return naam


def _is_r1c1(naam: str) -> bool:
    """``R1C1``-style references (``r2c3``, ``R5``) are not valid defined names."""
    n = naam.lower()
    if not n.startswith("r"):
        return False
    rest = n[1:]
    rij, _, kolom = rest.partition("c")
    return rij.isdigit() and (kolom.isdigit() or kolom == "") and bool(rij)
