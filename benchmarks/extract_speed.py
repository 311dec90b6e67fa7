"""Whole-process time of `timeline-app extract` over all TBAQ-cleaned .tml files in one process, then
the throughput of one long document (TBAQ article texts joined to 1 MB and to 2 MB) in KB/s.

Usage: .venv/bin/python benchmarks/extract_speed.py [TBAQ-cleaned dir] [--repeat N]
Runs the real command in a fresh interpreter (start-up and imports included), output to a
temporary directory, with --jobs 1. Targets: well under 10 s for TBAQ on a 2-core machine; 1 MB
in 10 s or less, and about the same KB/s at 2 MB (cost linear in length). Medians of N runs;
timings never fail the script.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeml" / "TBAQ-cleaned"
RUNNER = "import sys; from timeline_app.cli import main; raise SystemExit(main(sys.argv[1:]))"
# The same command registered alone, for checkouts where another command module is missing.
DIRECT = (
    "import argparse, sys; from timeline_app.cli import extract; p = argparse.ArgumentParser(); "
    "extract.register(p.add_subparsers()); a = p.parse_args(sys.argv[1:]); raise SystemExit(a.func(a))"
)


def corpus_arguments(argv: list[str]) -> tuple[Path, list[str], int]:
    """(corpus folder, its .tml files, runs) from ``[TBAQ-cleaned dir] [--repeat N]``."""
    repeat = 1
    if "--repeat" in argv:
        at = argv.index("--repeat")
        repeat = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    root = Path(argv[0]) if argv else DEFAULT
    return root, sorted(str(p) for p in root.rglob("*.tml")), repeat


def main(argv: list[str]) -> int:
    root, files, repeat = corpus_arguments(argv)
    if not files:
        print(f"no .tml files under {root}")
        return 1
    runner = RUNNER
    probe = subprocess.run([sys.executable, "-c", RUNNER, "extract", "--help"], capture_output=True, check=False)
    if probe.returncode != 0:
        print("(timeline-app dispatcher unavailable in this checkout: running the extract command module directly)")
        runner = DIRECT
    times: list[float] = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-c", runner, "extract", *files, "--output-dir", out, "--jobs", "1"],
                capture_output=True,
                text=True,
                check=False,
            )
            times.append(time.perf_counter() - start)
            size = (Path(out) / "events.json").stat().st_size if (Path(out) / "events.json").exists() else 0
    if result.returncode != 0:
        print(result.stderr.strip()[-2000:])
    print(
        f"extract over {len(files)} TBAQ files: {statistics.median(times):.2f} s (median of {repeat}, "
        f"exit {result.returncode}, {size / 1e6:.1f} MB JSON)"
    )
    _long_documents(files, repeat)
    return 0


def joined_articles(files: list[str], size: int) -> str:
    """Article texts one after another, blank line between, cut at `size` characters."""
    from timeline_app.core.ingest.timeml import load_timeml

    return joined_texts([load_timeml(Path(f)).text for f in files], size)


def joined_texts(texts: list[str], size: int) -> str:
    """``texts`` one after another (again from the first when they run out), cut at `size` characters."""
    parts: list[str] = []
    total = i = 0
    while total < size:
        parts.append(texts[i % len(texts)])
        total += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def _long_documents(files: list[str], repeat: int) -> None:
    """One document of 1 MB and one of 2 MB through the in-process pipeline: KB/s should hold."""
    from timeline_app.core.pipeline import extract_text

    for size in (1_000_000, 2_000_000):
        text = joined_articles(files, size)
        times: list[float] = []
        for _ in range(repeat):
            start = time.perf_counter()
            timeline = extract_text(text, doc_id="long")
            times.append(time.perf_counter() - start)
        elapsed = statistics.median(times)
        print(
            f"one {size / 1e6:.0f} MB document: {elapsed:.2f} s, {size / 1000 / elapsed:.0f} KB/s, "
            f"{len(timeline.events)} events (median of {repeat})"
        )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
