"""Project files are untrusted input: what a connection may run, which schema is accepted, which values.

An SQLite file carries more than data. A trigger stored in it runs on the writer's next
INSERT; a view put in place of a table runs whatever query it holds (a recursive one never
ends); a column declared differently lets any type through. So every connection to a project
refuses triggers and views outright, and a file is read or written only when its schema is
exactly one this app writes (fresh or migrated) and every value has the type and range its
column stands for.
"""

from __future__ import annotations

import functools
import re
import sqlite3

from timeline_app.io.project_schema import APPLICATION_ID, MIGRATIONS, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, statements

# Text longer than this is no article (ingestion stops at a few megabytes) and would only stall the viewer.
MAX_TEXT_CHARS = 8 * 1024 * 1024
MAX_VIEW_STATE_CHARS = 1024 * 1024
MAX_LIST_CHARS = 1024 * 1024

_SCHEMAS = {1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3}

# Flags that take effect on the connection, whatever the file says (SQLite >= 3.31).
_HARDENING = (
    ("SQLITE_DBCONFIG_ENABLE_TRIGGER", False),
    ("SQLITE_DBCONFIG_ENABLE_VIEW", False),
    ("SQLITE_DBCONFIG_TRUSTED_SCHEMA", False),
    ("SQLITE_DBCONFIG_DEFENSIVE", True),
)


def harden(conn: sqlite3.Connection) -> None:
    """No trigger fires and no view runs on this connection, and the schema cannot be edited through it."""
    setconfig = getattr(conn, "setconfig", None)
    for name, value in _HARDENING:
        option = getattr(sqlite3, name, None)
        if setconfig is not None and option is not None:
            setconfig(option, value)
    if setconfig is None:  # Python < 3.12: at least keep functions with side effects out of the schema
        conn.execute("PRAGMA trusted_schema = OFF")


# ---------------------------------------------------------------- schema


def _normal_sql(sql: str | None) -> str | None:
    if sql is None:
        return None
    text = " ".join(sql.split())
    return re.sub(r"\s*([(),])\s*", r"\1", text)


SchemaEntry = tuple[str, str, str, str | None]


def schema_of(conn: sqlite3.Connection) -> frozenset[SchemaEntry]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset((str(t), str(n), str(tb), _normal_sql(s)) for t, n, tb, s in rows)


@functools.cache
def known_schemas(version: int) -> tuple[frozenset[SchemaEntry], ...]:
    """Every schema a file of `version` can have: written at that version, or at an older one and migrated."""
    found = []
    for start in range(1, version + 1):
        conn = sqlite3.connect(":memory:", isolation_level=None)
        try:
            for statement in statements(_SCHEMAS[start]):
                conn.execute(statement)
            for step in range(start, version):
                MIGRATIONS[step](conn)
            found.append(schema_of(conn))
        finally:
            conn.close()
    return tuple(found)


def schema_problem(conn: sqlite3.Connection, version: int) -> str | None:
    """Why the file's schema is not one this app writes for `version`, or None when it is."""
    if version not in _SCHEMAS:
        return f"unknown project format {version}"
    if int(conn.execute("PRAGMA application_id").fetchone()[0]) != APPLICATION_ID:
        return "not a timeline project"
    actual = schema_of(conn)
    expected = known_schemas(version)
    if actual in expected:
        return None
    fresh = expected[-1] if version == 1 else expected[0]
    tables = {name for kind, name, _t, _s in fresh if kind == "table"}
    for kind, name, _table, _sql in sorted(actual - fresh):
        if kind == "view" and name in tables:
            return f"a view in place of the table {name!r}"
        if kind == "trigger":
            return f"a trigger {name!r}"
        if kind == "view":
            return f"a view {name!r}"
        if kind == "index":
            return f"an index {name!r} this app never makes"
        if name not in tables:
            return f"an unknown {kind} {name!r}"
        return f"the table {name!r} in a shape this app never writes"
    missing = sorted(name for kind, name, _t, _s in fresh - actual if kind == "table")
    return f"no table {missing[0]!r}" if missing else "tables in a shape this app never writes"


# ---------------------------------------------------------------- values

# Each column's allowed SQLite types; a crafted file can put any type in any column.
_TEXT = ("text",)
_TEXT_OR_NULL = ("text", "null")
_INTEGER = ("integer",)
_NUMBER = ("real", "integer")
COLUMN_TYPES: dict[str, dict[str, tuple[str, ...]]] = {
    "meta": {"key": _TEXT, "value": _TEXT},
    "documents": {
        "position": _INTEGER, "id": _TEXT, "path": _TEXT, "text": _TEXT, "title": _TEXT,
        "reference_date": _TEXT_OR_NULL, "reference_date_basis": _TEXT, "reference_date_weak": _INTEGER,
        "kind": _TEXT,
    },
    "timexes": {
        "document_position": _INTEGER, "position": _INTEGER, "start": _INTEGER, "end": _INTEGER, "text": _TEXT,
        "type": _TEXT, "value": _TEXT, "mod": _TEXT_OR_NULL, "basis": _TEXT, "anchor": _TEXT_OR_NULL,
    },
    "events": {
        "position": _INTEGER, "id": _TEXT, "title": _TEXT, "sentence": _TEXT, "date_kind": _TEXT,
        "start_earliest": _TEXT_OR_NULL, "start_latest": _TEXT_OR_NULL, "start_precision": _TEXT_OR_NULL,
        "start_time": _TEXT_OR_NULL, "end_earliest": _TEXT_OR_NULL, "end_latest": _TEXT_OR_NULL,
        "end_precision": _TEXT_OR_NULL, "end_time": _TEXT_OR_NULL, "status": _TEXT, "date_basis": _TEXT,
        "actors": _TEXT, "places": _TEXT, "quantities": _TEXT, "notes": _TEXT, "group_name": _TEXT, "color": _TEXT,
        "curated": _INTEGER, "date_inferred": _INTEGER, "salience": _NUMBER, "confidence": _NUMBER,
        "conflict": _TEXT, "slips": _TEXT,
    },
    "mentions": {
        "event_position": _INTEGER, "position": _INTEGER, "document": _TEXT, "start": _INTEGER, "end": _INTEGER,
        "text": _TEXT,
    },
    "edits": {"seq": _INTEGER, "at": _TEXT, "action": _TEXT, "event_id": _TEXT, "detail": _TEXT},
}  # fmt: skip

# Ranges the views rely on: a first day no later than the last, salience in [0, 1] (as events JSON demands).
_RANGES: dict[str, tuple[str, ...]] = {
    "events": (
        "salience < 0",
        "salience > 1",
        "confidence < 0",
        "confidence > 1",
        "start_earliest > start_latest",
        "end_earliest > end_latest",
    ),
}


def _quoted(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def value_problem(conn: sqlite3.Connection) -> str | None:
    """The first column holding a value of the wrong type or out of range, or None.

    One scan per table in SQL: ``typeof`` reads only the record headers, not the values.
    """
    for table, columns in COLUMN_TYPES.items():
        checks = [
            (
                f"typeof({_quoted(c)}) NOT IN ({', '.join(repr(t) for t in types)})",
                f"{table}.{c} is not {' or '.join(types)}",
            )
            for c, types in columns.items()
        ]
        checks += [
            (condition, f"{table} has a row where {condition.replace(chr(34), '')}")
            for condition in _RANGES.get(table, ())
        ]
        flags = ", ".join(f"coalesce({condition}, 0)" for condition, _ in checks)
        where = " OR ".join(f"({condition})" for condition, _ in checks)
        row = conn.execute(f"SELECT {flags} FROM {table} WHERE {where} LIMIT 1").fetchone()
        if row is not None:
            return next(message for (_, message), flag in zip(checks, row, strict=True) if flag)
    return None
