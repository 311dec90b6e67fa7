"""A fuzzing campaign: hostile inputs for a given time, in worker processes, with a watchdog.

    scripts/fuzz --minutes 15               # all cores, a fresh seed
    scripts/fuzz --seconds 60 --workers 1 --seed 7
    scripts/fuzz --replay 123456            # run one input again and show what it finds

Every input comes from one integer seed (see fuzz_inputs), so any finding is reproduced with
--replay. Inputs are articles, files to import, project files and timelines to export, checked
in process by the oracles of fuzz_targets; every --cli-every'th input instead goes through the
`timeline-app` command in a child process. A worker that spends longer than --hang-seconds on
an input under 1 MB (a minute on larger ones) is killed, the input counted as a hang, and a new
worker takes over. At the end the campaign prints inputs tried, crashes, hangs and invalid
outputs, and writes every finding to --findings as JSON lines (in the temporary folder by default).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_inputs import ARTICLE_SUFFIXES, article_bytes, import_file, project_file, timelines
from fuzz_targets import (
    CAUGHT,
    CRASH,
    INCONSISTENT,
    INVALID,
    TRIGGER,
    Finding,
    check_article,
    check_exports,
    check_import,
    check_project,
    check_timeml_writer,
)

HANG = "hang"
BIG = 1024 * 1024
KINDS = (("article", 35), ("import", 25), ("project", 15), ("writer", 25))


def kind_of(seed: int, cli_every: int) -> str:
    if cli_every and seed % cli_every == 0:
        return "cli"
    rng = random.Random(seed)
    return rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]


def run_input(seed: int, kind: str, folder: Path, started: Any = None) -> tuple[int, list[Finding]]:
    """Build the input of `seed` in `folder` and check it; (its size in bytes, findings)."""
    rng = random.Random(seed ^ 0x5EED)
    if kind == "article":
        suffix = rng.choice(ARTICLE_SUFFIXES)
        path = folder / f"article{suffix}"
        path.write_bytes(article_bytes(rng, suffix))
        _started(started, path)
        return path.stat().st_size, check_article(path, folder)
    if kind == "import":
        path = import_file(rng, folder)
        _started(started, path)
        return path.stat().st_size, check_import(path, folder)
    if kind == "project":
        path, with_trigger = project_file(rng, folder)
        _started(started, path)
        return path.stat().st_size, check_project(path, with_trigger)
    if kind == "writer":
        timeline = timelines(rng)
        size = sum(len(d.text) for d in timeline.documents) + 100 * len(timeline.events)
        _started(started, None, size)
        return size, check_exports(timeline, folder) + check_timeml_writer(timeline, folder)
    return run_cli(rng, folder, started)


def _started(started: Any, path: Path | None, size: int | None = None) -> None:
    if started is not None:
        started(path.stat().st_size if path is not None else size or 0)


def run_cli(rng: random.Random, folder: Path, started: Any = None) -> tuple[int, list[Finding]]:
    """One input through `timeline-app` in a child process: no traceback, a known status, in time."""
    roll = rng.random()
    if roll < 0.45:
        suffix = rng.choice(ARTICLE_SUFFIXES)
        source = folder / f"article{suffix}"
        source.write_bytes(article_bytes(rng, suffix))
    elif roll < 0.8:
        source = import_file(rng, folder)
    else:
        source = project_file(rng, folder)[0]
    command = rng.choice(["extract", "export", "import"])
    out = folder / "out"
    extract_format = rng.choice(["json", "csv", "text", "timeml"])
    export_format = rng.choice(["timelinejs", "csv", "ics", "timeline", "markdown", "json"])
    argv = {
        "extract": ["extract", str(source), "--format", extract_format, "--output-dir", str(out)],
        "export": ["export", str(source), "-f", export_format, "-o", str(out)],
        "import": ["import", str(source), "-o", str(folder / rng.choice(["out.tlproj", "out.json"])), "--force"],
    }[command]
    size = source.stat().st_size
    _started(started, None, size)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIMELINE_APP_DATA_DIR": str(folder / "data")}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "timeline_app", *argv], capture_output=True, text=True, timeout=600, env=env
        )
    except subprocess.TimeoutExpired:
        return size, [Finding(HANG, f"timeline-app {command}", "no answer in 600 s")]
    where = f"timeline-app {command} ({source.name})"
    if "Traceback" in result.stderr or result.returncode not in (0, 1, 2):
        last = result.stderr.strip().splitlines()[-1:] or [f"status {result.returncode}"]
        return size, [Finding(CRASH, where, last[0][:300])]
    return size, []


# ---------------------------------------------------------------- workers and watchdog


def worker(seeds: list[int], cli_every: int, pipe: Connection) -> None:
    """Runs inputs one after another, telling the parent when each starts and ends."""
    import logging

    logging.disable(logging.CRITICAL)  # the HTML extractor logs every page it cannot read
    for seed in seeds:
        kind = kind_of(seed, cli_every)
        with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:

            def started(size: int, seed: int = seed, kind: str = kind) -> None:
                pipe.send(("start", seed, kind, size, time.monotonic()))

            began = time.monotonic()
            try:
                size, findings = run_input(seed, kind, Path(folder), started)
            except Exception as exc:  # a defect in the generators themselves: report it, keep going
                size, findings = 0, [Finding(CRASH, "fuzz input generator", f"{type(exc).__name__}: {exc}")]
            pipe.send(("done", seed, kind, size, time.monotonic() - began, [dataclasses.asdict(f) for f in findings]))
    pipe.send(("finished",))


@dataclass
class Running:
    process: multiprocessing.process.BaseProcess
    pipe: Connection
    current: tuple[int, str, int, float] | None = None  # seed, kind, size, when it started


@dataclass
class Tally:
    inputs: Counter[str] = field(default_factory=Counter)
    findings: list[dict[str, Any]] = field(default_factory=list)
    slowest: list[tuple[float, int, str, int]] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for f in self.findings if f["kind"] == kind)


def campaign(seconds: float, workers: int, seed: int, cli_every: int, hang_seconds: float, findings_dir: Path) -> int:
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    next_seed = seed
    batch = 200
    tally = Tally()
    pool: list[Running] = []
    deadline = time.monotonic() + seconds
    began = time.monotonic()

    def start_worker() -> Running:
        nonlocal next_seed
        seeds = list(range(next_seed, next_seed + batch))
        next_seed += batch
        parent, child = context.Pipe()
        process = context.Process(target=worker, args=(seeds, cli_every, child), daemon=True)
        process.start()
        child.close()
        return Running(process, parent)

    _warm_up()
    pool = [start_worker() for _ in range(workers)]
    findings_dir.mkdir(parents=True, exist_ok=True)
    log = (findings_dir / f"findings-{seed}.jsonl").open("w", encoding="utf-8")
    last_report = began
    try:
        while time.monotonic() < deadline:
            for i, running in enumerate(pool):
                while running.pipe.poll(0):
                    try:
                        message = running.pipe.recv()
                    except EOFError:
                        break
                    if message[0] == "start":
                        running.current = message[1:]
                    elif message[0] == "done":
                        _, s, kind, size, took, found = message
                        running.current = None
                        tally.inputs[kind] += 1
                        tally.slowest = sorted([*tally.slowest, (took, s, kind, size)], reverse=True)[:5]
                        for f in found:
                            record = {**f, "seed": s, "input": kind, "size": size, "seconds": round(took, 2)}
                            tally.findings.append(record)
                            log.write(json.dumps(record) + "\n")
                            log.flush()
                    elif message[0] == "finished":
                        running.current = None
                hung = running.current is not None and _overdue(running.current, hang_seconds)
                died = not running.process.is_alive()
                if hung or died:
                    if running.current is not None:
                        s, kind, size, since = running.current
                        tally.inputs[kind] += 1
                        what = HANG if hung else CRASH
                        detail = f"over {time.monotonic() - since:.0f} s" if hung else "the worker process died"
                        record = {"kind": what, "where": kind, "detail": detail, "seed": s, "input": kind, "size": size}
                        tally.findings.append(record)
                        log.write(json.dumps(record) + "\n")
                        log.flush()
                    running.process.kill()
                    running.process.join()
                    pool[i] = start_worker()
            if time.monotonic() - last_report > 60:
                last_report = time.monotonic()
                print(_progress(tally, last_report - began), flush=True)
            time.sleep(0.05)
    finally:
        for running in pool:
            running.process.kill()
            running.process.join()
        log.close()
    print(_summary(tally, time.monotonic() - began, seed, hang_seconds, findings_dir), flush=True)
    return 1 if any(tally.count(k) for k in (CRASH, HANG, INVALID, TRIGGER)) else 0


def _warm_up() -> None:
    """Import and initialise everything once, before forking: a worker's first input is then timed
    for what it costs, not for loading the HTML reader or the calendar library."""
    import logging

    logging.disable(logging.CRITICAL)
    with tempfile.TemporaryDirectory(prefix="fuzz-warm-") as folder:
        for kind in ("article", "import", "project", "writer"):
            run_input(0, kind, Path(folder))
        page = Path(folder) / "page.html"
        page.write_text("<html><body><article><p>On 4 May 2025 it rained.</p></article></body></html>")
        check_article(page)


def _overdue(current: tuple[int, str, int, float], hang_seconds: float) -> bool:
    _seed, _kind, size, since = current
    return time.monotonic() - since > (hang_seconds if size < BIG else 6 * hang_seconds)


def _progress(tally: Tally, elapsed: float) -> str:
    return (
        f"[{elapsed:6.0f} s] inputs {sum(tally.inputs.values())}, crashes {tally.count(CRASH)}, "
        f"hangs {tally.count(HANG)}, invalid outputs {tally.count(INVALID)}"
    )


def _summary(tally: Tally, elapsed: float, seed: int, hang_seconds: float, findings_dir: Path) -> str:
    total = sum(tally.inputs.values())
    lines = [
        "",
        f"fuzz campaign, first seed {seed}, {elapsed:.0f} s",
        f"inputs tried:      {total} ({', '.join(f'{k} {n}' for k, n in sorted(tally.inputs.items()))})",
        f"crashes:           {tally.count(CRASH)} (uncaught exceptions, CLI tracebacks)",
        f"hangs:             {tally.count(HANG)} (over {hang_seconds:g} s on inputs under 1 MB)",
        f"invalid outputs:   {tally.count(INVALID)} (exports a standard parser or the app does not read back)",
        f"inconsistent:      {tally.count(INCONSISTENT)} (extracted dates ending before they start, mentions outside)",
        f"code from a file:  {tally.count(TRIGGER)} (a project's trigger ran)",
        f"caught defects:    {tally.count(CAUGHT)} (extractor exceptions stopped by the batch guard)",
        "slowest inputs:    " + ", ".join(f"{t:.1f} s ({k}, seed {s}, {z:,} B)" for t, s, k, z in tally.slowest),
    ]
    shown: Counter[tuple[str, str]] = Counter()
    for f in tally.findings:
        key = (f["kind"], f["where"])
        shown[key] += 1
        if shown[key] <= 3:
            lines.append(f"  {f['kind']}: {f['where']}: {f['detail'][:160]} (--replay {f['seed']})")
    lines.append(f"findings: {findings_dir}")
    return "\n".join(lines)


def replay(seed: int, cli_every: int) -> int:
    kind = kind_of(seed, cli_every)
    with tempfile.TemporaryDirectory(prefix="fuzz-replay-") as folder:
        began = time.monotonic()
        size, findings = run_input(seed, kind, Path(folder))
        print(f"seed {seed}: {kind}, {size:,} bytes, {time.monotonic() - began:.2f} s")
        for finding in findings:
            print(f"  {finding}")
    return 1 if findings else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, help="how long to run (default 10)")
    parser.add_argument("--seconds", type=float, help="how long to run, in seconds")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    parser.add_argument("--seed", type=int, help="first seed (default: from the clock)")
    parser.add_argument("--cli-every", type=int, default=40, help="every Nth input goes through the CLI (0: none)")
    parser.add_argument("--hang-seconds", type=float, default=10, help="an input under 1 MB taking longer hangs")
    parser.add_argument(
        "--findings",
        type=Path,
        default=Path(tempfile.gettempdir()) / "timeline-app-fuzz",
        help="folder for the findings log (default: timeline-app-fuzz in the temporary folder, not the work tree)",
    )
    parser.add_argument("--replay", type=int, metavar="SEED", help="run the input of one seed and show its findings")
    args = parser.parse_args(argv)
    if args.replay is not None:
        return replay(args.replay, args.cli_every)
    seconds = args.seconds if args.seconds is not None else 60 * (args.minutes if args.minutes is not None else 10)
    seed = args.seed if args.seed is not None else int(time.time()) * 1000
    return campaign(seconds, max(1, args.workers), seed, args.cli_every, args.hang_seconds, args.findings)


if __name__ == "__main__":
    sys.exit(main())
