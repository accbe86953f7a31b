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

Nothing is dropped silently: a submission that does not validate is listed with its error
and left out of the figures. Providers are named by a code in everything reported; the
mapping from code to provider, when submissions carry names, is returned apart
(:attr:`Normering.sleutel`) for the region to keep in a separate file.

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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tarieven.catalogus import producten
from tarieven.eigenparameters import laad_parameters
from tarieven.fouten import InvoerFout, Probleem
from tarieven.inlezen import lees_scenario, plat
from tarieven.lezen import lees_bestand
from tarieven.model import bereken as bereken_regels
from tarieven.model import regeldefinities
from tarieven.parameterbestanden import laad_bestand
from tarieven.parameters import Herkomst, ParameterSet
from tarieven.scenario import Scenario, valideer
from tarieven.velden import LEEG, veld
from tarieven.weergave import euro, invoer, telling

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Inzending", "Normering", "Productnorm", "lees_inzendingen", "lees_normen", "normeer"]

TOEPASSINGEN = ("vervang", "maximum", "minimum")
"""How a norm applies: replace the provider's value, or cap it from above or below."""
_BLOKKEN = ("product.personeel.", "product.ratio.", "werkgeverslasten.")
_VERWIJZINGEN = (".functie", ".cao", ".schaal", ".trede")


@dataclass(frozen=True)
class Inzending:
    """One provider's submission: its code, product, volume and validated scenario (or its error)."""

    code: str
    bestand: str
    product: str | None
    volume: float | None
    scenario: Scenario | None
    fout: str | None = None


def _code(s: Scenario, pad: Path, namen: dict[str, str]) -> str:
    """The provider's code: its own (``aanbieder.code``), else one assigned to its name, else the file's name."""
    code, naam = s.invoer.get("aanbieder.code"), s.invoer.get("aanbieder.naam")
    if isinstance(code, str) and code.strip():
        return code
    if isinstance(naam, str) and naam.strip():
        bestaand = next((c for c, n in namen.items() if n == naam), None)
        if bestaand is None:
            bestaand = f"A{len(namen) + 1:03d}"
            namen[bestaand] = naam
        return bestaand
    return pad.stem


class _Basis:
    """The completed basis products, per product: a submission with plain changes is
    validated on top of it (the one validator) without looking the catalogue up again."""

    def __init__(self, peildatum: dt.date | str | None, params: Any, aannames: str | None = None) -> None:
        self.peildatum, self.params, self.aannames = peildatum, params, aannames
        self._per_product: dict[str, Scenario] = {}

    def scenario(self, data: Mapping[str, Any], eigen: Mapping[str, Any], bron: str) -> Scenario:
        """``data`` as read, ``eigen`` its flat inputs."""
        code = eigen.get("basis")
        sleutels = [k for k in eigen if k != "basis"]
        s = self._product(code)
        if s is not None and all(self._eenvoudig(s, k, eigen[k]) for k in sleutels):
            herkomst = {**s.herkomst, **dict.fromkeys(sleutels, Herkomst(f"inzending {Path(bron).name}"))}
            u = valideer(
                {**s.invoer, **{k: eigen[k] for k in sleutels}}, bron=bron, herkomst=herkomst,
                peildatum=s.peildatum, tariefjaar=s.tariefjaar, minimumuurloon=s.minimumuurloon,
            )  # fmt: skip
            return replace(u, eigen=dict(eigen), parameters=s.parameters, aannames=s.aannames)
        return lees_scenario(dict(data), self.peildatum, params=self.params, naam=bron, aannames=self.aannames)

    def _product(self, code: Any) -> Scenario | None:
        """The completed product, read once; None for anything but a known product code."""
        if not isinstance(code, str) or code not in producten(self.params):
            return None
        if code not in self._per_product:
            self._per_product[code] = lees_scenario(code, self.peildatum, params=self.params, aannames=self.aannames)
        return self._per_product[code]

    @staticmethod
    def _eenvoudig(s: Scenario, k: str, v: Any) -> bool:
        """A plain change of a number the completed product already has (no block replaced, no lookup)."""
        if k in ("beschrijving", "aanbieder.naam", "aanbieder.code"):
            return isinstance(v, str)
        if k == "aanbieder.volume":
            return not isinstance(v, (Mapping, list))
        return (
            k in s.waarden
            and not isinstance(v, Mapping)
            and v is not LEEG
            and not k.startswith(_BLOKKEN)
            and not k.endswith(_VERWIJZINGEN)
        )


def _bestanden(bron: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    if isinstance(bron, (str, os.PathLike)):
        pad = Path(bron)
        if pad.is_dir():
            return sorted(p for p in pad.iterdir() if p.suffix.lower() in (".toml", ".json", ".xlsx"))
        return [pad]
    return [Path(p) for p in bron]


def lees_inzendingen(
    bron: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    peildatum: dt.date | str | None = None,
    params: Any = None,
    aannames: str | None = None,
) -> tuple[list[Inzending], dict[str, str]]:
    """Read and validate every submission of a folder (or a list of files).

    Returns the submissions (a failing one with its error, never dropped) and the mapping
    from assigned code to the provider name some submissions gave.
    """
    if params is not None and not isinstance(params, ParameterSet):
        params = laad_parameters(params)  # the user's own parameter file or folder
    basis = _Basis(peildatum, params, aannames)
    namen: dict[str, str] = {}
    uit: list[Inzending] = []
    for pad in _bestanden(bron):
        code, product, volume = pad.stem, None, None
        try:
            if pad.suffix.lower() in (".toml", ".json"):
                data = lees_bestand(pad, soort="inzending")
                kop = data.get("aanbieder")
                if isinstance(kop, Mapping) and isinstance(kop.get("code"), str):
                    code = kop["code"]  # a submission that fails is still named by its code
                eigen, _, problemen = plat(data)
                if problemen:
                    raise InvoerFout(problemen, str(pad))
                s = basis.scenario(data, eigen, str(pad))
            else:  # a filled Excel template: read through the same input path
                s = lees_scenario(pad, peildatum, params=params, aannames=aannames)
            code, product, volume = _code(s, pad, namen), s.product_code, s.waarden.get("aanbieder.volume")
            uit.append(Inzending(code, str(pad), product, volume, s))
        except InvoerFout as e:
            uit.append(Inzending(code, str(pad), product, volume, None, str(e)))
    return uit, namen


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
        return {
            "n": int(x.size),
            "mediaan": med,
            "kwartiel_1": q1,
            "kwartiel_3": q3,
            "gewogen_mediaan": _gewogen_mediaan(x, self.volumes) if self.volumes is not None else None,
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
    """The smallest value at which the cumulative volume reaches half of the total."""
    volgorde = np.argsort(x, kind="stable")
    cum = np.cumsum(volume[volgorde])
    return float(x[volgorde][int(np.searchsorted(cum, cum[-1] / 2.0, side="left"))])


@dataclass
class Normering:
    """The outcome of :func:`normeer`: per product, the submissions left out, the code key."""

    producten: dict[str, Productnorm]
    fouten: list[Inzending]
    sleutel: dict[str, str]
    normen: list[Norm]
    peildatum: dt.date | None

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
                gewogen = f", gewogen mediaan {euro(x['gewogen_mediaan'])}" if x["gewogen_mediaan"] is not None else ""
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
        sleutels = sorted(set().union(*(s.waarden for s in scenarios if s is not None)))
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
        groep = [i for i in goed if str(i.product) == product]
        tarief, basis, regels = _prijs(groep, regelset)
        volumes = [i.volume for i in groep]
        vol = np.array(volumes, dtype=float) if all(v is not None for v in volumes) else None
        codes = [i.code for i in groep]
        producten[product] = Productnorm(product, codes, tarief, basis, vol, regels, band, iqr_factor)
    fouten = [i for i in inzendingen if i.scenario is None]
    return Normering(producten, fouten, sleutel, regelset, datum)
