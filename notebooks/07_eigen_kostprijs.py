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
# # Eigen kostprijs: een aanbieder naast het tarief van de regio
#
# De regio vraagt aanbieders om "een eigen berekening" te maken en die naast het tarief te
# leggen. Dit notebook doet dat zoals de controller van een aanbieder het zou doen:
#
# 1. **de eigen kostprijs** van dagbesteding licht (41A22) uit de eigen salarissen, het eigen
#    personeel per groep, de eigen bezetting en overhead; wat de aanbieder niet opgeeft, komt
#    van het product;
# 2. **regel voor regel naast de regio**, met wat het verschil verklaart: het verschil in het
#    tarief verdeeld over groepen invoer (de Shapley-decompositie: de delen tellen op tot het
#    verschil en hangen niet af van een volgorde);
# 3. **heen en terug via Excel**: het sjabloon dat de regio uitzet, ingevuld met dezelfde
#    cijfers en weer ingelezen, en de berekening als werkmap met levende formules.

# %%
# %matplotlib inline
import tempfile
from decimal import Decimal
from pathlib import Path

import matplotlib.pyplot as plt
import openpyxl

import tarieven
from tarieven import plots
from tarieven.afronding import op_centen

PEILDATUM = "2027-01-01"

# %% [markdown]
# ## 1. De eigen kostprijs
#
# De aanbieder bouwt voort op het product (`basis = "41A22"`) en geeft op wat bij hem anders
# is. Zijn personeel geeft hij als aantallen: die **vervangen** de ratio van het product (1 op
# 5), ze komen er nooit bij. Een gedragswetenschapper op afstand heeft hij niet: die invoer
# laat hij weg (`weglaten`).

# %%
eigen = {
    "basis": "41A22",
    "peildatum": PEILDATUM,
    "beschrijving": "Zorgboerderij De Linde: dagbesteding licht",
    "weglaten": ["product.indirect_uur.wo"],
    "aanbieder": {"naam": "Zorgboerderij De Linde", "volume": 1200},
    "product": {
        "groepsgrootte": 8,
        "bezettingsgraad": 0.9,
        "huisvesting_jaar": 18000,
        "personeel": [{"functie": "mbo", "aantal": 2}, {"functie": "hbo", "aantal": 1}],
    },
    "functies": {"mbo": {"maandsalaris": 3600}, "hbo": {"trede": "midden"}},
    "opslagen": {"overhead": 0.15},
}
u = tarieven.bereken(eigen)
regio = tarieven.bereken("41A22", PEILDATUM)
print(f"eigen tarief {u.tarief:.2f}, regio {regio.tarief:.2f}")
u

# %% [markdown]
# De opbouw klopt met de hand: de kostprijs per cliënt, gedeeld door 1 − 15 % overhead (als
# deel van de integrale kostprijs), maal 1 + 1,5 % risico (de opslag van de regio, die de
# aanbieder laat staan), is het tarief; drie medewerkers van elk 4 uur dragen het directe
# personeel (de voorbereiding valt, zoals bij het product, binnen het dagdeel).

# %%
assert u.scenario.waarden["opslagen.risico_opslag"] == 0.015
assert u.scenario.waarden["product.extra_uur.mbo"] == u.scenario.waarden["product.extra_uur.hbo"] == 0
assert abs(u.tarief - u["kostprijs_per_client"] / (1 - 0.15) * 1.015) < 1e-9
assert abs(u["personeel_direct"] - (2 * 4 * u["uurkosten.mbo"] + 1 * 4 * u["uurkosten.hbo"])) < 1e-9
assert u["personeel_indirect"] == 0.0
uitleg = u.uitleg().splitlines()
print(next(r for r in uitleg if r.startswith("Eigen invoer")))
print(next(r.strip() for r in uitleg if "product.duur_uur =" in r))
assert "weggelaten van het product: product.indirect_uur.wo" in u.uitleg()

# %% [markdown]
# ## 2. Regel voor regel naast de regio
#
# `tarieven.vergelijk` rekent beide kanten op dezelfde peildatum en zet elke regel naast
# elkaar. Het verschil in het tarief verdeelt het over groepen invoer: per groep het
# gemiddelde effect van die groep over alle volgorden waarin je de groepen van de regio naar
# de aanbieder kunt omzetten.

# %%
v = tarieven.vergelijk(eigen)
delen = v.delen_frame()
delen

# %%
getoond = op_centen(v.eigen.tarief) - op_centen(v.tegen.tarief)
assert sum((d.centen for d in v.delen), Decimal(0)) == getoond  # the parts add up, in cents too
assert abs(sum(d.bedrag for d in v.delen) - v.verschil) < 1e-9
print(f"verschil {getoond} euro; grootste deel: {v.delen[0].label} ({v.delen[0].centen} euro)")
v.to_frame().loc[["uurkosten.mbo", "personeel_direct", "kostprijs_per_client", "tarief_per_client"]]

# %% [markdown]
# Omwisselen van de twee berekeningen keert elk deel om: de verdeling hangt niet af van welke
# kant je "eerst" neemt.

# %%
omgekeerd = tarieven.vergelijk(v.tegen, v.eigen)
assert {d.groep: d.bedrag for d in omgekeerd.delen} == {d.groep: -d.bedrag for d in v.delen}

fig, ax = plt.subplots(figsize=(10, 5.5), layout="constrained")
plots.brug(v, ax=ax)

# %% [markdown]
# ## 3. Heen en terug via Excel
#
# De regio zet een sjabloon uit (`tarieven sjabloon 41A22 -o sjabloon.xlsx`). De aanbieder
# vult de gele cellen in; wat hij laat staan, blijft de waarde van het product. Hier vullen we
# het in met openpyxl, zoals Excel het zou opslaan, met dezelfde cijfers als hierboven.

# %%
map_ = Path(tempfile.mkdtemp())
sjabloon = tarieven.schrijf_sjabloon("41A22", map_ / "sjabloon.xlsx", PEILDATUM)
assert tarieven.bereken(sjabloon).tarief == regio.tarief  # untouched: the region's tariff

wb = openpyxl.load_workbook(sjabloon)
ws = wb["Invoer"]
rij = {c.value: c.row for c in ws["A"] if c.value}
for sleutel, waarde in {
    "aanbieder.naam": "Zorgboerderij De Linde",
    "aanbieder.volume": 1200,
    "product.groepsgrootte": 8,
    "product.bezettingsgraad": 0.9,
    "product.huisvesting_jaar": 18000,
    "product.indirect_uur.wo": 0,  # no behavioural scientist: 0 hours
    "product.personeel.mbo": 2,
    "product.personeel.hbo": 1,
    "functies.mbo.maandsalaris": 3600,
    "functies.hbo.trede": "midden",
    "opslagen.overhead": 0.15,
}.items():
    ws.cell(rij[sleutel], 3).value = waarde
wb.save(map_ / "ingevuld.xlsx")

uit_excel = tarieven.bereken(map_ / "ingevuld.xlsx")
assert op_centen(uit_excel["kostprijs_per_client"]) == op_centen(u["kostprijs_per_client"])
assert uit_excel.tarief == u.tarief
print(f"uit het sjabloon: {uit_excel.tarief:.2f} (zelfde als de eigen berekening)")

# %% [markdown]
# Een fout in het sjabloon noemt blad en cel:

# %%
ws.cell(rij["functies.mbo.maandsalaris"], 3).value = "veel"
wb.save(map_ / "fout.xlsx")
try:
    tarieven.bereken(map_ / "fout.xlsx")
except tarieven.InvoerFout as e:
    melding = str(e)
print(melding)
assert "(maandsalaris mbo) = 'veel'" in melding

# %% [markdown]
# De berekening zelf gaat ook naar Excel, met levende formules: elke regel is een formule over
# benoemde invoercellen, afgeleid uit dezelfde definitie als de uitleg. Een accountant die het
# maandsalaris wijzigt, ziet het tarief meebewegen. Elke regel heet naar zijn JSON-pad.

# %%
werkmap = u.naar_excel(map_ / "eigen-kostprijs.xlsx")
formules = openpyxl.load_workbook(werkmap)
(blad, cel), *_ = formules.defined_names["tarief_per_client"].destinations
print(blad, cel, formules[blad][cel.replace("$", "")].value)
assert formules[blad][cel.replace("$", "")].value == "=met_overhead*(1+opslagen_risico_opslag)"
