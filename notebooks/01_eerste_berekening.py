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
# # Eerste berekening: dagbesteding licht
#
# Dit notebook rekent het tarief van een dagbesteding-lichtgroep (41A22) uit een
# scenariobestand, laat zien waar elke euro vandaan komt, en beantwoordt de eerste
# "wat als"-vraag: wat als de groep kleiner of groter is?
#
# Het scenario staat in `voorbeelden/dagbesteding-licht.toml`: groep van 10 plaatsen,
# bezetting 85 %, 1 begeleider per 5 kinderen (MBO en HBO half om half), een
# gedragswetenschapper een kwartier per dagdeel op afstand.

# %%
# %matplotlib inline
import numpy as np

import tarieven
from tarieven import analyse, plots

VOORBEELD = tarieven.voorbeeld("dagbesteding-licht")  # shipped with the package: works from any folder
scenario = tarieven.lees_scenario(VOORBEELD)
uitkomst = tarieven.bereken(scenario)
uitkomst

# %% [markdown]
# Het tarief per cliënt per dagdeel, in volle precisie en afgerond zoals het wordt
# gepubliceerd (op centen, half naar boven):

# %%
print(f"{uitkomst.tarief:.6f}  ->  {uitkomst.regel('tarief_per_client').toon()}")
assert str(uitkomst.regel("tarief_per_client").afgerond) == "90.48"  # het rekenvoorbeeld van docs/methode.md

# %% [markdown]
# ## De opbouw als tabel
#
# Elke regel heeft een waarde, een eenheid en een formule. Met pandas is de opbouw
# verder te bewerken.

# %%
opbouw = uitkomst.to_frame()
opbouw.loc[[n for n in opbouw.index if n.startswith("opbouw.")], ["waarde", "afgerond", "formule"]]

# %% [markdown]
# ## Wat als de groep 6 tot 12 plaatsen heeft?
#
# De rekenkern neemt arrays: één aanroep rekent alle groepsgroottes tegelijk. Bij 1
# begeleider op 5 kinderen springt het aantal begeleiders bij 11 plaatsen van 2 naar 3;
# daar maakt het tarief een sprong omhoog.

# %%
groottes = np.arange(6, 13, dtype=float)
regels = tarieven.bereken_regels(scenario.structuur, {**scenario.waarden, "product.groepsgrootte": groottes})
per_grootte = regels["tarief_per_client"]
print([tarieven.weergave.euro(t) for t in per_grootte])

# %% [markdown]
# Dezelfde vraag met `tarieven.analyse.rooster` (één rij per scenario, met labels en eenheden)
# en als grafiek met `tarieven.plots`:

# %%
per_groep = analyse.rooster(scenario, {"product.groepsgrootte": groottes})
ax = plots.lijn(per_groep, "product.groepsgrootte")

# %%
# The vectorised call gives, per group size, what the single-scenario API gives.
for g, t in zip(groottes, per_grootte, strict=True):
    assert t == tarieven.bereken(scenario.met(**{"product.groepsgrootte": g})).tarief
assert per_groep["tarief_per_client"].tolist() == per_grootte.tolist()
# staff jumps from 2 to 3 between 10 and 11 places: the tariff jumps up there
assert regels["medewerkers_totaal"].tolist() == [2, 2, 2, 2, 2, 3, 3]
assert per_grootte[5] > per_grootte[4]

# %% [markdown]
# Verder: notebook 02 laat de meegeleverde producten zien; 03 tot en met 05 beantwoorden de
# vragen per product (dagbesteding licht, dagbesteding zwaar, GGZ groep); 06 is een
# overzicht van de analysegereedschappen.
