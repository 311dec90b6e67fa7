"""Shared fixtures for the viewer's widget tests: isolated settings, a small timeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from viewer_fixtures import make_timeline

from timeline_app.core.model import Timeline

# The offscreen platform cannot pass size hints to a window manager and says so for every
# shown top-level window; it is not a problem of the code under test.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if item.path.parent == here:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Never read or write the user's real QSettings from a test."""
    folder = tmp_path_factory.mktemp("settings")
    QCoreApplication.setOrganizationName("timeline-app-tests")
    QCoreApplication.setApplicationName("timeline-app-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def timeline() -> Timeline:
    return make_timeline()
