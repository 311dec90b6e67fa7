"""Damaged and foreign files are refused with one-line ProjectErrors, never a crash."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from io_samples import sample_timeline

from timeline_app.io.project import ProjectError, load_project, save_project


def saved_project(tmp_path: Path) -> Path:
    path = tmp_path / "p.tlproj"
    timeline = sample_timeline()
    for i in range(300):  # enough pages that truncation cuts table data, not just the header
        timeline.documents[0].text += f" paragraph {i} " * 20
    save_project(path, timeline)
    return path


def refused(path: Path, match: str) -> str:
    with pytest.raises(ProjectError, match=match) as info:
        load_project(path)
    message = str(info.value)
    assert "\n" not in message and path.name in message
    return message


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_project(tmp_path: Path, keep: float) -> None:
    path = saved_project(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    refused(path, "truncated")


def test_truncated_inside_the_header(tmp_path: Path) -> None:
    path = saved_project(tmp_path)
    path.write_bytes(path.read_bytes()[:60])
    refused(path, "truncated")


def test_wrong_magic(tmp_path: Path) -> None:
    path = saved_project(tmp_path)
    data = bytearray(path.read_bytes())
    data[:16] = b"NotSQLite fmt 9\x00"
    path.write_bytes(bytes(data))
    refused(path, "not an SQLite database")


def test_other_applications_database(tmp_path: Path) -> None:
    path = tmp_path / "other.tlproj"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE events (x)")
    conn.commit()
    conn.close()
    refused(path, "another application")


@pytest.mark.parametrize("content", [b"", b'{"events": []}', b"\x00" * 4096])
def test_not_sqlite(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "junk.tlproj"
    path.write_bytes(content)
    refused(path, "empty|not a timeline project")


def test_corrupted_page_is_reported(tmp_path: Path) -> None:
    path = saved_project(tmp_path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // page_size):  # scribble over every b-tree page header after the first
        data[page * page_size : page * page_size + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))
    refused(path, "damaged")


def test_directory_instead_of_file(tmp_path: Path) -> None:
    path = tmp_path / "dir.tlproj"
    path.mkdir()
    refused(path, "cannot read")
