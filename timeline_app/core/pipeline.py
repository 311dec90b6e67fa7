"""Documents in, dated and sourced events out: load, find the reference date, tag, build events.

Each document gets a budget of characters and seconds. Extraction cost grows faster than the
text (a megabyte on one line takes minutes), so a document over its budget is extracted from a
first part only, smaller at each try, and the result is reported as partial: one document never
stalls a batch.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import math
import platform
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline_app.core.events import build_events
from timeline_app.core.events.confidence import rate_timeline
from timeline_app.core.events.crossdoc import merge_across_documents
from timeline_app.core.events.registry import build_registry, recount
from timeline_app.core.events.timexes import tag_with_asides
from timeline_app.core.ingest import LoadError, document_from_text, load_document
from timeline_app.core.model import Document, Event, Timeline
from timeline_app.core.reference_date import resolve_reference_date

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class Budget:
    """What one document may cost; beyond it, events come from a first part of the document only."""

    seconds: float = 4.0  # for the first try; each retry on a quarter of the text gets a quarter of the time
    chars: int = 400_000  # a longer text is extracted from its first this many characters

    @classmethod
    def unlimited(cls) -> Budget:
        return cls(math.inf, 2**62)


DEFAULT_BUDGET = Budget()
# Below this a part says too little to be worth a try.
_SMALLEST_PART = 1_000


@dataclass(slots=True)
class DocumentResult:
    """What one document gave, alone: the unit of work a batch runs anywhere and joins afterwards.

    Plain data, so it can come back from another process or machine.
    """

    path: str
    doc_id: str
    document: Document | None = None  # None when nothing could be extracted; `error` says why
    events: list[Event] = field(default_factory=list)
    error: str = ""
    partial: str = ""  # why the events come from a first part of the document only ("" when from all of it)


def extract_documents(
    paths: Iterable[str | Path],
    reference_date: date | None = None,
    progress: Progress | None = None,
    merge: bool = True,
    budget: Budget = DEFAULT_BUDGET,
) -> tuple[Timeline, list[tuple[str, str]]]:
    """Extract every file; a file that fails is reported in the error list and the others still processed.

    With ``merge``, a happening that several documents tell becomes one event with all their mentions.
    A document over its ``budget`` keeps the events of its first part, and the error list says so.
    """
    path_list = [Path(p) for p in paths]

    def each() -> Iterator[DocumentResult]:
        used_ids: set[str] = set()
        for done, path in enumerate(path_list):
            if progress is not None:
                progress(done, len(path_list), path.name)
            result = extract_one(path, document_id(path, used_ids), reference_date, budget)
            if result.document is not None:
                used_ids.add(result.doc_id)
            yield result
        if progress is not None:
            progress(len(path_list), len(path_list), "")

    return combine(each(), merge=merge)


def extract_one(path: str | Path, doc_id: str, reference_date: date | None, budget: Budget) -> DocumentResult:
    """One document's events, never raising for a bad document: its error is in the result."""
    path = Path(path)
    try:
        doc = _load_within(path, doc_id, budget)
        events, partial = _extract_within(doc, reference_date, budget)
    except LoadError as exc:
        return DocumentResult(str(path), doc_id, error=str(exc))
    except Exception as exc:  # a defect on one odd document must not stop the batch; extract_text still raises
        return DocumentResult(str(path), doc_id, error=describe_failure(exc))
    return DocumentResult(str(path), doc_id, doc, events, partial=partial)


def describe_failure(exc: BaseException) -> str:
    return f"could not extract events: {type(exc).__name__}: {exc}".splitlines()[0]


def combine(results: Iterable[DocumentResult], merge: bool = True) -> tuple[Timeline, list[tuple[str, str]]]:
    """The timeline of documents extracted one by one, in the order given, and the errors met.

    Everything that looks across documents happens here, after every document is done, so the
    result does not depend on where or in which order the documents were extracted.
    """
    timeline = Timeline()
    errors: list[tuple[str, str]] = []
    for result in results:
        if result.document is None:
            errors.append((result.path, result.error))
            continue
        if result.partial:
            errors.append((result.path, result.partial))
        timeline.documents.append(result.document)
        timeline.events.extend(result.events)
    # Names first: "GM" and "General Motors Corporation" then read alike when events are joined.
    entities = build_registry(timeline)
    if merge:
        merge_across_documents(timeline)
    timeline.entities = recount(timeline, entities)
    rate_timeline(timeline)
    sort_events(timeline)
    return timeline, errors


def extract_text(text: str, doc_id: str = "doc", reference_date: date | None = None, path: str = "") -> Timeline:
    """Extract from text already in memory (tests, pasted text in the viewer)."""
    if not text.strip():
        return Timeline()
    doc = document_from_text(text, doc_id, path)
    _process(doc, reference_date)
    timeline = Timeline(documents=[doc], events=_events(doc))
    timeline.entities = build_registry(timeline)
    rate_timeline(timeline)
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


def _load_within(path: Path, doc_id: str, budget: Budget) -> Document:
    """The document, read in the budget's time (a page's markup can take the HTML reader for ever)."""
    try:
        with _time_limit(budget.seconds):
            return load_document(path, doc_id)
    except _OutOfTime:
        raise LoadError(f"too complex: could not be read within {budget.seconds:g} s") from None


def _extract_within(doc: Document, reference_date: date | None, budget: Budget) -> tuple[list[Event], str]:
    """The document's events and "" or, over budget, the events of its first part and why they are partial.

    Every try works on a copy, so an interrupted one leaves nothing half done; the document keeps
    its whole text, and the events' offsets (into a first part) hold for it too.
    """
    original = dataclasses.replace(doc, timexes=[])
    size = min(len(doc.text), budget.chars)
    seconds = budget.seconds
    timed_out = False
    while True:
        part = dataclasses.replace(original, text=_first_part(original.text, size), timexes=[])
        try:
            with _time_limit(seconds):
                _process(part, reference_date)
                events = _events(part)
        except _OutOfTime:
            if size // 4 < _SMALLEST_PART:
                _adopt(doc, original)
                return [], f"too complex: no events could be extracted within {budget.seconds:g} s"
            # A quarter of the text costs at most a quarter of the time (extraction grows faster than text).
            size, seconds, timed_out = size // 4, max(seconds / 4, min(budget.seconds, 0.25)), True
            continue
        _adopt(doc, part)
        if len(part.text) == len(doc.text):
            return events, ""
        why = f"too complex to finish in {budget.seconds:g} s" if timed_out else "too large"
        return events, (
            f"{why}: events come from the first {len(part.text):,} of {len(doc.text):,} characters (partial result)"
        )


def _adopt(doc: Document, worked: Document) -> None:
    """What extraction found (reference date, time expressions) onto the document, which keeps its text."""
    for spec in dataclasses.fields(Document):
        if spec.name != "text":
            setattr(doc, spec.name, getattr(worked, spec.name))


def _first_part(text: str, size: int) -> str:
    """At most `size` characters, ending after a paragraph or a sentence where one is near the cut."""
    if len(text) <= size:
        return text
    for mark in ("\n", ". "):
        end = text.rfind(mark, size * 3 // 4, size)
        if end >= 0:
            return text[: end + len(mark)]
    return text[:size]


class _OutOfTime(BaseException):
    """Raised inside one document's extraction when its time runs out.

    A BaseException, so that no ``except Exception`` in the extractor takes it for its own error.
    """


# CPython can raise an exception in a running thread between two bytecodes; elsewhere only the size budget holds.
_CAN_INTERRUPT = platform.python_implementation() == "CPython"


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    """Raise `exception` in the thread at its next bytecode (None: withdraw one not yet raised)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception else None
    )


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the body with _OutOfTime after `seconds`, in whatever thread it runs.

    Works in worker threads too (the viewer loads in one), where signals cannot reach.
    """
    if not _CAN_INTERRUPT or not math.isfinite(seconds):
        yield
        return
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"running": True, "fired": False}
    timers: list[threading.Timer] = []

    def expire() -> None:
        with lock:
            if not state["running"]:
                return
            state["fired"] = True
            _raise_in(target, _OutOfTime)
            # Raised inside a callback the interpreter runs for itself (a weakref's, a finaliser's),
            # the exception is printed and dropped: until the body has stopped, it is raised again.
            _start_timer(_REPEAT_INTERRUPT_S, expire, timers)

    _start_timer(seconds, expire, timers)
    try:
        yield
    finally:
        while True:
            try:  # a repeat landing here, as the body ends, must not leave the timers running
                with lock:
                    state["running"] = False
                    fired = state["fired"]
                    for timer in timers:
                        timer.cancel()
                break
            except _OutOfTime:
                continue
        if fired:
            _raise_in(target, None)  # one still pending as the work ended: withdrawn, the result stands


# How soon an interruption the interpreter dropped is raised again.
_REPEAT_INTERRUPT_S = 0.1


def _start_timer(seconds: float, then: Callable[[], None], timers: list[threading.Timer]) -> None:
    timer = threading.Timer(seconds, then)
    timer.daemon = True
    timers.append(timer)
    timer.start()


def document_id(path: Path, used: set[str]) -> str:
    """An id from the file name, made unique among the ids in `used` (those of documents extracted before)."""
    base = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in path.stem) or "doc"
    candidate, n = base, 2
    while candidate in used:
        candidate = f"{base}-{n}"
        n += 1
    return candidate
