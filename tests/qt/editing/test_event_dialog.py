"""The event dialog and date editor: what goes in comes out, and only real changes count."""

from __future__ import annotations

from datetime import date

import pytest
from editing_fakes import FakeMainWindow
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog

from timeline_app.core.edits import EditError, find_event
from timeline_app.core.model import DatePoint, Event, FuzzyDate, Precision, Status
from timeline_app.qt.editing import ProjectController, event_actions
from timeline_app.qt.editing.date_editor import DateEditor
from timeline_app.qt.editing.event_dialog import EventDialog


@pytest.mark.parametrize(
    "edtf",
    ["2025-09-03", "2024-10", "2023", "2024-10/2025-09-03", "../2025-09-04", "[2025-09-04..]", "[2024-10..2025-03]"],
)
def test_date_editor_round_trips_every_kind(qtbot, edtf: str) -> None:
    editor = DateEditor()
    qtbot.addWidget(editor)
    original = FuzzyDate.from_edtf(edtf)
    editor.set_date(original)
    assert editor.value() == original
    assert editor.preview.text() == original.describe()


def test_date_editor_precision_switch_builds_the_unit(qtbot) -> None:
    editor = DateEditor()
    qtbot.addWidget(editor)
    editor.set_date(FuzzyDate.point(DatePoint.day(date(2025, 9, 3))))
    editor.set_precision("month")
    assert editor.value().edtf == "2025-09"
    assert editor.start.displayFormat() == "MMM yyyy"
    editor.set_precision("year")
    assert editor.value() == FuzzyDate.point(DatePoint.year(2025))
    editor.set_precision("bounded")
    editor.end.setDate(QDate(2025, 12, 31))
    fd = editor.value()
    assert fd.is_uncertain and (fd.earliest, fd.latest) == (date(2025, 1, 1), date(2025, 12, 31))
    assert "date not stated" in editor.preview.text()
    editor.start_open.setChecked(True)
    assert editor.value().edtf == "[..2025-12-31]"
    assert not editor.start.isEnabled()


def test_date_editor_reports_reversed_interval(qtbot) -> None:
    editor = DateEditor()
    qtbot.addWidget(editor)
    editor.set_precision("interval")
    editor.start.setDate(QDate(2025, 5, 1))
    editor.end.setDate(QDate(2025, 4, 1))
    with pytest.raises(EditError, match="after the end"):
        editor.value()
    assert editor.preview.text().startswith("⚠")


def test_dialog_shows_event_and_reports_no_change(qtbot) -> None:
    event = Event(
        "e1",
        "Protests began",
        "",
        FuzzyDate.point(DatePoint(date(2025, 9, 1), date(2025, 9, 7), Precision.WEEK)),
        status=Status.ONGOING,
        notes="two sources",
        group="Street",
        color="#AA3300",
    )
    event.sentence = "Protests began that week."
    event.date_basis = "the week of the reference date"
    dialog = EventDialog(None, "Edit Event", event=event, groups=["Street", "Politics"])
    qtbot.addWidget(dialog)
    assert dialog.context.text() == (
        "“Protests began that week.”\nDate found: 1 Sep – 7 Sep 2025 (week) — the week of the reference date"
    )
    assert dialog.title.text() == "Protests began"
    assert dialog.status.currentData() == Status.ONGOING
    assert dialog.group.currentText() == "Street"
    assert dialog.changes() == {}  # a week stays a week; colour case is untouched


def test_dialog_changes_lists_only_edited_fields(qtbot) -> None:
    event = Event("e1", "Protests began", "", FuzzyDate.point(DatePoint.month(2024, 10)))
    dialog = EventDialog(None, "Edit Event", event=event)
    qtbot.addWidget(dialog)
    dialog.title.setText("  Protests started ")
    dialog.status.setCurrentIndex(dialog.status.findData(Status.REPORTED))
    dialog.color.setText("#00aa00")
    assert dialog.changes() == {"title": "Protests started", "status": Status.REPORTED, "color": "#00aa00"}


def test_dialog_refuses_to_close_on_bad_input(qtbot) -> None:
    dialog = EventDialog(None, "Add Event", default_date=FuzzyDate.point(DatePoint.day(date(2025, 1, 1))))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.text() == "an event needs a title"
    dialog.title.setText("Ok")
    dialog.color.setText("#12")
    dialog.accept()
    assert "colour" in dialog.problem.text() and dialog.result() != QDialog.DialogCode.Accepted
    dialog.color.setText("")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_edit_action_round_trip_through_the_dialog(
    controller: ProjectController, window: FakeMainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill_and_accept(dialog: EventDialog) -> int:
        assert dialog.windowTitle() == "Edit Event"
        assert dialog.title.text() == "Council met"
        dialog.title.setText("Council voted")
        dialog.date.set_precision("month")
        dialog.notes.setPlainText("from the minutes")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EventDialog, "exec", fill_and_accept)
    window.set_selection(["e2"])
    assert event_actions.edit_selected(controller)
    event = find_event(controller.model, "e2")
    assert (event.title, event.date.edtf, event.notes, event.curated) == (
        "Council voted",
        "2025-09",
        "from the minutes",
        True,
    )
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert (event.title, event.date.edtf, event.notes, event.curated) == ("Council met", "2025-09-01", "", False)


def test_confirming_an_unchanged_dialog_marks_the_event_reviewed(
    controller: ProjectController, window: FakeMainWindow
) -> None:
    event = find_event(controller.model, "e3")
    dialog = event_actions.edit_dialog(controller, event)
    assert event_actions.apply_edit_dialog(controller, event, dialog)
    assert event.curated
    assert controller.undo_stack.undoText() == "Mark reviewed"
    assert not event_actions.apply_edit_dialog(controller, event, event_actions.edit_dialog(controller, event))


def test_cancel_asks_before_dropping_typed_text(qtbot) -> None:
    event = Event("e1", "Protests began", "", FuzzyDate.point(DatePoint.month(2024, 10)))
    dialog = EventDialog(None, "Edit Event", event=event)
    qtbot.addWidget(dialog)
    asked: list[bool] = []
    answers = [False, True]

    def confirm() -> bool:
        asked.append(True)
        return answers.pop(0)

    dialog.confirm_discard = confirm
    dialog.reject()  # nothing typed: closes without a question
    assert asked == [] and dialog.result() == QDialog.DialogCode.Rejected
    dialog.setResult(-1)
    dialog.notes.setPlainText("a long note")
    dialog.reject()
    assert asked == [True] and dialog.result() == -1  # kept open
    dialog.reject()
    assert asked == [True, True] and dialog.result() == QDialog.DialogCode.Rejected
