"""The report of a cost study as an Excel workbook (``tarieven normeer ... --excel``).

Sheets: ``Samenvatting`` (per product the figures as submitted and on the common basis),
``Inzendingen`` (each priced submission by code: tariff as submitted and on the basis,
outlier or not), ``Spreiding`` (per line of the breakdown where the providers differ),
``Normen`` (the common basis) and ``Weggelaten`` (each submission left out, with its
error). Submissions appear by code (or number) only. Amounts in the Dutch money format of
:mod:`tarieven.werkmap`; the workbook is written atomically and reproducibly, text as text.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tarieven._versie import __version__
from tarieven.fouten import InvoerFout, Probleem
from tarieven.normering import Normering
from tarieven.werkmap import GELDFORMAAT, nieuwe_werkmap

__all__ = ["schrijf_normeringsverslag"]

_KENGETALLEN = ("n", "kwartiel_1", "mediaan", "kwartiel_3", "gewogen_mediaan", "gewogen_over")


def _blad(wb: Any, naam: str, koppen: list[str], rijen: list[list[Any]], geld: set[int], stijl: dict[str, Any]) -> None:
    ws = wb.add_worksheet(naam)
    ws.write_row(0, 0, koppen, stijl["kop"])
    for i, rij in enumerate(rijen, start=1):
        for j, x in enumerate(rij):
            if x is None:
                continue
            ws.write(i, j, x, stijl["geld"] if j in geld and isinstance(x, float) else stijl["tekst"])
    for j, kop in enumerate(koppen):
        breedte = max([len(str(kop)), *(len(str(r[j])) for r in rijen if j < len(r) and r[j] is not None)], default=8)
        ws.set_column(j, j, min(max(10, breedte + 2), 80))
    ws.freeze_panes(1, 0)


def schrijf_normeringsverslag(n: Normering, pad: str | os.PathLike[str]) -> Path:
    """Write the report of ``n`` as an ``.xlsx`` workbook; returns its path."""
    pad = Path(pad)
    if pad.suffix.lower() != ".xlsx":
        raise InvoerFout([Probleem("--excel", str(pad), "een bestandsnaam met de extensie .xlsx")])
    with nieuwe_werkmap(pad, optie="--excel") as wb:
        stijl = {
            "kop": wb.add_format({"bold": True, "bottom": 1}),
            "geld": wb.add_format({"num_format": GELDFORMAAT}),
            "tekst": wb.add_format({"text_wrap": False}),
        }
        samen, inzendingen, spreiding = [], [], []
        for product, pn in n.producten.items():
            for basis, titel in ((False, "zoals ingediend"), (True, "gemeenschappelijke basis")):
                k = pn.kengetallen(op_basis=basis)
                samen.append(
                    [
                        product,
                        titel,
                        *(k[c] for c in _KENGETALLEN),
                        *k["band"],
                        ", ".join(k["uitschieters"]),
                        k["bandregel"],
                    ]
                )
            uitschieters = set(pn.kengetallen()["uitschieters"])
            inzendingen += [
                [c, product, float(t), float(b), "ja" if c in uitschieters else ""]
                for c, t, b in zip(pn.codes, pn.tarieven, pn.op_basis, strict=True)
            ]
            spreiding += [[product, r.removeprefix("opbouw."), med, iqr] for r, med, iqr in pn.spreiding()]
        koppen = [
            "product",
            "reeks",
            "n",
            "kwartiel 1",
            "mediaan",
            "kwartiel 3",
            "gewogen mediaan",
            "gewogen over (met volume)",
            "band laag",
            "band hoog",
            "uitschieters",
            "regel van de band",
        ]
        _blad(wb, "Samenvatting", koppen, samen, {3, 4, 5, 6, 8, 9}, stijl)
        _blad(
            wb,
            "Inzendingen",
            ["code", "product", "tarief", "tarief op basis", "uitschieter"],
            inzendingen,
            {2, 3},
            stijl,
        )
        _blad(wb, "Spreiding", ["product", "regel van de opbouw", "mediaan", "IQR"], spreiding, {2, 3}, stijl)
        normen = [[m.sleutel, m.waarde, m.toepassing] for m in n.normen]
        _blad(wb, "Normen", ["invoer", "norm", "toepassing"], normen, set(), stijl)
        _blad(wb, "Weggelaten", ["code", "fout"], [[i.code, i.fout] for i in n.fouten], set(), stijl)
        wb.set_properties(
            {"title": "Kostprijsonderzoek", "comments": f"tarieven {__version__}; peildatum {n.peildatum}"}
        )
    return pad
