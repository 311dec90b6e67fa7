"""Acceptance on short modern news articles written for these tests: dates, bounds, statuses, readable titles."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.model import DateKind, Event, Status, Timeline
from timeline_app.core.pipeline import extract_text

ARTICLES = Path(__file__).parent / "articles"
_DANGLING = {"the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "by", "with", "for", "from", "as", "early"}


def _extract(name: str, reference: date | None = None) -> Timeline:
    text = (ARTICLES / name).read_text(encoding="utf-8")
    return extract_text(text, doc_id=name.removesuffix(".txt"), reference_date=reference)


def _find(timeline: Timeline, words: str) -> Event:
    found = [e for e in timeline.events if words.lower() in e.title.lower()]
    assert found, [e.title for e in timeline.events]
    return found[0]


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.glob("*.txt")))
def test_titles_read_as_headlines(name: str) -> None:
    timeline = _extract(name, reference=date(2025, 9, 4))
    assert timeline.events
    for e in timeline.events:
        words = e.title.split()
        assert len(words) >= 3, e.title
        assert not e.title.endswith(("…", ",", "-")), e.title
        assert words[-1].lower() not in _DANGLING, e.title
        assert e.title.count("“") == e.title.count("”") and e.title.count('"') % 2 == 0, e.title
        assert not re.search(r",\s+(?:who|which)\b", e.title), e.title


def test_politics_dateline_without_year() -> None:
    timeline = _extract("politics.txt")
    doc = timeline.documents[0]
    assert doc.reference_date == date(2025, 9, 4) and "Thursday" in doc.reference_date_basis
    backed = _find(timeline, "backed a plan to cap farm subsidies")
    assert backed.date.edtf == "2025-09-04" and backed.status is Status.OCCURRED
    assert _find(timeline, "first tabled").date.edtf == "2024-02"
    stalled = _find(timeline, "Talks had stalled")
    assert stalled.date.earliest == date(2025, 8, 25) and stalled.date.latest == date(2025, 8, 31)
    rules = _find(timeline, "rules will take effect")
    assert rules.status is Status.EXPECTED and rules.date.kind is DateKind.BOUNDED
    assert (rules.date.earliest, rules.date.latest) == (date(2025, 9, 4), date(2025, 12, 31))
    vote = _find(timeline, "will vote on the final text")
    assert vote.status is Status.EXPECTED and vote.date.edtf == "2025-10"
    # "who chairs the meetings this year" describes the minister; it is no happening.
    assert not any("chairs" in e.title for e in timeline.events)


def test_business_quarters_and_aside() -> None:
    timeline = _extract("business.txt")
    assert timeline.documents[0].reference_date == date(2025, 9, 4)
    profit = _find(timeline, "15% rise in third-quarter operating profit")
    assert profit.date.edtf == "2025-09-03" and profit.status is Status.OCCURRED
    assert _find(timeline, "grew strongly").date.earliest == date(2025, 4, 1)
    ceo = _find(timeline, "Lars Holm became CEO")
    assert ceo.date.edtf == "2022" and ceo.status is Status.OCCURRED
    sale = _find(timeline, "will sell its tower business")
    assert sale.status is Status.EXPECTED and sale.date.kind is DateKind.BOUNDED
    assert sale.date.latest == date(2026, 3, 31)
    assert _find(timeline, "cut 300 jobs").date.edtf == "2024"
    day = _find(timeline, "capital markets day")
    assert day.date.edtf == "2025-11-12" and day.status is Status.EXPECTED


def test_sport_without_dateline() -> None:
    timeline = _extract("sport.txt", reference=date(2025, 4, 27))
    final = _find(timeline, "reached the national cup final")
    assert final.date.edtf == "2025-04-26" and final.status is Status.OCCURRED
    assert _find(timeline, "last won the cup").date.edtf == "1998"
    played = _find(timeline, "final will be played")
    assert played.date.edtf == "2025-05-24" and played.status is Status.EXPECTED


def test_courts_ranges_and_past_years() -> None:
    timeline = _extract("courts.txt", reference=date(2025, 3, 8))
    sentenced = _find(timeline, "sentenced to six years")
    assert sentenced.date.edtf == "2025-03-07" and sentenced.status is Status.OCCURRED
    payments = _find(timeline, "accepted payments")
    assert payments.date.kind is DateKind.INTERVAL and payments.date.edtf == "2016/2019"
    assert _find(timeline, "was arrested").date.edtf == "2021-03"


def test_disaster_day_month_year_dateline() -> None:
    timeline = _extract("disaster.txt")
    doc = timeline.documents[0]
    assert doc.reference_date == date(2025, 5, 12) and not doc.reference_date_weak
    quake = _find(timeline, "earthquake struck southern Peru")
    assert quake.date.edtf == "2025-05-11" and quake.status is Status.OCCURRED
    reached = _find(timeline, "reached the worst-hit villages")
    assert reached.date.kind is DateKind.BOUNDED and reached.date.earliest is None
    assert reached.date.latest == date(2025, 5, 12)


def test_science_reported_postponement() -> None:
    timeline = _extract("science.txt", reference=date(2026, 2, 11))
    crashed = _find(timeline, "crashed on the Moon")
    assert crashed.date.edtf == "2023-04" and crashed.status is Status.OCCURRED
    fly = next(e for e in timeline.events if "lander could fly" in e.title and e.status is not Status.REPORTED)
    assert fly.status is Status.EXPECTED and fly.date.edtf == "2027-07"
    noticed = _find(timeline, "first noticed the problem")
    assert noticed.status is Status.OCCURRED and noticed.date.latest is not None
    assert noticed.date.latest < date(2026, 2, 11)
