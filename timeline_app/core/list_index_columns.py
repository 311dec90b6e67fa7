"""The event list's index for a timeline held as columns: searching and sorting without events.

A million events as objects take minutes to index; as columns, a search is one vectorised
substring match over the titles (Arrow compute), and a sort is an argsort of one column, made
the first time that column is sorted. Rows are the list's source rows (the order the events
were read in, as ``timeline.events`` lists them); the columns' own rows are the reading order.

What the list searches here is the title only: the sentence, actors and places live in each
event's record, which is read for shown rows alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from timeline_app.core.event_index import IntArray, reading_ranks
from timeline_app.core.list_index import ListIndex, _value_ranks
from timeline_app.core.model import Event
from timeline_app.core.store import FLAG_EXPECTED, FLAG_ONGOING

if TYPE_CHECKING:
    from timeline_app.core.columns import EventColumns


class ColumnListIndex(ListIndex):
    """A :class:`ListIndex` over :class:`EventColumns`, or over the rows ``kept`` of them."""

    def __init__(
        self,
        columns: EventColumns,
        reading_rows: Sequence[int] | IntArray,
        doc_titles: Mapping[str, str] | None = None,
        kept: IntArray | None = None,
    ) -> None:
        # Built from arrays only: the ancestors' constructors would read every event.
        self._columns = columns
        total = len(columns)
        self._kept = None if kept is None else np.asarray(kept, dtype=np.int64)
        n = total if self._kept is None else len(self._kept)
        self.size = n
        self.haystack = []
        self._doc_titles = dict(doc_titles or {})
        # Column row of each source row (the order read): source[col] = read row.
        col_of_read = np.empty(total, dtype=np.int64)
        col_of_read[np.asarray(columns.source, dtype=np.int64)] = np.arange(total, dtype=np.int64)
        self._col = col_of_read if self._kept is None else col_of_read[self._kept]
        self.source_counts = np.ones(n, dtype=np.int64)
        self.confidences = np.asarray(columns.confidence, dtype=np.float64)[self._col]
        self._ranks = {"date": reading_ranks(n, reading_rows)}
        self._last = None
        self._parent = None

    def rank(self, column: str) -> IntArray:
        found = self._ranks.get(column)
        if found is None:
            found = self._ranks[column] = self._make_rank(column)
        return found

    def _make_rank(self, column: str) -> IntArray:
        import pyarrow as pa
        import pyarrow.compute as pc

        cols = self._columns
        if column == "title":
            titles = cols.titles.take(pa.array(self._col))
            order = np.asarray(pc.sort_indices(pc.utf8_lower(titles)), dtype=np.int64)
            rank = np.empty(self.size, dtype=np.int64)
            rank[order] = np.arange(self.size, dtype=np.int64)
            return rank
        if column == "status":
            flags = np.asarray(cols.flags)[self._col]
            # The list's words sort as expected < occurred < ongoing.
            status = np.where(flags & FLAG_EXPECTED, 0, np.where(flags & FLAG_ONGOING, 2, 1))
            return _value_ranks(status)
        if column == "source":
            titles = [self._doc_titles.get(d.id, d.id).casefold() for d in cols.documents]
            place = {t: i for i, t in enumerate(sorted(set(titles)))}
            by_doc = np.array([place[t] for t in titles] + [-1], dtype=np.int64)
            return _value_ranks(by_doc[np.asarray(cols.doc, dtype=np.int64)[self._col]])
        if column == "sources":
            return _value_ranks(self.source_counts)
        if column == "confidence":
            return _value_ranks(self.confidences)
        raise KeyError(column)

    def matching(self, text: str) -> IntArray:
        """Rows whose title contains ``text``, case-insensitive, in row order."""
        needle = text.strip()
        if not needle:
            return np.arange(self.size, dtype=np.int64)
        hits = self._columns.search(needle)  # over column rows
        return np.flatnonzero(hits[self._col]).astype(np.int64)

    def subset(self, rows: IntArray, reading_rows: Sequence[int] | IntArray) -> ListIndex:
        kept = np.asarray(rows, dtype=np.int64)
        whole = kept if self._kept is None else self._kept[kept]
        return ColumnListIndex(self._columns, reading_rows, self._doc_titles, whole)

    def update_rows(self, events: Sequence[Event], rows: Sequence[int]) -> None:
        for row in rows:
            if 0 <= row < self.size:
                self.confidences[row] = events[row].confidence
        self._last = None
