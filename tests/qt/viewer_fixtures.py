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


STORY = {
    "a": (
        "Airbus plan",
        date(2005, 6, 14),
        "TOULOUSE, June 14 (AP) Airbus expects the A380 to enter service in 2006. Boeing unveiled the 787 in Everett.",
    ),
    "b": ("Airbus delay", date(2006, 10, 3), "Airbus now expects the A380 to enter service in 2007."),
    "c": (
        "A380 in service",
        date(2007, 10, 26),
        "The A380 entered service on October 25, 2007 with Singapore Airlines. "
        "A charity flight was made on 25 October 2007. Boeing unveiled the 787 on July 8, 2007.",
    ),
    "d": (
        "Charity flight report",
        date(2008, 1, 20),
        "The charity flight took place in January 2008, Airbus said. Boeing unveiled the 787 last July.",
    ),
}


def _story_mention(doc: str, sentence: str) -> Mention:
    start = STORY[doc][2].index(sentence)
    return Mention(doc, start, start + len(sentence), sentence)


def _timexes(doc: str, phrases: list[tuple[str, str]]) -> list[Timex]:
    text = STORY[doc][2]
    return [Timex(text.index(p), text.index(p) + len(p), p, "DATE", v) for p, v in phrases]


def make_story_timeline() -> Timeline:
    """Four articles telling one story: an event three of them tell, one two of them date differently
    (a conflict), and a delivery expected twice before it happened (slips). Entities included."""
    from timeline_app.core.model import Entity

    timexes = {
        "a": _timexes("a", [("June 14", "2005-06-14"), ("2006", "2006")]),
        "b": _timexes("b", [("2007", "2007")]),
        "c": _timexes(
            "c", [("October 25, 2007", "2007-10-25"), ("25 October 2007", "2007-10-25"), ("July 8, 2007", "2007-07-08")]
        ),
        "d": _timexes("d", [("January 2008", "2008-01"), ("last July", "2007-07")]),
    }
    docs = [
        Document(d, f"/tmp/{d}.txt", text, title=title, reference_date=written, timexes=timexes[d])
        for d, (title, written, text) in STORY.items()
    ]
    day = DatePoint.day
    in_service = "The A380 entered service on October 25, 2007 with Singapore Airlines."
    charity_c = "A charity flight was made on 25 October 2007."
    unveil_c = "Boeing unveiled the 787 on July 8, 2007."
    events = [
        Event(
            "expect-a",
            "Airbus expects the A380 to enter service",
            "Airbus expects the A380 to enter service in 2006.",
            FuzzyDate.point(DatePoint.year(2006)),
            status=Status.EXPECTED,
            mentions=[_story_mention("a", "Airbus expects the A380 to enter service in 2006.")],
            actors=["Airbus"],
            places=["Toulouse"],
            confidence=0.45,
        ),
        Event(
            "expect-b",
            "Airbus now expects the A380 to enter service",
            STORY["b"][2],
            FuzzyDate.point(DatePoint.year(2007)),
            status=Status.EXPECTED,
            mentions=[_story_mention("b", STORY["b"][2])],
            actors=["Airbus"],
            confidence=0.45,
        ),
        Event(
            "unveil",
            "Boeing unveiled the 787",
            unveil_c,
            FuzzyDate.point(day(date(2007, 7, 8))),
            date_basis="stated",
            mentions=[
                _story_mention("c", unveil_c),
                _story_mention("a", "Boeing unveiled the 787 in Everett."),
                _story_mention("d", "Boeing unveiled the 787 last July."),
            ],
            actors=["Boeing"],
            places=["Everett"],
            confidence=0.95,
            salience=0.8,
        ),
        Event(
            "charity",
            "A charity flight was made",
            charity_c,
            FuzzyDate.point(day(date(2007, 10, 25))),
            date_basis="stated",
            mentions=[
                _story_mention("c", charity_c),
                _story_mention("d", "The charity flight took place in January 2008, Airbus said."),
            ],
            actors=["Airbus"],
            conflict=[("c", "2007-10-25"), ("d", "2008-01")],
            confidence=0.6,
            salience=0.7,
        ),
        Event(
            "a380",
            "The A380 entered service",
            in_service,
            FuzzyDate.point(day(date(2007, 10, 25))),
            date_basis="stated",
            mentions=[_story_mention("c", in_service)],
            actors=["Singapore Airlines"],
            slips=[("a", "2006", "2005-06-14"), ("b", "2007", "2006-10-03")],
            confidence=0.85,
            salience=0.9,
        ),
    ]
    entities = [
        Entity("ent1", "Airbus", "actor", ["Airbus SAS"], 3),
        Entity("ent2", "Boeing", "actor", [], 1),
        Entity("ent3", "Singapore Airlines", "actor", [], 1),
        Entity("ent4", "Toulouse", "place", [], 1),
        Entity("ent5", "Everett", "place", [], 1),
    ]
    return Timeline(docs, events, entities)
