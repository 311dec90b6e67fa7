"""The main window's view options: the axis, zoom presets, lanes in bands, and which documents show.

Hiding documents (from the legend) and the editing layer's event filter combine into one mask
over the whole timeline's rows; the store shown is that mask over the whole store's arrays. An
event several documents tell is each one's: it is counted for each, and hidden only when all of
them are hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import numpy as np
from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from timeline_app.app.chronology import Chronology
from timeline_app.app.document_rows import document_counts, other_sources, row_documents
from timeline_app.app.prepared_view import PreparedView
from timeline_app.core.arrays import distinct
from timeline_app.core.model import Event, Timeline
from timeline_app.core.store import EventStore
from timeline_app.qt.canvas import TimelineCanvas
from timeline_app.qt.legend_panel import DocumentLegend
from timeline_app.qt.overview import OverviewStrip
from timeline_app.qt.window_actions import make_action

# (menu text, shortcut, axis days shown)
ZOOM_PRESETS: tuple[tuple[str, str, float], ...] = (
    ("&Day", "Ctrl+1", 1.0),
    ("&Week", "Ctrl+2", 7.0),
    ("&Month", "Ctrl+3", 30.44),
    ("&Year", "Ctrl+4", 365.25),
    ("D&ecade", "Ctrl+5", 3652.5),
)
LANE_MODES = (("none", "&One Set of Lanes"), ("group", "A Band per &Group"), ("document", "A Band per &Document"))
UNGROUPED = "(no group)"


class WindowView(QMainWindow):
    """View menu entries and document visibility; the window builds the widgets they act on."""

    events_did_change: SignalInstance
    _canvas: TimelineCanvas
    _overview: OverviewStrip
    _menus: dict[str, QMenu]
    _timeline: Timeline
    _store: EventStore
    _chronology: Chronology
    _selected: str
    refresh: Callable[[], None]

    def _build_view_actions(self) -> None:
        self._hidden_docs: set[str] = set()
        self._other_sources_of: tuple[Sequence[Event], int, dict[int, list[int]]] | None = None
        self._prepared: PreparedView | None = None  # counted by the loader, for the legend's next fill
        self._legend_store: EventStore | None = None  # the whole store the legend is to count
        self._legend_held = False  # filled by _fill_legend only (a load being shown fills it in a step of its own)
        self._lane_mode = "none"
        self._legend_auto = True  # shown by itself when a second document arrives, until hidden by hand
        view = self._menus["view"]
        view.addSeparator()
        presets = view.addMenu("Zoom &To")
        presets.setObjectName("zoomPresetsMenu")
        self.zoom_preset_actions: dict[str, QAction] = {}
        for text, key, days in ZOOM_PRESETS:
            action = make_action(self, text, partial(self.zoom_to_preset, days), [key])
            presets.addAction(action)
            self.zoom_preset_actions[text.replace("&", "").lower()] = action
        self.act_linear_axis = make_action(self, "&Linear Time Axis", self._linear_axis_toggled, ["Ctrl+Shift+L"])
        self.act_linear_axis.setCheckable(True)
        self.act_linear_axis.setStatusTip("Show time to scale, without compressing long empty stretches")
        view.addAction(self.act_linear_axis)
        lanes = view.addMenu("&Lanes")
        lanes.setObjectName("laneModesMenu")
        group = QActionGroup(self)
        self.lane_mode_actions: dict[str, QAction] = {}
        for mode, text in LANE_MODES:
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(mode == "none")
            action.triggered.connect(lambda _c=False, m=mode: self.set_lane_mode(m))
            group.addAction(action)
            lanes.addAction(action)
            self.lane_mode_actions[mode] = action
        self._legend = DocumentLegend(self)
        self._legend_dock = QDockWidget("Documents", self)
        self._legend_dock.setObjectName("legendDock")
        self._legend_dock.setWidget(self._legend)
        self._legend_dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self._legend_dock)
        self._legend_dock.hide()
        self.act_legend = self._legend_dock.toggleViewAction()
        self.act_legend.setText("&Documents Legend")
        self.act_legend.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.act_legend.triggered.connect(lambda checked: setattr(self, "_legend_auto", False))
        view.addAction(self.act_legend)
        self._legend.visibility_changed.connect(self.set_document_visible)
        self._legend.document_activated.connect(self._show_only_document)

    # axis and zoom ------------------------------------------------------------------

    def _linear_axis_toggled(self) -> None:
        self.set_linear_axis(self.act_linear_axis.isChecked())

    def set_linear_axis(self, linear: bool) -> None:
        """Time to scale (True), or the story at full width with far outliers compressed (False)."""
        self.act_linear_axis.setChecked(linear)
        self._canvas.set_compressed_axis(not linear)

    def zoom_to_preset(self, days: float) -> None:
        """Show ``days`` around the selected event if it is in view, else around the view's centre."""
        vp = self._canvas.viewport_range()
        pos = self._store.position(self._selected) if self._selected else -1
        center = self._store.marker_time(pos) if pos >= 0 else vp.center
        if pos >= 0 and not vp.t0 <= center <= vp.t1:
            center = vp.center
        self._canvas.zoom_to_span(days, center)
        if self._selected:
            self._canvas.reveal(self._selected)

    # lanes in bands -----------------------------------------------------------------

    def lane_mode(self) -> str:
        return self._lane_mode

    def set_lane_mode(self, mode: str) -> None:
        """ "none", "group" (a band of lanes per group a person filed events under) or "document"."""
        self._lane_mode = mode
        self.lane_mode_actions[mode].setChecked(True)
        self._update_bands()

    def _update_bands(self) -> None:
        store = self._store
        if self._lane_mode == "document":
            docs = self._timeline.documents
            used = distinct(store.doc) if len(store) else np.zeros(0, dtype=np.int32)
            names = [docs[d].title or docs[d].path if 0 <= d < len(docs) else "(no document)" for d in used.tolist()]
            bands = np.searchsorted(used, store.doc).astype(np.int64)
            self._canvas.set_bands(bands, names)
        elif self._lane_mode == "group" and store.events is not None:
            events = store.events
            groups = [events[r].group for r in store.source_index.tolist()]
            names = sorted({g for g in groups if g}, key=str.casefold)
            if "" in groups:
                names.append(UNGROUPED)
            band_of = {g: i for i, g in enumerate(names)}
            bands = np.fromiter((band_of[g or UNGROUPED] for g in groups), dtype=np.int64, count=len(groups))
            self._canvas.set_bands(bands, names)
        else:
            self._canvas.set_bands(None)

    # documents shown ----------------------------------------------------------------

    def hidden_documents(self) -> set[str]:
        return set(self._hidden_docs)

    def set_document_visible(self, doc_id: str, visible: bool) -> None:
        """Show or hide one document's events on the canvas, in the list and in navigation."""
        if visible == (doc_id not in self._hidden_docs):
            return
        if visible:
            self._hidden_docs.discard(doc_id)
        else:
            self._hidden_docs.add(doc_id)
        self._legend.set_shown(doc_id, visible)
        self._refilter()

    def _show_only_document(self, doc_id: str) -> None:
        self._hidden_docs = {d.id for d in self._timeline.documents if d.id != doc_id}
        for doc in self._timeline.documents:
            self._legend.set_shown(doc.id, doc.id == doc_id)
        self._refilter()

    def _refilter(self) -> None:
        raise NotImplementedError  # the window re-applies its filters

    def _document_mask(self, tl: Timeline, full: EventStore) -> np.ndarray | None:
        """Rows of ``tl.events`` whose document is shown; None when every document is."""
        hidden = {i for i, d in enumerate(tl.documents) if d.id in self._hidden_docs}
        if not hidden:
            return None
        docs = row_documents(tl, full)
        shown = ~np.isin(docs, np.array(sorted(hidden), dtype=np.int64))
        for row, others in self._other_sources(tl).items():
            if not shown[row] and any(d not in hidden for d in others):
                shown[row] = True  # another document that tells it is shown
        return shown

    def _document_shown(self, event: Event) -> bool:
        if event.document not in self._hidden_docs:
            return True
        return any(m.document not in self._hidden_docs for m in event.mentions)

    def _other_sources(self, tl: Timeline) -> dict[int, list[int]]:
        """For each row told by several documents, the documents (indices) besides its first; found once per content."""
        cached = self._other_sources_of
        if cached is not None and cached[0] is tl.events and cached[1] == len(tl.events):
            return cached[2]
        found = other_sources(tl)
        self._other_sources_of = (tl.events, len(tl.events), found)
        return found

    def _forget_sources(self) -> None:
        """The content changed: which documents tell which events is found again, and nothing the
        loader found for the content as loaded is kept (the overview's sorted marks hold its store)."""
        self._other_sources_of = None
        self._prepared = None
        self._overview.use_sorted_marks(None)

    def _adopt_prepared(self, prepared: PreparedView | None) -> None:
        """Take what the loader counted for the timeline about to be shown, instead of counting it here."""
        self._prepared = prepared
        if prepared is not None:
            self._other_sources_of = (prepared.events, len(prepared.events), prepared.other_sources)
        self._overview.use_sorted_marks(prepared.marks if prepared is not None else None)

    def _update_legend(self, full: EventStore) -> None:
        tl = self._timeline
        self._legend_store = full
        self._hidden_docs &= {d.id for d in tl.documents}
        # Shown before it is filled, so that the window is laid out once, before its first paint.
        if len(tl.documents) > 1 and self._legend_auto and not self._legend_dock.isVisible():
            self._legend_dock.show()
        if self._legend_held:
            self._legend.set_documents([], [], [], set())  # no rows of what was shown before, meanwhile
        else:
            self._fill_legend()

    def _legend_later(self, show: Callable[[], None]) -> None:
        """Run ``show`` with the legend left empty: :meth:`_fill_legend` fills it afterwards."""
        self._legend_held = True
        try:
            show()
        finally:
            self._legend_held = False

    def _fill_legend(self) -> None:
        """Each document's colour, title and number of events, for the whole store last shown."""
        tl, full = self._timeline, self._legend_store
        if full is None:
            return
        prepared, self._prepared = self._prepared, None
        # Counted once, for the content as loaded: an edit may have moved an event to another document since.
        if prepared is not None and prepared.fits(tl, full):
            counts = list(prepared.document_counts)
        else:
            counts = document_counts(tl, full, self._other_sources(tl))
        style = self._canvas.timeline_style()
        colors = [style.ink(i).color for i in range(len(tl.documents))]
        self._legend.set_documents(tl.documents, colors, counts, self._hidden_docs)

    def legend(self) -> DocumentLegend:
        return self._legend
