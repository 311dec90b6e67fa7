"""Confidence follows how an event was dated and how well it is supported."""

from __future__ import annotations

from datetime import date

from timeline_app.core.events.confidence import event_confidence
from timeline_app.core.model import DatePoint, Event, FuzzyDate, Mention
from timeline_app.core.pipeline import extract_text


def _event(d: FuzzyDate, docs: tuple[str, ...] = ("a",), conflict: bool = False) -> Event:
    return Event(
        id="e",
        title="t",
        sentence="",
        date=d,
        mentions=[Mention(doc, 0, 1, "x") for doc in docs],
        conflict=[("a", "2009-06-01"), ("b", "2009-07")] if conflict else [],
    )


DAY = FuzzyDate.point(DatePoint.day(date(2009, 6, 1)))


def test_order_of_trust() -> None:
    stated = event_confidence(_event(DAY))
    year = event_confidence(_event(FuzzyDate.point(DatePoint.year(2009))))
    inferred = event_confidence(_event(FuzzyDate.point(DatePoint.day(date(2009, 6, 1)), inferred=True)))
    bounded = event_confidence(_event(FuzzyDate.bounded(None, DatePoint.day(date(2009, 6, 1)))))
    assert 1 >= stated > year > inferred > bounded > 0
    assert event_confidence(_event(DAY, ("a", "b"))) > stated
    assert event_confidence(_event(DAY, ("a", "b"), conflict=True)) < stated
    assert event_confidence(_event(DAY), weak_reference=True) < stated


def test_extracted_events_carry_it() -> None:
    events = extract_text("The plant closed on May 4. Workers protested.", reference_date=date(2009, 5, 6)).events
    closed = next(e for e in events if "closed" in e.title)
    protested = next(e for e in events if "protested" in e.title)
    assert closed.confidence > protested.confidence
