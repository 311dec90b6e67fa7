"""Every importable format opens in the real window as the timeline it holds, not as an article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from e2e_support import SEED, app_env, start_app

from timeline_app.app.loading import load_paths
from timeline_app.io.formats import EXPORTERS

pytestmark = pytest.mark.e2e

FORMATS = [
    ("json", "seed-events.json"),
    ("timelinejs", "seed-slides.json"),
    ("csv", "seed-sheet.csv"),
    ("ics", "seed-calendar.ics"),
    ("timeline", "seed-desk.timeline"),
    ("timeline", "seed-desk.xml"),
]


@pytest.fixture(scope="module")
def seed_events(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("formats")
    timeline, errors = load_paths([str(SEED)])
    assert errors == []
    for fmt, name in FORMATS:
        EXPORTERS[fmt].function(timeline, folder / name, "")
    return folder, len(timeline.events)


@pytest.mark.parametrize(("fmt", "name"), FORMATS)
def test_an_exported_file_opens_with_the_events_it_holds(
    xvfb_display: str, tmp_path: Path, seed_events: tuple[Path, int], fmt: str, name: str
) -> None:
    folder, count = seed_events
    env = app_env(tmp_path, xvfb_display)
    report = tmp_path / "report.json"
    shot = tmp_path / f"{name}.png"
    code, err = start_app([str(folder / name), "--screenshot", str(shot), "--test-report", str(report)], env).wait(60)
    assert code == 0, err
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["load_errors"] == []
    assert data["documents"] == 1
    assert data["events"] == count  # read back, not extracted again from the file's text
    assert data["selected_index"] == 0 and data["selected_title"]


def test_a_bad_timeline_file_gives_one_line_and_loads_the_rest(
    xvfb_display: str, tmp_path: Path, seed_events: tuple[Path, int]
) -> None:
    folder, count = seed_events
    broken = tmp_path / "broken.json"
    broken.write_text('{"documents": [', encoding="utf-8")
    env = app_env(tmp_path, xvfb_display)
    report = tmp_path / "report.json"
    args = [str(broken), str(folder / "seed-calendar.ics"), "--screenshot", str(tmp_path / "s.png")]
    code, err = start_app([*args, "--test-report", str(report)], env).wait(60)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert code == 0, err
    assert len(data["load_errors"]) == 1 and data["load_errors"][0].startswith(str(broken))
    assert data["events"] == count
    assert err.count("broken.json") == 1
