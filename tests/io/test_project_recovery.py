"""Autosave snapshots: where they live, what a crash leaves to offer, and discarding them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from io_samples import sample_timeline

from timeline_app.io import project
from timeline_app.io.project import (
    discard_recovery,
    load_project,
    pending_recoveries,
    recovery_path,
    save_project,
    write_recovery,
)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "data"
    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(directory))
    return directory


def test_recovery_paths(tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = recovery_path(tmp_path / "a" / "news.tlproj")
    b = recovery_path(tmp_path / "b" / "news.tlproj")
    assert a.parent == b.parent == data_dir / "recovery"
    assert a != b and a.name.startswith("news-") and a.suffix == ".tlproj"
    assert recovery_path(tmp_path / "a" / "news.tlproj") == a
    assert recovery_path(None) == data_dir / "recovery" / f"untitled-{os.getpid()}.tlproj"
    monkeypatch.delenv("TIMELINE_APP_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert recovery_path(None).parent == tmp_path / "xdg" / "timeline-app" / "recovery"


def test_own_live_snapshot_is_not_offered(tmp_path: Path) -> None:
    written = write_recovery(tmp_path / "p.tlproj", sample_timeline(), {"zoom": 1})
    assert written == recovery_path(tmp_path / "p.tlproj")
    assert pending_recoveries() == []
    [info] = pending_recoveries(include_live=True)
    assert info.pid == os.getpid() and info.event_count == 14 and info.document_count == 2
    assert info.project_path == (tmp_path / "p.tlproj").resolve()
    assert info.newer_than_project  # the project was never saved
    timeline, state = load_project(info.recovery_file)
    assert timeline == sample_timeline() and state == {"zoom": 1}
    discard_recovery(tmp_path / "p.tlproj")
    assert pending_recoveries(include_live=True) == []
    assert not written.exists()


CRASHING_EDITOR = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from io_samples import sample_timeline
from timeline_app.io.project import write_recovery
project = Path(sys.argv[1]) if sys.argv[1] != "-" else None
timeline = sample_timeline()
for n in range(1000):
    timeline.events[0].title = f"typed {n}"
    write_recovery(project, timeline, {"n": n})
    print(n, flush=True)
    time.sleep(0.02)
"""


@pytest.mark.parametrize("saved", [True, False])
def test_snapshot_survives_kill_9_and_is_offered(tmp_path: Path, saved: bool) -> None:
    project_file = tmp_path / "work.tlproj"
    if saved:
        save_project(project_file, sample_timeline())
        os.utime(project_file, (time.time() - 60, time.time() - 60))
    child = subprocess.Popen(
        [sys.executable, "-c", CRASHING_EDITOR, str(project_file) if saved else "-", str(Path(__file__).parent)],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    assert child.stdout is not None
    for _ in range(5):
        last = int(child.stdout.readline())
    child.send_signal(signal.SIGKILL)
    rest, _ = child.communicate(timeout=30)
    last = max([last, *map(int, rest.split())])
    [info] = pending_recoveries()
    assert info.pid == child.pid
    assert info.project_path == (project_file.resolve() if saved else None)
    assert info.newer_than_project
    timeline, state = load_project(info.recovery_file)
    assert state["n"] in (last, last + 1)
    assert timeline.events[0].title == f"typed {state['n']}"
    discard_recovery(info)
    assert pending_recoveries() == []


def test_unreadable_snapshot_is_skipped_but_kept(data_dir: Path) -> None:
    junk = data_dir / "recovery" / "junk.tlproj"
    junk.parent.mkdir(parents=True)
    junk.write_bytes(b"garbage")
    assert pending_recoveries(include_live=True) == []
    assert junk.exists()


def test_dead_process_is_detected() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not project._process_alive(child.pid)
    assert project._process_alive(os.getpid())


def test_concurrent_snapshots_do_not_collide(tmp_path: Path) -> None:
    import threading

    errors: list[BaseException] = []

    def snapshot(n: int) -> None:
        try:
            timeline = sample_timeline()
            timeline.events[0].title = f"writer {n}"
            write_recovery(tmp_path / "p.tlproj", timeline, {"n": n})
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=snapshot, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    timeline, state = load_project(recovery_path(tmp_path / "p.tlproj"))
    assert timeline.events[0].title == f"writer {state['n']}"
    assert not [p for p in recovery_path(None).parent.iterdir() if p.suffix == ".tmp"]
