"""Durations, sets, clock times and vague references."""

from datetime import date

import pytest

from timeline_app.core.temporal import tag

REF = date(2025, 9, 4)


def spans(text: str) -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.mod) for t in tag(text, REF)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The project lasted three years.", ("three years", "DURATION", "P3Y", None)),
        ("The meeting ran two hours.", ("two hours", "DURATION", "PT2H", None)),
        ("He has served for more than a decade.", ("more than a decade", "DURATION", "P1DE", "MORE_THAN")),
        ("Sales over the past two months rose.", ("the past two months", "DURATION", "P2M", None)),
        ("Surgery took 5 1/2 hours.", ("5 1/2 hours", "DURATION", "PT5H30M", None)),
        ("It will not change for a couple of years.", ("a couple of years", "DURATION", "P2Y", "APPROX")),
        ("Results for the first nine months were flat.", ("the first nine months", "DURATION", "P9M", None)),
        ("Meetings happen every week.", ("every week", "SET", "P1W", None)),
        ("The summit is held annually.", ("annually", "SET", "P1Y", None)),
        ("The market is checked daily.", ("daily", "SET", "P1D", None)),
        ("Rallies are held each Thursday.", ("each Thursday", "SET", "XXXX-WXX-4", None)),
    ],
)
def test_durations_and_sets(sentence: str, expected: tuple[str, str, str, str | None]) -> None:
    assert spans(sentence) == [expected]


def test_annual_before_a_noun_is_not_a_set() -> None:
    assert spans("The annual summit opened.") == []


def test_ages_and_fractions_are_not_durations() -> None:
    assert spans("A 12-year-old boy won three-quarters of the votes.") == []


def test_ordinal_second_is_not_a_duration() -> None:
    assert spans("He won a second term.") == []


def test_clock_times_take_the_day_named_next_to_them() -> None:
    assert spans("The bomb exploded at 10:35 a.m. Friday, and another at noon Thursday.") == [
        ("10:35 a.m. Friday", "TIME", "2025-08-29T10:35", None),
        ("noon Thursday", "TIME", "2025-09-04T12:00", None),
    ]


def test_parts_of_day() -> None:
    assert spans("We met this morning and last night.") == [
        ("this morning", "TIME", "2025-09-04TMO", None),
        ("last night", "TIME", "2025-09-03TNI", None),
    ]


def test_vague_present_past_future() -> None:
    text = "The firm is now profitable and currently expanding. It recently hired staff. In the future it may grow."
    assert [(t.text, t.value) for t in tag(text, REF)] == [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("the future", "FUTURE_REF"),
    ]


def test_decimal_numbers_are_not_times() -> None:
    assert spans("The index rose 2.46 points.") == []


def test_wire_clock_times_in_gmt_and_a_day_after_a_parenthesis() -> None:
    assert spans("The blast occurred at 10:35 a.m. (0735 GMT) Friday.") == [
        ("10:35 a.m.", "TIME", "2025-08-29T10:35", None),
        ("0735 GMT", "TIME", "2025-08-29T07:35", None),
        ("Friday", "DATE", "2025-08-29", None),
    ]


def test_verb_last_is_not_part_of_a_duration() -> None:
    assert spans("The trial is expected to last six to eight weeks.") == [
        ("six to eight weeks", "DURATION", "P6W", "APPROX")
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The flight took a year and a half.", "P1Y6M"),
        ("The storm lasted 1.5 days.", "P1DT12H"),
        ("Talks ran half an hour.", "PT30M"),
        ("Growth slowed over the next three quarters.", "P9M"),
        ("Aid arrived within a fortnight.", "P2W"),
    ],
)
def test_fractional_and_calendar_unit_durations(sentence: str, value: str) -> None:
    assert [t.value for t in tag(sentence, REF)] == [value]


def test_capitalised_units_are_titles_not_times() -> None:
    assert spans("He appeared on ABC's This Week and on CBS's 60 Minutes.") == []


def test_article_before_an_attributive_duration_stays_outside() -> None:
    assert spans("Putin arrived for a four-day visit as rates hit a 10-year low.") == [
        ("four-day", "DURATION", "P4D", None),
        ("10-year", "DURATION", "P10Y", None),
    ]
