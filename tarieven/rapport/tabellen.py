"""The long tables of a tariff report: the build-up line by line, every input, and the sources.

Per-function lines and inputs (``jaarloon.mbo``, ``functies.hbo.verzuim``) stand side by side,
one column per function, so a reader compares the functions at a glance and one product fits
on three pages. Every input of the result (:func:`tarieven.invoerjson.invoer_json`, what
``tarieven bereken --formaat json`` gives) has its row with value and unit, status (and the
reading of an assumption), and its sources by number; the list of sources gives each document
once, with its address and what is cited from it (the head of the titles they share said once).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tarieven.herkomst import OPGEGEVEN, Herkomst
from tarieven.model import STAPPEN
from tarieven.rapport.methode import sectie
from tarieven.rapport.opmaak import e, link, sleutel, tabel
from tarieven.uitkomst import Regel, Uitkomst

__all__ = ["Bronnen", "bron_delen", "invoer_sectie", "opbouw_sectie", "status_tekst"]

_ADRES = re.compile(r"\s*\((https?://[^\s()]+)\)(?=;\s|$)")


def bron_delen(bron: str) -> list[tuple[str, str | None]]:
    """A source text as its documents: each title with its address (``Bron.__str__`` writes
    ``title, article (address)``; several sources of one value are joined with ``; ``)."""
    delen: list[tuple[str, str | None]] = []
    begin = 0
    for m in _ADRES.finditer(bron):
        delen.append((bron[begin : m.start()].strip().removeprefix(";").strip(), m.group(1)))
        begin = m.end()
    rest = bron[begin:].strip().removeprefix(";").strip()
    if rest:
        delen.append((rest, None))
    return delen


@dataclass
class Bronnen:
    """The documents cited, numbered in the order they are first cited: one number per address (the
    titles and articles cited from it listed with it), one per title where a source has no address."""

    nummers: dict[str, int] = field(default_factory=dict)
    titels: dict[int, list[str]] = field(default_factory=dict)
    adressen: dict[int, str | None] = field(default_factory=dict)

    def verwijs(self, bron: str | None) -> list[int]:
        """The numbers of the documents of one source text (new ones get the next numbers)."""
        if not bron:
            return []
        uit = []
        for titel, adres in bron_delen(bron):
            n = self.nummers.setdefault(adres or f"titel:{titel}", len(self.nummers) + 1)
            self.adressen[n] = adres
            if titel not in (titels := self.titels.setdefault(n, [])):
                titels.append(titel)
            uit.append(n)
        return uit

    def lijst(self) -> str:
        """The numbered list: each document's titles (and the articles cited) and its address."""
        regels = []
        for n, titels in self.titels.items():
            adres = self.adressen[n]
            tekst = _titels(titels)
            regels.append(f"<p><b>[{n}]</b> {tekst}" + (f" · {link(adres)}" if adres else "") + "</p>")
        return f"<div class='bronnen klein'>{''.join(regels)}</div>"


_SCHEIDING = (", ", ": ")


def _titels(titels: Sequence[str]) -> str:
    """The titles cited from one address: the head they share (up to a ``, `` or ``: `` where each goes on)
    once, then what each cites of it: ``CAO Jeugdzorg 2024-2025, art. 7.3 lid 1 · art. 7.3 lid 3``."""
    gedeeld = (
        next(
            (i for i, tekens in enumerate(zip(*titels, strict=False)) if len(set(tekens)) > 1),
            min(map(len, titels), default=0),
        )
        if len(titels) > 1
        else 0
    )
    grens = max((i for i in range(gedeeld + 1) if all(t[i : i + 2] in _SCHEIDING for t in titels)), default=0)
    if grens < 8:  # nothing worth saying once
        return " · ".join(e(t) for t in titels)
    return e(titels[0][: grens + 2]) + " · ".join(e(t[grens + 2 :]) for t in titels)


def _verwijzing(nummers: Sequence[int]) -> str:
    """``[3]``, ``[3, 7]``, ``[12–16]``: numbers in order, runs as a range."""
    reeks = sorted(set(nummers))
    delen: list[str] = []
    i = 0
    while i < len(reeks):
        j = i
        while j + 1 < len(reeks) and reeks[j + 1] == reeks[j] + 1:
            j += 1
        delen.append(str(reeks[i]) if j == i else f"{reeks[i]}–{reeks[j]}")
        i = j + 1
    return f"[{', '.join(delen)}]" if delen else "—"


def status_tekst(u: Uitkomst, sleutel: str) -> str:
    """``aanname (centraal)`` (with the reading it was read at), ``indicatief``, ``geprojecteerd``;
    ``eigen invoer`` for a value from the user's scenario, ``opgegeven`` for one given with the calculation
    (``--met``); ``—`` for a text that only names or describes."""
    h: Herkomst | None = u.scenario.herkomst.get(sleutel)
    if h is None:
        return "eigen invoer" if u.is_eigen_invoer(sleutel) else "—"
    if h.status is None:
        return "opgegeven" if h.oorsprong == OPGEGEVEN else "eigen invoer"
    tekst = "geprojecteerd" if h.geprojecteerd else h.status  # a projected value is an assumption (legend)
    if h.lezing:
        tekst += f" ({h.lezing})"
    return f"eigen keuze, {tekst}" if u.is_eigen_invoer(sleutel) else tekst


def _bron_cel(u: Uitkomst, sleutels: Sequence[str], bronnen: Bronnen) -> str:
    """The sources of some inputs by number (a user's own value has none: its status says where it was given)."""
    nummers: list[int] = []
    for k in sleutels:
        if (h := u.scenario.herkomst.get(k)) is not None and h.status is not None:
            nummers += bronnen.verwijs(h.bron)
    return _verwijzing(nummers)


def _status_cel(u: Uitkomst, per: dict[str, str]) -> str:
    """The status of one field of the functions (``per``: function -> key), said once for the functions
    that share it: ``indicatief``, or ``mbo: eigen invoer; hbo, wo: indicatief (centraal)``."""
    functies: dict[str, list[str]] = {}
    for f, k in per.items():
        functies.setdefault(status_tekst(u, k), []).append(f)
    if len(functies) == 1:
        return e(next(iter(functies)))
    return "; ".join(f"{e(', '.join(fs))}: {e(t)}" for t, fs in functies.items())


def _waarde(u: Uitkomst, sleutel: str) -> str:
    """An input's value as the explanation shows it; a text (a name, a description) may wrap."""
    tekst = e(u.scenario.toon(sleutel))
    return tekst if sleutel in u.scenario.waarden else f"<span class='tekst'>{tekst}</span>"


def _per_functie(sleutel: str, functies: Sequence[str]) -> tuple[str, str] | None:
    """``functies.mbo.verzuim`` -> (``verzuim``, ``mbo``); None for an input of no function."""
    delen = sleutel.split(".")
    if len(delen) == 3 and delen[0] == "functies" and delen[1] in functies:
        return delen[2], delen[1]
    return None


def _tekstinvoer(u: Uitkomst, sleutels: Sequence[str]) -> str:
    """Inputs that name or choose (a code, a name, a basis for the overhead) and come from no parameter:
    they have no status and no source, so they share one paragraph."""
    if not sleutels:
        return ""
    delen = " · ".join(f"{sleutel(k)} = {e(u.scenario.toon(k))}" for k in sleutels)
    return f"<p class='klein'><b>Namen en keuzes</b> (zonder status of bron): {delen}</p>"


def _legenda(u: Uitkomst) -> str:
    """What the statuses mean, where a status is not a parameter's own."""
    oorsprong = {h.oorsprong for h in u.scenario.herkomst.values() if h.status is None}
    delen = []
    if any(o != OPGEGEVEN for o in oorsprong):
        bestanden = ", ".join(sorted(o for o in oorsprong if o != OPGEGEVEN))
        delen.append(f"<i>eigen invoer</i>: uit {e(bestanden)}")
    if OPGEGEVEN in oorsprong:
        delen.append(f"<i>opgegeven</i>: {e(OPGEGEVEN)} (--met)")
    if u.geprojecteerde_invoer():
        delen.append("<i>geprojecteerd</i>: na het einde van de bron doorgetrokken (status aanname)")
    if u.eigen_invoer() and isinstance(basis := u.scenario.eigen.get("basis"), str):
        delen.append(f"elke andere invoer is overgenomen van {e(basis)}, met haar status en bron")
    return f"<p class='klein'>{'; '.join(delen)}.</p>" if delen else ""


def invoer_sectie(u: Uitkomst, bronnen: Bronnen) -> str:
    """Every input: those of the functions side by side, then the others, each with status and sources;
    the names and choices without a source in one paragraph."""
    s = u.scenario
    functies = list(s.structuur.functies)
    velden: dict[str, dict[str, str]] = {}
    anders: list[str] = []
    tekst: list[str] = []
    for k in s.invoer:
        if k not in s.waarden and k not in s.herkomst:
            tekst.append(k)
        elif (paar := _per_functie(k, functies)) is not None:
            velden.setdefault(paar[0], {})[paar[1]] = k
        else:
            anders.append(k)
    delen = [_tekstinvoer(u, tekst), _legenda(u)]
    if velden:
        rijen = []
        for veld_, per in velden.items():
            waarden = [_waarde(u, per[f]) if f in per else "—" for f in functies]
            rijen.append([sleutel(veld_), *waarden, _status_cel(u, per), _bron_cel(u, [*per.values()], bronnen)])
        n = len(functies)
        kolom = min(14, 42 // max(n, 1))
        delen.append(
            "<h3>Per functie: functies.<i>functie</i>.<i>veld</i></h3>"
            + tabel(
                ["veld", *functies, "status (lezing)", "bron"],
                rijen,
                getallen=range(1, n + 1),
                klasse="klein",
                breedtes=["18%", *[f"{kolom}%"] * n, "30%", f"{52 - n * kolom}%"],
            )
        )
    cellen = [[sleutel(k), _waarde(u, k), e(status_tekst(u, k)), _bron_cel(u, [k], bronnen)] for k in anders]
    helft = (len(cellen) + 1) // 2  # two inputs a row, read down the left half first
    rijen = [[*cellen[i], *(cellen[i + helft] if i + helft < len(cellen) else ["", "", "", ""])] for i in range(helft)]
    delen.append(
        "<h3>Product, opslagen en werkgeverslasten</h3>"
        + tabel(
            ["invoer", "waarde", "status (lezing)", "bron"] * 2,
            rijen,
            getallen=[1, 5],
            klasse="klein paren",
            breedtes=["22%", "9.5%", "12%", "6.5%"] * 2,
        )
    )
    return "".join(delen)


def _matrix(regels: Sequence[Regel], functies: Sequence[str]) -> list[list[str]]:
    """Lines of one step per function side by side: one row per line and formula."""
    rijen: dict[tuple[str, str], dict[str, Regel]] = {}
    for r in regels:
        familie, _, f = r.naam.rpartition(".")
        rijen.setdefault((familie, r.definitie.formule), {})[f] = r
    uit = []
    for (familie, formule), per in rijen.items():
        f0, eerste = next(iter(per.items()))
        label = " ".join(w for w in eerste.definitie.label.split(" ") if w != f0)
        naam = sleutel(f"{familie}.", "<i>functie</i>")
        uit.append([e(label), naam, *(e(per[f].toon()) if f in per else "—" for f in functies), e(formule)])
    return uit


def _methode(stap: str) -> str:
    """The section of the method that describes a step: its address and the cost element it covers."""
    sec = sectie(stap)
    element = f" · kostprijselement: {e(sec.kostprijselement)}" if sec.kostprijselement else ""
    return f" <span class='methode'>· {e(sec.adres)}{element}</span>"  # on the heading's line: a line less


def opbouw_sectie(u: Uitkomst) -> str:
    """Every line of the build-up, step by step, with its value and its formula in words; the lines of
    each function side by side where a step has only those. Each step names the section of the method
    that describes it and the cost element it covers."""
    functies = list(u.scenario.structuur.functies)
    per_stap: dict[str, list[Regel]] = {}
    for r in sorted(u, key=lambda r: r.definitie.stap):  # stable: the order of computation within a step
        per_stap.setdefault(r.definitie.stap, []).append(r)
    matrix: list[list[str]] = []
    gewoon: list[list[str]] = []
    for stap, regels in per_stap.items():
        kop = f"<kop>Stap {e(stap)}. {e(STAPPEN[stap])}{_methode(stap)}"
        if functies and all(r.naam.rpartition(".")[2] in functies for r in regels):
            matrix += [[kop], *_matrix(regels, functies)]
        else:
            gewoon += [
                [kop],
                *([e(r.definitie.label), sleutel(r.naam), e(r.toon()), e(r.definitie.formule)] for r in regels),
            ]
    delen = []
    if matrix:
        n = len(functies)
        kolom = min(13, 31.5 / max(n, 1))  # line and name as wide as in the table below
        breedtes = ["16%", "16%", *[f"{kolom:g}%"] * n, f"{68 - n * kolom:g}%"]
        delen.append(
            tabel(
                ["regel", "naam", *functies, "formule in woorden"],
                matrix,
                getallen=range(2, n + 2),
                klasse="klein",
                breedtes=breedtes,
            )
        )
    if gewoon:
        delen.append(
            tabel(
                ["regel", "naam", "waarde", "formule in woorden"],
                gewoon,
                getallen=[2],
                klasse="klein",
                breedtes=["16%", "16%", "12%", "56%"],
            )
        )
    return "".join(delen)
