"""The project file: one SQLite database holding documents, events, edits and view state.

Saves are crash-safe. An existing project is rewritten inside one transaction in WAL
mode, so a crash at any moment leaves the last committed save readable; a new file is
built beside the target and renamed over it only when complete. Autosave snapshots for
crash recovery live under the user's data directory, one per project.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from timeline_app import __version__
from timeline_app.core.model import Timeline
from timeline_app.io.project_rows import read_timeline, write_timeline
from timeline_app.io.project_schema import APPLICATION_ID, CURRENT_SCHEMA, SCHEMA_VERSION, migrate, statements
from timeline_app.io.safety import one_line

PROJECT_EXTENSION = ".tlproj"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


class ProjectError(Exception):
    """A project cannot be opened or saved; the message is one line, fit for a dialog."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


@dataclass(frozen=True, slots=True)
class EditLogEntry:
    action: str  # e.g. "edit-title", "merge", "delete"
    event_id: str
    detail: dict[str, Any] = field(default_factory=dict)
    at: datetime = field(default_factory=lambda: datetime.now(UTC))


# ---------------------------------------------------------------- save / load


def save_project(path: Path | str, timeline: Timeline, view_state: dict[str, Any] | None = None) -> None:
    """Write `timeline` and `view_state` to `path` atomically (all or nothing).

    An existing project is updated in one transaction (its edit log kept); anything else at
    `path` is replaced by a complete new file. Raises ProjectError, leaving the file as it
    was, when saving fails or when `path` holds a project of a newer format.
    """
    path = Path(path)
    meta = _meta(view_state)
    if _is_our_project(path):
        _rewrite_in_place(path, timeline, meta)
    else:
        _write_new_file(path, timeline, meta)


def load_project(path: Path | str) -> tuple[Timeline, dict[str, Any]]:
    """Read a project; raises ProjectError with a one-line reason for anything unreadable."""
    path = Path(path)
    _check_header(path)
    try:
        with _open(path) as conn:
            version = _check_identity(conn, path)
            damage = conn.execute("PRAGMA quick_check").fetchone()[0]
            if damage != "ok":
                raise ProjectError(f"{path.name}: the project file is damaged ({damage})")
            if version < SCHEMA_VERSION:
                # Upgrade a copy: opening must not change a file an older version may still need.
                with _memory_copy(conn) as upgraded:
                    timeline, meta = read_timeline(upgraded)
            else:
                timeline, meta = read_timeline(conn)
        view_state = json.loads(meta.get("view_state", "{}"))
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path.name}: the project file is damaged or unreadable ({exc})") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise ProjectError(f"{path.name}: the project file holds invalid data ({exc})") from exc
    if not isinstance(view_state, dict):
        raise ProjectError(f"{path.name}: the stored view state is not a mapping")
    return timeline, view_state


def append_edit_log(path: Path | str, entries: Iterable[EditLogEntry]) -> None:
    """Append to the project's edit log (kept across saves) in one transaction."""
    path = Path(path)
    if not _is_our_project(path):
        raise ProjectError(f"{path.name}: save the project before logging edits")
    rows = [(e.at.isoformat(), e.action, e.event_id, json.dumps(e.detail, ensure_ascii=False)) for e in entries]
    try:
        with _open(path) as conn, _transaction(conn):
            _upgrade_in_transaction(conn, path)
            conn.executemany("INSERT INTO edits (at, action, event_id, detail) VALUES (?,?,?,?)", rows)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path.name}: cannot log the edits ({exc})") from exc


def read_edit_log(path: Path | str) -> list[EditLogEntry]:
    path = Path(path)
    _check_header(path)
    try:
        with _open(path) as conn:
            if _check_identity(conn, path) < 2:
                return []
            rows = conn.execute("SELECT at, action, event_id, detail FROM edits ORDER BY seq").fetchall()
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path.name}: cannot read the edit log ({exc})") from exc
    return [
        EditLogEntry(action, event_id, json.loads(detail), datetime.fromisoformat(at))
        for at, action, event_id, detail in rows
    ]


def _meta(view_state: dict[str, Any] | None, extra: dict[str, str] | None = None) -> dict[str, str]:
    try:
        view_json = json.dumps(view_state or {}, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ProjectError(f"the view state cannot be stored ({exc})") from exc
    meta = {"app_version": __version__, "saved_at": datetime.now(UTC).isoformat(), "view_state": view_json}
    meta.update(extra or {})
    return meta


@contextlib.contextmanager
def _open(path: Path) -> Iterator[sqlite3.Connection]:
    # mode=rw: opening must never create an empty database where a project was expected.
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=10, isolation_level=None)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path.name}: cannot open ({exc})") from exc
    try:
        yield conn
    finally:
        conn.close()


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextlib.contextmanager
def _memory_copy(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.backup(memory)
        with _transaction(memory):
            migrate(memory, memory.execute("PRAGMA user_version").fetchone()[0])
        yield memory
    finally:
        memory.close()


def _check_header(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except FileNotFoundError as exc:
        raise ProjectError(f"{path.name}: no such project file") from exc
    except OSError as exc:
        raise ProjectError(f"{path.name}: cannot read ({exc.strerror or exc})") from exc
    if len(header) < len(_SQLITE_MAGIC) or not header.startswith(_SQLITE_MAGIC):
        if size == 0:
            raise ProjectError(f"{path.name}: the file is empty")
        raise ProjectError(f"{path.name}: not a timeline project (not an SQLite database)")
    if len(header) < _HEADER_SIZE:
        raise ProjectError(f"{path.name}: the project file is truncated ({size} bytes)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_size_valid = header[24:28] == header[92:96]
    wal = path.with_name(path.name + "-wal")
    # With a live WAL the main file may legitimately lag behind: SQLite replays it on open.
    wal_pending = wal.exists() and wal.stat().st_size > 0
    if header_size_valid and not wal_pending and size < page_size * pages:
        raise ProjectError(f"{path.name}: the project file is truncated ({size} of {page_size * pages} bytes)")


def _check_identity(conn: sqlite3.Connection, path: Path) -> int:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if app_id != APPLICATION_ID:
        raise ProjectError(f"{path.name}: not a timeline project (an SQLite database of another application)")
    if version > SCHEMA_VERSION:
        raise ProjectError(
            f"{path.name}: written by a newer version of the app (project format {version}; "
            f"this version reads up to {SCHEMA_VERSION}) — update the app to open it"
        )
    if version < 1:
        raise ProjectError(f"{path.name}: the project file has no schema version")
    return version


def _is_our_project(path: Path) -> bool:
    """True for a readable project of ours; a newer project is refused rather than overwritten."""
    try:
        _check_header(path)
        with _open(path) as conn:
            _check_identity(conn, path)
        return True
    except ProjectError as exc:
        if "newer version" in str(exc):
            raise
        return False
    except sqlite3.DatabaseError:
        return False


def _upgrade_in_transaction(conn: sqlite3.Connection, path: Path) -> None:
    version = _check_identity(conn, path)
    if version < SCHEMA_VERSION:
        migrate(conn, version)


def _rewrite_in_place(path: Path, timeline: Timeline, meta: dict[str, str]) -> None:
    try:
        with _open(path) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            with _transaction(conn):
                _upgrade_in_transaction(conn, path)
                write_timeline(conn, timeline, meta)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path.name}: cannot save ({exc})") from exc


def _write_new_file(path: Path, timeline: Timeline, meta: dict[str, str]) -> None:
    # Unique per thread too: an autosave worker may snapshot while another one still runs.
    temp = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    _remove_stale_temporaries(path)
    try:
        _remove_database(temp)
        conn = sqlite3.connect(temp, isolation_level=None)
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            with _transaction(conn):
                for statement in statements(CURRENT_SCHEMA):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                write_timeline(conn, timeline, meta)
        finally:
            conn.close()  # the last close checkpoints the WAL into the file and removes it
        _fsync(temp)
        # A stale WAL beside the target would be replayed onto the new file: drop it first.
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        os.replace(temp, path)
        _fsync(path.parent)
    except (OSError, sqlite3.Error) as exc:
        _remove_database(temp)
        raise ProjectError(f"{path.name}: cannot save ({exc})") from exc


def _remove_stale_temporaries(path: Path) -> None:
    """Half-built files left beside `path` by processes killed while saving."""
    prefix = f".{path.name}."
    try:
        candidates = list(path.parent.glob(f"{glob.escape(prefix)}*.tmp"))
    except OSError:
        return
    for candidate in candidates:
        pid = candidate.name[len(prefix) : -len(".tmp")].split("-")[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _process_alive(int(pid)):
            _remove_database(candidate)


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ---------------------------------------------------------------- autosave and crash recovery


@dataclass(frozen=True, slots=True)
class RecoveryInfo:
    recovery_file: Path
    project_path: Path | None  # None: the project had never been saved
    saved_at: datetime
    pid: int
    event_count: int
    document_count: int
    newer_than_project: bool  # the snapshot holds work the saved project does not


def data_dir() -> Path:
    if override := os.environ.get("TIMELINE_APP_DATA_DIR"):
        return Path(override)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "timeline-app"


def recovery_dir() -> Path:
    return data_dir() / "recovery"


def recovery_path(path: Path | str | None) -> Path:
    """Where the autosave of `path` lives (of this process's unsaved project when None)."""
    if path is None:
        return recovery_dir() / f"untitled-{os.getpid()}{PROJECT_EXTENSION}"
    resolved = Path(path).expanduser().resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in resolved.stem)[:40]
    return recovery_dir() / f"{stem}-{digest}{PROJECT_EXTENSION}"


def write_recovery(path: Path | str | None, timeline: Timeline, view_state: dict[str, Any] | None = None) -> Path:
    """Snapshot unsaved work; the snapshot file is replaced atomically, never half-written."""
    target = recovery_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    original = str(Path(path).expanduser().resolve()) if path is not None else ""
    meta = _meta(view_state, {"recovery_of": original, "pid": str(os.getpid())})
    _write_new_file(target, timeline, meta)
    return target


def pending_recoveries(include_live: bool = False) -> list[RecoveryInfo]:
    """Snapshots left by processes that ended without discarding them (crash, kill -9), newest first."""
    found = []
    directory = recovery_dir()
    if not directory.is_dir():
        return []
    for file in directory.glob(f"*{PROJECT_EXTENSION}"):
        info = _recovery_info(file)
        if info is not None and (include_live or not _process_alive(info.pid)):
            found.append(info)
    return sorted(found, key=lambda i: i.saved_at, reverse=True)


def discard_recovery(target: Path | str | RecoveryInfo | None) -> None:
    """Remove the snapshot of a project path (None: this process's unsaved project) or of a RecoveryInfo."""
    file = target.recovery_file if isinstance(target, RecoveryInfo) else recovery_path(target)
    _remove_database(file)


def _recovery_info(file: Path) -> RecoveryInfo | None:
    try:
        _check_header(file)
        with _open(file) as conn:
            _check_identity(conn, file)
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
            documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        saved_at = datetime.fromisoformat(meta["saved_at"])
        pid = int(meta.get("pid", "0"))
    except (ProjectError, sqlite3.Error, KeyError, ValueError):
        return None  # an unreadable snapshot is left in place, never offered nor deleted
    project = Path(meta["recovery_of"]) if meta.get("recovery_of") else None
    newer = True
    if project is not None and project.exists():
        newer = saved_at.timestamp() > project.stat().st_mtime
    return RecoveryInfo(file, project, saved_at, pid, events, documents, newer)


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
