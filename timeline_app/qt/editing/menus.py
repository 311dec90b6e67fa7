"""The File and Edit menu entries of the project layer, with their shortcuts."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from timeline_app.qt.editing.controller import ProjectController


@dataclass(slots=True)
class EditingActions:
    """Every action added to the window, by a stable name (tests and the toolbar use them)."""

    actions: dict[str, QAction] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)  # shortcuts the window already uses
    recent_menu: QMenu | None = None
    export_menu: QMenu | None = None

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]


def _action(
    menu: QMenu,
    found: EditingActions,
    name: str,
    text: str,
    run: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, menu)
    if shortcut is not None:
        _set_free_shortcuts(action, [shortcut], found)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: run())
    menu.addAction(action)
    found.actions[name] = action
    return action


def _set_free_shortcuts(
    action: QAction, wanted: list[QKeySequence | QKeySequence.StandardKey | str], found: EditingActions
) -> None:
    """Only keys nothing else in the window uses: a shared key would fire neither action."""
    keys: list[QKeySequence] = []
    for want in wanted:
        if isinstance(want, QKeySequence.StandardKey):
            keys.extend(QKeySequence.keyBindings(want))
        else:
            keys.append(QKeySequence(want))
    free = [k for k in keys if not k.isEmpty() and k.toString() not in found.taken]
    found.taken.update(k.toString() for k in free)
    action.setShortcuts(free)


def _shortcuts_in_use(window: object) -> set[str]:
    if not isinstance(window, QWidget):
        return set()
    return {k.toString() for a in window.findChildren(QAction) for k in a.shortcuts() if not k.isEmpty()}


def _module(name: str) -> Any:
    return importlib.import_module(f"timeline_app.qt.editing.{name}")


def _later(module: str, function: str, controller: ProjectController) -> Callable[[], object]:
    """``editing.<module>.<function>(controller)``, imported on first use: dialogs and format
    writers are not needed to show the window."""

    def run() -> object:
        return getattr(_module(module), function)(controller)

    return run


def _first_action(menu: QMenu) -> QAction | None:
    actions = menu.actions()
    return actions[0] if actions else None


def install(controller: ProjectController) -> EditingActions:
    after = _take_over_viewer_files(controller)
    found = EditingActions(taken=_shortcuts_in_use(controller.window))
    _install_file_menu(controller, found, after)
    _install_edit_menu(controller, found)
    _install_toolbar(controller, found)
    _edit_on_double_click(controller)
    _keep_enabled_state(controller, found)
    _connect_window_hooks(controller, found)
    return found


def _connect_window_hooks(controller: ProjectController, found: EditingActions) -> None:
    """Editing from where events are shown: right-click menus, dragging on the canvas, and
    the banner's "Set the article's date…"."""
    window = controller.window
    window.add_event_actions(
        [found["edit_event"], found["delete"], found["merge"], found["split_sources"], None, found["mark_reviewed"]]
    )

    def set_date(doc_id: str) -> object:
        return _module("extraction_actions").change_reference_date(controller, preferred=doc_id)

    window.reference_date_setter = set_date
    canvas = window.canvas()
    canvas.editable = True

    def drag(event_id: str, mode: str, days: float) -> object:
        return _module("event_actions").drag_event(controller, event_id, mode, days)

    canvas.event_drag_finished.connect(drag)


def _edit_on_double_click(controller: ProjectController) -> None:
    """A double-click on a row of the viewer's event list opens Edit Event."""
    edit = _later("event_actions", "edit_selected", controller)
    controller.window.event_list().table.doubleClicked.connect(lambda _index: edit())


def _install_toolbar(controller: ProjectController, found: EditingActions) -> None:
    """Save, Undo and Redo at the front of the window's toolbar."""
    from timeline_app.qt.icons import standard_icon

    icons = {
        "save": ("SP_DialogSaveButton", "document-save"),
        "undo": ("SP_ArrowBack", "edit-undo"),
        "redo": ("SP_ArrowForward", "edit-redo"),
    }
    bar = controller.window.toolbar()
    slots = controller.window.toolbar_slots
    existing = bar.actions()
    first = existing[0] if existing and not slots else None
    for name, (pixmap, theme) in icons.items():
        action = found[name]
        action.setIcon(standard_icon(pixmap, theme))
        # Into the place the viewer kept for it, so that nothing on the toolbar moves.
        slot = slots.get(name)
        bar.insertAction(slot or first, action)  # type: ignore[arg-type]
        if slot is not None:
            bar.removeAction(slot)
    if first is not None:
        bar.insertSeparator(first)


def _take_over_viewer_files(controller: ProjectController) -> QAction | None:
    """One set of file entries: the viewer's Open… and Open Recent also open projects, and
    its Add Files… gives way to the undoable Add Articles….

    Returns the viewer's entry below which ours go (None for a window without such entries).
    """
    window = controller.window

    def open_project(path: str) -> bool:
        return bool(_module("files").open_project(controller, Path(path)))

    def recent() -> list[str]:
        return [str(p) for p in _module("files").recent_projects(controller)]

    window.project_opener = open_project
    window.recent_projects = recent
    viewer_add: QAction = window.act_add
    viewer_add.setShortcuts([])
    window.menu("file").removeAction(viewer_add)
    window.toolbar().removeAction(viewer_add)  # where a window has it on its toolbar
    entries = window.menu("file").actions()
    return next((a for a in entries if a.menu() is not None), entries[0] if entries else None)


def _install_file_menu(controller: ProjectController, found: EditingActions, after: QAction | None = None) -> None:
    window = controller.window
    menu = window.menu("file")
    first = _first_action(menu)
    # New Project leads; the rest follows the viewer's Open… and Open Recent when they do
    # the opening (``after``), else comes first. Whatever else was there (Quit) stays last.
    head = QMenu(menu)
    ours = QMenu(menu)
    _action(
        head, found, "new", "&New Project", _later("files", "new_project", controller), QKeySequence.StandardKey.New
    )
    open_action = _action(
        head,
        found,
        "open",
        "&Open Project…",
        _later("files", "open_project", controller),
        QKeySequence.StandardKey.Open,
    )
    recent = QMenu("Recent &Projects", menu)
    recent.aboutToShow.connect(lambda: _module("files").fill_recent_menu(controller, recent))
    found.recent_menu = recent
    found.actions["recent"] = recent.menuAction()
    head.addAction(recent.menuAction())
    if after is None:
        for action in head.actions():
            ours.addAction(action)
        ours.addSeparator()
        existing = first
    else:
        head.removeAction(open_action)
        head.removeAction(recent.menuAction())
        menu.insertActions(first, head.actions())  # type: ignore[arg-type]
        entries = menu.actions()
        below = entries[entries.index(after) + 1 :]
        existing = next((a for a in below if not a.isSeparator()), None)
        ours.addSeparator()
    _action(
        ours,
        found,
        "add_articles",
        "&Add Articles…",
        _later("extraction_actions", "add_articles", controller),
        "Ctrl+Shift+O",
        "Read more articles into this timeline",
    )
    _action(ours, found, "import", "&Import…", _later("exchange", "import_file", controller), "Ctrl+I")
    export = QMenu("&Export", menu)
    # Filled when opened: the format registry imports every writer (iCalendar among them).
    export.aboutToShow.connect(lambda: _module("exchange").fill_export_menu(controller, export))
    found.export_menu = export
    found.actions["export"] = export.menuAction()
    ours.addAction(export.menuAction())
    ours.addSeparator()
    _action(ours, found, "save", "&Save", _later("files", "save", controller), QKeySequence.StandardKey.Save)
    _action(ours, found, "save_as", "Save &As…", _later("files", "save_as", controller), "Ctrl+Shift+S")
    menu.insertActions(existing, ours.actions())  # type: ignore[arg-type]
    if existing is not None:
        menu.insertSeparator(existing)


def _install_edit_menu(controller: ProjectController, found: EditingActions) -> None:
    window = controller.window
    menu = window.menu("edit")
    existing = _first_action(menu)
    ours = QMenu(menu)
    undo = controller.undo_stack.createUndoAction(ours, "&Undo")
    _set_free_shortcuts(undo, ["Ctrl+Z"], found)
    redo = controller.undo_stack.createRedoAction(ours, "&Redo")
    _set_free_shortcuts(redo, ["Ctrl+Shift+Z", "Ctrl+Y"], found)
    for name, action in (("undo", undo), ("redo", redo)):
        ours.addAction(action)
        found.actions[name] = action
    ours.addSeparator()
    _action(ours, found, "edit_event", "&Edit Event…", _later("event_actions", "edit_selected", controller), "Ctrl+E")
    _action(ours, found, "add_event", "Add E&vent…", _later("event_actions", "add_event", controller), "Ctrl+Shift+N")
    _action(
        ours,
        found,
        "delete",
        "&Delete",
        _later("event_actions", "delete_selected", controller),
        QKeySequence.StandardKey.Delete,
    )
    _action(ours, found, "merge", "&Merge Selected", _later("event_actions", "merge_selected", controller), "Ctrl+M")
    _action(
        ours,
        found,
        "split_sources",
        "Spli&t Sources",
        _later("event_actions", "split_selected", controller),
        "Ctrl+Shift+M",
        "Make one event per article again of an event several articles tell",
    )
    _action(
        ours,
        found,
        "mark_reviewed",
        "Mark as Re&viewed",
        _later("event_actions", "mark_selected_reviewed", controller),
        "Ctrl+R",
        "Mark the selected events as checked by a person",
    )
    ours.addSeparator()
    _action(
        ours,
        found,
        "reference_date",
        "Change Reference &Date…",
        _later("extraction_actions", "change_reference_date", controller),
        tip="Set the day an article's relative dates count from",
    )
    _action(
        ours,
        found,
        "reextract",
        "Re-e&xtract",
        _later("extraction_actions", "reextract", controller),
        tip="Read the articles again, keeping your edits, and show what changed",
    )
    ours.addSeparator()
    unreviewed = _action(
        ours,
        found,
        "unreviewed_only",
        "Show &Unreviewed Only",
        lambda: controller.set_unreviewed_only(found["unreviewed_only"].isChecked()),
        "Ctrl+Shift+U",
        "Show only events nobody has checked yet",
    )
    unreviewed.setCheckable(True)
    menu.insertActions(existing, ours.actions())  # type: ignore[arg-type]
    if existing is not None:
        menu.insertSeparator(existing)


def _can_split(controller: ProjectController) -> bool:
    """Whether Split Sources applies: a selected event is told by several articles."""
    from timeline_app.core.edits import can_split
    from timeline_app.core.model import Event

    ids = controller.window.selected_event_ids()
    # The window finds its events by id, without a pass over a timeline of any size.
    return any(isinstance(e, Event) and can_split(e) for e in map(controller.window.event_by_id, ids))


def _keep_enabled_state(controller: ProjectController, found: EditingActions) -> None:
    """Grey out what does not apply; shortcuts of disabled actions do nothing."""

    def update(*_: object) -> None:
        selected = len(controller.window.selected_event_ids())
        has_docs = bool(controller.model.documents)
        found["edit_event"].setEnabled(selected >= 1)
        found["delete"].setEnabled(selected >= 1)
        found["merge"].setEnabled(selected >= 1)
        found["merge"].setText("&Merge Selected" if selected >= 2 else "&Merge With…")
        found["split_sources"].setEnabled(selected >= 1 and _can_split(controller))
        found["mark_reviewed"].setEnabled(selected >= 1)
        found["reference_date"].setEnabled(has_docs)
        found["reextract"].setEnabled(has_docs)

    controller.window.selection_did_change.connect(update)
    controller.content_did_change.connect(update)
    controller.project_did_change.connect(update)
    controller.window.events_did_change.connect(update)
    update()
