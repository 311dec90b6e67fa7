"""The main window drives the real widgets: select, step, zoom, filter, sync list and text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QTextCursor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from viewer_fixtures import SEED, TEXT, make_timeline

from timeline_app.core.model import Timeline
from timeline_app.qt.event_list import ID_ROLE
from timeline_app.qt.main_window import MENU_NAMES, MainWindow


@pytest.fixture
def window(qtbot: QtBot, timeline: Timeline) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show_error_dialogs = False
    win.resize(1280, 800)
    win.set_timeline(timeline)
    with qtbot.waitActive(win):  # window shortcuts (arrows, Home/End) need the active window
        win.show()
        win.activateWindow()
    win.canvas().setFocus()
    return win


def test_contract_surface(window: MainWindow) -> None:
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Go", "Help"]
    assert [window.menu(n).title().replace("&", "") for n in MENU_NAMES] == titles
    assert window.toolbar().actions()
    assert window.canvas().objectName() == "timelineCanvas"
    for name in (
        "timelineCanvas",
        "eventDetail",
        "documentView",
        "eventList",
        "searchField",
        "prevEventButton",
        "nextEventButton",
    ):
        widget = window.findChild(object, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    window.set_document_title("Seed", True)
    assert window.windowTitle() == "Seed[*] — Timeline" and window.isWindowModified()


def test_arrow_keys_step_through_events_in_order(window: MainWindow, qtbot: QtBot) -> None:
    assert window.chronological_ids() == ["troops", "region", "parade", "talks", "visit"]
    seen = []
    with qtbot.waitSignal(window.selection_did_change):
        qtbot.keyClick(window.canvas(), Qt.Key.Key_Right)
    seen.append(window.selected_event_ids()[0])
    for _ in range(4):
        qtbot.keyClick(window.canvas(), Qt.Key.Key_Right)
        seen.append(window.selected_event_ids()[0])
    assert seen == ["troops", "region", "parade", "talks", "visit"]
    assert window.navigator().position_label.text() == "5 of 5"
    assert not window.navigator().next_button.isEnabled()
    qtbot.keyClick(window.canvas(), Qt.Key.Key_Left)
    qtbot.keyClick(window.canvas(), Qt.Key.Key_Left)
    assert window.selected_event_ids() == ["parade"]
    nav = window.navigator()
    assert nav.position_label.text() == "3 of 5"
    assert "Region retaken" in nav.prev_button.text() and "between Oct 2024 and 3 Sep 2025" in nav.prev_button.text()
    assert "Talks held" in nav.next_button.text() and "4 Sep 2025" in nav.next_button.text()
    qtbot.keyClick(window.canvas(), Qt.Key.Key_Home)
    assert window.selected_event_ids() == ["troops"]
    qtbot.keyClick(window.canvas(), Qt.Key.Key_End)
    assert window.selected_event_ids() == ["visit"]


def test_buttons_step_too(window: MainWindow, qtbot: QtBot) -> None:
    window.select_event("parade")
    qtbot.mouseClick(window.navigator().next_button, Qt.MouseButton.LeftButton)
    assert window.selected_event_ids() == ["talks"]
    qtbot.mouseClick(window.navigator().prev_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.navigator().prev_button, Qt.MouseButton.LeftButton)
    assert window.selected_event_ids() == ["region"]


def test_detail_shows_date_words_certainty_basis_and_source(window: MainWindow) -> None:
    window.select_event("region")
    text = window.detail().toPlainText()
    assert "Region retaken" in text
    assert "between Oct 2024 and 3 Sep 2025 — date not stated" in text
    assert "uncertain" in text
    assert "basis of region" in text
    assert "Talks article" in text
    window.select_event("troops")
    assert "Oct 2024 (month)" in window.detail().toPlainText()
    window.select_event("talks")
    text = window.detail().toPlainText()
    assert "Leaders" in text and "Seoul" in text


def test_document_pane_highlights_the_sentence_after_an_emoji(window: MainWindow) -> None:
    window.select_event("parade")
    view = window.document_view()
    sentence = "Leaders met at a parade the previous day."
    start = TEXT.index(sentence)
    assert view.highlighted_span() == (start, start + len(sentence))
    selections = view.extraSelections()
    highlight = selections[0].cursor
    # Qt counts the emoji before the sentence as two units; the highlighted text must still match.
    assert highlight.selectedText() == sentence


def test_clicking_a_date_expression_selects_its_event(window: MainWindow, qtbot: QtBot) -> None:
    window.select_event("troops")
    view = window.document_view()
    offset = TEXT.index("the previous day") + 4
    cursor = QTextCursor(view.document())
    cursor.setPosition(offset + 1)  # +1: the emoji before it is two UTF-16 units
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    with qtbot.waitSignal(window.selection_did_change) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x(), rect.center().y()))
    assert blocker.args == ["parade"]


def test_list_selection_syncs_both_ways(window: MainWindow, qtbot: QtBot) -> None:
    table = window.event_list().table
    window.select_event("talks")
    assert table.currentIndex().data(ID_ROLE) == "talks"
    index = window.event_list().proxy.index(1, 1)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selected_event_ids() == ["region"]
    assert window.canvas().selected() == "region"


def test_search_filters_the_list(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.event_list().search
    assert search.hasFocus()
    qtbot.keyClicks(search, "parade")
    assert window.event_list().visible_ids() == ["parade"]
    search.clear()
    qtbot.keyClicks(search, "2025")
    assert set(window.event_list().visible_ids()) == {"region", "parade", "talks"}
    search.clear()
    assert window.event_list().proxy.rowCount() == 5


def test_sorting_by_title_then_back_to_date(window: MainWindow) -> None:
    table = window.event_list().table
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert window.event_list().visible_ids()[0] == "parade"
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert window.event_list().visible_ids() == ["visit", "talks", "parade", "region", "troops"]


def test_zoom_actions_and_fit(window: MainWindow) -> None:
    canvas = window.canvas()
    span = canvas.viewport_range().span
    window.act_zoom_in.trigger()
    assert canvas.viewport_range().span == pytest.approx(span / 1.5)
    window.act_zoom_out.trigger()
    window.act_zoom_out.trigger()
    assert canvas.viewport_range().span > span
    window.act_fit.trigger()
    assert canvas.viewport_range().span == pytest.approx(span)


def test_stepping_scrolls_the_canvas_to_the_selection(window: MainWindow, qtbot: QtBot) -> None:
    window.select_event("troops")
    window.canvas().zoom_to_event("troops")
    qtbot.keyClick(window.canvas(), Qt.Key.Key_End)
    vp = window.canvas().viewport_range()
    store = window.store()
    assert vp.t0 <= store.marker_time(store.position("visit")) <= vp.t1


def test_overview_click_moves_the_view(window: MainWindow, qtbot: QtBot) -> None:
    window.canvas().zoom(8.0)
    overview = window.overview()
    full = overview.full_range()
    assert full is not None
    target = float(full.to_time(5.0, overview.width()))
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=QPoint(5, overview.height() // 2))
    assert window.canvas().viewport_range().center == pytest.approx(target, abs=1.0)


def test_set_timeline_keeps_surviving_selection_and_refresh_emits(window: MainWindow, qtbot: QtBot) -> None:
    window.select_event("talks")
    fresh = make_timeline()
    fresh.events = [e for e in fresh.events if e.id != "visit"]
    with qtbot.waitSignal(window.events_did_change):
        window.set_timeline(fresh)
    assert window.selected_event_ids() == ["talks"]
    assert window.navigator().position_label.text() == "4 of 4"
    window.timeline().events[3].title = "Talks renamed"
    with qtbot.waitSignal(window.events_did_change):
        window.refresh()
    assert "Talks renamed" in window.detail().toPlainText()
    with qtbot.waitSignal(window.selection_did_change) as blocker:
        window.set_timeline(Timeline(fresh.documents, fresh.events[:2]))
    assert blocker.args == [""]


def test_close_guard_can_cancel(window: MainWindow) -> None:
    window.close_guard = lambda: False
    assert not window.close()
    assert window.isVisible()
    window.close_guard = lambda: True
    assert window.close()


def test_go_to_date(window: MainWindow) -> None:
    assert window.go_to_date("2025-09-04")
    assert window.selected_event_ids() == ["talks"]
    assert window.go_to_date("Oct 2024")
    assert window.selected_event_ids() == ["troops"]
    assert not window.go_to_date("not a date at all")


def test_loading_reports_the_bad_file_and_loads_the_rest(qtbot: QtBot, tmp_path: Path) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    missing = tmp_path / "missing-article.txt"
    with qtbot.waitSignal(win.loading_did_finish, timeout=20_000):
        win.open_paths([str(SEED), str(missing)])
    assert len(win.timeline().documents) == 1
    assert len(win.timeline().events) >= 4
    assert any("missing-article.txt" in line for line in win.load_errors)
    box = win.findChild(QMessageBox, "loadErrors")
    assert box is not None and "missing-article.txt" in box.text()
    box.close()
    assert win.windowTitle().startswith(win.timeline().documents[0].title)
    assert win.selected_event_ids() == [win.chronological_ids()[0]]


def test_seed_chronology_reads_in_order(qtbot: QtBot) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    with qtbot.waitSignal(win.loading_did_finish, timeout=20_000):
        win.open_paths([str(SEED)])
    descriptions = [
        next(e for e in win.timeline().events if e.id == i).date.describe() for i in win.chronological_ids()
    ]
    # Oct 2024 deployment → the undated-but-bounded event → 3 Sep 2025 → 4 Sep 2025.
    wanted = ["Oct 2024 (month)", "between Oct 2024 and 3 Sep 2025 — date not stated", "3 Sep 2025", "4 Sep 2025"]
    positions = [descriptions.index(text) for text in wanted]
    assert positions == sorted(positions)
    frame = win.canvas().frame()
    assert not frame.dense
    # When lanes run short, the most central events keep their labels: the seed's seven at least.
    store = win.canvas().store()
    labelled = {store.ids[p] for p, lane in zip(frame.positions, frame.lanes, strict=True) if lane >= 0}
    central = sorted(win.timeline().events, key=lambda e: -e.salience)[:7]
    assert {e.id for e in central} <= labelled, [e.title for e in central if e.id not in labelled]


def test_dropping_files_adds_them(window: MainWindow, qtbot: QtBot) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEED))])
    drop = QDropEvent(
        QPointF(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(window.loading_did_finish, timeout=20_000):
        window.dropEvent(drop)
    assert len(window.timeline().documents) == 2
    assert len(window.timeline().events) > 5
    assert window.selected_event_ids() == [] or window.selected_event_ids()[0] in window.chronological_ids()


def test_edited_events_are_marked(window: MainWindow) -> None:
    window.timeline().events[2].curated = True
    window.refresh()
    window.select_event("parade")
    assert "Edited" in window.detail().toPlainText()
    model = window.event_list().model
    assert model.index(model.row_of("parade"), 1).data().startswith("✎ ")
    assert not model.index(model.row_of("talks"), 1).data().startswith("✎ ")


def test_typing_in_the_search_field_is_not_taken_by_single_key_shortcuts(window: MainWindow, qtbot: QtBot) -> None:
    window.canvas().zoom(4.0)
    span = window.canvas().viewport_range().span
    window.select_event("parade")
    search = window.event_list().search
    search.setFocus()
    qtbot.keyClicks(search, "fz")
    qtbot.keyClick(search, Qt.Key.Key_Left)
    qtbot.keyClick(search, Qt.Key.Key_Home)
    assert search.text() == "fz" and search.cursorPosition() == 0
    assert window.canvas().viewport_range().span == pytest.approx(span)  # neither "fit" nor "zoom to event"
    assert window.selected_event_ids() == ["parade"]  # arrows and Home moved the text cursor only


def test_keyboard_alone_reaches_every_pane(window: MainWindow, qtbot: QtBot) -> None:
    names = []
    window.select_event("parade")  # both neighbours exist, so both buttons take focus
    window.canvas().setFocus()
    for _ in range(7):
        names.append(window.focusWidget().objectName())
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert names[:7] == [
        "timelineCanvas",
        "prevEventButton",
        "nextEventButton",
        "searchField",
        "eventList",
        "eventDetail",
        "documentView",
    ]
    window.select_event("talks")
    assert "Talks held" in window.canvas().accessibleDescription()


def test_filtering_keeps_the_selection(window: MainWindow, qtbot: QtBot) -> None:
    window.select_event("talks")
    qtbot.keyClicks(window.event_list().search, "parade")
    assert window.selected_event_ids() == ["talks"]
    window.event_list().search.clear()
    assert window.selected_event_ids() == ["talks"]
    assert window.event_list().table.currentIndex().data(ID_ROLE) == "talks"


def test_several_documents_get_their_own_colours_in_canvas_and_list(window: MainWindow) -> None:
    second = make_timeline()
    merged = Timeline(list(window.timeline().documents), list(window.timeline().events))
    second.documents[0].id = "doc2"
    for event in second.events:
        event.id += "-b"
        event.mentions[0].document = "doc2"
    merged.documents += second.documents
    merged.events += second.events
    window.set_timeline(merged)
    store = window.store()
    assert store.doc[store.position("talks")] == 0 and store.doc[store.position("talks-b")] == 1
    model = window.event_list().model
    first = model.view_index(model.row_of("talks"), 1).data(Qt.ItemDataRole.DecorationRole)
    other = model.view_index(model.row_of("talks-b"), 1).data(Qt.ItemDataRole.DecorationRole)
    style = window.canvas().timeline_style()
    assert first == style.ink(0).color and other == style.ink(1).color


def test_empty_and_single_event_timelines_paint_and_step_safely(qtbot: QtBot) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(900, 600)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    win.canvas().setFocus()
    win.grab()
    qtbot.keyClick(win.canvas(), Qt.Key.Key_Right)
    assert win.selected_event_ids() == []
    assert win.navigator().position_label.text() == "no events"
    one = make_timeline()
    one.events = [one.events[3]]
    win.set_timeline(one)
    win.grab()
    qtbot.keyClick(win.canvas(), Qt.Key.Key_Right)
    qtbot.keyClick(win.canvas(), Qt.Key.Key_Right)
    assert win.selected_event_ids() == ["talks"]
    assert win.navigator().position_label.text() == "1 of 1"
    vp = win.canvas().viewport_range()
    assert vp.t0 < win.store().marker_time(0) < vp.t1


def test_far_past_and_coarse_dates(qtbot: QtBot) -> None:
    from datetime import date as _date

    from timeline_app.core.model import DateKind, DatePoint, FuzzyDate, Precision

    tl = make_timeline()
    tl.events[0].date = FuzzyDate(DateKind.POINT, DatePoint(_date(1, 1, 1), _date(99, 12, 31), Precision.CENTURY))
    tl.events[1].date = FuzzyDate.from_edtf("199X")
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(900, 600)
    win.set_timeline(tl)
    win.grab()
    vp = win.canvas().viewport_range()
    assert vp.t0 <= 1.0 and vp.t1 > _date(2026, 1, 1).toordinal()
    win.select_event("troops")
    win.canvas().zoom_to_event("troops")
    win.grab()


def test_a_restored_window_has_its_dock_tabs_and_no_stray_tab_bar(qtbot, timeline) -> None:
    """Restoring a saved window state once left an empty tab group's bar over the menu bar."""
    from PySide6.QtWidgets import QTabBar

    def visible_bars(window: MainWindow) -> list[tuple[int, list[str]]]:
        bars = [b for b in window.findChildren(QTabBar) if b.isVisible() and b.geometry().bottom() >= 0]
        return [(b.geometry().top(), [b.tabText(i) for i in range(b.count())]) for b in bars]

    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(1000, 700)
    first.show()
    first.act_entities.trigger()
    first.act_conflicts.trigger()  # shown as a tab beside the other
    qtbot.waitUntil(lambda: any("Conflicts" in tabs for _top, tabs in visible_bars(first)))
    first.save_settings()
    second = MainWindow()
    qtbot.addWidget(second)
    second.resize(1000, 700)
    second.show()
    qtbot.waitExposed(second)
    bars = visible_bars(second)
    assert len(bars) == 1, bars
    top, tabs = bars[0]
    assert top > second.menuBar().geometry().bottom()  # below the menu bar, not over it
    assert "Conflicts" in tabs and "Actors and Places" in tabs
