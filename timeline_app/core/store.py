"""EventStore: a timeline's events as sorted NumPy arrays, for drawing and hit testing.

A view never walks the event objects while painting: it asks the store which positions are
visible (``searchsorted`` on start times plus a running maximum of end times, so a long event
that began off-screen is still found), how to lay them out in lanes so that labels never
overlap, and which item lies under the pointer. Times are float64 days (see viewport.py).
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

import numpy as np
import numpy.typing as npt

from timeline_app.core.arrays import distinct
from timeline_app.core.model import DateKind, Event, FuzzyDate, Precision, Status, Timeline
from timeline_app.core.time_scale import TimeScale
from timeline_app.core.viewport import Viewport, to_time

if TYPE_CHECKING:  # the columns module needs pyarrow, which small timelines never load
    from timeline_app.core.columns import EventColumns

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

KIND_POINT = 0
KIND_INTERVAL = 1
KIND_BOUNDED = 2

FLAG_EXPECTED = 1  # not yet happened (expected/planned)
FLAG_OPEN_START = 2  # interval with no stated start
FLAG_OPEN_END = 4  # interval with no stated end (drawn up to the reference date)
FLAG_COARSE = 8  # a point known only to a week, month, year...
FLAG_CURATED = 16  # a person edited or reviewed the event
FLAG_ONGOING = 32  # still going on when the article was written: drawn up to its reference date

# Below this many events lanes are packed over the whole timeline, so that panning never
# reshuffles them; above it only the visible part is packed, per frame.
GLOBAL_LAYOUT_LIMIT = 5000
# Above this many visible items labels cannot fit anyway: draw a density profile instead.
DENSE_LIMIT = 1200
# Lanes scroll, so every event gets one up to this many; the rest are ticks in the overflow strip.
MAX_LANES = 2000
# The top lanes go to the most central events first; below them, lanes are filled left to right.
RANKED_LANES = 16
MARKER_RADIUS_PX = 5.0
# How far right of its start a label may reach; items starting this far left of the view
# are still laid out, so their labels are not cut off.
LABEL_REACH_PX = 400.0
# An open end is drawn as a stub this long, fading into the unknown.
OPEN_STUB_PX = 48.0
LANE_GAP_PX = 10.0
# Where a label's date goes: beside a point's marker; on a bar, over its start when the bar is
# long enough to keep most of its look, else just past its end (clear of an arrowhead).
DATE_GAP_PX = 4.0
CHIP_PX = 10.0  # inset and padding of a date written over a bar
CHIP_SPARE_PX = 32.0  # bar left visible beside the date
DATE_AFTER_PX = 12.0

_KINDS = {DateKind.POINT: KIND_POINT, DateKind.INTERVAL: KIND_INTERVAL, DateKind.BOUNDED: KIND_BOUNDED}


def _start_time(d: date, time_text: str | None) -> float:
    t = to_time(d)
    if time_text:
        hours, _, minutes = time_text.partition(":")
        t += (int(hours) + int(minutes or 0) / 60.0) / 24.0
    return t


def event_span(event: Event, reference: date | None = None) -> tuple[float, float, int, int] | None:
    """(start, end, kind, flags) of an event in days, or None if it has no date at all.

    ``end`` is exclusive: a day covers [d, d + 1). An interval with no end runs to the
    reference date (the time of writing), else it is drawn as from its start only. So does
    an ongoing event dated by its start alone ("since October, troops have ...").
    """
    return date_span(event.date, event.status, event.curated, reference)


def date_span(
    fd: FuzzyDate, status: Status, curated: bool, reference: date | None = None
) -> tuple[float, float, int, int] | None:
    """:func:`event_span` from the parts of an event it reads (for rows that are no Event objects)."""
    kind = _KINDS[fd.kind]
    flags = FLAG_EXPECTED if status is Status.EXPECTED else 0
    if curated:
        flags |= FLAG_CURATED
    if status is Status.ONGOING:
        flags |= FLAG_ONGOING
    lo, hi = fd.start, (fd.start if fd.kind is DateKind.POINT else fd.end)
    if lo is None and hi is None:
        return None
    if status is Status.ONGOING and fd.kind is DateKind.POINT and lo is not None:
        start = _start_time(lo.earliest, lo.time if lo.precision is Precision.TIME else None)
        end = to_time(lo.latest) + 1.0
        if reference is not None:
            end = max(end, to_time(reference) + 1.0)
        return start, end, KIND_INTERVAL, flags | FLAG_OPEN_END
    if lo is not None and lo.precision is Precision.TIME and fd.kind is DateKind.POINT:
        t = _start_time(lo.earliest, lo.time)
        return t, t, kind, flags
    if lo is None:
        assert hi is not None
        flags |= FLAG_OPEN_START
        start = to_time(hi.earliest)
    else:
        start = _start_time(lo.earliest, lo.time if lo.precision is Precision.TIME else None)
    if hi is None:
        flags |= FLAG_OPEN_END
        end = start + 1.0
        if reference is not None and to_time(reference) + 1.0 > end:
            end = to_time(reference) + 1.0
    else:
        end = to_time(hi.latest) + 1.0
    if kind == KIND_POINT and lo is not None and lo.precision not in (Precision.DAY, Precision.TIME):
        flags |= FLAG_COARSE
    return start, max(end, start), kind, flags


_POINT, _DAY, _EXPECTED, _ONGOING = DateKind.POINT, Precision.DAY, Status.EXPECTED, Status.ONGOING


def unit_row(fd: FuzzyDate) -> tuple[float, float, int] | None:
    """(start, end, FLAG_COARSE or 0) of a point dated by a unit without a time of day, else None.

    The common case (a day, a month, a year), whose row depends on nothing but the date unless
    the event is ongoing: readers of many events compute it once per distinct date.
    """
    unit = fd.start
    if fd.kind is not _POINT or unit is None or unit.time is not None:
        return None
    coarse = 0 if unit.precision is _DAY else FLAG_COARSE
    return float(unit.earliest.toordinal()), float(unit.latest.toordinal() + 1), coarse


def unit_flags(coarse: Any, expected: Any, curated: Any) -> Any:
    """The flags of a :func:`unit_row` point that is not ongoing.

    Numbers (``expected`` and ``curated`` as bools), or arrays of a row each.
    """
    return coarse | (expected * FLAG_EXPECTED) | (curated * FLAG_CURATED)


def row_span(
    fd: FuzzyDate, status: Status, curated: bool, reference: date | None = None
) -> tuple[float, float, int, int, float] | None:
    """(start, end, kind, flags, sort_end) of one store row, or None for an undated event.

    The one place that turns a date into a row, for :meth:`EventStore.from_timeline` and for
    columns built straight from a file, so that both give the same arrays.
    """
    if status is not _ONGOING:
        # Fast path for the common case, since a million events go through here.
        unit = unit_row(fd)
        if unit is not None:
            return unit[0], unit[1], KIND_POINT, int(unit_flags(unit[2], status is _EXPECTED, curated)), unit[1]
    span = date_span(fd, status, curated, reference)
    if span is None:
        return None
    start, end, kind, flag = span
    sort_end = end
    if flag & FLAG_ONGOING and fd.kind is _POINT and fd.start is not None:
        # Drawn up to the time of writing, but read in order by the unit it began in.
        sort_end = float(fd.start.latest.toordinal() + 1)
    return start, end, kind, flag, sort_end


def chronological_order(
    start: FloatArray,
    sort_end: FloatArray,
    kind: npt.NDArray[np.int8],
    flags: npt.NDArray[np.uint8],
    source_index: IntArray,
) -> IntArray:
    """The permutation that puts rows in the store's reading order.

    Shared by the store and by the writers of event columns, which store rows already in this
    order so that a store can be built from them without sorting.
    """
    ranged = kind != KIND_POINT
    # Among events starting together, "before X" reads first and "after X" last: their
    # dates are bounds, and the stated X lies between them.
    open_start = np.where(ranged & (flags & FLAG_OPEN_START > 0), 0, 1)
    open_end = np.where(ranged & (flags & FLAG_OPEN_END > 0) & (flags & FLAG_ONGOING == 0), 1, 0)
    return np.lexsort((source_index, open_end, sort_end, open_start, start)).astype(np.int64, copy=False)


def _ongoing_sort_end(event: Event | None, end: float) -> float:
    """The end an event sorts by: for an ongoing one dated by its start, the end of that unit."""
    if event is None or event.status is not Status.ONGOING or event.date.kind is not DateKind.POINT:
        return end
    unit = event.date.start
    return end if unit is None else float(unit.latest.toordinal() + 1)


def pack_lanes(
    left: FloatArray,
    right: FloatArray,
    max_lanes: int,
    gap: float = LANE_GAP_PX,
    rank: FloatArray | None = None,
    ranked_lanes: int | None = None,
) -> IntArray:
    """First-fit lane packing of extents sorted by ``left``; -1 where no lane is free.

    Two items share a lane only if they are ``gap`` apart, so labels never overlap. Left to
    right first fit uses the fewest lanes an interval layout can have. With ``rank``, the first
    ``ranked_lanes`` lanes (all of them by default) go to items of a higher rank first (left to
    right within a rank), so that the top lanes, the ones in view, show the most central events;
    what finds no room there is packed left to right into the lanes below.
    """
    n = len(left)
    if max_lanes <= 0 or n == 0:
        return np.full(n, -1, dtype=np.int64)
    if rank is not None and len(distinct(rank)) > 1:
        top = max_lanes if ranked_lanes is None else max(min(ranked_lanes, max_lanes), 1)
        lanes = _pack_by_rank(left, right, top, gap, rank)
        rest = np.flatnonzero(lanes < 0)
        if len(rest) and max_lanes > top:
            below = _first_fit(left[rest], right[rest], max_lanes - top, gap)
            lanes[rest] = np.where(below >= 0, below + top, -1)
        return lanes
    return _first_fit(left, right, max_lanes, gap)


def _first_fit(left: FloatArray, right: FloatArray, max_lanes: int, gap: float) -> IntArray:
    """Each item in the lowest lane free at its left edge: lanes freed are kept in a heap."""
    out = [-1] * len(left)
    free: list[int] = []
    busy: list[tuple[float, int]] = []  # (where the lane is free again, lane)
    opened = 0
    for i, (x, end) in enumerate(zip(left.tolist(), right.tolist(), strict=True)):
        while busy and busy[0][0] <= x:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        elif opened < max_lanes:
            lane = opened
            opened += 1
        else:
            continue
        out[i] = lane
        heapq.heappush(busy, (end + gap, lane))
    return np.array(out, dtype=np.int64)


def _pack_by_rank(left: FloatArray, right: FloatArray, max_lanes: int, gap: float, rank: FloatArray) -> IntArray:
    lanes = np.full(len(left), -1, dtype=np.int64)
    starts: list[list[float]] = [[] for _ in range(max_lanes)]  # per lane, sorted; items in a lane never overlap
    ends: list[list[float]] = [[] for _ in range(max_lanes)]
    lo_list, hi_list = left.tolist(), right.tolist()
    for i in np.lexsort((left, -rank)).tolist():
        lo, hi = lo_list[i], hi_list[i]
        for lane in range(max_lanes):
            k = bisect.bisect_left(starts[lane], lo)
            if k > 0 and ends[lane][k - 1] + gap > lo:
                continue
            if k < len(starts[lane]) and hi + gap > starts[lane][k]:
                continue
            starts[lane].insert(k, lo)
            ends[lane].insert(k, hi)
            lanes[i] = lane
            break
    return lanes


@dataclass(slots=True)
class FrameLayout:
    """What one frame shows: visible store positions, their pixel extents and lanes."""

    positions: IntArray
    x0: FloatArray  # start of the bar (or the unit, for a point)
    x1: FloatArray  # end of the bar
    xm: FloatArray  # marker centre (points) or bar start
    lanes: IntArray  # -1: no room for a label at this zoom (drawn in the overflow strip)
    lane_count: int  # the most lanes this frame could use
    dense: bool = False
    density: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # events per pixel column
    dense_count: int = 0  # events in view, when dense (positions are then not listed)
    lanes_used: int = 0  # lanes holding an item: what vertical scrolling reaches
    spanning_left_out: int = 0  # long events covering the whole view, beyond the label budget
    band_lanes: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # first lane of each band

    def __len__(self) -> int:
        return self.dense_count if self.dense else len(self.positions)

    def hit(self, x: float, lane: int, label_right: FloatArray | None = None, tolerance: float = 4.0) -> int:
        """The store position under (x, lane), or -1.

        ``lane`` -1 means the overflow strip, where the nearest marker within tolerance wins.
        """
        if self.dense or len(self.positions) == 0:
            return -1
        in_lane = np.flatnonzero(self.lanes == lane)
        if len(in_lane) == 0:
            return -1
        left = np.minimum(self.x0[in_lane], self.xm[in_lane] - MARKER_RADIUS_PX) - tolerance
        right = np.maximum(self.x1[in_lane], self.xm[in_lane] + MARKER_RADIUS_PX)
        if label_right is not None and lane >= 0:
            right = np.maximum(right, label_right[in_lane])
        right = right + tolerance
        inside = in_lane[(left <= x) & (x <= right)]
        if len(inside) == 0:
            return -1
        # Prefer the item whose marker is nearest (small items on top of long bars).
        best = inside[np.argmin(np.abs(self.xm[inside] - x))]
        return int(self.positions[best])


class EventStore:
    """Sorted arrays of event spans; position ``i`` is the i-th event in chronological order."""

    def __init__(
        self,
        start: FloatArray,
        end: FloatArray,
        kind: npt.NDArray[np.int8],
        flags: npt.NDArray[np.uint8],
        doc: npt.NDArray[np.int32],
        ids: Sequence[str],
        source_index: IntArray | None = None,
        sort_end: FloatArray | None = None,
    ) -> None:
        """``sort_end`` breaks ties of ``start`` in place of ``end``: an ongoing event is drawn up
        to the time of writing but reads in order by the date it began."""
        n = len(start)
        if not (len(end) == len(kind) == len(flags) == len(doc) == len(ids) == n):
            raise ValueError("event arrays differ in length")
        src = np.arange(n, dtype=np.int64) if source_index is None else np.asarray(source_index, dtype=np.int64)
        tie = end if sort_end is None else sort_end
        order = chronological_order(start, tie, kind, flags, src)
        id_array = np.empty(n, dtype=object)
        id_array[:] = list(ids)
        self._assign(
            start[order],
            np.maximum(end[order], start[order]),
            kind[order],
            flags[order],
            doc[order],
            id_array[order].tolist(),
            src[order],
            tie[order],
        )

    def _assign(
        self,
        start: FloatArray,
        end: FloatArray,
        kind: npt.NDArray[np.int8],
        flags: npt.NDArray[np.uint8],
        doc: npt.NDArray[np.int32],
        ids: Sequence[str],
        source_index: IntArray,
        sort_end: FloatArray,
        positions: Mapping[str, int] | _Positions | None = None,
    ) -> None:
        """Take arrays already in chronological order; ``positions`` finds each id's position (built if None)."""
        n = len(start)
        self.sort_end: FloatArray = np.ascontiguousarray(sort_end, dtype=np.float64)
        self.start: FloatArray = np.ascontiguousarray(start, dtype=np.float64)
        self.end: FloatArray = np.ascontiguousarray(end, dtype=np.float64)
        self.kind = np.ascontiguousarray(kind, dtype=np.int8)
        self.flags = np.ascontiguousarray(flags, dtype=np.uint8)
        self.doc = np.ascontiguousarray(doc, dtype=np.int32)
        self.source_index: IntArray = np.asarray(source_index, dtype=np.int64)
        self.ids: Sequence[str] = ids
        self._pos: Mapping[str, int] | _Positions = (
            dict(zip(self.ids, range(n), strict=True)) if positions is None else positions
        )
        # Running maximum of end times: everything before the first entry > t0 ends before t0.
        self._end_cummax: FloatArray = np.maximum.accumulate(self.end) if n else self.end.copy()
        self.mid: FloatArray = (self.start + self.end) / 2.0
        self.events: Sequence[Event] | None = None  # source objects, when built from a timeline
        # Each row's salience, when known without reading the events (a store built from columns).
        self.salience: npt.NDArray[np.float32] | None = None
        self._layout_key: tuple[object, ...] | None = None
        self._layout_lanes: IntArray = np.zeros(0, dtype=np.int64)
        self._layout_bands: IntArray = np.zeros(0, dtype=np.int64)

    # construction -------------------------------------------------------------------

    @classmethod
    def from_timeline(cls, timeline: Timeline) -> EventStore:
        """Events without any date are left out (they still appear in lists)."""
        doc_index = {d.id: i for i, d in enumerate(timeline.documents)}
        references = {d.id: d.reference_date for d in timeline.documents}
        starts: list[float] = []
        ends: list[float] = []
        kinds: list[int] = []
        flags: list[int] = []
        docs: list[int] = []
        ids: list[str] = []
        src: list[int] = []
        sort_ends: list[float] = []
        span = row_span
        for i, event in enumerate(timeline.events):
            mentions = event.mentions
            doc_id = mentions[0].document if mentions else ""
            row = span(event.date, event.status, event.curated, references.get(doc_id))
            if row is None:
                continue
            starts.append(row[0])
            ends.append(row[1])
            kinds.append(row[2])
            flags.append(row[3])
            sort_ends.append(row[4])
            docs.append(doc_index.get(doc_id, -1))
            ids.append(event.id)
            src.append(i)
        store = cls(
            np.array(starts, dtype=np.float64),
            np.array(ends, dtype=np.float64),
            np.array(kinds, dtype=np.int8),
            np.array(flags, dtype=np.uint8),
            np.array(docs, dtype=np.int32),
            ids,
            np.array(src, dtype=np.int64),
            np.array(sort_ends, dtype=np.float64),
        )
        store.events = timeline.events
        return store

    @classmethod
    def from_columns(cls, columns: EventColumns) -> EventStore:
        """The store of event columns, without sorting and without building any Event.

        Columns keep their dated rows first, already in :func:`chronological_order`, so the
        arrays are used as they are (flags and document indices are copied, since an edit
        changes them in place and columns read from a file are read-only). ``ids`` is a lazy
        sequence over the id column, ``events`` the columns' lazy events in the order read
        (``source_index`` indexes them, as for ``from_timeline``), and positions are found
        through the columns' id lookup.
        """
        n = columns.dated
        store = EventStore.__new__(EventStore)
        store._assign(
            columns.start[:n],
            columns.end[:n],
            columns.kind[:n],
            columns.flags[:n].copy(),
            columns.doc[:n].copy(),
            columns.id_sequence(n),
            columns.source[:n].astype(np.int64),
            columns.sort_end[:n],
            _ColumnPositions(columns, n),
        )
        store.events = columns.events
        store.salience = columns.salience[:n]
        return store

    def refreshed(self, timeline: Timeline, event_ids: Iterable[str]) -> EventStore | None:
        """The store after the events ``event_ids`` of ``timeline`` were edited in place.

        Marks and colours only: this store, updated. Moved dates: a re-sorted copy of the
        arrays, without the pass over every event object that ``from_timeline`` makes.
        None when an event gained or lost its date (the caller rebuilds).
        """
        if self.events is not timeline.events:
            return None
        doc_index = {d.id: i for i, d in enumerate(timeline.documents)}
        references = {d.id: d.reference_date for d in timeline.documents}
        changes: list[tuple[int, tuple[float, float, int, int], int]] = []
        for event_id in dict.fromkeys(event_ids):
            pos = self.position(event_id)
            if pos < 0:
                return None
            event = self.event_at(pos)
            if event is None or event.id != event_id:
                return None
            span = event_span(event, references.get(event.document))
            if span is None:
                return None
            changes.append((pos, span, doc_index.get(event.document, -1)))
        moved = any(
            (self.start[pos], self.end[pos], self.kind[pos]) != (span[0], max(span[1], span[0]), span[2])
            for pos, span, _ in changes
        )
        if not moved:
            for pos, span, doc_pos in changes:
                self.flags[pos] = span[3]
                self.doc[pos] = doc_pos
            self._layout_key = None
            return self
        start, end, kinds = self.start.copy(), self.end.copy(), self.kind.copy()
        flags, docs, sort_end = self.flags.copy(), self.doc.copy(), self.sort_end.copy()
        for pos, (t0, t1, k, f), d in changes:
            start[pos], end[pos], kinds[pos], flags[pos], docs[pos] = t0, t1, k, f, d
            sort_end[pos] = _ongoing_sort_end(self.event_at(pos), t1)
        store = EventStore(start, end, kinds, flags, docs, self.ids, self.source_index, sort_end)
        store.events = self.events
        return store

    def subset(
        self, keep_rows: Sequence[bool] | npt.NDArray[np.bool_], events: Sequence[Event] | None = None
    ) -> EventStore:
        """The store of the events whose source rows ``keep_rows`` marks, by a mask over these arrays.

        Nothing is re-sorted and no event object is read: a filter switched on or off costs
        array indexing, not a rebuild. Source rows are renumbered to count kept rows only, so
        they index ``events``, the kept events in their original order.
        """
        keep = np.asarray(keep_rows, dtype=bool)
        if len(keep) <= (int(self.source_index.max()) if len(self) else -1):
            raise ValueError("the row mask is shorter than the timeline the store was built from")
        positions = np.flatnonzero(keep[self.source_index])
        new_row = np.cumsum(keep, dtype=np.int64) - 1
        ids = self.ids
        # Ids are found through this store's table and the kept positions: no table of their own to build.
        remap = np.full(len(self), -1, dtype=np.int64)
        remap[positions] = np.arange(len(positions), dtype=np.int64)
        store = EventStore.__new__(EventStore)
        store._assign(
            self.start[positions],
            self.end[positions],
            self.kind[positions],
            self.flags[positions],
            self.doc[positions],
            [ids[p] for p in positions.tolist()],
            new_row[self.source_index[positions]],
            self.sort_end[positions],
            _SubsetPositions(self._pos, remap),
        )
        store.events = events
        if self.salience is not None:
            store.salience = self.salience[positions]
        return store

    @classmethod
    def empty(cls) -> EventStore:
        z = np.zeros(0)
        return cls(z, z, z.astype(np.int8), z.astype(np.uint8), z.astype(np.int32), [])

    # queries ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.start)

    def position(self, event_id: str) -> int:
        """Chronological position of an event, -1 if it is not drawn."""
        return self._pos.get(event_id, -1)

    def event_at(self, pos: int) -> Event | None:
        if self.events is None:
            return None
        return self.events[int(self.source_index[pos])]

    def bounds(self) -> tuple[float, float] | None:
        if len(self) == 0:
            return None
        return float(self.start[0]), float(self._end_cummax[-1])

    def visible(self, t0: float, t1: float) -> IntArray:
        """Positions of events overlapping [t0, t1], zero-length points included."""
        if len(self) == 0:
            return np.zeros(0, dtype=np.int64)
        hi = int(np.searchsorted(self.start, t1, side="right"))
        lo = int(np.searchsorted(self._end_cummax, t0, side="left"))
        if hi <= lo:
            return np.zeros(0, dtype=np.int64)
        return lo + np.flatnonzero(self.end[lo:hi] >= t0).astype(np.int64)

    def nearest(self, t: float) -> int:
        """Position whose marker (point centre or range start) is nearest to time ``t``.

        Events covering ``t`` compete too (several can start at the same moment), so a day's
        point event is found even when a longer event starts at the same time.
        """
        if len(self) == 0:
            return -1
        i = int(np.searchsorted(self.start, t))
        covering = self.visible(t, t)[:2000].tolist()
        candidates = {j for j in (i - 1, i) if 0 <= j < len(self)} | set(covering)
        return min(candidates, key=lambda j: (abs(self.marker_time(j) - t), j))

    def marker_time(self, pos: int) -> float:
        return float(self.mid[pos] if self.kind[pos] == KIND_POINT else self.start[pos])

    # layout -------------------------------------------------------------------------

    def layout(
        self,
        viewport: Viewport,
        width: float,
        label_px: FloatArray,
        max_lanes: int = MAX_LANES,
        dense_limit: int = DENSE_LIMIT,
        on_visible: Callable[[IntArray], None] | None = None,
        *,
        ranked_lanes: int = RANKED_LANES,
        reserve: tuple[int, float, float] | None = None,
        bands: IntArray | None = None,
        label_version: int = 0,
        date_px: FloatArray | None = None,
    ) -> FrameLayout:
        """Place the visible events in lanes so that bars and labels never overlap.

        ``label_px`` holds each store position's label width in pixels (the caller measures
        text, and may do so lazily in ``on_visible``, which gets the positions about to be
        laid out when there are few enough to label). Items that fit in no lane get lane -1.
        ``date_px``, if given, holds the width of each label's date, placed as the painter does
        (beside a point's marker, on or after a bar), and ``label_px`` then the title's alone.
        ``reserve`` = (position, title width, date width) makes room for a wider label at one
        position (the selected event's, shown in full). ``bands`` gives each store position a band (a group
        of lanes of its own, e.g. the group a person filed it under); the bands with events in
        view are stacked in order, each under a lane left free for its name.
        Only events that begin in view count towards ``dense_limit``: long ones that merely
        cover the view are laid out while there is room, and counted in ``spanning_left_out``
        when there is none.
        """
        starting_in_view = int(np.searchsorted(self.start, viewport.t1, side="right")) - int(
            np.searchsorted(self.start, viewport.t0, side="left")
        )
        columns = int(max(width, 1))
        if starting_in_view > dense_limit:
            # Too many to label whatever else overlaps: count starts per pixel column with
            # one searchsorted per column boundary, never touching every event.
            edges = np.asarray(viewport.to_time(np.arange(columns + 1, dtype=np.float64), width), dtype=np.float64)
            density = np.diff(np.searchsorted(self.start, edges, side="left")).astype(np.int64)
            empty = np.zeros(0)
            nothing = np.zeros(0, dtype=np.int64)
            return FrameLayout(nothing, empty, empty, empty, nothing, max_lanes, True, density, starting_in_view)
        reach_t0 = float(viewport.to_time(-LABEL_REACH_PX, width))
        positions = self.visible(reach_t0, viewport.t1)
        left_out = 0
        if len(positions) > dense_limit:
            # Many long events cover the view without starting near it: keep those begun last.
            spanning = self.start[positions] < reach_t0
            room = max(dense_limit - int((~spanning).sum()), 0)
            covering = positions[spanning]
            left_out = len(covering) - min(room, len(covering))
            keep = covering[len(covering) - room :] if room else covering[:0]
            positions = np.sort(np.concatenate([keep, positions[~spanning]]))
        if on_visible is not None:
            on_visible(positions)
        x0 = np.asarray(viewport.to_px(self.start[positions], width), dtype=np.float64)
        x1 = np.asarray(viewport.to_px(self.end[positions], width), dtype=np.float64)
        point = self.kind[positions] == KIND_POINT
        xm = np.where(point, (x0 + x1) / 2.0, x0)
        x0, x1 = self._stubbed(positions, x0, x1)
        dpp = viewport.days_per_px(width)
        # Bands are packed per frame: over the whole timeline most of a band's lanes would be
        # empty wherever one looks.
        if len(self) <= GLOBAL_LAYOUT_LIMIT and not left_out and bands is None:
            widths = _Widths(label_px, date_px, reserve)
            key = (
                dpp,
                viewport.scale,
                max_lanes,
                ranked_lanes,
                id(label_px),
                id(date_px),
                label_version,
                reserve,
                id(bands),
            )
            lanes, band_lanes = self._global_lanes(key, dpp, viewport.scale, widths, max_lanes, ranked_lanes, bands)
            lanes = lanes[positions]
        else:
            widths = _Widths(label_px, date_px, reserve)
            lanes, band_lanes = self._pack(
                positions, dpp, viewport.scale, viewport.u0, widths, max_lanes, ranked_lanes, bands
            )
        used = int(lanes.max()) + 1 if len(lanes) else 0
        return FrameLayout(
            positions,
            x0,
            x1,
            xm,
            lanes,
            max_lanes,
            lanes_used=used,
            spanning_left_out=left_out,
            band_lanes=band_lanes,
        )

    def _pack(
        self,
        positions: IntArray,
        dpp: float,
        scale: TimeScale | None,
        origin: float,
        widths: _Widths,
        max_lanes: int,
        ranked_lanes: int,
        bands: IntArray | None,
    ) -> tuple[IntArray, IntArray]:
        """Lanes for ``positions`` and the first lane of each band; bands are packed one below another."""
        left, right = self._extents(positions, dpp, scale, origin, widths)
        lanes = np.full(len(positions), -1, dtype=np.int64)
        if bands is None:
            band_ids = [0]
            groups = [np.arange(len(positions), dtype=np.int64)]
        else:
            band_of = bands[positions]
            band_ids = distinct(band_of).tolist()
            groups = [np.flatnonzero(band_of == b) for b in band_ids]
        first_lane = np.full(int(max(band_ids, default=0)) + 1, -1, dtype=np.int64)
        offset = 0
        # With bands, each band's first lane is left free for its name.
        header = 0 if bands is None else 1
        for band, members in zip(band_ids, groups, strict=True):
            if offset + header >= max_lanes:
                break
            order = members[np.argsort(left[members], kind="stable")]
            packed = pack_lanes(
                left[order],
                right[order],
                max_lanes - offset - header,
                rank=self._rank(positions[order]),
                ranked_lanes=ranked_lanes,
            )
            lanes[order] = np.where(packed >= 0, packed + offset + header, -1)
            first_lane[band] = offset
            offset += header + (int(packed.max()) + 1 if len(packed) and packed.max() >= 0 else 0)
        return lanes, first_lane

    def _global_lanes(
        self,
        key: tuple[object, ...],
        dpp: float,
        scale: TimeScale | None,
        widths: _Widths,
        max_lanes: int,
        ranked_lanes: int,
        bands: IntArray | None,
    ) -> tuple[IntArray, IntArray]:
        """Lanes over the whole timeline for one zoom, so that panning never reshuffles them."""
        if self._layout_key != key:
            positions = np.arange(len(self), dtype=np.int64)
            origin = float(self.start[0]) if len(self) else 0.0
            if scale is not None:
                origin = float(scale.to_axis(origin))
            self._layout_lanes, self._layout_bands = self._pack(
                positions, dpp, scale, origin, widths, max_lanes, ranked_lanes, bands
            )
            self._layout_key = key
        return self._layout_lanes, self._layout_bands

    def _extents(
        self, positions: IntArray, dpp: float, scale: TimeScale | None, origin: float, widths: _Widths
    ) -> tuple[FloatArray, FloatArray]:
        """Pixel extents (bar or marker plus label) from axis position ``origin``, sorted like positions."""
        start, end = self.start[positions], self.end[positions]
        if scale is not None:
            start = np.asarray(scale.to_axis(start), dtype=np.float64)
            end = np.asarray(scale.to_axis(end), dtype=np.float64)
        x0 = (start - origin) / dpp
        x1 = (end - origin) / dpp
        point = self.kind[positions] == KIND_POINT
        xm = np.where(point, (x0 + x1) / 2.0, x0)
        x0, x1 = self._stubbed(positions, x0, x1)
        # The pale band of a point's unit (its day, its month) may touch the next unit's band:
        # the gap between lane neighbours is for their labels and markers.
        band_lo = np.where(point, x0 + LANE_GAP_PX, x0)
        band_hi = np.where(point, x1 - LANE_GAP_PX, x1)
        left = np.where(point, np.minimum(band_lo, xm - MARKER_RADIUS_PX), x0)
        right = np.maximum(np.maximum(band_hi, xm + MARKER_RADIUS_PX), self._label_reach(positions, x0, x1, xm, widths))
        return left, right

    def _label_reach(
        self, positions: IntArray, x0: FloatArray, x1: FloatArray, xm: FloatArray, widths: _Widths
    ) -> FloatArray:
        """Right edge of each label (title below, date beside the mark or on/after the bar)."""
        point = self.kind[positions] == KIND_POINT
        label_left = np.where(point, xm - MARKER_RADIUS_PX, x0)
        title = widths.title[positions]
        date = widths.date[positions] if widths.date is not None else None
        if widths.reserve is not None:
            at = positions == widths.reserve[0]
            title = np.where(at, np.maximum(title, widths.reserve[1]), title)
            if date is not None:
                date = np.where(at, np.maximum(date, widths.reserve[2]), date)
        right = label_left + title
        if date is None:
            return right
        return np.maximum(right, date_right(point, x0, x1, xm, date))

    def _stubbed(self, positions: IntArray, x0: FloatArray, x1: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Extend open-ended ranges by a fixed stub so that they read as open, at any zoom."""
        flags = self.flags[positions]
        ranged = self.kind[positions] != KIND_POINT
        x0 = np.where(ranged & (flags & FLAG_OPEN_START > 0), x0 - OPEN_STUB_PX, x0)
        x1 = np.where(ranged & (flags & FLAG_OPEN_END > 0), np.maximum(x1, x0 + OPEN_STUB_PX), x1)
        return x0, x1

    def _rank(self, positions: IntArray) -> FloatArray | None:
        """Salience of the events at these positions in tenths (labels go to the most central first)."""
        events = self.events
        if len(positions) == 0:
            return None
        if self.salience is not None:
            return np.round(self.salience[positions].astype(np.float64) * 10)
        if events is None:
            return None
        rows = self.source_index[positions].tolist()
        return np.round(np.fromiter((events[r].salience for r in rows), dtype=np.float64, count=len(rows)) * 10)

    def label_right(self, frame: FrameLayout, label_px: FloatArray, date_px: FloatArray | None = None) -> FloatArray:
        """Right edge of each visible item's label, for hit testing labels as well as marks."""
        widths = _Widths(label_px, date_px, None)
        return self._label_reach(frame.positions, frame.x0, frame.x1, frame.xm, widths)


class _Positions(Protocol):
    """Finds an id's store position: a dict, or a lookup that builds no table of its own."""

    def get(self, event_id: str, default: int = -1, /) -> int: ...


class _ColumnPositions:
    """Positions in a store of event columns: the columns' row, if it is one of the dated rows."""

    __slots__ = ("_columns", "_dated")

    def __init__(self, columns: EventColumns, dated: int) -> None:
        self._columns = columns
        self._dated = dated

    def get(self, event_id: str, default: int = -1, /) -> int:
        row = self._columns.position(event_id)
        return row if 0 <= row < self._dated else default


class _SubsetPositions:
    """Positions in a subset store, found through the whole store's positions and the kept ones."""

    __slots__ = ("_remap", "_whole")

    def __init__(self, whole: Mapping[str, int] | _Positions, remap: IntArray) -> None:
        self._whole = whole
        self._remap = remap

    def get(self, event_id: str, default: int = -1, /) -> int:
        pos = self._whole.get(event_id, -1)
        found = int(self._remap[pos]) if 0 <= pos < len(self._remap) else -1
        return found if found >= 0 else default


class _Widths(NamedTuple):
    title: FloatArray
    date: FloatArray | None
    reserve: tuple[int, float, float] | None


def chip_fits(x0: FloatArray, x1: FloatArray, date: FloatArray) -> npt.NDArray[np.bool_]:
    """Whether a bar is long enough to carry its date and still show most of itself."""
    return np.asarray((x1 - x0) >= date + CHIP_PX + CHIP_SPARE_PX)


def date_right(
    point: npt.NDArray[np.bool_], x0: FloatArray, x1: FloatArray, xm: FloatArray, date: FloatArray
) -> FloatArray:
    """Right edge of each label's date as the painter places it."""
    beside = xm + MARKER_RADIUS_PX + DATE_GAP_PX + date
    on_bar = np.where(chip_fits(x0, x1, date), x0 + CHIP_PX + date, x1 + DATE_AFTER_PX + date)
    return np.asarray(np.where(point, beside, on_bar), dtype=np.float64)
