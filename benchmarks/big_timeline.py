"""Big timelines: events JSON to columns, Arrow columns files, and what the viewer does with them.

Generates synthetic events JSON files (records as ``events_json.dump`` writes them, in date
order) and Arrow columns files in a temporary folder, then prints, each step in a fresh child
process so that its peak memory (``ru_maxrss``) is its own:

- events JSON -> columns (``load_columns``) and -> ``to_store()``: time, peak RSS;
- events JSON -> .arrow in a child (``convert_events_json``), then the parent's open (map + store):
  time and peak RSS of each, i.e. of the process tree the viewer makes;
- columns: bytes per event (records left out: they stay in the mapped file);
- Arrow write time and file size; Arrow open (map) and ``to_store()`` time;
- ``event(i)`` materialisation in µs, ``search`` over titles in ms;
- with ``--legacy``, the Event-object path (``events_json.load`` + ``EventStore.from_timeline``).

Usage: .venv/bin/python benchmarks/big_timeline.py [--events N ...] [--repeat R] [--legacy]
(default: 1,000,000 events; ``--events 1000000 --events 5000000`` for both). Prints medians;
never fails on timings.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Status, Timeline
from timeline_app.io import events_json

DOCS = 200
_MB = 1024 * 1024


def random_date(day: date, rng: random.Random) -> FuzzyDate:
    """A date around ``day`` in the mix news gives: mostly days, then months, years, bounds, ongoing."""
    kind = rng.random()
    if kind < 0.55:
        return FuzzyDate.point(DatePoint.day(day))
    if kind < 0.75:
        return FuzzyDate.point(DatePoint.month(day.year, day.month))
    if kind < 0.85:
        return FuzzyDate.point(DatePoint.year(day.year))
    if kind < 0.93:
        return FuzzyDate.bounded(DatePoint.day(day), DatePoint.day(day + timedelta(days=rng.randrange(400))))
    return FuzzyDate.interval(DatePoint.month(day.year, day.month), None)


def random_event(i: int, day: date, rng: random.Random, documents: int = DOCS) -> Event:
    """Event ``i`` around ``day``, told by one of ``documents`` documents ``d0``, ``d1``..."""
    when = random_date(day, rng)
    doc = f"d{rng.randrange(documents)}"
    return Event(
        id=f"{doc}-e{i}",
        title=f"{rng.choice(['Harbour', 'Rail', 'Council', 'Strike'])} event number {i} with a typical title",
        sentence="A sentence of a news article that reports the event with some context around it.",
        date=when,
        status=rng.choice(list(Status)),
        date_basis="relative to the reference date",
        mentions=[Mention(doc, i % 2000, i % 2000 + 30, "mention text")],
        actors=["Someone"],
        places=["Somewhere"],
        salience=round(rng.random(), 2),
        confidence=round(rng.random(), 2),
    )


def write_events_json(path: Path, count: int, seed: int = 1) -> None:
    """An events JSON file as ``events_json.dump`` writes it (date order, one record a line),
    built a block at a time so that millions of events never exist as objects at once."""
    rng = random.Random(seed)
    days = np.sort(np.random.default_rng(seed).integers(0, 13000, size=count))
    first = date(1990, 1, 1).toordinal()
    docs = [Document(f"d{i}", f"/news/{i}.txt", "word " * 200, f"Article {i}", date(2025, 1, 1)) for i in range(DOCS)]
    encode = json.JSONEncoder(ensure_ascii=False).encode
    head = events_json.dumps(Timeline(documents=docs)).rstrip()
    # '{... "events": [],\n  "entities": []\n}': events go between the brackets of "events".
    before, after = head.split('"events": []', 1)
    with path.open("w", encoding="utf-8") as out:
        out.write(before + '"events": [\n    ')
        block = 20_000
        for at in range(0, count, block):
            rows = [
                random_event(i, date.fromordinal(first + int(days[i])), rng) for i in range(at, min(at + block, count))
            ]
            rows.sort(key=lambda e: e.date.sort_key())
            if at:
                out.write(",\n    ")
            out.write(",\n    ".join(encode(events_json._event(e)) for e in rows))
        out.write("\n  ]" + after + "\n")


# ---------------------------------------------------------------- child steps


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(step: str, src: str, dst: str, repeat: int) -> dict[str, float]:
    from timeline_app.core.store import EventStore
    from timeline_app.io.columnar import convert_events_json, read_columns, write_columns
    from timeline_app.io.events_columns import load_columns

    out: dict[str, float] = {}
    if step == "json-columns":
        t0 = time.perf_counter()
        columns = load_columns(src)
        out["load_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        columns.to_store()
        out["store_s"] = time.perf_counter() - t0
        out["bytes_per_event"] = columns.nbytes() / max(len(columns), 1)
        out["record_bytes_per_event"] = columns.record.nbytes / max(len(columns), 1)
        t0 = time.perf_counter()
        write_columns(columns, dst)
        out["write_s"] = time.perf_counter() - t0
    elif step == "convert":
        t0 = time.perf_counter()
        convert_events_json(src, dst)
        out["convert_s"] = time.perf_counter() - t0
    elif step == "open":
        t0 = time.perf_counter()
        columns = read_columns(dst)
        out["open_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        store = columns.to_store()
        out["store_s"] = time.perf_counter() - t0
        out["events"] = len(store)
        rows = random.Random(2).sample(range(len(columns)), min(2000, len(columns)))
        t0 = time.perf_counter()
        for r in rows:
            columns.event(r)
        out["event_us"] = (time.perf_counter() - t0) / len(rows) * 1e6
        times = []
        for needle in ["harbour", "event number 12345", "nothing like this"][:repeat] * max(repeat // 3, 1):
            t0 = time.perf_counter()
            columns.search(needle)
            times.append(time.perf_counter() - t0)
        out["search_ms"] = statistics.median(times) * 1e3
        t0 = time.perf_counter()
        columns.position(columns.id(len(columns) // 2))
        out["position_scan_ms"] = (time.perf_counter() - t0) * 1e3
    elif step == "legacy":
        t0 = time.perf_counter()
        timeline = events_json.load(src)
        out["load_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        EventStore.from_timeline(timeline)
        out["store_s"] = time.perf_counter() - t0
    out["peak_mb"] = _peak_mb()
    return out


def run_child(step: str, src: Path, dst: Path, repeat: int = 3) -> dict[str, float]:
    """One step in a fresh interpreter (its peak memory is its own), median of ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        result = subprocess.run(
            [sys.executable, __file__, "--child", step, str(src), str(dst), str(repeat)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            print(f"  {step}: failed: {result.stderr.strip().splitlines()[-1:]}")
            return {}
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def run(count: int, folder: Path, repeat: int, legacy: bool, keep: bool = False) -> None:
    src, dst, mapped = folder / f"events_{count}.json", folder / f"events_{count}.arrow", folder / f"c_{count}.arrow"
    t0 = time.perf_counter()
    reused = keep and src.exists()
    if not reused:
        write_events_json(src, count)
    made = "reused" if reused else f"written in {time.perf_counter() - t0:.0f} s"
    print(f"\n{count:,} events: events JSON {src.stat().st_size / _MB:,.0f} MB ({made})")
    a = run_child("json-columns", src, dst, repeat)
    if a:
        print(f"  events JSON -> columns     {a['load_s']:6.2f} s   + to_store {a['store_s']:.3f} s"
              f"   peak RSS {a['peak_mb']:,.0f} MB (includes the Arrow write)")  # fmt: skip
        print(f"  columns                    {a['bytes_per_event']:6.0f} B/event without records"
              f" (+ {a['record_bytes_per_event']:.0f} B/event of records)")  # fmt: skip
        print(f"  Arrow write                {a['write_s']:6.2f} s   file {dst.stat().st_size / _MB:,.0f} MB")
    c = run_child("convert", src, mapped, repeat)
    o = run_child("open", src, mapped, repeat)
    if c and o:
        print(f"  viewer path: child convert {c['convert_s']:6.2f} s   peak RSS {c['peak_mb']:,.0f} MB")
        print(f"               parent open   {o['open_s']:6.3f} s   + to_store {o['store_s']:.3f} s"
              f"   peak RSS {o['peak_mb']:,.0f} MB")  # fmt: skip
        total = c["convert_s"] + o["open_s"] + o["store_s"]
        print(f"               JSON -> store {total:6.2f} s   tree peak <= {c['peak_mb'] + o['peak_mb']:,.0f} MB"
              f"   (targets: <= ~10 s, <= 1.5 GB at 1M)")  # fmt: skip
        print(f"  event(i)                   {o['event_us']:6.1f} µs   search {o['search_ms']:.1f} ms"
              f"   position (scan) {o['position_scan_ms']:.1f} ms")  # fmt: skip
    if legacy:
        g = run_child("legacy", src, dst, 1)
        if g:
            print(f"  Event objects (load+store) {g['load_s'] + g['store_s']:6.2f} s   peak RSS {g['peak_mb']:,.0f} MB")
    if not keep:
        src.unlink()


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        step, src, dst, repeat = argv[1], argv[2], argv[3], int(argv[4])
        print(json.dumps(_child(step, src, dst, repeat)))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--events", type=int, action="append", help="events per file (repeatable)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per step (median)")
    parser.add_argument("--legacy", action="store_true", help="also time the Event-object path")
    parser.add_argument("--dir", type=Path, help="folder for the files, kept and reused (default: a temporary one)")
    args = parser.parse_args(argv)
    counts = args.events or [1_000_000]
    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
        for count in counts:
            run(count, args.dir, args.repeat, args.legacy, keep=True)
        return 0
    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as tmp:
        for count in counts:
            run(count, Path(tmp), args.repeat, args.legacy)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
