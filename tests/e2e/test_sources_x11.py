"""One story in four articles, in a real window (Xvfb), from the keyboard only: hide the events
below a confidence, tick an actor in the Actors and Places panel, go to the next conflict and
read its second source in the article pane."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest
from e2e_support import REPO, app_env, wait_for_file, wait_for_window, xdotool
from test_reading_x11 import focus, quit_and_read, read, start_probe

from timeline_app.io import events_json

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed"),
]


def _story(tmp_path: Path) -> Path:
    sys.path.insert(0, str(REPO / "tests" / "qt"))
    try:
        from viewer_fixtures import STORY, make_story_timeline
    finally:
        sys.path.pop(0)
    path = tmp_path / "story.json"
    events_json.dump(make_story_timeline(), path)
    assert STORY["d"][0] == "Charity flight report"
    return path


def test_filters_conflicts_and_sources_from_the_keyboard(xvfb_display: str, tmp_path: Path) -> None:
    env = app_env(tmp_path, xvfb_display)
    report = tmp_path / "report.json"
    shot = tmp_path / "story.png"
    app = start_probe([str(_story(tmp_path)), "--report", str(report), "--shot", str(shot)], env)
    try:
        wid = wait_for_window(env, "Timeline")
        wait_for_file(report)
        loaded = read(report)
        assert loaded["conflicts_listed"] == ["charity"]  # the Conflicts view came up by itself
        focus(env, wid)
        # View ▸ Hide Below Confidence…: the value field has the focus, Enter hides.
        xdotool(env, "key", "ctrl+shift+h")
        dialog = wait_for_window(env, "Hide Events Below")
        focus(env, dialog)
        xdotool(env, "key", "--delay", "80", "ctrl+a", "0", "period", "5", "Return")
        time.sleep(0.5)
        focus(env, wid)
        # View ▸ Actors and Places: find a name, Tab to the list, Space ticks the first row.
        xdotool(env, "key", "ctrl+shift+a")
        time.sleep(0.5)
        xdotool(env, "type", "--delay", "60", "Airbus")
        xdotool(env, "key", "--delay", "150", "Tab", "space")
        time.sleep(0.5)
        xdotool(env, "key", "--delay", "250", "F8", "alt+Down")
        time.sleep(0.5)
        state = quit_and_read(app, env, report)
    finally:
        if app.proc.poll() is None:
            app.proc.kill()
    assert state["min_confidence"] == pytest.approx(0.5)
    assert state["checked_entities"] == [["actor", "Airbus"]]
    assert state["shown_ids"] == ["charity"]  # Airbus's events at 0.5 or more
    assert "2 below confidence 0.50 hidden" in state["status_tip"]
    assert "naming Airbus" in state["status_tip"]
    assert state["selected_id"] == "charity"
    assert state["shown_source"] == "d" and state["article_document"] == "d"
    sentence = "The charity flight took place in January 2008, Airbus said."
    assert state["highlight"] == [0, len(sentence)]
    assert shot.exists()
