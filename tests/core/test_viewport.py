from datetime import date, datetime

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_app.core.viewport import MIN_SPAN_DAYS, Viewport, to_datetime, to_time


def test_to_px_and_back_are_inverse_in_float64() -> None:
    vp = Viewport(to_time(date(2024, 10, 1)), to_time(date(2025, 9, 5)))
    t = to_time(datetime(2025, 9, 3, 14, 30))
    x = vp.to_px(t, 1000.0, left=20.0)
    assert vp.to_time(x, 1000.0, left=20.0) == pytest.approx(t, abs=1e-9)
    xs = vp.to_px(np.array([vp.t0, vp.t1]), 1000.0)
    assert xs.tolist() == pytest.approx([0.0, 1000.0])


def test_hours_stay_distinct_far_from_epoch() -> None:
    # Two events one hour apart in year 9000 must map to pixels one hour apart.
    base = to_time(datetime(9000, 1, 1, 10))
    vp = Viewport(base - 0.5, base + 0.5)
    x_a = vp.to_px(base, 2400.0)
    x_b = vp.to_px(base + 1 / 24, 2400.0)
    assert x_b - x_a == pytest.approx(100.0, abs=1e-6)


@given(
    st.floats(min_value=700_000, max_value=760_000),
    st.floats(min_value=0.01, max_value=5000),
    st.floats(min_value=0.0, max_value=1.0),
    st.floats(min_value=0.2, max_value=5.0),
)
def test_zoom_at_keeps_anchor_under_cursor(t0: float, span: float, frac: float, factor: float) -> None:
    vp = Viewport(t0, t0 + span)
    anchor = t0 + frac * span
    zoomed = vp.zoom_at(anchor, factor)
    before = vp.to_px(anchor, 800.0)
    after = zoomed.to_px(anchor, 800.0)
    if zoomed.span == pytest.approx(span / factor):
        assert after == pytest.approx(before, abs=1e-3)
        assert zoomed.span == pytest.approx(span / factor)


def test_zoom_in_is_limited_to_minutes() -> None:
    vp = Viewport(739_000.0, 739_001.0)
    for _ in range(50):
        vp = vp.zoom_at(739_000.5, 2.0)
    assert vp.span == pytest.approx(MIN_SPAN_DAYS)
    assert vp.t0 <= 739_000.5 <= vp.t1


def test_pan_px_moves_content_with_the_pointer() -> None:
    vp = Viewport(0.0 + 700_000, 100.0 + 700_000)
    moved = vp.pan_px(50.0, 500.0)  # drag right by 50 px = 10 days back
    assert moved.t0 == pytest.approx(vp.t0 - 10.0)
    assert moved.span == pytest.approx(vp.span)


def test_fit_reserves_pixel_padding_for_labels() -> None:
    lo, hi = to_time(date(2024, 10, 1)), to_time(date(2025, 9, 5))
    vp = Viewport.fit(lo, hi, margin=0.0, width=1000.0, pad_left_px=0.0, pad_right_px=200.0)
    assert vp.to_px(lo, 1000.0) == pytest.approx(0.0)
    assert vp.to_px(hi, 1000.0) == pytest.approx(800.0)


def test_ensure_visible_pans_only_when_needed() -> None:
    vp = Viewport(700_000.0, 700_100.0)
    assert vp.ensure_visible(700_050.0, 700_051.0) is vp
    moved = vp.ensure_visible(700_200.0, 700_201.0)
    assert moved.t0 <= 700_200.0 and moved.t1 >= 700_201.0
    assert moved.span == pytest.approx(vp.span)
    wide = vp.ensure_visible(699_000.0, 701_000.0)
    assert wide.t0 < 699_000.0 and wide.t1 > 701_000.0


def test_invalid_viewports_are_rejected() -> None:
    with pytest.raises(ValueError):
        Viewport(10.0, 10.0)
    with pytest.raises(ValueError):
        Viewport(700_000.0, 700_001.0).zoom_at(700_000.0, 0.0)


def test_datetime_round_trip() -> None:
    moment = datetime(2025, 9, 3, 14, 30)
    assert to_datetime(to_time(moment)) == moment
    assert to_datetime(to_time(date(2024, 10, 1))) == datetime(2024, 10, 1)
