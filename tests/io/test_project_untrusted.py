"""A crafted project file is untrusted input: nothing stored in it runs, nothing in it hangs
the reader, and every refusal is one line naming the file."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from io_samples import sample_timeline

from timeline_app.io import project, project_rows
from timeline_app.io.project import (
    EditLogEntry,
    ProjectError,
    append_edit_log,
    load_project,
    read_edit_log,
    save_project,
)

NEVER_ENDING = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n"


def saved(tmp_path: Path) -> Path:
    path = tmp_path / "p.tlproj"
    save_project(path, sample_timeline(), {"zoom": 1})
    return path


@contextmanager
def tampered(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def finishes(work: Callable[[], Any], seconds: float = 20) -> Any:
    """Run `work` in a thread; fail the test (instead of hanging it) when it does not end in time."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def refused(path: Path, match: str) -> str:
    with pytest.raises(ProjectError, match=match) as info:
        finishes(lambda: load_project(path))
    message = str(info.value)
    assert "\n" not in message and path.name in message
    return message


def test_a_stored_trigger_never_runs(tmp_path: Path) -> None:
    path = saved(tmp_path)
    with tampered(path) as conn:
        conn.execute("CREATE TRIGGER rename AFTER INSERT ON meta BEGIN UPDATE events SET title = 'pwned'; END")
        conn.execute("CREATE TRIGGER rename2 AFTER UPDATE ON events BEGIN UPDATE events SET title = 'pwned'; END")
    refused(path, "refused.*trigger 'rename")
    with pytest.raises(ProjectError, match="trigger"):
        read_edit_log(path)
    timeline = sample_timeline()
    timeline.events[0].title = "Changed here"
    save_project(path, timeline)  # the file is replaced, never written into
    loaded, _ = load_project(path)
    assert [e.title for e in loaded.events] == [e.title for e in timeline.events]
    with tampered(path) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0] == 0


def test_a_trigger_that_never_ends_does_not_hang_saving(tmp_path: Path) -> None:
    path = saved(tmp_path)
    with tampered(path) as conn:
        conn.execute(f"CREATE TRIGGER slow BEFORE INSERT ON meta BEGIN SELECT count(*) FROM ({NEVER_ENDING}); END")
    finishes(lambda: save_project(path, sample_timeline()))
    assert load_project(path)[0] == sample_timeline()


def test_edit_log_is_not_appended_through_a_trigger(tmp_path: Path) -> None:
    path = saved(tmp_path)
    with tampered(path) as conn:
        conn.execute("CREATE TRIGGER log AFTER INSERT ON edits BEGIN DELETE FROM events; END")
    with pytest.raises(ProjectError, match="save the project"):
        append_edit_log(path, [EditLogEntry("delete", "e1")])
    with tampered(path) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 14


@pytest.mark.parametrize("table", ["events", "documents", "meta", "mentions"])
def test_a_view_in_place_of_a_table_is_refused_at_once(tmp_path: Path, table: str) -> None:
    path = saved(tmp_path)
    with tampered(path) as conn:
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"CREATE VIEW {table} AS {NEVER_ENDING}")
    refused(path, f"view in place of the table '{table}'")


@pytest.mark.parametrize(
    ("change", "match"),
    [
        ("CREATE TABLE extra (x)", "unknown table 'extra'"),
        ("CREATE INDEX by_title ON events (title)", "index 'by_title'"),
        ("CREATE VIEW v AS SELECT 1", "view 'v'"),
        ("ALTER TABLE events ADD COLUMN more TEXT", "table 'events' in a shape"),
        ("DROP TABLE timexes", "no table 'timexes'"),
    ],
)
def test_any_schema_this_app_never_writes_is_refused(tmp_path: Path, change: str, match: str) -> None:
    path = saved(tmp_path)
    with tampered(path) as conn:
        conn.execute(change)
    refused(path, match)


def test_table_redeclared_with_other_types_is_refused(tmp_path: Path) -> None:
    path = saved(tmp_path)
    with tampered(path) as conn:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'events'").fetchone()[0]
        conn.execute("ALTER TABLE events RENAME TO old_events")
        conn.execute(sql.replace("title TEXT NOT NULL", "title INTEGER NOT NULL"))
        conn.execute("INSERT INTO events SELECT * FROM old_events")
        conn.execute("DROP TABLE old_events")
        conn.execute("UPDATE events SET title = 42")
    refused(path, "table 'events' in a shape")


@pytest.mark.parametrize(
    ("update", "match"),
    [
        ("UPDATE events SET title = x'414243' WHERE position = 0", "events.title is not text"),
        ("UPDATE events SET curated = 'yes' WHERE position = 0", "events.curated is not integer"),
        ("UPDATE documents SET text = x'00' WHERE position = 0", "documents.text is not text"),
        ("UPDATE mentions SET start = 1.5", "mentions.start is not integer"),
        ("UPDATE meta SET value = x'7b7d' WHERE key = 'view_state'", "meta.value is not text"),
        ("UPDATE events SET salience = 7", "salience > 1"),
        ("UPDATE events SET start_earliest = '2030-01-01' WHERE start_latest IS NOT NULL", "start_earliest >"),
        ("UPDATE events SET start_time = 'noonish', start_precision = 'time' WHERE position = 0", "time of day"),
    ],
)
def test_every_value_is_checked_for_its_type(tmp_path: Path, update: str, match: str) -> None:
    path = saved(tmp_path)
    with tampered(path) as conn:
        conn.execute(update)
    message = refused(path, "invalid data")
    assert match in message


def deep(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    ("update", "value"),
    [
        ("UPDATE meta SET value = ? WHERE key = 'view_state'", '{"a": ' + deep(100_000) + "}"),
        ("UPDATE events SET actors = ? WHERE position = 0", deep(100_000)),
        ("UPDATE events SET places = ? WHERE position = 0", '["a", ["b"]]'),
    ],
)
def test_deeply_nested_json_is_invalid_data_not_a_crash(tmp_path: Path, update: str, value: str) -> None:
    path = saved(tmp_path)
    with tampered(path) as conn:
        conn.execute(update, (value,))
    refused(path, "invalid data")


def test_deeply_nested_edit_detail_is_refused(tmp_path: Path) -> None:
    path = saved(tmp_path)
    append_edit_log(path, [EditLogEntry("edit-title", "e1")])
    with tampered(path) as conn:
        conn.execute("UPDATE edits SET detail = ?", ('{"a": ' + deep(50_000) + "}",))
    with pytest.raises(ProjectError, match="nested too deeply"):
        read_edit_log(path)


def test_oversized_text_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = saved(tmp_path)
    monkeypatch.setattr(project_rows, "MAX_TEXT_CHARS", 1000)
    with tampered(path) as conn:
        conn.execute("UPDATE documents SET text = ? WHERE position = 0", ("x" * 1001,))
    refused(path, "too large")


def test_a_wal_file_vanishing_while_checked_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process's last close removes the WAL at any moment, even between two looks at it."""
    path = saved(tmp_path)
    real_exists = Path.exists

    def exists_then_vanishes(self: Path, *, follow_symlinks: bool = True) -> bool:
        return True if self.name.endswith("-wal") else real_exists(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(Path, "exists", exists_then_vanishes)
    save_project(path, sample_timeline())
    assert load_project(path)[0] == sample_timeline()


def test_full_disk_reports_the_cause(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = saved(tmp_path)
    real_connect = project._connect

    def small_disk(where: Path, mode: str) -> sqlite3.Connection:
        conn = real_connect(where, mode)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 1}")
        return conn

    monkeypatch.setattr(project, "_connect", small_disk)
    timeline = sample_timeline()
    timeline.documents[0].text = "a long text " * 100_000
    with pytest.raises(ProjectError, match="disk is full") as info:
        save_project(path, timeline)
    assert "rollback" not in str(info.value)
    monkeypatch.undo()
    assert load_project(path)[0] == sample_timeline()


def test_a_schema_damaged_into_invalid_utf8_is_damage_not_a_crash(tmp_path: Path) -> None:
    """SQLite quotes the damaged schema in its error message, which then cannot be decoded."""
    path = saved(tmp_path)
    with tampered(path) as conn:
        conn.execute("CREATE TABLE extra (x)")
        conn.execute("PRAGMA writable_schema = ON")
        broken = b"CREATE TABLE extra (x) \xc2\xc2".hex()
        conn.execute(f"UPDATE sqlite_master SET sql = CAST(x'{broken}' AS TEXT) WHERE name = 'extra'")
    refused(path, "damaged or unreadable")
    with pytest.raises(ProjectError):
        read_edit_log(path)
    save_project(path, sample_timeline())  # the save replaces what it cannot read
    assert load_project(path)[0] == sample_timeline()
