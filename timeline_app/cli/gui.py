"""`timeline-app [FILE...]`: open the desktop viewer (Qt is imported only here, late)."""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from datetime import date
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline-app",
        description="Open articles (or a timeline JSON file) in the timeline viewer.",
        epilog="Commands: extract, evaluate, export, import (see `timeline-app COMMAND --help`).",
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="articles or a JSON timeline; default: the bundled seeds"
    )
    parser.add_argument("--reference-date", metavar="YYYY-MM-DD", help="date of writing for articles that lack one")
    parser.add_argument(
        "--screenshot", metavar="PATH", help="save a PNG of the window once the timeline is drawn, then exit"
    )
    parser.add_argument("--size", metavar="WxH", help="window size, e.g. 1280x800 (default for --screenshot)")
    parser.add_argument("--test-report", metavar="PATH", help=argparse.SUPPRESS)
    return parser


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not m:
        raise ValueError(f"--size must look like 1280x800, not {text!r}")
    return int(m.group(1)), int(m.group(2))


def _import_before_qt(files: list[str], engine: bool) -> None:
    """Import the large non-Qt packages now, before PySide6.

    Once PySide6 is loaded it inspects the source of every module imported after it (for its
    optional "feature" switches), which makes those imports markedly slower; and importing
    the extraction engine here rather than in the loader thread avoids contending with Qt's
    start-up for the interpreter lock.
    """
    import timeline_app.core.store  # NumPy
    from timeline_app.app.big_timelines import may_open_as_columns

    if may_open_as_columns(files):
        # The window maps such a file with pyarrow: imported now, it cannot hold up a frame.
        with contextlib.suppress(ImportError):
            import pyarrow  # noqa: F401

    if engine and any(not f.lower().endswith(".json") for f in files):
        # A broken engine is reported per file by the loader, with the reason.
        with contextlib.suppress(Exception):
            import timeline_app.core.pipeline  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        reference = date.fromisoformat(args.reference_date) if args.reference_date else None
        size = _size(args.size) if args.size else None
    except ValueError as exc:
        print(f"timeline-app: {exc}", file=sys.stderr)
        return 2
    files = list(args.files) or [str(SEEDS_DIR)]
    missing = [f for f in files if not Path(f).exists()]
    if missing and len(missing) == len(files):
        print(f"timeline-app: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    # Start reading and extracting now (in a child process where possible, else a thread),
    # while this process imports NumPy and Qt and builds the window.
    from timeline_app.app.forked_load import ForkedLoad, start_load

    # A project file is opened by the window's project layer, not extracted.
    articles = [f for f in files if not f.lower().endswith(".tlproj")]
    started = start_load(articles, reference) if articles else None
    _import_before_qt(articles, engine=not isinstance(started, ForkedLoad))
    from timeline_app.qt.app import LaunchOptions, run

    return run(LaunchOptions(files, reference, args.screenshot, size, args.test_report, started))
