"""Bad files at start-up: one dialog per load, naming every file, never claiming what did not happen."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from timeline_app.qt import app as app_module
from timeline_app.qt.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).parent / "editing"))
from editing_fakes import ScriptedPrompts

SEED = Path(__file__).resolve().parents[2] / "seeds"


def test_only_bad_files_say_nothing_was_loaded(qtbot: QtBot, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "picture.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loading_did_finish, timeout=30_000):
        window.open_paths([str(empty), str(binary)])
    boxes = window.findChildren(QMessageBox, "loadErrors")
    assert len(boxes) == 1
    (box,) = boxes
    assert "empty.txt" in box.text() and "picture.txt" in box.text()
    assert box.informativeText() == "Nothing was loaded."
    assert box.windowTitle() == "Files could not be opened"


def test_one_bad_file_among_good_ones_says_the_others_loaded(qtbot: QtBot, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loading_did_finish, timeout=30_000):
        window.open_paths([str(SEED), str(empty)])
    (box,) = window.findChildren(QMessageBox, "loadErrors")
    assert box.windowTitle() == "A file could not be opened"
    assert box.informativeText() == "The other files were loaded."
    assert window.timeline().documents


def test_a_bad_project_at_start_up_is_reported_once(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "work.tlproj"
    bad.write_bytes(b"this is not a project")
    prompts = ScriptedPrompts()
    window = app_module.create_main_window([str(bad)], offer_recovery=False, prompts=prompts, defer_editing=True)
    qtbot.addWidget(window)
    window.close_guard = None
    qtbot.wait(50)
    assert len(prompts.errors) == 1 and "work.tlproj" in " ".join(prompts.errors[0])
    assert window.findChildren(QMessageBox, "loadErrors") == []
    assert not window.is_loading()
