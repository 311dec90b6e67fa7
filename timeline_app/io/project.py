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
import tempfile
import threading
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from timeline_app import __version__
from timeline_app.core.model import Timeline
from timeline_app.io.project_guard import MAX_VIEW_STATE_CHARS, harden, schema_problem, value_problem
from timeline_app.io.project_rows import read_timeline, valid_unicode_timeline, write_timeline
from timeline_app.io.project_schema import APPLICATION_ID, CURRENT_SCHEMA, SCHEMA_VERSION, migrate, statements
from timeline_app.io.safety import loads_bounded, one_line

PROJECT_EXTENSION = ".tlproj"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
# A million events take a few hundred megabytes; anything far beyond is no project of ours.
MAX_PROJECT_BYTES = 4 * 1024**3


# A damaged file can make SQLite's own error message invalid UTF-8, which then fails to decode.
UNREADABLE = (sqlite3.DatabaseError, UnicodeDecodeError)


class ProjectError(Exception):
    """A project cannot be opened or saved; the message is one line, fit for a dialog."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


class ProjectChangedElsewhere(ProjectError):
    """Another program saved the project after this one last read or wrote it: saving would lose that work."""


@dataclass(frozen=True, slots=True)
class EditLogEntry:
    action: str  # e.g. "edit-title", "merge", "delete"
    event_id: str
    detail: dict[str, Any] = field(default_factory=dict)
    at: datetime = field(default_factory=lambda: datetime.now(UTC))


# ---------------------------------------------------------------- save / load


def save_project(
    path: Path | str,
    timeline: Timeline,
    view_state: dict[str, Any] | None = None,
    *,
    overwrite_other_changes: bool = False,
) -> None:
    """Write `timeline` and `view_state` to `path` atomically (all or nothing).

    An existing project is updated in one transaction (its edit log kept); anything else at
    `path` is replaced by a complete new file. Raises ProjectError, leaving the file as it
    was, when saving fails or when `path` holds a project of a newer format; and
    ProjectChangedElsewhere when another program saved the project since this process last
    read or wrote it, unless `overwrite_other_changes`.
    """
    path = Path(path)
    meta = _meta(view_state)
    if _holds_our_project(path):
        _rewrite_in_place(path, timeline, meta, check_revision=not overwrite_other_changes)
    else:
        _write_new_file(path, timeline, meta)
    _revisions.saw(path, meta["revision"])


def load_project(path: Path | str) -> tuple[Timeline, dict[str, Any]]:
    """Read a project; raises ProjectError with a one-line reason for anything unreadable.

    The file is opened read-only (on read-only media without locking) and trusted only once
    its schema and every stored value have been checked; nothing stored in it runs.
    """
    path = Path(path)
    _check_header(path)
    try:
        with _reading(path) as conn:
            version = _check_identity(conn, path)
            _check_schema(conn, path, version)
            damage = conn.execute("PRAGMA quick_check").fetchone()[0]
            if damage != "ok":
                raise ProjectError(f"{path.name}: the project file is damaged ({damage})")
            if version < SCHEMA_VERSION:
                # Upgrade a copy: opening must not change a file an older version may still need.
                with _upgraded_copy(conn) as upgraded:
                    timeline, meta = _read_checked(upgraded, path)
            else:
                timeline, meta = _read_checked(conn, path)
        view_state = loads_bounded(meta.get("view_state", "{}"), "the stored view state", MAX_VIEW_STATE_CHARS)
    except UNREADABLE as exc:
        raise ProjectError(f"{path.name}: the project file is damaged or unreadable ({exc})") from exc
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise ProjectError(f"{path.name}: the project file holds invalid data ({_reason(exc)})") from exc
    if not isinstance(view_state, dict):
        raise ProjectError(f"{path.name}: the project file holds invalid data (the stored view state is not a mapping)")
    _revisions.saw(path, meta.get("revision", ""))
    return timeline, view_state


def is_read_only(path: Path | str) -> bool:
    """True when the project cannot be saved where it is (read-only file, folder or medium)."""
    path = Path(path)
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK))


def append_edit_log(path: Path | str, entries: Iterable[EditLogEntry]) -> None:
    """Append to the project's edit log (kept across saves) in one transaction."""
    path = Path(path)
    if not _holds_our_project(path):
        raise ProjectError(f"{path.name}: save the project before logging edits")
    rows = [(e.at.isoformat(), e.action, e.event_id, json.dumps(e.detail, ensure_ascii=False)) for e in entries]
    try:
        with _open(path) as conn, _transaction(conn):
            _check_schema(conn, path, _check_identity(conn, path))
            _upgrade_in_transaction(conn, path)
            conn.executemany("INSERT INTO edits (at, action, event_id, detail) VALUES (?,?,?,?)", rows)
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        raise ProjectError(f"{path.name}: cannot log the edits ({_reason(exc)})") from exc


def read_edit_log(path: Path | str) -> list[EditLogEntry]:
    path = Path(path)
    _check_header(path)
    try:
        with _reading(path) as conn:
            version = _check_identity(conn, path)
            _check_schema(conn, path, version)
            if version < 2:
                return []
            problem = value_problem(conn)
            if problem:
                raise ProjectError(f"{path.name}: cannot read the edit log (the file holds invalid data: {problem})")
            rows = conn.execute("SELECT at, action, event_id, detail FROM edits ORDER BY seq").fetchall()
        return [
            EditLogEntry(action, event_id, _log_detail(detail), datetime.fromisoformat(at))
            for at, action, event_id, detail in rows
        ]
    except UNREADABLE as exc:
        raise ProjectError(f"{path.name}: cannot read the edit log ({exc})") from exc
    except ValueError as exc:
        raise ProjectError(f"{path.name}: cannot read the edit log ({_reason(exc)})") from exc


def _log_detail(text: str) -> dict[str, Any]:
    detail = loads_bounded(text, "an edit's detail", MAX_VIEW_STATE_CHARS)
    if not isinstance(detail, dict):
        raise ValueError("an edit's detail is not a mapping")
    return detail


def _read_checked(conn: sqlite3.Connection, path: Path) -> tuple[Timeline, dict[str, str]]:
    problem = value_problem(conn)
    if problem:
        raise ProjectError(f"{path.name}: the project file holds invalid data ({problem})")
    return read_timeline(conn)


def _reason(exc: BaseException) -> str:
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith("SQLITE_FULL"):
        return "the disk is full"
    if name.startswith("SQLITE_READONLY"):
        return "the file or its folder is read-only"
    if isinstance(exc, RecursionError):
        return "values nested too deeply"
    return str(exc)


def _meta(view_state: dict[str, Any] | None, extra: dict[str, str] | None = None) -> dict[str, str]:
    try:
        view_json = json.dumps(view_state or {}, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError) as exc:
        raise ProjectError(f"the view state cannot be stored ({_reason(exc)})") from exc
    meta = {
        "app_version": __version__,
        "saved_at": datetime.now(UTC).isoformat(),
        "view_state": view_json,
        # Tells this process whether someone else saved the file since it last read or wrote it.
        "revision": uuid.uuid4().hex,
    }
    meta.update(extra or {})
    return meta


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, timeout=10, isolation_level=None)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path.name}: cannot open ({exc})") from exc
    harden(conn)
    return conn


@contextlib.contextmanager
def _open(path: Path) -> Iterator[sqlite3.Connection]:
    # mode=rw: opening must never create an empty database where a project was expected.
    conn = _connect(path, "mode=rw")
    try:
        yield conn
    finally:
        conn.close()


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection inside one read transaction: every query sees the same save.

    On read-only media SQLite cannot make the shared-memory file a WAL database needs even to
    read; there nobody can be writing either, so the file is read as immutable.
    """
    conn = _connect(path, "mode=ro")
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        if not is_read_only(path):
            raise
        conn = _connect(path, "mode=ro&immutable=1")
        conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.close()  # ends the read transaction
        _tidy_wal(path)


def _tidy_wal(path: Path) -> None:
    """Remove the WAL files a read-only connection leaves behind, as the last writable one to close would.

    SQLite deletes them only when the connection closing last may write; a busy project keeps them.
    """
    if not path.with_name(path.name + "-shm").exists() or is_read_only(path):
        return
    with contextlib.suppress(sqlite3.Error, UnicodeDecodeError, ProjectError):
        conn = _connect(path, "mode=rw")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        # After some errors (a full disk, an I/O error) SQLite has already rolled back: a second
        # ROLLBACK would fail and its message would hide the cause.
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise


@contextlib.contextmanager
def _upgraded_copy(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """The project migrated in a temporary file: in memory it would sit beside the timeline read from it."""
    with tempfile.TemporaryDirectory(prefix="timeline-upgrade-") as folder:
        copy = sqlite3.connect(Path(folder) / "upgrade.tlproj", isolation_level=None)
        harden(copy)
        try:
            conn.backup(copy)
            with _transaction(copy):
                migrate(copy, copy.execute("PRAGMA user_version").fetchone()[0])
            yield copy
        finally:
            copy.close()


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # another process may remove it at any moment (a WAL at its last close)
        return 0


def _check_header(path: Path) -> None:
    from timeline_app.core.ingest.errors import LoadError
    from timeline_app.core.ingest.raw import open_regular_file

    try:
        with open_regular_file(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            header = handle.read(_HEADER_SIZE)
    except LoadError as exc:
        if str(exc) == "file not found":
            raise ProjectError(f"{path.name}: no such project file") from exc
        raise ProjectError(f"{path.name}: cannot read ({exc})") from exc
    except OSError as exc:
        raise ProjectError(f"{path.name}: cannot read ({exc.strerror or exc})") from exc
    if len(header) < len(_SQLITE_MAGIC) or not header.startswith(_SQLITE_MAGIC):
        if size == 0:
            raise ProjectError(f"{path.name}: the file is empty")
        raise ProjectError(f"{path.name}: not a timeline project (not an SQLite database)")
    if len(header) < _HEADER_SIZE:
        raise ProjectError(f"{path.name}: the project file is truncated ({size} bytes)")
    if size > MAX_PROJECT_BYTES:
        raise ProjectError(f"{path.name}: {size / 1024**3:.1f} GB is over the {MAX_PROJECT_BYTES // 1024**3} GB limit")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_size_valid = header[24:28] == header[92:96]
    # With a live WAL the main file may legitimately lag behind: SQLite replays it on open.
    wal_pending = _file_size(path.with_name(path.name + "-wal")) > 0
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


class UntrustedSchema(ProjectError):
    """The file holds tables, views or triggers this app never writes."""


def _check_schema(conn: sqlite3.Connection, path: Path, version: int) -> None:
    problem = schema_problem(conn, version)
    if problem:
        raise UntrustedSchema(f"{path.name}: refused: the project file holds {problem}, which this app never writes")


def _holds_our_project(path: Path) -> bool:
    """True for a project of ours to update in place; False for nothing there or a file to replace.

    A file that only pretends to be ours (extra triggers or views, tables of another shape) is
    replaced, never written into. Raises ProjectError when the file is busy, unreadable, read-only,
    of a newer format or no regular file: replacing it then could lose work.
    """
    try:
        _check_header(path)
    except ProjectError as exc:
        if "no such project file" in str(exc) or "not a timeline project" in str(exc):
            return False
        if any(word in str(exc) for word in ("empty", "truncated")):
            return False
        raise ProjectError(f"{path.name}: cannot save over it ({str(exc).removeprefix(path.name + ': ')})") from exc
    if is_read_only(path):
        raise ProjectError(f"{path.name}: cannot save: the file or its folder is read-only; save it under another name")
    try:
        with _reading(path) as conn:
            _check_schema(conn, path, _check_identity(conn, path))
        return True
    except UntrustedSchema:
        return False
    except ProjectError as exc:
        if "newer version" in str(exc):
            raise
        return False
    except UNREADABLE as exc:
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            raise ProjectError(f"{path.name}: cannot save: another program holds the project ({exc})") from exc
        return False  # damaged beyond reading: the new save replaces it


def _upgrade_in_transaction(conn: sqlite3.Connection, path: Path) -> None:
    version = _check_identity(conn, path)
    if version < SCHEMA_VERSION:
        migrate(conn, version)


def _rewrite_in_place(path: Path, timeline: Timeline, meta: dict[str, str], check_revision: bool) -> None:
    try:
        with _open(path) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            with _transaction(conn):
                # Checked again under the write lock: nothing can be slipped in between check and write.
                _check_schema(conn, path, _check_identity(conn, path))
                if check_revision:
                    _revisions.check(conn, path)
                _upgrade_in_transaction(conn, path)
                _write_rows(conn, timeline, meta)
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        raise ProjectError(f"{path.name}: cannot save ({_reason(exc)})") from exc


def _write_rows(conn: sqlite3.Connection, timeline: Timeline, meta: dict[str, str]) -> None:
    try:
        write_timeline(conn, timeline, meta)
    except UnicodeEncodeError:
        # Text SQLite cannot hold (a lone surrogate, from a JSON escape): store it with replacements.
        write_timeline(conn, valid_unicode_timeline(timeline), meta)


def _write_new_file(path: Path, timeline: Timeline, meta: dict[str, str]) -> None:
    # Unique per thread too: an autosave worker may snapshot while another one still runs.
    temp = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    _remove_stale_temporaries(path)
    try:
        _remove_database(temp)
        conn = sqlite3.connect(temp, isolation_level=None)
        try:
            harden(conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            with _transaction(conn):
                for statement in statements(CURRENT_SCHEMA):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                _write_rows(conn, timeline, meta)
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
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else _reason(exc)
        raise ProjectError(f"{path.name}: cannot save ({reason})") from exc


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
            with contextlib.suppress(OSError):
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


class _Revisions:
    """The revision of each project this process last read or wrote.

    Every save stores a new random revision. Finding another one in the file at the next save
    means another program saved in between: overwriting it silently would lose that work.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: dict[str, str] = {}

    @staticmethod
    def _key(path: Path) -> str:
        return str(path.resolve())

    def saw(self, path: Path, revision: str) -> None:
        with self._lock:
            self._seen[self._key(path)] = revision

    def check(self, conn: sqlite3.Connection, path: Path) -> None:
        with self._lock:
            expected = self._seen.get(self._key(path))
        if expected is None:
            return  # never opened here: saving over it is a deliberate choice
        stored = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('revision', 'saved_at')"))
        if stored.get("revision", "") == expected:
            return
        when = ""
        with contextlib.suppress(ValueError, TypeError):
            when = f" at {datetime.fromisoformat(stored.get('saved_at', '')).astimezone():%H:%M:%S}"
        raise ProjectChangedElsewhere(
            f"{path.name}: not saved: another program saved this project{when} after it was opened here — "
            "save under another name to keep both, or reopen it"
        )


_revisions = _Revisions()


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
        with _reading(file) as conn:
            _check_schema(conn, file, _check_identity(conn, file))
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
            documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        saved_at = datetime.fromisoformat(meta["saved_at"])
        pid = int(meta.get("pid", "0"))
        project = Path(meta["recovery_of"]) if meta.get("recovery_of") else None
    except (ProjectError, sqlite3.Error, KeyError, ValueError, TypeError):
        return None  # an unreadable snapshot is left in place, never offered nor deleted
    newer = True
    with contextlib.suppress(OSError):
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
