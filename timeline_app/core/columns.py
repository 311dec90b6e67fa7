"""EventColumns: a timeline's events as columns, for timelines of a million events and more.

A timeline read the ordinary way holds one :class:`~timeline_app.core.model.Event` per event,
with its date objects, mentions and lists: about 2.5 KB each, and minutes of work at a million.
Columns hold what drawing, listing and searching need, in arrays:

========== ============================ ===============================================
column      type                         meaning
========== ============================ ===============================================
start       float64                      start in days (``EventStore`` times)
end         float64                      exclusive end in days
sort_end    float64                      the end the reading order uses for ties
kind        int8                         ``store.KIND_*``
flags       uint8                        ``store.FLAG_*``
doc         int32                        index in ``documents`` of the first mention, -1
salience    float32                      0–1
confidence  float32                      0–1
status      int8                         index in ``STATUSES`` (occurred, ongoing, ...)
source      int32                        the row's place in the order read (file order)
ids         Arrow ``large_string``       event ids
titles      Arrow ``large_string``       event titles
record      Arrow ``large_binary``       events-JSON records, in the order read
========== ============================ ===============================================

``record`` is the one column in the order read: row ``i``'s record is ``record[source[i]]``.
Read from a file, it holds the file's own bytes of each record (followed by the whitespace
and comma that separate it from the next), so that the events are never copied.

Rows are in the store's reading order (:func:`timeline_app.core.store.chronological_order`):
the first ``dated`` rows are the dated events, sorted; the undated ones follow in the order
they were read (their time columns hold NaN). So :meth:`EventColumns.to_store` builds an
:class:`~timeline_app.core.store.EventStore` with no sort and no Event object, and store
position ``i`` is column row ``i``. ``source`` keeps the order the events were read in (the
file's, the timeline's): the lazy timeline lists events in that order, as
``events_json.load`` does, and the store's ``source_index`` indexes it, as with
``EventStore.from_timeline``. Methods taking a row (``event``, ``id``, ``title``,
``position``, ``search``) speak of column rows, i.e. store positions.

A full Event exists only when asked for: :meth:`EventColumns.event` decodes row ``i``'s record
with the events JSON reader's own rules (a small LRU cache keeps recent ones), and
:meth:`EventColumns.timeline` gives a :class:`~timeline_app.core.model.Timeline` whose
``events`` is a :class:`LazyEvents` that materialises rows as they are indexed, so code that
reads ``timeline.events[i]`` keeps working. About 0.12 KB an event stays in memory besides the
records. Columns come from an Arrow file (``timeline_app.io.columnar.read_columns``: every
column memory-mapped, records read from the file as needed) or from an events JSON file
(``timeline_app.io.events_columns.load_columns``); the functions that build them pass the
record decoder (``decode``), since records are read by the io layer's events JSON reader.

Quick reference (``n = len(columns)``, rows are store positions):

- ``columns.to_store()``, ``columns.timeline()``, ``columns.events`` (:class:`LazyEvents`);
- ``columns.event(row)``, ``columns.id(row)``, ``columns.title(row)``, ``columns.record_bytes(row)``;
- ``columns.position(event_id) -> row`` (-1 if none), ``columns.build_position_table()``;
- ``columns.row_of(index_read) -> row`` and ``columns.source[row] -> index_read``;
- ``columns.search(text) -> bool[n]`` (titles, case-insensitive), ``columns.doc_counts()``;
- ``columns.id_sequence()`` / ``title_sequence()``: lazy ``Sequence[str]`` views;
- ``columns.nbytes()``; ``columns.decoded`` counts records decoded so far.

This module imports pyarrow; the small-timeline path never imports it.
"""

from __future__ import annotations

import bisect
import operator
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, MutableSequence, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast, overload

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from timeline_app.core.model import Document, Entity, Event, Status, Timeline

if TYPE_CHECKING:
    from timeline_app.core.store import EventStore

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]

# (record bytes, row) -> Event. Raises ValueError with a one-line reason for a bad record.
# Records are events JSON, whose reader is in the io layer: the io functions that build columns
# pass ``timeline_app.io.events_json.decode_record``.
RecordDecoder = Callable[[bytes, int], Event]

# The ``status`` column's codes.
STATUSES: tuple[Status, ...] = tuple(Status)

EVENT_CACHE_SIZE = 256
# Lookups of an id by a linear scan (a few ms per million rows) before a sorted id table is built.
_SCANS_BEFORE_TABLE = 16
_POSITION_CACHE_SIZE = 4096


@dataclass(eq=False)
class EventColumns:
    """A timeline's events as columns in reading order (see the module docstring)."""

    start: FloatArray
    end: FloatArray
    sort_end: FloatArray
    kind: npt.NDArray[np.int8]
    flags: npt.NDArray[np.uint8]
    doc: npt.NDArray[np.int32]
    salience: npt.NDArray[np.float32]
    confidence: npt.NDArray[np.float32]
    status: npt.NDArray[np.int8]
    source: npt.NDArray[np.int32]
    ids: pa.Array
    titles: pa.Array
    record: pa.Array
    documents: list[Document]
    dated: int
    entities: list[Entity] = field(default_factory=list)
    decode: RecordDecoder | None = None
    # Reads record ``k`` (an index into ``record``) without going through the mapping, if set:
    # a mapped page read once stays in the process's resident memory, a file read does not.
    read_record: Callable[[int], bytes] | None = None
    # Whether each row's sources disagree on its date, as read with the rows; None (older files):
    # then found by a scan of the records, which reads every one of them.
    conflicted: npt.NDArray[np.bool_] | None = None
    # How many records were decoded into Events so far (the cache spares repeats).
    decoded: int = field(default=0, init=False)
    _cache: OrderedDict[int, Event] = field(default_factory=OrderedDict, init=False, repr=False)
    _events: LazyEvents | None = field(default=None, init=False, repr=False)
    _id_order: IntArray | None = field(default=None, init=False, repr=False)
    _rows_read: IntArray | None = field(default=None, init=False, repr=False)
    _scans: int = field(default=0, init=False, repr=False)
    _table_coming: threading.Thread | None = field(default=None, init=False, repr=False)
    _found: OrderedDict[str, int] = field(default_factory=OrderedDict, init=False, repr=False)

    def __post_init__(self) -> None:
        n = len(self.start)
        lengths = (
            len(self.end), len(self.sort_end), len(self.kind), len(self.flags), len(self.doc),
            len(self.salience), len(self.confidence), len(self.status), len(self.source), len(self.ids),
            len(self.titles),
            len(self.record),
        )  # fmt: skip
        if any(length != n for length in lengths) or (self.conflicted is not None and len(self.conflicted) != n):
            raise ValueError("event columns differ in length")
        if not 0 <= self.dated <= n:
            raise ValueError(f"dated rows ({self.dated}) out of range for {n} events")

    def __len__(self) -> int:
        return len(self.start)

    # rows ---------------------------------------------------------------------------

    def _row(self, i: int) -> int:
        n = len(self)
        row = operator.index(i)
        if row < 0:
            row += n
        if not 0 <= row < n:
            raise IndexError(f"event row {i} out of range for {n} events")
        return row

    def event(self, i: int) -> Event:
        """Row ``i`` as a full Event, decoded from its record.

        An Event the timeline's :class:`LazyEvents` already holds is that same object (edits
        made to it are seen); others come from a small LRU cache or are decoded afresh. A record
        the events JSON reader refuses (a damaged file, or a key the columns do not hold that
        the reader finds wrong) raises its one-line ValueError, naming ``events[k]``.
        """
        row = self._row(i)
        if self._events is not None and (held := self._events.held(row)) is not None:
            return held
        cache = self._cache
        found = cache.get(row)
        if found is not None:
            cache.move_to_end(row)
            return found
        if self.decode is None:
            raise RuntimeError("these event columns were built without a record decoder")
        data = self._record(int(self.source[row]))
        event = self.decode(data, row)
        self.decoded += 1
        cache[row] = event
        if len(cache) > EVENT_CACHE_SIZE:
            cache.popitem(last=False)
        return event

    def id(self, i: int) -> str:
        return cast(str, self.ids[self._row(i)].as_py())

    def title(self, i: int) -> str:
        return cast(str, self.titles[self._row(i)].as_py())

    def record_bytes(self, i: int) -> bytes:
        """Row ``i``'s events-JSON record as it was read (possibly followed by whitespace and a comma)."""
        return self._record(int(self.source[self._row(i)]))

    def _record(self, k: int) -> bytes:
        if self.read_record is not None:
            return self.read_record(k)
        return cast(bytes, self.record[k].as_py())

    def id_sequence(self, count: int | None = None) -> Sequence[str]:
        """The first ``count`` ids (all by default) as a lazy sequence of str."""
        return StringColumn(self.ids, len(self) if count is None else count)

    def title_sequence(self) -> Sequence[str]:
        return StringColumn(self.titles, len(self))

    def row_of(self, read: int) -> int:
        """The column row of the event read ``read``-th (the inverse of ``source``)."""
        rows = self._rows_read
        if rows is None:
            rows = np.empty(len(self), dtype=np.int64)
            rows[self.source] = np.arange(len(self), dtype=np.int64)
            self._rows_read = rows
        return int(rows[read])

    # lookups ------------------------------------------------------------------------

    def position(self, event_id: str) -> int:
        """The row of the event with this id, -1 if there is none.

        The first lookups scan the id column (a few milliseconds a million rows); after a
        few, a sorted id table (8 bytes a row) is built on a worker thread, the sort taking
        seconds at millions of ids, and once it is ready lookups take microseconds. Call
        :meth:`build_position_table` to have the table at once.
        """
        found = self._found.get(event_id)
        if found is not None:
            return found
        if self._id_order is None:
            self._scans += 1
            if self._scans > _SCANS_BEFORE_TABLE:
                self.build_position_table_later()
            row = int(pc.index(self.ids, pa.scalar(event_id, self.ids.type)).as_py())
        else:
            row = self._table_lookup(event_id)
        self._found[event_id] = row
        if len(self._found) > _POSITION_CACHE_SIZE:
            self._found.popitem(last=False)
        return row

    def build_position_table_later(self) -> None:
        """Sort the ids on a worker thread (Arrow's sort runs without the GIL); lookups scan until then."""
        if self._id_order is None and self._table_coming is None:
            self._table_coming = threading.Thread(target=self.build_position_table, name="id-table", daemon=True)
            self._table_coming.start()

    def build_position_table(self) -> None:
        """Sort the ids once, so that :meth:`position` is a binary search from then on."""
        if self._id_order is None:
            self._id_order = np.asarray(pc.sort_indices(self.ids).to_numpy(), dtype=np.int64)

    def _table_lookup(self, event_id: str) -> int:
        self.build_position_table()
        order = self._id_order
        assert order is not None
        ids = self.ids
        k = bisect.bisect_left(range(len(order)), event_id, key=lambda j: ids[int(order[j])].as_py())
        if k < len(order) and ids[int(order[k])].as_py() == event_id:
            return int(order[k])
        return -1

    def conflicted_rows_read(self) -> list[int] | None:
        """Places in the order read of the events whose sources disagree; None if not recorded."""
        if self.conflicted is None:
            return None
        return np.sort(self.source[np.flatnonzero(self.conflicted)]).tolist()

    def search(self, text: str) -> BoolArray:
        """Rows whose title contains ``text``, ignoring case (all rows for blank text)."""
        needle = text.strip()
        if not needle or len(self) == 0:
            return np.ones(len(self), dtype=bool)
        found = pc.match_substring(self.titles, pattern=needle, ignore_case=True)
        return np.asarray(pc.fill_null(found, False).to_numpy(zero_copy_only=False), dtype=bool)

    def doc_counts(self) -> IntArray:
        """How many events each document (by index in ``documents``) is the first source of."""
        docs = self.doc[self.doc >= 0]
        return np.bincount(docs, minlength=len(self.documents)).astype(np.int64)

    # other views --------------------------------------------------------------------

    @property
    def events(self) -> LazyEvents:
        """All events in the order read, as a lazy sequence (one per columns object)."""
        if self._events is None:
            self._events = LazyEvents(self)
        return self._events

    def timeline(self) -> Timeline:
        """A Timeline whose ``events`` is :attr:`events` (the order read, as ``events_json.load`` gives).

        ``Timeline.events`` is typed ``list[Event]``; :class:`LazyEvents` offers the list
        operations the app uses (indexing, ``len``, iteration, ``append``, ``sort``...), and
        turns into a real list of all events the first time the sequence itself is changed.
        """
        return Timeline(list(self.documents), cast("list[Event]", self.events), list(self.entities))

    def to_store(self) -> EventStore:
        """The EventStore of the dated rows (store position i is row i), without sorting."""
        from timeline_app.core.store import EventStore

        return EventStore.from_columns(self)

    def nbytes(self, with_records: bool = False) -> int:
        """Memory the columns take (records left out unless asked for: they are usually mapped)."""
        arrays: Iterable[npt.NDArray[Any]] = (
            self.start, self.end, self.sort_end, self.kind, self.flags, self.doc, self.salience, self.confidence,
            self.status, self.source,
        )  # fmt: skip
        total = sum(a.nbytes for a in arrays) + self.ids.nbytes + self.titles.nbytes
        return total + (self.record.nbytes if with_records else 0)


class StringColumn(Sequence[str]):
    """A lazy ``Sequence[str]`` over (the first ``count`` rows of) an Arrow string array."""

    __slots__ = ("_array", "_count")

    def __init__(self, array: pa.Array, count: int) -> None:
        self._array = array
        self._count = count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._count)
            if step == 1:
                return cast("list[str]", self._array.slice(start, max(stop - start, 0)).to_pylist())
            return [self[i] for i in range(start, stop, step)]
        i = operator.index(index)
        if i < 0:
            i += self._count
        if not 0 <= i < self._count:
            raise IndexError("id index out of range")
        return cast(str, self._array[i].as_py())

    def __iter__(self) -> Iterator[str]:
        step = 65536  # converted in blocks: one Arrow scalar per row would be several times slower
        for at in range(0, self._count, step):
            yield from self._array.slice(at, min(step, self._count - at)).to_pylist()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == self._count and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class LazyEvents(MutableSequence[Event]):
    """The events of columns in the order read: the ``i``-th becomes an Event when first indexed.

    An Event once handed out is kept (so edits made to it in place last, and the same row
    gives the same object). Iterating, ``in`` and ``index`` materialise every row: the app's
    per-row code should index rows it needs. Changing the sequence itself (``append``,
    ``insert``, deleting, assigning, ``sort``) first turns it into a plain list of all events.
    """

    def __init__(self, columns: EventColumns) -> None:
        self._columns = columns
        self._made: dict[int, Event] = {}
        self._list: list[Event] | None = None

    @property
    def materialised(self) -> int:
        """How many rows are held as Event objects."""
        return len(self._list) if self._list is not None else len(self._made)

    @property
    def columns(self) -> EventColumns:
        return self._columns

    @property
    def is_list(self) -> bool:
        """Whether the sequence was changed and is now a plain list of all events."""
        return self._list is not None

    def held_events(self) -> dict[int, Event]:
        """The Events handed out so far, by index (the only ones an edit can have changed)."""
        return dict(self._made) if self._list is None else dict(enumerate(self._list))

    def held(self, row: int) -> Event | None:
        """The Event this sequence holds for column row ``row``, if any."""
        if self._list is not None or not self._made:
            return None
        return self._made.get(int(self._columns.source[row]))

    def __len__(self) -> int:
        return len(self._list) if self._list is not None else len(self._columns)

    def find_by_id(self, event_id: str) -> Event | None:
        """The event with this id, found in the id column: no other row becomes an Event."""
        if self._list is not None:
            return next((e for e in self._list if e.id == event_id), None)
        row = self._columns.position(event_id)
        return None if row < 0 else self._get(int(self._columns.source[row]))

    @overload
    def __getitem__(self, index: int) -> Event: ...
    @overload
    def __getitem__(self, index: slice) -> list[Event]: ...
    def __getitem__(self, index: int | slice) -> Event | list[Event]:
        if self._list is not None:
            return self._list[index]
        if isinstance(index, slice):
            return [self._get(i) for i in range(*index.indices(len(self)))]
        return self._get(index)

    def _get(self, index: int) -> Event:
        n = len(self._columns)
        row = operator.index(index)
        if row < 0:
            row += n
        if not 0 <= row < n:
            raise IndexError("event index out of range")
        event = self._made.get(row)
        if event is None:
            event = self._columns.event(self._columns.row_of(row))
            self._made[row] = event
        return event

    def __iter__(self) -> Iterator[Event]:
        if self._list is not None:
            return iter(self._list)
        return (self._get(i) for i in range(len(self._columns)))

    def _as_list(self) -> list[Event]:
        if self._list is None:
            self._list = [self._get(i) for i in range(len(self._columns))]
            self._made = {}
        return self._list

    @overload
    def __setitem__(self, index: int, value: Event) -> None: ...
    @overload
    def __setitem__(self, index: slice, value: Iterable[Event]) -> None: ...
    def __setitem__(self, index: int | slice, value: Event | Iterable[Event]) -> None:
        self._as_list()[index] = value  # type: ignore[index,assignment]

    def __delitem__(self, index: int | slice) -> None:
        del self._as_list()[index]

    def insert(self, index: int, value: Event) -> None:
        self._as_list().insert(index, value)

    def sort(self, *, key: Any = None, reverse: bool = False) -> None:
        self._as_list().sort(key=key, reverse=reverse)

    def copy(self) -> list[Event]:
        return list(self)

    def __repr__(self) -> str:
        return f"LazyEvents({len(self)} events, {self.materialised} materialised)"


def scan_conflicted(columns: EventColumns) -> BoolArray:
    """Whether each row's sources disagree, found in its record (for columns that did not record it).

    Reads every record: most of a second a million events, and every page of a mapped file.
    """
    # A record lists each disagreeing source as an object; an empty list has none. (Inside a
    # string the quotes would be escaped, so a title cannot match.)
    hits = pc.match_substring_regex(columns.record, pattern=r'"conflict":\s*\[\s*\{')
    in_read_order = np.asarray(pc.fill_null(hits, False).to_numpy(zero_copy_only=False), dtype=bool)
    return in_read_order[columns.source]
