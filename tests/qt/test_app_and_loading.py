"""Start-up, background loading, settings and palette handling."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot
from viewer_fixtures import SEED, make_timeline

from timeline_app.app.date_input import parse_user_date
from timeline_app.app.loading import BackgroundLoad, describe_error, expand_paths, load_paths, merge
from timeline_app.core.model import Document, Event, FuzzyDate, Mention, Timeline
from timeline_app.qt import app as app_module
from timeline_app.qt.canvas import TimelineCanvas
from timeline_app.qt.main_window import MainWindow
from timeline_app.qt.settings import AppSettings


def test_create_main_window_attaches_the_editing_layer_and_loads(qtbot: QtBot) -> None:
    window = app_module.create_main_window([])
    qtbot.addWidget(window)
    assert hasattr(window, "editing")
    window.close_guard = None
    with qtbot.waitSignal(window.loading_did_finish, timeout=20_000):
        window.open_paths([str(SEED)])
    assert window.timeline().documents[0].path.endswith(SEED.name)
    report = app_module.window_report(window)
    assert report["documents"] == 1 and report["selected_index"] == 0
    assert report["position_text"] == f"1 of {report['events']}"


def test_missing_editing_module_is_tolerated_but_other_import_errors_are_not(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def fake_import(name: str, globals=None, locals=None, fromlist=(), level=0):  # type: ignore[no-untyped-def]
        if name == "timeline_app.qt" and fromlist and "editing" in fromlist:
            raise ModuleNotFoundError("No module named 'timeline_app.qt.editing'", name="timeline_app.qt.editing")
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    window = app_module.create_main_window([])
    qtbot.addWidget(window)
    assert not hasattr(window, "editing")

    def broken_import(name: str, globals=None, locals=None, fromlist=(), level=0):  # type: ignore[no-untyped-def]
        if name == "timeline_app.qt" and fromlist and "editing" in fromlist:
            raise ModuleNotFoundError("No module named 'somedependency'", name="somedependency")
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", broken_import)
    with pytest.raises(ModuleNotFoundError):
        app_module.create_main_window([])


def test_background_load_reports_bad_files_by_name(tmp_path: Path) -> None:
    bad = tmp_path / "nothing-here.txt"
    progress: list[tuple[int, int, str]] = []
    job = BackgroundLoad([str(SEED), str(bad)])
    job.add_progress_listener(lambda d, t, n: progress.append((d, t, n)))
    outcome = job.outcome(timeout=30)
    timeline, errors, store = outcome.timeline, outcome.errors, outcome.store
    assert len(timeline.documents) == 1
    assert len(errors) == 1 and "nothing-here.txt" in errors[0]
    assert len(store) == sum(1 for e in timeline.events if e.date.earliest or e.date.latest)
    assert progress and progress[-1][0] == progress[-1][1]


def test_load_paths_reads_timeline_json(tmp_path: Path) -> None:
    from timeline_app.io import events_json

    path = tmp_path / "timeline.json"
    events_json.dump(make_timeline(), path)
    timeline, errors = load_paths([str(path)])
    assert errors == []
    assert [e.id for e in timeline.events] == ["troops", "region", "parade", "talks", "visit"]
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    _, errors = load_paths([str(broken)])
    assert len(errors) == 1 and errors[0].startswith(str(broken))


def test_expand_paths_lists_a_directory(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / ".hidden").write_text("h", encoding="utf-8")
    assert expand_paths([str(tmp_path)]) == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def test_merge_renames_colliding_ids() -> None:
    first = make_timeline()
    second = make_timeline()
    merged = merge(first, second)
    ids = [e.id for e in merged.events]
    assert len(ids) == len(set(ids)) == 10
    assert [d.id for d in merged.documents] == ["doc", "doc-2"]
    renamed = next(e for e in merged.events if e.id == "talks-2")
    assert renamed.document == "doc-2"
    assert [e.date.sort_key() for e in merged.events] == sorted(e.date.sort_key() for e in merged.events)


def test_describe_error_shapes() -> None:
    assert describe_error(("a.txt", "not UTF-8")) == "a.txt: not UTF-8"
    assert describe_error("plain") == "plain"


def test_recent_files_and_geometry_are_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    settings = AppSettings()
    settings.add_recent([str(tmp_path / "one.txt"), str(tmp_path / "two.txt")])
    settings.add_recent([str(tmp_path / "two.txt")])
    assert settings.recent_files()[:2] == [str(tmp_path / "two.txt"), str(tmp_path / "one.txt")]
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(700, 500)  # within the offscreen screen, which clamps restored geometry
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


def test_canvas_follows_a_dark_palette(qtbot: QtBot) -> None:
    canvas = TimelineCanvas()
    qtbot.addWidget(canvas)
    light = canvas.timeline_style()
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#181818"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    canvas.setPalette(dark)
    style = canvas.timeline_style()
    assert style.dark and not light.dark
    assert style.background == QColor("#181818")
    assert style.ink(0).color != light.ink(0).color


def test_parse_user_date() -> None:
    assert parse_user_date("2025-09-03") == pytest.approx(date(2025, 9, 3).toordinal() + 0.5)
    oct_2024 = parse_user_date("2024-10")
    assert oct_2024 is not None and date(2024, 10, 1).toordinal() < oct_2024 < date(2024, 11, 1).toordinal()
    assert parse_user_date("3 Sep 2025") == date(2025, 9, 3).toordinal() + 0.5
    assert parse_user_date("Oct 2024") == oct_2024
    assert parse_user_date("3 Sep 2025 14:30") == pytest.approx(date(2025, 9, 3).toordinal() + 14.5 / 24)
    assert parse_user_date("nonsense words") is None


def test_events_without_dates_are_listed_and_stepped_to_last(qtbot: QtBot) -> None:
    timeline = make_timeline()
    timeline.events.append(
        Event("nodate", "Undated", "", FuzzyDate.bounded(None, None), mentions=[Mention("doc", 0, 1, "S")])
    )
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_timeline(timeline)
    assert window.chronological_ids()[-1] == "nodate"
    assert window.store().position("nodate") == -1
    window.select_last()
    assert window.selected_event_ids() == ["nodate"]
    assert "date not stated" in window.detail().toPlainText()
    assert window.event_list().model.rowCount() == 6


def test_status_bar_names_reference_dates(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    timeline = make_timeline()
    timeline.documents.append(Document("other", "/tmp/other.txt", "Text", title="Other"))
    window.set_timeline(Timeline(timeline.documents, timeline.events))
    tip = window.statusBar().findChild(type(window.navigator().position_label), "statusSummary").toolTip()
    assert "2 documents" in tip and "5 events" in tip
    assert "Talks article: written 4 Sep 2025 (dateline)" in tip
    assert "Other: date of writing unknown" in tip


def test_a_newer_open_supersedes_an_older_one_still_loading(qtbot: QtBot, tmp_path: Path) -> None:
    from timeline_app.io import events_json

    small = tmp_path / "small.json"
    events_json.dump(make_timeline(), small)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_error_dialogs = False
    window.open_paths([str(SEED)])
    with qtbot.waitSignal(window.loading_did_finish, timeout=20_000):
        window.open_paths([str(small)])
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=20_000)
    assert [d.title for d in window.timeline().documents] == ["Talks article"]


def test_closing_while_loading_does_not_wait_for_the_load(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_paths([str(SEED)])
    assert window.close()
    assert not window.is_loading()
