"""Timeline columns in an Arrow IPC file (``.arrow``): opens a timeline of millions of events in seconds.

The file is one Arrow IPC *file* (random access format) holding one record batch whose columns
are those of :class:`~timeline_app.core.columns.EventColumns` (see docs/columnar.md):
``start end sort_end`` float64, ``kind`` int8, ``flags`` uint8, ``doc`` int32,
``salience confidence`` float32, ``status`` int8, ``source`` int32, ``id title`` large_string,
``record`` large_binary (each event's events-JSON record, in the order read) and, from version 2,
``conflicted`` uint8 (1 where the event's sources disagree, so that no record is read to know). The schema
metadata names the format and its version, the number of dated rows, and holds the documents
and entities as events-JSON lists.

API:

- ``write_columns(columns_or_timeline, path)``: write (atomically: a temporary file renamed).
- ``read_columns(path) -> EventColumns``: memory-maps the file; numeric columns are NumPy views
  of the mapping (no copy), strings and records Arrow arrays over it. Opening takes a few
  checks over the arrays, not a parse: some 40 ms a million events. A file that is not ours,
  of another version, truncated or inconsistent raises a one-line ``FormatError``. Records are
  read with ``pread`` when an event is built, so that the pages of the mapping that count as
  the viewer's memory are those of the arrays it draws from.
- ``convert_events_json(src, dst)``: an events JSON file to an Arrow file, for a child process
  (the caller then maps ``dst``); memory: the JSON file, one copy of its records and the columns.
- ``import_columns(path) -> Timeline`` (a lazy timeline) and ``export_columns(timeline, path)``
  are the importer and exporter registered in ``formats``.

pyarrow is imported by these functions, not by importing this module.
"""

from __future__ import annotations

import json
import os
import tempfile
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from timeline_app.core.model import Status, Timeline
from timeline_app.io.safety import FormatError, check_timeline_size
from timeline_app.io.xml_text import Written

if TYPE_CHECKING:
    import pyarrow as pa

    from timeline_app.core.columns import EventColumns

FORMAT = "timeline-app/columns"
# Version 2 adds ``conflicted``; version 1 files still open (their conflicts are found by a scan).
VERSION = 2
_READABLE_VERSIONS = ("1", "2")
EXTENSION = ".arrow"
DESCRIPTION = "Timeline columns (Arrow)"

_KEY_FORMAT = b"timeline_app.format"
_KEY_VERSION = b"timeline_app.version"
_KEY_DATED = b"timeline_app.dated"
_KEY_DOCUMENTS = b"timeline_app.documents"
_KEY_ENTITIES = b"timeline_app.entities"

_NUMERIC = (
    ("start", "float64"), ("end", "float64"), ("sort_end", "float64"), ("kind", "int8"), ("flags", "uint8"),
    ("doc", "int32"), ("salience", "float32"), ("confidence", "float32"), ("status", "int8"), ("source", "int32"),
)  # fmt: skip
_STRINGS = (("id", "large_string"), ("title", "large_string"), ("record", "large_binary"))
# Arrow packs booleans into bits, which NumPy cannot view: one byte a row, read as bool without a copy.
_FLAGS = (("conflicted", "uint8"),)


def _schema(metadata: dict[bytes, bytes], version: int = VERSION) -> pa.Schema:
    import pyarrow as pa

    columns = _NUMERIC + _STRINGS + (_FLAGS if version >= 2 else ())
    fields = [pa.field(name, getattr(pa, kind)(), nullable=False) for name, kind in columns]
    return pa.schema(fields, metadata=metadata)


def _umask() -> int:
    """The process's file-creation mask, read without changing it (Linux), else the usual 022."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def write_columns(data: EventColumns | Timeline, path: str | Path) -> None:
    """Write event columns (or a timeline, converted to columns first) as an Arrow file."""
    import pyarrow as pa

    from timeline_app.io import events_json
    from timeline_app.io.events_columns import columns_from_timeline

    columns = columns_from_timeline(data) if isinstance(data, Timeline) else data
    metadata = {
        _KEY_FORMAT: FORMAT.encode(),
        _KEY_VERSION: str(VERSION).encode(),
        _KEY_DATED: str(columns.dated).encode(),
        _KEY_DOCUMENTS: _json([events_json.document_dict(d) for d in columns.documents]),
        _KEY_ENTITIES: _json([events_json.entity_dict(x) for x in columns.entities]),
    }
    schema = _schema(metadata)
    arrays = [pa.array(getattr(columns, name), type=schema.field(name).type) for name, _ in _NUMERIC]
    arrays += [columns.ids, columns.titles, columns.record]
    conflicted = columns.conflicted
    if conflicted is None:  # columns read from a version 1 file: found now, as the file is written
        from timeline_app.core.columns import scan_conflicted

        conflicted = scan_conflicted(columns)
    arrays.append(pa.array(conflicted.view(np.uint8), type=pa.uint8()))
    batch = pa.RecordBatch.from_arrays(arrays, schema=schema)
    target = Path(path)
    # Written beside the target and renamed: a reader never maps a half-written file.
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        with pa.OSFile(tmp, "wb") as sink, pa.ipc.new_file(sink, schema) as writer:
            writer.write_batch(batch)
        # A temporary file is private; the file it becomes gets the usual permissions.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _json(value: Any) -> bytes:
    # A lone surrogate (read from a JSON escape) is kept as that escape, as events JSON does.
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "backslashreplace")


def read_columns(path: str | Path) -> EventColumns:
    """Memory-map an Arrow columns file; FormatError with a one-line reason if it is not a valid one."""
    import pyarrow as pa

    p = Path(path)
    check_timeline_size(p, "arrow")
    if p.stat().st_size == 0:
        raise FormatError(f"{p.name}: not a timeline columns file (the file is empty)")
    try:
        source = pa.memory_map(str(p), "r")
        base = source.read_buffer(1).address  # where the mapping begins (an empty buffer has no address)
        source.seek(0)
        reader = pa.ipc.open_file(source)
        schema = reader.schema
        count = reader.num_record_batches
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise FormatError(f"{p.name}: not a timeline columns file, or a damaged one ({exc})") from None
    meta = schema.metadata or {}
    if meta.get(_KEY_FORMAT) != FORMAT.encode():
        raise FormatError(f"{p.name}: an Arrow file, but not timeline columns (no '{FORMAT}' format mark)")
    version = meta.get(_KEY_VERSION, b"?").decode("ascii", "replace")
    if version not in _READABLE_VERSIONS:
        raise FormatError(
            f"{p.name}: timeline columns version {version!r}; this version reads versions up to {VERSION}"
        )
    expected = _schema({}, int(version))
    if not schema.remove_metadata().equals(expected):
        raise FormatError(f"{p.name}: timeline columns with unexpected columns or types")
    if count != 1:
        raise FormatError(f"{p.name}: timeline columns must be one record batch, not {count}")
    try:
        batch = reader.get_batch(0)
        # Offsets are read through the mapping unchecked: a bad one would read outside it. Ids
        # and titles are checked whole (UTF-8 too: drawing reads them; 0.2 s for 5M events);
        # records only by their offsets, their bytes being read as events JSON when needed.
        batch.validate(full=False)
        _check_offsets(batch.column("record"))
        batch.column("id").validate(full=True)
        batch.column("title").validate(full=True)
        numeric = {name: batch.column(name).to_numpy(zero_copy_only=True) for name, _ in _NUMERIC}
        if version != "1":
            numeric["conflicted"] = batch.column("conflicted").to_numpy(zero_copy_only=True).view(np.bool_)
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise FormatError(f"{p.name}: damaged timeline columns ({exc})") from None
    documents, entities = _read_lists(p.name, meta)
    columns = _columns(p.name, numeric, batch, documents, entities, meta)
    _check_values(p.name, columns)
    columns.read_record = _RecordFile.open(p, columns.record, base)
    return columns


class _RecordFile:
    """Reads records from the file with ``pread``: the records are most of the file, and pages of
    the mapping once touched would count as the viewer's memory until it closes the timeline."""

    def __init__(self, fd: int, position: int, offsets: np.ndarray[Any, np.dtype[np.int64]]) -> None:
        self._fd = fd
        self._position = position
        self._offsets = offsets
        weakref.finalize(self, os.close, fd)

    @classmethod
    def open(cls, path: Path, record: pa.Array, base: int) -> _RecordFile | None:
        buffers = record.buffers()
        if not hasattr(os, "pread") or buffers[1] is None:
            return None
        offsets = np.frombuffer(buffers[1], dtype=np.int64, count=len(record) + 1, offset=record.offset * 8)
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return None
        return cls(fd, buffers[2].address - base if buffers[2] is not None else 0, offsets)

    def __call__(self, k: int) -> bytes:
        start, end = int(self._offsets[k]), int(self._offsets[k + 1])
        return os.pread(self._fd, end - start, self._position + start)


def _check_offsets(array: pa.Array) -> None:
    """Offsets that start at 0, never decrease and stay inside the data (or reading would leave the map)."""
    buffers = array.buffers()
    offsets = np.frombuffer(buffers[1], dtype=np.int64, count=len(array) + 1, offset=array.offset * 8)
    size = buffers[2].size if buffers[2] is not None else 0
    if len(offsets) and (offsets[0] < 0 or offsets[-1] > size or np.any(np.diff(offsets) < 0)):
        raise ValueError(f"bad offsets in column of {len(array)} rows")


def _read_lists(name: str, meta: dict[bytes, bytes]) -> tuple[list[Any], list[Any]]:
    from timeline_app.io import events_json

    try:
        documents = events_json.read_documents(_list(meta.get(_KEY_DOCUMENTS, b"[]")))
        entities = events_json.read_entities(_list(meta.get(_KEY_ENTITIES, b"[]")))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise FormatError(f"{name}: damaged timeline columns (documents: {exc})") from None
    return documents, entities


def _list(raw: bytes) -> list[Any]:
    value = json.loads(raw)
    if not isinstance(value, list):
        raise ValueError("expected a list")
    return value


def _columns(
    name: str,
    numeric: dict[str, Any],
    batch: pa.RecordBatch,
    documents: list[Any],
    entities: list[Any],
    meta: dict[bytes, bytes],
) -> EventColumns:
    from timeline_app.core.columns import EventColumns
    from timeline_app.io.events_json import decode_record

    try:
        dated = int(meta.get(_KEY_DATED, b"-1"))
        return EventColumns(
            **numeric,
            ids=batch.column("id"),
            titles=batch.column("title"),
            record=batch.column("record"),
            documents=documents,
            dated=dated,
            entities=entities,
            decode=decode_record,
        )
    except ValueError as exc:
        raise FormatError(f"{name}: damaged timeline columns ({exc})") from None


def _check_values(name: str, c: EventColumns) -> None:
    """What drawing relies on: dated rows sorted with real times, known kinds, documents that exist."""
    n = c.dated
    start, end = c.start[:n], c.end[:n]
    if not (np.isfinite(start).all() and np.isfinite(end).all() and np.isfinite(c.sort_end[:n]).all()):
        raise FormatError(f"{name}: damaged timeline columns (a dated row without a time)")
    if n > 1 and bool((start[1:] < start[:-1]).any()):
        raise FormatError(f"{name}: damaged timeline columns (rows are not in chronological order)")
    if len(c) and (int(c.kind.min()) < 0 or int(c.kind.max()) > 2):
        raise FormatError(f"{name}: damaged timeline columns (unknown date kind)")
    if len(c) and (int(c.status.min()) < 0 or int(c.status.max()) >= len(Status)):
        raise FormatError(f"{name}: damaged timeline columns (unknown status)")
    if len(c) and (int(c.doc.min()) < -1 or int(c.doc.max()) >= len(c.documents)):
        raise FormatError(f"{name}: damaged timeline columns (a row names a document the file lacks)")
    if c.conflicted is not None and len(c) and int(c.conflicted.view(np.uint8).max()) > 1:
        raise FormatError(f"{name}: damaged timeline columns (a conflict mark other than 0 or 1)")
    if len(c) and (int(c.source.min()) < 0 or int(c.source.max()) >= len(c) or bool(_repeats(c.source))):
        raise FormatError(f"{name}: damaged timeline columns (the order read is no permutation)")


def _repeats(source: Any) -> bool:
    return bool(np.bincount(source, minlength=len(source)).max() > 1)


def convert_events_json(src: str | Path, dst: str | Path) -> None:
    """Convert an events JSON file to an Arrow columns file (FormatError if ``src`` is unreadable).

    Meant to run in a child process, which then exits and so returns all it used; the parent
    maps ``dst`` with :func:`read_columns`.
    """
    from timeline_app.io.events_columns import load_columns

    columns = load_columns(src)
    write_columns(columns, dst)


def import_columns(path: Path) -> Timeline:
    """The Arrow importer: a Timeline whose events are materialised as they are read."""
    return read_columns(path).timeline()


def export_columns(timeline: Timeline, path: Path, title: str = "") -> Written:
    del title  # the columns format has no title
    write_columns(timeline, path)
    return Written()
