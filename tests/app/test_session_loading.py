"""The session loads every importable format as a timeline and everything else as an article."""

from __future__ import annotations

from pathlib import Path

import pytest
from io_samples import sample_timeline
from manual_loop import ManualLoop

from timeline_app.app.loading import load_paths, timeline_format
from timeline_app.app.session import Loaded, Session
from timeline_app.app.work import Work
from timeline_app.io.formats import EXPORTERS

SEED = Path(__file__).resolve().parents[2] / "seeds"


def _export(tmp_path: Path, fmt: str, name: str) -> Path:
    path = tmp_path / name
    EXPORTERS[fmt].function(sample_timeline(), path, "")
    return path


@pytest.mark.parametrize(
    ("fmt", "name", "expected"),
    [
        ("json", "events.json", "json"),
        ("timelinejs", "slides.json", "timelinejs"),
        ("csv", "sheet.csv", "csv"),
        ("ics", "calendar.ics", "ics"),
        ("timeline", "desk.timeline", "timeline"),
        ("timeline", "desk.xml", "timeline"),
    ],
)
def test_exported_files_open_as_timelines_with_their_events(tmp_path: Path, fmt: str, name: str, expected: str) -> None:
    path = _export(tmp_path, fmt, name)
    assert timeline_format(path) == expected
    timeline, errors = load_paths([str(path)])
    assert errors == []
    original = sample_timeline()
    # Read back, not re-extracted: as many events as were written, with their titles.
    assert len(timeline.events) == len(original.events)
    assert sorted(e.title for e in timeline.events) == sorted(e.title for e in original.events)


def test_articles_and_timeml_are_extracted(tmp_path: Path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("WASHINGTON, March 3, 2021 (AP) -- The Senate voted on Tuesday to pass the bill.\n")
    tml = tmp_path / "doc.xml"
    tml.write_text(
        '<?xml version="1.0"?>\n<TimeML><DOCID>d</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2021-03-03" '
        'functionInDocument="CREATION_TIME">March 3, 2021</TIMEX3></DCT>'
        "<TEXT>The council met on Monday.</TEXT></TimeML>"
    )
    assert timeline_format(article) is None and timeline_format(tml) is None
    timeline, errors = load_paths([str(article), str(tml)])
    assert errors == []
    assert len(timeline.documents) == 2
    assert {e.date.describe() for e in timeline.events} >= {"2 Mar 2021"}


def test_a_bad_timeline_file_is_named_and_the_rest_load(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"documents": [', encoding="utf-8")
    good = _export(tmp_path, "ics", "good.ics")
    timeline, errors = load_paths([str(bad), str(good)])
    assert len(errors) == 1 and errors[0].startswith(str(bad)) and "broken.json: broken.json" not in errors[0]
    assert len(timeline.events) == len(sample_timeline().events)


def test_session_announces_progress_result_and_end(tmp_path: Path) -> None:
    loop = ManualLoop()
    session = Session(Work(loop.post))
    got: list[Loaded] = []
    ends: list[list[str]] = []
    steps: list[tuple[int, int, str]] = []
    session.loaded.connect(got.append)
    session.loading_finished.connect(ends.append)
    session.loading_progressed.connect(lambda d, t, n: steps.append((d, t, n)))
    missing = tmp_path / "missing.txt"
    session.open([str(SEED), str(missing)])
    assert session.is_loading()
    loop.run_until(lambda: bool(ends))
    assert not session.is_loading()
    assert len(got) == 1 and got[0].timeline.documents and not got[0].add
    assert len(got[0].store) > 0
    assert len(ends[0]) == 1 and "missing.txt" in ends[0][0]
    assert session.load_errors == ends[0]
    assert steps and steps[-1][0] == steps[-1][1]


def test_a_newer_open_supersedes_an_older_one(tmp_path: Path) -> None:
    loop = ManualLoop()
    session = Session(Work(loop.post))
    got: list[Loaded] = []
    session.loaded.connect(got.append)
    first = _export(tmp_path, "ics", "first.ics")
    second = _export(tmp_path, "csv", "second.csv")
    session.open([str(first)])
    session.open([str(second)])
    loop.run_until(lambda: not session.is_loading())
    assert [g.paths for g in got] == [[str(second)]]


def test_project_files_are_left_to_the_project_layer(tmp_path: Path) -> None:
    session = Session(Work())
    assert session.open([str(tmp_path / "work.tlproj")]) is None
    assert not session.is_loading()
