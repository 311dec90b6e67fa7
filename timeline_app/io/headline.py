"""The name of a whole chronology, taken from the documents it was built from.

A project's file name says little to a reader ("untitled-3"); the articles' own headlines
say what the chronology is about. A title the person gave explicitly always comes first.
"""

from __future__ import annotations

from timeline_app.core.model import Document, Timeline
from timeline_app.io.sources import source_citation, source_label


def _distinct(documents: list[Document]) -> list[Document]:
    seen: set[str] = set()
    out = []
    for doc in documents:
        key = source_citation(doc)
        if key and key not in seen:
            seen.add(key)
            out.append(doc)
    return out


def headline(timeline: Timeline) -> str:
    """One document: its title; several: the first title and how many more; none: ""."""
    first, tail = headline_parts(timeline)
    return first + tail


def headline_parts(timeline: Timeline) -> tuple[str, str]:
    """The first document's title, and " and N more sources" ("" for one document)."""
    documents = _distinct(timeline.documents)
    if not documents:
        return "", ""
    first = " ".join(source_label(documents[0]).split())
    more = len(documents) - 1
    if more == 0:
        return first, ""
    return first, f" and {more} more {'source' if more == 1 else 'sources'}"


def citations(timeline: Timeline) -> list[str]:
    """Every document as "Title (article.txt)", each once, in the timeline's order."""
    return [source_citation(d) for d in _distinct(timeline.documents)]


def attribution(timeline: Timeline) -> str:
    """ "Source: …" or "Sources: …; …": one line crediting every document."""
    cited = citations(timeline)
    if not cited:
        return ""
    return f"{'Source' if len(cited) == 1 else 'Sources'}: {'; '.join(cited)}"
