"""Fixtures for the editing layer: a contract-honouring window, scripted prompts, private folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from editing_fakes import FakeMainWindow, ScriptedPrompts, sample_timeline
from PySide6.QtCore import QSettings

from timeline_app.qt.editing import ProjectController, attach


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Recovery snapshots go to a private folder, never the user's."""
    folder = tmp_path / "data"
    monkeypatch.setenv("TIMELINE_APP_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def window(qtbot) -> Iterator[FakeMainWindow]:
    win = FakeMainWindow(sample_timeline())
    yield win
    # Tests answer the unsaved-changes question themselves; tearing down must not ask it.
    win.close_guard = None
    win.close()
    win.deleteLater()


@pytest.fixture
def controller(window: FakeMainWindow, prompts: ScriptedPrompts, tmp_path: Path, qtbot) -> Iterator[ProjectController]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ctl = attach(window, prompts=prompts, settings=settings, autosave_ms=60_000, offer_recovery=False)
    yield ctl
    # Let a snapshot being written finish before the temporary folder goes away.
    ctl.autosave.wait()
    ctl.worker.wait()
