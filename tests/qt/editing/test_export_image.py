"""Pictures of the timeline: PNG, SVG and PDF hold painted events, headless or not."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest
from PySide6.QtGui import QColor, QImage

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline
from timeline_app.core.viewport import Viewport, to_time
from timeline_app.qt.export_image import export_image


def timeline(n: int = 12) -> Timeline:
    return Timeline(
        documents=[Document("d1", "a.txt", "x" * 100)],
        events=[
            Event(
                f"e{i}",
                f"Event number {i}",
                "",
                FuzzyDate.point(DatePoint.day(date(2025, 1 + i % 12, 1 + i % 27))),
                mentions=[Mention("d1", i, i + 1, "x")],
            )
            for i in range(n)
        ],
    )


def ink_pixels(image: QImage, colour: str = "#0072B2", tolerance: int = 40) -> int:
    """Pixels close to the first document's ink: markers that were really painted."""
    target = QColor(colour)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - target.red()) + abs(c.green() - target.green()) + abs(c.blue() - target.blue())
                < tolerance
            ):
                count += 1
    return count


def test_png_has_painted_markers_and_the_requested_size(qapp, tmp_path: Path) -> None:
    path = tmp_path / "t.png"
    export_image(timeline(), path, "png", size=(800, 300))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (800, 300)
    assert ink_pixels(image) > 30
    assert image.pixelColor(790, 290) == QColor("#ffffff")  # a light picture whatever the theme


def test_viewport_limits_what_is_drawn(qapp, tmp_path: Path) -> None:
    whole, part = tmp_path / "whole.png", tmp_path / "part.png"
    export_image(timeline(), whole, "png", size=(800, 300))
    january = Viewport(to_time(date(2024, 12, 25)), to_time(date(2025, 2, 5)))
    export_image(timeline(), part, "png", size=(800, 300), viewport=january)
    assert 0 < ink_pixels(QImage(str(part))) < ink_pixels(QImage(str(whole)))


def test_svg_holds_titles_and_shapes(qapp, tmp_path: Path) -> None:
    path = tmp_path / "t.svg"
    export_image(timeline(), path, "svg", size=(1000, 400))
    root = SafeET.parse(path).getroot()
    assert root is not None and root.tag.endswith("svg")
    text = path.read_text(encoding="utf-8")
    assert "Event number 3" in text
    assert len(re.findall(r"<circle\b", text)) == 12  # one marker per event
    assert len(re.findall(r"<text\b", text)) > 12  # titles, dates and axis labels
    assert 'viewBox="0 0 1000 400"' in text


def test_pdf_is_one_page_of_the_requested_size(qapp, tmp_path: Path) -> None:
    small, big = tmp_path / "small.pdf", tmp_path / "big.pdf"
    export_image(timeline(1), small, "pdf", size=(1600, 600))
    export_image(timeline(40), big, "pdf", size=(1600, 600))
    data = big.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert box and (round(float(box.group(1))), round(float(box.group(2)))) == (1200, 450)
    assert big.stat().st_size > small.stat().st_size  # more events, more drawing


def test_bad_requests_fail_clearly_and_leave_no_file(qapp, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown image format"):
        export_image(timeline(), tmp_path / "t.gif", "gif")
    with pytest.raises(ValueError, match="outside"):
        export_image(timeline(), tmp_path / "t.png", "png", size=(4, 4))
    with pytest.raises(ValueError, match="no dated events"):
        export_image(Timeline(), tmp_path / "t.png", "png")
    with pytest.raises(OSError, match="no such folder"):
        export_image(timeline(), tmp_path / "no-such-folder" / "t.pdf", "pdf")
    assert list(tmp_path.iterdir()) == []


def test_works_headless_without_an_application(tmp_path: Path) -> None:
    code = (
        "import sys; sys.path.insert(0, {here!r})\n"
        "from test_export_image import timeline\n"
        "from timeline_app.qt.export_image import export_image\n"
        "for fmt in ('png', 'svg', 'pdf'):\n"
        "    export_image(timeline(), {out!r} + '.' + fmt, fmt)\n"
    ).format(here=str(Path(__file__).parent), out=str(tmp_path / "headless"))
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert all((tmp_path / f"headless.{fmt}").stat().st_size > 1000 for fmt in ("png", "svg", "pdf"))
