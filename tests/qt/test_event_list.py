"""The event list sorts, searches and selects by arrays, at any size, in reading order."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot
from viewer_fixtures import make_timeline

from timeline_app.core.event_index import EventIndex
from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Status, Timeline
from timeline_app.qt.event_list import ID_ROLE, SYNC_INDEX_LIMIT, EventList
from timeline_app.qt.main_window import MainWindow

WORDS = ("talks", "parade", "troops", "summit", "report")


def big_timeline(n: int) -> Timeline:
    rng = np.random.default_rng(9)
    base = date(2000, 1, 1).toordinal()
    days = rng.integers(0, 5000, n).tolist()
    doc = Document("d", "/tmp/d.txt", "", title="Wire")
    events = [
        Event(
            f"e{i}",
            f"{WORDS[i % 5].title()} {i}",
            f"The {WORDS[i % 5]} {i}.",
            FuzzyDate.point(DatePoint.day(date.fromordinal(base + d))),
            status=list(Status)[i % 4],
            mentions=[Mention("d", 0, 0, "")],
        )
        for i, d in enumerate(days)
    ]
    return Timeline([doc], events)


def test_index_sorts_and_searches_by_arrays() -> None:
    tl = make_timeline()
    reading = [4, 3, 2, 1, 0]  # any permutation: the date column follows it
    index = EventIndex(tl.events, reading, {"doc": "Talks article"})
    rows = np.arange(5, dtype=np.int64)
    assert index.sorted_rows(rows, "date").tolist() == reading
    titles = [tl.events[r].title for r in index.sorted_rows(rows, "title").tolist()]
    assert titles == sorted(titles, key=str.casefold)
    assert index.sorted_rows(rows, "title", descending=True).tolist() == index.sorted_rows(rows, "title").tolist()[::-1]
    assert [tl.events[r].id for r in index.matching("PARADE").tolist()] == ["parade"]
    assert {tl.events[r].id for r in index.matching("2025").tolist()} == {"region", "parade", "talks"}
    # Typing on narrows the last result; a new word starts again.
    assert [tl.events[r].id for r in index.matching("2025-").tolist()] == []
    assert len(index.matching("")) == 5
    # The sentence counts, and so do actors.
    assert [tl.events[r].id for r in index.matching("leaders met").tolist()] == ["parade"]
    assert [tl.events[r].id for r in index.matching("leaders").tolist()] == ["parade", "talks"]


def test_bounded_dates_read_around_the_date_they_bound_in_the_list(qtbot: QtBot) -> None:
    tl = make_timeline()
    doc = tl.documents[0].id
    day = DatePoint.day(date(2025, 9, 4))
    tl.events.insert(0, Event("after", "After", "", FuzzyDate.bounded(day, None), mentions=[Mention(doc, 0, 1, "S")]))
    tl.events.append(Event("before", "Before", "", FuzzyDate.bounded(None, day), mentions=[Mention(doc, 0, 1, "S")]))
    win = MainWindow()
    qtbot.addWidget(win)
    win.set_timeline(tl)
    ids = win.event_list().visible_ids()
    assert ids.index("before") < ids.index("talks") < ids.index("after")
    assert ids == win.chronological_ids()  # the list reads like the timeline


@pytest.fixture
def big_list(qtbot: QtBot) -> tuple[EventList, Timeline]:
    n = SYNC_INDEX_LIMIT + 5000
    tl = big_timeline(n)
    widget = EventList()
    qtbot.addWidget(widget)
    reading = np.array(sorted(range(n), key=lambda r: (tl.events[r].date.sort_key(), r)), dtype=np.int64)
    with qtbot.waitSignal(widget.index_did_finish, timeout=30_000):
        widget.set_timeline(tl, reading_rows=reading)
        # The index is built on a worker thread; meanwhile the rows are there, in reading order.
        assert widget.model.rowCount() == n and not widget.is_indexed()
        assert widget.model.event(0).id == tl.events[int(reading[0])].id
    return widget, tl


def test_a_big_list_searches_sorts_and_keeps_the_selection(big_list: tuple[EventList, Timeline], qtbot: QtBot) -> None:
    widget, tl = big_list
    n = len(tl.events)
    chosen = tl.events[7]
    widget.select_event(chosen.id)
    assert widget.table.currentIndex().data(ID_ROLE) == chosen.id
    widget.search.setText("parade")
    expected = {e.id for e in tl.events if "parade" in e.title.casefold()}
    assert widget.model.rowCount() == len(expected)
    shown = {widget.model.event(r).id for r in range(widget.model.rowCount())}
    assert shown == expected
    assert widget.match_label.text() == f"{len(expected):,} matches"
    widget.search.clear()
    assert widget.model.rowCount() == n
    assert widget.table.currentIndex().data(ID_ROLE) == chosen.id  # selection survives search and clear
    widget.sort_by(1)  # by title
    titles = [widget.model.event(r).title.casefold() for r in range(0, n, 997)]
    assert titles == sorted(titles)
    assert widget.table.currentIndex().data(ID_ROLE) == chosen.id
    widget.sort_by(0, descending=True)
    dates = [widget.model.event(r).date.sort_key() for r in range(0, n, 997)]
    assert dates == sorted(dates, reverse=True)
    # A second selected row is kept too.
    index = widget.model.index(5, 0)
    other = widget.model.event(5).id
    widget.table.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )
    widget.sort_by(2)
    assert set(widget.selected_ids()) == {chosen.id, other}
    assert widget.selected_ids()[0] == chosen.id


def test_enter_in_the_search_steps_through_matches_in_reading_order(qtbot: QtBot) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.set_timeline(make_timeline())
    search = win.event_list().search
    search.setText("2025")
    seen = []
    for _ in range(4):
        qtbot.keyClick(search, Qt.Key.Key_Return)
        seen.append(win.selected_event_ids()[0])
    assert seen == ["region", "parade", "talks", "region"]  # and round again
    qtbot.keyClick(search, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert win.selected_event_ids() == ["talks"]
    # The event shown is on the canvas with its label.
    frame = win.canvas().frame()
    pos = win.store().position("talks")
    lane = int(frame.lanes[np.flatnonzero(frame.positions == pos)[0]])
    assert win.canvas().geometry_now().shows(lane)


def test_display_rows_are_found_alike_by_scanning_and_by_the_table(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline_app.qt import event_list

    monkeypatch.setattr(event_list, "DISPLAY_TABLE_LIMIT", 10)
    tl = big_timeline(50)
    rng = np.random.default_rng(4)
    order = rng.permutation(50)[:40]  # a search hid ten rows
    wanted = np.full(50, -1)
    wanted[order] = np.arange(40)
    listing = EventList()
    qtbot.addWidget(listing)
    model = listing.model
    model.set_timeline(tl, order=order)
    scanned = [model.display_row(r) for r in range(event_list.DISPLAY_SCANS)]
    assert model._display is None  # the first lookups scan the order
    looked_up = scanned + [model.display_row(r) for r in range(event_list.DISPLAY_SCANS, 50)]
    assert model._display is not None  # later ones use the table built then
    assert looked_up == wanted.tolist()
    assert model.display_row(-1) == model.display_row(50) == -1
    model.set_order(order[::-1].copy())
    assert model._display is None and model.display_row(int(order[0])) == 39
