"""Development sessions. `nox` runs the default ones: tests, notebooks, lint, typing.

nox                 # the whole test suite (what CI runs)
nox -s tests        # pytest with the derandomised hypothesis profile
nox -s fuzz         # hypothesis properties with many more random examples
nox -s benchmarks   # performance measurements (not part of the default run)
nox -s build        # wheel + install in a fresh venv + `tarieven bereken` from an empty folder
"""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.sessions = ["tests", "notebooks", "lint", "typing", "params", "build"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).parent


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
    """The hypothesis properties with the heavy `fuzz` profile."""
    session.install("-e", ".[test]")
    session.run("pytest", "tests/test_eigenschappen.py", *session.posargs, env={"HYPOTHESIS_PROFILE": "fuzz"})


@nox.session
def notebooks(session: nox.Session) -> None:
    """Execute every notebook (jupytext percent-format .py) from a clean kernel."""
    session.install("-e", ".[notebooks,test]")
    session.run("python", "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3")
    session.run("pytest", "tests/notebooks", *session.posargs, env={"MPLBACKEND": "Agg"})


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (lint and formatting) and import-linter (layers import one way: pyproject.toml)."""
    session.install("ruff", "import-linter")
    paden = [p for p in ("tarieven", "tests", "benchmarks", "notebooks", "noxfile.py") if (ROOT / p).exists()]
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
