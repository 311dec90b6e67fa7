"""Untrusted and read-only projects in the window: a refusal is one line, a read-only project says
so in the title bar and is saved elsewhere, and a save by another program is not overwritten."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from editing_fakes import FakeMainWindow, ScriptedPrompts, sample_timeline

from timeline_app.core.model import Timeline
from timeline_app.io.project import load_project, save_project
from timeline_app.qt.editing import ProjectController, files
from timeline_app.qt.editing.unattended import UnattendedPrompts, one_line


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder whose project cannot be written: by file modes, or for root a read-only tmpfs."""
    folder = tmp_path / "media"
    folder.mkdir()
    save_project(folder / "archive.tlproj", sample_timeline())
    if os.geteuid() != 0:
        (folder / "archive.tlproj").chmod(0o444)
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    staging = tmp_path / "staging.tlproj"
    (folder / "archive.tlproj").rename(staging)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("running as root without the right to mount a read-only medium")
    try:
        (folder / "archive.tlproj").write_bytes(staging.read_bytes())
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_read_only_project_says_so_in_the_title_and_saves_elsewhere(
    controller: ProjectController,
    window: FakeMainWindow,
    prompts: ScriptedPrompts,
    read_only_folder: Path,
    tmp_path: Path,
) -> None:
    path = read_only_folder / "archive.tlproj"
    assert files.open_project(controller, path)
    assert "archive (read-only)" in window.title
    copy = tmp_path / "copy.tlproj"
    prompts.save_answers.append(copy)
    assert files.save(controller)  # Save on a read-only project asks where to put it
    assert prompts.asked[-1].startswith("save:")
    assert "read-only" not in window.title and load_project(copy)[0] == load_project(path)[0]


def test_a_hostile_project_is_refused_with_its_name(
    controller: ProjectController, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = tmp_path / "hostile.tlproj"
    save_project(path, sample_timeline())
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM events; END")
    conn.commit()
    conn.close()
    assert not files.open_project(controller, path)
    ((title, message),) = prompts.errors
    assert title == "Cannot open project" and "hostile.tlproj: refused" in message and "trigger" in message


def test_a_save_another_program_made_is_not_overwritten(
    controller: ProjectController, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = tmp_path / "shared.tlproj"
    save_project(path, sample_timeline())
    assert files.open_project(controller, path)
    script = (
        "import sys; from timeline_app.core.model import Timeline; from timeline_app.io.project import save_project;"
    )
    subprocess.run([sys.executable, "-c", script + " save_project(sys.argv[1], Timeline())", str(path)], check=True)
    assert not files.save(controller)
    ((_title, message),) = prompts.errors
    assert "another program saved this project" in message
    assert load_project(path)[0] == Timeline()
    prompts.save_answers.append(path)  # Save As onto it, after the dialog's own "replace?" question
    assert files.save_as(controller)
    assert load_project(path)[0] == sample_timeline()


def test_unattended_prompts_answer_without_a_dialog(capsys: pytest.CaptureFixture[str]) -> None:
    prompts = UnattendedPrompts()
    prompts.error("Cannot open project", "/data/p.tlproj\n\np.tlproj: not a timeline project (not an SQLite database)")
    assert prompts.errors == ["Cannot open project; /data/p.tlproj: not a timeline project (not an SQLite database)"]
    assert capsys.readouterr().err.count("\n") == 1
    assert not prompts.confirm("t", "m") and prompts.open_path("t", "f") is None
    assert one_line("T", "a\n\nb\nc") == "T; a; b c"
