"""Previous/Next buttons naming the neighbouring events, and the position ("3 of 9")."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from timeline_app.core.model import Event
from timeline_app.qt.numbers import format_count

_BUTTON_TEXT_PX = 320


class EventNavigator(QWidget):
    previous_requested = Signal()
    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventNavigator")
        self.prev_button = QPushButton("◀  Previous", self)
        self.prev_button.setObjectName("prevEventButton")
        self.prev_button.setAccessibleName("Previous event")
        self.next_button = QPushButton("Next  ▶", self)
        self.next_button.setObjectName("nextEventButton")
        self.next_button.setAccessibleName("Next event")
        self.position_label = QLabel("", self)
        self.position_label.setObjectName("eventPosition")
        self.position_label.setAccessibleName("Position in the chronology")
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.position_label.setMinimumWidth(90)
        two_lines = QFontMetrics(self.font()).lineSpacing() * 2 + 14
        for button in (self.prev_button, self.next_button):
            # Sized by the window, not by the neighbour's title: captions are elided to fit, so
            # a long title never makes the window wider than the screen allows (800 px and up).
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(120)
            button.setMinimumHeight(two_lines)  # the neighbour's title and its date
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.prev_button, 1)
        layout.addWidget(self.position_label, 0)
        layout.addWidget(self.next_button, 1)
        self.prev_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self._state: tuple[Event | None, int, int, Event | None] = (None, -1, 0, None)
        self.set_state(None, -1, 0, None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.set_state(*self._state)

    def set_state(self, previous: Event | None, index: int, total: int, following: Event | None) -> None:
        """Show the neighbours of the event at ``index`` (0-based; -1 when none is selected)."""
        self._state = (previous, index, total, following)
        self.prev_button.setText(self._caption("◀  ", previous, "", "Previous"))
        self.next_button.setText(self._caption("", following, "  ▶", "Next"))
        self.prev_button.setEnabled(previous is not None)
        self.next_button.setEnabled(following is not None)
        self.prev_button.setToolTip(self._tooltip(previous, "Previous event (←)"))
        self.next_button.setToolTip(self._tooltip(following, "Next event (→)"))
        if total == 0:
            self.position_label.setText("no events")
        elif index < 0:
            self.position_label.setText(f"– of {format_count(total)}")
        else:
            self.position_label.setText(f"{format_count(index + 1)} of {format_count(total)}")

    def _caption(self, prefix: str, event: Event | None, suffix: str, fallback: str) -> str:
        if event is None:
            return f"{prefix}{fallback}{suffix}"
        fm = QFontMetrics(self.font())
        room = min(_BUTTON_TEXT_PX, max(self.prev_button.width() - 40, 60))
        title = fm.elidedText(event.title or "(untitled)", Qt.TextElideMode.ElideRight, room)
        when = fm.elidedText(event.date.describe(), Qt.TextElideMode.ElideRight, room)
        return f"{prefix}{title}{suffix}\n{when}"

    @staticmethod
    def _tooltip(event: Event | None, action: str) -> str:
        return f"{action}\n{event.date.describe()}\n{event.title}" if event else action
