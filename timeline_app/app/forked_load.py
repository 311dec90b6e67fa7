"""Extraction in a forked child process, so that it runs truly alongside Qt's start-up.

Importing the extraction engine and reading the articles is pure-Python work; in a thread it
would take turns with PySide6's import and the window's construction for the interpreter
lock. A child forked before Qt is loaded (one thread, nothing to corrupt) does it on the other
core and sends the :class:`Timeline` back through a pipe as pickled frames; the parent only
builds the EventStore, in a reader thread that sleeps on the pipe until then.

The interface matches :class:`~timeline_app.app.loading.BackgroundLoad`; where fork is not
available or safe the caller uses that instead (see :func:`start_load`).
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
import threading
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, BinaryIO

from timeline_app.app.load_job import LoadJob, ProgressFn
from timeline_app.core.model import Timeline

if TYPE_CHECKING:
    from timeline_app.app.big_timelines import ColumnsFile
    from timeline_app.app.loading import BackgroundLoad

_HEADER = struct.Struct("!Q")


def fork_supported() -> bool:
    # macOS system frameworks are not fork-safe; elsewhere fork does not exist.
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


def _send(stream: BinaryIO, message: tuple[Any, ...]) -> None:
    blob = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(blob)) + blob)
    stream.flush()


def _receive(stream: BinaryIO) -> tuple[Any, ...] | None:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    size = _HEADER.unpack(header)[0]
    blob = stream.read(size)
    if len(blob) < size:
        return None
    message = pickle.loads(blob)  # our own child, over a private pipe
    return message if isinstance(message, tuple) else None


def _child(paths: list[str], reference_date: date | None, write_fd: int) -> None:
    """Runs in the forked process; never returns."""
    code = 0
    try:
        with os.fdopen(write_fd, "wb") as stream:

            def progress(done: int, total: int, name: str) -> None:
                _send(stream, ("progress", done, total, name))

            try:
                from timeline_app.app.loading import load_for_view

                timeline, errors = load_for_view(paths, reference_date, progress)
            except Exception as exc:  # reported to the window like any load failure
                _send(stream, ("failed", f"loading failed: {exc}"))
            else:
                _send(stream, ("loaded", timeline, errors))
    except BaseException:  # the parent went away (broken pipe) or the result would not pickle
        code = 1
    finally:
        os._exit(code)  # no atexit handlers, no flushing of the parent's buffers twice


class ForkedLoad(LoadJob):
    """``load_paths`` in a child process, the EventStore built in a parent thread."""

    def __init__(self, paths: Sequence[str], reference_date: date | None = None) -> None:
        super().__init__(paths, reference_date)
        read_fd, write_fd = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:
            os.close(read_fd)
            _child(self.paths, reference_date, write_fd)
        os.close(write_fd)
        self._thread = threading.Thread(target=self._read, args=(read_fd,), name="timeline-load", daemon=True)
        self._thread.start()

    def _read(self, read_fd: int) -> None:
        outcome: tuple[Timeline | ColumnsFile, list[str]] | None = None
        try:
            with os.fdopen(read_fd, "rb") as stream:
                while outcome is None:
                    message = _receive(stream)
                    if message is None:
                        break
                    if message[0] == "progress":
                        self._progress(*message[1:])
                    elif message[0] == "loaded":
                        outcome = (message[1], list(message[2]))
                    elif message[0] == "failed":
                        outcome = (Timeline(), [str(message[1])])
        except Exception:  # a damaged frame: load here instead, nothing is lost
            outcome = None
        finally:
            os.waitpid(self._pid, 0)
        loaded = outcome
        # If the child died (killed, out of memory), do the work in this process.
        self._finish(lambda: loaded or _load_here(self.paths, self.reference_date, self._progress))


def start_load(paths: Sequence[str], reference_date: date | None = None) -> ForkedLoad | BackgroundLoad:
    """Begin loading at once, in a child process where that is safe, else in a thread."""
    if fork_supported():
        return ForkedLoad(paths, reference_date)
    from timeline_app.app.loading import BackgroundLoad

    return BackgroundLoad(paths, reference_date)


def _load_here(
    paths: list[str], reference_date: date | None, progress: ProgressFn
) -> tuple[Timeline | ColumnsFile, list[str]]:
    from timeline_app.app.loading import load_for_view

    return load_for_view(paths, reference_date, progress)
