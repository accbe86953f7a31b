"""Scenarios in: read, check units, validate, and hand plain floats to the core.

The canonical scenario format is the golden JSON schema (``tests/golden/README.md``):
``functies``, ``product``, ``opslagen``. The same structure is read from JSON, TOML or a
Python dict. Every number may be a bare number in the documented unit of its field or a
string with a unit (``"3250 EUR/maand"``, ``"90 minuut"``, ``"8 %"``); units are
checked here with pint and never reach the core.

Everything wrong is collected and raised at once as one :class:`~tarieven.fouten.InvoerFout`
naming file, key, value and what was expected.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from tarieven.eenheden import EenheidFout, naar_eenheid
from tarieven.fouten import InvoerFout, Probleem, onbekende_sleutels, opsomming
from tarieven.model import EENHEDEN, FUNCTIE_VELDEN, Structuur
from tarieven.opslagen import AANDEEL_INTEGRALE_KOSTPRIJS, GRONDSLAGEN, OPSLAG_OP_KOSTPRIJS

__all__ = ["Veld", "Herkomst", "Scenario", "lees_scenario", "scenario_uit_dict", "VELDEN", "STATUS_VOLGORDE"]

AFRONDINGEN_RATIO = ("naar_boven", "exact")
SOM_TOLERANTIE = 1e-9


@dataclass(frozen=True)
class Veld:
    """A numeric field: its unit, its allowed range and what it means.

    ``soort`` is one of ``positief`` (> 0), ``niet_negatief`` (>= 0), ``fractie``
    ([0, 1]), ``fractie_onder_1`` ([0, 1)), ``fractie_positief`` ((0, 1]).
    """

    eenheid: str
    soort: str
    omschrijving: str

    def verwacht(self) -> str:
        bereik = {
            "positief": "een getal groter dan 0",
            "niet_negatief": "een getal van 0 of meer",
            "fractie": "een fractie van 0 tot en met 1 (0.08 voor 8 %)",
            "fractie_onder_1": "een fractie van 0 tot 1, 1 niet inbegrepen (0.08 voor 8 %)",
            "fractie_positief": "een fractie groter dan 0 en hoogstens 1 (0.85 voor 85 %)",
        }[self.soort]
        eenheid = "" if self.eenheid == "dimensionless" else f" in {self.eenheid}"
        return f"{bereik}{eenheid} ({self.omschrijving})"

    def past(self, x: Any) -> Any:
        """Whether ``x`` is in range; elementwise (a bool array) for an array."""
        x = np.asarray(x, dtype=float)
        ok = np.isfinite(x)
        if self.soort == "positief":
            ok &= x > 0
        elif self.soort == "niet_negatief":
            ok &= x >= 0
        elif self.soort == "fractie":
            ok &= (x >= 0) & (x <= 1)
        elif self.soort == "fractie_onder_1":
            ok &= (x >= 0) & (x < 1)
        elif self.soort == "fractie_positief":
            ok &= (x > 0) & (x <= 1)
        else:  # pragma: no cover - the kinds are fixed above
            raise ValueError(self.soort)
        return bool(ok) if ok.ndim == 0 else ok


_F = "dimensionless"
FUNCTIE_SPEC: dict[str, Veld] = {
    "maandsalaris": Veld("EUR/maand", "positief", "bruto maandsalaris"),
    "vakantietoeslag": Veld(_F, "fractie_onder_1", "vakantietoeslag als deel van het bruto jaarsalaris"),
    "eindejaarsuitkering": Veld(_F, "fractie_onder_1", "eindejaarsuitkering als deel van het bruto jaarsalaris"),
    "werkgeverslasten": Veld(_F, "fractie", "werkgeverslasten als deel van het jaarloon"),
    "overige_personeelskosten": Veld(_F, "fractie", "overige personeelskosten als deel van de loonkosten"),
    "uren_per_week": Veld("uur/week", "positief", "contracturen per week bij een volledige fte"),
    "weken_per_jaar": Veld("week/jaar", "positief", "weken per jaar, bijvoorbeeld 52.143"),
    "verlofuren": Veld("uur/jaar", "niet_negatief", "vakantie- en feestdaguren per jaar"),
    "verzuim": Veld(_F, "fractie_onder_1", "ziekteverzuim als deel van de contracturen"),
    "scholingsuren": Veld("uur/jaar", "niet_negatief", "scholingsuren per jaar"),
    "productiviteit": Veld(_F, "fractie_positief", "aan producten toe te rekenen deel van de beschikbare uren"),
}
assert tuple(FUNCTIE_SPEC) == FUNCTIE_VELDEN
FUNCTIE_OPTIONEEL: dict[str, Veld] = {
    "vakantietoeslag_minimum": Veld(
        "EUR/maand", "niet_negatief", "minimum vakantietoeslag per maand bij een volle fte"
    ),
}
COMPONENTEN = "componenten"
"""``werkgeverslasten = "componenten"``: build the charges from the ``werkgeverslasten`` section."""
PREMIE = Veld(_F, "fractie", "werkgeverspremie als deel van het premieloon")
WERKGEVERSLASTEN_SPEC: dict[str, Veld] = {
    "maximum_premieloon": Veld("EUR/jaar", "positief", "maximum premieloon"),
    "pensioen.premie": Veld(_F, "fractie", "pensioenpremie (OP/PP) op pensioengevend salaris min franchise"),
    "pensioen.premie_ap": Veld(_F, "fractie", "premie arbeidsongeschiktheidspensioen (AP)"),
    "pensioen.franchise": Veld("EUR/jaar", "niet_negatief", "franchise van de pensioenpremie"),
    "pensioen.franchise_ap": Veld("EUR/jaar", "niet_negatief", "franchise van de AP-premie"),
    "pensioen.maximum_pensioengevend_salaris": Veld("EUR/jaar", "positief", "maximum pensioengevend salaris"),
    "pensioen.werkgeversdeel": Veld(_F, "fractie", "werkgeversdeel van de pensioenpremies"),
}

PRODUCT_SPEC: dict[str, Veld] = {
    "groepsgrootte": Veld(_F, "positief", "aantal plaatsen in de groep, G"),
    "bezettingsgraad": Veld(_F, "fractie_positief", "gemiddeld gedeclareerde cliënten per plaats, b"),
    "duur_uur": Veld("uur", "positief", "uren per eenheid dat de groep bijeen is, d"),
    "huisvesting_jaar": Veld("EUR/jaar", "niet_negatief", "huisvestingskosten per groep per jaar, H"),
    "eenheden_per_jaar": Veld("1/jaar", "positief", "eenheden die de groep per jaar draait, E"),
    "materieel_per_client": Veld("EUR", "niet_negatief", "materieel per aanwezige cliënt per eenheid, m"),
}
PRODUCT_OPTIONEEL: dict[str, Veld] = {
    "sessies_per_traject": Veld(_F, "positief", "sessies per traject"),
    "eenheden_per_week": Veld(_F, "positief", "geplande eenheden per cliënt per week"),
    "weken_per_jaar": Veld(_F, "positief", "geplande weken per cliënt per jaar (hoogstens 48)"),
}
PER_FUNCTIE_UREN: dict[str, Veld] = {
    "extra_uur": Veld("uur", "niet_negatief", "extra tijd per medewerker per eenheid, v"),
    "indirect_uur": Veld("uur", "niet_negatief", "indirecte tijd per groep per eenheid, u"),
    "client_uur": Veld("uur", "niet_negatief", "cliëntgebonden tijd per cliënt per eenheid, c"),
    "client_uur_per_traject": Veld("uur", "niet_negatief", "cliëntgebonden tijd per cliënt per traject"),
}
AANTAL = Veld(_F, "niet_negatief", "aantal medewerkers van deze functie op de groep")
KINDEREN_PER_MEDEWERKER = Veld(_F, "positief", "kinderen per medewerker, k in 1 op k")
MIX_AANDEEL = Veld(_F, "fractie", "aandeel van de functie in het directe personeel")
OVERHEAD_AANDEEL = Veld(_F, "fractie_onder_1", "overhead als deel van de integrale kostprijs")
OVERHEAD_OPSLAG = Veld(_F, "niet_negatief", "overhead als opslag op de kostprijs")
RISICO = Veld(_F, "fractie_onder_1", "risico-opslag")

VELDEN: dict[str, Veld] = {
    **{f"functies.*.{k}": v for k, v in {**FUNCTIE_SPEC, **FUNCTIE_OPTIONEEL}.items()},
    **{f"werkgeverslasten.{k}": v for k, v in WERKGEVERSLASTEN_SPEC.items()},
    "werkgeverslasten.premies.*": PREMIE,
    **{f"product.{k}": v for k, v in {**PRODUCT_SPEC, **PRODUCT_OPTIONEEL}.items()},
    **{f"product.{k}.*": v for k, v in PER_FUNCTIE_UREN.items()},
    "product.personeel.*": AANTAL,
    "product.ratio.kinderen_per_medewerker": KINDEREN_PER_MEDEWERKER,
    "product.ratio.mix.*": MIX_AANDEEL,
    "opslagen.overhead": OVERHEAD_OPSLAG,
    "opslagen.risico_opslag": RISICO,
}
"""Every numeric input key (``*`` for a function name) with its unit and range."""

TOP_SLEUTELS = {"beschrijving", "functies", "product", "opslagen", "werkgeverslasten", "verwacht"}
"""``verwacht`` holds a golden example's expected values; it is read past, not used."""
FUNCTIE_TEKST = {"naam", "omschrijving"}

STATUS_VOLGORDE = ("definitief", "afgeleid", "indicatief", "aanname")


@dataclass(frozen=True)
class Herkomst:
    """Where an input value came from: the scenario, or a bundled parameter with its status.

    Attributes
    ----------
    oorsprong
        Human-readable origin: ``scenario g1.json`` or ``cao-jeugdzorg.toml: salaris.schaal_8, trede 10``.
    status
        The parameter's status (definitief, afgeleid, indicatief, aanname); None for a value
        the user gave in the scenario.
    bron
        The source (title, article, link) of a parameter value.
    vanaf
        The date from which the parameter value holds.
    toelichting
        Derivation or reasoning (for afgeleid and aanname values).
    """

    oorsprong: str
    status: str | None = None
    bron: str | None = None
    vanaf: dt.date | None = None
    toelichting: str | None = None

    def __str__(self) -> str:
        delen = [self.oorsprong]
        if self.status:
            delen.append(self.status)
        if self.vanaf:
            delen.append(f"vanaf {self.vanaf}")
        return ", ".join(delen)


PRODUCT_TEKST = {"code", "naam"}


@dataclass(frozen=True)
class Scenario:
    """A validated scenario: the structure of the calculation and every number, as floats.

    Attributes
    ----------
    structuur
        What shapes the calculation (functions, staff from counts or ratio, conventions).
    waarden
        Dotted input key to value in the documented unit (see :data:`VELDEN`).
    herkomst
        Dotted input key to where the value came from (file and key).
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
        """The :class:`Veld` (unit, range, meaning) of an input key of this scenario."""
        if sleutel == "opslagen.overhead" and self.structuur.overhead_aandeel:
            return OVERHEAD_AANDEEL
        return veld_van(sleutel)

    def met(self, **wijzigingen: Any) -> Scenario:
        """A copy with some inputs replaced, checked like any input.

        Keys are dotted input names with ``__`` for the dots when given as keyword
        arguments (``product__groepsgrootte=8``), or pass a dict via ``met(**{...})``.
        """
        nieuw = dict(self.waarden)
        herkomst = dict(self.herkomst)
        problemen: list[Probleem] = []
        for sleutel, waarde in wijzigingen.items():
            sleutel = sleutel.replace("__", ".")
            if sleutel not in nieuw:
                problemen.append(
                    Probleem(sleutel, waarde, f"een bestaande invoer van dit scenario ({opsomming(sorted(nieuw))})")
                )
                continue
            getal = _getal(sleutel, waarde, self.veld(sleutel), problemen)
            if getal is not None:
                nieuw[sleutel] = getal
                herkomst[sleutel] = Herkomst("gewijzigd met Scenario.met()")
        if problemen:
            raise InvoerFout(problemen, self.bron)
        uit = replace(self, waarden=nieuw, herkomst=herkomst)
        _controleer_samenhang(uit, problemen)
        if problemen:
            raise InvoerFout(problemen, self.bron)
        return uit


def veld_van(sleutel: str) -> Veld:
    """The :class:`Veld` of a dotted input key (function names replaced by ``*``)."""
    delen = sleutel.split(".")
    kandidaten = [sleutel]
    if delen[0] == "functies" and len(delen) == 3:
        kandidaten.append(f"functies.*.{delen[2]}")
    kandidaten.append(".".join([*delen[:-1], "*"]))
    for k in kandidaten:
        if k in VELDEN:
            return VELDEN[k]
    raise KeyError(sleutel)


def _getal(sleutel: str, waarde: Any, veld: Veld, problemen: list[Probleem]) -> float | None:
    try:
        x = naar_eenheid(waarde, veld.eenheid)
    except EenheidFout as e:
        problemen.append(Probleem(sleutel, waarde, f"{veld.verwacht()}; {e}"))
        return None
    if not veld.past(x):
        problemen.append(Probleem(sleutel, waarde, veld.verwacht()))
        return None
    return x


def lees_scenario(
    bron: str | os.PathLike[str] | Mapping[str, Any],
    peildatum: dt.date | None = None,
    *,
    tariefjaar: int | None = None,
) -> Scenario:
    """Read and validate a scenario from a JSON or TOML file, a dict, or a product code.

    Parameters
    ----------
    bron
        Path to a ``.json`` or ``.toml`` file, a mapping with the same structure, or the
        code of a catalogue product (``"41A22"``).
    peildatum
        Date on which bundled parameters are looked up (products, ``basis``, functions
        given by ``functie`` or ``cao``/``schaal``/``trede``); default: the scenario's own
        ``peildatum``, else today.
    tariefjaar
        Instead of a peildatum: time-weight every bundled parameter over this calendar
        year (days in force); the scenario's own ``peildatum`` or ``tariefjaar`` wins.

    Raises
    ------
    InvoerFout
        Listing every problem: file, key, value and what was expected.
    """
    if isinstance(bron, Mapping):
        return _met_of_zonder_parameters(bron, "<dict>", peildatum, tariefjaar)
    pad = Path(bron)
    if not pad.is_file():
        from tarieven.catalogus import producten, scenario_uit_product

        if isinstance(bron, str) and bron in producten():
            return scenario_uit_product(bron, peildatum, tariefjaar=tariefjaar)
        raise InvoerFout(
            [
                Probleem(
                    "bestand",
                    str(pad),
                    f"een bestaand .json- of .toml-bestand, of een productcode ({', '.join(producten())})",
                )
            ]
        )
    tekst = pad.read_text(encoding="utf-8")
    if pad.suffix.lower() == ".toml":
        try:
            data: Any = tomllib.loads(tekst)
        except tomllib.TOMLDecodeError as e:
            raise InvoerFout([Probleem("(bestand)", "...", f"geldige TOML; {e}")], str(pad)) from None
    elif pad.suffix.lower() == ".json":
        try:
            data = json.loads(tekst)
        except json.JSONDecodeError as e:
            raise InvoerFout(
                [Probleem("(bestand)", "...", f"geldige JSON; {e.msg} op regel {e.lineno}, kolom {e.colno}")], str(pad)
            ) from None
    else:
        raise InvoerFout([Probleem("bestand", str(pad), "een bestand met extensie .json of .toml")])
    if not isinstance(data, Mapping):
        raise InvoerFout(
            [Probleem("(bestand)", type(data).__name__, "een object met functies, product en opslagen")], str(pad)
        )
    return _met_of_zonder_parameters(data, str(pad), peildatum, tariefjaar)


def _met_of_zonder_parameters(
    data: Mapping[str, Any], bron: str, peildatum: dt.date | None, tariefjaar: int | None = None
) -> Scenario:
    """Scenarios that refer to bundled parameters go through the catalogue; others stand alone."""
    functies = data.get("functies")
    verwijst = (
        "basis" in data
        or "peildatum" in data
        or "tariefjaar" in data
        or (
            isinstance(functies, Mapping)
            and any(isinstance(f, Mapping) and ({"functie", "cao"} & set(f)) for f in functies.values())
        )
    )
    if verwijst:
        from tarieven.catalogus import scenario_met_parameters

        return scenario_met_parameters(data, bron=bron, peildatum=peildatum, tariefjaar=tariefjaar)
    return scenario_uit_dict(data, bron=bron)


def scenario_uit_dict(
    data: Mapping[str, Any],
    bron: str = "<dict>",
    herkomst: Mapping[str, Herkomst] | None = None,
    peildatum: dt.date | None = None,
    tariefjaar: int | None = None,
) -> Scenario:
    """Validate a scenario given as a dict (the golden schema).

    ``herkomst`` gives the origin of values that came from bundled parameters (see
    :mod:`tarieven.catalogus`); every other value is attributed to the scenario itself.
    """
    p: list[Probleem] = []
    waarden: dict[str, float] = {}

    def getal(sleutel: str, waarde: Any, veld: Veld) -> None:
        x = _getal(sleutel, waarde, veld, p)
        if x is not None:
            waarden[sleutel] = x

    def sectie(sleutel: str, obj: Any, verplicht: bool = True) -> Mapping[str, Any]:
        if obj is None or obj is ...:
            if verplicht:
                p.append(Probleem(sleutel, ..., "een tabel/object"))
            return {}
        if not isinstance(obj, Mapping):
            p.append(Probleem(sleutel, obj, "een tabel/object"))
            return {}
        return obj

    def onbekend(prefix: str, obj: Mapping[str, Any], bekend: set[str]) -> None:
        onbekende_sleutels(prefix, obj, bekend, p)

    onbekend("", data, TOP_SLEUTELS)
    beschrijving = data.get("beschrijving", "")
    if not isinstance(beschrijving, str):
        p.append(Probleem("beschrijving", beschrijving, "tekst"))
        beschrijving = ""

    # -- functies -----------------------------------------------------------------------
    functies_in = sectie("functies", data.get("functies", ...))
    if isinstance(data.get("functies"), Mapping) and not functies_in:
        p.append(Probleem("functies", {}, "ten minste één functie"))
    functies = tuple(str(f) for f in functies_in)
    componenten: list[str] = []
    minimum: list[str] = []
    for f, d in functies_in.items():
        d = sectie(f"functies.{f}", d)
        onbekend(f"functies.{f}.", d, set(FUNCTIE_SPEC) | set(FUNCTIE_OPTIONEEL) | FUNCTIE_TEKST)
        for veld, spec in FUNCTIE_SPEC.items():
            sleutel = f"functies.{f}.{veld}"
            if veld not in d:
                if d:
                    p.append(Probleem(sleutel, ..., spec.verwacht()))
                continue
            if veld == "werkgeverslasten" and d[veld] == COMPONENTEN:
                componenten.append(str(f))
                continue
            getal(sleutel, d[veld], spec)
        for veld, spec in FUNCTIE_OPTIONEEL.items():
            if veld in d:
                getal(f"functies.{f}.{veld}", d[veld], spec)
                minimum.append(str(f))

    def functienaam(sleutel: str, f: Any) -> bool:
        if f not in functies_in:
            p.append(Probleem(sleutel, f, f"een functie uit 'functies' ({opsomming(list(functies))})"))
            return False
        return True

    # -- product ------------------------------------------------------------------------
    pr = sectie("product", data.get("product", ...))
    onbekend(
        "product.",
        pr,
        set(PRODUCT_SPEC)
        | set(PRODUCT_OPTIONEEL)
        | set(PER_FUNCTIE_UREN)
        | PRODUCT_TEKST
        | {"eenheid", "personeel", "ratio"},
    )
    eenheid = pr.get("eenheid", ...)
    if eenheid not in EENHEDEN:
        p.append(Probleem("product.eenheid", eenheid, f"een van {', '.join(EENHEDEN)}"))
        eenheid = "eenheid"
    for veld, spec in PRODUCT_SPEC.items():
        if veld not in pr:
            if pr:
                p.append(Probleem(f"product.{veld}", ..., spec.verwacht()))
            continue
        getal(f"product.{veld}", pr[veld], spec)
    for veld, spec in PRODUCT_OPTIONEEL.items():
        if veld in pr:
            getal(f"product.{veld}", pr[veld], spec)
    if ("eenheden_per_week" in pr) != ("weken_per_jaar" in pr):
        p.append(
            Probleem(
                "product.eenheden_per_week" if "eenheden_per_week" not in pr else "product.weken_per_jaar",
                ...,
                "eenheden_per_week en weken_per_jaar samen (voor het tarief per week en per jaar), of geen van beide",
            )
        )

    direct: list[str] = []
    uit_ratio = False
    naar_boven = True
    heeft_personeel, heeft_ratio = "personeel" in pr, "ratio" in pr
    if pr and heeft_personeel == heeft_ratio:
        p.append(
            Probleem(
                "product.personeel/product.ratio",
                "beide" if heeft_personeel else ...,
                "óf 'personeel' (aantallen per functie) óf 'ratio' (kinderen per medewerker met mix), niet beide",
            )
        )
    elif heeft_personeel:
        lijst = pr["personeel"]
        if not isinstance(lijst, list) or not lijst:
            p.append(Probleem("product.personeel", lijst, "een lijst van {functie, aantal}"))
            lijst = []
        for i, item in enumerate(lijst):
            s = f"product.personeel[{i}]"
            if not isinstance(item, Mapping) or set(item) != {"functie", "aantal"}:
                p.append(Probleem(s, item, "een object met precies 'functie' en 'aantal'"))
                continue
            f = item["functie"]
            if not functienaam(f"{s}.functie", f):
                continue
            x = _getal(f"{s}.aantal", item["aantal"], AANTAL, p)
            if x is None:
                continue
            sleutel = f"product.personeel.{f}"
            waarden[sleutel] = waarden.get(sleutel, 0.0) + x
            if f not in direct:
                direct.append(f)
    elif heeft_ratio:
        uit_ratio = True
        ratio = sectie("product.ratio", pr["ratio"])
        onbekend("product.ratio.", ratio, {"kinderen_per_medewerker", "afronding", "mix"})
        if "kinderen_per_medewerker" in ratio:
            getal("product.ratio.kinderen_per_medewerker", ratio["kinderen_per_medewerker"], KINDEREN_PER_MEDEWERKER)
        elif ratio:
            p.append(Probleem("product.ratio.kinderen_per_medewerker", ..., KINDEREN_PER_MEDEWERKER.verwacht()))
        afronding = ratio.get("afronding", ...)
        if afronding not in AFRONDINGEN_RATIO:
            p.append(
                Probleem(
                    "product.ratio.afronding",
                    afronding,
                    "'naar_boven' (hele medewerkers, gebruikelijk) of 'exact' (gemiddelde over de week)",
                )
            )
        naar_boven = afronding != "exact"
        mix = sectie("product.ratio.mix", ratio.get("mix", ...) if ratio else {})
        som = 0.0
        for f, aandeel in mix.items():
            if not functienaam(f"product.ratio.mix.{f}", f):
                continue
            x = _getal(f"product.ratio.mix.{f}", aandeel, MIX_AANDEEL, p)
            if x is not None:
                waarden[f"product.ratio.mix.{f}"] = x
                som += x
                direct.append(f)
        if mix and len(direct) == len(mix) and not math.isclose(som, 1.0, rel_tol=0, abs_tol=SOM_TOLERANTIE):
            p.append(
                Probleem(
                    "product.ratio.mix",
                    dict(mix),
                    f"aandelen die samen 1 zijn (nu samen {som:.6g}); bijvoorbeeld mbo 0.5 en hbo 0.5",
                )
            )

    per_functie: dict[str, tuple[str, ...]] = {}
    for veld, spec in PER_FUNCTIE_UREN.items():
        verplicht = veld in ("extra_uur", "indirect_uur")
        if veld not in pr:
            if pr and verplicht:
                p.append(
                    Probleem(
                        f"product.{veld}",
                        ...,
                        f"een tabel functie -> uren ({spec.omschrijving}); geef {{}} als er geen zijn",
                    )
                )
            per_functie[veld] = ()
            continue
        tabel = sectie(f"product.{veld}", pr[veld])
        namen: list[str] = []
        for f, uren in tabel.items():
            sleutel = f"product.{veld}.{f}"
            if not functienaam(sleutel, f):
                continue
            if veld == "extra_uur" and direct and f not in direct:
                p.append(Probleem(sleutel, uren, f"een functie uit het directe personeel ({opsomming(direct)})"))
                continue
            x = _getal(sleutel, uren, spec, p)
            if x is not None:
                waarden[sleutel] = x
                namen.append(f)
        per_functie[veld] = tuple(namen)
    if per_functie["client_uur_per_traject"] and "sessies_per_traject" not in pr:
        p.append(
            Probleem(
                "product.sessies_per_traject",
                ...,
                "het aantal sessies per traject, om client_uur_per_traject over de sessies te verdelen",
            )
        )

    # -- werkgeverslasten uit componenten ---------------------------------------------------
    premies: list[str] = []
    if "werkgeverslasten" in data:
        wl = sectie("werkgeverslasten", data["werkgeverslasten"])
        onbekend("werkgeverslasten.", wl, {"premies", "maximum_premieloon", "pensioen"})
        pensioen = sectie("werkgeverslasten.pensioen", wl.get("pensioen", ...))
        onbekend(
            "werkgeverslasten.pensioen.", pensioen, {k.split(".", 1)[1] for k in WERKGEVERSLASTEN_SPEC if "." in k}
        )
        for veld, spec in WERKGEVERSLASTEN_SPEC.items():
            waarde = pensioen.get(veld.split(".", 1)[1], ...) if veld.startswith("pensioen.") else wl.get(veld, ...)
            if waarde is ...:
                p.append(Probleem(f"werkgeverslasten.{veld}", ..., spec.verwacht()))
            else:
                getal(f"werkgeverslasten.{veld}", waarde, spec)
        for naam, premie in sectie("werkgeverslasten.premies", wl.get("premies", ...)).items():
            getal(f"werkgeverslasten.premies.{naam}", premie, PREMIE)
            premies.append(str(naam))
        if not componenten:
            p.append(
                Probleem(
                    "werkgeverslasten",
                    "...",
                    'een functie met werkgeverslasten = "componenten" die deze sectie gebruikt, of laat de sectie weg',
                )
            )
    elif componenten:
        p.append(
            Probleem(
                "werkgeverslasten",
                ...,
                f"een sectie met premies, maximum_premieloon en pensioen, want {', '.join(componenten)} "
                'gebruikt werkgeverslasten = "componenten"',
            )
        )

    # -- opslagen -----------------------------------------------------------------------
    op = sectie("opslagen", data.get("opslagen", ...))
    onbekend("opslagen.", op, {"overhead", "overhead_grondslag", "risico_opslag"})
    grondslag = op.get("overhead_grondslag", ...)
    if op and grondslag not in GRONDSLAGEN:
        p.append(
            Probleem(
                "opslagen.overhead_grondslag",
                grondslag,
                f"'{AANDEEL_INTEGRALE_KOSTPRIJS}' (overhead als deel van de integrale kostprijs: kostprijs / (1 − o)) "
                f"of '{OPSLAG_OP_KOSTPRIJS}' (opslag: kostprijs × (1 + o)); er is bewust geen standaard",
            )
        )
    aandeel = grondslag == AANDEEL_INTEGRALE_KOSTPRIJS
    for veld, spec in (("overhead", OVERHEAD_AANDEEL if aandeel else OVERHEAD_OPSLAG), ("risico_opslag", RISICO)):
        if veld not in op:
            if op:
                p.append(Probleem(f"opslagen.{veld}", ..., spec.verwacht()))
            continue
        getal(f"opslagen.{veld}", op[veld], spec)

    if p:
        raise InvoerFout(p, bron)

    product_code = pr.get("code")
    product_naam = pr.get("naam")
    structuur = Structuur(
        functies=functies,
        direct=tuple(direct),
        uit_ratio=uit_ratio,
        naar_boven=naar_boven,
        overhead_aandeel=aandeel,
        eenheid=str(eenheid),
        extra=per_functie["extra_uur"],
        indirect=per_functie["indirect_uur"],
        client=per_functie["client_uur"],
        traject=per_functie["client_uur_per_traject"],
        sessies="sessies_per_traject" in pr,
        per_week="eenheden_per_week" in pr,
        componenten=tuple(componenten),
        premies=tuple(premies),
        vakantietoeslag_minimum=tuple(minimum),
    )
    oorsprong = Herkomst("scenario (dict)" if bron == "<dict>" else f"scenario {Path(bron).name}")
    gegeven = herkomst or {}
    alle_herkomst = {k: gegeven.get(k, oorsprong) for k in waarden}
    uit = Scenario(
        structuur=structuur,
        waarden=waarden,
        herkomst=alle_herkomst,
        beschrijving=beschrijving,
        bron=bron,
        product_code=str(product_code) if product_code is not None else None,
        product_naam=str(product_naam) if product_naam is not None else None,
        peildatum=peildatum,
        tariefjaar=tariefjaar,
    )
    _controleer_samenhang(uit, p)
    if p:
        raise InvoerFout(p, bron)
    return uit


def _controleer_samenhang(s: Scenario, p: list[Probleem]) -> None:
    """Checks across fields: what each field alone cannot tell."""
    w = s.waarden
    for f in s.structuur.functies:
        k = f"functies.{f}."
        contract = w[k + "uren_per_week"] * w[k + "weken_per_jaar"]
        beschikbaar = contract - w[k + "verlofuren"] - w[k + "verzuim"] * contract - w[k + "scholingsuren"]
        if beschikbaar <= 0:
            p.append(
                Probleem(
                    f"functies.{f}",
                    f"{beschikbaar:.1f} beschikbare uren",
                    f"meer dan 0 beschikbare uren per jaar: contracturen {contract:.1f} min verlofuren "
                    f"{w[k + 'verlofuren']:g}, verzuim {w[k + 'verzuim']:g} × contracturen en scholingsuren "
                    f"{w[k + 'scholingsuren']:g}",
                )
            )
