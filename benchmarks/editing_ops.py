"""Cost of editing a large timeline: each edit and its undo, the autosave snapshot, re-extraction
reconciliation and picture export. Prints numbers (milliseconds, best of a few runs).

    .venv/bin/python benchmarks/editing_ops.py [EVENTS]
"""

from __future__ import annotations

import copy
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from timeline_app.core import edits
from timeline_app.core.curation import reconcile
from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline

DOCS = 200


def make_timeline(count: int, seed: int = 7) -> Timeline:
    rng = random.Random(seed)
    per_doc = count // DOCS + 1
    # One sentence per event, as in articles: mentions of different events do not overlap.
    text = "".join(f"Sentence {n:07d} of a news article that reports an event in context. " for n in range(per_doc))
    docs = [Document(f"d{i}", f"/news/{i}.txt", text, f"Article {i}", date(2025, 1, 1)) for i in range(DOCS)]
    events = []
    for i in range(count):
        day = date(1990, 1, 1) + timedelta(days=rng.randrange(13000))
        start = (i // DOCS) * 69
        assert text[start : start + 9] == "Sentence "
        doc = f"d{i % DOCS}"
        events.append(
            Event(
                id=f"e{i}",
                title=f"Event number {i}",
                sentence=text[start : start + 68],
                date=FuzzyDate.point(DatePoint.day(day)),
                mentions=[Mention(doc, start, start + 68, text[start : start + 68])],
            )
        )
    timeline = Timeline(docs, events)
    timeline.sort()
    return timeline


def best_ms(run: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append((time.perf_counter() - t0) * 1000.0)
    return min(times)


def edit_and_undo_ms(timeline: Timeline, make: Callable[[], edits.Edit]) -> tuple[float, float]:
    apply_times, undo_times = [], []
    for _ in range(5):
        edit = make()
        t0 = time.perf_counter()
        inverse = edit.apply(timeline)
        t1 = time.perf_counter()
        inverse.apply(timeline)
        t2 = time.perf_counter()
        apply_times.append((t1 - t0) * 1000.0)
        undo_times.append((t2 - t1) * 1000.0)
    return min(apply_times), min(undo_times)


def window_edit_ms(timeline: Timeline) -> None:
    """One edit through the controller on the real main window, including its redraw."""
    from PySide6.QtWidgets import QApplication

    from timeline_app.qt.editing import attach
    from timeline_app.qt.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1280, 800)
    window.set_timeline(timeline)
    controller = attach(window, offer_recovery=False, autosave_ms=3_600_000)
    target = timeline.events[len(timeline.events) // 2].id
    n = [0]

    def edit() -> None:
        n[0] += 1
        controller.push(edits.set_title(target, f"Edited {n[0]}"))
        app.processEvents()

    print(f"edit in the window (apply + refresh): {best_ms(edit, 3):8.1f} ms")

    def undo() -> None:
        controller.undo_stack.undo()
        app.processEvents()

    print(f"undo in the window: {best_ms(undo, 3):8.1f} ms")
    days = [0]

    def move() -> None:
        days[0] += 1
        moved = FuzzyDate.point(DatePoint.day(date(2001, 1, 1) + timedelta(days=days[0])))
        controller.push(edits.set_date(target, moved))
        app.processEvents()

    print(f"date edit in the window (event moves, arrays re-sorted): {best_ms(move, 3):8.1f} ms")

    def filter_on_off() -> None:
        controller.set_unreviewed_only(True)
        controller.set_unreviewed_only(False)
        app.processEvents()

    print(f"Show Unreviewed Only on and off: {best_ms(filter_on_off, 2):8.1f} ms")
    window.close_guard = None
    window.close()


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    timeline = make_timeline(count)
    middle = timeline.events[count // 2].id
    print(f"events: {count}, documents: {DOCS}")

    rows: list[tuple[str, float, float]] = []
    new_date = FuzzyDate.point(DatePoint.month(2001, 5))
    rows.append(("set title", *edit_and_undo_ms(timeline, lambda: edits.set_title(middle, "Edited"))))
    rows.append(("set date", *edit_and_undo_ms(timeline, lambda: edits.set_date(middle, new_date))))
    rows.append(("delete 1", *edit_and_undo_ms(timeline, lambda: edits.delete_events([middle]))))
    rows.append(
        (
            "merge 2",
            *edit_and_undo_ms(timeline, lambda: edits.merge_events(timeline, [middle, timeline.events[1].id])),
        )
    )
    rows.append(
        (
            "add 1",
            *edit_and_undo_ms(timeline, lambda: edits.add_event(timeline, edits.new_event(timeline, "New", new_date))),
        )
    )
    for name, apply_ms, undo_ms in rows:
        print(f"{name:>10}: apply {apply_ms:8.2f} ms   undo {undo_ms:8.2f} ms")

    from timeline_app.qt.editing.autosave import snapshot

    print(f"autosave snapshot (GUI thread): {best_ms(lambda: snapshot(timeline)):8.1f} ms")
    from timeline_app.io.project import write_recovery

    with tempfile.TemporaryDirectory() as folder:
        os.environ["TIMELINE_APP_DATA_DIR"] = folder
        copy_ = snapshot(timeline)
        print(f"write_recovery (worker thread): {best_ms(lambda: write_recovery(None, copy_), 2):8.1f} ms")

    fresh = Timeline(
        [copy.copy(d) for d in timeline.documents],
        [copy.copy(e) for e in timeline.events],
    )
    for event in timeline.events[::10]:
        event.curated = True
    print(f"reconcile re-extraction (10% curated): {best_ms(lambda: reconcile(timeline, fresh), 2):8.1f} ms")

    window_edit_ms(timeline)

    from timeline_app.qt.export_image import export_image

    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("png", "svg", "pdf"):
            target = Path(folder) / f"t.{fmt}"
            ms = best_ms(lambda f=fmt, p=target: export_image(timeline, p, f), 2)  # type: ignore[misc]
            print(f"export {fmt} 1600x600: {ms:8.1f} ms, {target.stat().st_size / 1024:8.1f} KiB")


if __name__ == "__main__":
    main()
