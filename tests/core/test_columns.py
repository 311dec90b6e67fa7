"""Event columns: the same store as from Event objects, lazy rows, search and lookups."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date, timedelta

import numpy as np
import pytest
from io_samples import every_date_kind

from timeline_app.core.columns import EventColumns, LazyEvents
from timeline_app.core.event_index import ColumnsEventIndex, EventIndex
from timeline_app.core.model import (
    DatePoint,
    Document,
    Event,
    FuzzyDate,
    Mention,
    Timeline,
    event_with_id,
)
from timeline_app.core.store import FLAG_CURATED, EventStore
from timeline_app.io.events_columns import columns_from_timeline

ARRAYS = ("start", "end", "kind", "flags", "doc", "sort_end", "source_index")


def many_events(count: int, seed: int = 3) -> Timeline:
    rng = np.random.default_rng(seed)
    docs = [Document(f"d{i}", f"{i}.txt", "", f"Doc {i}", date(2025, 1, 1)) for i in range(5)]
    events = []
    for i in range(count):
        day = date(2000, 1, 1) + timedelta(days=int(rng.integers(0, 3000)))
        fd = FuzzyDate.point(DatePoint.day(day)) if i % 4 else FuzzyDate.interval(DatePoint.month(day.year, 1), None)
        doc = f"d{int(rng.integers(0, 5))}"
        title = f"{'Harbour' if i % 10 == 0 else 'Rail'} event {i}"
        events.append(Event(f"{doc}-e{i}", title, "s", fd, mentions=[Mention(doc, 0, 1, "x")]))
    return Timeline(docs, events)


def assert_same_store(a: EventStore, b: EventStore) -> None:
    for name in ARRAYS:
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
    assert list(a.ids) == list(b.ids)


@pytest.mark.parametrize("timeline", [every_date_kind(), many_events(3000)], ids=["every-kind", "many"])
def test_store_from_columns_equals_store_from_events(timeline: Timeline) -> None:
    columns = columns_from_timeline(timeline)
    by_events = EventStore.from_timeline(timeline)
    by_columns = EventStore.from_columns(columns)
    assert_same_store(by_columns, by_events)
    assert columns.dated == len(by_events)
    for event in timeline.events[:200]:
        assert by_columns.position(event.id) == by_events.position(event.id)
    # The store's events are the timeline's, in the order read.
    pos = len(by_columns) // 2
    assert by_columns.event_at(pos) == by_events.event_at(pos)
    assert by_columns.salience is not None
    np.testing.assert_allclose(
        by_columns.salience, [timeline.events[r].salience for r in by_events.source_index.tolist()], atol=1e-6
    )


def test_materialises_only_rows_asked_for() -> None:
    timeline = many_events(2000)
    columns = columns_from_timeline(timeline)
    store = columns.to_store()
    lazy = columns.timeline()
    assert isinstance(lazy.events, LazyEvents)
    assert len(lazy.events) == 2000
    assert columns.decoded == 0
    assert lazy.events[1234] == timeline.events[1234]
    assert lazy.events[-1] == timeline.events[-1]
    assert store.event_at(10) == timeline.events[int(store.source_index[10])]
    assert columns.decoded == 3
    assert lazy.events.materialised == 3
    # The same row gives the same object, so that an edit in place lasts.
    lazy.events[1234].title = "Edited"
    assert lazy.events[1234].title == "Edited"
    assert columns.event(columns.row_of(1234)).title == "Edited"
    assert columns.decoded == 3
    # Drawing and labelling need no event: ids, titles and ranks come from the columns.
    assert store.ids[5] == timeline.events[int(store.source_index[5])].id
    assert columns.title(5) == timeline.events[int(store.source_index[5])].title
    assert columns.decoded == 3


def test_lazy_events_become_a_list_when_changed() -> None:
    timeline = many_events(50)
    lazy = columns_from_timeline(timeline).timeline()
    extra = Event("new", "New", "", FuzzyDate.point(DatePoint.year(2001)))
    lazy.events.append(extra)
    assert len(lazy.events) == 51 and lazy.events[-1] is extra
    assert [e.id for e in lazy.events[:50]] == [e.id for e in timeline.events]
    lazy.events.sort(key=lambda e: e.id)
    assert [e.id for e in lazy.events] == sorted(e.id for e in [*timeline.events, extra])


def test_an_event_is_found_by_id_without_building_the_others() -> None:
    timeline = many_events(2000)
    lazy = columns_from_timeline(timeline).timeline()
    wanted = timeline.events[1500]
    found = event_with_id(lazy.events, wanted.id)
    assert found == wanted and found is lazy.events[1500]
    assert lazy.events.materialised == 1  # type: ignore[attr-defined]
    assert event_with_id(lazy.events, "no-such-id") is None
    lazy.events.append(Event("late", "Late", "", FuzzyDate.point(DatePoint.year(2001))))
    assert event_with_id(lazy.events, "late") is lazy.events[-1]  # a list by now: found by walking it
    assert event_with_id(timeline.events, wanted.id) is wanted and event_with_id([], "x") is None


def test_search_mask_and_counts() -> None:
    timeline = many_events(500)
    columns = columns_from_timeline(timeline)
    mask = columns.search("harBOUR")
    expected = np.array(["harbour" in columns.title(i).lower() for i in range(len(columns))])
    np.testing.assert_array_equal(mask, expected)
    assert mask.sum() == 50
    assert columns.search("  ").all()
    assert not columns.search("nowhere").any()
    counts = columns.doc_counts()
    assert counts.sum() == 500 and len(counts) == 5
    assert counts[2] == sum(1 for e in timeline.events if e.document == "d2")


def test_position_by_scan_and_by_table() -> None:
    timeline = many_events(300)
    columns = columns_from_timeline(timeline)
    ids = [columns.id(i) for i in range(len(columns))]
    probe = [0, 1, 150, 299]
    assert [columns.position(ids[i]) for i in probe] == probe
    assert columns.position("missing") == -1
    columns.build_position_table()
    assert [columns.position(ids[i]) for i in range(len(columns))] == list(range(len(columns)))
    assert columns.position("zzz") == -1 and columns.position("") == -1


def test_a_table_built_later_never_makes_a_lookup_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    timeline = many_events(300)
    columns = columns_from_timeline(timeline)
    ids = [columns.id(i) for i in range(len(columns))]
    release = threading.Event()
    real = columns.build_position_table

    def slow_build() -> None:
        release.wait(10)  # a sort of millions of ids, still running
        real()

    monkeypatch.setattr(columns, "build_position_table", slow_build)
    assert [columns.position(ids[i]) for i in range(10)] == list(range(10))
    assert columns._table_coming is None  # a few lookups: scans only
    # Many lookups: the ids are sorted on a worker thread, and no lookup waits for it.
    assert [columns.position(ids[i]) for i in range(10, 40)] == list(range(10, 40))
    assert columns._id_order is None
    release.set()
    assert columns._table_coming is not None
    columns._table_coming.join(10)
    assert columns._id_order is not None
    assert [columns.position(ids[i]) for i in range(len(columns))] == list(range(len(columns)))


def test_string_columns_read_like_lists() -> None:
    timeline = many_events(100)
    columns = columns_from_timeline(timeline)
    ids = columns.id_sequence()
    assert len(ids) == 100 and ids[-1] == columns.id(99)
    assert list(ids) == [columns.id(i) for i in range(100)]
    assert ids[10:13] == [columns.id(i) for i in (10, 11, 12)]
    with pytest.raises(IndexError):
        ids[100]


def test_columns_check_lengths() -> None:
    columns = columns_from_timeline(many_events(10))
    with pytest.raises(ValueError, match="length"):
        EventColumns(
            columns.start[:5], columns.end, columns.sort_end, columns.kind, columns.flags, columns.doc,
            columns.salience, columns.confidence, columns.status, columns.source, columns.ids, columns.titles,
            columns.record, columns.documents, columns.dated,
        )  # fmt: skip


def test_small_timelines_never_load_pyarrow() -> None:
    code = (
        "import sys\n"
        "from timeline_app.core.store import EventStore\n"
        "from timeline_app.io import events_json, formats\n"
        "print('pyarrow' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_columns_event_index_sorts_like_the_event_index() -> None:
    timeline = every_date_kind()
    for i, event in enumerate(timeline.events):
        event.title = ("Zeta", "alpha", "Beta", "alpha")[i % 4] + f" {i % 5}"
    columns = columns_from_timeline(timeline)
    store = columns.to_store()
    titles = {"d1": "Second by title", "d2": "First by title"}
    by_events = EventIndex(timeline.events, store.source_index, titles)
    by_columns = ColumnsEventIndex(columns, store.source_index, titles)
    for column in ("date", "title", "status"):
        np.testing.assert_array_equal(by_columns.rank(column), by_events.rank(column), err_msg=column)
    # Unknown documents sort first here, by their id there: compare the known ones.
    known = np.array([e.document in titles for e in timeline.events])
    rows = np.flatnonzero(known)
    np.testing.assert_array_equal(
        by_columns.sorted_rows(rows, "source"), by_events.sorted_rows(rows, "source"), err_msg="source"
    )
    np.testing.assert_array_equal(by_columns.matching("ALPHA 1"), by_events.matching("alpha 1"))
    assert len(by_columns.matching(" ")) == len(timeline.events)
    lazy = columns.timeline().events
    lazy[3].title = "Renamed"
    by_columns.update_rows(lazy, [3])
    assert by_columns.matching("renamed").tolist() == [3]
    assert 3 not in by_columns.matching("alpha").tolist()


def test_store_from_columns_filters_and_refreshes_like_any_store() -> None:
    timeline = many_events(400)
    columns = columns_from_timeline(timeline)
    store = columns.to_store()
    events = columns.timeline().events
    keep = np.array([i % 3 == 0 for i in range(len(events))])
    kept = [e for e, k in zip(timeline.events, keep, strict=True) if k]
    subset = store.subset(keep, kept)
    by_events = EventStore.from_timeline(Timeline(timeline.documents, kept))
    assert_same_store(subset, by_events)
    assert subset.position(kept[7].id) == by_events.position(kept[7].id)
    assert subset.position(timeline.events[1].id) == -1
    # An edit that moves an event: the store follows without reading the other events.
    moved = events[5]
    moved.date = FuzzyDate.point(DatePoint.day(date(1999, 1, 1)))
    before = columns.decoded
    again = store.refreshed(columns.timeline(), [moved.id])
    assert again is not None and again.position(moved.id) == 0
    assert columns.decoded == before
    # Flags change in place for an edit that moves nothing; the columns stay as read.
    flagged = events[int(again.source_index[3])]
    flagged.curated = True
    assert again.refreshed(columns.timeline(), [flagged.id]) is again
    assert again.flags[3] & FLAG_CURATED
