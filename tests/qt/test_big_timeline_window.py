"""A timeline opened as columns in the real window: drawn, listed, searched and stepped through,
with events built only for the rows shown."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from timeline_app.app.big_timelines import columns_of
from timeline_app.io.columnar import write_columns
from timeline_app.qt.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))
from test_big_timelines import synthetic, write_version_1


def test_a_columns_file_opens_searches_and_steps(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "big.arrow"
    write_columns(synthetic(6000), path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    with qtbot.waitSignal(window.loading_did_finish, timeout=30_000):
        window.open_paths([str(path)])
    events = window.timeline().events
    assert columns_of(events) is not None
    assert len(window.store()) == 6000
    assert window.navigator().position_label.text() == "1 of 6,000"
    first = window.selected_event_ids()[0]
    window.select_next()
    assert window.selected_event_ids()[0] != first
    qtbot.keyClicks(window.event_list().search, "harbour")
    qtbot.waitUntil(lambda: 0 < window.event_list().proxy.rowCount() < 6000, timeout=5000)
    rows = window.event_list().proxy.rowCount()
    assert rows == sum("harbour" in t.lower() for t in columns_of(events).title_sequence())
    window.canvas().grab()  # a frame drawn from the arrays
    # Only what was shown was built: the panes, the visible rows and labels, the spans of one article.
    assert events.materialised < 1500  # type: ignore[attr-defined]


def test_adding_files_to_a_columns_timeline_is_refused_with_a_reason(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "big.arrow"
    write_columns(synthetic(6000), path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_error_dialogs = False
    with qtbot.waitSignal(window.loading_did_finish, timeout=30_000):
        window.open_paths([str(path)])
    seed = Path(__file__).resolve().parents[2] / "seeds"
    window.open_paths([str(seed)], add=True)
    assert not window.is_loading()
    assert len(window.timeline().events) == 6000
    assert window.timeline().events.materialised < 1500  # type: ignore[attr-defined]


def test_conflicts_are_counted_without_waiting_for_the_scan(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDockWidget

    from timeline_app.app import big_timelines

    path = tmp_path / "big.arrow"
    write_version_1(synthetic(3000), path)  # conflicts not recorded: found by a scan
    release = threading.Event()
    real = big_timelines._scan_conflicts

    def slow_scan(columns: object) -> list[int]:
        release.wait(30)  # seconds at millions of records
        return real(columns)  # type: ignore[arg-type]

    monkeypatch.setattr(big_timelines, "_scan_conflicts", slow_scan)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.loading_did_finish, timeout=30_000):
        window.open_paths([str(path)])
    dock = window.findChild(QDockWidget, "conflictsDock")
    assert dock.windowTitle() == "Conflicts (counting…)"
    dock.show()  # opening the view while counting does not wait either
    assert dock.windowTitle() == "Conflicts (counting…)"
    panel = dock.widget()
    assert panel.stack.currentWidget() is panel.empty and "Looking for" in panel.empty.text()
    release.set()
    expected = len(big_timelines.conflicted_source_rows(columns_of(window.timeline().events)))
    assert expected > 0
    qtbot.waitUntil(lambda: dock.windowTitle() == f"Conflicts ({expected:,})", timeout=10_000)
    assert panel.stack.currentWidget() is panel.tree and len(panel.ids()) == expected


def test_the_article_pane_learns_its_event_sentences_on_the_next_turn(qtbot: QtBot, tmp_path: Path) -> None:
    from timeline_app.qt.document_view import sentence_span

    path = tmp_path / "big.arrow"
    write_columns(synthetic(3000), path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.loading_did_finish, timeout=30_000):
        window.open_paths([str(path)])
    view = window.document_view()
    document = view.current_document()
    assert document is not None
    event = window.event_by_id(window.selected_event_ids()[0])
    span = sentence_span(document.text, event, document.id)
    assert span is not None
    qtbot.waitUntil(lambda: view.in_event_sentence(span[0]), timeout=5000)
