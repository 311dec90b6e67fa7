"""A Markdown chronology: events by year with their dates as worded and the person's notes,
and numbered sources named by title and file name (or web address)."""

from __future__ import annotations

import re
from pathlib import Path

from timeline_app.core.model import Document, Event, Status, Timeline
from timeline_app.io.headline import headline
from timeline_app.io.safety import valid_unicode
from timeline_app.io.sources import SourceIndex, is_url, source_label, source_location
from timeline_app.io.xml_text import Written

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")
_STATUS_NOTE = {Status.EXPECTED: "expected", Status.REPORTED: "reported", Status.ONGOING: "ongoing"}


def md_escape(text: str) -> str:
    """Text that renders literally: no emphasis, links, HTML or headings sneak in from articles."""
    flat = " ".join(text.split())
    return _SPECIAL.sub(r"\\\1", flat)


def _source_line(number: int, doc: Document) -> str:
    label = md_escape(source_label(doc))
    if is_url(doc.path):
        line = f"{number}. [{label}](<{doc.path.replace('>', '%3E')}>)"
    else:
        where = source_location(doc)
        line = f"{number}. {label}" + (f" — `{where.replace('`', "'")}`" if where else "")
    if doc.reference_date:
        line += f" (dated {doc.reference_date.day} {doc.reference_date.strftime('%b %Y')})"
    return line


def to_markdown(timeline: Timeline, title: str = "") -> str:
    sources = SourceIndex(timeline)
    cited: dict[int, Document] = {}  # by identity: two documents may hold equal fields
    for event in timeline.events:
        for doc in sources.of(event):
            cited.setdefault(id(doc), doc)
    documents = list(cited.values())
    numbers = {id(d): i for i, d in enumerate(documents, 1)}
    events = sorted(timeline.events, key=lambda e: e.date.sort_key())
    lines = [f"# {md_escape(title or headline(timeline) or 'Chronology')}", ""]
    lines += [f"{_count(len(events), 'event')} from {_count(len(documents), 'source')}.", ""]
    heading = None
    for event in events:
        first = event.date.earliest or event.date.latest
        section = str(first.year) if first else "Date not stated"
        if section != heading:
            lines += ([""] if heading else []) + [f"## {section}", ""]
            heading = section
        lines.append(_event_line(sources, event, numbers))
    if documents:
        lines += ["", "## Sources", ""]
        lines += [_source_line(numbers[id(d)], d) for d in documents]
    return "\n".join(lines) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _event_line(sources: SourceIndex, event: Event, numbers: dict[int, int]) -> str:
    told_by = sources.of(event)
    refs = "".join(f"[{numbers[id(d)]}]" for d in told_by)
    several = f"told by {len(told_by)} sources" if len(told_by) > 1 else ""
    disagree = "sources disagree: " + ", ".join(f"{d} {edtf}" for d, edtf in event.conflict) if event.conflict else ""
    tags = [t for t in (_STATUS_NOTE.get(event.status), event.group, several, disagree) if t]
    suffix = f" _({md_escape(', '.join(tags))})_" if tags else ""
    line = f"- **{md_escape(event.date.describe())}** — {md_escape(event.title)}{suffix}" + (f" {refs}" if refs else "")
    if event.sentence and event.sentence.strip() != event.title.strip():
        line += f"  \n  > {md_escape(event.sentence)}"
    if event.notes.strip():
        line += f"  \n  _Note:_ {md_escape(event.notes)}"
    return line


def export_markdown(timeline: Timeline, path: Path, title: str = "") -> Written:
    path.write_text(valid_unicode(to_markdown(timeline, title)), encoding="utf-8")
    return Written()
