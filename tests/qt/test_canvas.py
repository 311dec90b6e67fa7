"""The canvas paints from the store and turns mouse/keys into viewport changes."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from pytestqt.qtbot import QtBot

from timeline_app.core.model import Timeline
from timeline_app.core.store import EventStore
from timeline_app.core.viewport import Viewport, to_time
from timeline_app.qt.canvas import TimelineCanvas
from timeline_app.qt.canvas_painter import CanvasGeometry, paint_timeline
from timeline_app.qt.style import TimelineStyle


@pytest.fixture
def canvas(qtbot: QtBot, timeline: Timeline) -> TimelineCanvas:
    widget = TimelineCanvas()
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    widget.set_store(EventStore.from_timeline(timeline))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _xm(canvas: TimelineCanvas, event_id: str) -> tuple[float, int]:
    frame = canvas.frame()
    pos = canvas.store().position(event_id)
    i = int(np.flatnonzero(frame.positions == pos)[0])
    return float(frame.xm[i]), int(frame.lanes[i])


def _marker_point(canvas: TimelineCanvas, event_id: str) -> QPoint:
    x, lane = _xm(canvas, event_id)
    geo = CanvasGeometry.of(QRectF(canvas.rect()), canvas.timeline_style())
    return QPoint(round(x), round(geo.lanes_top + lane * geo.lane_height + 7))


def _near(c: QColor, d: QColor, tol: int = 40) -> bool:
    return abs(c.red() - d.red()) + abs(c.green() - d.green()) + abs(c.blue() - d.blue()) <= tol


def test_paint_event_draws_markers_where_the_store_says(canvas: TimelineCanvas) -> None:
    image = canvas.grab().toImage()
    ink = canvas.timeline_style().ink(0).color
    point = _marker_point(canvas, "parade")
    assert _near(image.pixelColor(point), ink)
    # Empty space right of the last event stays background.
    assert _near(image.pixelColor(QPoint(canvas.width() - 3, canvas.height() - 40)), canvas.timeline_style().background)
    assert canvas.paint_count >= 1


def test_default_view_fits_all_events_with_margins(canvas: TimelineCanvas) -> None:
    vp = canvas.viewport_range()
    assert vp.t0 < to_time(date(2024, 10, 1)) and vp.t1 > to_time(date(2027, 1, 1))
    frame = canvas.frame()
    assert len(frame) == 5 and (frame.lanes >= 0).all()
    assert frame.xm.min() > 0 and frame.x1.max() < canvas.width()


def test_uncertain_span_is_hatched_not_a_point(canvas: TimelineCanvas) -> None:
    frame = canvas.frame()
    pos = canvas.store().position("region")
    i = int(np.flatnonzero(frame.positions == pos)[0])
    assert frame.x1[i] - frame.x0[i] > 200  # Oct 2024 .. 3 Sep 2025 spans most of the view
    image = canvas.grab().toImage()
    geo = CanvasGeometry.of(QRectF(canvas.rect()), canvas.timeline_style())
    y = round(geo.lanes_top + frame.lanes[i] * geo.lane_height + 7)
    row = [image.pixelColor(QPoint(x, y)) for x in range(round(frame.x0[i]) + 10, round(frame.x1[i]) - 10)]
    ink = canvas.timeline_style().ink(0).color
    inked = sum(_near(c, ink, 150) for c in row)
    # Hatching: stripes of ink with gaps, never a solid bar.
    assert 0.1 * len(row) < inked < 0.8 * len(row)


def test_wheel_zoom_keeps_time_under_cursor(canvas: TimelineCanvas, qtbot: QtBot) -> None:
    before = canvas.viewport_range()
    x = 300.0
    t_under = before.to_time(x, canvas.width())
    canvas.zoom(1.25**2, x)
    after = canvas.viewport_range()
    assert after.span == pytest.approx(before.span / 1.5625)
    assert after.to_time(x, canvas.width()) == pytest.approx(t_under)


def test_drag_pans_and_click_selects(canvas: TimelineCanvas, qtbot: QtBot) -> None:
    before = canvas.viewport_range()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(500, 300))
    qtbot.mouseMove(canvas, QPoint(520, 300))
    qtbot.mouseMove(canvas, QPoint(600, 300))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(600, 300))
    after = canvas.viewport_range()
    assert after.t0 == pytest.approx(before.t0 - 100 * before.days_per_px(canvas.width()))
    point = _marker_point(canvas, "talks")
    with qtbot.waitSignal(canvas.selection_requested) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["talks"]


def test_double_click_zooms_to_event(canvas: TimelineCanvas, qtbot: QtBot) -> None:
    point = _marker_point(canvas, "parade")
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    vp = canvas.viewport_range()
    assert vp.span < 30
    assert vp.t0 < to_time(date(2025, 9, 3)) < vp.t1


def test_keys_zoom_and_pan(canvas: TimelineCanvas, qtbot: QtBot) -> None:
    span = canvas.viewport_range().span
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.viewport_range().span == pytest.approx(span / 1.5)
    t0 = canvas.viewport_range().t0
    qtbot.keyClick(canvas, Qt.Key.Key_PageDown)
    assert canvas.viewport_range().t0 > t0


def test_selection_is_highlighted(canvas: TimelineCanvas) -> None:
    plain = canvas.grab().toImage()
    canvas.set_selected("talks")
    selected = canvas.grab().toImage()
    highlight = canvas.palette().color(QPalette.ColorRole.Highlight)
    x, _lane = _xm(canvas, "talks")

    def count(image: QImage) -> int:
        return sum(
            _near(image.pixelColor(QPoint(round(x) + dx, y)), highlight, 60)
            for dx in range(-8, 60)
            for y in range(40, 300, 3)
        )

    assert count(selected) > count(plain) + 20


def test_dense_view_draws_density_and_stays_responsive(qtbot: QtBot) -> None:
    n = 100_000
    rng = np.random.default_rng(3)
    start = np.sort(rng.uniform(to_time(date(1990, 1, 1)), to_time(date(2025, 1, 1)), n))
    store = EventStore(
        start, start + 1, np.zeros(n, np.int8), np.zeros(n, np.uint8), np.zeros(n, np.int32), [str(i) for i in range(n)]
    )
    widget = TimelineCanvas()
    qtbot.addWidget(widget)
    widget.resize(800, 300)
    widget.set_store(store)
    assert widget.frame().dense
    image = widget.grab().toImage()
    ink = widget.timeline_style().density_brush.color()
    bottom = CanvasGeometry.of(QRectF(widget.rect()), widget.timeline_style()).overflow_top - 2
    filled = sum(
        image.pixelColor(QPoint(x, round(bottom))) != widget.timeline_style().background for x in range(50, 750)
    )
    assert filled > 600, ink.name()
    widget.zoom_to_event("50000")
    assert not widget.frame().dense


def test_paint_timeline_renders_into_an_image(timeline: Timeline) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    assert QApplication.instance() is not None
    style = TimelineStyle.from_palette(QWidget().palette(), QWidget().font())
    image = QImage(900, 300, QImage.Format.Format_ARGB32)
    image.fill(QColor("magenta"))
    painter = QPainter(image)
    store = EventStore.from_timeline(timeline)
    vp = Viewport(to_time(date(2024, 9, 1)), to_time(date(2026, 6, 1)))
    paint_timeline(painter, QRectF(0, 0, 900, 300), store, vp, "talks", style)
    painter.end()
    assert image.pixelColor(QPoint(450, 299)) != QColor("magenta")
    x = round(vp.to_px(to_time(date(2025, 9, 4)) + 0.5, 900.0))
    column = [image.pixelColor(QPoint(x, y)) for y in range(40, 300)]
    assert any(_near(c, style.ink(0).color) for c in column)


def test_lanes_below_the_view_scroll_and_their_events_stay_clickable(qtbot: QtBot, timeline: Timeline) -> None:
    widget = TimelineCanvas()
    qtbot.addWidget(widget)
    widget.resize(600, 100)
    widget.set_store(EventStore.from_timeline(timeline))
    widget.show()
    qtbot.waitExposed(widget)
    frame = widget.frame()
    geo = widget.geometry_now()
    assert geo.max_lanes < frame.lanes_used
    assert (frame.lanes >= 0).all()  # every event has a lane; most are below the one on screen
    hidden = np.flatnonzero(frame.lanes >= geo.first_lane + geo.max_lanes)
    i = int(hidden[-1])
    event_id = widget.store().ids[int(frame.positions[i])]
    # Their ticks in the strip under the lanes select them...
    with qtbot.waitSignal(widget.selection_requested) as blocker:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(round(frame.xm[i]), round(geo.overflow_top + 6)))
    assert blocker.args == [event_id]
    # ...Shift+wheel brings their lane on screen...
    lane = int(frame.lanes[i])
    for _ in range(lane):
        _wheel(widget, QPoint(300, 80), 0, -120, Qt.KeyboardModifier.ShiftModifier)
    assert widget.first_lane() == lane
    x, y = frame.xm[i], widget.geometry_now().marker_y(lane)
    assert widget.event_at(QPointF(x, y)) == event_id
    # ...and revealing an event scrolls to it.
    widget.set_first_lane(0)
    widget.reveal(event_id)
    widget.frame()
    assert widget.first_lane() == lane


def _wheel(widget: TimelineCanvas, pos: QPoint, dx: int, dy: int, modifiers: Qt.KeyboardModifier) -> None:
    from PySide6.QtGui import QWheelEvent

    event = QWheelEvent(
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(dx, dy),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    widget.wheelEvent(event)
