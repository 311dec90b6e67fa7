"""Which documents tell which events, as the documents legend counts them and hiding a document masks them.

An event several documents tell is each one's. A timeline held as columns counts each event under
its first source only: which others tell it is in the records, read for shown rows alone.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from timeline_app.app.big_timelines import columns_of
from timeline_app.core.model import Timeline
from timeline_app.core.store import EventStore

IntArray = npt.NDArray[np.int64]


def row_documents(tl: Timeline, full: EventStore) -> IntArray:
    """Each row's document (index in ``tl.documents``, -1 if none), from ``full``'s arrays where it has the row."""
    docs = np.full(len(tl.events), -1, dtype=np.int64)
    columns = columns_of(tl.events)
    if columns is not None:  # every row's document is a column: no event is built, undated ones neither
        docs[columns.source] = columns.doc
        return docs
    if full.events is tl.events:
        docs[full.source_index] = full.doc
        missing = np.ones(len(tl.events), dtype=bool)
        missing[full.source_index] = False
        rows = np.flatnonzero(missing).tolist()
    else:
        rows = list(range(len(tl.events)))
    index = {d.id: i for i, d in enumerate(tl.documents)}
    for row in rows:  # undated events: not in the store
        docs[row] = index.get(tl.events[row].document, -1)
    return docs


def other_sources(tl: Timeline) -> dict[int, list[int]]:
    """For each row told by several documents, the documents (indices) besides its first.

    Most rows have one mention, so the pass reads little more than lengths.
    """
    index = {d.id: i for i, d in enumerate(tl.documents)}
    found: dict[int, list[int]] = {}
    rows = () if columns_of(tl.events) is not None else enumerate(tl.events)
    for row, event in rows:
        mentions = event.mentions
        if len(mentions) > 1:
            first = mentions[0].document
            others = list(dict.fromkeys(index.get(m.document, -1) for m in mentions if m.document != first))
            if others:
                found[row] = others
    return found


def document_counts(tl: Timeline, full: EventStore, others: dict[int, list[int]]) -> list[int]:
    """How many events each of ``tl.documents`` tells; ``others`` is :func:`other_sources` of ``tl``."""
    docs = row_documents(tl, full)
    counts: list[int] = np.bincount(docs[docs >= 0], minlength=len(tl.documents)).tolist()
    for documents in others.values():
        for d in documents:
            if 0 <= d < len(counts):
                counts[d] += 1
    return counts
