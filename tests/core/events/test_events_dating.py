"""TimeML values to FuzzyDate: precision kept, vague references as bounds, nothing invented."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.core.events.dating import date_point, fuzzy_date
from timeline_app.core.model import DateKind, Precision, Timex

REF = date(2025, 9, 4)


@pytest.mark.parametrize(
    ("value", "earliest", "latest", "precision"),
    [
        ("2025-09-03", date(2025, 9, 3), date(2025, 9, 3), Precision.DAY),
        ("2025-09-03T14:30", date(2025, 9, 3), date(2025, 9, 3), Precision.TIME),
        ("2024-10", date(2024, 10, 1), date(2024, 10, 31), Precision.MONTH),
        ("2024", date(2024, 1, 1), date(2024, 12, 31), Precision.YEAR),
        ("2025-W36", date(2025, 9, 1), date(2025, 9, 7), Precision.WEEK),
        ("2025-Q3", date(2025, 7, 1), date(2025, 9, 30), Precision.QUARTER),
        ("2024-WI", date(2024, 12, 1), date(2025, 2, 28), Precision.SEASON),
        ("199X", date(1990, 1, 1), date(1999, 12, 31), Precision.DECADE),
        ("2025-09-03TEV", date(2025, 9, 3), date(2025, 9, 3), Precision.DAY),
    ],
)
def test_values(value: str, earliest: date, latest: date, precision: Precision) -> None:
    p = date_point(value)
    assert p is not None
    assert (p.earliest, p.latest, p.precision) == (earliest, latest, precision)


@pytest.mark.parametrize("value", ["XXXX-09-04", "XXXX-WXX-4", "P3Y", "", "2025-13-01", "FOO"])
def test_unresolved_values_give_nothing(value: str) -> None:
    assert date_point(value) is None


def _timex(value: str, type_: str = "DATE", mod: str | None = None) -> Timex:
    return Timex(0, 4, "text", type_, value, mod)


def test_vague_references_become_bounds() -> None:
    past = fuzzy_date(_timex("PAST_REF"), REF)
    assert past is not None and past.kind is DateKind.BOUNDED and past.latest == REF and past.earliest is None
    future = fuzzy_date(_timex("FUTURE_REF"), REF)
    assert future is not None and future.earliest == REF and future.latest is None
    assert fuzzy_date(_timex("PAST_REF"), None) is None


def test_mods_and_types() -> None:
    before = fuzzy_date(_timex("2024", mod="BEFORE"), REF)
    assert before is not None and before.kind is DateKind.BOUNDED and before.latest == date(2024, 12, 31)
    assert fuzzy_date(_timex("P3Y", "DURATION"), REF) is None
    assert fuzzy_date(_timex("XXXX-WXX-1", "SET"), REF) is None
