"""Loading documents off the GUI thread.

``load_paths`` is plain Python: JSON timelines are read with the io layer, everything else
goes through the extraction pipeline; one bad file becomes an error message naming it and
the rest still load. ``LoadThread`` runs it in a QThread and reports back with signals only,
never touching a widget from the worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from timeline_app.core.model import Timeline
from timeline_app.core.store import EventStore

ProgressFn = Callable[[int, int, str], None]


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files as given; a directory stands for the visible files directly inside it."""
    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(str(c) for c in sorted(p.iterdir()) if c.is_file() and not c.name.startswith("."))
        else:
            out.append(str(p))
    return out


def describe_error(error: Any) -> str:
    """One line naming the file and why, whatever shape the pipeline reports errors in."""
    if isinstance(error, tuple | list) and len(error) == 2:
        return f"{error[0]}: {error[1]}"
    for path_attr, reason_attr in (("path", "reason"), ("path", "message")):
        if hasattr(error, path_attr) and hasattr(error, reason_attr):
            return f"{getattr(error, path_attr)}: {getattr(error, reason_attr)}"
    return str(error)


def merge(into: Timeline, other: Timeline) -> Timeline:
    """Append ``other``'s documents and events, renaming ids that would collide."""
    if not into.documents and not into.events:
        return other
    doc_ids = {d.id for d in into.documents}
    event_ids = {e.id for e in into.events}
    renamed: dict[str, str] = {}
    for doc in other.documents:
        new_id = doc.id
        n = 2
        while new_id in doc_ids:
            new_id, n = f"{doc.id}-{n}", n + 1
        if new_id != doc.id:
            renamed[doc.id] = new_id
            doc.id = new_id
        doc_ids.add(new_id)
        into.documents.append(doc)
    for event in other.events:
        for mention in event.mentions:
            mention.document = renamed.get(mention.document, mention.document)
        new_id = event.id
        n = 2
        while new_id in event_ids:
            new_id, n = f"{event.id}-{n}", n + 1
        event.id = new_id
        event_ids.add(new_id)
        into.events.append(event)
    # Stable, by date only: the order within a day chosen by the event builder survives.
    into.events.sort(key=lambda e: e.date.sort_key())
    return into


def load_paths(
    paths: Sequence[str], reference_date: date | None = None, progress: ProgressFn | None = None
) -> tuple[Timeline, list[str]]:
    files = expand_paths(paths)
    errors: list[str] = []
    timeline = Timeline()
    json_files = [f for f in files if f.lower().endswith(".json")]
    text_files = [f for f in files if not f.lower().endswith(".json")]
    total = len(files)
    done = 0
    for path in json_files:
        if progress:
            progress(done, total, path)
        try:
            from timeline_app.io import events_json

            timeline = merge(timeline, events_json.load(path))
        except ModuleNotFoundError as exc:
            errors.append(f"{path}: cannot read timeline JSON here ({exc.name} is missing)")
        except Exception as exc:
            errors.append(f"{path}: {exc}")
        done += 1
    if text_files:
        try:
            from timeline_app.core import pipeline
        except ModuleNotFoundError as exc:
            errors.extend(f"{p}: the extraction engine is not available ({exc.name})" for p in text_files)
        else:
            offset = done

            def report(current: int, count: int, name: str) -> None:
                if progress is not None:
                    progress(offset + current, offset + count, name)

            extracted, extract_errors = pipeline.extract_documents(
                text_files, reference_date=reference_date, progress=report
            )
            errors.extend(describe_error(e) for e in extract_errors)
            timeline = merge(timeline, extracted)
    if progress:
        progress(total, total, "")
    return timeline, errors


class LoadThread(QThread):
    """Runs ``load_paths`` in a worker thread; results arrive through ``loaded``."""

    progressed = Signal(int, int, str)  # done, total, current file
    loaded = Signal(object, list, object)  # Timeline, error lines, EventStore (built here too)

    def __init__(self, paths: Sequence[str], reference_date: date | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = list(paths)
        self.reference_date = reference_date

    def run(self) -> None:
        try:
            timeline, errors = load_paths(self.paths, self.reference_date, self.progressed.emit)
            # Sorting a large timeline into arrays takes seconds: do it here, not in the GUI thread.
            store = EventStore.from_timeline(timeline)
        except Exception as exc:  # the GUI must hear about any failure, whatever it is
            timeline, errors, store = Timeline(), [f"loading failed: {exc}"], EventStore.empty()
        self.loaded.emit(timeline, errors, store)
