import itertools
from datetime import date, datetime

import pytest

from timeline_app.app.axis import axis_ticks, choose_unit
from timeline_app.core.viewport import Viewport, to_time


def vp(a: date | datetime, b: date | datetime) -> Viewport:
    return Viewport(to_time(a), to_time(b))


@pytest.mark.parametrize(
    ("view", "kind", "step"),
    [
        (vp(date(1800, 1, 1), date(2025, 1, 1)), "year", 20),
        (vp(date(1990, 1, 1), date(2025, 1, 1)), "year", 5),
        (vp(date(2024, 9, 1), date(2025, 10, 1)), "month", 1),
        (vp(date(2025, 9, 1), date(2025, 9, 10)), "day", 1),
        (vp(datetime(2025, 9, 3, 6), datetime(2025, 9, 3, 18)), "hour", 1),
    ],
)
def test_unit_adapts_from_decades_to_hours(view: Viewport, kind: str, step: int) -> None:
    ticks = axis_ticks(view, 1000.0)
    assert (ticks.unit.kind, ticks.unit.step) == (kind, step)
    xs = [view.to_px(t.t, 1000.0) for t in ticks.minor]
    assert all(b - a >= 60 for a, b in itertools.pairwise(xs))


def test_month_ticks_are_named_with_years_above() -> None:
    ticks = axis_ticks(vp(date(2024, 9, 15), date(2025, 10, 1)), 1000.0)
    assert [t.label for t in ticks.minor[:5]] == ["Oct", "Nov", "Dec", "Jan", "Feb"]
    assert ticks.minor[0].t == to_time(date(2024, 10, 1))
    assert [t.label for t in ticks.major] == ["2024", "2025"]
    # The year in progress at the left edge is named even though it began off-screen.
    assert ticks.major[0].t < to_time(date(2024, 9, 15))


def test_hour_ticks_name_the_day() -> None:
    ticks = axis_ticks(vp(datetime(2025, 9, 3, 20), datetime(2025, 9, 4, 4)), 1000.0)
    assert "00:00" in [t.label for t in ticks.minor]
    assert [t.label for t in ticks.major] == ["Wed 3 Sep 2025", "Thu 4 Sep 2025"]


def test_choose_unit_is_monotonic() -> None:
    spans = [choose_unit(d).approx_days for d in (0.001, 0.01, 0.1, 1, 10, 100, 1000)]
    assert spans == sorted(spans)


def test_years_are_grouped_into_decades_and_decades_into_centuries() -> None:
    years = axis_ticks(Viewport(to_time(date(2018, 6, 1)), to_time(date(2029, 6, 1))), 1200)
    assert years.unit.kind == "year" and years.unit.step < 10
    assert [t.label for t in years.major] == ["2010s", "2020s"]
    decades = axis_ticks(Viewport(to_time(date(1890, 1, 1)), to_time(date(2030, 1, 1))), 1000)
    assert decades.unit.kind == "year" and 10 <= decades.unit.step < 100
    assert [t.label for t in decades.major] == ["1800s", "1900s", "2000s"]
