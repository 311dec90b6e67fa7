"""`timeline-app extract`: documents in, events out as JSON, TimeML, CSV or a readable chronology."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline_app.core.model import Event, Timeline
    from timeline_app.core.pipeline import Budget

FORMATS = ("json", "timeml", "csv", "text")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract dated events from documents",
        description="Extract dated, sourced events from news documents (.txt, .md, .html, .tml).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="document files, or directories to search")
    parser.add_argument("--reference-date", metavar="YYYY-MM-DD", help="the date the documents were written")
    parser.add_argument("--format", choices=FORMATS, default="json", help="output format (default: json)")
    parser.add_argument("--output-dir", metavar="DIR", help="write files here instead of standard output")
    parser.add_argument(
        "--entity",
        metavar="NAME",
        help="only the events that name this actor or place (by its name or any other form the sources write)",
    )
    parser.add_argument(
        "--no-merge",
        action="store_true",
        help="keep each document's events apart instead of joining one happening told in several documents",
    )
    add_time_limit(parser)
    parser.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="extract N documents at a time, one per process (default: the number of cores; 1 for one process)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=(
            "extract on the Dask cluster whose scheduler is at ADDRESS (e.g. tcp://host:8786), with a progress bar "
            "on stderr; the workers read the files themselves, so the paths must be visible to every worker "
            "(a shared disk). Needs the 'distributed' extra"
        ),
    )
    parser.set_defaults(func=run)


def _positive(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {raw!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


# The engine's default (core.pipeline.DEFAULT_BUDGET), written out: importing it would slow every --help.
DEFAULT_TIME_LIMIT = 4.0


def add_time_limit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--time-limit",
        type=float,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help=(
            f"extraction time per document (default {DEFAULT_TIME_LIMIT:g}; 0 for none): a document that needs "
            "more gives the events of its first part and is reported as a partial result"
        ),
    )


def budget(seconds: float) -> Budget:
    from timeline_app.core.pipeline import DEFAULT_BUDGET, Budget

    if seconds <= 0:
        return Budget.unlimited()
    return Budget(seconds=seconds, chars=DEFAULT_BUDGET.chars)


def run(args: argparse.Namespace) -> int:
    reference: date | None = None
    if args.reference_date:
        try:
            reference = date.fromisoformat(args.reference_date)
        except ValueError:
            print(
                f"timeline-app extract: invalid --reference-date {args.reference_date!r} (use YYYY-MM-DD)",
                file=sys.stderr,
            )
            return 2
    if args.format == "timeml" and not args.output_dir:
        print("timeline-app extract: --format timeml writes one file per input and needs --output-dir", file=sys.stderr)
        return 2
    out_dir = Path(args.output_dir) if args.output_dir else None
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"timeline-app extract: cannot create {out_dir}: {exc.strerror or exc}", file=sys.stderr)
            return 2

    from timeline_app.core.batch import BatchError, ProgressBar, default_jobs, extract_batch

    articles, timelines, read_errors = _split_inputs(expand_inputs(args.paths))
    try:
        timeline, errors = extract_batch(
            articles,
            reference_date=reference,
            budget=budget(args.time_limit),
            merge=not args.no_merge,
            jobs=args.jobs or default_jobs(),
            scheduler=args.scheduler,
            progress=ProgressBar(sys.stderr) if args.scheduler else None,
        )
    except BatchError as exc:
        print(f"timeline-app extract: {exc}", file=sys.stderr)
        return 2
    if timelines:
        from timeline_app.app.loading import merge

        # Timeline files join the output as they are, as the viewer opens them: never re-extracted.
        for part in timelines:
            timeline = merge(timeline, part)
    errors = read_errors + list(errors)
    for path, message in errors:
        print(f"{path}: {message}", file=sys.stderr)
    warn_unsure_dates(timeline)
    if args.entity:
        from timeline_app.core.events.registry import events_of

        timeline.events = events_of(timeline, args.entity, timeline.entities)
        if not timeline.events:
            print(f"timeline-app extract: no event names {args.entity!r}", file=sys.stderr)
            return 1
    try:
        unwritten = _write(timeline, args.format, out_dir)
    except OSError as exc:
        print(f"timeline-app extract: cannot write output: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 1 if errors or unwritten else 0


SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".tml", ".timeml"}


def _split_inputs(paths: list[Path]) -> tuple[list[Path], list[Timeline], list[tuple[str, str]]]:
    """(articles to extract, timelines read from timeline files, (path, reason) of unreadable ones).

    What is a timeline file is decided as the viewer decides it (``app.loading.timeline_format``):
    an events JSON or TimelineJS ``.json``, ``.csv``, ``.ics``, ``.timeline``, Timeline ``.xml``
    or ``.arrow``; everything else is an article.
    """
    from timeline_app.app.loading import reason_only, timeline_format
    from timeline_app.io.formats import IMPORTERS

    articles: list[Path] = []
    timelines: list[Timeline] = []
    errors: list[tuple[str, str]] = []
    for path in paths:
        try:
            fmt = timeline_format(path)
            if fmt is None:
                articles.append(path)
            else:
                timelines.append(IMPORTERS[fmt].function(path))
        except Exception as exc:
            errors.append((str(path), reason_only(path, exc)))
    return articles, timelines, errors


def expand_inputs(paths: list[str]) -> list[Path]:
    """Files as given; a directory stands for the documents under it, in name order."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            out.append(p)
    return out


def _write(timeline: Any, fmt: str, out_dir: Path | None) -> int:
    """Write the output; the number of documents that could not be written (each reported)."""
    if fmt == "timeml":
        assert out_dir is not None
        return _write_timeml(timeline, out_dir)
    if fmt == "json":
        from timeline_app.io.events_json import dumps

        text, name = dumps(timeline), "events.json"
    elif fmt == "csv":
        from timeline_app.io.events_csv import dumps as csv_dumps

        text, name = csv_dumps(timeline), "events.csv"
    else:
        text, name = render_chronology(timeline), "events.txt"
    if out_dir is None:
        sys.stdout.write(text)
    else:
        (out_dir / name).write_text(text, encoding="utf-8")
    return 0


def _write_timeml(timeline: Any, out_dir: Path) -> int:
    """One file per document; one that cannot be written is reported and the others still are."""
    from timeline_app.io.timeml import TimeMLWriteError, write_timeml
    from timeline_app.io.xml_text import XmlText

    clean = XmlText()
    failed = 0
    for doc in timeline.documents:
        events = [e for e in timeline.events if e.document == doc.id]
        target = out_dir / f"{doc.id}.tml"
        try:
            write_timeml(doc, events, target, clean)
        except (TimeMLWriteError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            print(f"{doc.path or doc.id}: cannot write {target.name} ({reason})", file=sys.stderr)
            failed += 1
    if note := clean.written().note():
        print(f"timeline-app extract: {note}", file=sys.stderr)
    return failed


def render_chronology(timeline: Timeline) -> str:
    """One line per event: date in words ("?" when only bounded), precision, status, title."""
    lines: list[str] = []
    for doc in timeline.documents:
        ref = doc.reference_date.isoformat() if doc.reference_date else "unknown"
        weak = " (weak guess)" if doc.reference_date_weak else ""
        lines.append(f"# {doc.title or doc.id}  [{doc.id}]")
        lines.append(f"#   written {ref}{weak} — {doc.reference_date_basis or 'no date found'}")
    if lines:
        lines.append("")
    events = sorted(timeline.events, key=lambda ev: ev.date.sort_key())
    width = max((len(_when(e)) for e in events), default=0)
    several = len(timeline.documents) > 1
    for e in events:
        source = f"  [{e.document}]" if several else ""
        lines.append(f"{_when(e):<{width}}  {e.date.precision:<8} {e.status.value:<9} {e.title}{source}")
    if not events:
        lines.append("(no dated events found)")
    return "\n".join(lines) + "\n"


def _when(e: Event) -> str:
    d = e.date
    if d.is_uncertain:
        return f"? {d.describe()}"
    text = d.describe().split(" (")[0]  # the precision has its own column
    return f"~ {text}" if d.precision not in ("day", "time") else f"  {text}"


def warn_unsure_dates(timeline: Timeline) -> None:
    """Documents whose date of writing was only guessed are named on stderr, with the way to fix it."""
    from timeline_app.core.reference_date import unsure_note

    for doc in timeline.documents:
        if note := unsure_note(doc):
            print(f"{doc.path or doc.id}: {note}", file=sys.stderr)
