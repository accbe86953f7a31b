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
# bronstukken geven nog geen getallen): 8 deelnemers, gemiddeld 80 % opkomst, sessies van
# anderhalf uur met een gz-psycholoog en een hbo-co-therapeut, elk een half uur
# voorbereiding en nabespreking per sessie, 12 sessies per traject, en per traject 4 uur
# cliëntgebonden tijd van de gz-psycholoog (intake, evaluatie, verslag) en 1 uur van de
# co-therapeut.
#
# Zoals bij dagbesteding rust 2027 op **geprojecteerde salarissen**: de cao-tabel van 2025
# maal de verwachte loonontwikkeling (+3,7 % en +2,6 %, een `aanname`; zie notebook 03 en
# `tarieven uitleg GGZ-groep --peildatum 2027-01-01`). Op peildatum 2025-06-01 kost een
# sessie € 121,12.

# %%
# %matplotlib inline
import tarieven
from tarieven import analyse, plots
from tarieven.weergave import euro, procent

PEILDATUM = "2027-01-01"

scenario = tarieven.lees_scenario("GGZ-groep", PEILDATUM)
uitkomst = tarieven.bereken(scenario)
holland_rijnland = tarieven.gepubliceerd_tarief("holland_rijnland_2024.pgb.jeugd_ggz_wo_per_uur")
tarieven.productoverzicht(PEILDATUM).loc[["GGZ-groep"]]

# %%
binnen_cao = tarieven.bereken("GGZ-groep", "2025-06-01")
print(f"2025-06-01: {euro(binnen_cao.tarief)}; {PEILDATUM}: {euro(uitkomst.tarief)}")
assert round(binnen_cao.tarief, 2) == 121.12
assert uitkomst.scenario.herkomst["functies.gz_psycholoog.maandsalaris"].geprojecteerd

# %% [markdown]
# ## 1. Wat kost een sessie, en een traject?
#
# Op de meegeleverde parameters **bijna € 128 per cliënt per sessie**, € 85 per
# cliënt-uur en ruim **€ 1.530 per traject** van 12 sessies. De cliëntgebonden tijd per
# traject (intake, evaluatie, verslag) is bijna 40 % van de kosten vóór opslagen:
# ruim € 39 per sessie, naast ruim € 52 voor de twee behandelaars in de sessie zelf. Een
# regionaal tarief bestaat nog niet, dus er is geen referentielijn.

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
assert 127.5 < uitkomst.tarief < 128
assert 85 < uitkomst["tarief_per_uur"] < 85.5
assert 1530 < uitkomst["tarief_per_traject"] < 1540
assert 0.38 < aandeel < 0.4  # nearly 40 %
assert 39 < uitkomst["opbouw.clientkosten"] < 39.5
assert 52 < uitkomst["opbouw.personeel_direct"] < 52.5

# %% [markdown]
# ## 2. Groepsgrootte tegenover het aantal behandelaars
#
# Naast de gz-psycholoog 0, 1 of 2 hbo-co-therapeuten, bij groepen van 4 tot 12. Elke
# co-therapeut erbij kost bij een groep van 8 ongeveer € 26 per cliënt per sessie; een groep
# van 12 met twee co-therapeuten kost iets minder dan een groep van 8 met één (ongeveer € 121
# tegen € 128).

# %%
behandelaars = analyse.rooster(scenario, {"product.groepsgrootte": range(4, 13), "product.personeel.hbo": [0, 1, 2]})
ax = plots.heatmap(behandelaars, "product.groepsgrootte", "product.personeel.hbo")

# %%
b = behandelaars.pivot(index="product.personeel.hbo", columns="product.groepsgrootte", values="tarief_per_client")
per_cotherapeut = (b.loc[2, 8] - b.loc[0, 8]) / 2
print(f"per co-therapeut bij een groep van 8: {euro(per_cotherapeut)} per cliënt per sessie")
assert 26 < per_cotherapeut < 27
assert 120 < b.loc[2, 12] < 121 < 127.5 < b.loc[1, 8] < 128
assert (b.diff(axis=1).iloc[:, 1:] < 0).all().all()  # a larger group is always cheaper per client

# %% [markdown]
# ## 3. Sessies per traject
#
# De cliëntgebonden tijd per traject wordt over de sessies verdeeld. Meer sessies per
# traject maken **een sessie goedkoper** (bij een groep van 8 van ongeveer € 178 bij 6
# sessies naar € 108 bij 20) maar **het traject duurder** (van ongeveer € 1.070 naar
# € 2.150). Een kort traject is per sessie duur, een lang traject in totaal.

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
assert 177.5 < acht.loc[6, "tarief_per_client"] < 179
assert 107 < acht.loc[20, "tarief_per_client"] < 108.5
assert 1060 < acht.loc[6, "tarief_per_traject"] < 1080
assert 2140 < acht.loc[20, "tarief_per_traject"] < 2160

# %% [markdown]
# ## 4. Groep of individueel: vanaf welke groep is groepsbehandeling goedkoper?
#
# Individueel is hier: **één behandelaar van de hoofdfunctie (de gz-psycholoog) met één
# cliënt**, met dezelfde sessieduur, voorbereiding, cliëntgebonden tijd van de gz-psycholoog,
# ruimte, materiaal en opslagen; de co-therapeut doet niet mee. Dat kost **ongeveer € 237 per
# cliënt-uur**. De groep (gz-psycholoog plus co-therapeut, 80 % opkomst) is per cliënt
# goedkoper **vanaf 2 plaatsen** (bij 2 maar net: ongeveer € 235 per cliënt-uur), en kost bij
# 8 plaatsen nog maar ongeveer een derde. De loonontwikkeling verschuift dat omslagpunt niet:
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
assert 236 < gi.individueel["tarief_per_uur"] < 237.5
twee = gi.tabel.set_index("groepsgrootte").loc[2]
assert 0.98 < twee["groep_per_uur"] / twee["individueel_per_uur"] < 1  # only just
assert 0.33 < acht["groep_per_uur"] / acht["individueel_per_uur"] < 0.38  # about a third
assert analyse.groep_of_individueel(binnen_cao.scenario).kleinste_groep == gi.kleinste_groep  # as in 2025
assert acht["groep_per_uur"] < holland_rijnland.bedrag < gi.individueel["tarief_per_uur"]

# %% [markdown]
# ## 5. Wat drijft het tarief?
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
# ## 6. Hoe zeker is het tarief?
#
# Elke `indicatieve` waarde ±10 %, elke `aanname` ±20 %, binnen het gebruikelijke bereik; een
# geprojecteerd salaris ±11,9 % (de `indicatieve` tabel en de verwachte loonontwikkeling samen,
# zie notebook 03); de opzet van de groep (grootte, behandelaars, sessieduur, sessies per
# traject) blijft vast. **90 % van de uitkomsten ligt tussen ongeveer € 112 en € 150 per
# sessie**, € 75 tot € 100 per cliënt-uur: ook de duurdere uitkomsten per cliënt-uur blijven
# onder het pgb-maximum voor een wo-behandelaar in Holland Rijnland (ongeveer € 117).

# %%
onzeker = analyse.onzekerheid(scenario, 20_000, seed=2027)
ax = plots.histogram(onzeker)

# %%
ax = plots.histogram(onzeker, "tarief_per_uur", referentie=holland_rijnland)

# %%
p5, p95 = onzeker.percentiel(5), onzeker.percentiel(95)
u5, u95 = onzeker.percentiel(5, "tarief_per_uur"), onzeker.percentiel(95, "tarief_per_uur")
print(f"per sessie {euro(p5)} tot {euro(p95)}; per cliënt-uur {euro(u5)} tot {euro(u95)}")
assert 111.5 < p5 < 113
assert 149.5 < p95 < 151
assert 74.5 < u5 < 75.5
assert 99.5 < u95 < 101
assert u95 < holland_rijnland.bedrag  # even the dearer outcomes per client-hour stay under it

# %% [markdown]
# ## Samengevat
#
# - Een sessie GGZ groep kost in 2027 op de meegeleverde parameters bijna € 128 per cliënt
#   (€ 85 per cliënt-uur, ruim € 1.530 per traject van 12 sessies), op geprojecteerde
#   salarissen (op 2025-06-01: € 121,12).
# - Groepsbehandeling is per cliënt goedkoper dan individuele behandeling door een
#   gz-psycholoog vanaf een groep van 2 (daar maar net); bij 8 plaatsen kost een cliënt-uur
#   een derde.
# - Meer sessies per traject maken een sessie goedkoper en een traject duurder; de
#   onzekerheidsband loopt van ongeveer € 112 tot € 150 per sessie.
