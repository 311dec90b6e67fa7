"""The status bar's words: how much is loaded, and when each document was written and why."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from timeline_app.core.model import Timeline


def _plain_count(n: int) -> str:
    return f"{n:,}"


def status_summary(
    timeline: Timeline, undated: int, format_count: Callable[[int], str] = _plain_count
) -> tuple[str, list[str]]:
    """("2 documents · 14 events", one line per document naming its reference date and basis).

    ``format_count`` writes a number as the user's locale does (the window passes Qt's).
    """
    docs = timeline.documents
    parts = [
        f"{format_count(len(docs))} document{'s' if len(docs) != 1 else ''}",
        f"{format_count(len(timeline.events))} event{'s' if len(timeline.events) != 1 else ''}",
    ]
    if undated:
        parts.append(f"{format_count(undated)} without dates")
    lines: list[str] = []
    for doc in docs:
        name = doc.title or Path(doc.path).name
        if doc.reference_date:
            when = f"{doc.reference_date.day} {doc.reference_date.strftime('%b %Y')}"
            basis = f" ({doc.reference_date_basis})" if doc.reference_date_basis else ""
            weak = " — weak" if doc.reference_date_weak else ""
            lines.append(f"{name}: written {when}{basis}{weak}")
        else:
            lines.append(f"{name}: date of writing unknown")
    return " · ".join(parts), lines
