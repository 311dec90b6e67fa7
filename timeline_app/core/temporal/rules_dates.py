"""Calendar dates written out: "Sept. 30, 1989", "4 September", "October 2024", "October of last year",
"1990", "nineteen ninety-six", "2025-09-04T14:30"."""

from __future__ import annotations

import re
from datetime import date

from timeline_app.core.lang import alternation, fragments
from timeline_app.core.temporal.anchoring import MONTH_NAMES, nth_weekday, resolve_month_day, resolve_month_year
from timeline_app.core.temporal.base import Context, Result, Rule, capitalised, month_number, rule, weekday_number
from timeline_app.core.temporal.lexicon import (
    DAY_NUM,
    DAY_ORD_WORD,
    MONTH,
    MONTH_FULL,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    WEEKDAY_ANY,
    WEEKDAYS,
    YEAR4,
)
from timeline_app.core.temporal.units import Unit

REL_YEAR = r"this|last|next|the\s+previous|the\s+following|the\s+same|that|the\s+past|the\s+coming|the\s+current"

# Nouns that make a four-digit number a quantity ("2000 troops"), not a year.
_QUANTITY_NOUNS = re.compile(rf"\s*(?:{alternation('quantity_nouns', longest_first=False)})\b", re.IGNORECASE)
# Words that make the number after them a label ("Resolution 1701", "Flight 2012", "page 1998").
_LABEL_BEFORE = re.compile(rf"\b(?:{fragments('label_words')})\s*#?\s*$", re.IGNORECASE)
_APPROX_BEFORE = re.compile(
    r"(?:about|some|around|approximately|nearly|almost|over|than|least|up\s+to|roughly|estimated|No\.|number|#)\s*$",
    re.IGNORECASE,
)


def _year_value(y: int) -> str:
    return f"{y:04d}"


def _day_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    digits = re.match(r"\d+", w)
    if digits:
        return int(digits.group())
    w = w.replace("-", "")
    if w.startswith("twenty") and len(w) > 6:
        return 20 + ORDINALS.get(w[6:], 0)
    if w.startswith("thirty") and len(w) > 6:
        return 30 + ORDINALS.get(w[6:], 0)
    v = ORDINALS.get(w)
    return v if v and v > 0 else None


# "from March to May 2024", "Sept. 28 - Oct. 3, 2025": the year written once at the end of a range.
_RANGE_YEAR_AFTER = re.compile(
    rf"\s*(?:[-–—]|to|and|through|thru|until|till)\s+(?:(?:early|late|mid)[-\s]+)?(?:{DAY_NUM}\s+(?:of\s+)?)?"
    rf"(?P<mon>{MONTH})(?:\s*{DAY_NUM})?(?:\s*,\s*|\s+)(?P<year>{YEAR4})\b",
    re.IGNORECASE,
)


def range_year(text: str, end: int, month: int) -> int | None:
    """The year of ``month`` opening a range whose closing date, right after ``end``, gives the year."""
    m = _RANGE_YEAR_AFTER.match(text, end)
    if not m or not capitalised(m.group("mon")):
        return None
    year = int(m.group("year"))
    return year - 1 if month > month_number(m.group("mon")) else year  # "Dec. 28 to Jan. 3, 2026"


def _full_date(m: re.Match[str], ctx: Context) -> Result | None:
    month = month_number(m.group("mon"))
    day = _day_number(m.group("day"))
    if day is None:
        return None
    label = m.group()
    if m.group("year"):
        try:
            d = date(int(m.group("year")), month, day)
        except ValueError:
            return None
        return Result("DATE", d.isoformat(), basis=f"'{label}': a full calendar date", unit=Unit("day", d))
    shared = range_year(ctx.text, m.end(), month)
    if shared is not None:
        try:
            d = date(shared, month, day)
        except ValueError:
            return None
        basis = f"'{label}': the year {shared} written at the end of the range it opens"
        return Result("DATE", d.isoformat(), basis=basis, unit=Unit("day", d))
    if ctx.reference is None:
        if not 1 <= day <= 31:
            return None
        return Result("DATE", f"XXXX-{month:02d}-{day:02d}", basis=f"'{label}': a date without its year")
    weekday = m.group("wd")
    if weekday:
        # "Thursday, Sept. 4": the weekday picks the year when the reference cannot.
        wanted = weekday_number(weekday)
        for year in (ctx.reference.year, ctx.reference.year - 1, ctx.reference.year + 1):
            try:
                d = date(year, month, day)
            except ValueError:
                continue
            if d.weekday() == wanted:
                basis = f"'{label}': the year near the reference date {ctx.reference} where the weekday matches"
                return Result("DATE", d.isoformat(), basis=basis, anchor=ctx.reference.isoformat(), unit=Unit("day", d))
    resolved, basis = resolve_month_day(month, day, ctx.reference, ctx.tense(m))
    if resolved is None:
        return None
    return Result(
        "DATE", resolved.isoformat(), basis=basis, anchor=ctx.reference.isoformat(), unit=Unit("day", resolved)
    )


def _date_or_day_range(m: re.Match[str], ctx: Context) -> Result | None:
    """A date, or a range of days in one month written once: "June 25 to 29", "from 25 to 29 June 2025"."""
    result = _full_date(m, ctx)
    groups = m.groupdict()
    if result is None or result.unit is None or not (groups.get("day2") or groups.get("day0")):
        return result
    known = result.unit.start
    first_is_known = bool(groups.get("day2"))
    if first_is_known:
        other_day, other_start, other_end = _day_number(groups["day2"]), m.start("day2"), m.end()
        first_span = (m.start(), m.end("day"))
    else:
        other_day, other_start, other_end = _day_number(groups["day0"]), m.start("day0"), m.end("day0")
        first_span = (m.start("day"), m.end())
    if other_day is None:
        return result
    try:
        other = known.replace(day=other_day)
    except ValueError:
        return result
    if first_is_known and other <= known:
        return result  # "June 25 to 3" is no range within June
    if not first_is_known and other >= known:
        return result
    label = m.group()
    other_unit = Unit("day", other)
    other_result = Result("DATE", other.isoformat(), basis=f"'{label}': the other end of the range, in the same month",
                          anchor=result.value, unit=other_unit)  # fmt: skip
    if first_is_known:
        return Result(result.type, result.value, parts=[(*first_span, result), (other_start, other_end, other_result)])
    return Result(result.type, result.value, parts=[(other_start, other_end, other_result), (*first_span, result)])


def _month_is_name(m: re.Match[str], text: str) -> bool:
    weekday = m.groupdict().get("wd")
    return capitalised(m.group("mon")) and (weekday is None or capitalised(weekday))


_MONTH_CONTEXT_BEFORE = re.compile(
    rf"(?:\b{MONTH}\s*[-–—]|\b(?:in|since|until|till|by|from|through|throughout|during|before|after|to|and|or|between|of|early|late|"
    r"mid|last|this|next|each|every|until|for|on|that|past|coming)\s*-?|,)\s*$",
    re.IGNORECASE,
)


_TIME_NAMES = "|".join(w.capitalize() for w in (*MONTHS, *WEEKDAYS))
_NAME_AFTER = re.compile(rf"\s+(?!(?:{_TIME_NAMES})\b)[A-Z][a-z]")


def _bare_month_check(m: re.Match[str], text: str) -> bool:
    word = m.group("mon")
    if not capitalised(word):
        return False
    if m.group("det"):
        return True
    before = text[max(0, m.start() - 20) : m.start()]
    expected = _MONTH_CONTEXT_BEFORE.search(before)
    # "May" and "March" are also a modal and a verb: accept them only where a month is expected.
    if word.lower() in ("may", "march") and not expected:
        return False
    # "April Smith said": a month name followed by another name is a person.
    return bool(expected) or not _NAME_AFTER.match(text, m.end())


_STATISTIC_AFTER = re.compile(
    r"\s+(?:jobs|employment|payrolls?|inflation|cpi|retail|trade|data|figures|report|numbers|reading|survey|index|"
    r"sales|output|unemployment)\b",
    re.IGNORECASE,
)
_DEADLINE_BEFORE = re.compile(
    r"\b(?:by|until|till|through|before|ahead\s+of)\s+(?:(?:early|mid|late|the\s+(?:end|start|middle)\s+of)[-\s]*)?$",
    re.IGNORECASE,
)


_SENTENCE_BREAK = re.compile(r"\n|[.!?]\s+[A-Z\"“]")


_OPENING_WORDS = re.compile(r"(?:^|\n|[.!?][\"”]?\s+)(?:(?:[A-Z]\w*|in|back|earlier|later|and|but)\s+){0,2}$")


def _year_in_sentence(ctx: Context, start: int) -> int | None:
    """The year a sentence opens with, for a month later in it ("Last year, ... in late September")."""
    last = ctx.last
    if last is None or last.kind != "year" or start - ctx.last_end > 200:
        return None
    if _SENTENCE_BREAK.search(ctx.text, ctx.last_end, start):
        return None
    # Only a year that frames the sentence: "since its launch in 2003 and as of February" is another matter.
    return last.start.year if _OPENING_WORDS.search(ctx.text, max(0, ctx.last_start - 40), ctx.last_start) else None


_RANGE_JOINER = re.compile(r"\s*(?:[-–—]|to|until|till|through|thru|(?P<and>and))\s*", re.IGNORECASE)


def range_opened_by(ctx: Context, start: int, kind: str = "month") -> Unit | None:
    """The unit opening a range the words at ``start`` close: "from December to March", "between Christmas and"."""
    last = ctx.last
    if last is None or last.kind != kind:
        return None
    joiner = _RANGE_JOINER.fullmatch(ctx.text, ctx.last_end, start)
    if joiner is None:
        return None
    if re.search(r"[-–—]", joiner.group()):
        return last  # "December-March"
    before = ctx.text[max(0, ctx.last_start - 24) : ctx.last_start]
    opener = _BETWEEN_BEFORE if joiner.group("and") else _FROM_BEFORE
    return last if opener.search(before) else None


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:early|mid|late)[-\s]+)?$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:(?:early|mid|late)[-\s]+)?$", re.IGNORECASE)


def _bare_month(m: re.Match[str], ctx: Context) -> Result | None:
    month = month_number(m.group("mon"))
    det = (m.group("det") or "").lower()
    name = MONTH_NAMES[month]
    shared = range_year(ctx.text, m.end(), month) if not det else None
    if shared is not None:
        unit = Unit("month", date(shared, month, 1))
        basis = f"'{m.group()}': the year {shared} written at the end of the range it opens"
        return Result("DATE", unit.value, basis=basis, unit=unit)
    if ctx.reference is None:
        last = ctx.last
        if last is not None and last.kind not in ("decade", "century") and not det:
            # "Talks began in January 2024. In March, they collapsed.": the story's year carries over.
            unit = Unit("month", date(last.start.year, month, 1))
            basis = f"'{m.group()}': {name} of {last.start.year}, the year of the last date mentioned ({last.value})"
            return Result("DATE", unit.value, basis=basis, anchor=last.value, unit=unit)
        return Result("DATE", f"XXXX-{month:02d}", basis=f"'{name}': a month without its year")
    ref = ctx.reference
    if det == "last" or det.endswith("past"):
        year = ref.year if month < ref.month else ref.year - 1
        basis = f"'{m.group()}': the latest {name} before the reference date {ref}"
    elif det == "next" or det.endswith("coming"):
        year = ref.year if month > ref.month else ref.year + 1
        basis = f"'{m.group()}': the first {name} after the reference date {ref}"
    elif det == "this":
        year = ref.year
        basis = f"'{m.group()}': {name} of the reference year {ref.year}"
    elif (opened := range_opened_by(ctx, m.start())) is not None:
        year = opened.start.year if month > opened.start.month else opened.start.year + 1
        basis = f"'{m.group()}': the first {name} after {opened.value}, where the range it closes opens"
    elif (year_before := _year_in_sentence(ctx, m.start())) is not None:
        year = year_before
        basis = f"'{m.group()}': {name} of {year}, the year named earlier in the sentence"
    else:
        tense = ctx.tense(m)
        if _STATISTIC_AFTER.match(ctx.text, m.end()):
            tense = "past"  # "the September jobs report" is published after the month it measures
        elif 0 < (month - ref.month) % 12 <= 3 and _DEADLINE_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
            tense = "future"  # "pay down the loan by February": a deadline just ahead, whatever the verb's tense
        year, basis = resolve_month_year(month, ref, tense)
    unit = Unit("month", date(year, month, 1))
    return Result("DATE", unit.value, basis=basis, anchor=ref.isoformat(), unit=unit)


_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1,
        "final": -1}  # fmt: skip


def _nth_weekday_of_month(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the first Tuesday of February", "the last Friday in June 2024"."""
    month = month_number(m.group("mon"))
    weekday = weekday_number(m.group("wd"))
    n = _NTH[m.group("ord").lower()]
    if m.group("year"):
        year, why = int(m.group("year")), "the year given"
    elif ctx.reference is not None:
        year, why = resolve_month_year(month, ctx.reference, ctx.tense(m))
    else:
        return Result("DATE", f"XXXX-{month:02d}", basis=f"'{m.group()}': a day of a month without its year")
    d = nth_weekday(year, month, weekday, n)
    if d.month != month:
        return None  # there is no fifth Monday in this month
    anchor = ctx.reference.isoformat() if ctx.reference and not m.group("year") else None
    return Result("DATE", d.isoformat(), basis=f"'{m.group()}': {d}; {why}", anchor=anchor, unit=Unit("day", d))


def _month_year(m: re.Match[str], ctx: Context) -> Result | None:
    month = month_number(m.group("mon"))
    unit = Unit("month", date(int(m.group("year")), month, 1))
    return Result("DATE", unit.value, basis=f"'{m.group()}': a month with its year", unit=unit)


def relative_year(rel: str, ref: date | None, last: Unit | None) -> tuple[int | None, str]:
    rel = re.sub(r"\s+", " ", rel.lower())
    if rel in ("the same", "that"):
        if last is not None:
            return last.start.year, f"the year of the last date mentioned ({last.value})"
        rel = "this"
    if ref is None:
        return None, ""
    if rel in ("last", "the previous", "the past"):
        return ref.year - 1, f"the year before the reference date {ref}"
    if rel in ("next", "the following", "the coming"):
        return ref.year + 1, f"the year after the reference date {ref}"
    return ref.year, f"the year of the reference date {ref}"


def _month_relative_year(m: re.Match[str], ctx: Context) -> Result | None:
    month = month_number(m.group("mon"))
    year, why = relative_year(m.group("rel"), ctx.reference, ctx.last)
    name = MONTH_NAMES[month]
    if year is None:
        return Result("DATE", f"XXXX-{month:02d}", basis=f"'{m.group()}': no reference date to count from")
    unit = Unit("month", date(year, month, 1))
    return Result(
        "DATE",
        unit.value,
        basis=f"'{m.group()}': {name} of {year}, {why}",
        anchor=ctx.reference.isoformat() if ctx.reference else None,
        unit=unit,
    )


def _year_check(m: re.Match[str], text: str) -> bool:
    if m.group("pre"):
        return True
    after = text[m.end() : m.end() + 24]
    if _QUANTITY_NOUNS.match(after):
        return False
    before = text[max(0, m.start() - 16) : m.start()]
    if _LABEL_BEFORE.search(before):
        return False
    # "some 1500 ..." with a lowercase noun after is a count.
    return not (_APPROX_BEFORE.search(before) and re.match(r"\s+[a-z]", after))


def _year(m: re.Match[str], ctx: Context) -> Result | None:
    y = int(m.group("year"))
    unit = Unit("year", date(y, 1, 1))
    return Result("DATE", _year_value(y), basis=f"'{m.group()}': a year", unit=unit)


def _range_end_year(m: re.Match[str]) -> int | None:
    """The closing year of "2019-21" or "1939-1945"; None when it cannot close a range opened by the first."""
    first, last_text = int(m.group("y1")), m.group("y2")
    last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
    return last if 0 < last - first <= 100 else None


def _year_range_check(m: re.Match[str], text: str) -> bool:
    if _range_end_year(m) is None:
        return False
    if _QUANTITY_NOUNS.match(text[m.end() : m.end() + 24]):
        return False
    before = text[max(0, m.start() - 16) : m.start()]
    return not (_LABEL_BEFORE.search(before) or _APPROX_BEFORE.search(before))


def _year_range(m: re.Match[str], ctx: Context) -> Result | None:
    """ "1950-53", "2019–2021", "2024/25": the years that open and close the range, as two dates."""
    last = _range_end_year(m)
    if last is None:
        return None
    first = int(m.group("y1"))
    label = m.group()
    parts: list[tuple[int, int, Result]] = []
    for year, group, role in ((first, "y1", "opens"), (last, "y2", "closes")):
        unit = Unit("year", date(year, 1, 1))
        basis = f"'{label}': the year that {role} a range of years"
        parts.append((m.start(group), m.end(group), Result("DATE", _year_value(year), basis=basis, unit=unit)))
    return Result("DATE", _year_value(first), basis=parts[0][2].basis, parts=parts)


_SPELLED_TENS = {w: v for w, v in NUMBER_WORDS.items() if 20 <= v < 100}
_SPELLED_SMALL = {w: v for w, v in NUMBER_WORDS.items() if 1 <= v < 20 and w not in ("a", "an", "single", "couple")}
# The number words a year is spelled with ("nineteen ninety-six", "two thousand and twelve"), smallest first.
_DIGIT_WORDS = "|".join(w for w, v in _SPELLED_SMALL.items() if v < 10)
_TEEN_WORDS = "|".join(w for w, v in _SPELLED_SMALL.items() if v >= 10 and w != "dozen")  # no year has "dozen"
_TENS_WORDS = "|".join(_SPELLED_TENS)


def _spelled_number(words: str) -> int | None:
    """0-99 from words: "ninety-six", "oh five", "ten"."""
    parts = [p for p in re.split(r"[-\s]+", words.lower()) if p and p != "and"]
    if parts[:1] == ["oh"]:
        parts = parts[1:]
    total = 0
    for p in parts:
        if p in _SPELLED_TENS:
            total += _SPELLED_TENS[p]
        elif p in _SPELLED_SMALL:
            total += _SPELLED_SMALL[p]
        else:
            return None
    return total


def _spelled_year(m: re.Match[str], ctx: Context) -> Result | None:
    if m.group("th"):
        rest = _spelled_number(m.group("threst")) if m.group("threst") else 0
        year = 2000 + (rest or 0)
    else:
        century = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}[m.group("c").lower()]
        rest = 0 if m.group("rest").lower().startswith("hundred") else _spelled_number(m.group("rest"))
        if rest is None:
            return None
        year = century + rest
    unit = Unit("year", date(year, 1, 1))
    return Result("DATE", f"{year:04d}", basis=f"'{m.group()}': a year written in words", unit=unit)


def _spelled_year_check(m: re.Match[str], text: str) -> bool:
    if m.group("th"):
        before = text[max(0, m.start() - 10) : m.start()]
        after = text[m.end() : m.end() + 12]
        if m.group("pre"):
            return True
        return bool(re.search(r"\b(?:in|since|until|by)\s+$", before, re.I)) and not re.match(r"\s+[a-z]", after)
    return True


def _iso_date(m: re.Match[str], ctx: Context) -> Result | None:
    if m.group("y"):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    elif m.group("y2"):
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        if mo > 12 >= d:
            mo, d = d, mo  # 25/12/2024 is day-first
    else:
        y, mo, d = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))  # 04.09.2025 is day-first
    try:
        day = date(y, mo, d)
    except ValueError:
        return None
    if m.group("hh"):
        hour, minute = int(m.group("hh")), int(m.group("mm"))
        if hour > 23 or minute > 59:
            return None
        value = f"{day.isoformat()}T{hour:02d}:{minute:02d}"
        return Result("TIME", value, basis=f"'{m.group()}': a numeric date and time", unit=Unit("day", day))
    return Result("DATE", day.isoformat(), basis=f"'{m.group()}': a numeric date", unit=Unit("day", day))


# After the closing day of "June 25 to 29": not a unit or another month ("June 25 to 29 people", "to 29 July").
_NO_UNIT_AFTER = (
    rf"(?!\s*(?:%|percent|per\b|years?\b|months?\b|weeks?\b|days?\b|hours?\b|minutes?\b|people|times\b|points\b|"
    rf"degrees\b|[ap]\.?m\b|{MONTH}\b|[-/.:]\d))"
)
# Day ordinals up to the 19th in words; "twent" and "thirt" open the rest ("twenty-first", "thirtieth").
_ORDINAL_WORDS = "|".join(w for w, v in ORDINALS.items() if 0 < v < 20)
_WD = rf"(?:(?P<wd>{WEEKDAY_ANY})\s*,?\s+(?:the\s+)?)?"
_YEAR_TAIL = rf"(?:(?:\s*,\s*|\s+)(?P<year>{YEAR4}))?"

RULES: list[Rule] = [
    rule(
        "date_month_day",
        # Month and weekday names must be capitalised: the look-ahead skips lower-case positions cheaply.
        rf"(?=(?-i:[A-Z])){_WD}(?P<mon>{MONTH})\s*(?P<day>{DAY_NUM}|{DAY_ORD_WORD})\b(?:\s*[-–]\s*{DAY_NUM}\b|"
        rf"\s+(?:to|until|till|through|and)\s+(?P<day2>{DAY_NUM})\b{_NO_UNIT_AFTER})?{_YEAR_TAIL}",
        _date_or_day_range,
        _month_is_name,
        priority=3,
    ),
    rule(
        "date_day_month",
        rf"(?=\d|(?-i:[A-Z])|(?:{_ORDINAL_WORDS}|twent|thirt))"
        rf"(?:(?P<day0>{DAY_NUM})\s+(?:to|until|till|through|and)\s+)?"
        rf"{_WD}(?P<day>{DAY_NUM}|{DAY_ORD_WORD})(?:\s*[-–]\s*{DAY_NUM})?\s+(?:of\s+)?(?P<mon>{MONTH})\b{_YEAR_TAIL}",
        _date_or_day_range,
        _month_is_name,
        priority=3,
    ),
    rule(
        "nth_weekday_of_month",
        rf"(?:the\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+(?P<wd>{WEEKDAY_ANY})\s+"
        rf"(?:of|in)\s+(?P<mon>{MONTH})(?:\s*,?\s+(?P<year>{YEAR4}))?",
        _nth_weekday_of_month,
        _month_is_name,
        priority=3,
    ),
    rule(
        "month_year",
        rf"(?P<mon>{MONTH})(?:\s*,?\s+|\s+of\s+)(?P<year>{YEAR4})",
        _month_year,
        _month_is_name,
        priority=2,
    ),
    rule(
        "month_relative_year",
        rf"(?P<mon>{MONTH_FULL})\s*,?\s+(?:of\s+)?(?P<rel>{REL_YEAR})\s+year",
        _month_relative_year,
        _month_is_name,
        priority=2,
    ),
    rule(
        "month",
        rf"(?:(?P<det>last|this|next|this\s+past|this\s+coming|the\s+past|the\s+coming)\s+)?(?P<mon>{MONTH_FULL}|"
        r"(?:jan|feb|aug|sept|oct|nov|dec)\.)",
        _bare_month,
        _bare_month_check,
        priority=1,
    ),
    rule(
        "year",
        rf"(?P<pre>(?:the\s+)?(?:(?:calendar|fiscal|financial|model|tax|academic|school)\s+)?year\s+|fiscal\s+|FY\s*)?"
        rf"(?P<year>{YEAR4})",
        _year,
        _year_check,
    ),
    rule(
        "year_range",
        rf"(?P<y1>{YEAR4})(?:\s*[-–—]\s*|/)(?P<y2>{YEAR4}|\d\d)",
        _year_range,
        _year_range_check,
        priority=1,
        gate=r"\d{4}(?:\s*[-–—]\s*|/)\d\d",
    ),
    rule(
        "spelled_year",
        r"(?P<pre>the\s+year\s+)?(?:(?P<c>eighteen|nineteen|twenty)[-\s]+(?P<rest>hundred|oh[-\s]+[a-z]+|"
        rf"(?:{_TEEN_WORDS})|(?:{_TENS_WORDS})(?:[-\s]+(?:{_DIGIT_WORDS}))?)|(?P<th>two\s+thousand)"
        rf"(?:\s+(?:and\s+)?(?P<threst>(?:{_DIGIT_WORDS}|{_TEEN_WORDS}|twenty)(?:[-\s]+(?:{_DIGIT_WORDS}))?))?)",
        _spelled_year,
        _spelled_year_check,
    ),
    rule(
        "iso_date",
        r"(?:(?P<y>(?:1[89]|20)\d\d)(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<d>3[01]|[0-2]?\d)|"
        r"(?P<m2>\d{1,2})/(?P<d2>\d{1,2})/(?P<y2>(?:1[89]|20)\d\d)|"
        r"(?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>(?:1[89]|20)\d\d))"
        r"(?:[T\s](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?",
        _iso_date,
        priority=3,
    ),
]
