"""Writing an output file: atomically, never through a symbolic link, and reproducibly.

Every output of the package (a workbook, a CSV file, a plot, the key of a cost study) is
written by :func:`atomair`: into a new temporary file with an unpredictable name in the
target's own folder, then moved into place in one step (``os.replace``), or linked there
when an existing file must not be replaced (``os.link`` fails if the name exists). So a
reader never sees half a file, eight processes writing the same workbook leave one whole
workbook, a symbolic link at the target is replaced rather than followed, and a failed
write leaves nothing behind.

A date an output carries as "made" (a workbook's document properties) is :func:`gemaakt`:
``SOURCE_DATE_EPOCH`` when set (reproducible-builds.org), else the start of the zip format,
1980-01-01, the date the members of every workbook carry: the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from tarieven.fouten import InvoerFout, Probleem

__all__ = ["BRONDATUM", "atomair", "gemaakt", "schrijf_bytes"]

BRONDATUM = "SOURCE_DATE_EPOCH"
"""Environment variable: seconds since 1970-01-01 UTC, the date an output says it was made."""
ZIP_BEGIN = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


def gemaakt(*, zonder: dt.datetime | None = ZIP_BEGIN) -> dt.datetime:
    """The date an output says it was made: ``SOURCE_DATE_EPOCH`` when set, else ``zonder``:
    1980-01-01 (UTC) for a file whose bytes must not depend on when it was made (a workbook),
    or now (``zonder=None``, whole seconds) for a document a person reads as dated (a report)."""
    waarde = os.environ.get(BRONDATUM, "").strip()
    if not waarde:
        return zonder if zonder is not None else dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        seconden = int(waarde)
        return dt.datetime.fromtimestamp(seconden, dt.UTC)
    except (ValueError, OverflowError, OSError):
        verwacht = "een geheel aantal seconden sinds 1970-01-01 (UTC), zoals 1767225600"
        raise InvoerFout([Probleem(BRONDATUM, waarde, verwacht)]) from None


def _umask() -> int:
    huidig = os.umask(0o077)
    os.umask(huidig)
    return huidig


@contextmanager
def atomair(
    pad: str | os.PathLike[str], *, overschrijven: bool = True, prive: bool = False, optie: str = "uitvoer"
) -> Iterator[Path]:
    """A temporary path to write to; on leaving the block it becomes ``pad`` in one step.

    ``overschrijven=False``: an existing file (or a link) at ``pad`` is an error, checked
    before and again at the moment of linking, so two processes never both win. ``prive``:
    the file keeps the permissions of a new temporary file (only the user can read it, for
    the key of a cost study); otherwise those of any new file under the user's umask.
    ``optie`` names the option or argument in messages. On an error inside the block the
    temporary file is removed and ``pad`` is untouched.
    """
    pad = Path(pad)
    if not overschrijven and (pad.exists() or pad.is_symlink()):
        raise InvoerFout([Probleem(optie, str(pad), "een nieuw bestand; dit bestaat al (kies een andere naam)")])
    try:
        fd, naam = tempfile.mkstemp(dir=pad.parent, prefix=f".{pad.name[:100]}.", suffix=".tmp")
    except OSError as e:
        verwacht = f"een bestand in een bestaande map waarin geschreven kan worden ({e.strerror})"
        raise InvoerFout([Probleem(optie, str(pad), verwacht)]) from None
    os.close(fd)
    tijdelijk = Path(naam)
    try:
        yield tijdelijk
        if not prive:
            os.chmod(tijdelijk, 0o666 & ~_umask())
        try:
            _zet_neer(tijdelijk, pad, overschrijven)
        except FileExistsError:
            raise InvoerFout(
                [Probleem(optie, str(pad), "een nieuw bestand; dit bestaat al (kies een andere naam)")]
            ) from None
        except OSError as e:
            verwacht = f"een bestand dat geschreven kan worden ({e.strerror})"
            raise InvoerFout([Probleem(optie, str(pad), verwacht)]) from None
    finally:
        with suppress(OSError):
            tijdelijk.unlink()


def _zet_neer(tijdelijk: Path, pad: Path, overschrijven: bool) -> None:
    """The written file into place: replacing what is there, or only where nothing is."""
    if overschrijven:
        os.replace(tijdelijk, pad)
        return
    try:
        os.link(tijdelijk, pad)  # atomic, and fails when the name exists (also a dangling link)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then replace
        if pad.exists() or pad.is_symlink():
            raise FileExistsError(str(pad)) from None
        os.replace(tijdelijk, pad)


def schrijf_bytes(
    pad: str | os.PathLike[str],
    inhoud: bytes,
    *,
    overschrijven: bool = True,
    prive: bool = False,
    optie: str = "uitvoer",
) -> Path:
    """Write ``inhoud`` to ``pad`` atomically (:func:`atomair`); returns the path."""
    with atomair(pad, overschrijven=overschrijven, prive=prive, optie=optie) as tijdelijk:
        tijdelijk.write_bytes(inhoud)
    return Path(pad)
