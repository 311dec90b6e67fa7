"""Saved pages and legacy encodings as a user would open them: metadata dates, clutter left out, events."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from timeline_app.core.ingest import load_document
from timeline_app.core.model import Event, Status, Timeline
from timeline_app.core.pipeline import extract_documents

PAGES = Path(__file__).parent / "pages"


def _extract(name: str) -> Timeline:
    timeline, errors = extract_documents([PAGES / name])
    assert errors == []
    return timeline


def _find(timeline: Timeline, words: str) -> Event:
    found = [e for e in timeline.events if words.lower() in e.title.lower()]
    assert len(found) == 1, [e.title for e in timeline.events]
    return found[0]


def test_saved_news_page_without_clutter() -> None:
    doc = load_document(PAGES / "harbour_news.html", "harbour")
    assert doc.kind == "html" and doc.title == "Harbour tunnel to close for six weeks of repairs"
    assert doc.reference_date == date(2025, 9, 4)
    for clutter in ("Advertisement", "Most read", "Comments", "stuck in that tunnel", "All rights reserved", "Sport"):
        assert clutter not in doc.text


def test_saved_news_page_events() -> None:
    timeline = _extract("harbour_news.html")
    close = _find(timeline, "tunnel will close")
    assert (close.date.edtf, close.status) == ("2025-09-22", Status.EXPECTED)
    assert (_find(timeline, "tunnel opened").date.edtf, _find(timeline, "last refurbished").date.edtf) == (
        "1971",
        "2009",
    )
    assert _find(timeline, "found corroded steel").date.edtf == "2025-05"
    report = next(e for e in timeline.events if e.status is Status.REPORTED)
    assert report.date.edtf == "2025-09-03" and "council" in report.title.lower()
    delayed = next(
        e for e in timeline.events if "closure had been delayed" in e.title and e.status is not Status.REPORTED
    )
    assert "until after to" not in delayed.title and delayed.status is Status.OCCURRED
    assert not any("2019" in e.date.edtf for e in timeline.events)  # only a reader's comment mentions 2019


def test_windows_1252_article_with_curly_quotes() -> None:
    raw = (PAGES / "retail_cp1252.txt").read_bytes()
    assert b"\x92" in raw and b"\x93" in raw  # really Windows-1252, not UTF-8
    timeline = _extract("retail_cp1252.txt")
    doc = timeline.documents[0]
    assert doc.title == "Retailer’s “back to school” sales beat expectations"
    assert doc.reference_date == date(2025, 9, 4)
    assert (_find(timeline, "filed for bankruptcy").date.edtf, _find(timeline, "emerged from it").date.edtf) == (
        "2020", "2022",
    )  # fmt: skip
    assert _find(timeline, "emerged from it").status is Status.OCCURRED
    opened = _find(timeline, "opened 14 stores")
    assert (opened.date.edtf, opened.status) == ("2025-40", Status.OCCURRED)  # EDTF: the first half of 2025
    more = _find(timeline, "plans to open another 10")
    assert more.status is Status.EXPECTED and more.date.latest == date(2026, 1, 31)
    rose = next(e for e in timeline.events if e.title.startswith("Back-to-school sales rose 7%"))
    assert (rose.date.edtf, rose.status) == ("2025-08", Status.OCCURRED)
    report = next(e for e in timeline.events if e.status is Status.REPORTED)
    assert report.date.edtf == "2025-09-04" and report.title.startswith("Statement: back-to-school sales rose")
    assert "Statement" not in report.actors
    assert all("\ufffd" not in e.title for e in timeline.events)
