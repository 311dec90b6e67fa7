"""Slow work off the interface thread, one way for everything: loading, extraction, snapshots.

Modelled on the operation objects of desktop apps that keep their collections responsive: a
task is a plain function that computes and reports progress; it never touches a widget. Its
outcome (result or exception) and its progress come back through ``post``, which the interface
supplies (the Qt layer posts to its event loop; tests and the command line may call at once).

Tasks of one *lane* run one after another in the order given (snapshots must be written in
order); different lanes run side by side. A task can be cancelled before it starts, or asked to
stop: it sees ``progress.cancelled`` and returns early, and its outcome is then dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

Post = Callable[[Callable[[], None]], None]


def call_now(fn: Callable[[], None]) -> None:
    """A ``post`` for code without an event loop: deliver on the worker thread itself."""
    fn()


class Progress:
    """What a running task may say and ask: how far it is, and whether it should stop."""

    def __init__(self, ticket: Ticket[Any], post: Post, listener: Callable[[int, int, str], None] | None) -> None:
        self._ticket = ticket
        self._post = post
        self._listener = listener

    @property
    def cancelled(self) -> bool:
        return self._ticket.cancelled

    def __call__(self, done: int, total: int, text: str = "") -> None:
        listener = self._listener
        if listener is not None and not self._ticket.cancelled:
            self._post(lambda: listener(done, total, text))


@dataclass(eq=False)
class Ticket[T]:
    """A task handed to :class:`Work`: it can be cancelled, waited for and asked about."""

    label: str
    future: Future[T] | None = None
    _cancel: threading.Event = field(default_factory=threading.Event)
    _delivered: threading.Event = field(default_factory=threading.Event)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Drop the outcome; a task not started yet never runs, a running one sees ``cancelled``."""
        self._cancel.set()
        if self.future is not None:
            self.future.cancel()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the task has ended (not until its outcome was delivered); True if it has."""
        if self.future is None:
            return True
        try:
            self.future.exception(timeout=timeout)
        except TimeoutError:
            return False
        except Exception:  # cancelled
            return True
        return True


class Work:
    """Runs tasks in worker threads and hands their outcomes to ``post``."""

    def __init__(self, post: Post = call_now, name: str = "timeline-work") -> None:
        self._post = post
        self._name = name
        self._lanes: dict[str, ThreadPoolExecutor] = {}
        self._open: set[Ticket[Any]] = set()
        self._lock = threading.Lock()

    def run[T](
        self,
        task: Callable[[Progress], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        lane: str = "main",
        label: str = "",
    ) -> Ticket[T]:
        """Start ``task`` in ``lane``; ``on_done``/``on_error`` are called through ``post``."""
        ticket: Ticket[T] = Ticket(label or getattr(task, "__name__", "task"))
        progress = Progress(ticket, self._post, on_progress)
        with self._lock:
            pool = self._lanes.get(lane)
            if pool is None:
                pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"{self._name}-{lane}")
                self._lanes[lane] = pool
            self._open.add(ticket)
        ticket.future = pool.submit(task, progress)
        ticket.future.add_done_callback(lambda f: self._post(lambda: self._deliver(ticket, f, on_done, on_error)))
        return ticket

    def _deliver[T](
        self,
        ticket: Ticket[T],
        future: Future[T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        with self._lock:
            self._open.discard(ticket)
        ticket._delivered.set()
        if ticket.cancelled or future.cancelled():
            return
        error = future.exception()
        if error is None:
            on_done(future.result())
        elif on_error is not None:
            on_error(error)
        else:
            raise error

    @property
    def busy(self) -> bool:
        with self._lock:
            return bool(self._open)

    def tickets(self) -> list[Ticket[Any]]:
        """Tasks not yet delivered."""
        with self._lock:
            return list(self._open)

    def wait(self, timeout: float = 30.0) -> None:
        """Block until every task has ended: used when closing, so a snapshot is never cut off."""
        for ticket in self.tickets():
            ticket.wait(timeout)

    def cancel_all(self) -> None:
        for ticket in self.tickets():
            ticket.cancel()

    def shutdown(self) -> None:
        """Stop taking tasks; running ones finish in their daemon-like threads without delivery."""
        self.cancel_all()
        with self._lock:
            pools = list(self._lanes.values())
            self._lanes.clear()
        for pool in pools:
            pool.shutdown(wait=False, cancel_futures=True)
