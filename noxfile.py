"""Development sessions. `nox` runs the default ones: tests, notebooks, docs, lint, typing, params, build.

nox                 # the whole test suite (what CI runs)
nox -s tests        # pytest with the derandomised hypothesis profile
nox -s notebooks    # execute every notebook from an empty folder; JupyterLab serves each .py as a notebook
nox -s docs         # the documentation site from the executed notebooks (run notebooks first)
nox -s lab          # open JupyterLab on notebooks/ (not part of the default run)
nox -s fuzz         # hypothesis properties with many more random examples
nox -s benchmarks   # performance measurements (not part of the default run)
nox -s build        # wheel + install in a fresh venv + `tarieven bereken` from an empty folder
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import nox

nox.options.sessions = ["tests", "notebooks", "docs", "lint", "typing", "params", "build"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).parent
LAB = (".[notebooks]",)
"""What `nox -s lab` installs; the notebooks session runs every notebook in exactly this (plus pytest)."""
UITGEVOERD = ROOT / "build" / "notebooks"  # the notebooks as the notebooks session executed them
JUPYTER_CONFIG = ROOT / "notebooks" / ".jupyter" / "jupyter_server_config.json"  # jupytext's contents manager


@nox.session
def tests(session: nox.Session) -> None:
    """Unit, worked-example, property and CLI tests."""
    session.install("-e", ".[test]")
    session.run(
        "pytest",
        "--ignore=tests/notebooks",
        "--ignore=tests/wheel",
        *session.posargs,
        env={"MPLBACKEND": "Agg", "HYPOTHESIS_PROFILE": "ci"},
    )


@nox.session
def fuzz(session: nox.Session) -> None:
    """The hypothesis properties and fuzzes (input files, mutated templates) with the heavy `fuzz` profile."""
    session.install("-e", ".[test]")
    paden = ["tests/test_eigenschappen.py", "tests/robuustheid/test_fuzz.py", "tests/veiligheid/test_sjabloon_fuzz.py"]
    session.run("pytest", *paden, *session.posargs, env={"HYPOTHESIS_PROFILE": "fuzz", "MPLBACKEND": "Agg"})


@nox.session
def notebooks(session: nox.Session) -> None:
    """Execute every notebook headless from an empty folder, and keep them executed for the docs.

    Also starts JupyterLab on localhost the way ``nox -s lab`` does and checks that each
    ``.py`` in notebooks/ is served as a notebook.
    """
    session.install("-e", *LAB, "pytest")  # lab's own environment: a notebook that needs more fails here
    session.run("python", "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3")
    shutil.rmtree(UITGEVOERD, ignore_errors=True)
    start = time.perf_counter()
    session.run(
        "pytest",
        "--confcutdir=tests/notebooks",
        "tests/notebooks",
        "--durations=0",
        *session.posargs,
        env={"MPLBACKEND": "Agg", "TARIEVEN_NOTEBOOKS_UIT": str(UITGEVOERD)},
    )
    session.log(f"notebooks uitgevoerd in {time.perf_counter() - start:.1f} s (met de JupyterLab-test)")


@nox.session
def docs(session: nox.Session) -> None:
    """The documentation site (Sphinx + myst-nb, warnings are errors) in build/docs.

    Shows the notebooks exactly as the notebooks session executed them: nothing is executed
    a second time, and a missing or stale notebook stops the build (docs/conf.py).
    """
    session.install("-e", ".[docs]")
    doel = ROOT / "docs" / "notebooks"
    shutil.rmtree(doel, ignore_errors=True)
    doel.mkdir(parents=True)
    for pad in sorted(UITGEVOERD.glob("*.ipynb")):
        shutil.copy2(pad, doel / pad.name)
    uit = ROOT / "build" / "docs"
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", str(uit), *session.posargs)
    session.log(f"site: {uit / 'index.html'}")


@nox.session
def lab(session: nox.Session) -> None:
    """Open JupyterLab on notebooks/, each .py opening as a notebook (jupytext's contents manager)."""
    session.install("-e", *LAB)
    session.run("python", "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3")
    session.run(
        "jupyter", "lab", f"--config={JUPYTER_CONFIG}", f"--ServerApp.root_dir={ROOT / 'notebooks'}", *session.posargs
    )


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (lint and formatting) and import-linter (layers import one way: pyproject.toml)."""
    session.install("ruff", "import-linter")
    paden = [
        p
        for p in ("tarieven", "tests", "benchmarks", "notebooks", "docs", "noxfile.py", "hatch_build.py")
        if (ROOT / p).exists()
    ]
    session.run("ruff", "check", *paden)
    session.run("ruff", "format", "--check", *paden)
    session.install("-e", ".")  # import-linter reads the package as installed
    session.run("lint-imports")


@nox.session
def typing(session: nox.Session) -> None:
    """mypy --strict on the package."""
    session.install("-e", ".", "mypy", "pandas-stubs")
    session.run("mypy")


@nox.session
def params(session: nox.Session) -> None:
    """Validate every bundled parameter file and report the indicatief values to replace."""
    session.install("-e", ".")
    session.run("tarieven", "parameters", "--controle", *session.posargs)


@nox.session
def benchmarks(session: nox.Session) -> None:
    """Performance figures (not part of the default run)."""
    session.install("-e", ".[test]")
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        session.run("python", str(script), *session.posargs)


@nox.session
def build(session: nox.Session) -> None:
    """Build the wheel, install it in a fresh venv, and price every catalogue product from an empty folder."""
    session.install("build", "pytest")
    session.run("pytest", "--confcutdir=tests/wheel", "tests/wheel", *session.posargs)
