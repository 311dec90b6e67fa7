"""Write a document and its time expressions as TimeML in the TempEval-3 layout.

The file holds DOCID, the creation time (DCT) when the reference date is known, and TEXT with
inline ``<TIMEX3 tid type value [mod]>`` tags. Removing the tags from TEXT gives back the
document text exactly: ``&``, ``<`` and ``>`` are escaped, and carriage returns are written as
character references because XML parsers would otherwise turn them into line feeds. Characters
XML 1.0 cannot carry at all (most C0 controls, U+FFFE, lone surrogates) are written as U+FFFD,
one for one so that every offset stays exact, and counted (see ``xml_text.XmlText``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from timeline_app.core.model import Document, Event, Timex
from timeline_app.io.xml_text import XmlText

_HEADER = (
    '<?xml version="1.0" ?>\n'
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
)


class TimeMLWriteError(ValueError):
    """The document's time expressions cannot be tagged inline (outside the text, or overlapping)."""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _check(text: str, timexes: Sequence[Timex]) -> list[Timex]:
    ordered = sorted(timexes, key=lambda t: (t.start, t.end))
    previous_end = 0
    for t in ordered:
        if not 0 <= t.start < t.end <= len(text):
            raise TimeMLWriteError(f"time expression {t.text!r} at {t.start}-{t.end} lies outside the text")
        if t.start < previous_end:
            raise TimeMLWriteError(f"time expression {t.text!r} at {t.start}-{t.end} overlaps the one before it")
        previous_end = t.end
    return ordered


def timeml_string(
    doc_id: str, text: str, timexes: Sequence[Timex], reference: date | None, clean: XmlText | None = None
) -> str:
    """The TimeML file content for ``text`` with ``timexes`` tagged inline.

    Characters XML cannot hold are written as U+FFFD and counted in ``clean``.
    """
    ordered = _check(text, timexes)
    fit = clean or XmlText()
    text = fit(text)  # one for one: the offsets below still hold

    def _escape_text(value: str) -> str:
        return _escape(fit(value))

    def _escape_attr(value: str) -> str:
        return _escape(fit(value)).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")

    parts = [_HEADER, f"<DOCID>{_escape_text(doc_id)}</DOCID>\n\n"]
    if reference is not None:
        value = reference.isoformat()
        parts.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{value}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{value}</TIMEX3></DCT>\n\n'
        )
    parts.append("<TEXT>")
    pos = 0
    for number, t in enumerate(ordered, 1):
        parts.append(_escape_text(text[pos : t.start]))
        attrs = f'tid="t{number}" type="{_escape_attr(t.type)}" value="{_escape_attr(t.value)}"'
        if t.mod:
            attrs += f' mod="{_escape_attr(t.mod)}"'
        parts.append(f"<TIMEX3 {attrs}>{_escape_text(text[t.start : t.end])}</TIMEX3>")
        pos = t.end
    parts.append(_escape_text(text[pos:]))
    parts.append("</TEXT>\n\n</TimeML>\n")
    return "".join(parts)


def dumps(doc: Document, clean: XmlText | None = None) -> str:
    """A document with its time expressions (``doc.timexes``) as TimeML."""
    return timeml_string(doc.id, doc.text, doc.timexes, doc.reference_date, clean)


def write_timeml(
    doc: Document, events: Sequence[Event] = (), path: str | Path | None = None, clean: XmlText | None = None
) -> str:
    """Write ``doc`` as TimeML to ``path`` (when given) and return the content.

    TempEval-3 Task A files carry time expressions only; ``events`` is accepted so callers can
    hand every writer the same arguments, and is not written.
    """
    content = dumps(doc, clean)
    if path is not None:
        Path(path).write_text(content, encoding="utf-8", newline="")
    return content
