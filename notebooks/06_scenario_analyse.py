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
# # Scenario-analyse: wat als?
#
# Een groep van 8 in plaats van 10, 75 % bezetting in plaats van 90 %, een HBO'er in plaats
# van twee MBO'ers, een CAO-verhoging van 3 %: dit notebook beantwoordt zulke vragen voor
# dagbesteding licht (41A22), met `tarieven.analyse` en de plots uit `tarieven.plots`.
#
# - **rooster**: alle combinaties van een paar invoeren in één keer (een miljoen is geen probleem);
# - **gevoeligheid**: elke invoer 10 % omlaag en omhoog, gesorteerd naar effect (de tornado);
# - **onzekerheid**: Monte Carlo over invoer met een verdeling, met P5, P50 en P95;
# - **doelzoeken**: welke bezetting, groepsgrootte of welk loon hoort bij een tarief?
# - **bekostiging**: capaciteitsbekostiging naast P × Q.

# %%
# %matplotlib inline
import time

import numpy as np

import tarieven
from tarieven import analyse, plots
from tarieven.afronding import op_centen
from tarieven.weergave import euro

VOORBEELD = tarieven.voorbeeld("dagbesteding-licht")  # shipped with the package: works from any folder
scenario = tarieven.lees_scenario(VOORBEELD)
basis = tarieven.bereken(scenario)
print(f"Tarief per cliënt per dagdeel: {euro(basis.tarief)}")
assert str(op_centen(basis.tarief)) == "90.48"  # het rekenvoorbeeld van docs/methode.md

# %% [markdown]
# ## Waar komt het tarief vandaan?
#
# De waterval loopt van het directe personeel via huisvesting en materieel naar de opslagen
# voor overhead en risico. De stukken tellen op tot het tarief.

# %%
ax = plots.waterval(basis)
assert abs(sum(p.get_height() for p in ax.patches[:-1]) - basis.tarief) < 1e-9

# %% [markdown]
# ## Rooster: groepsgrootte en bezettingsgraad
#
# Alle combinaties van 6 tot 12 plaatsen en 70 % tot 100 % bezetting. Bij 1 begeleider op
# 5 kinderen is een groep van 10 het gunstigst: bij 11 plaatsen is een derde begeleider
# nodig en springt het tarief omhoog.

# %%
rooster = analyse.rooster(
    scenario, {"product.groepsgrootte": np.arange(6, 13), "product.bezettingsgraad": np.linspace(0.7, 1.0, 7)}
)
ax = plots.heatmap(rooster, "product.groepsgrootte", "product.bezettingsgraad")
rooster[["product.groepsgrootte", "product.bezettingsgraad", "medewerkers_totaal", "tarief_per_client"]].head()

# %%
# every row is exactly what the single-scenario API gives
rij = rooster[(rooster["product.groepsgrootte"] == 8) & (rooster["product.bezettingsgraad"] == 0.75)].iloc[0]
enkel = tarieven.bereken(scenario.met(**{"product.groepsgrootte": 8, "product.bezettingsgraad": 0.75}))
assert rij["tarief_per_client"] == enkel.tarief
print(f"Groep van 8 bij 75 % bezetting: {euro(enkel.tarief)} per cliënt per dagdeel")
assert rooster.loc[rooster["product.groepsgrootte"] == 11, "medewerkers_totaal"].eq(3).all()

# %% [markdown]
# Dezelfde vraag als lijn: het tarief naar bezettingsgraad, één lijn per groepsgrootte.

# %%
lijnen = analyse.rooster(
    scenario, {"product.groepsgrootte": [8, 10, 12], "product.bezettingsgraad": np.linspace(0.6, 1.0, 41)}
)
ax = plots.lijn(lijnen, "product.bezettingsgraad", groep="product.groepsgrootte")

# %% [markdown]
# ## Personeelsmix en CAO
#
# Een HBO'er in plaats van een MBO'er: bij een mix van twee functies volgt het andere
# aandeel vanzelf (HBO = 1 − MBO). Een CAO-verhoging van 3 % op alle salarissen rekenen
# we als één gewijzigd scenario.

# %%
mix = analyse.rooster(scenario, {"product.ratio.mix.mbo": [1.0, 0.5, 0.0]}, regels=["tarief_per_client"])
print(mix.to_string(index=False))
assert mix["product.ratio.mix.hbo"].tolist() == [0.0, 0.5, 1.0]
assert mix["tarief_per_client"].is_monotonic_increasing  # HBO costs more per hour than MBO

cao = scenario.met(
    **{
        f"functies.{f}.maandsalaris": scenario.waarden[f"functies.{f}.maandsalaris"] * 1.03
        for f in ("mbo", "hbo", "wo")
    }
)
na_cao = tarieven.bereken(cao).tarief
print(f"CAO + 3 %: {euro(basis.tarief)} -> {euro(na_cao)}")
# personnel is most of the tariff but not all of it (housing, material): the tariff rises by less than 3 %
assert 1.0 < na_cao / basis.tarief < 1.03

# %% [markdown]
# ## Een miljoen scenario's
#
# 100 groepsgroottes × 100 bezettingsgraden × 100 MBO-salarissen, met de volledige opbouw
# (alle regels als kolommen): één gevectoriseerde berekening.

# %%
start = time.perf_counter()
miljoen = analyse.rooster(
    scenario,
    {
        "product.groepsgrootte": np.arange(1, 101),
        "product.bezettingsgraad": np.linspace(0.5, 1.0, 100),
        "functies.mbo.maandsalaris": np.linspace(2500, 4500, 100),
    },
)
duur = time.perf_counter() - start
print(f"{len(miljoen):,} scenario's in {duur:.2f} s".replace(",", "."))
assert len(miljoen) == 1_000_000
assert miljoen.shape[1] == 3 + len(tarieven.regeldefinities(scenario.structuur)) + 1  # inputs, lines, warnings
assert miljoen["tarief_per_client"].notna().all()

# %% [markdown]
# Het rooster stopt niet voor een ongebruikelijke waarde. De kolom `waarschuwingen` telt per
# scenario wat één berekening zou melden (een invoer buiten het gebruikelijke bereik, een
# salaris onder het minimumloon, een tarief boven het plafond); `attrs` zegt per reden hoeveel
# scenario's het raakt. Hier: groepen van meer dan 30 kinderen zijn ongebruikelijk, en de
# laagste salarissen liggen onder het gebruikelijke bereik.

# %%
print(f"{(miljoen['waarschuwingen'] > 0).mean():.1%} van de scenario's heeft een waarschuwing")
miljoen.attrs["waarschuwingen"]

# %%
laagste = scenario.veld("functies.mbo.maandsalaris").plausibel[0]
reden = next(k for k in miljoen.attrs["waarschuwingen"] if k.startswith("functies.mbo.maandsalaris"))
assert (miljoen["functies.mbo.maandsalaris"] < laagste).sum() == miljoen.attrs["waarschuwingen"][reden]
del miljoen

# %% [markdown]
# ## Gevoeligheid: de tornado
#
# Elke invoer 10 % omlaag (groen) en omhoog (rood). Bovenaan staat wat het tarief het meest
# beweegt. De ratio en de groepsgrootte springen door de afronding op hele begeleiders.

# %%
gevoelig = analyse.gevoeligheid(scenario, procent=10)
ax = plots.tornado(gevoelig, aantal=12)
gevoelig[["label", "invoer_laag", "invoer_hoog", "effect_laag", "effect_hoog"]].head(6)

# %%
assert gevoelig.index[0] == "product.ratio.kinderen_per_medewerker"  # 1:4,5 means a third staff member
assert (
    gevoelig.loc["product.bezettingsgraad", "effect_hoog"] < 0 < gevoelig.loc["product.bezettingsgraad", "effect_laag"]
)
assert gevoelig.loc["functies.hbo.maandsalaris", "effect_hoog"] > 0

# %% [markdown]
# ## Onzekerheid: Monte Carlo
#
# De bezetting ligt ergens tussen 70 % en 95 %, meest waarschijnlijk 85 %; het MBO-salaris
# is normaal verdeeld rond € 3.250 (tussen € 3.000 en € 3.600); de overhead ligt tussen 20 %
# en 30 %. Met een vaste seed geeft elke run dezelfde trekkingen.

# %%
verdelingen = {
    "product.bezettingsgraad": analyse.Driehoek(0.70, 0.85, 0.95),
    "functies.mbo.maandsalaris": analyse.Normaal(3250, 150, laag=3000, hoog=3600),
    "opslagen.overhead": analyse.Uniform(0.20, 0.30),
}
mc = analyse.monte_carlo(scenario, verdelingen, 100_000, seed=2027)
ax = plots.histogram(mc)
mc.percentielen.loc[["tarief_per_client", "tarief_per_uur", "product.bezettingsgraad"]]

# %%
p5, p50, p95 = (mc.percentielen.loc["tarief_per_client", k] for k in ("P5", "P50", "P95"))
print(f"P5 {euro(p5)}, P50 {euro(p50)}, P95 {euro(p95)}")
assert p5 < p50 < p95
opnieuw = analyse.monte_carlo(scenario, verdelingen, 100_000, seed=2027)
assert opnieuw.trekkingen.equals(mc.trekkingen)  # reproducible

# %% [markdown]
# ## Doelzoeken
#
# - Bij welke bezetting komt het tarief op € 95,00 (de break-even bezetting bij een
#   gegeven prijs)?
# - Wat is de kleinste groep waarbij het tarief hoogstens € 95,00 is?
# - Welk MBO-salaris betaalt een tarief van € 95,00?

# %%
bezetting = analyse.doelzoek(scenario, "product.bezettingsgraad", 95.0)
groep = analyse.doelzoek(scenario, "product.groepsgrootte", 95.0)
loon = analyse.doelzoek(scenario, "functies.mbo.maandsalaris", 95.0)
print(f"bezetting {bezetting:.1%}, groep {groep:.0f} plaatsen, MBO-salaris {euro(loon)} per maand")

# solve, then compute: the target to the cent
for sleutel, waarde in (("product.bezettingsgraad", bezetting), ("functies.mbo.maandsalaris", loon)):
    assert str(op_centen(tarieven.bereken(scenario.met(**{sleutel: waarde})).tarief)) == "95.00"
assert groep == 10

# %% [markdown]
# Doelzoeken over een rooster: de break-even bezetting bij € 110 per groepsgrootte.

# %%
break_even = analyse.doelzoek_rooster(
    scenario, "product.bezettingsgraad", 110.0, {"product.groepsgrootte": [8, 9, 10, 12]}
)
break_even

# %%
assert break_even["tarief_per_client"].sub(110.0).abs().max() < 1e-6

# %% [markdown]
# ## Bekostiging: capaciteit of P × Q
#
# Haaglanden weegt voor 2027 capaciteitsbekostiging (een bedrag per plaats per jaar, ook
# als de plaats leeg blijft) tegen P × Q (het tarief per gedeclareerd dagdeel). De
# capaciteitsprijs is het tarief bij volle bezetting maal de dagdelen per jaar; P × Q
# betaalt het tarief (berekend bij 85 % bezetting) maal de dagdelen maal de werkelijke
# bezetting. Waar de lijnen kruisen, betalen ze hetzelfde (gemarkeerd).

# %%
bk = analyse.bekostiging(scenario)
print(bk)
ax = plots.bekostiging(bk)

# %%
assert abs(bk.tarief_pxq * bk.eenheden_per_jaar * bk.gelijke_bezetting - bk.capaciteit_per_plaats_jaar) < 1e-6
assert 0.85 < bk.gelijke_bezetting < 0.87
