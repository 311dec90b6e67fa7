"""`--screenshot` with hostile input: the run ends in time with a one-line reason naming the
file and a non-zero status; no dialog waits for a click, no traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from timeline_app.core.model import Timeline
from timeline_app.io.project import save_project


def screenshot(tmp_path: Path, *inputs: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIMELINE_APP_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run(
        [sys.executable, "-m", "timeline_app", *inputs, "--screenshot", str(tmp_path / "shot.png")],
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
        cwd=tmp_path,
    )


def project(tmp_path: Path, tamper: str, *values: str) -> Path:
    path = tmp_path / "hostile.tlproj"
    save_project(path, Timeline())
    conn = sqlite3.connect(path)
    conn.execute(tamper, values)
    conn.commit()
    conn.close()
    return path


def reason_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("timeline-app:")]


def not_sqlite(folder: Path) -> Path:
    path = folder / "junk.tlproj"
    path.write_bytes(b"not a database")
    return path


def with_trigger(folder: Path) -> Path:
    return project(folder, "CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM events; END")


def with_deep_view_state(folder: Path) -> Path:
    return project(folder, "UPDATE meta SET value = ? WHERE key = 'view_state'", "[" * 50_000 + "]" * 50_000)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (not_sqlite, "not a timeline project"),
        (with_trigger, "refused: the project file holds a trigger"),
        (with_deep_view_state, "nested too deeply"),
    ],
)
def test_a_project_that_cannot_open_ends_the_run_with_its_reason(
    tmp_path: Path, make: Callable[[Path], Path], reason: str
) -> None:
    path = make(tmp_path)
    result = screenshot(tmp_path, str(path))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = reason_lines(result)
    assert path.name in line and reason in line


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_given_as_an_article_ends_the_run(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = screenshot(tmp_path, str(fifo))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert any("pipe.txt" in line and "not a regular file" in line for line in reason_lines(result))
