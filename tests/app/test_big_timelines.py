"""Big timelines open as columns: which files, the conversion and its reuse, and the list's index."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from timeline_app.app import big_timelines
from timeline_app.app.big_timelines import ColumnsFile, columnar_source, columns_of, open_columns, prepare
from timeline_app.app.loading import BackgroundLoad, load_for_view
from timeline_app.core.list_index import ListIndex
from timeline_app.core.list_index_columns import ColumnListIndex
from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Status, Timeline
from timeline_app.io import events_json
from timeline_app.io.columnar import write_columns


def synthetic(n: int, seed: int = 3) -> Timeline:
    rng = random.Random(seed)
    docs = [Document(f"d{i}", f"/news/story{i}.txt", "word " * 50, title=f"Story {i}") for i in range(4)]
    words = ["Harbour", "rail", "Council", "strike", "Élan"]
    events = []
    for i in range(n):
        day = date(2000, 1, 1) + timedelta(days=rng.randrange(9000))
        when = FuzzyDate.point(DatePoint.day(day)) if rng.random() < 0.8 else FuzzyDate.point(DatePoint.year(day.year))
        doc = docs[rng.randrange(len(docs))].id
        event = Event(
            f"e{i}",
            f"{rng.choice(words)} event {i}",
            "A sentence.",
            when,
            status=rng.choice(list(Status)),
            mentions=[Mention(doc, 0, 4, "word")],
            confidence=round(rng.random(), 2),
        )
        if i % 97 == 0:
            event.conflict = [(doc, "2001-01-01"), ("d9", "2002")]
        events.append(event)
    return Timeline(documents=docs, events=events)


def write_version_1(timeline: Timeline, path: Path) -> None:
    """A columns file as version 1 wrote it: no recorded conflicts, so they are found by a scan."""
    import pyarrow as pa

    write_columns(timeline, path)
    batch = pa.ipc.open_file(pa.BufferReader(path.read_bytes())).get_batch(0)
    batch = batch.drop_columns(["conflicted"])
    meta = {**batch.schema.metadata, b"timeline_app.version": b"1"}
    batch = batch.replace_schema_metadata(meta)
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, batch.schema) as writer:
        writer.write_batch(batch)


@pytest.fixture
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIMELINE_APP_CACHE_DIR", str(tmp_path / "cache" / "extractions"))
    return tmp_path / "cache" / "columns"


def test_which_files_open_as_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(big_timelines, "COLUMNS_FROM_BYTES", 1000)
    events = tmp_path / "events.json"
    events_json.dump(synthetic(50), events)
    slides = tmp_path / "slides.json"
    slides.write_text('{"events": [' + ", ".join(['{"text": {"headline": "x"}}'] * 60) + "]}")
    arrow = tmp_path / "t.arrow"
    write_columns(synthetic(5), arrow)
    assert columnar_source([str(events)]) == events
    assert columnar_source([str(arrow)]) == arrow
    assert columnar_source([str(slides)]) is None  # TimelineJS: read the ordinary way
    assert columnar_source([str(events), str(arrow)]) is None  # several files are merged as objects
    monkeypatch.setattr(big_timelines, "COLUMNS_FROM_BYTES", 10**9)
    assert columnar_source([str(events)]) is None


def test_a_big_events_file_is_converted_once_and_reused(
    tmp_path: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(big_timelines, "COLUMNS_FROM_BYTES", 1000)
    source = tmp_path / "events.json"
    original = synthetic(300)
    events_json.dump(original, source)
    result, errors = load_for_view([str(source)])
    assert errors == [] and isinstance(result, ColumnsFile) and Path(result.path).parent == private_cache
    made = Path(result.path).stat().st_mtime_ns
    again, _ = load_for_view([str(source)])
    assert isinstance(again, ColumnsFile) and again.path == result.path
    assert Path(again.path).stat().st_mtime_ns >= made
    columns = open_columns(again)
    reread = events_json.load(source)
    timeline = columns.timeline()
    assert [e.id for e in timeline.events] == [e.id for e in reread.events]
    assert timeline.events[7].title == reread.events[7].title


def test_a_conversion_this_version_cannot_read_is_made_again(tmp_path: Path, private_cache: Path) -> None:
    source = tmp_path / "events.json"
    events_json.dump(synthetic(40), source)
    ref = prepare(source)
    Path(ref.path).write_bytes(b"not an arrow file")
    columns = open_columns(ref)
    assert len(columns) == 40


def test_the_window_load_maps_columns_and_builds_no_event(
    tmp_path: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(big_timelines, "COLUMNS_FROM_BYTES", 1000)
    source = tmp_path / "events.json"
    events_json.dump(synthetic(500), source)
    job = BackgroundLoad([str(source)])
    outcome = job.outcome(timeout=60)
    timeline, errors, store = outcome.timeline, outcome.errors, outcome.store
    assert errors == []
    columns = columns_of(timeline.events)
    assert columns is not None
    assert len(store) == len(columns) == 500
    assert timeline.events.materialised == 0  # type: ignore[attr-defined]


def test_a_damaged_big_file_is_one_error_line(
    tmp_path: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(big_timelines, "COLUMNS_FROM_BYTES", 10)
    source = tmp_path / "events.json"
    source.write_text('{"documents": [], "events": [{"id": 3}', encoding="utf-8")
    result, errors = load_for_view([str(source)])
    assert isinstance(result, Timeline) and not result.events
    assert len(errors) == 1 and errors[0].startswith(str(source)) and "\n" not in errors[0]


def test_the_column_index_searches_and_sorts_like_the_object_index(tmp_path: Path) -> None:
    original = synthetic(400)
    path = tmp_path / "t.arrow"
    write_columns(original, path)
    columns = open_columns(ColumnsFile(str(path), str(path)))
    timeline = columns.timeline()
    reading = np.asarray(columns.source[: columns.dated], dtype=np.int64)
    objects = ListIndex(list(timeline.events), reading, {})
    arrays = ColumnListIndex(columns, reading, {})
    for text in ("harbour", "EVENT 1", "élan", "nothing like this"):
        assert arrays.matching(text).tolist() == objects.matching(text).tolist()
    every = np.arange(len(columns), dtype=np.int64)
    for column in ("date", "title", "confidence"):
        assert arrays.sorted_rows(every, column).tolist() == objects.sorted_rows(every, column).tolist(), column
    part = np.arange(0, 400, 3, dtype=np.int64)
    sub = arrays.subset(part, np.arange(len(part)))
    assert sub.matching("rail").tolist() == [
        i for i, r in enumerate(part.tolist()) if "rail" in timeline.events[r].title.lower()
    ]


def test_conflicts_are_found_in_the_records(tmp_path: Path) -> None:
    original = synthetic(300)
    path = tmp_path / "t.arrow"
    write_columns(original, path)
    columns = open_columns(ColumnsFile(str(path), str(path)))
    expected = [i for i, e in enumerate(columns.timeline().events) if e.conflict]
    assert expected and big_timelines.conflicted_source_rows(columns) == expected


def test_conflicts_are_scanned_once_and_can_be_found_ahead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "t.arrow"
    write_version_1(synthetic(200), path)
    columns = open_columns(ColumnsFile(str(path), str(path)))
    assert columns.conflicted is None
    scans: list[int] = []
    real = big_timelines._scan_conflicts

    def counted(c: object) -> list[int]:
        scans.append(1)
        return real(c)  # type: ignore[arg-type]

    monkeypatch.setattr(big_timelines, "_scan_conflicts", counted)
    big_timelines.find_conflicts_later(columns)
    first = big_timelines.conflicted_source_rows(columns)  # waits for the scan under way
    again = big_timelines.conflicted_source_rows(columns)
    assert first == again == [i for i, e in enumerate(columns.timeline().events) if e.conflict]
    assert scans == [1]


def test_recorded_conflicts_need_no_scan_and_agree_with_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    timeline = synthetic(500)
    expected = [i for i, e in enumerate(timeline.events) if e.conflict]
    old, new = tmp_path / "v1.arrow", tmp_path / "v2.arrow"
    write_version_1(timeline, old)
    write_columns(timeline, new)
    scanned = open_columns(ColumnsFile(str(old), str(old)))
    assert big_timelines.conflicted_source_rows(scanned) == expected
    recorded = open_columns(ColumnsFile(str(new), str(new)))
    assert recorded.conflicted is not None and int(recorded.conflicted.sum()) == len(expected) > 0

    def no_scan(columns: object) -> object:
        raise AssertionError("recorded conflicts must not be scanned for")

    monkeypatch.setattr("timeline_app.core.columns.scan_conflicted", no_scan)
    big_timelines.find_conflicts_later(recorded)
    assert big_timelines.conflicts_if_found(recorded) == expected  # known at once, nothing to wait for
    # Written again (a version 1 file saved as columns), the scan's answer is recorded in the file.
    monkeypatch.undo()
    again = tmp_path / "again.arrow"
    write_columns(scanned, again)
    assert open_columns(ColumnsFile(str(again), str(again))).conflicted_rows_read() == expected
