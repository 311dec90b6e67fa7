"""The same happening told in several documents becomes one event, with its sources and any conflict."""

from __future__ import annotations

from datetime import date

from timeline_app.core.events.crossdoc import merge_across_documents
from timeline_app.core.model import Timeline
from timeline_app.core.pipeline import extract_text


def _timeline(*articles: tuple[str, date, str]) -> Timeline:
    combined = Timeline()
    for doc_id, reference, text in articles:
        part = extract_text(text, doc_id=doc_id, reference_date=reference)
        combined.documents += part.documents
        combined.events += part.events
    return combined


def _find(timeline: Timeline, words: str) -> list:
    return [e for e in timeline.events if words.lower() in e.title.lower()]


def test_one_happening_in_two_articles_is_one_event_with_both_sources() -> None:
    timeline = _timeline(
        (
            "a",
            date(2010, 6, 8),
            "Yesterday, at its developers conference, Apple unveiled the Nexo 4 phone in San Francisco.",
        ),
        (
            "b",
            date(2010, 6, 16),
            "The Nexo 4 phone was introduced by Apple at its conference on June 7. Sales begin soon.",
        ),
    )
    before = len(timeline.events)
    assert merge_across_documents(timeline) == 1
    assert len(timeline.events) == before - 1
    (event,) = [e for e in timeline.events if len(e.sources) > 1]
    assert event.sources == ["a", "b"] and event.date.edtf == "2010-06-07"
    assert "told alike by 2 sources" in event.date_basis
    assert not event.conflict


def test_other_happenings_of_the_same_actors_stay_apart() -> None:
    timeline = _timeline(
        ("a", date(2010, 6, 8), "Apple cut the price of the Nexo phone to $199 on Monday."),
        ("b", date(2010, 6, 9), "Apple cut the price of the Nexo phone to $399 on Tuesday."),
        ("c", date(2010, 6, 9), "Apple opened a store in Lima on Tuesday."),
    )
    assert merge_across_documents(timeline) == 0
    assert all(len(e.sources) == 1 for e in timeline.events)


def test_incompatible_dates_of_one_happening_are_a_conflict_not_an_average() -> None:
    timeline = _timeline(
        (
            "a",
            date(2007, 10, 26),
            "The charity flight of the Airbus A380 superjumbo landed in Sydney on October 25, 2007.",
        ),
        ("b", date(2008, 2, 2), "The charity flight of the Airbus A380 superjumbo landed in Sydney in January 2008."),
    )
    merge_across_documents(timeline)
    (event,) = [e for e in timeline.events if len(e.sources) > 1]
    assert sorted(event.conflict) == [("a", "2007-10-25"), ("b", "2008-01")]
    assert event.date.edtf in ("2007-10-25", "2008-01")


def test_a_single_document_is_left_alone() -> None:
    timeline = _timeline(("a", date(2010, 6, 8), "Apple unveiled a phone on Monday. Apple unveiled a phone on Monday."))
    assert merge_across_documents(timeline) == 0


def test_an_expectation_and_the_later_report_are_a_slip_chain() -> None:
    timeline = _timeline(
        ("a", date(2005, 6, 14), "The Airbus A380 superjumbo will enter service with Singapore Airlines in 2006."),
        ("b", date(2006, 10, 3), "The Airbus A380 superjumbo will enter service with Singapore Airlines in 2007."),
        ("c", date(2007, 10, 26), "The Airbus A380 superjumbo entered service with Singapore Airlines on October 25."),
    )
    merge_across_documents(timeline)
    # The 2007 expectation was met (one event with the report); the 2006 one slipped.
    entered = next(e for e in timeline.events if "c" in e.sources)
    assert entered.date.edtf == "2007-10-25" and entered.status.value == "occurred"
    assert [(doc, edtf) for doc, edtf, _told in entered.slips] == [("a", "2006"), ("b", "2007")]
    assert [told for _doc, _edtf, told in entered.slips] == ["2005-06-14", "2006-10-03"]
