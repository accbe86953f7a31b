"""CSV for tools and CSV for Dutch Excel: the one place where a table becomes CSV text.

Two formats:

``csv``
    For tools: comma-separated, decimal point, full precision (``repr`` of a float),
    UTF-8 without a byte-order mark, ``\\n`` line ends.
``csv-nl``
    For Dutch Excel: semicolon-separated, decimal comma, UTF-8 *with* a byte-order mark
    (without it Excel reads UTF-8 as Windows-1252 and shows ``cliÃ«nt``), ``\\r\\n`` line
    ends. Numbers keep full precision and are written without thousands separators and
    without an exponent (``0,00001`` rather than ``1e-05``), so Dutch Excel reads every one
    as a number; ``True``/``False`` become ``ja``/``nee``.

Dutch Excel splits a line on the list separator of the Windows region settings, which
is ``;`` in the Netherlands, and reads ``1234,5`` as a number there; a comma-separated
file with decimal points opens as one column of text, or with ``90.48`` read as a date.

In both formats every text cell passes :func:`neutraal` (OWASP's rule against CSV
injection): a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
and is not a number gets a leading ``'``, so a provider's code or name such as
``=HYPERLINK(...)`` is shown as text and never runs as a formula. Every CSV writer of the
package goes through this module.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BOM", "FORMATEN_CSV", "csv_tekst", "neutraal", "nl_cel", "records_tekst", "schrijf_dataframe"]

FORMATEN_CSV = ("csv", "csv-nl")
"""The CSV formats: ``csv`` for tools, ``csv-nl`` for Dutch Excel."""
BOM = "\ufeff"


_FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")
_GETAL = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def neutraal(x: Any) -> Any:
    """A cell made inert for a spreadsheet (OWASP, CSV injection): text that starts with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return and is not a number (``-12,5``, ``+3e2``)
    gets a leading ``'``; anything else is returned as it is."""
    if isinstance(x, str) and x.startswith(_FORMULE_BEGIN) and not _GETAL.fullmatch(x):
        return "'" + x
    return x


def _controleer(formaat: str) -> None:
    if formaat not in FORMATEN_CSV:
        raise ValueError(f"CSV-formaat {formaat!r}: kies uit {', '.join(FORMATEN_CSV)}")


def nl_cel(x: Any) -> str:
    """One value as Dutch Excel reads it: ``1234,5678`` (no thousands separator, no exponent)."""
    if x is None:
        return ""
    if isinstance(x, bool):
        return "ja" if x else "nee"
    if isinstance(x, Decimal):
        return format(x, "f").replace(".", ",")
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        f = float(x)
        if not math.isfinite(f):
            return "" if math.isnan(f) else ("oneindig" if f > 0 else "min oneindig")
        if isinstance(x, int) or (f == int(f) and abs(f) < 1e15):
            return str(int(f))
        return format(Decimal(repr(f)), "f").replace(".", ",")
    if hasattr(x, "item") and callable(x.item):  # a numpy scalar
        return nl_cel(x.item())
    if isinstance(x, (dt.date, dt.datetime)):
        return x.isoformat()
    return str(x)


def _cel(x: Any) -> Any:
    """One value for the plain ``csv`` format: floats in full precision, as the csv module writes them."""
    if hasattr(x, "item") and callable(x.item) and not isinstance(x, (str, bytes)):
        return x.item()
    return x


def csv_tekst(rijen: Iterable[Sequence[Any]], formaat: str = "csv") -> str:
    """Rows (the first one the header) as CSV text; ``csv-nl`` starts with a byte-order mark."""
    _controleer(formaat)
    buf = io.StringIO()
    if formaat == "csv-nl":
        buf.write(BOM)
        w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
        w.writerows([neutraal(nl_cel(x)) for x in rij] for rij in rijen)
    else:  # "\r\n" as the writer's line end, so a carriage return inside a cell is quoted too
        rij_buf = io.StringIO()
        w = csv.writer(rij_buf, lineterminator="\r\n")
        for rij in rijen:
            rij_buf.seek(0)
            rij_buf.truncate()
            w.writerow([neutraal(_cel(x)) for x in rij])
            buf.write(rij_buf.getvalue()[:-2] + "\n")
    return buf.getvalue()


def records_tekst(records: Sequence[Mapping[str, Any]], formaat: str = "csv") -> str:
    """A list of records (dicts) as CSV text; the columns in order of first appearance."""
    kolommen = list(dict.fromkeys(k for r in records for k in r))
    return csv_tekst([kolommen, *([r.get(k) for k in kolommen] for r in records)], formaat)


def schrijf_dataframe(df: pd.DataFrame, f: IO[str], formaat: str = "csv", *, kop: bool = True) -> None:
    """A DataFrame (or one block of it) to an open text file; ``kop`` writes the header (and the BOM)."""
    _controleer(formaat)
    index = df.index.name is not None
    if formaat == "csv":
        tekst = [k for k in df.columns if df[k].dtype == object or str(df[k].dtype) in ("string", "category")]
        if tekst or (index and df.index.dtype == object):
            df = df.copy()
            for k in tekst:
                df[k] = df[k].map(neutraal)
            if index and df.index.dtype == object:
                df.index = df.index.map(neutraal).rename(df.index.name)
        df.to_csv(f, header=kop, index=index, lineterminator="\n")
        return
    if kop:
        f.write(BOM)
    rijen: list[list[Any]] = []
    if kop:
        rijen.append(([df.index.name] if index else []) + [str(k) for k in df.columns])
    for sleutel, rij in zip(df.index, df.itertuples(index=False, name=None), strict=True):
        rijen.append(([sleutel] if index else []) + list(rij))
    w = csv.writer(f, delimiter=";", lineterminator="\r\n")
    w.writerows([neutraal(nl_cel(x)) for x in rij] for rij in rijen)
