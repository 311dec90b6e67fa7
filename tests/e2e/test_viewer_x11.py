"""The real application in a real X server: keys in, observable state out."""

from __future__ import annotations

import json
import shutil
import time
from datetime import date
from pathlib import Path

import pytest
from e2e_support import SEED, app_env, start_app, wait_for_file, wait_for_window, xdotool
from PySide6.QtGui import QImage

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed"),
]


def _focus(env: dict[str, str], wid: str) -> None:
    xdotool(env, "windowfocus", "--sync", wid)
    time.sleep(0.3)


def test_arrow_keys_step_through_the_seed_chronology(xvfb_display: str, tmp_path: Path) -> None:
    env = app_env(tmp_path, xvfb_display)
    report = tmp_path / "report.json"
    app = start_app([str(SEED), "--test-report", str(report)], env)
    try:
        wid = wait_for_window(env, "Timeline")
        wait_for_file(report)  # the app reports once loading has finished
        _focus(env, wid)
        xdotool(env, "key", "--delay", "120", "Right", "Right", "Right")
        xdotool(env, "key", "--delay", "120", "Left")
        time.sleep(0.3)
        xdotool(env, "key", "ctrl+q")
        code, err = app.wait()
    finally:
        if app.proc.poll() is None:
            app.proc.kill()
    assert code == 0, err
    state = json.loads(report.read_text(encoding="utf-8"))
    assert state["documents"] == 1
    # Opened on the first event; three steps right and one left land on the third.
    assert state["selected_index"] == 2
    assert state["position_text"] == f"3 of {state['events']}"
    assert state["selected_title"]
    assert state["window_title"].endswith("— Timeline")


def test_find_filters_the_list_from_the_keyboard(xvfb_display: str, tmp_path: Path) -> None:
    env = app_env(tmp_path, xvfb_display)
    report = tmp_path / "report.json"
    app = start_app([str(SEED), "--test-report", str(report)], env)
    try:
        wid = wait_for_window(env, "Timeline")
        wait_for_file(report)
        _focus(env, wid)
        xdotool(env, "key", "ctrl+f")
        time.sleep(0.2)
        xdotool(env, "type", "--delay", "60", "parade")
        time.sleep(0.3)
        xdotool(env, "key", "ctrl+q")
        code, err = app.wait()
    finally:
        if app.proc.poll() is None:
            app.proc.kill()
    assert code == 0, err
    state = json.loads(report.read_text(encoding="utf-8"))
    assert state["search_text"] == "parade"
    assert state["focus"] == "searchField"
    assert 1 <= state["list_rows"] < state["events"]


def test_screenshot_under_x11(xvfb_display: str, tmp_path: Path) -> None:
    env = app_env(tmp_path, xvfb_display)
    shot = tmp_path / "x11.png"
    code, err = start_app(["--screenshot", str(shot)], env).wait(timeout=60)
    assert code == 0, err
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(60, 440, 8)}
    assert len(colours) > 20  # a drawn timeline, not an empty window


def test_go_to_date_from_the_keyboard(xvfb_display: str, tmp_path: Path) -> None:
    env = app_env(tmp_path, xvfb_display)
    report = tmp_path / "report.json"
    app = start_app([str(SEED), "--test-report", str(report)], env)
    try:
        wid = wait_for_window(env, "Timeline")
        wait_for_file(report)
        _focus(env, wid)
        xdotool(env, "key", "ctrl+g")
        dialog = wait_for_window(env, "Go to Date")
        _focus(env, dialog)
        xdotool(env, "type", "--delay", "40", "2025-09-04")
        xdotool(env, "key", "Return")
        time.sleep(0.5)
        _focus(env, wid)  # without a window manager nobody hands focus back after a dialog
        xdotool(env, "key", "ctrl+q")
        code, err = app.wait()
    finally:
        if app.proc.poll() is None:
            app.proc.kill()
    assert code == 0, err
    state = json.loads(report.read_text(encoding="utf-8"))
    assert state["selected_date"] == "4 Sep 2025"
    lo, hi = state["viewport"]
    assert lo < date(2025, 9, 4).toordinal() < hi


def test_clicking_a_marker_selects_its_event(xvfb_display: str, tmp_path: Path) -> None:
    env = app_env(tmp_path, xvfb_display)
    report = tmp_path / "report.json"
    app = start_app([str(SEED), "--test-report", str(report)], env)
    try:
        wid = wait_for_window(env, "Timeline")
        wait_for_file(report)
        time.sleep(0.3)
        loaded = json.loads(report.read_text(encoding="utf-8"))
        # The last labelled marker: not the event selected on opening.
        target, (x, y) = list(loaded["markers"].items())[-1]
        assert target != loaded["selected_id"]
        _focus(env, wid)
        xdotool(env, "mousemove", "--window", wid, str(x), str(y))
        xdotool(env, "click", "1")
        time.sleep(0.3)
        xdotool(env, "key", "ctrl+q")
        code, err = app.wait()
    finally:
        if app.proc.poll() is None:
            app.proc.kill()
    assert code == 0, err
    state = json.loads(report.read_text(encoding="utf-8"))
    assert state["selected_id"] == target
