"""Helpers for the tests of untrusted input (issue 18): the command line in a fresh process,
bounded in time and memory, and a provider's submission written as a file."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

GEHEUGEN = 500 * 2**20
"""Address space a command may use (500 MB): reading a 3 GB file whole would fail under it."""
TIJD = 60.0
"""Seconds a command may take before the test fails (a hang would otherwise stop the suite)."""


def _begrens() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (GEHEUGEN, GEHEUGEN))


def draai(
    *argv: str, cwd: Path, omgeving: dict[str, str] | None = None, tijd: float = TIJD
) -> subprocess.CompletedProcess[str]:
    """``python -m tarieven ARGV`` in a fresh process with at most :data:`GEHEUGEN` of address space."""
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "MPLBACKEND": "Agg", **(omgeving or {})}
    return subprocess.run(
        [sys.executable, "-m", "tarieven", *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=tijd,
        preexec_fn=_begrens,
        check=False,
    )


def fout(r: subprocess.CompletedProcess[str]) -> str:
    """The message of a command that must fail on its input: exit 2, no traceback."""
    assert r.returncode == 2, (r.returncode, r.stdout[-2000:], r.stderr[-2000:])
    assert r.stderr.startswith("tarieven: "), r.stderr
    assert "Traceback" not in r.stderr
    return r.stderr


def inzending(map_: Path, naam: str, tekst: str) -> Path:
    """A submission file in ``map_`` (the text dedented)."""
    pad = map_ / naam
    pad.write_text(textwrap.dedent(tekst).lstrip(), encoding="utf-8")
    return pad
