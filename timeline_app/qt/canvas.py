"""The timeline canvas: one widget that paints every event from the store's arrays.

Wheel zooms around the pointer, drag pans, click selects, double-click zooms to the event.
The widget only holds state (store, viewport, selection) and turns input into viewport
changes; drawing is ``canvas_painter``'s job and geometry is the store's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from timeline_app.core.store import DENSE_LIMIT, KIND_POINT, EventStore, FrameLayout
from timeline_app.core.viewport import Viewport, to_time
from timeline_app.qt.canvas_painter import (
    MAX_LABEL_PX,
    CanvasGeometry,
    forget_labels,
    label_cache,
    layout_frame,
    render_frame,
)
from timeline_app.qt.style import TimelineStyle

WHEEL_ZOOM = 1.25  # per notch
KEY_ZOOM = 1.5
DRAG_THRESHOLD_PX = 4.0


class TimelineCanvas(QWidget):
    selection_requested = Signal(str)  # the user clicked an event ("" on empty space)
    selection_toggle_requested = Signal(str)  # Ctrl-click: add the event to the selection or take it out
    selection_range_requested = Signal(str)  # Shift-click: select from the current event to this one
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
        self._selected: str | None = None
        self._also_selected: tuple[str, ...] = ()
        self._style = TimelineStyle.from_palette(self.palette(), self.font())
        self._frame: FrameLayout | None = None
        self._press: QPointF | None = None
        self._press_viewport: Viewport | None = None
        self._dragging = False
        self._fit_pending = True
        self.paint_count = 0

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
            self._fit_pending = True
            self.fit_all()
        self.update()

    def viewport_range(self) -> Viewport:
        if self._viewport is None:
            self.fit_all()
        assert self._viewport is not None
        return self._viewport

    def set_viewport(self, viewport: Viewport) -> None:
        if viewport == self._viewport:
            return
        self._viewport = viewport
        self._fit_pending = False
        self._frame = None
        self.update()
        self.viewport_did_change.emit(viewport)

    def selected(self) -> str | None:
        return self._selected

    def set_selected(self, event_id: str | None) -> None:
        if event_id == self._selected:
            return
        self._selected = event_id
        self.update()

    def also_selected(self) -> tuple[str, ...]:
        return self._also_selected

    def set_also_selected(self, event_ids: Sequence[str]) -> None:
        """Further selected events besides the current one (drawn ringed)."""
        ids = tuple(event_ids)
        if ids != self._also_selected:
            self._also_selected = ids
            self.update()

    def forget_labels(self, event_ids: Sequence[str]) -> None:
        """Re-measure the labels of edited events at the next paint."""
        forget_labels(self._store, [p for p in map(self._store.position, event_ids) if p >= 0])
        self._frame = None
        self.update()

    def frame(self) -> FrameLayout:
        """The layout of the current view (computed without painting if needed)."""
        if self._frame is None:
            self._frame = layout_frame(self._rect(), self._store, self.viewport_range(), self._style)
        return self._frame

    def _rect(self) -> QRectF:
        return QRectF(self.rect())

    # navigation ---------------------------------------------------------------------

    def fit_all(self) -> None:
        bounds = self._store.bounds()
        width = float(max(self.width(), 1))
        if bounds is None:
            today = to_time(date.today())
            self.set_viewport(Viewport(today - 365.0, today + 30.0))
            self._fit_pending = True
            return
        # Room for the labels right of the last markers, unless there are too many to label.
        pad_right = min(MAX_LABEL_PX + 16.0, width * 0.35) if len(self._store) <= DENSE_LIMIT else 16.0
        self.set_viewport(Viewport.fit(bounds[0], bounds[1], 0.02, width, 24.0, pad_right))
        self._fit_pending = True

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        vp = self.viewport_range()
        anchor = vp.center if anchor_x is None else float(vp.to_time(anchor_x, self.width()))
        self.set_viewport(vp.zoom_at(anchor, factor))

    def pan_px(self, dx: float) -> None:
        self.set_viewport(self.viewport_range().pan_px(dx, self.width()))

    def zoom_to_event(self, event_id: str) -> None:
        pos = self._store.position(event_id)
        if pos < 0:
            return
        start, end = float(self._store.start[pos]), float(self._store.end[pos])
        if self._store.kind[pos] == KIND_POINT:
            span = max(end - start, 1.0)
            start, end = start - span * 3, end + span * 3
        width = float(max(self.width(), 1))
        self.set_viewport(Viewport.fit(start, end, 0.1, width, 24.0, min(MAX_LABEL_PX + 16.0, width * 0.35)))

    def ensure_visible(self, event_id: str) -> None:
        pos = self._store.position(event_id)
        if pos < 0:
            return
        vp = self.viewport_range()
        marker = self._store.marker_time(pos)
        # Keep room on the right of the marker for its label.
        label_days = (MAX_LABEL_PX * 0.6) * vp.days_per_px(self.width())
        hi = min(max(marker + label_days, marker), marker + vp.span * 0.5)
        self.set_viewport(vp.ensure_visible(marker, hi, margin=0.05))

    # Qt overrides -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._frame = render_frame(
            painter,
            self._rect(),
            self._store,
            self.viewport_range(),
            self._selected,
            self._style,
            also_selected=self._also_selected,
        )
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
        if delta.x() and not delta.y():
            self.pan_px(delta.x() / 120.0 * 60.0)
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.pan_px(delta.y() / 120.0 * 60.0)
        elif delta.y():
            self.zoom(WHEEL_ZOOM ** (delta.y() / 120.0), event.position().x())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_viewport = self.viewport_range()
            self._dragging = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and self._press_viewport is not None:
            dx = event.position().x() - self._press.x()
            if self._dragging or abs(dx) >= DRAG_THRESHOLD_PX:
                if not self._dragging:
                    self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self._dragging = True
                self.set_viewport(self._press_viewport.pan_px(dx, self.width()))
        else:
            hit = self.event_at(event.position())
            self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
            self.setToolTip(self._tooltip(hit) if hit else "")
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragging:
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
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.event_at(event.position())
        if hit:
            self.selection_requested.emit(hit)
            self.zoom_to_event(hit)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step = self.width() * 0.2
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(KEY_ZOOM)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / KEY_ZOOM)
        elif key == Qt.Key.Key_Up:
            self.pan_px(step)
        elif key == Qt.Key.Key_Down:
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
        geo = CanvasGeometry.of(self._rect(), self._style)
        lane = geo.lane_at(point.y())
        if lane is None:
            return ""
        frame = self.frame()
        labels = label_cache(self._store, self._style)
        label_right: np.ndarray | None = None
        if not frame.dense and len(frame):
            label_right = self._store.label_right(frame, labels.widths)
        pos = frame.hit(point.x(), lane, label_right)
        return self._store.ids[pos] if pos >= 0 else ""

    def _tooltip(self, event_id: str) -> str:
        pos = self._store.position(event_id)
        event = self._store.event_at(pos) if pos >= 0 else None
        if event is None:
            return event_id
        return f"{event.title}\n{event.date.describe()}"
