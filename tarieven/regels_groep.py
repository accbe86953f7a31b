"""The lines of steps 3 to 6 and 8: one unit of one group, the surcharges, the tariff in other
units, and transport.

Each :func:`~tarieven.regeldefinitie.regel` call names one line, its unit, its description, the
step of the method and the cost elements it prices, the core function that is its one
definition and the inputs and earlier lines it reads. :func:`regels_voor_de_groep` and
:func:`regels_vervoer` list them for a structure; :mod:`tarieven.model` puts the steps together.
"""

from __future__ import annotations

from collections.abc import Iterator

from tarieven import groep, opslagen, tarief, vervoer
from tarieven.regeldefinitie import Lijst, RegelDefinitie, Structuur, Vast, regel

__all__ = ["regels_voor_de_groep", "regels_vervoer"]

_CLIENTTIJD = ("clientgebonden_tijd",)
_INDIRECT = ("niet_clientgebonden_tijd",)
_KOSTEN = ("clientgebonden_kosten",)
_KOSTPRIJS = ("clientgebonden_tijd", "niet_clientgebonden_tijd", "clientgebonden_kosten")
_TARIEF = (*_KOSTPRIJS, "overhead", "risico")


# -- step 3: one unit of one group ------------------------------------------------------

_P = "product."
_G, _B = _P + "groepsgrootte", _P + "bezettingsgraad"


def _uit_de_ratio(s: Structuur) -> Iterator[RegelDefinitie]:
    yield regel(
        "medewerkers_totaal",
        eenheid="1",
        omschrijving="direct personeel op de groep uit de ratio",
        label="medewerkers op de groep",
        stap="3",
        elementen=_CLIENTTIJD,
        functie=groep.medewerkers_uit_ratio,
        argumenten={
            "groepsgrootte": _G,
            "kinderen_per_medewerker": _P + "ratio.kinderen_per_medewerker",
            "naar_boven": Vast(s.naar_boven),
        },
    )
    for f in s.direct:
        yield regel(
            f"medewerkers.{f}",
            eenheid="1",
            omschrijving=f"direct personeel {f} (aandeel in de mix)",
            label=f"medewerkers {f}",
            stap="3",
            elementen=_CLIENTTIJD,
            functie=groep.medewerkers_uit_mix,
            argumenten={"medewerkers_totaal": "medewerkers_totaal", "aandeel": f"{_P}ratio.mix.{f}"},
        )


def _personeel_op_de_groep(s: Structuur) -> Iterator[RegelDefinitie]:
    if s.uit_ratio:
        yield from _uit_de_ratio(s)
    yield regel(
        "personeel_direct",
        eenheid="EUR",
        omschrijving="direct personeel per eenheid voor de groep",
        label="direct personeel",
        stap="3",
        elementen=_CLIENTTIJD,
        functie=groep.personeel_direct,
        argumenten={
            "aantal": tuple(f"medewerkers.{f}" if s.uit_ratio else f"{_P}personeel.{f}" for f in s.direct),
            "duur_uur": _P + "duur_uur",
            "extra_uur": tuple(f"{_P}extra_uur.{f}" if f in s.extra else 0.0 for f in s.direct),
            "uurkosten": tuple(f"uurkosten.{f}" for f in s.direct),
        },
    )
    yield regel(
        "personeel_indirect",
        eenheid="EUR",
        omschrijving="indirect personeel per eenheid voor de groep",
        label="indirect personeel",
        stap="3",
        elementen=_INDIRECT,
        functie=groep.personeel_indirect,
        argumenten={
            "indirect_uur": tuple(f"{_P}indirect_uur.{f}" for f in s.indirect),
            "uurkosten": tuple(f"uurkosten.{f}" for f in s.indirect),
        },
    )


def _clientgebonden(s: Structuur) -> Iterator[RegelDefinitie]:
    for f in s.traject:
        yield regel(
            f"client_uur_traject.{f}",
            eenheid="uur",
            omschrijving=f"cliëntgebonden tijd {f} per sessie uit het traject",
            label=f"cliënttijd {f} per sessie",
            stap="3",
            elementen=_CLIENTTIJD,
            functie=groep.client_uur_uit_traject,
            argumenten={
                "client_uur_per_traject": f"{_P}client_uur_per_traject.{f}",
                "sessies_per_traject": _P + "sessies_per_traject",
            },
        )
    client = [(f"{_P}client_uur.{f}", f) for f in s.client] + [(f"client_uur_traject.{f}", f) for f in s.traject]
    yield regel(
        "clientkosten",
        eenheid="EUR",
        omschrijving="cliëntgebonden personeel per cliënt per eenheid",
        label="cliëntgebonden tijd",
        stap="3",
        elementen=_CLIENTTIJD,
        functie=groep.clientkosten,
        argumenten={
            "client_uur": tuple(c for c, _ in client),
            "uurkosten": tuple(f"uurkosten.{f}" for _, f in client),
        },
    )


def _groep(s: Structuur) -> Iterator[RegelDefinitie]:
    yield from _personeel_op_de_groep(s)
    yield regel(
        "huisvesting_eenheid",
        eenheid="EUR",
        omschrijving="huisvesting per eenheid",
        label="huisvesting",
        stap="3",
        elementen=_KOSTEN,
        functie=groep.huisvesting_eenheid,
        argumenten={"huisvesting_jaar": _P + "huisvesting_jaar", "eenheden_per_jaar": _P + "eenheden_per_jaar"},
    )
    yield regel(
        "materieel",
        eenheid="EUR",
        omschrijving="materieel en activiteiten per eenheid voor de aanwezige cliënten",
        label="materieel en activiteiten",
        stap="3",
        elementen=_KOSTEN,
        functie=groep.materieel,
        argumenten={"materieel_per_client": _P + "materieel_per_client", "groepsgrootte": _G, "bezettingsgraad": _B},
    )
    yield regel(
        "groepskosten",
        eenheid="EUR",
        omschrijving="kosten van één eenheid voor de hele groep",
        label="groepskosten",
        stap="3",
        elementen=_KOSTPRIJS,
        functie=groep.groepskosten,
        argumenten={
            "personeel_direct": "personeel_direct",
            "personeel_indirect": "personeel_indirect",
            "huisvesting_eenheid": "huisvesting_eenheid",
            "materieel": "materieel",
        },
    )
    yield from _clientgebonden(s)


# -- step 4: surcharges, and the tariff per client built up part by part --------------

_OP = "opslagen."


def _opslagen(s: Structuur) -> Iterator[RegelDefinitie]:
    yield regel(
        "kostprijs_per_client",
        eenheid="EUR",
        omschrijving="kostprijs per gedeclareerde cliënt per eenheid",
        label="kostprijs per cliënt",
        stap="4",
        elementen=_KOSTPRIJS,
        functie=opslagen.kostprijs_per_client,
        argumenten={
            "groepskosten": "groepskosten",
            "groepsgrootte": _G,
            "bezettingsgraad": _B,
            "clientkosten": "clientkosten",
        },
    )
    conventie = "als aandeel van de integrale kostprijs" if s.overhead_aandeel else "als opslag op de kostprijs"
    yield regel(
        "met_overhead",
        eenheid="EUR",
        omschrijving=f"kostprijs met overhead (overhead {conventie})",
        label="kostprijs met overhead",
        stap="4",
        elementen=(*_KOSTPRIJS, "overhead"),
        functie=opslagen.met_overhead,
        argumenten={
            "kostprijs": "kostprijs_per_client",
            "overhead": _OP + "overhead",
            "aandeel_integrale_kostprijs": Vast(s.overhead_aandeel),
        },
    )
    yield regel(
        "tarief_per_client",
        eenheid="EUR",
        omschrijving=f"tarief per cliënt per {s.eenheid}",
        label="tarief per cliënt",
        stap="4",
        elementen=_TARIEF,
        functie=opslagen.tarief,
        argumenten={"met_overhead": "met_overhead", "risico_opslag": _OP + "risico_opslag"},
    )


_OPBOUW_GROEP = (
    ("personeel_direct", "direct personeel", _CLIENTTIJD),
    ("personeel_indirect", "indirect personeel", _INDIRECT),
    ("huisvesting_eenheid", "huisvesting", _KOSTEN),
    ("materieel", "materieel en activiteiten", _KOSTEN),
)


def _opbouw() -> Iterator[RegelDefinitie]:
    for deel, label, elementen in _OPBOUW_GROEP:
        yield regel(
            f"opbouw.{deel}",
            eenheid="EUR",
            omschrijving=f"{label} per cliënt (deel van het tarief, vóór opslagen)",
            label=label,
            stap="4",
            elementen=elementen,
            functie=opslagen.per_client,
            argumenten={"bedrag": deel, "groepsgrootte": _G, "bezettingsgraad": _B},
        )
    yield regel(
        "opbouw.clientkosten",
        eenheid="EUR",
        omschrijving="cliëntgebonden personeel per cliënt (deel van het tarief)",
        label="cliëntgebonden tijd",
        stap="4",
        elementen=_CLIENTTIJD,
        functie=opslagen.clientdeel,
        argumenten={"clientkosten": "clientkosten"},
    )
    yield regel(
        "opbouw.overhead",
        eenheid="EUR",
        omschrijving="overhead per cliënt (deel van het tarief)",
        label="overhead",
        stap="4",
        elementen=("overhead",),
        functie=opslagen.opslag,
        argumenten={"met": "met_overhead", "zonder": "kostprijs_per_client"},
    )
    yield regel(
        "opbouw.risico",
        eenheid="EUR",
        omschrijving="risico-opslag per cliënt (deel van het tarief)",
        label="risico-opslag",
        stap="4",
        elementen=("risico",),
        functie=opslagen.opslag,
        argumenten={"met": "tarief_per_client", "zonder": "met_overhead"},
    )


# -- steps 5 and 6: the tariff in other units ----------------------------------------

_T = "tarief_per_client"


def _per_uur_en_minuut() -> Iterator[RegelDefinitie]:
    for per, eenheid, functie in (("uur", "EUR/uur", tarief.per_uur), ("minuut", "EUR/minuut", tarief.per_minuut)):
        yield regel(
            f"tarief_per_{per}",
            eenheid=eenheid,
            omschrijving=f"tarief per cliënt per {per}",
            label=f"per {per}",
            stap="5",
            elementen=_TARIEF,
            functie=functie,
            argumenten={"tarief": _T, "duur_uur": _P + "duur_uur"},
        )


def _andere_eenheden(s: Structuur) -> Iterator[RegelDefinitie]:
    yield from _per_uur_en_minuut()
    if s.per_week:
        yield regel(
            "tarief_per_week",
            eenheid="EUR/week",
            omschrijving="tarief per cliënt per week bij de geplande eenheden",
            label="per week",
            stap="5",
            elementen=_TARIEF,
            functie=tarief.per_week,
            argumenten={"tarief": _T, "eenheden_per_week": _P + "eenheden_per_week"},
        )
        yield regel(
            "tarief_per_jaar",
            eenheid="EUR/jaar",
            omschrijving="tarief per cliënt per jaar bij de geplande weken",
            label="per jaar",
            stap="5",
            elementen=_TARIEF,
            functie=tarief.per_jaar,
            argumenten={"tarief_per_week": "tarief_per_week", "weken_per_jaar": _P + "weken_per_jaar"},
        )
    if s.sessies:
        yield regel(
            "tarief_per_traject",
            eenheid="EUR",
            omschrijving="tarief per cliënt per traject",
            label="per traject",
            stap="6",
            elementen=_TARIEF,
            functie=tarief.per_traject,
            argumenten={"tarief": _T, "sessies_per_traject": _P + "sessies_per_traject"},
        )


def regels_voor_de_groep(s: Structuur) -> Iterator[RegelDefinitie]:
    """The lines of a group product after the hourly costs: the unit for the group (step 3),
    the surcharges (step 4), the tariff in other units (steps 5 and 6) and the build-up of the
    tariff per client part by part."""
    yield from _groep(s)
    yield from _opslagen(s)
    yield from _andere_eenheden(s)
    yield from _opbouw()


# -- transport (42A03) -------------------------------------------------------------------


def regels_vervoer(s: Structuur) -> Iterator[RegelDefinitie]:
    """The lines of transport (step 8): the category from the distance, and its amount."""
    assert s.vervoersvorm is not None
    yield regel(
        "vervoerscategorie",
        eenheid="1",
        omschrijving=f"vervoerscategorie uit de enkele-reisafstand ({s.vervoersvorm})",
        label="vervoerscategorie",
        stap="8",
        elementen=_KOSTEN,
        functie=vervoer.categorie,
        argumenten={"afstand_km": _P + "afstand_km", "vorm": Vast(s.vervoersvorm)},
    )
    yield regel(
        "tarief_per_client",
        eenheid="EUR",
        omschrijving=f"tarief per cliënt per {s.eenheid} (bedrag van de categorie)",
        label="tarief per cliënt",
        stap="8",
        elementen=_KOSTEN,
        functie=vervoer.tarief_per_dag,
        argumenten={
            "categorie": "vervoerscategorie",
            "bedragen": Lijst(tuple(f"{_P}bedrag.{c}" for c in s.categorieen)),
        },
    )
