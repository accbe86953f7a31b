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
# **De meegeleverde keuzes** (`params/producten/41A24.toml`, elk een `aanname`): een groep
# van 4, gemiddeld 90 % bezet, 1 begeleider op 2 kinderen (dus 2 hbo'ers), een half uur
# extra tijd per begeleider per dagdeel, en een half uur gedragswetenschapper per dagdeel.
#
# Zoals bij licht rust 2027 op **geprojecteerde salarissen**: de cao-tabel van 2025 maal de
# verwachte loonontwikkeling (+3,7 % en +2,6 %, een `aanname`; zie notebook 03 en
# `tarieven uitleg 41A24 --peildatum 2027-01-01`). Op peildatum 2025-06-01 kost een dagdeel
# zwaar € 235,66.

# %%
# %matplotlib inline
import tarieven
from tarieven import analyse, plots
from tarieven.weergave import euro, getal, procent

PEILDATUM = "2027-01-01"
GESTELD_TARIEF = 225.00  # euro per cliënt per dagdeel: zet hier uw eigen tarief

scenario = tarieven.lees_scenario("41A24", PEILDATUM)
uitkomst = tarieven.bereken(scenario)
den_haag = tarieven.gepubliceerd_tarief("den_haag_2020.pgb.dagbesteding_categorie_3")
tarieven.productoverzicht(PEILDATUM).loc[["41A24"]]

# %%
binnen_cao = tarieven.bereken("41A24", "2025-06-01")
print(f"2025-06-01: {euro(binnen_cao.tarief)}; {PEILDATUM}: {euro(uitkomst.tarief)}")
assert round(binnen_cao.tarief, 2) == 235.66
assert uitkomst.scenario.herkomst["functies.hbo.maandsalaris"].geprojecteerd

# %% [markdown]
# ## 1. Wat kost een dagdeel?
#
# Op de meegeleverde parameters **bijna € 249 per cliënt per dagdeel** (ongeveer € 62 per
# uur). Ook hier is twee derde direct personeel: twee hbo'ers van 4,5 uur voor gemiddeld
# 3,6 gedeclareerde cliënten. Het hoogste Den Haagse niveau uit 2020 (categorie 3,
# geïndexeerd naar prijspeil 2025, ongeveer € 124) is daar **precies de helft** van (met de
# salarissen van 2025 was het nog ruim de helft).

# %%
print(f"Tarief per cliënt per dagdeel: {euro(uitkomst.tarief)}, per uur {euro(uitkomst['tarief_per_uur'])}")
ax = plots.waterval(uitkomst, referentie=den_haag)
print(den_haag.uitleg().split("\n")[0])

# %%
aandeel_direct = uitkomst["opbouw.personeel_direct"] / uitkomst.tarief
print(f"direct personeel {procent(aandeel_direct, 1)}; Den Haag geïndexeerd {euro(den_haag.bedrag)}")
assert 248 < uitkomst.tarief < 249
assert 61.5 < uitkomst["tarief_per_uur"] < 62.5
assert 0.64 < aandeel_direct < 0.69  # two thirds
assert 123.5 < den_haag.bedrag < 124.5
assert 0.495 < den_haag.bedrag / uitkomst.tarief < 0.505  # half
assert 0.5 < den_haag.bedrag / binnen_cao.tarief < 0.55  # a little over half in 2025

# %% [markdown]
# ## 2. Waarom kost zwaar wat het kost?
#
# Licht, middel en zwaar naast elkaar. Zwaar kost ongeveer **2,5 keer** zoveel per cliënt
# als licht. Bijna het hele verschil zit in het aantal begeleiders per cliënt: twee
# begeleiders op 3,6 gedeclareerde cliënten (1,8 per begeleider) tegen twee op 8,5 bij licht
# (4,25 per begeleider). Een uur van de begeleiders is bij zwaar maar 4 % duurder (alleen
# hbo in plaats van mbo en hbo). De gedragswetenschapper en de huisvesting worden over minder
# cliënten verdeeld; de opslagen groeien mee met de kostprijs.

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
assert 2.4 < factor["tarief_per_client"] < 2.5  # about 2,5 times
assert 0.4 < factor["clienten_per_medewerker"] < 0.45
assert 1.035 < factor["uurkosten_direct"] < 1.045  # 4 % dearer
assert factor["uren_direct"] == 1  # same hours per dagdeel: the difference is clients per staff member
# direct staff per client follows from hours, hourly cost and clients per staff member exactly
assert abs(factor["opbouw.personeel_direct"] - factor["uurkosten_direct"] / factor["clienten_per_medewerker"]) < 1e-9

# %% [markdown]
# ## 3. Wat drijft het tarief?
#
# Bij een groep van 4 weegt elke plaats zwaar: een plaats meer of minder verandert het tarief
# met tientallen euro's. Bovenaan staan de personeelsnorm (bij 1 op 1,8 een derde
# begeleider), de groepsgrootte en de bezettingsgraad; daarna het hbo-salaris en de
# productiviteit. Vaste CAO-gegevens varieert de tornado niet.

# %%
gevoelig = analyse.gevoeligheid(scenario)
ax = plots.tornado(gevoelig)

# %%
assert list(gevoelig.index[:3]) == [
    "product.ratio.kinderen_per_medewerker",
    "product.groepsgrootte",
    "product.bezettingsgraad",
]
assert set(gevoelig.index[3:5]) == {"functies.hbo.maandsalaris", "functies.hbo.productiviteit"}
assert gevoelig.loc["product.groepsgrootte", "bereik"] > 30
assert not any(scenario.veld(k).vast for k in gevoelig.index)

# %% [markdown]
# ## 4. Groepsgrootte en bezetting
#
# Een groep van 2 of 4 past precies bij 1 begeleider op 2; een groep van 3 heeft er twee
# nodig en is duurder dan een groep van 2. Omlijnd: wat binnen het gestelde tarief blijft
# (€ 225: **alleen een volle groep van 4**, en die maar net: € 224,23). Met de salarissen van
# 2025 bleef ook een groep van 4 die voor 95 % bezet is binnen € 225.

# %%
rooster = analyse.rooster(
    scenario, {"product.groepsgrootte": range(1, 5), "product.bezettingsgraad": [0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0]}
)
ax = plots.heatmap(
    rooster, "product.groepsgrootte", "product.bezettingsgraad", referentie=(GESTELD_TARIEF, "gesteld tarief")
)

# %%
r = rooster.pivot(index="product.bezettingsgraad", columns="product.groepsgrootte", values="tarief_per_client")
assert (r[3] > r[2]).all()
assert (r[4] < r[2]).all()
binnen = rooster[rooster["tarief_per_client"] <= GESTELD_TARIEF]
assert set(binnen["product.groepsgrootte"]) == {4}
assert binnen["product.bezettingsgraad"].tolist() == [1.0]
assert 224 < binnen["tarief_per_client"].iloc[0] < 224.5
vier_2025 = analyse.rooster(binnen_cao.scenario, {"product.bezettingsgraad": [0.9, 0.95]})["tarief_per_client"]
assert vier_2025.iloc[1] <= GESTELD_TARIEF < vier_2025.iloc[0]

# %% [markdown]
# ## 5. Wat doet personeelstekort?
#
# Bij vast personeel (twee begeleiders) verdubbelt het tarief als de groep van 4 naar 2
# gaat. Bij een vaste ratio van 1 op 2 volstaat voor 2 kinderen één begeleider: dan stijgt
# het tarief per kind maar ongeveer 13 %, en is het lager dan bij een groep van 3.

# %%
tekort = analyse.personeelstekort(scenario, range(1, 5))
ax = plots.lijn(tekort, "groepsgrootte", ["vast_personeel", "vaste_ratio"], referentie=den_haag)
tekort

# %%
t = tekort.set_index("groepsgrootte")
assert 1.9 < t.loc[2, "vast_personeel"] / t.loc[4, "vast_personeel"] < 2.0
assert t.loc[2, "medewerkers_ratio"] == 1
assert 0.125 < t.loc[2, "vaste_ratio"] / t.loc[4, "vaste_ratio"] - 1 < 0.135
assert t.loc[2, "vaste_ratio"] < t.loc[3, "vaste_ratio"]

# %% [markdown]
# ## 6. De opleidingsmix: hbo en wo
#
# De productbeschrijving noemt hbo en wo onder verantwoordelijkheid van een
# gedragswetenschapper. Een wo'er in plaats van een van de twee hbo'ers kost **ruim € 27 per
# dagdeel** meer; twee wo'ers bijna € 55.

# %%
hbo, wo = "product.ratio.mix.hbo", "product.ratio.mix.wo"
mix = analyse.productvergelijking(
    {
        "2 hbo": scenario,
        "hbo + wo": scenario.met(**{hbo: 0.5, wo: 0.5, "product.extra_uur.wo": 0.5}),
        "2 wo": scenario.met(**{hbo: 0.0, wo: 1.0, "product.extra_uur.wo": 0.5}),
    },
    basis="2 hbo",
)
ax = plots.opbouw_vergelijking(mix)
mix.loc[["uurkosten_direct", "opbouw.personeel_direct", "tarief_per_client"]]

# %%
tm = mix.loc["tarief_per_client"]
assert 27 < tm["hbo + wo"] - tm["2 hbo"] < 27.5
assert 54.5 < tm["2 wo"] - tm["2 hbo"] < 55

# %% [markdown]
# ## 7. De gedragswetenschapper
#
# Meegeleverd: een half uur per dagdeel, **5 uur per groep per week**. Elk uur per week kost
# hier bijna € 3 per cliënt per dagdeel, ruim twee keer zoveel als bij licht: het uur wordt
# over 3,6 in plaats van 8,5 cliënten verdeeld.

# %%
gw = analyse.indirect_per_week(scenario, "wo", [0, 2.5, 5, 7.5, 10, 12.5, 15])
ax = plots.lijn(gw, "uren_per_week", punten=[(gw.attrs["basis_per_week"], uitkomst.tarief, "meegeleverd: 5 uur")])

# %%
g = gw.set_index("uren_per_week")["tarief_per_client"]
per_uur = (g.loc[15] - g.loc[0]) / 15
print(f"elk uur per week: {euro(per_uur)} per cliënt per dagdeel")
assert gw.attrs["basis_per_week"] == 5
assert 2.9 < per_uur < 3.0
licht = analyse.indirect_per_week(tarieven.lees_scenario("41A22", PEILDATUM), "wo", [0, 10])["tarief_per_client"]
assert 2 < per_uur / ((licht.iloc[1] - licht.iloc[0]) / 10) < 2.5  # 8,5 / 3,6 billed clients

# %% [markdown]
# ## 8. Bij welke bezetting is een gesteld tarief kostendekkend?
#
# Bij **€ 225 per dagdeel is een bezetting van 99,6 %** nodig: de groep van 4 moet vrijwel
# elk dagdeel vol zijn. In de praktijk **dekt € 225 de kosten in 2027 dus niet meer**; met de
# salarissen van 2025 (peildatum 2025-06-01) was dat bij ruim 94 % bezetting nog wel zo. Het
# geïndexeerde niveau van Den Haag (categorie 3) is op deze aannames bij geen enkele bezetting
# kostendekkend: ook een volle groep kost ongeveer € 100 per dagdeel meer.

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
assert 0.995 < b_gesteld < 0.998
assert 0.94 < b_2025.loc["gesteld tarief", "bezettingsgraad"] < 0.95
assert not break_even.loc["Den Haag 2020, geïndexeerd", "haalbaar"]
assert 99 < break_even.loc["Den Haag 2020, geïndexeerd", "tekort_vol"] < 101

# %% [markdown]
# ## 9. Hoe zeker is het tarief?
#
# Dezelfde regel als bij licht: elke `indicatieve` waarde ±10 %, elke `aanname` ±20 %,
# binnen het gebruikelijke bereik, de groep zelf vast; een geprojecteerd salaris ±11,9 % (de
# `indicatieve` tabel en de verwachte loonontwikkeling samen, zie notebook 03). **90 % van de
# uitkomsten ligt tussen ongeveer € 225 en € 313**; ook de gunstigste uitkomsten liggen ver
# boven Den Haag. Het gestelde tarief van € 225 ligt op de grens van de gunstigste 5 %.

# %%
onzeker = analyse.onzekerheid(scenario, 20_000, seed=2027)
ax = plots.histogram(onzeker, referentie=[den_haag, (GESTELD_TARIEF, "gesteld tarief")])

# %%
p5, p50, p95 = (onzeker.percentiel(p) for p in (5, 50, 95))
print(f"P5 {euro(p5)}, P50 {euro(p50)}, P95 {euro(p95)}")
assert 224 < p5 < 226.5
assert 311 < p95 < 315
assert p5 < uitkomst.tarief < p50 < p95
assert den_haag.bedrag < p5
assert abs(p5 - GESTELD_TARIEF) < 1.5

# %% [markdown]
# ## 10. Capaciteitsbekostiging naast P × Q
#
# Een plaats dagbesteding zwaar kost bij capaciteitsbekostiging **ongeveer € 107.600 per
# jaar** (het tarief bij volle bezetting maal 480 dagdelen). P × Q betaalt hetzelfde bij een
# werkelijke bezetting van ongeveer 90 %: de bezetting waarop het tarief berekend is, iets
# hoger omdat materieel alleen voor aanwezige cliënten meetelt.

# %%
bk = analyse.bekostiging(scenario)
print(bk)
ax = plots.bekostiging(bk)

# %%
assert 107_400 < bk.capaciteit_per_plaats_jaar < 107_800
assert 0.9 < bk.gelijke_bezetting < 0.905  # about 90 %, a little above

# %% [markdown]
# ## Samengevat
#
# - Een dagdeel dagbesteding zwaar kost in 2027 op de meegeleverde parameters bijna € 249 per
#   cliënt, op geprojecteerde salarissen (op 2025-06-01: € 235,66); 2,5 keer licht en twee keer
#   het geïndexeerde Den Haagse niveau van categorie 3.
# - Het verschil met licht is vooral het aantal cliënten per begeleider (1,8 tegen 4,25);
#   een uur begeleiding is maar 4 % duurder.
# - Bij € 225 is een bezetting van 99,6 % nodig (in 2025 ruim 94 %): in 2027 dekt € 225 de
#   kosten in de praktijk niet meer. De onzekerheidsband loopt van ongeveer € 225 tot € 313.
