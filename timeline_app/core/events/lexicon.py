"""Small general word lists: nouns that name happenings, tense and modality cues."""

from __future__ import annotations

import re

from timeline_app.core.lang import alternation, table, word_list

# Nouns naming the same kind of happening share a group, so "the summit" and "the meeting" can corefer.
EVENT_NOUN_GROUPS: dict[str, str] = {noun: kind for noun, kind in table("event_nouns")}

# Irregular forms both tense readers count, and more that only this one counts (irregular_past_lexicon.txt).
_IRREGULAR_PAST = frozenset((*word_list("irregular_past"), *word_list("irregular_past_lexicon")))
_NOT_PAST_ED = frozenset(word_list("not_past_ed"))
# After these a verb is a bare infinitive: "could exceed", "to proceed".
_BEFORE_INFINITIVE = frozenset(word_list("before_infinitive"))
_WORD = re.compile(r"[A-Za-z']+")

STRONG_EXPECTATION = re.compile(
    rf"\b(?:is|are|was|were)\s+(?:widely\s+)?(?:{alternation('expected_predicates', longest_first=False)})\b|"
    rf"\b(?:{alternation('intention_verbs', longest_first=False)})\s+to\b|"
    r"\bupcoming\b|\bforthcoming\b|\bwill\s+be\s+held\b|"
    rf"\b(?:{alternation('forecast_verbs', longest_first=False)})\b",
    re.IGNORECASE,
)
WEAK_EXPECTATION = re.compile(r"\b(?:will|shall|may|might|could|would|going\s+to)\s+(?!have\b)\w+", re.IGNORECASE)
ONGOING = re.compile(
    r"\b(?:has|have)\s+been\b|\b(?:continues|continue|continuing|remains|remain)\b|\bongoing\b|\bstill\b",
    re.IGNORECASE,
)
IT_IS_THAT = re.compile(
    r"^\s*it\s+(?:is|was|has\s+been)\s+(?:widely\s+)?"
    rf"(?:{alternation('impersonal_predicates', longest_first=False)})\s+that\s+",
    re.IGNORECASE,
)


def event_nouns(text: str) -> list[str]:
    """Happening nouns in order of appearance, as group names."""
    out: list[str] = []
    for word in _WORD.findall(text.lower()):
        group = EVENT_NOUN_GROUPS.get(word)
        if group and group not in out:
            out.append(group)
    return out


_PRESENT_COPULA = frozenset(word_list("present_copulas"))


def is_past(text: str) -> bool:
    """Past or present-perfect verb forms; "is complicated" is an adjective after a present verb, not a past."""
    previous = ""
    for word in _WORD.findall(text):
        lw = word.lower()
        if lw in _IRREGULAR_PAST:
            return True
        if (
            lw.endswith("ed")
            and len(lw) > 4
            and lw not in _NOT_PAST_ED
            and previous not in _PRESENT_COPULA
            and previous not in _BEFORE_INFINITIVE
        ):
            return True
        previous = lw
    return False


CONTENT_STOPWORDS = frozenset(word_list("stopwords"))


def content_words(text: str) -> set[str]:
    """Lower-case words that carry meaning (names excluded: they say who, not what)."""
    return {w for w in _WORD.findall(text) if w.islower() and len(w) > 3 and w not in CONTENT_STOPWORDS}
