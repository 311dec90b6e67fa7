"""One entry point for every supported file kind; each returns a Document ready for dating."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

from timeline_app.core.ingest.dateline import detect_title
from timeline_app.core.ingest.decode import decode_text
from timeline_app.core.ingest.errors import LoadError
from timeline_app.core.ingest.markdown import markdown_to_text, split_front_matter
from timeline_app.core.ingest.raw import read_bytes
from timeline_app.core.model import Document

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
TIMEML_SUFFIXES = {".tml", ".timeml"}
# A TimeML document saved as plain .xml (as corpora often are) is still TimeML, not text with tags.
_TIMEML_ROOT = re.compile(rb"<TimeML[\s>]")


def load_document(path: str | Path, doc_id: str, max_bytes: int | None = None) -> Document:
    """Load one file; raise LoadError with a one-line reason when it cannot be used."""
    p = Path(path)
    data = read_bytes(p, max_bytes)
    suffix = p.suffix.lower()
    if suffix in TIMEML_SUFFIXES or (suffix == ".xml" and _TIMEML_ROOT.search(data[:8192])):
        return _timeml(p, data, doc_id)
    text, _encoding = decode_text(data)
    if suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES and _sniff_html(text)):
        return _html(p, text, doc_id)
    if suffix in MARKDOWN_SUFFIXES:
        return _markdown(p, text, doc_id)
    return _document(p, doc_id, text, "text")


def document_from_text(text: str, doc_id: str, path: str = "") -> Document:
    return _document(Path(path) if path else None, doc_id, text, "text")


def _document(path: Path | None, doc_id: str, text: str, kind: str) -> Document:
    if not text.strip():
        raise LoadError("no text in file")
    return Document(id=doc_id, path=str(path) if path else "", text=text, title=detect_title(text, path), kind=kind)


def _markdown(path: Path, source: str, doc_id: str) -> Document:
    fields, body = split_front_matter(source)
    doc = _document(path, doc_id, markdown_to_text(body), "markdown")
    if fields.get("title"):
        doc.title = fields["title"]
    try:
        published = date.fromisoformat(fields.get("date", "")[:10])
    except ValueError:
        published = None
    if published is not None:
        _set_metadata_date(doc, published, f"date in the Markdown front matter ({fields['date']})")
    return doc


def _sniff_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<html" in head and "<body" in text[:20000].lower())


def _html(path: Path, text: str, doc_id: str) -> Document:
    from timeline_app.core.ingest.html import extract_article

    article = extract_article(text)
    doc = _document(path, doc_id, article.text, "html")
    if article.title:
        doc.title = article.title
    if article.published:
        _set_metadata_date(doc, article.published, "publication date in the page metadata")
    return doc


def _timeml(path: Path, data: bytes, doc_id: str) -> Document:
    from timeline_app.core.ingest.timeml import TimeMLError, parse_timeml_string

    try:
        tml = parse_timeml_string(data, source=path.name)
    except TimeMLError as exc:
        raise LoadError(str(exc).removeprefix(f"{path.name}: ")) from None
    except RecursionError:
        raise LoadError(f"TimeML elements nested too deeply to read (over {sys.getrecursionlimit()} levels)") from None
    doc = _document(path, doc_id, tml.text, "timeml")
    if tml.title:
        doc.title = tml.title
    if tml.reference_date:
        _set_metadata_date(doc, tml.reference_date, f"document creation time in the TimeML file ({tml.dct})")
    return doc


def _set_metadata_date(doc: Document, day: date, basis: str) -> None:
    doc.reference_date = day
    doc.reference_date_basis = basis
