"""Benchmark: a table of scenarios, every row checked as bereken checks it.

Run: ``nox -s benchmarks`` or ``python benchmarks/bench_batch.py [--volledig]``. Prints, measured
in this run on this machine, for tables of 10,000 and 100,000 rows (dagbesteding licht, 41A22,
peildatum 2025-06-01; per row a group size, an occupancy and an MBO salary, a tenth of the rows
with an unusual occupancy, one row in a hundred invalid):

- ``tarieven.bereken_tabel(tabel, basis="41A22", bij_fout="markeer")``: best of 3 after a warm-up;
- a loop of ``tarieven.bereken(scenario, met=row)`` over a scenario read once, on every row of
  the 10,000 table and on 10,000 rows of the larger one (extrapolated; ``--volledig`` loops over
  all of them); target: bereken_tabel at least 30x faster at 10,000 rows;
- the same tariffs: every looped row's tariff against the table's (at most 1e-9 relative), and
  the same verdict (valid or not) per row;
- the unchecked kernel (:func:`tarieven.model.bereken` on the same arrays, already numbers in
  their unit); target: bereken_tabel within 10x of it at 100,000 rows. The kernel alone leaves
  a line that no varied input reaches as one number; the table has it in every row. So the
  kernel is also measured writing the same table (every line for every row, one float64 block
  in a DataFrame): what that costs is memory traffic, not checking.

The kernel's time depends much on whether the allocator hands out fresh pages (its arrays of
800 kB are each a fresh mapping, or reused heap): the same call measures 2-12 ms at 100,000 rows
on a 2-core machine. Kernel and table are therefore timed interleaved, best of 7.
"""

from __future__ import annotations

import argparse
import contextlib
import time
from typing import Any

import numpy as np
import pandas as pd

import tarieven
from tarieven.model import bereken as kern

PEIL = "2025-06-01"
BASIS = "41A22"
N_HERHALINGEN = 7
STEEKPROEF = 10_000


def nl(x: float, decimalen: int = 0) -> str:
    """Dutch number: 1.234.567,89."""
    return f"{x:,.{decimalen}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def tabel(n: int, seed: int = 2027) -> pd.DataFrame:
    """``n`` rows: usual values, a tenth with an unusual occupancy, one in a hundred invalid."""
    rng = np.random.default_rng(seed)
    bezetting = rng.uniform(0.6, 1.0, n)
    bezetting[rng.random(n) < 0.1] = 0.4  # unusual (a warning), still priced
    groep = rng.integers(6, 15, n).astype(float)
    groep[rng.random(n) < 0.01] = 8.5  # not a whole group: invalid
    salaris = rng.uniform(2900.0, 4500.0, n)
    return pd.DataFrame(
        {"product.groepsgrootte": groep, "product.bezettingsgraad": bezetting, "functies.mbo.maandsalaris": salaris},
        index=pd.Index([f"R{i:06d}" for i in range(n)], name="rij"),
    )


def beste(f: Any, n: int = N_HERHALINGEN) -> tuple[float, Any]:
    """Best time of ``n`` runs after a warm-up, and the last result."""
    uit = f()
    tijden = []
    for _ in range(n):
        t0 = time.perf_counter()
        uit = f()
        tijden.append(time.perf_counter() - t0)
    return min(tijden), uit


def kern_met_tabel(s: tarieven.Scenario, kolommen: dict[str, np.ndarray], index: pd.Index) -> pd.DataFrame:
    """The kernel, unchecked, writing the table bereken_tabel returns: every line in every row."""
    regels = kern(s.structuur, {**s.waarden, **kolommen})
    blok = np.empty((len(regels), len(index)))
    for j, x in enumerate(regels.values()):
        blok[j] = x
    return pd.DataFrame(blok.T, index=index, columns=list(regels), copy=False)


def lus(s: tarieven.Scenario, t: pd.DataFrame) -> tuple[float, np.ndarray]:
    """The loop of bereken over a scenario read once: time, and the tariff per row (NaN if refused)."""
    rijen = t.to_dict("records")
    uit = np.full(len(rijen), np.nan)
    t0 = time.perf_counter()
    for i, rij in enumerate(rijen):
        with contextlib.suppress(tarieven.InvoerFout):
            uit[i] = tarieven.bereken(s, met=rij).tarief
    return time.perf_counter() - t0, uit


def meet(n: int, s: tarieven.Scenario, volledig: bool) -> dict[str, float]:
    t = tabel(n)
    tijd, uit = beste(lambda: tarieven.bereken_tabel(t, basis=BASIS, peildatum=PEIL, bij_fout="markeer"))
    kolommen = {k: t[k].to_numpy(dtype=float) for k in t.columns}
    tijd_kern, _ = beste(lambda: kern(s.structuur, {**s.waarden, **kolommen}))
    tijd_kern_tabel, _ = beste(lambda: kern_met_tabel(s, kolommen, t.index))
    deel = t if volledig or n <= STEEKPROEF else t.sample(STEEKPROEF, random_state=1)
    tijd_lus, tarieven_lus = lus(s, deel)
    tijd_lus_alle = tijd_lus * n / len(deel)
    tabel_tarief = uit.loc[deel.index, "tarief_per_client"].to_numpy(dtype=float, na_value=np.nan)
    zelfde_oordeel = bool((np.isnan(tarieven_lus) == ~uit.loc[deel.index, "geldig"].to_numpy()).all())
    geldig = ~np.isnan(tarieven_lus)
    verschil = float(np.max(np.abs(tabel_tarief[geldig] / tarieven_lus[geldig] - 1.0)))
    print(
        f"\n{nl(n)} rijen ({nl(int((~uit['geldig']).sum()))} ongeldig, "
        f"{nl(int((uit['waarschuwingen'] > 0).sum()))} met een waarschuwing):"
    )
    print(f"  bereken_tabel                 {nl(tijd * 1000, 1)} ms ({nl(tijd / n * 1e6, 2)} µs per rij)")
    soort = "" if len(deel) == n else f", {nl(len(deel))} rijen gemeten en geëxtrapoleerd"
    print(f"  lus van bereken               {nl(tijd_lus_alle, 2)} s{soort}")
    print(f"  ongecontroleerde kern         {nl(tijd_kern * 1000, 1)} ms")
    print(f"  kern met dezelfde tabel       {nl(tijd_kern_tabel * 1000, 1)} ms")
    print(f"  versnelling tegen de lus      {nl(tijd_lus_alle / tijd, 0)}x")
    print(f"  tegen de kern                 {nl(tijd / tijd_kern, 1)}x zo traag")
    print(f"  tegen de kern met tabel       {nl(tijd / tijd_kern_tabel, 1)}x zo traag")
    print(f"  zelfde oordeel per rij        {'ja' if zelfde_oordeel else 'NEE'}")
    print(f"  grootste relatieve verschil   {verschil:.2e} (grens 1e-9)")
    return {
        "versnelling": tijd_lus_alle / tijd,
        "kern": tijd / tijd_kern,
        "kern_tabel": tijd / tijd_kern_tabel,
        "verschil": verschil,
        "oordeel": float(zelfde_oordeel),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--volledig", action="store_true", help="de lus over alle 100.000 rijen (ongeveer een minuut)")
    args = p.parse_args()
    s = tarieven.lees_scenario(BASIS, PEIL)
    klein = meet(10_000, s, args.volledig)
    groot = meet(100_000, s, args.volledig)
    print("\nDoelen:")
    print(
        f"  >= 30x tegen de lus bij 10.000 rijen:        {'gehaald' if klein['versnelling'] >= 30 else 'NIET gehaald'}"
    )
    print(f"  <= 10x de kern bij 100.000 rijen:            {'gehaald' if groot['kern'] <= 10 else 'NIET gehaald'}")
    print(
        f"  <= 10x de kern met tabel bij 100.000 rijen:  {'gehaald' if groot['kern_tabel'] <= 10 else 'NIET gehaald'}"
    )
    gelijk = max(klein["verschil"], groot["verschil"]) <= 1e-9 and klein["oordeel"] and groot["oordeel"]
    print(f"  zelfde tarieven (1e-9) en oordelen:          {'gehaald' if gelijk else 'NIET gehaald'}")


if __name__ == "__main__":
    main()
