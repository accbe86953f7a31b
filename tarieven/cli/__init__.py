"""Command line: ``tarieven bereken``, ``uitleg``, ``producten``, ``parameters``, ``indexeer``, ``scenario``,
``test``, ``vergelijk``, ``sjabloon``, ``niveau``, ``rapport``.

The command line parses arguments, calls the library and prints; every rule lives in the
library. Help and messages are Dutch. Bad input: one Dutch message on stderr and exit
status 2, never a traceback.
"""

from __future__ import annotations

import os

# The command line computes element by element and never multiplies matrices: OpenBLAS's
# thread pool, started when numpy is imported, only costs start-up time (about 0.05 s of a
# 0.2 s command on 2 cores). Set before numpy is imported; a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import contextlib
import importlib
import io
import sys
from collections.abc import Callable, Sequence
from typing import IO, Any, NoReturn

from tarieven._versie import __version__
from tarieven.cli import opties
from tarieven.fouten import TarievenFout, veilig

__all__ = ["main"]


class _NlHulpopmaak(argparse.HelpFormatter):
    """argparse's help with a Dutch usage line."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        if width is None:  # what argparse does, without importing shutil (and bz2, lzma) on every start
            try:
                width = os.get_terminal_size(sys.__stdout__.fileno()).columns - 2 if sys.__stdout__ else 78
            except (OSError, ValueError):
                width = int(os.environ.get("COLUMNS", 80)) - 2
        super().__init__(prog, indent_increment, max_help_position, width)

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


# argparse's own messages, in the order they are tried; without touching argparse's
# module-level gettext (that would change every other argparse user in the process)
_VERTALING = (
    ("the following arguments are required:", "deze argumenten ontbreken:"),
    ("invalid choice:", "ongeldige keuze:"),
    ("(choose from", "(kies uit"),
    ("not allowed with argument", "gaat niet samen met"),
    ("unrecognized arguments:", "onbekende argumenten:"),
    ("expected one argument", "verwacht één waarde"),
    ("invalid float value:", "geen getal:"),
    ("invalid int value:", "geen geheel getal:"),
    ("ambiguous option:", "dubbelzinnige optie:"),
    ("could match", "kan zijn"),
)


class _NlParser(argparse.ArgumentParser):
    """ArgumentParser with Dutch help and error messages (the users are Dutch analysts)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _NlHulpopmaak)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        for engels, nederlands in _VERTALING:
            message = message.replace(engels, nederlands)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


def _parser(opdracht: str | None = None) -> argparse.ArgumentParser:
    """The parser; with a known ``opdracht`` only that subcommand's (see :func:`opties.voeg_toe`)."""
    p = _NlParser(
        prog="tarieven",
        description="Reële tarieven voor jeugdhulp-groepsproducten: transparant en reproduceerbaar berekend.",
    )
    p.add_argument("--versie", action="version", version=f"tarieven {__version__}", help="toon de versie en stop")
    sub = p.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT")
    opties.voeg_toe(sub, opdracht)
    return p


_OPDRACHTEN = {
    "bereken": ("tarieven.cli.uitvoer", "bereken"),
    "uitleg": ("tarieven.cli.uitvoer", "uitleg"),
    "producten": ("tarieven.cli.lijsten", "producten"),
    "parameters": ("tarieven.cli.lijsten", "parameters"),
    "indexeer": ("tarieven.cli.lijsten", "indexeer"),
    "scenario": ("tarieven.cli.scenario", "voer_uit"),
    "test": ("tarieven.cli.lijsten", "test"),
    "normeer": ("tarieven.cli.lijsten", "normeer"),
    "vergelijk": ("tarieven.cli.vergelijk", "vergelijk"),
    "sjabloon": ("tarieven.cli.sjabloon", "sjabloon"),
    "niveau": ("tarieven.cli.niveau", "niveau"),
    "rapport": ("tarieven.cli.rapport", "rapport"),
}
"""Each command's implementation, imported only when that command runs (start-up time)."""


class _VeiligeStroom:
    """Standard output or error with every control character and bidirectional override that text
    read from a file could carry made visible (:func:`tarieven.fouten.veilig`), newlines kept.
    CSV goes to the byte stream underneath (``buffer``) as data, for tools. Not an ``io`` class:
    dropping the wrapper must not close the stream underneath."""

    def __init__(self, stroom: IO[str]) -> None:
        self._stroom = stroom

    def write(self, tekst: str) -> int:
        self._stroom.write(veilig(tekst, regels=True))
        return len(tekst)

    def flush(self) -> None:
        self._stroom.flush()

    def close(self) -> None:  # closing stderr after a broken pipe closes the real one
        self._stroom.close()

    def isatty(self) -> bool:
        return self._stroom.isatty()

    def fileno(self) -> int:
        return self._stroom.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self._stroom, "encoding", "utf-8")

    def __getattr__(self, naam: str) -> Any:  # buffer, errors, ...: those of the stream underneath
        return getattr(self._stroom, naam)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (0 success, 2 bad input).

    Everything written to standard output and error as text passes :func:`tarieven.fouten.veilig`:
    no escape sequence or right-to-left override from a file reaches the terminal raw.
    """
    uit, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _VeiligeStroom(uit), _VeiligeStroom(err)  # type: ignore[assignment,unused-ignore]
    try:
        return _main(argv)
    finally:
        with contextlib.suppress(OSError, ValueError):  # a closed or broken pipe: nothing more to say
            sys.stdout.flush()
        sys.stdout, sys.stderr = uit, err


def _main(argv: Sequence[str] | None) -> int:
    try:
        argv = sys.argv[1:] if argv is None else list(argv)
        args = _parser(argv[0] if argv else None).parse_args(argv)
        try:
            module, functie = _OPDRACHTEN[args.opdracht]
            opdracht: Callable[[argparse.Namespace], int] = getattr(importlib.import_module(module), functie)
            return opdracht(args)
        except TarievenFout as e:
            print(f"tarieven: {e}", file=sys.stderr)
            return 2
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        try:  # what is still buffered goes nowhere, also when Python flushes at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
