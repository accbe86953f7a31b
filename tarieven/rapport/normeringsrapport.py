"""The report of a cost study (``tarieven normeer MAP --rapport verslag.html|pdf``).

First the study itself: when it was priced, how many submissions, the common basis (the
region's norms, or none) and the submissions left out with the reason. Then one part per
product, each on a new page when printed: n, the quartiles, the median (and the
volume-weighted median where volumes were given), the proposed band with the rule that made
it and the outliers, as submitted and on the common basis; the band plot and the spread
plot (:mod:`tarieven.plots.normering`); every priced submission's tariff.

Providers appear by code only: a reason a submission was left out names the submission by
its code, not by its file. The figures are those of :class:`tarieven.normering.Normering`;
nothing is computed here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tarieven._versie import __version__
from tarieven.rapport.opmaak import document, e, figuur, legenda_onder, nieuwe_figuur, sleutel, tabel, tekenen
from tarieven.rapport.tariefrapport import gemaakt_tekst
from tarieven.weergave import datum, euro, invoer, telling

if TYPE_CHECKING:
    from tarieven.normering import Normering, Productnorm

__all__ = ["normeringsrapport"]

_REEKSEN = (("zoals ingediend", False), ("op gemeenschappelijke basis", True))


def _kop(n: Normering, gemaakt: dt.datetime) -> str:
    aantal = sum(len(pn.codes) for pn in n.producten.values())
    paren = [
        ("Peildatum", datum(n.peildatum) if n.peildatum else "die van elke inzending"),
        ("Inzendingen", f"{aantal} geprijsd, {len(n.fouten)} weggelaten"),
        ("Producten", ", ".join(n.producten) or "geen"),
        ("Versie", f"tarieven {__version__}"),
        ("Gemaakt", gemaakt_tekst(gemaakt)),
    ]
    rijen = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in paren)
    kolommen = "<col style='width:18%'><col style='width:82%'>"
    uitleg = (
        "Elke inzending is een eigen berekening op een product van de regio, geprijsd zoals <i>tarieven bereken</i> "
        "dat doet. Aanbieders staan hier alleen met hun code."
    )
    return (
        f"<h1>Kostprijsonderzoek: normering van {e(telling(aantal, 'inzending', 'inzendingen'))}</h1>"
        f"<table class='gegevens'>{kolommen}<tbody>{rijen}</tbody></table><p class='klein grijs'>{uitleg}</p>"
    )


def _basis(n: Normering) -> str:
    if not n.normen:
        return (
            "<h2>Gemeenschappelijke basis</h2><p>Geen normen opgegeven: de gemeenschappelijke basis is gelijk aan de "
            "inzendingen zoals ingediend.</p>"
        )
    woorden = {"vervang": "vervangt de waarde", "maximum": "ten hoogste", "minimum": "ten minste"}
    rijen = [
        [
            sleutel(m.sleutel),
            e(invoer(m.waarde)),
            e(woorden.get(m.toepassing, m.toepassing)),
        ]
        for m in n.normen
    ]
    return (
        "<h2>Gemeenschappelijke basis</h2><p>Op de gemeenschappelijke basis rekent elke inzending met deze normen, "
        "zodat een verschil in bijvoorbeeld bezetting niet als een verschil in kosten telt.</p>"
        + tabel(["invoer", "norm", "toepassing"], rijen, getallen=[1], breedtes=["50%", "20%", "30%"])
    )


def _weggelaten(n: Normering) -> str:
    if not n.fouten:
        return "<h2>Weggelaten inzendingen</h2><p>Geen: elke inzending is geprijsd.</p>"
    rijen = []
    for i in n.fouten:
        reden = str(i.fout or "")
        for naam in dict.fromkeys((i.bestand, Path(i.bestand).name)):  # by its code, never its file
            reden = reden.replace(naam, f"inzending {i.code}")
        rijen.append([e(i.code), e(reden)])
    return f"<h2>Weggelaten inzendingen ({len(n.fouten)})</h2><p>Niet in de cijfers; elk met de reden.</p>" + tabel(
        ["code", "reden"], rijen, klasse="klein", breedtes=["15%", "85%"]
    )


def _kengetallen(pn: Productnorm) -> str:
    koppen = ["reeks", "n", "kwartiel 1", "mediaan", "kwartiel 3", "gewogen mediaan", "band", "uitschieters"]
    rijen = []
    for naam, basis in _REEKSEN:
        k = pn.kengetallen(op_basis=basis)
        gewogen = euro(k["gewogen_mediaan"]) if k["gewogen_mediaan"] is not None else "—"
        rijen.append(
            [
                e(naam),
                str(k["n"]),
                *(e(euro(k[c])) for c in ("kwartiel_1", "mediaan", "kwartiel_3")),
                e(gewogen),
                e(f"{euro(k['band'][0])} – {euro(k['band'][1])}"),
                e(", ".join(k["uitschieters"]) or "geen"),
            ]
        )
    regel = pn.kengetallen()["bandregel"]
    return tabel(
        koppen, rijen, getallen=range(1, 7), breedtes=["23%", "4%", "10%", "10%", "10%", "11%", "17%", "15%"]
    ) + (
        f"<p class='klein grijs'>Band: {e(regel)}. Kwartielen met lineaire interpolatie; de gewogen mediaan weegt "
        "naar het opgegeven volume.</p>"
    )


def _plot(teken: Any, pn: Productnorm, nummer: int, hoogte: float) -> str:
    with tekenen():
        fig, ax = nieuwe_figuur(hoogte)
        teken(pn, ax=ax)
        legenda_onder(fig, ax)
        return figuur(fig, nummer)


def _product(pn: Productnorm, nummer: int) -> str:
    from tarieven import plots

    rijen = [
        [e(c), e(euro(float(t))), e(euro(float(b)))] for c, t, b in zip(pn.codes, pn.tarieven, pn.op_basis, strict=True)
    ]
    return (
        f"<h2>{e(pn.product)}: {e(telling(len(pn.codes), 'inzending', 'inzendingen'))}</h2>"
        + _kengetallen(pn)
        + _plot(plots.band, pn, 2 * nummer, 72)
        + _plot(plots.spreiding, pn, 2 * nummer + 1, 62)
        + "<h3>De inzendingen</h3>"
        + tabel(
            ["code", "tarief zoals ingediend", "op gemeenschappelijke basis"],
            rijen,
            getallen=[1, 2],
            klasse="klein",
            breedtes=["40%", "30%", "30%"],
        )
    )


def normeringsrapport(n: Normering, *, gemaakt: dt.datetime) -> str:
    """The report of a cost study as one self-contained HTML document (see the module docstring)."""
    delen = [_kop(n, gemaakt) + _basis(n) + _weggelaten(n)]
    delen += [_product(pn, i) for i, pn in enumerate(n.producten.values(), start=1)]
    inhoud = "".join(f"<section{' class=deel' if i else ''}>{deel}</section>" for i, deel in enumerate(delen))
    voet = f"Kostprijsonderzoek · tarieven {__version__} · gemaakt {gemaakt_tekst(gemaakt)}"
    return document("Kostprijsonderzoek", voet, inhoud, gemaakt=gemaakt.astimezone(dt.UTC).isoformat())
