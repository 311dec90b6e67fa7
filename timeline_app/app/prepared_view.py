"""What showing a loaded timeline would otherwise compute on the GUI thread, found by the loader.

At millions of events the documents legend's counts and the overview's sorted marks each take
a tenth of a second or more; the loader's worker thread finds them right after the store, and
the window takes them instead of computing them while nothing else can happen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from timeline_app.app.document_rows import document_counts, other_sources
from timeline_app.core.mark_density import SortedMarks
from timeline_app.core.model import Event, Timeline
from timeline_app.core.store import EventStore


@dataclass(frozen=True)
class PreparedView:
    """Found for one timeline's events and the store built from them (see :meth:`fits`)."""

    events: Sequence[Event]
    store: EventStore
    document_counts: list[int]  # the legend's: events each document tells
    other_sources: dict[int, list[int]]  # rows several documents tell: the documents besides the first
    marks: SortedMarks  # the overview's

    @classmethod
    def of(cls, timeline: Timeline, store: EventStore) -> PreparedView:
        others = other_sources(timeline)
        counts = document_counts(timeline, store, others)
        return cls(timeline.events, store, counts, others, SortedMarks(store))

    def fits(self, timeline: Timeline, store: EventStore) -> bool:
        """Whether these were found for this timeline's events and this store of them."""
        return self.events is timeline.events and len(self.events) == len(timeline.events) and self.store is store
