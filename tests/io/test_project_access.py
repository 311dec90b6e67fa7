"""Projects on read-only media, and two programs saving one project."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from io_samples import sample_timeline

from timeline_app.core.model import Timeline
from timeline_app.io.project import (
    ProjectChangedElsewhere,
    ProjectError,
    is_read_only,
    load_project,
    save_project,
)

MakeReadOnly = Callable[[Path], None]


@pytest.fixture
def media(tmp_path: Path) -> Iterator[tuple[Path, MakeReadOnly]]:
    """A folder and a way to make it read-only as a mounted medium is (a tmpfs remounted read-only
    when running as root, who ignores file modes; the folder's and files' modes otherwise)."""
    folder = tmp_path / "media"
    folder.mkdir()
    if os.geteuid() != 0:

        def by_modes(_folder: Path) -> None:
            for child in folder.iterdir():
                child.chmod(0o444)
            folder.chmod(0o555)

        yield folder, by_modes
        folder.chmod(0o755)
        return
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("running as root without the right to mount a read-only medium")

    def remount(_folder: Path) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)

    try:
        yield folder, remount
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_project_on_read_only_media_opens_read_only(media: tuple[Path, MakeReadOnly]) -> None:
    folder, make_read_only = media
    path = folder / "archive.tlproj"
    save_project(path, sample_timeline(), {"zoom": 2})
    assert not is_read_only(path)
    make_read_only(folder)
    assert load_project(path) == (sample_timeline(), {"zoom": 2})
    assert is_read_only(path)
    with pytest.raises(ProjectError, match="read-only") as info:
        save_project(path, Timeline())
    assert "\n" not in str(info.value) and "archive.tlproj" in str(info.value)
    assert sorted(p.name for p in folder.iterdir()) == ["archive.tlproj"]


def test_reading_leaves_no_wal_files_behind(tmp_path: Path) -> None:
    path = tmp_path / "p.tlproj"
    save_project(path, sample_timeline())
    load_project(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.tlproj"]


SAVE_ELSEWHERE = """
import sys
from timeline_app.core.model import Timeline
from timeline_app.io.project import save_project
save_project(sys.argv[1], Timeline(), {"by": "the other program"})
"""


def save_from_another_process(path: Path) -> None:
    subprocess.run([sys.executable, "-c", SAVE_ELSEWHERE, str(path)], check=True, timeout=60)


def test_a_save_by_another_program_is_not_overwritten_silently(tmp_path: Path) -> None:
    path = tmp_path / "shared.tlproj"
    save_project(path, sample_timeline())
    load_project(path)
    save_from_another_process(path)
    with pytest.raises(ProjectChangedElsewhere, match="another program saved") as info:
        save_project(path, sample_timeline(), {"by": "me"})
    assert "\n" not in str(info.value) and "shared.tlproj" in str(info.value)
    assert load_project(path) == (Timeline(), {"by": "the other program"})
    # Having read the other save, this process may save again; or overwrite it deliberately.
    save_project(path, sample_timeline(), {"by": "me"})
    save_from_another_process(path)
    save_project(path, sample_timeline(), {"by": "me again"}, overwrite_other_changes=True)
    assert load_project(path) == (sample_timeline(), {"by": "me again"})


def test_own_saves_in_a_row_are_no_conflict(tmp_path: Path) -> None:
    path = tmp_path / "mine.tlproj"
    for n in range(3):
        save_project(path, sample_timeline(), {"n": n})
    assert load_project(path)[1] == {"n": 2}


def test_a_conflicting_file_without_a_save_time_is_still_a_conflict(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "odd.tlproj"
    save_project(path, sample_timeline())
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM meta WHERE key IN ('saved_at', 'revision')")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectChangedElsewhere, match="another program saved this project after"):
        save_project(path, sample_timeline())


def test_a_text_changed_at_the_same_length_is_saved(tmp_path: Path) -> None:
    """Saves compare stored texts inside SQLite; a change that keeps the length must still be seen."""
    path = tmp_path / "p.tlproj"
    timeline = sample_timeline()
    save_project(path, timeline)
    text = timeline.documents[0].text
    timeline.documents[0].text = text[:-1] + ("x" if text[-1] != "x" else "y")
    save_project(path, timeline)
    assert load_project(path)[0].documents[0].text == timeline.documents[0].text
