"""The main window: canvas, overview, click-through, detail, article text and event list.

The window owns the current :class:`Timeline` and the :class:`EventStore` built from it,
and keeps every view in step with one selected event id. The editing/project layer
attaches through the public methods and signals below (see ``app.create_main_window``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from timeline_app import __version__
from timeline_app.core.model import Document, Event, Timeline
from timeline_app.core.store import EventStore
from timeline_app.core.viewport import Viewport
from timeline_app.qt.canvas import TimelineCanvas
from timeline_app.qt.chronology import Chronology
from timeline_app.qt.date_input import parse_user_date
from timeline_app.qt.detail import EventDetail
from timeline_app.qt.document_view import DocumentView, event_at_offset
from timeline_app.qt.event_list import EventList
from timeline_app.qt.icons import app_icon
from timeline_app.qt.loader import LoadThread, StartedLoad, merge
from timeline_app.qt.navigator import EventNavigator
from timeline_app.qt.overview import OverviewStrip
from timeline_app.qt.settings import AppSettings
from timeline_app.qt.status import status_summary
from timeline_app.qt.window_actions import make_action

MENU_NAMES = ("file", "edit", "view", "go", "help")
FILE_FILTER = (
    "Articles and timelines (*.txt *.text *.html *.htm *.md *.markdown *.tml *.xml *.json *.ics);;All files (*)"
)
PROJECT_SUFFIX = ".tlproj"
PROJECT_FILE_FILTER = (
    "Projects, articles and timelines "
    "(*.tlproj *.txt *.text *.html *.htm *.md *.markdown *.tml *.xml *.json *.ics);;All files (*)"
)
EventFilter = Callable[[Event], bool]


class MainWindow(QMainWindow):
    events_did_change = Signal()  # timeline content replaced or edited
    selection_did_change = Signal(str)  # selected event id, "" for none
    loading_did_finish = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.close_guard: Callable[[], bool] | None = None
        # Set by the project layer: opens a .tlproj (from Open, Open Recent, a drop or the
        # command line) and lists recent projects for Open Recent.
        self.project_opener: Callable[[str], bool] | None = None
        self.recent_projects: Callable[[], list[str]] | None = None
        self.show_error_dialogs = True
        self.load_errors: list[str] = []
        self.settings = AppSettings()
        self._timeline = Timeline()
        self._shown = self._timeline  # what passes the event filter (the timeline itself without one)
        self._filter: EventFilter | None = None
        self._extra: list[str] = []  # selected besides the current event, in selection order
        self._store = EventStore.empty()
        self._chronology = Chronology(self._timeline, self._store)
        self._selected = ""
        self._paths: list[str] = []
        self._loaders: list[LoadThread] = []
        self._open_generation = 0
        self._reference_date: date | None = None
        self._menus: dict[str, QMenu] = {}
        self._build_widgets()
        self._build_actions()
        self._build_status_bar()
        self._restore_settings()
        self.set_document_title("Untitled", False)
        self._sync_views()

    # construction -------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self._canvas = TimelineCanvas(self)
        self._overview = OverviewStrip(self)
        self._navigator = EventNavigator(self)
        self._detail = EventDetail(self)
        self._document_view = DocumentView(self)
        self._event_list = EventList(self)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(2)
        top_layout.addWidget(self._canvas, 1)
        top_layout.addWidget(self._overview, 0)
        top_layout.addWidget(self._navigator, 0)
        self._bottom = QSplitter(Qt.Orientation.Horizontal, self)
        self._bottom.setObjectName("bottomSplitter")
        self._bottom.addWidget(self._event_list)
        self._bottom.addWidget(self._detail)
        self._bottom.addWidget(self._document_view)
        self._bottom.setSizes([470, 360, 450])
        self._split = QSplitter(Qt.Orientation.Vertical, self)
        self._split.setObjectName("mainSplitter")
        self._split.addWidget(top)
        self._split.addWidget(self._bottom)
        self._split.setStretchFactor(0, 3)
        self._split.setStretchFactor(1, 2)
        self._split.setSizes([520, 210])
        self.setCentralWidget(self._split)
        self._canvas.selection_requested.connect(self._canvas_selection)
        self._canvas.selection_toggle_requested.connect(self.toggle_selected)
        self._canvas.viewport_did_change.connect(self._overview.set_window)
        self._overview.center_requested.connect(self._center_on)
        self._navigator.previous_requested.connect(self.select_previous)
        self._navigator.next_requested.connect(self.select_next)
        self._event_list.events_picked.connect(self._list_picked)
        self._document_view.timex_clicked.connect(self._timex_clicked)
        self.setTabOrder(self._canvas, self._navigator.prev_button)
        self.setTabOrder(self._navigator.prev_button, self._navigator.next_button)
        self.setTabOrder(self._navigator.next_button, self._event_list.search)
        self.setTabOrder(self._event_list.search, self._event_list.table)
        self.setTabOrder(self._event_list.table, self._detail)
        self.setTabOrder(self._detail, self._document_view)

    def _action(
        self,
        menu: str,
        text: str,
        slot: Callable[[], object],
        shortcuts: Sequence[QKeySequence | QKeySequence.StandardKey | str] = (),
        icon: str = "",
        theme: str = "",
    ) -> QAction:
        action = make_action(self, text, slot, shortcuts, icon, theme)
        self._menus[menu].addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        titles = {"file": "&File", "edit": "&Edit", "view": "&View", "go": "&Go", "help": "&Help"}
        for name in MENU_NAMES:
            menu = bar.addMenu(titles[name])
            menu.setObjectName(f"{name}Menu")
            self._menus[name] = menu
        self.act_open = self._action(
            "file", "&Open…", self.open_dialog, [QKeySequence.StandardKey.Open], "SP_DialogOpenButton", "document-open"
        )
        self.act_add = self._action(
            "file", "&Add Files…", self.add_dialog, ["Ctrl+Shift+O"], "SP_FileDialogNewFolder", "list-add"
        )
        self._recent_menu = self._menus["file"].addMenu("Open &Recent")
        self._recent_menu.setObjectName("recentMenu")
        self._recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._menus["file"].addSeparator()
        self.act_quit = self._action("file", "&Quit", self.close, [QKeySequence.StandardKey.Quit, "Ctrl+Q"])
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_find = self._action(
            "edit", "&Find Events…", self.focus_search, [QKeySequence.StandardKey.Find, "Ctrl+F"]
        )
        self.act_zoom_in = self._action(
            "view",
            "Zoom &In",
            lambda: self._canvas.zoom(1.5),
            ["Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn],
            "SP_ArrowUp",
            "zoom-in",
        )
        self.act_zoom_out = self._action(
            "view",
            "Zoom &Out",
            lambda: self._canvas.zoom(1 / 1.5),
            ["Ctrl+-", QKeySequence.StandardKey.ZoomOut],
            "SP_ArrowDown",
            "zoom-out",
        )
        self.act_fit = self._action(
            "view", "&Fit All", self._canvas.fit_all, ["F", "Ctrl+0"], "SP_BrowserReload", "zoom-fit-best"
        )
        self.act_zoom_event = self._action("view", "Zoom to &Event", self._zoom_to_selected, ["Z"])
        self.act_prev = self._action(
            "go",
            "&Previous Event",
            self.select_previous,
            [QKeySequence(Qt.Key.Key_Left), "Alt+Left"],
            "SP_ArrowBack",
            "go-previous",
        )
        self.act_next = self._action(
            "go",
            "&Next Event",
            self.select_next,
            [QKeySequence(Qt.Key.Key_Right), "Alt+Right"],
            "SP_ArrowForward",
            "go-next",
        )
        self.act_first = self._action(
            "go", "&First Event", self.select_first, [QKeySequence(Qt.Key.Key_Home)], "SP_MediaSkipBackward", "go-first"
        )
        self.act_last = self._action(
            "go", "&Last Event", self.select_last, [QKeySequence(Qt.Key.Key_End)], "SP_MediaSkipForward", "go-last"
        )
        self._menus["go"].addSeparator()
        self.act_goto = self._action("go", "Go to &Date…", self.go_to_date_dialog, ["Ctrl+G"], "", "go-jump")
        self.act_about = self._action("help", "&About Timeline", self.show_about, [], "", "help-about")
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_about_qt = self._action("help", "About &Qt", lambda: QMessageBox.aboutQt(self, "About Qt"), [])
        self._toolbar = QToolBar("Main toolbar", self)
        self._toolbar.setObjectName("mainToolBar")
        self._toolbar.setIconSize(QSize(20, 20))
        self._toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (
            self.act_open,
            self.act_add,
            None,
            self.act_zoom_in,
            self.act_zoom_out,
            self.act_fit,
            None,
            self.act_prev,
            self.act_next,
        ):
            if action is None:
                self._toolbar.addSeparator()
            else:
                self._toolbar.addAction(action)
        self.addToolBar(self._toolbar)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self._status_label = QLabel(self)
        self._status_label.setObjectName("statusSummary")
        self._status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._progress = QProgressBar(self)
        self._progress.setObjectName("loadProgress")
        self._progress.setMaximumWidth(220)
        self._progress.setTextVisible(True)
        self._progress.hide()
        status.addWidget(self._status_label, 1)
        status.addPermanentWidget(self._progress)

    # contract -----------------------------------------------------------------------

    def timeline(self) -> Timeline:
        return self._timeline

    def set_timeline(self, tl: Timeline) -> None:
        """Replace everything; the selection is kept if its event survives."""
        shown = self._filtered(tl)
        self._apply(tl, EventStore.from_timeline(shown), keep_view=False, shown=shown)
        self.events_did_change.emit()

    def refresh(self) -> None:
        """Re-read the current timeline after an in-place edit."""
        shown = self._filtered(self._timeline)
        self._apply(self._timeline, EventStore.from_timeline(shown), keep_view=True, shown=shown)
        self.events_did_change.emit()

    def refresh_events(self, event_ids: Iterable[str]) -> None:
        """Re-read only these events after they were edited in place (fields, marks or dates).

        Falls back to :meth:`refresh` when an event joins or leaves the view (filter, date).
        """
        ids = list(dict.fromkeys(event_ids))
        if not ids:
            return
        shown = self._shown
        if self._filter is not None and self._filter_membership_changed(ids):
            self.refresh()
            return
        store = self._store.refreshed(shown, ids)
        if store is None:
            self.refresh()
            return
        if store is self._store:
            self._canvas.forget_labels(ids)
        else:
            self._store = store
            self._chronology = Chronology(shown, store)
            self._canvas.set_store(store, keep_view=True)
            self._overview.set_store(store)
            self._overview.set_window(self._canvas.viewport_range())
        self._overview.update()
        self._event_list.model.refresh_rows([self._chronology.row_of(i) for i in ids])
        self._update_status()
        self._sync_views()
        self.events_did_change.emit()

    def _filter_membership_changed(self, ids: list[str]) -> bool:
        assert self._filter is not None
        wanted = set(ids)
        for event in self._timeline.events:
            if event.id in wanted and bool(self._filter(event)) != (self._chronology.index_of(event.id) >= 0):
                return True
        return False

    def set_event_filter(self, predicate: EventFilter | None) -> None:
        """Show only the events ``predicate`` accepts (None: all); the view and selection stay."""
        self._filter = predicate
        shown = self._filtered(self._timeline)
        self._apply(self._timeline, EventStore.from_timeline(shown), keep_view=True, shown=shown)
        self.events_did_change.emit()

    def event_filter(self) -> EventFilter | None:
        return self._filter

    def shown_timeline(self) -> Timeline:
        """The events on screen: the timeline, or its part that passes the event filter."""
        return self._shown

    def _filtered(self, tl: Timeline) -> Timeline:
        if self._filter is None:
            return tl
        keep = self._filter
        return Timeline(documents=tl.documents, events=[e for e in tl.events if keep(e)])

    def selected_event_ids(self) -> list[str]:
        """The current event first, then the others selected with Ctrl or Shift."""
        return [self._selected, *self._extra] if self._selected else []

    def select_event(self, event_id: str) -> None:
        """Select this one event (or none, with "")."""
        if event_id and self._chronology.index_of(event_id) < 0:
            event_id = ""
        changed = event_id != self._selected or bool(self._extra)
        self._selected = event_id
        self._extra = []
        self._canvas.set_selected(event_id or None)
        self._canvas.set_also_selected(())
        if event_id:
            self._canvas.ensure_visible(event_id)
        self._event_list.select_event(event_id, self._chronology.row_of(event_id) if event_id else -1)
        self._sync_views()
        if changed:
            self.selection_did_change.emit(event_id)

    def set_selected_events(self, event_ids: Sequence[str], sync_list: bool = True) -> None:
        """Select several events; the first becomes the current one (detail, text, navigation)."""
        ids = [i for i in dict.fromkeys(event_ids) if i and self._chronology.index_of(i) >= 0]
        if len(ids) <= 1:
            self.select_event(ids[0] if ids else "")
            return
        if ids == self.selected_event_ids():
            return
        self._selected, self._extra = ids[0], ids[1:]
        self._canvas.set_selected(ids[0])
        self._canvas.set_also_selected(ids[1:])
        self._canvas.ensure_visible(ids[0])
        if sync_list:
            self._event_list.select_events(ids, [self._chronology.row_of(i) for i in ids])
        self._sync_views()
        self.selection_did_change.emit(ids[0])

    def toggle_selected(self, event_id: str) -> None:
        """Ctrl/Shift-click: add an event to the selection, or take it out if it was in."""
        current = self.selected_event_ids()
        if event_id in current:
            current.remove(event_id)
            self.set_selected_events(current)
        else:
            self.set_selected_events([event_id, *current])

    def _list_picked(self, event_ids: list[str]) -> None:
        if event_ids != self.selected_event_ids():
            self.set_selected_events(event_ids, sync_list=False)

    # view state ---------------------------------------------------------------------

    def view_state(self) -> dict[str, Any]:
        """Where the person is: zoom, selection and list search (saved in projects)."""
        vp = self._canvas.viewport_range()
        return {
            "viewport": [float(vp.t0), float(vp.t1)],
            "selected": self._selected,
            "selection": self.selected_event_ids(),
            "search": self._event_list.search.text(),
        }

    def apply_view_state(self, state: dict[str, Any]) -> None:
        """Restore what :meth:`view_state` saved; unknown or damaged entries are skipped."""
        search = state.get("search")
        if isinstance(search, str):
            self._event_list.search.setText(search)
        selection = state.get("selection")
        if isinstance(selection, list) and all(isinstance(i, str) for i in selection):
            self.set_selected_events(selection)
        elif isinstance(state.get("selected"), str):
            self.select_event(state["selected"])
        value = state.get("viewport")
        if isinstance(value, list) and len(value) == 2:
            try:
                t0, t1 = float(value[0]), float(value[1])
            except (TypeError, ValueError):
                return
            if t0 < t1:
                self._canvas.set_viewport(Viewport(t0, t1))

    def menu(self, name: str) -> QMenu:
        return self._menus[name]

    def toolbar(self) -> QToolBar:
        return self._toolbar

    def canvas(self) -> TimelineCanvas:
        return self._canvas

    def set_document_title(self, title: str, modified: bool) -> None:
        self.setWindowTitle(f"{title}[*] — Timeline")
        self.setWindowModified(modified)

    # more public API (tests, app) ---------------------------------------------------

    def store(self) -> EventStore:
        return self._store

    def event_list(self) -> EventList:
        return self._event_list

    def detail(self) -> EventDetail:
        return self._detail

    def document_view(self) -> DocumentView:
        return self._document_view

    def navigator(self) -> EventNavigator:
        return self._navigator

    def overview(self) -> OverviewStrip:
        return self._overview

    def chronological_ids(self) -> list[str]:
        """Dated events in time order, then the undated ones."""
        return self._chronology.ids()

    def paths(self) -> list[str]:
        return list(self._paths)

    def is_loading(self) -> bool:
        return any(t.isRunning() for t in self._loaders)

    # selection stepping ------------------------------------------------------------

    def _step(self, delta: int) -> None:
        chronology = self._chronology
        if not len(chronology):
            return
        current = chronology.index_of(self._selected) if self._selected else -1
        if current < 0:
            target = 0 if delta > 0 else len(chronology) - 1
            if not self._selected:
                # Start from what is in view, so stepping continues where the user looks.
                visible = self._canvas.viewport_range()
                pos = self._store.nearest(visible.t0 if delta > 0 else visible.t1)
                if pos >= 0 and self._store.ids:
                    target = pos
        else:
            target = min(max(current + delta, 0), len(chronology) - 1)
        self.select_event(chronology.id_at(target))

    def select_next(self) -> None:
        self._step(+1)

    def select_previous(self) -> None:
        self._step(-1)

    def select_first(self) -> None:
        if len(self._chronology):
            self.select_event(self._chronology.id_at(0))

    def select_last(self) -> None:
        if len(self._chronology):
            self.select_event(self._chronology.id_at(len(self._chronology) - 1))

    # loading ------------------------------------------------------------------------

    def open_paths(
        self,
        paths: Sequence[str],
        reference_date: date | None = None,
        add: bool = False,
        started_load: StartedLoad | None = None,
    ) -> None:
        """Load files in a worker thread; ``add`` merges them into the current timeline.

        ``started_load`` is a load of the same paths already under way (see ``cli.gui``).
        """
        paths = [str(p) for p in paths]
        projects = [p for p in paths if p.lower().endswith(PROJECT_SUFFIX)]
        if projects and self.project_opener is not None:
            # A project replaces the work (after asking); articles given with it are added to it.
            opened = self.project_opener(projects[0])
            paths = [p for p in paths if p not in projects]
            add = add or opened
        if started_load is not None and list(started_load.paths) != paths:
            started_load = None
        if not paths:
            return
        self._reference_date = reference_date
        if not add:
            # A newer Open supersedes the result of any earlier one still loading.
            self._open_generation += 1
        thread = LoadThread(paths, reference_date, self, started_load)
        thread.setProperty("generation", self._open_generation)
        thread.progressed.connect(self._load_progress)
        thread.loaded.connect(lambda tl, errors, store, t=thread, a=add: self._loaded(t, tl, errors, store, a))
        self._loaders.append(thread)
        self._progress.setRange(0, 0)
        self._progress.setFormat(f"Loading {len(paths)} file(s)…")
        self._progress.show()
        self.statusBar().showMessage(f"Loading {', '.join(Path(p).name for p in paths[:3])}…")
        thread.start()

    def _load_progress(self, done: int, total: int, name: str) -> None:
        self._progress.setRange(0, max(total, 1))
        self._progress.setValue(done)
        self._progress.setFormat(f"{done}/{total} {name}" if name else f"{done}/{total}")

    def _loaded(self, thread: LoadThread, timeline: Timeline, errors: list[str], store: EventStore, add: bool) -> None:
        thread.wait()
        if thread in self._loaders:
            self._loaders.remove(thread)
        thread.deleteLater()
        if not self.is_loading():
            self._progress.hide()
        self.statusBar().clearMessage()
        loaded_paths = list(thread.paths)
        if not add and thread.property("generation") != self._open_generation:
            return
        if add and (self._timeline.documents or self._timeline.events):
            merge(self._timeline, timeline)
            self._paths.extend(loaded_paths)
            self.refresh()
        else:
            self._paths = loaded_paths
            shown = self._filtered(timeline)
            self._apply(timeline, store if shown is timeline else EventStore.from_timeline(shown), False, shown)
            self.events_did_change.emit()
            self.set_document_title(self._default_title(), False)
            if not self._selected and len(self._chronology):
                # Open on the first event so the detail and text panes say something at once.
                self.select_event(self._chronology.id_at(0))
        if timeline.documents:
            self.settings.add_recent(loaded_paths)
        self.load_errors = list(errors)
        if errors:
            self._report_errors(errors)
        self.loading_did_finish.emit()

    def _report_errors(self, errors: list[str]) -> None:
        for line in errors:
            print(f"timeline-app: {line}", file=sys.stderr)
        if not self.show_error_dialogs:
            return
        box = QMessageBox(self)
        box.setObjectName("loadErrors")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Some files could not be opened")
        box.setText("\n".join(errors[:8]) + (f"\n… and {len(errors) - 8} more" if len(errors) > 8 else ""))
        box.setInformativeText("The other files were loaded.")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _default_title(self) -> str:
        docs = self._timeline.documents
        if len(docs) == 1:
            return docs[0].title or Path(docs[0].path).name
        if docs:
            return f"{len(docs)} documents"
        return "Untitled"

    def open_dialog(self) -> None:
        if self.project_opener is not None:
            paths, _ = QFileDialog.getOpenFileNames(self, "Open", "", PROJECT_FILE_FILTER)
        else:
            paths, _ = QFileDialog.getOpenFileNames(self, "Open Articles or a Timeline", "", FILE_FILTER)
        if paths:
            self.open_paths(paths)

    def add_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Add Articles", "", FILE_FILTER)
        if paths:
            self.open_paths(paths, add=True)

    def _fill_recent_menu(self) -> None:
        self._recent_menu.clear()
        projects = self.recent_projects() if self.recent_projects is not None else []
        for path in projects:
            action = self._recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_paths([p]))
        if projects:
            self._recent_menu.addSeparator()
        recent = self.settings.recent_files()
        for path in recent:
            action = self._recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_paths([p]))
        if not recent and not projects:
            self._recent_menu.addAction("(none)").setEnabled(False)
        else:
            self._recent_menu.addSeparator()
            self._recent_menu.addAction("Clear Recent Files", self.settings.clear_recent)

    # views --------------------------------------------------------------------------

    def _apply(self, tl: Timeline, store: EventStore, keep_view: bool, shown: Timeline | None = None) -> None:
        """Show ``shown`` (``tl`` filtered; ``tl`` itself by default) with ``store`` built from it."""
        self._timeline = tl
        self._shown = tl if shown is None else shown
        self._store = store
        self._chronology = Chronology(self._shown, store)
        self._canvas.set_store(store, keep_view=keep_view)
        self._overview.set_store(store)
        self._overview.set_window(self._canvas.viewport_range())
        style = self._canvas.timeline_style()
        colors = {d.id: style.ink(i).color for i, d in enumerate(tl.documents)} if len(tl.documents) > 1 else {}
        self._event_list.set_timeline(self._shown, colors)
        kept = [i for i in self.selected_event_ids() if self._chronology.index_of(i) >= 0]
        selected = kept[0] if kept else ""
        changed = selected != self._selected or kept[1:] != self._extra
        self._selected, self._extra = selected, kept[1:]
        self._canvas.set_selected(selected or None)
        self._canvas.set_also_selected(self._extra)
        if self._extra:
            self._event_list.select_events(kept, [self._chronology.row_of(i) for i in kept])
        else:
            self._event_list.select_event(selected, self._chronology.row_of(selected) if selected else -1)
        self._update_status()
        self._sync_views()
        if changed:
            self.selection_did_change.emit(selected)

    def _sync_views(self) -> None:
        chronology = self._chronology
        event = chronology.event(self._selected) if self._selected else None
        document = self._document_of(event)
        self._detail.show_event(event, document)
        # Screen readers cannot see painted marks: describe the selection on the canvas itself.
        self._canvas.setAccessibleDescription(
            f"Selected: {event.title}, {event.date.describe()}" if event else "No event selected"
        )
        if document is None and self._timeline.documents:
            document = self._document_view.current_document() or self._timeline.documents[0]
        self._document_view.show_event(event, document)
        index = chronology.index_of(self._selected) if self._selected else -1
        if index >= 0:
            prev_event, next_event = chronology.event_at(index - 1), chronology.event_at(index + 1)
        else:
            prev_event, next_event = None, chronology.event_at(0)
        self._navigator.set_state(prev_event, index, len(chronology), next_event)

    def _document_of(self, event: Event | None) -> Document | None:
        if event is None:
            return None
        return self._timeline.document(event.document)

    def _update_status(self) -> None:
        summary, lines = status_summary(self._shown, self._chronology.undated_count)
        if self._shown is not self._timeline:
            summary = f"{summary} (filtered: {len(self._shown.events)} of {len(self._timeline.events)} events shown)"
        text = f"{summary}   |   {'; '.join(lines)}" if lines else summary
        metrics = self._status_label.fontMetrics()
        self._status_label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(self.width() - 280, 200)))
        self._status_label.setToolTip("\n".join([summary, *lines]))
        self._status_label.setAccessibleName(summary)

    def _canvas_selection(self, event_id: str) -> None:
        self.select_event(event_id)

    def _center_on(self, t: float) -> None:
        self._canvas.set_viewport(self._canvas.viewport_range().centered_on(t))

    def _zoom_to_selected(self) -> None:
        if self._selected:
            self._canvas.zoom_to_event(self._selected)

    def _timex_clicked(self, offset: int) -> None:
        event_id = self.event_at_text_offset(offset)
        if event_id:
            self.select_event(event_id)

    def event_at_text_offset(self, offset: int) -> str:
        """The event whose sentence contains ``offset`` in the shown document (nearest mention wins)."""
        document = self._document_view.current_document()
        return event_at_offset(self._timeline, document, offset) if document is not None else ""

    def focus_search(self) -> None:
        self._event_list.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._event_list.search.selectAll()

    # go to date ---------------------------------------------------------------------

    def go_to_date(self, text: str) -> bool:
        """Centre the view on a typed date and select the nearest event; False if unreadable."""
        t = parse_user_date(text)
        if t is None:
            return False
        vp = self._canvas.viewport_range()
        self._canvas.set_viewport(Viewport(t - vp.span / 2, t + vp.span / 2).clamped())
        pos = self._store.nearest(t)
        if pos >= 0:
            self.select_event(self._store.ids[pos])
            self._canvas.set_viewport(self._canvas.viewport_range().centered_on(t))
        return True

    def go_to_date_dialog(self) -> None:
        text, ok = QInputDialog.getText(self, "Go to Date", "Date (e.g. 2025-09-03, 3 Sep 2025, Oct 2024, 1945):")
        if ok and text.strip() and not self.go_to_date(text):
            QMessageBox.information(self, "Go to Date", f"Could not read “{text}” as a date.")

    # misc ---------------------------------------------------------------------------

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Timeline",
            f"<h3>Timeline {__version__}</h3>"
            "<p>Turns news articles into a sourced, interactive chronology: every event with its date, "
            "how certain that date is and why, and the sentence it came from.</p>",
        )

    def _restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        for name, splitter in (("main", self._split), ("bottom", self._bottom)):
            value = self.settings.splitter_state(name)
            if value is not None:
                splitter.restoreState(value)

    def save_settings(self) -> None:
        self.settings.save_window(
            self.saveGeometry(), self.saveState(), {"main": self._split.saveState(), "bottom": self._bottom.saveState()}
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        self.save_settings()
        for thread in list(self._loaders):
            thread.requestInterruption()
            thread.wait()
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            QTimer.singleShot(0, self._document_view.refresh_highlight)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # A message posted before the window was visible (e.g. "Opened project") did not hide
        # the status summary, and both would be drawn over each other: post it again.
        message = self.statusBar().currentMessage()
        if message:
            QTimer.singleShot(0, lambda: self._repost(message))

    def _repost(self, message: str) -> None:
        bar = self.statusBar()
        if bar.currentMessage() == message:
            bar.clearMessage()  # the same text again would be ignored
            bar.showMessage(message, 5000)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._update_status()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            projects = [p for p in paths if p.lower().endswith(PROJECT_SUFFIX)]
            self.open_paths(paths, add=bool(self._timeline.documents) and not projects)
