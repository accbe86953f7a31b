"""Helpers shared by the robustness tests (issue 11): the command line as a function, a
scenario dict with a few inputs changed, and a small writer of JSON and TOML files that
can also write what the standard library's writers refuse (NaN, 5,000-digit numbers)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pytest

from tarieven.cli import main

from ..conftest import GOLDEN

G1 = GOLDEN / "g1-dagbesteding-licht.json"


def gewijzigd(d: dict[str, Any], **wijzigingen: Any) -> dict[str, Any]:
    """A deep copy of a scenario dict with values set by path (``product__groepsgrootte=8``);
    the value :data:`WEG` removes the key."""
    uit = copy.deepcopy(d)
    for pad, waarde in wijzigingen.items():
        *tabellen, blad = pad.split("__")
        doel = uit
        for t in tabellen:
            doel = doel.setdefault(t, {})
        if waarde is WEG:
            doel.pop(blad, None)
        else:
            doel[blad] = waarde
    return uit


WEG = object()
"""Marks a key to remove in :func:`gewijzigd`."""


def opdracht(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``tarieven ARGV`` in this process: (exit code, stdout, stderr)."""
    capsys.readouterr()
    try:
        code = main(list(argv))
    except SystemExit as e:  # argparse
        code = int(e.code or 0)
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def fout_van_opdracht(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command that must fail on its input: exit 2, one ``tarieven: `` message, no traceback; the message."""
    code, _, err = opdracht(capsys, *argv)
    assert code == 2, err
    assert err.startswith("tarieven: "), err
    assert "Traceback" not in err
    return err


# -- writing any value as JSON or TOML text ------------------------------------------------


def _geheel(x: int) -> str:
    try:
        return str(x)
    except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits): write them anyway
        teken = "-" if x < 0 else ""
        return teken + "9" * 5000


def als_json(x: Any) -> str:
    """JSON text of ``x``; NaN and infinities as the literals a careless writer emits, dates as text."""
    if isinstance(x, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))}: {als_json(v)}" for k, v in x.items()) + "}"
    if isinstance(x, list):
        return "[" + ", ".join(als_json(v) for v in x) + "]"
    if isinstance(x, bool) or x is None:
        return json.dumps(x)
    if isinstance(x, int):
        return _geheel(x)
    if isinstance(x, float):
        return "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity") if math.isinf(x) else repr(x)
    if isinstance(x, (dt.date, dt.time)):
        return json.dumps(x.isoformat())
    return json.dumps(str(x), ensure_ascii=False)


def _toml_waarde(x: Any) -> str:
    if isinstance(x, dict):
        return (
            "{ " + ", ".join(f"{json.dumps(str(k))} = {_toml_waarde(v)}" for k, v in x.items() if v is not None) + " }"
        )
    if isinstance(x, list):
        return "[" + ", ".join(_toml_waarde(v) for v in x if v is not None) + "]"
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return _geheel(x)
    if isinstance(x, float):
        return "nan" if math.isnan(x) else ("inf" if x > 0 else "-inf") if math.isinf(x) else repr(x)
    if isinstance(x, (dt.date, dt.time)):
        return x.isoformat()
    return json.dumps(str(x), ensure_ascii=False)


def als_toml(d: dict[str, Any]) -> str:
    """TOML text of a dict: one ``"key" = value`` line per top-level key (tables inline); None left out."""
    return "".join(f"{json.dumps(str(k))} = {_toml_waarde(v)}\n" for k, v in d.items() if v is not None)


def schrijf(pad: Path, tekst: str) -> Path:
    pad.write_text(tekst, encoding="utf-8")
    return pad
