"""Export through the real dialogs: the file dialog's name is made to match the format, the
options dialog sets title, size and range, and what an export changed is told."""

from __future__ import annotations

from pathlib import Path

import pytest
from editing_fakes import FakeMainWindow, ScriptedPrompts
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog

from timeline_app.io.xml_text import Written
from timeline_app.qt.editing import ProjectController, exchange
from timeline_app.qt.editing.prompts import Prompts
from timeline_app.qt.export_options import ImageOptions, ImageOptionsDialog, ask_image_options


def answer_file_dialog(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str) -> list[str]:
    asked: list[str] = []

    def fake(parent: object, title: str, start: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def fill_options_dialog(monkeypatch: pytest.MonkeyPatch, width: int, height: int, title: str, view: bool) -> list[str]:
    shown: list[str] = []

    def fake_exec(dialog: ImageOptionsDialog) -> int:
        shown.append(dialog.windowTitle())
        dialog.width_box.setValue(width)
        dialog.height_box.setValue(height)
        dialog.title.setText(title)
        (dialog.current_view if view else dialog.all_events).setChecked(True)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ImageOptionsDialog, "exec", fake_exec)
    return shown


@pytest.fixture
def real_prompts(controller: ProjectController, window: FakeMainWindow) -> Prompts:
    controller.prompts = Prompts(window)
    return controller.prompts


def test_a_png_name_for_an_svg_export_is_corrected(
    controller: ProjectController,
    window: FakeMainWindow,
    real_prompts: Prompts,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    filters = answer_file_dialog(monkeypatch, tmp_path / "chart.png", "SVG Drawing (*.svg)")
    shown = fill_options_dialog(monkeypatch, 900, 500, "Council chronology", view=False)
    assert exchange.export_picture(controller, "svg", current_view=False)
    assert filters == ["SVG Drawing (*.svg)"] and shown == ["Export SVG Drawing"]
    assert not (tmp_path / "chart.png").exists()
    text = (tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert text.startswith("<?xml") and 'viewBox="0 0 900 500"' in text
    assert ">Council chronology<" in text and ">Council<" in text  # the title, and the legend's document
    message = window.statusBar().currentMessage()
    assert "chart.svg" in message and "chart.png named a PNG file" in message


def test_a_name_without_the_extension_gets_it(
    controller: ProjectController, real_prompts: Prompts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_file_dialog(monkeypatch, tmp_path / "report.v2", "PNG Image (*.png)")
    fill_options_dialog(monkeypatch, 640, 480, "", view=False)
    assert exchange.export_picture(controller, "png", current_view=False)
    image = QImage(str(tmp_path / "report.v2.png"))
    assert (image.width(), image.height()) == (640, 480)


def test_replacing_a_file_under_the_corrected_name_is_asked(
    controller: ProjectController, prompts: ScriptedPrompts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = tmp_path / "chart.pdf"
    existing.write_bytes(b"keep me")
    monkeypatch.setattr(exchange, "ask_image_options", lambda parent, options, label: options)
    prompts.save_answers.append(tmp_path / "chart.png")
    prompts.confirm_answers.append(False)
    assert not exchange.export_picture(controller, "pdf", current_view=False)
    assert existing.read_bytes() == b"keep me"
    assert prompts.infos and "chart.pdf" in prompts.infos[0][1]
    prompts.save_answers.append(tmp_path / "chart.png")
    prompts.confirm_answers.append(True)
    assert exchange.export_picture(controller, "pdf", current_view=False)
    assert existing.read_bytes().startswith(b"%PDF")


def test_range_from_the_dialog(
    controller: ProjectController,
    window: FakeMainWindow,
    prompts: ScriptedPrompts,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill_options_dialog(monkeypatch, 1000, 600, "", view=True)
    prompts.save_answers.append(tmp_path / "view.svg")
    assert exchange.export_picture(controller, "svg", current_view=False)
    view = (tmp_path / "view.svg").read_text(encoding="utf-8")
    fill_options_dialog(monkeypatch, 1000, 600, "", view=False)
    prompts.save_answers.append(tmp_path / "all.svg")
    assert exchange.export_picture(controller, "svg", current_view=True)
    whole = (tmp_path / "all.svg").read_text(encoding="utf-8")
    # The window shows Sep 2024 – Jan 2025: only October's protests are in view.
    assert "Protests began" in view and "Council met" not in view
    assert "Protests began" in whole and "Council met" in whole


def test_cancelling_the_options_writes_nothing(
    controller: ProjectController, prompts: ScriptedPrompts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ImageOptionsDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected.value)
    prompts.save_answers.append(tmp_path / "picture.png")
    assert not exchange.export_picture(controller, "png", current_view=False)
    assert list(tmp_path.glob("picture*")) == []


def test_options_dialog_defaults_and_choices(qtbot) -> None:
    defaults = ImageOptions(1600, 900, True, "Council")
    dialog = ImageOptionsDialog(None, defaults, "PNG Image", has_view=True)
    qtbot.addWidget(dialog)
    assert dialog.options() == defaults
    dialog.width_box.setValue(5)  # below the least useful size: clamped
    dialog.title.setText("  Council   chronology ")
    dialog.all_events.setChecked(True)
    assert dialog.options() == ImageOptions(320, 900, False, "Council chronology")
    no_view = ImageOptionsDialog(None, defaults, "PNG Image", has_view=False)
    qtbot.addWidget(no_view)
    assert not no_view.current_view.isEnabled() and not no_view.options().current_view


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_options_dialog_accepts_with_its_button(qtbot) -> None:
    def press_export() -> None:
        active = QApplication.activeModalWidget()
        assert isinstance(active, ImageOptionsDialog)
        active.height_box.setValue(700)
        buttons = active.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, press_export)
    chosen = ask_image_options(None, ImageOptions(1200, 900, False, "Council"), "SVG Drawing")
    assert chosen == ImageOptions(1200, 700, False, "Council")


def test_text_exports_say_what_they_changed_and_are_not_named_after_the_project(
    controller: ProjectController, window: FakeMainWindow, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    titles: list[str] = []

    def writer(timeline: object, path: Path, title: str = "") -> Written:
        titles.append(title)
        path.write_text("ok", encoding="utf-8")
        return Written(3)

    entry = exchange.FormatEntry("x", "Some format", (".x",), writer)
    assert exchange.export_format(controller, entry, tmp_path / "out.x")
    assert titles == [""]
    assert "3 characters the format cannot hold written as U+FFFD" in window.statusBar().currentMessage()
    assert prompts.infos and "3 characters" in prompts.infos[-1][2]
