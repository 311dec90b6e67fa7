"""Events JSON straight to :class:`~timeline_app.core.columns.EventColumns`, without Event objects.

``load_columns(path)`` reads an events JSON file (docs/events-json.md) as columns, with the
rules and the one-line errors of ``events_json.load`` (``events.json: events[12].date: not an
EDTF date: 'tomorrow'``, raised as FormatError). ``columns_from_bytes(data)`` does the same for
bytes in memory (ValueError). ``columns_from_timeline(timeline)`` builds columns from Event
objects (to write an Arrow file of a timeline, and for tests).

How: msgspec splits the "events" array into each record's raw bytes, then decodes the records
a block at a time into a small typed struct holding the keys the columns need (id, title,
date, precision, status, mentions, curated, salience, confidence). Dates are read by
``events_json.parse_date`` once per distinct value and turned into rows by ``store.row_span``
(the store's own code) once per distinct date, status and reference date. A record the struct
refuses is read by the ordinary reader, which accepts what it accepts and words the error; a
file msgspec cannot parse at all (NaN, a BOM-less oddity) is read by ``events_json.loads`` and
converted, so that whatever ``events_json.load`` reads loads here too. The keys the columns do
not hold (sentence, actors, places, conflict, slips...) are checked when an event is built
(``EventColumns.event``), where a bad one gives the ordinary reader's error.

Memory: the file's bytes (which the record column then shares: records are never copied), a
few dozen bytes per event while reading, and the columns (about 0.12 KB an event).
"""

from __future__ import annotations

import codecs
import operator
from datetime import date
from itertools import repeat
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
import numpy as np
import numpy.typing as npt
import pyarrow as pa

from timeline_app.core.columns import EventColumns, LazyEvents
from timeline_app.core.model import DateKind, Document, Entity, Event, FuzzyDate, Status, Timeline
from timeline_app.core.store import (
    KIND_BOUNDED,
    KIND_INTERVAL,
    KIND_POINT,
    chronological_order,
    row_span,
    unit_flags,
    unit_row,
)
from timeline_app.io import events_json
from timeline_app.io.safety import FormatError, check_timeline_size, valid_unicode

# Records decoded per msgspec call: large enough to amortise the call, small enough that the
# block's structs stay a few MB.
BLOCK = 16_384

_Unit = Annotated[float, msgspec.Meta(ge=0, le=1)]


class _Mention(msgspec.Struct, gc=False):
    document: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError("bad span")


class _Record(msgspec.Struct, gc=False):
    """The keys the columns hold, typed as strictly as the common case allows.

    Anything else (a status of 0, a precision that is no string, NaN) sends the record to
    events_json's reader, which decides: it accepts what it accepts and words the error.
    """

    id: str
    title: str
    date: str
    mentions: list[_Mention]
    precision: str | None = None
    status: Literal["occurred", "ongoing", "expected", "reported"] | None = None
    curated: bool = False
    salience: _Unit | None = None
    confidence: _Unit | None = None
    # Any: a malformed one is the events JSON reader's to word when the event is built, as for the
    # other keys the columns do not hold; only whether there is a conflict counts here.
    conflict: Any = None


def _names_a_conflict(value: Any) -> bool:
    """A record's ``conflict`` lists disagreeing sources, each an object."""
    return type(value) is list and bool(value) and type(value[0]) is dict


class _File(msgspec.Struct):
    documents: list[Any]
    events: list[msgspec.Raw]
    entities: Any = None
    schema: Any = None


_FILE_DECODER = msgspec.json.Decoder(_File)
_BLOCK_DECODER = msgspec.json.Decoder(list[_Record])
_RECORD_DECODER = msgspec.json.Decoder(_Record)
_KINDS = {DateKind.POINT: KIND_POINT, DateKind.INTERVAL: KIND_INTERVAL, DateKind.BOUNDED: KIND_BOUNDED}
_STATUSES: dict[str | None, Status] = {None: Status.OCCURRED, **{s.value: s for s in Status}}
_STATUS_CODES: dict[str | None, int] = {None: 0, **{s.value: i for i, s in enumerate(Status)}}
_STATUS_LIST = list(Status)
_FIELDS_OF = operator.attrgetter(
    "date", "precision", "status", "curated", "salience", "confidence", "id", "title", "mentions", "conflict"
)
_NAN = float("nan")


# The first four are the sort keys.
_FIELDS = ("start", "sort_end", "kind", "flags", "end", "doc", "salience", "confidence", "status", "conflicted")
_DTYPES = ("float64", "float64", "int8", "uint8", "float64", "int32", "float32", "float32", "int8", "bool")


class _Rows:
    """Rows in the order read, a block at a time (as arrays), then sorted into columns."""

    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        self.doc_index = {d.id: i for i, d in enumerate(documents)}
        self.references: dict[str, date | None] = {d.id: d.reference_date for d in documents}
        # Each distinct (date, precision) read, numbered, with its row when that depends on the
        # date alone (NaN start otherwise): most events share their date with others.
        self.date_index: dict[tuple[str, str | None], int] = {}
        self.date_list: list[FuzzyDate] = []
        self.unit_rows: list[tuple[float, float, int]] = []
        self.unit_table = np.zeros((0, 3))
        # Rows of the other events by (date number, status code, curated, reference number).
        self.spans: dict[tuple[int, int, bool, int], tuple[float, float, int, int, float]] = {}
        # The distinct reference dates, and each document's (the last entry: unknown documents').
        self.reference_list: list[date | None] = list(dict.fromkeys([None, *self.references.values()]))
        numbers = {ref: i for i, ref in enumerate(self.reference_list)}
        by_index = [numbers[self.references[d.id]] for d in documents]
        self.doc_reference = np.array([*by_index, 0], dtype=np.int64)
        self.start: list[float] = []
        self.end: list[float] = []
        self.sort_end: list[float] = []
        self.kind: list[int] = []
        self.flags: list[int] = []
        self.doc: list[int] = []
        self.salience: list[float] = []
        self.confidence: list[float] = []
        self.status: list[int] = []
        self.conflicted: list[bool] = []
        self.ids: list[str] = []
        self.titles: list[str] = []
        self.blocks: dict[str, list[Any]] = {name: [] for name in (*_FIELDS, "ids", "titles")}

    def add(
        self,
        fd: FuzzyDate,
        status: Status,
        curated: bool,
        doc_id: str,
        salience: float,
        confidence: float,
        event_id: str,
        title: str,
        conflicted: bool,
    ) -> None:
        row = row_span(fd, status, curated, self.references.get(doc_id))
        if row is None:
            self.start.append(_NAN)
            self.end.append(_NAN)
            self.sort_end.append(_NAN)
            self.kind.append(_KINDS[fd.kind])
            self.flags.append(0)
        else:
            self.start.append(row[0])
            self.end.append(row[1])
            self.kind.append(row[2])
            self.flags.append(row[3])
            self.sort_end.append(row[4])
        self.doc.append(self.doc_index.get(doc_id, -1))
        self.salience.append(salience)
        self.confidence.append(confidence)
        self.status.append(_STATUS_CODES[status.value])
        self.conflicted.append(conflicted)
        self.ids.append(event_id)
        self.titles.append(title)

    def date(self, edtf: str, precision: str | None) -> FuzzyDate:
        """The date of a record (ValueError if unreadable), parsed once per distinct value."""
        found = self.date_index.get((edtf, precision))
        if found is not None:
            return self.date_list[found]
        fd = events_json.parse_date(edtf, precision)
        self.date_index[(edtf, precision)] = len(self.date_list)
        self.date_list.append(fd)
        self.unit_rows.append(unit_row(fd) or (_NAN, _NAN, 0))
        return fd

    def date_number(self, edtf: str, precision: str | None) -> int:
        """The number of a distinct date (ValueError if unreadable)."""
        found = self.date_index.get((edtf, precision))
        if found is None:
            self.date(edtf, precision)
            found = len(self.date_list) - 1
        return found

    def add_block(self, records: list[_Record]) -> bool:
        """A block of typed records as arrays; False (nothing added) if a date is unreadable.

        Each value is taken out of the structs in one pass per column in C (attrgetter, zip),
        and rows are computed per distinct date: the per-event Python work is a few lookups.
        """
        if not records:
            return True
        dates, precisions, statuses, curated_list, salience, confidence, ids, titles, mentions, conflicts = zip(
            *map(_FIELDS_OF, records), strict=True
        )
        keys = list(zip(dates, precisions, strict=True))
        index = self.date_index
        found: list[int | None] = list(map(index.get, keys))
        if None in found:
            try:
                for key in set(keys).difference(index):
                    self.date_number(*key)
            except ValueError:
                return False
            found = list(map(index.get, keys))
        which = np.array(found, dtype=np.int64)
        if len(self.unit_table) != len(self.unit_rows):
            grown = np.array(self.unit_rows[len(self.unit_table) :], dtype=np.float64).reshape(-1, 3)
            self.unit_table = np.concatenate([self.unit_table, grown])
        self.flush()
        codes = np.array(list(map(_STATUS_CODES.__getitem__, statuses)), dtype=np.int8)
        curated = np.array(curated_list, dtype=bool)
        doc_ids = [m[0].document if m else "" for m in mentions]
        units = self.unit_table[which]
        start, end = units[:, 0].copy(), units[:, 1].copy()
        ongoing = codes == _STATUS_CODES["ongoing"]
        flags = unit_flags(units[:, 2].astype(np.uint8), codes == _STATUS_CODES["expected"], curated).astype(np.uint8)
        kind = np.full(len(records), KIND_POINT, dtype=np.int8)
        sort_end = end.copy()
        docs = np.array(list(map(self.doc_index.get, doc_ids, repeat(-1))), dtype=np.int32)
        # Any other date, or an ongoing event: its row depends on more than the date. Rows are
        # computed once per distinct (date, status, curated, reference date) in the block.
        rest = np.flatnonzero(np.isnan(start) | ongoing)
        if len(rest):
            refs = self.doc_reference[docs[rest]]
            combined = ((which[rest] * 4 + codes[rest]) * 2 + curated[rest]) * len(self.reference_list) + refs
            _, first, inverse = np.unique(combined, return_index=True, return_inverse=True)
            table = np.array(
                [
                    self.row(int(which[k]), int(codes[k]), bool(curated[k]), int(r))
                    for k, r in zip(rest[first].tolist(), refs[first].tolist(), strict=True)
                ],
                dtype=np.float64,
            ).reshape(-1, 5)[inverse.reshape(-1)]
            start[rest], end[rest], sort_end[rest] = table[:, 0], table[:, 1], table[:, 4]
            kind[rest] = table[:, 2].astype(np.int8)
            flags[rest] = table[:, 3].astype(np.uint8)
        blocks = self.blocks
        blocks["start"].append(start)
        blocks["end"].append(end)
        blocks["sort_end"].append(sort_end)
        blocks["kind"].append(kind)
        blocks["flags"].append(flags)
        blocks["doc"].append(docs)
        blocks["status"].append(codes)
        blocks["conflicted"].append(np.fromiter(map(_names_a_conflict, conflicts), dtype=bool, count=len(records)))
        for name, values in (("salience", salience), ("confidence", confidence)):
            unit = np.array(values, dtype=np.float64)  # None (not given) becomes NaN
            blocks[name].append(np.where(np.isnan(unit), 0.5, unit).astype(np.float32))
        blocks["ids"].append(pa.array(ids, pa.large_string()))
        blocks["titles"].append(pa.array(titles, pa.large_string()))
        return True

    def row(self, number: int, code: int, curated: bool, reference: int) -> tuple[float, float, int, int, float]:
        """The row of date ``number`` for a status code, curation and reference date number."""
        key = (number, code, curated, reference)
        row = self.spans.get(key)
        if row is None:
            fd = self.date_list[number]
            span = row_span(fd, _STATUS_LIST[code], curated, self.reference_list[reference])
            row = self.spans[key] = (_NAN, _NAN, _KINDS[fd.kind], 0, _NAN) if span is None else span
        return row

    def add_event(self, event: Event) -> None:
        # Text read by the ordinary reader may hold a lone surrogate, which Arrow strings cannot.
        self.add(
            event.date, event.status, event.curated, event.document, event.salience, event.confidence,
            valid_unicode(event.id), valid_unicode(event.title), bool(event.conflict),
        )  # fmt: skip

    def flush(self) -> None:
        """The rows so far into arrays: a Python float or str per value would take 30-60 bytes."""
        if not self.ids:
            return
        for name, dtype in zip(_FIELDS, _DTYPES, strict=True):
            values: list[Any] = getattr(self, name)
            self.blocks[name].append(np.array(values, dtype=dtype))
            values.clear()
        self.blocks["ids"].append(pa.array(self.ids, pa.large_string()))
        self.blocks["titles"].append(pa.array(self.titles, pa.large_string()))
        self.ids = []
        self.titles = []

    def finish(self, record: pa.Array, entities: list[Entity]) -> EventColumns:
        """Columns in reading order; ``record`` holds the records in the order read."""
        self.flush()
        # What reading needed goes before the columns are assembled, lowering the peak.
        self.date_index, self.date_list, self.unit_rows, self.spans = {}, [], [], {}
        blocks = self.blocks
        self.blocks = {}

        def column(name: str, dtype: str) -> npt.NDArray[Any]:
            parts = blocks.pop(name)
            return np.concatenate(parts) if parts else np.zeros(0, dtype)

        start, sort_end, kind, flags = (column(n, d) for n, d in zip(_FIELDS[:4], _DTYPES[:4], strict=True))
        dated_rows = np.flatnonzero(~np.isnan(start))
        order = dated_rows[
            chronological_order(
                start[dated_rows], sort_end[dated_rows], kind[dated_rows], flags[dated_rows], dated_rows
            )
        ]
        perm = np.concatenate([order, np.flatnonzero(np.isnan(start))]).astype(np.int64)
        del order
        sorted_columns: dict[str, Any] = {
            "start": start[perm], "sort_end": sort_end[perm], "kind": kind[perm], "flags": flags[perm]
        }  # fmt: skip
        del start, sort_end, kind, flags
        for name, dtype in zip(_FIELDS[4:], _DTYPES[4:], strict=True):
            sorted_columns[name] = column(name, dtype)[perm]
        take = pa.array(perm)
        strings = {name: _taken(blocks.pop(name), take) for name in ("ids", "titles")}
        return EventColumns(
            **sorted_columns,
            source=perm.astype(np.int32),
            ids=strings["ids"],
            titles=strings["titles"],
            record=record,
            documents=self.documents,
            dated=len(dated_rows),
            entities=entities,
            decode=events_json.decode_record,
        )


def _taken(blocks: list[pa.Array], take: pa.Array) -> pa.Array:
    """The blocks' strings in the order ``take``, in one array, without first joining the blocks."""
    if not blocks:
        return pa.array([], pa.large_string())
    taken = pa.chunked_array(blocks).take(take)
    blocks.clear()
    return taken.combine_chunks() if isinstance(taken, pa.ChunkedArray) else taken


def columns_from_timeline(timeline: Timeline) -> EventColumns:
    """The columns of a timeline of Event objects (records written as ``events_json.dump`` writes them).

    A timeline opened from columns (``EventColumns.timeline()``) whose events read so far are
    unchanged gives its columns back, without building the others.
    """
    unchanged = _unchanged_columns(timeline)
    if unchanged is not None:
        return unchanged
    rows = _Rows(list(timeline.documents))
    records: list[bytes] = []
    with events_json.collector_paused():
        for i, event in enumerate(timeline.events):
            rows.add_event(event)
            records.append(events_json.record_bytes(event))
            if (i + 1) % BLOCK == 0:
                rows.flush()
        offsets = np.zeros(len(records) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, records), dtype=np.int64, count=len(records)), out=offsets[1:])
        data = b"".join(records)
        del records
        record = pa.Array.from_buffers(
            pa.large_binary(), len(offsets) - 1, [None, pa.py_buffer(offsets), pa.py_buffer(data)]
        )
        return rows.finish(record, list(timeline.entities))


def _unchanged_columns(timeline: Timeline) -> EventColumns | None:
    events: object = timeline.events
    if not isinstance(events, LazyEvents) or events.is_list:
        return None
    columns = events.columns
    if timeline.documents != columns.documents or timeline.entities != columns.entities:
        return None
    for index, event in events.held_events().items():
        stored = events_json.decode_record(columns.record[index].as_py(), index)
        if event != stored:
            return None
    return columns


def load_columns(path: str | Path) -> EventColumns:
    """An events JSON file as columns; FormatError with a one-line reason naming the file."""
    p = Path(path)
    check_timeline_size(p, "json-columns")
    from timeline_app.core.ingest.errors import LoadError
    from timeline_app.core.ingest.raw import read_limited

    try:
        data = read_limited(p, max(p.stat().st_size, 1))  # regular files only: a pipe never ends
    except (LoadError, OSError) as exc:
        raise FormatError(f"{p.name}: cannot read ({exc})") from None
    if data is None:
        raise FormatError(f"{p.name}: the file grew while it was read")
    try:
        return columns_from_bytes(data)
    except ValueError as exc:
        raise FormatError(f"{p.name}: {exc}") from None


def columns_from_bytes(data: bytes) -> EventColumns:
    """An events JSON document (UTF-8 bytes) as columns; ValueError as ``events_json.loads`` gives.

    The record column shares ``data``: each record is the file's own bytes (with the
    whitespace and comma that follow it), so the events are never copied.
    """
    body = memoryview(data)
    if data[:3] == codecs.BOM_UTF8:
        body = body[3:]
    try:
        parsed = _FILE_DECODER.decode(body) if _is_utf8(body) else None
    except (msgspec.DecodeError, msgspec.ValidationError):
        parsed = None
    if parsed is None:
        # Something only the ordinary loader can read or word the error for: let it.
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError(f"cannot read as UTF-8 text ({exc})") from None
        return columns_from_timeline(events_json.loads(text))
    documents = events_json.read_documents(parsed.documents)
    entities = events_json.read_entities(parsed.entities)
    raws = parsed.events
    del parsed
    rows = _Rows(documents)
    base = pa.py_buffer(data)
    starts = np.zeros(len(raws) + 1, dtype=np.int64)
    with events_json.collector_paused():
        for at in range(0, len(raws), BLOCK):
            _read_block(rows, raws, at)
            rows.flush()
            # Where each record begins in ``data``: Raw values are views of it.
            block = [pa.py_buffer(r).address for r in raws[at : at + BLOCK]]
            starts[at : at + len(block)] = block
            if at + BLOCK < len(raws):
                # Done with: their memory serves the next blocks.
                raws[at : at + BLOCK] = repeat(None, BLOCK)  # type: ignore[arg-type]
        if raws:
            starts[:-1] -= base.address
            starts[-1] = starts[-2] + len(raws[-1])
        del raws
        record = pa.Array.from_buffers(pa.large_binary(), len(starts) - 1, [None, pa.py_buffer(starts), base])
        return rows.finish(record, entities)


def _is_utf8(body: memoryview) -> bool:
    """Whether the bytes are UTF-8: Arrow checks them in place, several times faster than a decode."""
    offsets = np.array([0, len(body)], dtype=np.int64)
    whole = pa.Array.from_buffers(pa.large_binary(), 1, [None, pa.py_buffer(offsets), pa.py_buffer(body)])
    try:
        whole.cast(pa.large_string())
    except pa.ArrowInvalid:
        return False
    return True


def _read_block(rows: _Rows, raws: list[msgspec.Raw], at: int) -> None:
    block = raws[at : at + BLOCK]
    try:
        records = _BLOCK_DECODER.decode(b"[" + b",".join(block) + b"]")
    except (msgspec.DecodeError, msgspec.ValidationError):
        records = None
    if records is not None and rows.add_block(records):
        return
    # Some record needs a closer look: one at a time, the doubtful ones by the ordinary reader.
    for k, raw in enumerate(block):
        try:
            rec = _RECORD_DECODER.decode(raw)
            fd = rows.date(rec.date, rec.precision)
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError):
            rows.add_event(events_json.decode_record(bytes(raw), at + k))
            continue
        mentions = rec.mentions
        rows.add(
            fd, _STATUSES[rec.status], rec.curated, mentions[0].document if mentions else "",
            0.5 if rec.salience is None else rec.salience, 0.5 if rec.confidence is None else rec.confidence,
            rec.id, rec.title, _names_a_conflict(rec.conflict),
        )  # fmt: skip
