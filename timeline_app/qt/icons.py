"""The application icon (resources/timeline-app.svg) and toolbar icons."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
APP_ICON_PATH = RESOURCES / "timeline-app.svg"


@cache
def app_icon() -> QIcon:
    """Loaded once: checking that the SVG renders costs a rasterisation each time."""
    if APP_ICON_PATH.is_file():
        icon = QIcon(str(APP_ICON_PATH))
        if not icon.pixmap(32, 32).isNull():  # the SVG image plugin may be missing
            return icon
    return _drawn_icon()


def _drawn_icon() -> QIcon:
    """Fallback when the SVG is not installed alongside the package."""
    icon = QIcon()
    for size in (16, 32, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = size / 256.0
        p.setBrush(QColor("#1d3557"))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
        p.setPen(QPen(QColor("#f1faee"), max(10 * s, 1.0)))
        p.drawLine(QPointF(36 * s, 176 * s), QPointF(220 * s, 176 * s))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#e63946"))
        p.drawEllipse(QPointF(70 * s, 72 * s), 18 * s, 18 * s)
        p.end()
        icon.addPixmap(pixmap)
    return icon


def standard_icon(name: str, theme: str = "") -> QIcon:
    """A theme icon when the desktop has one, else Qt's built-in standard pixmap."""
    if theme and QIcon.hasThemeIcon(theme):
        return QIcon.fromTheme(theme)
    style = QApplication.style()
    pixmap = getattr(QStyle.StandardPixmap, name, None)
    return style.standardIcon(pixmap) if style is not None and pixmap is not None else QIcon()
