"""Load/dump time of the events JSON format with many synthetic events. Prints medians.

Load is also timed with the json module's parse in place of msgspec's, and as event columns.

Usage: .venv/bin/python benchmarks/events_json_io.py [COUNT ...]   (default: 100000 1000000)
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from big_timeline import random_event

from timeline_app.core.model import Document, Timeline
from timeline_app.io import events_json
from timeline_app.io.events_columns import load_columns


def make_timeline(count: int, seed: int = 1) -> Timeline:
    rng = random.Random(seed)
    docs = [Document(f"d{i}", f"/news/{i}.txt", "word " * 500, f"Article {i}", date(2025, 1, 1)) for i in range(50)]
    events = []
    for i in range(count):
        day = date(1990, 1, 1) + timedelta(days=rng.randrange(13000))
        events.append(random_event(i, day, rng, len(docs)))
    return Timeline(documents=docs, events=events)


def median_of(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def run(count: int, folder: Path) -> None:
    timeline = make_timeline(count)
    path = folder / f"events_{count}.json"
    repeat = 5 if count <= 200_000 else 3
    dump_med, dump_min = median_of(lambda: events_json.dump(timeline, path), repeat)
    size = path.stat().st_size / 1e6
    load_med, load_min = median_of(lambda: events_json.load(path), repeat)
    loaded = events_json.load(path)
    if events_json.to_dict(loaded) != events_json.to_dict(timeline):
        raise SystemExit(f"round trip of {count} events changed the data")
    print(f"{count:>9,} events  {size:7.1f} MB   dump median {dump_med:6.2f} s (min {dump_min:.2f})"
          f"   load median {load_med:6.2f} s (min {load_min:.2f})   [{repeat} runs]")  # fmt: skip
    # The same load with the JSON text parsed by the json module (what msgspec's parse replaced).
    fast = events_json._fast_parse
    events_json._fast_parse = lambda body: events_json._UNPARSED
    try:
        json_med, json_min = median_of(lambda: events_json.load(path), repeat)
    finally:
        events_json._fast_parse = fast
    print(f"{'':>9}         {'':>7}      load with the json module's parse: median {json_med:6.2f} s"
          f" (min {json_min:.2f})")  # fmt: skip
    columns_med, columns_min = median_of(lambda: load_columns(path), repeat)
    print(f"{'':>9}         {'':>7}      as event columns (load_columns): median {columns_med:6.2f} s"
          f" (min {columns_min:.2f})")  # fmt: skip


def main(argv: list[str]) -> int:
    counts = [int(a) for a in argv] or [100_000, 1_000_000]
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            run(count, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
