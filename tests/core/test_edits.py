import copy
from datetime import date, datetime
from pathlib import Path

import pytest

from timeline_app.core.curation import hand_set_basis, is_hand_set
from timeline_app.core.edits import (
    USER_REFERENCE_BASIS,
    EditError,
    EditSequence,
    SetFields,
    add_event,
    build_date,
    date_parts,
    delete_events,
    find_event,
    mark_reviewed,
    merge_events,
    merged_date,
    moved_date,
    new_event,
    reanchor_document,
    reextract,
    set_color,
    set_date,
    set_group,
    set_notes,
    set_status,
    set_title,
    touched_events,
)
from timeline_app.core.model import (
    DateKind,
    DatePoint,
    Document,
    Event,
    FuzzyDate,
    Mention,
    Precision,
    Status,
    Timeline,
)

DAY = FuzzyDate.point(DatePoint.day(date(2025, 9, 3)))
MONTH = FuzzyDate.point(DatePoint.month(2024, 10))
YEAR = FuzzyDate.point(DatePoint.year(2023))

TEXT = "The council met on Monday. Protests began in October. A report is expected next year."


def mention(start: int, end: int, doc: str = "d1") -> Mention:
    return Mention(doc, start, end, TEXT[start:end])


def sample() -> Timeline:
    return Timeline(
        documents=[Document(id="d1", path="/nonexistent/a.txt", text=TEXT, reference_date=date(2025, 9, 4))],
        events=[
            Event("e1", "Protests began", "Protests began in October.", MONTH, mentions=[mention(27, 53)]),
            Event("e2", "The council met", "The council met on Monday.", DAY, mentions=[mention(0, 26)]),
            Event(
                "e3",
                "Report expected",
                "A report is expected next year.",
                FuzzyDate.bounded(DatePoint.day(date(2025, 9, 4)), None),
                status=Status.EXPECTED,
                mentions=[mention(54, 86)],
            ),
        ],
    )


def snapshot(tl: Timeline) -> list[tuple[str, str, str, str, str, bool, str]]:
    return [(e.id, e.title, e.date.edtf, e.notes, e.group, e.curated, e.status.value) for e in tl.events]


@pytest.mark.parametrize(
    ("edit", "field", "value"),
    [
        (set_title("e2", "Council vote"), "title", "Council vote"),
        (set_date("e2", YEAR), "date", YEAR),
        (set_status("e2", Status.REPORTED), "status", Status.REPORTED),
        (set_notes("e2", "check minutes"), "notes", "check minutes"),
        (set_group("e2", "Politics"), "group", "Politics"),
        (set_color("e2", "#aa3300"), "color", "#aa3300"),
    ],
)
def test_each_field_edit_applies_marks_curated_and_undoes(edit, field: str, value: object) -> None:
    tl = sample()
    before = copy.deepcopy(tl)
    inverse = edit.apply(tl)
    event = find_event(tl, "e2")
    assert getattr(event, field) == value
    assert event.curated is True
    redo = inverse.apply(tl)
    assert tl == before
    assert find_event(tl, "e2").curated is False
    redo.apply(tl)
    assert getattr(find_event(tl, "e2"), field) == value


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "   "}, "needs a title"),
        ({"color": "red"}, "#rrggbb"),
        ({"status": "done"}, "must be a Status"),
        ({"sentence": "x"}, "not an editable"),
        (
            {"date": FuzzyDate.interval(DatePoint.day(date(2025, 9, 5)), DatePoint.day(date(2025, 9, 1)))},
            "after the end",
        ),
    ],
)
def test_invalid_field_values_are_refused_and_change_nothing(changes: dict[str, object], message: str) -> None:
    tl = sample()
    before = copy.deepcopy(tl)
    with pytest.raises(EditError, match=message):
        SetFields("e2", tuple(changes.items())).apply(tl)
    assert tl == before


def test_unknown_event_is_an_edit_error() -> None:
    with pytest.raises(EditError, match="no event with id 'zz'"):
        set_title("zz", "x").apply(sample())


def test_add_event_inserts_in_date_order_and_undo_removes_it() -> None:
    tl = sample()
    tl.sort()
    order = [e.id for e in tl.events]
    assert order == ["e1", "e2", "e3"]
    event = new_event(tl, "Budget passed", FuzzyDate.point(DatePoint.day(date(2025, 1, 15))), group="Money")
    inverse = add_event(tl, event).apply(tl)
    assert [e.id for e in tl.events] == ["e1", "user-1", "e2", "e3"]
    assert event.curated and event.group == "Money"
    inverse.apply(tl)
    assert [e.id for e in tl.events] == order


def test_add_event_refuses_a_duplicate_id() -> None:
    tl = sample()
    duplicate = Event("e1", "Again", "", DAY)
    with pytest.raises(EditError, match="already exists"):
        add_event(tl, duplicate).apply(tl)
    assert len(tl.events) == 3


def test_delete_restores_original_positions_on_undo() -> None:
    tl = sample()
    before = copy.deepcopy(tl)
    inverse = delete_events(["e3", "e1"]).apply(tl)
    assert [e.id for e in tl.events] == ["e2"]
    inverse.apply(tl)
    assert tl == before


def test_delete_nothing_is_refused() -> None:
    with pytest.raises(EditError):
        delete_events([])


def test_merge_combines_mentions_keeps_earliest_date_and_titles_in_notes() -> None:
    tl = sample()
    find_event(tl, "e2").notes = "seen on TV"
    before = copy.deepcopy(tl)
    inverse = merge_events(tl, ["e2", "e1"]).apply(tl)
    assert [e.id for e in tl.events] == ["merged-1", "e3"]
    merged = tl.events[0]
    assert merged.date == MONTH  # Oct 2024 is earlier than 3 Sep 2025
    assert merged.title == "Protests began"
    assert [(m.start, m.end) for m in merged.mentions] == [(0, 26), (27, 53)]
    assert "Merged from: The council met; Protests began" in merged.notes
    assert "seen on TV" in merged.notes
    assert merged.curated
    assert "Protests began" in merged.date_basis
    inverse.apply(tl)
    assert tl == before


def test_merge_needs_two_events() -> None:
    with pytest.raises(EditError, match="at least two"):
        merge_events(sample(), ["e1"])


def test_merged_date_prefers_stated_dates_and_intersects_bounds() -> None:
    lower = FuzzyDate.bounded(DatePoint.day(date(2025, 1, 1)), DatePoint.day(date(2025, 6, 30)))
    upper = FuzzyDate.bounded(DatePoint.day(date(2025, 3, 1)), DatePoint.day(date(2025, 12, 31)))
    assert merged_date([lower, DAY]) == DAY
    both = merged_date([lower, upper])
    assert both.kind is DateKind.BOUNDED
    assert (both.earliest, both.latest) == (date(2025, 3, 1), date(2025, 6, 30))
    # Of two stated dates starting the same day, the more precise one wins.
    september = FuzzyDate.point(DatePoint.month(2025, 9))
    first = FuzzyDate.point(DatePoint.day(date(2025, 9, 1)))
    assert merged_date([september, first]) == first


def test_sequence_is_all_or_nothing() -> None:
    tl = sample()
    before = copy.deepcopy(tl)
    with pytest.raises(EditError):
        EditSequence((set_title("e1", "ok"), set_title("missing", "x")), "both").apply(tl)
    assert tl == before


def test_mark_reviewed_undo_restores_unreviewed() -> None:
    tl = sample()
    inverse = mark_reviewed(["e1", "e3"]).apply(tl)
    assert [e.curated for e in tl.events] == [True, False, True]
    inverse.apply(tl)
    assert [e.curated for e in tl.events] == [False, False, False]


@pytest.mark.parametrize(
    ("precision", "start", "end", "edtf"),
    [
        ("day", date(2025, 9, 3), None, "2025-09-03"),
        ("month", date(2024, 10, 17), None, "2024-10"),
        ("year", date(2023, 5, 1), None, "2023"),
        ("interval", date(2024, 10, 1), date(2025, 9, 3), "2024-10-01/2025-09-03"),
        ("interval", None, date(2025, 9, 3), "../2025-09-03"),
        ("bounded", date(2025, 9, 4), None, "[2025-09-04..]"),
        ("bounded", date(2025, 1, 1), date(2025, 2, 1), "[2025-01-01..2025-02-01]"),
    ],
)
def test_build_date_for_each_precision(precision: str, start: date | None, end: date | None, edtf: str) -> None:
    assert build_date(precision, start, end).edtf == edtf


def test_build_date_keeps_coarse_endpoints_left_unchanged() -> None:
    original = FuzzyDate.from_edtf("2024-10/2025-09-03")
    kind, lo, hi = date_parts(original)
    assert (kind, lo, hi) == ("interval", date(2024, 10, 1), date(2025, 9, 3))
    assert build_date(kind, lo, hi, keep=original) == original
    moved = build_date(kind, date(2024, 10, 2), hi, keep=original)
    assert moved.edtf == "2024-10-02/2025-09-03"


def test_build_date_refuses_reversed_or_missing_dates() -> None:
    with pytest.raises(EditError, match="after the end"):
        build_date("interval", date(2025, 2, 1), date(2025, 1, 1))
    with pytest.raises(EditError, match="choose the month"):
        build_date("month", None)


def test_date_parts_of_a_week_is_an_interval() -> None:
    week = FuzzyDate.point(DatePoint(date(2025, 9, 1), date(2025, 9, 7), Precision.WEEK))
    assert date_parts(week) == ("interval", date(2025, 9, 1), date(2025, 9, 7))


class FakeExtractor:
    """Stands in for the pipeline: dates "on Monday" against the reference date it is given."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], date | None]] = []

    def __call__(self, paths: list[str], reference_date: date | None) -> tuple[Timeline, list[str]]:
        self.calls.append((list(paths), reference_date))
        ref = reference_date or date(2025, 9, 4)
        monday = date.fromordinal(ref.toordinal() - ref.weekday())
        text = Path(paths[0]).read_text(encoding="utf-8")
        doc = Document(id="doc-0", path=paths[0], text=text, reference_date=ref, reference_date_basis="dateline")
        fresh = [
            Event("x1", "Council met", "", FuzzyDate.point(DatePoint.day(monday)), mentions=[mention(0, 26, "doc-0")]),
            Event("x2", "Protests began", "", MONTH, mentions=[mention(27, 53, "doc-0")]),
        ]
        return Timeline([doc], fresh), []


def test_reanchor_redates_uncurated_keeps_curated_and_undoes(tmp_path: Path) -> None:
    tl = sample()
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    tl.documents[0].path = str(article)
    set_title("e1", "Protests started").apply(tl)  # curated now
    before = copy.deepcopy(tl)
    extract = FakeExtractor()
    change = reanchor_document(tl, "d1", date(2025, 8, 20), extract)
    assert extract.calls == [([str(article)], date(2025, 8, 20))]
    inverse = change.edit.apply(tl)
    assert tl.documents[0].id == "d1"
    assert tl.documents[0].reference_date == date(2025, 8, 20)
    assert tl.documents[0].reference_date_basis == USER_REFERENCE_BASIS
    council = find_event(tl, "e2")  # same id kept across re-extraction
    assert council.date.edtf == "2025-08-18"
    assert council.mentions[0].document == "d1"
    assert find_event(tl, "e1").title == "Protests started"
    assert sorted(e.id for e in tl.events) == ["e1", "e2"]
    assert change.summary.redated == [("Council met", "3 Sep 2025", "18 Aug 2025")]
    assert change.summary.removed == ["Report expected"]
    assert change.summary.kept == ["Protests started"]
    inverse.apply(tl)
    assert tl == before


def test_reextract_reads_project_text_when_file_is_gone_and_remembers_user_reference_date() -> None:
    tl = sample()
    tl.documents[0].reference_date = date(2025, 8, 20)
    tl.documents[0].reference_date_basis = USER_REFERENCE_BASIS
    extract = FakeExtractor()
    change = reextract(tl, extract)
    ((paths, ref),) = extract.calls
    assert ref == date(2025, 8, 20)
    assert paths[0] != "/nonexistent/a.txt"
    change.edit.apply(tl)
    assert tl.documents[0].path == "/nonexistent/a.txt"
    assert find_event(tl, "e2").date.edtf == "2025-08-18"


def test_reextract_failure_is_an_edit_error_and_changes_nothing() -> None:
    def broken(paths: list[str], reference_date: date | None) -> tuple[Timeline, list[str]]:
        raise OSError("disk unreadable")

    tl = sample()
    with pytest.raises(EditError, match="disk unreadable"):
        reextract(tl, broken)
    assert len(tl.events) == 3


def test_reextract_keeps_sources_that_cannot_be_read_again() -> None:
    tl = sample()
    imported = Document(id="src-1", path="https://example.org/story", text="", title="Imported story")
    tl.documents.append(imported)
    tl.events.append(Event("i1", "From an import", "", YEAR, mentions=[Mention("src-1", 0, 0, "")]))
    extract = FakeExtractor()
    change = reextract(tl, extract)
    assert len(extract.calls) == 1  # only the article with text was read
    change.edit.apply(tl)
    assert find_event(tl, "i1").title == "From an import"
    assert tl.document("src-1") is imported
    assert change.summary.errors == ["Imported story: no text to read again (kept as it was)"]
    with pytest.raises(EditError, match="Imported story: neither the file nor its text"):
        reanchor_document(tl, "src-1", date(2025, 1, 1), extract)


def test_touched_events_names_in_place_edits_only() -> None:
    assert touched_events(set_title("e1", "x")) == {"e1"}
    assert touched_events(mark_reviewed(["e1", "e2"])) == {"e1", "e2"}
    assert touched_events(delete_events(["e1"])) is None
    assert touched_events(EditSequence((set_title("e1", "x"), delete_events(["e2"])), "mixed")) is None


# dates set by hand ----------------------------------------------------------------


def test_a_date_set_by_hand_says_so_and_when_and_undo_brings_back_the_old_basis() -> None:
    tl = sample()
    event = find_event(tl, "e2")
    event.date_basis = "relative to the reference date 2025-09-04 (Monday)"
    inverse = set_date("e2", YEAR).apply(tl)
    assert is_hand_set(event.date_basis) and event.date_basis.startswith("set by hand on ")
    assert str(date.today().year) in event.date_basis
    first = event.date_basis
    redo = inverse.apply(tl)
    assert event.date_basis == "relative to the reference date 2025-09-04 (Monday)" and event.date == DAY
    redo.apply(tl)
    assert event.date == YEAR and event.date_basis == first  # redo keeps the time of the edit
    # Other fields leave the basis alone.
    set_title("e2", "Council vote").apply(tl)
    assert event.date_basis == first


def test_hand_set_basis_names_the_time_of_the_edit() -> None:
    assert hand_set_basis(datetime(2025, 9, 4, 14, 5)) == "set by hand on 4 Sep 2025 at 14:05"


@pytest.mark.parametrize(
    ("fd", "days", "mode", "edtf"),
    [
        (DAY, 2.4, "move", "2025-09-05"),
        (DAY, -0.4, "move", "2025-09-03"),
        (MONTH, 40.0, "move", "2024-11"),
        (MONTH, -100.0, "move", "2024-07"),
        (YEAR, 400.0, "move", "2024"),
        (
            FuzzyDate.point(DatePoint(date(2025, 9, 3), date(2025, 9, 3), Precision.TIME, "14:30")),
            0.26,
            "move",
            "2025-09-03T20:45",
        ),
        (
            FuzzyDate.interval(DatePoint.day(date(2025, 9, 1)), DatePoint.day(date(2025, 9, 5))),
            3.0,
            "move",
            "2025-09-04/2025-09-08",
        ),
        (
            FuzzyDate.interval(DatePoint.day(date(2025, 9, 1)), DatePoint.day(date(2025, 9, 5))),
            2.0,
            "start",
            "2025-09-03/2025-09-05",
        ),
        (
            FuzzyDate.interval(DatePoint.month(2024, 10), DatePoint.day(date(2025, 9, 5))),
            -3.0,
            "end",
            "2024-10/2025-09-02",
        ),
        (FuzzyDate.bounded(DatePoint.day(date(2025, 9, 4)), None), 1.0, "move", "[2025-09-05..]"),
    ],
)
def test_moved_date_moves_in_whole_units_of_each_ends_precision(
    fd: FuzzyDate, days: float, mode: str, edtf: str
) -> None:
    assert moved_date(fd, days, mode).edtf == edtf


def test_moved_date_refuses_open_ends_and_reversed_periods() -> None:
    period = FuzzyDate.interval(DatePoint.day(date(2025, 9, 1)), DatePoint.day(date(2025, 9, 5)))
    with pytest.raises(ValueError, match="after the end"):
        moved_date(period, 10.0, "start")
    with pytest.raises(ValueError, match="open"):
        moved_date(FuzzyDate.bounded(DatePoint.day(date(2025, 9, 4)), None), 1.0, "end")
    with pytest.raises(ValueError, match="outside the calendar"):
        moved_date(FuzzyDate.point(DatePoint.year(9999)), 800.0)
    # The inferred mark goes: a date a person chose is stated, not implied.
    inferred = FuzzyDate.point(DatePoint.day(date(2025, 9, 3)), inferred=True)
    assert not moved_date(inferred, 1.0).inferred


# Split sources -----------------------------------------------------------------------------

A_TEXT = "Airbus said the A380 entered service on 25 October 2007. Other news."
B_TEXT = "Reuters: the A380 entered service in January 2008, officials said."
C_TEXT = "Filler. The A380 superjumbo entered service with Singapore Airlines."


def _merged_story() -> Timeline:
    """Three articles telling one happening; two of them disagree on its date."""
    docs = [
        Document("a", "/nonexistent/a.txt", A_TEXT, title="Airbus article", reference_date=date(2007, 10, 26)),
        Document("b", "/nonexistent/b.txt", B_TEXT, title="Reuters article", reference_date=date(2008, 1, 20)),
        Document("c", "/nonexistent/c.txt", C_TEXT, title="Wire", reference_date=date(2007, 10, 30)),
    ]
    a_sentence = A_TEXT[: A_TEXT.index(" Other")]
    c_sentence = C_TEXT[len("Filler. ") :]
    merged = Event(
        "m1",
        "A380 entered service",
        a_sentence,
        FuzzyDate.point(DatePoint.day(date(2007, 10, 25))),
        date_basis="stated",
        mentions=[
            Mention("b", 0, len(B_TEXT), B_TEXT),
            Mention("a", 0, len(a_sentence), a_sentence),
            Mention("c", 8, 8 + len(c_sentence), c_sentence),
        ],
        actors=["Airbus", "Reuters", "Singapore Airlines"],
        notes="my note",
        conflict=[("a", "2007-10-25"), ("b", "2008-01")],
        slips=[("x", "2006", "2005-06-14")],
        confidence=0.6,
    )
    before = Event("e0", "Earlier", "", FuzzyDate.point(DatePoint.year(2005)))
    after = Event("e9", "Later", "", FuzzyDate.point(DatePoint.day(date(2007, 12, 1))))
    return Timeline(docs, [before, merged, after])


def test_split_sources_gives_each_source_its_mentions_and_its_own_date() -> None:
    from timeline_app.core.edits import split_sources

    tl = _merged_story()
    original = copy.deepcopy(tl.events)
    inverse = split_sources(tl, ["m1"]).apply(tl)
    by_doc = {e.document: e for e in tl.events if e.mentions}
    assert set(by_doc) == {"a", "b", "c"}
    a, b, c = by_doc["a"], by_doc["b"], by_doc["c"]
    # The source whose sentence the event showed keeps its id, sentence, notes and slips.
    assert a.id == "m1" and a.sentence.startswith("Airbus said") and a.notes == "my note"
    assert a.slips == [("x", "2006", "2005-06-14")] and not b.slips and not c.slips
    assert [m.document for m in b.mentions] == ["b"] and b.sentence == B_TEXT
    assert b.date.edtf == "2008-01" and "Reuters article" in b.date_basis
    assert a.date.edtf == "2007-10-25"
    assert c.date.edtf == "2007-10-25" and c.date_basis == "stated"  # no conflict entry: the sources agreed
    assert all(not e.conflict and e.curated for e in (a, b, c))
    assert b.actors == ["Reuters"] and c.actors == ["Singapore Airlines"]
    assert len({a.id, b.id, c.id}) == 3
    # The part dated Jan 2008 sorts after the event of 1 Dec 2007.
    assert [e.id for e in tl.events].index(b.id) > [e.id for e in tl.events].index("e9")
    assert [e.date.sort_key() for e in tl.events] == sorted(e.date.sort_key() for e in tl.events)
    assert 0 < b.confidence < 1  # its own, not the 1.0 of an event a person checked
    inverse.apply(tl)
    assert tl.events == original


def test_split_sources_refuses_a_single_source_event() -> None:
    from timeline_app.core.edits import can_split, split_sources

    tl = sample()
    assert not can_split(tl.events[0])
    with pytest.raises(EditError, match="one source"):
        split_sources(tl, [tl.events[0].id])
    with pytest.raises(EditError, match="no event"):
        split_sources(tl, ["nope"])


def test_split_sources_of_several_events_is_one_step_with_unique_ids() -> None:
    from timeline_app.core.edits import split_sources

    tl = _merged_story()
    twin = copy.deepcopy(tl.events[1])
    twin.id = "m1-b"  # the id a split part of m1 would take first
    tl.events.insert(2, twin)
    edit = split_sources(tl, ["m1", "m1-b", "e0"])  # e0 has one source: left as it is
    edit.apply(tl)
    ids = [e.id for e in tl.events]
    assert len(ids) == len(set(ids)) == 2 + 3 + 3
    assert "e0" in ids and edit.label == "Split sources of 2 events"
