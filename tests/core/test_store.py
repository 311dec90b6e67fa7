from datetime import date

import numpy as np
import pytest

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Precision, Status, Timeline
from timeline_app.core.store import (
    DENSE_LIMIT,
    FLAG_COARSE,
    FLAG_CURATED,
    FLAG_EXPECTED,
    FLAG_ONGOING,
    FLAG_OPEN_END,
    KIND_BOUNDED,
    KIND_INTERVAL,
    KIND_POINT,
    EventStore,
    pack_lanes,
)
from timeline_app.core.time_scale import story_scale
from timeline_app.core.viewport import Viewport, to_time


def _event(eid: str, fd: FuzzyDate, status: Status = Status.OCCURRED) -> Event:
    return Event(eid, eid, eid, fd, status=status, mentions=[Mention("d1", 0, 1, "x")])


def seed_like() -> Timeline:
    day = DatePoint.day
    doc = Document("d1", "a.txt", "text", reference_date=date(2025, 9, 4))
    return Timeline(
        [doc],
        [
            _event("report", FuzzyDate.point(day(date(2025, 9, 4)))),
            _event("kursk", FuzzyDate.bounded(DatePoint.month(2024, 10), day(date(2025, 9, 3)))),
            _event("deploy", FuzzyDate.point(DatePoint.month(2024, 10))),
            _event("parade", FuzzyDate.point(day(date(2025, 9, 3)))),
            _event("visit", FuzzyDate.point(day(date(2025, 12, 1))), Status.EXPECTED),
            _event("troops", FuzzyDate.interval(DatePoint.month(2024, 10), None)),
            _event("undated", FuzzyDate.bounded(None, None)),
        ],
    )


def test_from_timeline_sorts_and_classifies() -> None:
    store = EventStore.from_timeline(seed_like())
    assert store.ids == ["deploy", "kursk", "troops", "parade", "report", "visit"]
    assert store.position("undated") == -1
    p = store.position("deploy")
    assert store.start[p] == to_time(date(2024, 10, 1))
    assert store.end[p] == to_time(date(2024, 11, 1))
    assert store.kind[p] == KIND_POINT and store.flags[p] & FLAG_COARSE
    k = store.position("kursk")
    assert store.kind[k] == KIND_BOUNDED
    assert store.end[k] == to_time(date(2025, 9, 4))
    t = store.position("troops")
    assert store.kind[t] == KIND_INTERVAL and store.flags[t] & FLAG_OPEN_END
    # An open interval runs to the document's reference date.
    assert store.end[t] == to_time(date(2025, 9, 5))
    assert store.flags[store.position("visit")] & FLAG_EXPECTED


def test_visible_finds_long_events_that_start_off_screen() -> None:
    store = EventStore.from_timeline(seed_like())
    t0, t1 = to_time(date(2025, 3, 1)), to_time(date(2025, 3, 31))
    ids = {store.ids[i] for i in store.visible(t0, t1)}
    assert ids == {"kursk", "troops"}
    sep3 = to_time(date(2025, 9, 3))
    ids_sep = {store.ids[i] for i in store.visible(sep3 + 0.25, sep3 + 0.5)}
    assert ids_sep == {"parade", "kursk", "troops"}


def test_visible_matches_brute_force_on_random_data() -> None:
    rng = np.random.default_rng(7)
    n = 5000
    start = rng.uniform(0, 10_000, n) + 700_000
    length = rng.exponential(20, n) * (rng.random(n) < 0.3)
    store = EventStore(
        start,
        start + length,
        np.zeros(n, np.int8),
        np.zeros(n, np.uint8),
        np.zeros(n, np.int32),
        [str(i) for i in range(n)],
    )
    for t0 in rng.uniform(700_000, 710_000, 20):
        t1 = t0 + rng.uniform(0, 300)
        got = set(store.visible(t0, t1).tolist())
        want = set(np.flatnonzero((store.start <= t1) & (store.end >= t0)).tolist())
        assert got == want


def test_pack_lanes_never_overlaps() -> None:
    rng = np.random.default_rng(1)
    left = np.sort(rng.uniform(0, 1000, 300))
    right = left + rng.uniform(5, 200, 300)
    lanes = pack_lanes(left, right, max_lanes=8, gap=10.0)
    for lane in range(8):
        idx = np.flatnonzero(lanes == lane)
        assert np.all(left[idx][1:] >= right[idx][:-1] + 10.0)
    assert (lanes == -1).any()  # 300 wide items cannot all fit in 8 lanes
    assert lanes[0] == 0


def test_layout_puts_same_day_events_in_separate_lanes_and_hits_them() -> None:
    store = EventStore.from_timeline(seed_like())
    label_px = np.full(len(store), 120.0)
    vp = Viewport(to_time(date(2024, 9, 1)), to_time(date(2026, 1, 1)))
    frame = store.layout(vp, 1000.0, label_px, max_lanes=6)
    assert not frame.dense
    by_id = {store.ids[p]: (lane, xm) for p, lane, xm in zip(frame.positions, frame.lanes, frame.xm, strict=True)}
    assert by_id["parade"][0] != by_id["report"][0]
    assert (frame.lanes >= 0).all()
    lane, xm = by_id["parade"]
    assert store.ids[frame.hit(float(xm), int(lane))] == "parade"
    assert frame.hit(float(xm), 99) == -1


def test_dense_view_aggregates_into_columns() -> None:
    n = 100_000
    start = np.linspace(700_000, 710_000, n)
    store = EventStore(
        start, start, np.zeros(n, np.int8), np.zeros(n, np.uint8), np.zeros(n, np.int32), [str(i) for i in range(n)]
    )
    frame = store.layout(Viewport(699_000.0, 711_000.0), 800.0, np.full(n, 50.0), max_lanes=5)
    assert frame.dense
    assert frame.density.sum() == n and len(frame.density) == 800
    zoomed = store.layout(Viewport(705_000.0, 705_001.0), 800.0, np.full(n, 50.0), max_lanes=5)
    assert not zoomed.dense and 0 < len(zoomed) < 50


def test_nearest_and_bounds() -> None:
    store = EventStore.from_timeline(seed_like())
    assert store.ids[store.nearest(to_time(date(2025, 9, 4)) + 0.4)] == "report"
    lo, hi = store.bounds() or (0.0, 0.0)
    assert lo == to_time(date(2024, 10, 1)) and hi == to_time(date(2025, 12, 2))
    assert EventStore.empty().bounds() is None
    assert len(EventStore.empty().visible(0.0, 1e6)) == 0


def test_time_precision_point_is_instant() -> None:
    tl = Timeline(
        [Document("d1", "a", "t")],
        [_event("t", FuzzyDate.point(DatePoint(date(2025, 9, 3), date(2025, 9, 3), Precision.TIME, "14:30")))],
    )
    store = EventStore.from_timeline(tl)
    assert store.start[0] == pytest.approx(to_time(date(2025, 9, 3)) + 14.5 / 24)
    assert store.end[0] == store.start[0]


def test_nearest_prefers_the_point_over_a_range_starting_the_same_day() -> None:
    tl = seed_like()
    tl.events.append(_event("after", FuzzyDate.bounded(DatePoint.day(date(2025, 9, 4)), None)))
    store = EventStore.from_timeline(tl)
    assert store.ids[store.nearest(to_time(date(2025, 9, 4)) + 0.5)] == "report"


def test_long_events_covering_the_view_do_not_count_as_in_view() -> None:
    n = 3000
    start = np.linspace(700_000, 700_100, n)  # all start before the view...
    end = start + 1000.0  # ...and all cover it
    store = EventStore(
        start, end, np.ones(n, np.int8), np.zeros(n, np.uint8), np.zeros(n, np.int32), [str(i) for i in range(n)]
    )
    # Zooming in cannot thin out events that cover the whole view: they never make it "too dense".
    frame = store.layout(Viewport(700_500.0, 700_600.0), 500.0, np.full(n, 50.0), max_lanes=5)
    assert not frame.dense
    assert len(frame) == DENSE_LIMIT and frame.spanning_left_out == n - DENSE_LIMIT
    assert frame.positions.min() == n - DENSE_LIMIT  # the ones begun last are laid out
    # Events starting in view still count.
    dense = store.layout(Viewport(699_990.0, 700_600.0), 500.0, np.full(n, 50.0), max_lanes=5)
    assert dense.dense and len(dense) == n


def test_ongoing_event_runs_to_the_reference_date_but_sorts_by_its_start() -> None:
    tl = seed_like()
    deploy = next(e for e in tl.events if e.id == "deploy")
    deploy.status = Status.ONGOING
    store = EventStore.from_timeline(tl)
    pos = store.position("deploy")
    assert store.kind[pos] == KIND_INTERVAL
    assert store.flags[pos] & FLAG_ONGOING and store.flags[pos] & FLAG_OPEN_END
    assert (store.start[pos], store.end[pos]) == (to_time(date(2024, 10, 1)), to_time(date(2025, 9, 5)))
    # Begun in October 2024: before the undated-but-bounded event that may be as late as September 2025.
    assert store.ids.index("deploy") < store.ids.index("kursk")


def test_curated_events_are_flagged() -> None:
    tl = seed_like()
    next(e for e in tl.events if e.id == "parade").curated = True
    next(e for e in tl.events if e.id == "troops").curated = True
    store = EventStore.from_timeline(tl)
    flagged = {store.ids[p] for p in range(len(store)) if store.flags[p] & FLAG_CURATED}
    assert flagged == {"parade", "troops"}


def test_refreshed_updates_marks_in_place_and_resorts_moved_dates() -> None:
    tl = seed_like()
    store = EventStore.from_timeline(tl)
    parade = next(e for e in tl.events if e.id == "parade")
    parade.curated = True
    same = store.refreshed(tl, ["parade"])
    assert same is store and store.flags[store.position("parade")] & FLAG_CURATED
    parade.date = FuzzyDate.point(DatePoint.day(date(2020, 1, 2)))
    moved = store.refreshed(tl, ["parade"])
    assert moved is not None and moved is not store
    fresh = EventStore.from_timeline(tl)
    assert moved.ids == fresh.ids and moved.ids[0] == "parade"
    assert np.array_equal(moved.start, fresh.start) and np.array_equal(moved.end, fresh.end)
    assert moved.event_at(0) is parade
    # Losing its date takes an event off the canvas: only a rebuild can do that.
    parade.date = FuzzyDate.bounded(None, None)
    assert moved.refreshed(tl, ["parade"]) is None
    assert store.refreshed(Timeline(tl.documents, list(tl.events)), ["kursk"]) is None  # another list


def test_subset_by_row_mask_equals_a_store_built_from_the_kept_events() -> None:
    tl = seed_like()
    tl.events[0].curated = True  # "report"
    store = EventStore.from_timeline(tl)
    keep = [not e.curated and e.id != "kursk" for e in tl.events]
    kept = Timeline(tl.documents, [e for e, k in zip(tl.events, keep, strict=True) if k])
    sub = store.subset(keep, kept.events)
    fresh = EventStore.from_timeline(kept)
    assert sub.ids == fresh.ids == ["deploy", "troops", "parade", "visit"]
    for name in ("start", "end", "kind", "flags", "doc", "source_index", "sort_end", "mid"):
        assert np.array_equal(getattr(sub, name), getattr(fresh, name)), name
    assert sub.position("parade") == 2 and sub.position("report") == -1
    assert sub.event_at(sub.position("visit")) is next(e for e in tl.events if e.id == "visit")
    assert sub.bounds() == fresh.bounds()
    # The source store is untouched.
    assert store.ids == ["deploy", "kursk", "troops", "parade", "report", "visit"]
    with pytest.raises(ValueError, match="shorter"):
        store.subset([True, False])


def test_a_subset_of_a_subset_finds_every_id_as_a_store_built_afresh() -> None:
    tl = seed_like()
    store = EventStore.from_timeline(tl)
    first = [e.id != "kursk" for e in tl.events]
    kept = [e for e, k in zip(tl.events, first, strict=True) if k]
    sub = store.subset(first, kept)
    second = [e.id not in ("parade", "deploy") for e in kept]
    inner = sub.subset(second, [e for e, k in zip(kept, second, strict=True) if k])
    fresh = EventStore.from_timeline(Timeline(tl.documents, [e for e, k in zip(kept, second, strict=True) if k]))
    for event in tl.events:
        assert inner.position(event.id) == fresh.position(event.id), event.id
    assert inner.position("nobody") == -1 and sub.position("kursk") == -1


def _no_overlap(left: np.ndarray, right: np.ndarray, lanes: np.ndarray, gap: float = 10.0) -> bool:
    for lane in np.unique(lanes[lanes >= 0]).tolist():
        idx = np.flatnonzero(lanes == lane)
        idx = idx[np.argsort(left[idx])]
        if not np.all(left[idx][1:] >= right[idx][:-1] + gap):
            return False
    return True


def test_every_event_gets_a_lane_when_lanes_scroll() -> None:
    # Forty events on one day: zooming cannot separate them, so each needs its own lane.
    left = np.zeros(40)
    right = np.full(40, 200.0)
    lanes = pack_lanes(left, right, max_lanes=2000)
    assert sorted(lanes.tolist()) == list(range(40))


def test_first_fit_uses_the_fewest_lanes_and_never_overlaps() -> None:
    rng = np.random.default_rng(7)
    left = np.sort(rng.uniform(0, 5000, 2000))
    right = left + rng.uniform(5, 300, 2000)
    lanes = pack_lanes(left, right, max_lanes=2000, gap=10.0)
    assert (lanes >= 0).all() and _no_overlap(left, right, lanes)
    # The most items overlapping any one point (gap included) is a lower bound on lanes.
    events = sorted([(x, 1) for x in left] + [(x + 10.0, -1) for x in right], key=lambda e: (e[0], e[1]))
    depth = peak = 0
    for _, step in events:
        depth += step
        peak = max(peak, depth)
    assert int(lanes.max()) + 1 == peak


def test_ranked_top_lanes_then_everything_else_below() -> None:
    left = np.zeros(30)
    right = np.full(30, 100.0)
    rank = np.arange(30, dtype=np.float64)  # the last is the most central
    lanes = pack_lanes(left, right, max_lanes=2000, rank=rank, ranked_lanes=4)
    assert lanes[29] == 0 and lanes[28] == 1 and lanes[27] == 2 and lanes[26] == 3
    assert sorted(lanes.tolist()) == list(range(30))
    assert _no_overlap(left, right, lanes)


def test_bounds_read_around_the_date_they_bound() -> None:
    tl = seed_like()
    tl.events.append(_event("before", FuzzyDate.bounded(None, DatePoint.day(date(2025, 9, 4)))))
    tl.events.append(_event("after", FuzzyDate.bounded(DatePoint.day(date(2025, 9, 4)), None)))
    tl.events.insert(0, _event("later-report", FuzzyDate.point(DatePoint.day(date(2025, 9, 4)))))
    order = EventStore.from_timeline(tl).ids
    assert order.index("before") < order.index("report") < order.index("after")
    assert order.index("before") < order.index("later-report") < order.index("after")


def test_bands_stack_their_lanes() -> None:
    store = EventStore.from_timeline(seed_like())
    bands = np.array([0 if store.ids[p] in ("parade", "report") else 1 for p in range(len(store))], dtype=np.int64)
    vp = Viewport(to_time(date(2024, 9, 1)), to_time(date(2026, 1, 1)))
    frame = store.layout(vp, 1000.0, np.full(len(store), 120.0), bands=bands)
    lane = dict(zip([store.ids[p] for p in frame.positions], frame.lanes.tolist(), strict=True))
    first = frame.band_lanes.tolist()
    # Each band starts with a lane for its name; parade and report share a day: two lanes.
    assert first[0] == 0 and first[1] == 3
    assert {lane["parade"], lane["report"]} == {1, 2}
    assert all(lane[i] >= 4 for i in ("kursk", "deploy", "troops", "visit"))
    # A band with nothing in view takes no lanes.
    later = store.layout(
        Viewport(to_time(date(2025, 11, 20)), to_time(date(2025, 12, 10))),
        1000.0,
        np.full(len(store), 120.0),
        bands=bands,
    )
    assert later.band_lanes.tolist()[0] == -1 and later.band_lanes.tolist()[1] == 0


def test_reserved_width_keeps_the_selected_label_clear_of_its_neighbours() -> None:
    tl = seed_like()
    tl.events = [e for e in tl.events if e.id in ("parade", "report")]
    store = EventStore.from_timeline(tl)
    vp = Viewport(to_time(date(2025, 8, 20)), to_time(date(2025, 9, 20)))
    widths = np.full(len(store), 20.0)
    plain = store.layout(vp, 1000.0, widths)
    lane = dict(zip([store.ids[p] for p in plain.positions], plain.lanes.tolist(), strict=True))
    assert lane["parade"] == lane["report"]  # short labels: a day apart is room enough
    pos = store.position("parade")
    wide = store.layout(vp, 1000.0, widths, reserve=(pos, 400.0, 0.0))
    lane = dict(zip([store.ids[p] for p in wide.positions], wide.lanes.tolist(), strict=True))
    assert lane["parade"] != lane["report"]


def test_layout_on_a_broken_axis_places_events_by_the_scale() -> None:
    store = EventStore.from_timeline(seed_like())
    marks = np.where(store.kind == KIND_POINT, store.mid, store.start)
    scale = story_scale(store.start, store.end, marks)
    bounds = store.bounds()
    assert bounds is not None
    vp = Viewport.fit(bounds[0], bounds[1], 0.02, scale=scale)
    frame = store.layout(vp, 1000.0, np.full(len(store), 50.0))
    xm = dict(zip([store.ids[p] for p in frame.positions], frame.xm.tolist(), strict=True))
    assert np.allclose(
        frame.xm,
        np.asarray(
            vp.to_px(
                np.where(
                    store.kind[frame.positions] == KIND_POINT, store.mid[frame.positions], store.start[frame.positions]
                ),
                1000.0,
            )
        ),
    )
    assert xm["deploy"] < xm["parade"] < xm["report"] < xm["visit"]


def test_rows_of_dates_agree_with_event_spans() -> None:
    """row_span (shared by the store and the columns readers) gives event_span's times and flags."""
    from timeline_app.core.store import event_span, row_span

    timeline = seed_like()
    timeline.events.append(_event("ongoing", FuzzyDate.point(DatePoint.month(2025, 3)), Status.ONGOING))
    timeline.events.append(_event("curated", FuzzyDate.point(DatePoint.year(2020))))
    timeline.events[-1].curated = True
    reference = date(2025, 9, 4)
    for event in timeline.events:
        span = event_span(event, reference)
        row = row_span(event.date, event.status, event.curated, reference)
        assert (row is None) == (span is None), event.id
        if row is not None:
            assert row[:4] == span, event.id
    ongoing = row_span(timeline.events[-2].date, Status.ONGOING, False, reference)
    assert ongoing is not None and ongoing[4] == to_time(date(2025, 4, 1)) < ongoing[1]
