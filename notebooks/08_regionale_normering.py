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
# # Regionale normering: van inzendingen naar een tariefband
#
# Op de schriftelijke marktconsultatie van Jeugdhulp Haaglanden reageerden 59
# jeugdhulpaanbieders (Jeugdhulp Haaglanden, *Samenvatting deeltafel marktconsultatie segment
# Dagbehandeling/Dagbesteding*, 19 juni 2025). Een kostprijsuitvraag is de natuurlijke
# volgende stap: elke aanbieder geeft zijn eigen cijfers op het regionale product, en de regio
# zet de uitkomsten naast elkaar zoals de NZa dat doet in een kostenonderzoek: per product de
# verdeling, een band, en waarom sommige aanbieders ver buiten die band liggen.
#
# **Dit notebook gebruikt 59 synthetische inzendingen** (`tarieven.synthetisch`, elk
# gemarkeerd als synthetisch, getrokken binnen de gebruikelijke grenzen van elk veld): geen
# enkele echte aanbieder. Zo laat het zien hoe een analist het verslag opbouwt; met echte
# inzendingen (ingevulde Excel-sjablonen of scenariobestanden) is het dezelfde aanroep.

# %%
# %matplotlib inline
import tempfile
from pathlib import Path

import pandas as pd

import tarieven
from tarieven import plots
from tarieven.normering import normeer
from tarieven.synthetisch import LABEL, schrijf_inzendingen, synthetische_inzendingen
from tarieven.voorbeeldmap import voorbeelden_pad
from tarieven.weergave import euro

PEILDATUM = "2027-01-01"
map_ = Path(tempfile.mkdtemp(prefix="inzendingen-"))
inzendingen = synthetische_inzendingen(59, seed=2027)
schrijf_inzendingen(map_, inzendingen)
print(f"{len(inzendingen)} inzendingen, bijvoorbeeld {inzendingen[0]['aanbieder']['code']}:")
print((map_ / f"{inzendingen[0]['aanbieder']['code']}.toml").read_text(encoding="utf-8"))

# %%
assert all(d["beschrijving"] == LABEL for d in inzendingen)  # every one labelled synthetic
assert len(list(map_.glob("*.toml"))) == 59

# %% [markdown]
# ## De cijfers per product, zoals ingediend
#
# `normeer` prijst elke inzending zoals `tarieven bereken` dat zou doen, en geeft per product
# het aantal inzendingen, de mediaan, het eerste en derde kwartiel, de mediaan gewogen naar
# het gedeclareerde volume, de uitschieters (buiten Q1 − 1,5 × IQR of Q3 + 1,5 × IQR) en een
# voorgestelde band (hier Q1 tot Q3). Aanbieders verschijnen alleen met hun code.

# %%
norm = normeer(map_, peildatum=PEILDATUM)
samenvatting = pd.DataFrame({p: pn.kengetallen() for p, pn in norm.producten.items()}).T[
    ["n", "kwartiel_1", "mediaan", "kwartiel_3", "gewogen_mediaan", "uitschieters"]
]
regio = {p: tarieven.bereken(p, PEILDATUM).tarief for p in norm.producten}
samenvatting["tarief_regio"] = pd.Series(regio)
samenvatting.style.format({k: euro for k in ("kwartiel_1", "mediaan", "kwartiel_3", "gewogen_mediaan", "tarief_regio")})

# %%
for p, pn in norm.producten.items():
    k = pn.kengetallen()
    tabel = norm.tabel()
    reeks = tabel.loc[tabel["product"] == p, "tarief"]
    # the figures are pandas' quantiles of the submissions' tariffs
    assert (k["kwartiel_1"], k["mediaan"], k["kwartiel_3"]) == tuple(reeks.quantile([0.25, 0.5, 0.75]))
    assert k["kwartiel_1"] <= k["gewogen_mediaan"] <= k["kwartiel_3"] or k["uitschieters"]
assert not norm.fouten
assert sum(pn.kengetallen()["n"] for pn in norm.producten.values()) == 59

# %% [markdown]
# ## Dagbesteding licht: de verdeling, de band en het meegeleverde tarief
#
# Elke stip is een aanbieder. Het groene vlak is de voorgestelde band, de streep de mediaan,
# een kruisje een uitschieter. De stippellijn is het meegeleverde tarief van de regio (op
# geprojecteerde salarissen van 2027).

# %%
licht = norm.producten["41A22"]
ax = plots.band(licht, referentie=(regio["41A22"], "meegeleverd tarief 41A22"))

# %% [markdown]
# De synthetische aanbieders liggen in doorsnee boven het meegeleverde tarief: ze trekken hun
# groepsgrootte, bezetting, overhead en salarissen rond die van het product, en vooral een
# lagere bezetting of een kleinere groep maakt een dagdeel duurder; het meegeleverde tarief
# rekent met een groep van 10 en 85 % bezetting. Waar ze van elkaar verschillen, laat de
# opbouw zien: vooral in het directe personeel, daarna in de overhead.

# %%
ax = plots.spreiding(licht)

# %%
k = licht.kengetallen()
assert regio["41A22"] < k["mediaan"]
breedst = [naam for naam, _, _ in licht.spreiding()[:2]]
assert breedst == ["opbouw.personeel_direct", "opbouw.overhead"]

# %% [markdown]
# ## Een gemeenschappelijke basis
#
# Verschillen in bezetting zijn geen verschillen in kosten: een aanbieder met een halflege
# groep rekent per dagdeel meer, maar dat hoort niet in de norm. De regio legt daarom in een
# normenbestand (zelfde formaat als een parameterbestand, met bron en status) vast welke
# invoer voor iedereen gelijk wordt: hier een bezetting van 85 % voor iedereen, en een
# overhead van ten hoogste 20 % (begrensd, niet vervangen). Dit normenbestand komt als voorbeeld
# met `tarieven` mee (`voorbeelden/normering/normen.toml`).

# %%
normen = voorbeelden_pad() / "normering" / "normen.toml"  # het voorbeeld dat met tarieven meekomt
print(normen.read_text(encoding="utf-8"))

# %%
op_basis = normeer(map_, normen=normen, peildatum=PEILDATUM)
licht_basis = op_basis.producten["41A22"]
ax = plots.band(licht_basis, referentie=(regio["41A22"], "meegeleverd tarief 41A22"))

# %% [markdown]
# Op de gemeenschappelijke basis ligt de verdeling smaller: wat overblijft zijn verschillen in
# salarissen, groepsgrootte en huisvesting, de kosten waar een aanbieder werkelijk op
# verschilt. De band op die basis is wat een regio als norm zou kunnen voorstellen.

# %%
ingediend, basis = licht_basis.kengetallen(), licht_basis.kengetallen(op_basis=True)
iqr = {
    "ingediend": ingediend["kwartiel_3"] - ingediend["kwartiel_1"],
    "basis": basis["kwartiel_3"] - basis["kwartiel_1"],
}
print(f"IQR zoals ingediend {euro(iqr['ingediend'])}, op gemeenschappelijke basis {euro(iqr['basis'])}")
print(f"voorgestelde band op de basis: {euro(basis['band'][0])} tot {euro(basis['band'][1])} ({basis['bandregel']})")
assert iqr["basis"] < iqr["ingediend"]
assert basis["mediaan"] < ingediend["mediaan"]  # the norm occupancy (85 %) is above most providers' own

# %% [markdown]
# ## Wat het verslag meeneemt
#
# `tarieven normeer MAP --normen normen.toml --excel verslag.xlsx` schrijft hetzelfde als
# werkmap (samenvatting, inzendingen per code, spreiding, normen, weggelaten inzendingen), en
# `--formaat json` als gegevens voor andere hulpmiddelen. Een inzending die niet klopt, staat
# met haar fout in het verslag en telt niet mee; de koppeling van code en aanbieder blijft in
# een apart bestand (`--sleutel`).
