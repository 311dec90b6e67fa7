"""A time axis that can be broken: the story's stretch at full scale, far outliers compressed.

A :class:`TimeScale` maps time (float64 days, see viewport.py) to *axis days* by a monotone
piecewise-linear function. Inside the story the slope is 1, so an axis day is a day; a long
empty stretch becomes a *gap* (almost no axis length, drawn as a break mark); the stretches
holding far background events become *compressed* (a smaller slope, drawn shaded with ticks of
their own). Outside its knots the scale has slope 1, so it is defined for every time.

:func:`story_scale` decides where to break, from the events' times alone: the densest window
holding most events is the story, everything well outside it is context.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from timeline_app.core.arrays import distinct

FloatArray = npt.NDArray[np.float64]

# The story: the shortest window holding this share of the events.
CORE_SHARE = 0.8
# Context on either side is compressed only when longer than this many story spans...
CONTEXT_TRIGGER = 2.0
# ...and then takes at most this many story spans of axis.
CONTEXT_SHARE = 0.3
# An empty stretch inside the story longer than this many story spans is cut out too (two
# clusters of news years apart) when each side holds this many events; a story that merely
# has a quiet middle, or a handful of events, stays linear.
INNER_GAP_SHARE = 0.6
INNER_GAP_SIDE = 4
# Axis length of one gap, in story spans (about 25 px when the story fills a window).
GAP_SHARE = 0.035
MAX_GAPS = 12
MIN_EVENTS = 4


class SegmentKind(StrEnum):
    LINEAR = "linear"
    COMPRESSED = "compressed"
    GAP = "gap"


@dataclass(frozen=True, slots=True)
class Segment:
    """One stretch of the axis: real times ``t0..t1`` drawn over axis days ``u0..u1``."""

    t0: float
    t1: float
    u0: float
    u1: float
    kind: SegmentKind

    @property
    def slope(self) -> float:
        return (self.u1 - self.u0) / (self.t1 - self.t0) if self.t1 > self.t0 else 1.0


@dataclass(frozen=True, slots=True)
class TimeScale:
    """Knots of a monotone piecewise-linear map; no knots is the plain linear axis."""

    t_knots: tuple[float, ...] = ()
    u_knots: tuple[float, ...] = ()
    kinds: tuple[SegmentKind, ...] = ()  # one per interval between knots

    def __post_init__(self) -> None:
        if not (len(self.t_knots) == len(self.u_knots) == (len(self.kinds) + 1 if self.kinds else 0)):
            raise ValueError("a time scale needs one kind per interval between its knots")
        if any(b <= a for a, b in zip(self.t_knots, self.t_knots[1:], strict=False)) or any(
            b <= a for a, b in zip(self.u_knots, self.u_knots[1:], strict=False)
        ):
            raise ValueError("a time scale must increase")

    @property
    def is_linear(self) -> bool:
        return not self.kinds

    @classmethod
    def from_segments(cls, pieces: list[tuple[float, float, SegmentKind, float]]) -> TimeScale:
        """Build from consecutive (t0, t1, kind, axis length) pieces; the first starts at u = t0."""
        if not pieces:
            return cls()
        t = [pieces[0][0]]
        u = [pieces[0][0]]
        kinds: list[SegmentKind] = []
        for t0, t1, kind, length in pieces:
            if not math.isclose(t0, t[-1], abs_tol=1e-9) or t1 <= t0 or length <= 0:
                raise ValueError("time scale pieces must follow each other and have length")
            t.append(t1)
            u.append(u[-1] + length)
            kinds.append(kind)
        return cls(tuple(t), tuple(u), tuple(kinds))

    def segments(self) -> list[Segment]:
        return [
            Segment(self.t_knots[i], self.t_knots[i + 1], self.u_knots[i], self.u_knots[i + 1], kind)
            for i, kind in enumerate(self.kinds)
        ]

    def gaps(self) -> list[Segment]:
        return [s for s in self.segments() if s.kind is SegmentKind.GAP]

    def to_axis(self, t: float | FloatArray) -> float | FloatArray:
        if not self.kinds:
            return t
        return _piecewise(t, self.t_knots, self.u_knots)

    def to_time(self, u: float | FloatArray) -> float | FloatArray:
        if not self.kinds:
            return u
        return _piecewise(u, self.u_knots, self.t_knots)

    def slope_at(self, t: float) -> float:
        """Axis days per day at time ``t`` (1 outside the knots and in the story)."""
        if not self.kinds or t < self.t_knots[0] or t >= self.t_knots[-1]:
            return 1.0
        i = int(np.searchsorted(self.t_knots, t, side="right")) - 1
        return (self.u_knots[i + 1] - self.u_knots[i]) / (self.t_knots[i + 1] - self.t_knots[i])

    def pieces_between(self, t0: float, t1: float) -> list[Segment]:
        """The stretches of [t0, t1], linear ones outside the knots included, cut to [t0, t1]."""
        if t1 <= t0:
            return []
        if not self.kinds:
            return [Segment(t0, t1, t0, t1, SegmentKind.LINEAR)]
        out: list[Segment] = []
        first, last = self.t_knots[0], self.t_knots[-1]
        if t0 < first:
            hi = min(t1, first)
            out.append(Segment(t0, hi, float(self.to_axis(t0)), float(self.to_axis(hi)), SegmentKind.LINEAR))
        for seg in self.segments():
            lo, hi = max(seg.t0, t0), min(seg.t1, t1)
            if hi > lo:
                out.append(Segment(lo, hi, float(self.to_axis(lo)), float(self.to_axis(hi)), seg.kind))
        if t1 > last:
            lo = max(t0, last)
            out.append(Segment(lo, t1, float(self.to_axis(lo)), float(self.to_axis(t1)), SegmentKind.LINEAR))
        # The story and the plain axis beyond the knots are one stretch.
        merged: list[Segment] = []
        for seg in out:
            prev = merged[-1] if merged else None
            if prev is not None and prev.kind is seg.kind is SegmentKind.LINEAR and math.isclose(prev.slope, seg.slope):
                merged[-1] = Segment(prev.t0, seg.t1, prev.u0, seg.u1, seg.kind)
            else:
                merged.append(seg)
        return merged


def _piecewise(x: float | FloatArray, xk: tuple[float, ...], yk: tuple[float, ...]) -> float | FloatArray:
    """Interpolate through the knots, with slope 1 beyond the first and last."""
    xs = np.asarray(x, dtype=np.float64)
    y = np.interp(xs, xk, yk)
    y = y + np.minimum(xs - xk[0], 0.0) + np.maximum(xs - xk[-1], 0.0)
    if isinstance(x, np.ndarray):
        return y
    return float(y)


def core_window(marks: FloatArray, share: float = CORE_SHARE) -> tuple[float, float]:
    """The shortest window of sorted ``marks`` that holds ``share`` of them."""
    n = len(marks)
    k = max(min(math.ceil(share * n), n), 1)
    widths = marks[k - 1 :] - marks[: n - k + 1]
    i = int(np.argmin(widths))
    return float(marks[i]), float(marks[i + k - 1])


def story_scale(
    starts: FloatArray, ends: FloatArray, marks: FloatArray, *, min_span: float = 1.0, max_gaps: int = MAX_GAPS
) -> TimeScale:
    """A scale that gives the story (where most events are) the width and compresses far context.

    ``starts``/``ends`` are the events' extents and ``marks`` where each is marked (a point's
    centre, a range's start). Empty stretches far longer than the story become gaps; the
    stretches beyond the story that still hold events are compressed to a share of its width.
    Nothing is broken for a timeline whose events are spread evenly: the scale is then linear.
    """
    n = len(marks)
    if n < MIN_EVENTS:
        return TimeScale()
    marks = np.asarray(marks, dtype=np.float64)
    starts = np.asarray(starts, dtype=np.float64)
    ends = np.maximum(np.asarray(ends, dtype=np.float64), starts)
    sorted_marks = np.sort(marks)
    core_lo, core_hi = core_window(sorted_marks)
    span = max(core_hi - core_lo, min_span)
    # What must stay visible: each event's marker, and both ends of events no longer than the story;
    # the story reaches as far as the events marked in it do.
    short = (ends - starts) <= span
    inside = short & (marks >= core_lo) & (marks <= core_hi)
    if inside.any():
        core_lo, core_hi = min(core_lo, float(starts[inside].min())), max(core_hi, float(ends[inside].max()))
    span = max(core_hi - core_lo, min_span)
    occupied = distinct(np.concatenate([marks, starts[short], ends[short]]))
    gaps = _inner_gaps(occupied[(occupied >= core_lo) & (occupied <= core_hi)], sorted_marks, span)
    # Margins and budgets follow the news, not the empty years between two clusters of it.
    news = max(span - sum(b - a for a, b in gaps), min_span)
    pad = max(news * 0.08, min_span * 0.25)
    core_lo, core_hi = core_lo - pad, core_hi + pad
    span = news + 2 * pad
    lo, hi = float(occupied[0]), float(occupied[-1])
    gap_len = span * GAP_SHARE
    pieces: list[tuple[float, float, SegmentKind, float]] = []
    # Left context, story, right context, each with its own rule.
    if core_lo - lo > CONTEXT_TRIGGER * span:
        pieces += _context(occupied[occupied < core_lo], lo - pad, core_lo, span, pad, gap_len, max_gaps)
        start = core_lo
    else:
        start = min(lo, core_lo)
    end = core_hi if hi - core_hi > CONTEXT_TRIGGER * span else max(hi, core_hi)
    pieces += _story(gaps, start, end, pad, gap_len)
    if hi - core_hi > CONTEXT_TRIGGER * span:
        right = _context(-occupied[occupied > core_hi][::-1], -(hi + pad), -core_hi, span, pad, gap_len, max_gaps)
        pieces += [(-t1, -t0, kind, length) for t0, t1, kind, length in reversed(right)]
    pieces = _merge(pieces)
    if all(kind is SegmentKind.LINEAR for *_, kind, _ in pieces):
        return TimeScale()
    return TimeScale.from_segments(pieces)


def _inner_gaps(points: FloatArray, marks: FloatArray, span: float) -> list[tuple[float, float]]:
    """Empty stretches inside the story long enough to cut, with events enough on both sides."""
    if len(points) < 2:
        return []
    diffs = np.diff(points)
    gaps = []
    for i in np.flatnonzero(diffs > INNER_GAP_SHARE * span).tolist():
        a, b = float(points[i]), float(points[i + 1])
        before = int(np.searchsorted(marks, a, side="right"))
        if min(before, len(marks) - before) >= INNER_GAP_SIDE:
            gaps.append((a, b))
    return gaps


def _story(
    gaps: list[tuple[float, float]], start: float, end: float, pad: float, gap_len: float
) -> list[tuple[float, float, SegmentKind, float]]:
    """The story at full scale, with the long empty stretches inside it cut out."""
    pieces: list[tuple[float, float, SegmentKind, float]] = []
    cursor = start
    for lo, hi in gaps:
        a, b = lo + pad, hi - pad
        if b - a <= gap_len * 4 or a <= cursor:
            continue
        pieces.append((cursor, a, SegmentKind.LINEAR, a - cursor))
        pieces.append((a, b, SegmentKind.GAP, gap_len))
        cursor = b
    if end > cursor:
        pieces.append((cursor, end, SegmentKind.LINEAR, end - cursor))
    return pieces


def _context(
    points: FloatArray, lo: float, core_lo: float, span: float, pad: float, gap_len: float, max_gaps: int
) -> list[tuple[float, float, SegmentKind, float]]:
    """Compress [lo, core_lo]: long empty stretches become gaps, the rest shares a small width.

    ``points`` are the occupied times in [lo, core_lo), increasing. The gaps are the longest
    empty stretches, as many as needed (up to ``max_gaps``) for the kept parts to be short.
    """
    edges = np.concatenate([[lo], points, [core_lo]])
    diffs = np.diff(edges)
    order = np.argsort(diffs)[::-1]
    chosen: list[int] = []
    for i in order.tolist()[:max_gaps]:
        if diffs[i] <= max(4 * pad, span * 0.2):
            break
        chosen.append(i)
    chosen.sort()
    cuts = [(float(edges[i]) + pad if i > 0 else lo, float(edges[i + 1]) - pad) for i in chosen]
    cuts = [(a, b) for a, b in cuts if b - a > gap_len]
    slope = 1.0
    for _ in range(2):
        kept = (core_lo - lo) - sum(b - a for a, b in cuts)
        budget = max(CONTEXT_SHARE * span - gap_len * len(cuts), span * 0.05)
        # A few isolated outliers keep their scale; only long stretches of context are squeezed.
        slope = 1.0 if kept <= 2 * budget else budget / kept
        # A stretch that compression alone makes short is not worth a break mark.
        worth = [(a, b) for a, b in cuts if (b - a) * slope > 3 * gap_len]
        if len(worth) == len(cuts):
            break
        cuts = worth
    kind = SegmentKind.COMPRESSED if slope < 0.999 else SegmentKind.LINEAR
    pieces: list[tuple[float, float, SegmentKind, float]] = []
    cursor = lo
    for a, b in cuts:
        if a > cursor:
            pieces.append((cursor, a, kind, (a - cursor) * slope))
        pieces.append((max(a, cursor), b, SegmentKind.GAP, gap_len))
        cursor = b
    if core_lo > cursor:
        pieces.append((cursor, core_lo, kind, (core_lo - cursor) * slope))
    return pieces


def _merge(
    pieces: list[tuple[float, float, SegmentKind, float]],
) -> list[tuple[float, float, SegmentKind, float]]:
    """Join neighbours of the same kind and slope; drop empty pieces."""
    out: list[tuple[float, float, SegmentKind, float]] = []
    for t0, t1, kind, length in pieces:
        if t1 <= t0 or length <= 0:
            continue
        if out:
            p0, p1, pkind, plength = out[-1]
            if pkind is kind and math.isclose(plength / (p1 - p0), length / (t1 - t0), rel_tol=1e-9):
                out[-1] = (p0, t1, kind, plength + length)
                continue
            t0 = p1  # pieces must follow each other exactly
        out.append((t0, t1, kind, length))
    return out
