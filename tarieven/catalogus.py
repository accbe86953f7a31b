"""From bundled parameters to inputs: products by code, functions by CAO scale and step.

A product file (``params/producten/<code>.toml``) holds the product's numbers as dated
parameters with status and source, and names the function behind each role
(``mbo = "pedagogisch_medewerker"``). A function (``params/functies.toml``) names its CAO,
scale, default step and productivity norm. This module looks every number up on a
peildatum (or time-weighted over a tariff year) and writes it as a flat input
(``product.groepsgrootte``, ``functies.mbo.maandsalaris``) with its origin: file, key,
status and source, so an explanation can show what each euro rests on. What the user
wrote wins over every lookup: a lookup only fills what is missing.

The scenario reader (:mod:`tarieven.scenario`) validates the result like any other input.
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from tarieven import weergave
from tarieven.eenheden import Gegeven
from tarieven.fouten import InvoerFout, Probleem, bedoeld, onbekende_sleutels
from tarieven.parameterbestanden import standaard_parameters
from tarieven.parameters import (
    CENTRAAL,
    GewogenWaarde,
    Herkomst,
    Parameter,
    ParameterSet,
    kort,
)
from tarieven.velden import COMPONENTEN, LEEG
from tarieven.zoeker import AANNAMES_VERWACHT, Opgezocht, Zoeker, bronstatus, delen_tekst, slechtste

__all__ = [
    "AANNAMES_VERWACHT",
    "NORMEN",
    "PENSIOEN",
    "PREMIES",
    "is_vervoer",
    "WERKGEVERSLASTEN",
    "Opgezocht",
    "Zoeker",
    "maandsalaris",
    "producten",
    "vul_aan",
]

NORMEN = "normen-haaglanden"
WERKGEVERSLASTEN = "werkgeverslasten"
PENSIOEN = {"cao-jeugdzorg": "pensioen-pfzw"}
"""The pension fund of each CAO (CAO Jeugdzorg: PFZW)."""

PREMIES: dict[str, str | None] = {
    "awf": None,
    "aof": None,
    "ufo": "ufo",
    "whk": "whk",
    "zvw": "zvw",
    "kinderopvang": "kinderopvangtoeslag",
}
"""Which published premium applies, by the key of the scenario. Where there is a choice (AWf
laag or hoog, Aof laag or hoog) it is an assumption of the norms, with its readings
(``premiekeuze.awf`` in ``normen-haaglanden.toml``: the name of the premium that applies); the
other premiums apply to every employer and keep the status of their source."""
PREMIEKEUZE_ZONDER_NORM = {"awf": "awf_laag", "aof": "aof_hoog"}
"""The choice for norms that do not make it (a user's own complete parameter folder of before the
choice was a norm): the bundled central reading, named as such in every explanation."""

FUNCTIE_SLEUTELS = {"naam", "opleiding", "cao", "schaal", "trede", "productiviteit", "bron", "toelichting"}
CAO_GETALLEN = ("vakantietoeslag", "eindejaarsuitkering", "uren_per_week", "weken_per_jaar")
NORM_GETALLEN = ("verzuim", "scholingsuren", "overige_personeelskosten")


def producten(params: ParameterSet | None = None) -> list[str]:
    """The product codes of the catalogue, sorted."""
    return sorted((params or standaard_parameters()).producten)


def is_vervoer(code: str, params: ParameterSet | None = None) -> bool:
    """Whether ``code`` is a transport product (priced by distance, with amounts per category)."""
    params = params or standaard_parameters()
    return code in params.producten and any(k.startswith("product.bedrag.") for k in params.product(code).parameters)


def maandsalaris(
    params: ParameterSet,
    cao: str,
    schaal: int | str,
    trede: int | str,
    peildatum: dt.date | None = None,
    *,
    tariefjaar: int | None = None,
) -> tuple[float, str, Parameter, Opgezocht]:
    """The monthly salary for a CAO scale and step on a peildatum, or time-weighted over a year.

    ``trede`` is a step number, ``"max"`` (the scale's maximum) or ``"midden"`` (the middle
    step, rounded down). Give exactly one of ``peildatum`` and ``tariefjaar``. Returns the
    amount, a description of the step taken, and the parameter and value it came from.
    """
    bedrag, beschrijving, par, w, _ = _maandsalaris(Zoeker(params, peildatum, tariefjaar), cao, schaal, trede)
    return bedrag, beschrijving, par, w


def cao_schalen(params: ParameterSet, cao: str) -> list[str]:
    """The scales of a CAO's salary table, in numeric order (7, 8, ..., 12), as a user types them."""
    schalen = [
        k.removeprefix("salaris.schaal_") for k in params.bestand(cao).parameters if k.startswith("salaris.schaal_")
    ]
    return sorted(schalen, key=lambda s: (not s.isdigit(), int(s) if s.isdigit() else 0, s))


def _maandsalaris(
    z: Zoeker, cao: str, schaal: int | str, trede: int | str
) -> tuple[float, str, Parameter, Opgezocht, int]:
    """:func:`maandsalaris`, also returning the index in the table."""
    naam = f"salaris.schaal_{schaal}"
    bestand = z.params.bestand(cao)
    if naam not in bestand.parameters:
        schalen = ", ".join(cao_schalen(z.params, cao))
        raise InvoerFout([Probleem("schaal", schaal, f"een schaal uit {kort(bestand.pad)} ({schalen})")])
    par = bestand.parameters[naam]
    w = z.op(par)
    tabel = w.waarde
    if not isinstance(tabel, tuple):
        raise InvoerFout([Probleem(naam, tabel, "een lijst bedragen per trede")], kort(bestand.pad))
    if isinstance(trede, str) and trede.isascii() and trede.isdigit():
        trede = int(trede)  # a step number read from a parameter file (kind 'trede' keeps it as text)
    if trede == "max":
        index = len(tabel) - 1
    elif trede == "midden":
        index = (len(tabel) - 1) // 2
    elif isinstance(trede, int) and not isinstance(trede, bool) and 0 <= trede - w.eerste_trede < len(tabel):
        index = trede - w.eerste_trede
    else:
        laatste = w.eerste_trede + len(tabel) - 1
        raise InvoerFout(
            [
                Probleem(
                    "trede",
                    trede,
                    f"'max', 'midden' of een trede van {w.eerste_trede} tot en met {laatste} in schaal {schaal}",
                )
            ],
            kort(bestand.pad),
        )
    beschrijving = f"schaal {schaal} trede {index + w.eerste_trede}" + (f" ({trede})" if isinstance(trede, str) else "")
    return tabel[index], beschrijving, par, w, index


def _functiedefinitie(z: Zoeker, rol: str, ref: Any, bron: str) -> dict[str, Any]:
    functies = z.params.bestand("functies")
    definitie = {k.split(".", 1)[1]: v for k, v in functies.tekst.items() if k.startswith(f"{ref}.")}
    if not definitie:
        namen = sorted({k.split(".", 1)[0] for k in functies.tekst})
        raise InvoerFout(
            [Probleem(f"functies.{rol}.functie", ref, f"een functie uit {kort(functies.pad)} ({', '.join(namen)})")],
            bron,
        )
    problemen: list[Probleem] = []
    onbekende_sleutels(f"{ref}.", definitie, FUNCTIE_SLEUTELS, problemen, " van een functie")
    if problemen:
        raise InvoerFout(problemen, kort(functies.pad))
    return definitie


def _tredeparameter(z: Zoeker, ref: Any) -> Parameter | None:
    """The salary step of a catalogue function, a dated parameter with its readings (``<functie>.trede``)."""
    if not isinstance(ref, str):
        return None
    return z.params.bestand("functies").parameters.get(f"{ref}.trede")


VERLOF = ("vakantieuren", "feestdaguren", "verlofbudget", "vitaliteitsbudget")
"""The leave a CAO grants, as parameters of its file: ``verlofuren`` is their sum (those the CAO has).
The vitaliteitsbudget only reaches staff in their last ten years before the AOW age: it counts
times the share of such staff (:data:`AANDEEL_VITALITEIT` in the norms)."""
AANDEEL_VITALITEIT = "aandeel_vitaliteitsbudget"


def _verlofuren(z: Zoeker, cao: str, sleutel: str, invoer: dict[str, Any], herkomst: dict[str, Herkomst]) -> None:
    """Holiday, public-holiday, leave-budget and vitality hours: one input from the CAO's leave parameters."""
    if sleutel in invoer:
        return
    bestand = z.params.bestand(cao)
    delen: list[tuple[str, Parameter, Opgezocht, float]] = []  # name, parameter, value, factor
    for naam in VERLOF:
        if naam not in bestand.parameters:
            continue
        factor = 1.0
        if naam == "vitaliteitsbudget":
            aandeel = z.params.parameter(NORMEN, AANDEEL_VITALITEIT)
            wa = z.op(aandeel)
            assert isinstance(wa.waarde, float), "een fractie"
            delen.append((AANDEEL_VITALITEIT, aandeel, wa, 1.0))
            factor = wa.waarde
        par = bestand.parameters[naam]
        delen.append((naam, par, z.op(par), factor))
    uren: list[tuple[str, float, float]] = []  # name, hours, factor
    for naam, par, w, f in delen:
        if naam == AANDEEL_VITALITEIT:
            continue
        if not isinstance(w.waarde, float):
            raise InvoerFout([Probleem(par.naam, w.waarde, "één getal in uur/jaar")], kort(par.bestand))
        uren.append((naam, w.waarde, f))
    invoer[sleutel] = Gegeven(sum(x * f for _, x, f in uren), "uur/jaar")
    som = " + ".join(n if f == 1.0 else f"{AANDEEL_VITALITEIT} x {n}" for n, _, f in uren)
    getallen = " + ".join(
        weergave.invoer(x, "uur") if f == 1.0 else f"{weergave.invoer(f)} x {weergave.invoer(x, 'uur')}"
        for _, x, f in uren
    )
    gewogen = "; ".join(f"{n} {delen_tekst(par, w)}" for n, par, w, _ in delen if isinstance(w, GewogenWaarde))
    waarden = [w for _, _, w, _ in delen]
    herkomst[sleutel] = Herkomst(
        f"{Path(bestand.pad).name}: {som} ({getallen})"
        + (f", tijdgewogen {z.tariefjaar}: {gewogen}" if gewogen else ""),
        slechtste(*(w.status for w in waarden)),
        "; ".join(dict.fromkeys(str(w.bron) for w in waarden)),
        max(w.vanaf for w in waarden),
        toelichting=next((w.toelichting for w in waarden if w.lezing not in (None, CENTRAAL)), None),
        geprojecteerd=any(w.geprojecteerd for w in waarden),
        bronstatus=bronstatus(*waarden),
        projectiefactor=max((w.projectiefactor for w in waarden), key=lambda f: abs(f - 1.0)),
        lezing=next((w.lezing for w in waarden if w.lezing), None),
    )


def _is_cao(params: ParameterSet, naam: Any) -> bool:
    """Whether ``naam`` is a parameter file with a CAO's working week (and so its other terms)."""
    return isinstance(naam, str) and naam in params.bestanden and "uren_per_week" in params.bestand(naam).parameters


def _geheel(x: Any) -> Any:
    """A whole number of any kind (``numpy.int64(3)`` from a table's cell) as a Python int; anything
    else as it is (a text, or a value the lookup refuses)."""
    if isinstance(x, bool) or not isinstance(x, numbers.Integral):
        return x
    return int(x)


def _functie(z: Zoeker, rol: str, invoer: dict[str, Any], herkomst: dict[str, Herkomst], bron: str) -> str | None:
    """Fill a function's inputs from its catalogue definition and CAO; returns its CAO when
    its employer charges are to be built from components."""
    p = f"functies.{rol}."
    ref = invoer.get(p + "functie")
    definitie = _functiedefinitie(z, rol, ref, bron) if ref is not None else {}
    if "naam" in definitie:
        invoer.setdefault(p + "naam", definitie["naam"])
    instelling = {k: _geheel(invoer.get(p + k, definitie.get(k))) for k in ("cao", "schaal", "trede")}
    cao = instelling["cao"]
    if cao is None:
        return None
    c = str(cao)
    if not _is_cao(z.params, cao):
        caos = ", ".join(b for b in sorted(z.params.bestanden) if _is_cao(z.params, b))
        raise InvoerFout([Probleem(p + "cao", cao, f"een cao uit {kort(z.params.map)} ({caos})")], bron)
    if p + "maandsalaris" not in invoer:
        if instelling["trede"] is None and (par_trede := _tredeparameter(z, ref)) is not None:
            z.vul(invoer, herkomst, p + "trede", par_trede)  # the step is an assumption with its readings
            instelling["trede"] = invoer[p + "trede"]
        if instelling["schaal"] is None or instelling["trede"] is None:
            raise InvoerFout([Probleem(f"functies.{rol}", f"cao = {c!r}", "bij 'cao' ook 'schaal' en 'trede'")], bron)
        try:
            bedrag, tekst, par, w, index = _maandsalaris(z, c, instelling["schaal"], instelling["trede"])
        except InvoerFout as e:  # a scale or step the user wrote: the user's key, in the user's file
            eigen = [q for q in e.problemen if q.sleutel in ("schaal", "trede") and p + q.sleutel in invoer]
            if not eigen:
                raise
            raise InvoerFout([Probleem(p + q.sleutel, q.waarde, q.verwacht) for q in eigen], bron) from None
        invoer[p + "maandsalaris"] = Gegeven(bedrag, par.eenheid or "EUR/maand")
        herkomst[p + "maandsalaris"] = z.herkomst(par, w, f", {tekst}", index)
    for naam in CAO_GETALLEN:
        z.vul(invoer, herkomst, p + naam, z.params.parameter(c, naam))
    if "vakantietoeslag_minimum" in z.params.bestand(c).parameters:
        z.vul(invoer, herkomst, p + "vakantietoeslag_minimum", z.params.parameter(c, "vakantietoeslag_minimum"))
    _verlofuren(z, c, p + "verlofuren", invoer, herkomst)
    if ref is not None:
        for naam in NORM_GETALLEN:
            z.vul(invoer, herkomst, p + naam, z.params.parameter(NORMEN, naam))
        if isinstance(norm := definitie.get("productiviteit"), str):
            z.vul(invoer, herkomst, p + "productiviteit", z.params.parameter(NORMEN, norm))
    if c in PENSIOEN and p + "werkgeverslasten" not in invoer:
        invoer[p + "werkgeverslasten"] = COMPONENTEN
    return c if invoer.get(p + "werkgeverslasten") == COMPONENTEN else None


PENSIOENVELDEN = {
    "premie": "premie_op",
    "premie_ap": "premie_ap",
    "franchise": "franchise",
    "franchise_ap": "franchise_ap",
    "maximum_pensioengevend_salaris": "maximum_pensioengevend_salaris",
    "werkgeversdeel": "werkgeversdeel",
}
"""The pension inputs of the employer charges, and the parameter of the fund each comes from."""
WERKGEVERSLASTEN_SLEUTELS = frozenset(
    {
        *(f"werkgeverslasten.premies.{p}" for p in PREMIES),
        "werkgeverslasten.maximum_premieloon",
        *(f"werkgeverslasten.pensioen.{v}" for v in PENSIOENVELDEN),
    }
)
"""Every input the bundled employer charges fill; a user who gives some of them gets the rest."""


def _werkgeverslasten(z: Zoeker, cao: str, invoer: dict[str, Any], herkomst: dict[str, Herkomst]) -> None:
    wl, pensioen = WERKGEVERSLASTEN, PENSIOEN[cao]
    for premie, naam in PREMIES.items():
        sleutel = f"werkgeverslasten.premies.{premie}"
        if sleutel in invoer:
            continue
        if naam is not None:
            z.vul(invoer, herkomst, sleutel, z.params.parameter(wl, naam))
            continue
        keuze = z.params.bestand(NORMEN).parameters.get(f"premiekeuze.{premie}")
        if keuze is None:
            standaard = PREMIEKEUZE_ZONDER_NORM[premie]
            z.vul(invoer, herkomst, sleutel, z.params.parameter(wl, standaard))
            h = herkomst[sleutel]
            waarom = f"keuze: {standaard}, de standaard van tarieven; de normen maken haar niet"
            herkomst[sleutel] = replace(h, oorsprong=f"{h.oorsprong} ({waarom})", status=slechtste(h.status, "aanname"))
            continue
        w = z.op(keuze)
        if not isinstance(w.waarde, str) or w.waarde not in z.params.bestand(wl).parameters:
            verwacht = f"de naam van een premie in {kort(z.params.bestand(wl).pad)}, zoals {premie}_laag"
            raise InvoerFout([Probleem(keuze.naam, w.waarde, verwacht)], kort(keuze.bestand))
        z.vul(invoer, herkomst, sleutel, z.params.parameter(wl, w.waarde))
        h, k = herkomst[sleutel], z.herkomst(keuze, w)
        herkomst[sleutel] = replace(
            h,
            oorsprong=f"{h.oorsprong} (keuze: {k.oorsprong})",
            status=slechtste(h.status, k.status),
            bronstatus=slechtste(h.bronstatus, k.status) if h.bronstatus else None,  # the choice stays one
            toelichting=k.toelichting,
            lezing=k.lezing,
        )
    z.vul(invoer, herkomst, "werkgeverslasten.maximum_premieloon", z.params.parameter(wl, "maximum_premieloon"))
    for veld, naam in PENSIOENVELDEN.items():
        z.vul(invoer, herkomst, f"werkgeverslasten.pensioen.{veld}", z.params.parameter(pensioen, naam))


def product_invoer(z: Zoeker, code: str) -> tuple[dict[str, Any], dict[str, Herkomst], str]:
    """The flat inputs of a catalogue product, their origins, and the product file's name."""
    product = z.params.product(code)
    invoer: dict[str, Any] = {}
    herkomst: dict[str, Herkomst] = {}
    for sleutel, v in product.tekst.items():
        if sleutel.startswith("functies."):
            invoer[f"{sleutel}.functie"] = v  # the roles first: they fix the order of the functions
    for sleutel, v in product.tekst.items():
        if sleutel.startswith("product.") and sleutel not in ("product.vanaf", "product.bron"):
            invoer[sleutel] = v
    for naam, par in product.parameters.items():
        z.vul(invoer, herkomst, naam, par)
    if not any(k.startswith("product.bedrag.") for k in invoer):  # a group product, not transport
        for tabel in ("product.extra_uur", "product.indirect_uur"):
            if not any(k.startswith(tabel + ".") for k in invoer):
                invoer[tabel] = LEEG  # a group product without such time says so
        for veld, norm in (
            ("huisvesting_jaar", "huisvesting_per_groep"),
            ("materieel_per_client", "materieel_per_client"),
        ):
            z.vul(invoer, herkomst, f"product.{veld}", z.params.parameter(NORMEN, norm))
        for veld in ("overhead", "overhead_grondslag", "risico_opslag"):
            z.vul(invoer, herkomst, f"opslagen.{veld}", z.params.parameter(NORMEN, veld))
        herkomst.pop("opslagen.overhead_grondslag", None)  # a text, not a number with a status
    return invoer, herkomst, Path(product.pad).name


def _weglaten(invoer: dict[str, Any], herkomst: dict[str, Herkomst], prefixen: Iterable[str]) -> None:
    """Remove inputs of the basis; a table of times left empty stays, explicitly empty."""
    for prefix in prefixen:
        weg = [k for k in invoer if k == prefix or k.startswith(prefix + ".")]
        for k in weg:
            del invoer[k]
            herkomst.pop(k, None)
        for tabel in {k.rsplit(".", 1)[0] for k in weg if k.count(".") >= 2}:
            if tabel.endswith("_uur") and not any(k.startswith(tabel + ".") for k in invoer):
                invoer[tabel] = LEEG


def _weg_te_laten(weg: Any, code: str | None, invoer: Mapping[str, Any], bron: str) -> list[str]:
    """``weglaten``: a list of inputs or tables the basis product has (not one text, not a typo)."""
    verwacht = 'een lijst van invoer of tabellen van het basisproduct, zoals ["product.indirect_uur.wo"]'
    if code is None:
        raise InvoerFout([Probleem("weglaten", weg, verwacht + ", samen met 'basis'")], bron)
    if not isinstance(weg, list) or not all(isinstance(w, str) for w in weg):
        raise InvoerFout([Probleem("weglaten", weg, verwacht)], bron)
    onbekend = [w for w in weg if not any(k == w or k.startswith(w + ".") for k in invoer)]
    if onbekend:
        raise InvoerFout([Probleem("weglaten", w, f"{verwacht}; {code} heeft geen {w}") for w in onbekend], bron)
    return weg


def vul_aan(
    eigen: Mapping[str, Any],
    z: Zoeker,
    bron: str,
    herkomst_eigen: Callable[[str], Herkomst],
) -> tuple[dict[str, Any], dict[str, Herkomst]]:
    """Complete a user's flat inputs from the catalogue: the basis product, then functions and charges.

    ``eigen`` holds what the user wrote (``basis`` and ``weglaten`` included). Rules:
    every key the user gives wins; staff given as counts replaces a basis ratio and a ratio
    replaces basis counts (never added); a mix or a list of counts is replaced whole;
    ``weglaten`` removes inputs of the basis (``["product.indirect_uur.wo"]``); employer charges
    the user changes are completed from the bundled ones, unless the user's block names premiums
    of its own (then it replaces the bundled block whole).
    """
    eigen = dict(eigen)
    code = eigen.pop("basis", None)
    weg = eigen.pop("weglaten", None)
    invoer: dict[str, Any] = {}
    herkomst: dict[str, Herkomst] = {}
    if code is not None:
        if not isinstance(code, str) or code not in z.params.producten:
            codes = ", ".join(sorted(z.params.producten))
            verwacht = f"een productcode uit de catalogus ({codes}){bedoeld(code, z.params.producten)}"
            raise InvoerFout([Probleem("basis", code, verwacht)], bron)
        if "product.code" in eigen and eigen["product.code"] != code:  # the product is the basis: it files the result
            verwacht = f"de code van de basis ({code}), of geen product.code: een scenario op basis {code} is {code}"
            raise InvoerFout([Probleem("product.code", eigen["product.code"], verwacht)], bron)
        invoer, herkomst, bestandsnaam = product_invoer(z, code)
        invoer.setdefault("beschrijving", f"{invoer.get('product.naam', code)} ({code}), catalogus {bestandsnaam}")
    if weg is not None:
        _weglaten(invoer, herkomst, _weg_te_laten(weg, code, invoer, bron))
    if code is not None:
        for eigen_prefix, basis_prefix in (
            ("product.personeel.", ("product.ratio", "product.personeel")),
            ("product.ratio.", ("product.personeel",)),
            ("product.ratio.mix.", ("product.ratio.mix",)),
        ):
            if any(k.startswith(eigen_prefix) for k in eigen):
                _weglaten(invoer, herkomst, basis_prefix)
        direct = {k.split(".")[-1] for k in eigen if k.startswith(("product.personeel.", "product.ratio.mix."))}
        if direct:  # the basis's extra time of a function no longer on the group goes with it (n_f = 0)
            _weglaten(
                invoer,
                herkomst,
                [
                    k
                    for k in invoer
                    if k.startswith("product.extra_uur.") and k.split(".")[2] not in direct and k not in eigen
                ],
            )
    for k, v in eigen.items():
        invoer[k] = v
        herkomst[k] = herkomst_eigen(k)
    caos: dict[str, None] = {}
    for rol in dict.fromkeys(k.split(".")[1] for k in invoer if k.startswith("functies.")):
        if (cao := _functie(z, rol, invoer, herkomst, bron)) is not None:
            caos[cao] = None
    if len(caos) > 1:
        raise InvoerFout([Probleem("functies", sorted(caos), "functies uit één CAO (werkgeverslasten per CAO)")], bron)
    # the user's own charges: a change of some bundled ones is completed from the rest ('what if Aof
    # laag'); a block with premiums of its own names replaces the bundled one whole (never both)
    eigen_lasten = {k for k in eigen if k.startswith("werkgeverslasten.")}
    if caos and eigen_lasten <= WERKGEVERSLASTEN_SLEUTELS:
        _werkgeverslasten(z, next(iter(caos)), invoer, herkomst)
    return invoer, herkomst
