"""The event list's index: the columns of :class:`EventIndex` plus sources and confidence, and
the index of a filtered part of a timeline taken from the whole one's without reading any event.

A filter (a facet, a confidence threshold, hidden documents) shows a part of the timeline; the
part's search text is the whole's, picked by row, and its sort ranks are the whole's, ranked
again among the kept rows when a column is first sorted. So switching a filter costs array
work, not a pass over the event objects that building an index makes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from timeline_app.core.event_index import EventIndex, IntArray, reading_ranks
from timeline_app.core.model import Event
from timeline_app.core.provenance import source_count

# Sort keys of the list's columns, in the list's column order.
COLUMNS = ("date", "title", "sources", "confidence", "status", "source")


def _value_ranks(values: np.ndarray) -> IntArray:
    """Distinct ranks by value, ties in row order."""
    order = np.argsort(values, kind="stable")
    rank = np.empty(len(values), dtype=np.int64)
    rank[order] = np.arange(len(values), dtype=np.int64)
    return rank


class ListIndex(EventIndex):
    """:class:`EventIndex` with the number of sources and the confidence of every row."""

    def __init__(
        self,
        events: Sequence[Event],
        reading_rows: Sequence[int] | IntArray,
        doc_titles: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(events, reading_rows, doc_titles)
        n = len(events)
        # Most events have one mention: count documents only where there are several.
        counts = np.fromiter((len(e.mentions) for e in events), dtype=np.int64, count=n)
        for row in np.flatnonzero(counts > 1).tolist():
            counts[row] = source_count(events[row])
        self.source_counts = counts
        self.confidences = np.fromiter((e.confidence for e in events), dtype=np.float64, count=n)
        self._ranks["sources"] = _value_ranks(self.source_counts)
        self._ranks["confidence"] = _value_ranks(self.confidences)
        self._parent: tuple[dict[str, IntArray], IntArray] | None = None

    def subset(self, rows: IntArray, reading_rows: Sequence[int] | IntArray) -> ListIndex:
        """The index of the events at ``rows`` (ascending rows of this index), as a list of their own.

        ``reading_rows`` is their reading order, counted in the new rows.
        """
        kept = np.asarray(rows, dtype=np.int64)
        part = ListIndex.__new__(ListIndex)
        part.size = len(kept)
        part.haystack = self._haystack_of(kept)
        part.source_counts = self.source_counts[kept]
        part.confidences = self.confidences[kept]
        part._ranks = {"date": reading_ranks(len(kept), reading_rows)}
        part._last = None
        part._parent = ({k: v for k, v in self._ranks.items() if k != "date"}, kept)
        return part

    def _haystack_of(self, kept: IntArray) -> list[str]:
        """The search text of the rows ``kept``."""
        return [self.haystack[r] for r in kept.tolist()]

    def rank(self, column: str) -> IntArray:
        found = self._ranks.get(column)
        if found is None and self._parent is not None:
            ranks, kept = self._parent
            # The whole's ranks are distinct, so ranking them again keeps their order among these rows.
            found = self._ranks[column] = _value_ranks(ranks[column][kept])
        if found is None:
            raise KeyError(column)
        return found

    def sorted_rows(self, rows: IntArray, column: str, descending: bool = False) -> IntArray:
        order = rows[np.argsort(self.rank(column)[rows], kind="stable")]
        return order[::-1].copy() if descending else order

    def update_rows(self, events: Sequence[Event], rows: Sequence[int]) -> None:
        super().update_rows(events, rows)
        for row in rows:
            if 0 <= row < self.size:
                self.source_counts[row] = source_count(events[row])
                self.confidences[row] = events[row].confidence
