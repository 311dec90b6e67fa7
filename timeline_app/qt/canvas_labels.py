"""Where the canvas writes things: lane rows, label text and widths, and each label's place.

A lane is two rows: the marker (or bar) with the date beside it, then the title. An event that
several documents tell has a badge with their number just before its date. Label widths (the
badge counted with the date) are measured once per store and font; :func:`place_labels` turns a
frame's layout into the rectangles the painter fills with text, so that tests can check that no
two overlap.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from timeline_app.core.provenance import source_count
from timeline_app.core.store import (
    CHIP_PX,
    DATE_AFTER_PX,
    DATE_GAP_PX,
    FLAG_CURATED,
    FLAG_EXPECTED,
    FLAG_ONGOING,
    KIND_POINT,
    LANE_GAP_PX,
    MARKER_RADIUS_PX,
    EventStore,
    FloatArray,
    FrameLayout,
    chip_fits,
)
from timeline_app.qt.style import TimelineStyle

MAX_LABEL_PX = 300.0  # titles longer than this are elided
MAX_DATE_LABEL_PX = 320.0  # "between ... and ... — date not stated" should fit whole
SELECTED_LABEL_PX = 640.0  # the selected event's title is shown whole up to this width
GLYPH_ROW = 14.0  # height of the row holding a lane's marker or bar
BAR_HEIGHT = 9.0
OVERFLOW_HEIGHT = 16.0
LANE_TOP_PAD = 6.0
LANE_BOTTOM_PAD = 4.0
CURATED_MARK_PX = 11.0  # a pencil after the title: a person edited or reviewed this event
CHIP_PAD = 3.0  # around a bar's date, written on the bar
CHIP_INSET = CHIP_PX - 2 * CHIP_PAD  # the chip starts this far into the bar
LABEL_PAD = 6.0  # measured widths include this much air
SELECTED_PAD = 4.0  # the selection box reaches this far around its text
BADGE_PAD = 3.0  # around the number in a source-count badge
BADGE_GAP = 4.0  # between the badge and the date after it


@dataclass(frozen=True, slots=True)
class CanvasGeometry:
    """Vertical layout of the canvas for a paint rect and style; ``first_lane`` is the scroll."""

    rect: QRectF
    axis_height: float
    lane_height: float
    lanes_top: float
    max_lanes: int  # lanes that fit in the rect at once
    overflow_top: float
    row_height: float  # the marker/date row at the top of a lane
    first_lane: int = 0

    @classmethod
    def of(cls, rect: QRectF, style: TimelineStyle, first_lane: int = 0) -> CanvasGeometry:
        axis_h = math.ceil(style.line_height + style.small_line_height + 10)
        row = max(GLYPH_ROW, math.ceil(style.small_line_height))
        lane_h = math.ceil(row + style.line_height + LANE_BOTTOM_PAD)
        lanes_top = rect.top() + axis_h + LANE_TOP_PAD
        overflow_top = rect.bottom() - OVERFLOW_HEIGHT
        max_lanes = max(int((overflow_top - lanes_top) // lane_h), 1)
        return cls(rect, axis_h, lane_h, lanes_top, max_lanes, overflow_top, row, max(first_lane, 0))

    def lane_at(self, y: float) -> int | None:
        """Lane under y (counting lanes scrolled out above); -1 for the overflow strip, None above the lanes."""
        if y >= self.overflow_top:
            return -1
        if y < self.lanes_top:
            return None
        row = int((y - self.lanes_top) // self.lane_height)
        return row + self.first_lane if row < self.max_lanes else None

    def shows(self, lane: int) -> bool:
        return self.first_lane <= lane < self.first_lane + self.max_lanes

    def lane_top(self, lane: int) -> float:
        return self.lanes_top + (lane - self.first_lane) * self.lane_height

    def marker_y(self, lane: int) -> float:
        return self.lane_top(lane) + GLYPH_ROW / 2


class LabelCache:
    """Title/date text and widths per store position, measured lazily for one font.

    ``widths`` are the titles' (with the pencil mark and some air), ``date_widths`` the dates'
    (with the source-count badge before them); where a date goes depends on the zoom, so the
    store's layout places it. ``conflicted`` marks events whose sources disagree on the date.
    """

    def __init__(self, store: EventStore, style: TimelineStyle) -> None:
        self.store = store
        self.key = (style.font.key(), style.small_font.key())
        # Zeroed arrays come from untouched memory: filling five million rows with NaN took up to
        # a third of a second of the first frame. ``measured`` tells which widths are real.
        self.widths: FloatArray = np.zeros(len(store))
        self.date_widths: FloatArray = np.zeros(len(store))
        self.measured = np.zeros(len(store), dtype=bool)
        self.titles: dict[int, str] = {}
        self.full_titles: dict[int, str] = {}
        self.dates: dict[int, str] = {}
        self.full_dates: dict[int, str] = {}
        self.badges: dict[int, str] = {}  # the number of sources, for events several documents tell
        self.badge_widths: FloatArray = np.zeros(len(store))  # the badge and the gap after it
        self.conflicted = np.zeros(len(store), dtype=bool)
        self.version = 0  # bumped when labels are measured again, so cached lanes are packed again
        self._fm = QFontMetricsF(style.font)
        self._fm_italic = QFontMetricsF(style.italic_font)
        self._fm_small = QFontMetricsF(style.small_font)
        self._fm_bold = QFontMetricsF(style.bold_font)
        self._fm_badge = QFontMetricsF(style.badge_font)
        self.mark_width = CURATED_MARK_PX + 4.0

    def ensure(self, positions: np.ndarray) -> None:
        missing = positions[~self.measured[positions]]
        fms = self._fm_small
        store = self.store
        for pos in missing.tolist():
            event = store.event_at(pos)
            flags = int(store.flags[pos])
            fm = self._fm_italic if flags & FLAG_EXPECTED else self._fm
            full = (event.title if event is not None else store.ids[pos]) or "(untitled)"
            self.full_titles[pos] = full
            title = fm.elidedText(full, Qt.TextElideMode.ElideRight, MAX_LABEL_PX)
            when = event.date.describe() if event is not None else ""
            if flags & FLAG_ONGOING:
                when = f"{when} → still going on when written"
            if event is not None and event.group:
                when = f"{event.group} · {when}"  # the group a person filed the event under
            self.full_dates[pos] = when
            when = fms.elidedText(when, Qt.TextElideMode.ElideRight, MAX_DATE_LABEL_PX)
            self.titles[pos] = title
            self.dates[pos] = when
            mark = self.mark_width if flags & FLAG_CURATED else 0.0
            self.widths[pos] = fm.horizontalAdvance(title) + mark + LABEL_PAD
            sources = source_count(event) if event is not None else 0
            if sources > 1:
                badge = str(sources)
                self.badges[pos] = badge
                self.badge_widths[pos] = self.badge_width(badge) + BADGE_GAP
            else:
                self.badges.pop(pos, None)
                self.badge_widths[pos] = 0.0
            self.conflicted[pos] = bool(event is not None and event.conflict)
            self.date_widths[pos] = fms.horizontalAdvance(when) + LABEL_PAD + self.badge_widths[pos]
            self.measured[pos] = True

    def badge_width(self, badge: str) -> float:
        """Width of a badge holding ``badge``: a pill at least as wide as it is tall."""
        fm = self._fm_badge
        return max(fm.horizontalAdvance(badge) + 2 * BADGE_PAD, fm.height())

    def selected_widths(self, pos: int) -> tuple[float, float]:
        """Title and date widths of the selected event's label: whole, the title in bold."""
        self.ensure(np.array([pos], dtype=np.int64))
        title = self._fm_bold.elidedText(self.full_titles[pos], Qt.TextElideMode.ElideRight, SELECTED_LABEL_PX)
        mark = self.mark_width if self.store.flags[pos] & FLAG_CURATED else 0.0
        title_w = self._fm_bold.horizontalAdvance(title) + mark + LABEL_PAD + SELECTED_PAD
        date_w = self._fm_small.horizontalAdvance(self.full_dates[pos]) + LABEL_PAD + SELECTED_PAD
        return title_w, date_w + float(self.badge_widths[pos])

    def forget(self, positions: Collection[int]) -> None:
        """Measure these labels again (their event was edited)."""
        for pos in positions:
            self.measured[pos] = False
            for table in (self.titles, self.full_titles, self.dates, self.full_dates, self.badges):
                table.pop(pos, None)
        self.version += 1


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


@dataclass(frozen=True, slots=True)
class PlacedLabel:
    """One label as drawn: its title in the lane's second row, its date in the first."""

    index: int  # into the frame's arrays
    pos: int  # store position
    lane: int
    point: bool
    x: float  # where the title starts
    top: float  # top of the lane
    title: str
    when: str
    title_w: float  # the title with its pencil mark, if any
    date_x: float
    date_w: float
    selected: bool = False
    chip: bool = False  # the date is written over the bar, on a chip of background
    badge: str = ""  # the number of sources, drawn in a pill just before the date
    badge_w: float = 0.0  # the pill and the gap after it
    conflict: bool = False  # the sources disagree on the date: the badge says so in the warning colour

    def title_rect(self, geo: CanvasGeometry, line_height: float) -> QRectF:
        return QRectF(self.x, self.top + geo.row_height, self.title_w, line_height)

    def date_rect(self, geo: CanvasGeometry, small_height: float) -> QRectF:
        """Where the date is written, its badge included."""
        y = self.top + (geo.row_height - small_height) / 2
        if not self.chip:
            return QRectF(self.date_x - self.badge_w, y, self.date_w + self.badge_w, small_height)
        return QRectF(self.date_x - CHIP_PAD - self.badge_w, y, self.date_w + 2 * CHIP_PAD + self.badge_w, small_height)

    def badge_rect(self, geo: CanvasGeometry, small_height: float) -> QRectF:
        """The badge's pill (empty without a badge)."""
        if not self.badge:
            return QRectF()
        y = self.top + (geo.row_height - small_height) / 2
        left = self.date_x - self.badge_w - (CHIP_PAD if self.chip else 0.0)
        return QRectF(left, y, self.badge_w - BADGE_GAP, small_height)

    def box(self, geo: CanvasGeometry, line_height: float, small_height: float) -> QRectF:
        """What the selection box encloses: both rows of the label, a little wider."""
        area = self.title_rect(geo, line_height).united(self.date_rect(geo, small_height))
        left = min(area.left(), self.x)
        return QRectF(
            left - SELECTED_PAD,
            self.top - 1,
            area.right() - left + 2 * SELECTED_PAD,
            geo.row_height + line_height + 2,
        )


def place_labels(
    geo: CanvasGeometry,
    store: EventStore,
    frame: FrameLayout,
    labels: LabelCache,
    style: TimelineStyle,
    selected_pos: int = -1,
) -> list[PlacedLabel]:
    """The labels of the frame's items in lanes on screen, the selected one's shown in full."""
    rect = geo.rect
    fm = QFontMetricsF(style.font)
    fm_italic = QFontMetricsF(style.italic_font)
    fm_bold = QFontMetricsF(style.bold_font)
    fm_small = QFontMetricsF(style.small_font)
    kinds = store.kind[frame.positions].tolist()
    flags = store.flags[frame.positions].tolist()
    placed: list[PlacedLabel] = []
    left_edge = rect.left() + 2
    for i, (pos, lane) in enumerate(zip(frame.positions.tolist(), frame.lanes.tolist(), strict=True)):
        if lane < 0 or not geo.shows(lane):
            continue
        point = kinds[i] == KIND_POINT
        x0, x1, xm = float(frame.x0[i]), float(frame.x1[i]), float(frame.xm[i])
        label_x = xm - MARKER_RADIUS_PX if point else x0
        selected = pos == selected_pos
        metrics = fm_bold if selected else fm_italic if flags[i] & FLAG_EXPECTED else fm
        mark = labels.mark_width if flags[i] & FLAG_CURATED else 0.0
        if selected:
            room = max(rect.right() - 8 - label_x, 150.0)
            title = metrics.elidedText(
                labels.full_titles[pos], Qt.TextElideMode.ElideRight, min(room, SELECTED_LABEL_PX)
            )
            when = fm_small.elidedText(
                labels.full_dates[pos], Qt.TextElideMode.ElideRight, max(room, MAX_DATE_LABEL_PX)
            )
        else:
            title, when = labels.titles.get(pos, ""), labels.dates.get(pos, "")
            full = labels.full_titles.get(pos, title)
            bar_room = x1 - max(label_x, rect.left()) - mark
            if not point and bar_room > MAX_LABEL_PX and title != full:
                # A long bar gives its label more room than the usual cap.
                title = metrics.elidedText(full, Qt.TextElideMode.ElideRight, bar_room)
        # Labels of long items whose start is off-screen stick to the screen, within the bar (or
        # the band of a point's month, year...): the lane holds nothing else there.
        end = x1 - LANE_GAP_PX if point else x1
        stuck = False
        if label_x < left_edge and end > rect.left() + 40:
            label_x, stuck = left_edge, True
        elif point and label_x > rect.right() - 40 and x0 + LANE_GAP_PX < rect.right() - 80:
            label_x, stuck = max(x0 + LANE_GAP_PX, left_edge), True
        badge = labels.badges.get(pos, "")
        badge_w = float(labels.badge_widths[pos]) if badge else 0.0
        if stuck:
            room = max(min(end, rect.right()) - label_x, 0.0)
            title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, max(room - mark, 0.0))
            lead = 2 * MARKER_RADIUS_PX + DATE_GAP_PX if point else CHIP_INSET + 2 * CHIP_PAD
            when = fm_small.elidedText(when, Qt.TextElideMode.ElideRight, max(room - lead - badge_w, 0.0))
        date_w = fm_small.horizontalAdvance(when)
        chip = False
        if point:
            date_x = label_x + 2 * MARKER_RADIUS_PX + DATE_GAP_PX + badge_w
        else:
            chip = bool(chip_fits(np.array(label_x), np.array(x1), np.array(date_w + LABEL_PAD + badge_w)))
            date_x = (label_x + CHIP_INSET + CHIP_PAD if chip else x1 + DATE_AFTER_PX) + badge_w
        placed.append(
            PlacedLabel(
                i,
                pos,
                lane,
                point,
                label_x,
                geo.lane_top(lane),
                title,
                when,
                metrics.horizontalAdvance(title) + (mark if title else 0.0),
                date_x,
                date_w,
                selected,
                chip,
                badge,
                badge_w,
                bool(labels.conflicted[pos]),
            )
        )
    return placed
