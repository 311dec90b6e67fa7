"""What an export -> import round trip must preserve: titles, dates with precision, groups, sources."""

from __future__ import annotations

from timeline_app.core.model import Timeline
from timeline_app.io.sources import event_sources


def essentials(timeline: Timeline) -> list[tuple[str, str, str, str, list[tuple[str, str]]]]:
    return [
        (e.title, e.date.edtf, e.date.precision, e.group, [(d.title, d.path) for d in event_sources(timeline, e)])
        for e in timeline.events
    ]


def assert_round_trip(original: Timeline, imported: Timeline) -> None:
    assert essentials(imported) == essentials(original)
    assert [e.date for e in imported.events] == [e.date for e in original.events]
