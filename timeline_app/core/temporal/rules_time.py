"""Clock times ("10:35 a.m.", "5 p.m. EST Nov. 9", "noon Thursday", "4 in the morning") and vague
references to the present, past and future ("now", "recently", "the future")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline_app.core.lang import table
from timeline_app.core.temporal.anchoring import resolve_month_day, resolve_weekday
from timeline_app.core.temporal.base import (
    Context,
    Result,
    Rule,
    capitalised,
    count_value,
    month_number,
    rule,
    weekday_number,
)
from timeline_app.core.temporal.lexicon import DAY_NUM, MONTH, NUMBER_WORD, WEEKDAY, YEAR4, alternation
from timeline_app.core.temporal.units import Unit

_DAY_REF = (
    rf"(?:(?:(?P<wdd>{WEEKDAY})\s*,?\s+(?:the\s+)?)?(?:(?P<mon>{MONTH})\s*(?P<day>{DAY_NUM})|"
    rf"(?P<day2>{DAY_NUM})\s+(?:of\s+)?(?P<mon2>{MONTH}))\b(?:\s*,?\s+(?P<year>{YEAR4}))?|"
    rf"(?P<wd>{WEEKDAY})|(?P<deictic>today|yesterday|tomorrow|tonight|this\s+(?:morning|afternoon|evening)|"
    r"last\s+night))"
)
# Zone abbreviations are matched in capitals only: "ET" is a zone, "et" is not.
_ZONE = (
    r"(?:\s+(?P<tz>(?-i:[ECMP][SD]?T|GMT|UTC|BST|CES?T|EES?T|WES?T|MSK|JST|KST|HKT|SGT|IST|AES[DT]|ACS[DT]|AWST|NZ[SD]T|"
    r"WIB|PHT|SAST|WAT|EAT|Z)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?|local\s+time|"
    r"(?:Eastern|Central|Mountain|Pacific|Atlantic|Greenwich\s+Mean|British\s+Summer|Central\s+European|Moscow|"
    r"Beijing|Tokyo|Hong\s+Kong|Singapore|India|Israel)\s+(?:(?:standard|daylight|summer)\s+)?time)(?:\s*\(\d{3,4}\s*(?-i:GMT|UTC)\))?)"
)


_DAY_AFTER = re.compile(rf"\)?\s*(?:\([^()]{{0,24}}\)\s*)?,?\s*(?:on\s+)?(?P<wd>{WEEKDAY})\b", re.IGNORECASE)


_DEICTIC_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this morning": 0,
                    "this afternoon": 0, "this evening": 0, "last night": -1}  # fmt: skip
# Day words after a clock time that put it after noon: "7:30 this evening", "10 last night".
_AFTERNOON_WORDS = ("this afternoon", "this evening", "tonight", "last night")


def _opt(m: re.Match[str], name: str) -> str | None:
    """A group that only some clock patterns have."""
    return m.groupdict().get(name)


def _which_day(m: re.Match[str], ctx: Context) -> tuple[date | None, str]:
    """The day a clock time falls on: a day named next to it, else the reference date."""
    ref = ctx.reference
    weekday, deictic, month_word = _opt(m, "wd"), _opt(m, "deictic"), _opt(m, "mon") or _opt(m, "mon2")
    if weekday and capitalised(weekday):
        if ref is None:
            return None, ""
        return resolve_weekday(weekday_number(weekday), ref, ctx.tense(m))
    if deictic:
        if ref is None:
            return None, ""
        offset = _DEICTIC_OFFSETS[re.sub(r"\s+", " ", deictic.lower())]
        return ref + timedelta(days=offset), f"'{deictic}' relative to the reference date {ref}"
    day_digits = re.match(r"\d+", _opt(m, "day") or _opt(m, "day2") or "")
    if month_word and capitalised(month_word) and day_digits:
        month, day = month_number(month_word), int(day_digits.group())
        year = _opt(m, "year")
        if year:
            try:
                return date(int(year), month, day), "the date given with it"
            except ValueError:
                return None, ""
        if ref is None:
            return None, ""
        return resolve_month_day(month, day, ref, ctx.tense(m))
    # "Sept. 10, 2025 at 2:30 p.m.", "Tue 9 Sep 2025 22.01 BST": the day written just before the time.
    last = ctx.last
    if last is not None and last.kind == "day" and _JOINS_DATE_TO_TIME.fullmatch(ctx.text, ctx.last_end, m.start()):
        return last.start, f"the date {last.value} written just before it"
    if ref is None:
        return None, ""
    # "10:35 a.m. (0735 GMT) Friday": the day can follow a parenthesis.
    later = _DAY_AFTER.match(ctx.text, m.end())
    if later and capitalised(later.group("wd")):
        return resolve_weekday(weekday_number(later.group("wd")), ref, ctx.tense(m))
    return ref, f"the reference date {ref}"


_JOINS_DATE_TO_TIME = re.compile(r"\s*(?:,|at|@|-|–|—|\|)?\s*(?:at\s+)?", re.IGNORECASE)


def _clock(m: re.Match[str], ctx: Context) -> Result | None:
    hour_text = m.group("h")
    hour = int(hour_text) if hour_text.isdigit() else count_value(hour_text)
    if hour is None:
        return None
    hour = int(hour)
    minute = int(_opt(m, "mi") or 0)
    ap = (_opt(m, "ap") or "").lower().replace(".", "").replace(" ", "")
    later_in_day = re.sub(r"\s+", " ", (_opt(m, "deictic") or "").lower()) in _AFTERNOON_WORDS and not ap
    if ap.startswith("p") or ap in ("intheafternoon", "intheevening", "atnight") or (later_in_day and hour >= 5):
        if hour < 12:
            hour += 12
    elif (ap.startswith("a") or ap == "inthemorning") and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    clock = f"{hour:02d}:{minute:02d}"
    d, why = _which_day(m, ctx)
    if d is None:
        return Result("TIME", f"XXXX-XX-XXT{clock}", basis=f"'{m.group()}': a clock time on an unknown day")
    return Result("TIME", f"{d.isoformat()}T{clock}", basis=f"'{m.group()}': {clock} on {d}, {why}",
                  anchor=ctx.reference.isoformat() if ctx.reference else None, unit=Unit("day", d))  # fmt: skip


def _clock_check(m: re.Match[str], text: str) -> bool:
    # A bare "3:30" could be a score or a ratio; with minutes >= 13 or a marker it reads as a time.
    if _opt(m, "ap") or _opt(m, "tz"):
        return True
    if _opt(m, "mi") is None or "." in m.group():
        return False  # "2.46" is a number
    if _opt(m, "wd") or _opt(m, "deictic") or _opt(m, "mon") or _opt(m, "mon2"):
        return True
    before = text[max(0, m.start() - 8) : m.start()].lower()
    return bool(re.search(r"\b(?:at|by|about|around|until|till|from|before|after)\s+$", before))


def _noon(m: re.Match[str], ctx: Context) -> Result | None:
    word = m.group("w").lower()
    clock = "24" if word == "midnight" else "12:00"  # TimeML writes midnight as hour 24, the end of that day
    named_after = m.group("wd") or m.group("deictic") or m.group("mon") or m.group("mon2")
    if m.group("wd0") and not named_after:
        d, why = _which_day_leading(m, ctx)
    else:
        d, why = _which_day(m, ctx)
    if d is None:
        return Result("TIME", f"XXXX-XX-XXT{clock}", basis=f"'{m.group()}': {word} on an unknown day")
    value = f"{d.isoformat()}T{clock}"
    return Result("TIME", value, basis=f"'{m.group()}': {word} on {d}, {why}",
                  anchor=ctx.reference.isoformat() if ctx.reference else None, unit=Unit("day", d))  # fmt: skip


def _which_day_leading(m: re.Match[str], ctx: Context) -> tuple[date | None, str]:
    word = m.group("wd0")
    if ctx.reference is None or not word:
        return None, ""
    low = word.lower()
    if low in ("today", "yesterday", "tomorrow", "tonight"):
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[low]
        return ctx.reference + timedelta(days=offset), f"'{word}' relative to the reference date {ctx.reference}"
    if not capitalised(word):
        return None, ""
    return resolve_weekday(weekday_number(word), ctx.reference, ctx.tense(m))


_AMPM = r"(?P<ap>[ap]\.\s?m\.?|[ap]m\b|in\s+the\s+(?:morning|afternoon|evening)|at\s+night)"

_MEANINGS = {
    "PRESENT_REF": "the time of writing",
    "PAST_REF": "some time before the time of writing",
    "FUTURE_REF": "some time after the time of writing",
}
_FUZZY = {words: (value, _MEANINGS[value]) for words, value in table("vague_times")}


def _fuzzy(m: re.Match[str], ctx: Context) -> Result | None:
    value, meaning = _FUZZY[re.sub(r"\s+", " ", m.group().lower())]
    anchor = ctx.reference.isoformat() if ctx.reference else None
    return Result("DATE", value, basis=f"'{m.group()}': {meaning}", anchor=anchor)


def _fuzzy_check(m: re.Match[str], text: str) -> bool:
    word = m.group().lower()
    after = text[m.end() : m.end() + 12]
    if word == "now" and re.match(r"\s*(?:that|-)", after, re.I):
        return False  # "now that ..." is causal
    if word in ("the short term", "the long term", "the near term") and re.match(r"[-\s]", after):
        return not re.match(r"\s*-?\s*(?:interest|rates?|debt|loans?|bonds?|notes?|care|memory|contracts?)", after)
    return True


RULES: list[Rule] = [
    rule(
        "clock",
        rf"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?(?:\s*{_AMPM})?{_ZONE}?"
        rf"(?:(?:\s+|\s*,\s*)(?:on\s+)?{_DAY_REF})?",
        _clock,
        _clock_check,
        priority=2,
    ),
    rule(
        "clock_words",
        rf"(?P<h>{NUMBER_WORD}|\d{{1,2}})(?:\s+o['’]clock)?(?:\s*{_AMPM})?{_ZONE}?"
        rf"(?:(?:\s+|\s*,\s*)(?:on\s+)?{_DAY_REF})?",
        _clock,
        lambda m, text: bool(m.group("ap")) or "clock" in m.group().lower(),
        priority=2,
        gate=r"o['’]clock|\b[ap]\.?\s?m\b|\bin\s+the\s+(?:morning|afternoon|evening)|\bat\s+night",
    ),
    rule(
        "clock_zone",
        rf"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:hrs\s+)?(?P<tz>GMT|UTC|Z\b|local\s+time)"
        rf"(?:(?:\s+|\s*,\s*)(?:on\s+)?{_DAY_REF})?",
        _clock,
        priority=2,
    ),
    rule(
        "noon",
        rf"(?:(?P<wd0>{WEEKDAY}|today|yesterday|tomorrow)\s+(?:at\s+)?)?(?P<w>noon|midnight|midday){_ZONE}?"
        rf"(?:(?:\s+|\s*,\s*)(?:on\s+)?{_DAY_REF})?",
        _noon,
        priority=2,
    ),
    rule(
        "fuzzy",
        alternation(list(_FUZZY)),
        _fuzzy,
        _fuzzy_check,
    ),
]
