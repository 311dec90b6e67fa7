"""iCalendar: all-day events with precision in the description, round trip, bad calendars."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import icalendar
import pytest
from io_samples import sample_timeline
from roundtrip_checks import assert_round_trip

from timeline_app.core.model import Status
from timeline_app.io.ics import export_ics, from_ics, import_ics, to_ics
from timeline_app.io.safety import FormatError


def vevents() -> dict[str, Any]:
    cal = icalendar.Calendar.from_ical(to_ics(sample_timeline(), "Harbour"))
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_all_day_events_with_exclusive_end() -> None:
    events = vevents()
    vote = events["e1@timeline-app"]
    assert vote.decoded("dtstart") == date(2025, 9, 3) and vote.decoded("dtend") == date(2025, 9, 4)
    budget = events["e2@timeline-app"]
    assert budget.decoded("dtstart") == date(2024, 10, 1) and budget.decoded("dtend") == date(2024, 11, 1)
    press = events["e4@timeline-app"]
    assert type(press.decoded("dtstart")) is date  # a time of day stays in the description
    assert "EDTF: 2025-09-04T14:30" in str(press["description"])
    contract = events["e6@timeline-app"]
    assert contract.decoded("dtend") == date(2025, 9, 4)
    description = str(contract["description"])
    assert "Date: between Oct 2024 and 3 Sep 2025 — date not stated" in description
    assert "Precision: bounded" in description
    assert "Source: Rail strike report <https://example.org/rail?id=1&x=2>" in description
    categories: Any = contract["categories"]
    assert [str(c) for c in categories.cats] == ["Transport"]


def test_uid_is_stable_across_exports() -> None:
    first = icalendar.Calendar.from_ical(to_ics(sample_timeline()))
    second = icalendar.Calendar.from_ical(to_ics(sample_timeline()))
    assert [str(e["uid"]) for e in first.walk("VEVENT")] == [str(e["uid"]) for e in second.walk("VEVENT")]


def test_round_trip(tmp_path: Path) -> None:
    original = sample_timeline()
    original.events[0].date_basis = "stated in the dateline"
    path = tmp_path / "t.ics"
    export_ics(original, path)
    imported = import_ics(path)
    assert_round_trip(original, imported)
    assert imported.events[0].date_basis == "stated in the dateline"
    assert imported.events[0].sentence == "Council votes <yes> & adjourns — as reported."
    assert [e.id for e in imported.events] == [e.id for e in original.events]


def test_foreign_calendar_dates() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Festival\r\nDTSTART;VALUE=DATE:20240705\r\nDTEND;VALUE=DATE:20240708\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Call\r\nDTSTART:20240705T093000Z\r\nSTATUS:TENTATIVE\r\n"
        "URL:https://example.org/call\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Moved\r\nDTSTART;VALUE=DATE:20240801\r\n"
        "DESCRIPTION:Moved by hand.\\n\\nDate: 3 Sep 2025\\nEDTF: 2025-09-03\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    timeline = from_ics(text.encode())
    festival, call, moved = timeline.events
    assert festival.date.edtf == "2024-07-05/2024-07-07"
    assert call.date.edtf == "2024-07-05T09:30"
    assert call.status is Status.EXPECTED and festival.status is Status.OCCURRED
    assert [m.document for m in call.mentions] == [d.id for d in timeline.documents]
    assert [(d.title, d.path) for d in timeline.documents] == [("https://example.org/call",) * 2]
    assert moved.date.edtf == "2024-08-01", "a date moved in a calendar app wins over the stale description"
    assert moved.sentence == "Moved by hand."


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("hello", "malformed iCalendar"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n", "malformed iCalendar"),
        ("BEGIN:VCARD\nEND:VCARD\n", "not an iCalendar file"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:00000101\nEND:VEVENT\nEND:VCALENDAR\n", "event 1"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:999990101\nEND:VEVENT\nEND:VCALENDAR\n", "event 1"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20201301\nEND:VEVENT\nEND:VCALENDAR\n", "DTSTART"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:no date\nEND:VEVENT\nEND:VCALENDAR\n", "no DTSTART"),
    ],
)
def test_malformed(text: str, match: str) -> None:
    with pytest.raises(FormatError, match=match) as info:
        from_ics(text.encode(), "c.ics")
    assert "\n" not in str(info.value)


def test_oversized_calendar_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.ics"
    with path.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)
    with pytest.raises(FormatError, match="import limit"):
        import_ics(path)


def test_a_written_backslash_n_reads_back_as_written(tmp_path: Path) -> None:
    """RFC 5545 escapes a backslash as two; the library's own escaping took backslash-N for a line break."""
    timeline = sample_timeline()
    event = timeline.events[0]
    event.title, event.notes, event.group = r"Path C:\News\Nairobi", "first\nsecond \\N third", r"\N"
    path = tmp_path / "t.ics"
    export_ics(timeline, path)
    assert_round_trip(timeline, import_ics(path))
    back = next(e for e in import_ics(path).events if e.id == event.id)
    assert (back.title, back.notes, back.group) == (event.title, event.notes, event.group)
