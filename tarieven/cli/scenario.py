"""``tarieven scenario BESTAND``: run an analysis file and write its tables as CSV (and plots).

What an analysis file holds and what it computes is :mod:`tarieven.analyse.bestand`; this
module only writes: CSV in full precision, in blocks with a progress line for large
tables, and with ``--plots`` the PNGs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tarieven import weergave
from tarieven.analyse._gemeen import VoortgangRegel
from tarieven.analyse._keuzes import is_keuze
from tarieven.analyse.bestand import Analyseplan, lees_analyse
from tarieven.analyse.uitvoeren import Analyseresultaten
from tarieven.analyse.uitvoeren import voer_uit as _voer_uit
from tarieven.csvformaat import schrijf_dataframe
from tarieven.fouten import InvoerFout, Probleem
from tarieven.model import regeldefinities
from tarieven.uitkomst import bereken
from tarieven.uitvoerbestand import atomair

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CSV_BLOK", "schrijf", "voer_uit"]

CSV_BLOK = 100_000
GROOT_BESTAND = 100_000_000
"""Above this estimated size (bytes) a CSV gets a warning before it is written."""
_BYTES_PER_CEL = 20  # a float64 in full precision and its separator, about


def _schrijf_csv(df: pd.DataFrame, f: IO[str], label: str, stroom: IO[str], formaat: str = "csv") -> None:
    """CSV in full precision (``csv``, or ``csv-nl`` for Dutch Excel), in blocks with progress for large tables."""
    voortgang = VoortgangRegel(f"{label} schrijven", stroom=stroom)
    for a in range(0, max(len(df), 1), CSV_BLOK):
        schrijf_dataframe(df.iloc[a : a + CSV_BLOK], f, formaat, kop=a == 0)
        voortgang(min(a + CSV_BLOK, len(df)), len(df))
    voortgang.klaar()


def _tabellen(plan: Analyseplan, r: Analyseresultaten) -> dict[str, pd.DataFrame]:
    tabellen = {"rooster.csv": r.rooster, "gevoeligheid.csv": r.gevoeligheid}
    if r.montecarlo is not None:
        if (plan.montecarlo or {}).get("trekkingen", False):
            tabellen["montecarlo.csv"] = r.montecarlo.trekkingen
        tabellen["montecarlo-percentielen.csv"] = r.montecarlo.percentielen
    tabellen |= {"doelzoeken.csv": r.doelzoeken, "bekostiging.csv": r.bekostiging_tabel}
    return {k: v for k, v in tabellen.items() if v is not None}


def _figuren(plan: Analyseplan, r: Analyseresultaten, stroom: IO[str]) -> dict[str, Callable[..., Any]]:
    from tarieven import plots as pl

    figuren: dict[str, Callable[..., Any]] = {"opbouw.png": partial(pl.waterval, bereken(plan.scenario))}
    if r.rooster is not None and plan.rooster is not None:
        gevarieerd = [k for k in plan.rooster if r.rooster[k].nunique() > 1]
        if any(is_keuze(k) for k in gevarieerd):  # a heatmap or line needs numeric axes
            stroom.write("rooster.png overgeslagen: het rooster varieert een structuurkeuze\n")
        elif "tarief_per_client" in r.rooster and len(gevarieerd) == 2:
            figuren["rooster.png"] = partial(pl.heatmap, r.rooster, gevarieerd[0], gevarieerd[1])
        elif "tarief_per_client" in r.rooster and len(gevarieerd) == 1:
            figuren["rooster.png"] = partial(pl.lijn, r.rooster, gevarieerd[0])
    if r.gevoeligheid is not None:
        figuren["tornado.png"] = partial(pl.tornado, r.gevoeligheid)
    if r.montecarlo is not None and "tarief_per_client" in r.montecarlo.trekkingen:
        figuren["montecarlo.png"] = partial(pl.histogram, r.montecarlo)
    if r.bekostiging is not None:
        figuren["bekostiging.png"] = partial(pl.bekostiging, r.bekostiging)
    return figuren


def _fout(plan: Analyseplan, waarde: Any, verwacht: str) -> InvoerFout:
    return InvoerFout([Probleem("uitvoer", waarde, verwacht)], str(plan.bestand))


def _controleer_doelen(plan: Analyseplan, namen: list[str], overschrijven: bool) -> None:
    """Before anything is written: no symbolic link on the way, no file overwritten unasked."""
    map_ = plan.uitvoer
    if map_.is_symlink():
        raise _fout(plan, str(map_), "een gewone map: tarieven schrijft niet via een symbolische koppeling")
    if map_.exists() and not map_.is_dir():
        raise _fout(plan, str(map_), "een map; dit is een bestand")
    koppelingen = [n for n in namen if (map_ / n).is_symlink()]
    if koppelingen:
        raise _fout(plan, str(map_), f"geen symbolische koppelingen in de uitvoermap ({', '.join(koppelingen)})")
    bestaand = [n for n in namen if (map_ / n).exists()]
    if bestaand and not overschrijven:
        raise _fout(
            plan,
            str(map_),
            f"een map zonder de bestanden die geschreven worden; er staan al {', '.join(bestaand)}: kies een "
            "andere map (--uitvoer) of vervang ze met --overschrijf",
        )


@contextmanager
def _nieuw(pad: Path, overschrijven: bool, binair: bool = False) -> Iterator[IO[Any]]:
    """A file to write that appears at ``pad`` in one step when it is complete
    (:func:`tarieven.uitvoerbestand.atomair`): never through a symbolic link, never over an
    existing file unless ``overschrijven``."""
    with (
        atomair(pad, overschrijven=overschrijven, optie="uitvoer") as tijdelijk,
        tijdelijk.open("wb") if binair else tijdelijk.open("w", encoding="utf-8", newline="") as f,
    ):
        yield f


def schrijf(
    plan: Analyseplan,
    r: Analyseresultaten,
    *,
    plots: bool = False,
    overschrijven: bool = False,
    stroom: IO[str] | None = None,
    formaat: str = "csv",
) -> list[Path]:
    """Write the results as CSV (and PNG with ``plots``) in ``plan.uitvoer``; returns the files.

    ``formaat``: ``csv`` (for tools) or ``csv-nl`` (for Dutch Excel). Refuses (before
    writing anything) to write through a symbolic link or over an existing file unless
    ``overschrijven``; warns on ``stroom`` before a CSV of more than :data:`GROOT_BESTAND` bytes.
    """
    stroom = stroom if stroom is not None else sys.stderr
    tabellen = _tabellen(plan, r)
    figuren = _figuren(plan, r, stroom) if plots else {}
    _controleer_doelen(plan, [*tabellen, *figuren], overschrijven)
    plan.uitvoer.mkdir(parents=True, exist_ok=True)
    geschreven: list[Path] = []
    for naam, df in tabellen.items():
        geschat = df.shape[0] * (df.shape[1] + 1) * _BYTES_PER_CEL
        if geschat > GROOT_BESTAND:
            stroom.write(f"tarieven: waarschuwing: {naam} wordt ongeveer {weergave.aantal(geschat // 10**6)} MB\n")
        with _nieuw(plan.uitvoer / naam, overschrijven) as f:
            _schrijf_csv(df, f, naam, stroom, formaat)
        geschreven.append(plan.uitvoer / naam)
    if r.bekostiging is not None:
        stroom.write(str(r.bekostiging) + "\n")
    if r.doelzoeken is not None:
        stroom.write(_doelzoeken_tekst(plan, r.doelzoeken))
    if figuren:
        import matplotlib.pyplot as plt

        for naam, teken in figuren.items():
            fig, ax = plt.subplots(figsize=(9, 5.5), layout="constrained")
            teken(ax=ax)
            with _nieuw(plan.uitvoer / naam, overschrijven, binair=True) as f:
                fig.savefig(f, dpi=110, format="png")
            plt.close(fig)
            geschreven.append(plan.uitvoer / naam)
    for pad in geschreven:
        stroom.write(f"geschreven: {pad}\n")
    return geschreven


def _doelzoeken_tekst(plan: Analyseplan, df: pd.DataFrame) -> str:
    """Each goal seek on the screen too, not only in its CSV: the value found, or why there is none."""
    regels = ["Doelzoeken:"]
    eenheden = {d.naam: d.eenheid for d in regeldefinities(plan.scenario.structuur)}  # no second calculation
    for rij in df.to_dict("records"):
        sleutel, regel, waarde = str(rij["sleutel"]), str(rij["regel"]), float(rij["doel"])
        doel = weergave.met_eenheid(waarde, eenheden[regel])
        melding = str(rij["melding"])
        uitkomst = melding or weergave.invoer(float(rij["waarde"]), plan.scenario.veld(sleutel).eenheid)
        regels.append(f"  {sleutel} waarbij {regel} = {doel}: {uitkomst}")
    return "\n".join(regels) + "\n"


def voer_uit(args: argparse.Namespace) -> int:
    """``tarieven scenario``: read, run, write; 0 on success (bad input raises, exit 2)."""
    plan = lees_analyse(args.bestand, uitvoer=args.uitvoer or None, params=args.parameters, aannames=args.aannames)
    regels: list[VoortgangRegel] = []

    def voortgang(label: str) -> VoortgangRegel:
        regels.append(VoortgangRegel(label))
        return regels[-1]

    resultaten = _voer_uit(plan, voortgang)
    for vg in regels:
        vg.klaar()
    try:
        schrijf(
            plan, resultaten, plots=args.plots, overschrijven=args.overschrijf, formaat=getattr(args, "formaat", "csv")
        )
    except OSError as e:  # a folder that cannot be made or written: a name too long, no permission, a full disk
        raise _fout(plan, str(plan.uitvoer), f"een map waarin tarieven kan schrijven ({e.strerror})") from None
    return 0
