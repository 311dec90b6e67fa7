"""Finding time expressions: run every rule, keep the longest non-overlapping candidates, then
normalise them in reading order so anaphoric expressions see the dates mentioned before them."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from timeline_app.core.model import Timex
from timeline_app.core.temporal import rules_dates, rules_duration, rules_periods, rules_relative, rules_time
from timeline_app.core.temporal.base import Context, Result, Rule
from timeline_app.core.temporal.prechecks import Beginnings, Catalogue, Starts, beginnings, first_match
from timeline_app.core.temporal.units import unit_of

RULES: tuple[Rule, ...] = (
    *rules_dates.RULES,
    *rules_periods.RULES,
    *rules_relative.RULES,
    *rules_duration.RULES,
    *rules_time.RULES,
)

# Words before a date that TimeML keeps inside the expression and records as its mod.
_MODIFIER_BEFORE = re.compile(
    r"(?:(?P<phrase>(?:the\s+)?(?:very\s+)?(?P<which>end|beginning|start|middle|close|dawn|first\s+half|"
    r"second\s+half|latter\s+part|early\s+part)\s+of\s+)|(?P<adj>(?:the\s+)?(?P<word>early|late|mid|middle|earlier|later)"
    r"(?:\s*-\s*|\s+))|(?P<prepost>(?P<pp>pre|post)-)|(?P<approx>(?:around|approximately|roughly|circa)\s+))$",
    re.IGNORECASE,
)
_PHRASE_MODS = {"end": "END", "beginning": "START", "start": "START", "middle": "MID", "close": "END",
                "dawn": "START", "first half": "START", "early part": "START", "second half": "END",
                "latter part": "END"}  # fmt: skip
_WORD_MODS = {"early": "START", "late": "END", "mid": "MID", "middle": "MID", "earlier": "START", "later": "END"}
_CONCRETE = re.compile(r"^(?:\d{3}|X{4})")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


# How each rule's matches can begin (None: anywhere), read once from the patterns.
BEGINNINGS: tuple[Beginnings | None, ...] = tuple(beginnings(r.pattern) for r in RULES)
_KINDS: tuple[Beginnings, ...] = tuple(dict.fromkeys(b for b in BEGINNINGS if b is not None))
_CATALOGUE = Catalogue(_KINDS)
_KIND_OF: tuple[int | None, ...] = tuple(None if b is None else _KINDS.index(b) for b in BEGINNINGS)


def candidates(text: str, prechecks: bool = True) -> list[Candidate]:
    """Every rule's matches. With ``prechecks`` a rule is tried only where a word begins as its matches
    can (see prechecks.py), and not at all when no word does: the same matches, found sooner."""
    found: list[Candidate] = []
    where = _CATALOGUE.places(Starts(text)) if prechecks else None
    for r, kind in zip(RULES, _KIND_OF, strict=True):
        if r.gate is not None and r.gate.search(text) is None:
            continue
        search: Callable[[int], re.Match[str] | None]
        if where is not None and kind is not None:
            places = where[kind]
            if not places:
                continue
            search = functools.partial(first_match, r.pattern, text, places)
        else:
            search = functools.partial(r.pattern.search, text)
        pos = 0
        while (m := search(pos)) is not None:
            if m.end() > m.start() and r.check(m, text):
                found.append(Candidate(m.start(), m.end(), r, m))
                pos = m.end()
            else:
                # A vetoed match may hide a shorter one inside it ("to last six weeks" -> "six weeks").
                pos = m.start() + 1
    return found


def select(found: list[Candidate], length: int) -> list[Candidate]:
    """Longest first, then the higher-priority rule; drop anything overlapping a kept candidate."""
    taken = bytearray(length)
    kept: list[Candidate] = []
    for c in sorted(found, key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start)):
        if any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


_WEEK_OF_BEFORE = re.compile(r"(?:the\s+)?week\s+of\s+$", re.IGNORECASE)


def _extend_to_week_of(text: str, start: int, end: int, result: Result, floor: int) -> tuple[int, Result]:
    """ "the week of March 6" names the week around that day."""
    if result.unit is None or result.unit.kind != "day" or result.type != "DATE":
        return start, result
    m = _WEEK_OF_BEFORE.search(text, max(floor, start - 16), start)
    if not m:
        return start, result
    week = unit_of("week", result.unit.start)
    basis = f"'{text[m.start() : end]}': the week containing {result.value}; {result.basis}"
    return m.start(), Result("DATE", week.value, basis=basis, anchor=result.value, unit=week)


def _extend_with_modifier(text: str, start: int, end: int, result: Result, floor: int) -> tuple[int, Result]:
    if result.type not in ("DATE", "TIME") or not _CONCRETE.match(result.value):
        return start, result
    before = text[max(floor, start - 40) : start]
    m = _MODIFIER_BEFORE.search(before)
    if not m:
        return start, result
    if m.group("approx") and text.startswith(("'s", "’s"), end):
        return start, result  # "get around Wednesday's ruling": the preposition governs the noun, not the day
    if m.group("phrase"):
        mod = _PHRASE_MODS[re.sub(r"\s+", " ", m.group("which").lower())]
    elif m.group("adj"):
        mod = _WORD_MODS[m.group("word").lower()]
    elif m.group("prepost"):
        mod = "BEFORE" if m.group("pp").lower() == "pre" else "AFTER"
    else:
        mod = "APPROX"
    if result.mod is not None:
        return start, result
    new_start = start - (len(before) - m.start())
    result.mod = mod
    result.basis += f"; '{m.group().strip()}' marks its {mod.lower()} part" if mod != "APPROX" else "; approximate"
    return new_start, result


@functools.lru_cache(maxsize=2)
def selected(text: str) -> tuple[Candidate, ...]:
    """The expressions a text holds, before any reference date gives them values.

    Finding them is most of the tagger's cost and depends on the text alone, so a text tagged
    once to find its date of writing and again with that date is searched once.
    """
    return tuple(select(candidates(text), len(text)))


def tag_text(text: str, reference: date | None) -> list[Timex]:
    ctx = Context(text=text, reference=reference)
    out: list[Timex] = []
    floor = 0
    for c in selected(text):
        try:
            result = c.rule.handler(c.match, ctx)
        except (ValueError, OverflowError):
            # Arithmetic that leaves the calendar (a reference date near year 1 or 9999): no value to give.
            continue
        if result is None:
            continue
        if result.parts:
            for part_start, part_end, part in result.parts:
                out.append(_emit(text, part_start, part_end, part, ctx))
            floor = c.end
            continue
        start, result = _extend_to_week_of(text, c.start, c.end, result, floor)
        start, result = _extend_with_modifier(text, start, c.end, result, floor)
        out.append(_emit(text, start, c.end, result, ctx))
        floor = c.end
    return out


_SPAN_OPENER = re.compile(r"\b(?:since|ever since)\s+$", re.IGNORECASE)


def _opens_span(text: str, start: int) -> bool:
    """'since October': where a state began, not the time the story has moved to."""
    return bool(_SPAN_OPENER.search(text, max(0, start - 12), start))


def _emit(text: str, start: int, end: int, result: Result, ctx: Context) -> Timex:
    """The Timex for a result, remembering its date for the anaphora after it."""
    if result.unit is not None and result.type in ("DATE", "TIME") and result.remember and not _opens_span(text, start):
        ctx.last = result.unit
        ctx.last_start, ctx.last_end = start, end
        if result.unit.kind == "day":
            ctx.last_day = result.unit
        if result.unit.kind in ("quarter", "half"):
            ctx.last_quarter = result.unit
    return Timex(
        start=start,
        end=end,
        text=text[start:end],
        type=result.type,
        value=result.value,
        mod=result.mod,
        basis=result.basis,
        anchor=result.anchor,
    )
