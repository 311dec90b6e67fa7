"""What the viewer holds — the loaded timeline, its filtered part, the selection, what is loading — and
announces when it changes.

Any interface (the Qt window, a test, a script) reads this state and listens to its signals;
none of it needs Qt. Loading goes through the ``io.formats`` registry
(:func:`~timeline_app.app.loading.load_paths`) and runs through one :class:`~timeline_app.app.work.Work`.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from timeline_app.app.chronology import Chronology
from timeline_app.app.load_job import LoadResult
from timeline_app.app.loading import BackgroundLoad, StartedLoad
from timeline_app.app.signals import Signal
from timeline_app.app.work import Progress, Ticket, Work
from timeline_app.core.model import Event, Timeline

if TYPE_CHECKING:
    from timeline_app.app.prepared_view import PreparedView
    from timeline_app.core.store import EventStore

EventFilter = Callable[[Event], bool]
PROJECT_SUFFIX = ".tlproj"
# How often a load that is under way is asked whether it is done, and whether to stop waiting.
_POLL_SECONDS = 0.05


@dataclass
class Loaded:
    """A finished load, as the session hands it on: what was read, and what could not be."""

    paths: list[str]
    timeline: Timeline
    errors: list[str]
    store: EventStore
    add: bool  # merged into what was open, or replacing it
    prepared: PreparedView | None = None  # what showing it needs, found by the loader for ``store``


@dataclass
class _Running:
    ticket: Ticket[Any]
    paths: list[str]
    add: bool
    generation: int


class Session:
    """The state of one viewer window, without its widgets."""

    timeline_changed = Signal()  # content replaced or edited
    selection_changed = Signal(str)  # the current event id, "" for none
    loading_started = Signal(list)  # the paths
    loading_progressed = Signal(int, int, str)  # done, total, the file being read
    loaded = Signal(object)  # a :class:`Loaded` that is still wanted
    loading_finished = Signal(list)  # error lines of the load that ended ([] when all went well)

    def __init__(self, work: Work | None = None) -> None:
        from timeline_app.core.store import EventStore

        self.work = work or Work()
        self.timeline = Timeline()
        self.shown = self.timeline  # what passes the filters (the timeline itself without any)
        self.store: EventStore = EventStore.empty()
        self.full_store: EventStore | None = self.store  # of the whole timeline; None when stale
        self.chronology = Chronology(self.timeline, self.store)
        self.event_filter: EventFilter | None = None
        self.selected = ""
        self.extra: list[str] = []  # selected besides the current event, in selection order
        self.anchor = ""  # where a range selection starts
        self.paths: list[str] = []
        self.reference_date: date | None = None
        self.load_errors: list[str] = []
        self._generation = 0
        self._running: list[_Running] = []

    # selection -------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        """The current event first, then the others selected with it."""
        return [self.selected, *self.extra] if self.selected else []

    # loading ---------------------------------------------------------------------------

    def is_loading(self) -> bool:
        return bool(self._running)

    def open(
        self,
        paths: Sequence[str],
        reference_date: date | None = None,
        add: bool = False,
        started_load: StartedLoad | None = None,
    ) -> Ticket[Any] | None:
        """Load ``paths`` in the background; ``add`` merges them into what is open.

        ``started_load`` is a load of the same paths already under way (begun before the
        interface existed). A newer open supersedes an older one still loading: its result is
        dropped and its waiting stops. Project files are not loaded here (the project layer opens them).
        """
        paths = [str(p) for p in paths if not str(p).lower().endswith(PROJECT_SUFFIX)]
        if started_load is not None and list(started_load.paths) != paths:
            started_load = None
        if not paths:
            return None
        self.reference_date = reference_date
        if not add:
            self._generation += 1
            for running in self._running:
                if not running.add:
                    running.ticket.cancel()
            self._running = [r for r in self._running if r.add]
        job = started_load or BackgroundLoad(paths, reference_date)

        def wait_for_load(progress: Progress) -> LoadResult | None:
            job.add_progress_listener(progress)
            while not job.wait(_POLL_SECONDS):
                if progress.cancelled:
                    return None  # the load itself runs on in a daemon thread or child and is dropped
            return job.outcome()

        holder: list[_Running] = []
        ticket = self.work.run(
            wait_for_load,
            lambda result: self._finish(holder[0], result),
            lambda error: self._finish(holder[0], LoadResult(Timeline(), [f"loading failed: {error}"], None)),
            self.loading_progressed.emit,
            lane="load",
            label="load",
        )
        running = _Running(ticket, paths, add, self._generation)
        holder.append(running)
        self._running.append(running)
        self.loading_started.emit(paths)
        return ticket

    def _finish(self, running: _Running, result: LoadResult | None) -> None:
        from timeline_app.core.store import EventStore

        if running in self._running:
            self._running.remove(running)
        if result is None:
            return
        timeline, store, prepared = result.timeline, result.store, result.prepared
        wanted = running.add or running.generation == self._generation
        errors = list(result.errors)
        try:
            if wanted:
                self.load_errors = errors
                store = store if store is not None else EventStore.from_timeline(timeline)
                loaded = Loaded(running.paths, timeline, list(errors), store, running.add, prepared)
                self.loaded.emit(loaded)
        except Exception as exc:
            # A view that fails to show the result must not leave the load hanging: say so and end it.
            traceback.print_exc()
            errors.append(f"showing the loaded timeline failed: {exc}")
            self.load_errors = errors
        finally:
            self.loading_finished.emit(errors if wanted else [])

    def close(self) -> None:
        """Stop waiting for loads (they are dropped) and take no more work."""
        for running in self._running:
            running.ticket.cancel()
        self._running.clear()
        self.work.shutdown()
