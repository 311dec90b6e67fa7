"""One story told by several articles, in the viewer: source badges, each source in the detail pane
and the article pane, conflicts drawn and gathered, the confidence column and threshold, and the
actors and places facet filter. The widgets are the real ones, driven as a user would."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot
from viewer_fixtures import STORY, make_story_timeline, make_timeline

from timeline_app.core.model import Timeline
from timeline_app.qt.canvas_labels import CanvasGeometry, label_cache, place_labels
from timeline_app.qt.canvas_painter import label_rects, render_frame
from timeline_app.qt.confidence_dialog import ConfidenceDialog
from timeline_app.qt.event_list import COLUMNS, ID_ROLE
from timeline_app.qt.main_window import MainWindow
from timeline_app.qt.marks_legend import MARKS, sample_pixmap


@pytest.fixture
def win(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    window.set_timeline(make_story_timeline())
    return window


def _placed(win: MainWindow) -> dict[str, object]:
    canvas = win.canvas()
    store = canvas.store()
    geo = canvas.geometry_now()
    labels = label_cache(store, canvas.timeline_style())
    pos = store.position(canvas.selected() or "")
    return {store.ids[p.pos]: p for p in place_labels(geo, store, canvas.frame(), labels, canvas.timeline_style(), pos)}


def _is_warning(color: QColor, warning: QColor) -> bool:
    return (
        abs(color.red() - warning.red()) < 40
        and abs(color.green() - warning.green()) < 40
        and (abs(color.blue() - warning.blue()) < 40)
    )


# the canvas -------------------------------------------------------------------------


def test_merged_events_carry_a_source_count_badge_and_conflicts_a_red_one(win: MainWindow) -> None:
    placed = _placed(win)
    assert placed["unveil"].badge == "3" and not placed["unveil"].conflict  # type: ignore[attr-defined]
    assert placed["charity"].badge == "2" and placed["charity"].conflict  # type: ignore[attr-defined]
    assert placed["a380"].badge == ""  # type: ignore[attr-defined]
    # The badge sits between the mark and the date, and no text overlaps another.
    canvas = win.canvas()
    geo = canvas.geometry_now()
    label = placed["unveil"]
    badge = label.badge_rect(geo, canvas.timeline_style().small_line_height)  # type: ignore[attr-defined]
    assert badge.right() < label.date_x <= badge.right() + 6  # type: ignore[attr-defined]
    rects = label_rects(geo, canvas.store(), canvas.frame(), canvas.timeline_style(), canvas.selected())
    for i, (_a, ra) in enumerate(rects):
        for _b, rb in rects[i + 1 :]:
            assert not ra.adjusted(0.5, 0.5, -0.5, -0.5).intersects(rb.adjusted(0.5, 0.5, -0.5, -0.5))


def test_a_conflict_is_outlined_in_the_warning_colour(win: MainWindow) -> None:
    canvas = win.canvas()
    style = canvas.timeline_style()
    rect = QRectF(0, 0, canvas.width(), canvas.height())
    image = QImage(canvas.width(), canvas.height(), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    frame = render_frame(painter, rect, canvas.store(), canvas.viewport_range(), None, style)
    painter.end()
    store = canvas.store()
    geo = CanvasGeometry.of(rect, style)

    def warning_pixels_around(event_id: str) -> int:
        i = int(np.flatnonzero(frame.positions == store.position(event_id))[0])
        x, y = float(frame.xm[i]), geo.marker_y(int(frame.lanes[i]))
        return sum(
            _is_warning(image.pixelColor(int(x + dx), int(y + dy)), style.warning)
            for dx in range(-9, 10)
            for dy in range(-9, 10)
        )

    assert warning_pixels_around("charity") > 20
    assert warning_pixels_around("a380") == 0  # one source, nothing to disagree about


def test_tooltip_and_legend_say_what_the_badge_and_outline_mean(win: MainWindow) -> None:
    canvas = win.canvas()
    assert "told by 2 sources" in canvas._tooltip("charity").lower()
    assert "disagree" in canvas._tooltip("charity")
    texts = [text for _sample, text in MARKS]
    assert any("how many articles tell the event" in t for t in texts)
    conflict = next(sample for sample, text in MARKS if "disagree" in text)
    image = sample_pixmap(conflict, canvas.timeline_style()).toImage()
    found = sum(
        _is_warning(image.pixelColor(x, y), canvas.timeline_style().warning)
        for x in range(image.width())
        for y in range(image.height())
    )
    assert found > 20


# the event list ---------------------------------------------------------------------


def _cell(win: MainWindow, event_id: str, column: str) -> str:
    model = win.event_list().model
    for row in range(model.rowCount()):
        if model.index(row, 0).data(ID_ROLE) == event_id:
            return str(model.index(row, COLUMNS.index(column)).data())
    raise AssertionError(event_id)


def test_list_shows_sources_and_confidence_and_sorts_by_them(win: MainWindow) -> None:
    listing = win.event_list()
    assert _cell(win, "unveil", "Sources") == "3"
    assert _cell(win, "charity", "Sources") == "⚠ 2"
    assert _cell(win, "a380", "Sources") == "1"
    assert _cell(win, "unveil", "Confidence") == "0.95"
    tip = listing.model.index(0, COLUMNS.index("Confidence")).data(Qt.ItemDataRole.ToolTipRole)
    assert "sure" in tip
    header = listing.table.horizontalHeader()
    header.sectionClicked.emit(COLUMNS.index("Sources"))  # as a click does
    listing.sort_by(COLUMNS.index("Sources"), descending=True)
    assert listing.visible_ids()[:2] == ["unveil", "charity"]
    listing.sort_by(COLUMNS.index("Confidence"))
    ids = listing.visible_ids()
    assert set(ids[:2]) == {"expect-a", "expect-b"} and ids[-1] == "unveil"


# the detail pane and the article pane -----------------------------------------------


def test_detail_lists_each_source_with_its_date_confidence_and_conflict(win: MainWindow) -> None:
    win.select_event("charity")
    text = win.detail().toPlainText()
    assert "somewhat sure (0.60)" in text
    assert "Told by 2 articles" in text
    for doc in ("c", "d"):
        assert STORY[doc][0] in text
    assert "gives Jan 2008" in text and "“January 2008”" in text
    assert "The sources give different dates" in text
    assert "Charity flight report: Jan 2008" in text


def test_detail_shows_the_slip_chain(win: MainWindow) -> None:
    win.select_event("a380")
    text = " ".join(win.detail().toPlainText().split())
    assert "expected 2006 (article of 14 Jun 2005), then 2007 (3 Oct 2006), happened 25 Oct 2007" in text


def test_clicking_a_source_shows_its_article_with_the_sentence_highlighted(win: MainWindow) -> None:
    win.select_event("unveil")
    view = win.document_view()
    assert view.current_document().id == "c"  # type: ignore[union-attr]
    win.detail().anchorClicked.emit(QUrl("source:2"))  # the third source, as a click on its title
    assert view.current_document().id == "d"  # type: ignore[union-attr]
    sentence = "Boeing unveiled the 787 last July."
    start = STORY["d"][2].index(sentence)
    assert view.highlighted_span() == (start, start + len(sentence))
    assert win.shown_source() == "d"
    assert "◂ in the article pane" in win.detail().toHtml().replace("&lt;", "<").replace("&#9666;", "◂")
    assert "Source 3 of 3" in win.statusBar().currentMessage()
    # Another event shows its own first source again.
    win.select_event("charity")
    assert view.current_document().id == "c"  # type: ignore[union-attr]


def test_alt_down_steps_through_the_sources_from_the_keyboard(win: MainWindow, qtbot: QtBot) -> None:
    win.select_event("unveil")
    win.canvas().setFocus()
    qtbot.keyClick(win.canvas(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert win.document_view().current_document().id == "a"  # type: ignore[union-attr]
    qtbot.keyClick(win.canvas(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert win.shown_source() == "d"
    qtbot.keyClick(win.canvas(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert win.shown_source() == "a"
    assert win.selected_event_ids() == ["unveil"]


def test_an_earlier_expectation_s_article_opens_on_its_sentence(win: MainWindow) -> None:
    win.select_event("a380")
    win.detail().anchorClicked.emit(QUrl("slip:1"))
    view = win.document_view()
    assert view.current_document().id == "b"  # type: ignore[union-attr]
    assert view.highlighted_span() == (0, len(STORY["b"][2]))
    assert win.selected_event_ids() == ["a380"]


# conflicts --------------------------------------------------------------------------


def test_conflicts_view_lists_them_and_selecting_one_selects_the_event(win: MainWindow) -> None:
    win.act_conflicts.trigger()
    panel = win._conflicts_panel
    assert not win._conflicts_dock.isHidden()
    assert "Conflicts (1)" in win._conflicts_dock.windowTitle()
    assert panel.ids() == ["charity"]
    item = panel.tree.topLevelItem(0)
    assert item is not None and item.text(1) == "25 Oct 2007 · Jan 2008"
    panel.tree.setCurrentItem(item)
    assert win.selected_event_ids() == ["charity"]
    win.select_event("a380")
    assert panel.current_id() == ""
    win.select_event("charity")
    assert panel.current_id() == "charity"


def test_f8_goes_to_the_next_conflict(win: MainWindow, qtbot: QtBot) -> None:
    win.select_event("expect-a")
    win.canvas().setFocus()
    qtbot.keyClick(win.canvas(), Qt.Key.Key_F8)
    assert win.selected_event_ids() == ["charity"]


def test_a_conflict_hidden_by_a_filter_is_greyed_in_the_view(win: MainWindow) -> None:
    win.act_conflicts.trigger()
    win.set_min_confidence(0.7)
    item = win._conflicts_panel.tree.topLevelItem(0)
    assert item is not None and not item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "hidden by filters" in win._conflicts_panel.note.text()


def test_a_timeline_without_conflicts_says_so(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_timeline(make_timeline())
    window.act_conflicts.trigger()
    assert window._conflicts_panel.stack.currentWidget() is window._conflicts_panel.empty


# confidence threshold ---------------------------------------------------------------


def test_hide_below_confidence_combines_with_search_and_says_how_many(win: MainWindow) -> None:
    win.set_min_confidence(0.5)
    assert {e.id for e in win.shown_timeline().events} == {"unveil", "charity", "a380"}
    status = win.findChild(QLabel, "statusSummary")
    assert isinstance(status, QLabel)
    assert "2 below confidence 0.50 hidden" in status.toolTip()
    assert win._clear_filters.isVisible()
    assert win.act_hide_below.isChecked()
    win.event_list().search.setText("A380")
    assert win.event_list().visible_ids() == ["a380"]
    win._clear_filters.click()
    assert len(win.shown_timeline().events) == 5
    assert set(win.event_list().visible_ids()) == {"expect-a", "expect-b", "a380"}  # the search stays
    assert not win.act_hide_below.isChecked()


def test_the_dialog_counts_what_it_would_hide_and_applies_it(win: MainWindow, qtbot: QtBot) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConfidenceDialog)
        dialog.spin.setValue(0.9)
        assert "Hides <b>4</b> of 5 events" in dialog.effect.text()
        assert dialog.slider.value() == 18
        dialog.hide_button.click()

    QTimer.singleShot(0, answer)
    win.act_hide_below.trigger()
    assert win.min_confidence() == pytest.approx(0.9)
    assert [e.id for e in win.shown_timeline().events] == ["unveil"]
    assert win.settings.confidence_threshold(0.5) == pytest.approx(0.9)

    def show_all() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConfidenceDialog)
        assert dialog.spin.value() == pytest.approx(0.9)
        dialog.show_all.click()

    QTimer.singleShot(0, show_all)
    win.act_hide_below.trigger()
    assert win.min_confidence() is None and len(win.shown_timeline().events) == 5


def test_cancel_leaves_the_threshold_as_it_was(win: MainWindow) -> None:
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    win.act_hide_below.trigger()
    assert win.min_confidence() is None and not win.act_hide_below.isChecked()


# actors and places ------------------------------------------------------------------


def _tick(win: MainWindow, name: str) -> None:
    model = win._facet_panel.model
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data() == name:
            assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
            return
    raise AssertionError(name)


def test_facet_panel_lists_entities_with_their_event_counts(win: MainWindow) -> None:
    assert not win._facet_dock.isHidden()  # shown by itself for several articles with entities
    model = win._facet_panel.model
    rows = {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}
    assert rows == {"Airbus": "3", "Boeing": "1", "Singapore Airlines": "1", "Toulouse": "1", "Everett": "1"}
    assert model.index(0, 0).data() == "Airbus"  # most named first
    assert "Airbus SAS" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    win._facet_panel.kind.setCurrentIndex(2)  # places only
    assert model.rowCount() == 2
    win._facet_panel.kind.setCurrentIndex(0)
    win._facet_panel.search.setText("sas")  # an alias finds its entity
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Airbus"]


def test_ticking_entities_shows_only_the_events_naming_them(win: MainWindow) -> None:
    _tick(win, "Airbus")
    assert {e.id for e in win.shown_timeline().events} == {"expect-a", "expect-b", "charity"}
    _tick(win, "Boeing")  # any ticked actor
    assert {e.id for e in win.shown_timeline().events} == {"expect-a", "expect-b", "charity", "unveil"}
    _tick(win, "Toulouse")  # and any ticked place
    assert [e.id for e in win.shown_timeline().events] == ["expect-a"]
    assert win.checked_entities() == [("actor", "Airbus"), ("actor", "Boeing"), ("place", "Toulouse")]
    assert "Airbus or Boeing, and Toulouse" in win._facet_panel.summary.text()
    win._facet_panel.clear.click()
    assert len(win.shown_timeline().events) == 5


def test_facets_combine_with_the_search_and_the_threshold(win: MainWindow) -> None:
    _tick(win, "Airbus")
    win.event_list().search.setText("expects")
    assert set(win.event_list().visible_ids()) == {"expect-a", "expect-b"}
    win.set_min_confidence(0.5)
    assert win.event_list().visible_ids() == []
    assert [e.id for e in win.shown_timeline().events] == ["charity"]
    # The filtered list's index is taken from the whole one's, not built again from the events.
    assert win.event_list()._index is not None and win.event_list()._index._parent is not None
    win.event_list().search.clear()
    assert win.event_list().visible_ids() == ["charity"]


def test_double_click_shows_one_entity_alone(win: MainWindow, qtbot: QtBot) -> None:
    _tick(win, "Airbus")
    table = win._facet_panel.table
    model = win._facet_panel.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Everett")
    table.doubleClicked.emit(model.index(row, 1))
    assert win.checked_entities() == [("place", "Everett")]
    assert [e.id for e in win.shown_timeline().events] == ["unveil"]


def test_space_ticks_the_current_entity(win: MainWindow, qtbot: QtBot) -> None:
    table = win._facet_panel.table
    table.setFocus()
    table.setCurrentIndex(win._facet_panel.model.index(1, 0))  # Boeing (one event) after Airbus
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert win.checked_entities() == [("actor", "Boeing")]


def test_an_edit_keeps_the_ticks_and_the_view(win: MainWindow) -> None:
    _tick(win, "Airbus")
    win.timeline().events[3].title = "A charity flight, renamed"
    win.refresh()
    assert win.checked_entities() == [("actor", "Airbus")]
    assert {e.id for e in win.shown_timeline().events} == {"expect-a", "expect-b", "charity"}


def test_filters_are_saved_in_the_view_state(win: MainWindow, qtbot: QtBot) -> None:
    _tick(win, "Boeing")
    win.set_min_confidence(0.9)
    state = win.view_state()
    assert state["min_confidence"] == pytest.approx(0.9)
    assert state["entities"] == [["actor", "Boeing"]]
    other = MainWindow()
    qtbot.addWidget(other)
    other.set_timeline(make_story_timeline())
    other.apply_view_state(state)
    assert [e.id for e in other.shown_timeline().events] == ["unveil"]
    assert other.checked_entities() == [("actor", "Boeing")]
    other.apply_view_state({"min_confidence": "nonsense", "entities": [["actor"], 3, ["actor", "Nobody"]]})
    assert other.min_confidence() is None and other.checked_entities() == []


def test_without_a_registry_the_panel_lists_the_names_events_hold(qtbot: QtBot) -> None:
    tl = make_story_timeline()
    tl.entities = []  # as a project file keeps them
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_timeline(tl)
    window.act_entities.trigger()
    model = window._facet_panel.model
    assert {model.index(r, 0).data() for r in range(model.rowCount())} >= {"Airbus", "Toulouse"}


def test_ticking_entities_on_a_big_timeline_builds_nothing_again(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Facets and the list's index are built once per content; a tick is array work over them."""
    from test_event_list import big_timeline

    from timeline_app.core import list_index, row_filters

    tl: Timeline = big_timeline(15_000)
    for i, event in enumerate(tl.events):
        event.actors = [f"Actor {i % 50}"]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.set_timeline(tl)
    window.act_entities.trigger()
    assert window._facet_panel.model.rowCount() == 50
    built: list[str] = []
    for module, name in ((row_filters, "EntityFacets"), (list_index, "ListIndex")):
        cls = getattr(module, name)
        original = cls.__init__

        def counting(self: object, *args: object, _original: object = original, _name: str = name) -> None:
            built.append(_name)
            _original(self, *args)  # type: ignore[operator]

        monkeypatch.setattr(cls, "__init__", counting)
    window.set_checked_entities([("actor", "Actor 7")])
    assert len(window.shown_timeline().events) == 300
    window.set_checked_entities([("actor", "Actor 7"), ("actor", "Actor 8")])
    window.event_list().search.setText("parade")
    window.set_checked_entities([])
    assert built == []
    assert set(window.event_list().visible_ids()) == {e.id for e in tl.events if "parade" in e.title.casefold()}


def test_a_big_timeline_reads_its_entities_off_the_gui_thread(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_app.qt import window_filters

    monkeypatch.setattr(window_filters, "FACETS_AT_ONCE", 2)  # the story's five events count as big
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.set_timeline(make_story_timeline())
    panel = window._facet_panel
    assert "Reading the actors and places of 5 events" in panel.summary.text()
    assert not panel.table.isEnabled()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=10_000)
    assert panel.table.isEnabled() and panel.busy.isHidden()
    _tick(window, "Everett")
    assert [e.id for e in window.shown_timeline().events] == ["unveil"]


def test_an_event_several_articles_tell_belongs_to_each_in_the_documents_legend(win: MainWindow) -> None:
    tree = win.legend().tree
    counts = {tree.topLevelItem(i).text(0): tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())}  # type: ignore[union-attr]
    assert counts == {"Airbus plan": "2", "Airbus delay": "1", "A380 in service": "3", "Charity flight report": "2"}
    win.set_document_visible("c", False)  # the article the merged events were first read from
    assert {e.id for e in win.shown_timeline().events} == {"expect-a", "expect-b", "unveil", "charity"}
    win.set_document_visible("d", False)
    assert {e.id for e in win.shown_timeline().events} == {"expect-a", "expect-b", "unveil"}
    win.set_document_visible("a", False)
    assert {e.id for e in win.shown_timeline().events} == {"expect-b"}


def test_copy_as_text_names_every_source_and_the_date_each_gives(win: MainWindow) -> None:
    text = win.copy_events_as_text(["charity"])
    assert "Sources (2):" in text
    assert "  • Charity flight report, written 20 Jan 2008 — gives Jan 2008" in text
    assert "The sources disagree on the date" in text
    assert "Confidence: somewhat sure (0.60)" in text
    slipped = win.copy_events_as_text(["a380"])
    assert "Expected before: expected 2006 (article of 14 Jun 2005)" in slipped
    assert "Source: A380 in service" in slipped


def test_a_threshold_alone_never_reads_the_entities(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_app.core import row_filters

    built: list[int] = []
    original = row_filters.EntityFacets.__init__

    def counting(self: row_filters.EntityFacets, *args: object) -> None:
        built.append(1)
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(row_filters.EntityFacets, "__init__", counting)
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_timeline(make_timeline())  # one article: the panel does not come up by itself
    window.apply_view_state({"min_confidence": 0.5})
    window.set_checked_entities([])
    assert built == [] and window.min_confidence() == 0.5
    window.set_checked_entities([("place", "Seoul")])
    assert built == [1] and [e.id for e in window.shown_timeline().events] == ["talks"]
