"""The main window: canvas, overview, click-through, detail, article text and event list.

The window owns the current :class:`Timeline` and the :class:`EventStore` built from it,
and keeps every view in step with one selected event id. The editing/project layer
attaches through the public methods and signals below (see ``app.create_main_window``).
Selection and navigation, loading, and the menus live in the ``window_*`` modules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import compress
from typing import cast

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMenu, QProgressBar, QSplitter, QVBoxLayout, QWidget

from timeline_app.app.big_timelines import columns_of, edit_refusal
from timeline_app.app.chronology import Chronology
from timeline_app.app.session import EventFilter, Session
from timeline_app.app.status_text import status_summary
from timeline_app.core.model import Document, Event, Timeline
from timeline_app.core.store import EventStore
from timeline_app.qt.canvas import TimelineCanvas
from timeline_app.qt.detail import EventDetail
from timeline_app.qt.document_view import DocumentView
from timeline_app.qt.event_list import EventList
from timeline_app.qt.icons import app_icon
from timeline_app.qt.navigator import EventNavigator
from timeline_app.qt.numbers import format_count
from timeline_app.qt.overview import OverviewStrip
from timeline_app.qt.reference_banner import ReferenceBanner
from timeline_app.qt.settings import AppSettings
from timeline_app.qt.window_events import WindowEvents
from timeline_app.qt.window_filters import WindowFilters
from timeline_app.qt.window_loading import FILE_FILTER, PROJECT_FILE_FILTER, PROJECT_SUFFIX, WindowLoading
from timeline_app.qt.window_menus import MENU_NAMES, WindowMenus
from timeline_app.qt.window_selection import WindowSelection
from timeline_app.qt.window_sources import WindowSources
from timeline_app.qt.window_view import WindowView
from timeline_app.qt.work_bridge import gui_work

__all__ = ["FILE_FILTER", "MENU_NAMES", "PROJECT_FILE_FILTER", "PROJECT_SUFFIX", "EventFilter", "MainWindow"]


class SessionField[T]:
    """A window attribute that is a field of the window's session (read and written there)."""

    def __init__(self, field: str) -> None:
        self.field = field

    def __get__(self, window: MainWindow, owner: type | None = None) -> T:
        return cast(T, getattr(window.session, self.field))

    def __set__(self, window: MainWindow, value: T) -> None:
        setattr(window.session, self.field, value)


class MainWindow(WindowSelection, WindowLoading, WindowMenus, WindowView, WindowEvents, WindowFilters, WindowSources):
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
        # Set by the editing layer: asks for and sets a document's date of writing (by id).
        self.reference_date_setter: Callable[[str], object] | None = None
        self.show_error_dialogs = True
        self.settings = AppSettings()
        # Everything the window shows lives in the session; the window keeps only its widgets.
        self.session = Session(gui_work(self))
        self.session.loading_progressed.connect(self._load_progress)
        self.session.loaded.connect(self._show_loaded)
        self.session.loading_finished.connect(self._load_finished)
        self._menus: dict[str, QMenu] = {}
        self._spans_of: Document | None = None  # the document whose event sentences the text pane knows
        # In a columns timeline the text pane's sentences come from events built from their records
        # (a hundred: some 10 ms), so they follow on the next turn of the event loop, not the same frame.
        self._spans_later = QTimer(self)
        self._spans_later.setSingleShot(True)
        self._spans_later.setInterval(0)
        self._spans_later.timeout.connect(self._fill_event_spans)
        self._build_widgets()
        self._build_actions()
        self._build_view_actions()
        self._build_event_actions()
        self._build_filter_views()
        self._build_source_actions()
        self._build_status_bar()
        self._restore_settings()
        self.set_document_title("Untitled", False)
        self._sync_views()

    # the session's state, under the names the window's parts use --------------------

    load_errors = SessionField[list[str]]("load_errors")
    _timeline = SessionField[Timeline]("timeline")
    _shown = SessionField[Timeline]("shown")
    _filter = SessionField["EventFilter | None"]("event_filter")
    _store = SessionField[EventStore]("store")
    _full_store = SessionField["EventStore | None"]("full_store")
    _chronology = SessionField[Chronology]("chronology")
    _selected = SessionField[str]("selected")
    _extra = SessionField[list[str]]("extra")
    _anchor = SessionField[str]("anchor")
    _paths = SessionField[list[str]]("paths")

    # construction -------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self._canvas = TimelineCanvas(self)
        self._overview = OverviewStrip(self)
        self._navigator = EventNavigator(self)
        self._detail = EventDetail(self)
        self._document_view = DocumentView(self)
        self._event_list = EventList(self)
        self._banner = ReferenceBanner(self)
        self._banner.set_date_requested.connect(self._set_reference_date)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(2)
        top_layout.addWidget(self._banner, 0)
        top_layout.addWidget(self._canvas, 1)
        top_layout.addWidget(self._overview, 0)
        top_layout.addWidget(self._navigator, 0)
        self._bottom = QSplitter(Qt.Orientation.Horizontal, self)
        self._bottom.setObjectName("bottomSplitter")
        self._bottom.addWidget(self._event_list)
        self._bottom.addWidget(self._detail)
        self._bottom.addWidget(self._document_view)
        self._bottom.setSizes([540, 330, 410])  # the list wide enough for its Sources and Confidence columns
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
        self._canvas.selection_range_requested.connect(self.select_range)
        self._canvas.viewport_did_change.connect(self._overview.set_window)
        self._overview.center_requested.connect(self._center_on)
        self._navigator.previous_requested.connect(self.select_previous)
        self._navigator.next_requested.connect(self.select_next)
        self._event_list.events_picked.connect(self._list_picked)
        self._event_list.match_requested.connect(self.show_on_timeline)
        self._document_view.timex_clicked.connect(self._timex_clicked)
        self.setTabOrder(self._canvas, self._navigator.prev_button)
        self.setTabOrder(self._navigator.prev_button, self._navigator.next_button)
        self.setTabOrder(self._navigator.next_button, self._event_list.search)
        self.setTabOrder(self._event_list.search, self._event_list.table)
        self.setTabOrder(self._event_list.table, self._detail)
        self.setTabOrder(self._detail, self._document_view)

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
        self._content_changed()
        self._show_full(tl, EventStore.from_timeline(tl), False)
        self.events_did_change.emit()

    def refresh(self) -> None:
        """Re-read the current timeline after an in-place edit."""
        self._content_changed()
        self._show_full(self._timeline, EventStore.from_timeline(self._timeline), True)
        self.events_did_change.emit()

    def refresh_events(self, event_ids: Iterable[str]) -> None:
        """Re-read only these events after they were edited in place (fields, marks or dates).

        Falls back to :meth:`refresh` when an event joins or leaves the view (filter, date).
        """
        ids = list(dict.fromkeys(event_ids))
        if not ids:
            return
        shown = self._shown
        filtered = self._filter is not None or bool(self._hidden_docs) or self._row_filters_active()
        if filtered and self._filter_membership_changed(ids):
            self.refresh()
            return
        store = self._store.refreshed(shown, ids)
        if store is None:
            self.refresh()
            return
        # Unfiltered, the shown store is the whole one; filtered, the whole one is now stale.
        self._full_store = store if not filtered else None
        moved = store is not self._store
        if not moved:
            self._canvas.forget_labels(ids)
        else:
            self._store = store
            self._chronology = Chronology(shown, store)
            self._canvas.set_store(store, keep_view=True)
            self._overview.set_store(store)
            self._overview.set_window(self._canvas.viewport_range())
            self._event_list.set_reading_order(self._chronology.reading_rows())
            self._update_bands()
        self._overview.update()
        self._event_list.refresh_rows([self._chronology.row_of(i) for i in ids])
        self._update_status()
        self._sync_views()
        self.events_did_change.emit()

    def _filter_membership_changed(self, ids: list[str]) -> bool:
        wanted = set(ids)
        for event in self._timeline.events:
            if event.id in wanted and self._passes(event) != (self._chronology.index_of(event.id) >= 0):
                return True
        return False

    def _passes(self, event: Event) -> bool:
        """Shown: accepted by the event filter and the row filters, and from a document not hidden."""
        shown = self._document_shown(event) and self._row_filter_passes(event)
        return shown and (self._filter is None or bool(self._filter(event)))

    def _refilter(self) -> None:
        self.set_event_filter(self._filter)

    def set_event_filter(self, predicate: EventFilter | None) -> None:
        """Show only the events ``predicate`` accepts (None: all); the view and selection stay."""
        self._filter = predicate
        full = self._full_store
        if full is None or full.events is not self._timeline.events:
            full = EventStore.from_timeline(self._timeline)
        # A part of the events needs no wider date column than the whole: skip measuring it.
        self._show_full(self._timeline, full, True, fit_columns=False)
        self.events_did_change.emit()

    def event_filter(self) -> EventFilter | None:
        return self._filter

    def shown_timeline(self) -> Timeline:
        """The events on screen: the timeline, or its part that passes the event filter."""
        return self._shown

    def _show_full(self, tl: Timeline, full: EventStore, keep_view: bool, fit_columns: bool = True) -> None:
        """Show ``tl``, whose whole store is ``full``, through the event filter.

        The filtered store is a mask over the whole one's arrays (kept for switching the
        filter off again), so toggling the filter never rebuilds from the event objects.
        """
        self._full_store = full
        mask = self._document_mask(tl, full)
        rows = self._row_mask(tl)  # confidence, actors and places
        if rows is not None:
            mask = rows if mask is None else mask & rows
        if self._filter is not None:
            keep = self._filter
            accepted = np.fromiter((bool(keep(e)) for e in tl.events), dtype=bool, count=len(tl.events))
            mask = accepted if mask is None else mask & accepted
        if mask is None:
            self._apply(tl, full, keep_view, tl, fit_columns)
        else:
            shown = Timeline(
                documents=tl.documents, events=list(compress(tl.events, mask.tolist())), entities=tl.entities
            )
            self._apply(tl, full.subset(mask, shown.events), keep_view, shown, fit_columns, np.flatnonzero(mask))
        self._update_legend(full)

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

    def reference_banner(self) -> ReferenceBanner:
        return self._banner

    def _set_reference_date(self, doc_id: str) -> None:
        if self.reference_date_setter is not None:
            self.reference_date_setter(doc_id)
        else:
            self.statusBar().showMessage("Setting an article's date needs the editing tools", 5000)

    # views --------------------------------------------------------------------------

    def _apply(
        self,
        tl: Timeline,
        store: EventStore,
        keep_view: bool,
        shown: Timeline | None = None,
        fit_columns: bool = True,
        rows: np.ndarray | None = None,
    ) -> None:
        """Show ``shown`` (``tl`` filtered; ``tl`` itself by default) with ``store`` built from it;
        ``rows`` are the shown events' rows in ``tl.events`` when filtered."""
        self._timeline = tl
        self._shown = tl if shown is None else shown
        self._store = store
        self._spans_of = None
        self._chronology = Chronology(self._shown, store)
        self._canvas.set_store(store, keep_view=keep_view)
        self._overview.set_store(store)
        self._overview.set_window(self._canvas.viewport_range())
        style = self._canvas.timeline_style()
        colors = {d.id: style.ink(i).color for i, d in enumerate(tl.documents)} if len(tl.documents) > 1 else {}
        part_of = (tl.events, rows) if rows is not None and self._shown is not tl else None
        self._event_list.set_timeline(self._shown, colors, fit_columns, self._chronology.reading_rows(), part_of)
        self._update_bands()
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
        self._banner.set_documents(tl.documents, self._banner.target())
        if changed:
            self.selection_did_change.emit(selected)

    def _sync_views(self) -> None:
        chronology = self._chronology
        event = chronology.event(self._selected) if self._selected else None
        document = self._document_of(event)
        if document is not None:
            self._banner.set_preferred(document.id)
        documents = {d.id: d for d in self._timeline.documents} if event is not None and len(event.mentions) > 1 else {}
        self._detail.show_event(event, document, documents, self.shown_source())
        # Screen readers cannot see painted marks: describe the selection on the canvas itself.
        self._canvas.setAccessibleDescription(
            f"Selected: {event.title}, {event.date.describe()}" if event else "No event selected"
        )
        if document is None and self._timeline.documents:
            document = self._document_view.current_document() or self._timeline.documents[0]
        self._document_view.show_event(*self._article_view(event, document))
        shown = self._document_view.current_document()
        if shown is not self._spans_of:
            self._spans_of = shown
            if columns_of(self._timeline.events) is None:
                self._fill_event_spans()
            else:
                self._spans_later.start()
        index = chronology.index_of(self._selected) if self._selected else -1
        if index >= 0:
            prev_event, next_event = chronology.event_at(index - 1), chronology.event_at(index + 1)
        else:
            prev_event, next_event = None, chronology.event_at(0)
        self._navigator.set_state(prev_event, index, len(chronology), next_event)

    def _fill_event_spans(self) -> None:
        shown = self._spans_of
        if shown is self._document_view.current_document():
            self._document_view.set_event_spans(self._document_event_spans(shown))

    def _document_of(self, event: Event | None) -> Document | None:
        if event is None:
            return None
        return self._timeline.document(event.document)

    def _update_status(self) -> None:
        summary, lines = status_summary(self._shown, self._chronology.undated_count, format_count)
        if self._shown is not self._timeline:
            shown, total = format_count(len(self._shown.events)), format_count(len(self._timeline.events))
            notes = "".join(f"; {note}" for note in self._filter_notes())
            summary = f"{summary} (filtered: {shown} of {total} events shown{notes})"
        too_big = edit_refusal(self._timeline.events)
        if too_big is not None:
            summary, lines = f"{summary} · view only", [*lines, too_big]
        text = f"{summary}   |   {'; '.join(lines)}" if lines else summary
        metrics = self._status_label.fontMetrics()
        self._status_label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(self.width() - 280, 200)))
        self._status_label.setToolTip("\n".join([summary, *lines]))
        self._status_label.setAccessibleName(summary)

    def focus_search(self) -> None:
        self._event_list.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._event_list.search.selectAll()

    def _restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.window_state()
        if state is None or not self.restoreState(state):
            self._tabify_filter_docks()
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
        self.session.close()
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
