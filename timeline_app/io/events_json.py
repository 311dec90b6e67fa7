"""The events JSON interchange format: documents and chronological events with sources.

Required keys are written exactly as specified; extra keys (document text, time expressions,
curation fields) let the viewer reopen a file without its sources. ``load`` validates the shape
and raises ValueError with a one-line reason on anything else.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from timeline_app.core.model import Document, Event, FuzzyDate, Mention, Status, Timeline, Timex

MAX_JSON_BYTES = 200 * 1024 * 1024


def to_dict(timeline: Timeline) -> dict[str, Any]:
    events = sorted(timeline.events, key=lambda e: e.date.sort_key())  # stable: keeps same-day order
    return {
        "documents": [_document(d) for d in timeline.documents],
        "events": [_event(e) for e in events],
    }


def dumps(timeline: Timeline) -> str:
    return json.dumps(to_dict(timeline), ensure_ascii=False, indent=2) + "\n"


def dump(timeline: Timeline, path: str | Path) -> None:
    Path(path).write_text(dumps(timeline), encoding="utf-8")


def load(path: str | Path) -> Timeline:
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise ValueError(f"{p.name}: cannot read ({exc.strerror or exc})") from None
    if size > MAX_JSON_BYTES:
        raise ValueError(f"{p.name}: {size / 1e6:.0f} MB is too large for an events file")
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{p.name}: cannot read as UTF-8 text ({exc})") from None
    try:
        return loads(text)
    except ValueError as exc:
        raise ValueError(f"{p.name}: {exc}") from None


def loads(text: str) -> Timeline:
    if len(text) > MAX_JSON_BYTES:
        raise ValueError("too large for an events file")
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
    for i, raw in enumerate(docs):
        timeline.documents.append(_read_document(_obj(raw, f"documents[{i}]"), f"documents[{i}]"))
    for i, raw in enumerate(events):
        timeline.events.append(_read_event(_obj(raw, f"events[{i}]"), f"events[{i}]"))
    return timeline


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


def _event(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "title": e.title,
        "sentence": e.sentence,
        "date": e.date.edtf,
        "earliest": e.date.earliest.isoformat() if e.date.earliest else None,
        "latest": e.date.latest.isoformat() if e.date.latest else None,
        "precision": e.date.precision,
        "status": e.status.value,
        "date_basis": e.date_basis,
        "mentions": [{"document": m.document, "start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
        "actors": list(e.actors),
        "places": list(e.places),
        "quantities": list(e.quantities),
        "notes": e.notes,
        "group": e.group,
        "color": e.color,
        "curated": e.curated,
    }


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


def _read_event(raw: dict[str, Any], where: str) -> Event:
    edtf = _str(raw, "date", where)
    try:
        fuzzy = FuzzyDate.from_edtf(edtf)
    except ValueError as exc:
        raise ValueError(f"{where}.date: {exc}") from None
    try:
        status = Status(raw.get("status") or "occurred")
    except ValueError:
        raise ValueError(f"{where}.status: unknown status {raw.get('status')!r}") from None
    mentions = []
    for j, m in enumerate(_list(raw, "mentions", where)):
        m = _obj(m, f"{where}.mentions[{j}]")
        start, end = _int(m, "start", where), _int(m, "end", where)
        if not 0 <= start <= end:
            raise ValueError(f"{where}.mentions[{j}]: bad span {start}-{end}")
        mentions.append(Mention(_str(m, "document", where), start, end, str(m.get("text") or "")))
    return Event(
        id=_str(raw, "id", where),
        title=_str(raw, "title", where),
        sentence=str(raw.get("sentence") or ""),
        date=fuzzy,
        status=status,
        date_basis=str(raw.get("date_basis") or ""),
        mentions=mentions,
        actors=_strings(raw, "actors", where),
        places=_strings(raw, "places", where),
        quantities=_strings(raw, "quantities", where),
        notes=str(raw.get("notes") or ""),
        group=str(raw.get("group") or ""),
        color=str(raw.get("color") or ""),
        curated=bool(raw.get("curated", False)),
    )


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
