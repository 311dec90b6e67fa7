"""A flat CSV of events: one row per event, the first mention as its source."""

from __future__ import annotations

import csv
import io

from timeline_app.core.model import Timeline

COLUMNS = (
    "id", "date", "earliest", "latest", "precision", "status", "title", "date_basis", "actors", "places",
    "quantities", "document", "start", "end", "sentence", "salience",
)  # fmt: skip


def dumps(timeline: Timeline) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in sorted(timeline.events, key=lambda ev: ev.date.sort_key()):
        first = e.mentions[0] if e.mentions else None
        writer.writerow(
            [
                e.id, e.date.edtf, e.date.earliest.isoformat() if e.date.earliest else "",
                e.date.latest.isoformat() if e.date.latest else "", e.date.precision, e.status.value,
                _safe_cell(e.title), e.date_basis, "; ".join(e.actors), "; ".join(e.places), "; ".join(e.quantities),
                first.document if first else "", first.start if first else "", first.end if first else "",
                _safe_cell(" ".join(e.sentence.split())), f"{e.salience:.2f}",
            ]
        )  # fmt: skip
    return out.getvalue()


def _safe_cell(value: str) -> str:
    # Spreadsheets run cells starting with these as formulas.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
