"""Articles read before come back from the cache, identical; anything else is extracted afresh."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.app import extraction_cache
from timeline_app.app.loading import load_paths
from timeline_app.io import events_json

SEED = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TIMELINE_APP_CACHE_DIR", str(folder))
    monkeypatch.delenv("TIMELINE_APP_NO_CACHE", raising=False)
    return folder


def _article(tmp_path: Path, text: str = "PARIS, May 5, 2022 (AP) -- The minister resigned on Tuesday.\n") -> Path:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_second_load_is_read_back_and_identical(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, errors = load_paths([str(SEED)])
    assert errors == [] and len(list(cache.glob("*.json"))) == 1

    def no_engine(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the cached result should have been used")

    monkeypatch.setattr("timeline_app.core.pipeline.extract_documents", no_engine)
    second, errors = load_paths([str(SEED)])
    assert errors == []
    assert events_json.dumps(second) == events_json.dumps(first)
    assert [e.id for e in second.events] == [e.id for e in first.events]


def test_changed_content_reference_date_or_engine_extract_again(cache: Path, tmp_path: Path) -> None:
    path = _article(tmp_path)
    key = extraction_cache.key_for([str(path)], None)
    assert key is not None
    assert extraction_cache.key_for([str(path)], date(2022, 5, 6)) != key
    _article(tmp_path, "PARIS, May 5, 2022 (AP) -- The minister resigned on Monday.\n")
    assert extraction_cache.key_for([str(path)], None) != key
    timeline, _ = load_paths([str(path)])
    assert [e.date.describe() for e in timeline.events] == ["2 May 2022"]


def test_a_damaged_entry_is_ignored_and_removed(cache: Path, tmp_path: Path) -> None:
    path = _article(tmp_path)
    load_paths([str(path)])
    (entry,) = cache.glob("*.json")
    entry.write_text("{not json", encoding="utf-8")
    timeline, errors = load_paths([str(path)])
    assert errors == [] and [e.date.describe() for e in timeline.events] == ["3 May 2022"]
    assert events_json.load(entry).events  # rewritten with the fresh result


def test_failed_files_are_not_cached(cache: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    _timeline, errors = load_paths([str(empty)])
    assert errors
    assert not list(cache.glob("*.json"))


def test_the_cache_can_be_turned_off(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_APP_NO_CACHE", "1")
    load_paths([str(_article(tmp_path))])
    assert not cache.exists()
