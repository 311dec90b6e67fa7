"""The Qt side of :class:`~timeline_app.app.work.Work`: outcomes delivered on the GUI thread."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from timeline_app.app.work import Work


class _Poster(QObject):
    """Emitted from any thread, received on the thread this object lives in (the GUI's)."""

    posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.posted.connect(self._call, Qt.ConnectionType.QueuedConnection)

    def _call(self, fn: Callable[[], None]) -> None:
        fn()


def gui_work(parent: QObject, name: str = "timeline-work") -> Work:
    """A :class:`Work` whose callbacks run on the GUI thread, for as long as ``parent`` lives."""
    poster = _Poster(parent)

    def post(fn: Callable[[], None]) -> None:
        with contextlib.suppress(RuntimeError):  # the window is gone: nobody is left to tell
            poster.posted.emit(fn)

    work = Work(post, name)
    parent.destroyed.connect(work.shutdown)
    return work
