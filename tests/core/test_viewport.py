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


# broken axis ----------------------------------------------------------------------

from timeline_app.core.time_scale import SegmentKind, TimeScale, story_scale  # noqa: E402


def _cluster_and_outlier() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Twelve events over two days in September 2025 and one in October 2024."""
    day = to_time(date(2025, 9, 3))
    starts = np.array([to_time(date(2024, 10, 1))] + [day + (i % 2) for i in range(12)], dtype=np.float64)
    ends = starts + 1.0
    return starts, ends, starts + 0.5


def test_a_far_outlier_is_cut_off_by_a_gap_and_the_story_keeps_its_scale() -> None:
    starts, ends, marks = _cluster_and_outlier()
    scale = story_scale(starts, ends, marks)
    gaps = scale.gaps()
    assert len(gaps) == 1
    assert gaps[0].t0 > starts[0] + 0.5 and gaps[0].t1 < to_time(date(2025, 9, 3))
    story = to_time(date(2025, 9, 3))
    assert scale.slope_at(story + 0.5) == pytest.approx(1.0)
    # Almost a year of nothing takes far less axis than the two days of news.
    assert gaps[0].u1 - gaps[0].u0 < 0.2
    vp = Viewport.fit(float(starts[0]), float(ends[-1]), 0.02, scale=scale)
    xs = vp.to_px(marks, 1000.0)
    assert np.all(np.diff(np.sort(xs)) >= 0)
    assert xs[2] - xs[1] > 250 and xs[0] < 200  # a day of news is wide; the year before is not


def test_evenly_spread_events_keep_a_linear_axis() -> None:
    marks = np.linspace(to_time(date(1900, 1, 1)), to_time(date(2025, 1, 1)), 500)
    assert story_scale(marks, marks + 1, marks).is_linear
    assert story_scale(marks[:3], marks[:3] + 1, marks[:3]).is_linear  # too few to judge


def test_many_far_outliers_are_compressed_to_a_share_of_the_story() -> None:
    rng = np.random.default_rng(5)
    story = rng.uniform(to_time(date(2010, 1, 1)), to_time(date(2012, 1, 1)), 300)
    past = rng.uniform(to_time(date(1950, 1, 1)), to_time(date(2004, 1, 1)), 30)
    marks = np.sort(np.concatenate([past, story]))
    scale = story_scale(marks, marks + 1, marks)
    kinds = {s.kind for s in scale.segments()}
    assert SegmentKind.COMPRESSED in kinds or SegmentKind.GAP in kinds
    context = float(scale.to_axis(to_time(date(2009, 6, 1)))) - float(scale.to_axis(marks[0]))
    assert context < 0.5 * (to_time(date(2012, 1, 1)) - to_time(date(2010, 1, 1)))


def test_scale_is_monotone_and_invertible_with_slope_one_outside() -> None:
    scale = TimeScale.from_segments(
        [
            (0.0, 10.0, SegmentKind.LINEAR, 10.0),
            (10.0, 1000.0, SegmentKind.GAP, 1.0),
            (1000.0, 1010.0, SegmentKind.LINEAR, 10.0),
        ]
    )
    t = np.array([-50.0, 0.0, 5.0, 10.0, 500.0, 1000.0, 1005.0, 2000.0])
    u = scale.to_axis(t)
    assert np.all(np.diff(u) > 0)
    assert np.allclose(scale.to_time(u), t)
    assert u[0] == -50.0 and u[-1] == pytest.approx(2000.0 - 989.0)
    with pytest.raises(ValueError):
        TimeScale((0.0, 1.0), (0.0, 1.0), ())


def test_viewport_on_a_broken_axis_zooms_and_pans_in_axis_days() -> None:
    starts, ends, marks = _cluster_and_outlier()
    scale = story_scale(starts, ends, marks)
    vp = Viewport.fit(float(starts[0]), float(ends[-1]), 0.02, scale=scale)
    anchor = float(marks[5])
    zoomed = vp.zoom_at(anchor, 2.0)
    assert zoomed.scale == scale
    assert zoomed.to_px(anchor, 800.0) == pytest.approx(vp.to_px(anchor, 800.0))
    assert zoomed.axis_span == pytest.approx(vp.axis_span / 2)
    moved = zoomed.pan_px(80.0, 800.0)
    assert moved.to_px(anchor, 800.0) == pytest.approx(zoomed.to_px(anchor, 800.0) + 80.0)
    x = vp.to_px(float(marks[3]), 800.0)
    assert vp.to_time(x, 800.0) == pytest.approx(float(marks[3]))
    linear = vp.with_scale(None)
    assert (linear.t0, linear.t1) == (vp.t0, vp.t1) and linear.scale is None


def test_two_clusters_of_news_years_apart_are_joined_by_a_gap_but_a_handful_of_events_is_not() -> None:
    rng = np.random.default_rng(8)
    early = to_time(date(2005, 5, 1)) + rng.uniform(0, 400, 15)
    late = to_time(date(2024, 10, 1)) + rng.uniform(0, 300, 12)
    marks = np.sort(np.concatenate([early, late]))
    scale = story_scale(marks, marks + 1, marks)
    gaps = scale.gaps()
    assert len(gaps) == 1 and gaps[0].t0 < to_time(date(2007, 1, 1)) and gaps[0].t1 > to_time(date(2024, 1, 1))
    vp = Viewport.fit(float(marks[0]), float(marks[-1]) + 1, 0.02, scale=scale)
    assert vp.to_px(float(early.max()), 1000.0) > 300  # each cluster gets a good part of the width
    # Two events, a year's silence, three events: a quiet middle, not two stories.
    few = np.array(
        [to_time(date(2024, 10, 1)), to_time(date(2024, 10, 15))] + [to_time(date(2025, 9, d)) for d in (3, 4, 5)]
    )
    assert story_scale(few, few + 1, few).is_linear
