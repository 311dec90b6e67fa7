"""Editing from the timeline itself: dragging events, right-click menus, the uncertain-date banner."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from editing_fakes import ScriptedPrompts
from PySide6.QtCore import QPoint, QSettings, Qt
from pytestqt.qtbot import QtBot

from timeline_app.core.curation import is_hand_set
from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline
from timeline_app.qt.app import create_main_window
from timeline_app.qt.editing import ProjectController
from timeline_app.qt.main_window import MainWindow

# The offscreen platform says this for every shown top-level window; it is not a problem here.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def sample() -> Timeline:
    text = "Talks were held on Thursday. A truce lasted from Monday to Friday."
    doc = Document("d", "/tmp/talks.txt", text, title="Talks", reference_date=date(2025, 9, 5))
    return Timeline(
        [doc],
        [
            Event(
                "talks",
                "Talks held",
                "Talks were held on Thursday.",
                FuzzyDate.point(DatePoint.day(date(2025, 9, 4))),
                date_basis="Thursday before the reference date",
                mentions=[Mention("d", 0, 28, "Talks were held on Thursday.")],
            ),
            Event(
                "truce",
                "Truce",
                "A truce lasted from Monday to Friday.",
                FuzzyDate.interval(DatePoint.day(date(2025, 9, 1)), DatePoint.day(date(2025, 9, 5))),
                mentions=[Mention("d", 29, 66, "A truce lasted from Monday to Friday.")],
            ),
        ],
    )


@pytest.fixture
def real(qtbot: QtBot, tmp_path: Path, prompts: ScriptedPrompts) -> Iterator[tuple[MainWindow, ProjectController]]:
    window = create_main_window([], offer_recovery=False)
    window.show_error_dialogs = False
    controller = window.editing  # type: ignore[attr-defined]  # set by create_main_window
    assert isinstance(controller, ProjectController)
    controller.prompts = prompts
    controller.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    controller.autosave.set_delay(60_000)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    controller.replace_project(sample(), None)
    yield window, controller
    controller.autosave.wait()
    window.close_guard = None
    window.close()
    window.deleteLater()


def _marker(window: MainWindow, event_id: str) -> QPoint:
    canvas = window.canvas()
    frame = canvas.frame()
    i = int(np.flatnonzero(frame.positions == canvas.store().position(event_id))[0])
    return QPoint(round(frame.xm[i]), round(canvas.geometry_now().marker_y(int(frame.lanes[i]))))


def _drag(qtbot: QtBot, window: MainWindow, start: QPoint, dx: int) -> None:
    canvas = window.canvas()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(canvas, QPoint(start.x() + dx * step // 5, start.y()))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(start.x() + dx, start.y()))


def test_dragging_an_event_moves_its_date_by_hand_and_undo_takes_it_back(
    real: tuple[MainWindow, ProjectController], qtbot: QtBot
) -> None:
    window, controller = real
    canvas = window.canvas()
    canvas.set_compressed_axis(False)
    vp = canvas.viewport_range()
    day_px = canvas.width() / vp.span
    _drag(qtbot, window, _marker(window, "talks"), round(2 * day_px))
    talks = next(e for e in controller.model.events if e.id == "talks")
    assert talks.date.edtf == "2025-09-06"
    assert is_hand_set(talks.date_basis) and talks.curated
    window.select_event("talks")
    detail = window.detail().toPlainText()
    assert "set by hand" in detail and "set by hand: stated to the day" in detail
    assert controller.undo_stack.undoText() == "Move event"
    controller.undo_stack.undo()
    assert talks.date.edtf == "2025-09-04" and talks.date_basis == "Thursday before the reference date"
    assert "set by hand" not in window.detail().toPlainText()


def test_dragging_the_end_of_a_period_changes_only_that_end(
    real: tuple[MainWindow, ProjectController], qtbot: QtBot
) -> None:
    window, controller = real
    canvas = window.canvas()
    canvas.set_compressed_axis(False)
    frame = canvas.frame()
    i = int(np.flatnonzero(frame.positions == canvas.store().position("truce"))[0])
    y = round(canvas.geometry_now().marker_y(int(frame.lanes[i])))
    day_px = canvas.width() / canvas.viewport_range().span
    _drag(qtbot, window, QPoint(round(frame.x1[i]) - 2, y), round(3 * day_px))
    truce = next(e for e in controller.model.events if e.id == "truce")
    assert truce.date.edtf == "2025-09-01/2025-09-08"
    assert controller.undo_stack.undoText() == "Change end"


def test_a_small_press_on_an_event_still_just_selects_it(
    real: tuple[MainWindow, ProjectController], qtbot: QtBot
) -> None:
    window, controller = real
    point = _marker(window, "talks")
    _drag(qtbot, window, point, 2)
    assert window.selected_event_ids() == ["talks"]
    assert controller.undo_stack.count() == 0


def test_right_click_menus_offer_editing_and_reading(real: tuple[MainWindow, ProjectController]) -> None:
    window, _ = real
    menu = window.event_menu("truce")
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert window.selected_event_ids() == ["truce"]
    for wanted in ("Show Source", "Copy as Text", "Zoom to Event", "Edit Event…", "Delete", "Merge With…"):
        assert wanted in texts, texts
    assert all(a.isEnabled() for a in menu.actions() if a.text().replace("&", "") in ("Edit Event…", "Delete"))


def test_the_banner_offers_to_set_a_doubtful_date(
    real: tuple[MainWindow, ProjectController], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, controller = real
    banner = window.reference_banner()
    assert banner.isHidden()
    tl = sample()
    tl.documents[0].reference_date_weak = True
    tl.documents[0].reference_date_basis = "file modification time (no date in the text)"
    controller.replace_project(tl, None)
    assert banner.isVisible()
    assert "uncertain" in banner.text.text() and "file modification time" in banner.text.text()
    asked: list[str] = []
    from timeline_app.qt.editing import extraction_actions

    monkeypatch.setattr(
        extraction_actions, "change_reference_date", lambda c, preferred="": asked.append(preferred) or True
    )
    banner.button.click()
    assert asked == ["d"]
    banner.close_button.click()
    assert banner.isHidden()
    controller.replace_project(sample(), None)
    assert banner.isHidden()
