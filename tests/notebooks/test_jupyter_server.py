"""The README's way of opening the notebooks works: JupyterLab with jupytext's contents manager
(the configuration ``nox -s lab`` uses) serves every ``.py`` in ``notebooks/`` as a notebook.

Starts a real Jupyter server on localhost with the notebook extras and asks its contents API.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jupytext
import pytest

NOTEBOOKS = Path(__file__).parents[2] / "notebooks"
CONFIG = NOTEBOOKS / ".jupyter" / "jupyter_server_config.json"
PADEN = sorted(NOTEBOOKS.glob("*.py"))


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, url: str, token: str) -> None:
        self.url, self.token = url, token

    def get(self, pad: str) -> Any:
        verzoek = urllib.request.Request(f"{self.url}{pad}", headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(verzoek, timeout=30) as antwoord:
            return json.load(antwoord)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("jupyter")
    poort, token = _vrije_poort(), secrets.token_hex(16)
    opdracht = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        f"--config={CONFIG}",
        f"--ServerApp.root_dir={NOTEBOOKS}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={poort}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        opdracht.append("--allow-root")  # CI containers run as root
    omgeving = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"), "JUPYTER_CONFIG_DIR": str(tmp / "config")}
    log = (tmp / "server.log").open("w")
    proces = subprocess.Popen(opdracht, stdout=log, stderr=subprocess.STDOUT, env=omgeving, cwd=tmp)
    s = Server(f"http://127.0.0.1:{poort}", token)
    try:
        einde = time.monotonic() + 90
        while True:
            try:
                s.get("/api/status")
                break
            except (urllib.error.URLError, ConnectionError):
                if proces.poll() is not None or time.monotonic() > einde:
                    raise AssertionError((tmp / "server.log").read_text()) from None
                time.sleep(0.5)
        yield s
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proces.kill()
        log.close()


def test_er_zijn_notebooks() -> None:
    assert PADEN


def test_de_map_toont_elke_py_als_notebook(server: Server) -> None:
    inhoud = server.get("/api/contents/?content=1")["content"]
    soort = {item["name"]: item["type"] for item in inhoud}
    assert {p.name: "notebook" for p in PADEN}.items() <= soort.items()


@pytest.mark.parametrize("pad", PADEN, ids=[p.stem for p in PADEN])
def test_py_wordt_als_notebook_geopend(server: Server, pad: Path) -> None:
    model = server.get(f"/api/contents/{pad.name}?content=1")
    assert model["type"] == "notebook"
    cellen = model["content"]["cells"]
    verwacht = jupytext.read(pad).cells
    assert [c["cell_type"] for c in cellen] == [c.cell_type for c in verwacht]
    assert [c["source"] for c in cellen] == [c.source for c in verwacht]
    assert cellen[0]["cell_type"] == "markdown"
    assert cellen[0]["source"].startswith("# ")  # the notebook's title
    assert model["content"]["metadata"]["kernelspec"]["name"] == "python3"
