"""Every kind of edit through the controller: applied, undone, redone, marked modified."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from editing_fakes import FakeMainWindow
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from timeline_app.core import edits
from timeline_app.core.model import DatePoint, FuzzyDate, Status, Timeline
from timeline_app.qt.editing import ProjectController, event_actions, files
from timeline_app.qt.editing.event_actions import MergeDialog

YEAR = FuzzyDate.point(DatePoint.year(2023))


def state(tl: Timeline) -> list[tuple[str, str, str, str, str, str, bool, str]]:
    return [(e.id, e.title, e.date.edtf, e.status.value, e.notes, e.group, e.curated, e.color) for e in tl.events]


@pytest.mark.parametrize(
    ("edit", "field", "value"),
    [
        (edits.set_title("e2", "Council voted"), "title", "Council voted"),
        (edits.set_date("e2", YEAR), "date", YEAR),
        (edits.set_status("e2", Status.REPORTED), "status", Status.REPORTED),
        (edits.set_notes("e2", "minutes pending"), "notes", "minutes pending"),
        (edits.set_group("e2", "Politics"), "group", "Politics"),
        (edits.set_color("e2", "#123456"), "color", "#123456"),
    ],
)
def test_field_edits_undo_and_redo(
    controller: ProjectController, window: FakeMainWindow, edit: edits.Edit, field: str, value: object
) -> None:
    before = state(controller.model)
    assert not window.isWindowModified()
    assert controller.push(edit)
    event = edits.find_event(controller.model, "e2")
    assert getattr(event, field) == value and event.curated
    assert window.isWindowModified()
    assert window.windowTitle() == "Council[*] — Timeline"
    controller.undo_stack.undo()
    assert state(controller.model) == before
    assert not window.isWindowModified()
    controller.undo_stack.redo()
    assert getattr(edits.find_event(controller.model, "e2"), field) == value
    assert window.isWindowModified()


def test_undo_restores_selection_and_redo_selects_result(controller: ProjectController, window: FakeMainWindow) -> None:
    window.set_selection(["e1", "e2"])
    assert event_actions.merge_selected(controller)
    merged_id = window.selected_event_ids()[0]
    assert merged_id.startswith("merged-")
    assert [e.id for e in controller.model.events] == [merged_id, "e3"]
    controller.undo_stack.undo()
    assert [e.id for e in controller.model.events] == ["e1", "e2", "e3"]
    assert window.selected_event_ids() == ["e1", "e2"]  # both, as they were before the merge
    controller.undo_stack.redo()
    assert window.selected_event_ids() == [merged_id]


def test_delete_then_undo_brings_events_back_in_place(controller: ProjectController, window: FakeMainWindow) -> None:
    before = copy.deepcopy(controller.model)
    window.set_selection(["e2"])
    assert event_actions.delete_selected(controller)
    assert [e.id for e in controller.model.events] == ["e1", "e3"]
    assert window.selected_event_ids() == ["e3"]  # the next one, ready for another Delete
    controller.undo_stack.undo()
    assert controller.model == before


def test_add_event_through_dialog_values(controller: ProjectController, window: FakeMainWindow) -> None:
    dialog = event_actions.add_dialog(controller)
    dialog.title.setText("Budget passed")
    dialog.date.set_date(FuzzyDate.point(DatePoint.day(date(2025, 3, 14))))
    dialog.group.setCurrentText("Money")
    assert event_actions.apply_add_dialog(controller, dialog)
    added = [e for e in controller.model.events if e.title == "Budget passed"]
    assert len(added) == 1 and added[0].curated and added[0].group == "Money"
    assert added[0].date.edtf == "2025-03-14"
    assert [e.title for e in controller.model.events].index("Budget passed") == 1  # between Oct 2024 and Sep 2025
    assert window.selected_event_ids() == [added[0].id]
    controller.undo_stack.undo()
    assert all(e.title != "Budget passed" for e in controller.model.events)


def test_mark_reviewed_and_unlimited_history(controller: ProjectController, window: FakeMainWindow) -> None:
    window.set_selection(["e1", "e3"])
    assert event_actions.mark_selected_reviewed(controller)
    assert [e.curated for e in controller.model.events] == [True, False, True]
    for n in range(150):
        controller.push(edits.set_notes("e2", f"note {n}"))
    assert controller.undo_stack.undoLimit() == 0  # unlimited
    while controller.undo_stack.canUndo():
        controller.undo_stack.undo()
    assert [e.curated for e in controller.model.events] == [False, False, False]
    assert edits.find_event(controller.model, "e2").notes == ""
    assert not controller.modified


def test_refused_edit_shows_message_and_records_nothing(controller: ProjectController, prompts) -> None:
    assert not controller.push(edits.set_title("e2", "   "))
    assert prompts.errors == [("Change title", "an event needs a title")]
    assert controller.undo_stack.count() == 0
    assert not controller.modified


def test_undo_redo_actions_have_the_agreed_shortcuts(controller: ProjectController) -> None:
    assert controller.actions is not None
    assert controller.actions["undo"].shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Shift+Z") in controller.actions["redo"].shortcuts()
    controller.push(edits.set_title("e1", "Marches began"))
    assert controller.actions["undo"].isEnabled()
    assert controller.actions["undo"].text() == "&Undo Change title"
    controller.actions["undo"].trigger()
    assert edits.find_event(controller.model, "e1").title == "Protests began"


def test_menus_hold_the_entries_before_the_viewers_own(controller: ProjectController, window: FakeMainWindow) -> None:
    file_texts = [a.text() for a in window.menu("file").actions() if not a.isSeparator()]
    # The viewer's Open… and Open Recent open projects too; its Add Files… gives way to Add Articles….
    assert file_texts[:3] == ["&New Project", "&Open…", "Open &Recent"]
    assert "Add Files…" not in file_texts
    assert "&Add Articles…" in file_texts and "&Import…" in file_texts and "&Export" in file_texts
    assert file_texts[-1] == "Quit"
    edit_texts = [a.text().split(" ")[0] for a in window.menu("edit").actions() if not a.isSeparator()]
    assert edit_texts[:2] == ["&Undo", "&Redo"]
    for name in ("edit_event", "add_event", "delete", "merge", "reference_date", "reextract", "unreviewed_only"):
        assert controller.actions is not None and name in controller.actions.actions


def test_toolbar_starts_with_save_undo_redo(controller: ProjectController, window: FakeMainWindow) -> None:
    names = [a.text() for a in window.toolbar().actions()[:3]]
    assert names[0] == "&Save" and names[1].startswith("&Undo") and names[2].startswith("&Redo")
    assert not window.toolbar().actions()[0].icon().isNull()


def test_actions_follow_the_selection(controller: ProjectController, window: FakeMainWindow) -> None:
    assert controller.actions is not None
    actions = controller.actions
    window.set_selection([])
    assert not actions["edit_event"].isEnabled() and not actions["merge"].isEnabled()
    window.set_selection(["e1"])
    assert actions["edit_event"].isEnabled() and actions["merge"].text() == "&Merge With…"
    window.set_selection(["e1", "e2"])
    assert actions["merge"].isEnabled() and actions["merge"].text() == "&Merge Selected"


def test_unreviewed_only_filters_and_edits_still_undo(controller: ProjectController, window: FakeMainWindow) -> None:
    controller.push(edits.set_title("e1", "Protests (checked)"))
    assert controller.actions is not None
    controller.actions["unreviewed_only"].trigger()
    assert controller.unreviewed_only
    assert window.visible_ids() == ["e2", "e3"]
    replaced = window.set_timeline_calls
    controller.push(edits.set_notes("e3", "checked"))
    assert window.visible_ids() == ["e2"]
    assert window.set_timeline_calls == replaced  # refreshed in place: the view keeps its zoom
    assert len(controller.model.events) == 3  # the model keeps every event
    controller.undo_stack.undo()
    assert window.visible_ids() == ["e2", "e3"]
    controller.actions["unreviewed_only"].trigger()
    assert window.visible_ids() == ["e1", "e2", "e3"]
    assert window.timeline() is controller.model


def test_viewer_replacing_unsaved_work_is_one_undoable_step(
    controller: ProjectController, window: FakeMainWindow, qtbot
) -> None:
    ours = controller.model
    controller.push(edits.set_title("e1", "typed by hand"))
    other = Timeline(events=[edits.new_event(Timeline(), "From another file", YEAR)])
    window.set_timeline(other)  # e.g. the viewer's own Open…
    assert controller.model is ours and window.timeline() is ours
    assert [e.title for e in ours.events] == ["From another file"]
    assert controller.undo_stack.undoText() == "Open files"
    # No articles in what was opened: nothing to name the unsaved project after.
    qtbot.waitUntil(lambda: window.windowTitle() == "Untitled[*] — Timeline" and window.isWindowModified())
    controller.undo_stack.undo()
    assert [e.title for e in ours.events] == ["typed by hand", "Council met", "Report expected"]


def test_viewer_adding_files_in_place_is_undoable(controller: ProjectController, window: FakeMainWindow) -> None:
    added = edits.new_event(controller.model, "Added by drop", YEAR)
    window.timeline().events.append(added)
    window.refresh()
    assert controller.undo_stack.undoText() == "Add files" and controller.modified
    controller.undo_stack.undo()
    assert added not in controller.model.events and not controller.modified


def test_viewer_loading_over_saved_work_starts_untitled(
    controller: ProjectController, window: FakeMainWindow, prompts, tmp_path
) -> None:
    prompts.save_answers.append(tmp_path / "saved.tlproj")
    assert files.save(controller)
    other = Timeline()
    window.set_timeline(other)
    assert controller.model is other and controller.path is None
    assert controller.undo_stack.count() == 0 and not controller.modified


def test_merge_with_one_selected_asks_which_events_to_absorb(
    controller: ProjectController, window: FakeMainWindow, monkeypatch
) -> None:
    seen: list[list[str]] = []

    def tick_council(dialog: MergeDialog) -> int:
        rows = [dialog.list.item(r) for r in range(dialog.list.count())]
        seen.append([r.text() for r in rows])
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        next(r for r in rows if "Council met" in r.text()).setCheckState(Qt.CheckState.Checked)
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MergeDialog, "exec", tick_council)
    window.set_selection(["e3"])
    assert event_actions.merge_selected(controller)
    # Nearest in time first: 1 Sep 2025 is closer to "after 4 Sep 2025" than Oct 2024.
    assert seen == [["1 Sep 2025 — Council met", "Oct 2024 (month) — Protests began"]]
    merged = controller.model.events[-1]
    assert merged.notes.endswith("Merged from: Report expected; Council met")
    assert merged.date.edtf == "2025-09-01"
    assert [e.id for e in controller.model.events][:1] == ["e1"]
    controller.undo_stack.undo()
    assert [e.id for e in controller.model.events] == ["e1", "e2", "e3"]
