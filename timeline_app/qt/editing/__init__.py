"""The editing and project layer of the main window.

``attach(window)`` is called once, right after the main window is built. It adds the
File and Edit menu entries (projects, import/export, undoable edits, re-extraction),
keeps the window title and its modified marker current, asks before unsaved work is
closed, autosaves for crash recovery and offers to restore work a crash left behind.

Edited events are marked ``Event.curated = True``; the viewer shows that mark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QTimer

if TYPE_CHECKING:
    from timeline_app.core.edits import Extractor
    from timeline_app.qt.editing.controller import ProjectController, TimelineWindow
    from timeline_app.qt.editing.prompts import Questions

__all__ = ["ProjectController", "attach"]


def __getattr__(name: str) -> Any:
    # The controller and its undo machinery load with the first attach, not with this package:
    # the unattended prompts a screenshot run needs come from here before the first frame.
    if name == "ProjectController":
        from timeline_app.qt.editing.controller import ProjectController

        return ProjectController
    raise AttributeError(name)


def attach(
    window: TimelineWindow,
    *,
    prompts: Questions | None = None,
    settings: QSettings | None = None,
    autosave_ms: int = 3000,
    extractor: Extractor | None = None,
    offer_recovery: bool = True,
) -> ProjectController:
    from timeline_app.core.edits import pipeline_extractor
    from timeline_app.qt.editing import menus
    from timeline_app.qt.editing.controller import ProjectController

    extractor = extractor or pipeline_extractor
    controller = ProjectController(
        window, prompts=prompts, settings=settings, autosave_ms=autosave_ms, extractor=extractor
    )
    controller.actions = menus.install(controller)
    if offer_recovery:
        # After the window is shown (the question needs a visible parent) and after the
        # articles it was started with are loaded, which would otherwise replace what is restored.
        QTimer.singleShot(0, controller, lambda: _offer_when_loaded(controller))
    return controller


def _offer_when_loaded(controller: ProjectController) -> None:
    from timeline_app.qt.editing import files

    finished = controller.window.loading_did_finish
    if not controller.window.is_loading():
        files.offer_recovery(controller)
        return

    def once() -> None:
        finished.disconnect(once)
        files.offer_recovery(controller)

    finished.connect(once)
