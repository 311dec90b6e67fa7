"""Reports and statements: who reported, and how a report reads as a title."""

from __future__ import annotations

import re

from timeline_app.core.events.candidates import Candidate
from timeline_app.core.events.clauses import REPORTING_VERBS, SOURCE_OPENERS
from timeline_app.core.events.entities import find_entities
from timeline_app.core.events.titles import first_verb_end, make_title
from timeline_app.core.lang import alternation

STATEMENT = "Statement: "  # a title prefix, not a speaker


def report_title(text: str, report: Candidate, with_content: bool = True) -> str:
    """'Officials: The port stayed closed', 'Local radio report', 'Report by a witness'; '' if no source.

    When the content is an event of its own, a title without a speaker says it is the statement.
    """
    source = source_of(report)
    if first_verb_end(source):
        return ""  # "Jobs welcomed everyone and announced that ...": an action of its own, no bare speaker
    if source.lower() in _PRONOUNS:
        source = _last_person_before(text, report.start) if source.lower() in ("he", "she") else ""
    speaker = source[:1].upper() + source[1:]
    if report.content is not None:
        said = make_title(text[report.content.start : report.content.end])
        if speaker:
            return f"{speaker}: {said}"
        # Its words alone would read as the event itself, which has a title of its own.
        return said if with_content else STATEMENT + (said[:1].lower() + said[1:] if said[1:2].islower() else said)
    if speaker:
        if _MEDIA.search(speaker):
            return f"{speaker} report"
        return f"Statement by {source}" if report.clause.link == "statement" else f"Report by {source}"
    return ""


_NOT_A_SOURCE = frozenset(["as", "it", "that", "this", "which", "what", "so", "then", "there", "here", "who"])
_PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it", "you"])


def _last_person_before(text: str, position: int) -> str:
    """The person a 'he' or 'she' most likely refers to: the last full name in the preceding lines."""
    names = find_entities(text[max(0, position - 800) : position]).actors
    people = [n for n in names if len(n.split()) >= 2]
    return people[-1] if people else ""


def source_of(c: Candidate) -> str:
    words = c.sentence.text[c.clause.start - c.sentence.start : c.clause.end - c.sentence.start]
    for t in c.timexes:  # "the White House said yesterday": the time is not part of the source
        if c.clause.start <= t.start and t.end <= c.clause.end:
            s, e = t.start - c.clause.start, t.end - c.clause.start
            words = words[:s] + " " * (e - s) + words[e:]
    return report_source(words)


_INTRODUCED_SOURCE = re.compile(
    rf"^[,\s\"”']*(?:{SOURCE_OPENERS})\s+((?:[\w'’.\-]+\s+){{0,6}}?[\w'’.\-]+?)"
    r"(?=\s+(?:on|in|at|last|this|early|late|earlier)\b|[,.;]|$)",
    re.IGNORECASE,
)
_SPEAKER = re.compile(
    rf"^[,\s\"”'\-–—|:]*((?:[\w'’.\-]+\s+){{0,7}}?[\w'’.\-]+)\s+(?:also\s+)?(?:{REPORTING_VERBS})\b", re.IGNORECASE
)


_MEDIA = re.compile(rf"\b(?:{alternation('media_words', longest_first=False)})\b", re.IGNORECASE)


_LEADING_NOISE = re.compile(
    r"^(?:but|and|yet|so|meanwhile|however|also|a|an|the|(?:report|statement)\s+(?:by|from))\s+", re.IGNORECASE
)
_TRAILING_NOISE = re.compile(
    r"(?:\s+(?:has|have|had|also|first|later|earlier|again|previously|initially))+$", re.IGNORECASE
)


def report_source(attribution: str) -> str:
    """Who reported: "local radio" in "as reported by local radio on Monday", "Bush" in "Bush said"."""
    m = _INTRODUCED_SOURCE.search(attribution) or _SPEAKER.search(attribution)
    if not m:
        return ""
    source = m.group(1)
    while (shorter := _LEADING_NOISE.sub("", source, count=1)) != source:
        source = shorter
    source = _TRAILING_NOISE.sub("", source).strip()
    return "" if all(w.lower() in _NOT_A_SOURCE for w in source.split()) else source
