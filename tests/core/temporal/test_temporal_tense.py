"""Clause tense decides which way a weekday or month without a year points (reference 2025-09-04)."""

from datetime import date

import pytest

from timeline_app.core.temporal import tag
from timeline_app.core.temporal.tense import tense_at

REF = date(2025, 9, 4)


def values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, REF)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The summit will take place on Friday, officials said.", [("Friday", "2025-09-05")]),
        ("On Thursday, the company said it would cut jobs.", [("Thursday", "2025-09-04")]),
        (
            "The minister, who arrived in Seoul on Tuesday, will meet Kim on Friday.",
            [("Tuesday", "2025-09-02"), ("Friday", "2025-09-05")],
        ),
        ("Voters will go to the polls in November, the commission announced.", [("November", "2025-11")]),
        ("Final rules to be published in early November will decide.", [("early November", "2025-11")]),
        ("Protesters planned a large rally on Saturday.", [("Saturday", "2025-09-06")]),
    ],
)
def test_clause_tense_places_the_date(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert values(sentence) == expected


def test_tense_markers() -> None:
    text = "Officials said on Monday that the new dam will open soon."
    assert tense_at(text, text.index("Monday"), text.index("Monday") + 6) == "past"
    assert tense_at(text, text.index("soon"), text.index("soon") + 4) == "future"
    assert tense_at("Nothing here.", 0, 7) is None


def test_passive_participle_after_be_is_not_past() -> None:
    text = "The dividend will be paid in January."
    start = text.index("January")
    assert tense_at(text, start, start + 7) == "future"
