"""Generated timelines survive export -> import in every two-way format: titles, dates with
precision, groups, notes and sources."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from roundtrip_checks import assert_round_trip

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Precision, Timeline
from timeline_app.io.ics import export_ics, import_ics
from timeline_app.io.sheet_csv import export_sheet_csv, import_sheet_csv
from timeline_app.io.sources import LOCAL_PATH
from timeline_app.io.timeline_xml import export_timeline_xml, import_timeline_xml
from timeline_app.io.timelinejs import export_timelinejs, import_timelinejs

# One line of printable text, as titles, groups and source names are.
words = (
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn")), min_size=1, max_size=30)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
days = st.dates(min_value=date(100, 1, 1), max_value=date(9800, 12, 31))


@st.composite
def simple_points(draw: st.DrawFn) -> DatePoint:
    d = draw(days)
    kind = draw(st.sampled_from(["day", "month", "year", "time"]))
    if kind == "day":
        return DatePoint.day(d)
    if kind == "month":
        return DatePoint.month(d.year, d.month)
    if kind == "year":
        return DatePoint.year(d.year)
    return DatePoint(d, d, Precision.TIME, f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}")


@st.composite
def span_points(draw: st.DrawFn) -> DatePoint:
    d = draw(days)
    precision = draw(st.sampled_from([Precision.WEEK, Precision.QUARTER, Precision.SEASON, Precision.DECADE]))
    if precision is Precision.DECADE:
        y = d.year // 10 * 10
        return DatePoint(date(y, 1, 1), date(y + 9, 12, 31), precision)
    return DatePoint(d, d + timedelta(days=draw(st.integers(1, 120))), precision)


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    shape = draw(st.sampled_from(["point", "span", "interval", "bounded"]))
    if shape == "point":
        return FuzzyDate.point(draw(simple_points()))
    if shape == "span":
        return FuzzyDate.point(draw(span_points()))
    lo, hi = draw(st.one_of(st.none(), simple_points())), draw(st.one_of(st.none(), simple_points()))
    if lo is None and hi is None:
        lo = draw(simple_points())
    if lo is not None and hi is not None and hi.latest <= lo.earliest:
        lo, hi = hi, lo
        if hi.latest <= lo.earliest:
            hi = None
    return FuzzyDate.interval(lo, hi) if shape == "interval" else FuzzyDate.bounded(lo, hi)


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    # Sources told apart by name; a title that reads as a local path is cut to its file name on export.
    titles = draw(st.lists(words.filter(lambda w: not LOCAL_PATH.match(w)), min_size=1, max_size=3, unique=True))
    docs = [
        Document(f"d{i}", draw(st.one_of(words, words.map(lambda w: "https://example.org/" + w))), "", title)
        for i, title in enumerate(titles)
    ]
    events = []
    for i in range(draw(st.integers(1, 6))):
        cited = draw(st.lists(st.sampled_from(docs), max_size=2, unique_by=lambda d: d.id))
        events.append(
            Event(
                id=f"e{i}",
                title=draw(words),
                sentence=draw(words),
                date=draw(fuzzy_dates()),
                mentions=[Mention(d.id, 0, 0, "") for d in cited],
                group=draw(st.one_of(st.just(""), words)),
                notes=draw(st.one_of(st.just(""), words, st.lists(words, min_size=2, max_size=3).map("\n".join))),
            )
        )
    return Timeline(documents=docs, events=events)


FORMATS: list[tuple[str, Callable[[Timeline, Path], None], Callable[[Path], Timeline]]] = [
    ("t.json", export_timelinejs, import_timelinejs),
    ("t.csv", export_sheet_csv, import_sheet_csv),
    ("t.ics", export_ics, import_ics),
    ("t.timeline", export_timeline_xml, import_timeline_xml),
]


@pytest.mark.parametrize(("name", "export", "load"), FORMATS, ids=[f[0] for f in FORMATS])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(timeline=timelines())
def test_round_trip(
    tmp_path: Path,
    name: str,
    export: Callable[[Timeline, Path], None],
    load: Callable[[Path], Timeline],
    timeline: Timeline,
) -> None:
    path = tmp_path / name
    export(timeline, path)
    assert_round_trip(timeline, load(path))
