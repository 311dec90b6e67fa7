"""What the loader prepares for the window: the legend's counts and the overview's sorted marks, for
the timeline and store it loaded, and nothing left for the window to wait for."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from test_big_timelines import synthetic, write_version_1
from viewer_fixtures import make_story_timeline

from timeline_app.app import big_timelines
from timeline_app.app.document_rows import document_counts, other_sources
from timeline_app.app.loading import BackgroundLoad
from timeline_app.app.prepared_view import PreparedView
from timeline_app.core.columns import EventColumns
from timeline_app.core.mark_density import column_counts, mark_times
from timeline_app.core.model import Event, FuzzyDate, Mention, Timeline
from timeline_app.core.store import EventStore
from timeline_app.core.viewport import Viewport


def with_undated(timeline: Timeline) -> Timeline:
    """The timeline plus an undated event told by two of its documents and one told by none."""
    first, second = timeline.documents[0].id, timeline.documents[1].id
    undated = FuzzyDate.bounded(None, None)
    told = Event(
        "undated", "Undated", "Some time.", undated, mentions=[Mention(second, 0, 1, "x"), Mention(first, 0, 1, "x")]
    )
    untold = Event("untold", "Untold", "By hand.", undated)
    return Timeline(timeline.documents, [*timeline.events, told, untold], timeline.entities)


def told_by(timeline: Timeline, doc_id: str) -> int:
    return sum(1 for e in timeline.events if doc_id in {m.document for m in e.mentions})


def test_an_event_several_documents_tell_counts_for_each_undated_ones_included() -> None:
    timeline = with_undated(make_story_timeline())
    store = EventStore.from_timeline(timeline)
    prepared = PreparedView.of(timeline, store)
    assert any(len(e.sources) > 1 for e in timeline.events)
    assert prepared.document_counts == [told_by(timeline, d.id) for d in timeline.documents]
    assert prepared.other_sources == other_sources(timeline)
    assert prepared.fits(timeline, store)


def test_it_fits_only_the_timeline_and_store_it_was_found_for() -> None:
    timeline = make_story_timeline()
    store = EventStore.from_timeline(timeline)
    prepared = PreparedView.of(timeline, store)
    assert not prepared.fits(timeline, EventStore.from_timeline(timeline))
    copy = Timeline(timeline.documents, list(timeline.events), timeline.entities)
    assert not prepared.fits(copy, store)


def test_its_marks_count_the_overview_s_columns_as_the_store_does() -> None:
    timeline = make_story_timeline()
    store = EventStore.from_timeline(timeline)
    prepared = PreparedView.of(timeline, store)
    marks = mark_times(store)
    view = Viewport.fit(float(marks.min()), float(marks.max()), 0.03)
    assert prepared.marks.store is store
    np.testing.assert_array_equal(prepared.marks.counts(view, 300), column_counts(marks, view, 300))


@pytest.fixture
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIMELINE_APP_CACHE_DIR", str(tmp_path / "cache" / "extractions"))
    return tmp_path / "cache" / "columns"


def test_a_columns_load_comes_with_its_counts_and_does_not_wait_for_the_conflict_scan(
    tmp_path: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.arrow"
    write_version_1(synthetic(3000), path)  # conflicts not recorded: found by a scan
    scans: list[int] = []
    release = threading.Event()
    real = big_timelines._scan_conflicts

    def scan(columns: EventColumns) -> list[int]:
        release.wait(30)  # a scan slower than the rest of the load, as at millions of events
        found = real(columns)
        scans.append(len(columns))  # once it is done
        return found

    monkeypatch.setattr(big_timelines, "_scan_conflicts", scan)
    outcome = BackgroundLoad([str(path)]).outcome(timeout=20)
    timeline, store, prepared = outcome.timeline, outcome.store, outcome.prepared
    columns = big_timelines.columns_of(timeline.events)
    assert columns is not None and store is not None and prepared is not None
    assert prepared.fits(timeline, store)
    # A columns timeline counts each event under its first source (the others are in its record).
    assert prepared.document_counts == columns.doc_counts().tolist()
    assert prepared.document_counts == document_counts(timeline, store, other_sources(timeline))
    # Delivered while the scan still runs; asking for the conflicts without waiting says so.
    assert scans == [] and big_timelines.conflicts_if_found(columns) is None
    release.set()
    assert big_timelines.conflicted_source_rows(columns) and scans == [3000]
    assert big_timelines.conflicts_if_found(columns) == big_timelines.conflicted_source_rows(columns)
    assert timeline.events.materialised == 0  # type: ignore[attr-defined]


def test_a_load_comes_with_what_showing_it_needs(tmp_path: Path) -> None:
    seed = Path(__file__).resolve().parents[2] / "seeds"
    outcome = BackgroundLoad([str(seed)]).outcome(timeout=60)
    assert outcome.errors == [] and outcome.store is not None
    assert outcome.prepared is not None and outcome.prepared.fits(outcome.timeline, outcome.store)


def test_a_columns_timeline_tells_each_row_s_document_without_building_events() -> None:
    from io_samples import every_date_kind

    from timeline_app.app.document_rows import row_documents
    from timeline_app.io.events_columns import columns_from_timeline

    timeline = every_date_kind()  # undated events and unknown documents among them
    columns = columns_from_timeline(timeline)
    lazy = columns.timeline()
    expected = row_documents(timeline, EventStore.from_timeline(timeline))
    np.testing.assert_array_equal(row_documents(lazy, columns.to_store()), expected)
    assert (expected == -1).any() and lazy.events.materialised == 0  # type: ignore[attr-defined]
