"""Sort keys and search text for a list of any number of events, as arrays.

A list of 100,000 events must sort, filter and select in well under a tenth of a second,
so nothing per row happens then: each column's order is a rank array computed once (the date
column's is the reading order the timeline already has), sorting is an ``argsort`` of ranks,
and a search scans one prepared, case-folded string per row (narrowing the previous result
when the text only grew). Building the index is the slow part and may run on a worker thread.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from timeline_app.core.model import Event

IntArray = npt.NDArray[np.int64]

COLUMNS = ("date", "title", "status", "source")


def reading_ranks(n: int, reading_rows: Sequence[int] | IntArray) -> IntArray:
    """Rank of each row in reading order; rows the order leaves out come last, in row order."""
    rows = np.asarray(reading_rows, dtype=np.int64)
    rank = np.full(n, -1, dtype=np.int64)
    rank[rows] = np.arange(len(rows), dtype=np.int64)
    missing = np.flatnonzero(rank < 0)
    rank[missing] = len(rows) + np.arange(len(missing), dtype=np.int64)
    return rank


def search_text(event: Event) -> str:
    """What a search looks in: title, date in words, status, sentence, actors and places."""
    parts = (event.title, event.date.describe(), event.status.value, event.sentence, *event.actors, *event.places)
    return " ".join(parts).casefold()


def _ranks(values: list[str]) -> IntArray:
    order = sorted(range(len(values)), key=values.__getitem__)
    rank = np.empty(len(values), dtype=np.int64)
    rank[np.array(order, dtype=np.int64)] = np.arange(len(values), dtype=np.int64)
    return rank


class EventIndex:
    """Per-row sort ranks and search text of ``events`` (rows are positions in that sequence)."""

    def __init__(
        self,
        events: Sequence[Event],
        reading_rows: Sequence[int] | IntArray,
        doc_titles: Mapping[str, str] | None = None,
    ) -> None:
        titles = doc_titles or {}
        n = len(events)
        self.size = n
        self.haystack = [search_text(e) for e in events]
        self._ranks: dict[str, IntArray] = {
            "date": reading_ranks(n, reading_rows),
            "title": _ranks([e.title.casefold() for e in events]),
            "status": _ranks([e.status.value for e in events]),
            "source": _ranks([titles.get(e.document, e.document).casefold() for e in events]),
        }
        self._last: tuple[str, IntArray] | None = None

    def set_reading_order(self, reading_rows: Sequence[int] | IntArray) -> None:
        self._ranks["date"] = reading_ranks(self.size, reading_rows)

    def update_rows(self, events: Sequence[Event], rows: Sequence[int]) -> None:
        """Rows whose events were edited in place: their search text is read again.

        Title, status and source ranks keep the old order for them until the index is rebuilt;
        the date rank follows the reading order given to :meth:`set_reading_order`.
        """
        for row in rows:
            if 0 <= row < self.size:
                self.haystack[row] = search_text(events[row])
        self._last = None

    def rank(self, column: str) -> IntArray:
        return self._ranks[column]

    def sorted_rows(self, rows: IntArray, column: str, descending: bool = False) -> IntArray:
        """``rows`` ordered by ``column`` (ties cannot happen: ranks are distinct)."""
        order = rows[np.argsort(self._ranks[column][rows], kind="stable")]
        return order[::-1].copy() if descending else order

    def matching(self, text: str) -> IntArray:
        """Rows whose search text contains ``text`` (case-insensitive), in row order."""
        needle = text.strip().casefold()
        if not needle:
            return np.arange(self.size, dtype=np.int64)
        hay = self.haystack
        last = self._last
        if last is not None and needle.startswith(last[0]):
            # Typing one more character can only narrow the previous result.
            candidates = last[1]
            found = candidates[np.fromiter((needle in hay[r] for r in candidates.tolist()), bool, len(candidates))]
        else:
            found = np.flatnonzero(np.fromiter((needle in h for h in hay), bool, self.size)).astype(np.int64)
        self._last = (needle, found)
        return found
