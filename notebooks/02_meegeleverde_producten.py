# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # De meegeleverde producten: catalogus, aannames, peildatum en indexatie
#
# `tarieven` levert de producten uit de productbeschrijvingen van de regio mee, met de
# CAO Jeugdzorg, werkgeverspremies, pensioen en regionale normen. Dit notebook laat zien
# hoe je daarmee werkt:
#
# - **de catalogus**: alle producten met hun tarief op de standaardwaarden, als tabel en
#   als grafiek;
# - **aannames**: op welke indicatieve waarden en aannames het tarief van dagbesteding
#   licht (41A22) rust, en wat het tarief wordt als je er één vervangt door je eigen waarde;
# - **peildatum of tariefjaar**: de CAO-tabellen stijgen op 1 maart 2025; welk tarief hoort
#   dan bij 2025?
# - **indexatie**: een tarief van 2024 naar 2025 met de VNG-indexcijfers, en waarom 2026
#   nog niet kan.
#
# Alle standaardwaarden zijn een vertrekpunt, geen vastgesteld tarief: elke waarde heeft
# een bron en een status (`definitief`, `afgeleid`, `indicatief` of `aanname`).

# %%
# %matplotlib inline
import datetime as dt
from decimal import Decimal

import numpy as np
import pandas as pd

import tarieven
from tarieven import analyse, plots
from tarieven.afronding import op_centen
from tarieven.indexatie import indexeer_jaren
from tarieven.indexcijfers import vng_indexaties
from tarieven.plots import procent_opmaak
from tarieven.weergave import euro

PEILDATUM = dt.date(2027, 1, 1)
pd.set_option("display.max_colwidth", 160)  # show the origins of the values in full

# %% [markdown]
# ## De catalogus als tabel
#
# `tarieven.producten()` geeft de productcodes; `tarieven.productoverzicht(peildatum)`
# berekent elk groepsproduct op de meegeleverde parameters die op de peildatum gelden. Het
# tarief is per cliënt per eenheid (meestal een dagdeel; GGZ groep per sessie van
# anderhalf uur), het uurtarief is dat tarief gedeeld door de duur van de eenheid. Vervoer
# (42A03) is geen groepsproduct en staat niet in deze tabel: het heeft bedragen per
# afstandscategorie (`tarieven.vervoersbedragen()`, `tarieven bereken 42A03 --afstand ... --vorm ...`).

# %%
catalogus = tarieven.productoverzicht(PEILDATUM)

# the frame keeps full precision; this view shows it the Dutch way
procent = procent_opmaak()
catalogus.assign(
    groepsgrootte=catalogus["groepsgrootte"].map("{:g}".format),
    bezettingsgraad=catalogus["bezettingsgraad"].map(procent),
    duur_uur=catalogus["duur_uur"].map(lambda d: f"{d:g}".replace(".", ",")),
    tarief=catalogus["tarief"].map(euro),
    tarief_per_uur=catalogus["tarief_per_uur"].map(euro),
)

# %% [markdown]
# Twee controles op de tabel: `tarieven.bereken("41A22", peildatum)` (de productcode
# rechtstreeks) geeft hetzelfde tarief als de tabel, en het
# uurtarief maal de duur is het tarief. De verhoudingen tussen de producten volgen uit de
# productbeschrijvingen: licht < middel < zwaar; binnen dagbehandeling stijgt het tarief
# met de categorie; B ligt boven A (meer tijd van de gedragswetenschapper); een
# zorg-onderwijsarrangement ligt onder dagbehandeling van dezelfde categorie (minder
# begeleiding, onderwijs levert de ruimte).

# %%
assert list(catalogus.index) == [c for c in tarieven.producten() if c not in tarieven.vervoersbedragen(PEILDATUM)]
for code, rij in catalogus.iterrows():
    assert tarieven.bereken(code, PEILDATUM).tarief == rij["tarief"]
    assert np.isclose(rij["tarief_per_uur"] * rij["duur_uur"], rij["tarief"], rtol=1e-12)

t = catalogus["tarief"]
assert t["41A22"] < t["41A23"] < t["41A24"]
for soort in ("41A00", "41A03", "ZOA"):
    assert t[f"{soort}-1"] < t[f"{soort}-2"] < t[f"{soort}-3"]
for cat in (1, 2, 3):
    assert t[f"ZOA-{cat}"] < t[f"41A00-{cat}"] < t[f"41A03-{cat}"]

# %% [markdown]
# ## De tarieven in een grafiek
#
# Links het tarief per eenheid, rechts per uur. Per uur zijn de producten het best te
# vergelijken: de sessie van GGZ groep duurt anderhalf uur, een dagdeel vier.

# %%
links = plots.catalogus(catalogus)
rechts = links.figure.axes[1]

# %%
assert [p.get_width() for p in links.patches] == catalogus["tarief"].tolist()
assert [p.get_width() for p in rechts.patches] == catalogus["tarief_per_uur"].tolist()

# %% [markdown]
# ## Gepubliceerde tarieven ter vergelijking
#
# `tarieven.gepubliceerde_tarieven()` geeft de tarieven die andere regio's of jaren
# publiceerden (`params/gepubliceerde-tarieven.toml`, elk met bron en status): nooit invoer
# van een berekening, alleen een niveau om naast een berekening te leggen. Een pgb-bedrag
# wordt omgerekend naar natura waar de regio het aandeel noemt (Den Haag 2020: het pgb is
# 75 % van natura), en elk bedrag wordt geïndexeerd naar hetzelfde prijspeil (het laatste
# jaar met een bekende jaarindex). De notebooks per product tekenen zo'n niveau als
# stippellijn; `tarieven.gepubliceerd_tarief(naam).uitleg()` laat de stappen zien.

# %%
gepubliceerd = tarieven.gepubliceerde_tarieven()
gepubliceerd[["label", "jaar", "gepubliceerd", "pgb", "indexfactor", "bedrag", "status"]]

# %%
dh = gepubliceerd.loc[[f"den_haag_2020.pgb.dagbesteding_categorie_{i}" for i in (1, 2, 3)], "bedrag"]
assert dh.is_monotonic_increasing
assert gepubliceerd.attrs["prijsjaar"] == 2025
assert (gepubliceerd["status"] == "indicatief").all()  # every level rests on a secondary source somewhere
assert t["41A22"] > dh.iloc[0]

# %% [markdown]
# ## Waar rust het tarief van dagbesteding licht op?
#
# `onzekere_invoer()` geeft de invoer met status `indicatief` (een waarde die nog niet in
# een primaire bron is gevonden, zoals de gereconstrueerde salaristabel) of `aanname` (een
# keuze van de regio of van dit pakket, met een toelichting). De `oorsprong` noemt het
# parameterbestand en de sleutel; `tarieven uitleg 41A22` toont ook de onderbouwing. In 2027
# is de CAO Jeugdzorg 2024-2025 afgelopen: de salarissen zijn geprojecteerd met de verwachte
# loonontwikkeling (het eindbod van de werkgevers, een aanname) en gemarkeerd als `geprojecteerd`;
# de andere cao-bepalingen en de premies van 2026 lopen ongewijzigd door. Daardoor is in 2027
# elke onzekere invoer een `aanname`, ook de gereconstrueerde salaristabel die in 2025
# `indicatief` is. De kolom `bronstatus` noemt de status van de waarde waaruit is
# geprojecteerd; de onzekerheidsband (notebook 03, sectie 9) rekent daarmee.

# %%
basis = tarieven.bereken("41A22", PEILDATUM)
onzeker = pd.DataFrame(
    [
        {
            "invoer": k,
            "waarde": basis.scenario.waarden[k],
            "status": h.status,
            "vanaf": h.vanaf,
            "geprojecteerd": h.geprojecteerd,
            "bronstatus": h.bronstatus,
            "oorsprong": h.oorsprong,
        }
        for k, h in basis.onzekere_invoer().items()
    ]
).set_index("invoer")
print(basis.waarschuwing())
print(onzeker["status"].value_counts().to_string())
onzeker

# %%
aantallen = onzeker["status"].value_counts()
assert set(aantallen.index) <= {"indicatief", "aanname"}
assert f"{aantallen['aanname']} aannames" in str(basis.waarschuwing())
# in 2027 the CAO 2024-2025 has ended: its values are projected, each an aanname
assert set(aantallen.index) == {"aanname"}
assert onzeker.loc["functies.mbo.maandsalaris", "geprojecteerd"]
assert onzeker.loc["functies.mbo.maandsalaris", "bronstatus"] == "indicatief"
assert onzeker.loc["product.bezettingsgraad", "status"] == "aanname"

# %% [markdown]
# ## Eén aanname vervangen: 90 % bezetting
#
# De bezettingsgraad van 85 % is een aanname. Weet je als gemeente dat de groepen
# gemiddeld voor 90 % bezet zijn, dan bouw je een scenario op het product (`basis`) en geef
# je alleen die waarde op. Een waarde die je zelf in het scenario zet, vervangt de
# meegeleverde: haar oorsprong is dan het scenario, ze heeft geen status meer en staat
# niet langer tussen de aannames. Al het andere blijft zoals meegeleverd.
#
# Drie gelijkwaardige routes: `tarieven.lees_scenario` (of `tarieven.bereken`) met een
# dict met `basis`, of `Scenario.met` op het al berekende scenario.

# %%
eigen = tarieven.lees_scenario({"basis": "41A22", "product": {"bezettingsgraad": 0.9}}, PEILDATUM)
bij_90 = tarieven.bereken(eigen)
print(f"bezetting 85 %: {euro(basis.tarief)} per cliënt per dagdeel")
print(f"bezetting 90 %: {euro(bij_90.tarief)} per cliënt per dagdeel")
print(f"oorsprong van de bezettingsgraad: {eigen.herkomst['product.bezettingsgraad']}")
print(bij_90.waarschuwing())

# %%
# the own value replaces the bundled one, and is no longer an assumption
assert eigen.waarden["product.bezettingsgraad"] == 0.9
assert eigen.herkomst["product.bezettingsgraad"].status is None
assert set(basis.onzekere_invoer()) - set(bij_90.onzekere_invoer()) == {"product.bezettingsgraad"}
# the same scenario by the other routes
als_dict = tarieven.bereken({"basis": "41A22", "peildatum": PEILDATUM.isoformat(), "product": {"bezettingsgraad": 0.9}})
met = tarieven.bereken(basis.scenario.met(**{"product.bezettingsgraad": 0.9}))
assert als_dict.invoer_hash == met.invoer_hash == bij_90.invoer_hash
assert als_dict.tarief == met.tarief == bij_90.tarief
# group costs are shared by more billed clients: staff per client falls by 85/90, material per present client stays
b0 = basis.scenario.waarden["product.bezettingsgraad"]
assert np.isclose(bij_90["opbouw.personeel_direct"], basis["opbouw.personeel_direct"] * b0 / 0.9, rtol=1e-12)
assert bij_90["opbouw.materieel"] == basis["opbouw.materieel"]
assert bij_90.tarief < basis.tarief

# %% [markdown]
# ## Peildatum of tariefjaar
#
# De meegeleverde CAO-tabellen stijgen op 1 maart 2025. Een tarief voor 2025 op één
# peildatum hangt er dus van af welke dag je kiest. Het alternatief is een **tariefjaar**:
# elk getal is dan het gemiddelde van de waarden die in dat kalenderjaar gelden, gewogen
# naar het aantal dagen (januari en februari de oude tabel, maart tot en met december de
# nieuwe). Je kiest óf een peildatum óf een tariefjaar, niet beide.

# %%
op_1_feb = tarieven.bereken("41A22", dt.date(2025, 2, 1))
op_1_mrt = tarieven.bereken("41A22", dt.date(2025, 3, 1))
over_2025 = tarieven.bereken("41A22", tariefjaar=2025)

MBO = "functies.mbo.maandsalaris"
pd.DataFrame(
    {
        "MBO-maandsalaris": [euro(u.scenario.waarden[MBO]) for u in (op_1_feb, op_1_mrt, over_2025)],
        "tarief per dagdeel": [euro(u.tarief) for u in (op_1_feb, op_1_mrt, over_2025)],
    },
    index=["peildatum 1 februari 2025", "peildatum 1 maart 2025", "tariefjaar 2025 (tijdgewogen)"],
)

# %% [markdown]
# De uitleg noemt bij elke tijdgewogen waarde de delen:

# %%
print(over_2025.scenario.herkomst[MBO].oorsprong)

# %%
oud, nieuw = op_1_feb.scenario.waarden[MBO], op_1_mrt.scenario.waarden[MBO]
dagen_oud = (dt.date(2025, 3, 1) - dt.date(2025, 1, 1)).days
dagen_nieuw = (dt.date(2026, 1, 1) - dt.date(2025, 3, 1)).days
assert np.isclose(over_2025.scenario.waarden[MBO], (dagen_oud * oud + dagen_nieuw * nieuw) / (dagen_oud + dagen_nieuw))
assert oud < over_2025.scenario.waarden[MBO] < nieuw
assert op_1_feb.tarief < over_2025.tarief < op_1_mrt.tarief
assert f"tijdgewogen 2025: {dagen_oud} dagen" in over_2025.scenario.herkomst[MBO].oorsprong
assert over_2025.scenario.tariefjaar == 2025
assert over_2025.scenario.peildatum is None

# %% [markdown]
# ## Indexatie: van 2024 naar 2025
#
# Voor een jaar waarvan de CAO-tabellen nog niet bekend zijn, indexeer je een tarief met
# de VNG-methode: 90 % loonindex (OVA) en 10 % prijsindex (PCC) van het nieuwe jaar, plus
# de nacalculatie van het vorige jaar (definitieve min voorlopige cijfers). De cijfers
# zitten in de meegeleverde set (`params/indexatie-vng.toml`). Elk geïndexeerd bedrag is
# *geprojecteerd*: een schatting, geen herberekening op de nieuwe CAO.

# %%
indexaties = vng_indexaties(2024, 2025)
reeks = indexeer_jaren(100.0, 2024, indexaties)
ix = indexaties[0]
pct = procent_opmaak(3)
print(
    f"indexatie 2025: index {pct(ix.index)} + nacalculatie 2024 {pct(ix.nacalculatie)} = {pct(ix.totaal)}, "
    f"gepubliceerd {str(ix.gepubliceerd).replace('.', ',')} %"
)
for stap in reeks:
    print(f"{stap.jaar}: {euro(stap.tarief)}{' (geprojecteerd)' if stap.geprojecteerd else ''}")

# %%
# VNG, Indexatie bij inkoop jeugdhulp en Wmo-ondersteuning 2025: 4,957 %, gepubliceerd als 4,96 %
assert ix.gepubliceerd == Decimal("4.96")
assert str(op_centen(reeks[-1].tarief)) == "104.96"
assert reeks[-1].geprojecteerd
assert not reeks[0].geprojecteerd
# the published (rounded) percentage gives the same cents
assert op_centen(indexeer_jaren(100.0, 2024, indexaties, gepubliceerd=True)[-1].tarief) == op_centen(reeks[-1].tarief)

# %% [markdown]
# ### Naar 2026 kan nog niet
#
# Voor de indexatie 2026 zijn de voorlopige cijfers van 2026 nodig en, voor de
# nacalculatie, de definitieve cijfers van 2025. Die zitten nog niet in de meegeleverde
# set. `tarieven` rekent dan niet met nul, maar zegt precies welke cijfers ontbreken:

# %%
try:
    vng_indexaties(2024, 2026)
except tarieven.InvoerFout as fout:
    melding = fout
    print(fout)
else:
    raise AssertionError("de indexatie 2026 had moeten ontbreken")

# %%
assert {p.sleutel for p in melding.problemen} == {
    "ova.voorlopig.2026",
    "pcc.voorlopig.2026",
    "ova.definitief.2025",
    "pcc.definitief.2025",
}
assert "indexatie-vng.toml" in str(melding)

# %% [markdown]
# Met eigen indexcijfers kan het wel: zet ze in een eigen parameterbestand
# `indexatie-vng.toml` en geef het mee (`tarieven indexeer ... --parameters MAP`, of
# `params=` in Python). Zie de README, "Eigen parameters".
#
# ## Niveaucheck: waar zit het verschil met Den Haag?
#
# Het dichtstbijzijnde gepubliceerde niveau voor Haaglanden zijn de pgb-tarieven
# dagbesteding van Den Haag 2020 (categorie 1 tot en met 3), omgerekend naar natura (pgb is
# 75 %) en geïndexeerd naar een prijsjaar. We vergelijken in 2025, het laatste jaar met een
# gepubliceerde jaarindex, met het meegeleverde tarief over tariefjaar 2025. Dat categorie 1,
# 2 en 3 overeenkomen met licht, middel en zwaar is een aanname. Per product zoeken we welke
# ene aanname het verschil zou sluiten: de bezetting, de groepsgrootte, de verhouding
# kinderen per begeleider, de overhead, of het salarisniveau (de meegeleverde salarissen
# zijn het maximum van de schaal).

# %%
check = analyse.niveaucheck(prijsjaar=2025)
niveaus = check.niveaus[["tarief", "gepubliceerd", "verschil", "verschil_relatief", "status"]]
niveaus.style.format(
    {"tarief": euro, "gepubliceerd": euro, "verschil": euro, "verschil_relatief": lambda x: f"{x:.0%}"}
)

# %%
sluiters = check.sluiters.assign(nodig=check.sluiters["nodig"].astype(object).fillna(""))
sluiters[["product", "invoer", "huidig", "nodig", "melding"]]

# %% [markdown]
# Geen enkele aanname binnen haar toegestane bereik sluit het verschil op zichzelf: zelfs een
# volle groep, geen overhead of de grootste groep blijft boven het Den Haagse niveau. Alleen
# het salarisniveau doet het voor licht en middel, bij ongeveer **drie kwart van de
# meegeleverde salarissen** (de meegeleverde zijn het maximum van de schaal); voor zwaar zou
# dat salarissen onder het wettelijk minimumloon vragen. Het verschil met Den Haag 2020 zit
# dus vooral in het loonpeil en in de personeelsinzet die de productbeschrijvingen vragen,
# niet in één keuze van bezetting of overhead.

# %%
licht = check.sluiters.set_index(["product", "invoer"])
for code in ("41A22", "41A23", "41A24"):
    assert check.niveaus.loc[code, "verschil"] > 0  # the bundled tariff is above Den Haag's level
    for k in ("product.bezettingsgraad", "product.groepsgrootte", "opslagen.overhead"):
        assert pd.isna(licht.loc[(code, k), "nodig"])  # not one assumption closes the gap on its own
salaris = "salarisniveau (alle maandsalarissen × factor)"
assert 0.7 < licht.loc[("41A22", salaris), "nodig"] < 0.75
assert 0.68 < licht.loc[("41A23", salaris), "nodig"] < 0.73
assert pd.isna(licht.loc[("41A24", salaris), "nodig"])
assert "minimumloon" in licht.loc[("41A24", salaris), "melding"]
