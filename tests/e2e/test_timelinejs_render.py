"""Our TimelineJS export, loaded by the real TimelineJS 3.9 in headless Chromium.

The page is served from 127.0.0.1; Chromium runs with networking features off and a fresh
profile, lets the page run for a virtual-time budget and dumps the DOM, in which every
exported event must appear as a slide with its headline and, for uncertain dates, the
wording we gave as its display date.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Precision, Timeline
from timeline_app.io.sheet_csv import export_sheet_csv
from timeline_app.io.timelinejs import export_timelinejs, to_timelinejs

TLJS_DIST = Path(__file__).parent / "timelinejs" / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))

PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="tljs/css/timeline.css">
<script src="tljs/js/timeline.js"></script>
</head><body>
<div id="timeline-embed" style="width: 1200px; height: 700px"></div>
<script>
// TimelineJS fetches the export itself: JSON by default, a URL ending in .csv as a spreadsheet.
const source = new URL(new URLSearchParams(location.search).get("src") || "export.json", location.href).href;
try {
  const tl = new TL.Timeline("timeline-embed", source, {script_path: new URL("tljs/js/", location.href).href});
  tl.on("loaded", () => document.body.setAttribute("data-loaded", "yes"));
} catch (e) {
  document.body.setAttribute("data-error", String(e));
}
</script></body></html>
"""

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed"),
    pytest.mark.skipif(not TLJS_DIST.is_dir(), reason="run npm install in tests/e2e/timelinejs"),
]


def sample() -> Timeline:
    docs = [
        Document("d1", "/news/harbour.txt", "", "Harbour council minutes"),
        Document("d2", "https://example.org/rail?id=1&x=2", "", "Rail <strike> report"),
    ]
    season = DatePoint(date(2025, 6, 21), date(2025, 9, 22), Precision.SEASON)
    events = [
        Event("e1", "Council votes <yes> & adjourns", "The council voted.",
              FuzzyDate.point(DatePoint.day(date(2025, 9, 3))), mentions=[Mention("d1", 0, 1, "")], group="Politics"),
        Event("e2", "Budget published", "", FuzzyDate.point(DatePoint.month(2024, 10)),
              mentions=[Mention("d2", 0, 1, "")], color="#1f77b4"),
        Event("e3", "Contract signed", "",
              FuzzyDate.bounded(DatePoint.month(2024, 10), DatePoint.day(date(2025, 9, 3))),
              mentions=[Mention("d2", 0, 1, "")], group="Transport"),
        Event("e4", "Press conference", "", FuzzyDate.point(DatePoint(date(2025, 9, 4), date(2025, 9, 4),
                                                                       Precision.TIME, "14:30"))),
        Event("e5", "Strike", "", FuzzyDate.interval(DatePoint.day(date(2025, 3, 1)), DatePoint.day(date(2025, 3, 9)))),
        Event("e6", "Old pier demolished", "", FuzzyDate.bounded(None, DatePoint.year(2010))),
        Event("e7", "Summer closures", "", FuzzyDate.point(season)),
    ]  # fmt: skip
    return Timeline(documents=docs, events=events)


class SlideReader(HTMLParser):
    """Headline and date text of each slide (by id) and the ids of the timeline markers."""

    VOID: ClassVar[set[str]] = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, set[str], str]] = []
        self.headlines: dict[str, str] = {}
        self.dates: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.markers: set[str] = set()
        self.body_attrs: dict[str, str | None] = {}

    def _slide(self) -> str | None:
        return next((i for _t, c, i in reversed(self.stack) if "tl-slide" in c), None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if tag == "body":
            self.body_attrs = a
        if "tl-timemarker" in classes:
            self.markers.add((a.get("id") or "").removesuffix("-marker"))
        if tag not in self.VOID:
            self.stack.append((tag, classes, a.get("id") or ""))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        slide = self._slide()
        if slide is None or not self.stack:
            return
        classes = self.stack[-1][1]
        if "tl-headline" in classes and "tl-headline-date" not in classes:
            self.headlines[slide] = self.headlines.get(slide, "") + data
        elif "tl-headline-date" in classes:
            self.dates[slide] = self.dates.get(slide, "") + data
        else:
            self.texts[slide] = self.texts.get(slide, "") + data


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "tljs").symlink_to(TLJS_DIST.resolve(), target_is_directory=True)
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/index.html", site
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def render(url: str, profile: Path) -> SlideReader:
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--window-size=1280,800", "--virtual-time-budget=15000", "--dump-dom", url,
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    reader = SlideReader()
    reader.feed(result.stdout)
    return reader


@pytest.mark.parametrize("source", ["export.json", "export.csv"])
def test_export_renders_in_timelinejs(served: tuple[str, Path], tmp_path: Path, source: str) -> None:
    url, site = served
    timeline = sample()
    export = export_timelinejs if source.endswith(".json") else export_sheet_csv
    export(timeline, site / source, title="Harbour & rail")
    dom = render(f"{url}?src={source}", tmp_path / "profile")
    assert dom.body_attrs.get("data-loaded") == "yes", dom.body_attrs
    # The spreadsheet has no id column: TimelineJS names those slides after their headlines.
    headline = {k: " ".join(v.split()) for k, v in dom.headlines.items()}
    slide = {title: slide_id for slide_id, title in headline.items()}
    assert set(headline.values()) == {e.title for e in timeline.events} | {"Harbour & rail"}
    markers = {headline[m] for m in dom.markers if m in headline}
    assert markers == {e.title for e in timeline.events}
    if source.endswith(".json"):
        assert all(slide[e.title] == e.id for e in timeline.events)

    def shown_date(title: str) -> str:
        return " ".join(dom.dates[slide[title]].split())

    assert shown_date("Contract signed") == "between Oct 2024 and 3 Sep 2025 — date not stated"
    assert shown_date("Old pier demolished") == "before 2010 — date not stated"
    assert shown_date("Summer closures") == "21 Jun – 22 Sep 2025 (season)"
    assert shown_date("Budget published") == "October 2024"
    assert "2:30" in shown_date("Press conference"), shown_date("Press conference")
    assert "Source: Rail <strike> report" in dom.texts[slide["Budget published"]]


def test_extracted_seed_articles_render(served: tuple[str, Path], tmp_path: Path) -> None:
    from timeline_app.core.pipeline import extract_documents

    timeline, errors = extract_documents(SEEDS)
    assert not errors and timeline.events
    url, site = served
    config = to_timelinejs(timeline, title="Seed")
    (site / "export.json").write_text(json.dumps(config), encoding="utf-8")
    dom = render(url, tmp_path / "profile")
    assert dom.body_attrs.get("data-loaded") == "yes", dom.body_attrs
    expected = {s["unique_id"]: s["text"]["headline"] for s in config["events"]}
    rendered = {k: " ".join(v.split()) for k, v in dom.headlines.items() if k in expected}
    assert rendered == {k: " ".join(html.unescape(v).split()) for k, v in expected.items()}
