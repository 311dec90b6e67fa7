"""A big load is shown a step per turn of the event loop: the window ends consistent, the load ends
once and after everything is shown, a newer load wins over one still being shown, and what the
loader counted is what the window shows."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from viewer_fixtures import make_story_timeline, make_timeline

from timeline_app.app.prepared_view import PreparedView
from timeline_app.app.session import Loaded
from timeline_app.core.mark_density import column_counts, mark_times
from timeline_app.core.model import Timeline
from timeline_app.core.store import EventStore
from timeline_app.qt import window_loading
from timeline_app.qt.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show_error_dialogs = False
    win.resize(1100, 700)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def spread(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every load shown in steps, however small (the fixtures have a handful of events)."""
    monkeypatch.setattr(window_loading, "SPREAD_SHOW_FROM", 0)
    yield


def loaded(timeline: Timeline, name: str, add: bool = False) -> Loaded:
    store = EventStore.from_timeline(timeline)
    return Loaded([f"/tmp/{name}.json"], timeline, [], store, add, PreparedView.of(timeline, store))


def legend_rows(win: MainWindow) -> list[tuple[str, str]]:
    tree = win.legend().tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [(item.text(0), item.text(1)) for item in items if item is not None]


def show(win: MainWindow, *loads: Loaded) -> list[dict[str, object]]:
    """Hand the loads to the window as the session does (each result, then its end), all in one
    turn of the event loop; what the window shows each time it says a load has ended."""
    ends: list[dict[str, object]] = []

    def ended() -> None:
        ends.append(
            {
                "events": [e.id for e in win.timeline().events],
                "selected": win.selected_event_ids(),
                "legend": legend_rows(win),
                "title": win.windowTitle(),
            }
        )

    win.loading_did_finish.connect(ended)
    for load in loads:
        win._show_loaded(load)
        win._load_finished([])
    return ends


def test_a_spread_show_ends_as_a_show_in_one_go_does(qtbot: QtBot, window: MainWindow, spread: None) -> None:
    story = make_story_timeline()
    ends = show(window, loaded(story, "story"))
    assert ends == []  # the load ends only once every step has run
    assert len(window.store()) == len(EventStore.from_timeline(story))  # the first step shows the timeline
    assert window.selected_event_ids() == [] and legend_rows(window) == []
    qtbot.waitUntil(lambda: bool(ends))
    qtbot.wait(50)
    assert len(ends) == 1
    spread_state = ends[0]

    other = MainWindow()
    qtbot.addWidget(other)
    other.resize(1100, 700)
    other.set_timeline(make_story_timeline())  # counted by the window itself, in one go
    assert spread_state["legend"] == legend_rows(other)
    assert spread_state["selected"] == [window.chronological_ids()[0]]
    assert str(spread_state["title"]).startswith(f"{len(story.documents)} documents")
    assert window.act_legend.isChecked()  # shown by itself for several documents


def test_a_small_load_is_shown_at_once(window: MainWindow) -> None:
    ends = show(window, loaded(make_story_timeline(), "story"))
    assert len(ends) == 1 and ends[0]["selected"] and ends[0]["legend"]


def test_a_newer_load_wins_over_one_still_being_shown(qtbot: QtBot, window: MainWindow, spread: None) -> None:
    older, newer = make_story_timeline(), make_timeline()
    picked: list[str] = []
    window.selection_did_change.connect(picked.append)
    ends = show(window, loaded(older, "older"), loaded(newer, "newer"))
    qtbot.waitUntil(lambda: len(ends) == 2)
    qtbot.wait(50)
    newest = [e.id for e in newer.events]
    first = window.chronological_ids()[0]
    # Both loads end, once each, and only once the newer one is shown in full.
    assert len(ends) == 2 and all(end["events"] == newest and end["selected"] == [first] for end in ends)
    assert picked == [first]  # the older one's first event was never selected
    assert legend_rows(window) == [("Talks article", str(len(newer.events)))]


def test_files_added_while_a_load_is_shown_join_it_after_its_steps(
    qtbot: QtBot, window: MainWindow, spread: None
) -> None:
    story, added = make_story_timeline(), make_timeline()
    documents, events = len(story.documents) + len(added.documents), len(story.events) + len(added.events)
    ends = show(window, loaded(story, "story"), loaded(added, "added", add=True))
    qtbot.waitUntil(lambda: len(ends) == 2)
    assert len(window.timeline().documents) == documents and len(window.timeline().events) == events
    assert window.selected_event_ids()  # the first load's steps all ran
    assert len(legend_rows(window)) == documents
    assert window.paths() == ["/tmp/story.json", "/tmp/added.json"]


def test_a_step_that_fails_still_ends_the_load_and_says_so(
    qtbot: QtBot, window: MainWindow, spread: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise RuntimeError("no legend today")

    monkeypatch.setattr(window, "_fill_legend", broken)
    ends = show(window, loaded(make_story_timeline(), "story"))
    qtbot.waitUntil(lambda: bool(ends))
    qtbot.wait(50)
    assert len(ends) == 1
    assert any("showing the loaded timeline failed: no legend today" in line for line in window.load_errors)


def test_the_legend_and_overview_take_what_the_loader_counted(window: MainWindow) -> None:
    story = make_story_timeline()
    load = loaded(story, "story")
    assert load.prepared is not None
    marked = dataclasses.replace(load.prepared, document_counts=[101, 102, 103, 104])
    show(window, dataclasses.replace(load, prepared=marked))
    assert [count for _title, count in legend_rows(window)] == ["101", "102", "103", "104"]
    overview = window.overview()
    overview.grab()
    full = overview.full_range()
    assert full is not None
    expected = column_counts(mark_times(window.store()), full, overview.width())
    assert overview.mark_columns().tolist() == expected.nonzero()[0].tolist()
    # Counted once, for the content as loaded: after an edit the window counts again, and lets go
    # of the marks sorted for the store as loaded.
    window.refresh()
    assert [count for _title, count in legend_rows(window)] != ["101", "102", "103", "104"]
    assert overview._sorted is None
