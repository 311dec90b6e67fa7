"""Edit menu work on events: edit, add, delete, merge, mark reviewed."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QWidget

from timeline_app.core import edits
from timeline_app.core.model import DatePoint, Event, FuzzyDate
from timeline_app.qt.editing.controller import ProjectController
from timeline_app.qt.editing.event_dialog import EventDialog


def selected_events(controller: ProjectController) -> list[Event]:
    by_id = {e.id: e for e in controller.model.events}
    return [by_id[i] for i in controller.window.selected_event_ids() if i in by_id]


def groups_in_use(controller: ProjectController) -> list[str]:
    return sorted({e.group for e in controller.model.events if e.group}, key=str.casefold)


def _parent(controller: ProjectController) -> QWidget | None:
    return controller.window if isinstance(controller.window, QWidget) else None


def edit_dialog(controller: ProjectController, event: Event) -> EventDialog:
    return EventDialog(_parent(controller), "Edit Event", event=event, groups=groups_in_use(controller))


def add_dialog(controller: ProjectController) -> EventDialog:
    chosen = selected_events(controller)
    default = chosen[0].date if chosen else FuzzyDate.point(DatePoint.day(date.today()))
    return EventDialog(_parent(controller), "Add Event", default_date=default, groups=groups_in_use(controller))


def apply_edit_dialog(controller: ProjectController, event: Event, dialog: EventDialog) -> bool:
    """Push what the accepted dialog changed; nothing changed still counts as reviewed."""
    changes = dialog.changes()
    if not changes:
        if event.curated:
            return False
        return controller.push(edits.set_fields(event.id, "Mark reviewed", curated=True), [event.id])
    label = "Change " + next(iter(changes)) if len(changes) == 1 else "Edit event"
    return controller.push(edits.set_fields(event.id, label, **changes), [event.id])


def apply_add_dialog(controller: ProjectController, dialog: EventDialog) -> bool:
    values = dialog.values()
    title = str(values.pop("title"))
    fd = values.pop("date")
    assert isinstance(fd, FuzzyDate)
    event = edits.new_event(controller.model, title, fd, **values)
    return controller.push(edits.add_event(controller.model, event), [event.id])


def edit_selected(controller: ProjectController) -> bool:
    chosen = selected_events(controller)
    if not chosen:
        controller.show_status("Select an event to edit")
        return False
    dialog = edit_dialog(controller, chosen[0])
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return apply_edit_dialog(controller, chosen[0], dialog)


def add_event(controller: ProjectController) -> bool:
    dialog = add_dialog(controller)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return apply_add_dialog(controller, dialog)


def delete_selected(controller: ProjectController) -> bool:
    chosen = selected_events(controller)
    if not chosen:
        controller.show_status("Select events to delete")
        return False
    events = controller.model.events
    # Select the event that takes the first deleted one's place, so Delete can be repeated.
    first = min(events.index(e) for e in chosen)
    ids = {e.id for e in chosen}
    after = next((e.id for e in events[first:] if e.id not in ids), "")
    return controller.push(edits.delete_events(e.id for e in chosen), [after] if after else [""])


def merge_selected(controller: ProjectController) -> bool:
    chosen = selected_events(controller)
    if len(chosen) < 2:
        controller.show_status("Select two or more events to merge")
        return False
    edit = edits.merge_events(controller.model, [e.id for e in chosen])
    return controller.push(edit, [edit.insert[0][1].id])


def mark_selected_reviewed(controller: ProjectController, reviewed: bool = True) -> bool:
    chosen = [e for e in selected_events(controller) if e.curated != reviewed]
    if not chosen:
        return False
    return controller.push(edits.mark_reviewed((e.id for e in chosen), reviewed), [chosen[0].id])
