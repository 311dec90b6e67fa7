"""Reading a date the user types (Go to Date)."""

from __future__ import annotations

from datetime import datetime

from timeline_app.core.model import parse_date_point
from timeline_app.core.viewport import to_time


def parse_user_date(text: str) -> float | None:
    """A typed date as a time value (the middle of what it names): EDTF first, then free text."""
    span = parse_user_span(text)
    return None if span is None else (span[0] + span[1]) / 2.0


def parse_user_span(text: str) -> tuple[float, float] | None:
    """What a typed date names, as [start, end) times: a day, a month ("Oct 2024"), a year ("1945")."""
    text = text.strip()
    if not text:
        return None
    try:
        point = parse_date_point(text)
        return to_time(point.earliest), float(point.latest.toordinal() + 1)
    except ValueError:
        pass
    try:
        from dateutil import parser as date_parser  # only when the user asks: keeps start-up light

        # Parsing with two different defaults tells which parts the text left out, so
        # "Oct 2024" means the middle of that month rather than its first midnight.
        early = date_parser.parse(text, default=datetime(2000, 1, 1), dayfirst=True)
        late = date_parser.parse(text, default=datetime(2000, 12, 28), dayfirst=True)
    except (ValueError, OverflowError):
        return None
    if early.month != late.month:
        return parse_user_span(f"{early.year:04d}")
    if early.day != late.day:
        return parse_user_span(f"{early.year:04d}-{early.month:02d}")
    if early.hour or early.minute or early.second:
        return to_time(early), to_time(early)
    return to_time(early.date()), to_time(early.date()) + 1.0
