"""What must hold for any input: the oracles of the fuzz tests and of ``scripts/fuzz``.

- A reader returns its result or raises its one documented error (LoadError, FormatError or
  ValueError, ProjectError); any other exception is a crash.
- The extractor never lets an exception out of a batch, and what it finds is consistent
  (mentions inside their text, a first day no later than the last; counted on their own).
- Every writer produces a file that a standard parser (json, csv, icalendar, an XML parser)
  accepts and that the app's own reader reads back: the same dated events, titles and days.
- A project file's triggers never run, and saving over a crafted file never hangs.

Each check returns findings instead of raising, so a campaign can count them.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import traceback
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from timeline_app.core.ingest import LoadError, load_document
from timeline_app.core.model import DateKind, FuzzyDate, Precision, Timeline
from timeline_app.core.pipeline import extract_documents

CRASH = "crash"  # an exception other than the reader's documented one escaped
INVALID = "invalid output"  # an export that a standard parser or the app's reader refuses, or reads differently
TRIGGER = "code ran"  # something stored in a project file ran
CAUGHT = "caught defect"  # the batch guard caught an extractor exception: not a crash, but a bug to look at
INCONSISTENT = "inconsistent extraction"  # a mention outside its text, a date that ends before it starts


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    where: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind} in {self.where}: {self.detail}"


def _crash(where: str, exc: BaseException) -> Finding:
    frames = traceback.extract_tb(exc.__traceback__)
    last = next((f for f in reversed(frames) if "timeline_app" in f.filename), frames[-1] if frames else None)
    place = f" at {Path(last.filename).name}:{last.lineno}" if last else ""
    return Finding(CRASH, where, f"{type(exc).__name__}: {str(exc)[:200]}{place}")


# ---------------------------------------------------------------- readers


def check_article(path: Path, export_folder: Path | None = None) -> list[Finding]:
    """Loading and extracting one document; what was extracted must also export and read back."""
    try:
        load_document(path, "doc")
    except LoadError:
        pass
    except Exception as exc:
        return [_crash("load_document", exc)]
    try:
        timeline, errors = extract_documents([path])
    except Exception as exc:
        return [_crash("extract_documents", exc)]
    findings = [
        Finding(CAUGHT, "extract_documents", message) for _, message in errors if "could not extract" in message
    ]
    findings += check_extracted(timeline)
    if export_folder is not None:
        findings += check_exports(timeline, export_folder)
        findings += check_timeml_writer(timeline, export_folder)
    return findings


def check_extracted(timeline: Timeline) -> list[Finding]:
    texts = {d.id: d.text for d in timeline.documents}
    findings = []
    for event in timeline.events:
        for mention in event.mentions:
            text = texts.get(mention.document)
            if text is not None and not 0 <= mention.start <= mention.end <= len(text):
                findings.append(
                    Finding(INVALID, "extractor", f"mention {mention.start}-{mention.end} outside its text")
                )
        lo, hi = event.date.earliest, event.date.latest
        if lo is not None and hi is not None and lo > hi:
            findings.append(Finding(INCONSISTENT, "extractor", f"date {event.date.edtf} ends before it starts"))
    return findings


def check_import(path: Path, export_folder: Path | None = None) -> list[Finding]:
    """Any file given to `import`: a timeline or a FormatError; a timeline must export and read back."""
    from timeline_app.io.formats import IMPORTERS, detect_import_format
    from timeline_app.io.safety import FormatError

    try:
        timeline = IMPORTERS[detect_import_format(path)].function(path)
    except (FormatError, ValueError):
        return []
    except Exception as exc:
        return [_crash(f"import of {path.name}", exc)]
    return check_exports(timeline, export_folder) if export_folder is not None else []


def check_project(path: Path, with_trigger: bool) -> list[Finding]:
    """Opening a crafted project, then saving over it: one-line errors only, and no trigger runs."""
    from timeline_app.io.project import ProjectError, load_project, save_project

    findings = []
    try:
        load_project(path)
    except ProjectError as exc:
        if "\n" in str(exc) or path.name not in str(exc):
            findings.append(Finding(INVALID, "load_project", f"message not one line naming the file: {exc}"))
    except Exception as exc:
        return [_crash("load_project", exc)]
    marker = Timeline()
    try:
        save_project(path, marker, {"saved": "by the fuzzer"})
        saved, state = load_project(path)
    except ProjectError:
        return findings
    except Exception as exc:
        return [*findings, _crash("save_project", exc)]
    if with_trigger and (saved != marker or state != {"saved": "by the fuzzer"}):
        findings.append(Finding(TRIGGER, "save_project", "the saved project differs from what was saved"))
    return findings


# ---------------------------------------------------------------- writers

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _norm(text: str) -> str:
    """What any format may do to a text: fold whitespace, write characters XML cannot hold as U+FFFD."""
    return " ".join(_NOT_XML.sub(" ", text).replace("\ufffd", " ").split())


def _kept(timeline: Timeline, lossy_ends: bool = False) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The fields the lossless formats (events JSON, the project file) promise to keep."""
    documents = [
        (d.id, d.path, d.text, d.title, d.reference_date, d.reference_date_basis, d.reference_date_weak, d.kind,
         [(t.start, t.end, t.text, t.type, t.value, t.mod) for t in d.timexes])
        for d in timeline.documents
    ]  # fmt: skip
    events = [
        (e.id, e.title, e.sentence, _date_key(e.date) if lossy_ends else e.date, e.status, e.date_basis,
         [(m.document, m.start, m.end, m.text) for m in e.mentions], e.actors, e.places, e.quantities, e.notes,
         e.group, e.color, e.curated, round(e.salience, 6))
        for e in timeline.events
    ]  # fmt: skip
    return documents, events


_SIMPLE = (Precision.DAY, Precision.TIME, Precision.MONTH, Precision.YEAR)


def _exact_in_slides(date: FuzzyDate) -> bool:
    """Dates the slide and calendar formats promise to keep to the day: a single unit, or ends of
    day, month, year or time (an end that is a season or a century is written as its year or day)."""
    if date.kind is DateKind.POINT:
        return True
    return all(p is None or p.precision in _SIMPLE for p in (date.start, date.end))


def _days(date: FuzzyDate) -> tuple[object, object]:
    first, last = date.earliest or date.latest, date.latest or date.earliest
    if first is None or last is None or first <= last or date.start is None or date.end is None:
        return (first, last)
    # Ends the wrong way round (an extractor slip, counted on its own) are written the right way round.
    return (min(date.start.earliest, date.end.earliest), max(date.start.latest, date.end.latest))


def _slides_differ(original: Timeline, back: Timeline) -> str:
    """How a slide or calendar export read back differs from what was written ("" when it does not).

    These formats keep the order of the events they can place (those with some day).
    """
    dated = [e for e in original.events if e.date.earliest is not None or e.date.latest is not None]
    if len(back.events) != len(dated):
        return f"{len(back.events)} events read back of {len(dated)} written"
    for before, after in zip(dated, back.events, strict=True):
        if _norm(after.title) != _norm(before.title):
            return f"title {before.title[:40]!r} read back as {after.title[:40]!r}"
        if _exact_in_slides(before.date) and _days(after.date) != _days(before.date):
            return f"{before.date.edtf} read back as {after.date.edtf}"
    return ""


def _date_key(date: FuzzyDate) -> object:
    """A date as events JSON keeps it: whole for every date the extractor makes; a span no unit
    names, at the end of an interval, by its outer day (so the written EDTF and the bounds)."""
    return (date.kind, date.earliest, date.latest, date.edtf, date.precision)


def _standard_parse(fmt: str, path: Path) -> None:
    """Raises when a parser other than the app's refuses the file."""
    data = path.read_bytes()
    if fmt in ("json", "timelinejs"):
        json.loads(data.decode("utf-8"))
    elif fmt == "csv":
        csv.field_size_limit(max(csv.field_size_limit(), len(data)))  # a limit of the parser, not of the format
        list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), strict=True))
    elif fmt == "ics":
        import icalendar

        icalendar.Calendar.from_ical(data)
    elif fmt == "timeline":
        ET.fromstring(data)
    elif fmt == "markdown":
        data.decode("utf-8")


def check_exports(timeline: Timeline, folder: Path) -> list[Finding]:
    """Every text export of `timeline`: parsed by a standard parser and read back by the app."""
    from timeline_app.io.formats import EXPORTERS, IMPORTERS
    from timeline_app.io.project import ProjectError, load_project, save_project
    from timeline_app.io.project_rows import valid_unicode_timeline

    findings = []
    for fmt, export in EXPORTERS.items():
        path = folder / f"export-{fmt}{export.extension}"
        try:
            export.function(timeline, path, title="Fuzz")
        except Exception as exc:
            findings.append(_crash(f"{fmt} export", exc))
            continue
        try:
            _standard_parse(fmt, path)
        except Exception as exc:
            findings.append(Finding(INVALID, f"{fmt} export", f"a standard parser refuses it: {str(exc)[:200]}"))
            continue
        if fmt not in IMPORTERS:
            continue
        try:
            back = IMPORTERS[fmt].function(path)
        except Exception as exc:
            findings.append(Finding(INVALID, f"{fmt} export", f"the app cannot read it back: {str(exc)[:200]}"))
            continue
        if fmt == "json":
            (docs_back, events_back), (docs, events) = _kept(back, lossy_ends=True), _kept(timeline, lossy_ends=True)
            if docs_back != docs or sorted(map(repr, events_back)) != sorted(map(repr, events)):  # written by date
                findings.append(Finding(INVALID, "json export", "reads back as other events"))
        elif difference := _slides_differ(timeline, back):
            findings.append(Finding(INVALID, f"{fmt} export", difference))
    project = folder / "export.tlproj"
    try:
        save_project(project, timeline)
        if _kept(load_project(project)[0]) != _kept(valid_unicode_timeline(timeline)):
            findings.append(Finding(INVALID, "project", "reads back as another timeline"))
    except ProjectError as exc:
        findings.append(Finding(INVALID, "project", f"cannot save or reopen: {exc}"))
    except Exception as exc:
        findings.append(_crash("project save/load", exc))
    finally:
        for leftover in folder.glob("export.tlproj*"):
            leftover.unlink()
    return findings


def check_timeml_writer(timeline: Timeline, folder: Path) -> list[Finding]:
    from timeline_app.core.ingest.timeml import parse_timeml_string
    from timeline_app.io.timeml import TimeMLWriteError, write_timeml

    findings = []
    for doc in timeline.documents:
        try:
            content = write_timeml(doc, [], folder / "doc.tml")
        except TimeMLWriteError:
            continue  # time expressions that cannot be tagged inline: refused in words
        except Exception as exc:
            findings.append(_crash("TimeML export", exc))
            continue
        try:
            ET.fromstring(content.encode("utf-8"))
            back = parse_timeml_string(content)
        except Exception as exc:
            findings.append(Finding(INVALID, "TimeML export", f"does not parse: {str(exc)[:200]}"))
            continue
        if back.text != _NOT_XML.sub("\ufffd", doc.text):
            findings.append(Finding(INVALID, "TimeML export", "reads back with another text"))
        elif [(t.start, t.end) for t in back.timexes] != sorted((t.start, t.end) for t in doc.timexes):
            findings.append(Finding(INVALID, "TimeML export", "reads back with other time expression spans"))
    return findings


def no_triggers(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0] == 0
    finally:
        conn.close()
