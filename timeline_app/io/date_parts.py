"""FuzzyDate <-> the split date fields of TimelineJS (year, month, day, time) and back.

TimelineJS and its spreadsheet only know a start and an end made of the parts that are
known. Precision is kept by leaving unknown parts out; what the parts alone cannot say
(an unstated date between bounds, a week, a season, an open end) goes into the display
text, which is FuzzyDate.describe(). On import the display text picks, among the dates
the parts allow, the one that describes itself that way.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from timeline_app.core.model import DateKind, DatePoint, FuzzyDate, Precision, parse_date_point
from timeline_app.io.safety import FormatError, check_year

_SIMPLE = (Precision.DAY, Precision.TIME, Precision.MONTH, Precision.YEAR)
_SPANS = (Precision.WEEK, Precision.QUARTER, Precision.SEASON, Precision.DECADE, Precision.CENTURY)


@dataclass(frozen=True, slots=True)
class Parts:
    year: int
    month: int | None = None
    day: int | None = None
    time: str | None = None  # "HH:MM"

    @property
    def hour(self) -> int | None:
        return int(self.time[:2]) if self.time else None

    @property
    def minute(self) -> int | None:
        return int(self.time[3:5]) if self.time else None


def _parts(p: DatePoint, upper: bool) -> Parts:
    d = p.latest if upper else p.earliest
    if p.precision is Precision.TIME:
        return Parts(d.year, d.month, d.day, p.time)
    if p.precision is Precision.MONTH:
        return Parts(d.year, d.month)
    if p.precision in (Precision.YEAR, Precision.DECADE, Precision.CENTURY):
        return Parts(d.year)
    return Parts(d.year, d.month, d.day)


def to_parts(when: FuzzyDate) -> tuple[Parts, Parts | None, str] | None:
    """(start, end, display text or "") for an exporter; None when there is no date at all."""
    if when.start and when.end and when.kind is not DateKind.POINT and when.end.latest < when.start.earliest:
        # Ends the wrong way round would make a file no reader (this app's included) accepts.
        when = FuzzyDate(when.kind, when.end, when.start, when.inferred)
    if when.kind is DateKind.POINT:
        if when.start is None:
            return None
        p = when.start
        if p.precision in _SIMPLE:
            return _parts(p, False), None, ""
        return _parts(p, False), _parts(p, True), when.describe()
    lo = _parts(when.start, False) if when.start else None
    hi = _parts(when.end, True) if when.end else None
    if lo is None and hi is None:
        return None
    closed_interval = when.kind is DateKind.INTERVAL and lo is not None and hi is not None
    display = "" if closed_interval and _plain(when) else when.describe()
    if lo is not None:
        return lo, hi, display
    assert hi is not None
    return hi, None, display


def _plain(when: FuzzyDate) -> bool:
    return all(p is None or p.precision in _SIMPLE for p in (when.start, when.end))


def point_from_parts(parts: Parts, where: str) -> DatePoint:
    check_year(parts.year, where)
    try:
        if parts.month is None:
            return DatePoint.year(parts.year)
        if parts.day is None:
            return DatePoint.month(parts.year, parts.month)
        d = date(parts.year, parts.month, parts.day)
    except ValueError as exc:
        raise FormatError(f"{where}: invalid date {parts.year}-{parts.month}-{parts.day} ({exc})") from exc
    if parts.time is None:
        return DatePoint.day(d)
    return DatePoint(d, d, Precision.TIME, parts.time)


def from_parts(start: Parts, end: Parts | None, display: str, where: str) -> FuzzyDate:
    lo = point_from_parts(start, where)
    if end is None:
        candidates = [
            FuzzyDate.point(lo),
            FuzzyDate.bounded(lo, None),
            FuzzyDate.bounded(None, lo),
            FuzzyDate.interval(lo, None),
            FuzzyDate.interval(None, lo),
        ]
    else:
        hi = point_from_parts(end, where)
        if hi.latest < lo.earliest:
            raise FormatError(f"{where}: the end date is before the start date")
        candidates = [FuzzyDate.interval(lo, hi), FuzzyDate.bounded(lo, hi)]
        candidates += [FuzzyDate.point(p) for p in _span_units(lo.earliest, hi.latest)]
    display = display.strip()
    return next((c for c in candidates if display and c.describe() == display), candidates[0])


def parse_int(value: object, name: str, where: str, low: int, high: int) -> int | None:
    """An optional integer field as TimelineJS accepts it: int, numeric string or blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise FormatError(f"{where}: {name} must be a number, not {value!r}")
    try:
        number = int(value) if isinstance(value, int) else int(str(value).strip())
    except ValueError as exc:
        raise FormatError(f"{where}: {name} must be a whole number, not {str(value)[:20]!r}") from exc
    if name == "year":
        return check_year(number, where)
    if not low <= number <= high:
        raise FormatError(f"{where}: {name} {number} is outside {low}–{high}")
    return number


def parts_from_fields(
    year: object, month: object, day: object, hour: object, minute: object, where: str
) -> Parts | None:
    y = parse_int(year, "year", where, 1, 9999)
    if y is None:
        if any(parse_int(v, n, where, 0, 9999) is not None for n, v in (("month", month), ("day", day))):
            raise FormatError(f"{where}: a month or day without a year")
        return None
    m = parse_int(month, "month", where, 1, 12)
    d = parse_int(day, "day", where, 1, 31) if m is not None else None
    if m is not None and d is not None and d > calendar.monthrange(y, m)[1]:
        raise FormatError(f"{where}: day {d} does not exist in {y}-{m:02d}")
    h = parse_int(hour, "hour", where, 0, 23) if d is not None else None
    mi = parse_int(minute, "minute", where, 0, 59) if h is not None else None
    time = f"{h:02d}:{mi or 0:02d}" if h is not None else None
    return Parts(y, m, d, time)


def parse_time(text: str, where: str) -> tuple[int | None, int | None]:
    """'14:30', '14:30:00' or '2:30 PM' -> (hour, minute); blank -> (None, None)."""
    text = text.strip().upper()
    if not text:
        return None, None
    pm = text.endswith("PM")
    text = text.removesuffix("AM").removesuffix("PM").strip()
    pieces = text.split(":")
    try:
        hour = int(pieces[0])
        minute = int(pieces[1]) if len(pieces) > 1 else 0
    except ValueError as exc:
        raise FormatError(f"{where}: unreadable time {text!r}") from exc
    if pm and hour < 12:
        hour += 12
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise FormatError(f"{where}: time {text!r} is out of range")
    return hour, minute


def from_edtf_described(edtf: str, described: str) -> FuzzyDate:
    """The date whose EDTF is `edtf` and whose describe() is `described`.

    EDTF writes weeks, quarters and seasons as a span of days; the wording tells them apart.
    Raises ValueError for text that is not EDTF.
    """
    parsed = FuzzyDate.from_edtf(edtf)
    if parsed.kind is DateKind.INTERVAL and parsed.start and parsed.end and parsed.describe() != described:
        for unit in _span_units(parsed.start.earliest, parsed.end.latest):
            span = FuzzyDate.point(unit)
            if span.describe() == described:
                return span
    return parsed


def _span_units(first: date, last: date) -> list[DatePoint]:
    """The units of several days `first`..`last` may be: any week, quarter or season (written as its
    days), and a decade or century only when it is exactly one (its EDTF names the whole unit)."""
    units = [DatePoint(first, last, p) for p in _SPANS]
    return [u for u in units if u.precision not in (Precision.DECADE, Precision.CENTURY) or _whole(u)]


def _whole(unit: DatePoint) -> bool:
    try:
        return parse_date_point(unit.edtf) == unit
    except ValueError:
        return False
