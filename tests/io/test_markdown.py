"""The Markdown export says how many sources tell an event and where they disagree."""

from __future__ import annotations

from datetime import date

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline
from timeline_app.io.markdown import to_markdown


def _joined() -> Timeline:
    event = Event(
        id="e1",
        title="The charity flight landed",
        sentence="The charity flight landed in Sydney.",
        date=FuzzyDate.point(DatePoint.day(date(2007, 10, 25))),
        mentions=[Mention("a", 0, 5, "x"), Mention("b", 0, 5, "y")],
        conflict=[("a", "2007-10-25"), ("b", "2008-01")],
    )
    docs = [Document("a", "", "x", title="Flight lands"), Document("b", "", "y", title="Superjumbo update")]
    return Timeline(documents=docs, events=[event])


def test_markdown_names_the_sources_and_their_disagreement() -> None:
    text = to_markdown(_joined(), "Airbus")
    line = next(x for x in text.splitlines() if "charity flight" in x and x.startswith("- "))
    assert "told by 2 sources" in line and "sources disagree: a 2007-10-25, b 2008-01" in line
    assert "[1][2]" in line
