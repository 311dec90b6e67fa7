"""The data every layer exchanges: documents, time expressions, dates and events.

Pure Python. Dates are calendar units with inclusive bounds so that a month, an
unstated day between two anchors and a precise day can all be sorted, drawn and
exported without inventing precision the text never gave.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol, runtime_checkable


class Precision(StrEnum):
    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class DateKind(StrEnum):
    POINT = "point"  # happened within one calendar unit (a day, a month, ...)
    INTERVAL = "interval"  # lasted from start to end (either may be open)
    BOUNDED = "bounded"  # happened at one unstated moment between two bounds


class Status(StrEnum):
    OCCURRED = "occurred"
    ONGOING = "ongoing"
    EXPECTED = "expected"
    REPORTED = "reported"


_MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class DatePoint:
    """One calendar unit, e.g. the day 2025-09-03 or the month 2024-10."""

    earliest: date
    latest: date
    precision: Precision
    time: str | None = None  # "14:30" when precision is TIME

    @classmethod
    def day(cls, d: date) -> DatePoint:
        return cls(d, d, Precision.DAY)

    @classmethod
    def month(cls, year: int, month: int) -> DatePoint:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), Precision.MONTH)

    @classmethod
    def year(cls, year: int) -> DatePoint:
        return cls(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)

    @property
    def edtf(self) -> str:
        p = self.precision
        e = self.earliest
        if p is Precision.TIME and self.time:
            return f"{e.isoformat()}T{self.time}"
        if p in (Precision.DAY, Precision.TIME):
            return e.isoformat()
        if p is Precision.MONTH:
            return f"{e.year:04d}-{e.month:02d}"
        if p is Precision.YEAR:
            return f"{e.year:04d}"
        if p is Precision.DECADE:
            return f"{e.year // 10:03d}X"
        if p is Precision.CENTURY:
            return f"{e.year // 100:02d}XX"
        if p in (Precision.SEASON, Precision.QUARTER) and (code := _sub_year_code(self)):
            return f"{e.year:04d}-{code}"
        # Weeks and spans that are no whole season or quarter have no EDTF unit: write their day span.
        return f"{e.isoformat()}/{self.latest.isoformat()}"

    def edtf_end(self, upper: bool) -> str:
        """This unit as one end of an interval: EDTF without a "/", or the interval could not be read back.

        A week is written as its ISO 8601 week ("2025-W36"); a span no unit names is cut to its
        first day, or with ``upper`` to its last.
        """
        text = self.edtf
        if "/" not in text:
            return text
        return self.iso_week() or (self.latest if upper else self.earliest).isoformat()

    def iso_week(self) -> str | None:
        """ "2025-W36" for a week that is one ISO week (Monday to Sunday), else None."""
        e = self.earliest
        if self.precision is not Precision.WEEK or e.weekday() != 0 or (self.latest - e).days != 6:
            return None
        year, week, _ = e.isocalendar()
        return f"{year:04d}-W{week:02d}"

    def describe(self) -> str:
        e = self.earliest
        p = self.precision
        if p is Precision.TIME and self.time:
            return f"{e.day} {_MONTH_ABBR[e.month]} {e.year}, {self.time}"
        if p in (Precision.DAY, Precision.TIME):
            return f"{e.day} {_MONTH_ABBR[e.month]} {e.year}"
        if p is Precision.MONTH:
            return f"{_MONTH_ABBR[e.month]} {e.year}"
        if p is Precision.YEAR:
            return str(e.year)
        if p is Precision.DECADE:
            return f"the {e.year}s"
        if p is Precision.CENTURY:
            return f"the {e.year // 100 + 1}th century"
        return f"{e.day} {_MONTH_ABBR[e.month]} – {self.latest.day} {_MONTH_ABBR[self.latest.month]} {self.latest.year}"


_EDTF_POINT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?)?)?$")
_EDTF_DECADE = re.compile(r"^(\d{3})X$")
_EDTF_CENTURY = re.compile(r"^(\d{2})XX$")
_EDTF_SUB_YEAR = re.compile(r"^(\d{4})-(2[1-4]|3[3-6]|4[01])$")
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")

# EDTF sub-year groupings (ISO 8601-2): 21-24 the seasons, 33-36 the quarters, 40-41 the halves.
# Winter is the one that begins in December of the year named, as the temporal tagger reads "winter 2025".
_SEASON_CODES = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}
_QUARTER_CODES = {33: (1, 3), 34: (4, 6), 35: (7, 9), 36: (10, 12), 40: (1, 6), 41: (7, 12)}


def _sub_year_span(year: int, code: int) -> tuple[date, date, Precision]:
    season = code in _SEASON_CODES
    first, last = _SEASON_CODES[code] if season else _QUARTER_CODES[code]
    last_year = year + 1 if last < first else year
    end = date(last_year, last, calendar.monthrange(last_year, last)[1])
    return date(year, first, 1), end, Precision.SEASON if season else Precision.QUARTER


def _sub_year_code(p: DatePoint) -> int | None:
    """The EDTF code of a whole season, quarter or half, or None for any other span."""
    codes = _SEASON_CODES if p.precision is Precision.SEASON else _QUARTER_CODES
    for code in codes:
        try:
            first, last, _ = _sub_year_span(p.earliest.year, code)
        except ValueError:  # a winter of 9999 would end in a year dates cannot hold
            continue
        if (first, last) == (p.earliest, p.latest):
            return code
    return None


def parse_date_point(text: str) -> DatePoint:
    """Parse one EDTF calendar unit ("2024", "2024-10", "2024-10-05", "202X", "2025-21", "2025-W36")."""
    text = text.strip()
    if m := _EDTF_SUB_YEAR.match(text):
        first, last, precision = _sub_year_span(int(m.group(1)), int(m.group(2)))
        return DatePoint(first, last, precision)
    if m := _ISO_WEEK.match(text):
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if monday.year == 9999 and monday.month == 12 and monday.day > 25:
            raise ValueError(f"not an EDTF date: {text!r} (the week ends after 9999)")
        return DatePoint(monday, monday + timedelta(days=6), Precision.WEEK)
    if m := _EDTF_POINT.match(text):
        y = int(m.group(1))
        if m.group(4):
            d = date(y, int(m.group(2)), int(m.group(3)))
            return DatePoint(d, d, Precision.TIME, m.group(4)[:5])
        if m.group(3):
            return DatePoint.day(date(y, int(m.group(2)), int(m.group(3))))
        if m.group(2):
            return DatePoint.month(y, int(m.group(2)))
        return DatePoint.year(y)
    if m := _EDTF_DECADE.match(text):
        y = int(m.group(1)) * 10
        return DatePoint(date(y, 1, 1), date(y + 9, 12, 31), Precision.DECADE)
    if m := _EDTF_CENTURY.match(text):
        y = int(m.group(1)) * 100
        return DatePoint(date(max(y, 1), 1, 1), date(y + 99, 12, 31), Precision.CENTURY)
    raise ValueError(f"not an EDTF date: {text!r}")


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """An event's date: a point, an interval, or only bounds (date not stated)."""

    kind: DateKind
    start: DatePoint | None = None  # point: the unit; interval/bounded: lower end
    end: DatePoint | None = None  # interval/bounded: upper end (None = open)
    # A point the text implies rather than states ("~ 18 Sep 2008": the report's news, no date given).
    inferred: bool = False

    @classmethod
    def point(cls, p: DatePoint, inferred: bool = False) -> FuzzyDate:
        return cls(DateKind.POINT, p, None, inferred)

    @classmethod
    def interval(cls, start: DatePoint | None, end: DatePoint | None) -> FuzzyDate:
        return cls(DateKind.INTERVAL, start, end)

    @classmethod
    def bounded(cls, lower: DatePoint | None, upper: DatePoint | None) -> FuzzyDate:
        return cls(DateKind.BOUNDED, lower, upper)

    @property
    def earliest(self) -> date | None:
        return self.start.earliest if self.start else None

    @property
    def latest(self) -> date | None:
        if self.kind is DateKind.POINT:
            return self.start.latest if self.start else None
        return self.end.latest if self.end else None

    @property
    def precision(self) -> str:
        if self.kind is DateKind.POINT and self.start:
            return self.start.precision.value
        return self.kind.value

    @property
    def is_uncertain(self) -> bool:
        return self.kind is DateKind.BOUNDED

    @property
    def edtf(self) -> str:
        if self.kind is DateKind.POINT:
            if self.start is None:
                return ""
            text = self.start.edtf
            if not self.inferred:
                return text
            # EDTF level 1 marks an approximate date with a trailing "~", which only a unit without "/" can carry.
            unit = text if "/" not in text else self.start.iso_week()
            return f"{unit}~" if unit else text
        # Each end must be one unit without "/", or the interval could not be read back.
        lo = self.start.edtf_end(upper=False) if self.start else ".."
        hi = self.end.edtf_end(upper=True) if self.end else ".."
        if self.kind is DateKind.BOUNDED:
            # ISO 8601-2 "one of a set": a single moment somewhere in the range.
            return f"[{'' if lo == '..' else lo}..{'' if hi == '..' else hi}]"
        return f"{lo}/{hi}"

    @classmethod
    def from_edtf(cls, text: str) -> FuzzyDate:
        text = text.strip()
        if text.startswith("[") and text.endswith("]") and ".." in text:
            lo, hi = text[1:-1].split("..", 1)
            return cls.bounded(parse_date_point(lo) if lo else None, parse_date_point(hi) if hi else None)
        if "/" in text:
            lo, hi = text.split("/", 1)
            return cls.interval(
                None if lo in ("", "..") else parse_date_point(lo),
                None if hi in ("", "..") else parse_date_point(hi),
            )
        if text.endswith("~"):
            return cls.point(parse_date_point(text[:-1]), inferred=True)
        return cls.point(parse_date_point(text))

    def sort_key(self) -> tuple[date, date]:
        lo = self.earliest or self.latest or date.max
        hi = self.latest or self.earliest or date.max
        return (lo, hi)

    def describe(self) -> str:
        """Human wording with precision, e.g. 'Oct 2024 (month)'."""
        if self.kind is DateKind.POINT and self.start:
            p = self.start.precision
            text = ("~ " if self.inferred else "") + self.start.describe()
            return text if p in (Precision.DAY, Precision.TIME) else f"{text} ({p.value})"
        lo = self.start.describe() if self.start else None
        hi = self.end.describe() if self.end else None
        if self.kind is DateKind.BOUNDED:
            if lo and hi:
                return f"between {lo} and {hi} — date not stated"
            if lo:
                return f"after {lo} — date not stated"
            if hi:
                return f"before {hi} — date not stated"
            return "date not stated"
        if lo and hi:
            return f"{lo} – {hi}"
        return f"since {lo}" if lo else f"until {hi}" if hi else "undated"


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 time expression found in a document (offsets in code points)."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TimeML value, e.g. "2025-09-04", "2024-10", "P3Y", "PAST_REF"
    mod: str | None = None  # TimeML mod: START, END, APPROX, BEFORE, AFTER, ...
    basis: str = ""  # why this value: "relative to the reference date 2025-09-04", ...
    anchor: str | None = None  # the value it was resolved against, if any


@dataclass(slots=True)
class Mention:
    document: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Document:
    id: str
    path: str
    text: str
    title: str = ""
    reference_date: date | None = None
    reference_date_basis: str = ""
    reference_date_weak: bool = False  # e.g. taken from the file time
    timexes: list[Timex] = field(default_factory=list)
    kind: str = "text"  # text | html | markdown | timeml | json


@dataclass(slots=True)
class Event:
    id: str
    title: str
    sentence: str
    date: FuzzyDate
    status: Status = Status.OCCURRED
    date_basis: str = ""
    mentions: list[Mention] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    quantities: list[str] = field(default_factory=list)
    # User curation (kept across re-extraction).
    notes: str = ""
    group: str = ""
    color: str = ""
    curated: bool = False
    # How central the event is to its article, in [0, 1]: the lead's news high, background and asides low.
    salience: float = 0.5
    # Sources that give this one happening dates that cannot both be right: (document id, EDTF date) each.
    conflict: list[tuple[str, str]] = field(default_factory=list)
    # How far to trust the date, in [0, 1], from how it was dated and its support.
    confidence: float = 0.5
    # Earlier expectations of this happening that other sources gave: (document id, expected EDTF date,
    # the day that source was written), oldest first — "expected mid-2006, then October 2007".
    slips: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        """The documents that tell this event, in the order first told."""
        return list(dict.fromkeys(m.document for m in self.mentions))

    @property
    def document(self) -> str:
        return self.mentions[0].document if self.mentions else ""


@dataclass(slots=True)
class Entity:
    """An actor or place across documents: one name, the other forms sources write it in."""

    id: str
    name: str
    kind: str  # actor | place
    aliases: list[str] = field(default_factory=list)
    events: int = 0  # how many events name it


@runtime_checkable
class _FindsById(Protocol):
    def find_by_id(self, event_id: str) -> Event | None: ...


def event_with_id(events: Sequence[Event], event_id: str) -> Event | None:
    """The event with this id; a sequence that can look it up (columns) is asked rather than walked,
    which would build every one of its events."""
    if isinstance(events, _FindsById):
        return events.find_by_id(event_id)
    return next((e for e in events if e.id == event_id), None)


@dataclass(slots=True)
class Timeline:
    documents: list[Document] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)  # filled when a timeline is extracted

    def sort(self) -> None:
        self.events.sort(key=lambda e: (e.date.sort_key(), e.document, e.mentions[0].start if e.mentions else 0))

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)
