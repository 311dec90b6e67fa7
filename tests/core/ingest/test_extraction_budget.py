"""Per-document budgets: a document too large or too complex gives a partial result in bounded
time, says so, and never holds up the other documents of a batch."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest

from timeline_app.core.pipeline import Budget, extract_documents

ARTICLE = (
    "Seoul, Sep 4, 2025 (Agency) - The council approved the budget on Tuesday. "
    "The plan was first proposed in October 2024, officials said.\n\n"
)


def one_long_line(chars: int) -> str:
    rng = random.Random(7)
    words = ARTICLE.replace("\n", " ").split()
    out: list[str] = []
    size = 0
    while size < chars:
        word = rng.choice(words)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:chars]


def test_a_document_over_its_time_budget_gives_a_partial_result_in_time(tmp_path: Path) -> None:
    hostile = tmp_path / "one-line.txt"
    hostile.write_text(one_long_line(1_000_000), encoding="utf-8")
    normal = tmp_path / "article.txt"
    normal.write_text(ARTICLE, encoding="utf-8")
    started = time.monotonic()
    # A quarter of a second: far less than even the first part of this text takes on a fast machine.
    timeline, errors = extract_documents([hostile, normal], budget=Budget(seconds=0.25))
    assert time.monotonic() - started < 8
    assert [Path(p).name for p, _ in errors] == ["one-line.txt"]
    assert "too complex to finish in" in errors[0][1] and "partial result" in errors[0][1]
    docs = {d.id: d for d in timeline.documents}
    assert len(docs["one-line"].text) == 1_000_000  # the document keeps all its text
    assert any(m.document == "article" for e in timeline.events for m in e.mentions)


def test_a_document_over_its_size_budget_is_read_from_its_first_part(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE * 40, encoding="utf-8")
    timeline, errors = extract_documents([path], budget=Budget(chars=1_000))
    ((_, message),) = errors
    assert message.startswith("too large: events come from the first ")
    (doc,) = timeline.documents
    assert len(doc.text) == len(ARTICLE * 40)
    assert timeline.events
    assert all(m.end <= 1_000 for e in timeline.events for m in e.mentions if m.document == doc.id)
    whole, no_errors = extract_documents([path], budget=Budget.unlimited())
    assert not no_errors and len(whole.events) > len(timeline.events)


def test_an_exhausted_budget_leaves_nothing_behind(tmp_path: Path) -> None:
    """Budgets that run out at every possible moment never raise later, in other code."""
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE * 3, encoding="utf-8")
    for seconds in (1e-5, 1e-4, 1e-3, 3e-3, 1e-2):
        timeline, errors = extract_documents([path], budget=Budget(seconds=seconds))
        assert len(errors) <= 1 and len(timeline.documents) + len(errors) >= 1  # read, or said why not
    deadline = time.monotonic() + 0.05
    while time.monotonic() < deadline:  # a stray interruption would land here
        sum(range(1000))


def test_the_budget_holds_in_a_worker_thread(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    path.write_text(one_long_line(600_000), encoding="utf-8")
    found: list[list[tuple[str, str]]] = []
    worker = threading.Thread(target=lambda: found.append(extract_documents([path], budget=Budget(seconds=0.5))[1]))
    worker.start()
    worker.join(10)
    assert not worker.is_alive()
    assert found[0][0][1].startswith("too complex")


@pytest.mark.parametrize("chars", [0, 1])
def test_a_tiny_size_budget_still_keeps_the_document(tmp_path: Path, chars: int) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    timeline, errors = extract_documents([path], budget=Budget(chars=chars))
    assert len(timeline.documents) == 1 and errors


def test_reading_a_document_is_within_the_budget_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_app.core import pipeline

    def endless(path: Path, doc_id: str) -> None:
        while True:
            sum(range(100))

    path = tmp_path / "page.html"
    path.write_text("<html></html>", encoding="utf-8")
    monkeypatch.setattr(pipeline, "load_document", endless)
    started = time.monotonic()
    timeline, errors = extract_documents([path], budget=Budget(seconds=0.3))
    assert time.monotonic() - started < 5
    assert errors == [(str(path), "too complex: could not be read within 0.3 s")] and not timeline.documents


def test_a_crafted_page_date_is_read_quickly(tmp_path: Path) -> None:
    """An odd publication date once sent the page reader through every language dateparser knows."""
    path = tmp_path / "page.html"
    page = (
        '<!DOCTYPE html><html><head><title>T</title><meta property="article:published_time" '
        'content="2025\U0001f600-09-04"></head><body><article><p>' + ARTICLE * 3 + "</p></article></body></html>"
    )
    path.write_text(page, encoding="utf-8")
    started = time.monotonic()
    timeline, errors = extract_documents([path], budget=Budget.unlimited())
    assert time.monotonic() - started < 3
    assert not errors and timeline.events


def test_an_interruption_the_interpreter_dropped_is_raised_again() -> None:
    """Raised inside a weakref callback or a finaliser, the interruption is printed and dropped:
    the time limit raises it again until the work has stopped."""
    from timeline_app.core import pipeline

    outcome: list[str] = []

    def work() -> None:
        try:
            with pipeline._time_limit(0.05):
                try:
                    while True:
                        sum(range(100))
                except pipeline._OutOfTime:
                    outcome.append("dropped")  # as the interpreter does in a callback
                while True:
                    sum(range(100))
        except pipeline._OutOfTime:
            outcome.append("stopped")
        try:  # once the work has stopped, nothing more is raised in its thread
            deadline = time.monotonic() + 0.3
            while time.monotonic() < deadline:
                sum(range(1000))
        except pipeline._OutOfTime:
            outcome.append("stray")

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive() and outcome == ["dropped", "stopped"]
