"""Whole-process time of `timeline-app --screenshot` on the seed, against a bare PySide6
window doing the same (show, wait for the first paint, save a PNG, exit).

Prints medians and their ratio (target ≤ 1.5×); asserts nothing. Runs are interleaved
(app, bare, app, bare, ...) so that a busy machine slows both alike.

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
    window.grab().save(sys.argv[1], "PNG")
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--no-bytecode-cache", action="store_true", help="compile all Python source at every start")
    args = parser.parse_args()
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
        bare_cmd = [sys.executable, str(bare_script), str(Path(tmp) / "bare.png")]
        timed(app_cmd, env)  # warm the file cache and bytecode
        timed(bare_cmd, env)
        app_times, bare_times = [], []
        for _ in range(args.runs):
            app_times.append(timed(app_cmd, env))
            bare_times.append(timed(bare_cmd, env))
    app_median = statistics.median(app_times)
    bare_median = statistics.median(bare_times)
    cache = "new bytecode not kept" if args.no_bytecode_cache else "bytecode cached"
    print(f"platform {args.platform}, {args.runs} runs each, interleaved, {cache}")
    print(f"  timeline-app --screenshot (seed): median {app_median * 1000:6.0f} ms  (min {min(app_times) * 1000:.0f})")
    print(
        f"  bare PySide6 window screenshot:   median {bare_median * 1000:6.0f} ms  (min {min(bare_times) * 1000:.0f})"
    )
    print(f"  ratio {app_median / bare_median:.2f}x (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
