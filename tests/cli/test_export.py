"""`timeline-app export`: every input kind, every text format, images, and clean failures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from timeline_app.cli import main
from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline
from timeline_app.io import events_json
from timeline_app.io.project import save_project
from timeline_app.io.timelinejs import import_timelinejs

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))


def small_timeline() -> Timeline:
    doc = Document(id="d1", path="/n/a.txt", text="x", title="Harbour news")
    return Timeline(
        documents=[doc],
        events=[
            Event("e1", "Pier closed", "The pier closed.", FuzzyDate.point(DatePoint.month(2024, 10)),
                  mentions=[Mention("d1", 0, 4, "pier")], group="Works"),
            Event("e2", "Ferry resumed", "Ferries resumed.", FuzzyDate.bounded(DatePoint.month(2024, 11), None),
                  mentions=[Mention("d1", 5, 9, "ferry")]),
        ],
    )  # fmt: skip


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.tlproj"
    save_project(path, small_timeline())
    return path


def test_articles_to_timelinejs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "seed.json"
    assert main(["export", *map(str, SEEDS), "--format", "timelinejs", "--output", str(out), "--title", "Seed"]) == 0
    config = json.loads(out.read_text(encoding="utf-8"))
    assert config["title"]["text"]["headline"] == "Seed"
    assert len(config["events"]) > 0
    assert all(s["text"]["headline"] and isinstance(s["start_date"]["year"], int) for s in config["events"])
    assert "wrote" in capsys.readouterr().err


def test_project_to_each_text_format(tmp_path: Path, project: Path) -> None:
    outputs = {}
    for fmt, suffix in [("timelinejs", ".json"), ("csv", ".csv"), ("ics", ".ics"), ("timeline", ".timeline"),
                        ("markdown", ".md"), ("json", ".json")]:  # fmt: skip
        out = tmp_path / f"out-{fmt}{suffix}"
        assert main(["export", str(project), "-f", fmt, "-o", str(out)]) == 0, fmt
        outputs[fmt] = out
    assert [e.title for e in import_timelinejs(outputs["timelinejs"]).events] == ["Pier closed", "Ferry resumed"]
    title_row, first_event = outputs["csv"].read_text().splitlines()[1:3]
    assert ",Harbour news," in title_row and title_row.endswith(",title,,,")  # named after the document
    assert first_event.startswith("2024,10,,,")
    calendar = icalendar.Calendar.from_ical(outputs["ics"].read_bytes())
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Pier closed", "Ferry resumed"]
    assert "<text>Ferry resumed</text>" in outputs["timeline"].read_text()
    assert "- **after Nov 2024 — date not stated** — Ferry resumed [1]" in outputs["markdown"].read_text()
    assert len(events_json.load(outputs["json"]).events) == 2
    assert not list(tmp_path.glob(".*part")), "a temporary file was left behind"


def test_undated_events_are_reported_when_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    timeline = small_timeline()
    timeline.events[1].date = FuzzyDate.bounded(None, None)
    project = tmp_path / "undated.tlproj"
    save_project(project, timeline)
    assert main(["export", str(project), "-f", "ics", "-o", str(tmp_path / "x.ics")]) == 0
    assert "(1 events; 1 without any date left out)" in capsys.readouterr().err
    assert main(["export", str(project), "-f", "markdown", "-o", str(tmp_path / "x.md")]) == 0
    assert "(2 events)" in capsys.readouterr().err


def test_events_json_and_projects_combine(tmp_path: Path, project: Path) -> None:
    extract = tmp_path / "events.json"
    events_json.dump(small_timeline(), extract)
    out = tmp_path / "all.csv"
    assert main(["export", str(extract), str(project), "-f", "csv", "-o", str(out)]) == 0
    assert len(out.read_text().splitlines()) == 1 + 1 + 4  # header, title row, events


@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")])
def test_images_are_drawn_by_the_qt_layer(tmp_path: Path, project: Path, fmt: str, magic: bytes) -> None:
    # A separate process: the image export creates its own Qt application.
    out = tmp_path / f"t.{fmt}"
    result = subprocess.run(
        [sys.executable, "-m", "timeline_app", "export", str(project), "-f", fmt, "-o", str(out), "--size", "800x300"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(magic)
    if fmt == "png":  # IHDR: width and height as requested by --size
        assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (800, 300)


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"SQLite format 3\x00" + b"\x00" * 40, "truncated"),
        (b"garbage that is not a database", "not a timeline project"),
    ],
)
def test_bad_project_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, match: str
) -> None:
    bad = tmp_path / "bad.tlproj"
    bad.write_bytes(content)
    out = tmp_path / "o.json"
    assert main(["export", str(bad), "-f", "timelinejs", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert match in err and err.count("\n") == 1 and err.startswith("timeline-app export: bad.tlproj")
    assert not out.exists()


def test_usage_errors(tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(project), "-f", "ics", "-o", str(tmp_path / "x.ics"), "--reference-date", "May"]) == 1
    assert "invalid --reference-date" in capsys.readouterr().err
    assert main(["export", str(project), "-f", "ics", "-o", str(tmp_path / "missing" / "x.ics")]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "nothing.txt"), "-f", "ics", "-o", str(tmp_path / "x.ics")]) == 1
    assert "none of the articles could be read" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", str(project), "-f", "docx", "-o", "x"])
