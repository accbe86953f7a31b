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
# # De meegeleverde producten: catalogus, aannames, peildatum en indexatie
#
# `tarieven` levert de producten uit de productbeschrijvingen van de regio mee, met de
# CAO Jeugdzorg, werkgeverspremies, pensioen en regionale normen. Dit notebook laat zien
# hoe je daarmee werkt:
#
# - **de catalogus**: alle producten met hun centrale tarief en de band eromheen, als tabel
#   en als grafiek;
# - **aannames**: op welke indicatieve waarden en aannames het tarief van dagbesteding
#   licht (41A22) rust, en wat het tarief wordt als je er één vervangt door je eigen waarde;
# - **peildatum of tariefjaar**: de CAO-tabellen stijgen op 1 maart 2025; welk tarief hoort
#   dan bij 2025?
# - **indexatie**: een tarief van 2024 naar 2025 met de VNG-indexcijfers, en waarom 2026
#   nog niet kan;
# - **de niveaucheck**: per product het centrale tarief, de band en een gepubliceerd niveau
#   ernaast, en welke groepen aannames het verschil tussen centraal en laag maken.
#
# Alle standaardwaarden zijn een vertrekpunt, geen vastgesteld tarief: elke waarde heeft
# een bron en een status (`definitief`, `afgeleid`, `indicatief` of `aanname`). Elke aanname
# heeft drie lezingen. De standaard is **centraal**: elke aanname op de lezing die in de
# openbare praktijk het midden houdt (de onderbouwing per aanname staat in `docs/methode.md`,
# *Aannames*). **Laag** en **hoog** zetten alle aannames tegelijk op hun laagste, of hun hoogste,
# nog verdedigbare lezing. Samen geven ze de **band**: een omhullende van wat met verdedigbare
# keuzes uit te rekenen is, geen betrouwbaarheidsinterval; dat alle aannames tegelijk aan
# dezelfde kant uitvallen, is zelf onwaarschijnlijk.

# %%
# %matplotlib inline
import datetime as dt
from decimal import Decimal

import numpy as np
import pandas as pd

import tarieven
from tarieven import analyse, plots
from tarieven.afronding import op_centen
from tarieven.indexatie import indexeer_jaren
from tarieven.indexcijfers import vng_indexaties
from tarieven.plots import procent_opmaak
from tarieven.weergave import euro

PEILDATUM = dt.date(2027, 1, 1)
pd.set_option("display.max_colwidth", 160)  # show the origins of the values in full

# %% [markdown]
# ## De catalogus als tabel
#
# `tarieven.producten()` geeft de productcodes; `tarieven.productoverzicht(peildatum)`
# berekent elk groepsproduct op de meegeleverde parameters die op de peildatum gelden:
# `tarief` op de centrale aannames, `tarief_laag` en `tarief_hoog` de band. Het
# tarief is per cliënt per eenheid (meestal een dagdeel; GGZ groep per sessie van
# anderhalf uur), het uurtarief is dat tarief gedeeld door de duur van de eenheid. Vervoer
# (42A03) is geen groepsproduct en staat niet in deze tabel: het heeft bedragen per
# afstandscategorie (`tarieven.vervoersbedragen()`, `tarieven bereken 42A03 --afstand ... --vorm ...`).

# %%
catalogus = tarieven.productoverzicht(PEILDATUM)

# the frame keeps full precision; this view shows it the Dutch way
procent = procent_opmaak()
catalogus.assign(
    groepsgrootte=catalogus["groepsgrootte"].map("{:g}".format),
    bezettingsgraad=catalogus["bezettingsgraad"].map(procent),
    duur_uur=catalogus["duur_uur"].map(lambda d: f"{d:g}".replace(".", ",")),
    tarief=catalogus["tarief"].map(euro),
    tarief_laag=catalogus["tarief_laag"].map(euro),
    tarief_hoog=catalogus["tarief_hoog"].map(euro),
    tarief_per_uur=catalogus["tarief_per_uur"].map(euro),
)

# %% [markdown]
# Drie controles op de tabel: `tarieven.bereken("41A22", peildatum)` (de productcode
# rechtstreeks) geeft hetzelfde tarief als de tabel, `aannames="laag"` en `"hoog"` geven de
# randen van de band, en het uurtarief maal de duur is het tarief. Elk centraal tarief ligt
# binnen zijn band. De verhoudingen tussen de producten volgen uit de
# productbeschrijvingen: licht < middel < zwaar; binnen dagbehandeling stijgt het tarief
# met de categorie; B ligt boven A (meer tijd van de gedragswetenschapper); een
# zorg-onderwijsarrangement ligt onder dagbehandeling van dezelfde categorie (minder
# begeleiding, onderwijs levert de ruimte).

# %%
assert list(catalogus.index) == [c for c in tarieven.producten() if c not in tarieven.vervoersbedragen(PEILDATUM)]
for code, rij in catalogus.iterrows():
    assert tarieven.bereken(code, PEILDATUM).tarief == rij["tarief"]
    assert tarieven.bereken(code, PEILDATUM, aannames="laag").tarief == rij["tarief_laag"]
    assert tarieven.bereken(code, PEILDATUM, aannames="hoog").tarief == rij["tarief_hoog"]
    assert rij["tarief_laag"] < rij["tarief"] < rij["tarief_hoog"]
    assert np.isclose(rij["tarief_per_uur"] * rij["duur_uur"], rij["tarief"], rtol=1e-12)

t = catalogus["tarief"]
assert t["41A22"] < t["41A23"] < t["41A24"]
for soort in ("41A00", "41A03", "ZOA"):
    assert t[f"{soort}-1"] < t[f"{soort}-2"] < t[f"{soort}-3"]
for cat in (1, 2, 3):
    assert t[f"ZOA-{cat}"] < t[f"41A00-{cat}"] < t[f"41A03-{cat}"]

# %% [markdown]
# ## De tarieven in een grafiek
#
# Links het tarief per eenheid, rechts per uur. Per uur zijn de producten het best te
# vergelijken: de sessie van GGZ groep duurt anderhalf uur, een dagdeel vier.

# %%
links = plots.catalogus(catalogus)
rechts = links.figure.axes[1]

# %%
assert [p.get_width() for p in links.patches] == catalogus["tarief"].tolist()
assert [p.get_width() for p in rechts.patches] == catalogus["tarief_per_uur"].tolist()

# %% [markdown]
# ## Gepubliceerde tarieven ter vergelijking
#
# `tarieven.gepubliceerde_tarieven()` geeft de tarieven die andere regio's of jaren
# publiceerden (`params/gepubliceerde-tarieven.toml`, elk met bron en status): nooit invoer
# van een berekening, alleen een niveau om naast een berekening te leggen. Een pgb-bedrag
# wordt omgerekend naar natura waar de regio het aandeel noemt (Den Haag 2020: het pgb is
# 75 % van natura), en elk bedrag wordt geïndexeerd naar hetzelfde prijspeil (het laatste
# jaar met een bekende jaarindex). De notebooks per product tekenen zo'n niveau als
# stippellijn; `tarieven.gepubliceerd_tarief(naam).uitleg()` laat de stappen zien. De
# Den Haagse niveaus zijn `indicatief`: de jaarindex van 2021 tot en met 2023 komt uit
# secundaire bronnen. De pgb-maxima voor dagbehandeling van Holland Rijnland zijn
# `definitief`: bedrag en index komen uit de publicaties zelf.

# %%
gepubliceerd = tarieven.gepubliceerde_tarieven()
gepubliceerd[["label", "jaar", "gepubliceerd", "pgb", "indexfactor", "bedrag", "status"]]

# %%
dh = gepubliceerd.loc[[f"den_haag_2020.pgb.dagbesteding_categorie_{i}" for i in (1, 2, 3)], "bedrag"]
assert dh.is_monotonic_increasing
assert gepubliceerd.attrs["prijsjaar"] == 2025
assert (gepubliceerd.loc[gepubliceerd.index.str.startswith("den_haag_2020"), "status"] == "indicatief").all()
hr = gepubliceerd.loc[[f"holland_rijnland_2024.pgb.dagbehandeling_{x}" for x in "ab"]]
assert (hr["status"] == "definitief").all()
assert t["41A22"] > dh.iloc[0]

# %% [markdown]
# ## Waar rust het tarief van dagbesteding licht op?
#
# `onzekere_invoer()` geeft de invoer met status `indicatief` (een waarde die nog niet in
# een primaire bron is gevonden, zoals de gereconstrueerde salaristabel) of `aanname` (een
# keuze van de regio of van dit pakket, met een toelichting). De `oorsprong` noemt het
# parameterbestand en de sleutel; `tarieven uitleg 41A22` toont ook de onderbouwing. In 2027
# is de CAO Jeugdzorg 2024-2025 afgelopen: de salarissen zijn geprojecteerd met de verwachte
# loonontwikkeling (het eindbod van de werkgevers, een aanname) en gemarkeerd als `geprojecteerd`;
# de andere cao-bepalingen en de premies van 2026 lopen ongewijzigd door. Daardoor is in 2027
# elke onzekere invoer een `aanname`, ook de gereconstrueerde salaristabel die in 2025
# `indicatief` is. De kolom `bronstatus` noemt de status van de waarde waaruit is
# geprojecteerd; de onzekerheidsanalyse (notebook 03, sectie 10) rekent daarmee. De kolom `lezing`
# noemt bij elke aanname met een lage en een hoge lezing welke gebruikt is: hier `centraal`, de
# standaard. Een cao-bepaling of premie die alleen ongewijzigd is doorgetrokken, heeft geen
# lezingen. De salaristrede per functie (trede 7) is zelf een aanname.

# %%
basis = tarieven.bereken("41A22", PEILDATUM)
onzeker = pd.DataFrame(
    [
        {
            "invoer": k,
            "waarde": basis.scenario.waarden.get(k, basis.scenario.invoer.get(k)),  # a step is text: "7"
            "status": h.status,
            "lezing": h.lezing,
            "vanaf": h.vanaf,
            "geprojecteerd": h.geprojecteerd,
            "bronstatus": h.bronstatus,
            "oorsprong": h.oorsprong,
        }
        for k, h in basis.onzekere_invoer().items()
    ]
).set_index("invoer")
print(basis.waarschuwing())
print(onzeker["status"].value_counts().to_string())
onzeker

# %%
aantallen = onzeker["status"].value_counts()
assert set(aantallen.index) <= {"indicatief", "aanname"}
assert f"{aantallen['aanname']} aannames" in str(basis.waarschuwing())
# in 2027 the CAO 2024-2025 has ended: its values are projected, each an aanname
assert set(aantallen.index) == {"aanname"}
assert onzeker.loc["functies.mbo.maandsalaris", "geprojecteerd"]
assert onzeker.loc["functies.mbo.maandsalaris", "bronstatus"] == "indicatief"
assert onzeker.loc["product.bezettingsgraad", "status"] == "aanname"
assert set(onzeker["lezing"].dropna()) == {"centraal"}
assert not onzeker.loc[onzeker["lezing"].isna(), "oorsprong"].str.contains("41A22.toml").any()  # product: readings
assert pd.isna(onzeker.loc["werkgeverslasten.pensioen.premie", "lezing"])  # carried forward, no readings
assert onzeker.loc["functies.mbo.trede", "waarde"] == "7"
assert onzeker.loc["functies.mbo.trede", "status"] == "aanname"

# %% [markdown]
# ## Eén aanname vervangen: 90 % bezetting
#
# De bezettingsgraad van 85 % is een aanname. Weet je als gemeente dat de groepen
# gemiddeld voor 90 % bezet zijn, dan bouw je een scenario op het product (`basis`) en geef
# je alleen die waarde op. Een waarde die je zelf in het scenario zet, vervangt de
# meegeleverde: haar oorsprong is dan het scenario, ze heeft geen status meer en staat
# niet langer tussen de aannames. Al het andere blijft zoals meegeleverd.
#
# Drie gelijkwaardige routes: `tarieven.lees_scenario` (of `tarieven.bereken`) met een
# dict met `basis`, of `Scenario.met` op het al berekende scenario.

# %%
eigen = tarieven.lees_scenario({"basis": "41A22", "product": {"bezettingsgraad": 0.9}}, PEILDATUM)
bij_90 = tarieven.bereken(eigen)
print(f"bezetting 85 %: {euro(basis.tarief)} per cliënt per dagdeel")
print(f"bezetting 90 %: {euro(bij_90.tarief)} per cliënt per dagdeel")
print(f"oorsprong van de bezettingsgraad: {eigen.herkomst['product.bezettingsgraad']}")
print(bij_90.waarschuwing())

# %%
# the own value replaces the bundled one, and is no longer an assumption
assert eigen.waarden["product.bezettingsgraad"] == 0.9
assert eigen.herkomst["product.bezettingsgraad"].status is None
assert set(basis.onzekere_invoer()) - set(bij_90.onzekere_invoer()) == {"product.bezettingsgraad"}
# the same scenario by the other routes
als_dict = tarieven.bereken({"basis": "41A22", "peildatum": PEILDATUM.isoformat(), "product": {"bezettingsgraad": 0.9}})
met = tarieven.bereken(basis.scenario.met(**{"product.bezettingsgraad": 0.9}))
assert als_dict.invoer_hash == met.invoer_hash == bij_90.invoer_hash
assert als_dict.tarief == met.tarief == bij_90.tarief
# group costs are shared by more billed clients: staff per client falls by 85/90, material per present client stays
b0 = basis.scenario.waarden["product.bezettingsgraad"]
assert np.isclose(bij_90["opbouw.personeel_direct"], basis["opbouw.personeel_direct"] * b0 / 0.9, rtol=1e-12)
assert bij_90["opbouw.materieel"] == basis["opbouw.materieel"]
assert bij_90.tarief < basis.tarief

# %% [markdown]
# ## Peildatum of tariefjaar
#
# De meegeleverde CAO-tabellen stijgen op 1 maart 2025. Een tarief voor 2025 op één
# peildatum hangt er dus van af welke dag je kiest. Het alternatief is een **tariefjaar**:
# elk getal is dan het gemiddelde van de waarden die in dat kalenderjaar gelden, gewogen
# naar het aantal dagen (januari en februari de oude tabel, maart tot en met december de
# nieuwe). Je kiest óf een peildatum óf een tariefjaar, niet beide.

# %%
op_1_feb = tarieven.bereken("41A22", dt.date(2025, 2, 1))
op_1_mrt = tarieven.bereken("41A22", dt.date(2025, 3, 1))
over_2025 = tarieven.bereken("41A22", tariefjaar=2025)

MBO = "functies.mbo.maandsalaris"
pd.DataFrame(
    {
        "MBO-maandsalaris": [euro(u.scenario.waarden[MBO]) for u in (op_1_feb, op_1_mrt, over_2025)],
        "tarief per dagdeel": [euro(u.tarief) for u in (op_1_feb, op_1_mrt, over_2025)],
    },
    index=["peildatum 1 februari 2025", "peildatum 1 maart 2025", "tariefjaar 2025 (tijdgewogen)"],
)

# %% [markdown]
# De uitleg noemt bij elke tijdgewogen waarde de delen:

# %%
print(over_2025.scenario.herkomst[MBO].oorsprong)

# %%
oud, nieuw = op_1_feb.scenario.waarden[MBO], op_1_mrt.scenario.waarden[MBO]
dagen_oud = (dt.date(2025, 3, 1) - dt.date(2025, 1, 1)).days
dagen_nieuw = (dt.date(2026, 1, 1) - dt.date(2025, 3, 1)).days
assert np.isclose(over_2025.scenario.waarden[MBO], (dagen_oud * oud + dagen_nieuw * nieuw) / (dagen_oud + dagen_nieuw))
assert oud < over_2025.scenario.waarden[MBO] < nieuw
assert op_1_feb.tarief < over_2025.tarief < op_1_mrt.tarief
assert f"tijdgewogen 2025: {dagen_oud} dagen" in over_2025.scenario.herkomst[MBO].oorsprong
assert over_2025.scenario.tariefjaar == 2025
assert over_2025.scenario.peildatum is None

# %% [markdown]
# ## Indexatie: van 2024 naar 2025
#
# Voor een jaar waarvan de CAO-tabellen nog niet bekend zijn, indexeer je een tarief met
# de VNG-methode: 90 % loonindex (OVA) en 10 % prijsindex (PCC) van het nieuwe jaar, plus
# de nacalculatie van het vorige jaar (definitieve min voorlopige cijfers). De cijfers
# zitten in de meegeleverde set (`params/indexatie-vng.toml`). Elk geïndexeerd bedrag is
# *geprojecteerd*: een schatting, geen herberekening op de nieuwe CAO.

# %%
indexaties = vng_indexaties(2024, 2025)
reeks = indexeer_jaren(100.0, 2024, indexaties)
ix = indexaties[0]
pct = procent_opmaak(3)
print(
    f"indexatie 2025: index {pct(ix.index)} + nacalculatie 2024 {pct(ix.nacalculatie)} = {pct(ix.totaal)}, "
    f"gepubliceerd {str(ix.gepubliceerd).replace('.', ',')} %"
)
for stap in reeks:
    print(f"{stap.jaar}: {euro(stap.tarief)}{' (geprojecteerd)' if stap.geprojecteerd else ''}")

# %%
# VNG, Indexatie bij inkoop jeugdhulp en Wmo-ondersteuning 2025: 4,957 %, gepubliceerd als 4,96 %
assert ix.gepubliceerd == Decimal("4.96")
assert str(op_centen(reeks[-1].tarief)) == "104.96"
assert reeks[-1].geprojecteerd
assert not reeks[0].geprojecteerd
# the published (rounded) percentage gives the same cents
assert op_centen(indexeer_jaren(100.0, 2024, indexaties, gepubliceerd=True)[-1].tarief) == op_centen(reeks[-1].tarief)

# %% [markdown]
# ### Naar 2026 kan nog niet
#
# Voor de indexatie 2026 zijn de voorlopige cijfers van 2026 nodig en, voor de
# nacalculatie, de definitieve cijfers van 2025. Die zitten nog niet in de meegeleverde
# set. `tarieven` rekent dan niet met nul, maar zegt precies welke cijfers ontbreken:

# %%
try:
    vng_indexaties(2024, 2026)
except tarieven.InvoerFout as fout:
    melding = fout
    print(fout)
else:
    raise AssertionError("de indexatie 2026 had moeten ontbreken")

# %%
assert {p.sleutel for p in melding.problemen} == {
    "ova.voorlopig.2026",
    "pcc.voorlopig.2026",
    "ova.definitief.2025",
    "pcc.definitief.2025",
}
assert "indexatie-vng.toml" in str(melding)

# %% [markdown]
# Met eigen indexcijfers kan het wel: zet ze in een eigen parameterbestand
# `indexatie-vng.toml` en geef het mee (`tarieven indexeer ... --parameters MAP`, of
# `params=` in Python). Zie de README, "Eigen parameters".
#
# ## Niveaucheck: het centrale tarief, de band en een gepubliceerd niveau
#
# `analyse.niveaucheck()` (op de opdrachtregel `tarieven niveau`) rekent elk product waarvoor
# een vergelijkbaar gepubliceerd niveau bestaat op de drie aannamesets, over tariefjaar 2025
# (tijdgewogen; 2025 is het laatste jaar met een gepubliceerde jaarindex), en legt dat niveau
# ernaast, geïndexeerd naar prijspeil 2025:
#
# - dagbesteding licht, middel en zwaar naast de pgb-tarieven dagbesteding van Den Haag 2020,
#   categorie 1 tot en met 3, teruggerekend naar natura (het pgb is 75 % van natura). Dat de
#   categorieën overeenkomen met licht, middel en zwaar is een aanname;
# - dagbehandeling A en B (41A00, 41A03) naast de pgb-maxima 2024 van Holland Rijnland, één
#   bedrag voor alle categorieën;
# - vervoer (42A03) naast het Den Haagse vervoerstarief 2020: het meegeleverde bedrag ís dat
#   niveau, dus daar valt niets te vergelijken.
#
# In de grafiek is de balk de band, de stip het centrale tarief en de ruit het gepubliceerde
# niveau.

# %%
check = analyse.niveaucheck()
band = check.band
band[["centraal", "laag", "hoog", "gepubliceerd", "binnen_band", "rest_bedrag"]].style.format(
    {k: euro for k in ("centraal", "laag", "hoog", "gepubliceerd")}
    | {"rest_bedrag": lambda x: euro(x) if pd.notna(x) else ""}
)

# %%
namen = catalogus["naam"].to_dict() | {"42A03": "Vervoer, per dag"}
ax = plots.tariefband(
    band.rename(index=lambda code: f"{code}  {namen[code]}"),
    titel=f"Centraal tarief en band, tariefjaar {check.prijsjaar}, naast het gepubliceerde niveau, "
    f"prijspeil {check.prijsjaar}",
)

# %% [markdown]
# **Elk Den Haags niveau voor dagbesteding ligt binnen de band, onder het centrale tarief.**
# Dagbesteding licht kost centraal **€ 81,55** per dagdeel, met een band van **€ 49,99 tot
# € 134,06**; Den Haag categorie 1 komt op **€ 72,13**, € 9,42 onder centraal. Middel:
# centraal € 99,74, band € 62,53 tot € 226,15, Den Haag € 85,53. Zwaar: centraal € 144,69,
# band € 72,26 tot € 335,07, Den Haag € 124,24. Den Haag ligt zo op **28 % tot 38 % van de
# weg van centraal naar laag** (licht 30 %, middel 38 %, zwaar 28 %): een niveau dat met
# lagere, maar nog verdedigbare lezingen te onderbouwen is, niet alleen met de laagste.
#
# **Dagbehandeling categorie 3 valt erbuiten.** Het pgb-maximum van Holland Rijnland
# (€ 72,23 voor A, € 78,06 voor B, prijspeil 2025) ligt **€ 11,04** onder de lage rand van
# 41A00-3 (€ 83,27) en **€ 7,26** onder die van 41A03-3 (€ 85,32). De niveaucheck noemt de
# reden: het is een pgb-maximum van een andere regio, één bedrag voor alle categorieën, en
# omdat het aandeel van natura er niet bij staat (elders 75 % tot 90 %) is het niet
# teruggerekend. Dat het onder het tarief in natura van de zwaarste categorie ligt, zegt dus
# weinig over dat tarief. Categorie 1 en 2 liggen wel binnen hun band.

# %%
nb = band["binnen_band"]
dagbesteding = ["41A22", "41A23", "41A24"]
assert check.prijsjaar == 2025
assert nb[dagbesteding].all()
assert (band.loc[dagbesteding, "gepubliceerd"] < band.loc[dagbesteding, "centraal"]).all()
assert set(nb[~nb].index) == {"41A00-3", "41A03-3"}  # only dagbehandeling category 3 lies outside
c2 = band.map(lambda x: str(op_centen(x)) if isinstance(x, float) else x)  # amounts as shown, in cents
assert c2.loc["41A22", ["centraal", "laag", "hoog", "gepubliceerd"]].tolist() == ["81.55", "49.99", "134.06", "72.13"]
assert c2.loc["41A23", ["centraal", "laag", "hoog", "gepubliceerd"]].tolist() == ["99.74", "62.53", "226.15", "85.53"]
assert c2.loc["41A24", ["centraal", "laag", "hoog", "gepubliceerd"]].tolist() == ["144.69", "72.26", "335.07", "124.24"]
assert str(op_centen(band.loc["41A22", "centraal"] - band.loc["41A22", "gepubliceerd"])) == "9.42"
weg = (band["centraal"] - band["gepubliceerd"]) / (band["centraal"] - band["laag"])  # share of the way to laag
assert [round(100 * weg[c]) for c in dagbesteding] == [30, 38, 28]
assert str(op_centen(band.loc["41A00-3", "gepubliceerd"])) == "72.23"
assert str(op_centen(band.loc["41A03-3", "gepubliceerd"])) == "78.06"
assert [str(op_centen(-band.loc[c, "rest_bedrag"])) for c in ("41A00-3", "41A03-3")] == ["11.04", "7.26"]
assert [c2.loc[c, "laag"] for c in ("41A00-3", "41A03-3")] == ["83.27", "85.32"]
for c in ("41A00-3", "41A03-3"):
    assert band.loc[c, "rest_reden"].startswith("een pgb-maximum van een andere regio, zonder categorie")
    assert "niet teruggerekend" in band.loc[c, "rest_reden"]
assert band.loc["42A03", "laag"] == band.loc["42A03", "centraal"] == band.loc["42A03", "hoog"]

# %% [markdown]
# ### Wat scheidt centraal van laag?
#
# Het verschil tussen het centrale en het lage tarief is de optelsom van veel keuzes. De
# niveaucheck verdeelt het over groepen aannames met de Shapley-verdeling: per groep het
# gemiddelde effect van die groep op haar lage lezing, over alle volgorden waarin je de
# groepen van centraal naar laag kunt zetten. De delen tellen tot op de cent op tot het
# verschil. Per product en groep in euro per eenheid (negatief: zoveel lager dan centraal),
# de groepen die over alle producten samen het meest wegen bovenaan; de onderste rij is het
# hele verschil van laag en centraal.

# %%
delen = check.delen.pivot(index="label", columns="product", values="bedrag")[band.index.drop("42A03")]
delen = delen.loc[delen.sum(axis=1).sort_values().index]
pd.concat([delen, delen.sum().to_frame("samen (laag − centraal)").T]).map(euro)

# %% [markdown]
# Bij **licht** (samen **€ 31,56**) is het grootste deel de **uren per eenheid en de
# voorbereiding** (**€ 9,47**: een dagdeel van 3,5 uur in plaats van 4, en geen
# gedragswetenschapper op afstand), dan de **salaristrede en schaal** (**€ 6,07**), de
# **overhead** (€ 3,92: 15 % in plaats van 20 %) en de **bezettingsgraad** (€ 3,49: 90 % in
# plaats van 85 %); de andere vijf groepen volgen, elk onder de € 3. **Middel** volgt
# hetzelfde patroon. Bij **zwaar** is het **personeel** het grootste deel (**€ 22,28**:
# 1 begeleider op 4 kinderen in plaats van 1 op 3), vóór uren en voorbereiding (€ 15,94) en
# salaris (€ 9,59). Geen enkele groep maakt ook maar de helft van het verschil: wie een tarief
# onder het centrale wil onderbouwen, moet per groep zeggen welke lagere lezing hij kiest en
# waarom. Bij dagbehandeling categorie 3 halen alle groepen samen het tarief **€ 54,22**
# omlaag (41A00-3, van € 137,49 naar € 83,27), en nog blijft het pgb-maximum van Holland
# Rijnland € 11,04 daaronder: die rest ligt niet aan de aannames, maar aan wat er vergeleken
# wordt.

# %%
d = check.delen.set_index(["product", "groep"])["bedrag"]
for code in dagbesteding:
    # the parts add up exactly to the difference of the rounded tariffs
    assert d[code].sum() == op_centen(band.loc[code, "laag"]) - op_centen(band.loc[code, "centraal"])
    assert (d[code] < 0).all()
    assert len(d[code]) >= 5
    assert (d[code].abs() < d[code].abs().sum() / 2).all()  # no group makes even half of the difference
licht = d["41A22"]
assert str(-licht.sum()) == "31.56"
assert list(licht.index[:4]) == ["uren_en_voorbereiding", "salaristrede_en_schaal", "overhead", "bezettingsgraad"]
assert [str(-licht[g]) for g in licht.index[:4]] == ["9.47", "6.07", "3.92", "3.49"]
assert len(licht) == 9
assert (licht.iloc[4:].abs() < 3).all()
assert list(d["41A23"].index[:4]) == list(licht.index[:4])
zwaar = d["41A24"]
assert list(zwaar.index[:3]) == ["personeel", "uren_en_voorbereiding", "salaristrede_en_schaal"]
assert [str(-zwaar[g]) for g in zwaar.index[:3]] == ["22.28", "15.94", "9.59"]
assert str(-d["41A00-3"].sum()) == "54.22"
assert [c2.loc["41A00-3", k] for k in ("centraal", "laag")] == ["137.49", "83.27"]
lezingen = {a: tarieven.lees_scenario("41A22", tariefjaar=2025, aannames=a).waarden for a in ("laag", "centraal")}
assert (lezingen["laag"]["product.duur_uur"], lezingen["centraal"]["product.duur_uur"]) == (3.5, 4)
assert lezingen["laag"]["product.indirect_uur.wo"] == 0
assert (lezingen["laag"]["opslagen.overhead"], lezingen["centraal"]["opslagen.overhead"]) == (0.15, 0.2)
assert (lezingen["laag"]["product.bezettingsgraad"], lezingen["centraal"]["product.bezettingsgraad"]) == (0.9, 0.85)
l24 = {a: tarieven.lees_scenario("41A24", tariefjaar=2025, aannames=a).waarden for a in ("laag", "centraal")}
assert [l24[a]["product.ratio.kinderen_per_medewerker"] for a in ("laag", "centraal")] == [4, 3]

# %% [markdown]
# ### Een tweede blik: welke ene aanname zou het verschil sluiten?
#
# Per product en aanname de waarde waarbij het centrale tarief alleen door die ene aanname
# het gepubliceerde niveau haalt (doelzoeken); de andere aannames blijven centraal. De
# laatste rij per product is het salarisniveau: de factor op alle maandsalarissen.

# %%
sluiters = check.sluiters.assign(nodig=check.sluiters["nodig"].astype(object).fillna(""))
sluiters[sluiters["product"].isin(dagbesteding)][["product", "invoer", "huidig", "nodig", "melding"]]

# %% [markdown]
# Bij licht en middel vraagt elke ene aanname een waarde buiten haar eigen lezingen: een
# bezetting van **97 %** voor licht (de lage lezing is 90 %; bij middel haalt geen bezetting
# het), een overhead van **10 %** en **7 %** (laag: 15 %), of alle salarissen **13 % en 16 %**
# lager, meer dan de lage lezing van de salaristrede (ongeveer 10 % lager). Bij zwaar ligt
# één zo gevonden waarde binnen haar lezingen: een personeelsnorm van **1 op 3,7**, tussen
# 1 op 3 (centraal) en 1 op 4 (laag). De andere liggen er ook bij zwaar buiten: een overhead
# van 7 %, alle salarissen 16 % lager, of een groep van 13 waar de productbeschrijving er
# hoogstens 4 toestaat. Ook zo gezien zit het verschil met Den Haag niet in één keuze, maar in
# meerdere kleinere tegelijk.

# %%
sl = check.sluiters.set_index(["product", "invoer"])["nodig"]
salaris = "salarisniveau (alle maandsalarissen × factor)"
assert 0.965 < sl[("41A22", "product.bezettingsgraad")] < 0.975
assert pd.isna(sl[("41A23", "product.bezettingsgraad")])
assert [round(100 * sl[(c, "opslagen.overhead")]) for c in dagbesteding] == [10, 7, 7]
assert [round(100 * (1 - sl[(c, salaris)])) for c in dagbesteding] == [13, 16, 16]
salaris_laag = lezingen["laag"]["functies.mbo.maandsalaris"] / lezingen["centraal"]["functies.mbo.maandsalaris"]
assert round(100 * (1 - salaris_laag)) == 10
for c in dagbesteding:
    assert sl[(c, salaris)] < salaris_laag  # lower than the low reading of the salary step
    assert sl[(c, "opslagen.overhead")] < lezingen["laag"]["opslagen.overhead"]
assert round(sl[("41A24", "product.ratio.kinderen_per_medewerker")], 1) == 3.7
assert 3 < sl[("41A24", "product.ratio.kinderen_per_medewerker")] < l24["laag"]["product.ratio.kinderen_per_medewerker"]
assert sl[("41A24", "product.groepsgrootte")] == 13
