"""What every rule shares: the rule record, the discourse context and the result of a normalisation."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from timeline_app.core.temporal.lexicon import MONTHS, NUMBER_WORDS, VAGUE_COUNTS, WEEKDAYS
from timeline_app.core.temporal.tense import Tense, tense_at
from timeline_app.core.temporal.units import Unit


@dataclass(slots=True)
class Result:
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None
    basis: str = ""
    anchor: str | None = None
    unit: Unit | None = None  # the calendar unit this names, remembered for anaphora ("the previous day")
    remember: bool = True  # False for comparisons ("a year earlier") that do not move the narrative
    # Several expressions found by one match ("2019-21" is two years), as (start, end, result) in text offsets.
    parts: list[tuple[int, int, Result]] = field(default_factory=list)


@dataclass(slots=True)
class Context:
    text: str
    reference: date | None
    last: Unit | None = None  # the most recent concrete date mentioned
    last_day: Unit | None = None  # the most recent date mentioned to the day
    last_quarter: Unit | None = None  # the most recent quarter or half mentioned (financial reporting)
    last_start: int = 0  # where the most recent concrete date starts in the text
    last_end: int = 0  # and where it ends
    _tense_cache: dict[tuple[int, int], Tense | None] = field(default_factory=dict)

    def tense(self, m: re.Match[str]) -> Tense | None:
        key = (m.start(), m.end())
        if key not in self._tense_cache:
            self._tense_cache[key] = tense_at(self.text, m.start(), m.end())
        return self._tense_cache[key]

    def anchor_unit(self, kind: str = "") -> tuple[Unit | None, str]:
        """What an anaphoric expression hangs on: the last date mentioned, else the reference date.

        A day-sized anaphor ("the previous day") needs a day to count from: a month or year
        mentioned in between ("since October") is background, not the day of the story.
        """
        if kind == "day" and self.last is not None and self.last.kind != "day":
            if self.last_day is not None:
                return self.last_day, "the last day mentioned"
            if self.reference is not None:
                return Unit("day", self.reference), "the reference date"
        if self.last is not None:
            return self.last, "the last date mentioned"
        if self.reference is not None:
            return Unit("day", self.reference), "the reference date"
        return None, ""


Handler = Callable[[re.Match[str], Context], Result | None]
Check = Callable[[re.Match[str], str], bool]


def always(m: re.Match[str], text: str) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    check: Check = always  # cheap, context-free veto applied before overlaps are resolved
    priority: int = 0  # breaks ties between equally long candidates (higher wins)
    # A cheap pattern every match must contain: a text without it is not scanned with the costly one.
    gate: re.Pattern[str] | None = None


def rule(
    name: str, pattern: str, handler: Handler, check: Check = always, priority: int = 0, gate: str | None = None
) -> Rule:
    # Word boundaries are added here so no pattern can start or end inside a word.
    compiled = re.compile(rf"(?<![\w/$£€])(?<!\d-)(?<!\w\.)(?:{pattern})(?!\w|[-/.,:]\d)", re.IGNORECASE)
    return Rule(name, compiled, handler, check, priority, re.compile(gate, re.IGNORECASE) if gate else None)


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()  # type: ignore[index]


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_MINOR_WORDS = frozenset({"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
                          "over", "the", "to", "up", "vs", "with"})  # fmt: skip


def in_headline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] sits on a line written in title case or capitals ("Talks Resume Next Week").

    Headlines capitalise every word, so a capitalised "Week" there is no proper name.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if len(line) > 160:
        return False
    words = [w for w in _WORD.findall(line) if w.lower() not in _MINOR_WORDS]
    if len(words) < 2:
        return False
    return all(w[0].isupper() for w in words) and not re.search(r"[a-z]\.\s+[A-Za-z]", line)


def count_value(text: str) -> float | None:
    """The number a count phrase names ("three", "twenty-four", "5 1/2", "a couple of"); None when vague."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in VAGUE_COUNTS or t.startswith(("dozens", "hundreds")) or t.endswith("number of"):
        return None
    if " to " in t or " or " in t:
        return count_value(re.split(r" (?:to|or) ", t)[0])
    if t.startswith("a couple") or t == "couple of":
        return 2
    half = 0.5 if t.endswith("and a half") else 0.0
    t = t.removesuffix(" and a half")
    if t in ("half", "a half", "half a", "half an", "a half a"):
        return 0.5
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?: (\d)/(\d))?", t)
    if m:
        v = float(m.group(1).replace(",", ""))
        if m.group(2):
            v += int(m.group(2)) / int(m.group(3))
        return v + half
    t = t.removeprefix("a ").strip()
    total = 0
    for part in re.split(r"[-\s]+", t):
        if part not in NUMBER_WORDS:
            return None
        v = NUMBER_WORDS[part]
        total = total * v if v == 100 and total else total + v
    return total + half
