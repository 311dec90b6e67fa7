"""The main window's file loading: open and add (in a worker), recent files, drops, load errors."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressBar

from timeline_app.app.big_timelines import columns_of
from timeline_app.app.chronology import Chronology
from timeline_app.app.loading import StartedLoad, merge
from timeline_app.app.prepared_view import PreparedView
from timeline_app.app.session import Loaded, Session
from timeline_app.core.model import Timeline
from timeline_app.core.store import EventStore
from timeline_app.qt.event_list import EventList
from timeline_app.qt.settings import AppSettings
from timeline_app.qt.show_steps import ShowSteps

_ARTICLES = "*.txt *.text *.html *.htm *.xhtml *.md *.markdown *.tml *.timeml *.xml"
_TIMELINES = "*.json *.csv *.ics *.ical *.timeline *.arrow"
FILE_FILTER = (
    f"Articles and timelines ({_ARTICLES} {_TIMELINES});;Articles ({_ARTICLES});;"
    f"Timelines ({_TIMELINES});;All files (*)"
)
PROJECT_SUFFIX = ".tlproj"
PROJECT_FILE_FILTER = (
    f"Projects, articles and timelines (*.tlproj {_ARTICLES} {_TIMELINES});;Projects (*.tlproj);;"
    f"Articles ({_ARTICLES});;Timelines ({_TIMELINES});;All files (*)"
)
# Up to this many events a loaded timeline is shown in one go; beyond, a step per turn of the
# event loop (see _show_loaded), so that the window keeps painting and answering meanwhile.
SPREAD_SHOW_FROM = 20_000


class WindowLoading(QMainWindow):
    """Runs loads and hands their result to the window's ``_show_loaded``."""

    events_did_change: SignalInstance
    loading_did_finish: SignalInstance
    project_opener: Callable[[str], bool] | None
    recent_projects: Callable[[], list[str]] | None
    show_error_dialogs: bool
    load_errors: list[str]
    settings: AppSettings
    _timeline: Timeline
    _chronology: Chronology
    _selected: str
    _paths: list[str]
    session: Session
    _progress: QProgressBar
    _recent_menu: QMenu
    refresh: Callable[[], None]
    select_event: Callable[[str], None]
    set_document_title: Callable[[str, bool], None]
    _adopt_prepared: Callable[[PreparedView | None], None]
    _legend_later: Callable[[Callable[[], None]], None]
    _fill_legend: Callable[[], None]
    _event_list: EventList
    _shown: Timeline
    _showing: ShowSteps | None = None  # the load being shown, until its last step has run

    def _show_full(self, tl: Timeline, full: EventStore, keep_view: bool, fit_columns: bool = True) -> None:
        raise NotImplementedError  # the window shows a timeline in every view

    def paths(self) -> list[str]:
        return list(self._paths)

    def is_loading(self) -> bool:
        return self.session.is_loading()

    # loading ------------------------------------------------------------------------

    def open_paths(
        self,
        paths: Sequence[str],
        reference_date: date | None = None,
        add: bool = False,
        started_load: StartedLoad | None = None,
    ) -> None:
        """Load files in the background; ``add`` merges them into the current timeline.

        ``started_load`` is a load of the same paths already under way (see ``cli.gui``).
        """
        paths = [str(p) for p in paths]
        if add and columns_of(self._timeline.events) is not None:
            # Merging would build every one of its events as an object: minutes, and gigabytes.
            count = len(self._timeline.events)
            self._report_errors(
                [f"files cannot be added to a timeline of {count:,} events opened as columns; open them on their own"],
                loaded=False,
            )
            return
        projects = [p for p in paths if p.lower().endswith(PROJECT_SUFFIX)]
        if projects and self.project_opener is not None:
            # A project replaces the work (after asking); articles given with it are added to it.
            opened = self.project_opener(projects[0])
            add = add or opened
        if self.session.open(paths, reference_date, add, started_load) is None:
            return
        self._progress.setRange(0, 0)
        self._progress.setFormat(f"Loading {len(paths)} file(s)…")
        self._progress.show()
        self.statusBar().showMessage(f"Loading {', '.join(Path(p).name for p in paths[:3])}…")

    def _load_progress(self, done: int, total: int, name: str) -> None:
        self._progress.setRange(0, max(total, 1))
        self._progress.setValue(done)
        self._progress.setFormat(f"{done}/{total} {Path(name).name}" if name else f"{done}/{total}")

    def _show_loaded(self, loaded: Loaded) -> None:
        """Show a finished load; a big one a step per turn of the event loop.

        The first step puts the timeline in every view; later ones fit the list's columns, fill
        the legend, announce the change and select the first event. The load's files are then
        remembered and its errors reported, and its end (``loading_did_finish``) waits for that.
        A newer load replacing the timeline drops the steps of one still being shown; files
        added to it are merged after them.
        """
        pending = self._showing if self._showing is not None and not self._showing.finished else None
        if loaded.add and (self._timeline.documents or self._timeline.events):
            steps = [lambda: self._merge_loaded(loaded)]
            if pending is not None:
                pending.extend(steps)
                pending.then(lambda: self._after_shown(loaded))
                return
        else:
            steps = [
                lambda: self._show_replacing(loaded),
                lambda: self._event_list.fit_date_column(self._shown),
                self._fill_legend,
                self._announce_replaced,
                self._select_first,
            ]
        spread = len(loaded.timeline.events) >= SPREAD_SHOW_FROM
        showing = ShowSteps(self, steps, self._show_failed, spread)
        if pending is not None:
            pending.supersede(showing)
        self._showing = showing
        showing.then(lambda: self._after_shown(loaded))
        showing.start()

    def _merge_loaded(self, loaded: Loaded) -> None:
        merge(self._timeline, loaded.timeline)
        self._paths.extend(loaded.paths)
        self.refresh()

    def _show_replacing(self, loaded: Loaded) -> None:
        self._paths = list(loaded.paths)
        self._adopt_prepared(loaded.prepared)
        # What costs most besides putting the timeline in the views comes in steps of its own.
        self._legend_later(lambda: self._show_full(loaded.timeline, loaded.store, False, fit_columns=False))

    def _announce_replaced(self) -> None:
        self.events_did_change.emit()
        self.set_document_title(self._default_title(), False)

    def _select_first(self) -> None:
        if not self._selected and len(self._chronology):
            # Open on the first event so the detail and text panes say something at once.
            self.select_event(self._chronology.id_at(0))

    def _after_shown(self, loaded: Loaded) -> None:
        timeline = loaded.timeline
        if timeline.documents:
            self.settings.add_recent(loaded.paths)
        if loaded.errors:
            self._report_errors(loaded.errors, loaded=bool(timeline.documents or timeline.events))

    def _show_failed(self, error: Exception) -> None:
        # As for a failure in the first step, which the session would catch: said, and the load still ends.
        traceback.print_exception(error)
        self.load_errors = [*self.load_errors, f"showing the loaded timeline failed: {error}"]

    def _load_finished(self, errors: list[str]) -> None:
        if self._showing is not None:
            self._showing.then(self._end_load)
        else:
            self._end_load()

    def _end_load(self) -> None:
        if not self.is_loading():
            self._progress.hide()
            self.statusBar().clearMessage()
        self.loading_did_finish.emit()

    def _report_errors(self, errors: list[str], loaded: bool) -> None:
        """One dialog for one load, naming each file that failed and why; stderr gets every line."""
        for line in errors:
            print(f"timeline-app: {line}", file=sys.stderr)
        if not self.show_error_dialogs:
            return
        box = QMessageBox(self)
        box.setObjectName("loadErrors")
        box.setIcon(QMessageBox.Icon.Warning)
        several = len(errors) > 1
        box.setWindowTitle("Files could not be opened" if several else "A file could not be opened")
        shown = errors[:8]
        box.setText("\n".join(shown) + (f"\n… and {len(errors) - 8} more" if len(errors) > 8 else ""))
        box.setInformativeText("The other files were loaded." if loaded else "Nothing was loaded.")
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

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            projects = [p for p in paths if p.lower().endswith(PROJECT_SUFFIX)]
            self.open_paths(paths, add=bool(self._timeline.documents) and not projects)
