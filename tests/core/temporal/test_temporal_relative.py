"""Expressions anchored on the reference date (2025-09-04, a Thursday) or on the last date mentioned."""

from datetime import date

import pytest

from timeline_app.core.temporal import tag

REF = date(2025, 9, 4)


def spans(text: str, reference: date | None = REF) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, reference)]


def test_deictic_days() -> None:
    assert spans("He arrived yesterday and will leave tomorrow; today he rests.") == [
        ("yesterday", "2025-09-03"),
        ("tomorrow", "2025-09-05"),
        ("today", "2025-09-04"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("She resigned on Monday.", ("Monday", "2025-09-01")),
        ("The minister will visit Seoul on Monday.", ("Monday", "2025-09-08")),
        ("Officials said the talks are expected to resume on Tuesday.", ("Tuesday", "2025-09-09")),
        ("Last Friday the talks failed.", ("Last Friday", "2025-08-29")),
        ("Next Tuesday they resume.", ("Next Tuesday", "2025-09-09")),
    ],
)
def test_weekdays_follow_tense(sentence: str, expected: tuple[str, str]) -> None:
    assert spans(sentence) == [expected]


def test_weekday_basis_explains_the_choice() -> None:
    (t,) = tag("She resigned on Monday.", REF)
    assert t.basis == "'Monday' in past-tense reporting: the latest Monday on or before the reference date 2025-09-04"


def test_units_relative_to_the_reference() -> None:
    assert spans("Sales fell this week, rose last month and will rise next year.") == [
        ("this week", "2025-W36"),
        ("last month", "2025-08"),
        ("next year", "2026"),
    ]


def test_counted_units_ago_and_later() -> None:
    assert spans("The plant closed two weeks ago. It reopened three days later.") == [
        ("two weeks ago", "2025-08-21"),
        ("three days later", "2025-08-24"),
    ]


def test_anaphora_follows_the_story() -> None:
    text = "Troops crossed the border on August 12. The following week, fighting broke out."
    assert spans(text) == [("August 12", "2025-08-12"), ("The following week", "2025-W34")]


def test_the_previous_day_falls_back_to_the_reference_date() -> None:
    assert spans("A parade was held on the previous day.") == [("the previous day", "2025-09-03")]


def test_the_same_month_after_a_dated_event() -> None:
    text = "The law passed on March 3, 2024. Protests began the same month."
    assert spans(text) == [("March 3, 2024", "2024-03-03"), ("the same month", "2024-03")]


def test_a_year_earlier_in_a_quarterly_report_is_that_quarter() -> None:
    found = tag("Profit in the third quarter fell 5% from a year earlier.", REF)
    assert [(t.text, t.value) for t in found] == [("the third quarter", "2025-Q3"), ("a year earlier", "2024-Q3")]


def test_composed_expressions() -> None:
    found = tag("Growth slowed in early next month and will end at the end of this year.", REF)
    assert [(t.text, t.value, t.mod) for t in found] == [
        ("early next month", "2025-10", "START"),
        ("the end of this year", "2025", "END"),
    ]


def test_month_of_last_year_basis_names_the_year() -> None:
    (t,) = tag("Since October of last year, the agency has counted troops.", REF)
    assert (t.text, t.value) == ("October of last year", "2024-10")
    assert t.basis == "'October of last year': October of 2024, the year before the reference date 2025-09-04"


def test_without_reference_relative_expressions_stay_unresolved() -> None:
    found = tag("He left yesterday and returns next month.", None)
    assert [(t.text, t.value) for t in found] == [("yesterday", "XXXX-XX-XX"), ("next month", "XXXX-XX")]


def test_without_reference_absolute_dates_keep_their_value() -> None:
    found = tag("The accord of June 5, 2019 was renewed on March 2.", None)
    assert [(t.text, t.value) for t in found] == [("June 5, 2019", "2019-06-05"), ("March 2", "XXXX-03-02")]


def test_the_day_before_is_anaphoric_only_when_bare() -> None:
    assert spans("Troops arrived on Monday. The day before, artillery pounded the town.") == [
        ("Monday", "2025-09-01"),
        ("The day before", "2025-08-31"),
    ]
    assert spans("The day before the vote, rallies were held.") == []


def test_anaphora_below_the_anchor_granularity_leaves_the_unknown_part_open() -> None:
    text = "The law passed in October 2024. That day was calm. The following week was tense."
    assert spans(text) == [("October 2024", "2024-10"), ("That day", "2024-10-XX"), ("The following week", "2024-WXX")]


def test_a_datetime_reference_is_read_as_its_day() -> None:
    from datetime import datetime

    assert spans("She resigned on Monday.", datetime(2025, 9, 4, 23, 59)) == [("Monday", "2025-09-01")]


def test_overnight_is_the_night_before_unless_an_adjective() -> None:
    assert spans("Russia launched 500 drones overnight, officials said.") == [("overnight", "2025-09-03TNI")]
    assert spans("Overnight rates rose and it was an overnight stay.") == []


def test_weekdays_counted_from_the_story_day() -> None:
    text = "Talks opened on March 3. The following Monday they stalled; the previous Friday they had been cordial."
    assert spans(text) == [
        ("March 3", "2025-03-03"),
        ("The following Monday", "2025-03-10"),
        ("the previous Friday", "2025-03-07"),
    ]


def test_the_week_of_a_date() -> None:
    assert spans("Sales peaked the week of March 6.") == [("the week of March 6", "2025-W10")]
