"""A small main window honouring the viewer's contract, scripted prompts and sample data."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QTableView, QToolBar, QWidget

from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline
from timeline_app.core.viewport import Viewport, to_time
from timeline_app.qt.editing.prompts import Recovery, Unsaved

TEXT = "The council met on Monday. Protests began in October. A report is expected next year."


def sample_timeline(path: str = "/nonexistent/council.txt") -> Timeline:
    def mention(phrase: str) -> Mention:
        start = TEXT.index(phrase)
        return Mention("d1", start, start + len(phrase), phrase)

    return Timeline(
        documents=[Document("d1", path, TEXT, title="Council", reference_date=date(2025, 9, 4))],
        events=[
            Event(
                "e1",
                "Protests began",
                "Protests began in October.",
                FuzzyDate.point(DatePoint.month(2024, 10)),
                mentions=[mention("Protests began in October.")],
            ),
            Event(
                "e2",
                "Council met",
                "The council met on Monday.",
                FuzzyDate.point(DatePoint.day(date(2025, 9, 1))),
                mentions=[mention("The council met on Monday.")],
            ),
            Event(
                "e3",
                "Report expected",
                "A report is expected next year.",
                FuzzyDate.bounded(DatePoint.day(date(2025, 9, 4)), None),
                mentions=[mention("A report is expected next year.")],
            ),
        ],
    )


class FakeCanvas(QWidget):
    event_drag_finished = Signal(str, str, float)

    def __init__(self) -> None:
        super().__init__()
        self.resize(800, 300)
        self.view = Viewport(to_time(date(2024, 9, 1)), to_time(date(2025, 1, 1)))
        self.editable = False

    def viewport_range(self) -> Viewport:
        return self.view

    def set_viewport(self, viewport: Viewport) -> None:
        self.view = viewport


class FakeEventList(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.table = QTableView(self)


class FakeMainWindow(QMainWindow):
    """The MainWindow contract, with the set_timeline/refresh calls counted."""

    events_did_change = Signal()
    selection_did_change = Signal(str)
    loading_did_finish = Signal()

    def __init__(self, timeline: Timeline) -> None:
        super().__init__()
        self._timeline = timeline
        self._selected: list[str] = []
        self._menus: dict[str, QMenu] = {}
        for name in ("file", "edit", "view", "go", "help"):
            self._menus[name] = self.menuBar().addMenu(name.title())
        # The viewer's own file entries: Open…, Open Recent, Add Files…, then Quit.
        self._menus["file"].addAction("&Open…")
        self._menus["file"].addMenu("Open &Recent")
        self.act_add = self._menus["file"].addAction("Add Files…")
        self.quit_action = self._menus["file"].addAction("Quit")
        self._toolbar = self.addToolBar("Main")
        self._canvas = FakeCanvas()
        self.setCentralWidget(self._canvas)
        self.close_guard: Callable[[], bool] | None = None
        self.project_opener: Callable[[str], bool] | None = None
        self.recent_projects: Callable[[], list[str]] | None = None
        self.reference_date_setter: Callable[[str], object] | None = None
        self._toolbar.addAction(self.act_add)
        self.toolbar_slots: dict[str, QAction] = {}
        self._event_list = FakeEventList()
        self._filter: Callable[[Event], bool] | None = None
        self._view_state: dict[str, Any] = {}
        self.event_actions: list[QAction | None] = []
        self.set_timeline_calls = 0
        self.refresh_calls = 0
        self.title = ""

    def timeline(self) -> Timeline:
        return self._timeline

    def set_timeline(self, tl: Timeline) -> None:
        self.set_timeline_calls += 1
        self._timeline = tl
        ids = {e.id for e in tl.events}
        self._selected = [i for i in self._selected if i in ids]
        self.events_did_change.emit()

    def refresh(self) -> None:
        self.refresh_calls += 1
        self.events_did_change.emit()

    def refresh_events(self, event_ids: Iterable[str]) -> None:
        self.refresh()

    def set_event_filter(self, predicate: Callable[[Event], bool] | None) -> None:
        self._filter = predicate
        self.refresh()

    def set_selected_events(self, event_ids: Sequence[str], sync_list: bool = True) -> None:
        self.set_selection(list(event_ids))

    def event_by_id(self, event_id: str) -> Event | None:
        return next((e for e in self._timeline.events if e.id == event_id), None)

    def view_state(self) -> dict[str, Any]:
        return dict(self._view_state)

    def apply_view_state(self, state: dict[str, Any]) -> None:
        self._view_state = dict(state)
        viewport = state.get("viewport")
        if isinstance(viewport, list) and len(viewport) == 2:
            self._canvas.set_viewport(Viewport(float(viewport[0]), float(viewport[1])))
        selected = state.get("selected")
        if isinstance(selected, str) and selected:
            self.select_event(selected)

    def is_loading(self) -> bool:
        return False

    def add_event_actions(self, actions: Sequence[QAction | None]) -> None:
        self.event_actions = list(actions)

    def event_list(self) -> FakeEventList:
        return self._event_list

    def selected_event_ids(self) -> list[str]:
        return list(self._selected)

    def select_event(self, event_id: str) -> None:
        self.set_selection([event_id] if event_id else [])

    def set_selection(self, ids: list[str]) -> None:
        self._selected = list(ids)
        self.selection_did_change.emit(ids[0] if ids else "")

    def visible_ids(self) -> list[str]:
        keep = self._filter
        return [e.id for e in self._timeline.events if keep is None or keep(e)]

    def menu(self, name: str) -> QMenu:
        return self._menus[name]

    def toolbar(self) -> QToolBar:
        return self._toolbar

    def canvas(self) -> FakeCanvas:
        return self._canvas

    def set_document_title(self, title: str, modified: bool) -> None:
        self.title = f"{title}[*] — Timeline"
        self.setWindowTitle(self.title)
        self.setWindowModified(modified)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        event.accept()


class ScriptedPrompts:
    """Answers questions from queues and records every message shown."""

    def __init__(self) -> None:
        self.unsaved: list[Unsaved] = []
        self.recoveries: list[Recovery] = []
        self.open_paths_answers: list[list[Path]] = []
        self.open_answers: list[Path | None] = []
        self.save_answers: list[Path | None] = []
        self.confirm_answers: list[bool] = []
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str, str]] = []
        self.asked: list[str] = []

    def unsaved_changes(self, name: str) -> Unsaved:
        self.asked.append(f"unsaved:{name}")
        return self.unsaved.pop(0)

    def recover(self, description: str) -> Recovery:
        self.asked.append(f"recover:{description}")
        return self.recoveries.pop(0)

    def open_path(self, title: str, file_filter: str, start: str = "") -> Path | None:
        self.asked.append(f"open:{title}:{file_filter}")
        return self.open_answers.pop(0)

    def open_paths(self, title: str, file_filter: str, start: str = "") -> list[Path]:
        self.asked.append(f"open-many:{title}")
        return self.open_paths_answers.pop(0)

    def save_path(self, title: str, file_filter: str, start: str = "") -> Path | None:
        self.asked.append(f"save:{title}:{file_filter}")
        return self.save_answers.pop(0)

    def error(self, title: str, message: str) -> None:
        self.errors.append((title, message))

    def confirm(self, title: str, message: str, details: str = "", accept: str = "Apply") -> bool:
        self.infos.append((title, message, details))
        return self.confirm_answers.pop(0)

    def inform(self, title: str, message: str, details: str = "") -> None:
        self.infos.append((title, message, details))


CRASHING_SESSION = """
import os, sys
sys.path.insert(0, {tests!r})
from editing_fakes import sample_timeline
from timeline_app.core import edits
from timeline_app.io.project import write_recovery
timeline = sample_timeline()
edits.set_title("e2", "Typed before the crash").apply(timeline)
write_recovery({project}, timeline, {{"zoom": 3}})
os._exit(9)  # no clean shutdown: the snapshot stays behind
"""


def crash_with_unsaved_work(project: Path | None) -> None:
    code = CRASHING_SESSION.format(tests=str(Path(__file__).parent), project=repr(str(project)) if project else None)
    result = subprocess.run([sys.executable, "-c", code], env=os.environ.copy(), check=False, timeout=60)
    assert result.returncode == 9
