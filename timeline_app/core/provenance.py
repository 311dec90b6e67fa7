"""What an event's sources say, in words: each source's sentences and date, where they disagree,
the chain of earlier expectations, and how far to trust the date.

Pure Python, for the viewer's detail pane, tooltips and lists. Dates are read from what the
model keeps: a source's date is its entry in ``Event.conflict`` when the sources disagree, else
the time expression its own sentence states (``Document.timexes``), else none.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from timeline_app.core.model import DateKind, DatePoint, Document, Event, FuzzyDate, Mention, Status, Timex

# (lowest value, words), highest first: "fairly sure (0.75)".
CONFIDENCE_LEVELS: tuple[tuple[float, str], ...] = (
    (0.99, "certain"),
    (0.85, "very sure"),
    (0.7, "fairly sure"),
    (0.5, "somewhat sure"),
    (0.3, "unsure"),
    (0.0, "doubtful"),
)


def confidence_words(value: float) -> str:
    """How sure the date is, in words: 0.85 "very sure", 0.75 "fairly sure", 0.35 "unsure"."""
    value = _unit(value)
    return next(words for lowest, words in CONFIDENCE_LEVELS if value >= lowest)


def confidence_text(value: float) -> str:
    """Words and number: "fairly sure (0.75)"."""
    return f"{confidence_words(value)} ({_unit(value):.2f})"


def _unit(value: float) -> float:
    return min(max(value, 0.0), 1.0) if value == value else 0.0  # NaN counts as no confidence


def source_count(event: Event) -> int:
    """How many documents tell the event (0 for one a person added)."""
    mentions = event.mentions
    if len(mentions) <= 1:
        return len(mentions)
    return len({m.document for m in mentions})


def date_words(fd: FuzzyDate) -> str:
    """A date in words without its precision: "2006", "Jun 2005", "~ 3 Sep 2025", "since Oct 2024"."""
    if fd.kind is DateKind.POINT and fd.start is not None:
        return ("~ " if fd.inferred else "") + fd.start.describe()
    return fd.describe()


@lru_cache(maxsize=4096)
def edtf_words(edtf: str) -> str:
    """An EDTF date in words ("2007-10" -> "Oct 2007"); the text itself when it is no EDTF.

    Remembered: a story's conflicts and slips name the same few dates over and over."""
    try:
        return date_words(FuzzyDate.from_edtf(edtf))
    except ValueError:
        return edtf


def day_words(iso: str) -> str:
    """ "2005-06-14" -> "14 Jun 2005"; the text itself when it is no ISO day."""
    try:
        return DatePoint.day(date.fromisoformat(iso)).describe()
    except ValueError:
        return iso


@dataclass(frozen=True, slots=True)
class SourceAccount:
    """One document's report of an event: its sentences and the date it gives."""

    document: str
    mentions: tuple[Mention, ...]
    date: str = ""  # EDTF as this source gives it; "" when its sentences state none
    words: str = ""  # how the source writes the date ("on October 25"), when read from its text
    disagrees: bool = False  # the source is one of those listed in the event's conflict


def source_accounts(event: Event, documents: Mapping[str, Document]) -> list[SourceAccount]:
    """Each source of ``event`` in the order first told, with its sentences and its date."""
    conflict = dict(event.conflict)
    accounts = []
    for doc_id in event.sources:
        mentions = tuple(m for m in event.mentions if m.document == doc_id)
        stated = _stated_date(event, documents.get(doc_id), mentions)
        if doc_id in conflict:
            words = stated.text if stated is not None and _edtf_of(stated) == conflict[doc_id] else ""
            accounts.append(SourceAccount(doc_id, mentions, conflict[doc_id], words, True))
        elif stated is not None:
            accounts.append(SourceAccount(doc_id, mentions, _edtf_of(stated), stated.text))
        else:
            accounts.append(SourceAccount(doc_id, mentions))
    return accounts


def _edtf_of(timex: Timex) -> str:
    return timex.value if timex.type != "TIME" else timex.value[:16]


def _readable(timex: Timex) -> FuzzyDate | None:
    if timex.type not in ("DATE", "TIME"):
        return None
    try:
        return FuzzyDate.from_edtf(_edtf_of(timex))
    except ValueError:
        return None  # PAST_REF, durations, sets: no date


def _stated_date(event: Event, document: Document | None, mentions: Sequence[Mention]) -> Timex | None:
    """The time expression in these sentences that dates the event: one agreeing with its date first."""
    if document is None or not mentions:
        return None
    inside = [
        t
        for t in document.timexes
        if any(m.start <= t.start and t.end <= m.end for m in mentions) and _readable(t) is not None
    ]
    if not inside:
        return None
    lo, hi = event.date.earliest, event.date.latest
    for timex in inside:
        fd = _readable(timex)
        assert fd is not None
        if (
            lo is None
            or hi is None
            or ((fd.earliest is None or fd.earliest <= hi) and (fd.latest is None or fd.latest >= lo))
        ):
            return timex
    return inside[0] if event.conflict else None


def slip_chain(event: Event, article: Callable[[int, str], str] | None = None) -> str:
    """Earlier expectations, then what happened: "expected 2006 (article of 14 Jun 2005), then 2007
    (3 Oct 2006), happened 25 Oct 2007"; "" without slips.

    ``article(k, words)`` may rewrite the words naming the k-th slip's article (a link, say); the
    rest of the text is left as it is.
    """
    if not event.slips:
        return ""
    name = article or (lambda _k, words: words)
    parts = []
    for k, (_doc, expected, told) in enumerate(event.slips):
        when = day_words(told) if told else "an undated article"
        if k == 0:
            parts.append(f"expected {edtf_words(expected)} ({name(k, f'article of {when}')})")
        else:
            parts.append(f"then {edtf_words(expected)} ({name(k, when)})")
    final = date_words(event.date)
    parts.append(f"now expected {final}" if event.status is Status.EXPECTED else f"happened {final}")
    return ", ".join(parts)


def support_summary(event: Event) -> str:
    """One line for tooltips: "told by 3 sources · fairly sure (0.75) · sources disagree on the date"."""
    n = source_count(event)
    parts = [f"told by {n} sources" if n > 1 else "told by 1 source" if n == 1 else "added by hand"]
    parts.append(confidence_text(event.confidence))
    if event.conflict:
        parts.append("sources disagree on the date")
    if event.slips:
        parts.append(f"expected earlier ({len(event.slips)}×)")
    return " · ".join(parts)
