"""The Edit Event / Add Event dialog: title, date with precision, status, notes, group, colour."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from timeline_app.core.edits import EditError, check_date
from timeline_app.core.model import Event, FuzzyDate, Status
from timeline_app.qt.editing.date_editor import DateEditor

STATUS_LABELS: dict[Status, str] = {
    Status.OCCURRED: "Occurred",
    Status.ONGOING: "Ongoing",
    Status.EXPECTED: "Expected",
    Status.REPORTED: "Reported",
}


class EventDialog(QDialog):
    """Fields of one event; :meth:`changes` gives only what the person actually changed."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        event: Event | None = None,
        default_date: FuzzyDate | None = None,
        groups: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self._event = event
        self.title = QLineEdit()
        self.title.setPlaceholderText("What happened")
        self.date = DateEditor()
        self.status = QComboBox()
        for status, label in STATUS_LABELS.items():
            self.status.addItem(label, status)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(80)
        self.group = QComboBox()
        self.group.setEditable(True)
        self.group.addItems(["", *(groups or [])])
        self.color = QLineEdit()
        self.color.setPlaceholderText("#rrggbb (empty: the document's colour)")
        self.color.setMaxLength(7)
        pick = QPushButton("Choose…")
        pick.clicked.connect(self._pick_color)
        color_row = QHBoxLayout()
        color_row.addWidget(self.color, 1)
        color_row.addWidget(pick)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        self.context = QLabel()
        self.context.setObjectName("eventContext")
        self.context.setWordWrap(True)
        self.context.setTextFormat(Qt.TextFormat.PlainText)
        if event is not None and (event.sentence or event.date_basis):
            # What the text says, so the person can judge the extracted title and date.
            lines = [f"“{event.sentence.strip()}”"] if event.sentence.strip() else []
            if event.date_basis:
                lines.append(f"Date found: {event.date.describe()} — {event.date_basis}")
            self.context.setText("\n".join(lines))
            form.addRow(self.context)
        form.addRow("&Title", self.title)
        form.addRow("&Date", self.date)
        form.addRow("&Status", self.status)
        form.addRow("&Notes", self.notes)
        form.addRow("&Group / track", self.group)
        color_label = QLabel("&Colour")
        color_label.setBuddy(self.color)  # a row holding a layout gets no buddy by itself
        form.addRow(color_label, color_row)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        if event is not None:
            self.title.setText(event.title)
            self.date.set_date(event.date)
            self.status.setCurrentIndex(self.status.findData(event.status))
            self.notes.setPlainText(event.notes)
            self.group.setCurrentText(event.group)
            self.color.setText(event.color)
        elif default_date is not None:
            self.date.set_date(default_date)
        self.date.date_did_change.connect(lambda: self.problem.clear())
        self.resize(460, self.sizeHint().height())
        for widget, name, spoken in (
            (self.title, "eventTitleEdit", "Event title"),
            (self.date.precision, "datePrecision", "Date precision"),
            (self.date.start, "dateStart", "First day"),
            (self.date.end, "dateEnd", "Last day"),
            (self.status, "eventStatus", "Status"),
            (self.notes, "eventNotes", "Notes"),
            (self.group, "eventGroup", "Group or track"),
            (self.color, "eventColour", "Colour"),
        ):
            widget.setObjectName(name)
            widget.setAccessibleName(spoken)
        self.setObjectName("eventDialog")
        self._initial = self._typed()
        # Cancel, Escape and closing ask before throwing away what was typed.
        self.confirm_discard: Callable[[], bool] = self._ask_discard

    def _typed(self) -> tuple[object, ...]:
        return (
            self.title.text(),
            self.date.preview.text(),
            self.status.currentIndex(),
            self.notes.toPlainText(),
            self.group.currentText(),
            self.color.text(),
        )

    def has_typed_changes(self) -> bool:
        return self._typed() != self._initial

    def _ask_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            "Discard changes?",
            "Discard what you typed in this event?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self.has_typed_changes() and not self.confirm_discard():
            return
        super().reject()

    def _pick_color(self) -> None:
        start = QColor(self.color.text()) if QColor.isValidColorName(self.color.text()) else QColor("#0072b2")
        chosen = QColorDialog.getColor(start, self, "Event colour")
        if chosen.isValid():
            self.color.setText(chosen.name())

    def values(self) -> dict[str, object]:
        """All fields; raises EditError for a missing title, a bad colour or an impossible date."""
        title = self.title.text().strip()
        if not title:
            raise EditError("an event needs a title")
        fd = self.date.value()
        check_date(fd)
        color = self.color.text().strip()
        if color and not (len(color) == 7 and QColor.isValidColorName(color) and color.startswith("#")):
            raise EditError(f"colour must look like #rrggbb, not {color!r}")
        status = self.status.currentData()
        return {
            "title": title,
            "date": fd,
            "status": status if isinstance(status, Status) else Status(status),
            "notes": self.notes.toPlainText(),
            "group": self.group.currentText().strip(),
            "color": color,
        }

    def changes(self) -> dict[str, object]:
        values = self.values()
        if self._event is None:
            return values
        return {k: v for k, v in values.items() if getattr(self._event, k) != v}

    def accept(self) -> None:
        try:
            self.values()
        except EditError as exc:
            self.problem.setText(str(exc))
            self.title.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()
