"""The Markdown chronology: order, wording of dates, escaping, numbered sources."""

from __future__ import annotations

from pathlib import Path

from io_samples import sample_timeline

from timeline_app.core.model import FuzzyDate
from timeline_app.io.markdown import export_markdown, md_escape, to_markdown


def test_chronology_by_year_with_sources(tmp_path: Path) -> None:
    path = tmp_path / "c.md"
    export_markdown(sample_timeline(), path, title="Harbour")
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# Harbour"
    assert [line for line in lines if line.startswith("## ")] == [
        "## 2010",
        "## 2019",
        "## 2024",
        "## 2025",
        "## Sources",
    ]
    assert "- **Oct 2024 (month)** — Budget published _(Politics)_ [1]  " in lines
    assert "- **between Oct 2024 and 3 Sep 2025 — date not stated** — Contract signed _(Transport)_ [2]  " in lines
    assert "- **3 Sep 2025** — Council votes \\<yes\\> & adjourns _(Politics, told by 2 sources)_ [1][2]  " in lines
    assert lines[-2:] == [
        "1. Harbour council minutes — `harbour.txt` (dated 4 Sep 2025)",
        "2. [Rail strike report](<https://example.org/rail?id=1&x=2>) (dated 10 Mar 2025)",
    ]
    position = {title: next(i for i, line in enumerate(lines) if f"— {title}" in line) for title in
                ("A decade of growth", "Port opened", "Budget published", "Strike", "Press conference")}  # fmt: skip
    assert list(position.values()) == sorted(position.values())


def test_undated_events_are_listed_last() -> None:
    timeline = sample_timeline()
    timeline.events[0].date = FuzzyDate.bounded(None, None)
    lines = to_markdown(timeline).splitlines()
    assert lines.index("## Date not stated") > lines.index("## 2025")
    assert lines[0] == "# Harbour council minutes and 1 more source"


def test_escaping_blocks_markup() -> None:
    assert md_escape("*bold* [link](x) <script>\nnext") == "\\*bold\\* \\[link\\](x) \\<script\\> next"
