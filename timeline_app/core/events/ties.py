"""Undated clauses that refer to dated happenings: ties ("at the meeting"), bounds, the lead sentence."""

from __future__ import annotations

import re
from bisect import bisect_left

from timeline_app.core.events.candidates import Candidate
from timeline_app.core.events.lexicon import EVENT_NOUN_GROUPS, content_words, is_past
from timeline_app.core.lang import alternation
from timeline_app.core.model import FuzzyDate, Status


def lead_clause(candidates: list[Candidate]) -> Candidate | None:
    """The main clause of the article's first sentence, when it says in the past tense what happened."""
    if not candidates:
        return None
    first = candidates[0].sentence
    for c in candidates:
        if c.sentence is not first:
            return None
        text = first.text[c.clause.start - first.start : c.clause.end - first.start]
        if c.kind == "pending" and c.clause.role in ("main", "content") and is_past(text):
            return c
    return None


class TieIndex:
    """Dated happenings by the kind of noun that names them, in text order, for nearest-first lookup."""

    def __init__(self, dated: list[Candidate]) -> None:
        self._by_noun: dict[str, list[Candidate]] = {}
        for d in sorted(dated, key=lambda d: d.start):
            for noun in d.nouns:
                self._by_noun.setdefault(noun, []).append(d)
        self._starts = {noun: [d.start for d in ds] for noun, ds in self._by_noun.items()}

    def nearest(self, noun: str, c: Candidate) -> Candidate | None:
        found = self._by_noun.get(noun)
        if not found:
            return None
        at = bisect_left(self._starts[noun], c.start)
        best: Candidate | None = None
        # Walk outwards from the clause; other sentences only (a sentence cannot tie to itself).
        for d in sorted(found[max(0, at - 8) : at + 8], key=lambda d: abs(d.start - c.start)):
            if d.sentence is not c.sentence:
                best = d
                break
        if best is None:
            best = min(
                (d for d in found if d.sentence is not c.sentence), key=lambda d: abs(d.start - c.start), default=None
            )
        return best


def tie_target(c: Candidate, index: TieIndex) -> Candidate | None:
    """The dated happening an undated clause refers back to ("the meeting", "during their talks")."""
    ctext = c.sentence.text[c.clause.start - c.sentence.start : c.clause.end - c.sentence.start]
    wanted = c.frame_tie or (happening_referred_to(ctext) if is_past(ctext) else None)
    return index.nearest(wanted, c) if wanted is not None else None


_TEMPORAL_PREPOSITION = re.compile(
    rf"\b(?:{alternation('happening_prepositions', longest_first=False)})(?:\s+\S+){{0,3}}\s*$", re.IGNORECASE
)


def happening_referred_to(clause: str) -> str | None:
    """The happening a clause places itself at: its subject ("The meeting ended ...") or a time-like
    phrase ("... during a meeting"), not any object ("France will try to block the agreement")."""
    for m in re.finditer(r"[A-Za-z']+", clause):
        group = EVENT_NOUN_GROUPS.get(m.group(0).lower())
        if group is None:
            continue
        before = clause[: m.start()]
        if len(before.split()) <= 3 or _TEMPORAL_PREPOSITION.search(before):
            return group
    return None


def lower_bound(c: Candidate, candidates: list[Candidate]) -> None:
    """An undated past event shares participants with something ongoing since a date: it is not earlier."""
    words = content_words(c.sentence.text[c.clause.start - c.sentence.start : c.clause.end - c.sentence.start])
    for other in candidates:
        if other.status is not Status.ONGOING or other.date is None or other.date.start is None:
            continue
        other_text = other.sentence.text[
            other.clause.start - other.sentence.start : other.clause.end - other.sentence.start
        ]
        shared = sorted(words & content_words(other_text))
        if shared and c.date is not None and c.date.end is not None and other.date.start.earliest <= c.date.end.latest:
            c.date = FuzzyDate.bounded(other.date.start, c.date.end)
            since = other.timexes[0].text if other.timexes else other.date.start.describe()
            c.basis += f"; not before {other.date.start.describe()}: the “{shared[0]}” have been there since “{since}”"
            return
