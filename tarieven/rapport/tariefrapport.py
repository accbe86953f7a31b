"""The report of one tariff for the negotiating table: the tariff, what it rests on, where each number comes from.

Three parts, each starting on a new page when printed, on three pages of A4 (four parts for a scenario
with inputs of its own on a product: the comparison with that product comes second, and the build-up and
the inputs follow it on the same pages, so that this report too takes three pages; a build-up of a few
lines, a transport product's, shares its page too):

1. **Samenvatting**: what was computed (product, scenario or provider, peildatum, assumption
   set, version, parameter-set and input hashes, date made); the tariff as ``tarieven
   bereken`` prints it, in every unit the result has, with its band; the waterfall and the
   parts per client; the warnings; the published comparable level of the product, with the
   level check of ``tarieven niveau`` (:func:`tarieven.analyse.niveaucheck`).
2. **Vergelijking** (a scenario on a product only): the comparison with that product, the bridge
   and its parts in euros (:func:`tarieven.vergelijk`), each with the inputs that differ.
3. **Opbouw**: every line of the build-up with its formula in words, each step with the section
   of the method that describes it.
4. **Invoer en bronnen**: every input with value and unit, status and sources; the list of
   sources with title and address.

Nothing is computed here that the library does not compute elsewhere: the figures are those
of :func:`tarieven.bereken`, :meth:`Uitkomst.band`, :func:`tarieven.vergelijk` and
:func:`tarieven.analyse.niveaucheck`, shown through :mod:`tarieven.weergave`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from tarieven.afronding import op_centen
from tarieven.fouten import TarievenFout
from tarieven.gepubliceerd import jaarindex
from tarieven.rapport import methode
from tarieven.rapport.opmaak import document, e, figuur, legenda_onder, nieuwe_figuur, sleutel, tabel
from tarieven.rapport.tabellen import Bronnen, invoer_sectie, opbouw_sectie
from tarieven.uitkomst import ANDERE_EENHEDEN, OPBOUW, Uitkomst
from tarieven.weergave import LEZING, band_tekst, datum, euro, procent, telling

if TYPE_CHECKING:
    from tarieven.analyse.niveau import Niveaucheck
    from tarieven.gepubliceerd import GepubliceerdTarief
    from tarieven.vergelijkingsuitvoer import Vergelijking

__all__ = ["gemaakt_tekst", "tariefrapport"]


KORT = 10
"""A build-up of at most this many lines (a transport product's two) shares its page with what comes before."""


def gemaakt_tekst(moment: dt.datetime) -> str:
    """The date made as a report shows it: ``7 december 2026, 06:41 UTC``."""
    utc = moment.astimezone(dt.UTC)
    return f"{datum(utc.date())}, {utc:%H:%M} UTC"


def _wanneer(u: Uitkomst) -> str:
    s = u.scenario
    if s.tariefjaar is not None:
        return f"tariefjaar {s.tariefjaar} (elke parameter tijdgewogen over het jaar)"
    return datum(s.peildatum) if s.peildatum is not None else "—"


def _kop(u: Uitkomst, gemaakt: dt.datetime) -> str:
    s = u.scenario
    paren = []
    if s.product_code:
        paren.append(("Product", f"{s.product_code} {s.product_naam or ''}".strip()))
    paren.append(("Scenario", s.bron))
    if aanbieder := s.invoer.get("aanbieder.code") or s.invoer.get("aanbieder.naam"):
        paren.append(("Aanbieder", str(aanbieder)))
    if u.eigen_invoer():
        eigen = [k for k in s.invoer if u.is_eigen_invoer(k) and k not in ("beschrijving", "basis")]
        namen = ", ".join(eigen) if len(eigen) <= 4 else telling(len(eigen), "veld", "velden")
        paren.append(("Eigen invoer", f"{namen}; de rest van {s.eigen.get('basis')}"))
    paren += [
        ("Peildatum", _wanneer(u)),
        ("Aannames", f"{s.aannames}: elke aanname op haar {LEZING[s.aannames]} lezing"),
        ("Versie", f"tarieven {u.versie}"),
        ("Gemaakt", gemaakt_tekst(gemaakt)),
    ]
    rijen = []
    for i in range(0, len(paren), 2):
        cellen = "".join(f"<th>{e(k)}</th><td>{e(v)}</td>" for k, v in paren[i : i + 2])
        rijen.append(f"<tr>{cellen}</tr>")
    for k, v in (
        ("Parameterset-hash", s.parameters.hash if s.parameters is not None else "—"),
        ("Invoer-hash", u.invoer_hash),
    ):
        rijen.append(f"<tr><th>{e(k)}</th><td colspan='3' class='hash'>{e(v)}</td></tr>")
    kolommen = "<col style='width:15%'><col style='width:38%'><col style='width:12%'><col style='width:35%'>"
    return (
        f"<h1>Tariefberekening: {e(s.kop)}</h1>"
        f"<table class='gegevens'>{kolommen}<tbody>{''.join(rijen)}</tbody></table>"
    )


def _tarief(u: Uitkomst, band: tuple[float, float]) -> str:
    namen = {r.naam for r in u}
    eenheden = [[e(u.regel(n).definitie.label), e(euro(u[n]))] for n in ANDERE_EENHEDEN if n in namen]
    if "vervoerscategorie" in namen:
        eenheden.append(["vervoerscategorie", e(f"{u['vervoerscategorie']:g}")])
    laag, hoog = band
    bandregel = (
        f"<div class='band'>band {e(band_tekst(laag, hoog))} "
        "<span class='klein grijs'>(aannames laag – hoog)</span></div>"
        if euro(laag) != euro(hoog)
        else "<div class='band grijs'>geen band: geen invoer heeft lezingen</div>"
    )
    links = (
        f"<div class='grijs'>Tarief per cliënt per {e(u.eenheid)}</div><div class='tarief'>{e(euro(u.tarief))}</div>"
        + bandregel
        + (tabel(["in andere eenheden", "tarief"], eenheden, getallen=[1]) if eenheden else "")
    )
    rechts = ""
    if OPBOUW[0] in namen:
        rijen = [[e(u.regel(n).definitie.label), e(euro(u[n]))] for n in OPBOUW]
        rijen.append([f"<totaal>tarief per cliënt per {e(u.eenheid)}", e(euro(u.tarief))])
        rechts = tabel([f"opbouw per cliënt per {u.eenheid}", "bedrag"], rijen, getallen=[1])
        rechts += "<p class='klein grijs'>De delen tellen onafgerond op tot het tarief.</p>"
    uitleg = (
        "De band: elke meegeleverde aanname op haar lage en op haar hoge lezing; wat de gebruiker zelf opgaf, "
        f"blijft staan ({e(methode.sectie('aannamesets').adres)}). Bedragen afgerond op centen (half naar "
        "boven); gerekend in volle precisie."
    )
    return (
        f"<h2>Tarief</h2><table class='naast'><tbody><tr><td style='width:48%'>{links}</td>"
        f"<td style='width:52%'>{rechts}</td></tr></tbody></table><p class='klein grijs'>{uitleg}</p>"
    )


def _waterval(u: Uitkomst, referentie: GepubliceerdTarief | None) -> str:
    from tarieven.plots import waterval
    from tarieven.rapport.opmaak import tekenen

    if OPBOUW[0] not in {r.naam for r in u}:
        return ""
    with tekenen():
        fig, ax = nieuwe_figuur(68 if referentie is None else 76)
        waterval(u, ax=ax, referentie=referentie, titel=f"Van kosten naar tarief per cliënt per {u.eenheid}")
        legenda_onder(fig, ax)
        return figuur(fig, 1)


def _waarschuwingen(u: Uitkomst) -> str:
    punten = [f"<li class='waarschuwing'>{e(w)}</li>" for w in u.waarschuwingen]
    if u.onzekere_invoer():
        punten.append(
            f"<li>Dit tarief rust op {e(u.onzeker_telling())}; hun status, lezing en bron staan bij de invoer.</li>"
        )
    if n := len(u.geprojecteerde_invoer()):
        punten.append(
            f"<li>{e(telling(n, 'invoerwaarde is', 'invoerwaarden zijn'))} geprojecteerd na het einde van hun bron "
            "(status aanname); er is geen VNG-indexatie toegepast: indexeer dit tarief niet nog eens over dezelfde "
            "jaren.</li>"
        )
    if not punten:
        punten.append("<li>Geen: elke invoer is definitief of afgeleid en binnen haar gebruikelijke grenzen.</li>")
    return f"<h2>Waarschuwingen</h2><ul>{''.join(punten)}</ul>"


def _niveaucheck(u: Uitkomst) -> tuple[Niveaucheck | None, str]:
    """The level check of the product (``tarieven niveau``) on the scenario's year, or the last year with a
    published index; None and why not where the product has no published comparable or cannot be checked."""
    from tarieven.analyse.niveau import VERGELIJKINGEN, niveaucheck

    s = u.scenario
    code = s.product_code
    if code is None or code not in VERGELIJKINGEN:
        return None, "Voor dit product is geen gepubliceerd vergelijkbaar niveau opgenomen (tarieven niveau)."
    jaar = s.tariefjaar or (s.peildatum.year if s.peildatum is not None else None)
    laatste = max(jaarindex(s.parameters))
    prijsjaar = laatste if jaar is None else min(jaar, laatste)
    try:
        return niveaucheck({code: VERGELIJKINGEN[code]}, prijsjaar=prijsjaar, sluiters=(), params=s.parameters), ""
    except TarievenFout as fout:
        return None, f"Het gepubliceerde niveau is niet te vergelijken op prijsjaar {prijsjaar}: {fout}"


def _niveaus(u: Uitkomst, check: Niveaucheck | None, reden: str) -> str:
    if check is None:
        return f"<h2>Gepubliceerde vergelijkbare niveaus</h2><p>{e(reden)}</p>"
    code = str(u.scenario.product_code)
    ref = check.referenties[code]
    rij: Any = check.band.loc[code]
    j = check.prijsjaar
    stappen = "<br>".join(e(r.strip()) for r in ref.uitleg().splitlines()[:-1])
    kop = ["", "laag", "centraal", "hoog", "gepubliceerd", "binnen de band"]
    cijfers = [
        [
            f"{e(code)} op de meegeleverde standaardwaarden, tijdgewogen over {j}",
            *(e(euro(float(rij[k]))) for k in ("laag", "centraal", "hoog", "gepubliceerd")),
            "ja" if rij["binnen_band"] else "nee",
        ]
    ]
    delen = check.delen[check.delen["product"] == code]
    scheidt = " · ".join(f"{e(label)} {e(euro(b))}" for label, b in zip(delen["label"], delen["bedrag"], strict=True))
    tekst = [
        f"<p><b>{e(ref.kort())}: {e(euro(ref.bedrag))}</b> (status {e(ref.status)})<br>"
        f"<span class='klein'>{stappen}</span></p>",
        tabel(kop, cijfers, getallen=range(1, 6), klasse="klein", breedtes=["40%", "11%", "11%", "11%", "14%", "13%"]),
    ]
    if scheidt:
        tekst.append(
            f"<p class='klein'><b>Wat centraal en laag scheidt</b> (Shapley, in centen die optellen): {scheidt}.</p>"
        )
    if not rij["binnen_band"]:
        tekst.append(
            f"<p class='klein'>Buiten de band: {e(euro(float(rij['rest_bedrag'])))}; {e(rij['rest_reden'])}.</p>"
        )
    s = u.scenario
    if s.tariefjaar != j or u.eigen_invoer():
        hier = f"tariefjaar {s.tariefjaar}" if s.tariefjaar is not None else f"peildatum {_wanneer(u)}"
        tekst.append(
            f"<p class='klein grijs'>Dit is de vergelijking van <i>tarieven niveau --prijsjaar {j}</i>: het product op "
            f"de meegeleverde standaardwaarden, elke parameter tijdgewogen over {j}"
            + (" (het laatste jaar met een gepubliceerde jaarindex)" if j == max(jaarindex(s.parameters)) else "")
            + f". Het tarief hierboven rekent op {e(hier)}"
            + (" met eigen invoer" if u.eigen_invoer() else "")
            + ".</p>"
        )
    bronnen = "; ".join(e(b) for b in ref.bronnen)
    tekst.append(f"<p class='klein grijs'>Bronnen: {bronnen}.</p>")
    return "<h2>Gepubliceerde vergelijkbare niveaus</h2>" + "".join(tekst)


def _vergelijking(v: Vergelijking) -> str:
    from tarieven.plots import brug
    from tarieven.rapport.opmaak import tekenen

    t, eigen = v.tegen, v.eigen
    verschil = euro(op_centen(eigen.tarief) - op_centen(t.tarief))
    relatief = f" ({procent(v.verschil / t.tarief, 1)})" if t.tarief else ""
    with tekenen():
        fig, ax = nieuwe_figuur(50)
        brug(v, ax=ax)
        ax.set_title(f"Van {euro(t.tarief)} naar {euro(eigen.tarief)}: wat het verschil verklaart", fontsize=10)
        ax.set_ylabel(f"per cliënt per {eigen.eenheid}")
        labels = [x.get_text() for x in ax.get_xticklabels()]
        basis_label = f"tarief\n{t.scenario.product_code or 'tegen'}"
        ax.set_xticks(ax.get_xticks(), [basis_label, *labels[1:-1], "dit\nscenario"])
        svg = figuur(fig, 2)
    basis = t.scenario.product_code or t.scenario.bron
    return (
        f"<h2>Vergelijking met {e(basis)}</h2>"
        f"<p>Tarief van {e(basis)}: <b>{e(euro(t.tarief))}</b> · dit scenario: <b>{e(euro(eigen.tarief))}</b> · "
        f"verschil {e(verschil)}{e(relatief)}, verdeeld over groepen invoer (Shapley-decompositie: het gemiddelde "
        "effect van elke groep over alle volgorden; de delen tellen op tot het verschil), met per groep de invoer "
        "die verschilt.</p>"
        + svg
        + tabel(
            ["groep invoer", "deel", "aandeel", "invoer die verschilt", f"{basis}", "dit scenario"],
            _delen_rijen(v, verschil),
            getallen=[1, 2, 4, 5],
            klasse="klein",
            breedtes=["17%", "9%", "8%", "30%", "18%", "18%"],
        )
    )


def _delen_rijen(v: Vergelijking, verschil: str) -> list[list[str]]:
    """One row per input that differs, under the part of its group (the group's cells on its first row);
    the inputs of no group last, then the total."""
    waarden = {
        iv.sleutel: (e(_toon(iv.sleutel, iv.tegen, v.tegen)), e(_toon(iv.sleutel, iv.eigen, v.eigen)))
        for iv in v.invoer
    }
    rijen: list[list[str]] = []
    gedaan: set[str] = set()
    for d in v.delen:
        groep = [e(d.label), e(euro(d.centen)), e(procent(d.aandeel, 1)) if d.aandeel is not None else ""]
        for i, k in enumerate(d.invoer or ("",)):
            naam = sleutel(k) if k else ""
            rijen.append([*(groep if i == 0 else ["", "", ""]), naam, *waarden.get(k, ("", ""))])
            gedaan.add(k)
    for i, k in enumerate(k for k in waarden if k not in gedaan):
        rijen.append([*(["geen groep", "—", ""] if i == 0 else ["", "", ""]), sleutel(k), *waarden[k]])
    rijen.append(["<totaal>totaal (eigen − basis)", e(verschil), "", "", "", ""])
    return rijen


def _toon(sleutel: str, x: Any, u: Uitkomst) -> str:
    if x is None:
        return "(niet in dit scenario)"
    return u.scenario.toon(sleutel) if sleutel in u.scenario.invoer else str(x)


def _methode(u: Uitkomst) -> str:
    """The sections of the method the result rests on, beside those each step names."""
    onderwerpen = ["aannames"] + (["aannamesets"] if any(h.lezing for h in u.scenario.herkomst.values()) else [])
    delen = "; ".join(f"{e(methode.sectie(k).kop)} ({e(methode.sectie(k).adres)})" for k in onderwerpen)
    return (
        "<p class='klein grijs'>Elke stap noemt de sectie van de methode die haar beschrijft (docs/methode.md) en het "
        f"kostprijselement uit Besluit Jeugdwet art. 2.3 en Uitvoeringsbesluit Wmo 2015 art. 5.4 dat zij dekt. De "
        f"status en lezing van de invoer: {delen}.</p>"
    )


def _na(u: Uitkomst, vergelijking: Vergelijking | None) -> str:
    """How the build-up and the inputs follow: each part on a page of its own (``deel``), except after a
    comparison, where they follow on (a provider's report on 3 pages, not 4), and where the build-up has a few
    lines only (a transport product's: one page in all), each then kept whole."""
    if len(u) <= KORT:
        return "vervolg samen"
    return "vervolg" if vergelijking is not None else "deel"


def tariefrapport(u: Uitkomst, *, gemaakt: dt.datetime, vergelijking: Vergelijking | None = None) -> str:
    """The report of ``u`` as one self-contained HTML document (see the module docstring).

    ``gemaakt``: the date the report says it was made; ``vergelijking``: for a provider's
    scenario, its comparison with the product it builds on.
    """
    s = u.scenario
    band = u.band()
    check, reden = _niveaucheck(u)
    referentie = check.referenties[str(s.product_code)] if check is not None else None
    bronnen = Bronnen()
    samenvatting = _kop(u, gemaakt) + _tarief(u, band) + _waterval(u, referentie) + _waarschuwingen(u)
    samenvatting += _niveaus(u, check, reden)
    opbouw = "<h2>Opbouw regel voor regel</h2>" + _methode(u) + opbouw_sectie(u)
    invoer = "<h2>Invoer en bronnen</h2>" + invoer_sectie(u, bronnen) + "<h3>Bronnen</h3>" + bronnen.lijst()
    delen = [("", samenvatting)] + ([("deel", _vergelijking(vergelijking))] if vergelijking is not None else [])
    delen += [(_na(u, vergelijking), opbouw), (_na(u, vergelijking), invoer)]
    hash_ = s.parameters.hash[:12] if s.parameters is not None else "—"
    aanbieder = s.invoer.get("aanbieder.code") or s.invoer.get("aanbieder.naam")
    voet = (
        f"Tariefberekening {s.product_code or s.bron}"
        + (f" · aanbieder {aanbieder}" if aanbieder else "")
        + f" · tarieven {u.versie} · parameters {hash_} · gemaakt {gemaakt_tekst(gemaakt)}"
    )
    inhoud = "".join(
        f"<section class='{k}'>{deel}</section>" if k else f"<section>{deel}</section>" for k, deel in delen
    )
    return document(f"Tariefberekening: {s.kop}", voet, inhoud, gemaakt=gemaakt.astimezone(dt.UTC).isoformat())
