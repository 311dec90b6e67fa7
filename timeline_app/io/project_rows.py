"""Timeline <-> rows of the current project schema (no transaction handling here)."""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import json.encoder
import json.scanner
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

from timeline_app.core.model import (
    DateKind,
    DatePoint,
    Document,
    Event,
    FuzzyDate,
    Mention,
    Precision,
    Status,
    Timeline,
    Timex,
)
from timeline_app.io.project_guard import MAX_LIST_CHARS, MAX_TEXT_CHARS
from timeline_app.io.project_schema import point_columns
from timeline_app.io.safety import valid_unicode

_PRECISIONS = {p.value: p for p in Precision}
_STATUSES = {s.value: s for s in Status}
_KINDS = {k.value: k for k in DateKind}
# The C scanner behind json.loads, without its per-call Python overhead (100k events, 3 lists each).
_scan_json: Any = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]
_cached_point_columns = functools.lru_cache(maxsize=65536)(point_columns)


_encode_str: Any = json.encoder.encode_basestring


def _dump_list(values: list[str]) -> str:
    # Same text as json.dumps(values, ensure_ascii=False), a third of the cost for lists of strings.
    if not values:
        return "[]"
    if all(type(v) is str for v in values):
        return "[" + ", ".join(map(_encode_str, values)) + "]"
    return json.dumps(values, ensure_ascii=False)


def _load_list(text: str) -> list[str]:
    if text == "[]":
        return []
    if len(text) > MAX_LIST_CHARS:
        raise ValueError(f"a stored list of names is too long ({len(text):,} characters)")
    try:
        value, end = _scan_json(text, 0)
    except (ValueError, RecursionError, StopIteration):
        raise ValueError(f"not a JSON list of names: {text[:40]!r}") from None
    if end != len(text) or type(value) is not list or not all(type(v) is str for v in value):
        raise ValueError(f"not a JSON list of names: {text[:40]!r}")
    return value


def write_timeline(conn: sqlite3.Connection, timeline: Timeline, meta: dict[str, str]) -> None:
    """Make the stored timeline equal to `timeline`, writing only rows that differ; the edit log is kept.

    Saving after a few edits then costs a read of the stored rows instead of a rewrite of
    the whole file (and of its copy in the WAL).
    """
    with _gc_paused():
        documents = [
            (
                i,
                d.id,
                d.path,
                d.text,
                d.title,
                d.reference_date.isoformat() if d.reference_date else None,
                d.reference_date_basis,
                int(d.reference_date_weak),
                d.kind,
            )
            for i, d in enumerate(timeline.documents)
        ]
        _sync_documents(conn, documents)
        _sync(conn, "timexes", ("document_position", "position"), list(_timex_rows(timeline.documents)))
        _sync(conn, "events", ("position",), [_event_row(i, e) for i, e in enumerate(timeline.events)])
        _sync(conn, "mentions", ("event_position", "position"), list(_mention_rows(timeline.events)))
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())


def _sync_documents(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    """_sync for documents, without reading every stored text into memory beside the open ones.

    The stored rows are compared on everything but the text, and on the text's length; a text
    of the same length is compared inside SQLite, one document at a time.
    """
    stored = {
        row[0]: row
        for row in conn.execute(
            "SELECT position, id, path, length(text), title, reference_date, reference_date_basis,"
            " reference_date_weak, kind FROM documents"
        )
    }
    changed = []
    for row in rows:
        before = stored.pop(row[0], None)
        text = row[3]
        if before == (*row[:3], len(text), *row[4:]):
            same = conn.execute("SELECT text = ? FROM documents WHERE position = ?", (text, row[0])).fetchone()
            if same and same[0]:
                continue
        changed.append(row)
    if stored:
        conn.executemany("DELETE FROM documents WHERE position = ?", [(p,) for p in stored])
    if changed:
        conn.executemany("INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?)", changed)


def _sync(conn: sqlite3.Connection, table: str, key: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    width = len(key)
    stored = {row[:width]: row for row in conn.execute(f"SELECT * FROM {table}")}
    changed = [row for row in rows if stored.pop(row[:width], None) != row]
    if stored:  # rows left over no longer exist
        condition = " AND ".join(f'"{k}" = ?' for k in key)
        conn.executemany(f"DELETE FROM {table} WHERE {condition}", stored.keys())
    if changed:
        marks = ",".join("?" * len(changed[0]))
        conn.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", changed)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    # Hundreds of thousands of small tuples and dataclasses trigger needless full collections.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _timex_rows(documents: list[Document]) -> Iterator[tuple[Any, ...]]:
    for i, d in enumerate(documents):
        for j, t in enumerate(d.timexes):
            yield (i, j, t.start, t.end, t.text, t.type, t.value, t.mod, t.basis, t.anchor)


def _mention_rows(events: list[Event]) -> Iterator[tuple[Any, ...]]:
    for i, e in enumerate(events):
        for j, m in enumerate(e.mentions):
            yield (i, j, m.document, m.start, m.end, m.text)


def _event_row(position: int, e: Event) -> tuple[Any, ...]:
    return (
        position,
        e.id,
        e.title,
        e.sentence,
        e.date.kind.value,
        *_cached_point_columns(e.date.start),
        *_cached_point_columns(e.date.end),
        e.status.value,
        e.date_basis,
        _dump_list(e.actors),
        _dump_list(e.places),
        _dump_list(e.quantities),
        e.notes,
        e.group,
        e.color,
        int(e.curated),
        int(e.date.inferred),
        e.salience,
        e.confidence,
        _dump_list([x for pair in e.conflict for x in pair]),
        _dump_list([x for triple in e.slips for x in triple]),
    )


_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@functools.lru_cache(maxsize=65536)
def _point(earliest: str | None, latest: str | None, precision: str | None, time: str | None) -> DatePoint | None:
    # DatePoints are immutable and dates repeat a lot across events: share them.
    if earliest is None or latest is None or precision is None:
        return None
    if time is not None and not _TIME.match(time):
        raise ValueError(f"not a time of day: {time[:20]!r}")
    return DatePoint(date.fromisoformat(earliest), date.fromisoformat(latest), _PRECISIONS[precision], time)


def read_timeline(conn: sqlite3.Connection) -> tuple[Timeline, dict[str, str]]:
    with _gc_paused():
        return _read_timeline(conn)


def _read_timeline(conn: sqlite3.Connection) -> tuple[Timeline, dict[str, str]]:
    timexes: dict[int, list[Timex]] = defaultdict(list)
    for row in conn.execute("SELECT * FROM timexes ORDER BY document_position, position"):
        timexes[row[0]].append(Timex(*row[2:]))
    documents = [
        Document(
            id=doc_id,
            path=path,
            text=_bounded(text, "a document's text"),
            title=title,
            reference_date=date.fromisoformat(ref) if ref else None,
            reference_date_basis=basis,
            reference_date_weak=bool(weak),
            timexes=timexes.get(position, []),
            kind=kind,
        )
        for position, doc_id, path, text, title, ref, basis, weak, kind in conn.execute(
            "SELECT * FROM documents ORDER BY position"
        )
    ]
    mentions: dict[int, list[Mention]] = defaultdict(list)
    for row in conn.execute("SELECT * FROM mentions ORDER BY event_position, position"):
        mentions[row[0]].append(Mention(*row[2:]))
    events = [_event(row, mentions.get(row[0], [])) for row in conn.execute("SELECT * FROM events ORDER BY position")]
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    return Timeline(documents=documents, events=events), meta


def _bounded(text: str, what: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"{what} is too large ({len(text):,} characters; limit {MAX_TEXT_CHARS:,})")
    return text


def _event(row: tuple[Any, ...], mentions: list[Mention]) -> Event:
    (_position, event_id, title, sentence, kind) = row[:5]
    if len(title) > MAX_TEXT_CHARS or len(sentence) > MAX_TEXT_CHARS:
        raise ValueError(f"the event {event_id[:40]!r} has a title or sentence too large to show")
    (status, basis, actors, places, quantities, notes, group, color, curated, inferred, salience) = row[13:24]
    confidence, conflict, slips = row[24:27]
    return Event(
        id=event_id,
        title=title,
        sentence=sentence,
        date=FuzzyDate(_KINDS[kind], _point(*row[5:9]), _point(*row[9:13]), bool(inferred)),
        status=_STATUSES[status],
        date_basis=basis,
        mentions=mentions,
        actors=_load_list(actors),
        places=_load_list(places),
        quantities=_load_list(quantities),
        notes=notes,
        group=group,
        color=color,
        curated=bool(curated),
        salience=float(salience),
        confidence=float(confidence),
        conflict=[(a, b) for a, b in _groups(_load_list(conflict), 2)],
        slips=[(a, b, c) for a, b, c in _groups(_load_list(slips), 3)],
    )


def _groups(flat: list[str], size: int) -> list[tuple[str, ...]]:
    if len(flat) % size:
        raise ValueError(f"a stored list of {size}-part entries has {len(flat)} parts")
    return [tuple(flat[i : i + size]) for i in range(0, len(flat), size)]


def valid_unicode_timeline(timeline: Timeline) -> Timeline:
    """A copy whose every text is valid Unicode (lone surrogates replaced), for stores that need UTF-8."""

    def text(value: str) -> str:
        return valid_unicode(value)

    def texts(values: list[str]) -> list[str]:
        return [valid_unicode(v) for v in values]

    documents = [
        replace(
            d,
            id=text(d.id),
            path=text(d.path),
            text=text(d.text),
            title=text(d.title),
            reference_date_basis=text(d.reference_date_basis),
            kind=text(d.kind),
            timexes=[
                Timex(
                    t.start,
                    t.end,
                    text(t.text),
                    text(t.type),
                    text(t.value),
                    t.mod and text(t.mod),
                    text(t.basis),
                    t.anchor and text(t.anchor),
                )
                for t in d.timexes
            ],
        )
        for d in timeline.documents
    ]
    events = [
        replace(
            e,
            id=text(e.id),
            title=text(e.title),
            sentence=text(e.sentence),
            date_basis=text(e.date_basis),
            mentions=[Mention(text(m.document), m.start, m.end, text(m.text)) for m in e.mentions],
            actors=texts(e.actors),
            places=texts(e.places),
            quantities=texts(e.quantities),
            notes=text(e.notes),
            group=text(e.group),
            color=text(e.color),
        )
        for e in timeline.events
    ]
    return Timeline(documents=documents, events=events)
