"""What an event's sources say, in words."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Status, Timex
from timeline_app.core.provenance import (
    confidence_text,
    confidence_words,
    edtf_words,
    slip_chain,
    source_accounts,
    source_count,
    support_summary,
)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (1.0, "certain"),
        (0.85, "very sure"),
        (0.75, "fairly sure"),
        (0.65, "somewhat sure"),
        (0.35, "unsure"),
        (0.05, "doubtful"),
        (float("nan"), "doubtful"),
        (7.0, "certain"),
    ],
)
def test_confidence_words(value: float, words: str) -> None:
    assert confidence_words(value) == words


def test_confidence_text_has_words_and_number() -> None:
    assert confidence_text(0.75) == "fairly sure (0.75)"


def test_edtf_words() -> None:
    assert edtf_words("2006") == "2006"
    assert edtf_words("2007-10") == "Oct 2007"
    assert edtf_words("2025-09-03~") == "~ 3 Sep 2025"
    assert edtf_words("not a date") == "not a date"


def _event(**fields: object) -> Event:
    base = Event("e", "A380 in service", "", FuzzyDate.point(DatePoint.day(date(2007, 10, 25))))
    for name, value in fields.items():
        setattr(base, name, value)
    return base


def test_slip_chain_reads_as_the_story_of_a_delay() -> None:
    event = _event(slips=[("a", "2006", "2005-06-14"), ("b", "2007", "2006-10-03")])
    assert slip_chain(event) == ("expected 2006 (article of 14 Jun 2005), then 2007 (3 Oct 2006), happened 25 Oct 2007")
    event.status = Status.EXPECTED
    assert slip_chain(event).endswith("now expected 25 Oct 2007")
    assert slip_chain(_event()) == ""


def test_source_accounts_take_the_conflict_date_else_the_sentence_date() -> None:
    a_text = "The jet entered service on October 25, 2007, Airbus said in 1999 terms."
    b_text = "It entered service in January 2008."
    c_text = "It entered service, said the wire."
    on = a_text.index("October 25, 2007")
    y1999 = a_text.index("1999")
    docs = {
        "a": Document(
            "a",
            "",
            a_text,
            timexes=[
                Timex(on, on + 16, "October 25, 2007", "DATE", "2007-10-25"),
                Timex(y1999, y1999 + 4, "1999", "DATE", "1999"),
            ],
        ),
        "b": Document("b", "", b_text, timexes=[Timex(21, 33, "January 2008", "DATE", "2008-01")]),
        "c": Document("c", "", c_text, timexes=[Timex(0, 2, "It", "DATE", "PRESENT_REF")]),
    }
    mentions = [Mention(d, 0, len(docs[d].text), docs[d].text) for d in ("a", "b", "c")]
    agreeing = _event(mentions=mentions)
    accounts = {a.document: a for a in source_accounts(agreeing, docs)}
    # The sentence's date that agrees with the event, not another date in it.
    assert (accounts["a"].date, accounts["a"].words) == ("2007-10-25", "October 25, 2007")
    assert accounts["b"].date == ""  # Jan 2008 is about something else when the sources agree
    assert accounts["c"].date == ""  # PRESENT_REF is no date
    disputed = _event(mentions=mentions, conflict=[("a", "2007-10-25"), ("b", "2008-01")])
    accounts = {a.document: a for a in source_accounts(disputed, docs)}
    assert (accounts["b"].date, accounts["b"].words, accounts["b"].disagrees) == ("2008-01", "January 2008", True)
    assert not accounts["c"].disagrees


def test_source_count_and_summary() -> None:
    one = _event(mentions=[Mention("a", 0, 1, "x"), Mention("a", 2, 3, "y")])
    three = _event(
        mentions=[Mention(d, 0, 1, "x") for d in "abc"], conflict=[("a", "2007"), ("b", "2008")], confidence=0.6
    )
    assert source_count(_event()) == 0
    assert source_count(one) == 1
    assert source_count(three) == 3
    assert support_summary(three) == "told by 3 sources · somewhat sure (0.60) · sources disagree on the date"
