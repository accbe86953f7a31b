"""Recalculate workbooks in LibreOffice Calc, headless, in one batch (run by the system python3 with python3-uno).

Usage: ``python3 libreoffice_herbereken.py UITVOERMAP WERKMAP.xlsx ...``

One LibreOffice process is started with its own fresh user profile and a private pipe;
each workbook is loaded hidden, recalculated with ``calculateAll()`` (LibreOffice does not
recalculate an ``.xlsx`` on load by default: it keeps the cached values) and stored as
``.xlsx`` under the same name in UITVOERMAP. The process is ended at the end. Prints the
LibreOffice version on the first line.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _eigenschap(naam: str, waarde: object) -> PropertyValue:
    p = PropertyValue()
    p.Name = naam
    p.Value = waarde
    return p


def _verbind(pijp: str, proces: subprocess.Popen[bytes], wacht: float = 60.0) -> object:
    lokaal = uno.getComponentContext()
    zoeker = lokaal.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", lokaal)
    einde = time.monotonic() + wacht
    while True:
        try:
            return zoeker.resolve(f"uno:pipe,name={pijp};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if proces.poll() is not None or time.monotonic() > einde:
                raise
            time.sleep(0.2)


def main(argv: list[str]) -> int:
    uit = Path(argv[0]).resolve()
    bestanden = [Path(a).resolve() for a in argv[1:]]
    pijp = f"tarieven_{uuid.uuid4().hex}"
    with tempfile.TemporaryDirectory(prefix="lo-profiel-") as profiel:
        proces = subprocess.Popen(
            [
                "soffice",
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                "--nodefault",
                "--nolockcheck",
                f"-env:UserInstallation={Path(profiel).as_uri()}",
                f"--accept=pipe,name={pijp};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            ctx = _verbind(pijp, proces)
            smgr = ctx.ServiceManager  # type: ignore[attr-defined]
            desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            config = smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
            knoop = config.createInstanceWithArguments(
                "com.sun.star.configuration.ConfigurationAccess",
                (_eigenschap("nodepath", "/org.openoffice.Setup/Product"),),
            )
            print(f"LibreOffice {knoop.getByName('ooSetupVersionAboutBox')}", flush=True)
            for pad in bestanden:
                doc = desktop.loadComponentFromURL(pad.as_uri(), "_blank", 0, (_eigenschap("Hidden", True),))
                try:
                    doc.calculateAll()
                    doel = (uit / pad.name).as_uri()
                    doc.storeToURL(doel, (_eigenschap("FilterName", "Calc MS Excel 2007 XML"),))
                finally:
                    doc.close(True)
            desktop.terminate()
        finally:
            try:
                proces.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proces.kill()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("SAL_USE_VCLPLUGIN", "svp")
    sys.exit(main(sys.argv[1:]))
