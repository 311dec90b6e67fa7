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

from timeline_app.core.time_scale import TimeScale

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
    """The time window [t0, t1) shown across a widget's width.

    ``scale`` (optional) breaks the axis: positions are proportional to *axis days*
    (``scale.to_axis(t)``), which are days in the story and far fewer in compressed stretches.
    ``t0``/``t1`` are always real times, so a view can be saved and restored without its scale;
    zooming and panning work in axis days, which is the same thing on a linear axis.
    """

    t0: float
    t1: float
    scale: TimeScale | None = None

    def __post_init__(self) -> None:
        if not (np.isfinite(self.t0) and np.isfinite(self.t1)) or self.t1 <= self.t0:
            raise ValueError(f"invalid viewport: {self.t0!r}..{self.t1!r}")
        if self.scale is not None and self.scale.is_linear:
            object.__setattr__(self, "scale", None)

    @property
    def span(self) -> float:
        """Real days from the left edge to the right edge."""
        return self.t1 - self.t0

    @property
    def center(self) -> float:
        return float(self.to_time(0.5, 1.0))

    @property
    def u0(self) -> float:
        return self.t0 if self.scale is None else float(self.scale.to_axis(self.t0))

    @property
    def u1(self) -> float:
        return self.t1 if self.scale is None else float(self.scale.to_axis(self.t1))

    @property
    def axis_span(self) -> float:
        """Axis days across the view: what zooming divides (the span, on a linear axis)."""
        return self.u1 - self.u0

    def days_per_px(self, width: float) -> float:
        """Days per pixel where the axis is not compressed."""
        return self.axis_span / max(width, 1.0)

    def to_px(self, t: float | FloatArray, width: float, left: float = 0.0) -> float | FloatArray:
        """Time to x; float64 throughout so that hours stay exact a millennium away."""
        u0 = self.u0
        scale = max(width, 1.0) / (self.u1 - u0)
        if self.scale is not None:
            t = self.scale.to_axis(t)
        if isinstance(t, np.ndarray):
            return left + (t.astype(np.float64, copy=False) - u0) * scale
        return left + (float(t) - u0) * scale

    def to_time(self, x: float | FloatArray, width: float, left: float = 0.0) -> float | FloatArray:
        u0 = self.u0
        scale = (self.u1 - u0) / max(width, 1.0)
        if isinstance(x, np.ndarray):
            u: float | FloatArray = u0 + (x.astype(np.float64, copy=False) - left) * scale
        else:
            u = u0 + (float(x) - left) * scale
        return u if self.scale is None else self.scale.to_time(u)

    def with_scale(self, scale: TimeScale | None) -> Viewport:
        """The same real edges on another axis."""
        if scale is self.scale or (scale is not None and scale == self.scale):
            return self
        return Viewport(self.t0, self.t1, scale)

    def _from_axis(self, u0: float, u1: float) -> Viewport:
        if self.scale is None:
            return Viewport(u0, u1)
        return Viewport(float(self.scale.to_time(u0)), float(self.scale.to_time(u1)), self.scale)

    def zoom_at(self, anchor: float, factor: float) -> Viewport:
        """Zoom in (factor > 1) or out (< 1) keeping ``anchor`` at the same place on screen."""
        if factor <= 0 or not np.isfinite(factor):
            raise ValueError(f"zoom factor must be positive: {factor!r}")
        u0, span0 = self.u0, self.axis_span
        ua = anchor if self.scale is None else float(self.scale.to_axis(anchor))
        span = min(max(span0 / factor, MIN_SPAN_DAYS), MAX_SPAN_DAYS)
        frac = (ua - u0) / span0
        start = ua - frac * span
        return self._from_axis(start, start + span).clamped()

    def pan(self, dt: float) -> Viewport:
        """Move by ``dt`` axis days (days, on a linear axis)."""
        if self.scale is None:
            return Viewport(self.t0 + dt, self.t1 + dt).clamped()
        return self._from_axis(self.u0 + dt, self.u1 + dt).clamped()

    def pan_px(self, dx: float, width: float) -> Viewport:
        """Move the content by ``dx`` pixels (positive: content moves right, time goes back)."""
        return self.pan(-dx * self.days_per_px(width))

    def centered_on(self, t: float) -> Viewport:
        half = self.axis_span / 2.0
        u = t if self.scale is None else float(self.scale.to_axis(t))
        return self._from_axis(u - half, u + half).clamped()

    def with_axis_span(self, center: float, span: float) -> Viewport:
        """A window ``span`` axis days wide centred on time ``center``."""
        span = min(max(span, MIN_SPAN_DAYS), MAX_SPAN_DAYS)
        u = center if self.scale is None else float(self.scale.to_axis(center))
        return self._from_axis(u - span / 2.0, u + span / 2.0).clamped()

    def ensure_visible(self, lo: float, hi: float, margin: float = 0.1) -> Viewport:
        """The smallest pan (or zoom out, if needed) that shows [lo, hi] with a margin."""
        pad = self.axis_span * margin
        u0, u1 = self.u0, self.u1
        if self.scale is not None:
            lo, hi = float(self.scale.to_axis(lo)), float(self.scale.to_axis(hi))
        if lo >= u0 + pad and hi <= u1 - pad:
            return self
        if hi - lo > self.axis_span - 2 * pad:
            grown = max(hi - lo, 1e-9) * margin
            return self._from_axis(lo - grown, hi + grown).clamped()
        if lo < u0 + pad:
            return self.pan(lo - pad - u0)
        return self.pan(hi + pad - u1)

    def clamped(self) -> Viewport:
        if self.scale is None:
            span = min(max(self.span, MIN_SPAN_DAYS), min(MAX_SPAN_DAYS, MAX_TIME - MIN_TIME))
            t0 = min(max(self.t0, MIN_TIME), MAX_TIME - span)
            if t0 == self.t0 and span == self.span:
                return self
            return Viewport(t0, t0 + span)
        lo, hi = float(self.scale.to_axis(MIN_TIME)), float(self.scale.to_axis(MAX_TIME))
        span = min(max(self.axis_span, MIN_SPAN_DAYS), min(MAX_SPAN_DAYS, hi - lo))
        u0 = min(max(self.u0, lo), hi - span)
        if u0 == self.u0 and span == self.axis_span:
            return self
        return self._from_axis(u0, u0 + span)

    @classmethod
    def fit(
        cls,
        lo: float,
        hi: float,
        margin: float = 0.05,
        width: float | None = None,
        pad_left_px: float = 0.0,
        pad_right_px: float = 0.0,
        scale: TimeScale | None = None,
    ) -> Viewport:
        """A window showing [lo, hi], with a relative margin and optional pixel padding.

        Pixel padding reserves room e.g. for the labels drawn right of the last marker.
        With ``scale`` the margin and padding are measured on that axis.
        """
        if hi < lo:
            lo, hi = hi, lo
        if scale is not None and not scale.is_linear:
            lo, hi = float(scale.to_axis(lo)), float(scale.to_axis(hi))
        span = max(hi - lo, 1.0)
        t0, t1 = lo - span * margin, hi + span * margin
        if width is not None and width > pad_left_px + pad_right_px + 20:
            inner = width - pad_left_px - pad_right_px
            per_px = (t1 - t0) / inner
            t0 -= pad_left_px * per_px
            t1 += pad_right_px * per_px
        if scale is None or scale.is_linear:
            return Viewport(t0, t1).clamped()
        return Viewport(float(scale.to_time(t0)), float(scale.to_time(t1)), scale).clamped()
