"""Re-extraction that keeps what a person curated.

Given the timeline a person has been editing and a fresh extraction of some or all of its
documents, build the new timeline: curated events stay exactly as the person left them and
stand in for the fresh events they correspond to (same mention span, or the same mention
text when the article text moved), uncurated events are replaced by the fresh ones, and
nothing from a document the fresh extraction did not cover is touched. The summary tells
what was added, removed and re-dated.
"""

from __future__ import annotations

import bisect
import dataclasses
import os
from dataclasses import dataclass, field
from datetime import datetime

from timeline_app.core.model import Event, Mention, Timeline

HAND_SET = "set by hand"


def hand_set_basis(when: datetime) -> str:
    """Why a date is what it is once a person changed it: by hand, and when."""
    return f"{HAND_SET} on {when.day} {when:%b %Y} at {when:%H:%M}"


def is_hand_set(basis: str) -> bool:
    return basis.startswith(HAND_SET)


@dataclass(slots=True)
class ChangeSummary:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    redated: list[tuple[str, str, str]] = field(default_factory=list)  # title, old date, new date
    kept: list[str] = field(default_factory=list)  # curated events kept as the person left them
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # title, kept date, fresh date
    unmatched: list[str] = field(default_factory=list)  # curated events the new extraction no longer finds
    errors: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.redated)

    def text(self, limit: int = 12) -> str:
        """A report for people: counts first, then the titles (at most ``limit`` per list)."""
        lines = [
            f"{len(self.added)} added, {len(self.removed)} removed, {len(self.redated)} re-dated; "
            f"{len(self.kept)} curated kept."
        ]

        def section(heading: str, items: list[str]) -> None:
            if not items:
                return
            lines.append(f"{heading}:")
            lines.extend(f"  • {item}" for item in items[:limit])
            if len(items) > limit:
                lines.append(f"  … and {len(items) - limit} more")

        section("Added", self.added)
        section("Removed", self.removed)
        section("Re-dated", [f"{t}: {old} → {new}" for t, old, new in self.redated])
        section(
            "Kept your date although the new extraction differs",
            [f"{t}: {mine} (new extraction: {new})" for t, mine, new in self.conflicts],
        )
        section("Curated but no longer found in the text (kept)", self.unmatched)
        section("Problems", self.errors)
        return "\n".join(lines)


def _same_file(a: str, b: str) -> bool:
    if not a or not b:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normpath(os.path.abspath(a)) == os.path.normpath(os.path.abspath(b))


def align_documents(old: Timeline, fresh: Timeline) -> Timeline:
    """Give fresh documents the ids of the old documents read from the same file.

    Extraction numbers documents its own way; without this a re-extracted article would look
    like a new one and every curated event would lose its match.
    """
    taken = {d.id for d in old.documents}
    renames: dict[str, str] = {}
    for doc in fresh.documents:
        twin = next((o for o in old.documents if o.id == doc.id and _same_file(o.path, doc.path)), None)
        twin = twin or next((o for o in old.documents if _same_file(o.path, doc.path)), None)
        if twin is not None:
            renames[doc.id] = twin.id
        elif doc.id in taken:
            n = 2
            while f"{doc.id}-{n}" in taken:
                n += 1
            renames[doc.id] = f"{doc.id}-{n}"
        taken.add(renames.get(doc.id, doc.id))
    if all(k == v for k, v in renames.items()):
        return fresh
    documents = [dataclasses.replace(d, id=renames.get(d.id, d.id)) for d in fresh.documents]
    events = [
        dataclasses.replace(
            e, mentions=[dataclasses.replace(m, document=renames.get(m.document, m.document)) for m in e.mentions]
        )
        for e in fresh.events
    ]
    return Timeline(documents=documents, events=events)


class _SpanIndex:
    """Finds fresh events by overlapping mention span or by identical mention text, per document."""

    def __init__(self, events: list[Event]) -> None:
        self._spans: dict[str, list[tuple[int, int, int]]] = {}
        self._texts: dict[tuple[str, str], list[int]] = {}
        for index, event in enumerate(events):
            for m in event.mentions:
                self._spans.setdefault(m.document, []).append((m.start, m.end, index))
                key = _text_key(m)
                if key[1]:
                    self._texts.setdefault(key, []).append(index)
        self._longest: dict[str, int] = {}
        for doc, spans in self._spans.items():
            spans.sort()
            self._longest[doc] = max(end - start for start, end, _ in spans)

    def overlapping(self, m: Mention) -> list[tuple[int, int]]:
        """(overlap in characters, event index) for every fresh mention overlapping ``m``."""
        spans = self._spans.get(m.document, [])
        lo = bisect.bisect_left(spans, (m.start - self._longest.get(m.document, 0), -1, -1))
        found = []
        for start, end, index in spans[lo:]:
            if start >= m.end:
                break
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > 0:
                found.append((overlap, index))
        return found

    def same_text(self, m: Mention) -> list[int]:
        return self._texts.get(_text_key(m), [])


def _text_key(m: Mention) -> tuple[str, str]:
    return (m.document, " ".join(m.text.split()).casefold())


def _candidates(event: Event, index: _SpanIndex, texts: dict[str, str]) -> dict[int, int]:
    """Fresh events that are the same happening as ``event``, scored by shared characters."""
    scores: dict[int, int] = {}
    for m in event.mentions:
        current = texts.get(m.document)
        if current is not None and current[m.start : m.end] == m.text:
            for overlap, i in index.overlapping(m):
                scores[i] = max(scores.get(i, 0), overlap)
        else:
            # The text moved or changed: look for the same words wherever they are now.
            for i in index.same_text(m):
                scores[i] = max(scores.get(i, 0), len(m.text))
    return scores


def _unique_id(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"


def _pair_identical(
    old: list[Event], fresh: list[Event], suppressed: set[int], texts: dict[str, str]
) -> tuple[dict[int, int], set[int]]:
    """Old and fresh events with exactly the same mentions: the common case, paired in one pass."""
    by_spans: dict[tuple[tuple[str, int, int], ...], list[int]] = {}
    for i, event in enumerate(fresh):
        if i not in suppressed and event.mentions:
            by_spans.setdefault(_span_key(event), []).append(i)
    paired_old: dict[int, int] = {}
    paired_fresh: set[int] = set()
    for o, event in enumerate(old):
        same = by_spans.get(_span_key(event))
        if not same or not all(texts.get(m.document, "")[m.start : m.end] == m.text for m in event.mentions):
            continue
        i = same.pop(0)
        paired_old[o] = i
        paired_fresh.add(i)
    return paired_old, paired_fresh


def _span_key(event: Event) -> tuple[tuple[str, int, int], ...]:
    return tuple(sorted((m.document, m.start, m.end) for m in event.mentions))


def reconcile(old: Timeline, fresh: Timeline) -> tuple[Timeline, ChangeSummary]:
    """The new timeline after re-extracting the documents in ``fresh``, and what changed.

    ``old`` is not modified; its curated events are carried over as the same objects. The
    fresh events are taken over as they are, with ids changed to the old ones they replace.
    """
    fresh = align_documents(old, fresh)
    covered = {d.id for d in fresh.documents}
    texts = {d.id: d.text for d in fresh.documents}
    index = _SpanIndex(fresh.events)
    summary = ChangeSummary()

    kept: list[Event] = []
    replaceable: list[Event] = []
    for event in old.events:
        docs = {m.document for m in event.mentions}
        if not docs or not docs & covered:
            kept.append(event)  # user-written, or from a document not re-read
        elif event.curated or not docs <= covered:
            kept.append(event)  # a person's version, or partly from a document not re-read
        else:
            replaceable.append(event)

    suppressed: set[int] = set()
    for event in kept:
        if not {m.document for m in event.mentions} & covered:
            continue
        scores = _candidates(event, index, texts)
        suppressed.update(scores)
        if event.curated:
            summary.kept.append(event.title)
            if not scores:
                summary.unmatched.append(event.title)
            else:
                best = fresh.events[max(scores, key=lambda i: scores[i])]
                if best.date.edtf != event.date.edtf:
                    summary.conflicts.append((event.title, event.date.describe(), best.date.describe()))

    paired_old, paired_fresh = _pair_identical(replaceable, fresh.events, suppressed, texts)
    # The rest: best overlap first, one to one.
    pairs = sorted(
        (
            (score, -o, i)
            for o, event in enumerate(replaceable)
            if o not in paired_old
            for i, score in _candidates(event, index, texts).items()
        ),
        reverse=True,
    )
    for _, neg_o, i in pairs:
        o = -neg_o
        if o in paired_old or i in paired_fresh or i in suppressed:
            continue
        paired_old[o] = i
        paired_fresh.add(i)

    taken = {e.id for e in kept}
    result = list(kept)
    fresh_to_old = {i: o for o, i in paired_old.items()}
    for i, event in enumerate(fresh.events):
        if i in suppressed:
            continue
        if i in fresh_to_old:
            previous = replaceable[fresh_to_old[i]]
            event.id = previous.id  # keeps the selection and links to it across re-extraction
            if previous.date.edtf != event.date.edtf:
                summary.redated.append((event.title, previous.date.describe(), event.date.describe()))
        else:
            summary.added.append(event.title)
        event.id = _unique_id(event.id, taken)
        taken.add(event.id)
        result.append(event)
    summary.removed = [e.title for o, e in enumerate(replaceable) if o not in paired_old]

    fresh_docs = {d.id: d for d in fresh.documents}
    documents = [fresh_docs.pop(d.id, d) for d in old.documents] + list(fresh_docs.values())
    timeline = Timeline(documents=documents, events=result)
    timeline.sort()
    return timeline, summary
