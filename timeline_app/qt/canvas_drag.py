"""Dragging an event on the canvas: what is being moved, and the outline drawn while it moves."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen

from timeline_app.core.store import MARKER_RADIUS_PX
from timeline_app.qt.canvas_labels import BAR_HEIGHT, CanvasGeometry
from timeline_app.qt.style import TimelineStyle


@dataclass(slots=True)
class EventDrag:
    """A press on an event's mark: ``mode`` "move" (the whole event), "start" or "end" (one end)."""

    event_id: str
    mode: str
    x0: float  # where the press was
    x: float  # where the pointer is now
    index: int  # in the frame's arrays when the press happened
    lane: int
    active: bool = False  # moved far enough to be a drag, not a click


@dataclass(frozen=True, slots=True)
class DragPreview:
    lane: int
    x0: float
    x1: float
    xm: float
    mode: str
    text: str  # the date the event would get


def paint_drag_preview(painter: QPainter, geo: CanvasGeometry, preview: DragPreview, style: TimelineStyle) -> None:
    """A dashed outline where the event would go, and the date it would get."""
    if not geo.shows(preview.lane):
        return
    cy = geo.marker_y(preview.lane)
    pen = QPen(style.highlight, 1.5, Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if preview.mode == "move" and preview.x1 - preview.x0 <= 2 * MARKER_RADIUS_PX + 4:
        painter.drawEllipse(QPointF(preview.xm, cy), MARKER_RADIUS_PX + 1, MARKER_RADIUS_PX + 1)
        anchor = preview.xm
    else:
        painter.drawRect(QRectF(preview.x0, cy - BAR_HEIGHT / 2 - 1, max(preview.x1 - preview.x0, 2.0), BAR_HEIGHT + 2))
        anchor = preview.x1 if preview.mode == "end" else preview.x0
    fm = QFontMetricsF(style.small_font)
    text = f"→ {preview.text}"
    width = fm.horizontalAdvance(text) + 8
    rect = geo.rect
    left = min(max(anchor - width / 2, rect.left() + 2), rect.right() - width - 2)
    chip = QRectF(left, geo.lane_top(preview.lane) - fm.height() - 2, width, fm.height() + 2)
    if chip.top() < geo.lanes_top - geo.axis_height:
        chip.moveTop(cy + BAR_HEIGHT)
    painter.setPen(style.highlight_pen)
    painter.setBrush(style.background)
    painter.drawRoundedRect(chip, 3, 3)
    painter.setFont(style.small_font)
    painter.setPen(style.text)
    painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
