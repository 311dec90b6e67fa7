"""Calendar dates written out, with reference date 2025-09-04 (a Thursday)."""

from datetime import date

import pytest

from timeline_app.core.temporal import tag

REF = date(2025, 9, 4)


def spans(text: str, reference: date | None = REF) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, reference)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The agreement was signed on September 3, 2025 in Beijing.", ("September 3, 2025", "DATE", "2025-09-03")),
        ("The company said on 12 March 2024 that profits rose.", ("12 March 2024", "DATE", "2024-03-12")),
        ("Shares closed at a record on Sept. 30, 1989.", ("Sept. 30, 1989", "DATE", "1989-09-30")),
        ("Apple released the kit March 06 , 2008 at an event.", ("March 06 , 2008", "DATE", "2008-03-06")),
        ("Elections are set for November 2026.", ("November 2026", "DATE", "2026-11")),
        ("The report dated 2024-10-05 was leaked.", ("2024-10-05", "DATE", "2024-10-05")),
        ("The war began in 2022.", ("2022", "DATE", "2022")),
        ("It was the worst drought of the 20th century.", ("the 20th century", "DATE", "19")),
        ("Prices doubled in the 1990s.", ("the 1990s", "DATE", "199X")),
        ("The second quarter of 2024 was weak.", ("The second quarter of 2024", "DATE", "2024-Q2")),
        ("The meeting in the first half of 2024 was postponed.", ("the first half of 2024", "DATE", "2024-H1")),
        ("The spring of 2023 was wet.", ("The spring of 2023", "DATE", "2023-SP")),
        ("The anniversary falls in the year two thousand.", ("the year two thousand", "DATE", "2000")),
        ("Atlanta, nineteen ninety-six: a bomb shocks the games.", ("nineteen ninety-six", "DATE", "1996")),
    ],
)
def test_absolute_dates(sentence: str, expected: tuple[str, str, str]) -> None:
    assert spans(sentence) == [expected]


def test_month_day_without_year_in_past_reporting_looks_back() -> None:
    assert spans("Troops arrived on August 12, officials said.") == [("August 12", "DATE", "2025-08-12")]


def test_month_day_deadline_just_ahead_beats_a_past_verb() -> None:
    # A date a year back is rarely meant when the same date is days ahead.
    assert spans("The agency said the boy must return by Jan. 14.", date(2000, 1, 6)) == [
        ("Jan. 14", "DATE", "2000-01-14")
    ]


def test_weekday_with_date_picks_the_matching_year() -> None:
    assert spans("The summit opened on Thursday, Sept. 4.", date(2026, 1, 10)) == [
        ("Thursday, Sept. 4", "DATE", "2025-09-04")
    ]


def test_month_of_future_tense_is_the_next_one() -> None:
    assert spans("Talks will be held in May.") == [("May", "DATE", "2026-05")]


def test_modal_may_is_not_a_month() -> None:
    assert spans("It may rain, and officials may send aid.") == []


def test_quantities_that_look_like_years_are_not_dates() -> None:
    assert spans("Some 1990 troops and 2000 workers were deployed.") == []


def test_labels_that_look_like_years_are_not_dates() -> None:
    assert spans("The UN passed Resolution 1701 in 2006; Flight 1549 landed safely.") == [("2006", "DATE", "2006")]


def test_quarter_ahead_of_the_reference_in_past_reporting_is_last_year() -> None:
    assert spans("Profit in the fourth quarter fell, the company said.", date(1998, 1, 8)) == [
        ("the fourth quarter", "DATE", "1997-Q4")
    ]


def test_holiday_in_past_reporting() -> None:
    assert spans("Shoppers crowded stores on Christmas Eve.") == [("Christmas Eve", "DATE", "2024-12-24")]


def test_season_this_winter_is_the_coming_one() -> None:
    assert spans("The talks will resume this winter.") == [("this winter", "DATE", "2025-WI")]


def test_modifier_words_join_the_expression() -> None:
    found = tag("Inflation peaked in mid-2023 and eased in late November.", REF)
    assert [(t.text, t.value, t.mod) for t in found] == [
        ("mid-2023", "2023", "MID"),
        ("late November", "2024-11", "END"),
    ]


def test_names_built_on_months_and_weekdays_are_not_dates() -> None:
    assert spans("April Smith, a spokeswoman, said the Sunday Times story was wrong.") == []


def test_month_after_a_preposition_is_a_month_even_when_may() -> None:
    assert spans("In May and June, exports fell.") == [("May", "DATE", "2025-05"), ("June", "DATE", "2025-06")]


def test_day_range_keeps_its_first_day() -> None:
    assert spans("The summit will take place Nov. 18-19 in Rio.") == [("Nov. 18-19", "DATE", "2025-11-18")]


def test_moving_holidays() -> None:
    assert spans("Black Friday sales rose; Good Friday services were held.") == [
        ("Black Friday", "DATE", "2024-11-29"),
        ("Good Friday", "DATE", "2025-04-18"),
    ]


def test_numeric_dates_times_and_quarter_codes() -> None:
    assert spans("The log shows 2025-09-04T14:30 and 04.09.2025; revenue rose in Q3 2025.") == [
        ("2025-09-04T14:30", "TIME", "2025-09-04T14:30"),
        ("04.09.2025", "DATE", "2025-09-04"),
        ("Q3 2025", "DATE", "2025-Q3"),
    ]


def test_car_model_is_not_a_quarter() -> None:
    assert spans("The Audi Q3 sold well.") == []


def test_web_page_datelines_with_abbreviated_weekdays() -> None:
    assert spans("Updated: 12:34 PM EDT, Thu September 4, 2025") == [
        ("12:34 PM EDT", "TIME", "2025-09-04T12:34"),
        ("Thu September 4, 2025", "DATE", "2025-09-04"),
    ]


def test_year_first_numeric_dates_with_any_separator() -> None:
    assert spans("Filed 2025/09/04 and 2025.9.4, not 2025-13-01.") == [
        ("2025/09/04", "DATE", "2025-09-04"),
        ("2025.9.4", "DATE", "2025-09-04"),
    ]


def test_last_half_and_last_quarter_of_a_year() -> None:
    assert spans("Sales rose in the last half of 1989 and the last quarter of 2006.") == [
        ("the last half of 1989", "DATE", "1989-H2"),
        ("the last quarter of 2006", "DATE", "2006-Q4"),
    ]


def test_places_named_after_holidays_are_not_dates() -> None:
    assert spans("Tourists flew to Easter Island; shops closed at Christmas.") == [("Christmas", "DATE", "2024-12-25")]
