"""Day-sized anaphora counts from the last day told, not from a month or a 'since' start point."""

from datetime import date

from timeline_app.core.temporal import tag

REF = date(2025, 9, 4)


def values(text: str, reference: date | None = REF) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, reference)}


def test_previous_day_skips_a_month_mentioned_in_between() -> None:
    text = (
        "Officials met on Thursday. Since October of last year, the agency has sent 500 engineers. "
        "The talks followed a parade on the previous day."
    )
    found = values(text)
    assert found["Thursday"] == "2025-09-04"
    assert found["October of last year"] == "2024-10"
    assert found["the previous day"] == "2025-09-03"


def test_previous_day_without_any_day_told_counts_from_the_reference_date() -> None:
    found = values("In March the plan was drafted. The vote came the following day.", date(2025, 6, 10))
    assert found["the following day"] == "2025-06-11"


def test_previous_day_after_a_day_still_counts_from_that_day() -> None:
    found = values("The fire started on June 2. It was contained the following day.", date(2025, 6, 10))
    assert found["June 2"] == "2025-06-02"
    assert found["the following day"] == "2025-06-03"


def test_that_same_day_still_points_at_what_was_just_told() -> None:
    found = values("He was attacked last October. The site was updated that same day.", date(1999, 2, 6))
    assert found["last October"] == "1998-10"
    assert found["that same day"].startswith("1998-10")


def test_since_start_point_does_not_move_the_story_to_that_month() -> None:
    text = "The minister spoke on Monday. Since 2019 the fund has grown, and the next day shares rose."
    found = values(text)
    assert found["Monday"] == "2025-09-01"
    assert found["the next day"] == "2025-09-02"
