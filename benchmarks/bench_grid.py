"""Benchmark: a grid of 1,000,000 scenarios with the full breakdown.

Run: ``nox -s benchmarks`` or ``python benchmarks/bench_grid.py``. Prints, measured in this
run on this machine:

- the time of ``tarieven.analyse.rooster`` for 100 × 100 × 100 scenarios (group size,
  occupancy, MBO salary) with every breakdown line as a DataFrame; target <= 0.5 s;
- the same against a per-scenario loop over the public single-scenario API
  (``tarieven.bereken(scenario.met(...))``), sampled and extrapolated; target >= 1000x;
- against a bare numpy implementation of the formulas of docs/methode.md written here, producing
  the same table (every line for every scenario); target within 1.5x;
- the grid of the tariff alone (``regels=["tarief_per_client"]``) against a bare numpy
  kernel producing the same table (the three inputs and the tariff); target within 1.5x;
- the peak memory of the grid (tracemalloc, numpy's allocations).

Times are best of N after one warm-up run; the first (cold) run is reported too: it pays
for the operating system handing the process fresh memory pages.
"""

from __future__ import annotations

import random
import resource
import time
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np

import tarieven
from tarieven import analyse

SCENARIO = Path(__file__).parents[1] / "tests" / "golden" / "g1-dagbesteding-licht.json"
N_HERHALINGEN = 5
N_STEEKPROEF = 300

GROOTTES = np.arange(1, 101, dtype=float)
BEZETTING = np.linspace(0.5, 1.0, 100)
LONEN = np.linspace(2500.0, 4500.0, 100)
VARIATIES = {
    "product.groepsgrootte": GROOTTES,
    "product.bezettingsgraad": BEZETTING,
    "functies.mbo.maandsalaris": LONEN,
}


def nl(x: float, decimalen: int = 0) -> str:
    """Dutch number: 1.234.567,89."""
    return f"{x:,.{decimalen}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def beste(f: Any, n: int = N_HERHALINGEN) -> tuple[float, float, Any]:
    """(first run, best of n after it, last result)."""
    t0 = time.perf_counter()
    uit = f()
    eerste = time.perf_counter() - t0
    tijden = []
    for _ in range(n):
        del uit
        t0 = time.perf_counter()
        uit = f()
        tijden.append(time.perf_counter() - t0)
    return eerste, min(tijden), uit


def kaal_numpy(w: dict[str, float]) -> tuple[list[str], np.ndarray]:
    """Steps 1-5 of docs/methode.md for g1's structure (ratio rounded up, MBO/HBO mix, WO indirect),
    with flat input arrays of length n (meshgrid + ravel), every line at full length,
    stacked into one (lines, n) table: the same content as the grid's DataFrame."""
    g3, b3, l3 = np.meshgrid(GROOTTES, BEZETTING, LONEN, indexing="ij")
    g, b, loon_mbo = g3.ravel(), b3.ravel(), l3.ravel()
    n = g.size
    kol: dict[str, np.ndarray] = {
        "product.groepsgrootte": g,
        "product.bezettingsgraad": b,
        "functies.mbo.maandsalaris": loon_mbo,
    }
    vol = np.ones(n)
    for f in ("mbo", "hbo", "wo"):
        p = f"functies.{f}."
        salaris = loon_mbo if f == "mbo" else w[p + "maandsalaris"] * vol
        kol[f"bruto_jaarsalaris.{f}"] = bj = salaris * 12
        kol[f"jaarloon.{f}"] = jl = bj * (1 + w[p + "vakantietoeslag"] + w[p + "eindejaarsuitkering"])
        kol[f"loonkosten.{f}"] = lk = jl * (1 + w[p + "werkgeverslasten"])
        kol[f"personeelskosten.{f}"] = pk = lk * (1 + w[p + "overige_personeelskosten"])
        kol[f"contracturen.{f}"] = cu = w[p + "uren_per_week"] * w[p + "weken_per_jaar"] * vol
        kol[f"beschikbare_uren.{f}"] = bu = cu - w[p + "verlofuren"] - w[p + "verzuim"] * cu - w[p + "scholingsuren"]
        kol[f"productieve_uren.{f}"] = pu = bu * w[p + "productiviteit"]
        kol[f"uurkosten.{f}"] = pk / pu
    pr = "product."
    kol["medewerkers_totaal"] = mt = np.ceil(np.round(g / w[pr + "ratio.kinderen_per_medewerker"], 9))
    kol["medewerkers.mbo"] = nm = mt * w[pr + "ratio.mix.mbo"]
    kol["medewerkers.hbo"] = nh = mt * w[pr + "ratio.mix.hbo"]
    d = w[pr + "duur_uur"]
    kol["personeel_direct"] = pd_ = (
        nm * (d + w[pr + "extra_uur.mbo"]) * kol["uurkosten.mbo"]
        + nh * (d + w[pr + "extra_uur.hbo"]) * kol["uurkosten.hbo"]
    )
    kol["personeel_indirect"] = pi = w[pr + "indirect_uur.wo"] * kol["uurkosten.wo"]
    kol["huisvesting_eenheid"] = hv = w[pr + "huisvesting_jaar"] / w[pr + "eenheden_per_jaar"] * vol
    gb = g * b
    kol["materieel"] = ma = w[pr + "materieel_per_client"] * gb
    kol["groepskosten"] = gk = (pd_ + pi) + (hv + ma)
    kol["clientkosten"] = ck = np.zeros(n)
    kol["kostprijs_per_client"] = kp = gk / gb + ck
    kol["met_overhead"] = mo = kp / (1 - w["opslagen.overhead"])
    kol["tarief_per_client"] = t = mo * (1 + w["opslagen.risico_opslag"])
    kol["tarief_per_uur"] = t / d
    kol["tarief_per_minuut"] = t / (d * 60)
    for deel in ("personeel_direct", "personeel_indirect", "huisvesting_eenheid", "materieel"):
        kol[f"opbouw.{deel}"] = kol[deel] / gb
    kol["opbouw.clientkosten"] = ck
    kol["opbouw.overhead"] = mo - kp
    kol["opbouw.risico"] = t - mo
    namen = list(kol)
    tabel = np.empty((len(namen), n))
    for i, k in enumerate(namen):
        tabel[i] = kol[k]
    return namen, tabel


def kaal_tarief(w: dict[str, float]) -> np.ndarray:
    """The tariff alone for g1's structure, transcribed from steps 1-4 of docs/methode.md with flat input
    arrays: a (4, n) table of group size, occupancy, MBO salary and the tariff, the same
    content as the grid's DataFrame with ``regels=["tarief_per_client"]``."""
    g3, b3, l3 = np.meshgrid(GROOTTES, BEZETTING, LONEN, indexing="ij")
    g, b, loon_mbo = g3.ravel(), b3.ravel(), l3.ravel()
    uurkosten = {}
    for f in ("mbo", "hbo", "wo"):
        p = f"functies.{f}."
        salaris = loon_mbo if f == "mbo" else w[p + "maandsalaris"]
        jaarloon = salaris * 12 * (1 + w[p + "vakantietoeslag"] + w[p + "eindejaarsuitkering"])
        kosten = jaarloon * (1 + w[p + "werkgeverslasten"]) * (1 + w[p + "overige_personeelskosten"])
        contract = w[p + "uren_per_week"] * w[p + "weken_per_jaar"]
        beschikbaar = contract - w[p + "verlofuren"] - w[p + "verzuim"] * contract - w[p + "scholingsuren"]
        uurkosten[f] = kosten / (beschikbaar * w[p + "productiviteit"])
    pr = "product."
    mt = np.ceil(np.round(g / w[pr + "ratio.kinderen_per_medewerker"], 9))
    d = w[pr + "duur_uur"]
    direct = (
        mt * w[pr + "ratio.mix.mbo"] * (d + w[pr + "extra_uur.mbo"]) * uurkosten["mbo"]
        + mt * w[pr + "ratio.mix.hbo"] * (d + w[pr + "extra_uur.hbo"]) * uurkosten["hbo"]
    )
    indirect = w[pr + "indirect_uur.wo"] * uurkosten["wo"]
    gb = g * b
    groep = (direct + indirect) + (
        w[pr + "huisvesting_jaar"] / w[pr + "eenheden_per_jaar"] + w[pr + "materieel_per_client"] * gb
    )
    tarief = (groep / gb) / (1 - w["opslagen.overhead"]) * (1 + w["opslagen.risico_opslag"])
    tabel = np.empty((4, g.size))
    tabel[0], tabel[1], tabel[2], tabel[3] = g, b, loon_mbo, tarief
    return tabel


def main() -> None:
    s = tarieven.lees_scenario(SCENARIO)
    n = GROOTTES.size * BEZETTING.size * LONEN.size

    koud, snel, df = beste(lambda: analyse.rooster(s, VARIATIES))
    print(f"rooster: {nl(n)} scenario's x {df.shape[1]} kolommen (invoer + alle regels)")
    print(f"  eerste (koude) run       {nl(koud, 3):>8} s")
    oordeel = "gehaald" if snel <= 0.5 else "NIET gehaald"
    print(f"  beste van {N_HERHALINGEN}              {nl(snel, 3):>8} s   doel <= 0,5 s: {oordeel}")

    # the public single-scenario API, one scenario at a time (sampled, extrapolated)
    rng = random.Random(1)
    rijen = [rng.randrange(n) for _ in range(N_STEEKPROEF)]
    t0 = time.perf_counter()
    for i in rijen:
        wijz = {k: float(df[k].iat[i]) for k in VARIATIES}
        u = tarieven.bereken(s.met(**wijz))
        assert u.tarief == df["tarief_per_client"].iat[i]  # the same numbers, exactly
    per_scenario = (time.perf_counter() - t0) / N_STEEKPROEF
    lus = per_scenario * n
    print(
        f"lus over tarieven.bereken(scenario.met(...)): {nl(per_scenario * 1e3, 3)} ms per scenario, "
        f"x {nl(n)} = {nl(lus)} s (geëxtrapoleerd uit {N_STEEKPROEF})"
    )
    oordeel = "gehaald" if lus / snel >= 1000 else "NIET gehaald"
    print(f"  verhouding lus / rooster  {nl(lus / snel):>9}x   doel >= 1000x: {oordeel}")

    koud_k, kaal, (namen, tabel) = beste(lambda: kaal_numpy(dict(s.waarden)))
    assert np.array_equal(tabel[namen.index("tarief_per_client")], df["tarief_per_client"].to_numpy())
    print(
        f"kale numpy (formules van docs/methode.md, zelfde tabel van {len(namen)} kolommen): beste {nl(kaal, 3)} s "
        f"(eerste {nl(koud_k, 3)} s)"
    )
    oordeel = "gehaald" if snel / kaal <= 1.5 else "NIET gehaald"
    print(f"  verhouding rooster / kaal {nl(snel / kaal, 2):>9}x   doel <= 1,5x: {oordeel}")

    del df, tabel
    koud_t, snel_t, df = beste(lambda: analyse.rooster(s, VARIATIES, regels=["tarief_per_client"]))
    print(f"rooster van het tarief alleen: {nl(n)} scenario's x {df.shape[1]} kolommen")
    print(f"  eerste (koude) run       {nl(koud_t, 3):>8} s")
    print(f"  beste van {N_HERHALINGEN}              {nl(snel_t, 3):>8} s")
    koud_kt, kaal_t, tabel = beste(lambda: kaal_tarief(dict(s.waarden)))
    assert np.allclose(tabel[3], df["tarief_per_client"].to_numpy(), rtol=1e-13, atol=0)
    print(f"kale numpy, tarief alleen: beste {nl(kaal_t, 3)} s (eerste {nl(koud_kt, 3)} s)")
    oordeel = "gehaald" if snel_t / kaal_t <= 1.5 else "NIET gehaald"
    print(f"  verhouding rooster / kaal {nl(snel_t / kaal_t, 2):>9}x   doel <= 1,5x: {oordeel}")

    del df, tabel
    tracemalloc.start()
    df = analyse.rooster(s, VARIATIES)
    _, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tabel_mb = df.memory_usage(index=False).sum() / 1e6
    print(
        f"geheugen: piek {nl(piek / 1e6)} MB tijdens het rooster (tracemalloc), waarvan de tabel zelf {nl(tabel_mb)} MB"
    )
    del df
    tracemalloc.start()
    analyse.rooster(s, VARIATIES, regels=["tarief_per_client"])
    _, piek_een = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  met regels=['tarief_per_client']: piek {nl(piek_een / 1e6)} MB")
    print(f"  maximale RSS van het proces: {nl(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3)} MB")


if __name__ == "__main__":
    main()
