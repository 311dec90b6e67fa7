"""A postponement happened when reported; its new target date is expected. Reports of dated content."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.core.model import DateKind, Event, Status
from timeline_app.core.pipeline import extract_text

REF = date(2025, 9, 4)


def _events(text: str) -> list[Event]:
    return extract_text(text, reference_date=REF).events


@pytest.mark.parametrize(
    ("sentence", "thing", "target"),
    [
        ("The airline said it had postponed the launch until the second half of next year.", "the launch",
         "2026-41"),  # EDTF: the second half of 2026
        ("Organisers pushed back the opening of the new terminal to 2027.", "the opening of the new terminal", "2027"),
        ("The hearing was postponed until January 12.", "the hearing", "2026-01-12"),
        ("The council has delayed its vote on the budget until November.", "its vote on the budget", "2025-11"),
    ],
)  # fmt: skip
def test_postponement_occurred_and_new_date_expected(sentence: str, thing: str, target: str) -> None:
    events = _events(sentence)
    moved = [e for e in events if e.status is Status.OCCURRED]
    assert len(moved) == 1 and moved[0].date.kind is DateKind.BOUNDED
    assert moved[0].date.earliest is None and moved[0].date.latest == REF
    expected = [e for e in events if e.status is Status.EXPECTED]
    assert [(e.title, e.date.edtf) for e in expected] == [(f"New date for {thing}", target)]


def test_postponement_told_in_a_dated_report_is_bounded_by_it() -> None:
    events = _events("The board said on Tuesday that the merger had been postponed to 2026.")
    moved = next(e for e in events if e.status is Status.OCCURRED)
    assert moved.date.edtf == "[..2025-09-02]"
    assert {(e.title, e.date.edtf) for e in events if e.status is Status.EXPECTED} == {
        ("New date for the merger", "2026")
    }


def test_planned_date_without_postponement_is_one_expected_event() -> None:
    events = _events("The airline will launch the route in the second half of next year.")
    assert [(e.status, e.date.edtf) for e in events] == [(Status.EXPECTED, "2026-41")]


def test_past_target_is_history_not_a_new_date() -> None:
    events = _events("In 2019 the club postponed the match until March 2020.")
    assert not [e for e in events if e.title.startswith("New date")]


def test_report_without_speaker_is_titled_as_the_statement() -> None:
    events = _events("It said on Monday that second-quarter profit would miss forecasts.")
    report = next(e for e in events if e.status is Status.REPORTED)
    forecast = next(e for e in events if e.status is Status.EXPECTED)
    assert report.date.edtf == "2025-09-01" and report.title == "Statement: second-quarter profit would miss forecasts"
    assert forecast.title == "Second-quarter profit will miss forecasts"


def test_source_opening_the_sentence_is_no_trailing_report() -> None:
    events = _events("The research firm said according to its panel data, console sales fell 8% in July.")
    assert [(e.title, e.date.edtf, e.status) for e in events] == [("Console sales fell 8%", "2025-07", Status.OCCURRED)]


def test_expectation_titled_by_what_is_expected() -> None:
    events = _events("The port operator said on Tuesday it expected backlogs to clear by December.")
    report = next(e for e in events if e.status is Status.REPORTED)
    expected = next(e for e in events if e.status is Status.EXPECTED)
    assert report.date.edtf == "2025-09-02" and report.title.startswith("Port operator: Backlogs expected to clear")
    assert expected.title == "Backlogs expected to clear" and expected.date.latest == date(2025, 12, 31)
    assert not any(e.title.startswith("It ") for e in events)


def test_recent_reports_bound_what_they_tell() -> None:
    text = "Shares slipped on Monday. Recent court filings indicated that the miner has sold its stake in the smelter."
    sold = next(e for e in _events(text) if "sold its stake" in e.title)
    assert (sold.date.edtf, sold.status) == ("[..2025-09-04]", Status.OCCURRED)
    assert "Recent" in sold.date_basis or "“recent”" in sold.date_basis.lower()
