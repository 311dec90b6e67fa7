"""A flat CSV of events: one row per event, the first mention as its source, every source counted,
and the person's notes. Sources are named by document id (taken from the file name) and title,
never by where the file sits."""

from __future__ import annotations

import csv
import io

from timeline_app.core.model import Timeline
from timeline_app.io.csv_cells import to_cell
from timeline_app.io.sources import SourceIndex, source_citation

COLUMNS = (
    "id", "date", "earliest", "latest", "precision", "status", "title", "date_basis", "actors", "places",
    "quantities", "document", "start", "end", "sentence", "salience", "confidence", "source_count", "sources",
    "conflict", "source_titles", "notes",
)  # fmt: skip


def dumps(timeline: Timeline) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    index = SourceIndex(timeline)
    for e in sorted(timeline.events, key=lambda ev: ev.date.sort_key()):
        first = e.mentions[0] if e.mentions else None
        writer.writerow(
            [
                to_cell(e.id), e.date.edtf, e.date.earliest.isoformat() if e.date.earliest else "",
                e.date.latest.isoformat() if e.date.latest else "", e.date.precision, e.status.value,
                to_cell(e.title), to_cell(e.date_basis), to_cell("; ".join(e.actors)), to_cell("; ".join(e.places)),
                to_cell("; ".join(e.quantities)), to_cell(first.document) if first else "",
                first.start if first else "", first.end if first else "",
                to_cell(" ".join(e.sentence.split())), f"{e.salience:.2f}", f"{e.confidence:.2f}",
                len(e.sources), to_cell("; ".join(e.sources)),
                to_cell("; ".join(f"{doc}: {edtf}" for doc, edtf in e.conflict)),
                to_cell("; ".join(source_citation(d) for d in index.of(e))), to_cell(e.notes.strip()),
            ]
        )  # fmt: skip
    return out.getvalue()
