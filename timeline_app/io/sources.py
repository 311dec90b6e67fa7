"""An event's sources written into, and read back from, the HTML text of slide formats."""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

from timeline_app.core.model import Document, Event, Mention, Timeline

SOURCE_CLASS = "tl-source"
PATH_CLASS = "tl-source-path"


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


def source_label(doc: Document) -> str:
    return doc.title or doc.path or doc.id


def text_html(sentence: str, sources: list[Document]) -> str:
    parts = [f"<p>{html.escape(sentence)}</p>"] if sentence else []
    for doc in sources:
        label = html.escape(source_label(doc))
        if is_url(doc.path):
            body = f'<a href="{html.escape(doc.path)}">{label}</a>'
        elif doc.path and doc.path != doc.title:
            body = f'{label} <span class="{PATH_CLASS}">{html.escape(doc.path)}</span>'
        else:
            body = label
        parts.append(f'<p class="{SOURCE_CLASS}">Source: {body}</p>')
    return "".join(parts)


class _TextReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.body: list[str] = []
        self.sources: list[SourceRef] = []
        self._in_source = False
        self._in_path = False
        self._title: list[str] = []
        self._path = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "p" and SOURCE_CLASS in classes:
            self._in_source, self._title, self._path = True, [], ""
        elif self._in_source and tag == "span" and PATH_CLASS in classes:
            self._in_path = True
        elif self._in_source and tag == "a":
            self._path = dict(attrs).get("href") or ""
        elif tag in ("p", "br", "div", "li") and self.body and not self.body[-1].endswith("\n"):
            self.body.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._in_path:
            self._in_path = False
        elif tag == "p" and self._in_source:
            title = "".join(self._title).strip().removeprefix("Source:").strip()
            self.sources.append(SourceRef(title, self._path or title))
            self._in_source = False

    def handle_data(self, data: str) -> None:
        if self._in_path:
            self._path += data
        elif self._in_source:
            self._title.append(data)
        else:
            self.body.append(data)


def parse_text_html(text: str) -> tuple[str, list[SourceRef]]:
    """(plain sentence, sources) from slide text written by text_html or by anyone else."""
    if "<" not in text and "&" not in text:
        return text.strip(), []
    reader = _TextReader()
    reader.feed(text)
    reader.close()
    return "".join(reader.body).strip(), reader.sources


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
            digest = hashlib.sha1(f"{ref.title}\0{ref.path}".encode()).hexdigest()[:10]
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
