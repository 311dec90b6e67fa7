"""The events JSON writer and reader agree on every date the extractor can produce: every
precision, as a point, an inferred point, either end of an interval and a bound."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.core.events.dating import date_point
from timeline_app.core.model import DatePoint, Event, FuzzyDate, Precision, Timeline
from timeline_app.core.pipeline import extract_text
from timeline_app.io import events_json

years = st.integers(1000, 9998)


@st.composite
def timeml_values(draw: st.DrawFn) -> str:
    """A TimeML DATE/TIME value of any precision, as the temporal tagger writes them."""
    year = draw(years)
    day = draw(st.dates(min_value=date(year, 1, 1), max_value=date(year, 12, 31)))
    return draw(
        st.sampled_from(
            [
                day.isoformat(),
                f"{day.isoformat()}T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}",
                f"{year:04d}-W{draw(st.integers(1, 52)):02d}",
                f"{year:04d}-{day.month:02d}",
                f"{year:04d}-Q{draw(st.integers(1, 4))}",
                f"{year:04d}-H{draw(st.integers(1, 2))}",
                f"{year:04d}-{draw(st.sampled_from(['SP', 'SU', 'FA', 'WI']))}",
                f"{year:04d}",
                f"{year // 10:03d}",
                f"{max(year // 100, 10):02d}",
            ]
        )
    )


def points() -> st.SearchStrategy[DatePoint]:
    return timeml_values().map(date_point).filter(lambda p: p is not None)  # type: ignore[return-value]


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    shape = draw(st.sampled_from(["point", "inferred", "interval", "bounded"]))
    if shape in ("point", "inferred"):
        return FuzzyDate.point(draw(points()), inferred=shape == "inferred")
    lo, hi = draw(st.one_of(st.none(), points())), draw(st.one_of(st.none(), points()))
    if lo is not None and hi is not None and hi.earliest < lo.earliest:
        lo, hi = hi, lo
    return FuzzyDate.interval(lo, hi) if shape == "interval" else FuzzyDate.bounded(lo, hi)


def round_trip(dates: list[FuzzyDate]) -> list[FuzzyDate]:
    timeline = Timeline(events=[Event(f"e{i}", "t", "s", d) for i, d in enumerate(dates)])
    return [e.date for e in events_json.loads(events_json.dumps(timeline)).events]


@settings(max_examples=150, deadline=None)
@given(st.lists(fuzzy_dates(), min_size=1, max_size=5))
def test_every_date_the_extractor_makes_reads_back(dates: list[FuzzyDate]) -> None:
    dates.sort(key=FuzzyDate.sort_key)  # the writer orders events by date
    assert round_trip(dates) == dates


def test_seasons_and_quarters_as_ends_of_an_interval() -> None:
    spring, autumn = date_point("2025-SP"), date_point("2025-FA")
    q1, h2 = date_point("2025-Q1"), date_point("2025-H2")
    assert spring and autumn and q1 and h2
    season_span = FuzzyDate.interval(spring, autumn)
    assert season_span.edtf == "2025-21/2025-23"
    assert FuzzyDate.interval(q1, h2).edtf == "2025-33/2025-41"
    assert round_trip([season_span]) == [season_span]


def test_winter_is_the_one_starting_in_december() -> None:
    winter = date_point("2025-WI")
    assert winter is not None
    assert (winter.edtf, winter.earliest, winter.latest) == ("2025-24", date(2025, 12, 1), date(2026, 2, 28))


def test_weeks_inside_intervals_are_iso_weeks() -> None:
    first, last = date_point("2025-W02"), date_point("2025-W36")
    assert first and last
    assert FuzzyDate.interval(first, last).edtf == "2025-W02/2025-W36"
    assert FuzzyDate.point(first, inferred=True).edtf == "2025-W02~"


def test_a_span_no_unit_names_still_reads_back() -> None:
    odd = DatePoint(date(2025, 3, 4), date(2025, 5, 9), Precision.SEASON)
    assert round_trip([FuzzyDate.point(odd)]) == [FuzzyDate.point(odd)]
    # As an interval end it keeps its outer day: precision is lost, the file stays readable.
    (back,) = round_trip([FuzzyDate.interval(odd, DatePoint.year(2026))])
    assert (back.earliest, back.latest) == (date(2025, 3, 4), date(2026, 12, 31))


def test_files_written_before_season_codes_still_read_as_seasons() -> None:
    text = (
        '{"documents": [], "events": [{"id": "e", "title": "t", "sentence": "", "mentions": [],'
        ' "date": "2025-03-01/2025-05-31", "precision": "season"}]}'
    )
    (event,) = events_json.loads(text).events
    assert event.date == FuzzyDate.point(date_point("2025-SP"))  # type: ignore[arg-type]


def test_extracted_season_interval_reads_back() -> None:
    timeline = extract_text(
        "Paris, Sep 4, 2025 (Agency) - The works ran from spring 2025 to autumn 2025, the city said.",
        reference_date=date(2025, 9, 4),
    )
    again = events_json.loads(events_json.dumps(timeline))
    assert [e.date for e in again.events] == [e.date for e in timeline.events]
