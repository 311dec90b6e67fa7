"""Opening timelines of a million events and more: straight into columns, never into objects.

A lone Arrow columns file is memory-mapped as it is. A lone events JSON file above
:data:`COLUMNS_FROM_BYTES` is converted once to an Arrow file in the user's cache (where the
loading child does the parsing, so its memory goes back to the system when it exits), and the
window maps that. Either way the window gets an :class:`EventColumns`: arrays for the canvas
and list, and full events built only for the rows being shown or edited.

A conversion is reused while the JSON file keeps its place, size and modification time.
"""

from __future__ import annotations

import contextlib
import os
import threading
import weakref
from collections.abc import Sized
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from timeline_app.app.extraction_cache import cache_dir as _extraction_cache_dir
from timeline_app.app.extraction_cache import keep_newest

if TYPE_CHECKING:
    from timeline_app.core.columns import EventColumns

# Below this an events JSON is read into objects as usual: it takes well under a second.
COLUMNS_FROM_BYTES = 32 * 1024 * 1024
_KEEP_CONVERSIONS = 3


@dataclass(frozen=True)
class ColumnsFile:
    """A load's result when it is a columns file: only its path crosses between processes."""

    path: str
    source: str  # the file the user opened


def may_open_as_columns(paths: list[str]) -> bool:
    """Whether ``paths`` is one columns file, or one JSON file big enough to be opened as columns
    (told from its name and size alone; :func:`columnar_source` decides)."""
    if len(paths) != 1:
        return False
    path = Path(paths[0])
    suffix = path.suffix.lower()
    try:
        return path.is_file() and (
            suffix == ".arrow" or (suffix == ".json" and path.stat().st_size >= COLUMNS_FROM_BYTES)
        )
    except OSError:
        return False


def columnar_source(paths: list[str]) -> Path | None:
    """The one file of ``paths`` that should open as columns, or None for the ordinary way."""
    if not may_open_as_columns(paths):
        return None
    path = Path(paths[0])
    if path.suffix.lower() == ".arrow":
        return path
    try:
        from timeline_app.io.formats import detect_import_format

        return path if detect_import_format(path) == "json" else None  # not TimelineJS
    except Exception:  # the ordinary loader names whatever is wrong with the file
        return None


def conversion_dir() -> Path:
    return _extraction_cache_dir().parent / "columns"


def _conversion_of(path: Path) -> Path:
    """Where the conversion of ``path`` (as it is now) is kept."""
    import hashlib

    from timeline_app.io.columnar import VERSION

    stat = path.stat()
    key = hashlib.sha256(f"{path.resolve()}\n{stat.st_size}\n{stat.st_mtime_ns}\n{VERSION}".encode()).hexdigest()
    return conversion_dir() / f"{key[:32]}.arrow"


def needs_conversion(path: Path) -> bool:
    """Whether opening ``path`` as columns will convert it first (slow: seconds a million events)."""
    return path.suffix.lower() != ".arrow" and not _conversion_of(path).is_file()


def prepare(path: Path) -> ColumnsFile:
    """The Arrow file to map for ``path``: itself, or its conversion (made now if needed)."""
    if path.suffix.lower() == ".arrow":
        return ColumnsFile(str(path), str(path))
    import tempfile

    from timeline_app.io.columnar import convert_events_json

    target = _conversion_of(path)
    folder = target.parent
    if target.is_file():
        with contextlib.suppress(OSError):
            os.utime(target)
        return ColumnsFile(str(target), str(path))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # no cache folder to be had: the conversion lives in the temporary folder
        folder = Path(tempfile.gettempdir())
        target = folder / target.name
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".partial-", suffix=".arrow")
    os.close(handle)
    try:
        convert_events_json(path, temp)
        os.replace(temp, target)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    keep_newest(folder, "*.arrow", _KEEP_CONVERSIONS)
    return ColumnsFile(str(target), str(path))


def open_columns(ref: ColumnsFile) -> EventColumns:
    """Map a prepared columns file (FormatError if it is not a valid one).

    A conversion this version cannot read (made by another version, or damaged) is made again.
    """
    from timeline_app.io.columnar import read_columns
    from timeline_app.io.safety import FormatError

    try:
        return read_columns(ref.path)
    except FormatError:
        if ref.path == ref.source:
            raise
    with contextlib.suppress(OSError):
        os.unlink(ref.path)
    return read_columns(prepare(Path(ref.source)).path)


# Editing a columns timeline builds every event as an object before long (a snapshot for recovery,
# a save, adding or deleting events): about 45 µs and a few KB each. Beyond this many events that
# would freeze the window for seconds and take gigabytes, so such a timeline is for viewing only.
EDIT_LIMIT = 100_000


def edit_refusal(events: Sized) -> str | None:
    """Why ``events`` cannot be edited; None when they can."""
    if columns_of(events) is None or len(events) <= EDIT_LIMIT:
        return None
    return (
        f"This timeline of {len(events):,} events is opened for viewing only: editing it, saving the "
        "edits or adding articles would first build every one of its events as an object, which takes "
        "minutes and gigabytes. Open a smaller file to edit."
    )


def columns_of(events: object) -> EventColumns | None:
    """The columns behind a lazy event sequence (None for a plain list, or once it became one)."""
    # Asked of every timeline the window shows: no import of the columns module (and pyarrow) for it.
    if getattr(events, "is_list", True):
        return None
    return getattr(events, "columns", None)


def conflicted_source_rows(columns: EventColumns) -> list[int]:
    """Rows (in the order read) of events whose sources disagree: found in the records, not in objects.

    A scan of every record (most of a second at a million): done once per columns, on the thread
    :func:`find_conflicts_later` started it on when there was one.
    """
    with _conflicts_lock:
        found = _conflicts.get(columns)
        mine = found is None
        if found is None:
            found = _conflicts[columns] = Future()
    if mine:
        try:
            found.set_result(_scan_conflicts(columns))
        except Exception as exc:
            found.set_exception(exc)
    return list(found.result())


def conflicts_if_found(columns: EventColumns) -> list[int] | None:
    """The rows :func:`conflicted_source_rows` gives, once its scan has ended; None while it runs.

    A scan not yet begun is begun, on a worker thread: asking never waits.
    """
    with _conflicts_lock:
        found = _conflicts.get(columns)
    if found is None:
        find_conflicts_later(columns)
        return None
    return conflicted_source_rows(columns) if found.done() else None


def find_conflicts_later(columns: EventColumns) -> None:
    """Start the scan for conflicts now, on a worker thread (Arrow's regex runs without the GIL).

    Columns that recorded their conflicts need no scan: they are read off at once.
    """
    if columns.conflicted is not None:
        conflicted_source_rows(columns)
        return
    threading.Thread(target=conflicted_source_rows, args=(columns,), name="find-conflicts", daemon=True).start()


def _scan_conflicts(columns: EventColumns) -> list[int]:
    recorded = columns.conflicted_rows_read()
    if recorded is not None:
        return recorded
    import numpy as np

    from timeline_app.core.columns import scan_conflicted

    # Records are kept in the order read, so a record's place is the row the list knows it by.
    return np.sort(columns.source[np.flatnonzero(scan_conflicted(columns))]).tolist()


_conflicts: weakref.WeakKeyDictionary[EventColumns, Future[list[int]]] = weakref.WeakKeyDictionary()
_conflicts_lock = threading.Lock()
