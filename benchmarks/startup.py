"""Whole-process time of `timeline-app --screenshot` on the seed, against a bare PySide6
window doing the same (show, wait for the first paint, save a PNG, exit).

Prints medians and their ratio (target ≤ 1.5×); asserts nothing. Runs are interleaved
(app, bare, app, bare, ...) so that a busy machine slows both alike.

Fairness: both windows are 1280×800 and both PNGs are written with the same quality setting
(the app's ``SCREENSHOT_PNG_QUALITY``). The bare window is one flat colour, which zlib packs
far faster than a drawn timeline; so the script also times encoding each saved picture again
in-process and prints the difference, the part of the gap that is only picture content.

Compiled bytecode is cached (in a temporary folder, as an installed package has it) after
one warm-up run of each; ``--no-bytecode-cache`` sets PYTHONDONTWRITEBYTECODE, so modules
without bytecode on disk (a source checkout's) are compiled on every start.
Run: ``.venv/bin/python benchmarks/startup.py [--runs N] [--platform offscreen|xcb]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BARE_WINDOW = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

class Painted(QWidget):
    def paintEvent(self, event):
        QPainter(self).fillRect(self.rect(), self.palette().base())
        QTimer.singleShot(0, done)

def done():
    window.grab().save(sys.argv[1], "PNG", int(sys.argv[2]))
    app.exit(0)

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(Painted())
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    result = subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:3])}… failed: {result.stderr.strip()}")
    return elapsed


def encode_ms(path: Path, quality: int, repeat: int = 5) -> float:
    """Best time to encode the picture at ``path`` again, as the windows do before exiting."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    out = path.with_suffix(".again.png")
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        image.save(str(out), "PNG", quality)  # type: ignore[call-overload]  # the stubs want bytes, Qt wants str
        best = min(best, time.perf_counter() - t)
    return best * 1000.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--no-bytecode-cache", action="store_true", help="compile all Python source at every start")
    args = parser.parse_args()
    # Imported here: this process loads Qt only to encode the saved pictures again.
    from timeline_app.qt.app import SCREENSHOT_PNG_QUALITY

    env = dict(os.environ, QT_QPA_PLATFORM=args.platform)
    with tempfile.TemporaryDirectory() as tmp:
        if args.no_bytecode_cache:
            # Installed packages keep the bytecode they came with; only new compiles are not kept.
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env.pop("PYTHONPYCACHEPREFIX", None)
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        env["TIMELINE_APP_DATA_DIR"] = str(Path(tmp) / "data")
        bare_script = Path(tmp) / "bare.py"
        bare_script.write_text(BARE_WINDOW, encoding="utf-8")
        app_cmd = [sys.executable, "-m", "timeline_app", "--screenshot", str(Path(tmp) / "app.png")]
        bare_cmd = [sys.executable, str(bare_script), str(Path(tmp) / "bare.png"), str(SCREENSHOT_PNG_QUALITY)]
        timed(app_cmd, env)  # warm the file cache and bytecode
        timed(bare_cmd, env)
        app_times, bare_times = [], []
        for _ in range(args.runs):
            app_times.append(timed(app_cmd, env))
            bare_times.append(timed(bare_cmd, env))
        app_encode = encode_ms(Path(tmp) / "app.png", SCREENSHOT_PNG_QUALITY)
        bare_encode = encode_ms(Path(tmp) / "bare.png", SCREENSHOT_PNG_QUALITY)
    app_median = statistics.median(app_times)
    bare_median = statistics.median(bare_times)
    cache = "new bytecode not kept" if args.no_bytecode_cache else "bytecode cached"
    print(f"platform {args.platform}, {args.runs} runs each, interleaved, {cache}")
    print(f"  timeline-app --screenshot (seed): median {app_median * 1000:6.0f} ms  (min {min(app_times) * 1000:.0f})")
    print(
        f"  bare PySide6 window screenshot:   median {bare_median * 1000:6.0f} ms  (min {min(bare_times) * 1000:.0f})"
    )
    print(f"  ratio {app_median / bare_median:.2f}x (target <= 1.5x)")
    extra = (app_encode - bare_encode) / 1000
    print(f"  PNG encode of the saved pictures: app {app_encode:.0f} ms, bare {bare_encode:.0f} ms")
    print(f"  ratio with the content-only encode difference taken out: {(app_median - extra) / bare_median:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
