"""`timeline-app export`: articles, an events JSON or a project out to an interchange format or image.

The output's extension must agree with --format: `-f svg -o chart.png` is refused with a
one-line reason rather than writing an SVG under a PNG name. A name with no extension, or
one no format uses (a pipe, /dev/stdout), is written as asked.
"""

from __future__ import annotations

import argparse
import errno
import os
import shutil
import stat
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline_app.cli.extract import DEFAULT_TIME_LIMIT, add_time_limit, budget

if TYPE_CHECKING:
    from timeline_app.core.model import Timeline
    from timeline_app.core.viewport import Viewport
    from timeline_app.io.xml_text import Written

TEXT_FORMATS = ("timelinejs", "csv", "ics", "timeline", "markdown", "json", "arrow")
IMAGE_FORMATS = ("png", "svg", "pdf")
# Formats that can only place events with at least one known day.
LOSES_UNDATED = {"timelinejs", "csv", "ics", "timeline", "png", "svg", "pdf"}
# Inputs read as data rather than as articles to extract from.
DATA_SUFFIXES = {".tlproj", ".json", ".ics", ".timeline", ".csv", ".arrow"}
# The formats an output's extension may name (.json is both TimelineJS and events JSON).
FORMATS_BY_SUFFIX = {
    ".json": ("timelinejs", "json"),
    ".csv": ("csv",),
    ".ics": ("ics",),
    ".timeline": ("timeline",),
    ".md": ("markdown",),
    ".png": ("png",),
    ".svg": ("svg",),
    ".pdf": ("pdf",),
    ".arrow": ("arrow",),
}
DEFAULT_SIZE = "1600x900"


class ExportFailed(Exception):
    """A one-line reason the export cannot proceed."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a chronology to TimelineJS, CSV, iCalendar, Timeline, Markdown, JSON or an image",
        description=(
            "Export events to another format. INPUT is one or more articles (extracted on the fly), "
            "an events JSON from `extract`, a .tlproj project, or a file in an importable format."
        ),
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="articles, events JSON or a .tlproj project")
    parser.add_argument("--format", "-f", required=True, choices=TEXT_FORMATS + IMAGE_FORMATS, help="output format")
    parser.add_argument("--output", "-o", required=True, metavar="PATH", help="file to write")
    parser.add_argument(
        "--title",
        default="",
        help="title of the chronology or picture (default: from the documents' titles)",
    )
    parser.add_argument("--reference-date", metavar="YYYY-MM-DD", help="date the articles were written")
    parser.add_argument(
        "--size", default=DEFAULT_SIZE, metavar="WxH", help=f"image size in pixels (default {DEFAULT_SIZE})"
    )
    parser.add_argument(
        "--range",
        default="all",
        metavar="FROM..TO",
        help="images: the dates to draw, e.g. 2024..2025-06 or 2025-03-01.. (default: all events)",
    )
    add_time_limit(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Every input that can be read is exported; each one that cannot is named on stderr and the status is 1."""
    from timeline_app.cli.extract import expand_inputs

    try:
        output = Path(args.output)
        check_extension(output, args.format)
        size = _size(args.size)
        span = parse_range(args.range)
        timeline, failed = read_inputs(
            expand_inputs(args.inputs), _reference_date(args.reference_date), args.time_limit
        )
        written = write_output(timeline, args.format, output, args.title, size, span)
    except ExportFailed as exc:
        if str(exc):
            print(f"timeline-app export: {exc}", file=sys.stderr)
        return 1
    undated = sum(1 for e in timeline.events if e.date.earliest is None and e.date.latest is None)
    notes = [f"{len(timeline.events) - (undated if undated and args.format in LOSES_UNDATED else 0)} events"]
    if undated and args.format in LOSES_UNDATED:
        notes.append(f"{undated} without any date left out")
    if written is not None and written.note():
        notes.append(written.note())
    print(f"wrote {args.output} ({'; '.join(notes)})", file=sys.stderr)
    return 1 if failed else 0


def _reference_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ExportFailed(f"invalid --reference-date {text!r} (use YYYY-MM-DD)") from None


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise ExportFailed(f"invalid --size {text!r} (use WIDTHxHEIGHT, e.g. {DEFAULT_SIZE})") from None
    if not (16 <= width <= 20000 and 16 <= height <= 20000):
        raise ExportFailed(f"invalid --size {text!r} (each side must be 16–20000 pixels)")
    return width, height


DateSpan = tuple[date | None, date | None]


def parse_range(text: str) -> DateSpan | None:
    """None for "all"; else the first day of FROM and the last day of TO, either may be open."""
    if text.strip().lower() in ("", "all"):
        return None
    from timeline_app.core.model import parse_date_point

    if ".." not in text:
        raise ExportFailed(f"invalid --range {text!r} (use all, or FROM..TO such as 2024..2025-06)")
    lo_text, hi_text = (part.strip() for part in text.split("..", 1))
    try:
        lo = parse_date_point(lo_text).earliest if lo_text else None
        hi = parse_date_point(hi_text).latest if hi_text else None
    except ValueError:
        raise ExportFailed(f"invalid --range {text!r} (dates as YYYY, YYYY-MM or YYYY-MM-DD)") from None
    if lo is not None and hi is not None and hi < lo:
        raise ExportFailed(f"invalid --range {text!r} (it ends before it starts)")
    return lo, hi


def check_extension(output: Path, fmt: str) -> None:
    """Refuse an output whose extension names another format than the one to be written."""
    suffix = output.suffix.lower()
    named = FORMATS_BY_SUFFIX.get(suffix)
    if named is None or fmt in named:
        return
    wanted = output.with_suffix(_extension(fmt)).name
    raise ExportFailed(
        f"{output.name} names a {suffix[1:].upper()} file but --format is {fmt}: "
        f"write to {wanted} or use --format {named[0]}"
    )


def _extension(fmt: str) -> str:
    return next(suffix for suffix, formats in FORMATS_BY_SUFFIX.items() if fmt in formats)


def read_inputs(paths: list[Path], reference: date | None, time_limit: float | None = None) -> tuple[Timeline, int]:
    """The timeline of every readable input, and how many inputs failed (each reported on stderr).

    Raises ExportFailed when nothing at all could be read.
    """
    from timeline_app.core.model import Timeline

    timeline = Timeline()
    failed = 0
    articles = [p for p in paths if p.suffix.lower() not in DATA_SUFFIXES]
    for path in paths:
        if path.suffix.lower() in DATA_SUFFIXES:
            try:
                part = read_data_file(path)
            except ExportFailed as exc:
                print(f"timeline-app export: {exc}", file=sys.stderr)
                failed += 1
                continue
            timeline.documents += part.documents
            timeline.events += part.events
    if articles:
        from timeline_app.core.pipeline import extract_documents

        extracted, errors = extract_documents(
            articles,
            reference_date=reference,
            budget=budget(time_limit if time_limit is not None else DEFAULT_TIME_LIMIT),
        )
        for failed_path, message in errors:
            print(f"{failed_path}: {message}", file=sys.stderr)
        failed += len(errors)
        from timeline_app.cli.extract import warn_unsure_dates

        warn_unsure_dates(extracted)
        if not extracted.documents and not timeline.documents and not timeline.events:
            raise ExportFailed("none of the articles could be read")
        timeline.documents += extracted.documents
        timeline.events += extracted.events
    if failed and not timeline.documents and not timeline.events:
        raise ExportFailed("")  # every input failed, and each has said why
    return timeline, failed


def read_data_file(path: Path) -> Timeline:
    from timeline_app.io.formats import IMPORTERS, detect_import_format
    from timeline_app.io.project import ProjectError, load_project
    from timeline_app.io.safety import FormatError

    try:
        if path.suffix.lower() == ".tlproj":
            return load_project(path)[0]
        return IMPORTERS[detect_import_format(path)].function(path)
    except (ProjectError, FormatError) as exc:
        raise ExportFailed(str(exc)) from exc


def write_output(
    timeline: Timeline,
    fmt: str,
    output: Path,
    title: str,
    size: tuple[int, int] = (1600, 900),
    span: DateSpan | None = None,
) -> Written | None:
    """Write the export; readers of `output` never see it half-written.

    A named pipe or a device (/dev/stdout) at `output` is written into, never replaced.
    """
    temp = output.with_name(f".{output.name}.{os.getpid()}.part")
    try:
        if fmt in IMAGE_FORMATS:
            _write_image(timeline, fmt, output, size, title, span)
            return None
        from timeline_app.io.formats import EXPORTERS

        special = _special_file(output)
        if special:
            temp = Path(tempfile.mkstemp(prefix="timeline-export-")[1])
        written = EXPORTERS[fmt].function(timeline, temp, title=title)
        if special:
            _copy_into(output, temp)
        else:
            os.replace(temp, output)
        return written
    except OSError as exc:
        reason = "no program reads the named pipe" if exc.errno == errno.ENXIO else exc.strerror or exc
        raise ExportFailed(f"cannot write {output}: {reason}") from exc
    finally:
        temp.unlink(missing_ok=True)


def _special_file(path: Path) -> bool:
    """True for an existing named pipe or device; a directory is refused."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if stat.S_ISDIR(mode):
        raise ExportFailed(f"cannot write {path}: is a directory")
    return not stat.S_ISREG(mode)


def _copy_into(special: Path, source: Path) -> None:
    # Opened without blocking: a pipe nobody reads is an error now, not a wait for ever.
    fd = os.open(special, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    os.set_blocking(fd, True)
    with os.fdopen(fd, "wb") as out, source.open("rb") as data:
        shutil.copyfileobj(data, out)


def _write_image(
    timeline: Timeline, fmt: str, output: Path, size: tuple[int, int], title: str, span: DateSpan | None
) -> None:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless: draw without a screen
    from timeline_app.io.safety import one_line
    from timeline_app.qt.export_image import export_image

    try:
        viewport = _range_view(timeline, span, size[0]) if span is not None else None
        export_image(timeline, output, fmt, size=size, viewport=viewport, title=title or None)
    except (ValueError, TypeError, RuntimeError) as exc:
        raise ExportFailed(f"cannot draw the {fmt} image: {one_line(str(exc))}") from exc


def _range_view(timeline: Timeline, span: DateSpan, width: int) -> Viewport:
    from datetime import timedelta

    from timeline_app.core.store import EventStore
    from timeline_app.core.viewport import Viewport, to_time
    from timeline_app.qt.export_image import fitted_range

    bounds = EventStore.from_timeline(timeline).bounds()
    if bounds is None:
        raise ValueError("the timeline has no dated events to draw")
    lo = to_time(span[0]) if span[0] is not None else bounds[0]
    hi = to_time(span[1] + timedelta(days=1)) if span[1] is not None else bounds[1]
    if hi <= lo:
        raise ValueError("no events in the --range")
    if span[0] is None and span[1] is None:
        return fitted_range(lo, hi, float(width))
    # The dates asked for are the picture's edges; only an open end leaves room for labels.
    room = fitted_range(lo, hi, float(width))
    return Viewport(lo if span[0] is not None else room.t0, hi if span[1] is not None else room.t1)
