"""A validated scenario, and the one validator every input goes through.

Every input travels the same way: read, flatten and complete (:mod:`tarieven.inlezen`), then

4. **validate** (:func:`valideer`): every number converted to its field's unit and checked
   against its range, the structure of the calculation derived, cross-field checks done.
   Every problem is collected and raised at once as one :class:`~tarieven.fouten.InvoerFout`
   naming file, key, value and what was expected.

:meth:`Scenario.met` goes through step 4 again, so a derived scenario is checked exactly
like the original.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import numbers
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from tarieven import weergave
from tarieven._typing import Bevroren
from tarieven.fouten import ZONDER_WAARDE, InvoerFout, Probleem, Waarschuwing, opsomming, toon, veilig
from tarieven.herkomst import OPGEGEVEN
from tarieven.invoerlezer import Lezer
from tarieven.model import Structuur
from tarieven.parameters import STATUSSEN, Herkomst
from tarieven.velden import (
    AFRONDINGEN_RATIO,
    COMPONENTEN,
    FUNCTIE_GETALLEN,
    VELDEN,
    VORMEN,
    Veld,
    is_tabel,
    kinderen,
    veld,
    veld_of_none,
)
from tarieven.voorwaarden import SOM_TOLERANTIE, invoervoorwaarden

__all__ = ["SOM_TOLERANTIE", "STATUS_VOLGORDE", "Herkomst", "Scenario", "valideer"]

STATUS_VOLGORDE = STATUSSEN
_CATEGORIEEN = tuple(f"categorie_{i}" for i in range(1, 6))


@dataclass(frozen=True)
class Scenario:
    """A validated scenario: the structure of the calculation and every number, as floats.

    Attributes
    ----------
    structuur
        What shapes the calculation (functions, staff from counts or ratio, conventions).
    waarden
        Dotted input key to number, in the unit of its field (:mod:`tarieven.velden`).
    herkomst
        Dotted input key to where the value came from (the scenario, or a parameter file
        with its status and source).
    invoer
        Every validated input, numbers and texts, as flat dotted keys: what
        :meth:`met` starts from, and what a result carries so it can be recomputed.
    beschrijving
        Free text.
    bron
        The file the scenario was read from, or ``<dict>``.
    product_code, product_naam
        Optional labels.
    peildatum
        The date on which bundled parameters were looked up (None if none were used, or
        if they were time-weighted over a tariff year).
    tariefjaar
        The year over which bundled parameters were time-weighted (None if not).
    waarschuwingen
        Values that are allowed but unusual (outside the field's plausible range), or an
        ambiguous number read the one plausible way.
    eigen, parameters
        The user's own inputs as given (flat, before completion from the catalogue) and
        the parameter set looked up in: what a result carries to be recomputed later.
    aannames
        The assumption set bundled values with readings were looked up at (``laag``,
        ``centraal``, ``hoog``).
    """

    structuur: Structuur
    waarden: Mapping[str, float]
    herkomst: Mapping[str, Herkomst] = field(repr=False)
    invoer: Mapping[str, Any] = field(repr=False, default_factory=dict)
    beschrijving: str = ""
    bron: str = "<dict>"
    product_code: str | None = None
    product_naam: str | None = None
    peildatum: dt.date | None = None
    tariefjaar: int | None = None
    waarschuwingen: tuple[Waarschuwing, ...] = ()
    minimumuurloon: tuple[float, dt.date] | None = field(default=None, repr=False)
    eigen: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    parameters: Any = field(default=None, repr=False, compare=False)
    aannames: str = "centraal"

    @property
    def invoer_hash(self) -> str:
        """SHA-256 over the structure and every number: same hash, same basis."""
        inhoud = {
            "structuur": asdict(self.structuur),
            "waarden": {k: repr(float(v)) for k, v in sorted(self.waarden.items())},
        }
        tekst = json.dumps(inhoud, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(tekst.encode()).hexdigest()

    @property
    def kop(self) -> str:
        """What the scenario is called: its description, else the product's name, else its source;
        on one line, with any control character from the file made visible (:func:`veilig`)."""
        return veilig(self.beschrijving or self.product_naam or self.bron)

    @property
    def titel(self) -> str:
        """The heading of a result: :attr:`kop`, then the provider and the file where it is not the
        product's own, so a provider's calculation never reads as the region's tariff."""
        kop = self.kop
        aanbieder = self.invoer.get("aanbieder.naam") or self.invoer.get("aanbieder.code")
        if aanbieder:
            kop = f"{kop}; aanbieder {veilig(str(aanbieder))}"
        if veilig(Path(self.bron).name) not in kop:
            kop = f"{kop} ({veilig(self.bron)})"
        gewijzigd = [k for k, h in self.herkomst.items() if h.oorsprong == OPGEGEVEN]
        if gewijzigd:
            kop += "; " + OPGEGEVEN + ": " + ", ".join(f"{k} = {self.toon(k)}" for k in gewijzigd)
        return kop

    def toon(self, sleutel: str) -> str:
        """An input as shown: a number in Dutch notation with its unit, or a text as given."""
        if sleutel in self.waarden:
            return weergave.invoer(self.waarden[sleutel], self.veld(sleutel).eenheid)
        return str(self.invoer[sleutel])

    def veld(self, sleutel: str) -> Veld:
        """The field (unit, range, meaning) of an input key of this scenario."""
        return veld(sleutel, overhead_aandeel=self.structuur.overhead_aandeel)

    def met(self, **wijzigingen: Any) -> Scenario:
        """A copy with some inputs replaced, validated like any input.

        Keys are dotted input names, with ``__`` for the dots when given as keyword
        arguments (``product__groepsgrootte=8``), or pass a dict: ``met(**{...})``. A text
        input (``opslagen.overhead_grondslag``) may change too; every cross-field check runs
        again.
        """
        invoer = dict(self.invoer)
        herkomst = dict(self.herkomst)
        problemen: list[Probleem] = []
        for sleutel, waarde in wijzigingen.items():
            sleutel = sleutel.replace("__", ".")
            if sleutel not in invoer and veld_of_none(sleutel) is None:
                bestaand = opsomming(sorted(self.waarden))
                problemen.append(Probleem(sleutel, waarde, f"een bestaande invoer van dit scenario ({bestaand})"))
                continue
            if _opgezocht(sleutel) and waarde != invoer.get(sleutel):
                problemen.append(Probleem(f"{sleutel} ({OPGEGEVEN})", waarde, _OPZOEKEN_BIJ_LEZEN, "combinatie"))
                continue
            invoer[sleutel] = waarde
            herkomst[sleutel] = Herkomst(OPGEGEVEN)
        if problemen:
            raise InvoerFout(problemen)
        s = valideer(
            invoer,
            bron=self.bron,
            herkomst=herkomst,
            peildatum=self.peildatum,
            tariefjaar=self.tariefjaar,
            minimumuurloon=self.minimumuurloon,
        )
        eigen = {**self.eigen, **{k.replace("__", "."): v for k, v in wijzigingen.items()}}
        return replace(s, eigen=eigen, parameters=self.parameters, aannames=self.aannames)


_OPGEZOCHT = ("functie", "cao", "schaal", "trede")
_OPZOEKEN_BIJ_LEZEN = (
    "geen functie, cao, schaal of trede in een scenario dat al gelezen is: die kiezen het salaris uit de "
    "cao-tabel, en dat opzoeken gebeurt bij het lezen; geef haar aan lees_scenario(bron, met={...}) of "
    "bereken(bron, met={...}) met de productcode of het bestand als bron"
)


def _opgezocht(sleutel: str) -> bool:
    """A key whose value the catalogue turns into other inputs when the scenario is read (a step
    chooses the salary): changing it afterwards would change its label, not the salary."""
    delen = sleutel.split(".")
    return len(delen) == 3 and delen[0] == "functies" and delen[2] in _OPGEZOCHT


# -- 4. validate ----------------------------------------------------------------------------


def _functies(lz: Lezer) -> tuple[tuple[str, ...], list[str], list[str]]:
    """The functions, those with charges from components, those with a minimum holiday allowance."""
    functies = tuple(lz.onder("functies."))
    componenten: list[str] = []
    minimum: list[str] = []
    for f in functies:
        p = f"functies.{f}."
        for naam in FUNCTIE_GETALLEN:
            if naam == "werkgeverslasten" and lz.invoer.get(p + naam) == COMPONENTEN:
                componenten.append(f)
            else:
                lz.getal(p + naam, verplicht=True)
        if p + "vakantietoeslag_minimum" in lz.invoer and lz.getal(p + "vakantietoeslag_minimum") is not None:
            minimum.append(f)
        for naam in ("naam", "functie", "cao", "schaal", "trede"):
            if p + naam in lz.invoer and not isinstance(lz.invoer[p + naam], str | numbers.Integral):
                lz.fout(p + naam, lz.invoer[p + naam], veld(p + naam).verwacht())
    return functies, componenten, minimum


def _functienaam(lz: Lezer, sleutel: str, f: str, functies: tuple[str, ...]) -> bool:
    if f not in functies:
        lz.fout(sleutel, f, f"een functie uit 'functies' ({opsomming(list(functies))})")
        return False
    return True


def _personeel_op_de_groep(lz: Lezer, functies: tuple[str, ...]) -> tuple[list[str], bool, bool]:
    """Direct staff: counts or a ratio with a mix. Returns (direct functions, uit_ratio, naar_boven)."""
    tellen = lz.onder("product.personeel.")
    ratio = any(k.startswith("product.ratio.") for k in lz.invoer)
    if bool(tellen) == ratio:
        lz.fout(
            "product.personeel/product.ratio",
            "beide" if ratio else ...,
            "óf 'personeel' (aantallen per functie) óf 'ratio' (kinderen per medewerker met mix), niet beide",
        )
        return [], False, True
    if tellen:
        direct = [f for f in tellen if _functienaam(lz, f"product.personeel.{f}", f, functies)]
        for f in direct:
            lz.getal(f"product.personeel.{f}")
        return direct, False, True
    lz.getal("product.ratio.kinderen_per_medewerker", verplicht=True)
    afronding = lz.tekst("product.ratio.afronding", verplicht=True, standaard=AFRONDINGEN_RATIO[0])
    mix = lz.onder("product.ratio.mix.")
    if not mix:
        lz.fout("product.ratio.mix", ..., "aandelen per functie die samen 1 zijn; bijvoorbeeld mbo 0.5 en hbo 0.5")
    direct = [f for f in mix if _functienaam(lz, f"product.ratio.mix.{f}", f, functies)]
    for f in direct:
        lz.getal(f"product.ratio.mix.{f}")
    return direct, True, afronding != "exact"


def _uren_per_functie(lz: Lezer, functies: tuple[str, ...], direct: list[str]) -> dict[str, tuple[str, ...]]:
    uit: dict[str, tuple[str, ...]] = {}
    for tabel in ("extra_uur", "indirect_uur", "client_uur", "client_uur_per_traject"):
        prefix = f"product.{tabel}."
        namen = lz.onder(prefix)
        if not namen and f"product.{tabel}" not in lz.invoer and tabel in ("extra_uur", "indirect_uur"):
            lz.fout(
                f"product.{tabel}",
                ...,
                f"een tabel functie -> uren ({veld(prefix + '*').omschrijving}); geef {{}} als er geen zijn",
            )
        geldig = []
        for f in namen:
            if not _functienaam(lz, prefix + f, f, functies):
                continue
            if tabel == "extra_uur" and direct and f not in direct:
                lz.fout(
                    prefix + f, lz.invoer[prefix + f], f"een functie uit het directe personeel ({opsomming(direct)})"
                )
                continue
            if lz.getal(prefix + f) is not None:
                geldig.append(f)
        uit[tabel] = tuple(geldig)
    return uit


_VERVOER_GETALLEN = ("product.afstand_km",)
_GROEPSPRODUCT_GETALLEN = tuple(
    v
    for k, v in VELDEN.items()
    if k.startswith("product.") and k.count(".") == 1 and v.soort == "getal" and k not in _VERVOER_GETALLEN
)
"""The numbers of a group product itself (not its staff): the registry's, each required as it says."""


def _product(lz: Lezer, functies: tuple[str, ...]) -> dict[str, Any]:
    """The group product's inputs; returns the parts of the structure they fix."""
    eenheid = lz.tekst("product.eenheid", verplicht=True, standaard="eenheid")
    for v in _GROEPSPRODUCT_GETALLEN:  # the registry says which a complete group product must give
        lz.getal(v.sleutel, verplicht=v.verplicht)
    per_week = "product.eenheden_per_week" in lz.invoer
    if per_week != ("product.weken_per_jaar" in lz.invoer):
        lz.fout(
            "product.weken_per_jaar" if per_week else "product.eenheden_per_week",
            ...,
            "eenheden_per_week en weken_per_jaar samen (voor het tarief per week en per jaar), of geen van beide",
        )
    direct, uit_ratio, naar_boven = _personeel_op_de_groep(lz, functies)
    uren = _uren_per_functie(lz, functies, direct)
    if uren["client_uur_per_traject"] and "product.sessies_per_traject" not in lz.invoer:
        lz.fout(
            "product.sessies_per_traject",
            ...,
            "het aantal sessies per traject, om client_uur_per_traject over de sessies te verdelen",
        )
    return {
        "direct": tuple(direct),
        "uit_ratio": uit_ratio,
        "naar_boven": naar_boven,
        "eenheid": str(eenheid),
        "extra": uren["extra_uur"],
        "indirect": uren["indirect_uur"],
        "client": uren["client_uur"],
        "traject": uren["client_uur_per_traject"],
        "sessies": "product.sessies_per_traject" in lz.invoer,
        "per_week": per_week and "product.weken_per_jaar" in lz.invoer,
    }


def _werkgeverslasten(lz: Lezer, componenten: list[str]) -> tuple[str, ...]:
    gegeven = any(k.startswith("werkgeverslasten.") for k in lz.invoer)
    if not gegeven:
        if componenten:
            lz.fout(
                "werkgeverslasten",
                ...,
                f"een sectie met premies, maximum_premieloon en pensioen, want {', '.join(componenten)} "
                'gebruikt werkgeverslasten = "componenten"',
            )
        return ()
    if not componenten:
        lz.fout(
            "werkgeverslasten",
            ZONDER_WAARDE,
            'een functie met werkgeverslasten = "componenten" die deze sectie gebruikt, of laat de sectie weg',
        )
    lz.getal("werkgeverslasten.maximum_premieloon", verplicht=True)
    for naam in (
        "premie",
        "premie_ap",
        "franchise",
        "franchise_ap",
        "maximum_pensioengevend_salaris",
        "werkgeversdeel",
    ):
        lz.getal(f"werkgeverslasten.pensioen.{naam}", verplicht=True)
    premies = lz.onder("werkgeverslasten.premies.")
    for q in premies:
        lz.getal(f"werkgeverslasten.premies.{q}")
    return tuple(premies)


def _opslagen(lz: Lezer) -> bool:
    grondslag = lz.tekst("opslagen.overhead_grondslag", verplicht=True)
    aandeel = grondslag != "opslag_op_kostprijs"
    lz.getal("opslagen.overhead", veld("opslagen.overhead", overhead_aandeel=aandeel), verplicht=True)
    lz.getal("opslagen.risico_opslag", verplicht=True)
    return aandeel


def _vervoer(lz: Lezer) -> Structuur:
    vorm = lz.tekst("product.vorm", verplicht=True, standaard=VORMEN[0])
    eenheid = lz.tekst("product.eenheid", verplicht=True, standaard="dag")
    for k in _VERVOER_GETALLEN:
        lz.getal(k, verplicht=True)
    for c in _CATEGORIEEN:
        lz.getal(f"product.bedrag.{c}", verplicht=True)
    for k in lz.invoer:
        if k.startswith(("functies.", "opslagen.", "werkgeverslasten.")):
            lz.fout(k, lz.invoer[k], "geen functies of opslagen bij vervoer: het tarief is het bedrag van de categorie")
    return Structuur(eenheid=str(eenheid), vervoersvorm=vorm, categorieen=_CATEGORIEEN)


def _voorwaarden(lz: Lezer, structuur: Structuur, minimumuurloon: tuple[float, dt.date] | None) -> list[Probleem]:
    """The conditions across fields (:mod:`tarieven.voorwaarden`), on the numbers read; a
    condition over an input that is itself invalid is not judged (one problem per value).

    Returns the problems that a value given with the call takes part in (a working week of 80
    hours given with ``met=`` puts the product's salary under the minimum wage): the message
    names that value, and the file is not to blame for it."""
    door_de_berekening: list[Probleem] = []
    for v in invoervoorwaarden(structuur, minimumuurloon):
        if v.soort == "mix" and len(lz.onder("product.ratio.mix.")) != len(structuur.direct):
            continue  # a share of a function that does not exist is the problem already named
        if all(k in lz.waarden for k in v.invoer) and v.geschonden(lz.waarden):
            p = v.probleem(lz.waarden, sleutel=lz.fout_naam(v.sleutel))
            if v.sleutel in lz.invoer:  # the value as the user wrote it ("1500 EUR/maand")
                p = replace(p, waarde=lz.invoer[v.sleutel])
            elif isinstance(p.waarde, dict):  # shares of a mix, each as written
                p = replace(p, waarde={f: lz.invoer[f"{v.sleutel}.{f}"] for f in p.waarde})
            gegeven = [k for k in v.invoer if k in lz.fout_namen and k != v.sleutel]
            if gegeven:
                bij = "; ".join(f"{lz.fout_namen[k]} = {toon(lz.invoer[k])}" for k in gegeven)
                p = replace(p, verwacht=f"{p.verwacht}, bij {bij}")
            if gegeven or v.sleutel in lz.fout_namen:
                door_de_berekening.append(p)
            lz.p.append(p)
    return door_de_berekening


def valideer(
    invoer: Mapping[str, Any],
    *,
    bron: str = "<dict>",
    herkomst: Mapping[str, Herkomst] | None = None,
    geschreven: Mapping[str, str] | None = None,
    peildatum: dt.date | None = None,
    tariefjaar: int | None = None,
    minimumuurloon: tuple[float, dt.date] | None = None,
) -> Scenario:
    """The one validator: flat inputs to a :class:`Scenario`, or every problem at once.

    Parameters
    ----------
    invoer
        Dotted key to value: a number in the field's unit, a string with a unit
        (``"3250 EUR/maand"``), a looked-up :class:`~tarieven.eenheden.Gegeven`, or a text.
    bron
        The file the inputs came from, for messages.
    herkomst
        Where each value came from; a key without one is the scenario's own.
    geschreven
        How a key was written where that differs from its dotted name (for messages).
    peildatum, tariefjaar
        Recorded on the scenario (the lookup happened before).
    minimumuurloon
        The statutory minimum hourly wage and the date it holds from: a salary below it
        is an error. None: not checked.
    """
    gegeven = herkomst or {}
    # a value given with the call (met=, Scenario.met) is named so: it is not in the file
    bij_de_berekening = {k: f"{k} ({OPGEGEVEN})" for k, h in gegeven.items() if h.oorsprong == OPGEGEVEN}
    lz = Lezer(invoer, geschreven or {}, bij_de_berekening)
    for k in invoer:
        if veld_of_none(k) is None and not is_tabel(k):
            lz.fout(k, invoer[k], f"een bekende sleutel ({opsomming(kinderen(k.rpartition('.')[0]), 30)})", "onbekend")
    door_de_berekening: list[Probleem] = []
    if any(k.startswith(("product.vorm", "product.afstand_km", "product.bedrag.")) for k in invoer):
        structuur = _vervoer(lz)
    else:
        functies, componenten, minimum = _functies(lz)
        if not functies:
            lz.fout("functies", ..., "ten minste één functie (een tabel [functies.mbo] met salaris en CAO-factoren)")
        onderdelen = _product(lz, functies)
        premies = _werkgeverslasten(lz, componenten)
        aandeel = _opslagen(lz)
        structuur = Structuur(
            functies=functies,
            overhead_aandeel=aandeel,
            componenten=tuple(componenten),
            premies=premies,
            vakantietoeslag_minimum=tuple(minimum),
            **onderdelen,
        )
        door_de_berekening = _voorwaarden(lz, structuur, minimumuurloon)
    for sleutel in ("beschrijving", "aanbieder.naam", "aanbieder.code"):  # free texts
        if not isinstance(invoer.get(sleutel, ""), str):
            lz.fout(sleutel, invoer[sleutel], "tekst")
    lz.getal("aanbieder.volume")
    beschrijving = invoer.get("beschrijving", "")
    if lz.p:
        alleen_gegeven = all(p.sleutel in bij_de_berekening.values() or p in door_de_berekening for p in lz.p)
        raise InvoerFout(lz.p, None if alleen_gegeven else bron, lz.waarschuwingen)
    eigen = Herkomst("scenario (dict)" if bron == "<dict>" else f"scenario {Path(bron).name}")
    schoon = {k: lz.waarden.get(k, v) for k, v in invoer.items()}
    # a text input keeps its origin where it matters: looked up with a status (a salary step
    # with its readings) or given with the call (so a heading names it)
    teksten = {
        k: h
        for k in invoer
        if k not in lz.waarden
        and (h := gegeven.get(k)) is not None
        and (h.status is not None or h.oorsprong == OPGEGEVEN)
    }
    return Scenario(
        structuur=structuur,
        waarden=Bevroren(lz.waarden),  # validated numbers cannot be changed afterwards
        herkomst=Bevroren({**{k: gegeven.get(k, eigen) for k in lz.waarden}, **teksten}),
        invoer=Bevroren(schoon),
        beschrijving=str(beschrijving),
        bron=bron,
        product_code=None if invoer.get("product.code") is None else str(invoer["product.code"]),
        product_naam=None if invoer.get("product.naam") is None else str(invoer["product.naam"]),
        peildatum=peildatum,
        tariefjaar=tariefjaar,
        waarschuwingen=tuple(lz.waarschuwingen),
        minimumuurloon=minimumuurloon,
    )
