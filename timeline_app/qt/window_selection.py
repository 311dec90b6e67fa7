"""The main window's selection and navigation: one current event, others selected with it,
stepping through the chronology, go to date, and the saved view state."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox

from timeline_app.app.chronology import Chronology
from timeline_app.app.date_input import parse_user_span
from timeline_app.app.session import Session
from timeline_app.core.model import Document, Event, Timeline
from timeline_app.core.store import EventStore
from timeline_app.core.viewport import Viewport
from timeline_app.qt.canvas import TimelineCanvas
from timeline_app.qt.document_view import DocumentView, event_at_offset
from timeline_app.qt.event_list import EventList


class WindowSelection(QMainWindow):
    """Keeps the canvas, list and panes on one selection; the window builds the views."""

    selection_did_change: SignalInstance
    session: Session
    _canvas: TimelineCanvas
    _event_list: EventList
    _document_view: DocumentView
    _chronology: Chronology
    _store: EventStore
    _timeline: Timeline
    _selected: str
    _extra: list[str]
    _anchor: str  # where a Shift-click range starts
    _sync_views: Callable[[], None]
    _events_of_document: Callable[[Document], Sequence[Event]]
    _filter_state: Callable[[], dict[str, Any]]
    _apply_filter_state: Callable[[dict[str, Any]], None]

    def selected_event_ids(self) -> list[str]:
        """The current event first, then the others selected with Ctrl or Shift."""
        return self.session.selected_ids()

    def select_event(self, event_id: str) -> None:
        """Select this one event (or none, with "")."""
        if event_id and self._chronology.index_of(event_id) < 0:
            event_id = ""
        changed = event_id != self._selected or bool(self._extra)
        self._selected = event_id
        self._anchor = event_id
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
        """Ctrl-click: add an event to the selection, or take it out if it was in."""
        current = self.selected_event_ids()
        if event_id in current:
            current.remove(event_id)
            self.set_selected_events(current)
        else:
            self.set_selected_events([event_id, *current])
        # A later Shift-click ranges from the event clicked last.
        self._anchor = self._selected

    def select_range(self, event_id: str) -> None:
        """Shift-click: select every event in reading order from the anchor to ``event_id``.

        The anchor is the event last selected alone or Ctrl-clicked, so that successive
        Shift-clicks move the far end of one range; ``event_id`` becomes the current event.
        """
        chronology = self._chronology
        end = chronology.index_of(event_id)
        anchor = self._anchor if self._anchor and chronology.index_of(self._anchor) >= 0 else self._selected
        start = chronology.index_of(anchor) if anchor else -1
        if end < 0 or start < 0:
            self.select_event(event_id)
            return
        lo, hi = min(start, end), max(start, end)
        others = [chronology.id_at(i) for i in range(lo, hi + 1) if i != end]
        self.set_selected_events([event_id, *others])
        self._anchor = anchor

    def show_on_timeline(self, event_id: str) -> None:
        """Select an event and make it readable on the timeline: in view, on screen, labelled."""
        self.select_event(event_id)
        if event_id and self._canvas.frame().dense:
            self._canvas.zoom_to_event(event_id)

    def _list_picked(self, event_ids: list[str]) -> None:
        if event_ids != self.selected_event_ids():
            self.set_selected_events(event_ids, sync_list=False)

    # view state ---------------------------------------------------------------------

    def view_state(self) -> dict[str, Any]:
        """Where the person is: zoom, selection, list search and row filters (saved in projects)."""
        vp = self._canvas.viewport_range()
        return {
            "viewport": [float(vp.t0), float(vp.t1)],
            "selected": self._selected,
            "selection": self.selected_event_ids(),
            "search": self._event_list.search.text(),
            **self._filter_state(),
        }

    def apply_view_state(self, state: dict[str, Any]) -> None:
        """Restore what :meth:`view_state` saved; unknown or damaged entries are skipped."""
        self._apply_filter_state(state)  # first: the selection must be among the events shown
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

    def chronological_ids(self) -> list[str]:
        """Dated events in time order, then the undated ones."""
        return self._chronology.ids()

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
        return event_at_offset(self._events_of_document(document), document, offset) if document is not None else ""

    def focus_search(self) -> None:
        self._event_list.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._event_list.search.selectAll()

    # go to date ---------------------------------------------------------------------

    def go_to_date(self, text: str) -> bool:
        """Show a typed date at a zoom where its events can be read, and select the nearest; False if unreadable.

        The view spans what the date names (a day and its neighbours, a month, a year) and
        narrows while more events begin in it than there are lanes on screen to label them.
        """
        span = parse_user_span(text)
        if span is None:
            return False
        lo, hi = span
        center = (lo + hi) / 2.0
        unit = max(hi - lo, 1.0 / 24)
        days = max(unit * 1.5, 3.0)
        budget = max(self._canvas.geometry_now().max_lanes, 4) * 2
        store = self._store
        # Never narrower than what the date names: events of one day share its place on the
        # axis whatever the zoom, and lanes (scrolled) hold them.
        while days / 2.0 >= unit:
            view = self._canvas.viewport_range().with_axis_span(center, days)
            begin = int(np.searchsorted(store.start, view.t1, side="right") - np.searchsorted(store.start, view.t0))
            if begin <= budget:
                break
            days /= 2.0
        self._canvas.zoom_to_span(days, center)
        pos = store.nearest(center)
        if pos >= 0:
            self.select_event(store.ids[pos])
            self._canvas.set_viewport(self._canvas.viewport_range().centered_on(center))
            self._canvas.reveal(store.ids[pos])
        return True

    def go_to_date_dialog(self) -> None:
        text, ok = QInputDialog.getText(self, "Go to Date", "Date (e.g. 2025-09-03, 3 Sep 2025, Oct 2024, 1945):")
        if ok and text.strip() and not self.go_to_date(text):
            QMessageBox.information(self, "Go to Date", f"Could not read “{text}” as a date.")
