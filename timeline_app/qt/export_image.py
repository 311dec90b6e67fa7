"""Export a timeline as a PNG, SVG or PDF picture, drawn by the canvas's own painter.

A picture is meant to be published on its own, so around the timeline it carries a title
(the documents' headline unless one is given), a legend naming each document in its
colour, and a line crediting the sources by title and file name. The size and the range
(every event, or a given viewport such as the window's current view) are the caller's.

Works without a window or a display: the command line calls it under the offscreen
platform, and a QGuiApplication is created when none exists (fonts need one).
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
)

from timeline_app.core.model import Timeline
from timeline_app.core.store import EventStore
from timeline_app.core.viewport import Viewport, to_datetime
from timeline_app.io.headline import headline_parts
from timeline_app.io.sources import file_name, source_label
from timeline_app.qt.canvas_labels import OVERFLOW_HEIGHT, CanvasGeometry
from timeline_app.qt.canvas_painter import MAX_LABEL_PX, layout_frame, overflow_text, paint_timeline
from timeline_app.qt.style import TimelineStyle

ImageFormat = Literal["png", "svg", "pdf"]
FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
DEFAULT_SIZE = (1600, 900)
MIN_SIDE, MAX_SIDE = 16, 20000
_PDF_DPI = 96  # one device unit per screen pixel, so a PDF lays out like the PNG
# The generic family every SVG renderer knows: a named desktop font may be missing elsewhere.
GENERIC_FAMILY = "sans-serif"
_SVG_FAMILY = re.compile(rb'font-family="([^"]*)"')
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_app: QGuiApplication | None = None


def _ensure_gui() -> None:
    global _app
    if QGuiApplication.instance() is not None:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([])


def _picture_font() -> QFont:
    """The desktop font's real family: "Sans Serif" is only Qt's alias, unknown to other renderers."""
    font = QFont(QGuiApplication.font())
    font.setFamily(QFontInfo(font).family() or GENERIC_FAMILY)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


def print_style(point_size: float = 10.0) -> TimelineStyle:
    """A light style for pictures: exports look the same whatever the desktop theme."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f3f3f3"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1a1a1a"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1a1a1a"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2a6fdb"))
    font = _picture_font()
    font.setPointSizeF(point_size)
    return TimelineStyle.from_palette(palette, font)


def _point_size(width: int) -> float:
    # A narrow picture is usually shown small: a slightly smaller face keeps more lanes in it.
    return 10.0 if width >= 1200 else 9.0


def whole_range(store: EventStore, width: float) -> Viewport:
    bounds = store.bounds()
    if bounds is None:
        raise ValueError("the timeline has no dated events to draw")
    return fitted_range(bounds[0], bounds[1], width)


def fitted_range(lo: float, hi: float, width: float) -> Viewport:
    """A view of [lo, hi] (viewport times) with room right of the last event for its label."""
    # The label may start where a bar ends, so the room is a little more than the longest label.
    return Viewport.fit(lo, hi, 0.02, width, 24.0, min(MAX_LABEL_PX + 60.0, width * 0.42))


def check_size(size: tuple[int, int]) -> tuple[int, int]:
    width, height = size
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise ValueError(f"image size {width}×{height} is outside {MIN_SIDE}–{MAX_SIDE} pixels")
    return width, height


def export_image(
    timeline: Timeline,
    path: str | Path,
    fmt: ImageFormat | str,
    size: tuple[int, int] = DEFAULT_SIZE,
    viewport: Viewport | None = None,
    title: str | None = None,
) -> None:
    """Draw ``timeline`` over ``viewport`` (default: all its dated events) into ``path``.

    ``title`` None names the picture after its documents; "" draws no title line.
    Raises ValueError for an unknown format, a bad size or nothing to draw, and OSError when
    the file cannot be written; a failed export leaves no partial file behind.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r} (use png, svg or pdf)")
    width, height = check_size(size)
    _ensure_gui()
    store = EventStore.from_timeline(timeline)
    view = viewport or whole_range(store, float(width))
    style = print_style(_point_size(width))
    first, tail = headline_parts(timeline)
    picture = Picture(
        timeline, store, view, style, first + tail if title is None else title, tail if title is None else ""
    )
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise OSError(errno.ENOENT, f"no such folder: {folder}")
    if not os.access(folder, os.W_OK):
        raise OSError(errno.EACCES, f"cannot write in the folder {folder}")
    temp = path.with_name(f".{path.name}.part")
    try:
        if fmt == "png":
            _png(temp, picture, width, height)
        elif fmt == "svg":
            _svg(temp, picture, width, height)
        else:
            _pdf(temp, picture, width, height)
        if not temp.is_file() or temp.stat().st_size == 0:
            raise OSError(errno.EIO, "nothing was written")
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


# ---------------------------------------------------------------- what is drawn around the timeline


def _day(t: float) -> str:
    d = to_datetime(t)
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


@dataclass(slots=True)
class Picture:
    """A timeline with its title, legend and credits, ready to paint at any size."""

    timeline: Timeline
    store: EventStore
    view: Viewport
    style: TimelineStyle
    title: str
    title_tail: str = ""  # the part of a title from the documents that says how many more there are

    @property
    def shown(self) -> list[int]:
        return [int(p) for p in self.store.visible(self.view.t0, self.view.t1)]

    def subtitle(self) -> str:
        shown = self.shown
        n = len(shown)
        # The events' own first and last days, within the range drawn (not the padded view's edges).
        starts = [float(self.store.start[p]) for p in shown]
        ends = [float(self.store.end[p]) for p in shown]
        if not starts:
            return f"No events between {_day(self.view.t0)} and {_day(self.view.t1)}"
        first = max(min(starts), self.view.t0)
        # An event's end is the start of the day after it (exclusive): its last day is just before.
        last = max(min(max(ends), self.view.t1) - 1 / 1440, first)
        span = _day(first) if _day(first) == _day(last) else f"{_day(first)} – {_day(last)}"
        return f"{n:,} {'event' if n == 1 else 'events'} · {span}"

    def lanes_height(self, width: float) -> float:
        """The height the timeline needs to give every event in view a label lane."""
        tall = QRectF(0, 0, width, 20000.0)
        frame = layout_frame(tall, self.store, self.view, self.style)
        if frame.dense:
            return 0.0
        geo = CanvasGeometry.of(tall, self.style)
        return geo.lanes_top + frame.lanes_used * geo.lane_height + OVERFLOW_HEIGHT + 4.0

    def legend(self) -> list[tuple[QColor, str]]:
        """Each document with an event in the picture, in the colour the painter gives it."""
        # As the painter indexes documents: by id, the last of equal ids winning.
        index = {d.id: i for i, d in enumerate(self.timeline.documents)}
        used: set[int] = set()
        for pos in self.shown:
            event = self.store.event_at(pos)
            if event is not None and event.document in index:
                used.add(index[event.document])
        docs = self.timeline.documents
        return [(self.style.ink(i).color, " ".join(source_label(docs[i]).split())) for i in sorted(used)]

    def credit(self) -> str:
        """The sources by file name (or address): the legend beside it already gives their titles."""
        names = list(dict.fromkeys(file_name(d.path) or source_label(d) for d in self.timeline.documents))
        names = [" ".join(n.split()) for n in names if n.strip()]
        return f"{'Source' if len(names) == 1 else 'Sources'}: {', '.join(names)}" if names else ""


@dataclass(slots=True)
class _Fonts:
    title: QFont
    subtitle: QFont
    legend: QFont
    credit: QFont

    @classmethod
    def for_size(cls, base: QFont, width: int) -> _Fonts:
        def sized(px: float, bold: bool = False) -> QFont:
            font = QFont(base)
            font.setPixelSize(max(round(px), 8))
            font.setBold(bold)
            return font

        # Pixel sizes: the same on every device (a PDF or SVG has no screen DPI to scale points by).
        title_px = min(max(width / 56, 16), 30)
        return cls(sized(title_px, True), sized(13), sized(13), sized(12))


def _wrap(text: str, metrics: QFontMetricsF, width: float, max_lines: int, tail: str = "") -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width``; the last kept line is elided.

    A ``tail`` of the text (" and 3 more sources") is kept whole when the rest must be cut.
    """
    lines = _wrap_words(text, metrics, width, max_lines)
    if not lines or not tail or not text.endswith(tail) or lines[-1].endswith(tail):
        return lines
    head = _wrap_words(text[: -len(tail)], metrics, width, max_lines)
    room = max(width - metrics.horizontalAdvance(tail), width * 0.3)
    last = head[-1].removesuffix("…")
    return [*head[:-1], metrics.elidedText(last + " …", Qt.TextElideMode.ElideRight, room).rstrip() + tail]


def _wrap_words(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(trial) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


@dataclass(slots=True)
class _LegendItem:
    color: QColor  # transparent for the "+N more" entry, which has no swatch
    text: str
    x: float
    row: int
    width: float


@dataclass(slots=True)
class _Layout:
    margin: float
    title_lines: list[str]
    subtitle: str
    legend: list[_LegendItem]
    legend_rows: int
    credit_lines: list[str]
    body: QRectF


_SWATCH = 12.0
_SWATCH_GAP = 6.0
_ITEM_GAP = 22.0


def _legend_rows(
    entries: Sequence[tuple[QColor, str]], metrics: QFontMetricsF, left: float, width: float, max_rows: int
) -> list[_LegendItem]:
    """Legend entries flowed into rows; what does not fit ends in a "+N more" entry."""
    items: list[_LegendItem] = []
    # One document may use the whole row; several share it.
    longest = max(width / min(max(len(entries), 1), 3) - _ITEM_GAP, 80.0)
    right = left + width
    x, row = left, 0
    for n, (color, text) in enumerate(entries):
        label = metrics.elidedText(text, Qt.TextElideMode.ElideRight, longest)
        need = _SWATCH + _SWATCH_GAP + metrics.horizontalAdvance(label)
        if x > left and x + need > right:
            row, x = row + 1, left
        if row >= max_rows:
            return _with_count(items, len(entries) - n, metrics, left, right, max_rows - 1)
        items.append(_LegendItem(color, label, x, row, need))
        x += need + _ITEM_GAP
    return items


def _with_count(
    items: list[_LegendItem], rest: int, metrics: QFontMetricsF, left: float, right: float, row: int
) -> list[_LegendItem]:
    """``items`` ending in "+N more" on the last row, dropping entries until the count fits."""
    while True:
        more = f"+{rest} more"
        on_row = [i for i in items if i.row == row]
        x = on_row[-1].x + on_row[-1].width + _ITEM_GAP if on_row else left
        if x + metrics.horizontalAdvance(more) <= right or not on_row:
            return [*items, _LegendItem(QColor(0, 0, 0, 0), more, x, row, metrics.horizontalAdvance(more))]
        items = items[:-1]
        rest += 1


_Budget = tuple[int, bool, int, int]  # title lines, subtitle, legend rows, credit lines
# Pictures that hold everything, fullest first; what gives way first is a second title line,
# then legend rows and credit lines, then the subtitle.
_COMPLETE: tuple[_Budget, ...] = ((2, True, 3, 2), (2, True, 2, 1), (1, True, 1, 1), (1, False, 1, 1))
# Only when even the most compact complete picture would squash the timeline.
_TINY: tuple[_Budget, ...] = ((1, False, 1, 0), (1, False, 0, 0), (0, False, 0, 0))


def _layout(picture: Picture, fonts: _Fonts, width: int, height: int) -> _Layout:
    margin = 16.0 if width < 1000 else 24.0
    inner = width - 2 * margin
    title_m, sub_m = QFontMetricsF(fonts.title), QFontMetricsF(fonts.subtitle)
    legend_m, credit_m = QFontMetricsF(fonts.legend), QFontMetricsF(fonts.credit)
    entries = picture.legend()
    credit = picture.credit()

    def build(budget: _Budget) -> _Layout:
        title_lines, with_subtitle, legend_rows, credit_lines = budget
        titles = _wrap(picture.title, title_m, inner, title_lines, picture.title_tail) if title_lines else []
        subtitle = picture.subtitle() if with_subtitle else ""
        legend = _legend_rows(entries, legend_m, margin, inner, legend_rows) if legend_rows else []
        credits = _wrap(credit, credit_m, inner, credit_lines) if credit and credit_lines else []
        rows = max((i.row for i in legend), default=-1) + 1
        top = margin if titles or subtitle else 0.0
        top += len(titles) * title_m.lineSpacing() + (sub_m.lineSpacing() if subtitle else 0.0)
        top += 10.0 if titles or subtitle else 0.0
        bottom = rows * max(legend_m.lineSpacing(), _SWATCH) + (6.0 if rows else 0.0)
        bottom += len(credits) * credit_m.lineSpacing()
        bottom += 10.0 + margin * 0.75 if rows or credits else 0.0
        return _Layout(margin, titles, subtitle, legend, rows, credits, QRectF(0, top, width, height - top - bottom))

    least_body = max(height * 0.45, min(160.0, height * 0.8))
    every_label = max(least_body, picture.lanes_height(width))
    complete = [build(b) for b in _COMPLETE]
    for layout in complete:
        if layout.body.height() >= every_label:
            return layout
    if complete[-1].body.height() >= least_body:
        return complete[-1]  # some labels left out, said so under the lanes
    for budget in _TINY:
        layout = build(budget)
        if layout.body.height() >= least_body:
            return layout
    return layout


def _paint_picture(painter: QPainter, picture: Picture, width: int, height: int) -> None:
    style = picture.style
    fonts = _Fonts.for_size(style.font, width)
    layout = _layout(picture, fonts, width, height)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(QRectF(0, 0, width, height), style.background)
    body = layout.body
    if body.height() > 1:
        painter.save()
        painter.translate(body.topLeft())
        painter.setClipRect(QRectF(0, 0, body.width(), body.height()))
        frame_rect = QRectF(0, 0, body.width(), body.height())
        paint_timeline(painter, frame_rect, picture.store, picture.view, None, style)
        _picture_overflow(painter, frame_rect, picture)
        painter.restore()
    margin = layout.margin
    y = margin
    painter.setPen(style.text)
    painter.setFont(fonts.title)
    metrics = QFontMetricsF(fonts.title)
    for line in layout.title_lines:
        painter.drawText(QPointF(margin, y + metrics.ascent()), line)
        y += metrics.lineSpacing()
    if layout.subtitle:
        painter.setFont(fonts.subtitle)
        painter.setPen(style.muted)
        metrics = QFontMetricsF(fonts.subtitle)
        painter.drawText(QPointF(margin, y + metrics.ascent()), layout.subtitle)
    if not (layout.legend or layout.credit_lines):
        return
    y = body.bottom()
    painter.setPen(QPen(style.major_grid_pen))
    painter.drawLine(QPointF(margin, y + 0.5), QPointF(width - margin, y + 0.5))
    y += 10.0
    metrics = QFontMetricsF(fonts.legend)
    row_h = max(metrics.lineSpacing(), _SWATCH)
    painter.setFont(fonts.legend)
    for item in layout.legend:
        top = y + item.row * row_h
        x = item.x
        if item.color.alpha():
            swatch = QRectF(x, top + (row_h - _SWATCH) / 2, _SWATCH, _SWATCH)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(item.color)
            painter.drawRoundedRect(swatch, 2.5, 2.5)
            x += _SWATCH + _SWATCH_GAP
            painter.setPen(style.text)
        else:
            painter.setPen(style.muted)
        painter.drawText(QPointF(x, top + (row_h - metrics.height()) / 2 + metrics.ascent()), item.text)
    y += layout.legend_rows * row_h + (6.0 if layout.legend_rows else 0.0)
    painter.setFont(fonts.credit)
    painter.setPen(style.muted)
    metrics = QFontMetricsF(fonts.credit)
    for line in layout.credit_lines:
        painter.drawText(QPointF(margin, y + metrics.ascent()), line)
        y += metrics.lineSpacing()


def _picture_overflow(painter: QPainter, rect: QRectF, picture: Picture) -> None:
    """The strip under the lanes speaks of a picture, not of a window one can scroll or zoom."""
    style = picture.style
    frame = layout_frame(rect, picture.store, picture.view, style)
    if frame.dense:
        return
    geo = CanvasGeometry.of(rect, style)
    lanes = [int(lane) for lane in frame.lanes]
    below = sum(1 for lane in lanes if lane >= geo.max_lanes)
    unplaced = sum(1 for lane in lanes if lane < 0)
    spanning = frame.spanning_left_out
    window_text = overflow_text(0, below, unplaced, spanning, style.number)
    if not window_text:
        return
    left_out = below + unplaced
    parts = (
        [f"{style.number(left_out)} more {'event' if left_out == 1 else 'events'} without a label"] if left_out else []
    )
    if left_out:
        parts[0] += " (a taller or wider picture has room for them)"
    if spanning:
        parts.append(f"{style.number(spanning)} long periods cover the range, not drawn")
    text = " · ".join(parts)
    metrics = QFontMetricsF(style.small_font)
    covered = max(metrics.horizontalAdvance(window_text), metrics.horizontalAdvance(text)) + 12
    painter.fillRect(
        QRectF(rect.right() - covered - 4, geo.overflow_top + 1, covered + 4, rect.bottom() - geo.overflow_top - 1),
        style.background,
    )
    painter.setFont(style.small_font)
    painter.setPen(style.muted)
    painter.drawText(QPointF(rect.right() - metrics.horizontalAdvance(text) - 6, rect.bottom() - 3), text)


def _paint(painter: QPainter, picture: Picture, width: int, height: int) -> None:
    try:
        _paint_picture(painter, picture, width, height)
    finally:
        painter.end()


def _png(path: Path, picture: Picture, width: int, height: int) -> None:
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(picture.style.background)
    _paint(QPainter(image), picture, width, height)
    writer = QImageWriter(str(path), QByteArray(b"png"))
    if not writer.write(image):
        raise OSError(errno.EIO, f"cannot write the PNG file: {writer.errorString()}")


def _generic_fonts(svg: bytes) -> bytes:
    """Every font-family ends in the generic family, and Qt's "Sans Serif" alias is replaced by it."""

    def fix(m: re.Match[bytes]) -> bytes:
        names = [n.strip().strip("'\"") for n in m.group(1).decode("utf-8", "replace").split(",")]
        names = [n for n in names if n and n.lower() not in ("sans serif", GENERIC_FAMILY)]
        family = ", ".join([*(f"'{n}'" for n in names), GENERIC_FAMILY])
        return f'font-family="{family}"'.encode()

    return _SVG_FAMILY.sub(fix, svg)


def _svg(path: Path, picture: Picture, width: int, height: int) -> None:
    from PySide6.QtSvg import QSvgGenerator

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRect(0, 0, width, height))
    generator.setResolution(_PDF_DPI)  # point sizes as on screen and in the PNG, not at 72 dpi
    generator.setTitle(picture.title or "Timeline")
    generator.setDescription(picture.credit())
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(errno.EIO, "cannot write the SVG file")
    _paint(painter, picture, width, height)
    buffer.close()
    path.write_bytes(_generic_fonts(bytes(buffer.data().data())))


def _pdf(path: Path, picture: Picture, width: int, height: int) -> None:
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
    writer.setTitle(picture.title or "Timeline")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(errno.EIO, "cannot write the PDF file")
    device = painter.device()
    _paint(painter, picture, device.width(), device.height())
