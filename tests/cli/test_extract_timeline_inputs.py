"""`extract` reads a timeline file as the timeline it holds, as the viewer opens it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_export import small_timeline

from timeline_app.cli import main
from timeline_app.io.formats import EXPORTERS

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_97615b8d070adb4e.txt"


@pytest.mark.parametrize(("fmt", "name"), [("json", "t.json"), ("timelinejs", "t.json"), ("ics", "t.ics")])
def test_timeline_files_join_the_output_as_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str
) -> None:
    path = tmp_path / name
    EXPORTERS[fmt].function(small_timeline(), path, "")
    assert main(["extract", str(path), "--jobs", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert sorted(e["title"] for e in out["events"]) == sorted(e.title for e in small_timeline().events)


def test_a_broken_timeline_file_is_named_and_the_articles_still_extracted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"documents": [', encoding="utf-8")
    assert main(["extract", str(broken), str(SEED), "--jobs", "1"]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("broken.json") == 1 and "not valid JSON" in captured.err
    assert len(json.loads(captured.out)["documents"]) == 1
