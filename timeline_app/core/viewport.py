"""The visible time window and its mapping to pixels.

Time is a float64 count of days on the proleptic Gregorian calendar (``date.toordinal()``,
fractions are hours). A viewport is immutable: zooming or panning returns a new one, so a
view can compare old and new windows and an undo of navigation is just keeping the old value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import numpy.typing as npt

# Spans outside these limits give no useful picture and risk float precision loss.
MIN_SPAN_DAYS = 1.0 / 24.0 / 6.0  # ten minutes
MAX_SPAN_DAYS = 365.25 * 5000.0
MIN_TIME = float(date.min.toordinal())
MAX_TIME = float(date.max.toordinal() + 1)

FloatArray = npt.NDArray[np.float64]


def to_time(value: date | datetime) -> float:
    """A date (midnight) or datetime as a viewport time value."""
    day = float(value.toordinal())
    if isinstance(value, datetime):
        day += (value.hour * 3600 + value.minute * 60 + value.second) / 86400.0
    return day


def to_datetime(t: float) -> datetime:
    """The inverse of :func:`to_time`, clamped to the calendar's range."""
    t = min(max(t, MIN_TIME), MAX_TIME - 1e-6)
    day = int(np.floor(t))
    seconds = round((t - day) * 86400.0)
    if seconds >= 86400:
        day, seconds = day + 1, 0
    d = date.fromordinal(min(day, date.max.toordinal()))
    return datetime(d.year, d.month, d.day, seconds // 3600, (seconds // 60) % 60, seconds % 60)


@dataclass(frozen=True, slots=True)
class Viewport:
    """The time window [t0, t1) shown across a widget's width."""

    t0: float
    t1: float

    def __post_init__(self) -> None:
        if not (np.isfinite(self.t0) and np.isfinite(self.t1)) or self.t1 <= self.t0:
            raise ValueError(f"invalid viewport: {self.t0!r}..{self.t1!r}")

    @property
    def span(self) -> float:
        return self.t1 - self.t0

    @property
    def center(self) -> float:
        return (self.t0 + self.t1) / 2.0

    def days_per_px(self, width: float) -> float:
        return self.span / max(width, 1.0)

    def to_px(self, t: float | FloatArray, width: float, left: float = 0.0) -> float | FloatArray:
        """Time to x; float64 throughout so that hours stay exact a millennium away."""
        scale = max(width, 1.0) / self.span
        if isinstance(t, np.ndarray):
            return left + (t.astype(np.float64, copy=False) - self.t0) * scale
        return left + (float(t) - self.t0) * scale

    def to_time(self, x: float | FloatArray, width: float, left: float = 0.0) -> float | FloatArray:
        scale = self.span / max(width, 1.0)
        if isinstance(x, np.ndarray):
            return self.t0 + (x.astype(np.float64, copy=False) - left) * scale
        return self.t0 + (float(x) - left) * scale

    def zoom_at(self, anchor: float, factor: float) -> Viewport:
        """Zoom in (factor > 1) or out (< 1) keeping ``anchor`` at the same place on screen."""
        if factor <= 0 or not np.isfinite(factor):
            raise ValueError(f"zoom factor must be positive: {factor!r}")
        span = min(max(self.span / factor, MIN_SPAN_DAYS), MAX_SPAN_DAYS)
        frac = (anchor - self.t0) / self.span
        t0 = anchor - frac * span
        return Viewport(t0, t0 + span).clamped()

    def pan(self, dt: float) -> Viewport:
        return Viewport(self.t0 + dt, self.t1 + dt).clamped()

    def pan_px(self, dx: float, width: float) -> Viewport:
        """Move the content by ``dx`` pixels (positive: content moves right, time goes back)."""
        return self.pan(-dx * self.days_per_px(width))

    def centered_on(self, t: float) -> Viewport:
        half = self.span / 2.0
        return Viewport(t - half, t + half).clamped()

    def ensure_visible(self, lo: float, hi: float, margin: float = 0.1) -> Viewport:
        """The smallest pan (or zoom out, if needed) that shows [lo, hi] with a margin."""
        pad = self.span * margin
        if lo >= self.t0 + pad and hi <= self.t1 - pad:
            return self
        if hi - lo > self.span - 2 * pad:
            return Viewport.fit(lo, hi, margin=margin)
        if lo < self.t0 + pad:
            return self.pan(lo - pad - self.t0)
        return self.pan(hi + pad - self.t1)

    def clamped(self) -> Viewport:
        span = min(max(self.span, MIN_SPAN_DAYS), min(MAX_SPAN_DAYS, MAX_TIME - MIN_TIME))
        t0 = min(max(self.t0, MIN_TIME), MAX_TIME - span)
        if t0 == self.t0 and span == self.span:
            return self
        return Viewport(t0, t0 + span)

    @classmethod
    def fit(
        cls,
        lo: float,
        hi: float,
        margin: float = 0.05,
        width: float | None = None,
        pad_left_px: float = 0.0,
        pad_right_px: float = 0.0,
    ) -> Viewport:
        """A window showing [lo, hi], with a relative margin and optional pixel padding.

        Pixel padding reserves room e.g. for the labels drawn right of the last marker.
        """
        if hi < lo:
            lo, hi = hi, lo
        span = max(hi - lo, 1.0)
        t0, t1 = lo - span * margin, hi + span * margin
        if width is not None and width > pad_left_px + pad_right_px + 20:
            inner = width - pad_left_px - pad_right_px
            per_px = (t1 - t0) / inner
            t0 -= pad_left_px * per_px
            t1 += pad_right_px * per_px
        return Viewport(t0, t1).clamped()
