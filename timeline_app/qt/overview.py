"""The overview strip: the whole timeline's density and the window currently in view.

Click or drag in the strip to move the view there; the visible span keeps its width. The
strip uses the canvas's axis (broken or linear), so its marks line up with the window drawn
over them; they are counted again whenever the range they are drawn over changes.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from timeline_app.core.mark_density import SortedMarks, column_counts, mark_times
from timeline_app.core.store import EventStore
from timeline_app.core.time_scale import TimeScale
from timeline_app.core.viewport import Viewport


class OverviewStrip(QWidget):
    center_requested = Signal(float)  # time the user wants at the centre of the view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineOverview")
        self.setAccessibleName("Timeline overview")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._store = EventStore.empty()
        self._full: Viewport | None = None
        self._window: Viewport | None = None
        self._counts: np.ndarray = np.zeros(0, dtype=np.int64)
        self._counts_key: tuple[object, ...] | None = None
        self._sorted: SortedMarks | None = None

    def sizeHint(self) -> QSize:
        return QSize(600, 34)

    def set_store(self, store: EventStore) -> None:
        self._store = store
        self._fit(self._window.scale if self._window is not None else None)
        self.update()

    def use_sorted_marks(self, marks: SortedMarks | None) -> None:
        """Count the marks of ``marks.store``, whenever it is the store shown, by searching these."""
        self._sorted = marks
        self._counts_key = None

    def _fit(self, scale: TimeScale | None) -> None:
        bounds = self._store.bounds()
        self._full = Viewport.fit(bounds[0], bounds[1], 0.03, scale=scale) if bounds else None

    def set_window(self, viewport: Viewport) -> None:
        if self._full is not None and viewport.scale != self._full.scale:
            self._fit(viewport.scale)
        self._window = viewport
        self.update()

    def full_range(self) -> Viewport | None:
        if self._full is None or self._window is None:
            return self._full
        # Show the visible window even when the user has scrolled beyond the events.
        return Viewport(min(self._full.t0, self._window.t0), max(self._full.t1, self._window.t1), self._full.scale)

    def _density(self, full: Viewport, width: int) -> np.ndarray:
        key = (width, full, id(self._store), len(self._store))
        if key != self._counts_key:
            sorted_marks = self._sorted
            if sorted_marks is not None and sorted_marks.store is self._store:
                self._counts = sorted_marks.counts(full, width)
            else:
                self._counts = column_counts(mark_times(self._store), full, width)
            self._counts_key = key
        return self._counts

    def mark_columns(self) -> np.ndarray:
        """Pixel columns holding at least one event's mark, as last drawn (for tests)."""
        full = self.full_range()
        if full is None:
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero(self._density(full, self.width()))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pal = self.palette()
        rect = QRectF(self.rect())
        painter.fillRect(rect, pal.color(QPalette.ColorRole.AlternateBase))
        full = self.full_range()
        if full is not None and self.width() > 0:
            counts = self._density(full, self.width())
            peak = float(counts.max()) if len(counts) else 0.0
            if peak > 0:
                color = QColor(pal.color(QPalette.ColorRole.Text))
                color.setAlphaF(0.7)
                painter.setPen(QPen(color, 2.0))
                h, base = rect.height() - 6, rect.bottom() - 3
                xs = np.flatnonzero(counts)
                bars = np.maximum(np.sqrt(counts[xs] / peak) * h, 3.0)
                lines = [
                    QLineF(x + 0.5, base, x + 0.5, base - bar)
                    for x, bar in zip(xs.tolist(), bars.tolist(), strict=True)
                ]
                painter.drawLines(lines)
            if full.scale is not None:
                painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1.0, Qt.PenStyle.DotLine))
                for gap in full.scale.gaps():
                    gx = float(full.to_px((gap.t0 + gap.t1) / 2, rect.width()))
                    painter.drawLine(QPointF(gx, 2), QPointF(gx, rect.bottom() - 2))
            if self._window is not None:
                x0 = max(float(full.to_px(self._window.t0, rect.width())), 0.0)
                x1 = min(float(full.to_px(self._window.t1, rect.width())), rect.width())
                highlight = QColor(pal.color(QPalette.ColorRole.Highlight))
                fill = QColor(highlight)
                fill.setAlphaF(0.2)
                painter.setPen(QPen(highlight, 1.5))
                painter.setBrush(fill)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                painter.drawRoundedRect(QRectF(x0, 1.5, max(x1 - x0, 4.0), rect.height() - 3), 3, 3)
        painter.end()

    def _request(self, x: float) -> None:
        full = self.full_range()
        if full is not None:
            self.center_requested.emit(float(full.to_time(x, float(max(self.width(), 1)))))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._request(event.position().x())
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._request(event.position().x())
            event.accept()
