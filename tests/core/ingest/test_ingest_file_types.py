"""Only regular files are read: a named pipe, a device or /dev/zero is refused by its type,
before any byte is read and without waiting."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from timeline_app.core.ingest import LoadError, load_document
from timeline_app.core.ingest.raw import read_limited
from timeline_app.io import events_json
from timeline_app.io.formats import IMPORTERS
from timeline_app.io.project import ProjectError, load_project, save_project
from timeline_app.io.safety import FormatError, read_bytes_limited

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")


def within(seconds: float, work: Callable[[], Any]) -> BaseException | None:
    """The exception `work` raised; fails the test when it is still running after `seconds`."""
    outcome: list[BaseException | None] = [None]

    def run() -> None:
        try:
            work()
        except BaseException as exc:
            outcome[0] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pytest.fail(f"still reading after {seconds} s")  # the daemon thread is left blocked; the run goes on
    return outcome[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def test_article_in_a_named_pipe(fifo: Path) -> None:
    error = within(5, lambda: load_document(fifo, "d"))
    assert isinstance(error, LoadError) and str(error) == "not a regular file (a named pipe)"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_not_read_without_end() -> None:
    error = within(5, lambda: load_document(Path("/dev/zero"), "d"))
    assert isinstance(error, LoadError) and "a character device" in str(error)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="is a directory"):
        read_limited(tmp_path, 100)


def test_limit_is_never_read_past(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 101)
    assert read_limited(path, 100) is None
    assert read_limited(path, 101) == b"x" * 101


@pytest.mark.parametrize("name", ["pipe.json", "pipe.csv", "pipe.ics", "pipe.timeline"])
def test_every_importer_refuses_a_pipe(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    os.mkfifo(path)
    fmt = {"json": "timelinejs", "csv": "csv", "ics": "ics", "timeline": "timeline"}[name.split(".")[1]]
    error = within(5, lambda: IMPORTERS[fmt].function(path))
    assert isinstance(error, FormatError) and name in str(error) and "regular file" in str(error)
    error = within(5, lambda: read_bytes_limited(path))
    assert isinstance(error, FormatError)


def test_events_json_refuses_a_pipe(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    os.mkfifo(path)
    error = within(5, lambda: events_json.load(path))
    assert isinstance(error, ValueError) and "regular file" in str(error)


def test_project_in_a_named_pipe(tmp_path: Path) -> None:
    path = tmp_path / "p.tlproj"
    os.mkfifo(path)
    error = within(5, lambda: load_project(path))
    assert isinstance(error, ProjectError) and "regular file" in str(error)
    from timeline_app.core.model import Timeline

    error = within(5, lambda: save_project(path, Timeline()))
    assert isinstance(error, ProjectError) and "regular file" in str(error)
