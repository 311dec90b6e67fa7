"""`timeline-app import`: a TimelineJS, CSV, iCalendar, Timeline or TimeML file into a project or events JSON."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

FORMATS = ("auto", "timelinejs", "csv", "ics", "timeline", "timeml", "json")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import a TimelineJS, CSV, iCalendar, Timeline or TimeML file",
        description="Read events from another format into a new project (.tlproj) or an events JSON file.",
    )
    parser.add_argument("file", metavar="FILE", help="file to import")
    parser.add_argument("--output", "-o", required=True, metavar="PATH", help="project.tlproj or events.json")
    parser.add_argument("--format", "-f", choices=FORMATS, default="auto", help="input format (default: by extension)")
    parser.add_argument("--force", action="store_true", help="replace an existing output file")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from timeline_app.io.formats import IMPORTERS, detect_import_format
    from timeline_app.io.project import ProjectError
    from timeline_app.io.safety import FormatError

    source, output = Path(args.file), Path(args.output)
    if output.suffix.lower() not in (".tlproj", ".json"):
        return _fail(f"--output must end in .tlproj or .json, not {output.name!r}", 2)
    if output.exists() and not args.force:
        return _fail(f"{output} exists; pass --force to replace it", 1)
    try:
        fmt = detect_import_format(source) if args.format == "auto" else args.format
        timeline = IMPORTERS[fmt].function(source)
        _write(timeline, output)
    except (FormatError, ProjectError) as exc:
        return _fail(str(exc), 1)
    except OSError as exc:
        return _fail(f"cannot write {output}: {exc.strerror or exc}", 1)
    print(
        f"imported {len(timeline.events)} events from {len(timeline.documents)} sources ({fmt}) into {output}",
        file=sys.stderr,
    )
    return 0


def _write(timeline: Any, output: Path) -> None:
    if output.suffix.lower() == ".tlproj":
        from timeline_app.io.project import save_project

        save_project(output, timeline, {})
        return
    from timeline_app.io import events_json

    temp = output.with_name(f".{output.name}.{os.getpid()}.part")
    try:
        events_json.dump(timeline, temp)
        os.replace(temp, output)
    finally:
        temp.unlink(missing_ok=True)


def _fail(message: str, code: int) -> int:
    print(f"timeline-app import: {message}", file=sys.stderr)
    return code
