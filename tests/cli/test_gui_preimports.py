"""Which start-ups import pyarrow before Qt: only one that opens a columns file (or may)."""

from __future__ import annotations

from pathlib import Path

from timeline_app.app.big_timelines import COLUMNS_FROM_BYTES, may_open_as_columns


def test_only_one_columns_file_or_big_events_jsonmay_open_as_columns(tmp_path: Path) -> None:
    arrow = tmp_path / "t.arrow"
    arrow.write_bytes(b"")
    small = tmp_path / "small.json"
    small.write_text("{}", encoding="utf-8")
    big = tmp_path / "big.json"
    with big.open("wb") as handle:  # sparse: its size is what counts
        handle.truncate(COLUMNS_FROM_BYTES)
    article = tmp_path / "a.txt"
    article.write_text("x", encoding="utf-8")
    assert may_open_as_columns([str(arrow)])
    assert may_open_as_columns([str(big)])
    assert not may_open_as_columns([str(small)])
    assert not may_open_as_columns([str(article)])
    assert not may_open_as_columns([str(tmp_path)])
    assert not may_open_as_columns([str(arrow), str(big)])
    assert not may_open_as_columns([str(tmp_path / "missing.json")])
    assert not may_open_as_columns([])
