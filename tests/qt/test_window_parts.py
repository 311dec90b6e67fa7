from datetime import date

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot
from viewer_fixtures import TEXT, make_timeline

from timeline_app.app.status_text import status_summary
from timeline_app.core.model import Document
from timeline_app.qt.document_view import event_at_offset
from timeline_app.qt.window_actions import make_action, unique_shortcuts


def test_shortcuts_are_listed_once(qtbot: QtBot) -> None:  # standard keys need the application
    keys = unique_shortcuts(["Ctrl+=", "Ctrl+=", QKeySequence.StandardKey.ZoomIn, ""])
    texts = [k.toString() for k in keys]
    assert texts[0] == "Ctrl+=" and len(texts) == len(set(texts))


def test_action_tooltip_names_its_key(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    calls: list[int] = []
    owner = QWidget()
    qtbot.addWidget(owner)
    action = make_action(owner, "Go to &Date…", lambda: calls.append(1), ["Ctrl+G"])
    assert action.toolTip() == "Go to Date (Ctrl+G)"
    action.trigger()
    assert calls == [1]


def test_status_names_each_documents_reference_date() -> None:
    timeline = make_timeline()
    timeline.documents.append(Document("b", "/x/b.txt", "", reference_date=date(2024, 1, 2), reference_date_weak=True))
    summary, lines = status_summary(timeline, undated=1)
    assert summary == "2 documents · 5 events · 1 without dates"
    assert lines == ["Talks article: written 4 Sep 2025 (dateline)", "b.txt: written 2 Jan 2024 — weak"]


def test_event_at_offset_uses_sentences_and_mentions() -> None:
    timeline = make_timeline()
    doc = timeline.documents[0]
    assert event_at_offset(timeline, doc, TEXT.index("the previous day")) == "parade"
    assert event_at_offset(timeline, doc, TEXT.index("Thursday")) == "talks"
    assert event_at_offset(timeline, doc, TEXT.index("Seoul")) == ""
