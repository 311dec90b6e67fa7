"""The timeline canvas: one widget that paints every event from the store's arrays.

Wheel zooms around the pointer, drag pans, click selects, double-click zooms to the event,
Shift+wheel (or the scroll bar at the right) scrolls lanes. When an editing layer says so
(``editable``), dragging an event's mark moves it and dragging a bar's end moves that end.
The widget only holds state (store, viewport, selection, lane scroll) and turns input into
viewport changes and signals; drawing is ``canvas_painter``'s job and geometry is the store's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QScrollBar, QSizePolicy, QWidget

from timeline_app.app.story_axis import fit_scale
from timeline_app.core.provenance import support_summary
from timeline_app.core.store import (
    DENSE_LIMIT,
    KIND_POINT,
    MARKER_RADIUS_PX,
    OPEN_STUB_PX,
    EventStore,
    FrameLayout,
    IntArray,
)
from timeline_app.core.time_scale import SegmentKind, TimeScale
from timeline_app.core.viewport import MIN_SPAN_DAYS, Viewport, to_datetime, to_time
from timeline_app.qt.canvas_drag import DragPreview, EventDrag, paint_drag_preview
from timeline_app.qt.canvas_painter import (
    MAX_LABEL_PX,
    CanvasGeometry,
    forget_labels,
    label_cache,
    lanes_to_reveal,
    layout_frame,
    render_frame,
    vertical_range,
)
from timeline_app.qt.style import TimelineStyle

WHEEL_ZOOM = 1.25  # per notch
KEY_ZOOM = 1.5
DRAG_THRESHOLD_PX = 4.0
EVENT_DRAG_THRESHOLD_PX = 6.0  # moving an event asks for a more deliberate drag than panning
END_GRIP_PX = 6.0  # this close to a bar's end, a drag moves that end
SCROLLBAR_PX = 12


class TimelineCanvas(QWidget):
    selection_requested = Signal(str)  # the user clicked an event ("" on empty space)
    selection_toggle_requested = Signal(str)  # Ctrl-click: add the event to the selection or take it out
    selection_range_requested = Signal(str)  # Shift-click: select from the current event to this one
    context_menu_requested = Signal(str, QPoint)  # right-click on an event ("" on empty space), global position
    event_drag_finished = Signal(str, str, float)  # event id, "move" | "start" | "end", days moved
    viewport_did_change = Signal(object)  # Viewport
    frame_painted = Signal()  # after a paint that drew the loaded timeline

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription("Events on a time axis. Wheel or +/- to zoom, drag or arrows to move.")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setMouseTracking(True)
        self._store = EventStore.empty()
        self._viewport: Viewport | None = None
        self._scale: TimeScale | None = None
        self._compress = True
        self._selected: str | None = None
        self._also_selected: tuple[str, ...] = ()
        self._style = TimelineStyle.from_palette(self.palette(), self.font())
        self._frame: FrameLayout | None = None
        self._first_lane = 0
        self._reveal: str | None = None  # bring this event's lane on screen at the next layout
        self._bands: IntArray | None = None
        self._band_names: tuple[str, ...] = ()
        self._press: QPointF | None = None
        self._press_viewport: Viewport | None = None
        self._dragging = False
        self._event_drag: EventDrag | None = None
        self._fit_pending = True
        self.editable = False  # set by an editing layer that handles event_drag_finished
        self.paint_count = 0
        self._scrollbar = QScrollBar(Qt.Orientation.Vertical, self)
        self._scrollbar.setObjectName("laneScrollBar")
        self._scrollbar.setAccessibleName("Scroll lanes")
        self._scrollbar.setCursor(Qt.CursorShape.ArrowCursor)
        self._scrollbar.hide()
        self._scrollbar.valueChanged.connect(self._scrolled)

    # state --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(900, 360)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 140)

    def store(self) -> EventStore:
        return self._store

    def timeline_style(self) -> TimelineStyle:
        return self._style

    def set_store(self, store: EventStore, keep_view: bool = False) -> None:
        self._store = store
        self._frame = None
        if not keep_view or self._viewport is None:
            self._first_lane = 0
            self._fit_pending = True
            self.fit_all()
        self.update()

    def viewport_range(self) -> Viewport:
        if self._viewport is None:
            self.fit_all()
        assert self._viewport is not None
        return self._viewport

    def set_viewport(self, viewport: Viewport) -> None:
        """Show ``viewport``; it is drawn on this canvas's axis (broken or linear) whatever it says."""
        viewport = viewport.with_scale(self._scale)
        if viewport == self._viewport:
            return
        self._viewport = viewport
        self._fit_pending = False
        self._frame = None
        self.update()
        self.viewport_did_change.emit(viewport)

    def time_scale(self) -> TimeScale | None:
        """The broken axis in use, None for a linear one."""
        return self._scale

    def compressed_axis(self) -> bool:
        return self._compress

    def set_compressed_axis(self, on: bool) -> None:
        """Break the axis around far outliers (on) or show time linearly (off); then fit all."""
        if on == self._compress:
            return
        self._compress = on
        self.fit_all()

    def selected(self) -> str | None:
        return self._selected

    def set_selected(self, event_id: str | None) -> None:
        if event_id == self._selected:
            return
        self._selected = event_id
        self._frame = None  # the selected label is laid out at its full width
        self.update()

    def also_selected(self) -> tuple[str, ...]:
        return self._also_selected

    def set_also_selected(self, event_ids: Sequence[str]) -> None:
        """Further selected events besides the current one (drawn ringed)."""
        ids = tuple(event_ids)
        if ids != self._also_selected:
            self._also_selected = ids
            self.update()

    def set_bands(self, bands: IntArray | None, names: Sequence[str] = ()) -> None:
        """Group lanes in bands: ``bands`` gives each store position its band, ``names`` name them."""
        if bands is None and self._bands is None:
            return  # nothing changes: keep where the lanes are scrolled to
        if (bands is None) != (self._bands is None):
            self._first_lane = 0
        self._bands = bands
        self._band_names = tuple(names)
        self._frame = None
        self.update()

    def forget_labels(self, event_ids: Sequence[str]) -> None:
        """Re-measure the labels of edited events at the next paint."""
        forget_labels(self._store, [p for p in map(self._store.position, event_ids) if p >= 0])
        self._frame = None
        self.update()

    def frame(self) -> FrameLayout:
        """The layout of the current view (computed without painting if needed)."""
        if self._frame is None:
            self._frame = layout_frame(
                self._rect(),
                self._store,
                self.viewport_range(),
                self._style,
                selected=self._selected,
                bands=self._bands,
            )
            self._after_layout(self._frame)
        return self._frame

    def geometry_now(self) -> CanvasGeometry:
        """Rows and lanes as drawn now, scroll included."""
        return CanvasGeometry.of(self._rect(), self._style, self._first_lane)

    def first_lane(self) -> int:
        return self._first_lane

    def set_first_lane(self, lane: int) -> None:
        """Scroll lanes so that ``lane`` is the top one on screen."""
        frame = self.frame()
        lane = max(min(lane, vertical_range(self.geometry_now(), frame)), 0)
        if lane != self._first_lane:
            self._first_lane = lane
            self._scrollbar.setValue(lane)
            self.update()

    def _rect(self) -> QRectF:
        return QRectF(self.rect())

    def _after_layout(self, frame: FrameLayout) -> None:
        geo = self.geometry_now()
        limit = vertical_range(geo, frame)
        if self._reveal is not None:
            pos = self._store.position(self._reveal)
            self._reveal = None
            lane = lanes_to_reveal(geo, frame, pos) if pos >= 0 else None
            if lane is not None:
                self._first_lane = lane
        self._first_lane = max(min(self._first_lane, limit), 0)
        self._update_scrollbar(geo, limit)

    def _update_scrollbar(self, geo: CanvasGeometry, limit: int) -> None:
        bar = self._scrollbar
        bar.blockSignals(True)
        bar.setRange(0, limit)
        bar.setPageStep(max(geo.max_lanes - 1, 1))
        bar.setValue(self._first_lane)
        bar.blockSignals(False)
        if limit > 0:
            top = int(geo.lanes_top)
            bar.setGeometry(self.width() - SCROLLBAR_PX, top, SCROLLBAR_PX, max(int(geo.overflow_top) - top, 20))
        bar.setVisible(limit > 0)

    def _scrolled(self, value: int) -> None:
        if value != self._first_lane:
            self._first_lane = value
            self.update()

    # navigation ---------------------------------------------------------------------

    def fit_all(self) -> None:
        """Show every event: the story at full width, far outliers on a compressed stretch of axis."""
        bounds = self._store.bounds()
        width = float(max(self.width(), 1))
        if bounds is None:
            today = to_time(date.today())
            self._scale = None
            self.set_viewport(Viewport(today - 365.0, today + 30.0))
            self._fit_pending = True
            return
        store = self._store
        self._scale = None
        if self._compress:
            self._scale = fit_scale(store)
        # Room for the labels right of the last markers, unless there are too many to label.
        pad_right = min(MAX_LABEL_PX + 16.0, width * 0.35) if len(store) <= DENSE_LIMIT else 16.0
        self._first_lane = 0
        self.set_viewport(Viewport.fit(bounds[0], bounds[1], 0.02, width, 24.0, pad_right, scale=self._scale))
        self._fit_pending = True

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        vp = self.viewport_range()
        anchor = vp.center if anchor_x is None else float(vp.to_time(anchor_x, self.width()))
        self.set_viewport(vp.zoom_at(anchor, factor))

    def zoom_to_span(self, days: float, center: float | None = None) -> None:
        """Show ``days`` of the story's time around ``center`` (the view's centre by default)."""
        vp = self.viewport_range()
        self.set_viewport(vp.with_axis_span(vp.center if center is None else center, days))

    def pan_px(self, dx: float) -> None:
        self.set_viewport(self.viewport_range().pan_px(dx, self.width()))

    def zoom_to_event(self, event_id: str) -> None:
        """Show the event with its label: zoomed to its dates, closer while too many are in view."""
        pos = self._store.position(event_id)
        if pos < 0:
            return
        start, end = float(self._store.start[pos]), float(self._store.end[pos])
        if self._store.kind[pos] == KIND_POINT:
            span = max(end - start, 1.0)
            start, end = start - span * 3, end + span * 3
        width = float(max(self.width(), 1))
        pad = min(MAX_LABEL_PX + 16.0, width * 0.35)
        view = Viewport.fit(start, end, 0.1, width, 24.0, pad, scale=self._scale)
        marker = self._store.marker_time(pos)
        for _ in range(40):
            self.set_viewport(view)
            if not self.frame().dense or view.axis_span <= MIN_SPAN_DAYS * 1.01:
                break
            view = view.zoom_at(marker, 2.0)
        self.reveal(event_id)

    def reveal(self, event_id: str) -> None:
        """Scroll lanes (at the next layout) so that this event's lane is on screen."""
        self._reveal = event_id
        self._frame = None
        self.update()

    def ensure_visible(self, event_id: str) -> None:
        pos = self._store.position(event_id)
        if pos < 0:
            return
        vp = self.viewport_range()
        width = self.width()
        marker = self._store.marker_time(pos)
        x = float(vp.to_px(marker, width))
        # Keep room on the right of the marker for its label, and on its left for the stub of
        # an open start (the label starts there).
        label_px = min(MAX_LABEL_PX * 0.6, width * 0.4)
        hi = float(vp.to_time(x + label_px, width))
        lo = float(vp.to_time(x - OPEN_STUB_PX - MARKER_RADIUS_PX, width))
        self.set_viewport(vp.ensure_visible(min(lo, marker), max(hi, marker), margin=0.03))
        self.reveal(event_id)

    # Qt overrides -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        frame = self.frame()
        painter = QPainter(self)
        self._frame = render_frame(
            painter,
            self._rect(),
            self._store,
            self.viewport_range(),
            self._selected,
            self._style,
            also_selected=self._also_selected,
            first_lane=self._first_lane,
            frame=frame,
            band_names=self._band_names,
        )
        if self._event_drag is not None and self._event_drag.active:
            preview = self._drag_preview()
            if preview is not None:
                paint_drag_preview(painter, self.geometry_now(), preview, self._style)
        if self.hasFocus():
            painter.setPen(self._style.highlight_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()
        self.paint_count += 1
        if len(self._store):
            self.frame_painted.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._frame = None
        if self._fit_pending:
            self.fit_all()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._style = TimelineStyle.from_palette(self.palette(), self.font())
            self._frame = None
            self.update()
        super().changeEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        lanes = vertical_range(self.geometry_now(), self.frame())
        if delta.x() and not delta.y():
            self.pan_px(delta.x() / 120.0 * 60.0)
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            if lanes:
                self.set_first_lane(self._first_lane - round(delta.y() / 120.0 * 2))
            else:
                self.pan_px(delta.y() / 120.0 * 60.0)
        elif delta.y():
            self.zoom(WHEEL_ZOOM ** (delta.y() / 120.0), event.position().x())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_viewport = self.viewport_range()
            self._dragging = False
            self._event_drag = self._drag_at(event.position()) if self.editable else None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and self._press_viewport is not None:
            dx = event.position().x() - self._press.x()
            drag = self._event_drag
            if drag is not None:
                if drag.active or abs(dx) >= EVENT_DRAG_THRESHOLD_PX:
                    drag.active = True
                    drag.x = event.position().x()
                    self.setCursor(Qt.CursorShape.SizeHorCursor)
                    self.update()
            elif self._dragging or abs(dx) >= DRAG_THRESHOLD_PX:
                if not self._dragging:
                    self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self._dragging = True
                self.set_viewport(self._press_viewport.pan_px(dx, self.width()))
        else:
            point = event.position()
            hit = self.event_at(point)
            grip = self._drag_at(point) if self.editable and hit else None
            if grip is not None and grip.mode != "move":
                self.setCursor(Qt.CursorShape.SizeHorCursor)
            else:
                self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
            self.setToolTip(self._tooltip(hit, grip is not None) if hit else self._axis_tooltip(point))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            drag = self._event_drag
            if drag is not None and drag.active:
                days = self._drag_days(drag)
                self._event_drag = None
                self.update()
                if days:
                    self.event_drag_finished.emit(drag.event_id, drag.mode, days)
            elif not self._dragging:
                hit = self.event_at(event.position())
                modifiers = event.modifiers()
                if hit and modifiers & Qt.KeyboardModifier.ControlModifier:
                    self.selection_toggle_requested.emit(hit)
                elif hit and modifiers & Qt.KeyboardModifier.ShiftModifier:
                    self.selection_range_requested.emit(hit)
                else:
                    self.selection_requested.emit(hit)
            self.unsetCursor()
            self._press = None
            self._dragging = False
            self._event_drag = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.event_at(event.position())
        if hit:
            self.selection_requested.emit(hit)
            self.zoom_to_event(hit)
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menu_requested.emit(self.event_at(QPointF(event.pos())), event.globalPos())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step = self.width() * 0.2
        lanes = vertical_range(self.geometry_now(), self.frame())
        if key == Qt.Key.Key_Escape and self._event_drag is not None:
            self._event_drag = None
            self._press = None
            self.unsetCursor()
            self.update()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(KEY_ZOOM)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / KEY_ZOOM)
        elif key == Qt.Key.Key_Up:
            if lanes:
                self.set_first_lane(self._first_lane - 1)
            else:
                self.pan_px(step)
        elif key == Qt.Key.Key_Down:
            if lanes:
                self.set_first_lane(self._first_lane + 1)
            else:
                self.pan_px(-step)
        elif key == Qt.Key.Key_PageUp:
            self.pan_px(self.width() * 0.8)
        elif key == Qt.Key.Key_PageDown:
            self.pan_px(-self.width() * 0.8)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # hit testing --------------------------------------------------------------------

    def event_at(self, point: QPointF) -> str:
        """Id of the event drawn under ``point`` (marker, bar or label), "" if none."""
        if len(self._store) == 0:
            return ""
        geo = self.geometry_now()
        lane = geo.lane_at(point.y())
        if lane is None:
            return ""
        frame = self.frame()
        labels = label_cache(self._store, self._style)
        label_right: np.ndarray | None = None
        if not frame.dense and len(frame):
            title_px, date_px = labels.widths, labels.date_widths
            sel = self._store.position(self._selected) if self._selected else -1
            if sel >= 0:
                # The selected label is drawn whole, wider than the measured one.
                title_px, date_px = title_px.copy(), date_px.copy()
                title_px[sel], date_px[sel] = labels.selected_widths(sel)
            label_right = self._store.label_right(frame, title_px, date_px)
        pos = self._hidden_at(frame, geo, point.x()) if lane == -1 else frame.hit(point.x(), lane, label_right)
        return self._store.ids[pos] if pos >= 0 else ""

    def _hidden_at(self, frame: FrameLayout, geo: CanvasGeometry, x: float, tolerance: float = 4.0) -> int:
        """In the strip under the lanes: the nearest event in view whose lane is not on screen."""
        if frame.dense or not len(frame):
            return -1
        lanes = frame.lanes
        hidden = np.flatnonzero((lanes < 0) | (lanes < geo.first_lane) | (lanes >= geo.first_lane + geo.max_lanes))
        if not len(hidden):
            return -1
        distance = np.abs(frame.xm[hidden] - x)
        best = int(np.argmin(distance))
        return int(frame.positions[hidden[best]]) if distance[best] <= tolerance else -1

    def _tooltip(self, event_id: str, draggable: bool = False) -> str:
        pos = self._store.position(event_id)
        event = self._store.event_at(pos) if pos >= 0 else None
        if event is None:
            return event_id
        hint = "\nDrag the mark to move the event, a bar's end to change it." if draggable else ""
        basis = f"\nWhy this date: {event.date_basis}" if event.date_basis else ""
        summary = support_summary(event)
        support = f"\n{summary[:1].upper()}{summary[1:]}"
        return f"{event.title}\n{event.date.describe()}{basis}{support}{hint}"

    def _axis_tooltip(self, point: QPointF) -> str:
        """Over a break in the axis: what it leaves out."""
        vp = self.viewport_range()
        if vp.scale is None:
            return ""
        t = float(vp.to_time(point.x(), self.width()))
        for piece in vp.scale.segments():
            if piece.t0 <= t < piece.t1 and piece.kind is not SegmentKind.LINEAR:
                a, b = to_datetime(piece.t0), to_datetime(piece.t1)
                what = "No events" if piece.kind is SegmentKind.GAP else "Time runs faster here"
                return f"{what}: {a:%d %b %Y} – {b:%d %b %Y}, compressed.\nView ▸ Linear Time Axis shows it to scale."
        return ""

    # dragging events ----------------------------------------------------------------

    def _drag_at(self, point: QPointF) -> EventDrag | None:
        """What a drag starting at ``point`` would move: an event's mark, or one end of its bar."""
        geo = self.geometry_now()
        lane = geo.lane_at(point.y())
        if lane is None or lane < 0:
            return None
        if not (geo.lane_top(lane) <= point.y() <= geo.lane_top(lane) + geo.row_height):
            return None  # the label row: a drag there pans
        frame = self.frame()
        pos = frame.hit(point.x(), lane, None, tolerance=2.0)
        if pos < 0:
            return None
        i = int(np.flatnonzero(frame.positions == pos)[0])
        x0, x1, xm = float(frame.x0[i]), float(frame.x1[i]), float(frame.xm[i])
        if self._store.kind[pos] == KIND_POINT:
            if abs(point.x() - xm) > MARKER_RADIUS_PX + 3 and not x0 <= point.x() <= x1:
                return None
            mode = "move"
        elif abs(point.x() - x0) <= END_GRIP_PX:
            mode = "start"
        elif abs(point.x() - x1) <= END_GRIP_PX:
            mode = "end"
        else:
            mode = "move"
        return EventDrag(self._store.ids[pos], mode, point.x(), point.x(), i, lane)

    def _drag_days(self, drag: EventDrag) -> float:
        vp = self.viewport_range()
        width = self.width()
        pos = self._store.position(drag.event_id)
        anchor = (
            self._store.marker_time(pos)
            if drag.mode == "move"
            else float(self._store.start[pos] if drag.mode == "start" else self._store.end[pos])
        )
        moved = float(vp.to_time(float(vp.to_px(anchor, width)) + drag.x - drag.x0, width))
        return moved - anchor

    def _drag_preview(self) -> DragPreview | None:
        drag = self._event_drag
        if drag is None:
            return None
        pos = self._store.position(drag.event_id)
        event = self._store.event_at(pos) if pos >= 0 else None
        if event is None:
            return None
        from timeline_app.core.edits import moved_date

        try:
            new_date = moved_date(event.date, self._drag_days(drag), drag.mode)
        except ValueError as exc:
            text = str(exc)
        else:
            text = new_date.describe()
        frame = self.frame()
        if drag.index >= len(frame.positions) or frame.positions[drag.index] != pos:
            return None
        shift = drag.x - drag.x0
        x0, x1 = float(frame.x0[drag.index]), float(frame.x1[drag.index])
        if drag.mode in ("move", "start"):
            x0 += shift
        if drag.mode in ("move", "end"):
            x1 += shift
        if x1 < x0:
            x0, x1 = x1, x0
        return DragPreview(drag.lane, x0, x1, float(frame.xm[drag.index]) + shift, drag.mode, text)

    def drag_state(self) -> EventDrag | None:
        return self._event_drag
