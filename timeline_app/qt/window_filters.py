"""The main window's filters over rows, and the views that gather events by what they hold:
View ▸ Hide Below Confidence…, the Actors and Places panel (a facet filter) and the Conflicts view.

The filters are masks over the whole timeline's rows (``core.row_filters``), computed once per
content and combined with the hidden documents and the editing layer's filter into the one mask
the window shows the store through. Ticking an entity or moving the threshold costs array work.
"""

from __future__ import annotations

import bisect
import contextlib
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDockWidget, QMainWindow, QMenu, QToolButton, QWidget

from timeline_app.app.big_timelines import columns_of, conflicted_source_rows, conflicts_if_found
from timeline_app.core.model import Event, Timeline
from timeline_app.core.provenance import edtf_words
from timeline_app.core.row_filters import (
    BoolArray,
    EntityFacets,
    FloatArray,
    at_least,
    confidences,
    hidden_below,
    names_pass,
)
from timeline_app.qt.conflicts_panel import ConflictRow, ConflictsPanel
from timeline_app.qt.facet_panel import FacetPanel
from timeline_app.qt.numbers import format_count
from timeline_app.qt.window_actions import make_action

if TYPE_CHECKING:
    from timeline_app.app.chronology import Chronology
    from timeline_app.qt.event_list import EventList
    from timeline_app.qt.settings import AppSettings

DEFAULT_THRESHOLD = 0.5
# Up to this many events the actors and places are found at once; beyond, on a worker thread.
FACETS_AT_ONCE = 50_000


class _FacetJob(QObject):
    """Carries facets built on a worker thread back to the GUI thread."""

    built = Signal(object, int)  # (events, EntityFacets), content version


class WindowFilters(QMainWindow):
    """Confidence threshold, actor/place facets and the Conflicts view; the window applies the masks."""

    events_did_change: SignalInstance
    selection_did_change: SignalInstance
    settings: AppSettings
    _menus: dict[str, QMenu]
    _timeline: Timeline
    _shown: Timeline
    _chronology: Chronology
    _event_list: EventList
    _legend_dock: QDockWidget
    _selected: str
    show_on_timeline: Callable[[str], None]

    def _build_filter_views(self) -> None:
        self._min_confidence: float | None = None
        self._confidence_values: tuple[list[Event], FloatArray] | None = None
        self._facets: tuple[list[Event], EntityFacets] | None = None
        self._facets_listed: EntityFacets | None = None  # what the panel shows
        self._facet_keys: set[tuple[str, str]] = set()  # ticked (kind, name): they outlive a rebuild
        self._facet_names: dict[str, set[str]] = {}
        self._conflict_rows: list[int] | None = None  # rows of events with a conflict; None: to find
        self._conflict_listing: list[ConflictRow] | None = None  # what the Conflicts view lists; None: to make
        self._content_version = 0  # counts content changes, so that a worker's late facets are dropped
        self._conflicts_recheck = QTimer(self)
        self._conflicts_recheck.setSingleShot(True)
        self._conflicts_recheck.setInterval(200)
        self._conflicts_recheck.timeout.connect(self._sync_conflicts)
        self._facet_job: _FacetJob | None = None
        self._docks_auto = {"entities": True, "conflicts": True}
        view = self._menus["view"]
        view.addSeparator()
        self.act_hide_below = make_action(self, "Hide &Below Confidence…", self.hide_below_dialog, ["Ctrl+Shift+H"])
        self.act_hide_below.setCheckable(True)
        self.act_hide_below.setStatusTip("Hide the events whose date is less sure than a value you choose")
        view.addAction(self.act_hide_below)
        self._facet_panel = FacetPanel(self)
        self._facet_dock = self._filter_dock("Actors and Places", "entitiesDock", self._facet_panel)
        self.act_entities = self._dock_action(self._facet_dock, "&Actors and Places", "Ctrl+Shift+A", "entities")
        self._conflicts_panel = ConflictsPanel(self)
        self._conflicts_dock = self._filter_dock("Conflicts", "conflictsDock", self._conflicts_panel)
        self.act_conflicts = self._dock_action(self._conflicts_dock, "&Conflicts", "Ctrl+Shift+C", "conflicts")
        view.addAction(self.act_entities)
        view.addAction(self.act_conflicts)
        go = self._menus["go"]
        go.addSeparator()
        self.act_next_conflict = make_action(self, "Next &Conflict", lambda: self.select_conflict(+1), ["F8"])
        self.act_previous_conflict = make_action(
            self, "Previous Co&nflict", lambda: self.select_conflict(-1), ["Shift+F8"]
        )
        go.addAction(self.act_next_conflict)
        go.addAction(self.act_previous_conflict)
        self._clear_filters = QToolButton(self)
        self._clear_filters.setObjectName("clearFilters")
        self._clear_filters.setText("Show all")
        self._clear_filters.setToolTip("Stop hiding events by confidence and by actor or place")
        self._clear_filters.setAutoRaise(True)
        self._clear_filters.clicked.connect(self.clear_row_filters)
        self._clear_filters.hide()
        self.statusBar().addPermanentWidget(self._clear_filters)
        self._facet_panel.checked_changed.connect(self._facets_ticked)
        self._conflicts_panel.event_chosen.connect(self.show_on_timeline)
        self._facet_dock.visibilityChanged.connect(lambda shown: self._fill_facets() if shown else None)
        self._conflicts_dock.visibilityChanged.connect(lambda shown: self._sync_conflicts() if shown else None)
        self.events_did_change.connect(self._filters_after_change)
        self.selection_did_change.connect(self._conflicts_panel.select)

    def _filter_dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        dock.hide()
        return dock

    def _tabify_filter_docks(self) -> None:
        """Put the filter docks behind the documents legend, as tabs: where a new window has them.

        Not before restoring a saved window state, which places them itself: tabified first, they
        left a stray tab bar over the menu bar once the state was restored.
        """
        for dock in (self._facet_dock, self._conflicts_dock):
            self.tabifyDockWidget(self._legend_dock, dock)

    def _dock_action(self, dock: QDockWidget, text: str, key: str, auto: str) -> QAction:
        """A checkable entry for a dock: it shows the dock, brings it to the front of its tabs, or hides it."""
        action = make_action(self, text, lambda: self._dock_toggled(dock, action, auto), [key])
        action.setCheckable(True)
        dock.visibilityChanged.connect(lambda _shown: action.setChecked(not dock.isHidden()))
        return action

    def _dock_toggled(self, dock: QDockWidget, action: QAction, auto: str) -> None:
        # Shown by itself when there is something to show, until hidden or shown by hand.
        self._docks_auto[auto] = False
        behind = not dock.isHidden() and dock.visibleRegion().isEmpty() and bool(self.tabifiedDockWidgets(dock))
        if dock.isHidden() or behind:
            dock.show()
            dock.raise_()
            dock.widget().setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            dock.hide()
        action.setChecked(not dock.isHidden())

    # the content behind the masks ---------------------------------------------------

    def _content_changed(self) -> None:
        """The timeline's events changed (replaced or edited): masks and lists are computed again."""
        self._confidence_values = None
        self._facets = None
        self._conflict_rows = None
        self._conflict_listing = None
        self._content_version += 1
        self._facet_job = None
        self._event_list.forget_whole()
        self._forget_sources()

    def _confidences(self, tl: Timeline) -> FloatArray:
        cached = self._confidence_values
        if cached is None or cached[0] is not tl.events or len(cached[1]) != len(tl.events):
            # The list's index (built off the GUI thread for big timelines) has them when it is the whole's.
            known = self._event_list.whole_confidences(tl.events)
            cached = self._confidence_values = (tl.events, known if known is not None else confidences(tl.events))
        return cached[1]

    def entity_facets(self, timeline: Timeline | None = None) -> EntityFacets:
        """The actors and places of the whole timeline (or of ``timeline``), and which events name each."""
        tl = self._timeline if timeline is None else timeline
        cached = self._facets
        if cached is None or cached[0] is not tl.events or cached[1].size != len(tl.events):
            facets = EntityFacets(tl.events, tl.entities)
            cached = self._facets = (tl.events, facets)
            # Ticks are kept by name, so that they survive edits and a timeline read again.
            self._facet_keys = {key for key in self._facet_keys if facets.find(key[1], key[0]) >= 0}
            self._facet_names = facets.names(self._ticked(facets))
        return cached[1]

    def _ticked(self, facets: EntityFacets) -> list[int]:
        found = (facets.find(name, kind) for kind, name in self._facet_keys)
        return sorted(k for k in found if k >= 0)

    # the masks the window combines ---------------------------------------------------

    def _row_filters_active(self) -> bool:
        return self._min_confidence is not None or bool(self._facet_keys)

    def _row_mask(self, tl: Timeline) -> BoolArray | None:
        """Rows of ``tl.events`` these filters show; None when they hide nothing."""
        mask: BoolArray | None = None
        if self._min_confidence is not None:
            mask = at_least(self._confidences(tl), self._min_confidence)
        if self._facet_keys:
            facets = self.entity_facets(tl)
            named = facets.mask(self._ticked(facets))
            if named is not None:
                mask = named if mask is None else mask & named
        return mask

    def _row_filter_passes(self, event: Event) -> bool:
        """Whether one event passes (after an edit, to see whether it joins or leaves the view)."""
        threshold = self._min_confidence
        if threshold is not None and event.confidence < threshold - 1e-9:
            return False
        return not self._facet_keys or names_pass(event, self._facet_names)

    def _filter_notes(self) -> list[str]:
        """What the status bar says these filters hide."""
        notes = []
        if self._min_confidence is not None:
            hidden = hidden_below(self._confidences(self._timeline), self._min_confidence)
            notes.append(f"{format_count(hidden)} below confidence {self._min_confidence:.2f} hidden")
        if self._facet_keys:
            notes.append(f"naming {_names_text(self._facet_keys)}")
        return notes

    # confidence ---------------------------------------------------------------------

    def min_confidence(self) -> float | None:
        return self._min_confidence

    def set_min_confidence(self, threshold: float | None) -> None:
        """Hide the events whose confidence is below ``threshold`` (None: hide none by confidence)."""
        value = None if threshold is None else min(max(float(threshold), 0.0), 1.0)
        self.act_hide_below.setChecked(value is not None)
        if value == self._min_confidence:
            return
        self._min_confidence = value
        self._refilter()

    def hide_below_dialog(self) -> None:
        from timeline_app.qt.confidence_dialog import ConfidenceDialog

        chosen = self._min_confidence
        start = chosen if chosen is not None else self.settings.confidence_threshold(DEFAULT_THRESHOLD)
        dialog = ConfidenceDialog(self._confidences(self._timeline), start, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted:
            threshold = dialog.threshold()
            if threshold is not None:
                self.settings.set_confidence_threshold(threshold)
            self.set_min_confidence(threshold)
        self.act_hide_below.setChecked(self._min_confidence is not None)

    # actors and places --------------------------------------------------------------

    def checked_entities(self) -> list[tuple[str, str]]:
        """The ticked actors and places, as (kind, name)."""
        return sorted(self._facet_keys)

    def set_checked_entities(self, keys: Iterable[tuple[str, str]]) -> None:
        """Show only the events naming these (kind, name) entities (none: no such filter)."""
        asked = {(str(k), str(n)) for k, n in keys}
        if not asked and not self._facet_keys:
            return  # nothing to find: the entities need not be read
        facets = self.entity_facets()
        wanted = {key for key in asked if facets.find(key[1], key[0]) >= 0}
        if wanted == self._facet_keys:
            return
        self._facet_keys = wanted
        self._facet_names = facets.names(self._ticked(facets))
        self._facet_panel.set_checked(self._ticked(facets))
        self._refilter()

    def _facets_ticked(self, ticked: list[int]) -> None:
        facets = self.entity_facets()
        self._facet_keys = {(facets.facets[k].kind, facets.facets[k].name) for k in ticked}
        self._facet_names = facets.names(ticked)
        self._refilter()

    def _current_facets(self) -> EntityFacets | None:
        """The facets of the timeline as it is, if they are built."""
        tl, cached = self._timeline, self._facets
        if cached is not None and cached[0] is tl.events and cached[1].size == len(tl.events):
            return cached[1]
        return None

    def _fill_facets(self) -> None:
        if columns_of(self._timeline.events) is not None:
            # Actors and places are in each event's record, read for shown rows only.
            count = format_count(len(self._timeline.events))
            self._facet_panel.set_busy(
                f"Actors and places are not listed for a timeline of {count} events opened as columns."
            )
            return
        facets = self._current_facets()
        if facets is None and len(self._timeline.events) > FACETS_AT_ONCE:
            self._build_facets_later()
            return
        facets = self.entity_facets()
        self._facet_panel.set_busy("")
        if facets is not self._facets_listed:
            self._facets_listed = facets
            self._facet_panel.set_facets(facets.facets, self._ticked(facets))
        if self._facet_keys:
            n = len(self._shown.events)
            shown = f"{format_count(n)} event{' shown names' if n == 1 else 's shown name'}"
            self._facet_panel.set_summary(f"{shown} {_names_text(self._facet_keys)}.")
        else:
            self._facet_panel.set_summary("")

    def _build_facets_later(self) -> None:
        """Find the actors and places of a big timeline on a worker thread; the panel says so meanwhile."""
        tl, version = self._timeline, self._content_version
        count = format_count(len(tl.events))
        self._facet_panel.set_busy(f"Reading the actors and places of {count} events…")
        if self._facet_job is not None:
            return
        job = self._facet_job = _FacetJob()
        job.built.connect(self._facets_built)
        events, entities = tl.events, list(tl.entities)

        def work() -> None:
            facets = EntityFacets(events, entities)
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                job.built.emit((events, facets), version)

        threading.Thread(target=work, name="entity-facets", daemon=True).start()

    def _facets_built(self, result: tuple[list[Event], EntityFacets], version: int) -> None:
        if version != self._content_version or result[0] is not self._timeline.events:
            return  # the timeline changed meanwhile: _content_changed dropped this job
        self._facet_job = None
        if result[1].size == len(self._timeline.events) and self._facets is None:
            self._facets = result
            facets = result[1]
            self._facet_keys = {key for key in self._facet_keys if facets.find(key[1], key[0]) >= 0}
            self._facet_names = facets.names(self._ticked(facets))
        if not self._facet_dock.isHidden():
            self._fill_facets()

    def clear_row_filters(self) -> None:
        """Stop hiding events by confidence and by the actors and places they name."""
        if not self._row_filters_active():
            return
        self._min_confidence = None
        self.act_hide_below.setChecked(False)
        self._facet_keys = set()
        self._facet_names = {}
        self._facet_panel.set_checked([])
        self._refilter()

    # conflicts ----------------------------------------------------------------------

    def conflicted_rows(self) -> list[int]:
        """Rows of the whole timeline whose sources disagree on the date."""
        if self._conflict_rows is None:
            columns = columns_of(self._timeline.events)
            if columns is not None:
                self._conflict_rows = conflicted_source_rows(columns)
            else:
                self._conflict_rows = [i for i, e in enumerate(self._timeline.events) if e.conflict]
        return self._conflict_rows

    def _fill_conflicts(self) -> None:
        """List the conflicts once per content; a filter only greys or un-greys rows."""
        tl = self._timeline
        if self._conflict_listing is None:
            names = {d.id: d.title or d.path or d.id for d in tl.documents}
            rows = []
            for r in self.conflicted_rows():
                event = tl.events[r]
                dates = " · ".join(dict.fromkeys(edtf_words(edtf) for _doc, edtf in event.conflict))
                detail = "\n".join(f"{names.get(doc, doc)}: {edtf_words(edtf)}" for doc, edtf in event.conflict)
                rows.append(ConflictRow(event.id, event.title, dates, len(event.sources), detail))
            self._conflict_listing = rows
            self._conflicts_panel.set_rows(rows)
        chronology = self._chronology
        hidden = {r.event_id for r in self._conflict_listing if chronology.index_of(r.event_id) < 0}
        self._conflicts_panel.set_hidden(hidden)
        self._conflicts_panel.select(self._selected)

    def select_conflict(self, step: int) -> None:
        """Go ▸ Next (Previous) Conflict: the next event whose sources disagree, in reading order."""
        events = self._timeline.events
        chronology = self._chronology
        places = sorted(p for p in (chronology.index_of(events[r].id) for r in self.conflicted_rows()) if p >= 0)
        if not places:
            self.statusBar().showMessage("No event shown has sources that disagree on its date", 4000)
            return
        here = chronology.index_of(self._selected) if self._selected else -1
        if step > 0:
            k = bisect.bisect_right(places, here)
            target = places[k % len(places)]
        else:
            k = bisect.bisect_left(places, here) - 1 if here >= 0 else len(places) - 1
            target = places[k % len(places)]
        self.show_on_timeline(chronology.id_at(target))

    # after every change -------------------------------------------------------------

    def _filters_after_change(self) -> None:
        """Keep the panels, their titles and the status bar's button in step with the timeline shown."""
        tl = self._timeline
        self._clear_filters.setVisible(self._row_filters_active())
        self.act_hide_below.setChecked(self._min_confidence is not None)
        several = len(tl.documents) > 1
        named = bool(tl.entities) or any(e.actors or e.places for e in tl.events[:200])
        if several and named and self._docks_auto["entities"] and self._facet_dock.isHidden():
            self._show_tab(self._facet_dock)
        if not self._facet_dock.isHidden():
            self._fill_facets()
        self._sync_conflicts()

    def _sync_conflicts(self) -> None:
        """The Conflicts title and panel; for a columns timeline still being scanned, again once it is."""
        rows = self._conflict_rows_if_known()
        if rows is None:
            self._conflicts_dock.setWindowTitle("Conflicts (counting…)")
            self._conflicts_panel.set_counting()
            if not self._conflicts_recheck.isActive():
                # Asked again shortly rather than waited for: the scan takes seconds at millions of events.
                self._conflicts_recheck.start()
            return
        conflicts = len(rows)
        self._conflicts_dock.setWindowTitle(f"Conflicts ({format_count(conflicts)})" if conflicts else "Conflicts")
        if conflicts and self._docks_auto["conflicts"] and self._conflicts_dock.isHidden():
            self._show_tab(self._conflicts_dock)
        if not self._conflicts_dock.isHidden():
            self._fill_conflicts()

    def _conflict_rows_if_known(self) -> list[int] | None:
        """:meth:`conflicted_rows` without waiting: None while a columns timeline's scan runs."""
        if self._conflict_rows is None:
            columns = columns_of(self._timeline.events)
            if columns is not None:
                self._conflict_rows = conflicts_if_found(columns)
                return self._conflict_rows
        return self.conflicted_rows()

    def _show_tab(self, dock: QDockWidget) -> None:
        """Show a dock as a tab beside the documents legend, leaving the tab in front where it is."""
        front = self._legend_dock if not self._legend_dock.isHidden() else None
        dock.show()
        if front is not None:
            front.raise_()

    # view state ---------------------------------------------------------------------

    def _filter_state(self) -> dict[str, Any]:
        return {"min_confidence": self._min_confidence, "entities": [list(k) for k in sorted(self._facet_keys)]}

    def _apply_filter_state(self, state: dict[str, Any]) -> None:
        """Restore what :meth:`_filter_state` saved; damaged entries are skipped."""
        value = state.get("min_confidence")
        threshold = float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
        raw = state.get("entities")
        keys = {
            (str(item[0]), str(item[1]))
            for item in (raw if isinstance(raw, list) else [])
            if isinstance(item, list) and len(item) == 2
        }
        if threshold == self._min_confidence and not keys and not self._facet_keys:
            return
        self._min_confidence = None if threshold is None else min(max(threshold, 0.0), 1.0)
        if keys or self._facet_keys:  # the entities are read only when some are ticked
            facets = self.entity_facets()
            self._facet_keys = {k for k in keys if facets.find(k[1], k[0]) >= 0}
            self._facet_names = facets.names(self._ticked(facets))
            self._facet_panel.set_checked(self._ticked(facets))
        self._refilter()

    def _refilter(self) -> None:
        raise NotImplementedError  # the window re-applies its filters

    def _forget_sources(self) -> None:
        raise NotImplementedError  # the window's view part keeps which documents tell which events


def _names_text(keys: set[tuple[str, str]], limit: int = 3) -> str:
    """ "Airbus or Boeing, and Toulouse": ticked actors, then places, as the filter combines them."""
    groups = []
    for kind in ("actor", "place"):
        names = sorted((n for k, n in keys if k == kind), key=str.casefold)
        if names:
            shown = " or ".join(names[:limit]) + (f" (+{len(names) - limit} more)" if len(names) > limit else "")
            groups.append(shown)
    return ", and ".join(groups)
