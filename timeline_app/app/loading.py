"""Loading documents in the background, without Qt.

``load_paths`` opens timeline files (events JSON, TimelineJS, CSV, iCalendar, Timeline XML,
Arrow columns) through the ``io.formats`` registry and sends articles (TimeML included) through
the extraction pipeline; one bad file becomes an error line naming it and the rest still load.
``BackgroundLoad`` runs it (and builds the EventStore) in a plain thread, so the command line
can start loading before Qt is even imported and the window picks the result up later.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from timeline_app.app.big_timelines import ColumnsFile
from timeline_app.app.load_job import LoadJob, ProgressFn, StartedLoad
from timeline_app.core.model import Timeline

__all__ = ["BackgroundLoad", "LoadJob", "ProgressFn", "StartedLoad", "load_for_view", "load_paths", "merge"]


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


def reason_only(path: str | Path, reason: object) -> str:
    """The reason a file failed, without the file name that readers put before it ("x.json: …")."""
    text, name = str(reason), Path(str(path)).name
    return text[len(name) + 2 :] if name and text.startswith(f"{name}: ") else text


def describe_error(error: Any) -> str:
    """One line naming the file and why, whatever shape the pipeline reports errors in."""
    if isinstance(error, tuple | list) and len(error) == 2:
        path, reason = error
        return f"{path}: {reason_only(path, reason)}"
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


# Timeline files by extension; anything else is an article to extract. ".xml" is looked into:
# a Timeline file is a timeline, TimeML and any other XML is text with markup.
_TIMELINE_SUFFIXES = {".json", ".csv", ".ics", ".ical", ".ifb", ".timeline", ".arrow"}


def timeline_format(path: str | Path) -> str | None:
    """The ``io.formats`` importer that opens ``path`` as a timeline, or None for an article.

    The window, the command line and ``import`` all ask this, so a ``.json`` or ``.ics`` file is
    read the same way everywhere. Raises FormatError for a timeline file whose kind cannot be told.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix != ".xml" and suffix not in _TIMELINE_SUFFIXES:
        return None  # an article: no need to load the registry and every reader it names
    from timeline_app.io.formats import IMPORTERS, detect_import_format
    from timeline_app.io.safety import FormatError

    if suffix == ".xml":
        try:
            fmt = detect_import_format(p)
        except FormatError:
            return None
        return fmt if fmt != "timeml" else None
    fmt = detect_import_format(p)
    return fmt if fmt in IMPORTERS and fmt != "timeml" else None


def load_paths(
    paths: Sequence[str], reference_date: date | None = None, progress: ProgressFn | None = None
) -> tuple[Timeline, list[str]]:
    """Timeline files through their importers, articles through the extraction pipeline, merged in that order."""
    files = expand_paths(paths)
    errors: list[str] = []
    timeline = Timeline()
    timeline_files: list[tuple[str, str]] = []
    text_files: list[str] = []
    for path in files:
        try:
            fmt = timeline_format(path)
        except Exception as exc:  # an unreadable or unrecognisable timeline file: named, the rest load
            errors.append(describe_error((path, exc)))
            continue
        if fmt is None:
            text_files.append(path)
        else:
            timeline_files.append((path, fmt))
    total = len(files)
    done = total - len(timeline_files) - len(text_files)  # the files already refused
    for path, fmt in timeline_files:
        if progress:
            progress(done, total, path)
        try:
            from timeline_app.io.formats import IMPORTERS

            timeline = merge(timeline, IMPORTERS[fmt].function(Path(path)))
        except ModuleNotFoundError as exc:
            errors.append(f"{path}: cannot read this timeline here ({exc.name} is missing)")
        except Exception as exc:
            errors.append(describe_error((path, exc)))
        done += 1
    if text_files:
        extracted, extract_errors = _extract(text_files, reference_date, done, progress)
        errors.extend(extract_errors)
        timeline = merge(timeline, extracted)
    if progress:
        progress(total, total, "")
    return timeline, errors


def _extract(
    paths: list[str], reference_date: date | None, offset: int, progress: ProgressFn | None
) -> tuple[Timeline, list[str]]:
    """Articles through the extraction pipeline, or from the cache when read before just so."""
    from timeline_app.app import extraction_cache

    key = extraction_cache.key_for(paths, reference_date) if extraction_cache.enabled() else None
    cached = extraction_cache.lookup(key) if key else None
    if cached is not None:
        return cached, []
    try:
        from timeline_app.core import pipeline
    except ModuleNotFoundError as exc:
        return Timeline(), [f"{p}: the extraction engine is not available ({exc.name})" for p in paths]

    def report(current: int, count: int, name: str) -> None:
        if progress is not None:
            progress(offset + current, offset + count, name)

    extracted, extract_errors = pipeline.extract_documents(paths, reference_date=reference_date, progress=report)
    if key and not extract_errors:
        extraction_cache.store(key, extracted)
    return extracted, [describe_error(e) for e in extract_errors]


def load_for_view(
    paths: Sequence[str], reference_date: date | None = None, progress: ProgressFn | None = None
) -> tuple[Timeline | ColumnsFile, list[str]]:
    """What a window loads: :func:`load_paths`, except that one big timeline file comes as columns.

    A columns result is only the path of an Arrow file to map, so that it crosses from a loading
    child to the window without copying a million events through a pipe.
    """
    from timeline_app.app.big_timelines import columnar_source, needs_conversion, prepare

    source = columnar_source(expand_paths(paths))
    if source is None:
        return load_paths(paths, reference_date, progress)
    if progress:
        # Said in words: the first opening of a big file takes a while, later ones do not.
        note = " (reading it into columns, once)" if needs_conversion(source) else ""
        progress(0, 1, f"{source}{note}")
    try:
        ref = prepare(source)
    except Exception as exc:  # an unreadable file is reported like any other
        return Timeline(), [describe_error((str(source), exc))]
    if progress:
        progress(1, 1, "")
    return ref, []


class BackgroundLoad(LoadJob):
    """``load_paths`` plus the EventStore build, in a daemon thread."""

    def __init__(self, paths: Sequence[str], reference_date: date | None = None) -> None:
        super().__init__(paths, reference_date)
        self._thread = threading.Thread(target=self._run, name="timeline-load", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self._finish(lambda: load_for_view(self.paths, self.reference_date, self._progress))
