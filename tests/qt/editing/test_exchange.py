"""Export to every registered format and as pictures; import back as one undoable step."""

from __future__ import annotations

from pathlib import Path

import pytest
from editing_fakes import FakeMainWindow, ScriptedPrompts
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMenu

from timeline_app.core import edits
from timeline_app.qt.editing import ProjectController, exchange, files
from timeline_app.qt.editing.exchange import registry
from timeline_app.qt.editing.prompts import Unsaved

pytest.importorskip("timeline_app.io.formats")


def test_export_menu_lists_every_format_and_the_pictures(controller: ProjectController) -> None:
    assert controller.actions is not None and controller.actions.export_menu is not None
    menu = controller.actions.export_menu
    exchange.fill_export_menu(controller, menu)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    labels = [f"{e.label}…" for e in registry("EXPORTERS")]
    assert labels and texts[: len(labels)] == labels
    assert texts[-2:] == ["Image of Whole Timeline", "Image of Current View"]
    submenu = menu.actions()[-1].menu()
    assert isinstance(submenu, QMenu)
    pictures = [a.text() for a in submenu.actions()]
    assert pictures == ["PNG Image…", "SVG Drawing…", "PDF Document…"]


@pytest.mark.parametrize("key", [e.key for e in registry("EXPORTERS")])
def test_each_format_exports_a_file(
    controller: ProjectController, prompts: ScriptedPrompts, tmp_path: Path, key: str
) -> None:
    entry = next(e for e in registry("EXPORTERS") if e.key == key)
    prompts.save_answers.append(tmp_path / f"out-{key}")
    assert exchange.export_format(controller, entry), prompts.errors
    written = tmp_path / f"out-{key}{entry.extensions[0]}"
    assert written.stat().st_size > 0
    assert prompts.errors == []


def test_events_json_round_trip_through_import(
    controller: ProjectController, window: FakeMainWindow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    controller.push(edits.set_title("e2", "Council voted"))
    entry = next(e for e in registry("EXPORTERS") if e.key == "json")
    path = tmp_path / "events.json"
    assert exchange.export_format(controller, entry, path)
    prompts.unsaved = [Unsaved.DISCARD]
    assert files.new_project(controller)
    assert controller.model.events == []
    assert exchange.import_file(controller, path)
    titles = [e.title for e in controller.model.events]
    assert "Council voted" in titles and len(titles) == 3
    assert window.timeline() is controller.model
    controller.undo_stack.undo()
    assert controller.model.events == []


def test_import_of_a_broken_file_names_it(
    controller: ProjectController, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.ics"
    bad.write_text("BEGIN:VCALENDAR\nthis is not right", encoding="utf-8")
    unknown = tmp_path / "notes.docx"
    unknown.write_text("x", encoding="utf-8")
    assert not exchange.import_file(controller, bad)
    assert not exchange.import_file(controller, unknown)
    assert [t for t, _ in prompts.errors] == ["Cannot import", "Cannot import"]
    assert str(bad) in prompts.errors[0][1] and "notes.docx" in prompts.errors[1][1]
    assert len(controller.model.events) == 3 and controller.undo_stack.count() == 0


@pytest.mark.parametrize("current_view", [False, True])
def test_picture_export_from_the_menu(
    controller: ProjectController,
    window: FakeMainWindow,
    prompts: ScriptedPrompts,
    tmp_path: Path,
    current_view: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(exchange, "ask_image_options", lambda parent, options, label: options)  # accept the defaults
    prompts.save_answers.append(tmp_path / "picture")
    assert exchange.export_picture(controller, "png", current_view), prompts.errors
    image = QImage(str(tmp_path / "picture.png"))
    expected = (800, 300) if current_view else (1600, 900)
    assert (image.width(), image.height()) == expected


def test_picture_export_of_an_empty_timeline_explains_why(
    controller: ProjectController, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    controller.model.events.clear()
    assert not exchange.export_picture(controller, "svg", False, tmp_path / "empty.svg")
    assert prompts.errors == [
        ("Export failed", f"{tmp_path / 'empty.svg'}\n\nthe timeline has no dated events to draw")
    ]
    assert not (tmp_path / "empty.svg").exists()


def test_failed_export_leaves_the_existing_file_alone(
    controller: ProjectController, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    def half_then_fail(timeline: object, path: Path, title: str = "") -> None:
        path.write_text("half", encoding="utf-8")
        raise OSError("disk full")

    target = tmp_path / "chronology.md"
    target.write_text("previous export", encoding="utf-8")
    broken = exchange.FormatEntry("md", "Markdown", (".md",), half_then_fail)
    assert not exchange.export_format(controller, broken, target)
    assert target.read_text(encoding="utf-8") == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chronology.md"]
    assert prompts.errors == [("Export failed", f"{target}\n\ndisk full")]
