"""CSV with the columns of the TimelineJS Google spreadsheet template: export and import.

The template's columns come first; a last "Notes" column, which TimelineJS ignores, holds the
person's notes. Sources are named by title and file name in the slide text, and the title row
is named after the documents unless a title is given.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from pathlib import Path

from timeline_app.core.model import Event, FuzzyDate, Status, Timeline
from timeline_app.io.csv_cells import from_cell, to_cell
from timeline_app.io.date_parts import Parts, from_parts, parse_time, parts_from_fields, to_parts
from timeline_app.io.headline import attribution, headline
from timeline_app.io.safety import MAX_IMPORT_BYTES, FormatError, read_text_limited, valid_unicode
from timeline_app.io.slide_fields import group_html, group_text, safe_colour
from timeline_app.io.sources import (
    ImportedEvents,
    SourceCollector,
    SourceIndex,
    parse_slide_text,
    plain_text,
    text_html,
)
from timeline_app.io.xml_text import Written

COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
    "Notes",
)
ERA_GROUP = "Era"


def _date_cells(parts: Parts | None) -> list[str]:
    if parts is None:
        return ["", "", "", ""]
    return [str(parts.year), str(parts.month or ""), str(parts.day or ""), parts.time or ""]


def _row(
    start: Parts,
    end: Parts | None,
    display: str,
    title: str,
    text: str,
    kind: str,
    group: str,
    bg: str,
    notes: str = "",
) -> list[str]:
    row = [*_date_cells(start), *_date_cells(end), display, html.escape(title), text]
    # TimelineJS shows the group as HTML and the background as CSS; it never shows the notes.
    return [to_cell(cell) for cell in [*row, "", "", "", "", kind, group_html(group), safe_colour(bg), notes]]


def to_sheet_csv(
    timeline: Timeline, title: str = "", summary: str = "", eras: Sequence[tuple[str, FuzzyDate]] = ()
) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    if title:
        credit = attribution(timeline)
        text = "".join(f"<p>{html.escape(t)}</p>" for t in (summary, credit) if t)
        cells = dict.fromkeys(COLUMNS, "")
        cells.update({"Headline": to_cell(html.escape(title)), "Text": to_cell(text), "Type": "title"})
        writer.writerow(cells.values())
    sources = SourceIndex(timeline)
    for event in timeline.events:
        dated = to_parts(event.date)
        if dated is not None:
            text = text_html(event.sentence, sources.of(event))
            writer.writerow(_row(*dated, event.title, text, "", event.group, event.color, event.notes))
    for name, span in eras:
        dated = to_parts(span)
        if dated is not None and dated[1] is not None:
            writer.writerow(_row(dated[0], dated[1], "", name, "", "era", "", ""))
    return out.getvalue()


def export_sheet_csv(timeline: Timeline, path: Path, title: str = "") -> Written:
    text = to_sheet_csv(timeline, title=title or headline(timeline))
    path.write_text(valid_unicode(text), encoding="utf-8", newline="")
    return Written()


def _parts(row: dict[str, str], prefix: str, where: str) -> Parts | None:
    hour, minute = parse_time(row.get(f"{prefix}Time", ""), where)
    return parts_from_fields(
        row.get(f"{prefix}Year"), row.get(f"{prefix}Month"), row.get(f"{prefix}Day"), hour, minute, where
    )


def from_sheet_csv(text: str, name: str = "CSV") -> Timeline:
    # A slide's text may be longer than the csv module's default cell limit (128 KB); the file's own size is capped.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_IMPORT_BYTES))
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise FormatError(f"{name}: malformed CSV ({exc})") from exc
    if not rows:
        raise FormatError(f"{name}: the file is empty")
    header = [h.strip() for h in rows[0]]
    missing = [c for c in ("Year", "Headline") if c not in header]
    if missing:
        raise FormatError(f"{name}: not a TimelineJS sheet (no {', '.join(missing)} column)")
    sources = SourceCollector()
    imported = ImportedEvents()
    for line, values in enumerate(rows[1:], 2):
        where = f"{name}: row {line}"
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            raise FormatError(f"{where}: {len(values)} cells for {len(header)} columns")
        row = {h: from_cell(v) for h, v in zip(header, values, strict=False)}
        kind = row.get("Type", "").strip().lower()
        if kind == "title":
            continue
        start, end = _parts(row, "", where), _parts(row, "End ", where)
        if start is None:
            raise FormatError(f"{where}: no Year")
        parsed = parse_slide_text(row.get("Text", ""))
        era = kind == "era"
        imported.events.append(
            Event(
                id=imported.unique_id("", "era" if era else "row"),
                title=plain_text(row.get("Headline", "")),
                sentence=parsed.sentence,
                date=from_parts(start, end, row.get("Display Date", ""), where),
                status=Status.ONGOING if era else Status.OCCURRED,
                mentions=sources.mentions(parsed.sources),
                notes=row.get("Notes", "") or parsed.notes,
                group=ERA_GROUP if era else group_text(row.get("Group", "")),
                color=safe_colour(row.get("Background", "")),
            )
        )
    return Timeline(documents=sources.documents, events=imported.events)


def import_sheet_csv(path: Path) -> Timeline:
    return from_sheet_csv(read_text_limited(path), path.name)
