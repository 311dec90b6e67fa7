"""The Conflicts view: every event whose sources give dates that cannot both be right.

Each row names the event, the dates its sources give and how many tell it; choosing a row
selects the event everywhere. An event a filter hides is listed greyed, with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_LIMIT = 5000  # rows listed; the rest are counted
_NONE = "No two sources disagree on an event's date."
_COUNTING = "Looking for events whose sources disagree…"


@dataclass(frozen=True, slots=True)
class ConflictRow:
    event_id: str
    title: str
    dates: str  # "25 Oct 2007 · Jan 2008"
    sources: int
    detail: str  # each source and its date, one per line (the tooltip)
    hidden: bool = False  # a filter hides the event


class ConflictsPanel(QWidget):
    event_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsPanel")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("conflictsList")
        self.tree.setAccessibleName("Events whose sources disagree on the date")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels(["Event", "Dates given", "Sources"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        # Sized once per listing: a column sized to its contents measures every row at each change.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # reading order until a header is clicked
        self.empty = QLabel(_NONE, self)
        self.empty.setObjectName("conflictsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty)
        self.note = QLabel(self)
        self.note.setObjectName("conflictsNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note)
        self._syncing = False
        self._rows: list[ConflictRow] = []
        self._hidden: set[str] = set()
        self.setFocusProxy(self.tree)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda item, _col: self._choose(item))
        self.set_rows([])

    def set_counting(self) -> None:
        """Say the conflicts are still being looked for (a big timeline's records are read for them)."""
        self.set_rows([])
        self.empty.setText(_COUNTING)

    def set_rows(self, rows: Sequence[ConflictRow]) -> None:
        """List these events (in reading order)."""
        self.empty.setText(_NONE)
        self._syncing = True
        try:
            current = self.current_id()
            self.tree.clear()
            self._rows = list(rows)
            self._hidden = set()
            items = []
            for row in rows[:SHOWN_LIMIT]:
                item = QTreeWidgetItem([row.title, row.dates, str(row.sources)])
                item.setData(0, ID_ROLE, row.event_id)
                item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                for col in range(3):
                    item.setToolTip(col, f"{row.title}\n{row.detail}")
                items.append(item)
            self.tree.addTopLevelItems(items)
            for column in (1, 2):
                self.tree.resizeColumnToContents(column)
            self.select(current)
        finally:
            self._syncing = False
        self.stack.setCurrentWidget(self.tree if rows else self.empty)
        self.set_hidden({r.event_id for r in rows if r.hidden})

    def set_hidden(self, hidden: set[str]) -> None:
        """Grey the events a filter hides (only the rows whose state changes are touched)."""
        changed = hidden ^ self._hidden
        self._hidden = set(hidden)
        if changed:
            # A sorted tree sorts again after every item changed: once, at the end, is enough.
            sorting = self.tree.isSortingEnabled()
            self.tree.setSortingEnabled(False)
            try:
                self._grey(changed)
            finally:
                self.tree.setSortingEnabled(sorting)
        count = len(self._rows)
        parts = [f"{count} event{'s' if count != 1 else ''} whose sources disagree"] if count else []
        if count > SHOWN_LIMIT:
            parts.append(f"the first {SHOWN_LIMIT} listed")
        if self._hidden:
            parts.append(f"{len(self._hidden)} hidden by filters (greyed)")
        self.note.setText(" · ".join(parts))
        self.note.setVisible(bool(count))

    def _grey(self, changed: set[str]) -> None:
        details = {r.event_id: r for r in self._rows if r.event_id in changed}
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            event_id = str(item.data(0, ID_ROLE)) if item is not None else ""
            if item is None or event_id not in changed:
                continue
            off = event_id in self._hidden
            flags = item.flags()
            item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled if off else flags | Qt.ItemFlag.ItemIsEnabled)
            row = details[event_id]
            tip = row.detail + ("\nHidden by a filter: clear the filters to show it." if off else "")
            for col in range(3):
                item.setToolTip(col, f"{row.title}\n{tip}")

    def current_id(self) -> str:
        item = self.tree.currentItem()
        return str(item.data(0, ID_ROLE)) if item is not None else ""

    def ids(self) -> list[str]:
        return [str(self.tree.topLevelItem(i).data(0, ID_ROLE)) for i in range(self.tree.topLevelItemCount())]  # type: ignore[union-attr]

    def select(self, event_id: str) -> None:
        """Reflect a selection made elsewhere, without choosing it again."""
        syncing, self._syncing = self._syncing, True
        try:
            for i in range(self.tree.topLevelItemCount()):
                item = self.tree.topLevelItem(i)
                if item is not None and item.data(0, ID_ROLE) == event_id:
                    self.tree.setCurrentItem(item)
                    self.tree.scrollToItem(item)
                    return
            self.tree.selectionModel().clearCurrentIndex()
            self.tree.clearSelection()
        finally:
            self._syncing = syncing

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if not self._syncing and current is not None:
            self._choose(current)

    def _choose(self, item: QTreeWidgetItem) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.event_chosen.emit(str(item.data(0, ID_ROLE)))
