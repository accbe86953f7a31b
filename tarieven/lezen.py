"""Reading input files: a scenario, an analysis file or a parameter file, strictly and in bounded time.

One reader for every file the user hands over. What it refuses, each with a message that
names the file and suggests the fix:

- a file that is not there, is not a regular file (a FIFO or a device is refused without
  waiting on it), or is larger than :data:`MAX_BYTES` (checked before anything is read);
- a workbook or another binary file handed over as text (an ``.xlsx`` is recognised and
  named as such);
- text that is not UTF-8 (with or without a byte-order mark);
- JSON with a key twice in one object, ``NaN``/``Infinity``, an integer of more than
  :data:`MAX_CIJFERS` digits, or nesting deeper than :data:`MAX_DIEPTE`;
- TOML that does not parse (its own duplicate keys included), with ``nan``/``inf``.

It returns plain Python data (dicts, lists, numbers, strings, dates); what the data means
is checked by the reader of that kind of file.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tarieven.fouten import ZONDER_WAARDE, InvoerFout, Probleem
from tarieven.weergave import aantal

__all__ = [
    "MAX_BYTES",
    "MAX_CIJFERS",
    "MAX_DIEPTE",
    "bestaat",
    "is_uitkomst",
    "lees_bestand",
    "lees_bytes",
    "lees_tekst",
    "ontleed_bestand",
]

MAX_BYTES = 10_000_000
"""Largest input file read (10 MB): a scenario is a few kB."""
MAX_CIJFERS = 30
"""Most digits in one JSON integer; a float has about 17 significant digits."""
MAX_DIEPTE = 32
"""Deepest nesting of tables and lists; a scenario is 4 deep."""

_HANDTEKENINGEN = (
    (b"PK\x03\x04", "een Excel-werkmap (.xlsx) of een ander zip-bestand"),
    (b"\xd0\xcf\x11\xe0", "een oud Excel- of Office-bestand (.xls)"),
    (b"%PDF", "een PDF-bestand"),
)


def _fout(pad: Path | str, verwacht: str, sleutel: str = "(bestand)", waarde: Any = ZONDER_WAARDE) -> InvoerFout:
    return InvoerFout([Probleem(sleutel, waarde, verwacht)], str(pad))


def bestaat(pad: str | os.PathLike[str], *, bestand: bool = False) -> bool:
    """Whether ``pad`` exists (with ``bestand``: as a file). A path the system refuses to look
    up at all (a name longer than it allows) does not exist; it never raises."""
    try:
        return Path(pad).is_file() if bestand else Path(pad).exists()
    except (OSError, ValueError):  # ValueError: a NUL character in the name
        return False


def is_uitkomst(pad: str | os.PathLike[str]) -> bool:
    """Whether a file is a stored result of tarieven (a JSON with ``tarieven_versie``)."""
    p = Path(pad)
    if p.suffix.lower() != ".json" or not bestaat(p, bestand=True):
        return False
    try:
        return "tarieven_versie" in lees_bestand(p)
    except InvoerFout:
        return False


def lees_bytes(
    pad: str | os.PathLike[str], *, soort: str = "scenario", max_bytes: int = MAX_BYTES, koppeling: bool = True
) -> bytes:
    """The bytes of a regular file, at most ``max_bytes``, read in bounded time.

    The file is opened once (without waiting: a FIFO never blocks), checked on the open file
    (a regular file, not a FIFO, device or folder; its size before anything is read) and read
    to at most ``max_bytes + 1`` bytes, so a file that grows or is swapped after the check is
    still refused. ``soort`` names what the file should be in messages; ``koppeling=False``
    refuses a symbolic link (also one put in place after a check). Raises :class:`InvoerFout`
    naming the file.
    """
    pad = Path(pad)
    vlaggen = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not koppeling and pad.is_symlink():
        raise _fout(pad, f"een {soort} als gewoon bestand; dit is een symbolische koppeling", "bestand", str(pad))
    try:
        fd = os.open(pad, vlaggen | (0 if koppeling else getattr(os, "O_NOFOLLOW", 0)))
    except FileNotFoundError:
        raise _fout(pad, f"een bestaand {soort}", "bestand", str(pad)) from None
    except (OSError, ValueError) as e:  # ValueError: a NUL character in the name
        raise _fout(pad, f"een leesbaar {soort} ({getattr(e, 'strerror', None) or e})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            soort_pad = (
                "een map" if stat.S_ISDIR(info.st_mode) else "geen gewoon bestand (een pijp, apparaat of socket)"
            )
            raise _fout(pad, f"een {soort} als gewoon bestand; dit is {soort_pad}", "bestand", str(pad))
        if info.st_size > max_bytes:
            raise _fout(pad, f"een {soort} van hoogstens {_grootte(max_bytes)} (dit is {aantal(info.st_size)} bytes)")
        with os.fdopen(os.dup(fd), "rb") as f:
            ruw = f.read(max_bytes + 1)
    except OSError as e:
        raise _fout(pad, f"een leesbaar {soort} ({e.strerror})") from None
    finally:
        os.close(fd)
    if len(ruw) > max_bytes:
        raise _fout(pad, f"een {soort} van hoogstens {_grootte(max_bytes)} (het groeide tijdens het lezen)")
    return ruw


def _grootte(n: int) -> str:
    return f"{n // 1_000_000} MB" if n >= 1_000_000 else f"{aantal(n)} bytes"


def lees_bestand(pad: str | os.PathLike[str], *, soort: str = "scenario", koppeling: bool = True) -> dict[str, Any]:
    """The contents of a ``.json`` or ``.toml`` file as a dict.

    ``soort`` names what the file should be (``scenario``, ``analysebestand``,
    ``parameterbestand``) in messages; ``koppeling=False`` refuses a symbolic link. Raises
    :class:`InvoerFout` naming the file.
    """
    pad = Path(pad)
    if not (bestaat(pad) or pad.is_symlink()):
        raise _fout(pad, f"een bestaand {soort} (.json of .toml)", "bestand", str(pad))
    return ontleed_bestand(lees_bytes(pad, soort=soort, koppeling=koppeling), pad, soort=soort)


def ontleed_bestand(ruw: bytes, pad: str | os.PathLike[str], *, soort: str = "scenario") -> dict[str, Any]:
    """The bytes of a ``.json`` or ``.toml`` file (:func:`lees_bytes`) as a dict, strictly."""
    pad = Path(pad)
    for kop, wat in _HANDTEKENINGEN:
        if ruw.startswith(kop):
            raise _fout(pad, f"een {soort} als tekst (.json of .toml); dit is {wat}")
    if ruw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fout(pad, f"een {soort} in UTF-8; dit is UTF-16 ('Unicode' in Kladblok): sla het op als UTF-8")
    if b"\x00" in ruw[:4096]:
        raise _fout(pad, f"een {soort} als tekst (.json of .toml); dit is een binair bestand")
    achtervoegsel = pad.suffix.lower()
    if achtervoegsel not in (".json", ".toml"):
        raise _fout(pad, f"een {soort} met extensie .json of .toml", "bestand", str(pad))
    return lees_tekst(_decodeer(ruw, pad), achtervoegsel.removeprefix("."), str(pad))


def _decodeer(ruw: bytes, pad: Path) -> str:
    try:
        return ruw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        regel = ruw[: e.start].count(b"\n") + 1
        raise _fout(
            pad,
            f"tekst in UTF-8; byte {ruw[e.start]:#04x} op regel {regel} is geen UTF-8 (sla het bestand op als "
            "'UTF-8', bijvoorbeeld in Kladblok via 'Opslaan als', codering UTF-8)",
        ) from None


def lees_tekst(tekst: str, formaat: str, bron: str = "<tekst>") -> dict[str, Any]:
    """Parse JSON or TOML text (``formaat`` ``"json"`` or ``"toml"``) into a dict, strictly."""
    if formaat not in ("json", "toml"):
        raise ValueError(f"formaat {formaat!r}: kies 'json' of 'toml'")
    data = _toml(tekst, bron) if formaat == "toml" else _json(tekst, bron)
    if not isinstance(data, Mapping):
        raise _fout(bron, "een object met sleutels ({ ... }) op het hoogste niveau", waarde=type(data).__name__)
    _controleer_diepte(data, bron)
    return dict(data)


def _toml(tekst: str, bron: str) -> Any:
    def geen_nan(s: str) -> float:
        if s.lstrip("+-") in ("nan", "inf"):
            raise ValueError(f"{s} is geen eindig getal")
        return float(s)

    import tomllib  # bundled parameter files come parsed with the wheel (leescache): most commands parse no TOML

    try:
        return tomllib.loads(tekst, parse_float=geen_nan)
    except RecursionError:  # tomllib recurses into nested arrays and inline tables
        raise _fout(bron, f"TOML die hoogstens {MAX_DIEPTE} niveaus diep genest is") from None
    except (tomllib.TOMLDecodeError, ValueError) as e:
        bericht = str(e)
        sleutel = "(bestand)"
        if (m := re.search(r"line (\d+)", bericht)) and int(m.group(1)) <= len(regels := tekst.splitlines()):
            regel = regels[int(m.group(1)) - 1]
            if "=" in regel:
                sleutel = f"regel {m.group(1)}: {regel.split('=', 1)[0].strip()[:60]}"
        raise _fout(bron, f"geldige TOML zonder dubbele sleutels; {bericht}", sleutel) from None


def _json(tekst: str, bron: str) -> Any:
    def geen_dubbele(paren: list[tuple[str, Any]]) -> dict[str, Any]:
        uit: dict[str, Any] = {}
        for k, v in paren:
            if k in uit:
                raise ValueError(f"de sleutel {k!r} staat twee keer in hetzelfde object")
            uit[k] = v
        return uit

    def geen_constante(s: str) -> Any:
        raise ValueError(f"{s} is geen eindig getal")

    def geheel(s: str) -> int:
        if (cijfers := len(s.lstrip("-"))) > MAX_CIJFERS:
            raise ValueError(f"een geheel getal van {cijfers} cijfers is te groot")
        return int(s)

    try:
        return json.loads(tekst, object_pairs_hook=geen_dubbele, parse_constant=geen_constante, parse_int=geheel)
    except json.JSONDecodeError as e:
        raise _fout(bron, f"geldige JSON; {e.msg} op regel {e.lineno}, kolom {e.colno}") from None
    except ValueError as e:
        raise _fout(bron, f"geldige JSON; {e}") from None
    except RecursionError:
        raise _fout(bron, f"JSON die hoogstens {MAX_DIEPTE} niveaus diep genest is") from None


def _controleer_diepte(data: Any, bron: str) -> None:
    stapel: list[tuple[Any, int]] = [(data, 1)]
    while stapel:
        obj, diepte = stapel.pop()
        if diepte > MAX_DIEPTE:
            raise _fout(bron, f"hoogstens {MAX_DIEPTE} niveaus van geneste tabellen en lijsten")
        if isinstance(obj, Mapping):
            stapel.extend((v, diepte + 1) for v in obj.values())
        elif isinstance(obj, list):
            stapel.extend((v, diepte + 1) for v in obj)
