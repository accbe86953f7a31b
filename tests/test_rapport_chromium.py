"""A browser shows the HTML report: headless Chromium takes a screenshot, and it is not blank.

Chromium opens the report as a local file with its network features off (as the machine's
closed network asks) and takes a screenshot. The picture must show text (dark pixels over a
good part of the page) and the waterfall (pixels in the blue of its bars: the inline SVG was
drawn). Without Chromium the test is skipped with the reason; in CI (``CI=true``) that is a
failure: ``.ci/run`` installs Debian's ``chromium``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import tarieven
from tarieven.plots import KLEUR_KOSTEN

VLAGGEN = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)


def _chromium() -> str:
    for naam in ("chromium", "chromium-browser", "google-chrome"):
        if (pad := shutil.which(naam)) is not None:
            return pad
    reden = "Chromium staat niet op het pad (Debian: apt-get install chromium; .ci/run doet dat)"
    if os.environ.get("CI") == "true":
        pytest.fail(reden)
    pytest.skip(reden)


def test_chromium_toont_het_rapport(tmp_path: Path) -> None:
    browser = _chromium()
    rapport = tarieven.bereken("41A22", peildatum="2025-06-01").rapport(tmp_path / "rapport.html")
    foto = tmp_path / "scherm.png"
    subprocess.run(
        [
            browser,
            *VLAGGEN,
            f"--user-data-dir={tmp_path / 'profiel'}",
            "--window-size=1000,1800",
            f"--screenshot={foto}",
            rapport.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    beeld = np.asarray(Image.open(foto).convert("RGB"), dtype=np.int16)
    assert beeld.shape[:2] == (1800, 1000)
    donker = (beeld.sum(axis=2) < 3 * 110).mean()
    assert donker > 0.01, f"te weinig tekst op de schermafdruk: {donker:.2%} donkere pixels"
    regels_met_inkt = ((beeld.sum(axis=2) < 3 * 200).any(axis=1)).mean()
    assert regels_met_inkt > 0.3, f"de pagina is grotendeels leeg: {regels_met_inkt:.0%} van de regels heeft inkt"
    blauw = np.array([int(KLEUR_KOSTEN[i : i + 2], 16) for i in (1, 3, 5)], dtype=np.int16)
    balken = (np.abs(beeld - blauw).max(axis=2) < 12).mean()
    assert balken > 0.002, "de waterval (inline SVG) is niet getekend"
