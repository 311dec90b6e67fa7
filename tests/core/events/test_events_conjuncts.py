"""Verbs joined by 'and', each with its own date, are separate happenings with readable titles."""

from __future__ import annotations

from datetime import date

from timeline_app.core.events.clauses import Clause, split_dated_conjuncts
from timeline_app.core.model import Event, Status
from timeline_app.core.pipeline import extract_text

REF = date(2025, 9, 4)


def _events(text: str) -> list[Event]:
    return extract_text(text, reference_date=REF).events


def _by_title(events: list[Event]) -> dict[str, tuple[str, Status]]:
    return {e.title: (e.date.edtf, e.status) for e in events}


def test_passive_verbs_share_subject_and_auxiliary() -> None:
    events = _by_title(_events("She was detained in March 2021 and charged the following year with bribery."))
    assert events["She was detained"] == ("2021-03", Status.OCCURRED)
    assert events["She was charged with bribery"] == ("2022", Status.OCCURRED)


def test_second_verb_with_its_own_auxiliary_keeps_only_the_subject() -> None:
    events = _by_title(_events("The stadium opened in 1964 and was demolished in 2008 to make way for housing."))
    assert events["The stadium opened"] == ("1964", Status.OCCURRED)
    assert [d for t, d in events.items() if t.startswith("The stadium was demolished")] == [("2008", Status.OCCURRED)]


def test_aside_with_two_dated_verbs() -> None:
    events = _by_title(
        _events("The governor, who was appointed in 2016 and re-elected in 2020, stepped down on Monday.")
    )
    assert events["The governor was appointed"] == ("2016", Status.OCCURRED)
    assert events["The governor was re-elected"] == ("2020", Status.OCCURRED)
    assert events["The governor stepped down"] == ("2025-09-01", Status.OCCURRED)


def test_adverb_after_and() -> None:
    events = _by_title(_events("Exports fell in May and then recovered in July."))
    assert events["Exports fell"] == ("2025-05", Status.OCCURRED)
    assert events["Exports recovered"] == ("2025-07", Status.OCCURRED)


def test_dates_joined_by_and_are_not_split() -> None:
    text = "The plant was idle between May and August and reopened in September."
    clause = Clause(0, len(text) - 1, "main")
    spans = [(text.index("May"), text.index("May") + 3), (text.index("August"), text.index("August") + 6),
             (text.index("September"), text.index("September") + 9)]  # fmt: skip
    pieces = split_dated_conjuncts(text, clause, spans)
    assert [p.text_in(text) for p, _ in pieces] == [
        "The plant was idle between May and August",
        "reopened in September",
    ]
    assert [s for _, s in pieces] == ["", "The plant"]


def test_undated_second_verb_stays_in_the_clause() -> None:
    text = "The council approved the budget in June and thanked the staff."
    pieces = split_dated_conjuncts(text, Clause(0, len(text), "main"), [(text.index("June"), text.index("June") + 4)])
    assert len(pieces) == 1 and pieces[0][0] == Clause(0, len(text), "main")


def test_no_split_without_a_subject_to_share() -> None:
    text = "In 2019 and again in 2021 officials reviewed the rules."
    spans = [(3, 7), (text.index("2021"), text.index("2021") + 4)]
    assert len(split_dated_conjuncts(text, Clause(0, len(text), "main"), spans)) == 1


def test_statement_between_the_news_and_a_trailing_phrase() -> None:
    events = _events(
        "Ferries will resume on the northern route from October 6, the port authority announced this morning, "
        "a year after the service was halted."
    )
    assert [(e.title, e.date.edtf, e.status) for e in events] == [
        ("Statement by port authority", "2025-09-04", Status.REPORTED),
        ("Ferries will resume on the northern route", "2025-10-06", Status.EXPECTED),
    ]


def test_statement_after_a_bare_subject_stays_in_the_sentence() -> None:
    events = _events("The rebels, officials said, had withdrawn from the town by Friday.")
    assert len(events) == 1 and events[0].title.startswith("The rebels")
    assert events[0].date.latest == date(2025, 8, 29)
