"""Import from and export to the interchange formats, and export pictures of the timeline.

The formats come from the ``EXPORTERS`` / ``IMPORTERS`` registries of
``timeline_app.io.formats``: name -> (extension, description, function). Exports are named
after their documents (the exporters do that), not after the project file. A picture's file
name always ends in its format's extension: a name ending in another format's is corrected,
and replacing an existing file under the corrected name is asked first.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMenu, QWidget

from timeline_app.core.curation import reconcile
from timeline_app.core.edits import ReplaceContent
from timeline_app.core.model import Timeline
from timeline_app.qt.editing.controller import ProjectController
from timeline_app.qt.editing.files import file_stem
from timeline_app.qt.export_options import ImageOptions, ask_image_options

IMAGE_FORMATS = (("png", "PNG Image"), ("svg", "SVG Drawing"), ("pdf", "PDF Document"))
# Extensions of every file this app writes: a name ending in one of them names that format.
_KNOWN_SUFFIXES = frozenset({".png", ".svg", ".pdf", ".json", ".csv", ".ics", ".timeline", ".md", ".tlproj"})
# A canvas smaller than this is no useful default size for a picture of the current view.
_LEAST_VIEW_SIZE = (400, 240)


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
    temp = path.with_name(f".{path.name}.part")
    try:
        # No title: the exporters name the chronology after its documents, not after the project file.
        written = entry.run(controller.model, temp, "")
        os.replace(temp, path)  # an existing file is replaced only by a complete export
    except Exception as exc:  # any failure of a writer is reported; the work stays open
        controller.report_error("Export failed", f"{path}\n\n{exc}")
        return False
    finally:
        temp.unlink(missing_ok=True)
    note = written.note() if callable(getattr(written, "note", None)) else ""
    done = f"Exported {len(controller.model.events)} events to {path.name}"
    controller.show_status(f"{done} ({note})" if note else done, 15000 if note else 5000)
    if note:
        # Text was changed to make a valid file: the person should know before publishing it.
        controller.prompts.inform("Export changed some text", f"{done}.", f"{note[:1].upper()}{note[1:]}.")
    return True


def picture_path(controller: ProjectController, path: Path, fmt: str) -> tuple[Path, str] | None:
    """``path`` ending in ``.fmt``, and what was corrected ("" if nothing); None if the person declined.

    A name ending in another known format's extension gets this format's instead; any other
    name gets it added. The file dialog asked about replacing only the name as typed, so an
    existing file under the corrected name is asked about here.
    """
    wanted = f".{fmt}"
    suffix = path.suffix.lower()
    if suffix == wanted:
        return path, ""
    if suffix in _KNOWN_SUFFIXES:
        fixed = path.with_suffix(wanted)
        why = f"{path.name} named a {suffix[1:].upper()} file; saved as {fmt.upper()}"
    else:
        fixed = path.with_name(path.name + wanted)
        why = ""
    if fixed.exists() and not controller.prompts.confirm(
        "Replace file?",
        f"“{fixed.name}” already exists. Replace it?",
        f"The name “{path.name}” does not end in {wanted}, so the picture is saved as “{fixed.name}”.",
        accept="Replace",
    ):
        return None
    return fixed, why


def default_image_options(controller: ProjectController, current_view: bool) -> ImageOptions:
    from timeline_app.io.headline import headline
    from timeline_app.qt.export_image import DEFAULT_SIZE

    canvas = controller.window.canvas()
    width, height = DEFAULT_SIZE
    if current_view and canvas.width() >= _LEAST_VIEW_SIZE[0] and canvas.height() >= _LEAST_VIEW_SIZE[1]:
        width, height = canvas.width(), canvas.height()  # the picture looks like the window
    return ImageOptions(width, height, current_view, headline(controller.model))


def export_picture(
    controller: ProjectController,
    fmt: str,
    current_view: bool,
    path: Path | None = None,
    options: ImageOptions | None = None,
) -> bool:
    """Export a picture; without ``path`` the person picks a file and the title, size and range."""
    from timeline_app.qt.export_image import export_image

    label = dict(IMAGE_FORMATS)[fmt]
    interactive = path is None
    if path is None:
        path = controller.prompts.save_path(f"Export {label}", f"{label} (*.{fmt})", _start(controller, f".{fmt}"))
        if path is None:
            return False
    checked = picture_path(controller, path, fmt)
    if checked is None:
        return False
    path, corrected = checked
    if options is None:
        options = default_image_options(controller, current_view)
        if interactive:
            parent = controller.window if isinstance(controller.window, QWidget) else None
            chosen = ask_image_options(parent, options, label)
            if chosen is None:
                return False
            options = chosen
    viewport = controller.window.canvas().viewport_range() if options.current_view else None
    try:
        export_image(
            controller.model, path, fmt, size=(options.width, options.height), viewport=viewport, title=options.title
        )
    except (OSError, ValueError) as exc:
        controller.report_error("Export failed", f"{path}\n\n{exc}")
        return False
    what = "the current view" if options.current_view else "the timeline"
    done = f"Exported {what} to {path.name} ({options.width}×{options.height})"
    controller.show_status(f"{done} — {corrected}" if corrected else done, 10000 if corrected else 5000)
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
