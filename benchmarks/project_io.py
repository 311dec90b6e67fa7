"""Save/load time of a project with many events (default 100k). Prints numbers.

Usage: .venv/bin/python benchmarks/project_io.py [EVENTS]
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Status, Timeline
from timeline_app.io.project import load_project, save_project, write_recovery


def make_timeline(count: int, seed: int = 1) -> Timeline:
    rng = random.Random(seed)
    docs = [Document(f"d{i}", f"/news/{i}.txt", "word " * 2000, f"Article {i}", date(2025, 1, 1)) for i in range(200)]
    events = []
    for i in range(count):
        day = date(1990, 1, 1) + timedelta(days=rng.randrange(13000))
        kind = rng.random()
        if kind < 0.6:
            when = FuzzyDate.point(DatePoint.day(day))
        elif kind < 0.8:
            when = FuzzyDate.point(DatePoint.month(day.year, day.month))
        else:
            when = FuzzyDate.bounded(DatePoint.day(day), DatePoint.day(day + timedelta(days=rng.randrange(400))))
        doc = f"d{rng.randrange(200)}"
        events.append(
            Event(
                id=f"e{i}",
                title=f"Event number {i} with a title of typical length",
                sentence="A sentence of a news article that reports the event with some context. " * 2,
                date=when,
                status=rng.choice(list(Status)),
                date_basis="relative to the reference date",
                mentions=[Mention(doc, i, i + 30, "mention text")],
                actors=["Someone"],
                places=["Somewhere"],
            )
        )
    return Timeline(documents=docs, events=events)


def best_of(label: str, action: Callable[[], object], repeat: int = 3) -> None:
    # The minimum of a few runs: the machine may be busy with other work.
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    print(f"{label:<38} {min(times) * 1000:8.0f} ms (best of {repeat}; worst {max(times) * 1000:.0f} ms)")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    timeline = make_timeline(count)
    print(f"{count} events, {len(timeline.documents)} documents")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TIMELINE_APP_DATA_DIR"] = tmp
        directory = Path(tmp)
        fresh = iter(range(100))
        best_of("save as a new file", lambda: save_project(directory / f"new{next(fresh)}.tlproj", timeline))
        path = directory / "bench.tlproj"
        save_project(path, timeline)

        def edit_and_save() -> None:
            timeline.events[len(timeline.events) // 2].title += " (edited)"
            save_project(path, timeline, {"zoom": 2})

        best_of("save after one edit (in place)", edit_and_save)
        print(f"{'file size':<38} {path.stat().st_size / 1e6:8.1f} MB")
        best_of("load (with integrity check)", lambda: load_project(path))
        assert load_project(path)[0] == timeline
        best_of("autosave snapshot (write_recovery)", lambda: write_recovery(path, timeline, {}))


if __name__ == "__main__":
    main()
