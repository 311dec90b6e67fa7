"""Expressions placed relative to the reference date or to the last date mentioned:
"yesterday", "on Thursday", "last year", "this month", "two weeks ago", "the previous day",
"the following week", "a year earlier"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline_app.core.temporal.anchoring import WEEKDAY_NAMES, resolve_weekday
from timeline_app.core.temporal.base import (
    Context,
    Result,
    Rule,
    capitalised,
    count_value,
    in_headline,
    rule,
    weekday_number,
)
from timeline_app.core.temporal.lexicon import (
    COUNT,
    COUNT_MODIFIER,
    COUNT_MODIFIERS,
    DAY_PARTS,
    SEASON,
    SEASONS,
    WEEKDAY,
)
from timeline_app.core.temporal.units import Unit, season_near, season_unit, unit_of, unresolved_value

_ORDER = ("day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century")


def _day_result(m: re.Match[str], d: date, basis: str, anchor: str | None, part: str | None = None) -> Result:
    if part:
        return Result("TIME", f"{d.isoformat()}T{part}", basis=basis, anchor=anchor, unit=Unit("day", d))
    return Result("DATE", d.isoformat(), basis=basis, anchor=anchor, unit=Unit("day", d))


_DEICTIC_DAYS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}


def _deictic_day(m: re.Match[str], ctx: Context) -> Result | None:
    words = re.sub(r"\s+", " ", m.group().lower())
    part: str | None = None
    if words.startswith("the day before yesterday"):
        offset = -2
    elif words.startswith("the day after tomorrow"):
        offset = 2
    elif words == "last night":
        offset, part = -1, "NI"
    elif words.startswith("this "):
        offset, part = 0, DAY_PARTS[words.split()[1]]
    else:
        head, _, tail = words.partition(" ")
        offset = _DEICTIC_DAYS[head]
        if head == "tonight":
            part = "NI"
        elif tail:
            part = DAY_PARTS[tail]
    if ctx.reference is None:
        value = "XXXX-XX-XX" + (f"T{part}" if part else "")
        return Result("TIME" if part else "DATE", value, basis=f"'{m.group()}': no reference date to count from")
    d = ctx.reference + timedelta(days=offset)
    rel = {0: "the reference date", 1: "the day after", -1: "the day before", -2: "two days before"}.get(
        offset, "two days after"
    )
    basis = f"'{m.group()}': {rel} {ctx.reference}" if offset else f"'{m.group()}': the reference date {d}"
    return _day_result(m, d, basis, ctx.reference.isoformat(), part)


_AFTER_ADVERB = re.compile(r"\s*(?:[,.;:!?)]|$|(?:and|on|in|into|to|from|as|after|before|when|while|at|but|"
                           r"amid|near|across|around|with|without)\b)", re.IGNORECASE)  # fmt: skip


def _overnight(m: re.Match[str], ctx: Context) -> Result | None:
    """ "overnight" in a report: the night before the reference date."""
    if ctx.reference is None:
        return Result("TIME", "XXXX-XX-XXTNI", basis=f"'{m.group()}': a night with no reference date to place it")
    night = ctx.reference - timedelta(days=1)
    basis = f"'{m.group()}': the night before the reference date {ctx.reference}"
    return _day_result(m, night, basis, ctx.reference.isoformat(), "NI")


def _part_of_day(m: re.Match[str], ctx: Context) -> Result | None:
    """ "mid-afternoon Tuesday", "late morning", "in the evening": part of a named day, else of the day in focus."""
    part = DAY_PARTS[m.group("part").lower()]
    mod = {"early": "START", "late": "END", "mid": "MID"}.get((m.group("adj") or "").lower())
    day_word = m.group("day")
    if day_word:
        if day_word.lower() in _DEICTIC_DAYS:
            if ctx.reference is None:
                return Result("TIME", f"XXXX-XX-XXT{part}", mod=mod, basis=f"'{m.group()}': no reference date")
            d = ctx.reference + timedelta(days=_DEICTIC_DAYS[day_word.lower()])
            why = f"'{day_word}' from the reference date {ctx.reference}"
        else:
            weekday = weekday_number(day_word)
            if ctx.reference is None:
                value = f"XXXX-WXX-{weekday + 1}T{part}"
                return Result("TIME", value, mod=mod, basis=f"'{m.group()}': no reference date to place it")
            d, why = resolve_weekday(weekday, ctx.reference, ctx.tense(m))
        anchor = ctx.reference.isoformat()
    else:
        base, why = ctx.anchor_unit()
        if base is None or base.kind != "day":
            return Result("TIME", f"XXXX-XX-XXT{part}", mod=mod, basis=f"'{m.group()}': no day to place it on")
        d, anchor = base.start, base.value
    result = _day_result(m, d, f"'{m.group()}': part of {d}, {why}", anchor, part)
    result.mod = mod
    return result


def _part_of_day_check(m: re.Match[str], text: str) -> bool:
    day = m.group("day")
    if day and day.lower() not in _DEICTIC_DAYS and not capitalised(day):
        return False
    if m.group("adj") or day:
        return True
    # "in the evening" closes a phrase; "the morning session", "the morning of the attack" do not.
    return bool(_AFTER_ADVERB.match(text, m.end())) and not re.match(r"\s+of\b", text[m.end() : m.end() + 16])


def _day_before(m: re.Match[str], ctx: Context) -> Result | None:
    backwards = m.group("dir").lower() in ("before", "earlier")
    base, why = ctx.anchor_unit("day")
    if base is None:
        return Result("DATE", "XXXX-XX-XX", basis=f"'{m.group()}': nothing to anchor it on")
    if base.kind != "day":
        return Result("DATE", _partial_value(base, "day"), basis=f"'{m.group()}': a day near {base.value}, {why}",
                      anchor=base.value)  # fmt: skip
    d = base.start + timedelta(days=-1 if backwards else 1)
    basis = f"'{m.group()}': the day {'before' if backwards else 'after'} {base.value}, {why}"
    return _day_result(m, d, basis, base.value)


def _weekday_check(m: re.Match[str], text: str) -> bool:
    if not capitalised(m.group("wd")):
        return False
    # "the Sunday Times", "Black Friday": names built on a weekday.
    before = text[max(0, m.start() - 8) : m.start()]
    if m.group("det"):
        return True
    if re.search(r"\b(?:Black|Good|Cyber|Super|Ash|Holy|Maundy|Palm|Bloody|Easter)\s+$", before):
        return False
    return not (re.search(r"\b[Tt]he\s+$", before) and re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]))


_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|by)\s+$", re.IGNORECASE)
_TO_VERB_AFTER = re.compile(r"\s+to\s+[a-z]+")


def _weekday(m: re.Match[str], ctx: Context) -> Result | None:
    weekday = weekday_number(m.group("wd"))
    det = re.sub(r"\s+", " ", (m.group("det") or "").lower())
    part = DAY_PARTS.get((m.group("part") or "").lower())
    if ctx.reference is None:
        value = f"XXXX-WXX-{weekday + 1}" + (f"T{part}" if part else "")
        basis = f"'{m.group()}': a {WEEKDAY_NAMES[weekday]} with no reference date to place it"
        return Result("TIME" if part else "DATE", value, basis=basis)
    if det.startswith("the ") and ctx.last is not None and ctx.last.kind == "day":
        # "the previous Friday", "the following Monday": counted from the day the story is at.
        base = ctx.last.start
        name = WEEKDAY_NAMES[weekday]
        if det in ("the previous", "the preceding"):
            d = base - timedelta(days=(base.weekday() - weekday) % 7 or 7)
            basis = f"'{m.group()}': the {name} before {base}, the last date mentioned"
        else:
            d = base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
            basis = f"'{m.group()}': the {name} after {base}, the last date mentioned"
        return _day_result(m, d, basis, base.isoformat(), part)
    modifier = {"last": "last", "this past": "last", "past": "last", "next": "next", "this coming": "next",
                "coming": "next", "this": "this", "the previous": "last", "the preceding": "last",
                "the following": "next", "the next": "next"}.get(det, "")  # fmt: skip
    tense = ctx.tense(m)
    if _DEADLINE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()) and _TO_VERB_AFTER.match(ctx.text, m.end()):
        tense = "future"  # "has until Monday to respond": a deadline, whatever the tense of the giving
    d, basis = resolve_weekday(weekday, ctx.reference, tense, modifier)
    basis = f"'{m.group()}'" + basis[basis.index("'", 1) + 1 :]  # name the words as written
    return _day_result(m, d, basis, ctx.reference.isoformat(), part)


_KIND = {
    "day": "day", "night": "day", "morning": "day", "afternoon": "day", "evening": "day", "week": "week",
    "weekend": "weekend", "month": "month", "quarter": "quarter", "half": "half", "year": "year",
    "decade": "decade", "century": "century", "period": "period",
}  # fmt: skip

_PREVIOUS = ("last", "the past", "the previous", "the last", "the latest", "this past", "the prior", "the preceding",
             "the most recent", "past", "previous")  # fmt: skip
_NEXT = ("next", "the next", "the coming", "the following", "this coming", "the upcoming", "coming", "following")
_SAME = ("the same", "that", "that same")
_ANAPHORIC = ("the previous", "the prior", "the preceding", "the following", "the next", *_SAME)
# "the next year" usually counts from today; "the following year" from the story's own time.
_ALWAYS_ANAPHORIC = ("the previous", "the prior", "the preceding", "the following", *_SAME)


def _relative_unit(m: re.Match[str], ctx: Context) -> Result | None:
    det = re.sub(r"\s+", " ", m.group("det").lower())
    word = m.group("u").lower()
    season = SEASONS.get(word)
    kind = "season" if season else _KIND[word]
    part = DAY_PARTS.get(word)
    if kind == "period":
        # "the same period" names whatever unit was last mentioned.
        if det not in _SAME or ctx.last is None:
            return None
        kind = ctx.last.kind
    if kind in ("decade", "century") and det in (*_PREVIOUS, *_NEXT) and det not in ("last", "next"):
        # "the past decade" is a stretch of time, not a calendar decade.
        value = "P1DE" if kind == "decade" else "P1CE"
        return Result("DURATION", value, basis=f"'{m.group()}': a {kind}-long period")
    anaphoric = det in _ALWAYS_ANAPHORIC or (det in _ANAPHORIC and kind in ("day", "week", "weekend", "month"))
    base: Unit | None
    if anaphoric and kind in ("quarter", "half") and ctx.last_quarter is not None:
        base, why = ctx.last_quarter, f"the last {ctx.last_quarter.kind} mentioned"
    elif anaphoric:
        # "that same day" points back at whatever was just told; "the following day" counts days.
        base, why = ctx.anchor_unit("" if det in _SAME else kind)
    else:
        base = Unit("day", ctx.reference) if ctx.reference else None
        why = "the reference date"
    if base is None:
        value = unresolved_value(kind) if not season else f"XXXX-{season}"
        if part:
            value += f"T{part}"
        return Result("TIME" if part else "DATE", value, basis=f"'{m.group()}': nothing to anchor it on")
    if season and base.kind in ("year", "decade", "century"):
        # "In 1999 ... the following spring": the spring of the next year, not the one around 1 January.
        shift = -1 if det in _PREVIOUS else 1 if det in _NEXT else 0
        unit = season_unit(base.start.year + shift, season)
    elif season:
        current = unit_of("season", base.start)
        same_year = season_near(base.start, season)
        if det in _PREVIOUS:
            unit = same_year if same_year.start < current.start else same_year.shift(-1)
        elif det in _NEXT:
            unit = same_year if same_year.start > current.start else same_year.shift(1)
        else:
            unit = same_year
    elif anaphoric and _ORDER.index(base.kind) > _ORDER.index(kind) and kind in ("day", "week", "weekend", "month"):
        # "that same day" after "in October": a day of that month, which one is not said.
        value = _partial_value(base, kind) + (f"T{part}" if part else "")
        return Result("TIME" if part else "DATE", value, basis=f"'{m.group()}': a {kind} within {base.value}, "
                      f"{why}; the text does not say which", anchor=base.value)  # fmt: skip
    else:
        # A unit coarser than the anchor's own is taken around the anchor's start.
        current = unit_of(kind, base.start)
        if det in _PREVIOUS:
            unit = current.shift(-1)
        elif det in _NEXT:
            unit = current.shift(1)
        else:
            unit = current
    direction = "before" if det in _PREVIOUS else "after" if det in _NEXT else "containing"
    basis = f"'{m.group()}': the {kind} {direction} {base.value}, {why}"
    value = unit.value + (f"T{part}" if part else "")
    return Result("TIME" if part else "DATE", value, basis=basis, anchor=base.value, unit=unit)


def _partial_value(base: Unit, kind: str) -> str:
    """A unit inside a coarser one, the unknown parts as X: a day of 1998-10 is 1998-10-XX."""
    year = f"{base.start.year:04d}"
    if kind in ("week", "weekend"):
        return f"{year}-WXX" + ("-WE" if kind == "weekend" else "")
    if kind == "month":
        return f"{year}-XX"
    if base.kind == "month":
        return f"{base.value}-XX"
    return f"{year}-XX-XX"


_SHIFT_MODS = COUNT_MODIFIERS
_SHIFT_KIND = {"day": "day", "week": "week", "fortnight": "week", "month": "month", "quarter": "quarter",
               "year": "year", "decade": "year", "century": "year"}  # fmt: skip
_SHIFT_FACTOR = {"fortnight": 2, "decade": 10, "century": 100}


def _shifted(m: re.Match[str], ctx: Context) -> Result | None:
    unit_word = m.group("u").lower().rstrip("s")
    unit_word = "century" if unit_word.startswith("centur") else unit_word
    if unit_word not in _SHIFT_KIND:
        return None
    n = count_value(m.group("n")) if m.group("n") else None
    direction = m.group("dir").lower().split()[0]
    backwards = direction in ("ago", "earlier", "before", "previously", "back")
    from_reference = direction in ("ago", "from", "hence", "back")
    if n is None or n != int(n):
        return Result("DATE", "PAST_REF" if backwards else "FUTURE_REF", basis=f"'{m.group()}': an unstated time "
                      f"{'before' if backwards else 'after'} the reference date")  # fmt: skip
    if from_reference:
        base = Unit("day", ctx.reference) if ctx.reference else None
        why = "the reference date"
    else:
        base, why = ctx.anchor_unit()
    kind = _SHIFT_KIND[unit_word]
    if base is None:
        return Result("DATE", unresolved_value(kind), basis=f"'{m.group()}': nothing to count from")
    steps = int(n) * _SHIFT_FACTOR.get(unit_word, 1) * (-1 if backwards else 1)
    granularity = kind
    anchor = base
    if kind == "year" and n == 1 and ctx.last_quarter is not None:
        # "a year ago" in a report about a quarter means that quarter a year before.
        q = ctx.last_quarter
        anchor, granularity, why = q, q.kind, f"the {q.kind} last mentioned"
    elif kind == "week":
        granularity = "day"
    elif _ORDER.index(base.kind) > _ORDER.index(kind):
        granularity = base.kind
    elif kind == "year" and base.kind == "month" and not from_reference:
        granularity = "month"  # "in September, up from a year earlier": September of the year before
    d = anchor.start
    if kind == "day":
        d = d + timedelta(days=steps)
    elif kind == "week":
        d = d + timedelta(weeks=steps)
    else:
        months = {"month": 1, "quarter": 3, "year": 12}[kind] * steps
        shifted = Unit("month", unit_of("month", d).start).shift(months).start
        d = shifted.replace(day=min(d.day, 28)) if granularity == "day" else shifted
    unit = unit_of(granularity, d)
    word = "before" if backwards else "after"
    basis = f"'{m.group()}': {int(n)} {unit_word}{'s' if n != 1 else ''} {word} {anchor.value}, {why}"
    mod = _SHIFT_MODS.get(re.sub(r"\s+", " ", (m.group("mod") or "").lower()))
    if m.group("orso"):
        mod = mod or "APPROX"  # "a week or so ago"
    # "a year earlier" compares; it does not move the story to that date, but "three years later" does.
    remember = (from_reference or not backwards) and anchor is base
    return Result("DATE", unit.value, mod=mod, basis=basis, anchor=anchor.value, unit=unit, remember=remember)


def _hours_shifted(m: re.Match[str], ctx: Context) -> Result | None:
    """ "three hours ago", "45 minutes later": the day that lands on, the time of day being unknown."""
    n = count_value(m.group("n"))
    backwards = m.group("dir").lower() in ("ago", "earlier", "before")
    from_reference = m.group("dir").lower() in ("ago", "from now")
    if from_reference:
        base = Unit("day", ctx.reference) if ctx.reference else None
        why = "the reference date"
    else:
        base, why = ctx.anchor_unit()
    if n is None or base is None or base.kind != "day":
        value = base.value if base is not None and n is not None else "PAST_REF" if backwards else "FUTURE_REF"
        return Result("DATE", value, basis=f"'{m.group()}': some time {'before' if backwards else 'after'} {why}",
                      anchor=base.value if base else None)  # fmt: skip
    hours = n / 60 if m.group("u").lower().startswith("min") else n
    days = int(hours // 24) * (-1 if backwards else 1)
    d = base.start + timedelta(days=days)
    basis = f"'{m.group()}': {'before' if backwards else 'after'} {base.value}, {why}; the hour is not known"
    return Result("DATE", d.isoformat(), basis=basis, anchor=base.value, unit=Unit("day", d),
                  remember=from_reference)  # fmt: skip


def _year_earlier(m: re.Match[str], ctx: Context) -> Result | None:
    last = ctx.last_quarter
    if last is not None:
        unit = last.shift(-4 if last.kind == "quarter" else -2)
        return Result("DATE", unit.value, basis=f"'{m.group()}': {last.value} a year before, the period last "
                      "mentioned", anchor=last.value, unit=unit, remember=False)  # fmt: skip
    if ctx.reference is None:
        return Result("DATE", "XXXX", basis=f"'{m.group()}': nothing to count from")
    unit = Unit("year", date(ctx.reference.year - 1, 1, 1))
    return Result("DATE", unit.value, basis=f"'{m.group()}': the year before the reference date {ctx.reference}",
                  anchor=ctx.reference.isoformat(), unit=unit, remember=False)  # fmt: skip


_QUARTERS_BACK = {"quarter": 4, "half": 2, "month": 12, "season": 1}


def _same_period_last_year(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the same period last year", "last year's quarter": the period under discussion, one year earlier."""
    word = (m.group("u") or m.group("u2")).lower()
    base: Unit | None = None
    if word in ("period", "quarter", "half") and ctx.last_quarter is not None:
        base = ctx.last_quarter
    elif word in ("period", "month") and ctx.last is not None and ctx.last.kind in ("month", "season"):
        base = ctx.last
    elif word == "month" and ctx.reference is not None:
        base = unit_of("month", ctx.reference)
    if base is None or base.kind not in _QUARTERS_BACK:
        if ctx.reference is None:
            return Result("DATE", "XXXX", basis=f"'{m.group()}': nothing to count from")
        unit = Unit("year", date(ctx.reference.year - 1, 1, 1))
        return Result("DATE", unit.value, basis=f"'{m.group()}': the year before the reference date {ctx.reference}",
                      anchor=ctx.reference.isoformat(), unit=unit, remember=False)  # fmt: skip
    unit = base.shift(-_QUARTERS_BACK[base.kind])
    return Result("DATE", unit.value, basis=f"'{m.group()}': {base.value} a year earlier, the period under discussion",
                  anchor=base.value, unit=unit, remember=False)  # fmt: skip


def _this_time_last_year(m: re.Match[str], ctx: Context) -> Result | None:
    """ "this time last year": around the reference date a year before (or after), to the month."""
    step = 1 if (m.group("dir") or "").lower() == "next" else -1
    if ctx.reference is None:
        return Result("DATE", "XXXX-XX", basis=f"'{m.group()}': no reference date to count from")
    unit = unit_of("month", ctx.reference).shift(12 * step)
    basis = (
        f"'{m.group()}': the month of the reference date {ctx.reference}, a year {'later' if step > 0 else 'earlier'}"
    )
    return Result("DATE", unit.value, basis=basis, anchor=ctx.reference.isoformat(), unit=unit, remember=False)


def _day_of_relative_month(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the 15th of next month", "the 3rd of this month"."""
    day = int(re.match(r"\d+", m.group("day")).group())  # type: ignore[union-attr]
    rel = m.group("rel").lower()
    if ctx.reference is None:
        return Result("DATE", f"XXXX-XX-{day:02d}", basis=f"'{m.group()}': no reference date to count from")
    month = unit_of("month", ctx.reference).shift({"next": 1, "last": -1}.get(rel, 0))
    d = month.start.replace(day=day)  # an impossible day raises ValueError, which leaves the words untagged
    basis = f"'{m.group()}': day {day} of {month.value}, counted from the reference date {ctx.reference}"
    return Result("DATE", d.isoformat(), basis=basis, anchor=ctx.reference.isoformat(), unit=Unit("day", d))


def _weekend(m: re.Match[str], ctx: Context) -> Result | None:
    det = re.sub(r"\s+", " ", m.group("det").lower())
    if ctx.reference is None:
        return Result("DATE", "XXXX-WXX-WE", basis=f"'{m.group()}': no reference date to place it")
    ref = ctx.reference
    week = unit_of("weekend", ref)
    if det in ("last", "this past", "the past", "the previous"):
        unit = week.shift(-1)
        why = "the weekend before the reference date"
    elif det in ("next", "this coming", "the coming"):
        unit = week.shift(1) if ref.weekday() >= 5 else week
        why = "the first weekend after the reference date"
    else:
        tense = ctx.tense(m)
        if tense == "future":
            unit = week
            why = "the coming weekend (future-tense context)"
        else:
            unit = week if ref.weekday() >= 5 else week.shift(-1)
            why = "the latest weekend on or before the reference date"
    return Result("DATE", unit.value, basis=f"'{m.group()}': {why} {ref}", anchor=ref.isoformat(), unit=unit)


def _the_quarter(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the quarter": the quarter under discussion, else the latest one reported on."""
    if ctx.last_quarter is not None and ctx.last_quarter.kind == "quarter":
        q = ctx.last_quarter
        return Result("DATE", q.value, basis=f"'{m.group()}': the quarter last mentioned ({q.value})", anchor=q.value,
                      unit=q)  # fmt: skip
    if ctx.reference is None:
        return Result("DATE", "XXXX-QX", basis=f"'{m.group()}': no reference date to place it")
    current = unit_of("quarter", ctx.reference)
    if ctx.tense(m) == "future":
        return Result("DATE", current.value, basis=f"'{m.group()}': the quarter of the reference date "
                      f"{ctx.reference}", anchor=ctx.reference.isoformat(), unit=current)  # fmt: skip
    q = current.shift(-1)
    return Result("DATE", q.value, basis=f"'{m.group()}': the latest complete quarter before the reference date "
                  f"{ctx.reference}", anchor=ctx.reference.isoformat(), unit=q)  # fmt: skip


_UNIT_MODS = {"end": "END", "close": "END", "late": "END", "later": "END", "beginning": "START", "start": "START",
              "early": "START", "earlier": "START", "middle": "MID", "turn": "END", "rest": "END"}  # fmt: skip
_MODIFIED_UNIT = {"week": "week", "month": "month", "year": "year", "decade": "decade", "century": "century",
                  "day": "day", "quarter": "quarter"}  # fmt: skip


def _modified_unit(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the end of the year": the unit around the last date mentioned (else the reference date)."""
    kind = _MODIFIED_UNIT[m.group("u").lower()]
    words = re.sub(r"\s+", " ", m.group("m").lower())
    mod = next((v for k, v in _UNIT_MODS.items() if k in words), None)
    base, why = ctx.anchor_unit()
    if base is None:
        return Result("DATE", unresolved_value(kind), mod=mod, basis=f"'{m.group()}': nothing to anchor it on")
    unit = unit_of(kind, base.start)
    return Result("DATE", unit.value, mod=mod, basis=f"'{m.group()}': the {kind} of {base.value}, {why}",
                  anchor=base.value, unit=unit)  # fmt: skip


def _relative_unit_check(m: re.Match[str], text: str) -> bool:
    if re.match(r"\s+of\b", text[m.end() : m.end() + 4], re.I):
        return False  # "the last day of ...": an ordinal
    # "This Week" in running text names a programme; in a title-case headline it is a week.
    return not capitalised(m.group("u")) or in_headline(text, m.start(), m.end())


_NEARBY = 250  # characters: about a sentence or two
_YEAR_SPAN_AFTER = re.compile(r"\s+(?:ended|ending|ends|to|through|until)\b", re.IGNORECASE)


def _the_year_check(m: re.Match[str], text: str) -> bool:
    if capitalised(m.group("y")) and not in_headline(text, m.start(), m.end()):
        return False  # "Person of the Year"
    after = text[m.end() : m.end() + 12]
    # "the year before", "the year of the dragon", "the year 2000", "the year-ago quarter" are read elsewhere.
    return not re.match(r"(?:\s+(?:of|before|after|earlier|later|ago|since|in\s+which|when)\b|\s*\d|-)", after, re.I)


def _the_year(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the year": the year under discussion, else the year of the reference date; "the year ended ..." a span."""
    if _YEAR_SPAN_AFTER.match(ctx.text, m.end()):
        return Result("DURATION", "P1Y", basis=f"'{m.group()}': a twelve-month period ending on the date after it")
    base, why = ctx.anchor_unit()
    # Far from the last date, or after a decade, "the year" is the year of writing.
    distant = ctx.last is not None and m.start() - ctx.last_end > _NEARBY
    # "the full year" is the (financial) year being reported, not an earlier one named in passing.
    distant = distant or " full " in f" {m.group().lower()} "
    if base is not None and ctx.reference is not None and (distant or _ORDER.index(base.kind) > _ORDER.index("year")):
        base, why = Unit("day", ctx.reference), "the reference date"
    if base is None:
        return Result("DATE", "XXXX", basis=f"'{m.group()}': a year with nothing to place it")
    unit = unit_of("year", base.start)
    return Result("DATE", unit.value, basis=f"'{m.group()}': the year of {base.value}, {why}", anchor=base.value,
                  unit=unit, remember=False)  # fmt: skip


def _unit_end(m: re.Match[str], ctx: Context) -> Result | None:
    """ "by year-end", "at month end", "before the year's end": the end of the unit under discussion."""
    kind = (m.group("u") or m.group("u2")).lower()
    base, why = ctx.anchor_unit()
    if base is None:
        return Result("DATE", unresolved_value(kind), mod="END", basis=f"'{m.group()}': nothing to anchor it on")
    if _ORDER.index(base.kind) > _ORDER.index(kind) and ctx.reference is not None:
        base, why = Unit("day", ctx.reference), "the reference date"
    unit = unit_of(kind, base.start)
    return Result("DATE", unit.value, mod="END", basis=f"'{m.group()}': the end of the {kind} of {base.value}, {why}",
                  anchor=base.value, unit=unit)  # fmt: skip


_UNIT_WORDS = rf"(?P<u>day|night|morning|afternoon|evening|week|month|quarter|half|year|decade|century|period|{SEASON})"

RULES: list[Rule] = [
    rule(
        "deictic_day",
        r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|last\s+night|"
        r"this\s+(?:morning|afternoon|evening)|tonight|"
        r"(?:today|tomorrow|yesterday)(?:\s+(?:morning|afternoon|evening|night))?",
        _deictic_day,
        priority=2,
    ),
    rule(
        "part_of_day",
        r"(?:(?P<adj>early|late|mid)[-\s]?|(?<=\bin\s)the\s+|(?<=\bduring\s)the\s+|(?<=\bby\s)the\s+|"
        r"(?<=\buntil\s)the\s+)(?P<part>morning|afternoon|evening)"
        rf"(?:\s+(?:on\s+)?(?P<day>yesterday|today|tomorrow|{WEEKDAY}))?",
        _part_of_day,
        _part_of_day_check,
        priority=1,
    ),
    rule(
        "overnight",
        r"overnight",
        _overnight,
        # "overnight rates", "an overnight stay": the adjective names no night.
        lambda m, text: (
            bool(_AFTER_ADVERB.match(text, m.end()))
            and not re.search(r"\b(?:an?)\s+$", text[max(0, m.start() - 8) : m.start()])
        ),
    ),
    rule(
        "day_before",
        r"the\s+(?:day|night|evening)\s+(?P<dir>before|after|earlier|later)",
        _day_before,
        # "the day before the vote" names its own anchor; only the bare phrase is anaphoric.
        lambda m, text: bool(re.match(r"\s*(?:[,.;:)!?]|$|and\b|when\b)", text[m.end() : m.end() + 6])),
        priority=2,
    ),
    rule(
        "weekday",
        rf"(?:(?P<det>last|this|next|this\s+past|this\s+coming|coming|past|the\s+previous|the\s+following|"
        rf"the\s+next|the\s+preceding)\s+)?(?P<wd>{WEEKDAY})"
        r"(?:\s+(?P<part>morning|afternoon|evening|night))?",
        _weekday,
        _weekday_check,
        priority=1,
    ),
    rule(
        "weekend",
        r"(?P<det>the|this|last|next|this\s+past|this\s+coming|the\s+past|the\s+previous|the\s+coming)\s+"
        r"(?:long\s+|holiday\s+)?week-?end",
        _weekend,
        priority=2,
    ),
    rule(
        "relative_unit",
        r"(?P<det>this|last|next|the\s+past|the\s+previous|the\s+next|the\s+coming|the\s+following|the\s+same|"
        r"that\s+same|that|the\s+current|the\s+latest|the\s+last|this\s+past|this\s+coming|the\s+prior|"
        r"the\s+preceding|the\s+upcoming|the\s+most\s+recent)\s+(?:(?:fiscal|calendar|financial|school|academic)\s+)?"
        + _UNIT_WORDS,
        _relative_unit,
        _relative_unit_check,
        priority=1,
    ),
    rule(
        "same_period_last_year",
        r"(?:the\s+)?(?:same|corresponding|comparable|year-ago)\s+(?P<u>period|quarter|half|month)\s+"
        r"(?:(?:of\s+)?(?:last|the\s+previous|the\s+prior|the\s+last)\s+year|a\s+year\s+(?:ago|earlier|before))|"
        r"(?:last|the\s+previous)\s+year['’]s\s+(?:(?:same|corresponding|comparable)\s+)?(?P<u2>period|quarter|half)",
        _same_period_last_year,
        priority=3,
        gate=r"same|corresponding|comparable|year-ago|year['’]s",
    ),
    rule(
        "unit_end",
        r"(?:the\s+)?(?P<u>year|month|quarter)[-\s]end|(?:the\s+)?(?P<u2>year|month|quarter)['’]s\s+end",
        _unit_end,
        # "year-end bonuses", "Year End Review": kinds of things, not the time.
        lambda m, text: not capitalised(m.group()) or not re.match(r"\s+[A-Z]", text[m.end() : m.end() + 16]),
        priority=2,
    ),
    rule(
        "this_time_last_year",
        r"(?:this|that|the\s+same)\s+time\s+(?:(?P<dir>last|next)\s+year|a\s+year\s+ago)",
        _this_time_last_year,
        priority=3,
    ),
    rule(
        "day_of_relative_month",
        r"the\s+(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\s+of\s+(?P<rel>this|next|last)\s+month",
        _day_of_relative_month,
        priority=3,
    ),
    rule(
        "the_year",
        r"the\s+(?:(?:full|calendar)\s+)?(?P<y>year)",
        _the_year,
        _the_year_check,
    ),
    rule(
        "shifted",
        rf"(?:(?P<mod>{COUNT_MODIFIER})\s+)?(?:(?P<n>{COUNT})\s+)?(?P<u>(?:day|week|fortnight|month|quarter|year|decade)s?|"
        r"centur(?:y|ies))(?P<orso>\s+or\s+so)?\s+"
        r"(?P<dir>ago|earlier|later|from\s+now|hence|back)",
        _shifted,
        # Without a count only a plural will do: "weeks later" is vague, "year earlier" is part of something else.
        lambda m, text: m.group("n") is not None or m.group("u").lower().endswith(("s", "ies")),
        priority=2,
        gate=r"\b(?:ago|earlier|later|from\s+now|hence|back)\b",
    ),
    rule(
        "hours_shifted",
        rf"(?P<n>{COUNT})\s+(?P<u>hours?|hrs?|minutes?|mins?)\s+(?P<dir>ago|earlier|later|before|from\s+now)",
        _hours_shifted,
        # "two hours before the vote" names its own anchor.
        lambda m, text: (
            m.group("dir").lower() != "before" or bool(re.match(r"\s*[,.;:)!?]", text[m.end() : m.end() + 16]))
        ),
        priority=2,
        gate=r"(?:hours?|hrs?|minutes?|mins?)\s+(?:ago|earlier|later|before|from)",
    ),
    rule(
        "the_quarter",
        r"the\s+(?:(?:fiscal|latest|same|current)\s+)?quarter",
        _the_quarter,
        lambda m, text: not re.match(r"\s*(?:of|century|-)", text[m.end() : m.end() + 10], re.I),
    ),
    rule(
        "year_earlier",
        r"(?:the\s+)?(?:year-(?:earlier|ago)|year\s+earlier|prior-year|previous-year)"
        r"(?:\s+(?:quarter|period))?",
        _year_earlier,
        priority=1,
    ),
    rule(
        "modified_unit",
        r"(?P<m>(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|rest)\s+of\s+|"
        r"(?:earlier|later)\s+in\s+|(?:early|late)\s+in\s+)"
        r"the\s+(?P<u>week|month|year|decade|century|day|quarter)",
        _modified_unit,
        priority=2,
    ),
]
