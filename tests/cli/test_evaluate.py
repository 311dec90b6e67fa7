"""`timeline-app evaluate`: prints per-corpus scores; bad gold paths fail with a one-line reason."""

import argparse
from datetime import date
from pathlib import Path

import pytest

from timeline_app.cli import evaluate
from timeline_app.core.temporal import tag
from timeline_app.io.timeml import timeml_string


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    evaluate.register(parser.add_subparsers())
    args = parser.parse_args(["evaluate", *argv])
    return int(args.func(args))


def write_gold(folder: Path) -> None:
    text = "Leaders met on Thursday. A parade was held on the previous day, officials said."
    reference = date(2025, 9, 4)
    (folder / "seed.tml").write_text(timeml_string("seed", text, tag(text, reference), reference), encoding="utf-8")


def test_perfect_tagging_scores_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_gold(tmp_path)
    assert run([str(tmp_path)]) == 0
    header, row = capsys.readouterr().out.strip().splitlines()
    assert "valF1" in header
    cells = row.split()
    assert cells[:3] == [tmp_path.name, "2", "2"]
    assert cells[-1] == "1.000"


def test_no_dct_leaves_relative_dates_unresolved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_gold(tmp_path)
    assert run([str(tmp_path), "--no-dct"]) == 0
    row = capsys.readouterr().out.strip().splitlines()[1].split()
    assert row[-1] == "0.000"  # extents still match, values cannot


def test_missing_gold_fails_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(tmp_path / "nope")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "no such file or folder" in captured.err


def test_several_corpora_get_a_total_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    write_gold(first)
    write_gold(second)
    assert run([str(first), str(second)]) == 0
    rows = [line.split() for line in capsys.readouterr().out.strip().splitlines()[1:]]
    assert [r[0] for r in rows] == ["a", "b", "all"]
    assert rows[2][1:3] == ["4", "4"]
