"""Events JSON to columns, and columns in Arrow files: the same events as the ordinary loader,
one-line errors for anything else, and a size limit set by memory."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from io_samples import every_date_kind, sample_timeline, timelines

from timeline_app.core.columns import STATUSES
from timeline_app.core.model import Timeline
from timeline_app.core.store import EventStore
from timeline_app.io import columnar, events_json, safety
from timeline_app.io.columnar import convert_events_json, read_columns, write_columns
from timeline_app.io.events_columns import columns_from_bytes, columns_from_timeline, load_columns
from timeline_app.io.formats import EXPORTERS, IMPORTERS, detect_import_format
from timeline_app.io.safety import FormatError

STORE_ARRAYS = ("start", "end", "kind", "flags", "doc", "sort_end", "source_index")


def extracted_seed() -> Timeline:
    from timeline_app.core.pipeline import extract_text

    seed = Path(__file__).resolve().parents[2] / "seeds" / "000_97615b8d070adb4e.txt"
    return extract_text(seed.read_text(encoding="utf-8"), doc_id="seed")


def assert_same_as_loader(path: Path) -> None:
    """load_columns reads every event of the file as events_json.load does, in the same order."""
    loaded = events_json.load(path)
    columns = load_columns(path)
    lazy = columns.timeline()
    assert len(lazy.events) == len(loaded.events)
    assert list(lazy.events) == loaded.events
    assert lazy.documents == loaded.documents
    assert lazy.entities == loaded.entities
    store_a, store_b = EventStore.from_timeline(loaded), columns.to_store()
    for name in STORE_ARRAYS:
        np.testing.assert_array_equal(getattr(store_b, name), getattr(store_a, name), err_msg=name)
    assert list(store_b.ids) == store_a.ids
    for row in range(len(columns)):
        event = loaded.events[int(columns.source[row])]
        assert (columns.id(row), columns.title(row)) == (event.id, event.title)
        assert columns.salience[row] == np.float32(event.salience)
        assert columns.confidence[row] == np.float32(event.confidence)
        assert STATUSES[columns.status[row]] is event.status


@pytest.mark.parametrize("make", [every_date_kind, sample_timeline, extracted_seed])
def test_events_json_to_columns_matches_loader(tmp_path: Path, make: object) -> None:
    path = tmp_path / "events.json"
    events_json.dump(make(), path)  # type: ignore[operator]
    assert_same_as_loader(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(timeline=timelines)
def test_columns_match_loader_on_any_timeline(tmp_path: Path, timeline: Timeline) -> None:
    path = tmp_path / "any.json"
    events_json.dump(timeline, path)
    try:
        events_json.load(path)
    except ValueError as exc:
        with pytest.raises(FormatError) as info:
            load_columns(path)
        assert str(info.value) == str(exc)
        return
    assert_same_as_loader(path)


def test_round_trip_through_arrow(tmp_path: Path) -> None:
    original = every_date_kind()
    path = tmp_path / "t.arrow"
    write_columns(original, path)
    columns = read_columns(path)
    back = columns.timeline()
    assert list(back.events) == original.events
    assert back.documents == original.documents and back.entities == original.entities
    assert [e.date for e in back.events] == [e.date for e in original.events]
    # Numeric columns are views of the mapped file, not copies.
    assert not columns.start.flags.owndata and not columns.start.flags.writeable
    store = columns.to_store()
    by_events = EventStore.from_timeline(original)
    for name in STORE_ARRAYS:
        np.testing.assert_array_equal(getattr(store, name), getattr(by_events, name), err_msg=name)
    # Edits change flags in place: the store's copy, never the mapped file.
    store.flags[0] = 99
    assert columns.flags[0] != 99


def test_arrow_columns_equal_json_columns(tmp_path: Path) -> None:
    src, dst = tmp_path / "a.json", tmp_path / "a.arrow"
    events_json.dump(every_date_kind(), src)
    convert_events_json(src, dst)
    direct, mapped = load_columns(src), read_columns(dst)
    for name in ("start", "end", "sort_end", "kind", "flags", "doc", "salience", "confidence", "status", "source"):
        np.testing.assert_array_equal(getattr(mapped, name), getattr(direct, name), err_msg=name)
    assert mapped.ids.equals(direct.ids) and mapped.titles.equals(direct.titles)
    assert mapped.record.equals(direct.record) and mapped.dated == direct.dated


def test_empty_timeline(tmp_path: Path) -> None:
    path = tmp_path / "empty.arrow"
    write_columns(Timeline(), path)
    columns = read_columns(path)
    assert len(columns) == 0 and len(columns.to_store()) == 0 and list(columns.timeline().events) == []


def test_registered_format(tmp_path: Path) -> None:
    path = tmp_path / "t.arrow"
    assert EXPORTERS["arrow"].extension == IMPORTERS["arrow"].extension == ".arrow"
    EXPORTERS["arrow"].function(sample_timeline(), path)
    assert detect_import_format(path) == "arrow"
    assert list(IMPORTERS["arrow"].function(path).events) == sample_timeline().events


def _foreign(path: Path) -> None:
    table = pa.table({"x": [1, 2, 3]})
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)


def _rewrite(path: Path, metadata: dict[bytes, bytes] | None = None, change: str = "") -> None:
    """Rewrite a valid columns file with other metadata, or with one column's values spoilt."""
    # Read into memory, not mapped: the file is written over below.
    batch = pa.ipc.open_file(pa.BufferReader(path.read_bytes())).get_batch(0)
    meta = dict(batch.schema.metadata)
    meta.update(metadata or {})
    arrays = batch.columns
    if change:
        i = batch.schema.get_field_index(change)
        values = arrays[i].to_numpy().copy()
        values[[0, -1]] = values[[-1, 0]] if change == "start" else values[0] + 100
        arrays[i] = pa.array(values, arrays[i].type)
    batch = pa.RecordBatch.from_arrays(arrays, schema=batch.schema.with_metadata(meta))
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, batch.schema) as writer:
        writer.write_batch(batch)


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), "not a timeline columns file"),
        (lambda p: p.write_bytes(p.read_bytes()[:-20]), "not a timeline columns file"),
        (lambda p: p.write_bytes(b"ARROW1" + b"\0" * 500), "not a timeline columns file"),
        (lambda p: p.write_text('{"documents": []}'), "not a timeline columns file"),
        (_foreign, "not timeline columns"),
        (lambda p: _rewrite(p, {b"timeline_app.version": b"7"}), "version '7'"),
        (lambda p: _rewrite(p, {b"timeline_app.format": b"other"}), "not timeline columns"),
        (lambda p: _rewrite(p, {b"timeline_app.documents": b"{not json"}), "documents"),
        (lambda p: _rewrite(p, {b"timeline_app.dated": b"100000"}), "dated rows"),
        (lambda p: _rewrite(p, change="start"), "chronological order"),
        (lambda p: _rewrite(p, change="doc"), "document"),
        (lambda p: _rewrite(p, change="source"), "permutation"),
        (lambda p: _rewrite(p, change="status"), "status"),
        (lambda p: _rewrite(p, change="conflicted"), "conflict mark"),
    ],
)  # fmt: skip
def test_bad_arrow_files_are_refused(tmp_path: Path, spoil: object, message: str) -> None:
    path = tmp_path / "bad.arrow"
    write_columns(sample_timeline(), path)
    spoil(path)  # type: ignore[operator]
    with pytest.raises(FormatError, match=message) as info:
        read_columns(path)
    assert "\n" not in str(info.value) and "bad.arrow" in str(info.value)


def test_damaged_bytes_never_crash(tmp_path: Path) -> None:
    """Random bytes changed in a valid file: a FormatError on opening, or columns whose rows read
    (an event whose record was hit gives the events JSON reader's ValueError)."""
    good = tmp_path / "good.arrow"
    write_columns(sample_timeline(), good)
    data = good.read_bytes()
    rng = np.random.default_rng(5)
    path = tmp_path / "bad.arrow"
    opened = refused = 0
    for _ in range(150):
        spoilt = bytearray(data)
        for at in rng.integers(0, len(data), size=int(rng.integers(1, 6))).tolist():
            spoilt[at] = int(rng.integers(0, 256))
        path.write_bytes(bytes(spoilt))
        try:
            columns = read_columns(path)
        except FormatError as exc:
            assert "\n" not in str(exc)
            refused += 1
            continue
        opened += 1
        columns.to_store()
        columns.search("a")
        for row in range(len(columns)):
            assert isinstance(columns.id(row), str) and isinstance(columns.title(row), str)
            with contextlib.suppress(ValueError):
                columns.event(row)
    assert opened and refused


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="no such file"):
        read_columns(tmp_path / "none.arrow")
    with pytest.raises(FormatError, match="no such file"):
        load_columns(tmp_path / "none.json")


def _events_file(events: list[object]) -> bytes:
    return json.dumps({"documents": [], "events": events}).encode()


GOOD = {"id": "e", "title": "t", "date": "2024", "mentions": []}


@pytest.mark.parametrize(
    "events",
    [
        [GOOD, 1],
        [GOOD, GOOD, {**GOOD, "date": "tomorrow"}],
        [{**GOOD, "status": "x"}],
        [{**GOOD, "status": 5}],
        [{**GOOD, "mentions": [{"document": "d", "start": 5, "end": 2}]}],
        [{**GOOD, "mentions": [{"document": "d", "start": True, "end": 2}]}],
        [{**GOOD, "mentions": [{"document": 7, "start": 1, "end": 2}]}],
        [{**GOOD, "mentions": {}}],
        [{**GOOD, "mentions": [{"document": "d", "start": 1, "end": 2}, 5]}],
        [{**GOOD, "id": 3}],
        [{"title": "t", "date": "2024", "mentions": []}],
        [{**GOOD, "salience": 1.5}],
        [{**GOOD, "confidence": True}],
        [{**GOOD, "date": "2024-02-30"}],
        [*[GOOD] * 20000, {**GOOD, "date": "2024-13"}],  # in a later block
    ],
)
def test_invalid_records_give_the_loaders_error(events: list[object]) -> None:
    data = _events_file(events)
    with pytest.raises(ValueError) as expected:
        events_json.loads(data.decode())
    with pytest.raises(ValueError) as got:
        columns_from_bytes(data)
    assert str(got.value) == str(expected.value)
    assert "events[" in str(got.value) and "\n" not in str(got.value)


@pytest.mark.parametrize(
    "bad",
    [
        {"actors": ["a", 1]},
        {"conflict": [{"document": "a"}]},
        {"conflict": ""},
        {"slips": [{"document": "a", "expected": 2}]},
    ],
)
def test_keys_the_columns_do_not_hold_are_checked_when_the_event_is_built(bad: dict[str, object]) -> None:
    data = _events_file([GOOD, {**GOOD, "id": "bad", **bad}])
    with pytest.raises(ValueError) as expected:
        events_json.loads(data.decode())
    columns = columns_from_bytes(data)
    assert len(columns) == 2 and columns.event(columns.position("e")).id == "e"
    with pytest.raises(ValueError) as got:
        columns.event(columns.position("bad"))
    assert str(got.value) == str(expected.value)


@pytest.mark.parametrize(
    "text",
    [
        '{"documents": [], "events": [' + json.dumps(GOOD) + ', {"id": "n", "title": NaN}]}',
        "[]",
        "{not json",
        '{"documents": {}, "events": []}',
        '{"documents": [{"id": "d", "reference_date": "2024-13-01"}], "events": []}',
    ],
)
def test_whole_file_errors_are_the_loaders(text: str) -> None:
    with pytest.raises(ValueError) as expected:
        events_json.loads(text)
    with pytest.raises(ValueError) as got:
        columns_from_bytes(text.encode())
    assert str(got.value) == str(expected.value)


def test_what_only_the_json_module_reads_still_loads() -> None:
    # Lenient values the typed path leaves to the ordinary reader, and JSON only the json module parses.
    odd = {**GOOD, "status": "", "curated": "yes", "sentence": 5, "precision": 3, "salience": 1, "notes": None}
    text = json.dumps({"documents": [], "events": [odd, {**GOOD, "id": "big", "confidence": 0}]})
    for data in (text, text.replace('"notes": null', '"notes": NaN'), "\ufeff" + text):
        expected = events_json.loads(data.lstrip("\ufeff")).events
        assert list(columns_from_bytes(data.encode()).timeline().events) == expected


def test_lone_surrogates_keep_their_event(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"documents": [], "events": [{**GOOD, "title": "a\ud800b"}]}), encoding="utf-8")
    columns = load_columns(path)
    assert columns.title(0) == "a\ufffdb"
    assert columns.event(0) == events_json.load(path).events[0]


def test_size_limit_follows_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, dst = tmp_path / "m.json", tmp_path / "m.arrow"
    events_json.dump(every_date_kind(), src)
    write_columns(every_date_kind(), dst)
    size = src.stat().st_size
    reserve = safety._RESERVE
    monkeypatch.setattr(safety, "available_memory", lambda: reserve + int(size * 2))
    with pytest.raises(FormatError, match=r"m\.json: too large to open \(.* MB is available\)") as info:
        load_columns(src)
    assert "\n" not in str(info.value)
    with pytest.raises(ValueError, match="too large"):
        events_json.load(src)  # Event objects take more than columns
    read_columns(dst)  # mapped: it needs next to nothing
    monkeypatch.setattr(safety, "available_memory", lambda: reserve + int(size * 2.6))
    assert len(load_columns(src)) == len(every_date_kind().events)
    monkeypatch.setattr(safety, "available_memory", lambda: reserve + 10)
    with pytest.raises(FormatError, match="too large"):
        read_columns(dst)
    assert safety.timeline_limit("arrow") > safety.timeline_limit("json-columns") > 0


def test_available_memory_is_plausible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert 16 * 1024 * 1024 < safety.available_memory() < 1 << 50
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal:       24000000 kB\nMemAvailable:    1000000 kB\n")
    monkeypatch.setattr(safety, "_MEMINFO", str(meminfo))
    assert safety.available_memory() == 1000000 * 1024
    monkeypatch.setattr(safety, "_MEMINFO", str(tmp_path / "none"))

    def no_answer(name: str) -> int:
        raise ValueError(name)

    monkeypatch.setattr(safety.os, "sysconf", no_answer)
    assert safety.available_memory() == safety.FALLBACK_MEMORY


def test_metadata_names_the_format(tmp_path: Path) -> None:
    path = tmp_path / "t.arrow"
    write_columns(columns_from_timeline(sample_timeline()), path)
    with pa.memory_map(str(path)) as source:
        meta = pa.ipc.open_file(source).schema.metadata
    assert meta[b"timeline_app.format"] == columnar.FORMAT.encode()
    assert meta[b"timeline_app.version"] == str(columnar.VERSION).encode()


def test_saving_an_opened_timeline_reuses_its_columns(tmp_path: Path) -> None:
    path, again = tmp_path / "t.arrow", tmp_path / "again.arrow"
    write_columns(every_date_kind(), path)
    columns = read_columns(path)
    timeline = columns.timeline()
    timeline.events[4]  # read, not changed
    assert columns_from_timeline(timeline) is columns
    assert columns.decoded == 1  # only the event read
    timeline.events[5].title = "Changed"
    changed = columns_from_timeline(timeline)
    assert changed is not columns and changed.title(changed.row_of(5)) == "Changed"
    write_columns(timeline, again)
    assert [e.title for e in read_columns(again).timeline().events] == [e.title for e in timeline.events]
