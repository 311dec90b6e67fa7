"""Tables of the project file, one DDL per schema version, and the migrations between them.

Version 1 stored an event's date as one EDTF string and kept no order, timexes, entity
lists, colour or curation flag. Version 2 stores dates as calendar units (EDTF cannot
express weeks, quarters or seasons losslessly), keeps list order and adds the edit log.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from timeline_app.core.model import DatePoint, FuzzyDate

# "TLNP" in ASCII: marks an SQLite file as a timeline project (PRAGMA application_id).
APPLICATION_ID = 0x544C4E50
SCHEMA_VERSION = 3

SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id TEXT PRIMARY KEY, path TEXT NOT NULL, text TEXT NOT NULL, title TEXT NOT NULL,
    reference_date TEXT, reference_date_basis TEXT NOT NULL
);
CREATE TABLE events (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, sentence TEXT NOT NULL, edtf TEXT NOT NULL,
    status TEXT NOT NULL, date_basis TEXT NOT NULL, notes TEXT NOT NULL, group_name TEXT NOT NULL
);
CREATE TABLE mentions (
    event_id TEXT NOT NULL REFERENCES events(id), document TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
);
"""

SCHEMA_V2 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL, path TEXT NOT NULL, text TEXT NOT NULL,
    title TEXT NOT NULL, reference_date TEXT, reference_date_basis TEXT NOT NULL,
    reference_date_weak INTEGER NOT NULL, kind TEXT NOT NULL
);
CREATE TABLE timexes (
    document_position INTEGER NOT NULL, position INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,
    value TEXT NOT NULL, mod TEXT, basis TEXT NOT NULL, anchor TEXT,
    PRIMARY KEY (document_position, position)
) WITHOUT ROWID;
CREATE TABLE events (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL, title TEXT NOT NULL, sentence TEXT NOT NULL,
    date_kind TEXT NOT NULL,
    start_earliest TEXT, start_latest TEXT, start_precision TEXT, start_time TEXT,
    end_earliest TEXT, end_latest TEXT, end_precision TEXT, end_time TEXT,
    status TEXT NOT NULL, date_basis TEXT NOT NULL,
    actors TEXT NOT NULL, places TEXT NOT NULL, quantities TEXT NOT NULL,
    notes TEXT NOT NULL, group_name TEXT NOT NULL, color TEXT NOT NULL, curated INTEGER NOT NULL
);
CREATE TABLE mentions (
    event_position INTEGER NOT NULL, position INTEGER NOT NULL, document TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (event_position, position)
) WITHOUT ROWID;
CREATE TABLE edits (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, action TEXT NOT NULL,
    event_id TEXT NOT NULL, detail TEXT NOT NULL
);
"""

# Version 3 keeps whether a date was inferred rather than stated, each event's salience and confidence,
# and, for an event several documents tell, their conflicting dates and earlier expectations (flat lists:
# document, date, … and document, expected date, told on, …).
SCHEMA_V3 = SCHEMA_V2.replace(
    "color TEXT NOT NULL, curated INTEGER NOT NULL\n",
    "color TEXT NOT NULL, curated INTEGER NOT NULL,\n"
    "    date_inferred INTEGER NOT NULL DEFAULT 0, salience REAL NOT NULL DEFAULT 0.5,\n"
    "    confidence REAL NOT NULL DEFAULT 0.5, conflict TEXT NOT NULL DEFAULT '[]', slips TEXT NOT NULL DEFAULT '[]'\n",
)
CURRENT_SCHEMA = SCHEMA_V3
TABLES = ("meta", "documents", "timexes", "events", "mentions", "edits")


def statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def point_columns(p: DatePoint | None) -> tuple[str | None, str | None, str | None, str | None]:
    if p is None:
        return (None, None, None, None)
    return (p.earliest.isoformat(), p.latest.isoformat(), p.precision.value, p.time)


def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    # executescript() would commit the caller's transaction: run statements one by one.
    for table in ("documents", "events", "mentions"):
        conn.execute(f"ALTER TABLE {table} RENAME TO {table}_v1")
    for statement in statements(SCHEMA_V2):
        if "CREATE TABLE meta" not in statement:
            conn.execute(statement)
    conn.execute(
        """INSERT INTO documents SELECT rowid - 1, id, path, text, title, reference_date,
           reference_date_basis, 0, 'text' FROM documents_v1 ORDER BY rowid"""
    )
    events = conn.execute("SELECT rowid, * FROM events_v1 ORDER BY rowid").fetchall()
    for position, (_rowid, event_id, title, sentence, edtf, status, basis, notes, group) in enumerate(events):
        fuzzy = FuzzyDate.from_edtf(edtf)
        conn.execute(
            "INSERT INTO events VALUES (?,?,?,?,?, ?,?,?,?, ?,?,?,?, ?,?, '[]','[]','[]', ?,?,'',0)",
            (
                position,
                event_id,
                title,
                sentence,
                fuzzy.kind.value,
                *point_columns(fuzzy.start),
                *point_columns(fuzzy.end),
                status,
                basis,
                notes,
                group,
            ),
        )
        conn.execute(
            """INSERT INTO mentions SELECT ?, row_number() OVER (ORDER BY rowid) - 1, document, start, "end", text
               FROM mentions_v1 WHERE event_id = ?""",
            (position, event_id),
        )
    for table in ("mentions", "events", "documents"):
        conn.execute(f"DROP TABLE {table}_v1")


def _migrate_2_to_3(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE events ADD COLUMN date_inferred INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE events ADD COLUMN salience REAL NOT NULL DEFAULT 0.5")
    conn.execute("ALTER TABLE events ADD COLUMN confidence REAL NOT NULL DEFAULT 0.5")
    conn.execute("ALTER TABLE events ADD COLUMN conflict TEXT NOT NULL DEFAULT '[]'")
    conn.execute("ALTER TABLE events ADD COLUMN slips TEXT NOT NULL DEFAULT '[]'")


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migrate_1_to_2, 2: _migrate_2_to_3}


def migrate(conn: sqlite3.Connection, version: int) -> None:
    """Bring a schema from `version` to SCHEMA_VERSION; the caller owns the transaction."""
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](conn)
        version += 1
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
