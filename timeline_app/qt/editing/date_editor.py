"""An editor for an event's date at the precision the text supports.

Day, month or year; an interval (either end may be open); or "undated, between bounds"
for an event whose date the text never gives. Endpoints left untouched keep their original
precision, so confirming the dialog never invents a day that was only a month.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QGridLayout, QLabel, QWidget

from timeline_app.core.edits import EditError, build_date, date_parts
from timeline_app.core.model import FuzzyDate

PRECISION_LABELS: dict[str, str] = {
    "day": "Day",
    "month": "Month",
    "year": "Year",
    "interval": "Interval (from – to)",
    "bounded": "Undated, between bounds",
}
_FORMATS = {"day": "d MMM yyyy", "month": "MMM yyyy", "year": "yyyy"}
_MIN = QDate(1, 1, 1)
_MAX = QDate(9999, 12, 31)


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class DateEditor(QWidget):
    date_did_change = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original: FuzzyDate | None = None
        self.precision = QComboBox()
        for key, label in PRECISION_LABELS.items():
            self.precision.addItem(label, key)
        self.start = self._date_edit()
        self.end = self._date_edit()
        self.start_open = QCheckBox("Open")
        self.end_open = QCheckBox("Open")
        self.start_label = QLabel("From")
        self.end_label = QLabel("To")
        self.preview = QLabel()
        self.preview.setObjectName("datePreview")
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.precision, 0, 0, 1, 3)
        layout.addWidget(self.start_label, 1, 0)
        layout.addWidget(self.start, 1, 1)
        layout.addWidget(self.start_open, 1, 2)
        layout.addWidget(self.end_label, 2, 0)
        layout.addWidget(self.end, 2, 1)
        layout.addWidget(self.end_open, 2, 2)
        layout.addWidget(self.preview, 3, 0, 1, 3)
        self.precision.currentIndexChanged.connect(self._snap_to_unit)
        self.precision.currentIndexChanged.connect(self._update)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._update)
        for box in (self.start_open, self.end_open):
            box.toggled.connect(self._update)
        self._update()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setDateRange(_MIN, _MAX)
        edit.setCalendarPopup(True)
        edit.setDate(QDate.currentDate())
        return edit

    def set_date(self, fd: FuzzyDate) -> None:
        self._original = fd
        choice, lo, hi = date_parts(fd)
        self.precision.setCurrentIndex(self.precision.findData(choice))
        self.start_open.setChecked(lo is None)
        self.end_open.setChecked(hi is None and choice in ("interval", "bounded"))
        if lo:
            self.start.setDate(to_qdate(lo))
        if hi:
            self.end.setDate(to_qdate(hi))
        elif lo:
            self.end.setDate(to_qdate(lo))
        self._update()

    def set_precision(self, key: str) -> None:
        self.precision.setCurrentIndex(self.precision.findData(key))

    def current_precision(self) -> str:
        return str(self.precision.currentData())

    def value(self) -> FuzzyDate:
        """The date as edited; raises EditError when it makes no sense (e.g. end before start)."""
        key = self.current_precision()
        ranged = key in ("interval", "bounded")
        lo = None if ranged and self.start_open.isChecked() else from_qdate(self.start.date())
        hi = from_qdate(self.end.date()) if ranged and not self.end_open.isChecked() else None
        fd = build_date(key, lo, hi, keep=self._original)
        if self._original is not None and fd.edtf == self._original.edtf:
            return self._original
        return fd

    def _snap_to_unit(self) -> None:
        """A month or year starts on its first day, so switching on to a range starts there too."""
        key = self.current_precision()
        start = self.start.date()
        if key == "month":
            self.start.setDate(QDate(start.year(), start.month(), 1))
        elif key == "year":
            self.start.setDate(QDate(start.year(), 1, 1))

    def _update(self) -> None:
        key = self.current_precision()
        ranged = key in ("interval", "bounded")
        fmt = _FORMATS.get(key, "d MMM yyyy")
        self.start.setDisplayFormat(fmt)
        self.end.setDisplayFormat(fmt)
        self.start_label.setText(("Not before" if key == "bounded" else "From") if ranged else "On")
        self.end_label.setText("Not after" if key == "bounded" else "To")
        for widget in (self.end, self.end_label, self.end_open, self.start_open):
            widget.setVisible(ranged)
        self.start.setEnabled(not (ranged and self.start_open.isChecked()))
        self.end.setEnabled(ranged and not self.end_open.isChecked())
        try:
            self.preview.setText(self.value().describe())
        except EditError as exc:
            self.preview.setText(f"⚠ {exc}")
        self.date_did_change.emit()
