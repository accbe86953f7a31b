"""Issue 18: a fuzz of the template reader on mutated real templates.

A real template of 41A22, filled like a provider would, is mutated at the level an attacker
works on: the XML of its parts (a cell's value and type, a row hidden, deleted or doubled, a
hidden key changed, the hidden sheet's product and version, the table of texts, a number
format) and the zip's bytes (a part truncated, bytes flipped, a DTD put in, a part dropped or
added). Every mutation must end in a result whose every line is finite, or an
:class:`~tarieven.InvoerFout` with a message; never another exception, within
:data:`TIJD` seconds and :data:`GEHEUGEN` bytes of address space more than before it.

In CI a few derandomised examples run; the heavy run (10,000 examples):
``HYPOTHESIS_PROFILE=fuzz pytest tests/veiligheid/test_sjabloon_fuzz.py`` (or ``nox -s fuzz``).
"""

from __future__ import annotations

import io
import math
import os
import re
import resource
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import tarieven
from tarieven import InvoerFout, Uitkomst
from tarieven.sjabloon import schrijf_sjabloon

TIJD = 2.0
"""Seconds one mutated template may take to be read and priced (or refused)."""
GEHEUGEN = 500 * 2**20
"""Address space one example may add (500 MB): an attempt to allocate more fails with MemoryError."""
ZWAAR = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
FUZZ = settings(
    max_examples=10_000 if ZWAAR else 20,
    deadline=None,  # the time bound is asserted per example instead
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],  # the failure itself, not an explanation
)
INVOER = "xl/worksheets/sheet2.xml"
META = "xl/worksheets/sheet4.xml"


def _delen(pad: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pad) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _ingevuld(map_: Path) -> list[dict[str, bytes]]:
    """The parts of a template of 41A22 as written (XlsxWriter: a table of texts) and filled like a
    provider would (openpyxl, as Excel saves it)."""
    pad = schrijf_sjabloon("41A22", map_ / "41A22.xlsx", "2025-06-01")
    leeg = _delen(pad)
    wb = openpyxl.load_workbook(pad)
    ws = wb["Invoer"]
    rijen = {c.value: c.row for c in ws["A"] if isinstance(c.value, str)}
    for sleutel, waarde in {
        "aanbieder.code": "A017",
        "aanbieder.volume": 1200,
        "product.groepsgrootte": 8,
        "product.bezettingsgraad": 0.8,
        "functies.mbo.maandsalaris": 3400,
    }.items():
        ws.cell(rijen[sleutel], 3, waarde)
    wb.save(pad)
    return [leeg, _delen(pad)]


@pytest.fixture(scope="module")
def sjablonen(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, bytes]]:
    bases = _ingevuld(tmp_path_factory.mktemp("fuzz"))
    for d in bases:  # the parts the mutations aim at
        assert INVOER in d, sorted(d)
        assert META in d, sorted(d)
    assert "xl/sharedStrings.xml" in bases[0]
    return bases


# -- mutations -------------------------------------------------------------------------------------

getallen = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["NaN", "nan", "inf", "-inf", "1e999", "-1e999", "", " ", "0x10", "1,5", "١٢", "9" * 400]),
    st.text(max_size=12),
)
teksten = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "=1+1",
            '=HYPERLINK("x")',
            "#DIV/0!",
            "#N/A",
            "\x1b[2J",
            "\u202e",
            "41A24",
            "product.code",
            "product.bezettingsgraad",
            "max",
            "midden",
            "componenten",
            "ja",
            "nee",
        ]
    ),
)


def _xml_tekst(t: str) -> str:
    t = "".join(
        c for c in t if c in "\t\n\r" or (ord(c) >= 0x20 and not 0xD800 <= ord(c) <= 0xDFFF and c not in "\ufffe\uffff")
    )
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def celinhoud(draw: st.DrawFn) -> tuple[str, str]:
    """A cell's type attribute and content, as an attacker would write them."""
    soort = draw(st.sampled_from(["n", "s", "b", "e", "str", "inlineStr", "f", "leeg"]))
    if soort == "n":
        return "", f"<v>{_xml_tekst(draw(getallen))}</v>"
    if soort == "s":
        return ' t="s"', f"<v>{draw(st.integers(-5, 2000))}</v>"
    if soort == "b":
        return ' t="b"', f"<v>{draw(st.sampled_from(['0', '1', '2', 'waar']))}</v>"
    if soort == "e":
        return ' t="e"', f"<v>{draw(st.sampled_from(['#DIV/0!', '#N/A', '#VALUE!', '#REF!']))}</v>"
    if soort == "str":
        return ' t="str"', f"<v>{_xml_tekst(draw(teksten))}</v>"
    if soort == "inlineStr":
        return ' t="inlineStr"', f"<is><t>{_xml_tekst(draw(teksten))}</t></is>"
    if soort == "f":
        return "", f"<f>{_xml_tekst(draw(teksten))}</f><v>{_xml_tekst(draw(getallen))}</v>"
    return "", ""


_CEL = re.compile(r'<c r="([A-Z]+)(\d+)"([^>]*?)(/>|>.*?</c>)', re.S)
_RIJ = re.compile(r"<row [^>]*>.*?</row>|<row [^>]*/>", re.S)


def _muteer_blad(xml: str, data: st.DataObject) -> str:
    soort = data.draw(st.sampled_from(["cel", "sleutel", "verberg", "verwijder", "verdubbel", "extra"]), label="blad")
    rijen = _RIJ.findall(xml)
    if not rijen:  # a part already truncated or emptied by an earlier mutation
        return xml
    rij = data.draw(st.sampled_from(rijen), label="rij")
    if soort in ("cel", "sleutel"):
        cellen = [m for m in _CEL.finditer(rij) if (m.group(1) == "A") == (soort == "sleutel")]
        if not cellen:
            return xml
        m = data.draw(st.sampled_from(cellen), label="cel")
        attr = re.sub(r'\s*t="[^"]*"', "", m.group(3))
        t, inhoud = data.draw(celinhoud(), label="inhoud")
        nieuw = f'<c r="{m.group(1)}{m.group(2)}"{attr}{t}>{inhoud}</c>'
        return xml.replace(rij, rij.replace(m.group(0), nieuw, 1), 1)
    if soort == "verberg":
        return xml.replace(rij, rij.replace("<row ", '<row hidden="1" ', 1), 1)
    if soort == "verwijder":
        return xml.replace(rij, "", 1)
    if soort == "verdubbel":
        return xml.replace(rij, rij + rij, 1)
    nummer = data.draw(st.integers(1, 1200), label="nummer")
    t, inhoud = data.draw(celinhoud(), label="inhoud")
    extra = (
        f'<row r="{nummer}"><c r="A{nummer}" t="inlineStr"><is><t>{_xml_tekst(data.draw(teksten))}</t></is></c>'
        f'<c r="C{nummer}"{t}>{inhoud}</c></row>'
    )
    return xml.replace("</sheetData>", extra + "</sheetData>", 1)


def _muteer(delen: dict[str, bytes], data: st.DataObject) -> dict[str, bytes]:
    uit = dict(delen)
    for _ in range(data.draw(st.integers(1, 3), label="aantal")):
        soort = data.draw(
            st.sampled_from(
                ["blad", "blad", "blad", "meta", "teksten", "notatie", "afkappen", "bytes", "dtd", "weg", "erbij"]
            ),
            label="mutatie",
        )
        namen = sorted(uit)
        if not namen:
            break
        if soort == "blad" and INVOER in uit:
            uit[INVOER] = _muteer_blad(uit[INVOER].decode("utf-8", "surrogateescape"), data).encode(
                "utf-8", "surrogateescape"
            )
        elif soort == "meta" and META in uit:
            uit[META] = _muteer_blad(uit[META].decode("utf-8", "surrogateescape"), data).encode(
                "utf-8", "surrogateescape"
            )
        elif soort == "teksten" and "xl/sharedStrings.xml" in uit:
            xml = uit["xl/sharedStrings.xml"].decode("utf-8", "surrogateescape")
            teksten_ = re.findall(r"<t[^>]*>[^<]*</t>", xml)
            if not teksten_:
                continue
            oud = data.draw(st.sampled_from(teksten_), label="tekst")
            nieuw = f"<t>{_xml_tekst(data.draw(teksten))}</t>"
            uit["xl/sharedStrings.xml"] = xml.replace(oud, nieuw, 1).encode("utf-8", "surrogateescape")
        elif soort == "notatie" and "xl/styles.xml" in uit:
            xml = uit["xl/styles.xml"].decode("utf-8", "surrogateescape")
            code = _xml_tekst(data.draw(st.sampled_from(['"0,85"', "0.00", '0 "EUR"', "\\8", "@", "General", ";;;"])))
            formaat = f'formatCode="{code.replace(chr(34), "&quot;")}"'
            xml = re.sub(r'formatCode="[^"]*"', lambda _, f=formaat: f, xml, count=1)
            uit["xl/styles.xml"] = xml.encode("utf-8", "surrogateescape")
        elif soort == "afkappen":
            naam = data.draw(st.sampled_from(namen), label="deel")
            uit[naam] = uit[naam][: data.draw(st.integers(0, len(uit[naam])), label="lengte")]
        elif soort == "bytes":
            naam = data.draw(st.sampled_from(namen), label="deel")
            b = bytearray(uit[naam])
            for _ in range(data.draw(st.integers(1, 8), label="flips")):
                if b:
                    b[data.draw(st.integers(0, len(b) - 1), label="plaats")] = data.draw(st.integers(0, 255))
            uit[naam] = bytes(b)
        elif soort == "dtd":
            naam = data.draw(st.sampled_from(namen), label="deel")
            uit[naam] = uit[naam].replace(b"?>", b'?><!DOCTYPE a [<!ENTITY e "ee">]>', 1)
        elif soort == "weg" and len(uit) > 1:
            del uit[data.draw(st.sampled_from(namen), label="deel")]
        elif soort == "erbij":
            uit[data.draw(st.sampled_from(["xl/extra.xml", "xl/vbaProject.bin", "x/../y.xml"]))] = data.draw(
                st.binary(max_size=200)
            )
    return uit


def _zip(delen: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, inhoud in delen.items():
            z.writestr(naam, inhoud)
    return buf.getvalue()


@contextmanager
def _begrensd_geheugen() -> Iterator[None]:
    """At most :data:`GEHEUGEN` more address space than now (soft limit, restored afterwards)."""
    nu = next(
        int(r.split()[1]) * 1024 for r in Path("/proc/self/status").read_text().splitlines() if r.startswith("VmSize:")
    )
    zacht, hard = resource.getrlimit(resource.RLIMIT_AS)
    grens = nu + GEHEUGEN if hard == resource.RLIM_INFINITY else min(nu + GEHEUGEN, hard)
    resource.setrlimit(resource.RLIMIT_AS, (grens, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (zacht, hard))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="meet het geheugen via /proc (Linux)")
@FUZZ
@given(data=st.data())
def test_elk_gemuteerd_sjabloon_geeft_een_uitkomst_of_een_melding(
    sjablonen: list[dict[str, bytes]], tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    delen = data.draw(st.sampled_from(sjablonen), label="sjabloon")
    pad = tmp_path_factory.getbasetemp() / "gemuteerd.xlsx"
    pad.write_bytes(_zip(_muteer(delen, data)))
    start = time.perf_counter()
    uitkomst: Any
    with _begrensd_geheugen():
        try:
            uitkomst = tarieven.bereken(pad)
        except InvoerFout as e:
            uitkomst = e
    duur = time.perf_counter() - start
    assert duur < TIJD, f"{duur:.2f} s"
    if isinstance(uitkomst, InvoerFout):
        assert str(uitkomst).startswith("Ongeldige invoer")
    else:
        assert isinstance(uitkomst, Uitkomst)
        assert all(math.isfinite(r.waarde) for r in uitkomst)
