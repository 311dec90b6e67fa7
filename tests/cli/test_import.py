"""`timeline-app import`: into a project or an events JSON; refusing to clobber; hostile files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline
from timeline_app.io import events_json
from timeline_app.io.ics import export_ics
from timeline_app.io.project import load_project
from timeline_app.io.sheet_csv import export_sheet_csv
from timeline_app.io.timeline_xml import export_timeline_xml
from timeline_app.io.timelinejs import export_timelinejs


def small_timeline() -> Timeline:
    doc = Document(id="d1", path="https://example.org/a", text="", title="Harbour news")
    return Timeline(
        documents=[doc],
        events=[
            Event("e1", "Pier closed", "The pier closed.", FuzzyDate.point(DatePoint.month(2024, 10)),
                  mentions=[Mention("d1", 0, 0, "")], group="Works"),
            Event("e2", "Ferry resumed", "", FuzzyDate.bounded(DatePoint.month(2024, 11), DatePoint.year(2025)),
                  mentions=[Mention("d1", 0, 0, "")]),
        ],
    )  # fmt: skip


@pytest.mark.parametrize(
    ("writer", "name"),
    [(export_timelinejs, "t.json"), (export_sheet_csv, "t.csv"), (export_ics, "t.ics"),
     (export_timeline_xml, "t.timeline")],
)  # fmt: skip
def test_import_into_project(tmp_path: Path, writer: Callable[[Timeline, Path], None], name: str) -> None:
    source = tmp_path / name
    writer(small_timeline(), source)
    out = tmp_path / "p.tlproj"
    assert main(["import", str(source), "--output", str(out)]) == 0
    timeline, view_state = load_project(out)
    assert [(e.title, e.date, e.group) for e in timeline.events] == [
        (e.title, e.date, e.group) for e in small_timeline().events
    ]
    assert [d.title for d in timeline.documents] == ["Harbour news"]
    assert view_state == {}


def test_import_into_events_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "t.ics"
    export_ics(small_timeline(), source)
    out = tmp_path / "events.json"
    assert main(["import", str(source), "-o", str(out)]) == 0
    assert [e.title for e in events_json.load(out).events] == ["Pier closed", "Ferry resumed"]
    assert "imported 2 events from 1 sources (ics)" in capsys.readouterr().err


def test_existing_output_is_kept_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "t.csv"
    export_sheet_csv(small_timeline(), source)
    out = tmp_path / "p.tlproj"
    out.write_text("precious")
    assert main(["import", str(source), "-o", str(out)]) == 1
    assert "pass --force" in capsys.readouterr().err
    assert out.read_text() == "precious"
    assert main(["import", str(source), "-o", str(out), "--force"]) == 0
    assert len(load_project(out)[0].events) == 2


BOMB = b"""<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<timeline><events><event><text>&c;</text></event></events></timeline>"""


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("bomb.timeline", BOMB, "refused"),
        ("bad.json", b'{"events": [{"start_date": {"year": 99999}}]}', "year 99999 is outside"),
        ("bad.csv", b'Year,Headline\n2020,"open quote\n', "malformed CSV"),
        ("bad.ics", b"BEGIN:VCALENDAR\nnonsense", "malformed iCalendar"),
        ("notes.docx", b"PK", "unknown file type"),
        ("missing.ics", None, "cannot read"),
    ],
)
def test_hostile_inputs_fail_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | None, match: str
) -> None:
    source = tmp_path / name
    if content is not None:
        source.write_bytes(content)
    out = tmp_path / "p.tlproj"
    assert main(["import", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert match in err and err.count("\n") == 1 and err.startswith("timeline-app import: ")
    assert not out.exists()


def test_output_kind_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "x.ics"), "-o", str(tmp_path / "out.txt")]) == 2
    assert "--output must end in .tlproj or .json" in capsys.readouterr().err


def test_100_mb_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "huge.json"
    with source.open("wb") as handle:
        handle.write(b'{"events": [')
        handle.truncate(100 * 1024 * 1024)
    out = tmp_path / "p.tlproj"
    assert main(["import", str(source), "-o", str(out)]) == 1
    assert "huge.json: 100.0 MB is over the 50 MB import limit" in capsys.readouterr().err
    assert not out.exists()
