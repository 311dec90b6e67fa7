"""View ▸ Hide Below Confidence…: choose the least confidence an event's date needs to be shown.

The dialog says, while the value moves, how many events it would hide and what the value means
in words; Hide applies it, Show All stops hiding, Cancel leaves things as they were.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from timeline_app.core.provenance import confidence_words
from timeline_app.core.row_filters import FloatArray, hidden_below
from timeline_app.qt.numbers import format_count

STEP = 0.05


class ConfidenceDialog(QDialog):
    def __init__(self, values: FloatArray, threshold: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confidenceDialog")
        self.setWindowTitle("Hide Events Below a Confidence")
        self._values = np.asarray(values, dtype=np.float64)
        self._cleared = False
        intro = QLabel(
            "Each event's confidence (0 to 1) says how far to trust its date: how it was dated, how many "
            "articles tell it, whether they disagree. Hide the events below:"
        )
        intro.setWordWrap(True)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("confidenceSlider")
        self.slider.setAccessibleName("Least confidence shown")
        self.slider.setRange(0, round(1 / STEP))
        self.slider.setPageStep(2)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(2)
        self.spin = QDoubleSpinBox(self)
        self.spin.setObjectName("confidenceValue")
        self.spin.setAccessibleName("Least confidence shown")
        self.spin.setRange(0.0, 1.0)
        self.spin.setSingleStep(STEP)
        self.spin.setDecimals(2)
        self.effect = QLabel(self)
        self.effect.setObjectName("confidenceEffect")
        self.effect.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.spin)
        self.buttons = QDialogButtonBox(self)
        self.hide_button = self.buttons.addButton("&Hide", QDialogButtonBox.ButtonRole.AcceptRole)
        self.show_all = self.buttons.addButton("Show &All", QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.hide_button.setDefault(True)
        self.show_all.setToolTip("Stop hiding events by confidence")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.clicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.effect)
        layout.addWidget(self.buttons)
        self.slider.valueChanged.connect(lambda v: self.spin.setValue(v * STEP))
        self.spin.valueChanged.connect(self._value_changed)
        self.spin.setValue(min(max(threshold, 0.0), 1.0))
        self._value_changed(self.spin.value())
        self.spin.setFocus()
        self.spin.selectAll()
        self.resize(460, self.sizeHint().height())

    def threshold(self) -> float | None:
        """The value chosen; None when Show All was pressed."""
        return None if self._cleared else round(self.spin.value(), 2)

    def _value_changed(self, value: float) -> None:
        step = round(value / STEP)
        if self.slider.value() != step and abs(step * STEP - value) < 1e-9:
            self.slider.blockSignals(True)
            self.slider.setValue(step)
            self.slider.blockSignals(False)
        hidden = hidden_below(self._values, value)
        total = len(self._values)
        self.effect.setText(
            f"Hides <b>{format_count(hidden)}</b> of {format_count(total)} events, those below {value:.2f}; "
            f"the rest are at least “{confidence_words(value)}”."
        )

    def _clicked(self, button: QAbstractButton) -> None:
        if button is self.show_all:
            self._cleared = True
            self.accept()
