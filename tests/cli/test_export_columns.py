"""`timeline-app export`: a columns file that reads back; a folder stands for the articles in it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from test_export import small_timeline

from timeline_app.cli import main
from timeline_app.io import events_json
from timeline_app.io.columnar import read_columns


def test_events_json_to_columns_and_back(tmp_path: Path) -> None:
    source = tmp_path / "events.json"
    events_json.dump(small_timeline(), source)
    columns_file = tmp_path / "events.arrow"
    assert main(["export", str(source), "-f", "arrow", "-o", str(columns_file)]) == 0
    assert stat.S_IMODE(os.stat(columns_file).st_mode) & 0o044  # not a private temporary file
    columns = read_columns(columns_file)
    assert sorted(columns.title_sequence()) == sorted(e.title for e in small_timeline().events)
    back = tmp_path / "back.json"
    assert main(["export", str(columns_file), "-f", "json", "-o", str(back)]) == 0
    again = events_json.load(back)
    assert [(e.id, e.date.edtf, e.group) for e in again.events] == [
        (e.id, e.date.edtf, e.group) for e in events_json.load(source).events
    ]


def test_an_arrow_name_for_another_format_is_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "events.json"
    events_json.dump(small_timeline(), source)
    assert main(["export", str(source), "-f", "json", "-o", str(tmp_path / "x.arrow")]) != 0
    assert "arrow" in capsys.readouterr().err


def test_a_folder_of_articles_is_exported_like_the_articles_in_it(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    out = tmp_path / "seed.md"
    assert main(["export", str(seeds), "-f", "markdown", "-o", str(out)]) == 0
    assert "events from 1 source" in out.read_text(encoding="utf-8")  # the folder's one article
