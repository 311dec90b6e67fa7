"""`timeline-app export` writes files fit to publish: the extension agrees with the format,
pictures take a size, a range and a title, and no local folder is named."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline
from timeline_app.io.project import save_project


def private_timeline() -> Timeline:
    doc = Document(id="d1", path="/home/someone/secret/dir/article.txt", text="x", title="Harbour news")
    return Timeline(
        documents=[doc],
        events=[
            Event("e1", "Pier closed", "The pier closed.", FuzzyDate.point(DatePoint.month(2024, 10)),
                  mentions=[Mention("d1", 0, 4, "pier")], notes="Ask the harbour master."),
            Event("e2", "Ferry resumed", "Ferries resumed.", FuzzyDate.point(DatePoint.month(2025, 6)),
                  mentions=[Mention("d1", 5, 9, "ferry")]),
        ],
    )  # fmt: skip


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.tlproj"
    save_project(path, private_timeline())
    return path


def run_export(*args: str) -> subprocess.CompletedProcess[str]:
    # A separate process: the image export creates its own Qt application.
    return subprocess.run(
        [sys.executable, "-m", "timeline_app", "export", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("fmt", "name", "reason"),
    [
        ("svg", "chart.png", "chart.png names a PNG file but --format is svg: write to chart.svg or use --format png"),
        ("png", "chart.pdf", "chart.pdf names a PDF file but --format is png"),
        ("timelinejs", "chart.png", "chart.png names a PNG file but --format is timelinejs: write to chart.json"),
        ("markdown", "notes.csv", "notes.csv names a CSV file but --format is markdown: write to notes.md"),
    ],
)
def test_an_extension_naming_another_format_is_refused(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str, reason: str
) -> None:
    assert main(["export", str(project), "-f", fmt, "-o", str(tmp_path / name)]) == 1
    err = capsys.readouterr().err
    assert reason in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / name).exists()


def test_json_serves_both_json_formats_and_other_names_are_written_as_asked(tmp_path: Path, project: Path) -> None:
    assert main(["export", str(project), "-f", "timelinejs", "-o", str(tmp_path / "a.json")]) == 0
    assert main(["export", str(project), "-f", "json", "-o", str(tmp_path / "b.json")]) == 0
    assert main(["export", str(project), "-f", "markdown", "-o", str(tmp_path / "chronology.txt")]) == 0
    assert (tmp_path / "chronology.txt").read_text(encoding="utf-8").startswith("# Harbour news\n")


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--size", "5x5"], "each side must be 16–20000 pixels"),
        (["--size", "big"], "invalid --size 'big'"),
        (["--range", "2024"], "use all, or FROM..TO"),
        (["--range", "May..June"], "dates as YYYY, YYYY-MM or YYYY-MM-DD"),
        (["--range", "2025..2024"], "it ends before it starts"),
    ],
)
def test_bad_picture_options_are_refused_in_one_line(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str], args: list[str], reason: str
) -> None:
    assert main(["export", str(project), "-f", "png", "-o", str(tmp_path / "x.png"), *args]) == 1
    err = capsys.readouterr().err
    assert reason in err and len(err.strip().splitlines()) == 1


def test_picture_size_title_and_range(tmp_path: Path, project: Path) -> None:
    png, svg, part = tmp_path / "t.png", tmp_path / "t.svg", tmp_path / "part.svg"
    result = run_export(str(project), "-f", "png", "-o", str(png), "--size", "640x480")
    assert result.returncode == 0, result.stderr
    data = png.read_bytes()
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (640, 480)
    result = run_export(str(project), "-f", "svg", "-o", str(svg), "--title", "Pier and ferry")
    assert result.returncode == 0, result.stderr
    text = svg.read_text(encoding="utf-8")
    assert 'viewBox="0 0 1600 900"' in text  # the default size
    assert ">Pier and ferry<" in text and ">Harbour news<" in text and "Source: article.txt" in text
    assert "/home" not in text and "Sans Serif" not in text
    result = run_export(str(project), "-f", "svg", "-o", str(part), "--range", "2025-01..2025-12")
    assert result.returncode == 0, result.stderr
    text = part.read_text(encoding="utf-8")
    assert "Ferry resumed" in text and "1 event · 1 Jun 2025 – 30 Jun 2025" in text
    assert ">Harbour news<" in text  # the title from the document


def test_text_exports_name_no_folder_and_carry_notes(tmp_path: Path, project: Path) -> None:
    for fmt, suffix in (("timelinejs", ".json"), ("csv", ".csv"), ("ics", ".ics"), ("markdown", ".md")):
        out = tmp_path / f"out{suffix}"
        assert main(["export", str(project), "-f", fmt, "-o", str(out)]) == 0
        text = out.read_text(encoding="utf-8")
        assert "/home" not in text and "secret" not in text, fmt
        assert "article.txt" in text and "Ask the harbour master." in text.replace("\r\n ", ""), fmt
