"""The commands with hostile input: one bad document never stops a batch, pipes and devices
are refused by type, budgets bound the time, and every failure is one line with a non-zero status."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
import threading
import time
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.cli.extract import DEFAULT_TIME_LIMIT
from timeline_app.core.model import DatePoint, Event, FuzzyDate, Timeline
from timeline_app.core.pipeline import DEFAULT_BUDGET
from timeline_app.io import timeml
from timeline_app.io.project import save_project

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_97615b8d070adb4e.txt"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if "date of writing unsure" not in line]


def test_timeml_batch_writes_every_document_it_can(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    odd = tmp_path / "odd.txt"
    odd.write_text("Seoul, Sep 4, 2025 - Talks \x0bended\x0c on Thursday, \x01 officials said.\n", encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_text("Paris, May 2, 2025 - The vote was held on Tuesday.\n", encoding="utf-8")
    real = timeml.write_timeml

    def refuse_one(doc, events=(), path=None, clean=None):  # type: ignore[no-untyped-def]
        if doc.id == "broken":
            raise timeml.TimeMLWriteError("time expression 'x' at 3-9 overlaps the one before it")
        return real(doc, events, path, clean)

    monkeypatch.setattr(timeml, "write_timeml", refuse_one)
    out = tmp_path / "out"
    assert main(["extract", str(odd), str(broken), str(SEED), "--format", "timeml", "--output-dir", str(out)]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["000_97615b8d070adb4e.tml", "odd.tml"]
    err = lines(capsys.readouterr().err)
    assert f"{broken}: cannot write broken.tml (time expression 'x' at 3-9 overlaps the one before it)" in err
    assert "timeline-app extract: 3 characters the format cannot hold written as U+FFFD" in err
    assert "\ufffdended\ufffd" in (out / "odd.tml").read_text(encoding="utf-8")


@needs_fifo
@pytest.mark.parametrize("command", ["extract", "export", "import"])
def test_a_named_pipe_is_refused_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    fifo = tmp_path / ("pipe.json" if command != "extract" else "pipe.txt")
    os.mkfifo(fifo)
    argv = {
        "extract": ["extract", str(fifo), str(SEED), "--format", "csv"],
        "export": ["export", str(fifo), str(SEED), "-f", "csv", "-o", str(tmp_path / "o.csv")],
        "import": ["import", str(fifo), "-o", str(tmp_path / "o.tlproj")],
    }[command]
    started = time.monotonic()
    assert main(argv) == 1
    assert time.monotonic() - started < 20
    err = lines(capsys.readouterr().err)
    assert any("pipe.json" in line or "pipe.txt" in line for line in err)
    assert any("not a regular file" in line for line in err)
    if command == "export":  # the other input was still exported
        assert (tmp_path / "o.csv").read_text(encoding="utf-8").count("\n") > 3


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_extract_dev_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "/dev/zero", "--format", "csv"]) == 1
    assert lines(capsys.readouterr().err) == ["/dev/zero: not a regular file (a character device)"]


def test_export_keeps_going_after_a_bad_data_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.tlproj"
    save_project(good, Timeline(events=[Event("e", "Pier closed", "", FuzzyDate.point(DatePoint.year(2024)))]))
    hostile = tmp_path / "hostile.tlproj"
    save_project(hostile, Timeline())
    conn = sqlite3.connect(hostile)
    conn.execute("CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM events; END")
    conn.commit()
    conn.close()
    out = tmp_path / "o.json"
    assert main(["export", str(hostile), str(good), "-f", "json", "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("timeline-app export: hostile.tlproj: refused: the project file holds a trigger")
    assert err[1] == f"wrote {out} (1 events)"
    assert "Pier closed" in out.read_text(encoding="utf-8")


def test_export_reports_replaced_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.tlproj"
    save_project(project, Timeline(events=[Event("e", "Form\x0cfeed", "", FuzzyDate.point(DatePoint.year(2024)))]))
    assert main(["export", str(project), "-f", "timeline", "-o", str(tmp_path / "o.timeline")]) == 0
    assert capsys.readouterr().err.strip().endswith("(1 events; 1 character the format cannot hold written as U+FFFD)")


@needs_fifo
def test_export_into_a_named_pipe_writes_into_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    assert main(["export", str(SEED), "-f", "csv", "-o", str(fifo)]) == 1  # nobody reads it yet
    assert "no program reads the named pipe" in capsys.readouterr().err
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    time.sleep(0.2)
    assert main(["export", str(SEED), "-f", "csv", "-o", str(fifo)]) == 0
    reader.join(10)
    assert received and received[0].startswith(b"Year,Month,Day")
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # written into, not replaced by a file


def test_time_limit_bounds_a_pathological_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(3)
    words = SEED.read_text(encoding="utf-8").split()
    long_line = tmp_path / "line.txt"
    long_line.write_text(" ".join(rng.choice(words) for _ in range(120_000)), encoding="utf-8")
    started = time.monotonic()
    assert main(["extract", str(long_line), str(SEED), "--format", "csv", "--time-limit", "0.5"]) == 1
    assert time.monotonic() - started < 10
    err = lines(capsys.readouterr().err)
    assert len(err) == 1 and err[0].startswith(f"{long_line}: too complex")


def test_cli_default_time_limit_is_the_engines() -> None:
    assert DEFAULT_BUDGET.seconds == DEFAULT_TIME_LIMIT
