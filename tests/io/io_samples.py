"""Timelines shared by the tests: hand-written ones covering every date shape, and a hypothesis
strategy generating arbitrary ones."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from timeline_app.core.model import (
    DateKind,
    DatePoint,
    Document,
    Entity,
    Event,
    FuzzyDate,
    Mention,
    Precision,
    Status,
    Timeline,
    Timex,
)


def _doc(doc_id: str, title: str, path: str, ref: date) -> Document:
    return Document(
        id=doc_id,
        path=path,
        text=f"Text of {title}.",
        title=title,
        reference_date=ref,
        reference_date_basis="dateline",
    )


def _event(n: int, title: str, when: FuzzyDate, doc: str, group: str = "", color: str = "") -> Event:
    return Event(
        id=f"e{n}",
        title=title,
        sentence=f"{title} — as reported.",
        date=when,
        mentions=[Mention(doc, n, n + 5, title[:5])],
        group=group,
        color=color,
    )


def sample_timeline() -> Timeline:
    """Every date kind and precision the exporters must carry, two sources, two groups."""
    docs = [
        _doc("d1", "Harbour council minutes", "/news/harbour.txt", date(2025, 9, 4)),
        _doc("d2", "Rail strike report", "https://example.org/rail?id=1&x=2", date(2025, 3, 10)),
    ]
    week = DatePoint(date(2025, 9, 1), date(2025, 9, 7), Precision.WEEK)
    quarter = DatePoint(date(2025, 7, 1), date(2025, 9, 30), Precision.QUARTER)
    season = DatePoint(date(2025, 6, 21), date(2025, 9, 22), Precision.SEASON)
    decade = DatePoint(date(2010, 1, 1), date(2019, 12, 31), Precision.DECADE)
    events = [
        _event(1, "Council votes <yes> & adjourns", FuzzyDate.point(DatePoint.day(date(2025, 9, 3))), "d1", "Politics"),
        _event(2, "Budget published", FuzzyDate.point(DatePoint.month(2024, 10)), "d1", "Politics", "#1f77b4"),
        _event(3, "Port opened", FuzzyDate.point(DatePoint.year(2019)), "d1"),
        _event(
            4,
            "Press conference",
            FuzzyDate.point(DatePoint(date(2025, 9, 4), date(2025, 9, 4), Precision.TIME, "14:30")),
            "d2",
            "Transport",
        ),
        _event(5, "Strike", FuzzyDate.interval(DatePoint.day(date(2025, 3, 1)), DatePoint.day(date(2025, 3, 9))), "d2"),
        _event(
            6,
            "Contract signed",
            FuzzyDate.bounded(DatePoint.month(2024, 10), DatePoint.day(date(2025, 9, 3))),
            "d2",
            "Transport",
        ),
        _event(7, "Talks resumed", FuzzyDate.bounded(DatePoint.day(date(2025, 3, 2)), None), "d2"),
        _event(8, "Old pier demolished", FuzzyDate.bounded(None, DatePoint.year(2010)), "d1"),
        _event(9, "Repairs underway", FuzzyDate.interval(DatePoint.month(2025, 5), None), "d1"),
        _event(10, "Inspection week", FuzzyDate.point(week), "d1"),
        _event(11, "Quarterly figures", FuzzyDate.point(quarter), "d1"),
        _event(12, "Summer closures", FuzzyDate.point(season), "d2"),
        _event(13, "A decade of growth", FuzzyDate.point(decade), "d2"),
        _event(14, "Lease ran until", FuzzyDate.interval(None, DatePoint.month(2024, 12)), "d1"),
    ]
    events[0].mentions.append(Mention("d2", 40, 52, "council vote"))
    return Timeline(documents=docs, events=events)


# ---------------------------------------------------------------- hypothesis

texts = st.text(max_size=40)
days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@st.composite
def date_points(draw: st.DrawFn) -> DatePoint:
    earliest = draw(days)
    precision = draw(st.sampled_from(list(Precision)))
    span = draw(st.integers(0, 400)) if precision not in (Precision.DAY, Precision.TIME) else 0
    latest = earliest + timedelta(days=min(span, (date(9999, 12, 31) - earliest).days))  # never past year 9999
    time = draw(st.sampled_from(["00:00", "14:30", "23:59"])) if precision is Precision.TIME else None
    return DatePoint(earliest, latest, precision, time)


fuzzy_dates = st.builds(
    FuzzyDate,
    st.sampled_from(list(DateKind)),
    st.one_of(st.none(), date_points()),
    st.one_of(st.none(), date_points()),
)
mentions = st.builds(Mention, texts, st.integers(0, 10**6), st.integers(0, 10**6), texts)
timexes = st.builds(
    Timex,
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    texts,
    st.sampled_from(["DATE", "TIME", "DURATION", "SET"]),
    texts,
    st.one_of(st.none(), texts),
    texts,
    st.one_of(st.none(), texts),
)
documents = st.builds(
    Document,
    id=texts,
    path=texts,
    text=st.text(max_size=200),
    title=texts,
    reference_date=st.one_of(st.none(), days),
    reference_date_basis=texts,
    reference_date_weak=st.booleans(),
    timexes=st.lists(timexes, max_size=3),
    kind=st.sampled_from(["text", "html", "markdown", "timeml", "json"]),
)
events = st.builds(
    Event,
    id=texts,
    title=texts,
    sentence=texts,
    date=fuzzy_dates,
    status=st.sampled_from(list(Status)),
    date_basis=texts,
    mentions=st.lists(mentions, max_size=3),
    actors=st.lists(texts, max_size=3),
    places=st.lists(texts, max_size=3),
    quantities=st.lists(texts, max_size=3),
    notes=texts,
    group=texts,
    color=texts,
    curated=st.booleans(),
    salience=st.floats(0, 1),
    confidence=st.floats(0, 1),
    conflict=st.lists(st.tuples(texts, texts), max_size=3),
    slips=st.lists(st.tuples(texts, texts, texts), max_size=3),
)
timelines = st.builds(Timeline, documents=st.lists(documents, max_size=3), events=st.lists(events, max_size=6))


def every_date_kind() -> Timeline:
    """Every date shape the format writes: points of each precision (a week, a season, BC-free
    first and last years), inferred points, times, open and closed intervals and bounds, undated;
    every status; events without mentions or naming an unknown document; curation fields."""
    docs = [
        Document("d1", "/news/a.txt", "Some text.", "First", date(2025, 9, 4), "dateline"),
        Document("d2", "b.txt", "More text.", "Second", None, kind="html"),
    ]
    d = DatePoint.day
    timed = DatePoint(date(2025, 9, 4), date(2025, 9, 4), Precision.TIME, "14:30")
    units = [
        d(date(2025, 9, 3)), DatePoint.month(2024, 10), DatePoint.year(2019), DatePoint.year(1), DatePoint.year(9999),
        DatePoint(date(2025, 9, 1), date(2025, 9, 7), Precision.WEEK),
        DatePoint(date(2025, 9, 2), date(2025, 9, 9), Precision.WEEK),  # no ISO week: written as a day span
        DatePoint(date(2025, 7, 1), date(2025, 9, 30), Precision.QUARTER),
        DatePoint(date(2025, 3, 1), date(2025, 5, 31), Precision.SEASON),
        DatePoint(date(2010, 1, 1), date(2019, 12, 31), Precision.DECADE),
        DatePoint(date(1, 1, 1), date(99, 12, 31), Precision.CENTURY),
        timed,
    ]  # fmt: skip
    dates = [FuzzyDate.point(u) for u in units]
    dates += [FuzzyDate.point(d(date(2025, 9, 3)), inferred=True), FuzzyDate.point(DatePoint.month(2025, 9), True)]
    dates += [
        FuzzyDate.interval(d(date(2025, 3, 1)), d(date(2025, 3, 9))),
        FuzzyDate.interval(DatePoint.month(2025, 5), None),
        FuzzyDate.interval(None, DatePoint.month(2024, 12)),
        FuzzyDate.interval(timed, d(date(2025, 9, 5))),
        FuzzyDate.bounded(DatePoint.month(2024, 10), d(date(2025, 9, 3))),
        FuzzyDate.bounded(d(date(2025, 3, 2)), None),
        FuzzyDate.bounded(None, DatePoint.year(2010)),
        FuzzyDate.bounded(None, None),
        FuzzyDate.interval(None, None),
    ]
    statuses = list(Status)
    events = []
    for i, fd in enumerate(dates * 2):
        doc = ("d1", "d2", "unknown")[i % 3]
        mentions = [Mention(doc, i, i + 4, "text"), Mention("d2", 1, 2, "x")] if i % 7 else []
        events.append(
            Event(
                f"e{i}", f"Event {i} — “quoted” ✓", f"Sentence {i}.", fd, statuses[i % len(statuses)], "basis",
                mentions, ["Actor"], ["Place"], ["3 ships"], "note" if i % 2 else "", "Group", "#ff0000",
                i % 5 == 0, (i % 11) / 10, [("d1", "2024")] if i % 4 == 0 else [], (i % 3) / 2,
                [("d2", "2006", "2005-06-14")] if i % 6 == 0 else [],
            )
        )  # fmt: skip
    entities = [Entity("ent1", "Harbour board", "actor", ["the board"], 3)]
    return Timeline(docs, events, entities)
