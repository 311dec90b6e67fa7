"""The reading order of a timeline: dated events as the store sorts them, then undated ones.

Lookups go through the store's arrays and one small table for the undated events, so a
million-event timeline needs no extra per-event dictionaries in the window.
"""

from __future__ import annotations

import numpy as np

from timeline_app.core.model import Event, Timeline
from timeline_app.core.store import EventStore


class Chronology:
    def __init__(self, timeline: Timeline, store: EventStore) -> None:
        self.timeline = timeline
        self.store = store
        self._undated_rows: list[int] = []
        if len(store) < len(timeline.events):  # else every event is dated: no mask over millions of rows
            undated_mask = np.ones(len(timeline.events), dtype=bool)
            undated_mask[store.source_index] = False
            self._undated_rows = np.flatnonzero(undated_mask).tolist()
        self._undated_ids = [timeline.events[r].id for r in self._undated_rows]
        self._undated_index = {event_id: i for i, event_id in enumerate(self._undated_ids)}

    def __len__(self) -> int:
        return len(self.store) + len(self._undated_ids)

    @property
    def undated_count(self) -> int:
        return len(self._undated_ids)

    def reading_rows(self) -> np.ndarray:
        """Rows of ``timeline.events`` in reading order (read-only: it may be the store's own array)."""
        if not self._undated_rows:  # no copy of millions of rows for the common case
            rows = self.store.source_index.view()
            rows.flags.writeable = False
            return rows
        return np.concatenate([self.store.source_index, np.asarray(self._undated_rows, dtype=np.int64)])

    def ids(self) -> list[str]:
        return list(self.store.ids) + self._undated_ids

    def id_at(self, index: int) -> str:
        n = len(self.store)
        return self.store.ids[index] if index < n else self._undated_ids[index - n]

    def index_of(self, event_id: str) -> int:
        """Position in reading order, -1 if the id is unknown."""
        pos = self.store.position(event_id)
        if pos >= 0:
            return pos
        undated = self._undated_index.get(event_id)
        return -1 if undated is None else len(self.store) + undated

    def row_of(self, event_id: str) -> int:
        """Index of the event in ``timeline.events`` (the list's source row), -1 if unknown."""
        pos = self.store.position(event_id)
        if pos >= 0:
            return int(self.store.source_index[pos])
        undated = self._undated_index.get(event_id)
        return -1 if undated is None else self._undated_rows[undated]

    def event(self, event_id: str) -> Event | None:
        row = self.row_of(event_id) if event_id else -1
        return self.timeline.events[row] if row >= 0 else None

    def event_at(self, index: int) -> Event | None:
        return self.event(self.id_at(index)) if 0 <= index < len(self) else None
