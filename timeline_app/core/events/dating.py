"""TimeML values to calendar units (FuzzyDate), without inventing precision."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from timeline_app.core.model import DatePoint, FuzzyDate, Precision, Timex

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")
_PART_OF_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(MO|AF|EV|NI|DT)$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 2)}


def date_point(value: str, reference: date | None = None) -> DatePoint | None:
    """The calendar unit a TimeML DATE/TIME value names, or None when it names none."""
    value = value.strip()
    try:
        if m := _PART_OF_DAY.match(value):
            return DatePoint.day(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        if m := _DAY.match(value):
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if m.group(4):
                return DatePoint(d, d, Precision.TIME, m.group(4))
            return DatePoint.day(d)
        if m := _MONTH.match(value):
            return DatePoint.month(int(m.group(1)), int(m.group(2)))
        if m := _YEAR.match(value):
            return DatePoint.year(int(m.group(1)))
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return DatePoint(monday, monday + timedelta(days=6), Precision.WEEK)
        if m := _QUARTER.match(value):
            year, q = int(m.group(1)), int(m.group(2))
            first = 3 * q - 2
            return DatePoint(
                date(year, first, 1), date(year, first + 2, calendar.monthrange(year, first + 2)[1]), Precision.QUARTER
            )
        if m := _HALF.match(value):
            year, h = int(m.group(1)), int(m.group(2))
            return DatePoint(date(year, 6 * h - 5, 1), date(year, 6 * h, 30 if h == 1 else 31), Precision.QUARTER)
        if m := _SEASON.match(value):
            year, (lo, hi) = int(m.group(1)), _SEASON_MONTHS[m.group(2)]
            end_year = year + 1 if hi < lo else year
            return DatePoint(
                date(year, lo, 1), date(end_year, hi, calendar.monthrange(end_year, hi)[1]), Precision.SEASON
            )
        if m := _DECADE.match(value):
            y = int(m.group(1)) * 10
            return DatePoint(date(y, 1, 1), date(y + 9, 12, 31), Precision.DECADE)
        if m := _CENTURY.match(value):
            y = int(m.group(1)) * 100
            return DatePoint(date(max(y, 1), 1, 1), date(y + 99, 12, 31), Precision.CENTURY)
    except ValueError:
        return None
    if value == "PRESENT_REF" and reference is not None:
        return DatePoint.day(reference)
    return None


def fuzzy_date(timex: Timex, reference: date | None) -> FuzzyDate | None:
    """A FuzzyDate for a dated time expression; vague past/future references become bounds."""
    if timex.type not in ("DATE", "TIME"):
        return None
    value = timex.value
    if value == "PAST_REF":
        return FuzzyDate.bounded(None, DatePoint.day(reference)) if reference else None
    if value == "FUTURE_REF":
        return FuzzyDate.bounded(DatePoint.day(reference), None) if reference else None
    point = date_point(value, reference)
    if point is None:
        return None
    mod = (timex.mod or "").upper()
    if mod in ("BEFORE", "ON_OR_BEFORE"):
        return FuzzyDate.bounded(None, point)
    if mod in ("AFTER", "ON_OR_AFTER"):
        return FuzzyDate.bounded(point, None)
    if mod in ("LESS_THAN", "MORE_THAN") and reference is not None and point.latest <= reference:
        # "less than two weeks ago": since that day; "more than two weeks ago": before it.
        if mod == "LESS_THAN":
            return FuzzyDate.bounded(point, DatePoint.day(reference))
        return FuzzyDate.bounded(None, point)
    return FuzzyDate.point(point)
