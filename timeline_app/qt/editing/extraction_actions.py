"""Work that re-runs extraction: add articles, re-extract, change a document's reference date.

Extraction runs on the worker thread behind a window-modal progress dialog (so nothing is
edited meanwhile); the result is one undoable edit, shown as a summary of what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QWidget,
)

from timeline_app.core import edits
from timeline_app.core.edits import ContentChange
from timeline_app.core.model import Document
from timeline_app.qt.editing.controller import ProjectController
from timeline_app.qt.editing.date_editor import from_qdate, to_qdate
from timeline_app.qt.editing.event_actions import selected_events
from timeline_app.qt.editing.prompts import ARTICLE_FILTER

OnChange = Callable[[ContentChange], None]


def _parent(controller: ProjectController) -> QWidget | None:
    return controller.window if isinstance(controller.window, QWidget) else None


def run_job(controller: ProjectController, title: str, job: Callable[[], ContentChange], then: OnChange) -> bool:
    """Run ``job`` off the GUI thread, then hand its result to ``then`` on the GUI thread."""
    if controller.worker.busy:
        controller.show_status("Still working on the previous extraction")
        return False
    progress = QProgressDialog(title, "", 0, 0, _parent(controller))
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    started_on = controller.model

    def done(change: ContentChange) -> None:
        progress.close()
        progress.deleteLater()
        if controller.model is not started_on:
            # Another project was opened meanwhile: the result belongs to one no longer here.
            controller.show_status(f"{title.rstrip('…')} finished for a project that is no longer open")
            return
        then(change)

    def failed(error: BaseException) -> None:
        progress.close()
        progress.deleteLater()
        controller.report_error(title, str(error))

    controller.worker.run(lambda _progress: job(), done, failed, label=title)
    return True


def add_articles(controller: ProjectController, paths: list[str] | None = None) -> bool:
    if controller.refused_for_size("Add Articles"):
        return False
    if paths is None:
        chosen = controller.prompts.open_paths("Add Articles", ARTICLE_FILTER)
        paths = [str(p) for p in chosen]
    if not paths:
        return False
    model, extract = controller.model, controller.extractor

    def apply(change: ContentChange) -> None:
        known = {d.id for d in model.documents}
        added = sum(d.id not in known for d in change.edit.documents)
        controller.push(change.edit, [])
        report_summary(controller, "Add Articles", change, f"Read {added} new article(s).")

    return run_job(controller, "Reading articles…", lambda: edits.add_documents(model, paths, extract), apply)


def reextract(controller: ProjectController) -> bool:
    if controller.refused_for_size("Re-extract"):
        return False
    if not controller.model.documents:
        controller.show_status("There are no articles to re-extract")
        return False
    model, extract = controller.model, controller.extractor

    def apply(change: ContentChange) -> None:
        summary = change.summary
        if not summary.changed and not summary.errors and not summary.conflicts:
            controller.prompts.inform("Re-extract", "Re-extraction found no changes.", summary.text())
            return
        if controller.prompts.confirm("Re-extract", "Apply the new extraction?", summary.text()):
            controller.push(change.edit)

    return run_job(controller, "Re-extracting…", lambda: edits.reextract(model, extract), apply)


def change_reference_date(
    controller: ProjectController, doc_id: str | None = None, new_date: date | None = None, preferred: str = ""
) -> bool:
    """Ask for (or take) a document's date of writing and re-anchor its dates on it.

    ``preferred``: the document the dialog opens on (else the selected event's, else the first).
    """
    if controller.refused_for_size("Change Reference Date"):
        return False
    docs = controller.model.documents
    if not docs:
        controller.show_status("There are no articles")
        return False
    if doc_id is None or new_date is None:
        chosen = selected_events(controller)
        if not preferred or not any(d.id == preferred for d in docs):
            preferred = chosen[0].document if chosen else docs[0].id
        dialog = ReferenceDateDialog(_parent(controller), docs, preferred)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        doc_id, new_date = dialog.choice()
    model, extract, day = controller.model, controller.extractor, new_date

    def apply(change: ContentChange) -> None:
        controller.push(change.edit)
        report_summary(controller, "Change Reference Date", change, f"Dates re-anchored on {day:%d %b %Y}.")

    return run_job(
        controller, "Re-anchoring dates…", lambda: edits.reanchor_document(model, doc_id, day, extract), apply
    )


def report_summary(controller: ProjectController, title: str, change: ContentChange, headline: str) -> None:
    summary = change.summary
    controller.show_status(f"{headline} {summary.text().splitlines()[0]}", 10000)
    if summary.errors or summary.conflicts or summary.unmatched:
        controller.prompts.inform(title, headline, summary.text())


class ReferenceDateDialog(QDialog):
    """Which document, and the day its relative dates ("yesterday", "on Monday") count from."""

    def __init__(self, parent: QWidget | None, documents: list[Document], preferred: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change Reference Date")
        self._documents = documents
        self.document = QComboBox()
        for doc in documents:
            self.document.addItem(doc.title or doc.path or doc.id, doc.id)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMM yyyy")
        self.basis = QLabel()
        self.basis.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Article", self.document)
        form.addRow("&Reference date", self.day)
        form.addRow(self.basis)
        form.addRow(QLabel("Relative dates in the article are worked out again; your edits are kept."))
        form.addRow(buttons)
        self.document.currentIndexChanged.connect(self._show_document)
        index = self.document.findData(preferred)
        self.document.setCurrentIndex(max(index, 0))
        self._show_document()

    def _show_document(self) -> None:
        doc = self._documents[max(self.document.currentIndex(), 0)]
        if doc.reference_date:
            self.day.setDate(to_qdate(doc.reference_date))
        why = doc.reference_date_basis or "unknown"
        weak = " (a guess)" if doc.reference_date_weak else ""
        self.basis.setText(f"Currently: {doc.reference_date or 'not known'} — {why}{weak}")

    def choice(self) -> tuple[str, date]:
        return str(self.document.currentData()), from_qdate(self.day.date())
