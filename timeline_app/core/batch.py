"""Many documents on several cores or on a Dask cluster, with the result of a serial run.

Each document is extracted alone (``pipeline.extract_one``) wherever there is a free core: a
worker process here, or a Dask worker. Workers are given paths and read the files themselves, so
with a cluster the files must be visible to every worker under the same path. Paths rather than
texts because reading is part of the work (HTML is parsed, a document without a date falls back
on its file's modification time) and because a path costs nothing to send.

The results are joined in the order the documents were given, and everything that looks across
documents (shared names, one happening told by several documents) runs once on the joined
result: the output is byte for byte that of ``pipeline.extract_documents``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from timeline_app.core.pipeline import (
    DEFAULT_BUDGET,
    Budget,
    DocumentResult,
    Progress,
    combine,
    describe_failure,
    document_id,
    extract_documents,
    extract_one,
)

if TYPE_CHECKING:
    from timeline_app.core.model import Timeline

Errors = list[tuple[str, str]]

# Below this many bytes in all, starting worker processes (about half a second) costs more than it saves.
SMALL_BATCH = 100_000
# How long to keep trying a scheduler that does not answer (Dask retries a refused connection until then).
CONNECT_TIMEOUT = "10s"
DASK_MISSING = "--scheduler needs Dask: install it with pip install 'timeline-app[distributed]'"


class BatchError(Exception):
    """The batch cannot run at all (no Dask, no scheduler at the address); one line for the user."""


def default_jobs() -> int:
    """The cores this process may use (its CPU affinity where the platform tells it)."""
    counter: Callable[[], int | None] | None = getattr(os, "process_cpu_count", None)
    if counter is None and hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, (counter or os.cpu_count)() or 1)


def extract_batch(
    paths: Iterable[str | Path],
    reference_date: date | None = None,
    merge: bool = True,
    budget: Budget = DEFAULT_BUDGET,
    jobs: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> tuple[Timeline, Errors]:
    """``pipeline.extract_documents`` in ``jobs`` processes, or on the Dask scheduler at ``scheduler``."""
    path_list = [Path(p) for p in paths]
    if scheduler is not None:
        return _on_dask(path_list, reference_date, merge, budget, scheduler, progress)
    workers = min(jobs, len(path_list))
    if workers <= 1 or _total_size(path_list) < SMALL_BATCH:
        return extract_documents(path_list, reference_date, progress=progress, merge=merge, budget=budget)
    return _in_processes(path_list, reference_date, merge, budget, workers, progress)


def _total_size(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):  # a missing file is reported when the document is read
            total += path.stat().st_size
    return total


def planned_ids(paths: Sequence[Path]) -> list[str]:
    """Each document's id if every document before it is extracted, as a serial run would give it.

    A serial run gives a failed document's id to the next one of the same name; ``_joined``
    catches that rare case and extracts the document again under its right id.
    """
    used: set[str] = set()
    ids: list[str] = []
    for path in paths:
        ids.append(document_id(path, used))
        used.add(ids[-1])
    return ids


def _joined(
    results: list[DocumentResult], reference_date: date | None, merge: bool, budget: Budget
) -> tuple[Timeline, Errors]:
    used: set[str] = set()
    ordered: list[DocumentResult] = []
    for result in results:
        right = document_id(Path(result.path), used)
        if result.document is not None and right != result.doc_id:
            result = extract_one(result.path, right, reference_date, budget)
        if result.document is not None:
            used.add(result.doc_id)
        ordered.append(result)
    return combine(ordered, merge=merge)


def _single_threaded() -> bool:
    """No thread but this one in the process, native ones included (Linux)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _worker_context() -> multiprocessing.context.BaseContext:
    """Forked workers on Linux when this process runs no other thread: they start with the engine
    already imported (spawned ones spend a second importing it, most of what two cores save on a
    corpus). Elsewhere, or with threads about, spawned workers start clean."""
    if sys.platform.startswith("linux") and _single_threaded():
        from timeline_app.core import pipeline  # noqa: F401  imported once, here, for every worker

        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _in_processes(
    paths: list[Path], reference_date: date | None, merge: bool, budget: Budget, workers: int, progress: Progress | None
) -> tuple[Timeline, Errors]:
    ids = planned_ids(paths)
    results: list[DocumentResult | None] = [None] * len(paths)
    crashed: list[int] = []
    with ProcessPoolExecutor(max_workers=workers, mp_context=_worker_context()) as pool:
        pending = {
            pool.submit(extract_one, str(path), doc_id, reference_date, budget): i
            for i, (path, doc_id) in enumerate(zip(paths, ids, strict=True))
        }
        for done, future in enumerate(as_completed(pending), start=1):
            i = pending[future]
            try:
                results[i] = future.result()
            except Exception:  # the worker died (a crash takes every document in flight with it)
                crashed.append(i)
            if progress is not None:
                progress(done, len(paths), paths[i].name)
    if crashed and len(crashed) == len(paths):
        # Not one worker came back: they cannot start here (a script without a main guard, no
        # process limit left), so this process does the work, as with one job.
        return extract_documents(paths, reference_date, progress=progress, merge=merge, budget=budget)
    for i in sorted(crashed):
        results[i] = _alone(str(paths[i]), ids[i], reference_date, budget)
    return _joined([r for r in results if r is not None], reference_date, merge, budget)


def _alone(path: str, doc_id: str, reference_date: date | None, budget: Budget) -> DocumentResult:
    """A document again in a process of its own: only the one that brings its worker down fails."""
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            return pool.submit(extract_one, path, doc_id, reference_date, budget).result()
    except Exception as exc:
        return DocumentResult(path, doc_id, error=describe_failure(exc))


def _on_dask(
    paths: list[Path],
    reference_date: date | None,
    merge: bool,
    budget: Budget,
    address: str,
    progress: Progress | None,
) -> tuple[Timeline, Errors]:
    try:
        from dask.utils import parse_timedelta
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError:
        raise BatchError(DASK_MISSING) from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise BatchError(f"cannot reach the Dask scheduler at {address}: {exc}".splitlines()[0]) from None
    ids = planned_ids(paths)
    results: list[DocumentResult] = []
    with client:
        try:
            client.wait_for_workers(1, timeout=parse_timedelta(CONNECT_TIMEOUT))
        except TimeoutError:
            raise BatchError(f"the Dask scheduler at {address} has no workers (start some with dask worker)") from None
        futures: list[Any] = client.map(
            extract_one,
            [str(p) for p in paths],
            ids,
            [reference_date] * len(paths),
            [budget] * len(paths),
            pure=False,  # a file may change between runs: never reuse a result the cluster still holds
        )
        index = {f.key: i for i, f in enumerate(futures)}
        for done, future in enumerate(dask_completed(futures), start=1):
            if progress is not None:
                progress(done, len(paths), paths[index[future.key]].name)
        # One round trip for every result; a task that failed (its worker lost it several times over)
        # comes back as its exception and is reported for its document.
        finished = [f for f in futures if f.status == "finished"]
        by_key = dict(zip([f.key for f in finished], client.gather(finished), strict=True))
        for i, future in enumerate(futures):
            if future.key in by_key:
                results.append(by_key[future.key])
                continue
            try:
                results.append(future.result())
            except Exception as exc:
                results.append(DocumentResult(str(paths[i]), ids[i], error=describe_failure(exc)))
    return _joined(results, reference_date, merge, budget)


class ProgressBar:
    """A one-line bar on a terminal; elsewhere (a log, a pipe) a line at each tenth of the way."""

    def __init__(self, stream: TextIO | None = None, label: str = "documents", width: int = 30) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.label = label
        self.width = width
        self.live = self.stream.isatty()
        self._shown_tenth = -1
        self._start = time.perf_counter()

    def __call__(self, done: int, total: int, name: str) -> None:
        if total <= 0:
            return
        tenth = done * 10 // total
        if not self.live and tenth == self._shown_tenth:
            return
        self._shown_tenth = tenth
        filled = self.width * done // total
        bar = "#" * filled + "-" * (self.width - filled)
        line = f"[{bar}] {done}/{total} {self.label} {time.perf_counter() - self._start:.1f} s"
        if self.live:
            self.stream.write("\r" + line + ("\n" if done >= total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
