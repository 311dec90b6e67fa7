"""Loaders per file kind and their one-line errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_app.core.ingest import LoadError, load_document

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_97615b8d070adb4e.txt"


def test_text_file(tmp_path: Path) -> None:
    doc = load_document(SEED, "seed")
    assert doc.kind == "text"
    assert doc.title.startswith("What Did North Korean Leader")
    assert "Seoul, Sep 4" in doc.text


def test_legacy_encoding_is_detected(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    text = "Zürich, Mar 3 (Wire) Café owners protested on Friday against the new façade rules. " * 3
    f.write_bytes(text.encode("cp1252"))
    doc = load_document(f, "d")
    assert "Café" in doc.text and "façade" in doc.text


def test_bad_bytes_never_crash(tmp_path: Path) -> None:
    f = tmp_path / "mixed.txt"
    f.write_bytes(b"Valid start of a sentence here. " + b"\xff\xfe\xfa broken \xc3 tail. More plain words follow.")
    doc = load_document(f, "d")
    assert "Valid start" in doc.text


def test_utf16_with_bom(tmp_path: Path) -> None:
    f = tmp_path / "u16.txt"
    f.write_bytes("Hello from a UTF-16 file, written on Monday.".encode("utf-16"))
    assert "UTF-16 file" in load_document(f, "d").text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    ],
)
def test_rejected_files(tmp_path: Path, content: bytes, message: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(LoadError, match=message) as info:
        load_document(f, "d")
    assert "\n" not in str(info.value)


def test_too_large(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(b"word " * 1000)
    with pytest.raises(LoadError, match="too large"):
        load_document(f, "d", max_bytes=1000)


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="not found"):
        load_document(tmp_path / "nope.txt", "d")
    with pytest.raises(LoadError, match="directory"):
        load_document(tmp_path, "d")


def test_markdown_markup_removed(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text("# Big news\n\n**Paris**, May 2 (Wire) The [council](http://x) met on *Friday*.\n", encoding="utf-8")
    doc = load_document(f, "d")
    assert doc.kind == "markdown"
    assert doc.title == "Big news"
    assert "Paris, May 2 (Wire) The council met on Friday." in doc.text


def test_markdown_front_matter_gives_title_and_date(tmp_path: Path) -> None:
    f = tmp_path / "post.md"
    f.write_text('---\ntitle: "Harbour reopens"\ndate: 2023-04-05\ntags: [port]\n---\n\nShips returned on Tuesday.\n')
    doc = load_document(f, "d")
    assert doc.title == "Harbour reopens"
    assert doc.reference_date == date(2023, 4, 5) and "front matter" in doc.reference_date_basis
    assert doc.text.startswith("Ships returned")


HTML = """<!DOCTYPE html><html><head><title>Port reopens after storm | Daily Wire</title>
<meta property="og:title" content="Port reopens after storm">
<meta property="article:published_time" content="2023-04-05T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Port reopens after storm</h1>
<p>The harbour reopened on Tuesday after a storm closed it for three days, officials said.</p>
<p>Ships queued outside the port for most of the weekend while crews cleared debris from the docks.</p>
<p>The port authority expects traffic to return to normal levels by next week, according to its director.</p>
</article><footer>Copyright Daily Wire</footer></body></html>"""


def test_html_article_text_and_metadata(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(HTML, encoding="utf-8")
    doc = load_document(f, "d")
    assert doc.kind == "html"
    assert doc.title == "Port reopens after storm"
    assert "harbour reopened on Tuesday" in doc.text
    assert "Home | World" not in doc.text
    assert doc.reference_date == date(2023, 4, 5)
    assert "metadata" in doc.reference_date_basis


def test_html_without_article(tmp_path: Path) -> None:
    f = tmp_path / "empty.html"
    f.write_text("<html><body></body></html>", encoding="utf-8")
    with pytest.raises(LoadError, match="no article text"):
        load_document(f, "d")


TML = """<?xml version="1.0" ?>
<TimeML><DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>NAIROBI, Kenya (AP) _ Bombs <EVENT eid="e1">exploded</EVENT> outside the embassy
<TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, witnesses said.</TEXT></TimeML>"""


def test_timeml_file(tmp_path: Path) -> None:
    f = tmp_path / "x.tml"
    f.write_text(TML, encoding="utf-8")
    doc = load_document(f, "x")
    assert doc.kind == "timeml"
    assert doc.reference_date == date(1998, 8, 7)
    assert "exploded outside the embassy" in doc.text
    assert "<EVENT" not in doc.text


def test_malformed_timeml(tmp_path: Path) -> None:
    f = tmp_path / "bad.tml"
    f.write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(LoadError, match="not well-formed") as info:
        load_document(f, "x")
    assert "\n" not in str(info.value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html", ".tml", ".dat"]))
def test_arbitrary_bytes_load_or_fail_cleanly(tmp_path: Path, data: bytes, suffix: str) -> None:
    f = tmp_path / f"random{suffix}"
    f.write_bytes(data)
    try:
        doc = load_document(f, "r")
    except LoadError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert doc.text.strip()


def test_timeml_sentence_elements_are_lines_and_the_title_is_read(tmp_path: Path) -> None:
    from timeline_app.core.ingest.timeml import parse_timeml_string

    xml = (
        '<?xml version="1.0"?><TimeML><DOCID>d1</DOCID>'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2006-01-27">2006-01-27</TIMEX3></DCT>'
        "<EXTRAINFO>GM cuts jobs</EXTRAINFO>"
        '<TEXT><s id="0">GM cuts jobs</s><s id="1">January 27 , 2006</s>'
        '<s id="2">General Motors said it would close plants <TIMEX3 tid="t1" type="DATE" value="2006">this year'
        '</TIMEX3> .</s><s id="3">The union <EVENT eid="e1">protested</EVENT> .</s></TEXT></TimeML>'
    )
    tml = parse_timeml_string(xml)
    assert tml.text.split("\n") == [
        "GM cuts jobs",
        "January 27 , 2006",
        "General Motors said it would close plants this year .",
        "The union protested .",
    ]
    assert tml.title == "GM cuts jobs"
    (t,) = tml.timexes
    assert tml.text[t.start : t.end] == "this year"
    path = tmp_path / "d1.tml"
    path.write_text(xml, encoding="utf-8")
    doc = load_document(path, "d1")
    assert doc.title == "GM cuts jobs" and doc.text == tml.text


def test_timeml_sentences_give_events_that_quote_one_sentence(tmp_path: Path) -> None:
    from timeline_app.core.pipeline import extract_documents

    sentences = [
        "Acme recalls cars",
        "March 3 , 2010",
        "Acme recalled 2,000 cars on Monday .",
        "The brakes failed in tests .",
        "Dealers will fix them free .",
    ]
    body = "".join(f'<s id="{i}">{s}</s>' for i, s in enumerate(sentences))
    path = tmp_path / "a.tml"
    path.write_text(
        f'<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2010-03-03">x</TIMEX3></DCT><TEXT>{body}</TEXT></TimeML>',
        encoding="utf-8",
    )
    timeline, errors = extract_documents([path])
    assert not errors and timeline.events
    for e in timeline.events:
        assert "\n" not in e.sentence.strip() and len(e.sentence) < 60, e.sentence
