"""What the editing layer asks of the window: several selected events, partial refresh,
a native event filter, view state, curated marks, colours and groups, one File menu."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from timeline_app.core.model import DatePoint, Event, FuzzyDate, Status, Timeline
from timeline_app.core.store import EventStore
from timeline_app.core.viewport import Viewport, to_time
from timeline_app.qt import app as app_module
from timeline_app.qt.canvas_painter import CanvasGeometry, label_cache, paint_timeline, wrap_title
from timeline_app.qt.event_list import MiddleElided
from timeline_app.qt.main_window import MainWindow
from timeline_app.qt.style import TimelineStyle


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


def _marker(window: MainWindow, event_id: str) -> QPoint:
    report = app_module.window_report(window)
    x, y = report["markers"][event_id]
    return window.canvas().mapFrom(window, QPoint(x, y))


def _event(tl: Timeline, event_id: str) -> Event:
    return next(e for e in tl.events if e.id == event_id)


# selection ------------------------------------------------------------------------


def test_ctrl_click_on_the_canvas_selects_several_and_toggles(window: MainWindow, qtbot: QtBot) -> None:
    canvas = window.canvas()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=_marker(window, "parade"))
    assert window.selected_event_ids() == ["parade"]
    with qtbot.waitSignal(window.selection_did_change):
        qtbot.mouseClick(
            canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, _marker(window, "talks")
        )
    assert window.selected_event_ids() == ["talks", "parade"]
    assert canvas.also_selected() == ("parade",)
    list_ids = window.event_list().selected_ids()
    assert sorted(list_ids) == ["parade", "talks"] and list_ids[0] == "talks"
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, _marker(window, "talks"))
    assert window.selected_event_ids() == ["parade"]
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=_marker(window, "talks"))
    assert window.selected_event_ids() == ["talks"] and canvas.also_selected() == ()


def test_extended_selection_in_the_list_reaches_the_window(window: MainWindow) -> None:
    table = window.event_list().table
    model = window.event_list().model
    window.select_event("troops")
    index = model.view_index(model.row_of("talks"))
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().setCurrentIndex(index, flags)
    assert window.selected_event_ids() == ["talks", "troops"]
    assert window.canvas().selected() == "talks" and window.canvas().also_selected() == ("troops",)


def test_several_selected_events_are_ringed_on_the_canvas(window: MainWindow) -> None:
    canvas = window.canvas()
    window.select_event("talks")
    before = canvas.grab().toImage()
    window.set_selected_events(["talks", "parade"])
    after = canvas.grab().toImage()
    highlight = canvas.timeline_style().highlight
    p = _marker(window, "parade")
    ring = [QPoint(p.x() + dx, p.y() + dy) for dx in range(-10, 11) for dy in range(-10, 11)]
    assert _count(after, ring, highlight) > _count(before, ring, highlight) + 5


def _count(image: QImage, points: list[QPoint], color: QColor, tol: int = 60) -> int:
    def near(c: QColor) -> bool:
        return abs(c.red() - color.red()) + abs(c.green() - color.green()) + abs(c.blue() - color.blue()) <= tol

    return sum(near(image.pixelColor(p)) for p in points if image.rect().contains(p))


# refresh, filter and view state ---------------------------------------------------


def test_refresh_events_rereads_one_edit_without_rebuilding(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = window.store()
    window.canvas().grab()
    _event(window.timeline(), "talks").title = "Talks held in the capital"

    def no_rebuild(_tl: Timeline) -> EventStore:
        raise AssertionError("the whole store was rebuilt")

    monkeypatch.setattr(EventStore, "from_timeline", no_rebuild)
    with qtbot.waitSignal(window.events_did_change):
        window.refresh_events(["talks"])
    assert window.store() is store
    model = window.event_list().model
    assert model.index(model.row_of("talks"), 1).data() == "Talks held in the capital"
    window.canvas().grab()
    labels = label_cache(store, window.canvas().timeline_style())
    assert labels.titles[store.position("talks")] == "Talks held in the capital"
    # A moved date re-sorts the arrays, still without a pass over every event object.
    _event(window.timeline(), "talks").date = FuzzyDate.point(DatePoint.day(date(2024, 1, 5)))
    window.refresh_events(["talks"])
    assert window.chronological_ids()[0] == "talks"
    assert window.store().start[0] == to_time(date(2024, 1, 5))


def test_native_event_filter_hides_events_but_keeps_the_timeline(window: MainWindow) -> None:
    window.select_event("talks")
    _event(window.timeline(), "parade").curated = True
    window.set_event_filter(lambda e: not e.curated)
    assert len(window.timeline().events) == 5
    assert "parade" not in window.chronological_ids() and len(window.chronological_ids()) == 4
    assert window.event_list().proxy.rowCount() == 4
    assert window.selected_event_ids() == ["talks"]
    # An edit that makes an event fail the filter takes it off screen.
    _event(window.timeline(), "talks").curated = True
    window.refresh_events(["talks"])
    assert "talks" not in window.chronological_ids() and window.selected_event_ids() == []
    window.set_event_filter(None)
    assert len(window.chronological_ids()) == 5 and window.event_filter() is None


def test_view_state_round_trip(window: MainWindow) -> None:
    window.set_selected_events(["parade", "troops"])
    zoomed = Viewport(to_time(date(2025, 8, 1)), to_time(date(2025, 10, 1)))
    window.canvas().set_viewport(zoomed)
    window.event_list().search.setText("a")
    state = window.view_state()
    window.select_event("")
    window.canvas().fit_all()
    window.event_list().search.clear()
    window.apply_view_state(state)
    assert window.selected_event_ids() == ["parade", "troops"]
    assert window.canvas().viewport_range() == zoomed
    assert window.event_list().search.text() == "a"
    window.apply_view_state({"viewport": ["x", None], "selection": "not a list"})  # damaged: ignored
    assert window.canvas().viewport_range() == zoomed


# what the canvas shows ------------------------------------------------------------


def _render(tl: Timeline, selected: str | None = None, size: tuple[int, int] = (1000, 400)) -> QImage:
    image = QImage(*size, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    style = TimelineStyle.from_palette(
        app_module.ensure_application().palette(), app_module.ensure_application().font()
    )
    store = EventStore.from_timeline(tl)
    bounds = store.bounds()
    assert bounds is not None
    viewport = Viewport.fit(bounds[0], bounds[1], 0.02, size[0], 24.0, 320.0)
    paint_timeline(painter, QRectF(0, 0, *size), store, viewport, selected, style)
    painter.end()
    return image


def test_curated_events_carry_a_pen_mark(timeline: Timeline, qtbot: QtBot) -> None:
    style = TimelineStyle.from_palette(
        app_module.ensure_application().palette(), app_module.ensure_application().font()
    )
    everywhere = [QPoint(x, y) for x in range(0, 1000, 2) for y in range(0, 400, 2)]
    plain = _count(_render(timeline), everywhere, style.highlight, 30)
    _event(timeline, "parade").curated = True
    marked = _count(_render(timeline), everywhere, style.highlight, 30)
    assert marked > plain + 3


def test_event_colour_and_group_are_shown(timeline: Timeline, qtbot: QtBot) -> None:
    _event(timeline, "parade").color = "#ff0000"
    _event(timeline, "parade").group = "Diplomacy"
    image = _render(timeline)
    style = TimelineStyle.from_palette(
        app_module.ensure_application().palette(), app_module.ensure_application().font()
    )
    store = EventStore.from_timeline(timeline)
    labels = label_cache(store, style)
    pos = store.position("parade")
    labels.ensure(store.visible(-1e9, 1e9))
    assert labels.dates[pos] == "Diplomacy · 3 Sep 2025"
    from timeline_app.qt.event_list import EventTableModel

    model = EventTableModel()
    model.set_timeline(timeline)
    assert "Group: Diplomacy" in model.view_index(model.row_of("parade"), 1).data(Qt.ItemDataRole.ToolTipRole)
    everywhere = [QPoint(x, y) for x in range(0, 1000, 1) for y in range(0, 400, 2)]
    assert _count(image, everywhere, QColor("#ff0000"), 30) > 10


def test_ongoing_event_runs_to_the_reference_date_with_an_open_end(timeline: Timeline) -> None:
    troops = _event(timeline, "troops")
    troops.status = Status.ONGOING
    store = EventStore.from_timeline(timeline)
    pos = store.position("troops")
    assert store.start[pos] == to_time(date(2024, 10, 1))
    assert store.end[pos] == to_time(date(2025, 9, 5))  # through the reference date, 4 Sep 2025
    assert store.ids[0] == "troops"  # still read first: by when it began
    style = TimelineStyle.from_palette(
        app_module.ensure_application().palette(), app_module.ensure_application().font()
    )
    labels = label_cache(store, style)
    labels.ensure(store.visible(-1e9, 1e9))
    assert labels.dates[pos] == "Oct 2024 (month) → still going on when written"
    plain = _render(timeline)
    troops.status = Status.OCCURRED
    point_only = _render(timeline)
    assert plain != point_only


def test_selected_label_is_shown_in_full(timeline: Timeline, qtbot: QtBot) -> None:
    style = TimelineStyle.from_palette(
        app_module.ensure_application().palette(), app_module.ensure_application().font()
    )
    from PySide6.QtGui import QFontMetricsF

    fm = QFontMetricsF(style.bold_font)
    long_title = (
        "Leaders met at a grand military parade marking the eightieth anniversary of the war's end in the capital"
    )
    assert wrap_title(fm, "Short", 300) == ["Short"]
    lines = wrap_title(fm, long_title, 300)
    assert (len(lines) == 2 and " ".join(lines) == long_title) or lines[1].endswith("…")
    assert all(fm.horizontalAdvance(line) <= 300 for line in lines)
    _event(timeline, "troops").title = long_title
    image = _render(timeline, "troops", (1400, 400))
    geo = CanvasGeometry.of(QRectF(0, 0, 1400, 400), style)
    # Text of the selected label reaches well past the 300 px cap of unselected labels.
    store = EventStore.from_timeline(timeline)
    bounds = store.bounds()
    assert bounds is not None
    viewport = Viewport.fit(bounds[0], bounds[1], 0.02, 1400, 24.0, 320.0)
    x = float(viewport.to_px(store.start[store.position("troops")], 1400))
    text_row = [
        QPoint(px, py)
        for px in range(int(x + 340), int(x + 600))
        for py in range(int(geo.lanes_top), int(geo.lanes_top + geo.lane_height * 2))
    ]
    assert _count(image, text_row, style.text, 120) > 20


def test_date_column_fits_typical_dates_and_elides_long_ones(window: MainWindow) -> None:
    header = window.event_list().table.horizontalHeader()
    metrics = window.event_list().table.fontMetrics()
    assert header.sectionSize(0) >= metrics.horizontalAdvance("between Oct 2024 and 3 Sep 2025")
    assert header.sectionSize(0) <= 230
    table = window.event_list().table
    model = window.event_list().model
    index = model.view_index(model.row_of("region"))
    option = QStyleOptionViewItem()
    delegate = table.itemDelegateForColumn(0)
    assert isinstance(delegate, MiddleElided)
    delegate.initStyleOption(option, index)
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle
    assert table.textElideMode() == Qt.TextElideMode.ElideRight  # titles keep their beginning
    assert "date not stated" in str(index.data(Qt.ItemDataRole.ToolTipRole))


# one File menu --------------------------------------------------------------------


def test_editing_layer_and_viewer_share_one_set_of_file_entries(qtbot: QtBot, tmp_path: Path) -> None:
    window = app_module.create_main_window([])
    qtbot.addWidget(window)
    window.close_guard = None
    texts = [a.text().replace("&", "") for a in window.menu("file").actions() if not a.isSeparator()]
    assert texts.count("Open…") == 1 and "Open Project…" not in texts and "Add Files…" not in texts
    assert "Recent Projects" not in texts and texts.count("Open Recent") == 1
    assert {"New Project", "Add Articles…", "Save", "Save As…", "Quit"} <= set(texts)
    assert texts.index("New Project") < texts.index("Open…") < texts.index("Add Articles…") < texts.index("Quit")
    assert window.act_open.shortcut().toString() == "Ctrl+O"
    opened: list[str] = []

    def opener(path: str) -> bool:
        opened.append(path)
        return True

    window.project_opener = opener
    window.open_paths([str(tmp_path / "work.tlproj")])
    assert opened == [str(tmp_path / "work.tlproj")] and not window.is_loading()


def test_date_links_stay_readable_on_a_dark_base() -> None:
    from PySide6.QtGui import QPalette

    from timeline_app.qt.document_view import readable_link

    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#0000ff"))
    assert readable_link(palette).lightnessF() >= 0.7
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    assert readable_link(palette) == QColor("#0000ff")


def test_a_message_posted_before_showing_does_not_overlap_the_status_summary(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.statusBar().showMessage("Opened work.tlproj: 8 events", 5000)
    window.show()
    qtbot.waitExposed(window)
    summary = window.findChild(QLabel, "statusSummary")
    assert summary is not None
    qtbot.waitUntil(lambda: not summary.isVisible(), timeout=2000)
    assert window.statusBar().currentMessage() == "Opened work.tlproj: 8 events"
