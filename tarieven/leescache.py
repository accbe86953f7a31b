"""Parsed twins of the bundled parameter files, built into the wheel: no state outside the package.

TOML is parsed in pure Python; a command that prices one product would spend a tenth of
its time on it. When the wheel is built (``hatch_build.py``), every bundled ``X.toml`` gets
a twin ``X.toml.json`` beside it: the data the strict reader (:func:`tarieven.lezen.lees_bestand`)
makes of it, and the SHA-256 of the TOML's bytes. :func:`lees_parameterbestand` reads a
twin only

- for a file in the installed package's own ``params`` folder (nobody but the package's own
  install writes there; a twin beside a user's file, or in a checkout, is never read);
- when the twin is a regular file, not a symbolic link, and at most :data:`MAX_TWEELING` bytes
  (checked before it is read);
- when the hash in the twin equals the hash of the TOML's bytes as read now, so an edited
  TOML is parsed again.

Anything else (no twin, a corrupt or stale one) parses the TOML. Nothing is ever written at
run time, and no copy of a user's file is kept anywhere. The twin holds parsed data, never
a validated result: the loader checks it exactly as it checks a freshly parsed file. A test
of the built wheel (``tests/wheel``) compares every twin with its TOML.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tarieven.fouten import InvoerFout
from tarieven.lezen import MAX_BYTES, lees_bytes, ontleed_bestand

__all__ = ["MAX_TWEELING", "lees_parameterbestand", "schrijf_tweelingen", "tweeling_tekst"]

MAX_TWEELING = 2 * MAX_BYTES
"""Largest twin read: the JSON of a parameter file of at most :data:`tarieven.lezen.MAX_BYTES`."""
ACHTERVOEGSEL = ".json"
"""A twin's name: the TOML's name with this added (``cao-jeugdzorg.toml.json``)."""
_EIGEN_MAP = Path(__file__).parent / "params"
"""The installed package's own parameter folder (in a checkout it does not exist)."""


def _json_datum(x: Any) -> Any:
    if isinstance(x, dt.datetime):
        return {"__datumtijd__": x.isoformat()}
    if isinstance(x, dt.date):
        return {"__datum__": x.isoformat()}
    raise TypeError(type(x).__name__)


def _datum_json(d: dict[str, Any]) -> Any:
    if len(d) == 1 and "__datum__" in d:
        return dt.date.fromisoformat(d["__datum__"])
    if len(d) == 1 and "__datumtijd__" in d:
        return dt.datetime.fromisoformat(d["__datumtijd__"])
    return d


def _hash(ruw: bytes) -> str:
    return hashlib.sha256(ruw).hexdigest()


def tweeling_tekst(pad: Path) -> str:
    """The twin of one TOML file: its hash and its data, as JSON text (for the wheel's build)."""
    ruw = lees_bytes(pad, soort="parameterbestand")
    data = ontleed_bestand(ruw, pad, soort="parameterbestand")
    return json.dumps({"sha256": _hash(ruw), "data": data}, default=_json_datum, ensure_ascii=False, sort_keys=True)


def schrijf_tweelingen(map_: Path, doel: Path) -> Iterator[tuple[Path, Path]]:
    """Write the twin of every ``*.toml`` under ``map_`` to the same place under ``doel``;
    yields (twin written, its path relative to ``doel``). Used by the wheel's build hook."""
    for toml in sorted(map_.rglob("*.toml")):
        relatief = toml.relative_to(map_).with_name(toml.name + ACHTERVOEGSEL)
        uit = doel / relatief
        uit.parent.mkdir(parents=True, exist_ok=True)
        uit.write_text(tweeling_tekst(toml), encoding="utf-8")
        yield uit, relatief


def _tweeling(pad: Path, ruw: bytes) -> dict[str, Any] | None:
    """The twin's data, if it may be trusted for the TOML ``pad`` whose bytes are ``ruw``."""
    try:
        map_ = pad.parent.resolve(strict=True)
        if map_ not in (_EIGEN_MAP.resolve(), (_EIGEN_MAP / "producten").resolve()):
            return None
    except (OSError, RuntimeError):  # RuntimeError: a loop of symbolic links
        return None
    tweeling = pad.with_name(pad.name + ACHTERVOEGSEL)
    try:
        if tweeling.is_symlink():
            return None
        tekst = lees_bytes(tweeling, soort="tweeling", max_bytes=MAX_TWEELING)
        inhoud = json.loads(tekst, object_hook=_datum_json)
    except (InvoerFout, ValueError, TypeError, RecursionError):
        return None
    if not isinstance(inhoud, dict) or inhoud.get("sha256") != _hash(ruw) or not isinstance(inhoud.get("data"), dict):
        return None
    data: dict[str, Any] = inhoud["data"]
    return data


def lees_parameterbestand(pad: Path) -> dict[str, Any]:
    """The file's TOML as data: from its twin in the installed package when that matches, else parsed."""
    ruw = lees_bytes(pad, soort="parameterbestand")
    if (data := _tweeling(pad, ruw)) is not None:
        return data
    return ontleed_bestand(ruw, pad, soort="parameterbestand")
