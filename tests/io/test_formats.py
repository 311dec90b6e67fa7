"""The format registry: every exporter's output is read back by the importer of the same name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from io_samples import sample_timeline
from roundtrip_checks import assert_round_trip

from timeline_app.io.formats import (
    EXPORTERS,
    IMAGE_FORMATS,
    IMPORTERS,
    ExportFormat,
    ImportFormat,
    detect_import_format,
    export_extension,
)
from timeline_app.io.safety import FormatError


@pytest.mark.parametrize("name", sorted(set(EXPORTERS) & set(IMPORTERS) - {"json"}))
def test_registered_round_trip(tmp_path: Path, name: str) -> None:
    exporter = EXPORTERS[name]
    path = tmp_path / f"out{exporter.extension}"
    exporter.function(sample_timeline(), path, title="T")
    assert detect_import_format(path) == name
    assert_round_trip(sample_timeline(), IMPORTERS[name].function(path))


def test_events_json_through_the_registry(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    EXPORTERS["json"].function(sample_timeline(), path)
    assert detect_import_format(path) == "json"
    imported = IMPORTERS["json"].function(path)
    assert sorted(e.title for e in imported.events) == sorted(e.title for e in sample_timeline().events)


def test_registry_shape() -> None:
    assert {"timelinejs", "csv", "ics", "timeline", "markdown", "json"} <= set(EXPORTERS)
    assert {"timelinejs", "csv", "ics", "timeline", "timeml"} <= set(IMPORTERS)
    formats: list[ExportFormat | ImportFormat] = [*EXPORTERS.values(), *IMPORTERS.values()]
    for fmt in formats:
        assert fmt.extension.startswith(".") and fmt.description and callable(fmt.function)
    assert set(IMAGE_FORMATS) == {"png", "svg", "pdf"}
    assert export_extension("svg") == ".svg" and export_extension("markdown") == ".md"


def test_detect_json_flavours(tmp_path: Path) -> None:
    tljs = tmp_path / "a.json"
    tljs.write_text(json.dumps({"events": [{"start_date": {"year": 2020}}]}))
    ours = tmp_path / "b.json"
    ours.write_text(json.dumps({"documents": [], "events": []}))
    broken = tmp_path / "c.json"
    broken.write_text('{"events": [')
    assert [detect_import_format(p) for p in (tljs, ours, broken)] == ["timelinejs", "json", "timelinejs"]
    with pytest.raises(FormatError, match="malformed JSON"):
        IMPORTERS["timelinejs"].function(broken)


def test_detect_xml_flavours(tmp_path: Path) -> None:
    timeml, timeline, other = tmp_path / "a.xml", tmp_path / "b.xml", tmp_path / "c.xml"
    timeml.write_text('<?xml version="1.0"?>\n<TimeML xmlns:xsi="x"><TEXT>t</TEXT></TimeML>')
    timeline.write_text('<?xml version="1.0" encoding="utf-8"?>\n<timeline><version>2.4.0</version></timeline>')
    other.write_text("<rss></rss>")
    assert [detect_import_format(p) for p in (timeml, timeline)] == ["timeml", "timeline"]
    with pytest.raises(FormatError, match="neither TimeML nor a Timeline file"):
        detect_import_format(other)


def test_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match=r"unknown file type '\.docx'"):
        detect_import_format(tmp_path / "x.docx")


def test_timeml_import(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(
        '<?xml version="1.0"?>\n<TimeML><DOCID>d</DOCID>'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2025-09-04" functionInDocument="CREATION_TIME">'
        "4 September 2025</TIMEX3></DCT>"
        "<TEXT>The council voted on "
        '<TIMEX3 tid="t1" type="DATE" value="2025-09-03">3 September 2025</TIMEX3> to close the pier.</TEXT>'
        "</TimeML>\n"
    )
    timeline = IMPORTERS["timeml"].function(path)
    [document] = timeline.documents
    assert document.kind == "timeml" and str(document.reference_date) == "2025-09-04"
    assert [(t.text, t.value) for t in document.timexes] == [("3 September 2025", "2025-09-03")]


def test_timeml_entity_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.tml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<TimeML><TEXT>&b;</TEXT></TimeML>"
    )
    with pytest.raises(FormatError):
        IMPORTERS["timeml"].function(path)


def test_events_json_too_big_for_memory_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.write(b'{"documents": [], "events": []}')
        handle.truncate(60 * 1024 * 1024)
    assert detect_import_format(path) == "json"  # told from its head, not parsed whole
    monkeypatch.setattr("timeline_app.io.safety.available_memory", lambda: 200 * 1024 * 1024)
    with pytest.raises(FormatError, match="too large to open"):
        IMPORTERS["json"].function(path)
