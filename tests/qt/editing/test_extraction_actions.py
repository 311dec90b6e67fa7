"""Add articles, re-extract and change a reference date from the Edit menu, off the GUI thread."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from editing_fakes import TEXT, FakeMainWindow, ScriptedPrompts
from PySide6.QtCore import QDate

from timeline_app.core import edits
from timeline_app.core.model import DatePoint, Document, Event, FuzzyDate, Mention, Timeline
from timeline_app.qt.editing import ProjectController, extraction_actions

SEEDS = sorted((Path(__file__).parents[3] / "seeds").glob("*.txt"))


class MondayExtractor:
    """Dates "the council met on Monday" from the reference date, like the real pipeline would."""

    def __init__(self) -> None:
        self.threads: list[str] = []
        self.calls: list[tuple[list[str], date | None]] = []

    def __call__(self, paths: list[str], reference_date: date | None) -> tuple[Timeline, list[str]]:
        self.threads.append(threading.current_thread().name)
        self.calls.append((paths, reference_date))
        ref = reference_date or date(2025, 9, 4)
        monday = date.fromordinal(ref.toordinal() - ref.weekday())
        text = Path(paths[0]).read_text(encoding="utf-8")
        doc = Document("x", paths[0], text, reference_date=ref)
        phrase = "The council met on Monday."
        start = text.index(phrase)
        event = Event(
            "n1",
            "Council met",
            phrase,
            FuzzyDate.point(DatePoint.day(monday)),
            mentions=[Mention("x", start, start + len(phrase), phrase)],
        )
        return Timeline([doc], [event]), []


def wait_idle(controller: ProjectController, qtbot) -> None:
    qtbot.waitUntil(lambda: not controller.worker.busy, timeout=60_000)


def test_change_reference_date_redates_and_keeps_curated(
    controller: ProjectController, prompts: ScriptedPrompts, qtbot, tmp_path: Path
) -> None:
    article = tmp_path / "council.txt"
    article.write_text(TEXT, encoding="utf-8")
    controller.model.documents[0].path = str(article)
    controller.push(edits.set_title("e1", "Protests (checked)"))
    extract = MondayExtractor()
    controller.extractor = extract
    assert extraction_actions.change_reference_date(controller, "d1", date(2025, 8, 20))
    wait_idle(controller, qtbot)
    assert extract.threads and extract.threads[0] != threading.main_thread().name
    assert extract.calls == [([str(article)], date(2025, 8, 20))]
    council = edits.find_event(controller.model, "e2")
    assert council.date.edtf == "2025-08-18"
    assert edits.find_event(controller.model, "e1").title == "Protests (checked)"
    assert controller.model.documents[0].reference_date == date(2025, 8, 20)
    assert controller.undo_stack.undoText() == "Change reference date"
    controller.undo_stack.undo()
    assert edits.find_event(controller.model, "e2").date.edtf == "2025-09-01"
    assert controller.model.documents[0].reference_date == date(2025, 9, 4)


def test_reextract_shows_the_changes_and_applies_only_when_confirmed(
    controller: ProjectController, prompts: ScriptedPrompts, qtbot, tmp_path: Path
) -> None:
    article = tmp_path / "council.txt"
    article.write_text(TEXT, encoding="utf-8")
    controller.model.documents[0].path = str(article)
    controller.extractor = MondayExtractor()
    prompts.confirm_answers = [False]
    assert extraction_actions.reextract(controller)
    wait_idle(controller, qtbot)
    title, message, details = prompts.infos[0]
    assert (title, message) == ("Re-extract", "Apply the new extraction?")
    assert details.startswith("0 added, 2 removed, 0 re-dated")
    assert "Report expected" in details
    assert len(controller.model.events) == 3 and controller.undo_stack.count() == 0
    prompts.confirm_answers = [True]
    assert extraction_actions.reextract(controller)
    wait_idle(controller, qtbot)
    assert [e.id for e in controller.model.events] == ["e2"]
    controller.undo_stack.undo()
    assert len(controller.model.events) == 3


def test_failed_extraction_is_reported_and_changes_nothing(
    controller: ProjectController, prompts: ScriptedPrompts, qtbot
) -> None:
    def broken(paths: list[str], reference_date: date | None) -> tuple[Timeline, list[str]]:
        raise OSError("permission denied")

    controller.extractor = broken
    prompts.confirm_answers = [True]
    assert extraction_actions.reextract(controller)
    wait_idle(controller, qtbot)
    assert prompts.errors == [("Re-extracting…", "re-extraction failed: permission denied")]
    assert len(controller.model.events) == 3 and not controller.modified


def test_add_seed_article_with_the_real_pipeline(
    controller: ProjectController, window: FakeMainWindow, prompts: ScriptedPrompts, qtbot
) -> None:
    prompts.open_paths_answers = [[SEEDS[0]]]
    assert extraction_actions.add_articles(controller)
    wait_idle(controller, qtbot)
    docs = controller.model.documents
    assert docs[0].id == "d1" and len(docs) == 2
    new_doc = docs[1]
    added = [e for e in controller.model.events if e.document == new_doc.id]
    assert added and all(e.date.earliest or e.date.latest for e in added)
    assert window.timeline() is controller.model
    assert controller.modified
    controller.undo_stack.undo()
    assert len(controller.model.documents) == 1 and len(controller.model.events) == 3


def test_reference_date_dialog_starts_on_the_selected_events_article(qtbot) -> None:
    docs = [
        Document(
            "a", "/news/a.txt", "", title="First", reference_date=date(2025, 1, 2), reference_date_basis="dateline"
        ),
        Document("b", "/news/b.txt", "", reference_date=date(2024, 6, 30), reference_date_weak=True),
    ]
    dialog = extraction_actions.ReferenceDateDialog(None, docs, "b")
    qtbot.addWidget(dialog)
    assert dialog.document.currentText() == "/news/b.txt"
    assert dialog.choice() == ("b", date(2024, 6, 30))
    assert "(a guess)" in dialog.basis.text()
    dialog.document.setCurrentIndex(0)
    dialog.day.setDate(QDate(2025, 1, 5))
    assert dialog.choice() == ("a", date(2025, 1, 5))
    assert "dateline" in dialog.basis.text()
