"""Named stretches of the calendar: "the 1990s", "the 20th century", "the third quarter", "Q3 2025",
"last summer", "Christmas"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.easter import easter

from timeline_app.core.lang import table
from timeline_app.core.temporal.anchoring import MONTH_NAMES, nth_weekday, resolve_month_year
from timeline_app.core.temporal.base import Context, Result, Rule, capitalised, in_headline, month_number, rule
from timeline_app.core.temporal.lexicon import (
    DECADE_WORDS,
    EASTER_OFFSETS,
    HOLIDAYS,
    MONTH_FULL,
    ORDINALS,
    SEASON,
    SEASONS,
    WEEKDAY_HOLIDAYS,
    YEAR4,
)
from timeline_app.core.temporal.rules_dates import REL_YEAR, range_opened_by, relative_year
from timeline_app.core.temporal.tense import clause_bounds
from timeline_app.core.temporal.units import Unit, season_near, season_unit, unit_of


def _decade(m: re.Match[str], ctx: Context) -> Result | None:
    if m.group("word"):
        digit = DECADE_WORDS[m.group("word").lower()]
        century = None
    else:
        digit = int(m.group("dec") or m.group("dec2"))
        century = int(m.group("cent")) if m.group("cent") else None
        if century is not None and digit == 0 and century < 20:
            # "the 1800s" and "the early 1900s" name a century; "the 2000s" is still read as a decade.
            unit = Unit("century", date(max(century * 100, 1), 1, 1))
            basis = f"'{m.group()}': the years {century * 100}-{century * 100 + 99}"
            return Result("DATE", f"{century:02d}", basis=basis, unit=unit)
    if century is None:
        if ctx.reference is None:
            century = 19
        else:
            # The latest such decade that has begun by the reference date.
            century = ctx.reference.year // 100
            if century * 100 + digit * 10 > ctx.reference.year:
                century -= 1
    start = century * 100 + digit * 10
    unit = Unit("decade", date(max(start, 1), 1, 1))
    return Result("DATE", f"{start // 10:03d}X", basis=f"'{m.group()}': the decade {start}-{start + 9}", unit=unit)


def _century(m: re.Match[str], ctx: Context) -> Result | None:
    word = m.group("n").lower().replace("-", "")
    digits = re.match(r"\d+", word)
    if digits:
        n = int(digits.group())
    elif word.startswith("twenty"):
        n = 20 + ORDINALS.get(word[6:], 0)
    else:
        n = ORDINALS.get(word, 0)
    if not 1 <= n <= 30:
        return None
    unit = Unit("century", date(max((n - 1) * 100, 1), 1, 1))
    return Result("DATE", f"{n - 1:02d}", basis=f"'{m.group()}': the years {(n - 1) * 100}-{n * 100 - 1}", unit=unit)


_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}


# Words of a match report: "scored in the second half" is half of a game, not of a year.
_GAME_WORDS = re.compile(
    r"\b(?:scor(?:ed|es|ing)|goals?|touchdowns?|points|innings|half-?time|kick-?off|penalty|penalties|striker|"
    r"midfielder|quarterback|coach|referee|rebounds?|assists?|minutes?\s+(?:left|remaining)|the\s+game|the\s+match|"
    r"win|victory|defeat|lead|led|trailed|trailing|equali[sz]er|header|free\s+kick)\b",
    re.IGNORECASE,
)
_MONEY_WORDS = re.compile(
    r"\b(?:revenue|sales|profit|earnings|income|loss(?:es)?|growth|gdp|economy|output|margins?|results|fiscal|"
    r"financial|quarterly|shares|dividend|forecast|guidance|percent|billion|million|inflation|unemployment|"
    r"production|demand|prices|deliveries|shipments|year)\b|%",
    re.IGNORECASE,
)


def _quarter_check(m: re.Match[str], text: str) -> bool:
    dated = m.group("year") or m.group("year2") or m.group("year3") or m.group("rel") or m.group("rel2")
    if m.group("ord").lower() in ("last", "latter") and not (m.group("year") or m.group("year2") or m.group("rel")):
        return False  # "the last quarter" alone is the one before now, read as a relative unit
    # "the second half of the match", "the first half an hour": not calendar halves.
    after = text[m.end() : m.end() + 8]
    if m.group("kind").lower() == "half" and re.match(r"\s+(?:of\s+(?:the|a|an)\b|a\b|an\b)", after, re.I):
        return False
    if dated:
        return True
    left, right = clause_bounds(text, m.start(), m.end())
    sentence = text[left:right]
    return not (_GAME_WORDS.search(sentence) and not _MONEY_WORDS.search(sentence))


def _quarter(m: re.Match[str], ctx: Context) -> Result | None:
    kind = "half" if m.group("kind").lower().startswith("half") else "quarter"
    word = m.group("ord").lower()
    n = (2 if kind == "half" else 4) if word in ("last", "latter") else _QUARTER_ORD[word]
    if kind == "half" and n > 2:
        return None
    year: int | None = None
    why = ""
    explicit = m.group("year") or m.group("year2") or m.group("year3")
    rel = m.group("rel") or m.group("rel2")
    if explicit:
        year = int(explicit)
        why = f"of {year}"
    elif rel:
        year, why = relative_year(rel, ctx.reference, ctx.last)
    else:
        year, why = _period_year(m, ctx, kind, n)
    return _period_result(m, ctx, kind, n, year, why)


def _period_year(m: re.Match[str], ctx: Context, kind: str, n: int) -> tuple[int | None, str]:
    """The year of a quarter or half named without one: the latest such period, unless the clause looks ahead."""
    if ctx.last is not None and ctx.last.kind in ("quarter", "half", "year") and ctx.reference is None:
        return ctx.last.start.year, f"the year of the last date mentioned ({ctx.last.value})"
    if ctx.reference is None:
        return None, ""
    ref = ctx.reference
    current = (ref.month - 1) // 3 + 1 if kind == "quarter" else (ref.month - 1) // 6 + 1
    tense = ctx.tense(m)
    if kind == "quarter" and current == 1 and n == 4:
        # In January "fourth-quarter results are due" still means the quarter just ended.
        return ref.year - 1, f"the quarter just ended before the reference date {ref}"
    if n > current and tense != "future":
        return ref.year - 1, f"the latest such period completed before the reference date {ref}"
    if n < current - 1 and tense == "future":
        # A quarter just ended is still reported on in the future tense ("results are expected").
        return ref.year + 1, f"the next such period after the reference date {ref}"
    return ref.year, f"the year of the reference date {ref}"


def _period_result(m: re.Match[str], ctx: Context, kind: str, n: int, year: int | None, why: str) -> Result:
    code = "H" if kind == "half" else "Q"
    if year is None:
        return Result("DATE", f"XXXX-{code}{n}", basis=f"'{m.group()}': no year to place it in")
    start_month = (n - 1) * (3 if kind == "quarter" else 6) + 1
    unit = Unit(kind, date(year, start_month, 1))
    return Result(
        "DATE",
        unit.value,
        basis=f"'{m.group()}': {code}{n} {why}".strip(),
        anchor=ctx.reference.isoformat() if ctx.reference else None,
        unit=unit,
    )


# A lower-case word after "the winter" that makes it an adjective (anything but a verb, preposition or conjunction).
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:is|was|were|has|had|have|will|would|could|should|may|might|can|did|does|and|or|but|of|in|on|at|to|"
    r"for|from|when|before|after|as|that|which|while|with|until|through|by|saw|brought|came|began|ended|months|"
    r"season|break|holidays?|recess|vacation|term|there|it|they|he|she|we|i|arrived|passed|approached|set|wore)\b)[a-z]"
)


def _season_check(m: re.Match[str], text: str) -> bool:
    if capitalised(m.group("s")) and _CAPITAL_AFTER.match(text, m.end()) and not in_headline(text, m.start(), m.end()):
        return False  # "the Winter Olympics", "Summer Palace": a name
    if m.group("det") or m.group("year") or m.group("rel"):
        after = text[m.end() : m.end() + 16]
        if (m.group("det") or "").lower() == "the" and not (m.group("year") or m.group("rel")):
            if m.group("s").lower() in ("fall", "spring") and re.match(r"\s+of\b", after, re.IGNORECASE):
                return False  # "the fall of the regime" and "the spring of discontent" are not seasons
            if _NOUN_AFTER.match(after):
                return False  # "the winter storm", "the summer heat": the season describes a thing
        return True
    if m.group("s").lower() in ("fall", "spring"):
        return False
    before = text[max(0, m.start() - 12) : m.start()]
    return bool(re.search(r"\b(?:in|during|this|by|until|since|through|over|last|next|early|late)\s+$", before, re.I))


def _season(m: re.Match[str], ctx: Context) -> Result | None:
    code = SEASONS[m.group("s").lower()]
    det = re.sub(r"\s+", " ", (m.group("det") or "").lower())
    if m.group("year"):
        unit = season_unit(int(m.group("year")), code)
        return Result("DATE", unit.value, basis=f"'{m.group()}': a season with its year", unit=unit)
    if m.group("rel"):
        # "the autumn of last year": the season of that year (winter being the one that starts in its December).
        year, why = relative_year(m.group("rel"), ctx.reference, ctx.last)
        if year is not None:
            unit = season_unit(year, code)
            anchor = ctx.reference.isoformat() if ctx.reference else None
            return Result("DATE", unit.value, basis=f"'{m.group()}': {why}", anchor=anchor, unit=unit)
    if ctx.reference is None:
        return Result("DATE", f"XXXX-{code}", basis=f"'{m.group()}': a season without its year")
    ref = ctx.reference
    current = unit_of("season", ref)
    this_year = season_near(ref, code)
    if det in ("last", "this past", "the past"):
        unit = this_year if this_year.start < current.start else this_year.shift(-1)
        why = f"the latest {m.group('s')} before the reference date {ref}"
    elif det in ("next", "the coming", "this coming"):
        unit = this_year if this_year.start > current.start else this_year.shift(1)
        why = f"the first {m.group('s')} after the reference date {ref}"
    elif det == "this":
        unit = this_year
        why = f"the {m.group('s')} of the reference year {ref.year}"
    else:
        tense = ctx.tense(m)
        unit = this_year
        why = f"the {m.group('s')} of the reference year {ref.year}"
        if tense == "past" and this_year.start > current.start:
            unit = this_year.shift(-1)
            why = f"the latest {m.group('s')} on or before the reference date {ref}"
        elif tense == "future" and this_year.start < current.start:
            unit = this_year.shift(1)
            why = f"the next {m.group('s')} after the reference date {ref}"
    return Result("DATE", unit.value, basis=f"'{m.group()}': {why}", anchor=ref.isoformat(), unit=unit)


_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")


def _holiday_check(m: re.Match[str], text: str) -> bool:
    if not capitalised(m.group("h")):
        return False
    # "Easter Island", "Christmas Island": a one-word holiday name followed by a name is a place.
    return (
        " " in m.group("h").strip()
        or m.group("year") is not None
        or not re.match(r"\s+[A-Z]", text[m.end() : m.end() + 16])
    )


_US_DAYS_AFTER_THANKSGIVING = {name: int(days) for name, days in table("thanksgiving_holidays")}


def _key(name: str) -> str:
    """A holiday name as looked up: lower case, straight apostrophes, no stops or commas, single spaces."""
    return re.sub(r"\s+", " ", re.sub(r"[.,]", "", name.lower().replace("’", "'"))).strip()


_FIXED = {_key(k): v for k, v in HOLIDAYS.items()}
_NTH_WEEKDAY = {_key(k): v for k, v in WEEKDAY_HOLIDAYS.items()}
_FROM_EASTER = {_key(k): v for k, v in EASTER_OFFSETS.items()}


def holiday_on(name: str, year: int) -> date | None:
    """The date of a named holiday in ``year``; None for a name this table does not hold."""
    key = _key(name)
    if key in _FIXED:
        month, day = _FIXED[key]
        return date(year, month, day)
    if key in _NTH_WEEKDAY:
        month, weekday, n = _NTH_WEEKDAY[key]
        return nth_weekday(year, month, weekday, n)
    if key in _US_DAYS_AFTER_THANKSGIVING:
        return nth_weekday(year, 11, 3, 4) + timedelta(days=_US_DAYS_AFTER_THANKSGIVING[key])
    if key == "election day":
        return nth_weekday(year, 11, 0, 1) + timedelta(days=1)  # the Tuesday after the first Monday in November
    if key in _FROM_EASTER:
        return easter(year) + timedelta(days=_FROM_EASTER[key])
    return None


def _holiday(m: re.Match[str], ctx: Context) -> Result | None:
    name = m.group("h")
    if holiday_on(name, 2001) is None:
        return None
    det = (m.group("det") or "").lower()
    weekend = m.group("wkend") is not None

    def on(year: int) -> date:
        found = holiday_on(name, year)
        if found is None:
            raise ValueError(name)  # unreachable: the name was checked above
        return found

    def result(d: date, basis: str, anchor: str | None) -> Result:
        if not weekend:
            return Result("DATE", d.isoformat(), basis=basis, anchor=anchor, unit=Unit("day", d))
        # "Labor Day weekend": the weekend next to the holiday (a Monday holiday ends it).
        unit = unit_of("weekend", d - timedelta(days=1) if d.weekday() == 0 else d)
        return Result("DATE", unit.value, basis=f"{basis}; the weekend next to {d}", anchor=anchor, unit=unit)

    if m.group("year"):
        return result(on(int(m.group("year"))), f"'{m.group()}': a holiday with its year", None)
    if ctx.reference is None:
        if weekend:
            return Result("DATE", "XXXX-WXX-WE", basis=f"'{m.group()}': a holiday weekend without its year")
        return Result("DATE", "XXXX-" + on(2001).isoformat()[5:], basis=f"'{m.group()}': a holiday without its year")
    ref = ctx.reference
    this_year = on(ref.year)
    opened = range_opened_by(ctx, m.start(), "day") if not det else None
    if opened is not None:
        # "between Christmas and New Year's Day": the first such day after the one that opens the range.
        d = on(opened.start.year)
        d = d if d >= opened.start else on(opened.start.year + 1)
        return result(d, f"'{m.group()}': the first such day after {opened.value}, where the range opens", opened.value)
    tense = "past" if det == "last" else "future" if det == "next" else ctx.tense(m)
    d = this_year
    if tense == "past" and this_year > ref:
        d = on(ref.year - 1)
    elif tense == "future" and this_year < ref:
        d = on(ref.year + 1)
    elif tense is None and (this_year - ref).days > 183:
        d = on(ref.year - 1)
    elif tense is None and (ref - this_year).days > 183:
        d = on(ref.year + 1)
    basis = f"'{m.group()}': the occurrence nearest the reference date {ref} in the direction of the clause"
    return result(d, basis, ref.isoformat())


def _holiday_pattern() -> str:
    names = [*HOLIDAYS, *WEEKDAY_HOLIDAYS, *_US_DAYS_AFTER_THANKSGIVING, *EASTER_OFFSETS, "election day",
             "martin luther king, jr. day"]  # fmt: skip
    parts = [re.escape(n).replace(r"\ ", r"\s+").replace("'", "['’]").replace(r"\.", r"\.?") for n in names]
    return "|".join(sorted(parts, key=len, reverse=True))


_WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def _week_of(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the first week of March", "the final week of 2025": the ISO week holding most of those seven days."""
    n = _WEEK_ORDINALS[m.group("ord").lower()]
    year_text = m.group("year") or m.group("year2")
    if m.group("mon"):
        month = month_number(m.group("mon"))
        if year_text:
            year, why = int(year_text), "the year given"
        elif ctx.reference is not None:
            year, why = resolve_month_year(month, ctx.reference, ctx.tense(m))
        else:
            return Result("DATE", "XXXX-WXX", basis=f"'{m.group()}': a week of a month without its year")
        first = date(year, month, 1)
        last = (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
    else:
        year, why = int(year_text), "the year given"
        first, last = date(year, 1, 1), date(year, 12, 31)
    # The week's Thursday decides its ISO week, so count from the fourth day in or before the end.
    middle = first + timedelta(days=3 + 7 * (n - 1)) if n > 0 else last - timedelta(days=3)
    unit = unit_of("week", middle)
    anchor = ctx.reference.isoformat() if ctx.reference and not year_text else None
    return Result("DATE", unit.value, basis=f"'{m.group()}': {unit.value}; {why}", anchor=anchor, unit=unit)


def _fiscal_year_code(m: re.Match[str], ctx: Context) -> Result | None:
    """ "FY25": the fiscal year named by its last two digits (its calendar span depends on the company)."""
    year = 2000 + int(m.group("yy"))
    unit = Unit("year", date(year, 1, 1))
    return Result("DATE", f"{year:04d}", basis=f"'{m.group()}': fiscal year {year}", unit=unit)


def _month_quarter(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the June quarter": the calendar quarter that ends with (or holds) that month."""
    month = month_number(m.group("mon"))
    if ctx.reference is None:
        return Result("DATE", f"XXXX-Q{(month - 1) // 3 + 1}", basis=f"'{m.group()}': a quarter without its year")
    year, why = resolve_month_year(month, ctx.reference, ctx.tense(m))
    unit = unit_of("quarter", date(year, month, 1))
    return Result("DATE", unit.value, basis=f"'{m.group()}': the quarter holding {MONTH_NAMES[month]} {year}; {why}",
                  anchor=ctx.reference.isoformat(), unit=unit)  # fmt: skip


def _month_quarter_check(m: re.Match[str], text: str) -> bool:
    # "the July-September quarter" is a range of months, read as two months.
    return capitalised(m.group("mon")) and not re.search(r"(?:[-–—]|\bto)\s*$", text[max(0, m.start() - 8) : m.start()])


def _bare_quarter_code_check(m: re.Match[str], text: str) -> bool:
    if not m.group("q").isupper() or (m.group("q") == "H" and m.group("n") not in "12"):
        return False
    # "Audi Q3": after a name it is a model, not a quarter (a sentence's first word or "Apple's" is no such name).
    before = text[max(0, m.start() - 24) : m.start()]
    after_name = re.search(r"\b[A-Z][\w-]*\s+$", before) and not re.search(r"(?:^|[.!?:\n]\s*)\w+\s+$", before)
    return not after_name


def _bare_quarter_code(m: re.Match[str], ctx: Context) -> Result | None:
    kind = "quarter" if m.group("q") == "Q" else "half"
    n = int(m.group("n"))
    year, why = _period_year(m, ctx, kind, n)
    return _period_result(m, ctx, kind, n, year, why)


def _quarter_code(m: re.Match[str], ctx: Context) -> Result | None:
    n = int(m.group("n"))
    year_text = m.group("year")
    year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    kind = "quarter" if m.group("q").upper() == "Q" else "half"
    if kind == "half" and n > 2:
        return None
    unit = Unit(kind, date(year, (n - 1) * (3 if kind == "quarter" else 6) + 1, 1))
    return Result("DATE", unit.value, basis=f"'{m.group()}': {unit.value}", unit=unit)


RULES: list[Rule] = [
    rule(
        "decade",
        r"(?:the\s+)?(?:(?P<cent>1[5-9]|20)(?P<dec>\d)0(?:'?s|\s's)|'(?P<dec2>\d)0s|(?P<word>"
        + "|".join(DECADE_WORDS)
        + r"))",
        _decade,
        lambda m, text: not m.group("word") or m.group().lower().startswith("the"),
        priority=1,
    ),
    rule(
        "century",
        r"(?:the\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|twenty-?first|"
        + "|".join(w for w, v in ORDINALS.items() if v > 0)
        + r")[-\s]+century",
        _century,
        priority=1,
    ),
    rule(
        "quarter",
        rf"(?:the\s+(?!(?:first|second|third|fourth|1st|2nd|3rd|4th|final)-))?"
        rf"(?:(?:(?P<year3>{YEAR4})|(?P<rel2>this|last|next)\s+year's|the\s+year's)"
        r"\s+)?(?:(?:fiscal|calendar|financial)\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latter)"
        r"(?:-|\s+)(?:(?:fiscal|calendar)[-\s]+)?(?P<kind>quarter|half-year|half)(?:\s+of\s+(?:the\s+)?"
        rf"(?:(?:fiscal|calendar|financial)\s+)?(?:year\s+)?(?:(?P<year>{YEAR4})|(?P<rel>{REL_YEAR})\s+year)|"
        rf"\s*,?\s+(?P<year2>{YEAR4})|\s+of\s+the\s+(?:(?:fiscal|financial|calendar|current)\s+)?year(?![-\s]+(?:ago|earlier|before|after)\b))?",
        _quarter,
        _quarter_check,
        priority=2,
    ),
    rule(
        "season",
        rf"(?:(?P<det>this|last|next|the\s+past|this\s+past|the\s+coming|this\s+coming|the)\s+)?(?P<s>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?P<year>{YEAR4})|\s+(?:of\s+)?(?P<rel>{REL_YEAR})\s+year)?",
        _season,
        _season_check,
        priority=1,
    ),
    rule(
        "holiday",
        # Holiday names are capitalised: the look-ahead skips every lower-case position cheaply.
        rf"(?=(?-i:[A-Z])|(?:last|this|next)\s)(?:(?P<det>last|this|next)\s+)?(?P<h>{_holiday_pattern()})"
        rf"(?P<wkend>\s+(?:holiday\s+)?week-?end)?(?:\s+(?P<year>{YEAR4}))?",
        _holiday,
        _holiday_check,
        priority=1,
        gate=r"(?-i:\b(?:Day|DAY|Eve|EVE|Night|NIGHT|Friday|Monday|Sunday|Thursday|Saturday|Wednesday|Christmas|"
        r"CHRISTMAS|Easter|EASTER|Thanksgiving|THANKSGIVING|Halloween|Juneteenth|Hogmanay|Pentecost)\b)",
    ),
    rule(
        "quarter_code",
        r"(?P<q>[QH])(?P<n>[1-4])\s*(?:of\s+|,\s*|FY\s*|')?(?P<year>(?:1[89]|20)\d\d|\d\d)",
        _quarter_code,
        lambda m, text: m.group("q").isupper() and (len(m.group("year")) == 4 or "'" in m.group()),
        priority=2,
    ),
    rule(
        "week_of",
        rf"the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?:(?P<mon>{MONTH_FULL})"
        rf"(?:\s*,?\s+(?P<year>{YEAR4}))?|(?P<year2>{YEAR4}))",
        _week_of,
        lambda m, text: not m.group("mon") or capitalised(m.group("mon")),
        priority=3,
    ),
    rule(
        "quarter_code_digit_first",
        r"(?P<n>[1-4])(?P<q>[QH])\s*'?(?P<year>(?:19|20)\d\d|\d\d)",
        _quarter_code,
        lambda m, text: m.group("q").isupper() and (m.group("q") == "Q" or m.group("n") in "12"),
        priority=2,
        gate=r"\b[1-4][QH]",
    ),
    rule(
        "fiscal_year_code",
        r"FY\s*'?(?P<yy>\d\d)",
        _fiscal_year_code,
        lambda m, text: m.group().startswith("FY"),
        priority=1,
        gate=r"FY",
    ),
    rule(
        "month_quarter",
        rf"(?:the\s+)?(?P<mon>{MONTH_FULL})[-\s]quarter",
        _month_quarter,
        # "the July-September quarter" is a range of months, read as two months.
        lambda m, text: (
            capitalised(m.group("mon"))
            and not re.search(r"(?:[-–—]|\bto)\s*$", text[max(0, m.start() - 8) : m.start()])
        ),
        priority=2,
    ),
    rule(
        "bare_quarter_code",
        r"(?P<q>[QH])(?P<n>[1-4])",
        _bare_quarter_code,
        _bare_quarter_code_check,
        priority=1,
        gate=r"\b[QH][1-4]\b",
    ),
]
