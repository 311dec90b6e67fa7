"""The events JSON interchange format: documents and chronological events with sources.

Required keys are written exactly as specified; extra keys (document text, time expressions,
curation fields) let the viewer reopen a file without its sources. ``load`` validates the shape
and raises ValueError with a one-line reason on anything else.
"""

from __future__ import annotations

import codecs
import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from timeline_app.core.model import (
    DateKind,
    DatePoint,
    Document,
    Entity,
    Event,
    FuzzyDate,
    Mention,
    Precision,
    Status,
    Timeline,
    Timex,
)
from timeline_app.io import safety

# Version 2 adds per event: salience, confidence, sources, source_count, conflict and slips; and the entities
# list. Files without "schema" (version 1) still read: the new keys take their defaults.
SCHEMA = "timeline-app/events/2"


def _encode(value: Any) -> str:
    """Compact JSON text of ``value``: msgspec's encoder, several times faster than the json module's.

    Text holding a lone surrogate (read from a JSON escape) is left to the json module, whose output
    the writers turn back into that same escape.
    """
    try:
        return _msgspec_encode()(value).decode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@cache
def _msgspec_encode() -> Callable[[Any], bytes]:
    import msgspec  # here: a few milliseconds of start-up that small files need not pay

    return msgspec.json.Encoder().encode


def to_dict(timeline: Timeline) -> dict[str, Any]:
    events = sorted(timeline.events, key=_sort_key)  # stable: keeps same-day order
    # Loaded files share one date object per distinct date: describe each once.
    described: dict[int, tuple[str, str | None, str | None, str]] = {}
    return {
        "schema": SCHEMA,
        "documents": [_document(d) for d in timeline.documents],
        "events": [_event(e, described) for e in events],
        "entities": [_entity(x) for x in timeline.entities],
    }


def _sort_key(e: Event) -> tuple[date, date]:
    return e.date.sort_key()


def dumps(timeline: Timeline) -> str:
    """The JSON text, one document or event per line.

    One object a line keeps files readable and diffable, and lets the C encoder write each
    object (an indented dump runs the pure-Python encoder, several times slower).
    """
    return "".join(_pieces(timeline))


def dump(timeline: Timeline, path: str | Path) -> None:
    # Written piece by piece: a million events never exist at once as dicts or as one string.
    # A lone surrogate (from a JSON escape read earlier) is written as that same escape: valid JSON that reads back.
    with Path(path).open("w", encoding="utf-8", errors="backslashreplace") as handle:
        handle.writelines(_pieces(timeline))


_BATCH = 20_000


def _pieces(timeline: Timeline) -> Iterator[str]:
    encode = _encode
    with collector_paused():
        yield "{\n" + f'  "schema": {encode(SCHEMA)},\n'
        docs = [encode(_document(d)) for d in timeline.documents]
        yield '  "documents": [\n    ' + ",\n    ".join(docs) + "\n  ],\n" if docs else '  "documents": [],\n'
        events = sorted(timeline.events, key=_sort_key)  # stable: keeps same-day order
        entities = ",\n    ".join(encode(_entity(x)) for x in timeline.entities)
        closing = f',\n  "entities": [\n    {entities}\n  ]\n}}\n' if entities else ',\n  "entities": []\n}\n'
        if not events:
            yield '  "events": []' + closing
            return
        described: dict[int, tuple[str, str | None, str | None, str]] = {}
        yield '  "events": [\n    '
        for at in range(0, len(events), _BATCH):
            if at:
                yield ",\n    "
            yield ",\n    ".join([encode(_event(e, described)) for e in events[at : at + _BATCH]])
        yield "\n  ]" + closing


def load(path: str | Path) -> Timeline:
    """A file as a Timeline of Event objects; ValueError with a one-line reason naming the file.

    The size a file may have depends on the memory available (``safety.timeline_limit``):
    each event becomes a few KB of objects. ``events_columns.load_columns`` reads big files.
    """
    p = Path(path)
    from timeline_app.core.ingest.errors import LoadError
    from timeline_app.core.ingest.raw import read_limited

    memory = safety.available_memory()
    limit = safety.timeline_limit("json-objects")
    try:
        data = read_limited(p, limit)  # regular files only: a pipe or /dev/zero never ends
    except LoadError as exc:
        raise ValueError(f"{p.name}: cannot read ({exc})") from None
    if data is None:
        size = p.stat().st_size if p.exists() else limit + 1
        raise ValueError(safety.too_large_message(p.name, size, "json-objects", memory))
    body = memoryview(data)[3:] if data[:3] == codecs.BOM_UTF8 else memoryview(data)
    parsed = _fast_parse(body)
    try:
        if parsed is _UNPARSED:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise ValueError(f"{p.name}: cannot read as UTF-8 text ({exc})") from None
            del data, body
            return loads(text)
        del data, body
        with collector_paused():
            return from_dict(parsed)
    except ValueError as exc:
        raise ValueError(f"{p.name}: {exc}") from None


_UNPARSED = object()


def _fast_parse(body: memoryview) -> object:
    """The JSON value, parsed by msgspec (about twice as fast as the json module on big files).

    ``_UNPARSED`` for anything it refuses, which the json module then reads, so that what
    loads and the wording of every error stay those of the json module.
    """
    import msgspec  # here: a few milliseconds of start-up that small files need not pay

    if not is_utf8(body):
        return _UNPARSED
    with collector_paused():
        try:
            return msgspec.json.decode(body)
        except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
            return _UNPARSED


def is_utf8(body: memoryview) -> bool:
    """Whether the bytes are UTF-8, checked in slices (decoding all at once would copy them)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    step = 1 << 24
    try:
        for at in range(0, len(body), step):
            decoder.decode(body[at : at + step])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def loads(text: str) -> Timeline:
    if len(text) > safety.timeline_limit("json-objects"):
        raise ValueError("too large for an events file")
    with collector_paused():
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise ValueError(f"not valid JSON ({_one_line(exc)})") from None
        return from_dict(data)


def from_dict(data: object) -> Timeline:
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object with 'documents' and 'events'")
    docs = _list(data, "documents", "top level")
    events = _list(data, "events", "top level")
    timeline = Timeline()
    with collector_paused():
        timeline.documents = read_documents(docs)
        reader = _EventReader()
        timeline.events = [reader.read(raw, i) for i, raw in enumerate(events)]
        timeline.entities = read_entities(data.get("entities"))
    return timeline


def read_documents(docs: list[Any]) -> list[Document]:
    """The "documents" list of a file, as Documents (ValueError naming the bad one)."""
    return [_read_document(_obj(raw, f"documents[{i}]"), f"documents[{i}]") for i, raw in enumerate(docs)]


def read_entities(value: Any) -> list[Entity]:
    """The "entities" value of a file (absent or empty: none)."""
    return [_read_entity(raw, i) for i, raw in enumerate(value or [])]


def document_dict(d: Document) -> dict[str, Any]:
    """A document as the file writes it."""
    return _document(d)


def entity_dict(x: Entity) -> dict[str, Any]:
    return _entity(x)


def record_bytes(event: Event) -> bytes:
    """The event's record exactly as :func:`dump` writes it, UTF-8 encoded."""
    # A lone surrogate is written as its JSON escape, as dump does.
    return _encode(_event(event)).encode("utf-8", "backslashreplace")


def decode_record(data: bytes, index: int = 0) -> Event:
    """One event record (the bytes of one "events" entry) as an Event, by the rules of :func:`load`.

    ``index`` is the event's place in its file, named in the one-line ValueError a bad record gives.
    The record may be followed by the whitespace and comma that separated it from the next one.
    """
    data = data.rstrip()
    if data.endswith(b","):
        data = data[:-1]
    try:
        raw = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise ValueError(f"events[{index}]: not valid JSON ({_one_line(exc)})") from None
    return _EventReader().read(raw, index)


def read_event(raw: object, index: int) -> Event:
    """One decoded event object as an Event, by the rules of :func:`load`."""
    return _EventReader().read(raw, index)


def _read_entity(raw: object, index: int) -> Entity:
    where = f"entities[{index}]"
    obj = _obj(raw, where)
    aliases = obj.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ValueError(f"{where}.aliases: expected a list of names")
    count = obj.get("event_count", 0)
    if type(count) is not int or count < 0:
        raise ValueError(f"{where}.event_count: expected a count")
    return Entity(_str(obj, "id", where), _str(obj, "name", where), _str(obj, "kind", where), aliases, count)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects.

    A million dicts or events trigger it over and over although none of them can form a
    cycle; that alone made reading and writing large files several times slower.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _document(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "path": d.path,
        "title": d.title,
        "reference_date": d.reference_date.isoformat() if d.reference_date else None,
        "reference_date_basis": d.reference_date_basis,
        "reference_date_weak": d.reference_date_weak,
        "kind": d.kind,
        "text": d.text,
        "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value, "mod": t.mod,
             "basis": t.basis, "anchor": t.anchor}
            for t in d.timexes
        ],
    }  # fmt: skip


def _event(e: Event, described: dict[int, tuple[str, str | None, str | None, str]] | None = None) -> dict[str, Any]:
    d = e.date
    fields = described.get(id(d)) if described is not None else None
    if fields is None:
        lo, hi = d.earliest, d.latest
        fields = (d.edtf, lo.isoformat() if lo else None, hi.isoformat() if hi else None, d.precision)
        if described is not None:
            described[id(d)] = fields
    return {
        "id": e.id,
        "title": e.title,
        "sentence": e.sentence,
        "date": fields[0],
        "earliest": fields[1],
        "latest": fields[2],
        "precision": fields[3],
        "status": e.status.value,
        "date_basis": e.date_basis,
        "mentions": [{"document": m.document, "start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
        "actors": e.actors[:],
        "places": e.places[:],
        "quantities": e.quantities[:],
        "notes": e.notes,
        "group": e.group,
        "color": e.color,
        "curated": e.curated,
        "salience": e.salience,
        "confidence": e.confidence,
        "sources": (sources := e.sources),
        "source_count": len(sources),
        "conflict": [{"document": doc, "date": edtf} for doc, edtf in e.conflict],
        "slips": [{"document": doc, "expected": edtf, "told": told} for doc, edtf, told in e.slips],
    }


def _entity(x: Entity) -> dict[str, Any]:
    return {"id": x.id, "name": x.name, "kind": x.kind, "aliases": x.aliases[:], "event_count": x.events}


def _read_document(raw: dict[str, Any], where: str) -> Document:
    ref = raw.get("reference_date")
    timexes = []
    for j, t in enumerate(raw.get("timexes") or []):
        t = _obj(t, f"{where}.timexes[{j}]")
        timexes.append(
            Timex(
                start=_int(t, "start", where), end=_int(t, "end", where), text=_str(t, "text", where),
                type=_str(t, "type", where), value=_str(t, "value", where), mod=t.get("mod"),
                basis=str(t.get("basis") or ""), anchor=t.get("anchor"),
            )
        )  # fmt: skip
    return Document(
        id=_str(raw, "id", where),
        path=str(raw.get("path") or ""),
        text=str(raw.get("text") or ""),
        title=str(raw.get("title") or ""),
        reference_date=_date(ref, f"{where}.reference_date") if ref else None,
        reference_date_basis=str(raw.get("reference_date_basis") or ""),
        reference_date_weak=bool(raw.get("reference_date_weak", False)),
        timexes=timexes,
        kind=str(raw.get("kind") or "text"),
    )


_STATUSES = {s.value: s for s in Status}


class _EventReader:
    """Reads event objects, sharing one parsed date per distinct EDTF string (dates repeat a lot)."""

    def __init__(self) -> None:
        self._dates: dict[tuple[str, str | None], FuzzyDate] = {}

    def read(self, raw: object, index: int) -> Event:
        # The fast path checks types with plain `type(...) is` tests; anything unusual falls back
        # to the per-field helpers, which name the offending key.
        if type(raw) is not dict:
            raise ValueError(f"events[{index}]: expected an object")
        get = raw.get
        id_: Any = get("id")
        title: Any = get("title")
        edtf: Any = get("date")
        mentions_raw: Any = get("mentions")
        if type(id_) is not str or type(title) is not str or type(edtf) is not str or type(mentions_raw) is not list:
            where = f"events[{index}]"
            id_, title = _str(raw, "id", where), _str(raw, "title", where)
            edtf, mentions_raw = _str(raw, "date", where), _list(raw, "mentions", where)
        precision = get("precision")
        if type(precision) is not str:
            precision = None  # only a precision named by a string can change how a date reads
        fuzzy = self._dates.get((edtf, precision))
        if fuzzy is None:
            fuzzy = self._parse_date(edtf, precision, index)
        status_raw = get("status") or "occurred"
        status = _STATUSES.get(status_raw) if type(status_raw) is str else None
        if status is None:
            raise ValueError(f"events[{index}].status: unknown status {status_raw!r}")
        return Event(
            id_, title, _text(get("sentence")), fuzzy, status, _text(get("date_basis")),
            [_mention(m, index, j) for j, m in enumerate(mentions_raw)],
            _names(raw, "actors", index), _names(raw, "places", index), _names(raw, "quantities", index),
            _text(get("notes")), _text(get("group")), _text(get("color")), bool(get("curated", False)),
            _salience(get("salience"), index), _conflict(get("conflict"), index),
            _unit(get("confidence"), index, "confidence"), _slips(get("slips"), index),
        )  # fmt: skip

    def _parse_date(self, edtf: str, precision: str | None, index: int) -> FuzzyDate:
        try:
            fuzzy = parse_date(edtf, precision)
        except ValueError as exc:
            raise ValueError(f"events[{index}].date: {exc}") from None
        self._dates[(edtf, precision)] = fuzzy
        return fuzzy


def parse_date(edtf: str, precision: str | None) -> FuzzyDate:
    """An event's date from its "date" (EDTF) and "precision" keys; ValueError if unreadable.

    A "precision" that is no string is passed as None: it cannot change how a date reads.
    """
    return _span_point(FuzzyDate.from_edtf(edtf), precision)


def status_of(value: object) -> Status | None:
    """The Status a "status" value names (absent or empty: occurred), None if it names none."""
    value = value or "occurred"
    return _STATUSES.get(value) if type(value) is str else None


_SPAN_PRECISIONS = {p.value: p for p in (Precision.WEEK, Precision.QUARTER, Precision.SEASON)}


def _span_point(fuzzy: FuzzyDate, precision: str | None) -> FuzzyDate:
    """A week, or a span no EDTF unit names, is written as "first day/last day" with its precision
    beside it: read back, that is one such unit, not an interval of two days."""
    span = _SPAN_PRECISIONS.get(precision) if precision else None
    start, end = fuzzy.start, fuzzy.end
    if span is None or fuzzy.kind is not DateKind.INTERVAL or start is None or end is None:
        return fuzzy
    if start.precision is not Precision.DAY or end.precision is not Precision.DAY or end.latest < start.earliest:
        return fuzzy
    return FuzzyDate.point(DatePoint(start.earliest, end.latest, span))


def _salience(value: object, index: int) -> float:
    return _unit(value, index, "salience")


def _unit(value: object, index: int, key: str) -> float:
    if value is None:
        return 0.5  # files written before the key was kept
    if type(value) not in (int, float) or not 0 <= value <= 1:  # type: ignore[operator]
        raise ValueError(f"events[{index}].{key}: expected a number from 0 to 1")
    return float(value)  # type: ignore[arg-type]


def _slips(value: object, index: int) -> list[tuple[str, str, str]]:
    if value is None:
        return []
    where = f"events[{index}].slips"
    if not isinstance(value, list):
        raise ValueError(f"{where}: expected a list")
    out = []
    for raw in value:
        s = _obj(raw, where)
        out.append((_str(s, "document", where), _str(s, "expected", where), str(s.get("told") or "")))
    return out


def _conflict(value: object, index: int) -> list[tuple[str, str]]:
    if value is None:
        return []
    where = f"events[{index}].conflict"
    if not isinstance(value, list):
        raise ValueError(f"{where}: expected a list")
    return [(_str(_obj(c, where), "document", where), _str(_obj(c, where), "date", where)) for c in value]


def _mention(m: object, index: int, j: int) -> Mention:
    if type(m) is not dict:
        raise ValueError(f"events[{index}].mentions[{j}]: expected an object")
    doc, start, end = m.get("document"), m.get("start"), m.get("end")
    if type(doc) is not str or type(start) is not int or type(end) is not int:
        where = f"events[{index}]"
        doc, start, end = _str(m, "document", where), _int(m, "start", where), _int(m, "end", where)
    if not 0 <= start <= end:
        raise ValueError(f"events[{index}].mentions[{j}]: bad span {start}-{end}")
    return Mention(doc, start, end, _text(m.get("text")))


def _names(raw: dict[str, Any], key: str, index: int) -> list[str]:
    value = raw.get(key)
    if value is None:
        return []
    if type(value) is list:
        for v in value:
            if type(v) is not str:
                break
        else:
            return value[:]
    return _strings(raw, key, f"events[{index}]")


def _text(value: object) -> str:
    if type(value) is str:
        return value
    return str(value or "")


def _obj(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{where}: expected an object")
    return value


def _list(raw: dict[str, Any], key: str, where: str) -> list[Any]:
    value = raw.get(key)
    if not isinstance(value, list):
        raise ValueError(f"{where}: '{key}' must be a list")
    return value


def _str(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str):
        raise ValueError(f"{where}: '{key}' must be a string")
    return value


def _int(raw: dict[str, Any], key: str, where: str) -> int:
    value = raw.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{where}: '{key}' must be an integer")
    return value


def _strings(raw: dict[str, Any], key: str, where: str) -> list[str]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: '{key}' must be a list of strings")
    return list(value)


def _date(value: object, where: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{where}: not a YYYY-MM-DD date: {value!r}") from None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
