"""The main window's file loading: open and add (in a worker), recent files, drops, load errors."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressBar

from timeline_app.core.model import Timeline
from timeline_app.core.store import EventStore
from timeline_app.qt.chronology import Chronology
from timeline_app.qt.loader import LoadThread, StartedLoad, merge
from timeline_app.qt.settings import AppSettings

FILE_FILTER = (
    "Articles and timelines (*.txt *.text *.html *.htm *.md *.markdown *.tml *.xml *.json *.ics);;All files (*)"
)
PROJECT_SUFFIX = ".tlproj"
PROJECT_FILE_FILTER = (
    "Projects, articles and timelines "
    "(*.tlproj *.txt *.text *.html *.htm *.md *.markdown *.tml *.xml *.json *.ics);;All files (*)"
)


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
    _loaders: list[LoadThread]
    _open_generation: int
    _reference_date: date | None
    _progress: QProgressBar
    _recent_menu: QMenu
    refresh: Callable[[], None]
    select_event: Callable[[str], None]
    set_document_title: Callable[[str, bool], None]
    _show_full: Callable[[Timeline, EventStore, bool], None]

    def paths(self) -> list[str]:
        return list(self._paths)

    def is_loading(self) -> bool:
        return any(t.isRunning() for t in self._loaders)

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
            self._show_full(timeline, store, False)
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

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            projects = [p for p in paths if p.lower().endswith(PROJECT_SUFFIX)]
            self.open_paths(paths, add=bool(self._timeline.documents) and not projects)
