"""Import from and export to the interchange formats, and export pictures of the timeline.

The formats come from the ``EXPORTERS`` / ``IMPORTERS`` registries of
``timeline_app.io.formats``: name -> (extension, description, function).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMenu

from timeline_app.core.curation import reconcile
from timeline_app.core.edits import ReplaceContent
from timeline_app.core.model import Timeline
from timeline_app.qt.editing.controller import UNTITLED, ProjectController
from timeline_app.qt.editing.files import file_stem

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


def registry(name: str) -> list[FormatEntry]:
    """``timeline_app.io.formats.EXPORTERS`` or ``IMPORTERS`` (empty when that module is absent)."""
    try:
        module = importlib.import_module("timeline_app.io.formats")
    except ModuleNotFoundError as exc:
        if exc.name != "timeline_app.io.formats":
            raise
        return []
    table: dict[str, Any] = getattr(module, name, {})
    return [FormatEntry(key, fmt.description, (fmt.extension,), fmt.function) for key, fmt in table.items()]


def _start(controller: ProjectController, suffix: str) -> str:
    folder = controller.path.parent if controller.path else Path.home()
    return str(folder / f"{file_stem(controller.name)}{suffix}")


def export_format(controller: ProjectController, entry: FormatEntry, path: Path | None = None) -> bool:
    if path is None:
        suffix = entry.extensions[0] if entry.extensions else ""
        path = controller.prompts.save_path(f"Export {entry.label}", entry.file_filter, _start(controller, suffix))
        if path is None:
            return False
        if not path.suffix and entry.extensions:
            path = path.with_suffix(entry.extensions[0])
    title = "" if controller.name == UNTITLED else controller.name
    temp = path.with_name(f".{path.name}.part")
    try:
        entry.run(controller.model, temp, title)
        os.replace(temp, path)  # an existing file is replaced only by a complete export
    except Exception as exc:  # any failure of a writer is reported; the work stays open
        controller.report_error("Export failed", f"{path}\n\n{exc}")
        return False
    finally:
        temp.unlink(missing_ok=True)
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
    """Bring a file of another format into the timeline as one undoable step."""
    entries = {e.key: e for e in registry("IMPORTERS")}
    if not entries:
        controller.report_error("Import", "No import formats are available in this version.")
        return False
    if path is None:
        patterns = " ".join(sorted({f"*{x}" for e in entries.values() for x in e.extensions}))
        filters = ";;".join([f"All supported files ({patterns})", *(e.file_filter for e in entries.values())])
        path = controller.prompts.open_path("Import", filters, str(controller.path.parent if controller.path else ""))
        if path is None:
            return False
    from timeline_app.io.formats import detect_import_format

    try:
        entry = entries[detect_import_format(path)]
        imported = entry.run(path)
    except Exception as exc:  # a reader failing on a bad file must leave the work as it was
        controller.report_error("Cannot import", f"{path}\n\n{exc}")
        return False
    if not isinstance(imported, Timeline):
        controller.report_error("Cannot import", f"{path}\n\nthe {entry.label} reader returned no timeline")
        return False
    merged, summary = reconcile(controller.model, imported)
    edit = ReplaceContent(tuple(merged.documents), tuple(merged.events), f"Import {path.name}")
    if controller.push(edit, []):
        controller.show_status(f"Imported {path.name}: {summary.text().splitlines()[0]}", 10000)
        return True
    return False
