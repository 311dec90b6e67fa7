"""File menu work: new, open, save, recent projects, crash recovery.

Every failure is shown with the file's name and the reason, and leaves the current work
as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from timeline_app.core.model import Timeline
from timeline_app.qt.editing.controller import ProjectController
from timeline_app.qt.editing.prompts import PROJECT_FILTER, Recovery

PROJECT_SUFFIX = ".tlproj"
RECENT_KEY = "recent_projects"
RECENT_LIMIT = 10


def new_project(controller: ProjectController) -> bool:
    if not controller.confirm_discard():
        return False
    controller.replace_project(Timeline(), None)
    return True


def open_project(controller: ProjectController, path: Path | None = None) -> bool:
    from timeline_app.io.project import ProjectError, is_read_only, load_project

    if not controller.confirm_discard():
        return False
    if path is None:
        path = controller.prompts.open_path("Open Project", PROJECT_FILTER, _start_folder(controller))
        if path is None:
            return False
    try:
        timeline, view_state = load_project(path)
    except ProjectError as exc:
        controller.report_error("Cannot open project", f"{path}\n\n{exc}")
        return False
    except OSError as exc:
        controller.report_error("Cannot open project", f"{path}\n\n{exc.strerror or exc}")
        return False
    controller.replace_project(timeline, path.resolve())
    controller.read_only = is_read_only(path)
    controller.update_title()
    controller.apply_view_state(view_state)
    remember_recent(controller, path)
    suffix = " (read-only: Save As keeps changes elsewhere)" if controller.read_only else ""
    controller.show_status(f"Opened {path.name}: {len(timeline.events)} events{suffix}")
    return True


def save(controller: ProjectController) -> bool:
    if controller.refused_for_size("Save Project"):
        return False
    if controller.path is None or controller.read_only:
        return save_as(controller)
    return save_to(controller, controller.path)


def save_as(controller: ProjectController) -> bool:
    if controller.refused_for_size("Save Project As"):
        return False
    start = str(controller.path or Path(_start_folder(controller)) / f"{file_stem(controller.name)}{PROJECT_SUFFIX}")
    path = controller.prompts.save_path("Save Project As", PROJECT_FILTER, start)
    if path is None:
        return False
    if not path.suffix:
        path = path.with_suffix(PROJECT_SUFFIX)
    # The file dialog asked before replacing a file: a save another program made there may go.
    return save_to(controller, path, overwrite_other_changes=True)


def file_stem(name: str) -> str:
    """A file name from a project or article title (which may hold '/', '?' or be very long)."""
    cleaned = "".join(c if c.isalnum() or c in " -_.,'()" else " " for c in name)
    return " ".join(cleaned.split())[:80].strip(" .") or "Timeline"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def save_to(controller: ProjectController, path: Path, overwrite_other_changes: bool = False) -> bool:
    from timeline_app.io.project import ProjectError, save_project

    try:
        save_project(path, controller.model, controller.view_state(), overwrite_other_changes=overwrite_other_changes)
    except ProjectError as exc:
        controller.report_error("Cannot save project", f"{path}\n\n{exc}\n\nYour work is still open and unsaved.")
        return False
    except OSError as exc:
        controller.report_error("Cannot save project", f"{path}\n\n{exc.strerror or exc}")
        return False
    controller.mark_saved(path.resolve())
    remember_recent(controller, path)
    controller.show_status(f"Saved {path.name}")
    return True


# ------------------------------------------------------------------ recent projects


def recent_projects(controller: ProjectController) -> list[Path]:
    value = controller.settings.value(RECENT_KEY, [])
    items: list[object] = [value] if isinstance(value, str) else list(value) if isinstance(value, list | tuple) else []
    return [Path(str(p)) for p in items if p]


def remember_recent(controller: ProjectController, path: Path) -> None:
    resolved = str(path.resolve())
    items = [str(p) for p in recent_projects(controller) if str(p) != resolved]
    controller.settings.setValue(RECENT_KEY, [resolved, *items][:RECENT_LIMIT])
    controller.settings.sync()


def forget_recent(controller: ProjectController) -> None:
    controller.settings.setValue(RECENT_KEY, [])
    controller.settings.sync()


def fill_recent_menu(controller: ProjectController, menu: QMenu) -> None:
    """Rebuilt each time the menu opens, so it always matches the settings."""
    menu.clear()
    paths = recent_projects(controller)
    for path in paths:
        action = QAction(path.name, menu)
        action.setToolTip(str(path))
        action.setStatusTip(str(path))
        action.triggered.connect(lambda _=False, p=path: open_project(controller, p))
        menu.addAction(action)
    if not paths:
        empty = menu.addAction("No Recent Projects")
        empty.setEnabled(False)
        return
    menu.addSeparator()
    menu.addAction("Clear Menu").triggered.connect(lambda: forget_recent(controller))


def _start_folder(controller: ProjectController) -> str:
    if controller.path:
        return str(controller.path.parent)
    recent = recent_projects(controller)
    return str(recent[0].parent) if recent else str(Path.home())


# ------------------------------------------------------------------ crash recovery


def offer_recovery(controller: ProjectController) -> bool:
    """Offer unsaved work left by a crashed session; True when some was restored."""
    from timeline_app.io.project import (
        ProjectError,
        discard_recovery,
        load_project,
        pending_recoveries,
        write_recovery,
    )

    try:
        found = pending_recoveries()
    except OSError as exc:
        controller.show_status(f"Cannot look for unsaved work: {exc}")
        return False
    for info in found:
        if not info.newer_than_project:
            discard_recovery(info)  # the project on disk already holds everything in it
            continue
        name = info.project_path.name if info.project_path else "an unsaved project"
        when = info.saved_at.astimezone().strftime("%d %b %Y, %H:%M")
        description = (
            f"Autosaved {when}: {name} with {_count(info.event_count, 'event')} "
            f"from {_count(info.document_count, 'document')}.\n"
            "Restore it? Discarding deletes this copy for good."
        )
        answer = controller.prompts.recover(description)
        if answer is Recovery.LATER:
            continue
        if answer is Recovery.DISCARD:
            discard_recovery(info)
            continue
        if not controller.confirm_discard():
            return False
        try:
            timeline, view_state = load_project(info.recovery_file)
        except ProjectError as exc:
            controller.report_error("Cannot restore unsaved work", f"{info.recovery_file}\n\n{exc}")
            continue
        controller.replace_project(timeline, info.project_path, modified=True)
        controller.apply_view_state(view_state)
        try:
            # Re-home the snapshot under this process before deleting the crashed one.
            mine = write_recovery(info.project_path, timeline, controller.view_state())
            if mine.resolve() != info.recovery_file.resolve():
                discard_recovery(info)
        except (ProjectError, OSError) as exc:
            controller.show_status(f"Restored, but the recovery copy could not be moved: {exc}")
        controller.show_status(f"Restored unsaved work from {when}")
        return True
    return False
