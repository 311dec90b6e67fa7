"""Canvas frame times with many synthetic events, and the time to open a million.

Prints numbers; asserts nothing. Run: ``.venv/bin/python benchmarks/canvas_frames.py``
(offscreen by default). Frames are painted into a QImage the size of a canvas, through the
same ``render_frame`` the widget's paintEvent uses.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from timeline_app.core.model import DatePoint, Event, FuzzyDate, Mention, Timeline
from timeline_app.core.store import EventStore
from timeline_app.core.viewport import Viewport, to_time
from timeline_app.qt.canvas_painter import render_frame
from timeline_app.qt.style import TimelineStyle

WIDTH, HEIGHT = 1280, 420
FRAMES = 60


def synthetic_store(n: int, seed: int = 1) -> EventStore:
    rng = np.random.default_rng(seed)
    lo, hi = to_time(date(1900, 1, 1)), to_time(date(2025, 12, 31))
    start = np.floor(rng.uniform(lo, hi, n))
    kind = rng.choice(np.array([0, 1, 2], dtype=np.int8), size=n, p=[0.8, 0.15, 0.05])
    length = np.where(kind == 0, 1.0, np.floor(rng.exponential(120.0, n)) + 1.0)
    flags = np.zeros(n, dtype=np.uint8)
    doc = rng.integers(0, 6, n).astype(np.int32)
    return EventStore(start, start + length, kind, flags, doc, [f"e{i}" for i in range(n)])


def synthetic_timeline(n: int, seed: int = 2) -> Timeline:
    rng = np.random.default_rng(seed)
    base = date(1900, 1, 1).toordinal()
    days = rng.integers(0, 45_000, n).tolist()
    events = [
        Event(
            f"e{i}",
            f"Event {i}",
            "",
            FuzzyDate.point(DatePoint.day(date.fromordinal(base + d))),
            mentions=[Mention("d", 0, 0, "")],
        )
        for i, d in enumerate(days)
    ]
    return Timeline([], events)


def frame_times(store: EventStore, viewports: list[Viewport], style: TimelineStyle) -> list[float]:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    rect = QRectF(0, 0, WIDTH, HEIGHT)
    times = []
    for vp in viewports:
        painter = QPainter(image)
        t = time.perf_counter()
        render_frame(painter, rect, store, vp, store.ids[len(store) // 2], style)
        painter.end()
        times.append((time.perf_counter() - t) * 1000.0)
    return times


def report(label: str, times: list[float]) -> None:
    p50 = statistics.median(times)
    p95 = float(np.percentile(times, 95))
    print(f"  {label:<28} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   max {max(times):7.2f} ms")


def scenarios(store: EventStore) -> dict[str, list[Viewport]]:
    bounds = store.bounds()
    assert bounds is not None
    full = Viewport.fit(bounds[0], bounds[1], 0.02)
    zoom_a = to_time(date(1990, 3, 1))
    zoomed = Viewport(zoom_a, zoom_a + 3.0)  # three days: tens of events with labels
    month = Viewport(zoom_a, zoom_a + 30.0)
    return {
        "all in view": [full] * FRAMES,
        "zoomed in (3 days), panning": [zoomed.pan(i * 0.05) for i in range(FRAMES)],
        "one month, panning": [month.pan(i * 0.5) for i in range(FRAMES)],
        "zooming in from all": [full.zoom_at(zoom_a, 1.25**i) for i in range(FRAMES)],
    }


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    probe = QWidget()
    style = TimelineStyle.from_palette(probe.palette(), probe.font())
    for n in (100_000, 1_000_000):
        t = time.perf_counter()
        store = synthetic_store(n)
        build = (time.perf_counter() - t) * 1000.0
        print(f"{n:,} events (EventStore from arrays: {build:.0f} ms)")
        for label, viewports in scenarios(store).items():
            report(label, frame_times(store, viewports, style))
    print("Opening 1,000,000 events (after the file reader has produced Event objects)")
    t = time.perf_counter()
    timeline = synthetic_timeline(1_000_000)
    made = time.perf_counter() - t
    t = time.perf_counter()
    store = EventStore.from_timeline(timeline)
    built = time.perf_counter() - t
    from timeline_app.qt.main_window import MainWindow

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    t = time.perf_counter()
    # What the window does when the loader thread delivers: views take the prebuilt store.
    window._apply(timeline, store, keep_view=False)
    window.select_event(store.ids[0])
    window.repaint()
    app.processEvents()
    shown = time.perf_counter() - t
    print(f"  (building the synthetic Event objects: {made:.2f} s, not part of opening)")
    print(f"  EventStore.from_timeline (loader thread): {built:.2f} s")
    print(f"  window takes the store, selects, paints every view (GUI thread): {shown * 1000:.0f} ms")
    print(f"  total: {built + shown:.2f} s")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
