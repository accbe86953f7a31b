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
# # GGZ groep (nieuw sessieproduct)
#
# GGZ groep is nieuw in Haaglanden: groepsbehandeling jeugd-GGZ met bewezen effectieve
# methoden, "groep, tenzij": groepsbehandeling gaat voor individuele behandeling, mits
# verantwoord (Jeugdhulp Haaglanden, *Ontwikkeltafel 21 augustus 2025*, "GGZ groep (nieuw)").
# De regio noemt als parameters de **verhouding groepsgrootte tegenover behandelaars**, het
# **aantal sessies** en de **kwalificatie van de behandelaars**; het product wordt per
# cliënt per sessie en per traject bekostigd.
#
# **De meegeleverde keuzes** (`params/producten/GGZ-groep.toml`, alle `aanname`: de
# bronstukken geven nog geen getallen; hier op hun centrale lezing, zie sectie 2):
# 8 deelnemers, gemiddeld 80 % opkomst, sessies van anderhalf uur met een gz-psycholoog en
# een hbo-co-therapeut, beiden op trede 7, elk een half uur voorbereiding en nabespreking per
# sessie, 10 sessies per traject (het midden van de 8 tot 12 bijeenkomsten van protocollaire
# groepsbehandelingen voor jeugd), en per traject 4 uur cliëntgebonden tijd
# van de gz-psycholoog (intake, evaluatie, verslag) en 1 uur van de co-therapeut.
#
# Zoals bij dagbesteding rust 2027 op **geprojecteerde salarissen**: de cao-tabel van 2025
# maal de verwachte loonontwikkeling (+3,7 % en +2,6 %, een `aanname`; zie notebook 03 en
# `tarieven uitleg GGZ-groep --peildatum 2027-01-01`). Op peildatum 2025-06-01 kost een
# sessie € 123,24.

# %%
# %matplotlib inline
import datetime as dt

import pandas as pd

import tarieven
from tarieven import analyse, plots
from tarieven.afronding import op_centen
from tarieven.weergave import datum, euro, procent

PEILDATUM = "2027-01-01"

scenario = tarieven.lees_scenario("GGZ-groep", PEILDATUM)
uitkomst = tarieven.bereken(scenario)
holland_rijnland = tarieven.gepubliceerd_tarief("holland_rijnland_2024.pgb.jeugd_ggz_wo_per_uur")
tarieven.productoverzicht(PEILDATUM).loc[["GGZ-groep"]]

# %%
binnen_cao = tarieven.bereken("GGZ-groep", "2025-06-01")
print(f"2025-06-01: {euro(binnen_cao.tarief)}; {PEILDATUM}: {euro(uitkomst.tarief)}")
assert round(binnen_cao.tarief, 2) == 123.24
assert uitkomst.scenario.herkomst["functies.gz_psycholoog.maandsalaris"].geprojecteerd
w = scenario.waarden
assert [w[f"product.{k}"] for k in ("groepsgrootte", "bezettingsgraad", "sessies_per_traject")] == [8, 0.8, 10]
assert [w[f"product.client_uur_per_traject.{f}"] for f in ("gz_psycholoog", "hbo")] == [4, 1]
assert [w[f"product.extra_uur.{f}"] for f in ("gz_psycholoog", "hbo")] == [0.5, 0.5]
assert scenario.invoer["functies.gz_psycholoog.trede"] == scenario.invoer["functies.hbo.trede"] == "7"

# %% [markdown]
# ## 1. Wat kost een sessie, en een traject?
#
# Op de centrale aannames **€ 129,52 per cliënt per sessie**, ruim € 86 per cliënt-uur en
# bijna **€ 1.300 per traject** van 10 sessies. De cliëntgebonden tijd per traject (intake,
# evaluatie, verslag) is bijna 44 % van de kosten vóór opslagen: bijna € 45 per sessie,
# naast bijna € 49,50 voor de twee behandelaars in de sessie zelf. Een regionaal tarief
# bestaat nog niet, dus er is geen referentielijn.

# %%
print(
    f"per sessie {euro(uitkomst.tarief)}, per cliënt-uur {euro(uitkomst['tarief_per_uur'])}, "
    f"per traject {euro(uitkomst['tarief_per_traject'])}"
)
ax = plots.waterval(uitkomst)

# %%
uitkomst

# %%
kostprijs = uitkomst["kostprijs_per_client"]
aandeel = uitkomst["opbouw.clientkosten"] / kostprijs
print(f"cliëntgebonden tijd per sessie {euro(uitkomst['opbouw.clientkosten'])}: {procent(aandeel)} van de kostprijs")
print(f"behandelaars in de sessie: {euro(uitkomst['opbouw.personeel_direct'])} per cliënt")
assert round(uitkomst.tarief, 2) == 129.52
assert 86 < uitkomst["tarief_per_uur"] < 86.5
assert 1290 < uitkomst["tarief_per_traject"] < 1300
assert 0.435 < aandeel < 0.44  # nearly 44 %
assert 44.5 < uitkomst["opbouw.clientkosten"] < 45
assert 49.25 < uitkomst["opbouw.personeel_direct"] < 49.5

# %% [markdown]
# ## 2. Centraal, en de band eromheen
#
# Zoals bij dagbesteding (notebook 03, sectie 2) is **centraal** elke aanname op de lezing die
# in de openbare praktijk het midden houdt, en is **de band** het tarief met alle aannames
# tegelijk op hun laagste, en op hun hoogste, nog verdedigbare lezing: een omhullende, geen
# betrouwbaarheidsinterval. Voor een nieuw product zonder regionale getallen is die band
# breed: van **€ 49,86 tot € 307,71 per sessie** in 2027 rond € 129,52 (op 2025-06-01 van
# € 47,53 tot € 291,13 rond € 123,24), en van € 33,24 tot € 205,14 per cliënt-uur. Laag is
# een groep van 10 zonder co-therapeut, 12 sessies per traject en minder cliëntgebonden tijd;
# hoog een groep van 6 met co-therapeut, 8 sessies per traject en meer voorbereiding en
# cliëntgebonden tijd.
#
# Waar de breedte vandaan komt, verdeelt `tarieven.vergelijk` over groepen aannames (per groep
# het gemiddelde effect over alle volgorden, opgeteld precies het verschil). Naar beide kanten
# is de grootste groep **de uren per sessie en per traject** (voorbereiding, cliëntgebonden
# tijd, sessies per traject): € 24,96 naar laag en € 74,94 naar hoog. Naar laag volgt het
# **personeel** (geen co-therapeut, € 18,06), naar hoog de **groepsgrootte** (€ 30,42). Wie
# een tarief voor GGZ groep vaststelt, legt dus vooral vast hoeveel behandelaars, hoeveel
# deelnemers en hoeveel tijd per traject het product vraagt; daar moet de regio getallen
# voor kiezen.

# %%
lezingen = {a: tarieven.lees_scenario("GGZ-groep", PEILDATUM, aannames=a) for a in ("laag", "centraal", "hoog")}
band = pd.DataFrame(
    {
        f"GGZ groep, {datum(dt.date.fromisoformat(d))}": tarieven.productoverzicht(d).loc["GGZ-groep"]
        for d in ("2025-06-01", PEILDATUM)
    }
).T
ax = plots.tariefband(band, titel="GGZ groep per cliënt per sessie: centraal tarief en de band van laag tot hoog")
band[["tarief_laag", "tarief", "tarief_hoog"]].map(euro)

# %%
delen = pd.DataFrame(
    {
        f"naar {a}": tarieven.vergelijk(lezingen[a], lezingen["centraal"]).delen_frame().set_index("label")["centen"]
        for a in ("laag", "hoog")
    }
)
delen.sort_values("naar hoog", ascending=False).fillna(0).map(euro)

# %%
laag, centraal, hoog = (tarieven.bereken(x) for x in lezingen.values())
assert centraal.tarief == uitkomst.tarief == band.iloc[1]["tarief"]
assert [round(x.tarief, 2) for x in (laag, hoog)] == [49.86, 307.71]
assert [round(x, 2) for x in band.iloc[0][["tarief_laag", "tarief", "tarief_hoog"]]] == [47.53, 123.24, 291.13]
assert [round(x["tarief_per_uur"], 2) for x in (laag, hoog)] == [33.24, 205.14]
w = {a: x.waarden for a, x in lezingen.items()}
assert [w[a]["product.groepsgrootte"] for a in w] == [10, 8, 6]
assert [w[a]["product.personeel.hbo"] for a in w] == [0, 1, 1]
assert [w[a]["product.sessies_per_traject"] for a in w] == [12, 10, 8]
assert (
    w["laag"]["product.client_uur_per_traject.gz_psycholoog"]
    < 4
    < w["hoog"]["product.client_uur_per_traject.gz_psycholoog"]
)
assert w["laag"]["product.extra_uur.gz_psycholoog"] < 0.5 < w["hoog"]["product.extra_uur.gz_psycholoog"]
uren = "uren per eenheid (duur, extra, indirect, cliënttijd)"
assert delen["naar laag"].idxmin() == delen["naar hoog"].idxmax() == uren
assert [str(-delen.loc[uren, "naar laag"]), str(delen.loc[uren, "naar hoog"])] == ["24.96", "74.94"]
assert delen["naar laag"].sort_values().index[1] == "personeel en ratio"
assert str(-delen.loc["personeel en ratio", "naar laag"]) == "18.06"
assert delen["naar hoog"].dropna().sort_values().index[-2] == "groepsgrootte"
assert str(delen.loc["groepsgrootte", "naar hoog"]) == "30.42"
for a, x in (("laag", laag), ("hoog", hoog)):  # the parts add up to the difference of the rounded tariffs
    assert round(delen[f"naar {a}"].sum(), 2) == float(op_centen(x.tarief) - op_centen(centraal.tarief))

# %% [markdown]
# ## 3. Groepsgrootte tegenover het aantal behandelaars
#
# Naast de gz-psycholoog 0, 1 of 2 hbo-co-therapeuten, bij groepen van 4 tot 12. Elke
# co-therapeut erbij kost bij een groep van 8 ongeveer € 24,50 per cliënt per sessie; een
# groep van 12 met twee co-therapeuten kost iets minder dan een groep van 8 met één (ongeveer
# € 122,50 tegen € 129,50).

# %%
behandelaars = analyse.rooster(scenario, {"product.groepsgrootte": range(4, 13), "product.personeel.hbo": [0, 1, 2]})
ax = plots.heatmap(behandelaars, "product.groepsgrootte", "product.personeel.hbo")

# %%
b = behandelaars.pivot(index="product.personeel.hbo", columns="product.groepsgrootte", values="tarief_per_client")
per_cotherapeut = (b.loc[2, 8] - b.loc[0, 8]) / 2
print(f"per co-therapeut bij een groep van 8: {euro(per_cotherapeut)} per cliënt per sessie")
assert 24.5 < per_cotherapeut < 24.6
assert 122.25 < b.loc[2, 12] < 122.75 < 129.25 < b.loc[1, 8] < 129.75
assert (b.diff(axis=1).iloc[:, 1:] < 0).all().all()  # a larger group is always cheaper per client

# %% [markdown]
# ## 4. Sessies per traject
#
# De cliëntgebonden tijd per traject wordt over de sessies verdeeld. Meer sessies per
# traject maken **een sessie goedkoper** (bij een groep van 8 van ongeveer € 167 bij 6
# sessies naar € 101 bij 20) maar **het traject duurder** (van ongeveer € 1.000 naar
# € 2.020). Een kort traject is per sessie duur, een lang traject in totaal.

# %%
sessies = analyse.rooster(
    scenario, {"product.sessies_per_traject": [6, 8, 10, 12, 16, 20], "product.groepsgrootte": [6, 8, 10]}
)
ax = plots.lijn(sessies, "product.sessies_per_traject", groep="product.groepsgrootte")

# %%
ax = plots.lijn(sessies, "product.sessies_per_traject", "tarief_per_traject", groep="product.groepsgrootte")

# %%
acht = sessies[sessies["product.groepsgrootte"] == 8].set_index("product.sessies_per_traject")
assert acht["tarief_per_client"].is_monotonic_decreasing
assert acht["tarief_per_traject"].is_monotonic_increasing
assert 166.5 < acht.loc[6, "tarief_per_client"] < 168
assert 100.5 < acht.loc[20, "tarief_per_client"] < 101.5
assert 995 < acht.loc[6, "tarief_per_traject"] < 1010
assert 2015 < acht.loc[20, "tarief_per_traject"] < 2030

# %% [markdown]
# ## 5. Groep of individueel: vanaf welke groep is groepsbehandeling goedkoper?
#
# Individueel is hier: **één behandelaar van de hoofdfunctie (de gz-psycholoog) met één
# cliënt**, met dezelfde sessieduur, voorbereiding, cliëntgebonden tijd van de gz-psycholoog,
# ruimte, materiaal en opslagen; de co-therapeut doet niet mee. Dat kost **ongeveer € 229 per
# cliënt-uur**. De groep (gz-psycholoog plus co-therapeut, 80 % opkomst) is per cliënt
# goedkoper **vanaf 2 plaatsen** (bij 2 maar net: ongeveer € 227 per cliënt-uur), en kost bij
# 8 plaatsen nog maar ruim een derde. De loonontwikkeling verschuift dat omslagpunt niet:
# groep en individueel rusten op dezelfde salarissen.
#
# Ter vergelijking het pgb-maximum per uur voor een wo-behandelaar in Holland Rijnland
# (2024, geïndexeerd naar prijspeil 2025): ongeveer € 117. Een pgb-maximum ligt onder een
# tarief in natura, en de individuele variant hier draagt een groepsruimte en een half uur
# voorbereiding per sessie: een echte individuele behandeling heeft eigen normen.

# %%
groep_individueel = analyse.groep_of_individueel(scenario)
ax = plots.groep_of_individueel(groep_individueel, referentie=holland_rijnland)
groep_individueel.tabel.head(10)

# %%
gi = groep_individueel
acht = gi.tabel.set_index("groepsgrootte").loc[8]
print(
    f"kleinste groep die goedkoper is: {gi.kleinste_groep}; individueel {euro(gi.individueel['tarief_per_uur'])} "
    f"per cliënt-uur, groep van 8 {euro(acht['groep_per_uur'])}"
)
assert gi.hoofdfunctie == "gz_psycholoog"
assert gi.kleinste_groep == 2
assert 228.5 < gi.individueel["tarief_per_uur"] < 229.5
assert 226.5 < gi.tabel.set_index("groepsgrootte").loc[2, "groep_per_uur"] < 227
twee = gi.tabel.set_index("groepsgrootte").loc[2]
assert 0.98 < twee["groep_per_uur"] / twee["individueel_per_uur"] < 1  # only just
assert 0.34 < acht["groep_per_uur"] / acht["individueel_per_uur"] < 0.38  # a little over a third
assert analyse.groep_of_individueel(binnen_cao.scenario).kleinste_groep == gi.kleinste_groep  # as in 2025
assert acht["groep_per_uur"] < holland_rijnland.bedrag < gi.individueel["tarief_per_uur"]

# %% [markdown]
# ## 6. Wat drijft het tarief?
#
# Bovenaan staan de groepsgrootte, de productiviteit en het salaris van de gz-psycholoog en de
# opkomst. Het aantal sessies per traject en de cliëntgebonden tijd van de gz-psycholoog
# volgen: zij bepalen hoeveel traject-tijd elke sessie draagt.

# %%
gevoelig = analyse.gevoeligheid(scenario)
ax = plots.tornado(gevoelig)

# %%
assert gevoelig.index[0] == "product.groepsgrootte"
assert {
    "functies.gz_psycholoog.productiviteit",
    "functies.gz_psycholoog.maandsalaris",
    "product.bezettingsgraad",
} <= set(gevoelig.index[:4])
assert not any(scenario.veld(k).vast for k in gevoelig.index)

# %% [markdown]
# ## 7. Hoe zeker is het tarief?
#
# Dezelfde regel als bij dagbesteding (notebook 03, sectie 10): elke aanname met lezingen valt
# uit tussen haar lage en haar hoge lezing, met de centrale als meest waarschijnlijke; een
# onzekere waarde zonder lezingen ±10 % (`indicatief`) of ±20 % (`aanname`); de opzet van de
# groep (grootte, behandelaars, sessieduur, sessies per traject) blijft vast. **90 % van de
# uitkomsten ligt tussen ongeveer € 120,50 en € 156 per sessie**, € 80 tot € 104 per
# cliënt-uur: ook de duurdere uitkomsten per cliënt-uur blijven onder het pgb-maximum voor een
# wo-behandelaar in Holland Rijnland (ongeveer € 117).
# Dat is veel smaller dan de band van sectie 2: hier blijft de opzet van de groep vast en valt
# elke aanname los van de andere uit, in de band gaan ze allemaal tegelijk dezelfde kant op.

# %%
onzeker = analyse.onzekerheid(scenario, 20_000, seed=2027)
ax = plots.histogram(onzeker)

# %%
ax = plots.histogram(onzeker, "tarief_per_uur", referentie=holland_rijnland)

# %%
p5, p95 = onzeker.percentiel(5), onzeker.percentiel(95)
u5, u95 = onzeker.percentiel(5, "tarief_per_uur"), onzeker.percentiel(95, "tarief_per_uur")
print(f"per sessie {euro(p5)} tot {euro(p95)}; per cliënt-uur {euro(u5)} tot {euro(u95)}")
assert 120.25 < p5 < 120.75
assert 155.75 < p95 < 156.25
assert 80 < u5 < 80.5
assert 103.75 < u95 < 104.25
assert laag.tarief < p5
assert p95 < hoog.tarief
assert 116.5 < holland_rijnland.bedrag < 117.5
assert u95 < holland_rijnland.bedrag  # even the dearer outcomes per client-hour stay under it

# %% [markdown]
# ## Samengevat
#
# - Een sessie GGZ groep kost in 2027 centraal € 129,52 per cliënt (ruim € 86 per cliënt-uur,
#   bijna € 1.300 per traject van 10 sessies), op geprojecteerde salarissen (op 2025-06-01:
#   € 123,24).
# - De band, alle aannames tegelijk op hun lage of op hun hoge lezing, loopt van € 49,86 tot
#   € 307,71 per sessie: zonder regionale getallen ligt nog veel open, vooral de uren per
#   traject, de co-therapeut en de groepsgrootte.
# - Groepsbehandeling is per cliënt goedkoper dan individuele behandeling door een
#   gz-psycholoog vanaf een groep van 2 (daar maar net); bij 8 plaatsen kost een cliënt-uur
#   ruim een derde.
# - Meer sessies per traject maken een sessie goedkoper en een traject duurder; 90 % van de
#   uitkomsten van de onzekerheidsanalyse ligt tussen ongeveer € 120,50 en € 156 per sessie.
