"""Autosave writes a recovery snapshot off the GUI thread; after a crash it is offered back."""

from __future__ import annotations

import threading
from pathlib import Path

from editing_fakes import FakeMainWindow, ScriptedPrompts, crash_with_unsaved_work, sample_timeline

from timeline_app.core import edits
from timeline_app.core.model import Timeline
from timeline_app.io.project import load_project, pending_recoveries, recovery_path
from timeline_app.qt.editing import ProjectController, files
from timeline_app.qt.editing.autosave import snapshot
from timeline_app.qt.editing.prompts import Recovery, Unsaved


def test_autosave_writes_snapshot_off_the_gui_thread(controller: ProjectController, qtbot) -> None:
    threads: list[str] = []
    real_writer = controller.autosave.writer

    def recording_writer(path, timeline, view):
        threads.append(threading.current_thread().name)
        return real_writer(path, timeline, view)

    controller.autosave.writer = recording_writer
    controller.autosave.set_delay(50)
    controller.push(edits.set_title("e2", "Autosaved title"))
    with qtbot.waitSignal(controller.autosave.written, timeout=10_000) as blocker:
        pass
    file = blocker.args[0]
    assert file == recovery_path(None)
    assert threads and threads[0] != threading.main_thread().name
    timeline, _ = load_project(file)
    assert edits.find_event(timeline, "e2").title == "Autosaved title"
    # Our own live snapshot is not offered as a crash leftover.
    assert pending_recoveries() == []


def test_saving_removes_the_snapshot(
    controller: ProjectController, prompts: ScriptedPrompts, qtbot, tmp_path: Path
) -> None:
    controller.autosave.set_delay(20)
    controller.push(edits.set_title("e2", "x"))
    qtbot.waitSignal(controller.autosave.written, timeout=10_000).wait()
    assert recovery_path(None).exists()
    prompts.save_answers.append(tmp_path / "saved.tlproj")
    assert files.save(controller)
    assert not recovery_path(None).exists()
    assert not recovery_path(tmp_path / "saved.tlproj").exists()


def test_snapshot_keeps_its_events_while_editing_goes_on() -> None:
    timeline = sample_timeline()
    copy_ = snapshot(timeline)
    edits.delete_events(["e3"]).apply(timeline)
    edits.merge_events(timeline, ["e1", "e2"]).apply(timeline)
    assert [e.id for e in copy_.events] == ["e1", "e2", "e3"]
    assert [len(e.mentions) for e in copy_.events] == [1, 1, 1]


def test_crashed_untitled_work_is_offered_and_restored(
    controller: ProjectController, window: FakeMainWindow, prompts: ScriptedPrompts
) -> None:
    crash_with_unsaved_work(None)
    (left,) = pending_recoveries()
    assert left.project_path is None and left.event_count == 3
    prompts.recoveries = [Recovery.RESTORE]
    assert files.offer_recovery(controller)
    assert "an unsaved project with 3 events from 1 document." in prompts.asked[0]
    assert edits.find_event(controller.model, "e2").title == "Typed before the crash"
    assert window.timeline() is controller.model
    assert controller.modified and window.isWindowModified()
    # The crashed copy was replaced by one under this process, so nothing is offered twice.
    assert not left.recovery_file.exists()
    assert recovery_path(None).exists()
    assert pending_recoveries() == []


def test_crashed_project_work_restores_to_its_path(
    controller: ProjectController, window: FakeMainWindow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    project = tmp_path / "council.tlproj"
    prompts.save_answers.append(project)
    assert files.save(controller)
    crash_with_unsaved_work(project)
    prompts.recoveries = [Recovery.RESTORE]
    assert files.offer_recovery(controller)
    assert controller.path == project.resolve()
    assert window.windowTitle() == "council[*] — Timeline" and window.isWindowModified()
    assert files.save(controller)
    assert edits.find_event(load_project(project)[0], "e2").title == "Typed before the crash"
    assert pending_recoveries(include_live=True) == []


def test_recovery_can_wait_or_be_discarded(controller: ProjectController, prompts: ScriptedPrompts) -> None:
    crash_with_unsaved_work(None)
    prompts.recoveries = [Recovery.LATER]
    assert not files.offer_recovery(controller)
    assert len(pending_recoveries()) == 1
    assert [e.title for e in controller.model.events][1] == "Council met"
    prompts.recoveries = [Recovery.DISCARD]
    assert not files.offer_recovery(controller)
    assert pending_recoveries() == []


def test_restoring_over_unsaved_work_asks_first(controller: ProjectController, prompts: ScriptedPrompts) -> None:
    controller.push(edits.set_title("e1", "current work"))
    crash_with_unsaved_work(None)
    prompts.recoveries = [Recovery.RESTORE]
    prompts.unsaved = [Unsaved.CANCEL]
    assert not files.offer_recovery(controller)
    assert edits.find_event(controller.model, "e1").title == "current work"
    assert len(pending_recoveries()) == 1


def test_failed_autosave_is_shown_not_raised(controller: ProjectController, window: FakeMainWindow, qtbot) -> None:
    def broken(path: Path | None, timeline: Timeline, view: object) -> Path:
        raise OSError("disk full")

    controller.autosave.writer = broken
    controller.autosave.set_delay(10)
    controller.push(edits.set_title("e1", "x"))
    with qtbot.waitSignal(controller.autosave.failed, timeout=10_000) as blocker:
        pass
    assert blocker.args == ["disk full"]
    assert window.statusBar().currentMessage() == "Autosave failed: disk full"
    assert controller.modified
