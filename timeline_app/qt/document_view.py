"""The article text, with the selected event's sentence highlighted and its date
expressions marked; clicking a date expression, or anywhere in a sentence an event was read
from, selects that event."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from timeline_app.core.model import Document, Event, Timeline, Timex
from timeline_app.qt.text_offsets import OffsetMap


def sentence_span(text: str, event: Event, doc_id: str) -> tuple[int, int] | None:
    """Code-point span of the event's sentence in ``text`` (falls back to its mention)."""
    mention = next((m for m in event.mentions if m.document == doc_id), None)
    if event.sentence:
        near = mention.start if mention else 0
        # The occurrence nearest the mention, in case the sentence repeats.
        best = -1
        start = text.find(event.sentence)
        while start >= 0:
            if best < 0 or abs(start - near) < abs(best - near):
                best = start
            start = text.find(event.sentence, start + 1)
        if best >= 0:
            return best, best + len(event.sentence)
    if mention is not None and 0 <= mention.start < mention.end <= len(text):
        return mention.start, mention.end
    return None


def event_at_offset(events: Timeline | Iterable[Event], document: Document, offset: int) -> str:
    """Id of the event (of a timeline, or among ``events``) whose sentence or mention in ``document``
    contains ``offset``.

    When several do, the one with a mention nearest the offset wins; "" if none.
    """
    best, best_distance = "", -1
    for event in events.events if isinstance(events, Timeline) else events:
        mentions = [m for m in event.mentions if m.document == document.id]
        if not mentions:
            continue
        span = sentence_span(document.text, event, document.id)
        inside = span is not None and span[0] <= offset < span[1]
        inside = inside or any(m.start <= offset < m.end for m in mentions)
        if not inside:
            continue
        distance = min(abs(m.start - offset) for m in mentions)
        if best_distance < 0 or distance < best_distance:
            best, best_distance = event.id, distance
    return best


class DocumentView(QTextEdit):
    timex_clicked = Signal(int)  # code-point offset of a clicked date expression
    sentence_clicked = Signal(int)  # code-point offset of a click inside an event's sentence

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentView")
        self.setAccessibleName("Article text")
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setMouseTracking(True)
        self._document: Document | None = None
        self._offsets = OffsetMap("")
        self._timexes: list[Timex] = []
        self._highlight: tuple[int, int] | None = None
        self._event_spans: list[tuple[int, int]] = []  # sentences events were read from, sorted

    def current_document(self) -> Document | None:
        return self._document

    def highlighted_span(self) -> tuple[int, int] | None:
        """The highlighted sentence as code-point offsets."""
        return self._highlight

    def set_document(self, document: Document | None) -> None:
        if document is self._document:
            return
        self._document = document
        self._highlight = None
        text = document.text if document else ""
        self._offsets = OffsetMap(text)
        self._timexes = sorted(document.timexes, key=lambda t: t.start) if document else []
        self.setPlainText(text)
        self._apply_selections()

    def show_event(self, event: Event | None, document: Document | None) -> None:
        self.set_document(document)
        if event is None or document is None:
            self._highlight = None
            self._apply_selections()
            return
        self._highlight = sentence_span(document.text, event, document.id)
        self._apply_selections()
        if self._highlight:
            self.show_span(self._highlight)

    def show_span(self, span: tuple[int, int]) -> None:
        """Scroll a span (code points) into view, a third of the way down with its context above."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_utf16(span[0]))
        self.setTextCursor(cursor)
        bar = self.verticalScrollBar()
        top = self.cursorRect(cursor).top() + bar.value()
        bar.setValue(max(int(top - self.viewport().height() / 3), 0))

    def refresh_highlight(self) -> None:
        """Re-apply highlight colours (after a palette change)."""
        self._apply_selections()

    def _apply_selections(self) -> None:
        pal = self.palette()
        selections: list[QTextEdit.ExtraSelection] = []
        if self._highlight:
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            color = QColor(pal.color(QPalette.ColorRole.Highlight))
            color.setAlphaF(0.28)
            fmt.setBackground(color)
            sel.format = fmt
            sel.cursor = self._cursor(*self._highlight)
            selections.append(sel)
        link = readable_link(pal)
        for timex in self._timexes:
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setForeground(link)
            fmt.setFontUnderline(True)
            fmt.setToolTip(f"{timex.value} — {timex.basis}" if timex.basis else timex.value)
            sel.format = fmt
            sel.cursor = self._cursor(timex.start, timex.end)
            selections.append(sel)
        self.setExtraSelections(selections)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_utf16(start))
        cursor.setPosition(self._offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def set_event_spans(self, spans: list[tuple[int, int]]) -> None:
        """Where events were read from in the shown document (code points): those sentences are clickable."""
        self._event_spans = sorted(spans)

    def in_event_sentence(self, offset: int) -> bool:
        k = bisect.bisect_right(self._event_spans, (offset, 1 << 62))
        return any(start <= offset < end for start, end in self._event_spans[max(k - 8, 0) : k])

    def timex_at_offset(self, offset: int) -> Timex | None:
        return next((t for t in self._timexes if t.start <= offset < t.end), None)

    def _offset_under(self, event: QMouseEvent) -> int:
        cursor = self.cursorForPosition(event.position().toPoint())
        return self._offsets.to_python(cursor.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not event.buttons():
            offset = self._offset_under(event)
            over = self.timex_at_offset(offset) is not None or self.in_event_sentence(offset)
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            offset = self._offset_under(event)
            timex = self.timex_at_offset(offset)
            if timex is not None:
                self.timex_clicked.emit(timex.start)
            elif self.in_event_sentence(offset):
                self.sentence_clicked.emit(offset)


def readable_link(palette: QPalette) -> QColor:
    """The palette's link colour, lightened where a dark theme leaves it dark blue on black."""
    link = QColor(palette.color(QPalette.ColorRole.Link))
    base = palette.color(QPalette.ColorRole.Base)
    if base.lightnessF() < 0.5 and link.lightnessF() < 0.6:
        link = QColor.fromHslF(link.hslHueF(), min(link.hslSaturationF(), 0.9), 0.72)
    return link
