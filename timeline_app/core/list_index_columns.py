"""The event list's index for a timeline held as columns: :class:`ColumnsEventIndex`'s sort
ranks and title search, with the number of sources and the confidence the list also sorts by.

Rows are the list's source rows (the order the events were read in, as ``timeline.events``
lists them). Nothing here builds an event: a filtered part's search text is the kept rows'
titles, read from the title column.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from timeline_app.core.event_index import ColumnsEventIndex, IntArray
from timeline_app.core.list_index import ListIndex, _value_ranks

if TYPE_CHECKING:
    from timeline_app.core.columns import EventColumns


class ColumnListIndex(ListIndex, ColumnsEventIndex):
    """A :class:`ListIndex` whose event part is a :class:`ColumnsEventIndex`."""

    def __init__(
        self,
        columns: EventColumns,
        reading_rows: Sequence[int] | IntArray,
        doc_titles: Mapping[str, str] | None = None,
    ) -> None:
        # Not ListIndex.__init__: it would read every event for its counts.
        ColumnsEventIndex.__init__(self, columns, reading_rows, doc_titles)
        read = np.asarray(columns.source, dtype=np.int64)
        self.source_counts = np.ones(self.size, dtype=np.int64)  # which others tell an event is in its record
        self.confidences = np.empty(self.size, dtype=np.float64)
        self.confidences[read] = columns.confidence
        self._ranks["sources"] = _value_ranks(self.source_counts)
        self._ranks["confidence"] = _value_ranks(self.confidences)
        self._parent = None
        self._row_of_read = np.empty(self.size, dtype=np.int64)
        self._row_of_read[read] = np.arange(self.size, dtype=np.int64)

    def _haystack_of(self, kept: IntArray) -> list[str]:
        import pyarrow as pa
        import pyarrow.compute as pc

        taken = self._columns.titles.take(pa.array(self._row_of_read[kept]))
        titles: list[str] = [t.casefold() for t in pc.fill_null(taken, "").to_pylist()]
        for i, row in enumerate(kept.tolist()):
            if row in self._edited:
                titles[i] = self._edited[row]
        return titles
