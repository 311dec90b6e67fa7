"""Paint a timeline on any QPainter: widget, QImage, QSvgGenerator or QPdfWriter.

``paint_timeline(painter, rect, store, viewport, selected, palette)`` where ``store`` is a
:class:`timeline_app.core.store.EventStore`, ``viewport`` a
:class:`timeline_app.core.viewport.Viewport`, ``selected`` an event id (or None) and
``palette`` a :class:`timeline_app.qt.style.TimelineStyle` (colours, pens, fonts).

Everything is drawn from the store's arrays: culled with ``searchsorted``, lanes packed so
labels never overlap, a density profile instead of marks when too many are in view. Label
text and widths are measured once per store and font and cached (``canvas_labels``). Device
coordinates are clamped because the raster engine misbehaves far outside the paint area.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen

from timeline_app.app.axis import AxisTicks, axis_ticks
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
    MAX_LANES,
    EventStore,
    FrameLayout,
    IntArray,
)
from timeline_app.core.time_scale import SegmentKind
from timeline_app.core.viewport import Viewport
from timeline_app.qt.canvas_labels import (
    BAR_HEIGHT,
    CURATED_MARK_PX,
    GLYPH_ROW,
    LANE_BOTTOM_PAD,
    MAX_DATE_LABEL_PX,
    MAX_LABEL_PX,
    CanvasGeometry,
    LabelCache,
    PlacedLabel,
    forget_labels,
    label_cache,
    place_labels,
)
from timeline_app.qt.style import DocumentInk, TimelineStyle

__all__ = [
    "BAR_HEIGHT",
    "GLYPH_ROW",
    "MAX_DATE_LABEL_PX",
    "MAX_LABEL_PX",
    "CanvasGeometry",
    "forget_labels",
    "label_cache",
    "layout_frame",
    "paint_timeline",
    "render_frame",
    "wrap_title",
]

# Shapes are cut this far outside the paint rect: the raster engine misbehaves on huge
# coordinates, and filling (hatched, antialiased) area nobody sees costs real time.
CLAMP_PX = 24.0
ARROW_PX = 7.0  # the open arrowhead of an ongoing event
ZIGZAG_PX = 4.0  # amplitude of the lines marking a break in the axis


def paint_timeline(
    painter: QPainter,
    rect: QRectF,
    store: EventStore,
    viewport: Viewport,
    selected: str | None,
    palette: TimelineStyle,
    *,
    also_selected: Collection[str] = (),
    first_lane: int = 0,
) -> None:
    """Paint the whole timeline into ``rect``; see the module docstring for the types.

    ``also_selected``: further selected event ids (ringed; ``selected`` gets the label box).
    ``first_lane``: the lane shown at the top, when lanes are scrolled.
    """
    render_frame(painter, rect, store, viewport, selected, palette, also_selected=also_selected, first_lane=first_lane)


def layout_frame(
    rect: QRectF,
    store: EventStore,
    viewport: Viewport,
    style: TimelineStyle,
    *,
    selected: str | None = None,
    bands: IntArray | None = None,
) -> FrameLayout:
    """The frame that ``render_frame`` would draw, without drawing it (used for hit tests)."""
    geo = CanvasGeometry.of(rect, style)
    labels = label_cache(store, style)
    width = rect.width()
    pos = store.position(selected) if selected else -1
    reserve = (pos, *labels.selected_widths(pos)) if pos >= 0 else None
    ranked = max(geo.max_lanes, 4)
    if len(store) <= GLOBAL_LAYOUT_LIMIT:
        # Lanes are packed over the whole timeline, so every label must be measured.
        labels.ensure(np.arange(len(store)))
        on_visible = None
    else:
        on_visible = labels.ensure
    frame = store.layout(
        viewport,
        width,
        labels.widths,
        MAX_LANES,
        on_visible=on_visible,
        ranked_lanes=ranked,
        reserve=reserve,
        bands=bands,
        label_version=labels.version,
        date_px=labels.date_widths,
    )
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
    first_lane: int = 0,
    frame: FrameLayout | None = None,
    band_names: Sequence[str] = (),
    bands: IntArray | None = None,
) -> FrameLayout:
    """Paint and return the frame (laid out here unless given)."""
    geo = CanvasGeometry.of(rect, style, first_lane)
    painter.save()
    painter.setClipRect(rect)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(rect, style.background)
    ticks = axis_ticks(viewport, rect.width())
    _paint_compressed(painter, geo, viewport, style)
    _paint_grid(painter, geo, viewport, ticks, style)
    _paint_breaks(painter, geo, viewport, style, lanes=True)
    if frame is None:
        frame = layout_frame(rect, store, viewport, style, selected=selected, bands=bands)
    selected_pos = store.position(selected) if selected else -1
    if frame.dense:
        _paint_density(painter, geo, frame, len(store), style)
        if selected_pos >= 0:
            # Below the line that says how many events are in view, which it would cover.
            _paint_floating_selection(painter, geo, store, viewport, selected_pos, style, style.line_height + 6)
    else:
        marked = {store.position(i) for i in also_selected} - {-1}
        _paint_bands(painter, geo, frame, band_names, style)
        _paint_events(painter, geo, store, frame, viewport, selected_pos, style, marked)
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
        if x >= rect.left() and not tick.continued:
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))


def _paint_compressed(painter: QPainter, geo: CanvasGeometry, viewport: Viewport, style: TimelineStyle) -> None:
    """Shade compressed stretches of a broken axis: time runs faster there."""
    if viewport.scale is None:
        return
    rect = geo.rect
    for piece in viewport.scale.pieces_between(viewport.t0, viewport.t1):
        if piece.kind is SegmentKind.LINEAR:
            continue
        x0 = _clamp(float(viewport.to_px(piece.t0, rect.width(), rect.left())), rect)
        x1 = _clamp(float(viewport.to_px(piece.t1, rect.width(), rect.left())), rect)
        painter.fillRect(QRectF(x0, rect.top(), max(x1 - x0, 1.0), rect.height()), style.compressed_brush)


def _paint_breaks(
    painter: QPainter, geo: CanvasGeometry, viewport: Viewport, style: TimelineStyle, *, lanes: bool
) -> list[QRectF]:
    """Zigzags where the axis skips an empty stretch or starts running faster.

    With ``lanes`` they are drawn down the lanes (under the events), else across the axis
    band, with the length of each skipped stretch; returns where those lengths are written.
    """
    if viewport.scale is None:
        return []
    rect = geo.rect
    pieces = viewport.scale.pieces_between(viewport.t0, viewport.t1)
    top = rect.top() + geo.axis_height if lanes else rect.top()
    bottom = rect.bottom() if lanes else rect.top() + geo.axis_height
    fm = QFontMetricsF(style.small_font)
    chips: list[QRectF] = []
    for k, piece in enumerate(pieces):
        x0 = float(viewport.to_px(piece.t0, rect.width(), rect.left()))
        x1 = float(viewport.to_px(piece.t1, rect.width(), rect.left()))
        if piece.kind is SegmentKind.GAP:
            mid = (x0 + x1) / 2
            half = max(min((x1 - x0) / 2 - 2, 6.0), 3.0)
            painter.fillRect(QRectF(mid - half, top, 2 * half, bottom - top), style.background)
            painter.setPen(style.break_pen)
            for x in (mid - half, mid + half):
                _zigzag(painter, x, top, bottom)
            if not lanes:
                text = skipped_text(piece.t1 - piece.t0)
                w = fm.horizontalAdvance(text)
                chip = QRectF(mid - w / 2 - 3, bottom - fm.height() - 2, w + 6, fm.height())
                painter.fillRect(chip, style.axis_brush)
                painter.setFont(style.small_font)
                painter.setPen(style.muted)
                painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
                chips.append(chip)
            continue
        if piece.kind is not SegmentKind.COMPRESSED:
            continue
        painter.setPen(style.break_pen)
        if k > 0 and x0 > rect.left():
            _zigzag(painter, x0, top, bottom)
        if k + 1 < len(pieces) and x1 < rect.right():
            _zigzag(painter, x1, top, bottom)
    return chips


def _zigzag(painter: QPainter, x: float, top: float, bottom: float) -> None:
    step = 6.0
    points = [
        QPointF(x + (ZIGZAG_PX / 2 if i % 2 else -ZIGZAG_PX / 2), top + i * step)
        for i in range(int((bottom - top) / step) + 2)
    ]
    painter.drawPolyline(points)


def skipped_text(days: float) -> str:
    """How long a stretch the axis skips, in the largest whole unit: '11 months', '54 years'."""
    years = days / 365.25
    if years >= 2:
        return f"{round(years)} years"
    months = days / 30.44
    if months >= 2:
        return f"{round(months)} months"
    weeks = days / 7
    if weeks >= 2:
        return f"{round(weeks)} weeks"
    return f"{max(round(days), 1)} days"


def _paint_axis(
    painter: QPainter, geo: CanvasGeometry, viewport: Viewport, ticks: AxisTicks, style: TimelineStyle
) -> None:
    rect = geo.rect
    band = QRectF(rect.left(), rect.top(), rect.width(), geo.axis_height)
    painter.fillRect(band, style.axis_brush)
    painter.setPen(style.axis_pen)
    painter.drawLine(QPointF(rect.left(), band.bottom()), QPointF(rect.right(), band.bottom()))
    taken = _paint_breaks(painter, geo, viewport, style, lanes=False)
    fm_bold = QFontMetricsF(style.bold_font)
    fm_small = QFontMetricsF(style.small_font)
    major_base = rect.top() + 4 + fm_bold.ascent()
    minor_base = major_base + fm_bold.descent() + 3 + fm_small.ascent()
    painter.setFont(style.small_font)
    painter.setPen(style.muted)
    xs_minor = [float(viewport.to_px(t.t, rect.width(), rect.left())) for t in ticks.minor]
    for i, tick in enumerate(ticks.minor):
        x = xs_minor[i]
        painter.drawLine(QPointF(x, band.bottom() - 5), QPointF(x, band.bottom()))
        width = fm_small.horizontalAdvance(tick.label)
        if i + 1 < len(xs_minor) and x + 3 + width > xs_minor[i + 1] - 2:
            continue  # stretches of different density meet: keep the next label
        text_rect = QRectF(x + 3, minor_base - fm_small.ascent(), width, fm_small.height())
        if any(text_rect.intersects(chip) for chip in taken):
            continue
        painter.drawText(QPointF(x + 3, minor_base), tick.label)
    painter.setFont(style.bold_font)
    painter.setPen(style.text)
    xs = [float(viewport.to_px(t.t, rect.width(), rect.left())) for t in ticks.major]
    drawn_right = rect.left() - 100.0
    for i, tick in enumerate(ticks.major):
        # Each period is named from where it starts (or from the left edge, for the one in
        # progress there) up to where the next one is named; a shorter name where the full
        # one has no room, else none.
        start = max(xs[i], rect.left()) + 3
        limit = xs[i + 1] - 8 if i + 1 < len(xs) else rect.right() - 2
        for text in dict.fromkeys((tick.label, *(tick.short or tick.label).split("|"))):
            width = fm_bold.horizontalAdvance(text)
            if start >= drawn_right + 8 and start + width <= min(limit, rect.right() - 2):
                painter.drawText(QPointF(start, major_base), text)
                drawn_right = start + width
                break
        else:
            if i == 0 and len(xs) > 1:
                # The period at the left edge slides out as the next one comes in.
                width = fm_bold.horizontalAdvance(tick.label)
                x = min(start, limit - width)
                if x + width > rect.left() + 0.6 * width:
                    painter.drawText(QPointF(x, major_base), tick.label)
                    drawn_right = x + width


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
    text = f"{style.number(len(frame))} of {style.number(total)} events begin in view — zoom in to read them"
    painter.drawText(QPointF(rect.left() + 8, geo.lanes_top + QFontMetricsF(style.font).ascent()), text)


def _paint_bands(
    painter: QPainter, geo: CanvasGeometry, frame: FrameLayout, names: Sequence[str], style: TimelineStyle
) -> None:
    """Lanes grouped in bands: each band's first lane holds its name over a rule."""
    if not len(frame.band_lanes) or not names:
        return
    rect = geo.rect
    painter.setFont(style.bold_font)
    fm = QFontMetricsF(style.bold_font)
    for band, lane in enumerate(frame.band_lanes.tolist()):
        if lane < 0 or band >= len(names) or not geo.shows(lane):
            continue
        base = geo.lane_top(lane) + geo.lane_height - LANE_BOTTOM_PAD - fm.descent() - 2
        rule = base + fm.descent() + 2
        painter.setPen(style.axis_pen)
        painter.drawLine(QPointF(rect.left(), rule), QPointF(rect.right(), rule))
        painter.setPen(style.muted)
        name = fm.elidedText(names[band], Qt.TextElideMode.ElideRight, rect.width() - 24)
        painter.drawText(QPointF(rect.left() + 6, base), name)


def _paint_events(
    painter: QPainter,
    geo: CanvasGeometry,
    store: EventStore,
    frame: FrameLayout,
    viewport: Viewport,
    selected_pos: int,
    style: TimelineStyle,
    marked: Collection[int] = (),
) -> None:
    rect = geo.rect
    labels = label_cache(store, style)
    positions = frame.positions.tolist()
    lanes = frame.lanes.tolist()
    kinds = store.kind[frame.positions].tolist()
    flags = store.flags[frame.positions].tolist()
    docs = store.doc[frame.positions].tolist()
    lo_clip, hi_clip = rect.left() - CLAMP_PX, rect.right() + CLAMP_PX
    above: list[float] = []
    below: list[float] = []
    unplaced: list[float] = []
    selected_hidden = -1
    for i, lane in enumerate(lanes):
        pos = positions[i]
        xm = float(frame.xm[i])
        if lane < 0 or not geo.shows(lane):
            (unplaced if lane < 0 else above if lane < geo.first_lane else below).append(xm)
            if pos == selected_pos:
                selected_hidden = i
            elif pos in marked:
                painter.setPen(style.highlight_pen)
                painter.drawLine(QPointF(xm, geo.overflow_top), QPointF(xm, rect.bottom()))
            continue
        cy = geo.marker_y(lane)
        x0 = min(max(float(frame.x0[i]), lo_clip), hi_clip)
        x1 = min(max(float(frame.x1[i]), lo_clip), hi_clip)
        xm = min(max(xm, lo_clip), hi_clip)
        ink = _ink_of(store, pos, docs[i], style)
        _paint_glyph(painter, kinds[i], flags[i], x0, x1, xm, cy, ink, style)
        if labels.conflicted[pos]:
            _paint_conflict(painter, x0, x1, xm, cy, kinds[i], style)
        if pos in marked:
            _paint_ring(painter, x0, x1, xm, cy, kinds[i], style)
    placed = place_labels(geo, store, frame, labels, style, selected_pos)
    selected_label: PlacedLabel | None = None
    for label in placed:
        if label.selected:
            selected_label = label
            continue
        _paint_label(painter, geo, label, flags[label.index], style)
    _paint_overflow(painter, geo, above, below, unplaced, frame.spanning_left_out, style)
    if selected_label is not None:
        _paint_selected(painter, geo, selected_label, flags[selected_label.index], style)
    elif selected_hidden >= 0 or (selected_pos >= 0 and selected_pos not in set(positions)):
        _paint_floating_selection(painter, geo, store, viewport, selected_pos, style)


def _paint_glyph(
    painter: QPainter,
    kind: int,
    flag: int,
    x0: float,
    x1: float,
    xm: float,
    cy: float,
    ink: DocumentInk,
    style: TimelineStyle,
) -> None:
    r = MARKER_RADIUS_PX
    expected = bool(flag & FLAG_EXPECTED)
    if kind == KIND_POINT:
        # The whole unit the date names (a month, or a day when zoomed to hours), so a
        # marker is never read as more precise than its date.
        if x1 - x0 > 2 * r + 4:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ink.pale_fill)
            painter.drawRoundedRect(QRectF(x0 + 1.5, cy - 3, x1 - x0 - 3, 6), 3, 3)
        painter.setPen(ink.dashed if expected else ink.pen)
        painter.setBrush(style.background if expected else ink.fill)
        painter.drawEllipse(QPointF(xm, cy), r, r)
        return
    bar = QRectF(x0, cy - BAR_HEIGHT / 2, max(x1 - x0, 2.0), BAR_HEIGHT)
    if kind == KIND_BOUNDED:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink.faded)
        painter.drawRect(bar)
        painter.setBrush(ink.hatch)
        painter.drawRect(bar)
        painter.setPen(ink.outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(bar)
    else:
        painter.setPen(ink.outline if expected else Qt.PenStyle.NoPen)
        painter.setBrush(ink.faded if expected else ink.fill)
        painter.drawRoundedRect(bar, 2, 2)
    if flag & (FLAG_OPEN_START | FLAG_OPEN_END):
        _paint_open_ends(painter, x0, x1, cy, flag, ink.pen)
    if flag & FLAG_ONGOING:
        _paint_continuing(painter, x1, cy, ink)


def _paint_label(painter: QPainter, geo: CanvasGeometry, label: PlacedLabel, flag: int, style: TimelineStyle) -> None:
    fm = QFontMetricsF(style.font)
    fm_small = QFontMetricsF(style.small_font)
    if label.when:
        rect = label.date_rect(geo, fm_small.height())
        if label.chip:
            # The date rides on the bar: a chip of background keeps it legible over any fill.
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.chip_brush)
            painter.drawRoundedRect(rect, 3, 3)
        _paint_badge(painter, label.badge_rect(geo, fm_small.height()), label.badge, label.conflict, style)
        painter.setFont(style.small_font)
        painter.setPen(style.muted)
        painter.drawText(QPointF(label.date_x, rect.top() + fm_small.ascent()), label.when)
    painter.setFont(style.italic_font if flag & FLAG_EXPECTED else style.font)
    painter.setPen(style.text)
    baseline = label.top + geo.row_height + fm.ascent()
    painter.drawText(QPointF(label.x, baseline), label.title)
    if flag & FLAG_CURATED and label.title:
        _paint_curated_mark(painter, label.x + label.title_w - CURATED_MARK_PX - 1.0, baseline, style)


def _paint_badge(painter: QPainter, rect: QRectF, text: str, conflict: bool, style: TimelineStyle) -> None:
    """The number of documents that tell an event, in a pill; red when they disagree on its date."""
    if not text:
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.warning if conflict else style.badge_brush)
    radius = rect.height() / 2
    painter.drawRoundedRect(rect, radius, radius)
    painter.setFont(style.badge_font)
    painter.setPen(style.badge_text)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _paint_conflict(
    painter: QPainter, x0: float, x1: float, xm: float, cy: float, kind: int, style: TimelineStyle
) -> None:
    """Sources disagree on this event's date: an outline in the warning colour around its mark."""
    painter.setPen(style.warning_pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if kind == KIND_POINT:
        r = MARKER_RADIUS_PX + 2.5
        painter.drawEllipse(QPointF(xm, cy), r, r)
    else:
        bar = QRectF(x0 - 2.5, cy - BAR_HEIGHT / 2 - 2.5, max(x1 - x0, 2.0) + 5, BAR_HEIGHT + 5)
        painter.drawRoundedRect(bar, 3, 3)


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


def overflow_text(above: int, below: int, unplaced: int, spanning: int, number: object = None) -> str:
    """What the strip under the lanes says about events in view that have no label on screen."""
    fmt = number if callable(number) else (lambda n: f"{n:,}")
    parts = []
    if below:
        parts.append(f"{fmt(below)} more below")
    if above:
        parts.append(f"{fmt(above)} above")
    if parts:
        parts[-1] += " — Shift+wheel to scroll"
    if unplaced:
        parts.append(f"+{fmt(unplaced)} not labelled — zoom in")
    if spanning:
        parts.append(f"{fmt(spanning)} long periods cover the view, not drawn")
    return " · ".join(parts)


def _paint_overflow(
    painter: QPainter,
    geo: CanvasGeometry,
    above: list[float],
    below: list[float],
    unplaced: list[float],
    spanning: int,
    style: TimelineStyle,
) -> None:
    text = overflow_text(len(above), len(below), len(unplaced), spanning, style.number)
    if not text:
        return
    rect = geo.rect
    top = geo.overflow_top + 3
    painter.setPen(style.axis_pen)
    for x in (*above, *below, *unplaced):
        painter.drawLine(QPointF(x, top), QPointF(x, top + 8))
    painter.setFont(style.small_font)
    fm = QFontMetricsF(style.small_font)
    width = fm.horizontalAdvance(text)
    chip = QRectF(rect.right() - width - 10, geo.overflow_top + 1, width + 8, rect.bottom() - geo.overflow_top - 1)
    painter.fillRect(chip, style.background)
    painter.setPen(style.muted)
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
    painter: QPainter, geo: CanvasGeometry, label: PlacedLabel, flag: int, style: TimelineStyle
) -> None:
    """The selected event's label in full, boxed; the lane packing kept its neighbours clear."""
    rect = geo.rect
    fm = QFontMetricsF(style.bold_font)
    fm_small = QFontMetricsF(style.small_font)
    box = label.box(geo, fm.height(), fm_small.height())
    painter.setPen(style.highlight_pen)
    painter.setBrush(style.highlight_fill)
    painter.drawRoundedRect(box, 5, 5)
    marker_x = label.x + MARKER_RADIUS_PX if label.point else label.x
    painter.drawLine(QPointF(marker_x, rect.top() + geo.axis_height), QPointF(marker_x, box.top()))
    if label.when:
        date_rect = label.date_rect(geo, fm_small.height())
        _paint_badge(painter, label.badge_rect(geo, fm_small.height()), label.badge, label.conflict, style)
        painter.setFont(style.small_font)
        painter.setPen(style.text)
        painter.drawText(QPointF(label.date_x, date_rect.top() + fm_small.ascent()), label.when)
    painter.setFont(style.bold_font)
    painter.setPen(style.highlight_text)
    baseline = label.top + geo.row_height + fm.ascent()
    painter.drawText(QPointF(label.x, baseline), label.title)
    if flag & FLAG_CURATED:
        _paint_curated_mark(painter, label.x + label.title_w - CURATED_MARK_PX - 1.0, baseline, style)


def _paint_floating_selection(
    painter: QPainter,
    geo: CanvasGeometry,
    store: EventStore,
    viewport: Viewport,
    pos: int,
    style: TimelineStyle,
    offset: float = 0.0,
) -> None:
    """The selected event when it has no lane on screen (too many in view, or scrolled away):
    its marker and label drawn over the top lane, so it is always readable."""
    rect = geo.rect
    x = float(viewport.to_px(store.marker_time(pos), rect.width(), rect.left()))
    if not rect.left() - 1 <= x <= rect.right() + 1:
        return
    labels = label_cache(store, style)
    labels.ensure(np.array([pos], dtype=np.int64))
    width = max(labels.selected_widths(pos))
    point = int(store.kind[pos]) == KIND_POINT
    label_x = x - MARKER_RADIUS_PX if point else x
    label_x = max(min(label_x, rect.right() - width - 4), rect.left() + 4)
    fm = QFontMetricsF(style.bold_font)
    fm_small = QFontMetricsF(style.small_font)
    room = max(rect.right() - 8 - label_x, 150.0)
    title = fm.elidedText(labels.full_titles[pos], Qt.TextElideMode.ElideRight, min(room, 640.0))
    when = fm_small.elidedText(labels.full_dates[pos], Qt.TextElideMode.ElideRight, room)
    top = geo.lanes_top + offset
    badge = labels.badges.get(pos, "")
    badge_w = float(labels.badge_widths[pos]) if badge else 0.0
    label = PlacedLabel(
        -1,
        pos,
        geo.first_lane,
        True,
        label_x,
        top,
        title,
        when,
        fm.horizontalAdvance(title),
        label_x + 2 * MARKER_RADIUS_PX + 4.0 + badge_w,
        fm_small.horizontalAdvance(when),
        True,
        badge=badge,
        badge_w=badge_w,
        conflict=bool(labels.conflicted[pos]),
    )
    painter.setPen(style.highlight_pen)
    painter.drawLine(QPointF(x, rect.top() + geo.axis_height), QPointF(x, geo.overflow_top))
    box = label.box(geo, fm.height(), fm_small.height())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.background)
    painter.drawRoundedRect(box, 5, 5)
    ink = _ink_of(store, pos, int(store.doc[pos]), style)
    painter.setPen(ink.pen)
    painter.setBrush(ink.fill)
    painter.drawEllipse(QPointF(label_x + MARKER_RADIUS_PX, top + GLYPH_ROW / 2), MARKER_RADIUS_PX, MARKER_RADIUS_PX)
    if label.conflict:
        mx = label_x + MARKER_RADIUS_PX
        _paint_conflict(painter, mx, mx, mx, top + GLYPH_ROW / 2, KIND_POINT, style)
    _paint_selected(painter, geo, label, int(store.flags[pos]), style)


def label_rects(
    geo: CanvasGeometry, store: EventStore, frame: FrameLayout, style: TimelineStyle, selected: str | None = None
) -> list[tuple[int, QRectF]]:
    """Every rectangle of text the painter would draw for ``frame`` (store position, rect):
    the selected event's whole box, and each other label's title and date."""
    labels: LabelCache = label_cache(store, style)
    pos = store.position(selected) if selected else -1
    fm = QFontMetricsF(style.font)
    fm_bold = QFontMetricsF(style.bold_font)
    small = QFontMetricsF(style.small_font).height()
    out: list[tuple[int, QRectF]] = []
    for label in place_labels(geo, store, frame, labels, style, pos):
        if label.selected:
            out.append((label.pos, label.box(geo, fm_bold.height(), small)))
            continue
        if label.title:
            out.append((label.pos, label.title_rect(geo, fm.height())))
        if label.when:
            out.append((label.pos, label.date_rect(geo, small)))
    return out


def lanes_to_reveal(geo: CanvasGeometry, frame: FrameLayout, pos: int) -> int | None:
    """The first lane to show so that store position ``pos`` is on screen; None if it is already."""
    if frame.dense:
        return None
    hits = np.flatnonzero(frame.positions == pos)
    if not len(hits):
        return None
    lane = int(frame.lanes[hits[0]])
    if lane < 0 or geo.shows(lane):
        return None
    return max(lane - geo.max_lanes // 2, 0) if lane >= geo.first_lane + geo.max_lanes else lane


def vertical_range(geo: CanvasGeometry, frame: FrameLayout) -> int:
    """How far lanes can scroll: the lanes used beyond those on screen."""
    return 0 if frame.dense else max(frame.lanes_used - geo.max_lanes, 0)
