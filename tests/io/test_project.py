"""The project file: every field survives save/open, view state, the edit log, errors."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from io_samples import sample_timeline, timelines

from timeline_app.core.model import Timeline
from timeline_app.io.project import (
    EditLogEntry,
    ProjectError,
    append_edit_log,
    load_project,
    read_edit_log,
    save_project,
)
from timeline_app.io.project_schema import APPLICATION_ID, SCHEMA_VERSION

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(timeline=timelines, view_state=st.dictionaries(st.text(max_size=8), json_values, max_size=4))
def test_every_field_round_trips(tmp_path: Path, timeline: Timeline, view_state: dict[str, Any]) -> None:
    path = tmp_path / "p.tlproj"
    save_project(path, timeline, view_state)
    loaded, state = load_project(path)
    assert loaded == timeline
    assert state == view_state


def test_sample_round_trips_and_resave_replaces_content(tmp_path: Path) -> None:
    path = tmp_path / "news.tlproj"
    timeline = sample_timeline()
    save_project(path, timeline, {"zoom": [2024.5, 2025.9], "selected": "e3"})
    timeline.events[0].title = "Corrected title"
    timeline.events[0].curated = True
    del timeline.events[5:]
    save_project(path, timeline)
    loaded, state = load_project(path)
    assert loaded == timeline
    assert [e.title for e in loaded.events][:2] == ["Corrected title", "Budget published"]
    assert len(loaded.events) == 5
    assert state == {}


def test_file_is_a_versioned_wal_sqlite_project(tmp_path: Path) -> None:
    path = tmp_path / "p.tlproj"
    save_project(path, sample_timeline())
    save_project(path, sample_timeline())  # second save takes the in-place transactional path
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 14
    finally:
        conn.close()
    assert not list(tmp_path.glob(".*tmp")), "the temporary file of the first save was left behind"


def test_newer_schema_is_refused_and_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "future.tlproj"
    save_project(path, sample_timeline())
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="newer version") as info:
        load_project(path)
    assert "\n" not in str(info.value)
    with pytest.raises(ProjectError, match="newer version"):
        save_project(path, Timeline())
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 14
    conn.close()


def test_saving_over_a_foreign_file_replaces_it(tmp_path: Path) -> None:
    path = tmp_path / "p.tlproj"
    path.write_text("not a database at all\n")
    save_project(path, sample_timeline())
    assert load_project(path)[0] == sample_timeline()


def test_unserialisable_view_state_is_refused_before_touching_the_file(tmp_path: Path) -> None:
    path = tmp_path / "p.tlproj"
    save_project(path, sample_timeline(), {"a": 1})
    with pytest.raises(ProjectError, match="view state"):
        save_project(path, Timeline(), {"bad": object()})
    timeline, state = load_project(path)
    assert len(timeline.events) == 14
    assert state == {"a": 1}


def test_edit_log_survives_saves(tmp_path: Path) -> None:
    path = tmp_path / "p.tlproj"
    save_project(path, sample_timeline())
    append_edit_log(path, [EditLogEntry("edit-title", "e1", {"old": "A", "new": "B"})])
    save_project(path, sample_timeline())
    append_edit_log(path, [EditLogEntry("delete", "e2")])
    log = read_edit_log(path)
    assert [(e.action, e.event_id, e.detail) for e in log] == [
        ("edit-title", "e1", {"old": "A", "new": "B"}),
        ("delete", "e2", {}),
    ]
    with pytest.raises(ProjectError, match="save the project"):
        append_edit_log(tmp_path / "missing.tlproj", [EditLogEntry("delete", "e2")])


def test_missing_file_is_a_clear_error_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nothing.tlproj"
    with pytest.raises(ProjectError, match="no such project file"):
        load_project(path)
    assert not path.exists()


def test_invalid_stored_data_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "p.tlproj"
    save_project(path, sample_timeline())
    conn = sqlite3.connect(path)
    conn.execute("UPDATE events SET status = 'imagined' WHERE position = 0")
    conn.execute("UPDATE meta SET value = ? WHERE key = 'view_state'", (json.dumps([1, 2]),))
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="invalid data"):
        load_project(path)


@pytest.mark.parametrize("name", ["a b#c?d%20.tlproj", "ünï cødé.tlproj", "x;y&z=1.tlproj"])
def test_awkward_file_names(tmp_path: Path, name: str) -> None:
    # Projects are opened through SQLite URIs: the name must not be read as query or fragment.
    path = tmp_path / "dir with space" / name
    path.parent.mkdir()
    save_project(path, sample_timeline(), {"n": 1})
    save_project(path, sample_timeline(), {"n": 2})
    assert load_project(path) == (sample_timeline(), {"n": 2})
    assert sorted(p.name for p in path.parent.iterdir()) == [name]
