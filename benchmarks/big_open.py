"""`timeline-app FILE --screenshot` on a big timeline, as a user runs it: wall time to the PNG,
peak memory of the whole process tree, and how long the GUI thread stalled while loading.

Runs (each a fresh process):
  * a 1M-event events JSON, first open (converted to columns and cached) and second open;
  * an Arrow columns file of ``--big`` events (5M by default), written once from the 1M file's
    columns repeated with shifted dates.

Peak memory is the largest sum of resident memory over the app and its children, sampled
every 20 ms from /proc. GUI stalls are measured in separate in-process runs (``--stall-runs``,
their median printed first): a 10 ms timer on the GUI thread records the longest gap between
its ticks from the start of loading until 300 ms after the timeline is shown. The longest gap
ending after the loaded timeline reached the window is printed too: the gaps before it are the
window's first frames and the load itself, which take about as long with a timeline of ten
events. Prints numbers; asserts nothing.

Run: ``.venv/bin/python benchmarks/big_open.py [--events 1000000] [--big 5000000] [--folder DIR]
[--stall-runs 3]``.
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
sys.path.insert(0, str(REPO / "benchmarks"))


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def run_app(path: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """(seconds to the PNG, peak tree MB, exit code)."""
    shot = Path(tempfile.mkdtemp()) / "shot.png"
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "timeline_app", str(path), "--screenshot", str(shot)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    return seconds, peak / 1e6, proc.returncode


STALL_PROBE = r"""
import sys, time
from PySide6.QtCore import QTimer
from timeline_app.qt.app import ensure_application, create_main_window
app = ensure_application()
window = create_main_window([sys.argv[1]], offer_recovery=False)
window.resize(1280, 800)
window.show()
state = {"last": time.perf_counter(), "worst": 0.0, "showing": 0.0, "loaded": None, "started": time.perf_counter()}
def tick():
    now = time.perf_counter()
    state["worst"] = max(state["worst"], now - state["last"])
    if state["loaded"] is not None:
        state["showing"] = max(state["showing"], now - state["last"])
    state["last"] = now
timer = QTimer(); timer.timeout.connect(tick); timer.start(10)
window.session.loaded.connect(lambda _loaded: state.update(loaded=time.perf_counter()))
def report():
    print(f"{state['worst'] * 1000:.0f} {time.perf_counter() - state['started']:.2f} {state['showing'] * 1000:.0f}")
    app.exit(0)
def done():
    QTimer.singleShot(300, report)
window.loading_did_finish.connect(done)
app.exec()
"""


def gui_stall(path: Path, env: dict[str, str], runs: int = 1) -> str:
    """The longest GUI-thread gaps while ``path`` loads: medians over ``runs`` runs, then each run's."""
    worst: list[int] = []
    showing: list[int] = []
    loaded: list[float] = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", STALL_PROBE, str(path)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        parts = result.stdout.split()
        if len(parts) != 3:
            return "probe failed"
        worst.append(int(parts[0]))
        loaded.append(float(parts[1]))
        showing.append(int(parts[2]))
    return (
        f"longest GUI-thread gap {statistics.median(worst):.0f} ms {worst}, "
        f"once the timeline reached the window {statistics.median(showing):.0f} ms {showing} "
        f"(loaded in {statistics.median(loaded):.2f} s)"
    )


def make_big_arrow(source: Path, target: Path, count: int) -> None:
    """``count`` events: the source's columns repeated, each copy after the last (ids made unique),
    so that the rows stay in reading order."""
    import numpy as np
    import pyarrow as pa

    from timeline_app.io.columnar import read_columns, write_columns
    from timeline_app.io.events_columns import load_columns

    base = read_columns(source) if source.suffix == ".arrow" else load_columns(source)
    n = len(base)
    copies = -(-count // n)
    pieces = list(range(copies))
    dated = np.isfinite(base.start)
    span = float(np.max(base.end[dated]) - np.min(base.start[dated])) + 1.0
    text = pa.large_string()
    ids = pa.concat_arrays(
        [pa.compute.binary_join_element_wise(base.ids, pa.scalar(f"~{k}", text), pa.scalar("", text)) for k in pieces]
    )
    if base.dated != n:
        raise SystemExit("the source has undated events; repeating it would break the reading order")
    from dataclasses import replace

    shift = np.concatenate([np.full(n, span * k) for k in pieces])
    from dataclasses import fields

    tiled = {
        f.name: np.tile(getattr(base, f.name), copies)
        for f in fields(base)
        if f.init and isinstance(getattr(base, f.name), np.ndarray)
    }
    tiled.update(
        start=tiled["start"] + shift,
        end=tiled["end"] + shift,
        sort_end=tiled["sort_end"] + shift,
        source=np.concatenate([base.source + n * k for k in pieces]).astype(np.int32),
    )
    big = replace(
        base,
        **tiled,
        ids=ids,
        titles=pa.concat_arrays([base.titles] * copies),
        record=pa.concat_arrays([base.record] * copies),
        dated=n * copies,
    )
    write_columns(big, target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--big", type=int, default=5_000_000)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "timeline-big-open")
    parser.add_argument("--stall-runs", type=int, default=3, help="runs of the GUI stall probe per file")
    args = parser.parse_args()
    folder: Path = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIMELINE_APP_CACHE_DIR=str(folder / "cache" / "extractions"))
    source = folder / f"events-{args.events}.json"
    if not source.exists():
        from big_timeline import write_events_json

        print(f"writing {source} …", flush=True)
        write_events_json(source, args.events)
    print(f"{source.name}: {source.stat().st_size / 1e6:.0f} MB")
    columns = folder / "cache" / "columns"
    for old in columns.glob("*.arrow") if columns.exists() else []:
        old.unlink()
    for label in ("first open (converts to columns)", "second open (columns cached)"):
        seconds, peak, code = run_app(source, env)
        print(f"  {label}: {seconds:.1f} s to the PNG, peak {peak:.0f} MB for the process tree, exit {code}")
    print(f"  {gui_stall(source, env, args.stall_runs)}")
    big = folder / f"columns-{args.big}.arrow"
    if not big.exists():
        print(f"writing {big} …", flush=True)
        make_big_arrow(next(columns.glob("*.arrow")), big, args.big)
    print(f"{big.name}: {big.stat().st_size / 1e6:.0f} MB")
    seconds, peak, code = run_app(big, env)
    print(f"  open: {seconds:.1f} s to the PNG, peak {peak:.0f} MB for the process tree, exit {code}")
    print(f"  {gui_stall(big, env, args.stall_runs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
