"""The error types (tarieven.fouten): what a message holds and how it reads."""

from __future__ import annotations

import pytest

from tarieven.fouten import InvoerFout, OnbekendeNaam, Probleem, TarievenFout, onbekende_sleutels, opsomming


def test_probleem_met_waarde_en_ontbrekend() -> None:
    assert str(Probleem("product.groepsgrootte", -3, "een getal groter dan 0")) == (
        "product.groepsgrootte = -3: verwacht een getal groter dan 0."
    )
    assert (
        str(Probleem("opslagen.overhead", "veel", "een fractie")) == "opslagen.overhead = 'veel': verwacht een fractie."
    )
    assert str(Probleem("product.duur_uur", ..., "uren")) == "product.duur_uur ontbreekt: verwacht uren."


def test_lange_waarde_wordt_ingekort() -> None:
    tekst = str(Probleem("x", "a" * 500, "kort"))
    assert len(tekst) < 120
    assert "..." in tekst


def test_invoerfout_noemt_bestand_en_telt_problemen() -> None:
    een = InvoerFout([Probleem("a", 1, "b")], "s.toml")
    assert str(een) == "Ongeldige invoer in s.toml: a = 1: verwacht b."
    twee = InvoerFout([Probleem("a", 1, "b"), Probleem("c", ..., "d")])
    assert str(twee) == "Ongeldige invoer (2 problemen):\n  - a = 1: verwacht b.\n  - c ontbreekt: verwacht d."
    assert isinstance(een, ValueError)
    assert isinstance(een, TarievenFout)


def test_onbekende_naam_is_een_keyerror_met_de_bekende_namen() -> None:
    fout = OnbekendeNaam("tarief", "regel", ["tarief_per_client", "tarief_per_uur"])
    assert isinstance(fout, KeyError)
    assert isinstance(fout, TarievenFout)
    assert str(fout) == "onbekende regel 'tarief'; bekend zijn: tarief_per_client, tarief_per_uur"
    with pytest.raises(KeyError):
        raise fout


def test_opsomming_en_onbekende_sleutels() -> None:
    assert opsomming([]) == "geen"
    assert opsomming([str(i) for i in range(3)]) == "0, 1, 2"
    assert opsomming([str(i) for i in range(20)], 3) == "0, 1, 2, ..."
    p: list[Probleem] = []
    onbekende_sleutels("product.", {"groepsgrootte": 8, "groepgrootte": 8}, {"groepsgrootte"}, p)
    assert [q.sleutel for q in p] == ["product.groepgrootte"]
    assert "een bekende sleutel (groepsgrootte)" in p[0].verwacht
