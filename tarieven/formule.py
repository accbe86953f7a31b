"""The small expression language in which every breakdown line states its formula.

Each line of a result carries an expression such as
``functies.mbo.maandsalaris * 12`` over dotted names (inputs and earlier lines). The
expression is what the explanation shows, what an Excel export will turn into a live
formula, and what the tests evaluate to check it against the core. The grammar is
deliberately tiny: numbers, dotted names, ``+ - * /``, parentheses and the functions in
:data:`FUNCTIES`.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np

__all__ = ["FUNCTIES", "evalueer", "namen"]

FUNCTIES: dict[str, Callable[..., Any]] = {
    "ceil": np.ceil,
    "round": np.round,
    "min": np.minimum,
    "max": np.maximum,
}
"""Functions an expression may call; each has a spreadsheet counterpart
(ceil -> CEILING(x, 1), round -> ROUND(x, n), min -> MIN, max -> MAX; both
elementwise on two arguments)."""

_OPERATOREN: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: np.add,
    ast.Sub: np.subtract,
    ast.Mult: np.multiply,
    ast.Div: np.divide,
}


def _naam(knoop: ast.expr) -> str | None:
    """The dotted name of a Name/Attribute chain, or None."""
    if isinstance(knoop, ast.Name):
        return knoop.id
    if isinstance(knoop, ast.Attribute):
        basis = _naam(knoop.value)
        return None if basis is None else f"{basis}.{knoop.attr}"
    return None


@lru_cache(maxsize=4096)
def _ontleed(expressie: str) -> ast.expr:
    boom = ast.parse(expressie, mode="eval").body
    for knoop in ast.walk(boom):
        toegestaan = (
            ast.BinOp,
            ast.UnaryOp,
            ast.USub,
            ast.Constant,
            ast.Name,
            ast.Attribute,
            ast.Load,
            ast.Call,
            *_OPERATOREN,
        )
        if not isinstance(knoop, toegestaan):
            raise ValueError(f"niet toegestaan in een formule: {ast.dump(knoop)} in {expressie!r}")
        if isinstance(knoop, ast.Call) and not (isinstance(knoop.func, ast.Name) and knoop.func.id in FUNCTIES):
            raise ValueError(f"onbekende functie in formule {expressie!r}")
    return boom


def namen(expressie: str) -> tuple[str, ...]:
    """The dotted names an expression reads, in order of first appearance."""
    gezien: dict[str, None] = {}

    def bezoek(knoop: ast.expr) -> None:
        naam = _naam(knoop)
        if naam is not None:
            gezien.setdefault(naam, None)
            return
        if isinstance(knoop, ast.Call):
            for arg in knoop.args:
                bezoek(arg)
            return
        for kind in ast.iter_child_nodes(knoop):
            if isinstance(kind, ast.expr):
                bezoek(kind)

    bezoek(_ontleed(expressie))
    return tuple(gezien)


def evalueer(expressie: str, waarden: Mapping[str, Any]) -> Any:
    """Evaluate an expression with numpy over ``waarden`` (dotted name -> number/array)."""

    def ev(knoop: ast.expr) -> Any:
        naam = _naam(knoop)
        if naam is not None:
            return waarden[naam]
        if isinstance(knoop, ast.Constant):
            return knoop.value
        if isinstance(knoop, ast.BinOp):
            return _OPERATOREN[type(knoop.op)](ev(knoop.left), ev(knoop.right))
        if isinstance(knoop, ast.UnaryOp):
            return np.negative(ev(knoop.operand))
        if isinstance(knoop, ast.Call):
            assert isinstance(knoop.func, ast.Name)
            return FUNCTIES[knoop.func.id](*(ev(a) for a in knoop.args))
        raise ValueError(f"kan {ast.dump(knoop)} niet evalueren")  # pragma: no cover

    return ev(_ontleed(expressie))
