"""iCalendar export/import through the `icalendar` library.

Events become all-day VEVENTs spanning the days the date may cover (DTEND exclusive, as
RFC 5545 wants). Calendars know no precision, so the description ends with lines giving
the person's notes, the date as worded, its EDTF, precision, basis, status and sources (by
title and file name); import reads them back, and falls back to DTSTART/DTEND for calendars
written elsewhere. The calendar is named after its documents unless a title is given.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar

from timeline_app.core.model import DatePoint, Event, FuzzyDate, Precision, Status, Timeline
from timeline_app.io.described import Described, described_text, split_described
from timeline_app.io.headline import headline
from timeline_app.io.safety import FormatError, check_year, read_bytes_limited, valid_unicode
from timeline_app.io.slide_fields import safe_colour
from timeline_app.io.sources import ImportedEvents, SourceCollector, SourceIndex, SourceRef
from timeline_app.io.xml_text import Written

UID_DOMAIN = "timeline-app"
PRODID = "-//timeline-app//news chronology//EN"


class _Text(icalendar.vText):
    """TEXT escaped as RFC 5545 says. icalendar's own escaping first reads a written backslash-N as
    a line break, so a title, note or group holding those two characters would not read back."""

    def to_ical(self) -> bytes:
        text = str(self).replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,")
        return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", r"\n").encode("utf-8")


class _Categories(icalendar.vCategory):
    def __init__(self, names: list[str]) -> None:
        super().__init__(names)
        self.cats = [_Text(name) for name in names]


def to_ics(timeline: Timeline, title: str = "") -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    if name := " ".join((title or headline(timeline)).split()):
        cal.add("x-wr-calname", _Text(valid_unicode(name)))  # a one-line property
    stamp = datetime.now(UTC).replace(microsecond=0)
    sources = SourceIndex(timeline)
    for event in timeline.events:
        first = event.date.earliest or event.date.latest
        last = event.date.latest or event.date.earliest
        if first is None or last is None:
            continue  # a calendar cannot hold an event without any day
        vevent = icalendar.Event()
        vevent.add("uid", valid_unicode(f"{event.id}@{UID_DOMAIN}"))
        vevent.add("dtstamp", stamp)
        vevent.add("summary", _Text(valid_unicode(event.title)))
        vevent.add("dtstart", first)
        if last < date.max:
            vevent.add("dtend", last + timedelta(days=1))
        vevent.add("description", _Text(valid_unicode(described_text(sources, event))))
        if event.group:
            vevent.add("categories", _Categories([valid_unicode(event.group)]))
        if colour := safe_colour(event.color):  # RFC 7986: a CSS colour name, and one line
            vevent.add("color", colour)
        if event.status is Status.EXPECTED:
            vevent.add("status", "TENTATIVE")
        cal.add_component(vevent)
    return bytes(cal.to_ical())


def export_ics(timeline: Timeline, path: Path, title: str = "") -> Written:
    path.write_bytes(to_ics(timeline, title))
    return Written()


# ---------------------------------------------------------------- import


def _day_or_time(value: object, where: str, name: str) -> date | datetime:
    if isinstance(value, datetime | date):
        check_year(value.year, where)
        return value
    raise FormatError(f"{where}: {name} is not a date ({str(value)[:40]!r})")


def _date_from_calendar(start: date | datetime, end: date | datetime | None) -> FuzzyDate:
    if isinstance(start, datetime):
        first = DatePoint(start.date(), start.date(), Precision.TIME, start.strftime("%H:%M"))
        if end is None or not isinstance(end, datetime) or end <= start:
            return FuzzyDate.point(first)
        return FuzzyDate.interval(first, DatePoint(end.date(), end.date(), Precision.TIME, end.strftime("%H:%M")))
    last = start if end is None else (end.date() if isinstance(end, datetime) else end) - timedelta(days=1)
    if last <= start:
        return FuzzyDate.point(DatePoint.day(start))
    return FuzzyDate.interval(DatePoint.day(start), DatePoint.day(last))


def _event_date(component: Any, described: Described, where: str) -> FuzzyDate:
    if "dtstart" not in component:
        raise FormatError(f"{where}: no DTSTART")
    broken = [f"{name} ({message})" for name, message in getattr(component, "errors", [])]
    if broken:
        raise FormatError(f"{where}: unreadable {', '.join(broken)}")
    start = _day_or_time(component.decoded("dtstart"), where, "DTSTART")
    end = _day_or_time(component.decoded("dtend"), where, "DTEND") if "dtend" in component else None
    day = start.date() if isinstance(start, datetime) else start
    return described.date(day, where) or _date_from_calendar(start, end)


def _url_source(component: Any) -> list[SourceRef]:
    """A calendar written elsewhere may cite its source only as the event's URL."""
    url = str(component.get("url", "")).strip()
    return [SourceRef(url, url)] if url else []


def from_ics(data: bytes, name: str = "calendar") -> Timeline:
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as exc:
        raise FormatError(f"{name}: malformed iCalendar ({exc})") from exc
    if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
        raise FormatError(f"{name}: not an iCalendar file (no VCALENDAR)")
    sources = SourceCollector()
    imported = ImportedEvents()
    for n, component in enumerate(calendar.walk("VEVENT"), 1):
        where = f"{name}: event {n}"
        described = split_described(str(component.get("description", "")))
        when = _event_date(component, described, where)
        uid = str(component.get("uid", "")).removesuffix(f"@{UID_DOMAIN}")
        categories = component.get("categories")
        groups = categories.cats if categories is not None and hasattr(categories, "cats") else []
        imported.events.append(
            Event(
                id=imported.unique_id(uid, "ics"),
                title=str(component.get("summary", "")),
                sentence=described.sentence,
                date=when,
                status=Status.EXPECTED
                if "Status" not in described.meta and str(component.get("status", "")).upper() == "TENTATIVE"
                else described.status,
                date_basis=described.meta.get("Basis", ""),
                mentions=sources.mentions(described.sources or _url_source(component)),
                notes=described.notes,
                group=str(groups[0]) if groups else "",
                color=str(component.get("color", "")),
            )
        )
    return Timeline(documents=sources.documents, events=imported.events)


def import_ics(path: Path) -> Timeline:
    return from_ics(read_bytes_limited(path), path.name)
