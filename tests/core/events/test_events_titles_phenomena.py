"""Titles, one phenomenon per example: faithful, grammatical, short, never garbled by what was removed."""

from __future__ import annotations

import pytest

from timeline_app.core.events.titles import make_title


@pytest.mark.parametrize(
    ("clause", "title"),
    [
        # a title word inside a noun phrase stays; an opening one before a name goes
        (
            "The current Microsoft CEO Steve Ballmer also expressed condolences",
            "The current Microsoft CEO Steve Ballmer expressed condolences",
        ),
        (
            "North Korean leader Kim Jong-un and Russian President Vladimir Putin have engaged in talks",
            "Kim Jong-un and Vladimir Putin have engaged in talks",
        ),
        # mixed-case names keep their case
        ("iPhone 4 had only been out for 22 days", "iPhone 4 had only been out for 22 days"),
        # never cut before the verb, nor in a number
        (
            "Apps , books , documents , photos , and more purchased on one device will be shared with others .",
            "Apps, books, documents, photos, and more purchased on one device will be shared with others",
        ),
        (
            "Jobs welcomed everyone to the event and announced that there were 3,800 attendees .",
            "Jobs welcomed everyone to the event and announced that there were 3,800 attendees",
        ),
        (
            "The appearance of the trio at the platform was a powerful visual representation of a united stance "
            "against the United States.",
            "The appearance of the trio at the platform was a powerful visual representation of a united stance",
        ),
        # an aside between subject and verb goes; a list does not
        ("Freeh, on an official visit to Mexico, asked for help.", "Freeh asked for help"),
        (
            "Apple reports that Tiger , the code name for this release , includes over 200 new features",
            "Apple reports that Tiger includes over 200 new features",
        ),
        (
            "Dashboard provides a sandbox for widgets , handy mini-apps like a calculator , sticky notes , and a map",
            "Dashboard provides a sandbox for widgets, handy mini-apps like a calculator, sticky notes",
        ),
        # a quotation after "said," names its speaker
        (
            'Schiller said , " The Mac has outpaced the PC industry every quarter for five years running . "',
            "Schiller: The Mac has outpaced the PC industry every quarter",
        ),
    ],
)  # fmt: skip
def test_titles(clause: str, title: str) -> None:
    assert make_title(clause) == title


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a clause without its own subject takes the sentence's
        (
            "Apple 's bumpers were priced at $ 29 before the event , but will be free to anyone until September 30 .",
            "Apple's bumpers will be free to anyone",
        ),
        # a year naming a thing stays in the title
        (
            "Apple released a new lineup of laptops and the 2011 version of its software on Wednesday .",
            "the 2011 version",
        ),
        # someone who acts before saying is no bare speaker
        (
            "Jobs has not yet mentioned what prompted his decision , but said he will still be the company 's CEO .",
            "Jobs has not yet mentioned",
        ),
    ],
)  # fmt: skip
def test_titles_in_context(text: str, words: str) -> None:
    from datetime import date

    from timeline_app.core.pipeline import extract_text

    titles = [e.title for e in extract_text(text, reference_date=date(2010, 7, 17)).events]
    assert any(words in t for t in titles), titles


@pytest.mark.parametrize(
    ("clause", "title"),
    [
        # an attribution between commas is no part of the title
        ("Americans in Tanzania, he said, should stay home.", "Americans in Tanzania should stay home"),
        # a verb far from a later "had" is still the verb; a title never ends on a pronoun
        (
            "Albright spent about five hours in Tanzania before heading to Nairobi in a small plane when an engine "
            "of the Boeing 747 she had flown in developed problems.",
            "Albright spent about five hours in Tanzania before heading to Nairobi",
        ),
    ],
)
def test_more_titles(clause: str, title: str) -> None:
    assert make_title(clause) == title
