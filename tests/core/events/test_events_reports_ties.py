"""Who reported, and which dated happening an undated clause refers to."""

from __future__ import annotations

import pytest

from timeline_app.core.events.candidates import Candidate
from timeline_app.core.events.clauses import Clause
from timeline_app.core.events.reports import report_source
from timeline_app.core.events.sentences import Sentence
from timeline_app.core.events.ties import TieIndex
from timeline_app.core.model import Status


@pytest.mark.parametrize(
    ("attribution", "source"),
    [
        (", as reported by local radio on Monday.", "local radio"),
        (", according to a report by the Daily Wire, citing officials.", "Daily Wire"),
        (", as per the agency.", "agency"),
        (", the interior minister said.", "interior minister"),
        ("But the mayor also said on Friday that ", "mayor"),
        ("CBS News first reported that ", "CBS News"),
        (", it was.", ""),
    ],
)
def test_report_source(attribution: str, source: str) -> None:
    assert report_source(attribution) == source


def _candidate(text: str, start: int, nouns: list[str]) -> Candidate:
    sentence = Sentence(start, start + len(text), text, True, 0)
    clause = Clause(start, start + len(text), "main")
    return Candidate(sentence, clause, "dated", None, Status.OCCURRED, "", [(start, start + len(text))], nouns=nouns)


def test_tie_index_finds_nearest_in_another_sentence() -> None:
    far = _candidate("The summit opened on Monday.", 0, ["meeting"])
    near = _candidate("Talks resumed on Wednesday.", 500, ["meeting"])
    parade = _candidate("A parade was held on Tuesday.", 300, ["parade"])
    index = TieIndex([far, near, parade])
    asking = _candidate("During the talks, ministers signed a pact.", 560, ["meeting"])
    assert index.nearest("meeting", asking) is near
    assert index.nearest("parade", asking) is parade
    assert index.nearest("election", asking) is None
    assert index.nearest("meeting", near) is far  # never the clause's own sentence
