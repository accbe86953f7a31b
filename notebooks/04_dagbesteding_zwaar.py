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
# # Dagbesteding zwaar (41A24)
#
# Dezelfde vragen als voor dagbesteding licht (notebook 03), nu voor de zwaarste vorm, en
# daarnaast: waarom kost zwaar wat het kost, naast licht en middel?
#
# **Het product zoals de regio het beschrijft** (Jeugdhulp Haaglanden, *Segment 3 Dagbesteding -
# Dagbehandeling: effectketen en productbeschrijvingen*, contractperiode 2022-2025,
# Dagbesteding lid 13b): dagbesteding voor jeugdigen met complexe problematiek, in een groep
# van **hoogstens 4**, begeleid op **hbo- en wo-niveau onder verantwoordelijkheid van een
# gedragswetenschapper**; hoogstens 2 dagdelen per dag, 48 weken per jaar.
#
# **De meegeleverde keuzes** (`params/producten/41A24.toml`, elk een `aanname`, hier op hun
# centrale lezing): een groep van 4, gemiddeld 90 % bezet, hbo'ers op trede 7, voorbereiding
# binnen het dagdeel, een half uur gedragswetenschapper per dagdeel, en **1 begeleider op 3
# kinderen, exact gerekend**. De productbeschrijving noemt geen personeelsnorm; 1 op 3 is de
# zwaarste norm die de regio zelf in dit segment stelt (dagbehandeling categorie 3, "1
# medewerker op maximaal 3 kinderen"). Exact wil zeggen: 1⅓ begeleider per groep van 4, het
# gemiddelde van bijvoorbeeld twee groepen van 4 met samen drie begeleiders. Naar boven
# afgerond zou het 2 begeleiders op 4 kinderen zijn, 1 op 2, en daarvoor is geen bron: dat is
# de hoge lezing (sectie 2).
#
# Zoals bij licht rust 2027 op **geprojecteerde salarissen**: de cao-tabel van 2025 maal de
# verwachte loonontwikkeling (+3,7 % en +2,6 %, een `aanname`; zie notebook 03 en
# `tarieven uitleg 41A24 --peildatum 2027-01-01`). Op peildatum 2025-06-01 kost een dagdeel
# zwaar € 145,39.

# %%
# %matplotlib inline
import datetime as dt

import pandas as pd

import tarieven
from tarieven import analyse, plots
from tarieven.weergave import datum, euro, getal, procent

PEILDATUM = "2027-01-01"
GESTELD_TARIEF = 140.00  # euro per cliënt per dagdeel: zet hier uw eigen tarief

scenario = tarieven.lees_scenario("41A24", PEILDATUM)
uitkomst = tarieven.bereken(scenario)
den_haag = tarieven.gepubliceerd_tarief("den_haag_2020.pgb.dagbesteding_categorie_3")
tarieven.productoverzicht(PEILDATUM).loc[["41A24"]]

# %%
binnen_cao = tarieven.bereken("41A24", "2025-06-01")
print(f"2025-06-01: {euro(binnen_cao.tarief)}; {PEILDATUM}: {euro(uitkomst.tarief)}")
assert round(binnen_cao.tarief, 2) == 145.39
assert uitkomst.scenario.herkomst["functies.hbo.maandsalaris"].geprojecteerd
w = scenario.waarden
assert [w[f"product.{k}"] for k in ("groepsgrootte", "bezettingsgraad", "ratio.kinderen_per_medewerker")] == [4, 0.9, 3]
assert (w["product.extra_uur.hbo"], w["product.indirect_uur.wo"]) == (0, 0.5)
assert scenario.invoer["functies.hbo.trede"] == "7"
assert abs(uitkomst["medewerkers_totaal"] - 4 / 3) < 1e-12  # exact: 1 1/3 staff member on a group of 4

# %% [markdown]
# ## 1. Wat kost een dagdeel?
#
# Op de centrale aannames **€ 152,27 per cliënt per dagdeel** (ruim € 38 per uur). Drie vijfde
# is direct personeel: 1⅓ hbo'er van 4 uur voor gemiddeld 3,6 gedeclareerde cliënten. Het
# hoogste Den Haagse niveau uit 2020 (categorie 3, geïndexeerd naar prijspeil 2025,
# **€ 124,24**) is daar ruim vier vijfde van (82 %; met de salarissen van 2025 85 %).

# %%
print(f"Tarief per cliënt per dagdeel: {euro(uitkomst.tarief)}, per uur {euro(uitkomst['tarief_per_uur'])}")
ax = plots.waterval(uitkomst, referentie=den_haag)
print(den_haag.uitleg().split("\n")[0])

# %%
aandeel_direct = uitkomst["opbouw.personeel_direct"] / uitkomst.tarief
print(f"direct personeel {procent(aandeel_direct, 1)}; Den Haag geïndexeerd {euro(den_haag.bedrag)}")
assert round(uitkomst.tarief, 2) == 152.27
assert 38 < uitkomst["tarief_per_uur"] < 38.25
assert 0.59 < aandeel_direct < 0.61  # three fifths
assert round(den_haag.bedrag, 2) == 124.24
assert round(100 * den_haag.bedrag / uitkomst.tarief) == 82
assert round(100 * den_haag.bedrag / binnen_cao.tarief) == 85

# %% [markdown]
# ## 2. Centraal, en de band eromheen
#
# Zoals bij licht (notebook 03, sectie 2) is **centraal** elke aanname op de lezing die in de
# openbare praktijk het midden houdt, en is **de band** het tarief met alle aannames tegelijk
# op hun laagste, en op hun hoogste, nog verdedigbare lezing: een omhullende, geen
# betrouwbaarheidsinterval. Voor zwaar is de band breed: van **€ 75,85 tot € 355,34** in 2027
# rond € 152,27, en van **€ 72,59 tot € 336,73** op 2025-06-01 rond € 145,39. Dat komt vooral
# door de personeelsnorm, die bij een groep van 4 zwaar weegt: de lage lezing is 1 op 4 (één
# begeleider op de groep), de hoge 1 op 2 (twee begeleiders). Daarbovenop komen bij hoog een
# half uur voorbereiding bovenop het dagdeel, een uur gedragswetenschapper en 85 % bezetting.
# Het Den Haagse niveau en het gestelde tarief liggen binnen de band, onder het centrale
# tarief.

# %%
lezingen = {a: tarieven.lees_scenario("41A24", PEILDATUM, aannames=a) for a in ("laag", "centraal", "hoog")}
toon = {
    "product.ratio.kinderen_per_medewerker": "kinderen per begeleider",
    "product.bezettingsgraad": "bezettingsgraad",
    "product.extra_uur.hbo": "voorbereiding per begeleider bovenop het dagdeel (uur)",
    "product.indirect_uur.wo": "gedragswetenschapper per dagdeel (uur)",
    "functies.hbo.trede": "salaristrede (hbo)",
    "opslagen.overhead": "overhead",
    "opslagen.risico_opslag": "risico-opslag",
}
pd.DataFrame(
    {a: [s.waarden.get(k, s.invoer.get(k)) for k in toon] for a, s in lezingen.items()}, index=list(toon.values())
)

# %%
band = pd.DataFrame(
    {
        f"41A24, {datum(dt.date.fromisoformat(d))}": tarieven.productoverzicht(d).loc["41A24"]
        for d in ("2025-06-01", PEILDATUM)
    }
).T
ax = plots.tariefband(band, referentie=[den_haag, (GESTELD_TARIEF, "gesteld tarief")])
band[["tarief_laag", "tarief", "tarief_hoog"]].map(euro)

# %%
laag, centraal, hoog = (tarieven.bereken(s) for s in lezingen.values())
assert centraal.tarief == uitkomst.tarief == band.iloc[1]["tarief"]
assert [round(x, 2) for x in band.iloc[1][["tarief_laag", "tarief_hoog"]]] == [75.85, 355.34]
assert [round(x, 2) for x in band.iloc[0][["tarief_laag", "tarief", "tarief_hoog"]]] == [72.59, 145.39, 336.73]
w = {a: s.waarden for a, s in lezingen.items()}
assert [w[a]["product.ratio.kinderen_per_medewerker"] for a in w] == [4, 3, 2]
assert [u["medewerkers_totaal"] for u in (laag, hoog)] == [1, 2]
assert [w[a]["product.extra_uur.hbo"] for a in w] == [0, 0, 0.5]
assert w["hoog"]["product.indirect_uur.wo"] == 1
assert w["hoog"]["product.bezettingsgraad"] == 0.85
for x in (den_haag.bedrag, GESTELD_TARIEF):
    assert laag.tarief < x < centraal.tarief

# %% [markdown]
# ## 3. Waarom kost zwaar wat het kost?
#
# Licht, middel en zwaar naast elkaar. Zwaar kost ongeveer **1,8 keer** zoveel per cliënt
# als licht. Bijna het hele verschil zit in het aantal gedeclareerde cliënten per begeleider:
# 2,7 bij zwaar (1⅓ begeleider op 3,6 gedeclareerde cliënten) tegen 4,25 bij licht (twee op
# 8,5). Een uur van de begeleiders is bij zwaar maar 4 % duurder (alleen hbo in plaats van
# mbo en hbo). De gedragswetenschapper en de huisvesting worden over minder cliënten
# verdeeld; de opslagen groeien mee met de kostprijs.

# %%
producten = analyse.productvergelijking(["41A22", "41A23", "41A24"], peildatum=PEILDATUM, basis="41A22")
licht_dh = tarieven.gepubliceerd_tarief("den_haag_2020.pgb.dagbesteding_categorie_1")
ax = plots.opbouw_vergelijking(producten, referenties={"41A22": licht_dh, "41A24": den_haag})
producten

# %%
factor = producten["41A24 / 41A22"]
print(f"tarief × {getal(factor['tarief_per_client'])}", end="; ")
print(f"cliënten per begeleider × {getal(factor['clienten_per_medewerker'])}")
assert producten.loc["tarief_per_client", "41A22"] < producten.loc["tarief_per_client", "41A23"] < uitkomst.tarief
assert round(factor["tarief_per_client"], 1) == 1.8
assert producten.loc["clienten_per_medewerker", "41A24"] == 2.7
assert producten.loc["clienten_per_medewerker", "41A22"] == 4.25
assert 1.035 < factor["uurkosten_direct"] < 1.045  # 4 % dearer
# direct staff per client follows from hourly cost and clients per staff member exactly (4 hours each)
assert abs(factor["opbouw.personeel_direct"] - factor["uurkosten_direct"] / factor["clienten_per_medewerker"]) < 1e-9

# %% [markdown]
# ## 4. Wat drijft het tarief?
#
# Elke invoer die een regio of aanbieder kiest, 10 % lager en hoger. Bovenaan staat de
# bezettingsgraad: bij een groep van 4 is elk procent bezetting een groot deel van een kind.
# Daarna, ongeveer even zwaar, het hbo-salaris, de personeelsnorm, de productiviteit en de
# lengte van het dagdeel. De groepsgrootte volgt: omdat de personeelsnorm exact gerekend is,
# groeit het personeel mee met de groep, en alleen de ruimte en de gedragswetenschapper worden
# over meer of minder kinderen verdeeld. Vaste CAO-gegevens varieert de tornado niet.

# %%
gevoelig = analyse.gevoeligheid(scenario)
ax = plots.tornado(gevoelig)

# %%
assert gevoelig.index[0] == "product.bezettingsgraad"
assert set(gevoelig.index[1:5]) == {
    "functies.hbo.maandsalaris",
    "product.ratio.kinderen_per_medewerker",
    "functies.hbo.productiviteit",
    "product.duur_uur",
}
assert gevoelig.loc[gevoelig.index[1:5], "bereik"].between(23, 24.5).all()  # about as heavy
assert gevoelig.index[5] == "product.groepsgrootte"
assert not any(scenario.veld(k).vast for k in gevoelig.index)

# %% [markdown]
# ## 5. Groepsgrootte en bezetting
#
# Met 1 begeleider op 3, exact, daalt het tarief gelijkmatig met de groep: het personeel per
# kind blijft gelijk, de ruimte en de gedragswetenschapper delen meer kinderen. Een groep van
# 3 kost ruim € 10 per dagdeel meer dan een groep van 4. Omlijnd: wat binnen het gestelde
# tarief blijft (€ 140: **alleen een volle groep van 4**, € 137,48). Met de salarissen van
# 2025 bleef ook een groep van 4 die voor 95 % bezet is binnen € 140.

# %%
rooster = analyse.rooster(
    scenario, {"product.groepsgrootte": range(1, 5), "product.bezettingsgraad": [0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0]}
)
ax = plots.heatmap(
    rooster, "product.groepsgrootte", "product.bezettingsgraad", referentie=(GESTELD_TARIEF, "gesteld tarief")
)

# %%
r = rooster.pivot(index="product.bezettingsgraad", columns="product.groepsgrootte", values="tarief_per_client")
assert (r.diff(axis=1).iloc[:, 1:] < 0).all().all()  # a larger group is always cheaper per client
assert 10 < r.loc[0.9, 3] - r.loc[0.9, 4] < 11
binnen = rooster[rooster["tarief_per_client"] <= GESTELD_TARIEF]
assert set(binnen["product.groepsgrootte"]) == {4}
assert binnen["product.bezettingsgraad"].tolist() == [1.0]
assert round(binnen["tarief_per_client"].iloc[0], 2) == 137.48
vier_2025 = analyse.rooster(binnen_cao.scenario, {"product.bezettingsgraad": [0.9, 0.95]})["tarief_per_client"]
assert vier_2025.iloc[1] <= GESTELD_TARIEF < vier_2025.iloc[0]

# %% [markdown]
# ## 6. Wat doet personeelstekort?
#
# Bij vast personeel (1⅓ begeleider) verdubbelt het tarief bijna als de groep van 4 naar 2
# gaat. Bij een vaste ratio van 1 op 3 gaat het personeel mee omlaag (bij 2 kinderen twee
# derde begeleider, gemiddeld over de groepen): dan stijgt het tarief per kind maar ongeveer
# 21 %, de ruimte en de gedragswetenschapper over minder kinderen.

# %%
tekort = analyse.personeelstekort(scenario, range(1, 5))
ax = plots.lijn(tekort, "groepsgrootte", ["vast_personeel", "vaste_ratio"], referentie=den_haag)
tekort

# %%
t = tekort.set_index("groepsgrootte")
assert 1.95 < t.loc[2, "vast_personeel"] / t.loc[4, "vast_personeel"] < 2.0
assert abs(t.loc[2, "medewerkers_ratio"] - 2 / 3) < 1e-12
assert round(100 * (t.loc[2, "vaste_ratio"] / t.loc[4, "vaste_ratio"] - 1)) == 21

# %% [markdown]
# ## 7. De opleidingsmix: hbo en wo
#
# De productbeschrijving noemt hbo en wo onder verantwoordelijkheid van een
# gedragswetenschapper. Als de helft van de begeleiding door een wo'er gebeurt, kost dat
# **ruim € 15 per dagdeel** meer; alleen wo'ers ruim € 30. Ook de wo'er bereidt voor binnen
# het dagdeel.

# %%
hbo, wo = "product.ratio.mix.hbo", "product.ratio.mix.wo"
mix = analyse.productvergelijking(
    {
        "hbo": scenario,
        "hbo + wo": scenario.met(**{hbo: 0.5, wo: 0.5, "product.extra_uur.wo": 0.0}),
        "wo": scenario.met(**{hbo: 0.0, wo: 1.0, "product.extra_uur.wo": 0.0}),
    },
    basis="hbo",
)
ax = plots.opbouw_vergelijking(mix)
mix.loc[["uurkosten_direct", "opbouw.personeel_direct", "tarief_per_client"]]

# %%
tm = mix.loc["tarief_per_client"]
assert 15 < tm["hbo + wo"] - tm["hbo"] < 15.25
assert 30 < tm["wo"] - tm["hbo"] < 30.25

# %% [markdown]
# ## 8. De gedragswetenschapper
#
# Centraal: een half uur per dagdeel, **5 uur per groep per week**. Elk uur per week kost
# hier bijna € 2,75 per cliënt per dagdeel, ruim twee keer zoveel als bij licht: het uur wordt
# over 3,6 in plaats van 8,5 cliënten verdeeld.

# %%
gw = analyse.indirect_per_week(scenario, "wo", [0, 2.5, 5, 7.5, 10, 12.5, 15])
ax = plots.lijn(gw, "uren_per_week", punten=[(gw.attrs["basis_per_week"], uitkomst.tarief, "centraal: 5 uur")])

# %%
g = gw.set_index("uren_per_week")["tarief_per_client"]
per_uur = (g.loc[15] - g.loc[0]) / 15
print(f"elk uur per week: {euro(per_uur)} per cliënt per dagdeel")
assert gw.attrs["basis_per_week"] == 5
assert 2.7 < per_uur < 2.75
licht = analyse.indirect_per_week(tarieven.lees_scenario("41A22", PEILDATUM), "wo", [0, 10])["tarief_per_client"]
assert 2 < per_uur / ((licht.iloc[1] - licht.iloc[0]) / 10) < 2.5  # 8,5 / 3,6 billed clients

# %% [markdown]
# ## 9. Bij welke bezetting is een gesteld tarief kostendekkend?
#
# Bij **€ 140 per dagdeel is een bezetting van ruim 98 %** nodig: de groep van 4 moet vrijwel
# elk dagdeel vol zijn. In de praktijk **dekt € 140 de kosten in 2027 dus niet**; met de
# salarissen van 2025 (peildatum 2025-06-01) was dat bij ruim 93,5 % bezetting nog wel zo. Het
# geïndexeerde niveau van Den Haag (categorie 3) is op de centrale aannames bij geen enkele
# bezetting kostendekkend: ook een volle groep kost ruim € 13 per dagdeel meer.

# %%
break_even = analyse.break_even_bezetting(
    scenario, {"gesteld tarief": GESTELD_TARIEF, "Den Haag 2020, geïndexeerd": den_haag.bedrag}
)
b_gesteld = break_even.loc["gesteld tarief", "bezettingsgraad"]
per_bezetting = analyse.rooster(
    scenario, {"product.bezettingsgraad": [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0]}
)
ax = plots.lijn(
    per_bezetting,
    "product.bezettingsgraad",
    referentie=[(GESTELD_TARIEF, "gesteld tarief"), den_haag],
    punten=[(b_gesteld, GESTELD_TARIEF, f"kostendekkend bij {procent(b_gesteld, 1)}")],
)
break_even

# %%
b_2025 = analyse.break_even_bezetting(binnen_cao.scenario, {"gesteld tarief": GESTELD_TARIEF})
assert 0.98 < b_gesteld < 0.985
assert 0.935 < b_2025.loc["gesteld tarief", "bezettingsgraad"] < 0.94
assert not break_even.loc["Den Haag 2020, geïndexeerd", "haalbaar"]
assert 13 < break_even.loc["Den Haag 2020, geïndexeerd", "tekort_vol"] < 13.5

# %% [markdown]
# ## 10. Hoe zeker is het tarief?
#
# Dezelfde regel als bij licht (notebook 03, sectie 10): elke aanname met lezingen valt uit
# tussen haar lage en haar hoge lezing, met de centrale als meest waarschijnlijke; een
# onzekere waarde zonder lezingen ±10 % (`indicatief`) of ±20 % (`aanname`); de groep zelf,
# ook de personeelsnorm, blijft vast. **90 % van de uitkomsten ligt tussen ongeveer € 146 en
# € 181**; ook de gunstigste uitkomsten liggen boven Den Haag en boven het gestelde tarief van
# € 140 (in ruim 99 % van de uitkomsten kost een dagdeel meer). Dat bereik is veel smaller dan
# de band van sectie 2: hier valt elke invoer los van de andere uit en blijft de
# personeelsnorm vast, in de band gaan ze allemaal tegelijk dezelfde kant op.

# %%
onzeker = analyse.onzekerheid(scenario, 20_000, seed=2027)
ax = plots.histogram(onzeker, referentie=[den_haag, (GESTELD_TARIEF, "gesteld tarief")])

# %%
p5, p50, p95 = (onzeker.percentiel(p) for p in (5, 50, 95))
print(f"P5 {euro(p5)}, P50 {euro(p50)}, P95 {euro(p95)}")
assert 146 < p5 < 146.75
assert 180.5 < p95 < 181.25
assert p5 < uitkomst.tarief < p50 < p95
assert den_haag.bedrag < GESTELD_TARIEF < p5
assert (onzeker.trekkingen["tarief_per_client"] > GESTELD_TARIEF).mean() > 0.99
assert "product.ratio.kinderen_per_medewerker" not in analyse.onzekerheidsbanden(scenario).index
assert laag.tarief < p5
assert p95 < hoog.tarief

# %% [markdown]
# ## 11. Capaciteitsbekostiging naast P × Q
#
# Een plaats dagbesteding zwaar kost bij capaciteitsbekostiging **ongeveer € 66.000 per
# jaar** (het tarief bij volle bezetting maal 480 dagdelen). P × Q betaalt hetzelfde bij een
# werkelijke bezetting van ongeveer 90 %: de bezetting waarop het tarief berekend is, iets
# hoger omdat materieel alleen voor aanwezige cliënten meetelt.

# %%
bk = analyse.bekostiging(scenario)
print(bk)
ax = plots.bekostiging(bk)

# %%
assert 65_900 < bk.capaciteit_per_plaats_jaar < 66_100
assert 0.9 < bk.gelijke_bezetting < 0.905  # about 90 %, a little above

# %% [markdown]
# ## Samengevat
#
# - Een dagdeel dagbesteding zwaar kost in 2027 centraal € 152,27 per cliënt, op
#   geprojecteerde salarissen (op 2025-06-01: € 145,39), bij 1 begeleider op 3 kinderen; de
#   band loopt van € 75,85 (1 op 4) tot € 355,34 (1 op 2). Dat is 1,8 keer licht; het
#   geïndexeerde Den Haagse niveau van categorie 3 (€ 124,24) ligt binnen de band, op 82 % van
#   het centrale tarief.
# - Het verschil met licht is vooral het aantal cliënten per begeleider (2,7 tegen 4,25); een
#   uur begeleiding is maar 4 % duurder.
# - Bij € 140 is een bezetting van ruim 98 % nodig (in 2025 ruim 93,5 %): in 2027 dekt € 140
#   de kosten in de praktijk niet. 90 % van de uitkomsten van de onzekerheidsanalyse ligt
#   tussen ongeveer € 146 en € 181.
