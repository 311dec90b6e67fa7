"""Small timelines built in code for the viewer's widget tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Status, Timeline, Timex

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_97615b8d070adb4e.txt"

TEXT = (
    "Seoul, Sep 4 (Agency) The talks were held on Thursday. 🙂 Leaders met at a parade the previous day.\n"
    "Since October of last year, troops were sent. The region was retaken at some point.\n"
    "A visit is expected next year."
)


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _event(eid: str, title: str, sentence: str, fd: FuzzyDate, status: Status = Status.OCCURRED) -> Event:
    start, end = _span(TEXT, sentence)
    return Event(
        eid,
        title,
        sentence,
        fd,
        status=status,
        date_basis=f"basis of {eid}",
        mentions=[Mention("doc", start, end, sentence)],
        actors=["Leaders"] if eid == "talks" else [],
        places=["Seoul"] if eid == "talks" else [],
    )


def make_timeline() -> Timeline:
    """Five events of every kind, in one document whose text has an emoji (UTF-16 != Python offsets)."""
    day = DatePoint.day
    timexes = []
    for phrase, value in (
        ("Thursday", "2025-09-04"),
        ("the previous day", "2025-09-03"),
        ("October of last year", "2024-10"),
    ):
        s, e = _span(TEXT, phrase)
        timexes.append(Timex(s, e, phrase, "DATE", value, basis=f"resolved {phrase}"))
    doc = Document(
        "doc",
        "/tmp/article.txt",
        TEXT,
        title="Talks article",
        reference_date=date(2025, 9, 4),
        reference_date_basis="dateline",
        timexes=timexes,
    )
    events = [
        _event(
            "troops",
            "Troops sent",
            "Since October of last year, troops were sent.",
            FuzzyDate.point(DatePoint.month(2024, 10)),
        ),
        _event(
            "region",
            "Region retaken",
            "The region was retaken at some point.",
            FuzzyDate.bounded(DatePoint.month(2024, 10), day(date(2025, 9, 3))),
        ),
        _event("parade", "Parade", "Leaders met at a parade the previous day.", FuzzyDate.point(day(date(2025, 9, 3)))),
        _event("talks", "Talks held", "The talks were held on Thursday.", FuzzyDate.point(day(date(2025, 9, 4)))),
        _event(
            "visit", "Visit", "A visit is expected next year.", FuzzyDate.point(DatePoint.year(2026)), Status.EXPECTED
        ),
    ]
    return Timeline([doc], events)
