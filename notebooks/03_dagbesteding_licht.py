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
# # Dagbesteding licht (41A22)
#
# Voor wie een tarief voor dagbesteding licht moet vaststellen (een gemeente) of onderbouwen
# (een aanbieder). Elke sectie beantwoordt één vraag met een getal en een grafiek. Alles
# wordt gerekend door `tarieven`; dit notebook roept de bibliotheek alleen aan.
#
# **Het product zoals de regio het beschrijft** (Jeugdhulp Haaglanden, *Segment 3 Dagbesteding -
# Dagbehandeling: effectketen en productbeschrijvingen*, contractperiode 2022-2025,
# Dagbesteding lid 13a): zinvolle dagbesteding in een groep van **5 tot 10** jeugdigen,
# begeleid door medewerkers van **minimaal mbo-niveau**, onder verantwoordelijkheid van een
# **hbo-medewerker met SKJ-registratie**; hoogstens 2 dagdelen per dag en 8 per week,
# hoogstens 48 weken per jaar.
#
# **De meegeleverde keuzes** (elk een `aanname` met onderbouwing in `params/producten/41A22.toml`,
# hier op hun centrale lezing; zie sectie 2): een groep van 10, gemiddeld 85 % bezet,
# 1 begeleider op 5 kinderen (dus 2), een mbo'er en een hbo'er op trede 7 van hun schaal,
# voorbereiding en verslag binnen het dagdeel van 4 uur, en een kwartier gedragswetenschapper
# op afstand per dagdeel. Dat zijn precies de invoer die de
# regio noemt in Jeugdhulp Haaglanden, *Ontwikkeltafel 21 augustus 2025*, onderdeel
# "Berekenen reële tarieven": kinderen per groep met bezetting, uren per groep, directe
# begeleiding en haar opleidingsmix, indirecte begeleiding op afstand.
#
# Hieronder twee getallen die u zelf kunt zetten: de peildatum van de parameters, en het
# tarief dat uw gemeente betaalt of overweegt.
#
# **Let op: 2027 rust op geprojecteerde salarissen.** De CAO Jeugdzorg 2024-2025 liep af op
# 31 december 2025 en een nieuwe cao is er nog niet. Op peildatum 2027-01-01 zijn de
# salarissen daarom de laatste cao-tabel (1 maart 2025, `indicatief`) verhoogd met de
# verwachte loonontwikkeling: +3,7 % per 1 januari 2026 en +2,6 % per 1 januari 2027, samen
# +6,4 % (het eindbod van de werkgevers, door de vakbonden afgewezen: een `aanname`). De
# andere cao-bepalingen en de premies van 2026 lopen ongewijzigd door. Elke zo gevonden waarde
# heet *geprojecteerd*; `tarieven uitleg 41A22 --peildatum 2027-01-01` toont ze stuk voor stuk,
# en `docs/methode.md` (*Invoer: waar de getallen vandaan komen*, onder *Looptijd en
# projectie*) beschrijft de regel. Op peildatum 2025-06-01, binnen de looptijd van de cao,
# kost een dagdeel **€ 81,95**; het verschil van bijna € 4 is de verwachte loonontwikkeling.
# Met de salarissen van 2025 zou een dagdeel in 2027 zelfs iets goedkoper zijn (€ 81,28): in
# 2027 valt één feestdag minder op een werkdag, dus een medewerker heeft meer uren om in te
# zetten. Komt er een cao met andere verhogingen, dan verandert elk bedrag hieronder mee.

# %%
# %matplotlib inline
import datetime as dt

import pandas as pd

import tarieven
from tarieven import analyse, plots
from tarieven.weergave import datum, euro, procent

PEILDATUM = "2027-01-01"  # het jaar waarvoor de regio de tarieven opnieuw vaststelt
GESTELD_TARIEF = 80.00  # euro per cliënt per dagdeel: zet hier uw eigen tarief

scenario = tarieven.lees_scenario("41A22", PEILDATUM)
uitkomst = tarieven.bereken(scenario)
den_haag = tarieven.gepubliceerd_tarief("den_haag_2020.pgb.dagbesteding_categorie_1")
tarieven.productoverzicht(PEILDATUM).loc[["41A22"]]

# %%
binnen_cao = tarieven.bereken("41A22", "2025-06-01")
salarissen_2025 = {k: binnen_cao.scenario.waarden[k] for k in scenario.waarden if k.endswith(".maandsalaris")}
zonder_loonontwikkeling = tarieven.bereken(scenario.met(**salarissen_2025))
print(f"2025-06-01: {euro(binnen_cao.tarief)}; {PEILDATUM}: {euro(uitkomst.tarief)}")
print(f"{PEILDATUM} met de salarissen van 2025: {euro(zonder_loonontwikkeling.tarief)}")
projectie = uitkomst.scenario.herkomst["functies.mbo.maandsalaris"]
assert projectie.geprojecteerd
assert (projectie.status, projectie.bronstatus) == ("aanname", "indicatief")
assert abs(projectie.projectiefactor - 1.037 * 1.026) < 1e-12
assert round(binnen_cao.tarief, 2) == 81.95
assert 3.9 < uitkomst.tarief - binnen_cao.tarief < 4  # "bijna € 4"
# the projected salaries: with the salaries of 2025 the tariff of 2027 is a little lower than on 2025-06-01
assert round(zonder_loonontwikkeling.tarief, 2) == 81.28
verlof = [u.scenario.waarden["functies.mbo.verlofuren"] for u in (binnen_cao, uitkomst)]
assert abs(verlof[0] - verlof[1] - 7.2) < 1e-9  # one public holiday (36 / 5 hours) fewer on a working day

# %% [markdown]
# ## 1. Wat kost een dagdeel?
#
# Op de meegeleverde parameters kost een dagdeel dagbesteding licht **€ 85,86 per cliënt**
# (bijna € 21,50 per uur). Twee derde daarvan is het directe personeel: twee begeleiders van
# 4 uur (voorbereiding en verslag vallen binnen het dagdeel) voor gemiddeld 8,5 gedeclareerde
# cliënten. De opslagen voor overhead (20 %) en risico (1,5 %) zijn samen ruim een vijfde.
#
# De stippellijn is het gepubliceerde niveau van Den Haag (zie sectie 3). De tabel daaronder
# is de volledige opbouw: elke regel met haar formule en de invoer met herkomst en status.

# %%
print(f"Tarief per cliënt per dagdeel: {euro(uitkomst.tarief)}, per uur {euro(uitkomst['tarief_per_uur'])}")
ax = plots.waterval(uitkomst, referentie=den_haag)

# %%
uitkomst

# %%
aandeel_direct = uitkomst["opbouw.personeel_direct"] / uitkomst.tarief
opslagen = (uitkomst["opbouw.overhead"] + uitkomst["opbouw.risico"]) / uitkomst.tarief
print(f"direct personeel {procent(aandeel_direct, 1)} van het tarief, opslagen {procent(opslagen, 1)}")
assert round(uitkomst.tarief, 2) == 85.86
assert 21.4 < uitkomst["tarief_per_uur"] < 21.5
assert 0.64 < aandeel_direct < 0.69  # two thirds
assert 0.2 < opslagen < 0.25  # a little over a fifth
w = uitkomst.scenario.waarden
assert w["product.bezettingsgraad"] * 10 == 8.5  # billed clients per dagdeel
assert (w["product.duur_uur"], w["product.extra_uur.mbo"], w["product.extra_uur.hbo"]) == (4, 0, 0)
assert (w["opslagen.overhead"], w["opslagen.risico_opslag"]) == (0.2, 0.015)
assert uitkomst.scenario.invoer["functies.mbo.trede"] == uitkomst.scenario.invoer["functies.hbo.trede"] == "7"

# %% [markdown]
# ## 2. Centraal, en de band eromheen
#
# Elk getal in dit notebook rust op aannames: keuzes van de regio of van dit pakket, zoals de
# bezetting, de salaristrede of de overhead. Elke aanname heeft drie lezingen, elk met een
# reden en waar die er is een bron (`tarieven uitleg 41A22` toont ze, `docs/methode.md`
# onderbouwt ze per aanname):
#
# - **centraal**, de standaard en de basis van elk ander getal hier: elke aanname op de
#   lezing die in de openbare praktijk het midden houdt, zoals trede 7 (het gemiddelde
#   salaris van een team), 85 % bezetting, de voorbereiding binnen het dagdeel, 20 %
#   overhead en 1,5 % risico-opslag;
# - **laag**: alle aannames tegelijk op hun laagste lezing die nog te verdedigen is, zoals
#   de middelste trede, 90 % bezetting, een dagdeel van 3,5 uur, 15 % overhead en geen
#   risico-opslag;
# - **hoog**: alle aannames tegelijk op hun hoogste, zoals de hoogste trede, 80 % bezetting,
#   een half uur voorbereiding bovenop het dagdeel, 25 % overhead en 3 % risico-opslag.
#
# Laag en hoog samen zijn **de band**: een omhullende van wat met verdedigbare keuzes uit te
# rekenen is, **geen betrouwbaarheidsinterval**. Dat alle aannames tegelijk dezelfde kant op
# vallen, is juist onwaarschijnlijk; de band zegt dus niet hoe waarschijnlijk een tarief is
# (daarvoor is sectie 10), wel welk tarief met openbaar onderbouwde keuzes nog te verdedigen
# is. `tarieven.bereken("41A22", peildatum, aannames="laag")` rekent één rand uit,
# `tarieven.productoverzicht(peildatum)` geeft ze naast het centrale tarief.
#
# Voor 2027 loopt de band van **€ 52,62 tot € 141,88** rond het centrale tarief van € 85,86;
# op 2025-06-01 van **€ 50,23 tot € 134,71** rond € 81,95. De band is scheef: hoog ligt
# verder boven centraal (ruim € 56) dan laag eronder (ruim € 33), want hogere lezingen
# versterken elkaar (meer uren tegen een hoger uurloon, over minder cliënten verdeeld). Het
# Den Haagse niveau (€ 72,13, sectie 3) ligt binnen de band, onder het centrale tarief; het
# gestelde tarief ook.

# %%
lezingen = {a: tarieven.lees_scenario("41A22", PEILDATUM, aannames=a) for a in ("laag", "centraal", "hoog")}
toon = {
    "functies.hbo.trede": "salaristrede (hbo)",
    "functies.hbo.maandsalaris": "maandsalaris hbo",
    "product.bezettingsgraad": "bezettingsgraad",
    "product.duur_uur": "uren per dagdeel",
    "product.extra_uur.hbo": "voorbereiding per begeleider bovenop het dagdeel (uur)",
    "product.ratio.kinderen_per_medewerker": "kinderen per begeleider",
    "opslagen.overhead": "overhead",
    "opslagen.risico_opslag": "risico-opslag",
}
pd.DataFrame(
    {a: [s.waarden.get(k, s.invoer.get(k)) for k in toon] for a, s in lezingen.items()}, index=list(toon.values())
)

# %%
band = pd.DataFrame(
    {
        f"41A22, {datum(dt.date.fromisoformat(d))}": tarieven.productoverzicht(d).loc["41A22"]
        for d in ("2025-06-01", PEILDATUM)
    }
).T
ax = plots.tariefband(band, referentie=[den_haag, (GESTELD_TARIEF, "gesteld tarief")])
band[["tarief_laag", "tarief", "tarief_hoog"]].map(euro)

# %%
laag, centraal, hoog = (tarieven.bereken(s).tarief for s in lezingen.values())
assert centraal == uitkomst.tarief == band.iloc[1]["tarief"]
assert (laag, hoog) == (band.iloc[1]["tarief_laag"], band.iloc[1]["tarief_hoog"])
assert [round(x, 2) for x in (laag, hoog)] == [52.62, 141.88]
assert [round(band.iloc[0][k], 2) for k in ("tarief_laag", "tarief", "tarief_hoog")] == [50.23, 81.95, 134.71]
assert 56 < hoog - centraal < 56.5  # "ruim € 56"
assert 33 < centraal - laag < 33.5  # "ruim € 33"
assert laag < den_haag.bedrag < centraal
assert round(den_haag.bedrag, 2) == 72.13
assert laag < GESTELD_TARIEF < centraal
# the readings quoted above
w = {a: s.waarden for a, s in lezingen.items()}
assert [lezingen[a].invoer["functies.hbo.trede"] for a in lezingen] == ["midden", "7", "max"]
assert [w[a]["product.bezettingsgraad"] for a in w] == [0.9, 0.85, 0.8]
assert [w[a]["product.duur_uur"] for a in w] == [3.5, 4, 4]
assert [w[a]["product.extra_uur.hbo"] for a in w] == [0, 0, 0.5]
assert [w[a]["opslagen.overhead"] for a in w] == [0.15, 0.2, 0.25]
assert [w[a]["opslagen.risico_opslag"] for a in w] == [0, 0.015, 0.03]
assert all(lezingen[a].herkomst["product.bezettingsgraad"].lezing == a for a in lezingen)

# %% [markdown]
# ## 3. Hoe verhoudt dat zich tot een gepubliceerd tarief?
#
# Het dichtstbijzijnde gepubliceerde niveau voor Haaglanden is dat van Den Haag uit 2020
# (Gemeente Den Haag, pgb-tarieven jeugdhulp 2020, CVDR637937): dagbesteding per dagdeel,
# categorie 1. Het pgb-tarief is 75 % van het tarief in natura; met de jaarlijkse indexatie
# volgens de VNG-methode (VNG, *Indexatie bij inkoop jeugdhulp en Wmo-ondersteuning* 2024
# en 2025; de jaren 2021 tot en met 2023 uit secundaire bronnen) komt het op **ongeveer
# € 72 per dagdeel**, prijspeil 2025: het laatste jaar waarvan de index bekend is, en ook
# het jaar van de laatste CAO-tabel in de berekening.
#
# De centrale berekening voor 2027 ligt daar **ongeveer 19 %** boven. Een deel daarvan is
# alleen het prijspeil: de berekening rekent met de geprojecteerde lonen van 2027, Den Haag
# met prijspeil 2025. Op gelijk prijspeil (peildatum 2025-06-01, € 81,95) is het verschil
# **ongeveer 14 %**, en Den Haag ligt binnen de band (sectie 2). Een deel van het verschil zit
# in de salarissen: centraal is trede 7 van elke schaal; met de middelste trede (de lage
# lezing) daalt het tarief van 2027 naar € 81,10, met de hoogste (de hoge lezing) stijgt het
# naar € 93,01. Welke groepen aannames samen het verschil tussen centraal en laag maken, en
# waar het Den Haagse niveau daartussen ligt, laat de niveaucheck in notebook 02 zien. Let
# ook op: de indeling van Den Haag in 2020 (categorie 1 tot en met 3) is niet dezelfde als
# licht, middel en zwaar.

# %%
print(den_haag.uitleg())

# %%
verschil = uitkomst.tarief / den_haag.bedrag - 1
middelste_trede, hoogste_trede = (
    tarieven.bereken(
        {"basis": "41A22", "peildatum": PEILDATUM, "functies": {f: {"trede": t} for f in ("mbo", "hbo", "wo")}}
    )
    for t in ("midden", "max")
)
verschil_2025 = binnen_cao.tarief / den_haag.bedrag - 1
print(f"de berekening ligt {procent(verschil, 0)} boven het geïndexeerde niveau van Den Haag")
print(f"op gelijk prijspeil (2025-06-01): {procent(verschil_2025, 0)}")
print(
    f"met de middelste trede van elke schaal: {euro(middelste_trede.tarief)}, de hoogste: {euro(hoogste_trede.tarief)}"
)
assert 71.5 < den_haag.bedrag < 72.5
assert den_haag.status == "indicatief"
assert round(100 * verschil) == 19
assert round(100 * verschil_2025) == 14
assert [round(t.tarief, 2) for t in (middelste_trede, hoogste_trede)] == [81.10, 93.01]
assert den_haag.bedrag < middelste_trede.tarief < uitkomst.tarief < hoogste_trede.tarief
assert band.iloc[0]["tarief_laag"] < den_haag.bedrag < band.iloc[0]["tarief_hoog"]  # inside the band at 2025-06-01

# %% [markdown]
# ## 4. Wat drijft het tarief?
#
# Elke invoer die een regio of aanbieder kiest, 10 % lager en hoger; de rest blijft gelijk.
# Vaste gegevens uit de CAO (de werkweek van 36 uur, verlof, vakantietoeslag) en wettelijke
# premies kiest niemand: die staan er niet in. Bovenaan staan de **personeelsnorm** en de
# **groepsgrootte**: bij 1 op 4,5 of bij 11 kinderen is een derde begeleider nodig. Daarna
# de **bezettingsgraad** en de lengte van het dagdeel; salarissen en productiviteit volgen.

# %%
gevoelig = analyse.gevoeligheid(scenario)
ax = plots.tornado(gevoelig)

# %%
boven = list(gevoelig.index[:3])
print(boven)
assert set(boven[:2]) == {"product.ratio.kinderen_per_medewerker", "product.groepsgrootte"}
assert boven[2] == "product.bezettingsgraad"
assert gevoelig.index[3] == "product.duur_uur"  # then the length of a dagdeel; salaries and productivity follow
assert set(gevoelig.index[4:8]) == {
    f"functies.{f}.{k}" for f in ("mbo", "hbo") for k in ("maandsalaris", "productiviteit")
}
assert not any(scenario.veld(k).vast for k in gevoelig.index)  # no CAO facts in the tornado

# %% [markdown]
# ## 5. Groepsgrootte en bezetting
#
# De regio staat groepen van 5 tot 10 toe. Bij 1 begeleider op 5 is een groep van 10 (twee
# begeleiders) bij elke bezetting het zuinigst en een groep van 6 het duurst: twee
# begeleiders voor zes plaatsen. Een groep van 5 met één begeleider kost iets meer dan een
# groep van 9 met twee (€ 1 tot € 2 per dagdeel). Omlijnd zijn de combinaties die binnen het
# gestelde tarief blijven; bij € 80 is dat **alleen een groep van 10 die voor minstens 95 %
# bezet is**. Op peildatum 2025-06-01, met de salarissen van 2025, was ook een groep van 10 die
# voor 90 % bezet is nog binnen € 80 gebleven (zie sectie 9).

# %%
rooster = analyse.rooster(
    scenario,
    {
        "product.groepsgrootte": range(5, 11),
        "product.bezettingsgraad": [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0],
    },
)
ax = plots.heatmap(
    rooster, "product.groepsgrootte", "product.bezettingsgraad", referentie=(GESTELD_TARIEF, "gesteld tarief")
)

# %%
binnen = rooster[rooster["tarief_per_client"] <= GESTELD_TARIEF]
print(binnen[["product.groepsgrootte", "product.bezettingsgraad", "tarief_per_client"]].to_string(index=False))
per_grootte = rooster.groupby("product.bezettingsgraad")
assert (per_grootte["tarief_per_client"].idxmax().map(rooster["product.groepsgrootte"]) == 6).all()
assert (per_grootte["tarief_per_client"].idxmin().map(rooster["product.groepsgrootte"]) == 10).all()
tabel = rooster.pivot(index="product.bezettingsgraad", columns="product.groepsgrootte", values="tarief_per_client")
assert (tabel[5] - tabel[9]).between(1, 2).all()
assert set(binnen["product.groepsgrootte"]) == {10}
assert binnen["product.bezettingsgraad"].tolist() == [0.95, 1.0]
tien_2025 = analyse.rooster(binnen_cao.scenario, {"product.bezettingsgraad": [0.85, 0.9]})["tarief_per_client"]
assert tien_2025.iloc[1] <= GESTELD_TARIEF < tien_2025.iloc[0]

# %% [markdown]
# ## 6. Wat doet personeelstekort?
#
# Aanbieders noemen de krapte op de arbeidsmarkt als reden om groepen kleiner te maken
# (Jeugdhulp Haaglanden, *Samenvatting deeltafel marktconsultatie segment
# Dagbehandeling/Dagbesteding*, 19 juni 2025). Twee manieren om naar een kleinere groep te
# kijken:
#
# - **vast personeel**: de twee begeleiders blijven, er komen minder kinderen. Elke plaats
#   minder maakt de plaats duurder: bij 8 kinderen ongeveer een kwart, bij 5 bijna het
#   dubbele.
# - **vaste ratio**: de groep volgt het personeel, 1 begeleider op hoogstens 5 kinderen. Met
#   één begeleider minder blijft een groep van 5 over, en die is dan goedkoper per kind dan
#   een groep van 6 tot 8 met twee begeleiders, en iets duurder dan een groep van 9 (ruim € 1).

# %%
tekort = analyse.personeelstekort(scenario, range(5, 11))
ax = plots.lijn(tekort, "groepsgrootte", ["vast_personeel", "vaste_ratio"], referentie=den_haag)
tekort

# %%
t = tekort.set_index("groepsgrootte")
assert 1.2 < t.loc[8, "vast_personeel"] / t.loc[10, "vast_personeel"] < 1.3
assert 1.9 < t.loc[5, "vast_personeel"] / t.loc[10, "vast_personeel"] < 2.0
assert t.loc[5, "medewerkers_ratio"] == 1
assert t.loc[5, "vaste_ratio"] < t.loc[[6, 7, 8], "vaste_ratio"].min()
assert 1 < t.loc[5, "vaste_ratio"] - t.loc[9, "vaste_ratio"] < 1.5
assert t.loc[10, "vaste_ratio"] == t.loc[10, "vast_personeel"]

# %% [markdown]
# ## 7. De opleidingsmix: mbo, hbo, wo
#
# De productbeschrijving vraagt minimaal mbo onder verantwoordelijkheid van een hbo'er. Met
# twee begeleiders zijn er drie redelijke bezettingen: een mbo'er en een hbo'er (de
# standaard), twee hbo'ers, of een hbo'er en een wo'er. Het verschil zit alleen in de
# kosten per uur van het directe personeel: **twee hbo'ers kosten bijna € 3 per dagdeel meer,
# een wo'er in de groep ruim € 12,50**. Ook de wo'er bereidt voor binnen het dagdeel.

# %%
mbo, hbo, wo = "product.ratio.mix.mbo", "product.ratio.mix.hbo", "product.ratio.mix.wo"
mix = analyse.productvergelijking(
    {
        "mbo + hbo": scenario,
        "2 hbo": scenario.met(**{mbo: 0.0, hbo: 1.0}),
        "hbo + wo": scenario.met(**{mbo: 0.0, hbo: 0.5, wo: 0.5, "product.extra_uur.wo": 0.0}),
    },
    basis="mbo + hbo",
)
ax = plots.opbouw_vergelijking(mix)
mix.loc[["uurkosten_direct", "opbouw.personeel_direct", "tarief_per_client"]]

# %%
tarief_mix = mix.loc["tarief_per_client"]
print({k: euro(tarief_mix[k] - tarief_mix["mbo + hbo"]) for k in ("2 hbo", "hbo + wo")})
assert tarief_mix["mbo + hbo"] < tarief_mix["2 hbo"] < tarief_mix["hbo + wo"]
assert 2.9 < tarief_mix["2 hbo"] - tarief_mix["mbo + hbo"] < 3
assert 12.5 < tarief_mix["hbo + wo"] - tarief_mix["mbo + hbo"] < 12.75
# only the hourly cost of direct staff differs: hours and clients are the same
assert (mix.loc["uren_direct", ["mbo + hbo", "2 hbo", "hbo + wo"]] == 8).all()

# %% [markdown]
# ## 8. De gedragswetenschapper op afstand
#
# Hoeveel ondersteuning van een gedragswetenschapper (wo) krijgt een groep? De regio noemt
# het als voorbeeld van indirecte begeleiding. De meegeleverde keuze is een kwartier per
# dagdeel: **2,5 uur per groep per week** bij 10 dagdelen per week. Elk uur per week erbij
# kost ongeveer € 1,15 per cliënt per dagdeel; een halve dag per week (4 uur) in plaats van
# 2,5 uur maakt het tarief ongeveer € 1,75 hoger.

# %%
gw = analyse.indirect_per_week(scenario, "wo", [0, 1, 2, 2.5, 3, 4, 5, 6, 8])
ax = plots.lijn(
    gw,
    "uren_per_week",
    referentie=(GESTELD_TARIEF, "gesteld tarief"),
    punten=[(gw.attrs["basis_per_week"], uitkomst.tarief, "meegeleverd: 2,5 uur")],
)
gw

# %%
g = gw.set_index("uren_per_week")["tarief_per_client"]
per_uur = (g.loc[8] - g.loc[0]) / 8
halve_dag = g.loc[4] - g.loc[2.5]
print(f"elk uur per week: {euro(per_uur)}; 4 uur in plaats van 2,5: {euro(halve_dag)} per cliënt per dagdeel")
assert gw.attrs["basis_per_week"] == 2.5
assert g.loc[2.5] == uitkomst.tarief
assert 1.125 < per_uur < 1.175
assert 1.7 < halve_dag < 1.8

# %% [markdown]
# ## 9. Bij welke bezetting is een gesteld tarief kostendekkend?
#
# Het meegeleverde tarief is kostendekkend bij de meegeleverde bezetting van 85 %: zo is het
# berekend. De vraag van een gemeente is andersom: bij het tarief dat wij betalen, welke
# bezetting heeft een aanbieder nodig? Bij **€ 80 per dagdeel is dat ruim 91,5 %**: van de 100
# plaatsen per week (10 plaatsen, 10 dagdelen) mogen er gemiddeld ruim 8 leeg blijven. Met de
# salarissen van 2025 (peildatum 2025-06-01) was dat nog ruim 87 %: **de verwachte
# loonontwikkeling vraagt bij € 80 ruim vier procentpunten meer bezetting**. Het geïndexeerde
# niveau van Den Haag is op de centrale aannames van 2027 **bij geen enkele bezetting
# kostendekkend**: ook een volle groep kost € 1,52 per dagdeel meer. Met de salarissen van
# 2025 kon het nog, bij ruim 97 % bezetting.

# %%
break_even = analyse.break_even_bezetting(
    scenario, {"gesteld tarief": GESTELD_TARIEF, "Den Haag 2020, geïndexeerd": den_haag.bedrag}
)
per_bezetting = analyse.rooster(
    scenario, {"product.bezettingsgraad": [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0]}
)
b_gesteld = break_even.loc["gesteld tarief", "bezettingsgraad"]
ax = plots.lijn(
    per_bezetting,
    "product.bezettingsgraad",
    referentie=[(GESTELD_TARIEF, "gesteld tarief"), den_haag],
    punten=[(b_gesteld, GESTELD_TARIEF, f"kostendekkend bij {procent(b_gesteld, 1)}")],
)
break_even

# %%
b_2025 = analyse.break_even_bezetting(
    binnen_cao.scenario, {"gesteld tarief": GESTELD_TARIEF, "Den Haag": den_haag.bedrag}
)["bezettingsgraad"]
assert 0.915 < b_gesteld < 0.92
assert 8 < (1 - b_gesteld) * 100 < 8.5  # empty places per 100 a week
assert 0.87 < b_2025["gesteld tarief"] < 0.875
assert 0.04 < b_gesteld - b_2025["gesteld tarief"] < 0.045
assert not break_even.loc["Den Haag 2020, geïndexeerd", "haalbaar"]
assert round(break_even.loc["Den Haag 2020, geïndexeerd", "tekort_vol"], 2) == 1.52
assert 0.97 < b_2025["Den Haag"] < 0.975

# %% [markdown]
# ## 10. Hoe zeker is het tarief?
#
# Veel invoer is nog niet zeker: de salaristabel is gereconstrueerd (`indicatief`) en veel
# normen zijn keuzes (`aanname`). Hieronder valt elke zulke invoer tegelijk uit, elk los van
# de andere, volgens een vastgelegde regel:
#
# - een aanname met lezingen ligt **tussen haar lage en haar hoge lezing**, met haar centrale
#   waarde als meest waarschijnlijke (een driehoeksverdeling). Een salaris van 2027 loopt zo
#   van de middelste trede tot de hoogste, met de verwachte loonontwikkeling erin: voor de
#   mbo'er van € 3.600,90 tot € 4.566,71 per maand rond € 4.007,96;
# - een onzekere waarde zonder lezingen ±10 % rond de waarde bij `indicatief`, ±20 % bij
#   `aanname`, binnen het gebruikelijke bereik van het veld; een cao-bepaling die ongewijzigd
#   is doorgetrokken houdt de marge van haar bron (de eindejaarsuitkering ±10 %; de
#   `definitieve` werkweek van 36 uur blijft vast);
# - een norm die voor meer functies geldt (verzuim) valt als één getal uit;
# - de groep zelf (grootte, personeelsnorm, mix, duur) blijft vast: die legt de
#   productbeschrijving vast en is hierboven apart bekeken.
#
# De kolom `grens` noemt per invoer de regel.
#
# **90 % van de uitkomsten ligt tussen ongeveer € 83 en € 99** per dagdeel. De mediaan (ruim
# € 90,50) ligt boven het centrale tarief, want veel hoge lezingen liggen verder van centraal
# dan de lage: trede 10 tegenover trede 5 rond trede 7, een half uur voorbereiding tegenover
# geen. Ook de gunstigste 5 % blijft boven het niveau van Den Haag en boven het gestelde
# tarief van € 80: in ruim 99 % van de uitkomsten kost een dagdeel meer dan € 80.
#
# Dit bereik is veel smaller dan de band van sectie 2 (€ 52,62 tot € 141,88), en dat hoort zo:
# hier valt elke onzekere invoer los van de andere uit, zodat hogere en lagere uitkomsten
# elkaar grotendeels opheffen, en de groep zelf blijft vast. De band zet alle aannames
# tegelijk aan dezelfde kant, inclusief de groep: de grens van wat te verdedigen is, niet
# een kans.

# %%
banden = analyse.onzekerheidsbanden(scenario)
onzeker = analyse.onzekerheid(scenario, 20_000, seed=2027)
ax = plots.histogram(onzeker, referentie=[den_haag, (GESTELD_TARIEF, "gesteld tarief")])
banden[["label", "status", "basis", "laag", "hoog", "grens", "gekoppeld_aan"]]

# %%
p5, p50, p95 = (onzeker.percentiel(p) for p in (5, 50, 95))
print(f"P5 {euro(p5)}, P50 {euro(p50)}, P95 {euro(p95)}")
duurder_dan_gesteld = (onzeker.trekkingen["tarief_per_client"] > GESTELD_TARIEF).mean()
print(f"duurder dan het gestelde tarief: {procent(duurder_dan_gesteld, 1)} van de uitkomsten")
assert 82.75 < p5 < 83.5
assert 98.75 < p95 < 99.5
assert 90.5 < p50 < 91
assert uitkomst.tarief < p50
assert den_haag.bedrag < GESTELD_TARIEF < p5
assert duurder_dan_gesteld > 0.99
assert laag < p5
assert p95 < hoog  # narrower than the band
# a salary of 2027 between its own readings: from the middle step to the top, projected
salaris = banden.loc["functies.mbo.maandsalaris"]
mbo = [s.waarden["functies.mbo.maandsalaris"] for s in lezingen.values()]
assert (salaris["laag"], salaris["basis"], salaris["hoog"]) == tuple(mbo)
assert [round(x, 2) for x in mbo] == [3600.90, 4007.96, 4566.71]
assert salaris["grens"].startswith("lezingen")
assert salaris["hoog"] - salaris["basis"] > salaris["basis"] - salaris["laag"]  # the top step lies further away
extra = banden.loc["product.extra_uur.mbo"]
assert extra["laag"] == extra["basis"] == 0 < extra["hoog"]
eindejaars = banden.loc["functies.mbo.eindejaarsuitkering"]
assert abs(eindejaars["hoog"] / eindejaars["basis"] - 1.1) < 1e-9  # carried forward: the margin of its source
assert "functies.mbo.uren_per_week" not in banden.index  # definitief in the CAO, carried forward: fixed
assert not banden.index.isin(["product.groepsgrootte", "product.ratio.kinderen_per_medewerker"]).any()

# %% [markdown]
# ## 11. Capaciteitsbekostiging naast P × Q
#
# De regio weegt naast bekostiging per gedeclareerd dagdeel (P × Q, inspanningsgericht) ook
# capaciteitsbekostiging: een bedrag per plaats per jaar, ook als de plaats leeg blijft
# (Jeugdhulp Haaglanden, *Ontwikkeltafel 21 augustus 2025*). De capaciteitsprijs is het
# tarief bij volle bezetting maal 480 dagdelen: **ongeveer € 35.350 per plaats per jaar**. P × Q
# betaalt evenveel bij een werkelijke bezetting van **ongeveer 86 %**; daarboven verdient de
# aanbieder aan P × Q, daaronder draagt hij het risico van lege plaatsen.

# %%
bk = analyse.bekostiging(scenario)
print(bk)
ax = plots.bekostiging(bk)

# %%
assert 35_300 < bk.capaciteit_per_plaats_jaar < 35_400
assert 0.855 < bk.gelijke_bezetting < 0.865
assert bk.capaciteit_per_plaats_jaar == bk.tarief_vol * 480

# %% [markdown]
# ## Samengevat
#
# - Een dagdeel dagbesteding licht kost in 2027 centraal € 85,86 per cliënt, op geprojecteerde
#   salarissen (op 2025-06-01: € 81,95). De band, alle aannames tegelijk op hun lage of op hun
#   hoge lezing, loopt van € 52,62 tot € 141,88: een omhullende, geen betrouwbaarheidsinterval.
# - Het geïndexeerde Den Haagse niveau van ongeveer € 72 (prijspeil 2025) ligt binnen de band;
#   het centrale tarief van 2027 ligt er ongeveer 19 % boven, op gelijk prijspeil 14 %.
# - Personeelsnorm, groepsgrootte en bezetting bepalen het meest; een groep van 6 is de
#   duurste, 10 de zuinigste, 5 iets duurder dan 9. Bij € 80 is een bezetting van ruim 91,5 %
#   nodig (in 2025 ruim 87 %).
# - 90 % van de uitkomsten van de onzekerheidsanalyse ligt tussen ongeveer € 83 en € 99;
#   capaciteitsbekostiging kost ongeveer € 35.350 per plaats per jaar en is gelijk aan P × Q bij
#   86 % bezetting.
