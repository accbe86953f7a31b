"""Build hook: the wheel carries a parsed twin of every bundled parameter file (``X.toml.json``).

The twin is written by the package's own function (:func:`tarieven.leescache.schrijf_tweelingen`),
so it holds exactly what the strict reader makes of the TOML, with the TOML's hash; the
installed package reads it instead of parsing TOML at every start. Only the wheel gets
twins: an editable install (a checkout) parses the TOML.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class Tweelingen(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version != "standard":
            return
        sys.path.insert(0, self.root)
        try:
            from tarieven.leescache import schrijf_tweelingen
        finally:
            sys.path.remove(self.root)
        self._map = Path(tempfile.mkdtemp(prefix="tarieven-tweelingen-"))
        for pad, relatief in schrijf_tweelingen(Path(self.root) / "params", self._map):
            build_data["force_include"][str(pad)] = f"tarieven/params/{relatief.as_posix()}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if getattr(self, "_map", None) is not None:
            shutil.rmtree(self._map, ignore_errors=True)
