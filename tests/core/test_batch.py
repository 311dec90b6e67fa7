"""Batches on several processes and on a real Dask cluster give what a serial run gives."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from timeline_app.core import batch
from timeline_app.core.pipeline import Budget, extract_documents
from timeline_app.io.events_json import dumps

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_97615b8d070adb4e.txt"
TBAQ = REPO.parent / "shared" / "data" / "timeml" / "TBAQ-cleaned"


@pytest.fixture(autouse=True)
def every_batch_in_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small test batches would run in this process; here they must go through the worker processes."""
    from timeline_app.core import batch as batch_module

    monkeypatch.setattr(batch_module, "SMALL_BATCH", 0)


@pytest.fixture(scope="module")
def files() -> list[Path]:
    found = sorted(TBAQ.rglob("*.tml"))
    if not found:
        pytest.skip(f"TBAQ-cleaned not found under {TBAQ}")
    # Both corpora, so that merging across documents has something to join.
    return [*found[:4], *found[-4:], SEED]


@pytest.fixture(scope="module")
def serial(files: list[Path]) -> tuple[str, list[tuple[str, str]]]:
    timeline, errors = extract_documents(files, budget=Budget.unlimited())
    return dumps(timeline), errors


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
    ) as local:
        yield str(local.scheduler_address)


def test_processes_give_the_serial_result(files: list[Path], serial: tuple[str, list[tuple[str, str]]]) -> None:
    timeline, errors = batch.extract_batch(files, budget=Budget.unlimited(), jobs=2)
    assert (dumps(timeline), errors) == serial


def test_one_job_is_the_serial_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(batch, "ProcessPoolExecutor", no_pool)
    timeline, errors = batch.extract_batch([SEED, SEED], jobs=1)
    assert [d.id for d in timeline.documents] == [SEED.stem, f"{SEED.stem}-2"] and errors == []


def test_a_small_batch_stays_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(batch, "ProcessPoolExecutor", no_pool)
    monkeypatch.setattr(batch, "SMALL_BATCH", 100_000)
    timeline, errors = batch.extract_batch([SEED, SEED], jobs=2)
    assert len(timeline.documents) == 2 and errors == []


def test_planned_ids_are_those_of_a_run_without_failures() -> None:
    paths = [Path("a/x.txt"), Path("b/x.txt"), Path("y.md"), Path("c/x.html")]
    assert batch.planned_ids(paths) == ["x", "x-2", "y", "x-3"]


def test_dask_cluster_gives_the_serial_result(
    files: list[Path], serial: tuple[str, list[tuple[str, str]]], cluster: str
) -> None:
    shown: list[tuple[int, int]] = []
    timeline, errors = batch.extract_batch(
        files, budget=Budget.unlimited(), scheduler=cluster, progress=lambda done, total, _: shown.append((done, total))
    )
    assert (dumps(timeline), errors) == serial
    assert shown[-1] == (len(files), len(files))


def test_dask_cluster_reports_bad_files(tmp_path: Path, cluster: str) -> None:
    bad = tmp_path / "photo.txt"
    bad.write_bytes(bytes(range(256)) * 16)
    timeline, errors = batch.extract_batch([bad, SEED, tmp_path / "gone.txt"], scheduler=cluster)
    assert [d.id for d in timeline.documents] == [SEED.stem]
    assert [Path(path).name for path, _ in errors] == ["photo.txt", "gone.txt"]


def test_a_scheduler_without_workers_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(batch, "CONNECT_TIMEOUT", "1s")
    with (
        distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=":0", silence_logs=40) as empty,
        pytest.raises(batch.BatchError, match="has no workers"),
    ):
        batch.extract_batch([SEED], scheduler=str(empty.scheduler_address))


def test_without_dask_the_error_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "distributed", None)
    with pytest.raises(batch.BatchError, match=r"pip install 'timeline-app\[distributed\]'"):
        batch.extract_batch([SEED], scheduler="tcp://127.0.0.1:8786")


def test_progress_bar_in_a_log_writes_a_line_per_tenth() -> None:
    out = io.StringIO()
    bar = batch.ProgressBar(out)
    for done in range(1, 101):
        bar(done, 100, "doc")
    lines = out.getvalue().splitlines()
    assert len(lines) == 11 and lines[-1].startswith("[" + "#" * 30 + "] 100/100 documents")


def test_default_jobs_is_the_cores_available() -> None:
    assert 1 <= batch.default_jobs() <= (__import__("os").cpu_count() or 1)
