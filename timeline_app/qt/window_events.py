"""What can be done to an event from where it is shown: right-click menus, show its source,
copy it as text, and selecting it by clicking its sentence in the article.

The editing layer adds its own entries (edit, delete, merge) with :meth:`add_event_actions`;
they act on the selection, which a right-click first moves to the event under the pointer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
from PySide6.QtCore import QPoint, Qt, SignalInstance
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMenu, QTableView

from timeline_app.app.big_timelines import columns_of
from timeline_app.app.chronology import Chronology
from timeline_app.core.arrays import first_rows_equal
from timeline_app.core.model import Document, Event, Timeline
from timeline_app.core.provenance import confidence_text, edtf_words, slip_chain, source_accounts
from timeline_app.qt.canvas import TimelineCanvas
from timeline_app.qt.document_view import DocumentView, sentence_span
from timeline_app.qt.event_list import ID_ROLE, EventList


def event_as_text(event: Event, document: Document | None, documents: Mapping[str, Document] | None = None) -> str:
    """An event as a reader would quote it: date, title, the sentence, its sources, why that date.

    ``documents`` (by id) names every source of an event several articles tell, with the date each gives.
    """
    lines = [f"{event.date.describe()} — {event.title}"]
    if event.sentence:
        lines.append(f"“{event.sentence.strip()}”")
    if documents and len(event.sources) > 1:
        lines.append(f"Sources ({len(event.sources)}):")
        for account in source_accounts(event, documents):
            doc = documents.get(account.document)
            name = (doc.title or doc.path) if doc is not None else account.document
            written = f", written {doc.reference_date:%d %b %Y}" if doc is not None and doc.reference_date else ""
            gives = f" — gives {edtf_words(account.date)}" if account.date else ""
            lines.append(f"  • {name}{written}{gives}")
        if event.conflict:
            lines.append("The sources disagree on the date; shown: the best-supported one.")
    elif document is not None:
        source = document.title or document.path
        written = f", written {document.reference_date:%d %b %Y}" if document.reference_date else ""
        lines.append(f"Source: {source}{written}")
    if event.slips:
        lines.append(f"Expected before: {slip_chain(event)}")
    if event.date_basis:
        lines.append(f"Why this date: {event.date_basis}")
    lines.append(f"Confidence: {confidence_text(event.confidence)}")
    if event.notes:
        lines.append(f"Notes: {event.notes}")
    return "\n".join(lines)


# In a big timeline held as columns, clicks in an article find at most this many of its events.
MAX_DOCUMENT_SPANS = 100


class WindowEvents(QMainWindow):
    """Context menus and per-event commands; the window builds the views they act on."""

    selection_did_change: SignalInstance
    _canvas: TimelineCanvas
    _event_list: EventList
    _document_view: DocumentView
    _chronology: Chronology
    _timeline: Timeline
    select_event: Callable[[str], None]
    selected_event_ids: Callable[[], list[str]]
    set_selected_events: Callable[..., None]
    _zoom_to_selected: Callable[[], None]
    event_at_text_offset: Callable[[int], str]

    def _build_event_actions(self) -> None:
        self._event_actions: list[QAction | None] = []
        self._canvas.context_menu_requested.connect(self._canvas_menu)
        table = self._event_list.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._list_menu)
        self._document_view.sentence_clicked.connect(self._sentence_clicked)

    def add_event_actions(self, actions: Sequence[QAction | None]) -> None:
        """Entries for the right-click menu of events (None: a separator); they act on the selection."""
        if self._event_actions:
            self._event_actions.append(None)
        self._event_actions.extend(actions)

    def event_menu(self, event_id: str) -> QMenu:
        """The right-click menu for ``event_id`` (selected first if it was not)."""
        if event_id and event_id not in self.selected_event_ids():
            self.select_event(event_id)
        menu = QMenu(self)
        menu.setObjectName("eventMenu")
        chosen = self.selected_event_ids()
        enabled = bool(chosen)
        source = menu.addAction("Show &Source", lambda: self.show_source(chosen[0] if chosen else ""))
        source.setObjectName("showSource")
        source.setEnabled(enabled)
        copy = menu.addAction("&Copy as Text", lambda: self.copy_events_as_text(chosen))
        copy.setObjectName("copyAsText")
        copy.setEnabled(enabled)
        zoom = menu.addAction("&Zoom to Event", self._zoom_to_selected)
        zoom.setEnabled(enabled)
        if self._event_actions:
            menu.addSeparator()
        for action in self._event_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    def _canvas_menu(self, event_id: str, where: QPoint) -> None:
        if not event_id:
            return
        self.event_menu(event_id).popup(where)

    def _list_menu(self, where: QPoint) -> None:
        table: QTableView = self._event_list.table
        index = table.indexAt(where)
        if not index.isValid():
            return
        event_id = str(index.data(ID_ROLE))
        self.event_menu(event_id).popup(table.viewport().mapToGlobal(where))

    def show_source(self, event_id: str) -> None:
        """Select the event and put its sentence in front of the reader, in the article pane."""
        if not event_id:
            return
        if event_id not in self.selected_event_ids():
            self.select_event(event_id)
        view = self._document_view
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        span = view.highlighted_span()
        if span is not None:
            view.show_span(span)

    def copy_events_as_text(self, event_ids: Sequence[str]) -> str:
        """Put the events on the clipboard, in reading order; returns the text."""
        order = {event_id: self._chronology.index_of(event_id) for event_id in event_ids}
        parts = []
        for event_id in sorted(order, key=lambda i: order[i]):
            event = self._chronology.event(event_id)
            if event is not None:
                documents = {d.id: d for d in self._timeline.documents} if len(event.mentions) > 1 else None
                parts.append(event_as_text(event, self._timeline.document(event.document), documents))
        text = "\n\n".join(parts)
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    def _sentence_clicked(self, offset: int) -> None:
        event_id = self.event_at_text_offset(offset)
        if event_id:
            self.select_event(event_id)

    def _events_of_document(self, document: Document) -> Sequence[Event]:
        """The events that may have been read from ``document``: all of them, except in a big
        timeline held as columns, where only those it is the first source of (up to a limit)."""
        events = self._timeline.events
        columns = columns_of(events)
        if columns is None:
            return events
        index = next((i for i, d in enumerate(columns.documents) if d.id == document.id), -1)
        rows = first_rows_equal(np.asarray(columns.doc), index, MAX_DOCUMENT_SPANS)
        return [events[int(columns.source[r])] for r in rows.tolist()]

    def _document_event_spans(self, document: Document | None) -> list[tuple[int, int]]:
        """Where each event of ``document`` was read from, for the article pane's clicks."""
        if document is None or not document.text:
            return []
        spans = []
        for event in self._events_of_document(document):
            if any(m.document == document.id for m in event.mentions):
                span = sentence_span(document.text, event, document.id)
                if span is not None:
                    spans.append(span)
        return spans
