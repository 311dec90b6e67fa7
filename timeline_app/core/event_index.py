"""Sort keys and search text for a list of any number of events, as arrays.

A list of 100,000 events must sort, filter and select in well under a tenth of a second,
so nothing per row happens then: each column's order is a rank array computed once (the date
column's is the reading order the timeline already has), sorting is an ``argsort`` of ranks,
and a search scans one prepared, case-folded string per row (narrowing the previous result
when the text only grew). Building the index is the slow part and may run on a worker thread.

A timeline held as event columns (``core.columns``) has :class:`ColumnsEventIndex`, built from
the columns in well under a second a million events, which searches titles only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from timeline_app.core.model import Event, Status

if TYPE_CHECKING:  # the columns module needs pyarrow, which small timelines never load
    from timeline_app.core.columns import EventColumns

IntArray = npt.NDArray[np.int64]

COLUMNS = ("date", "title", "status", "source")
STATUSES: tuple[Status, ...] = tuple(Status)  # the codes of the columns' status column


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


class ColumnsEventIndex(EventIndex):
    """The index of a timeline held as event columns (``core.columns``), built without Events.

    Rows are positions in ``columns.events`` (the order read), as for :class:`EventIndex`.
    At a million events a search text per row would take longer to build than the timeline
    takes to open, so a search looks in titles only (Arrow's case-insensitive substring match
    over the title column, some 0.1 s a million rows); rows edited since are searched in
    their new title. The source column sorts by document title (events whose document the
    timeline lacks sort first, as if untitled). Ties keep the order read, as in EventIndex.
    """

    def __init__(
        self,
        columns: EventColumns,
        reading_rows: Sequence[int] | IntArray,
        doc_titles: Mapping[str, str] | None = None,
    ) -> None:
        import pyarrow as pa
        import pyarrow.compute as pc

        titles = doc_titles or {}
        n = len(columns)
        self.size = n
        self.haystack = []  # not kept: searches use the title column
        self._columns = columns
        self._edited: dict[int, str] = {}
        read = columns.source.astype(np.int64)

        def by_read_row(order: IntArray) -> IntArray:
            rank = np.empty(n, dtype=np.int64)
            rank[read[order]] = np.arange(n, dtype=np.int64)
            return rank

        folded = pa.table({"title": pc.utf8_lower(columns.titles), "read": pa.array(read)})
        title_order = np.asarray(
            pc.sort_indices(folded, sort_keys=[("title", "ascending"), ("read", "ascending")]).to_numpy(),
            dtype=np.int64,
        )
        names = [s.value for s in STATUSES]
        status_rank = np.argsort(np.argsort(np.array(names)))[columns.status]
        doc_names = [titles.get(d.id, d.id).casefold() for d in columns.documents]
        doc_rank = np.argsort(np.argsort(np.array(["", *doc_names])))[columns.doc.astype(np.int64) + 1]
        self._ranks = {
            "date": reading_ranks(n, reading_rows),
            "title": by_read_row(title_order),
            "status": by_read_row(np.lexsort((read, status_rank)).astype(np.int64)),
            "source": by_read_row(np.lexsort((read, doc_rank)).astype(np.int64)),
        }
        self._last = None

    def update_rows(self, events: Sequence[Event], rows: Sequence[int]) -> None:
        for row in rows:
            if 0 <= row < self.size:
                self._edited[row] = events[row].title.casefold()
        self._last = None

    def matching(self, text: str) -> IntArray:
        needle = text.strip().casefold()
        if not needle:
            return np.arange(self.size, dtype=np.int64)
        found = np.zeros(self.size, dtype=bool)
        found[self._columns.source[self._columns.search(needle)]] = True
        for row, title in self._edited.items():
            found[row] = needle in title
        return np.flatnonzero(found).astype(np.int64)
