"""Wall time of `timeline-app extract` on the TBAQ-cleaned articles: one process, --jobs 2, a local Dask cluster.

Usage: .venv/bin/python benchmarks/extract_parallel.py [TBAQ-cleaned dir] [--repeat N]
Each run is the real command in a fresh interpreter (start-up and imports included). The Dask
run goes to a LocalCluster of two single-threaded worker processes started here beforehand (its
start-up is printed apart). Prints the median of N runs of each and whether every output is
byte for byte the serial one. Never fails on timings.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from extract_speed import RUNNER, corpus_arguments


def run(files: list[str], *options: str) -> tuple[float, bytes, int]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RUNNER, "extract", *files, *options], capture_output=True, check=False)
    return time.perf_counter() - start, done.stdout, done.returncode


def measure(label: str, files: list[str], repeat: int, reference: bytes | None, *options: str) -> bytes:
    times: list[float] = []
    out = b""
    codes: set[int] = set()
    for _ in range(repeat):
        elapsed, out, code = run(files, *options)
        times.append(elapsed)
        codes.add(code)
    same = "" if reference is None else ("  output identical" if out == reference else "  OUTPUT DIFFERS")
    print(f"{label:<22} {statistics.median(times):6.2f} s  (median of {repeat}, exit {sorted(codes)}){same}")
    return out


def main(argv: list[str]) -> int:
    root, files, repeat = corpus_arguments(argv)
    if not files:
        print(f"skipped: no .tml files under {root}")
        return 0
    print(f"{len(files)} documents, {sum(Path(f).stat().st_size for f in files) / 1e6:.1f} MB of TimeML")
    serial = measure("serial (--jobs 1)", files, repeat, None, "--jobs", "1")
    measure("--jobs 2", files, repeat, serial, "--jobs", "2")
    try:
        from distributed import LocalCluster
    except ImportError:
        print("Dask local cluster     skipped: install the 'distributed' extra")
        return 0
    start = time.perf_counter()
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster:
        print(f"(local cluster of 2 workers started in {time.perf_counter() - start:.2f} s)")
        measure("Dask local cluster", files, repeat, serial, "--scheduler", str(cluster.scheduler_address))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
