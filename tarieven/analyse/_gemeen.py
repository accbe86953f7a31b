"""Shared pieces of the scenario analyses: computing with varied inputs, labels, sizes, progress.

Everything here works on whole arrays: a value list of a grid axis, a column of Monte
Carlo draws (the arguments are read by :mod:`tarieven.analyse._invoer`). Bad input is
reported the way the rest of tarieven reports it: one :class:`~tarieven.fouten.InvoerFout`
naming key, the first offending value and what was expected, never a NaN and never a
numpy traceback.
"""

from __future__ import annotations

import math
import os
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import IO, Any, Protocol

import numpy as np
import numpy.typing as npt

from tarieven.analyse._invoer import controleer_bereik
from tarieven.fouten import InvoerFout, Probleem
from tarieven.inlezen import lees_scenario
from tarieven.model import benodigd, regeldefinities
from tarieven.model import bereken as bereken_regels
from tarieven.scenario import Scenario
from tarieven.velden import label as veldlabel
from tarieven.velden import veld_of_none
from tarieven.voorwaarden import (
    MAX_TARIEF,
    boven_plafond,
    eindig_probleem,
    invoervoorwaarden,
    niet_eindig,
    op_plek,
)
from tarieven.weergave import aantal, datum, euro, getal, is_geld

Arr = npt.NDArray[np.float64]
ScenarioInvoer = Scenario | Mapping[str, Any] | str | os.PathLike[str]
"""What every analysis accepts as its base scenario: a Scenario, a dict, or a file path."""

BLOKGROOTTE = 100_000
"""Scenarios per chunk of a grid or Monte Carlo run: bounds the intermediate arrays.

Small enough that the core's temporaries of one chunk (a few MB each) are reused by the
allocator from chunk to chunk instead of being fresh memory every time: measured on the
1e6 benchmark grid (2 cores) this brought a cold first call from 0.5-1.0 s to about
0.3 s and a warm one from 0.3-0.5 s to about 0.1 s, against 2,000,000."""

_MIX = "product.ratio.mix."


class Voortgang(Protocol):
    """Called after each chunk of a long run with scenarios done and in total."""

    def __call__(self, gedaan: int, totaal: int, /) -> None: ...


class VoortgangRegel:
    """A progress line on stderr, shown only once a run takes longer than ``na`` seconds.

    Standard library only; one line, rewritten in place with ``\\r``. Call :meth:`klaar`
    at the end to finish the line.
    """

    def __init__(self, label: str, *, na: float = 2.0, stroom: IO[str] | None = None) -> None:
        self.label = label
        self.na = na
        self.stroom = stroom if stroom is not None else sys.stderr
        self.start = time.perf_counter()
        self.getoond = False

    def __call__(self, gedaan: int, totaal: int, /) -> None:
        verstreken = time.perf_counter() - self.start
        if verstreken < self.na and gedaan < totaal:
            return
        if verstreken < self.na and not self.getoond:
            return
        self.getoond = True
        procent = 100.0 * gedaan / totaal if totaal else 100.0
        tekst = f"\r{self.label}: {aantal(gedaan)} van {aantal(totaal)} ({procent:.0f} %), {verstreken:.1f} s"
        self.stroom.write(tekst)
        self.stroom.flush()

    def klaar(self) -> None:
        if self.getoond:
            self.stroom.write("\n")
            self.stroom.flush()


def als_scenario(scenario: ScenarioInvoer) -> Scenario:
    """A Scenario as is; a dict or path read and validated with :func:`lees_scenario`."""
    return scenario if isinstance(scenario, Scenario) else lees_scenario(scenario)


def mixsleutels(s: Scenario) -> tuple[str, ...]:
    """The mix-share keys of a ratio scenario (empty with explicit staff counts)."""
    return tuple(f"{_MIX}{f}" for f in s.structuur.direct) if s.structuur.uit_ratio else ()


def vul_mix_aan(s: Scenario, wijzigingen: Mapping[str, Any], waar: str = "") -> dict[str, Any]:
    """Keep the education mix summing to 1 when a mix share varies.

    With a mix of two functions, varying one share sets the other to its complement
    (``hbo = 1 - mbo``). Otherwise the shares must sum to 1 in every scenario.
    Returns the changes with the complement added.
    """
    uit = dict(wijzigingen)
    mix = mixsleutels(s)
    gevarieerd = [k for k in mix if k in uit]
    if not gevarieerd:
        return uit
    if len(mix) == 2 and len(gevarieerd) == 1:
        ander = mix[1] if gevarieerd[0] == mix[0] else mix[0]
        uit[ander] = np.subtract(1.0, uit[gevarieerd[0]])
        controleer_bereik(s, ander, np.asarray(uit[ander], dtype=float), waar)
        return uit
    (voorwaarde,) = (v for v in invoervoorwaarden(s.structuur) if v.soort == "mix")
    fout = voorwaarde.geschonden({k: uit.get(k, s.waarden[k]) for k in mix})
    if fout.any():
        plek = tuple(int(i) for i in np.unravel_index(int(np.argmax(fout)), fout.shape))
        eerste = sum(op_plek(uit.get(k, s.waarden[k]), plek) for k in mix)
        raise InvoerFout(
            [
                Probleem(
                    f"{waar}product.ratio.mix" if waar else "product.ratio.mix",
                    f"samen {eerste:.6g}",
                    "aandelen die in elk scenario samen 1 zijn; bij een mix van twee functies varieer je één "
                    "aandeel en krijgt de andere functie de rest",
                )
            ]
        )
    return uit


def bereken_met(s: Scenario, wijzigingen: Mapping[str, Any], nodig: Iterable[str] | None = None) -> dict[str, Any]:
    """Breakdown lines with some inputs replaced by arrays (broadcast), checked across fields.

    ``wijzigingen`` must already be range-checked and mix-completed. ``nodig``: only these
    lines are wanted (and what they rest on is computed, nothing more); default all.
    Checks what the fields alone cannot tell: every function keeps more than 0 available
    hours, and every line is a finite number (inputs that are each allowed can still
    overflow together): the first scenario without one is named by its varied inputs.
    """
    waarden = {**s.waarden, **wijzigingen}
    voorwaarden = [
        v for v in invoervoorwaarden(s.structuur) if v.soort == "uren" and set(v.invoer) & set(wijzigingen)
    ]  # available hours of a function whose hours vary (the wage is counted per row, see rijwaarschuwingen)
    for v in voorwaarden:
        if (mis := v.geschonden(waarden)).any():
            plek = tuple(int(i) for i in np.unravel_index(int(np.argmax(mis)), mis.shape))
            p = v.probleem(waarden, plek)
            raise InvoerFout([replace(p, verwacht=f"{p.verwacht}, in elk scenario{_bij(wijzigingen, plek)}")])
    definities = None
    if nodig is not None:
        definities = benodigd(regeldefinities(s.structuur), list(nodig))
    with np.errstate(all="ignore"):  # an overflow or 0/0 is reported below, naming the scenario
        regels = bereken_regels(s.structuur, waarden, definities)
    if (mis := niet_eindig(regels)).any():
        plek = tuple(int(i) for i in np.unravel_index(int(np.argmax(mis)), mis.shape))
        raise InvoerFout([eindig_probleem(regels, plek, _bij(wijzigingen, plek).removeprefix(" bij "))])
    return regels


def _bij(wijzigingen: Mapping[str, Any], plek: tuple[int, ...]) -> str:
    """`` bij k = v; ...``: the varied inputs of the scenario at a position, or empty."""
    rij = "; ".join(f"{k} = {op_plek(v, plek):g}" for k, v in wijzigingen.items() if np.ndim(v))
    return f" bij {rij}" if rij else ""


# -- labels and units -------------------------------------------------------------------


def label(s: Scenario, naam: str) -> str:
    """A short Dutch label for an input key (the registry's) or a breakdown line (its description)."""
    if veld_of_none(naam) is not None:
        return veldlabel(naam)
    for d in regeldefinities(s.structuur):
        if d.naam == naam:
            return d.omschrijving
    return naam.replace("_", " ")


def eenheid(s: Scenario, naam: str) -> str:
    """The unit of an input key or a breakdown line."""
    if naam in s.waarden:
        return s.veld(naam).eenheid
    for d in regeldefinities(s.structuur):
        if d.naam == naam:
            return d.eenheid
    return ""


def is_fractie(s: Scenario, naam: str) -> bool:
    """An input that is a fraction (shown as a percentage)."""
    return naam in s.waarden and s.veld(naam).is_fractie


def onderwerp(s: Scenario) -> str:
    """What a table or plot is about, for a title: product and scenario, in Dutch.

    ``Dagbesteding licht (41A22) · standaardwaarden, peildatum 1 januari 2027``: the
    product's name and code (or the scenario's description or file), then
    ``standaardwaarden`` when every input comes from the bundled parameters, the scenario
    file's name, or ``eigen scenario`` (a dict, or inputs changed with
    :meth:`~tarieven.Scenario.met`), and the peildatum or tariefjaar.
    """
    if s.product_naam:
        zelfde = s.product_code is None or s.product_code.replace("-", " ").lower() == s.product_naam.lower()
        product = s.product_naam if zelfde else f"{s.product_naam} ({s.product_code})"
    else:
        product = s.beschrijving.split(":")[0].strip() or s.bron
    if s.herkomst and all(h.status is not None for h in s.herkomst.values()):
        soort = "standaardwaarden"
    elif (
        s.bron not in ("<dict>", "")
        and not s.bron.startswith("params/")
        and all(h.oorsprong.startswith("scenario ") or h.status is not None for h in s.herkomst.values())
    ):
        soort = f"scenario {s.bron.replace(chr(92), '/').rsplit('/', 1)[-1]}"
    else:
        soort = "eigen scenario"
    if s.peildatum is not None:
        soort += f", peildatum {datum(s.peildatum)}"
    elif s.tariefjaar is not None:
        soort += f", tariefjaar {s.tariefjaar}"
    return f"{product} · {soort}"


def kolom_attrs(s: Scenario, kolommen: Iterable[str]) -> dict[str, Any]:
    """``DataFrame.attrs`` for analysis results: units, labels and what the result rests on."""
    kol = list(kolommen)
    eenheden = {k: eenheid(s, k) for k in kol}
    return {
        "eenheden": eenheden,
        "labels": {k: label(s, k) for k in kol},
        "geld": [k for k in kol if is_geld(eenheden[k])],
        "fracties": [k for k in kol if is_fractie(s, k)],
        "eenheid": s.structuur.eenheid,
        "bron": s.bron,
        "onderwerp": onderwerp(s),
        "invoer_hash": s.invoer_hash,
    }


def standaard_bereik(s: Scenario, sleutel: str) -> tuple[float, float]:
    """The search range of an input when none is given: its allowed range, or basis/1000 to basis*1000."""
    veld = s.veld(sleutel)
    basis = float(s.waarden[sleutel])
    b = veld.bereik
    if sleutel.startswith(_MIX) or b is None:
        return 0.0, 1.0
    if veld.is_fractie:
        return (0.0 if b.laag_mee else 1e-6), (1.0 if b.hoog_mee else 1.0 - 1e-9)
    laag, hoog = (b.laag, max(basis * 1000.0, 1000.0)) if b.laag_mee else (basis / 1000.0, basis * 1000.0)
    return laag, min(hoog, b.hoog if b.hoog_mee else b.hoog - 1e-9)


# -- sizes and per-row warnings -----------------------------------------------------------

MAX_SCENARIOS = 10_000_000
"""Most scenarios in one grid or Monte Carlo run by default (``max_scenarios`` raises it)."""
MAX_GEHEUGEN_GB = 4.0
"""Most memory (GiB) a grid or Monte Carlo result may take by default (``max_geheugen_gb``)."""
_VERHOGEN = (
    "verklein de vraag (minder waarden, minder regels met regels=[...]) of verhoog de grens: het argument "
    "{naam} van rooster()/monte_carlo(), of de sleutel {naam} in het analysebestand"
)


def controleer_omvang(
    wat: str, n: int, kolommen: int, *, max_scenarios: int, max_geheugen_gb: float, kopieen: int = 1
) -> None:
    """Refuse a run above the limits before anything is allocated.

    The estimate is the result table: ``n`` rows of ``kolommen`` float64 columns (times
    ``kopieen`` where a copy is made, such as the percentiles of a Monte Carlo run), plus
    the warning count per row; the chunked computation adds a bounded few hundred MB.
    """
    problemen = []
    for naam, grens, soort in (
        ("max_scenarios", max_scenarios, int),
        ("max_geheugen_gb", max_geheugen_gb, (int, float)),
    ):
        if isinstance(grens, bool) or not isinstance(grens, soort) or not (0 < grens < math.inf):
            problemen.append(Probleem(naam, grens, "een getal groter dan 0"))
    if problemen:
        raise InvoerFout(problemen)
    if n > max_scenarios:
        raise InvoerFout(
            [
                Probleem(
                    wat,
                    f"{aantal(n)} scenario's",
                    f"hoogstens {aantal(max_scenarios)} scenario's (max_scenarios); "
                    + _VERHOGEN.format(naam="max_scenarios"),
                )
            ]
        )
    geschat = n * (kolommen * 8 * kopieen + 4) / 1024**3
    if geschat > max_geheugen_gb:
        raise InvoerFout(
            [
                Probleem(
                    wat,
                    f"{aantal(n)} scenario's × {kolommen} kolommen, ongeveer {getal(geschat, 1)} GiB",
                    f"een uitkomst van hoogstens {max_geheugen_gb:g} GiB geheugen (max_geheugen_gb); "
                    + _VERHOGEN.format(naam="max_geheugen_gb"),
                )
            ]
        )


def reserveer(wat: str, vorm: tuple[int, ...]) -> Arr:
    """``np.empty`` that reports a shortage of memory as an :class:`InvoerFout`, not a MemoryError."""
    try:
        return np.empty(vorm, dtype=np.float64)
    except MemoryError:
        raise InvoerFout(
            [
                Probleem(
                    wat,
                    f"{aantal(int(np.prod(vorm)))} getallen",
                    "een uitkomst die in het vrije geheugen past; verklein de vraag (minder waarden of regels)",
                )
            ]
        ) from None


def rijwaarschuwingen(s: Scenario, kolommen: Mapping[str, Any], n: int) -> tuple[npt.NDArray[np.int32], dict[str, int]]:
    """Per row of a grid or Monte Carlo run: how many warnings, and per reason how many rows.

    A single scenario would show these as warnings or refuse them; a run over many
    scenarios counts them and goes on: a varied input outside its plausible range, a
    salary below the statutory minimum wage, a tariff above
    :data:`~tarieven.uitkomst.MAX_TARIEF` (only when ``tarief_per_client`` is computed).
    Each counts once, as a single calculation names each value once: a salary under the
    minimum wage is refused, not also counted as unusual. ``kolommen`` holds the varied
    inputs and computed lines as arrays of length ``n``.
    """
    telling = np.zeros(n, dtype=np.int32)
    redenen: dict[str, int] = {}

    def tel(reden: str, mis: Any) -> None:
        mis = np.broadcast_to(np.asarray(mis, dtype=bool), (n,))
        if mis.any():
            telling[mis] += 1
            redenen[reden] = int(mis.sum())

    onder_minimum: dict[str, tuple[str, Any]] = {}  # salary key -> (reason, rows under the minimum wage)
    for loon in invoervoorwaarden(s.structuur, s.minimumuurloon):
        if loon.soort == "minimumloon" and any(k in kolommen for k in loon.invoer):
            mis = loon.geschonden({k: kolommen.get(k, s.waarden[k]) for k in loon.invoer})
            onder_minimum[loon.sleutel] = (loon.reden, mis)
    for k, x in kolommen.items():
        if k in s.waarden and (p := s.veld(k).plausibel) is not None:
            v = s.veld(k)
            buiten = (x < p[0]) | (x > p[1])
            if k in onder_minimum:  # refused for the minimum wage: one problem, as in a single calculation
                buiten = buiten & ~onder_minimum[k][1]
            tel(f"{k} buiten {v.toon(p[0])} – {v.toon(p[1])} (ongebruikelijk)", buiten)
    for reden, mis in onder_minimum.values():
        tel(reden, mis)
    if "tarief_per_client" in kolommen:
        tel(f"tarief_per_client boven het plafond van {euro(MAX_TARIEF)}", boven_plafond(kolommen["tarief_per_client"]))
    return telling, redenen
