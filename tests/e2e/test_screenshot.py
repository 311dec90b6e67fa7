"""`timeline-app --screenshot` and the command line, offscreen (no X server needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from e2e_support import SEED, app_env, start_app
from PySide6.QtGui import QColor, QImage

pytestmark = pytest.mark.e2e


def test_screenshot_of_the_seed_default_size(tmp_path: Path) -> None:
    shot = tmp_path / "seed.png"
    code, err = start_app(["--screenshot", str(shot)], app_env(tmp_path, None)).wait(timeout=60)
    assert code == 0, err
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    # The canvas area holds markers in the document colour, not only background.
    blues = sum(
        1
        for x in range(0, 1280, 4)
        for y in range(60, 440, 4)
        if QColor(image.pixel(x, y)).hueF() > 0.5 and QColor(image.pixel(x, y)).saturationF() > 0.6
    )
    assert blues > 50


def test_screenshot_size_option_and_bad_file_named(tmp_path: Path) -> None:
    shot = tmp_path / "small.png"
    bad = tmp_path / "broken.html"
    bad.write_bytes(b"\x00\x01\x02 not an article")
    code, err = start_app(
        [str(SEED), str(bad), "--size", "900x600", "--screenshot", str(shot)], app_env(tmp_path, None)
    ).wait(timeout=60)
    assert code == 0, err
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (900, 600)


def test_missing_file_exits_with_a_reason(tmp_path: Path) -> None:
    code, err = start_app([str(tmp_path / "nope.txt")], app_env(tmp_path, None)).wait()
    assert code == 2
    assert "nope.txt" in err and len(err.strip().splitlines()) == 1


def test_bad_size_is_rejected(tmp_path: Path) -> None:
    code, err = start_app(["--size", "big", "--screenshot", str(tmp_path / "x.png")], app_env(tmp_path, None)).wait()
    assert code == 2 and "--size" in err
