"""TimeML documents however they are named, and however deeply they nest."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.core.ingest import LoadError, load_document
from timeline_app.io.formats import IMPORTERS, detect_import_format

TIMEML = (
    b'<?xml version="1.0"?>\n<TimeML><DOCID>wsj_1</DOCID><TEXT>Shares fell on '
    b'<TIMEX3 tid="t1" type="DATE" value="1998-01-08">Thursday</TIMEX3>.</TEXT></TimeML>'
)


def test_timeml_saved_as_xml_is_read_as_timeml(tmp_path: Path) -> None:
    path = tmp_path / "wsj_1.xml"
    path.write_bytes(TIMEML)
    doc = load_document(path, "d")
    assert doc.kind == "timeml"
    assert doc.text == "Shares fell on Thursday."


def test_import_of_timeml_saved_as_xml_has_no_tags_in_its_text(tmp_path: Path) -> None:
    path = tmp_path / "wsj_1.xml"
    path.write_bytes(TIMEML)
    timeline = IMPORTERS[detect_import_format(path)].function(path)
    assert [d.text for d in timeline.documents] == ["Shares fell on Thursday."]


def test_other_xml_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_bytes(b"<notes>The council met on 4 May 2025.</notes>")
    assert load_document(path, "d").kind == "text"


@pytest.mark.parametrize("depth", [5_000, 100_000])
def test_deep_nesting_is_reported_in_words(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.tml"
    path.write_bytes(b"<TimeML><TEXT>" + b"<s>" * depth + b"On 4 May 2025." + b"</s>" * depth + b"</TEXT></TimeML>")
    with pytest.raises(LoadError, match="nested too deeply") as info:
        load_document(path, "d")
    assert "RecursionError" not in str(info.value)
