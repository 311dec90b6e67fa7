"""Durations ("three years", "the past two months", "more than a decade") and sets ("every week",
"daily", "annually")."""

from __future__ import annotations

import re

from timeline_app.core.lang import table
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
from timeline_app.core.temporal.lexicon import (
    COUNT,
    COUNT_MODIFIER,
    COUNT_MODIFIERS,
    MONTH_FULL,
    SEASON,
    SEASONS,
    TIME_UNITS,
    UNIT,
    UNIT_CODES,
    WEEKDAY,
)

_MODS = COUNT_MODIFIERS
_MOD_WORDS = COUNT_MODIFIER

# A fraction is written with the next smaller unit: 1.5 years is P1Y6M, 5 1/2 hours PT5H30M.
_SMALLER = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24),
            "hour": ("minute", 60), "minute": ("second", 60), "decade": ("year", 10), "century": ("year", 100),
            "millennium": ("year", 1000)}  # fmt: skip


def unit_name(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    if w.startswith("millenni"):
        return "millennium"
    return w[:-1] if w.endswith("s") and w[:-1] in UNIT_CODES else w


def duration_value(n: float | None, unit: str) -> str:
    """TimeML duration: P3Y, PT2H, PXY for an unstated count."""
    if unit == "fortnight" and n is not None:
        n, unit = n * 2, "week"
    if unit == "quarter" and n is not None:
        n, unit = n * 3, "month"  # TimeML writes quarters as months: P9M
    t = "T" if unit in TIME_UNITS else ""
    code = UNIT_CODES[unit]
    if n is None:
        return f"P{t}X{code}"
    if n == int(n):
        return f"P{t}{int(n)}{code}"
    if unit not in _SMALLER:
        return f"P{t}{n}{code}"
    whole = int(n)
    smaller, factor = _SMALLER[unit]
    rest = round((n - whole) * factor)
    s_t = "T" if smaller in TIME_UNITS else ""
    s_code = UNIT_CODES[smaller]
    if whole == 0:
        return f"P{s_t}{rest}{s_code}"
    if s_t and not t:
        return f"P{whole}{code}T{rest}{s_code}"  # 1.5 days: P1DT12H
    return f"P{t}{whole}{code}{rest}{s_code}"


# "within a year", "for a week": a preposition makes the phrase a length of time, never a rate.
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:within|in|for|over|after|under|about|than|nearly|almost|around|of|during|throughout)\s+$", re.IGNORECASE
)
_RATE_BEFORE = re.compile(
    r"(?:[\d%]|percent|cents?|dollars?|euros?|once|twice|thrice|times|salary|rate)\W*\w*\s*$", re.I
)


_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)


def _duration_check(m: re.Match[str], text: str) -> bool:
    n = m.group("n").lower()
    if capitalised(m.group("u")):
        return False  # "60 Minutes", "Four Weddings": titles
    if (m.group("rel") or "").lower() == "last" and not m.group("det"):
        return False  # "expected to last six weeks": the verb
    unit = unit_name(m.group("u"))
    if re.match(r"[-\s]+old\b", text[m.end() : m.end() + 6], re.I):
        return False  # an age
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", n):
        return False  # "the 1988 quarter" names a year
    if unit == "quarter" and (
        n in ("a", "an", "one") or "-" in m.group() or re.match(r"\s+of\b", text[m.end() : m.end() + 16])
    ):
        return False  # "three-quarters of", "a quarter of the votes": fractions
    # "a second round", "the first half": ordinals, not a count.
    return not (unit == "second" and n in ("a", "an", "one") and not m.group("mod"))


def _duration(m: re.Match[str], ctx: Context) -> Result | None:
    unit = unit_name(m.group("u"))
    if unit not in UNIT_CODES:
        return None
    n = count_value(m.group("n"))
    if n is not None and m.group("half"):
        n += 0.5  # "a year and a half"
    mod_word = re.sub(r"\s+", " ", (m.group("mod") or "").lower())
    mod = _MODS.get(mod_word)
    det = (m.group("det") or "").lower()
    # "$50 a year", "twice a week": a rate, which TimeML writes as a SET.
    rate_like = det == "" and m.group("n").lower() in ("a", "an", "per") and not m.group("rel") and not mod
    before = ctx.text[max(0, m.start() - 24) : m.start()]
    if rate_like and _RATE_BEFORE.search(before) and not _PREPOSITION_BEFORE.search(before):
        return Result("SET", duration_value(1, unit), basis=f"'{m.group()}': a rate, once per {unit}")
    value = duration_value(n, unit)
    count = m.group("n")
    if re.search(r"\s(?:to|or)\s", count) or (
        "couple" in count.lower() and (det == "a" or count.lower().startswith("a "))
    ):
        mod = mod or "APPROX"
    basis = f"'{m.group()}': a length of time" + (f" ({mod.lower().replace('_', ' ')})" if mod else "")
    return Result("DURATION", value, mod=mod, basis=basis)


_BARE_CONTEXT = re.compile(r"\b(?:for|over|in|within|taking|take|takes|took|lasted|last|spent|spend)\s+$", re.I)


def _bare_plural_check(m: re.Match[str], text: str) -> bool:
    if m.group("the"):
        # "over the years", "across the decades": a long unstated stretch; "the years of war" is a noun phrase.
        before = text[max(0, m.start() - 12) : m.start()]
        after = text[m.end() : m.end() + 12]
        return bool(re.search(r"\b(?:over|across|through|throughout|down)\s+$", before, re.I)) and not re.match(
            r"\s+(?:of|old|ago|earlier|later|before|after|that|when)\b", after, re.I
        )
    if m.group("q") or m.group("suffix"):
        return True
    if re.match(r"\s+(?:of|old|ago|earlier|later)\b", text[m.end() : m.end() + 8], re.I):
        return False
    return bool(_BARE_CONTEXT.search(text[max(0, m.start() - 12) : m.start()]))


def _bare_plural(m: re.Match[str], ctx: Context) -> Result | None:
    unit = unit_name(m.group("u"))
    if unit not in UNIT_CODES:
        return None
    if (m.group("q") or "").lower() == "recent":
        # "in recent years" places events in the recent past rather than measuring a stretch.
        return Result("DATE", "PAST_REF", basis=f"'{m.group()}': some time before the time of writing")
    return Result("DURATION", duration_value(None, unit), basis=f"'{m.group()}': an unstated number of {unit}s")


# "annual" is left out: before a noun ("the annual report") TimeML does not mark it, and nor do the corpora.
_ADVERBS = {adverb: unit for adverb, unit in table("rate_adverbs")}


def _adverb_set_check(m: re.Match[str], text: str) -> bool:
    word = m.group().lower()
    after = text[m.end() : m.end() + 24]
    # "a daily newspaper" is a kind of publication, not a repetition.
    publication = re.match(r"\s+(?:newspaper|paper|magazine|bulletin|briefing|column|news|show|program)", after, re.I)
    return not (word in ("weekly", "monthly", "daily") and publication)


def _adverb_set(m: re.Match[str], ctx: Context) -> Result | None:
    unit = _ADVERBS[m.group().lower()]
    return Result("SET", duration_value(1, unit), basis=f"'{m.group()}': once every {unit}")


def _every(m: re.Match[str], ctx: Context) -> Result | None:
    if m.group("season"):
        code = SEASONS[m.group("season").lower()]
        return Result("SET", f"XXXX-{code}", basis=f"'{m.group()}': every {m.group('season').lower()}")
    if m.group("wd"):
        if not capitalised(m.group("wd")):
            return None
        value = f"XXXX-WXX-{weekday_number(m.group('wd')) + 1}"
        return Result("SET", value, basis=f"'{m.group()}': every {m.group('wd')}")
    if m.group("mon"):
        if not capitalised(m.group("mon")):
            return None
        return Result("SET", f"XXXX-{month_number(m.group('mon')):02d}", basis=f"'{m.group()}': every {m.group('mon')}")
    unit = unit_name(m.group("u"))
    if unit not in UNIT_CODES:
        return None
    n = count_value(m.group("n")) if m.group("n") else 1.0
    if m.group("other"):
        n = 2
    return Result("SET", duration_value(n, unit), basis=f"'{m.group()}': repeating every {unit}")


RULES: list[Rule] = [
    rule(
        "duration",
        rf"(?:(?P<mod>{_MOD_WORDS})\s+)?(?:(?P<det>the|another)\s+(?![\w.]+-{UNIT}\b))?"
        r"(?:(?P<rel>past|last|next|first|coming|previous|following|final|remaining|latest|preceding|prior|"
        r"additional|further|initial|entire|full|whole|same|next\s+several|past\s+several)\s+)?"
        rf"(?P<n>{COUNT})(?:\s+(?:more|additional|further|extra|full|straight|consecutive|long|whole)\s+|[-\s]+)"
        rf"(?P<u>{UNIT})(?P<half>\s+and\s+a\s+half)?"
        r"(?P<suffix>-long)?",
        _duration,
        _duration_check,
    ),
    rule(
        "bare_plural",
        r"(?:(?P<q>recent|the\s+coming|the\s+past|the\s+next|the\s+last|coming|past|the\s+few)\s+|(?P<the>the)\s+)?"
        r"(?P<u>years|months|weeks|days|decades|hours|minutes|centuries)(?P<suffix>-long)?",
        _bare_plural,
        _bare_plural_check,
    ),
    rule(
        "adverb_set",
        "|".join(_ADVERBS),
        _adverb_set,
        _adverb_set_check,
    ),
    rule(
        "relative_fortnight",
        r"the\s+(?:next|past|last|coming)\s+fortnight",
        lambda m, ctx: Result("DURATION", "P2W", basis=f"'{m.group()}': a two-week stretch"),
        priority=1,
        gate=r"fortnight",
    ),
    rule(
        "every",
        rf"(?:every|each|per)\s+(?:(?P<wd>{WEEKDAY})|(?P<mon>{MONTH_FULL})|(?P<season>{SEASON})\b|(?P<other>other\s+)?"
        rf"(?:(?P<n>{COUNT})\s+)?(?P<u>{UNIT}))",
        _every,
        priority=1,
    ),
]
