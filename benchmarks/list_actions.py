"""Sorting, searching and selecting in the event list of the real window, at 100,000 events.

Prints the median and the slowest of several runs of each action, in milliseconds, each
measured from the action to the window having handled it and repainted (events processed).
Asserts nothing. Run: ``.venv/bin/python benchmarks/list_actions.py [N] [--x11]``: offscreen
by default; with ``--x11`` in a real X server (a private Xvfb this script starts and stops).
"""

from __future__ import annotations

import atexit
import os
import select
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Status, Timeline

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def start_xvfb() -> None:
    """A private X server for this run; Qt then draws real windows through xcb."""
    exe = shutil.which("Xvfb")
    if exe is None:
        raise SystemExit("Xvfb is not installed")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [exe, "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    ready, _, _ = select.select([read_fd], [], [], 20)
    number = os.read(read_fd, 32).decode().strip() if ready else ""
    if not number:
        proc.kill()
        raise SystemExit("Xvfb did not start")
    atexit.register(proc.terminate)
    os.environ["DISPLAY"] = f":{number}"
    os.environ["QT_QPA_PLATFORM"] = "xcb"


RUNS = 7
WORDS = ("talks", "parade", "troops", "summit", "report", "visit", "vote", "storm", "court", "strike")


def synthetic_timeline(n: int, seed: int = 4) -> Timeline:
    rng = np.random.default_rng(seed)
    base = date(1990, 1, 1).toordinal()
    days = rng.integers(0, 12_000, n).tolist()
    words = rng.integers(0, len(WORDS), n).tolist()
    statuses = list(Status)
    docs = [Document(f"d{i}", f"/tmp/d{i}.txt", "", title=f"Article {i}") for i in range(8)]
    events = []
    for i, (d, w) in enumerate(zip(days, words, strict=True)):
        when = date.fromordinal(base + d)
        fd = FuzzyDate.point(DatePoint.day(when)) if i % 11 else FuzzyDate.bounded(None, DatePoint.day(when))
        events.append(
            Event(
                f"e{i}",
                f"{WORDS[w].title()} number {i}",
                f"The {WORDS[w]} number {i} took place.",
                fd,
                status=statuses[i % len(statuses)],
                mentions=[Mention(f"d{i % 8}", 0, 0, "")],
            )
        )
    return Timeline(docs, events)


def timed(app: QApplication, action: Callable[[], object]) -> float:
    t = time.perf_counter()
    action()
    app.processEvents()
    return (time.perf_counter() - t) * 1000.0


def report(label: str, times: list[float]) -> None:
    print(f"  {label:<44} median {statistics.median(times):7.1f} ms   max {max(times):7.1f} ms")


def main() -> int:
    if "--x11" in sys.argv:
        sys.argv.remove("--x11")
        start_xvfb()
    else:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt is imported once the platform is chosen.
    from PySide6.QtCore import QItemSelectionModel, Qt
    from PySide6.QtWidgets import QApplication

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    from timeline_app.qt.main_window import MainWindow

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    timeline = synthetic_timeline(n)
    t = time.perf_counter()
    window.set_timeline(timeline)
    app.processEvents()
    shown = (time.perf_counter() - t) * 1000.0
    lister = window.event_list()
    t = time.perf_counter()
    while not lister.is_indexed():
        app.processEvents()
        time.sleep(0.005)
    indexed = (time.perf_counter() - t) * 1000.0
    platform = app.platformName()
    print(f"{n:,} events ({platform}): set_timeline {shown:.0f} ms, index on a worker thread {indexed:.0f} ms more")
    table = lister.table
    search = lister.search
    rng = np.random.default_rng(1)

    sorts: list[float] = []
    for column in [1, 2, 3, 0, 1, 3, 2][:RUNS]:
        descending = bool(rng.integers(0, 2))
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        sorts.append(timed(app, lambda c=column, o=order: table.horizontalHeader().setSortIndicator(c, o)))
    report("sort by a column (header click)", sorts)
    timed(app, lambda: lister.sort_by(-1))

    typed: list[float] = []
    cleared: list[float] = []
    narrowed: list[float] = []
    for word in WORDS[:RUNS]:
        typed.append(timed(app, lambda w=word: search.setText(w[0])))
        narrowed.append(timed(app, lambda w=word: search.setText(w[:3])))
        cleared.append(timed(app, search.clear))
    report("search: type one character", typed)
    report("search: narrow to three characters", narrowed)
    report("search: clear a one-character search", cleared)

    selects: list[float] = []
    model = lister.model
    for row in rng.integers(0, n, RUNS).tolist():
        index = model.index(int(row), 1)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        selects.append(timed(app, lambda i=index, f=flags: table.selectionModel().setCurrentIndex(i, f)))
    report("select a row (the window follows)", selects)
    search.setText("su")
    app.processEvents()
    matches: list[float] = []
    for _ in range(RUNS):
        matches.append(timed(app, lambda: lister.step_match(+1)))
    report("search: show the next match on the timeline", matches)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
