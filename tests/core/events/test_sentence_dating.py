"""How a sentence's own happening is dated, one phenomenon per group of examples in data/sentence_dating.tsv."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.events.narrative import clause_tense
from timeline_app.core.pipeline import extract_text

REF = date(2025, 9, 4)
EXAMPLES = [
    line.split("\t")
    for line in (Path(__file__).parent / "data" / "sentence_dating.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize(("phenomenon", "text", "words", "edtf", "status"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_sentence_dating(phenomenon: str, text: str, words: str, edtf: str, status: str) -> None:
    events = extract_text(text, reference_date=REF).events
    found = [e for e in events if words.lower() in e.title.lower()]
    assert found, [e.title for e in events]
    assert (found[0].date.edtf, found[0].status.value) == (edtf, status), found[0].date_basis


def test_every_telling_sentence_is_an_event_with_its_sentence_as_mention() -> None:
    text = "Rescuers pulled two people from the rubble. The mayor thanked them. Officials fear more are trapped."
    events = extract_text(text, reference_date=REF).events
    titles = [e.title for e in events]
    assert any("pulled two people" in t for t in titles) and any("thanked them" in t for t in titles)
    for e in events:
        assert text[e.mentions[0].start : e.mentions[0].end] == e.mentions[0].text


def test_commentary_said_by_no_one_is_no_event() -> None:
    text = "Analysts think the relationship is complicated. Many observers remain cautious about it."
    assert extract_text(text, reference_date=REF).events == []


def test_inferred_dates_say_so_and_why() -> None:
    event = extract_text("The company recalled 2,000 cars.", reference_date=REF).events[0]
    assert event.date.inferred and event.date.describe() == "~ 4 Sep 2025"
    assert "no date in the sentence" in event.date_basis and "report's news" in event.date_basis


def test_no_reference_date_leaves_undated_sentences_out() -> None:
    assert extract_text("The company recalled 2,000 cars.", reference_date=None).events == [] or all(
        not e.date.inferred for e in extract_text("The company recalled 2,000 cars.").events
    )


@pytest.mark.parametrize(
    ("clause", "tense"),
    [
        ("The firm said", "past"),
        ("Jobs unveiled the phone", "past"),
        ("The phone has two cameras", "present"),
        ("It will open in May", "future"),
        ("The agency is set to approve", "future"),
        ("He had resigned", "before"),
        ("Regulators recently fined the bank", "before"),
        ("Analysts think it is over", "state"),
    ],
)
def test_clause_tense(clause: str, tense: str) -> None:
    assert clause_tense(clause) == tense
