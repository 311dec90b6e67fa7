"""Export a timeline as a PNG, SVG or PDF picture, drawn by the canvas's own painter.

Works without a window or a display: the command line calls it under the offscreen
platform, and a QGuiApplication is created when none exists (fonts need one).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QByteArray, QMarginsF, QRect, QRectF, QSize, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
)

from timeline_app.core.model import Timeline
from timeline_app.core.store import EventStore
from timeline_app.core.viewport import Viewport
from timeline_app.qt.canvas_painter import MAX_LABEL_PX, paint_timeline
from timeline_app.qt.style import TimelineStyle

ImageFormat = Literal["png", "svg", "pdf"]
FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
_PDF_DPI = 96  # one device unit per screen pixel, so a PDF lays out like the PNG

_app: QGuiApplication | None = None


def _ensure_gui() -> None:
    global _app
    if QGuiApplication.instance() is not None:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([])


def print_style() -> TimelineStyle:
    """A light style for pictures: exports look the same whatever the desktop theme."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f3f3f3"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1a1a1a"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1a1a1a"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2a6fdb"))
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(10.0)
    return TimelineStyle.from_palette(palette, font)


def whole_range(store: EventStore, width: float) -> Viewport:
    bounds = store.bounds()
    if bounds is None:
        raise ValueError("the timeline has no dated events to draw")
    return Viewport.fit(bounds[0], bounds[1], 0.02, width, 24.0, min(MAX_LABEL_PX + 16.0, width * 0.35))


def export_image(
    timeline: Timeline,
    path: str | Path,
    fmt: ImageFormat | str,
    size: tuple[int, int] = (1600, 600),
    viewport: Viewport | None = None,
) -> None:
    """Draw ``timeline`` over ``viewport`` (default: all its dated events) into ``path``.

    Raises ValueError for an unknown format, a bad size or nothing to draw, and OSError when
    the file cannot be written; a failed export leaves no partial file behind.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r} (use png, svg or pdf)")
    width, height = size
    if width < 16 or height < 16 or width > 20000 or height > 20000:
        raise ValueError(f"image size {width}×{height} is outside 16–20000 pixels")
    _ensure_gui()
    store = EventStore.from_timeline(timeline)
    view = viewport or whole_range(store, float(width))
    style = print_style()
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise OSError(errno.ENOENT, f"no such folder: {folder}")
    if not os.access(folder, os.W_OK):
        raise OSError(errno.EACCES, f"cannot write in the folder {folder}")
    temp = path.with_name(f".{path.name}.part")
    try:
        if fmt == "png":
            _png(temp, store, view, style, width, height)
        elif fmt == "svg":
            _svg(temp, store, view, style, width, height)
        else:
            _pdf(temp, store, view, style, width, height)
        if not temp.is_file() or temp.stat().st_size == 0:
            raise OSError(errno.EIO, "nothing was written")
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _paint(painter: QPainter, rect: QRectF, store: EventStore, view: Viewport, style: TimelineStyle) -> None:
    try:
        paint_timeline(painter, rect, store, view, None, style)
    finally:
        painter.end()


def _png(path: Path, store: EventStore, view: Viewport, style: TimelineStyle, width: int, height: int) -> None:
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(style.background)
    _paint(QPainter(image), QRectF(0, 0, width, height), store, view, style)
    writer = QImageWriter(str(path), QByteArray(b"png"))
    if not writer.write(image):
        raise OSError(errno.EIO, f"cannot write the PNG file: {writer.errorString()}")


def _svg(path: Path, store: EventStore, view: Viewport, style: TimelineStyle, width: int, height: int) -> None:
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRect(0, 0, width, height))
    generator.setTitle("Timeline")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(errno.EIO, "cannot write the SVG file")
    _paint(painter, QRectF(0, 0, width, height), store, view, style)


def _pdf(path: Path, store: EventStore, view: Viewport, style: TimelineStyle, width: int, height: int) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(_PDF_DPI)
    points = QSizeF(width * 72.0 / _PDF_DPI, height * 72.0 / _PDF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(points, QPageSize.Unit.Point, "Timeline", QPageSize.SizeMatchPolicy.ExactMatch),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle("Timeline")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(errno.EIO, "cannot write the PDF file")
    device = painter.device()
    _paint(painter, QRectF(0, 0, device.width(), device.height()), store, view, style)
