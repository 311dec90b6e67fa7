"""Application start-up: the QApplication, the main window, screenshots and test reports."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QRectF, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from timeline_app import __version__
from timeline_app.app.load_job import StartedLoad
from timeline_app.qt.canvas_painter import GLYPH_ROW, CanvasGeometry
from timeline_app.qt.icons import app_icon
from timeline_app.qt.main_window import MainWindow

if TYPE_CHECKING:
    from timeline_app.qt.editing.prompts import Questions
    from timeline_app.qt.editing.unattended import UnattendedPrompts

SCREENSHOT_TIMEOUT_MS = 60_000
# Qt maps PNG quality to zlib effort: 80 is level 2, which encodes a window picture in about
# half the time of the default level 6 and, for flat user-interface colours, no larger.
SCREENSHOT_PNG_QUALITY = 80


@dataclass
class LaunchOptions:
    paths: list[str] = field(default_factory=list)
    reference_date: date | None = None
    screenshot: str | None = None
    size: tuple[int, int] | None = None
    test_report: str | None = None
    started_load: StartedLoad | None = None  # loading of ``paths`` begun before Qt was imported


def ensure_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName("timeline-app")
    app.setApplicationDisplayName("Timeline")
    app.setOrganizationName("timeline-app")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("timeline-app")
    app.setWindowIcon(app_icon())
    return app


def create_main_window(
    paths: list[str],
    reference_date: date | None = None,
    started_load: StartedLoad | None = None,
    offer_recovery: bool = True,
    prompts: Questions | None = None,
    defer_editing: bool = False,
    editing: bool = True,
) -> MainWindow:
    """Build the window, let the editing layer attach, and start loading ``paths``.

    ``offer_recovery``: ask about work a crash left behind (never when only taking a picture:
    the question would wait for an answer nobody gives). ``prompts``: who answers the project
    layer's questions (dialog boxes by default). ``defer_editing``: attach the editing layer
    only once the window has painted its first frame, so that start-up does not wait for it
    (a project among ``paths`` needs it at once, and gets it). ``editing=False`` leaves it out
    unless a project is opened (a picture of the window needs no editing).
    """
    window = MainWindow()

    def attach_editing() -> None:
        if hasattr(window, "editing"):
            return
        try:
            from timeline_app.qt import editing
        except ModuleNotFoundError as exc:
            if exc.name != "timeline_app.qt.editing":
                raise
        else:
            window.editing = editing.attach(  # type: ignore[attr-defined]
                window, offer_recovery=offer_recovery, prompts=prompts
            )

    opens_project = any(p.lower().endswith(".tlproj") for p in paths)
    if not editing and not opens_project:
        pass
    elif defer_editing and not opens_project:
        _after_first_frame(window, attach_editing)
    else:
        attach_editing()
    if paths:
        window.open_paths(paths, reference_date, started_load=started_load)
    return window


def _after_first_frame(window: MainWindow, then: Callable[[], None]) -> None:
    """Run ``then`` once the canvas has painted (or soon anyway, should it never be shown)."""
    canvas = window.canvas()
    done = {"ran": False}

    def once() -> None:
        if done["ran"]:
            return
        done["ran"] = True
        canvas.frame_painted.disconnect(later)
        then()

    def later() -> None:
        QTimer.singleShot(0, window, once)

    canvas.frame_painted.connect(later)
    QTimer.singleShot(2000, window, once)


def window_report(window: MainWindow) -> dict[str, Any]:
    """What an end-to-end test can check after driving the real window."""
    selected = window.selected_event_ids()
    event = next((e for e in window.timeline().events if selected and e.id == selected[0]), None)
    vp = window.canvas().viewport_range()
    focus = window.focusWidget()  # the last focused child, still known while closing
    order = window.chronological_ids()
    return {
        "window_title": window.windowTitle().replace("[*]", ""),
        "documents": len(window.timeline().documents),
        "events": len(window.timeline().events),
        "selected_id": selected[0] if selected else "",
        "selected_title": event.title if event else "",
        "selected_date": event.date.describe() if event else "",
        "selected_index": order.index(selected[0]) if selected and selected[0] in order else -1,
        "position_text": window.navigator().position_label.text(),
        "viewport": [vp.t0, vp.t1],
        "search_text": window.event_list().search.text(),
        "list_rows": window.event_list().proxy.rowCount(),
        "load_errors": window.load_errors,
        "focus": focus.objectName() if focus is not None else "",
        "markers": _marker_positions(window),
    }


def _marker_positions(window: MainWindow, limit: int = 50) -> dict[str, list[int]]:
    """Window coordinates of the labelled markers in view, so a driver can click them."""
    canvas = window.canvas()
    frame = canvas.frame()
    if frame.dense:
        return {}
    geo = CanvasGeometry.of(QRectF(canvas.rect()), canvas.timeline_style())
    store = window.store()
    out: dict[str, list[int]] = {}
    for pos, lane, xm in zip(frame.positions.tolist(), frame.lanes.tolist(), frame.xm.tolist(), strict=True):
        if lane < 0 or not 0 <= xm < canvas.width() or len(out) >= limit:
            continue
        y = geo.lanes_top + lane * geo.lane_height + GLYPH_ROW / 2
        point = canvas.mapTo(window, QPoint(round(xm), round(y)))
        out[store.ids[pos]] = [point.x(), point.y()]
    return out


def _arm_screenshot(app: QApplication, window: MainWindow, path: str) -> None:
    state = {"loaded": not window.is_loading(), "done": False}

    def save() -> None:
        if state["done"]:
            return
        state["done"] = True
        image = window.grab()
        ok = image.save(path, "PNG", SCREENSHOT_PNG_QUALITY)
        if not ok:
            print(f"timeline-app: could not write screenshot {path}", file=sys.stderr)
        app.exit(0 if ok else 1)

    def painted() -> None:
        if state["loaded"]:
            QTimer.singleShot(0, save)

    def loaded() -> None:
        state["loaded"] = True
        # grab() lays out and paints every widget itself: waiting for an on-screen frame first
        # would only draw the window twice. Events queued by the load (highlights) run first.
        QTimer.singleShot(0 if len(window.store()) else 50, save)

    def timeout() -> None:
        if not state["done"]:
            print("timeline-app: timed out waiting for the timeline to load", file=sys.stderr)
            state["done"] = True
            app.exit(1)

    window.loading_did_finish.connect(loaded)
    window.canvas().frame_painted.connect(painted)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, timeout)
    if state["loaded"] and len(window.store()):
        window.canvas().update()
    elif state["loaded"]:
        # Nothing was loaded (or every file failed): no frame of a timeline will ever be painted.
        QTimer.singleShot(50, save)


def _unattended_prompts() -> UnattendedPrompts | None:
    try:
        from timeline_app.qt.editing.unattended import UnattendedPrompts
    except ModuleNotFoundError as exc:  # no editing layer: nothing would ask
        if not (exc.name or "").startswith("timeline_app.qt.editing"):
            raise
        return None
    return UnattendedPrompts()


def run(options: LaunchOptions) -> int:
    app = ensure_application()
    # Taking a picture, nobody can answer a dialog: errors go to stderr and fail the run instead.
    unattended = _unattended_prompts() if options.screenshot else None
    window = create_main_window(
        options.paths,
        options.reference_date,
        options.started_load,
        offer_recovery=not options.screenshot,
        prompts=unattended,
        defer_editing=True,
        editing=not options.screenshot,
    )
    if options.screenshot:
        window.show_error_dialogs = False
        size = options.size or (1280, 800)
        window.resize(*size)
        _arm_screenshot(app, window, options.screenshot)
    elif options.size:
        window.resize(*options.size)
    if options.test_report:
        report_path = options.test_report

        def write_report() -> None:
            Path(report_path).write_text(json.dumps(window_report(window), indent=2), encoding="utf-8")

        # Written once loading has finished (so a driver knows the window is ready) and on exit.
        window.loading_did_finish.connect(write_report)
        app.aboutToQuit.connect(write_report)
    window.show()
    window.canvas().setFocus(Qt.FocusReason.OtherFocusReason)
    code = app.exec()
    nothing_shown = not (window.timeline().documents or window.timeline().events)
    if unattended is not None and code == 0 and (unattended.errors or (window.load_errors and nothing_shown)):
        code = 1  # the project, or every file, could not be opened: the picture shows none of it
    if options.screenshot:
        # The picture is saved and nothing else is kept: skip tearing down every widget and
        # module one by one, which takes longer than the rest of the exit.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(int(code))
    return int(code)
