"""A title holding a lone surrogate (read from a JSON escape) survives every export and reads back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline
from timeline_app.io.formats import EXPORTERS, IMPORTERS


def _timeline() -> Timeline:
    docs = [Document("d0", "", "", title="\ud800"), Document("d1", "", "", title="")]
    event = Event("e0", "x", "", FuzzyDate.point(DatePoint.day(date(2000, 1, 1))), mentions=[Mention("d0", 0, 0, "")])
    return Timeline(documents=docs, events=[event])


@pytest.mark.parametrize(
    ("fmt", "name"), [("timelinejs", "t.json"), ("csv", "t.csv"), ("ics", "t.ics"), ("timeline", "t.timeline")]
)
def test_a_lone_surrogate_in_a_document_title_reads_back(tmp_path: Path, fmt: str, name: str) -> None:
    path = tmp_path / name
    EXPORTERS[fmt].function(_timeline(), path, "")
    back = IMPORTERS[fmt].function(path)
    assert [e.title for e in back.events] == ["x"]
