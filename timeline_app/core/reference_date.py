"""The reference date (document creation time) of each document, and why it was chosen.

Order: the date given by the user; document metadata (HTML, TimeML); the text itself (dateline,
a date line under the headline, other absolute dates), recovering a missing year from weekday
consistency, anniversaries of well-known events and "this year"/"last year" beside explicit years;
the file's modification time only as a last resort, flagged weak.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from timeline_app.core.ingest.dateline import Dateline, find_date_line, find_dateline
from timeline_app.core.ingest.historical_years import HISTORICAL_YEARS
from timeline_app.core.model import Document, Timex
from timeline_app.core.reference_year import choose_year, gather_clues

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "centenary": 100, "centennial": 100,
}  # fmt: skip
_ANNIVERSARY = re.compile(
    r"\b(?:(?:(\d{1,3})(?:st|nd|rd|th)|(" + "|".join(_ORDINAL_WORDS) + r"))\s+anniversary\s+of"
    r"|(\d{1,3})\s+years\s+since)\s+([^.;!?\n]{0,160})",
    re.IGNORECASE,
)
_YEARLESS = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_RELATIVE_YEAR = re.compile(r"\b(this|last|next) year\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_HISTORICAL = [
    (year, re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE))
    for year, patterns in HISTORICAL_YEARS
]
# How far back a yearless dateline may plausibly lie.
_YEARS_BACK = 40


@dataclass(frozen=True, slots=True)
class ReferenceDate:
    day: date
    basis: str
    weak: bool = False


def resolve_reference_date(
    doc: Document, explicit: date | None = None, today: date | None = None, absolute: list[Timex] | None = None
) -> None:
    """Fill doc.reference_date / _basis / _weak, keeping a metadata date already set by the loader."""
    if explicit is not None:
        doc.reference_date, doc.reference_date_basis, doc.reference_date_weak = explicit, "given by the user", False
        return
    if doc.reference_date is not None:
        _check_against_dateline(doc)
        return
    found = reference_date_from_text(doc.text, today=today, absolute=absolute)
    if found is None and doc.path:
        found = reference_date_from_file_time(Path(doc.path))
    if found is not None:
        doc.reference_date, doc.reference_date_basis, doc.reference_date_weak = found.day, found.basis, found.weak


def _check_against_dateline(doc: Document) -> None:
    """A metadata date that the article's own dateline contradicts is a conflict: both are kept, as unsure."""
    meta = doc.reference_date
    dateline = find_dateline(doc.text)
    if meta is None or dateline is None or not dateline.has_date:
        return
    same_day = (dateline.month, dateline.day) == (meta.month, meta.day)
    if same_day and dateline.year in (None, meta.year):
        return
    written = _quote(doc.text, dateline)
    doc.reference_date_basis += f"; conflict: the dateline says “{written}”"
    doc.reference_date_weak = True


def unsure_note(doc: Document) -> str | None:
    """One line telling a user that a document's date is a guess and how to set it, or None when it is not."""
    if not doc.reference_date_weak or doc.reference_date is None:
        return None
    return (
        f"date of writing unsure, {doc.reference_date.isoformat()} used ({doc.reference_date_basis}); "
        "give it with --reference-date"
    )


def reference_date_from_file_time(path: Path) -> ReferenceDate | None:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return None
    day = datetime.fromtimestamp(stamp).date()
    return ReferenceDate(day, f"file modification time {day.isoformat()} (no date found in the text)", weak=True)


def reference_date_from_text(
    text: str, today: date | None = None, absolute: list[Timex] | None = None
) -> ReferenceDate | None:
    """The document's own date as written in it, or None when the text does not give one."""
    today = today or date.today()
    dateline = find_dateline(text)
    if dateline is not None and dateline.has_date:
        found = _from_dateline(text, dateline, today)
        if found is not None:
            return found
    top = find_date_line(text)
    if top is not None and top.has_date and top.year is not None:
        day = _safe_date(top.year, top.month or 0, top.day or 0)
        if day is not None:
            return ReferenceDate(day, f"date under the headline: “{_quote(text, top)}”")
    if absolute is None:
        absolute = _absolute_timexes(text)
    return _from_absolute_dates(text, absolute, today) or _from_yearless_date_near_top(text, absolute, today)


def _from_yearless_date_near_top(text: str, absolute: list[Timex], today: date) -> ReferenceDate | None:
    """'On Thursday, Sep 4, the leaders met ...' opening an article without a dateline: its year as for a dateline."""
    for t in absolute:
        m = _YEARLESS.match(t.value)
        if m and _dateline_like(text, t):
            found = Dateline(t.start, t.end, None, None, int(m.group(1)), int(m.group(2)), None, t.start, t.end)
            return _from_dateline(text, found, today, label="date near the top")
    return None


def _from_dateline(text: str, dateline: Dateline, today: date, label: str = "dateline") -> ReferenceDate | None:
    month, day = dateline.month or 0, dateline.day or 0
    words = _quote(text, dateline)
    if dateline.year is not None:
        found = _safe_date(dateline.year, month, day)
        return ReferenceDate(found, f"{label} “{words}”") if found else None
    lead = _sentence_at(text, dateline.end, back=True)
    lead += _sentence_at(text, dateline.end + len(lead))  # wire leads often tell the day in the second sentence
    hints = {**_relative_year_hints(text), **anniversary_years(text)}
    choice = choose_year(month, day, gather_clues(text, lead, hints, today), today)
    if choice is None:
        return None
    chosen = choice.day
    head = f"{label} “{words}”, year {chosen.year}"
    if choice.sure:
        return ReferenceDate(chosen, f"{head}: " + "; ".join(choice.reasons))
    why = "; ".join(choice.reasons) if choice.reasons else f"the most recent {_MONTH_ABBR[month]} {day} assumed"
    others = ", ".join(str(y) for y in choice.others)
    also = f"; also possible: {others}" if others else ""
    return ReferenceDate(chosen, f"{head}, unsure (the clues do not agree on one year): {why}{also}", weak=True)


def _latest_year_mentioned(text: str, today: date) -> int | None:
    """News is written soon after the latest past year it names; years to come do not count."""
    years = [int(y) for y in _YEAR.findall(text) if int(y) <= today.year]
    return max(years) if years else None


def anniversary_years(text: str) -> dict[int, str]:
    """Years implied by "Nth anniversary of <event of known year>", with the words that imply them."""
    years: dict[int, str] = {}
    for m in _ANNIVERSARY.finditer(text):
        number = m.group(1) or m.group(3)
        count = int(number) if number else _ORDINAL_WORDS[m.group(2).lower()]
        tail = m.group(4)
        explicit = _YEAR.search(tail[:60])
        origin = int(explicit.group(1)) if explicit else _known_year(tail)
        if origin is not None:
            years.setdefault(origin + count, f"“{m.group(0).strip()}” ({origin} + {count})")
    return years


def _known_year(words: str) -> int | None:
    best: tuple[int, int] | None = None  # (length of the words matched, year): the most specific name wins
    for year, pattern in _HISTORICAL:
        for m in pattern.finditer(words):
            if best is None or len(m.group(0)) > best[0]:
                best = (len(m.group(0)), year)
    return best[1] if best else None


def _relative_year_hints(text: str) -> dict[int, str]:
    """'last year' in a sentence that also names a year Y suggests the article was written in Y + 1."""
    hints: dict[int, str] = {}
    offsets = {"this": 0, "last": 1, "next": -1}
    for m in _RELATIVE_YEAR.finditer(text):
        sentence = _sentence_at(text, m.start(), back=True)
        years = {int(y) for y in _YEAR.findall(sentence)}
        if len(years) == 1:
            year = years.pop() + offsets[m.group(1).lower()]
            hints.setdefault(year, f"“{m.group(0)}” beside an explicit year")
    return hints


def _from_absolute_dates(text: str, absolute: list[Timex], today: date) -> ReferenceDate | None:
    days: list[tuple[date, Timex]] = []
    for t in absolute:
        d = _day_value(t.value)
        if d is not None and d <= today:
            days.append((d, t))
    if not days:
        return None
    near_top = [(d, t) for d, t in days if _dateline_like(text, t)]
    if near_top:
        d, t = near_top[0]
        return ReferenceDate(d, f"date near the top of the text: “{t.text}”")
    d, t = max(days, key=lambda item: item[0])
    # A date from the body may be anything the article mentions: usable, but only a guess.
    return ReferenceDate(d, f"latest full date in the text: “{t.text}” (no dateline)", weak=True)


_FUTURE = re.compile(
    r"\b(?:will|shall|would|is\s+(?:due|set|scheduled|expected)|are\s+(?:due|set|scheduled|expected)|"
    r"(?:plans?|intends?|aims?)\s+to|upcoming)\b",
    re.IGNORECASE,
)
# A writing date sits in the opening lines; a date deeper in the text is something the article talks about.
_HEAD_LINES = 2
_HEAD_SENTENCE_MIN = 40
_HEAD_LINE_MAX = 250


def _dateline_like(text: str, t: Timex) -> bool:
    """Whether a date stands where a writing date would (the opening lines) and is not something still to come."""
    pos, seen = 0, 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        seen += 1
        stop = _SENTENCE_END.search(text, min(start + _HEAD_SENTENCE_MIN, end), end)
        limit = min(stop.end() if stop else end, start + _HEAD_LINE_MAX)
        if start <= t.start < limit:
            # Only the words leading up to the date: "said on Sep 4 that it would ..." still dates the saying.
            lead = _sentence_at(text, t.start, back=True)
            return not _FUTURE.search(lead[: len(lead) - len(_sentence_at(text, t.start))])
        if seen >= _HEAD_LINES or start > t.start:
            return False
    return False


def _absolute_timexes(text: str) -> list[Timex]:
    from timeline_app.core.events.timexes import tag_text

    return tag_text(text, None)


def _day_value(value: str) -> date | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _sentence_at(text: str, pos: int, back: bool = False) -> str:
    start = pos
    if back:
        while start > 0 and text[start - 1] not in ".!?\n":
            start -= 1
    m = _SENTENCE_END.search(text, pos)
    return text[start : m.end() if m else len(text)]


def _quote(text: str, dateline: Dateline) -> str:
    if dateline.date_start is not None and dateline.date_end is not None:
        return text[dateline.date_start : dateline.date_end]
    return text[dateline.start : dateline.end].strip()
