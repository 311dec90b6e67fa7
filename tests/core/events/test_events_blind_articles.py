"""Acceptance on modern articles in several outlets' styles: wire datelines, an updated blog post, a long
feature across decades, a live blog, a Markdown post with front matter, names in other scripts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.model import DateKind, Event, Status, Timeline
from timeline_app.core.pipeline import extract_documents

ARTICLES = Path(__file__).parent / "articles"
REF = date(2025, 9, 4)


def _extract(name: str, reference: date | None = None) -> Timeline:
    timeline, errors = extract_documents([ARTICLES / name], reference_date=reference)
    assert errors == []
    return timeline


def _find(timeline: Timeline, words: str) -> Event:
    found = [e for e in timeline.events if words.lower() in e.title.lower()]
    assert len(found) == 1, [e.title for e in timeline.events]
    return found[0]


def _when(e: Event) -> tuple[str, Status]:
    return e.date.edtf, e.status


def test_ap_wire_with_arrest_and_charge_in_one_sentence() -> None:
    # An AP dateline carries no date: the reference date is given, as a user would.
    timeline = _extract("wire_ap.txt", REF)
    assert _when(_find(timeline, "was sentenced")) == ("2025-09-02", Status.OCCURRED)
    assert _find(timeline, "was sentenced").title.startswith("A former director of the city's port authority")
    assert _when(_find(timeline, "Martin Keller was arrested")) == ("2021-03", Status.OCCURRED)
    assert _when(_find(timeline, "Martin Keller was charged")) == ("2022", Status.OCCURRED)
    assert _when(_find(timeline, "jury convicted him")) == ("2025-05", Status.OCCURRED)
    assert _when(_find(timeline, "payments began")) == ("2016", Status.OCCURRED)
    assert _when(_find(timeline, "His lawyer filed a notice of appeal")) == ("2025-09-03", Status.OCCURRED)


def test_reuters_wire_postponement_and_forecast() -> None:
    timeline = _extract("wire_reuters.txt")
    assert timeline.documents[0].reference_date == REF
    postponed = _find(timeline, "Halden Motors had postponed the launch")
    report = next(e for e in timeline.events if e.status is Status.REPORTED)
    assert report.title.startswith("British carmaker Halden Motors: ") and report.date.edtf == "2025-09-04"
    assert postponed.status is Status.OCCURRED and postponed.date.kind is DateKind.BOUNDED
    assert postponed.date.latest == REF
    target = _find(timeline, "New date for the launch")
    assert (target.date.earliest, target.date.latest, target.status) == (
        date(2026, 7, 1), date(2026, 12, 31), Status.EXPECTED,
    )  # fmt: skip
    assert _find(timeline, "Second-quarter profit will miss forecasts").status is Status.EXPECTED
    assert _when(_find(timeline, "will publish full results")) == ("2025-10-30", Status.EXPECTED)
    assert _when(_find(timeline, "Halden cut 1,200 jobs")) == ("2023", Status.OCCURRED)
    assert _when(_find(timeline, "Halden closed its Coventry plant")) == ("2024", Status.OCCURRED)
    assert _when(_find(timeline, "unveiled the model")) == ("2024-03", Status.OCCURRED)


def test_blog_post_with_updated_stamp() -> None:
    timeline = _extract("blog_updated.txt")
    assert timeline.documents[0].reference_date == REF
    buses = _find(timeline, "Night buses will return")
    assert _when(buses) == ("2025-10-06", Status.EXPECTED) and buses.title == "Night buses will return to six routes"
    assert _when(_find(timeline, "transport authority")) == ("2025-09-04", Status.REPORTED)
    assert _when(_find(timeline, "routes were cut")) == ("2023-09", Status.OCCURRED)
    consultation = _find(timeline, "consultation ran")
    assert consultation.date.kind is DateKind.INTERVAL and consultation.date.edtf == "2025-01/2025-03"
    assert _when(_find(timeline, "Councillors approved the plan")) == ("2025-07", Status.OCCURRED)
    ridership = _find(timeline, "expects ridership")
    assert ridership.status is Status.EXPECTED and ridership.date.latest == date(2026, 12, 31)


def test_feature_across_decades_in_order() -> None:
    timeline = _extract("feature_decades.txt")
    expected = [
        ("first fished the Aldon", "1968"),
        ("last mill closed", "1983"),
        ("clean-up campaign began", "1986"),
        ("Volunteers removed", "1987-22"),  # EDTF: summer 1987
        ("protected area", "1998"),
        ("Otters returned", "2004"),
        ("counted 40 salmon", "2025-21"),  # spring 2025
    ]
    found = [_find(timeline, words) for words, _ in expected]
    assert [e.date.edtf for e in found] == [edtf for _, edtf in expected]
    assert all(e.status is Status.OCCURRED for e in found)
    assert [e.id for e in timeline.events if e in found] == [e.id for e in found]  # chronological
    assert _find(timeline, "fish were gone").date.latest == date(1979, 12, 31)
    assert _when(_find(timeline, "visitor centre will open")) == ("2026", Status.EXPECTED)
    pond = _find(timeline, "restore the old mill pond")
    assert pond.status is Status.EXPECTED and pond.date.kind is DateKind.BOUNDED
    assert pond.date.latest == date(2028, 12, 31)


def test_live_blog_entries_dated_by_their_stamps() -> None:
    timeline = _extract("liveblog.txt")
    assert _find(timeline, "amber wind warning").date.edtf == "2025-09-04T11:20"
    assert _find(timeline, "Rail services").date.edtf == "2025-09-04T12:05"
    assert _find(timeline, "Power has been cut").date.edtf == "2025-09-04T10:45"
    assert _when(_find(timeline, "Storm Hector")) == ("2025-08", Status.OCCURRED)


def test_markdown_post_with_front_matter() -> None:
    timeline = _extract("product_post.md")
    doc = timeline.documents[0]
    assert doc.reference_date == REF and doc.title == "Version 5 of the Lumen editor is out"
    assert not any("---" in e.title or "title:" in e.sentence for e in timeline.events)
    assert _when(_find(timeline, "We released Lumen 5.0")) == ("2025-09-04", Status.OCCURRED)
    assert _when(_find(timeline, "Version 5.1 will ship")) == ("2025-12", Status.EXPECTED)
    assert _when(_find(timeline, "Support for Lumen 3 ended")) == ("2025-06-30", Status.OCCURRED)
    fixes = _find(timeline, "security fixes")
    assert fixes.status is Status.EXPECTED and fixes.date.latest == date(2026, 12, 31)


def test_names_in_other_scripts_and_an_emoji() -> None:
    timeline = _extract("festival_unicode.txt")
    assert timeline.documents[0].reference_date == REF
    assert "🎬" in timeline.documents[0].title
    assert _when(_find(timeline, "Zoë Müller stepped down")) == ("2025-06", Status.OCCURRED)
    assert _when(_find(timeline, "Park won")) == ("2011", Status.OCCURRED)
    assert _when(_find(timeline, "talks with the city collapsed")) == ("2025-07", Status.OCCURRED)
    assert _when(_find(timeline, "talks with the city resumed")) == ("2025-08", Status.OCCURRED)
    assert _when(_find(timeline, "agreement was signed")) == ("2025-09-01", Status.OCCURRED)
    assert _when(_find(timeline, "festival opens")) == ("2025-10-16", Status.EXPECTED)
    lead = _find(timeline, "will lead the jury")
    assert "박지민" in lead.title and lead.status is Status.EXPECTED
    # Offsets are code points: the mention still points at the words after the emoji and the Hangul name.
    text = timeline.documents[0].text
    assert all(text[m.start : m.end] == m.text for e in timeline.events for m in e.mentions)


@pytest.mark.parametrize("name", ["wire_ap.txt", "wire_reuters.txt", "liveblog.txt", "product_post.md"])
def test_no_duplicate_titles(name: str) -> None:
    titles = [e.title.lower() for e in _extract(name, REF).events]
    assert len(titles) == len(set(titles)), titles


def test_live_blog_statement_names_the_speaker() -> None:
    timeline = _extract("liveblog.txt")
    restore = _find(timeline, "The operator expected to restore")
    assert restore.title.startswith("The operator expected") and restore.status is Status.EXPECTED
    assert restore.date.latest == date(2025, 9, 5)
    report = _find(timeline, "Operator: ")
    assert report.date.edtf == "2025-09-04T13:30" and not report.title.startswith(("-", "–"))
