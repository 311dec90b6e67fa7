"""The event list's index, and the index of a filtered part taken from the whole one's."""

from __future__ import annotations

from datetime import date

import numpy as np

from timeline_app.core.list_index import ListIndex
from timeline_app.core.model import DatePoint, Event, FuzzyDate, Mention


def _events() -> list[Event]:
    out = []
    for i in range(12):
        docs = "abc"[: 1 + i % 3]
        out.append(
            Event(
                f"e{i}",
                f"Title {chr(ord('z') - i)}",
                f"sentence {i}",
                FuzzyDate.point(DatePoint.day(date(2020, 1, 1 + i))),
                mentions=[Mention(d, 0, 1, "x") for d in docs],
                confidence=round(1 - i / 20, 2),
            )
        )
    return out


def test_sources_and_confidence_sort() -> None:
    events = _events()
    index = ListIndex(events, np.arange(len(events)))
    rows = np.arange(len(events), dtype=np.int64)
    by_sources = index.sorted_rows(rows, "sources", descending=True)
    counts = [len({m.document for m in events[r].mentions}) for r in by_sources.tolist()]
    assert counts == sorted(counts, reverse=True) and counts[0] == 3
    by_confidence = index.sorted_rows(rows, "confidence")
    assert [events[r].confidence for r in by_confidence.tolist()] == sorted(e.confidence for e in events)


def test_a_subset_sorts_and_searches_like_an_index_built_from_its_events() -> None:
    events = _events()
    whole = ListIndex(events, np.arange(len(events)))
    kept = np.array([1, 2, 4, 7, 8, 11], dtype=np.int64)
    part_events = [events[r] for r in kept.tolist()]
    reading = np.arange(len(kept))[::-1].copy()
    part = whole.subset(kept, reading)
    built = ListIndex(part_events, reading)
    rows = np.arange(len(kept), dtype=np.int64)
    for column in ("date", "title", "sources", "confidence", "status", "source"):
        assert part.sorted_rows(rows, column).tolist() == built.sorted_rows(rows, column).tolist(), column
    assert part.matching("sentence 1").tolist() == built.matching("sentence 1").tolist() == [0, 5]
    assert part.source_counts.tolist() == built.source_counts.tolist()
