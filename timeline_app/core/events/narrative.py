"""The date a sentence's own happening takes, read as a news reader does.

A sentence with a time expression of its own in its main clause is dated by it (the narrowest one;
comparison points such as "since 1987" or "than usual" are not the happening's time). A sentence
without one is the report's news: told in the past, it happened on the story's day in focus (the
latest day the story has named within the week up to the article's date, else the article's date);
told in the present, it holds on the article's date; told in the future, it is expected after it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta

from timeline_app.core.events.dating import date_point, fuzzy_date
from timeline_app.core.events.lexicon import is_past
from timeline_app.core.lang import alternation, word_list
from timeline_app.core.model import DateKind, DatePoint, FuzzyDate, Precision, Status, Timex

# How far before the article's date a named day can still be the story's day in focus.
FOCUS_WINDOW = timedelta(days=7)

_COMPARISON = re.compile(
    rf"\b(?:{alternation('comparison_cues')})\s+(?:(?:in|on|at|during|the|early|late|mid|about|around)\s+){{0,2}}$",
    re.I,
)
_SINCE_SUPERLATIVE = re.compile(
    rf"\b(?:{alternation('superlatives')}|[a-z]{{2,}}est)\b[^.;:]{{0,60}}?\b(?:ever\s+)?since\s+"
    r"(?:(?:the|early|late|mid)\s+)?$",
    re.I,
)
_SINCE = re.compile(r"\bsince\s+(?:(?:the|early|late|mid)\s+)?$", re.I)
_BOUNDING = re.compile(rf"\b(?:{alternation('bounding_adverbs')})\b", re.I)
_BE = frozenset(["is", "are", "am", "was", "were"])
_BE_ADVERBS = frozenset(["also", "still", "now", "not", "only", "already", "then", "currently", "reportedly"])
_BE_VERBAL = frozenset(["to", "due", "set", "about", "going", "expected", "scheduled", "slated", "likely", "unlikely"])
_PERFECT_ADVERBS = frozenset(["already", "earlier", "previously", "not", "never", "also", "just", "since"])
_FUTURE = re.compile(rf"^(?:{alternation('future_markers')})\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_PRESENT = frozenset(["is", "are", "am", "has", "have", "does", "do"])
_STATIVE = frozenset(word_list("stative_verbs"))
_PAST_AUX = frozenset(["was", "were", "had", "did"])
_MODAL_FUTURE = frozenset(["will", "shall", "would", "won't", "'ll"])


_FINENESS = list(Precision)  # declared from the finest (a clock time) to the coarsest (a century)
_NEXT_WORD = re.compile(r" ([a-z]{3,})\b(?![\-'’])")
_FUNCTION_WORDS = frozenset(word_list("stopwords")) | frozenset(word_list("auxiliaries"))
_CONDITION = re.compile(r"\s*(?:if|unless|once|should)\b", re.IGNORECASE)
_MODAL_LATER = re.compile(r"\b(?:would|will|could|might|may|shall)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SentenceDate:
    """The date of a sentence's own happening and why."""

    date: FuzzyDate
    status: Status
    basis: str
    timex: Timex | None = None  # the time expression that gave it, when one did


def clause_tense(text: str) -> str:
    """'past', 'before' (pluperfect, or past with "recently"/"earlier"), 'present', 'state' or 'future'.

    Read from the clause's first finite verb; 'present' when none is found.
    """
    words = _WORD.findall(text)
    for i, word in enumerate(words):
        lw = word.lower()
        tense = ""
        if lw in _MODAL_FUTURE or _FUTURE.match(" ".join(words[i : i + 4])):
            return "future"
        if lw == "had" and _participle_follows(words[i + 1 : i + 3]):
            return "before"
        if lw in _BE and _describes(words[i + 1 : i + 4]):
            return "state"  # "The appearance was a powerful symbol": a description, not a happening
        if lw in _PAST_AUX:
            tense = "past"
        elif lw in ("has", "have") and _participle_follows(words[i + 1 : i + 3]):
            tense = "past"  # the present perfect tells news that has just happened
        elif lw in _PRESENT:
            return "present"
        elif lw in _STATIVE:
            return "state"
        elif is_past(f"{words[i - 1] if i else ''} {word}") and not (i and is_past(words[i - 1])):
            tense = "past"
        if tense:
            near = " ".join(words[: i + 2])
            return "before" if _BOUNDING.search(near) else tense
    return "present"


def _describes(words: list[str]) -> bool:
    """After a form of 'be': a noun phrase or an adjective, not a passive, a progressive or 'to'."""
    while words and words[0].lower() in _BE_ADVERBS:
        words = words[1:]
    if not words:
        return False
    w = words[0].lower()
    return not (w.endswith("ing") or w in _BE_VERBAL or is_past(w))


def _describes_a_thing(text: str, t: Timex) -> bool:
    """A year or longer used as a modifier of the noun after it ("11th century temple", "1987 sedan");
    a day so used names a happening's day ("the July 16 press conference") and stays its time."""
    if not any(ch.isdigit() for ch in t.text) or not re.fullmatch(r"\d{2,4}X{0,2}", t.value):
        return False
    m = _NEXT_WORD.match(text, t.end)
    if m is None:
        return False
    word = m.group(1)
    return not (word in _FUNCTION_WORDS or word.endswith("ly") or is_past(word))


def _participle_follows(words: list[str]) -> bool:
    """'had resigned', 'had already paid', 'had been': a pluperfect, not 'had a meeting'."""
    if words and words[0].lower() in _PERFECT_ADVERBS:
        words = words[1:]
    return bool(words) and (words[0].lower() == "been" or is_past(words[0]))


class Narrative:
    """Dates sentences of one document in reading order, keeping the story's day in focus."""

    def __init__(self, reference: date | None, timexes: list[Timex]) -> None:
        self.reference = reference
        self._days: list[tuple[int, date, Timex]] = []
        if reference is not None:
            for t in timexes:
                p = date_point(t.value, None) if t.type in ("DATE", "TIME") else None
                if p is not None and p.earliest == p.latest and reference - FOCUS_WINDOW <= p.earliest <= reference:
                    self._days.append((t.end, p.earliest, t))
        self._days.sort(key=lambda item: item[0])
        self._ends = [end for end, _day, _t in self._days]

    def focus(self, before: int) -> tuple[date, Timex] | None:
        """The latest day of the story named before this offset, if it lies in the focus window."""
        i = bisect.bisect_right(self._ends, before)
        if i == 0:
            return None
        _end, day, timex = self._days[i - 1]
        return day, timex

    def date(
        self, text: str, start: int, main: str, timexes: list[Timex], reported: bool = False
    ) -> SentenceDate | None:
        """Date the sentence starting at ``start`` whose main-clause words are ``main``.

        ``timexes`` are the time expressions of its main clause(s), in text order; ``reported`` says
        someone is told as saying it. None when the sentence tells no happening.
        """
        stated = self._stated(text, timexes)
        if stated is not None:
            return stated
        if self.reference is None:
            return None
        tense = clause_tense(main)
        if _CONDITION.match(main) and _MODAL_LATER.search(text, start):
            tense = "future"  # "If the remains are found, they would be handed over": not yet
        if tense == "state" and not reported:
            return None  # opinion or lasting state, said by no one: commentary, not a happening
        today = DatePoint.day(self.reference)
        if tense == "future":
            return SentenceDate(
                FuzzyDate.bounded(today, None),
                Status.EXPECTED,
                f"no date in the sentence; told as expected after the article of {self.reference.isoformat()}",
            )
        if tense == "before":
            cue = _BOUNDING.search(main)
            how = f"“{cue.group(0)}”" if cue else "in the pluperfect"
            return SentenceDate(
                FuzzyDate.bounded(None, today),
                Status.OCCURRED,
                f"no date in the sentence; told {how}, before the article of {self.reference.isoformat()}",
            )
        focus = self.focus(start) if tense == "past" else None
        if focus is not None:
            day, timex = focus
            return SentenceDate(
                FuzzyDate.point(DatePoint.day(day), inferred=True),
                Status.OCCURRED,
                f"no date in the sentence; told in the past as the story of {day.isoformat()} (“{timex.text}”)",
            )
        how = "in the past as the report's news" if tense == "past" else "as the state at the article's date"
        return SentenceDate(
            FuzzyDate.point(today, inferred=True),
            Status.OCCURRED,
            f"no date in the sentence; told {how} ({self.reference.isoformat()})",
        )

    def _stated(self, text: str, timexes: list[Timex]) -> SentenceDate | None:
        best: tuple[int, int, FuzzyDate, Timex] | None = None
        for order, t in enumerate(timexes):
            before = text[max(0, t.start - 90) : t.start]
            if _COMPARISON.search(before[-30:]) or _SINCE_SUPERLATIVE.search(before):
                continue
            if _describes_a_thing(text, t):
                continue  # "the fabled 11th century temple", "its 1987 sedan": a thing's age, not the time
            d = fuzzy_date(t, self.reference)
            if d is None or d.kind is not DateKind.POINT or d.start is None:
                continue
            width = _FINENESS.index(d.start.precision)
            if best is None or (width, order) < (best[0], best[1]):
                best = (width, order, d, t)
        if best is None:
            return None
        _width, _order, d, t = best
        value = f"{t.value}: {t.basis}" if t.basis else t.value
        if self.reference and d.earliest and d.earliest > self.reference:
            return SentenceDate(d, Status.EXPECTED, f"expected “{t.text}” ({value})", t)
        if _SINCE.search(text[max(0, t.start - 20) : t.start]):
            return SentenceDate(d, Status.ONGOING, f"ongoing since “{t.text}” ({value})", t)
        return SentenceDate(d, Status.OCCURRED, f"“{t.text}” ({value})", t)
