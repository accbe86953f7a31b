"""A scenario's inputs as JSON: what a result carries so that anyone can recompute it.

``invoer``: every resolved input with its value in the unit of its field, and where it
came from (origin, status, source, date, projected or not); ``eigen_invoer``: the user's
own inputs as given. Read back by :func:`tarieven.inlezen.scenario_uit_uitkomst`.
"""

from __future__ import annotations

from typing import Any

from tarieven.scenario import Scenario

__all__ = ["eigen_invoer_json", "invoer_json"]


def _json(x: Any) -> Any:
    """A user's input value as JSON: numbers as floats, texts as given, an empty table as {}."""
    if isinstance(x, (bool, str)) or x is None:
        return x
    if isinstance(x, (int, float)):
        return float(x)
    return {} if str(x) == "{}" else str(x)


def _een(s: Scenario, k: str) -> dict[str, Any]:
    """One resolved input: its value (in the field's unit) and where it came from."""
    h = s.herkomst.get(k)
    uit: dict[str, Any] = {"waarde": s.waarden[k] if k in s.waarden else _json(s.invoer[k])}
    if k in s.waarden:
        uit["eenheid"] = s.veld(k).eenheid
    if h is not None:
        uit |= {
            "herkomst": h.oorsprong,
            "status": h.status,
            "bron": h.bron,
            "vanaf": str(h.vanaf) if h.vanaf else None,
            "geprojecteerd": h.geprojecteerd,
        }
        if h.lezing is not None:
            uit["lezing"] = h.lezing
    return uit


def invoer_json(s: Scenario) -> dict[str, dict[str, Any]]:
    """Every resolved input of ``s`` (see the module docstring)."""
    return {k: _een(s, k) for k in s.invoer}


def eigen_invoer_json(s: Scenario) -> dict[str, Any]:
    """The user's own inputs of ``s`` as given."""
    return {k: _json(v) for k, v in s.eigen.items()}
