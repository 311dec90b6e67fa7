"""Counting marks per pixel column from the sorted marks gives what placing every mark gives."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.core.mark_density import SortedMarks, column_counts, mark_times
from timeline_app.core.store import KIND_INTERVAL, KIND_POINT, EventStore
from timeline_app.core.time_scale import SegmentKind, TimeScale, story_scale
from timeline_app.core.viewport import Viewport

DAY0 = 738_000.0


def make_store(start: np.ndarray, length: np.ndarray, point: np.ndarray) -> EventStore:
    n = len(start)
    kind = np.where(point, KIND_POINT, KIND_INTERVAL).astype(np.int8)
    return EventStore(
        start, start + length, kind, np.zeros(n, np.uint8), np.zeros(n, np.int32), [str(i) for i in range(n)]
    )


def random_store(seed: int, n: int) -> EventStore:
    rng = np.random.default_rng(seed)
    # Whole days, as most news dates are: many marks share a time, and some fall on column edges.
    start = DAY0 + np.floor(rng.exponential(400, n)) * rng.choice([1.0, -1.0], n)
    length = np.where(rng.random(n) < 0.3, rng.exponential(30, n), 1.0)
    return make_store(start, length, rng.random(n) < 0.7)


def broken_scale() -> TimeScale:
    return TimeScale.from_segments(
        [
            (DAY0 - 3000, DAY0 - 500, SegmentKind.LINEAR, 300.0),
            (DAY0 - 500, DAY0 + 500, SegmentKind.LINEAR, 1000.0),
            (DAY0 + 500, DAY0 + 2000, SegmentKind.GAP, 40.0),
            (DAY0 + 2000, DAY0 + 4000, SegmentKind.LINEAR, 200.0),
        ]
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("width", [1, 2, 37, 600, 1280])
def test_sorted_counts_equal_placing_every_mark(seed: int, width: int) -> None:
    store = random_store(seed, 4000)
    marks = mark_times(store)
    sorted_marks = SortedMarks(store)
    lo, hi = float(marks.min()), float(marks.max())
    views = [
        Viewport(lo - 10, hi + 10),
        Viewport(lo + (hi - lo) / 3, lo + (hi - lo) / 2),  # marks beyond both edges
        Viewport(DAY0 - 2500, DAY0 + 3500, broken_scale()),
        Viewport.fit(lo, hi, 0.03, scale=story_scale(store.start, store.end, marks)),
    ]
    for view in views:
        np.testing.assert_array_equal(sorted_marks.counts(view, width), column_counts(marks, view, width))


@settings(max_examples=60, deadline=None)
@given(
    days=st.lists(st.integers(-50, 50), max_size=60),
    t0=st.integers(-60, 40),
    span=st.integers(1, 120),
    width=st.integers(1, 90),
)
def test_whole_days_on_column_edges_count_alike(days: list[int], t0: int, span: int, width: int) -> None:
    start = DAY0 + np.array(days, dtype=np.float64)
    store = make_store(start, np.zeros(len(days)), np.zeros(len(days), dtype=bool))
    view = Viewport(DAY0 + t0, DAY0 + t0 + span)
    np.testing.assert_array_equal(SortedMarks(store).counts(view, width), column_counts(mark_times(store), view, width))


def test_an_empty_store_counts_nothing() -> None:
    empty = SortedMarks(EventStore.empty())
    assert empty.counts(Viewport(DAY0, DAY0 + 10), 5).tolist() == [0, 0, 0, 0, 0]
    assert column_counts(mark_times(EventStore.empty()), Viewport(DAY0, DAY0 + 10), 5).tolist() == [0] * 5


def test_a_point_is_marked_at_its_middle_and_a_range_at_its_start() -> None:
    store = make_store(np.array([DAY0, DAY0 + 10]), np.array([1.0, 6.0]), np.array([True, False]))
    assert sorted(mark_times(store).tolist()) == [DAY0 + 0.5, DAY0 + 10]
