"""How many events are marked in each pixel column of a strip: the overview's density.

Mapping every event's mark to its column reads every event: a tenth of a second at five
million, on the GUI thread, each time the strip is resized or its axis changes. With the marks
sorted once (on the loader's worker thread), the columns are found by binary searches over
them instead: a millisecond, however many events there are, and the same counts.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from timeline_app.core.store import KIND_POINT, EventStore
from timeline_app.core.viewport import Viewport

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


def mark_times(store: EventStore) -> FloatArray:
    """Where each event is marked on the canvas: a point's centre, a range's start."""
    return np.where(store.kind == KIND_POINT, store.mid, store.start)


def mark_columns(marks: FloatArray, full: Viewport, width: int) -> IntArray:
    """The pixel column of each mark on a strip ``width`` wide showing ``full``; those outside go to an edge."""
    xs = np.asarray(full.to_px(marks, float(width)), dtype=np.float64)
    return np.clip(xs, 0, width - 1).astype(np.int64)


def column_counts(marks: FloatArray, full: Viewport, width: int) -> IntArray:
    """Marks per pixel column, by placing every one of them."""
    if not len(marks):
        return np.zeros(width, dtype=np.int64)
    return np.bincount(mark_columns(marks, full, width), minlength=width)


class SortedMarks:
    """A store's marks in time order, counted per column without placing each."""

    def __init__(self, store: EventStore) -> None:
        self.store = store  # the store these are the marks of: the overview checks it is the one it shows
        self.marks: FloatArray = np.sort(mark_times(store))

    def counts(self, full: Viewport, width: int) -> IntArray:
        """What :func:`column_counts` gives for the store's marks.

        A mark's column only grows with its time, so the marks of each column are a run of the
        sorted ones: each run's start is found by a binary search on the column itself (not on
        the column edge's time, which rounding could put a mark on the wrong side of), all
        columns' searches stepping together.
        """
        marks, n = self.marks, len(self.marks)
        if width <= 0:
            return np.zeros(0, dtype=np.int64)
        if not n:
            return np.zeros(width, dtype=np.int64)
        wanted = np.arange(1, width, dtype=np.int64)  # the first mark in column c or beyond, for c ≥ 1
        lo = np.zeros(width - 1, dtype=np.int64)
        hi = np.full(width - 1, n, dtype=np.int64)
        while True:
            open_ = lo < hi
            if not open_.any():
                break
            mid = (lo + hi) // 2
            before = mark_columns(marks[np.minimum(mid, n - 1)], full, width) < wanted
            lo = np.where(open_ & before, mid + 1, lo)
            hi = np.where(open_ & ~before, mid, hi)
        starts = np.concatenate(([0], lo, [n]))
        return np.diff(starts).astype(np.int64)
