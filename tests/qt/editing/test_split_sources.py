"""Edit ▸ Split Sources on the viewer's real window: one event per article again, undone and redone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from editing_fakes import ScriptedPrompts
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from viewer_fixtures import make_story_timeline

from timeline_app.qt.app import create_main_window
from timeline_app.qt.editing import ProjectController
from timeline_app.qt.main_window import MainWindow

# The offscreen platform says this for every shown window; it is no problem of the code under test.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def real(qtbot: QtBot, tmp_path: Path, prompts: ScriptedPrompts) -> Iterator[tuple[MainWindow, ProjectController]]:
    window = create_main_window([])
    window.show_error_dialogs = False
    controller = window.editing  # type: ignore[attr-defined]  # set by create_main_window
    controller.prompts = prompts
    controller.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    controller.autosave.set_delay(60_000)
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    window.set_timeline(make_story_timeline())
    yield window, controller
    controller.autosave.wait()
    window.close_guard = None
    window.close()
    window.deleteLater()


def test_split_sources_is_offered_only_for_events_several_articles_tell(
    real: tuple[MainWindow, ProjectController],
) -> None:
    window, controller = real
    action = controller.actions["split_sources"]  # type: ignore[index]
    assert action in window.menu("edit").actions()
    window.select_event("a380")
    assert not action.isEnabled()
    window.select_event("charity")
    assert action.isEnabled()
    menu = window.event_menu("charity")
    assert "Split Sources" in [a.text().replace("&", "") for a in menu.actions()]


def test_split_sources_then_undo_and_redo(real: tuple[MainWindow, ProjectController], qtbot: QtBot) -> None:
    window, controller = real
    window.select_event("charity")
    window.canvas().setFocus()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.canvas(), Qt.Key.Key_M, ctrl_shift)
    parts = [e for e in window.timeline().events if e.title == "A charity flight was made"]
    assert len(parts) == 2
    by_doc = {e.document: e for e in parts}
    assert by_doc["c"].date.edtf == "2007-10-25" and by_doc["d"].date.edtf == "2008-01"
    assert all(not e.conflict and len(e.sources) == 1 for e in parts)
    assert set(window.selected_event_ids()) == {e.id for e in parts}
    assert controller.modified
    assert "Undo joins them again" in window.statusBar().currentMessage()
    # Each part is drawn alone: no badge, no conflict outline.
    assert all(window.event_list().model.index(r, 2).data() in ("1", "3") for r in range(6))
    controller.actions["undo"].trigger()  # type: ignore[index]
    charity = [e for e in window.timeline().events if e.title == "A charity flight was made"]
    assert len(charity) == 1 and len(charity[0].sources) == 2 and charity[0].conflict
    assert window.selected_event_ids() == ["charity"]
    controller.actions["redo"].trigger()  # type: ignore[index]
    assert len([e for e in window.timeline().events if e.title == "A charity flight was made"]) == 2


def test_splitting_updates_the_conflicts_view(real: tuple[MainWindow, ProjectController]) -> None:
    window, controller = real
    window.act_conflicts.trigger()
    assert window._conflicts_panel.ids() == ["charity"]
    window.select_event("charity")
    controller.actions["split_sources"].trigger()  # type: ignore[index]
    assert window._conflicts_panel.ids() == []
    assert window._conflicts_dock.windowTitle() == "Conflicts"
    controller.actions["undo"].trigger()  # type: ignore[index]
    assert window._conflicts_panel.ids() == ["charity"]
