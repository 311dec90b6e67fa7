"""Paint a timeline on any QPainter: widget, QImage, QSvgGenerator or QPdfWriter.

``paint_timeline(painter, rect, store, viewport, selected, palette)`` where ``store`` is a
:class:`timeline_app.core.store.EventStore`, ``viewport`` a
:class:`timeline_app.core.viewport.Viewport`, ``selected`` an event id (or None) and
``palette`` a :class:`timeline_app.qt.style.TimelineStyle` (colours, pens, fonts).

Everything is drawn from the store's arrays: culled with ``searchsorted``, lanes packed so
labels never overlap, a density profile instead of marks when too many are in view. Label
text and widths are measured once per store and font and cached. Device coordinates are
clamped because the raster engine misbehaves far outside the paint area.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen

from timeline_app.core.store import (
    FLAG_CURATED,
    FLAG_EXPECTED,
    FLAG_ONGOING,
    FLAG_OPEN_END,
    FLAG_OPEN_START,
    GLOBAL_LAYOUT_LIMIT,
    KIND_BOUNDED,
    KIND_POINT,
    MARKER_RADIUS_PX,
    EventStore,
    FloatArray,
    FrameLayout,
)
from timeline_app.core.viewport import Viewport
from timeline_app.qt.axis import AxisTicks, axis_ticks
from timeline_app.qt.style import DocumentInk, TimelineStyle

MAX_LABEL_PX = 300.0  # titles longer than this are elided
MAX_DATE_LABEL_PX = 320.0  # "between ... and ... — date not stated" should fit whole
GLYPH_ROW = 14.0  # height of the row holding a lane's marker or bar
BAR_HEIGHT = 9.0
OVERFLOW_HEIGHT = 16.0
LANE_TOP_PAD = 8.0
# Shapes are cut this far outside the paint rect: the raster engine misbehaves on huge
# coordinates, and filling (hatched, antialiased) area nobody sees costs real time.
CLAMP_PX = 24.0
CURATED_MARK_PX = 11.0  # a pencil after the title: a person edited or reviewed this event
ARROW_PX = 7.0  # the open arrowhead of an ongoing event


@dataclass(frozen=True, slots=True)
class CanvasGeometry:
    """Vertical layout of the canvas for a paint rect and style."""

    rect: QRectF
    axis_height: float
    lane_height: float
    lanes_top: float
    max_lanes: int
    overflow_top: float

    @classmethod
    def of(cls, rect: QRectF, style: TimelineStyle) -> CanvasGeometry:
        axis_h = math.ceil(style.line_height + style.small_line_height + 10)
        lane_h = math.ceil(GLYPH_ROW + style.line_height + style.small_line_height + 6)
        lanes_top = rect.top() + axis_h + LANE_TOP_PAD
        overflow_top = rect.bottom() - OVERFLOW_HEIGHT
        max_lanes = max(int((overflow_top - lanes_top) // lane_h), 1)
        return cls(rect, axis_h, lane_h, lanes_top, max_lanes, overflow_top)

    def lane_at(self, y: float) -> int | None:
        """Lane under y; -1 for the overflow strip, None above the lanes."""
        if y >= self.overflow_top:
            return -1
        if y < self.lanes_top:
            return None
        lane = int((y - self.lanes_top) // self.lane_height)
        return lane if lane < self.max_lanes else None


class LabelCache:
    """Title/date text and label width per store position, measured lazily for one font."""

    def __init__(self, store: EventStore, style: TimelineStyle) -> None:
        self.store = store
        self.key = (style.font.key(), style.small_font.key())
        self.widths: FloatArray = np.full(len(store), np.nan)
        self.titles: dict[int, str] = {}
        self.full_titles: dict[int, str] = {}
        self.dates: dict[int, str] = {}
        self.full_dates: dict[int, str] = {}
        self._fm = QFontMetricsF(style.font)
        self._fm_small = QFontMetricsF(style.small_font)
        self.mark_width = CURATED_MARK_PX + 4.0

    def ensure(self, positions: np.ndarray) -> None:
        missing = positions[np.isnan(self.widths[positions])]
        fm, fms = self._fm, self._fm_small
        for pos in missing.tolist():
            event = self.store.event_at(pos)
            full = (event.title if event is not None else self.store.ids[pos]) or "(untitled)"
            self.full_titles[pos] = full
            title = fm.elidedText(full, Qt.TextElideMode.ElideRight, MAX_LABEL_PX)
            when = event.date.describe() if event is not None else ""
            if self.store.flags[pos] & FLAG_ONGOING:
                when = f"{when} → still going on when written"
            if event is not None and event.group:
                when = f"{event.group} · {when}"  # the group a person filed the event under
            self.full_dates[pos] = when
            when = fms.elidedText(when, Qt.TextElideMode.ElideRight, MAX_DATE_LABEL_PX)
            self.titles[pos] = title
            self.dates[pos] = when
            mark = self.mark_width if self.store.flags[pos] & FLAG_CURATED else 0.0
            self.widths[pos] = max(fm.horizontalAdvance(title) + mark, fms.horizontalAdvance(when)) + 6.0

    def forget(self, positions: Collection[int]) -> None:
        """Measure these labels again (their event was edited)."""
        for pos in positions:
            self.widths[pos] = np.nan
            for table in (self.titles, self.full_titles, self.dates, self.full_dates):
                table.pop(pos, None)


_label_caches: weakref.WeakKeyDictionary[EventStore, LabelCache] = weakref.WeakKeyDictionary()


def forget_labels(store: EventStore, positions: Collection[int]) -> None:
    cache = _label_caches.get(store)
    if cache is not None:
        cache.forget(positions)


def label_cache(store: EventStore, style: TimelineStyle) -> LabelCache:
    cache = _label_caches.get(store)
    if cache is None or cache.key != (style.font.key(), style.small_font.key()):
        cache = LabelCache(store, style)
        _label_caches[store] = cache
    return cache


def paint_timeline(
    painter: QPainter,
    rect: QRectF,
    store: EventStore,
    viewport: Viewport,
    selected: str | None,
    palette: TimelineStyle,
    *,
    also_selected: Collection[str] = (),
) -> None:
    """Paint the whole timeline into ``rect``; see the module docstring for the types.

    ``also_selected``: further selected event ids (ringed; ``selected`` gets the label box).
    """
    render_frame(painter, rect, store, viewport, selected, palette, also_selected=also_selected)


def layout_frame(rect: QRectF, store: EventStore, viewport: Viewport, style: TimelineStyle) -> FrameLayout:
    """The frame that ``render_frame`` would draw, without drawing it (used for hit tests)."""
    geo = CanvasGeometry.of(rect, style)
    labels = label_cache(store, style)
    width = rect.width()
    if len(store) <= GLOBAL_LAYOUT_LIMIT:
        # Lanes are packed over the whole timeline, so every label must be measured.
        labels.ensure(np.arange(len(store)))
        frame = store.layout(viewport, width, labels.widths, geo.max_lanes)
    else:
        frame = store.layout(viewport, width, labels.widths, geo.max_lanes, on_visible=labels.ensure)
    if not frame.dense and rect.left() != 0.0:
        frame.x0 += rect.left()
        frame.x1 += rect.left()
        frame.xm += rect.left()
    return frame


def render_frame(
    painter: QPainter,
    rect: QRectF,
    store: EventStore,
    viewport: Viewport,
    selected: str | None,
    style: TimelineStyle,
    *,
    also_selected: Collection[str] = (),
) -> FrameLayout:
    geo = CanvasGeometry.of(rect, style)
    painter.save()
    painter.setClipRect(rect)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(rect, style.background)
    ticks = axis_ticks(viewport, rect.width())
    _paint_grid(painter, geo, viewport, ticks, style)
    frame = layout_frame(rect, store, viewport, style)
    selected_pos = store.position(selected) if selected else -1
    if frame.dense:
        _paint_density(painter, geo, frame, len(store), style)
        if selected_pos >= 0:
            x = _clamp(float(viewport.to_px(store.marker_time(selected_pos), rect.width(), rect.left())), rect)
            painter.setPen(style.highlight_pen)
            painter.drawLine(QPointF(x, geo.lanes_top), QPointF(x, geo.overflow_top))
    else:
        marked = {store.position(i) for i in also_selected} - {-1}
        _paint_events(painter, geo, store, frame, selected_pos, style, marked)
    _paint_axis(painter, geo, viewport, ticks, style)
    painter.restore()
    return frame


def _clamp(x: float, rect: QRectF) -> float:
    return min(max(x, rect.left() - CLAMP_PX), rect.right() + CLAMP_PX)


def _paint_grid(
    painter: QPainter, geo: CanvasGeometry, viewport: Viewport, ticks: AxisTicks, style: TimelineStyle
) -> None:
    rect = geo.rect
    top, bottom = rect.top() + geo.axis_height, rect.bottom()
    painter.setPen(style.grid_pen)
    for tick in ticks.minor:
        x = float(viewport.to_px(tick.t, rect.width(), rect.left()))
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))
    painter.setPen(style.major_grid_pen)
    for tick in ticks.major:
        x = float(viewport.to_px(tick.t, rect.width(), rect.left()))
        if x >= rect.left():
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))


def _paint_axis(
    painter: QPainter, geo: CanvasGeometry, viewport: Viewport, ticks: AxisTicks, style: TimelineStyle
) -> None:
    rect = geo.rect
    band = QRectF(rect.left(), rect.top(), rect.width(), geo.axis_height)
    painter.fillRect(band, style.axis_brush)
    painter.setPen(style.axis_pen)
    painter.drawLine(QPointF(rect.left(), band.bottom()), QPointF(rect.right(), band.bottom()))
    fm_bold = QFontMetricsF(style.bold_font)
    fm_small = QFontMetricsF(style.small_font)
    major_base = rect.top() + 4 + fm_bold.ascent()
    minor_base = major_base + fm_bold.descent() + 3 + fm_small.ascent()
    painter.setFont(style.small_font)
    painter.setPen(style.muted)
    for tick in ticks.minor:
        x = float(viewport.to_px(tick.t, rect.width(), rect.left()))
        painter.drawLine(QPointF(x, band.bottom() - 5), QPointF(x, band.bottom()))
        painter.drawText(QPointF(x + 3, minor_base), tick.label)
    painter.setFont(style.bold_font)
    painter.setPen(style.text)
    xs = [float(viewport.to_px(t.t, rect.width(), rect.left())) for t in ticks.major]
    for i, tick in enumerate(ticks.major):
        # The period in progress at the left edge keeps its name visible until the next one pushes it.
        x = max(xs[i], rect.left()) + 3
        width = fm_bold.horizontalAdvance(tick.label)
        if i + 1 < len(xs):
            x = min(x, xs[i + 1] - width - 8)
        if x + width > rect.right() - 2 and i > 0:
            continue  # a period just starting at the right edge: named once scrolled into view
        painter.drawText(QPointF(x, major_base), tick.label)


def _paint_density(
    painter: QPainter, geo: CanvasGeometry, frame: FrameLayout, total: int, style: TimelineStyle
) -> None:
    rect = geo.rect
    counts = frame.density
    area_top = geo.lanes_top + style.line_height + 4
    area_h = max(geo.overflow_top - area_top, 10.0)
    peak = float(counts.max()) if len(counts) else 0.0
    if peak > 0:
        # Square-root scale so sparse stretches stay visible next to dense ones.
        heights = np.sqrt(counts / peak) * area_h
        base = geo.overflow_top
        # One axis-aligned rectangle per non-empty pixel column: the raster engine fills
        # these far faster than one jagged polygon.
        cols = np.flatnonzero(counts)
        left = rect.left()
        rects = [QRectF(left + c, base - h, 1.0, h) for c, h in zip(cols.tolist(), heights[cols].tolist(), strict=True)]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.density_brush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawRects(rects)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(style.muted)
    painter.setFont(style.font)
    text = f"{len(frame):,} of {total:,} events in view — zoom in to read them"
    painter.drawText(QPointF(rect.left() + 8, geo.lanes_top + QFontMetricsF(style.font).ascent()), text)


def _paint_events(
    painter: QPainter,
    geo: CanvasGeometry,
    store: EventStore,
    frame: FrameLayout,
    selected_pos: int,
    style: TimelineStyle,
    marked: Collection[int] = (),
) -> None:
    rect = geo.rect
    labels = label_cache(store, style)
    fm = QFontMetricsF(style.font)
    fm_small = QFontMetricsF(style.small_font)
    lanes = frame.lanes.tolist()
    positions = frame.positions.tolist()
    x0s = frame.x0.tolist()
    x1s = frame.x1.tolist()
    xms = frame.xm.tolist()
    kinds = store.kind[frame.positions].tolist()
    flags = store.flags[frame.positions].tolist()
    docs = store.doc[frame.positions].tolist()
    lo_clip, hi_clip = rect.left() - CLAMP_PX, rect.right() + CLAMP_PX
    r = MARKER_RADIUS_PX
    overflow: list[float] = []
    selected_item: tuple[float, float, float, int, int, str, str] | None = None
    for i, lane in enumerate(lanes):
        pos = positions[i]
        if lane < 0:
            overflow.append(xms[i])
            if pos == selected_pos:
                selected_item = (xms[i], xms[i], xms[i], -1, kinds[i], "", "")
            elif pos in marked:
                painter.setPen(style.highlight_pen)
                painter.drawLine(QPointF(xms[i], geo.overflow_top), QPointF(xms[i], rect.bottom()))
            continue
        y = geo.lanes_top + lane * geo.lane_height
        cy = y + GLYPH_ROW / 2
        x0 = min(max(x0s[i], lo_clip), hi_clip)
        x1 = min(max(x1s[i], lo_clip), hi_clip)
        xm = min(max(xms[i], lo_clip), hi_clip)
        ink = _ink_of(store, pos, docs[i], style)
        kind, flag = kinds[i], flags[i]
        expected = bool(flag & FLAG_EXPECTED)
        if kind == KIND_POINT:
            # The whole unit the date names (a month, or a day when zoomed to hours), so a
            # marker is never read as more precise than its date.
            if x1 - x0 > 2 * r:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ink.pale_fill)
                painter.drawRoundedRect(QRectF(x0, cy - 3, x1 - x0, 6), 3, 3)
            painter.setPen(ink.dashed if expected else ink.pen)
            painter.setBrush(style.background if expected else ink.fill)
            painter.drawEllipse(QPointF(xm, cy), r, r)
            label_x = xm - r
        elif kind == KIND_BOUNDED:
            bar = QRectF(x0, cy - BAR_HEIGHT / 2, max(x1 - x0, 2.0), BAR_HEIGHT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ink.faded)
            painter.drawRect(bar)
            painter.setBrush(ink.hatch)
            painter.drawRect(bar)
            painter.setPen(ink.outline)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(bar)
            label_x = x0
        else:
            bar = QRectF(x0, cy - BAR_HEIGHT / 2, max(x1 - x0, 2.0), BAR_HEIGHT)
            painter.setPen(ink.outline if expected else Qt.PenStyle.NoPen)
            painter.setBrush(ink.faded if expected else ink.fill)
            painter.drawRoundedRect(bar, 2, 2)
            label_x = x0
        if kind != KIND_POINT and flag & (FLAG_OPEN_START | FLAG_OPEN_END):
            _paint_open_ends(painter, x0, x1, cy, flag, ink.pen)
        if flag & FLAG_ONGOING and kind != KIND_POINT:
            _paint_continuing(painter, x1, cy, ink)
        if pos in marked:
            _paint_ring(painter, x0, x1, xm, cy, kind, style)
        # Labels of long items that began off-screen stick to the left edge, within the bar.
        title = labels.titles.get(pos, "")
        when = labels.dates.get(pos, "")
        bar_room = x1 - max(label_x, rect.left())
        full = labels.full_titles.get(pos, title)
        if kind != KIND_POINT and bar_room > MAX_LABEL_PX and title != full:
            # A long bar gives its label more room than the usual cap.
            title = fm.elidedText(full, Qt.TextElideMode.ElideRight, bar_room)
        if label_x < rect.left() + 2 and x1 > rect.left() + 40:
            label_x = rect.left() + 2
            room = x1 - label_x
            title = fm.elidedText(title, Qt.TextElideMode.ElideRight, max(room, 0.0))
            when = fm_small.elidedText(when, Qt.TextElideMode.ElideRight, max(room, 0.0))
        if pos == selected_pos:
            selected_item = (
                label_x,
                x0,
                x1,
                lane,
                kind,
                labels.full_titles.get(pos, title),
                labels.full_dates.get(pos, when),
            )
            continue
        painter.setFont(style.italic_font if expected else style.font)
        painter.setPen(style.text)
        baseline = y + GLYPH_ROW + fm.ascent()
        painter.drawText(QPointF(label_x, baseline), title)
        if flag & FLAG_CURATED:
            _paint_curated_mark(painter, label_x + fm.horizontalAdvance(title) + 3.0, baseline, style)
        painter.setFont(style.small_font)
        painter.setPen(style.muted)
        painter.drawText(QPointF(label_x, y + GLYPH_ROW + fm.height() + fm_small.ascent()), when)
    _paint_overflow(painter, geo, overflow, style)
    if selected_item is not None:
        _paint_selected(painter, geo, selected_item, style)


def _ink_of(store: EventStore, pos: int, doc: int, style: TimelineStyle) -> DocumentInk:
    """The event's own colour if a person gave it one, else its document's."""
    event = store.event_at(pos)
    if event is not None and event.color:
        custom = style.custom_ink(event.color)
        if custom is not None:
            return custom
    return style.ink(doc)


def _paint_curated_mark(painter: QPainter, x: float, baseline: float, style: TimelineStyle) -> None:
    """A small pencil, drawn rather than typed: no font is needed to have the glyph."""
    s = CURATED_MARK_PX
    tip = QPointF(x, baseline)
    painter.setPen(style.curated_pen)
    painter.drawLine(QPointF(x + 2.5, baseline - 2.5), QPointF(x + s, baseline - s))
    painter.setPen(style.curated_tip_pen)
    painter.drawLine(tip, QPointF(x + 2.5, baseline - 2.5))


def _paint_continuing(painter: QPainter, x1: float, cy: float, ink: DocumentInk) -> None:
    """An open arrowhead past the end of an ongoing event: it had not ended when written."""
    h = BAR_HEIGHT / 2 + 2
    painter.setPen(ink.pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawLine(QPointF(x1, cy), QPointF(x1 + ARROW_PX, cy))
    painter.drawPolyline([QPointF(x1 + 2, cy - h), QPointF(x1 + ARROW_PX + 2, cy), QPointF(x1 + 2, cy + h)])


def _paint_ring(painter: QPainter, x0: float, x1: float, xm: float, cy: float, kind: int, style: TimelineStyle) -> None:
    """One of several selected events: ringed in the highlight colour."""
    painter.setPen(style.highlight_pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if kind == KIND_POINT:
        r = MARKER_RADIUS_PX + 3
        painter.drawEllipse(QPointF(xm, cy), r, r)
    else:
        painter.drawRoundedRect(QRectF(x0 - 3, cy - BAR_HEIGHT / 2 - 3, max(x1 - x0, 2.0) + 6, BAR_HEIGHT + 6), 3, 3)


def _paint_open_ends(painter: QPainter, x0: float, x1: float, cy: float, flag: int, pen: QPen) -> None:
    """Arrowheads on the open side(s) of a range: it continues beyond what the text says."""
    painter.setPen(pen)
    h = BAR_HEIGHT / 2 + 2
    if flag & FLAG_OPEN_START:
        painter.drawLine(QPointF(x0 + h, cy - h), QPointF(x0, cy))
        painter.drawLine(QPointF(x0, cy), QPointF(x0 + h, cy + h))
    if flag & FLAG_OPEN_END:
        painter.drawLine(QPointF(x1 - h, cy - h), QPointF(x1, cy))
        painter.drawLine(QPointF(x1, cy), QPointF(x1 - h, cy + h))


def _paint_overflow(painter: QPainter, geo: CanvasGeometry, xs: list[float], style: TimelineStyle) -> None:
    if not xs:
        return
    rect = geo.rect
    top = geo.overflow_top + 3
    painter.setPen(style.axis_pen)
    for x in xs:
        painter.drawLine(QPointF(x, top), QPointF(x, top + 8))
    painter.setFont(style.small_font)
    painter.setPen(style.muted)
    text = f"+{len(xs)} not labelled — zoom in"
    width = QFontMetricsF(style.small_font).horizontalAdvance(text)
    painter.drawText(QPointF(rect.right() - width - 6, rect.bottom() - 3), text)


def wrap_title(fm: QFontMetricsF, text: str, width: float) -> list[str]:
    """``text`` on one line if it fits ``width``, else on two (the second elided if need be)."""
    if fm.horizontalAdvance(text) <= width:
        return [text]
    words = text.split(" ")
    line = ""
    for i, word in enumerate(words):
        trial = f"{line} {word}" if line else word
        if line and fm.horizontalAdvance(trial) > width:
            rest = " ".join(words[i:])
            return [line, fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
        line = trial
    return [fm.elidedText(text, Qt.TextElideMode.ElideRight, width)]


def _paint_selected(
    painter: QPainter,
    geo: CanvasGeometry,
    item: tuple[float, float, float, int, int, str, str],
    style: TimelineStyle,
) -> None:
    """The selected event's label in full: boxed, wrapped to two lines where it needs the room."""
    label_x, x0, x1, lane, kind, title, when = item
    rect = geo.rect
    fm = QFontMetricsF(style.bold_font)
    fm_small = QFontMetricsF(style.small_font)
    if lane < 0:
        painter.setPen(style.highlight_pen)
        painter.drawLine(QPointF(label_x, geo.lanes_top), QPointF(label_x, rect.bottom()))
        return
    y = geo.lanes_top + lane * geo.lane_height
    limit = rect.right() - 8
    full_w = max(fm.horizontalAdvance(title), fm_small.horizontalAdvance(when))
    wrap_w = min(full_w, max(limit - label_x, MAX_LABEL_PX))
    lines = wrap_title(fm, title, wrap_w)
    when = fm_small.elidedText(when, Qt.TextElideMode.ElideRight, max(wrap_w, limit - label_x))
    text_w = max(max(fm.horizontalAdvance(line) for line in lines), fm_small.horizontalAdvance(when))
    # Near the right edge the text moves left rather than being cut off.
    text_x = max(min(label_x, limit - text_w), rect.left() + 2)
    extra = (len(lines) - 1) * QFontMetricsF(style.font).height()
    left = min(text_x, label_x, x0 if kind != KIND_POINT else label_x) - 4
    right = max(text_x + text_w, x1 if kind != KIND_POINT else label_x) + 4
    box = QRectF(left, y - 2, right - left, geo.lane_height - 2 + extra)
    if extra > 0:
        # The second line reaches into the lane below: its marks must not show through.
        painter.fillRect(QRectF(left, y + geo.lane_height - 4, right - left, extra + 2), style.background)
    painter.setPen(style.highlight_pen)
    painter.setBrush(style.highlight_fill)
    painter.drawRoundedRect(box, 5, 5)
    marker_x = float(label_x + MARKER_RADIUS_PX) if kind == KIND_POINT else label_x
    painter.drawLine(QPointF(marker_x, rect.top() + geo.axis_height), QPointF(marker_x, y - 2))
    line_h = QFontMetricsF(style.font).height()
    painter.setFont(style.bold_font)
    painter.setPen(style.highlight_text)
    base = y + GLYPH_ROW + QFontMetricsF(style.font).ascent()
    for n, line in enumerate(lines):
        painter.drawText(QPointF(text_x, base + n * line_h), line)
    painter.setFont(style.small_font)
    painter.setPen(style.text)
    painter.drawText(
        QPointF(text_x, base - QFontMetricsF(style.font).ascent() + extra + line_h + fm_small.ascent()), when
    )
