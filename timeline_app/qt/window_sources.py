"""The sources of the selected event: which article the article pane shows for it, stepping
through them (Go ▸ Next Source), and the article of an earlier expectation in its slip chain.

A source is chosen for one event: selecting another event shows that event's first source
again. The article pane highlights the event's sentence there as it does for any event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from timeline_app.core.model import Document, Event, Status, Timeline
from timeline_app.core.provenance import day_words
from timeline_app.qt.window_actions import make_action

if TYPE_CHECKING:
    from timeline_app.app.chronology import Chronology
    from timeline_app.qt.detail import EventDetail


class WindowSources(QMainWindow):
    _timeline: Timeline
    _chronology: Chronology
    _selected: str
    _detail: EventDetail
    _menus: dict[str, QMenu]
    _sync_views: Callable[[], None]

    def _build_source_actions(self) -> None:
        # (the event it was chosen for, the document shown, the event whose sentence is highlighted)
        self._source_view = ("", "", "")
        self._detail.source_requested.connect(self.show_event_source)
        self._detail.slip_requested.connect(self.show_slip_source)
        go = self._menus["go"]
        go.addSeparator()
        self.act_next_source = make_action(
            self, "Next &Source", lambda: self.step_source(+1), [QKeySequence("Alt+Down")]
        )
        self.act_next_source.setStatusTip("Show the next article that tells the selected event")
        self.act_previous_source = make_action(
            self, "Previous Sou&rce", lambda: self.step_source(-1), [QKeySequence("Alt+Up")]
        )
        self.act_previous_source.setStatusTip("Show the previous article that tells the selected event")
        go.addAction(self.act_next_source)
        go.addAction(self.act_previous_source)

    def event_by_id(self, event_id: str) -> Event | None:
        """A shown event by id, without a pass over the timeline."""
        return self._chronology.event(event_id) if event_id else None

    def shown_source(self) -> str:
        """The document the article pane shows for the selected event ("" when none is selected)."""
        event = self.event_by_id(self._selected)
        if event is None:
            return ""
        chosen_for, doc_id, _highlight = self._source_view
        return doc_id if chosen_for == event.id and doc_id else event.document

    def show_event_source(self, doc_id: str) -> None:
        """Show this source of the selected event in the article pane, its sentence highlighted."""
        event = self.event_by_id(self._selected)
        if event is None or doc_id not in event.sources:
            return
        self._source_view = (event.id, doc_id, event.id)
        self._sync_views()
        sources = event.sources
        document = self._timeline.document(doc_id)
        name = (document.title or document.path) if document is not None else doc_id
        self.statusBar().showMessage(f"Source {sources.index(doc_id) + 1} of {len(sources)}: {name}", 4000)

    def step_source(self, step: int) -> None:
        """Go ▸ Next (Previous) Source: the next article telling the selected event."""
        event = self.event_by_id(self._selected)
        if event is None:
            return
        sources = event.sources
        if len(sources) < 2:
            self.statusBar().showMessage("The selected event is told by one article only", 4000)
            return
        here = sources.index(self.shown_source()) if self.shown_source() in sources else 0
        self.show_event_source(sources[(here + step) % len(sources)])

    def show_slip_source(self, k: int) -> None:
        """Show the article of the selected event's k-th earlier expectation, with that expectation's sentence."""
        event = self.event_by_id(self._selected)
        if event is None or not 0 <= k < len(event.slips):
            return
        doc_id, expected, told = event.slips[k]
        if self._timeline.document(doc_id) is None:
            self.statusBar().showMessage("That article is not in this timeline", 4000)
            return
        earlier = _expectation(self._timeline, doc_id, expected)
        self._source_view = (event.id, doc_id, earlier.id if earlier is not None else "")
        self._sync_views()
        when = day_words(told) if told else "an undated article"
        found = "" if earlier is not None else " (its sentence is not an event of its own here)"
        self.statusBar().showMessage(f"The article of {when}, which expected {expected}{found}", 5000)

    def _article_view(self, event: Event | None, document: Document | None) -> tuple[Event | None, Document | None]:
        """What the article pane shows for the selected ``event``: its first source unless another was chosen."""
        chosen_for, doc_id, highlight = self._source_view
        if event is None or chosen_for != event.id:
            return event, document
        chosen = self._timeline.document(doc_id)
        if chosen is None:
            return event, document
        if highlight == event.id:
            return event, chosen
        earlier = next((e for e in self._timeline.events if e.id == highlight), None) if highlight else None
        return earlier, chosen


def _expectation(timeline: Timeline, doc_id: str, expected: str) -> Event | None:
    """The event of ``doc_id`` that told the expectation ``expected`` (an expected one first)."""
    found = [e for e in timeline.events if e.date.edtf == expected and any(m.document == doc_id for m in e.mentions)]
    return next((e for e in found if e.status is Status.EXPECTED), found[0] if found else None)
