"""The `.timeline` XML of the desktop application Timeline (thetimelineproj): export/import.

Timeline reads its elements in a fixed order and knows only instants, so a day is written
as midnight to midnight of the same day (Timeline draws it as a point) and wider units as
their first to last day; the description footer keeps the person's notes, precision, basis,
group and sources. Each document is a category in the viewer's colour for it, and an event
belongs to the category of the document that first tells it, so Timeline colours events as
the viewer does. Parsing goes through defusedxml with DTDs refused: no entity expansion, no
external entities.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path

import defusedxml
import defusedxml.ElementTree as SafeET

from timeline_app.core.model import DateKind, DatePoint, Event, FuzzyDate, Precision, Timeline
from timeline_app.io.described import Described, described_text, split_described
from timeline_app.io.palette import document_hue
from timeline_app.io.safety import FormatError, check_year, read_bytes_limited
from timeline_app.io.sources import ImportedEvents, SourceCollector, SourceIndex, SourceRef, is_url, source_label
from timeline_app.io.xml_text import Written, XmlText

FILE_VERSION = "2.4.0"
_TIME = re.compile(r"^(-?\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+)$")
_HEX = re.compile(r"^#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})$")
_RGB = re.compile(r"^(\d{1,3}),(\d{1,3}),(\d{1,3})$")
_DEFAULT_COLOR = "200,200,200"
_NUMBERED = re.compile(r"^(.*) \(\d+\)$")


def _rgb(hex_color: str) -> str | None:
    m = _HEX.match(hex_color.strip())
    return ",".join(str(int(g, 16)) for g in m.groups()) if m else None


def _hex(rgb: str) -> str:
    m = _RGB.match(rgb.strip())
    if not m or any(int(g) > 255 for g in m.groups()):
        return ""
    return "#" + "".join(f"{int(g):02x}" for g in m.groups())


def _instant(d: date, time: str | None) -> str:
    return f"{d.year}-{d.month:02d}-{d.day:02d} {time or '00:00'}:00"


def _span(when: FuzzyDate) -> tuple[str, str] | None:
    first, last = when.earliest or when.latest, when.latest or when.earliest
    lower = when.start or when.end
    upper = when.start if when.kind is DateKind.POINT else (when.end or when.start)
    if first is None or last is None or lower is None or upper is None:
        return None
    if last < first:  # ends the wrong way round: Timeline (and this reader) refuse an end before the start
        first, last, lower, upper = last, first, upper, lower
    first_time = lower.time if lower.precision is Precision.TIME else None
    last_time = upper.time if upper.precision is Precision.TIME else None
    return _instant(first, first_time), _instant(last, last_time)


def document_categories(timeline: Timeline) -> dict[int, tuple[str, str]]:
    """(category name, "r,g,b") of each document by identity; equal titles are numbered apart."""
    out: dict[int, tuple[str, str]] = {}
    taken: set[str] = set()
    for index, doc in enumerate(timeline.documents):
        base = " ".join(source_label(doc).split()) or f"Source {index + 1}"
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base} ({n})"
        taken.add(name)
        out[id(doc)] = (name, _rgb(document_hue(index)) or _DEFAULT_COLOR)
    return out


def to_timeline_xml(timeline: Timeline, clean: XmlText | None = None) -> bytes:
    """The file's bytes; characters XML cannot hold are written as U+FFFD and counted in `clean`."""
    fit = clean or XmlText()

    def _sub(parent: ET.Element, tag: str, text: str) -> None:
        # A parser reads a carriage return as a line feed anyway: write what will be read.
        ET.SubElement(parent, tag).text = fit(text.replace("\r\n", "\n").replace("\r", "\n"))

    root = ET.Element("timeline")
    _sub(root, "version", FILE_VERSION)
    _sub(root, "timetype", "gregoriantime")
    categories = ET.SubElement(root, "categories")
    by_document = document_categories(timeline)
    for name, color in by_document.values():
        category = ET.SubElement(categories, "category")
        _sub(category, "name", name)
        _sub(category, "color", color)
        _sub(category, "font_color", "0,0,0")
    events = ET.SubElement(root, "events")
    sources = SourceIndex(timeline)
    spans = []
    for event in timeline.events:
        span = _span(event.date)
        if span is None:
            continue
        spans.append(span)
        element = ET.SubElement(events, "event")
        _sub(element, "start", span[0])
        _sub(element, "end", span[1])
        # Timeline reads a leading "(" or "[" as container syntax unless a space precedes it.
        _sub(element, "text", " " + event.title if event.title.startswith(("(", "[")) else event.title)
        _sub(element, "fuzzy", str(event.date.is_uncertain))
        _sub(element, "locked", "False")
        _sub(element, "ends_today", "False")
        told_by = sources.of(event)
        filed = by_document.get(id(told_by[0])) if told_by else None
        if filed is not None:
            _sub(element, "category", filed[0])
        # Timeline has one category per event: the group goes into the footer instead.
        _sub(element, "description", described_text(sources, event, group=True))
        doc_url = next((d.path for d in told_by if is_url(d.path)), None)
        if doc_url:
            _sub(element, "hyperlink", doc_url)
        _sub(element, "default_color", _rgb(event.color) or (filed[1] if filed else _DEFAULT_COLOR))
    view = ET.SubElement(root, "view")
    if spans:
        period = ET.SubElement(view, "displayed_period")
        _sub(period, "start", min(s[0] for s in spans))
        _sub(period, "end", max(s[1] for s in spans))
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False)


def export_timeline_xml(timeline: Timeline, path: Path, title: str = "") -> Written:
    del title  # the format has no title
    clean = XmlText()
    path.write_bytes(to_timeline_xml(timeline, clean))
    return clean.written()


# ---------------------------------------------------------------- import


def _parse_instant(text: str | None, where: str) -> datetime:
    m = _TIME.match((text or "").strip())
    if not m:
        raise FormatError(f"{where}: unreadable time {str(text)[:40]!r} (expected 'YYYY-MM-DD HH:MM:SS')")
    year, month, day, hour, minute, second = (int(g) for g in m.groups())
    check_year(year, where)
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError as exc:
        raise FormatError(f"{where}: invalid time {text!r} ({exc})") from exc


def _point(moment: datetime) -> DatePoint:
    if moment.hour or moment.minute:
        d = moment.date()
        return DatePoint(d, d, Precision.TIME, moment.strftime("%H:%M"))
    return DatePoint.day(moment.date())


def _date_from_instants(start: datetime, end: datetime, fuzzy: bool, where: str) -> FuzzyDate:
    if end < start:
        raise FormatError(f"{where}: the end is before the start")
    if start == end:
        return FuzzyDate.point(_point(start))
    if fuzzy:
        return FuzzyDate.bounded(_point(start), _point(end))
    return FuzzyDate.interval(_point(start), _point(end))


def _parse(data: bytes, name: str) -> ET.Element:
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except defusedxml.DTDForbidden as exc:
        raise FormatError(f"{name}: refused: the XML declares a DTD (entities are not allowed)") from exc
    except defusedxml.DefusedXmlException as exc:
        raise FormatError(f"{name}: refused unsafe XML ({exc})") from exc
    except ET.ParseError as exc:
        line, column = exc.position
        raise FormatError(f"{name}: malformed XML at line {line}, column {column}") from exc
    except (LookupError, ValueError) as exc:  # an encoding the parser does not know, declared in the file
        raise FormatError(f"{name}: unreadable XML ({exc})") from exc
    if root.tag != "timeline":
        raise FormatError(f"{name}: not a Timeline file (root element <{root.tag}>)")
    return root


def _hyperlink_source(element: ET.Element) -> list[SourceRef]:
    """A file written by Timeline itself may cite its source only as the event's hyperlink."""
    url = (element.findtext("hyperlink") or "").strip()
    return [SourceRef(url, url)] if url else []


def _group(category: str, described: Described) -> str:
    """The event's group: the footer's, else a category that is no document's (files written elsewhere)."""
    if "Group" in described.meta:
        return described.meta["Group"]
    m = _NUMBERED.match(category)
    if category in {ref.title for ref in described.sources} or (
        m and m.group(1) in {r.title for r in described.sources}
    ):
        return ""
    return category


def from_timeline_xml(data: bytes, name: str = "timeline") -> Timeline:
    root = _parse(data, name)
    events_element = root.find("events")
    if events_element is None:
        raise FormatError(f"{name}: not a Timeline file (no <events>)")
    category_colors = {
        (c.findtext("name") or "").strip(): _hex(c.findtext("color") or "")
        for c in root.iterfind("categories/category")
    }
    sources = SourceCollector()
    imported = ImportedEvents()
    for n, element in enumerate(events_element.iterfind("event"), 1):
        where = f"{name}: event {n}"
        start = _parse_instant(element.findtext("start"), where)
        end = _parse_instant(element.findtext("end"), where)
        described = split_described(element.findtext("description") or "")
        fuzzy = (element.findtext("fuzzy") or "").strip() == "True"
        when = described.date(start.date(), where) or _date_from_instants(start, end, fuzzy, where)
        text = element.findtext("text") or ""
        category = (element.findtext("category") or "").strip()
        own_color = _hex(element.findtext("default_color") or "")
        # An event drawn in its category's colour has no colour of its own.
        plain = (_hex(_DEFAULT_COLOR), category_colors.get(category, ""))
        color = own_color if own_color and own_color not in plain else ""
        imported.events.append(
            Event(
                id=imported.unique_id("", "tl"),
                title=text[1:] if text[:2] in (" (", " [") else text,
                sentence=described.sentence,
                date=when,
                status=described.status,
                date_basis=described.meta.get("Basis", ""),
                mentions=sources.mentions(described.sources or _hyperlink_source(element)),
                notes=described.notes,
                group=_group(category, described),
                color=color,
            )
        )
    return Timeline(documents=sources.documents, events=imported.events)


def import_timeline_xml(path: Path) -> Timeline:
    return from_timeline_xml(read_bytes_limited(path), path.name)
