"""Autosave: a recovery snapshot a few seconds after unsaved changes, written off the GUI thread."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from timeline_app.core.model import Timeline
from timeline_app.qt.work_bridge import gui_work

RecoveryWriter = Callable[[Path | None, Timeline, dict[str, Any] | None], Path]


class AutosaveSource(Protocol):
    path: Path | None

    @property
    def modified(self) -> bool: ...

    def timeline(self) -> Timeline: ...

    def view_state(self) -> dict[str, Any]: ...


def snapshot(timeline: Timeline) -> Timeline:
    """What the worker writes, taken in about a millisecond even for 100k events.

    The lists are copied, the events are shared: edits replace an event's field values or
    whole lists and never change a list inside an event, so the worker always reads complete
    values. A field edited while the snapshot is being written may appear with its newer
    value, which is still the person's own work, and the next autosave follows anyway.
    Copying every event instead would block the window for about a second at 100k events.
    """
    return Timeline(documents=list(timeline.documents), events=list(timeline.events))


def _write_recovery(path: Path | None, timeline: Timeline, view_state: dict[str, Any] | None) -> Path:
    from timeline_app.io.project import write_recovery

    return write_recovery(path, timeline, view_state)


def _discard_recovery(path: Path | None) -> None:
    from timeline_app.io.project import discard_recovery

    discard_recovery(path)


class Autosaver(QObject):
    written = Signal(object)  # the recovery file
    failed = Signal(str)

    def __init__(
        self,
        source: AutosaveSource,
        delay_ms: int = 3000,
        writer: RecoveryWriter = _write_recovery,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self.writer = writer
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.write_now)
        self._worker = gui_work(self, "timeline-autosave")
        self._generation = 0
        self._again = False
        self.last_file: Path | None = None
        self.last_duration_ms = 0.0
        self.last_error = ""

    def set_delay(self, ms: int) -> None:
        self._timer.setInterval(ms)

    @property
    def busy(self) -> bool:
        return self._worker.busy or self._timer.isActive()

    def schedule(self) -> None:
        """A change happened: write within the delay (not restarted by further changes)."""
        if self._source.modified and not self._timer.isActive():
            self._timer.start()

    def write_now(self) -> None:
        if self._worker.busy:
            self._again = True
            return
        if not self._source.modified:
            return
        generation = self._generation
        path = self._source.path
        data = snapshot(self._source.timeline())
        view = self._source.view_state()
        started = time.perf_counter()

        def done(file: Path) -> None:
            self.last_duration_ms = (time.perf_counter() - started) * 1000.0
            self.last_file = file
            self.last_error = ""
            if generation != self._generation and not self._source.modified:
                # Saved while this snapshot was being written: it is stale already.
                _discard_recovery(path)
            else:
                self.written.emit(file)
            self._continue()

        def failed(error: BaseException) -> None:
            self.last_error = str(error)
            self.failed.emit(self.last_error)
            self._continue()

        self._worker.run(lambda _progress: self.writer(path, data, view), done, failed, label="autosave")

    def _continue(self) -> None:
        if self._again:
            self._again = False
            self.schedule()

    def forget(self, *paths: Path | None) -> None:
        """The work is saved or knowingly discarded: drop pending writes and the snapshots."""
        self._generation += 1
        self._timer.stop()
        self._again = False
        self._worker.wait()
        for path in set(paths):
            try:
                _discard_recovery(path)
            except OSError as exc:
                self.last_error = str(exc)

    def wait(self) -> None:
        self._worker.wait()
