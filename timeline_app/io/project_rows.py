"""Timeline <-> rows of the current project schema (no transaction handling here)."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
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
from timeline_app.io.project_schema import point_columns

CONTENT_TABLES = ("documents", "timexes", "events", "mentions")


def write_timeline(conn: sqlite3.Connection, timeline: Timeline, meta: dict[str, str]) -> None:
    """Replace the stored timeline and meta entries; the edit log is kept."""
    for table in CONTENT_TABLES:
        conn.execute(f"DELETE FROM {table}")
    conn.executemany(
        "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?)",
        (
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
        ),
    )
    conn.executemany("INSERT INTO timexes VALUES (?,?,?,?,?,?,?,?,?,?)", _timex_rows(timeline.documents))
    conn.executemany(
        "INSERT INTO events VALUES (?,?,?,?,?, ?,?,?,?, ?,?,?,?, ?,?, ?,?,?, ?,?,?,?)",
        (_event_row(i, e) for i, e in enumerate(timeline.events)),
    )
    conn.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?)", _mention_rows(timeline.events))
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())


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
        *point_columns(e.date.start),
        *point_columns(e.date.end),
        e.status.value,
        e.date_basis,
        json.dumps(e.actors, ensure_ascii=False),
        json.dumps(e.places, ensure_ascii=False),
        json.dumps(e.quantities, ensure_ascii=False),
        e.notes,
        e.group,
        e.color,
        int(e.curated),
    )


def _point(earliest: str | None, latest: str | None, precision: str | None, time: str | None) -> DatePoint | None:
    if earliest is None or latest is None or precision is None:
        return None
    return DatePoint(date.fromisoformat(earliest), date.fromisoformat(latest), Precision(precision), time)


def read_timeline(conn: sqlite3.Connection) -> tuple[Timeline, dict[str, str]]:
    timexes: dict[int, list[Timex]] = defaultdict(list)
    for row in conn.execute("SELECT * FROM timexes ORDER BY document_position, position"):
        timexes[row[0]].append(Timex(*row[2:]))
    documents = [
        Document(
            id=doc_id,
            path=path,
            text=text,
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


def _event(row: tuple[Any, ...], mentions: list[Mention]) -> Event:
    (_position, event_id, title, sentence, kind) = row[:5]
    (status, basis, actors, places, quantities, notes, group, color, curated) = row[13:]
    return Event(
        id=event_id,
        title=title,
        sentence=sentence,
        date=FuzzyDate(DateKind(kind), _point(*row[5:9]), _point(*row[9:13])),
        status=Status(status),
        date_basis=basis,
        mentions=mentions,
        actors=json.loads(actors),
        places=json.loads(places),
        quantities=json.loads(quantities),
        notes=notes,
        group=group,
        color=color,
        curated=bool(curated),
    )
