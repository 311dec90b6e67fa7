"""The data every layer exchanges: documents, time expressions, dates and events.

Pure Python. Dates are calendar units with inclusive bounds so that a month, an
unstated day between two anchors and a precise day can all be sorted, drawn and
exported without inventing precision the text never gave.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


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
        # Weeks, quarters and seasons have no plain EDTF form: write their day span.
        return f"{e.isoformat()}/{self.latest.isoformat()}"

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


def parse_date_point(text: str) -> DatePoint:
    """Parse one EDTF calendar unit ("2024", "2024-10", "2024-10-05", "202X")."""
    text = text.strip()
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
            # EDTF level 1 marks an approximate date with a trailing "~".
            return (self.start.edtf + ("~" if self.inferred else "")) if self.start else ""
        lo = self.start.edtf if self.start else ".."
        hi = self.end.edtf if self.end else ".."
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

    @property
    def document(self) -> str:
        return self.mentions[0].document if self.mentions else ""


@dataclass(slots=True)
class Timeline:
    documents: list[Document] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def sort(self) -> None:
        self.events.sort(key=lambda e: (e.date.sort_key(), e.document, e.mentions[0].start if e.mentions else 0))

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)
