"""Per-event commands of the viewer: context menus, show source, copy as text, clicking a
sentence in the article, Help ▸ Legend, and counts written with the locale's separators."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QDialog, QMenu
from pytestqt.qtbot import QtBot
from viewer_fixtures import TEXT, make_timeline

from timeline_app.core.model import Timeline
from timeline_app.qt.main_window import MainWindow
from timeline_app.qt.marks_legend import MARKS, MarksLegend
from timeline_app.qt.numbers import format_count


def make_window(qtbot: QtBot, timeline: Timeline) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show_error_dialogs = False
    win.resize(1200, 760)
    win.set_timeline(timeline)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_copy_as_text_quotes_events_in_reading_order(qtbot: QtBot, timeline: Timeline) -> None:
    win = make_window(qtbot, timeline)
    text = win.copy_events_as_text(["talks", "parade"])
    assert QGuiApplication.clipboard().text() == text
    first, second = text.split("\n\n")
    assert first.startswith("3 Sep 2025 — Parade\n“Leaders met at a parade the previous day.”")
    assert "Source: Talks article, written 04 Sep 2025" in first and "Why this date: basis of parade" in first
    assert second.startswith("4 Sep 2025 — Talks held")


def test_the_event_menu_reads_and_shows_the_source(qtbot: QtBot, timeline: Timeline) -> None:
    win = make_window(qtbot, timeline)
    menu = win.event_menu("region")
    names = [a.objectName() for a in menu.actions()]
    assert "showSource" in names and "copyAsText" in names
    assert win.selected_event_ids() == ["region"]
    next(a for a in menu.actions() if a.objectName() == "showSource").trigger()
    view = win.document_view()
    assert view.hasFocus() or QGuiApplication.focusWindow() is None
    start, end = view.highlighted_span() or (0, 0)
    assert TEXT[start:end] == "The region was retaken at some point."


# A popup menu on the offscreen platform: it cannot raise windows or grab the keyboard, and says so.
@pytest.mark.qt_log_ignore(
    "This plugin does not support raise",
    "This plugin does not support grabbing",
    "This plugin does not support propagateSizeHints",
)
def test_right_click_on_the_canvas_opens_the_menu_for_the_event_under_it(qtbot: QtBot, timeline: Timeline) -> None:
    win = make_window(qtbot, timeline)
    canvas = win.canvas()
    frame = canvas.frame()
    i = int(np.flatnonzero(frame.positions == canvas.store().position("talks"))[0])
    point = QPoint(round(frame.xm[i]), round(canvas.geometry_now().marker_y(int(frame.lanes[i]))))
    with qtbot.waitSignal(canvas.context_menu_requested) as blocker:
        canvas.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, canvas.mapToGlobal(point)))
    assert blocker.args[0] == "talks"
    assert win.selected_event_ids() == ["talks"]
    menus = [m for m in win.findChildren(QMenu) if m.objectName() == "eventMenu" and m.isVisible()]
    assert len(menus) == 1
    menus[0].close()


def test_a_click_anywhere_in_an_events_sentence_selects_it(qtbot: QtBot, timeline: Timeline) -> None:
    win = make_window(qtbot, timeline)
    win.select_event("troops")
    view = win.document_view()
    offset = TEXT.index("previous day")  # inside "Leaders met at a parade the previous day.", not a date word
    cursor = QTextCursor(view.document())
    cursor.setPosition(offset + 1)  # the emoji before it is two UTF-16 units
    view.setTextCursor(cursor)
    rect = view.cursorRect(cursor)
    with qtbot.waitSignal(win.selection_did_change) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(2, 0))
    assert blocker.args == ["parade"]


def test_help_legend_draws_every_mark_and_says_what_it_means(qtbot: QtBot, timeline: Timeline) -> None:
    win = make_window(qtbot, timeline)
    dialog = MarksLegend(win.canvas().timeline_style(), win)
    qtbot.addWidget(dialog)
    assert len(dialog.rows) == len(MARKS) >= 15
    background = win.canvas().timeline_style().background
    for picture, words in dialog.rows:
        image = picture.pixmap().toImage()
        painted = {image.pixelColor(x, y).rgb() for x in range(0, image.width(), 2) for y in range(image.height())}
        assert painted - {background.rgb()}, words.text()  # something is drawn
        assert words.text()
    texts = " ".join(w.text() for _, w in dialog.rows)
    for mark in ("hatched", "ongoing", "expected", "selected", "zigzag", "shaded", "ticks", "profile", "pencil"):
        assert mark in texts.lower(), mark
    assert any(a.text().replace("&", "") == "Legend" for a in win.menu("help").actions())
    dialog.done(QDialog.DialogCode.Accepted)


def test_counts_use_the_locale_thousands_separator(qtbot: QtBot) -> None:
    default = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert format_count(100_000) == "100,000"
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        assert format_count(100_000) == "100.000"
        QLocale.setDefault(QLocale.c())
        assert format_count(100_000) == "100,000"  # no locale at all reads like English
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        tl = make_timeline()
        template = tl.events[3]
        from dataclasses import replace

        tl.events = [replace(template, id=f"e{i}", mentions=list(template.mentions)) for i in range(1200)]
        win = make_window(qtbot, tl)
        win.select_event("e5")
        assert win.navigator().position_label.text().endswith(" of 1,200")
    finally:
        QLocale.setDefault(default)
