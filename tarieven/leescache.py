"""A cache of parsed parameter files: TOML is parsed once per exact file contents.

TOML is parsed in pure Python; a command that prices one product would spend a sixth of
its time on it. The cache holds the parsed data (JSON, keyed by a hash of the file's
bytes and the package version), never a validated result: the loader checks it exactly
as it checks a freshly parsed file. A cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from tarieven._versie import __version__
from tarieven.lezen import lees_bestand

__all__ = ["CACHE_OMGEVING", "lees_parameterbestand"]

CACHE_OMGEVING = "TARIEVEN_CACHE"
"""Environment variable: the folder for parsed parameter files; empty turns the cache off.
Default: ``$XDG_CACHE_HOME/tarieven`` or ``~/.cache/tarieven``."""


def _cachemap() -> Path | None:
    waarde = os.environ.get(CACHE_OMGEVING)
    if waarde is not None:
        return Path(waarde) if waarde else None
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tarieven"


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


def lees_parameterbestand(pad: Path) -> dict[str, Any]:
    """The file's TOML as data, from the cache when its exact contents were read before."""
    map_ = _cachemap()
    try:
        ruw = pad.read_bytes() if map_ is not None and pad.is_file() else None
    except OSError:
        ruw = None
    if map_ is None or ruw is None:
        return lees_bestand(pad, soort="parameterbestand")
    cache = map_ / (hashlib.sha256(__version__.encode() + b"\0" + ruw).hexdigest()[:40] + ".json")
    try:
        data: dict[str, Any] = json.loads(cache.read_text(encoding="utf-8"), object_hook=_datum_json)
        return data
    except (OSError, ValueError):
        pass
    data = lees_bestand(pad, soort="parameterbestand")
    try:
        map_.mkdir(parents=True, exist_ok=True)
        tijdelijk = cache.with_name(f"{cache.stem}.{os.getpid()}.tmp")
        tijdelijk.write_text(json.dumps(data, default=_json_datum), encoding="utf-8")
        tijdelijk.replace(cache)
    except (OSError, TypeError, ValueError):
        pass
    return data
