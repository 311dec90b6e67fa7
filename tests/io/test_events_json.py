"""The events JSON format: exact keys, chronological order, round trip, clear errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Status, Timeline
from timeline_app.io import events_csv, events_json, safety

DOC_KEYS = {"id", "path", "title", "reference_date", "reference_date_basis"}
EVENT_KEYS = {"id", "title", "sentence", "date", "earliest", "latest", "precision", "status", "date_basis",
              "mentions", "actors", "places", "quantities"}  # fmt: skip


def _timeline() -> Timeline:
    text = "Seoul, Sep 4 (Wire) Talks ended. Troops arrived in October. A vote may follow."
    doc = Document("d1", "/tmp/a.txt", text, "Talks", date(2025, 9, 4), "dateline", timexes=[])
    later = Event(
        "d1-e1", "Talks ended", "Talks ended.", FuzzyDate.point(DatePoint.day(date(2025, 9, 3))),
        Status.OCCURRED, "“the previous day”", [Mention("d1", 20, 32, text[20:32])], ["Kim"], ["Seoul"], [],
    )  # fmt: skip
    earlier = Event(
        "d1-e2", "Troops arrived", "Troops arrived in October.", FuzzyDate.point(DatePoint.month(2024, 10)),
        Status.ONGOING, "since", [Mention("d1", 33, 59, text[33:59])], [], [], ["15,000 troops"], notes="check",
    )  # fmt: skip
    bounded = Event(
        "d1-e3", "A vote may follow", "A vote may follow.",
        FuzzyDate.bounded(DatePoint.day(date(2025, 9, 4)), None), Status.EXPECTED, "expected",
        [Mention("d1", 60, 78, text[60:78])],
    )  # fmt: skip
    return Timeline([doc], [later, bounded, earlier])


def test_exact_keys_and_values() -> None:
    data = json.loads(events_json.dumps(_timeline()))
    assert set(data) == {"schema", "documents", "events", "entities"}
    assert set(data["documents"][0]) >= DOC_KEYS
    assert data["documents"][0]["reference_date"] == "2025-09-04"
    assert "text" in data["documents"][0]
    for e in data["events"]:
        assert set(e) >= EVENT_KEYS
    first = data["events"][0]
    assert (first["id"], first["date"], first["earliest"], first["latest"], first["precision"], first["status"]) == (
        "d1-e2", "2024-10", "2024-10-01", "2024-10-31", "month", "ongoing",
    )  # fmt: skip
    assert first["mentions"] == [{"document": "d1", "start": 33, "end": 59, "text": "Troops arrived in October."}]
    assert [e["id"] for e in data["events"]] == ["d1-e2", "d1-e1", "d1-e3"]
    assert data["events"][2]["date"] == "[2025-09-04..]" and data["events"][2]["latest"] is None


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    events_json.dump(_timeline(), path)
    loaded = events_json.load(path)
    assert events_json.dumps(loaded) == path.read_text(encoding="utf-8")
    assert loaded.documents[0].text.startswith("Seoul")
    assert loaded.events[0].notes == "check"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "expected a JSON object"),
        ('{"documents": {}, "events": []}', "'documents' must be a list"),
        ('{"documents": [], "events": [1]}', r"events\[0\]: expected an object"),
        ('{"documents": [], "events": [{"id": "e", "title": "t", "date": "tomorrow", "mentions": []}]}', "date"),
        ('{"documents": [], "events": [{"id": "e", "title": "t", "date": "2024", "status": "x", "mentions": []}]}',
         "unknown status"),
        ('{"documents": [], "events": [{"id": "e", "title": "t", "date": "2024", "mentions": [{"document": "d",'
         ' "start": 5, "end": 2}]}]}', "bad span"),
        ('{"documents": [{"id": "d", "reference_date": "2024-13-01"}], "events": []}', "YYYY-MM-DD"),
        ("[" * 100000 + "]" * 100000, "not valid JSON"),
    ],
)  # fmt: skip
def test_rejects_malformed(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as info:
        events_json.loads(text)
    assert "\n" not in str(info.value)


def test_refuses_huge_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.json"
    path.write_text('{"documents": [], "events": []}' + " " * 5000, encoding="utf-8")
    # The limit follows the memory available: a file whose objects would not fit is refused.
    monkeypatch.setattr(safety, "available_memory", lambda: safety._RESERVE + 6000)
    with pytest.raises(ValueError, match=r"big\.json: too large to open .* MB is available") as info:
        events_json.load(path)
    assert "\n" not in str(info.value)
    monkeypatch.setattr(safety, "available_memory", lambda: safety._RESERVE + 600_000)
    assert events_json.load(path).events == []


def test_load_reports_file_name(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(b"\xff\xfe{")
    with pytest.raises(ValueError, match=r"broken\.json"):
        events_json.load(path)


def test_csv_rows() -> None:
    rows = events_csv.dumps(_timeline()).splitlines()
    assert rows[0].startswith("id,date,earliest,latest,precision,status,title")
    assert rows[1].startswith("d1-e2,2024-10,2024-10-01,2024-10-31,month,ongoing,Troops arrived")
    assert len(rows) == 4


def test_round_trip_of_extracted_seed() -> None:
    from timeline_app.core.pipeline import extract_text

    seed = Path(__file__).resolve().parents[2] / "seeds" / "000_97615b8d070adb4e.txt"
    timeline = extract_text(seed.read_text(encoding="utf-8"), doc_id="seed")
    text = events_json.dumps(timeline)
    again = events_json.loads(text)
    assert events_json.dumps(again) == text
    assert {e.date.edtf for e in again.events} >= {"2024-10", "2025-09-03", "2025-09-04", "[2025-09-04..]"}
    assert again.documents[0].timexes == timeline.documents[0].timexes


_LEAF = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=8), st.sampled_from(["2024", "[..2024]", "2024-13"])
)
_KEYS = st.sampled_from(["documents", "events", "id", "title", "date", "status", "mentions", "start", "end", "text"])
_TREE = st.recursive(
    _LEAF,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=6)),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(_TREE)
def test_any_json_loads_or_fails_with_value_error(data: object) -> None:
    try:
        timeline = events_json.loads(json.dumps(data))
    except ValueError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(timeline, Timeline)


def test_one_object_per_line_and_parsed_dates_shared() -> None:
    timeline = _timeline()
    timeline.events.append(
        Event("d1-e4", "Talks resumed", "Talks resumed.", FuzzyDate.point(DatePoint.day(date(2025, 9, 3))))
    )
    text = events_json.dumps(timeline)
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    event_lines = [line for line in lines if line.lstrip().startswith('{"id":"d1-e')]
    assert len(event_lines) == 4 and all(json.loads(line.rstrip(",")) for line in event_lines)
    loaded = events_json.loads(text)
    same_day = [e for e in loaded.events if e.date.edtf == "2025-09-03"]
    assert len(same_day) == 2 and same_day[0].date is same_day[1].date
    assert same_day[1].status is Status.OCCURRED and same_day[1].mentions == []


@pytest.mark.parametrize(
    ("event", "message"),
    [
        ({"id": 3, "title": "t", "date": "2024", "mentions": []}, r"events\[0\]: 'id' must be a string"),
        ({"id": "e", "title": "t", "date": "2024"}, r"events\[0\]: 'mentions' must be a list"),
        ({"id": "e", "title": "t", "date": "2024", "mentions": [{"document": "d", "start": True, "end": 2}]},
         r"events\[0\]: 'start' must be an integer"),
        ({"id": "e", "title": "t", "date": "2024", "mentions": ["x"]}, r"events\[0\]\.mentions\[0\]: expected"),
        ({"id": "e", "title": "t", "date": "2024", "mentions": [], "actors": ["a", 1]},
         r"events\[0\]: 'actors' must be a list of strings"),
        ({"id": "e", "title": "t", "date": "2024", "mentions": [], "status": ["x"]}, "unknown status"),
    ],
)  # fmt: skip
def test_rejects_bad_fields_by_name(event: dict[str, object], message: str) -> None:
    ok = {"id": "e0", "title": "t", "date": "2024-02", "mentions": []}
    with pytest.raises(ValueError, match=message.replace("events\\[0\\]", "events\\[1\\]")):
        events_json.loads(json.dumps({"documents": [], "events": [ok, event]}))


def test_loading_leaves_the_garbage_collector_as_it_was() -> None:
    import gc

    assert gc.isenabled()
    events_json.loads(events_json.dumps(_timeline()))
    with pytest.raises(ValueError):
        events_json.loads('{"documents": [], "events": [{"id": "e"}]}')
    assert gc.isenabled()


def test_loaded_lists_are_not_shared_with_the_input() -> None:
    data = json.loads(events_json.dumps(_timeline()))
    timeline = events_json.from_dict(data)
    timeline.events[0].quantities.append("more")
    assert data["events"][0]["quantities"] == ["15,000 troops"]


def test_dump_writes_what_dumps_returns_across_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events_json, "_BATCH", 2)  # several batches from a small timeline
    timeline = _timeline()
    path = tmp_path / "events.json"
    events_json.dump(timeline, path)
    text = path.read_text(encoding="utf-8")
    assert text == events_json.dumps(timeline)
    assert [e["id"] for e in json.loads(text)["events"]] == ["d1-e2", "d1-e1", "d1-e3"]
    empty = events_json.dumps(Timeline())
    assert json.loads(empty) == {"schema": events_json.SCHEMA, "documents": [], "events": [], "entities": []}


def test_shared_dates_written_once_each_correctly() -> None:
    loaded = events_json.loads(events_json.dumps(_timeline()))
    loaded.events.append(Event("d1-e9", "Another", "", loaded.events[0].date))
    data = json.loads(events_json.dumps(loaded))
    same = [e for e in data["events"] if e["date"] == "2024-10"]
    assert len(same) == 2 and all((e["earliest"], e["latest"]) == ("2024-10-01", "2024-10-31") for e in same)


def test_version_2_keys_round_trip_and_version_1_files_still_read() -> None:
    from timeline_app.core.model import DatePoint, Entity, Event, FuzzyDate, Mention, Timeline

    event = Event(
        id="e1",
        title="Flight landed",
        sentence="s",
        date=FuzzyDate.point(DatePoint.day(date(2007, 10, 25)), inferred=True),
        mentions=[Mention("a", 0, 1, "x"), Mention("b", 2, 3, "y")],
        salience=0.8,
        confidence=0.6,
        conflict=[("a", "2007-10-25"), ("b", "2008-01")],
    )
    timeline = Timeline(events=[event], entities=[Entity("ent1", "General Motors", "actor", ["GM"], 1)])
    data = json.loads(events_json.dumps(timeline))
    assert data["schema"] == events_json.SCHEMA
    assert data["events"][0]["sources"] == ["a", "b"] and data["events"][0]["source_count"] == 2
    back = events_json.loads(events_json.dumps(timeline))
    got = back.events[0]
    assert (got.date.edtf, got.salience, got.confidence, got.conflict) == ("2007-10-25~", 0.8, 0.6, event.conflict)
    assert back.entities == timeline.entities
    del data["schema"], data["entities"]
    for key in ("salience", "confidence", "sources", "source_count", "conflict"):
        del data["events"][0][key]
    old = events_json.loads(json.dumps(data))
    assert (old.events[0].salience, old.events[0].conflict, old.entities) == (0.5, [], [])


def test_a_bad_conflict_is_a_one_line_error() -> None:
    import pytest

    text = '{"documents": [], "events": [{"id": "e", "title": "t", "date": "2020", "mentions": [], "conflict": 3}]}'
    with pytest.raises(ValueError, match=r"events\[0\]\.conflict"):
        events_json.loads(text)


def test_a_lone_surrogate_in_an_event_is_written_as_its_escape_and_reads_back(tmp_path: Path) -> None:
    timeline = _timeline()
    timeline.events[0].title = "Talks \ud800 resumed"
    path = tmp_path / "events.json"
    events_json.dump(timeline, path)
    raw = path.read_text(encoding="utf-8")
    assert "\\ud800" in raw and raw == events_json.dumps(timeline).replace("\ud800", "\\ud800")
    assert sorted(e.title for e in events_json.load(path).events) == sorted(e.title for e in timeline.events)
