"""A banner over the timeline when an article's date of writing is only a guess or in conflict.

Relative dates ("yesterday", "on Monday") count from that date, so a wrong guess moves
events silently; the banner says which article and why, and offers to set the date.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from timeline_app.core.model import Document


def banner_text(weak: Sequence[Document]) -> str:
    """What the banner says about the documents whose reference date is weak (rich text)."""

    def name(doc: Document) -> str:
        return escape(doc.title or doc.path or doc.id)

    def when(doc: Document) -> str:
        if doc.reference_date is None:
            return "not known"
        return f"{doc.reference_date.day} {doc.reference_date:%b %Y}"

    if len(weak) == 1:
        doc = weak[0]
        why = f" — {escape(doc.reference_date_basis)}" if doc.reference_date_basis else ""
        return (
            f"<b>When “{name(doc)}” was written is uncertain</b> (taken as {when(doc)}{why}). "
            "Its relative dates (“yesterday”, “on Monday”) count from it."
        )
    names = "; ".join(f"“{name(d)}” ({when(d)})" for d in weak[:3])
    more = f" and {len(weak) - 3} more" if len(weak) > 3 else ""
    return (
        f"<b>{len(weak)} articles have an uncertain date of writing:</b> {names}{more}. "
        "Their relative dates count from it."
    )


class ReferenceBanner(QFrame):
    """Shown while some document's reference date is weak; closing it lasts until that changes."""

    set_date_requested = Signal(str)  # the document whose date to set

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referenceBanner")
        self.setAccessibleName("Uncertain article date")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        pal = self.palette()
        warm = pal.color(QPalette.ColorRole.ToolTipBase)
        pal.setColor(QPalette.ColorRole.Window, warm)
        pal.setColor(QPalette.ColorRole.WindowText, pal.color(QPalette.ColorRole.ToolTipText))
        self.setPalette(pal)
        self.icon = QLabel("⚠", self)
        self.text = QLabel(self)
        self.text.setObjectName("referenceBannerText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.button = QPushButton("Set the article's date…", self)
        self.button.setObjectName("setReferenceDate")
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Hide this until another article's date is in doubt")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 4, 3)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.close_button)
        self.button.clicked.connect(self._ask)
        self.close_button.clicked.connect(self._dismiss)
        self._weak: list[Document] = []
        self._preferred = ""
        self._dismissed: tuple[tuple[str, object, str], ...] = ()
        self.hide()

    def _key(self) -> tuple[tuple[str, object, str], ...]:
        return tuple((d.id, d.reference_date, d.reference_date_basis) for d in self._weak)

    def set_documents(self, documents: Sequence[Document], preferred: str = "") -> None:
        """Show the banner for those of ``documents`` whose reference date is weak."""
        self._weak = [d for d in documents if d.reference_date_weak]
        self._preferred = preferred
        if not self._weak or self._key() == self._dismissed:
            self.hide()
            return
        self.text.setText(banner_text(self._weak))
        self.button.setText("Set the article's date…" if len(self._weak) == 1 else "Set an article's date…")
        self.show()

    def target(self) -> str:
        """The document the button sets the date of: the selected event's, if in doubt, else the first."""
        ids = [d.id for d in self._weak]
        return self._preferred if self._preferred in ids else (ids[0] if ids else "")

    def set_preferred(self, doc_id: str) -> None:
        self._preferred = doc_id

    def _ask(self) -> None:
        target = self.target()
        if target:
            self.set_date_requested.emit(target)

    def _dismiss(self) -> None:
        self._dismissed = self._key()
        self.hide()
