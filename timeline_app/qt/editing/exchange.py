"""Import from and export to the interchange formats, and export pictures of the timeline.

The formats come from the ``EXPORTERS`` / ``IMPORTERS`` registries of
``timeline_app.io.formats``; each entry is read through :class:`FormatEntry` so that the
menu only needs a label, file extensions and a function.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMenu

from timeline_app.core.curation import reconcile
from timeline_app.core.edits import ReplaceContent
from timeline_app.core.model import Timeline
from timeline_app.qt.editing.controller import ProjectController

IMAGE_FORMATS = (("png", "PNG Image"), ("svg", "SVG Drawing"), ("pdf", "PDF Document"))


@dataclass(frozen=True, slots=True)
class FormatEntry:
    key: str
    label: str
    extensions: tuple[str, ...]
    run: Callable[..., Any]

    @property
    def file_filter(self) -> str:
        patterns = " ".join(f"*{e}" for e in self.extensions) or "*"
        return f"{self.label} ({patterns})"


def _extensions(value: object) -> tuple[str, ...]:
    for name in ("extensions", "suffixes", "extension", "suffix"):
        found = getattr(value, name, None)
        if isinstance(found, str):
            found = (found,)
        if found:
            return tuple(e if e.startswith(".") else f".{e}" for e in found)
    return ()


def _entry(key: str, value: object, verbs: tuple[str, ...]) -> FormatEntry | None:
    run = next((getattr(value, v) for v in verbs if callable(getattr(value, v, None))), None)
    if run is None and callable(value) and not isinstance(value, type):
        run = value
    if run is None:
        return None
    label = next((str(getattr(value, a)) for a in ("label", "name", "title") if getattr(value, a, None)), key)
    return FormatEntry(key, label, _extensions(value), run)


def registry(name: str) -> list[FormatEntry]:
    """The formats registered as ``timeline_app.io.formats.<name>`` (empty when unavailable)."""
    try:
        module = importlib.import_module("timeline_app.io.formats")
    except ModuleNotFoundError as exc:
        if exc.name != "timeline_app.io.formats":
            raise
        return []
    table = getattr(module, name, {})
    verbs = ("export", "write", "save", "dump") if name == "EXPORTERS" else ("import_", "load", "read", "parse")
    items = table.items() if isinstance(table, dict) else ((getattr(v, "key", str(v)), v) for v in table)
    entries = [_entry(str(k), v, verbs) for k, v in items]
    return [e for e in entries if e is not None]


def _start(controller: ProjectController, suffix: str) -> str:
    folder = controller.path.parent if controller.path else Path.home()
    return str(folder / f"{controller.name}{suffix}")


def export_format(controller: ProjectController, entry: FormatEntry, path: Path | None = None) -> bool:
    if path is None:
        suffix = entry.extensions[0] if entry.extensions else ""
        path = controller.prompts.save_path(f"Export {entry.label}", entry.file_filter, _start(controller, suffix))
        if path is None:
            return False
        if not path.suffix and entry.extensions:
            path = path.with_suffix(entry.extensions[0])
    try:
        entry.run(controller.model, path)
    except Exception as exc:  # any failure of a writer is reported; the work stays open
        controller.report_error("Export failed", f"{path}\n\n{exc}")
        return False
    controller.show_status(f"Exported {len(controller.model.events)} events to {path.name}")
    return True


def export_picture(controller: ProjectController, fmt: str, current_view: bool, path: Path | None = None) -> bool:
    from timeline_app.qt.export_image import export_image

    if path is None:
        label = dict(IMAGE_FORMATS)[fmt]
        path = controller.prompts.save_path(f"Export {label}", f"{label} (*.{fmt})", _start(controller, f".{fmt}"))
        if path is None:
            return False
        if not path.suffix:
            path = path.with_suffix(f".{fmt}")
    canvas = controller.window.canvas()
    viewport = None
    size = (1600, 600)
    if current_view:
        current = getattr(canvas, "viewport_range", None)
        viewport = current() if callable(current) else None
        if canvas.width() >= 200 and canvas.height() >= 120:
            size = (canvas.width(), canvas.height())
    try:
        export_image(controller.model, path, fmt, size=size, viewport=viewport)
    except (OSError, ValueError) as exc:
        controller.report_error("Export failed", f"{path}\n\n{exc}")
        return False
    controller.show_status(f"Exported {'the current view' if current_view else 'the timeline'} to {path.name}")
    return True


def fill_export_menu(controller: ProjectController, menu: QMenu) -> None:
    menu.clear()
    for entry in registry("EXPORTERS"):
        menu.addAction(f"{entry.label}…").triggered.connect(lambda _=False, e=entry: export_format(controller, e))
    if menu.actions():
        menu.addSeparator()
    for current, heading in ((False, "Image of Whole Timeline"), (True, "Image of Current View")):
        sub = menu.addMenu(heading)
        for fmt, label in IMAGE_FORMATS:
            sub.addAction(f"{label}…").triggered.connect(
                lambda _=False, f=fmt, c=current: export_picture(controller, f, c)
            )


def import_file(controller: ProjectController, path: Path | None = None) -> bool:
    entries = registry("IMPORTERS")
    if not entries:
        controller.report_error("Import", "No import formats are available in this version.")
        return False
    if path is None:
        filters = ";;".join(e.file_filter for e in entries)
        path = controller.prompts.open_path("Import", filters, str(controller.path.parent if controller.path else ""))
        if path is None:
            return False
    entry = next((e for e in entries if path.suffix.lower() in e.extensions), entries[0] if len(entries) == 1 else None)
    if entry is None:
        known = ", ".join(sorted({x for e in entries for x in e.extensions}))
        controller.report_error("Cannot import", f"{path}\n\nUnknown file type {path.suffix!r}; known: {known}")
        return False
    try:
        imported = entry.run(path)
    except Exception as exc:  # a reader failing on a bad file must leave the work as it was
        controller.report_error("Cannot import", f"{path}\n\n{exc}")
        return False
    if isinstance(imported, tuple):
        imported = imported[0]
    if not isinstance(imported, Timeline):
        controller.report_error("Cannot import", f"{path}\n\nthe {entry.label} reader returned no timeline")
        return False
    merged, summary = reconcile(controller.model, imported)
    edit = ReplaceContent(tuple(merged.documents), tuple(merged.events), f"Import {path.name}")
    if controller.push(edit, []):
        controller.show_status(f"Imported {path.name}: {summary.text().splitlines()[0]}", 10000)
        return True
    return False
