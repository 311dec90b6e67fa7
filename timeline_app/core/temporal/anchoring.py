"""Placing expressions that omit part of the date (a weekday, a month, a day without a year).

Each function returns the chosen date and a short reason for it. Past reporting looks back
from the reference date, future looks forward, and with no tense the nearest candidate wins.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from timeline_app.core.temporal.tense import Tense

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("", *calendar.month_name[1:])


def resolve_weekday(weekday: int, ref: date, tense: Tense | None, modifier: str = "") -> tuple[date, str]:
    """The date of a weekday mentioned relative to ``ref``; modifier is "", "last", "next", "this"."""
    name = WEEKDAY_NAMES[weekday]
    back = (ref.weekday() - weekday) % 7
    forward = (weekday - ref.weekday()) % 7
    if modifier == "last":
        d = ref - timedelta(days=back or 7)
        return d, f"'last {name}': the {name} before the reference date {ref}"
    if modifier == "next":
        d = ref + timedelta(days=forward or 7)
        return d, f"'next {name}': the {name} after the reference date {ref}"
    if tense == "future" or (modifier == "this" and tense != "past"):
        d = ref + timedelta(days=forward)
        return d, f"'{name}' in future-tense context: the next {name} on or after the reference date {ref}"
    d = ref - timedelta(days=back)
    wording = "past-tense reporting" if tense == "past" else "news reporting"
    return d, f"'{name}' in {wording}: the latest {name} on or before the reference date {ref}"


def resolve_month_year(month: int, ref: date, tense: Tense | None) -> tuple[int, str]:
    """The year of a month named without one."""
    name = MONTH_NAMES[month]
    if month == ref.month:
        return ref.year, f"'{name}': the month of the reference date {ref}"
    ahead = (month - ref.month) % 12
    if tense == "future":
        year = ref.year if month > ref.month else ref.year + 1
        return year, f"'{name}' in future-tense context: the next {name} after the reference date {ref}"
    if tense == "past":
        year = ref.year if month < ref.month else ref.year - 1
        return year, f"'{name}' in past-tense reporting: the latest {name} before the reference date {ref}"
    # No clear tense: news looks back, unless the month is just ahead.
    if ahead <= 3:
        year = ref.year + (1 if month < ref.month else 0)
        return year, f"'{name}': the coming {name}, within two months of the reference date {ref}"
    year = ref.year - (1 if month > ref.month else 0)
    return year, f"'{name}': the latest {name} before the reference date {ref}"


def resolve_month_day(month: int, day: int, ref: date, tense: Tense | None) -> tuple[date | None, str]:
    """The full date of "Sept. 30" written without a year."""
    name = MONTH_NAMES[month]
    candidates: list[date] = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None, ""
    past = [d for d in candidates if d <= ref]
    future = [d for d in candidates if d >= ref]
    label = f"'{name} {day}'"
    # Tense decides unless it points nine months or more away while the other way is a quarter or less:
    # "said ... by Jan. 14" has a past verb but a coming deadline.
    back = (ref - max(past)).days if past else 999
    ahead = (min(future) - ref).days if future else 999
    if tense == "future" and future and not (ahead >= 270 and back <= 92):
        return min(future), f"{label} in future-tense context: the next such date on or after {ref}"
    if tense == "past" and past and not (back >= 270 and ahead <= 92):
        return max(past), f"{label} in past-tense reporting: the latest such date on or before {ref}"
    if tense is None and past and back <= 270:
        return max(past), f"{label}: the latest such date on or before the reference date {ref}"
    nearest = min(candidates, key=lambda d: (abs((d - ref).days), d > ref))
    return nearest, f"{label}: the occurrence nearest the reference date {ref}"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) given weekday of a month, e.g. Thanksgiving."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)
