"""TimelineJS 3 JSON (the format TimelineJS 3.9 reads): export and import.

Slides carry only the known date parts; uncertain or unusual dates add a `display_date`
worded by FuzzyDate.describe(). The person's notes and the sources (title and file name)
are in the slide text, an event's colour is the slide background. The title slide is named
after the documents unless a title is given, and lists them. Everything TimelineJS puts into
the page as HTML (headline, text, group) is escaped, and a background that is no plain CSS
colour is left out.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from timeline_app.core.model import Event, FuzzyDate, Status, Timeline
from timeline_app.io.date_parts import Parts, from_parts, parts_from_fields, to_parts
from timeline_app.io.headline import citations
from timeline_app.io.headline import headline as document_headline
from timeline_app.io.safety import FormatError, read_text_limited
from timeline_app.io.slide_fields import group_html, group_text, safe_colour
from timeline_app.io.sources import (
    SOURCE_CLASS,
    ImportedEvents,
    SourceCollector,
    SourceIndex,
    parse_slide_text,
    plain_text,
    text_html,
)
from timeline_app.io.xml_text import Written

ERA_GROUP = "Era"


def _date_object(parts: Parts) -> dict[str, int]:
    fields = {"year": parts.year, "month": parts.month, "day": parts.day, "hour": parts.hour, "minute": parts.minute}
    return {k: v for k, v in fields.items() if v is not None}


def _escape(text: str) -> str:
    # TimelineJS renders headlines and text as HTML.
    return html.escape(text)


def to_timelinejs(
    timeline: Timeline, title: str = "", summary: str = "", eras: Sequence[tuple[str, FuzzyDate]] = ()
) -> dict[str, Any]:
    """The TimelineJS configuration object; events without any known date are left out."""
    slides = []
    sources = SourceIndex(timeline)
    for event in timeline.events:
        dated = to_parts(event.date)
        if dated is None:
            continue
        start, end, display = dated
        slide: dict[str, Any] = {
            "unique_id": event.id,
            "start_date": _date_object(start),
            "text": {
                "headline": _escape(event.title),
                "text": text_html(event.sentence, sources.of(event), event.notes),
            },
        }
        if end is not None:
            slide["end_date"] = _date_object(end)
        if display:
            slide["display_date"] = display
        if event.group:
            slide["group"] = group_html(event.group)
        if colour := safe_colour(event.color):
            slide["background"] = {"color": colour}
        slides.append(slide)
    config: dict[str, Any] = {"events": slides}
    if title or summary:
        config["title"] = {"text": {"headline": _escape(title), "text": _title_text(timeline, summary)}}
    era_list = []
    for name, span in eras:
        dated = to_parts(span)
        if dated is not None and dated[1] is not None:  # TimelineJS requires both ends of an era
            era_list.append(
                {
                    "start_date": _date_object(dated[0]),
                    "end_date": _date_object(dated[1]),
                    "text": {"headline": _escape(name)},
                }
            )
    config["eras"] = era_list
    return config


def _title_text(timeline: Timeline, summary: str) -> str:
    parts = [f"<p>{_escape(summary)}</p>"] if summary else []
    cited = citations(timeline)
    if len(cited) == 1:
        parts.append(f'<p class="{SOURCE_CLASS}">Source: {_escape(cited[0])}</p>')
    elif cited:
        items = "".join(f"<li>{_escape(c)}</li>" for c in cited)
        parts.append(f'<p class="{SOURCE_CLASS}">Sources:</p><ul>{items}</ul>')
    return "".join(parts)


def export_timelinejs(timeline: Timeline, path: Path, title: str = "") -> Written:
    config = to_timelinejs(timeline, title=title or document_headline(timeline) or "Timeline")
    # A lone surrogate (from a JSON escape in an imported file) is written as the same JSON escape.
    path.write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8", errors="backslashreplace")
    return Written()


# ---------------------------------------------------------------- import


def _date_from(obj: object, where: str) -> Parts | None:
    if obj is None:
        return None
    if not isinstance(obj, dict):
        raise FormatError(f"{where}: a date must be an object with year/month/day")
    return parts_from_fields(
        obj.get("year"), obj.get("month"), obj.get("day"), obj.get("hour"), obj.get("minute"), where
    )


def _text_of(slide: dict[str, Any], where: str) -> tuple[str, str]:
    text = slide.get("text") or {}
    if not isinstance(text, dict):
        raise FormatError(f"{where}: 'text' must be an object with headline and text")
    headline, body = text.get("headline") or "", text.get("text") or ""
    if not isinstance(headline, str) or not isinstance(body, str):
        raise FormatError(f"{where}: headline and text must be strings")
    return headline, body


def _string(value: object) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def from_timelinejs(config: object, name: str = "TimelineJS") -> Timeline:
    if not isinstance(config, dict) or not isinstance(config.get("events", []), list):
        raise FormatError(f"{name}: not a TimelineJS file (expected an object with an 'events' list)")
    sources = SourceCollector()
    imported = ImportedEvents()
    for n, slide in enumerate(config.get("events", []), 1):
        where = f"{name}: event {n}"
        if not isinstance(slide, dict):
            raise FormatError(f"{where}: not an object")
        start = _date_from(slide.get("start_date"), where)
        if start is None:
            raise FormatError(f"{where}: no start_date year")
        end = _date_from(slide.get("end_date"), where)
        display = slide.get("display_date") or (slide.get("start_date") or {}).get("display_date") or ""
        when = from_parts(start, end, str(display), where)
        headline, body = _text_of(slide, where)
        parsed = parse_slide_text(body)
        background = slide.get("background") if isinstance(slide.get("background"), dict) else {}
        imported.events.append(
            Event(
                id=imported.unique_id(str(slide.get("unique_id") or ""), "tljs"),
                title=plain_text(headline),
                sentence=parsed.sentence,
                date=when,
                mentions=sources.mentions(parsed.sources),
                notes=parsed.notes,
                group=group_text(_string(slide.get("group"))),
                color=safe_colour(_string((background or {}).get("color"))),
            )
        )
    for n, era in enumerate(config.get("eras") or [], 1):
        where = f"{name}: era {n}"
        if not isinstance(era, dict):
            raise FormatError(f"{where}: not an object")
        start, end = _date_from(era.get("start_date"), where), _date_from(era.get("end_date"), where)
        if start is None or end is None:
            raise FormatError(f"{where}: an era needs a start and an end date")
        headline, _body = _text_of(era, where)
        imported.events.append(
            Event(
                id=imported.unique_id("", "era"),
                title=plain_text(headline),
                sentence="",
                date=from_parts(start, end, "", where),
                status=Status.ONGOING,
                group=ERA_GROUP,
            )
        )
    return Timeline(documents=sources.documents, events=imported.events)


def import_timelinejs(path: Path) -> Timeline:
    text = read_text_limited(path)
    try:
        config = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"{path.name}: malformed JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})") from exc
    except RecursionError as exc:
        raise FormatError(f"{path.name}: JSON nested too deeply") from exc
    return from_timelinejs(config, path.name)
