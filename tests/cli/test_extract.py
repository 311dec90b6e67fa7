"""`timeline-app extract`: every output format, per-file errors on stderr, exit codes."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

import pytest

from timeline_app.cli import extract

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_97615b8d070adb4e.txt"


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="timeline-app")
    extract.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["extract", *argv])
    return int(args.func(args))


def test_json_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(SEED)) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"][0]["reference_date"] == "2025-09-04"
    dates = [e["date"] for e in data["events"] if e["status"] == "reported"]
    # The state media report is stated; the statements it carries are inferred ("~") from the story's days.
    assert "2025-09-04" in dates
    assert all(d == "2025-09-04" or d.endswith("~") for d in dates)


def test_reference_date_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(SEED), "--reference-date", "2021-03-05") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"][0]["reference_date"] == "2021-03-05"
    assert data["documents"][0]["reference_date_basis"] == "given by the user"


def test_bad_reference_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(SEED), "--reference-date", "05/03/2021") == 2
    err = capsys.readouterr().err
    assert "--reference-date" in err and err.count("\n") == 1


def test_text_chronology(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(SEED), "--format", "text") == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line and not line.startswith("#")]
    assert any(line.split()[:5] == ["3", "Sep", "2025", "day", "occurred"] and "parade" in line for line in lines)
    assert any(line.startswith("? between Oct 2024 and 3 Sep 2025") and " bounded " in line for line in lines)
    assert any(line.split()[:5] == ["~", "Oct", "2024", "month", "ongoing"] for line in lines)
    assert any(" expected " in line and "date not stated" in line for line in lines)


def test_csv_to_output_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(SEED), "--format", "csv", "--output-dir", str(tmp_path / "out")) == 0
    assert capsys.readouterr().out == ""
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "events.csv").read_text(encoding="utf-8"))))
    assert {"2025-09-03", "2025-09-04", "2024-10"} <= {r["date"] for r in rows}


def test_timeml_needs_output_dir(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(SEED), "--format", "timeml") == 2
    assert "--output-dir" in capsys.readouterr().err


def test_timeml_one_file_per_input(tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text("Oslo, Feb 2, 2022 (Wire) The council met on Monday and approved the budget.", encoding="utf-8")
    out = tmp_path / "tml"
    assert run(str(SEED), str(second), "--format", "timeml", "--output-dir", str(out)) == 0
    files = sorted(p.name for p in out.glob("*.tml"))
    assert files == ["000_97615b8d070adb4e.tml", "second.tml"]
    content = (out / "second.tml").read_text(encoding="utf-8")
    assert "TIMEX3" in content and "2022-01-31" in content


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("photo.txt", bytes(range(256)) * 16, "binary"),
        ("broken.tml", b"<TimeML><TEXT>no end", "not well-formed"),
    ],
)
def test_bad_file_reported_rest_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, reason: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    assert run(str(bad), str(SEED)) == 1
    captured = capsys.readouterr()
    err_lines = captured.err.strip().splitlines()
    assert len(err_lines) == 1 and name in err_lines[0] and reason in err_lines[0]
    assert len(json.loads(captured.out)["documents"]) == 1


def test_wrong_encoding_still_extracted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("Zürich, Mar 3, 2023 (Wire) Café owners protested on Friday against façade rules.".encode("cp1252"))
    assert run(str(f), "--format", "text") == 0
    out = capsys.readouterr().out
    assert "Café owners protested" in out and "3 Mar 2023" in out


def test_huge_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_app.core.ingest import raw

    monkeypatch.setattr(raw, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_bytes(b"Words on Monday. " * 200)
    assert run(str(big)) == 1
    assert "too large" in capsys.readouterr().err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(tmp_path / "nope.txt")) == 1
    assert "nope.txt: file not found" in capsys.readouterr().err


def test_through_the_installed_entry_point(tmp_path: Path) -> None:
    import subprocess
    import sys

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "timeline_app", "extract", str(SEED), str(empty), "--format", "text"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"{empty}: file is empty"
    assert any(line.split()[:5] == ["4", "Sep", "2025", "day", "reported"] for line in result.stdout.splitlines())


def test_directory_stands_for_its_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Oslo, Feb 2, 2022 (Wire) The council met on Monday.", encoding="utf-8")
    (tmp_path / "a.md").write_text("# Vote\n\nRome, May 5, 2021 (Wire) Voters went to the polls on Sunday.\n")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    assert run(str(tmp_path)) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in data["documents"]] == ["a", "b"]


def _two_articles(tmp_path: Path) -> list[str]:
    a = tmp_path / "a.txt"
    a.write_text(
        "Carmaker cuts jobs\n\nDETROIT, June 1, 2009 (Wire) - General Motors Corporation filed for bankruptcy "
        "protection on Monday. Ford Motor Company said its sales rose in May.\n",
        encoding="utf-8",
    )
    b = tmp_path / "b.txt"
    b.write_text(
        "GM files for bankruptcy\n\nNEW YORK, June 2, 2009 (Wire) - GM filed for bankruptcy protection on "
        "June 1, the largest industrial failure in the country's history.\n",
        encoding="utf-8",
    )
    return [str(a), str(b)]


def test_entity_prints_that_entity_s_timeline_by_any_of_its_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(*_two_articles(tmp_path), "--entity", "gm") == 0
    data = json.loads(capsys.readouterr().out)
    gm = next(x for x in data["entities"] if "GM" in x["aliases"])
    assert gm["name"] == "General Motors Corporation"
    assert data["events"] and all(gm["name"] in e["actors"] for e in data["events"])
    filed = [e for e in data["events"] if "bankruptcy" in e["title"]]
    # One filing, told by both articles under either name.
    assert len(filed) == 1 and filed[0]["source_count"] == 2 and filed[0]["date"] == "2009-06-01"
    assert run(*_two_articles(tmp_path), "--entity", "Toyota") == 1
    assert "Toyota" in capsys.readouterr().err


def test_no_merge_keeps_each_document_s_events_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(*_two_articles(tmp_path), "--no-merge") == 0
    data = json.loads(capsys.readouterr().out)
    assert all(e["source_count"] == 1 for e in data["events"])
