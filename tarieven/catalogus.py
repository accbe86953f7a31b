"""From bundled parameters to a scenario: products by code, functions by CAO scale and step.

A product file (``params/producten/<code>.toml``) holds the product's numbers as
parameters with status and source, and names the function behind each role
(``mbo = "pedagogisch_medewerker"``). A function (``params/functies.toml``) names its CAO,
scale, default step rule and productivity norm. This module looks every number up on a
peildatum and assembles a scenario in the golden schema, with the origin (file, key,
status, source) of every value, so the explanation can show what each euro rests on.

Instead of a peildatum, a scenario may name a ``tariefjaar``: every number is then the
average of the values in force during that calendar year, weighted by the days each was
in force (``Parameter.gewogen``), and its origin lists the parts.

A user's scenario may start from a product (``basis = "41A22"``) and override any field,
and may give a function as ``cao``, ``schaal`` and ``trede`` instead of ``maandsalaris``.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tarieven.fouten import InvoerFout, Probleem, onbekende_sleutels

if TYPE_CHECKING:
    import pandas as pd
from tarieven.indexatie import Indexatie
from tarieven.parameters import (
    GewogenWaarde,
    Parameter,
    ParameterBestand,
    ParameterSet,
    Waarde,
    standaard_parameters,
)
from tarieven.scenario import STATUS_VOLGORDE, Herkomst, Scenario, scenario_uit_dict
from tarieven.weergave import getal, invoer

__all__ = [
    "scenario_uit_product",
    "scenario_met_parameters",
    "maandsalaris",
    "producten",
    "NORMEN",
    "WERKGEVERSLASTEN",
    "PENSIOEN",
    "PREMIEKEUZE",
    "vng_indexaties",
    "tabel",
]

NORMEN = "normen-haaglanden"
WERKGEVERSLASTEN = "werkgeverslasten"
PENSIOEN = {"cao-jeugdzorg": "pensioen-pfzw"}
"""The pension fund of each CAO (CAO Jeugdzorg: PFZW)."""

PREMIEKEUZE: dict[str, tuple[str, str | None]] = {
    "awf": ("awf_laag", "AWf laag: vaste contracten (het gebruikelijke geval voor groepspersoneel)"),
    "aof": ("aof_hoog", "Aof hoog: de meeste jeugdhulpaanbieders zijn middelgrote of grote werkgevers"),
    "ufo": ("ufo", None),
    "whk": ("whk", None),
    "zvw": ("zvw", None),
    "kinderopvang": ("kinderopvangtoeslag", None),
}
"""Which published premium applies. Where there is a choice (AWf laag/hoog, Aof laag/hoog)
the choice is an aanname, shown with its reason in every explanation that uses it; the
other premiums apply to every employer and keep the status of their source."""

FUNCTIE_SLEUTELS = {"naam", "opleiding", "cao", "schaal", "trede", "productiviteit", "bron", "toelichting"}


Opgezocht = Waarde | GewogenWaarde
"""A looked-up value: in force on a peildatum, or time-weighted over a tariff year."""


def _zoeker(peildatum: dt.date | None, tariefjaar: int | None) -> Callable[[Parameter], Opgezocht]:
    """Lookup on a peildatum or time-weighted over a tariff year: exactly one of the two."""
    if (peildatum is None) == (tariefjaar is None):
        raise InvoerFout(
            [
                Probleem(
                    "peildatum/tariefjaar",
                    f"{peildatum} en {tariefjaar}",
                    "óf een peildatum óf een tariefjaar (tijdgewogen), precies één van de twee",
                )
            ]
        )
    if tariefjaar is not None:
        jaar = tariefjaar
        return lambda par: par.gewogen(jaar)
    assert peildatum is not None
    datum = peildatum
    return lambda par: par.op(datum)


def _getal_nl(x: float, eenheid: str | None) -> str:
    """A number in Dutch notation: amounts in euro with two decimals (3.100,00)."""
    if eenheid is not None and eenheid.startswith("EUR"):
        return getal(x)
    return invoer(x, "1")


def _delen_tekst(par: Parameter, w: GewogenWaarde, index: int | None = None) -> str:
    """The parts of a time-weighted value: ``59 dagen 3.100,00 + 306 dagen 3.200,00``."""
    delen = []
    for deel, dagen in w.delen:
        x = deel.waarde
        if isinstance(x, tuple):
            tekst = _getal_nl(x[index], par.eenheid) if index is not None else f"{len(x)} treden"
        elif isinstance(x, str):
            tekst = x
        else:
            tekst = _getal_nl(x, par.eenheid)
        delen.append(f"{dagen} dagen {tekst}")
    return " + ".join(delen)


@dataclass
class _Bouwer:
    """Collects a scenario dict and the origin of each value.

    Numbers are looked up on ``peildatum``, or time-weighted over ``tariefjaar`` when set.
    """

    params: ParameterSet
    peildatum: dt.date | None
    herkomst: dict[str, Herkomst]
    tariefjaar: int | None = None

    def op(self, par: Parameter) -> Opgezocht:
        """The value in force on the peildatum, or the time-weighted value over the tariff year."""
        return _zoeker(self.peildatum, self.tariefjaar)(par)

    def waarde(self, bestand: str, naam: str, sleutel: str, extra: str = "") -> Any:
        par = self.params.parameter(bestand, naam)
        w = self.op(par)
        self.noteer(sleutel, par, w, extra)
        return w.waarde

    def noteer(self, sleutel: str, par: Parameter, w: Opgezocht, extra: str = "", index: int | None = None) -> None:
        """Record the origin; for a time-weighted value with its parts (``index``: the step of a table)."""
        oorsprong = f"{Path(par.bestand).name}: {par.naam}{extra}"
        if isinstance(w, GewogenWaarde):
            oorsprong += f", tijdgewogen {w.jaar}: {_delen_tekst(par, w, index)}"
        self.herkomst[sleutel] = Herkomst(oorsprong, w.status, str(w.bron), w.vanaf, w.toelichting)


def _slechtste(*statussen: str | None) -> str | None:
    bekend = [s for s in statussen if s in STATUS_VOLGORDE]
    return max(bekend, key=STATUS_VOLGORDE.index) if bekend else None


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
    bedrag, beschrijving, par, w, _ = _maandsalaris(params, cao, schaal, trede, _zoeker(peildatum, tariefjaar))
    return bedrag, beschrijving, par, w


def _maandsalaris(
    params: ParameterSet, cao: str, schaal: int | str, trede: int | str, zoek: Callable[[Parameter], Opgezocht]
) -> tuple[float, str, Parameter, Opgezocht, int]:
    """:func:`maandsalaris` with the lookup given, also returning the index in the table."""
    naam = f"salaris.schaal_{schaal}"
    bestand = params.bestand(cao)
    if naam not in bestand.parameters:
        schalen = sorted(
            k.removeprefix("salaris.schaal_") for k in bestand.parameters if k.startswith("salaris.schaal_")
        )
        raise InvoerFout([Probleem("schaal", schaal, f"een schaal uit {bestand.pad} ({', '.join(schalen)})")])
    par = bestand.parameters[naam]
    w = zoek(par)
    tabel = w.waarde
    if not isinstance(tabel, tuple):
        raise InvoerFout([Probleem(naam, tabel, "een lijst bedragen per trede")], bestand.pad)
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
            bestand.pad,
        )
    beschrijving = f"schaal {schaal} trede {index + w.eerste_trede}" + (f" ({trede})" if isinstance(trede, str) else "")
    return tabel[index], beschrijving, par, w, index


def _functie(b: _Bouwer, rol: str, gegeven: Mapping[str, Any], bron: str) -> dict[str, Any]:
    """A function dict in the golden schema from a catalogue reference and/or cao/schaal/trede."""
    uit: dict[str, Any] = {}
    ref = gegeven.get("functie")
    definitie: dict[str, Any] = {}
    if ref is not None:
        functies = b.params.bestand("functies")
        definitie = {k.split(".", 1)[1]: v for k, v in functies.tekst.items() if k.startswith(f"{ref}.")}
        if not definitie:
            namen = sorted({k.split(".", 1)[0] for k in functies.tekst})
            raise InvoerFout(
                [Probleem(f"functies.{rol}.functie", ref, f"een functie uit {functies.pad} ({', '.join(namen)})")], bron
            )
        problemen: list[Probleem] = []
        onbekende_sleutels(f"{ref}.", definitie, FUNCTIE_SLEUTELS, problemen, " van een functie")
        if problemen:
            raise InvoerFout(problemen, functies.pad)
        if "naam" in definitie:
            uit["naam"] = definitie["naam"]
    instelling = {**definitie, **{k: v for k, v in gegeven.items() if k in {"cao", "schaal", "trede"}}}
    p = f"functies.{rol}."
    cao = instelling.get("cao")
    if cao is not None and "maandsalaris" not in gegeven:
        if "schaal" not in instelling or "trede" not in instelling:
            raise InvoerFout([Probleem(f"functies.{rol}", dict(gegeven), "bij 'cao' ook 'schaal' en 'trede'")], bron)
        bedrag, beschrijving, par, w, index = _maandsalaris(
            b.params, str(cao), instelling["schaal"], instelling["trede"], b.op
        )
        uit["maandsalaris"] = bedrag
        b.noteer(p + "maandsalaris", par, w, f", {beschrijving}", index)
    if cao is not None:
        c = str(cao)
        for veld in ("vakantietoeslag", "eindejaarsuitkering", "uren_per_week", "weken_per_jaar"):
            uit[veld] = b.waarde(c, veld, p + veld)
        if "vakantietoeslag_minimum" in b.params.bestand(c).parameters:
            uit["vakantietoeslag_minimum"] = b.waarde(c, "vakantietoeslag_minimum", p + "vakantietoeslag_minimum")
        vak, feest = b.params.parameter(c, "vakantieuren"), b.params.parameter(c, "feestdaguren")
        wv, wf = b.op(vak), b.op(feest)
        for par_, w_ in ((vak, wv), (feest, wf)):
            if not isinstance(w_.waarde, float):
                raise InvoerFout([Probleem(par_.naam, w_.waarde, "één getal in uur/jaar")], par_.bestand)
        assert isinstance(wv.waarde, float)
        assert isinstance(wf.waarde, float)
        uit["verlofuren"] = wv.waarde + wf.waarde
        gewogen = ""
        if isinstance(wv, GewogenWaarde) and isinstance(wf, GewogenWaarde):
            gewogen = (
                f", tijdgewogen {wv.jaar}: vakantieuren {_delen_tekst(vak, wv)}; feestdaguren {_delen_tekst(feest, wf)}"
            )
        b.herkomst[p + "verlofuren"] = Herkomst(
            f"{Path(vak.bestand).name}: vakantieuren + feestdaguren "
            f"({invoer(wv.waarde, 'uur')} + {invoer(wf.waarde, 'uur')}){gewogen}",
            _slechtste(wv.status, wf.status),
            f"{wv.bron}; {wf.bron}",
            max(wv.vanaf, wf.vanaf),
        )
        if c in PENSIOEN and "werkgeverslasten" not in gegeven:
            uit["werkgeverslasten"] = "componenten"
    if ref is not None:
        for veld in ("verzuim", "scholingsuren", "overige_personeelskosten"):
            uit[veld] = b.waarde(NORMEN, veld, p + veld)
        norm = definitie.get("productiviteit")
        if isinstance(norm, str):
            uit["productiviteit"] = b.waarde(NORMEN, norm, p + "productiviteit")
    # explicit fields win over everything looked up
    for k, v in gegeven.items():
        if k not in {"functie", "cao", "schaal", "trede"}:
            uit[k] = v
            b.herkomst.pop(p + k, None)
    return uit


def _werkgeverslasten(b: _Bouwer, cao: str) -> dict[str, Any]:
    wl, pensioen = WERKGEVERSLASTEN, PENSIOEN[cao]
    premies: dict[str, Any] = {}
    for kort, (naam, reden) in PREMIEKEUZE.items():
        sleutel = f"werkgeverslasten.premies.{kort}"
        premies[kort] = b.waarde(wl, naam, sleutel)
        if reden is not None:
            h = b.herkomst[sleutel]
            b.herkomst[sleutel] = Herkomst(
                f"{h.oorsprong} (keuze: {reden})", _slechtste(h.status, "aanname"), h.bron, h.vanaf, h.toelichting
            )
    return {
        "premies": premies,
        "maximum_premieloon": b.waarde(wl, "maximum_premieloon", "werkgeverslasten.maximum_premieloon"),
        "pensioen": {
            "premie": b.waarde(pensioen, "premie_op", "werkgeverslasten.pensioen.premie"),
            "premie_ap": b.waarde(pensioen, "premie_ap", "werkgeverslasten.pensioen.premie_ap"),
            "franchise": b.waarde(pensioen, "franchise", "werkgeverslasten.pensioen.franchise"),
            "franchise_ap": b.waarde(pensioen, "franchise_ap", "werkgeverslasten.pensioen.franchise_ap"),
            "maximum_pensioengevend_salaris": b.waarde(
                pensioen, "maximum_pensioengevend_salaris", "werkgeverslasten.pensioen.maximum_pensioengevend_salaris"
            ),
            "werkgeversdeel": b.waarde(pensioen, "werkgeversdeel", "werkgeverslasten.pensioen.werkgeversdeel"),
        },
    }


def _product_dict(b: _Bouwer, product: ParameterBestand) -> tuple[dict[str, Any], dict[str, Any]]:
    """The product section and the role -> function references of a product file."""
    pr: dict[str, Any] = {}
    personeel: dict[str, Any] = {}
    for sleutel, v in product.tekst.items():
        if not sleutel.startswith("product.") or sleutel in ("product.vanaf", "product.bron"):
            continue
        _zet(pr, sleutel.removeprefix("product.").split("."), v)
    for naam, par in product.parameters.items():
        if not naam.startswith("product."):
            raise InvoerFout([Probleem(naam, "...", "parameters van een product onder [product]")], product.pad)
        w = b.op(par)
        b.noteer(naam, par, w)
        pad = naam.removeprefix("product.").split(".")
        if pad[0] == "personeel":
            personeel[pad[1]] = w.waarde
            b.herkomst[f"product.personeel.{pad[1]}"] = b.herkomst.pop(naam)
        else:
            _zet(pr, pad, w.waarde)
    if personeel:
        pr["personeel"] = [{"functie": f, "aantal": n} for f, n in personeel.items()]
    for ruimte in ("extra_uur", "indirect_uur"):
        pr.setdefault(ruimte, {})
    rollen = {k.removeprefix("functies."): v for k, v in product.tekst.items() if k.startswith("functies.")}
    return pr, rollen


def _zet(doel: dict[str, Any], pad: list[str], waarde: Any) -> None:
    for deel in pad[:-1]:
        doel = doel.setdefault(deel, {})
    doel[pad[-1]] = waarde


def _samenvoegen(basis: dict[str, Any], boven: Mapping[str, Any]) -> dict[str, Any]:
    """Deep merge: values in ``boven`` win; lists are replaced whole."""
    uit = copy.deepcopy(basis)
    for k, v in boven.items():
        if isinstance(v, Mapping) and isinstance(uit.get(k), dict):
            uit[k] = _samenvoegen(uit[k], v)
        else:
            uit[k] = copy.deepcopy(v)
    return uit


def _sleutels(d: Mapping[str, Any], prefix: str = "") -> set[str]:
    uit: set[str] = set()
    for k, v in d.items():
        naam = f"{prefix}{k}"
        uit.add(naam)
        if isinstance(v, Mapping):
            uit |= _sleutels(v, naam + ".")
    return uit


def scenario_met_parameters(
    data: Mapping[str, Any],
    *,
    bron: str = "<dict>",
    peildatum: dt.date | None = None,
    params: ParameterSet | None = None,
    tariefjaar: int | None = None,
) -> Scenario:
    """A scenario that may refer to bundled parameters.

    - ``basis = "41A22"``: start from the catalogue product; every other field of the
      scenario overrides it.
    - a function with ``functie = "pedagogisch_medewerker"`` and/or ``cao``, ``schaal``,
      ``trede``: salary, CAO factors and norms are looked up on the peildatum.
    - ``peildatum`` (TOML date or ``"2026-01-01"``) in the scenario, else the argument,
      else today.
    - ``tariefjaar = 2025`` in the scenario (or the ``tariefjaar`` argument) instead of a
      peildatum: every number is time-weighted over that calendar year
      (:meth:`Parameter.gewogen`). The scenario's own choice wins over the arguments;
      a peildatum and a tariefjaar together (in the scenario, or as arguments) are an error.
    """
    params = params or standaard_parameters()
    data = dict(data)
    p: list[Probleem] = []
    ruwe_peildatum = data.pop("peildatum", None)
    ruw_jaar = data.pop("tariefjaar", None)
    for ruw_p, ruw_j, waar in ((ruwe_peildatum, ruw_jaar, bron), (peildatum, tariefjaar, None)):
        if ruw_p is not None and ruw_j is not None:
            raise InvoerFout(
                [
                    Probleem(
                        "peildatum en tariefjaar",
                        f"{ruw_p} en {ruw_j}",
                        "óf een peildatum (waarden op die dag) óf een tariefjaar (tijdgewogen over het jaar), "
                        "niet beide",
                    )
                ],
                waar,
            )
    eigen_peildatum: dt.date | None = None
    if ruwe_peildatum is not None:
        try:
            eigen_peildatum = (
                ruwe_peildatum if isinstance(ruwe_peildatum, dt.date) else dt.date.fromisoformat(str(ruwe_peildatum))
            )
        except ValueError:
            raise InvoerFout([Probleem("peildatum", ruwe_peildatum, "een datum zoals 2026-01-01")], bron) from None
    eigen_jaar = _jaartal(ruw_jaar, bron) if ruw_jaar is not None else None
    if peildatum is None and tariefjaar is None:
        # the scenario's own choice, when the caller (API argument, --peildatum) makes none
        peildatum, tariefjaar = eigen_peildatum, eigen_jaar
    elif tariefjaar is not None:
        tariefjaar = _jaartal(tariefjaar, None)
    if tariefjaar is None:
        peildatum = peildatum or dt.date.today()
    b = _Bouwer(params, peildatum, {}, tariefjaar)
    code = data.pop("basis", None)
    eigen_sleutels = _sleutels(data)
    if code is not None:
        basis = _product_basis(b, str(code))
        data = _samenvoegen(basis, data)
    functies: dict[str, Any] = {}
    caos: set[str] = set()
    for rol, f in dict(data.get("functies", {})).items():
        if isinstance(f, Mapping) and ({"functie", "cao"} & set(f)):
            functies[rol] = _functie(b, rol, f, bron)
            cao = f.get("cao") or _cao_van(params, f.get("functie"))
            if cao and functies[rol].get("werkgeverslasten") == "componenten":
                caos.add(str(cao))
        else:
            functies[rol] = f
    if functies:
        data["functies"] = functies
    if caos and "werkgeverslasten" not in data:
        if len(caos) > 1:
            p.append(Probleem("functies", sorted(caos), "functies uit één CAO (werkgeverslasten per CAO volgen later)"))
        else:
            data["werkgeverslasten"] = _werkgeverslasten(b, caos.pop())
    if p:
        raise InvoerFout(p, bron)
    # values the user wrote in the scenario are the user's, not the parameter's
    herkomst = {k: h for k, h in b.herkomst.items() if k not in eigen_sleutels}
    return scenario_uit_dict(data, bron=bron, herkomst=herkomst, peildatum=peildatum, tariefjaar=tariefjaar)


def _jaartal(ruw: Any, bron: str | None) -> int:
    """A tariff year: a whole number (or its digits as text) from 1900 to 2999."""
    if isinstance(ruw, str) and ruw.strip().isdigit():
        ruw = int(ruw)
    if not isinstance(ruw, int) or isinstance(ruw, bool) or not 1900 <= ruw <= 2999:
        raise InvoerFout([Probleem("tariefjaar", ruw, "een jaartal zoals 2025")], bron)
    return ruw


def _cao_van(params: ParameterSet, functie: Any) -> str | None:
    if functie is None:
        return None
    cao = params.bestand("functies").tekst.get(f"{functie}.cao")
    return str(cao) if cao is not None else None


def _product_basis(b: _Bouwer, code: str) -> dict[str, Any]:
    product = b.params.product(code)
    pr, rollen = _product_dict(b, product)
    for veld, norm in (("huisvesting_jaar", "huisvesting_per_groep"), ("materieel_per_client", "materieel_per_client")):
        if veld not in pr:
            pr[veld] = b.waarde(NORMEN, norm, f"product.{veld}")
    opslagen = {
        "overhead": b.waarde(NORMEN, "overhead", "opslagen.overhead"),
        "overhead_grondslag": b.op(b.params.parameter(NORMEN, "overhead_grondslag")).waarde,
        "risico_opslag": b.waarde(NORMEN, "risico_opslag", "opslagen.risico_opslag"),
    }
    return {
        "beschrijving": f"{pr.get('naam', code)} ({code}), catalogus {Path(product.pad).name}",
        "functies": {rol: {"functie": f} for rol, f in rollen.items()},
        "product": pr,
        "opslagen": opslagen,
    }


def scenario_uit_product(
    code: str, peildatum: dt.date | None = None, params: ParameterSet | None = None, *, tariefjaar: int | None = None
) -> Scenario:
    """The scenario of a catalogue product on a peildatum (default: today), or time-weighted
    over a ``tariefjaar``."""
    params = params or standaard_parameters()
    product = params.product(code)
    bron = f"params/{Path(product.pad).relative_to(params.map).as_posix()}"
    return scenario_met_parameters(
        {"basis": code}, bron=bron, peildatum=peildatum, params=params, tariefjaar=tariefjaar
    )


def producten(params: ParameterSet | None = None) -> list[str]:
    """The product codes of the catalogue, sorted."""
    return sorted((params or standaard_parameters()).producten)


INDEXATIE = "indexatie-vng"


def vng_indexaties(van: int, naar: int, params: ParameterSet | None = None) -> list[Indexatie]:
    """The VNG indexations of the years ``van + 1`` .. ``naar`` from the bundled index figures.

    The wage weight and the correction method (``nacalculatie_methode``: ``absoluut`` or
    ``relatief``) are looked up per year in ``indexatie-vng.toml``. A missing figure is an
    error naming it (OVA/PCC of a year not yet published), never a silent zero.
    """
    from tarieven.indexatie import Indexcijfers, indexatie_vng

    params = params or standaard_parameters()
    bestand = params.bestand(INDEXATIE)

    def reeks(naam: str) -> dict[int, float]:
        par = bestand.parameters[naam]
        return {w.vanaf.year: float(w.waarde) for w in par.waarden if isinstance(w.waarde, float)}

    ova = Indexcijfers("ova", reeks("ova.voorlopig"), reeks("ova.definitief"))
    pcc = Indexcijfers("pcc", reeks("pcc.voorlopig"), reeks("pcc.definitief"))
    if naar <= van:
        raise InvoerFout([Probleem("naar", naar, f"een jaar na {van}")])
    uit = []
    for jaar in range(van + 1, naar + 1):
        peil = dt.date(jaar, 1, 1)
        w = params.parameter(INDEXATIE, "gewicht_loon").op(peil).waarde
        methode = params.parameter(INDEXATIE, "nacalculatie_methode").op(peil).waarde
        assert isinstance(w, float)
        try:
            uit.append(indexatie_vng(jaar, ova, pcc, w, relatief=methode == "relatief"))
        except InvoerFout as e:  # name the file the missing figures belong in
            raise InvoerFout(e.problemen, f"params/{Path(bestand.pad).name}") from None
    return uit


def _personeel_tekst(s: Scenario) -> str:
    w = s.waarden
    if s.structuur.uit_ratio:
        mix = "/".join(f"{f} {w[f'product.ratio.mix.{f}']:.2g}" for f in s.structuur.direct)
        return f"1:{w['product.ratio.kinderen_per_medewerker']:g} {mix}"
    return " + ".join(f"{w[f'product.personeel.{f}']:g} {f}" for f in s.structuur.direct)


def tabel(
    peildatum: dt.date | None = None, *, tariefjaar: int | None = None, params: ParameterSet | None = None
) -> pd.DataFrame:
    """The catalogue as a DataFrame: one row per product with its key figures and tariff.

    Columns: ``naam``, ``eenheid``, ``groepsgrootte``, ``bezettingsgraad``, ``personeel``
    (text), ``tarief`` [EUR per client per unit] and ``tarief_per_uur`` [EUR/uur], full
    precision, on a peildatum (default today) or time-weighted over a ``tariefjaar``.
    Index: the product code. ``df.attrs`` holds the peildatum or tariefjaar.
    """
    import pandas as pd

    from tarieven.model import bereken

    params = params or standaard_parameters()
    if tariefjaar is None:
        peildatum = peildatum or dt.date.today()
    rijen = []
    for code in producten(params):
        s = scenario_uit_product(code, peildatum, params, tariefjaar=tariefjaar)
        r = bereken(s.structuur, s.waarden)
        rijen.append(
            {
                "code": code,
                "naam": s.product_naam,
                "eenheid": s.structuur.eenheid,
                "groepsgrootte": s.waarden["product.groepsgrootte"],
                "bezettingsgraad": s.waarden["product.bezettingsgraad"],
                "personeel": _personeel_tekst(s),
                "tarief": float(r["tarief_per_client"]),
                "tarief_per_uur": float(r["tarief_per_uur"]),
            }
        )
    df = pd.DataFrame(rijen).set_index("code")
    df.attrs.update(peildatum=peildatum, tariefjaar=tariefjaar)
    return df
