"""Documents in, dated and sourced events out: load, find the reference date, tag, build events."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from timeline_app.core.events import build_events
from timeline_app.core.events.crossdoc import merge_across_documents
from timeline_app.core.events.timexes import tag_with_asides
from timeline_app.core.ingest import LoadError, document_from_text, load_document
from timeline_app.core.model import Document, Event, Timeline
from timeline_app.core.reference_date import resolve_reference_date

Progress = Callable[[int, int, str], None]


def extract_documents(
    paths: Iterable[str | Path],
    reference_date: date | None = None,
    progress: Progress | None = None,
    merge: bool = True,
) -> tuple[Timeline, list[tuple[str, str]]]:
    """Extract every file; a file that fails is reported in the error list and the others still processed.

    With ``merge``, a happening that several documents tell becomes one event with all their mentions.
    """
    path_list = [Path(p) for p in paths]
    timeline = Timeline()
    errors: list[tuple[str, str]] = []
    used_ids: set[str] = set()
    for done, path in enumerate(path_list):
        if progress is not None:
            progress(done, len(path_list), path.name)
        doc_id = _unique_id(path, used_ids)
        try:
            doc = load_document(path, doc_id)
            _process(doc, reference_date)
        except LoadError as exc:
            errors.append((str(path), str(exc)))
            continue
        except Exception as exc:  # a defect on one odd document must not stop the batch; extract_text still raises
            errors.append((str(path), f"could not extract events: {type(exc).__name__}: {exc}".splitlines()[0]))
            continue
        used_ids.add(doc_id)
        timeline.documents.append(doc)
        timeline.events.extend(_events(doc))
    if progress is not None:
        progress(len(path_list), len(path_list), "")
    if merge:
        merge_across_documents(timeline)
    sort_events(timeline)
    return timeline, errors


def extract_text(text: str, doc_id: str = "doc", reference_date: date | None = None, path: str = "") -> Timeline:
    """Extract from text already in memory (tests, pasted text in the viewer)."""
    if not text.strip():
        return Timeline()
    doc = document_from_text(text, doc_id, path)
    _process(doc, reference_date)
    timeline = Timeline(documents=[doc], events=_events(doc))
    sort_events(timeline)
    return timeline


def sort_events(timeline: Timeline) -> None:
    """Chronological; stable, so the order within a day set by the event builder survives."""
    timeline.events.sort(key=lambda e: e.date.sort_key())


def _process(doc: Document, reference_date: date | None) -> None:
    resolve_reference_date(doc, explicit=reference_date)
    doc.timexes = tag_with_asides(doc.text, doc.reference_date)


def _events(doc: Document) -> list[Event]:
    return build_events(doc)


def _unique_id(path: Path, used: set[str]) -> str:
    base = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in path.stem) or "doc"
    candidate, n = base, 2
    while candidate in used:
        candidate = f"{base}-{n}"
        n += 1
    return candidate
