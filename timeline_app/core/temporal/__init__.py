"""Recognise TIMEX3 time expressions in English news text and normalise them to TimeML values.

``tag(text, reference)`` returns the expressions sorted by start, never overlapping, each with
its TimeML ``type`` (DATE, TIME, DURATION, SET), ``value``, optional ``mod``, a human-readable
``basis`` saying why the value was chosen, and the ``anchor`` value it was resolved against.

Conventions:

* Relative expressions ("on Thursday", "last year", "two weeks ago") count from the reference
  date; anaphoric ones ("the previous day", "the same month", "a year earlier") from the last
  concrete date mentioned before them, falling back to the reference date.
* A weekday or a month without a year is placed by the tense of its clause: past reporting looks
  back from the reference date, future tense looks forward, no marker takes the nearest.
* Without a reference date (``reference=None``) absolute dates keep their full value and dates
  without a year become ``XXXX-MM-DD`` / ``XXXX-MM``; a weekday becomes ``XXXX-WXX-d`` (d = 1 for
  Monday ... 7 for Sunday) so that callers can still match it against candidate dates; other
  relative expressions are left unresolved with X placeholders at their granularity
  (``XXXX-XX-XX`` for a day, ``XXXX-XX`` for a month, ``XXXX-WXX`` for a week, ``XXXX`` for a year).
* An anaphoric expression finer than what it hangs on keeps the unknown part open: "that day"
  after "in October 2024" is ``2024-10-XX``, "the following week" after "in 2022" is ``2022-WXX``.
* Vague times are ``PRESENT_REF``, ``PAST_REF`` and ``FUTURE_REF``; decades are ``199X``, centuries
  ``19``; durations use ``DE`` for decades and ``CE`` for centuries ("more than a decade" is
  ``P1DE`` with mod ``MORE_THAN``) and months for quarters ("three quarters" is ``P9M``); parts
  of a day are ``TMO``/``TAF``/``TEV``/``TNI`` ("Friday night" is ``2025-08-29TNI``).
* A range written once ("2019-21", "from March to May 2024", "Dec. 28 to Jan. 3, 2026") gives one expression
  per end, each with its full value: the closing year or date lends its year to the opening one.
* Without a reference date a month takes the year of the last date mentioned ("January 2024 ... in March"
  is ``2024-03``); days and weekdays keep their X placeholders so the reference date can still be recovered.
* "the year" is the year under discussion; "the year ended June 30" is the twelve months to that day
  (``P1Y``). Headlines in title case or capitals are read like running text ("Talks Resume Next Week").
* Every result carries ``basis`` (why this value, in words) and ``anchor`` (the value it was
  counted from: the reference date or the earlier date it refers back to).
"""

from __future__ import annotations

from datetime import date, datetime

from timeline_app.core.model import Timex
from timeline_app.core.temporal.recognise import tag_text

__all__ = ["tag"]


def tag(text: str, reference: date | None) -> list[Timex]:
    """All time expressions in ``text``, sorted by start and non-overlapping."""
    if isinstance(reference, datetime):
        reference = reference.date()  # a datetime does not compare with the dates computed here
    return tag_text(text, reference)
