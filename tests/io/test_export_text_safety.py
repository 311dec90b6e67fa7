"""Whatever text an event holds, every export reads back in the app and in a standard parser,
and nothing in it becomes markup, script or a spreadsheet formula."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline
from timeline_app.io.formats import EXPORTERS, IMPORTERS
from timeline_app.io.safety import FormatError
from timeline_app.io.sheet_csv import from_sheet_csv, to_sheet_csv
from timeline_app.io.timeline_xml import export_timeline_xml, from_timeline_xml, import_timeline_xml
from timeline_app.io.timelinejs import to_timelinejs

XML_FORBIDDEN = "a \x0c form feed \x0b tab \x01 start \ufffe end"
HOSTILE_HTML = "<img src=x onerror=alert(1)>"


def timeline_with(title: str = "Title", sentence: str = "Sentence.", group: str = "", color: str = "") -> Timeline:
    doc = Document("d", "https://example.org/a", "", "Source")
    when = FuzzyDate.point(DatePoint.day(date(2025, 9, 4)))
    event = Event("e1", title, sentence, when, mentions=[Mention("d", 0, 0, "")], group=group, color=color)
    return Timeline(documents=[doc], events=[event])


def test_timeline_xml_with_characters_xml_forbids_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "t.timeline"
    written = export_timeline_xml(timeline_with(XML_FORBIDDEN, XML_FORBIDDEN, group=XML_FORBIDDEN), path)
    ET.parse(path)  # the standard parser
    (event,) = import_timeline_xml(path).events
    expected = XML_FORBIDDEN.replace("\x0c", "\ufffd").replace("\x0b", "\ufffd").replace("\x01", "\ufffd")
    expected = expected.replace("\ufffe", "\ufffd")
    assert (event.title, event.sentence, event.group) == (expected, expected, expected)
    assert written.replaced == 4 * 3  # title, sentence and the group in the description
    assert "4 characters" not in written.note() and "12 characters" in written.note()


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_every_export_of_control_characters_reads_back(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out{EXPORTERS[fmt].extension}"
    timeline = timeline_with(XML_FORBIDDEN + " \x00 nul", "line\rbreak \x1c\x85\u2028 " + XML_FORBIDDEN)
    EXPORTERS[fmt].function(timeline, path)
    if fmt in IMPORTERS:
        (event,) = IMPORTERS[fmt].function(path).events
        assert "form feed" in event.title and "break" in event.sentence
    if path.suffix == ".json":
        json.loads(path.read_text(encoding="utf-8"))
    elif path.suffix == ".csv":
        list(csv.reader(path.open(encoding="utf-8", newline="")))


def test_unknown_xml_encoding_is_a_format_error() -> None:
    data = b'<?xml version="1.0" encoding="Otf-8"?><timeline><events/></timeline>'
    with pytest.raises(FormatError, match=r"^t\.timeline: unreadable XML"):
        from_timeline_xml(data, "t.timeline")


def test_timelinejs_escapes_group_and_refuses_a_hostile_background() -> None:
    config = to_timelinejs(timeline_with(group=HOSTILE_HTML, color=f'red;background:url("{HOSTILE_HTML}")'))
    (slide,) = config["events"]
    assert "<" not in json.dumps(slide["group"]) and slide["group"] == "&lt;img src=x onerror=alert(1)&gt;"
    assert "background" not in slide
    assert to_timelinejs(timeline_with(color="#0a141e"))["events"][0]["background"] == {"color": "#0a141e"}


def test_timelinejs_group_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    EXPORTERS["timelinejs"].function(timeline_with(group="R&D <lab>", color="rgb(10, 20, 30)"), path)
    (event,) = IMPORTERS["timelinejs"].function(path).events
    assert (event.group, event.color) == ("R&D <lab>", "rgb(10, 20, 30)")


def test_sheet_csv_escapes_group_and_refuses_a_hostile_background() -> None:
    text = to_sheet_csv(timeline_with(group=HOSTILE_HTML, color="=HYPERLINK(1)"))
    row = list(csv.reader(text.splitlines()))[1]
    assert HOSTILE_HTML not in text
    assert row[16] == "&lt;img src=x onerror=alert(1)&gt;" and row[17] == ""


FORMULAS = ["\n=HYPERLINK(1)", "\r\n+1", " @SUM(A1)", "\t-2", "＝1+1", "- a dash"]


@pytest.mark.parametrize("title", [*FORMULAS, "'=already quoted", "'plain quote", "plain"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised_and_read_back(title: str) -> None:
    text = to_sheet_csv(timeline_with(title=title, sentence=title, group=title))
    row = list(csv.reader(text.splitlines(keepends=True)))[1]
    for cell in (row[9], row[16]):
        assert cell.startswith("'") == (title in FORMULAS), cell
    (event,) = from_sheet_csv(text).events
    assert event.title == title.strip() and event.group == title.strip()


def test_events_csv_neutralises_every_text_column() -> None:
    from timeline_app.io.events_csv import dumps

    timeline = timeline_with(title="\n=1")
    timeline.events[0].actors = ["@x"]
    timeline.events[0].date_basis = "-1"
    row = list(csv.reader(dumps(timeline).splitlines(keepends=True)))[1]
    assert row[6] == "'\n=1" and row[7] == "'-1" and row[8] == "'@x"


def test_calendar_title_and_colour_with_line_breaks_export(tmp_path: Path) -> None:
    path = tmp_path / "t.ics"
    EXPORTERS["ics"].function(timeline_with(color="red\nX-INJECTED:1"), path, title="Two\nlines")
    text = path.read_text(encoding="utf-8")
    assert "X-INJECTED" not in text and "X-WR-CALNAME:Two lines" in text
    assert len(IMPORTERS["ics"].function(path).events) == 1


@pytest.mark.parametrize("fmt", ["timelinejs", "csv", "ics", "timeline"])
def test_ends_the_wrong_way_round_still_read_back(tmp_path: Path, fmt: str) -> None:
    timeline = timeline_with()
    timeline.events[0].date = FuzzyDate.bounded(DatePoint.year(2026), DatePoint.day(date(2024, 7, 5)))
    path = tmp_path / f"t{EXPORTERS[fmt].extension}"
    EXPORTERS[fmt].function(timeline, path)
    (event,) = IMPORTERS[fmt].function(path).events
    if fmt in ("ics", "timeline"):  # the description footer carries the date exactly as it was
        assert event.date == timeline.events[0].date
    else:
        assert (event.date.earliest, event.date.latest) == (date(2024, 7, 5), date(2026, 12, 31))


def test_a_slide_longer_than_the_csv_modules_default_cell_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    EXPORTERS["csv"].function(timeline_with(sentence="word " * 40_000), path)
    (event,) = IMPORTERS["csv"].function(path).events
    assert len(event.sentence) > 190_000


def test_a_span_described_as_a_decade_is_a_decade_only_when_it_is_one() -> None:
    from timeline_app.io.date_parts import Parts, from_parts

    odd = from_parts(Parts(2020, 3, 4), Parts(2023, 1, 1), "the 2020s (decade)", "t")
    assert odd.precision != "decade" and (odd.earliest, odd.latest) == (date(2020, 3, 4), date(2023, 1, 1))
    whole = from_parts(Parts(2020, 1, 1), Parts(2029, 12, 31), "the 2020s (decade)", "t")
    assert whole.precision == "decade"
