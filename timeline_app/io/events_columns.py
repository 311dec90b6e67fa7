"""Events JSON straight to :class:`~timeline_app.core.columns.EventColumns`, without Event objects.

``load_columns(path)`` reads an events JSON file (docs/events-json.md) the way
``events_json.load`` does, with the same rules and the same one-line errors naming the event
(``events[12].date: not an EDTF date: 'tomorrow'``), but keeps each event as a row of columns
plus the bytes of its record. msgspec splits the "events" array into each record's raw bytes
and decodes the records, a block at a time, into a small typed struct; the date is read by
``events_json.parse_date`` and turned into times by ``store.row_span``, the code the ordinary
loader and the store use. A record the typed decoder refuses is read again by the ordinary
reader, which either accepts it (the struct is never more lenient than the reader) or gives
its own error. A file msgspec cannot parse at all (JSON extensions such as NaN) is read by the
ordinary loader and converted, so that whatever ``events_json.load`` accepts loads here too.

``columns_from_timeline(timeline)`` builds columns from Event objects (for writing an Arrow
file of a timeline, and for tests).

Memory: the file's bytes, a few dozen bytes per event while reading, then the columns (about
0.15 KB an event) and one copy of the records, in reading order.
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import msgspec
import numpy as np
import numpy.typing as npt
import pyarrow as pa

from timeline_app.core.columns import EventColumns
from timeline_app.core.model import DateKind, Document, FuzzyDate, Status, Timeline
from timeline_app.core.store import KIND_BOUNDED, KIND_INTERVAL, KIND_POINT, chronological_order, row_span
from timeline_app.io import events_json
from timeline_app.io.safety import FormatError, check_timeline_size, valid_unicode

# Records decoded per msgspec call: large enough to amortise the call, small enough that the
# block's structs stay a few MB.
BLOCK = 16_384

_Unit = Annotated[float, msgspec.Meta(ge=0, le=1)]


class _Mention(msgspec.Struct):
    document: str
    start: int
    end: int
    text: Any = None


class _Conflict(msgspec.Struct):
    document: str
    date: str


class _Slip(msgspec.Struct):
    document: str
    expected: str
    told: Any = None


class _Record(msgspec.Struct):
    """Every key the reader checks, typed at least as strictly as events_json's reader checks it."""

    id: str
    title: str
    date: str
    mentions: list[_Mention]
    precision: Any = None
    status: Any = None
    sentence: Any = None
    date_basis: Any = None
    actors: list[str] | None = None
    places: list[str] | None = None
    quantities: list[str] | None = None
    notes: Any = None
    group: Any = None
    color: Any = None
    curated: Any = False
    salience: _Unit | None = None
    confidence: _Unit | None = None
    conflict: list[_Conflict] | None = None
    slips: list[_Slip] | None = None


class _File(msgspec.Struct):
    documents: list[Any]
    events: list[msgspec.Raw]
    entities: Any = None
    schema: Any = None


_FILE_DECODER = msgspec.json.Decoder(_File)
_BLOCK_DECODER = msgspec.json.Decoder(list[_Record])
_RECORD_DECODER = msgspec.json.Decoder(_Record)
_KINDS = {DateKind.POINT: KIND_POINT, DateKind.INTERVAL: KIND_INTERVAL, DateKind.BOUNDED: KIND_BOUNDED}
_NAN = float("nan")


class _Refused(Exception):
    """The typed path cannot take this record: the ordinary reader decides."""


class _Rows:
    """Rows in the order read, then sorted into columns."""

    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        self.doc_index = {d.id: i for i, d in enumerate(documents)}
        self.references: dict[str, date | None] = {d.id: d.reference_date for d in documents}
        self.dates: dict[tuple[str, str | None], FuzzyDate] = {}
        self.start: list[float] = []
        self.end: list[float] = []
        self.sort_end: list[float] = []
        self.kind: list[int] = []
        self.flags: list[int] = []
        self.doc: list[int] = []
        self.salience: list[float] = []
        self.confidence: list[float] = []
        self.ids: list[str] = []
        self.titles: list[str] = []
        self.id_blocks: list[pa.Array] = []
        self.title_blocks: list[pa.Array] = []

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
        self.ids.append(event_id)
        self.titles.append(title)

    def add_event(self, event: events_json.Event) -> None:
        # Text read by the ordinary reader may hold a lone surrogate, which Arrow strings cannot.
        self.add(
            event.date, event.status, event.curated, event.document, event.salience, event.confidence,
            valid_unicode(event.id), valid_unicode(event.title),
        )  # fmt: skip

    def flush_strings(self) -> None:
        """Strings of the rows so far into Arrow blocks (Python str objects cost ~60 bytes each)."""
        if self.ids:
            self.id_blocks.append(pa.array(self.ids, pa.large_string()))
            self.title_blocks.append(pa.array(self.titles, pa.large_string()))
            self.ids = []
            self.titles = []

    def finish(self, records: Sequence[Any], lengths: npt.NDArray[np.int64], entities: list[Any]) -> EventColumns:
        """Columns in reading order; ``records`` are the rows' record bytes (or buffers) in the order read."""
        self.flush_strings()
        start = np.array(self.start, dtype=np.float64)
        end = np.array(self.end, dtype=np.float64)
        sort_end = np.array(self.sort_end, dtype=np.float64)
        kind = np.array(self.kind, dtype=np.int8)
        flags = np.array(self.flags, dtype=np.uint8)
        dated_rows = np.flatnonzero(~np.isnan(start))
        order = dated_rows[
            chronological_order(
                start[dated_rows], sort_end[dated_rows], kind[dated_rows], flags[dated_rows], dated_rows
            )
        ]
        perm = np.concatenate([order, np.flatnonzero(np.isnan(start))]).astype(np.int64)
        take = pa.array(perm)
        ids = pa.concat_arrays(self.id_blocks).take(take) if self.id_blocks else pa.array([], pa.large_string())
        titles = (
            pa.concat_arrays(self.title_blocks).take(take) if self.title_blocks else pa.array([], pa.large_string())
        )
        self.id_blocks = []
        self.title_blocks = []
        return EventColumns(
            start=start[perm],
            end=end[perm],
            sort_end=sort_end[perm],
            kind=kind[perm],
            flags=flags[perm],
            doc=np.array(self.doc, dtype=np.int32)[perm],
            salience=np.array(self.salience, dtype=np.float32)[perm],
            confidence=np.array(self.confidence, dtype=np.float32)[perm],
            source=perm.astype(np.int32),
            ids=ids,
            titles=titles,
            record=gather_records(records, lengths, perm),
            documents=self.documents,
            dated=len(dated_rows),
            entities=entities,
            decode=events_json.decode_record,
        )


def gather_records(records: Sequence[Any], lengths: npt.NDArray[np.int64], perm: npt.NDArray[np.int64]) -> pa.Array:
    """A large_binary array of ``records`` taken in the order ``perm``, built in one copy."""
    offsets = np.zeros(len(perm) + 1, dtype=np.int64)
    np.cumsum(lengths[perm], out=offsets[1:])
    data = b"".join([records[i] for i in perm.tolist()])
    return pa.Array.from_buffers(pa.large_binary(), len(perm), [None, pa.py_buffer(offsets), pa.py_buffer(data)])


def columns_from_timeline(timeline: Timeline) -> EventColumns:
    """The columns of a timeline of Event objects (records written as ``events_json.dump`` writes them)."""
    rows = _Rows(list(timeline.documents))
    records: list[bytes] = []
    for i, event in enumerate(timeline.events):
        rows.add_event(event)
        records.append(events_json.record_bytes(event))
        if (i + 1) % BLOCK == 0:
            rows.flush_strings()
    lengths = np.fromiter((len(r) for r in records), dtype=np.int64, count=len(records))
    return rows.finish(records, lengths, list(timeline.entities))


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
    """An events JSON document (UTF-8 bytes) as columns; ValueError as ``events_json.loads`` gives."""
    body = memoryview(data)
    if data[:3] == codecs.BOM_UTF8:
        body = body[3:]
    try:
        parsed = _FILE_DECODER.decode(body) if events_json.is_utf8(body) else None
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
    for at in range(0, len(raws), BLOCK):
        _read_block(rows, raws, at)
        rows.flush_strings()
    lengths = np.fromiter((len(memoryview(r)) for r in raws), dtype=np.int64, count=len(raws))
    return rows.finish(raws, lengths, entities)


def _read_block(rows: _Rows, raws: list[msgspec.Raw], at: int) -> None:
    block = raws[at : at + BLOCK]
    try:
        records: list[_Record | None] = list(_BLOCK_DECODER.decode(b"[" + b",".join(block) + b"]"))
    except (msgspec.DecodeError, msgspec.ValidationError):
        records = [None] * len(block)
    add = rows.add
    dates = rows.dates
    for k, rec in enumerate(records):
        index = at + k
        try:
            if rec is None:
                rec = _RECORD_DECODER.decode(block[k])
            status = events_json.status_of(rec.status)
            if status is None:
                raise _Refused
            for m in rec.mentions:
                if not 0 <= m.start <= m.end:
                    raise _Refused
            precision = rec.precision if type(rec.precision) is str else None
            fd = dates.get((rec.date, precision))
            if fd is None:
                try:
                    fd = events_json.parse_date(rec.date, precision)
                except ValueError:
                    raise _Refused from None
                dates[(rec.date, precision)] = fd
        except (_Refused, msgspec.DecodeError, msgspec.ValidationError):
            rows.add_event(events_json.decode_record(bytes(block[k]), index))
            continue
        mentions = rec.mentions
        add(
            fd, status, bool(rec.curated), mentions[0].document if mentions else "",
            0.5 if rec.salience is None else rec.salience, 0.5 if rec.confidence is None else rec.confidence,
            rec.id, rec.title,
        )  # fmt: skip
