"""The event table: every event (dated or not), sortable, filterable, model/view.

Rows are the timeline's events in chronological order; sorting by the Date column uses
the same (earliest, latest) key as the canvas so the two agree.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from timeline_app.core.model import Event, Status, Timeline

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3
COLUMNS = ("Date", "Event", "Status", "Source")

ModelIndex = QModelIndex | QPersistentModelIndex


class EventTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._events: list[Event] = []
        self._doc_titles: dict[str, str] = {}
        self._doc_colors: dict[str, QColor] = {}
        self._row_of: dict[str, int] | None = None

    def set_timeline(self, timeline: Timeline, doc_colors: dict[str, QColor] | None = None) -> None:
        """``doc_colors``: the colour each document's events have on the canvas."""
        self._doc_colors = dict(doc_colors or {})
        self.beginResetModel()
        self._events = list(timeline.events)
        self._doc_titles = {d.id: d.title or d.path for d in timeline.documents}
        self._row_of = None  # built on first use: a million ids take a second to index
        self.endResetModel()

    def row_of(self, event_id: str) -> int:
        if self._row_of is None:
            self._row_of = {e.id: i for i, e in enumerate(self._events)}
        return self._row_of.get(event_id, -1)

    def refresh_rows(self, rows: list[int]) -> None:
        """Repaint rows whose events were edited in place."""
        last = self.columnCount() - 1
        for row in rows:
            if 0 <= row < len(self._events):
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def event(self, row: int) -> Event:  # type: ignore[override]
        return self._events[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event = self._events[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return event.date.describe()
            if col == 1:
                # ✎ marks an event the user has edited (kept across re-extraction).
                return f"✎ {event.title}" if event.curated else event.title
            if col == 2:
                return event.status.value
            return self._doc_titles.get(event.document, event.document)
        if role == SORT_ROLE:
            if col == 0:
                lo, hi = event.date.sort_key()
                return f"{_key(lo)}{_key(hi)}{index.row():09d}"
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.DecorationRole and col == 1:
            return self._doc_colors.get(event.document)
        if role == ID_ROLE:
            return event.id
        if role == SEARCH_ROLE:
            return " ".join(
                (event.title, event.date.describe(), event.status.value, event.sentence, *event.actors, *event.places)
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            group = f"\nGroup: {event.group}" if event.group else ""
            return f"{event.title}\n{event.date.describe()}{group}\n{event.sentence}"
        if role == Qt.ItemDataRole.FontRole and (event.status is Status.EXPECTED or event.date.is_uncertain):
            font = QFont()
            font.setItalic(True)
            return font
        return None


def _key(d: date) -> str:
    return f"{d.toordinal():08d}"


class EventFilterModel(QSortFilterProxyModel):
    """Case-insensitive substring search over title, date, status, sentence, actors and places.

    Filtering stays in C++ (no Python ``filterAcceptsRow``): with no search text, resetting a
    model of a million rows then costs no Python call per row.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_search(self, text: str) -> None:
        self.setFilterFixedString(text.strip())


_EDITING_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End)


class MiddleElided(QStyledItemDelegate):
    """Cut in the middle: "between Oct 2024 … date not stated" keeps both ends of a date."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


DATE_COLUMN_MAX_PX = 230  # wider dates are elided in the middle; the tooltip has them in full
MEASURED_DATES = 5000  # the date column is sized to the widest of this many dates


class EventList(QWidget):
    """Search field above the event table; emits the id of the event the user picks.

    Ctrl- and Shift-click select several rows: ``events_picked`` then carries all their
    ids, the current row's first.
    """

    event_activated = Signal(str)
    events_picked = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EventTableModel(self)
        self.proxy = EventFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchField")
        self.search.setAccessibleName("Filter events")
        self.search.setPlaceholderText("Filter events (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setObjectName("eventList")
        self.table.setAccessibleName("Event list")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(0, MiddleElided(self.table))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in the rest of the window
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 190)
        header.resizeSection(1, 260)
        header.resizeSection(2, 80)
        # No sort indicator at first: rows stay in chronological (source) order without
        # sorting a possibly huge model up front.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._syncing = False
        self._current_id = ""

    def _search_changed(self, text: str) -> None:
        # Hiding rows moves the table's current index; that is not the user picking an event.
        self._syncing = True
        try:
            self.proxy.set_search(text)
        finally:
            self._syncing = False
        if self._current_id:
            self.select_event(self._current_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Keys that move the text cursor belong to the search field, not to the window's
        # single-key shortcuts (previous/next/first/last event).
        if watched is self.search and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if event.key() in _EDITING_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
                event.accept()
                return True
        return super().eventFilter(watched, event)

    def set_timeline(
        self, timeline: Timeline, doc_colors: dict[str, QColor] | None = None, fit_columns: bool = True
    ) -> None:
        self._syncing = True
        try:
            self.model.set_timeline(timeline, doc_colors)
        finally:
            self._syncing = False
        if fit_columns:
            self._fit_date_column(timeline)

    def _fit_date_column(self, timeline: Timeline) -> None:
        metrics = self.table.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(e.date.describe()) for e in timeline.events[:MEASURED_DATES]), default=0
        )
        self.table.horizontalHeader().resizeSection(0, min(max(widest + 16, 120), DATE_COLUMN_MAX_PX))

    def visible_ids(self) -> list[str]:
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    def select_event(self, event_id: str, row: int | None = None) -> None:
        """Reflect a selection made elsewhere without re-emitting it; ``row`` if the caller knows it."""
        self._current_id = event_id
        if row is None:
            row = self.model.row_of(event_id) if event_id else -1
        selection = self.table.selectionModel()
        self._syncing = True
        try:
            if row < 0:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
                return
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():
                selection.clearSelection()
                return
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            selection.setCurrentIndex(index, flags)
            self.table.scrollTo(index)
        finally:
            self._syncing = False

    def select_events(self, event_ids: list[str], rows: list[int]) -> None:
        """Reflect a selection of several events made elsewhere; the first is the current one."""
        self.select_event(event_ids[0] if event_ids else "", rows[0] if rows else -1)
        selection = self.table.selectionModel()
        self._syncing = True
        try:
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            for row in rows[1:]:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    selection.select(index, flags)
        finally:
            self._syncing = False

    def selected_ids(self) -> list[str]:
        """Ids of the selected rows, the current row's first."""
        selection = self.table.selectionModel()
        rows = sorted(index.row() for index in selection.selectedRows())
        ids = [str(self.proxy.index(r, 0).data(ID_ROLE)) for r in rows]
        current = selection.currentIndex()
        current_id = str(current.data(ID_ROLE)) if current.isValid() else ""
        if current_id in ids:
            ids.remove(current_id)
            ids.insert(0, current_id)
        return ids

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        event_id = current.data(ID_ROLE)
        if event_id:
            self._current_id = str(event_id)
            self.event_activated.emit(str(event_id))
            self._selection_changed()

    def _selection_changed(self, *_: object) -> None:
        if self._syncing:
            return
        ids = self.selected_ids()
        if ids:
            self.events_picked.emit(ids)
