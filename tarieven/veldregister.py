"""The field registry: every input a scenario, a product file or a workbook can hold, once.

Each :class:`~tarieven.veld.Veld` says what an input is: its unit, its kind and hard range
(outside it is an error), its plausible range (outside it a visible warning), whether it must
be a whole number, its fixed choices for a text, a Dutch description and label, and where a
bundled product takes its value from when the product file does not give it. Each range is
documented with its reason (``reden``). Keys are dotted paths; ``*`` stands for a name the user
chooses (a function such as ``mbo``, a premium, a transport category).

The table is read through :mod:`tarieven.velden` (:func:`~tarieven.velden.veld`, ...).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tarieven.bereik import FRACTIE, FRACTIE_ONDER_1, FRACTIE_POSITIEF, NIET_NEGATIEF, POSITIEF, Bereik
from tarieven.veld import AFRONDINGEN_RATIO, COMPONENTEN, EENHEDEN, GRONDSLAGEN, VORMEN, Veld

__all__ = ["FUNCTIE_GETALLEN", "OVERHEAD_AANDEEL", "VELDEN"]

_VAST = frozenset(
    {
        "functies.*.vakantietoeslag",
        "functies.*.vakantietoeslag_minimum",
        "functies.*.eindejaarsuitkering",
        "functies.*.uren_per_week",
        "functies.*.weken_per_jaar",
        "functies.*.verlofuren",
        "werkgeverslasten.maximum_premieloon",
        "werkgeverslasten.premies.*",
        "werkgeverslasten.pensioen.premie",
        "werkgeverslasten.pensioen.premie_ap",
        "werkgeverslasten.pensioen.franchise",
        "werkgeverslasten.pensioen.franchise_ap",
        "werkgeverslasten.pensioen.maximum_pensioengevend_salaris",
        "werkgeverslasten.pensioen.werkgeversdeel",
    }
)
"""Facts that neither a region nor a provider chooses: the CAO's working week, leave and
allowances, the calendar, statutory premiums and the pension scheme (``Veld.vast``)."""


def _v(sleutel: str, **kw: Any) -> Veld:
    return Veld(sleutel, vast=sleutel in _VAST, **kw)


_SALARIS_REDEN = (
    "Harde grens: meer dan 0, en niet onder het wettelijk minimumloon (een fout, zie minimumloon.toml). Gebruikelijk: "
    "van de laagste trede van de laagste schaal van de meegeleverde CAO Jeugdzorg-tabel (2.687 per 1 januari 2024) "
    "tot drie keer het maximum van de hoogste (3 × 5.749 per 1 maart 2025); daarbuiten een waarschuwing."
)

VELDEN: dict[str, Veld] = {
    v.sleutel: v
    for v in (
        # -- scenario ---------------------------------------------------------------------------
        _v("beschrijving", soort="tekst", omschrijving="vrije omschrijving van het scenario"),
        _v("basis", soort="tekst", omschrijving="productcode waarop het scenario voortbouwt (41A22)"),
        _v("peildatum", soort="datum", omschrijving="datum waarop meegeleverde parameters gelden"),
        _v("tariefjaar", soort="jaar", omschrijving="kalenderjaar waarover parameters tijdgewogen worden"),
        _v("weglaten", soort="lijst", omschrijving="invoer van het basisproduct die dit scenario niet heeft"),
        _v(
            "aannames",
            soort="tekst",
            keuzes=("laag", "centraal", "hoog"),
            omschrijving="de set waarop elke aanname met lezingen wordt opgezocht: laag, centraal (standaard) of hoog",
        ),
        _v("aanbieder.naam", soort="tekst", omschrijving="naam van de aanbieder", label="naam aanbieder"),
        _v(
            "aanbieder.code",
            soort="tekst",
            omschrijving="code van de aanbieder (AGB-code of de code van de regio)",
            label="code aanbieder",
        ),
        _v(
            "aanbieder.volume",
            eenheid="1/jaar",
            bereik=NIET_NEGATIEF,
            plausibel=(0.0, 1_000_000.0),
            omschrijving="contractvolume: gedeclareerde eenheden per jaar (weegt mee in de band van de regio)",
            label="contractvolume (eenheden per jaar)",
        ),
        # -- functies (stap 1 en 2) ---------------------------------------------------------------
        _v("functies.*.naam", soort="tekst", omschrijving="naam van de functie {f}"),
        _v("functies.*.functie", soort="tekst", omschrijving="functie {f} uit de meegeleverde functies"),
        _v("functies.*.cao", soort="tekst", omschrijving="cao van functie {f}"),
        _v("functies.*.schaal", soort="tekst", omschrijving="salarisschaal van functie {f}"),
        _v("functies.*.trede", soort="tekst", omschrijving="trede van functie {f}: een nummer, 'max' of 'midden'"),
        _v(
            "functies.*.maandsalaris",
            eenheid="EUR/maand",
            bereik=POSITIEF,
            plausibel=(2650.0, 17500.0),
            omschrijving="bruto maandsalaris",
            label="maandsalaris {f}",
            verplicht=True,
            standaard="cao: salaris per schaal en trede",
            reden=_SALARIS_REDEN,
        ),
        _v(
            "functies.*.vakantietoeslag",
            bereik=FRACTIE_ONDER_1,
            plausibel=(0.08, 0.1),
            omschrijving="vakantietoeslag als deel van het bruto jaarsalaris",
            label="vakantietoeslag {f}",
            verplicht=True,
            standaard="cao: vakantietoeslag",
            reden="Wettelijk minimum 8 % (Wet minimumloon art. 15); cao's geven zelden meer dan 10 %.",
        ),
        _v(
            "functies.*.vakantietoeslag_minimum",
            eenheid="EUR/maand",
            bereik=NIET_NEGATIEF,
            plausibel=(0.0, 500.0),
            omschrijving="minimum vakantietoeslag per maand bij een volle fte",
            standaard="cao: vakantietoeslag_minimum",
        ),
        _v(
            "functies.*.eindejaarsuitkering",
            bereik=FRACTIE_ONDER_1,
            plausibel=(0.0, 0.1),
            omschrijving="eindejaarsuitkering als deel van het bruto jaarsalaris",
            label="eindejaarsuitkering {f}",
            verplicht=True,
            standaard="cao: eindejaarsuitkering",
        ),
        _v(
            "functies.*.werkgeverslasten",
            bereik=FRACTIE,
            plausibel=(0.15, 0.4),
            keuzes=(COMPONENTEN,),
            omschrijving="werkgeverslasten als deel van het jaarloon, of 'componenten'",
            label="werkgeverslasten {f}",
            verplicht=True,
            standaard="werkgeverslasten en pensioenfonds: componenten",
            reden="Sociale premies plus werkgeversdeel pensioen liggen in de zorg rond 25-30 % van het jaarloon.",
        ),
        _v(
            "functies.*.overige_personeelskosten",
            bereik=FRACTIE,
            plausibel=(0.0, 0.15),
            omschrijving="overige personeelskosten als deel van de loonkosten",
            label="overige personeelskosten {f}",
            verplicht=True,
            standaard="normen: overige_personeelskosten",
        ),
        _v(
            "functies.*.uren_per_week",
            eenheid="uur/week",
            bereik=Bereik(0.0, 168.0, laag_mee=False),
            plausibel=(32.0, 40.0),
            omschrijving="contracturen per week bij een volle fte",
            label="uren per week {f}",
            verplicht=True,
            standaard="cao: uren_per_week",
            reden="Een week heeft 168 uur; een volle werkweek ligt in cao's tussen 32 en 40 uur.",
        ),
        _v(
            "functies.*.weken_per_jaar",
            eenheid="week/jaar",
            bereik=Bereik(0.0, 53.0, laag_mee=False),
            plausibel=(52.0, 52.2),
            omschrijving="weken per jaar, bijvoorbeeld 52.143",
            label="weken per jaar {f}",
            verplicht=True,
            standaard="cao: weken_per_jaar",
            reden="Een jaar heeft 365/7 = 52,14 weken.",
        ),
        _v(
            "functies.*.verlofuren",
            eenheid="uur/jaar",
            bereik=NIET_NEGATIEF,
            plausibel=(100.0, 350.0),
            omschrijving="verlofuren per jaar (vakantie, feestdagen, verlofbudget)",
            label="verlofuren {f}",
            verplicht=True,
            standaard="cao: vakantieuren + feestdaguren + verlofbudget + vitaliteitsbudget naar aandeel",
        ),
        _v(
            "functies.*.verzuim",
            bereik=FRACTIE_ONDER_1,
            plausibel=(0.0, 0.15),
            omschrijving="ziekteverzuim als deel van de contracturen",
            label="verzuim {f}",
            verplicht=True,
            standaard="normen: verzuim",
        ),
        _v(
            "functies.*.scholingsuren",
            eenheid="uur/jaar",
            bereik=NIET_NEGATIEF,
            plausibel=(0.0, 150.0),
            omschrijving="scholingsuren per jaar",
            label="scholingsuren {f}",
            verplicht=True,
            standaard="normen: scholingsuren",
        ),
        _v(
            "functies.*.productiviteit",
            bereik=FRACTIE_POSITIEF,
            plausibel=(0.5, 1.0),
            omschrijving="aan producten toe te rekenen deel van de beschikbare uren",
            label="productiviteit {f}",
            verplicht=True,
            standaard="normen: productiviteit van de functie",
        ),
        # -- werkgeverslasten uit componenten -------------------------------------------------------
        _v(
            "werkgeverslasten.maximum_premieloon",
            eenheid="EUR/jaar",
            bereik=POSITIEF,
            plausibel=(40000.0, 150000.0),
            omschrijving="maximum premieloon",
            standaard="werkgeverslasten: maximum_premieloon",
        ),
        _v(
            "werkgeverslasten.premies.*",
            bereik=FRACTIE,
            plausibel=(0.0, 0.1),
            omschrijving="werkgeverspremie {f} als deel van het premieloon",
            label="premie {f}",
            standaard="werkgeverslasten",
        ),
        _v(
            "werkgeverslasten.pensioen.premie",
            bereik=FRACTIE,
            plausibel=(0.0, 0.35),
            omschrijving="pensioenpremie (OP/PP) op pensioengevend salaris min franchise",
            standaard="pensioen: premie_op",
        ),
        _v(
            "werkgeverslasten.pensioen.premie_ap",
            bereik=FRACTIE,
            plausibel=(0.0, 0.05),
            omschrijving="premie arbeidsongeschiktheidspensioen (AP)",
            standaard="pensioen: premie_ap",
        ),
        _v(
            "werkgeverslasten.pensioen.franchise",
            eenheid="EUR/jaar",
            bereik=NIET_NEGATIEF,
            plausibel=(0.0, 40000.0),
            omschrijving="franchise van de pensioenpremie",
            standaard="pensioen: franchise",
        ),
        _v(
            "werkgeverslasten.pensioen.franchise_ap",
            eenheid="EUR/jaar",
            bereik=NIET_NEGATIEF,
            plausibel=(0.0, 150000.0),
            omschrijving="franchise van de AP-premie",
            standaard="pensioen: franchise_ap",
        ),
        _v(
            "werkgeverslasten.pensioen.maximum_pensioengevend_salaris",
            eenheid="EUR/jaar",
            bereik=POSITIEF,
            plausibel=(50000.0, 200000.0),
            omschrijving="maximum pensioengevend salaris",
            standaard="pensioen: maximum_pensioengevend_salaris",
        ),
        _v(
            "werkgeverslasten.pensioen.werkgeversdeel",
            bereik=FRACTIE,
            plausibel=(0.3, 1.0),
            omschrijving="werkgeversdeel van de pensioenpremies",
            standaard="pensioen: werkgeversdeel",
        ),
        # -- product (stap 3) -------------------------------------------------------------------------
        _v("product.code", soort="tekst", omschrijving="productcode"),
        _v("product.naam", soort="tekst", omschrijving="productnaam"),
        _v("product.eenheid", soort="tekst", keuzes=EENHEDEN, omschrijving="declaratie-eenheid", verplicht=True),
        _v(
            "product.groepsgrootte",
            bereik=Bereik(0.0, 10000.0, laag_mee=False),
            plausibel=(2.0, 30.0),
            geheel=True,
            omschrijving="aantal plaatsen in de groep, G",
            label="groepsgrootte (plaatsen)",
            verplicht=True,
            reden="Een groep heeft een heel aantal plaatsen; één plaats is geen groep, en groepsproducten "
            "jeugd hebben zelden meer dan 30.",
        ),
        _v(
            "product.bezettingsgraad",
            bereik=FRACTIE_POSITIEF,
            plausibel=(0.5, 1.0),
            omschrijving="gemiddeld gedeclareerde cliënten per plaats, b",
            label="bezettingsgraad",
            verplicht=True,
            reden="Boven 1 kan niet (meer cliënten dan plaatsen); onder 50 % bezetting is een groep zelden rendabel.",
        ),
        _v(
            "product.duur_uur",
            eenheid="uur",
            bereik=Bereik(0.0, 24.0, laag_mee=False),
            plausibel=(0.5, 12.0),
            omschrijving="uren per eenheid dat de groep bijeen is, d",
            label="duur per eenheid (uur)",
            verplicht=True,
        ),
        _v(
            "product.huisvesting_jaar",
            eenheid="EUR/jaar",
            bereik=NIET_NEGATIEF,
            plausibel=(0.0, 250000.0),
            omschrijving="huisvestingskosten per groep per jaar, H",
            label="huisvesting per jaar",
            verplicht=True,
            standaard="normen: huisvesting_per_groep",
        ),
        _v(
            "product.eenheden_per_jaar",
            eenheid="1/jaar",
            bereik=POSITIEF,
            plausibel=(10.0, 2000.0),
            omschrijving="eenheden die de groep per jaar draait, E",
            label="eenheden per jaar",
            verplicht=True,
        ),
        _v(
            "product.materieel_per_client",
            eenheid="EUR",
            bereik=NIET_NEGATIEF,
            plausibel=(0.0, 50.0),
            omschrijving="materieel per aanwezige cliënt per eenheid, m",
            label="materieel per cliënt",
            verplicht=True,
            standaard="normen: materieel_per_client",
        ),
        _v(
            "product.sessies_per_traject",
            bereik=POSITIEF,
            plausibel=(1.0, 52.0),
            omschrijving="sessies per traject",
            label="sessies per traject",
        ),
        _v(
            "product.eenheden_per_week",
            bereik=POSITIEF,
            plausibel=(0.5, 10.0),
            omschrijving="geplande eenheden per cliënt per week",
            label="eenheden per week",
        ),
        _v(
            "product.weken_per_jaar",
            bereik=Bereik(0.0, 53.0, laag_mee=False),
            plausibel=(1.0, 48.0),
            omschrijving="geplande weken per cliënt per jaar (hoogstens 48)",
            label="weken per jaar",
        ),
        _v(
            "product.personeel.*",
            bereik=Bereik(0.0, 1000.0),
            plausibel=(0.0, 10.0),
            omschrijving="aantal medewerkers van deze functie op de groep",
            label="aantal {f} op de groep",
        ),
        _v(
            "product.ratio.kinderen_per_medewerker",
            bereik=Bereik(0.0, 100.0, laag_mee=False),
            plausibel=(1.0, 12.0),
            omschrijving="kinderen per medewerker, k in 1 op k",
            label="kinderen per medewerker",
            reden="Een groepsproduct heeft altijd begeleiding: meer dan 100 kinderen per medewerker is geen groep "
            "meer; jeugdhulpgroepen kennen 1 op 2 tot 1 op 12.",
        ),
        _v(
            "product.ratio.afronding",
            soort="tekst",
            keuzes=AFRONDINGEN_RATIO,
            omschrijving="'naar_boven' (hele medewerkers, gebruikelijk) of 'exact' (gemiddelde over de week)",
            label="afronding van de ratio",
        ),
        _v(
            "product.ratio.mix.*",
            bereik=FRACTIE,
            omschrijving="aandeel van de functie in het directe personeel",
            label="aandeel {f} in de mix",
        ),
        _v(
            "product.extra_uur.*",
            eenheid="uur",
            bereik=NIET_NEGATIEF,
            plausibel=(0.0, 4.0),
            omschrijving="extra tijd per medewerker per eenheid, v",
            label="extra tijd {f} (uur)",
        ),
        _v(
            "product.indirect_uur.*",
            eenheid="uur",
            bereik=NIET_NEGATIEF,
            plausibel=(0.0, 8.0),
            omschrijving="indirecte tijd per groep per eenheid, u",
            label="indirecte tijd {f} (uur)",
        ),
        _v(
            "product.client_uur.*",
            eenheid="uur",
            bereik=NIET_NEGATIEF,
            plausibel=(0.0, 4.0),
            omschrijving="cliëntgebonden tijd per cliënt per eenheid, c",
            label="cliënttijd {f} (uur)",
        ),
        _v(
            "product.client_uur_per_traject.*",
            eenheid="uur",
            bereik=NIET_NEGATIEF,
            plausibel=(0.0, 40.0),
            omschrijving="cliëntgebonden tijd per cliënt per traject",
            label="cliënttijd {f} per traject (uur)",
        ),
        # -- vervoer (42A03) --------------------------------------------------------------------------
        _v("product.vorm", soort="tekst", keuzes=VORMEN, omschrijving="vervoersvorm", label="vervoersvorm"),
        _v(
            "product.afstand_km",
            eenheid="km",
            bereik=Bereik(0.0, 30.0),
            omschrijving="enkele-reisafstand van postcode tot postcode; boven 30 km is voor vervoer 42A03 geen "
            "categorie gedefinieerd",
            label="afstand (km)",
            reden="Vervoer 42A03 kent categorieën tot en met 30 km; daarboven is geen categorie gedefinieerd.",
        ),
        _v(
            "product.bedrag.*",
            eenheid="EUR",
            bereik=NIET_NEGATIEF,
            plausibel=(1.0, 200.0),
            omschrijving="bedrag per aanwezigheidsdag per kind, {f}",
            label="bedrag {f}",
        ),
        # -- opslagen (stap 4) ---------------------------------------------------------------------------
        _v(
            "opslagen.overhead",
            bereik=NIET_NEGATIEF,
            plausibel=(0.0, 0.5),
            omschrijving="overhead als opslag op de kostprijs",
            label="overhead",
            verplicht=True,
            standaard="normen: overhead",
        ),
        _v(
            "opslagen.overhead_grondslag",
            soort="tekst",
            keuzes=GRONDSLAGEN,
            verplicht=True,
            omschrijving="grondslag van de overhead: aandeel van de integrale kostprijs of opslag op de kostprijs "
            "(de formule: met_overhead, stap 4 van de methode); er is bewust geen standaard",
            label="grondslag van de overhead",
            standaard="normen: overhead_grondslag",
        ),
        _v(
            "opslagen.risico_opslag",
            bereik=FRACTIE_ONDER_1,
            plausibel=(0.0, 0.1),
            omschrijving="risico-opslag",
            label="risico-opslag",
            verplicht=True,
            standaard="normen: risico_opslag",
        ),
    )
}
"""Every input by dotted key (``*`` for a name the user chooses)."""

OVERHEAD_AANDEEL = replace(
    VELDEN["opslagen.overhead"],
    bereik=FRACTIE_ONDER_1,
    plausibel=(0.0, 0.35),
    omschrijving="overhead als deel van de integrale kostprijs",
)
"""``opslagen.overhead`` when it is a share of the integral cost price: it must stay below 1."""

FUNCTIE_GETALLEN: tuple[str, ...] = tuple(
    k.split(".")[2] for k, v in VELDEN.items() if k.startswith("functies.*.") and v.verplicht
)
"""The numbers every function needs (steps 1 and 2)."""
