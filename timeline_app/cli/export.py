"""`timeline-app export`: articles, an events JSON or a project out to an interchange format or image."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline_app.core.model import Timeline

TEXT_FORMATS = ("timelinejs", "csv", "ics", "timeline", "markdown", "json")
IMAGE_FORMATS = ("png", "svg", "pdf")
# Formats that can only place events with at least one known day.
LOSES_UNDATED = {"timelinejs", "csv", "ics", "timeline", "png", "svg", "pdf"}
# Inputs read as data rather than as articles to extract from.
DATA_SUFFIXES = {".tlproj", ".json", ".ics", ".timeline", ".csv"}


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
    parser.add_argument("--title", default="", help="title of the chronology (TimelineJS, CSV, iCalendar, Markdown)")
    parser.add_argument("--reference-date", metavar="YYYY-MM-DD", help="date the articles were written")
    parser.add_argument("--size", default="1600x600", metavar="WxH", help="image size in pixels (default 1600x600)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        timeline = read_inputs([Path(p) for p in args.inputs], _reference_date(args.reference_date))
        write_output(timeline, args.format, Path(args.output), args.title, _size(args.size))
    except ExportFailed as exc:
        print(f"timeline-app export: {exc}", file=sys.stderr)
        return 1
    undated = sum(1 for e in timeline.events if e.date.earliest is None and e.date.latest is None)
    left_out = f"; {undated} without any date left out" if undated and args.format in LOSES_UNDATED else ""
    print(
        f"wrote {args.output} ({len(timeline.events) - (undated if left_out else 0)} events{left_out})", file=sys.stderr
    )
    return 0


def _reference_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ExportFailed(f"invalid --reference-date {text!r} (use YYYY-MM-DD)") from None


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise ExportFailed(f"invalid --size {text!r} (use WIDTHxHEIGHT, e.g. 1600x600)") from None
    return width, height


def read_inputs(paths: list[Path], reference: date | None) -> Timeline:
    from timeline_app.core.model import Timeline

    timeline = Timeline()
    articles = [p for p in paths if p.suffix.lower() not in DATA_SUFFIXES]
    for path in paths:
        if path.suffix.lower() in DATA_SUFFIXES:
            part = read_data_file(path)
            timeline.documents += part.documents
            timeline.events += part.events
    if articles:
        from timeline_app.core.pipeline import extract_documents

        extracted, errors = extract_documents(articles, reference_date=reference)
        for failed, message in errors:
            print(f"{failed}: {message}", file=sys.stderr)
        from timeline_app.cli.extract import warn_unsure_dates

        warn_unsure_dates(extracted)
        if not extracted.documents:
            raise ExportFailed("none of the articles could be read")
        timeline.documents += extracted.documents
        timeline.events += extracted.events
    return timeline


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


def write_output(timeline: Timeline, fmt: str, output: Path, title: str, size: tuple[int, int]) -> None:
    temp = output.with_name(f".{output.name}.{os.getpid()}.part")
    try:
        if fmt in IMAGE_FORMATS:
            _write_image(timeline, fmt, output, size)
            return
        from timeline_app.io.formats import EXPORTERS

        EXPORTERS[fmt].function(timeline, temp, title=title)
        os.replace(temp, output)  # readers never see a half-written export
    except OSError as exc:
        raise ExportFailed(f"cannot write {output}: {exc.strerror or exc}") from exc
    finally:
        temp.unlink(missing_ok=True)


def _write_image(timeline: Timeline, fmt: str, output: Path, size: tuple[int, int]) -> None:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless: draw without a screen
    from timeline_app.io.safety import one_line
    from timeline_app.qt.export_image import export_image

    try:
        export_image(timeline, output, fmt, size=size)
    except (ValueError, TypeError, RuntimeError) as exc:
        raise ExportFailed(f"cannot draw the {fmt} image: {one_line(str(exc))}") from exc
