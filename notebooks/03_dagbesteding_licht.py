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
# **De meegeleverde keuzes** (elk een `aanname` met onderbouwing in `params/producten/41A22.toml`):
# een groep van 10, gemiddeld 85 % bezet, 1 begeleider op 5 kinderen (dus 2), een mbo'er en
# een hbo'er, een half uur voorbereiding en verslag per begeleider per dagdeel, en een
# kwartier gedragswetenschapper op afstand per dagdeel. Dat zijn precies de invoer die de
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
# kost een dagdeel **€ 96,10**; het verschil van ruim € 5 is vrijwel helemaal de verwachte
# loonontwikkeling. Komt er een cao met andere verhogingen, dan verandert elk bedrag hieronder
# mee.

# %%
# %matplotlib inline
import tarieven
from tarieven import analyse, plots
from tarieven.weergave import euro, procent

PEILDATUM = "2027-01-01"  # het jaar waarvoor de regio de tarieven opnieuw vaststelt
GESTELD_TARIEF = 90.00  # euro per cliënt per dagdeel: zet hier uw eigen tarief

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
assert round(binnen_cao.tarief, 2) == 96.10
assert 5 < uitkomst.tarief - binnen_cao.tarief < 5.5  # "ruim € 5"
# nearly all of it is the projected salaries: with the salaries of 2025 the tariff is within € 0,50 of 2025-06-01
assert abs(zonder_loonontwikkeling.tarief - binnen_cao.tarief) < 0.5

# %% [markdown]
# ## 1. Wat kost een dagdeel?
#
# Op de meegeleverde parameters kost een dagdeel dagbesteding licht **ruim € 101 per cliënt**
# (ruim € 25 per uur). Twee derde daarvan is het directe personeel: twee begeleiders van
# 4,5 uur (4 uur groep plus een half uur extra) voor gemiddeld 8,5 gedeclareerde cliënten. De
# opslagen voor overhead en risico zijn samen ruim een vijfde.
#
# De stippellijn is het gepubliceerde niveau van Den Haag (zie sectie 2). De tabel daaronder
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
assert 101 < uitkomst.tarief < 101.5
assert 25 < uitkomst["tarief_per_uur"] < 25.5
assert 0.64 < aandeel_direct < 0.69  # two thirds
assert 0.2 < opslagen < 0.25  # a little over a fifth
assert uitkomst.scenario.waarden["product.bezettingsgraad"] * 10 == 8.5  # billed clients per dagdeel

# %% [markdown]
# ## 2. Hoe verhoudt dat zich tot een gepubliceerd tarief?
#
# Het dichtstbijzijnde gepubliceerde niveau voor Haaglanden is dat van Den Haag uit 2020
# (Gemeente Den Haag, pgb-tarieven jeugdhulp 2020, CVDR637937): dagbesteding per dagdeel,
# categorie 1. Het pgb-tarief is 75 % van het tarief in natura; met de jaarlijkse indexatie
# volgens de VNG-methode (VNG, *Indexatie bij inkoop jeugdhulp en Wmo-ondersteuning* 2024
# en 2025; de jaren 2021 tot en met 2023 uit secundaire bronnen) komt het op **ongeveer
# € 72 per dagdeel**, prijspeil 2025: het laatste jaar waarvan de index bekend is, en ook
# het jaar van de laatste CAO-tabel in de berekening.
#
# De meegeleverde berekening voor 2027 ligt daar **ongeveer 40 %** boven. Een deel daarvan is
# alleen het prijspeil: de berekening rekent met de geprojecteerde lonen van 2027, Den Haag
# met prijspeil 2025. Op gelijk prijspeil (peildatum 2025-06-01, € 96,10) is het verschil
# ongeveer een derde. Een ander deel zit in de salarissen: meegeleverd is het maximum van
# elke schaal; met de middelste trede daalt het tarief van 2027 naar ongeveer € 88. De rest:
# twee begeleiders per groep met extra tijd, en 20 % overhead op de integrale kostprijs. Let
# ook op: de indeling van Den Haag in 2020 (categorie 1 tot en met 3) is niet dezelfde als
# licht, middel en zwaar.

# %%
print(den_haag.uitleg())

# %%
verschil = uitkomst.tarief / den_haag.bedrag - 1
middelste_trede = tarieven.bereken(
    {"basis": "41A22", "peildatum": PEILDATUM, "functies": {f: {"trede": "midden"} for f in ("mbo", "hbo", "wo")}}
)
verschil_2025 = binnen_cao.tarief / den_haag.bedrag - 1
print(f"de berekening ligt {procent(verschil, 0)} boven het geïndexeerde niveau van Den Haag")
print(f"op gelijk prijspeil (2025-06-01): {procent(verschil_2025, 0)}")
print(f"met de middelste trede van elke schaal: {euro(middelste_trede.tarief)}")
assert 71.5 < den_haag.bedrag < 72.5
assert den_haag.status == "indicatief"
assert 0.38 < verschil < 0.42
assert 0.3 < verschil_2025 < 0.36  # about a third
assert 87.5 < middelste_trede.tarief < 88.5
assert den_haag.bedrag < middelste_trede.tarief < uitkomst.tarief

# %% [markdown]
# ## 3. Wat drijft het tarief?
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
# ## 4. Groepsgrootte en bezetting
#
# De regio staat groepen van 5 tot 10 toe. Bij 1 begeleider op 5 is een groep van 10 (twee
# begeleiders) bij elke bezetting het zuinigst en een groep van 6 het duurst: twee
# begeleiders voor zes plaatsen. Een groep van 5 met één begeleider kost ongeveer evenveel
# als een groep van 9 met twee. Omlijnd zijn de combinaties die binnen het gestelde tarief
# blijven; bij € 90 is dat **alleen een volle groep van 10**. Op peildatum 2025-06-01, met de
# salarissen van 2025, was ook een groep van 10 die voor 95 % bezet is nog binnen € 90 gebleven
# (zie sectie 8).

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
assert ((tabel[5] - tabel[9]).abs() < 1).all()
assert set(binnen["product.groepsgrootte"]) == {10}
assert binnen["product.bezettingsgraad"].tolist() == [1.0]
tien_2025 = analyse.rooster(binnen_cao.scenario, {"product.bezettingsgraad": [0.9, 0.95]})["tarief_per_client"]
assert tien_2025.iloc[1] <= GESTELD_TARIEF < tien_2025.iloc[0]

# %% [markdown]
# ## 5. Wat doet personeelstekort?
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
#   een groep van 6 tot 8 met twee begeleiders, en ongeveer even duur als een groep van 9.

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
assert abs(t.loc[5, "vaste_ratio"] - t.loc[9, "vaste_ratio"]) < 1
assert t.loc[10, "vaste_ratio"] == t.loc[10, "vast_personeel"]

# %% [markdown]
# ## 6. De opleidingsmix: mbo, hbo, wo
#
# De productbeschrijving vraagt minimaal mbo onder verantwoordelijkheid van een hbo'er. Met
# twee begeleiders zijn er drie redelijke bezettingen: een mbo'er en een hbo'er (de
# standaard), twee hbo'ers, of een hbo'er en een wo'er. Het verschil zit alleen in de
# kosten per uur van het directe personeel: **twee hbo'ers kosten ruim € 3,50 per dagdeel meer,
# een wo'er in de groep ruim € 15**.

# %%
mbo, hbo, wo = "product.ratio.mix.mbo", "product.ratio.mix.hbo", "product.ratio.mix.wo"
mix = analyse.productvergelijking(
    {
        "mbo + hbo": scenario,
        "2 hbo": scenario.met(**{mbo: 0.0, hbo: 1.0}),
        "hbo + wo": scenario.met(**{mbo: 0.0, hbo: 0.5, wo: 0.5, "product.extra_uur.wo": 0.5}),
    },
    basis="mbo + hbo",
)
ax = plots.opbouw_vergelijking(mix)
mix.loc[["uurkosten_direct", "opbouw.personeel_direct", "tarief_per_client"]]

# %%
tarief_mix = mix.loc["tarief_per_client"]
print({k: euro(tarief_mix[k] - tarief_mix["mbo + hbo"]) for k in ("2 hbo", "hbo + wo")})
assert tarief_mix["mbo + hbo"] < tarief_mix["2 hbo"] < tarief_mix["hbo + wo"]
assert 3.5 < tarief_mix["2 hbo"] - tarief_mix["mbo + hbo"] < 3.75
assert 15 < tarief_mix["hbo + wo"] - tarief_mix["mbo + hbo"] < 15.5
# only the hourly cost of direct staff differs: hours and clients are the same
assert (mix.loc["uren_direct", ["mbo + hbo", "2 hbo", "hbo + wo"]] == 9).all()

# %% [markdown]
# ## 7. De gedragswetenschapper op afstand
#
# Hoeveel ondersteuning van een gedragswetenschapper (wo) krijgt een groep? De regio noemt
# het als voorbeeld van indirecte begeleiding. De meegeleverde keuze is een kwartier per
# dagdeel: **2,5 uur per groep per week** bij 10 dagdelen per week. Elk uur per week erbij
# kost ongeveer € 1,25 per cliënt per dagdeel; een halve dag per week (4 uur) in plaats van
# 2,5 uur maakt het tarief bijna € 2 hoger.

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
assert 1.2 < per_uur < 1.3
assert 1.8 < halve_dag < 2.0

# %% [markdown]
# ## 8. Bij welke bezetting is een gesteld tarief kostendekkend?
#
# Het meegeleverde tarief is kostendekkend bij de meegeleverde bezetting van 85 %: zo is het
# berekend. De vraag van een gemeente is andersom: bij het tarief dat wij betalen, welke
# bezetting heeft een aanbieder nodig? Bij **€ 90 per dagdeel is dat ruim 96 %**: van de 100
# plaatsen per week (10 plaatsen, 10 dagdelen) mogen er gemiddeld hoogstens 4 leeg blijven.
# Met de salarissen van 2025 (peildatum 2025-06-01) was dat nog ongeveer 91 %: **de verwachte
# loonontwikkeling maakt van € 90 een tarief dat alleen een bijna altijd volle groep dekt**.
# Het geïndexeerde niveau van Den Haag is op deze aannames **bij geen enkele bezetting
# kostendekkend**: ook een volle groep kost bijna € 15 per dagdeel meer.

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
b_2025 = analyse.break_even_bezetting(binnen_cao.scenario, {"gesteld tarief": GESTELD_TARIEF})
assert 0.96 < b_gesteld < 0.965
assert (1 - b_gesteld) * 100 < 4  # empty places per 100 a week
assert 0.905 < b_2025.loc["gesteld tarief", "bezettingsgraad"] < 0.915
assert not break_even.loc["Den Haag 2020, geïndexeerd", "haalbaar"]
assert 14 < break_even.loc["Den Haag 2020, geïndexeerd", "tekort_vol"] < 15

# %% [markdown]
# ## 9. Hoe zeker is het tarief?
#
# Veel invoer is nog niet zeker: de salaristabel is gereconstrueerd (`indicatief`) en veel
# normen zijn keuzes (`aanname`). Hieronder varieert elke zulke invoer tegelijk, over een
# vastgelegd bereik: ±10 % rond de waarde bij `indicatief`, ±20 % bij `aanname`, begrensd
# op het gebruikelijke bereik van het veld; een norm die voor meer functies geldt (verzuim)
# als één getal. De groep zelf (grootte, personeelsnorm, mix, duur) blijft vast: die legt de
# productbeschrijving vast en is hierboven apart bekeken.
#
# Een geprojecteerde waarde is formeel een `aanname`, maar geen vrije keuze: ze houdt de marge
# van de waarde waaruit ze geprojecteerd is, en de projectie telt zelf mee, zo groot als de
# verhoging. Een salaris van 2027 is de `indicatieve` tabel (±10 %) maal +6,4 % (±6,4 %):
# samen **±11,9 %** (√(0,10² + 0,064²)), niet ±20 %. Een ongewijzigd doorgetrokken
# `definitieve` cao-bepaling (de werkweek van 36 uur) blijft vast. De kolom `grens` noemt per
# invoer de regel.
#
# **90 % van de uitkomsten ligt tussen ongeveer € 89 en € 125** per dagdeel. De mediaan ligt
# boven het meegeleverde tarief, want bezetting en productiviteit kunnen verder dalen dan
# stijgen (boven 100 % kan niet). Ook de gunstigste 5 % blijft boven het niveau van Den Haag,
# en het gestelde tarief van € 90 ligt net onder de gunstigste 5 %: in ongeveer 94 % van de
# uitkomsten kost een dagdeel meer.

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
assert 88.5 < p5 < 90
assert 124.5 < p95 < 126
assert uitkomst.tarief < p50
assert den_haag.bedrag < p5
assert p5 < GESTELD_TARIEF
assert 0.93 < duurder_dan_gesteld < 0.95
# a projected salary: the indicatief table's 10 % and the raise of 6,4 % together, not the 20 % of a choice
salaris = banden.loc["functies.mbo.maandsalaris"]
assert abs(salaris["hoog"] / salaris["basis"] - 1 - (0.10**2 + (1.037 * 1.026 - 1) ** 2) ** 0.5) < 1e-9
assert "functies.mbo.uren_per_week" not in banden.index  # definitief in the CAO, carried forward: fixed
# occupancy and productivity stop at 100 %: they can fall further than they can rise
for k in ("product.bezettingsgraad", "functies.mbo.productiviteit"):
    assert banden.loc[k, "hoog"] - banden.loc[k, "basis"] < banden.loc[k, "basis"] - banden.loc[k, "laag"]
assert not banden.index.isin(["product.groepsgrootte", "product.ratio.kinderen_per_medewerker"]).any()

# %% [markdown]
# ## 10. Capaciteitsbekostiging naast P × Q
#
# De regio weegt naast bekostiging per gedeclareerd dagdeel (P × Q, inspanningsgericht) ook
# capaciteitsbekostiging: een bedrag per plaats per jaar, ook als de plaats leeg blijft
# (Jeugdhulp Haaglanden, *Ontwikkeltafel 21 augustus 2025*). De capaciteitsprijs is het
# tarief bij volle bezetting maal 480 dagdelen: **ongeveer € 41.600 per plaats per jaar**. P × Q
# betaalt evenveel bij een werkelijke bezetting van **ongeveer 86 %**; daarboven verdient de
# aanbieder aan P × Q, daaronder draagt hij het risico van lege plaatsen.

# %%
bk = analyse.bekostiging(scenario)
print(bk)
ax = plots.bekostiging(bk)

# %%
assert 41_400 < bk.capaciteit_per_plaats_jaar < 41_800
assert 0.855 < bk.gelijke_bezetting < 0.865
assert bk.capaciteit_per_plaats_jaar == bk.tarief_vol * 480

# %% [markdown]
# ## Samengevat
#
# - Een dagdeel dagbesteding licht kost in 2027 op de meegeleverde parameters ruim € 101 per
#   cliënt, op geprojecteerde salarissen (op 2025-06-01: € 96,10); ongeveer 40 % boven het
#   geïndexeerde Den Haagse niveau van ongeveer € 72 (prijspeil 2025), op gelijk prijspeil een
#   derde.
# - Personeelsnorm, groepsgrootte en bezetting bepalen het meest; een groep van 6 is de
#   duurste, 10 de zuinigste, 5 ongeveer zo zuinig als 9. Bij € 90 is een bezetting van ruim
#   96 % nodig (in 2025 ongeveer 91 %): alleen een bijna altijd volle groep.
# - De onzekerheidsband loopt van ongeveer € 89 tot € 125; capaciteitsbekostiging kost
#   ongeveer € 41.600 per plaats per jaar en is gelijk aan P × Q bij 86 % bezetting.
