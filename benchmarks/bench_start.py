"""Benchmark: the wall time of one whole command, ``tarieven bereken 41A22``.

Run: ``nox -s benchmarks`` or ``python benchmarks/bench_start.py``. Starts the installed
command 10 times (after one warm-up start that fills the operating system's file cache
and the parsed-parameter cache) and prints the median and the range; target: median
<= 0.2 s on a 2-core machine. The package's bytecode is compiled first, as ``pip
install`` does for a wheel (an editable install under ``PYTHONDONTWRITEBYTECODE=1`` would
otherwise compile every module on every start). Also prints the largest imports.

``--module`` starts ``python -m tarieven`` with this interpreter instead of the installed
command: the package that ``import tarieven`` finds, e.g. a checkout on ``PYTHONPATH``.

``--wiel`` builds the wheel (``pip wheel``), unpacks it twice, once as built and once
without the parsed twins of the parameter files (``*.toml.json``, :mod:`tarieven.leescache`),
and starts ``python -m tarieven`` from each (on ``PYTHONPATH``), interleaved with a bare
``python -c 'import numpy'``: start-up with and without the twins, on the same load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

N = 10
OPDRACHT = ["bereken", "41A22", "--peildatum", "2027-01-01"]


def _commando(module: bool) -> list[str]:
    """The command to start: the installed ``tarieven``, or ``python -m tarieven``."""
    if module:
        return [sys.executable, "-m", "tarieven"]
    exe = shutil.which("tarieven", path=os.path.dirname(sys.executable)) or shutil.which("tarieven")
    if exe is None:
        raise SystemExit("tarieven is niet geïnstalleerd in deze omgeving")
    return [exe]


def _wiel(n: int) -> None:
    """Start-up of the built wheel with and without the parsed twins, interleaved with bare numpy."""
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        t = Path(tmp)
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(t), str(root)],
            check=True,
            capture_output=True,
        )
        wiel = next(t.glob("tarieven-*.whl"))
        paden = {"met tweelingen": t / "met", "zonder tweelingen": t / "zonder"}
        for map_ in paden.values():
            with zipfile.ZipFile(wiel) as z:
                z.extractall(map_)
        tweelingen = sorted((paden["zonder tweelingen"] / "tarieven" / "params").rglob("*.toml.json"))
        for twin in tweelingen:
            twin.unlink()
        import compileall

        for map_ in paden.values():
            compileall.compile_dir(map_ / "tarieven", quiet=1)
        commando = [sys.executable, "-m", "tarieven", *OPDRACHT]
        omgevingen = {k: {**os.environ, "PYTHONPATH": str(v)} for k, v in paden.items()}
        for omgeving in omgevingen.values():  # warm-up: the operating system's file cache
            subprocess.run(commando, capture_output=True, check=True, env=omgeving, cwd=tmp)
        tijden: dict[str, list[float]] = {k: [] for k in [*paden, "kaal"]}
        for _ in range(n):
            for k, omgeving in omgevingen.items():
                t0 = time.perf_counter()
                subprocess.run(commando, capture_output=True, check=True, env=omgeving, cwd=tmp)
                tijden[k].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", "import numpy"], capture_output=True, check=True, cwd=tmp)
            tijden["kaal"].append(time.perf_counter() - t0)
        print(f"{wiel.name}, {len(tweelingen)} tweelingen; tarieven {' '.join(OPDRACHT)}, {n} keer afgewisseld:")
        for k, reeks in tijden.items():
            naam = "python -c 'import numpy'" if k == "kaal" else k
            print(f"  {naam:<26} mediaan {statistics.median(reeks):.3f} s (min {min(reeks):.3f}, max {max(reeks):.3f})")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--module", action="store_true", help="start `python -m tarieven` (e.g. a checkout on PYTHONPATH)")
    p.add_argument("--wiel", action="store_true", help="the built wheel, with and without the parsed twins")
    p.add_argument("-n", type=int, default=N, help=f"number of starts of each (default {N})")
    args = p.parse_args()
    if args.wiel:
        _wiel(args.n)
        return
    commando = _commando(args.module)
    import compileall

    import tarieven

    compileall.compile_dir(os.path.dirname(tarieven.__file__), quiet=1)
    subprocess.run([*commando, *OPDRACHT], capture_output=True, check=True)
    tijden, kaal = [], []
    for _ in range(N):  # interleaved with bare Python + numpy, so both see the same machine load
        t0 = time.perf_counter()
        subprocess.run([*commando, *OPDRACHT], capture_output=True, check=True)
        tijden.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import numpy"], capture_output=True, check=True)
        kaal.append(time.perf_counter() - t0)
    mediaan = statistics.median(tijden)
    oordeel = "gehaald" if mediaan <= 0.2 else "NIET gehaald"
    print(
        f"tarieven {' '.join(OPDRACHT)}: mediaan van {N} {mediaan:.3f} s "
        f"(min {min(tijden):.3f}, max {max(tijden):.3f})   doel <= 0,2 s: {oordeel}"
    )
    print(f"  ter vergelijking, in dezelfde run: python -c 'import numpy' mediaan {statistics.median(kaal):.3f} s")
    uit = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-c",
            "import sys; from tarieven.cli import main; main(sys.argv[1:])",
            *OPDRACHT,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    rijen = []
    for regel in uit.splitlines():
        if regel.startswith("import time:") and "|" in regel and "cumulative" not in regel:
            _, cumulatief, naam = regel.split("|")
            rijen.append((int(cumulatief), naam.rstrip()))
    print("grootste imports (cumulatief, met hun plaats in de boom):")
    for micro, naam in sorted(rijen, reverse=True)[:8]:
        print(f"  {micro / 1e6:.3f} s  {naam}")


if __name__ == "__main__":
    main()
