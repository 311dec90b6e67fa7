"""Which way a clause looks in time, judged from the words around a time expression.

News reports mostly past events, so a weekday or a month without a year defaults to the past;
a future marker in the same clause ("will", "is expected to", "plans to", "next") turns it
forwards. The nearest marker to the expression wins, so "said on Monday it will ..." keeps the
Monday of the saying.
"""

from __future__ import annotations

import re
from typing import Literal

from timeline_app.core.lang import alternation, fragments, table, word_list

Tense = Literal["past", "present", "future"]

_FUTURE = fragments("future_tense_cues")
# The irregular past forms are those the event lexicon counts too; any word in "-ed" is a past form here.
_PAST = "|".join(
    (
        alternation("past_tense_cues", longest_first=False),
        alternation("irregular_past", longest_first=False),
        r"\w{3,}ed",
    )
)
_PRESENT = alternation("present_tense_cues", longest_first=False)

_CUES = re.compile(rf"\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST})|(?P<present>{_PRESENT}))\b", re.IGNORECASE)
# Words ending in -ed that are not past-tense verbs: keep them from voting.
_NOT_VERBS = frozenset((*word_list("not_past_ed"), *word_list("not_past_ed_tense")))
# "succeed", "proceed", "exceed": -eed words are present tense unless they are one of these.
_PAST_EED = frozenset(word_list("past_eed"))


def _not_a_verb(word: str) -> bool:
    return word in _NOT_VERBS or (word.endswith("eed") and word not in _PAST_EED)


# A word in -ed after an article or degree word is an adjective ("an unprecedented", "the expected").
_ADJECTIVE_BEFORE = re.compile(
    r"\b(?:a|an|the|its|his|her|their|our|this|these|those|very|still|so|more|most|less|well|highly|newly|fully)\s+$",
    re.IGNORECASE,
)
# "will be paid", "will remain closed": a participle after these words describes a state, not a past event.
_PASSIVE_BEFORE = re.compile(r"\b(?:be|being|remains?|stays?|seems?|appears?)\s+$", re.IGNORECASE)
_SUBCLAUSE_END = re.compile(r"[,;:()\u2013\u2014]")
# Reporting verbs date the report, not the event reported ("said the boy must return by Jan. 14").
_REPORTING = frozenset(word_list("reporting_verbs"))
# "..., officials said." / "said in a statement": an attribution closing the sentence.
_ATTRIBUTION_END = re.compile(r"\s*(?:[.,;!?]|$|(?:in|on|at|after|during|according|earlier|later)\b)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.!?;\n]")
# Words written with a full stop that does not end the sentence ("Sept. 4", "Mr. Smith"); "a.m" ends in "m".
_ABBREVIATIONS = frozenset(
    (
        *word_list("abbreviations"),
        *word_list("abbreviations_tense"),
        *(month for month, _number, form in table("months") if form == "abbreviation"),
        *(day for day, _number, form in table("weekdays") if form == "abbreviation"),
    )
)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): from the last sentence end before it to the next after it."""
    lo = max(0, start - 200)
    left = lo
    for m in _CLAUSE_END.finditer(text, lo, start):
        # "Sept." and "a.m." are not sentence ends.
        if m.group() == "." and _abbreviation_before(text, m.start()):
            continue
        left = m.end()
    right_match = None
    pos = end
    limit = min(len(text), end + 200)
    while True:
        right_match = _CLAUSE_END.search(text, pos, limit)
        if right_match is None or right_match.group() != "." or not _abbreviation_before(text, right_match.start()):
            break
        pos = right_match.end()
    right = right_match.start() if right_match else limit
    return left, right


def _abbreviation_before(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:dot]
    return len(word) == 1 or word.lower() in _ABBREVIATIONS


def tense_at(text: str, start: int, end: int) -> Tense | None:
    """The tense of the clause holding text[start:end], or None when no marker is found.

    The nearest marker wins, looked for first before the expression within its comma-delimited
    clause, then after it within that clause, then in the rest of the sentence ("The minister, who
    arrived on Tuesday, will ..." keeps Tuesday in the past). A trailing attribution after the
    expression ("..., officials said.") does not date it.
    """
    left, right = clause_bounds(text, start, end)
    inner_left = max(left, *(m.end() for m in _SUBCLAUSE_END.finditer(text, left, start)), left)
    after_break = _SUBCLAUSE_END.search(text, end, right)
    inner_right = after_break.start() if after_break else right
    before_inner: tuple[int, Tense] | None = None
    after_inner: tuple[int, Tense] | None = None
    before_outer: tuple[int, Tense] | None = None
    after_outer: tuple[int, Tense] | None = None
    for m in _CUES.finditer(text, left, right):
        if start <= m.start() < end:
            continue  # the expression's own words ("last Friday") are read by its rule
        word = m.group().lower()
        if m.group("past") and (
            _not_a_verb(word)
            or _PASSIVE_BEFORE.search(text, max(0, m.start() - 9), m.start())
            or (word.endswith("ed") and _ADJECTIVE_BEFORE.search(text, max(0, m.start() - 10), m.start()))
        ):
            continue  # "will be paid", "a still unspecified date": no past event
        kind: Tense = "future" if m.group("future") else "past" if m.group("past") else "present"
        if m.end() <= start:
            distance = start - m.end()
            if m.start() >= inner_left:
                before_inner = (distance, kind)  # later matches are nearer
            else:
                before_outer = (distance, kind)
        else:
            if word in _REPORTING and _ATTRIBUTION_END.match(text, m.end()):
                continue
            distance = m.start() - end
            if m.start() < inner_right:
                after_inner = after_inner or (distance, kind)
            else:
                after_outer = after_outer or (distance, kind)
    # Within the clause a marker right after the expression can still beat a distant one before it.
    if before_inner and after_inner and after_inner[0] * 3 < before_inner[0]:
        return after_inner[1]
    for found in (before_inner, after_inner, before_outer, after_outer):
        if found is not None:
            return found[1]
    return None
