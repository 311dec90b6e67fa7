"""A plain-text footer that carries what a foreign format cannot: the person's notes, the date
as worded, its EDTF and precision, the basis, the status, the group and the sources (by title
and file name). Used by the calendar and the desktop-Timeline formats, whose dates are only
instants or day spans."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from timeline_app.core.model import Event, FuzzyDate, Status
from timeline_app.io.date_parts import from_edtf_described
from timeline_app.io.safety import FormatError
from timeline_app.io.sources import SourceIndex, SourceRef, file_name, source_label

# A note's empty line may lose its trailing space in another app: the space is optional.
_META = re.compile(r"^(Note|Date|EDTF|Precision|Basis|Status|Group|Source):(?: (.*))?$")
# Greedy label: a file name rarely holds " <", a headline may.
_SOURCE = re.compile(r"^(.*) <([^<>]*)>$")
# The file name between "<" and ">" has those two (and "%", which escapes them) written as %XX,
# so that a name containing them is read back whole.
_ESCAPES = {"%": "%25", "<": "%3C", ">": "%3E"}
_UNESCAPE = re.compile("|".join(map(re.escape, _ESCAPES.values())), re.IGNORECASE)


def _escaped_name(name: str) -> str:
    return "".join(_ESCAPES.get(c, c) for c in name)


def _unescaped_name(text: str) -> str:
    back = {v.upper(): k for k, v in _ESCAPES.items()}
    return _UNESCAPE.sub(lambda m: back[m.group(0).upper()], text)


def described_text(sources: SourceIndex, event: Event, group: bool = False) -> str:
    """The sentence, then the footer; with ``group`` the event's group too (for formats without one)."""
    # One line per line of the note, so that the footer stays a block of "Key: value" lines.
    lines = [f"Note: {line.strip()}" for line in _note_lines(event)]
    lines += [f"Date: {event.date.describe()}", f"EDTF: {event.date.edtf}", f"Precision: {event.date.precision}"]
    if event.date_basis:
        lines.append(f"Basis: {' '.join(event.date_basis.split())}")
    lines.append(f"Status: {event.status.value}")
    if group and event.group.strip():
        # Only line breaks would end the line early; other odd characters stay as they are.
        lines.append(f"Group: {_one_line(event.group)}")
    for doc in sources.of(event):
        label = " ".join(source_label(doc).split())
        lines.append(f"Source: {label} <{_escaped_name(' '.join(file_name(doc.path).split()))}>")
    body = event.sentence.strip()
    return "\n".join([body, "", *lines] if body else lines)


def _one_line(text: str) -> str:
    return text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ").strip()


def _note_lines(event: Event) -> list[str]:
    text = event.notes.replace("\r\n", "\n").replace("\r", "\n").strip()
    return text.split("\n") if text else []


@dataclass(slots=True)
class Described:
    sentence: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    sources: list[SourceRef] = field(default_factory=list)
    note_lines: list[str] = field(default_factory=list)

    @property
    def notes(self) -> str:
        return "\n".join(self.note_lines).strip()

    @property
    def status(self) -> Status:
        try:
            return Status(self.meta.get("Status", Status.OCCURRED.value))
        except ValueError:
            return Status.OCCURRED

    def date(self, first_day: date, where: str) -> FuzzyDate | None:
        """The footer's date, if it has one that still agrees with the format's own first day."""
        edtf = self.meta.get("EDTF")
        if not edtf:
            return None
        try:
            when = from_edtf_described(edtf, self.meta.get("Date", ""))
        except ValueError as exc:
            raise FormatError(f"{where}: the description's EDTF {edtf!r} is not a date") from exc
        # Someone may have moved the event in another app: then its own dates win.
        return when if first_day in (when.earliest, when.latest) else None


def split_described(text: str) -> Described:
    lines = text.replace("\r\n", "\n").split("\n")
    result = Described()
    cut = len(lines)
    while cut > 0 and (m := _META.match(lines[cut - 1])):
        cut -= 1
        key, value = m.group(1), (m.group(2) or "").strip()
        if key == "Note":
            result.note_lines.insert(0, value)
        elif key == "Source":
            s = _SOURCE.match(value)
            found = SourceRef(s.group(1), _unescaped_name(s.group(2))) if s else SourceRef(value, value)
            result.sources.insert(0, found)
        else:
            result.meta[key] = value
    result.sentence = "\n".join(lines[:cut]).strip()
    return result
