"""Edit menu work on events: edit, add, delete, merge, split sources, mark reviewed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from timeline_app.core import edits
from timeline_app.core.model import DatePoint, Event, FuzzyDate, Timeline
from timeline_app.qt.editing.controller import ProjectController
from timeline_app.qt.editing.event_dialog import EventDialog


def selected_events(controller: ProjectController) -> list[Event]:
    wanted = controller.window.selected_event_ids()
    if not wanted:
        return []
    found = set(wanted)
    by_id = {e.id: e for e in controller.model.events if e.id in found}
    return [by_id[i] for i in wanted if i in by_id]


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
    """Merge the selected events; with one selected, ask which others it should absorb."""
    chosen = selected_events(controller)
    if not chosen:
        controller.show_status("Select the events to merge")
        return False
    ids = [e.id for e in chosen]
    if len(chosen) == 1:
        dialog = merge_dialog(controller, chosen[0])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        ids += dialog.chosen_ids()
    try:
        edit = edits.merge_events(controller.model, ids)
    except edits.EditError as exc:
        controller.report_error("Merge", str(exc))
        return False
    return controller.push(edit, [edit.insert[0][1].id])


def split_selected(controller: ProjectController) -> bool:
    """One event per article again, for each selected event that several articles tell."""
    chosen = [e for e in selected_events(controller) if edits.can_split(e)]
    if not chosen:
        controller.show_status("The selected event is told by one article only: there is nothing to split")
        return False
    try:
        edit = edits.split_sources(controller.model, [e.id for e in chosen])
    except edits.EditError as exc:
        controller.report_error("Split Sources", str(exc))
        return False
    parts = [event.id for _, event in edit.insert]
    if not controller.push(edit, parts):
        return False
    controller.show_status(f"Split into {len(parts)} events, one per article. Undo joins them again.")
    return True


MERGE_CANDIDATES = 200


def merge_candidates(timeline: Timeline, anchor: Event, limit: int = MERGE_CANDIDATES) -> list[Event]:
    """Events most likely to be the same happening: same article first, then nearest in time."""
    target = anchor.date.sort_key()[0]

    def distance(e: Event) -> tuple[bool, int]:
        return (e.document != anchor.document, abs((e.date.sort_key()[0] - target).days) if target else 0)

    others = [e for e in timeline.events if e.id != anchor.id]
    return sorted(others, key=distance)[:limit]


def merge_dialog(controller: ProjectController, anchor: Event) -> MergeDialog:
    return MergeDialog(_parent(controller), anchor, merge_candidates(controller.model, anchor))


class MergeDialog(QDialog):
    """Tick the events that report the same happening as ``anchor``."""

    def __init__(self, parent: QWidget | None, anchor: Event, candidates: list[Event]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge Events")
        intro = QLabel(f"Merge “{anchor.title}” ({anchor.date.describe()}) with:")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        for event in candidates:
            item = QListWidgetItem(f"{event.date.describe()} — {event.title}")
            item.setData(Qt.ItemDataRole.UserRole, event.id)
            item.setToolTip(event.sentence)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        note = QLabel("The merged event keeps every mention, the earliest stated date and all titles in its notes.")
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.list.itemChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(520, 420)

    def chosen_ids(self) -> list[str]:
        items = (self.list.item(row) for row in range(self.list.count()))
        return [str(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked]

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.chosen_ids()))


DRAG_LABELS = {"move": "Move event", "start": "Change start", "end": "Change end"}


def drag_event(controller: ProjectController, event_id: str, mode: str, days: float) -> bool:
    """An event dragged on the timeline: its date (or one end) moved by ``days``, as one undoable edit."""
    event = next((e for e in controller.model.events if e.id == event_id), None)
    if event is None:
        return False
    try:
        new_date = edits.moved_date(event.date, days, mode)
    except ValueError as exc:
        controller.show_status(f"Cannot move “{event.title}”: {exc}")
        return False
    if new_date == event.date:
        return False
    return controller.push(edits.set_fields(event_id, DRAG_LABELS.get(mode, "Move event"), date=new_date), [event_id])


def mark_selected_reviewed(controller: ProjectController, reviewed: bool = True) -> bool:
    chosen = [e for e in selected_events(controller) if e.curated != reviewed]
    if not chosen:
        return False
    return controller.push(edits.mark_reviewed((e.id for e in chosen), reviewed), [chosen[0].id])
