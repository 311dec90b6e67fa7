"""TimeML writing: tags come back out exactly, text survives escaping byte for byte."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.core.ingest.timeml import TimeMLError, load_timeml, parse_timeml_string
from timeline_app.core.model import Document, Timex
from timeline_app.io.timeml import TimeMLWriteError, timeml_string, write_timeml
from timeline_app.io.xml_text import XmlText


def timex(text: str, start: int, end: int, value: str = "2025-09-04", mod: str | None = None) -> Timex:
    return Timex(start, end, text[start:end], "DATE", value, mod)


def test_round_trip_keeps_text_spans_values_and_dct() -> None:
    text = 'Seoul, Sep 4 (A&B) <b>Kim</b> met "Putin" on Thursday.\r\nEnd > start.'
    start = text.index("Thursday")
    tags = [timex(text, 7, 12, "XXXX-09-04"), timex(text, start, start + 8, "2025-09-04", "START")]
    xml = timeml_string("doc-1", text, tags, date(2025, 9, 4))
    parsed = parse_timeml_string(xml)
    assert parsed.text == text
    assert parsed.doc_id == "doc-1"
    assert parsed.dct == "2025-09-04"
    assert [(t.start, t.end, t.text, t.type, t.value, t.mod) for t in parsed.timexes] == [
        (7, 12, "Sep 4", "DATE", "XXXX-09-04", None),
        (start, start + 8, "Thursday", "DATE", "2025-09-04", "START"),
    ]
    assert parsed.tids == ["t1", "t2"]


def test_special_characters_are_escaped_in_the_file() -> None:
    xml = timeml_string("d", "a < b & c > d", [], None)
    assert "<TEXT>a &lt; b &amp; c &gt; d</TEXT>" in xml
    assert "<DCT>" not in xml


def test_overlapping_or_outside_spans_are_refused() -> None:
    text = "on Thursday morning"
    with pytest.raises(TimeMLWriteError, match="overlaps"):
        timeml_string("d", text, [timex(text, 3, 11), timex(text, 3, 19)], None)
    with pytest.raises(TimeMLWriteError, match="outside"):
        timeml_string("d", text, [Timex(10, 40, "x", "DATE", "2025")], None)


def test_characters_xml_cannot_hold_are_replaced_one_for_one_and_counted() -> None:
    text = "bad \x01 byte\x0c on Thursday \ufffe"
    clean = XmlText()
    start = text.index("Thursday")
    xml = timeml_string("d\x0b", text, [timex(text, start, start + 8)], None, clean)
    parsed = parse_timeml_string(xml)
    assert parsed.text == "bad \ufffd byte\ufffd on Thursday \ufffd"
    assert parsed.doc_id == "d\ufffd"
    assert [(t.start, t.end, t.text) for t in parsed.timexes] == [(start, start + 8, "Thursday")]
    assert clean.replaced == 4


def test_write_timeml_writes_the_document_file(tmp_path: Path) -> None:
    text = "Talks ended on Thursday."
    doc = Document(id="seed", path="seed.txt", text=text, reference_date=date(2025, 9, 4))
    doc.timexes = [timex(text, 15, 23)]
    out = tmp_path / "seed.tml"
    content = write_timeml(doc, [], out)
    assert out.read_text(encoding="utf-8") == content
    loaded = load_timeml(out)
    assert loaded.text == text
    assert loaded.reference_date == date(2025, 9, 4)
    assert [(t.text, t.value) for t in loaded.timexes] == [("Thursday", "2025-09-04")]


def test_reader_drops_event_tags_but_keeps_their_text() -> None:
    xml = (
        "<TimeML><DOCID>x</DOCID><TEXT>Stocks <EVENT eid='e1'>fell</EVENT> "
        "<TIMEX3 tid='t1' type='DATE' value='1998-01-08'>today</TIMEX3>.</TEXT></TimeML>"
    )
    doc = parse_timeml_string(xml)
    assert doc.text == "Stocks fell today."
    assert [(t.start, t.end, t.text) for t in doc.timexes] == [(12, 17, "today")]


def test_reader_rejects_broken_and_hostile_xml(tmp_path: Path) -> None:
    with pytest.raises(TimeMLError, match="not well-formed"):
        parse_timeml_string("<TimeML><TEXT>unclosed</TimeML>")
    bomb = '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaa">]><TimeML><TEXT>&a;</TEXT></TimeML>'
    with pytest.raises(TimeMLError):
        parse_timeml_string(bomb)
    with pytest.raises(TimeMLError, match="no <TEXT>"):
        parse_timeml_string("<TimeML><DOCID>x</DOCID></TimeML>")
    with pytest.raises(TimeMLError, match="cannot read"):
        load_timeml(tmp_path / "missing.tml")


XML_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff").filter(
    lambda c: c in "\t\n\r" or ord(c) >= 0x20
)


@st.composite
def text_with_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(XML_CHARS, max_size=120))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    return text, spans


@settings(max_examples=200, deadline=None)
@given(text_with_spans())
def test_any_text_round_trips_exactly(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    tags = [Timex(a, b, text[a:b], "DATE", "2025") for a, b in spans]
    parsed = parse_timeml_string(timeml_string("d", text, tags, date(2025, 1, 1)))
    assert parsed.text == text
    assert [(t.start, t.end) for t in parsed.timexes] == spans


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1998-01-08", date(1998, 1, 8)),
        ("19980108", date(1998, 1, 8)),
        ("1998-02-06T22:19:00", date(1998, 2, 6)),
        ("1998-02-30", None),
        ("PRESENT_REF", None),
        (None, None),
    ],
)
def test_creation_time_values_give_their_day(value: str | None, expected: date | None) -> None:
    from timeline_app.core.ingest.timeml import parse_day

    assert parse_day(value) == expected
