"""An event loop by hand, for the application layer's tests: posted calls wait until pumped."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class ManualLoop:
    """A ``post`` for :class:`~timeline_app.app.work.Work` that queues callbacks, as an event loop would."""

    def __init__(self) -> None:
        self.calls: list[Callable[[], None]] = []
        self.lock = threading.Lock()

    def post(self, fn: Callable[[], None]) -> None:
        with self.lock:
            self.calls.append(fn)

    def drain(self) -> int:
        """Run what was posted so far; how many calls that was."""
        with self.lock:
            calls, self.calls = self.calls, []
        for fn in calls:
            fn()
        return len(calls)

    def run_until(self, done: Callable[[], bool], timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        while not done():
            assert time.monotonic() < end, "timed out"
            self.drain()
            time.sleep(0.005)
