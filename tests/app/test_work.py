"""One way to run slow work: outcomes, errors, progress, lanes, cancelling."""

from __future__ import annotations

import threading
import time

import pytest
from manual_loop import ManualLoop

from timeline_app.app.work import Progress, Work


def _settle(work: Work, inbox: ManualLoop) -> None:
    work.wait(10)
    time.sleep(0.01)
    inbox.drain()


def test_the_result_arrives_through_post_not_on_the_worker() -> None:
    inbox = ManualLoop()
    work = Work(inbox.post)
    got: list[tuple[int, str]] = []
    work.run(lambda _p: 6 * 7, lambda value: got.append((value, threading.current_thread().name)))
    work.wait(10)
    assert got == []  # nothing is delivered until the interface's loop runs it
    _settle(work, inbox)
    assert got == [(42, threading.main_thread().name)]
    assert not work.busy


def test_an_exception_goes_to_on_error() -> None:
    inbox = ManualLoop()
    work = Work(inbox.post)
    errors: list[BaseException] = []

    def boom(_p: Progress) -> int:
        raise ValueError("bad file")

    work.run(boom, lambda _v: pytest.fail("no result expected"), errors.append)
    _settle(work, inbox)
    assert [str(e) for e in errors] == ["bad file"]


def test_progress_is_posted_in_order() -> None:
    inbox = ManualLoop()
    work = Work(inbox.post)
    steps: list[tuple[int, int, str]] = []

    def task(progress: Progress) -> str:
        for i in range(3):
            progress(i, 3, f"file{i}")
        return "done"

    work.run(task, lambda _v: None, on_progress=lambda d, t, n: steps.append((d, t, n)))
    _settle(work, inbox)
    assert steps == [(0, 3, "file0"), (1, 3, "file1"), (2, 3, "file2")]


def test_one_lane_runs_in_order_and_lanes_run_side_by_side() -> None:
    inbox = ManualLoop()
    work = Work(inbox.post)
    order: list[str] = []
    gate = threading.Event()

    def slow(_p: Progress) -> None:
        gate.wait(5)
        order.append("slow")

    work.run(slow, lambda _v: None, lane="snapshots")
    work.run(lambda _p: order.append("after slow"), lambda _v: None, lane="snapshots")
    other = work.run(lambda _p: order.append("other lane"), lambda _v: None, lane="load")
    assert other.wait(5)
    assert order == ["other lane"]  # not held up behind the busy lane
    gate.set()
    _settle(work, inbox)
    assert order == ["other lane", "slow", "after slow"]


def test_a_cancelled_task_is_told_and_its_outcome_dropped() -> None:
    inbox = ManualLoop()
    work = Work(inbox.post)
    seen_cancel = threading.Event()
    started = threading.Event()
    delivered: list[object] = []

    def waits(progress: Progress) -> str:
        started.set()
        while not progress.cancelled:
            time.sleep(0.005)
        seen_cancel.set()
        return "late"

    ticket = work.run(waits, delivered.append)
    assert started.wait(5)
    ticket.cancel()
    assert seen_cancel.wait(5)
    _settle(work, inbox)
    assert delivered == []
    assert not work.busy
