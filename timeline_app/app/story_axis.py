"""The broken axis that makes a timeline's story fill the view, found once per store.

Finding it reads every event's time (a third of a second at a million): the loader finds it
on its worker thread, so the window's Fit All takes it from here instead of stalling.
"""

from __future__ import annotations

import threading
import weakref

import numpy as np

from timeline_app.core.store import KIND_POINT, EventStore
from timeline_app.core.time_scale import TimeScale, story_scale

_found: weakref.WeakKeyDictionary[EventStore, TimeScale | None] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def fit_scale(store: EventStore) -> TimeScale | None:
    """The store's story axis, None when a linear one shows it as well (or it is empty)."""
    with _lock:
        if store in _found:
            return _found[store]
    scale: TimeScale | None = None
    if len(store):
        marks = np.where(store.kind == KIND_POINT, store.mid, store.start)
        found = story_scale(store.start, store.end, marks)
        scale = None if found.is_linear else found
    with _lock:
        _found[store] = scale
    return scale
