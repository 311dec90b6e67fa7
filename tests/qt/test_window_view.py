"""Reading dense timelines in the real window: fit all on a broken axis, lanes that scroll,
labels that never overlap, zoom presets, go to date, bands of lanes and the documents legend."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from pytestqt.qtbot import QtBot
from viewer_fixtures import SEED, make_timeline

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline
from timeline_app.core.store import KIND_POINT
from timeline_app.core.time_scale import SegmentKind
from timeline_app.core.viewport import Viewport, to_time
from timeline_app.qt import app as app_module
from timeline_app.qt.canvas import TimelineCanvas
from timeline_app.qt.canvas_painter import label_rects
from timeline_app.qt.main_window import MainWindow


def open_window(qtbot: QtBot, size: tuple[int, int], paths: list[str] | None = None) -> MainWindow:
    win = app_module.create_main_window([], offer_recovery=False)
    qtbot.addWidget(win)
    win.show_error_dialogs = False
    win.close_guard = None
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    if paths:
        with qtbot.waitSignal(win.loading_did_finish, timeout=30_000):
            win.open_paths(paths)
    return win


def overlaps(canvas: TimelineCanvas) -> list[tuple[str, str]]:
    """Pairs of events whose label text (or selection box) would be drawn over each other."""
    store = canvas.store()
    rects = label_rects(canvas.geometry_now(), store, canvas.frame(), canvas.timeline_style(), canvas.selected())
    found = []
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1 :]:
            if a != b and ra.adjusted(0.5, 0.5, -0.5, -0.5).intersects(rb.adjusted(0.5, 0.5, -0.5, -0.5)):
                found.append((store.ids[a], store.ids[b]))
    return found


def labelled_on_screen(canvas: TimelineCanvas) -> dict[str, QRectF]:
    """Events whose title is drawn on screen now, with where."""
    store = canvas.store()
    rects = label_rects(canvas.geometry_now(), store, canvas.frame(), canvas.timeline_style(), canvas.selected())
    out: dict[str, QRectF] = {}
    for pos, rect in rects:
        out.setdefault(store.ids[pos], rect)
    return out


@pytest.mark.parametrize("size", [(800, 600), (1024, 640), (1280, 800)])
def test_fit_all_shows_the_seven_most_central_seed_events_readably(qtbot: QtBot, size: tuple[int, int]) -> None:
    win = open_window(qtbot, size, [str(SEED)])
    canvas = win.canvas()
    canvas.fit_all()
    central = sorted(win.timeline().events, key=lambda e: -e.salience)[:7]
    shown = labelled_on_screen(canvas)
    missing = [e.title for e in central if e.id not in shown]
    assert not missing, missing
    width = canvas.width()
    for event in central:
        rect = shown[event.id]
        assert rect.left() >= 0 and rect.right() <= width, (event.title, rect)
        assert rect.bottom() <= canvas.geometry_now().overflow_top
    assert not overlaps(canvas)
    # The story's two days fill the view; the year-old background sits behind a marked gap.
    scale = canvas.viewport_range().scale
    assert scale is not None and any(s.kind is SegmentKind.GAP for s in scale.segments())


def test_no_label_is_drawn_over_another_or_over_the_selection_box(qtbot: QtBot) -> None:
    win = open_window(qtbot, (800, 600), [str(SEED)])
    canvas = win.canvas()
    for event_id in win.chronological_ids():
        win.select_event(event_id)
        assert not overlaps(canvas), event_id
        canvas.fit_all()
        assert not overlaps(canvas), event_id
    win.set_linear_axis(True)
    for factor in (1.0, 3.0, 9.0, 27.0):
        canvas.fit_all()
        canvas.zoom(factor)
        assert not overlaps(canvas), factor


def test_the_linear_axis_toggle_gives_time_to_scale_back(qtbot: QtBot) -> None:
    win = open_window(qtbot, (1000, 700), [str(SEED)])
    canvas = win.canvas()
    assert canvas.time_scale() is not None
    win.act_linear_axis.trigger()
    assert win.act_linear_axis.isChecked() and canvas.time_scale() is None
    vp = canvas.viewport_range()
    assert vp.scale is None
    lo, hi = canvas.store().bounds() or (0.0, 0.0)
    assert vp.t0 <= lo and vp.t1 >= hi
    win.act_linear_axis.trigger()
    assert canvas.time_scale() is not None


def test_a_dense_day_can_be_read_event_by_event(qtbot: QtBot) -> None:
    doc = Document("d", "/tmp/d.txt", "", title="Wire", reference_date=date(2025, 9, 4))
    day = FuzzyDate.point(DatePoint.day(date(2025, 9, 3)))
    events = [Event(f"e{i}", f"Same-day event {i}", "", day, mentions=[Mention("d", 0, 0, "")]) for i in range(40)]
    win = open_window(qtbot, (900, 600))
    win.set_timeline(Timeline([doc], events))
    canvas = win.canvas()
    assert win.go_to_date("2025-09-03")
    frame = canvas.frame()
    assert not frame.dense and sorted(frame.lanes.tolist()) == list(range(40))  # a lane each: none left out
    seen: set[str] = set()
    for _ in range(40):
        seen |= set(labelled_on_screen(canvas))
        canvas.set_first_lane(canvas.first_lane() + canvas.geometry_now().max_lanes)
    assert seen == {e.id for e in events}


def test_z_always_shows_the_selected_event_with_its_label(qtbot: QtBot) -> None:
    n = 100_000
    rng = np.random.default_rng(3)
    base = date(1990, 1, 1).toordinal()
    doc = Document("d", "/tmp/d.txt", "", title="Wire")
    events = [
        Event(f"e{i}", f"Event {i}", "", FuzzyDate.point(DatePoint.day(date.fromordinal(base + d))), mentions=[])
        for i, d in enumerate(rng.integers(0, 12_000, n).tolist())
    ]
    win = open_window(qtbot, (1000, 700))
    win.set_timeline(Timeline([doc], events))
    canvas = win.canvas()
    assert canvas.frame().dense
    win.select_event("e77")
    win.act_zoom_event.trigger()  # Z
    assert not canvas.frame().dense
    assert "e77" in labelled_on_screen(canvas)
    # Far down the lanes too: the view scrolls to it.
    win.select_event("e78")
    win._zoom_to_selected()
    assert "e78" in labelled_on_screen(canvas)


def test_zoom_presets(qtbot: QtBot) -> None:
    win = open_window(qtbot, (1000, 700))
    win.set_timeline(make_timeline())
    win.select_event("talks")
    for name, days in (("day", 1.0), ("week", 7.0), ("month", 30.44), ("year", 365.25), ("decade", 3652.5)):
        win.zoom_preset_actions[name].trigger()
        vp = win.canvas().viewport_range()
        assert vp.axis_span == pytest.approx(days)
        assert vp.t0 < win.store().marker_time(win.store().position("talks")) < vp.t1


def test_go_to_date_zooms_to_a_readable_span(qtbot: QtBot) -> None:
    win = open_window(qtbot, (1000, 700))
    win.set_timeline(make_timeline())
    canvas = win.canvas()
    canvas.set_viewport(Viewport(to_time(date(1900, 1, 1)), to_time(date(2100, 1, 1))))
    assert win.go_to_date("3 Sep 2025")
    vp = canvas.viewport_range()
    assert vp.span <= 5 and vp.t0 < to_time(date(2025, 9, 3)) < vp.t1
    assert win.selected_event_ids() == ["parade"]
    assert "parade" in labelled_on_screen(canvas)
    assert win.go_to_date("2024")
    assert 300 < canvas.viewport_range().span < 800


def test_groups_become_bands_of_lanes_on_request(qtbot: QtBot) -> None:
    tl = make_timeline()
    for event in tl.events:
        event.group = "Military" if event.id in ("troops", "region") else "Diplomacy" if event.id != "visit" else ""
    win = open_window(qtbot, (1000, 700))
    win.set_timeline(tl)
    canvas = win.canvas()
    win.lane_mode_actions["group"].trigger()
    frame = canvas.frame()
    store = canvas.store()
    lane = {store.ids[p]: int(ln) for p, ln in zip(frame.positions.tolist(), frame.lanes.tolist(), strict=True)}
    first = frame.band_lanes.tolist()  # Diplomacy, Military, (no group)
    assert first[0] == 0 and lane["parade"] < first[1] <= lane["troops"] < first[2] <= lane["visit"]
    assert not overlaps(canvas)
    win.lane_mode_actions["document"].trigger()
    assert len(canvas.frame().band_lanes) == 1
    win.lane_mode_actions["none"].trigger()
    assert len(canvas.frame().band_lanes) == 1 and canvas.frame().lanes_used < 5


def two_documents() -> Timeline:
    tl = make_timeline()
    second = make_timeline()
    second.documents[0].id = "doc2"
    second.documents[0].title = "Second article"
    for event in second.events:
        event.id += "-b"
        event.mentions[0].document = "doc2"
    return Timeline(tl.documents + second.documents, tl.events + second.events[:3])


def test_the_legend_names_documents_and_hides_them(qtbot: QtBot) -> None:
    win = open_window(qtbot, (1200, 800))
    win.set_timeline(two_documents())
    legend = win.legend()
    assert win.act_legend.isChecked()  # shown by itself for a second document
    tree = legend.tree
    rows = [(tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1)) for i in range(tree.topLevelItemCount())]
    assert rows == [("Talks article", "5"), ("Second article", "3")]
    style = win.canvas().timeline_style()
    assert tree.topLevelItem(1).icon(0).pixmap(14, 14).toImage().pixelColor(7, 7) == style.ink(1).color
    win.select_event("talks-b")
    tree.topLevelItem(1).setCheckState(0, Qt.CheckState.Unchecked)
    assert win.hidden_documents() == {"doc2"}
    assert len(win.store()) == 5 and win.event_list().model.rowCount() == 5
    assert win.selected_event_ids() == []  # its event is hidden
    assert win.navigator().position_label.text() == "– of 5"
    # Hidden documents combine with the editing layer's filter.
    win.set_event_filter(lambda e: e.id != "talks")
    assert len(win.store()) == 4
    win.set_event_filter(None)
    tree.topLevelItem(1).setCheckState(0, Qt.CheckState.Checked)
    assert len(win.store()) == 8


def test_overview_marks_follow_the_range_they_are_drawn_over(qtbot: QtBot) -> None:
    win = open_window(qtbot, (1000, 700))
    win.set_timeline(make_timeline())
    canvas, overview = win.canvas(), win.overview()
    store = canvas.store()
    marks = np.where(store.kind == KIND_POINT, store.mid, store.start)

    def expected() -> set[int]:
        full = overview.full_range()
        assert full is not None
        xs = np.asarray(full.to_px(marks, float(overview.width())))
        return set(np.clip(xs, 0, overview.width() - 1).astype(int).tolist())

    overview.grab()
    assert set(overview.mark_columns().tolist()) == expected()
    canvas.set_viewport(Viewport(to_time(date(2030, 1, 1)), to_time(date(2031, 1, 1))))  # far past the events
    overview.grab()
    assert set(overview.mark_columns().tolist()) == expected()
    assert win.go_to_date("1990")
    overview.grab()
    assert set(overview.mark_columns().tolist()) == expected()


APPLE = sorted((Path(__file__).resolve().parents[3] / "shared/data/semeval2015-trial/timeml").glob("*.tml"))


@pytest.mark.skipif(not APPLE, reason="the SemEval-2015 trial articles are not in ../shared/data")
def test_thirty_related_articles_read_without_overlaps(qtbot: QtBot) -> None:
    win = open_window(qtbot, (1280, 800), [str(p) for p in APPLE])
    canvas = win.canvas()
    assert len(win.timeline().documents) == len(APPLE)
    assert not overlaps(canvas)
    # The news years fill the view; the decades of background before them are compressed.
    scale = canvas.viewport_range().scale
    assert scale is not None
    story = [s for s in scale.segments() if s.kind is SegmentKind.LINEAR][-1]
    assert float(canvas.viewport_range().to_px(story.t0, canvas.width())) < canvas.width() * 0.4
    assert win.go_to_date("2011-06-07")
    frame = canvas.frame()
    day = to_time(date(2011, 6, 7))
    on_day = [p for p in frame.positions.tolist() if day <= canvas.store().start[p] < day + 1]
    assert len(on_day) > 10 and all(frame.lanes[frame.positions == p][0] >= 0 for p in on_day)
    for event_id in [canvas.store().ids[p] for p in on_day[:6]]:
        win.select_event(event_id)
        assert not overlaps(canvas), event_id
        assert event_id in labelled_on_screen(canvas)


def test_an_edit_keeps_the_lanes_where_they_were_scrolled(qtbot: QtBot) -> None:
    doc = Document("d", "/tmp/d.txt", "", title="Wire")
    day = FuzzyDate.point(DatePoint.day(date(2025, 9, 3)))
    events = [Event(f"e{i}", f"Event {i}", "", day, mentions=[Mention("d", 0, 0, "")]) for i in range(30)]
    win = open_window(qtbot, (900, 600))
    win.set_timeline(Timeline([doc], events))
    canvas = win.canvas()
    canvas.set_first_lane(5)
    assert canvas.first_lane() == 5
    events[3].title = "Renamed"
    win.refresh_events(["e3"])
    assert canvas.first_lane() == 5
