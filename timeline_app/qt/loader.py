"""Loading documents off the GUI thread, reported back with signals.

The work itself (``load_jobs``) never touches a widget; ``LoadThread`` waits for it in a
QThread and delivers the result and progress to the GUI thread through queued signals.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QObject, QThread, Signal

from timeline_app.qt.load_jobs import BackgroundLoad, StartedLoad, describe_error, expand_paths, load_paths, merge

__all__ = ["BackgroundLoad", "LoadThread", "StartedLoad", "describe_error", "expand_paths", "load_paths", "merge"]


class LoadThread(QThread):
    progressed = Signal(int, int, str)  # done, total, current file
    loaded = Signal(object, list, object)  # Timeline, error lines, EventStore

    def __init__(
        self,
        paths: Sequence[str],
        reference_date: date | None = None,
        parent: QObject | None = None,
        started_load: StartedLoad | None = None,
    ) -> None:
        """``started_load``: a load already running (started before the window existed)."""
        super().__init__(parent)
        self.paths = list(paths)
        self.reference_date = reference_date
        self._job = started_load

    def run(self) -> None:
        job = self._job or BackgroundLoad(self.paths, self.reference_date)
        job.add_progress_listener(self.progressed.emit)
        # Poll, so that closing the window (requestInterruption) never waits for a long load;
        # the loading itself runs in a daemon thread that dies with the process.
        while not job.done():
            if self.isInterruptionRequested():
                return
            job.wait(0.05)
        timeline, errors, store = job.result()
        self.loaded.emit(timeline, errors, store)
