"""The small dialog that asks how a picture of the timeline should be made: title, size, range."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from timeline_app.qt.export_image import MAX_SIDE, MIN_SIDE

# Smallest sizes the dialog offers: below them a title, legend and lanes no longer fit.
MIN_WIDTH, MIN_HEIGHT = 320, 240


@dataclass(frozen=True, slots=True)
class ImageOptions:
    width: int
    height: int
    current_view: bool  # False: every dated event
    title: str  # "" draws no title line


class ImageOptionsDialog(QDialog):
    def __init__(self, parent: QWidget | None, options: ImageOptions, format_label: str, has_view: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Export {format_label}")
        self.title = QLineEdit(options.title)
        self.title.setPlaceholderText("No title")
        self.title.setClearButtonEnabled(True)
        self.title.setMinimumWidth(360)
        self.width_box = _side_box(options.width, MIN_WIDTH)
        self.height_box = _side_box(options.height, MIN_HEIGHT)
        size = QHBoxLayout()
        size.addWidget(self.width_box)
        size.addWidget(QLabel("×"))
        size.addWidget(self.height_box)
        size.addStretch(1)
        self.all_events = QRadioButton("All events")
        self.current_view = QRadioButton("Current view")
        self.current_view.setEnabled(has_view)
        group = QButtonGroup(self)
        group.addButton(self.all_events)
        group.addButton(self.current_view)
        (self.current_view if options.current_view and has_view else self.all_events).setChecked(True)
        ranges = QVBoxLayout()
        ranges.setSpacing(2)
        ranges.addWidget(self.all_events)
        ranges.addWidget(self.current_view)
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        size_label = QLabel("&Size:")
        size_label.setBuddy(self.width_box)  # the row holds a layout, which cannot be a buddy itself
        form.addRow(size_label, size)
        form.addRow("Range:", ranges)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.title.selectAll()

    def options(self) -> ImageOptions:
        return ImageOptions(
            self.width_box.value(),
            self.height_box.value(),
            self.current_view.isChecked(),
            " ".join(self.title.text().split()),
        )


def _side_box(value: int, least: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(max(least, MIN_SIDE), MAX_SIDE)
    box.setValue(min(max(value, least), MAX_SIDE))
    box.setSuffix(" px")
    box.setSingleStep(100)
    box.setAccelerated(True)
    return box


def ask_image_options(
    parent: QWidget | None, options: ImageOptions, format_label: str, has_view: bool = True
) -> ImageOptions | None:
    """The options the person chose, or None when they cancelled."""
    dialog = ImageOptionsDialog(parent, options, format_label, has_view)
    try:
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
