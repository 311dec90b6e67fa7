"""Help ▸ Legend: every mark the timeline draws, drawn by the same code, with what it means."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from timeline_app.core.store import (
    FLAG_EXPECTED,
    FLAG_ONGOING,
    FLAG_OPEN_END,
    KIND_BOUNDED,
    KIND_INTERVAL,
    KIND_POINT,
    MARKER_RADIUS_PX,
)
from timeline_app.qt.canvas_labels import BADGE_GAP, BADGE_PAD
from timeline_app.qt.canvas_painter import (
    _paint_badge,
    _paint_conflict,
    _paint_curated_mark,
    _paint_glyph,
    _paint_ring,
    _zigzag,
)
from timeline_app.qt.style import TimelineStyle

SAMPLE_W, SAMPLE_H = 96, 30
Sample = Callable[[QPainter, TimelineStyle], None]


def _glyph(kind: int, flags: int, x0: float, x1: float, xm: float) -> Sample:
    def draw(p: QPainter, style: TimelineStyle) -> None:
        _paint_glyph(p, kind, flags, x0, x1, xm, SAMPLE_H / 2, style.ink(0), style)

    return draw


def _text(text: str, italic: bool = False, bold: bool = False, dot: bool = False) -> Sample:
    def draw(p: QPainter, style: TimelineStyle) -> None:
        x = 4.0
        if dot:
            _paint_glyph(p, KIND_POINT, 0, 0, 0, 10, SAMPLE_H / 2, style.ink(0), style)
            x = 20.0
        p.setFont(style.bold_font if bold else style.italic_font if italic else style.small_font)
        p.setPen(style.muted if not bold else style.text)
        p.drawText(QPointF(x, SAMPLE_H / 2 + QFontMetricsF(p.font()).ascent() / 2 - 1), text)

    return draw


def _selected(p: QPainter, style: TimelineStyle) -> None:
    _paint_glyph(p, KIND_POINT, 0, 0, 0, 14, SAMPLE_H / 2, style.ink(0), style)
    p.setPen(style.highlight_pen)
    p.setBrush(style.highlight_fill)
    p.drawRoundedRect(QRectF(4, 3, SAMPLE_W - 8, SAMPLE_H - 6), 5, 5)


def _ringed(p: QPainter, style: TimelineStyle) -> None:
    _paint_glyph(p, KIND_POINT, 0, 0, 0, 48, SAMPLE_H / 2, style.ink(0), style)
    _paint_ring(p, 0, 0, 48, SAMPLE_H / 2, KIND_POINT, style)


def _pencil(p: QPainter, style: TimelineStyle) -> None:
    p.setFont(style.font)
    p.setPen(style.text)
    base = SAMPLE_H / 2 + 5
    p.drawText(QPointF(4, base), "Title")
    _paint_curated_mark(p, 4 + QFontMetricsF(style.font).horizontalAdvance("Title") + 3, base, style)


def _colours(p: QPainter, style: TimelineStyle) -> None:
    for i in range(4):
        _paint_glyph(p, KIND_POINT, 0, 0, 0, 14 + i * 22, SAMPLE_H / 2, style.ink(i), style)


def _gap(p: QPainter, style: TimelineStyle) -> None:
    p.fillRect(QRectF(40, 0, 16, SAMPLE_H), style.background)
    p.setPen(style.break_pen)
    _zigzag(p, 42, 0, SAMPLE_H)
    _zigzag(p, 54, 0, SAMPLE_H)


def _compressed(p: QPainter, style: TimelineStyle) -> None:
    p.fillRect(QRectF(0, 0, 58, SAMPLE_H), style.compressed_brush)
    p.setPen(style.break_pen)
    _zigzag(p, 58, 0, SAMPLE_H)
    for x in (12, 20, 44):
        _paint_glyph(p, KIND_POINT, 0, 0, 0, x, SAMPLE_H / 2, style.ink(1), style)


def _ticks(p: QPainter, style: TimelineStyle) -> None:
    p.setPen(style.axis_pen)
    for x in (10, 16, 30, 52, 58, 80):
        p.drawLine(QPointF(x, SAMPLE_H / 2 - 4), QPointF(x, SAMPLE_H / 2 + 4))


def _density(p: QPainter, style: TimelineStyle) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(style.density_brush)
    for x, h in enumerate((3, 5, 9, 14, 20, 24, 18, 12, 15, 22, 26, 19, 10, 6, 4, 8, 12, 7, 4, 2)):
        p.drawRect(QRectF(8 + x * 4, SAMPLE_H - h, 4, h))


def _sources(count: str, conflict: bool) -> Sample:
    """A dot, the badge with the number of sources, and a date after it, as a lane draws them."""

    def draw(p: QPainter, style: TimelineStyle) -> None:
        cy = SAMPLE_H / 2
        _paint_glyph(p, KIND_POINT, 0, 0, 0, 10, cy, style.ink(0), style)
        if conflict:
            _paint_conflict(p, 10, 10, 10, cy, KIND_POINT, style)
        fm = QFontMetricsF(style.small_font)
        badge = QFontMetricsF(style.badge_font)
        width = max(badge.horizontalAdvance(count) + 2 * BADGE_PAD, badge.height())
        x = 10 + MARKER_RADIUS_PX + 6
        _paint_badge(p, QRectF(x, cy - fm.height() / 2, width, fm.height()), count, conflict, style)
        p.setFont(style.small_font)
        p.setPen(style.muted)
        p.drawText(QPointF(x + width + BADGE_GAP, cy + fm.ascent() / 2 - 1), "Oct 2007")

    return draw


def _dragged(p: QPainter, style: TimelineStyle) -> None:
    from PySide6.QtGui import QPen

    _paint_glyph(p, KIND_POINT, 0, 0, 0, 14, SAMPLE_H / 2, style.ink(0), style)
    pen = QPen(style.highlight, 1.5, Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(60, SAMPLE_H / 2), MARKER_RADIUS_PX + 1, MARKER_RADIUS_PX + 1)


MARKS: tuple[tuple[Sample, str], ...] = (
    (_glyph(KIND_POINT, 0, 0, 0, 48), "An event dated to a day (or to a time of day)."),
    (
        _glyph(KIND_POINT, 0, 8, 88, 48),
        "An event known only to a week, month, year…: the pale band is that whole unit.",
    ),
    (_text("~ 3 Sep 2025", dot=True), "A date the text implies but does not state (“~”)."),
    (_glyph(KIND_INTERVAL, 0, 8, 88, 8), "A period, from its start to its end."),
    (_glyph(KIND_INTERVAL, FLAG_OPEN_END, 8, 88, 8), "A period whose end the text leaves open (arrowhead)."),
    (
        _glyph(KIND_INTERVAL, FLAG_ONGOING | FLAG_OPEN_END, 8, 78, 8),
        "Ongoing (“since October, troops have…”): drawn to the day the article was written, still going on then.",
    ),
    (
        _glyph(KIND_BOUNDED, 0, 8, 88, 8),
        "Hatched and faded: the text gives no date, only bounds it lies between. It is never drawn as a point.",
    ),
    (_glyph(KIND_POINT, FLAG_EXPECTED, 0, 0, 48), "Hollow dot, italic title: expected, has not happened yet."),
    (_selected, "The selected event: its whole title and date, in a box. Nothing else is drawn over it."),
    (_ringed, "A ring: one more selected event (Ctrl-click adds one, Shift-click a range)."),
    (_pencil, "A pencil after the title: a person edited the event or marked it reviewed."),
    (
        _sources("3", False),
        "A number before the date: how many articles tell the event (they were joined into one). "
        "The detail pane lists each with its sentence.",
    ),
    (
        _sources("2", True),
        "A red outline and a red number: the articles disagree on the event's date. The date shown is "
        "the best-supported one; View ▸ Conflicts lists every such event.",
    ),
    (_text("Talks · 3 Sep"), "The group a person filed the event under, before its date."),
    (_colours, "Colours: one per article. View ▸ Documents Legend names them and hides or shows each."),
    (
        _gap,
        "A zigzag pair across the timeline: a long stretch with no events is left out; "
        "its length is written on the axis.",
    ),
    (
        _compressed,
        "A shaded stretch: far from the story, time runs faster here (its ticks say how much). "
        "View ▸ Linear Time Axis shows everything to scale.",
    ),
    (
        _ticks,
        "Ticks under the lanes: events in view whose lanes are scrolled away (Shift+wheel or the scroll bar) "
        "or that have no room (zoom in).",
    ),
    (_density, "A grey profile: too many events begin in view to label them; zoom in to read them."),
    (_dragged, "A dashed outline while dragging an event: where it will go, with the date it will get."),
)


def sample_pixmap(sample: Sample, style: TimelineStyle, ratio: float = 1.0) -> QPixmap:
    pixmap = QPixmap(int(SAMPLE_W * ratio), int(SAMPLE_H * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(style.background)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    sample(painter, style)
    painter.end()
    return pixmap


class MarksLegend(QDialog):
    """What every mark on the timeline means, each drawn as the timeline draws it."""

    def __init__(self, style: TimelineStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("marksLegend")
        self.setWindowTitle("Legend — Reading the Timeline")
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(12)
        ratio = self.devicePixelRatioF()
        self.rows: list[tuple[QLabel, QLabel]] = []
        for row, (sample, text) in enumerate(MARKS):
            picture = QLabel()
            picture.setPixmap(sample_pixmap(sample, style, ratio))
            picture.setAccessibleName(text)
            words = QLabel(text)
            words.setWordWrap(True)
            grid.addWidget(picture, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(words, row, 1)
            self.rows.append((picture, words))
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidget(grid_host)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)
