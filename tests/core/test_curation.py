from datetime import date

from timeline_app.core.curation import ChangeSummary, align_documents, reconcile
from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline

TEXT = "The council met on Monday. Protests began in October. A report is expected next year."
SEP3 = FuzzyDate.point(DatePoint.day(date(2025, 9, 3)))
SEP1 = FuzzyDate.point(DatePoint.day(date(2025, 9, 1)))
OCT = FuzzyDate.point(DatePoint.month(2024, 10))
NEXT_YEAR = FuzzyDate.point(DatePoint.year(2026))


def span(text: str, phrase: str, doc: str = "d1") -> Mention:
    start = text.index(phrase)
    return Mention(doc, start, start + len(phrase), phrase)


def event(eid: str, title: str, fd: FuzzyDate, phrase: str, text: str = TEXT, doc: str = "d1", **kw: object) -> Event:
    e = Event(eid, title, phrase, fd, mentions=[span(text, phrase, doc)])
    for k, v in kw.items():
        setattr(e, k, v)
    return e


def old_timeline() -> Timeline:
    return Timeline(
        documents=[
            Document("d1", "/news/a.txt", TEXT),
            Document("d2", "/news/b.txt", "Elections were held in 2022."),
        ],
        events=[
            event("e1", "Council met", SEP1, "The council met on Monday."),
            event("e2", "Protests began", OCT, "Protests began in October."),
            event("e3", "Report expected", NEXT_YEAR, "A report is expected next year."),
            event(
                "e4",
                "Elections",
                FuzzyDate.point(DatePoint.year(2022)),
                "Elections were held in 2022.",
                text="Elections were held in 2022.",
                doc="d2",
            ),
        ],
    )


def fresh_of(text: str, *events: tuple[str, str, FuzzyDate, str]) -> Timeline:
    doc = Document("f0", "/news/a.txt", text)
    return Timeline([doc], [event(i, t, fd, p, text=text, doc="f0") for i, t, fd, p in events])


def by_title(tl: Timeline) -> dict[str, Event]:
    return {e.title: e for e in tl.events}


def test_uncurated_events_follow_the_new_extraction_with_stable_ids() -> None:
    old = old_timeline()
    fresh = fresh_of(
        TEXT,
        ("n1", "Council met", SEP3, "The council met on Monday."),
        ("n2", "Protests began", OCT, "Protests began in October."),
        ("n3", "Report due", NEXT_YEAR, "A report is expected next year."),
    )
    new, summary = reconcile(old, fresh)
    titles = by_title(new)
    assert titles["Council met"].id == "e1"
    assert titles["Council met"].date == SEP3
    assert titles["Council met"].mentions[0].document == "d1"
    assert titles["Report due"].id == "e3"
    assert summary.redated == [("Council met", "1 Sep 2025", "3 Sep 2025")]
    assert summary.added == [] and summary.removed == []
    # The second document was not re-read: its event and document stay as they were.
    assert titles["Elections"] is old.events[3]
    assert [d.id for d in new.documents] == ["d1", "d2"]
    assert new.documents[1] is old.documents[1]
    assert new.documents[0].path == fresh.documents[0].path
    assert len(old.events) == 4  # the old timeline is left alone


def test_curated_event_survives_and_suppresses_the_fresh_events_it_stands_for() -> None:
    old = old_timeline()
    curated = event("m1", "Council and protests", OCT, "The council met on Monday.", curated=True)
    curated.mentions.append(span(TEXT, "Protests began in October."))
    curated.notes = "merged by hand"
    old.events[:2] = [curated]
    fresh = fresh_of(
        TEXT,
        ("n1", "Council met", SEP3, "The council met on Monday."),
        ("n2", "Protests began", OCT, "Protests began in October."),
        ("n3", "Report expected", NEXT_YEAR, "A report is expected next year."),
    )
    new, summary = reconcile(old, fresh)
    assert [e.title for e in new.events] == ["Elections", "Council and protests", "Report expected"]
    assert new.events[1] is curated
    assert summary.kept == ["Council and protests"]
    assert summary.added == [] and summary.removed == []


def test_moved_text_still_matches_by_mention_text() -> None:
    old = old_timeline()
    old.events[1].curated = True
    old.events[1].title = "Protests (checked)"
    moved = "Updated at noon. " + TEXT
    fresh = fresh_of(
        moved,
        ("n1", "Council met", SEP1, "The council met on Monday."),
        ("n2", "Protests began", OCT, "Protests began in October."),
    )
    new, summary = reconcile(old, fresh)
    titles = by_title(new)
    assert set(titles) == {"Council met", "Protests (checked)", "Elections"}
    assert titles["Council met"].id == "e1"
    assert titles["Council met"].mentions[0].start == 17 + 0
    assert summary.removed == ["Report expected"]
    assert summary.redated == []


def test_added_removed_conflicts_and_unmatched_are_reported() -> None:
    old = old_timeline()
    old.events[0].curated = True  # Council met, 1 Sep, as the person left it
    old.events[2].curated = True  # Report expected: gone from the new text
    text = "The council met on Monday. Protests began in October. Riots followed."
    fresh = fresh_of(
        text,
        ("e1x", "Council met", SEP3, "The council met on Monday."),
        ("n2", "Protests began", OCT, "Protests began in October."),
        ("e2", "Riots", OCT, "Riots followed."),
    )
    new, summary = reconcile(old, fresh)
    titles = by_title(new)
    assert titles["Council met"].date == SEP1
    assert summary.conflicts == [("Council met", "1 Sep 2025", "3 Sep 2025")]
    assert summary.unmatched == ["Report expected"]
    assert summary.added == ["Riots"]
    assert summary.removed == []
    # The fresh "e2" took the old id of Protests began; Riots must not collide with it.
    assert titles["Protests began"].id == "e2"
    assert titles["Riots"].id == "e2-2"
    assert len({e.id for e in new.events}) == len(new.events)
    report = summary.text()
    assert report.startswith("1 added, 0 removed, 0 re-dated; 2 curated kept.")
    assert "Riots" in report and "new extraction: 3 Sep 2025" in report


def test_event_spanning_a_document_not_reread_is_kept() -> None:
    old = old_timeline()
    old.events[0].mentions.append(Mention("d2", 0, 9, "Elections"))
    fresh = fresh_of(TEXT, ("n1", "Council met", SEP3, "The council met on Monday."))
    new, summary = reconcile(old, fresh)
    council = [e for e in new.events if e.title == "Council met"]
    assert council == [old.events[0]]
    assert summary.removed == ["Protests began", "Report expected"]


def test_align_documents_renames_by_path_and_avoids_id_clash() -> None:
    old = old_timeline()
    fresh = Timeline(
        [Document("d2", "/news/a.txt", TEXT), Document("d1", "/news/c.txt", "New article.")],
        [event("n1", "Council met", SEP3, "The council met on Monday.", doc="d2")],
    )
    aligned = align_documents(old, fresh)
    assert [(d.id, d.path) for d in aligned.documents] == [("d1", "/news/a.txt"), ("d1-2", "/news/c.txt")]
    assert aligned.events[0].mentions[0].document == "d1"
    assert fresh.documents[0].id == "d2"  # input untouched


def test_summary_text_limits_long_lists() -> None:
    summary = ChangeSummary(added=[f"event {i}" for i in range(20)])
    text = summary.text(limit=5)
    assert "… and 15 more" in text
    assert "event 4" in text and "event 5" not in text
    assert summary.changed
    assert not ChangeSummary().changed
