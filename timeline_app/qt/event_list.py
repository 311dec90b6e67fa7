"""The event table: every event (dated or not), sortable, searchable, for any number of events.

Rows are shown in reading order (the canvas's and the Previous/Next buttons'), so that "before
4 Sep" comes before "4 Sep" and "after 4 Sep" after it. The model holds one array of row
numbers: sorting re-orders it by a precomputed rank, a search replaces it by the rows whose
prepared text matches; Qt only ever asks for the rows on screen. The index behind sorting and
searching is built on a worker thread for big timelines; until it is ready the list shows the
events in reading order and a search waits for it. When a filter shows a part of the timeline,
the part's index is taken from the whole one's (``ListIndex.subset``), so switching a filter
never reads the events again.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from timeline_app.app.big_timelines import columns_of
from timeline_app.core.event_index import IntArray, reading_ranks
from timeline_app.core.list_index import COLUMNS as KEY_COLUMNS
from timeline_app.core.list_index import ListIndex
from timeline_app.core.model import Event, Status, Timeline
from timeline_app.core.provenance import confidence_text, source_count
from timeline_app.qt.numbers import format_count

ID_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("Date", "Event", "Sources", "Confidence", "Status", "Article")
SOURCES_COLUMN = COLUMNS.index("Sources")
CONFIDENCE_COLUMN = COLUMNS.index("Confidence")
HEADER_TIPS = {
    "Sources": "How many articles tell the event (⚠: they disagree on its date)",
    "Confidence": "How far to trust the event's date, from 0 to 1",
    "Article": "The article that told the event first",
}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# Up to this many events the index is built at once; beyond, on a worker thread.
SYNC_INDEX_LIMIT = 20_000
# A big list's index starts this long after the timeline is shown, so that building it (on a
# worker thread, but sharing the interpreter) does not slow the first paint; a search or a
# sort starts it at once.
INDEX_DELAY_MS = 400

# Longer lists answer their first few display-row lookups by scanning their order (see display_row).
DISPLAY_TABLE_LIMIT = 100_000
DISPLAY_SCANS = 4

ModelIndex = QModelIndex | QPersistentModelIndex


class EventTableModel(QAbstractTableModel):
    """Rows are ``order`` (source rows: positions in ``timeline.events``) in display order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: Sequence[Event] = []
        self._doc_titles: dict[str, str] = {}
        self._doc_colors: dict[str, QColor] = {}
        self._order: IntArray = np.zeros(0, dtype=np.int64)
        self._display: IntArray | None = None  # source row -> display row (-1: filtered out)
        self._display_scans = 0  # lookups answered by scanning the order since it was set
        self._row_of: dict[str, int] | None = None
        self._italic = QFont()
        self._italic.setItalic(True)

    # content ------------------------------------------------------------------------

    def set_timeline(
        self, timeline: Timeline, doc_colors: dict[str, QColor] | None = None, order: IntArray | None = None
    ) -> None:
        """``doc_colors``: the colour each document's events have on the canvas; ``order``: the rows
        to show, in display order (all, in row order, if None)."""
        self._doc_colors = dict(doc_colors or {})
        self.beginResetModel()
        events = timeline.events
        # Columns of a big timeline stay lazy: a row's event is built when it is shown.
        self._events = events if columns_of(events) is not None else list(events)
        self._doc_titles = {d.id: d.title or d.path for d in timeline.documents}
        self._order = np.arange(len(self._events), dtype=np.int64) if order is None else np.asarray(order, np.int64)
        self._forget_display()
        self._row_of = None  # built on first use: a million ids take a second to index
        self.endResetModel()

    def events(self) -> Sequence[Event]:
        return self._events

    def doc_titles(self) -> dict[str, str]:
        return self._doc_titles

    def set_order(self, order: IntArray) -> None:
        """Show these source rows, in this order (a sort or a search)."""
        self.beginResetModel()
        self._order = np.asarray(order, dtype=np.int64)
        self._forget_display()
        self.endResetModel()

    def order(self) -> IntArray:
        return self._order

    def row_of(self, event_id: str) -> int:
        """Source row of an event (its position in ``timeline.events``), -1 if unknown."""
        columns = columns_of(self._events)
        if columns is not None:
            position = columns.position(event_id)
            return int(columns.source[position]) if position >= 0 else -1
        if self._row_of is None:
            self._row_of = {e.id: i for i, e in enumerate(self._events)}
        return self._row_of.get(event_id, -1)

    def _forget_display(self) -> None:
        self._display = None
        self._display_scans = 0

    def display_row(self, source_row: int) -> int:
        """Where a source row is shown, -1 if a search hides it.

        The first few lookups in a long list scan the order: building the table from source
        rows to display rows takes ten times as long (a tenth of a second at millions of rows),
        and showing a timeline looks up one row, its first event's.
        """
        if not 0 <= source_row < len(self._events):
            return -1
        if self._display is None and len(self._order) > DISPLAY_TABLE_LIMIT and self._display_scans < DISPLAY_SCANS:
            self._display_scans += 1
            found = np.flatnonzero(self._order == source_row)
            return int(found[0]) if len(found) else -1
        if self._display is None:
            display = np.full(len(self._events), -1, dtype=np.int64)
            display[self._order] = np.arange(len(self._order), dtype=np.int64)
            self._display = display
        return int(self._display[source_row])

    def source_row(self, display_row: int) -> int:
        return int(self._order[display_row])

    def view_index(self, source_row: int, column: int = 0) -> QModelIndex:
        row = self.display_row(source_row)
        return self.index(row, column) if row >= 0 else QModelIndex()

    def refresh_rows(self, rows: list[int]) -> None:
        """Repaint rows (source rows) whose events were edited in place."""
        last = self.columnCount() - 1
        for source in rows:
            row = self.display_row(source)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def event(self, row: int) -> Event:  # type: ignore[override]
        """The event shown at display row ``row``."""
        return self._events[int(self._order[row])]

    # Qt model -----------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(COLUMNS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (SOURCES_COLUMN, CONFIDENCE_COLUMN):
            return _RIGHT
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event = self._events[int(self._order[index.row()])]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return event.date.describe()
            if col == 1:
                # ✎ marks an event the user has edited (kept across re-extraction).
                return f"✎ {event.title}" if event.curated else event.title
            if col == SOURCES_COLUMN:
                n = source_count(event)
                return (f"⚠ {n}" if event.conflict else str(n)) if n else ""
            if col == CONFIDENCE_COLUMN:
                return f"{event.confidence:.2f}"
            if col == COLUMNS.index("Status"):
                return event.status.value
            return self._doc_titles.get(event.document, event.document)
        if role == Qt.ItemDataRole.DecorationRole and col == 1:
            return self._doc_colors.get(event.document)
        if role == ID_ROLE:
            return event.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (SOURCES_COLUMN, CONFIDENCE_COLUMN):
            return _RIGHT
        # One article is the common case: its "1" recedes, so that joined events stand out.
        if role == Qt.ItemDataRole.ForegroundRole and col == SOURCES_COLUMN and source_count(event) <= 1:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == SOURCES_COLUMN:
                return self._sources_tip(event)
            if col == CONFIDENCE_COLUMN:
                return f"Confidence in the date: {confidence_text(event.confidence)}"
            group = f"\nGroup: {event.group}" if event.group else ""
            basis = f"\nWhy this date: {event.date_basis}" if event.date_basis else ""
            return f"{event.title}\n{event.date.describe()}{group}{basis}\n{event.sentence}"
        if role == Qt.ItemDataRole.FontRole and (event.status is Status.EXPECTED or event.date.is_uncertain):
            return self._italic
        return None

    def _sources_tip(self, event: Event) -> str:
        sources = event.sources
        if not sources:
            return "Added by hand: no article tells it"
        names = "\n".join(f"• {self._doc_titles.get(d, d)}" for d in sources[:12])
        more = f"\n… and {len(sources) - 12} more" if len(sources) > 12 else ""
        head = f"Told by {len(sources)} article{'s' if len(sources) != 1 else ''}:"
        warning = "\n⚠ They disagree on its date (see the detail pane)" if event.conflict else ""
        return f"{head}\n{names}{more}{warning}"


class _IndexJob(QObject):
    """Carries an index built on a worker thread back to the GUI thread."""

    built = Signal(object, int)  # ListIndex, generation


_EDITING_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End)


class MiddleElided(QStyledItemDelegate):
    """Cut in the middle: "between Oct 2024 … date not stated" keeps both ends of a date."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


DATE_COLUMN_MAX_PX = 230  # wider dates are elided in the middle; the tooltip has them in full
DATE_COLUMN_MIN_PX = 100
EVENT_COLUMN_MIN_PX = 140  # the Event column is never fitted narrower than this
MEASURED_DATES = 5000  # the date column is sized to the widest of this many dates
MEASURED_COLUMN_DATES = 200  # ... or of this many, for events held as columns


class EventList(QWidget):
    """Search field above the event table; emits the id of the event the user picks.

    Ctrl- and Shift-click select several rows: ``events_picked`` then carries all their
    ids, the current row's first. Enter in the search field (or the arrows beside it) steps
    through the matching events in reading order: ``match_requested`` carries the one to show.
    """

    event_activated = Signal(str)
    events_picked = Signal(list)
    match_requested = Signal(str)  # show this matching event on the timeline
    index_did_finish = Signal()  # sorting and searching are ready

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EventTableModel(self)
        self.proxy = self.model  # the model the table shows (kept under this name for callers)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchField")
        self.search.setAccessibleName("Filter events")
        self.search.setPlaceholderText("Filter events (Ctrl+F)")
        self.search.setToolTip("Shows the events whose text contains this. Enter: the next one on the timeline")
        self.search.setClearButtonEnabled(True)
        self.previous_match = self._tool_button("▲", "previousMatch", "Previous matching event (Shift+Enter)")
        self.next_match = self._tool_button("▼", "nextMatch", "Next matching event on the timeline (Enter)")
        self.match_label = QLabel(self)
        self.match_label.setObjectName("matchCount")
        self.match_label.setAccessibleName("Matching events")
        self.table = QTableView(self)
        self.table.setObjectName("eventList")
        self.table.setAccessibleName("Event list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(0, MiddleElided(self.table))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in the rest of the window
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 190)
        header.resizeSection(1, 230)
        numbers = self.fontMetrics()
        for column in (SOURCES_COLUMN, CONFIDENCE_COLUMN):
            header.resizeSection(column, numbers.horizontalAdvance(COLUMNS[column]) + 14)
        header.resizeSection(COLUMNS.index("Status"), 80)
        # No sort indicator at first: rows stay in reading order.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        # The Event column takes what Date, Sources and Confidence leave, until resized by hand.
        self._event_width_auto = True
        self._fitting_event = False
        self._date_width = 190
        header.sectionResized.connect(self._section_resized)
        search_row = QHBoxLayout()
        search_row.setContentsMargins(0, 0, 0, 0)
        search_row.setSpacing(2)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.match_label)
        search_row.addWidget(self.previous_match)
        search_row.addWidget(self.next_match)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(search_row)
        layout.addWidget(self.table)
        self.search.textChanged.connect(self._search_changed)
        self.previous_match.clicked.connect(lambda: self.step_match(-1))
        self.next_match.clicked.connect(lambda: self.step_match(+1))
        self.search.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._syncing = False
        self._current_id = ""
        self._index: ListIndex | None = None
        # The whole timeline's events and index, kept while the content stays, for filtered parts.
        self._whole: tuple[Sequence[Event], ListIndex] | None = None
        self._source_events: Sequence[Event] = []
        self._rows_in_whole: IntArray | None = None  # the shown rows' rows in the whole; None: all shown
        self._reading_rows: IntArray = np.zeros(0, dtype=np.int64)
        self._generation = 0
        self._job: _IndexJob | None = None
        self._sort: tuple[int, bool] | None = None  # column, descending
        self._matches: IntArray | None = None  # source rows matching the search, in row order
        self._update_match_label()

    def _tool_button(self, text: str, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setAccessibleName(tip)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    # content ------------------------------------------------------------------------

    def set_timeline(
        self,
        timeline: Timeline,
        doc_colors: dict[str, QColor] | None = None,
        fit_columns: bool = True,
        reading_rows: IntArray | None = None,
        part_of: tuple[Sequence[Event], IntArray] | None = None,
    ) -> None:
        """Show ``timeline``'s events; ``reading_rows`` are its rows in reading order (row order if None).

        ``part_of`` = (the whole timeline's events, the rows of those shown): a filtered part, whose
        index is taken from the whole's when that is known (see :meth:`forget_whole`).
        """
        n = len(timeline.events)
        self._reading_rows = (
            np.arange(n, dtype=np.int64) if reading_rows is None else np.asarray(reading_rows, dtype=np.int64)
        )
        was_part = self._rows_in_whole is not None
        self._source_events = timeline.events
        self._rows_in_whole = None if part_of is None else np.asarray(part_of[1], dtype=np.int64)
        whole = self._whole
        derived = None
        if part_of is not None and whole is not None and whole[0] is part_of[0] and whole[1].size == len(part_of[0]):
            derived = whole[1].subset(self._rows_in_whole, self._reading_rows)  # type: ignore[arg-type]
        elif was_part and part_of is None and whole is not None and whole[0] is timeline.events and whole[1].size == n:
            derived = whole[1]  # a filter switched off: the whole timeline's index is still good
            derived.set_reading_order(self._reading_rows)
        self._syncing = True
        try:
            self.model.set_timeline(timeline, doc_colors, self._reading_rows if len(self._reading_rows) == n else None)
            self._index = derived
            self._job = None
            self._generation += 1
            self._apply_view()
        finally:
            self._syncing = False
        if derived is not None:
            self._update_match_label()
        elif self._index is not None:
            pass  # the search or the sort needed it at once, and it was built then
        elif len(timeline.events) <= SYNC_INDEX_LIMIT:
            self._build_index()
        else:
            generation = self._generation
            QTimer.singleShot(INDEX_DELAY_MS, self, lambda: self._start_index(generation))
        if fit_columns:
            self.fit_date_column(timeline)

    def whole_confidences(self, events: Sequence[Event]) -> np.ndarray | None:
        """The confidence of each of ``events`` if the whole timeline's index has them already."""
        whole = self._whole
        if whole is None or whole[0] is not events or whole[1].size != len(events):
            return None
        return whole[1].confidences

    def forget_whole(self) -> None:
        """The timeline's content changed: the whole index no longer serves filtered parts."""
        self._whole = None

    def set_reading_order(self, reading_rows: IntArray) -> None:
        """The reading order changed (a date was edited) but not the events themselves."""
        self._reading_rows = np.asarray(reading_rows, dtype=np.int64)
        if self._index is not None:
            self._index.set_reading_order(self._reading_rows)
        self._keep_selection(self._apply_view)

    def refresh_rows(self, rows: list[int]) -> None:
        """Source rows whose events were edited in place: repaint them and search them anew."""
        if self._index is not None:
            self._index.update_rows(self.model.events(), rows)
        whole = self._whole
        if whole is not None and whole[1] is not self._index and self._rows_in_whole is not None:
            inside = [r for r in rows if 0 <= r < len(self._rows_in_whole)]
            whole[1].update_rows(whole[0], [int(self._rows_in_whole[r]) for r in inside])
        self.model.refresh_rows(rows)

    def is_indexed(self) -> bool:
        return self._index is not None

    def _start_index(self, generation: int) -> None:
        """Build the index for the timeline set as ``generation``, unless that is done or under way."""
        if generation == self._generation and self._index is None and self._job is None:
            self._build_index()

    def _build_index(self) -> None:
        events, rows, titles = self.model.events(), self._reading_rows, dict(self.model.doc_titles())
        generation = self._generation
        columns = columns_of(events)

        def make() -> ListIndex:
            if columns is not None:
                from timeline_app.core.list_index_columns import ColumnListIndex

                return ColumnListIndex(columns, rows, titles)  # array work, mostly without the GIL
            return ListIndex(events, rows, titles)

        if len(events) <= SYNC_INDEX_LIMIT:
            self._index_built(make(), generation)
            return
        job = _IndexJob()
        job.built.connect(self._index_built)
        self._job = job
        self._update_match_label()

        def work() -> None:
            index = make()
            with contextlib.suppress(RuntimeError):  # the application quit while the index was being built
                job.built.emit(index, generation)

        threading.Thread(target=work, name="event-list-index", daemon=True).start()

    def _index_built(self, index: ListIndex, generation: int) -> None:
        if generation != self._generation:
            return  # another timeline was set meanwhile
        self._job = None
        self._index = index
        if self._rows_in_whole is None:
            self._whole = (self._source_events, index)
        if len(self._reading_rows) == index.size:
            index.set_reading_order(self._reading_rows)
        if self._sort is not None or self.search.text().strip():
            self._keep_selection(self._apply_view)
        self._update_match_label()
        self.index_did_finish.emit()

    # sorting and searching ----------------------------------------------------------

    def _apply_view(self) -> None:
        """Set the model's rows from the search and the sort, by arrays."""
        n = len(self.model.events())
        index = self._index
        text = self.search.text().strip()
        if index is None and (text or self._sort is not None):
            self._start_index(self._generation)
            index = self._index
        rows: IntArray | None = None  # all rows
        if text and index is not None:
            rows = index.matching(text)
        self._matches = rows
        if self._sort is not None and index is not None:
            column, descending = self._sort
            order = index.sorted_rows(
                np.arange(n, dtype=np.int64) if rows is None else rows, KEY_COLUMNS[column], descending
            )
        elif rows is None and len(self._reading_rows) == n:
            # Everything in reading order: that order is known already, nothing to sort.
            order = self._reading_rows
            if self._sort is not None and self._sort[1]:
                order = order[::-1].copy()
        else:
            rows = np.arange(n, dtype=np.int64) if rows is None else rows
            rank = index.rank("date") if index is not None else reading_ranks(n, self._reading_rows)
            order = rows[np.argsort(rank[rows], kind="stable")]
            if self._sort is not None and self._sort[1]:
                order = order[::-1].copy()
        self.model.set_order(order)
        self._update_match_label()

    def _keep_selection(self, change: Any) -> None:
        """Run ``change`` (which resets the model) and select the same events again."""
        ids = self.selected_ids()
        current = self._current_id
        self._syncing = True
        try:
            change()
        finally:
            self._syncing = False
        if ids:
            rows = [self.model.row_of(i) for i in ids]
            self.select_events(ids, rows)
        elif current:
            self.select_event(current)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        self._sort = None if column < 0 else (column, order == Qt.SortOrder.DescendingOrder)
        self._keep_selection(self._apply_view)

    def sort_by(self, column: int, descending: bool = False) -> None:
        """Sort by a column (-1: reading order), as a click on its header does."""
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)

    def _search_changed(self, text: str) -> None:
        self._keep_selection(self._apply_view)

    def matching_ids(self) -> list[str]:
        """Events matching the search, in reading order (all of them without a search)."""
        events = self.model.events()
        rows = self._matches if self._matches is not None else np.arange(len(events), dtype=np.int64)
        rank = self._index.rank("date") if self._index is not None else reading_ranks(len(events), self._reading_rows)
        ordered = rows[np.argsort(rank[rows], kind="stable")]
        return [events[r].id for r in ordered.tolist()]

    def step_match(self, step: int) -> None:
        """Show the next (or previous) matching event after the current one, in reading order."""
        if self._matches is None or not len(self._matches) or self._index is None:
            return
        rank = self._index.rank("date")
        matches = self._matches[np.argsort(rank[self._matches], kind="stable")]
        current = self.model.row_of(self._current_id) if self._current_id else -1
        ranks = rank[matches]
        if current < 0:
            k = 0 if step > 0 else len(matches) - 1
        else:
            here = int(rank[current])
            k = int(np.searchsorted(ranks, here, side="right" if step > 0 else "left"))
            k = k if step > 0 else k - 1
            k %= len(matches)
        event = self.model.events()[int(matches[k])]
        self.match_requested.emit(event.id)

    def _update_match_label(self) -> None:
        if self._job is not None and self._index is None:
            self.match_label.setText(f"indexing {format_count(len(self.model.events()))} events…")
        elif self._matches is not None:
            count = len(self._matches)
            self.match_label.setText(f"{format_count(count)} match{'es' if count != 1 else ''}")
        else:
            self.match_label.setText("")
        enabled = self._matches is not None and len(self._matches) > 0
        self.previous_match.setEnabled(enabled)
        self.next_match.setEnabled(enabled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Keys that move the text cursor belong to the search field, not to the window's
        # single-key shortcuts (previous/next/first/last event).
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step_match(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else +1)
                return True
        if watched is self.search and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if event.key() in _EDITING_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
                event.accept()
                return True
        return super().eventFilter(watched, event)

    def fit_date_column(self, timeline: Timeline) -> None:
        """Make the Date column as wide as ``timeline``'s first dates need (a sample of them)."""
        metrics = self.table.fontMetrics()
        # Events held as columns are built to be measured: a sample does.
        measured = MEASURED_DATES if columns_of(timeline.events) is None else MEASURED_COLUMN_DATES
        widest = max((metrics.horizontalAdvance(e.date.describe()) for e in timeline.events[:measured]), default=0)
        self._date_width = min(max(widest + 16, DATE_COLUMN_MIN_PX), DATE_COLUMN_MAX_PX)
        if self._event_width_auto:
            self._fit_event_column()
        else:
            self.table.horizontalHeader().resizeSection(0, self._date_width)

    def _fit_event_column(self) -> None:
        """Date and Event share what Sources and Confidence leave in view: Event gets at least a title's
        worth, Date its widest date when there is room (longer dates are cut in the middle)."""
        if not self._event_width_auto:
            return
        header = self.table.horizontalHeader()
        # The width inside the frame, less a vertical scroll bar (there is one as soon as the list is long).
        inside = self.table.width() - 2 * self.table.frameWidth() - self.table.verticalScrollBar().sizeHint().width()
        room = inside - sum(header.sectionSize(c) for c in (SOURCES_COLUMN, CONFIDENCE_COLUMN))
        date_width = min(self._date_width, max(DATE_COLUMN_MIN_PX, room - EVENT_COLUMN_MIN_PX))
        self._fitting_event = True
        try:
            header.resizeSection(0, date_width)
            header.resizeSection(1, max(room - date_width, EVENT_COLUMN_MIN_PX))
        finally:
            self._fitting_event = False

    def _section_resized(self, section: int, _old: int, _new: int) -> None:
        if section in (0, 1) and not self._fitting_event:
            self._event_width_auto = False  # the person chose a width: keep it

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_event_column()

    # selection ----------------------------------------------------------------------

    def visible_ids(self) -> list[str]:
        """Ids of the rows shown, top to bottom (touches every row: for tests and small lists)."""
        events = self.model.events()
        return [events[r].id for r in self.model.order().tolist()]

    def select_event(self, event_id: str, row: int | None = None) -> None:
        """Reflect a selection made elsewhere without re-emitting it; ``row``: its source row, if known."""
        self._current_id = event_id
        if row is None:
            row = self.model.row_of(event_id) if event_id else -1
        selection = self.table.selectionModel()
        self._syncing = True
        try:
            index = self.model.view_index(row) if row >= 0 else QModelIndex()
            if not index.isValid():
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
                return
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            selection.setCurrentIndex(index, flags)
            self.table.scrollTo(index)
        finally:
            self._syncing = False

    def select_events(self, event_ids: list[str], rows: list[int]) -> None:
        """Reflect a selection of several events made elsewhere; the first is the current one."""
        self.select_event(event_ids[0] if event_ids else "", rows[0] if rows else -1)
        if len(rows) <= 1:
            return
        selection = self.table.selectionModel()
        self._syncing = True
        try:
            chosen = QItemSelection()
            last = self.model.columnCount() - 1
            for source in rows[1:]:
                index = self.model.view_index(source)
                if index.isValid():
                    chosen.select(index, self.model.index(index.row(), last))
            selection.select(chosen, QItemSelectionModel.SelectionFlag.Select)
        finally:
            self._syncing = False

    def selected_ids(self) -> list[str]:
        """Ids of the selected rows, the current row's first."""
        selection = self.table.selectionModel()
        rows = sorted({index.row() for index in selection.selectedIndexes()})
        events = self.model.events()
        ids = [events[self.model.source_row(r)].id for r in rows]
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
