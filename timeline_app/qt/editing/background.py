"""Run slow work (writing snapshots, extraction) off the GUI thread.

The worker only computes; its result comes back through a queued signal and is handled on
the GUI thread, so no widget or model is ever touched from the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal


class Background(QObject):
    """One worker thread: jobs run one after another, in the order given."""

    _finished = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None, name: str = "timeline-worker") -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._pending: set[Future[Any]] = set()
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        future = self._pool.submit(job)
        self._pending.add(future)
        future.add_done_callback(lambda f: self._finished.emit(f, on_done, on_error))

    def _deliver(self, future: Future[Any], on_done: Callable[[Any], None], on_error: Callable[[Any], None]) -> None:
        self._pending.discard(future)
        error = future.exception()
        if error is not None:
            on_error(error)
        else:
            on_done(future.result())

    def wait(self, timeout: float = 30.0) -> None:
        """Block until queued jobs end (used when closing: a snapshot must not be cut off)."""
        for future in list(self._pending):
            future.exception(timeout=timeout)
