"""Published tariffs of other years and regions, brought to one price level to compare with.

``params/gepubliceerde-tarieven.toml`` holds tariffs that regions published (with source,
year and status): never an input of a calculation, only a level to put beside one. A
published amount is made comparable in two steps, each shown in :meth:`GepubliceerdTarief.uitleg`:

1. **pgb to in kind**: a pgb amount (a name with a part ``pgb`` or ``pgb_...``) whose
   region (the first part of the name) also gives
   ``pgb_aandeel`` (the pgb as a share of the tariff in kind) is divided by that share.
   Without a known share the amount stays a pgb amount, and says so.
2. **indexed to a price year**: multiplied by ``(1 + i)`` for every year after the year of
   publication up to and including the price year, with ``i`` the published yearly index
   of the VNG method (``vng_jaarindex``: the total with the correction for the year before,
   as municipalities applied it). A year without an index is an error naming the year,
   never a silent zero.

The status of the result is the least certain of everything it rests on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tarieven.fouten import InvoerFout, OnbekendeNaam, Probleem
from tarieven.parameterbestanden import standaard_parameters
from tarieven.parameters import STATUSSEN, Parameter, ParameterSet
from tarieven.weergave import euro, getal, procent

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BESTAND", "GepubliceerdTarief", "gepubliceerd_tarief", "gepubliceerde_tarieven", "jaarindex"]

BESTAND = "gepubliceerde-tarieven"
_INDEX = "vng_jaarindex"


@dataclass(frozen=True)
class GepubliceerdTarief:
    """A published tariff, in kind where the pgb share is known, at the price level of ``prijsjaar``.

    Attributes
    ----------
    naam, label
        The parameter's dotted name in ``gepubliceerde-tarieven.toml`` and its label.
    eenheid
        The unit of the amount (``EUR`` per unit of the product, or ``EUR/uur``).
    jaar
        The year the amount was published for (its price level).
    gepubliceerd
        The amount as published [eenheid].
    pgb
        Whether the published amount is a pgb amount.
    pgb_aandeel
        The pgb as a share of the tariff in kind, where the region gives it, else None.
    natura
        The amount in kind at the year of publication: ``gepubliceerd / pgb_aandeel``, or
        the published amount when it is not a pgb amount or the share is unknown.
    prijsjaar
        The price year the amount is brought to.
    indexen
        The yearly index per year after ``jaar`` up to ``prijsjaar`` (fractions).
    indexfactor
        ``prod(1 + i)`` over ``indexen`` (1 when ``prijsjaar == jaar``).
    bedrag
        ``natura × indexfactor``: the comparable level [eenheid].
    status
        The least certain status of the amount, the share and the indices.
    bronnen
        The sources of the amount and the indices, as cited in the parameter file.
    """

    naam: str
    label: str
    eenheid: str
    jaar: int
    gepubliceerd: float
    pgb: bool
    pgb_aandeel: float | None
    natura: float
    prijsjaar: int
    indexen: dict[int, float]
    indexfactor: float
    bedrag: float
    status: str
    bronnen: tuple[str, ...]

    @property
    def in_natura(self) -> bool:
        """Whether ``bedrag`` is a tariff in kind (not a pgb amount)."""
        return not self.pgb or self.pgb_aandeel is not None

    def kort(self) -> str:
        """A label for a legend: ``Den Haag 2020: dagbesteding per dagdeel, categorie 1, in natura, prijspeil 2025``."""
        basis = self.label.rsplit(" (", 1)[0] if self.label.endswith(")") else self.label
        return f"{basis}, {'in natura' if self.in_natura else 'pgb'}, prijspeil {self.prijsjaar}"

    def uitleg(self) -> str:
        """How the comparable level follows from the published amount, in Dutch, step by step."""
        regels = [f"{self.label}: {euro(self.gepubliceerd)} ({self.jaar}, {'pgb' if self.pgb else 'gepubliceerd'})"]
        if self.pgb and self.pgb_aandeel is not None:
            regels.append(
                f"  in natura: {euro(self.gepubliceerd)} / {getal(self.pgb_aandeel, 2)} = {euro(self.natura)}"
                f" (pgb is {procent(self.pgb_aandeel)} van natura)"
            )
        elif self.pgb:
            regels.append("  pgb-bedrag: het aandeel van natura is niet bekend, dus niet omgerekend")
        if self.indexen:
            delen = " × ".join(f"(1 + {procent(i, 2)})" for i in self.indexen.values())
            regels.append(
                f"  geïndexeerd {self.jaar + 1}-{self.prijsjaar}: {euro(self.natura)} × {delen}"
                f" = {euro(self.natura)} × {getal(self.indexfactor, 4)} = {euro(self.bedrag)}"
            )
        regels.append(f"  status: {self.status}; bronnen: {'; '.join(self.bronnen)}")
        return "\n".join(regels)


def _slechtste(statussen: list[str]) -> str:
    return max(statussen, key=STATUSSEN.index)


def jaarindex(params: ParameterSet | None = None) -> dict[int, tuple[float, str, str]]:
    """The published yearly index per year: (fraction, status, source)."""
    par = (params or standaard_parameters()).parameter(BESTAND, _INDEX)
    uit = {}
    for w in par.waarden:
        assert isinstance(w.waarde, float), par.naam
        uit[w.vanaf.year] = (w.waarde, w.status, str(w.bron))
    return uit


def _bedragen(params: ParameterSet) -> dict[str, Parameter]:
    """The published amounts of the file by name: every parameter in euros."""
    b = params.bestand(BESTAND)
    return {n: p for n, p in b.parameters.items() if p.eenheid is not None and p.eenheid.startswith("EUR")}


def gepubliceerd_tarief(
    naam: str, prijsjaar: int | None = None, *, params: ParameterSet | None = None
) -> GepubliceerdTarief:
    """A published tariff made comparable: in kind where known, indexed to ``prijsjaar``.

    Parameters
    ----------
    naam
        The dotted name in ``gepubliceerde-tarieven.toml``
        (``"den_haag_2020.pgb.dagbesteding_categorie_1"``).
    prijsjaar
        The price year (default: the last year with a published index).
    params
        Another parameter set (default the bundled one).

    Raises
    ------
    OnbekendeNaam
        For a name that is not a published amount, listing those that are.
    InvoerFout
        For a price year before the year of publication, or a year without an index.
    """
    params = params or standaard_parameters()
    bedragen = _bedragen(params)
    if naam not in bedragen:
        raise OnbekendeNaam(naam, "gepubliceerd tarief", sorted(bedragen))
    par = bedragen[naam]
    w = par.laatste
    assert isinstance(w.waarde, float), naam
    assert par.eenheid is not None, naam
    jaar = w.vanaf.year
    index = jaarindex(params)
    prijsjaar = max(index) if prijsjaar is None else int(prijsjaar)
    if prijsjaar < jaar:
        raise InvoerFout([Probleem("prijsjaar", prijsjaar, f"een jaar van {jaar} of later (het jaar van {naam})")])
    ontbrekend = [j for j in range(jaar + 1, prijsjaar + 1) if j not in index]
    if ontbrekend:
        raise InvoerFout(
            [
                Probleem(
                    f"{BESTAND}: {_INDEX}.{j}",
                    ...,
                    f"de gepubliceerde jaarindex van {j} om {naam} naar prijsjaar {prijsjaar} te brengen",
                )
                for j in ontbrekend
            ]
        )
    delen = naam.split(".")
    pgb = any(d == "pgb" or d.startswith("pgb_") for d in delen)
    aandeel_naam = f"{delen[0]}.pgb_aandeel"
    statussen, bronnen = [w.status], [str(w.bron)]
    aandeel = None
    if pgb and aandeel_naam in params.bestand(BESTAND).parameters:
        wa = params.parameter(BESTAND, aandeel_naam).laatste
        assert isinstance(wa.waarde, float), aandeel_naam
        aandeel = wa.waarde
        statussen.append(wa.status)
    indexen = {j: index[j][0] for j in range(jaar + 1, prijsjaar + 1)}
    for j in indexen:
        statussen.append(index[j][1])
        if index[j][2] not in bronnen:
            bronnen.append(index[j][2])
    natura = w.waarde / aandeel if aandeel is not None else w.waarde
    factor = math.prod(1.0 + i for i in indexen.values())
    return GepubliceerdTarief(
        naam=naam,
        label=par.label,
        eenheid=par.eenheid,
        jaar=jaar,
        gepubliceerd=w.waarde,
        pgb=pgb,
        pgb_aandeel=aandeel,
        natura=natura,
        prijsjaar=prijsjaar,
        indexen=indexen,
        indexfactor=factor,
        bedrag=natura * factor,
        status=_slechtste(statussen),
        bronnen=tuple(bronnen),
    )


def gepubliceerde_tarieven(prijsjaar: int | None = None, *, params: ParameterSet | None = None) -> pd.DataFrame:
    """Every published amount made comparable (see :func:`gepubliceerd_tarief`), as a table.

    Columns: ``label``, ``eenheid``, ``jaar``, ``gepubliceerd``, ``pgb``, ``natura``,
    ``indexfactor``, ``bedrag`` (the comparable level at ``prijsjaar``), ``status``.
    Index: the dotted name.
    """
    import pandas as pd

    params = params or standaard_parameters()
    rijen = []
    for naam in _bedragen(params):
        t = gepubliceerd_tarief(naam, prijsjaar, params=params)
        rijen.append(
            {
                "naam": naam,
                "label": t.label,
                "eenheid": t.eenheid,
                "jaar": t.jaar,
                "gepubliceerd": t.gepubliceerd,
                "pgb": t.pgb and not t.in_natura,
                "natura": t.natura,
                "indexfactor": t.indexfactor,
                "bedrag": t.bedrag,
                "status": t.status,
            }
        )
    df = pd.DataFrame(rijen).set_index("naam")
    df.attrs.update(prijsjaar=prijsjaar if prijsjaar is not None else max(jaarindex(params)))
    return df
