"""Benchmark: a cost study of 10,000 submissions, from TOML files to the band per product.

Run: ``nox -s benchmarks`` or ``python benchmarks/bench_normering.py [N]``. Writes N
(default 10,000) labelled synthetic submissions (``tarieven.synthetisch``) as TOML into a
temporary folder, then times :func:`tarieven.normering.normeer` over the folder: reading,
validating and pricing every file and the figures per product. Best of 3 runs (the first
also fills the parsed-parameter cache); target: under 10 s on a 2-core machine.
"""

from __future__ import annotations

import sys
import tempfile
import time

from tarieven.normering import normeer
from tarieven.synthetisch import schrijf_inzendingen, synthetische_inzendingen

DOEL_S = 10.0


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as map_:
        start = time.perf_counter()
        schrijf_inzendingen(map_, synthetische_inzendingen(n))
        print(f"{n} inzendingen geschreven in {time.perf_counter() - start:.1f} s")
        tijden = []
        for _ in range(3):
            start = time.perf_counter()
            uitkomst = normeer(map_, peildatum="2027-01-01")
            tijden.append(time.perf_counter() - start)
        beste = min(tijden)
        per_product = ", ".join(f"{p}: {pn.kengetallen()['n']}" for p, pn in uitkomst.producten.items())
        print(f"normeer: beste van 3 {beste:.2f} s ({', '.join(f'{t:.2f}' for t in tijden)}); {per_product}")
        print(f"  doel <= {DOEL_S:g} s: {'gehaald' if beste <= DOEL_S else 'NIET gehaald'}")


if __name__ == "__main__":
    main()
