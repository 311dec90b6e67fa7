"""Registry of interchange formats for the CLI and the File menu.

EXPORTERS and IMPORTERS map a format name to (file extension, description, function).
Exporters take (timeline, path, title="") and may return what they had to change to write a
valid file (``Written``); importers take a path and raise FormatError with a one-line reason.
Images (png/svg/pdf) are drawn by the Qt layer's image exporter, which callers import only
when needed: this layer never depends on Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, Protocol

import msgspec

from timeline_app.core.model import Timeline
from timeline_app.io import columnar, events_json
from timeline_app.io.ics import export_ics, import_ics
from timeline_app.io.markdown import export_markdown
from timeline_app.io.safety import MAX_IMPORT_BYTES, FormatError, check_size, check_timeline_size, read_bytes_limited
from timeline_app.io.sheet_csv import export_sheet_csv, import_sheet_csv
from timeline_app.io.timeline_xml import export_timeline_xml, import_timeline_xml
from timeline_app.io.timelinejs import export_timelinejs, import_timelinejs
from timeline_app.io.xml_text import Written


class Exporter(Protocol):
    def __call__(self, timeline: Timeline, path: Path, title: str = "") -> Written | None: ...


Importer = Callable[[Path], Timeline]


class ExportFormat(NamedTuple):
    extension: str
    description: str
    function: Exporter


class ImportFormat(NamedTuple):
    extension: str
    description: str
    function: Importer


def export_events_json(timeline: Timeline, path: Path, title: str = "") -> Written:
    del title  # the events format has no title
    events_json.dump(timeline, path)
    return Written()


def import_events_json(path: Path) -> Timeline:
    check_timeline_size(path, "json-objects")  # what memory allows, before the parser sees the file
    try:
        return events_json.load(path)
    except ValueError as exc:
        raise FormatError(str(exc)) from exc


def import_timeml(path: Path) -> Timeline:
    """A TimeML document: its text is extracted like any article, its TIMEX3 tags kept."""
    from timeline_app.core.pipeline import extract_documents

    check_size(path)
    timeline, errors = extract_documents([path])
    if errors:
        raise FormatError(f"{path.name}: {errors[0][1]}")
    return timeline


EXPORTERS: dict[str, ExportFormat] = {
    "timelinejs": ExportFormat(".json", "TimelineJS 3 JSON", export_timelinejs),
    "csv": ExportFormat(".csv", "TimelineJS spreadsheet CSV", export_sheet_csv),
    "ics": ExportFormat(".ics", "iCalendar (all-day events)", export_ics),
    "timeline": ExportFormat(".timeline", "Timeline desktop app XML", export_timeline_xml),
    "markdown": ExportFormat(".md", "Markdown chronology with sources", export_markdown),
    "json": ExportFormat(".json", "Events JSON", export_events_json),
    "arrow": ExportFormat(columnar.EXTENSION, columnar.DESCRIPTION, columnar.export_columns),
}

IMPORTERS: dict[str, ImportFormat] = {
    "timelinejs": ImportFormat(".json", "TimelineJS 3 JSON", import_timelinejs),
    "json": ImportFormat(".json", "Events JSON", import_events_json),
    "csv": ImportFormat(".csv", "TimelineJS spreadsheet CSV", import_sheet_csv),
    "ics": ImportFormat(".ics", "iCalendar", import_ics),
    "timeline": ImportFormat(".timeline", "Timeline desktop app XML", import_timeline_xml),
    "timeml": ImportFormat(".tml", "TimeML document", import_timeml),
    "arrow": ImportFormat(columnar.EXTENSION, columnar.DESCRIPTION, columnar.import_columns),
}

# Drawn by the Qt layer's image exporter; listed here so menus and the CLI offer them.
IMAGE_FORMATS: dict[str, str] = {"png": "PNG image", "svg": "SVG drawing", "pdf": "PDF document"}

_EXTENSION_ALIASES = {".ical": "ics", ".ifb": "ics", ".timeml": "timeml"}


def detect_import_format(path: Path) -> str:
    """The importer for a file: by extension, and for .json by looking at its top-level keys."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return _sniff_json(path)
    if suffix == ".xml":
        return _sniff_xml(path)
    for name, fmt in IMPORTERS.items():
        if fmt.extension == suffix:
            return name
    if suffix in _EXTENSION_ALIASES:
        return _EXTENSION_ALIASES[suffix]
    raise FormatError(f"{path.name}: unknown file type {suffix or '(no extension)'!r}")


def _sniff_json(path: Path) -> str:
    if check_size(path, limit=1 << 62) > MAX_IMPORT_BYTES:
        # Too big to parse just to look: an events file names its documents near the top.
        with path.open("rb") as handle:
            return "json" if b'"documents"' in handle.read(65536) else "timelinejs"
    raw = read_bytes_limited(path)
    try:
        # The top level's keys only: values stay unparsed bytes, so the file is parsed once, by its importer.
        data = msgspec.json.decode(raw, type=dict[str, msgspec.Raw])
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError):
        # Not an object, or not valid JSON: the importer reports the syntax error with its position.
        return "json" if b'"documents"' in raw[:65536] else "timelinejs"
    return "json" if "documents" in data else "timelinejs"


def _sniff_xml(path: Path) -> str:
    head = read_bytes_limited(path)[:8192].decode("utf-8", "replace")
    if re.search(r"<TimeML[\s>]", head):
        return "timeml"
    if re.search(r"<timeline[\s>]", head):
        return "timeline"
    raise FormatError(f"{path.name}: an XML file that is neither TimeML nor a Timeline file")


def export_extension(fmt: str) -> str:
    if fmt in IMAGE_FORMATS:
        return f".{fmt}"
    return EXPORTERS[fmt].extension
