"""Short readable event titles from a clause: attribution, time words, titles and asides removed."""

from __future__ import annotations

import re

from timeline_app.core.events.entities import TITLES
from timeline_app.core.events.gazetteer import COUNTRIES
from timeline_app.core.events.lexicon import IT_IS_THAT

_MAX = 72
_ADVERBS = re.compile(
    r"\s*\b(?:reportedly|also|allegedly|apparently|reportedly|in depth|officially|recently|meanwhile|however|"
    r"nonetheless|nevertheless|moreover|furthermore|indeed)\b,?",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\s*\([^()]*\)")
_QUOTES = re.compile(r"[\"“”]|(?<!\w)['‘]|['’](?!\w)")
_ADJECTIVES = sorted({a for adjs, _cap in COUNTRIES.values() for a in adjs}, key=len, reverse=True)
_TITLE_WORDS = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
_NATIONALITY_TITLE = re.compile(
    rf"\b(?:(?:{'|'.join(re.escape(a) for a in _ADJECTIVES)})\s+)?(?:{_TITLE_WORDS})\s+(?=[A-Z])"
)
_LEADING = re.compile(r"^(?:and|but|so|then|while|as|that|which)\s+", re.IGNORECASE)
# Where a long clause can be cut without leaving a dangling word.
_CUT_BEFORE = re.compile(
    r",|\s+(?:to|for|in|on|at|from|with|between|during|amid|amidst|about|after|before|as|by|while|which|who|"
    r"that|because|despite|including|alongside|against|into|over|under|near|through|than)\s+"
)


def make_title(clause: str, drop_spans: list[tuple[int, int]] | None = None) -> str:
    """A title from the clause text; spans in ``drop_spans`` (time expressions) are removed with their preposition."""
    text = clause
    for s, e in sorted(drop_spans or [], reverse=True):
        before = text[:s]
        prep = re.search(r"(?:\b(?:on|in|at|since|by|during|from|until|of|as of|early|late)\s+)+$", before, re.I)
        if prep:
            before = before[: prep.start()]
        text = before.rstrip() + " " + text[e:].lstrip()
    text = IT_IS_THAT.sub("", text)
    text = _PAREN.sub("", text)
    text = _QUOTES.sub("", text)
    text = _ADVERBS.sub("", text)
    text = _NATIONALITY_TITLE.sub("", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text).strip(" ,;:-—–.!?")
    text = _LEADING.sub("", text)
    text = _shorten(text)
    return text[:1].upper() + text[1:] if text else ""


def _shorten(text: str) -> str:
    if len(text) <= _MAX:
        return _drop_trailing_comma_phrase(text)
    cuts = [m.start() for m in _CUT_BEFORE.finditer(text) if 25 <= m.start() <= _MAX]
    if cuts:
        return text[: cuts[-1]].rstrip(" ,")
    # No clean phrase boundary: cut at a word and say so.
    return text[:_MAX].rsplit(" ", 1)[0].rstrip(" ,") + "…"


def _drop_trailing_comma_phrase(text: str) -> str:
    head, sep, _tail = text.rpartition(", ")
    return head if sep and len(head) >= 30 else text
