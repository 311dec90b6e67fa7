"""Work on the GUI thread cut into steps, one per turn of the event loop, so that none keeps it long.

Between two steps Qt paints, runs timers and takes input; a step must leave the window
consistent. A newer run supersedes an older one: the older one's remaining steps are dropped
and whatever waited for it to end waits for the newer one instead.

The next step is started by a zero-interval timer, not by ``QTimer.singleShot(0, ...)``: that one
posts an event, and Qt delivers the events posted meanwhile in the same pass, before any timer
and before the paint the step asked for, so the steps would run back to back after all.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer

Step = Callable[[], None]


class ShowSteps:
    """Runs ``steps`` in order, the first at once; ``spread``: each later one on a later turn, else all at once.

    A step that raises ends the run: ``failed`` hears the exception, the remaining steps are dropped
    (what waits for the end still runs).
    """

    def __init__(
        self, owner: QObject, steps: Iterable[Step], failed: Callable[[Exception], None], spread: bool
    ) -> None:
        self._steps: deque[Step] = deque(steps)
        self._failed = failed
        self._waiting: list[Step] = []
        self.finished = False
        self._next: QTimer | None = None
        if spread:
            self._next = QTimer(owner)
            self._next.setSingleShot(True)
            self._next.setInterval(0)
            self._next.timeout.connect(self._run)

    def start(self) -> None:
        self._run()

    def extend(self, steps: Iterable[Step]) -> None:
        """Run these too, after the steps still to run (of a run not finished)."""
        self._steps.extend(steps)

    def then(self, callback: Step) -> None:
        """Call ``callback`` once the last step has run (now, if it has)."""
        if self.finished:
            callback()
        else:
            self._waiting.append(callback)

    def supersede(self, newer: ShowSteps) -> None:
        """Drop the steps not run yet; what waits for this run's end waits for ``newer``'s."""
        self._steps.clear()
        waiting, self._waiting = self._waiting, []
        self._end()
        for callback in waiting:
            newer.then(callback)

    def _run(self) -> None:
        while self._steps:
            if not self._call(self._steps.popleft()):
                self._steps.clear()
            if self._next is not None and self._steps:
                self._next.start()
                return
        if not self.finished:
            self._end()

    def _end(self) -> None:
        self.finished = True
        if self._next is not None:
            self._next.stop()
            self._next.deleteLater()
            self._next = None
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            self._call(callback)

    def _call(self, step: Step) -> bool:
        try:
            step()
        except Exception as exc:  # what waits for the end must still hear of it; say what failed
            self._failed(exc)
            return False
        return True
