"""Whole-process time of `timeline-app extract` over all TBAQ-cleaned .tml files in one process.

Usage: .venv/bin/python benchmarks/extract_speed.py [TBAQ-cleaned dir]
Runs the real command in a fresh interpreter (start-up and imports included), output to a
temporary directory. Target: well under 10 s on a 2-core machine.
"""

from __future__ import annotations

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


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else DEFAULT
    files = sorted(str(p) for p in root.rglob("*.tml"))
    if not files:
        print(f"no .tml files under {root}")
        return 1
    runner = RUNNER
    probe = subprocess.run([sys.executable, "-c", RUNNER, "extract", "--help"], capture_output=True, check=False)
    if probe.returncode != 0:
        print("(timeline-app dispatcher unavailable in this checkout: running the extract command module directly)")
        runner = DIRECT
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", runner, "extract", *files, "--output-dir", out],
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - start
        size = (Path(out) / "events.json").stat().st_size if (Path(out) / "events.json").exists() else 0
    if result.returncode != 0:
        print(result.stderr.strip()[-2000:])
    print(f"extract over {len(files)} TBAQ files: {elapsed:.2f} s (exit {result.returncode}, {size / 1e6:.1f} MB JSON)")
    _one_long_document()
    return 0 if result.returncode == 0 else 1


def _one_long_document() -> None:
    """A single very long text (the bundled seed repeated to about 1 MB) through the in-process pipeline."""
    from timeline_app.core.pipeline import extract_text

    seed = next((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"), None)
    if seed is None:
        return
    text = (seed.read_text(encoding="utf-8") + "\n\n") * 330
    start = time.perf_counter()
    timeline = extract_text(text, doc_id="long")
    elapsed = time.perf_counter() - start
    print(f"one {len(text) / 1e6:.1f} MB document: {elapsed:.2f} s, {len(timeline.events)} events")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
