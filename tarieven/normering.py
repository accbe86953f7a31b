"""From many providers' submissions to a normative tariff band per product (kostprijsonderzoek).

A region asks providers for their cost price of a product, the way the NZa does in its
cost studies: each provider's figures on top of the regional product, priced the same way.
:func:`normeer` reads the submissions (scenario files or filled Excel templates: a product
as ``basis``, the provider's own figures, and its code in ``[aanbieder]``), prices each, and reports per product:

- the number of submissions, the median, the first and third quartile (linear
  interpolation, as numpy and pandas do by default) and, where volumes are given, the
  volume-weighted median (the smallest tariff at which the cumulative volume reaches half);
- outliers: outside ``Q1 - k × IQR`` or ``Q3 + k × IQR`` (``k = 1.5`` by default);
- a proposed band: the percentiles ``band`` (default 25 and 75, i.e. Q1 to Q3), with the
  rule that produced it;
- per line of the breakdown (``opbouw.*``), where the providers differ most;
- everything both as submitted and on a **common basis**: named inputs replaced by the
  region's norms (a norms file in the format of a parameter file, see
  :func:`lees_normen`), so that differences in, say, occupancy do not pass as differences
  in cost.

Nothing is dropped silently, and no submission can stop the study: one that cannot be read
or validated (whatever it holds), a symbolic link in the folder, and two submissions with
the same code for one product are listed with their error and left out of the figures
(:mod:`tarieven.inzendingen`). Submissions are named by a code, or by their number where no
code could be read, in everything reported; the key from codes and numbers to providers and
files (:meth:`Normering.sleutelrijen`) is for the region to keep in a separate file. Where
only some submissions give a volume, the weighted median runs over those and says so.

Een inzending
-------------

Een scenariobestand (TOML of JSON) of een ingevuld Excel-sjabloon (``tarieven sjabloon``),
met de aanbieder in ``[aanbieder]``::

    basis = "41A22"

    [aanbieder]
    code = "A017"              # of naam = "..."; dan krijgt de inzending een code
    volume = 1200              # optioneel: gedeclareerde eenheden per jaar (voor de gewogen mediaan)

    [product]
    groepsgrootte = 8
    [functies.mbo]
    maandsalaris = 3400
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tarieven.fouten import InvoerFout, Probleem
from tarieven.inzendingen import Inzending, lees_inzendingen
from tarieven.model import bereken as bereken_regels
from tarieven.model import regeldefinities
from tarieven.parameterbestanden import laad_bestand
from tarieven.scenario import Scenario
from tarieven.velden import veld
from tarieven.weergave import euro, invoer, telling

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Inzending", "Normering", "Productnorm", "lees_inzendingen", "lees_normen", "normeer"]

TOEPASSINGEN = ("vervang", "maximum", "minimum")
"""How a norm applies: replace the provider's value, or cap it from above or below."""


@dataclass(frozen=True)
class Norm:
    """A region's norm for one input: its value and how it applies."""

    sleutel: str
    waarde: float
    toepassing: str = "vervang"


def lees_normen(pad: str | os.PathLike[str], peildatum: dt.date) -> list[Norm]:
    """The region's norms from a file in the format of a parameter file (``params/README.md``).

    Each parameter is named by the input it normalises (``[product.bezettingsgraad]``,
    ``[opslagen.overhead]``) with a dated value, status and source; a text parameter
    ``[toepassing."opslagen.overhead"]`` with ``waarde = "maximum"`` (or ``"minimum"``) caps
    instead of replacing. A complete example ships as ``voorbeelden/normering/normen.toml``.
    """
    bestand = laad_bestand(Path(pad), product=False)
    regels = {k.removeprefix("toepassing."): p for k, p in bestand.parameters.items() if k.startswith("toepassing.")}
    problemen: list[Probleem] = []
    normen = []
    for naam, par in bestand.parameters.items():
        if naam.startswith("toepassing."):
            continue
        try:
            v = veld(naam)
        except KeyError:
            problemen.append(Probleem(naam, ..., "een invoer van een scenario, zoals product.bezettingsgraad"))
            continue
        w = par.op(peildatum).waarde
        toepassing = regels[naam].op(peildatum).waarde if naam in regels else "vervang"
        if not isinstance(w, float) or not v.past(w):
            problemen.append(Probleem(naam, w, v.verwacht(naam)))
        elif toepassing not in TOEPASSINGEN:
            problemen.append(Probleem(f"toepassing.{naam}", toepassing, f"een van {', '.join(TOEPASSINGEN)}"))
        else:
            normen.append(Norm(naam, w, str(toepassing)))
    onbekend = [k for k in regels if k not in {n.sleutel for n in normen}]
    problemen += [
        Probleem(f"toepassing.{k}", ..., "een toepassing bij een norm in hetzelfde bestand") for k in onbekend
    ]
    if problemen:
        raise InvoerFout(problemen, str(pad))
    return normen


@dataclass
class Productnorm:
    """The figures of one product: as submitted and on the common basis."""

    product: str
    codes: list[str]
    tarieven: np.ndarray[Any, Any]
    op_basis: np.ndarray[Any, Any]
    volumes: np.ndarray[Any, Any] | None
    """Each submission's volume, NaN where it gave none (None: no submission gave one)."""
    regels: dict[str, np.ndarray[Any, Any]] = field(repr=False)
    band_percentielen: tuple[float, float] = (25.0, 75.0)
    iqr_factor: float = 1.5

    def kengetallen(self, op_basis: bool = False) -> dict[str, Any]:
        """n, median, quartiles, the weighted median, the outliers and the band (one series)."""
        x = self.op_basis if op_basis else self.tarieven
        q1, med, q3 = (float(v) for v in np.percentile(x, [25, 50, 75]))
        iqr = q3 - q1
        laag, hoog = q1 - self.iqr_factor * iqr, q3 + self.iqr_factor * iqr
        band = tuple(float(v) for v in np.percentile(x, list(self.band_percentielen)))
        v = self.volumes if self.volumes is not None else np.full(x.shape, np.nan)
        met_volume = np.isfinite(v)
        gewogen = _gewogen_mediaan(x[met_volume], v[met_volume]) if v[met_volume].sum() > 0 else None
        return {
            "n": int(x.size),
            "mediaan": med,
            "kwartiel_1": q1,
            "kwartiel_3": q3,
            "gewogen_mediaan": gewogen,
            "gewogen_over": int(met_volume.sum()) if gewogen is not None else 0,
            "uitschieters": [c for c, v in zip(self.codes, x, strict=True) if v < laag or v > hoog],
            "band": list(band),
            "bandregel": f"P{invoer(self.band_percentielen[0])} tot P{invoer(self.band_percentielen[1])}; "
            f"uitschieters buiten Q1 − {invoer(self.iqr_factor)} × IQR en Q3 + {invoer(self.iqr_factor)} × IQR",
        }

    def spreiding(self) -> list[tuple[str, float, float]]:
        """Per line of the breakdown: median and IQR over the providers, widest first."""
        rijen = []
        for naam, x in self.regels.items():
            q1, med, q3 = np.percentile(x, [25, 50, 75])
            rijen.append((naam, float(med), float(q3 - q1)))
        return sorted(rijen, key=lambda r: -r[2])


def _gewogen_mediaan(x: np.ndarray[Any, Any], volume: np.ndarray[Any, Any]) -> float:
    """The smallest value at which the cumulative volume reaches half of the total (a total above 0)."""
    volgorde = np.argsort(x, kind="stable")
    cum = np.cumsum(volume[volgorde])
    return float(x[volgorde][int(np.searchsorted(cum, cum[-1] / 2.0, side="left"))])


@dataclass
class Normering:
    """The outcome of :func:`normeer`: per product, the submissions left out, the code key.

    ``sleutel`` maps an assigned code to the provider's name; ``inzendingen`` holds every
    submission with its code or number, file and provider name: the key the region keeps
    apart (:meth:`sleutelrijen`). Everything else names submissions by code or number only."""

    producten: dict[str, Productnorm]
    fouten: list[Inzending]
    sleutel: dict[str, str]
    normen: list[Norm]
    peildatum: dt.date | None
    inzendingen: list[Inzending] = field(default_factory=list, repr=False)

    def sleutelrijen(self) -> list[list[Any]]:
        """The key of the study (header first): per submission its code or number, product,
        provider name and file, and whether it counted. For ``--sleutel``, never for the report."""
        kop: list[Any] = ["code", "nummer", "product", "aanbieder", "bestand", "telt_mee"]
        rijen = [
            [i.code, i.nummer, i.product, i.naam, i.bestand, "ja" if i.fout is None else "nee"]
            for i in self.inzendingen
        ]
        return [kop, *rijen]

    def naar_dict(self) -> dict[str, Any]:
        """JSON-ready: per product ``n``, ``mediaan``, ``kwartiel_1``, ``kwartiel_3``,
        ``uitschieters``, ``band`` (as submitted), the same ``op_gemeenschappelijke_basis``,
        and the submissions left out with their errors. Providers by code only."""
        return {
            "peildatum": str(self.peildatum) if self.peildatum else None,
            "normen": [{"sleutel": n.sleutel, "waarde": n.waarde, "toepassing": n.toepassing} for n in self.normen],
            "producten": {
                p: {**pn.kengetallen(), "op_gemeenschappelijke_basis": pn.kengetallen(op_basis=True)}
                for p, pn in self.producten.items()
            },
            "weggelaten": [{"code": i.code, "fout": i.fout} for i in self.fouten],
        }

    def tekst(self) -> str:
        """The report in Dutch: per product the figures, the band, the outliers, the widest lines."""
        regels = [f"Normering op peildatum {self.peildatum or 'van elke inzending'}"]
        if self.normen:
            delen = [f"{n.sleutel} {n.toepassing} {invoer(n.waarde)}" for n in self.normen]
            regels.append("Gemeenschappelijke basis: " + "; ".join(delen))
        for p, pn in self.producten.items():
            k, b = pn.kengetallen(), pn.kengetallen(op_basis=True)
            regels += ["", f"{p}: {telling(k['n'], 'inzending', 'inzendingen')}"]
            for titel, x in (("zoals ingediend", k), ("op gemeenschappelijke basis", b)):
                gewogen = ""
                if x["gewogen_mediaan"] is not None:
                    over = "" if x["gewogen_over"] == x["n"] else f" (over de {x['gewogen_over']} met volume)"
                    gewogen = f", gewogen mediaan {euro(x['gewogen_mediaan'])}{over}"
                regels.append(
                    f"  {titel:<28} Q1 {euro(x['kwartiel_1'])}  mediaan {euro(x['mediaan'])}  "
                    f"Q3 {euro(x['kwartiel_3'])}{gewogen}; band {euro(x['band'][0])} tot {euro(x['band'][1])}; "
                    f"uitschieters: {', '.join(x['uitschieters']) or 'geen'}"
                )
            regels.append(f"  band: {k['bandregel']}")
            breedst = ", ".join(f"{n.removeprefix('opbouw.')} (IQR {euro(iqr)})" for n, _, iqr in pn.spreiding()[:3])
            regels.append(f"  waar de aanbieders het meest verschillen: {breedst}")
        if self.fouten:
            regels += ["", f"Weggelaten ({telling(len(self.fouten), 'inzending', 'inzendingen')}, niet in de cijfers):"]
            regels += [f"  {i.code}: {i.fout}" for i in self.fouten]
        return "\n".join(regels)

    def tabel(self) -> pd.DataFrame:
        """One row per priced submission: code, product, tariff as submitted and on the common basis."""
        import pandas as pd

        rijen = [
            {"code": c, "product": p, "tarief": t, "tarief_op_basis": b}
            for p, pn in self.producten.items()
            for c, t, b in zip(pn.codes, pn.tarieven, pn.op_basis, strict=True)
        ]
        return pd.DataFrame(rijen, columns=["code", "product", "tarief", "tarief_op_basis"])


def _toegepast(s: Scenario, normen: Sequence[Norm]) -> dict[str, float]:
    """The inputs a scenario takes on the common basis."""
    uit = {}
    for n in normen:
        if n.sleutel not in s.waarden:
            continue
        x = s.waarden[n.sleutel]
        uit[n.sleutel] = {"vervang": n.waarde, "maximum": min(x, n.waarde), "minimum": max(x, n.waarde)}[n.toepassing]
    return uit


Arr = np.ndarray[Any, Any]


def _prijs(groep: list[Inzending], normen: Sequence[Norm]) -> tuple[Arr, Arr, dict[str, Arr]]:
    """Tariffs as submitted and on the common basis, and the breakdown lines, per structure in one pass."""
    n = len(groep)
    tarief, basis = np.empty(n), np.empty(n)
    regels: dict[str, np.ndarray[Any, Any]] = {}
    structuren: dict[Any, list[int]] = {}
    for i, inz in enumerate(groep):
        assert inz.scenario is not None
        structuren.setdefault(inz.scenario.structuur, []).append(i)
    for structuur, rijen in structuren.items():
        scenarios = [groep[i].scenario for i in rijen]
        # the inputs every submission of the structure has: an optional one (aanbieder.volume) is no input of the model
        sleutels = sorted(set.intersection(*(set(s.waarden) for s in scenarios if s is not None)))
        for doel, aanpassing in ((tarief, False), (basis, True)):
            rijwaarden = [{**s.waarden, **(_toegepast(s, normen) if aanpassing else {})} for s in scenarios if s]
            kolommen = {k: np.array([w[k] for w in rijwaarden]) for k in sleutels}
            uit = bereken_regels(structuur, kolommen)
            doel[rijen] = np.broadcast_to(uit["tarief_per_client"], (len(rijen),))
            if not aanpassing:
                for d in regeldefinities(structuur):
                    if d.naam.startswith("opbouw."):
                        regels.setdefault(d.naam, np.zeros(n))[rijen] = np.broadcast_to(uit[d.naam], (len(rijen),))
    return tarief, basis, regels


def normeer(
    bron: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    normen: str | os.PathLike[str] | None = None,
    peildatum: dt.date | str | None = None,
    band: tuple[float, float] = (25.0, 75.0),
    iqr_factor: float = 1.5,
    params: Any = None,
    aannames: str | None = None,
) -> Normering:
    """Price every submission and report per product (see the module docstring).

    Parameters
    ----------
    bron
        A folder of submissions (``.toml``/``.json``), or a list of files.
    normen
        A norms file for the common basis (:func:`lees_normen`); default: none, the common
        basis equals the submissions.
    peildatum
        When the bundled parameters are looked up (default: each submission's own, else today).
    band
        The percentiles of the proposed band (default 25 and 75: Q1 to Q3).
    iqr_factor
        Outliers lie more than this many IQRs below Q1 or above Q3 (default 1.5).
    aannames
        The assumption set every submission's bundled assumptions are read at (default: each
        submission's own, else centraal); what a provider gives itself always wins.
    """
    if not (0 <= band[0] < band[1] <= 100) or not iqr_factor >= 0:
        raise InvoerFout([Probleem("band/iqr_factor", (band, iqr_factor), "0 ≤ laag < hoog ≤ 100 en een factor ≥ 0")])
    inzendingen, sleutel = lees_inzendingen(bron, peildatum=peildatum, params=params, aannames=aannames)
    datum = dt.date.fromisoformat(peildatum) if isinstance(peildatum, str) else peildatum
    regelset = lees_normen(normen, datum or dt.date.today()) if normen is not None else []
    goed = [i for i in inzendingen if i.scenario is not None]
    producten: dict[str, Productnorm] = {}
    for product in sorted({str(i.product) for i in goed}):
        groep = [i for i in goed if str(i.product) == product]  # the product of each: its basis
        tarief, basis, regels = _prijs(groep, regelset)
        volumes = [i.volume for i in groep]
        vol = (
            np.array([np.nan if v is None else v for v in volumes], dtype=float)
            if any(v is not None for v in volumes)
            else None
        )
        codes = [i.code for i in groep]
        producten[product] = Productnorm(product, codes, tarief, basis, vol, regels, band, iqr_factor)
    fouten = [i for i in inzendingen if i.scenario is None]
    return Normering(producten, fouten, sleutel, regelset, datum, inzendingen)
