"""The explanation of a result in Dutch: every line with its formula, its values and its inputs.

:func:`uitleg` writes what ``tarieven uitleg`` prints and :meth:`tarieven.Uitkomst.uitleg`
returns: the tariff, how the parameters were read (peildatum or tariff year, the assumption
set, projection), the indicative values and assumptions with their reading and reason, each
step of the method with its lines, and the sources of the bundled values.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from tarieven.fouten import Waarschuwing, veilig
from tarieven.model import STAPPEN, RegelDefinitie, verwijzing
from tarieven.parameters import Herkomst
from tarieven.scenario import Scenario
from tarieven.weergave import LEZING, band_tekst, euro, getal, invoer, is_geld, telling

__all__ = ["invoer_tekst", "uitleg"]


class Regel(Protocol):
    """A line of a result (:class:`tarieven.uitkomst.Regel`), as the explanation reads it."""

    @property
    def definitie(self) -> RegelDefinitie: ...
    @property
    def waarde(self) -> float: ...
    @property
    def naam(self) -> str: ...
    @property
    def eenheid(self) -> str: ...
    def toon(self) -> str: ...


class Uitkomst(Protocol):
    """What the explanation reads of a result (:class:`tarieven.Uitkomst`); a protocol, so that
    this module stays below the results layer that calls it."""

    scenario: Scenario
    versie: str

    def __iter__(self) -> Iterator[Regel]: ...
    def __getitem__(self, naam: str) -> float: ...
    def regel(self, naam: str) -> Regel: ...
    @property
    def tarief(self) -> float: ...
    @property
    def eenheid(self) -> str: ...
    @property
    def invoer_hash(self) -> str: ...
    @property
    def waarschuwingen(self) -> tuple[Waarschuwing, ...]: ...
    def eigen_invoer(self) -> list[str]: ...
    def is_eigen_invoer(self, sleutel: str) -> bool: ...
    def geprojecteerde_invoer(self) -> dict[str, Herkomst]: ...
    def onzekere_invoer(self) -> dict[str, Herkomst]: ...
    def onzeker_telling(self) -> str: ...
    def band(self) -> tuple[float, float]: ...


def _toon_waarde(u: Uitkomst, naam: str, x: float) -> str:
    """A value inside a formula: money with cents, other numbers as entered."""
    eenheid = u.regel(naam).eenheid if naam in {r.naam for r in u} else u.scenario.veld(naam).eenheid
    return getal(x) if is_geld(eenheid) else invoer(x)


def invoer_tekst(u: Uitkomst, sleutel: str) -> str:
    """One input as the explanation shows it: ``key = value  [origin, status, reading, date]``."""
    s = u.scenario
    soort = ""
    if u.eigen_invoer():
        if not u.is_eigen_invoer(sleutel):
            soort = f"overgenomen van {s.eigen['basis']}: "
        elif s.herkomst[sleutel].status is not None:  # looked up from the user's own CAO, scale or step
            soort = "eigen keuze: "
    return f"{sleutel} = {s.toon(sleutel)}  [{soort}{s.herkomst[sleutel]}]"


def _projectie_tekst(u: Uitkomst) -> list[str]:
    """Which of the two ways to a later year produced this result: projection, never also indexation."""
    geprojecteerd = u.geprojecteerde_invoer()
    if not geprojecteerd:
        return []
    loon = sorted(k for k in geprojecteerd if k.endswith(("maandsalaris", "vakantietoeslag_minimum")))
    loonregel = f"{telling(len(loon), 'salarisbedrag', 'salarisbedragen')} met de verwachte loonontwikkeling"
    hoe = f"{loonregel}, de andere ongewijzigd doorgetrokken" if loon else "ongewijzigd doorgetrokken"
    n = telling(len(geprojecteerd), "invoerwaarde", "invoerwaarden")
    return [
        f"Geprojecteerd na het einde van hun bron (status aanname): {n}; {hoe} (zie de toelichting per "
        "waarde). Er is geen VNG-indexatie toegepast: "
        "het tarief komt uit de geprojecteerde waarden van de peildatum, niet uit een geïndexeerd tarief "
        "van een eerder jaar; indexeer dit tarief dus niet nog eens over dezelfde jaren."
    ]


def _kop(u: Uitkomst) -> list[str]:
    """The heading: what was computed, the tariff, and how the parameters were read."""
    s = u.scenario
    namen = {r.naam for r in u}
    regels = [
        f"Tariefberekening: {s.kop}",
        f"Bron: {veilig(s.bron)} · tarieven {u.versie} · invoer-hash {u.invoer_hash[:12]}",
        f"Eenheid: {u.eenheid}. Bedragen afgerond op centen (half naar boven) voor de weergave; "
        "gerekend in volle precisie.",
        "",
        f"Tarief per cliënt per {u.eenheid}: {euro(u.tarief)}"
        + (f" (per uur {euro(u['tarief_per_uur'])})" if "tarief_per_uur" in namen else ""),
    ]
    if "tarief_per_traject" in namen:
        regels.append(f"Tarief per traject: {euro(u['tarief_per_traject'])}")
    if any(h.lezing for h in s.herkomst.values()):
        laag, hoog = u.band()
        regels.append(
            f"Aannames: {s.aannames}, elke aanname met lezingen op haar {LEZING[s.aannames]} lezing (zie "
            f"{verwijzing('aannamesets')}); de lezing staat bij elke aanname. Band (elke aanname op haar lage "
            f"en op haar hoge lezing): {band_tekst(laag, hoog)}."
        )
    if s.peildatum is not None:
        regels.append(f"Parameters op peildatum {s.peildatum}.")
    if s.tariefjaar is not None:
        regels.append(f"Parameters tijdgewogen over tariefjaar {s.tariefjaar} (naar dagen in werking).")
    regels += _projectie_tekst(u)
    if eigen := u.eigen_invoer():
        weg = s.eigen.get("weglaten") or []
        regels.append(
            f"Eigen invoer ({len(eigen)}): {', '.join(eigen)}; "
            + (f"weggelaten van het product: {', '.join(map(str, weg))}; " if weg else "")
            + f"de andere invoer is overgenomen van product {s.eigen['basis']} (bij elke invoer staat zijn "
            "herkomst; 'overgenomen' bij wat van het product komt)."
        )
    return regels


def _onzeker(u: Uitkomst) -> list[str]:
    """The indicative values and assumptions the tariff rests on, each with its reading and reason."""
    onzeker = u.onzekere_invoer()
    if not onzeker:
        return []
    regels = ["", f"Dit tarief rust op {u.onzeker_telling()} (zie {verwijzing('aannames')}):"]
    getoond: set[str] = set()
    for k, h in onzeker.items():
        regels.append(f"  - {invoer_tekst(u, k)}")
        if h.toelichting and h.toelichting not in getoond:
            regels.append(f"      {' '.join(h.toelichting.split())}")
            getoond.add(h.toelichting)
    return regels


def _stappen(u: Uitkomst) -> list[str]:
    """Each step of the method with its lines: value, cost element, formula in words, over names, with
    values; the inputs."""
    s = u.scenario
    regels: list[str] = []
    stap = None
    waarden = {**s.waarden, **{r.naam: r.waarde for r in u}}
    op_stap: list[Regel] = sorted(u, key=lambda r: r.definitie.stap)  # stable: computation order within a step
    for r in op_stap:
        d = r.definitie
        if d.stap != stap:
            stap = d.stap
            regels += ["", f"{stap}. {STAPPEN[stap]} (zie {verwijzing(stap)})"]
        regels.append(f"  {d.naam:<32} {r.toon():>24}   {d.omschrijving}")
        regels.append(f"      kostprijselement: {d.grondslag}")
        for vorm in dict.fromkeys((d.formule, d.expressie, d.met_waarden(waarden, lambda n, x: _toon_waarde(u, n, x)))):
            regels.append(f"      = {vorm}")
        for naam in d.invoer:
            if naam in s.waarden:
                regels.append(f"        {invoer_tekst(u, naam)}")
    return regels


def _bronnen(u: Uitkomst) -> list[str]:
    """The sources of the bundled inputs, each once, with the inputs that rest on it."""
    per_bron: dict[str, list[str]] = {}
    for sleutel, h in u.scenario.herkomst.items():
        if h.bron:
            per_bron.setdefault(h.bron, []).append(sleutel)
    if not per_bron:
        return []
    regels = ["", "Bronnen van de meegeleverde waarden:"]
    for bron, sleutels in per_bron.items():
        regels += [f"  - {bron}", f"      {', '.join(sleutels)}"]
    return regels


def uitleg(u: Uitkomst) -> str:
    """The full explanation in Dutch: each line with value, unit, formula and inputs.

    Each block of lines names the section of ``docs/methode.md`` that describes its step
    (:func:`tarieven.model.verwijzing`), the list of indicative values and assumptions
    names the section on assumptions, and the explanation ends with the source of every
    bundled value (title, article, date, link) and the inputs that rest on it.
    """
    waarschuwingen = [f"  - {w}" for w in u.waarschuwingen]
    if waarschuwingen:
        waarschuwingen = ["", f"Waarschuwingen ({len(u.waarschuwingen)}): controleer deze invoer.", *waarschuwingen]
    return "\n".join(_kop(u) + waarschuwingen + _onzeker(u) + _stappen(u) + _bronnen(u))
