"""Editing a timeline opened as columns, in the real window: a field edit builds one event, and a
very big one is for viewing only, every change refused with a reason instead of freezing the app."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from editing_fakes import ScriptedPrompts
from pytestqt.qtbot import QtBot

from timeline_app.app import big_timelines
from timeline_app.core import edits
from timeline_app.io.columnar import write_columns
from timeline_app.qt.app import create_main_window
from timeline_app.qt.editing.prompts import Unsaved
from timeline_app.qt.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "app"))
from test_big_timelines import synthetic

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, prompts: ScriptedPrompts) -> Iterator[MainWindow]:
    path = tmp_path / "big.arrow"
    write_columns(synthetic(3000), path)
    win = create_main_window([], offer_recovery=False, prompts=prompts)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loading_did_finish, timeout=30_000):
        win.open_paths([str(path)])
    prompts.unsaved.append(Unsaved.DISCARD)  # the answer when closing after an edit asks about it
    yield win


def test_a_title_edit_and_its_undo_build_only_that_event(window: MainWindow) -> None:
    events = window.timeline().events
    before = events.materialised  # type: ignore[attr-defined]
    target = events[1234]
    controller = window.editing  # type: ignore[attr-defined]
    assert controller.push(edits.set_title(target.id, "Harbour reopened"))
    assert window.event_by_id(target.id).title == "Harbour reopened"
    controller.undo_stack.undo()
    assert target.title != "Harbour reopened"
    assert big_timelines.columns_of(events) is not None  # still columns, not a list of every event
    assert events.materialised <= before + 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("change", ["delete", "title"])
def test_editing_a_very_big_columns_timeline_is_refused_with_a_reason(
    window: MainWindow, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    monkeypatch.setattr(big_timelines, "EDIT_LIMIT", 1000)
    events = window.timeline().events
    target = events[7]
    title = target.title
    edit = edits.delete_events([target.id]) if change == "delete" else edits.set_title(target.id, "Renamed")
    controller = window.editing  # type: ignore[attr-defined]
    assert not controller.push(edit)
    assert [t for t, _ in prompts.errors] == [edit.label]
    assert "3,000 events is opened for viewing only" in prompts.errors[0][1]
    assert len(window.timeline().events) == 3000 and window.event_by_id(target.id).title == title
    assert big_timelines.columns_of(events) is not None
    assert not controller.undo_stack.canUndo() and not controller.modified


def test_saving_a_very_big_columns_timeline_is_refused_before_asking_where(
    window: MainWindow, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline_app.qt.editing import files

    monkeypatch.setattr(big_timelines, "EDIT_LIMIT", 1000)
    controller = window.editing  # type: ignore[attr-defined]
    assert not files.save_as(controller)
    assert not files.save(controller)
    assert [t for t, _ in prompts.errors] == ["Save Project As", "Save Project"] and not prompts.asked


def test_adding_articles_to_a_very_big_columns_timeline_is_refused_before_reading(
    window: MainWindow, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline_app.qt.editing import extraction_actions

    monkeypatch.setattr(big_timelines, "EDIT_LIMIT", 1000)
    controller = window.editing  # type: ignore[attr-defined]
    assert not extraction_actions.add_articles(controller, [str(SEEDS)])
    assert prompts.errors and prompts.errors[0][0] == "Add Articles"
    assert not controller.worker.busy
    assert len(window.timeline().events) == 3000


def test_below_the_limit_a_columns_timeline_still_takes_deletions(window: MainWindow) -> None:
    events = window.timeline().events
    doomed = events[7].id
    controller = window.editing  # type: ignore[attr-defined]
    assert controller.push(edits.delete_events([doomed]))
    assert len(window.timeline().events) == 2999 and window.event_by_id(doomed) is None


def test_the_status_bar_says_a_very_big_columns_timeline_is_for_viewing_only(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QLabel

    monkeypatch.setattr(big_timelines, "EDIT_LIMIT", 1000)
    shown = {}
    for count in (800, 3000):
        path = tmp_path / f"big{count}.arrow"
        write_columns(synthetic(count), path)
        win = MainWindow()
        qtbot.addWidget(win)
        with qtbot.waitSignal(win.loading_did_finish, timeout=30_000):
            win.open_paths([str(path)])
        label = win.findChild(QLabel, "statusSummary")
        shown[count] = (label.accessibleName(), label.toolTip())
    assert "view only" not in shown[800][0] and "viewing only" not in shown[800][1]
    assert shown[3000][0].endswith("3,000 events · view only")
    assert "opened for viewing only" in shown[3000][1]
