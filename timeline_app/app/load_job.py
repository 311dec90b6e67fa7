"""A load under way, in a thread or a child process: its progress and its result, without Qt.

Kept apart from the loaders themselves so that starting a load imports almost nothing: at
start-up the child process is forked before NumPy, Qt or the readers are imported.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from timeline_app.core.model import Timeline

if TYPE_CHECKING:
    from timeline_app.app.big_timelines import ColumnsFile
    from timeline_app.app.prepared_view import PreparedView
    from timeline_app.core.store import EventStore

ProgressFn = Callable[[int, int, str], None]


@dataclass(frozen=True)
class LoadResult:
    """A finished load: what was read, what could not be, and what the window needs to show it."""

    timeline: Timeline
    errors: list[str]
    store: EventStore | None  # None: the caller builds it (a load that failed before building one)
    prepared: PreparedView | None = None


class StartedLoad(Protocol):
    """A load under way: :class:`BackgroundLoad` or ``forked_load.ForkedLoad``."""

    paths: list[str]

    def add_progress_listener(self, listener: ProgressFn) -> None: ...
    def done(self) -> bool: ...
    def wait(self, timeout: float | None = None) -> bool: ...
    def outcome(self, timeout: float | None = None) -> LoadResult: ...


class LoadJob:
    """A load's shared half: progress fanned out to listeners from any thread, and its finished result.

    A late listener first hears the latest step. Subclasses call :meth:`_finish` once, off the GUI thread.
    """

    def __init__(self, paths: Sequence[str], reference_date: date | None) -> None:
        self.paths = list(paths)
        self.reference_date = reference_date
        self._lock = threading.Lock()
        self._listeners: list[ProgressFn] = []
        self._last: tuple[int, int, str] | None = None
        self._done = threading.Event()
        self._result: LoadResult | None = None

    def add_progress_listener(self, listener: ProgressFn) -> None:
        with self._lock:
            self._listeners.append(listener)
            last = self._last
        if last is not None:
            listener(*last)

    def _progress(self, done: int, total: int, name: str) -> None:
        with self._lock:
            self._last = (done, total, name)
            listeners = list(self._listeners)
        for listener in listeners:
            listener(done, total, name)

    def _finish(self, produce: Callable[[], tuple[Timeline | ColumnsFile, list[str]]]) -> None:
        """Run ``produce`` and sort its timeline into arrays: seconds for a large one, never on the GUI thread.

        A columns file is mapped here: its arrays are the store, with no sort and no event objects.
        What the window would count over every event to show it is counted here too.
        """
        from timeline_app.app.prepared_view import PreparedView
        from timeline_app.app.story_axis import fit_scale
        from timeline_app.core.store import EventStore

        try:
            result, errors = produce()
            if isinstance(result, Timeline):
                timeline, store = result, EventStore.from_timeline(result)
            else:  # the columns modules are imported only for a columns file, never at a plain start
                timeline, errors, store = _open_columns(result, errors)
            fit_scale(store)  # Fit All needs it first thing: found here, off the GUI thread
            prepared = PreparedView.of(timeline, store)
            self._result = LoadResult(timeline, errors, store, prepared)
        except Exception as exc:  # whatever went wrong, the window must hear about it
            self._result = LoadResult(Timeline(), [f"loading failed: {exc}"], EventStore.empty())
        self._done.set()

    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def outcome(self, timeout: float | None = None) -> LoadResult:
        """The whole result; blocks until loading has finished."""
        if not self._done.wait(timeout):
            raise TimeoutError("loading did not finish in time")
        assert self._result is not None
        return self._result


def _open_columns(ref: ColumnsFile, errors: list[str]) -> tuple[Timeline, list[str], Any]:
    """Map a columns file: its arrays are the store, with no sort and no event objects."""
    from timeline_app.app.big_timelines import find_conflicts_later, open_columns
    from timeline_app.app.loading import describe_error
    from timeline_app.core.store import EventStore

    try:
        columns = open_columns(ref)
    except Exception as exc:
        return Timeline(), [describe_error((ref.source, exc))], EventStore.empty()
    find_conflicts_later(columns)  # ready by the time the Conflicts view asks
    if len(columns):
        # The first event the window shows builds the table from read order to column rows:
        # a tenth of a second at millions of rows, taken here instead.
        columns.row_of(0)
    return columns.timeline(), errors, columns.to_store()
