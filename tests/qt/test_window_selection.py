"""Selecting with the mouse on the canvas (Shift ranges, Ctrl toggles) and the event filter
switched on and off over the existing store arrays."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from timeline_app.core.model import Timeline
from timeline_app.core.store import EventStore
from timeline_app.qt import app as app_module
from timeline_app.qt.editing import attach
from timeline_app.qt.main_window import MainWindow

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, timeline: Timeline) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show_error_dialogs = False
    win.resize(1280, 800)
    win.set_timeline(timeline)
    win.show()
    qtbot.waitExposed(win)
    return win


def _click(qtbot: QtBot, window: MainWindow, event_id: str, modifier: Qt.KeyboardModifier | None = None) -> None:
    x, y = app_module.window_report(window)["markers"][event_id]
    pos = window.canvas().mapFrom(window, QPoint(x, y))
    if modifier is None:
        qtbot.mouseClick(window.canvas(), Qt.MouseButton.LeftButton, pos=pos)
    else:
        qtbot.mouseClick(window.canvas(), Qt.MouseButton.LeftButton, modifier, pos)


def test_shift_click_selects_the_chronological_range(window: MainWindow, qtbot: QtBot) -> None:
    assert window.chronological_ids() == ["troops", "region", "parade", "talks", "visit"]
    _click(qtbot, window, "troops")
    with qtbot.waitSignal(window.selection_did_change):
        _click(qtbot, window, "talks", SHIFT)
    # The clicked event becomes the current one; the rest of the range follows in time order.
    assert window.selected_event_ids() == ["talks", "troops", "region", "parade"]
    assert window.canvas().selected() == "talks"
    assert set(window.canvas().also_selected()) == {"troops", "region", "parade"}
    assert sorted(window.event_list().selected_ids()) == ["parade", "region", "talks", "troops"]
    # A second Shift-click moves the far end of the same range (the anchor stays).
    _click(qtbot, window, "parade", SHIFT)
    assert window.selected_event_ids() == ["parade", "troops", "region"]
    # Backwards from a new anchor.
    _click(qtbot, window, "visit")
    _click(qtbot, window, "parade", SHIFT)
    assert window.selected_event_ids() == ["parade", "talks", "visit"]


def test_ctrl_click_toggles_one_event_and_shift_ranges_from_it(window: MainWindow, qtbot: QtBot) -> None:
    _click(qtbot, window, "troops")
    _click(qtbot, window, "visit", CTRL)
    assert window.selected_event_ids() == ["visit", "troops"]
    _click(qtbot, window, "troops", CTRL)
    assert window.selected_event_ids() == ["visit"]
    # The range starts at the event Ctrl-clicked last.
    _click(qtbot, window, "talks", CTRL)
    _click(qtbot, window, "parade", SHIFT)
    assert window.selected_event_ids() == ["parade", "talks"]


def test_shift_click_without_a_selection_selects_one(window: MainWindow, qtbot: QtBot) -> None:
    window.select_event("")
    _click(qtbot, window, "parade", SHIFT)
    assert window.selected_event_ids() == ["parade"]


def test_filter_toggles_by_mask_without_rebuilding_the_store(
    window: MainWindow, timeline: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = window.store()
    next(e for e in timeline.events if e.id == "parade").curated = True
    window.select_event("talks")

    def no_rebuild(_tl: Timeline) -> EventStore:
        raise AssertionError("the store was rebuilt from the event objects")

    monkeypatch.setattr(EventStore, "from_timeline", no_rebuild)
    window.set_event_filter(lambda e: not e.curated)
    assert window.chronological_ids() == ["troops", "region", "talks", "visit"]
    assert window.event_list().proxy.rowCount() == 4
    assert window.shown_timeline().events[window.store().source_index[2]].id == "talks"
    assert window.selected_event_ids() == ["talks"]
    window.set_event_filter(None)
    assert window.store() is whole
    assert window.chronological_ids() == ["troops", "region", "parade", "talks", "visit"]
    assert window.shown_timeline() is window.timeline()


def test_unreviewed_only_shows_the_same_as_a_fresh_store(window: MainWindow, timeline: Timeline) -> None:
    controller = attach(window, offer_recovery=False, autosave_ms=3_600_000)
    for event in timeline.events:
        event.curated = event.id in {"region", "visit"}
    window.refresh()
    controller.set_unreviewed_only(True)
    fresh = EventStore.from_timeline(window.shown_timeline())
    assert window.store().ids == fresh.ids == ["troops", "parade", "talks"]
    assert np.array_equal(window.store().start, fresh.start)
    assert np.array_equal(window.store().source_index, fresh.source_index)
    controller.set_unreviewed_only(False)
    assert len(window.chronological_ids()) == 5
    window.close_guard = None
