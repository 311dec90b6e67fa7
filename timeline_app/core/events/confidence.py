"""How far to trust an event's date, in [0, 1]: how it was dated, how many sources tell it, and whether
they disagree or the article's own date was only guessed."""

from __future__ import annotations

from timeline_app.core.model import DateKind, Event, Precision, Timeline

_STATED = {
    Precision.TIME: 0.9,
    Precision.DAY: 0.85,
    Precision.WEEK: 0.75,
    Precision.MONTH: 0.75,
    Precision.QUARTER: 0.7,
    Precision.SEASON: 0.7,
    Precision.YEAR: 0.65,
    Precision.DECADE: 0.5,
    Precision.CENTURY: 0.45,
}


def event_confidence(event: Event, weak_reference: bool = False) -> float:
    d = event.date
    if event.curated:
        return 1.0  # a person checked it
    if d.kind is DateKind.BOUNDED:
        score = 0.35
    elif d.inferred:
        score = 0.5
    elif d.kind is DateKind.INTERVAL:
        score = 0.7
    else:
        score = _STATED[d.start.precision] if d.start is not None else 0.3
    score += 0.05 * min(len(event.sources) - 1, 2)
    if event.conflict:
        score -= 0.25
    if weak_reference:
        score -= 0.15
    return round(min(max(score, 0.05), 1.0), 2)


def rate_timeline(timeline: Timeline) -> None:
    """Set every event's confidence."""
    weak = {d.id for d in timeline.documents if d.reference_date_weak}
    for event in timeline.events:
        event.confidence = event_confidence(event, any(s in weak for s in event.sources))
