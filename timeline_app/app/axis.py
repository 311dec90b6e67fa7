"""Axis ticks whose unit adapts to the zoom: centuries down to hours.

Pure Python (no Qt): the unit is the finest one whose ticks stay ``min_px`` apart; a
second, "major" row names the enclosing period (the year above months, the month above
days, the day above hours), including the one already in progress at the left edge.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from timeline_app.core.time_scale import SegmentKind
from timeline_app.core.viewport import MAX_TIME, MIN_TIME, Viewport, to_datetime, to_time

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True, slots=True)
class TickUnit:
    kind: str  # hour | day | week | month | year
    step: int
    approx_days: float


UNITS: tuple[TickUnit, ...] = (
    TickUnit("hour", 1, 1 / 24),
    TickUnit("hour", 3, 3 / 24),
    TickUnit("hour", 6, 6 / 24),
    TickUnit("hour", 12, 12 / 24),
    TickUnit("day", 1, 1),
    TickUnit("day", 2, 2),
    TickUnit("week", 1, 7),
    TickUnit("month", 1, 30.44),
    TickUnit("month", 3, 91.3),
    TickUnit("month", 6, 182.6),
    TickUnit("year", 1, 365.25),
    TickUnit("year", 2, 730.5),
    TickUnit("year", 5, 1826),
    TickUnit("year", 10, 3652),
    TickUnit("year", 20, 7305),
    TickUnit("year", 50, 18262),
    TickUnit("year", 100, 36525),
    TickUnit("year", 200, 73050),
    TickUnit("year", 500, 182625),
    TickUnit("year", 1000, 365250),
)


@dataclass(frozen=True, slots=True)
class Tick:
    t: float
    label: str
    short: str = ""  # shorter names for where the full one does not fit, "|"-separated
    # A period begun before a compressed stretch or gap: named where its part of the axis
    # starts, with no grid line there.
    continued: bool = False


@dataclass(frozen=True, slots=True)
class AxisTicks:
    unit: TickUnit
    minor: list[Tick]
    major: list[Tick]  # the first may start before the view (its label sticks to the left edge)


def choose_unit(days_per_px: float, min_px: float = 64.0) -> TickUnit:
    for unit in UNITS:
        if unit.approx_days / days_per_px >= min_px:
            return unit
    return UNITS[-1]


def _floor(moment: datetime, unit: TickUnit) -> datetime:
    if unit.kind == "hour":
        return moment.replace(hour=moment.hour - moment.hour % unit.step, minute=0, second=0)
    if unit.kind == "day":
        return datetime(moment.year, moment.month, moment.day)
    if unit.kind == "week":
        start = datetime(moment.year, moment.month, moment.day)
        return start - timedelta(days=start.weekday())
    if unit.kind == "month":
        month0 = (moment.month - 1) - (moment.month - 1) % unit.step
        return datetime(moment.year, month0 + 1, 1)
    year = max(1, moment.year - moment.year % unit.step)
    return datetime(year, 1, 1)


def _advance(moment: datetime, unit: TickUnit) -> datetime:
    if unit.kind == "hour":
        return moment + timedelta(hours=unit.step)
    if unit.kind == "day":
        return moment + timedelta(days=unit.step)
    if unit.kind == "week":
        return moment + timedelta(days=7)
    if unit.kind == "month":
        months = moment.month - 1 + unit.step
        return datetime(moment.year + months // 12, months % 12 + 1, 1)
    year = moment.year + unit.step
    if unit.step > 1:
        year -= year % unit.step
    return datetime(year, 1, 1)


def _label(moment: datetime, unit: TickUnit) -> str:
    if unit.kind == "hour":
        return f"{moment.hour:02d}:00"
    if unit.kind in ("day", "week"):
        return f"{moment.day} {_MONTHS[moment.month - 1]}"
    if unit.kind == "month":
        return _MONTHS[moment.month - 1]
    return str(moment.year)


_MONTH = TickUnit("month", 1, 30.44)
_MAJOR_OF = {"hour": TickUnit("day", 1, 1), "day": _MONTH, "week": _MONTH, "month": TickUnit("year", 1, 365.25)}


_DECADE = TickUnit("year", 10, 3652)
_CENTURY = TickUnit("year", 100, 36525)


def _major_unit(unit: TickUnit) -> TickUnit | None:
    """The enclosing period named in the top row; years are grouped into decades, decades
    into centuries, so the top row is never empty."""
    if unit.kind != "year":
        return _MAJOR_OF.get(unit.kind)
    if unit.step < 10:
        return _DECADE
    if unit.step < 100:
        return _CENTURY
    return None


def _major_label(moment: datetime, unit: TickUnit) -> str:
    if unit.kind == "year" and unit.step > 1:
        return f"{moment.year}s"
    if unit.kind == "day":
        return f"{_WEEKDAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]} {moment.year}"
    if unit.kind == "month":
        return f"{_MONTHS[moment.month - 1]} {moment.year}"
    return str(moment.year)


def _short_label(moment: datetime, unit: TickUnit) -> str:
    if unit.kind == "day":
        return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}|{moment.day} {_MONTHS[moment.month - 1]}"
    if unit.kind == "month":
        return _MONTHS[moment.month - 1]
    return _major_label(moment, unit)


def _walk(t0: float, t1: float, unit: TickUnit, limit: int) -> Iterator[datetime]:
    moment = _floor(to_datetime(t0), unit)
    for _ in range(limit):
        if to_time(moment) > t1:
            return
        yield moment
        try:
            moment = _advance(moment, unit)
        except (ValueError, OverflowError):
            return


def axis_ticks(viewport: Viewport, width: float, min_px: float = 64.0) -> AxisTicks:
    """Ticks for the view; on a broken axis each stretch gets ticks of its own density."""
    t0 = max(viewport.t0, MIN_TIME)
    t1 = min(viewport.t1, MAX_TIME - 1)
    dpp = viewport.days_per_px(width)
    unit = choose_unit(dpp, min_px)
    if viewport.scale is None:
        return _ticks_between(t0, t1, unit, True)
    minor: list[Tick] = []
    major: list[Tick] = []
    for piece in viewport.scale.pieces_between(t0, t1):
        if piece.kind is SegmentKind.GAP or (piece.u1 - piece.u0) / dpp < min_px / 3:
            continue
        part = _ticks_between(piece.t0, piece.t1, choose_unit(dpp / piece.slope, min_px), not minor and not major)
        minor += part.minor
        if piece.kind is SegmentKind.LINEAR:
            # A compressed stretch's own years are named by its ticks; periods named above
            # them would be of another size than the story's and read as a mistake.
            major += part.major
    return AxisTicks(unit, minor, major)


def _ticks_between(t0: float, t1: float, unit: TickUnit, first: bool) -> AxisTicks:
    minor = [Tick(to_time(m), _label(m, unit)) for m in _walk(t0, t1, unit, 400) if to_time(m) >= t0]
    major: list[Tick] = []
    major_unit = _major_unit(unit)
    if major_unit is not None:
        for m in _walk(t0, t1, major_unit, 400):
            t = to_time(m)
            label, short = _major_label(m, major_unit), _short_label(m, major_unit)
            if t < t0 and not first:
                major.append(Tick(t0, label, short, continued=True))
            else:
                major.append(Tick(t, label, short))
    return AxisTicks(unit, minor, major)
