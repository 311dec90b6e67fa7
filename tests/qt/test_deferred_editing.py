"""The editing layer attaches after the first frame without moving anything on the toolbar."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from timeline_app.qt import app as app_module

SEED = Path(__file__).resolve().parents[2] / "seeds"


def _buttons(window: app_module.MainWindow) -> list[tuple[str, int]]:
    bar = window.toolbar()
    return [(a.text().replace("&", ""), bar.actionGeometry(a).x()) for a in bar.actions() if not a.isSeparator()]


def test_editing_attaches_after_the_first_frame_into_the_places_kept_for_it(qtbot: QtBot) -> None:
    window = app_module.create_main_window([str(SEED)], offer_recovery=False, defer_editing=True)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    before = _buttons(window)
    assert [name for name, _ in before][:4] == ["Save", "Undo", "Redo", "Open…"]
    assert not any(a.isEnabled() for a in window.toolbar_slots.values())
    qtbot.waitUntil(lambda: hasattr(window, "editing"), timeout=20_000)
    window.close_guard = None
    qtbot.wait(50)  # the toolbar lays its new buttons out
    after = _buttons(window)
    assert [x for _, x in after] == [x for _, x in before]  # nothing moved
    assert [name for name, _ in after][:3] == ["Save", "Undo", "Redo"]
    toolbar_actions = window.toolbar().actions()
    assert window.editing.actions["undo"] in toolbar_actions  # the real ones, not the places
    assert not any(slot in toolbar_actions for slot in window.toolbar_slots.values())


def test_a_picture_of_the_window_needs_no_editing_layer(qtbot: QtBot) -> None:
    window = app_module.create_main_window([str(SEED)], offer_recovery=False, defer_editing=True, editing=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.wait(100)
    assert not hasattr(window, "editing")
