"""Calendar dates written out: "Sept. 30, 1989", "4 September", "October 2024", "1990", "the 1990s",
"the third quarter", "last summer", "Christmas"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.easter import easter

from timeline_app.core.temporal.anchoring import MONTH_NAMES, nth_weekday, resolve_month_day, resolve_month_year
from timeline_app.core.temporal.base import (
    Context,
    Result,
    Rule,
    capitalised,
    month_number,
    rule,
    weekday_number,
)
from timeline_app.core.temporal.lexicon import (
    DAY_NUM,
    DAY_ORD_WORD,
    DECADE_WORDS,
    HOLIDAYS,
    MONTH,
    MONTH_FULL,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    SEASON,
    SEASONS,
    WEEKDAY_ANY,
    WEEKDAYS,
    YEAR4,
)
from timeline_app.core.temporal.units import Unit, season_near, season_unit, unit_of

_REL_YEAR = r"this|last|next|the\s+previous|the\s+following|the\s+same|that|the\s+past|the\s+coming|the\s+current"

# Nouns that make a four-digit number a quantity ("2000 troops"), not a year.
_QUANTITY_NOUNS = re.compile(
    r"\s*(?:percent|per\s+cent|%|people|persons|troops|soldiers|workers|employees|jobs|men|women|children|"
    r"students|cars|vehicles|units|shares|tons|tonnes|barrels|miles|kilometers|kilometres|km|meters|metres|feet|"
    r"acres|homes|houses|cases|deaths|points|dollars|euros|yuan|won|pounds|rubles|yen|members|votes|delegates|"
    r"refugees|civilians|police|officers|residents|families|companies|firms|items|pages|words|calories|"
    r"megawatts|mw|pieces|rounds|bombs|missiles|aircraft|planes|ships|tanks|guns|weapons|rockets|drones|"
    r"prisoners|migrants|patients|sites|flights|stores|times|hectares|sq|square|cubic|degrees|tests|beds|"
    r"copies|visitors|users|customers|votes|seats|lives|victims|injured|dead|killed|more|others|or\s+so)\b",
    re.IGNORECASE,
)
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


def _month_is_name(m: re.Match[str], text: str) -> bool:
    return capitalised(m.group("mon"))


_MONTH_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|throughout|during|before|after|to|and|or|between|of|early|late|"
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


def _bare_month(m: re.Match[str], ctx: Context) -> Result | None:
    month = month_number(m.group("mon"))
    det = (m.group("det") or "").lower()
    name = MONTH_NAMES[month]
    if ctx.reference is None:
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
    else:
        year, basis = resolve_month_year(month, ref, ctx.tense(m))
    unit = Unit("month", date(year, month, 1))
    return Result("DATE", unit.value, basis=basis, anchor=ref.isoformat(), unit=unit)


def _month_year(m: re.Match[str], ctx: Context) -> Result | None:
    month = month_number(m.group("mon"))
    unit = Unit("month", date(int(m.group("year")), month, 1))
    return Result("DATE", unit.value, basis=f"'{m.group()}': a month with its year", unit=unit)


def _relative_year(rel: str, ref: date | None, last: Unit | None) -> tuple[int | None, str]:
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
    year, why = _relative_year(m.group("rel"), ctx.reference, ctx.last)
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
    # "some 1500 ..." with a lowercase noun after is a count.
    return not (_APPROX_BEFORE.search(before) and re.match(r"\s+[a-z]", after))


def _year(m: re.Match[str], ctx: Context) -> Result | None:
    y = int(m.group("year"))
    unit = Unit("year", date(y, 1, 1))
    return Result("DATE", _year_value(y), basis=f"'{m.group()}': a year", unit=unit)


_SPELLED_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                 "ninety": 90}  # fmt: skip
_SPELLED_SMALL = {w: v for w, v in NUMBER_WORDS.items() if 1 <= v < 20 and w not in ("a", "an", "single", "couple")}


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
        return bool(m.group("pre") or re.search(r"\b(?:in|since|until|by)\s+$", before, re.I)) and not re.match(
            r"\s+[a-z]", after
        )
    return True


def _decade(m: re.Match[str], ctx: Context) -> Result | None:
    if m.group("word"):
        digit = DECADE_WORDS[m.group("word").lower()]
        century = None
    else:
        digit = int(m.group("dec") or m.group("dec2"))
        century = int(m.group("cent")) if m.group("cent") else None
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


def _quarter(m: re.Match[str], ctx: Context) -> Result | None:
    n = _QUARTER_ORD[m.group("ord").lower()]
    kind = "half" if m.group("kind").lower().startswith("half") else "quarter"
    if kind == "half" and n > 2:
        return None
    code = "H" if kind == "half" else "Q"
    year: int | None = None
    why = ""
    explicit = m.group("year") or m.group("year2") or m.group("year3")
    rel = m.group("rel") or m.group("rel2")
    if explicit:
        year = int(explicit)
        why = f"of {year}"
    elif rel:
        year, why = _relative_year(rel, ctx.reference, ctx.last)
    elif ctx.last is not None and ctx.last.kind in ("quarter", "half", "year") and ctx.reference is None:
        year, why = ctx.last.start.year, f"the year of the last date mentioned ({ctx.last.value})"
    elif ctx.reference is not None:
        ref = ctx.reference
        current = (ref.month - 1) // 3 + 1 if kind == "quarter" else (ref.month - 1) // 6 + 1
        tense = ctx.tense(m)
        year = ref.year
        why = f"the year of the reference date {ref}"
        if n > current and tense != "future":
            year = ref.year - 1
            why = f"the latest such period completed before the reference date {ref}"
        elif n < current - 1 and tense == "future":
            # A quarter just ended is still reported on in the future tense ("results are expected").
            year = ref.year + 1
            why = f"the next such period after the reference date {ref}"
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


def _season_check(m: re.Match[str], text: str) -> bool:
    if m.group("det") or m.group("year"):
        if m.group("s").lower() in ("fall", "spring") and (m.group("det") or "").lower() == "the":
            # "the fall of the regime" and "the spring of discontent" are not seasons.
            return not re.match(r"\s+of\b", text[m.end() : m.end() + 4], re.IGNORECASE)
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


def _holiday(m: re.Match[str], ctx: Context) -> Result | None:
    name = re.sub(r"\s+", " ", m.group("h").lower()).replace("’", "'")
    det = (m.group("det") or "").lower()

    def on(year: int) -> date:
        if name.startswith("thanksgiving"):
            return nth_weekday(year, 11, 3, 4)
        if name == "black friday":
            return nth_weekday(year, 11, 3, 4) + timedelta(days=1)
        if name.startswith("easter"):
            return easter(year)
        if name == "good friday":
            return easter(year) - timedelta(days=2)
        if name.startswith("labor"):
            return nth_weekday(year, 9, 0, 1)
        if name.startswith("memorial"):
            return nth_weekday(year, 5, 0, -1)
        month, day = HOLIDAYS.get(name, HOLIDAYS.get(name + " day", (12, 25)))
        return date(year, month, day)

    if m.group("year"):
        d = on(int(m.group("year")))
        return Result("DATE", d.isoformat(), basis=f"'{m.group()}': a holiday with its year", unit=Unit("day", d))
    if ctx.reference is None:
        return Result("DATE", "XXXX-" + on(2001).isoformat()[5:], basis=f"'{m.group()}': a holiday without its year")
    ref = ctx.reference
    this_year = on(ref.year)
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
    return Result(
        "DATE", d.isoformat(), basis=f"'{m.group()}': the occurrence nearest the reference date {ref} in the "
        "direction of the clause", anchor=ref.isoformat(), unit=Unit("day", d)
    )  # fmt: skip


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


def _quarter_code(m: re.Match[str], ctx: Context) -> Result | None:
    n = int(m.group("n"))
    year_text = m.group("year")
    year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    kind = "quarter" if m.group("q").upper() == "Q" else "half"
    if kind == "half" and n > 2:
        return None
    unit = Unit(kind, date(year, (n - 1) * (3 if kind == "quarter" else 6) + 1, 1))
    return Result("DATE", unit.value, basis=f"'{m.group()}': {unit.value}", unit=unit)


_WD = rf"(?:(?P<wd>{WEEKDAY_ANY})\s*,?\s+(?:the\s+)?)?"
_YEAR_TAIL = rf"(?:(?:\s*,\s*|\s+)(?P<year>{YEAR4}))?"

RULES: list[Rule] = [
    rule(
        "date_month_day",
        rf"{_WD}(?P<mon>{MONTH})\s*(?P<day>{DAY_NUM}|{DAY_ORD_WORD})\b(?:\s*[-–]\s*{DAY_NUM}\b)?{_YEAR_TAIL}",
        _full_date,
        _month_is_name,
        priority=3,
    ),
    rule(
        "date_day_month",
        rf"{_WD}(?P<day>{DAY_NUM}|{DAY_ORD_WORD})\s+(?:of\s+)?(?P<mon>{MONTH})\b{_YEAR_TAIL}",
        _full_date,
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
        rf"(?P<mon>{MONTH_FULL})\s*,?\s+(?:of\s+)?(?P<rel>{_REL_YEAR})\s+year",
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
        "spelled_year",
        r"(?P<pre>the\s+year\s+)?(?:(?P<c>eighteen|nineteen|twenty)[-\s]+(?P<rest>hundred|oh[-\s]+[a-z]+|"
        r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|"
        r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s]+(?:one|two|three|four|five|six|seven|"
        r"eight|nine))?)|(?P<th>two\s+thousand)(?:\s+(?:and\s+)?(?P<threst>(?:one|two|three|four|five|six|seven|"
        r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
        r"(?:[-\s]+(?:one|two|three|four|five|six|seven|eight|nine))?))?)",
        _spelled_year,
        _spelled_year_check,
    ),
    rule(
        "decade",
        r"(?:the\s+)?(?:(?P<cent>1[5-9]|20)(?P<dec>\d)0'?s|'(?P<dec2>\d)0s|(?P<word>" + "|".join(DECADE_WORDS) + r"))",
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
        rf"(?:the\s+)?(?:(?:(?P<year3>{YEAR4})|(?P<rel2>this|last|next)\s+year's|the\s+year's|its|their|the\s+company's)"
        r"\s+)?(?:(?:fiscal|calendar|financial)\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)"
        r"(?:-|\s+)(?:(?:fiscal|calendar)[-\s]+)?(?P<kind>quarter|half-year|half)(?:\s+of\s+(?:the\s+)?"
        rf"(?:(?:fiscal|calendar|financial)\s+)?(?:year\s+)?(?:(?P<year>{YEAR4})|(?P<rel>{_REL_YEAR})\s+year)|"
        rf"\s*,?\s+(?P<year2>{YEAR4}))?",
        _quarter,
        lambda m, text: (
            not (
                m.group("kind").lower() == "half"
                and re.match(r"\s+(?:of\s+(?:the|a|an)\b|a\b|an\b)", text[m.end() : m.end() + 8], re.I)
            )
        ),
        priority=2,
    ),
    rule(
        "season",
        rf"(?:(?P<det>this|last|next|the\s+past|this\s+past|the\s+coming|this\s+coming|the)\s+)?(?P<s>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?P<year>{YEAR4}))?",
        _season,
        _season_check,
        priority=1,
    ),
    rule(
        "holiday",
        r"(?:(?P<det>last|this|next)\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|"
        r"Thanksgiving(?:\s+Day)?|Independence\s+Day|Halloween|Valentine['’]s\s+Day|Boxing\s+Day|Bastille\s+Day|"
        rf"Labou?r\s+Day|Memorial\s+Day|Black\s+Friday|Good\s+Friday|Easter(?:\s+Sunday)?)(?:\s+(?P<year>{YEAR4}))?",
        _holiday,
        lambda m, text: capitalised(m.group("h")),
        priority=1,
    ),
    rule(
        "iso_date",
        r"(?:(?P<y>(?:1[89]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])|"
        r"(?P<m2>\d{1,2})/(?P<d2>\d{1,2})/(?P<y2>(?:1[89]|20)\d\d)|"
        r"(?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>(?:1[89]|20)\d\d))"
        r"(?:[T\s](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?",
        _iso_date,
        priority=3,
    ),
    rule(
        "quarter_code",
        r"(?P<q>[QH])(?P<n>[1-4])\s*(?:of\s+|,\s*|FY\s*|')?(?P<year>(?:1[89]|20)\d\d|\d\d)",
        _quarter_code,
        lambda m, text: m.group("q").isupper() and (len(m.group("year")) == 4 or "'" in m.group()),
        priority=2,
    ),
]
