"""What an export -> import round trip must preserve: titles, dates with precision, groups, notes,
sources.

Exports name a source's file only, never its folder: what comes back is the file name.
"""

from __future__ import annotations

from timeline_app.core.model import Timeline
from timeline_app.io.sources import event_sources, file_name


def essentials(timeline: Timeline) -> list[tuple[str, str, str, str, str, list[tuple[str, str]]]]:
    return [
        (
            e.title,
            e.date.edtf,
            e.date.precision,
            e.group,
            e.notes.strip(),
            [(d.title, file_name(d.path) or d.title) for d in event_sources(timeline, e)],
        )
        for e in timeline.events
    ]


def assert_round_trip(original: Timeline, imported: Timeline) -> None:
    assert essentials(imported) == essentials(original)
    assert [e.date for e in imported.events] == [e.date for e in original.events]
