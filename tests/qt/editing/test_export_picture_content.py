"""Pictures fit to publish: requested size, a title, a legend of documents, a source line,
a generic font family in SVG, and the range asked for."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import defusedxml.ElementTree as SafeET
from PySide6.QtGui import QFont, QFontMetricsF, QImage

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline
from timeline_app.core.viewport import Viewport, to_time
from timeline_app.qt.export_image import _wrap, export_image


def published(documents: int = 2, per_document: int = 4) -> Timeline:
    docs = [
        Document(f"d{n}", f"/home/someone/secret/dir/article{n}.txt", "x", f"Harbour report number {n}")
        for n in range(documents)
    ]
    events = [
        Event(
            f"e{n}-{i}",
            f"Event {n}-{i} in {['January', 'December'][i % 2]}",
            "",
            FuzzyDate.point(DatePoint.day(date(2025, 1 if i % 2 == 0 else 12, 1 + n + i))),
            mentions=[Mention(f"d{n}", 0, 1, "x")],
        )
        for n in range(documents)
        for i in range(per_document)
    ]
    return Timeline(documents=docs, events=events)


def svg_text(path: Path) -> str:
    SafeET.parse(path)  # well-formed
    return path.read_text(encoding="utf-8")


def test_png_has_the_requested_size(qapp, tmp_path: Path) -> None:
    for width, height in ((1200, 700), (640, 480)):
        path = tmp_path / f"{width}.png"
        export_image(published(), path, "png", size=(width, height))
        image = QImage(str(path))
        assert (image.width(), image.height()) == (width, height)


def test_svg_names_a_generic_font_family(qapp, tmp_path: Path) -> None:
    path = tmp_path / "t.svg"
    export_image(published(), path, "svg", size=(1000, 600))
    text = svg_text(path)
    families = set(re.findall(r'font-family="([^"]*)"', text))
    assert families and all(f.endswith("sans-serif") for f in families), families
    assert "Sans Serif" not in text


def test_title_legend_and_sources_are_drawn_without_folders(qapp, tmp_path: Path) -> None:
    path = tmp_path / "t.svg"
    export_image(published(3), path, "svg", size=(1400, 800))
    text = svg_text(path)
    assert ">Harbour report number 0 and 2 more sources<" in text  # the title, from the documents
    for n in range(3):
        assert f">Harbour report number {n}<" in text  # the legend
    assert "Sources: article0.txt, article1.txt, article2.txt" in text
    assert "/home" not in text and "secret" not in text


def test_an_explicit_title_wins_and_an_empty_one_draws_none(qapp, tmp_path: Path) -> None:
    named, bare = tmp_path / "named.svg", tmp_path / "bare.svg"
    export_image(published(), named, "svg", size=(1000, 600), title="Port chronology")
    export_image(published(), bare, "svg", size=(1000, 600), title="")
    assert ">Port chronology<" in svg_text(named)
    assert "Harbour report number 0 and 1 more source" not in svg_text(bare)
    assert ">Harbour report number 1<" in svg_text(bare)  # the legend stays


def test_range_all_or_a_view(qapp, tmp_path: Path) -> None:
    whole, january = tmp_path / "whole.svg", tmp_path / "january.svg"
    export_image(published(), whole, "svg", size=(1200, 700))
    view = Viewport(to_time(date(2024, 12, 20)), to_time(date(2025, 2, 10)))
    export_image(published(), january, "svg", size=(1200, 700), viewport=view)
    assert "in December" in svg_text(whole) and "in January" in svg_text(whole)
    assert "in January" in svg_text(january) and "in December" not in svg_text(january)
    assert "4 events · 1 Jan 2025 – 4 Jan 2025" in svg_text(january)
    assert "8 events" in svg_text(whole)


def test_many_documents_end_the_legend_with_a_count(qapp, tmp_path: Path) -> None:
    path = tmp_path / "many.svg"
    export_image(published(30, 1), path, "svg", size=(800, 600))
    text = svg_text(path)
    more = re.search(r">\+(\d+) more<", text)
    assert more and 0 < int(more.group(1)) < 30
    assert ">Harbour report number 0<" in text


def test_long_titles_wrap_within_the_width(qapp) -> None:
    font = QFont()
    font.setPixelSize(20)
    metrics = QFontMetricsF(font)
    title = " ".join(["Harbour"] * 40)
    lines = _wrap(title, metrics, 500.0, 2)
    assert len(lines) == 2 and lines[0].startswith("Harbour Harbour") and lines[1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= 500.0 for line in lines)
    assert _wrap("Short title", metrics, 500.0, 2) == ["Short title"]
