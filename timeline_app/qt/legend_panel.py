"""The documents legend: each document's colour, title and number of events, with a box to hide it.

Like the categories panel of Timeline (thetimelineproj): what the colours on the canvas mean,
and a quick way to look at one article's events alone. A document whose date of writing is
only a guess is marked, with the reason in its tooltip.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from timeline_app.core.model import Document
from timeline_app.qt.numbers import format_count

DOC_ROLE = Qt.ItemDataRole.UserRole + 1
COLOR_ROLE = Qt.ItemDataRole.UserRole + 2


_swatches: dict[tuple[str, int], QIcon] = {}


def swatch(color: QColor, size: int = 14) -> QIcon:
    """A rounded square of ``color``; made once per colour (the inks repeat across documents)."""
    key = (color.name(QColor.NameFormat.HexArgb), size)
    icon = _swatches.get(key)
    if icon is None:
        icon = _swatches[key] = _paint_swatch(color, size)
    return icon


def _paint_swatch(color: QColor, size: int) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(color.darker(130))
    painter.setBrush(color)
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class DocumentLegend(QWidget):
    """One row per document; unticking a row hides that document's events everywhere."""

    visibility_changed = Signal(str, bool)  # document id, shown
    document_activated = Signal(str)  # double-clicked: show this document's events

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentLegend")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("documentLegendList")
        self.tree.setAccessibleName("Documents: colour, title and number of events; untick to hide")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(["Document", "Events"])
        self.tree.setIconSize(QSize(14, 14))
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.ResizeToContents)
        self.hint = QLabel("Untick a document to hide its events.", self)
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self.tree.itemChanged.connect(self._changed)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self.document_activated.emit(item.data(0, DOC_ROLE)))
        self._filling = False

    def set_documents(
        self, documents: Sequence[Document], colors: Sequence[QColor], counts: Sequence[int], hidden: Collection[str]
    ) -> None:
        """Fill the rows; the same documents as before are updated in place.

        In place matters: a tick in the legend re-filters the window, which calls this while Qt
        is still inside the clicked item; clearing the tree then would delete it under Qt's feet.
        """
        self._filling = True
        try:
            items = self._items()
            if [d.id for d in documents] == [str(item.data(0, DOC_ROLE)) for item in items]:
                for item, doc, color, count in zip(items, documents, colors, counts, strict=True):
                    self._update(item, doc, color, count, doc.id not in hidden)
            else:
                self.tree.clear()
                # Filled before they join the tree: there, each change would make it measure its rows again.
                rows = zip(documents, colors, counts, strict=True)
                self.tree.addTopLevelItems(
                    [self._new_item(doc, color, n, doc.id not in hidden) for doc, color, n in rows]
                )
        finally:
            self._filling = False

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    @staticmethod
    def _texts(doc: Document, count: int) -> tuple[str, str, str]:
        """A row's title, count and tooltip."""
        title = doc.title or doc.path or doc.id
        written = f"written {doc.reference_date:%d %b %Y}" if doc.reference_date else "date of writing unknown"
        why = f" ({doc.reference_date_basis})" if doc.reference_date_basis else ""
        tip = f"{title}\n{doc.path}\n{written}{why}"
        if doc.reference_date_weak:
            tip += "\nThis date is uncertain: Edit ▸ Change Reference Date sets it."
        return (f"⚠ {title}" if doc.reference_date_weak else title), format_count(count), tip

    @classmethod
    def _new_item(cls, doc: Document, color: QColor, count: int, shown: bool) -> QTreeWidgetItem:
        title, number, tip = cls._texts(doc, count)
        item = QTreeWidgetItem([title, number])
        item.setData(0, DOC_ROLE, doc.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setIcon(0, swatch(color))
        item.setData(0, COLOR_ROLE, color.name())
        item.setCheckState(0, Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)
        item.setToolTip(0, tip)
        return item

    @classmethod
    def _update(cls, item: QTreeWidgetItem, doc: Document, color: QColor, count: int, shown: bool) -> None:
        """Set what differs: a filter re-fills every row, and each change makes the tree measure its rows."""
        title, number, tip = cls._texts(doc, count)
        for column, text in ((0, title), (1, number)):
            if item.text(column) != text:
                item.setText(column, text)
        if item.data(0, COLOR_ROLE) != color.name():
            item.setIcon(0, swatch(color))
            item.setData(0, COLOR_ROLE, color.name())
        state = Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked
        if item.checkState(0) != state:
            item.setCheckState(0, state)
        if item.toolTip(0) != tip:
            item.setToolTip(0, tip)

    def shown_ids(self) -> list[str]:
        return [str(it.data(0, DOC_ROLE)) for it in self._items() if it.checkState(0) == Qt.CheckState.Checked]

    def set_shown(self, doc_id: str, shown: bool) -> None:
        """Tick or untick a document's box, as a click does."""
        state = Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked
        for item in self._items():
            if item.data(0, DOC_ROLE) == doc_id and item.checkState(0) != state:
                item.setCheckState(0, state)

    def _changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        self.visibility_changed.emit(str(item.data(0, DOC_ROLE)), item.checkState(0) == Qt.CheckState.Checked)
