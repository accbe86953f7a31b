"""Comparing a provider's own calculation with the region's (tarieven.vergelijking).

Expected numbers come from hand calculations over the lines of the region's result, or
from tariffs of the mixed scenarios computed one by one with ``tarieven.bereken`` and the
Shapley formula written out by hand; never from the comparison itself.
"""

from __future__ import annotations

import csv
import io
import json
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tarieven
from tarieven.afronding import op_centen
from tarieven.cli import main
from tarieven.vergelijking import groep_van, vergelijk
from tarieven.weergave import euro

PEIL = "2027-01-01"
STAF_1_1 = [{"functie": "mbo", "aantal": 1}, {"functie": "hbo", "aantal": 1}]
AANBIEDER: dict[str, Any] = {
    "basis": "41A22",
    "peildatum": PEIL,
    "product": {"groepsgrootte": 8, "personeel": STAF_1_1},
}


@pytest.fixture(scope="module")
def v() -> Any:
    return vergelijk(AANBIEDER)


def test_groep_8_met_eigen_personeel_optellen_en_omdraaien(v: Any) -> None:
    """The issue's case: 41A22 with a group of 8 and 1 MBO + 1 HBO against 41A22.

    The parts add up to the whole difference; swapping the two sides negates every part.
    """
    assert math.fsum(d.bedrag for d in v.delen) == pytest.approx(v.totaal, abs=1e-9)
    assert v.totaal == pytest.approx(v.eigen.tarief - v.tegen.tarief, abs=1e-9)
    assert sum(d.centen for d in v.delen) == op_centen(v.eigen.tarief) - op_centen(v.tegen.tarief)
    omgekeerd = vergelijk(v.tegen, v.eigen)
    assert {d.groep: d.bedrag for d in omgekeerd.delen} == {d.groep: -d.bedrag for d in v.delen}
    assert {d.groep: d.centen for d in omgekeerd.delen} == {d.groep: -d.centen for d in v.delen}


def test_groep_8_met_de_hand(v: Any) -> None:
    """At 1:5, a group of 8 needs ceil(1.6) = 2 staff, as a group of 10 does: the explicit
    1 MBO + 1 HBO changes nothing, and the whole difference is the group size. By hand: the
    group's staff, indirect time and housing (P + I + H, per group) are shared by 8 × 0.85
    instead of 10 × 0.85 clients; material is per client; then overhead (20 % of the
    integral cost price) and 1,5 % risk."""
    t = v.tegen
    per_groep = t["personeel_direct"] + t["personeel_indirect"] + t["huisvesting_eenheid"]
    verwacht = per_groep * (1 / (8 * 0.85) - 1 / (10 * 0.85)) / (1 - 0.20) * 1.015
    assert v.totaal == pytest.approx(verwacht, abs=1e-9)
    delen = {d.groep: d for d in v.delen}
    assert set(delen) == {"groepsgrootte", "personeel"}
    assert delen["personeel"].bedrag == pytest.approx(0.0, abs=1e-9)
    assert delen["groepsgrootte"].bedrag == pytest.approx(verwacht, abs=1e-9)
    assert delen["groepsgrootte"].aandeel == pytest.approx(1.0)
    assert v.delen[0].groep == "groepsgrootte"  # largest first


def test_twee_groepen_met_wisselwerking_met_de_hand() -> None:
    """2 MBO + 1 HBO on a group of 8: the extra staff member costs more per client on the
    smaller group, an interaction. By hand: the four mixed scenarios, each computed alone,
    and part(g) = ½ [T(g) − T(∅)] + ½ [T(g, h) − T(h)]."""
    staf = [{"functie": "mbo", "aantal": 2}, {"functie": "hbo", "aantal": 1}]
    eigen = {"basis": "41A22", "peildatum": PEIL, "product": {"groepsgrootte": 8, "personeel": staf}}
    t0 = tarieven.bereken("41A22", PEIL).tarief
    t_g = tarieven.bereken("41A22", PEIL, met={"product.groepsgrootte": 8}).tarief
    t_p = tarieven.bereken({"basis": "41A22", "peildatum": PEIL, "product": {"personeel": staf}}).tarief
    t_gp = tarieven.bereken(eigen).tarief
    verwacht_g = 0.5 * (t_g - t0) + 0.5 * (t_gp - t_p)
    verwacht_p = 0.5 * (t_p - t0) + 0.5 * (t_gp - t_g)
    delen = {d.groep: d.bedrag for d in vergelijk(eigen).delen}
    assert delen == pytest.approx({"groepsgrootte": verwacht_g, "personeel": verwacht_p}, abs=1e-9)
    assert verwacht_p > 0  # a third person is not free


def test_regels_naast_elkaar(v: Any) -> None:
    regels = {r.naam: r for r in v.regels}
    t = regels["tarief_per_client"]
    assert (t.tegen, t.eigen) == (v.tegen.tarief, v.eigen.tarief)
    assert t.verschil == pytest.approx(v.eigen.tarief - v.tegen.tarief)
    assert t.relatief == pytest.approx((v.eigen.tarief - v.tegen.tarief) / v.tegen.tarief)
    # the ratio's lines exist on the region's side only
    assert regels["medewerkers_totaal"].tegen == 2.0
    assert regels["medewerkers_totaal"].eigen is None
    assert regels["medewerkers_totaal"].verschil is None
    assert regels["uurkosten.mbo"].verschil == 0.0


def test_invoer_die_verschilt_met_herkomst(v: Any) -> None:
    per_sleutel = {iv.sleutel: iv for iv in v.invoer}
    g = per_sleutel["product.groepsgrootte"]
    assert (g.tegen, g.eigen, g.groep, g.eigen_invoer) == (10.0, 8.0, "groepsgrootte", True)
    assert "41A22.toml" in str(g.herkomst_tegen)
    assert per_sleutel["product.personeel.mbo"].tegen is None
    assert per_sleutel["product.ratio.kinderen_per_medewerker"].eigen is None
    assert "product.bezettingsgraad" not in per_sleutel  # inherited, the same on both sides
    assert {d.groep: d.invoer for d in v.delen}["groepsgrootte"] == ("product.groepsgrootte",)


def test_tekst_noemt_tarieven_delen_en_herkomst(v: Any) -> None:
    tekst = v.als_tekst()
    assert "Tarief tegen:" in tekst
    assert euro(v.tegen.tarief) in tekst
    assert "groepsgrootte" in tekst
    assert "eigen invoer: " in tekst
    assert "Shapley" in tekst


def test_weglaten_van_de_gedragswetenschapper() -> None:
    """A provider without a behavioural scientist: the whole indirect line goes, and its part
    is the WO time's share of the tariff, which on its own (no other group differs) is
    exactly the difference of the two tariffs."""
    v = vergelijk({"basis": "41A22", "peildatum": PEIL, "weglaten": ["product.indirect_uur.wo"]})
    t = v.tegen
    assert [d.groep for d in v.delen] == ["uren"]
    verwacht = (
        -t["personeel_indirect"] / (10 * 0.85) / (1 - 0.20) * 1.015
    )  # overhead 20 % of the integral cost price, risk 1,5 %
    assert v.delen[0].bedrag == pytest.approx(verwacht, abs=1e-9)
    assert {r.naam: r.eigen for r in v.regels}["personeel_indirect"] == 0.0


def test_zonder_basis_en_zonder_tegen_is_een_fout(g1: dict[str, Any]) -> None:
    with pytest.raises(tarieven.InvoerFout, match=r"basis ontbreekt: verwacht een scenario dat op een product"):
        vergelijk(g1)


def test_ander_product_is_een_fout(tmp_path: Path) -> None:
    """Another product, as its code or as a scenario building on it (that one used to be compared)."""
    with pytest.raises(tarieven.InvoerFout, match=r"basis = '41A22': verwacht hetzelfde product .*\(41A23 in "):
        vergelijk(AANBIEDER, "41A23")
    ander = tmp_path / "a23.toml"
    ander.write_text('basis = "41A23"\n', encoding="utf-8")
    with pytest.raises(tarieven.InvoerFout) as e:
        vergelijk(AANBIEDER, ander)
    assert f"verwacht hetzelfde product als waartegen vergeleken wordt (41A23 in {ander})" in str(e.value)


def test_de_hulp_zegt_dat_tegen_hetzelfde_product_is(capsys: pytest.CaptureFixture[str]) -> None:
    """--help does not promise any product code: TEGEN is another scenario of the same product."""
    with pytest.raises(SystemExit):
        main(["vergelijk", "--help"])
    hulp = " ".join(capsys.readouterr().out.split())
    assert "een ander scenario van hetzelfde product" in hulp
    assert "Een ander product als TEGEN wordt geweigerd" in hulp
    assert "productcode of scenario" not in hulp


def test_vervoer_tegen_groepsproduct_is_een_fout() -> None:
    with pytest.raises(tarieven.InvoerFout, match="hetzelfde soort product"):
        vergelijk(AANBIEDER, tarieven.bereken("42A03", PEIL, met={"product.afstand_km": 3, "product.vorm": "groep"}))


def test_vervoer_vergelijken() -> None:
    """Transport: a farther child is in another category; the whole difference is distance and mode."""
    tegen = tarieven.bereken("42A03", PEIL, met={"product.afstand_km": 3, "product.vorm": "groep"})
    eigen = tarieven.bereken("42A03", PEIL, met={"product.afstand_km": 12, "product.vorm": "groep"})
    v = vergelijk(eigen, tegen)
    assert [(d.groep, d.bedrag) for d in v.delen] == [("vervoer", pytest.approx(eigen.tarief - tegen.tarief))]


# -- the property: whatever the provider changes ------------------------------------------------

_WIJZIGINGEN = {
    "product.groepsgrootte": st.sampled_from([6, 7, 8, 9, 12]),
    "product.bezettingsgraad": st.floats(0.6, 1.0),
    "product.huisvesting_jaar": st.floats(0, 60_000),
    "functies.mbo.maandsalaris": st.floats(3000, 5000),
    "functies.hbo.maandsalaris": st.floats(3500, 6000),
    "functies.mbo.productiviteit": st.floats(0.7, 1.0),
    "opslagen.overhead": st.floats(0.05, 0.3),
    "opslagen.risico_opslag": st.floats(0, 0.05),
    "product.duur_uur": st.floats(3, 5),
}


@st.composite
def aanbieders(draw: st.DrawFn) -> dict[str, Any]:
    gekozen = draw(st.lists(st.sampled_from(sorted(_WIJZIGINGEN)), unique=True, max_size=6))
    data: dict[str, Any] = {"basis": "41A22", "peildatum": PEIL}
    for sleutel in gekozen:
        *pad, blad = sleutel.split(".")
        doel = data
        for deel in pad:
            doel = doel.setdefault(deel, {})
        doel[blad] = draw(_WIJZIGINGEN[sleutel])
    if draw(st.booleans()):
        n = draw(st.sampled_from([(1, 1), (2, 1), (1, 2), (3, 0)]))
        data.setdefault("product", {})["personeel"] = [
            {"functie": f, "aantal": a} for f, a in zip(("mbo", "hbo"), n, strict=True) if a
        ]
    if draw(st.booleans()):
        data["weglaten"] = ["product.indirect_uur.wo"]
    return data


@settings(max_examples=25)
@given(aanbieders())
def test_delen_tellen_altijd_op_en_omdraaien_negeert(eigen: dict[str, Any]) -> None:
    """Whatever a provider changes on 41A22: the parts sum to the difference (and in cents to
    the shown difference), every part is negated by swapping the sides, and the line of the
    tariff is the difference of the two tariffs."""
    v = vergelijk(eigen)
    assert math.fsum(d.bedrag for d in v.delen) == pytest.approx(v.eigen.tarief - v.tegen.tarief, abs=1e-9)
    assert sum((d.centen for d in v.delen), Decimal(0)) == op_centen(v.eigen.tarief) - op_centen(v.tegen.tarief)
    omgekeerd = vergelijk(v.tegen, v.eigen)
    assert {d.groep: d.bedrag for d in omgekeerd.delen} == {d.groep: -d.bedrag for d in v.delen}
    assert all(d.groep.split(".")[0] in ("salaris", *tarieven.vergelijking.GROEPEN) for d in v.delen)


def test_groep_van() -> None:
    assert groep_van("functies.mbo.maandsalaris") == "salaris.mbo"
    assert groep_van("functies.wo.productiviteit") == "productiviteit"
    assert groep_van("functies.wo.vakantietoeslag") == "cao"
    assert groep_van("werkgeverslasten.pensioen.premie") == "cao"
    assert groep_van("product.ratio.mix.hbo") == "personeel"
    assert groep_van("product.extra_uur") == "uren"
    assert groep_van("opslagen.overhead_grondslag") == "overhead"
    assert groep_van("product.eenheden_per_week") is None  # only the tariff per week uses it
    assert groep_van("functies.mbo.naam") is None


# -- the command line ---------------------------------------------------------------------------


@pytest.fixture
def aanbieder_toml(tmp_path: Path) -> Path:
    pad = tmp_path / "aanbieder.toml"
    pad.write_text(
        'basis = "41A22"\npeildatum = 2027-01-01\n[product]\ngroepsgrootte = 8\n'
        'personeel = [{functie = "mbo", aantal = 1}, {functie = "hbo", aantal = 1}]\n',
        encoding="utf-8",
    )
    return pad


def test_cli_vergelijk_tekst_json_csv_en_plot(
    aanbieder_toml: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["vergelijk", str(aanbieder_toml)]) == 0
    assert "Wat het verschil verklaart" in capsys.readouterr().out
    assert main(["vergelijk", str(aanbieder_toml), "41A22", "--formaat", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    regio = tarieven.bereken("41A22", "2027-01-01").tarief
    assert data["tegen"]["tarief_per_client"] == str(op_centen(regio))
    assert sum(Decimal(d["bedrag"]) for d in data["decompositie"]) == Decimal(data["verschil"])
    png = tmp_path / "brug.png"
    assert main(["vergelijk", str(aanbieder_toml), "--formaat", "csv-nl", "--plot", str(png)]) == 0
    uit = capsys.readouterr().out
    assert uit.startswith("\ufeffsoort;naam;omschrijving;eenheid;tegen;eigen;verschil;verschil_relatief")
    rijen = list(csv.DictReader(io.StringIO(uit.removeprefix("\ufeff")), delimiter=";"))
    tarief = next(r for r in rijen if r["naam"] == "tarief_per_client")
    assert float(tarief["tegen"].replace(",", ".")) == pytest.approx(regio, abs=0.005)
    delen = [Decimal(r["verschil"].replace(",", ".")) for r in rijen if r["soort"] == "deel"]
    assert sum(delen) == Decimal(data["verschil"])
    assert png.read_bytes().startswith(b"\x89PNG")


def test_cli_vergelijk_zonder_basis(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pad = tmp_path / "g1.json"
    pad.write_text(
        json.dumps(
            {
                k: v
                for k, v in json.loads(
                    (Path(__file__).parent / "golden" / "g1-dagbesteding-licht.json").read_text(encoding="utf-8")
                ).items()
                if k != "verwacht"
            }
        ),
        encoding="utf-8",
    )
    assert main(["vergelijk", str(pad)]) == 2
    assert "geef TEGEN" in capsys.readouterr().err


def test_cli_vergelijk_zegt_waarop_elk_tarief_rust(aanbieder_toml: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """As bereken does, per side: the provider's own group size is one assumption fewer than the product's."""
    assert main(["vergelijk", str(aanbieder_toml)]) == 0
    err = capsys.readouterr().err.splitlines()
    eigen = next(r for r in err if r.startswith("tarieven: eigen: Let op: dit tarief rust op "))
    tegen = next(r for r in err if r.startswith("tarieven: tegen: Let op: dit tarief rust op "))
    n_eigen, n_tegen = (int(r.split("rust op ")[1].split()[0]) for r in (eigen, tegen))
    assert n_eigen < n_tegen
