from datetime import date

import pytest

from timeline_app.core.model import DateKind, DatePoint, FuzzyDate, Precision, parse_date_point


@pytest.mark.parametrize(
    ("edtf", "earliest", "latest", "precision"),
    [
        ("2025-09-03", date(2025, 9, 3), date(2025, 9, 3), "day"),
        ("2024-10", date(2024, 10, 1), date(2024, 10, 31), "month"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), "year"),
        ("199X", date(1990, 1, 1), date(1999, 12, 31), "decade"),
        ("2024-10/2025-09-03", date(2024, 10, 1), date(2025, 9, 3), "interval"),
        ("../2025-09-04", None, date(2025, 9, 4), "interval"),
        ("[2024-10..2025-09-04]", date(2024, 10, 1), date(2025, 9, 4), "bounded"),
        ("2025-09-04T14:30", date(2025, 9, 4), date(2025, 9, 4), "time"),
    ],
)
def test_edtf_round_trip_and_bounds(edtf: str, earliest: date | None, latest: date, precision: str) -> None:
    fd = FuzzyDate.from_edtf(edtf)
    assert fd.earliest == earliest
    assert fd.latest == latest
    assert fd.precision == precision
    assert fd.edtf == edtf


def test_describe_words() -> None:
    assert FuzzyDate.point(DatePoint.month(2024, 10)).describe() == "Oct 2024 (month)"
    assert FuzzyDate.point(DatePoint.day(date(2025, 9, 3))).describe() == "3 Sep 2025"
    bounded = FuzzyDate.bounded(DatePoint.month(2024, 10), DatePoint.day(date(2025, 9, 3)))
    assert bounded.describe() == "between Oct 2024 and 3 Sep 2025 — date not stated"
    assert bounded.kind is DateKind.BOUNDED and bounded.is_uncertain


def test_sort_key_orders_month_before_day_within_it() -> None:
    month = FuzzyDate.point(DatePoint.month(2025, 9))
    day = FuzzyDate.point(DatePoint.day(date(2025, 9, 3)))
    assert sorted([day, month], key=FuzzyDate.sort_key) == [month, day]


@pytest.mark.parametrize("bad", ["", "2025-13", "20250", "yesterday", "2025-02-30"])
def test_bad_edtf_raises_value_error(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_date_point(bad)


def test_week_precision_writes_day_span() -> None:
    p = DatePoint(date(2025, 9, 1), date(2025, 9, 7), Precision.WEEK)
    assert p.edtf == "2025-09-01/2025-09-07"


def test_inferred_point_round_trips_through_edtf() -> None:
    from timeline_app.core.model import DatePoint, FuzzyDate

    inferred = FuzzyDate.point(DatePoint.day(date(2008, 9, 18)), inferred=True)
    assert inferred.edtf == "2008-09-18~"
    assert FuzzyDate.from_edtf("2008-09-18~") == inferred
    assert inferred.describe() == "~ 18 Sep 2008"
    assert FuzzyDate.from_edtf("2008-09-18") != inferred
