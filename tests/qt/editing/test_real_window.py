"""The editing layer on the viewer's real main window, as the app builds it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from editing_fakes import ScriptedPrompts, crash_with_unsaved_work
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from timeline_app.core import edits
from timeline_app.io.project import load_project
from timeline_app.qt.app import create_main_window
from timeline_app.qt.editing import ProjectController, files
from timeline_app.qt.editing.event_dialog import EventDialog
from timeline_app.qt.editing.prompts import Recovery, Unsaved
from timeline_app.qt.main_window import MainWindow

SEEDS = sorted((Path(__file__).parents[3] / "seeds").glob("*.txt"))


@pytest.fixture
def real(qtbot: QtBot, tmp_path: Path, prompts: ScriptedPrompts) -> Iterator[tuple[MainWindow, ProjectController]]:
    window = create_main_window([])
    window.show_error_dialogs = False
    controller = window.editing  # type: ignore[attr-defined]  # set by create_main_window
    assert isinstance(controller, ProjectController)
    controller.prompts = prompts
    controller.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    controller.autosave.set_delay(60_000)
    window.resize(1200, 700)
    yield window, controller
    controller.autosave.wait()
    window.close_guard = None
    window.close()
    window.deleteLater()


def load_seeds(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.loading_did_finish, timeout=60_000):
        window.open_paths([str(p) for p in SEEDS])


def test_no_shortcut_is_claimed_twice(real: tuple[MainWindow, ProjectController]) -> None:
    window, _ = real
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text} used by {seen.get(text)!r} and {action.text()!r}"
            seen[text] = action.text()
    assert "Ctrl+Z" in seen and "Ctrl+Shift+Z" in seen and "Ctrl+S" in seen


def test_loading_articles_is_not_unsaved_work_but_editing_is(
    real: tuple[MainWindow, ProjectController], qtbot: QtBot
) -> None:
    window, controller = real
    load_seeds(window, qtbot)
    assert controller.model is window.timeline()
    assert controller.model.events and not controller.modified
    first = controller.model.events[0]
    assert controller.push(edits.set_title(first.id, "Checked by hand"))
    assert window.isWindowModified()
    article = controller.model.documents[0]
    assert controller.name == (article.title or Path(article.path).name)
    assert window.windowTitle() == f"{controller.name}[*] — Timeline"
    assert window.store().position(first.id) >= 0
    assert controller.model.events[0].curated
    controller.undo_stack.undo()
    assert first.title != "Checked by hand" and not first.curated
    assert not window.isWindowModified()


def test_save_reopen_and_close_guard_on_the_real_window(
    real: tuple[MainWindow, ProjectController], qtbot: QtBot, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    window, controller = real
    load_seeds(window, qtbot)
    event_id = controller.model.events[-1].id
    controller.push(edits.set_notes(event_id, "verify with a second source"))
    prompts.unsaved = [Unsaved.CANCEL]
    assert not window.close()
    prompts.save_answers.append(tmp_path / "seed.tlproj")
    assert files.save(controller)
    assert window.windowTitle() == "seed[*] — Timeline" and not window.isWindowModified()
    saved, _ = load_project(tmp_path / "seed.tlproj")
    assert edits.find_event(saved, event_id).notes == "verify with a second source"
    assert files.new_project(controller)
    assert window.timeline().events == []
    assert files.open_project(controller, tmp_path / "seed.tlproj")
    assert edits.find_event(window.timeline(), event_id).curated


def test_double_click_in_the_event_list_opens_edit_event(
    real: tuple[MainWindow, ProjectController], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, controller = real
    load_seeds(window, qtbot)
    opened: list[str] = []

    def record(dialog: EventDialog) -> int:
        opened.append(dialog.title.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(EventDialog, "exec", record)
    table = window.event_list().table
    index = table.model().index(0, 1)
    table.setCurrentIndex(index)
    table.doubleClicked.emit(index)
    selected = window.selected_event_ids()
    assert opened == [edits.find_event(controller.model, selected[0]).title]
    assert controller.undo_stack.count() == 0  # cancelled: nothing changed


def test_recovery_is_offered_after_the_start_up_articles_load(
    qtbot: QtBot, tmp_path: Path, prompts: ScriptedPrompts
) -> None:
    crash_with_unsaved_work(None)
    window = create_main_window([str(p) for p in SEEDS])
    window.show_error_dialogs = False
    controller = window.editing  # type: ignore[attr-defined]  # set by create_main_window
    controller.prompts = prompts
    controller.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    prompts.recoveries = [Recovery.RESTORE]
    try:
        qtbot.waitUntil(lambda: not prompts.recoveries, timeout=60_000)
        assert not window.is_loading()
        titles = [e.title for e in window.timeline().events]
        assert "Typed before the crash" in titles  # restored work is what stays on screen
        assert controller.modified and window.isWindowModified()
        assert controller.undo_stack.count() == 0
    finally:
        controller.autosave.wait()
        window.close_guard = None
        window.close()
        window.deleteLater()


def test_single_event_edits_refresh_only_that_event(
    real: tuple[MainWindow, ProjectController], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, controller = real
    load_seeds(window, qtbot)
    event = window.timeline().events[0]
    store = window.store()

    def full_refresh() -> None:
        raise AssertionError("a one-event edit rebuilt the whole view")

    monkeypatch.setattr(window, "refresh", full_refresh)
    assert controller.push(edits.set_title(event.id, "Renamed by hand"), [event.id])
    assert window.store() is store and store.flags[store.position(event.id)] & 16  # FLAG_CURATED
    model = window.event_list().model
    assert model.index(model.row_of(event.id), 1).data() == "✎ Renamed by hand"
    controller.undo_stack.undo()
    assert model.index(model.row_of(event.id), 1).data() == event.title != "Renamed by hand"


def test_merge_selected_works_on_a_multi_selection(real: tuple[MainWindow, ProjectController], qtbot: QtBot) -> None:
    window, controller = real
    load_seeds(window, qtbot)
    first, second = window.chronological_ids()[2:4]
    window.set_selected_events([first, second])
    assert controller.actions is not None
    merge = controller.actions["merge"]
    assert merge.isEnabled() and merge.text() == "&Merge Selected"
    before = len(window.timeline().events)
    merge.trigger()
    assert len(window.timeline().events) == before - 1
    assert first not in window.chronological_ids() or second not in window.chronological_ids()


def test_show_unreviewed_only_uses_the_window_filter(real: tuple[MainWindow, ProjectController], qtbot: QtBot) -> None:
    window, controller = real
    load_seeds(window, qtbot)
    reviewed = window.chronological_ids()[0]
    controller.push(edits.mark_reviewed([reviewed]), [reviewed])
    assert controller.actions is not None
    controller.actions["unreviewed_only"].trigger()
    assert window.event_filter() is not None
    assert reviewed not in window.chronological_ids() and controller.model is window.timeline()
    assert any(e.id == reviewed for e in window.timeline().events)
    controller.actions["unreviewed_only"].trigger()
    assert window.event_filter() is None and reviewed in window.chronological_ids()


def test_a_project_given_to_open_goes_to_the_project_layer(
    real: tuple[MainWindow, ProjectController], qtbot: QtBot, tmp_path: Path
) -> None:
    window, controller = real
    load_seeds(window, qtbot)
    path = tmp_path / "kept.tlproj"
    assert files.save_to(controller, path)
    window.set_timeline(type(window.timeline())())
    controller.mark_saved(path)
    window.open_paths([str(path)])
    assert controller.path == path.resolve()
    assert len(window.timeline().events) == len(load_project(path)[0].events) > 0


@pytest.mark.parametrize("offer", [True, False])
def test_recovery_is_not_offered_when_only_taking_a_picture(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, offer: bool
) -> None:
    asked: list[ProjectController] = []
    monkeypatch.setattr(files, "offer_recovery", asked.append)
    window = create_main_window([], offer_recovery=offer)
    window.close_guard = None
    qtbot.addWidget(window)
    load_seeds(window, qtbot)
    qtbot.wait(20)
    assert len(asked) == (1 if offer else 0)
