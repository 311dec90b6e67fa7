"""Calendar units (a day, an ISO week, a month, a quarter, ...) as TimeML values, and arithmetic on them.

A ``Unit`` is one calendar unit identified by its kind and first day; it formats itself as a
TimeML value and can be shifted by whole units with dateutil's relativedelta.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
KINDS = ("day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century")


@dataclass(frozen=True, slots=True)
class Unit:
    kind: str  # one of KINDS
    start: date  # first day of the unit (for seasons: first day of its first month)
    season: str = ""  # SP/SU/FA/WI when kind == "season"

    @property
    def value(self) -> str:
        s = self.start
        match self.kind:
            case "day":
                return s.isoformat()
            case "week":
                iso = s.isocalendar()
                return f"{iso.year:04d}-W{iso.week:02d}"
            case "weekend":
                iso = s.isocalendar()
                return f"{iso.year:04d}-W{iso.week:02d}-WE"
            case "month":
                return f"{s.year:04d}-{s.month:02d}"
            case "quarter":
                return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
            case "half":
                return f"{s.year:04d}-H{(s.month - 1) // 6 + 1}"
            case "season":
                # Winter belongs to the year in which it starts (December).
                return f"{s.year:04d}-{self.season}"
            case "year":
                return f"{s.year:04d}"
            case "decade":
                return f"{s.year // 10:03d}"
            case _:
                return f"{s.year // 100:02d}"

    def shift(self, n: int) -> Unit:
        """The unit ``n`` units later (negative: earlier)."""
        s = self.start
        match self.kind:
            case "day":
                return Unit("day", s + timedelta(days=n))
            case "week" | "weekend":
                return Unit(self.kind, s + timedelta(weeks=n))
            case "month":
                return Unit("month", s + relativedelta(months=n))
            case "quarter":
                return Unit("quarter", s + relativedelta(months=3 * n))
            case "half":
                return Unit("half", s + relativedelta(months=6 * n))
            case "season":
                return Unit("season", s + relativedelta(years=n), self.season)
            case "year":
                return Unit("year", s + relativedelta(years=n))
            case "decade":
                return Unit("decade", s + relativedelta(years=10 * n))
            case _:
                return Unit("century", s + relativedelta(years=100 * n))


def unit_of(kind: str, d: date, season: str = "") -> Unit:
    """The unit of ``kind`` containing day ``d``."""
    match kind:
        case "day":
            return Unit("day", d)
        case "week":
            return Unit("week", d - timedelta(days=d.weekday()))
        case "weekend":
            return Unit("weekend", d - timedelta(days=d.weekday()))
        case "month":
            return Unit("month", d.replace(day=1))
        case "quarter":
            return Unit("quarter", date(d.year, (d.month - 1) // 3 * 3 + 1, 1))
        case "half":
            return Unit("half", date(d.year, 1 if d.month <= 6 else 7, 1))
        case "season":
            return season_of(d)
        case "year":
            return Unit("year", date(d.year, 1, 1))
        case "decade":
            return Unit("decade", date(max(d.year // 10 * 10, 1), 1, 1))
        case _:
            return Unit("century", date(max(d.year // 100 * 100, 1), 1, 1))


def season_of(d: date) -> Unit:
    if d.month in (3, 4, 5):
        return Unit("season", date(d.year, 3, 1), "SP")
    if d.month in (6, 7, 8):
        return Unit("season", date(d.year, 6, 1), "SU")
    if d.month in (9, 10, 11):
        return Unit("season", date(d.year, 9, 1), "FA")
    year = d.year if d.month == 12 else d.year - 1
    return Unit("season", date(year, 12, 1), "WI")


def season_near(d: date, code: str) -> Unit:
    """The season ``code`` of the year around ``d``: in September "this winter" is the coming December."""
    year = d.year - 1 if code == "WI" and d.month <= 2 else d.year
    return season_unit(year, code)


def season_unit(year: int, code: str) -> Unit:
    return Unit("season", date(year, SEASON_START_MONTH[code], 1), code)


_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d?)(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<s>SP|SU|FA|WI)))?(?:T.*)?$"
)


def unit_from_value(value: str) -> Unit | None:
    """Parse a concrete TimeML date value back into a unit (None for REFs, X-values, durations)."""
    m = _VALUE.match(value)
    if not m:
        return None
    try:
        y = int(m.group("y"))
        if m.group("d"):
            return Unit("day", date(y, int(m.group("m")), int(m.group("d"))))
        if m.group("m"):
            return Unit("month", date(y, int(m.group("m")), 1))
        if m.group("w"):
            monday = date.fromisocalendar(y, int(m.group("w")), 1)
            return Unit("weekend" if m.group("we") else "week", monday)
        if m.group("q"):
            return Unit("quarter", date(y, 3 * int(m.group("q")) - 2, 1))
        if m.group("h"):
            return Unit("half", date(y, 1 if m.group("h") == "1" else 7, 1))
        if m.group("s"):
            return season_unit(y, m.group("s"))
        return Unit("year", date(y, 1, 1))
    except ValueError:
        return None


def unresolved_value(kind: str) -> str:
    """The TimeML value of a unit whose position is unknown (no reference date)."""
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "weekend": "XXXX-WXX-WE",
        "month": "XXXX-XX",
        "quarter": "XXXX-QX",
        "half": "XXXX-HX",
        "season": "XXXX-XX",
        "year": "XXXX",
        "decade": "XXX",
        "century": "XX",
    }[kind]
