"""Read TimeML (.tml) documents: the document id, the creation date, the plain text and gold TIMEX3.

Only TIMEX3 inside ``<TEXT>`` are returned; EVENT, SIGNAL and other inline tags are dropped
but their text is kept, so offsets index the text exactly as a reader would see it.
Parsing goes through defusedxml: entity expansion and external references are refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET

from timeline_app.core.model import Timex

_ISO_DAY = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")


class TimeMLError(ValueError):
    """The file is not a readable TimeML document."""


@dataclass(slots=True)
class TimeMLDocument:
    doc_id: str
    dct: str | None  # the creation time's TimeML value, e.g. "1998-01-08"
    text: str
    timexes: list[Timex] = field(default_factory=list)
    tids: list[str] = field(default_factory=list)  # parallel to timexes
    title: str = ""  # from <TITLE> or <EXTRAINFO>, when the file has one

    @property
    def reference_date(self) -> date | None:
        return parse_day(self.dct)


def parse_day(value: str | None) -> date | None:
    """The calendar day of a TimeML value that names one ("1998-01-08", "19980108", "1998-01-08T10:00")."""
    if not value:
        return None
    m = _ISO_DAY.match(value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _collect(element: Element, parts: list[str], found: list[tuple[int, int, Element]], offset: int) -> int:
    """Append the text under ``element`` to ``parts`` and record every TIMEX3 span; return the new offset.

    Sentences marked as ``<s>`` elements often follow each other with nothing between them; each
    starts on a line of its own so that the text reads as sentences, not one run-on line.
    """
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        if _local(child.tag) in _SENTENCE_TAGS and parts and not parts[-1].endswith("\n"):
            parts.append("\n")
            offset += 1
        begin = offset
        offset = _collect(child, parts, found, offset)
        if _local(child.tag) == "TIMEX3":
            found.append((begin, offset, child))
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    return offset


_SENTENCE_TAGS = frozenset(["s", "S", "sentence"])
_TITLE_TAGS = ("TITLE", "HEADLINE", "EXTRAINFO")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(root: Element, name: str) -> Element | None:
    for element in root.iter():
        if _local(element.tag) == name:
            return element
    return None


def parse_timeml_string(xml: str | bytes, source: str = "<string>") -> TimeMLDocument:
    try:
        root = SafeET.fromstring(xml)
    except Exception as exc:  # defusedxml raises several unrelated types for bad or hostile input
        raise TimeMLError(f"{source}: not well-formed TimeML ({exc})") from exc
    text_el = _find(root, "TEXT")
    if text_el is None:
        raise TimeMLError(f"{source}: no <TEXT> element")
    docid_el = _find(root, "DOCID")
    doc_id = (docid_el.text or "").strip() if docid_el is not None else ""
    dct: str | None = None
    dct_el = _find(root, "DCT")
    if dct_el is not None:
        timex = _find(dct_el, "TIMEX3")
        if timex is not None:
            dct = timex.get("value")
    parts: list[str] = []
    found: list[tuple[int, int, Element]] = []
    _collect(text_el, parts, found, 0)
    text = "".join(parts)
    found.sort(key=lambda item: item[0])
    timexes: list[Timex] = []
    tids: list[str] = []
    for start, end, el in found:
        timexes.append(
            Timex(
                start=start,
                end=end,
                text=text[start:end],
                type=el.get("type", "DATE"),
                value=el.get("value", ""),
                mod=el.get("mod"),
                basis="gold annotation",
                anchor=el.get("anchorTimeID"),
            )
        )
        tids.append(el.get("tid", ""))
    return TimeMLDocument(
        doc_id=doc_id or Path(source).stem, dct=dct, text=text, timexes=timexes, tids=tids, title=_title(root)
    )


def _title(root: Element) -> str:
    for name in _TITLE_TAGS:
        element = _find(root, name)
        if element is not None:
            words = " ".join("".join(element.itertext()).split())
            if words:
                return words
    return ""


def load_timeml(path: str | Path) -> TimeMLDocument:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise TimeMLError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    return parse_timeml_string(data, source=str(p))
