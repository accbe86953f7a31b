"""Benchmark: a cost study, from submissions to the band per product.

Run: ``nox -s benchmarks`` or ``python benchmarks/bench_normering.py [N]``.

1. N (default 10,000) labelled synthetic submissions (``tarieven.synthetisch``) as TOML in
   a temporary folder; :func:`tarieven.normering.normeer` over the folder (reading,
   validating and pricing every file, the figures per product). Target: under 10 s.
2. 100 filled Excel templates (``tarieven sjabloon``, filled with synthetic figures the
   way a provider would, with openpyxl), read and normed. Target: under 15 s.

Best of 3 runs each (the first also fills the parsed-parameter cache), on a 2-core machine.
"""

from __future__ import annotations

import sys
import tempfile
import time

from tarieven.normering import Normering, normeer
from tarieven.synthetisch import schrijf_inzendingen, synthetische_inzendingen

DOEL_S = 10.0
DOEL_EXCEL_S = 15.0
N_EXCEL = 100


def _sjablonen(map_: str) -> None:
    """N_EXCEL filled templates: one per product written once, copied and filled like a provider."""
    import shutil
    from pathlib import Path

    import openpyxl

    from tarieven.sjabloon import schrijf_sjabloon

    leeg = {p: schrijf_sjabloon(p, Path(map_) / f"leeg-{p}.xlsx", "2027-01-01") for p in ("41A22", "41A23", "41A24")}
    for d in synthetische_inzendingen(N_EXCEL, seed=11):
        code = d["aanbieder"]["code"]
        pad = Path(map_) / "excel" / f"{code}.xlsx"
        pad.parent.mkdir(exist_ok=True)
        shutil.copy(leeg[d["basis"]], pad)
        wb = openpyxl.load_workbook(pad)
        ws = wb["Invoer"]
        rijen = {c.value: c.row for c in ws["A"] if isinstance(c.value, str)}
        plat = {"aanbieder.code": code, "aanbieder.volume": d["aanbieder"]["volume"]}
        for tabel in ("product", "opslagen"):
            plat |= {f"{tabel}.{k}": v for k, v in d.get(tabel, {}).items()}
        for rol, velden in d.get("functies", {}).items():
            plat |= {f"functies.{rol}.{k}": v for k, v in velden.items()}
        for sleutel, waarde in plat.items():
            ws.cell(rijen[sleutel], 3).value = waarde
        wb.save(pad)


def _meet(map_: str) -> tuple[float, list[float], Normering]:
    tijden = []
    for _ in range(3):
        start = time.perf_counter()
        uitkomst = normeer(map_, peildatum="2027-01-01")
        tijden.append(time.perf_counter() - start)
    return min(tijden), tijden, uitkomst


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as map_:
        start = time.perf_counter()
        schrijf_inzendingen(map_, synthetische_inzendingen(n))
        print(f"{n} inzendingen geschreven in {time.perf_counter() - start:.1f} s")
        beste, tijden, uitkomst = _meet(map_)
        per_product = ", ".join(f"{p}: {pn.kengetallen()['n']}" for p, pn in uitkomst.producten.items())
        print(f"normeer {n} TOML: beste van 3 {beste:.2f} s ({', '.join(f'{t:.2f}' for t in tijden)}); {per_product}")
        print(f"  doel <= {DOEL_S:g} s: {'gehaald' if beste <= DOEL_S else 'NIET gehaald'}")
    with tempfile.TemporaryDirectory() as map_:
        _sjablonen(map_)
        beste, tijden, uitkomst = _meet(f"{map_}/excel")
        fouten = len(uitkomst.fouten)
        reeks = ", ".join(f"{t:.2f}" for t in tijden)
        print(f"normeer {N_EXCEL} Excel-sjablonen: beste van 3 {beste:.2f} s ({reeks}); weggelaten: {fouten}")
        print(f"  doel <= {DOEL_EXCEL_S:g} s: {'gehaald' if beste <= DOEL_EXCEL_S else 'NIET gehaald'}")


if __name__ == "__main__":
    main()
