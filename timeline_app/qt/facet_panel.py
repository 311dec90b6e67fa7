"""The actors and places panel: every entity the events name, with how many do, to tick.

Ticking entities shows only the events that name them (any ticked actor, and any ticked place
when places are ticked too); it combines with the search field and the other filters. The
table's model holds arrays: filtering the names or sorting re-orders an array of facet numbers,
so thousands of entities stay quick.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from timeline_app.core.row_filters import Facet
from timeline_app.qt.numbers import format_count

ModelIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("Name", "Kind", "Events")
KIND_CHOICES = (("Actors and places", ""), ("Actors", "actor"), ("Places", "place"))


class FacetModel(QAbstractTableModel):
    """Rows are ``order`` (facet numbers) in display order; the check boxes are ``checked``."""

    checked_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._facets: list[Facet] = []
        self._folded: list[str] = []
        self._counts = np.zeros(0, dtype=np.int64)
        self._kinds = np.zeros(0, dtype=object)
        self._name_rank = np.zeros(0, dtype=np.int64)
        self._order = np.zeros(0, dtype=np.int64)
        self._checked: set[int] = set()
        self._text = ""
        self._kind = ""
        self._sort = (2, True)  # most named first

    def set_facets(self, facets: Sequence[Facet], checked: Collection[int]) -> None:
        self.beginResetModel()
        self._facets = list(facets)
        self._folded = [" ".join((f.name, *f.aliases)).casefold() for f in self._facets]
        self._counts = np.fromiter((f.count for f in self._facets), dtype=np.int64, count=len(self._facets))
        self._kinds = np.array([f.kind for f in self._facets], dtype=object)
        names = [f.name.casefold() for f in self._facets]
        order = sorted(range(len(names)), key=names.__getitem__)
        self._name_rank = np.empty(len(names), dtype=np.int64)
        self._name_rank[np.asarray(order, dtype=np.int64)] = np.arange(len(names), dtype=np.int64)
        self._checked = {k for k in checked if 0 <= k < len(self._facets)}
        self._order = self._compute_order()
        self.endResetModel()

    def facets(self) -> list[Facet]:
        return self._facets

    def checked(self) -> list[int]:
        return sorted(self._checked)

    def set_checked(self, checked: Collection[int]) -> None:
        self._checked = {k for k in checked if 0 <= k < len(self._facets)}
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def set_filter(self, text: str, kind: str) -> None:
        self.beginResetModel()
        self._text, self._kind = text.strip().casefold(), kind
        self._order = self._compute_order()
        self.endResetModel()

    def facet_at(self, row: int) -> int:
        return int(self._order[row])

    def row_of(self, facet: int) -> int:
        found = np.flatnonzero(self._order == facet)
        return int(found[0]) if len(found) else -1

    def _compute_order(self) -> np.ndarray:
        keep = np.ones(len(self._facets), dtype=bool)
        if self._kind:
            keep &= self._kinds == self._kind
        if self._text:
            needle = self._text
            keep &= np.fromiter((needle in f for f in self._folded), dtype=bool, count=len(self._folded))
        rows = np.flatnonzero(keep).astype(np.int64)
        column, descending = self._sort
        if column == 2:
            # By count, then by name: most named first when descending, names still A to Z.
            key = np.lexsort((self._name_rank[rows], -self._counts[rows] if descending else self._counts[rows]))
            return rows[key]
        if column == 1:
            kinds = (self._kinds[rows] == "place").astype(np.int64)
            key = np.lexsort((self._name_rank[rows], -kinds if descending else kinds))
            return rows[key]
        order = rows[np.argsort(self._name_rank[rows], kind="stable")]
        return order[::-1].copy() if descending else order

    # Qt model -----------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == 2:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self._order = self._compute_order()
        self.endResetModel()

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() and index.column() == 0 else base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        k = int(self._order[index.row()])
        facet = self._facets[k]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return facet.name if col == 0 else facet.kind if col == 1 else format_count(facet.count)
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return Qt.CheckState.Checked if k in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            also = f"\nAlso written: {', '.join(facet.aliases)}" if facet.aliases else ""
            events = f"{format_count(facet.count)} event{'s name' if facet.count != 1 else ' names'} it"
            return f"{facet.name} ({facet.kind}){also}\n{events}. Double-click: show these alone"
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        k = int(self._order[index.row()])
        on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        if on == (k in self._checked):
            return False
        if on:
            self._checked.add(k)
        else:
            self._checked.discard(k)
        self.dataChanged.emit(index, index)
        self.checked_changed.emit()
        return True


class FacetPanel(QWidget):
    """Search field and kind above the table of entities; ``checked_changed`` carries the facet numbers."""

    checked_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facetPanel")
        self.model = FacetModel(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("facetSearch")
        self.search.setPlaceholderText("Find a name")
        self.search.setAccessibleName("Find an actor or place")
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox(self)
        self.kind.setObjectName("facetKind")
        self.kind.setAccessibleName("Kind of entity listed")
        for text, _value in KIND_CHOICES:
            self.kind.addItem(text)
        self.table = QTableView(self)
        self.table.setObjectName("facetList")
        self.table.setAccessibleName("Actors and places: tick to show only the events naming them")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        # Fixed widths: a column sized to its contents would measure thousands of rows at each tick.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        header.resizeSection(1, max(metrics.horizontalAdvance(w) for w in ("actor", "place", "Kind")) + 24)
        header.resizeSection(2, metrics.horizontalAdvance("Events") + 28)
        self.table.setSortingEnabled(True)
        header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.summary = QLabel(self)
        self.summary.setObjectName("facetSummary")
        self.summary.setWordWrap(True)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("facetBusy")
        self.busy.setRange(0, 0)  # no steps to count: a moving bar while the names are read
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(self.fontMetrics().height() // 2 + 4)
        self.busy.hide()
        self.clear = QPushButton("&Clear", self)
        self.clear.setObjectName("facetClear")
        self.clear.setToolTip("Untick every actor and place: show the events whatever they name")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.kind)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.clear, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.busy)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.search.textChanged.connect(self._filter_changed)
        self.kind.currentIndexChanged.connect(self._filter_changed)
        self.model.checked_changed.connect(self._checked_changed)
        self.clear.clicked.connect(lambda: self.set_checked([], emit=True))
        self.table.doubleClicked.connect(self._only)
        self.setFocusProxy(self.search)  # View ▸ Actors and Places: type a name, Tab (or ↓) to the list, Space ticks
        QWidget.setTabOrder(self.search, self.table)
        QWidget.setTabOrder(self.table, self.kind)
        QWidget.setTabOrder(self.kind, self.clear)
        self.search.installEventFilter(self)
        self.set_summary("")

    def set_facets(self, facets: Sequence[Facet], checked: Collection[int]) -> None:
        self.model.set_facets(facets, checked)
        self.clear.setEnabled(bool(self.model.checked()))
        most = max((f.count for f in facets), default=0)
        width = self.fontMetrics().horizontalAdvance(format_count(most)) + 16
        header = self.table.horizontalHeader()
        header.resizeSection(2, max(header.sectionSize(2), width))

    def checked(self) -> list[int]:
        return self.model.checked()

    def set_checked(self, checked: Collection[int], emit: bool = False) -> None:
        """Tick exactly these facets; ``emit`` says so as a click would."""
        self.model.set_checked(checked)
        self.clear.setEnabled(bool(self.model.checked()))
        if emit:
            self.checked_changed.emit(self.model.checked())

    def set_busy(self, text: str) -> None:
        """Say that the entities are being read (``text``), or that they are ready ("")."""
        self.busy.setVisible(bool(text))
        self.table.setEnabled(not text)
        if text:
            self.summary.setText(text)

    def set_summary(self, text: str) -> None:
        """What the ticks do now (the window counts the events they show)."""
        if not self.model.facets():
            text = "No actors or places: they are found when articles are read."
        self.summary.setText(text or "Tick actors or places to show only the events that name them.")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # ↓ in the name field goes down into the list, on its first row.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus(Qt.FocusReason.TabFocusReason)
                if not self.table.currentIndex().isValid():
                    self.table.setCurrentIndex(self.model.index(0, 0))
                return True
        return super().eventFilter(watched, event)

    def _filter_changed(self, *_: object) -> None:
        self.model.set_filter(self.search.text(), KIND_CHOICES[self.kind.currentIndex()][1])

    def _checked_changed(self) -> None:
        self.clear.setEnabled(bool(self.model.checked()))
        self.checked_changed.emit(self.model.checked())

    def _only(self, index: QModelIndex) -> None:
        """Double-click: this entity's events alone."""
        if index.isValid():
            self.set_checked([self.model.facet_at(index.row())], emit=True)
