"""Run the viewer as the application does, in a real X server, and write what is on screen.

Usage: ``python viewer_probe.py --report R.json [--shot S.png] [--size WxH] [--synthetic N] [FILE ...]``

The window is the application's own (``create_main_window``, editing layer attached). A test
drives it with xdotool; this script only observes: once loading has finished it writes the
report (with where things are, so the driver can click them) and, when the application quits,
writes it again with a screenshot of the window.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Status, Timeline
from timeline_app.qt.app import create_main_window, ensure_application
from timeline_app.qt.canvas_painter import label_rects
from timeline_app.qt.main_window import MainWindow

WORDS = ("talks", "parade", "troops", "summit", "report", "visit", "vote", "storm", "court", "strike")


def synthetic(n: int) -> Timeline:
    rng = np.random.default_rng(4)
    base = date(1990, 1, 1).toordinal()
    docs = [Document(f"d{i}", f"/tmp/d{i}.txt", "", title=f"Article {i}") for i in range(4)]
    events = [
        Event(
            f"e{i}",
            f"{WORDS[w].title()} {i}",
            f"The {WORDS[w]} {i}.",
            FuzzyDate.point(DatePoint.day(date.fromordinal(base + int(d)))),
            status=list(Status)[i % 4],
            mentions=[Mention(f"d{i % 4}", 0, 0, "")],
        )
        for i, (d, w) in enumerate(zip(rng.integers(0, 12_000, n), rng.integers(0, len(WORDS), n), strict=True))
    ]
    return Timeline(docs, events)


def state(win: MainWindow) -> dict[str, Any]:
    canvas = win.canvas()
    store = canvas.store()
    geo = canvas.geometry_now()
    frame = canvas.frame()
    rects = label_rects(geo, store, frame, canvas.timeline_style(), canvas.selected()) if not frame.dense else []
    labelled: dict[str, list[float]] = {}
    for pos, rect in rects:
        labelled.setdefault(store.ids[pos], [rect.x(), rect.y(), rect.width(), rect.height()])
    overlaps = []
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1 :]:
            if a != b and ra.adjusted(0.5, 0.5, -0.5, -0.5).intersects(rb.adjusted(0.5, 0.5, -0.5, -0.5)):
                overlaps.append([store.ids[a], store.ids[b]])
    origin = canvas.mapTo(win, QPoint(0, 0))
    events = win.timeline().events
    central = [e.id for e in sorted(events, key=lambda e: -e.salience)[:7]] if len(events) < 5000 else []
    selected = win.selected_event_ids()
    event = next((e for e in events if selected and e.id == selected[0]), None)
    lister = win.event_list()
    table = lister.table
    header = table.horizontalHeader()
    sections = []
    for col in range(header.count()):
        x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
        point = header.viewport().mapTo(win, QPoint(x, header.height() // 2))
        sections.append([point.x(), point.y()])
    model = lister.model
    rows = model.rowCount()
    banner = win.reference_banner()
    button = banner.button.mapTo(win, banner.button.rect().center())
    return {
        "window": [win.width(), win.height()],
        "canvas": [origin.x(), origin.y(), canvas.width(), canvas.height()],
        "lanes_top": geo.lanes_top,
        "overflow_top": geo.overflow_top,
        "first_lane": canvas.first_lane(),
        "dense": frame.dense,
        "labelled": labelled,
        "overlaps": overlaps,
        "central": central,
        "titles": {e.id: e.title for e in events} if len(events) < 5000 else {},
        "selected_id": selected[0] if selected else "",
        "selected_date": event.date.describe() if event else "",
        "selected_title": event.title if event else "",
        "viewport": [canvas.viewport_range().t0, canvas.viewport_range().t1],
        "broken_axis": canvas.viewport_range().scale is not None,
        "list_rows": rows,
        "list_titles": [model.event(r).title for r in range(min(rows, 50))],
        "list_indexed": lister.is_indexed(),
        "search": lister.search.text(),
        "sort": [header.sortIndicatorSection(), header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder],
        "header_sections": sections,
        "banner_visible": not banner.isHidden(),  # the window may be closing when this is written
        "banner_text": banner.text.text(),
        "banner_button": [button.x(), button.y()],
        "position_text": win.navigator().position_label.text(),
        "shown_ids": [e.id for e in win.shown_timeline().events] if len(events) < 5000 else [],
        "shown_source": win.shown_source(),
        "article_document": (win.document_view().current_document() or Document("", "", "")).id,
        "highlight": list(win.document_view().highlighted_span() or ()),
        "min_confidence": win.min_confidence(),
        "checked_entities": [list(k) for k in win.checked_entities()],
        "conflicts_listed": win._conflicts_panel.ids(),
        "status_tip": win.findChild(QLabel, "statusSummary").toolTip(),  # type: ignore[union-attr]
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*")
    parser.add_argument("--report", required=True)
    parser.add_argument("--shot")
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--synthetic", type=int, default=0)
    args = parser.parse_args()
    app = ensure_application()
    win = create_main_window(args.files, offer_recovery=False)
    win.show_error_dialogs = False
    width, height = (int(v) for v in args.size.split("x"))
    win.resize(width, height)

    def write(shot: bool = False) -> None:
        Path(args.report).write_text(json.dumps(state(win), indent=1), encoding="utf-8")
        if shot and args.shot:
            win.grab().save(args.shot)

    if args.synthetic:
        win.set_timeline(synthetic(args.synthetic))
        lister = win.event_list()
        if lister.is_indexed():
            write()
        else:
            lister.index_did_finish.connect(lambda: write())
    elif args.files:
        win.loading_did_finish.connect(lambda: write())
    else:
        write()
    app.aboutToQuit.connect(lambda: write(shot=True))
    win.show()
    win.canvas().setFocus(Qt.FocusReason.OtherFocusReason)
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
