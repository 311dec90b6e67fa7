"""An event's sources written into, and read back from, the HTML text of slide formats.

Exports are published: a source is named by its document's title and its file name (or its
web address), never by the folder it sits in on this computer.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from timeline_app.core.model import Document, Event, Mention, Timeline

SOURCE_CLASS = "tl-source"
PATH_CLASS = "tl-source-path"
NOTE_CLASS = "tl-note"
NOTE_PREFIX = "Note:"

# "/home/…", "~/…", "C:\\…", "\\\\server\\…", "file://…": text that names a place on a computer.
LOCAL_PATH = re.compile(r"^(?:/|~[/\\]|[A-Za-z]:[/\\]|\\\\|file:)")
_SEPARATORS = re.compile(r"[/\\]+")


@dataclass(frozen=True, slots=True)
class SourceRef:
    title: str
    path: str


def is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


class SourceIndex:
    """The documents of a timeline by id, for looking up the sources of many events."""

    def __init__(self, timeline: Timeline) -> None:
        self._by_id: dict[str, Document] = {}
        for doc in timeline.documents:
            self._by_id.setdefault(doc.id, doc)  # the first wins, as in Timeline.document()

    def of(self, event: Event) -> list[Document]:
        """The documents an event was found in, in mention order, each once."""
        found: dict[int, Document] = {}
        for mention in event.mentions:
            doc = self._by_id.get(mention.document)
            if doc is not None:
                found.setdefault(id(doc), doc)
        return list(found.values())


def event_sources(timeline: Timeline, event: Event) -> list[Document]:
    return SourceIndex(timeline).of(event)


def file_name(path: str) -> str:
    """What an export may say of a document's location: a web address whole, else its file name only."""
    if is_url(path):
        return path
    text = path.removeprefix("file://")
    parts = [p for p in _SEPARATORS.split(text) if p]
    return parts[-1] if parts else ""


def source_label(doc: Document) -> str:
    """The name a source is cited by: its title, else its file name, else its id.

    A title that is itself a local path (a document without a headline may be titled by
    where it was found) is cut to its file name too.
    """
    title = doc.title
    if title and (title == doc.path or LOCAL_PATH.match(title)) and not is_url(title):
        title = file_name(title) or title  # "/" alone names no folder: nothing to cut
    return title or file_name(doc.path) or doc.id


def source_location(doc: Document) -> str:
    """The file name or web address to print beside the label, "" when it would only repeat it."""
    where = file_name(doc.path)
    return "" if where == source_label(doc) else where


def source_citation(doc: Document) -> str:
    """ "Title (article.txt)": one line naming a source for a reader."""
    label = " ".join(source_label(doc).split())
    where = " ".join(source_location(doc).split())
    return f"{label} ({where})" if where else label


def text_html(sentence: str, sources: list[Document], notes: str = "") -> str:
    parts = [f"<p>{html.escape(sentence)}</p>"] if sentence else []
    if notes.strip():
        lines = "<br>".join(html.escape(line) for line in notes.strip().splitlines())
        parts.append(f'<p class="{NOTE_CLASS}">{NOTE_PREFIX} {lines}</p>')
    for doc in sources:
        label = html.escape(source_label(doc))
        where = source_location(doc)
        if is_url(doc.path):
            body = f'<a href="{html.escape(doc.path)}">{label}</a>'
        elif where:
            body = f'{label} <span class="{PATH_CLASS}">{html.escape(where)}</span>'
        else:
            body = label
        parts.append(f'<p class="{SOURCE_CLASS}">Source: {body}</p>')
    return "".join(parts)


class _TextReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.body: list[str] = []
        self.sources: list[SourceRef] = []
        self.notes: list[str] = []
        self._in_note = False
        self._note: list[str] = []
        self._in_source = False
        self._in_path = False
        self._title: list[str] = []
        self._path = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "p" and SOURCE_CLASS in classes:
            self._in_source, self._title, self._path = True, [], ""
        elif tag == "p" and NOTE_CLASS in classes:
            self._in_note, self._note = True, []
        elif self._in_note and tag == "br":
            self._note.append("\n")
        elif self._in_source and tag == "span" and PATH_CLASS in classes:
            self._in_path = True
        elif self._in_source and tag == "a":
            self._path = dict(attrs).get("href") or ""
        elif tag in ("p", "br", "div", "li") and self.body and not self.body[-1].endswith("\n"):
            self.body.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self._in_note:
            self.notes.append("".join(self._note).strip().removeprefix(NOTE_PREFIX).strip())
            self._in_note = False
        elif tag == "span" and self._in_path:
            self._in_path = False
        elif tag == "p" and self._in_source:
            title = "".join(self._title).strip().removeprefix("Source:").strip()
            self.sources.append(SourceRef(title, self._path or title))
            self._in_source = False

    def handle_data(self, data: str) -> None:
        if self._in_note:
            self._note.append(data)
        elif self._in_path:
            self._path += data
        elif self._in_source:
            self._title.append(data)
        else:
            self.body.append(data)


@dataclass(frozen=True, slots=True)
class SlideText:
    sentence: str
    sources: list[SourceRef]
    notes: str = ""


def parse_slide_text(text: str) -> SlideText:
    """Sentence, sources and notes from slide text written by text_html or by anyone else."""
    if "<" not in text and "&" not in text:
        return SlideText(text.strip(), [])
    reader = _TextReader()
    reader.feed(text)
    reader.close()
    return SlideText("".join(reader.body).strip(), reader.sources, "\n\n".join(n for n in reader.notes if n))


def parse_text_html(text: str) -> tuple[str, list[SourceRef]]:
    """(plain sentence, sources) from slide text written by text_html or by anyone else."""
    parsed = parse_slide_text(text)
    return parsed.sentence, parsed.sources


def plain_text(fragment: str) -> str:
    return parse_text_html(fragment)[0]


class SourceCollector:
    """Turns SourceRefs met during an import into shared Documents and mentions."""

    def __init__(self) -> None:
        self.documents: list[Document] = []
        self._by_ref: dict[SourceRef, Document] = {}

    def mentions(self, refs: list[SourceRef]) -> list[Mention]:
        return [Mention(self.document(ref).id, 0, 0, "") for ref in refs]

    def document(self, ref: SourceRef) -> Document:
        doc = self._by_ref.get(ref)
        if doc is None:
            digest = hashlib.sha1(f"{ref.title}\0{ref.path}".encode("utf-8", "surrogatepass")).hexdigest()[:10]
            doc = Document(id=f"src-{digest}", path=ref.path, text="", title=ref.title)
            self._by_ref[ref] = doc
            self.documents.append(doc)
        return doc


@dataclass(slots=True)
class ImportedEvents:
    """Accumulates events of an import with unique ids."""

    events: list[Event] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)

    def unique_id(self, wanted: str, prefix: str) -> str:
        candidate = wanted or f"{prefix}-{len(self.events) + 1}"
        n = 1
        while candidate in self._ids:
            n += 1
            candidate = f"{wanted or prefix}-{n}"
        self._ids.add(candidate)
        return candidate
