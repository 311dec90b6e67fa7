"""The edits a person makes to a timeline, as small reversible operations.

Every operation's ``apply`` changes the timeline in place and returns the operation that
undoes it, so an undo stack only needs to keep pairs of plain objects. Every edit marks
the events it touches as curated: a person has looked at them, and re-extraction keeps them.
"""

from __future__ import annotations

import bisect
import calendar
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Protocol

from timeline_app.core.curation import ChangeSummary, hand_set_basis, reconcile
from timeline_app.core.model import (
    DateKind,
    DatePoint,
    Document,
    Event,
    FuzzyDate,
    Mention,
    Precision,
    Status,
    Timeline,
    event_with_id,
)


class EditError(ValueError):
    """An edit that cannot be applied; the message says why in the user's terms."""


class Edit(Protocol):
    @property
    def label(self) -> str: ...

    def apply(self, timeline: Timeline) -> Edit:
        """Change ``timeline`` in place and return the edit that restores it."""
        ...


_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")

# The fields a person may set on an event, with what each one must hold.
EDITABLE_FIELDS: dict[str, type] = {
    "title": str,
    "date": FuzzyDate,
    "date_basis": str,
    "status": Status,
    "notes": str,
    "group": str,
    "color": str,
    "curated": bool,
}


def find_event(timeline: Timeline, event_id: str) -> Event:
    event = event_with_id(timeline.events, event_id)
    if event is None:
        raise EditError(f"no event with id {event_id!r} in this timeline")
    return event


def _check_value(name: str, value: object) -> None:
    expected = EDITABLE_FIELDS.get(name)
    if expected is None:
        raise EditError(f"{name!r} is not an editable event field")
    if not isinstance(value, expected):
        raise EditError(f"{name} must be a {expected.__name__}, not {type(value).__name__}")
    if name == "title" and not str(value).strip():
        raise EditError("an event needs a title")
    if name == "color" and value and not _COLOR.match(str(value)):
        raise EditError(f"colour must look like #rrggbb, not {value!r}")
    if isinstance(value, FuzzyDate):
        check_date(value)


def check_date(fd: FuzzyDate) -> None:
    """Reject dates that cannot be drawn: reversed ranges or a point without its unit."""
    if fd.kind is DateKind.POINT and fd.start is None:
        raise EditError("a dated event needs its day, month or year")
    if fd.kind is not DateKind.POINT and fd.start and fd.end and fd.start.earliest > fd.end.latest:
        raise EditError(f"the start ({fd.start.describe()}) is after the end ({fd.end.describe()})")


@dataclass(frozen=True, slots=True)
class SetFields:
    """Set some fields of one event; the event becomes curated unless ``curated`` is given."""

    event_id: str
    changes: tuple[tuple[str, object], ...]
    label: str = "Edit event"

    def apply(self, timeline: Timeline) -> SetFields:
        event = find_event(timeline, self.event_id)
        for name, value in self.changes:
            _check_value(name, value)
        changes = self.changes
        names = [name for name, _ in changes]
        if "date" in names and "date_basis" not in names:
            # A date a person typed or dragged is theirs: say so, and when, wherever the basis shows.
            changes = (*changes, ("date_basis", hand_set_basis(datetime.now())))
            names.append("date_basis")
        if "curated" not in names:
            names.append("curated")
        previous = tuple((name, getattr(event, name)) for name in names)
        for name, value in changes:
            setattr(event, name, value)
        if "curated" not in dict(changes):
            event.curated = True
        return SetFields(self.event_id, previous, self.label)


def set_fields(event_id: str, label: str = "Edit event", **changes: object) -> SetFields:
    return SetFields(event_id, tuple(changes.items()), label)


def set_title(event_id: str, title: str) -> SetFields:
    return set_fields(event_id, "Change title", title=title)


def set_date(event_id: str, fd: FuzzyDate) -> SetFields:
    return set_fields(event_id, "Change date", date=fd)


def set_status(event_id: str, status: Status) -> SetFields:
    return set_fields(event_id, "Change status", status=status)


def set_notes(event_id: str, notes: str) -> SetFields:
    return set_fields(event_id, "Change notes", notes=notes)


def set_group(event_id: str, group: str) -> SetFields:
    return set_fields(event_id, "Change group", group=group)


def set_color(event_id: str, color: str) -> SetFields:
    return set_fields(event_id, "Change colour", color=color)


@dataclass(frozen=True, slots=True)
class EditSequence:
    """Several edits that undo and redo as one step."""

    edits: tuple[Edit, ...]
    label: str

    def apply(self, timeline: Timeline) -> EditSequence:
        inverses: list[Edit] = []
        try:
            for edit in self.edits:
                inverses.append(edit.apply(timeline))
        except EditError:
            # Leave the timeline as it was: half an edit is worse than none.
            for inverse in reversed(inverses):
                inverse.apply(timeline)
            raise
        return EditSequence(tuple(reversed(inverses)), self.label)


def mark_reviewed(event_ids: Iterable[str], reviewed: bool = True) -> EditSequence:
    label = "Mark reviewed" if reviewed else "Mark unreviewed"
    return EditSequence(tuple(set_fields(i, label, curated=reviewed) for i in event_ids), label)


def touched_events(edit: Edit) -> set[str] | None:
    """Ids of the events ``edit`` changes in place; None if it adds, removes or replaces any.

    Views use it to re-read a few events instead of the whole timeline.
    """
    if isinstance(edit, SetFields):
        return {edit.event_id}
    if isinstance(edit, EditSequence):
        found: set[str] = set()
        for part in edit.edits:
            ids = touched_events(part)
            if ids is None:
                return None
            found |= ids
        return found
    return None


@dataclass(frozen=True, slots=True)
class ReplaceEvents:
    """Remove some events and insert others at given positions (add, delete and merge)."""

    remove: tuple[str, ...]
    insert: tuple[tuple[int, Event], ...]
    label: str

    def apply(self, timeline: Timeline) -> ReplaceEvents:
        events = timeline.events
        removed_ids = set(self.remove)
        new_ids = [e.id for _, e in self.insert]
        wanted = set(new_ids)
        if len(wanted) != len(new_ids):
            raise EditError(f"an event with id {new_ids[0]!r} already exists")
        # One pass finds what to remove and any clash: edits stay fast on 100k events.
        removed: list[tuple[int, Event]] = []
        for index, event in enumerate(events):
            if event.id in removed_ids:
                removed.append((index, event))
            elif event.id in wanted:
                raise EditError(f"an event with id {event.id!r} already exists")
        if len(removed) != len(removed_ids):
            missing = sorted(removed_ids - {e.id for _, e in removed})
            raise EditError(f"no event with id {missing[0]!r} in this timeline")
        for index, _ in reversed(removed):
            del events[index]
        # Ascending insertion at the original indices rebuilds the original order exactly.
        for index, event in sorted(self.insert, key=lambda pair: pair[0]):
            events.insert(min(index, len(events)), event)
        return ReplaceEvents(tuple(new_ids), tuple(removed), self.label)


@dataclass(frozen=True, slots=True)
class ReplaceContent:
    """Swap a timeline's documents and events wholesale (re-extraction, re-anchoring)."""

    documents: tuple[Document, ...]
    events: tuple[Event, ...]
    label: str

    def apply(self, timeline: Timeline) -> ReplaceContent:
        previous = ReplaceContent(tuple(timeline.documents), tuple(timeline.events), self.label)
        timeline.documents[:] = self.documents
        timeline.events[:] = self.events
        return previous


def unique_event_id(timeline: Timeline, stem: str = "user") -> str:
    taken = {e.id for e in timeline.events}
    n = 1
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


def _sorted_position(timeline: Timeline, fd: FuzzyDate) -> int:
    # Timelines are kept in date order; in one that is not, any position is as good.
    return bisect.bisect_right(timeline.events, fd.sort_key(), key=lambda e: e.date.sort_key())


def add_event(timeline: Timeline, event: Event) -> ReplaceEvents:
    """Insert a new event where its date sorts; it is curated since a person wrote it."""
    _check_value("title", event.title)
    check_date(event.date)
    if not event.id:
        event.id = unique_event_id(timeline)
    event.curated = True
    return ReplaceEvents((), ((_sorted_position(timeline, event.date), event),), "Add event")


def new_event(timeline: Timeline, title: str, fd: FuzzyDate, **fields: object) -> Event:
    event = Event(id=unique_event_id(timeline), title=title, sentence="", date=fd, curated=True)
    for name, value in fields.items():
        _check_value(name, value)
        setattr(event, name, value)
    return event


def delete_events(event_ids: Iterable[str]) -> ReplaceEvents:
    ids = tuple(dict.fromkeys(event_ids))
    if not ids:
        raise EditError("no events selected to delete")
    return ReplaceEvents(ids, (), "Delete event" if len(ids) == 1 else f"Delete {len(ids)} events")


def _span_days(fd: FuzzyDate) -> int:
    lo, hi = fd.earliest, fd.latest
    return (hi - lo).days if lo and hi else 1 << 30


def merged_date(dates: list[FuzzyDate]) -> FuzzyDate:
    """The earliest stated date; if none is stated, the tightest bounds all agree on."""
    stated = [d for d in dates if d.kind is not DateKind.BOUNDED and d.earliest is not None]
    if stated:
        return min(stated, key=lambda d: (d.sort_key()[0], _span_days(d)))
    lowers = [d.start for d in dates if d.start]
    uppers = [d.end for d in dates if d.end]
    lower = max(lowers, key=lambda p: p.earliest, default=None)
    upper = min(uppers, key=lambda p: p.latest, default=None)
    if lower and upper and lower.earliest > upper.latest:
        # The bounds contradict each other; keep the earliest event's own date instead.
        return min(dates, key=FuzzyDate.sort_key)
    return FuzzyDate.bounded(lower, upper)


def _union(lists: Iterable[list[str]]) -> list[str]:
    return list(dict.fromkeys(item for items in lists for item in items))


def merge_events(timeline: Timeline, event_ids: Iterable[str], new_id: str = "") -> ReplaceEvents:
    """Several events become one: mentions combined, the earliest stated date, old titles in the notes."""
    ids = list(dict.fromkeys(event_ids))
    if len(ids) < 2:
        raise EditError("select at least two events to merge")
    wanted = set(ids)
    positions = {e.id: i for i, e in enumerate(timeline.events) if e.id in wanted}
    missing = [i for i in ids if i not in positions]
    if missing:
        raise EditError(f"no event with id {missing[0]!r} in this timeline")
    parts = [timeline.events[positions[i]] for i in ids]
    fd = merged_date([e.date for e in parts])
    lead = min(parts, key=lambda e: (e.date.sort_key(), e.document))
    date_source = next((e for e in parts if e.date == fd), lead)
    mentions: dict[tuple[str, int, int], Mention] = {}
    for event in parts:
        for m in event.mentions:
            mentions.setdefault((m.document, m.start, m.end), m)
    titles = "; ".join(dict.fromkeys(e.title for e in parts))
    notes = "\n".join(n for n in dict.fromkeys(e.notes for e in parts) if n)
    merged = Event(
        id=new_id or unique_event_id(timeline, "merged"),
        title=lead.title,
        sentence=lead.sentence,
        date=fd,
        status=lead.status,
        date_basis=f"merged; date from “{date_source.title}”"
        + (f": {date_source.date_basis}" if date_source.date_basis else ""),
        mentions=[mentions[k] for k in sorted(mentions)],
        actors=_union(e.actors for e in parts),
        places=_union(e.places for e in parts),
        quantities=_union(e.quantities for e in parts),
        notes=(notes + "\n" if notes else "") + f"Merged from: {titles}",
        group=next((e.group for e in parts if e.group), ""),
        color=next((e.color for e in parts if e.color), ""),
        curated=True,
    )
    index = min(positions.values())
    return ReplaceEvents(tuple(ids), ((index, merged),), f"Merge {len(ids)} events")


def can_split(event: Event) -> bool:
    """Whether an event joins the reports of several documents (an automatic or a manual merge)."""
    first = event.mentions[0].document if event.mentions else ""
    return any(m.document != first for m in event.mentions)


def split_sources(timeline: Timeline, event_ids: Iterable[str]) -> ReplaceEvents:
    """Each event told by several documents becomes one event per document, as one undoable step.

    A part keeps its document's mentions and the names they hold (all of them if its sentences
    hold none), and takes the date that document gives when the event's conflict lists one;
    otherwise the sources agreed, and the part keeps the event's date. The part of the source whose
    sentence the event shows keeps the event's id, sentence, notes and slips; the others show their
    own first sentence under the same title. Parts are curated, so that re-extraction, which would
    merge them again, keeps them apart.
    """
    wanted = list(dict.fromkeys(event_ids))
    if not wanted:
        raise EditError("select an event told by several sources to split it")
    chosen = set(wanted)
    index_of = {e.id: i for i, e in enumerate(timeline.events) if e.id in chosen}
    missing = [i for i in wanted if i not in index_of]
    if missing:
        raise EditError(f"no event with id {missing[0]!r} in this timeline")
    splittable = [i for i in wanted if can_split(timeline.events[index_of[i]])]
    if not splittable:
        raise EditError("the selected event is told by one source only: there is nothing to split")
    taken = {e.id for e in timeline.events}
    parts: list[Event] = []
    for event_id in splittable:
        parts.extend(_split_one(timeline, timeline.events[index_of[event_id]], taken))
    # Each part goes where its date sorts among the events that stay, so that the timeline keeps its order.
    removed = {index_of[i] for i in splittable}
    rest = [e for i, e in enumerate(timeline.events) if i not in removed]
    places = sorted(
        (bisect.bisect_right(rest, part.date.sort_key(), key=lambda e: e.date.sort_key()), k, part)
        for k, part in enumerate(parts)
    )
    inserts = tuple((position + j, part) for j, (position, _k, part) in enumerate(places))
    label = "Split sources" if len(splittable) == 1 else f"Split sources of {len(splittable)} events"
    return ReplaceEvents(tuple(splittable), inserts, label)


def _split_one(timeline: Timeline, event: Event, taken: set[str]) -> list[Event]:
    from timeline_app.core.events.confidence import event_confidence

    conflict = dict(event.conflict)
    weak = {d.id for d in timeline.documents if d.reference_date_weak}
    sources = event.sources
    # The source whose sentence the event shows is the one that keeps its id, notes and slips.
    lead = next((d for d in sources if _tells(timeline, d, event.sentence)), sources[0])
    sources.remove(lead)
    parts = []
    for k, doc_id in enumerate([lead, *sources]):
        mentions = [m for m in event.mentions if m.document == doc_id]
        told = " ".join(m.text for m in mentions).casefold()
        fd, basis = event.date, event.date_basis
        if doc_id in conflict:
            try:
                fd = FuzzyDate.from_edtf(conflict[doc_id])
            except ValueError:
                pass  # a damaged conflict entry: the part keeps the event's date
            else:
                document = timeline.document(doc_id)
                name = (document.title or document.path) if document is not None else doc_id
                basis = f"the date “{name}” gives (its sources disagreed before they were split)"
        if k == 0:
            new_id = event.id
        else:
            new_id = _unique_id_from(f"{event.id}-{doc_id}", taken)
            taken.add(new_id)
        part = Event(
            id=new_id,
            title=event.title,
            sentence=event.sentence if k == 0 and event.sentence else mentions[0].text.strip(),
            date=fd,
            status=event.status,
            date_basis=basis,
            mentions=mentions,
            actors=[n for n in event.actors if n.casefold() in told] or list(event.actors),
            places=[n for n in event.places if n.casefold() in told] or list(event.places),
            quantities=[q for q in event.quantities if q.casefold() in told],
            notes=event.notes if k == 0 else "",
            group=event.group,
            color=event.color,
            curated=True,
            salience=event.salience,
            slips=list(event.slips) if k == 0 else [],
        )
        # How far the part's own date can be trusted now that it stands alone (not "checked by a person").
        part.confidence = event_confidence(replace(part, curated=False), doc_id in weak)
        parts.append(part)
    return parts


def _tells(timeline: Timeline, doc_id: str, sentence: str) -> bool:
    document = timeline.document(doc_id)
    return bool(sentence) and document is not None and sentence in document.text


def _unique_id_from(stem: str, taken: set[str]) -> str:
    if stem not in taken:
        return stem
    n = 2
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year", "interval", "bounded")


def build_date(
    precision: str,
    start: date | None,
    end: date | None = None,
    keep: FuzzyDate | None = None,
) -> FuzzyDate:
    """The FuzzyDate an editor means: a day, month or year; an interval; or undated between bounds.

    ``keep`` is the date being edited: an endpoint left on the same calendar unit keeps its
    original precision, so opening and confirming the editor never turns "Oct 2024" into a day.
    """
    if precision in ("day", "month", "year"):
        if start is None:
            raise EditError(f"choose the {precision} of the event")
        if precision == "day":
            return FuzzyDate.point(DatePoint.day(start))
        if precision == "month":
            return FuzzyDate.point(DatePoint.month(start.year, start.month))
        return FuzzyDate.point(DatePoint.year(start.year))
    if precision not in ("interval", "bounded"):
        raise EditError(f"unknown date precision {precision!r}")
    kind = DateKind.INTERVAL if precision == "interval" else DateKind.BOUNDED
    kept = keep if keep and keep.kind is kind else None
    lo = _endpoint(start, kept.start if kept else None, lower=True)
    hi = _endpoint(end, kept.end if kept else None, lower=False)
    fd = FuzzyDate(kind, lo, hi)
    check_date(fd)
    return fd


def _endpoint(day: date | None, original: DatePoint | None, lower: bool) -> DatePoint | None:
    if day is None:
        return None
    if original and (original.earliest if lower else original.latest) == day:
        return original
    return DatePoint.day(day)


def date_parts(fd: FuzzyDate) -> tuple[str, date | None, date | None]:
    """Split a date into what an editor shows: precision choice, first day, last day."""
    if fd.kind is DateKind.POINT and fd.start:
        p = fd.start.precision
        choice = {Precision.MONTH: "month", Precision.YEAR: "year"}.get(p, "day")
        if p in (Precision.WEEK, Precision.QUARTER, Precision.SEASON, Precision.DECADE, Precision.CENTURY):
            return "interval", fd.start.earliest, fd.start.latest
        return choice, fd.start.earliest, None
    return fd.kind.value, fd.earliest, fd.latest


_UNIT_DAYS = {
    Precision.WEEK: 7.0,
    Precision.MONTH: 30.436875,
    Precision.QUARTER: 91.310625,
    Precision.SEASON: 91.310625,
    Precision.YEAR: 365.2425,
    Precision.DECADE: 3652.425,
    Precision.CENTURY: 36524.25,
}
_UNIT_MONTHS = {
    Precision.MONTH: 1,
    Precision.QUARTER: 3,
    Precision.SEASON: 3,
    Precision.YEAR: 12,
    Precision.DECADE: 120,
    Precision.CENTURY: 1200,
}


def _add_months(d: date, months: int, last: bool) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise ValueError("that date is outside the calendar")
    day = calendar.monthrange(year, month + 1)[1] if last else 1
    return date(year, month + 1, day)


def shift_point(point: DatePoint, days: float) -> DatePoint:
    """``point`` moved by about ``days``, in whole units of its own precision (a month moves by months)."""
    p = point.precision
    try:
        if p is Precision.TIME and point.time:
            hours, _, minutes = point.time.partition(":")
            moment = datetime(
                point.earliest.year, point.earliest.month, point.earliest.day, int(hours), int(minutes or 0)
            )
            moment += timedelta(minutes=round(days * 1440 / 5) * 5)
            return DatePoint(moment.date(), moment.date(), Precision.TIME, f"{moment:%H:%M}")
        if p in (Precision.DAY, Precision.TIME):
            return DatePoint.day(point.earliest + timedelta(days=round(days)))
        if p is Precision.WEEK:
            step = timedelta(weeks=round(days / 7.0))
            return DatePoint(point.earliest + step, point.latest + step, p)
    except OverflowError as exc:
        raise ValueError("that date is outside the calendar") from exc
    months = round(days / _UNIT_DAYS[p]) * _UNIT_MONTHS[p]
    return DatePoint(_add_months(point.earliest, months, False), _add_months(point.latest, months, True), p, point.time)


def moved_date(fd: FuzzyDate, days: float, mode: str = "move") -> FuzzyDate:
    """The date an event gets when dragged ``days`` along the axis.

    ``mode`` "move" shifts the whole date, "start" or "end" only that end of a period (or of
    the bounds of an undated event). Each end moves in whole units of its own precision.
    Raises ValueError for an end the text leaves open or a start that would pass the end.
    """
    if mode not in ("move", "start", "end"):
        raise ValueError(f"unknown drag {mode!r}")
    if fd.kind is DateKind.POINT:
        if fd.start is None:
            raise ValueError("an event without a date cannot be moved")
        if mode == "end":
            raise ValueError("the end of an ongoing event is the date the article was written")
        return FuzzyDate.point(shift_point(fd.start, days))
    start, end = fd.start, fd.end
    if mode in ("move", "start"):
        if start is None:
            if mode == "start":
                raise ValueError("the start is open: the text gives none")
        else:
            start = shift_point(start, days)
    if mode in ("move", "end"):
        if end is None:
            if mode == "end":
                raise ValueError("the end is open: the text gives none")
        else:
            end = shift_point(end, days)
    moved = FuzzyDate(fd.kind, start, end)
    if start is not None and end is not None and start.earliest > end.latest:
        raise ValueError("the start would come after the end")
    return moved


USER_REFERENCE_BASIS = "set by the user"

# (paths, reference date or None to find it) -> (timeline of those documents, error messages)
Extractor = Callable[[list[str], date | None], tuple[Timeline, list[str]]]


def pipeline_extractor(paths: list[str], reference_date: date | None) -> tuple[Timeline, list[str]]:
    from timeline_app.core.pipeline import extract_documents

    timeline, errors = extract_documents(paths, reference_date=reference_date)
    return timeline, [_error_line(e) for e in errors]


def _error_line(error: object) -> str:
    if isinstance(error, tuple) and len(error) == 2:
        return f"{os.path.basename(str(error[0]))}: {error[1]}"
    return str(error)


@dataclass(slots=True)
class ContentChange:
    """A whole-content edit, with the summary a person should see."""

    edit: ReplaceContent
    summary: ChangeSummary


def _readable(doc: Document) -> bool:
    return bool(doc.text.strip()) or bool(doc.path and os.path.isfile(doc.path))


def _source_path(doc: Document, folder: str) -> str:
    if doc.path and os.path.isfile(doc.path):
        return doc.path
    # The file moved or was deleted: the text kept in the project is still worth re-reading.
    path = os.path.join(folder, f"{doc.id or 'document'}.txt")
    with open(path, "w", encoding="utf-8") as out:
        out.write(doc.text)
    return path


def reextract(
    timeline: Timeline,
    extract: Extractor = pipeline_extractor,
    document_ids: Iterable[str] | None = None,
    reference_dates: dict[str, date] | None = None,
) -> ContentChange:
    """Re-read documents (all, or ``document_ids``) and keep every curated event.

    Reference dates a person set (``reference_dates`` or earlier ones marked as set by the
    user) are passed to the extractor for their document; the others are found again.
    """
    wanted = set(document_ids) if document_ids is not None else None
    docs = [d for d in timeline.documents if wanted is None or d.id in wanted]
    if wanted is not None and len(docs) != len(wanted):
        raise EditError(f"no document with id {sorted(wanted - {d.id for d in docs})[0]!r}")
    # Sources known only by name (imported timelines) have nothing to read again: keep them.
    unreadable = [d for d in docs if not _readable(d)]
    if wanted is not None and unreadable:
        name = unreadable[0].title or unreadable[0].path or unreadable[0].id
        raise EditError(f"{name}: neither the file nor its text is available to read again")
    docs = [d for d in docs if _readable(d)]
    chosen = dict(reference_dates or {})
    for doc in docs:
        if doc.id not in chosen and doc.reference_date and doc.reference_date_basis == USER_REFERENCE_BASIS:
            chosen[doc.id] = doc.reference_date
    fresh = Timeline()
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="timeline-reextract-") as folder:
        origin = {_source_path(d, folder): d for d in docs}
        batches: list[tuple[list[str], date | None]] = [
            ([p for p, d in origin.items() if d.id not in chosen], None)
        ] + [([p], chosen[d.id]) for p, d in origin.items() if d.id in chosen]
        for paths, ref in batches:
            if not paths:
                continue
            try:
                part, problems = extract(paths, ref)
            except Exception as exc:  # the extractor is other code reading user files
                raise EditError(f"re-extraction failed: {exc}") from exc
            errors.extend(problems)
            _restore_origin(part, origin)
            fresh.documents.extend(part.documents)
            fresh.events.extend(part.events)
    for doc in fresh.documents:
        source = next((o for o in docs if o.path == doc.path), None)
        if source is not None and source.id in chosen:
            doc.reference_date = chosen[source.id]
            doc.reference_date_basis = USER_REFERENCE_BASIS
            doc.reference_date_weak = False
    new, summary = reconcile(timeline, fresh)
    summary.errors.extend(errors)
    summary.errors.extend(f"{d.title or d.path or d.id}: no text to read again (kept as it was)" for d in unreadable)
    label = "Re-extract" if wanted is None else "Change reference date" if reference_dates else "Re-extract document"
    return ContentChange(ReplaceContent(tuple(new.documents), tuple(new.events), label), summary)


def _restore_origin(part: Timeline, origin: dict[str, Document]) -> None:
    """Give re-read documents the id and path they have in the project.

    The extractor numbers documents its own way and may have read a stand-in file.
    """
    renames: dict[str, str] = {}
    for doc in part.documents:
        source = origin.get(doc.path) or next(
            (d for p, d in origin.items() if os.path.abspath(p) == os.path.abspath(doc.path)), None
        )
        if source is not None:
            renames[doc.id] = source.id
            doc.id, doc.path = source.id, source.path
    for event in part.events:
        for m in event.mentions:
            m.document = renames.get(m.document, m.document)


def reanchor_document(
    timeline: Timeline, doc_id: str, reference_date: date, extract: Extractor = pipeline_extractor
) -> ContentChange:
    """Change a document's reference date: its relative dates are worked out again from it."""
    if timeline.document(doc_id) is None:
        raise EditError(f"no document with id {doc_id!r}")
    return reextract(timeline, extract, [doc_id], {doc_id: reference_date})


def add_documents(timeline: Timeline, paths: list[str], extract: Extractor = pipeline_extractor) -> ContentChange:
    """Read more articles into the timeline; one already in it is re-read, keeping curated events."""
    if not paths:
        raise EditError("no files chosen")
    try:
        fresh, errors = extract(list(paths), None)
    except Exception as exc:  # the extractor is other code reading user files
        raise EditError(f"reading the articles failed: {exc}") from exc
    if not fresh.documents:
        raise EditError("no article could be read" + (f": {errors[0]}" if errors else ""))
    new, summary = reconcile(timeline, fresh)
    summary.errors.extend(errors)
    label = "Add article" if len(fresh.documents) == 1 else f"Add {len(fresh.documents)} articles"
    return ContentChange(ReplaceContent(tuple(new.documents), tuple(new.events), label), summary)
