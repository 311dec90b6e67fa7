"""Exports are fit to publish: sources by title and file name only, the person's notes kept,
the chronology named after its documents, and Timeline files coloured by document."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import defusedxml.ElementTree as SafeET
import icalendar
import pytest

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline
from timeline_app.io import events_csv
from timeline_app.io.formats import EXPORTERS, IMPORTERS
from timeline_app.io.headline import attribution, headline
from timeline_app.io.palette import LIGHT_HUES
from timeline_app.io.sources import file_name, source_label
from timeline_app.io.timelinejs import to_timelinejs

SECRET_PARTS = ("/home", "someone", "secret", "dir/", "Users", "C:", "\\\\")
NOTE = "Checked with the harbour office.\nTheir reply is pending."
PUBLISHED = ("timelinejs", "csv", "ics", "timeline", "markdown")


def private_timeline() -> Timeline:
    docs = [
        Document("article", "/home/someone/secret/dir/article.txt", "", "Mayor resigns over harbour deal"),
        Document("other", "C:\\Users\\someone\\secret\\other.html", "", ""),  # no headline: the file names it
        Document("third", "/home/someone/secret/dir/third.md", "", "/home/someone/secret/dir/third.md"),
    ]
    day = FuzzyDate.point(DatePoint.day(date(2025, 9, 3)))
    events = [
        Event("e1", "Mayor resigns", "The mayor resigned on Wednesday.", day, mentions=[Mention("article", 0, 5, "")]),
        Event("e2", "Deal signed", "The deal was signed.", FuzzyDate.point(DatePoint.month(2025, 6)),
              mentions=[Mention("other", 0, 5, ""), Mention("third", 0, 5, "")], notes=NOTE, group="Port"),
        Event("e3", "Inquiry opened", "", FuzzyDate.point(DatePoint.year(2024)), mentions=[Mention("third", 0, 3, "")]),
    ]  # fmt: skip
    return Timeline(documents=docs, events=events)


def exported(fmt: str, tmp_path: Path, timeline: Timeline | None = None, title: str = "") -> str:
    path = tmp_path / f"out{EXPORTERS[fmt].extension}"
    EXPORTERS[fmt].function(timeline or private_timeline(), path, title)
    text = path.read_text(encoding="utf-8")
    return icalendar.Calendar.from_ical(text).to_ical().decode() if fmt == "ics" else text


def unfolded_ics(text: str) -> str:
    """The calendar's descriptions as plain text (iCalendar folds and escapes long lines)."""
    calendar = icalendar.Calendar.from_ical(text)
    return "\n".join(str(e.get("description", "")) for e in calendar.walk("VEVENT"))


def test_file_names_are_cut_from_local_paths() -> None:
    assert file_name("/home/someone/secret/dir/article.txt") == "article.txt"
    assert file_name("C:\\Users\\someone\\other.html") == "other.html"
    assert file_name("file:///home/someone/a.txt") == "a.txt"
    assert file_name("https://example.org/a/b?c=1") == "https://example.org/a/b?c=1"
    docs = private_timeline().documents
    assert [source_label(d) for d in docs] == ["Mayor resigns over harbour deal", "other.html", "third.md"]


@pytest.mark.parametrize("fmt", PUBLISHED)
def test_no_local_folder_in_any_export(tmp_path: Path, fmt: str) -> None:
    text = exported(fmt, tmp_path)
    if fmt == "ics":
        text += unfolded_ics(text)
    for part in SECRET_PARTS:
        assert part not in text, (fmt, part)
    for name in ("Mayor resigns over harbour deal", "article.txt", "other.html", "third.md"):
        assert name in text, (fmt, name)


def test_events_csv_names_sources_without_folders() -> None:
    text = events_csv.dumps(private_timeline())
    assert not any(part in text for part in SECRET_PARTS)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows["e1"]["source_titles"] == "Mayor resigns over harbour deal (article.txt)"
    assert rows["e2"]["source_titles"] == "other.html; third.md"
    assert rows["e2"]["notes"] == NOTE and rows["e1"]["notes"] == ""


@pytest.mark.parametrize("fmt", PUBLISHED)
def test_notes_are_exported(tmp_path: Path, fmt: str) -> None:
    text = exported(fmt, tmp_path)
    if fmt == "ics":
        text = unfolded_ics(text)
    elif fmt == "timelinejs":
        text = json.dumps(json.loads(text), ensure_ascii=False)
    for line in NOTE.splitlines():
        assert line in text, fmt


@pytest.mark.parametrize("fmt", [f for f in PUBLISHED if f in IMPORTERS])
def test_notes_read_back(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out{EXPORTERS[fmt].extension}"
    EXPORTERS[fmt].function(private_timeline(), path, "")
    notes = {e.title: e.notes for e in IMPORTERS[fmt].function(path).events}
    assert notes == {"Mayor resigns": "", "Deal signed": NOTE, "Inquiry opened": ""}


def test_markdown_and_ics_and_csv_cite_title_and_file_name(tmp_path: Path) -> None:
    markdown = exported("markdown", tmp_path)
    assert "1. Mayor resigns over harbour deal — `article.txt`" in markdown
    assert "_Note:_ Checked with the harbour office. Their reply is pending." in markdown
    description = unfolded_ics(exported("ics", tmp_path))
    assert "Source: Mayor resigns over harbour deal <article.txt>" in description
    assert "Note: Checked with the harbour office.\nNote: Their reply is pending." in description
    sheet = list(csv.DictReader(io.StringIO(exported("csv", tmp_path))))
    assert sheet[0]["Type"] == "title" and sheet[0]["Headline"] == "Mayor resigns over harbour deal and 2 more sources"
    assert "Mayor resigns over harbour deal (article.txt)" in sheet[0]["Text"]
    mayor = next(r for r in sheet if r["Headline"] == "Mayor resigns")
    assert 'Source: Mayor resigns over harbour deal <span class="tl-source-path">article.txt</span>' in mayor["Text"]
    assert next(r for r in sheet if r["Headline"] == "Deal signed")["Notes"] == NOTE


def test_timelinejs_title_slide_comes_from_the_documents(tmp_path: Path) -> None:
    several = json.loads(exported("timelinejs", tmp_path))["title"]["text"]
    assert several["headline"] == "Mayor resigns over harbour deal and 2 more sources"
    for name in ("Mayor resigns over harbour deal (article.txt)", "other.html", "third.md"):
        assert f"<li>{name}</li>" in several["text"]
    one = private_timeline()
    one.documents = one.documents[:1]
    single = json.loads(exported("timelinejs", tmp_path, one))["title"]["text"]
    assert single["headline"] == "Mayor resigns over harbour deal"
    explicit = json.loads(exported("timelinejs", tmp_path, title="Harbour & port"))["title"]["text"]
    assert explicit["headline"] == "Harbour &amp; port"
    assert "Harbour" not in json.dumps(to_timelinejs(Timeline(), title="")) and headline(Timeline()) == ""
    assert attribution(one) == "Source: Mayor resigns over harbour deal (article.txt)"


def test_explicit_title_wins_everywhere(tmp_path: Path) -> None:
    assert exported("markdown", tmp_path, title="Port chronology").startswith("# Port chronology\n")
    assert "X-WR-CALNAME:Port chronology" in exported("ics", tmp_path, title="Port chronology")
    assert "X-WR-CALNAME:Mayor resigns over harbour deal and 2 more sources" in exported("ics", tmp_path)
    assert exported("markdown", tmp_path).startswith("# Mayor resigns over harbour deal and 2 more sources\n")


def test_timeline_file_has_a_coloured_category_per_document(tmp_path: Path) -> None:
    path = tmp_path / "t.timeline"
    timeline = private_timeline()
    timeline.documents.append(Document("again", "/x/again.txt", "", "Mayor resigns over harbour deal"))
    EXPORTERS["timeline"].function(timeline, path, "")
    root = SafeET.parse(path, forbid_dtd=True).getroot()
    assert root is not None
    categories = [(c.findtext("name"), c.findtext("color")) for c in root.iterfind("categories/category")]
    rgb = [",".join(str(int(h[i : i + 2], 16)) for i in (1, 3, 5)) for h in LIGHT_HUES[:4]]
    names = ["Mayor resigns over harbour deal", "other.html", "third.md", "Mayor resigns over harbour deal (2)"]
    assert categories == list(zip(names, rgb, strict=True))
    events = {e.findtext("text"): e for e in root.iterfind("events/event")}
    assert {t: e.findtext("category") for t, e in events.items()} == {
        "Mayor resigns": names[0],
        "Deal signed": names[1],  # the first document that tells it
        "Inquiry opened": names[2],
    }
    assert events["Mayor resigns"].findtext("default_color") == rgb[0]
    assert all(e.findtext("category") in dict(categories) for e in events.values())
    back = {e.title: (e.group, e.color) for e in IMPORTERS["timeline"].function(path).events}
    assert back == {"Mayor resigns": ("", ""), "Deal signed": ("Port", ""), "Inquiry opened": ("", "")}


def test_timeline_file_from_elsewhere_keeps_categories_as_groups() -> None:
    from timeline_app.io.timeline_xml import from_timeline_xml

    data = b"""<timeline><version>2.4.0</version><categories><category><name>Work</name><color>255,165,0</color>
    </category></categories><events><event><start>2011-02-03 00:00:00</start><end>2011-02-03 00:00:00</end>
    <text>Trip</text><category>Work</category><default_color>255,165,0</default_color></event></events></timeline>"""
    (event,) = from_timeline_xml(data).events
    assert (event.group, event.color) == ("Work", "")
