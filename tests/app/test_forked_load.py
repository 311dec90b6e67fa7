"""Loading in a forked child process (run in a fresh interpreter, as the command line does)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from viewer_fixtures import SEED

from timeline_app.app.forked_load import fork_supported

SCRIPT = r"""
import json, os, sys
from timeline_app.app.forked_load import ForkedLoad, start_load
from timeline_app.app.loading import load_paths

paths = sys.argv[1:]
progress = []
job = start_load(paths)
job.add_progress_listener(lambda d, t, n: progress.append([d, t]))
outcome = job.outcome(timeout=60)
timeline, errors, store = outcome.timeline, outcome.errors, outcome.store
in_process, _ = load_paths(paths)
print(json.dumps({
    "forked": isinstance(job, ForkedLoad),
    "ids": [e.id for e in timeline.events],
    "dates": [e.date.describe() for e in timeline.events],
    "expected_ids": [e.id for e in in_process.events],
    "expected_dates": [e.date.describe() for e in in_process.events],
    "errors": errors,
    "store_ids": store.ids,
    "progress": progress[-1] if progress else None,
}))
"""


def _run(*paths: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *paths], capture_output=True, text=True, timeout=120, check=True
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the child process is used on Linux only")
def test_forked_load_gives_the_same_timeline_as_loading_in_process(tmp_path: Path) -> None:
    bad = tmp_path / "gone.txt"
    result = _run(str(SEED), str(bad))
    assert result["forked"] is True
    assert result["ids"] == result["expected_ids"] and result["ids"]
    assert result["dates"] == result["expected_dates"]
    errors = result["errors"]
    assert isinstance(errors, list) and len(errors) == 1 and "gone.txt" in errors[0]
    store_ids = result["store_ids"]
    ids = result["ids"]
    assert isinstance(store_ids, list) and isinstance(ids, list) and set(store_ids) <= set(ids)
    assert result["progress"] == [2, 2]


def test_no_fork_once_threads_run() -> None:
    # pytest-qt and the tests' own threads are running here: forking now could copy a held lock.
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not fork_supported()
    finally:
        stop.set()
        thread.join()
