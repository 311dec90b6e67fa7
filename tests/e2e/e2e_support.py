"""Helpers for end-to-end tests: run the real application, drive it with xdotool."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_97615b8d070adb4e.txt"


@dataclass
class AppRun:
    proc: subprocess.Popen[str]
    env: dict[str, str]

    def wait(self, timeout: float = 30) -> tuple[int, str]:
        try:
            _, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
            raise
        return self.proc.returncode, err


def app_env(tmp_path: Path, display: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # private QSettings
    env["TIMELINE_APP_DATA_DIR"] = str(tmp_path / "data")  # private autosave folder
    if display is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env["QT_QPA_PLATFORM"] = "xcb"
        env["DISPLAY"] = display
    return env


def start_app(args: list[str], env: dict[str, str]) -> AppRun:
    proc = subprocess.Popen(
        [sys.executable, "-m", "timeline_app", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return AppRun(proc, env)


def xdotool(env: dict[str, str], *args: str, timeout: float = 20) -> str:
    result = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=timeout, check=False)
    return result.stdout.strip()


def wait_for_window(env: dict[str, str], name: str, timeout: float = 30) -> str:
    """Window id of the first visible window whose title contains ``name``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ids = xdotool(env, "search", "--onlyvisible", "--name", name).split()
        if ids:
            return ids[0]
        time.sleep(0.2)
    pytest.fail(f"no window titled like {name!r} within {timeout} s")


def wait_for_file(path: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.stat().st_size > 0:
            return
        time.sleep(0.1)
    pytest.fail(f"{path.name} was not written within {timeout} s")
