"""Reading the timeline in a real window (Xvfb): the seed at 800×600, a dense day of thirty
related articles, a 100,000-event list, and the banner for an uncertain date of writing.

Each test starts the viewer through ``viewer_probe.py`` (the application's own window, with
the editing layer), drives it with xdotool, and reads what the probe says is on screen.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from e2e_support import REPO, SEED, AppRun, app_env, wait_for_file, wait_for_window, xdotool

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed"),
]

PROBE = Path(__file__).with_name("viewer_probe.py")
APPLE = sorted((REPO.parent / "shared/data/semeval2015-trial/timeml").glob("*.tml"))


def start_probe(args: list[str], env: dict[str, str]) -> AppRun:
    proc = subprocess.Popen(
        [sys.executable, str(PROBE), *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return AppRun(proc, env)


def read(report: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return data


def focus(env: dict[str, str], wid: str) -> None:
    xdotool(env, "windowfocus", "--sync", wid)
    time.sleep(0.3)


def quit_and_read(app: AppRun, env: dict[str, str], report: Path) -> dict[str, Any]:
    report.unlink()
    xdotool(env, "key", "ctrl+q")
    try:
        code, err = app.wait(timeout=60)
    finally:
        if app.proc.poll() is None:
            app.proc.kill()
    assert code == 0, err
    wait_for_file(report)
    return read(report)


def test_the_seed_at_800_by_600_shows_its_seven_central_events_after_fit_all(xvfb_display: str, tmp_path: Path) -> None:
    env = app_env(tmp_path, xvfb_display)
    report, shot = tmp_path / "report.json", tmp_path / "seed-800x600.png"
    app = start_probe([str(SEED), "--size", "800x600", "--report", str(report), "--shot", str(shot)], env)
    wid = wait_for_window(env, "Timeline")
    wait_for_file(report)
    focus(env, wid)
    xdotool(env, "key", "--delay", "150", "Right", "Right", "f")  # move away, then Fit All
    time.sleep(0.4)
    state = quit_and_read(app, env, report)
    assert state["window"] == [800, 600]
    _, _, width, _ = state["canvas"]
    missing = [state["titles"][i] for i in state["central"] if i not in state["labelled"]]
    assert not missing, missing
    for event_id in state["central"]:
        x, y, w, h = state["labelled"][event_id]
        assert x >= 0 and x + w <= width and y + h <= state["overflow_top"], state["titles"][event_id]
    assert state["overlaps"] == []
    assert state["broken_axis"]
    assert shot.exists()


@pytest.mark.skipif(not APPLE, reason="the SemEval-2015 trial articles are not in ../shared/data")
def test_a_dense_day_of_thirty_articles_can_be_read_lane_by_lane(xvfb_display: str, tmp_path: Path) -> None:
    env = app_env(tmp_path, xvfb_display)
    report, shot = tmp_path / "report.json", tmp_path / "dense-day.png"
    app = start_probe([*map(str, APPLE), "--size", "1280x800", "--report", str(report), "--shot", str(shot)], env)
    wid = wait_for_window(env, "Timeline")
    wait_for_file(report, timeout=90)
    loaded = read(report)
    assert loaded["overlaps"] == [] and loaded["banner_visible"]
    focus(env, wid)
    xdotool(env, "key", "ctrl+g")
    dialog = wait_for_window(env, "Go to Date")
    focus(env, dialog)
    xdotool(env, "type", "--delay", "40", "2011-06-07")
    xdotool(env, "key", "Return")
    time.sleep(0.5)
    focus(env, wid)
    x, y, w, h = loaded["canvas"]
    xdotool(env, "mousemove", "--window", wid, str(x + w // 2), str(y + h // 2))
    xdotool(env, "keydown", "shift", "click", "--repeat", "2", "5", "keyup", "shift")  # Shift+wheel down
    time.sleep(0.4)
    state = quit_and_read(app, env, report)
    assert "7 Jun 2011" in state["selected_date"]
    assert state["first_lane"] > 0  # scrolled down the lanes of that day
    assert len(state["labelled"]) >= 8 and state["overlaps"] == []


def test_a_list_of_100000_events_sorts_searches_and_jumps(xvfb_display: str, tmp_path: Path) -> None:
    env = app_env(tmp_path, xvfb_display)
    report, shot = tmp_path / "report.json", tmp_path / "big-list.png"
    app = start_probe(["--synthetic", "100000", "--report", str(report), "--shot", str(shot)], env)
    wid = wait_for_window(env, "Timeline")
    wait_for_file(report, timeout=90)
    loaded = read(report)
    assert loaded["list_rows"] == 100_000 and loaded["list_indexed"]
    assert loaded["position_text"].endswith("of 100,000")
    focus(env, wid)
    sx, sy = loaded["header_sections"][1]  # the Event column
    xdotool(env, "mousemove", "--window", wid, str(sx), str(sy))
    xdotool(env, "click", "1")
    time.sleep(0.5)
    xdotool(env, "key", "ctrl+f")
    xdotool(env, "type", "--delay", "80", "summit 9")
    xdotool(env, "key", "Return")
    time.sleep(0.6)
    state = quit_and_read(app, env, report)
    assert state["sort"] == [1, False]
    titles = state["list_titles"]
    assert titles and all("summit 9" in t.lower() for t in titles)
    assert titles == sorted(titles, key=str.casefold)
    # Enter in the search field showed the first match on the timeline, with its label.
    assert "summit 9" in state["selected_title"].lower()
    assert state["selected_id"] in state["labelled"]


def test_an_article_with_no_date_gets_a_banner_that_opens_change_reference_date(
    xvfb_display: str, tmp_path: Path
) -> None:
    article = tmp_path / "undated.txt"
    article.write_text(
        "Council votes on budget\n\nThe council voted on the budget yesterday. Protests followed on Monday.\n",
        encoding="utf-8",
    )
    env = app_env(tmp_path, xvfb_display)
    report = tmp_path / "report.json"
    app = start_probe([str(article), "--size", "1100x700", "--report", str(report)], env)
    wid = wait_for_window(env, "Timeline")
    wait_for_file(report)
    loaded = read(report)
    assert loaded["banner_visible"], loaded["banner_text"]
    assert "uncertain" in loaded["banner_text"]
    focus(env, wid)
    bx, by = loaded["banner_button"]
    xdotool(env, "mousemove", "--window", wid, str(bx), str(by))
    xdotool(env, "click", "1")
    dialog = wait_for_window(env, "Change Reference Date")
    focus(env, dialog)
    xdotool(env, "key", "Escape")
    time.sleep(0.3)
    focus(env, wid)
    state = quit_and_read(app, env, report)
    assert state["banner_visible"]
