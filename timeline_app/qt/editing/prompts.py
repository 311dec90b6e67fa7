"""Every question the project layer asks a person, in one replaceable object.

The controller never opens a dialog box itself; it asks this object, so tests (and a
future non-interactive mode) can answer in its place.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

PROJECT_FILTER = "Timeline projects (*.tlproj)"
ARTICLE_FILTER = "Articles (*.txt *.text *.md *.markdown *.html *.htm *.json *.tml *.xml);;All files (*)"


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Recovery(Enum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


class Questions(Protocol):
    """What the project layer may ask; :class:`Prompts` asks with dialog boxes."""

    def unsaved_changes(self, name: str) -> Unsaved: ...
    def recover(self, description: str) -> Recovery: ...
    def open_path(self, title: str, file_filter: str, start: str = "") -> Path | None: ...
    def open_paths(self, title: str, file_filter: str, start: str = "") -> list[Path]: ...
    def save_path(self, title: str, file_filter: str, start: str = "") -> Path | None: ...
    def error(self, title: str, message: str) -> None: ...
    def confirm(self, title: str, message: str, details: str = "", accept: str = "Apply") -> bool: ...
    def inform(self, title: str, message: str, details: str = "") -> None: ...


class Prompts:
    """Modal questions shown over ``parent``."""

    def __init__(self, parent: QWidget | None) -> None:
        self.parent = parent

    def unsaved_changes(self, name: str) -> Unsaved:
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"Save the changes to “{name}”?")
        box.setInformativeText("Your changes will be lost if you don't save them.")
        box.setStandardButtons(
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return Unsaved.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return Unsaved.DISCARD
        return Unsaved.CANCEL

    def recover(self, description: str) -> Recovery:
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Recover unsaved work")
        box.setText("The app closed before this work was saved.")
        box.setInformativeText(description)
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Decide Later", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        clicked = box.clickedButton()
        if clicked is restore:
            return Recovery.RESTORE
        if clicked is discard:
            return Recovery.DISCARD
        return Recovery.LATER

    def open_path(self, title: str, file_filter: str, start: str = "") -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, start, file_filter)
        return Path(path) if path else None

    def open_paths(self, title: str, file_filter: str, start: str = "") -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(self.parent, title, start, file_filter)
        return [Path(p) for p in paths]

    def save_path(self, title: str, file_filter: str, start: str = "") -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, start, file_filter)
        return Path(path) if path else None

    def error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.parent, title, message)

    def confirm(self, title: str, message: str, details: str = "", accept: str = "Apply") -> bool:
        box = QMessageBox(self.parent)
        box.setWindowTitle(title)
        box.setText(message)
        if details:
            box.setInformativeText(details)
        ok = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(ok)
        box.exec()
        return box.clickedButton() is ok

    def inform(self, title: str, message: str, details: str = "") -> None:
        box = QMessageBox(self.parent)
        box.setWindowTitle(title)
        box.setText(message)
        if details:
            box.setInformativeText(details)
        box.exec()
