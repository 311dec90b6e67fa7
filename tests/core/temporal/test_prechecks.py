"""Pre-checks: a rule runs only where a word begins as its matches can, and finds exactly what a full search finds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from timeline_app.core.temporal import recognise
from timeline_app.core.temporal.base import rule
from timeline_app.core.temporal.lexicon import MONTHS
from timeline_app.core.temporal.prechecks import Starts, beginnings

TBAQ = Path(__file__).resolve().parents[4] / "shared" / "data" / "timeml" / "TBAQ-cleaned"

TRICKY = [
    "Talks resumed on ſeptember 4, 2020, and again on SEPT. 9 (the year-end review), 3-year deals.",
    "The \u212aelvin-scale talks of 1999 lasted three    \n\n   years; a decade ago, the 1990s, '90s.",
    "Prices rose 5% year-on-year in Q3 and H1 FY2024; the 2019-21 plan ran from March to May 2024.",
    "It began ſeven years ago and laſted ſix weeks, \u212aids said.",  # "ſ" is an "s" to the rules
    "No time here at all.",
    "",
    "İstanbul, Sep 4 (Wire) — İn the past two weeks, yesterday at 10:30 a.m. and every Monday.",
]


def found(text: str, prechecks: bool) -> list[tuple[int, int, str, tuple[Any, ...]]]:
    return [(c.start, c.end, c.rule.name, c.match.groups()) for c in recognise.candidates(text, prechecks=prechecks)]


def by_name(name: str) -> int:
    return next(i for i, r in enumerate(recognise.RULES) if r.name == name)


def test_beginnings_come_from_the_word_lists() -> None:
    month = recognise.BEGINNINGS[by_name("month_year")]
    assert month is not None
    full_names = {m for m in MONTHS if len(m) > 4 and "." not in m}
    assert full_names <= month.prefixes


def test_every_rule_has_beginnings() -> None:
    # A rule without them would be searched everywhere: correct, but slow. Each one listed here is a choice.
    assert [r.name for r, b in zip(recognise.RULES, recognise.BEGINNINGS, strict=True) if b is None] == []


def test_a_pattern_that_may_begin_anywhere_has_no_beginnings() -> None:
    assert beginnings(rule("any", r".+day", lambda m, ctx: None).pattern) is None
    assert beginnings(rule("space", r"\s*today", lambda m, ctx: None).pattern) is None
    assert beginnings(re.compile(r"today", re.IGNORECASE)) is None  # not built by rule(): no word-start guard
    found_ = beginnings(rule("opt", r"(?:last\s+)?(?:week|month)s?", lambda m, ctx: None).pattern)
    assert found_ is not None and found_.prefixes == {"last", "week", "month"}


def test_rule_is_skipped_when_its_words_are_absent(monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[str] = []
    real = recognise.first_match

    def spy(pattern: re.Pattern[str], text: str, places: list[int], pos: int) -> re.Match[str] | None:
        tried.append(pattern.pattern)
        return real(pattern, text, places, pos)

    monkeypatch.setattr(recognise, "first_match", spy)
    adverb = recognise.RULES[by_name("adverb_set")].pattern.pattern
    recognise.candidates("The board met on Monday and voted.")
    assert adverb not in tried
    recognise.candidates("The board meets weekly and voted on Monday.")
    assert adverb in tried


def test_places_are_word_starts_with_a_beginning() -> None:
    text = "Last week, the lasting peace; last-minute talks. LAST year"
    wanted = beginnings(rule("w", r"last\s+(?:week|year)", lambda m, ctx: None).pattern)
    assert wanted is not None
    assert Starts(text).of(wanted) == [0, 15, 30, 49]  # "lasting" begins with "last" too: the match decides


@pytest.mark.parametrize("text", TRICKY)
def test_same_matches_on_odd_texts(text: str) -> None:
    assert found(text, prechecks=True) == found(text, prechecks=False)


def test_a_word_that_is_not_ascii_is_always_tried() -> None:
    found_ = found("It began ſeven years ago.", prechecks=True)
    assert (9, 24, "shifted") in [(s, e, name) for s, e, name, _groups in found_]


def test_same_matches_and_values_on_tbaq_sample() -> None:
    files = sorted(TBAQ.rglob("*.tml"))[::9]
    if not files:
        pytest.skip(f"TBAQ-cleaned not found under {TBAQ}")
    from timeline_app.core.ingest.timeml import load_timeml

    for path in files:
        text = load_timeml(path).text
        assert found(text, prechecks=True) == found(text, prechecks=False), path.name
