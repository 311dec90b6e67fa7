"""Save, open, new, recent projects and the unsaved-changes question, on real project files."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from editing_fakes import FakeMainWindow, ScriptedPrompts
from PySide6.QtGui import QCloseEvent

from timeline_app.core import edits
from timeline_app.core.viewport import Viewport, to_time
from timeline_app.io.project import load_project, save_project
from timeline_app.qt.editing import ProjectController, files
from timeline_app.qt.editing.prompts import Unsaved


def close_window(window: FakeMainWindow) -> bool:
    event = QCloseEvent()
    window.closeEvent(event)
    return event.isAccepted()


def test_save_as_then_open_round_trips_edits(
    controller: ProjectController, window: FakeMainWindow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    controller.push(edits.set_title("e2", "Council voted"))
    controller.push(edits.set_group("e2", "Politics"))
    prompts.save_answers.append(tmp_path / "council")  # no suffix: one is added
    assert files.save(controller)
    saved = tmp_path / "council.tlproj"
    assert controller.path == saved.resolve()
    assert window.windowTitle() == "council[*] — Timeline"
    assert not window.isWindowModified()
    timeline, _ = load_project(saved)
    event = edits.find_event(timeline, "e2")
    assert (event.title, event.group, event.curated) == ("Council voted", "Politics", True)

    assert files.new_project(controller)
    assert controller.model.events == [] and controller.path is None
    assert window.windowTitle() == "Untitled[*] — Timeline" and not window.isWindowModified()
    assert files.open_project(controller, saved)
    assert edits.find_event(controller.model, "e2").title == "Council voted"
    assert window.timeline() is controller.model
    assert controller.undo_stack.count() == 0 and not controller.modified
    assert files.recent_projects(controller)[0] == saved.resolve()


def test_save_goes_to_the_same_file_without_asking(
    controller: ProjectController, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = tmp_path / "p.tlproj"
    prompts.save_answers.append(path)
    assert files.save(controller)
    controller.push(edits.set_notes("e1", "second save"))
    assert files.save(controller)
    assert [q for q in prompts.asked if q.startswith("save:")] == ["save:Save Project As:Timeline projects (*.tlproj)"]
    assert edits.find_event(load_project(path)[0], "e1").notes == "second save"
    # Undoing back past the save point makes the work differ from the file again.
    controller.undo_stack.undo()
    assert controller.modified


def test_cancelled_save_dialog_keeps_work_unsaved(controller: ProjectController, prompts: ScriptedPrompts) -> None:
    controller.push(edits.set_title("e1", "changed"))
    prompts.save_answers.append(None)
    assert not files.save(controller)
    assert controller.modified and controller.path is None


def test_open_bad_file_names_it_and_keeps_the_work(
    controller: ProjectController, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.tlproj"
    bad.write_text("this is not a project", encoding="utf-8")
    before = controller.model
    assert not files.open_project(controller, bad)
    ((title, message),) = prompts.errors
    assert title == "Cannot open project"
    assert str(bad) in message and "not a timeline project" in message
    assert controller.model is before


def test_open_project_from_a_newer_version_is_refused(
    controller: ProjectController, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = tmp_path / "future.tlproj"
    save_project(path, controller.model)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    conn.close()
    prompts.open_answers.append(path)
    assert not files.open_project(controller)
    assert "newer version" in prompts.errors[0][1] and "future.tlproj" in prompts.errors[0][1]


def test_save_failure_is_reported_and_work_stays_modified(
    controller: ProjectController, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    controller.push(edits.set_title("e1", "changed"))
    target = tmp_path / "missing-folder" / "p.tlproj"
    prompts.save_answers.append(target)
    assert not files.save(controller)
    assert prompts.errors and str(target) in prompts.errors[0][1]
    assert controller.modified


def test_close_guard_cancel_discard_and_save(
    controller: ProjectController, window: FakeMainWindow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    assert close_window(window)  # nothing to lose: no question
    assert prompts.asked == []
    controller.push(edits.set_title("e1", "changed"))
    prompts.unsaved = [Unsaved.CANCEL]
    assert not close_window(window)
    assert prompts.asked == ["unsaved:Council"]  # not saved yet: named after its article
    prompts.unsaved = [Unsaved.SAVE]
    prompts.save_answers = [None]  # then cancels the file dialog: still not closed
    assert not close_window(window)
    prompts.unsaved = [Unsaved.SAVE]
    prompts.save_answers = [tmp_path / "kept.tlproj"]
    assert close_window(window)
    assert edits.find_event(load_project(tmp_path / "kept.tlproj")[0], "e1").title == "changed"
    controller.push(edits.set_title("e1", "changed again"))
    prompts.unsaved = [Unsaved.DISCARD]
    assert close_window(window)


def test_open_asks_about_unsaved_work_first(
    controller: ProjectController, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    controller.push(edits.set_title("e1", "changed"))
    prompts.unsaved = [Unsaved.CANCEL]
    assert not files.open_project(controller, tmp_path / "whatever.tlproj")
    assert edits.find_event(controller.model, "e1").title == "changed"
    assert prompts.errors == []


def test_recent_menu_lists_projects_newest_first(
    controller: ProjectController, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    for name in ("a", "b", "a"):
        prompts.save_answers.append(tmp_path / f"{name}.tlproj")
        assert files.save_as(controller)
    assert [p.name for p in files.recent_projects(controller)] == ["a.tlproj", "b.tlproj"]
    assert controller.actions is not None and controller.actions.recent_menu is not None
    menu = controller.actions.recent_menu
    files.fill_recent_menu(controller, menu)
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == ["a.tlproj", "b.tlproj", "Clear Menu"]
    menu.actions()[1].trigger()
    assert controller.path == (tmp_path / "b.tlproj").resolve()
    menu.actions()[-1].trigger()
    assert files.recent_projects(controller) == []


def test_project_reopens_with_its_view_and_selection(
    controller: ProjectController, window: FakeMainWindow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    zoomed = Viewport(to_time(date(2025, 8, 1)), to_time(date(2025, 10, 1)))
    window.canvas().set_viewport(zoomed)
    window.set_selection(["e2"])
    path = tmp_path / "view.tlproj"
    assert files.save_to(controller, path)
    _, state = load_project(path)
    assert state["viewport"] == [zoomed.t0, zoomed.t1] and state["selected"] == "e2"
    window.canvas().set_viewport(Viewport(0.0, 1.0e6))
    window.set_selection([])
    assert files.open_project(controller, path)
    assert window.canvas().viewport_range() == zoomed
    assert window.selected_event_ids() == ["e2"]


def test_save_as_suggests_a_file_name_from_the_article_title() -> None:
    assert files.file_stem("What Did Kim and Putin Discuss? / Part 2") == "What Did Kim and Putin Discuss Part 2"
    assert files.file_stem("???") == "Timeline"
    assert len(files.file_stem("x" * 300)) == 80


def test_saving_while_filtered_keeps_every_event(
    controller: ProjectController, window: FakeMainWindow, tmp_path: Path
) -> None:
    controller.push(edits.set_title("e1", "Reviewed"))
    controller.set_unreviewed_only(True)
    assert window.visible_ids() == ["e2", "e3"]
    path = tmp_path / "filtered.tlproj"
    assert files.save_to(controller, path)
    saved, state = load_project(path)
    assert [e.id for e in saved.events] == ["e1", "e2", "e3"]
    assert state["unreviewed_only"] is True
