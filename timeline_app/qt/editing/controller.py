"""The project behind a main window: which file it is, its undo history and unsaved state.

All changes to the timeline go through :meth:`ProjectController.push` as reversible edits
(``timeline_app.core.edits``) wrapped in undo commands, so "modified" is simply "the undo
stack is not where it was last saved".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QSettings, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QMenu, QStatusBar, QToolBar, QWidget

from timeline_app.app.big_timelines import columns_of, edit_refusal
from timeline_app.core.edits import Edit, EditError, Extractor, ReplaceContent, pipeline_extractor, touched_events
from timeline_app.core.model import Event, Timeline, event_with_id
from timeline_app.core.viewport import Viewport
from timeline_app.qt.editing.autosave import Autosaver
from timeline_app.qt.editing.prompts import Prompts, Questions, Unsaved
from timeline_app.qt.work_bridge import gui_work

if TYPE_CHECKING:
    from timeline_app.qt.editing.menus import EditingActions

UNTITLED = "Untitled"


class EditableCanvas(Protocol):
    """What the project layer needs from the window's timeline canvas."""

    event_drag_finished: SignalInstance  # event id, "move"/"start"/"end", days
    editable: bool

    def viewport_range(self) -> Viewport: ...
    def set_viewport(self, viewport: Viewport) -> None: ...
    def width(self) -> int: ...
    def height(self) -> int: ...


class EventTable(Protocol):
    @property
    def table(self) -> QAbstractItemView: ...


class TimelineWindow(Protocol):
    """What the project layer needs from the main window (``MainWindow`` provides all of it)."""

    events_did_change: SignalInstance
    selection_did_change: SignalInstance
    loading_did_finish: SignalInstance
    close_guard: Callable[[], bool] | None
    # Hooks the project layer fills in: opening a project, listing recent ones, dating an article.
    project_opener: Callable[[str], bool] | None
    recent_projects: Callable[[], list[str]] | None
    reference_date_setter: Callable[[str], object] | None
    act_add: QAction  # the viewer's own Add Files…, which the project layer replaces
    toolbar_slots: dict[str, QAction]  # places kept on the toolbar for Save, Undo and Redo

    def timeline(self) -> Timeline: ...
    def set_timeline(self, tl: Timeline) -> None: ...
    def refresh(self) -> None: ...
    def refresh_events(self, event_ids: Iterable[str]) -> None: ...
    def set_event_filter(self, predicate: Callable[[Event], bool] | None) -> None: ...
    def selected_event_ids(self) -> list[str]: ...
    def select_event(self, event_id: str) -> None: ...
    def set_selected_events(self, event_ids: Sequence[str], sync_list: bool = True) -> None: ...
    def event_by_id(self, event_id: str) -> Event | None: ...
    def view_state(self) -> dict[str, Any]: ...
    def apply_view_state(self, state: dict[str, Any]) -> None: ...
    def is_loading(self) -> bool: ...
    def add_event_actions(self, actions: Sequence[QAction | None]) -> None: ...
    def event_list(self) -> EventTable: ...
    def menu(self, name: str) -> QMenu: ...
    def toolbar(self) -> QToolBar: ...
    def canvas(self) -> EditableCanvas: ...
    def set_document_title(self, title: str, modified: bool) -> None: ...
    def statusBar(self) -> QStatusBar: ...


class EditCommand(QUndoCommand):
    """One reversible edit on the undo stack; it was applied before being pushed."""

    def __init__(self, controller: ProjectController, edit: Edit, inverse: Edit, select: list[str]) -> None:
        super().__init__(edit.label)
        self._controller = controller
        self._edit = edit
        self._inverse = inverse
        self._select = select
        self._selected_before = controller.window.selected_event_ids()
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # QUndoStack.push calls redo; the edit is applied already
        else:
            self._run(self._edit, lambda inverse: setattr(self, "_inverse", inverse))
        self._controller.content_changed(self._select, touched_events(self._edit))

    def undo(self) -> None:
        self._run(self._inverse, lambda edit: setattr(self, "_edit", edit))
        self._controller.content_changed(self._selected_before, touched_events(self._inverse))

    def _run(self, edit: Edit, keep: Callable[[Edit], None]) -> None:
        try:
            keep(edit.apply(self._controller.model))
        except EditError as exc:
            # The timeline was changed behind the history's back; the history no longer applies.
            self._controller.report_error("Cannot undo or redo", str(exc))
            QTimer.singleShot(0, self._controller.undo_stack.clear)


def _same(items: Sequence[Any], known: Sequence[Any]) -> bool:
    if not isinstance(known, tuple):
        return items is known and len(items) == len(known)
    return len(items) == len(known) and all(a is b for a, b in zip(items, known, strict=True))


class ProjectController(QObject):
    content_did_change = Signal()
    project_did_change = Signal()  # new, opened, saved under a new name

    def __init__(
        self,
        window: TimelineWindow,
        *,
        prompts: Questions | None = None,
        settings: QSettings | None = None,
        autosave_ms: int = 3000,
        extractor: Extractor = pipeline_extractor,
    ) -> None:
        super().__init__(window if isinstance(window, QObject) else None)
        self.window = window
        self.prompts: Questions = prompts or Prompts(window if isinstance(window, QWidget) else None)
        self.settings = settings or QSettings("timeline-app", "timeline-app")
        self.extractor = extractor
        self.path: Path | None = None
        # Opened from a place it cannot be saved back to (read-only file, folder or medium).
        self.read_only = False
        self.undo_stack = QUndoStack(self)
        self._model = window.timeline()
        self._shown: Timeline = self._model
        self._forced_modified = False
        self._unreviewed_only = False
        self._updating_view = False
        self.autosave = Autosaver(self, autosave_ms, parent=self)
        self.worker = gui_work(self, "timeline-extract")
        self.actions: EditingActions | None = None
        self.autosave.failed.connect(lambda why: self.show_status(f"Autosave failed: {why}"))
        self.undo_stack.cleanChanged.connect(self.update_title)
        self.undo_stack.indexChanged.connect(self._after_history_change)
        self._remember_content()
        window.events_did_change.connect(self._adopt_outside_change)
        window.close_guard = self.close_guard
        self.update_title()

    # ------------------------------------------------------------------ model access

    @property
    def model(self) -> Timeline:
        """The whole timeline being edited (the window may show a filtered part of it)."""
        return self._model

    def timeline(self) -> Timeline:
        return self._model

    def view_state(self) -> dict[str, Any]:
        """Saved with the project so that it reopens where the person left it."""
        state = dict(self.window.view_state())
        viewport = self.window.canvas().viewport_range()
        state.setdefault("viewport", [float(viewport.t0), float(viewport.t1)])
        selected = self.window.selected_event_ids()
        state.setdefault("selected", selected[0] if selected else "")
        state["unreviewed_only"] = self._unreviewed_only
        return state

    def apply_view_state(self, state: dict[str, Any]) -> None:
        if state.get("unreviewed_only") and self.actions is not None:
            self.actions["unreviewed_only"].setChecked(True)
            self.set_unreviewed_only(True)
        self.window.apply_view_state(state)  # the window restores its zoom and selection itself

    # ------------------------------------------------------------------ state

    @property
    def modified(self) -> bool:
        return self._forced_modified or not self.undo_stack.isClean()

    @property
    def name(self) -> str:
        """The project's file name; before the first save, named after its articles as the viewer does."""
        if self.path:
            return self.path.stem
        docs = self._model.documents
        if len(docs) == 1:
            return docs[0].title or Path(docs[0].path).name or UNTITLED
        return f"{len(docs)} documents" if docs else UNTITLED

    def update_title(self) -> None:
        self.window.set_document_title(self.name + (" (read-only)" if self.read_only else ""), self.modified)

    def mark_saved(self, path: Path) -> None:
        previous = self.path
        self.path = path
        self.read_only = False
        self._forced_modified = False
        self.undo_stack.setClean()
        self.autosave.forget(previous, path)
        self.update_title()
        if previous != path:
            self.project_did_change.emit()

    def replace_project(self, timeline: Timeline, path: Path | None, modified: bool = False) -> None:
        """Start over on another timeline (new, opened, restored): history and filter reset."""
        old_path = self.path
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.autosave.forget(old_path)
        self.path = path
        self.read_only = False
        self._model = timeline
        if self._unreviewed_only:
            self._shown = timeline  # a new view object: the old one showed another project
        self._forced_modified = modified
        self._show(keep_selection=False)
        self._remember_content()
        self.update_title()
        if modified:
            self.autosave.schedule()
        self.project_did_change.emit()

    # ------------------------------------------------------------------ editing

    def push(self, edit: Edit, select: Iterable[str] | None = None) -> bool:
        """Apply ``edit`` and record it for undo; a refused edit is shown, not raised."""
        if self.refused_for_size(edit.label):
            return False
        try:
            inverse = edit.apply(self._model)
        except EditError as exc:
            self.report_error(edit.label, str(exc))
            return False
        chosen = list(select) if select is not None else self.window.selected_event_ids()
        self.undo_stack.push(EditCommand(self, edit, inverse, chosen))
        return True

    def content_changed(self, select: list[str] | None = None, changed: set[str] | None = None) -> None:
        """Show the edited model; ``changed``: the only events edited (in place), if known."""
        self._show(keep_selection=True, changed=changed)
        self._remember_content()
        wanted = [i for i in (select or []) if event_with_id(self._shown.events, i) is not None]
        if len(wanted) > 1:
            self.window.set_selected_events(wanted)
        elif wanted:
            self.window.select_event(wanted[0])
        self.content_did_change.emit()

    def _after_history_change(self, _index: int) -> None:
        self.update_title()
        self.autosave.schedule()

    # ------------------------------------------------------------------ unreviewed filter

    @property
    def unreviewed_only(self) -> bool:
        return self._unreviewed_only

    def set_unreviewed_only(self, on: bool) -> None:
        if on == self._unreviewed_only:
            return
        self._unreviewed_only = on
        # Only the view changes: the content check on events_did_change would compare every event.
        self._updating_view = True
        try:
            self.window.set_event_filter((lambda event: not event.curated) if on else None)
        finally:
            self._updating_view = False

    def _show(self, keep_selection: bool, changed: set[str] | None = None) -> None:
        """Put the model on screen (the window applies its filters); ``changed`` allows a partial refresh."""
        shown = self._model
        self._updating_view = True
        try:
            if shown is self._shown and self.window.timeline() is shown and changed is not None:
                self.window.refresh_events(changed)
            elif shown is self._shown and self.window.timeline() is shown:
                self.window.refresh()
            else:
                self._shown = shown
                self.window.set_timeline(shown)
        finally:
            self._updating_view = False
        if not keep_selection:
            self.window.select_event("")

    def _remember_content(self) -> None:
        """What the model and the view held after our last change, to spot changes made elsewhere."""
        events = self._model.events
        # Columns of a big timeline are known by identity: a tuple would build every event.
        known: Sequence[Event] = events if columns_of(events) is not None else tuple(events)
        self._known = (tuple(self._model.documents), known)
        filtered = self._shown is not self._model
        self._known_view = {id(e) for e in self._shown.events} if filtered else set()

    def _adopt_outside_change(self) -> None:
        """Other code (opening or dropping files in the viewer) changed the timeline.

        Unsaved work is never dropped silently: the change becomes one undoable step. Only a
        saved or empty timeline replaced by another starts a fresh untitled project.
        """
        if self._updating_view:
            return
        current = self.window.timeline()
        docs, events = self._known
        if current is self._model:
            if _same(current.documents, docs) and _same(current.events, events):
                return
            target = (tuple(current.documents), tuple(current.events))
            label = "Add files"
        elif current is self._shown:
            extra = tuple(e for e in current.events if id(e) not in self._known_view)
            if not extra and _same(self._model.documents, docs):
                return
            target = (tuple(self._model.documents), tuple(events) + extra)
            label = "Add files"
        elif not self.modified:
            self._start_untitled(current)
            return
        else:
            target = (tuple(current.documents), tuple(current.events))
            label = "Open files"
        ReplaceContent(docs, tuple(events), label).apply(self._model)
        self.push(ReplaceContent(*target, label), [])
        # The viewer names the window after loading; the project's name and state come first.
        QTimer.singleShot(0, self.update_title)

    def _start_untitled(self, timeline: Timeline) -> None:
        had_content = bool(self._model.documents or self._model.events or self.path)
        self._model = self._shown = timeline
        self.undo_stack.clear()
        if had_content:
            self.path = None
            self.project_did_change.emit()
        if self._unreviewed_only:
            self._show(keep_selection=True)
        self._remember_content()
        QTimer.singleShot(0, self.update_title)

    # ------------------------------------------------------------------ closing and messages

    def confirm_discard(self) -> bool:
        """Before the current work is replaced or the window closes: True to go ahead."""
        if not self.modified:
            return True
        answer = self.prompts.unsaved_changes(self.name)
        if answer is Unsaved.CANCEL:
            return False
        if answer is Unsaved.SAVE:
            from timeline_app.qt.editing.files import save

            return save(self)
        self.autosave.forget(self.path)
        return True

    def close_guard(self) -> bool:
        if not self.confirm_discard():
            return False
        self.autosave.forget(self.path)
        return True

    def refused_for_size(self, title: str) -> bool:
        """Say so, under ``title``, when the open timeline is too big to edit (a huge columns file)."""
        reason = edit_refusal(self._model.events)
        if reason is not None:
            self.report_error(title, reason)
        return reason is not None

    def report_error(self, title: str, message: str) -> None:
        self.prompts.error(title, message)

    def show_status(self, message: str, ms: int = 5000) -> None:
        self.window.statusBar().showMessage(message, ms)
