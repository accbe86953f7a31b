"""Scenarios in: one input path from a file, a dict or a product code to a validated Scenario.

Every input travels the same way:

1. **read** (:mod:`tarieven.lezen`): a JSON or TOML file, strictly; or a dict;
2. **flatten** (:func:`plat`): the nested scenario becomes dotted keys
   (``product.groepsgrootte``), each checked against the field registry
   (:mod:`tarieven.velden`): an unknown key is an error naming the keys that exist;
3. **complete** (:func:`tarieven.catalogus.vul_aan`), only when the scenario refers to bundled
   parameters (``basis``, a ``functie`` or ``cao``, a ``peildatum`` or ``tariefjaar``):
   what the user did not give is looked up, with its origin;
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
import math
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tarieven.catalogus import Zoeker, producten, vul_aan
from tarieven.eenheden import EenheidFout, naar_eenheid
from tarieven.fouten import InvoerFout, Probleem, opsomming
from tarieven.lezen import lees_bestand
from tarieven.model import Structuur
from tarieven.parameterbestanden import standaard_parameters
from tarieven.parameters import STATUSSEN, Herkomst, ParameterSet
from tarieven.velden import (
    AFRONDINGEN_RATIO,
    COMPONENTEN,
    FUNCTIE_GETALLEN,
    LEEG,
    VORMEN,
    Veld,
    is_tabel,
    kinderen,
    veld,
)

__all__ = [
    "STATUS_VOLGORDE",
    "SOM_TOLERANTIE",
    "Herkomst",
    "Scenario",
    "lees_scenario",
    "plat",
    "scenario_met_parameters",
    "scenario_uit_product",
    "valideer",
]

SOM_TOLERANTIE = 1e-9
"""How close the shares of a mix must sum to 1."""
STATUS_VOLGORDE = STATUSSEN
_META = ("basis", "peildatum", "tariefjaar", "weglaten")
_VERWIJZING = ("functie", "cao")
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

    @property
    def invoer_hash(self) -> str:
        """SHA-256 over the structure and every number: same hash, same basis."""
        inhoud = {
            "structuur": asdict(self.structuur),
            "waarden": {k: repr(float(v)) for k, v in sorted(self.waarden.items())},
        }
        tekst = json.dumps(inhoud, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(tekst.encode()).hexdigest()

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
            if sleutel not in invoer and _patroon_of_none(sleutel) is None:
                bestaand = opsomming(sorted(self.waarden))
                problemen.append(Probleem(sleutel, waarde, f"een bestaande invoer van dit scenario ({bestaand})"))
                continue
            invoer[sleutel] = waarde
            herkomst[sleutel] = Herkomst("gewijzigd met Scenario.met()")
        if problemen:
            raise InvoerFout(problemen, self.bron)
        return valideer(invoer, bron=self.bron, herkomst=herkomst, peildatum=self.peildatum, tariefjaar=self.tariefjaar)


def _patroon_of_none(sleutel: str) -> Veld | None:
    try:
        return veld(sleutel)
    except KeyError:
        return None


# -- 2. flatten ---------------------------------------------------------------------------


def plat(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str], list[Probleem]]:
    """A nested scenario as flat dotted keys.

    Returns the flat inputs, how each key was written where that differs (an entry of the
    ``personeel`` list: ``product.personeel[2].aantal``), and the problems: unknown keys, a
    value where a table belongs or the other way round. ``verwacht`` (the expected values of
    a worked example) is read past.
    """
    uit: dict[str, Any] = {}
    geschreven: dict[str, str] = {}
    p: list[Probleem] = []

    def loop(pad: str, obj: Mapping[str, Any]) -> None:
        for k, v in obj.items():
            if not isinstance(k, str) or not k:
                p.append(Probleem(f"{pad}.{k}" if pad else str(k), v, "een sleutel die tekst is"))
                continue
            sleutel = f"{pad}.{k}" if pad else k
            if sleutel == "verwacht":
                continue
            if sleutel == "product.personeel":
                _personeel(v, uit, geschreven, p)
            elif is_tabel(sleutel):
                if not isinstance(v, Mapping):
                    p.append(Probleem(sleutel, v, "een tabel (in TOML [sectie], in JSON een object {...})"))
                elif not v:
                    uit[sleutel] = LEEG
                else:
                    loop(sleutel, v)
            elif _patroon_of_none(sleutel) is None:
                p.append(Probleem(sleutel, v, f"een bekende sleutel ({opsomming(kinderen(pad), 30)})"))
            elif isinstance(v, Mapping) or (isinstance(v, list) and sleutel != "weglaten"):
                p.append(Probleem(sleutel, v, veld(sleutel).verwacht(sleutel)))
            else:
                uit[sleutel] = v

    loop("", data)
    return uit, geschreven, p


def _personeel(lijst: Any, uit: dict[str, Any], geschreven: dict[str, str], p: list[Probleem]) -> None:
    """``personeel = [{functie, aantal}, ...]`` as ``product.personeel.<functie>`` (summed)."""
    if not isinstance(lijst, list) or not lijst:
        p.append(Probleem("product.personeel", lijst, "een lijst van {functie, aantal}"))
        return
    for i, item in enumerate(lijst):
        s = f"product.personeel[{i}]"
        if not isinstance(item, Mapping) or set(item) != {"functie", "aantal"} or not isinstance(item["functie"], str):
            p.append(Probleem(s, item, "een object met precies 'functie' (tekst) en 'aantal'"))
            continue
        sleutel = f"product.personeel.{item['functie']}"
        geschreven.setdefault(sleutel, f"{s}.functie")
        try:
            aantal = naar_eenheid(item["aantal"], "1")
        except EenheidFout as e:
            p.append(Probleem(f"{s}.aantal", item["aantal"], f"{veld(sleutel).verwacht()}; {e}"))
            continue
        uit[sleutel] = uit.get(sleutel, 0.0) + aantal


# -- 4. validate ----------------------------------------------------------------------------


class _Lezer:
    """Collects validated numbers and texts from flat inputs, and every problem."""

    def __init__(self, invoer: Mapping[str, Any], geschreven: Mapping[str, str]) -> None:
        self.invoer = invoer
        self.geschreven = geschreven
        self.p: list[Probleem] = []
        self.waarden: dict[str, float] = {}

    def naam(self, sleutel: str) -> str:
        return self.geschreven.get(sleutel, sleutel)

    def fout(self, sleutel: str, waarde: Any, verwacht: str) -> None:
        self.p.append(Probleem(self.naam(sleutel), waarde, verwacht))

    def getal(self, sleutel: str, v: Veld | None = None, *, verplicht: bool = False) -> float | None:
        v = v or veld(sleutel)
        if sleutel not in self.invoer:
            if verplicht:
                self.fout(sleutel, ..., v.verwacht(sleutel))
            return None
        ruw = self.invoer[sleutel]

        def kies(lezingen: Any) -> float | None:  # "3.250": the one plausible reading, if there is one
            goed = [x for x in lezingen if v.past(x) and v.is_plausibel(x)]
            return goed[0] if len(goed) == 1 else None

        try:
            x = naar_eenheid(ruw, v.eenheid, kies)
        except EenheidFout as e:
            self.fout(sleutel, ruw, f"{v.verwacht(sleutel)}; {e}")
            return None
        if not v.past(x):
            self.fout(sleutel, ruw, v.verwacht(sleutel))
            return None
        self.waarden[sleutel] = x
        return x

    def tekst(self, sleutel: str, *, verplicht: bool = False, standaard: str | None = None) -> str | None:
        v = veld(sleutel)
        ruw = self.invoer.get(sleutel, ...)
        if ruw is ...:
            if verplicht:
                self.fout(sleutel, ..., v.verwacht(sleutel))
            return standaard
        if not isinstance(ruw, str) or (v.keuzes and ruw not in v.keuzes):
            self.fout(sleutel, ruw, v.verwacht(sleutel))
            return standaard
        return ruw

    def onder(self, prefix: str) -> list[str]:
        """The names directly under a table, in order of first appearance."""
        return list(dict.fromkeys(k[len(prefix) :].split(".")[0] for k in self.invoer if k.startswith(prefix)))


def _functies(lz: _Lezer) -> tuple[tuple[str, ...], list[str], list[str]]:
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
            if p + naam in lz.invoer and not isinstance(lz.invoer[p + naam], str | int):
                lz.fout(p + naam, lz.invoer[p + naam], veld(p + naam).verwacht())
    return functies, componenten, minimum


def _functienaam(lz: _Lezer, sleutel: str, f: str, functies: tuple[str, ...]) -> bool:
    if f not in functies:
        lz.fout(sleutel, f, f"een functie uit 'functies' ({opsomming(list(functies))})")
        return False
    return True


def _personeel_op_de_groep(lz: _Lezer, functies: tuple[str, ...]) -> tuple[list[str], bool, bool]:
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
        totaal = sum(lz.getal(f"product.personeel.{f}") or 0.0 for f in direct)
        if direct and totaal <= 0:
            lz.fout(
                "product.personeel", "samen 0", "ten minste één medewerker op de groep (een tarief zonder personeel)"
            )
        return direct, False, True
    lz.getal("product.ratio.kinderen_per_medewerker", verplicht=True)
    afronding = lz.tekst("product.ratio.afronding", verplicht=True, standaard=AFRONDINGEN_RATIO[0])
    mix = lz.onder("product.ratio.mix.")
    if not mix:
        lz.fout("product.ratio.mix", ..., "aandelen per functie die samen 1 zijn; bijvoorbeeld mbo 0.5 en hbo 0.5")
    direct = [f for f in mix if _functienaam(lz, f"product.ratio.mix.{f}", f, functies)]
    aandelen = [lz.getal(f"product.ratio.mix.{f}") for f in direct]
    if direct and None not in aandelen and len(direct) == len(mix):
        som = math.fsum(a for a in aandelen if a is not None)
        if not math.isclose(som, 1.0, rel_tol=0, abs_tol=SOM_TOLERANTIE):
            mixwaarden = {f: lz.invoer[f"product.ratio.mix.{f}"] for f in mix}
            lz.fout(
                "product.ratio.mix",
                mixwaarden,
                f"aandelen die samen 1 zijn (nu samen {som:.6g}); bijvoorbeeld mbo 0.5 en hbo 0.5",
            )
    return direct, True, afronding != "exact"


def _uren_per_functie(lz: _Lezer, functies: tuple[str, ...], direct: list[str]) -> dict[str, tuple[str, ...]]:
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


def _product(lz: _Lezer, functies: tuple[str, ...]) -> dict[str, Any]:
    """The group product's inputs; returns the parts of the structure they fix."""
    eenheid = lz.tekst("product.eenheid", verplicht=True, standaard="eenheid")
    for naam in ("groepsgrootte", "bezettingsgraad", "duur_uur", "huisvesting_jaar", "eenheden_per_jaar",
                 "materieel_per_client"):  # fmt: skip
        lz.getal(f"product.{naam}", verplicht=True)
    for naam in ("sessies_per_traject", "eenheden_per_week", "weken_per_jaar"):
        lz.getal(f"product.{naam}")
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


def _werkgeverslasten(lz: _Lezer, componenten: list[str]) -> tuple[str, ...]:
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
            "...",
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


def _opslagen(lz: _Lezer) -> bool:
    grondslag = lz.tekst("opslagen.overhead_grondslag", verplicht=True)
    aandeel = grondslag != "opslag_op_kostprijs"
    lz.getal("opslagen.overhead", veld("opslagen.overhead", overhead_aandeel=aandeel), verplicht=True)
    lz.getal("opslagen.risico_opslag", verplicht=True)
    return aandeel


def _vervoer(lz: _Lezer) -> Structuur:
    vorm = lz.tekst("product.vorm", verplicht=True, standaard=VORMEN[0])
    eenheid = lz.tekst("product.eenheid", verplicht=True, standaard="dag")
    lz.getal("product.afstand_km", verplicht=True)
    for c in _CATEGORIEEN:
        lz.getal(f"product.bedrag.{c}", verplicht=True)
    for k in lz.invoer:
        if k.startswith(("functies.", "opslagen.", "werkgeverslasten.")):
            lz.fout(k, lz.invoer[k], "geen functies of opslagen bij vervoer: het tarief is het bedrag van de categorie")
    return Structuur(eenheid=str(eenheid), vervoersvorm=vorm, categorieen=_CATEGORIEEN)


def _beschikbare_uren(lz: _Lezer, functies: tuple[str, ...]) -> None:
    w = lz.waarden
    for f in functies:
        k = f"functies.{f}."
        if not all(k + n in w for n in ("uren_per_week", "weken_per_jaar", "verlofuren", "verzuim", "scholingsuren")):
            continue
        contract = w[k + "uren_per_week"] * w[k + "weken_per_jaar"]
        beschikbaar = contract - w[k + "verlofuren"] - w[k + "verzuim"] * contract - w[k + "scholingsuren"]
        if beschikbaar <= 0:
            lz.fout(
                f"functies.{f}",
                f"{beschikbaar:.1f} beschikbare uren",
                f"meer dan 0 beschikbare uren per jaar: contracturen {contract:.1f} min verlofuren "
                f"{w[k + 'verlofuren']:g}, verzuim {w[k + 'verzuim']:g} × contracturen en scholingsuren "
                f"{w[k + 'scholingsuren']:g}",
            )


def valideer(
    invoer: Mapping[str, Any],
    *,
    bron: str = "<dict>",
    herkomst: Mapping[str, Herkomst] | None = None,
    geschreven: Mapping[str, str] | None = None,
    peildatum: dt.date | None = None,
    tariefjaar: int | None = None,
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
    """
    lz = _Lezer(invoer, geschreven or {})
    for k in invoer:
        if _patroon_of_none(k) is None and not is_tabel(k):
            lz.fout(k, invoer[k], f"een bekende sleutel ({opsomming(kinderen(k.rpartition('.')[0]), 30)})")
    if any(k.startswith(("product.vorm", "product.afstand_km", "product.bedrag.")) for k in invoer):
        structuur = _vervoer(lz)
    else:
        functies, componenten, minimum = _functies(lz)
        if not functies:
            lz.fout("functies", ..., "ten minste één functie (een tabel [functies.mbo] met salaris en CAO-factoren)")
        onderdelen = _product(lz, functies)
        premies = _werkgeverslasten(lz, componenten)
        aandeel = _opslagen(lz)
        _beschikbare_uren(lz, functies)
        structuur = Structuur(
            functies=functies, overhead_aandeel=aandeel, componenten=tuple(componenten), premies=premies,
            vakantietoeslag_minimum=tuple(minimum), **onderdelen,
        )  # fmt: skip
    beschrijving = invoer.get("beschrijving", "")
    if not isinstance(beschrijving, str):
        lz.fout("beschrijving", beschrijving, "tekst")
    if lz.p:
        raise InvoerFout(lz.p, bron)
    eigen = Herkomst("scenario (dict)" if bron == "<dict>" else f"scenario {Path(bron).name}")
    gegeven = herkomst or {}
    schoon = {k: lz.waarden.get(k, v) for k, v in invoer.items()}
    return Scenario(
        structuur=structuur,
        waarden=lz.waarden,
        herkomst={k: gegeven.get(k, eigen) for k in lz.waarden},
        invoer=schoon,
        beschrijving=str(beschrijving),
        bron=bron,
        product_code=_optionele_tekst(invoer.get("product.code")),
        product_naam=_optionele_tekst(invoer.get("product.naam")),
        peildatum=peildatum,
        tariefjaar=tariefjaar,
    )


def _optionele_tekst(x: Any) -> str | None:
    return None if x is None else str(x)


# -- 1 and 3: reading and completing -------------------------------------------------------


def _datum(ruw: Any, bron: str | None) -> dt.date:
    """A peildatum: a date (TOML date, ``datetime.date``) or its ISO text; not a date-time."""
    if isinstance(ruw, dt.date) and not isinstance(ruw, dt.datetime):
        return ruw
    if isinstance(ruw, str):
        try:
            return dt.date.fromisoformat(ruw.strip())
        except ValueError:
            pass
    uitleg = "; een tijdstip hoort er niet bij" if isinstance(ruw, dt.datetime) else ""
    raise InvoerFout([Probleem("peildatum", ruw, f"een datum zoals 2027-01-01{uitleg}")], bron)


def _jaartal(ruw: Any, bron: str | None) -> int:
    """A tariff year: a whole number (or its digits as text) from 1900 to 2999."""
    if isinstance(ruw, str) and ruw.strip().isdigit():
        ruw = int(ruw)
    if not isinstance(ruw, int) or isinstance(ruw, bool) or not 1900 <= ruw <= 2999:
        raise InvoerFout([Probleem("tariefjaar", ruw, "een jaartal zoals 2025")], bron)
    return ruw


def _wanneer(eigen: Mapping[str, Any], peildatum: Any, tariefjaar: Any, bron: str) -> tuple[dt.date | None, int | None]:
    """The peildatum or tariff year: the caller's choice, else the scenario's own (never both)."""
    for p_, j_, waar in ((eigen.get("peildatum"), eigen.get("tariefjaar"), bron), (peildatum, tariefjaar, None)):
        if p_ is not None and j_ is not None:
            raise InvoerFout(
                [
                    Probleem(
                        "peildatum en tariefjaar",
                        f"{p_} en {j_}",
                        "óf een peildatum (waarden op die dag) óf een tariefjaar (tijdgewogen over het jaar), "
                        "niet beide",
                    )
                ],
                waar,
            )
    if peildatum is not None:
        return _datum(peildatum, None), None
    if tariefjaar is not None:
        return None, _jaartal(tariefjaar, None)
    if eigen.get("tariefjaar") is not None:
        return None, _jaartal(eigen["tariefjaar"], bron)
    if eigen.get("peildatum") is not None:
        return _datum(eigen["peildatum"], bron), None
    return None, None


def _verwijst(eigen: Mapping[str, Any]) -> bool:
    return any(k in eigen for k in _META) or any(
        k.startswith("functies.") and k.rsplit(".", 1)[1] in _VERWIJZING for k in eigen
    )


def lees_scenario(
    bron: str | os.PathLike[str] | Mapping[str, Any],
    peildatum: dt.date | str | None = None,
    *,
    tariefjaar: int | None = None,
    params: ParameterSet | None = None,
    met: Mapping[str, Any] | None = None,
    naam: str | None = None,
) -> Scenario:
    """Read and validate a scenario from a JSON or TOML file, a dict, or a product code.

    Parameters
    ----------
    bron
        Path to a ``.json`` or ``.toml`` file, a mapping with the same structure, or the
        code of a catalogue product (``"41A22"``).
    peildatum
        Date (or ISO text) on which bundled parameters are looked up (products, ``basis``,
        functions given by ``functie`` or ``cao``/``schaal``/``trede``); default: the
        scenario's own ``peildatum``, else today.
    tariefjaar
        Instead of a peildatum: time-weight every bundled parameter over this calendar
        year (days in force).
    params
        The parameter set to look up in (default: the bundled one).
    met
        Inputs that replace or add to the scenario's own, as dotted keys
        (``{"product.groepsgrootte": 8}``; for transport ``{"product.afstand_km": 12,
        "product.vorm": "groep"}``); they count as the user's own.
    naam
        For a mapping: the name to use in messages and origins (default ``<dict>``).

    Raises
    ------
    InvoerFout
        Listing every problem: file, key, value and what was expected.
    """
    if isinstance(bron, Mapping):
        data, naam = dict(bron), naam or "<dict>"
    else:
        pad = Path(bron)
        if isinstance(bron, str) and not pad.is_file() and bron in producten(params):
            product = (params or standaard_parameters()).product(bron)
            naam = f"params/{Path(product.pad).relative_to((params or standaard_parameters()).map).as_posix()}"
            data = {"basis": bron}
        elif not pad.exists():
            raise InvoerFout(
                [
                    Probleem(
                        "bestand",
                        str(pad),
                        f"een bestaand .json- of .toml-bestand, of een productcode ({', '.join(producten(params))})",
                    )
                ]
            )
        else:
            data, naam = lees_bestand(pad), str(pad)
    eigen, geschreven, problemen = plat(data)
    opgegeven = Herkomst("opgegeven bij de berekening")
    for k, v in (met or {}).items():
        if _patroon_of_none(k) is None:
            problemen.append(Probleem(k, v, f"een bekende invoer ({opsomming(kinderen(k.rpartition('.')[0]), 30)})"))
        eigen[k] = v
    if problemen:
        raise InvoerFout(problemen, naam)
    datum, jaar = _wanneer(eigen, peildatum, tariefjaar, naam)
    if not _verwijst(eigen) and datum is None and jaar is None:
        return valideer(eigen, bron=naam, herkomst=dict.fromkeys(met or {}, opgegeven), geschreven=geschreven)
    if jaar is None and datum is None:
        datum = dt.date.today()
    eigen = {k: v for k, v in eigen.items() if k not in ("peildatum", "tariefjaar")}
    zoeker = Zoeker(params or standaard_parameters(), datum, jaar)
    eigen_herkomst = Herkomst("scenario (dict)" if naam == "<dict>" else f"scenario {Path(naam).name}")
    invoer, herkomst = vul_aan(eigen, zoeker, naam, lambda k: opgegeven if k in (met or {}) else eigen_herkomst)
    return valideer(invoer, bron=naam, herkomst=herkomst, geschreven=geschreven, peildatum=datum, tariefjaar=jaar)


def scenario_met_parameters(
    data: Mapping[str, Any],
    *,
    bron: str = "<dict>",
    peildatum: dt.date | None = None,
    params: ParameterSet | None = None,
    tariefjaar: int | None = None,
) -> Scenario:
    """A scenario (dict) that may refer to bundled parameters, looked up in ``params``."""
    return lees_scenario(data, peildatum, tariefjaar=tariefjaar, params=params, naam=bron)


def scenario_uit_product(
    code: str, peildatum: dt.date | None = None, params: ParameterSet | None = None, *, tariefjaar: int | None = None
) -> Scenario:
    """The scenario of a catalogue product on a peildatum (default: today), or time-weighted
    over a ``tariefjaar``."""
    params = params or standaard_parameters()
    params.product(code)  # an unknown code: the catalogue's own message
    return lees_scenario(code, peildatum, tariefjaar=tariefjaar, params=params)
